"""The wage database: a read-only SQLite file of OEWS estimates, queried by occupation and area.

Values are stored as integers in hundredths (or the unit the column needs, see
`estimates.VALUE_COLUMNS`), a BLS marker as text in its place, nothing as NULL.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from careercompare.bundled_database import open_read_only
from careercompare.errors import DataError
from careercompare.wages.estimates import (
    EMPLOYMENT_NOT_RELEASED,
    NOT_RELEASED,
    TOP_CODED,
    VALUE_COLUMNS,
    WAGE_MEASURES,
    Area,
    Cell,
    Estimate,
)
from careercompare.wages.releases import release_key

if TYPE_CHECKING:
    from careercompare.catalog.models import Source

FORMAT = "1"
_MONEY = re.compile(r"^\d{1,9}(\.\d{1,2})?$")
AREA_KINDS = {"1": "nation", "2": "state", "3": "territory", "4": "metro", "6": "nonmetro"}
COLUMNS = tuple(name.lower() for name in VALUE_COLUMNS)
SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE source_files (name TEXT NOT NULL, bytes INTEGER NOT NULL, sha256 TEXT NOT NULL);
CREATE TABLE areas (
    id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
    kind TEXT NOT NULL, state TEXT NOT NULL
);
CREATE TABLE occupations (
    id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, title TEXT NOT NULL, grp TEXT NOT NULL
);
CREATE TABLE estimates (
    occupation INTEGER NOT NULL, area INTEGER NOT NULL,
    {", ".join(COLUMNS)}, annual_only INTEGER, hourly_only INTEGER,
    PRIMARY KEY (occupation, area)
) WITHOUT ROWID;
"""


# Present in a release that kept areas of an older one (an import of a state file keeps
# the metro areas and the nation of the release it adds to): the release each such
# area's figures are of, and that release's top of the published range.
AREA_RELEASES_SCHEMA = """
CREATE TABLE area_releases (
    code TEXT PRIMARY KEY, release TEXT NOT NULL, top_annual TEXT, top_hourly TEXT
) WITHOUT ROWID;
"""


@dataclass(frozen=True)
class SourceFile:
    """A file a database was built from."""

    name: str
    bytes: int
    sha256: str


MARKERS = (NOT_RELEASED, EMPLOYMENT_NOT_RELEASED, TOP_CODED)


class BadValue(ValueError):
    """A stored value the importer never writes."""


def _cell(column: str, stored: object, top: dict[str, float]) -> Cell:
    if stored is None:
        return Cell.of(None)
    if isinstance(stored, str):
        if stored not in MARKERS:
            raise BadValue(f"'{stored[:20]}' in {column}")
        return Cell.of(top.get(column[0]) if stored == "#" else None, stored)
    if isinstance(stored, bool) or not isinstance(stored, (int, float)) or stored < 0:
        raise BadValue(f"{type(stored).__name__} {str(stored)[:20]} in {column}")
    if isinstance(stored, int):
        places = VALUE_COLUMNS[column.upper()]
        return Cell.of(stored / 10**places if places else stored)
    return Cell.of(stored)


