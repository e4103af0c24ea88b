"""Local wages in the views: a role's OEWS estimates in an area, and how they read."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from careercompare.catalog.index import CatalogIndex, TableRoles
from careercompare.catalog.models import Role, Source, oews_codes
from careercompare.errors import UsageError
from careercompare.results.base import NOT_IN_JSON, CsvValue
from careercompare.results.blocks import Bar
from careercompare.results.inline import Cite, Gap, Text, bounded, join_text, plain
from careercompare.views.citations import Citations
from careercompare.views.common import NOT_RELEASED, RoleRef
from careercompare.views.formatting import counted, money, number
from careercompare.wages.estimates import Area, Cell, Estimate

if TYPE_CHECKING:
    from careercompare.wages.database import WageDatabase

MEASURE_LABELS = {
    "median": "median",
    "pct10": "10th percentile",
    "pct25": "25th percentile",
    "pct75": "75th percentile",
    "pct90": "90th percentile",
    "mean": "mean",
}


@dataclass(frozen=True)
class RoleWages:
    """A role's OEWS estimates in some areas: one per occupation code and area."""

    role: RoleRef
    estimates: tuple[Estimate, ...]
    note: str | None = None
    source: str | None = None
    several: bool = field(default=False, metadata=NOT_IN_JSON)


def wage_source(index: CatalogIndex, db: WageDatabase) -> Source:
    """The source every figure of the wage database cites: the catalog's entry for the
    release where it has one, else one made from the database's own record."""
    return index.sources_by_id.get(db.source_id) or db.source()


def estimates_in(
    db: WageDatabase,
    role: Role,
    area: Area,
    tables: TableRoles | None,
    *,
    detailed: bool = False,
) -> tuple[tuple[Estimate, ...], str | None]:
    """The role's estimates in one area (one per occupation code), and a sentence naming
    the role that says why there are none when there are none (with `tables`, and where
    BLS publishes them instead, the detailed occupations within the role's broad ones).
    With `detailed`, those detailed occupations' estimates stand in for the role's, and
    the sentence says so."""
    codes = oews_codes(role)
    if not codes:
        return (), f"{role.name}: BLS publishes no local wages; it has no BLS occupation code."
    found = tuple(e for e in (db.estimate(code, area) for code in codes) if e is not None)
    if found:
        return found, None
    note = f"{role.name}: BLS publishes no {db.release_of_area(area)} estimate"
    within = detailed_estimates(db, tables, codes, area) if detailed else ()
    if within:
        return within, (
            f"{note} of {', '.join(codes)} in {area.in_text}; shown instead "
            f"{'is' if len(within) == 1 else 'are'} the "
            f"{counted(len(within), 'detailed occupation')} within {_it(codes)} that it "
            "publishes there."
        )
    return (), f"{note} in {area.in_text}{published_within(db, tables, role, area)}."


def detailed_estimates(
    db: WageDatabase, tables: TableRoles | None, codes: Sequence[str], area: Area
) -> tuple[Estimate, ...]:
    """The estimates in an area of the detailed occupations the projections group under
    the broad ones among `codes` (none in the nation, where BLS publishes the broad)."""
    if tables is None or area.kind == "nation":
        return ()
    found = (
        db.estimate(detailed, area)
        for code in codes
        for detailed in tables.detailed_codes(code)
        if detailed != code
    )
    return tuple(e for e in found if e is not None)


def detailed_published(
    db: WageDatabase, tables: TableRoles | None, codes: Sequence[str], areas: list[Area]
) -> list[str]:
    """The detailed occupations the projections group under the broad ones among `codes`
    that BLS publishes in any of the areas (OEWS publishes 29-1210 Physicians for the
    nation only, and 29-1211 Anesthesiologists in states and metro areas)."""
    if tables is None:
        return []
    return [
        detailed
        for code in codes
        for detailed in tables.detailed_codes(code)
        if detailed != code and db.estimates(detailed, areas)
    ]


