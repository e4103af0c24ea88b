"""Local wages: the bundled OEWS May 2025 estimates, read as BLS publishes them, in every view."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import pytest

from careercompare.catalog.loader import bundled_data_path
from careercompare.errors import UsageError
from careercompare.views.areas import build_areas
from careercompare.wages.areas import area_list, resolve_area
from careercompare.wages.choices import AreaKind
from careercompare.wages.database import WageDatabase
from careercompare.wages.datasets import bundled_wages
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def db() -> WageDatabase:
    return bundled_wages()


def area(db: WageDatabase, code: str) -> Any:
    return next(a for a in db.areas if a.code == code)


# The check rows of the shared data's README.
@pytest.mark.parametrize(
    ("code", "area_code", "employment", "median", "p10", "p90", "hourly_median"),
    [
        ("31-9092", "99", 817870, 45690, 36050, 59310, 21.97),
        ("31-9092", "12", 66110, 43680, 35880, 49040, 21.00),
        ("31-9092", "45300", 9310, 44480, 36860, 49490, 21.39),
        ("43-6013", "99", 961610, 45930, 35930, 60530, 22.08),
        ("29-1215", "12", None, 227700, 75020, 392610, 109.47),
    ],
)
def test_the_bundled_wages_are_the_published_figures(
    db: WageDatabase,
    code: str,
    area_code: str,
    employment: int | None,
    median: int,
    p10: int,
    p90: int,
    hourly_median: float,
) -> None:
    estimate = db.estimate(code, area(db, area_code))
    assert estimate is not None
    assert estimate.employment.value == employment
    if employment is None:
        assert estimate.employment.marker == "**" and not estimate.employment.released
    assert estimate.wage("median").value == median
    assert estimate.wage("pct10").value == p10
    assert estimate.wage("pct90").value == p90
    assert estimate.wage("median", hourly=True).value == hourly_median


def test_the_bundled_release_is_counted_and_dated(db: WageDatabase) -> None:
    assert db.release == "May 2025" and db.published == "2026-05-15"
    assert db.counts() == (236_799, 583, 1_104)
    assert bundled_data_path("oews.sqlite").stat().st_size < 20_000_000


def test_a_top_coded_wage_is_a_lower_bound(db: WageDatabase) -> None:
    estimate = db.estimate("29-1151", area(db, "10580"))
    assert estimate is not None
    median = estimate.wage("median")
    assert (median.value, median.marker, median.at_least) == (239200, "#", True)
    assert estimate.wage("median", hourly=True).value == 115.0


def test_an_annual_only_occupation_has_no_hourly_figure_and_says_why(db: WageDatabase) -> None:
    estimate = db.estimate("25-1011", area(db, "99"))
    assert estimate is not None and estimate.annual_only
    assert estimate.wage("median", hourly=True).value is None
    assert "only annual wages" in estimate.not_released_reason(hourly=True)


def test_a_figure_with_a_large_standard_error_is_flagged(db: WageDatabase) -> None:
    estimate = db.estimate("31-9092", area(db, "10580"))
    assert estimate is not None
    assert estimate.less_precise == ["employment (relative standard error 11.6%)"]
    # a whole number keeps the decimal BLS prints (MEAN_PRSE 14.0 in the shared file)
    surgeons = db.estimate("29-1249", area(db, "12"))
    assert surgeons is not None and "mean wage (relative standard error 14.0%)" in " ".join(
        surgeons.less_precise
    )


def test_jobs_per_1000_and_location_quotients_read_as_the_oews_tables_print_them(
    run: Any,
) -> None:
    # Sacramento's registered nurses: JOBS_1000 21.831, LOC_QUOTIENT 1.00 in the shared file
    out = run("wages", "rn", "--by", "metro", "--in", "CA", "--all", "-f", "plain").stdout
    assert (
        "Sacramento-Roseville-Folsom, CA | $171,460 | $100,630 to $218,780 | 23,590 | "
        "21.831 | 1.00" in out
    )


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("FL", "12"),
        ("florida", "12"),
        ("12", "12"),
        ("1", "01"),
        ("tampa", "45300"),
        ("45300", "45300"),
        ("south florida nonmetropolitan", "1200003"),
        ("1200003", "1200003"),
        ("us", "99"),
        ("U.S.", "99"),
        ("New York", "36"),
        # BLS writes "St." but "Fort" and "Mount" in full; either spelling finds them
        ("fort worth", "19100"),
        ("ft worth", "19100"),
        ("fort myers", "15980"),
        ("ft. lauderdale", "33100"),
        ("mount vernon", "34580"),
        ("mt vernon", "34580"),
        ("rocky mount", "40580"),
        ("saint louis", "41180"),
        ("st cloud", "41060"),
        ("billings mt", "13740"),  # MT after the comma is Montana, never Mount
        ("d.c.", "11"),  # a postal code with dots
        ("mayagüez", "32420"),  # typed with the accent BLS leaves off
        ("N.Y.", "36"),
    ],
)
def test_an_area_is_found_by_name_code_or_words(db: WageDatabase, typed: str, code: str) -> None:
    assert resolve_area(typed, db.areas).code == code


@pytest.mark.parametrize(
    ("typed", "names"),
    [
        # the comma of a name as BLS writes it (and `areas` lists it) stays
        ("Columbus, OH", ["Columbus, OH"]),
        ("Tampa-St. Petersburg-Clearwater, FL", ["Tampa-St. Petersburg-Clearwater, FL"]),
        ("kansas city, mo", ["kansas city, mo"]),
        ("columbus, oh; tampa, fl", ["columbus, oh", "tampa, fl"]),
        # a comma list of areas is split, and a state stays a state
        ("FL,GA", ["FL", "GA"]),
        ("NC,VA", ["NC", "VA"]),  # not Virginia Beach-Chesapeake-Norfolk, VA-NC
        ("kansas, MO", ["kansas", "MO"]),  # not Kansas City, MO-KS
        ("new york, ny", ["new york, ny"]),  # a state with its own code: the city's area
        ("florida, FL", ["florida", "FL"]),  # no area holds both words: the state
        ("12, FL", ["12", "FL"]),
        ("florida, GA", ["florida", "GA"]),  # no area of Florida is called GA
        ("tampa, FL,GA", ["tampa, FL", "GA"]),
        ("tampa, orlando", ["tampa", "orlando"]),
        ("fl;;ga, ", ["fl", "ga"]),
    ],
)
def test_a_list_of_areas_keeps_the_comma_of_a_name(
    db: WageDatabase, typed: str, names: list[str]
) -> None:
    assert area_list(typed, db.areas) == names


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Columbus, OH", "18140"),
        ("Washington-Arlington-Alexandria, DC-VA-MD-WV", "47900"),
        ("kansas city, mo", "28140"),
        ("New York, NY", "35620"),  # not the state: BLS never writes it so
        ("12,", "12"),  # a trailing comma names no second area
    ],
)
def test_an_area_named_with_its_comma_is_that_area(db: WageDatabase, typed: str, code: str) -> None:
    assert resolve_area(typed, db.areas).code == code
    with pytest.raises(UsageError, match="names 2 areas; --area takes one"):
        resolve_area(f"{typed}, FL", db.areas)


def test_every_area_is_found_by_its_name_as_listed(db: WageDatabase) -> None:
    # what `careercompare areas` lists is what --area takes, commas and all
    for area in db.areas:
        assert area_list(area.title, db.areas) == [area.title]
        assert resolve_area(area.title, db.areas) == area


def test_area_names_with_commas_on_the_command_line(run: Any) -> None:
    salary = json.loads(run("salary", "ma", "--area", "Columbus, OH; GA", "--json").stdout)
    areas = [e["area"]["title"] for e in salary["local_wages"][0]["estimates"]]
    assert areas == ["Columbus, OH", "Georgia", "U.S."]
    wrong = run("areas", "--in", "columbus, oh")
    assert wrong.exit_code == 2
    assert "--in takes one state, not 'columbus, oh'" in wrong.stderr


def test_an_ambiguous_area_lists_the_matches(db: WageDatabase) -> None:
    with pytest.raises(UsageError) as caught:
        resolve_area("springfield", db.areas)
    assert "matches 5 areas" in caught.value.message
    assert "44100 Springfield, IL" in caught.value.message


@pytest.mark.parametrize(("typed", "hint"), [("tamap", "'tampa'"), ("Flordia", "'Florida'")])
def test_a_mistyped_area_gets_a_suggestion(db: WageDatabase, typed: str, hint: str) -> None:
    with pytest.raises(UsageError, match=f"did you mean {hint}"):
        resolve_area(typed, db.areas)


def test_salary_shows_the_area_and_the_nation_first(run: Any) -> None:
    result = run("salary", "ma", "--area", "FL", "--format", "plain")
    assert result.exit_code == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if line.startswith(("median |", "10th"))]
    assert rows[0] == "median | $43,680 a year | May 2025 | Florida, 66,110 jobs | [1]"
    assert rows[2] == "median | $45,690 a year | May 2025 | U.S., 817,870 jobs | [1]"
    assert "[1] Occupational Employment and Wage Statistics (OEWS), May 2025" in result.stdout
    assert "published 2026-05-15" in result.stdout


def test_salary_without_an_area_shows_the_national_figures_beside_the_handbook(run: Any) -> None:
    out = run("salary", "ma", "--format", "plain").stdout
    assert out.index("$45,690 a year | May 2025") < out.index("$44,200 a year | May 2024")


def test_the_area_default_comes_from_the_environment(
    run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERCOMPARE_AREA", "tampa")
    out = run("table", "ma", "--format", "plain").stdout
    assert "Median pay in Tampa-St. Petersburg-Clearwater, FL (BLS OEWS)" in out
    assert "$44,480 a year (May 2025)" in out


def test_a_role_of_several_occupations_shows_each(run: Any) -> None:
    out = run("salary", "np", "--area", "FL", "--format", "plain").stdout
    for title in ("Nurse Anesthetists (29-1151)", "Nurse Midwives (29-1161)"):
        assert f"{title}, Florida" in out
    assert "Nurse Practitioners (29-1171), U.S." in out


def test_a_top_coded_median_reads_at_least_and_is_drawn_open(run: Any) -> None:
    out = run("salary", "np", "--area", "10580", "--format", "plain").stdout
    assert "median | at least $239,200 a year | May 2025 | Nurse Anesthetists" in out
    data = json.loads(run("salary", "np", "--area", "10580", "--json").stdout)
    (wages,) = data["local_wages"]
    first = wages["estimates"][0]
    assert first["annual"]["median"] == {
        "value": 239200,
        "marker": "#",
        "at_least": True,
        "released": True,
    }


def test_salary_csv_marks_bounds_periods_and_sources(run: Any) -> None:
    rows = list(
        csv.DictReader(io.StringIO(run("salary", "np", "--area", "10580", "-f", "csv").stdout))
    )
    bounded = next(r for r in rows if r["figure_id"] == "oews-29-1151-10580-median")
    assert (bounded["amount"], bounded["bound"], bounded["as_of"]) == (
        "239200",
        "at-least",
        "May 2025",
    )
    assert bounded["source"] == "bls-oews-may2025"


def test_an_unreleased_employment_reads_as_such(run: Any) -> None:
    out = run("wages", "np", "--area", "tampa", "--format", "plain").stdout
    assert "Nurse Midwives (29-1161) | $128,020 | $43,120 to $128,030 | not released by BLS" in out


def test_paths_compute_differences_with_the_areas_medians(run: Any) -> None:
    out = run("paths", "ma", "--area", "FL", "--format", "plain").stdout
    assert (
        "Median pay in Florida: $61,770 a year (May 2025) [3], +$18,090 vs Medical assistant" in out
    )


@pytest.mark.parametrize("fmt", ["rich", "plain", "markdown", "json", "csv"])
def test_wages_writes_every_format(run: Any, fmt: str) -> None:
    result = run("wages", "ma", "moa", "--area", "tampa", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert "44,480" in result.stdout or "44480" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("wages", "ma", "--by", "county"),
            "'--by': 'county' is not one of 'state', 'metro', 'nonmetro'",
        ),
        (("wages", "ma", "--sort", "height"), "'--sort': 'height' is not one of 'median'"),
        (("salary", "--area", "springfield"), "matches 5 areas"),
        (("areas", "--in", "atlantis"), "unknown area 'atlantis'"),
    ],
)
def test_bad_wage_arguments_are_usage_errors(run: Any, args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.splitlines()) == 1


def test_areas_are_listed_searched_and_filtered(run: Any) -> None:
    rows = list(
        csv.DictReader(
            io.StringIO(run("areas", "--type", "nonmetro", "--in", "FL", "-f", "csv").stdout)
        )
    )
    assert [r["code"] for r in rows] == ["1200003", "1200006"]
    assert (
        "44180 | Springfield, MO" in run("areas", "--search", "springfield", "-f", "plain").stdout
    )


def test_a_search_word_finds_the_areas_of_the_state_it_names(db: WageDatabase) -> None:
    def found(*words: str, kind: AreaKind | None = None) -> list[str]:
        result = build_areas(db.release, db.areas, search=words, kind=kind, state=None)
        return [a.title for a in result.areas]

    metros = found("florida", kind=AreaKind.METRO)
    assert len(metros) == 22 and "Tampa-St. Petersburg-Clearwater, FL" in metros
    assert found("tampa", "florida") == ["Tampa-St. Petersburg-Clearwater, FL"]
    assert found("florida", kind=AreaKind.STATE) == ["Florida"]
    assert found("springfield", "missouri") == ["Springfield, MO"]
    # a postal code in capitals is its state, not the start of a word
    in_florida = found("FL")
    assert len(in_florida) == 25 and "Flagstaff, AZ" not in in_florida
    assert found("springfield", "MO") == ["Springfield, MO"]
    assert "Flagstaff, AZ" in found("fl")
    assert found("ft worth") == ["Dallas-Fort Worth-Arlington, TX"]
    assert found("Mayagüez") == ["Mayaguez, PR"]  # not 'mayag' and 'ez'
    with pytest.raises(UsageError):  # 'cañon' is not 'ca' (California) and 'on' (Ontario)
        found("cañon")
    with pytest.raises(UsageError, match="did you mean 'fort worth'"):  # a typo: what it nearly is
        found("fort", "wrth")
    assert found("mt", "vernon") == ["Mount Vernon-Anacortes, WA"]
    assert "Mount Vernon-Anacortes, WA" not in found("MT")


def test_data_lists_the_release_its_source_file_and_hash(run: Any) -> None:
    data = json.loads(run("data", "--json").stdout)
    (bundled,) = data["wages"]
    assert bundled["release"] == "May 2025" and bundled["in_use"] and bundled["bundled"]
    assert bundled["estimates"] == 236_799 and bundled["areas"] == 583
    (source,) = bundled["files"]
    assert source["name"] == "oews-may2025-cross-industry.csv.gz"
    assert len(source["sha256"]) == 64


def test_any_role_with_a_bls_code_gets_local_wages_and_one_without_says_so(run: Any) -> None:
    mini = str(ROOT / "tests" / "data" / "mini-catalog.json")
    out = run("--data", mini, "salary", "alpha", "gamma", "--area", "FL", "-f", "plain").stdout
    assert "median | $43,680 a year | May 2025 | Florida, 66,110 jobs" in out
    assert "Local wages: BLS publishes no local wages under this role's name" in out


def test_a_bar_whose_top_is_a_bound_runs_open_to_the_end(run: Any) -> None:
    out = run("salary", "np", "--area", "10580", "-f", "plain").stdout
    lines = out.splitlines()
    label = next(
        n
        for n, line in enumerate(lines)
        if "Anesthetists (29-1151), Albany" in line and "OEWS):" in line
    )
    assert lines[label + 1].rstrip().endswith(">]")
    assert "=" not in lines[label + 1].split("[")[1][:40]  # starts at its 10th percentile


@pytest.mark.parametrize(
    ("area", "message"),
    [
        ("fla", "unknown area 'fla'; did you mean 'Florida' (FL)?"),
        ("Fla.", "unknown area 'Fla.'; did you mean 'Florida' (FL)?"),
        ("FL GA", "unknown area 'FL GA'"),
        ("FL,fla", "unknown area 'fla'; did you mean 'Florida' (FL)?"),
    ],
)
def test_an_area_is_never_guessed_silently(run: Any, area: str, message: str) -> None:
    result = run("salary", "ma", "--area", area)
    assert result.exit_code == 2 and result.stdout == ""
    assert message in result.stderr and len(result.stderr.splitlines()) == 1


@pytest.mark.shipped
@pytest.mark.parametrize("args", [(), ("--by", "metro", "--in", "FL")])
def test_a_ranking_of_a_broad_occupation_bls_publishes_nationally_only_points_to_its_detailed_ones(
    run: Any, args: tuple[str, ...]
) -> None:
    # OEWS publishes 29-1210 Physicians for the nation only; the detailed occupations the
    # projections group under it (29-1211 to 29-1229) have their own local figures
    out = run("wages", "physicians-and-surgeons", *args, "-f", "plain").stdout
    within = r"detailed occupations within (?:it|them)[^']*'(careercompare [^']+)' ranks one"
    hint = re.search(within, out)
    assert hint is not None, out
    words = hint.group(1).split()[1:]
    assert words[1] in ("29-1211", "29-1241")
    shown = run(*words, "--json")
    assert shown.exit_code == 0, shown.stderr
    assert json.loads(shown.stdout)["rankings"][0]["highest"]


@pytest.mark.shipped
@pytest.mark.parametrize("view", ["salary", "show", "table", "payback"])
def test_a_view_of_local_pay_points_a_broad_occupation_to_the_wages_of_its_detailed_ones(
    run: Any, view: str
) -> None:
    more = ("--current-pay", "30000", "--cost", "1", "--months", "1") if view == "payback" else ()
    out = run(view, "physicians-and-surgeons", "--area", "tampa", *more, "-f", "plain").stdout
    hint = re.search(
        r"within them there: '(careercompare [^']+)' shows them", " ".join(out.split())
    )
    assert hint is not None, out
    assert hint.group(1) == "careercompare wages physicians-and-surgeons --area 45300"
    shown = json.loads(run(*hint.group(1).split()[1:], "--json").stdout)
    assert len(shown["side_by_side"]) == 12


@pytest.mark.shipped
@pytest.mark.parametrize("view", ["salary", "show"])
def test_an_area_without_the_roles_estimate_is_named_beside_the_nations(
    run: Any, view: str
) -> None:
    # the nation's figures are shown; Florida's absence is said, not passed over
    out = run(view, "physicians-and-surgeons", "--area", "FL", "-f", "plain").stdout
    assert (
        "Local wages: BLS publishes no May 2025 estimate for 29-1210, 29-1240 in Florida; it "
        "publishes the 15 detailed occupations within them there"
    ) in out
    assert "Local wages:" not in run(view, "ma", "--area", "FL", "-f", "plain").stdout


def test_the_command_an_unknown_area_points_to_finds_it(run: Any) -> None:
    result = run("salary", "ma", "--area", "tampa bay")
    hint = re.search(r"run '(careercompare areas [A-Z]+)'", result.stderr)
    assert result.exit_code == 2 and hint is not None
    words = hint.group(1).split()[1:]  # the command, with the word to look for
    found = run(*[w if w.islower() else "tampa" for w in words], "--json")
    assert found.exit_code == 0, found.stderr
    assert [a["code"] for a in json.loads(found.stdout)["areas"]] == ["45300"]


@pytest.mark.parametrize("area", ["saint petersburg", "tampa florida", "tampa fl", "Tampa"])
def test_words_people_type_name_their_metro_area(run: Any, area: str) -> None:
    data = json.loads(run("salary", "ma", "--area", area, "--json").stdout)
    areas = [e["area"]["title"] for e in data["local_wages"][0]["estimates"]]
    assert areas == ["Tampa-St. Petersburg-Clearwater, FL", "U.S."]


def test_wages_hourly_shows_the_hourly_figures_bls_publishes(run: Any) -> None:
    out = run("wages", "ma", "--by", "metro", "--in", "FL", "--top", "2", "--hourly", "-f", "plain")
    text = " ".join(out.stdout.split())
    assert "U.S. median $21.97 an hour (May 2025)" in text
    assert "Wages an hour, as BLS publishes them." in text
    assert "| $21.94 | $18.00 to $24.30 |" in text


@pytest.mark.parametrize(
    "given", [("--area", "FL,GA"), ("--area", "FL", "--area", "GA"), ("--area", "FL; GA")]
)
def test_several_areas_side_by_side(run: Any, given: tuple[str, ...]) -> None:
    salary = json.loads(run("salary", "ma", *given, "--json").stdout)
    areas = [e["area"]["title"] for e in salary["local_wages"][0]["estimates"]]
    assert areas == ["Florida", "Georgia", "U.S."]
    table = run("table", "ma", "moa", *given, "--format", "csv").stdout
    local = [r for r in csv.DictReader(io.StringIO(table)) if r["category"] == "local-median-pay"]
    assert [(r["label"], r["role_id"]) for r in local] == [
        ("Median pay in Florida (BLS OEWS)", "medical-assistant"),
        ("Median pay in Florida (BLS OEWS)", "medical-office-assistant"),
        ("Median pay in Georgia (BLS OEWS)", "medical-assistant"),
        ("Median pay in Georgia (BLS OEWS)", "medical-office-assistant"),
    ]
    wages = json.loads(run("wages", "ma", "moa", *given, "--json").stdout)
    pairs = [(s["role"]["id"], s["estimate"]["area"]["code"]) for s in wages["side_by_side"]]
    assert sorted(pairs) == sorted(
        (role, code)
        for role in ("medical-assistant", "medical-office-assistant")
        for code in ("12", "13")
    )
    assert [a["title"] for a in wages["areas"]] == ["Florida", "Georgia"]
    shown = run("wages", "ma", "moa", *given, "--format", "plain").stdout
    assert "Wages in Florida and Georgia, May 2025" in shown
    assert "Medical assistant, Georgia |" in shown
    show = run("show", "ma", *given, "--format", "plain").stdout
    assert "| Florida, 66,110 jobs |" in show and "| Georgia, 28,780 jobs |" in show


def test_paths_and_programs_show_several_areas_in_every_format(run: Any) -> None:
    shown = run("paths", "ma", "--area", "FL,GA", "--format", "plain").stdout
    assert "Median pay in Georgia: $62,030 a year (May 2025) [3], +$20,430 vs Medical" in shown
    rows = list(
        csv.DictReader(io.StringIO(run("paths", "ma", "--area", "FL,GA", "-f", "csv").stdout))
    )
    lpn = [(r["area"], r["area_median_pay"], r["area_pay_difference"]) for r in rows[:2]]
    assert lpn == [("Florida", "61770", "18090"), ("Georgia", "62030", "20430")]
    assert run("paths", "ma", "-f", "csv").stdout.count("\n") > 5  # without --area: empty
    programs = run("programs", "ma", "--area", "FL,GA", "--credential", "certificate", "--json")
    data = json.loads(programs.stdout)
    assert data["area"] == "Florida and Georgia" and data["states"] == ["FL", "GA"]
    assert {p["state"] for p in data["programs"]} == {"FL", "GA"}
    assert [s["where"] for s in data["summaries"]] == ["Florida", "Georgia", "U.S."]
    assert [p["area"] for p in data["occupation_pay"]] == ["Florida", "Georgia"]


def test_the_area_of_the_environment_may_hold_spaces_and_a_list(
    run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERCOMPARE_AREA", "south florida nonmetropolitan")
    out = run("salary", "ma", "--format", "plain").stdout
    assert "South Florida nonmetropolitan area" in out
    monkeypatch.setenv("CAREERCOMPARE_AREA", "FL, GA")
    out = run("table", "--format", "plain").stdout
    assert "Median pay in Florida" in out and "Median pay in Georgia" in out
    assert "Median pay in Texas" in run("table", "--area", "TX", "--format", "plain").stdout


def test_payback_shows_roles_by_areas_side_by_side(run: Any) -> None:
    result = run(
        "payback", "ma", "pharmacy tech", "--area", "tampa,orlando", "--current-pay", "30000",
        "--months", "6", "--format", "csv",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["role_id"], r["area"]) for r in rows] == [
        ("medical-assistant", "Tampa-St. Petersburg-Clearwater, FL"),
        ("pharmacy-technician", "Tampa-St. Petersburg-Clearwater, FL"),
        ("medical-assistant", "Orlando-Kissimmee-Sanford, FL"),
        ("pharmacy-technician", "Orlando-Kissimmee-Sanford, FL"),
    ]
    shown = run(
        "payback", "ma", "--area", "tampa", "--area", "orlando", "--current-pay", "30000",
        "--format", "plain",
    ).stdout  # fmt: skip
    assert "Medical assistant, Orlando-Kissimmee-Sanford, FL |" in shown
    # what was not given is each role's own, never "$0"
    assert "each role's own training length and cost below" in " ".join(shown.split())
    assert "$0" not in shown


def test_outlook_says_where_a_state_publishes_no_projection(run: Any) -> None:
    shown = run("outlook", "phlebotomist", "--area", "GU", "--format", "plain").stdout
    assert "\n\nIn Guam\n-------\nNo state projection published.\n" in shown


def test_outlook_shows_each_states_projections_in_every_format(run: Any) -> None:
    shown = run("outlook", "ma", "--area", "FL,GA", "--format", "plain").stdout
    # the states' projections are a section of their own, set apart from the growth reasons
    heading = "In Florida and Georgia: state projections, 2022-2032"
    assert f"\n\n{heading}\n{'-' * len(heading)}\n" in shown
    assert "Note: Not the national figures above, and of another period." in shown
    assert "state projection: Georgia: Medical Assistants (31-9092) | +22.5% (2022-2032)" in shown
    rows = list(
        csv.DictReader(io.StringIO(run("outlook", "ma", "--area", "FL,GA", "-f", "csv").stdout))
    )
    states = [
        (r["scope"].split(":")[0], r["percent"]) for r in rows if r["label"] == "state projection"
    ]
    assert states == [("Florida", "22.7"), ("Georgia", "22.5")]
    data = json.loads(run("outlook", "ma", "--area", "FL,GA", "--json").stdout)
    assert data["state"] == "Florida" and data["states"] == ["Florida", "Georgia"]


def test_areas_repeated_are_shown_once_and_their_number_is_bounded(run: Any) -> None:
    data = json.loads(run("salary", "ma", "--area", "FL,florida,12", "--json").stdout)
    areas = [e["area"]["title"] for e in data["local_wages"][0]["estimates"]]
    assert areas == ["Florida", "U.S."]
    many = ",".join(["FL", "GA", "TX", "CA", "NY", "OH", "PA", "IL", "MI", "NC", "VA", "WA", "AZ"])
    result = run("table", "--area", many)
    assert result.exit_code == 2 and "--area names 13 areas; give at most 12" in result.stderr


def test_show_names_the_programs_near_each_state_asked_for(run: Any) -> None:
    data = json.loads(run("show", "ma", "--area", "FL,tampa,GA", "--json").stdout)
    assert data["version"] == 4
    assert [near["postal"] for near in data["programs_near"]] == ["FL", "GA"]
    assert json.loads(run("show", "ma", "--json").stdout)["programs_near"] == []
    shown = " ".join(run("show", "ma", "--area", "OH", "-f", "plain").stdout.split())
    # the middle figures say what they are: earnings of either horizon, each school's once
    assert (
        "(1 or 4 years after completion, as each program publishes), median debt $15,100 "
        "(careercompare's middle of the published figures, each school's once)" in shown
    )


@pytest.mark.parametrize("given", ["", " , ", ";"])
def test_an_empty_area_is_a_usage_error(run: Any, given: str) -> None:
    result = run("salary", "ma", "--area", given)
    assert result.exit_code == 2 and "--area is empty" in result.stderr


def test_a_ranking_and_an_area_together_are_a_usage_error(run: Any) -> None:
    result = run("wages", "ma", "--by", "metro", "--in", "FL", "--area", "GA")
    assert result.exit_code == 2
    assert "--by and --in rank the areas of one role, --area shows roles side by side" in (
        result.stderr
    )


def test_wages_csv_keeps_the_annual_and_the_hourly_figures_bls_publishes(run: Any) -> None:
    for flags in ((), ("--hourly",)):
        out = run("wages", "ma", "moa", "--area", "FL", *flags, "-f", "csv").stdout
        [ma, _] = list(csv.DictReader(io.StringIO(out)))
        assert (ma["annual_median"], ma["hourly_median"]) == ("43680", "21.0")
        assert ma["hourly_pct90_bound"] == "exact"
    # teachers: BLS publishes annual wages only
    out = run("wages", "25-2021", "--area", "FL", "-f", "csv").stdout
    [teachers] = list(csv.DictReader(io.StringIO(out)))
    assert (teachers["hourly_median"], teachers["hourly_median_bound"]) == ("", "not released")


@pytest.mark.parametrize("view", ["show", "salary"])
def test_with_an_area_the_nations_oews_figures_are_shown_once(run: Any, view: str) -> None:
    out = run(view, "ma", "--area", "FL", "-f", "plain").stdout
    table = out.split("Figure | Amount")[1].split("\n\n")[0]
    assert table.count("$45,690 a year | May 2025") == 1, table
    assert "| May 2025 | U.S., 817,870 jobs |" in table
    assert "$44,200 a year | May 2024" in table  # the handbook's, of another release, stays
