"""The `markdown` format: GitHub-flavoured tables and lists that render when pasted."""

from __future__ import annotations

import re
from collections.abc import Iterator

from careercompare.document import (
    BarChart,
    Block,
    BulletList,
    Comparison,
    FieldList,
    Heading,
    Paragraph,
    Records,
    SourceList,
    TreeNode,
)
from careercompare.inert import inert
from careercompare.render.bars import UNICODE_BARS, axis_line, draw_bar

MARKDOWN_BAR_WIDTH = 60
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~#!$])")
_LINE_START = re.compile(r"^(\s*)([-+>=]|\d+[.)])")
_URL = re.compile(r"https?://[^\s<>]+")


def escape(text: str) -> str:
    """Catalog text as literal Markdown: no markup, links, HTML or table breaks."""
    parts = []
    last = 0
    clean = inert(text)
    for match in _URL.finditer(clean):
        parts.append(_escape_plain(clean[last : match.start()], at_start=last == 0))
        parts.append(f"<{match.group(0)}>")
        last = match.end()
    parts.append(_escape_plain(clean[last:], at_start=last == 0))
    return "".join(parts)


def _escape_plain(text: str, *, at_start: bool) -> str:
    escaped = _SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(r"\1\\\2", escaped) if at_start else escaped


def render_markdown(blocks: tuple[Block, ...]) -> str:
    """The whole view as a Markdown document."""
    chunks = ["\n".join(_block_lines(block)) for block in blocks]
    return "\n\n".join(chunk for chunk in chunks if chunk) + "\n"


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> Iterator[str]:
    yield "| " + " | ".join(escape(cell) for cell in header) + " |"
    yield "|" + "|".join(" --- " for _ in header) + "|"
    for row in rows:
        yield "| " + " | ".join(escape(cell) for cell in row) + " |"


def _block_lines(block: Block) -> Iterator[str]:
    if isinstance(block, Heading):
        yield f"{'#' * min(block.level, 6)} {escape(block.text)}"
    elif isinstance(block, Paragraph):
        yield f"_{escape(block.text)}_" if block.note else escape(block.text)
    elif isinstance(block, BulletList):
        for number, item in enumerate(block.items, 1):
            yield f"{number}. {escape(item)}" if block.numbered else f"- {escape(item)}"
    elif isinstance(block, FieldList):
        for label, value in block.pairs:
            yield f"- **{escape(label)}:** {escape(value)}"
    elif isinstance(block, Comparison):
        yield from _table(
            (block.corner, *block.columns), [(label, *cells) for label, cells in block.rows]
        )
    elif isinstance(block, Records):
        yield from _table(block.columns, list(block.rows))
    elif isinstance(block, BarChart):
        yield from _chart_lines(block)
    elif isinstance(block, TreeNode):
        yield from _tree_lines(block, 0)
    elif isinstance(block, SourceList):
        yield "## Sources\n"
        for number, entry in enumerate(block.entries, 1):
            yield f"{number}. {escape(entry)}"


def _chart_lines(chart: BarChart) -> Iterator[str]:
    yield "```text"
    for bar in chart.bars:
        yield inert(f"{bar.label}: {bar.caption}").replace("`", "'")
        drawn = draw_bar(
            bar, start=chart.start, end=chart.end, width=MARKDOWN_BAR_WIDTH, charset=UNICODE_BARS
        )
        yield f"  {drawn}"
    yield "  " + axis_line(inert(chart.axis_start), inert(chart.axis_end), MARKDOWN_BAR_WIDTH)
    yield "```"


def _tree_lines(node: TreeNode, depth: int) -> Iterator[str]:
    yield f"{'  ' * depth}- {escape(node.text)}"
    for child in node.children:
        yield from _tree_lines(child, depth + 1)