def published_within(db: WageDatabase, tables: TableRoles | None, role: Role, area: Area) -> str:
    """Where a role's broad occupations have no estimate in an area but detailed ones
    within them do, a clause saying how many and the command that shows them."""
    codes = oews_codes(role)
    published = len(detailed_estimates(db, tables, codes, area))
    if not published:
        return ""
    where = area.state if area.kind == "state" else area.code
    return (
        f"; it publishes the {counted(published, 'detailed occupation')} within {_it(codes)} "
        f"there: 'careercompare wages {role.id} --area {where}' shows "
        + ("it" if published == 1 else "them")
    )


def _it(codes: Sequence[str]) -> str:
    return "it" if len(codes) == 1 else "them"


def role_wages(
    index: CatalogIndex,
    db: WageDatabase,
    role: Role,
    areas: Sequence[Area],
    citations: Citations,
) -> RoleWages:
    """The role's estimates in each area (in that order), its source cited."""
    codes = oews_codes(role)
    if not codes:
        no_code = (
            "BLS publishes no local wages under this role's name: it has no BLS occupation code"
        )
        return RoleWages(RoleRef.of(role), (), no_code)
    found: list[Estimate] = []
    missing = []  # the areas asked for (not the nation beside them) without an estimate
    for area in areas:
        here = [e for e in (db.estimate(code, area) for code in codes) if e is not None]
        found += here
        if not here:
            missing.append(area)
    source = citations.cite_source(wage_source(index, db))
    if found:
        missing = [area for area in missing if area.kind != "nation"]
    note: str | None = None
    if missing:
        places = " or ".join(area.title for area in missing)
        releases = " or ".join(dict.fromkeys(db.release_of_area(area) for area in missing))
        note = f"BLS publishes no {releases} estimate for {', '.join(codes)} in {places}"
        if len(missing) == 1:
            note += published_within(db, index.tables, role, missing[0])
    return RoleWages(RoleRef.of(role), tuple(found), note, source, len(codes) > 1)


def cell_text(cell: Cell, *, hourly: bool, estimate: Estimate) -> Text:
    """'$43,680 a year', 'at least $239,200 a year', or why there is no figure."""
    if cell.value is None:
        return Gap(estimate.not_released_reason(hourly=hourly))
    per = "an hour" if hourly else "a year"
    shown = f"{money(cell.value, cents=hourly)} {per}"
    return bounded(shown, cell.at_least)


def range_text(estimate: Estimate, *, hourly: bool) -> Text:
    """'$36,050 to $59,310', with 'at least' on a top-coded end."""
    low, high = estimate.wage("pct10", hourly=hourly), estimate.wage("pct90", hourly=hourly)
    if low.value is None or high.value is None:
        return Gap(estimate.not_released_reason(hourly=hourly))
    top = money(high.value, cents=hourly)
    bottom = money(low.value, cents=hourly)
    return bounded(bottom + " to " + bounded(top, high.at_least), low.at_least)


def employment_text(estimate: Estimate) -> Text:
    """'66,110' or 'not released by BLS'."""
    cell = estimate.employment
    return number(cell.value) if cell.value is not None else NOT_RELEASED


def where(estimate: Estimate, *, several: bool) -> str:
    """'Florida', or 'Nurse Practitioners (29-1171), Florida' for a role of several codes."""
    if several:
        return f"{estimate.occupation_title} ({estimate.occupation_code}), {estimate.area.title}"
    return estimate.area.title


def precision_notes(wages: RoleWages) -> list[str]:
    """One sentence per estimate that BLS gives with a relative standard error above 10%."""
    notes = []
    for estimate in wages.estimates:
        flagged = estimate.less_precise
        if flagged:
            place = where(estimate, several=wages.several)
            notes.append(f"{wages.role.name}, {place}: less precise {' and '.join(flagged)}.")
    return notes


@dataclass(frozen=True)
class LocalArea:
    """The wage database of a run and the areas a view shows (the one asked, then the U.S.)."""

    db: WageDatabase
    areas: tuple[Area, ...]

    @classmethod
    def resolve(cls, db: WageDatabase, names: Sequence[str]) -> LocalArea:
        """The areas a person named (none: the nation alone), followed by the nation."""
        from careercompare.wages.areas import resolve_area

        nation = db.nation
        if not names:
            if nation is None:
                raise UsageError(
                    f"the {db.release} wages in use have no national figures; give --area"
                )
            return cls(db, (nation,))
        asked = list(dict.fromkeys(resolve_area(name, db.areas) for name in names))
        shown = asked if nation is None or nation in asked else [*asked, nation]
        return cls(db, tuple(shown))

    @property
    def asked(self) -> tuple[Area, ...]:
        """The areas the person named (the nation only when they named it, or none)."""
        nation = self.db.nation
        named = tuple(area for area in self.areas if area != nation)
        return named if named or len(self.areas) > 1 else self.areas

    @property
    def release(self) -> str:
        """The release of the asked area's figures (an older one where an import of a
        partial release kept it)."""
        return self.db.release_of_area(self.areas[0])


