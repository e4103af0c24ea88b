"""`careercompare import-oews`: the OEWS tables as BLS publishes them, any layout of them,
and everything that can go wrong without touching the wages in use."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careercompare.errors import DataError, UsageError
from careercompare.importers.oews import ImportSettings, import_oews
from careercompare.wages.datasets import DATA_DIR_ENV_VAR

HEADER = [
    "AREA", "AREA_TITLE", "AREA_TYPE", "PRIM_STATE", "NAICS", "NAICS_TITLE", "I_GROUP",
    "OWN_CODE", "OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "EMP_PRSE", "JOBS_1000",
    "LOC_QUOTIENT", "PCT_TOTAL", "PCT_RPT", "H_MEAN", "A_MEAN", "MEAN_PRSE", "H_PCT10",
    "H_PCT25", "H_MEDIAN", "H_PCT75", "H_PCT90", "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75",
    "A_PCT90", "ANNUAL", "HOURLY",
]  # fmt: skip


def row(
    area: str, title: str, kind: int, state: str, code: str, occupation: str, **values: Any
) -> list[Any]:
    """A cross-industry row in the layout of the all-data table, with changed values."""
    cells: dict[str, Any] = {
        "AREA": area, "AREA_TITLE": title, "AREA_TYPE": kind, "PRIM_STATE": state,
        "NAICS": "000000", "NAICS_TITLE": "Cross-industry", "I_GROUP": "cross-industry",
        "OWN_CODE": 1235, "OCC_CODE": code, "OCC_TITLE": occupation, "O_GROUP": "detailed",
        "TOT_EMP": 1000, "EMP_PRSE": 2.5, "JOBS_1000": 6.5, "LOC_QUOTIENT": 1.1,
        "PCT_TOTAL": None, "PCT_RPT": None, "H_MEAN": 24.5, "A_MEAN": 50960, "MEAN_PRSE": 1.1,
        "H_PCT10": 18.0, "H_PCT25": 20.0, "H_MEDIAN": 23.5, "H_PCT75": 27.0, "H_PCT90": 31.0,
        "A_PCT10": 37440, "A_PCT25": 41600, "A_MEDIAN": 48880, "A_PCT75": 56160,
        "A_PCT90": 64480, "ANNUAL": None, "HOURLY": None,
    }  # fmt: skip
    cells.update(values)
    return [cells[name] for name in HEADER]


ROWS = [
    row(99, "U.S.", 1, "US", "31-9092", "Medical Assistants"),
    row(12, "Florida", 2, "FL", "31-9092", "Medical Assistants", A_MEDIAN=47000, H_MEDIAN=22.6),
    row(
        45300,
        "Tampa-St. Petersburg-Clearwater, FL",
        4,
        "FL",
        "31-9092",
        "Medical Assistants",
        TOT_EMP="**",
        A_PCT90="#",
        H_PCT90="#",
    ),
    row(
        12,
        "Florida",
        2,
        "FL",
        "31-9092",
        "Medical Assistants",
        NAICS="621000",
        I_GROUP="3-digit",
        A_MEDIAN=99999,
    ),
]


def refused(
    error: type[Exception], *files: Path, output: Path | None = None, **options: str
) -> str:
    """The one-line message an import of the files is refused with, called as the command
    calls the importer (options by their names: release, published, top_annual...)."""
    settings = ImportSettings(
        files=files,
        release=options.get("release"),
        published=options.get("published"),
        top_annual=options.get("top_annual"),
        top_hourly=options.get("top_hourly"),
        output=output,
        force=False,
    )
    with pytest.raises(error) as caught:
        import_oews(settings)
    message = str(caught.value)
    assert "\n" not in message
    return message


def workbook(path: Path, rows: list[list[Any]], header: list[str] = HEADER) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "All May 2026 data"
    sheet.append(header)
    for values in rows:
        sheet.append(values)
    book.save(path)
    return path


def csv_file(path: Path, rows: list[list[Any]]) -> Path:
    import csv

    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow([name.lower() for name in HEADER])  # any case
        writer.writerows(["" if v is None else v for v in r] for r in rows)
    return path


def data_dir() -> Path:
    return Path(os.environ[DATA_DIR_ENV_VAR])


def test_a_workbook_becomes_the_wages_in_use(run: Any, tmp_path: Path) -> None:
    book = workbook(tmp_path / "all_data_M_2026.xlsx", ROWS)
    result = run("import-oews", str(book), "--published", "2027-04-30")
    assert result.exit_code == 0, result.stderr
    assert "May 2026: 3 estimates of 1 occupations in 3 areas" in result.stderr
    assert "1 industry rows" in result.stderr
    assert (data_dir() / "oews-2026-05.sqlite").is_file()
    out = run("salary", "ma", "--area", "FL", "--format", "plain").stdout
    assert "median | $47,000 a year | May 2026 | Florida, 1,000 jobs" in out
    data = json.loads(run("data", "--json").stdout)
    releases = [(d["release"], d["in_use"], d["bundled"]) for d in data["wages"]]
    assert releases == [("May 2026", True, False), ("May 2025", False, True)]
    (source,) = data["wages"][0]["files"]
    assert source["name"] == "all_data_M_2026.xlsx" and len(source["sha256"]) == 64


def test_markers_are_kept_as_markers(run: Any, tmp_path: Path) -> None:
    book = workbook(tmp_path / "MSA_M2026_dl.xlsx", ROWS)
    assert run("import-oews", str(book)).exit_code == 0
    data = json.loads(run("wages", "ma", "--area", "tampa", "--json").stdout)
    (estimate,) = [entry["estimate"] for entry in data["side_by_side"]]
    assert estimate["employment"] == {
        "value": None,
        "marker": "**",
        "at_least": False,
        "released": False,
    }
    assert estimate["annual"]["pct90"]["at_least"] is True
    assert estimate["annual"]["pct90"]["value"] == 239200  # the top, as the wages in use say


def test_a_zip_of_workbooks_and_a_csv_in_the_same_layout_are_read(run: Any, tmp_path: Path) -> None:
    book = workbook(tmp_path / "state_M2026_dl.xlsx", ROWS[:2])
    archive = tmp_path / "oesm26st.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.write(book, "oesm26st/state_M2026_dl.xlsx")
        out.writestr("oesm26st/field_descriptions.xlsx", b"")
    # an empty member that is no workbook is an error: a damaged download
    result = run("import-oews", str(archive))
    assert result.exit_code == 1 and "field_descriptions.xlsx" in result.stderr
    with zipfile.ZipFile(archive, "w") as out:
        out.write(book, "oesm26st/state_M2026_dl.xlsx")
    assert run("import-oews", str(archive), "--quiet").exit_code == 0
    table = csv_file(tmp_path / "wages.csv", ROWS)
    result = run("import-oews", str(table), "--release", "May 2027", "--quiet")
    assert result.exit_code == 0, result.stderr
    assert json.loads(run("data", "--json").stdout)["wages"][0]["release"] == "May 2027"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("national_M2026_dl.xlsx", b"not a workbook", "is not an Excel workbook"),
        ("oesm26nat.zip", b"PK\x03\x04truncated", "is not a zip file"),
        ("wages_M2026_.csv", b"AREA,OCC_CODE\n99,31-9092\n", "no column AREA_TITLE"),
        ("notes_M2026_.txt", b"hello", "is not an OEWS table"),
    ],
)
def test_a_bad_file_is_one_line_and_leaves_the_wages_untouched(
    run: Any, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = run("import-oews", str(path))
    assert result.exit_code == 1
    assert message in result.stderr and len(result.stderr.splitlines()) == 1
    assert not list(data_dir().glob("*")) if data_dir().exists() else True
    assert "May 2025" in run("salary", "ma", "-f", "plain").stdout


def test_a_missing_column_is_named(run: Any, tmp_path: Path) -> None:
    header = [name for name in HEADER if name != "A_MEDIAN"]
    rows = [[v for name, v in zip(HEADER, r, strict=True) if name != "A_MEDIAN"] for r in ROWS]
    book = workbook(tmp_path / "state_M2026_dl.xlsx", rows, header)
    result = run("import-oews", str(book))
    assert result.exit_code == 1
    assert "no column A_MEDIAN" in result.stderr


def test_an_older_release_is_refused_unless_forced(run: Any, tmp_path: Path) -> None:
    book = workbook(tmp_path / "state_M2024_dl.xlsx", ROWS)
    result = run("import-oews", str(book))
    assert result.exit_code == 1
    assert "May 2024 is older than the May 2025 wages in use; add --force" in result.stderr
    assert run("import-oews", str(book), "--force", "--quiet").exit_code == 0
    data = json.loads(run("data", "--json").stdout)
    assert [d["release"] for d in data["wages"]] == ["May 2025", "May 2024"]


def test_the_release_must_be_known(run: Any, tmp_path: Path) -> None:
    book = workbook(tmp_path / "wages.xlsx", ROWS)
    result = run("import-oews", str(book))
    assert result.exit_code == 2
    assert "--release 'May 2026'" in result.stderr


def test_a_missing_file_is_named_before_its_name_is_read_for_the_release(tmp_path: Path) -> None:
    # neither name gives a release: the missing file is what is wrong, not --release
    book = workbook(tmp_path / "wages.xlsx", ROWS)
    for files in [(tmp_path / "nope.zip",), (book, tmp_path / "state_M2026_dl.xlsx")]:
        message = refused(DataError, *files)
        assert message == (
            f"{files[-1]}: no such file; give the path of an OEWS table (.xlsx, .zip, .csv)"
        )


def test_a_failed_import_keeps_the_release_it_would_replace(run: Any, tmp_path: Path) -> None:
    good = workbook(tmp_path / "state_M2026_dl.xlsx", ROWS)
    assert run("import-oews", str(good), "--quiet").exit_code == 0
    before = (data_dir() / "oews-2026-05.sqlite").read_bytes()
    bad_rows = [*ROWS, row(99, "U.S.", 1, "US", "29-1141", "Registered Nurses", A_MEDIAN="n/a")]
    bad = workbook(tmp_path / "MSA_M2026_dl.xlsx", bad_rows)
    result = run("import-oews", str(bad))
    assert result.exit_code == 1
    assert "row 6 cannot be read (A_MEDIAN: 'n/a' is neither a number" in result.stderr
    assert (data_dir() / "oews-2026-05.sqlite").read_bytes() == before
    assert sorted(p.name for p in data_dir().iterdir()) == ["oews-2026-05.sqlite"]


def test_a_read_only_data_folder_is_one_line(
    run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(DATA_DIR_ENV_VAR, str(blocker / "data"))
    book = workbook(tmp_path / "state_M2026_dl.xlsx", ROWS)
    result = run("import-oews", str(book))
    assert result.exit_code == 1
    assert "cannot write the wages there" in result.stderr


@pytest.mark.parametrize("damage", ["truncate", "swap", "empty"])
def test_a_damaged_imported_database_falls_back_to_the_bundled_wages(
    run: Any, tmp_path: Path, damage: str
) -> None:
    book = workbook(tmp_path / "state_M2026_dl.xlsx", ROWS)
    assert run("import-oews", str(book), "--quiet").exit_code == 0
    target = data_dir() / "oews-2026-05.sqlite"
    content = target.read_bytes()
    if damage == "truncate":
        target.write_bytes(content[: len(content) // 2])
    elif damage == "swap":
        target.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    else:
        target.write_bytes(b"")
    result = run("salary", "ma", "--area", "FL", "-f", "plain")
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "warning:" in result.stderr and "oews-2026-05.sqlite" in result.stderr
    assert "median | $43,680 a year | May 2025 | Florida" in result.stdout


def test_the_imported_file_follows_the_umask(run: Any, tmp_path: Path) -> None:
    book = workbook(tmp_path / "state_M2026_dl.xlsx", ROWS)
    previous = os.umask(0o022)
    try:
        assert run("import-oews", str(book), "--quiet").exit_code == 0
    finally:
        os.umask(previous)
    assert (data_dir() / "oews-2026-05.sqlite").stat().st_mode & 0o777 == 0o644


@pytest.mark.slow
def test_the_bundled_database_is_rebuilt_by_the_documented_command(tmp_path: Path) -> None:
    """The README's command, on the shared file when it is there."""
    shared = Path(__file__).resolve().parents[2] / "shared" / "data" / "oews-may2025"
    source = shared / "oews-may2025-cross-industry.csv.gz"
    if not source.exists():
        pytest.skip("the shared OEWS file is not here")
    from careercompare.cli.entry import main

    out = tmp_path / "oews.sqlite"
    args = [
        "import-oews", str(source), "--release", "May 2025", "--published", "2026-05-15",
        "--top-annual", "239200", "--top-hourly", "115.00", "--output", str(out), "--quiet",
    ]  # fmt: skip
    assert main(args) == 0
    from careercompare.wages.database import WageDatabase
    from careercompare.wages.datasets import bundled_wages

    rebuilt, bundled = WageDatabase(out), bundled_wages()
    assert rebuilt.counts() == bundled.counts()
    florida = next(a for a in bundled.areas if a.code == "12")
    assert rebuilt.estimate("31-9092", florida) == bundled.estimate("31-9092", florida)


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--top-annual", "abc"),
        ("--top-annual", "0x10"),
        ("--top-annual", "nan"),
        ("--top-annual", "inf"),
        ("--top-annual", "1e400"),
        ("--top-annual", "-5"),
        ("--top-hourly", "0"),
        ("--published", "2027-02-30"),
        ("--published", "soon"),
    ],
)
def test_import_options_are_checked_before_anything_is_read(
    tmp_path: Path, option: str, value: str
) -> None:
    source = csv_file(tmp_path / "wages.csv", ROWS)
    output = tmp_path / "out.sqlite"
    given = {option.removeprefix("--").replace("-", "_"): value}
    message = refused(UsageError, source, output=output, release="May 2026", **given)
    assert option in message
    assert not output.exists()


