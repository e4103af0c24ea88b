"""The occupation database: built from Employment Projections and O*NET files by the
project's importer (small fixtures written here), rebuilt from the shared files when they
are present, and every figure of a role checked against those files."""

from __future__ import annotations

import csv
import gzip
import io
import json
import random
import re
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from careercompare.catalog.index import CatalogIndex
from careercompare.catalog.loader import bundled_catalog_path, load_catalog
from careercompare.catalog.models import oews_codes
from careercompare.errors import DataError, UsageError
from careercompare.importers.occupations import build_occupation_database
from careercompare.occupations.database import OccupationDatabase
from careercompare.occupations.roles import OccupationRoles

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
EP_FILE = SHARED / "bls-ep-2024-34" / "occupation.xlsx"
ONET_FOLDER = SHARED / "onet-29.3"
OEWS_FILE = SHARED / "oews-may2025" / "oews-may2025-cross-industry.csv.gz"
STATES_FILE = SHARED / "state-projections-2022-32" / "state_projections.csv"
# The state file's layout: tab-separated, CRLF, two empty trailing columns, blank lines.
STATES = (
    "Title\tBase\tProjected\tPercentChange\tAvgAnnualOpenings\tSTFIPS\tOccCode\t\t\r\n"
    "Alpha Aides\t200000\t225100\t12.6\t30200\t0\t31-9092\t\t\r\n"
    "Alpha Aides\t10000\t11000\t10.0\t1400\t12\t31-9092\t\t\r\n"
    "Alpha Aides (NY)\t35250\t44680\t26.8\t940\t36\t31-9092\t\t\r\n"
    "\t\t\t\t\t\t\t\t\r\n"
)
HEADER = (
    "2024 National Employment Matrix title",
    "2024 National Employment Matrix code",
    "Occupation type",
    "Employment, 2024",
    "Employment, 2034",
    "Employment distribution, percent, 2024",
    "Employment distribution, percent, 2034",
    "Employment change, numeric, 2024\u201334",
    "Employment change, percent, 2024\u201334",
    "Percent self employed, 2024",
    "Occupational openings, 2024\u201334 annual average",
    "Median annual wage, dollars, 2024[1]",
    "Typical education needed for entry",
    "Work experience in a related occupation",
    "Typical on-the-job training needed to attain competency in the occupation",
    "Related Occupational Outlook Handbook (OOH) content xlsx",
)
# Rows in the table's layout: titles indented by level, thousands, '—', a top-coded wage.
ROWS: list[tuple[Any, ...]] = [
    ("Total, all occupations", "00-0000", "Summary", 1000.0, 1100.0, 100, 100, 100.0, 10.0,
     5.0, 90.0, 50000, "—", "—", "—", "—"),
    ("  Aide occupations", "31-9090", "Summary", 300.5, 330.0, 30, 30, 29.5, 9.8, "—", 40.0,
     41000, "—", "—", "—", "—"),
    ("    Alpha aides", "31-9092", "Line item", 200.0, 225.1, 20, 20, 25.1, 12.6, "—", 30.2,
     44200, "Postsecondary nondegree award", "None", "None", "OOH Content"),
    ("    Beta helpers", "31-9093", "Line item", 100.5, 104.9, 10, 10, 4.4, 4.4, 0, 9.8,
     40100, "Postsecondary nondegree award", "None", "Short-term on-the-job training",
     "OOH Content"),
    ("  Gamma doctors", "29-1229", "Line item", 340.7, 349.3, 34, 31, 8.6, 2.5, 3.9, 9.6,
     ">=$239,200", "Doctoral or professional degree", "None", "Internship/residency", ""),
]  # fmt: skip
ONET = {
    "Read Me.txt": "O*NET 29.3 Database\nMay 2025 Release\n",
    "Occupation Data.txt": "O*NET-SOC Code\tTitle\tDescription\n"
    "31-9092.00\tAlpha Aides\tHelp with alpha work.\n"
    "31-9093.00\tBeta Helpers\tHelp with beta work.\n"
    "29-1229.00\tGamma Doctors\tTreat patients.\n",
    "Task Statements.txt": "O*NET-SOC Code\tTitle\tTask ID\tTask\tTask Type\n"
    "31-9092.00\tAlpha Aides\t2\tRecord vital signs.\tCore\n"
    "31-9092.00\tAlpha Aides\t1\tGreet patients.\tCore\n"
    "31-9092.00\tAlpha Aides\t3\tOrder supplies.\tSupplemental\n",
    "Interests.txt": "O*NET-SOC Code\tTitle\tElement ID\tElement Name\tScale ID\tScale Name\t"
    "Data Value\n"
    "31-9092.00\tAlpha Aides\t1.B.1.d\tSocial\tOI\tOccupational Interests\t4.81\n"
    "31-9092.00\tAlpha Aides\t1.B.1.f\tConventional\tOI\tOccupational Interests\t5.76\n"
    "31-9092.00\tAlpha Aides\t1.B.1.g\tFirst Interest High-Point\tIH\tHigh-Point\t6.00\n",
    "Job Zones.txt": "O*NET-SOC Code\tTitle\tJob Zone\n31-9092.00\tAlpha Aides\t3\n"
    "31-9093.00\tBeta Helpers\t2\n29-1229.00\tGamma Doctors\t5\n",
    "Job Zone Reference.txt": "Job Zone\tName\tExperience\tEducation\tJob Training\n"
    "3\tJob Zone Three: Medium Preparation Needed\tSome.\tVocational school.\tA year.\n",
    "Related Occupations.txt": "O*NET-SOC Code\tTitle\tRelated O*NET-SOC Code\tRelated Title\t"
    "Relatedness Tier\tIndex\n"
    "31-9092.00\tAlpha Aides\t31-9093.00\tBeta Helpers\tPrimary-Short\t1\n"
    "31-9092.00\tAlpha Aides\t29-1229.00\tGamma Doctors\tPrimary-Short\t2\n",
    "Sample of Reported Titles.txt": "O*NET-SOC Code\tTitle\tReported Job Title\t"
    "Shown in My Next Move\n31-9092.00\tAlpha Aides\tCertified Alpha Aide (CAA)\tY\n",
    "RIASEC Keywords.txt": "Element ID\tElement Name\tKeyword\tKeyword Type\n"
    "1.B.1.d\tSocial\tHelp\tAction\n",
}


