"""`careercompare payback`: how many months until a training program pays for itself, for
each role side by side, at the area's median pay and, as a cautious case, its 25th
percentile (BLS OEWS).

The rule, stated in the output and the README:
    months = (cost + forgone) / ((new_pay - current_pay) / 12)
    forgone = current_pay x months_of_training / 12   (0 when training part-time)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from careercompare.catalog.index import CatalogIndex
from careercompare.catalog.models import Role, oews_codes
from careercompare.errors import UsageError
from careercompare.results.base import CitingResult, CsvValue
from careercompare.results.blocks import Block, Heading, Paragraph, Records
from careercompare.results.inline import Gap, Text, bounded, join_text
from careercompare.views.citations import Citations
from careercompare.views.common import RoleRef, sources_block
from careercompare.views.formatting import at_schools, length_span, money
from careercompare.views.local_wages import estimates_in, wage_source
from careercompare.wages.estimates import Area, Cell, in_text

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
class Given:
    """A figure as the person gave it: for every role (`every`), and for one role alone
    (`by_role`, by role id); None and empty where not given."""

    every: float | None = None
    by_role: Mapping[str, float] = field(default_factory=dict)

    def of(self, role_id: str) -> float | None:
        """The role's own figure, else the one for every role."""
        return self.by_role.get(role_id, self.every)

    @property
    def shared(self) -> float | None:
        """The figure every role shares, where only one was given, for all."""
        return None if self.by_role else self.every

    def figures(self) -> list[float]:
        return [*([] if self.every is None else [self.every]), *self.by_role.values()]


@dataclass(frozen=True)
class Asked:
    """What the person gave: pay now (a year), whether they keep it while training, and
    the training's cost and length (`Given`: for every role, or one role's own)."""

    current_pay: float
    hourly: bool
    part_time: bool
    cost: Given = field(default_factory=Given)
    months: Given = field(default_factory=Given)
    # --school: a cost not given is the median debt of those schools' programs only
    school: str | None = None

    def costed(self, role_id: str) -> bool:
        """True when a cost was given for the role (for it alone, or for every role)."""
        return self.cost.of(role_id) is not None


@dataclass(frozen=True)
class Plan:
    """One role's plan: pay now (a year), its training's cost and length, and where each
    came from when the person did not give it (None: given)."""

    current_pay: float
    hourly: bool
    cost: float
    months: float
    part_time: bool
    cost_basis: str | None = None
    cost_source: str | None = None
    months_basis: str | None = None
    months_source: str | None = None
    # the other occupations whose programs a program debt taken as the cost includes
    cost_shared_with: tuple[str, ...] = ()
    cost_shared_source: str | None = None

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
    plan: Plan  # the role's own cost and length, given or sourced
    area: Area | None = None  # where, when several areas are side by side


@dataclass(frozen=True, kw_only=True)
class PaybackResult(CitingResult, view="payback", json_version=3):
    """Months to pay back a training, for each role, in one area."""

    # 2: `plan` is what was given (`cost` and `months`: {every, by_role}, null and empty
    #    where not); each of `roles` has its own `plan`, the cost and length reckoned with
    # 3: a cost taken from program debt is the median of each school's figures once
    area: Area
    release: str
    plan: Asked
    rule: str
    roles: tuple[RolePayback, ...]
    notes: tuple[str, ...]
    areas: tuple[Area, ...] = ()  # when several are side by side (`area` is the first)

    def _where(self) -> str:
        return " and ".join(a.in_text for a in self.areas) if self.areas else self.area.in_text

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
        given = f"Current pay {now}; " + _shared_plan(plan) + "."
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
            Heading(f"Months until training pays back in {self._where()} ({self.release})"),
            Paragraph(given),
        ]
        if rows:
            blocks += [Heading(f"Pay in {self._where()} " + self.marker(source), 2)]
            blocks.append(Records(COLUMNS, rows))
        for r in self.roles:
            said = self._own_plan(r.plan)
            if said:
                blocks.append(
                    Paragraph(f"{self._name(r)}: " + join_text("; ", said) + ".", note=True)
                )
        blocks += [Paragraph(note, note=True) for note in self.notes]
        blocks.append(Paragraph(f"The rule: {self.rule}", note=True))
        return (*blocks, *sources_block(self))

    def _own_plan(self, own: Plan) -> list[Text]:
        """What one role's plan does not share with every role: a cost or length given
        for it alone, or taken from a source (cited)."""
        said: list[Text] = []
        if own.cost_basis and own.cost_source:
            basis = self.cited(own.cost_basis, own.cost_source)
            if own.cost_shared_source:
                basis = basis + self.marker(own.cost_shared_source)
            said.append(basis)
        elif self.plan.cost.shared is None:
            said.append(f"cost {money(own.cost)}, as given")
        if own.months_basis and own.months_source:
            said.append(self.cited(own.months_basis, own.months_source))
        elif self.plan.months.shared is None:
            said.append(f"training {own.months:g} months, as given")
        return said

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
                "current_pay": r.plan.current_pay,
                "cost": r.plan.cost,
                "cost_basis": r.plan.cost_basis or "given",
                "cost_source": r.plan.cost_source or "",
                # a cost from program debt: the other occupations its fields' programs are for
                "cost_shared_with": " ".join(r.plan.cost_shared_with),
                "cost_shared_source": r.plan.cost_shared_source or "",
                "training_months": r.plan.months,
                "training_months_basis": r.plan.months_basis or "given",
                "training_months_source": r.plan.months_source or "",
                "part_time": r.plan.part_time,
                "source": source,
                "source_number": self.number(source),
            }
            for r in self.roles
        ]


