"""`careercompare match`: rank the roles by answers to the catalog's questionnaire."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from careercompare.citations import Citations
from careercompare.document import Block, BulletList, Heading, Paragraph, Records, View
from careercompare.models import AnswerOption, Question, Role
from careercompare.query import CatalogIndex
from careercompare.views.common import role_ref, sources_block


@dataclass(frozen=True)
class Reason:
    """One answer that moved a role, and by how much."""

    question: Question
    option: AnswerOption
    points: int


@dataclass(frozen=True)
class Ranked:
    """A role with its score and the answers behind it."""

    role: Role
    score: int
    reasons: tuple[Reason, ...]


def rank_roles(index: CatalogIndex, answers: Mapping[str, str]) -> list[Ranked]:
    """Roles that any answer can move, best score first (catalog order breaks ties)."""
    order = {role.id: position for position, role in enumerate(index.catalog.roles)}
    reasons: dict[str, list[Reason]] = {}
    for question in index.catalog.questions:
        for option in question.options:
            for role_id in option.weights:
                reasons.setdefault(role_id, [])
            if answers.get(question.key) == option.value:
                for role_id, points in option.weights.items():
                    if points:
                        reasons[role_id].append(Reason(question, option, points))
    ranked = [
        Ranked(index.roles_by_id[role_id], sum(r.points for r in found), tuple(found))
        for role_id, found in reasons.items()
    ]
    return sorted(ranked, key=lambda r: (-r.score, order[r.role.id]))


def _points(points: int) -> str:
    return f"+{points}" if points > 0 else str(points)


def match_view(index: CatalogIndex, answers: Mapping[str, str]) -> View:
    """The ranking, each role's reasons with their sources, and the table to look at next."""
    citations = Citations(index.catalog)
    ranked = rank_roles(index, answers)
    blocks: list[Block] = [
        Heading("Which career fits your answers"),
        Records(
            ("Rank", "Role", "Score"),
            tuple((str(n), r.role.name, _points(r.score)) for n, r in enumerate(ranked, 1)),
        ),
    ]
    for entry in ranked:
        items = tuple(
            f"{_points(reason.points)}: {reason.question.text} {reason.option.label}. "
            f"{reason.option.reason} {citations.cite(reason.option.source)}"
            for reason in entry.reasons
        )
        blocks += [
            Heading(f"{entry.role.name}: {_points(entry.score)}", 2),
            BulletList(items) if items else Paragraph("No answer moved this role."),
        ]
    top = [entry.role.id for entry in ranked[:2]]
    command = "careercompare table " + " ".join(top)
    blocks += [Paragraph("Compare the top two:"), Paragraph(command), *sources_block(citations)]

    def data() -> dict[str, object]:
        return {
            "view": "match",
            "answers": dict(answers),
            "ranking": [
                {
                    "rank": n,
                    "role": role_ref(entry.role),
                    "score": entry.score,
                    "reasons": [
                        {
                            "question": reason.question.key,
                            "answer": reason.option.value,
                            "points": reason.points,
                            "reason": reason.option.reason,
                            "source": reason.option.source,
                        }
                        for reason in entry.reasons
                    ],
                }
                for n, entry in enumerate(ranked, 1)
            ],
            "suggested_command": command,
            "sources": citations.data(),
        }

    def records() -> tuple[dict[str, object], ...]:
        return tuple(
            {"rank": n, "role_id": e.role.id, "role": e.role.name, "score": e.score}
            for n, e in enumerate(ranked, 1)
        )

    return View("match", tuple(blocks), data, records)
