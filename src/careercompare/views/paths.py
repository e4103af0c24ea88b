"""`careercompare paths`: the tree of where a role leads, with training, pay and outlook."""

from __future__ import annotations

from dataclasses import dataclass

from careercompare.citations import Citations
from careercompare.document import Heading, TreeNode, View
from careercompare.figures import money, number, outlook_summary, salary_amount
from careercompare.models import CareerPath, Role, json_data
from careercompare.query import CatalogIndex
from careercompare.views.common import NOT_IN_SOURCES, sources_block

MAX_DEPTH = 4


@dataclass(frozen=True)
class Step:
    """Career paths of one role that lead to the same place."""

    labels: tuple[str, ...]
    target: Role | None
    paths: tuple[CareerPath, ...]


def _steps(index: CatalogIndex, role: Role) -> list[Step]:
    """The role's career paths, those leading to the same catalog role merged."""
    steps: list[Step] = []
    for path in role.career_paths:
        target = index.roles_by_id.get(path.role) if path.role else None
        same = next((s for s in steps if target is not None and s.target is target), None)
        if same is None:
            steps.append(Step((path.label,), target, (path,)))
        else:
            steps[steps.index(same)] = Step((*same.labels, path.label), target, (*same.paths, path))
    return steps


class _PathBuilder:
    def __init__(self, index: CatalogIndex, start: Role) -> None:
        self.index = index
        self.start = start
        self.start_median = index.headline_median(start)
        self.citations = Citations(index.catalog)

    def training(self, role: Role) -> tuple[str, dict[str, object]]:
        requirement = self.index.requirement(role, "entry-education")
        length = role.program_length
        parts = []
        data: dict[str, object] = {"entry_education": None, "program_length": None}
        if requirement is not None:
            scope = f" ({requirement.scope})" if requirement.scope else ""
            marker = self.citations.cite(requirement.source)
            parts.append(f"{requirement.text}{scope} {marker}")
            data["entry_education"] = json_data(requirement)
        if length is not None:
            parts.append(
                f"program {number(length.low)} to {number(length.high)} {length.unit} "
                f"({length.scope}) {self.citations.cite(length.source)}"
            )
            data["program_length"] = json_data(length)
        return "Training: " + ("; ".join(parts) or NOT_IN_SOURCES), data

    def pay(self, role: Role) -> tuple[str, dict[str, object]]:
        median = self.index.headline_median(role)
        if median is None or median.amount is None:
            return f"Median pay: {NOT_IN_SOURCES}", {"median_pay": None, "pay_difference": None}
        when = f" ({median.as_of})" if median.as_of else ""
        text = f"Median pay: {salary_amount(median)}{when} {self.citations.cite(median.source)}"
        difference: dict[str, object] | None = None
        base = self.start_median
        if role is not self.start and base is not None and base.amount is not None:
            gap = median.amount - base.amount
            at_least = median.bound == "at-least"
            sign = "+" if gap >= 0 else "-"
            shown = f"{'at least ' if at_least else ''}{sign}{money(abs(gap))}"
            text += f", {shown} vs {self.start.name}"
            difference = {"amount": gap, "at_least": at_least, "versus": self.start.id}
        return text, {"median_pay": json_data(median), "pay_difference": difference}

    def outlook(self, role: Role) -> tuple[str, dict[str, object]]:
        projection = self.index.headline_outlook(role)
        if projection is None:
            return f"Outlook: {NOT_IN_SOURCES}", {"outlook": None}
        text = f"Outlook: {outlook_summary(projection)} {self.citations.cite(projection.source)}"
        return text, {"outlook": json_data(projection)}

    def facts(self, role: Role) -> tuple[list[TreeNode], dict[str, object]]:
        nodes, data = [], {}
        for text, part in (self.training(role), self.pay(role), self.outlook(role)):
            nodes.append(TreeNode(text))
            data.update(part)
        return nodes, data

    def step(self, step: Step, seen: set[str], depth: int) -> tuple[TreeNode, dict[str, object]]:
        labels = " / ".join(step.labels)
        markers = " ".join(dict.fromkeys(self.citations.cite(p.source) for p in step.paths))
        notes = list(dict.fromkeys(p.note for p in step.paths if p.note))
        data: dict[str, object] = {
            "labels": list(step.labels),
            "role": step.target.id if step.target else None,
            "name": step.target.name if step.target else None,
            "outside_catalog": step.target is None,
            "notes": notes,
            "sources": [p.source for p in step.paths],
        }
        if step.target is None:
            note = f" ({'; '.join(notes)})" if notes else ""
            text = f"{labels}: no BLS profile in this catalog{note} {markers}"
            return TreeNode(text), {**data, "steps": []}
        children, facts = self.facts(step.target)
        children += [TreeNode(f"Note: {note}") for note in notes]
        onward = self.branches(step.target, seen | {step.target.id}, depth + 1)
        children += [node for node, _ in onward]
        node = TreeNode(f"{labels} -> {step.target.name} {markers}", tuple(children))
        return node, {**data, **facts, "steps": [d for _, d in onward]}

    def branches(
        self, role: Role, seen: set[str], depth: int
    ) -> list[tuple[TreeNode, dict[str, object]]]:
        if depth > MAX_DEPTH:
            return []
        return [
            self.step(step, seen, depth)
            for step in _steps(self.index, role)
            if step.target is None or step.target.id not in seen
        ]


def _records(steps: list[dict[str, object]], depth: int = 1) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for step in steps:
        median = step.get("median_pay")
        difference = step.get("pay_difference")
        outlook = step.get("outlook")
        education = step.get("entry_education")
        rows.append(
            {
                "depth": depth,
                "labels": "; ".join(step["labels"]),  # type: ignore[arg-type]
                "role_id": step["role"] or "",
                "role": step["name"] or "",
                "outside_catalog": step["outside_catalog"],
                "entry_education": education["text"] if isinstance(education, dict) else "",
                "median_pay": median["amount"] if isinstance(median, dict) else None,
                "median_pay_bound": median["bound"] if isinstance(median, dict) else "",
                "pay_difference": difference["amount"] if isinstance(difference, dict) else None,
                "outlook_percent": outlook["percent"] if isinstance(outlook, dict) else None,
                "outlook_period": outlook["period"] if isinstance(outlook, dict) else "",
            }
        )
        rows += _records(step["steps"], depth + 1)  # type: ignore[arg-type]
    return rows


def paths_view(index: CatalogIndex, role: Role) -> View:
    """Where the role leads, each step with training, median pay and outlook."""
    builder = _PathBuilder(index, role)
    start_nodes, start_data = builder.facts(role)
    branches = builder.branches(role, {role.id}, 1)
    if not branches:
        start_nodes.append(TreeNode(f"Career paths: {NOT_IN_SOURCES}"))
    root = TreeNode(role.name, tuple(start_nodes) + tuple(node for node, _ in branches))
    blocks = (Heading(f"Where {role.name} leads"), root, *sources_block(builder.citations))
    steps = [data for _, data in branches]

    def data() -> dict[str, object]:
        return {
            "view": "paths",
            "role": {"id": role.id, "name": role.name},
            "start": start_data,
            "steps": steps,
            "sources": builder.citations.data(),
        }

    return View("paths", blocks, data, lambda: tuple(_records(steps)))
