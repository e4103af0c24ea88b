"""`careercompare wages`: where a role pays most and least, or several roles side by side
in one area, from the BLS OEWS estimates."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from careercompare.catalog.index import CatalogIndex
from careercompare.catalog.models import Role, oews_codes
from careercompare.errors import UsageError
from careercompare.results.base import NOT_IN_JSON, CitingResult, CsvValue
from careercompare.results.blocks import Bar, BarChart, Block, Heading, Paragraph, Records
from careercompare.results.inline import Gap, Text, bounded
from careercompare.views.citations import Citations
from careercompare.views.common import NOT_RELEASED, RoleRef, sources_block
from careercompare.views.formatting import as_published, counted, money
from careercompare.views.local_wages import (
    cell_text,
    detailed_published,
    employment_text,
    estimates_in,
    range_text,
    wage_source,
)
from careercompare.wages.areas import areas_in
from careercompare.wages.choices import AreaKind, WageSort
from careercompare.wages.estimates import (
    NATION_TITLE,
    VALUE_COLUMNS,
    Area,
    Cell,
    Estimate,
    in_text,
)

if TYPE_CHECKING:
    from careercompare.wages.database import WageDatabase

COLUMNS = ("Rank", "Area", "Median", "10th-90th", "Jobs", "Per 1,000", "LQ")
SIDE_COLUMNS = ("Role", "Median", "10th-90th", "Jobs", "Per 1,000")
# What each column's name means, for the legend under the tables that have it.
COLUMN_MEANINGS = {
    "10th-90th": "the 10th to 90th percentile wage",
    "Jobs": "employment, without the self-employed",
    "Per 1,000": "jobs per 1,000 jobs in the area",
    "LQ": "location quotient",
}


def legend(columns: tuple[str, ...], *, hourly: bool, ranked: bool) -> str:
    """The legend under a table of these columns: only what it shows."""
    said = ["Wages an hour, as BLS publishes them." if hourly else "Wages a year."]
    said += [f"{name}: {COLUMN_MEANINGS[name]}." for name in columns if name in COLUMN_MEANINGS]
    at_least = "'At least': a wage at or above the top of the range BLS publishes"
    if ranked:
        at_least += "; areas with only such a lower bound share the first rank, apart from "
        at_least += "the exact figures"
    return " ".join([*said, at_least + "."])


def sort_cell(estimate: Estimate, key: WageSort, *, hourly: bool = False) -> Cell:
    """The cell an area (or a role) is ranked by."""
    if key is WageSort.EMPLOYMENT:
        return estimate.employment
    if key is WageSort.PER_1000:
        return estimate.jobs_per_1000
    return estimate.wage(_WAGE_MEASURES[key], hourly=hourly)


_WAGE_MEASURES = {
    WageSort.MEDIAN: "median",
    WageSort.MEAN: "mean",
    WageSort.P10: "pct10",
    WageSort.P90: "pct90",
}


@dataclass(frozen=True)
class RankedArea:
    """An area's place in a ranking (None where BLS released no figure to rank by)."""

    rank: int | None
    estimate: Estimate


@dataclass(frozen=True)
class Ranking:
    """One occupation's areas, best first, and where it pays least."""

    role: RoleRef
    occupation_code: str
    occupation_title: str
    national: Estimate | None
    highest: tuple[RankedArea, ...]
    lowest: tuple[RankedArea, ...]
    ranked: int
    unranked: int


@dataclass(frozen=True)
class RoleEstimate:
    """A role's estimate for one of its occupations, in the area compared."""

    role: RoleRef
    estimate: Estimate


