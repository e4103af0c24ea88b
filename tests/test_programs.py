"""Programs and payback: the programs database built from small fixtures in the Scorecard's
and the crosswalk's layouts, rebuilt from the shared files when present, the `programs`
view against the shared file, and payback by its stated rule on hand-computed cases."""

from __future__ import annotations

import csv
import gzip
import io
import json
import random
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from careercompare.catalog.models import ProgramLength
from careercompare.errors import DataError, UsageError
from careercompare.importers.programs import build_programs_database
from careercompare.programs.choices import Credential, ProgramSort
from careercompare.programs.database import Program, ProgramDatabase
from careercompare.programs.datasets import bundled_programs
from careercompare.results.blocks import Paragraph
from careercompare.results.inline import Bound, plain, runs_of
from careercompare.results.serialize import result_data
from careercompare.views.formatting import length_span
from careercompare.views.payback import Plan, checked_plan, months_to_pay_back
from careercompare.views.program_figures import median_low, middle_figures, school_figures
from careercompare.wages.estimates import Cell

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
SCORECARD = SHARED / "scorecard-fos" / "scorecard-fos-2026-06-10.csv.gz"
CROSSWALK = SHARED / "cip-soc-2020" / "CIP2020_SOC2018_Crosswalk.xlsx"
HEADER = (
    "unitid,opeid6,inst_name,state,control,cip_code,cip_desc,credential_level,credential_desc,"
    "completers_count,earnings,earnings_horizon,earnings_threshold_state,"
    "earnings_threshold_national,earnings_premium_state,earnings_premium_national,"
    "fails_ep_state,value_flag,debt_median,debt_to_earnings_ratio,debt_payback_years"
)
PROGRAM_ROWS = [
    "1,01,Alpha College,FL,Public,5108,Allied Health and Medical Assisting Services.,1,"
    "Undergraduate Certificate or Diploma,22,35134,4yr_after_completion,34350,,,,,,9500,,",
    '2,02,Beta Institute,FL,"Private, for-profit",5108,Allied Health and Medical Assisting '
    "Services.,1,Undergraduate Certificate or Diploma,5,,,,,,,,,,,",
    "3,03,Gamma University,NY,Public,5108,Allied Health and Medical Assisting Services.,2,"
    "Associate's Degree,51,50894,4yr_after_completion,,,,,,,9500,,",
    "4,04,Delta College,FL,Public,5109,Other Health Services.,1,"
    "Undergraduate Certificate or Diploma,30,60000,1yr_after_completion,,,,,,,,,",
]


def write_scorecard(path: Path, rows: list[str], *, compress: bool = True) -> Path:
    text = "\n".join([HEADER, *rows]) + "\n"
    path.write_bytes(gzip.compress(text.encode()) if compress else text.encode())
    return path


def write_crosswalk(path: Path, pairs: list[tuple[str, str, str]]) -> Path:
    book = Workbook()
    assert book.active is not None
    book.active.title = "File Guide"
    sheet = book.create_sheet("CIP-SOC")
    sheet.append(("CIP2020Code", "CIP2020Title", "SOC2018Code", "SOC2018Title"))
    for cip, title, soc in pairs:
        sheet.append((cip, title, soc, "x"))
    book.save(path)
    return path


PAIRS = [
    ("51.0801", "Medical/Clinical Assistant.", "31-9092"),
    ("51.0809", "Anesthesiologist Assistant.", "31-9092"),
    ("51.0999", "Other.", "29-9999"),
]


def build(
    tmp_path: Path, pairs: list[tuple[str, str, str]], rows: list[str] = PROGRAM_ROWS
) -> ProgramDatabase:
    output = tmp_path / "programs.sqlite"
    build_programs_database(
        write_scorecard(tmp_path / "scorecard-fos-2026-06-10.csv.gz", rows),
        write_crosswalk(tmp_path / "crosswalk.xlsx", pairs),
        output,
        force=False,
        release=None,
    )
    return ProgramDatabase(output)


@pytest.fixture
def built(tmp_path: Path) -> ProgramDatabase:
    return build(tmp_path, PAIRS)


def test_the_import_command_says_what_it_wrote_and_replaces_only_with_force(
    run: Any, tmp_path: Path
) -> None:
    scorecard = write_scorecard(tmp_path / "scorecard-fos-2026-06-10.csv.gz", PROGRAM_ROWS)
    args = ("import-programs", str(scorecard), str(write_crosswalk(tmp_path / "c.xlsx", PAIRS)))
    output = tmp_path / "p.sqlite"
    result = run(*args, "-o", str(output))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"careercompare: wrote {output}: College Scorecard 2026-06-10")
    assert result.stderr.count("\n") == 1
    assert run(*args, "-o", str(output)).exit_code == 1
    assert run(*args, "-o", str(output), "--force").exit_code == 0


def test_the_crosswalk_gives_the_4_digit_families_of_an_occupation(
    built: ProgramDatabase,
) -> None:
    [field] = built.fields_for(("31-9092",))
    assert (field.family, field.title) == ("5108", "Allied Health and Medical Assisting Services")
    assert [code for code, _ in field.programs] == ["51.0801", "51.0809"]
    assert built.release == "2026-06-10"


def test_an_occupation_published_as_one_takes_the_detailed_codes_the_crosswalk_names(
    tmp_path: Path,
) -> None:
    db = build(
        tmp_path,
        [
            *PAIRS,
            ("51.2602", "Home Health Aide/Home Attendant.", "31-1121"),
            ("51.2602", "Home Health Aide/Home Attendant.", "31-1122"),
            ("51.2699", "Health Aides/Attendants/Orderlies, Other.", "31-1131"),
        ],
    )
    # the projections publish 31-1120 as one; the crosswalk names 31-1121 and 31-1122
    assert db.crosswalk_socs(("31-1120",)) == ("31-1121", "31-1122")
    # a code the crosswalk has is itself; one it lacks that is no group is nothing
    assert db.crosswalk_socs(("31-9092", "31-1120", "31-9092")) == (
        "31-9092", "31-1121", "31-1122",
    )  # fmt: skip
    assert db.crosswalk_socs(("31-9099",)) == () and db.crosswalk_socs(("31-1130",)) == ("31-1131",)
    assert [f.family for f in db.fields_for(db.crosswalk_socs(("31-1120",)))] == ["5126"]