def write_ep(path: Path, rows: list[tuple[Any, ...]], header: tuple[str, ...] = HEADER) -> Path:
    book = Workbook()
    book.active.title = "Index"  # type: ignore[union-attr]
    sheet = book.create_sheet("Table 1.2")
    sheet.append(("Table 1.2 Occupational projections, 2024\u20132034",))
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def write_onet(folder: Path, **changes: str) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in {**ONET, **changes}.items():
        (folder / name).write_text(text, encoding="utf-8")
    book = Workbook()
    titles = book.active
    assert titles is not None
    titles.append(("O*NET-SOC Code", "Title", "Alternate Title", "Short Title", "Source(s)"))
    titles.append(("31-9093.00", "Beta Helpers", "Beta Technician (Beta Tech)", "Beta Tech", "08"))
    titles.append(("29-1229.00", "Gamma Doctors", "Physician", None, "08"))
    book.save(folder / "Alternate Titles.xlsx")
    return folder


@pytest.fixture
def built(tmp_path: Path) -> OccupationDatabase:
    ep = write_ep(tmp_path / "occupation.xlsx", ROWS)
    output = tmp_path / "occupations.sqlite"
    build_occupation_database(
        ep, write_onet(tmp_path / "onet"), output, force=False, ep_published=None
    )
    return OccupationDatabase(output)


def test_a_projection_is_read_as_published_in_thousands(built: OccupationDatabase) -> None:
    alpha = built.projection("31-9092")
    assert alpha is not None
    assert (alpha.jobs_start, alpha.jobs_end, alpha.change) == (200_000, 225_100, 25_100)
    assert (alpha.percent, alpha.openings_per_year, alpha.median_wage) == (12.6, 30_200, 44200)
    assert (alpha.education, alpha.experience, alpha.training) == (
        "Postsecondary nondegree award",
        "None",
        "None",
    )
    gamma = built.projection("29-1229")
    assert gamma is not None and (gamma.median_wage, gamma.wage_at_least) == (239200, True)
    assert (built.edition, built.years, built.wage_year) == ("2024-34", (2024, 2034), 2024)


def test_groups_know_their_detailed_occupations(built: OccupationDatabase) -> None:
    assert [p.code for p in built.members("31-9090")] == ["31-9092", "31-9093"]
    assert [p.code for p in built.projections()] == ["29-1229", "31-9092", "31-9093"]


