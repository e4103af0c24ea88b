"""The terminal a command runs in, read once, and the Rich consoles drawn for it.

Commands receive a `Terminal` instead of looking at `sys` themselves, so tests can
hand them one of their own (as httpie's `Environment` does).
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rich.console import Console


def _is_tty(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (ValueError, OSError):  # a closed stream is no terminal
        return False


@dataclass(frozen=True)
class Terminal:
    """Where output goes and what the reader's terminal can show."""

    stdin: TextIO | None = field(default_factory=lambda: sys.stdin)
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO | None = field(default_factory=lambda: sys.stderr)
    stdin_is_tty: bool | None = None
    stdout_is_tty: bool | None = None

    @property
    def interactive(self) -> bool:
        """True when a person can answer prompts: stdin and stdout are both terminals."""
        stdin_tty = _is_tty(self.stdin) if self.stdin_is_tty is None else self.stdin_is_tty
        return stdin_tty and self.stdout_tty

    @property
    def stderr_tty(self) -> bool:
        """True when stderr is a terminal (a progress bar may be drawn there)."""
        return _is_tty(self.stderr)

    @property
    def stdout_tty(self) -> bool:
        """True when stdout is a terminal (colours and links may be drawn)."""
        return _is_tty(self.stdout) if self.stdout_is_tty is None else self.stdout_is_tty

    def read_line(self, prompt: str) -> str:
        """Ask for a line; EOFError when there is no more input (Ctrl-D)."""
        if self.stdin is sys.stdin and self.stdout is sys.stdout:
            return input(prompt)  # with line editing where the terminal has it
        if self.stdin is None:
            raise EOFError
        self.stdout.write(prompt)
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            raise EOFError
        return line.rstrip("\n")

    def note(self, message: str) -> None:
        """A line for the person on stderr ('careercompare: wrote ...'), if anyone reads it."""
        if self.stderr is None:  # started with stderr closed (2>&-)
            return
        with contextlib.suppress(OSError, ValueError):
            self.stderr.write(f"careercompare: {message}\n")
            self.stderr.flush()

    def warn(self, message: str) -> None:
        """A warning on stderr: something is off, but the command goes on."""
        self.note(f"warning: {message}")

    @property
    def width(self) -> int:
        """How many columns the screen shows (COLUMNS, or the terminal's own size)."""
        import shutil

        return shutil.get_terminal_size(fallback=(80, 24)).columns

    @property
    def height(self) -> int:
        """How many lines the screen shows (LINES, or the terminal's own size)."""
        import shutil

        return shutil.get_terminal_size(fallback=(80, 24)).lines

    @property
    def encoding(self) -> str:
        """The character set stdout can write."""
        return getattr(self.stdout, "encoding", None) or "utf-8"

    def console(self, file: TextIO, **options: Any) -> Console:
        """A console drawing for this terminal into `file` (see `make_console`)."""
        if self.stdout_tty and "force_terminal" not in options:
            options["force_terminal"] = True
        return make_console(file, **options)


def make_console(file: TextIO | None = None, **options: Any) -> Console:
    """A console that never reads text as markup or emoji codes.

    Rich itself honours NO_COLOR, FORCE_COLOR, TERM=dumb and COLUMNS. `options` are
    passed on to Rich (a width, recording for export, a forced terminal).
    """
    from rich.console import Console

    return Console(
        file=file,
        **options,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
    )


def wants_ascii(encoding: str) -> bool:
    """ASCII borders and bars for dumb terminals and outputs that cannot encode Unicode."""
    plain = encoding.lower().replace("-", "")
    return os.environ.get("TERM") == "dumb" or not plain.startswith("utf")
