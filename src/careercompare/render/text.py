"""The text formats (every format but `rich`), each drawn by its own module."""

from __future__ import annotations

from careercompare.document import View
from careercompare.render.formats import OutputFormat


def render_text(view: View, output_format: OutputFormat) -> str:
    """The view in a text format; only the chosen format's renderer is imported."""
    if output_format is OutputFormat.plain:
        from careercompare.render.plain import render_plain

        return render_plain(view.blocks)
    if output_format is OutputFormat.markdown:
        from careercompare.render.markdown import render_markdown

        return render_markdown(view.blocks)
    if output_format is OutputFormat.json:
        from careercompare.render.machine import render_json

        return render_json(view)
    if output_format is OutputFormat.csv:
        from careercompare.render.machine import render_csv

        return render_csv(view)
    raise ValueError(f"{output_format.value} is not a text format")
