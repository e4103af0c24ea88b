"""The output formats a view can be written in."""

from __future__ import annotations

from enum import StrEnum


class OutputFormat(StrEnum):
    """--format values."""

    rich = "rich"
    plain = "plain"
    markdown = "markdown"
    json = "json"
    csv = "csv"
