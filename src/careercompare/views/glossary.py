"""`careercompare glossary`: what the words the views use mean."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from careercompare.catalog.glossary import Term, find_terms, glossary
from careercompare.results.base import CsvValue, ViewResult
from careercompare.results.blocks import Block, FieldList, Heading, Paragraph

ABOUT = (
    "careercompare's own explanations; the figures and sources the views cite are in the "
    "views themselves."
)


@dataclass(frozen=True, kw_only=True)
class GlossaryResult(ViewResult, view="glossary", glossary_hint=False):
    """The terms asked for (every term without words)."""

    # no glossary note: it is the glossary
    words: tuple[str, ...]
    terms: tuple[Term, ...]

    def blocks(self) -> tuple[Block, ...]:
        pairs = tuple(
            (
                term.term + (f" ({', '.join(term.aliases)})" if term.aliases else ""),
                term.text,
            )
            for term in self.terms
        )
        return (Heading("Glossary"), FieldList(pairs), Paragraph(ABOUT, note=True))

    def records(self) -> list[dict[str, CsvValue]]:
        return [
            {"term": t.term, "also": "; ".join(t.aliases), "meaning": t.text} for t in self.terms
        ]


def build_glossary(words: Sequence[str]) -> GlossaryResult:
    """Every term, or the one the words name."""
    terms = glossary()
    wanted = " ".join(words).strip()
    found = find_terms(terms, wanted) if wanted else terms
    return GlossaryResult(words=tuple(words), terms=found)
