"""Builds the occupation database from the official files: BLS Employment Projections
(Table 1.2 of `occupation.xlsx`) and an O*NET database release (a folder of its files).

The database is written to a temporary file beside the output and renamed when whole,
so a failed or interrupted build leaves the database in use untouched.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from careercompare.catalog.names import title_keys
from careercompare.errors import DataError, UsageError
from careercompare.importers.database_file import refuse_existing, write_database
from careercompare.importers.ep_workbook import EpTable, read_ep_workbook
from careercompare.importers.onet_files import FILES, number, onet_rows
from careercompare.occupations.schema import FORMAT, INTERESTS, SCHEMA

_RELEASE = re.compile(r"O\*NET (\d{1,3}\.\d{1,2}) Database")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PERIOD = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class BuildSummary:
    """What a build wrote."""

    path: Path
    ep_edition: str
    onet_release: str
    projections: int
    occupations: int
    titles: int


def onet_release(folder: Path) -> str:
    """The release number O*NET's `Read Me.txt` names ('29.3')."""
    path = folder / "Read Me.txt"
    try:
        found = _RELEASE.search(path.read_text(encoding="utf-8", errors="replace")[:2000])
    except OSError as error:
        raise DataError(
            f"{path}: cannot be read ({error.strerror}); is this an O*NET folder?"
        ) from None
    if found is None:
        raise DataError(f"{path}: names no 'O*NET NN.N Database'; is this an O*NET folder?")
    return found.group(1)


@dataclass(frozen=True)
class StateFile:
    """The state projections file and the period it covers (the file does not say)."""

    path: Path
    period: str


def build_occupation_database(
    ep_file: Path,
    onet_folder: Path,
    output: Path,
    *,
    force: bool,
    ep_published: str | None,
    states: StateFile | None = None,
) -> BuildSummary:
    """Read the sources, then write the database (nothing is written on a failure)."""
    if ep_published is not None and not _DATE.match(ep_published):
        raise UsageError(f"--ep-published '{ep_published[:40]}' is not a date like 2025-08-28")
    if states is not None:
        period = _PERIOD.match(states.period)
        if period is None or int(period.group(2)) <= int(period.group(1)[2:]):
            raise UsageError(f"--state-period '{states.period[:40]}' is not a period like 2022-32")
    refuse_existing(output, force=force)
    table = read_ep_workbook(ep_file)
    release = onet_release(onet_folder)
    sources = [("ep", ep_file), *(("onet", onet_folder / name) for name in sorted(FILES))]
    if states is not None:
        sources.append(("states", states.path))

    def fill(db: sqlite3.Connection) -> tuple[int, int, int]:
        counts = _fill(db, table, onet_folder, release, ep_published)
        if states is not None:
            _states(db, states)
        return counts

    counts = write_database(output, SCHEMA, fill, sources, force=force)
    edition = _edition(table)
    return BuildSummary(output, edition, release, *counts)


def _edition(table: EpTable) -> str:
    return f"{table.base_year}-{str(table.target_year)[-2:]}"


def _fill(
    db: sqlite3.Connection,
    table: EpTable,
    folder: Path,
    release: str,
    ep_published: str | None,
) -> tuple[int, int, int]:
    meta = {
        "format": FORMAT,
        "ep_edition": _edition(table),
        "ep_base_year": str(table.base_year),
        "ep_target_year": str(table.target_year),
        "ep_wage_year": str(table.wage_year),
        "onet_release": release,
    }
    if ep_published:
        meta["ep_published"] = ep_published
    db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    parents = _parents(table)
    db.executemany(
        "INSERT INTO projections VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                row.code,
                row.title,
                int(row.line_item),
                parents.get(row.code),
                str(row.employment_base),
                str(row.employment_target),
                str(row.change),
                str(row.percent),
                None if row.self_employed is None else str(row.self_employed),
                None if row.openings is None else str(row.openings),
                row.wage,
                int(row.wage_at_least),
                row.education,
                row.experience,
                row.training,
            )
            for row in table.rows
        ],
    )
    titles: set[tuple[str, str, str, str]] = set()
    for row in table.rows:
        _add_title(titles, row.title, row.code, "bls")
    occupations = _onet(db, folder, titles)
    db.executemany("INSERT OR IGNORE INTO titles VALUES (?, ?, ?, ?)", sorted(titles))
    # a name and code that differ only in ways the key folds are one row
    written = db.execute("SELECT count(*) FROM titles").fetchone()[0]
    return len(table.rows), occupations, int(written)


