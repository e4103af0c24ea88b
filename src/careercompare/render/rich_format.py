"""The `rich` format: tables, bars and trees drawn for a terminal of any width."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import TYPE_CHECKING, assert_never

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from careercompare.render.bars import ASCII_BARS, UNICODE_BARS, axis_line, draw_bar, legend
from careercompare.render.column_widths import MARKED_WORD, column_widths
from careercompare.results import blocks as layout
from careercompare.results.inline import Bound, Cite, Gap, plain, runs_of
from careercompare.results.inline import Text as TextRuns
from careercompare.sanitize import sanitize
from careercompare.terminal import wants_ascii

if TYPE_CHECKING:
    from rich.tree import Tree

    from careercompare.results.base import ViewResult
    from careercompare.terminal import Terminal

MIN_COLUMN = 12
# A text beside its marker has at least this many cells (and half the width), or the
# markers are put on lines of their own.
MIN_HANGING = 24
# Beyond this many rows a record table is printed as one line per record: Rich
# would measure every cell of every row before printing the first one. `roles` of a
# 10,000-role catalog took 2.1 s as a table and 0.33 s as lines (benchmarks/startup.py).
LARGE_TABLE_ROWS = 300
_ADDRESS = re.compile(r"https?://[^\s<>|\"'\\]+[^\s<>|\"'\\.,;:)]")
# Blocks that a blank line sets apart from what comes before them.
_SET_APART = (layout.Heading, layout.SourceList, layout.Comparison, layout.Records, layout.BarChart)


def render(result: ViewResult, terminal: Terminal) -> str:
    """The registry's entry point: the view drawn for the terminal, as text."""
    import io

    out = io.StringIO()
    ascii_only = wants_ascii(terminal.encoding)
    render_rich(result.shown_blocks(), terminal.console(out), ascii_only=ascii_only)
    # Rich pads the lines it wraps; no line ends in spaces (piped output is compared, grepped)
    return "\n".join(line.rstrip(" ") for line in out.getvalue().split("\n"))


def text(value: TextRuns, style: str = "") -> Text:
    """Text for people as a Rich Text: never parsed for markup, emoji or escape codes.

    Its runs are styled by what they are: source markers dim, gaps ("not in sources")
    italic, lower bounds ("at least") bold, and web addresses in its words as links (a
    terminal that knows OSC 8 makes them clickable; the HTML export makes them <a href>).
    """
    if isinstance(value, str):
        return _words_text(value, style)
    shown = Text(style=style)
    for run in runs_of(value):
        match run:
            case str():
                shown.append_text(_words_text(run, ""))
            case Cite():
                shown.append(str(run), "dim")
            case Gap():
                shown.append(sanitize(str(run)), "italic")
            case Bound():
                shown.append(str(run), "bold")
            case _:
                assert_never(run)
    return shown


def _words_text(value: str, style: str) -> Text:
    shown = Text(sanitize(value), style=style)
    for found in _ADDRESS.finditer(shown.plain):
        shown.stylize(Style(link=found.group(0)), found.start(), found.end())
    return shown


# A page (HTML, SVG) is drawn wide enough for each table column to have this much room.
PAGE_COLUMN = 24


def side_by_side_width(blocks: tuple[layout.Block, ...]) -> int:
    """The width at which every table of the blocks is drawn side by side, each column
    with up to PAGE_COLUMN cells of room (a page scrolls sideways; it never stacks)."""
    widest = 0
    for block in blocks:
        match block:
            case layout.Comparison():
                header = (block.corner, *block.columns)
                rows = [(label, *cells) for label, cells in block.rows]
                columns = list(zip(header, *rows, strict=True))
            case layout.Records() if len(block.rows) <= LARGE_TABLE_ROWS:
                columns = list(zip(block.columns, *block.rows, strict=True))
            case _:
                continue
        texts = [_texts(column) for column in columns]
        room = sum(
            min(_longest_line(column), max(_longest_word(column), PAGE_COLUMN)) for column in texts
        )
        widest = max(widest, room + 3 * len(columns) + 1)
    return widest


