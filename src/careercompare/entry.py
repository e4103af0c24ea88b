"""The `careercompare` program: runs the command line and turns every failure into an exit code.

`--version` alone is answered before anything else is imported.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from careercompare import __version__
from careercompare.errors import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    CareerCompareError,
)
from careercompare.inert import inert

DEBUG_ENV_VAR = "CAREERCOMPARE_DEBUG"


def interrupted() -> None:
    """Say so on a line of its own, below whatever prompt was showing."""
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    fail("interrupted")


def fail(message: str, details: Sequence[str] = ()) -> None:
    """Print an error line (and detail lines) to stderr."""
    lines = [f"careercompare: error: {inert(message)}", *(f"  {inert(d)}" for d in details)]
    sys.stderr.write("\n".join(lines) + "\n")
    sys.stderr.flush()


def main(argv: Sequence[str] | None = None) -> int:
    """Run careercompare with the given arguments and return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args in (["--version"], ["-V"]):
        print(f"careercompare {__version__}")
        return 0
    try:
        return _run(args)
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        interrupted()
        return EXIT_INTERRUPTED
    except Exception as error:
        if os.environ.get(DEBUG_ENV_VAR) == "1":
            raise
        fail(
            f"internal error ({type(error).__name__}: {error}); please report it with the "
            f"output of the same command run with {DEBUG_ENV_VAR}=1"
        )
        return EXIT_INTERNAL


def _run(args: list[str]) -> int:
    import typer

    from careercompare.cli import app

    command = typer.main.get_command(app)
    try:
        result = command.main(args=args, prog_name="careercompare", standalone_mode=False)
    except typer.TyperException as error:  # Click's errors; usage errors have exit code 2
        message = error.format_message()
        if error.exit_code == EXIT_USAGE:
            context = getattr(error, "ctx", None)
            where = context.command_path if context is not None else "careercompare"
            message = f"{message} (see '{where} --help')"
        fail(message)
        return error.exit_code
    except typer.Abort:
        interrupted()
        return EXIT_INTERRUPTED
    except CareerCompareError as error:
        fail(error.message, error.details)
        return error.exit_code
    if result == EXIT_INTERRUPTED:
        interrupted()
    return result if isinstance(result, int) else 0


def _silence_stdout() -> None:
    """After the reader of a pipe went away, send what is left nowhere, quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
