"""SHA-256 of catalogs, cache entries and imported files, fast for large inputs without
loading OpenSSL for small ones (see cli/entry.py: _without_openssl)."""

from __future__ import annotations

import contextlib
import hashlib
import sys
from dataclasses import dataclass

LARGE_INPUT = 1 << 20


def sha256(size: int) -> hashlib._Hash:
    """A SHA-256 object for `size` bytes: OpenSSL's for large inputs (32 MB in 18 ms
    rather than 100 ms), loading it where cli/entry.py left it out, else hashlib's own."""
    if size > LARGE_INPUT:
        if "_hashlib" in sys.modules and sys.modules["_hashlib"] is None:
            del sys.modules["_hashlib"]
        with contextlib.suppress(ImportError):
            import _hashlib

            return _hashlib.openssl_sha256()
    return hashlib.sha256()


@dataclass(frozen=True)
class SourceFile:
    """A file a bundled database was built from, by dataset, with its size and SHA-256."""

    dataset: str
    name: str
    bytes: int
    sha256: str
