"""A table's column widths in the rich format: shared in proportion to what each column
lacks, or fitted to its text (`Fitting`) where that makes the table shorter or less broken."""

from __future__ import annotations

import re
from itertools import permutations

from rich.cells import cell_len

# A word with the source markers after it ('practices [1]', 'them [8]);'): a marker is
# not left alone at the start of a line.
MARKED_WORD = re.compile(r"\S+(?: \[\d+\]\S*)*\s*")
# Up to this many cells a table's widths are fitted (`Fitting`); a larger one shares the
# room in proportion, which costs no wrapping.
FITTED_CELLS = 400


def column_widths(
    columns: list[list[str]], minimums: list[int], wanted: list[int], room: int
) -> list[int]:
    """Widths from the minimums towards what each column wants (its longest line) that
    fill at most the room: the proportional share, or the fitted widths where they are
    better, polished."""
    shared = share_out(minimums, wanted, room)
    if sum(len(column) for column in columns) > FITTED_CELLS:
        return shared
    fitting = Fitting(columns)
    if not fitting.broken(shared):  # every cell on one line: nothing to better
        return shared
    fitted = fitting.widths(minimums, wanted, room)
    chosen = fitted if fitting.better(fitted, shared) else shared
    return fitting.polished(chosen, minimums, wanted)


class Fitting:
    """Column widths that make a table short: the spare room goes, a few cells at a time,
    to the column where it takes the most lines off the rows (a row is as tall as its
    tallest cell). Sharing it in proportion to what each column lacks, as `share_out`
    does, can leave a column of short figures each broken in two beside a column of
    sentences; `column_widths` takes these widths where the table is shorter or has fewer
    cells broken over lines, and neither taller nor more broken (`better`), then moves a
    few cells between columns while that makes it better still (`polished`).

    Lines are counted as words wrap; a word wider than its column counts as folded.
    """

    def __init__(self, columns: list[list[str]]) -> None:
        self.sizes = [
            [
                [cell_len(word.group(0).rstrip()) for word in MARKED_WORD.finditer(text)]
                for text in column
            ]
            for column in columns
        ]
        # each cell's length on one line: no cell needs wrapping at that width or wider
        self.lengths = [[sum(words) + len(words) - 1 for words in cells] for cells in self.sizes]
        self._lines: dict[tuple[int, int], list[int]] = {}
        self._scores: dict[tuple[int, ...], tuple[int, int]] = {}

    def lines(self, column: int, width: int) -> list[int]:
        """The lines of each cell of a column at a width."""
        key = (column, width)
        if key not in self._lines:
            self._lines[key] = [
                1 if length <= width else wrapped_lines(words, width)
                for words, length in zip(self.sizes[column], self.lengths[column], strict=True)
            ]
        return self._lines[key]

    def better(self, these: list[int], those: list[int]) -> bool:
        """Whether these widths make the table shorter or break fewer cells, and neither
        taller nor more broken."""
        one, other = self._score(tuple(these)), self._score(tuple(those))
        return one != other and one[0] <= other[0] and one[1] <= other[1]

    def broken(self, widths: list[int]) -> int:
        """How many cells take more than a line."""
        return self._score(tuple(widths))[1]

    def _score(self, widths: tuple[int, ...]) -> tuple[int, int]:
        """The lines of the table's rows, and how many cells take more than a line: a
        shorter table that breaks more of them (names and ids in two, to give a column of
        sentences a line less) reads worse."""
        if widths not in self._scores:
            columns = [self.lines(column, width) for column, width in enumerate(widths)]
            broken = sum(n > 1 for cells in columns for n in cells)
            self._scores[widths] = (_height(columns), broken)
        return self._scores[widths]

    def polished(self, widths: list[int], minimums: list[int], wanted: list[int]) -> list[int]:
        """The widths after moving a few cells from one column to another for as long as
        a move makes them `better`."""
        moved = True
        while moved:
            moved = False
            for giver, taker in permutations(range(len(widths)), 2):
                for cells in (1, 2, 3, 5, 8, 13):
                    trial = list(widths)
                    trial[giver] -= cells
                    trial[taker] += cells
                    if trial[giver] < minimums[giver] or trial[taker] > wanted[taker]:
                        continue
                    if self.better(trial, widths):
                        widths, moved = trial, True
        return widths

    def widths(self, minimums: list[int], wanted: list[int], room: int) -> list[int]:
        """From the minimums, the room given a few cells at a time to the column where it
        takes the most lines off the rows for each cell; what is left, in proportion."""
        widths = list(minimums)
        spare = room - sum(widths)
        drawn = [self.lines(column, width) for column, width in enumerate(widths)]
        while spare > 0:
            height, total = _height(drawn), sum(map(sum, drawn))
            best: tuple[float, int, int] | None = None
            for column, width in enumerate(widths):
                now = sum(drawn[column])
                for wider in range(width + 1, min(wanted[column], width + spare) + 1):
                    lines = self.lines(column, wider)
                    if sum(lines) < now:  # the first width at which a cell loses a line
                        trial = [*drawn[:column], lines, *drawn[column + 1 :]]
                        gain = (height - _height(trial)) * 1000 + total - sum(map(sum, trial))
                        if best is None or gain / (wider - width) > best[0]:
                            best = (gain / (wider - width), column, wider)
                        break
            if best is None:
                break
            _, column, wider = best
            spare -= wider - widths[column]
            widths[column] = wider
            drawn[column] = self.lines(column, wider)
        return share_out(widths, wanted, room)


def _height(columns: list[list[int]]) -> int:
    """The lines of a table's rows, each as tall as its tallest cell."""
    return sum(map(max, zip(*columns, strict=True)))


def wrapped_lines(words: list[int], width: int) -> int:
    """The lines words of these widths take at a width, a word wider than it folded."""
    lines, length = 1, 0
    for size in words:
        if not length:
            length = size
        elif length + 1 + size <= width:
            length += 1 + size
        else:
            lines, length = lines + 1, size
        if length > width:  # folded
            extra = (length - 1) // width
            lines, length = lines + extra, length - extra * width
    return lines


def share_out(minimums: list[int], wanted: list[int], room: int) -> list[int]:
    """Widths from the minimums towards what each column wants, the spare room shared in
    proportion to what each still lacks."""
    lacking = [max(0, want - low) for low, want in zip(minimums, wanted, strict=True)]
    spare = room - sum(minimums)
    total = sum(lacking)
    if total <= spare:
        return [low + lack for low, lack in zip(minimums, lacking, strict=True)]
    widths = [low + lack * spare // total for low, lack in zip(minimums, lacking, strict=True)]
    for column in sorted(range(len(widths)), key=lambda n: -lacking[n]):
        if sum(widths) >= room:
            break
        widths[column] += 1
    return widths