def test_the_crosswalk_names_the_other_occupations_a_family_holds_programs_for(
    tmp_path: Path,
) -> None:
    pairs = [
        *PAIRS,
        ("51.0801", "Medical/Clinical Assistant.", "25-1071"),
        ("51.0805", "Pharmacy Technician/Assistant.", "29-2052"),
        ("51.0805", "Pharmacy Technician/Assistant.", "25-1071"),
        ("51.0806", "Physical Therapy Assistant.", "31-2021"),
        ("51.0899", "Allied Health, Other.", "99-9999"),
        ("51.0999", "Other.", "29-2099"),
        ("51.9999", "Health Professions and Related Clinical Sciences, Other.", "29-9099"),
        ("51.1004", "Clinical/Medical Laboratory Technician.", "29-2012"),
    ]
    db = build(tmp_path, pairs)
    # a family is its own 6-digit codes only: 5199 up to 51.9999, 5110 not in 5101
    assert db.sharing(["5199"], ("31-9092",)) == ["29-9099"]
    assert db.sharing(["5110"], ()) == ["29-2012"] and db.sharing(["5101"], ()) == []
    # most programs first, then by code; never the occupation itself nor 99-9999 (no occupation)
    assert db.sharing(["5108"], ("31-9092",)) == ["25-1071", "29-2052", "31-2021"]
    assert db.sharing(["5108", "5109"], ("31-9092",)) == [
        "25-1071", "29-2052", "29-2099", "29-9999", "31-2021",
    ]  # fmt: skip
    assert db.sharing(["5108"], ("31-9092", "25-1071", "29-2052", "31-2021")) == []
    assert db.sharing([], ("31-9092",)) == []


def test_the_example_of_a_shared_field_is_neither_its_teachers_nor_an_all_other_group() -> None:
    from careercompare.views.program_figures import SharedFields, shared_fields
    from tests.conftest import bundled_index

    index = bundled_index()
    db = bundled_programs()
    rad = shared_fields(db, index, ["5109"], ("29-2034",))
    # 25-1071 Health Specialties Teachers, Postsecondary and 29-2099 Health Technologists
    # and Technicians, All Other share the most programs; the first other is named
    assert rad.shared_with[:2] == ("25-1071", "29-2099")
    assert rad.example == "Cardiovascular technologist or technician"
    assert rad.words() == (
        f"the crosswalk maps these fields to {len(rad.shared_with)} other occupations too, "
        "Cardiovascular technologist or technician among them"
    )
    cna = shared_fields(db, index, ["5126", "5139"], ("31-1131",))
    assert cna.shared_with[0] == "29-2061" and cna.example == "Licensed practical nurse"
    one = SharedFields(("29-2061",), "Licensed practical nurse")
    assert one.words() == (
        "the crosswalk maps these fields to one other occupation too, Licensed practical nurse"
    )
    assert SharedFields(()).words() == ""


def test_figures_of_a_shared_field_say_whose_programs_they_also_hold(run: Any) -> None:
    shared = (
        "the crosswalk maps these fields to 7 other occupations too, Licensed practical "
        "nurse among them"
    )
    show = run("show", "cna", "--area", "OH", "-f", "plain")
    out = " ".join(show.stdout.split())
    crosswalk = re.search(r"\[(\d+)\] CIP 2020 to SOC 2018 crosswalk", out)
    assert crosswalk is not None, out
    assert f"in the fields that lead to it ({shared} [{crosswalk.group(1)}]);" in out
    payback = run(
        "payback", "cna", "--area", "OH", "--current-pay", "28000", "--months", "2", "--json"
    )
    plan = json.loads(payback.stdout)["roles"][0]["plan"]
    assert plan["cost_basis"].endswith(
        f"(College Scorecard, each school's once; a debt, not a price; {shared})"
    )
    assert plan["cost_shared_with"][0] == "29-2061" and len(plan["cost_shared_with"]) == 7
    assert plan["cost_shared_source"] == "nces-cip2020-soc2018"
    drawn = " ".join(
        run(
            "payback", "cna", "--area", "OH", "--current-pay", "28000", "--months", "2",
            "-f", "plain",
        ).stdout.split()
    )  # fmt: skip
    assert f"not a price; {shared}) [2][3]." in drawn
    assert "[3] CIP 2020 to SOC 2018 crosswalk" in drawn
    given = run(
        "payback", "cna", "--area", "OH", "--current-pay", "28000", "--months", "2",
        "--cost", "1500", "-f", "plain",
    )  # fmt: skip
    assert "crosswalk" not in given.stdout  # a cost given takes nothing from the fields
    listed = json.loads(run("programs", "cna", "--area", "OH", "--json").stdout)
    assert listed["shared_with"] == plan["cost_shared_with"]


def test_the_nation_reads_the_us_inside_a_sentence(run: Any) -> None:
    nation = run("payback", "cna", "--current-pay", "28000", "--months", "2", "--json")
    basis = json.loads(nation.stdout)["roles"][0]["plan"]["cost_basis"]
    assert "the median debt of certificate programs in the U.S. that lead to it" in basis
    drawn = run("payback", "cna", "--current-pay", "28000", "--months", "2", "-f", "plain")
    assert drawn.stdout.startswith("Months until training pays back in the U.S. (May 2025)")
    assert "\nPay in the U.S. [1]\n" in drawn.stdout
    table = run("table", "ma", "--area", "us", "-f", "plain").stdout
    assert "Median pay in the U.S. (BLS OEWS) | Medical assistant | $45,690" in table
    programs = " ".join(run("programs", "ma", "-f", "plain").stdout.split())
    assert "Medical Assistants (31-9092) in the U.S.: $45,690 a year" in programs
    assert programs.startswith("Programs that lead to Medical assistant in the U.S. ")
    wages = run("wages", "ma", "moa", "-f", "plain").stdout
    assert wages.startswith("Wages in the U.S., May 2025 (BLS OEWS)")
    paths = run("paths", "ma", "--area", "us", "-f", "plain").stdout
    assert "Median pay in the U.S.: $45,690 a year (May 2025)" in paths


def test_a_broad_occupation_stands_for_each_detailed_one_the_projections_put_in_it() -> None:
    from careercompare.views.program_figures import crosswalk_codes
    from tests.conftest import bundled_index

    index = bundled_index()
    # OEWS publishes 29-1210 Physicians and 29-1240 Surgeons; the crosswalk names only the
    # detailed occupations, 29-1221 Pediatricians among them although its code is not 29-121x
    db = bundled_programs()
    codes = crosswalk_codes(index, index.resolve_role("physicians-and-surgeons"), db)
    assert "29-1215" in codes and "29-1221" in codes and "29-1229" in codes
    assert "29-1243" in codes and "29-1210" not in codes and len(codes) == len(set(codes))
    assert crosswalk_codes(index, index.resolve_role("ma"), db) == ("31-9092",)
    # published as one occupation by the projections and OEWS, named in detail by the
    # crosswalk: home health and personal care aides, clinical laboratory technologists
    aides = crosswalk_codes(index, index.resolve_role("home health aide"), db)
    assert aides == ("31-1121", "31-1122")
    assert crosswalk_codes(index, index.resolve_role("29-2010"), db) == ("29-2011", "29-2012")


