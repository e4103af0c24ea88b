"""Interruptions, internal errors and hostile files: always an answer, never a traceback."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Any

import pytest

from careercompare import output_file
from careercompare.catalog.loader import validate_catalog
from careercompare.cli.app import app as cli_app
from careercompare.errors import CatalogError, FileError
from careercompare.output_file import write_atomically
from careercompare.render import write


def test_ctrl_c_ends_with_exit_130_and_no_traceback(
    run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(write, "write_result", interrupted)
    result = run("table")
    assert result.exit_code == 130
    assert result.stderr == "careercompare: interrupted\n"


def test_unexpected_error_is_one_line_without_locals(
    run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = "local-value-that-must-not-leak"

    def broken(*args: object, **kwargs: object) -> None:
        hidden = secret  # noqa: F841 - a local that a pretty traceback would show
        raise RuntimeError("boom")

    monkeypatch.setattr(write, "write_result", broken)
    result = run("table")
    assert result.exit_code == 70
    [line] = result.stderr.splitlines()
    assert line.startswith("careercompare: error: internal error (RuntimeError: boom)")
    assert "CAREERCOMPARE_DEBUG=1" in line
    assert secret not in result.stderr


def test_debug_variable_shows_the_full_traceback(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(write, "write_result", broken)
    monkeypatch.setenv("CAREERCOMPARE_DEBUG", "1")
    with pytest.raises(RuntimeError, match="boom"):
        run("table")


def test_typer_pretty_exceptions_never_show_locals() -> None:
    assert cli_app.pretty_exceptions_show_locals is False
    assert cli_app.pretty_exceptions_enable is False


def test_deeply_nested_json_ends_in_an_answer() -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    with pytest.raises(CatalogError) as caught:
        validate_catalog(deep, name="deep.json")
    assert caught.value.details


@pytest.mark.parametrize(
    ("where", "size"), [(("summary", "text"), 1_000_000), (("name",), 1_000_000)]
)
def test_text_too_long_to_draw_quickly_is_refused_at_once(
    catalog_data: dict[str, Any], where: tuple[str, ...], size: int
) -> None:
    import time

    target = catalog_data["roles"][0]
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = "x" * size
    started = time.monotonic()
    with pytest.raises(CatalogError) as caught:
        validate_catalog(json.dumps(catalog_data).encode(), name="big.json")
    assert time.monotonic() - started < 1
    assert f"roles[0].{'.'.join(where)}: String should have at most" in caught.value.details[0]


@pytest.mark.parametrize(
    ("field", "value"), [("amount", "50000"), ("amount", "5e4"), ("approximate", "true")]
)
def test_numbers_and_flags_in_quotes_are_refused(
    catalog_data: dict[str, Any], field: str, value: str
) -> None:
    catalog_data["roles"][0]["salary"][0][field] = value
    with pytest.raises(CatalogError) as caught:
        validate_catalog(json.dumps(catalog_data).encode(), name="quoted.json")
    assert f"roles[0].salary[0].{field}:" in caught.value.details[0]


def test_ten_thousand_aliases_validate_and_clashes_are_found(catalog_data: dict[str, Any]) -> None:
    catalog_data["roles"][0]["aliases"] = [f"alias {n}" for n in range(10_000)]
    catalog = validate_catalog(json.dumps(catalog_data).encode(), name="aliases.json")
    assert len(catalog.roles[0].aliases) == 10_000
    catalog_data["roles"][1]["aliases"] = ["ALIAS 9999"]
    with pytest.raises(CatalogError) as caught:
        validate_catalog(json.dumps(catalog_data).encode(), name="aliases.json")
    assert caught.value.details == (
        "roles[1].aliases[0]: alias 'ALIAS 9999' already names roles[0] (medical-assistant)",
    )


def test_a_device_is_refused(run: Any) -> None:
    result = run("--data", os.devnull, "table")
    assert result.exit_code == 1
    assert "is not a regular file" in result.stderr


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "catalog.json"
    target.write_text("old content")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output_file.os, "fsync", disk_full)
    with pytest.raises(FileError, match="could not be written \\(No space left on device\\)"):
        write_atomically(target, "new content", force=True)
    assert target.read_text() == "old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalog.json"]


def test_writing_over_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileError, match="is a folder"):
        write_atomically(tmp_path, "x", force=True)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into read-only directories")
def test_a_read_only_directory_is_a_one_line_error(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    with pytest.raises(FileError, match="cannot write in"):
        write_atomically(folder / "x.json", "x", force=False)
