"""The `careercompare` program: runs the command line and turns every failure into an exit code.

`--version` alone is answered before anything else is imported.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from careercompare import __version__
from careercompare.errors import CareerCompareError, ExitStatus, OutputClosed, Terminated
from careercompare.sanitize import visible

if TYPE_CHECKING:
    import typer

    from careercompare.terminal import Terminal

DEBUG_ENV_VAR = "CAREERCOMPARE_DEBUG"


def interrupted() -> None:
    """Say so on a line of its own, below whatever prompt was showing."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        if sys.stderr.isatty():
            sys.stderr.write("\n")
        # not an error of the person's: the run was stopped as they asked
        sys.stderr.write("careercompare: interrupted\n")
        sys.stderr.flush()


def fail(message: str, details: Sequence[str] = ()) -> None:
    """Print an error line (and detail lines) to stderr, if there is a stderr."""
    lines = [f"careercompare: error: {visible(message)}", *(f"  {visible(d)}" for d in details)]
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.write("\n".join(lines) + "\n")
        sys.stderr.flush()


def main(argv: Sequence[str] | None = None, *, terminal: Terminal | None = None) -> int:
    """Run careercompare with the given arguments and return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if argv is None:
        _without_openssl()
    if sys.stdout is None:  # started with stdout closed (>&-): nothing could be shown
        fail("standard output is closed; run the command with its output going somewhere")
        return ExitStatus.DATA
    with _signals_interrupt(), _collector_off(exiting=argv is None):
        try:
            if args in (["--version"], ["-V"]):
                sys.stdout.write(f"careercompare {__version__}\n")
                code = 0
            else:
                code = _run(args, terminal)
            sys.stdout.flush()
            return code
        except (BrokenPipeError, OutputClosed):
            _silence_stdout()
            return ExitStatus.BROKEN_PIPE
        except KeyboardInterrupt:
            interrupted()
            return ExitStatus.INTERRUPTED
        except OSError as error:  # stdout on a full disk, or closed
            _silence_stdout()
            fail(f"cannot write the output ({error.strerror or error}); check the disk or pipe")
            return ExitStatus.DATA
        except Exception as error:
            if os.environ.get(DEBUG_ENV_VAR) == "1":
                raise
            fail(
                f"internal error ({type(error).__name__}: {error}); please report it with the "
                f"output of the same command run with {DEBUG_ENV_VAR}=1"
            )
            return ExitStatus.INTERNAL


def _run(args: list[str], terminal: Terminal | None) -> int:
    import typer

    from careercompare.cli.app import VALUE_OPTIONS, app
    from careercompare.cli.options import Settings

    obj = Settings() if terminal is None else Settings(terminal=terminal)
    narrowed = _narrowed(app, args, VALUE_OPTIONS)
    command = typer.main.get_command(narrowed)
    try:
        result = command.main(args=args, prog_name="careercompare", standalone_mode=False, obj=obj)
    except typer.TyperException as error:  # Click's errors; usage errors have exit code 2
        message = error.format_message()
        if error.exit_code == ExitStatus.USAGE:
            context = getattr(error, "ctx", None)
            where = context.command_path if context is not None else "careercompare"
            message = f"{message} (see '{where} --help')"
        fail(message)
        return error.exit_code
    except typer.Abort:
        interrupted()
        return ExitStatus.INTERRUPTED
    except CareerCompareError as error:
        message = error.message
        if error.exit_code == ExitStatus.USAGE and "'careercompare " not in message:
            named = narrowed is not app  # the arguments named a command
            where = (
                f"careercompare {_command_word(args, VALUE_OPTIONS)}" if named else "careercompare"
            )
            message = f"{message} (see '{where} --help')"
        fail(message, error.details)
        return error.exit_code
    if result == ExitStatus.INTERRUPTED:
        interrupted()
    return result if isinstance(result, int) else 0


def _narrowed(
    app: typer.Typer, args: list[str], value_options: frozenset[str] = frozenset()
) -> typer.Typer:
    """The app with only the command the arguments name, when they name one.

    Typer makes a Click command of every command of an app, reading each one's
    parameters, before it runs any: 15 ms of a 25 ms `table` after the imports
    (benchmarks/startup.py). The command's name is the first word after the global
    options (`value_options` are those that take a value). The other commands are left
    out only when that word is a command's name; `--help`, `--version`, a mistyped name
    or an unknown option get the whole app, for Click to answer.
    """
    import copy

    import typer

    first = _command_word(args, value_options)
    chosen = [
        info
        for info in app.registered_commands
        if (info.name or typer.main.get_command_name(getattr(info.callback, "__name__", "")))
        == first
    ]
    if len(chosen) != 1:
        return app
    narrowed = copy.copy(app)
    narrowed.registered_commands = chosen
    return narrowed


def _command_word(args: list[str], value_options: frozenset[str]) -> str:
    """The first word that is not a global option taking a value, nor its value."""
    words = iter(args)
    for word in words:
        if word in value_options:
            next(words, None)  # its value
        elif word.partition("=")[0] not in value_options:  # not --data=PATH
            return word
    return ""


def _without_openssl() -> None:
    """Leave OpenSSL's libraries unloaded unless something asks for them by name.

    Importing `hashlib` (the cache does; Pydantic does too, through `secrets`, when a
    catalog is validated) loads libcrypto: 3.4 MiB resident in every run (0.14 of the floor
    of benchmarks/startup.py; `table` 32.5 to 29.0 MiB, `salary` 34.2 to 31.5) for
    nothing careercompare needs. `hashlib` then uses Python's own SHA-256, which gives
    the same digests; digest.py loads OpenSSL's for inputs over 1 MiB, where it
    is 5 times faster.

    A run that validates a catalog imports pydantic-core (Pydantic too, where it makes
    the validator), which imports asyncio, which imports `ssl` where it can: libssl and
    libcrypto, for a tool that opens no connection. Without it asyncio goes on as it does
    where Python has no ssl, and `table` with the cache off peaks at 34.0 MiB rather than
    38.4.

    Only in a process of its own (`argv` None): never under a caller.
    """
    for module in ("_hashlib", "_ssl"):
        if module not in sys.modules:
            sys.modules[module] = None  # type: ignore[assignment]  # importing it fails


@contextlib.contextmanager
def _collector_off(*, exiting: bool) -> Iterator[None]:
    """Run without Python's cycle collector, and leave what was made out of its reach.

    A run makes tens of thousands of objects (a read catalog) and no garbage cycles
    worth collecting before it ends. A running collector walks them again and again,
    and the final collection at exit walks them all once more, unless they are frozen
    (only when the process is about to end: `exiting`). Measured with
    benchmarks/startup.py: `table` on the bundled catalog 1.39 to 1.10 x floor (about
    25 ms), and on 10,000 roles 5.3 to 2.9 x floor.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if exiting:
            gc.freeze()
        if was_enabled:
            gc.enable()


@contextlib.contextmanager
def _signals_interrupt() -> Iterator[None]:
    """SIGTERM and SIGHUP end a run as Ctrl-C does, so half-written files are removed."""

    def interrupt(signum: int, frame: object) -> None:
        raise Terminated

    names = ("SIGTERM", "SIGHUP")
    wanted = [getattr(signal, name) for name in names if hasattr(signal, name)]
    try:
        previous = {number: signal.signal(number, interrupt) for number in wanted}
    except ValueError:  # not the main thread: leave signals alone
        previous = {}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _silence_stdout() -> None:
    """After the reader of a pipe went away, send what is left nowhere, quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
