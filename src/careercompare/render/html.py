"""The `html` format: the view as the terminal shows it, as a complete web page."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from careercompare.render.page_export import recorded_console

if TYPE_CHECKING:
    from careercompare.results.base import ViewResult
    from careercompare.terminal import Terminal


def render(result: ViewResult, terminal: Terminal) -> str:
    """The registry's entry point: a page with a title, its addresses as links."""
    from rich._export_format import CONSOLE_HTML_FORMAT

    title = html.escape(f"careercompare {result.VIEW}")
    page = CONSOLE_HTML_FORMAT.replace("<head>", f"<head>\n<title>{title}</title>", 1)
    return recorded_console(result).export_html(code_format=page)
