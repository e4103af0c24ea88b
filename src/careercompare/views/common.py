"""Pieces several views share: the missing-fact text, role headers, source lists."""

from __future__ import annotations

from careercompare.citations import Citations
from careercompare.document import Block, Paragraph, SourceList
from careercompare.models import Role

NOT_IN_SOURCES = "not in sources"


def cited(text: str, marker: str) -> str:
    """Text followed by its source marker."""
    return f"{text} {marker}"


def role_ref(role: Role) -> dict[str, object]:
    """How --json names a role."""
    return {"id": role.id, "name": role.name}


def occupation_notes(roles: list[Role], citations: Citations) -> list[Block]:
    """A note for each role whose BLS figures are for a loosely matching occupation."""
    notes: list[Block] = []
    for role in roles:
        occupation = role.bls_occupation
        if occupation is None or occupation.match == "exact":
            continue
        code = f" ({occupation.soc_code})" if occupation.soc_code else ""
        text = f"{role.name}: BLS figures are for {occupation.title}{code}, the closest match"
        text += f" {citations.cite(occupation.source)}."
        if occupation.note:
            text += f" {occupation.note.text} {citations.cite(occupation.note.source)}"
        notes.append(Paragraph(text, note=True))
    return notes


def sources_block(citations: Citations) -> list[Block]:
    """The closing list of sources, when the view cited any."""
    entries = citations.entries()
    return [SourceList(entries)] if entries else []
