"""The bundled catalog says what the seed and the reference sources say, figure by figure."""

from __future__ import annotations

import re

import pytest

from careercompare.catalog.index import CatalogIndex
from careercompare.catalog.loader import bundled_catalog_path, load_catalog
from careercompare.catalog.models import Catalog, Role, SalaryFigure
from careercompare.catalog.validation import adapter
from tests.conftest import bundled_index

# The shipped catalog's content, pinned: a change to a cell is checked here alone.
pytestmark = pytest.mark.shipped

SEED = "fhca-article"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(bundled_catalog_path())


def role(catalog: Catalog, role_id: str) -> Role:
    return next(r for r in catalog.roles if r.id == role_id)


def salary(catalog: Catalog, role_id: str, figure_id: str) -> dict[str, object]:
    figure = next(f for f in role(catalog, role_id).salary if f.id == figure_id)
    return adapter(SalaryFigure).dump_python(figure, exclude_defaults=True)


@pytest.fixture(scope="module")
def shown() -> CatalogIndex:
    """The catalog's roles as the views show them: with the official tables' figures."""
    return bundled_index()


def table_salary(index: CatalogIndex, role_id: str, figure_id: str) -> dict[str, object]:
    figure = next(f for f in index.resolve_role(role_id).salary if f.id == figure_id)
    return adapter(SalaryFigure).dump_python(figure, exclude_defaults=True)


def test_the_seed_article_is_a_source_without_an_invented_address(catalog: Catalog) -> None:
    seed = next(s for s in catalog.sources if s.id == SEED)
    assert seed.publisher == "Florida Healthcare Academy (FHCA)"
    assert (seed.date, seed.date_meaning) == ("2026-01-28", "published")
    assert seed.url is None


def test_figures_the_seed_attributes_to_others_are_reported_by_the_seed(catalog: Catalog) -> None:
    reported = {s.id: s.reported_by for s in catalog.sources if s.reported_by}
    assert reported == {
        "indeed-via-fhca": SEED,
        "bls-via-fhca": SEED,
        "florida-statute-458-3485-via-fhca": SEED,
        "bls-via-pathways-to-jobs": "pathways-to-jobs-cardiovascular",
        "bls-ooh-emts-2016-17-via-all-things-political": (
            "all-things-political-emt-working-conditions"
        ),
        "bls-via-career-cornerstone-cardiovascular": "career-cornerstone-cardiovascular",
        "bls-via-learn-org-nursing-home-administrators": (
            "learn-org-nursing-home-administrator-license"
        ),
    }
    for source in catalog.sources:  # what a page quotes from BLS is labelled secondhand
        if source.reported_by and source.reported_by != SEED:
            assert "Secondhand" in (source.note or ""), source.id


def test_default_pair_is_the_two_seed_roles(catalog: Catalog) -> None:
    assert list(catalog.default_roles) == ["medical-assistant", "medical-office-assistant"]


def test_comparison_rows_are_the_seed_seven_then_sourced_figures(catalog: Catalog) -> None:
    assert [c.label for c in catalog.comparison_categories] == [
        "Primary focus",
        "Patient care",
        "Clinical duties",
        "Education required",
        "Certification",
        "Work settings",
        "Career growth",
        "Median pay (BLS)",
        "Typical entry education (BLS)",
        "Job outlook (BLS)",
    ]


@pytest.mark.parametrize(
    ("role_id", "expected"),
    [
        (
            "medical-assistant",
            [
                "Clinical + administrative",
                "Yes",
                "Yes",
                "Formal MA program",
                "Preferred or required",
                "Clinics, hospitals, specialty practices",
                "Higher",
            ],
        ),
        (
            "medical-office-assistant",
            [
                "Administrative only",
                "Limited or none",
                "No",
                "Certificate or on-the-job",
                "Optional",
                "Medical offices, clinics",
                "Limited",
            ],
        ),
    ],
)
def test_quick_comparison_cells_match_the_seed_table(
    catalog: Catalog, role_id: str, expected: list[str]
) -> None:
    cells = role(catalog, role_id).comparison
    assert [cells[c.id].text for c in catalog.comparison_categories[:7]] == expected
    assert {cell.source for cell in cells.values()} == {SEED}


