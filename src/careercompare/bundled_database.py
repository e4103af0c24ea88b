"""A bundled SQLite database opened read-only: its `meta` checked, one query at a time,
every failure a DataError naming the file. The occupation and programs databases are two."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import ClassVar

from careercompare.digest import SourceFile
from careercompare.errors import DataError

# A view reads a few rows by key: a small page cache will do.
CACHE_KIB = 256


class ReadOnlyDatabase:
    """One database file of a `KIND` and `FORMAT`, with `meta` and `source_files` tables."""

    KIND: ClassVar[str]
    FORMAT: ClassVar[str]

    def __init__(self, path: Path, *, bundled: bool = False) -> None:
        self.path = path
        try:
            uri = path.resolve().as_uri() + "?mode=ro" + ("&immutable=1" if bundled else "")
            self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            rows = self._db.execute("SELECT key, value FROM meta").fetchall()
        except (sqlite3.Error, OSError, ValueError) as error:
            raise DataError(
                f"{path}: is not {self.KIND} careercompare can read ({error})"
            ) from None
        self.meta: dict[str, str] = {str(k): str(v) for k, v in rows}
        if self.meta.get("format") != self.FORMAT:
            raise DataError(f"{path}: is {self.KIND} of another format")

    def _query(self, sql: str, parameters: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        try:
            return self._db.execute(sql, parameters).fetchall()
        except sqlite3.Error as error:
            raise DataError(f"{self.path}: cannot be read ({error})") from None

    def source_files(self) -> tuple[SourceFile, ...]:
        """The files the database was built from, with their SHA-256."""
        rows = self._query("SELECT dataset, name, bytes, sha256 FROM source_files ORDER BY rowid")
        return tuple(SourceFile(str(d), str(n), int(str(b)), str(s)) for d, n, b, s in rows)

    def _counts(self, tables: tuple[str, ...]) -> dict[str, int]:
        return {t: int(str(self._query(f"SELECT count(*) FROM {t}")[0][0])) for t in tables}
