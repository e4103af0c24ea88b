"""The entry-level roles beside medical assisting, their pay and projections from the
official tables, and the catalog rules `match` scores by, as the README shows them."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from careercompare.catalog.index import CatalogIndex
from careercompare.catalog.loader import bundled_catalog_path, load_catalog
from careercompare.catalog.models import Catalog, OutlookFigure
from careercompare.catalog.validation import validate
from careercompare.views.formatting import jobs_text

ROOT = Path(__file__).resolve().parent.parent

# role id: (SOC code, the projection's period)
ADDED = {
    "nursing-assistant": ("31-1131", "2024-2034"),
    "home-health-and-personal-care-aide": ("31-1120", "2024-2034"),
    "phlebotomist": ("31-9097", "2024-2034"),
    "cardiovascular-technologist": ("29-2031", "2024-2034"),
    "pharmacy-technician": ("29-2052", "2024-2034"),
    "dental-assistant": ("31-9091", "2024-2034"),
    "emt-or-paramedic": ("29-2040", "2024-2034"),
    "surgical-technologist": ("29-2055", "2024-2034"),
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(bundled_catalog_path())


def test_every_added_role_is_filed_under_its_bls_code(catalog: Catalog) -> None:
    roles = {role.id: role for role in catalog.roles}
    for role_id, (code, _) in ADDED.items():
        occupation = roles[role_id].bls_occupation
        assert occupation is not None and occupation.soc_code == code, role_id


def test_added_roles_head_their_pay_with_the_newest_oews_median(index: CatalogIndex) -> None:
    for role_id in ADDED:
        median = index.headline_median(index.resolve_role(role_id))
        assert median is not None, role_id
        assert (median.source, median.as_of) == ("bls-oews-may2025", "May 2025"), role_id


def test_added_projections_are_the_current_employment_projections(index: CatalogIndex) -> None:
    for role_id, (_, period) in ADDED.items():
        projection = index.headline_outlook(index.resolve_role(role_id))
        assert projection is not None and projection.period == period, role_id
        assert projection.source == "bls-ep-2024-34", role_id


def test_every_text_row_of_an_added_role_is_cited_or_says_not_in_sources(
    catalog: Catalog, index: CatalogIndex
) -> None:
    text_rows = [c.id for c in catalog.comparison_categories if c.kind == "text"]
    for role_id in ADDED:
        cells = index.resolve_role(role_id).comparison
        assert len(cells) >= 3, role_id
        for key, cell in cells.items():
            assert key in text_rows
            assert cell.source in index.sources_by_id


def test_the_catalog_holds_no_figure_of_the_official_tables(catalog: Catalog) -> None:
    for role in catalog.roles:
        assert all(f.source != "bls-oews-may2025" for f in role.salary), role.id
        assert all(not f.source.startswith("bls-ooh-") for f in role.outlook), role.id
        assert all(not r.source.startswith("bls-ooh-") for r in role.requirements), role.id


def test_multi_code_roles_show_each_detailed_occupations_figures(index: CatalogIndex) -> None:
    nurses = index.resolve_role("nurse-anesthetists-midwives-and-practitioners")
    medians = {f.occupation for f in nurses.salary if f.kind == "median" and f.as_of == "May 2025"}
    assert medians == {"29-1151", "29-1161", "29-1171"}
    projected = {f.occupation for f in nurses.outlook}
    assert projected == {"29-1151", "29-1161", "29-1171"}


def test_salary_does_not_repeat_the_national_oews_rows(run: Any) -> None:
    data = json.loads(run("salary", "phlebotomist", "--json").stdout)
    [role] = data["roles"]
    assert all(entry["source"] != "bls-oews-may2025" for entry in role["salary"])
    assert data["local_wages"][0]["estimates"][0]["area"]["code"] == "99"


def test_a_pay_difference_compares_figures_of_one_period(run: Any) -> None:
    data = json.loads(run("paths", "ma", "--json").stdout)
    rn = next(s for s in data["steps"] if s["role"] and s["role"]["id"] == "registered-nurse")
    assert rn["median_pay"]["as_of"] == "May 2025"
    ma = data["start"]["median_pay"]
    assert ma["as_of"] == "May 2025"
    assert rn["pay_difference"]["amount"] == rn["median_pay"]["amount"] - ma["amount"]


def test_jobs_with_no_end_figure_read_as_a_whole_sentence() -> None:
    figure = validate(
        OutlookFigure,
        {
            "id": "x",
            "percent": 70,
            "start_year": 2010,
            "end_year": 2020,
            "jobs_start": 1878700,
            "source": "s",
        },
    )
    assert jobs_text(figure) == "1,878,700 in 2010; no 2020 figure given"


def test_no_profile_sentence_has_a_hole(run: Any, catalog: Catalog) -> None:
    for role in catalog.roles:
        out = run("show", role.id, "--format", "plain").stdout
        assert " to not in sources" not in out, role.id
        if not role.duties:
            assert "\nClinical:\n" not in out, role.id


def test_the_readme_shows_the_catalogs_scoring_rules(catalog: Catalog) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    labels = {c.id: c.label for c in catalog.comparison_categories}
    rows = [
        f"| `{q.key}` | `{o.value}` | {r.points:+d} | {labels[r.category]}: "
        + " or ".join(f"`{v}`" for v in r.values)
        + " |"
        for q in catalog.questions
        for o in q.options
        for r in o.rules
    ]
    shown = [
        line
        for line in readme.splitlines()
        if re.match(r"\| `[a-z-]+` \| `[a-z-]+` \| [+-]\d+ \|", line)
    ]
    assert shown == rows


def test_the_table_says_where_figures_of_different_periods_sit_side_by_side(run: Any) -> None:
    mini = str(ROOT / "tests" / "data" / "mini-catalog.json")
    mixed = " ".join(run("--data", mini, "table", "alpha", "gamma", "-f", "plain").stdout.split())
    assert "Median pay: figures of different periods side by side (May 2025, May 2024)" in mixed
    every = run("table", *ADDED, "ma", "moa", "-f", "plain").stdout
    assert "different periods" not in every


CURATED = (
    "medical-assistant",
    "medical-office-assistant",
    "licensed-practical-nurse",
    "registered-nurse",
    "nurse-anesthetists-midwives-and-practitioners",
    "physicians-and-surgeons",
    "medical-and-health-services-manager",
    "medical-records-specialist",
    *ADDED,
)


def test_every_curated_role_has_current_figures_and_gaps_name_the_tables_read(run: Any) -> None:
    out = run("table", *CURATED, "--format", "plain").stdout
    rows = [line for line in out.splitlines() if line.count(" | ") == 2]
    figures = [r for r in rows if r.split(" | ")[0].endswith("(BLS)")]
    assert len(figures) == 3 * len(CURATED)
    assert not [r for r in figures if "not in sources" in r]
    outlook = [r for r in figures if r.startswith("Job outlook (BLS)")]
    assert all("(2024-2034)" in r for r in outlook)
    assert not [r for r in outlook if re.search(r"\((20[01]\d|202[0-3])-20\d\d\)", r)]
    assert not [r for r in rows if "not in sources" in r]  # every cell has a source
    # where no source speaks (an occupation the catalog does not describe), the gap says
    # which tables were read
    other = run("table", "respiratory therapist", "--format", "plain").stdout
    gaps = [line for line in other.splitlines() if "not in sources" in line]
    read = "not in sources (tables read: BLS Employment Projections 2024-34, O*NET 29.3, "
    assert gaps and all(read in r for r in gaps)


def test_patient_care_read_from_onet_tasks_is_careercompares_own(index: CatalogIndex) -> None:
    pharmacy = index.resolve_role("pharmacy-technician").comparison["patient-care"]
    assert pharmacy.text.startswith("1 of O*NET's ") and "core tasks mentions patients" in (
        pharmacy.text
    )
    assert pharmacy.source == "careercompare-from-tables"
    assert pharmacy.value is None  # no questionnaire points rest on it


def test_career_growth_of_a_role_at_the_top_job_zone_says_none_needs_more(
    index: CatalogIndex,
) -> None:
    for role_id in ("nurse-anesthetists-midwives-and-practitioners", "physicians-and-surgeons"):
        cell = index.resolve_role(role_id).comparison["career-growth"]
        assert cell.text.startswith("O*NET places it in job zone 5"), role_id
        assert cell.source == "careercompare-from-tables"
    emt = index.resolve_role("emt-or-paramedic").comparison["career-growth"]
    assert emt.text.startswith("Leads to ") and "higher job zone" in emt.text


def test_career_growth_parts_steps_with_semicolons_when_a_step_holds_a_comma(
    index: CatalogIndex,
) -> None:
    growth = index.resolve_role("surgical-technologist").comparison["career-growth"].text
    assert "; Orthopedic Surgeons, Except Pediatric; " in growth
    assert ", " not in growth.split(" (O*NET's")[0].replace(", Except", "")
    plain = index.resolve_role("emt").comparison["career-growth"].text
    assert "; " not in plain and ", " in plain.split(" (O*NET's")[0]


def test_career_growth_names_the_steps_the_paths_take(index: CatalogIndex) -> None:
    # every role whose paths come from O*NET: the cell, show and paths agree
    from careercompare.views.paths import build_paths

    onet = next(s.id for s in index.tables.sources() if s.id.startswith("onet-"))
    checked = 0
    for listed in index.catalog.roles:
        role = index.resolve_role(listed.id)
        if listed.career_paths or not role.career_paths:
            continue
        assert {p.source for p in role.career_paths} == {onet}
        named = [p.label for p in role.career_paths]
        labels = ("; " if any("," in label for label in named) else ", ").join(named)
        assert role.comparison["career-growth"].text.startswith(f"Leads to {labels} (O*NET's")
        steps = build_paths(index, role).steps
        assert [label for step in steps for label in step.labels] == [
            p.label for p in role.career_paths
        ]
        checked += 1
    assert checked >= 10


def test_each_path_of_a_role_of_several_occupations_names_the_one_it_is_read_for(
    index: CatalogIndex,
) -> None:
    paths = index.resolve_role("emt-or-paramedic").career_paths
    assert paths and len({p.role for p in paths}) == len(paths)
    for path in paths:
        assert re.match(
            r"O\*NET lists it as related to (Emergency Medical Technicians|Paramedics) "
            r"\(.+\) and places it in job zone \d, above that one's \d; the choice is "
            r"careercompare's$",
            path.note or "",
        ), path.note


def test_career_growth_never_calls_the_catalogs_own_paths_o_nets(index: CatalogIndex) -> None:
    from careercompare.catalog.loader import validate_catalog

    data = json.loads(bundled_catalog_path().read_bytes())
    nurse = next(r for r in data["roles"] if r["id"] == "registered-nurse")
    source = nurse["comparison"]["primary-focus"]["source"]
    nurse["career_paths"] = [{"label": "Charge nurse", "outside_catalog": True, "source": source}]
    catalog = validate_catalog(json.dumps(data).encode(), name="own-paths.json")
    role = CatalogIndex(catalog, index.tables).resolve_role("registered-nurse")
    assert [p.label for p in role.career_paths] == ["Charge nurse"]  # the catalog's, kept
    growth = role.comparison["career-growth"].text
    assert "Charge nurse" not in growth and growth.startswith("Leads to Nurse Practitioners")


def test_tasks_none_of_which_is_marked_core_are_read_and_said_to_be(
    index: CatalogIndex,
) -> None:
    cell = index.resolve_role("medical-records-specialist").comparison["patient-care"]
    assert "of O*NET's 17 tasks" in cell.text and "core" not in cell.text
