"""A cache of validated catalogs: each catalog is validated once, not on every run.

Validating means building Pydantic's validators and checking every value, which
costs more than the rest of a command. Once a catalog has passed, it is stored
pickled in the user's cache directory under a key made of its bytes and of all
that decides how it is read: careercompare's models and checks, and the versions
of careercompare, Pydantic and Python. Change any of them and the key changes.

The cache can only make a command faster. A missing, unreadable, corrupt or
foreign cache file means validating again, and failing to write one is ignored.
Only files owned by the user and writable by nobody else are read, never links.

CAREERCOMPARE_CACHE_DIR moves the cache; CAREERCOMPARE_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import contextlib
import copyreg
import hashlib
import os
import pickle
import stat
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from pydantic import BaseModel

from careercompare import __version__

if TYPE_CHECKING:
    from careercompare.models import Catalog

CACHE_DIR_ENV_VAR = "CAREERCOMPARE_CACHE_DIR"
NO_CACHE_ENV_VAR = "CAREERCOMPARE_NO_CACHE"
KEPT_ENTRIES = 8
_SUFFIX = ".catalog.pickle"
# The modules whose code decides what a valid catalog is, and how it is stored.
_READING_MODULES = ("models.py", "catalog_checks.py", "cache.py")
_PLAIN = frozenset({str, int, float, bool, type(None)})


def cache_dir() -> Path | None:
    """Where validated catalogs are kept, or None when the cache is off."""
    if os.environ.get(NO_CACHE_ENV_VAR, "") not in ("", "0"):
        return None
    chosen = os.environ.get(CACHE_DIR_ENV_VAR)
    if chosen:
        return Path(chosen)
    xdg = os.environ.get("XDG_CACHE_HOME")
    try:
        base = Path(xdg) if xdg else Path.home() / ".cache"
    except (RuntimeError, KeyError):  # no home directory: no cache
        return None
    if not base.is_absolute():  # a relative XDG_CACHE_HOME is to be ignored, says the spec
        return None
    return base / "careercompare"


def cache_key(data: bytes) -> str:
    """A name for the validated form of these catalog bytes, as this code reads them."""
    from pydantic import VERSION as pydantic_version

    digest = hashlib.sha256()
    for part in (__version__, pydantic_version, sys.version):
        digest.update(part.encode() + b"\0")
    here = Path(__file__).parent
    for name in _READING_MODULES:
        digest.update((here / name).read_bytes() + b"\0")
    digest.update(data)
    return digest.hexdigest()


def load(key: str) -> Catalog | None:
    """The catalog stored under key, or None when there is no usable entry."""
    folder = cache_dir()
    if folder is None:
        return None
    from careercompare.models import Catalog

    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)  # a link is not an entry of ours
    try:
        with os.fdopen(os.open(folder / (key + _SUFFIX), flags), "rb") as handle:
            if not _is_private(os.fstat(handle.fileno())):
                return None
            catalog = pickle.load(handle)
    except Exception:  # a cache that cannot be read is a cache miss, whatever the reason
        return None
    return catalog if isinstance(catalog, Catalog) else None


def store(key: str, catalog: Catalog) -> None:
    """Keep catalog under key, best effort; also drop the oldest entries beyond KEPT_ENTRIES."""
    folder = cache_dir()
    if folder is None:
        return
    import tempfile  # only a cache miss writes

    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            _Pickler(out).dump(catalog)
        Path(temporary).replace(folder / (key + _SUFFIX))
    except Exception:  # e.g. a full disk: the next run validates again
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        return
    _prune(folder)


class _Pickler(pickle.Pickler):
    """Pickles models so that what is equal is read back as one object.

    - Pydantic keeps on every model the set of fields it was given; in a
      10,000-role catalog these sets were a third of the memory. Each distinct set
      is written once.
    - Equal models of plain values only (the same entry requirement of many
      imported roles, say) are written once too: about 40% of the models of an
      imported catalog, and as much less to read back.

    The models are frozen, so nothing can change what they share.
    """

    def __init__(self, file: IO[bytes]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._sets: dict[frozenset[str], set[str]] = {}
        self._models: dict[tuple[object, ...], BaseModel] = {}

    def reducer_override(self, obj: object) -> Any:
        if not isinstance(obj, BaseModel):
            return NotImplemented
        given = obj.__pydantic_fields_set__
        first = obj
        if all(type(value) in _PLAIN for value in obj.__dict__.values()):
            key = (type(obj), frozenset(given), *obj.__dict__.items())
            first = self._models.setdefault(key, obj)
        if first is not obj:
            return _same, (first,)  # read back as the first, already written
        state = obj.__getstate__()
        state["__pydantic_fields_set__"] = self._sets.setdefault(frozenset(given), given)
        # what Python itself writes for an object, with the shared set in its state
        return copyreg.__newobj__, (type(obj),), state  # type: ignore[attr-defined]


def _same(model: BaseModel) -> BaseModel:
    """What a repeated model is read back as: the first one equal to it."""
    return model


def _is_private(info: os.stat_result) -> bool:
    """A regular file of this user's that nobody else may write."""
    owner_ok = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return stat.S_ISREG(info.st_mode) and owner_ok and not info.st_mode & 0o022


def _prune(folder: Path) -> None:
    with contextlib.suppress(OSError):
        entries = sorted(
            folder.glob("*" + _SUFFIX), key=lambda entry: entry.stat().st_mtime, reverse=True
        )
        for stale in entries[KEPT_ENTRIES:]:
            stale.unlink()
