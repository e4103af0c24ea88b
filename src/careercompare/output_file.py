"""Writing a file the user asked for: whole or not at all, never over another file.

The content goes to a temporary file in the same folder, which is then published
under the wanted name. Without --force it is published with a hard link, which
fails if the name exists by then (a file, a folder or a link, even a dangling one),
so a file that appears while careercompare writes is never replaced. The file gets
the mode the user's umask gives new files; --force keeps the mode of the file it
replaces.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from careercompare.errors import FileError

# Where a folder cannot hold hard links, publishing falls back to a rename.
_NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.EXDEV}


def write_atomically(path: Path, content: str, *, force: bool) -> None:
    """Write content to path, or leave whatever was there untouched."""
    existing = _existing(path)
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise FileError(f"{path}: is a folder; give a file name, such as {path / 'out.html'}")
    if existing is not None and not force:
        raise FileError(f"{path}: already exists; add --force to replace it")
    parent = path.parent
    if not parent.is_dir():
        raise FileError(f"{parent}: no such folder; create it first (mkdir -p {parent})")
    try:
        handle, temporary = tempfile.mkstemp(dir=parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise FileError(f"{path}: cannot write in {parent} ({error.strerror})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(content)
            out.flush()
            os.fchmod(out.fileno(), _mode(existing))
            os.fsync(out.fileno())
        publish(Path(temporary), path, force=force)
    except OSError as error:
        raise FileError(f"{path}: could not be written ({error.strerror})") from None
    finally:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()


def _existing(path: Path) -> os.stat_result | None:
    try:
        return path.lstat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise FileError(f"{path}: cannot be checked ({error.strerror})") from None


def _mode(existing: os.stat_result | None) -> int:
    """The replaced file's mode, or what the umask leaves of 0o666."""
    if existing is not None and stat.S_ISREG(existing.st_mode):
        return stat.S_IMODE(existing.st_mode)
    return new_file_mode()


def new_file_mode() -> int:
    """The mode a new file of the user's gets: what the umask leaves of 0o666."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def publish(temporary: Path, path: Path, *, force: bool) -> None:
    """Give a finished temporary file its name: over what is there only with force;
    without, never over a name that exists by then (FileError saying so)."""
    if force:
        temporary.replace(path)
        return
    try:
        os.link(temporary, path, follow_symlinks=False)
        return
    except FileExistsError:
        pass
    except OSError as error:
        if error.errno not in _NO_LINKS:
            raise
        if not os.path.lexists(path):  # no hard links here: the next best, checked first
            temporary.replace(path)
            return
    raise FileError(f"{path}: already exists; add --force to replace it")
