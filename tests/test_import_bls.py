"""`careercompare import-bls`: every quirk of a real export, any vintage, damaged rows, files."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from careercompare.importers.bls_projections import find_layout
from tests.conftest import ROOT

HEADER = (
    '"Occupation Title","Occupation Code","Employment {a}","Employment {b}",'
    '"Employment Change, {a}-{b}","Employment Percent Change, {a}-{b}",'
    '"Occupational Openings, {a}-{b} Annual Average","Median Annual Wage {a}",'
    '"Typical Entry-Level Education","Education Code",'
    '"Work Experience in a Related Occupation","Workex Code",'
    '"Typical on-the-job Training","trCode"'
)
ROWS = [
    '"Registered nurses    * CCU Nurse* RN* Registered Nurse","=""29-1141""","3,080.1",'
    '"3,356.9","276.8","9.0","194.5","75,330","Bachelor\'s degree","3","None","4","None","6"',
    '"Actors    * Actress* Voice-Over Artist","=""27-2011""","51.6","68.3","16.7","32.4","8.2",'
    '"N/A","Some college, no degree","6","None","4","Long-term on-the-job training","3"',
    '"Surgeons, all other    * Surgeon","=""29-1249""","35.6","36.6","1.0","2.9","1.0",'
    '">=208,000","Doctoral or professional degree","1","None","4","Internship/residency","1"',
    '"Medical assistants    * Clinical Assistant","=""31-9092""","720.9","853.5","132.6",'
    '"18.4","123.0","35,850","Postsecondary nondegree award","5","None","4","None","6"',
]


