"""The cache of validated catalogs: faster, and never different, never in the way."""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careercompare import cache
from careercompare.inert import _scrub, inert
from careercompare.loader import load_catalog
from careercompare.models import Catalog, json_data
from tests.conftest import BUNDLED


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache directory of the test's own."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_DIR_ENV_VAR, str(folder))
    return folder


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.catalog.pickle"))


def refuse_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("validated although the catalog was cached")

    monkeypatch.setattr(Catalog, "model_validate_json", fail)


def test_a_catalog_is_validated_once_then_read_from_the_cache(
    own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_catalog(BUNDLED)
    assert len(entries(own_cache)) == 1
    refuse_validation(monkeypatch)
    second = load_catalog(BUNDLED)
    assert second == first
    assert second is not first


@pytest.mark.parametrize(
    "view",
    [
        ["table"],
        ["salary", "--hourly"],
        ["outlook"],
        ["faq"],
        ["show", "ma"],
        ["paths", "ma"],
        ["roles"],
    ],
)
def test_a_cached_catalog_prints_exactly_what_a_validated_one_does(
    run: Any, own_cache: Path, monkeypatch: pytest.MonkeyPatch, view: list[str]
) -> None:
    formats = ("rich", "json")
    monkeypatch.setenv(cache.NO_CACHE_ENV_VAR, "1")
    validated = {fmt: run(*view, "--format", fmt) for fmt in formats}
    monkeypatch.delenv(cache.NO_CACHE_ENV_VAR)
    assert run(*view).exit_code == 0
    assert entries(own_cache), "a run stores the catalog"
    refuse_validation(monkeypatch)
    for fmt in formats:
        cached = run(*view, "--format", fmt)
        assert validated[fmt].exit_code == cached.exit_code == 0
        assert cached.stdout == validated[fmt].stdout


def test_an_edited_catalog_is_validated_again(
    write_catalog: Any, catalog_data: dict[str, Any], own_cache: Path, run: Any
) -> None:
    path = write_catalog(catalog_data)
    assert run("--data", str(path), "table").exit_code == 0
    catalog_data["roles"][0]["salary"][0]["low"] = 10**12
    path.write_text(json.dumps(catalog_data), encoding="utf-8")
    result = run("--data", str(path), "table")
    assert result.exit_code == 1
    assert "roles[0].salary[0].low" in result.stderr
    assert len(entries(own_cache)) == 1, "an invalid catalog is not stored"


def test_the_key_covers_the_bytes_and_the_code_that_reads_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = BUNDLED.read_bytes()
    key = cache.cache_key(data)
    assert cache.cache_key(bytes(data)) == key
    assert cache.cache_key(data + b" ") != key
    monkeypatch.setattr(cache, "_READING_MODULES", ("models.py",))
    assert cache.cache_key(data) != key, "the code of the reading modules is part of the key"
    monkeypatch.undo()
    monkeypatch.setattr(cache, "__version__", "0.0.0")
    assert cache.cache_key(data) != key


def test_a_corrupt_entry_is_a_miss_and_is_replaced(
    own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = load_catalog(BUNDLED)
    (entry,) = entries(own_cache)
    entry.write_bytes(b"not a pickle")
    assert load_catalog(BUNDLED) == expected
    refuse_validation(monkeypatch)
    assert load_catalog(BUNDLED) == expected


def test_an_entry_others_may_write_is_not_read(
    own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_catalog(BUNDLED)
    (entry,) = entries(own_cache)
    entry.chmod(0o666)
    key = entry.name.split(".")[0]
    assert cache.load(key) is None
    entry.chmod(0o600)
    assert cache.load(key) is not None


def test_an_entry_holding_something_else_is_not_used(own_cache: Path) -> None:
    own_cache.mkdir()
    entry = own_cache / ("0" * 64 + ".catalog.pickle")
    entry.write_bytes(b"\x80\x05K\x01.")  # the pickled number 1
    entry.chmod(0o600)
    assert cache.load("0" * 64) is None


def test_no_cache_means_nothing_is_written(
    own_cache: Path, monkeypatch: pytest.MonkeyPatch, run: Any
) -> None:
    monkeypatch.setenv(cache.NO_CACHE_ENV_VAR, "1")
    assert run("table").exit_code == 0
    assert not own_cache.exists()


def test_an_unwritable_cache_does_not_stop_a_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Any
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv(cache.CACHE_DIR_ENV_VAR, str(blocker / "cache"))
    result = run("table")
    assert result.exit_code == 0
    assert result.stderr == ""


def test_the_cache_lives_in_the_users_cache_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(cache.CACHE_DIR_ENV_VAR)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "careercompare"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")
    assert cache.cache_dir() is None
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / ".cache" / "careercompare"


def test_old_entries_beyond_the_limit_are_dropped(own_cache: Path) -> None:
    catalog = load_catalog(BUNDLED)
    for number in range(cache.KEPT_ENTRIES + 3):
        cache.store(f"{number:064x}", catalog)
        os.utime(own_cache / f"{number:064x}.catalog.pickle", (number, number + 10**9))
    kept = entries(own_cache)
    assert len(kept) == cache.KEPT_ENTRIES
    assert own_cache / f"{cache.KEPT_ENTRIES + 2:064x}.catalog.pickle" in kept
    assert own_cache / f"{0:064x}.catalog.pickle" not in kept


def test_cached_models_share_their_field_sets_and_stay_frozen(own_cache: Path) -> None:
    validated = load_catalog(BUNDLED)
    cached = load_catalog(BUNDLED)
    by_fields: dict[frozenset[str], list[Any]] = {}
    for model in every_model(cached):
        by_fields.setdefault(frozenset(model.model_fields_set), []).append(model)
    shared = [models for models in by_fields.values() if len(models) > 1]
    assert shared, "the bundled catalog has models given the same fields"
    for models in shared:
        assert all(m.model_fields_set is models[0].model_fields_set for m in models)
    distinct_objects = {id(model.model_fields_set) for model in every_model(cached)}
    assert len(distinct_objects) == len(by_fields) < len([*every_model(validated)])
    with pytest.raises(ValueError, match="frozen"):
        cached.sources[0].title = "changed"  # type: ignore[misc]
    assert cached.model_dump(mode="json", by_alias=True, exclude_unset=True) == json.loads(
        BUNDLED.read_text(encoding="utf-8")
    )


def test_reading_leaves_the_collector_as_it_was(own_cache: Path) -> None:
    assert gc.isenabled()
    load_catalog(BUNDLED)
    load_catalog(BUNDLED)
    assert gc.isenabled()
    gc.disable()
    try:
        load_catalog(BUNDLED)
        assert not gc.isenabled()
    finally:
        gc.enable()


def every_model(value: object) -> Iterator[Any]:
    from pydantic import BaseModel

    if isinstance(value, BaseModel):
        yield value
        for name in type(value).model_fields:
            yield from every_model(getattr(value, name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from every_model(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from every_model(item)


def test_json_data_is_what_pydantic_writes_for_every_model(
    write_catalog: Any, catalog_data: dict[str, Any]
) -> None:
    catalog_data["roles"][0]["salary"][0]["approximate"] = True
    catalog = load_catalog(write_catalog(catalog_data))
    models = [model for model in every_model(catalog) if not isinstance(model, Catalog)]
    assert len(models) > 200
    for model in models:
        assert json_data(model) == model.model_dump(mode="json"), type(model).__name__


TRICKY_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(),
        st.sampled_from(" \t\n\r\x1b[]0;\x07\x9b\x9d\u200e\u202e\u2066 abc"),
    )
)


@given(TRICKY_TEXT)
def test_the_quick_path_of_inert_changes_nothing(text: str) -> None:
    assert inert(text) == _scrub(text)


def test_a_link_in_the_cache_is_not_followed(own_cache: Path, tmp_path: Path) -> None:
    load_catalog(BUNDLED)
    (entry,) = entries(own_cache)
    elsewhere = tmp_path / "elsewhere.pickle"
    entry.rename(elsewhere)
    entry.symlink_to(elsewhere)
    assert cache.load(entry.name.split(".")[0]) is None


def test_equal_plain_models_are_read_back_as_one(
    own_cache: Path, write_catalog: Any, catalog_data: dict[str, Any]
) -> None:
    source = catalog_data["sources"][0]["id"]
    requirement = {"kind": "entry-education", "text": "High school", "source": source}
    catalog_data["roles"] += [
        {"id": f"twin-{n}", "name": f"Twin {n}", "requirements": [dict(requirement)]}
        for n in range(3)
    ]
    path = write_catalog(catalog_data)
    validated = load_catalog(path)
    cached = load_catalog(path)
    assert cached == validated
    twins = cached.roles[-3:]
    assert twins[0].requirements[0] is twins[1].requirements[0] is twins[2].requirements[0]
    assert twins[0] is not twins[1], "models holding lists are never merged"
    assert twins[0].requirements is not twins[1].requirements