def test_onet_profile_tasks_interests_and_zone(built: OccupationDatabase) -> None:
    profile = built.profile("31-9092")
    assert profile is not None
    assert (profile.description, profile.job_zone) == ("Help with alpha work.", 3)
    assert profile.interests == {"Social": 4.81, "Conventional": 5.76}
    assert built.tasks("31-9092.00", 5) == ["Greet patients.", "Record vital signs."]
    zone = built.job_zone(3)
    assert zone is not None and zone.name == "Job Zone Three: Medium Preparation Needed"


def test_names_people_use_find_their_occupation(built: OccupationDatabase) -> None:
    roles = OccupationRoles(built)
    assert roles.codes_named("beta techs") == ["31-9093"]
    assert roles.codes_named("CAA") == ["31-9092"]
    assert roles.codes_named("31-9092.00") == roles.codes_named("319092") == ["31-9092"]
    assert roles.codes_named("31-9090") == []  # a group, not an occupation
    assert roles.codes_named("astronaut") == []


def test_an_occupation_is_a_role_with_its_facts_and_where_it_leads(
    built: OccupationDatabase,
) -> None:
    role = OccupationRoles(built).role("31-9092")
    assert (role.id, role.name) == ("alpha-aides", "Alpha aides")
    assert role.summary is not None and role.summary.source == "onet-29-3"
    [projection] = role.outlook
    assert (projection.percent, projection.period, projection.source) == (
        12.6,
        "2024-2034",
        "bls-ep-2024-34",
    )
    # O*NET relates beta helpers (zone 2) and gamma doctors (zone 5): only the second leads up
    assert [path.role for path in role.career_paths] == ["gamma-doctors"]
    assert role.comparison["education-required"].text == "Postsecondary nondegree award"


def test_a_group_shares_only_the_requirements_every_member_has(
    built: OccupationDatabase,
) -> None:
    from careercompare.catalog.models import Role
    from careercompare.catalog.validation import validate

    group = validate(
        Role,
        {
            "id": "aides",
            "name": "Aides",
            "bls_occupation": {
                "soc_code": "31-9090",
                "title": "Aides",
                "match": "exact",
                "source": "x",
                "oews": {"codes": ["31-9092", "31-9093"], "source": "x"},
            },
        },
    )
    role = OccupationRoles(built).complete(group)
    assert [(r.kind, r.text, r.scope) for r in role.requirements] == [
        (
            "entry-education",
            "Postsecondary nondegree award",
            "every detailed occupation of the group",
        ),
        ("work-experience", "None", "every detailed occupation of the group"),
    ]
    assert {f.occupation for f in role.outlook} == {None, "31-9092", "31-9093"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda rows: rows.append(("X", "31-999", "Line item", *ROWS[2][3:])), "row 8: '31-999'"),
        (lambda rows: rows.append(ROWS[2]), "row 8: 31-9092 appears twice"),
        (
            lambda rows: rows.append(("X", "31-9099", "Line item", "many", *ROWS[2][4:])),
            "row 8: employment 'many' is not a number",
        ),
        (lambda rows: rows.append(("X", "31-9099", "Other", *ROWS[2][3:])), "row 8: occupation"),
    ],
)
def test_a_damaged_projections_row_is_refused_naming_file_and_row(
    tmp_path: Path, change: Any, message: str
) -> None:
    rows = list(ROWS)
    change(rows)
    ep = write_ep(tmp_path / "occupation.xlsx", rows)
    with pytest.raises(DataError, match=message) as error:
        build_occupation_database(
            ep,
            write_onet(tmp_path / "onet"),
            tmp_path / "out.sqlite",
            force=False,
            ep_published=None,
        )
    assert str(ep) in error.value.message
    assert not (tmp_path / "out.sqlite").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_foreign_workbook_or_onet_file_is_refused(tmp_path: Path) -> None:
    foreign = write_ep(tmp_path / "other.xlsx", ROWS, header=("Name", "Code"))
    onet = write_onet(tmp_path / "onet")
    with pytest.raises(DataError, match="has no header like BLS's"):
        build_occupation_database(
            foreign, onet, tmp_path / "o.sqlite", force=False, ep_published=None
        )
    ep = write_ep(tmp_path / "occupation.xlsx", ROWS)
    broken = write_onet(tmp_path / "broken", **{"Job Zones.txt": "Code\tZone\n"})
    with pytest.raises(DataError, match=r"Job Zones.txt: has no column O\*NET-SOC Code"):
        build_occupation_database(ep, broken, tmp_path / "o.sqlite", force=False, ep_published=None)
    text = tmp_path / "notes.txt"
    text.write_text("not a workbook")
    with pytest.raises(DataError, match="is not an Excel workbook"):
        build_occupation_database(text, onet, tmp_path / "o.sqlite", force=False, ep_published=None)