def _mixed_releases_note(entries: Sequence[RankedArea], release: str) -> str | None:
    """Which areas' figures are of an older release than the rest, when some are (an
    import of a partial release keeps the areas it does not cover)."""
    own = [e.estimate.area.title for e in entries if not e.estimate.area.release]
    kept = [e.estimate.area.title for e in entries if e.estimate.area.release]
    if not kept:
        return None
    older = " and ".join(sorted({e.estimate.area.release for e in entries} - {""}))
    if not own:
        return (
            f"These figures are of {older}: the {release} tables imported do not cover these areas."
        )
    if len(own) <= 5:
        named = ", ".join(own)
        return (
            f"{release} figures: {named}; the others are of {older}, kept because the "
            f"{release} tables imported do not cover them. Compare figures of one release."
        )
    return (
        f"Of {older}: {', '.join(kept[:5])}{' and others' if len(kept) > 5 else ''}; the "
        f"{release} tables imported do not cover them. Compare figures of one release."
    )


@dataclass(frozen=True, kw_only=True)
class WagesResult(CitingResult, view="wages", json_version=2):
    """OEWS wages: rankings of areas for one role, or roles side by side in an area."""

    # 2: side_by_side holds {role, estimate} objects, not [role, estimate] pairs
    release: str
    by: AreaKind | None
    within: str | None
    sort: WageSort
    area: Area | None
    rankings: tuple[Ranking, ...]
    side_by_side: tuple[RoleEstimate, ...]
    notes: tuple[str, ...]
    hourly: bool = False
    # the areas side by side, when several were asked for (`area` is the first)
    areas: tuple[Area, ...] = ()
    # how many of the notes say which roles the side-by-side rows stand for, or lack:
    # shown before the rows, the others after them
    leading_notes: int = field(default=0, metadata=NOT_IN_JSON)

    def blocks(self) -> tuple[Block, ...]:
        source = self.sources[0].source.id if self.sources else ""
        marker: Text = self.marker(source) if source else ""
        blocks: list[Block]
        if self.rankings:
            blocks = self._ranking_blocks(marker)
        else:
            places = self.areas or ((self.area,) if self.area else ())
            where = " and ".join(place.in_text for place in places) or in_text(NATION_TITLE)
            order = f", by {WageSort(self.sort).words}" if len(self.side_by_side) > 1 else ""
            releases = dict.fromkeys(place.release or self.release for place in places)
            release = " and ".join(releases) if releases else self.release
            title = f"Wages in {where}, {release} (BLS OEWS){order} " + marker
            blocks = [Heading(title)]
            blocks += [Paragraph(note, note=True) for note in self.notes[: self.leading_notes]]
            blocks += self._side_blocks()
        blocks += [Paragraph(note, note=True) for note in self.notes[self.leading_notes :]]
        ranked = bool(self.rankings)
        columns = COLUMNS if ranked else SIDE_COLUMNS
        blocks.append(Paragraph(legend(columns, hourly=self.hourly, ranked=ranked), note=True))
        return (*blocks, *sources_block(self))

    def _ranking_blocks(self, marker: Text) -> list[Block]:
        blocks: list[Block] = []
        group = AreaKind(self.by or AreaKind.STATE).words
        within = f" in {self.within}" if self.within else ""
        for ranking in self.rankings:
            title = f"{ranking.occupation_title} ({ranking.occupation_code})"
            blocks.append(Heading(f"{title}: {group}{within} by {WageSort(self.sort).words}"))
            if ranking.national is not None:
                us = ranking.national
                shown = cell_text(
                    us.wage("median", hourly=self.hourly), hourly=self.hourly, estimate=us
                )
                release = us.area.release or self.release
                shown = "U.S. median " + shown + f" ({release}) " + marker
                blocks.append(Paragraph(shown, note=True))
            if not ranking.highest:
                blocks.append(Paragraph("BLS publishes no estimate for these areas."))
                continue
            heading = "Where it pays most" if self.sort is not WageSort.EMPLOYMENT else "Most jobs"
            if ranking.lowest:
                blocks.append(Heading(heading, 2))
            blocks.append(self._records(ranking.highest))
            if ranking.lowest:
                blocks += [Heading("Where it pays least", 2), self._records(ranking.lowest)]
            count = f"{ranking.ranked} {group} ranked"
            if ranking.unranked:
                count += f"; {ranking.unranked} without a released figure are left out"
            blocks.append(Paragraph(count + ".", note=True))
            note = _mixed_releases_note([*ranking.highest, *ranking.lowest], self.release)
            if note:
                blocks.append(Paragraph(note, note=True))
            chart = self._chart([entry.estimate for entry in (*ranking.highest, *ranking.lowest)])
            if chart is not None:
                blocks += [Heading("10th to 90th percentile, median marked", 2), chart]
        return blocks

    def _records(self, entries: Sequence[RankedArea]) -> Records:
        rows = []
        for entry in entries:
            e = entry.estimate
            rows.append(
                (
                    str(entry.rank) if entry.rank is not None else "-",
                    e.area.title,
                    _money(e.wage("median", hourly=self.hourly), e, hourly=self.hourly),
                    range_text(e, hourly=self.hourly),
                    employment_text(e),
                    _number_or_gap(e.jobs_per_1000, "JOBS_1000"),
                    _number_or_gap(e.location_quotient, "LOC_QUOTIENT"),
                )
            )
        return Records(COLUMNS, tuple(rows))

    def _side_blocks(self) -> list[Block]:
        several = {s.role.id for s in self.side_by_side if self._codes(s.role.id) > 1}
        rows = tuple(
            (
                (f"{e.occupation_title} ({e.occupation_code})" if role.id in several else role.name)
                + (f", {e.area.title}" if self.areas else ""),
                _money(e.wage("median", hourly=self.hourly), e, hourly=self.hourly),
                range_text(e, hourly=self.hourly),
                employment_text(e),
                _number_or_gap(e.jobs_per_1000, "JOBS_1000"),
            )
            for role, e in ((s.role, s.estimate) for s in self.side_by_side)
        )
        blocks: list[Block] = [Records(SIDE_COLUMNS, rows)] if rows else []
        chart = self._chart([s.estimate for s in self.side_by_side], label_roles=True)
        if chart is not None:
            blocks += [Heading("10th to 90th percentile, median marked", 2), chart]
        return blocks

    def _codes(self, role_id: str) -> int:
        """How many occupations a role's rows are of, in all areas (several: each row is
        named by its occupation)."""
        return len({s.estimate.occupation_code for s in self.side_by_side if s.role.id == role_id})

    def _chart(self, estimates: list[Estimate], *, label_roles: bool = False) -> BarChart | None:
        bars = []
        for e in estimates:
            hourly = self.hourly
            low, high = e.wage("pct10", hourly=hourly), e.wage("pct90", hourly=hourly)
            median = e.wage("median", hourly=hourly)
            if low.value is None or high.value is None:
                continue
            label = e.occupation_title if label_roles else e.area.title
            if label_roles and self.areas:
                label += f", {e.area.title}"
            caption = "median " + cell_text(median, hourly=hourly, estimate=e)
            bars.append(Bar(label, low.value, high.value, median.value, caption, high.at_least))
        return BarChart.from_zero(bars, 10.0 if self.hourly else 10_000.0)

    def records(self) -> list[dict[str, CsvValue]]:
        rows: list[dict[str, CsvValue]] = []
        for ranking in self.rankings:
            for entry in (*ranking.highest, *ranking.lowest):
                rows.append(_record(ranking.role, entry.estimate, entry.rank, self))
        for side in self.side_by_side:
            rows.append(_record(side.role, side.estimate, None, self))
        return rows


