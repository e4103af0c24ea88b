"""Reads Table 1.2 of the BLS Employment Projections workbook (`occupation.xlsx`) as BLS ships it.

Columns are found by pattern and the base and target years come from the header, so a
later edition of the same table reads too. Employment, change and openings are in
thousands; '—' marks no value; a top-coded median is text such as '>=$239,200'.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from careercompare.errors import DataError

SHEET = "Table 1.2"
NO_VALUE = "—"
MAX_ROWS = 5000
MAX_TEXT = 400
_HEADER_ROWS = 10
_CODE = re.compile(r"^\d{2}-\d{4}$")
_TOP_CODED = re.compile(r"^>=\$?(\d{1,3}(,\d{3})*|\d+)$")
# The three education and training columns, under the names the workbook and the
# projections export (`bls_projections.py`) give them
EDUCATION_AND_TRAINING = {
    "education": r"^typical (education needed for entry|entry-level education)",
    "experience": r"^work experience in a related occupation",
    "training": r"^typical on-the-job training",
}
_COLUMNS = {
    "title": r"national employment matrix title",
    "code": r"national employment matrix code",
    "type": r"^occupation type",
    "employment_base": r"^employment, (\d{4})$",
    "employment_target": r"^employment, (\d{4})$",
    "change": r"^employment change, numeric, (\d{4})\W(\d{2,4})$",
    "percent": r"^employment change, percent, (\d{4})\W(\d{2,4})$",
    "self_employed": r"^percent self employed",
    "openings": r"^occupational openings",
    "wage": r"^median annual wage, dollars, (\d{4})",
    **EDUCATION_AND_TRAINING,
}


@dataclass(frozen=True)
class EpRow:
    """One occupation of Table 1.2, as published (employment in thousands).

    `line_item` is BLS's "Line item" type (an occupation, not a summary of several);
    `level` is the depth of its indented title; `wage_at_least` marks a wage BLS gives
    as ">=$N" (at least N).
    """

    code: str
    title: str
    line_item: bool
    level: int
    employment_base: Decimal
    employment_target: Decimal
    change: Decimal
    percent: Decimal
    self_employed: Decimal | None
    openings: Decimal | None
    wage: int | None
    wage_at_least: bool
    education: str | None
    experience: str | None
    training: str | None


@dataclass(frozen=True)
class EpTable:
    """The rows of the table and the years it covers."""

    base_year: int
    target_year: int
    wage_year: int
    rows: tuple[EpRow, ...]


def _header_columns(header: Sequence[Any]) -> dict[str, int] | None:
    names = [" ".join(str(cell or "").split()).lower() for cell in header]
    columns: dict[str, int] = {}
    for key, pattern in _COLUMNS.items():
        for index, name in enumerate(names):
            if re.search(pattern, name) and index not in columns.values():
                columns[key] = index
                break
    return columns if len(columns) == len(_COLUMNS) else None


def _years(header: Sequence[Any], columns: dict[str, int]) -> tuple[int, int, int]:
    def year(key: str) -> int:
        text = " ".join(str(header[columns[key]]).split()).lower()
        found = re.search(r"(\d{4})", text)
        if found is None:
            raise DataError(f"the header of column '{text}' names no year")
        return int(found.group(1))

    return year("employment_base"), year("employment_target"), year("wage")


def _decimal(value: Any, what: str) -> Decimal | None:
    if value is None or (isinstance(value, str) and value.strip() in ("", NO_VALUE)):
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(f"{what} {value!r} is not a number")
    try:
        number = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        raise ValueError(f"{what} '{value}' is not a number") from None
    if not number.is_finite() or abs(number) > 10**9:
        raise ValueError(f"{what} '{value}' is not a number BLS publishes")
    return number


def _required(value: Any, what: str) -> Decimal:
    number = _decimal(value, what)
    if number is None:
        raise ValueError(f"no {what}")
    return number


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    if text in ("", NO_VALUE):
        return None
    if len(text) > MAX_TEXT:
        raise ValueError(f"a cell of {len(text)} characters; BLS's are short")
    return text


def _wage(value: Any) -> tuple[int | None, bool]:
    if isinstance(value, str):
        text = value.replace(" ", "")
        top = _TOP_CODED.match(text)
        if top:
            return int(top.group(1).replace(",", "")), True
    number = _decimal(value, "median annual wage")
    if number is None:
        return None, False
    if number < 0 or number != number.to_integral_value():
        raise ValueError(f"median annual wage '{value}' is not whole dollars")
    return int(number), False


def _row(cells: Sequence[Any], columns: dict[str, int]) -> EpRow | None:
    def get(key: str) -> Any:
        index = columns[key]
        return cells[index] if index < len(cells) else None

    code = _text(get("code"))
    if code is None:
        return None
    if not _CODE.match(code):
        raise ValueError(f"'{code}' is not an occupation code like 31-9092")
    title = _text(get("title"))
    if title is None:
        raise ValueError("no occupation title")
    kind = _text(get("type"))
    if kind not in ("Line item", "Summary"):
        raise ValueError(f"occupation type '{kind}' is neither 'Line item' nor 'Summary'")
    wage, at_least = _wage(get("wage"))
    raw_title = str(get("title"))
    return EpRow(
        code=code,
        title=title,
        line_item=kind == "Line item",
        level=(len(raw_title) - len(raw_title.lstrip(" "))) // 2,
        employment_base=_required(get("employment_base"), "employment"),
        employment_target=_required(get("employment_target"), "projected employment"),
        change=_required(get("change"), "employment change"),
        percent=_required(get("percent"), "percent change"),
        self_employed=_decimal(get("self_employed"), "percent self-employed"),
        openings=_decimal(get("openings"), "openings"),
        wage=wage,
        wage_at_least=at_least,
        education=_text(get("education")),
        experience=_text(get("experience")),
        training=_text(get("training")),
    )


def read_ep_workbook(path: Path) -> EpTable:
    """Table 1.2 of an Employment Projections workbook; anything else is a DataError naming
    the file and the row."""
    from careercompare.importers.workbooks import sheet_rows

    rows = sheet_rows(path, SHEET, hint="give the occupation.xlsx of BLS Employment Projections")
    try:
        return _read_sheet(path, rows)
    finally:
        rows.close()


def _read_sheet(path: Path, rows: Iterator[Sequence[Any]]) -> EpTable:
    columns = None
    header: Sequence[Any] = ()
    number = 0
    for number, header in enumerate(rows, 1):
        columns = _header_columns(header)
        if columns is not None or number >= _HEADER_ROWS:
            break
    if columns is None:
        raise DataError(
            f"{path}: sheet '{SHEET}' has no header like BLS's (matrix title and code, "
            "employment, change, openings, median wage, education); is this occupation.xlsx?"
        )
    try:
        base, target, wage_year = _years(header, columns)
    except DataError as error:
        raise DataError(f"{path}: {error.message}") from None
    found: list[EpRow] = []
    seen: set[str] = set()
    first = number + 1
    for number, cells in enumerate(rows, first):
        if number > MAX_ROWS:
            raise DataError(f"{path}: more than {MAX_ROWS} rows; BLS's table has about 1,100")
        try:
            row = _row(cells, columns)
        except ValueError as error:
            raise DataError(f"{path}: sheet '{SHEET}' row {number}: {error}") from None
        if row is None:
            continue
        if row.code in seen:
            raise DataError(f"{path}: sheet '{SHEET}' row {number}: {row.code} appears twice")
        seen.add(row.code)
        found.append(row)
    if not any(row.line_item for row in found):
        raise DataError(f"{path}: sheet '{SHEET}' holds no occupation ('Line item') rows")
    return EpTable(base, target, wage_year, tuple(found))
