"""The bundled catalog says what the seed and the reference sources say, figure by figure."""

from __future__ import annotations

import pytest

from careercompare.catalog.loader import bundled_catalog_path, load_catalog
from careercompare.catalog.models import Catalog, Role

SEED = "fhca-seed"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(bundled_catalog_path())


def role(catalog: Catalog, role_id: str) -> Role:
    return next(r for r in catalog.roles if r.id == role_id)


def salary(catalog: Catalog, role_id: str, figure_id: str) -> dict[str, object]:
    figure = next(f for f in role(catalog, role_id).salary if f.id == figure_id)
    return figure.model_dump(exclude_defaults=True)


def test_the_seed_article_is_a_source_without_an_invented_address(catalog: Catalog) -> None:
    seed = next(s for s in catalog.sources if s.id == SEED)
    assert seed.publisher == "Florida Healthcare Academy (FHCA)"
    assert (seed.date, seed.date_meaning) == ("2026-01-28", "published")
    assert seed.url is None


def test_figures_the_seed_attributes_to_others_are_reported_by_the_seed(catalog: Catalog) -> None:
    reported = {s.id: s.reported_by for s in catalog.sources if s.reported_by}
    assert reported == {
        "indeed-via-seed": SEED,
        "bls-via-seed": SEED,
        "florida-statute-458-3485-via-seed": SEED,
        "bls-via-pathways-to-jobs": "pathways-to-jobs-cardiovascular",
    }


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
        "source": "indeed-via-seed",
    }
    assert salary(catalog, "medical-office-assistant", "moa-indeed-average") == {
        "id": "moa-indeed-average",
        "kind": "average",
        "low": 35000,
        "high": 38000,
        "source": "indeed-via-seed",
    }


def test_bls_pay_figures_for_medical_assistants(catalog: Catalog) -> None:
    median = salary(catalog, "medical-assistant", "ma-bls-median-2024")
    assert (median["amount"], median["hourly"], median["as_of"]) == (44200, 21.25, "May 2024")
    assert salary(catalog, "medical-assistant", "ma-bls-p10-2024")["amount"] == 35020
    assert salary(catalog, "medical-assistant", "ma-bls-p90-2024")["amount"] == 57830
    outpatient = salary(catalog, "medical-assistant", "ma-bls-median-outpatient-2024")
    assert (outpatient["amount"], outpatient["scope"]) == (47560, "outpatient care centers only")


def test_medical_secretaries_figures_have_no_derived_hourly_or_percentiles(
    catalog: Catalog,
) -> None:
    moa = role(catalog, "medical-office-assistant")
    median = salary(catalog, "medical-office-assistant", "moa-bls-median-2024")
    assert median["amount"] == 44640
    assert "hourly" not in median
    whole_occupation = [
        f
        for f in moa.salary
        if f.scope is None and f.kind.startswith("perc") and f.source == "bls-ooh-secretaries"
    ]
    assert whole_occupation == []
    group = {f.kind: f.amount for f in moa.salary if f.scope and "43-6000" in f.scope}
    assert group == {"median": 47460, "percentile-10": 33840, "percentile-90": 76550}


def test_every_outlook_figure_keeps_its_own_period_and_source(catalog: Catalog) -> None:
    ma = {f.id: (f.percent, f.period, f.source) for f in role(catalog, "medical-assistant").outlook}
    assert ma == {
        "ma-bls-2024-34": (12, "2024-2034", "bls-ooh-medical-assistants"),
        "ma-seed-bls-through-2034": (12.5, "through 2034", "bls-via-seed"),
        "ma-seed-bls-through-2032": (14, "through 2032", "bls-via-seed"),
        "ma-seed-about-15": (15, None, SEED),
    }
    moa = {
        f.id: (f.percent, f.period, f.source)
        for f in role(catalog, "medical-office-assistant").outlook
    }
    assert moa == {
        "moa-bls-2024-34": (4, "2024-2034", "bls-ooh-secretaries"),
        "moa-seed-bls-through-2034": (4.2, "through 2034", "bls-via-seed"),
    }


def test_bls_projection_for_medical_assistants_has_jobs_change_and_openings(
    catalog: Catalog,
) -> None:
    figure = next(f for f in role(catalog, "medical-assistant").outlook if f.id == "ma-bls-2024-34")
    assert (figure.jobs_start, figure.jobs_end, figure.change) == (811000, 912200, 101200)
    assert figure.openings_per_year == 112300
    assert figure.descriptor == "much faster than average"


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
    assert any(p.source == "florida-statute-458-3485-via-seed" for p in florida)


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
        ("ma-bls-median-2024", "qualifies"),
        ("moa-bls-median-2024", "qualifies"),
    }


def test_career_paths_link_to_catalog_roles_or_say_they_are_outside(catalog: Catalog) -> None:
    moa_paths = {p.label: p.role for p in role(catalog, "medical-office-assistant").career_paths}
    assert moa_paths["Office manager"] == "medical-and-health-services-manager"
    assert moa_paths["Medical billing specialist"] == "medical-records-specialist"
    assert moa_paths["Administrative supervisor"] is None
    ma_paths = [(p.label, p.role) for p in role(catalog, "medical-assistant").career_paths]
    assert ("Nursing", "registered-nurse") in ma_paths
    assert ("Medical doctor", "physicians-and-surgeons") in ma_paths


@pytest.mark.parametrize(
    ("role_id", "median", "hourly", "entry", "jobs", "percent", "change"),
    [
        (
            "licensed-practical-nurse",
            62340,
            29.97,
            "Postsecondary nondegree award",
            651400,
            3,
            17100,
        ),
        ("registered-nurse", 93600, 45.00, "Bachelor's degree", 3391000, 5, 166100),
        (
            "nurse-anesthetists-midwives-and-practitioners",
            132050,
            63.48,
            "Master's degree",
            382700,
            35,
            134000,
        ),
        (
            "physicians-and-surgeons",
            239200,
            115.00,
            "Doctoral or professional degree",
            839000,
            3,
            24300,
        ),
        (
            "medical-and-health-services-manager",
            117960,
            56.71,
            "Bachelor's degree",
            616200,
            23,
            142900,
        ),
        (
            "medical-records-specialist",
            50250,
            24.16,
            "Postsecondary nondegree award",
            194800,
            7,
            13800,
        ),
    ],
)
def test_career_path_roles_carry_exactly_the_bls_summary_figures(
    catalog: Catalog,
    role_id: str,
    median: float,
    hourly: float,
    entry: str,
    jobs: int,
    percent: float,
    change: int,
) -> None:
    found = role(catalog, role_id)
    [pay] = [f for f in found.salary if f.source != "bls-oews-may2025"]
    [projection] = found.outlook
    assert (pay.amount, pay.hourly, pay.as_of) == (median, hourly, "May 2024")
    assert found.requirements[0].text == entry
    assert (projection.jobs_start, projection.percent, projection.change) == (jobs, percent, change)
    assert projection.period == "2024-2034"
    assert pay.source == projection.source


def test_physicians_wage_is_stored_as_a_lower_bound(catalog: Catalog) -> None:
    [pay] = role(catalog, "physicians-and-surgeons").salary
    assert pay.bound == "at-least"
