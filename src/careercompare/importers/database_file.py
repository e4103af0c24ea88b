"""Writing a database the importers build: whole or not at all, never over a file
without --force, with the list of the files it was built from."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from careercompare.bundled_database import ROWS_KEY
from careercompare.errors import DataError
from careercompare.importers.oews import file_facts
from careercompare.output_file import new_file_mode, publish

T = TypeVar("T")


def refuse_existing(output: Path, *, force: bool) -> None:
    """A file already there is replaced only with --force; said before anything is read."""
    if output.exists() and not force:
        raise DataError(f"{output}: already exists; add --force to replace it")


def write_database(
    output: Path,
    schema: str,
    fill: Callable[[sqlite3.Connection], T],
    sources: Sequence[tuple[str, Path]],
    *,
    force: bool,
) -> T:
    """Make the schema, let `fill` write the rows, record each (dataset, file) source with
    its size and SHA-256 and each table's row count, then give the finished file its name;
    a failure leaves nothing."""
    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = output.with_name(f".{output.name}.{os.getpid()}.tmp")
    try:
        db = sqlite3.connect(temporary)
        try:
            db.executescript(schema)
            filled = fill(db)
            db.executemany(
                "INSERT INTO source_files VALUES (?, ?, ?, ?)",
                [(dataset, *file_facts(path)) for dataset, path in sources],
            )
            _record_counts(db)
            db.commit()
            db.execute("VACUUM")
        finally:
            db.close()
        temporary.chmod(new_file_mode())
        publish(temporary, output, force=force)
    finally:
        temporary.unlink(missing_ok=True)
    return filled


def _record_counts(db: sqlite3.Connection) -> None:
    """Each table's rows, counted once here, as `rows:TABLE` in `meta`: `careercompare
    data` reads them there instead of counting (a scan of every row) at each run."""
    tables = [
        str(name)
        for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'meta' ORDER BY name"
        )
    ]
    db.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [
            (f"{ROWS_KEY}{table}", str(db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]))
            for table in tables
        ],
    )
