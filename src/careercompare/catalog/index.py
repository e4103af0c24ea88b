"""Questions asked of a catalog: which role a name means, which figure answers a row."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import Protocol

from careercompare.catalog.models import (
    Catalog,
    OutlookFigure,
    Requirement,
    Role,
    SalaryFigure,
    Source,
    oews_codes,
)
from careercompare.catalog.names import bounded, closest_words, did_you_mean, normalize_name
from careercompare.errors import UsageError

LIST_ROLES_HINT = "run 'careercompare roles' to list them"
# With the tables, any occupation can be named: a search finds it by the words people use.
SEARCH_ROLES_HINT = "run 'careercompare roles WORDS' to search every occupation's names"
# The SOC major groups of healthcare: practitioners and technical (29), support (31).
HEALTHCARE_GROUPS = ("29-", "31-")
MAX_LISTED = 8


class TableRoles(Protocol):
    """Every occupation of the official tables as a role, and the tables' facts for the
    catalog's roles (`occupations.roles.OccupationRoles`)."""

    def sources(self) -> tuple[Source, ...]: ...

    def complete(self, role: Role) -> Role: ...

    def role(self, code: str) -> Role: ...

    def code_of_id(self, role_id: str) -> str | None: ...

    def codes_named(self, name: str) -> list[str]: ...

    def codes_with_words(self, words: list[str]) -> dict[str, str]: ...

    def corrected(self, words: list[str]) -> list[str] | None: ...

    def title_of(self, code: str) -> str | None: ...

    def listing(self) -> list[tuple[str, str, str]]: ...

    def tables_read(self) -> str: ...

    def detailed_codes(self, code: str) -> tuple[str, ...]: ...

    def interest_scores(self, role: Role) -> tuple[str, dict[str, float]] | None: ...

    def interest_keywords(self) -> dict[str, str]: ...

    def light_roles(self, skip: set[str]) -> list[Role]: ...

    def growth_of(self, role: Role) -> float | None: ...

    def entry_education_of(self, role: Role) -> tuple[str, str] | None: ...

    def reported_titles(self, role: Role) -> tuple[tuple[str, ...], str] | None: ...

    def state_outlook(
        self, role: Role, fips: str, state: str
    ) -> list[tuple[OutlookFigure, str | None]]: ...


