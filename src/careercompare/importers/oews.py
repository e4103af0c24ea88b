"""`careercompare import-oews`: the OEWS tables BLS publishes, turned into a wage database.

The database is written to a temporary file beside its place and renamed at the end,
so an interrupted or failed import leaves the wages in use untouched.
"""

from __future__ import annotations

import contextlib
import datetime
import itertools
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from careercompare.digest import sha256
from careercompare.errors import DataError, FileError, UsageError
from careercompare.importers.oews_files import (
    FLAG_COLUMNS,
    IDENTITY_COLUMNS,
    Table,
    area_code,
    check_exists,
    is_cross_industry,
    read_tables,
    release_from_names,
)
from careercompare.output_file import new_file_mode, publish
from careercompare.terminal import Terminal
from careercompare.wages.database import AREA_KINDS, COLUMNS, FORMAT, SCHEMA
from careercompare.wages.estimates import VALUE_COLUMNS

MARKERS = ("*", "**", "#")
MAX_VALUE = 10**12
MAX_DIGITS = 12  # the digits before the point of a figure below MAX_VALUE
BATCH = 5000
PROGRESS_BYTES = 4 * 1024 * 1024  # files above this size show a progress bar
# About how many bytes a row takes, to estimate a file's rows from its size.
ROW_BYTES = {".csv": 150, ".gz": 60, ".xlsx": 60, ".zip": 60}
Progress = Callable[[Path], AbstractContextManager[Callable[[], None]]]


@dataclass(frozen=True)
class ImportSettings:
    """What the user asked of an import."""

    files: tuple[Path, ...]
    release: str | None
    published: str | None
    top_annual: str | None
    top_hourly: str | None
    output: Path | None
    force: bool


@dataclass(frozen=True)
class ImportSummary:
    """What an import wrote."""

    path: Path
    release: str
    rows: int
    areas: int
    occupations: int
    duplicates: int
    skipped: int
    kept: int = 0  # areas kept from the release in use, which the files do not cover
    kept_from: str = ""


def stored_value(column: str, text: str) -> int | float | str | None:
    """A cell of the OEWS tables as stored: a scaled integer, a marker, or NULL."""
    text = text.strip().replace(",", "")
    if not text:
        return None
    if text in MARKERS:
        return text
    scale = VALUE_COLUMNS[column.upper()]
    whole, dot, fraction = text.partition(".")
    if (
        whole.isascii()
        and whole.isdigit()
        and len(whole) <= MAX_DIGITS
        and (not dot or (fraction.isascii() and fraction.isdigit() and len(fraction) <= scale))
    ):
        # Most cells: digits with no more decimals than the column keeps, scaled exactly as
        # Decimal scales them, in a fifth of the time (an import reads millions).
        return int(whole + fraction.ljust(scale, "0"))
    try:
        number = Decimal(text)
    except ArithmeticError:
        raise ValueError(f"{column}: '{text[:20]}' is neither a number nor a BLS marker") from None
    try:
        if not number.is_finite() or abs(number) > MAX_VALUE:
            raise ArithmeticError
        scaled = number.scaleb(scale)
        return int(scaled) if scaled == scaled.to_integral_value() else float(number)
    except ArithmeticError:  # decimal.Overflow of '1e999999999' too
        raise ValueError(f"{column}: '{text[:20]}' is not a figure BLS publishes") from None


# The most a figure can be: far above anything BLS publishes (it top-codes annual wages
# at $239,200 and hourly at $115.00), far below a typing slip of a few digits.
UPPER_BOUNDS = {
    "TOT_EMP": 200_000_000,
    "EMP_PRSE": 1_000,
    "JOBS_1000": 1_000 * 10**3,
    "LOC_QUOTIENT": 1_000 * 10**2,
    "MEAN_PRSE": 1_000,
    **{f"A_{m}": 10_000_000 for m in ("MEAN", "PCT10", "PCT25", "MEDIAN", "PCT75", "PCT90")},
    **{f"H_{m}": 5_000 * 10**2 for m in ("MEAN", "PCT10", "PCT25", "MEDIAN", "PCT75", "PCT90")},
}
PERCENTILES = ("PCT10", "PCT25", "MEDIAN", "PCT75", "PCT90")
_AREA_CODE = {
    "nation": re.compile(r"^99$"),
    "state": re.compile(r"^\d{2}$"),
    "territory": re.compile(r"^\d{2}$"),
    "metro": re.compile(r"^\d{5}$"),
    "nonmetro": re.compile(r"^\d{7}$"),
}
_TITLE_STATES = re.compile(r", ([A-Z]{2}(?:-[A-Z]{2})*)(?: Metropolitan Division)?$")


