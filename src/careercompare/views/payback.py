"""`careercompare payback`: how many months until a training program pays for itself, for
each role side by side, at the area's median pay and, as a cautious case, its 25th
percentile (BLS OEWS).

The rule, stated in the output and the README:
    months = (cost + forgone) / ((new_pay - current_pay) / 12)
    forgone = current_pay x months_of_training / 12   (0 when training part-time)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from careercompare.catalog.index import CatalogIndex
from careercompare.catalog.models import Role, oews_codes
from careercompare.errors import UsageError
from careercompare.results.base import CitingResult, CsvValue
from careercompare.results.blocks import Block, Heading, Paragraph, Records
from careercompare.views.citations import Citations
from careercompare.views.common import RoleRef, sources_block
from careercompare.views.formatting import money
from careercompare.wages.estimates import Area, Cell

if TYPE_CHECKING:
    from careercompare.wages.database import WageDatabase

HOURS_PER_YEAR = 2080
COLUMNS = ("Role", "Occupation", "Pay", "Months at the median", "Months at the 25th percentile")
RULE = (
    "months = (cost + forgone pay) / ((new pay - current pay) / 12), where forgone pay = "
    "current pay x months of training / 12 (none when training part-time); new pay is the "
    "area's median, and as a cautious case its 25th percentile. careercompare's own rule."
)
NEVER = "never pays back at this pay"


@dataclass(frozen=True)
class Plan:
    """What the person gives: pay now (a year), the training's cost and length."""

    current_pay: float
    hourly: bool
    cost: float
    months: float
    part_time: bool

    @property
    def forgone(self) -> float:
        return 0.0 if self.part_time else self.current_pay * self.months / 12


@dataclass(frozen=True)
class Payback:
    """The months until the training pays back at one pay figure, or why it never does.
    `at_most` when the pay is a lower bound (BLS's top code): the months are a bound too."""

    pay: Cell
    months: float | None
    at_most: bool

    def text(self) -> str:
        if self.pay.value is None:
            return "no pay figure released"
        if self.months is None:
            return NEVER
        return f"{'at most ' if self.at_most else ''}{self.months:.1f}"


@dataclass(frozen=True)
class RolePayback:
    """One occupation of a role in the area: its pay and the months at each pay figure."""

    role: RoleRef
    occupation_code: str
    occupation_title: str
    median: Payback
    percentile_25: Payback


@dataclass(frozen=True, kw_only=True)
class PaybackResult(CitingResult):
    """Months to pay back a training, for each role, in one area."""

    VIEW = "payback"
    area: Area
    release: str
    plan: Plan
    rule: str
    roles: tuple[RolePayback, ...]
    notes: tuple[str, ...]

    def blocks(self) -> tuple[Block, ...]:
        source = self.sources[0].source.id
        plan = self.plan
        now = money(plan.current_pay)
        if plan.hourly:
            now += f" a year ({money(plan.current_pay / HOURS_PER_YEAR, cents=True)} an hour "
            now += f"x {HOURS_PER_YEAR:,} hours)"
        else:
            now += " a year"
        training = f"{plan.months:g} months" + (", part-time" if plan.part_time else "")
        given = (
            f"Current pay {now}; training {training}, costing {money(plan.cost)}; "
            f"forgone pay {money(plan.forgone)}."
        )
        rows = tuple(
            (
                r.role.name,
                f"{r.occupation_title} ({r.occupation_code})",
                f"median {_pay(r.median.pay)}; 25th percentile {_pay(r.percentile_25.pay)}",
                r.median.text(),
                r.percentile_25.text(),
            )
            for r in self.roles
        )
        blocks: list[Block] = [
            Heading(f"Months until training pays back, {self.area.title} ({self.release})"),
            Paragraph(given),
        ]
        if rows:
            blocks += [Heading(f"Pay in {self.area.title} {self.marker(source)}", 2)]
            blocks.append(Records(COLUMNS, rows))
        blocks += [Paragraph(note, note=True) for note in self.notes]
        blocks.append(Paragraph(f"The rule: {self.rule}", note=True))
        return (*blocks, *sources_block(self))

    def records(self) -> list[dict[str, CsvValue]]:
        source = self.sources[0].source.id
        return [
            {
                "role_id": r.role.id,
                "role": r.role.name,
                "occupation_code": r.occupation_code,
                "occupation": r.occupation_title,
                "area": self.area.title,
                "release": self.release,
                "median": r.median.pay.value,
                "median_at_least": r.median.pay.at_least,
                "months_at_median": r.median.months,
                "months_at_median_bound": "at-most" if r.median.at_most else "exact",
                "percentile_25": r.percentile_25.pay.value,
                "months_at_percentile_25": r.percentile_25.months,
                "months_at_percentile_25_bound": "at-most" if r.percentile_25.at_most else "exact",
                "current_pay": self.plan.current_pay,
                "cost": self.plan.cost,
                "training_months": self.plan.months,
                "part_time": self.plan.part_time,
                "source": source,
                "source_number": self.number(source),
            }
            for r in self.roles
        ]


def _pay(cell: Cell) -> str:
    if cell.value is None:
        return "not released"
    return f"{'at least ' if cell.at_least else ''}{money(cell.value)}"


def months_to_pay_back(plan: Plan, pay: Cell) -> Payback:
    """The months by the rule, to one decimal when shown; None when new pay is not above
    the current pay."""
    if pay.value is None:
        return Payback(pay, None, at_most=False)
    gain = (pay.value - plan.current_pay) / 12
    if gain <= 0:
        return Payback(pay, None, at_most=False)
    return Payback(pay, (plan.cost + plan.forgone) / gain, at_most=pay.at_least)


def checked_plan(
    current_pay: float | None,
    *,
    hourly: bool,
    cost: float | None,
    months: float | None,
    part_time: bool,
) -> Plan:
    """The plan, every figure given and positive; otherwise a usage error naming the option."""
    for option, value in (("--current-pay", current_pay), ("--cost", cost), ("--months", months)):
        if value is None:
            raise UsageError(
                f"{option} is missing; payback needs --current-pay, --cost and --months"
            )
        if not value > 0 or value != value or value == float("inf"):
            raise UsageError(f"{option} must be a number above 0, not {value:g}")
    assert current_pay is not None and cost is not None and months is not None
    annual = current_pay * HOURS_PER_YEAR if hourly else current_pay
    return Plan(annual, hourly, cost, months, part_time)


def build_payback(
    index: CatalogIndex, db: WageDatabase, roles: Sequence[Role], area: Area, plan: Plan
) -> PaybackResult:
    """Each role's months to pay back the training in the area."""
    citations = Citations(index)
    citations.cite_source(index.sources_by_id.get(db.source_id) or db.source())
    found = []
    notes = []
    for role in roles:
        codes = oews_codes(role)
        if not codes:
            notes.append(
                f"{role.name}: BLS publishes no local wages; it has no BLS occupation code."
            )
            continue
        estimates = [e for e in (db.estimate(code, area) for code in codes) if e is not None]
        if not estimates:
            notes.append(f"{role.name}: BLS publishes no {db.release} estimate in {area.title}.")
        for estimate in estimates:
            found.append(
                RolePayback(
                    RoleRef.of(role),
                    estimate.occupation_code,
                    estimate.occupation_title,
                    months_to_pay_back(plan, estimate.wage("median")),
                    months_to_pay_back(plan, estimate.wage("pct25")),
                )
            )
    return PaybackResult(
        area=area,
        release=db.release,
        plan=plan,
        rule=RULE,
        roles=tuple(found),
        notes=tuple(notes),
        sources=citations.cited(),
    )
