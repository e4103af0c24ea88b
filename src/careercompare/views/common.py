"""Pieces several views share: role references, occupation notes, the source list."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from careercompare.catalog.models import GrowthDriver, Role, SourcedText
from careercompare.results.base import CitedSource, CitingResult
from careercompare.results.blocks import Block, Paragraph, SourceList
from careercompare.results.inline import Cite, Gap, Text, join_text
from careercompare.views.citations import Citations

# What a cell, line or list no source fills says.
NOT_IN_SOURCES = Gap("not in sources")
# What a figure BLS did not publish for an occupation and area says.
NOT_RELEASED = Gap("not released by BLS")


@dataclass(frozen=True)
class RoleRef:
    """How --json names a role; `short_name` heads table columns."""

    id: str
    name: str
    short_name: str | None = None

    @classmethod
    def of(cls, role: Role) -> RoleRef:
        return cls(role.id, role.name, role.short_name)

    @property
    def header(self) -> str:
        return self.short_name or self.name


class OfRole:
    """A view's entry for one role, named in --json by its `role` object: `id` and
    `name` read through it."""

    role: RoleRef

    @property
    def id(self) -> str:
        return self.role.id

    @property
    def name(self) -> str:
        return self.role.name


@dataclass(frozen=True)
class OccupationNote:
    """A role whose BLS figures are for a loosely matching occupation."""

    role: RoleRef
    title: str
    soc_code: str | None
    source: str
    note: SourcedText | None


def occupation_notes(roles: Iterable[Role], citations: Citations) -> tuple[OccupationNote, ...]:
    """A note for each role whose BLS figures are for the closest, not the same, occupation."""
    notes = []
    for role in roles:
        occupation = role.bls_occupation
        if occupation is None or occupation.match == "exact":
            continue
        citations.cite(occupation.source)
        if occupation.note:
            citations.cite(occupation.note.source)
        notes.append(
            OccupationNote(
                RoleRef.of(role),
                occupation.title,
                occupation.soc_code,
                occupation.source,
                occupation.note,
            )
        )
    return tuple(notes)


def occupation_note_blocks(result: CitingResult, notes: Iterable[OccupationNote]) -> list[Block]:
    """The occupation notes as de-emphasised paragraphs."""
    blocks: list[Block] = []
    for note in notes:
        code = f" ({note.soc_code})" if note.soc_code else ""
        text = f"{note.role.name}: BLS figures are for {note.title}{code}, the closest match "
        shown = text + result.marker(note.source) + "."
        if note.note:
            shown += " " + result.cited(note.note.text, note.note.source)
        blocks.append(Paragraph(shown, note=True))
    return blocks


def driver_text(driver: GrowthDriver) -> str:
    """A reason for growth, with the older projection period it was given for."""
    if driver.period is None:
        return driver.text
    return f"{driver.text} (the reason given for the projections of {driver.period})"


def describe_source(cited: CitedSource, others: dict[str, CitedSource]) -> Text:
    """A source as a reader needs it: title, publisher, date, address, who reported it.

    A figure known only from another source is dated by that source, and says so:
    "Reported in [3] (published 2026-01-28); original date not given."
    """
    source = cited.source
    first = f"{source.title}. {source.publisher}"
    if source.date is not None:
        first += f", {source.date_meaning} {source.date}"
    parts: list[Text] = [first + "."]
    if source.url:
        parts.append(source.url)
    if source.reported_by is not None:
        reporter = others[source.reported_by]
        when = reporter.source.date
        dated = f" ({reporter.source.date_meaning} {when})" if when else ""
        original = "" if source.date else "; original date not given"
        parts.append("Reported in " + Cite(reporter.number) + f"{dated}{original}.")
    if source.note:
        parts.append(source.note)
    return join_text(" ", parts)


def sources_block(result: CitingResult) -> list[Block]:
    """The closing list of sources, when the view cited any."""
    others = {cited.source.id: cited for cited in result.sources}
    entries = tuple(describe_source(cited, others) for cited in result.sources)
    return [SourceList(entries)] if entries else []
