"""The entry-level roles beside medical assisting, their generated OEWS pay, and the
catalog rules `match` scores by, as the README shows them."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from careercompare.catalog.index import CatalogIndex
from careercompare.catalog.loader import bundled_catalog_path, load_catalog
from careercompare.catalog.models import Catalog, OutlookFigure
from careercompare.importers.catalog_wages import catalog_text, main, with_national_figures
from careercompare.views.formatting import jobs_text
from careercompare.wages.datasets import bundled_wages

ROOT = Path(__file__).resolve().parent.parent

# role id: (SOC code, the handbook edition its projection comes from, or None)
ADDED = {
    "nursing-assistant": ("31-1131", "2016-2026"),
    "home-health-and-personal-care-aide": ("31-1120", "2010-2020"),
    "phlebotomist": ("31-9097", "2023-2033"),
    "cardiovascular-technologist": ("29-2031", None),
    "pharmacy-technician": ("29-2052", "2023-2033"),
    "dental-assistant": ("31-9091", "2022-2032"),
    "emt-or-paramedic": ("29-2040", "2022-2032"),
    "surgical-technologist": ("29-2055", "2010-2020"),
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(bundled_catalog_path())


def test_every_added_role_is_filed_under_its_bls_code(catalog: Catalog) -> None:
    roles = {role.id: role for role in catalog.roles}
    for role_id, (code, _) in ADDED.items():
        occupation = roles[role_id].bls_occupation
        assert occupation is not None and occupation.soc_code == code, role_id


def test_added_roles_head_their_pay_with_the_newest_oews_median(catalog: Catalog) -> None:
    index = CatalogIndex(catalog)
    for role_id in ADDED:
        median = index.headline_median(index.roles_by_id[role_id])
        assert median is not None, role_id
        assert (median.source, median.as_of) == ("bls-oews-may2025", "May 2025"), role_id


def test_added_projections_keep_the_period_of_the_edition_read(catalog: Catalog) -> None:
    index = CatalogIndex(catalog)
    for role_id, (_, period) in ADDED.items():
        projection = index.headline_outlook(index.roles_by_id[role_id])
        if period is None:
            assert projection is None, role_id
            continue
        assert projection is not None and projection.period == period, role_id
        note = index.sources_by_id[projection.source].note or ""
        start, end = period.split("-")
        assert f"{start}-{end[2:]}" in note or f"{start} to {end}" in note, role_id


def test_every_text_row_of_an_added_role_is_cited_or_says_not_in_sources(
    catalog: Catalog,
) -> None:
    index = CatalogIndex(catalog)
    text_rows = [c.id for c in catalog.comparison_categories if c.kind == "text"]
    for role_id in ADDED:
        cells = index.roles_by_id[role_id].comparison
        assert len(cells) >= 3, role_id
        for key, cell in cells.items():
            assert key in text_rows
            assert cell.source in index.sources_by_id


def test_the_catalogs_oews_figures_are_what_the_wage_database_gives() -> None:
    text = bundled_catalog_path().read_text(encoding="utf-8")
    assert catalog_text(with_national_figures(json.loads(text), bundled_wages())) == text, (
        "run: python -m careercompare.importers.catalog_wages data/roles.json"
    )


def test_a_changed_oews_figure_in_the_catalog_is_caught(catalog_data: dict[str, Any]) -> None:
    ma = catalog_data["roles"][0]
    [median] = [f for f in ma["salary"] if f["id"] == "oews-may2025-median"]
    median["amount"] += 10
    fresh = with_national_figures(json.loads(json.dumps(catalog_data)), bundled_wages())
    [regenerated] = [f for f in fresh["roles"][0]["salary"] if f["id"] == "oews-may2025-median"]
    assert regenerated["amount"] == median["amount"] - 10


def test_the_generator_rewrites_only_the_file_it_is_given(tmp_path: Path) -> None:
    path = tmp_path / "roles.json"
    data = json.loads(bundled_catalog_path().read_text(encoding="utf-8"))
    for role in data["roles"]:
        role["salary"] = [f for f in role.get("salary", []) if f["source"] != "bls-oews-may2025"]
    path.write_text(json.dumps(data))
    assert main([str(path)]) == 0
    assert path.read_text(encoding="utf-8") == bundled_catalog_path().read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["roles.json"]
    assert main([]) == 2


def test_multi_code_roles_get_no_catalog_oews_figures(catalog: Catalog) -> None:
    roles = {role.id: role for role in catalog.roles}
    for role_id in ("nurse-anesthetists-midwives-and-practitioners", "physicians-and-surgeons"):
        assert all(f.source != "bls-oews-may2025" for f in roles[role_id].salary)


def test_salary_does_not_repeat_the_national_oews_rows(run: Any) -> None:
    data = json.loads(run("salary", "phlebotomist", "--json").stdout)
    [role] = data["roles"]
    assert all(entry["source"] != "bls-oews-may2025" for entry in role["salary"])
    assert data["local_wages"][0]["estimates"][0]["area"]["code"] == "99"


def test_a_pay_difference_compares_figures_of_one_period(run: Any) -> None:
    data = json.loads(run("paths", "ma", "--json").stdout)
    np = next(
        s for s in data["steps"] if s["role"] == "nurse-anesthetists-midwives-and-practitioners"
    )
    assert np["median_pay"]["as_of"] == "May 2024"
    assert np["pay_difference"]["amount"] == 132050 - 44200


def test_jobs_with_no_end_figure_read_as_a_whole_sentence() -> None:
    figure = OutlookFigure.model_validate(
        {
            "id": "x",
            "percent": 70,
            "start_year": 2010,
            "end_year": 2020,
            "jobs_start": 1878700,
            "source": "s",
        }
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
    mixed = " ".join(run("table", "ma", "cna", "np", "--format", "plain").stdout.split())
    assert (
        "Job outlook (BLS): figures of different periods side by side (2024-2034, 2016-2026)"
        in mixed
    )
    assert "Median pay (BLS): figures of different periods side by side (May 2025, May 2024)" in (
        mixed
    )
    assert "different periods" not in run("table", "--format", "plain").stdout
