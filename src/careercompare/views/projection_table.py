"""A role's projections as a table, each with its source: `outlook` and `show` show
them this way."""

from __future__ import annotations

from dataclasses import dataclass, field

from careercompare.catalog.index import CatalogIndex
from careercompare.catalog.models import OutlookFigure, Role
from careercompare.results.base import FLATTEN, NOT_IN_JSON, CitingResult
from careercompare.results.blocks import Block, Paragraph, Records
from careercompare.results.inline import Text
from careercompare.views.citations import Citations
from careercompare.views.common import NOT_IN_SOURCES
from careercompare.views.formatting import jobs_text, number, outlook_summary, signed

OUTLOOK_COLUMNS = ("Projection", "Growth", "Jobs", "Change", "Openings a year", "Source")


@dataclass(frozen=True)
class Projection:
    """One projection and how it stands among the role's others ('newest projection')."""

    figure: OutlookFigure = field(metadata=FLATTEN)
    label: str = ""
    headline: bool = field(default=False, metadata=NOT_IN_JSON)
    reported_as: tuple[OutlookFigure, ...] = ()  # the same projection, as others report it


def projection_records(result: CitingResult, projections: tuple[Projection, ...]) -> Block:
    """A role's projections as a table, or a note that the sources give none."""
    if not projections:
        return Paragraph("Outlook: " + NOT_IN_SOURCES + ".")
    rows: list[tuple[Text, ...]] = []
    for p in projections:
        figure = p.figure
        growth: Text = outlook_summary(figure)
        for report in p.reported_as:
            growth += "; reported as " + result.cited(outlook_summary(report), report.source)
        rows.append(
            (
                f"{p.label}: {figure.scope}" if figure.scope else p.label,
                growth,
                jobs_text(figure) or NOT_IN_SOURCES,
                signed(figure.change) if figure.change is not None else NOT_IN_SOURCES,
                number(figure.openings_per_year)
                if figure.openings_per_year is not None
                else NOT_IN_SOURCES,
                result.marker(figure.source),
            )
        )
    return Records(OUTLOOK_COLUMNS, tuple(rows))


def projections(index: CatalogIndex, role: Role, citations: Citations) -> tuple[Projection, ...]:
    """The role's projections in the order shown, their sources cited."""
    headline = index.headline_outlook(role)
    ordered = []
    for figure in index.ordered_outlook(role):
        if figure.reports is not None:  # shown with the projection it reports
            continue
        citations.cite(figure.source)
        reports = tuple(f for f in role.outlook if f.reports == figure.id)
        for report in reports:
            citations.cite(report.source)
        label = index.outlook_label(role, figure)
        ordered.append(Projection(figure, label, headline=figure is headline, reported_as=reports))
    return tuple(ordered)
