"""`--output FILE`: the extension picks the format; files are written safely."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from careercompare.entry import main
from tests.conftest import ROOT

VIEWS = [("table",), ("salary",), ("outlook",), ("faq",), ("show", "ma"), ("paths", "ma")]


@pytest.mark.parametrize("args", VIEWS, ids=lambda a: a[0])
@pytest.mark.parametrize("extension", [".html", ".svg", ".md", ".json", ".txt"])
def test_every_view_writes_every_file_format(
    run: Any, tmp_path: Path, args: tuple[str, ...], extension: str
) -> None:
    target = tmp_path / f"out{extension}"
    result = run(*args, "--output", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    text = target.read_text(encoding="utf-8")
    assert "Sources" in text or extension == ".json"
    if extension == ".html":
        assert text.startswith("<!DOCTYPE html>") and "</html>" in text
    elif extension == ".svg":
        assert text.startswith("<svg") and text.rstrip().endswith("</svg>")
    elif extension == ".json":
        assert json.loads(text)["view"] == args[0]
    elif extension == ".txt":
        assert text.isascii()


def test_csv_files_for_tabular_views(run: Any, tmp_path: Path) -> None:
    target = tmp_path / "salary.csv"
    assert run("salary", "-o", str(target)).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert rows[0]["figure_id"] == "oews-31-9092-99-median"  # newest first
    assert rows[0]["as_of"] == "May 2025" and rows[0]["amount"] == "45690"
    assert "ma-indeed-average" in [row["figure_id"] for row in rows]


def test_an_extension_the_view_cannot_write_is_a_usage_error(run: Any, tmp_path: Path) -> None:
    for args, name in [(("show", "ma"), "x.csv"), (("table",), "x.pdf")]:
        result = run(*args, "--output", str(tmp_path / name))
        assert result.exit_code == 2
        assert "writes .txt, .md, .html, .svg" in result.stderr
        assert not (tmp_path / name).exists()


def test_an_existing_file_is_replaced_only_with_force(run: Any, tmp_path: Path) -> None:
    target = tmp_path / "table.md"
    target.write_text("keep me")
    result = run("table", "--output", str(target))
    assert result.exit_code == 1
    assert "already exists; add --force" in result.stderr
    assert target.read_text() == "keep me"
    assert run("table", "--output", str(target), "--force").exit_code == 0
    assert target.read_text().startswith("# Medical assistant vs Medical office assistant")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["table.md"]


def test_a_missing_directory_is_a_one_line_error(run: Any, tmp_path: Path) -> None:
    result = run("faq", "--output", str(tmp_path / "missing" / "faq.md"))
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1


def _svg_text(svg: str) -> list[str]:
    return [t for t in re.findall(r">([^<>]+)</text>", svg) if t.strip()]


@pytest.mark.parametrize("view", ["table", "salary"])
def test_readme_images_are_up_to_date_with_the_catalog(
    view: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fresh = tmp_path / f"{view}.svg"
    assert main([view, "--output", str(fresh)]) == 0
    committed = ROOT / "docs" / f"{view}.svg"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"docs/{view}.svg" in readme
    assert f"careercompare {view} --output docs/{view}.svg --force" in readme
    assert _svg_text(fresh.read_text()) == _svg_text(committed.read_text()), (
        f"regenerate: careercompare {view} --output docs/{view}.svg --force"
    )
