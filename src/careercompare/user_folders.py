"""The user's own folders (data and cache) and whether what is in them can be trusted.

A folder is trusted when it is a real folder (not a link), the user's, and no one else
can write to it; a file in it when it is a regular file (not a link, a FIFO or a
device), the user's, and no one else can write to it. Files are checked through a
descriptor opened without following links or blocking, so a FIFO cannot hang a run.
Where the system has no owners (Windows), only the kind of file is checked.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Literal

_OWNERS = hasattr(os, "getuid")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def platform_folder(kind: Literal["data", "cache"]) -> Path | None:
    """The platform's folder of careercompare of that kind, or None when it cannot be
    known (no home folder: HOME unset for a user with no entry in the password file)."""
    import platformdirs

    find = platformdirs.user_data_dir if kind == "data" else platformdirs.user_cache_dir
    try:
        found = Path(find("careercompare", appauthor=False))
    except (RuntimeError, KeyError, OSError):
        return None
    return found if found.is_absolute() else None


def _ownership_problem(info: os.stat_result) -> str | None:
    if not _OWNERS:
        return None
    if info.st_uid != os.getuid():
        return "it belongs to another user"
    if info.st_mode & 0o022:
        return "others can write to it"
    return None


def folder_problem(path: Path) -> str | None:
    """Why a folder cannot be trusted, or None when it can, or when it is not there to
    look at (it does not exist yet, or a part of its path is no folder): using it then
    fails on its own, with its own message."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if stat.S_ISLNK(info.st_mode):
        return "it is a link"
    if not stat.S_ISDIR(info.st_mode):
        return "it is not a folder"
    return _ownership_problem(info)


def file_problem(path: Path) -> str | None:
    """Why a file cannot be trusted, or None when it can."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
    except OSError as error:
        return "it is a link" if path.is_symlink() else f"it cannot be read ({error.strerror})"
    try:
        info = os.fstat(fd)
    finally:
        os.close(fd)
    if not stat.S_ISREG(info.st_mode):
        return "it is not a regular file"
    return _ownership_problem(info)
