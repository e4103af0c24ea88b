"""`careercompare match`: the questionnaire from the catalog, scripted or interactive."""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from careercompare.catalog.loader import bundled_catalog_path, load_catalog
from careercompare.cli.questionnaire import ask
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
    assert ranking[0] == ("medical-assistant", 7)
    assert ("medical-office-assistant", 0) in ranking
    first = data["ranking"][0]["reasons"][0]
    assert first == {
        "question": "patient-care",
        "answer": "yes",
        "points": 2,
        "reason": "Patient care: Yes",
        "source": "fhca-article",
        "question_text": "Do you want hands-on involvement in patient care?",
        "answer_label": "Yes",
        "category": "patient-care",
    }
    assert data["suggested_command"] == ("careercompare table medical-assistant dental-assistant")


def test_every_bundled_role_is_ranked(run: Any) -> None:
    data = json.loads(run("match", *answers(CLINICAL), "--json").stdout)
    catalog = load_catalog(bundled_catalog_path())
    assert sorted(r["role"]["id"] for r in data["ranking"]) == sorted(
        role.id for role in catalog.roles
    )
    ranks = [(r["rank"], r["score"], r["tied"]) for r in data["ranking"]]
    assert ranks[0] == (1, 7, False)
    # equal scores share the rank of the first of them, and say they are tied
    for (rank, score, tied), (next_rank, next_score, next_tied) in itertools.pairwise(ranks):
        assert (next_rank == rank) == (next_score == score)
        if next_score == score:
            assert tied and next_tied


def test_each_point_rests_on_the_cited_cell_of_its_role(run: Any) -> None:
    catalog = load_catalog(bundled_catalog_path())
    roles = {role.id: role for role in catalog.roles}
    labels = {c.id: c.label for c in catalog.comparison_categories}
    data = json.loads(run("match", *answers(CLINICAL), "--json").stdout)
    numbers = {s["id"]: s["number"] for s in data["sources"]}
    moved = 0
    for entry in data["ranking"]:
        for reason in entry["reasons"]:
            cell = roles[entry["role"]["id"]].comparison[reason["category"]]
            assert reason["reason"] == f"{labels[reason['category']]}: {cell.text}"
            assert reason["source"] == cell.source and cell.source in numbers
            moved += 1
        assert entry["score"] == sum(r["points"] for r in entry["reasons"])
    assert moved > len(catalog.roles)


def test_a_role_the_rule_fits_scores_without_being_named_in_the_questions(
    run: Any, tmp_path: Path, catalog_data: dict[str, Any]
) -> None:
    for role in catalog_data["roles"][2:10]:  # with the article's two: half the roles
        role["comparison"]["career-growth"] = {
            "text": "Higher",
            "value": "higher",
            "source": "fhca-article",
        }
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(catalog_data))
    data = json.loads(run("--data", str(path), "match", *answers(CLINICAL), "--json").stdout)
    rn_entry = next(r for r in data["ranking"] if r["role"]["id"] == "registered-nurse")
    assert ("long-term-growth", 2) in [(r["question"], r["points"]) for r in rn_entry["reasons"]]
    assert data["not_scored"] == []


def test_a_row_only_the_articles_two_roles_fill_gives_no_points(run: Any) -> None:
    data = json.loads(run("match", *answers(CLINICAL), "--json").stdout)
    assert all(
        reason["question"] != "long-term-growth"
        for entry in data["ranking"]
        for reason in entry["reasons"]
    )
    [note] = data["not_scored"]
    assert (
        "A lot: not scored; fewer than half the roles ranked have a value in 'Career growth'"
        in note
    )


def test_a_row_gives_a_role_points_once_however_many_answers_fit_it(run: Any) -> None:
    data = json.loads(run("match", *answers(OFFICE), "--json").stdout)
    moa = data["ranking"][0]
    assert moa["role"]["id"] == "medical-office-assistant"
    rows = [reason["category"] for reason in moa["reasons"]]
    assert rows.count("primary-focus") == 1  # work-type=office and office-tasks=yes both fit it


