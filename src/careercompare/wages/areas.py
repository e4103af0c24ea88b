"""Which OEWS area a person means: a state by name, postal code or FIPS code, a metro or
nonmetro area by words of its name or its code, or the nation."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence

from careercompare.catalog.names import bounded, closest_words, did_you_mean, without_accents
from careercompare.errors import UsageError
from careercompare.wages.estimates import Area

NATION_NAMES = {"us", "u.s.", "usa", "u.s.a.", "united states", "nation", "national", "99"}
MAX_LISTED = 8
AREAS_HINT = "run 'careercompare areas WORDS' to find an area"


def words_of(text: str) -> list[str]:
    """The words of an area's name or of what was typed, without accents ('mayagüez' is
    'mayaguez'; not 'mayag' and 'ez')."""
    return re.findall(r"[a-z0-9]+", without_accents(text).casefold())


def resolve_area(wanted: str, areas: Sequence[Area]) -> Area:
    """The one area `wanted` names; none or several is a usage error that says what to type."""
    text = bounded(wanted, "an area's name").strip()
    folded = text.casefold()
    if not text:
        raise UsageError(f"no area given; {AREAS_HINT}")
    if folded in NATION_NAMES:
        nation = next((a for a in areas if a.kind == "nation"), None)
        if nation is None:
            raise UsageError(f"these wages have no national figures; {AREAS_HINT}")
        return nation
    shown = text if len(text) <= 60 else text[:57] + "..."
    if "," in text or ";" in text:
        named = area_list(text, areas)
        if len(named) > 1:
            raise UsageError(
                f"'{shown}' names {len(named)} areas; --area takes one: give each in a "
                "command of its own"
            )
        if named:
            text, folded = named[0], named[0].casefold()
    found = _found(text, folded, areas)
    if len(found) == 1:
        return found[0]
    if found:
        listed = "; ".join(f"{a.code} {a.title}" for a in found[:MAX_LISTED])
        more = f" and {len(found) - MAX_LISTED} more" if len(found) > MAX_LISTED else ""
        raise UsageError(
            f"'{shown}' matches {len(found)} areas: {listed}{more}; give more words or the code"
        )
    raise UsageError(f"unknown area '{shown}'; {area_suggestion(folded, areas)}{AREAS_HINT}")


def _found(text: str, folded: str, areas: Sequence[Area]) -> list[Area]:
    return _by_code(text, areas) or _by_state(folded, areas) or _by_words(folded, areas)


# What BLS writes after the comma of a place's name: one postal code or several joined by
# hyphens ("Columbus, OH", "Washington-Arlington-Alexandria, DC-VA-MD-WV").
_POSTAL_CODES = re.compile(r"[a-z]{2}(-[a-z]{2})*", re.IGNORECASE)


def area_list(text: str, areas: Sequence[Area]) -> list[str]:
    """The areas a list names, split at semicolons and commas, except the comma of a
    place's name as BLS writes it: "Columbus, OH" and "Tampa-St. Petersburg-Clearwater,
    FL" are one area each. A state stays a state ("NC, VA" and "kansas, MO" are two, not
    Virginia Beach or Kansas City), and "florida, GA" is two: no area of Florida is GA."""
    names: list[str] = []
    for chunk in text.split(";"):
        start = len(names)
        for part in (part.strip() for part in chunk.split(",")):
            if not part:
                continue
            joined = f"{names[-1]}, {part}" if len(names) > start else ""
            if joined and _POSTAL_CODES.fullmatch(part) and _place_and_codes(joined, areas):
                names[-1] = joined
            else:
                names.append(part)
    return names


def _place_and_codes(text: str, areas: Sequence[Area]) -> bool:
    """True when `text` ("columbus, oh") names one area and what comes before its last
    comma is not a state by itself, unless what follows is that state's own postal code:
    BLS writes no state so, and "New York, NY" means the city where there is one."""
    before, _, codes = text.rpartition(",")
    place = before.strip()
    alone = _found(place, place.casefold(), areas)
    state = alone[0] if len(alone) == 1 and alone[0].kind in ("state", "territory") else None
    if state is not None and codes.strip().casefold() != state.state.casefold():
        return False
    return len(_found(text, text.casefold(), areas)) == 1


def area_suggestion(folded: str, areas: Sequence[Area]) -> str:
    """'did you mean ...? ' for the start of a state's name, a typo of an area's name or of
    a word of it, or ''. States come first: 'fla' is Florida, not Flagstaff."""
    typed = words_of(folded)
    states = {a.title.casefold(): a for a in areas if a.kind in ("state", "territory")}
    if len(typed) == 1:
        close = difflib.get_close_matches(typed[0], states, n=1, cutoff=0.6)
        if close:
            state = states[close[0]]
            return f"did you mean '{state.title}' ({state.state})? "
    titles = {a.title.casefold(): a.title for a in areas}
    close = difflib.get_close_matches(folded, titles, n=1, cutoff=0.6)
    if close:
        return did_you_mean(titles[close[0]])
    words = {word for a in areas for word in words_of(a.title) if not word.isdigit()}
    fixed = closest_words(typed, words, cutoff=0.75)
    return did_you_mean(" ".join(fixed)) if fixed != typed else ""


def _by_code(text: str, areas: Sequence[Area]) -> list[Area]:
    if not text.isdigit():
        return []
    exact = [a for a in areas if a.code == text]
    if exact:
        return exact
    return [a for a in areas if a.kind in ("state", "territory") and a.code == text.zfill(2)]


def _by_state(folded: str, areas: Sequence[Area]) -> list[Area]:
    """A state by its postal code, with or without dots ('d.c.', 'N.Y.'), or its name."""
    states = [a for a in areas if a.kind in ("state", "territory")]
    undotted = folded.replace(".", "")
    return [a for a in states if a.state.casefold() == undotted or a.title.casefold() == folded]


# Words of place names written two ways: BLS writes "St." but "Fort" and "Mount" in full,
# and people type either. Only the place's words get them, not the postal codes after
# its comma: "MT" is Montana, never Mount.
_SPELLINGS = {
    "st": ("saint",),
    "saint": ("st",),
    "fort": ("ft",),
    "ft": ("fort",),
    "mount": ("mt",),
    "mt": ("mount",),
}


def _spelled_words(title: str) -> list[str]:
    """The words of an area's name, with the other spelling of each word of its place
    ('Fort Smith, AR-OK': fort, ft, smith, ar, ok)."""
    place, _, postal = title.rpartition(",") if "," in title else (title, "", "")
    words = []
    for word in words_of(place):
        words += [word, *_SPELLINGS.get(word, ())]
    return words + words_of(postal)


def _by_words(folded: str, areas: Sequence[Area]) -> list[Area]:
    """The areas whose names hold every word typed, as whole words (never as the start of
    another word: 'fla' is not Flagstaff); a state's name or postal code among the words
    keeps the areas of that state ('tampa florida')."""
    wanted = words_of(folded)
    exact = [a for a in areas if a.title.casefold() == folded]
    if exact or not wanted:
        return exact
    found = [a for a in areas if _holds_whole_words(a, wanted)]
    if found:
        return found
    for state in (a for a in areas if a.kind in ("state", "territory")):
        name = words_of(state.title)
        for size, named in ((len(name), name), (1, [state.state.casefold()])):
            if wanted[-size:] == named and len(wanted) > size:
                rest = wanted[:-size]
                inside = [a for a in areas if state.state in a.states and a is not state]
                return [a for a in inside if _holds_whole_words(a, rest)]
    return []


def _holds_whole_words(area: Area, wanted: list[str]) -> bool:
    words = set(words_of(area.title))
    if all(word in words for word in wanted):
        return True
    if not any(word in _SPELLINGS for word in wanted):  # no other spelling to try
        return False
    words = set(_spelled_words(area.title))
    return all(word in words for word in wanted)


def holds_words(area: Area, wanted: list[str], state_names: Mapping[str, str]) -> bool:
    """True when every wanted word starts a word of the area's name or of the name of a
    state it lies in (`state_names`: postal code to name), so that 'florida' finds Tampa."""
    words = _spelled_words(area.title)
    for state in area.states:
        words += words_of(state_names.get(state, ""))
    return all(any(word.startswith(w) for word in words) for w in wanted)


def state_names(areas: Sequence[Area]) -> dict[str, str]:
    """The name of each state and territory, by postal code."""
    return {a.state: a.title for a in areas if a.kind in ("state", "territory") and a.state}


def areas_in(
    areas: Sequence[Area], *, kind: str | None = None, state: str | None = None
) -> list[Area]:
    """The areas of a kind ('state' takes territories too) that lie in a state."""
    chosen = [a for a in areas if a.kind != "nation"]
    if kind == "state":
        chosen = [a for a in chosen if a.kind in ("state", "territory")]
    elif kind is not None:
        chosen = [a for a in chosen if a.kind == kind]
    if state is not None:
        chosen = [a for a in chosen if state in a.states]
    return chosen


def resolve_state(wanted: str, areas: Sequence[Area]) -> str:
    """The postal code of a state given by name, postal code or FIPS code (--in)."""
    if "," in wanted or ";" in wanted:
        raise UsageError(f"--in takes one state, not '{wanted.strip()[:60]}'")
    area = resolve_area(wanted, [a for a in areas if a.kind in ("state", "territory", "nation")])
    if area.kind == "nation":
        raise UsageError(f"--in takes a state, not '{wanted}'")
    if not area.state:
        raise UsageError(
            f"these wages do not say which areas lie in {area.title} (the file imported had "
            "no PRIM_STATE column); rank all areas, or import the tables BLS publishes"
        )
    return area.state


def state_area(wanted: str, areas: Sequence[Area]) -> Area | None:
    """The state an --area lies in: the state itself, or the principal state of a metro or
    nonmetro area; None for the nation."""
    return state_containing(resolve_area(wanted, areas), areas)


def state_containing(area: Area, areas: Sequence[Area]) -> Area | None:
    """The state itself, or the principal state of a metro or nonmetro area (the first its
    name gives); None for the nation."""
    if area.kind == "nation":
        return None
    if area.kind in ("state", "territory"):
        return area
    state = next(
        (a for a in areas if a.kind in ("state", "territory") and a.state == area.state), None
    )
    if state is None:
        raise UsageError(f"'{area.title}' lies in no state of the wage data; give a state")
    return state


def state_of(wanted: str, areas: Sequence[Area]) -> tuple[str, str] | None:
    """The state (FIPS code, name) an --area lies in; None for the nation."""
    state = state_area(wanted, areas)
    return (state.code, state.title) if state else None
