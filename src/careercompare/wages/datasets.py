"""Which wage databases there are, and which one a run uses: the newest release.

The bundled database (May 2025) ships inside the package. `careercompare import-oews`
writes newer releases to the user's data folder (`CAREERCOMPARE_DATA_DIR`, or
`platformdirs.user_data_dir("careercompare")`: ~/.local/share/careercompare on Linux),
one file per release, `oews-YYYY-MM.sqlite`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from careercompare.bundled import WAGES, bundled_data_path
from careercompare.errors import DataError
from careercompare.wages.database import WageDatabase

DATA_DIR_ENV_VAR = "CAREERCOMPARE_DATA_DIR"
BUNDLED_NAME = WAGES
_IMPORTED = re.compile(r"^oews-(\d{4})-(\d{2})\.sqlite$")
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


def data_dir() -> Path:
    """The user's data folder of careercompare."""
    chosen = os.environ.get(DATA_DIR_ENV_VAR)
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_data_dir("careercompare", appauthor=False))


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


def imported_path(release: str) -> Path:
    """Where an imported release is kept."""
    year, month = release_key(release)
    return data_dir() / f"oews-{year:04d}-{month:02d}.sqlite"


def imported_paths() -> list[Path]:
    """The imported releases in the data folder, newest first."""
    try:
        names = [entry.name for entry in os.scandir(data_dir())]
    except OSError:
        return []
    found = sorted((n for n in names if _IMPORTED.match(n)), reverse=True)
    return [data_dir() / name for name in found]


def bundled_wages() -> WageDatabase:
    """The wages shipped with careercompare."""
    return WageDatabase(bundled_data_path(BUNDLED_NAME), bundled=True)


def all_wages(warn: Callable[[str], None]) -> list[WageDatabase]:
    """Every readable wage database, newest release first, the bundled one included."""
    found = []
    for path in imported_paths():
        try:
            found.append(WageDatabase(path))
        except DataError as error:
            warn(f"{error.message}; it is not used")
    found.append(bundled_wages())
    return sorted(found, key=lambda db: release_key(db.release), reverse=True)


def wages_in_use(warn: Callable[[str], None]) -> WageDatabase:
    """The newest readable release."""
    return all_wages(warn)[0]
