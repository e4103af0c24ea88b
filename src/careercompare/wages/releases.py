"""OEWS releases by name: 'May 2025', ordered by (year, month)."""

from __future__ import annotations

import re

from careercompare.errors import DataError

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def release_key(release: str) -> tuple[int, int]:
    """'May 2025' -> (2025, 5), for ordering releases; a usage error if it is not one."""
    match = re.fullmatch(r"\s*([A-Za-z]+)\s+(\d{4})\s*", release)
    months = [m.lower() for m in MONTHS]
    if match is None or match.group(1).lower() not in months:
        raise DataError(f"'{release}' is not a release like 'May 2026'")
    return int(match.group(2)), months.index(match.group(1).lower()) + 1


def release_name(year: int, month: int = 5) -> str:
    """(2026, 5) -> 'May 2026'."""
    return f"{MONTHS[month - 1]} {year}"
