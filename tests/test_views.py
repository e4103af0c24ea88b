"""The comparison views in every format, pinned at 80 columns, and how they read in terminals."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from careercompare.errors import UsageError
from tests.snapshots import assert_snapshot

ESCAPE = "\x1b"
VIEWS = [
    ("table",),
    ("salary",),
    ("outlook",),
    ("faq",),
    ("show", "ma"),
]
TABULAR = ["table", "salary", "outlook", "faq"]


def _name(args: tuple[str, ...], fmt: str) -> str:
    return "-".join(args) + f".{fmt}.txt"


@pytest.mark.shipped
@pytest.mark.parametrize("args", VIEWS, ids=lambda a: " ".join(a))
def test_rendered_output_is_pinned_at_80_columns(run: Any, args: tuple[str, ...]) -> None:
    """The one set of snapshots of the shipped catalog (renderers are tested on blocks)."""
    result = run(*args, "--format", "rich")
    assert result.exit_code == 0, result.stderr
    assert_snapshot("shipped/" + _name(args, "rich"), result.stdout)


def test_show_refuses_csv_with_a_usage_error(run: Any) -> None:
    result = run("show", "ma", "--format", "csv")
    assert result.exit_code == 2
    assert "choose one of: rich, plain, markdown, html, svg, json" in result.stderr


def test_table_names_roles_by_id_alias_or_name_in_any_case(run: Any) -> None:
    outputs = {
        run("table", *names, "--json").stdout
        for names in [
            ("ma", "moa"),
            ("Medical Assistant", "medical-office-assistant"),
            ("MA", "Medical Administrative Assistant"),
        ]
    }
    assert len(outputs) == 1


def test_unknown_role_suggests_closest_match(run: Any) -> None:
    result = run("table", "medical asistant")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "careercompare: error: unknown role 'medical asistant'; did you mean "
        "'medical assistant'? run 'careercompare roles WORDS' to search every occupation's "
        "names\n"
    )


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("dental hygenist", "dental hygienist"),  # an occupation's, not the dental assistant
        ("xray tech", "x ray technician"),  # two words run together
        ("sonografer", "sonographer"),
        ("nurse practioner", "nurse practitioner"),  # a name, not the role's long id
        ("medcal office asistant", "medical office assistant"),
    ],
)
def test_an_unknown_role_suggests_a_name_that_finds_what_was_meant(typed: str, meant: str) -> None:
    from tests.conftest import bundled_index

    index = bundled_index()
    with pytest.raises(UsageError) as caught:
        index.resolve_role(typed)
    assert f"did you mean '{meant}'?" in caught.value.message
    try:  # what it suggests is found, or lists what it may be
        index.resolve_role(meant)
    except UsageError as listed:
        assert "unknown role" not in listed.message and "name one" in listed.message


@pytest.mark.parametrize("command", ["table", "show", "paths", "outlook"])
def test_an_empty_role_name_is_said_to_be_empty(run: Any, command: str) -> None:
    result = run(command, "  ")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        "careercompare: error: a role's name is empty; run 'careercompare roles' to list them\n"
    )


def longest_line(out: str) -> int:
    """The widest line, but for a web address alone on its line (it is never broken)."""
    return max(len(line) for line in out.splitlines() if not ADDRESS_LINE.match(line))


ADDRESS_LINE = re.compile(r"^\s*\(?https?://\S+$")


def test_default_table_at_80_columns_cuts_no_cell(run: Any) -> None:
    out = run("table").stdout
    assert "…" not in out
    assert longest_line(out) <= 80
    assert "│ Median pay (BLS)" in out


@pytest.mark.parametrize(
    ("args", "figures"),
    [
        (("table",), ["$45,690", "+12.5%", "Medical office assistant"]),
        (("salary",), ["$44,200", "$59,310", "$35,000 to $38,000"]),
        (("outlook",), ["+12.5%", "811,000", "112,300"]),
        (("faq",), ["$45,930", "$45,690"]),
        (("show", "ma"), ["$44,200", "+12.5%", "112,300", "Medical assistant"]),
    ],
)
def test_at_40_columns_no_figure_is_cut(
    run: Any, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], figures: list[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    out = run(*args).stdout
    assert "…" not in out
    assert longest_line(out) <= 40
    for figure in figures:
        assert figure in out


def test_table_stacks_when_columns_no_longer_fit(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    out = run("table").stdout
    assert "╭" not in out
    # each row in turn, the roles' cells under it: still a comparison
    pay = "Median pay (BLS)\nMedical assistant:\n  $45,690 a year (May 2025) [2]\n"
    assert pay + "Medical office assistant:\n  $45,930 a year (May 2025) [2]\n" in out


def test_many_roles_switch_to_the_stacked_layout(run: Any) -> None:
    out = run("table", "ma", "moa", "rn", "lpn", "physician").stdout
    assert "╭" not in out
    assert "…" not in out
    assert "Physicians (29-1210): $271,090 a year" in out
    assert "Job outlook (BLS)\nMedical assistant:        +12.5% (2024-2034) [" in out


def test_table_fills_a_missing_text_from_the_tables_as_its_own_reading(run: Any) -> None:
    out = run("table", "ma", "rn", "--format", "plain").stdout
    assert "Career growth | Registered nurse | Leads to Nurse Practitioners, " in out
    assert "(O*NET's related occupations that need more preparation: a higher job zone) [3]" in (
        " ".join(out.split())
    )
    assert "[3] careercompare's reading of the official tables. careercompare." in out
    assert "Median pay (BLS) | Registered nurse | $97,550 a year (May 2025) [4]" in out


def test_no_escape_codes_when_not_a_terminal_or_no_color(
    run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert ESCAPE not in run("table").stdout
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert ESCAPE in run("salary").stdout
    monkeypatch.setenv("NO_COLOR", "1")
    colour = re.compile(r"\x1b\[[0-9;]*?(?<![0-9])(3[0-8]|9[0-7]|4[0-8])[;m]")
    assert not colour.search(run("salary").stdout)


def test_dumb_terminal_gets_ascii_borders(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "dumb")
    out = run("table").stdout
    assert "+----" in out
    assert not set("─│╭╮█┃") & set(out)


def test_faq_without_match_is_one_line_on_stderr_and_exit_2_like_roles(run: Any) -> None:
    result = run("faq", "astronaut")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "careercompare: error: no question or answer matches 'astronaut'; "
        "run 'careercompare faq' to see them all\n"
    )


def test_a_long_role_list_prints_one_line_per_role(
    run: Any, tmp_path: Any, catalog_data: dict[str, Any]
) -> None:
    template = catalog_data["roles"][-1]
    for n in range(400):
        role = json.loads(json.dumps(template))
        role.update(id=f"extra-{n}", name=f"Extra role {n}", aliases=[])
        for figure in role.get("salary", []) + role.get("outlook", []):
            figure["id"] = f"extra-{n}-{figure['id']}"
        catalog_data["roles"].append(role)
    path = tmp_path / "long.json"
    path.write_text(json.dumps(catalog_data))
    out = run("--data", str(path), "roles").stdout
    assert "╭" not in out
    assert "extra-399 | Extra role 399 | - | Surgical technologists (29-2055)" in out
    assert "416 of 416 roles" in out


def test_a_long_role_list_prints_one_whole_line_per_role(
    run: Any, write_catalog: Any, catalog_data: dict[str, Any]
) -> None:
    long_name = "Extra role with a name longer than any terminal is wide " * 2
    catalog_data["roles"] += [
        {"id": f"extra-role-{n}", "name": f"{long_name}{n}", "aliases": [f"x\x1b[31m{n}"]}
        for n in range(400)
    ]
    result = run("--data", str(write_catalog(catalog_data)), "roles")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "Id | Name | Also called | BLS occupation" in lines
    extra = [line for line in lines if line.startswith("extra-role-")]
    assert len(extra) == 400
    assert extra[7] == f"extra-role-7 | {long_name.strip()} 7 | x7 | not in sources"
    assert "\x1b" not in result.stdout


def test_every_name_of_every_role_resolves_to_its_role_in_any_case(
    catalog_data: dict[str, Any], write_catalog: Any
) -> None:
    from careercompare.catalog.index import CatalogIndex
    from careercompare.catalog.loader import load_catalog

    index = CatalogIndex(load_catalog(write_catalog(catalog_data)))
    for role in index.catalog.roles:
        for name in (role.id, role.name, *role.aliases):
            assert CatalogIndex(index.catalog).resolve_role(name.upper()) is role
            assert index.resolve_role(f" {name.replace(' ', '-')} ") is role
    with pytest.raises(UsageError, match="did you mean 'medical assistant'"):
        index.resolve_role("medical asistant")
    assert index.resolve_role("MA") is index.role_by_id("medical-assistant")


@pytest.fixture
def recording_pager(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A pager that keeps what it is given in a file, and a 24-line screen."""
    kept = tmp_path / "paged.txt"
    script = tmp_path / "pager.sh"
    script.write_text(f"#!/bin/sh\ncat > {kept}\n")
    script.chmod(0o755)
    monkeypatch.setenv("CAREERCOMPARE_PAGER", str(script))
    monkeypatch.setenv("LINES", "24")
    return kept


