"""The `markdown` format: GitHub-flavoured tables and lists that render when pasted."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, assert_never

from careercompare.render.bars import UNICODE_BARS, axis_line, draw_bar, legend
from careercompare.results import blocks as layout
from careercompare.results.inline import Bound, Cite, Gap, Text, plain, runs_of
from careercompare.sanitize import sanitize

if TYPE_CHECKING:
    from careercompare.results.base import ViewResult
    from careercompare.terminal import Terminal

MARKDOWN_BAR_WIDTH = 60
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~#!$])")
# What would make a line a list item, quote or heading underline: escaped by a backslash
# before its punctuation ("1\. ", never "\1. ", which Markdown shows as a backslash).
_LINE_START = re.compile(r"^(\s*)([-+>=]|\d+(?=[.)](?:\s|$)))")
# An address ends before a quote, and never in the punctuation of the sentence it is in.
_URL = re.compile(r"https?://[^\s<>|\"'\\]+[^\s<>|\"'\\.,;:)]")


def escape(text: Text) -> str:
    """Text for people as literal Markdown: no markup, links, HTML or table breaks of
    its own; a gap ("not in sources") in italics, as the terminal shows it."""
    shown = []
    for position, run in enumerate(runs_of(text)):
        match run:
            case str():
                shown.append(_escape_words(run, at_start=position == 0))
            case Gap():
                shown.append(f"*{_escape_words(str(run), at_start=False)}*")
            case Cite() | Bound():
                shown.append(_escape_words(str(run), at_start=position == 0))
            case _:
                assert_never(run)
    return "".join(shown)


def _escape_words(text: str, *, at_start: bool) -> str:
    parts = []
    last = 0
    clean = sanitize(text)
    for match in _URL.finditer(clean):
        parts.append(_escape_plain(clean[last : match.start()], at_start=at_start and last == 0))
        parts.append(f"<{match.group(0)}>")
        last = match.end()
    parts.append(_escape_plain(clean[last:], at_start=at_start and last == 0))
    return "".join(parts)


def _escape_plain(text: str, *, at_start: bool) -> str:
    escaped = _SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(_escape_marker, escaped) if at_start else escaped


def _escape_marker(match: re.Match[str]) -> str:
    space, marker = match.groups()
    return f"{space}{marker}\\" if marker[0].isdigit() else f"{space}\\{marker}"


def render(result: ViewResult, terminal: Terminal) -> str:
    """The registry's entry point."""
    return render_markdown(result.shown_blocks())


def render_markdown(blocks: tuple[layout.Block, ...]) -> str:
    """The whole view as a Markdown document."""
    chunks = ["\n".join(_block_lines(block)) for block in blocks]
    return "\n\n".join(chunk for chunk in chunks if chunk) + "\n"


def _table(header: tuple[str, ...], rows: list[tuple[Text, ...]]) -> Iterator[str]:
    yield "| " + " | ".join(escape(cell) for cell in header) + " |"
    yield "|" + "|".join(" --- " for _ in header) + "|"
    for row in rows:
        yield "| " + " | ".join(escape(cell) for cell in row) + " |"


def _block_lines(block: layout.Block) -> Iterator[str]:
    match block:
        case layout.Heading():
            yield f"{'#' * min(block.level, 6)} {escape(block.text)}"
        case layout.Paragraph():
            yield f"_{escape(block.text)}_" if block.note else escape(block.text)
        case layout.BulletList():
            yield from (f"{marker} {escape(item)}" for marker, item in block.marked())
        case layout.FieldList():
            for label, value in block.pairs:
                yield f"- **{escape(label)}:** {escape(value)}"
        case layout.Comparison():
            yield from _table(
                (block.corner, *block.columns), [(label, *cells) for label, cells in block.rows]
            )
        case layout.Records():
            yield from _table(block.columns, list(block.rows))
        case layout.BarChart():
            yield from _chart_lines(block)
        case layout.TreeNode():
            yield from _tree_lines(block, 0)
        case layout.SourceList():
            yield "## Sources\n"
            for number, entry in enumerate(block.entries, 1):
                yield f"{number}. {escape(entry)}"
        case _:
            assert_never(block)


def _chart_lines(chart: layout.BarChart) -> Iterator[str]:
    yield "```text"
    for bar in chart.bars:
        yield sanitize(f"{bar.label}: {plain(bar.caption)}").replace("`", "'")
        drawn = draw_bar(
            bar, start=chart.start, end=chart.end, width=MARKDOWN_BAR_WIDTH, charset=UNICODE_BARS
        )
        yield f"  {drawn}"
    yield "  " + axis_line(chart, MARKDOWN_BAR_WIDTH)
    if chart.ranges:
        yield legend(UNICODE_BARS)
    yield "```"


def _tree_lines(node: layout.TreeNode, depth: int) -> Iterator[str]:
    yield f"{'  ' * depth}- {escape(node.text)}"
    for child in node.children:
        yield from _tree_lines(child, depth + 1)
