"""How names typed by people are compared: role ids, names, aliases and search words."""

from __future__ import annotations

from careercompare.sanitize import sanitize


def normalize_name(name: str) -> str:
    """The form in which names are compared: invisible characters removed, case folded,
    hyphens as spaces, spaces folded ('Registered\u200b nurse' is 'registered nurse')."""
    return " ".join(sanitize(name).casefold().replace("-", " ").split())
