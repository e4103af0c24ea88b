"""`--output FILE`: the extension picks the format; files are written safely."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from careercompare.cli.entry import main
from careercompare.errors import UsageError
from careercompare.render.formats import FORMATS
from careercompare.render.write import write_result
from careercompare.results.base import CitingResult
from careercompare.terminal import Terminal
from tests.conftest import ROOT
from tests.results import VIEWS as RESULT_VIEWS
from tests.results import build

EXTENSIONS = [".html", ".svg", ".md", ".json", ".txt", ".csv"]


@pytest.mark.parametrize("extension", EXTENSIONS)
@pytest.mark.parametrize("view", RESULT_VIEWS)
def test_every_view_writes_every_file_format_it_offers(
    tmp_path: Path, view: str, extension: str
) -> None:
    result = build(view)
    target = tmp_path / f"out{extension}"
    terminal = Terminal(stdout=io.StringIO(), stderr=io.StringIO())
    offered = [f.extension for f in FORMATS if f.supports(result)]
    if extension not in offered:
        with pytest.raises(UsageError, match=re.escape("writes .txt, .md, .html, .svg")):
            write_result(result, format_name="rich", output=target, force=False, terminal=terminal)
        assert not target.exists()
        return
    write_result(result, format_name="rich", output=target, force=False, terminal=terminal)
    assert terminal.stdout.getvalue() == ""
    assert terminal.stderr is not None and f"wrote {target}" in terminal.stderr.getvalue()
    text = target.read_text(encoding="utf-8")
    cites = isinstance(result, CitingResult) and result.sources
    assert "Sources" in text or not cites or extension in (".json", ".csv")
    if extension == ".html":
        assert text.startswith("<!DOCTYPE html>") and "</html>" in text
    elif extension == ".svg":
        assert text.startswith("<svg") and text.rstrip().endswith("</svg>")
    elif extension == ".json":
        assert json.loads(text)["view"] == result.VIEW
    elif extension == ".txt":
        assert text.isascii()
    elif extension == ".csv":
        assert list(csv.DictReader(io.StringIO(text)))


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


@pytest.mark.shipped
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


def test_the_html_page_has_a_title_and_links(run: Any, tmp_path: Path) -> None:
    page = tmp_path / "table.html"
    assert run("table", "--output", str(page)).exit_code == 0
    html = page.read_text()
    assert "<title>careercompare table</title>" in html
    url = "https://www.bls.gov/ooh/office-and-administrative-support/secretaries-and-administrative-assistants.htm"
    assert f'href="{url}">{url}</a>' in html


def test_the_svg_loads_nothing_from_the_network_and_links_its_addresses(
    run: Any, tmp_path: Path
) -> None:
    picture = tmp_path / "table.svg"
    assert run("table", "--output", str(picture)).exit_code == 0
    svg = picture.read_text()
    assert "@font-face" not in svg and "cdnjs" not in svg
    assert '<a href="https://www.onetonline.org/link/summary/31-9092.00">' in svg


def test_an_address_is_one_link_in_a_terminal_and_never_broken(
    run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    plain = run("table").stdout
    url = "https://www.onetonline.org/link/summary/31-9092.00"
    assert f"    {url}\n" in plain
    monkeypatch.setenv("FORCE_COLOR", "1")
    linked = run("table").stdout
    assert f";{url}\x1b\\{url}\x1b]8;;\x1b\\" in linked
