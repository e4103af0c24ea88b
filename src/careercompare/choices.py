"""A closed choice of the command line that carries the words a view says it in."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Self


class WordedChoice(StrEnum):
    """A str Enum whose members are written `NAME = "value", "words"`: Typer checks,
    completes and documents the value, and a view says `member.words`."""

    _value_: str
    words: str

    if not TYPE_CHECKING:  # mypy would read a lookup by value, AreaKind("metro"), as this

        def __new__(cls, value: str, words: str) -> Self:
            member = str.__new__(cls, value)
            member._value_ = value
            member.words = words
            return member
