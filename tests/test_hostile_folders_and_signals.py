"""The data folder and what is planted in it: only the user's own files in the user's own
folder are used; anything else is skipped with one warning, never trusted and never a
crash or a hang. Imports take turns and clear what killed imports left. Signals end a
run even while the pager shows."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from careercompare.bundled import WAGES, bundled_data_path
from careercompare.wages.datasets import DATA_DIR_ENV_VAR
from tests.test_import_oews import ROWS, workbook

pytestmark = pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX folders and owners")


def data_dir() -> Path:
    folder = Path(os.environ[DATA_DIR_ENV_VAR])
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def planted(name: str = "oews-2027-05.sqlite", **meta: str | None) -> Path:
    """A copy of the bundled wages as an imported May 2027 release, its record changed."""
    path = data_dir() / name
    shutil.copyfile(bundled_data_path(WAGES), path)
    path.chmod(0o600)
    db = sqlite3.connect(path)
    with db:
        db.execute("UPDATE meta SET value = 'May 2027' WHERE key = 'release'")
        for key, value in meta.items():
            db.execute("DELETE FROM meta WHERE key = ?", (key,))
            if value is not None:
                db.execute("INSERT INTO meta VALUES (?, ?)", (key, value))
    db.close()
    return path


def planted_endless_query() -> Path:
    """A planted release whose areas are a view of a query that never ends."""
    path = planted()
    db = sqlite3.connect(path)
    with db:
        db.execute("ALTER TABLE areas RENAME TO real_areas")
        db.execute(
            "CREATE VIEW areas AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 "
            "FROM n) SELECT id, code, title, kind, state FROM real_areas, n WHERE x < 0"
        )
    db.close()
    return path


def median_release(run: Any) -> str:
    result = run("salary", "ma", "--json")
    assert result.exit_code == 0, result.stderr
    return "May 2027" if "May 2027" in result.stdout else "May 2025"


def test_a_planted_release_of_the_users_own_is_used(run: Any) -> None:
    planted()
    assert median_release(run) == "May 2027"  # the control for the tests below


def test_a_folder_others_can_write_to_is_not_used(run: Any) -> None:
    planted()
    data_dir().chmod(0o777)
    result = run("salary", "ma", "--json")
    assert result.exit_code == 0
    assert "May 2027" not in result.stdout
    assert result.stderr.count("warning:") == 1
    assert "others can write to it" in result.stderr


def test_a_file_others_can_write_to_is_not_used(run: Any) -> None:
    planted().chmod(0o666)
    result = run("salary", "ma", "--json")
    assert "May 2027" not in result.stdout
    assert "oews-2027-05.sqlite: is not used (others can write to it)" in result.stderr


def test_a_link_is_not_followed(run: Any, tmp_path: Path) -> None:
    target = planted("elsewhere.sqlite")
    (data_dir() / "oews-2027-05.sqlite").symlink_to(target)
    result = run("salary", "ma", "--json")
    assert "May 2027" not in result.stdout
    assert "is not used (it is a link)" in result.stderr


def test_a_fifo_in_the_data_folder_hangs_nothing(tmp_path: Path) -> None:
    os.mkfifo(data_dir() / "oews-2027-05.sqlite")
    for command in (["salary", "ma"], ["wages", "ma"], ["areas"], ["data"]):
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "careercompare", *command],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "CAREERCOMPARE_NO_CACHE": "1"},
        )
        assert time.monotonic() - started < 30
        assert done.returncode == 0, done.stderr
        assert "is not used (it is not a regular file)" in done.stderr


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ({"release": None}, "names no release"),
        ({"release": "Spring 2027"}, "names a release, 'Spring 2027', not like 'May 2026'"),
        ({"rows": "many"}, "has a count of rows that is not a number"),
        ({"top_annual": "-5"}, "top of the wage range (top_annual) that is not an amount"),
    ],
)
def test_a_file_with_a_foreign_record_is_skipped_with_a_warning(
    run: Any, meta: dict[str, str | None], message: str
) -> None:
    planted(**meta)
    result = run("salary", "ma", "--json")
    assert result.exit_code == 0, result.stderr
    assert "May 2025" in result.stdout
    assert message in result.stderr and "it is not used" in result.stderr


def test_a_query_that_never_ends_is_stopped(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from careercompare import bundled_database

    monkeypatch.setattr(bundled_database, "QUERY_SECONDS", 0.5)  # 3 s in a run
    planted_endless_query()
    started = time.monotonic()
    result = run("salary", "ma", "--area", "FL")
    assert time.monotonic() - started < 5
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "a query ran over 0.5 s and was stopped" in result.stderr


@pytest.mark.parametrize(
    ("value", "shown"),
    [(b"\x00\x01", "bytes"), (-4500000, "int -4500000"), ("abc", "'abc' in a_median")],
)
def test_a_value_the_import_never_writes_is_one_line(run: Any, value: object, shown: str) -> None:
    path = planted()
    db = sqlite3.connect(path)
    with db:
        db.execute("UPDATE estimates SET a_median = ?", (value,))
    db.close()
    result = run("salary", "ma")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "holds a value the import never writes" in result.stderr and shown in result.stderr


def test_without_a_home_folder_the_bundled_data_still_serves(
    run: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import pwd

    def unknown(uid: int) -> pwd.struct_passwd:
        raise KeyError(uid)

    for name in ("HOME", DATA_DIR_ENV_VAR, "CAREERCOMPARE_CACHE_DIR", "XDG_DATA_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(pwd, "getpwuid", unknown)
    result = run("salary", "ma", "--area", "FL", "--format", "plain")
    assert result.exit_code == 0, result.stderr
    assert "Florida" in result.stdout
    assert result.stderr.count("warning:") == 1 and "no home folder" in result.stderr
    book = workbook(tmp_path / "all_data_M_2026.xlsx", ROWS)
    result = run("import-oews", str(book))
    assert result.exit_code == 1
    assert "no home folder" in result.stderr.splitlines()[-1]


@contextlib.contextmanager
def held(folder: Path) -> Iterator[None]:
    import fcntl

    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def test_a_second_import_says_another_is_running(run: Any, tmp_path: Path) -> None:
    book = workbook(tmp_path / "all_data_M_2026.xlsx", ROWS)
    with held(data_dir()):
        result = run("import-oews", str(book))
    assert result.exit_code == 1
    assert "another import is writing there; wait for it to finish" in result.stderr
    assert not (data_dir() / "oews-2026-05.sqlite").exists()
    assert run("import-oews", str(book)).exit_code == 0


def test_an_import_clears_what_a_killed_import_left(run: Any, tmp_path: Path) -> None:
    left = data_dir() / ".oews-k1ll3d.tmp"
    left.write_bytes(b"\0" * 4096)
    keep = data_dir() / "notes.tmp"
    keep.write_text("mine")
    book = workbook(tmp_path / "all_data_M_2026.xlsx", ROWS)
    assert run("import-oews", str(book)).exit_code == 0
    assert not left.exists()
    assert keep.read_text() == "mine"


def test_an_import_into_a_folder_others_can_write_to_is_refused(run: Any, tmp_path: Path) -> None:
    data_dir().chmod(0o777)
    book = workbook(tmp_path / "all_data_M_2026.xlsx", ROWS)
    result = run("import-oews", str(book))
    assert result.exit_code == 1
    assert "imported wages there would not be used (others can write to it)" in result.stderr
    assert list(data_dir().iterdir()) == []


def test_ctrl_c_ends_a_long_query_at_once(tmp_path: Path) -> None:
    import signal

    planted_endless_query()
    env = {**os.environ, "CAREERCOMPARE_NO_CACHE": "1"}
    command = [sys.executable, "-m", "careercompare", "salary", "ma", "--area", "FL"]
    with subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True) as child:
        time.sleep(1.5)  # started, and in the query
        started = time.monotonic()
        child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=30)
    assert time.monotonic() - started < 1.5  # well before the 3 s limit ends the query
    assert child.returncode == 130
    assert err.strip().endswith("interrupted")


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_signal_ends_the_run_while_the_pager_shows(tmp_path: Path, name: str) -> None:
    import pty
    import select
    import signal

    pager = tmp_path / "pager.sh"
    pager.write_text("#!/bin/sh\nexec sleep 60\n")  # a pager the reader has not left
    pager.chmod(0o755)
    env = {
        **os.environ,
        "CAREERCOMPARE_PAGER": str(pager),
        "CAREERCOMPARE_NO_CACHE": "1",
        "LINES": "10",
    }
    pid, fd = pty.fork()
    if pid == 0:  # the child: careercompare, its stdout a terminal
        os.execve(sys.executable, [sys.executable, "-m", "careercompare", "show", "ma"], env)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not _child_running(pid, "sleep"):
            select.select([fd], [], [], 0.1)
        os.kill(pid, getattr(signal, name))
        deadline = time.monotonic() + 10
        status = 0
        while time.monotonic() < deadline:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            time.sleep(0.05)
        else:
            pytest.fail(f"still running 10 s after {name}")
        assert os.waitstatus_to_exitcode(status) == 130
    finally:
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)


def _child_running(parent: int, name: str) -> bool:
    """Whether a child of `parent` runs the program `name` (read from /proc)."""
    for entry in Path("/proc").iterdir():
        with contextlib.suppress(OSError, IndexError):
            stat = (entry / "stat").read_text()
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == parent and (entry / "comm").read_text().strip() == name:
                return True
    return False


LONG = " ".join(f"word{n}" for n in range(3000))


@pytest.mark.parametrize(
    ("args", "what"),
    [
        (("salary", "ma", "--area", LONG), "an area's name"),
        (("wages", "ma", "--by", "metro", "--in", LONG), "an area's name"),
        (("table", LONG), "a role's name"),
        (("show", "x" * 201), "a role's name"),
        (("glossary", LONG), "a term"),
        (("roles", "--search", LONG), "search words"),
        (("areas", "--search", LONG), "search words"),
        (("match", "--answer", f"patient-care={LONG}"), "an answer"),
    ],
)
def test_input_longer_than_any_name_is_refused_at_once(
    run: Any, args: tuple[str, ...], what: str
) -> None:
    started = time.monotonic()
    result = run(*args)
    assert time.monotonic() - started < 2
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and len(result.stderr) < 300
    assert f"is too long for {what} (over 200 characters or 25 words)" in result.stderr


@pytest.mark.parametrize("separator", [", FL, ", "; ", ","])
def test_a_pasted_list_of_areas_is_refused_at_once(
    run: Any, monkeypatch: pytest.MonkeyPatch, separator: str
) -> None:
    # each piece after a comma may be a name's postal codes, which is looked up: a list
    # far longer than --area takes is refused before any piece is
    from careercompare.wages import areas

    def looked_up(*args: object, **kwargs: object) -> None:
        raise AssertionError("a piece of the list was looked up")

    monkeypatch.setattr(areas, "area_list", looked_up)
    started = time.monotonic()
    result = run("salary", "ma", "--area", separator.join(["tampa"] * 3000))
    assert time.monotonic() - started < 2
    assert result.exit_code == 2
    assert "--area names over 12 areas; give at most 12" in result.stderr


def test_the_longest_real_names_are_not_too_long(run: Any) -> None:
    area = "North Valley-Northern Mountains Region of California nonmetropolitan area"
    assert run("salary", "ma", "--area", area).exit_code == 0
    title = (
        "First-line supervisors of transportation and material moving workers, except "
        "aircraft cargo handling supervisors"
    )
    assert run("outlook", title).exit_code == 0


def test_an_address_no_link_can_carry_is_refused_in_a_wage_database(run: Any) -> None:
    planted(url='https://x.example/"onmouseover="alert(1)"')
    result = run("show", "ma", "--format", "html")
    assert result.exit_code == 0
    assert "onmouseover" not in result.stdout
    assert "has an address (url) no link can carry" in result.stderr


def test_a_source_file_size_that_is_not_a_number_is_one_line(run: Any) -> None:
    path = planted()
    db = sqlite3.connect(path)
    with db:
        db.execute("UPDATE source_files SET bytes = 'lots'")
    db.close()
    result = run("data")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "records a source file size that is not a number" in result.stderr


def test_any_run_clears_what_a_killed_import_left_unless_one_is_running(run: Any) -> None:
    left = data_dir() / ".oews-k1ll3d.tmp"
    left.write_bytes(b"\0" * 4096)
    with held(data_dir()):  # an import is running: its file is not touched
        assert run("salary", "ma").exit_code == 0
    assert left.exists()
    assert run("salary", "ma").exit_code == 0
    assert not left.exists()
