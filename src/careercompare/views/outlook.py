"""`careercompare outlook`: each role's projections, newest first, and growth on one scale."""

from __future__ import annotations

import math

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
from careercompare.figures import jobs_text, number, outlook_summary, signed
from careercompare.models import Role, json_data
from careercompare.query import CatalogIndex
from careercompare.views.common import NOT_IN_SOURCES, occupation_notes, role_ref, sources_block

OUTLOOK_COLUMNS = ("Projection", "Growth", "Jobs", "Change", "Openings a year", "Source")


def outlook_records(index: CatalogIndex, role: Role, citations: Citations) -> Block:
    """A role's projections, newest firsthand first, or a note that the sources give none."""
    if not role.outlook:
        return Paragraph(f"Outlook: {NOT_IN_SOURCES}.")
    rows = []
    for figure in index.ordered_outlook(role):
        label = index.outlook_label(role, figure)
        rows.append(
            (
                f"{label}: {figure.scope}" if figure.scope else label,
                outlook_summary(figure),
                jobs_text(figure) or NOT_IN_SOURCES,
                signed(figure.change) if figure.change is not None else NOT_IN_SOURCES,
                number(figure.openings_per_year)
                if figure.openings_per_year is not None
                else NOT_IN_SOURCES,
                citations.cite(figure.source),
            )
        )
    return Records(OUTLOOK_COLUMNS, tuple(rows))


def growth_chart(index: CatalogIndex, roles: list[Role], citations: Citations) -> BarChart | None:
    """One bar per role: its leading projection's percent growth, on one scale from 0%."""
    bars = []
    for role in roles:
        ordered = index.ordered_outlook(role)
        if not ordered:
            continue
        figure = ordered[0]
        label = role.name + (
            ""
            if figure is index.headline_outlook(role)
            else " (not a BLS projection with a period)"
        )
        caption = f"{outlook_summary(figure)} {citations.cite(figure.source)}"
        bars.append(Bar(label, 0.0, max(figure.percent, 0.0), None, caption))
    if not bars:
        return None
    end = max(10.0, math.ceil(max(bar.high or 0.0 for bar in bars) / 10) * 10)
    return BarChart(tuple(bars), 0.0, end, "0%", f"{number(end)}%")


def outlook_view(index: CatalogIndex, roles: list[Role]) -> View:
    """Projections, growth drivers and a growth chart for the roles."""
    citations = Citations(index.catalog)
    blocks: list[Block] = [Heading("Job outlook: " + " vs ".join(role.name for role in roles))]
    for role in roles:
        blocks += [Heading(role.name, 2), outlook_records(index, role, citations)]
        if role.growth_drivers:
            drivers = tuple(f"{d.text} {citations.cite(d.source)}" for d in role.growth_drivers)
            blocks += [Paragraph("What drives growth:"), BulletList(drivers)]
    chart = growth_chart(index, roles, citations)
    if chart is not None:
        blocks += [Heading("Growth on one scale", 2), chart]
    blocks += [*occupation_notes(roles, citations), *sources_block(citations)]

    def data() -> dict[str, object]:
        return {
            "view": "outlook",
            "roles": [
                {
                    **role_ref(role),
                    "outlook": [
                        {**json_data(f), "label": index.outlook_label(role, f)}
                        for f in index.ordered_outlook(role)
                    ],
                    "growth_drivers": [json_data(d) for d in role.growth_drivers],
                }
                for role in roles
            ],
            "sources": citations.data(),
        }

    def records() -> tuple[dict[str, object], ...]:
        return tuple(
            {
                "role_id": role.id,
                "role": role.name,
                "figure_id": f.id,
                "label": index.outlook_label(role, f),
                "percent": f.percent,
                "approximate": f.approximate,
                "period": f.period or "",
                "start_year": f.start_year,
                "end_year": f.end_year,
                "jobs_start": f.jobs_start,
                "jobs_end": f.jobs_end,
                "change": f.change,
                "openings_per_year": f.openings_per_year,
                "descriptor": f.descriptor or "",
                "scope": f.scope or "",
                "source": f.source,
            }
            for role in roles
            for f in index.ordered_outlook(role)
        )

    return View("outlook", tuple(blocks), data, records)
