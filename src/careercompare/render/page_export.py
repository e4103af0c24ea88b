"""The Rich rendering with its colours, recorded at a fixed width for a file."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from careercompare.render.rich_format import render_rich
from careercompare.terminal import make_console

if TYPE_CHECKING:
    from rich.console import Console

    from careercompare.views.base import ViewResult

FILE_WIDTH = 100


def recorded_console(result: ViewResult) -> Console:
    """A console that has drawn the result in colour, ready to export."""
    console = make_console(
        io.StringIO(), width=FILE_WIDTH, record=True, force_terminal=True, color_system="truecolor"
    )
    render_rich(result.blocks(), console)
    return console
