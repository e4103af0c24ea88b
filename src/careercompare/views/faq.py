"""`careercompare faq`: the usual questions, numbered, with the figures behind the answers."""

from __future__ import annotations

from collections.abc import Sequence

from careercompare.citations import Citations
from careercompare.document import Block, BulletList, Heading, Paragraph, View
from careercompare.errors import CatalogError
from careercompare.figures import outlook_summary, salary_amount, salary_kind
from careercompare.models import FaqEntry, FigureRef, json_data
from careercompare.query import CatalogIndex
from careercompare.views.common import sources_block


def matching_entries(
    entries: Sequence[FaqEntry], words: Sequence[str]
) -> list[tuple[int, FaqEntry]]:
    """(number, entry) for entries whose question or answer holds every word."""
    wanted = [word.casefold() for word in words]
    return [
        (number, entry)
        for number, entry in enumerate(entries, 1)
        if all(word in f"{entry.question}\n{entry.answer}".casefold() for word in wanted)
    ]


def figure_text(index: CatalogIndex, ref: FigureRef) -> tuple[str, str]:
    """('Medical assistant, median: $44,200 a year (May 2024)', the figure's source id)."""
    role = index.roles_by_id[ref.role]
    for salary in role.salary:
        if salary.id == ref.figure:
            when = f" ({salary.as_of})" if salary.as_of else ""
            text = f"{role.name}, {salary_kind(salary)}: {salary_amount(salary)}{when}"
            return text, salary.source
    projection = next(f for f in role.outlook if f.id == ref.figure)
    return f"{role.name}, outlook: {outlook_summary(projection)}", projection.source


def faq_view(index: CatalogIndex, words: Sequence[str]) -> View:
    """Every entry, or those matching all the words; none matching is an error (exit 1)."""
    matches = matching_entries(index.catalog.faq, words)
    if not matches:
        searched = " ".join(words)
        raise CatalogError(
            f"no question or answer matches '{searched}'; run 'careercompare faq' to see them all"
            if words
            else "this catalog has no FAQ entries"
        )
    citations = Citations(index.catalog)
    blocks: list[Block] = [Heading("Frequently asked questions")]
    entries_data = []
    for number, entry in matches:
        blocks += [Heading(f"{number}. {entry.question}", 2)]
        blocks.append(Paragraph(f"{entry.answer} {citations.cite(entry.source)}"))
        figures = [(ref, *figure_text(index, ref)) for ref in entry.figures]
        if figures:
            items = tuple(
                f"{ref.relation.capitalize()}: {text} {citations.cite(source)}"
                for ref, text, source in figures
            )
            blocks.append(BulletList(items))
        blocks += [
            Paragraph(f"{n.text} {citations.cite(n.source)}", note=True) for n in entry.notes
        ]
        entries_data.append(
            {
                "number": number,
                **{k: v for k, v in json_data(entry).items() if k != "figures"},
                "figures": [{**json_data(ref), "text": text} for ref, text, _ in figures],
            }
        )
    blocks += sources_block(citations)

    def data() -> dict[str, object]:
        return {
            "view": "faq",
            "words": list(words),
            "entries": entries_data,
            "sources": citations.data(),
        }

    def records() -> tuple[dict[str, object], ...]:
        return tuple(
            {
                "number": number,
                "id": entry.id,
                "question": entry.question,
                "answer": entry.answer,
                "source": entry.source,
            }
            for number, entry in matches
        )

    return View("faq", tuple(blocks), data, records)
