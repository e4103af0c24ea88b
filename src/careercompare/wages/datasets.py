"""Which wage databases there are, and which one a run uses: the newest release.

The bundled database (May 2025) ships inside the package. `careercompare import-oews`
writes newer releases to the user's data folder (`CAREERCOMPARE_DATA_DIR`, or
`platformdirs.user_data_dir("careercompare")`: ~/.local/share/careercompare on Linux),
one file per release, `oews-YYYY-MM.sqlite`.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from careercompare.bundled import WAGES, bundled_data_path
from careercompare.errors import DataError
from careercompare.user_folders import file_problem, folder_problem, platform_folder
from careercompare.wages.database import WageDatabase
from careercompare.wages.releases import release_key

DATA_DIR_ENV_VAR = "CAREERCOMPARE_DATA_DIR"
BUNDLED_NAME = WAGES
_IMPORTED = re.compile(r"^oews-(\d{4})-(\d{2})\.sqlite$")
TEMPORARY = re.compile(r"^\.oews-[A-Za-z0-9_]+\.tmp$")  # an import's file being written


def data_dir() -> Path:
    """The user's data folder of careercompare; a DataError when there is none to be
    found (no home folder) and none is given."""
    chosen = os.environ.get(DATA_DIR_ENV_VAR)
    if chosen:
        return Path(chosen)
    found = platform_folder("data")
    if found is None:
        raise DataError(
            f"imported wages are off: there is no home folder to keep them in; set HOME, "
            f"or {DATA_DIR_ENV_VAR} to a folder of yours"
        )
    return found


def imported_path(release: str) -> Path:
    """Where an imported release is kept."""
    year, month = release_key(release)
    return data_dir() / f"oews-{year:04d}-{month:02d}.sqlite"


def imported_paths(warn: Callable[[str], None]) -> list[Path]:
    """The imported releases in the data folder, newest first: only from a folder that
    is the user's alone, and only files that are (each other one warned of, not used)."""
    try:
        folder = data_dir()
    except DataError as error:
        warn(error.message)
        return []
    problem = folder_problem(folder)
    if problem is not None:
        warn(
            f"{folder}: imported wages there are not used ({problem}); keep them in a "
            f"folder of yours (chmod go-w), or set {DATA_DIR_ENV_VAR}"
        )
        return []
    try:
        names = [entry.name for entry in os.scandir(folder)]
    except OSError:
        return []
    if any(TEMPORARY.match(name) for name in names):
        with contextlib.suppress(OSError), import_lock(folder) as held:
            if held:  # no import is running: its files were left by a killed one
                remove_stale_temporaries(folder)
    found = []
    for name in sorted((n for n in names if _IMPORTED.match(n)), reverse=True):
        problem = file_problem(folder / name)
        if problem is None:
            found.append(folder / name)
        else:
            warn(f"{folder / name}: is not used ({problem}); import the release again")
    return found


@contextlib.contextmanager
def import_lock(folder: Path) -> Iterator[bool]:
    """The data folder's import lock, taken without waiting: True while it is held,
    False when an import holds it. The folder itself is locked, so no lock file is
    left behind; where the system has no such locks, it is always taken."""
    try:
        import fcntl
    except ImportError:
        yield True
        return
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            yield False
            return
        yield True
    finally:
        os.close(fd)  # releases the lock


def remove_stale_temporaries(folder: Path) -> None:
    """Remove the temporary files of killed imports; call it with the import lock held."""
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if TEMPORARY.match(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    Path(entry.path).unlink()


def bundled_wages() -> WageDatabase:
    """The wages shipped with careercompare."""
    return WageDatabase(bundled_data_path(BUNDLED_NAME), bundled=True)


def all_wages(warn: Callable[[str], None]) -> list[WageDatabase]:
    """Every readable wage database, newest release first, the bundled one included."""
    found = []
    for path in imported_paths(warn):
        try:
            found.append(WageDatabase(path))
        except DataError as error:
            warn(f"{error.message}; it is not used")
    found.append(bundled_wages())
    return sorted(found, key=lambda db: release_key(db.release), reverse=True)


def wages_in_use(warn: Callable[[str], None]) -> WageDatabase:
    """The newest readable release."""
    return all_wages(warn)[0]
