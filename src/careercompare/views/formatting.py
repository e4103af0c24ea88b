"""How figures read in human output: money, percentages, jobs and ranges."""

from __future__ import annotations

from careercompare.catalog.models import OutlookFigure, ProgramLength, SalaryFigure
from careercompare.results.inline import Text, bounded

HOURS_PER_YEAR = 2080
KIND_LABELS = {
    "average": "average",
    "median": "median",
    "percentile-10": "10th percentile",
    "percentile-90": "90th percentile",
}


def money(value: float, *, cents: bool = False) -> str:
    """$44,200, or $21.25 with cents."""
    return f"${value:,.2f}" if cents else f"${value:,.0f}"


def number(value: float) -> str:
    """12, 12.5 or 3,391,000: no trailing zeros."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """'1 question', '2 questions', '1,104 occupations'."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"


def as_published(value: float, places: int) -> str:
    """A figure with the decimals its table prints (20.205 jobs per 1,000, a location
    quotient of 1.00), never rounded to fewer."""
    return f"{value:,.{places}f}"


def length_span(length: ProgramLength) -> str:
    """A program's length as its source gives it, with its scope: '12 to 24 weeks
    (medical assistant programs at ...)', '1 year (...)'."""
    if length.low == length.high:
        unit = length.unit.removesuffix("s") if length.high == 1 else length.unit
        span = f"{number(length.low)} {unit}"
    else:
        span = f"{number(length.low)} to {number(length.high)} {length.unit}"
    return f"{span} ({length.scope})"


def signed(value: float) -> str:
    """+101,200 or -3,400."""
    return ("+" if value > 0 else "") + number(value)


NO_HOURLY = "no hourly figure published"


def hourly_value(figure: SalaryFigure, value: float) -> float | None:
    """The hourly figure the source publishes for this value, if it publishes one.

    None is never filled in by dividing an annual figure by hours: the sources do not
    do it, and a derived figure would read like a published one.
    """
    if figure.per == "hour":
        return value
    if figure.hourly is not None and figure.amount is not None and value == figure.amount:
        return figure.hourly
    return None


def salary_amount(figure: SalaryFigure, *, hourly: bool = False) -> Text:
    """'$44,200', 'about $42,000 to $44,000', '≥ $239,200', or the published hourly figure."""
    cents = hourly or figure.per == "hour"
    values = [figure.amount] if figure.amount is not None else [figure.low, figure.high]
    shown = []
    for value in values:
        assert value is not None
        if hourly:
            published = hourly_value(figure, value)
            if published is None:
                return NO_HOURLY
            value = published
        shown.append(money(value, cents=cents))
    per = "an hour" if hourly or figure.per == "hour" else "a year"
    text: Text = f"{' to '.join(shown)} {per}"
    text = bounded(text, figure.bound == "at-least", "≥")
    return "about " + text if figure.approximate else text


def salary_kind(figure: SalaryFigure) -> str:
    """'median', '10th percentile', 'average'."""
    return KIND_LABELS[figure.kind]


def percent(figure: OutlookFigure) -> str:
    """'+12.5%', '+7.0%' where the source prints it so, 'about +15%'."""
    if figure.decimals is None:
        text = f"{signed(figure.percent)}%"
    else:
        sign = "+" if figure.percent > 0 else ""
        text = f"{sign}{as_published(figure.percent, figure.decimals)}%"
    return f"about {text}" if figure.approximate else text


def outlook_summary(figure: OutlookFigure) -> str:
    """'+12% (2024-2034), much faster than average'."""
    text = percent(figure)
    if figure.period and figure.start_year is None and figure.period.startswith("through"):
        text += f" ({figure.period}; the start of the period is not given)"
    elif figure.period:
        text += f" ({figure.period})"
    if figure.descriptor:
        text += f", {figure.descriptor}"
    return text


def jobs_text(figure: OutlookFigure) -> str | None:
    """'811,000 (2024) to 912,200 (2034)', '1,878,700 in 2010; no 2020 figure given', or
    None when no job counts are known."""
    start = f"{number(figure.jobs_start)}" if figure.jobs_start is not None else None
    end = f"{number(figure.jobs_end)}" if figure.jobs_end is not None else None
    if start is not None and end is not None:
        return f"{start} ({figure.start_year}) to {end} ({figure.end_year})"
    if start is not None:
        later = f"{figure.end_year} " if figure.end_year else "projected "
        when = f" in {figure.start_year}" if figure.start_year else ""
        return f"{start}{when}; no {later}figure given"
    if end is not None:
        earlier = f"{figure.start_year} " if figure.start_year else "starting "
        when = f" in {figure.end_year}" if figure.end_year else ""
        return f"{end}{when}; no {earlier}figure given"
    return None


def at_schools(school: str | None) -> str:
    """ " at schools matching 'palm beach'" for --school's words; "" without them."""
    return f" at schools matching '{school}'" if school else ""