def check_values(values: dict[str, int | float | str | None]) -> None:
    """Figures that cannot be: below zero, far above any published, or percentiles out
    of order (each a ValueError naming the column)."""
    for column, value in values.items():
        if isinstance(value, (int, float)):
            if value < 0:
                raise ValueError(f"{column}: {value} is below zero")
            if value > UPPER_BOUNDS[column]:
                raise ValueError(f"{column}: {value} is far above any figure BLS publishes")
    for prefix in ("A", "H"):
        known = [
            (name, value)
            for name in PERCENTILES
            if isinstance(value := values[f"{prefix}_{name}"], (int, float))
        ]
        for (low_name, low), (high_name, high) in itertools.pairwise(known):
            if low > high:
                raise ValueError(
                    f"{prefix}_{low_name} is above {prefix}_{high_name}: percentiles out of order"
                )


def file_facts(path: Path) -> tuple[str, int, str]:
    """(name, size, SHA-256) of a source file."""
    digest = sha256(path.stat().st_size)
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return path.name, path.stat().st_size, digest.hexdigest()


class _Writer:
    """Fills a new database, assigning ids to areas and occupations as they come."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.areas: dict[str, int] = {}
        self.occupations: dict[str, int] = {}
        self.rows = self.duplicates = self.skipped = 0
        self.pending: list[tuple[object, ...]] = []
        # the figures of each (occupation, area) read, by hash: a repeat with other
        # figures is a conflict (which would be true is unknown), an equal one is counted
        self.seen: dict[int, int] = {}
        self.area_titles: dict[str, tuple[str, str]] = {}
        self._known_states: dict[str, str] | None = None

    def add_table(self, table: Table, tick: Callable[[], None]) -> None:
        columns = table.columns
        present = {name: columns[name] for name in VALUE_COLUMNS if name in columns}
        for number, row in enumerate(table.rows, 2):
            tick()
            if not row:  # an empty row
                continue
            if not is_cross_industry(table, row):
                self.skipped += 1
                continue
            try:
                self._add(table, row, present, f"{table.where}: row {number}")
            except (IndexError, ValueError) as error:
                raise DataError(f"{table.where}: row {number} cannot be read ({error})") from None
            if len(self.pending) >= BATCH:
                self.flush()

    def _add(self, table: Table, row: list[str], present: dict[str, int], where: str) -> None:
        columns = table.columns
        get = {name: row[columns[name]] for name in IDENTITY_COLUMNS}
        kind = AREA_KINDS.get(get["AREA_TYPE"])
        if kind is None:
            raise ValueError(
                f"AREA_TYPE '{get['AREA_TYPE'][:10]}' is not one BLS uses (1 nation, 2 state, "
                "3 territory, 4 metro, 6 nonmetro)"
            )
        code = area_code(get["AREA"], get["AREA_TYPE"])
        if not _AREA_CODE[kind].match(code):
            raise ValueError(f"AREA '{code[:12]}' is not the code of a {kind} area")
        title = get["AREA_TITLE"]
        area = self.areas.get(code)
        if area is None:
            state = row[columns["PRIM_STATE"]] if "PRIM_STATE" in columns else ""
            area = self.areas[code] = len(self.areas) + 1
            self.area_titles[code] = (title, kind)
            self.db.execute(
                "INSERT INTO areas VALUES (?, ?, ?, ?, ?)",
                (area, code, title, kind, state or self.state_of(code, kind, title)),
            )
        elif self.area_titles[code] != (title, kind):
            first, first_kind = self.area_titles[code]
            raise ValueError(
                f"area {code} is '{first[:40]}' ({first_kind}) in an earlier row but "
                f"'{title[:40]}' ({kind}) here"
            )
        occupation = self.occupations.get(get["OCC_CODE"])
        if occupation is None:
            occupation = self.occupations[get["OCC_CODE"]] = len(self.occupations) + 1
            self.db.execute(
                "INSERT INTO occupations VALUES (?, ?, ?, ?)",
                (occupation, get["OCC_CODE"], get["OCC_TITLE"], get["O_GROUP"].lower()),
            )
        values = [
            stored_value(name, row[present[name]]) if name in present else None
            for name in VALUE_COLUMNS
        ]
        check_values(dict(zip(VALUE_COLUMNS, values, strict=True)))
        flags = [
            1 if name in columns and row[columns[name]].upper() == "TRUE" else None
            for name in FLAG_COLUMNS
        ]
        key = occupation << 20 | area
        figures = hash((*values, *flags))
        seen = self.seen.setdefault(key, figures)
        if seen != figures:
            raise DataError(
                f"{where}: repeats an earlier row of the same occupation and area with "
                "other figures; the file is damaged or not as BLS publishes it"
            )
        self.pending.append((occupation, area, *values, *flags))

    def flush(self) -> None:
        before = self.db.total_changes
        marks = ", ".join("?" * (len(COLUMNS) + 4))
        self.db.executemany(f"INSERT OR IGNORE INTO estimates VALUES ({marks})", self.pending)
        written = self.db.total_changes - before
        self.rows += written
        self.duplicates += len(self.pending) - written
        self.pending = []

    def state_of(self, code: str, kind: str, title: str) -> str:
        """The postal code(s) of an area when the file has no PRIM_STATE column: the
        nation's 'US', a metro title's own ('..., FL'), or the bundled release's for the
        same code; '' when none says (such an area is never in a state's ranking)."""
        if kind == "nation":
            return "US"
        suffix = _TITLE_STATES.search(title)
        if kind == "metro" and suffix:
            return suffix.group(1)
        if self._known_states is None:
            from careercompare.wages.datasets import bundled_wages

            self._known_states = {a.code: a.state for a in bundled_wages().areas}
        return self._known_states.get(code, "")


def _release(settings: ImportSettings) -> str:
    from careercompare.wages.releases import release_key, release_name

    if settings.release:
        year, month = release_key(settings.release)
        return release_name(year, month)
    found = release_from_names(path.name for path in settings.files)
    if len(found) == 1:
        return release_name(*found.pop())
    if found:
        raise UsageError(
            "the files are of different releases; import one release at a time, or give --release"
        )
    raise UsageError(
        "the release cannot be told from the file names; give it, e.g. --release 'May 2026'"
    )


def _check_newer(release: str, settings: ImportSettings, warn: Callable[[str], None]) -> None:
    from careercompare.wages.datasets import wages_in_use
    from careercompare.wages.releases import release_key

    if settings.output is not None or settings.force:
        return
    in_use = wages_in_use(warn)
    if release_key(release) < release_key(in_use.release):
        raise DataError(
            f"{release} is older than the {in_use.release} wages in use; "
            "add --force to import it anyway"
        )


_MONEY = re.compile(r"^\d{1,7}(\.\d{1,2})?$")
_DAY = re.compile(r"^(19|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")


def checked_options(settings: ImportSettings) -> None:
    """--top-annual and --top-hourly as dollars above 0 (digits, at most cents), and
    --published as a real date; anything else is a usage error naming the option."""
    for option, value in (
        ("--top-annual", settings.top_annual),
        ("--top-hourly", settings.top_hourly),
    ):
        if value is not None and (not _MONEY.match(value) or float(value) <= 0):
            raise UsageError(
                f"{option} '{value[:30]}' is not an amount in dollars above 0, like 239200"
            )
    if settings.published is not None:
        valid = bool(_DAY.match(settings.published))
        if valid:
            try:
                datetime.date.fromisoformat(settings.published)
            except ValueError:
                valid = False
        if not valid:
            raise UsageError(
                f"--published '{settings.published[:30]}' is not a date like 2026-05-15"
            )


def _meta(settings: ImportSettings, release: str, warn: Callable[[str], None]) -> dict[str, str]:
    top_annual, top_hourly = settings.top_annual, settings.top_hourly
    if top_annual is None or top_hourly is None:
        from careercompare.wages.datasets import wages_in_use

        in_use = wages_in_use(warn).meta
        top_annual = top_annual or in_use.get("top_annual")
        top_hourly = top_hourly or in_use.get("top_hourly")
    meta = {
        "format": FORMAT,
        "release": release,
        "imported": datetime.date.today().isoformat(),
        "publisher": "U.S. Bureau of Labor Statistics (BLS)",
        "program": "Occupational Employment and Wage Statistics (OEWS)",
        "scope": "cross-industry estimates; employment excludes the self-employed",
    }
    if settings.published:
        meta["published"] = settings.published
    if top_annual and top_hourly:
        meta["top_annual"], meta["top_hourly"] = top_annual, top_hourly
    return meta


def import_oews(
    settings: ImportSettings,
    *,
    progress: Progress | None = None,
    warn: Callable[[str], None] = lambda message: None,
) -> ImportSummary:
    """Read every table of the files into a new database, then put it in its place."""
    from careercompare.wages.datasets import imported_path

    checked_options(settings)
    for path in settings.files:  # a missing file first: its name may be the release's
        check_exists(path)
    release = _release(settings)
    _check_newer(release, settings, warn)
    target = settings.output or imported_path(release)
    # A release in the data folder replaces the same release; a file the user named is
    # replaced only with --force, and never if it appears while the import runs.
    replace = settings.output is None or settings.force
    if not replace and os.path.lexists(target):
        raise FileError(f"{target}: already exists; add --force to replace it")
    folder = target.parent
    with _one_import_at_a_time(folder if settings.output is None else None):
        return _import_into(target, folder, replace, settings, release, progress, warn)


def _import_into(
    target: Path,
    folder: Path,
    replace: bool,
    settings: ImportSettings,
    release: str,
    progress: Progress | None,
    warn: Callable[[str], None],
) -> ImportSummary:
    from careercompare.wages.datasets import data_dir

    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".oews-", suffix=".tmp")
        os.fchmod(handle, new_file_mode())
        os.close(handle)
    except OSError as error:
        where = folder if settings.output else data_dir()
        raise FileError(f"{where}: cannot write the wages there ({error.strerror})") from None
    try:
        summary = _fill(Path(temporary), settings, release, progress, warn)
        publish(Path(temporary), target, force=replace)
    except sqlite3.Error as error:
        raise FileError(f"{target}: could not be written ({error})") from None
    except OSError as error:
        raise FileError(f"{target}: could not be written ({error.strerror})") from None
    finally:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
    return ImportSummary(target, release, *summary)


