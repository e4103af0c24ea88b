"""The `svg` format: the view as the terminal shows it, as a picture."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careercompare.render.page_export import recorded_console

if TYPE_CHECKING:
    from careercompare.terminal import Terminal
    from careercompare.views.base import ViewResult


def render(result: ViewResult, terminal: Terminal) -> str:
    """The registry's entry point."""
    return recorded_console(result).export_svg(title=f"careercompare {result.VIEW}")
