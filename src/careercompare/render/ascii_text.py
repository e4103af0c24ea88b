"""Turns text into plain ASCII for the `plain` format."""

from __future__ import annotations

import unicodedata

# Typographic look-alikes of ASCII characters are exactly what this table maps.
_REPLACEMENTS = {
    "≥": ">=",
    "≤": "<=",
    "–": "-",  # noqa: RUF001
    "—": "-",
    "‘": "'",  # noqa: RUF001
    "’": "'",  # noqa: RUF001
    "“": '"',
    "”": '"',
    "…": "...",
    "→": "->",
    "×": "x",  # noqa: RUF001
    "·": ".",
    "•": "-",
}


def to_ascii(text: str) -> str:
    """ASCII only: known symbols spelled out, accents dropped, anything else as '?'."""
    if text.isascii():
        return text
    out = []
    for char in text:
        if char.isascii():
            out.append(char)
        elif char in _REPLACEMENTS:
            out.append(_REPLACEMENTS[char])
        else:
            decomposed = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
            out.append(decomposed or "?")
    return "".join(out)