def _states(db: sqlite3.Connection, states: StateFile) -> None:
    from careercompare.importers.state_projections import read_state_projections

    seen: set[tuple[str, str]] = set()
    rows = []
    for row in read_state_projections(states.path):
        if (row.code, row.fips) in seen:
            raise DataError(f"{states.path}: {row.code} appears twice for state {row.fips}")
        seen.add((row.code, row.fips))
        rows.append(
            (row.fips, row.code, row.title, row.base, row.projected, row.percent, row.openings)
        )
    db.executemany("INSERT INTO state_projections VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    db.execute("INSERT INTO meta VALUES ('state_period', ?)", (states.period,))


def _parents(table: EpTable) -> dict[str, str]:
    """Each row's group: the nearest row above it that is indented less (the table shows
    its hierarchy by indenting titles)."""
    parents: dict[str, str] = {}
    open_groups: list[tuple[int, str]] = []
    for row in table.rows:
        while open_groups and open_groups[-1][0] >= row.level:
            open_groups.pop()
        if open_groups:
            parents[row.code] = open_groups[-1][1]
        open_groups.append((row.level, row.code))
    return parents


def _onet(db: sqlite3.Connection, folder: Path, titles: set[tuple[str, str, str, str]]) -> int:
    zones = {
        row["O*NET-SOC Code"]: int(number(row["Job Zone"], "Job Zones.txt"))
        for row in onet_rows(folder, "Job Zones.txt")
    }
    occupations = [
        (
            row["O*NET-SOC Code"],
            row["O*NET-SOC Code"][:7],
            row["Title"],
            row["Description"],
            zones.get(row["O*NET-SOC Code"]),
        )
        for row in onet_rows(folder, "Occupation Data.txt")
    ]
    db.executemany("INSERT INTO onet VALUES (?, ?, ?, ?, ?)", occupations)
    known = {code for code, *_ in occupations}
    for _, soc, title, *_ in occupations:
        _add_title(titles, title, soc, "onet")
    db.executemany(
        "INSERT INTO job_zones VALUES (?, ?, ?, ?, ?)",
        [
            (
                int(number(row["Job Zone"], "Job Zone Reference.txt")),
                row["Name"],
                row["Experience"],
                row["Education"],
                row["Job Training"],
            )
            for row in onet_rows(folder, "Job Zone Reference.txt")
        ],
    )
    db.executemany(
        "INSERT OR IGNORE INTO tasks VALUES (?, ?, ?, ?)",
        [
            (
                row["O*NET-SOC Code"],
                int(number(row["Task ID"], "Task Statements.txt")),
                row["Task"],
                int(row["Task Type"] == "Core"),
            )
            for row in onet_rows(folder, "Task Statements.txt")
            if row["O*NET-SOC Code"] in known
        ],
    )
    _interests(db, folder)
    db.executemany(
        "INSERT OR IGNORE INTO related VALUES (?, ?, ?, ?)",
        [
            (
                row["O*NET-SOC Code"],
                row["Related O*NET-SOC Code"],
                row["Relatedness Tier"],
                int(number(row["Index"], "Related Occupations.txt")),
            )
            for row in onet_rows(folder, "Related Occupations.txt")
        ],
    )
    for row in onet_rows(folder, "Alternate Titles.xlsx"):
        soc = row["O*NET-SOC Code"][:7]
        _add_title(titles, row["Alternate Title"], soc, "alternate")
        if row["Short Title"]:
            _add_title(titles, row["Short Title"], soc, "short")
    for row in onet_rows(folder, "Sample of Reported Titles.txt"):
        _add_title(titles, row["Reported Job Title"], row["O*NET-SOC Code"][:7], "reported")
    db.executemany(
        "INSERT INTO riasec_keywords VALUES (?, ?, ?)",
        [
            (row["Element Name"], row["Keyword"], row["Keyword Type"])
            for row in onet_rows(folder, "RIASEC Keywords.txt")
        ],
    )
    return len(occupations)


def _add_title(titles: set[tuple[str, str, str, str]], title: str, soc: str, kind: str) -> None:
    titles.update((key, title, soc, kind) for key in title_keys(title))


def _interests(db: sqlite3.Connection, folder: Path) -> None:
    scores: dict[str, dict[str, float]] = {}
    for row in onet_rows(folder, "Interests.txt"):
        if row["Scale ID"] == "OI" and row["Element Name"] in INTERESTS:
            scores.setdefault(row["O*NET-SOC Code"], {})[row["Element Name"]] = number(
                row["Data Value"], "Interests.txt"
            )
    db.executemany(
        "INSERT INTO interests VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(code, *(found.get(name) for name in INTERESTS)) for code, found in scores.items()],
    )