def _money(cell: Cell, estimate: Estimate, *, hourly: bool = False) -> Text:
    """'$59,290', 'at least $239,200', '$21.97', or why there is none."""
    if cell.value is None:
        return Gap(estimate.not_released_reason(hourly=hourly))
    shown = money(cell.value, cents=hourly)
    return bounded(shown, cell.at_least)


def _number_or_gap(cell: Cell, column: str) -> Text:
    """The cell as the OEWS tables print the column, or why it has no value."""
    if cell.value is None:
        return NOT_RELEASED if not cell.released else "-"
    return as_published(cell.value, VALUE_COLUMNS[column])


def _record(
    role: RoleRef, e: Estimate, rank: int | None, result: WagesResult
) -> dict[str, CsvValue]:
    record: dict[str, CsvValue] = {
        "role_id": role.id,
        "role": role.name,
        "occupation_code": e.occupation_code,
        "occupation": e.occupation_title,
        "area_code": e.area.code,
        "area": e.area.title,
        "area_type": e.area.kind,
        "rank": rank,
        "employment": e.employment.value,
        "employment_released": e.employment.released,
    }
    for basis in ("annual", "hourly"):  # both as BLS publishes them, whatever --hourly says
        for measure in ("median", "pct10", "pct90", "mean"):
            cell = e.wage(measure, hourly=basis == "hourly")
            record[f"{basis}_{measure}"] = cell.value
            record[f"{basis}_{measure}_bound"] = (
                "at-least"
                if cell.at_least
                else ("exact" if cell.value is not None else "not released")
            )
    record["jobs_per_1000"] = e.jobs_per_1000.value
    record["location_quotient"] = e.location_quotient.value
    record["less_precise"] = "; ".join(e.less_precise)
    record["release"] = e.area.release or result.release
    record["source"] = result.sources[0].source.id if result.sources else ""
    record["source_number"] = result.sources[0].number if result.sources else None
    return record


