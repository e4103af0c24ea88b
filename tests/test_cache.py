"""The cache of validated catalogs: faster, never different, and never a way in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careercompare import digest as digest_module
from careercompare.catalog import cache, validator_schema
from careercompare.catalog.index import CatalogIndex
from careercompare.catalog.loader import load_catalog
from careercompare.catalog.models import Catalog
from careercompare.render.plain import render_plain
from careercompare.results.serialize import result_data
from careercompare.sanitize import _scrub, sanitize
from tests.conftest import BUNDLED, ROOT, view_examples
from tests.results import MINI, VIEWS, build


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty, private cache folder of the test's own."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_DIR_ENV_VAR, str(folder))
    return folder


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.catalog"))


def refuse_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("validated although the catalog was cached")

    monkeypatch.setattr(validator_schema, "validate_json", fail)


def count_validations(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    original = validator_schema.validate_json

    def counted(*args: Any, **kwargs: Any) -> Catalog:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(validator_schema, "validate_json", counted)
    return calls


def bundled_key() -> str:
    return cache.cache_key(BUNDLED.read_bytes())


def test_a_catalog_is_validated_once_then_read_from_the_cache(
    own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_catalog(BUNDLED)
    assert len(entries(own_cache)) == 1
    assert (own_cache.stat().st_mode & 0o777) == 0o700
    refuse_validation(monkeypatch)
    second = load_catalog(BUNDLED)
    assert second == first
    assert second is not first


@pytest.mark.parametrize("view", VIEWS)
def test_a_cached_catalog_gives_exactly_the_result_a_validated_one_does(
    own_cache: Path, monkeypatch: pytest.MonkeyPatch, view: str
) -> None:
    monkeypatch.setenv(cache.NO_CACHE_ENV_VAR, "1")
    validated = build(view, CatalogIndex(load_catalog(MINI)))
    monkeypatch.delenv(cache.NO_CACHE_ENV_VAR)
    load_catalog(MINI)  # fills the cache
    refuse_validation(monkeypatch)
    cached = build(view, CatalogIndex(load_catalog(MINI)))
    assert result_data(cached) == result_data(validated)
    assert render_plain(cached.shown_blocks()) == render_plain(validated.shown_blocks())


# One example of each kind of view through the command line; every view's result is
# compared above.
CLI_SAMPLE = list({example[0]: example for example in reversed(view_examples())}.values())


@pytest.mark.parametrize("example", CLI_SAMPLE, ids=" ".join)
def test_a_cached_catalog_prints_exactly_what_a_validated_one_does(
    run: Any, own_cache: Path, monkeypatch: pytest.MonkeyPatch, example: list[str]
) -> None:
    monkeypatch.setenv(cache.NO_CACHE_ENV_VAR, "1")
    validated = run(*example)
    monkeypatch.delenv(cache.NO_CACHE_ENV_VAR)
    run("validate")  # fills the cache
    refuse_validation(monkeypatch)
    cached = run(*example)
    assert (cached.exit_code, cached.stdout, cached.stderr) == (
        validated.exit_code,
        validated.stdout,
        validated.stderr,
    )


def test_an_edited_catalog_is_validated_again(
    own_cache: Path, write_catalog: Any, catalog_data: dict[str, Any]
) -> None:
    path = write_catalog(catalog_data)
    load_catalog(path)
    catalog_data["roles"][0]["name"] = "Renamed assistant"
    path = write_catalog(catalog_data)
    assert load_catalog(path).roles[0].name == "Renamed assistant"
    assert len(entries(own_cache)) == 2


def test_the_key_covers_the_bytes_and_the_cache_format(monkeypatch: pytest.MonkeyPatch) -> None:
    key = cache.cache_key(b"{}")
    assert key != cache.cache_key(b"{ }")
    monkeypatch.setattr(cache, "CACHE_FORMAT", cache.CACHE_FORMAT + 1)
    assert cache.cache_key(b"{}") != key


@pytest.mark.parametrize("offset", [0, 30, 100, 140, 500, -1])
def test_a_damaged_entry_is_a_miss(
    own_cache: Path, monkeypatch: pytest.MonkeyPatch, offset: int
) -> None:
    load_catalog(BUNDLED)
    (entry,) = entries(own_cache)
    data = bytearray(entry.read_bytes())
    data[offset] ^= 0x01
    entry.write_bytes(bytes(data))
    assert cache.load(bundled_key()) is None
    calls = count_validations(monkeypatch)
    assert load_catalog(BUNDLED).roles[0].name == "Medical assistant"
    assert calls == [1]


def test_an_entry_renamed_onto_another_key_is_not_used(
    own_cache: Path, write_catalog: Any, catalog_data: dict[str, Any]
) -> None:
    catalog_data["roles"][0]["name"] = "Medical assistant (ATTACKER DATA)"
    fake = write_catalog(catalog_data, "fake.json")
    load_catalog(fake)
    (entry,) = entries(own_cache)
    entry.rename(own_cache / f"{bundled_key()}.catalog")
    assert cache.load(bundled_key()) is None
    assert load_catalog(BUNDLED).roles[0].name == "Medical assistant"


def test_an_entry_that_unpickles_to_something_else_is_not_used(own_cache: Path) -> None:
    import hashlib
    import pickle

    key = bundled_key()
    payload = pickle.dumps({"not": "a catalog"})
    own_cache.mkdir(mode=0o700)
    header = cache.MAGIC + key.encode() + hashlib.sha256(payload).hexdigest().encode()
    (own_cache / f"{key}.catalog").write_bytes(header + payload)
    assert cache.load(key) is None


@pytest.mark.parametrize("mode", [0o770, 0o707, 0o755, 0o777, 0o1777, 0o750])
def test_a_folder_others_may_use_turns_the_cache_off(
    own_cache: Path, monkeypatch: pytest.MonkeyPatch, mode: int
) -> None:
    load_catalog(BUNDLED)
    own_cache.chmod(mode)
    assert cache.load(bundled_key()) is None  # a planted entry there is never read
    (entry,) = entries(own_cache)
    entry.unlink()
    load_catalog(BUNDLED)
    assert entries(own_cache) == []  # and nothing is written there


def test_a_folder_that_is_a_link_turns_the_cache_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    link = tmp_path / "link"
    link.symlink_to(real)
    monkeypatch.setenv(cache.CACHE_DIR_ENV_VAR, str(link))
    load_catalog(BUNDLED)
    assert entries(real) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a folder to another user")
def test_a_folder_of_another_user_turns_the_cache_off(own_cache: Path) -> None:
    load_catalog(BUNDLED)
    os.chown(own_cache, 65534, 65534)
    assert cache.load(bundled_key()) is None


@pytest.mark.parametrize("mode", [0o620, 0o602, 0o666])
def test_an_entry_others_may_write_is_not_read(own_cache: Path, mode: int) -> None:
    load_catalog(BUNDLED)
    (entry,) = entries(own_cache)
    entry.chmod(mode)
    assert cache.load(bundled_key()) is None


def test_a_link_in_the_cache_is_not_followed(own_cache: Path, tmp_path: Path) -> None:
    load_catalog(BUNDLED)
    (entry,) = entries(own_cache)
    elsewhere = tmp_path / "elsewhere.catalog"
    entry.rename(elsewhere)
    entry.symlink_to(elsewhere)
    assert cache.load(bundled_key()) is None


def test_a_fifo_at_an_entry_is_a_miss_and_does_not_block(own_cache: Path) -> None:
    own_cache.mkdir(mode=0o700)
    os.mkfifo(own_cache / f"{bundled_key()}.catalog", 0o600)
    started = time.monotonic()
    assert load_catalog(BUNDLED).roles
    assert time.monotonic() - started < 5


def test_no_cache_means_nothing_is_written(
    own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.NO_CACHE_ENV_VAR, "1")
    load_catalog(BUNDLED)
    assert not own_cache.exists()


def test_an_unwritable_cache_does_not_stop_a_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Any
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(cache.CACHE_DIR_ENV_VAR, str(blocker / "cache"))
    result = run("table")
    assert result.exit_code == 0, result.stderr


def test_a_full_disk_leaves_no_temporary_file(
    own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*args: object, **kwargs: object) -> bytes:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache.pickle, "dumps", disk_full)
    load_catalog(BUNDLED)
    assert list(own_cache.iterdir()) == []


def test_the_cache_lives_in_the_users_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(cache.CACHE_DIR_ENV_VAR)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    load_catalog(BUNDLED)
    assert entries(tmp_path / "xdg" / "careercompare")


def plant(folder: Path, count: int, *, mtime: float | None = None) -> list[Path]:
    folder.mkdir(mode=0o700, exist_ok=True)
    planted = []
    for n in range(count):
        path = folder / f"{n:064x}.catalog"
        path.write_bytes(b"old")
        if mtime is not None:
            os.utime(path, (mtime, mtime))
        planted.append(path)
    return planted


def test_old_entries_beyond_the_limit_are_dropped(own_cache: Path) -> None:
    plant(own_cache, cache.KEPT_ENTRIES + 3, mtime=time.time() - 100)
    load_catalog(BUNDLED)
    assert len(entries(own_cache)) == cache.KEPT_ENTRIES
    assert (own_cache / f"{bundled_key()}.catalog").exists()


def test_entries_dated_in_the_future_do_not_push_out_new_ones(
    own_cache: Path, write_catalog: Any, catalog_data: dict[str, Any]
) -> None:
    plant(own_cache, cache.KEPT_ENTRIES, mtime=4_102_444_800)  # 2100-01-01
    load_catalog(BUNDLED)
    catalog_data["roles"][0]["name"] = "Another assistant"
    load_catalog(write_catalog(catalog_data))
    kept = {path.name for path in entries(own_cache)}
    assert f"{bundled_key()}.catalog" in kept
    assert len(kept) == cache.KEPT_ENTRIES


def test_pruning_touches_only_its_own_files_and_never_follows_links(
    own_cache: Path, tmp_path: Path
) -> None:
    victim = tmp_path / "victim"
    victim.mkdir()
    precious = plant(victim, 3)
    plant(own_cache, cache.KEPT_ENTRIES + 2, mtime=time.time() - 100)
    (own_cache / "notes.txt").write_text("mine")
    (own_cache / f"{'f' * 64}.catalog").symlink_to(precious[0])
    (own_cache / "folder-link").symlink_to(victim)
    load_catalog(BUNDLED)
    assert all(path.exists() for path in precious)
    assert (own_cache / "notes.txt").exists()
    assert (own_cache / f"{'f' * 64}.catalog").is_symlink()


def test_temporary_files_of_killed_runs_are_removed_once_stale(own_cache: Path) -> None:
    own_cache.mkdir(mode=0o700)
    stale = own_cache / f".{'a' * 64}.123.tmp"
    fresh = own_cache / f".{'b' * 64}.456.tmp"
    for path in (stale, fresh):
        path.write_bytes(b"half")
    old = time.time() - 2 * cache.STALE_TEMPORARY_SECONDS
    os.utime(stale, (old, old))
    load_catalog(BUNDLED)
    assert not stale.exists()
    assert fresh.exists()


def test_the_cache_reads_no_source_files_and_works_installed_as_compiled_files(
    tmp_path: Path,
) -> None:
    """As app bundlers ship it: `compileall -b`, then every .py removed."""
    import shutil

    package = tmp_path / "site" / "careercompare"
    shutil.copytree(ROOT / "src" / "careercompare", package)
    shutil.copytree(ROOT / "data", package / "data")
    subprocess.run([sys.executable, "-m", "compileall", "-b", "-q", str(package)], check=True)
    for source in package.rglob("*.py"):
        source.unlink()
    for cached in package.rglob("__pycache__"):
        shutil.rmtree(cached)
    env = {
        **os.environ,
        "PYTHONPATH": str(package.parent),
        cache.CACHE_DIR_ENV_VAR: str(tmp_path / "cache"),
    }
    for _ in range(2):  # a miss, then a hit
        done = subprocess.run(
            [sys.executable, "-m", "careercompare", "table", "--format", "plain"],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
        )
        assert done.returncode == 0, done.stderr
        assert "Medical assistant" in done.stdout
    assert entries(tmp_path / "cache")


TRICKY_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(),
        st.sampled_from(" \t\n\r\x1b[]0;\x07\x9b\x9d\u200b\u200e\u202e\u2066\u2028 abc"),
    )
)


@given(TRICKY_TEXT)
def test_the_quick_path_of_sanitize_changes_nothing(text: str) -> None:
    assert sanitize(text) == _scrub(text)


def test_large_and_small_inputs_get_the_same_sha256() -> None:
    import hashlib

    small, large = b"x" * 100, b"y" * (digest_module.LARGE_INPUT + 1)
    for data in (small, large):
        digest = digest_module.sha256(len(data))
        digest.update(data)
        assert digest.hexdigest() == hashlib.sha256(data).hexdigest()


def test_a_run_of_its_own_leaves_openssl_unloaded_on_the_bundled_catalog(
    own_cache: Path,
) -> None:
    # validating imports Pydantic, which imports asyncio, which would import ssl
    code = (
        "import os, sys; sys.argv = ['careercompare', 'table']; "
        "from careercompare.cli.entry import main; code = main(); "
        "maps = open('/proc/self/maps').read() if os.path.exists('/proc/self/maps') else ''; "
        "print(code, [m for m in ('_hashlib', '_ssl') if sys.modules.get(m) is not None], "
        "[lib for lib in ('libssl', 'libcrypto') if lib in maps], file=sys.stderr)"
    )
    for _ in range(2):  # validated, then read from the cache
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert done.stderr.splitlines()[-1] == "0 [] []"
        assert "Medical assistant" in done.stdout


def test_a_large_catalog_is_keyed_with_openssl_and_read_back(
    own_cache: Path, tmp_path: Path
) -> None:
    big = tmp_path / "big.json"
    text = BUNDLED.read_text(encoding="utf-8")
    big.write_text(
        text.replace('"$schema"', '"$schema"' + " " * (digest_module.LARGE_INPUT + 1), 1)
    )
    code = (
        "import sys; sys.argv = ['careercompare', '--data', sys.argv[1], 'roles']; "
        "from careercompare.cli.entry import main; code = main(); "
        "print(code, sys.modules.get('_hashlib') is not None, file=sys.stderr)"
    )
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", code, str(big)], capture_output=True, text=True
        )
        assert done.stderr.splitlines()[-1] == "0 True"
    assert len(entries(own_cache)) == 1


def test_equal_shared_values_are_one_object_also_when_read_back(
    own_cache: Path, tmp_path: Path
) -> None:
    data = json.loads(BUNDLED.read_text(encoding="utf-8"))
    first, second = data["roles"][0], data["roles"][1]
    second["summary"] = dict(first["summary"])
    path = tmp_path / "roles.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    for _ in range(2):  # validated, then unpickled from the cache
        catalog = load_catalog(path)
        assert catalog.roles[0].summary is catalog.roles[1].summary
        assert catalog.roles[0] is not catalog.roles[1]
    assert len(entries(own_cache)) == 1


@pytest.mark.slow
def test_no_view_imports_pydantic_once_the_catalog_is_cached(own_cache: Path) -> None:
    # Pydantic is most of the time a run takes to start (benchmarks/startup.py): the
    # models are dataclasses, and only validating a catalog needs it.
    subprocess.run(
        [sys.executable, "-m", "careercompare", "validate"], check=True, capture_output=True
    )
    code = (
        "import contextlib, io, json, sys\n"
        "from careercompare.cli.entry import main\n"
        "for example in json.loads(sys.argv[1]):\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        "        assert main(example) == 0, example\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0].startswith('pydantic')))\n"
    )
    examples = [e for e in view_examples() if e[0] != "match" or "--no-input" in e]
    done = subprocess.run(
        [sys.executable, "-c", code, json.dumps(examples)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"


# The models' schema each CACHE_FORMAT was set for: a change to the models changes the
# schema, and an entry pickled by the older models could be read back without a field
# the views then ask for (an AttributeError in every view). Bump CACHE_FORMAT with it.
SCHEMA_OF_FORMAT = {11: "2ae7c4cc9dbf944a846ad5648a39d676d70847744a244aa19ae2abbbadcb65d3"}


def test_a_change_to_the_models_comes_with_a_new_cache_format() -> None:
    import hashlib

    schema = (ROOT / "data" / "roles.schema.json").read_bytes()
    assert SCHEMA_OF_FORMAT.get(cache.CACHE_FORMAT) == hashlib.sha256(schema).hexdigest(), (
        "the catalog models changed: bump CACHE_FORMAT in catalog/cache.py and pin the new "
        "schema's SHA-256 here"
    )
