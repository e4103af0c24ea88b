"""Writing files safely: a temporary file in the same directory, then a rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from careercompare.errors import CatalogError


def write_atomically(path: Path, content: str, *, force: bool) -> None:
    """Write content to path, or leave whatever was there untouched.

    An existing file is replaced only with force; a failed write leaves no
    temporary file behind.
    """
    parent = path.parent if str(path.parent) else Path()
    if path.is_dir():
        raise CatalogError(f"{path}: is a directory; give a file name")
    if path.exists() and not force:
        raise CatalogError(f"{path}: already exists; use --force to replace it")
    if not parent.is_dir():
        raise CatalogError(f"{parent}: no such directory; create it first")
    try:
        handle, temporary = tempfile.mkstemp(dir=parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise CatalogError(f"{path}: cannot write in {parent} ({error.strerror})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        Path(temporary).replace(path)
    except OSError as error:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise CatalogError(f"{path}: could not be written ({error.strerror})") from None
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise
