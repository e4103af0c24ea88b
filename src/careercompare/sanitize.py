"""Makes text from a data file safe to print: no control sequences, no invisible characters."""

from __future__ import annotations

import re

# CSI (ESC [ ... final byte), OSC (ESC ] ... BEL or ST), other two-byte ESC sequences,
# and the 8-bit CSI/OSC introducers with their bodies.
_ESCAPE_SEQUENCE = (
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
    r"|\x9d[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[@-_]?"
)
# C0 and C1 controls, DEL, the bidirectional marks, embeddings, overrides and isolates,
# and the invisible ones: soft hyphen, zero-width space, joiners, word joiner, BOM.
_CONTROL = r"[\x00-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
_SPACES = r"[ \t\r\n\f\v\u2028\u2029]+"


def sanitize(text: str) -> str:
    """Text safe to print: escape sequences removed, other controls dropped, runs of
    white space (newlines included) folded to one space."""
    if text.isprintable() and "  " not in text:
        # Nothing to remove or fold (every character the patterns match is unprintable,
        # but a space): the usual case, and many times faster than the patterns.
        return text
    return _scrub(text)


def _scrub(text: str) -> str:
    without_sequences = re.sub(_ESCAPE_SEQUENCE, "", text)
    spaced = re.sub(_SPACES, " ", without_sequences)
    return re.sub(_CONTROL, "", spaced)


def visible(text: str) -> str:
    """Text safe to print in a message that quotes what someone typed or a file holds:
    runs of white space folded to one space, and every other control or invisible
    character shown as its escape ('\\x1b', '\\u202e') rather than dropped, so that the
    message says what was there."""
    if text.isprintable() and "  " not in text:
        return text
    spaced = re.sub(_SPACES, " ", text)
    return re.sub(_CONTROL, _escaped, spaced)


def _escaped(found: re.Match[str]) -> str:
    code = ord(found.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
