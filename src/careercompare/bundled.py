"""The data files shipped with careercompare, named in one place."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent

CATALOG = "roles.json"
WAGES = "oews.sqlite"
OCCUPATIONS = "occupations.sqlite"
PROGRAMS = "programs.sqlite"
GLOSSARY = "glossary.json"


def bundled_data_path(name: str) -> Path:
    """A data file shipped with careercompare: inside the wheel, or in a source checkout."""
    installed = _PACKAGE_DIR / "data" / name
    if installed.is_file():
        return installed
    return _PACKAGE_DIR.parent.parent / "data" / name
