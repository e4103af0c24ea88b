"""`careercompare faq`: the usual questions, numbered, with the figures behind the answers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from careercompare.catalog.index import CatalogIndex
from careercompare.catalog.models import FaqEntry, FigureRef
from careercompare.catalog.names import closest_words, did_you_mean, title_key
from careercompare.errors import CatalogError, DataError, UsageError
from careercompare.results.base import FLATTEN, CitingResult, CsvValue
from careercompare.results.blocks import Block, BulletList, Heading, Paragraph
from careercompare.results.inline import Text, join_text, plain
from careercompare.views.citations import Citations
from careercompare.views.common import sources_block
from careercompare.views.formatting import outlook_summary, salary_amount, salary_kind


@dataclass(frozen=True)
class FaqFigure:
    """A figure that supports or qualifies an answer, as it reads."""

    role: str
    figure: str
    relation: str
    text: Text
    source: str


@dataclass(frozen=True)
class FaqItem:
    """An entry with its number in the whole FAQ and its figures written out."""

    number: int
    entry: FaqEntry = field(metadata=FLATTEN)
    figures: tuple[FaqFigure, ...] = ()


@dataclass(frozen=True, kw_only=True)
class FaqResult(CitingResult, view="faq"):
    """The FAQ entries that matched the words (all of them without words)."""

    words: tuple[str, ...]
    entries: tuple[FaqItem, ...]

    def blocks(self) -> tuple[Block, ...]:
        blocks: list[Block] = [Heading("Frequently asked questions")]
        for item in self.entries:
            entry = item.entry
            blocks.append(Heading(f"{item.number}. {entry.question}", 2))
            blocks.append(Paragraph(self.cited(entry.answer, entry.source)))
            if item.figures:
                blocks.append(
                    BulletList(
                        tuple(
                            self.cited(f"{f.relation.capitalize()}: " + f.text, f.source)
                            for f in item.figures
                        )
                    )
                )
            blocks += [Paragraph(self.cited(n.text, n.source), note=True) for n in entry.notes]
        return (*blocks, *sources_block(self))

    def records(self) -> list[dict[str, CsvValue]]:
        return [
            {
                "number": item.number,
                "id": item.entry.id,
                "question": item.entry.question,
                "answer": item.entry.answer,
                "source": item.entry.source,
                "source_number": self.number(item.entry.source),
                "figures": plain(
                    join_text(
                        "; ",
                        (f"{f.relation}: " + self.cited(f.text, f.source) for f in item.figures),
                    )
                ),
                "notes": plain(
                    join_text("; ", (self.cited(n.text, n.source) for n in item.entry.notes))
                ),
            }
            for item in self.entries
        ]


def matching_entries(
    entries: Sequence[FaqEntry], words: Sequence[str]
) -> list[tuple[int, FaqEntry]]:
    """(number, entry) for entries whose question or answer holds every word: as part of
    its text ('pay' in 'pays'), or as a word in the singular ('salary' in 'salaries')."""
    wanted = [word.casefold() for word in words]
    found = []
    for number, entry in enumerate(entries, 1):
        text = f"{entry.question}\n{entry.answer}".casefold()
        missing = [word for word in wanted if word not in text]
        if missing:  # the words' singular forms, read only when the letters are not there
            singular = {title_key(word) for word in text.split()}
            missing = [word for word in missing if title_key(word) not in singular]
        if not missing:
            found.append((number, entry))
    return found


def faq_figure(index: CatalogIndex, ref: FigureRef) -> FaqFigure:
    """('Medical assistant, median: $44,200 a year (May 2024)', with the figure's source)."""
    role = index.role_by_id(ref.role)
    if role is None:
        raise CatalogError(f"a FAQ entry points at role '{ref.role}', which is not in the catalog")
    for salary in role.salary:
        if salary.id == ref.figure:
            when = f" ({salary.as_of})" if salary.as_of else ""
            text = f"{role.name}, {salary_kind(salary)}: " + salary_amount(salary) + when
            return FaqFigure(ref.role, ref.figure, ref.relation, text, salary.source)
    projection = next((f for f in role.outlook if f.id == ref.figure), None)
    if projection is None:
        raise DataError(
            f"a FAQ entry points at figure '{ref.figure}' of '{ref.role}', which the data in "
            "use does not hold; run 'careercompare data' to see it"
        )
    text = f"{role.name}, outlook: {outlook_summary(projection)}"
    return FaqFigure(ref.role, ref.figure, ref.relation, text, projection.source)


def _suggestion(entries: Sequence[FaqEntry], words: Sequence[str]) -> str:
    """'did you mean ...? ' with each typed word put right to the closest word of the
    questions and answers, where those words match an entry; else ''."""
    texts = (f"{entry.question} {entry.answer}".casefold() for entry in entries)
    vocabulary = sorted({word for text in texts for word in re.findall(r"[^\W\d_]+", text)})
    typed = [word.casefold() for word in words]
    fixed = closest_words(typed, vocabulary)
    if fixed == typed or not matching_entries(entries, fixed):
        return ""
    return did_you_mean(" ".join(fixed))


def build_faq(index: CatalogIndex, words: Sequence[str]) -> FaqResult:
    """Every entry, or those matching all the words; none matching is an error (exit 1)."""
    matches = matching_entries(index.catalog.faq, words)
    if not matches and words:  # nothing matched what was typed: a usage problem, as in roles
        raise UsageError(
            f"no question or answer matches '{' '.join(words)}'; "
            f"{_suggestion(index.catalog.faq, words)}run 'careercompare faq' to see them all"
        )
    if not matches:
        raise CatalogError("this catalog has no FAQ entries; use a catalog that has some")
    citations = Citations(index)
    items = []
    for number, entry in matches:
        citations.cite(entry.source)
        figures = tuple(faq_figure(index, ref) for ref in entry.figures)
        for figure in figures:
            citations.cite(figure.source)
        for note in entry.notes:
            citations.cite(note.source)
        items.append(FaqItem(number, entry, figures))
    return FaqResult(words=tuple(words), entries=tuple(items), sources=citations.cited())
