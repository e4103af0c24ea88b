"""`careercompare match`: rank the roles by answers to the catalog's questionnaire."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from careercompare.catalog.index import CatalogIndex, TableRoles
from careercompare.catalog.models import Role, oews_codes
from careercompare.results.base import NOT_IN_JSON, CitingResult, CsvValue
from careercompare.results.blocks import Block, BulletList, Heading, Paragraph, Records
from careercompare.results.inline import join_text, plain
from careercompare.views.citations import Citations
from careercompare.views.common import RoleRef, sources_block
from careercompare.views.local_wages import LocalArea

WEIGHTING = (
    "The points are careercompare's own weighting, not the FHCA article's: each answer "
    "gives points to every role whose comparison cell fits it (the catalog's rules say "
    "which cells and how many points), each point resting on the cited cell, and a "
    "role's score is the sum of its points. A row of the comparison gives a role points "
    "once, however many answers it fits (the most of them); a row gives none where fewer "
    "than half the roles ranked have a value in it (the FHCA article's comparison of its "
    "two roles is no comparison of the others). A role whose cell no source fills gets no "
    "points for that answer. Equal scores share a rank (=1)."
)
INTEREST_RULE = (
    "Interests: O*NET rates how well each occupation fits each of six interests, from 1 to "
    "7; an interest you chose gives +2 to a role whose occupation O*NET rates 5 or more for "
    "it, and +1 at 4 to under 5 (careercompare's rule)."
)
NOTHING_RANKED = (
    "None of your answers gave any role points, so no role ranks above another and no "
    "comparison is suggested."
)
INTERESTS_RANK_ALL = (
    " Most questions rest on comparison cells that only the catalog's roles have; with "
    "--all, answer the interests question (-a interests=social,investigative: up to three of "
    "realistic, investigative, artistic, social, enterprising and conventional), which "
    "O*NET rates for every occupation."
)
# Entry education that means years of school before the first job (BLS's words).
DEGREES = (
    "Associate's degree",
    "Bachelor's degree",
    "Master's degree",
    "Doctoral or professional degree",
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
    """A role with its rank (shared by equal scores: `tied`), score and the answers
    behind it."""

    rank: int
    role: RoleRef
    score: int
    reasons: tuple[Reason, ...]
    tied: bool = False

    @property
    def shown_rank(self) -> str:
        return f"={self.rank}" if self.tied else str(self.rank)


@dataclass(frozen=True)
class Apart:
    """A role set apart from the ranking: it needs a degree first, and the answers asked
    to start as soon as possible."""

    role: RoleRef
    entry_education: str
    source: str


@dataclass(frozen=True, kw_only=True)
class MatchResult(CitingResult, view="match", json_version=2):
    """The roles ranked by the answers given."""

    # 2: equal scores share a rank (with `tied`); roles set apart are not in the ranking
    answers: dict[str, str]
    ranking: tuple[Ranked, ...]
    suggested_command: str
    suggested_because: str = ""
    not_scored: tuple[str, ...] = ()
    apart: tuple[Apart, ...] = ()
    interests: tuple[str, ...] = ()
    tie_break: str = "projected growth, then name"
    interest_keywords: dict[str, str] = field(default_factory=dict, metadata=NOT_IN_JSON)

    def blocks(self) -> tuple[Block, ...]:
        moved = [entry for entry in self.ranking if entry.reasons]
        still = [entry for entry in self.ranking if not entry.reasons]
        if len(moved) > SHOWN_RANKED:
            still = [*moved[SHOWN_RANKED:], *still]
            moved = moved[:SHOWN_RANKED]
        blocks: list[Block] = [Heading("Which career fits your answers")]
        if moved:
            rows = tuple((r.shown_rank, r.role.header, _points(r.score)) for r in moved)
            blocks.append(Records(("Rank", "Role", "Score"), rows))
        if still:
            blocks.append(Paragraph(_unmoved(still, others=bool(moved)), note=True))
        for entry in moved:
            items = tuple(
                self.cited(
                    f"{_points(r.points)}: {r.question_text} {r.answer_label}. {r.reason}",
                    r.source,
                )
                for r in entry.reasons
            )
            blocks += [Heading(f"{entry.role.name}: {_points(entry.score)}", 2), BulletList(items)]
        if self.apart:
            named = self.apart[:UNMOVED_LISTED]
            # each role by its name, singular or plural ('Physicians and surgeons'): the
            # verb belongs to the sentence, not to each name
            needs = join_text(
                "; ",
                (
                    self.cited(f"{a.role.name} ({_a(a.entry_education.lower())})", a.source)
                    for a in named
                ),
            )
            if len(self.apart) > len(named):
                others = len(self.apart) - len(named)
                needs += f"; and {others:,} other occupations (--json lists them)"
            asked = (
                "You answered that you want to start as soon as possible. These need a degree "
                "first: "
            )
            blocks += [Heading("Set apart: school first", 2), Paragraph(asked + needs + ".")]
        blocks += [Paragraph(text, note=True) for text in self.not_scored]
        if self.interests:
            chosen = "; ".join(
                f"{name.capitalize()} ({self.interest_keywords.get(name.capitalize(), '')})"
                for name in self.interests
            )
            blocks.append(Paragraph(f"Your interests, in O*NET's words: {chosen}.", note=True))
            blocks.append(Paragraph(INTEREST_RULE, note=True))
        blocks.append(Paragraph(WEIGHTING, note=True))
        blocks.append(Paragraph(f"Within a rank, roles are listed by {self.tie_break}.", note=True))
        if self.suggested_command:
            blocks += [
                Paragraph(f"Compare {self.suggested_because}:"),
                Paragraph(self.suggested_command),
            ]
        else:
            blocks.append(Paragraph(self.suggested_because))
        return (*blocks, *sources_block(self))

    def records(self) -> list[dict[str, CsvValue]]:
        return [
            {
                "rank": r.rank,
                "tied": r.tied,
                "role_id": r.role.id,
                "role": r.role.name,
                "score": r.score,
                "points": "; ".join(
                    f"{reason.question}={reason.answer}: {reason.points:+d} "
                    + plain(self.marker(reason.source))
                    for reason in r.reasons
                ),
                "weighting": "careercompare's own",
            }
            for r in self.ranking
        ]


UNMOVED_LISTED = 30
# With every occupation ranked, the people-facing formats show this many, with why.
SHOWN_RANKED = 20


def _unmoved(still: list[Ranked], *, others: bool = True) -> str:
    """The sentence on the roles not shown (`others`: after some that are): named when
    few, counted when many."""
    if any(entry.score for entry in still):
        return (
            f"The other {len(still):,} roles are ranked below these (all of them in --json "
            "and --format csv)."
        )
    if len(still) > UNMOVED_LISTED:
        which = "the other" if others else "any of the"
        return f"No answer moved {which} {len(still):,} roles; each scored 0."
    names = ", ".join(entry.role.header for entry in still)
    if len(still) == 1:  # 'which', not 'it': a name may be plural ('Dental hygienists')
        return f"No answer moved {names}, which scored 0."
    return f"No answer moved {names}; each scored 0."


def _a(words: str) -> str:
    """Words with their indefinite article: 'an associate's degree'."""
    return f"{'an' if words[:1] in 'aeiou' else 'a'} {words}"


