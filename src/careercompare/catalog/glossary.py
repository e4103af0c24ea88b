"""The glossary: careercompare's explanations of the words its views use, from the bundled
data file `glossary.json`, looked up by a term or one of its other names."""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass

from careercompare.bundled import GLOSSARY, bundled_data_path
from careercompare.catalog.names import bounded, normalize_name
from careercompare.errors import DataError, UsageError


@dataclass(frozen=True)
class Term:
    """One word or phrase, its other names, and what it means."""

    term: str
    aliases: tuple[str, ...]
    text: str


def glossary() -> tuple[Term, ...]:
    """Every term of the bundled glossary, in its order."""
    path = bundled_data_path(GLOSSARY)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return tuple(
            Term(str(t["term"]), tuple(str(a) for a in t.get("aliases", ())), str(t["text"]))
            for t in data["terms"]
        )
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise DataError(f"{path}: is not a glossary careercompare can read ({error})") from None


def find_terms(terms: tuple[Term, ...], wanted: str) -> tuple[Term, ...]:
    """The term a word names (by the term or another of its names, any case), else the
    terms whose names hold it; none is a usage error suggesting the closest."""
    key = normalize_name(bounded(wanted, "a term"))
    exact = [t for t in terms if key in {normalize_name(n) for n in (t.term, *t.aliases)}]
    if exact:
        return tuple(exact)
    holding = [t for t in terms if any(key in normalize_name(n) for n in (t.term, *t.aliases))]
    if holding:
        return tuple(holding)
    names = [n for t in terms for n in (t.term, *t.aliases)]
    close = difflib.get_close_matches(wanted, names, n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    raise UsageError(
        f"no term '{wanted[:60]}' in the glossary; {hint}run 'careercompare glossary' to list them"
    )