class CatalogIndex:
    """Lookups over one catalog, built once and only when first needed. With `tables`,
    every occupation of the official tables is a role too, and the catalog's roles come
    with the tables' facts."""

    def __init__(self, catalog: Catalog, tables: TableRoles | None = None) -> None:
        self.catalog = catalog
        self.tables = tables
        self._completed: dict[str, Role] = {}

    @cached_property
    def _catalog_roles(self) -> dict[str, Role]:
        return {role.id: role for role in self.catalog.roles}

    @cached_property
    def sources_by_id(self) -> dict[str, Source]:
        extra = self.tables.sources() if self.tables else ()
        return {source.id: source for source in (*extra, *self.catalog.sources)}

    def complete(self, role: Role) -> Role:
        """The role with the tables' facts (once per role)."""
        if self.tables is None:
            return role
        if role.id not in self._completed:
            self._completed[role.id] = self.tables.complete(role)
        return self._completed[role.id]

    def role_by_id(self, role_id: str) -> Role | None:
        """A catalog role, or an occupation of the tables, by its id."""
        role = self._catalog_roles.get(role_id)
        if role is not None:
            return self.complete(role)
        code = self.tables.code_of_id(role_id) if self.tables else None
        return self._occupation(code) if code else None

    def role_name(self, role_id: str) -> str | None:
        """The name of a role by its id, without the tables' facts (for a mention)."""
        role = self._catalog_roles.get(role_id)
        if role is not None:
            return role.name
        if self.tables is None:
            return None
        code = self.tables.code_of_id(role_id)
        return self.occupation_name(code) if code else None

    def occupation_name(self, code: str) -> str | None:
        """The name of an occupation as a role: the catalog role's that stands for it alone,
        else the projections' title; None where neither knows it."""
        covered = self._covered.get(code)
        if covered is not None:
            return covered.name
        return self.tables.title_of(code) if self.tables else None

    @cached_property
    def _covered(self) -> dict[str, Role]:
        """The occupations catalog roles stand for exactly: {code: role}."""
        covered: dict[str, Role] = {}
        for role in self.catalog.roles:
            codes = oews_codes(role)
            if len(codes) == 1:
                covered.setdefault(codes[0], role)
        return covered

    def _occupation(self, code: str) -> Role:
        """The role for an occupation: the catalog's own, else one made from the tables."""
        role = self._covered.get(code)
        if role is not None:
            return self.complete(role)
        assert self.tables is not None
        if code not in self._completed:
            self._completed[code] = self.tables.role(code)
        return self._completed[code]

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
        wanted = normalize_name(bounded(name, "a role's name"))
        if not name.strip():
            raise UsageError(f"a role's name is empty; {LIST_ROLES_HINT}")
        role = self._find_role(wanted)
        if role is not None:
            return self.complete(role)
        shown = name if len(name) <= 60 else name[:57] + "..."
        if self.tables is not None and wanted:
            role = self._table_role(name, shown)
            if role is not None:
                return role
        from careercompare.catalog.search import search_roles

        found = search_roles(self.catalog.roles, wanted.split()) if wanted else []
        if len(found) == 1:
            return self.complete(found[0])
        listed = [f"{r.id} ({r.name})" for r in found]
        if self.tables is not None and wanted:
            codes = self.tables.codes_with_words(wanted.split())
            more = healthcare_first(
                c for c in codes if c not in self._covered or self._covered[c] not in found
            )
            if len(found) + len(more) == 1:
                return self._occupation(more[0])
            listed += [f"{c} ({codes[c]})" for c in more]
        if listed:
            raise UsageError(
                f"'{shown}' matches {_count(listed)}: {', '.join(listed[:MAX_LISTED])}"
                f"{_more(listed)}; name one"
            )
        hint = LIST_ROLES_HINT if self.tables is None else SEARCH_ROLES_HINT
        raise UsageError(f"unknown role '{shown}'; {self._suggestion(wanted)}{hint}")

    def _table_role(self, name: str, shown: str) -> Role | None:
        """The occupation a code or a title of the tables names; several is a usage error
        listing them (roles of the catalog first)."""
        assert self.tables is not None
        codes = self.tables.codes_named(name)
        if len(codes) == 1:
            return self._occupation(codes[0])
        if not codes:
            return None
        found = [(code, self._occupation(code)) for code in healthcare_first(codes)]
        found.sort(key=lambda pair: pair[1].id not in self._catalog_roles)  # catalog's first
        listed = [f"{code} ({role.name})" for code, role in found]
        raise UsageError(
            f"'{shown}' is a name of {len(codes)} occupations: "
            f"{', '.join(listed[:MAX_LISTED])}{_more(listed)}; name one by its code"
        )

    def _suggestion(self, wanted: str) -> str:
        """'did you mean ...? ' for a typo of a role's name, or of words of the names of
        the catalog's roles or of the tables' occupations. A near miss of a catalog role's
        whole name comes first; then the words put right where they name an occupation
        ('dental hygenist' is not the dental assistant)."""
        close = difflib.get_close_matches(wanted, self._roles_by_name, n=1, cutoff=0.8)
        if close:  # the name it nearly is: 'nurse practitioner', not the role's long id
            return did_you_mean(close[0])
        fixed = self.tables.corrected(wanted.split()) if self.tables is not None else None
        if fixed:
            return did_you_mean(" ".join(fixed))
        close = difflib.get_close_matches(wanted, self._roles_by_name, n=1)
        if close:
            return did_you_mean(close[0])
        words = {word for key in self._roles_by_name for word in key.split() if len(word) > 2}
        fixed = closest_words(wanted.split(), words)
        return did_you_mean(" ".join(fixed)) if fixed != wanted.split() else ""

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
            return [
                self.complete(self._catalog_roles[role_id])
                for role_id in self.catalog.default_roles
            ]
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
            and f.occupation is None
            and not self.is_secondhand(f.source)
        ]
        return max(dated, key=lambda f: f.end_year or 0, default=None)

    @staticmethod
    def detailed_medians(role: Role) -> list[SalaryFigure]:
        """For a role that stands for several occupations and has no figure of its own: the
        newest median of each occupation."""
        medians = [f for f in role.salary if f.kind == "median" and f.occupation is not None]
        newest = max((_pay_year(f) for f in medians), default=0)
        return [f for f in medians if _pay_year(f) == newest]

    @staticmethod
    def detailed_outlook(role: Role) -> list[OutlookFigure]:
        """The newest projection of each occupation a role stands for."""
        figures = [f for f in role.outlook if f.occupation is not None]
        newest = max((f.end_year or 0 for f in figures), default=0)
        return [f for f in figures if (f.end_year or 0) == newest]

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


def _count(listed: list[str]) -> str:
    return f"{len(listed)} roles"


def healthcare_first(codes: Iterable[str]) -> list[str]:
    """SOC codes with healthcare occupations (29-, 31-) first, each in the order given."""
    return sorted(codes, key=lambda code: not code.startswith(HEALTHCARE_GROUPS))


def _more(listed: list[str]) -> str:
    return f" and {len(listed) - MAX_LISTED} more" if len(listed) > MAX_LISTED else ""


def _pay_year(figure: SalaryFigure) -> int:
    """The year of a figure's pay period ('May 2025' is 2025), 0 where none is given."""
    found = re.search(r"\b(19|20)\d{2}\b", figure.as_of or "")
    return int(found.group()) if found else 0
