"""`careercompare salary`: every pay figure with its source, and a chart on one scale."""

from __future__ import annotations

import math
from itertools import combinations

from careercompare.citations import Citations
from careercompare.document import (
    Bar,
    BarChart,
    Block,
    BulletList,
    Heading,
    Paragraph,
    Records,
    View,
)
from careercompare.figures import (
    HOURS_PER_YEAR,
    hourly_value,
    money,
    salary_amount,
    salary_kind,
)
from careercompare.models import Role, SalaryFigure, json_data
from careercompare.query import CatalogIndex
from careercompare.views.common import NOT_IN_SOURCES, occupation_notes, role_ref, sources_block

SALARY_COLUMNS = ("Figure", "Amount", "Pay period", "Covers", "Source")
NEARLY_EQUAL = 0.02


def figure_value(figure: SalaryFigure, value: float, *, hourly: bool) -> float:
    """A value in the unit shown: per year, or per hour when --hourly."""
    return hourly_value(figure, value)[0] if hourly else value


def salary_records(role: Role, citations: Citations, *, hourly: bool) -> Block:
    """A role's salary figures as a table, or a note that the sources give none."""
    if not role.salary:
        return Paragraph(f"Salary: {NOT_IN_SOURCES}.")
    return Records(
        SALARY_COLUMNS,
        tuple(
            (
                salary_kind(figure),
                salary_amount(figure, hourly=hourly),
                figure.as_of or "not stated",
                figure.scope or "the whole occupation",
                citations.cite(figure.source),
            )
            for figure in role.salary
        ),
    )


def _bars(role: Role, citations: Citations, *, hourly: bool) -> list[Bar]:
    groups: dict[tuple[str, str | None, str | None], list[SalaryFigure]] = {}
    for figure in role.salary:
        groups.setdefault((figure.source, figure.scope, figure.as_of), []).append(figure)
    bars = []
    for (source, scope, as_of), figures in groups.items():
        low = high = mark = None
        for figure in figures:
            if figure.low is not None and figure.high is not None:
                low = figure_value(figure, figure.low, hourly=hourly)
                high = figure_value(figure, figure.high, hourly=hourly)
            elif figure.amount is None:
                continue
            elif figure.kind == "percentile-10":
                low = figure_value(figure, figure.amount, hourly=hourly)
            elif figure.kind == "percentile-90":
                high = figure_value(figure, figure.amount, hourly=hourly)
            else:
                mark = figure_value(figure, figure.amount, hourly=hourly)
        if low is None or high is None:
            low = high = None
        label = role.name + (f" ({scope})" if scope else "") + (f", {as_of}" if as_of else "")
        caption = "; ".join(f"{salary_kind(f)} {salary_amount(f, hourly=hourly)}" for f in figures)
        bars.append(Bar(label, low, high, mark, f"{caption} {citations.cite(source)}"))
    return bars


def _scale_end(values: list[float], *, hourly: bool) -> float:
    step = 5.0 if hourly else 10_000.0
    return max(step, math.ceil(max(values, default=step) / step) * step)


def salary_chart(roles: list[Role], citations: Citations, *, hourly: bool) -> BarChart | None:
    """All roles' figures on one scale from $0: ranges as bars, single amounts as marks."""
    bars = [bar for role in roles for bar in _bars(role, citations, hourly=hourly)]
    values = [v for bar in bars for v in (bar.low, bar.high, bar.mark) if v is not None]
    if not values:
        return None
    end = _scale_end(values, hourly=hourly)
    return BarChart(tuple(bars), 0.0, end, money(0), money(end))


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


def pay_disagreements(index: CatalogIndex, roles: list[Role]) -> list[str]:
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
                f"Sources disagree on whether {first.name} or {second.name} pays more: {parts}"
                " (ranges compared at their midpoints)."
            )
    return sentences


def _figure_data(figure: SalaryFigure) -> dict[str, object]:
    values = {"amount": figure.amount, "low": figure.low, "high": figure.high}
    converted = {
        k: None if v is None else round(hourly_value(figure, v)[0], 2) for k, v in values.items()
    }
    estimate = any(hourly_value(figure, v)[1] for v in values.values() if v is not None)
    return {
        **json_data(figure),
        "hourly_equivalent": {**converted, "estimate": estimate},
    }


def salary_view(index: CatalogIndex, roles: list[Role], *, hourly: bool = False) -> View:
    """Every salary figure of the roles, a shared chart and where the sources disagree."""
    citations = Citations(index.catalog)
    blocks: list[Block] = [Heading("Salary: " + " vs ".join(role.name for role in roles))]
    if hourly:
        blocks.append(
            Paragraph(
                "Hourly figures: published hourly values where the source has one, otherwise "
                f"the annual figure divided by {HOURS_PER_YEAR:,} hours, marked as an estimate.",
                note=True,
            )
        )
    for role in roles:
        blocks += [Heading(role.name, 2), salary_records(role, citations, hourly=hourly)]
        if role.salary_notes:
            notes = tuple(f"{n.text} {citations.cite(n.source)}" for n in role.salary_notes)
            blocks.append(BulletList(notes))
    chart = salary_chart(roles, citations, hourly=hourly)
    disagreements = pay_disagreements(index, roles)
    if chart is not None:
        blocks += [Heading("All figures on one scale", 2), chart]
    blocks += [Paragraph(sentence) for sentence in disagreements]
    blocks += [*occupation_notes(roles, citations), *sources_block(citations)]

    def data() -> dict[str, object]:
        return {
            "view": "salary",
            "hourly": hourly,
            "hours_per_year": HOURS_PER_YEAR,
            "roles": [
                {**role_ref(role), "salary": [_figure_data(f) for f in role.salary]}
                for role in roles
            ],
            "disagreements": disagreements,
            "sources": citations.data(),
        }

    def records() -> tuple[dict[str, object], ...]:
        return tuple(
            {
                "role_id": role.id,
                "role": role.name,
                "figure_id": figure.id,
                "kind": figure.kind,
                "amount": figure.amount,
                "low": figure.low,
                "high": figure.high,
                "bound": figure.bound,
                "approximate": figure.approximate,
                "currency": figure.currency,
                "per": figure.per,
                "published_hourly": figure.hourly,
                "as_of": figure.as_of or "",
                "scope": figure.scope or "",
                "shown": salary_amount(figure, hourly=hourly),
                "source": figure.source,
            }
            for role in roles
            for figure in role.salary
        )

    return View("salary", tuple(blocks), data, records)
