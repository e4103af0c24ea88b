"""The attacks of the reliability review, each reproduced: closed and full outputs, races on
--output, signals, oversized and invisible input. Each ends in a documented exit code."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from careercompare import output_file
from careercompare.catalog.loader import validate_catalog
from careercompare.errors import CatalogError, FileError
from careercompare.output_file import write_atomically


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [("--version",), ("table",), ("roles", "--json")])
def test_a_full_disk_is_one_line_and_exit_1(args: tuple[str, ...]) -> None:
    with Path("/dev/full").open("w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "careercompare", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode == 1
    assert done.stderr.startswith("careercompare: error: cannot write the output")
    assert len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr


@pytest.mark.parametrize("args", [("roles", "--format", "plain"), ("--help",), ("table",)])
def test_a_closed_stdout_is_one_line_and_exit_1(args: tuple[str, ...]) -> None:
    done = subprocess.run(
        ["bash", "-c", f'"{sys.executable}" -m careercompare {" ".join(args)} >&-'],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "standard output is closed" in done.stderr


def test_a_closed_stdin_makes_match_list_what_is_unanswered() -> None:
    done = subprocess.run(
        ["bash", "-c", f'"{sys.executable}" -m careercompare match <&-'],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "6 questions unanswered" in done.stderr


@pytest.mark.parametrize(("args", "code"), [("show nosuchrole", 2), ("table -o {out} --force", 0)])
def test_a_closed_stderr_changes_no_exit_code(tmp_path: Path, args: str, code: int) -> None:
    command = args.format(out=tmp_path / "x.html")
    done = subprocess.run(
        ["bash", "-c", f'"{sys.executable}" -m careercompare {command} 2>&-'],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == code


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize("args", [("paths", "ma"), ("table",), ("faq",)])
def test_an_output_that_cannot_encode_unicode_gets_ascii(
    encoding: str, args: tuple[str, ...]
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "careercompare", *args],
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": encoding},
    )
    assert done.returncode == 0, done.stderr
    done.stdout.decode(encoding)  # every byte is of the output's encoding
    if args[0] == "paths":
        assert b"+-- Training: Postsecondary nondegree award" in done.stdout


def test_a_file_that_appears_while_writing_is_never_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "table.html"
    real_fsync = os.fsync

    def another_writer(fd: int) -> None:
        real_fsync(fd)
        target.write_text("theirs")  # made between the check and the publishing

    monkeypatch.setattr(output_file.os, "fsync", another_writer)
    with pytest.raises(FileError, match="already exists; add --force"):
        write_atomically(target, "ours", force=False)
    assert target.read_text() == "theirs"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["table.html"]


def test_a_dangling_link_counts_as_an_existing_name(tmp_path: Path) -> None:
    link = tmp_path / "out.md"
    link.symlink_to(tmp_path / "nowhere.md")
    with pytest.raises(FileError, match="already exists"):
        write_atomically(link, "text", force=False)
    assert link.is_symlink() and not (tmp_path / "nowhere.md").exists()


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_while_writing_leaves_no_temporary_file(
    run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, number: int
) -> None:
    def killed(fd: int) -> None:
        os.kill(os.getpid(), number)

    monkeypatch.setattr(output_file.os, "fsync", killed)
    result = run("table", "--output", str(tmp_path / "table.html"))
    assert result.exit_code == 130
    assert list(tmp_path.iterdir()) == []


def test_files_follow_the_umask_and_force_keeps_the_mode(run: Any, tmp_path: Path) -> None:
    target = tmp_path / "table.md"
    previous = os.umask(0o022)
    try:
        assert run("table", "-o", str(target)).exit_code == 0
        assert target.stat().st_mode & 0o777 == 0o644
        target.chmod(0o640)
        assert run("table", "-o", str(target), "--force").exit_code == 0
        assert target.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(previous)


def test_a_repeated_key_is_refused_with_its_place(catalog_data: dict[str, Any]) -> None:
    text = json.dumps(catalog_data).replace(
        '"name": "Medical assistant"', '"name": "A", "name": "B"', 1
    )
    with pytest.raises(CatalogError) as caught:
        validate_catalog(text.encode(), name="twice.json")
    assert caught.value.details == ("roles[0]: key 'name' is given twice",)


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad", "\ufeff", "\u2060"])
def test_names_that_differ_only_by_invisible_characters_clash(
    catalog_data: dict[str, Any], invisible: str
) -> None:
    catalog_data["roles"][1]["aliases"].append(f"Registered{invisible} nurse")
    with pytest.raises(CatalogError) as caught:
        validate_catalog(json.dumps(catalog_data).encode(), name="twins.json")
    assert "already names" in caught.value.details[0]


@pytest.mark.parametrize("given", [("--data", ""), ("table", "--data", "")])
def test_an_empty_data_path_is_a_usage_error(run: Any, given: tuple[str, ...]) -> None:
    result = run(*given) if given[0] == "table" else run(*given, "table")
    assert result.exit_code == 2 and "--data is empty" in result.stderr


def test_an_empty_data_variable_is_a_usage_error(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREERCOMPARE_DATA", "")
    result = run("table")
    assert result.exit_code == 2 and "CAREERCOMPARE_DATA is empty" in result.stderr


HEADER = (
    '"Occupation Title","Occupation Code","Employment 2024","Employment 2034",'
    '"Employment Change, 2024-2034","Employment Percent Change, 2024-2034"\n'
)


@pytest.mark.parametrize(
    "line",
    [
        '"' + "x" * 200_000 + '","=""29-1141""","1","2","1","5"\n',
        '"Nurses","=""29-1141""","' + "9" * 5000 + '","2","1","5"\n',
    ],
)
def test_a_monstrous_export_row_is_exit_1_with_its_line(
    run: Any, tmp_path: Path, line: str
) -> None:
    export = tmp_path / "export.csv"
    export.write_text(HEADER + line)
    result = run("import-bls", str(export))
    assert result.exit_code == 1, result.stderr
    assert "line 2" in result.stderr and "Traceback" not in result.stderr


def test_import_bls_to_stdout_escapes_controls_and_invisibles(run: Any, tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    row = '"Nurses\u009b\u202e\u200b","=""29-1141""","1","2","1","100"\n'
    export.write_text(HEADER + row, encoding="utf-8")
    result = run("import-bls", str(export))
    assert result.exit_code == 0, result.stderr
    assert all(ord(c) < 128 for c in result.stdout)