@pytest.mark.shipped
def test_physicians_have_the_medical_schools_and_a_short_word_on_residencies(run: Any) -> None:
    # the role stands for OEWS's 29-1210 and 29-1240; the crosswalk names 29-1211...
    data = json.loads(run("programs", "physicians-and-surgeons", "--area", "FL", "--json").stdout)
    assert data["fields"][0]["family"] == "5112" and data["programs"]
    assert {p["family"] for p in data["programs"]} == {"5112", "5114", "6126"}
    out = run("programs", "physicians-and-surgeons", "--area", "FL", "-f", "plain").stdout
    assert "5112 Medicine (the crosswalk maps 51.1201 Medicine;" in out
    assert "; and 27 families of fields the crosswalk maps to it but the Scorecard has no " in out
    assert "no program in the Scorecard" not in out


def test_programs_keep_the_published_figures_and_no_filled_gaps(built: ProgramDatabase) -> None:
    found = {p.school: p for p in built.programs(["5108"], state="FL", credential=1)}
    assert set(found) == {"Alpha College", "Beta Institute"}
    alpha = found["Alpha College"]
    assert (alpha.completers, alpha.earnings, alpha.earnings_after, alpha.debt) == (
        22,
        35134,
        "4 years",
        9500,
    )
    beta = found["Beta Institute"]
    assert (beta.earnings, beta.debt, beta.control) == (None, None, "Private, for-profit")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (PROGRAM_ROWS[0].replace(",5108,", ",51.08,"), "line 2: cip_code '51.08'"),
        (PROGRAM_ROWS[0].replace(",35134,", ",-5,"), "line 2: earnings '-5'"),
        (PROGRAM_ROWS[0].replace("4yr_after", "9yr_after"), "line 2: earnings_horizon"),
    ],
)
def test_a_damaged_scorecard_row_is_refused_naming_file_and_line(
    tmp_path: Path, row: str, message: str
) -> None:
    scorecard = write_scorecard(tmp_path / "scorecard-fos-2026-06-10.csv", [row], compress=False)
    output = tmp_path / "p.sqlite"
    with pytest.raises(DataError, match=message) as error:
        build_programs_database(
            scorecard,
            write_crosswalk(tmp_path / "c.xlsx", PAIRS),
            output,
            force=False,
            release=None,
        )
    assert str(scorecard) in error.value.message
    assert not output.exists()


def test_a_cut_gzip_or_foreign_files_are_refused(tmp_path: Path) -> None:
    many = [f"{n}{row}" for n in range(1, 60) for row in PROGRAM_ROWS]  # unitids 11, 12, ...
    whole = write_scorecard(tmp_path / "scorecard-fos-2026-06-10.csv.gz", many)
    cut = tmp_path / "scorecard-fos-2026-06-11.csv.gz"
    cut.write_bytes(whole.read_bytes()[:-40])
    crosswalk = write_crosswalk(tmp_path / "c.xlsx", PAIRS)
    with pytest.raises(DataError, match="cannot be read"):
        build_programs_database(cut, crosswalk, tmp_path / "p.sqlite", force=False, release=None)
    other = write_crosswalk(tmp_path / "o.xlsx", [("5108", "x", "31-9092")])
    with pytest.raises(DataError, match="row 2: '5108' and '31-9092' are not a CIP code"):
        build_programs_database(whole, other, tmp_path / "p.sqlite", force=False, release=None)
    with pytest.raises(UsageError, match="give it with --release"):
        build_programs_database(
            tmp_path / "scorecard.csv", crosswalk, tmp_path / "p.sqlite", force=False, release=None
        )


def test_the_programs_view_lists_counts_and_labels_the_other_measure(run: Any) -> None:
    result = run("programs", "ma", "--area", "FL", "--credential", "certificate", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["view"] == "programs" and data["area"] == "Florida"
    assert [f["family"] for f in data["fields"]] == ["5107", "5108"]
    assert data["without_earnings"] > 0
    shown = [p["earnings"] for p in data["programs"] if p["earnings"] is not None]
    assert shown == sorted(shown, reverse=True)
    assert data["occupation_pay"][0]["occupation_code"] == "31-9092"
    out = " ".join(run("programs", "ma", "--area", "FL", "-f", "plain").stdout.split())
    assert "A different measure: the median pay of everyone in the occupation" in out
    assert "College Scorecard (U.S. Department of Education), as compiled by Truewise" in out
    assert "The Scorecard groups programs by these 4-digit families, and the crosswalk maps" in out


@pytest.mark.skipif(not SCORECARD.exists(), reason="the shared Scorecard file is not there")
def test_random_florida_programs_carry_the_shared_files_figures_exactly(run: Any) -> None:
    found = run("programs", "ma", "--area", "FL", "--all", "--credential", "any", "--json")
    data = json.loads(found.stdout)
    shown = {(p["unitid"], p["family"], p["credential"]): p for p in data["programs"]}
    with gzip.open(SCORECARD, "rb") as raw:
        rows = [
            row
            for row in csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8"))
            if row["state"] == "FL" and row["cip_code"] in ("5107", "5108")
        ]
    assert len(rows) == data["total"]
    for row in random.Random(7).sample(rows, 10):
        program = shown[(row["unitid"], row["cip_code"], int(row["credential_level"]))]
        assert program["school"] == row["inst_name"]
        assert program["earnings"] == (int(row["earnings"]) if row["earnings"] else None)
        assert program["debt"] == (int(row["debt_median"]) if row["debt_median"] else None)
    assert data["without_earnings"] == sum(1 for row in rows if not row["earnings"])


@pytest.mark.slow
@pytest.mark.skipif(
    not (SCORECARD.exists() and CROSSWALK.exists()), reason="the shared files are not there"
)
def test_the_bundled_programs_database_is_what_the_importer_builds(tmp_path: Path) -> None:
    output = tmp_path / "programs.sqlite"
    build_programs_database(SCORECARD, CROSSWALK, output, force=False, release=None)
    assert output.read_bytes() == (ROOT / "data" / "programs.sqlite").read_bytes()


# Payback, by the rule: months = (cost + forgone) / ((new - current) / 12).


def test_payback_months_by_the_rule_on_hand_computed_cases() -> None:
    plan = Plan(current_pay=30000, hourly=False, cost=4000, months=6, part_time=False)
    # forgone 30000 x 6 / 12 = 15000; (4000 + 15000) / ((44480 - 30000) / 12) = 15.745...
    result = months_to_pay_back(plan, Cell(44480, None, False, True))
    assert result.months is not None and round(result.months, 1) == 15.7
    assert result.text() == "15.7"
    part_time = Plan(30000, False, 4000, 6, part_time=True)  # 4000 / (6000 / 12) = 8.0
    assert months_to_pay_back(part_time, Cell(36000, None, False, True)).text() == "8.0"
    assert months_to_pay_back(plan, Cell(30000, None, False, True)).text() == (
        "never pays back at this pay"
    )
    bound = months_to_pay_back(plan, Cell(239200, "#", True, True))
    assert bound.at_most and runs_of(bound.text())[0] == Bound("at most")


def test_hourly_pay_is_converted_with_2080_hours() -> None:
    plan = checked_plan(15, hourly=True, cost=4000, months=6, part_time=False)
    assert plan.current_pay == 31200


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--current-pay", "-5", "--cost", "4000", "--months", "6"], "--current-pay must be"),
        (["--current-pay", "0", "--cost", "4000", "--months", "6"], "--current-pay must be"),
        (["--current-pay", "30000", "--cost", "0", "--months", "6"], "--cost must be"),
        (["--current-pay", "30000", "--cost", "4000", "--months", "-1"], "--months must be"),
        (["--current-pay", "abc", "--cost", "4000", "--months", "6"], "'--current-pay'"),
        (["--cost", "4000", "--months", "6"], "--current-pay is missing"),
        (["--current-pay", "1e309", "--months", "6"], "--current-pay must be a finite number"),
        (["--current-pay", "nan", "--months", "6"], "--current-pay must be a number above 0"),
        (["--current-pay", "30000", "--cost", "4000", "phlebotomist"], "--months is missing"),
        (["--current-pay", "30000", "--months", "six"], "--months takes MONTHS or ROLE=MONTHS"),
        (["--current-pay", "30000", "--cost", "=4000"], "--cost takes DOLLARS or ROLE=DOLLARS"),
        (["--current-pay", "30000", "--months", "6", "--months", "4"], "every role twice"),
        (
            ["--current-pay", "30000", "--months", "ma=6", "--months", "MA=4"],
            "'medical-assistant' twice",
        ),
        (["--current-pay", "30000", "--months", "rn=6"], "'rn' is not one of the roles compared"),
        (["--current-pay", "30000", "--months", "xyz=6"], "--months xyz=6: unknown role 'xyz'"),
        (["--current-pay", "30000", "--months", "ma=0"], "--months must be a number above 0"),
    ],
)
def test_bad_payback_figures_are_usage_errors_naming_the_option(
    run: Any, args: list[str], message: str
) -> None:
    result = run("payback", "ma", "--area", "tampa", *args)
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.splitlines()) == 1


