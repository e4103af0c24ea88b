"""The one-line hint under a view for people: which of the glossary's terms it uses, and
the command that explains them."""

from __future__ import annotations

import re
from functools import cache

from careercompare.results.blocks import Block, Paragraph, Records, texts

# Names too common to mean the term wherever they appear.
_TOO_COMMON = {"preparation", "projections", "less precise", "ep"}


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    from careercompare.catalog.glossary import glossary

    found = []
    for term in glossary():
        names = [n for n in (term.term, *term.aliases) if n.casefold() not in _TOO_COMMON]
        # an acronym ('LQ', 'OEWS') only as written; a word or phrase in any case
        exact = [re.escape(n) for n in names if n.isupper()]
        folded = [re.escape(n) for n in names if not n.isupper()]
        parts = [rf"\b(?:{'|'.join(exact)})\b"] if exact else []
        parts += [rf"(?i:\b(?:{'|'.join(folded)})\b)"] if folded else []
        found.append((term.term, re.compile("|".join(parts))))
    return tuple(found)


# A listing longer than this (every role, every area) is names, not terms: not scanned,
# so a 10,000-role `roles` is not slowed (benchmarks/startup.py: 1.8 to 3.3 x floor).
LISTING_ROWS = 300


def glossary_hint(blocks: tuple[Block, ...]) -> Paragraph | None:
    """A note naming the glossary terms the blocks use, or None when they use none."""
    scanned = [b for b in blocks if not (isinstance(b, Records) and len(b.rows) > LISTING_ROWS)]
    text = "\n".join(texts(scanned))
    used = [term for term, pattern in _patterns() if pattern.search(text)]
    if not used:
        return None
    return Paragraph(
        f"Terms used here: {', '.join(used)}. 'careercompare glossary TERM' explains each.",
        note=True,
    )