def test_office_answers_rank_medical_office_assistant_first(run: Any) -> None:
    data = json.loads(run("match", *answers(OFFICE), "--json").stdout)
    assert data["ranking"][0]["role"]["id"] == "medical-office-assistant"
    assert data["ranking"][0]["score"] == 7
    top_three = [entry["role"]["id"] for entry in data["ranking"][:3]]
    assert "medical-records-specialist" in top_three


def test_rich_result_ends_with_the_table_command(run: Any) -> None:
    out = run("match", *answers(OFFICE), "--format", "plain").stdout
    assert "1 | Medical office assistant | +7" in out
    assert "=2 | Medical records specialist | +2" in out
    assert (
        "Compare the top role and the first of those tied after it (by projected growth, then "
        "name):\ncareercompare table medical-office-assistant home-health-and-personal-care-aide"
    ) in out
    assert "careercompare's own weighting, not the FHCA article's" in out


def test_missing_answers_without_a_terminal_exit_2_listing_them(run: Any) -> None:
    result = run("match", *answers(CLINICAL[:4]))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "careercompare: error: 2 questions unanswered: long-term-growth (a-lot|a-little); "
        "office-tasks (yes|no); answer them with --answer KEY=VALUE "
        "(see 'careercompare match --help')\n"
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
    question = replace(plain, default="no-rush")
    replies = iter(["7", "abc", "²", ""])
    prompts: list[str] = []

    def read(prompt: str) -> str:
        prompts.append(prompt)
        return next(replies)

    assert ask(question, 4, 6, Terminal(), read) == "no-rush"
    assert prompts == ["Choose 1-3 [2]: "] * 4
    out = capsys.readouterr().out
    assert "4/6. How soon do you want to start working in healthcare?" in out
    assert out.count("Please type a number from 1 to 3, or the start of an answer.") == 3


def test_no_default_answer_gives_a_role_points_before_the_user_answers() -> None:
    assert all(q.default is None for q in load_catalog(bundled_catalog_path()).questions)


def test_every_rule_scores_a_text_row_by_values_some_role_gives() -> None:
    catalog = load_catalog(bundled_catalog_path())
    assert len(catalog.questions) == 6
    text_rows = {c.id for c in catalog.comparison_categories if c.kind == "text"}
    for question in catalog.questions:
        for option in question.options:
            for rule in option.rules:
                assert rule.category in text_rows
                given = {
                    r.comparison[rule.category].value
                    for r in catalog.roles
                    if rule.category in r.comparison
                }
                assert set(rule.values) <= given


def test_a_rule_naming_a_value_no_cell_gives_is_refused(
    run: Any, tmp_path: Path, catalog_data: dict[str, Any]
) -> None:
    catalog_data["questions"][0]["options"][0]["rules"][0]["values"] = ["yess"]
    path = tmp_path / "typo.json"
    path.write_text(json.dumps(catalog_data))
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert (
        "questions[0].options[0].rules[0].values: no role's 'patient-care' cell has the "
        "value 'yess'" in result.stderr
    )


def test_a_reply_that_starts_two_answers_says_which(capsys: pytest.CaptureFixture[str]) -> None:
    question = next(
        q for q in load_catalog(bundled_catalog_path()).questions if q.key == "work-type"
    )
    replies = iter(["clin", "mostly"])
    assert ask(question, 3, 6, Terminal(), lambda prompt: next(replies)) == "clinical"
    assert "'clin' starts answers 1 and 2: type more of it, or the number." in (
        capsys.readouterr().out
    )


