"""How names typed by people are compared: role ids, names, aliases and search words."""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Sequence

from careercompare.errors import UsageError
from careercompare.sanitize import sanitize

# The longest name a person types: OEWS's longest area title has 73 characters, O*NET's
# longest reported title 128 characters and 13 words.
MAX_NAME_CHARS = 200
MAX_NAME_WORDS = 25


def bounded(name: str, what: str, hint: str = "give one name") -> str:
    """The name, or a usage error when it is longer than any name could be (so a pasted
    page is refused at once, not searched word by word)."""
    if len(name) > MAX_NAME_CHARS or len(name.split()) > MAX_NAME_WORDS:
        shown = " ".join(name.split())[:40]
        raise UsageError(
            f"'{shown}...' is too long for {what} (over {MAX_NAME_CHARS} characters or "
            f"{MAX_NAME_WORDS} words); {hint}"
        )
    return name


def closest_words(
    typed: Sequence[str], vocabulary: Collection[str], *, cutoff: float = 0.6
) -> list[str]:
    """Each typed word, or the word of the vocabulary it nearly is (difflib's closest at
    `cutoff` or above): the one way a typo is put right, word by word."""
    return [(difflib.get_close_matches(w, vocabulary, n=1, cutoff=cutoff) or [w])[0] for w in typed]


def did_you_mean(suggestion: str | None) -> str:
    """ "did you mean '...'? " to go before an error's hint; "" without a suggestion."""
    return f"did you mean '{suggestion}'? " if suggestion else ""


def without_accents(text: str) -> str:
    """The text with its accents taken off ('Mayagüez' is 'Mayaguez', 'Díaz' is 'Diaz'),
    so that a name typed with or without them finds the other."""
    if text.isascii():
        return text
    import unicodedata  # only for a name with letters beyond ASCII

    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def normalize_name(name: str) -> str:
    """The form in which names are compared: invisible characters removed, case folded,
    hyphens as spaces, spaces folded ('Registered\u200b nurse' is 'registered nurse')."""
    return " ".join(sanitize(name).casefold().replace("-", " ").split())


# Short forms people type for words of occupation titles.
_SHORT_FORMS = {"tech": "technician", "asst": "assistant", "admin": "administrative"}
_PARENTHESES = re.compile(r"\(([^()]*)\)")


def title_key(name: str) -> str:
    """The form in which occupation titles are matched: words only, each singular, short
    forms spelled out ('EKG Techs' and 'EKG technician' are both 'ekg technician')."""
    words = (_singular(word) for word in _WORD.findall(normalize_name(name)))
    return " ".join(_SHORT_FORMS.get(word, word) for word in words)


def title_keys(title: str) -> set[str]:
    """The keys a title is found by: itself, itself without a part in parentheses, and
    that part when it is a short name ('Respiratory Therapist (RT)': also 'rt')."""
    keys = {title_key(title)}
    inside = _PARENTHESES.findall(title)
    if inside:
        keys.add(title_key(_PARENTHESES.sub(" ", title)))
        keys |= {title_key(part) for part in inside if 0 < len(part.split()) <= 3}
    return keys - {""}


_WORD = re.compile(r"[^\W_]+")


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
