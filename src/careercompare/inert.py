"""Makes text from a catalog inert: no terminal control sequences, no invisible reordering."""

from __future__ import annotations

import re

# CSI (ESC [ ... final byte), OSC (ESC ] ... BEL or ST), other two-byte ESC sequences,
# and the 8-bit CSI/OSC introducers with their bodies.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
    r"|\x9d[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[@-_]?"
)
# C0 and C1 controls, DEL, and the bidirectional marks, embeddings, overrides and isolates.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


def inert(text: str) -> str:
    """Text safe to print: escape sequences removed, other controls dropped, runs of
    white space (newlines included) folded to one space."""
    if text.isprintable() and "  " not in text:
        # Nothing to remove or fold (every character the patterns match is unprintable,
        # but a space): the usual case, and many times faster than the patterns.
        return text
    return _scrub(text)


def _scrub(text: str) -> str:
    without_sequences = _ESCAPE_SEQUENCE.sub("", text)
    spaced = _SPACES.sub(" ", without_sequences)
    return _CONTROL.sub("", spaced)
