"""Finding roles by words, as `careercompare roles --search` does."""

from __future__ import annotations

from collections.abc import Sequence

from careercompare.catalog.models import Role
from careercompare.catalog.names import normalize_name


def search_roles(roles: Sequence[Role], words: Sequence[str]) -> list[Role]:
    """Roles whose id, name or aliases hold every word (any case)."""
    wanted = [normalize_name(word) for word in words]
    found = []
    for role in roles:
        haystack = normalize_name(" ".join((role.id, role.name, *role.aliases)))
        if all(word in haystack for word in wanted):
            found.append(role)
    return found
