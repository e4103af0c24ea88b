"""Closed choices that carry their words: looked up by value, said in words."""

from __future__ import annotations

import json

import pytest

from careercompare.choices import WordedChoice
from careercompare.programs.choices import Credential
from careercompare.wages.choices import AreaKind, WageSort

WORDED: tuple[type[WordedChoice], ...] = (AreaKind, WageSort, Credential)


@pytest.mark.parametrize("choice", WORDED, ids=lambda c: c.__name__)
def test_every_member_is_its_value_and_has_words(choice: type[WordedChoice]) -> None:
    for member in choice:
        assert choice(member.value) is member
        assert member == member.value and str(member) == member.value
        assert isinstance(member.value, str) and member.words.strip()
    assert len({m.words for m in choice}) == len(choice)


def test_words_are_those_a_view_says() -> None:
    assert AreaKind("metro").words == "metropolitan areas"
    assert WageSort("per-1000").words == "jobs per 1,000"
    assert Credential("associate").words == "associate's degree"
    assert json.dumps([AreaKind.STATE, Credential.ANY]) == '["state", "any"]'


def test_a_value_not_among_the_choices_is_not_one() -> None:
    with pytest.raises(ValueError):
        AreaKind("states and territories")
