"""Shared test set-up: a fixed terminal, the bundled catalog, and a way to run the CLI."""

from __future__ import annotations

import json
import os
import shlex
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import typer
from hypothesis import settings

from careercompare.catalog.index import CatalogIndex
from careercompare.cli.app import app
from careercompare.cli.entry import main

ROOT = Path(__file__).resolve().parent.parent
PROPERTY_EXAMPLES = 200
_GROUP = typer.main.get_command(app)
_SUBCOMMANDS: dict[str, Any] = getattr(_GROUP, "commands", {})
# Every command the tool has, read from the app so that a new one is tested too.
COMMANDS: list[str] = sorted(_SUBCOMMANDS)
# The commands that show a view (they have the output options).
VIEW_COMMANDS: list[str] = sorted(
    name
    for name, command in _SUBCOMMANDS.items()
    if any(param.name == "output_format" for param in command.params)
)


def help_examples() -> list[list[str]]:
    """Every example line of the main help and each command's help, as arguments."""
    texts = [_GROUP.help or "", *(command.help or "" for command in _SUBCOMMANDS.values())]
    examples = []
    for text in texts:
        for line in text.replace("\\\n", " ").splitlines():
            if line.strip().startswith("careercompare "):
                words = shlex.split(line.strip())[1:]
                examples.append(words[: words.index(">")] if ">" in words else words)
    return examples


def view_examples() -> list[list[str]]:
    """The help examples of the view commands that need no file of their own."""
    return [
        example
        for example in help_examples()
        if example[0] in VIEW_COMMANDS and not any("." in word for word in example)
    ]


settings.register_profile("careercompare", max_examples=PROPERTY_EXAMPLES, deadline=None)
settings.load_profile("careercompare")
BUNDLED = ROOT / "data" / "roles.json"


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


def pytest_configure(config: pytest.Config) -> None:
    """In update mode (CAREERCOMPARE_UPDATE_SNAPSHOTS=1), make the catalog's validator
    file again before any test reads it: in every process, each writing it whole."""
    if os.environ.get("CAREERCOMPARE_UPDATE_SNAPSHOTS") == "1":
        from careercompare.catalog import validator_schema
        from careercompare.output_file import write_atomically

        text = validator_schema.document_text()
        write_atomically(validator_schema.SCHEMA_FILE, text, force=True)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests first, the others in their order: pytest-xdist hands each worker its
    first tests at the start, so the slow ones run side by side rather than one of them
    last, on one worker, while the other waits."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The tests' own catalog cache, shared by the session as a user's would be by runs."""
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CAREERCOMPARE_CACHE_DIR", str(folder))
        patch.delenv("CAREERCOMPARE_NO_CACHE", raising=False)
        yield folder


@pytest.fixture(autouse=True)
def fixed_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every test sees an 80-column, colourless, non-interactive terminal, and a data
    folder of its own (so only the bundled wages, until a test imports some)."""
    for name in (
        "CAREERCOMPARE_DATA",
        "CAREERCOMPARE_AREA",
        "NO_COLOR",
        "FORCE_COLOR",
        "CAREERCOMPARE_DEBUG",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CAREERCOMPARE_DATA_DIR", str(tmp_path / "user-data"))
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LINES", "50")
    monkeypatch.setenv("TERM", "xterm-256color")


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Run careercompare in-process and capture what it prints."""

    def invoke(*args: str) -> Result:
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return invoke


@pytest.fixture
def catalog_data() -> dict[str, Any]:
    """A fresh copy of the bundled catalog as plain JSON data, to break in tests."""
    data: dict[str, Any] = json.loads(BUNDLED.read_text(encoding="utf-8"))
    return data


@pytest.fixture
def write_catalog(tmp_path: Path) -> Callable[[Any], Path]:
    """Write JSON data (or raw text/bytes) to a catalog file and return its path."""

    def write(content: Any, name: str = "roles.json") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_text(json.dumps(content), encoding="utf-8")
        return path

    return write


def bundled_index() -> CatalogIndex:
    """The bundled catalog with every occupation of the bundled tables, as a run sees it."""
    from careercompare.catalog.loader import bundled_catalog_path, load_catalog
    from careercompare.occupations.datasets import bundled_occupations
    from careercompare.occupations.roles import OccupationRoles
    from careercompare.wages.datasets import bundled_wages

    tables = OccupationRoles(bundled_occupations(), bundled_wages)
    return CatalogIndex(load_catalog(bundled_catalog_path()), tables)


@pytest.fixture
def index() -> CatalogIndex:
    return bundled_index()
