"""The `csv` format: the view's records, one fact per row, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from careercompare.sanitize import sanitize

if TYPE_CHECKING:
    from careercompare.results.base import CsvValue, ViewResult
    from careercompare.terminal import Terminal

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_SIGNED_NUMBER = re.compile(r"^[+-]\d{1,3}(,\d{3})*(\.\d+)?%?$|^[+-]\d+(\.\d+)?%?$")


def render(result: ViewResult, terminal: Terminal) -> str:
    """The registry's entry point: only results with records reach it."""
    from careercompare.results.base import Tabular

    assert isinstance(result, Tabular)
    return render_csv(with_source_names(result, result.records()))


def with_source_names(
    result: ViewResult, records: Sequence[Mapping[str, CsvValue]]
) -> list[dict[str, CsvValue]]:
    """Each record's source named beside its id: its title and web address (a file read
    away from the view has no source list to look the id up in)."""
    from careercompare.results.base import CitingResult

    if not isinstance(result, CitingResult):
        return [dict(record) for record in records]
    cited = {c.source.id: c.source for c in result.sources}
    named = []
    for record in records:
        row = dict(record)
        source = cited.get(str(record.get("source") or ""))
        if "source" in record:
            row["source_title"] = source.title if source else ""
            row["source_url"] = (source.url or "") if source else ""
        named.append(row)
    return named


def csv_cell(value: object) -> object:
    """A cell a spreadsheet will show, never run: text that looks like a formula is quoted.
    A plain signed number or percentage ('+12.5%', '-3') is left as it is: a spreadsheet
    reads it as the number it is, and it can run nothing."""
    if not isinstance(value, str):
        return "" if value is None else value
    clean = sanitize(value)
    if _SIGNED_NUMBER.match(clean) and clean == value:
        return clean
    risky = value.startswith(_FORMULA_STARTS) or clean.startswith(_FORMULA_STARTS)
    return "'" + clean if risky else clean


def render_csv(records: Sequence[Mapping[str, CsvValue]]) -> str:
    """Records as CSV with a header row (nothing when there are none)."""
    if not records:
        return ""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(records[0]), lineterminator="\r\n")
    writer.writeheader()
    for record in records:
        writer.writerow({key: csv_cell(value) for key, value in record.items()})
    return out.getvalue()
