"""The occupation database in use: the one bundled with careercompare."""

from __future__ import annotations

from functools import cache

from careercompare.bundled import OCCUPATIONS, bundled_data_path
from careercompare.occupations.database import OccupationDatabase


@cache
def bundled_occupations() -> OccupationDatabase:
    """The occupation database shipped with careercompare (opened once a run)."""
    return OccupationDatabase(bundled_data_path(OCCUPATIONS), bundled=True)
