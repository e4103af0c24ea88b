"""Reads the long-term state occupational projections (Projections Central) as shipped:
tab-separated text despite a .csv name, CRLF line ends, empty trailing columns and blank
trailing lines. Columns: Title, Base, Projected, PercentChange, AvgAnnualOpenings,
STFIPS (0 for the nation), OccCode. Jobs are counts, not thousands."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

from careercompare.errors import DataError
from careercompare.occupations.database import StateProjection

COLUMNS = ("Title", "Base", "Projected", "PercentChange", "AvgAnnualOpenings", "STFIPS", "OccCode")
MAX_ROWS = 200_000
_CODE = re.compile(r"^\d{2}-\d{4}$")
_COUNT = re.compile(r"^\d{1,10}$")
_PERCENT = re.compile(r"^-?\d{1,4}(\.\d{1,3})?$")
_FIPS = re.compile(r"^\d{1,2}$")


def read_state_projections(path: Path) -> Iterator[StateProjection]:
    """The rows of the file; a row that is not as published is a DataError naming it."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle, delimiter="\t")
            header = [cell.strip() for cell in next(reader, [])]
            if [c for c in header if c] != list(COLUMNS):
                raise DataError(
                    f"{path}: the header is not {', '.join(COLUMNS)}; "
                    "give the state projections file of Projections Central"
                )
            for line, cells in enumerate(reader, 2):
                if line > MAX_ROWS:
                    raise DataError(f"{path}: more than {MAX_ROWS:,} rows")
                if not any(cell.strip() for cell in cells):
                    continue
                try:
                    yield _row(cells)
                except ValueError as error:
                    raise DataError(f"{path}: line {line}: {error}") from None
    except (UnicodeDecodeError, csv.Error) as error:
        raise DataError(f"{path}: cannot be read as tab-separated text ({error})") from None
    except OSError as error:
        raise DataError(f"{path}: cannot be read ({error.strerror})") from None


def _row(cells: list[str]) -> StateProjection:
    title, base, projected, percent, openings, fips, code = (c.strip() for c in cells[:7])
    if not _CODE.match(code):
        raise ValueError(f"'{code[:20]}' is not an occupation code like 31-9092")
    if not _FIPS.match(fips):
        raise ValueError(f"'{fips[:20]}' is not a state FIPS code")
    for name, value in (("Base", base), ("Projected", projected)):
        if not _COUNT.match(value):
            raise ValueError(f"{name} '{value[:20]}' is not a count of jobs")
    if openings and not _COUNT.match(openings):
        raise ValueError(f"AvgAnnualOpenings '{openings[:20]}' is not a count")
    if percent and not _PERCENT.match(percent):
        raise ValueError(f"PercentChange '{percent[:20]}' is not a percent")
    return StateProjection(
        fips=fips.zfill(2),
        code=code,
        title=title[:200],
        base=int(base),
        projected=int(projected),
        percent=float(percent) if percent else None,
        openings=int(openings) if openings else None,
    )
