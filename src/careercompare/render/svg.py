"""The `svg` format: the view as the terminal shows it, as a picture."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from careercompare.render.page_export import recorded_console

if TYPE_CHECKING:
    from careercompare.results.base import ViewResult
    from careercompare.terminal import Terminal


_FONT_FACE = re.compile(r"@font-face \{\{.*?\}\}\s*", re.S)
_ADDRESS_TEXT = re.compile(r"(<text [^>]*>)(https?://[^<]+)(</text>)")


def render(result: ViewResult, terminal: Terminal) -> str:
    """The registry's entry point: a picture that loads no font from the network (it is
    opened offline), its addresses as links."""
    from rich._export_format import CONSOLE_SVG_FORMAT

    offline = _FONT_FACE.sub("", CONSOLE_SVG_FORMAT).replace(
        "font-family: Fira Code, monospace", "font-family: 'DejaVu Sans Mono', Menlo, monospace"
    )
    picture = recorded_console(result).export_svg(
        title=f"careercompare {result.VIEW}", code_format=offline
    )
    return _ADDRESS_TEXT.sub(r'<a href="\2">\1\2\3</a>', picture)
