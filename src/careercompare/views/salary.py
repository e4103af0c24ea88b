"""`careercompare salary`: every pay figure with its source, and a chart on one scale."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from careercompare.catalog.index import CatalogIndex
from careercompare.catalog.models import Role, SalaryFigure, SourcedText
from careercompare.results.base import FLATTEN, CitingResult, CsvValue
from careercompare.results.blocks import Bar, BarChart, Block, BulletList, Heading, Paragraph
from careercompare.results.inline import join_text, plain
from careercompare.views.citations import Citations
from careercompare.views.common import (
    OccupationNote,
    OfRole,
    RoleRef,
    occupation_note_blocks,
    occupation_notes,
    sources_block,
)
from careercompare.views.formatting import (
    HOURS_PER_YEAR,
    hourly_value,
    money,
    salary_amount,
    salary_kind,
)
from careercompare.views.local_wages import (
    LocalArea,
    RoleWages,
    bars_of,
    csv_rows,
    precision_notes,
    role_wages,
)
from careercompare.views.pay_table import figure_records
from careercompare.views.salary_record import salary_record

NEARLY_EQUAL = 0.02


@dataclass(frozen=True)
class HourlyEquivalent:
    """A figure per hour as the source publishes it (None where it publishes none);
    `estimate` is always false: no hourly figure is derived from an annual one."""

    amount: float | None
    low: float | None
    high: float | None
    estimate: bool

    @classmethod
    def of(cls, figure: SalaryFigure) -> HourlyEquivalent:
        values = {"amount": figure.amount, "low": figure.low, "high": figure.high}
        converted = {k: None if v is None else hourly_value(figure, v) for k, v in values.items()}
        return cls(**converted, estimate=False)


@dataclass(frozen=True)
class SalaryEntry:
    """One pay figure as the catalog has it, with its hourly equivalent."""

    figure: SalaryFigure = field(metadata=FLATTEN)
    hourly_equivalent: HourlyEquivalent


@dataclass(frozen=True)
class SalaryRole(OfRole):
    """A role's pay figures and the notes that qualify them."""

    role: RoleRef
    salary: tuple[SalaryEntry, ...]
    salary_notes: tuple[SourcedText, ...]


@dataclass(frozen=True, kw_only=True)
class SalaryResult(CitingResult, view="salary", json_version=4):
    """Every salary figure of some roles, and where their sources disagree."""

    # 2: hourly_equivalent holds only hourly figures the sources publish (none derived)
    # 3: local wages and occupation notes name their role as {id, name, short_name}
    # 4: each of `roles` names its role as one `role` object too
    hourly: bool
    hours_per_year: int = HOURS_PER_YEAR
    roles: tuple[SalaryRole, ...]
    disagreements: tuple[str, ...]
    occupation_notes: tuple[OccupationNote, ...]
    wage_release: str | None = None
    local_wages: tuple[RoleWages, ...] = ()

    def _local(self, role_id: str) -> RoleWages | None:
        return next((w for w in self.local_wages if w.role.id == role_id), None)

    def blocks(self) -> tuple[Block, ...]:
        blocks: list[Block] = [Heading("Salary: " + " vs ".join(role.name for role in self.roles))]
        if self.hourly:
            blocks.append(
                Paragraph(
                    "Hourly figures as the sources publish them; where a source gives only an "
                    "annual figure, no hourly one is derived from it.",
                    note=True,
                )
            )
        for role in self.roles:
            figures = [entry.figure for entry in role.salary]
            local = self._local(role.id)
            table = figure_records(
                self, figures, hourly=self.hourly, local=local, release=self.wage_release
            )
            blocks += [Heading(role.name, 2), table]
            if local is not None and local.note:
                blocks.append(Paragraph(f"Local wages: {local.note}.", note=True))
            if local is not None:
                blocks += [Paragraph(text, note=True) for text in precision_notes(local)]
            if role.salary_notes:
                notes = tuple(self.cited(n.text, n.source) for n in role.salary_notes)
                blocks.append(BulletList(notes))
        periods = self._periods()
        if len(periods) > 1:
            blocks.append(
                Paragraph(
                    f"Figures of different periods are side by side ({', '.join(periods)}): "
                    "compare those of one period with each other.",
                    note=True,
                )
            )
        chart = self._chart()
        if chart is not None:
            blocks += [Heading("All figures on one scale", 2), chart]
        blocks += [Paragraph(sentence) for sentence in self.disagreements]
        blocks += [*occupation_note_blocks(self, self.occupation_notes), *sources_block(self)]
        return tuple(blocks)

    def _periods(self) -> list[str]:
        """The pay periods shown, newest release first; 'not stated' last."""
        found = [self.wage_release] if self.wage_release and self.local_wages else []
        found += [e.figure.as_of or "not stated" for r in self.roles for e in r.salary]
        ordered = list(dict.fromkeys(found))
        return sorted(ordered, key=lambda period: period == "not stated")

    def _value(self, figure: SalaryFigure, value: float) -> float | None:
        return hourly_value(figure, value) if self.hourly else value

    def _bars(self, role: SalaryRole) -> list[Bar]:
        groups: dict[tuple[str, str | None, str | None], list[SalaryFigure]] = {}
        for entry in role.salary:
            figure = entry.figure
            groups.setdefault((figure.source, figure.scope, figure.as_of), []).append(figure)
        bars = []
        for (source, scope, as_of), figures in groups.items():
            low = high = mark = None
            open_from = None
            for figure in figures:
                if figure.low is not None and figure.high is not None:
                    low, high = self._value(figure, figure.low), self._value(figure, figure.high)
                elif figure.amount is None:
                    continue
                elif figure.bound == "at-least":  # only a lower bound: drawn open to the end
                    open_from = self._value(figure, figure.amount)
                elif figure.kind == "percentile-10":
                    low = self._value(figure, figure.amount)
                elif figure.kind == "percentile-90":
                    high = self._value(figure, figure.amount)
                else:
                    mark = self._value(figure, figure.amount)
            if low is None or high is None:
                low = high = None
            if open_from is not None and low is None:
                low = high = open_from
            if low is None and mark is None:
                continue
            label = role.name + (f" ({scope})" if scope else "") + (f", {as_of}" if as_of else "")
            caption = join_text(
                "; ", (f"{salary_kind(f)} " + salary_amount(f, hourly=self.hourly) for f in figures)
            )
            bars.append(
                Bar(
                    label,
                    low,
                    high,
                    mark,
                    caption + " " + self.marker(source),
                    open_high=open_from is not None,
                )
            )
        return bars

    def _chart(self) -> BarChart | None:
        """All roles' figures on one scale from $0: ranges as bars, single amounts as marks."""
        bars = []
        for role in self.roles:
            local = self._local(role.id)
            if local is not None and local.source and self.wage_release:
                marker = self.marker(local.source)
                bars += bars_of(local, self.wage_release, marker, hourly=self.hourly)
            bars += self._bars(role)
        return BarChart.from_zero(bars, 5.0 if self.hourly else 10_000.0)

    def records(self) -> list[dict[str, CsvValue]]:
        catalog = [
            salary_record(
                role_id=role.id,
                role=role.name,
                figure_id=figure.id,
                kind=figure.kind,
                amount=figure.amount,
                low=figure.low,
                high=figure.high,
                bound=figure.bound,
                approximate=figure.approximate,
                per=figure.per,
                published_hourly=figure.hourly,
                as_of=figure.as_of or "",
                scope=figure.scope or "",
                shown=plain(salary_amount(figure, hourly=self.hourly)),
                released=True,
                source=figure.source,
                source_number=self.number(figure.source),
            )
            for role in self.roles
            for figure in (entry.figure for entry in role.salary)
        ]
        local = [
            {**row, "source_number": self.number(wages.source)}
            for wages in self.local_wages
            for row in csv_rows(wages, self.wage_release or "", hourly=self.hourly)
        ]
        return local + catalog


