"""The closed choices of the wage views (`--by`, `--type`, `--sort`), as str Enums.

Typer checks, completes and documents them; the views read their words here.
"""

from __future__ import annotations

from careercompare.choices import WordedChoice


class AreaKind(WordedChoice):
    """A kind of area BLS publishes wages for, below the nation; its words name a group
    of such areas."""

    STATE = "state", "states and territories"
    METRO = "metro", "metropolitan areas"
    NONMETRO = "nonmetro", "nonmetropolitan areas"


class WageSort(WordedChoice):
    """What areas or roles are ranked by; its words name the ranked figure."""

    MEDIAN = "median", "the median wage"
    MEAN = "mean", "the mean wage"
    P10 = "p10", "the 10th percentile wage"
    P90 = "p90", "the 90th percentile wage"
    EMPLOYMENT = "employment", "employment"
    PER_1000 = "per-1000", "jobs per 1,000"
