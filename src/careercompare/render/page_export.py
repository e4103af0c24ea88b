"""The Rich rendering with its colours, recorded at a fixed width for a file."""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

from careercompare.render.rich_format import render_rich, side_by_side_width
from careercompare.terminal import make_console

if TYPE_CHECKING:
    from rich.console import Console

    from careercompare.results.base import ViewResult

FILE_WIDTH = 100
_ADDRESS = re.compile(r"https?://[^\s<>|'\\]+")


def recorded_console(result: ViewResult) -> Console:
    """A console that has drawn the result in colour, ready to export: as wide as the
    longest web address needs (a page has no terminal to wrap it) and as its tables need
    to stay side by side for any number of roles (the page scrolls), 100 columns at least."""
    blocks = result.shown_blocks()
    addresses = [len(found) for block in blocks for found in _ADDRESS.findall(repr(block))]
    width = max([FILE_WIDTH, side_by_side_width(blocks), *(length + 8 for length in addresses)])
    console = make_console(
        io.StringIO(), width=width, record=True, force_terminal=True, color_system="truecolor"
    )
    render_rich(blocks, console)
    return console