US_MA = ("99", "U.S.", 1, "US", "31-9092", "Medical Assistants")
FL_MA = ("12", "Florida", 2, "FL", "31-9092", "Medical Assistants")


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([row(*US_MA, A_MEDIAN=-45000)], "row 2 cannot be read (A_MEDIAN: -45000 is below zero)"),
        ([row(*US_MA, A_MEDIAN=999999999999)], "A_MEDIAN: 999999999999 is far above any figure"),
        ([row(*US_MA, A_PCT10=90000)], "A_PCT10 is above A_PCT25: percentiles out of order"),
        ([row(*US_MA, H_PCT90=1.5)], "H_PCT75 is above H_PCT90: percentiles out of order"),
        (
            [row(*FL_MA), row("12", "Georgia", 2, "GA", "31-9092", "Medical Assistants")],
            "row 3 cannot be read (area 12 is 'Florida' (state) in an earlier row but "
            "'Georgia' (state) here)",
        ),
        ([row("12", "U.S.", 1, "US", "31-9092", "x")], "AREA '12' is not the code of a nation"),
        ([row("99", "U.S.", 9, "US", "31-9092", "x")], "AREA_TYPE '9' is not one BLS uses"),
        (
            [row(*FL_MA), row(*FL_MA, A_MEDIAN=47000)],
            "row 3: repeats an earlier row of the same occupation and area with other figures",
        ),
    ],
)
def test_impossible_or_conflicting_values_are_refused_with_file_and_row(
    tmp_path: Path, rows: list[list[Any]], message: str
) -> None:
    book = workbook(tmp_path / "all_data_M_2026.xlsx", rows)
    refusal = refused(DataError, book)
    assert message in refusal and "all_data_M_2026.xlsx" in refusal
    assert not (data_dir() / "oews-2026-05.sqlite").exists()


