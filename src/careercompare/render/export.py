"""Writing a view to a file whose extension picks the format."""

from __future__ import annotations

import io
from pathlib import Path

from careercompare.document import View
from careercompare.errors import UsageError
from careercompare.render.formats import OutputFormat

FILE_WIDTH = 100
RICH_EXTENSIONS = (".html", ".svg")
TEXT_EXTENSIONS = {
    ".md": OutputFormat.markdown,
    ".json": OutputFormat.json,
    ".csv": OutputFormat.csv,
    ".txt": OutputFormat.plain,
}


def allowed_extensions(formats: tuple[OutputFormat, ...]) -> list[str]:
    """The file extensions a view can be written as, given the formats it supports."""
    return [*RICH_EXTENSIONS, *(ext for ext, fmt in TEXT_EXTENSIONS.items() if fmt in formats)]


def file_content(view: View, path: Path, formats: tuple[OutputFormat, ...]) -> str:
    """The view rendered for a file; an extension the view cannot produce is a usage error."""
    extension = path.suffix.lower()
    allowed = allowed_extensions(formats)
    if extension not in allowed:
        raise UsageError(
            f"cannot write '{path.name}': '{view.name}' writes {', '.join(allowed)} files"
        )
    if extension in RICH_EXTENSIONS:
        return rich_export(view, svg=extension == ".svg")
    from careercompare.render.text import render_text

    return render_text(view, TEXT_EXTENSIONS[extension])


def rich_export(view: View, *, svg: bool) -> str:
    """The Rich rendering with its colours, as a complete HTML page or an SVG image."""
    from careercompare.output import make_console
    from careercompare.render.rich_format import render_rich

    console = make_console(
        io.StringIO(),
        width=FILE_WIDTH,
        record=True,
        force_terminal=True,
        color_system="truecolor",
    )
    render_rich(view.blocks, console)
    if svg:
        return console.export_svg(title=f"careercompare {view.name}")
    return console.export_html()