def test_the_database_in_place_is_never_replaced_without_force(tmp_path: Path) -> None:
    ep = write_ep(tmp_path / "occupation.xlsx", ROWS)
    onet = write_onet(tmp_path / "onet")
    output = tmp_path / "occupations.sqlite"
    output.write_bytes(b"mine")
    with pytest.raises(DataError, match="already exists; add --force"):
        build_occupation_database(ep, onet, output, force=False, ep_published=None)
    assert output.read_bytes() == b"mine"
    with pytest.raises(UsageError, match="--ep-published 'soon'"):
        build_occupation_database(ep, onet, output, force=True, ep_published="soon")
    build_occupation_database(ep, onet, output, force=True, ep_published="2025-08-28")
    assert OccupationDatabase(output).meta["ep_published"] == "2025-08-28"


def test_state_projections_are_shown_as_published_and_flagged_not_corrected(
    tmp_path: Path,
) -> None:
    from careercompare.importers.occupations import StateFile

    states = tmp_path / "state_projections.csv"
    states.write_bytes(STATES.encode())
    output = tmp_path / "o.sqlite"
    ep = write_ep(tmp_path / "occupation.xlsx", ROWS)
    onet = write_onet(tmp_path / "onet")
    with pytest.raises(UsageError, match="--state-period '2032-22'"):
        build_occupation_database(
            ep, onet, output, force=True, ep_published=None, states=StateFile(states, "2032-22")
        )
    build_occupation_database(
        ep, onet, output, force=True, ep_published=None, states=StateFile(states, "2022-32")
    )
    roles = OccupationRoles(OccupationDatabase(output))
    alpha = roles.role("31-9092")
    [(florida, fine)] = roles.state_outlook(alpha, "12", "Florida")
    assert (florida.jobs_start, florida.jobs_end, florida.percent) == (10000, 11000, 10.0)
    assert (florida.period, florida.openings_per_year, fine) == ("2022-2032", 1400, None)
    [(new_york, flag)] = roles.state_outlook(alpha, "36", "New York")
    assert new_york.openings_per_year == 940  # as published, never corrected
    assert flag is not None and "2.7% of jobs, under half the national 15.1%" in flag
    assert roles.state_outlook(alpha, "06", "California") == []


def test_a_damaged_state_file_is_refused_naming_the_line(tmp_path: Path) -> None:
    from careercompare.importers.occupations import StateFile

    states = tmp_path / "state_projections.csv"
    states.write_text(STATES.replace("\t940\t", "\tmany\t"), encoding="utf-8")
    with pytest.raises(DataError, match="line 4: AvgAnnualOpenings 'many' is not a count"):
        build_occupation_database(
            write_ep(tmp_path / "occupation.xlsx", ROWS),
            write_onet(tmp_path / "onet"),
            tmp_path / "o.sqlite",
            force=False,
            ep_published=None,
            states=StateFile(states, "2022-32"),
        )
    assert not (tmp_path / "o.sqlite").exists()


def test_the_import_command_reports_what_it_wrote_and_refuses_bad_files(
    run: Any, tmp_path: Path
) -> None:
    ep = write_ep(tmp_path / "occupation.xlsx", ROWS)
    onet = write_onet(tmp_path / "onet")
    output = tmp_path / "o.sqlite"
    result = run("import-occupations", str(ep), str(onet), "-o", str(output))
    assert result.exit_code == 0, result.stderr
    assert "projections 2024-34 (5 rows), O*NET 29.3 (3 occupations" in result.stderr
    bad = run("import-occupations", str(tmp_path / "missing.xlsx"), str(onet), "-o", str(output))
    assert bad.exit_code == 1 and len(bad.stderr.splitlines()) == 1


