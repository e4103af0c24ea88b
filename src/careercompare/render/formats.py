"""The output formats: one registry entry each, from `--format` names to renderers.

A format is a name, the file extension `--output` knows it by, what it needs of a
view's result and the function that renders it (imported only when used). Help
texts, error messages and the file writer all read this list. Adding a format is
one module with a `render(result, terminal)` function and one entry below.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from careercompare.results.base import ViewResult
    from careercompare.terminal import Terminal


class Needs(Enum):
    """What a format needs of a view's result."""

    BLOCKS = "blocks"  # every result presents itself as blocks
    DATA = "data"  # every result serialises to JSON data
    RECORDS = "records"  # only results with records() (results.base.Tabular)


class FormatName(StrEnum):
    """The --format choices; one per entry of FORMATS (a test holds them equal)."""

    RICH = "rich"
    PLAIN = "plain"
    MARKDOWN = "markdown"
    HTML = "html"
    SVG = "svg"
    JSON = "json"
    CSV = "csv"


class Renderer(Protocol):
    """Turns a view's result into the text of one format."""

    def __call__(self, result: ViewResult, terminal: Terminal) -> str: ...


@dataclass(frozen=True)
class Format:
    """One output format."""

    name: FormatName
    extension: str | None
    needs: Needs
    module: str
    description: str

    def render(self, result: ViewResult, terminal: Terminal) -> str:
        """The result in this format; the renderer module is imported here, on first use."""
        renderer: Renderer = importlib.import_module(self.module).render
        return renderer(result, terminal)

    def supports(self, result: ViewResult) -> bool:
        """True when the result has what this format needs."""
        if self.needs is Needs.RECORDS:
            from careercompare.results.base import Tabular

            return isinstance(result, Tabular)
        return True


FORMATS: tuple[Format, ...] = (
    Format(
        FormatName.RICH, None, Needs.BLOCKS, "careercompare.render.rich_format", "tables and colour"
    ),
    Format(FormatName.PLAIN, ".txt", Needs.BLOCKS, "careercompare.render.plain", "ASCII text"),
    Format(FormatName.MARKDOWN, ".md", Needs.BLOCKS, "careercompare.render.markdown", "Markdown"),
    Format(FormatName.HTML, ".html", Needs.BLOCKS, "careercompare.render.html", "a web page"),
    Format(FormatName.SVG, ".svg", Needs.BLOCKS, "careercompare.render.svg", "an SVG picture"),
    Format(FormatName.JSON, ".json", Needs.DATA, "careercompare.render.json_format", "JSON"),
    Format(FormatName.CSV, ".csv", Needs.RECORDS, "careercompare.render.csv_format", "CSV records"),
)
FORMAT_NAMES: tuple[str, ...] = tuple(f.name for f in FORMATS)
DEFAULT_FORMAT = FormatName.RICH


def format_named(name: str) -> Format:
    """The format of a --format name (any case)."""
    wanted = name.lower()
    return next(f for f in FORMATS if f.name == wanted)


def format_for_extension(extension: str) -> Format | None:
    """The format a file extension stands for ('.md': markdown), if any."""
    wanted = extension.lower()
    return next((f for f in FORMATS if f.extension == wanted), None)


def extensions() -> tuple[str, ...]:
    """Every extension --output knows."""
    return tuple(f.extension for f in FORMATS if f.extension)