def test_payback_side_by_side_at_the_tampa_median_and_25th_percentile(run: Any) -> None:
    result = run(
        "payback", "ma", "phlebotomist", "pharmacy tech", "--area", "tampa",
        "--current-pay", "30000", "--cost", "4000", "--months", "6", "--json",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [r["role"]["id"] for r in data["roles"]] == [
        "medical-assistant",
        "phlebotomist",
        "pharmacy-technician",
    ]
    for row in data["roles"]:
        for key in ("median", "percentile_25"):
            pay = row[key]["pay"]["value"]
            expected = (4000 + 15000) / ((pay - 30000) / 12)
            assert row[key]["months"] == pytest.approx(expected)
    assert "months = (cost + forgone pay)" in data["rule"]


def test_an_area_without_an_estimate_says_so(run: Any) -> None:
    out = run(
        "payback", "physicians-and-surgeons", "--area", "FL",
        "--current-pay", "30000", "--cost", "4000", "--months", "6", "-f", "plain",
    ).stdout  # fmt: skip
    assert (
        "Physicians and surgeons: BLS publishes no May 2025 estimate in Florida; it publishes "
        "the 15 detailed occupations within them there: 'careercompare wages "
        "physicians-and-surgeons --area FL' shows them."
    ) in out


def test_show_with_an_area_says_how_many_programs_are_near_and_where_to_look(run: Any) -> None:
    out = " ".join(run("show", "ma", "--area", "tampa", "-f", "plain").stdout.split())
    near = re.search(r"Programs near you \(Florida\): (\d+) programs, of every credential", out)
    assert near is not None, out
    command = "careercompare programs medical-assistant --area FL --credential any"
    assert f"'{command}' lists them." in out
    listed = json.loads(run(*command.split()[1:], "--json").stdout)
    assert listed["total"] == int(near.group(1))
    assert "Programs near you" not in run("show", "ma", "-f", "plain").stdout
    # where no program publishes a figure, no middle figure is spoken of
    aides = " ".join(run("show", "home health aide", "--area", "FL", "-f", "plain").stdout.split())
    assert re.search(r"; none publishes earnings \[\d+\]\. 'careercompare programs", aides)
    assert "0 publish" not in aides and "middle of the published figures" not in aides


@pytest.mark.parametrize("fmt", ["markdown", "csv", "html", "svg", "json", "plain"])
def test_programs_and_payback_write_every_format(run: Any, fmt: str) -> None:
    programs = run("programs", "ma", "--area", "FL", "--top", "2", "-f", fmt)
    assert programs.exit_code == 0, programs.stderr
    assert "Truewise" in programs.stdout or fmt == "csv"
    payback = run(
        "payback", "ma", "--area", "FL", "--current-pay", "30000", "--cost", "4000",
        "--months", "6", "-f", fmt,
    )  # fmt: skip
    assert payback.exit_code == 0, payback.stderr


def test_payback_takes_a_cost_and_a_length_for_one_role_and_says_which_were_given(
    run: Any,
) -> None:
    args = ("payback", "ma", "phlebotomist", "--area", "tampa", "--current-pay", "30000")
    per_role = ("--months", "ma=6", "--months", "phlebotomist=3", "--cost", "phlebotomist=1500")
    data = json.loads(run(*args, *per_role, "--json").stdout)
    assert data["version"] == 3
    assert data["plan"]["cost"] == {"every": None, "by_role": {"phlebotomist": 1500}}
    assert data["plan"]["months"] == {
        "every": None,
        "by_role": {"medical-assistant": 6, "phlebotomist": 3},
    }
    ma, phlebotomist = data["roles"]
    assert (phlebotomist["plan"]["cost"], phlebotomist["plan"]["months"]) == (1500, 3)
    assert phlebotomist["plan"]["cost_basis"] is None  # given, not sourced
    pay = phlebotomist["median"]["pay"]["value"]
    expected = (1500 + 30000 * 3 / 12) / ((pay - 30000) / 12)
    assert phlebotomist["median"]["months"] == pytest.approx(expected)
    assert ma["plan"]["months"] == 6 and ma["plan"]["months_basis"] is None
    assert ma["plan"]["cost_source"] == "college-scorecard-fos-2026-06-10"
    plain = " ".join(run(*args, *per_role, "-f", "plain").stdout.split())
    assert "Current pay $30,000 a year; each role's own training length and cost below." in plain
    assert "Phlebotomist: cost $1,500, as given; training 3 months, as given." in plain
    assert (
        "Medical assistant: cost taken as $9,500, the median debt of certificate programs in "
        "Florida that lead to it" in plain
    )
    assert "training 6 months, as given." in plain
    # one figure for every role, and one role's own beside it
    mixed = json.loads(
        run(*args, "--months", "6", "--months", "ma=9", "--cost", "4000", "--json").stdout
    )
    assert [r["plan"]["months"] for r in mixed["roles"]] == [9, 6]
    assert [r["plan"]["cost"] for r in mixed["roles"]] == [4000, 4000]


def test_payback_csv_has_each_roles_own_cost_and_length_with_their_sources(run: Any) -> None:
    result = run("payback", "ma", "--area", "tampa", "--current-pay", "30000", "-f", "csv")
    [row] = list(csv.DictReader(io.StringIO(result.stdout)))
    assert float(row["training_months"]) == pytest.approx(24 * 12 / 52)
    assert row["training_months_source"] == "fhca-article"
    assert row["training_months_basis"].startswith("training taken as 5.5 months")
    assert float(row["cost"]) > 0 and row["cost_source"] == "college-scorecard-fos-2026-06-10"
    # the cost is of fields other occupations' programs are in too: their codes, and whose
    shared = row["cost_shared_with"].split()
    assert "43-6013" in shared and all(re.fullmatch(r"\d\d-\d{4}", c) for c in shared)
    assert row["cost_shared_source"] == "nces-cip2020-soc2018"
    given = run(
        "payback", "ma", "--area", "tampa", "--current-pay", "30000", "--cost", "4000",
        "--months", "6", "-f", "csv",
    )  # fmt: skip
    [row] = list(csv.DictReader(io.StringIO(given.stdout)))
    assert (row["cost"], row["cost_basis"], row["cost_source"]) == ("4000.0", "given", "")
    assert (row["cost_shared_with"], row["cost_shared_source"]) == ("", "")
    assert (row["training_months"], row["training_months_basis"]) == ("6.0", "given")


def test_payback_without_cost_or_length_uses_the_sourced_ones_and_says_so(run: Any) -> None:
    data = json.loads(
        run("payback", "ma", "--area", "tampa", "--current-pay", "30000", "--json").stdout
    )
    [row] = data["roles"]
    plan = row["plan"]
    assert plan["months"] == pytest.approx(24 * 12 / 52)  # the longest of 12 to 24 weeks
    assert plan["months_source"] == "fhca-article" or plan["months_source"].startswith("fhca")
    assert plan["cost_source"] == "college-scorecard-fos-2026-06-10"
    assert "a debt, not a price" in plan["cost_basis"]
    forgone = 30000 * plan["months"] / 12
    pay = row["median"]["pay"]["value"]
    assert row["median"]["months"] == pytest.approx((plan["cost"] + forgone) / ((pay - 30000) / 12))


@pytest.mark.shipped
@pytest.mark.parametrize(
    ("role", "credential", "level", "entry"),
    [
        ("ma", "certificate", 1, "Postsecondary nondegree award"),
        ("respiratory therapist", "associate", 2, "Associate's degree"),
        ("rn", "bachelor", 3, "Bachelor's degree"),
    ],
)
def test_the_programs_listed_are_of_the_credential_of_the_roles_entry_education(
    run: Any, role: str, credential: str, level: int, entry: str
) -> None:
    data = json.loads(run("programs", role, "--area", "FL", "--all", "--json").stdout)
    assert data["version"] == 3 and data["credential"] == credential
    assert data["credential_from"]["text"] == entry
    assert data["programs"] and {p["credential"] for p in data["programs"]} == {level}
    # the middle figures still compare every credential, the other ways in
    assert len({s["credential"] for s in data["summaries"]}) > 2
    every = json.loads(
        run("programs", role, "--area", "FL", "--credential", "any", "--json").stdout
    )
    assert every["credential"] is None and every["credential_from"] is None
    assert every["total"] > data["total"]
    plain = " ".join(run("programs", role, "--area", "FL", "-f", "plain").stdout.split())
    assert (
        f"programs listed, the credential of the occupation's typical entry education ({entry} ["
        in plain
    )


@pytest.mark.shipped
def test_an_entry_education_no_credential_matches_lists_every_credential(run: Any) -> None:
    # pharmacy technicians: a high school diploma; physicians: a doctoral degree
    for role in ("pharmacy tech", "physicians-and-surgeons"):
        data = json.loads(run("programs", role, "--area", "FL", "--json").stdout)
        assert data["credential"] is None and data["credential_from"] is None
        assert len({p["credential"] for p in data["programs"]}) >= 1


def test_asking_for_a_credential_lists_only_it_and_summarises_only_it(run: Any) -> None:
    data = json.loads(run("programs", "ma", "--credential", "associate", "--json").stdout)
    assert data["credential"] == "associate" and data["credential_from"] is None
    assert {p["credential"] for p in data["programs"]} == {2}
    assert {s["credential"] for s in data["summaries"]} == {"Associate's Degree"}


@pytest.mark.shipped
def test_where_no_program_has_the_entry_credential_every_credential_is_listed(run: Any) -> None:
    data = json.loads(run("programs", "ma", "--area", "DC", "--json").stdout)
    assert data["credential"] is None and data["programs"]
    assert data["credential_from"]["text"] == "Postsecondary nondegree award"
    plain = " ".join(run("programs", "ma", "--area", "DC", "-f", "plain").stdout.split())
    assert "No certificate programs in District of Columbia, the credential of the" in plain
    assert "(Postsecondary nondegree award [3]): every credential listed." in plain


@pytest.mark.shipped
@pytest.mark.parametrize(
    ("role", "credential", "title"),
    [
        ("ma", "certificate", "Undergraduate Certificate or Diploma"),
        ("pharmacy tech", "certificate", "Undergraduate Certificate or Diploma"),
        ("respiratory therapist", "associate's degree", "Associate's Degree"),
        ("rn", "bachelor's degree", "Bachelor's Degree"),
    ],
)
def test_payback_takes_the_debt_of_the_programs_of_the_roles_entry_credential(
    run: Any, role: str, credential: str, title: str
) -> None:
    data = json.loads(
        run(
            "payback", role, "--area", "FL", "--current-pay", "30000", "--months", "12",
            "--json",
        ).stdout
    )  # fmt: skip
    plan = data["roles"][0]["plan"]
    assert (
        f"the median debt of {credential} programs in Florida that lead to it" in plan["cost_basis"]
    )
    # the same middle figure `programs` gives for that credential in Florida
    programs = json.loads(
        run("programs", role, "--area", "FL", "--credential", "any", "--json").stdout
    )
    [florida] = [
        s for s in programs["summaries"] if s["credential"] == title and s["where"] == "Florida"
    ]
    assert plan["cost"] == florida["median_debt"]


@pytest.mark.shipped
def test_payback_takes_no_graduate_programs_debt_as_a_cost(run: Any) -> None:
    result = run("payback", "np", "--area", "FL", "--current-pay", "30000", "--months", "24")
    assert result.exit_code == 2
    assert "(a graduate degree's is not read); give --cost" in result.stderr


@pytest.mark.parametrize(
    ("low", "high", "unit", "shown"),
    [(12, 24, "weeks", "12 to 24 weeks"), (1, 1, "years", "1 year"), (2, 2, "years", "2 years")],
)
def test_a_program_length_reads_as_its_source_gives_it(
    low: float, high: float, unit: str, shown: str
) -> None:
    length = ProgramLength(low=low, high=high, unit=unit, scope="s", source="x")
    assert length_span(length) == f"{shown} (s)"


@pytest.mark.shipped
def test_payback_takes_a_single_sourced_length_as_it_is(run: Any) -> None:
    data = json.loads(
        run("payback", "lpn", "--area", "FL", "--current-pay", "30000", "--json").stdout
    )
    plan = data["roles"][0]["plan"]
    assert plan["months"] == 12
    assert plan["months_source"] == "bls-ooh-licensed-practical-nurses-2023-33"
    assert plan["months_basis"].startswith("training taken as 12.0 months: the sourced 1 year (")


def test_the_figures_given_are_every_roles_or_one_roles() -> None:
    from careercompare.views.payback import asked_plan, role_plan
    from tests.results import mini_index

    index = mini_index()
    alpha, beta, _ = index.catalog.roles
    asked = asked_plan(
        index, [alpha, beta], 30000, ["4000", "beta=1000"], ["Alpha aide=6", "beta=2.5"],
        hourly=False, part_time=False,
    )  # fmt: skip
    assert (asked.cost.every, dict(asked.cost.by_role)) == (4000, {"beta": 1000})
    assert (asked.months.every, dict(asked.months.by_role)) == (None, {"alpha": 6, "beta": 2.5})
    assert asked.costed("alpha") and asked.costed("beta")
    assert asked.cost.shared is None and asked.months.shared is None
    assert asked.cost.of("alpha") == 4000 and asked.months.of("alpha") == 6
    own = role_plan(asked, beta, None)
    assert (own.cost, own.months, own.cost_basis, own.months_basis) == (1000, 2.5, None, None)
    with pytest.raises(UsageError, match="'gamma' is not one of the roles compared"):
        asked_plan(index, [alpha], 30000, [], ["gamma=3"], hourly=False, part_time=False)


@pytest.mark.shipped
def test_a_role_named_in_a_figure_may_be_a_name_only_one_compared_role_has(run: Any) -> None:
    args = ("payback", "rn", "respiratory therapist", "--area", "NY", "--current-pay", "35000")
    data = json.loads(run(*args, "--months", "rn=36", "--months", "rt=24", "--json").stdout)
    assert [r["plan"]["months"] for r in data["roles"]] == [36, 24]
    # 'rt' names radiation and respiratory therapists and radiologic technologists: with
    # none of them compared, it is a usage error listing them
    alone = run("payback", "rn", "--area", "NY", "--current-pay", "35000", "--months", "rt=24")
    assert alone.exit_code == 2 and "--months rt=24: 'rt' is a name of 3 occupations" in (
        alone.stderr
    )


def test_programs_by_debt_list_the_least_debt_first(run: Any) -> None:
    data = json.loads(
        run("programs", "ma", "--area", "TX", "--sort", "debt", "--all", "--json").stdout
    )
    debts = [p["debt"] for p in data["programs"]]
    published = [d for d in debts if d is not None]
    assert published == sorted(published) and debts[: len(published)] == published
    earnings = json.loads(run("programs", "ma", "--area", "TX", "--all", "--json").stdout)
    shown = [p["earnings"] for p in earnings["programs"] if p["earnings"] is not None]
    assert shown == sorted(shown, reverse=True)
    plain = run("programs", "ma", "--area", "TX", "--sort", "debt", "-f", "plain").stdout
    assert "Programs by median debt, least first [1]" in plain


def test_a_metro_area_lists_its_states_programs_says_so_and_keeps_its_own_pay() -> None:
    from careercompare.views.programs import AreaInState, build_programs
    from careercompare.wages.areas import resolve_area
    from careercompare.wages.datasets import bundled_wages
    from tests.conftest import bundled_index

    index, wages = bundled_index(), bundled_wages()
    asked = [resolve_area(name, wages.areas) for name in ("columbus oh", "philadelphia", "OH")]
    result = build_programs(
        index,
        bundled_programs(),
        index.resolve_role("phlebotomist"),
        areas=asked,
        wages=wages,
        credential=None,
        sort=ProgramSort.EARNINGS,
        top=3,
    )
    # Ohio once, though two areas lie in it; the Scorecard has no town to narrow it to
    assert result.area == "Ohio and Pennsylvania"
    heading = plain(result.blocks()[0].text)  # type: ignore[attr-defined]
    assert heading == "Programs that lead to Phlebotomist in Ohio and Pennsylvania"
    assert {p.state for p in result.programs} <= {"OH", "PA"}
    assert result.areas_in_states == (
        AreaInState("Columbus, OH", "18140", "Ohio"),
        AreaInState(
            "Philadelphia-Camden-Wilmington, PA-NJ-DE-MD", "37980", "Pennsylvania",
            ("NJ", "DE", "MD"),
        ),
    )  # fmt: skip
    said = " ".join(plain(b.text) for b in result.blocks() if isinstance(b, Paragraph))
    assert (
        "The College Scorecard gives each school's state, not its town: for Columbus, OH, the "
        "programs of Ohio are listed; for Philadelphia-Camden-Wilmington, PA-NJ-DE-MD, the "
        "programs of Pennsylvania, the first state its name gives, are listed (--area NJ,DE,MD "
        "lists those of the others)." in said
    )
    # the occupation's own pay in each metro area asked for, then in each state
    assert [p.area for p in result.occupation_pay] == [
        "Columbus, OH", "Philadelphia-Camden-Wilmington, PA-NJ-DE-MD", "Ohio", "Pennsylvania",
    ]  # fmt: skip
    assert result_data(result)["areas_in_states"][0] == {
        "area": "Columbus, OH", "area_code": "18140", "state": "Ohio", "other_states": [],
    }  # fmt: skip


def _programs_of(role: str, area: str, *, credential_any: bool = False, **asked: Any) -> Any:
    from careercompare.views.programs import build_programs
    from careercompare.wages.areas import resolve_area
    from careercompare.wages.datasets import bundled_wages
    from tests.conftest import bundled_index

    index, wages = bundled_index(), bundled_wages()
    return build_programs(
        index,
        bundled_programs(),
        index.resolve_role(role),
        areas=[resolve_area(area, wages.areas)],
        wages=wages,
        credential=Credential.ANY if credential_any else None,
        sort=ProgramSort.EARNINGS,
        top=None,
        **asked,
    )


def test_school_lists_only_the_programs_of_schools_with_those_words() -> None:
    every = _programs_of("lpn", "FL")
    some = _programs_of("lpn", "FL", school=["ST.", "Peter"])  # each word starts one
    assert some.programs and all(
        re.search(r"\bst\b", p.school.casefold()) and "peter" in p.school.casefold()
        for p in some.programs
    )
    assert {p.unitid for p in some.programs} < {p.unitid for p in every.programs}
    assert some.summaries == every.summaries  # the middle figures still compare every school
    assert some.school == "st peter" and some.school_suggestion is None
    said = [plain(b.text) for b in some.blocks() if isinstance(b, Paragraph)]
    assert any(line.startswith("Every program here publishes its earnings.") for line in said)
    assert result_data(some)["school"] == "st peter"


def test_a_school_no_program_matches_is_said_once_with_the_name_it_nearly_is() -> None:
    missed = _programs_of("ma", "FL", school=["keizer"])
    assert missed.programs == () and missed.school_suggestion == "keiser"
    said = [plain(b.text) for b in missed.blocks() if isinstance(b, Paragraph)]
    assert [line for line in said if line.startswith("No ")] == [
        "No program of these fields at schools matching 'keizer' in Florida; did you mean "
        "'keiser'? [1]"
    ]
    assert _programs_of("ma", "FL", school=["keiser"]).programs
    assert _programs_of("ma", "FL", school=["zzzz"]).school_suggestion is None


def test_an_occupation_the_crosswalk_maps_no_field_to_says_so_once_and_cites_it() -> None:
    from careercompare.results.blocks import Heading, Records

    result = _programs_of("21-1018", "FL")  # the crosswalk names its 2010 codes only
    assert result.fields == () and result.programs == ()
    blocks = result.blocks()
    said = [plain(b.text) for b in blocks if isinstance(b, Paragraph)]
    crosswalk = result.number(result.crosswalk_source)
    assert said[0] == (
        f"The crosswalk maps no field of study to this occupation [{crosswalk}], so no "
        "program leads to it here."
    )
    assert not any(line.startswith("No program") for line in said)
    assert not any(isinstance(b, Records) for b in blocks)
    assert not any(
        isinstance(b, Heading) and plain(b.text).startswith("Programs by") for b in blocks
    )


def test_how_many_programs_publish_earnings_reads_well_at_none_and_at_all() -> None:
    def counted(result: Any) -> str:
        said = [plain(b.text) for b in result.blocks() if isinstance(b, Paragraph)]
        return next(line for line in said if "publish" in line)

    aides = _programs_of("home health aide", "TX")
    assert not any(p.earnings for p in aides.programs)
    assert counted(aides).startswith(f"None of the {aides.total} programs publishes earnings")
    one = _programs_of("lpn", "FL", school=["pinellas", "st"])
    assert all(p.earnings for p in one.programs)
    assert counted(one).startswith("Every program here publishes its earnings.")


@pytest.mark.parametrize("school", ["", "  ", "---"])
def test_a_school_with_no_word_is_a_usage_error(run: Any, school: str) -> None:
    result = run("programs", "ma", "--area", "FL", "--school", school)
    assert result.exit_code == 2 and result.stdout == ""
    assert "--school has no word in it; give words of the school's name" in result.stderr


def test_payback_takes_the_debt_of_the_programs_of_the_schools_named() -> None:
    from careercompare.views.payback import build_payback, checked_plan
    from careercompare.views.program_figures import program_debt_by_area
    from careercompare.wages.areas import resolve_area
    from careercompare.wages.datasets import bundled_wages
    from tests.conftest import bundled_index

    index, wages, db = bundled_index(), bundled_wages(), bundled_programs()
    florida = resolve_area("FL", wages.areas)
    lpn = index.resolve_role("lpn")
    plan = replace(checked_plan(30000, hourly=False, part_time=False), school="palm beach")
    debts_in = program_debt_by_area(db, index, wages.areas, ["palm", "beach"])
    [row] = build_payback(index, wages, [lpn], [florida], plan, debts_in=debts_in).roles
    # the median debt of the certificate programs of those schools only, as the file has it
    families = [f.family for f in db.fields_for(("29-2061",))]
    theirs = [
        p.debt
        for p in db.programs(families, state="FL", credential=1)
        if "palm beach" in p.school.casefold() and p.debt is not None
    ]
    assert theirs and row.plan.cost == sorted(theirs)[(len(theirs) - 1) // 2]
    assert row.plan.cost_basis is not None
    assert "certificate programs at schools matching 'palm beach' in Florida" in row.plan.cost_basis
    every = program_debt_by_area(db, index, wages.areas)(florida)(lpn)
    assert every is not None and every.school is None and every.amount != row.plan.cost


def test_payback_school_without_a_cost_to_take_is_a_usage_error(run: Any) -> None:
    given = ("--current-pay", "30000", "--cost", "4000", "--months", "6")
    result = run("payback", "ma", *given, "--school", "keiser")
    assert result.exit_code == 2 and "--school picks the programs" in result.stderr
    none = run("payback", "lpn", "--area", "FL", "--current-pay", "30000", "--school", "zzz")
    assert none.exit_code == 2
    assert "'Licensed practical nurse' at schools matching 'zzz' in the area" in none.stderr


def test_no_program_of_an_asked_credential_names_it_and_how_to_see_the_others(run: Any) -> None:
    out = run("programs", "np", "--area", "WY", "--credential", "certificate", "-f", "plain")
    said = " ".join(out.stdout.split())
    assert (
        "No certificate program of these fields in Wyoming; --credential any lists every "
        "credential's. [1]" in said
    )
    assert run("programs", "np", "--area", "WY", "--credential", "any", "--json").exit_code == 0


def test_a_school_is_found_with_or_without_its_accents() -> None:
    from careercompare.views.program_figures import name_words, program_debt_by_area
    from careercompare.wages.areas import resolve_area
    from careercompare.wages.datasets import bundled_wages
    from tests.conftest import bundled_index

    assert name_words("Dewey University-Juana Díaz") == ["dewey", "university", "juana", "diaz"]
    for typed in (["juana", "diaz"], ["Juana", "Díaz"]):
        found = _programs_of("ma", "PR", school=typed, credential_any=True)
        assert {p.school for p in found.programs} == {"Dewey University-Juana Díaz"}, typed
    index, wages = bundled_index(), bundled_wages()
    puerto_rico = resolve_area("PR", wages.areas)
    ma = index.resolve_role("ma")
    plain_debt = program_debt_by_area(bundled_programs(), index, wages.areas, ["mendez"])
    accented = program_debt_by_area(bundled_programs(), index, wages.areas, ["méndez"])
    one, other = plain_debt(puerto_rico)(ma), accented(puerto_rico)(ma)
    assert one is not None and one == other and one.school == "mendez"


def _campus(school: str, group: str, family: str, earnings: int, debt: int) -> Program:
    return Program(
        school, school, "FL", "Private, for-profit", family, "Field", 1, "Certificate",
        20, earnings, "4 years", debt, group,
    )  # fmt: skip


def test_a_schools_campuses_count_once_in_the_middle_figures() -> None:
    # three campuses of one school (one opeid6) publish the school's one set of figures
    campuses = [_campus(f"Omega-{town}", "09", "5108", 50_000, 20_000) for town in "ABC"]
    other = _campus("Sigma", "10", "5108", 30_000, 10_000)
    assert median_low([p.earnings for p in [*campuses, other]]) == 50_000  # once a campus
    schools = school_figures([*campuses, other])
    assert middle_figures(schools) == (30_000, 10_000)  # once a school
    assert [(s.earnings, s.campuses, s.campuses_with_earnings) for s in schools] == [
        (50_000, 3, 3), (30_000, 1, 1),
    ]  # fmt: skip
    # the same school's program of another field is figures of its own
    nursing = _campus("Omega-A", "09", "5139", 60_000, 5_000)
    assert [s.earnings for s in school_figures([*campuses, nursing])] == [50_000, 60_000]


def test_the_importer_keeps_the_school_each_campus_belongs_to(tmp_path: Path) -> None:
    rows = [
        "11,07,Omega-North,FL,Public,5108,Allied Health and Medical Assisting Services.,1,"
        "Undergraduate Certificate or Diploma,22,40000,4yr_after_completion,,,,,,,9000,,",
        "12,07,Omega-South,FL,Public,5108,Allied Health and Medical Assisting Services.,1,"
        "Undergraduate Certificate or Diploma,0,40000,4yr_after_completion,,,,,,,9000,,",
        "13,,Sigma College,FL,Public,5108,Allied Health and Medical Assisting Services.,1,"
        "Undergraduate Certificate or Diploma,9,30000,4yr_after_completion,,,,,,,,,",
    ]
    db = build(tmp_path, PAIRS, rows)
    found = db.programs(["5108"], state="FL", credential=1)
    assert {p.school: p.school_group for p in found} == {
        "Omega-North": "07", "Omega-South": "07", "Sigma College": "13",  # no opeid6: its own
    }  # fmt: skip
    national = db.figures(["5108"], credential=None)
    assert sorted((f.earnings, f.campuses, f.campuses_with_earnings) for f in national) == [
        (30_000, 1, 1), (40_000, 2, 2),
    ]  # fmt: skip
    assert middle_figures(national) == (30_000, 9_000)
    assert sorted(national) == sorted(school_figures(found))  # SQL and Python count alike


def test_the_bundled_programs_count_a_schools_campuses_once() -> None:
    ohio = bundled_programs().programs(["5138"], state="OH", credential=3)
    groups = {p.school: p.school_group for p in ohio if p.school.startswith("Ohio State")}
    assert (
        groups["Ohio State University-Main Campus"]
        == (groups["Ohio State University-Mansfield Campus"])
    )
    result = _programs_of("rn", "OH", credential_any=True)
    [bachelor] = [s for s in result.summaries if s.credential == "Bachelor's Degree" and
                  s.where == "Ohio"]  # fmt: skip
    assert bachelor.programs == len(ohio)
    assert (bachelor.median_earnings, bachelor.median_debt) == middle_figures(school_figures(ohio))
    assert bachelor.median_debt != median_low([p.debt for p in ohio])  # each campus once
    said = " ".join(plain(b.text) for b in result.blocks() if isinstance(b, Paragraph))
    assert "each school's once: the campuses of one school (one OPEID) publish one set" in said
    # the campuses listed that publish one school's figures are named
    listed = _programs_of("rn", "OH", credential_any=True, school=["ohio", "state"])
    said = " ".join(plain(b.text) for b in listed.blocks() if isinstance(b, Paragraph))
    assert (
        "The campuses of one school (one OPEID) publish one set of earnings and debt, the "
        "school's: Ohio State University-Main Campus and Ohio State University-Mansfield "
        "Campus. The middle figures count each school's once." in said
    )


def test_campuses_named_alike_are_counted_and_each_school_is_named_once() -> None:
    from careercompare.views.programs import _shared_figures_blocks

    campuses = [
        _campus("Omega College", "09", "5108", 50_000, 20_000),
        _campus("Omega College", "09", "5108", 50_000, 20_000),
        _campus("Sigma-North", "10", "5108", 30_000, 10_000),
        _campus("Sigma-South", "10", "5108", 30_000, 10_000),
        _campus("Sigma-North", "10", "5139", 40_000, 10_000),  # another field: same schools
        _campus("Sigma-South", "10", "5139", 40_000, 10_000),
        _campus("Tau", "11", "5108", 30_000, 10_000),
    ]
    [note] = _shared_figures_blocks(campuses)
    assert isinstance(note, Paragraph)
    assert plain(note.text).endswith(
        "the school's: Omega College (2 campuses); Sigma-North and Sigma-South. The middle "
        "figures count each school's once."
    )
    assert _shared_figures_blocks(campuses[-1:]) == []


def test_the_middle_earnings_say_how_many_are_of_1_year_after() -> None:
    from careercompare.views.programs import ProgramsResult, _summaries

    four = [_campus(f"School {n}", f"0{n}", "5108", 40_000 + n, 9_000) for n in range(3)]
    one = replace(_campus("Sigma-A", "10", "5108", 30_000, 9_000), earnings_after="1 year")
    again = replace(one, school="Sigma-B")  # the same school's figures: counted once
    summary, national = _summaries([("Florida", [*four, one, again])], school_figures(four))
    assert (summary.programs, summary.with_earnings, summary.earnings_one_year) == (5, 5, 1)
    assert summary.median_earnings == 40_000
    assert (national.where, national.earnings_one_year) == ("U.S.", 0)
    result = replace(_programs_of("ma", "FL"), summaries=(summary, national))
    said = " ".join(plain(b.text) for b in result.blocks() if isinstance(b, Paragraph))
    assert (
        "Each program's earnings are taken as published, 4 years after completion for most and "
        "1 year after for some, which a median mixes: 1 of Certificate (Florida) are of 1 year "
        "after." in said
    )
    assert result_data(result)["summaries"][0]["earnings_one_year"] == 1
    assert isinstance(result, ProgramsResult)
