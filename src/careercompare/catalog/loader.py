"""Turns a catalog file into a validated Catalog, or raises CatalogError."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from careercompare import bundled
from careercompare.bundled import bundled_data_path
from careercompare.errors import CatalogError, UsageError
from careercompare.sanitize import sanitize

if TYPE_CHECKING:
    from pydantic_core import ValidationError

    from careercompare.catalog.models import Catalog

MAX_CATALOG_BYTES = 64 * 1024 * 1024
MAX_PROBLEMS_SHOWN = 50
DATA_ENV_VAR = "CAREERCOMPARE_DATA"


def bundled_catalog_path() -> Path:
    """The catalog shipped with careercompare."""
    return bundled_data_path(bundled.CATALOG)


def active_catalog_path(option: str | None) -> Path:
    """The catalog to use: --data wins over CAREERCOMPARE_DATA, which wins over the bundled one."""
    if option == "":
        raise UsageError("--data is empty; give the path of a catalog, or leave --data out")
    from_env = os.environ.get(DATA_ENV_VAR)
    if option is None and from_env == "":
        raise UsageError(f"{DATA_ENV_VAR} is empty; give the path of a catalog, or unset it")
    chosen = option or from_env
    return Path(chosen) if chosen else bundled_catalog_path()


def load_catalog(path: Path) -> Catalog:
    """Read and validate the catalog at path; every failure is a CatalogError.

    A catalog validated before comes from the cache (`catalog.cache`). The bytes are
    let go before a cached catalog is read, so a large one is not in memory twice.
    """
    from careercompare.catalog import cache

    key = cache.cache_key(read_catalog_bytes(path))
    catalog = cache.load(key)
    if catalog is None:
        data = read_catalog_bytes(path)
        key = cache.cache_key(data)  # of the bytes validated, should the file have changed
        catalog = validate_catalog(data, name=str(path))
        cache.store(key, catalog)
    return catalog


CATALOG_HINT = (
    f"give the path of a catalog with --data or {DATA_ENV_VAR}, "
    "or leave both unset for the bundled one"
)


def read_catalog_bytes(path: Path, *, hint: str = CATALOG_HINT) -> bytes:
    """The file's bytes, refusing what is not a regular, readable, reasonably sized file;
    `hint` says what to give instead of a missing file."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise CatalogError(f"{path}: no such file; {hint}") from None
    except OSError as error:
        raise CatalogError(f"{path}: cannot be read ({error.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise CatalogError(f"{path}: is a directory; give the path of a catalog file (roles.json)")
    if not stat.S_ISREG(info.st_mode):
        raise CatalogError(f"{path}: is not a regular file; give the path of a catalog file")
    if info.st_size > MAX_CATALOG_BYTES:
        raise CatalogError(
            f"{path}: is {info.st_size:,} bytes, over the {MAX_CATALOG_BYTES:,}-byte limit "
            "for a catalog"
        )
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            return handle.read(MAX_CATALOG_BYTES + 1)
    except OSError as error:
        raise CatalogError(f"{path}: cannot be read ({error.strerror})") from None


def validate_catalog(data: bytes, *, name: str) -> Catalog:
    """Validate catalog bytes (UTF-8, with or without a byte-order mark)."""
    from pydantic_core import ValidationError

    from careercompare.catalog import validator_schema

    if len(data) > MAX_CATALOG_BYTES:
        raise CatalogError(f"{name}: is over the {MAX_CATALOG_BYTES:,}-byte limit for a catalog")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CatalogError(
            f"{name}: is not UTF-8 text (byte 0x{data[error.start]:02x} at offset "
            f"{error.start}); save it as UTF-8"
        ) from None
    if not text.strip():
        raise CatalogError(
            f"{name}: is empty; a catalog is a JSON object (see 'careercompare schema')"
        )
    twice = duplicate_key(text)
    if twice is not None:
        raise CatalogError(
            f"{name}: not a valid catalog (1 problem); fix it and run "
            f"'careercompare validate {name}'",
            details=(twice,),
        )
    try:
        return validator_schema.validate_json(text)
    except ValidationError as error:
        problems = list(describe_validation_error(error))
        shown = problems[:MAX_PROBLEMS_SHOWN]
        if len(problems) > len(shown):
            shown.append(f"... and {len(problems) - len(shown)} more problems")
        count = "1 problem" if len(problems) == 1 else f"{len(problems)} problems"
        raise CatalogError(
            f"{name}: not a valid catalog ({count}); fix it and run "
            f"'careercompare validate {name}'",
            details=tuple(shown),
        ) from None
    except RecursionError:
        raise CatalogError(f"{name}: is nested too deeply to be a catalog") from None


class _Pairs(list[tuple[str, object]]):
    """A JSON object as the decoder read it: its pairs in order, repeats kept."""


def duplicate_key(text: str) -> str | None:
    """'roles[0]: key 'name' is given twice' for the first repeated key, or None.

    JSON parsers keep the last of two equal keys without a word; a catalog must not.
    """
    import json  # only a catalog that is validated, not one read from the cache, needs it

    try:
        tree = json.loads(text, object_pairs_hook=_Pairs)
    except (ValueError, RecursionError):
        return None  # the validator reports what is wrong with the JSON itself
    return _first_repeat(tree, ())


def _first_repeat(node: object, where: tuple[int | str, ...]) -> str | None:
    if isinstance(node, _Pairs):
        seen: set[str] = set()
        for key, value in node:
            if key in seen:
                return f"{format_location(where) or '(top level)'}: key '{key}' is given twice"
            seen.add(key)
            found = _first_repeat(value, (*where, key))
            if found:
                return found
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found = _first_repeat(item, (*where, index))
            if found:
                return found
    return None


def describe_validation_error(error: ValidationError) -> Iterator[str]:
    """One 'location: what is wrong' line per problem, without documentation links."""
    for item in error.errors(include_url=False):
        location = format_location(item["loc"])
        kind = item["type"]
        message = item["msg"]
        if kind == "json_invalid":
            yield f"invalid JSON: {item.get('ctx', {}).get('error', message)}"
            continue
        if kind in ("extra_forbidden", "unexpected_keyword_argument"):
            message = "unknown key (not in the schema)"
        elif kind in ("missing", "missing_keyword_only_argument"):
            message = "required key is missing"
        elif kind == "value_error":
            message = message.removeprefix("Value error, ")
        elif isinstance(item.get("input"), (str, int, float, bool)) or item.get("input") is None:
            message = f"{message} (got {_short_repr(item.get('input'))})"
        if not location and kind != "value_error":
            location = "(top level)"
        for line in message.splitlines():
            yield sanitize(f"{location}: {line}" if location else line)


def format_location(loc: tuple[int | str, ...]) -> str:
    """('roles', 1, 'salary', 0) -> 'roles[1].salary[0]'."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def _short_repr(value: object) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."
