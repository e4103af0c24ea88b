"""The `plain` format: ASCII only, no box drawing, one fact per line."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, assert_never

from careercompare.render.ascii_text import to_ascii
from careercompare.render.bars import ASCII_BARS, axis_line, draw_bar, legend
from careercompare.results import blocks as layout
from careercompare.results.inline import Text, plain
from careercompare.sanitize import sanitize

if TYPE_CHECKING:
    from careercompare.results.base import ViewResult
    from careercompare.terminal import Terminal

PLAIN_BAR_WIDTH = 60
SEPARATOR = " | "
# Blocks that a blank line sets apart from what comes before them.
_SET_APART = (layout.Heading, layout.SourceList, layout.Comparison, layout.Records, layout.BarChart)


def render(result: ViewResult, terminal: Terminal) -> str:
    """The registry's entry point."""
    return render_plain(result.shown_blocks())


def clean(text: Text) -> str:
    """Text as plain output shows it: its runs as words, sanitized and ASCII."""
    return to_ascii(sanitize(plain(text)))


def render_plain(blocks: tuple[layout.Block, ...]) -> str:
    """The whole view as ASCII lines."""
    lines: list[str] = []
    for block in blocks:
        if lines and isinstance(block, _SET_APART):
            lines.append("")
        lines.extend(_block_lines(block))
    return "\n".join(lines) + "\n"


def _row(cells: tuple[Text, ...]) -> str:
    return SEPARATOR.join(clean(cell) for cell in cells)


def _block_lines(block: layout.Block) -> Iterator[str]:
    match block:
        case layout.Heading():
            yield from _heading_lines(block.text, block.level)
        case layout.Paragraph():
            yield clean("Note: " + block.text if block.note else block.text)
        case layout.BulletList():
            yield from (f"{marker} {clean(item)}" for marker, item in block.marked())
        case layout.FieldList():
            yield from (f"{clean(label)}: {clean(value)}" for label, value in block.pairs)
        case layout.Comparison():
            yield _row((block.corner, "Role", "Value"))
            for label, cells in block.rows:
                for column, cell in zip(block.columns, cells, strict=True):
                    yield _row((label, column, cell))
        case layout.Records():
            yield _row(block.columns)
            for record in block.rows:
                yield _row(record)
        case layout.BarChart():
            yield from _chart_lines(block)
        case layout.TreeNode():
            yield from _tree_lines(block, 0)
        case layout.SourceList():
            yield from _heading_lines("Sources", 2)
            yield from (f"[{n}] {clean(entry)}" for n, entry in enumerate(block.entries, 1))
        case _:
            assert_never(block)


def _heading_lines(text: Text, level: int) -> Iterator[str]:
    """A heading underlined: '=' under the view's title, '-' under a section's."""
    shown = clean(text)
    yield shown
    yield ("=" if level == 1 else "-") * len(shown)


def _chart_lines(chart: layout.BarChart) -> Iterator[str]:
    for bar in chart.bars:
        yield f"{clean(bar.label)}: {clean(bar.caption)}"
        bar_text = draw_bar(
            bar, start=chart.start, end=chart.end, width=PLAIN_BAR_WIDTH, charset=ASCII_BARS
        )
        yield f"  [{bar_text}]"
    yield "   " + axis_line(chart, PLAIN_BAR_WIDTH)
    if chart.ranges:
        yield clean(legend(ASCII_BARS))


def _tree_lines(node: layout.TreeNode, depth: int) -> Iterator[str]:
    yield f"{'  ' * depth}- {clean(node.text)}" if depth else clean(node.text)
    for child in node.children:
        yield from _tree_lines(child, depth + 1)
