"""Every view of the test catalog in every format it offers, without the command line:
pinned for the text formats, well formed for the pages, and never wider than the
terminal from 40 to 200 columns."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from rich.cells import cell_len

from careercompare.render.formats import FORMATS, Format, FormatName
from careercompare.render.rich_format import render_rich
from careercompare.results.blocks import Comparison, texts
from careercompare.terminal import make_console
from tests.results import VIEWS, build, relocated
from tests.snapshots import assert_snapshot

PINNED = (FormatName.RICH, FormatName.PLAIN, FormatName.MARKDOWN, FormatName.JSON, FormatName.CSV)
WIDTHS = (40, 60, 80, 100, 120, 160, 200)
ESCAPE = re.compile(r"\x1b")


def _offered(formats: tuple[FormatName, ...]) -> list[tuple[str, Format]]:
    return [
        (view, chosen)
        for view in VIEWS
        for chosen in FORMATS
        if chosen.name in formats and chosen.supports(build(view))
    ]


def _rendered(view: str, chosen: Format) -> str:
    from careercompare.terminal import Terminal

    # where the bundled files sit differs by machine
    return chosen.render(relocated(build(view)), Terminal(stdout=io.StringIO()))


@pytest.mark.parametrize(
    ("view", "chosen"), _offered(PINNED), ids=lambda v: v if isinstance(v, str) else v.name
)
def test_every_view_of_the_test_catalog_is_pinned_in_every_text_format(
    view: str, chosen: Format
) -> None:
    text = _rendered(view, chosen)
    assert not ESCAPE.search(text)  # not a terminal: no colour, no links
    assert_snapshot(f"mini/{view}.{chosen.name}", text)


@pytest.mark.parametrize(
    ("view", "chosen"),
    _offered((FormatName.JSON, FormatName.CSV)),
    ids=lambda v: v if isinstance(v, str) else v.name,
)
def test_the_machine_formats_read_back(view: str, chosen: Format) -> None:
    text = _rendered(view, chosen)
    if chosen.name is FormatName.JSON:
        data = json.loads(text)
        assert (data["view"], type(data["version"])) == (build(view).VIEW, int)
    else:
        rows = list(csv.DictReader(io.StringIO(text)))
        assert rows, "a CSV has a header and rows"
        assert all(None not in row for row in rows)  # no row longer than the header


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_of_the_test_catalog_makes_a_well_formed_page_and_picture(view: str) -> None:
    for name in (FormatName.HTML, FormatName.SVG):
        chosen = next(f for f in FORMATS if f.name is name)
        page = _rendered(view, chosen)
        if name is FormatName.SVG:
            ET.fromstring(page)  # raises on a broken picture
            assert "http://" not in page.replace("http://www.w3.org/", "")
        else:
            assert page.startswith("<!DOCTYPE html>")
            assert f"<title>careercompare {build(view).VIEW}</title>" in page


def _words(value: object) -> Iterator[str]:
    """The words of every text in the blocks (letters and digits: a table may break a
    word at a hyphen)."""
    for text in texts(value):
        yield from re.findall(r"[A-Za-z0-9]+", text)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("view", VIEWS)
def test_no_line_is_wider_than_the_terminal_and_no_word_is_lost(view: str, width: int) -> None:
    blocks = build(view).shown_blocks()
    out = io.StringIO()
    render_rich(blocks, make_console(out, width=width))
    lines = out.getvalue().splitlines()
    # every word but a comparison's corner label, which the stacked layout leaves out
    words = set(_words(blocks)) - {
        w for b in blocks if isinstance(b, Comparison) for w in _words(b.corner)
    }
    long_words = {word for line in lines for word in line.split() if cell_len(word) > width}
    too_wide = [line for line in lines if cell_len(line.rstrip()) > width]
    # only a word longer than the line (a web address) may stand past it, for the terminal
    assert all(any(word in line for word in long_words) for line in too_wide), too_wide
    assert words <= set(re.findall(r"[A-Za-z0-9]+", out.getvalue()))
