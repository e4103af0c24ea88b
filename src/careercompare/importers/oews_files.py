"""Reading the OEWS tables as BLS publishes them: .xlsx workbooks, the .zip files that
hold them, and .csv (or .csv.gz) in the same layout. Columns are found by name."""

from __future__ import annotations

import csv
import gzip
import io
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from careercompare.errors import DataError
from careercompare.wages.estimates import VALUE_COLUMNS

IDENTITY_COLUMNS = ("AREA", "AREA_TITLE", "AREA_TYPE", "OCC_CODE", "OCC_TITLE", "O_GROUP")
# National tables carry no JOBS_1000 or LOC_QUOTIENT; the rest every table has.
OPTIONAL_COLUMNS = ("PRIM_STATE", "EMP_PRSE", "JOBS_1000", "LOC_QUOTIENT", "MEAN_PRSE")
FLAG_COLUMNS = ("ANNUAL", "HOURLY")
FILTER_COLUMNS = ("I_GROUP", "NAICS")
NEEDED_COLUMNS = IDENTITY_COLUMNS + tuple(c for c in VALUE_COLUMNS if c not in OPTIONAL_COLUMNS)
# Names some releases used for the same columns.
COLUMN_ALIASES = {"OCC_GROUP": "O_GROUP", "GROUP": "O_GROUP"}
HEADER_SEARCH_ROWS = 20
_CODE_WIDTH = {"1": 2, "2": 2, "3": 2, "4": 5, "6": 7}


@dataclass(frozen=True)
class Table:
    """One sheet or CSV of OEWS rows: where it is, its columns, and its rows as text."""

    where: str
    columns: dict[str, int]
    rows: Iterator[list[str]]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _columns(header: Iterable[Any]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = _text(cell).upper().replace(" ", "_")
        name = COLUMN_ALIASES.get(name, name)
        found.setdefault(name, index)
    return found


def _table(where: str, rows: Iterator[Sequence[Any]]) -> Table | None:
    """The table whose header is among the first rows, or None without an OCC_CODE column."""
    for _ in range(HEADER_SEARCH_ROWS):
        header = next(rows, None)
        if header is None:
            return None
        columns = _columns(header)
        if "OCC_CODE" in columns:
            missing = [name for name in NEEDED_COLUMNS if name not in columns]
            if missing:
                raise DataError(
                    f"{where}: no column {', '.join(missing)}; this is not an OEWS table "
                    "of the BLS layout (download the tables from the BLS OEWS site)"
                )
            return Table(where, columns, ([_text(v) for v in row] for row in rows))
    return None


def _csv_tables(where: str, handle: IO[str]) -> Iterator[Table]:
    table = _table(where, iter(csv.reader(handle)))
    if table is not None:
        yield table


def _xlsx_tables(where: str, source: IO[bytes] | Path) -> Iterator[Table]:
    import openpyxl  # only this command reads workbooks
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        # Formulas are read as formulas, to be refused: a cached value may be missing
        # (shown as an empty cell), and BLS publishes values only.
        workbook = openpyxl.load_workbook(source, read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise DataError(f"{where}: is not an Excel workbook that can be read ({error})") from None
    try:
        for sheet in workbook.worksheets:
            sheet_where = f"{where} [{sheet.title}]"
            rows = _no_formulas(sheet_where, sheet.iter_rows(values_only=True))
            table = _table(sheet_where, rows)
            if table is not None:
                yield table
    finally:
        workbook.close()


def _no_formulas(where: str, rows: Iterable[Sequence[Any]]) -> Iterator[Sequence[Any]]:
    for number, row in enumerate(rows, 1):
        for value in row:
            if isinstance(value, str) and value.startswith("="):
                raise DataError(
                    f"{where}: row {number} holds a formula ({value[:20]}), not a value; "
                    "import the workbook as BLS publishes it, or save it with values only"
                )
        yield row


def _zip_tables(path: Path) -> Iterator[Table]:
    try:
        archive = zipfile.ZipFile(path)
        members = [m for m in archive.infolist() if not m.is_dir()]
    except (zipfile.BadZipFile, OSError) as error:
        raise DataError(f"{path}: is not a zip file that can be read ({error})") from None
    with archive:
        for member in members:
            where = f"{path.name}:{member.filename}"
            name = member.filename.lower()
            try:
                if name.endswith(".xlsx"):
                    with archive.open(member) as inner:
                        yield from _xlsx_tables(where, io.BytesIO(inner.read()))
                elif name.endswith(".csv"):
                    with archive.open(member) as inner:
                        yield from _csv_tables(where, io.TextIOWrapper(inner, "utf-8-sig"))
            except (zipfile.BadZipFile, EOFError, OSError) as error:
                raise DataError(f"{where}: cannot be read ({error}); download it again") from None


def read_tables(path: Path) -> Iterator[Table]:
    """Every OEWS table in a file, by its kind (.xlsx, .zip, .csv, .csv.gz)."""
    name = path.name.lower()
    if not path.is_file():
        raise DataError(f"{path}: no such file; give the path of an OEWS table (.xlsx, .zip, .csv)")
    try:
        if name.endswith(".xlsx"):
            yield from _xlsx_tables(str(path), path)
        elif name.endswith(".zip"):
            yield from _zip_tables(path)
        elif name.endswith(".csv.gz"):
            with gzip.open(path, "rt", encoding="utf-8-sig", newline="") as handle:
                yield from _csv_tables(str(path), handle)
        elif name.endswith(".csv"):
            with path.open(encoding="utf-8-sig", newline="") as handle:
                yield from _csv_tables(str(path), handle)
        else:
            raise DataError(
                f"{path}: is not an OEWS table; give an .xlsx, .zip or .csv file as BLS publishes"
            )
    except UnicodeDecodeError:
        raise DataError(f"{path}: is not UTF-8 text; save the table as UTF-8 CSV") from None
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        raise DataError(f"{path}: is damaged or cut short ({error}); download it again") from None


def is_cross_industry(table: Table, row: list[str]) -> bool:
    """True for the all-industries rows (the all-data tables hold industry rows too)."""
    columns = table.columns
    if "I_GROUP" in columns:
        return row[columns["I_GROUP"]].lower() == "cross-industry"
    if "NAICS" in columns:
        return row[columns["NAICS"]] in ("000000", "0")
    return True


def area_code(code: str, area_type: str) -> str:
    """The area code as BLS writes it in text ('12' Florida, '0100001'), whatever the cell type."""
    width = _CODE_WIDTH.get(area_type)
    return code.zfill(width) if width and code.isdigit() else code


def release_from_names(names: Iterable[str]) -> set[tuple[int, int]]:
    """The releases the BLS file names say: '_M2026_', 'all_data_M_2026', 'oesm26all.zip'."""
    found = set()
    for name in names:
        lowered = name.lower()
        for pattern in (r"_m_?(\d{4})(?:_|\.|$)", r"oesm(\d{2})[a-z]*\.zip"):
            match = re.search(pattern, lowered)
            if match:
                year = int(match.group(1))
                found.add((year + 2000 if year < 100 else year, 5))
    return found
