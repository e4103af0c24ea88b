"""The `json` format: the view's result as JSON, in a versioned, stable shape."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from careercompare.results.base import ViewResult
    from careercompare.terminal import Terminal


def render(result: ViewResult, terminal: Terminal) -> str:
    """The result's data as JSON; non-ASCII and control characters are escaped."""
    from careercompare.results.serialize import result_data

    return json.dumps(result_data(result), indent=2, ensure_ascii=True) + "\n"
