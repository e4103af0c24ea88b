"""Pydantic's validators and JSON Schema of the catalog models, each built on first use.

An imported catalog, `careercompare schema` and `catalog.validator_schema` (which
keeps the catalog's validator as a file, made from this one, and makes it here where
the file will not do) need them: the models themselves are plain dataclasses, whose
fields carry their rules as `Spec`s. Before Pydantic first reads a model, the type of
each of its fields is given the `Field`s its Specs stand for.
"""

from __future__ import annotations

import dataclasses
import types
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

from pydantic import Field, TypeAdapter

from careercompare.catalog.models import Spec

M = TypeVar("M")
_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}
_PREPARED: set[type[Any]] = set()
_FIELDS: dict[Spec, Any] = {}


def adapter(model: type[M]) -> TypeAdapter[M]:
    """The validator of one model (and of the models it holds)."""
    found = _ADAPTERS.get(model)
    if found is None:
        _prepare(model)
        found = _ADAPTERS[model] = TypeAdapter(model)
    return found


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


def _prepare(model: type[Any]) -> None:
    """Give each field of the model, and of the models it holds, its type for Pydantic."""
    if model in _PREPARED or not dataclasses.is_dataclass(model):
        return
    _PREPARED.add(model)
    held: list[type[Any]] = []
    for field in dataclasses.fields(model):
        field.type = _with_fields(field.type, held)
    for inner in held:
        _prepare(inner)


def _with_fields(hint: Any, held: list[type[Any]]) -> Any:
    """The type with every Spec in it as the Field it stands for; the classes it names
    are added to `held`."""
    origin = get_origin(hint)
    if origin is None:
        if isinstance(hint, type):
            held.append(hint)
        return hint
    if origin is Literal:
        return hint
    arguments = get_args(hint)
    if origin is Annotated:
        base, *metadata = arguments
        rules = (_field_of(m) if isinstance(m, Spec) else m for m in metadata)
        return Annotated[(_with_fields(base, held), *rules)]
    inner = tuple(a if a is Ellipsis else _with_fields(a, held) for a in arguments)
    if origin is Union or origin is types.UnionType:
        return Union[inner]  # noqa: UP007  (made at run time, from a tuple)
    return origin[inner]


def _field_of(spec: Spec) -> Any:
    """The Field a Spec stands for: one for each Spec, which types such as Slug share."""
    found = _FIELDS.get(spec)
    if found is None:
        found = _FIELDS[spec] = Field(**spec.arguments)
    return found
