"""`careercompare outlook`: each role's projections, newest first, and growth on one scale."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from careercompare.catalog.index import CatalogIndex
from careercompare.catalog.models import GrowthDriver, OutlookFigure, Role
from careercompare.results.base import FLATTEN, CitingResult, CsvValue
from careercompare.results.blocks import Bar, BarChart, Block, BulletList, Heading, Paragraph
from careercompare.views.citations import Citations
from careercompare.views.common import (
    OccupationNote,
    OfRole,
    RoleRef,
    driver_text,
    occupation_note_blocks,
    occupation_notes,
    sources_block,
)
from careercompare.views.formatting import outlook_summary
from careercompare.views.projection_table import Projection, projection_records, projections


@dataclass(frozen=True)
class StateFigure:
    """A projection of the role's occupation in a state, and careercompare's flag on it."""

    figure: OutlookFigure = field(metadata=FLATTEN)
    flag: str | None = None


@dataclass(frozen=True)
class OutlookRole(OfRole):
    """A role's projections, newest firsthand first, and what drives its growth; with an
    area, its state's projections apart (another period and another publisher)."""

    role: RoleRef
    outlook: tuple[Projection, ...]
    growth_drivers: tuple[GrowthDriver, ...]
    in_state: tuple[StateFigure, ...] = ()


@dataclass(frozen=True, kw_only=True)
class OutlookResult(CitingResult, view="outlook", json_version=4):
    """Employment projections of some roles."""

    # 2: a secondhand report of a projection is in that projection's reported_as
    # 3: occupation notes name their role as {id, name, short_name}
    # 4: each of `roles` names its role as one `role` object too
    roles: tuple[OutlookRole, ...]
    occupation_notes: tuple[OccupationNote, ...]
    state: str | None = None
    states: tuple[str, ...] = ()  # when several are side by side (`state` is the first)

    def blocks(self) -> tuple[Block, ...]:
        names = " vs ".join(role.name for role in self.roles)
        blocks: list[Block] = [Heading(f"Job outlook: {names}")]
        for role in self.roles:
            blocks += [Heading(role.name, 2), projection_records(self, role.outlook)]
            if role.growth_drivers:
                drivers = tuple(self.cited(driver_text(d), d.source) for d in role.growth_drivers)
                blocks += [Paragraph("What drives growth:"), BulletList(drivers)]
            blocks += self._state_blocks(role)
        periods = list(
            dict.fromkeys(
                p.figure.period or "no period stated" for r in self.roles for p in r.outlook
            )
        )
        if len(periods) > 1:
            blocks.append(
                Paragraph(
                    f"Projections of different periods are side by side ({', '.join(periods)}).",
                    note=True,
                )
            )
        chart = self._chart()
        if chart is not None:
            blocks += [Heading("Growth on one scale", 2), chart]
        blocks += [*occupation_note_blocks(self, self.occupation_notes), *sources_block(self)]
        return tuple(blocks)

    def _state_blocks(self, role: OutlookRole) -> list[Block]:
        if self.state is None:
            return []
        where = " and ".join(self.states) if self.states else self.state
        if not role.in_state:
            return [Heading(f"In {where}", 3), Paragraph("No state projection published.")]
        period = role.in_state[0].figure.period
        shown = tuple(Projection(s.figure, "state projection") for s in role.in_state)
        flags = [f"{s.figure.scope}: {s.flag}." for s in role.in_state if s.flag]
        return [
            Heading(f"In {where}: state projections, {period}", 3),
            Paragraph("Not the national figures above, and of another period.", note=True),
            projection_records(self, shown),
            *(Paragraph(flag, note=True) for flag in flags),
        ]

    def _chart(self) -> BarChart | None:
        """One bar per role: its leading projection's percent growth, drawn from 0% (to
        the left of it for a decline), on one scale."""
        bars = []
        for role in self.roles:
            if not role.outlook:
                continue
            first = role.outlook[0]
            label = role.name if first.headline else f"{role.name} ({first.label})"
            caption = self.cited(outlook_summary(first.figure), first.figure.source)
            percent = first.figure.percent
            bars.append(Bar(label, min(percent, 0.0), max(percent, 0.0), None, caption))
        return BarChart.from_zero(bars, 10.0, "%", ranges=False)

    def records(self) -> list[dict[str, CsvValue]]:
        """One row per figure, a secondhand report of a projection right after it."""
        rows: list[dict[str, CsvValue]] = []
        for role in self.roles:
            for p in role.outlook:
                rows.append(self._record(role, p.figure, p.label))
                rows += [self._record(role, f, f"reports {p.figure.id}") for f in p.reported_as]
            for s in role.in_state:  # the state projections, apart (another period)
                rows.append(
                    {**self._record(role, s.figure, "state projection"), "flag": s.flag or ""}
                )
        return rows

    def _record(self, role: OutlookRole, figure: OutlookFigure, label: str) -> dict[str, CsvValue]:
        return {
            "role_id": role.id,
            "role": role.name,
            "figure_id": figure.id,
            "label": label,
            "percent": figure.percent,
            "approximate": figure.approximate,
            "period": figure.period or "",
            "start_year": figure.start_year,
            "end_year": figure.end_year,
            "jobs_start": figure.jobs_start,
            "jobs_end": figure.jobs_end,
            "change": figure.change,
            "openings_per_year": figure.openings_per_year,
            "descriptor": figure.descriptor or "",
            "scope": figure.scope or "",
            "flag": "",  # careercompare's flag on a state projection
            "source": figure.source,
            "source_number": self.number(figure.source),
        }


def build_outlook(
    index: CatalogIndex,
    roles: list[Role],
    *,
    states: Sequence[tuple[str, str]] = (),
) -> OutlookResult:
    """Projections, growth drivers and a growth chart for the roles; with `states` (each
    a FIPS code and name), each role's projections in each state beside them."""
    chosen = list(states)
    citations = Citations(index)
    shown = []
    for role in roles:
        ordered = projections(index, role, citations)
        for driver in role.growth_drivers:
            citations.cite(driver.source)
        in_state: list[StateFigure] = []
        for fips, name in chosen:
            if index.tables is not None:
                found = index.tables.state_outlook(role, fips, name)
                in_state += [StateFigure(figure, flag) for figure, flag in found]
        for item in in_state:
            citations.cite(item.figure.source)
        shown.append(
            OutlookRole(RoleRef.of(role), ordered, tuple(role.growth_drivers), tuple(in_state))
        )
    return OutlookResult(
        roles=tuple(shown),
        occupation_notes=occupation_notes(roles, citations),
        state=chosen[0][1] if chosen else None,
        states=tuple(name for _, name in chosen) if len(chosen) > 1 else (),
        sources=citations.cited(),
    )