def render_rich(
    blocks: tuple[layout.Block, ...], console: Console, *, ascii_only: bool = False
) -> None:
    """Print the view to the console."""
    renderer = _RichRenderer(console, ascii_only=ascii_only)
    apart = True  # at the start, or after a blank line: nothing to set apart from
    for block in blocks:
        if not apart and isinstance(block, _SET_APART):
            console.print()
        for renderable in renderer.render(block):
            # Lines are neither wrapped nor cut: the terminal wraps them.
            console.print(renderable, soft_wrap=isinstance(renderable, (_Lines, _Hanging)))
            # stacked records end with a blank line, which sets apart what follows already
            apart = isinstance(renderable, Text) and not renderable.plain


# Where a line may break: after a space; in a word wider than the line that is no
# address (an id such as 'nurse-anesthetists-midwives-and-practitioners'), after a
# hyphen too. An address stays whole, for the terminal to find the link.
_PIECE = re.compile(r"[^\s/]+?-(?=[^\s/]+(?:\s|$))|\S+\s*")


def _pieces(value: str) -> list[str]:
    return [piece.group(0) for piece in _PIECE.finditer(value)]


def _words(value: str, width: int) -> Iterator[re.Match[str]]:
    """The words of a line, each with its markers; one wider than the line in its pieces
    (after a space or a hyphen)."""
    for word in MARKED_WORD.finditer(value):
        if cell_len(word.group(0).rstrip()) <= width:
            yield word
        else:
            yield from _PIECE.finditer(value, word.start(), word.end())


def _texts(values: Iterable[TextRuns]) -> list[str]:
    """A column's cells as the plain text they are drawn as."""
    return [sanitize(plain(value)) for value in values]


def _longest_word(texts: Iterable[str]) -> int:
    return max((cell_len(piece.rstrip()) for text in texts for piece in _pieces(text)), default=1)


def _longest_line(texts: Iterable[str]) -> int:
    return max((cell_len(text) for text in texts), default=1)


def wrap_words(value: Text, width: int) -> list[Text]:
    """Lines of at most `width` cells, broken between words only: a word longer than a
    line (a web address) is kept whole on a line of its own, for the terminal to wrap."""
    breaks = []
    length = 0
    for word in _words(value.plain, width):
        size = cell_len(word.group(0).rstrip())
        if length and length + size > width:
            breaks.append(word.start())
            length = 0
        length += cell_len(word.group(0))
    lines = list(value.divide(breaks)) if value.plain else [value]
    for line in lines:
        line.rstrip()
    return lines


def _broken(value: Text, width: int) -> Text:
    """A cell wider than its column, broken into lines here (`wrap_words`): a word wider
    than the column after its hyphens, where Rich would cut it anywhere, and a source
    marker kept with its word, where Rich would leave it alone on a line."""
    if value.cell_len <= width or not _needs_breaking(value.plain, width):
        return value
    return Text("\n").join(wrap_words(value, width))


def _needs_breaking(plain: str, width: int) -> bool:
    """Whether a text wider than its room must be broken into lines here: it has a source
    marker, or a word wider than the room. Rich breaks any other as `wrap_words` would."""
    return _has_marker(plain) or any(cell_len(word) > width for word in plain.split())


def _has_marker(plain: str) -> bool:
    return "[" in plain  # a source marker, '[2]'; any other bracket costs a wrap, no more


