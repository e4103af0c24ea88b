"""Pydantic's validators and JSON Schema of the catalog models, each built on first use.

Only a catalog that is not in the cache yet (`catalog.cache`), an imported one and
`careercompare schema` need them: the models themselves are plain dataclasses.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import TypeAdapter

M = TypeVar("M")
_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}


def adapter(model: type[M]) -> TypeAdapter[M]:
    """The validator of one model (and of the models it holds)."""
    found = _ADAPTERS.get(model)
    if found is None:
        found = _ADAPTERS[model] = TypeAdapter(model)
    return found


def validate_json(model: type[M], text: str | bytes) -> M:
    """The model read from JSON text; pydantic's ValidationError if it is not one."""
    return adapter(model).validate_json(text)


def validate(model: type[M], data: object) -> M:
    """The model read from Python data (dicts, lists, strings, numbers)."""
    return adapter(model).validate_python(data)


def json_schema(model: type[Any]) -> dict[str, Any]:
    """The model's JSON Schema, with the keys the JSON uses ("$schema", not "schema_")."""
    return adapter(model).json_schema(by_alias=True)


def dump(value: object) -> Any:
    """A model as the JSON of a catalog holds it: its keys as the JSON writes them, and
    no key whose value is None."""
    return adapter(type(value)).dump_python(value, mode="json", by_alias=True, exclude_none=True)
