"""Property tests: whatever bytes, JSON or arguments come in, careercompare answers cleanly.

The number of generated cases per property is set by the hypothesis profile in
conftest.py (PROPERTY_EXAMPLES); the README's Reliability section quotes it.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careercompare.catalog.loader import validate_catalog
from careercompare.catalog.models import Catalog
from careercompare.errors import CatalogError
from tests.conftest import BUNDLED, COMMANDS

BUNDLED_DATA: dict[str, Any] = json.loads(BUNDLED.read_text(encoding="utf-8"))

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*prefix, index))


PATHS = [path for path in _paths(BUNDLED_DATA) if path]


@st.composite
def near_valid_catalogs(draw: st.DrawFn) -> Any:
    """The bundled catalog with one to three parts deleted, replaced or duplicated."""
    data = copy.deepcopy(BUNDLED_DATA)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(PATHS))
        parent: Any = data
        try:
            for key in path[:-1]:
                parent = parent[key]
            last = path[-1]
            action = draw(st.sampled_from(["delete", "replace", "duplicate"]))
            if action == "delete":
                del parent[last]
            elif action == "replace":
                parent[last] = draw(json_values)
            elif isinstance(parent, list):
                parent.append(copy.deepcopy(parent[last]))
            else:
                parent[f"{last}-copy"] = copy.deepcopy(parent[last])
        except (KeyError, IndexError, TypeError):
            continue
    return data


def _loads_or_refuses(data: bytes) -> None:
    try:
        catalog = validate_catalog(data, name="fuzz.json")
    except CatalogError as error:
        assert error.message.startswith("fuzz.json: ")
        assert all(isinstance(line, str) and "\n" not in line for line in error.details)
    else:
        assert isinstance(catalog, Catalog)


@given(st.binary(max_size=2000))
def test_loader_answers_any_bytes(data: bytes) -> None:
    _loads_or_refuses(data)


@given(json_values)
def test_loader_answers_any_json(value: Any) -> None:
    _loads_or_refuses(json.dumps(value).encode())


@pytest.mark.slow
@given(near_valid_catalogs())
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
def test_loader_answers_near_valid_catalogs(data: Any) -> None:
    _loads_or_refuses(json.dumps(data).encode())


OPTIONS = [
    "--format",
    "-f",
    "--json",
    "--hourly",
    "--search",
    "-s",
    "--data",
    "--help",
    "-h",
    "--answer",
    "--no-input",
    "--output",
    "--force",
    "--version",
]
WORDS = [
    "ma",
    "moa",
    "rn",
    "Medical Assistant",
    "nurse",
    "plain",
    "markdown",
    "csv",
    "json",
    "patient-care=yes",
    "out.md",
    "out.html",
]
JUNK = st.text(max_size=12).filter(lambda t: not t.startswith("--install") and "\x00" not in t)
TOKENS = st.sampled_from(COMMANDS + OPTIONS + WORDS) | JUNK


@pytest.fixture
def quiet_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.slow
@given(st.lists(TOKENS, max_size=6))
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_cli_answers_any_arguments(run: Any, quiet_cwd: Path, args: list[str]) -> None:
    if "--show-completion" in args or "--install-completion" in args:
        return
    result = run(*args)
    assert result.exit_code in (0, 1, 2), (args, result.stderr)
    assert "Traceback" not in result.stderr
    if result.exit_code:
        assert result.stdout == "", args
        assert result.stderr.startswith("careercompare: error: ")