def _rank_key(cell: Cell) -> float:
    return cell.value if cell.value is not None else -math.inf


@dataclass(frozen=True)
class AreaRanking:
    """What a ranking of one role's areas asks for: their kind, the state they are in
    (None: every state), and how many of the highest and lowest to show (None: all)."""

    by: AreaKind = AreaKind.STATE
    within: str | None = None
    top: int | None = None


def build_wages(
    index: CatalogIndex,
    db: WageDatabase,
    roles: Sequence[Role],
    *,
    area: Sequence[str],
    ranking: AreaRanking,
    sort: WageSort,
    hourly: bool = False,
) -> WagesResult:
    """One role without an area: where it pays most and least. Otherwise the roles side by
    side in the areas (the U.S. when none is given), in the order --sort asks for."""
    from careercompare.wages.areas import resolve_area, resolve_state

    names = list(area)
    if len(roles) == 1 and not names:
        state = resolve_state(ranking.within, db.areas) if ranking.within else None
        placed = AreaRanking(ranking.by, state, ranking.top)
        return build_ranking(index, db, roles[0], placed, sort=sort, hourly=hourly)
    places = list(dict.fromkeys(resolve_area(name, db.areas) for name in names or ["us"]))
    return build_side_by_side(index, db, roles, places, sort=sort, hourly=hourly)


def _options(ranking: AreaRanking) -> str:
    """The options of a ranking as typed (those other than the defaults)."""
    by = f" --by {ranking.by.value}" if ranking.by is not AreaKind.STATE else ""
    return by + (f" --in {ranking.within}" if ranking.within else "")


def _ranked_within(
    index: CatalogIndex,
    db: WageDatabase,
    rankings: list[Ranking],
    areas: list[Area],
    options: str,
) -> list[str]:
    """For a broad occupation with no estimate in these areas, the detailed ones within
    it that BLS does publish there (`detailed_published`), and how to rank one."""
    notes = []
    for ranking in rankings:
        if ranking.ranked or ranking.unranked:
            continue
        code = ranking.occupation_code
        published = detailed_published(db, index.tables, (code,), areas)
        if published:
            first = published[0]
            notes.append(
                f"{ranking.occupation_title} ({code}): BLS publishes the "
                f"{counted(len(published), 'detailed occupation')} within it for these areas, "
                "such as "
                f"{db.occupation_title(first) or first} ({first}): 'careercompare wages "
                f"{first}{options}' ranks one."
            )
    return notes


