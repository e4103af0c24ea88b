"""The blocks a view is made of, independent of the output format that renders them.

Blocks are named tuples: immutable, and several times quicker to define than frozen
dataclasses, which counts at every start. Renderers tell them apart by type.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple


class Heading(NamedTuple):
    """A section title; level 1 is the view's title."""

    text: str
    level: int = 1


class Paragraph(NamedTuple):
    """Running text; `note` paragraphs are shown de-emphasised."""

    text: str
    note: bool = False


class BulletList(NamedTuple):
    """Items shown one per line, numbered or not."""

    items: tuple[str, ...]
    numbered: bool = False


class FieldList(NamedTuple):
    """Label and value pairs, one fact per line."""

    pairs: tuple[tuple[str, str], ...]


class Comparison(NamedTuple):
    """Rows of labelled cells, one column per role; stacked per role when too narrow."""

    corner: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]


class Records(NamedTuple):
    """A table of records with a header; each row is one fact."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


class Bar(NamedTuple):
    """One line of a bar chart: a range drawn as a bar, a single value as a mark."""

    label: str
    low: float | None
    high: float | None
    mark: float | None
    caption: str


class BarChart(NamedTuple):
    """Bars on one shared scale from `start` to `end`, labelled with `axis` texts."""

    bars: tuple[Bar, ...]
    start: float
    end: float
    axis_start: str
    axis_end: str


class TreeNode(NamedTuple):
    """A node of a tree with its children."""

    text: str
    children: tuple[TreeNode, ...] = ()


class SourceList(NamedTuple):
    """The sources a view cited, in the order of their [n] markers (from 1)."""

    entries: tuple[str, ...]


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


class View(NamedTuple):
    """What a command shows: blocks for people, `data` for --json, `records` for CSV.

    `data` and `records` are built only when that format is asked for: for every
    role of a large catalog they cost more than the whole of the human output.
    """

    name: str
    blocks: tuple[Block, ...]
    data: Callable[[], Mapping[str, object]]
    records: Callable[[], Sequence[Mapping[str, object]]] | None = None
