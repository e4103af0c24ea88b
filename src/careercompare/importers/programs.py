"""Builds the programs database from the College Scorecard field-of-study table (the
Truewise compilation: CSV, gzip-compressed or not) and the NCES CIP 2020 to SOC 2018
crosswalk workbook (its 'CIP-SOC' sheet), as they are published.

The database is written to a temporary file beside the output and renamed when whole.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import sqlite3
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from careercompare.errors import DataError, UsageError
from careercompare.importers.database_file import refuse_existing, write_database
from careercompare.programs.database import FORMAT, SCHEMA

SCORECARD_COLUMNS = (
    "unitid",
    "opeid6",
    "inst_name",
    "state",
    "control",
    "cip_code",
    "cip_desc",
    "credential_level",
    "credential_desc",
    "completers_count",
    "earnings",
    "earnings_horizon",
    "debt_median",
)
CROSSWALK_SHEET = "CIP-SOC"
MAX_ROWS = 2_000_000
MAX_FIELD = 1024
_RELEASE = re.compile(r"(\d{4}-\d{2}-\d{2})")
_CIP6 = re.compile(r"^\d{2}\.\d{4}$")
_SOC = re.compile(r"^\d{2}-\d{4}$")
_FAMILY = re.compile(r"^\d{4}$")
_COUNT = re.compile(r"^\d{1,9}$")
_HORIZONS = ("", "1yr_after_completion", "4yr_after_completion")
# Dollar figures above this are not what the Scorecard publishes for one program.
MAX_DOLLARS = 10_000_000


@dataclass(frozen=True)
class ProgramsSummary:
    """What a build wrote."""

    path: Path
    release: str
    programs: int
    crosswalk: int


def build_programs_database(
    scorecard: Path, crosswalk: Path, output: Path, *, force: bool, release: str | None
) -> ProgramsSummary:
    """Read both files, then write the database (nothing is written on a failure)."""
    found = release or next(iter(_RELEASE.findall(scorecard.name)), None)
    if found is None or not _RELEASE.fullmatch(found):
        raise UsageError(
            f"the Scorecard release is not in the file name '{scorecard.name}'; "
            "give it with --release 2026-06-10"
        )
    refuse_existing(output, force=force)
    pairs = _crosswalk(crosswalk)

    def fill(db: sqlite3.Connection) -> int:
        db.executemany("INSERT INTO crosswalk VALUES (?, ?, ?)", pairs)
        db.executemany(
            "INSERT INTO meta VALUES (?, ?)", {"format": FORMAT, "scorecard_release": found}.items()
        )
        return _programs(db, scorecard)

    sources = [("scorecard", scorecard), ("crosswalk", crosswalk)]
    count = write_database(output, SCHEMA, fill, sources, force=force)
    return ProgramsSummary(output, found, count, len(pairs))


def _crosswalk(path: Path) -> list[tuple[str, str, str]]:
    from careercompare.importers.workbooks import sheet_rows

    rows = sheet_rows(path, CROSSWALK_SHEET, hint="give the NCES CIP 2020 to SOC 2018 crosswalk")
    try:
        header = [str(cell or "").strip() for cell in next(rows, ())]
        wanted = ("CIP2020Code", "CIP2020Title", "SOC2018Code")
        if any(name not in header for name in wanted):
            raise DataError(
                f"{path}: sheet '{CROSSWALK_SHEET}' has no columns {', '.join(wanted)}; "
                "give the NCES CIP 2020 to SOC 2018 crosswalk"
            )
        cip, title, soc = (header.index(name) for name in wanted)
        pairs: dict[tuple[str, str], str] = {}
        for line, cells in enumerate(rows, 2):
            values = [
                str(cells[i]).strip() if i < len(cells) and cells[i] else ""
                for i in (cip, title, soc)
            ]
            if not any(values):
                continue
            if not _CIP6.match(values[0]) or not _SOC.match(values[2]):
                raise DataError(
                    f"{path}: sheet '{CROSSWALK_SHEET}' row {line}: '{values[0][:20]}' and "
                    f"'{values[2][:20]}' are not a CIP code like 51.0801 and a SOC code"
                )
            pairs[(values[2], values[0])] = values[1][:MAX_FIELD]
    finally:
        rows.close()
    return [(soc_code, cip_code, text) for (soc_code, cip_code), text in pairs.items()]


def _lines(path: Path) -> Iterator[str]:
    """The file's text lines, decompressed as they are read (never whole)."""
    try:
        with path.open("rb") as raw:
            magic = raw.read(2)
            raw.seek(0)
            stream = gzip.GzipFile(fileobj=raw) if magic == b"\x1f\x8b" else raw
            yield from io.TextIOWrapper(stream, encoding="utf-8", newline="")
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as error:
        raise DataError(f"{path}: cannot be read ({error})") from None


def _programs(db: sqlite3.Connection, path: Path) -> int:
    csv.field_size_limit(MAX_FIELD)
    reader = csv.DictReader(_lines(path))
    try:
        missing = [c for c in SCORECARD_COLUMNS if c not in (reader.fieldnames or ())]
    except csv.Error as error:
        raise DataError(f"{path}: cannot be read as CSV ({error})") from None
    if missing:
        raise DataError(
            f"{path}: has no column {', '.join(missing)}; give the College Scorecard "
            "field-of-study table"
        )
    rows = []
    seen: set[tuple[object, ...]] = set()
    try:
        for line, row in enumerate(reader, 2):
            if line > MAX_ROWS:
                raise DataError(f"{path}: more than {MAX_ROWS:,} rows")
            try:
                record = _program(row)
            except ValueError as error:
                raise DataError(f"{path}: line {line}: {error}") from None
            key = (record[0], record[1], record[2], record[3])
            if key in seen:
                raise DataError(f"{path}: line {line}: the same program appears twice")
            seen.add(key)
            rows.append(record)
    except csv.Error as error:
        raise DataError(f"{path}: cannot be read as CSV ({error})") from None
    db.executemany("INSERT INTO programs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)


def _program(row: dict[str, str]) -> tuple[object, ...]:
    get = {key: (row.get(key) or "").strip() for key in SCORECARD_COLUMNS}
    if not _FAMILY.match(get["cip_code"]):
        raise ValueError(f"cip_code '{get['cip_code'][:20]}' is not a 4-digit CIP family")
    if not _COUNT.match(get["credential_level"]):
        raise ValueError(f"credential_level '{get['credential_level'][:20]}' is not a level")
    if get["earnings_horizon"] not in _HORIZONS:
        raise ValueError(f"earnings_horizon '{get['earnings_horizon'][:30]}' is not known")
    if not get["unitid"] or not get["inst_name"]:
        raise ValueError("no school")
    return (
        get["cip_code"],
        get["state"][:3],
        int(get["credential_level"]),
        get["unitid"][:20],
        get["inst_name"][:MAX_FIELD],
        get["control"][:40],
        get["cip_desc"].rstrip(".")[:MAX_FIELD],
        get["credential_desc"][:200],
        _dollars(get["completers_count"], "completers_count"),
        _dollars(get["earnings"], "earnings"),
        get["earnings_horizon"] or None,
        _dollars(get["debt_median"], "debt_median"),
        (get["opeid6"] or get["unitid"])[:20],  # a school without an opeid6 is its own
    )


def _dollars(text: str, what: str) -> int | None:
    """A whole count or dollar figure, or None where the Scorecard publishes none."""
    if not text:
        return None
    if not _COUNT.match(text) or int(text) > MAX_DOLLARS:
        raise ValueError(f"{what} '{text[:20]}' is not a figure the Scorecard publishes")
    return int(text)