def build_ranking(
    index: CatalogIndex,
    db: WageDatabase,
    role: Role,
    ranking: AreaRanking,
    *,
    sort: WageSort,
    hourly: bool = False,
) -> WagesResult:
    """Where one role pays most and least among the areas of a kind."""
    codes = oews_codes(role)
    if not codes:
        raise UsageError(
            f"BLS publishes no local wages for '{role.name}': it has no BLS occupation code"
        )
    citations = Citations(index)
    citations.cite_source(wage_source(index, db))
    by, within, top = ranking.by, ranking.within, ranking.top
    areas = areas_in(db.areas, kind=by, state=within)
    nation = db.nation
    rankings = []
    for code in codes:
        estimates = db.estimates(code, areas)
        ranked = sorted(
            (e for e in estimates if sort_cell(e, sort, hourly=hourly).value is not None),
            key=lambda e: (
                # lower bounds first, in a group of their own
                not sort_cell(e, sort, hourly=hourly).at_least,
                -_rank_key(sort_cell(e, sort, hourly=hourly)),
                e.area.title,
            ),
        )
        bounded = sum(1 for e in ranked if sort_cell(e, sort, hourly=hourly).at_least)
        # areas BLS gives only "at least" share the first rank: they cannot be ordered
        entries = [RankedArea(1 if n <= bounded else n, e) for n, e in enumerate(ranked, 1)]
        highest = entries if top is None or len(entries) <= 2 * top else entries[:top]
        lowest = [] if top is None or len(entries) <= 2 * top else entries[-top:]
        rankings.append(
            Ranking(
                RoleRef.of(role),
                code,
                db.occupation_title(code) or code,
                db.estimate(code, nation) if nation else None,
                tuple(highest),
                tuple(lowest),
                len(entries),
                len(estimates) - len(entries),
            )
        )
    return WagesResult(
        release=db.release,
        by=by,
        within=within,
        sort=sort,
        area=None,
        rankings=tuple(rankings),
        side_by_side=(),
        notes=(
            *_precision(e.estimate for r in rankings for e in (*r.highest, *r.lowest)),
            *_ranked_within(index, db, rankings, areas, _options(ranking)),
        ),
        hourly=hourly,
        sources=citations.cited(),
    )


def build_side_by_side(
    index: CatalogIndex,
    db: WageDatabase,
    roles: Sequence[Role],
    places: Sequence[Area],
    *,
    sort: WageSort = WageSort.MEDIAN,
    hourly: bool = False,
) -> WagesResult:
    """Roles' wages in one area or several, area by area, in each largest first by `sort`
    (the roles' order when none is released)."""
    citations = Citations(index)
    citations.cite_source(wage_source(index, db))
    side = []
    notes = []
    for place in places:
        here = []
        for role in roles:
            found, note = estimates_in(db, role, place, index.tables, detailed=True)
            if note:
                notes.append(note)
            here += [RoleEstimate(RoleRef.of(role), e) for e in found]
        here.sort(key=lambda s: -_rank_key(sort_cell(s.estimate, sort, hourly=hourly)))
        side += here
    return WagesResult(
        release=db.release,
        by=None,
        within=None,
        sort=sort,
        area=places[0],
        areas=tuple(places) if len(places) > 1 else (),
        rankings=(),
        side_by_side=tuple(side),
        notes=(*notes, *_precision(s.estimate for s in side)),
        leading_notes=len(notes),
        hourly=hourly,
        sources=citations.cited(),
    )


def _precision(estimates: Iterable[Estimate]) -> tuple[str, ...]:
    notes = []
    for e in estimates:
        if e.less_precise:
            flagged = " and ".join(e.less_precise)
            notes.append(f"{e.occupation_title}, {e.area.title}: less precise {flagged}.")
    return tuple(dict.fromkeys(notes))
