"""Machine formats: JSON of the view's data and CSV of its records."""

from __future__ import annotations

import csv
import io
import json

from careercompare.document import View
from careercompare.inert import inert

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def render_json(view: View) -> str:
    """The view's data as JSON; non-ASCII and control characters are escaped."""
    return json.dumps(view.data(), indent=2, ensure_ascii=True) + "\n"


def csv_cell(value: object) -> object:
    """A cell a spreadsheet will show, never run: text that looks like a formula is quoted."""
    if not isinstance(value, str):
        return "" if value is None else value
    clean = inert(value)
    risky = value.startswith(_FORMULA_STARTS) or clean.startswith(_FORMULA_STARTS)
    return "'" + clean if risky else clean


def render_csv(view: View) -> str:
    """The view's records as CSV with a header row."""
    records = view.records() if view.records is not None else ()
    if not records:
        return ""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(records[0]), lineterminator="\r\n")
    writer.writeheader()
    for record in records:
        writer.writerow({key: csv_cell(value) for key, value in record.items()})
    return out.getvalue()
