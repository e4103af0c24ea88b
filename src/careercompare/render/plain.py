"""The `plain` format: ASCII only, no box drawing, one fact per line."""

from __future__ import annotations

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
from careercompare.render.ascii_text import to_ascii
from careercompare.render.bars import ASCII_BARS, axis_line, draw_bar

PLAIN_BAR_WIDTH = 60
SEPARATOR = " | "


def clean(text: str) -> str:
    """Catalog text as plain output shows it: inert and ASCII."""
    return to_ascii(inert(text))


def render_plain(blocks: tuple[Block, ...]) -> str:
    """The whole view as ASCII lines."""
    lines: list[str] = []
    for block in blocks:
        if lines and isinstance(block, (Heading, SourceList, Comparison, Records, BarChart)):
            lines.append("")
        lines.extend(_block_lines(block))
    return "\n".join(lines) + "\n"


def _row(cells: tuple[str, ...]) -> str:
    return SEPARATOR.join(clean(cell) for cell in cells)


def _block_lines(block: Block) -> Iterator[str]:
    if isinstance(block, Heading):
        text = clean(block.text)
        yield text
        yield ("=" if block.level == 1 else "-") * len(text)
    elif isinstance(block, Paragraph):
        yield clean(f"Note: {block.text}" if block.note else block.text)
    elif isinstance(block, BulletList):
        for number, item in enumerate(block.items, 1):
            yield f"{number}. {clean(item)}" if block.numbered else f"- {clean(item)}"
    elif isinstance(block, FieldList):
        for label, value in block.pairs:
            yield f"{clean(label)}: {clean(value)}"
    elif isinstance(block, Comparison):
        yield _row((block.corner, "Role", "Value"))
        for label, cells in block.rows:
            for column, cell in zip(block.columns, cells, strict=True):
                yield _row((label, column, cell))
    elif isinstance(block, Records):
        yield _row(block.columns)
        for record in block.rows:
            yield _row(record)
    elif isinstance(block, BarChart):
        yield from _chart_lines(block)
    elif isinstance(block, TreeNode):
        yield from _tree_lines(block, 0)
    elif isinstance(block, SourceList):
        yield "Sources"
        yield "-------"
        yield from (f"[{n}] {clean(entry)}" for n, entry in enumerate(block.entries, 1))


def _chart_lines(chart: BarChart) -> Iterator[str]:
    for bar in chart.bars:
        yield f"{clean(bar.label)}: {clean(bar.caption)}"
        bar_text = draw_bar(
            bar, start=chart.start, end=chart.end, width=PLAIN_BAR_WIDTH, charset=ASCII_BARS
        )
        yield f"  [{bar_text}]"
    yield "   " + axis_line(clean(chart.axis_start), clean(chart.axis_end), PLAIN_BAR_WIDTH)


def _tree_lines(node: TreeNode, depth: int) -> Iterator[str]:
    yield f"{'  ' * depth}- {clean(node.text)}" if depth else clean(node.text)
    for child in node.children:
        yield from _tree_lines(child, depth + 1)
