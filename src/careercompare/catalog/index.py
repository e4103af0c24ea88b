"""Questions asked of a catalog: which role a name means, which figure answers a row."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from functools import cached_property

from careercompare.catalog.models import (
    Catalog,
    OutlookFigure,
    Requirement,
    Role,
    SalaryFigure,
    Source,
)
from careercompare.catalog.names import normalize_name
from careercompare.errors import UsageError

LIST_ROLES_HINT = "run 'careercompare roles' to list them"
MAX_LISTED = 8


class CatalogIndex:
    """Lookups over one catalog, built once and only when first needed."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    @cached_property
    def roles_by_id(self) -> dict[str, Role]:
        return {role.id: role for role in self.catalog.roles}

    @cached_property
    def sources_by_id(self) -> dict[str, Source]:
        return {source.id: source for source in self.catalog.sources}

    @cached_property
    def _roles_by_name(self) -> dict[str, Role]:
        names: dict[str, Role] = {}
        for role in self.catalog.roles:
            for name in (role.id, role.name, *role.aliases):
                names.setdefault(normalize_name(name), role)
        return names

    def resolve_role(self, name: str) -> Role:
        """The role an id, alias or display name means, whatever its case; or the one role
        whose names hold the words. Several such roles, or none, is a usage error that
        lists them or suggests the closest name."""
        wanted = normalize_name(name)
        role = self._find_role(wanted)
        if role is not None:
            return role
        shown = name if len(name) <= 60 else name[:57] + "..."
        from careercompare.catalog.search import search_roles

        found = search_roles(self.catalog.roles, wanted.split()) if wanted else []
        if len(found) == 1:
            return found[0]
        if found:
            listed = ", ".join(f"{r.id} ({r.name})" for r in found[:MAX_LISTED])
            more = f" and {len(found) - MAX_LISTED} more" if len(found) > MAX_LISTED else ""
            raise UsageError(f"'{shown}' matches {len(found)} roles: {listed}{more}; name one")
        raise UsageError(f"unknown role '{shown}'; {self._suggestion(wanted)}{LIST_ROLES_HINT}")

    def _suggestion(self, wanted: str) -> str:
        """'did you mean ...? ' for a typo of a role's name or of a word in the names."""
        close = difflib.get_close_matches(wanted, self._roles_by_name, n=1)
        if close:
            return f"did you mean '{self._roles_by_name[close[0]].id}'? "
        words = {word for key in self._roles_by_name for word in key.split() if len(word) > 2}
        fixed = [(difflib.get_close_matches(w, words, n=1) or [w])[0] for w in wanted.split()]
        return f"did you mean '{' '.join(fixed)}'? " if fixed != wanted.split() else ""

    def _find_role(self, wanted: str) -> Role | None:
        """The role one of whose names is `wanted` (normalized), found by walking the roles.

        Validation makes every name belong to one role only. For one name, the walk
        stops at the role; building the map of every name of an 800-role catalog took
        longer than a command's own work (benchmarks/startup.py).
        """
        for role in self.catalog.roles:
            if any(normalize_name(name) == wanted for name in (role.id, role.name, *role.aliases)):
                return role
        return None

    def resolve_roles(self, names: Sequence[str]) -> list[Role]:
        """The roles named, in order and without repeats; the default roles when none."""
        if not names:
            return [self.roles_by_id[role_id] for role_id in self.catalog.default_roles]
        roles: list[Role] = []
        for name in names:
            role = self.resolve_role(name)
            if role not in roles:
                roles.append(role)
        return roles

    def is_secondhand(self, source_id: str) -> bool:
        """True for a figure known only because another source quotes it."""
        return self.sources_by_id[source_id].reported_by is not None

    def headline_median(self, role: Role) -> SalaryFigure | None:
        """The newest occupation-wide median from a firsthand source, if the role has one
        (the first listed among those of the newest year)."""
        return max(self._whole_medians(role), key=_pay_year, default=None)

    def median_of_period(self, role: Role, as_of: str | None) -> SalaryFigure | None:
        """The role's occupation-wide firsthand median of one pay period, if it has one."""
        return next((f for f in self._whole_medians(role) if f.as_of == as_of), None)

    def _whole_medians(self, role: Role) -> list[SalaryFigure]:
        """The role's occupation-wide medians from firsthand sources, in catalog order."""
        return [
            figure
            for figure in role.salary
            if figure.kind == "median"
            and figure.scope is None
            and not self.is_secondhand(figure.source)
        ]

    def headline_outlook(self, role: Role) -> OutlookFigure | None:
        """The newest firsthand projection with a stated start and end year."""
        dated = [
            f
            for f in role.outlook
            if f.start_year is not None
            and f.end_year is not None
            and not self.is_secondhand(f.source)
        ]
        return max(dated, key=lambda f: f.end_year or 0, default=None)

    def outlook_label(self, role: Role, figure: OutlookFigure) -> str:
        """How a projection stands among the role's others."""
        if figure is self.headline_outlook(role):
            return "newest projection"
        if self.is_secondhand(figure.source):
            return "secondhand"
        if figure.end_year is None:
            return "no period stated"
        return "older projection"

    def ordered_outlook(self, role: Role) -> list[OutlookFigure]:
        """Newest firsthand projection first, then older, secondhand and undated ones."""
        order = ("newest projection", "older projection", "secondhand", "no period stated")
        return sorted(
            role.outlook,
            key=lambda f: (order.index(self.outlook_label(role, f)), -(f.end_year or 0)),
        )

    @staticmethod
    def requirement(role: Role, kind: str) -> Requirement | None:
        """The role's first requirement of a kind (entry-education, work-experience...)."""
        return next((r for r in role.requirements if r.kind == kind), None)


def _pay_year(figure: SalaryFigure) -> int:
    """The year of a figure's pay period ('May 2025' is 2025), 0 where none is given."""
    found = re.search(r"\b(19|20)\d{2}\b", figure.as_of or "")
    return int(found.group()) if found else 0
