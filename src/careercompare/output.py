"""All console set-up: where output goes, its width, colour and character set."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rich.console import Console


def make_console(file: TextIO | None = None, **options: Any) -> Console:
    """A console that never reads text as markup or emoji codes.

    Rich itself honours NO_COLOR, FORCE_COLOR, TERM=dumb and COLUMNS, and
    writes no escape codes when the output is not a terminal. `options` are
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


def wants_ascii(console: Console) -> bool:
    """ASCII borders and bars for dumb terminals and outputs that cannot encode Unicode."""
    encoding = (console.encoding or "").lower().replace("-", "")
    return os.environ.get("TERM") == "dumb" or not encoding.startswith("utf")
