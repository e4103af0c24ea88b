"""Draws one bar of a chart as characters, on a scale shared by every bar."""

from __future__ import annotations

from dataclasses import dataclass

from careercompare.render.blocks import Bar


@dataclass(frozen=True)
class BarCharset:
    """The characters a bar is drawn with; `open_end` ends a bar whose top is a bound."""

    empty: str
    filled: str
    mark: str
    open_end: str


UNICODE_BARS = BarCharset(empty="·", filled="█", mark="┃", open_end="▶")
ASCII_BARS = BarCharset(empty=".", filled="=", mark="|", open_end=">")


def _cell(value: float, start: float, end: float, width: int) -> int:
    span = end - start or 1.0
    position = round((value - start) / span * (width - 1))
    return max(0, min(width - 1, position))


def draw_bar(bar: Bar, *, start: float, end: float, width: int, charset: BarCharset) -> str:
    """A string of `width` characters: the range filled, the mark on top of it. A range
    whose top is only a lower bound runs to the end of the scale and ends open."""
    width = max(width, 2)
    cells = [charset.empty] * width
    if bar.low is not None and bar.high is not None:
        first, last = _cell(bar.low, start, end, width), _cell(bar.high, start, end, width)
        if bar.open_high:
            last = width - 1
        for position in range(first, last + 1):
            cells[position] = charset.filled
        if bar.open_high:
            cells[last] = charset.open_end
    if bar.mark is not None:
        cells[_cell(bar.mark, start, end, width)] = charset.mark
    return "".join(cells)


def axis_line(left: str, right: str, width: int) -> str:
    """'$0 ........ $80,000' spanning the bar width."""
    gap = max(1, width - len(left) - len(right))
    return f"{left}{' ' * gap}{right}"