class _RichRenderer:
    def __init__(self, console: Console, *, ascii_only: bool) -> None:
        self.console = console
        self.ascii = ascii_only
        self.box = box.ASCII if self.ascii else box.ROUNDED
        self.bullet = "-" if self.ascii else "•"

    def render(self, block: layout.Block) -> list[RenderableType]:
        match block:
            case layout.Heading():
                style = "bold" if block.level == 1 else "bold underline"
                return [self._lines(text(block.text, style))]
            case layout.Paragraph():
                return [self._lines(text(block.text, "dim" if block.note else ""))]
            case layout.BulletList():
                return [self._hanging(block.marked(self.bullet))]
            case layout.FieldList():
                pairs = ((f"{label}:", value) for label, value in block.pairs)
                return [self._hanging(pairs, "bold")]
            case layout.Comparison():
                return self._comparison(block)
            case layout.Records():
                return self._records(block)
            case layout.BarChart():
                return self._chart(block)
            case layout.TreeNode():
                return [self._tree(block)]
            case layout.SourceList():
                numbered = ((f"[{n}]", entry) for n, entry in enumerate(block.entries, 1))
                return [text("Sources", "bold underline"), self._hanging(numbered)]
            case _:
                assert_never(block)

    def _lines(self, value: Text, width: int | None = None) -> Text:
        """A text broken into lines of the width (the console's) here where it has a source
        marker, kept with its word (Rich would leave one alone at the start of a line);
        Rich folds a word wider than a line of text as it should."""
        width = self.console.width if width is None else width
        if width < MIN_COLUMN or not _has_marker(value.plain):
            return value
        return _broken(value, width)

    def _hanging(self, pairs: Iterable[tuple[str, TextRuns]], marker_style: str = "") -> _Hanging:
        return _Hanging([(text(marker, marker_style), text(value)) for marker, value in pairs])

    def _fits(self, columns: list[list[TextRuns]]) -> list[int] | None:
        """Column widths that fill at most the console's width, every column keeping its
        longest word whole; None when even that does not fit (the block is stacked).

        Widths are fixed here rather than left to Rich, which can end wider than the
        console, cropping the last column, when minimum widths are set.
        """
        texts = [_texts(column) for column in columns]
        wanted = [_longest_line(column) for column in texts]
        minimums = [
            max(_longest_word(column), min(MIN_COLUMN, longest))
            for column, longest in zip(texts, wanted, strict=True)
        ]
        room = self.console.width - (3 * len(columns) + 1)
        if sum(minimums) > room:
            return None
        return column_widths(texts, minimums, wanted, room)

    def _table(
        self, header: tuple[str, ...], rows: list[tuple[TextRuns, ...]], widths: list[int]
    ) -> Table:
        table = Table(box=self.box, show_lines=True, header_style="bold")
        for index, (name, width) in enumerate(zip(header, widths, strict=True)):
            table.add_column(
                text(name), width=width, overflow="fold", style="bold" if index == 0 else ""
            )
        for row in rows:
            cells = (text(cell) for cell in row)
            table.add_row(
                *(_broken(cell, width) for cell, width in zip(cells, widths, strict=True))
            )
        return table

    def _comparison(self, block: layout.Comparison) -> list[RenderableType]:
        header = (block.corner, *block.columns)
        rows = [(label, *cells) for label, cells in block.rows]
        widths = self._fits([list(column) for column in zip(header, *rows, strict=True)])
        if widths is not None:
            return [self._table(header, rows, widths)]
        # too narrow for a table: each row in turn, every role's cell under its label,
        # so that the roles are still compared where they differ
        stacked: list[RenderableType] = []
        for number, (label, cells) in enumerate(block.rows):
            if number:  # a blank line between categories: apart without their styles too
                stacked.append(Text())
            stacked.append(text(label, "bold underline"))
            pairs = zip((f"{column}:" for column in block.columns), cells, strict=True)
            stacked.append(self._hanging(pairs, "bold"))
        return stacked

    def _records(self, block: layout.Records) -> list[RenderableType]:
        rows = list(block.rows)
        if len(rows) > LARGE_TABLE_ROWS:
            header = text(" | ".join(block.columns), "bold")
            lines = (" | ".join(sanitize(plain(cell)) for cell in row) for row in rows)
            return [header, _Lines(lines)]
        widths = self._fits([list(column) for column in zip(block.columns, *rows, strict=True)])
        if widths is not None:
            return [self._table(block.columns, rows, widths)]
        stacked: list[RenderableType] = []
        for row in rows:  # one record after another, a blank line after each
            pairs = zip((f"{name}:" for name in block.columns), row, strict=True)
            stacked += [self._hanging(pairs, "bold"), Text()]
        return stacked

    def _chart(self, chart: layout.BarChart) -> list[RenderableType]:
        charset = ASCII_BARS if self.ascii else UNICODE_BARS
        width = max(10, self.console.width - 2)
        lines: list[RenderableType] = []
        for bar in chart.bars:
            label = wrap_words(text(bar.label + ": " + bar.caption), width + 2)
            lines.append(label[0])
            if label[1:]:
                rest = wrap_words(Text(" ").join(label[1:]), width)
                # indented, but for a word that fits the terminal only from its margin
                lines += [Text("  ") + line if line.cell_len <= width else line for line in rest]
            drawn = draw_bar(bar, start=chart.start, end=chart.end, width=width, charset=charset)
            styled = Text("  ")
            for char, run in groupby(drawn):  # one span per run of a character
                style = (
                    "cyan"
                    if char in (charset.filled, charset.open_end)
                    else ("bold magenta" if char == charset.mark else "dim")
                )
                styled.append("".join(run), style=style)
            lines.append(styled)
        lines.append(Text("  " + axis_line(chart, width), style="dim"))
        if chart.ranges:
            lines += [line.copy() for line in wrap_words(Text(legend(charset), "dim"), width + 2)]
        return lines

    def _tree(self, root: layout.TreeNode) -> RenderableType:
        from rich.tree import Tree  # only `paths` draws trees

        tree = Tree(self._lines(text(root.text, "bold")), guide_style="dim")

        def grow(branch: Tree, node: layout.TreeNode, depth: int) -> None:
            for child in node.children:  # each level's guide takes 4 columns
                label = self._lines(text(child.text), self.console.width - 4 * depth)
                grow(branch.add(label), child, depth + 1)

        grow(tree, root, 1)
        return _AsciiGuides(tree) if self.ascii else tree