def _points(points: int) -> str:
    return f"+{points}" if points > 0 else str(points)


def build_match(
    index: CatalogIndex,
    answers: Mapping[str, str],
    *,
    every: bool = False,
    local: LocalArea | None = None,
) -> MatchResult:
    """Every role, best score first (equal scores share a rank, listed by projected growth,
    then name), each point traced to the comparison cell that earned it; with 'as soon as
    possible', the roles that need a degree first set apart."""
    catalog = index.catalog
    labels = {c.id: c.label for c in catalog.comparison_categories}
    chosen_options = [
        (question, option)
        for question in catalog.questions
        for option in question.options
        if answers.get(question.key) == option.value
    ]
    roles, apart = _set_apart(index, answers, every=every)
    interests = tuple(i for i in answers.get("interests", "").split(",") if i)
    scorable = _scorable_rows(roles, {rule.category for _, o in chosen_options for rule in o.rules})
    not_scored = tuple(
        f"{question.text} {option.label}: not scored; fewer than half the roles ranked have "
        f"a value in '{labels[rule.category]}'."
        for question, option in chosen_options
        for rule in option.rules
        if rule.category not in scorable
    )
    chosen = [
        (question, option, rule)
        for question, option in chosen_options
        for rule in option.rules
        if rule.category in scorable
    ]
    # the source of the interest scores, found once: the tables make their sources anew
    # at each asking (match --all with interests asked 490 times: 3% of the floor)
    sources = index.tables.sources() if index.tables else ()
    onet = next((s.id for s in sources if s.id.startswith("onet-")), "")
    scored: list[tuple[int, tuple[float, float], str, Role, tuple[Reason, ...]]] = []
    for role in roles:
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
        fitting = [
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
        ]
        found = (
            weighed + _once_per_row(fitting) + _interest_points(index.tables, role, interests, onet)
        )
        growth = index.tables.growth_of(role) if index.tables else None
        pay = _local_median(local, role)
        scored.append(
            (
                -sum(r.points for r in found),
                (-(pay if pay is not None else -1.0), -(growth if growth is not None else -1000.0)),
                role.name.casefold(),
                role,
                found,
            )
        )
    scored.sort(key=lambda item: item[:3])
    citations = Citations(index)
    ranking = []
    counts: dict[int, int] = {}
    for score, *_ in scored:
        counts[score] = counts.get(score, 0) + 1
    rank = 0
    previous: int | None = None
    for position, (score, _, _, role, found) in enumerate(scored, 1):
        if score != previous:
            rank, previous = position, score
        for reason in found:
            citations.cite(reason.source)
        ranking.append(Ranked(rank, RoleRef.of(role), -score, found, tied=counts[score] > 1))
    for item in apart:
        citations.cite(item.source)
    top = ranking[:2]
    order = "projected growth, then name"
    if local is not None:
        order = f"median pay in {local.areas[0].in_text}, then {order}"
    because = "the top two"
    if len(top) == 2 and top[0].score == top[1].score:
        because = f"the first two of those tied at the top (by {order})"
    elif len(top) == 2 and top[1].tied:
        because = f"the top role and the first of those tied after it (by {order})"
    command = "careercompare table " + " ".join(entry.role.id for entry in top)
    if not any(entry.reasons for entry in ranking):
        # nothing ranked them: a table of the first two by name or growth would be a guess
        command = ""
        because = NOTHING_RANKED + (INTERESTS_RANK_ALL if every and not interests else "")
    return MatchResult(
        answers=dict(answers),
        ranking=tuple(ranking),
        suggested_command=command,
        suggested_because=because,
        not_scored=not_scored,
        apart=apart,
        interests=interests,
        tie_break=order,
        interest_keywords=index.tables.interest_keywords() if interests and index.tables else {},
        sources=citations.cited(),
    )


