"""How names typed by people are compared: role ids, names, aliases and search words."""

from __future__ import annotations


def normalize_name(name: str) -> str:
    """The form in which names are compared: case folded, hyphens as spaces, spaces folded."""
    return " ".join(name.casefold().replace("-", " ").split())
