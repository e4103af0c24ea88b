"""The programs database in use: the one bundled with careercompare."""

from __future__ import annotations

from functools import cache

from careercompare.bundled import PROGRAMS, bundled_data_path
from careercompare.programs.database import ProgramDatabase


@cache
def bundled_programs() -> ProgramDatabase:
    """The programs database shipped with careercompare (opened once a run)."""
    return ProgramDatabase(bundled_data_path(PROGRAMS), bundled=True)