class _AsciiGuides:
    """Renders a tree with ASCII guide lines, whatever the output's encoding."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        ascii_options = options.copy()
        ascii_options.encoding = "ascii"
        yield from console.render(self.tree, ascii_options)


class _Lines:
    """Lines of inert text printed as they are: not wrapped (the terminal does that), nor
    cut. A Rich Text would make an object of every line: for 10,000 roles, a tenth of a
    second (benchmarks/startup.py)."""

    def __init__(self, lines: Iterable[str]) -> None:
        self.lines = "\n".join(lines)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Segment(self.lines)
        yield Segment.line()


class _Hanging:
    """Markers in a column of their own, each text wrapped beside its marker.

    What a two-column Rich grid draws, without the grid's measuring of every cell
    first, which took most of the time of `show` (benchmarks/startup.py).
    """

    def __init__(self, pairs: list[tuple[Text, Text]]) -> None:
        self.pairs = pairs

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        gutter = max((marker.cell_len for marker, _ in self.pairs), default=0) + 1
        room = options.max_width - gutter
        # a word (a file's path) that fits the width but not beside the markers; a web
        # address is kept whole for the terminal to wrap wherever it stands
        longest = max(
            (
                cell_len(word)
                for _, value in self.pairs
                for word in value.plain.split()
                if "://" not in word
            ),
            default=0,
        )
        if room < max(MIN_HANGING, options.max_width // 2) or longest > room:
            yield from self._stacked(console, options.max_width)
            return
        width = max(options.max_width - gutter, 1)
        for marker, value in self.pairs:
            for number, line in enumerate(wrap_words(value, width)):
                if number == 0:
                    yield from marker.render(console)
                    yield Segment(" " * (gutter - marker.cell_len))
                elif line.cell_len <= width or line.cell_len > options.max_width:
                    yield Segment(" " * gutter)
                # else a web address that fits the width, but not beside the markers,
                # starts the line: whole, and within the terminal
                yield from line.render(console)
                yield Segment.line()

    def _stacked(self, console: Console, max_width: int) -> RenderResult:
        """Markers too wide to leave the text room beside them (long labels, a narrow
        terminal, a word wider than the room): each on a line of its own, its text
        indented below it."""
        for marker, value in self.pairs:
            for line in wrap_words(marker, max_width):
                yield from line.render(console)
                yield Segment.line()
            for line in wrap_words(value, max(max_width - 2, 1)):
                # a word (a path) that fits the width, but not indented, starts the line
                if line.cell_len <= max_width - 2:
                    yield Segment("  ")
                yield from line.render(console)
                yield Segment.line()
