"""Text from a catalog is data: it never controls the terminal, Markdown or a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from careercompare.render.csv_format import csv_cell
from careercompare.sanitize import sanitize, visible

HOSTILE = (
    "[bold]Loud[/] :bus: \x1b[31mred\x1b[0m \x1b]0;title\x07 \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\"
    " \x1b[2J\x1b[H \u202eevil\u202c \x07\x08 | pipe\nnewline <b>html</b>"
)


@pytest.fixture
def hostile_catalog(tmp_path: Path, catalog_data: dict[str, Any]) -> Path:
    ma = catalog_data["roles"][0]
    ma["name"] = "Medical assistant " + HOSTILE
    ma["comparison"]["primary-focus"]["text"] = HOSTILE
    ma["summary"]["text"] = HOSTILE
    catalog_data["faq"][0]["answer"] = "=HYPERLINK(1) " + HOSTILE
    catalog_data["sources"][0]["title"] = HOSTILE
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(catalog_data))
    return path


def test_sanitize_strips_sequences_controls_and_bidi_overrides() -> None:
    clean = sanitize(HOSTILE)
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in clean)
    assert "\u202e" not in clean
    assert "[bold]Loud[/] :bus: red" in clean


def test_visible_shows_controls_as_escapes_and_leaves_none() -> None:
    assert visible("ma=\x1b[2J6") == "ma=\\x1b[2J6"
    assert visible("zz\u202eyy\u200b") == "zz\\u202eyy\\u200b"
    assert visible("a\n\tb  c") == "a b c"
    assert visible("Médico assistant") == "Médico assistant"
    assert visible("".join(map(chr, range(0x20)))).isprintable()


def test_an_error_quoting_typed_control_characters_shows_them_escaped(run: Any) -> None:
    result = run("payback", "ma", "--current-pay", "30000", "--months", "ma=\x1b[2J6")
    assert result.exit_code == 2 and "\x1b" not in result.stderr
    assert "not 'ma=\\x1b[2J6'" in result.stderr  # not 'ma=6', which would be a good value
    unknown = run("show", "zz\u202eyy")
    assert "unknown role 'zz\\u202eyy'" in unknown.stderr and "\u202e" not in unknown.stderr


@pytest.mark.parametrize("fmt", ["rich", "plain", "markdown"])
@pytest.mark.parametrize("view", [("table",), ("faq",), ("show", "ma"), ("salary",)])
def test_hostile_text_renders_sanitize(
    run: Any,
    hostile_catalog: Path,
    monkeypatch: pytest.MonkeyPatch,
    view: tuple[str, ...],
    fmt: str,
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    result = run("--data", str(hostile_catalog), *view, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    # the only OSC sequences are careercompare's own links to web addresses (OSC 8)
    out = re.sub(r"\x1b\]8;(id=\d+)?;(https?://[^\x1b\x07\s]*)?\x1b\\", "", out)
    for forbidden in ("\x1b]", "\x1b[2J", "\x1b[H", "\x1b[31m", "\u202e", "\x07", "\x08"):
        assert forbidden not in out
    if fmt != "markdown":
        assert "[bold]Loud[/]" in out
        assert ":bus:" in out and "🚌" not in out


def test_markdown_escapes_markup_pipes_and_html(run: Any, hostile_catalog: Path) -> None:
    out = run("--data", str(hostile_catalog), "table", "--format", "markdown").stdout
    row = next(line for line in out.splitlines() if line.startswith("| Primary focus"))
    assert row.count(" | ") == 2
    assert "\\| pipe" in row
    assert "\\<b\\>html\\</b\\>" in row


def test_json_escapes_control_characters(run: Any, hostile_catalog: Path) -> None:
    out = run("--data", str(hostile_catalog), "show", "ma", "--json").stdout
    assert "\x1b" not in out
    assert "\\u001b[31m" in out
    assert json.loads(out)["role"]["summary"]["text"] == HOSTILE


def test_csv_neutralises_formulas(run: Any, hostile_catalog: Path) -> None:
    out = run("--data", str(hostile_catalog), "faq", "--format", "csv").stdout
    answers = [row["answer"] for row in csv.DictReader(io.StringIO(out))]
    assert answers[0].startswith("'=HYPERLINK(1)")
    assert "\x1b" not in out


@pytest.mark.parametrize(
    "value", ["=1+1", "+1+1", "-1-1", "+1 (x)", "+cmd|' /C calc'!A0", "@SUM(A1)", "\tx", "\rx"]
)
def test_csv_cells_that_look_like_formulas_are_quoted(value: str) -> None:
    cell = csv_cell(value)
    assert isinstance(cell, str) and cell.startswith("'")


@pytest.mark.parametrize("value", ["+12.5%", "-3.1%", "+101,200", "-7", "+0.5"])
def test_csv_plain_signed_numbers_are_written_as_numbers(value: str) -> None:
    assert csv_cell(value) == value


def test_the_table_csv_outlook_is_a_number_with_its_period_beside_it(run: Any) -> None:
    rows = list(csv.DictReader(io.StringIO(run("table", "--format", "csv").stdout)))
    outlook = [row for row in rows if row["category"] == "outlook"]
    assert [(row["value"], row["period"]) for row in outlook] == [
        ("+12.5%", "2024-2034"),
        ("+4.2%", "2024-2034"),
    ]


@pytest.mark.parametrize(
    "view", ["table", "salary", "outlook", "faq", "roles", "show ma", "paths ma", "table -f json"]
)
def test_piping_into_head_ends_quietly(view: str) -> None:
    command = f"{sys.executable} -m careercompare {view} --format plain | head -1"
    done = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {command}"], capture_output=True, text=True
    )
    assert done.stdout.strip()
    assert "Traceback" not in done.stderr
    assert done.stderr == ""


@pytest.mark.parametrize("args", [("show", "ma"), ("table",), ("salary", "--format", "plain")])
def test_a_reader_that_goes_away_ends_with_141_and_no_message(args: tuple[str, ...]) -> None:
    reader = subprocess.Popen(
        [sys.executable, "-m", "careercompare", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.close()  # gone before the first line arrives
    code = reader.wait(timeout=60)
    with reader.stderr:
        said = reader.stderr.read()
    assert code == 141
    assert said == b""


@pytest.mark.parametrize("args", [("roles", "--all", "--json"), ("roles", "--all", "-f", "plain")])
def test_a_reader_that_leaves_after_one_line_of_a_large_output_ends_it_with_141(
    args: tuple[str, ...],
) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-m", "careercompare", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert writer.stdout is not None and writer.stderr is not None
    assert writer.stdout.readline()  # one line of 100 KB or more, then the reader leaves
    writer.stdout.close()
    code = writer.wait(timeout=60)
    with writer.stderr:
        said = writer.stderr.read()
    assert (code, said) == (141, b"")


def test_an_address_with_a_quote_never_leaves_its_attribute(
    run: Any, tmp_path: Path, catalog_data: dict[str, Any]
) -> None:
    catalog_data["roles"][0]["summary"]["text"] = (
        'See https://x.example/"onmouseover="alert(1)" now.'
    )
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(catalog_data))
    page = tmp_path / "page.html"
    assert run("--data", str(path), "show", "ma", "-o", str(page)).exit_code == 0
    html = page.read_text()
    assert 'href="https://x.example/"' in html
    assert 'href="https://x.example/"onmouseover' not in html


def test_a_markdown_link_ends_before_the_sentence_does(run: Any) -> None:
    out = run("table", "--format", "markdown").stdout
    assert "(<https://www.bls.gov/oes/tables.htm>)." in out
    assert "tables.htm).>" not in out


@pytest.mark.parametrize(
    "url",
    ['https://x.example/"onmouseover="alert(1)"', "https://x.example/<b>", "https://x/\x07a"],
)
def test_a_source_address_no_link_can_carry_is_refused_by_the_schema(
    run: Any, tmp_path: Path, catalog_data: dict[str, Any], url: str
) -> None:
    catalog_data["sources"][0]["url"] = url
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(catalog_data))
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert "sources" in result.stderr and "url" in result.stderr
