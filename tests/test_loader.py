"""Finding and reading catalog files: the bundled one, --data, CAREERCOMPARE_DATA, bad paths."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from careercompare.catalog import loader
from careercompare.catalog.loader import active_catalog_path, bundled_catalog_path, load_catalog
from careercompare.errors import CatalogError
from tests.conftest import Result


def test_bundled_catalog_is_found_and_valid() -> None:
    catalog = load_catalog(bundled_catalog_path())
    assert {"medical-assistant", "medical-office-assistant"} <= {r.id for r in catalog.roles}


def test_option_wins_over_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREERCOMPARE_DATA", "/from/env.json")
    assert active_catalog_path("/from/option.json") == Path("/from/option.json")
    assert active_catalog_path(None) == Path("/from/env.json")
    monkeypatch.delenv("CAREERCOMPARE_DATA")
    assert active_catalog_path(None) == bundled_catalog_path()


def test_missing_file_says_how_to_fix_it(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match=r"no such file; give the path of a catalog"):
        load_catalog(tmp_path / "absent.json")


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="is a directory"):
        load_catalog(tmp_path)


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(CatalogError, match="is not a regular file"):
        load_catalog(fifo)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_is_refused(write_catalog: Callable[[Any], Path]) -> None:
    path = write_catalog("{}")
    path.chmod(0)
    with pytest.raises(CatalogError, match="cannot be read"):
        load_catalog(path)


def test_oversized_file_is_refused_before_it_is_read(
    write_catalog: Callable[[Any], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader, "MAX_CATALOG_BYTES", 10)
    path = write_catalog("{" + " " * 20 + "}")
    with pytest.raises(CatalogError, match="over the 10-byte limit"):
        load_catalog(path)


def test_data_option_and_environment_reach_every_command(
    run: Any,
    write_catalog: Callable[[Any], Path],
    catalog_data: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    catalog_data["roles"][0]["name"] = "Renamed assistant"
    path = write_catalog(catalog_data)
    result: Result = run("--data", str(path), "roles", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["roles"][0]["name"] == "Renamed assistant"
    monkeypatch.setenv("CAREERCOMPARE_DATA", str(path))
    assert "Renamed assistant" in run("table").stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "is empty"),
        (b"\xff", "is not UTF-8 text"),
        (b"{", "not a valid catalog"),
        (b'{"roles": 3}', "not a valid catalog"),
    ],
)
def test_bad_data_ends_with_exit_1_and_no_traceback(
    run: Any, tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "bad.json"
    if content is not None:
        path.write_bytes(content)
    for args in (("--data", str(path), "table"), ("validate", str(path))):
        result = run(*args)
        assert result.exit_code == 1
        assert result.stdout == ""
        first = result.stderr.splitlines()[0]
        assert first.startswith(f"careercompare: error: {path}: ")
        assert message in first
        assert "Traceback" not in result.stderr
        assert "pydantic.dev" not in result.stderr