def test_the_build_records_each_tables_rows_and_what_it_says_it_wrote(
    run: Any, tmp_path: Path
) -> None:
    ep = write_ep(tmp_path / "occupation.xlsx", ROWS)
    output = tmp_path / "o.sqlite"
    result = run(
        "import-occupations", str(ep), str(write_onet(tmp_path / "onet")), "-o", str(output)
    )
    with closing(sqlite3.connect(output)) as db:
        tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        counted = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
        meta = dict(db.execute("SELECT key, value FROM meta"))
    assert {t: int(meta[f"rows:{t}"]) for t in tables if t != "meta"} == {
        t: n for t, n in counted.items() if t != "meta"
    }
    # the summary counts the names written, not those read before equal ones were folded
    assert f"{counted['titles']} titles)" in result.stderr
    database = OccupationDatabase(output)
    assert database.counts()["titles"] == counted["titles"]
    # a file built before the counts were recorded is counted when read
    with closing(sqlite3.connect(output)) as db:
        db.execute("DELETE FROM meta WHERE key LIKE 'rows:%'")
        db.commit()
    assert OccupationDatabase(output).counts() == database.counts()


# The bundled database, against the shared files it is built from.

needs_shared = pytest.mark.skipif(
    not (EP_FILE.exists() and ONET_FOLDER.exists()),
    reason="the shared data is not beside the project",
)


@pytest.mark.slow
@needs_shared
def test_the_bundled_database_is_what_the_importer_builds_from_the_shared_files(
    tmp_path: Path,
) -> None:
    from careercompare.importers.occupations import StateFile

    output = tmp_path / "occupations.sqlite"
    states = StateFile(STATES_FILE, "2022-32")
    build_occupation_database(
        EP_FILE, ONET_FOLDER, output, force=False, ep_published=None, states=states
    )
    bundled = ROOT / "data" / "occupations.sqlite"
    assert output.read_bytes() == bundled.read_bytes(), (
        "rebuild with the command in the README (Where the figures come from)"
    )


def _shared_projections() -> dict[str, tuple[Any, ...]]:
    book = load_workbook(EP_FILE, read_only=True, data_only=True)
    rows = book["Table 1.2"].iter_rows(min_row=3, values_only=True)
    try:
        return {str(row[1]): row for row in rows if row[2] == "Line item"}
    finally:
        rows.close()
        book.close()


def _shared_national_medians(codes: set[str]) -> dict[str, str]:
    with gzip.open(OEWS_FILE, "rt", encoding="utf-8", newline="") as handle:
        return {
            row["OCC_CODE"]: row["A_MEDIAN"]
            for row in csv.DictReader(io.TextIOWrapper(handle.buffer, encoding="utf-8"))
            if row["AREA"] == "99" and row["OCC_CODE"] in codes
        }


@needs_shared
@pytest.mark.skipif(not OEWS_FILE.exists(), reason="the shared OEWS file is not there")
def test_ten_random_occupations_show_exactly_the_figures_of_the_shared_files(
    index: CatalogIndex,
) -> None:
    rows = _shared_projections()
    chosen = random.Random(20241234).sample(sorted(rows), 10)
    medians = _shared_national_medians(set(chosen))
    for code in chosen:
        row = rows[code]
        role = index.resolve_role(code)
        projection = index.headline_outlook(role)
        assert projection is not None, code
        assert projection.jobs_start == round(float(row[3]) * 1000), code
        assert projection.jobs_end == round(float(row[4]) * 1000), code
        assert projection.change == round(float(row[7]) * 1000), code
        assert projection.percent == float(row[8]), code
        education = index.requirement(role, "entry-education")
        assert education is not None and education.text == row[12], code
        ep_median = next(f for f in role.salary if f.source == "bls-ep-2024-34")
        assert str(row[11]).replace(">=$", "").replace(",", "") == str(int(ep_median.amount or 0))
        oews = index.headline_median(role)
        published = medians.get(code, "")
        if published.replace(",", "").isdigit():
            assert oews is not None and oews.as_of == "May 2025", code
            assert oews.amount == int(published.replace(",", "")), code


