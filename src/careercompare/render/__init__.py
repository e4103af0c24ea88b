"""Renderers: one module per output format, chosen by `render_text` or `render_rich`."""

from __future__ import annotations

from collections.abc import Callable

from careercompare.document import View
from careercompare.render.formats import OutputFormat
from careercompare.render.machine import render_csv, render_json
from careercompare.render.markdown import render_markdown
from careercompare.render.plain import render_plain

TEXT_RENDERERS: dict[OutputFormat, Callable[[View], str]] = {
    OutputFormat.plain: lambda view: render_plain(view.blocks),
    OutputFormat.markdown: lambda view: render_markdown(view.blocks),
    OutputFormat.json: render_json,
    OutputFormat.csv: render_csv,
}


def render_text(view: View, output_format: OutputFormat) -> str:
    """The view in a text format (every format but `rich`)."""
    return TEXT_RENDERERS[output_format](view)