def _shared_plan(plan: Asked) -> str:
    """The training's length, cost and forgone pay where every role shares them; what is
    each role's own (given for it, or sourced) is said under the table."""
    months, cost = plan.months.shared, plan.cost.shared
    said = []
    if months:
        said.append(f"training {months:g} months" + (", part-time" if plan.part_time else ""))
    elif plan.part_time:
        said.append("training part-time")
    if cost:
        said.append(f"costing {money(cost)}")
    shared = ", ".join(said)
    if plan.part_time or months:
        forgone = 0.0 if plan.part_time else plan.current_pay * (months or 0) / 12
        shared += ("; " if shared else "") + f"forgone pay {money(forgone)}"
    own = [word for word, same in (("training length", months), ("cost", cost)) if not same]
    if own:
        shared += ("; " if shared else "") + f"each role's own {' and '.join(own)} below"
    return shared


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
    part_time: bool,
    cost: Given | float | None = None,
    months: Given | float | None = None,
) -> Asked:
    """What was given (a cost or length as one figure for every role, or as `Given`), each
    figure checked to be a finite number above 0. A cost or length not given is filled
    per role by `role_plan`, from the sources where they speak."""
    if current_pay is None:
        raise UsageError("--current-pay is missing; give what you earn now, a year")
    cost, months = _given(cost), _given(months)
    figures = [("--current-pay", current_pay)]
    figures += [("--cost", value) for value in cost.figures()]
    figures += [("--months", value) for value in months.figures()]
    for option, value in figures:
        if not value > 0 or value == float("inf"):
            what = "a finite number" if value == float("inf") else "a number above 0"
            raise UsageError(f"{option} must be {what}, not {value:g}")
    annual = current_pay * HOURS_PER_YEAR if hourly else current_pay
    return Asked(annual, hourly, part_time, cost, months)


def _given(figure: Given | float | None) -> Given:
    return figure if isinstance(figure, Given) else Given(figure)


def asked_plan(
    index: CatalogIndex,
    roles: Sequence[Role],
    current_pay: float | None,
    cost: Sequence[str],
    months: Sequence[str],
    *,
    hourly: bool,
    part_time: bool,
    school: Sequence[str] = (),
) -> Asked:
    """What the command line gave for the roles compared, each `--cost` and `--months`
    read as every role's or one role's (`figures_given`) and every figure checked."""
    plan = checked_plan(
        current_pay,
        hourly=hourly,
        part_time=part_time,
        cost=figures_given("--cost", cost, index, roles),
        months=figures_given("--months", months, index, roles),
    )
    return replace(plan, school=" ".join(school) or None)


