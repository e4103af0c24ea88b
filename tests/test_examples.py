"""Every example in every help text and in the README runs as shown, with the files it
names made in a folder of its own."""

from __future__ import annotations

import io
import re
import shlex
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

from careercompare.cli.entry import main
from careercompare.terminal import Terminal
from tests.conftest import BUNDLED, ROOT, help_examples
from tests.test_import_bls import ROWS as EXPORT_ROWS
from tests.test_import_bls import export
from tests.test_import_oews import ROWS as WAGE_ROWS
from tests.test_import_oews import csv_file, workbook
from tests.test_occupations import ROWS as PROJECTION_ROWS
from tests.test_occupations import STATES, write_ep, write_onet
from tests.test_programs import PAIRS, PROGRAM_ROWS, write_crosswalk, write_scorecard


def readme_examples() -> list[list[str]]:
    """The careercompare lines of the README's shell blocks, comments and redirects off."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    examples = []
    for block in re.findall(r"```sh\n(.*?)```", readme, flags=re.S):
        for line in block.replace("\\\n", " ").splitlines():
            words = shlex.split(line, comments=True)
            if "&&" in words:
                words = words[words.index("&&") + 1 :]
            if words[:1] == ["careercompare"]:
                examples.append(words[1 : words.index(">")] if ">" in words else words[1:])
    return examples


EXAMPLES = [*help_examples(), *readme_examples()]


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding every file an example names."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(BUNDLED, tmp_path / "my-roles.json")
    shutil.copy(export(tmp_path, EXPORT_ROWS), tmp_path / "occupation.csv")
    for name in ("state_M2026_dl.xlsx", "MSA_M2026_dl.xlsx", "BOS_M2026_dl.xlsx"):
        workbook(tmp_path / name, WAGE_ROWS)
    with zipfile.ZipFile(tmp_path / "oesm26all.zip", "w") as archive:
        archive.write(tmp_path / "state_M2026_dl.xlsx", "oesm26all/all_data_M_2026.xlsx")
    csv_file(tmp_path / "wages.csv", WAGE_ROWS)
    write_ep(tmp_path / "occupation.xlsx", PROJECTION_ROWS)
    write_onet(tmp_path / "onet-29.3")
    (tmp_path / "state_projections.csv").write_bytes(STATES.encode())
    write_scorecard(tmp_path / "scorecard-fos-2026-06-10.csv.gz", PROGRAM_ROWS)
    write_crosswalk(tmp_path / "crosswalk.xlsx", PAIRS)
    (tmp_path / "docs").mkdir()
    return tmp_path


def test_the_examples_were_found() -> None:
    commands = {example[0] for example in EXAMPLES if example}
    assert {"table", "salary", "wages", "import-oews", "import-bls", "match"} <= commands
    assert len(readme_examples()) >= 20


@pytest.mark.parametrize("example", EXAMPLES, ids=" ".join)
def test_every_example_runs_as_shown(
    workspace: Path,
    example: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    if any("../shared" in word for word in example):
        pytest.skip("rebuilds the bundled wages from the shared file: tests/test_import_oews.py")
    if "all-roles.json" in example and example[0] != "import-bls":  # made by an earlier one
        assert main(["import-bls", "occupation.csv", "--with-bundled", "-o", "all-roles.json"]) == 0
    terminal: Any = None
    if example[0] == "match" and "--no-input" not in example:  # a person answers the rest
        terminal = Terminal(stdin=io.StringIO("1\n" * 10), stdin_is_tty=True, stdout_is_tty=True)
    code = main(example, terminal=terminal)
    err = capsys.readouterr().err
    assert code == 0, (example, err)
    assert "Traceback" not in err