def test_a_catalog_in_the_older_weights_form_still_ranks(
    run: Any, tmp_path: Path, catalog_data: dict[str, Any]
) -> None:
    catalog_data["questions"][0]["options"][0] = {
        "value": "yes",
        "label": "Yes",
        "weights": {"registered-nurse": 3},
        "reason": "Registered nurses provide and coordinate patient care.",
        "source": "fhca-article",
    }
    path = tmp_path / "older.json"
    path.write_text(json.dumps(catalog_data))
    data = json.loads(run("--data", str(path), "match", *answers(CLINICAL), "--json").stdout)
    rn = next(r for r in data["ranking"] if r["role"]["id"] == "registered-nurse")
    assert {
        "question": "patient-care",
        "answer": "yes",
        "points": 3,
        "reason": "Registered nurses provide and coordinate patient care.",
        "source": "fhca-article",
        "question_text": "Do you want hands-on involvement in patient care?",
        "answer_label": "Yes",
        "category": "",
    } in rn["reasons"]


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ({"value": "yes", "label": "Yes"}, "give rules (or, in the older form, weights)"),
        (
            {"value": "yes", "label": "Yes", "weights": {"medical-assistant": 1}},
            "weights need the reason and source they rest on",
        ),
        (
            {
                "value": "yes",
                "label": "Yes",
                "weights": {"nobody": 1},
                "reason": "r",
                "source": "fhca-article",
            },
            "weights: role 'nobody' is not in roles",
        ),
    ],
)
def test_an_option_that_scores_nothing_or_nobody_is_refused(
    run: Any, tmp_path: Path, catalog_data: dict[str, Any], option: dict[str, Any], message: str
) -> None:
    catalog_data["questions"][0]["options"][0] = option
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(catalog_data))
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert message in result.stderr


FAST_CLINICAL = [
    "patient-care=y",
    "clinical-skills=y",
    "work-type=clinical",
    "entry-speed=fast",
    "long-term-growth=a-lot",
    "office-tasks=n",
]


def test_as_soon_as_possible_sets_degree_roles_apart_never_above(run: Any) -> None:
    data = json.loads(run("match", *answers(FAST_CLINICAL), "--json").stdout)
    ranked = [entry["role"]["id"] for entry in data["ranking"]]
    apart = {item["role"]["id"]: item["entry_education"] for item in data["apart"]}
    assert apart["registered-nurse"] == "Bachelor's degree"
    assert apart["physicians-and-surgeons"] == "Doctoral or professional degree"
    assert not set(apart) & set(ranked)
    assert not {"registered-nurse", "physicians-and-surgeons"} & set(ranked[:5])
    out = " ".join(run("match", *answers(FAST_CLINICAL), "-f", "plain").stdout.split())
    assert "These need a degree first: Registered nurse (a bachelor's degree) [" in out
    # a plural name takes no singular verb
    assert "Physicians and surgeons (a doctoral or professional degree) [" in out
    assert "surgeons needs" not in out


def test_answers_are_taken_as_people_type_them(run: Any) -> None:
    typed = ["patient-care=Y", "clinical-skills=1", "work-type=off", "entry-speed=as soon",
             "long-term-growth=2", "office-tasks=yes"]  # fmt: skip
    data = json.loads(run("match", *answers(typed), "--json").stdout)
    assert data["answers"] == {
        "patient-care": "yes",
        "clinical-skills": "yes",
        "work-type": "office",
        "entry-speed": "fast",
        "long-term-growth": "a-little",
        "office-tasks": "yes",
    }
    ambiguous = run("match", *answers([*typed[:2], "work-type=clinical", *typed[3:]]))
    assert ambiguous.exit_code == 0  # 'clinical' is an answer of its own, not a prefix
    result = run("match", *answers(["work-type=c", *typed[:2], *typed[3:]]))
    assert result.exit_code == 2
    assert "'c' starts clinical-and-office and clinical; type more of it" in result.stderr


def test_equal_scores_share_a_rank_in_every_format(run: Any) -> None:
    csv_out = run("match", *answers(FAST_CLINICAL), "--format", "csv").stdout
    assert "rank,tied,role_id" in csv_out and "\n1,True,phlebotomist," in csv_out
    markdown = run("match", *answers(FAST_CLINICAL), "--format", "markdown").stdout
    assert "| \\=1 | Phlebotomist |" in markdown  # Markdown escapes the sign


