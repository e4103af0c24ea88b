"""The catalog's validator kept as a file: current, validating as Pydantic does, and
set aside (for Pydantic's own) wherever it is not sound.

Run `CAREERCOMPARE_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_validator_schema.py`
to make the file again after changing the models (tests/conftest.py makes it first).
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic_core import ValidationError

from careercompare.catalog import validator_schema
from careercompare.catalog.models import Catalog
from careercompare.catalog.validation import adapter
from tests.conftest import BUNDLED
from tests.results import MINI

SCHEMA_FILE = validator_schema.SCHEMA_FILE
Outcome = tuple[str, object]


REMAKE = (
    "catalog/models.py or catalog/validation.py changed since validator_schema.json was "
    "made: run CAREERCOMPARE_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_validator_schema.py"
)


def test_the_file_is_made_from_the_models_as_they_are() -> None:
    # CAREERCOMPARE_UPDATE_SNAPSHOTS=1 makes it again first (tests/conftest.py)
    document = json.loads(SCHEMA_FILE.read_bytes())
    assert document["sources"] == validator_schema.sources_digest(), REMAKE
    assert validator_schema.from_file() is not None, "pydantic-core refuses the file"


def from_file() -> validator_schema.CatalogValidator:
    found = validator_schema.from_file()
    assert found is not None, REMAKE
    return found


def test_the_file_holds_the_schema_pydantic_makes() -> None:
    # Pydantic's schema, read back from the file's JSON, is the same schema but for the
    # notes it keeps for its JSON Schema and the run ids in its definitions' names.
    made = adapter(Catalog).core_schema
    encoded = validator_schema._encode(made)
    read_back = validator_schema._decode(json.loads(json.dumps(encoded)))
    assert read_back == without_notes(made)


def without_notes(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            key: validator_schema._RUN_ID.sub("", item)
            if key in ("ref", "schema_ref")
            else without_notes(item)
            for key, item in value.items()
            if key != "metadata"
        }
    if isinstance(value, list):
        return [without_notes(item) for item in value]
    if isinstance(value, tuple):
        return tuple(without_notes(item) for item in value)
    return value


def broken_catalogs() -> Iterator[tuple[str, object]]:
    """Catalogs with one thing wrong each: every kind of problem a catalog can have."""
    base = json.loads(BUNDLED.read_bytes())

    def edited(change: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
        data = copy.deepcopy(base)
        change(data)
        return data

    role, figure = "roles", "salary"
    yield "not an object", []
    yield "empty object", {}
    yield "no roles", edited(lambda d: d.pop("roles"))
    yield "unknown key", edited(lambda d: d[role][1].update(extra=1))
    yield "Python name of $schema", edited(lambda d: d.update(schema_="x"))
    yield "number as text", edited(lambda d: d[role][0][figure][0].update(amount="45000"))
    yield "number too large", edited(lambda d: d[role][0][figure][0].update(amount=10**9))
    yield (
        "low above high",
        edited(lambda d: d[role][0][figure][0].update(amount=None, low=50.0, high=40.0)),
    )
    yield "bad date", edited(lambda d: d["sources"][0].update(date="2024-13-01"))
    yield "bad id", edited(lambda d: d[role][0].update(id="Medical Assistant"))
    yield "empty text", edited(lambda d: d[role][0]["summary"].update(text=""))
    yield "unknown source", edited(lambda d: d[role][0]["summary"].update(source="nowhere"))
    yield "role twice", edited(lambda d: d[role].append(copy.deepcopy(d[role][0])))
    yield "unknown default role", edited(lambda d: d.update(default_roles=["nobody"]))
    yield "strict flag", edited(lambda d: d[role][0][figure][0].update(approximate="yes"))
    yield "bad literal", edited(lambda d: d[role][0][figure][0].update(per="week"))
    yield "tuple given an object", edited(lambda d: d[role][0].update(aliases={"a": 1}))
    yield "bad url", edited(lambda d: d["sources"][0].update(url="javascript:alert(1)"))


def outcome(validate: Callable[[str], Catalog], text: str) -> Outcome:
    try:
        return "valid", validate(text)
    except ValidationError as error:
        return "invalid", [(e["type"], e["loc"], e["msg"]) for e in error.errors()]


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        pytest.param(BUNDLED.read_text(encoding="utf-8"), True, id="bundled"),
        pytest.param(MINI.read_text(encoding="utf-8"), True, id="mini"),
        *(pytest.param(json.dumps(data), False, id=name) for name, data in broken_catalogs()),
    ],
)
def test_the_file_validates_as_pydantic_does(text: str, valid: bool) -> None:
    by_file = outcome(from_file().validate_json, text)
    assert by_file == outcome(adapter(Catalog).validate_json, text)
    assert by_file[0] == ("valid" if valid else "invalid")


def altered(tmp_path: Path, change: Callable[[dict[str, Any]], object]) -> Path:
    document = json.loads(SCHEMA_FILE.read_bytes())
    change(document)
    path = tmp_path / "validator_schema.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_the_file_as_it_is_is_taken(tmp_path: Path) -> None:
    assert validator_schema.from_file(altered(tmp_path, lambda d: None)) is not None


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda d: d.update(sources="0" * 64), id="made from other models"),
        pytest.param(lambda d: d.update(format=2), id="another format"),
        pytest.param(lambda d: d.pop("schema"), id="no schema"),
        pytest.param(lambda d: d.update(schema={"type": "no-such-type"}), id="refused"),
        pytest.param(lambda d: d.update(schema={"$model": "Path"}), id="not a model"),
        pytest.param(lambda d: d.update(schema={"$function": "print"}), id="unknown function"),
        pytest.param(lambda d: d.update(schema={"$builtin": "eval"}), id="unknown builtin"),
    ],
)
def test_a_file_not_sound_is_set_aside(
    tmp_path: Path, change: Callable[[dict[str, Any]], object]
) -> None:
    assert validator_schema.from_file(altered(tmp_path, change)) is None


def test_a_missing_or_damaged_file_is_set_aside(tmp_path: Path) -> None:
    assert validator_schema.from_file(tmp_path / "missing.json") is None
    damaged = tmp_path / "damaged.json"
    damaged.write_bytes(SCHEMA_FILE.read_bytes()[:500])
    assert validator_schema.from_file(damaged) is None
    damaged.write_bytes(b"[1, 2]")
    assert validator_schema.from_file(damaged) is None


def test_without_the_file_pydantic_makes_the_validator(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(validator_schema, "SCHEMA_FILE", tmp_path / "missing.json")
    validator_schema.catalog_validator.cache_clear()
    try:
        validator = validator_schema.catalog_validator()
        assert validator is adapter(Catalog)
        assert (
            validator_schema.validate_json(BUNDLED.read_bytes()).roles[0].name
            == "Medical assistant"
        )
    finally:
        validator_schema.catalog_validator.cache_clear()


def test_with_the_file_pydantic_is_not_needed(tmp_path: Path) -> None:
    # Importing Pydantic and making the validator is most of what validating costs
    # (catalog/validator_schema.py): a run that validates the bundled catalog needs
    # pydantic-core alone.
    code = (
        "import contextlib, io, sys\n"
        "from careercompare.cli.entry import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['table']) == 0\n"
        "print(sorted({m.split('.')[0] for m in sys.modules if m.startswith('pydantic')}))\n"
    )
    env = {**os.environ, "CAREERCOMPARE_NO_CACHE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "['pydantic_core']"
