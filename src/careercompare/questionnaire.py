"""Collecting answers to the match questions: from --answer, or one question at a time."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

from careercompare.errors import UsageError
from careercompare.inert import inert
from careercompare.models import Question


def parse_answers(pairs: Sequence[str], questions: Sequence[Question]) -> dict[str, str]:
    """KEY=VALUE pairs checked against the questions; a wrong key or value is a usage error."""
    by_key = {question.key: question for question in questions}
    answers: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or key not in by_key:
            keys = ", ".join(by_key)
            raise UsageError(f"--answer '{pair}': expected KEY=VALUE with KEY one of: {keys}")
        values = [option.value for option in by_key[key].options]
        if value not in values:
            raise UsageError(f"--answer {key}: '{value}' is not one of: {', '.join(values)}")
        answers[key] = value
    return answers


def unanswered(questions: Sequence[Question], answers: dict[str, str]) -> list[Question]:
    """The questions still without an answer."""
    return [question for question in questions if question.key not in answers]


def missing_answers_error(missing: Sequence[Question]) -> UsageError:
    """The usage error listing what is left to answer."""
    listed = "; ".join(f"{q.key} ({'|'.join(o.value for o in q.options)})" for q in missing)
    return UsageError(
        f"{len(missing)} questions unanswered: {listed}; answer them with --answer KEY=VALUE"
    )


def ask(question: Question, number: int, total: int, read: Callable[[str], str] = input) -> str:
    """Ask one question until a valid choice is given; Enter takes the default."""
    default = next(
        (n for n, o in enumerate(question.options, 1) if o.value == question.default), None
    )
    lines = [f"\n{number}/{total}. {inert(question.text)}"]
    lines += [f"  {n}. {inert(option.label)}" for n, option in enumerate(question.options, 1)]
    sys.stdout.write("\n".join(lines) + "\n")
    hint = f" [{default}]" if default else ""
    while True:
        reply = read(f"Choose 1-{len(question.options)}{hint}: ").strip()
        if not reply and default:
            return question.options[default - 1].value
        if reply.isdigit() and 1 <= int(reply) <= len(question.options):
            return question.options[int(reply) - 1].value
        sys.stdout.write(f"Please type a number from 1 to {len(question.options)}.\n")
