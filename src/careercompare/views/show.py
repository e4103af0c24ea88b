"""`careercompare show`: one role's whole profile."""

from __future__ import annotations

from careercompare.citations import Citations
from careercompare.document import Block, BulletList, FieldList, Heading, Paragraph, View
from careercompare.figures import number
from careercompare.models import Role, SourcedText, json_data
from careercompare.query import CatalogIndex
from careercompare.views.common import NOT_IN_SOURCES, occupation_notes, sources_block
from careercompare.views.outlook import outlook_records
from careercompare.views.salary import salary_records


def _sourced(items: list[SourcedText], citations: Citations) -> tuple[str, ...]:
    return tuple(f"{item.text} {citations.cite(item.source)}" for item in items)


def _section(title: str, items: tuple[str, ...]) -> list[Block]:
    body: Block = BulletList(items) if items else Paragraph(NOT_IN_SOURCES)
    return [Heading(title, 2), body]


def _overview(role: Role, index: CatalogIndex, citations: Citations) -> list[Block]:
    blocks: list[Block] = [Heading(role.name)]
    if role.summary:
        blocks.append(Paragraph(f"{role.summary.text} {citations.cite(role.summary.source)}"))
    occupation = role.bls_occupation
    bls = NOT_IN_SOURCES
    if occupation:
        code = f" ({occupation.soc_code})" if occupation.soc_code else ""
        marker = citations.cite(occupation.source)
        bls = f"{occupation.title}{code}, {occupation.match} match {marker}"
    pairs = [
        ("Id", role.id),
        ("Also called", ", ".join(role.aliases) or "no aliases"),
        ("BLS occupation", bls),
    ]
    blocks.append(FieldList(tuple(pairs)))
    comparison = [
        (c.label, f"{role.comparison[c.id].text} {citations.cite(role.comparison[c.id].source)}")
        for c in index.catalog.comparison_categories
        if c.id in role.comparison
    ]
    blocks += [
        Heading("Quick comparison", 2),
        FieldList(tuple(comparison)) if comparison else Paragraph(NOT_IN_SOURCES),
    ]
    return blocks


def _duties(role: Role, citations: Citations) -> list[Block]:
    blocks: list[Block] = [Heading("Duties", 2)]
    for area in ("clinical", "administrative"):
        items = tuple(f"{d.text} {citations.cite(d.source)}" for d in role.duties if d.area == area)
        blocks += [
            Paragraph(f"{area.capitalize()}:"),
            BulletList(items) if items else Paragraph(NOT_IN_SOURCES),
        ]
    return blocks


def _education(role: Role, index: CatalogIndex, citations: Citations) -> list[Block]:
    items = [
        f"{p.topic.replace('-', ' ')}: {p.text} {citations.cite(p.source)}" for p in role.education
    ]
    length = role.program_length
    if length:
        items.append(
            f"program length: {number(length.low)} to {number(length.high)} {length.unit} "
            f"({length.scope}) {citations.cite(length.source)}"
        )
    items += [
        f"{r.kind.replace('-', ' ')} (BLS): {r.text}"
        + (f" ({r.scope})" if r.scope else "")
        + f" {citations.cite(r.source)}"
        for r in role.requirements
    ]
    certifications = []
    for c in role.certifications:
        text = f"{c.code}, {c.name}"
        text += f", from {c.issuer}" if c.issuer else ""
        text += f": {c.status}"
        text += f". {c.status_note}" if c.status_note else ""
        text += f" Who may sit: {c.eligibility}." if c.eligibility else ""
        certifications.append(f"{text} {citations.cite(c.source)}")
    return _section("Education and training", tuple(items)) + _section(
        "Certifications", tuple(certifications)
    )


def _paths(role: Role, index: CatalogIndex, citations: Citations) -> tuple[str, ...]:
    items = []
    for path in role.career_paths:
        target = index.roles_by_id.get(path.role) if path.role else None
        where = f" -> {target.name}" if target else " (not in this catalog)"
        note = f"; {path.note}" if path.note else ""
        items.append(f"{path.label}{where}{note} {citations.cite(path.source)}")
    return tuple(items)


def show_view(index: CatalogIndex, role: Role) -> View:
    """Everything the catalog says about one role, each fact with its source."""
    citations = Citations(index.catalog)
    settings = tuple(
        f"{s.text}"
        + (f" ({number(s.share_percent)}% of jobs)" if s.share_percent is not None else "")
        + f" {citations.cite(s.source)}"
        for s in role.work_settings
    )
    blocks: list[Block] = [
        *_overview(role, index, citations),
        *_duties(role, citations),
        *_section("Skills", _sourced(role.skills, citations)),
        *_section("Work settings", settings),
        *_education(role, index, citations),
        Heading("Salary", 2),
        salary_records(role, citations, hourly=False),
        *([BulletList(_sourced(role.salary_notes, citations))] if role.salary_notes else []),
        Heading("Outlook", 2),
        outlook_records(index, role, citations),
        *_section("What drives growth", _sourced(role.growth_drivers, citations)),
        *_section("Where it leads", _paths(role, index, citations)),
        *_section("Choose this role if", _sourced(role.choose_if, citations)),
        *occupation_notes([role], citations),
        *sources_block(citations),
    ]

    def data() -> dict[str, object]:
        return {"view": "show", "role": json_data(role), "sources": citations.data()}

    return View("show", tuple(blocks), data)