def figures_given(
    option: str, values: Sequence[str], index: CatalogIndex, roles: Sequence[Role]
) -> Given:
    """An option's figures as given: a bare number is every role's, `ROLE=N` one role's
    (any name of one of `roles`); a usage error for words that are neither, a role not
    compared, or a figure given twice."""
    every: float | None = None
    by_role: dict[str, float] = {}
    unit = "MONTHS" if option == "--months" else "DOLLARS"
    for value in values:
        name, equals, figure = value.rpartition("=")
        number = _number(figure)
        if number is None or (equals and not name.strip()):
            raise UsageError(f"{option} takes {unit} or ROLE={unit}, not '{value}'")
        if not equals:
            if every is not None:
                raise UsageError(
                    f"{option} gives a figure for every role twice ({every:g} and "
                    f"{number:g}); give one, or ROLE={unit} for one role"
                )
            every = number
            continue
        try:
            role = _compared_role(name.strip(), index, roles)
        except UsageError as error:  # the option it was given in, first
            raise UsageError(f"{option} {value}: {error.message}", details=error.details) from None
        if role.id not in {r.id for r in roles}:
            compared = ", ".join(r.id for r in roles)
            raise UsageError(
                f"{option} {value}: '{name.strip()}' is not one of the roles compared ({compared})"
            )
        if role.id in by_role:
            raise UsageError(f"{option} gives a figure for '{role.id}' twice")
        by_role[role.id] = number
    return Given(every, by_role)


def _compared_role(name: str, index: CatalogIndex, roles: Sequence[Role]) -> Role:
    """The role a name means; a name of several occupations means the one of them that
    is compared, where only one is ('rt' beside respiratory therapists)."""
    try:
        return index.resolve_role(name)
    except UsageError:
        named = set(index.tables.codes_named(name)) if index.tables else set()
        among = [role for role in roles if named & set(oews_codes(role))]
        if len(among) == 1:
            return among[0]
        raise


def _number(words: str) -> float | None:
    try:
        return float(words.strip())
    except ValueError:
        return None


def role_plan(asked: Asked, role: Role, debt: ProgramDebt | None) -> Plan:
    """The plan for one role: what was given for it or for every role, else the role's
    sourced program length (its longest) and the median debt of the area's programs of
    its training credential, each labelled; a usage error naming the option where no
    source speaks."""
    months, cost = asked.months.of(role.id), asked.cost.of(role.id)
    plan = Plan(asked.current_pay, asked.hourly, cost or 0.0, months or 0.0, asked.part_time)
    if months is None:
        length = role.program_length
        if length is None:
            raise UsageError(
                f"--months is missing and no source gives the length of a program for "
                f"'{role.name}'; give --months, for every role or as {role.id}=MONTHS"
            )
        per_month = {"weeks": 12 / 52, "months": 1.0, "years": 12.0}[length.unit]
        sourced = length.high * per_month
        which = "the sourced" if length.low == length.high else "the longest of the sourced"
        weeks = ", at 52 weeks a year" if length.unit == "weeks" else ""
        basis = f"training taken as {sourced:.1f} months: {which} {length_span(length)}{weeks}"
        plan = replace(plan, months=sourced, months_basis=basis, months_source=length.source)
    if cost is None:
        if debt is None:
            raise UsageError(
                f"--cost is missing and no certificate, associate's or bachelor's program "
                f"that leads to '{role.name}'{at_schools(asked.school)} in the area publishes "
                f"a median debt (a graduate degree's is not read); give --cost, for every role "
                f"or as {role.id}=DOLLARS"
            )
        shared = debt.shared.words()
        basis = (
            f"cost taken as {money(debt.amount)}, the median debt of {debt.credential.words} "
            f"programs{at_schools(debt.school)} in {in_text(debt.where)} that lead to it "
            f"(College Scorecard, each school's once; a debt, not a price"
            f"{'; ' + shared if shared else ''})"
        )
        plan = replace(
            plan,
            cost=float(debt.amount),
            cost_basis=basis,
            cost_source=debt.source.id,
            cost_shared_with=debt.shared.shared_with,
            cost_shared_source=debt.crosswalk.id if shared else None,
        )
    return plan


def build_payback(
    index: CatalogIndex,
    db: WageDatabase,
    roles: Sequence[Role],
    places: Sequence[Area],
    plan: Asked,
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
    plan: Asked,
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
        debt = debts(role) if debts and not plan.costed(role.id) else None
        own = role_plan(plan, role, debt)
        if own.cost_source and debt is not None:
            citations.cite_source(debt.source)
            if own.cost_shared_source:
                citations.cite_source(debt.crosswalk)
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
                    own,
                    area if several else None,
                )
            )
    return found
