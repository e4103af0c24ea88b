"""The one shape of a salary CSV record, for the catalog's figures and the OEWS estimates."""

from __future__ import annotations

from careercompare.results.base import CsvValue


def salary_record(
    *,
    role_id: str,
    role: str,
    figure_id: str,
    kind: str,
    amount: float | None,
    bound: str,
    per: str,
    published_hourly: float | None,
    as_of: str,
    scope: str,
    shown: str,
    released: bool,
    source: str,
    source_number: int | None = None,
    low: float | None = None,
    high: float | None = None,
    approximate: bool = False,
) -> dict[str, CsvValue]:
    """One pay figure as a CSV record: its amount or range, bound, unit, period, what it
    covers, how it is shown and its source (with its [n] number)."""
    return {
        "role_id": role_id,
        "role": role,
        "figure_id": figure_id,
        "kind": kind,
        "amount": amount,
        "low": low,
        "high": high,
        "bound": bound,
        "approximate": approximate,
        "currency": "USD",
        "per": per,
        "published_hourly": published_hourly,
        "as_of": as_of,
        "scope": scope,
        "shown": shown,
        "released": released,
        "source": source,
        "source_number": source_number,
    }
