"""`careercompare table`: the roles side by side, one row per comparison category."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from careercompare.catalog.index import CatalogIndex
from careercompare.catalog.models import (
    ComparisonCategory,
    OutlookFigure,
    Role,
    SalaryFigure,
)
from careercompare.results.base import NOT_IN_JSON, CitingResult, CsvValue
from careercompare.results.blocks import Block, Comparison, Heading, Paragraph
from careercompare.results.inline import Gap, Text, join_text, plain
from careercompare.views.citations import Citations
from careercompare.views.common import (
    NOT_IN_SOURCES,
    OccupationNote,
    RoleRef,
    occupation_note_blocks,
    occupation_notes,
    sources_block,
)
from careercompare.views.formatting import outlook_summary, salary_amount

if TYPE_CHECKING:  # the wage modules are imported only when --area asks for wages
    from careercompare.views.local_wages import LocalArea


@dataclass(frozen=True)
class TableCell:
    """One role's answer to one comparison row; `figure` names the figure it shows."""

    role: str
    text: Text
    source: str | None
    figure: str | None = None
    period: str | None = None


@dataclass(frozen=True)
class TableRow:
    """One comparison category across the roles: its id in the catalog (`category`),
    its `label`, its `kind` (where its cells come from: "text", "median-pay",
    "entry-education" or "outlook"), and a cell for each role, in the order of the roles."""

    category: str
    label: str
    kind: str
    cells: tuple[TableCell, ...]


@dataclass(frozen=True, kw_only=True)
class TableResult(CitingResult, view="table", json_version=2):
    """The comparison table of some roles."""

    # 2: an occupation note names its role as {id, name, short_name}
    roles: tuple[RoleRef, ...]
    rows: tuple[TableRow, ...]
    occupation_notes: tuple[OccupationNote, ...]
    wide: bool = field(default=False, metadata=NOT_IN_JSON)  # the CSV layout asked for

    def blocks(self) -> tuple[Block, ...]:
        names = tuple(role.header for role in self.roles)
        shown = tuple(
            (
                row.label,
                tuple(
                    self.cited(cell.text, cell.source) if cell.source else cell.text
                    for cell in row.cells
                ),
            )
            for row in self.rows
        )
        return (
            Heading(" vs ".join(names)),
            Comparison("Category", names, shown),
            *self._period_notes(),
            *occupation_note_blocks(self, self.occupation_notes),
            *sources_block(self),
        )

    def _period_notes(self) -> list[Block]:
        """A note for each row whose figures are of different periods."""
        notes: list[Block] = []
        for row in self.rows:
            periods = list(dict.fromkeys(cell.period for cell in row.cells if cell.period))
            if len(periods) > 1:
                notes.append(
                    Paragraph(
                        f"{row.label}: figures of different periods side by side "
                        f"({', '.join(periods)}); compare those of one period with each other.",
                        note=True,
                    )
                )
        return notes

    def records(self) -> list[dict[str, CsvValue]]:
        """One record per role and category; with `wide`, one per category, with a value,
        period, source and address column for each role."""
        if self.wide:
            return self._wide_records()
        names = {role.id: role.name for role in self.roles}
        return [
            {
                "category": row.category,
                "label": row.label,
                "role_id": cell.role,
                "role": names[cell.role],
                "value": _without_period(cell),
                "period": cell.period or "",
                "source": cell.source or "",
                "source_number": self.number(cell.source),
            }
            for row in self.rows
            for cell in row.cells
        ]

    def _wide_records(self) -> list[dict[str, CsvValue]]:
        columns = _wide_columns(self.roles)
        cited = {c.source.id: c.source for c in self.sources}
        records: list[dict[str, CsvValue]] = []
        for row in self.rows:
            record: dict[str, CsvValue] = {"category": row.category, "label": row.label}
            for cell in row.cells:
                name = columns[cell.role]
                source = cited.get(cell.source or "")
                record[name] = _without_period(cell)
                record[f"{name}: period"] = cell.period or ""
                record[f"{name}: source"] = source.title if source else ""
                record[f"{name}: source address"] = (source.url or "") if source else ""
            records.append(record)
        return records


def _wide_columns(roles: tuple[RoleRef, ...]) -> dict[str, str]:
    """Each role's column name: its name, or its id where two roles share a name."""
    counts: dict[str, int] = {}
    for role in roles:
        counts[role.name] = counts.get(role.name, 0) + 1
    return {role.id: role.name if counts[role.name] == 1 else role.id for role in roles}


