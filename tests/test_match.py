"""`careercompare match`: the questionnaire from the catalog, scripted or interactive."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from careercompare.catalog.loader import bundled_catalog_path, load_catalog
from careercompare.questionnaire import ask
from careercompare.terminal import Terminal

CLINICAL = [
    "patient-care=yes",
    "clinical-skills=yes",
    "work-type=clinical-and-office",
    "entry-speed=no-rush",
    "long-term-growth=a-lot",
    "office-tasks=no",
]
OFFICE = [
    "patient-care=no",
    "clinical-skills=no",
    "work-type=office",
    "entry-speed=fast",
    "long-term-growth=a-little",
    "office-tasks=yes",
]


def answers(pairs: list[str]) -> list[str]:
    return [arg for pair in pairs for arg in ("--answer", pair)]


def test_clinical_answers_rank_medical_assistant_first_with_reasons(run: Any) -> None:
    result = run("match", *answers(CLINICAL), "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    ranking = [(r["role"]["id"], r["score"]) for r in data["ranking"]]
    assert ranking == [("medical-assistant", 10), ("medical-office-assistant", 0)]
    first = data["ranking"][0]["reasons"][0]
    assert first == {
        "question": "patient-care",
        "answer": "yes",
        "points": 2,
        "reason": "Choose a medical assistant career if you want hands-on involvement "
        "in patient care.",
        "source": "fhca-seed",
        "question_text": "Do you want hands-on involvement in patient care?",
        "answer_label": "Yes",
    }
    assert data["suggested_command"] == (
        "careercompare table medical-assistant medical-office-assistant"
    )


def test_office_answers_rank_medical_office_assistant_first(run: Any) -> None:
    data = json.loads(run("match", *answers(OFFICE), "--json").stdout)
    assert data["ranking"][0]["role"]["id"] == "medical-office-assistant"
    assert data["ranking"][0]["score"] == 10


def test_rich_result_ends_with_the_table_command(run: Any) -> None:
    out = run("match", *answers(OFFICE), "--format", "plain").stdout
    assert "1 | Medical office assistant | +10" in out
    assert (
        "Compare the top two:\ncareercompare table medical-office-assistant medical-assistant"
        in out
    )


def test_missing_answers_without_a_terminal_exit_2_listing_them(run: Any) -> None:
    result = run("match", *answers(CLINICAL[:4]))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "careercompare: error: 2 questions unanswered: long-term-growth (a-lot|a-little); "
        "office-tasks (yes|no); answer them with --answer KEY=VALUE\n"
    )


def test_no_input_never_prompts(run: Any) -> None:
    result = run("match", "--no-input")
    assert result.exit_code == 2
    assert "6 questions unanswered" in result.stderr


@pytest.mark.parametrize(
    ("pair", "message"),
    [
        ("colour=blue", "--answer 'colour=blue': expected KEY=VALUE with KEY one of: patient-care"),
        ("patient-care=maybe", "--answer patient-care: 'maybe' is not one of: yes, no"),
        ("patient-care", "expected KEY=VALUE"),
    ],
)
def test_bad_answers_are_usage_errors(run: Any, pair: str, message: str) -> None:
    result = run("match", "--answer", pair)
    assert result.exit_code == 2
    assert message in result.stderr


def test_closed_stdin_never_waits_for_input() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "careercompare", "match"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "questions unanswered" in done.stderr


def test_a_catalog_without_questions_says_so(
    run: Any, tmp_path: Path, catalog_data: dict[str, Any]
) -> None:
    catalog_data["questions"] = []
    path = tmp_path / "no-questions.json"
    path.write_text(json.dumps(catalog_data))
    result = run("--data", str(path), "match")
    assert result.exit_code == 1
    assert "this catalog has no match questions" in result.stderr


def test_ask_reasks_until_valid_and_takes_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    plain = next(
        q for q in load_catalog(bundled_catalog_path()).questions if q.key == "entry-speed"
    )
    question = plain.model_copy(update={"default": "no-rush"})
    replies = iter(["7", "abc", "²", ""])
    prompts: list[str] = []

    def read(prompt: str) -> str:
        prompts.append(prompt)
        return next(replies)

    assert ask(question, 4, 6, Terminal(), read) == "no-rush"
    assert prompts == ["Choose 1-2 [2]: "] * 4
    out = capsys.readouterr().out
    assert "4/6. How soon do you want to start working in healthcare?" in out
    assert out.count("Please type a number from 1 to 2, or the start of an answer.") == 3


def test_no_default_answer_gives_a_role_points_before_the_user_answers() -> None:
    assert all(q.default is None for q in load_catalog(bundled_catalog_path()).questions)


def test_every_question_weighs_only_catalog_roles_and_cites_a_source() -> None:
    catalog = load_catalog(bundled_catalog_path())
    assert len(catalog.questions) == 6
    for question in catalog.questions:
        for option in question.options:
            assert option.source == "fhca-seed"
            assert set(option.weights) <= {"medical-assistant", "medical-office-assistant"}