def _interest_points(
    tables: TableRoles | None, role: Role, interests: tuple[str, ...], onet: str
) -> tuple[Reason, ...]:
    """Points for the interests chosen, by O*NET's scores of the role's occupation (its
    source: `onet`)."""
    if not interests or tables is None:
        return ()
    found = tables.interest_scores(role)
    if found is None:
        return ()
    title, scores = found
    reasons = []
    for interest in interests:
        score = scores.get(interest.capitalize())
        if score is None or score < 4:
            continue
        listed = ", ".join(f"{name} {value:g}" for name, value in scores.items())
        reasons.append(
            Reason(
                "interests",
                interest,
                2 if score >= 5 else 1,
                f"Interests (O*NET), {title}: {interest.capitalize()} {score:g} ({listed})",
                onet,
                "Which of these interest you most?",
                interest.capitalize(),
                "interests",
            )
        )
    return tuple(reasons)


def _local_median(local: LocalArea | None, role: Role) -> float | None:
    """The role's OEWS median in the area asked for (its first occupation's), if any."""
    if local is None:
        return None
    for code in oews_codes(role):
        estimate = local.db.estimate(code, local.areas[0])
        if estimate is not None and estimate.wage("median").value is not None:
            return estimate.wage("median").value
    return None


def _once_per_row(reasons: list[Reason]) -> tuple[Reason, ...]:
    """One reason per comparison row: the one with the most points (the first of equals)."""
    best: dict[str, Reason] = {}
    for reason in reasons:
        kept = best.get(reason.category)
        if kept is None or reason.points > kept.points:
            best[reason.category] = reason
    return tuple(r for r in reasons if best.get(r.category) is r)


def _scorable_rows(roles: list[Role], categories: set[str]) -> set[str]:
    """The rows at least half the roles ranked have a value in."""
    return {
        category
        for category in categories
        if 2 * sum(1 for r in roles if (c := r.comparison.get(category)) and c.value) >= len(roles)
    }


def _set_apart(
    index: CatalogIndex, answers: Mapping[str, str], *, every: bool
) -> tuple[list[Role], tuple[Apart, ...]]:
    """The roles to rank (with `every`, every occupation of the tables too), and, when the
    answers ask to start as soon as possible, those whose typical entry education (BLS)
    is a degree, set apart."""
    roles = list(index.catalog.roles)
    if every and index.tables is not None:
        covered = {code for role in roles for code in oews_codes(role)}
        roles += index.tables.light_roles(covered)
    if answers.get("entry-speed") != "fast" or index.tables is None:
        return roles, ()
    kept, apart = [], []
    for role in roles:
        entry = index.tables.entry_education_of(role)
        if entry is not None and entry[0] in DEGREES:
            apart.append(Apart(RoleRef.of(role), entry[0], entry[1]))
        else:
            kept.append(role)
    return kept, tuple(apart)
