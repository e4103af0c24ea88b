"""`careercompare payback`: how many months until a training program pays for itself, for
each role side by side, at the area's median pay and, as a cautious case, its 25th
percentile (BLS OEWS).

The rule, stated in the output and the README:
    months = (cost + forgone) / ((new_pay - current_pay) / 12)
    forgone = current_pay x months_of_training / 12   (0 when training part-time)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from careercompare.catalog.index import CatalogIndex
from careercompare.catalog.models import Role
from careercompare.errors import UsageError
from careercompare.results.base import CitingResult, CsvValue
from careercompare.results.blocks import Block, Heading, Paragraph, Records
from careercompare.results.inline import Gap, Text, bounded, join_text
from careercompare.views.citations import Citations
from careercompare.views.common import RoleRef, sources_block
from careercompare.views.formatting import money
from careercompare.views.local_wages import estimates_in, wage_source
from careercompare.wages.estimates import Area, Cell

if TYPE_CHECKING:
    from careercompare.views.program_figures import DebtOf, ProgramDebt
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
    cost_basis: str | None = None  # where a cost not given comes from
    cost_source: str | None = None
    months_basis: str | None = None  # where a length not given comes from
    months_source: str | None = None

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

    def text(self) -> Text:
        if self.pay.value is None:
            return Gap("no pay figure released")
        if self.months is None:
            return NEVER
        months = f"{self.months:.1f}"
        return bounded(months, self.at_most, "at most")


@dataclass(frozen=True)
class RolePayback:
    """One occupation of a role in the area: its pay and the months at each pay figure."""

    role: RoleRef
    occupation_code: str
    occupation_title: str
    median: Payback
    percentile_25: Payback
    plan: Plan | None = None  # the role's own, where the cost or length was not given
    area: Area | None = None  # where, when several areas are side by side


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
    areas: tuple[Area, ...] = ()  # when several are side by side (`area` is the first)

    def _where(self) -> str:
        return " and ".join(a.title for a in self.areas) if self.areas else self.area.title

    def _name(self, r: RolePayback) -> str:
        return f"{r.role.name}, {r.area.title}" if r.area is not None else r.role.name

    def blocks(self) -> tuple[Block, ...]:
        source = self.sources[0].source.id
        plan = self.plan
        now = money(plan.current_pay)
        if plan.hourly:
            now += f" a year ({money(plan.current_pay / HOURS_PER_YEAR, cents=True)} an hour "
            now += f"x {HOURS_PER_YEAR:,} hours)"
        else:
            now += " a year"
        # what was not given is each role's own, from its sources (the notes say which)
        length = f"{plan.months:g} months" if plan.months > 0 else "as long as each role's program"
        training = length + (", part-time" if plan.part_time else "")
        cost = money(plan.cost) if plan.cost > 0 else "what each role's program costs"
        known = plan.months > 0 or plan.part_time
        forgone = money(plan.forgone) if known else "for each role's training length"
        given = f"Current pay {now}; training {training}, costing {cost}; forgone pay {forgone}."
        rows = tuple(
            (
                self._name(r),
                f"{r.occupation_title} ({r.occupation_code})",
                "median " + _pay(r.median.pay) + "; 25th percentile " + _pay(r.percentile_25.pay),
                r.median.text(),
                r.percentile_25.text(),
            )
            for r in self.roles
        )
        blocks: list[Block] = [
            Heading(f"Months until training pays back, {self._where()} ({self.release})"),
            Paragraph(given),
        ]
        if rows:
            blocks += [Heading(f"Pay in {self._where()} " + self.marker(source), 2)]
            blocks.append(Records(COLUMNS, rows))
        for r in self.roles:
            if r.plan is not None:
                bases = (
                    (r.plan.cost_basis, r.plan.cost_source),
                    (r.plan.months_basis, r.plan.months_source),
                )
                basis = join_text("; ", (self.cited(b, s) for b, s in bases if b and s))
                blocks.append(Paragraph(f"{self._name(r)}: " + basis + ".", note=True))
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
                "area": (r.area or self.area).title,
                "release": (r.area.release if r.area else "") or self.release,
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


def _pay(cell: Cell) -> Text:
    if cell.value is None:
        return Gap("not released")
    return bounded(money(cell.value), cell.at_least)


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
    """The plan, each figure given positive. A missing cost or length is 0 here and filled
    per role by `role_plan`, from the sources where they speak."""
    if current_pay is None:
        raise UsageError("--current-pay is missing; give what you earn now, a year")
    for option, value in (("--current-pay", current_pay), ("--cost", cost), ("--months", months)):
        if value is not None and (not value > 0 or value == float("inf")):
            what = "a finite number" if value == float("inf") else "a number above 0"
            raise UsageError(f"{option} must be {what}, not {value:g}")
    annual = current_pay * HOURS_PER_YEAR if hourly else current_pay
    return Plan(annual, hourly, cost or 0.0, months or 0.0, part_time)


def role_plan(plan: Plan, role: Role, debt: ProgramDebt | None) -> Plan:
    """The plan for one role: what was given, else the role's sourced program length (its
    longest) and the median debt of the area's programs of its training credential, each
    labelled; a usage error naming the option where no source speaks."""
    if plan.months <= 0:
        length = role.program_length
        if length is None:
            raise UsageError(
                f"--months is missing and no source gives the length of a program for "
                f"'{role.name}'; give --months"
            )
        per_month = {"weeks": 12 / 52, "months": 1.0, "years": 12.0}[length.unit]
        months = length.high * per_month
        basis = (
            f"training taken as {months:.1f} months: the longest of the sourced "
            f"{length.low:g} to {length.high:g} {length.unit} ({length.scope}), at 52 weeks "
            "a year"
        )
        plan = replace(plan, months=months, months_basis=basis, months_source=length.source)
    if plan.cost <= 0:
        if debt is None:
            raise UsageError(
                f"--cost is missing and no certificate, associate's or bachelor's program "
                f"that leads to '{role.name}' in the area publishes a median debt (a graduate "
                "degree's is not read); give --cost"
            )
        basis = (
            f"cost taken as {money(debt.amount)}, the median debt of {debt.where}'s "
            f"{debt.credential.label} programs that lead to it (College Scorecard; a debt, "
            "not a price)"
        )
        plan = replace(plan, cost=float(debt.amount), cost_basis=basis, cost_source=debt.source.id)
    return plan


def build_payback(
    index: CatalogIndex,
    db: WageDatabase,
    roles: Sequence[Role],
    places: Sequence[Area],
    plan: Plan,
    *,
    debts_in: Callable[[Area], DebtOf] | None = None,
) -> PaybackResult:
    """Each role's months to pay back the training in each area, side by side;
    `debts_in` gives, by area, a role's median program debt where the cost was not
    given."""
    citations = Citations(index)
    citations.cite_source(wage_source(index, db))
    found = []
    notes: list[str] = []
    for place in places:
        here = debts_in(place) if debts_in is not None else None
        several = len(places) > 1
        found += _paybacks(db, index, roles, place, plan, here, citations, notes, several)
    return PaybackResult(
        area=places[0],
        release=db.release_of_area(places[0]),
        plan=plan,
        rule=RULE,
        roles=tuple(found),
        notes=tuple(notes),
        areas=tuple(places) if len(places) > 1 else (),
        sources=citations.cited(),
    )


def _paybacks(
    db: WageDatabase,
    index: CatalogIndex,
    roles: Sequence[Role],
    area: Area,
    plan: Plan,
    debts: DebtOf | None,
    citations: Citations,
    notes: list[str],
    several: bool,
) -> list[RolePayback]:
    found = []
    for role in roles:
        estimates, note = estimates_in(db, role, area, index.tables)
        if note:
            notes.append(note)
        if not estimates:
            continue
        given = plan.cost > 0 and plan.months > 0
        debt = debts(role) if debts and plan.cost <= 0 else None
        own = plan if given else role_plan(plan, role, debt)
        if own.cost_source and debt is not None:
            citations.cite_source(debt.source)
        if own.months_source:
            citations.cite(own.months_source)
        for estimate in estimates:
            found.append(
                RolePayback(
                    RoleRef.of(role),
                    estimate.occupation_code,
                    estimate.occupation_title,
                    months_to_pay_back(own, estimate.wage("median")),
                    months_to_pay_back(own, estimate.wage("pct25")),
                    None if given else own,
                    area if several else None,
                )
            )
    return found