@contextlib.contextmanager
def _one_import_at_a_time(folder: Path | None) -> Iterator[None]:
    """Hold the data folder's import lock: a second import says so and stops. With the
    lock held, temporary files left by a killed import are removed. Only the user's own
    folder is written to; with None (an --output file) there is nothing to hold."""
    if folder is None:
        yield
        return
    from careercompare.user_folders import folder_problem
    from careercompare.wages.datasets import import_lock, remove_stale_temporaries

    problem = folder_problem(folder)
    if problem is not None:
        raise FileError(
            f"{folder}: imported wages there would not be used ({problem}); use a folder "
            "of yours (chmod go-w), or set CAREERCOMPARE_DATA_DIR"
        )
    with contextlib.ExitStack() as stack:
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            held = stack.enter_context(import_lock(folder))
        except OSError as error:
            raise FileError(f"{folder}: cannot write the wages there ({error.strerror})") from None
        if not held:
            raise FileError(
                f"{folder}: another import is writing there; wait for it to finish, then "
                "run this one again"
            )
        remove_stale_temporaries(folder)
        yield


def _fill(
    path: Path,
    settings: ImportSettings,
    release: str,
    progress: Progress | None,
    warn: Callable[[str], None],
) -> tuple[int, int, int, int, int, int, str]:
    db = sqlite3.connect(path.resolve().as_uri(), uri=True)  # a URI: another is attached
    try:
        db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + SCHEMA)
        writer = _Writer(db)
        facts = []
        for source in settings.files:
            tables = 0
            shown = progress(source) if progress else contextlib.nullcontext(lambda: None)
            # closed at once when a row is refused: the file is not left open until
            # the refusal's traceback is collected
            with shown as tick, contextlib.closing(read_tables(source)) as read:
                for table in read:
                    tables += 1
                    writer.add_table(table, tick)
            if tables == 0:
                raise DataError(f"{source}: holds no OEWS table (no sheet with an OCC_CODE column)")
            facts.append(file_facts(source))
        writer.flush()
        if writer.rows == 0:
            raise DataError("the files hold no cross-industry OEWS rows; nothing was imported")
        meta = _meta(settings, release, warn)
        if settings.output is None:  # into the data folder: a partial release adds
            kept = _keep_missing_areas(db, release, warn)
            if kept is not None:
                meta["kept_areas"], meta["kept_from"] = str(kept[0]), kept[1]
        meta["rows"] = str(db.execute("SELECT count(*) FROM estimates").fetchone()[0])
        meta["occupations"] = str(db.execute("SELECT count(*) FROM occupations").fetchone()[0])
        db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        db.executemany("INSERT INTO source_files VALUES (?, ?, ?)", facts)
        db.commit()
        db.execute("VACUUM")
    finally:
        db.close()
    return (
        writer.rows,
        len(writer.areas),
        len(writer.occupations),
        writer.duplicates,
        writer.skipped,
        int(meta.get("kept_areas", "0")),
        meta.get("kept_from", ""),
    )


