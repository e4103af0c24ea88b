"""The project's one error type, and the exit codes it maps to."""

from __future__ import annotations

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141


class CareerCompareError(Exception):
    """An expected failure: a message a person can act on and the exit code to end with.

    `details` are extra lines (one per problem) printed after the message.
    """

    def __init__(self, message: str, *, exit_code: int = EXIT_DATA, details: tuple[str, ...] = ()):
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.details = details


class CatalogError(CareerCompareError):
    """A catalog or data file that cannot be read or does not validate (exit 1)."""


class FileError(CareerCompareError):
    """A file careercompare was asked to write that cannot be written (exit 1)."""


class UsageError(CareerCompareError):
    """Something the user typed that cannot be done (exit 2)."""

    def __init__(self, message: str, *, details: tuple[str, ...] = ()):
        super().__init__(message, exit_code=EXIT_USAGE, details=details)


class OutputClosed(Exception):
    """The reader of stdout went away (`| head -1`): the run ends quietly with exit 141.

    Not an OSError, so that no library on the way treats it as one of its own.
    """