def test_indeed_averages_are_kept_as_ranges_from_the_seed(catalog: Catalog) -> None:
    assert salary(catalog, "medical-assistant", "ma-indeed-average") == {
        "id": "ma-indeed-average",
        "kind": "average",
        "low": 42000,
        "high": 44000,
        "approximate": True,
        "source": "indeed-via-fhca",
    }
    assert salary(catalog, "medical-office-assistant", "moa-indeed-average") == {
        "id": "moa-indeed-average",
        "kind": "average",
        "low": 35000,
        "high": 38000,
        "source": "indeed-via-fhca",
    }


def test_bls_pay_figures_for_medical_assistants(shown: CatalogIndex) -> None:
    median = table_salary(shown, "medical-assistant", "oews-may2025-median")
    assert (median["amount"], median["hourly"], median["as_of"]) == (45690, 21.97, "May 2025")
    assert table_salary(shown, "medical-assistant", "oews-may2025-p10")["amount"] == 36050
    assert table_salary(shown, "medical-assistant", "oews-may2025-p90")["amount"] == 59310
    projections = table_salary(shown, "medical-assistant", "bls-ep-2024-34-median")
    assert (projections["amount"], projections["as_of"]) == (44200, "May 2024")
    assert "hourly" not in projections
    outpatient = table_salary(shown, "medical-assistant", "ma-bls-median-outpatient-2024")
    assert (outpatient["amount"], outpatient["scope"]) == (47560, "outpatient care centers only")


def test_medical_secretaries_figures_have_no_derived_hourly_or_percentiles(
    catalog: Catalog, shown: CatalogIndex
) -> None:
    median = table_salary(shown, "medical-office-assistant", "bls-ep-2024-34-median")
    assert median["amount"] == 44640
    assert "hourly" not in median
    moa = role(catalog, "medical-office-assistant")
    group = {f.kind: f.amount for f in moa.salary if f.scope and "43-6000" in f.scope}
    assert group == {"median": 47460, "percentile-10": 33840, "percentile-90": 76550}


def test_every_outlook_figure_keeps_its_own_period_and_source(shown: CatalogIndex) -> None:
    ma = {f.id: (f.percent, f.period, f.source) for f in shown.resolve_role("ma").outlook}
    assert ma == {
        "bls-ep-2024-34": (12.5, "2024-2034", "bls-ep-2024-34"),
        "ma-fhca-bls-through-2034": (12.5, "through 2034", "bls-via-fhca"),
        "ma-fhca-bls-through-2032": (14, "through 2032", "bls-via-fhca"),
        "ma-fhca-about-15": (15, None, SEED),
    }
    moa = {f.id: (f.percent, f.period, f.source) for f in shown.resolve_role("moa").outlook}
    assert moa == {
        "bls-ep-2024-34": (4.2, "2024-2034", "bls-ep-2024-34"),
        "moa-fhca-bls-through-2034": (4.2, "through 2034", "bls-via-fhca"),
    }


def test_bls_projection_for_medical_assistants_has_jobs_change_and_openings(
    shown: CatalogIndex,
) -> None:
    """The check row of the shared README for 31-9092, in jobs rather than thousands."""
    figure = next(f for f in shown.resolve_role("ma").outlook if f.id == "bls-ep-2024-34")
    assert (figure.jobs_start, figure.jobs_end, figure.change) == (811000, 912200, 101200)
    assert figure.openings_per_year == 112300
    entry = [(r.kind, r.text) for r in shown.resolve_role("ma").requirements]
    assert entry == [
        ("entry-education", "Postsecondary nondegree award"),
        ("work-experience", "None"),
        ("on-the-job-training", "None"),
    ]


def test_medical_secretaries_projection_is_the_detailed_occupations(shown: CatalogIndex) -> None:
    moa = shown.resolve_role("moa")
    figure = next(f for f in moa.outlook if f.id == "bls-ep-2024-34")
    assert (figure.jobs_start, figure.jobs_end, figure.percent) == (850000, 885300, 4.2)
    assert figure.openings_per_year == 85900
    assert next((r.text, r.scope) for r in moa.requirements) == (
        "High school diploma or equivalent",
        None,
    )


def test_certifications_follow_the_seed_and_reference(catalog: Catalog) -> None:
    ma = {c.code: (c.issuer, c.status) for c in role(catalog, "medical-assistant").certifications}
    assert set(ma) == {"CMA (AAMA)", "CCMA", "RMA"}
    assert ma["CCMA"] == ("National Healthcareer Association (NHA)", "preferred")
    moa = role(catalog, "medical-office-assistant").certifications
    assert [(c.code, c.status) for c in moa] == [("CMAA", "optional")]


