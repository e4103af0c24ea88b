"""`careercompare roles`: the roles a catalog holds, optionally searched."""

from __future__ import annotations

from collections.abc import Sequence

from careercompare.catalog_checks import normalize_name
from careercompare.document import Heading, Paragraph, Records, View
from careercompare.models import Role, json_data

ROLE_COLUMNS = ("Id", "Name", "Also called", "BLS occupation")


def search_roles(roles: Sequence[Role], words: Sequence[str]) -> list[Role]:
    """Roles whose id, name or aliases hold every word (any case)."""
    wanted = [normalize_name(word) for word in words]
    found = []
    for role in roles:
        haystack = normalize_name(" ".join((role.id, role.name, *role.aliases)))
        if all(word in haystack for word in wanted):
            found.append(role)
    return found


def _occupation(role: Role) -> str:
    occupation = role.bls_occupation
    if occupation is None:
        return "not in sources"
    return (
        f"{occupation.title} ({occupation.soc_code})" if occupation.soc_code else occupation.title
    )


def roles_view(roles: Sequence[Role], *, total: int, words: Sequence[str]) -> View:
    """The roles as a table: id, name, aliases and BLS occupation."""
    title = f"Roles matching '{' '.join(words)}'" if words else "Roles"
    blocks = (
        Heading(title),
        Records(
            ROLE_COLUMNS,
            tuple((r.id, r.name, ", ".join(r.aliases) or "-", _occupation(r)) for r in roles),
        ),
        Paragraph(
            f"{len(roles)} of {total} roles. Name one by id, alias or name in any command.",
            note=True,
        ),
    )

    def data() -> dict[str, object]:
        return {
            "view": "roles",
            "words": list(words),
            "roles": [
                {
                    "id": r.id,
                    "name": r.name,
                    "aliases": list(r.aliases),
                    "bls_occupation": json_data(r.bls_occupation) if r.bls_occupation else None,
                }
                for r in roles
            ],
        }

    def records() -> tuple[dict[str, object], ...]:
        return tuple(
            {
                "id": r.id,
                "name": r.name,
                "aliases": "; ".join(r.aliases),
                "soc_code": r.bls_occupation.soc_code or "" if r.bls_occupation else "",
                "bls_occupation": r.bls_occupation.title if r.bls_occupation else "",
            }
            for r in roles
        )

    return View("roles", blocks, data, records)