def _without_period(cell: TableCell) -> str:
    """The cell's text without the period it ends with, which the period column holds
    ('+12.5% (2024-2034)' is '+12.5%': a number a spreadsheet reads as one)."""
    suffix = f" ({cell.period})"
    shown = plain(cell.text)
    if cell.period and shown.endswith(suffix):
        return shown[: -len(suffix)]
    return shown


def gap_text(index: CatalogIndex) -> Gap:
    """What a cell no source fills says: which tables were read too, when they were."""
    if index.tables is None:
        return NOT_IN_SOURCES
    return Gap(f"{NOT_IN_SOURCES.reason} (tables read: {index.tables.tables_read()})")


def comparison_cell(index: CatalogIndex, role: Role, category: ComparisonCategory) -> TableCell:
    """What the catalog says for this role in this row, or that the sources do not say."""
    missing = TableCell(role.id, gap_text(index), None)
    if category.kind == "text":
        entry = role.comparison.get(category.id)
        return TableCell(role.id, entry.text, entry.source) if entry else missing
    if category.kind == "median-pay":
        median = index.headline_median(role)
        if median is None:
            return _each_occupation(role.id, index.detailed_medians(role)) or missing
        when = f" ({median.as_of})" if median.as_of else ""
        text = salary_amount(median) + when
        return TableCell(role.id, text, median.source, median.id, median.as_of)
    if category.kind == "entry-education":
        requirement = index.requirement(role, "entry-education")
        if requirement is None:
            return missing
        scope = f" ({requirement.scope})" if requirement.scope else ""
        return TableCell(role.id, f"{requirement.text}{scope}", requirement.source)
    projection = index.headline_outlook(role)
    if projection is None:
        return _each_occupation(role.id, index.detailed_outlook(role)) or missing
    summary = outlook_summary(projection)
    return TableCell(role.id, summary, projection.source, projection.id, projection.period)


def _each_occupation(
    role_id: str, figures: Sequence[SalaryFigure | OutlookFigure]
) -> TableCell | None:
    """One cell for the figures of each occupation a role stands for, all of one source
    and period: 'Nurse anesthetists (29-1151): $223,210 a year; ... (May 2025)'."""
    if not figures or len({(f.source, _period(f)) for f in figures}) != 1:
        return None
    parts = [
        f"{f.scope}: " + (salary_amount(f) if isinstance(f, SalaryFigure) else outlook_summary(f))
        for f in figures
    ]
    first = figures[0]
    period = _period(first)
    text = join_text("; ", parts)
    if isinstance(first, SalaryFigure) and period:
        text += f" ({period})"
    return TableCell(role_id, text, first.source, None, period)


def _period(figure: SalaryFigure | OutlookFigure) -> str | None:
    return figure.as_of if isinstance(figure, SalaryFigure) else figure.period


def local_median_rows(
    index: CatalogIndex, roles: list[Role], local: LocalArea, citations: Citations
) -> list[TableRow]:
    """The roles' OEWS medians in each area asked for, a row for each."""
    from careercompare.views.local_wages import median_summary, role_wages

    rows = []
    for area in local.asked:
        release = local.db.release_of_area(area)
        cells = []
        for role in roles:
            wages = role_wages(index, local.db, role, (area,), citations)
            text = median_summary(wages, area)
            if wages.estimates:
                text += f" ({release})"
            source = wages.source if wages.estimates else None
            cells.append(TableCell(role.id, text, source, period=release))
        label = f"Median pay in {area.in_text} (BLS OEWS)"
        rows.append(TableRow("local-median-pay", label, "oews-median", tuple(cells)))
    return rows


def build_table(
    index: CatalogIndex, roles: list[Role], *, local: LocalArea | None = None
) -> TableResult:
    """The comparison table of the given roles; with `local`, their medians in its area."""
    citations = Citations(index)
    rows = []
    for category in index.catalog.comparison_categories:
        cells = tuple(comparison_cell(index, role, category) for role in roles)
        for cell in cells:
            if cell.source:
                citations.cite(cell.source)
        rows.append(TableRow(category.id, category.label, category.kind, cells))
        if category.kind == "median-pay" and local is not None:
            rows += local_median_rows(index, roles, local, citations)
    notes = occupation_notes(roles, citations)
    return TableResult(
        roles=tuple(RoleRef.of(role) for role in roles),
        rows=tuple(rows),
        occupation_notes=notes,
        sources=citations.cited(),
    )
