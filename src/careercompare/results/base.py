"""What every view returns: a frozen, typed result that can present itself as blocks.

JSON is a generic serialisation of the result's fields (`results.serialize`); a result
that also has `records()` can be written as CSV. Which formats a view offers follows
from that (`render.formats.supports`), not from a hand-kept list.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar, Protocol, runtime_checkable

from careercompare.catalog.models import Source
from careercompare.results.blocks import Block
from careercompare.results.inline import Cite, Runs, Text

# Field metadata for `results.serialize`: leave the field out of --json, or merge its
# keys into the object that holds it.
NOT_IN_JSON: Mapping[str, Any] = {"json": False}
FLATTEN: Mapping[str, Any] = {"flatten": True}

CsvValue = str | int | float | bool | None


@dataclass(frozen=True)
class CitedSource:
    """A source as a view cited it: its [n] number and the catalog entry."""

    number: int
    source: Source = field(metadata=FLATTEN)


@dataclass(frozen=True)
class ViewResult:
    """Base of every view's result. A view's result names itself in its class statement,
    `class TableResult(CitingResult, view="table", json_version=2)`; its body holds only
    what the result carries.

    - `view` (`VIEW`) names it in --json and in messages;
    - `json_version` (`JSON_VERSION`, 1 unless given) is the version of its --json
      shape, bumped when a key is removed or changes meaning;
    - `glossary_hint` (`GLOSSARY_HINT`, true unless given): whether a one-line note
      under the view names the glossary terms it uses.
    """

    VIEW: ClassVar[str]
    JSON_VERSION: ClassVar[int] = 1
    GLOSSARY_HINT: ClassVar[bool] = True

    def __init_subclass__(
        cls,
        *,
        view: str | None = None,
        json_version: int = 1,
        glossary_hint: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init_subclass__(**kwargs)
        if view is not None:  # a view's result, not a base such as CitingResult
            cls.VIEW, cls.JSON_VERSION, cls.GLOSSARY_HINT = view, json_version, glossary_hint
        elif json_version != 1 or not glossary_hint:
            raise TypeError(f"{cls.__name__}: json_version= and glossary_hint= go with view=")

    def blocks(self) -> tuple[Block, ...]:
        """The result for people, as layout blocks."""
        raise NotImplementedError

    def shown_blocks(self) -> tuple[Block, ...]:
        """The blocks as the human formats show them: with the glossary hint last."""
        blocks = self.blocks()
        if not self.GLOSSARY_HINT:
            return blocks
        from careercompare.results.hints import glossary_hint

        hint = glossary_hint(blocks)
        return (*blocks, hint) if hint is not None else blocks


@dataclass(frozen=True)
class CitingResult(ViewResult):
    """A result that cites sources: `sources` lists them in the order of their markers."""

    sources: tuple[CitedSource, ...]

    @cached_property
    def _numbers(self) -> dict[str, int]:
        return {cited.source.id: cited.number for cited in self.sources}

    def marker(self, source_id: str) -> Cite:
        """The [n] marker of a cited source."""
        return Cite(self._numbers[source_id])

    def number(self, source_id: str | None) -> int | None:
        """The n of a cited source's [n] (for CSV), None for no source."""
        return self._numbers[source_id] if source_id else None

    def cited(self, text: Text, source_id: str) -> Runs:
        """Text followed by its source marker."""
        return text + " " + self.marker(source_id)


@runtime_checkable
class Tabular(Protocol):
    """A result that can be written as CSV: one record per fact."""

    def records(self) -> Sequence[Mapping[str, CsvValue]]:
        """The records, each with the same keys in the same order."""
        ...