def test_florida_notes_and_program_length(catalog: Catalog) -> None:
    ma = role(catalog, "medical-assistant")
    assert ma.program_length is not None
    assert (ma.program_length.low, ma.program_length.high, ma.program_length.unit) == (
        12,
        24,
        "weeks",
    )
    florida = [p for p in ma.education if p.topic == "florida"]
    assert any("458.3485" in p.text for p in florida)
    assert any(p.source == "florida-statute-458-3485-via-fhca" for p in florida)


def test_medical_office_assistant_maps_loosely_to_43_6013_with_the_onet_note(
    catalog: Catalog,
) -> None:
    occupation = role(catalog, "medical-office-assistant").bls_occupation
    assert occupation is not None
    assert (occupation.soc_code, occupation.match) == ("43-6013", "closest")
    assert occupation.note is not None and occupation.note.source == "onet-31-9092"


def test_faq_has_the_seed_four_and_the_hard_question(catalog: Catalog) -> None:
    assert [entry.question for entry in catalog.faq] == [
        "Is a medical assistant the same as a medical office assistant?",
        "Do medical office assistants provide patient care?",
        "Which role pays more?",
        "Which career has better job growth?",
        "Is it hard to become a medical assistant?",
    ]


def test_pay_answer_points_at_indeed_averages_and_bls_medians(catalog: Catalog) -> None:
    pay = next(entry for entry in catalog.faq if entry.id == "pay")
    assert {(ref.figure, ref.relation) for ref in pay.figures} == {
        ("ma-indeed-average", "supports"),
        ("moa-indeed-average", "supports"),
        ("oews-may2025-median", "qualifies"),
    }


def test_a_faq_note_comparing_the_figures_names_their_own_period(shown: CatalogIndex) -> None:
    for entry in shown.catalog.faq:
        periods = set()
        for ref in entry.figures:
            role_ = shown.resolve_role(ref.role)
            for figure in (*role_.salary, *role_.outlook):
                if figure.id == ref.figure and getattr(figure, "as_of", None):
                    periods.add(figure.as_of)
        for note in entry.notes:
            if note.source == "careercompare-summary":
                named = set(re.findall(r"May \d{4}", note.text))
                assert named <= periods, (entry.id, note.text, periods)


def test_career_paths_link_to_catalog_roles_or_say_they_are_outside(catalog: Catalog) -> None:
    moa_paths = {p.label: p.role for p in role(catalog, "medical-office-assistant").career_paths}
    assert moa_paths["Office manager"] == "medical-and-health-services-manager"
    assert moa_paths["Medical billing specialist"] == "medical-records-specialist"
    # outside the catalog, an occupation of the tables, by the id 'roles --all' gives it
    assert (
        moa_paths["Administrative supervisor"]
        == "first-line-supervisors-of-office-and-administrative-support-workers"
    )
    ma_paths = [(p.label, p.role) for p in role(catalog, "medical-assistant").career_paths]
    assert ("Nursing", "registered-nurse") in ma_paths
    assert ("Medical doctor", "physicians-and-surgeons") in ma_paths


def test_a_step_naming_an_occupation_of_the_tables_names_one_that_exists(
    shown: CatalogIndex,
) -> None:
    named = [
        path.role
        for each in shown.catalog.roles
        for path in each.career_paths
        if path.outside_catalog and path.role
    ]
    assert named and all(shown.role_by_id(role_id) is not None for role_id in named)


@pytest.mark.parametrize(
    ("role_id", "code"),
    [
        ("licensed-practical-nurse", "29-2061"),
        ("registered-nurse", "29-1141"),
        ("medical-and-health-services-manager", "11-9111"),
        ("medical-records-specialist", "29-2072"),
    ],
)
def test_career_path_roles_carry_exactly_the_tables_figures(
    shown: CatalogIndex, role_id: str, code: str
) -> None:
    from careercompare.occupations.datasets import bundled_occupations

    row = bundled_occupations().projection(code)
    assert row is not None
    found = shown.resolve_role(role_id)
    [projection] = found.outlook
    assert (projection.jobs_start, projection.percent, projection.change) == (
        row.jobs_start,
        row.percent,
        row.change,
    )
    assert projection.period == "2024-2034"
    assert found.requirements[0].text == row.education
    [pay] = [f for f in found.salary if f.source == "bls-ep-2024-34"]
    assert (pay.amount, pay.as_of) == (row.median_wage, "May 2024")


