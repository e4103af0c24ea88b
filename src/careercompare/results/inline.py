"""Text with structure inside it: source markers, gaps and lower bounds as types.

A view builds a line of text from runs, e.g. `"Median " + Bound() + " $239,200 " + Cite(3)`,
and each format renders the runs it knows how: the terminal dims a marker, italicises a
gap and makes a bound bold; the plain formats print them as words. No renderer looks for
them again in the text, so catalog text that happens to read "at least" or "[2]" is
shown as it is.

Runs join with `+` (and `join_text`). Formatting one into an f-string would flatten it
into a plain string and lose what it is, so that raises TypeError: every view is run in
every format by the tests, which find any such place.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeAlias, cast

_FLATTENED = "text runs join with + or join_text, never inside an f-string or str.format"


class _Joinable:
    """Joins with text by `+` into `Runs`; refuses to be formatted into a string."""

    __slots__ = ()

    def own_runs(self) -> tuple[Run, ...]:
        """The runs this text is made of."""
        raise NotImplementedError

    def __add__(self, other: Text) -> Runs:
        return Runs((*self.own_runs(), *runs_of(other)))

    def __radd__(self, other: str) -> Runs:
        return Runs((other, *self.own_runs()))

    def __format__(self, spec: str) -> str:
        raise TypeError(_FLATTENED)


class _OneRun(_Joinable):
    """A text that is a single run of its own."""

    __slots__ = ()

    def own_runs(self) -> tuple[Run, ...]:
        return (cast(Run, self),)


@dataclass(frozen=True, slots=True)
class Cite(_OneRun):
    """A source marker: the [n] of the source in the view's list of sources."""

    number: int

    def __str__(self) -> str:
        return f"[{self.number}]"


@dataclass(frozen=True, slots=True)
class Gap(_OneRun):
    """Where no source gives a figure or a fact, and why: 'not in sources',
    'not released by BLS', 'not stated'."""

    reason: str

    def __str__(self) -> str:
        return self.reason


@dataclass(frozen=True, slots=True)
class Bound(_OneRun):
    """The words that make the figure after them a bound, not a value: 'at least' (a
    top-coded wage), '≥', 'at most' (months of payback at such a wage)."""

    words: str = "at least"

    def __str__(self) -> str:
        return self.words


Run: TypeAlias = str | Cite | Gap | Bound


@dataclass(frozen=True, slots=True)
class Runs(_Joinable):
    """A line of text made of runs, in order."""

    runs: tuple[Run, ...]

    def own_runs(self) -> tuple[Run, ...]:
        return self.runs

    def __str__(self) -> str:
        return "".join(str(run) for run in self.runs)


# What a block holds wherever it holds text for people.
Text: TypeAlias = str | Cite | Gap | Bound | Runs
# The types of text that are not a plain string.
INLINE = (Cite, Gap, Bound, Runs)


def runs_of(value: Text) -> tuple[Run, ...]:
    """The runs of a text: a plain string is one run."""
    return (value,) if isinstance(value, str) else value.own_runs()


def plain(value: Text) -> str:
    """The text as words, for formats without styles and for measuring."""
    return value if isinstance(value, str) else str(value)


def join_text(separator: str, values: Iterable[Text]) -> Text:
    """`separator.join(values)` that keeps the runs of each value."""
    joined: list[Run] = []
    for position, value in enumerate(values):
        if position and separator:
            joined.append(separator)
        joined.extend(runs_of(value))
    if all(isinstance(run, str) for run in joined):
        return "".join(run for run in joined if isinstance(run, str))
    return Runs(tuple(joined))


def bounded(text: Text, bound: bool, words: str = "at least") -> Text:
    """The text after the words that make it a bound, when it is one."""
    return Bound(words) + " " + text if bound else text
