"""The one place output leaves careercompare: a view's result, rendered, to stdout or a file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from careercompare.errors import OutputClosed, Terminated, UsageError
from careercompare.render.formats import FORMATS, Format, format_for_extension, format_named

if TYPE_CHECKING:
    from careercompare.results.base import ViewResult
    from careercompare.terminal import Terminal


def chosen_format(result: ViewResult, format_name: str, output: Path | None) -> Format:
    """The format asked for (by --format, or by the --output file's extension) if the
    view can write it; anything else is a usage error that lists what it can write."""
    offered = [f for f in FORMATS if f.supports(result)]
    if output is not None:
        chosen = format_for_extension(output.suffix)
        if chosen is None or chosen not in offered:
            known = ", ".join(f.extension for f in offered if f.extension)
            raise UsageError(f"cannot write '{output}': '{result.VIEW}' writes {known} files")
        return chosen
    chosen = format_named(format_name)
    if chosen not in offered:
        names = ", ".join(f.name for f in offered)
        raise UsageError(f"'{result.VIEW}' cannot write {chosen.name}; choose one of: {names}")
    return chosen


PAGER_ENV_VAR = "CAREERCOMPARE_PAGER"
DEFAULT_PAGER = "less -FRX"


def write_result(
    result: ViewResult,
    *,
    format_name: str,
    output: Path | None,
    force: bool,
    terminal: Terminal,
    page: bool = True,
) -> None:
    """Render the result and write it to stdout (through a pager when it is taller than
    the screen of a terminal), or whole to the --output file."""
    chosen = chosen_format(result, format_name, output)
    text = chosen.render(result, terminal)
    if output is None:
        if not (page and _paged(text, terminal)):
            write_stdout(text, terminal)
        return
    from careercompare.output_file import write_atomically

    write_atomically(output, text, force=force)
    terminal.note(f"wrote {output}")


def pager_command() -> list[str] | None:
    """CAREERCOMPARE_PAGER, else PAGER, else 'less -FRX'; None when set empty, or when
    the pager is not installed."""
    import os
    import shlex
    import shutil

    chosen = os.environ.get(PAGER_ENV_VAR)
    if chosen is None:
        chosen = os.environ.get("PAGER") or DEFAULT_PAGER
    try:
        words = shlex.split(chosen)
    except ValueError:  # an unclosed quote ('less "'): no pager, the text is printed
        return None
    if not words or shutil.which(words[0]) is None:
        return None
    return words


def _paged(text: str, terminal: Terminal) -> bool:
    """Show text through the pager when stdout is a terminal and text is taller than it."""
    if not terminal.stdout_tty or text.count("\n") < terminal.height:
        return False
    command = pager_command()
    if command is None:
        return False
    import os
    import subprocess

    env = {**os.environ, "LESS": os.environ.get("LESS", "FRX")}
    try:
        pager = subprocess.Popen(command, stdin=subprocess.PIPE, env=env)
    except OSError:  # a pager that cannot run (not a program): the text is printed instead
        return False
    with pager:
        assert pager.stdin is not None
        try:
            pager.stdin.write(text.encode(terminal.encoding, errors="replace"))
            pager.stdin.close()
        except BrokenPipeError:  # the reader quit the pager early: nothing is wrong
            pass
        while True:
            try:
                pager.wait()
                break
            except Terminated:  # SIGTERM or SIGHUP: the run ends, and the pager with it
                pager.terminate()
                raise
            except KeyboardInterrupt:  # Ctrl-C belongs to the pager while it shows
                continue
    return True


def write_stdout(text: str, terminal: Terminal) -> None:
    """Write text to stdout; characters its encoding lacks are spelled in ASCII ('>=')."""
    try:
        text.encode(terminal.encoding)
    except (UnicodeEncodeError, LookupError):
        from careercompare.render.ascii_text import to_ascii

        text = to_ascii(text)
    try:
        _write_all(terminal.stdout, text, terminal.encoding)
    except BrokenPipeError:
        raise OutputClosed from None


def _write_all(stream: TextIO, text: str, encoding: str) -> None:
    """Write every byte, or fail: a reader that goes away mid-write is a BrokenPipeError.
    (A large write to a pipe whose reader left returned a partial count that the text
    layer dropped without an error: 73,728 of 104,134 bytes, exit 0.)"""
    import io
    import os

    try:
        fd = stream.fileno()
    except (AttributeError, OSError, io.UnsupportedOperation):  # not a file: a test's buffer
        stream.write(text)
        stream.flush()
        return
    stream.flush()
    data = memoryview(text.encode(encoding))
    while data:
        data = data[os.write(fd, data) :]