def _keep_missing_areas(
    db: sqlite3.Connection, release: str, warn: Callable[[str], None]
) -> tuple[int, str] | None:
    """Copy into the new release every area of the release in use it lacks (a state file
    has no metro areas, and no national row), each tagged with the release its figures
    are of; (areas kept, the release in use) or None when nothing was missing, or when
    the release in use is newer (an older release imported with --force keeps none)."""
    from careercompare.wages.database import AREA_RELEASES_SCHEMA
    from careercompare.wages.datasets import wages_in_use
    from careercompare.wages.releases import release_key

    in_use = wages_in_use(warn)
    if release_key(in_use.release) > release_key(release):
        return None
    db.execute("ATTACH DATABASE ? AS old", (in_use.path.resolve().as_uri() + "?mode=ro",))
    try:
        missing = [
            str(code)
            for (code,) in db.execute(
                "SELECT code FROM old.areas WHERE code NOT IN (SELECT code FROM main.areas)"
            )
        ]
        if not missing:
            return None
        db.executescript(AREA_RELEASES_SCHEMA)
        db.execute("CREATE TEMP TABLE kept (code TEXT PRIMARY KEY)")
        db.executemany("INSERT INTO kept VALUES (?)", ((code,) for code in missing))
        db.execute(
            "INSERT INTO areas (code, title, kind, state) SELECT code, title, kind, state "
            "FROM old.areas WHERE code IN (SELECT code FROM kept)"
        )
        db.execute(
            "INSERT INTO occupations (code, title, grp) SELECT code, title, grp "
            "FROM old.occupations WHERE code NOT IN (SELECT code FROM main.occupations)"
        )
        values = ", ".join(f"e.{column}" for column in (*COLUMNS, "annual_only", "hourly_only"))
        db.execute(
            f"INSERT INTO estimates SELECT no.id, na.id, {values} FROM old.estimates e "
            "JOIN old.areas oa ON oa.id = e.area JOIN old.occupations oo ON oo.id = e.occupation "
            "JOIN main.areas na ON na.code = oa.code JOIN main.occupations no ON no.code = oo.code "
            "WHERE oa.code IN (SELECT code FROM kept)"
        )
        for code in missing:
            release, top_annual, top_hourly = in_use.release_of(code)
            db.execute(
                "INSERT INTO area_releases VALUES (?, ?, ?, ?)",
                (code, release, top_annual, top_hourly),
            )
        db.commit()
        return len(missing), in_use.release
    finally:
        db.execute("DETACH DATABASE old")


