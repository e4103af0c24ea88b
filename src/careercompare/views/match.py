"""`careercompare match`: rank the roles by answers to the catalog's questionnaire."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from careercompare.catalog.index import CatalogIndex
from careercompare.catalog.models import Role
from careercompare.results.base import CitingResult, CsvValue
from careercompare.results.blocks import Block, BulletList, Heading, Paragraph, Records
from careercompare.views.citations import Citations
from careercompare.views.common import RoleRef, sources_block

WEIGHTING = (
    "The points are careercompare's own weighting, not the FHCA article's: each answer "
    "gives points to every role whose comparison cell fits it (the catalog's rules say "
    "which cells and how many points), each point resting on the cited cell, and a "
    "role's score is the sum of its points. A role whose cell no source fills gets no "
    "points for that answer."
)


@dataclass(frozen=True)
class Reason:
    """One answer that moved a role, and by how much."""

    question: str
    answer: str
    points: int
    reason: str
    source: str
    question_text: str
    answer_label: str
    category: str


@dataclass(frozen=True)
class Ranked:
    """A role with its rank, score and the answers behind it."""

    rank: int
    role: RoleRef
    score: int
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, kw_only=True)
class MatchResult(CitingResult):
    """The roles ranked by the answers given."""

    VIEW = "match"
    answers: dict[str, str]
    ranking: tuple[Ranked, ...]
    suggested_command: str

    def blocks(self) -> tuple[Block, ...]:
        moved = [entry for entry in self.ranking if entry.reasons]
        still = [entry for entry in self.ranking if not entry.reasons]
        blocks: list[Block] = [
            Heading("Which career fits your answers"),
            Records(
                ("Rank", "Role", "Score"),
                tuple((str(r.rank), r.role.header, _points(r.score)) for r in moved),
            ),
        ]
        if still:
            blocks.append(Paragraph(_unmoved(still), note=True))
        for entry in moved:
            items = tuple(
                self.cited(
                    f"{_points(r.points)}: {r.question_text} {r.answer_label}. {r.reason}",
                    r.source,
                )
                for r in entry.reasons
            )
            blocks += [Heading(f"{entry.role.name}: {_points(entry.score)}", 2), BulletList(items)]
        blocks.append(Paragraph(WEIGHTING, note=True))
        blocks += [Paragraph("Compare the top two:"), Paragraph(self.suggested_command)]
        return (*blocks, *sources_block(self))

    def records(self) -> list[dict[str, CsvValue]]:
        return [
            {
                "rank": r.rank,
                "role_id": r.role.id,
                "role": r.role.name,
                "score": r.score,
                "points": "; ".join(
                    f"{reason.question}={reason.answer}: {reason.points:+d} "
                    f"[{self.number(reason.source)}]"
                    for reason in r.reasons
                ),
                "weighting": "careercompare's own",
            }
            for r in self.ranking
        ]


UNMOVED_LISTED = 30


def _unmoved(still: list[Ranked]) -> str:
    """The sentence on the roles no answer moved: named when few, counted when many."""
    if len(still) > UNMOVED_LISTED:
        return f"No answer moved the other {len(still):,} roles; each scored 0."
    names = ", ".join(entry.role.header for entry in still)
    return f"No answer moved {names}; each scored 0."


def _points(points: int) -> str:
    return f"+{points}" if points > 0 else str(points)


def build_match(index: CatalogIndex, answers: Mapping[str, str]) -> MatchResult:
    """Every role, best score first (catalog order breaks ties), each point traced to the
    comparison cell that earned it."""
    catalog = index.catalog
    labels = {c.id: c.label for c in catalog.comparison_categories}
    chosen_options = [
        (question, option)
        for question in catalog.questions
        for option in question.options
        if answers.get(question.key) == option.value
    ]
    chosen = [
        (question, option, rule) for question, option in chosen_options for rule in option.rules
    ]
    scored: list[tuple[int, int, Role, tuple[Reason, ...]]] = []
    for position, role in enumerate(catalog.roles):
        weighed = tuple(
            Reason(
                question.key,
                option.value,
                option.weights[role.id],
                option.reason or "",
                option.source or "",
                question.text,
                option.label,
                "",
            )
            for question, option in chosen_options
            if option.weights.get(role.id)
        )
        found = weighed + tuple(
            Reason(
                question.key,
                option.value,
                rule.points,
                f"{labels[rule.category]}: {cell.text}",
                cell.source,
                question.text,
                option.label,
                rule.category,
            )
            for question, option, rule in chosen
            if role.comparison
            and (cell := role.comparison.get(rule.category)) is not None
            and cell.value in rule.values
        )
        scored.append((-sum(r.points for r in found), position, role, found))
    scored.sort(key=lambda item: item[:2])
    citations = Citations(index)
    ranking = []
    for rank, (score, _, role, found) in enumerate(scored, 1):
        for reason in found:
            citations.cite(reason.source)
        ranking.append(Ranked(rank, RoleRef.of(role), -score, found))
    command = "careercompare table " + " ".join(entry.role.id for entry in ranking[:2])
    return MatchResult(
        answers=dict(answers),
        ranking=tuple(ranking),
        suggested_command=command,
        sources=citations.cited(),
    )
