"""Reading the OEWS tables as BLS publishes them: .xlsx workbooks, the .zip files that
hold them, and .csv (or .csv.gz) in the same layout. Columns are found by name."""

from __future__ import annotations

import csv
import gzip
import io
import re
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Generator, Iterable, Iterator, Sequence
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


# Bounds on what a file may hold, checked as it is read, far beyond any table BLS
# publishes: a file past one is refused (a damaged file, or one made to exhaust memory).
MAX_CELL_CHARS = 10_000  # the longest title BLS uses has about 100 characters
MAX_COLUMNS = 1_000
MAX_EMPTY_ROWS = 10_000  # empty rows one after another
MAX_ROWS = 5_000_000  # in one table; BLS's largest, all industries, has about 420,000
MAX_LINE_CHARS = 1 << 20
MAX_MEMBER_BYTES = 4 << 30  # a part of a workbook or zip, as it unpacks
MAX_SHARED_STRINGS_BYTES = 256 << 20  # held in memory while a workbook is read
SMALL_MEMBER_BYTES = 16 << 20  # below this, any ratio of packing is fine
STREAM_ALLOWANCE_BYTES = 2 << 20  # what a packed stream may unpack to beyond the ratio
MAX_STREAM_RATIO = 20  # CSV packs to about a quarter of its size
MAX_TEXT_RATIO = 50  # BLS's sheets and CSV unpack to about 10 times their packed size
MAX_WORKBOOK_RATIO = 20  # a workbook is packed already: zipped again, it barely shrinks
# What reading a damaged file raises, from zlib, gzip, zipfile and the XML parser.
READ_ERRORS: tuple[type[Exception], ...] = (
    OSError,  # gzip.BadGzipFile, and a failing disk
    EOFError,
    zlib.error,
    zipfile.BadZipFile,  # a CRC error, a member cut short
    SyntaxError,  # xml.etree.ElementTree.ParseError: malformed XML
    ValueError,
    KeyError,
    NotImplementedError,  # a member packed with a method zipfile lacks (Deflate64)
    RuntimeError,  # an encrypted member
    MemoryError,
)


def _size(count: int) -> str:
    """A number of bytes as people read it: '4 GiB', '256 MiB', '4 KiB'."""
    for shift, unit in ((30, "GiB"), (20, "MiB"), (10, "KiB")):
        if count >= 1 << shift:
            return f"{count / (1 << shift):g} {unit}"
    return f"{count} bytes"


def _reason(error: BaseException) -> str:
    return (str(error) or type(error).__name__)[:120]


@dataclass(frozen=True)
class Table:
    """One sheet or CSV of OEWS rows: where it is, its columns, and its rows as text
    (an empty row as an empty list)."""

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
        if len(header) > MAX_COLUMNS:
            raise DataError(f"{where}: a row has over {MAX_COLUMNS:,} cells")
        columns = _columns(header)
        if "OCC_CODE" in columns:
            missing = [name for name in NEEDED_COLUMNS if name not in columns]
            if missing:
                raise DataError(
                    f"{where}: no column {', '.join(missing)}; this is not an OEWS table "
                    "of the BLS layout (download the tables from the BLS OEWS site)"
                )
            width = max(columns.values()) + 1
            return Table(where, columns, _bounded_rows(where, rows, width))
    return None


def _bounded_rows(where: str, rows: Iterator[Sequence[Any]], width: int) -> Iterator[list[str]]:
    """The rows as text, each padded to the header's width (a workbook without a
    <dimension> gives rows without their trailing empty cells). Whatever goes wrong while
    the file is read is a DataError naming the file and the row."""
    number = 1  # the header's; the rows after it are numbered from 2, as the importer does
    empty = 0
    try:
        for row in rows:
            number += 1
            if number > MAX_ROWS:
                raise DataError(f"{where}: has over {MAX_ROWS:,} rows; it is not an OEWS table")
            if len(row) > MAX_COLUMNS:
                raise DataError(f"{where}: row {number} has over {MAX_COLUMNS:,} cells")
            cells = [_text(v) for v in row]
            if any(len(cell) > MAX_CELL_CHARS for cell in cells):
                raise DataError(
                    f"{where}: row {number} has a cell of over {MAX_CELL_CHARS:,} characters"
                )
            if not any(cells):
                empty += 1
                if empty > MAX_EMPTY_ROWS:
                    raise DataError(
                        f"{where}: over {MAX_EMPTY_ROWS:,} empty rows one after another, at "
                        f"row {number}; the table is damaged"
                    )
                yield []
                continue
            empty = 0
            yield cells + [""] * (width - len(cells))
    except DataError:
        raise
    except UnicodeDecodeError:
        raise DataError(
            f"{where}: row {number} is not UTF-8 text; save the table as UTF-8 CSV"
        ) from None
    except csv.Error as error:
        raise DataError(f"{where}: row {number} cannot be read ({_reason(error)})") from None
    except READ_ERRORS as error:
        raise DataError(
            f"{where}: is damaged or cut short at row {number} ({_reason(error)}); "
            "download it again"
        ) from None


def _csv_tables(where: str, handle: IO[str]) -> Iterator[Table]:
    try:
        table = _table(where, csv.reader(_bounded_lines(where, handle)))
    except csv.Error as error:
        raise DataError(f"{where}: the header cannot be read ({_reason(error)})") from None
    if table is not None:
        yield table


def _bounded_lines(where: str, handle: IO[str]) -> Iterator[str]:
    """The lines of a text file; one longer than MAX_LINE_CHARS is refused unread."""
    while True:
        line = handle.readline(MAX_LINE_CHARS + 1)
        if not line:
            return
        if len(line) > MAX_LINE_CHARS:
            raise DataError(f"{where}: a line is over {MAX_LINE_CHARS:,} characters")
        yield line


