"""`careercompare paths`: the tree of where a role leads, with training, pay and outlook.

Each role is expanded once per tree: a later step to the same role says "see above",
so the tree grows with the number of roles, never with the number of routes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from careercompare.catalog.index import CatalogIndex
from careercompare.catalog.models import (
    CareerPath,
    OutlookFigure,
    ProgramLength,
    Requirement,
    Role,
    SalaryFigure,
    further_requirements,
    requirement_words,
)
from careercompare.results.base import FLATTEN, NOT_IN_JSON, CitingResult, CsvValue
from careercompare.results.blocks import Block, Heading, TreeNode
from careercompare.results.inline import Text, bounded, join_text
from careercompare.views.citations import Citations
from careercompare.views.common import NOT_IN_SOURCES, NOT_RELEASED, RoleRef, sources_block
from careercompare.views.formatting import length_span, money, outlook_summary, salary_amount
from careercompare.views.local_wages import LocalArea, role_wages
from careercompare.wages.estimates import Area, Cell, in_text

MAX_DEPTH = 4


@dataclass(frozen=True)
class PayDifference:
    """A step's median pay minus the starting role's; `at_least` when the pay is a bound."""

    amount: float
    at_least: bool
    versus: str
    base_amount: float

    def text(self, base: str) -> Text:
        """'+$51,860 vs Medical assistant ($45,690)': both figures it is taken from shown."""
        sign = "+" if self.amount >= 0 else "-"
        shown = f"{sign}{money(abs(self.amount))} vs {base} ({money(self.base_amount)})"
        return bounded(shown, self.at_least)


@dataclass(frozen=True)
class LocalMedian:
    """A step's OEWS median in the area asked for, and its difference from the start's."""

    occupation_code: str
    occupation_title: str
    area: str
    median: Cell
    pay_difference: PayDifference | None
    source: str
    release: str = ""  # the release of the area's figures


@dataclass(frozen=True)
class OccupationPay:
    """The median of one occupation a role stands for, and its difference from the start."""

    median: SalaryFigure
    pay_difference: PayDifference | None


@dataclass(frozen=True)
class StepFacts:
    """What a step takes and gives: training, median pay and outlook; for a role that
    stands for several occupations and has no figure of its own, those of each."""

    entry_education: Requirement | None
    program_length: ProgramLength | None
    median_pay: SalaryFigure | None
    pay_difference: PayDifference | None
    outlook: OutlookFigure | None
    local_median_pay: tuple[LocalMedian, ...] = ()
    local_note: str | None = None
    each_median_pay: tuple[OccupationPay, ...] = ()
    each_outlook: tuple[OutlookFigure, ...] = ()
    # what else the projections say it takes, where it is not "None"
    work_experience: Requirement | None = None
    on_the_job_training: Requirement | None = None


@dataclass(frozen=True)
class PathNote:
    """A note of some of the paths to a step: which labels it belongs to, its source."""

    labels: tuple[str, ...]
    text: str
    source: str


@dataclass(frozen=True)
class PathStep:
    """Career paths of one role that lead to the same place, and where that leads on."""

    labels: tuple[str, ...]
    role: RoleRef | None  # None: a step outside the catalog, named by its labels
    outside_catalog: bool
    notes: tuple[str, ...]
    sources: tuple[str, ...]
    facts: StepFacts | None = field(default=None, metadata=FLATTEN)
    seen_above: bool = False
    steps: tuple[PathStep, ...] = ()
    note_details: tuple[PathNote, ...] = ()

    @property
    def name(self) -> str | None:
        return self.role.name if self.role else None


@dataclass(frozen=True, kw_only=True)
class PathsResult(CitingResult, view="paths", json_version=2):
    """Where a role leads."""

    # 2: a step names its role as one `role` object ({id, name, short_name}; null
    # outside the catalog), not as `role` (an id) and `name`
    role: RoleRef
    start: StepFacts
    steps: tuple[PathStep, ...]
    wage_release: str | None = None
    multi_codes: frozenset[str] = field(default=frozenset(), metadata=NOT_IN_JSON)

    def blocks(self) -> tuple[Block, ...]:
        children = self._facts(self.start, base=None)
        if not self.steps:
            children.append(TreeNode("Career paths: " + NOT_IN_SOURCES))
        children += [self._step(step) for step in self.steps]
        root = TreeNode(self.role.name, tuple(children))
        return (Heading(f"Where {self.role.name} can lead"), root, *sources_block(self))

    def _facts(self, facts: StepFacts, base: str | None) -> list[TreeNode]:
        training: list[Text] = []
        if facts.entry_education is not None:
            requirement = facts.entry_education
            scope = f" ({requirement.scope})" if requirement.scope else ""
            training.append(self.cited(f"{requirement.text}{scope}", requirement.source))
        for other in (facts.work_experience, facts.on_the_job_training):
            if other is not None:
                training.append(self.cited(requirement_words(other), other.source))
        if facts.program_length is not None:
            length = facts.program_length
            training.append(self.cited(f"program {length_span(length)}", length.source))
        nodes = [
            TreeNode("Training: " + (join_text("; ", training) if training else NOT_IN_SOURCES))
        ]
        median = facts.median_pay
        if median is not None:
            nodes.append(TreeNode(self._pay("Median pay", median, facts.pay_difference, base)))
        elif facts.each_median_pay:
            nodes.append(
                TreeNode(
                    "Median pay of each occupation:",
                    tuple(
                        TreeNode(
                            self._pay(
                                each.median.scope or "", each.median, each.pay_difference, base
                            )
                        )
                        for each in facts.each_median_pay
                    ),
                )
            )
        else:
            nodes.append(TreeNode("Median pay: " + NOT_IN_SOURCES))
        nodes += [self._local(local, base) for local in facts.local_median_pay]
        if facts.local_note:
            nodes.append(TreeNode(f"Median pay in the area: {facts.local_note}"))
        if facts.outlook is None and facts.each_outlook:
            each = tuple(
                TreeNode(self.cited(f"{f.scope}: {outlook_summary(f)}", f.source))
                for f in facts.each_outlook
            )
            nodes.append(TreeNode("Outlook of each occupation:", each))
        elif facts.outlook is None:
            nodes.append(TreeNode("Outlook: " + NOT_IN_SOURCES))
        else:
            text = f"Outlook: {outlook_summary(facts.outlook)}"
            nodes.append(TreeNode(self.cited(text, facts.outlook.source)))
        return nodes

    def _pay(
        self, label: str, median: SalaryFigure, gap: PayDifference | None, base: str | None
    ) -> Text:
        when = f" ({median.as_of})" if median.as_of else ""
        pay = self.cited(f"{label}: " + salary_amount(median) + when, median.source)
        if gap is not None and base is not None:
            pay += ", " + gap.text(base)
        return pay

    def _local(self, local: LocalMedian, base: str | None) -> TreeNode:
        what = f"of {local.occupation_title} " if self.several_codes(local) else ""
        cell = local.median
        shown: Text = NOT_RELEASED
        if cell.value is not None:
            shown = bounded(f"{money(cell.value)} a year", cell.at_least)
        release = f" ({local.release or self.wage_release})"
        text = self.cited(
            f"Median pay {what}in {in_text(local.area)}: " + shown + release, local.source
        )
        gap = local.pay_difference
        if gap is not None and base is not None:
            text += ", " + gap.text(base)
        return TreeNode(text)

    def several_codes(self, local: LocalMedian) -> bool:
        return local.occupation_code in self.multi_codes

    def _step(self, step: PathStep) -> TreeNode:
        labels = " / ".join(step.labels)
        markers = join_text(" ", dict.fromkeys(self.marker(source) for source in step.sources))
        if step.outside_catalog:
            shown = f"{labels}: no BLS profile in this catalog " + markers
            if step.note_details:
                notes = join_text("; ", (self.cited(n.text, n.source) for n in step.note_details))
                shown += " (" + notes + ")"
            return TreeNode(shown)
        if step.name and _same_words(labels, step.name):
            labels = step.name  # "Nurse Practitioners -> Nurse practitioners" says it twice
        else:
            labels = f"{labels} -> {step.name}"
        if step.seen_above:
            return TreeNode(f"{labels} (see above) " + markers)
        children = self._facts(step.facts, self.role.name) if step.facts else []
        for note in step.note_details:
            whose = "" if note.labels == step.labels else f" ({', '.join(note.labels)})"
            children.append(TreeNode(self.cited(f"Note{whose}: {note.text}", note.source)))
        children += [self._step(onward) for onward in step.steps]
        return TreeNode(f"{labels} " + markers, tuple(children))

    def records(self) -> list[dict[str, CsvValue]]:
        return _records(self, self.steps, 1)


def _same_words(label: str, name: str) -> bool:
    """Whether a step's label and its role's name differ only in capitals or a plural."""
    return label.lower().rstrip("s") == name.lower().rstrip("s")


def _text_of(requirement: Requirement | None) -> str:
    return requirement.text if requirement is not None else ""


def _records(
    result: PathsResult, steps: tuple[PathStep, ...], depth: int
) -> list[dict[str, CsvValue]]:
    rows: list[dict[str, CsvValue]] = []
    for step in steps:
        facts = step.facts
        education = facts.entry_education if facts else None
        for occupation, median, difference, outlook in _figures_of(facts):
            base: dict[str, CsvValue] = {
                "depth": depth,
                "labels": "; ".join(step.labels),
                "role_id": step.role.id if step.role else "",
                "role": step.name or "",
                "occupation": occupation,
                "outside_catalog": step.outside_catalog,
                "entry_education": education.text if education else "",
                "work_experience": _text_of(facts.work_experience if facts else None),
                "on_the_job_training": _text_of(facts.on_the_job_training if facts else None),
                "median_pay": median.amount if median else None,
                "median_pay_bound": median.bound if median else "",
                "median_pay_as_of": (median.as_of or "") if median else "",
                "median_pay_source": median.source if median else "",
                "median_pay_source_number": result.number(median.source if median else None),
                "pay_difference": difference.amount if difference else None,
                "pay_difference_base": difference.base_amount if difference else None,
                "pay_difference_bound": (
                    ("at-least" if difference.at_least else "exact") if difference else ""
                ),
                "outlook_percent": outlook.percent if outlook else None,
                "outlook_period": (outlook.period or "") if outlook else "",
                "outlook_source": outlook.source if outlook else "",
                "outlook_source_number": result.number(outlook.source if outlook else None),
                "path_sources": "; ".join(
                    f"{source} [{result.number(source)}]" for source in dict.fromkeys(step.sources)
                ),
                "seen_above": step.seen_above,
            }
            rows += [{**base, **local} for local in _local_columns(facts, occupation)]
        rows += _records(result, step.steps, depth + 1)
    return rows


def _local_columns(facts: StepFacts | None, occupation: str) -> list[dict[str, CsvValue]]:
    """The local columns of a record: one record per area asked for (its median there
    and the difference from the start's there), or one with them empty."""
    empty: dict[str, CsvValue] = {
        "area": "",
        "area_median_pay": None,
        "area_median_pay_bound": "",
        "area_median_pay_as_of": "",
        "area_pay_difference": None,
        "area_pay_difference_base": None,
    }
    found = [
        m
        for m in (facts.local_median_pay if facts else ())
        if not occupation or m.occupation_code == occupation
    ]
    return [
        {
            "area": m.area,
            "area_median_pay": m.median.value,
            "area_median_pay_bound": "at-least" if m.median.at_least else "exact",
            "area_median_pay_as_of": m.release,
            "area_pay_difference": m.pay_difference.amount if m.pay_difference else None,
            "area_pay_difference_base": (
                m.pay_difference.base_amount if m.pay_difference else None
            ),
        }
        for m in found
    ] or [empty]


_Figures = tuple[str, SalaryFigure | None, PayDifference | None, OutlookFigure | None]


def _figures_of(facts: StepFacts | None) -> list[_Figures]:
    """One record's figures per occupation: the role's own, or each occupation's."""
    if facts is None:
        return [("", None, None, None)]
    if facts.median_pay is not None or not facts.each_median_pay:
        return [("", facts.median_pay, facts.pay_difference, facts.outlook)]
    outlook = {f.occupation: f for f in facts.each_outlook}
    return [
        (
            pay.median.occupation or "",
            pay.median,
            pay.pay_difference,
            outlook.get(pay.median.occupation),
        )
        for pay in facts.each_median_pay
    ]


class _PathBuilder:
    """Walks the career paths depth first, citing sources in the order they are shown."""

    def __init__(self, index: CatalogIndex, start: Role, local: LocalArea | None) -> None:
        self.index = index
        self.start = start
        self.citations = Citations(index)
        self.expanded = {start.id}
        self.local = local
        self.multi_codes: set[str] = set()
        self.areas = local.asked if local is not None else ()
        self.start_local = {area.code: self._start_local(area) for area in self.areas}

    def _start_local(self, area: Area) -> float | None:
        """The start's one OEWS median in an area, the base of differences there."""
        assert self.local is not None
        wages = role_wages(self.index, self.local.db, self.start, (area,), Citations(self.index))
        if len(wages.estimates) != 1:
            return None
        median = wages.estimates[0].wage("median")
        return median.value if median.value is not None and not median.at_least else None

    def local_medians(self, role: Role) -> tuple[tuple[LocalMedian, ...], str | None]:
        """A step's medians in each area asked for, each with its difference from the
        start's there."""
        if self.local is None:
            return (), None
        medians = []
        notes = []
        for area in self.areas:
            wages = role_wages(self.index, self.local.db, role, (area,), self.citations)
            if wages.note:
                notes.append(wages.note)
            if wages.several:
                self.multi_codes.update(e.occupation_code for e in wages.estimates)
            for estimate in wages.estimates:
                median = estimate.wage("median")
                gap = None
                base = self.start_local[area.code]
                if role is not self.start and base is not None and median.value is not None:
                    gap = PayDifference(median.value - base, median.at_least, self.start.id, base)
                medians.append(
                    LocalMedian(
                        estimate.occupation_code,
                        estimate.occupation_title,
                        area.title,
                        median,
                        gap,
                        wages.source or "",
                        self.local.db.release_of_area(area),
                    )
                )
        return tuple(medians), " ".join(notes) or None

    @cached_property
    def catalog_sources(self) -> set[str]:
        return {source.id for source in self.index.catalog.sources}

    def facts(self, role: Role) -> StepFacts:
        requirement = self.index.requirement(role, "entry-education")
        further = {r.kind: r for r in further_requirements(role.requirements)}
        experience, on_the_job = further.get("work-experience"), further.get("on-the-job-training")
        length = role.program_length
        for cited in (requirement, experience, on_the_job, length):
            if cited is not None:
                self.citations.cite(cited.source)
        median = self.index.headline_median(role)
        if median is not None and median.amount is None:
            median = None
        difference = self.difference(role, median) if median is not None else None
        each_pay: tuple[OccupationPay, ...] = ()
        if median is None:
            each_pay = tuple(
                OccupationPay(figure, self.difference(role, figure))
                for figure in self.index.detailed_medians(role)
                if figure.amount is not None
            )
        local, note = self.local_medians(role)
        projection = self.index.headline_outlook(role)
        each_outlook = () if projection is not None else tuple(self.index.detailed_outlook(role))
        for figure in (projection, *each_outlook):
            if figure is not None:
                self.citations.cite(figure.source)
        return StepFacts(
            requirement,
            length,
            median,
            difference,
            projection,
            local,
            note,
            each_median_pay=each_pay,
            each_outlook=each_outlook,
            work_experience=experience,
            on_the_job_training=on_the_job,
        )

    def difference(self, role: Role, median: SalaryFigure) -> PayDifference | None:
        """The median's difference from the start's median of the same pay period (never
        between periods), its source cited."""
        self.citations.cite(median.source)
        base = self.index.median_of_period(self.start, median.as_of)
        if role is self.start or base is None or base.amount is None or median.amount is None:
            return None
        return PayDifference(
            median.amount - base.amount, median.bound == "at-least", self.start.id, base.amount
        )

    def step(self, paths: list[CareerPath], target: Role | None, depth: int) -> PathStep:
        for path in paths:
            self.citations.cite(path.source)
        labels = tuple(p.label for p in paths)
        notes = tuple(dict.fromkeys(p.note for p in paths if p.note))
        details = self.notes_of(paths)
        sources = tuple(p.source for p in paths)
        if target is None:
            return PathStep(labels, None, True, notes, sources, note_details=details)
        if target.id in self.expanded:
            ref = RoleRef.of(target)
            return PathStep(labels, ref, False, notes, sources, seen_above=True)
        self.expanded.add(target.id)
        facts = self.facts(target)
        onward = self.branches(target, depth + 1)
        return PathStep(
            labels,
            RoleRef.of(target),
            False,
            notes,
            sources,
            facts=facts,
            steps=onward,
            note_details=details,
        )

    def notes_of(self, paths: list[CareerPath]) -> tuple[PathNote, ...]:
        """Each distinct note with the labels it belongs to, its source cited."""
        grouped: dict[tuple[str, str], list[str]] = {}
        for path in paths:
            if path.note:
                source = path.note_source or path.source
                grouped.setdefault((path.note, source), []).append(path.label)
        for _, source in grouped:
            self.citations.cite(source)
        return tuple(PathNote(tuple(labels), text, src) for (text, src), labels in grouped.items())

    def branches(self, role: Role, depth: int) -> tuple[PathStep, ...]:
        if depth > MAX_DEPTH:
            return ()
        grouped: dict[str, tuple[Role | None, list[CareerPath]]] = {}
        for position, path in enumerate(role.career_paths):
            if depth > 1 and path.source not in self.catalog_sources:
                continue  # steps read from the tables lead on from the start only
            target = self.index.role_by_id(path.role) if path.role else None
            if target is not None and target.id == self.start.id:
                continue
            key = target.id if target is not None else f"outside-{position}"
            grouped.setdefault(key, (target, []))[1].append(path)
        return tuple(self.step(paths, target, depth) for target, paths in grouped.values())


def build_paths(index: CatalogIndex, role: Role, *, local: LocalArea | None = None) -> PathsResult:
    """Where the role leads, each step with training, median pay and outlook; with
    `local`, each step's OEWS median in that area and its difference from the start's."""
    builder = _PathBuilder(index, role, local)
    start = builder.facts(role)
    steps = builder.branches(role, 1)
    return PathsResult(
        role=RoleRef.of(role),
        start=start,
        steps=steps,
        wage_release=local.release if local else None,
        multi_codes=frozenset(builder.multi_codes),
        sources=builder.citations.cited(),
    )
