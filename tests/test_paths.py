"""`careercompare paths`: where a role leads, read against the reference facts."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from tests.snapshots import assert_snapshot


@pytest.mark.shipped
@pytest.mark.parametrize("role", ["ma", "moa"])
def test_paths_output_is_pinned_at_80_columns(run: Any, role: str) -> None:
    result = run("paths", role, "--format", "rich")
    assert result.exit_code == 0, result.stderr
    assert_snapshot(f"shipped/paths-{role}.rich.txt", result.stdout)


def test_medical_assistant_leads_to_nursing_practitioner_and_doctor(run: Any) -> None:
    data = json.loads(run("paths", "ma", "--json").stdout)
    steps = {step["role"]["id"]: step for step in data["steps"] if step["role"]}
    assert set(steps) == {
        "licensed-practical-nurse",
        "registered-nurse",
        "nurse-anesthetists-midwives-and-practitioners",
        "physicians-and-surgeons",
    }
    rn = steps["registered-nurse"]
    assert rn["labels"] == ["Nursing"]
    assert (rn["median_pay"]["amount"], rn["median_pay"]["as_of"]) == (97550, "May 2025")
    assert rn["pay_difference"] == {
        "amount": 97550 - 45690,
        "at_least": False,
        "versus": "medical-assistant",
        "base_amount": 45690,
    }
    assert rn["entry_education"]["text"] == "Bachelor's degree"
    assert rn["outlook"]["percent"] == 4.9


def test_physicians_pay_is_each_groups_exact_may_2025_median(run: Any) -> None:
    plain = " ".join(run("paths", "ma", "--format", "plain").stdout.split())
    # compared with the medical assistant's median of the same period, May 2025 ($45,690)
    assert (
        "Physicians (29-1210): $271,090 a year (May 2025) [3], +$225,400 vs Medical assistant "
        "($45,690)"
    ) in plain
    assert "Surgeons (29-1240): +4.0% (2024-2034) [1]" in plain


def test_a_step_of_several_occupations_names_each_ones_local_median(run: Any) -> None:
    plain = " ".join(run("paths", "ma", "--area", "FL", "--format", "plain").stdout.split())
    assert (
        "Median pay of Nurse Practitioners in Florida: $129,510 a year (May 2025) [3], "
        "+$85,830 vs Medical assistant ($43,680)"
    ) in plain


def test_steps_without_a_bls_profile_are_marked(run: Any) -> None:
    out = run("paths", "ma", "--format", "plain").stdout
    assert (
        "Specialty medical assistant roles: no BLS profile in this catalog [2] (careercompare "
        "found no Occupational Outlook Handbook profile of its own [5])"
    ) in out
    assert "[5] careercompare's own summary of the sources it cites. careercompare." in out


def test_a_step_outside_the_catalog_may_be_an_occupation_of_the_tables(run: Any) -> None:
    out = " ".join(run("paths", "moa", "--format", "plain").stdout.split())
    assert (
        "Administrative supervisor -> First-line supervisors of office and administrative "
        "support workers [3]"
    ) in out
    assert "- Training: High school diploma or equivalent [1]" in out
    assert "O*NET lists 'Administrative Supervisor' among the reported job titles" in out
    data = json.loads(run("paths", "moa", "--json").stdout)
    [step] = [s for s in data["steps"] if s["labels"] == ["Administrative supervisor"]]
    supervisors = "first-line-supervisors-of-office-and-administrative-support-workers"
    assert step["role"]["id"] == supervisors and not step["outside_catalog"]
    # its median and projection are the tables' own, as for any occupation
    show = json.loads(run("show", "43-1011", "--json").stdout)["role"]
    assert show["id"] == supervisors
    median = next(f for f in show["salary"] if f["kind"] == "median")
    assert step["median_pay"]["amount"] == median["amount"]
    # the facts under the step are its own, not the start's (which has the same training)
    assert (
        "support workers [3] - Training: High school diploma or equivalent [1]; work experience "
        "in a related occupation: Less than 5 years [1] - Median pay: "
        f"${median['amount']:,.0f} a year (May 2025)"
    ) in out
    # the experience the projections ask of it, not asked of a step that needs none
    assert step["work_experience"]["text"] == "Less than 5 years"
    records = list(csv.DictReader(io.StringIO(run("paths", "moa", "--format", "csv").stdout)))
    by_role = {row["role_id"]: row for row in records}
    assert by_role[supervisors]["work_experience"] == "Less than 5 years"
    assert by_role["medical-records-specialist"]["work_experience"] == ""
    assert by_role["medical-records-specialist"]["on_the_job_training"] == ""


def test_a_note_of_merged_paths_names_the_paths_it_belongs_to(run: Any) -> None:
    out = run("paths", "moa", "--format", "plain").stdout
    assert "Note (Hospital administrator, Medical office manager): With a bachelor's degree" in out


def test_paths_to_the_same_role_are_merged(run: Any) -> None:
    data = json.loads(run("paths", "moa", "--json").stdout)
    manager = "medical-and-health-services-manager"
    managers = [s for s in data["steps"] if s["role"] and s["role"]["id"] == manager]
    assert [m["labels"] for m in managers] == [
        ["Office manager", "Hospital administrator", "Medical office manager"]
    ]


def test_paths_csv_has_one_record_per_step(run: Any) -> None:
    rows = list(csv.DictReader(io.StringIO(run("paths", "ma", "--format", "csv").stdout)))
    assert [r["role_id"] for r in rows][:2] == ["licensed-practical-nurse", "registered-nurse"]
    assert rows[-1]["outside_catalog"] == "True"


def test_a_role_without_paths_says_so(run: Any) -> None:
    # physicians and surgeons: O*NET's job zone 5, the highest; no path in the catalog
    out = run("paths", "physicians-and-surgeons", "--format", "plain").stdout
    assert "Career paths: not in sources" in out


@pytest.mark.shipped
def test_the_paths_read_from_o_net_lead_from_the_start_and_no_further() -> None:
    from careercompare.catalog.index import CatalogIndex
    from careercompare.catalog.loader import bundled_catalog_path, load_catalog
    from careercompare.occupations.datasets import bundled_occupations
    from careercompare.occupations.roles import OccupationRoles
    from careercompare.views.paths import build_paths
    from careercompare.views.show import build_show

    index = CatalogIndex(
        load_catalog(bundled_catalog_path()), OccupationRoles(bundled_occupations())
    )
    rn = index.resolve_role("rn")  # the catalog names no path of its own: O*NET's fill in
    steps = build_paths(index, rn).steps
    assert [s.labels for s in steps][:2] == [("Nurse Practitioners",), ("Nurse Midwives",)]
    assert {s.sources for s in steps} == {("onet-29-3",)}
    assert all(s.facts is not None and s.steps == () for s in steps)  # none leads on
    # the same steps as show's "Where it leads"
    assert [(p.label, p.role) for p in build_show(index, rn).role.career_paths] == [
        (s.labels[0], s.role.id if s.role else None) for s in steps
    ]
    # a step of the catalog's own leads on only by the catalog's paths
    ma = build_paths(index, index.resolve_role("ma")).steps
    nurse = next(s for s in ma if s.role and s.role.id == "registered-nurse")
    assert nurse.steps == () and nurse.facts is not None


def test_a_step_named_as_its_role_is_named_once(run: Any) -> None:
    steps = [
        line.removeprefix("  - ").removesuffix(" [3]")
        for line in run("paths", "cna", "-f", "plain").stdout.splitlines()
        if line.startswith("  - ") and line.endswith(" [3]")
    ]
    # O*NET's "Registered Nurses" is the catalog's "Registered nurse": said once, not twice
    assert steps == [
        "Registered nurse",
        "Emergency medicine physicians",
        "Nurse practitioners",
        "Nurse anesthetists",
    ]
    out = run("paths", "ma", "-f", "plain").stdout
    assert "Nursing -> Licensed practical nurse [" in out  # a label of its own still shows


def test_requirements_beyond_school_are_said_once_in_the_tables_words(run: Any) -> None:
    from careercompare.catalog.models import (
        Requirement,
        further_requirements,
        requirement_words,
    )

    def req(kind: str, text: str) -> Requirement:
        return Requirement(kind=kind, text=text, scope=None, source="ep")

    given = [
        req("on-the-job-training", "Internship/residency"),
        req("entry-education", "Doctoral or professional degree"),
        req("work-experience", "None"),
        req("on-the-job-training", "Short-term on-the-job training"),  # a second: not read
    ]
    [training] = further_requirements(given)  # "None" is no requirement
    assert requirement_words(training) == "typical on-the-job training: Internship/residency"
    assert requirement_words(req("on-the-job-training", "Long-term on-the-job training")) == (
        "Long-term on-the-job training"  # it names itself: not "...training: ...training"
    )
    out = " ".join(run("paths", "moa", "--format", "plain").stdout.split())
    assert (
        "Training: High school diploma or equivalent [1]; Moderate-term on-the-job training" in out
    )
    doctor = " ".join(run("paths", "ma", "--format", "plain").stdout.split())
    assert "[1]; typical on-the-job training: Internship/residency [1]" in doctor


def test_an_occupation_of_the_tables_reads_well_and_its_steps_cite_careercompares_reading() -> None:
    from careercompare.results.blocks import Heading
    from careercompare.views.paths import build_paths
    from tests.conftest import bundled_index

    index = bundled_index()
    hygienists = index.resolve_role("29-1292")
    result = build_paths(index, hygienists)
    heading = result.blocks()[0]
    assert isinstance(heading, Heading)
    assert heading.text == "Where Dental hygienists can lead"  # not 'Dental hygienists leads'
    # a step's note is careercompare's reading of O*NET's rows, and cites it as such
    derived = "careercompare-from-tables"
    assert index.tables is not None
    steps = [p for p in hygienists.career_paths if p.note]
    assert steps and all(p.note_source == derived for p in steps)
    assert derived in {c.source.id for c in result.sources}