class _RatioGuard(io.RawIOBase):
    """A packed CSV read as it unpacks: more than MAX_STREAM_RATIO times its packed size
    (and STREAM_ALLOWANCE_BYTES) is refused as it happens, not after."""

    def __init__(self, where: str, unpacked: IO[bytes] | gzip.GzipFile, packed_bytes: int) -> None:
        super().__init__()
        self.where = where
        self.unpacked = unpacked
        self.allowed = STREAM_ALLOWANCE_BYTES + MAX_STREAM_RATIO * packed_bytes
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.unpacked.read(len(buffer))
        self.read_bytes += len(data)
        if self.read_bytes > self.allowed:
            raise DataError(
                f"{self.where}: unpacks to over {MAX_STREAM_RATIO} times its packed size; it "
                "is not a table as BLS publishes it"
            )
        buffer[: len(data)] = data
        return len(data)


def _text_of(where: str, unpacked: IO[bytes] | gzip.GzipFile, packed_bytes: int) -> IO[str]:
    guarded = io.BufferedReader(_RatioGuard(where, unpacked, packed_bytes))
    return io.TextIOWrapper(guarded, "utf-8-sig", newline="")


def _check_packing(where: str, archive: zipfile.ZipFile, *, workbook: bool) -> None:
    """Refuse a zip or workbook whose parts unpack beyond the bounds, by the sizes the
    archive states (zipfile never unpacks more than a member states)."""
    for member in archive.infolist():
        size, packed, name = member.file_size, max(member.compress_size, 1), member.filename
        ratio = MAX_WORKBOOK_RATIO if name.lower().endswith(".xlsx") else MAX_TEXT_RATIO
        if size > MAX_MEMBER_BYTES:
            problem = f"{name} unpacks to over {_size(MAX_MEMBER_BYTES)}"
        elif (
            workbook
            and name.lower().endswith("sharedstrings.xml")
            and size > MAX_SHARED_STRINGS_BYTES
        ):
            problem = f"its shared strings unpack to over {_size(MAX_SHARED_STRINGS_BYTES)}"
        elif size > SMALL_MEMBER_BYTES and size > ratio * packed:
            problem = f"{name} unpacks to {size // packed:,} times its packed size"
        else:
            continue
        raise DataError(f"{where}: {problem}; it is not a file as BLS publishes it")


def _xlsx_tables(where: str, source: IO[bytes] | Path) -> Iterator[Table]:
    import openpyxl  # only this command reads workbooks
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with zipfile.ZipFile(source) as archive:
            _check_packing(where, archive, workbook=True)
        if not isinstance(source, Path):
            source.seek(0)
        # Formulas are read as formulas, to be refused: a cached value may be missing
        # (shown as an empty cell), and BLS publishes values only.
        workbook = openpyxl.load_workbook(source, read_only=True, data_only=False)
    except DataError:
        raise
    except (InvalidFileException, *READ_ERRORS) as error:  # type: ignore[misc]
        raise DataError(
            f"{where}: is not an Excel workbook that can be read ({_reason(error)})"
        ) from None
    # Each sheet's rows are read from a member of the workbook's zip, which keeps the
    # file open until the rows are closed too (a refused row stops them half-way).
    opened: list[Generator[Sequence[Any], None, None]] = []
    try:
        for sheet in workbook.worksheets:
            sheet_where = f"{where} [{sheet.title}]"
            opened.append(sheet.iter_rows(values_only=True))
            rows = _no_formulas(sheet_where, opened[-1])
            try:
                table = _table(sheet_where, rows)
            except DataError:
                raise
            except READ_ERRORS as error:
                raise DataError(
                    f"{sheet_where}: cannot be read ({_reason(error)}); download it again"
                ) from None
            if table is not None:
                yield table
    finally:
        for sheet_rows in opened:
            sheet_rows.close()
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
    except READ_ERRORS as error:
        raise DataError(f"{path}: is not a zip file that can be read ({_reason(error)})") from None
    with archive:
        _check_packing(str(path), archive, workbook=False)
        for member in members:
            where = f"{path.name}:{member.filename}"
            name = member.filename.lower()
            try:
                if name.endswith(".xlsx"):
                    with archive.open(member) as inner, tempfile.TemporaryFile() as copy:
                        shutil.copyfileobj(inner, copy, 1 << 20)  # to disk, never whole
                        yield from _xlsx_tables(where, copy)
                elif name.endswith(".csv"):
                    with archive.open(member) as inner:
                        yield from _csv_tables(where, _text_of(where, inner, member.compress_size))
            except DataError:
                raise
            except READ_ERRORS as error:
                raise DataError(
                    f"{where}: cannot be read ({_reason(error)}); download it again"
                ) from None


def check_exists(path: Path) -> None:
    """A DataError unless the path is a file (checked before anything is read of it)."""
    if not path.is_file():
        raise DataError(f"{path}: no such file; give the path of an OEWS table (.xlsx, .zip, .csv)")


def read_tables(path: Path) -> Generator[Table, None, None]:
    """Every OEWS table in a file, by its kind (.xlsx, .zip, .csv, .csv.gz)."""
    name = path.name.lower()
    check_exists(path)
    try:
        if name.endswith(".xlsx"):
            yield from _xlsx_tables(str(path), path)
        elif name.endswith(".zip"):
            yield from _zip_tables(path)
        elif name.endswith(".csv.gz"):
            with gzip.open(path, "rb") as unpacked:
                yield from _csv_tables(
                    str(path), _text_of(str(path), unpacked, path.stat().st_size)
                )
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
        raise DataError(
            f"{path}: is damaged or cut short ({_reason(error)}); download it again"
        ) from None


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
