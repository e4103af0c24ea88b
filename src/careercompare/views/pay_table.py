"""A role's pay figures as a table, each with its source: `salary` and `show` show
them this way, the OEWS estimates of an area first."""

from __future__ import annotations

from collections.abc import Sequence

from careercompare.catalog.models import SalaryFigure
from careercompare.results.base import CitingResult
from careercompare.results.blocks import Block, Paragraph, Records
from careercompare.results.inline import Gap, Text
from careercompare.views.common import NOT_IN_SOURCES
from careercompare.views.formatting import salary_amount, salary_kind
from careercompare.views.local_wages import RoleWages, figure_rows

SALARY_COLUMNS = ("Figure", "Amount", "As of", "Covers", "Source")
# Where a source gives no period, or does not say what a figure covers.
NOT_STATED = Gap("not stated")


def covers_whole(result: CitingResult, figure: SalaryFigure) -> Text:
    """What a figure without a scope covers: the whole occupation, where a firsthand
    source gives it; a secondhand report does not say."""
    cited = next((c.source for c in result.sources if c.source.id == figure.source), None)
    return NOT_STATED if cited is not None and cited.reported_by else "the whole occupation"


def figure_records(
    result: CitingResult,
    figures: Sequence[SalaryFigure],
    *,
    hourly: bool,
    local: RoleWages | None = None,
    release: str | None = None,
) -> Block:
    """A role's salary figures as a table, newest first: the OEWS estimates (when asked
    for), then the catalog's figures, but for its copy of the national ones of the same
    release, which the estimates show; or a note that the sources give none."""
    rows: list[tuple[Text, ...]] = []
    if local is not None and local.source and release:
        rows += figure_rows(local, release, result.marker(local.source), hourly=hourly)
        figures = [figure for figure in figures if figure.source != local.source]
    rows += [
        (
            salary_kind(figure),
            salary_amount(figure, hourly=hourly),
            figure.as_of or NOT_STATED,
            figure.scope or covers_whole(result, figure),
            result.marker(figure.source),
        )
        for figure in figures
    ]
    if not rows:
        return Paragraph("Salary: " + NOT_IN_SOURCES + ".")
    return Records(SALARY_COLUMNS, tuple(rows))