def export(tmp_path: Path, rows: list[str], years: tuple[int, int] = (2020, 2030)) -> Path:
    path = tmp_path / "export.csv"
    header = HEADER.format(a=years[0], b=years[1])
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def imported(run: Any, path: Path, *args: str) -> dict[str, Any]:
    result = run("import-bls", str(path), *args)
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def role(data: dict[str, Any], role_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(r for r in data["roles"] if r["id"] == role_id)
    return found


def test_every_quirk_of_the_export_is_read(run: Any, tmp_path: Path) -> None:
    data = imported(run, export(tmp_path, ROWS))
    rn = role(data, "registered-nurses")
    assert rn["name"] == "Registered nurses"
    assert rn["aliases"] == ["CCU Nurse", "RN", "Registered Nurse"]
    assert rn["bls_occupation"]["soc_code"] == "29-1141"
    [projection] = rn["outlook"]
    assert projection["jobs_start"] == 3_080_100
    assert projection["jobs_end"] == 3_356_900
    assert projection["change"] == 276_800
    assert projection["openings_per_year"] == 194_500
    assert (projection["percent"], projection["period"]) == (9.0, "2020-2030")
    [wage] = rn["salary"]
    assert (wage["amount"], wage["as_of"]) == (75330, "May 2020")
    assert "bound" not in wage
    kinds = {r["kind"]: r["text"] for r in rn["requirements"]}
    assert kinds == {
        "entry-education": "Bachelor's degree",
        "work-experience": "None",
        "on-the-job-training": "None",
    }
    assert role(data, "actors")["salary"] == []
    [top_coded] = role(data, "surgeons-all-other")["salary"]
    assert (top_coded["amount"], top_coded["bound"]) == (208000, "at-least")
    [source] = data["sources"]
    assert source["id"] == "bls-employment-projections-2020-2030"
    assert "BLS Employment Projections" in source["title"]


@pytest.mark.parametrize(
    "name", ["Typical Entry-Level Education", "Typical education needed for entry"]
)
def test_the_education_column_is_found_under_either_name_bls_gives_it(name: str) -> None:
    # the export's name, and the projections workbook's (importers/ep_workbook.py)
    header = next(csv.reader([HEADER.format(a=2024, b=2034)]))
    header[header.index("Typical Entry-Level Education")] = name
    layout = find_layout(header)
    assert layout.columns["education"] == header.index(name)
    assert layout.columns["training"] == header.index("Typical on-the-job Training")


def test_any_vintage_takes_its_years_from_the_header(run: Any, tmp_path: Path) -> None:
    data = imported(run, export(tmp_path, ROWS[:1], years=(2024, 2034)))
    [projection] = data["roles"][0]["outlook"]
    assert (projection["start_year"], projection["end_year"]) == (2024, 2034)
    assert data["roles"][0]["salary"][0]["as_of"] == "May 2024"


def test_unreadable_rows_are_reported_by_line_and_nothing_is_written(
    run: Any, tmp_path: Path
) -> None:
    bad = [ROWS[0], ROWS[1].replace('"51.6"', '"lots"'), ROWS[2].replace('"=""29-1249"""', '""')]
    out = tmp_path / "out.json"
    result = run("import-bls", str(export(tmp_path, bad)), "--out", str(out))
    assert result.exit_code == 1
    assert not out.exists()
    assert result.stderr.splitlines()[1:] == [
        "  line 3: employment 2020 'lots' is not a number",
        "  line 4: missing occupation code",
    ]


def test_skip_bad_imports_the_rest_and_counts_what_it_skipped(run: Any, tmp_path: Path) -> None:
    bad = [ROWS[0], ROWS[1].replace('"51.6"', '"lots"')]
    result = run("import-bls", str(export(tmp_path, bad)), "--skip-bad")
    assert result.exit_code == 0, result.stderr
    assert [r["id"] for r in json.loads(result.stdout)["roles"]] == ["registered-nurses"]
    assert "2 rows read, 1 roles written" in result.stderr
    assert "1 rows skipped as unreadable" in result.stderr


def test_the_summary_goes_through_the_terminal_and_a_closed_stderr_is_no_failure(
    tmp_path: Path,
) -> None:
    out = tmp_path / "roles.json"
    command = (
        f'"{sys.executable}" -m careercompare import-bls "{export(tmp_path, ROWS)}" -o "{out}"'
    )
    done = subprocess.run(["bash", "-c", command + " 2>&-"], capture_output=True, check=False)
    assert done.returncode == 0 and json.loads(out.read_text())["roles"]
    told = subprocess.run(["bash", "-c", command + " --force"], capture_output=True, text=True)
    assert told.stderr.startswith("careercompare: 4 rows read, 4 roles written")


def test_with_bundled_prefers_curated_roles_with_the_same_soc_code(
    run: Any, tmp_path: Path
) -> None:
    data = imported(run, export(tmp_path, ROWS), "--with-bundled")
    ids = [r["id"] for r in data["roles"]]
    assert "medical-assistant" in ids
    assert "medical-assistants" not in ids  # 31-9092 is curated
    assert "registered-nurses" not in ids  # 29-1141 is curated
    assert "actors" in ids


def test_with_bundled_summary_says_how_many_were_left_out(run: Any, tmp_path: Path) -> None:
    result = run("import-bls", str(export(tmp_path, ROWS)), "--with-bundled")
    assert "4 rows read, 18 roles written (2 imported, 16 curated)" in result.stderr
    assert "2 left out in favour of curated roles with the same SOC code" in result.stderr


def test_out_refuses_to_replace_a_file_without_force(run: Any, tmp_path: Path) -> None:
    path = export(tmp_path, ROWS)
    out = tmp_path / "catalog.json"
    out.write_text("precious")
    result = run("import-bls", str(path), "--out", str(out))
    assert result.exit_code == 1
    assert "already exists; add --force" in result.stderr
    assert out.read_text() == "precious"
    assert run("import-bls", str(path), "--out", str(out), "--force").exit_code == 0
    assert json.loads(out.read_text())["roles"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_out_into_a_missing_directory_is_one_line_exit_1(run: Any, tmp_path: Path) -> None:
    result = run(
        "import-bls", str(export(tmp_path, ROWS)), "--out", str(tmp_path / "no" / "x.json")
    )
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1
    assert "no such folder" in result.stderr


def test_a_file_that_is_not_an_export_is_refused(run: Any, tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("a,b,c\n1,2,3\n")
    result = run("import-bls", str(path))
    assert result.exit_code == 1
    assert "not a BLS Employment Projections export" in result.stderr


def test_imported_catalog_validates_and_serves_the_views(run: Any, tmp_path: Path) -> None:
    out = tmp_path / "all.json"
    assert (
        run("import-bls", str(export(tmp_path, ROWS)), "-o", str(out), "--with-bundled").exit_code
        == 0
    )
    assert run("validate", str(out)).stdout == "OK: 18 roles, 47 sources, 5 FAQ entries\n"
    result = run("--data", str(out), "table", "surgeons, all other", "ma", "--format", "plain")
    assert result.exit_code == 0, result.stderr
    # the newest median of the code is the bundled wages', beside the export's own
    line = "Median pay (BLS) | Surgeons, all other | $414,010 a year (May 2025) [3]"
    assert line in result.stdout
    salary = run("--data", str(out), "salary", "surgeons, all other", "-f", "plain").stdout
    assert ">= $208,000 a year | May 2020" in salary


REAL_EXPORT = ROOT.parent / "shared" / "data" / "bls-employment-projections-2020-30.csv"


@pytest.mark.skipif(
    not REAL_EXPORT.exists(), reason="the real BLS export is not beside the project"
)
def test_the_real_export_imports_every_occupation(run: Any, tmp_path: Path) -> None:
    out = tmp_path / "real.json"
    result = run("import-bls", str(REAL_EXPORT), "--out", str(out), "--with-bundled")
    assert result.exit_code == 0, result.stderr
    assert "790 rows read" in result.stderr
    data = json.loads(out.read_text())
    rn = next(r for r in data["roles"] if r["id"] == "registered-nurse")
    # the curated role, not the export's: its figures come from the bundled tables
    assert [f for f in rn.get("salary", []) if "projections" in f["source"]] == []
    assert rn["comparison"]["primary-focus"]["source"] != "bls-employment-projections-2020-30"
    actuaries = next(r for r in data["roles"] if r["id"] == "actuaries")
    assert actuaries["bls_occupation"]["soc_code"] == "15-2011"
    assert actuaries["salary"][0]["amount"] == 111030
    [projection] = actuaries["outlook"]
    assert (projection["jobs_start"], projection["jobs_end"]) == (27_700, 34_500)
    assert (projection["change"], projection["percent"]) == (6_800, 24.5)
    assert projection["openings_per_year"] == 2_400
    top_coded = [
        r for r in data["roles"] if r["salary"] and r["salary"][0].get("bound") == "at-least"
    ]
    no_wage = [r for r in data["roles"] if not r["salary"]]
    # 9 top-coded rows and 5 without a wage in the export; the curated roles hold none
    assert (len(top_coded), len(no_wage)) == (9, 5 + 14)
    assert run("--data", str(out), "roles", "--search", "nurse practitioner").exit_code == 0