def test_interests_move_roles_by_their_onet_scores_as_the_rule_says(run: Any, index: Any) -> None:
    base = json.loads(run("match", *answers(CLINICAL), "--json").stdout)
    moved = json.loads(run("match", *answers([*CLINICAL, "interests=soc, real"]), "--json").stdout)
    assert moved["answers"]["interests"] == "social,realistic"
    before = {e["role"]["id"]: e["score"] for e in base["ranking"]}
    for entry in moved["ranking"]:
        role = index.resolve_role(entry["role"]["id"])
        found = index.tables.interest_scores(role)
        expected = 0
        if found is not None:
            for name in ("Social", "Realistic"):
                score = found[1].get(name, 0)
                expected += 2 if score >= 5 else 1 if score >= 4 else 0
        assert entry["score"] - before[entry["role"]["id"]] == expected, entry["role"]["id"]
        for reason in entry["reasons"]:
            if reason["category"] == "interests":
                assert reason["source"] == "onet-29-3"
    out = " ".join(run("match", *answers([*CLINICAL, "interests=social"]), "-f", "plain")
                   .stdout.split())  # fmt: skip
    assert "O*NET rates how well each occupation fits each of six interests, from 1 to 7" in out
    assert "Social (Advise, Educate, Guide, Help, Nurture, Teach)" in out


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("astro", "'astro' is not one of them"),
        ("s,r,a,e", "4 given; choose up to 3"),
        ("e", None),  # enterprising is the only interest starting with e
    ],
)
def test_bad_interests_are_usage_errors_listing_the_choices(
    run: Any, value: str, message: str | None
) -> None:
    result = run("match", *answers([*CLINICAL, f"interests={value}"]))
    if message is None:
        assert result.exit_code == 0, result.stderr
        return
    assert result.exit_code == 2 and message in result.stderr
    assert (
        "realistic, investigative, artistic, social, enterprising, conventional" in (result.stderr)
        or "choose up to 3" in result.stderr
    )


def test_match_all_ranks_every_occupation_and_shows_the_top_20(run: Any) -> None:
    typed = [*FAST_CLINICAL, "interests=social,realistic"]
    data = json.loads(run("match", "--all", *answers(typed), "--json").stdout)
    ranked = {entry["role"]["id"] for entry in data["ranking"]}
    apart = {item["role"]["id"] for item in data["apart"]}
    assert len(ranked) + len(apart) == 830  # 16 catalog roles and the occupations they leave
    assert "respiratory-therapists" in apart  # an associate's degree first
    assert all(
        reason["category"] == "interests" for e in data["ranking"] for reason in e["reasons"]
    )  # over every occupation, only the tables' rows compare
    plain = run("match", "--all", *answers(typed), "-f", "plain").stdout
    table = plain.split("\n\n")[1]
    assert len([line for line in table.splitlines() if " | +" in line]) == 20
    assert "roles are ranked below these (all of them in --json and --format csv)" in plain


def test_with_an_area_equal_scores_are_listed_by_local_pay_first(run: Any) -> None:
    plain = run("match", *answers(FAST_CLINICAL), "--area", "FL", "-f", "plain").stdout
    flat = " ".join(plain.split())
    assert "Within a rank, roles are listed by median pay in Florida, then projected growth" in flat
    assert "listed by their projected growth" not in flat  # one order, said once
    data = json.loads(run("match", *answers(FAST_CLINICAL), "--area", "FL", "--json").stdout)
    assert data["tie_break"].startswith("median pay in Florida")


def test_a_person_at_the_prompt_is_asked_for_interests_last_and_told_what_was_taken() -> None:
    import io

    from careercompare.cli.questionnaire import collect_answers

    questions = load_catalog(bundled_catalog_path()).questions
    typed = io.StringIO("y\ny\nclinical\n2\na-lo\nn\nastro\nsoc, real\n")
    out = io.StringIO()
    terminal = Terminal(stdin=typed, stdout=out, stdin_is_tty=True, stdout_is_tty=True)
    keywords = {"Social": "Advise, Help", "Realistic": "Build, Repair"}
    got = collect_answers(questions, [], terminal=terminal, prompt=True, interests=keywords)
    assert got["interests"] == "social,realistic"
    assert got["patient-care"] == "yes" and got["long-term-growth"] == "a-lot"
    shown = out.getvalue()
    assert "social: Advise, Help (O*NET's keywords)" in shown
    assert "'astro' is not one of them" in shown  # asked again
    assert "  -> social, realistic" in shown and "  -> Yes" in shown


