"""A bundled SQLite database opened read-only: its `meta` checked, one query at a time,
every failure a DataError naming the file. The occupation and programs databases are two."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from careercompare.digest import SourceFile
from careercompare.errors import DataError

# The tables every bundled database begins with: what it is (`meta`, checked on opening)
# and the files it was built from, with their sizes and digests.
BASE_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE source_files (
    dataset TEXT NOT NULL, name TEXT NOT NULL, bytes INTEGER NOT NULL, sha256 TEXT NOT NULL
);"""
# Each table's row count, recorded in `meta` by the build under this prefix and the
# table's name ('rows:programs').
ROWS_KEY = "rows:"
# A view reads a few rows by key: a small page cache will do.
CACHE_KIB = 256
# The longest a query may run: the views' queries take milliseconds, so only a planted
# file (a view of a recursive query) reaches it.
QUERY_SECONDS = 3.0
_CHECK_EVERY = 10_000  # SQLite virtual machine steps


class QueryGuard:
    """Ends a query that runs too long, and one the user interrupts (Ctrl-C while SQLite
    works would otherwise wait for the query to end): every query runs in `guarded`."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self.db = db
        self.path = path
        self._deadline = time.monotonic() + QUERY_SECONDS
        self._interrupted = False
        self._timed_out = False
        db.set_progress_handler(self._tick, _CHECK_EVERY)

    def _tick(self) -> int:
        try:
            if time.monotonic() > self._deadline:
                self._timed_out = True
                return 1
        except KeyboardInterrupt:  # raised here, in Python code SQLite called
            self._interrupted = True
            return 1
        return 0

    def failure(self, error: sqlite3.Error) -> BaseException:
        """What a failed query means: an interruption, a query that ran too long, or a
        file that cannot be read."""
        if self._timed_out:
            return DataError(
                f"{self.path}: a query ran over {QUERY_SECONDS:g} s and was stopped; the "
                "file is not a database careercompare wrote"
            )
        if self._interrupted or (
            isinstance(error, sqlite3.OperationalError) and str(error) == "interrupted"
        ):
            # Ctrl-C raised in the handler, wherever in it: SQLite ends the query
            return KeyboardInterrupt()
        return DataError(f"{self.path}: cannot be read ({error})")

    def query(self, sql: str, parameters: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        """The rows of one query, run in its own time; a failure as `failure` says."""
        self._deadline = time.monotonic() + QUERY_SECONDS
        try:
            return self.db.execute(sql, parameters).fetchall()
        except sqlite3.Error as error:
            raise self.failure(error) from None


def open_read_only(
    path: Path,
    kind: str,
    *,
    bundled: bool,
    check: Callable[[sqlite3.Connection], None] | None = None,
) -> tuple[sqlite3.Connection, QueryGuard, list[tuple[object, ...]]]:
    """A database file opened read-only, its queries guarded, and its `meta` rows; any
    failure a DataError naming the file as not `kind` careercompare can read (Ctrl-C
    stays an interruption). `check` looks at the file before `meta` is read."""
    guard: QueryGuard | None = None
    try:
        uri = path.resolve().as_uri() + "?mode=ro" + ("&immutable=1" if bundled else "")
        db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        guard = QueryGuard(db, path)
        db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        if check is not None:
            check(db)
        rows = db.execute("SELECT key, value FROM meta").fetchall()
    except sqlite3.Error as error:
        failure = guard.failure(error) if guard is not None else None
        if isinstance(failure, KeyboardInterrupt):
            raise failure from None
        raise DataError(f"{path}: is not {kind} careercompare can read ({error})") from None
    except (OSError, ValueError) as error:
        raise DataError(f"{path}: is not {kind} careercompare can read ({error})") from None
    return db, guard, rows


class ReadOnlyDatabase:
    """One database file of a `KIND` and `FORMAT`, with `meta` and `source_files` tables.

    Each kind names both in its class statement:
    `class ProgramDatabase(ReadOnlyDatabase, kind="a programs database", format=FORMAT)`.
    """

    KIND: ClassVar[str]  # for messages: "a programs database"
    FORMAT: ClassVar[str]  # the `format` its `meta` table must give

    def __init_subclass__(cls, *, kind: str, format: str, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.KIND, cls.FORMAT = kind, format

    def __init__(self, path: Path, *, bundled: bool = False) -> None:
        self.path = path
        self._db, self._guard, rows = open_read_only(path, self.KIND, bundled=bundled)
        self.meta: dict[str, str] = {str(k): str(v) for k, v in rows}
        if self.meta.get("format") != self.FORMAT:
            raise DataError(f"{path}: is {self.KIND} of another format")

    def _query(self, sql: str, parameters: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        return self._guard.query(sql, parameters)

    def source_files(self) -> tuple[SourceFile, ...]:
        """The files the database was built from, with their SHA-256."""
        rows = self._query("SELECT dataset, name, bytes, sha256 FROM source_files ORDER BY rowid")
        return tuple(SourceFile(str(d), str(n), int(str(b)), str(s)) for d, n, b, s in rows)

    def _counts(self, tables: tuple[str, ...]) -> dict[str, int]:
        """Each table's rows, as the build recorded them in `meta` (counted here for a file
        built before it did)."""
        return {table: self._count(table) for table in tables}

    def _count(self, table: str) -> int:
        recorded = self.meta.get(ROWS_KEY + table, "")
        if recorded.isdigit():
            return int(recorded)
        return int(str(self._query(f"SELECT count(*) FROM {table}")[0][0]))
