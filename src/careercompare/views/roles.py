"""`careercompare roles`: the roles a catalog holds, optionally searched."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from careercompare.catalog.index import CatalogIndex, healthcare_first
from careercompare.catalog.models import BlsOccupation, oews_codes
from careercompare.catalog.names import did_you_mean
from careercompare.catalog.search import search_roles
from careercompare.errors import UsageError
from careercompare.results.base import NOT_IN_JSON, CsvValue, ViewResult
from careercompare.results.blocks import Block, Heading, Paragraph, Records
from careercompare.results.inline import Text
from careercompare.views.common import NOT_IN_SOURCES

ROLE_COLUMNS = ("Id", "Name", "Also called", "BLS occupation")


@dataclass(frozen=True)
class ListedRole:
    """A role as the listing shows it."""

    id: str
    name: str
    aliases: tuple[str, ...]
    bls_occupation: BlsOccupation | None

    @property
    def occupation(self) -> Text:
        occupation = self.bls_occupation
        if occupation is None:
            return NOT_IN_SOURCES
        code = f" ({occupation.soc_code})" if occupation.soc_code else ""
        return f"{occupation.title}{code}"


@dataclass(frozen=True, kw_only=True)
class RolesResult(ViewResult, view="roles", glossary_hint=False):
    """The roles that matched the words (all of them without words)."""

    # no glossary note: a listing of names
    words: tuple[str, ...]
    roles: tuple[ListedRole, ...]
    total: int = field(metadata=NOT_IN_JSON)

    def blocks(self) -> tuple[Block, ...]:
        title = f"Roles matching '{' '.join(self.words)}'" if self.words else "Roles"
        rows = tuple((r.id, r.name, ", ".join(r.aliases) or "-", r.occupation) for r in self.roles)
        count = f"{len(self.roles)} of {self.total} roles."
        return (
            Heading(title),
            Records(ROLE_COLUMNS, rows),
            Paragraph(f"{count} Name one by id, alias or name in any command.", note=True),
        )

    def records(self) -> list[dict[str, CsvValue]]:
        return [
            {
                "id": r.id,
                "name": r.name,
                "aliases": "; ".join(r.aliases),
                "soc_code": (r.bls_occupation.soc_code or "") if r.bls_occupation else "",
                "bls_occupation": r.bls_occupation.title if r.bls_occupation else "",
            }
            for r in self.roles
        ]


def build_roles(index: CatalogIndex, search: Sequence[str], *, every: bool = False) -> RolesResult:
    """The catalog's roles whose id, name or aliases hold every word searched for, then the
    occupations of the official tables one of whose names does (with `every`, or with
    words); without words, the catalog's roles, and with `every` every occupation too."""
    roles = index.catalog.roles
    words = tuple(word for phrase in search for word in phrase.split())
    found = search_roles(roles, words) if words else list(roles)
    listed = [ListedRole(r.id, r.name, tuple(r.aliases), r.bls_occupation) for r in found]
    total = len(roles)
    tables = index.tables
    if tables is not None and (every or words):
        covered = {code for role in roles for code in oews_codes(role)}
        occupations = [entry for entry in tables.listing() if entry[2] not in covered]
        total += len(occupations)
        matched: dict[str, str] = {}
        if words:  # each shown with the name that matched, healthcare occupations first
            matched = tables.codes_with_words(list(words))
            order = {code: n for n, code in enumerate(healthcare_first(matched))}
            occupations = sorted(
                (entry for entry in occupations if entry[2] in matched),
                key=lambda entry: order[entry[2]],
            )
        listed += [
            _listed(role_id, title, code, matched.get(code)) for role_id, title, code in occupations
        ]
    if not listed:
        fixed = tables.corrected(list(words)) if tables is not None and words else None
        meant = did_you_mean(" ".join(fixed) if fixed else None)
        raise UsageError(
            f"no role matches '{' '.join(words)}'; {meant}run 'careercompare roles --all' to "
            "list them all"
        )
    return RolesResult(words=words, roles=tuple(listed), total=total)


def _listed(role_id: str, title: str, code: str, matched: str | None) -> ListedRole:
    occupation = BlsOccupation(soc_code=code, title=title, match="exact", source="")
    also = (matched,) if matched and matched.casefold() != title.casefold() else ()
    return ListedRole(role_id, title, also, occupation)