def terminal_run(*args: str) -> int:
    from careercompare.cli.entry import main
    from careercompare.terminal import Terminal

    return main(list(args), terminal=Terminal(stdout_is_tty=True))


def test_output_taller_than_the_screen_is_paged_in_a_terminal(recording_pager: Path) -> None:
    assert terminal_run("show", "ma") == 0
    assert "Medical assistant" in recording_pager.read_text()


@pytest.mark.parametrize("args", [("show", "ma", "--no-pager"), ("roles",)])
def test_short_output_and_no_pager_are_printed_directly(
    recording_pager: Path, args: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LINES", "500")
    assert terminal_run(*args) == 0
    assert not recording_pager.exists()


def test_piped_output_is_never_paged(run: Any, recording_pager: Path) -> None:
    assert run("show", "ma").exit_code == 0
    assert not recording_pager.exists()


def test_an_empty_pager_setting_turns_paging_off(
    recording_pager: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CAREERCOMPARE_PAGER", "")
    assert terminal_run("show", "ma") == 0
    assert "Medical assistant" in capsys.readouterr().out


@pytest.mark.parametrize(
    "args",
    [("table",), ("salary",), ("outlook",), ("faq",), ("paths", "ma"), ("wages", "ma", "moa")],
)
def test_csv_rows_keep_their_sources_numbers_and_periods(run: Any, args: tuple[str, ...]) -> None:
    rows = list(csv.DictReader(io.StringIO(run(*args, "--format", "csv").stdout)))
    header = list(rows[0])
    assert any(name.endswith("source_number") for name in header), header
    if args[0] != "faq":  # an answer has no period; its figures carry theirs in their text
        assert any(
            name in ("period", "as_of", "release") or name.endswith("as_of") for name in header
        )


@pytest.mark.parametrize("kind", ["unclosed quote", "not a program"])
def test_a_pager_that_cannot_run_falls_back_to_printing(
    kind: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pager = 'less "'
    if kind == "not a program":
        script = tmp_path / "pager"
        script.write_text("not a program\n")
        script.chmod(0o755)
        pager = str(script)
    monkeypatch.setenv("CAREERCOMPARE_PAGER", pager)
    monkeypatch.setenv("LINES", "24")
    assert terminal_run("show", "ma") == 0
    assert "Medical assistant" in capsys.readouterr().out


def test_an_explicit_ranking_wins_over_the_area_of_the_environment(
    run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERCOMPARE_AREA", "FL")
    ranked = run("wages", "ma", "--by", "metro", "--in", "TX", "--top", "3", "-f", "plain")
    assert ranked.stdout.startswith("Medical Assistants (31-9092): metropolitan areas in TX")
    side = run("wages", "ma", "moa", "-f", "plain").stdout
    assert side.startswith("Wages in Florida, May 2025")


def test_csv_rows_name_their_source_by_title_and_address(run: Any) -> None:
    rows = list(csv.DictReader(io.StringIO(run("salary", "ma", "--format", "csv").stdout)))
    oews = next(r for r in rows if r["source"] == "bls-oews-may2025")
    assert oews["source_title"].startswith("Occupational Employment and Wage Statistics")
    assert oews["source_url"] == "https://download.bls.gov/pub/time.series/oe/"


def test_the_glossary_explains_a_word_by_any_of_its_names(run: Any) -> None:
    data = json.loads(run("glossary", "LQ", "--json").stdout)
    [term] = data["terms"]
    assert term["term"] == "location quotient"
    every = json.loads(run("glossary", "--json").stdout)["terms"]
    names = {t["term"] for t in every}
    assert {"median", "OEWS", "job zone", "lower bound", "cross-industry", "median debt"} <= names
    assert "crosswalk" in names
    payback = run("payback", "ma", "--area", "FL", "--current-pay", "30000", "-f", "plain")
    hint = " ".join(payback.stdout.split())
    # the cost is program debt, of fields the crosswalk also maps to other occupations, each
    # school's once (the Scorecard's source note says the campuses of one OPEID share it)
    assert "median debt, crosswalk, OPEID. 'careercompare glossary TERM' explains each." in hint
    opeid = run("glossary", "school_group", "-f", "plain").stdout
    assert "campuses of one school share its first six digits" in " ".join(opeid.split())
    assert "CIP-SOC crosswalk" in run("glossary", "CIP", "-f", "plain").stdout
    typo = run("glossary", "medain")
    assert typo.exit_code == 2 and "did you mean 'median'?" in typo.stderr
    assert "careercompare glossary" in run("--help").stdout


@pytest.mark.parametrize("width", [40, 50, 60, 80, 100, 120, 200])
def test_roles_fit_every_width_and_ids_break_at_hyphens(
    run: Any, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    from rich.cells import cell_len

    monkeypatch.setenv("COLUMNS", str(width))
    out = run("roles", "--format", "rich").stdout
    assert max(cell_len(line) for line in out.splitlines()) <= width
    # the longest id is broken after its hyphens, if at all, never inside a word
    for word in ("nurse-", "anesthetists-", "midwives-and-", "practitioners"):
        assert word in out, (width, word)


def test_roles_at_100_columns_leave_names_room(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    lines = run("roles", "--format", "rich").stdout.splitlines()
    header = next(line for line in lines if line.startswith("│ Id"))
    id_column = header.index("│", 1)
    assert id_column < 25
    first = next(line for line in lines if "medical-assistant" in line)
    assert "Medical assistant" in first and "MA, medical assistants" in first


def test_table_csv_wide_has_a_row_per_category_and_columns_per_role(run: Any) -> None:
    out = run("table", "ma", "moa", "rn", "--format", "csv", "--wide").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["category"] for row in rows] == [
        "primary-focus", "patient-care", "clinical-duties", "education-required",
        "certification", "work-settings", "career-growth", "median-pay", "entry-education",
        "outlook",
    ]  # fmt: skip
    outlook = rows[-1]
    assert outlook["Medical assistant"] == "+12.5%"
    assert outlook["Medical assistant: period"] == "2024-2034"
    assert outlook["Registered nurse: source"].startswith("Employment Projections 2024-34")
    median = rows[-3]
    assert median["Medical office assistant"] == "$45,930 a year"
    assert median["Medical office assistant: source address"].startswith("https://")
    assert "wide" not in run("table", "--json").stdout  # JSON keeps its shape
    assert run("table", "--format", "csv").stdout.startswith("category,label,role_id,")


def test_a_one_line_hint_names_the_glossary_terms_a_view_uses(run: Any) -> None:
    hint = "'careercompare glossary TERM' explains each."
    wages = run("wages", "ma", "--in", "FL", "--top", "3", "--format", "plain").stdout
    line = next(line for line in wages.splitlines() if hint in line)
    for term in ("median", "percentile", "OEWS", "location quotient"):
        assert term in line, term
    assert "job zone" not in line  # a term the view does not use is not named
    # roles side by side in an area have no LQ column, and their legend does not explain one
    wages = run("wages", "ma", "--area", "FL", "--format", "plain").stdout
    line = next(line for line in wages.splitlines() if hint in line)
    assert "median" in line and "location quotient" not in line
    assert hint not in run("glossary", "--format", "plain").stdout
    assert hint not in run("roles", "--format", "plain").stdout
    assert hint not in run("table", "--json").stdout
    markdown = run("table", "--format", "markdown").stdout
    assert "Terms used here: median, OEWS, postsecondary nondegree award" in markdown


def test_every_views_json_names_a_role_as_one_role_object(run: Any) -> None:
    ref = {"id": "medical-assistant", "name": "Medical assistant", "short_name": None}
    salary = json.loads(run("salary", "ma", "--json").stdout)
    assert salary["version"] == 4 and salary["roles"][0]["role"] == ref
    assert "id" not in salary["roles"][0]
    outlook = json.loads(run("outlook", "ma", "--json").stdout)
    assert outlook["version"] == 4 and outlook["roles"][0]["role"] == ref
    paths = json.loads(run("paths", "ma", "--json").stdout)
    assert paths["version"] == 2 and paths["role"] == ref
    first = paths["steps"][0]
    assert set(first["role"]) == {"id", "name", "short_name"} and "name" not in first
    outside = json.loads(run("paths", "ma", "--json").stdout)["steps"]
    assert any(step["role"] is None and step["outside_catalog"] for step in outside)


def test_a_search_that_finds_no_role_suggests_the_words_it_nearly_is() -> None:
    from careercompare.views.roles import build_roles
    from tests.conftest import bundled_index

    index = bundled_index()
    with pytest.raises(UsageError) as caught:
        build_roles(index, ["dental", "hygenist"])
    assert "did you mean 'dental hygienist'?" in caught.value.message
    assert build_roles(index, ["dental", "hygienist"]).roles  # and that finds it
    with pytest.raises(UsageError) as caught:
        build_roles(index, ["zzqq"])
    assert "did you mean" not in caught.value.message


def test_faq_finds_a_word_in_the_singular_and_suggests_what_a_typo_nearly_is() -> None:
    from careercompare.views.faq import build_faq
    from tests.conftest import bundled_index

    index = bundled_index()
    # 'salary' is in 'salaries' as a word, though not as letters; 'pay' is in 'pays'
    for words in (["salary"], ["salaries"], ["pay"]):
        [entry] = build_faq(index, words).entries
        assert entry.entry.question == "Which role pays more?", words
    with pytest.raises(UsageError) as caught:
        build_faq(index, ["certfication"])
    assert "did you mean 'certification'?" in caught.value.message
    with pytest.raises(UsageError) as caught:
        build_faq(index, ["zzzz"])
    assert "did you mean" not in caught.value.message


def test_one_way_puts_a_typo_right_word_by_word_and_says_so() -> None:
    from careercompare.catalog.names import closest_words, did_you_mean

    vocabulary = ["dental", "hygienist", "assistant"]
    assert closest_words(["dentl", "hygenist", "zzz"], vocabulary) == [
        "dental", "hygienist", "zzz",
    ]  # fmt: skip
    assert closest_words(["hygenist"], vocabulary, cutoff=0.99) == ["hygenist"]
    assert did_you_mean("dental hygienist") == "did you mean 'dental hygienist'? "
    assert did_you_mean(None) == "" and did_you_mean("") == ""