def test_a_row_repeated_with_the_same_figures_is_counted_not_refused(
    run: Any, tmp_path: Path
) -> None:
    book = workbook(tmp_path / "all_data_M_2026.xlsx", [row(*FL_MA), row(*FL_MA)])
    result = run("import-oews", str(book))
    assert result.exit_code == 0, result.stderr
    assert "1 repeated rows left out" in result.stderr


def test_a_formula_is_refused_whether_or_not_a_value_was_kept(run: Any, tmp_path: Path) -> None:
    book = workbook(tmp_path / "all_data_M_2026.xlsx", [row(*US_MA, A_MEDIAN="=41600+7280")])
    result = run("import-oews", str(book))
    assert result.exit_code == 1
    assert "row 2 holds a formula (=41600+7280), not a value" in result.stderr


def test_without_prim_state_areas_keep_their_states_where_known(run: Any, tmp_path: Path) -> None:
    header = [name for name in HEADER if name != "PRIM_STATE"]
    rows = [
        row(*US_MA),
        row(*FL_MA),
        row("45300", "Tampa-St. Petersburg-Clearwater, FL", 4, "", "31-9092", "MA"),
        row("34900", "Napa, CA", 4, "", "31-9092", "MA"),
        row("4200100", "Somewhere nonmetropolitan area", 6, "", "31-9092", "MA"),
    ]
    rows = [[v for name, v in zip(HEADER, r, strict=True) if name != "PRIM_STATE"] for r in rows]
    book = workbook(tmp_path / "all_data_M_2026.xlsx", rows, header)
    assert run("import-oews", str(book)).exit_code == 0
    ranked = run("wages", "ma", "--by", "metro", "--in", "FL", "--json")
    assert ranked.exit_code == 0, ranked.stderr
    (ranking,) = json.loads(ranked.stdout)["rankings"]
    areas = {e["estimate"]["area"]["title"]: e["estimate"]["area"] for e in ranking["highest"]}
    assert "Tampa-St. Petersburg-Clearwater, FL" in areas and "Napa, CA" not in areas
    assert all(title.endswith(", FL") or "-FL" in title for title in areas)