@contextlib.contextmanager
def progress_bar(source: Path) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr while a large file is read: rows read, of an estimate."""
    size = source.stat().st_size
    if size < PROGRESS_BYTES:
        yield lambda: None
        return
    import sys

    from rich.progress import Progress as Bar

    from careercompare.terminal import make_console

    estimated = max(1, size // ROW_BYTES.get(source.suffix.lower(), 60))
    with Bar(console=make_console(sys.stderr), transient=True) as bar:
        task = bar.add_task(f"reading {source.name}", total=estimated)
        count = 0

        def tick() -> None:
            nonlocal count
            count += 1
            if count % 2000 == 0:
                bar.update(task, completed=min(count, estimated))

        yield tick


def run_import_oews(settings: ImportSettings, *, quiet: bool, terminal: Terminal) -> ImportSummary:
    """Import, with a progress bar on a terminal's stderr, and a summary after."""
    shown = progress_bar if not quiet and terminal.stderr_tty else None
    summary = import_oews(settings, progress=shown, warn=terminal.warn)
    if not quiet:
        terminal.note(
            f"import-oews: {summary.release}: {summary.rows:,} estimates of "
            f"{summary.occupations:,} occupations in {summary.areas:,} areas written to "
            f"{summary.path}; {summary.skipped:,} industry rows and {summary.duplicates:,} "
            "repeated rows left out"
            + (
                f"; {summary.kept:,} areas the files do not cover kept from {summary.kept_from}"
                if summary.kept
                else ""
            )
        )
    return summary
