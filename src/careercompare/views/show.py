"""`careercompare show`: one role's whole profile."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from careercompare.catalog.index import CatalogIndex
from careercompare.catalog.models import REQUIREMENT_COLUMNS, ComparisonCategory, Role, SourcedText
from careercompare.results.base import NOT_IN_JSON, CitingResult
from careercompare.results.blocks import Block, BulletList, FieldList, Heading, Paragraph
from careercompare.results.inline import Text
from careercompare.views.citations import Citations
from careercompare.views.common import (
    NOT_IN_SOURCES,
    OccupationNote,
    driver_text,
    occupation_note_blocks,
    occupation_notes,
    sources_block,
)
from careercompare.views.formatting import length_span, money, number
from careercompare.views.local_wages import (
    LocalArea,
    RoleWages,
    precision_notes,
    role_wages,
)
from careercompare.views.pay_table import figure_records
from careercompare.views.program_figures import ProgramsNear
from careercompare.views.projection_table import Projection, projection_records, projections


@dataclass(frozen=True, kw_only=True)
class ShowResult(CitingResult, view="show", json_version=4):
    """Everything the catalog says about one role."""

    # 2: O*NET's description is the role's summary (no what_they_do); tasks, preparation;
    # local wages name their role as {id, name, short_name}
    # 3: programs_near is a list, one entry per state asked for
    # 4: programs_near's median earnings and debt count each school's figures once
    role: Role
    categories: tuple[ComparisonCategory, ...] = field(metadata=NOT_IN_JSON)
    path_targets: dict[str, str] = field(metadata=NOT_IN_JSON)
    projections: tuple[Projection, ...] = field(metadata=NOT_IN_JSON)
    occupation_notes: tuple[OccupationNote, ...] = field(metadata=NOT_IN_JSON)
    wage_release: str | None = None
    local_wages: RoleWages | None = None
    programs_near: tuple[ProgramsNear, ...] = ()
    # for a role without aliases of the catalog's: O*NET's sample of reported job titles
    reported_titles: tuple[str, ...] = ()
    reported_titles_source: str | None = field(default=None, metadata=NOT_IN_JSON)

    def blocks(self) -> tuple[Block, ...]:
        role = self.role
        missing: list[str] = []  # the sections no source speaks to, said once at the end

        def section(title: str, items: tuple[Text, ...]) -> list[Block]:
            if not items:
                missing.append(title)
                return []
            return [Heading(title, 2), BulletList(items)]

        duties = self._duties()
        if not duties and not role.tasks:
            missing.append("Duties")
        certifications = self._certification_section()
        return (
            *self._overview(),
            *duties,
            *self._tasks(),
            *section("Skills", self._sourced(role.skills)),
            *section("Work settings", self._settings()),
            *section("Education and training", self._education()),
            *(certifications or section("Certifications", ())),
            Heading("Salary", 2),
            figure_records(
                self, role.salary, hourly=False, local=self.local_wages, release=self.wage_release
            ),
            *self._local_notes(),
            *self._programs_near(),
            *([BulletList(self._sourced(role.salary_notes))] if role.salary_notes else []),
            Heading("Outlook", 2),
            projection_records(self, self.projections),
            *section(
                "What drives growth",
                tuple(self.cited(driver_text(d), d.source) for d in role.growth_drivers),
            ),
            *section("Where it leads", self._paths()),
            *section("Choose this role if", self._sourced(role.choose_if)),
            *_missing_blocks(missing),
            *occupation_note_blocks(self, self.occupation_notes),
            *sources_block(self),
        )

    def _sourced(self, items: Sequence[SourcedText]) -> tuple[Text, ...]:
        return tuple(self.cited(item.text, item.source) for item in items)

    def _overview(self) -> list[Block]:
        role = self.role
        blocks: list[Block] = [Heading(role.name)]
        if role.summary:
            blocks.append(Paragraph(self.cited(role.summary.text, role.summary.source)))
        occupation = role.bls_occupation
        bls: Text = NOT_IN_SOURCES
        if occupation:
            code = f" ({occupation.soc_code})" if occupation.soc_code else ""
            bls = self.cited(
                f"{occupation.title}{code}, {occupation.match} match", occupation.source
            )
        called: Text = ", ".join(role.aliases) or "no aliases"
        if not role.aliases and self.reported_titles and self.reported_titles_source:
            called = self.cited(
                ", ".join(self.reported_titles) + " (O*NET's sample of reported job titles)",
                self.reported_titles_source,
            )
        pairs: tuple[tuple[str, Text], ...] = (
            ("Id", role.id),
            ("Also called", called),
            ("BLS occupation", bls),
        )
        comparison = tuple(
            (c.label, self.cited(role.comparison[c.id].text, role.comparison[c.id].source))
            for c in self.categories
            if c.id in role.comparison
        )
        return [
            *blocks,
            FieldList(pairs),
            Heading("Quick comparison", 2),
            FieldList(comparison) if comparison else Paragraph(NOT_IN_SOURCES),
        ]

    def _tasks(self) -> list[Block]:
        tasks = self.role.tasks
        if not tasks:
            return []
        return [Heading("Main tasks", 2), BulletList(self._sourced(tasks))]

    def _duties(self) -> list[Block]:
        """The duties by area; none where the sources give none (O*NET's tasks, where
        there are any, are the duties)."""
        blocks: list[Block] = [Heading("Duties", 2)]
        if not self.role.duties:
            return []
        for area in ("clinical", "administrative"):
            items = tuple(self.cited(d.text, d.source) for d in self.role.duties if d.area == area)
            blocks += [
                Paragraph(f"{area.capitalize()}:"),
                BulletList(items) if items else Paragraph(NOT_IN_SOURCES),
            ]
        return blocks

    def _settings(self) -> tuple[Text, ...]:
        return tuple(
            self.cited(
                s.text
                + (f" ({number(s.share_percent)}% of jobs)" if s.share_percent is not None else ""),
                s.source,
            )
            for s in self.role.work_settings
        )

    def _education(self) -> tuple[Text, ...]:
        role = self.role
        items: list[Text] = [
            self.cited(f"{p.topic.replace('-', ' ')}: {p.text}", p.source) for p in role.education
        ]
        length = role.program_length
        if length:
            items.append(self.cited(f"program length: {length_span(length)}", length.source))
        items += [
            self.cited(
                f"{REQUIREMENT_COLUMNS[r.kind]} (BLS): {r.text}"
                + (f" ({r.scope})" if r.scope else ""),
                r.source,
            )
            for r in role.requirements
        ]
        if role.preparation:
            text = f"preparation (O*NET job zone): {role.preparation.text}"
            items.append(self.cited(text, role.preparation.source))
        return tuple(items)

    def _certification_section(self) -> list[Block]:
        """The certifications the sources name; where they name none but speak of
        certification, a pointer to that; else nothing."""
        named = self._certifications()
        if named:
            return [Heading("Certifications", 2), BulletList(named)]
        if not any(p.topic == "certification" for p in self.role.education):
            return []
        said = "None named in the sources; what they say of certification is under Education "
        return [Heading("Certifications", 2), Paragraph(said + "and training above.")]

    def _certifications(self) -> tuple[Text, ...]:
        shown: list[Text] = []
        for c in self.role.certifications:
            text = f"{c.code}, {c.name}" if c.name else c.code
            text += f", from {c.issuer}" if c.issuer else ""
            text += f": {_sentence(c.status)}"
            text += f" {_sentence(c.status_note)}" if c.status_note else ""
            text += f" Who may sit: {_sentence(c.eligibility)}" if c.eligibility else ""
            shown.append(self.cited(text, c.source))
        return tuple(shown)

    def _programs_near(self) -> list[Block]:
        return [self._near(near) for near in self.programs_near]

    def _near(self, near: ProgramsNear) -> Block:
        figures = []
        if near.median_earnings is not None:
            figures.append(
                f"the middle program's graduates earn {money(near.median_earnings)} (1 or 4 "
                "years after completion, as each program publishes)"
            )
        if near.median_debt is not None:
            figures.append(f"median debt {money(near.median_debt)}")
        fields: Text = f"Programs near you ({near.state}): {number(near.programs)} programs, "
        fields += "of every credential, in the fields that lead to it"
        shared = near.shared.words()
        if shared:
            fields = fields + f" ({shared} " + self.marker(near.crosswalk.id) + ")"
        published = (
            f"{number(near.with_earnings)} publish earnings"
            if near.with_earnings
            else "none publishes earnings"
        )
        middle = (
            f", {', '.join(figures)} (careercompare's middle of the published figures, "
            "each school's once)"
            if figures
            else ""
        )
        text = f"; {published}{middle} "
        command = (
            f"'careercompare programs {self.role.id} --area {near.postal} --credential any' "
            "lists them."
        )
        return Paragraph(fields + text + self.marker(near.source.id) + ". " + command)

    def _local_notes(self) -> list[Block]:
        local = self.local_wages
        if local is None:
            return []
        notes = [f"Local wages: {local.note}."] if local.note else []
        return [Paragraph(text, note=True) for text in notes + precision_notes(local)]

    def _paths(self) -> tuple[Text, ...]:
        items: list[Text] = []
        for path in self.role.career_paths:
            target = self.path_targets.get(path.role) if path.role else None
            where = f" -> {target}" if target else " (not in this catalog)"
            item = self.cited(f"{path.label}{where}", path.source)
            if path.note:
                item += "; " + self.cited(path.note, path.note_source or path.source)
            items.append(item)
        return tuple(items)


def _missing_blocks(titles: list[str]) -> list[Block]:
    """One line for the sections no source speaks to, in place of an empty one each."""
    if not titles:
        return []
    named = "; ".join(title if n == 0 else title.lower() for n, title in enumerate(titles))
    return [Heading("Not in the sources", 2), Paragraph(f"{named}.")]


def _cite_in_order(
    index: CatalogIndex, role: Role, citations: Citations, local: LocalArea | None
) -> RoleWages | None:
    """Cite the role's sources in the order the profile shows them, up to its salary;
    the local wages, asked for, are read there."""
    sourced: list[str] = []
    if role.summary:
        sourced.append(role.summary.source)
    if role.bls_occupation:
        sourced.append(role.bls_occupation.source)
    categories = index.catalog.comparison_categories
    sourced += [role.comparison[c.id].source for c in categories if c.id in role.comparison]
    sourced += [
        d.source for area in ("clinical", "administrative") for d in role.duties if d.area == area
    ]
    sourced += [t.source for t in role.tasks]
    sourced += [s.source for s in role.skills]
    sourced += [s.source for s in role.work_settings]
    sourced += [p.source for p in role.education]
    sourced += [role.program_length.source] if role.program_length else []
    sourced += [r.source for r in role.requirements]
    sourced += [role.preparation.source] if role.preparation else []
    sourced += [c.source for c in role.certifications]
    for source in sourced:
        citations.cite(source)
    wages = role_wages(index, local.db, role, local.areas, citations) if local else None
    for later in (role.salary, role.salary_notes):
        for item in later:
            citations.cite(item.source)
    return wages


def build_show(
    index: CatalogIndex,
    role: Role,
    *,
    local: LocalArea | None = None,
    near: Sequence[ProgramsNear] = (),
) -> ShowResult:
    """Everything the catalog says about one role, each fact with its source; with
    `local`, its OEWS wages in that area and the nation."""
    citations = Citations(index)
    reported = index.tables.reported_titles(role) if index.tables and not role.aliases else None
    if reported is not None:  # it comes first, under the role's name
        citations.cite(reported[1])
    wages = _cite_in_order(index, role, citations, local)
    nearby = tuple(near)
    for each in nearby:
        if each.shared.shared_with:  # its marker comes first
            citations.cite_source(each.crosswalk)
        citations.cite_source(each.source)
    ordered = projections(index, role, citations)
    for driver in role.growth_drivers:
        citations.cite(driver.source)
    for path in role.career_paths:
        citations.cite(path.source)
        if path.note_source:
            citations.cite(path.note_source)
    for reason in role.choose_if:
        citations.cite(reason.source)
    found = {path.role: index.role_name(path.role) for path in role.career_paths if path.role}
    targets = {role_id: name for role_id, name in found.items() if name is not None}
    return ShowResult(
        role=role,
        categories=tuple(index.catalog.comparison_categories),
        path_targets=targets,
        projections=ordered,
        occupation_notes=occupation_notes([role], citations),
        wage_release=local.release if local else None,
        local_wages=wages,
        programs_near=nearby,
        reported_titles=reported[0] if reported else (),
        reported_titles_source=reported[1] if reported else None,
        sources=citations.cited(),
    )


def _sentence(text: str) -> str:
    """The text ending as a sentence does, with one full stop."""
    return text if text.endswith((".", "!", "?")) else text + "."