def csv_bytes(rows: list[list[Any]]) -> bytes:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows(["" if v is None else v for v in r] for r in rows)
    return out.getvalue().encode()


def zipped(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def patched_central_directory(path: Path, offset: int, value: bytes) -> Path:
    """Change bytes of the first central directory record (flags at 8, method at 10)."""
    data = bytearray(path.read_bytes())
    start = data.index(b"PK\x01\x02")
    data[start + offset : start + offset + len(value)] = value
    path.write_bytes(bytes(data))
    return path


def workbook_parts(rows: list[list[Any]]) -> dict[str, bytes]:
    import io

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    for values in rows:
        sheet.append(values)
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def damaged(kind: str, tmp_path: Path) -> Path:
    """A small damaged or hostile file of one kind, made here (none is kept in the repo)."""
    import gzip

    good = csv_bytes([row(*US_MA), row(*FL_MA)] * 200)
    if kind == "gz cut short":
        packed = gzip.compress(good)
        return _write(tmp_path / "all_data_M_2026.csv.gz", packed[: len(packed) // 2])
    if kind == "gz with trailing garbage":
        return _write(tmp_path / "all_data_M_2026.csv.gz", gzip.compress(good) + b"garbage!")
    if kind == "gz corrupt stream":
        packed = bytearray(gzip.compress(good))
        packed[len(packed) // 2] ^= 0xFF
        return _write(tmp_path / "all_data_M_2026.csv.gz", bytes(packed))
    if kind == "not UTF-8 after 8 KB":
        return _write(tmp_path / "all_data_M_2026.csv", good + b"99,U.S.\xff\xfe,1\n")
    if kind == "a field over 128 KiB":
        return _write(tmp_path / "all_data_M_2026.csv", good + b'"' + b"x" * 140_000 + b'"\n')
    if kind == "a cell over 10,000 characters":
        return workbook(tmp_path / "all_data_M_2026.xlsx", [row(*US_MA, OCC_TITLE="x" * 10_001)])
    if kind == "a line over 1 MiB":
        return _write(tmp_path / "all_data_M_2026.csv", good + b"9," * (600 << 10) + b"\n")
    if kind == "a median of 1e999999999":
        return _write(
            tmp_path / "all_data_M_2026.csv", csv_bytes([row(*US_MA, A_MEDIAN="1e999999999")])
        )
    if kind == "zip CRC error":
        path = zipped(tmp_path / "oesm26all.zip", {"all_data_M_2026.csv": good})
        data = bytearray(path.read_bytes())
        data[60] ^= 0xFF  # inside the packed member
        return _write(path, bytes(data))
    if kind == "zip member encrypted":
        path = zipped(tmp_path / "oesm26all.zip", {"all_data_M_2026.csv": good})
        return patched_central_directory(path, 8, b"\x01\x00")
    if kind == "zip member Deflate64":
        path = zipped(tmp_path / "oesm26all.zip", {"all_data_M_2026.csv": good})
        return patched_central_directory(path, 10, b"\x09\x00")
    parts = workbook_parts([row(*US_MA)])
    if kind == "sheet XML cut short":
        sheet = parts["xl/worksheets/sheet1.xml"]
        parts["xl/worksheets/sheet1.xml"] = sheet[: len(sheet) - 40]
    elif kind == "workbook.xml malformed":
        parts["xl/workbook.xml"] = b"<workbook><sheets><sheet"
    elif kind == "styles.xml malformed":
        parts["xl/styles.xml"] = b"<styleSheet><<"
    elif kind == "entity DTD":
        parts["xl/workbook.xml"] = (
            b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
            b'<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
            b'<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">'
            b'<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]><workbook>&f;&f;&f;</workbook>'
        )
    elif kind == "a sheet that unpacks 1000 times":
        parts["xl/worksheets/sheet1.xml"] = b" " * (20 << 20)
    elif kind == "a workbook in a zip that unpacks 1000 times":
        return zipped(tmp_path / "oesm26all.zip", {"all_data_M_2026.xlsx": b"\0" * (20 << 20)})
    elif kind == "a gz that unpacks 1000 times":
        return _write(tmp_path / "all_data_M_2026.csv.gz", gzip.compress(good * 400))
    elif kind == "empty rows one after another":
        return _write(tmp_path / "all_data_M_2026.csv", good + b",,,\n" * 10_001)
    else:
        raise AssertionError(kind)
    return zipped(tmp_path / "all_data_M_2026.xlsx", parts)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("gz cut short", "is damaged or cut short ("),
        ("gz with trailing garbage", "is damaged or cut short at row"),
        ("gz corrupt stream", "all_data_M_2026.csv.gz: "),
        ("not UTF-8 after 8 KB", "is not UTF-8 text"),
        ("a field over 128 KiB", "cannot be read (field larger than field limit"),
        ("a cell over 10,000 characters", "has a cell of over 10,000 characters"),
        ("a line over 1 MiB", "a line is over 1,048,576 characters"),
        ("a median of 1e999999999", "A_MEDIAN: '1e999999999' is not a figure BLS publishes"),
        ("zip CRC error", "all_data_M_2026.csv: "),
        ("zip member encrypted", "all_data_M_2026.csv: cannot be read"),
        ("zip member Deflate64", "all_data_M_2026.csv: cannot be read"),
        ("sheet XML cut short", "is damaged or cut short at row 2 (unclosed token"),
        ("workbook.xml malformed", "is not an Excel workbook that can be read"),
        ("styles.xml malformed", "is not an Excel workbook that can be read"),
        ("entity DTD", "all_data_M_2026.xlsx: "),
        ("a sheet that unpacks 1000 times", "times its packed size; it is not a file as BLS"),
        ("a workbook in a zip that unpacks 1000 times", "times its packed size"),
        ("a gz that unpacks 1000 times", "unpacks to over 20 times its packed size"),
        ("empty rows one after another", "over 10,000 empty rows one after another"),
    ],
)
def test_a_damaged_or_hostile_file_is_one_line_in_bounded_time(
    tmp_path: Path, kind: str, message: str
) -> None:
    import resource
    import time

    path = damaged(kind, tmp_path)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    refusal = refused(DataError, path)
    assert time.monotonic() - started < 5
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 200 * 1024  # the peak of this process grew by less than 200 MB
    assert message in refusal and path.name in refusal
    assert not (data_dir() / "oews-2026-05.sqlite").exists()


def test_a_workbook_without_a_dimension_whose_rows_end_early_imports(
    run: Any, tmp_path: Path
) -> None:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("All")
    sheet.append(HEADER)
    for values in [row(*US_MA), row(*FL_MA)]:  # ANNUAL and HOURLY empty: rows end early
        sheet.append(values[: len(HEADER) - 2])
    path = tmp_path / "all_data_M_2026.xlsx"
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        assert b"<dimension" not in archive.read("xl/worksheets/sheet1.xml")
    result = run("import-oews", str(path))
    assert result.exit_code == 0, result.stderr
    assert "2 estimates" in result.stderr


def test_a_table_of_more_rows_than_any_bls_publishes_is_refused(
    run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careercompare.importers import oews_files

    monkeypatch.setattr(oews_files, "MAX_ROWS", 3)
    book = workbook(tmp_path / "all_data_M_2026.xlsx", [row(*US_MA), row(*FL_MA)] * 2)
    result = run("import-oews", str(book))
    assert result.exit_code == 1
    assert "has over 3 rows; it is not an OEWS table" in result.stderr


TAMPA_MA = (
    "45300", "Tampa-St. Petersburg-Clearwater, FL", 4, "FL", "31-9092", "Medical Assistants"
)  # fmt: skip


def test_a_partial_release_adds_to_the_one_in_use(run: Any, tmp_path: Path) -> None:
    states = workbook(tmp_path / "state_M2026_dl.xlsx", [row(*FL_MA, A_MEDIAN=47000)])
    result = run("import-oews", str(states))
    assert result.exit_code == 0, result.stderr
    assert "582 areas the files do not cover kept from May 2025" in result.stderr
    out = run("salary", "ma", "--area", "FL", "--format", "plain").stdout
    assert "median | $47,000 a year | May 2026 | Florida" in out
    assert "median | $45,690 a year | May 2025 | U.S." in out  # no national row: kept
    tampa = run("salary", "ma", "--area", "tampa", "--format", "plain")
    assert tampa.exit_code == 0, tampa.stderr
    assert "| May 2025 | Tampa-St. Petersburg-Clearwater, FL" in tampa.stdout
    data = run("data", "--format", "plain").stdout
    assert "Areas: 583 (582 of May 2025, kept: the files imported do not cover them)" in data
    ranked = run("wages", "ma", "--by", "state", "--all", "--format", "plain").stdout
    assert "May 2026 figures: Florida; the others are of May 2025, kept" in ranked
    top = run("wages", "ma", "--by", "state", "--top", "2", "--format", "plain").stdout
    assert "These figures are of May 2025: the May 2026 tables imported do not" in top
    # a metro file of the same release adds its areas, and keeps the states of the first
    metros = workbook(tmp_path / "MSA_M2026_dl.xlsx", [row(*TAMPA_MA, A_MEDIAN=48000)])
    assert run("import-oews", str(metros)).exit_code == 0
    tampa_json = json.loads(run("wages", "ma", "--area", "tampa", "--json").stdout)
    (entry,) = tampa_json["side_by_side"]
    assert entry["estimate"]["annual"]["median"]["value"] == 48000
    assert entry["estimate"]["area"]["release"] == ""  # the release of the database itself
    florida = run("salary", "ma", "--area", "FL", "--format", "plain").stdout
    assert "median | $47,000 a year | May 2026 | Florida" in florida


def test_an_import_to_a_named_file_keeps_nothing_else(run: Any, tmp_path: Path) -> None:
    states = workbook(tmp_path / "state_M2026_dl.xlsx", [row(*FL_MA)])
    out = tmp_path / "only-florida.sqlite"
    result = run("import-oews", str(states), "--output", str(out))
    assert result.exit_code == 0, result.stderr
    assert "kept" not in result.stderr
    from careercompare.wages.database import WageDatabase

    assert [a.title for a in WageDatabase(out).areas] == ["Florida"]


def test_an_older_release_imported_with_force_keeps_no_newer_areas(
    run: Any, tmp_path: Path
) -> None:
    states = workbook(tmp_path / "state_M2024_dl.xlsx", [row(*FL_MA)])
    result = run("import-oews", str(states), "--force")
    assert result.exit_code == 0, result.stderr
    assert "kept" not in result.stderr
    from careercompare.wages.database import WageDatabase

    assert [a.title for a in WageDatabase(data_dir() / "oews-2024-05.sqlite").areas] == ["Florida"]


def test_shared_strings_larger_than_the_bound_are_refused_before_reading(
    run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import random
    import string

    from careercompare.importers import oews_files

    monkeypatch.setattr(oews_files, "MAX_SHARED_STRINGS_BYTES", 4096)
    parts = workbook_parts([row(*US_MA)])
    words = "".join(random.Random(1).choices(string.ascii_letters, k=8192))  # packs poorly
    parts["xl/sharedStrings.xml"] = f"<sst><si><t>{words}</t></si></sst>".encode()
    path = zipped(tmp_path / "all_data_M_2026.xlsx", parts)
    result = run("import-oews", str(path))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "its shared strings unpack to over 4 KiB; it is not a file as BLS" in result.stderr


def _decimal_value(column: str, text: str) -> int | float | str | None:
    """stored_value as it reads every cell through Decimal: what its quick path must equal."""
    from decimal import Decimal

    from careercompare.importers.oews import MARKERS, MAX_VALUE
    from careercompare.wages.estimates import VALUE_COLUMNS

    text = text.strip().replace(",", "")
    if not text or text in MARKERS:
        return text or None
    try:
        number = Decimal(text)
        if not number.is_finite() or abs(number) > MAX_VALUE:
            return "refused"
        scaled = number.scaleb(VALUE_COLUMNS[column.upper()])
    except ArithmeticError:
        return "refused"
    return int(scaled) if scaled == scaled.to_integral_value() else float(number)


CELLS = st.text(alphabet="0123456789.,-+e ٣", max_size=16) | st.sampled_from(
    ["45690", "21.97", "1.5", "0.5", "007", "5.", ".5", "1,234.50", "999999999999",
     "1000000000000", "1000000000001", "1.234", "12.3456", "#", "**", "", " 3 "]
)  # fmt: skip


@given(column=st.sampled_from(["A_MEDIAN", "h_median", "JOBS_1000", "EMP_PRSE"]), text=CELLS)
def test_a_cell_is_stored_as_decimal_arithmetic_stores_it(column: str, text: str) -> None:
    from careercompare.importers.oews import stored_value

    expected = _decimal_value(column, text)
    try:
        value = stored_value(column, text)
    except ValueError:
        assert expected == "refused"
        return
    assert value == expected and type(value) is type(expected)