def figure_rows(
    wages: RoleWages, release: str, marker: Cite, *, hourly: bool
) -> list[tuple[Text, ...]]:
    """Rows for the salary table: the median and the 10th-90th range of each estimate."""
    rows: list[tuple[Text, ...]] = []
    for estimate in wages.estimates:
        covers = where(estimate, several=wages.several)
        jobs = estimate.employment
        if jobs.value is not None:
            covers += f", {number(jobs.value)} jobs"
        of = estimate.area.release or release  # an area kept from an older release
        median = cell_text(estimate.wage("median", hourly=hourly), hourly=hourly, estimate=estimate)
        rows.append(("median", median, of, covers, marker))
        spread = range_text(estimate, hourly=hourly)
        rows.append(("10th to 90th percentile", spread, of, covers, marker))
    return rows


def bars_of(wages: RoleWages, release: str, marker: Cite, *, hourly: bool) -> list[Bar]:
    """One bar per estimate: the 10th-90th range, the median marked."""
    bars = []
    for estimate in wages.estimates:
        low, high = estimate.wage("pct10", hourly=hourly), estimate.wage("pct90", hourly=hourly)
        median = estimate.wage("median", hourly=hourly)
        if median.value is None and (low.value is None or high.value is None):
            continue
        of = estimate.area.release or release
        label = f"{wages.role.name}, {where(estimate, several=wages.several)}, {of} (BLS OEWS)"
        shown = cell_text(median, hourly=hourly, estimate=estimate)
        spread = range_text(estimate, hourly=hourly)
        caption = "median " + shown + "; 10th to 90th percentile " + spread + " " + marker
        ranged = low.value is not None and high.value is not None
        bars.append(
            Bar(
                label,
                low.value if ranged else None,
                high.value if ranged else None,
                median.value,
                caption,
                open_high=high.at_least,
            )
        )
    return bars


def csv_rows(wages: RoleWages, release: str, *, hourly: bool) -> list[dict[str, CsvValue]]:
    """The estimates as salary CSV records: one per measure, lower bounds and gaps marked."""
    from careercompare.views.salary_record import salary_record

    rows: list[dict[str, CsvValue]] = []
    for estimate in wages.estimates:
        for measure in ("median", "pct10", "pct90", "mean"):
            cell = estimate.wage(measure, hourly=hourly)
            published_hourly = None if hourly else estimate.wage(measure, hourly=True).value
            rows.append(
                salary_record(
                    role_id=wages.role.id,
                    role=wages.role.name,
                    figure_id=f"oews-{estimate.occupation_code}-{estimate.area.code}-{measure}",
                    kind=MEASURE_LABELS[measure],
                    amount=cell.value,
                    bound="at-least" if cell.at_least else ("exact" if cell.released else ""),
                    per="hour" if hourly else "year",
                    published_hourly=published_hourly,
                    as_of=estimate.area.release or release,
                    scope=where(estimate, several=True),
                    shown=plain(cell_text(cell, hourly=hourly, estimate=estimate)),
                    released=cell.value is not None,
                    source=wages.source or "",
                )
            )
    return rows


def median_summary(wages: RoleWages, area: Area) -> Text:
    """The median in one area as a table cell: '$43,680 a year (May 2025)', one per code."""
    parts = []
    for estimate in wages.estimates:
        if estimate.area != area:
            continue
        text = cell_text(estimate.wage("median", hourly=False), hourly=False, estimate=estimate)
        parts.append(f"{estimate.occupation_title}: " + text if wages.several else text)
    return join_text("; ", parts) if parts else (wages.note or "no BLS estimate in this area")
