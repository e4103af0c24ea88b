"""The blocks a view is made of, independent of the output format that renders them.

Text for people is `Text` (`results.inline`): a string, or runs with source markers,
gaps and lower bounds in them as types.

Every renderer handles every block type with a `match` ending in `assert_never`, so a
new block type that some renderer forgets is a type error.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields, is_dataclass
from typing import get_args

from careercompare.results.inline import INLINE, Text, plain


@dataclass(frozen=True, slots=True)
class Heading:
    """A section title; level 1 is the view's title."""

    text: Text
    level: int = 1


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Running text; `note` paragraphs are shown de-emphasised."""

    text: Text
    note: bool = False


@dataclass(frozen=True, slots=True)
class BulletList:
    """Items shown one per line, numbered or not."""

    items: tuple[Text, ...]
    numbered: bool = False

    def marked(self, bullet: str = "-") -> Iterator[tuple[str, Text]]:
        """Each item with the marker it is shown after: "1.", "2." when numbered, else
        `bullet`."""
        for number, item in enumerate(self.items, 1):
            yield (f"{number}." if self.numbered else bullet), item


@dataclass(frozen=True, slots=True)
class FieldList:
    """Label and value pairs, one fact per line."""

    pairs: tuple[tuple[str, Text], ...]


@dataclass(frozen=True, slots=True)
class Comparison:
    """Rows of labelled cells, one column per role; stacked per role when too narrow."""

    corner: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[Text, ...]], ...]


@dataclass(frozen=True, slots=True)
class Records:
    """A table of records with a header; each row is one fact."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Text, ...], ...]


@dataclass(frozen=True, slots=True)
class Bar:
    """One line of a bar chart: a range drawn as a bar, a single value as a mark.

    `open_high` marks a range whose top is only a lower bound ("at least"): it is drawn
    running off the end of the scale, never as an exact end.
    """

    label: str
    low: float | None
    high: float | None
    mark: float | None
    caption: Text
    open_high: bool = False


@dataclass(frozen=True, slots=True)
class BarChart:
    """Bars on one shared scale from `start` to `end`, in dollars ("$") or percent ("%");
    `ranges` when its bars are pay ranges with medians (a legend says what is what)."""

    bars: tuple[Bar, ...]
    start: float
    end: float
    unit: str = "$"
    ranges: bool = True

    @classmethod
    def from_zero(
        cls, bars: Sequence[Bar], step: float, unit: str = "$", *, ranges: bool = True
    ) -> BarChart | None:
        """The bars on one scale from 0 (or, where a value is below 0, the first multiple
        of `step` below it: a decline) to the first multiple of `step` that no value
        passes (`step` at the least); None when no bar has a value to draw."""
        values = [v for bar in bars for v in (bar.low, bar.high, bar.mark) if v is not None]
        if not values:
            return None
        start = min(0.0, math.floor(min(values) / step) * step)
        end = max(step, math.ceil(max(values) / step) * step)
        return cls(tuple(bars), start, end, unit, ranges)


@dataclass(frozen=True, slots=True)
class TreeNode:
    """A node of a tree with its children."""

    text: Text
    children: tuple[TreeNode, ...] = ()


@dataclass(frozen=True, slots=True)
class SourceList:
    """The sources a view cited, in the order of their [n] markers (from 1)."""

    entries: tuple[Text, ...]


Block = (
    Heading
    | Paragraph
    | BulletList
    | FieldList
    | Comparison
    | Records
    | BarChart
    | TreeNode
    | SourceList
)
# Every block type, for tests that render each of them in every format.
BLOCK_TYPES: tuple[type, ...] = get_args(Block)


def texts(value: object) -> Iterator[str]:
    """Every text that blocks hold, as words (runs joined), in order."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, INLINE):
        yield plain(value)
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from texts(item)
    elif is_dataclass(value) and not isinstance(value, type):  # a block, a bar, a node
        for item in fields(value):
            yield from texts(getattr(value, item.name))
