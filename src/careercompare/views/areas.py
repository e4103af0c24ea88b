"""`careercompare areas`: the OEWS areas with their codes and types, optionally searched."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from careercompare.errors import UsageError
from careercompare.results.base import CsvValue, ViewResult
from careercompare.results.blocks import Block, Heading, Paragraph, Records
from careercompare.wages.areas import (
    area_suggestion,
    areas_in,
    holds_words,
    state_names,
    words_of,
)
from careercompare.wages.choices import AreaKind
from careercompare.wages.estimates import Area

KIND_LABELS = {
    "nation": "nation",
    "state": "state",
    "territory": "territory",
    "metro": "metropolitan area",
    "nonmetro": "nonmetropolitan area",
}


@dataclass(frozen=True, kw_only=True)
class AreasResult(ViewResult, view="areas", glossary_hint=False):
    """The areas of a wage release that matched."""

    # no glossary note: a listing of names
    release: str
    words: tuple[str, ...]
    areas: tuple[Area, ...]

    def blocks(self) -> tuple[Block, ...]:
        title = f"Areas of the BLS OEWS {self.release} wages"
        if self.words:
            title += f" matching '{' '.join(self.words)}'"
        rows = tuple(
            (a.code, a.title, KIND_LABELS.get(a.kind, a.kind), a.state) for a in self.areas
        )
        return (
            Heading(title),
            Records(("Code", "Name", "Type", "State"), rows),
            Paragraph(
                f"{len(self.areas)} {'area' if len(self.areas) == 1 else 'areas'}. Give one to "
                "--area by its code, its name as listed or words of its name; a state also by its "
                "postal code.",
                note=True,
            ),
        )

    def records(self) -> list[dict[str, CsvValue]]:
        return [
            {"code": a.code, "name": a.title, "type": a.kind, "state": a.state} for a in self.areas
        ]


def build_areas(
    release: str,
    areas: Sequence[Area],
    *,
    search: Sequence[str],
    kind: AreaKind | None,
    state: str | None,
) -> AreasResult:
    """The areas of a kind, in a state, holding the words searched for."""
    chosen = (
        list(areas) if kind is None and state is None else areas_in(areas, kind=kind, state=state)
    )
    words = tuple(word for phrase in search for word in phrase.split())
    if words:
        names = state_names(areas)
        # a state's postal code in capitals ('FL') is that state, not the start of a word
        # ('Flagstaff'); any other word starts a word of the name or of its state's name
        states = [word for word in words if word.isupper() and word in names]
        wanted = words_of(" ".join(word for word in words if word not in states))
        chosen = [
            a
            for a in chosen
            if (all(state in a.states for state in states) and holds_words(a, wanted, names))
            or a.code in words
        ]
    if not chosen:
        meant = area_suggestion(" ".join(words).casefold(), areas) if words else ""
        raise UsageError(
            f"no area matches '{' '.join(words)}'; {meant}run 'careercompare areas' to list "
            "them all"
        )
    return AreasResult(release=release, words=words, areas=tuple(chosen))
