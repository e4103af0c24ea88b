"""Draws one bar of a chart as characters, on a scale shared by every bar."""

from __future__ import annotations

from typing import NamedTuple

from careercompare.render.blocks import Bar


class BarCharset(NamedTuple):
    """The characters a bar is drawn with."""

    empty: str
    filled: str
    mark: str


UNICODE_BARS = BarCharset(empty="·", filled="█", mark="┃")
ASCII_BARS = BarCharset(empty=".", filled="=", mark="|")


def _cell(value: float, start: float, end: float, width: int) -> int:
    span = end - start or 1.0
    position = round((value - start) / span * (width - 1))
    return max(0, min(width - 1, position))


def draw_bar(bar: Bar, *, start: float, end: float, width: int, charset: BarCharset) -> str:
    """A string of `width` characters: the range filled, the mark on top of it."""
    width = max(width, 2)
    cells = [charset.empty] * width
    if bar.low is not None and bar.high is not None:
        first, last = _cell(bar.low, start, end, width), _cell(bar.high, start, end, width)
        for position in range(first, last + 1):
            cells[position] = charset.filled
    if bar.mark is not None:
        cells[_cell(bar.mark, start, end, width)] = charset.mark
    return "".join(cells)


def axis_line(left: str, right: str, width: int) -> str:
    """'$0 ........ $80,000' spanning the bar width."""
    gap = max(1, width - len(left) - len(right))
    return f"{left}{' ' * gap}{right}"
