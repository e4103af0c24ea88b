"""Validated catalogs kept between runs, so a catalog is validated once, not every time.

An entry is `MAGIC`, its key, the SHA-256 of its payload and the payload, a plain
pickle of the Catalog: of dataclasses, tuples, dicts, strings and numbers, which need
no Pydantic to be read back. The key is the SHA-256 of the catalog bytes,
careercompare's version and CACHE_FORMAT: bump CACHE_FORMAT by hand when a change to
the models would read an old entry wrongly. Any failure is a miss.

The folder (CAREERCOMPARE_CACHE_DIR, or the user cache folder) is used only if it
is a real folder, not a link, owned by the user, with no group or other permissions;
otherwise the cache is off for that run. CAREERCOMPARE_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import re
import stat
import time
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING

from careercompare import __version__
from careercompare.digest import sha256
from careercompare.user_folders import platform_folder

if TYPE_CHECKING:
    from careercompare.catalog.models import Catalog

CACHE_FORMAT = 11
CACHE_DIR_ENV_VAR = "CAREERCOMPARE_CACHE_DIR"
NO_CACHE_ENV_VAR = "CAREERCOMPARE_NO_CACHE"
KEPT_ENTRIES = 8
STALE_TEMPORARY_SECONDS = 3600
MAGIC = b"careercompare-catalog\n"
_ENTRY = re.compile(r"^[0-9a-f]{64}\.catalog$")
_TEMPORARY = re.compile(r"^\.[0-9a-f]{64}\.[0-9]+\.tmp$")
_HEADER = len(MAGIC) + 64 + 64
# Where the system cannot open files relative to a folder, or without following
# links, or has no owners (Windows), the cache stays off.
_SAFE_CALLS = hasattr(os, "O_NOFOLLOW") and hasattr(os, "getuid") and os.open in os.supports_dir_fd


def cache_key(data: bytes) -> str:
    """The name of the validated form of these catalog bytes."""
    digest = sha256(len(data))
    digest.update(f"{CACHE_FORMAT}\0{__version__}\0".encode())
    digest.update(data)
    return digest.hexdigest()


def _folder(*, create: bool) -> int | None:
    """A descriptor of the cache folder if it is safe to use, else None."""
    if os.environ.get(NO_CACHE_ENV_VAR, "") not in ("", "0") or not _SAFE_CALLS:
        return None
    path = os.environ.get(CACHE_DIR_ENV_VAR) or platform_folder("cache")
    if not path:  # no home folder: the cache is off
        return None
    try:
        if create and not os.path.lexists(path):
            Path(path).mkdir(mode=0o700, parents=True)
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError:
        return None
    info = os.fstat(fd)
    if info.st_uid != os.getuid() or info.st_mode & 0o077:
        os.close(fd)
        return None
    return fd


def load(key: str) -> Catalog | None:
    """The catalog stored under key, or None when there is no sound entry."""
    folder = _folder(create=False)
    if folder is None:
        return None
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK
    try:
        fd = os.open(f"{key}.catalog", flags, dir_fd=folder)
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o022:
                return None
            header = handle.read(_HEADER)
            digest = hashlib.file_digest(handle, lambda: sha256(info.st_size)).hexdigest()
            if header != MAGIC + key.encode() + digest.encode():
                return None
            from careercompare.catalog.models import Catalog

            handle.seek(_HEADER)  # read the payload again, rather than hold it twice
            catalog = pickle.load(handle)
        return catalog if isinstance(catalog, Catalog) else None
    except Exception:  # a damaged or foreign entry is a miss, whatever it raises
        return None
    finally:
        os.close(folder)


def share_equal_values(catalog: Catalog) -> None:
    """Make equal shared values (the same entry requirement of thousands of imported
    roles) one object, so that the cache stores each once and a run reads it back once.
    For the 10,000-role catalog of benchmarks/startup.py: 70,168 models read back as
    30,998; `table` went from 2.9 to 2.2 x floor in time and 5.4 to 3.5 x in memory."""
    from careercompare.catalog.models import Model, SharedValue

    canonical: dict[Model, Model] = {}

    def shared(value: object) -> object:
        if isinstance(value, Model):
            for item in fields(value):
                held = getattr(value, item.name)
                kept = shared(held)
                if kept is not held:
                    object.__setattr__(value, item.name, kept)
            return canonical.setdefault(value, value) if isinstance(value, SharedValue) else value
        if isinstance(value, tuple):
            items = tuple(shared(item) for item in value)
            return value if all(a is b for a, b in zip(items, value, strict=True)) else items
        if isinstance(value, dict):
            for key, item in value.items():
                value[key] = shared(item)
        return value

    for role in catalog.roles:
        shared(role)


def store(key: str, catalog: Catalog) -> None:
    """Keep catalog under key, best effort, then prune old entries."""
    folder = _folder(create=True)
    if folder is None:
        return
    temporary = f".{key}.{os.getpid()}.tmp"
    try:
        share_equal_values(catalog)
        payload = pickle.dumps(catalog, protocol=pickle.HIGHEST_PROTOCOL)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
        with os.fdopen(os.open(temporary, flags, 0o600, dir_fd=folder), "wb") as out:
            digest = sha256(len(payload))
            digest.update(payload)
            out.write(MAGIC + key.encode() + digest.hexdigest().encode())
            out.write(payload)
        os.replace(temporary, f"{key}.catalog", src_dir_fd=folder, dst_dir_fd=folder)
        _prune(folder, keep=f"{key}.catalog")
    except Exception:  # e.g. a full disk: the next run validates again
        with contextlib.suppress(OSError):
            os.unlink(temporary, dir_fd=folder)
    finally:
        os.close(folder)


def _prune(folder: int, *, keep: str) -> None:
    """Drop all but the newest entries and temporary files of killed runs; never follow links.

    An entry dated in the future sorts as the oldest, so planted dates cannot push out
    the entries of this run.
    """
    now = time.time()
    entries: list[tuple[float, str]] = []
    for entry in os.scandir(folder):
        if not entry.is_file(follow_symlinks=False) or entry.name == keep:
            continue
        modified = entry.stat(follow_symlinks=False).st_mtime
        if _TEMPORARY.match(entry.name) and now - modified > STALE_TEMPORARY_SECONDS:
            os.unlink(entry.name, dir_fd=folder)
        elif _ENTRY.match(entry.name):
            entries.append((modified if modified <= now else 0.0, entry.name))
    for _, name in sorted(entries, reverse=True)[KEPT_ENTRIES - 1 :]:
        os.unlink(name, dir_fd=folder)
