"""Draws one bar of a chart as characters, on a scale shared by every bar."""

from __future__ import annotations

from dataclasses import dataclass

from careercompare.results.blocks import Bar, BarChart


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


TICK_STEPS = (1, 2, 2.5, 5)
LABEL_ROOM = 12  # characters a tick label needs, with the space around it


def tick_label(value: float, unit: str) -> str:
    """'$20,000' or '15%'."""
    shown = f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0")
    return f"${shown}" if unit == "$" else f"{shown}%"


def ticks(start: float, end: float, width: int) -> list[float]:
    """Round values along the scale, as many as fit in `width` characters."""
    span = end - start
    if span <= 0:
        return [start]
    most = max(1, width // LABEL_ROOM)
    magnitude = 10 ** max(0, len(str(int(span))) - 2)
    step = next(
        (
            m * s
            for m in (magnitude / 10, magnitude, magnitude * 10)
            for s in TICK_STEPS
            if span / (m * s) <= most
        ),
        span,
    )
    values, value = [], start
    while value <= end + 1e-9:
        values.append(value)
        value += step
    return values


def axis_line(chart: BarChart, width: int) -> str:
    """'$0        $20,000        $40,000 ...': round values under the bars, each label
    starting under its place on the scale (the last one ending there)."""
    values = ticks(chart.start, chart.end, width)
    last = tick_label(values[-1], chart.unit)
    last_at = max(0, width - len(last))  # the end of the scale is always labelled
    cells = [" "] * width
    end_of_last = -1
    for value in values[:-1]:
        label = tick_label(value, chart.unit)
        position = _cell(value, chart.start, chart.end, width)
        if position <= end_of_last or position + len(label) >= last_at:
            continue
        cells[position : position + len(label)] = label
        end_of_last = position + len(label)
    cells[last_at:] = last
    return "".join(cells).rstrip()


def legend(charset: BarCharset) -> str:
    """What the characters of a bar mean, in one line."""
    return (
        f"{charset.filled * 2} 10th-90th percentile or a range  {charset.mark} median or one "
        f"figure  {charset.open_end} at least"
    )
