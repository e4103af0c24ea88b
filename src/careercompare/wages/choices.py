"""The closed choices of the wage views (`--by`, `--type`, `--sort`), as str Enums.

Typer checks, completes and documents them; the views read their descriptions here.
"""

from __future__ import annotations

from enum import StrEnum


class AreaKind(StrEnum):
    """A kind of area BLS publishes wages for, below the nation."""

    STATE = "state"
    METRO = "metro"
    NONMETRO = "nonmetro"

    @property
    def plural(self) -> str:
        """What a group of these areas is called."""
        return _PLURALS[self]


_PLURALS = {
    AreaKind.STATE: "states and territories",
    AreaKind.METRO: "metropolitan areas",
    AreaKind.NONMETRO: "nonmetropolitan areas",
}


class WageSort(StrEnum):
    """What areas or roles are ranked by."""

    MEDIAN = "median"
    MEAN = "mean"
    P10 = "p10"
    P90 = "p90"
    EMPLOYMENT = "employment"
    PER_1000 = "per-1000"

    @property
    def describes(self) -> str:
        """The ranked figure, in words."""
        return _DESCRIPTIONS[self]


_DESCRIPTIONS = {
    WageSort.MEDIAN: "the median wage",
    WageSort.MEAN: "the mean wage",
    WageSort.P10: "the 10th percentile wage",
    WageSort.P90: "the 90th percentile wage",
    WageSort.EMPLOYMENT: "employment",
    WageSort.PER_1000: "jobs per 1,000",
}
