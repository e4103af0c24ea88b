"""Excel workbooks read as their publishers ship them: read-only, streamed row by row,
closed whatever happens, every failure a DataError naming the file."""

from __future__ import annotations

import zipfile
from collections.abc import Generator, Sequence
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from careercompare.errors import DataError

# What openpyxl raises on a damaged or foreign file, while opening it or reading a sheet.
_BROKEN = (zipfile.BadZipFile, KeyError, ValueError, ParseError, EOFError)


def sheet_rows(path: Path, sheet: str | None, *, hint: str) -> Generator[Sequence[Any], None, None]:
    """The rows of one sheet (None: the first) as tuples of values; `hint` says what file
    was expected, in the message for one that is not a workbook or lacks the sheet."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (OSError, InvalidFileException, *_BROKEN) as error:
        raise DataError(
            f"{path}: is not an Excel workbook careercompare can read ({error}); {hint}"
        ) from None
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            raise DataError(f"{path}: has no sheet '{sheet}'; {hint}")
        chosen = workbook[sheet] if sheet is not None else workbook.active
        rows = chosen.iter_rows(values_only=True)  # type: ignore[union-attr]
        try:
            yield from rows
        finally:
            rows.close()  # an unfinished read-only sheet keeps the file open otherwise
    except _BROKEN as error:
        raise DataError(f"{path}: cannot be read ({error})") from None
    finally:
        workbook.close()
