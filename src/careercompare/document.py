"""The blocks a view is made of, independent of the output format that renders them."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    """A section title; level 1 is the view's title."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    """Running text; `note` paragraphs are shown de-emphasised."""

    text: str
    note: bool = False


@dataclass(frozen=True)
class BulletList:
    """Items shown one per line, numbered or not."""

    items: tuple[str, ...]
    numbered: bool = False


@dataclass(frozen=True)
class FieldList:
    """Label and value pairs, one fact per line."""

    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Comparison:
    """Rows of labelled cells, one column per role; stacked per role when too narrow."""

    corner: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Records:
    """A table of records with a header; each row is one fact."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Bar:
    """One line of a bar chart: a range drawn as a bar, a single value as a mark."""

    label: str
    low: float | None
    high: float | None
    mark: float | None
    caption: str


@dataclass(frozen=True)
class BarChart:
    """Bars on one shared scale from `start` to `end`, labelled with `axis` texts."""

    bars: tuple[Bar, ...]
    start: float
    end: float
    axis_start: str
    axis_end: str


@dataclass(frozen=True)
class TreeNode:
    """A node of a tree with its children."""

    text: str
    children: tuple[TreeNode, ...] = field(default=())


@dataclass(frozen=True)
class SourceList:
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


@dataclass(frozen=True)
class View:
    """What a command shows: blocks for people, `data` for --json, `records` for CSV.

    `data` and `records` are built only when that format is asked for: for every
    role of a large catalog they cost more than the whole of the human output.
    """

    name: str
    blocks: tuple[Block, ...]
    data: Callable[[], Mapping[str, object]]
    records: Callable[[], Sequence[Mapping[str, object]]] | None = None
