"""The --json form of any view result: its fields, recursively, as plain JSON data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from enum import Enum
from typing import Any

from careercompare.results.base import ViewResult
from careercompare.results.inline import INLINE, plain


def result_data(result: ViewResult) -> dict[str, Any]:
    """`version` and `view` first, then the result's fields, its cited sources last."""
    data = _dataclass_data(result)
    if "sources" in data:
        data["sources"] = data.pop("sources")
    return {"version": result.JSON_VERSION, "view": result.VIEW, **data}


def _dataclass_data(value: Any) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for item in fields(value):
        if item.metadata.get("json") is False:
            continue
        shown = getattr(value, item.name)
        if item.metadata.get("flatten"):
            if shown is not None:
                data.update(json_value(shown))
        else:
            data[item.name] = json_value(shown)
    return data


def json_value(value: Any) -> Any:
    """Text runs as their words, dataclasses (results and catalog models) as objects,
    tuples as lists, choices (Enums) as their values."""
    if isinstance(value, INLINE):  # text runs are words in JSON
        return plain(value)
    if is_dataclass(value) and not isinstance(value, type):
        return _dataclass_data(value)
    if isinstance(value, (list, tuple)):
        return [json_value(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): json_value(item) for key, item in value.items()}
    if isinstance(value, Enum):
        return value.value
    return value