class WageDatabase:
    """One release of OEWS estimates, opened read-only."""

    def __init__(self, path: Path, *, bundled: bool = False) -> None:
        self.path = path
        self.bundled = bundled
        # a view reads a few pages of one occupation: a small page cache will do
        self._db, self._guard, rows = open_read_only(
            path, "a wage database", bundled=bundled, check=None if bundled else self._check_length
        )
        self.meta = {str(key): str(value) for key, value in rows}
        if self.meta.get("format") != FORMAT:
            raise DataError(
                f"{path}: is a wage database of another format; import the wages again "
                "with 'careercompare import-oews'"
            )
        if not bundled:
            self._check_meta()

    def _check_meta(self) -> None:
        """An imported file's record as the importer writes it, or the file is refused
        (and so skipped, with a warning, by the run that finds it)."""
        meta = self.meta
        problem = None
        if "release" not in meta:
            problem = "names no release"
        else:
            try:
                release_key(meta["release"])
            except DataError:
                problem = f"names a release, '{meta['release'][:30]}', not like 'May 2026'"
        for key in ("rows", "occupations"):
            if problem is None and key in meta and not meta[key].isdigit():
                problem = f"has a count of {key} that is not a number"
        for key in ("top_annual", "top_hourly"):
            if problem is None and key in meta and not _MONEY.match(meta[key]):
                problem = f"has a top of the wage range ({key}) that is not an amount"
        from careercompare.catalog.models import URL_PATTERN

        if problem is None and "url" in meta and not re.match(URL_PATTERN, meta["url"]):
            problem = "has an address (url) no link can carry"
        if problem is not None:
            raise DataError(
                f"{self.path}: {problem}; it is not a wage database careercompare wrote "
                "(import the release again)"
            )

    def _check_length(self, db: sqlite3.Connection) -> None:
        """A file cut short (a copy or a disk that failed) is refused before any query."""
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        size = db.execute("PRAGMA page_size").fetchone()[0]
        if pages * size > self.path.stat().st_size:
            raise sqlite3.DatabaseError("the file is shorter than the database it holds")

    @property
    def release(self) -> str:
        """'May 2025'."""
        return str(self.meta["release"])

    @property
    def source_id(self) -> str:
        """The catalog source id of the release: 'May 2025' is 'bls-oews-may2025'."""
        month, year = self.release.split()
        return f"bls-oews-{month.lower()}{year}"

    def source(self) -> Source:
        """The release as a source, made from the database's own record (a catalog's entry
        for the release, where it has one, is used instead)."""
        from careercompare.catalog.models import Source

        meta = self.meta
        return Source(
            id=self.source_id,
            title=meta.get(
                "title", f"Occupational Employment and Wage Statistics (OEWS), {self.release}"
            ),
            publisher=meta.get("publisher", "U.S. Bureau of Labor Statistics (BLS)"),
            date=meta.get("published"),
            date_meaning="published" if meta.get("published") else None,
            url=meta.get("url"),
            note=meta.get("note") or meta.get("scope"),
        )

    @property
    def published(self) -> str | None:
        """The date BLS published the release, if known."""
        return self.meta.get("published")

    def _top(self, code: str) -> dict[str, float]:
        """The top of the published range ('#' means at or above it), annual and hourly,
        of the release of an area's figures."""
        _, top_annual, top_hourly = self.release_of(code)
        top: dict[str, float] = {}
        for prefix, text in (("a", top_annual), ("h", top_hourly)):
            if text:
                value = float(text)
                top[prefix] = int(value) if prefix == "a" and value.is_integer() else value
        return top

    def _query(self, sql: str, parameters: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        return self._guard.query(sql, parameters)

    @cached_property
    def _kept(self) -> dict[str, tuple[str, str | None, str | None]]:
        """The areas kept from an older release: their release and its top of the range."""
        found = self._query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'area_releases'"
        )
        if not found:
            return {}
        rows = self._query("SELECT code, release, top_annual, top_hourly FROM area_releases")
        kept = {}
        for code, release, top_annual, top_hourly in rows:
            tops = [str(t) if t is not None else None for t in (top_annual, top_hourly)]
            if not isinstance(release, str) or any(t and not _MONEY.match(t) for t in tops):
                raise DataError(
                    f"{self.path}: records an older release of area {code} that careercompare "
                    "did not write; import the release again"
                )
            release_key(release)
            kept[str(code)] = (release, tops[0], tops[1])
        return kept

    def release_of(self, code: str) -> tuple[str, str | None, str | None]:
        """The release of an area's figures, with that release's top of the published
        range (annual, hourly): the database's own, or an older one's it kept."""
        return self._kept.get(code) or (
            self.release,
            self.meta.get("top_annual"),
            self.meta.get("top_hourly"),
        )

    @cached_property
    def areas(self) -> tuple[Area, ...]:
        """Every area, in the order of their codes, each with the release of its figures."""
        rows = self._query("SELECT code, title, kind, state FROM areas ORDER BY code")
        return tuple(self._area(row) for row in rows)

    def _area(self, row: tuple[object, ...]) -> Area:
        code, title, kind, state = (str(value) for value in row)
        kept = self._kept.get(code)
        return Area(code, title, kind, state, kept[0] if kept else "")

    def release_of_area(self, area: Area) -> str:
        """The release an area's figures are of."""
        return area.release or self.release

    def kept_areas(self) -> dict[str, int]:
        """How many areas the database kept of each older release."""
        counts: dict[str, int] = {}
        for release, _, _ in self._kept.values():
            counts[release] = counts.get(release, 0) + 1
        return counts

    @cached_property
    def nation(self) -> Area | None:
        """The United States, where the release has national figures (a state file has none).

        Read by itself: most views need no other area (reading all 580 took a millisecond
        of `table`'s run).
        """
        rows = self._query("SELECT code, title, kind, state FROM areas WHERE kind = 'nation'")
        return self._area(rows[0]) if rows else None

    @cached_property
    def _area_ids(self) -> dict[str, int]:
        return {str(code): int(str(i)) for i, code in self._query("SELECT id, code FROM areas")}

    def occupation_title(self, code: str) -> str | None:
        """The OEWS title of an occupation code, if the release has it."""
        rows = self._query("SELECT title FROM occupations WHERE code = ?", (code,))
        return str(rows[0][0]) if rows else None

    def estimates(self, occupation: str, areas: list[Area] | None = None) -> list[Estimate]:
        """The estimates of an occupation in the given areas (all areas when None)."""
        by_code = {area.code: area for area in (areas if areas is not None else self.areas)}
        rows = self._query(
            f"SELECT a.code, o.title, {', '.join('e.' + c for c in COLUMNS)}, "
            "e.annual_only, e.hourly_only "
            "FROM estimates e JOIN occupations o ON o.id = e.occupation "
            "JOIN areas a ON a.id = e.area WHERE o.code = ?",
            (occupation,),
        )
        found = []
        for area_code, title, *values in rows:
            area = by_code.get(str(area_code))
            if area is not None:
                found.append(self._estimate(occupation, str(title), area, values))
        order = {code: n for n, code in enumerate(by_code)}
        return sorted(found, key=lambda e: order[e.area.code])

    def estimate(self, occupation: str, area: Area) -> Estimate | None:
        """The estimate of an occupation in one area, if BLS has one."""
        if area.code not in self._area_ids:
            return None
        rows = self._query(
            f"SELECT o.title, {', '.join('e.' + c for c in COLUMNS)}, "
            "e.annual_only, e.hourly_only "
            "FROM estimates e JOIN occupations o ON o.id = e.occupation "
            "WHERE o.code = ? AND e.area = ?",
            (occupation, self._area_ids[area.code]),
        )
        if not rows:
            return None
        title, *values = rows[0]
        return self._estimate(occupation, str(title), area, values)

    def _estimate(self, code: str, title: str, area: Area, values: list[object]) -> Estimate:
        top = self._top(area.code)
        try:
            cells = {
                column: _cell(column, value, top)
                for column, value in zip(COLUMNS, values, strict=False)
            }
        except BadValue as error:
            raise DataError(
                f"{self.path}: holds a value the import never writes ({error}, "
                f"occupation {code}, area {area.code}); import the release again"
            ) from None
        annual_only, hourly_only = values[len(COLUMNS)], values[len(COLUMNS) + 1]
        return Estimate(
            occupation_code=code,
            occupation_title=title,
            area=area,
            employment=cells["tot_emp"],
            employment_rse=cells["emp_prse"],
            jobs_per_1000=cells["jobs_1000"],
            location_quotient=cells["loc_quotient"],
            annual={m: cells[f"a_{m}"] for m in WAGE_MEASURES},
            hourly={m: cells[f"h_{m}"] for m in WAGE_MEASURES},
            mean_rse=cells["mean_prse"],
            annual_only=bool(annual_only),
            hourly_only=bool(hourly_only),
        )

    def source_files(self) -> tuple[SourceFile, ...]:
        """The files the database was built from."""
        rows = self._query("SELECT name, bytes, sha256 FROM source_files ORDER BY rowid")
        try:
            return tuple(SourceFile(str(n), int(str(b)), str(h)) for n, b, h in rows)
        except ValueError:
            raise DataError(
                f"{self.path}: records a source file size that is not a number; import the "
                "release again"
            ) from None

    def counts(self) -> tuple[int, int, int]:
        """(estimates, areas, occupations), as the import recorded them."""
        if "rows" in self.meta and "occupations" in self.meta:
            return int(self.meta["rows"]), len(self.areas), int(self.meta["occupations"])
        return (
            int(str(self._query("SELECT count(*) FROM estimates")[0][0])),
            len(self.areas),
            int(str(self._query("SELECT count(*) FROM occupations")[0][0])),
        )
