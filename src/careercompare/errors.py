"""The project's one error type, and the exit codes it maps to."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """The documented exit codes (README, Exit codes)."""

    OK = 0
    DATA = 1
    USAGE = 2
    INTERNAL = 70
    INTERRUPTED = 130
    BROKEN_PIPE = 141


class CareerCompareError(Exception):
    """An expected failure: a message a person can act on and the exit code to end with.

    `details` are extra lines (one per problem) printed after the message.
    """

    def __init__(
        self, message: str, *, exit_code: int = ExitStatus.DATA, details: tuple[str, ...] = ()
    ):
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.details = details


class DataError(CareerCompareError):
    """A data file of any kind (catalog, wages, an official table) that cannot be read,
    does not validate or holds impossible values (exit 1)."""


class CatalogError(DataError):
    """A catalog that cannot be read or does not validate (exit 1)."""


class FileError(CareerCompareError):
    """A file careercompare was asked to write that cannot be written (exit 1)."""


class UsageError(CareerCompareError):
    """Something the user typed that cannot be done (exit 2)."""

    def __init__(self, message: str, *, details: tuple[str, ...] = ()):
        super().__init__(message, exit_code=ExitStatus.USAGE, details=details)


class OutputClosed(Exception):
    """The reader of stdout went away (`| head -1`): the run ends quietly with exit 141.

    Not an OSError, so that no library on the way treats it as one of its own.
    """


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP: the run ends as Ctrl-C ends it, even where Ctrl-C belongs to
    another program (the pager)."""