def test_import_bls_reads_the_projections_workbook_as_bls_ships_it(
    run: Any, tmp_path: Path
) -> None:
    import json

    ep = write_ep(tmp_path / "occupation.xlsx", ROWS)
    out = tmp_path / "catalog.json"
    result = run("import-bls", str(ep), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    roles = {role["id"]: role for role in json.loads(out.read_text())["roles"]}
    assert set(roles) == {"alpha-aides", "beta-helpers", "gamma-doctors"}  # no groups
    [projection] = roles["alpha-aides"]["outlook"]
    assert (projection["jobs_start"], projection["jobs_end"], projection["percent"]) == (
        200_000,
        225_100,
        12.6,
    )
    assert projection["period"] == "2024-2034"
    [wage] = roles["gamma-doctors"]["salary"]
    assert (wage["amount"], wage["bound"], wage["as_of"]) == (239200, "at-least", "May 2024")
    assert run("validate", str(out)).exit_code == 0


@pytest.mark.parametrize(
    ("name", "role_id"),
    [
        ("scrub tech", "surgical-technologist"),
        ("EKG tech", "cardiovascular-technologist"),
        ("respiratory therapist", "respiratory-therapists"),
        ("29-1126", "respiratory-therapists"),
        ("29-1126.00", "respiratory-therapists"),
        ("medical coder", "medical-records-specialist"),
        ("Paramedics", "emt-or-paramedic"),
    ],
)
def test_any_occupation_is_named_by_code_title_or_a_name_people_use(
    index: CatalogIndex, name: str, role_id: str
) -> None:
    assert index.resolve_role(name).id == role_id


def test_a_name_of_several_occupations_lists_them_and_exits_2(run: Any) -> None:
    result = run("table", "technician")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("careercompare: error: 'technician' is a name of 2 occupations")
    assert "17-3023 (Electrical and electronic engineering technologists" in result.stderr
    assert "name one by its code" in result.stderr and len(result.stderr.splitlines()) == 1
    unknown = run("show", "astronaut pilot")
    assert unknown.exit_code == 2 and len(unknown.stderr.splitlines()) == 1


@pytest.mark.shipped
def test_a_search_lists_every_occupation_it_matches_healthcare_first(run: Any) -> None:
    listed = json.loads(run("roles", "technician", "--json").stdout)["roles"]
    codes = [r["bls_occupation"]["soc_code"] for r in listed]
    with closing(sqlite3.connect(ROOT / "data" / "occupations.sqlite")) as db:
        matching = {
            code
            for (code,) in db.execute(
                "SELECT DISTINCT t.soc FROM titles t JOIN projections p ON p.code = t.soc "
                "AND p.line_item = 1 WHERE (' ' || t.key || ' ') LIKE '% technician %'"
            )
        }
    roles = load_catalog(bundled_catalog_path()).roles
    covered = {code for role in roles for code in oews_codes(role)}  # listed as the role
    assert matching - covered <= set(codes)  # none left out (a limit cut the list at 47-)
    assert "49-3023" in codes  # automotive service technicians and mechanics
    catalog = {role.id for role in roles}
    occupations = [r["bls_occupation"]["soc_code"] for r in listed if r["id"] not in catalog]
    health = [code.startswith(("29-", "31-")) for code in occupations]
    assert health == sorted(health, reverse=True) and health[0] and not health[-1]


@pytest.mark.shipped
def test_a_name_of_many_occupations_counts_them_and_lists_healthcare_first(
    index: CatalogIndex,
) -> None:
    with pytest.raises(UsageError) as raised:
        index.resolve_role("assistant")
    message = raised.value.message
    count = re.search(r"matches (\d+) roles: ", message)
    more = re.search(r" and (\d+) more; name one", message)
    assert count is not None and more is not None
    listed = re.findall(r"(?:^|, |: )([a-z0-9-]+|\d{2}-\d{4}) \(", message)
    assert len(listed) + int(more.group(1)) == int(count.group(1))
    codes = [name for name in listed if re.fullmatch(r"\d{2}-\d{4}", name)]
    assert listed[: len(listed) - len(codes)] == [
        "medical-assistant", "medical-office-assistant", "nursing-assistant", "dental-assistant"
    ]  # fmt: skip
    assert codes and all(code.startswith(("29-", "31-")) for code in codes)


def test_each_occupation_a_name_lists_stands_beside_its_own_title(index: CatalogIndex) -> None:
    assert index.tables is not None
    with pytest.raises(UsageError) as raised:
        index.resolve_role("lab tech")  # a catalog role among them: it is listed first
    listed = re.findall(r"(\d{2}-\d{4}) \(([^()]+(?:\([^()]*\))?[^()]*)\)", raised.value.message)
    assert listed[0][0] == "29-2031" and len(listed) == 8
    for code, title in listed:
        assert index.resolve_role(code).name == title


def test_every_role_listed_is_found_by_its_name_and_its_id(index: CatalogIndex) -> None:
    from careercompare.views.roles import build_roles

    listed = build_roles(index, [], every=True).roles
    assert len(listed) > 800  # the catalog's roles and every occupation BLS projects
    for role in listed:
        assert index.resolve_role(role.name).id == role.id
        assert index.resolve_role(role.id).id == role.id


def test_a_role_of_several_occupations_has_local_wages_for_each(run: Any) -> None:
    out = run("wages", "emt", "--area", "tampa", "--format", "plain").stdout
    assert "Emergency Medical Technicians (29-2042) | $43,540 |" in out
    assert "Paramedics (29-2043) | $58,560 |" in out
    assert "publishes no" not in out


@pytest.mark.parametrize("view", ["table", "salary", "outlook", "show", "paths", "wages"])
def test_every_view_shows_an_occupation_outside_the_catalog(run: Any, view: str) -> None:
    result = run(view, "respiratory therapist", "--format", "plain")
    assert result.exit_code == 0, result.stderr
    assert "Respiratory therapists" in result.stdout or "Respiratory Therapists" in result.stdout


def test_an_occupation_is_read_once_a_run_however_many_roles_ask(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from careercompare.occupations.datasets import bundled_occupations

    db = OccupationDatabase(bundled_occupations().path, bundled=True)
    queries: list[str] = []
    query = db._query

    def counted(sql: str, parameters: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        queries.append(sql)
        return query(sql, parameters)

    monkeypatch.setattr(db, "_query", counted)
    first = db.projection("31-9092")
    assert first is not None and first.title == "Medical assistants"
    assert db.projection("31-9092") is first
    assert db.projection("99-9999") is None and db.projection("99-9999") is None
    assert len(queries) == 2
    tables = OccupationRoles(db)
    roles = [
        CatalogIndex(load_catalog(bundled_catalog_path()), tables).resolve_role(name)
        for name in ("ma", "ma", "physician")
    ]
    read = len(queries)
    assert [tables.entry_education_of(role) for role in roles[:2]] == [
        tables.entry_education_of(roles[0])
    ] * 2
    assert tables.entry_education_of(roles[2]) == tables.entry_education_of(roles[2])
    assert len(queries) - read <= 1  # the group's members, once


@pytest.mark.shipped
@pytest.mark.parametrize(
    ("name", "cell"),
    [
        (
            "43-1011",
            "High school diploma or equivalent; work experience in a related occupation: "
            "Less than 5 years",
        ),
        ("pharmacy aides", "High school diploma or equivalent; Short-term on-the-job training"),
        ("respiratory therapist", "Associate's degree"),
    ],
)
def test_the_education_cell_of_an_occupation_gives_its_experience_and_training_too(
    run: Any, name: str, cell: str
) -> None:
    data = json.loads(run("table", name, "--json").stdout)
    [row] = [r for r in data["rows"] if r["category"] == "education-required"]
    assert row["cells"][0]["text"] == cell
    assert row["cells"][0]["source"] == "bls-ep-2024-34"


@needs_shared
def test_a_projection_prints_its_percent_with_the_decimal_the_table_prints(run: Any) -> None:
    from careercompare.occupations.roles import EP_PERCENT_DECIMALS

    book = load_workbook(EP_FILE, read_only=True)
    rows = book["Table 1.2"].iter_rows()
    named = "employment change, percent"
    header = next(r for r in rows if any(str(c.value).lower().startswith(named) for c in r))
    column = next(i for i, c in enumerate(header) if str(c.value).lower().startswith(named))
    hygienists = next(r for r in rows if r[1].value == "29-1292")
    assert hygienists[column].value == 7  # a whole number, which BLS prints as 7.0
    assert hygienists[column].number_format.endswith("0." + "0" * EP_PERCENT_DECIMALS)
    book.close()
    plain = run("outlook", "dental hygienist", "-f", "plain").stdout
    assert "| +7.0% (2024-2034) |" in plain
    assert "| +12.5% (2024-2034)" in run("outlook", "ma", "-f", "plain").stdout
