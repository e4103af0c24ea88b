"""The catalog's validator, kept as a file: the core schema Pydantic makes of the models.

Making the validator with Pydantic imports most of Pydantic and reads every field of
every model: about 95 ms of a run that validates a catalog. pydantic-core builds the
same validator from this file in about 2 ms, after its own import (about 20 ms):
`benchmarks/startup.py` with the cache off went from 1.38 to 1.73 x floor to 0.87 to
1.23. Only a catalog that is not in the cache yet is validated (`catalog.cache`).

`validator_schema.json` holds the schema as JSON. The few values JSON has no word for
are one-key objects: `{"$tuple": [...]}`, `{"$model": "Role"}` (a class of
`catalog.models`), `{"$builtin": "dict"}` (a default factory) and
`{"$function": "checked"}` (`catalog.models.checked`). It names the SHA-256 of the
sources the schema is made from (`catalog/models.py`, `catalog/validation.py`). Where
they have changed since, or the file is missing, or pydantic-core refuses it, the
validator is made with Pydantic, as `catalog.validation` does: slower, never wrong.
`tests/test_validator_schema.py` fails until the file is made again:
`CAREERCOMPARE_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_validator_schema.py`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from careercompare.catalog import models
from careercompare.digest import sha256

if TYPE_CHECKING:
    from careercompare.catalog.models import Catalog

SCHEMA_FILE = Path(__file__).with_name("validator_schema.json")
FORMAT = 1
# The modules the schema is made from: a change to either makes the file stale.
SOURCES = (Path(models.__file__), Path(__file__).with_name("validation.py"))
_BUILTINS: dict[str, type[Any]] = {"dict": dict}
_FUNCTIONS = {"checked": models.checked}
# Pydantic names a definition after its class and the class's id(), which changes
# from run to run: the file keeps the name alone.
_RUN_ID = re.compile(r":\d+$")


class CatalogValidator(Protocol):
    def validate_json(self, text: str | bytes, /) -> Catalog: ...


def validate_json(text: str | bytes) -> Catalog:
    """The catalog the JSON text holds; pydantic-core's ValidationError if it is not one."""
    return catalog_validator().validate_json(text)


@cache
def catalog_validator() -> CatalogValidator:
    """The validator of catalogs: built from the file where it is current, else made
    with Pydantic. Either raises pydantic-core's ValidationError."""
    found = from_file()
    if found is not None:
        return found
    from careercompare.catalog.validation import adapter

    return adapter(models.Catalog)


def from_file(path: Path | None = None) -> CatalogValidator | None:
    """The validator the file (SCHEMA_FILE) describes, or None where it is missing,
    stale or refused."""
    from pydantic_core import SchemaError, SchemaValidator

    try:
        document = json.loads((path or SCHEMA_FILE).read_bytes())
        if document.get("format") != FORMAT or document.get("sources") != sources_digest():
            return None
        validator: CatalogValidator = SchemaValidator(_decode(document["schema"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError, SchemaError):
        return None
    return validator


def sources_digest() -> str:
    """The SHA-256 of the modules the schema is made from."""
    texts = [path.read_bytes() for path in SOURCES]
    digest = sha256(sum(len(text) for text in texts))
    for text in texts:
        digest.update(len(text).to_bytes(8, "big"))
        digest.update(text)
    return digest.hexdigest()


def document_text() -> str:
    """The file as it should be now: the schema Pydantic makes of the models, with the
    digest of their sources."""
    import pydantic

    from careercompare.catalog.validation import adapter

    core_schema = adapter(models.Catalog).core_schema
    refs = set(_refs(core_schema))
    if len({_RUN_ID.sub("", ref) for ref in refs}) != len(refs):
        raise ValueError("two definitions of the schema have one name")
    schema = _encode(core_schema)
    document = {
        "format": FORMAT,
        "sources": sources_digest(),
        "made_with": f"pydantic {pydantic.VERSION}",
        "schema": schema,
    }
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def _refs(value: Any) -> Iterator[str]:
    """The names of the schema's definitions and of the references to them."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("ref", "schema_ref") and isinstance(item, str):
                yield item
            else:
                yield from _refs(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _refs(item)


def _encode(value: Any) -> Any:
    """The schema as JSON can hold it; anything it cannot name is an error."""
    if isinstance(value, dict):
        kept = {}
        for key, item in value.items():
            if not isinstance(key, str) or key.startswith("$"):
                raise ValueError(f"a key the file cannot hold: {key!r}")
            if key == "metadata":  # Pydantic's own notes (its JSON Schema): not validation
                continue
            if key in ("ref", "schema_ref") and isinstance(item, str):
                item = _RUN_ID.sub("", item)
            kept[key] = _encode(item)
        return kept
    if isinstance(value, tuple):
        return {"$tuple": [_encode(item) for item in value]}
    if isinstance(value, list):
        return [_encode(item) for item in value]
    if isinstance(value, (str, bool, int, float, type(None))):
        return value
    if isinstance(value, type) and issubclass(value, models.Model):
        name = value.__name__
        if getattr(models, name, None) is not value:
            raise ValueError(f"a model outside catalog.models: {value!r}")
        return {"$model": name}
    for word, builtin in _BUILTINS.items():
        if value is builtin:
            return {"$builtin": word}
    for word, function in _FUNCTIONS.items():
        if value is function:
            return {"$function": word}
    raise ValueError(f"a value the file cannot hold: {value!r}")


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(item) for item in value]
    if not isinstance(value, dict):
        return value
    if len(value) == 1:
        ((key, item),) = value.items()
        if key == "$tuple":
            return tuple(_decode(part) for part in item)
        if key == "$model":
            model = getattr(models, item)
            if not (isinstance(model, type) and issubclass(model, models.Model)):
                raise ValueError(f"not a model: {item}")
            return model
        if key == "$builtin":
            return _BUILTINS[item]
        if key == "$function":
            return _FUNCTIONS[item]
    return {key: _decode(item) for key, item in value.items()}
