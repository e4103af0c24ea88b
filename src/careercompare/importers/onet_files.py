"""Reads the O*NET database files careercompare uses, as O*NET ships them.

Text files are tab-separated UTF-8 with a header row; `Alternate Titles` comes as an
Excel workbook. Each reader checks the header it needs and names the file and line of
anything it cannot read.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from careercompare.errors import DataError

MAX_ROWS = 500_000
MAX_FIELD = 8192
ONET_CODE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")

# The files of an O*NET release read here, and the columns each must have.
FILES: dict[str, tuple[str, ...]] = {
    "Occupation Data.txt": ("O*NET-SOC Code", "Title", "Description"),
    "Task Statements.txt": ("O*NET-SOC Code", "Task ID", "Task", "Task Type"),
    "Interests.txt": ("O*NET-SOC Code", "Element Name", "Scale ID", "Data Value"),
    "Job Zones.txt": ("O*NET-SOC Code", "Job Zone"),
    "Job Zone Reference.txt": ("Job Zone", "Name", "Experience", "Education", "Job Training"),
    "Related Occupations.txt": (
        "O*NET-SOC Code",
        "Related O*NET-SOC Code",
        "Relatedness Tier",
        "Index",
    ),
    "Sample of Reported Titles.txt": ("O*NET-SOC Code", "Reported Job Title"),
    "RIASEC Keywords.txt": ("Element Name", "Keyword", "Keyword Type"),
    "Alternate Titles.xlsx": ("O*NET-SOC Code", "Alternate Title", "Short Title"),
}


def onet_rows(folder: Path, name: str) -> Iterator[dict[str, str]]:
    """The rows of one O*NET file as {column: text}, header checked, codes checked."""
    path = folder / name
    wanted = FILES[name]
    if not path.is_file():
        raise DataError(f"{path}: not found; give the folder of an O*NET database release")
    rows = _xlsx_rows(path) if name.endswith(".xlsx") else _text_rows(path)
    try:
        header = [str(cell or "").strip() for cell in next(rows)]
    except StopIteration:
        raise DataError(f"{path}: is empty; expected O*NET's {name}") from None
    missing = [column for column in wanted if column not in header]
    if missing:
        raise DataError(f"{path}: has no column {', '.join(missing)}; is this O*NET's {name}?")
    where = {column: header.index(column) for column in wanted}
    for line, cells in enumerate(rows, 2):
        if line > MAX_ROWS:
            raise DataError(f"{path}: more than {MAX_ROWS:,} rows; O*NET's files are smaller")
        if not any(str(cell or "").strip() for cell in cells):
            continue
        row = {
            column: str(cells[index]).strip() if index < len(cells) and cells[index] else ""
            for column, index in where.items()
        }
        if any(len(value) > MAX_FIELD for value in row.values()):
            raise DataError(f"{path}: line {line}: a field longer than {MAX_FIELD} characters")
        code = row.get("O*NET-SOC Code")
        if code is not None and not ONET_CODE.match(code):
            raise DataError(f"{path}: line {line}: '{code[:40]}' is not an O*NET-SOC code")
        yield row


def _text_rows(path: Path) -> Iterator[Sequence[Any]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            yield from reader
    except (UnicodeDecodeError, csv.Error) as error:
        raise DataError(f"{path}: cannot be read as O*NET's tab-separated text ({error})") from None
    except OSError as error:
        raise DataError(f"{path}: cannot be read ({error.strerror})") from None


def _xlsx_rows(path: Path) -> Iterator[Sequence[Any]]:
    from careercompare.importers.workbooks import sheet_rows

    return sheet_rows(path, None, hint="give the folder of an O*NET database release")


def number(text: str, where: str) -> float:
    """A rating or score; anything else is a DataError naming where it is."""
    try:
        value = float(text)
    except ValueError:
        raise DataError(f"{where}: '{text[:40]}' is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise DataError(f"{where}: '{text[:40]}' is not a number")
    return value