def _measures(index: CatalogIndex, role: Role) -> dict[tuple[str, str, str | None], float]:
    """Whole-occupation medians and averages by publisher, kind and period (ranges by midpoint)."""
    found: dict[tuple[str, str, str | None], float] = {}
    for figure in role.salary:
        if figure.scope is not None or figure.kind not in ("median", "average"):
            continue
        if figure.amount is not None:
            value = figure.amount
        else:
            assert figure.low is not None and figure.high is not None
            value = (figure.low + figure.high) / 2
        publisher = index.sources_by_id[figure.source].publisher
        found.setdefault((publisher, figure.kind, figure.as_of), value)
    return found


def _measure_text(
    key: tuple[str, str, str | None], first: Role, a: float, second: Role, b: float
) -> tuple[str, str]:
    publisher, kind, as_of = key
    name = f"{publisher} {kind}s" + (f" ({as_of})" if as_of else "")
    values = f"{first.name} {money(a)}, {second.name} {money(b)}"
    if abs(a - b) <= NEARLY_EQUAL * max(a, b):
        return "equal", f"{name} are nearly equal ({values})"
    winner = first if a > b else second
    return winner.id, f"{name} put {winner.name} {money(abs(a - b))} higher ({values})"


def pay_disagreements(index: CatalogIndex, roles: list[Role]) -> tuple[str, ...]:
    """A sentence for each pair of roles whose sources disagree about which pays more."""
    sentences = []
    for first, second in combinations(roles, 2):
        a_measures, b_measures = _measures(index, first), _measures(index, second)
        shared = [key for key in a_measures if key in b_measures]
        outcomes = [
            _measure_text(key, first, a_measures[key], second, b_measures[key]) for key in shared
        ]
        if len({outcome for outcome, _ in outcomes}) > 1:
            parts = "; ".join(text for _, text in outcomes)
            sentences.append(
                f"Sources disagree on which pays more, {first.name} or {second.name}: {parts}"
                " (ranges compared at their midpoints)."
            )
    return tuple(sentences)


def build_salary(
    index: CatalogIndex,
    roles: list[Role],
    *,
    hourly: bool = False,
    local: LocalArea | None = None,
) -> SalaryResult:
    """Every salary figure of the roles (with their OEWS estimates in the areas of `local`),
    a shared chart and where the sources disagree."""
    citations = Citations(index)
    shown = []
    wages = []
    # The catalog's copy of the national OEWS figures is not repeated where the database's
    # own rows of that release are shown.
    repeated = local.db.source_id if local is not None else None
    for role in roles:
        if local is not None:
            wages.append(role_wages(index, local.db, role, local.areas, citations))
        figures = [f for f in role.salary if f.source != repeated]
        for figure in figures:
            citations.cite(figure.source)
        for note in role.salary_notes:
            citations.cite(note.source)
        entries = tuple(SalaryEntry(f, HourlyEquivalent.of(f)) for f in figures)
        shown.append(SalaryRole(RoleRef.of(role), entries, tuple(role.salary_notes)))
    return SalaryResult(
        hourly=hourly,
        roles=tuple(shown),
        disagreements=pay_disagreements(index, roles),
        occupation_notes=occupation_notes(roles, citations),
        wage_release=local.release if local is not None else None,
        local_wages=tuple(wages),
        sources=citations.cited(),
    )