@pytest.mark.parametrize("width", [40, 60])
def test_questions_are_wrapped_between_words_to_the_screen(
    monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    import io

    from careercompare.cli.questionnaire import collect_answers

    monkeypatch.setenv("COLUMNS", str(width))
    questions = load_catalog(bundled_catalog_path()).questions
    typed = io.StringIO("y\ny\nclinical\n2\na-lo\nn\nsocial\n")
    out = io.StringIO()
    terminal = Terminal(stdin=typed, stdout=out, stdin_is_tty=True, stdout_is_tty=True)
    keywords = {"Conventional": "Attention to Detail, File, Inspect, Organize, Record, Sort"}
    collect_answers(questions, [], terminal=terminal, prompt=True, interests=keywords)
    # the prompts, where the person types (and a terminal echoes it and Enter)
    lines = re.sub(r"(Choose 1-\d( \[\d\])?|Interests): ", "\n", out.getvalue()).splitlines()
    assert all(len(line) <= width for line in lines), [ln for ln in lines if len(ln) > width]
    # every word whole, and a wrapped line indented under the text it continues
    words = " ".join(line.strip() for line in lines).split()
    assert "management?" in words and "(O*NET's" in words
    question = next(n for n, line in enumerate(lines) if line.startswith("6/6. "))
    assert lines[question + 1].startswith(" " * len("6/6. ")) and lines[question + 1][5] != " "


def test_a_single_role_no_answer_moved_is_said_to_have_scored_0(run: Any) -> None:
    clinical = (
        "--no-input", "-a", "patient-care=yes", "-a", "clinical-skills=yes",
        "-a", "work-type=clinical", "-a", "entry-speed=fast", "-a", "long-term-growth=a-lot",
        "-a", "office-tasks=no",
    )  # fmt: skip
    out = " ".join(run("match", *clinical, "-f", "plain").stdout.split())
    assert "Note: No answer moved Medical records specialist, which scored 0." in out


def test_one_answer_missing_is_named_in_the_singular(run: Any) -> None:
    result = run("match", *answers(CLINICAL[:5]))
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "careercompare: error: 1 question unanswered: office-tasks (yes|no); answer it with "
    )


def test_match_all_without_interests_ranks_nothing_and_says_how_to(run: Any) -> None:
    data = json.loads(run("match", "--all", *answers(FAST_CLINICAL), "--json").stdout)
    assert not any(entry["reasons"] for entry in data["ranking"])
    assert data["suggested_command"] == ""  # no table of two roles picked by tie-break
    assert "-a interests=" in data["suggested_because"]
    plain = " ".join(run("match", "--all", *answers(FAST_CLINICAL), "-f", "plain").stdout.split())
    assert "Rank | Role | Score" not in plain  # no table with no rows
    assert f"No answer moved any of the {len(data['ranking']):,} roles; each scored 0." in plain
    assert "None of your answers gave any role points" in plain
    assert "careercompare table" not in plain
    # the roles set apart are named up to 30, then counted
    others = len(data["apart"]) - 30
    assert f"; and {others:,} other occupations (--json lists them)." in plain
    assert "Cardiovascular technologist or technician (an associate's degree) [" in plain


def test_answers_take_a_unique_start_of_a_key_and_suggest_the_choice_a_typo_means() -> None:
    from careercompare.cli.questionnaire import parse_answers
    from careercompare.errors import UsageError

    questions = load_catalog(bundled_catalog_path()).questions
    assert parse_answers(["patient=yes", "int=soc, real", "work=off"], questions) == {
        "patient-care": "yes",
        "interests": "social,realistic",
        "work-type": "office",
    }
    for pair, meant in [
        ("patint-care=yes", "did you mean 'patient-care'?"),
        ("patient-care=ys", "did you mean 'yes'?"),
        ("work-type=clincal", "did you mean 'clinical'?"),
        ("interests=socal", "did you mean 'social'?"),
    ]:
        with pytest.raises(UsageError) as caught:
            parse_answers([pair], questions)
        assert meant in caught.value.message, pair
    with pytest.raises(UsageError) as caught:
        parse_answers(["zzz=yes"], questions)
    assert "did you mean" not in caught.value.message
