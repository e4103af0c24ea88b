"""The command line as a user meets it: version, help, roles, validate, schema, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from careercompare import __version__
from tests.conftest import COMMANDS, ROOT


def test_version_prints_name_and_version(run: Any) -> None:
    result = run("--version")
    assert (result.exit_code, result.stdout) == (0, f"careercompare {__version__}\n")


def test_version_imports_neither_pydantic_nor_rich() -> None:
    code = (
        "import sys; from careercompare.cli.entry import main; main(['--version']);"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'rich', 'typer')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[-1] == "[]"


def test_no_arguments_prints_help(run: Any) -> None:
    result = run()
    assert result.exit_code == 0
    assert "Usage: careercompare" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_every_command_has_help_with_an_example(run: Any, command: str, flag: str) -> None:
    result = run(command, flag)
    assert result.exit_code == 0, result.stderr
    assert "Examples:" in result.stdout
    assert f"careercompare {command}" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented_in_the_readme(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"careercompare {command}" in readme


def test_roles_lists_ids_names_aliases_and_occupations(run: Any) -> None:
    result = run("roles", "--format", "plain")
    assert result.exit_code == 0, result.stderr
    assert (
        "medical-office-assistant | Medical office assistant | MOA, medical administrative "
        "assistant | Medical secretaries and administrative assistants (43-6013)"
    ) in result.stdout


def test_roles_json_has_a_stable_shape(run: Any) -> None:
    data = json.loads(run("roles", "--json").stdout)
    assert data["view"] == "roles"
    first = data["roles"][0]
    assert set(first) == {"id", "name", "aliases", "bls_occupation"}
    assert first["bls_occupation"]["soc_code"] == "31-9092"


def test_roles_search_finds_by_name_and_alias(run: Any) -> None:
    found = json.loads(run("roles", "--search", "nurse", "--json").stdout)["roles"]
    assert [r["id"] for r in found][:4] == [
        "licensed-practical-nurse",
        "registered-nurse",
        "nurse-anesthetists-midwives-and-practitioners",
        "nursing-assistant",
    ]
    # then the occupations one of whose names people use holds the word, with that name
    epidemiologists = next(r for r in found if r["id"] == "epidemiologists")
    assert epidemiologists["aliases"] == ["Nurse Epidemiologist"]
    by_alias = json.loads(run("roles", "-s", "LVN", "--json").stdout)["roles"]
    assert [r["id"] for r in by_alias] == ["licensed-practical-nurse"]


@pytest.mark.parametrize(
    ("command", "words"), [("roles", ["respiratory", "therapist"]), ("areas", ["tampa"])]
)
def test_words_after_roles_and_areas_search_as_search_does(
    run: Any, command: str, words: list[str]
) -> None:
    searched = run(command, "--search", " ".join(words), "--json")
    assert searched.exit_code == 0, searched.stderr
    assert run(command, *words, "--json").stdout == searched.stdout
    # both at once: every word must match
    both = run(command, words[0], "--search", "no-such-word", "--json")
    assert both.exit_code == 2 and "no-such-word" in both.stderr


@pytest.mark.parametrize(
    ("args", "chosen"),
    [
        (("wages", "ma", "--by", "METRO", "--top", "1"), {"by": "metro"}),
        (("wages", "ma", "--sort", "Employment", "--top", "1"), {"sort": "employment"}),
        (("programs", "ma", "--sort", "Debt", "--top", "1"), {"sort": "debt"}),
        (("programs", "ma", "--credential", "ASSOCIATE"), {"credential": "associate"}),
    ],
)
def test_a_closed_choice_is_taken_in_any_case(
    run: Any, args: tuple[str, ...], chosen: dict[str, str]
) -> None:
    result = run(*args, "--format", "JSON")  # --format is one too
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert {key: data[key] for key in chosen} == chosen


def test_area_types_are_taken_in_any_case(run: Any) -> None:
    result = run("areas", "--type", "Nonmetro", "--in", "FL", "--json")
    assert result.exit_code == 0, result.stderr
    kinds = {area["kind"] for area in json.loads(result.stdout)["areas"]}
    assert kinds == {"nonmetro"}


def test_roles_search_without_match_is_a_usage_error(run: Any) -> None:
    result = run("roles", "--search", "astronaut")
    assert result.exit_code == 2
    assert "no role matches 'astronaut'" in result.stderr


def test_validate_reports_counts(run: Any) -> None:
    result = run("validate")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "OK: 16 roles, 46 sources, 5 FAQ entries\n"


def test_validate_lists_every_problem_with_its_location(
    run: Any, tmp_path: Path, catalog_data: dict[str, Any]
) -> None:
    salary = catalog_data["roles"][1]["salary"]
    average = next(n for n, f in enumerate(salary) if f["kind"] == "average")
    salary[average]["low"] = 50000
    salary[average]["high"] = 40000
    catalog_data["roles"][0]["oops"] = 1
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(catalog_data))
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"careercompare: error: {path}: not a valid catalog (2 problems); fix it and run "
        f"'careercompare validate {path}'",
        "  roles[0].oops: unknown key (not in the schema)",
        f"  roles[1].salary[{average}]: low 50000 is above high 40000",
    ]


def test_schema_command_prints_the_committed_schema(run: Any) -> None:
    committed = (ROOT / "data" / "roles.schema.json").read_text(encoding="utf-8")
    assert run("schema").stdout == committed, "run: careercompare schema > data/roles.schema.json"


def test_catalog_names_its_schema_for_editors() -> None:
    data = json.loads((ROOT / "data" / "roles.json").read_text(encoding="utf-8"))
    assert data["$schema"] == "./roles.schema.json"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["table", "--bogus"], "No such option: --bogus (see 'careercompare table --help')"),
        (["table", "--format", "yaml"], "Invalid value for '--format' / '-f'"),
        (["nonsense"], "No such command 'nonsense'"),
        (["show"], "Missing argument 'ROLE'"),
        (
            ["payback", "ma"],
            "--current-pay is missing; give what you earn now, a year "
            "(see 'careercompare payback --help')",
        ),
        (
            ["--data", str(ROOT / "data" / "roles.json"), "payback", "ma", "--current-pay", "-1"],
            "--current-pay must be a number above 0, not -1 (see 'careercompare payback --help')",
        ),
    ],
)
def test_usage_problems_end_with_exit_2_and_one_line(
    run: Any, args: list[str], message: str
) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("careercompare: error: ")
    assert message in line


def test_a_usage_problem_that_names_its_command_is_not_pointed_at_the_help(run: Any) -> None:
    result = run("show", "no-such-role")
    assert result.stderr == (
        "careercompare: error: unknown role 'no-such-role'; run 'careercompare roles WORDS' to "
        "search every occupation's names\n"
    )
    # the search it points to finds an occupation by a name people use
    found = run("roles", "dental", "hygienist", "--json")
    assert "dental-hygienists" in [r["id"] for r in json.loads(found.stdout)["roles"]]


def test_python_dash_m_runs_the_tool() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "careercompare", "validate"], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("OK: ")


@pytest.mark.parametrize("command", ["table", "show", "payback", "wages"])
def test_shell_completion_offers_role_ids(command: str) -> None:
    env = {
        **os.environ,
        "_CAREERCOMPARE_COMPLETE": "complete_bash",
        "COMP_WORDS": f"careercompare {command} medical-o",
        "COMP_CWORD": "2",
    }
    out = subprocess.run(
        [sys.executable, "-m", "careercompare"], env=env, capture_output=True, text=True
    )
    assert out.stdout.split() == ["medical-office-assistant"]


@pytest.mark.shipped
def test_readme_sample_output_is_what_table_prints(run: Any) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sample = readme.split("$ careercompare table\n", 1)[1].split("```", 1)[0]
    assert sample.rstrip("\n") == run("table").stdout.rstrip("\n")


def test_a_view_without_records_refuses_csv_naming_what_it_writes(run: Any) -> None:
    from tests.conftest import VIEW_COMMANDS, view_examples

    for command in VIEW_COMMANDS:
        runnable = [e for e in view_examples() if e[0] == command]
        if command == "match":
            runnable = [e for e in runnable if "--no-input" in e]
        example = [word for word in runnable[0] if word != "--json"]
        result = run(*example, "--format", "csv")
        if result.exit_code != 0:
            assert result.exit_code == 2, command
            assert f"'{command}' cannot write csv; choose one of: rich," in result.stderr


@pytest.mark.parametrize("width", [40, 80, 120, 200])
def test_help_fits_the_terminal_and_cuts_no_command_summary(
    width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "careercompare", "--help"],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "COLUMNS": str(width)},
        check=False,
    )
    lines = done.stdout.splitlines()
    long_examples = [line for line in lines if line.strip().startswith("careercompare ")]
    assert all(len(line) <= width for line in lines if line not in long_examples)
    if width >= 120:  # every command's summary whole
        assert not any(line.endswith("...") for line in lines if not line.startswith("Usage"))


def test_help_examples_are_printed_as_written(run: Any) -> None:
    from tests.conftest import COMMANDS

    for command in COMMANDS:
        out = run(command, "--help").stdout
        examples = out.split("Examples:", 1)[1].split("\n\n", 1)[0] if "Examples:" in out else ""
        for line in examples.splitlines():
            assert "   " not in line.strip(), (command, line)


def test_only_the_command_asked_for_is_built_and_the_rest_still_answer() -> None:
    from careercompare.cli.app import VALUE_OPTIONS, app
    from careercompare.cli.entry import _narrowed

    every = len(app.registered_commands)
    assert [c.callback.__name__ for c in _narrowed(app, ["table", "ma"]).registered_commands] == [
        "table"
    ]
    assert len(_narrowed(app, ["import-oews", "x.csv"]).registered_commands) == 1
    for args in ([], ["--help"], ["tabel"], ["--data", "roles.json", "--help"], ["-V", "table"]):
        assert _narrowed(app, args, VALUE_OPTIONS) is app
    for args in (["--data", "table", "show", "ma"], ["--data=roles.json", "show"]):
        narrowed = _narrowed(app, args, VALUE_OPTIONS).registered_commands
        assert [c.callback.__name__ for c in narrowed] == ["show"]
    assert len(app.registered_commands) == every  # the app itself is left whole


def test_the_global_options_that_take_a_value_are_the_ones_the_app_declares() -> None:
    import typer

    from careercompare.cli.app import VALUE_OPTIONS, app

    group = typer.main.get_command(app)
    taking = {name for p in group.params if not getattr(p, "is_flag", True) for name in p.opts}
    assert taking == VALUE_OPTIONS


@pytest.mark.parametrize(
    "args",
    [
        ("--data", "DATA", "show", "alpha"),
        ("--data=DATA", "show", "alpha"),
        ("--data", "DATA", "--data", "DATA", "show", "alpha"),
    ],
)
def test_a_command_after_the_global_options_runs_as_it_does_alone(run: Any, args: Any) -> None:
    from tests.results import MINI

    words = [w.replace("DATA", str(MINI)) for w in args]
    alone = run("show", "alpha", "--data", str(MINI))
    assert alone.exit_code == 0
    assert run(*words).stdout == alone.stdout


def test_a_mistyped_command_is_still_offered_the_right_one(run: Any) -> None:
    result = run("tabel")
    assert result.exit_code == 2
    assert "table" in result.stderr


def test_a_searching_view_takes_words_where_its_search_parameter_stands() -> None:
    import inspect

    from careercompare.cli.options import view_command

    def listing(ctx: Any, before: int, search: list[str], after: int = 0) -> Any:
        return None

    names = list(inspect.signature(view_command(listing, search=True)).parameters)
    assert names[:5] == ["ctx", "before", "words", "search", "after"]
    assert "words" not in inspect.signature(view_command(listing)).parameters

    def unsearchable(ctx: Any) -> Any:
        return None

    with pytest.raises(TypeError, match="unsearchable has no 'search' parameter"):
        view_command(unsearchable, search=True)