def test_physicians_pay_is_exact_where_may_2025_gives_a_median(shown: CatalogIndex) -> None:
    physicians = shown.resolve_role("physicians-and-surgeons")
    newest = {f.occupation: (f.amount, f.bound) for f in shown.detailed_medians(physicians)}
    assert newest == {"29-1210": (271090, "exact"), "29-1240": (369540, "exact")}
    older = [f for f in physicians.salary if f.as_of == "May 2024"]
    assert {f.bound for f in older} == {"at-least"}


def test_no_identifier_speaks_of_how_the_project_was_made() -> None:
    text = bundled_catalog_path().read_text(encoding="utf-8")
    assert "seed" not in text.casefold()


def test_a_handbook_edition_older_than_the_projections_backs_text_only(catalog: Catalog) -> None:
    import re

    edition = r"Job Outlook, (20\d\d)-|projections are for (20\d\d) to|the period (20\d\d) to"
    older = {
        s.id
        for s in catalog.sources
        if (m := re.search(edition, s.note or ""))
        and int(m.group(1) or m.group(2) or m.group(3)) < 2024
    }
    assert len(older) == 15
    drivers = {
        d.source: d for role in catalog.roles for d in role.growth_drivers if d.source in older
    }
    assert set(drivers) == {"bls-ooh-nursing-assistants", "bls-via-pathways-to-jobs"}
    for source in catalog.sources:
        if source.id in older and source.id not in drivers:
            assert "Cited for descriptive text only" in (source.note or ""), source.id
        elif source.id in drivers:  # a reason for growth, shown with the period it was for
            assert "shown with that period" in (source.note or ""), source.id
            period = drivers[source.id].period
            assert period is not None and period[:4] in (source.note or ""), source.id
    for role in catalog.roles:
        figures = [*role.salary, *role.outlook, *role.requirements]
        assert not [f.id for f in figures if getattr(f, "source", "") in older], role.id
    # a handbook page of an older edition says so where it is listed, not only in its note
    for source in catalog.sources:
        if source.id in older and source.id.startswith("bls-ooh-"):
            assert source.title.endswith(("(earlier edition)", "(archived copy)")), source.id


def test_curated_roles_show_only_2024_34_projections_besides_the_articles_own(
    shown: CatalogIndex,
) -> None:
    for role in shown.catalog.roles:
        for figure in shown.resolve_role(role.id).outlook:
            if figure.source == "bls-ep-2024-34":
                assert figure.period == "2024-2034", role.id
            else:  # what the FHCA article says, reported as its own
                reporter = shown.sources_by_id[figure.source].reported_by
                assert SEED in (figure.source, reporter), (role.id, figure.id)


def test_cells_citing_onet_descriptions_use_only_the_descriptions_words(
    shown: CatalogIndex,
) -> None:
    import re

    from careercompare.occupations.datasets import bundled_occupations

    db = bundled_occupations()
    cited = 0
    for role in shown.catalog.roles:
        for category, cell in role.comparison.items():
            if cell.source != "onet-29-3-occupation-data":
                continue
            assert role.bls_occupation is not None, role.id
            profile = db.profile(role.bls_occupation.soc_code)
            assert profile is not None, role.id
            described = set(re.findall(r"[a-z]+", profile.description.lower()))
            written = set(re.findall(r"[a-z]+", cell.text.lower()))
            # Words of five letters or more carry the meaning: each is O*NET's own.
            assert {w for w in written - described if len(w) >= 5} == set(), (
                role.id,
                category,
                written - described,
            )
            cited += 1
    assert cited == 4


def test_the_table_of_every_curated_role_has_a_source_for_every_cell(
    shown: CatalogIndex,
) -> None:
    from careercompare.results.inline import Gap
    from careercompare.views.table import build_table

    roles = [shown.complete(role) for role in shown.catalog.roles]
    result = build_table(shown, roles)
    gaps = {
        (row.category, cell.role)
        for row in result.rows
        for cell in row.cells
        if isinstance(cell.text, Gap) or cell.source is None
    }
    assert gaps == set()
