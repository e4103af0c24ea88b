"""Checks across the whole catalog that no single field can make: ids, aliases, references."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import fields, is_dataclass
from typing import TYPE_CHECKING

from careercompare.catalog.names import normalize_name

if TYPE_CHECKING:
    from careercompare.catalog.models import Catalog, Role


def catalog_problems(catalog: Catalog) -> list[str]:
    """Every cross-reference problem, each as 'location: what is wrong'."""
    return [
        *_duplicate_ids(catalog),
        *_name_clashes(catalog.roles),
        *_look_alike_names(catalog.roles),
        *_unknown_sources(catalog),
        *_unknown_roles(catalog),
        *_comparison_keys(catalog),
        *_faq_figures(catalog),
        *_question_problems(catalog),
        *_reports(catalog),
    ]


def _duplicates(ids: Iterable[str], where: str) -> Iterator[str]:
    seen: dict[str, int] = {}
    for index, item in enumerate(ids):
        if item in seen:
            yield f"{where}[{index}].id: '{item}' is already the id of {where}[{seen[item]}]"
        else:
            seen[item] = index


def _duplicate_ids(catalog: Catalog) -> Iterator[str]:
    yield from _duplicates((s.id for s in catalog.sources), "sources")
    yield from _duplicates((r.id for r in catalog.roles), "roles")
    yield from _duplicates((c.id for c in catalog.comparison_categories), "comparison_categories")
    yield from _duplicates((f.id for f in catalog.faq), "faq")
    for index, role in enumerate(catalog.roles):
        figure_ids = [f.id for f in role.salary] + [f.id for f in role.outlook]
        for problem in _duplicates(figure_ids, "figures"):
            yield f"roles[{index}]: figure {problem.split(': ', 1)[1]}"
    seen_keys: set[str] = set()
    for index, question in enumerate(catalog.questions):
        if question.key in seen_keys:
            yield f"questions[{index}].key: '{question.key}' is used twice"
        seen_keys.add(question.key)


def _name_clashes(roles: Sequence[Role]) -> Iterator[str]:
    """Ids, names and aliases must name one role only, whatever their case."""
    owner: dict[str, int] = {}
    for index, role in enumerate(roles):
        own = {normalize_name(role.id), normalize_name(role.name)}
        for key in own:
            if key in owner and owner[key] != index:
                yield (
                    f"roles[{index}]: '{role.name}' ({role.id}) has the same name or id "
                    f"as roles[{owner[key]}]"
                )
            owner.setdefault(key, index)
    for index, role in enumerate(roles):
        for alias_index, alias in enumerate(role.aliases):
            key = normalize_name(alias)
            if key in owner and owner[key] != index:
                yield (
                    f"roles[{index}].aliases[{alias_index}]: alias '{alias}' already names "
                    f"roles[{owner[key]}] ({roles[owner[key]].id})"
                )
            else:
                owner[key] = index


def _look_alike_names(roles: Sequence[Role]) -> Iterator[str]:
    """A name a person types must look like what it is: no letters of two scripts mixed
    ('Medical assistant' with a Cyrillic 'a', U+0430) and no fullwidth or other
    compatibility forms (a fullwidth 'M', U+FF2D), which would sit beside the real name
    looking the same."""
    for index, role in enumerate(roles):
        names = [("name", role.name), ("short_name", role.short_name or "")]
        names += [(f"aliases[{n}]", alias) for n, alias in enumerate(role.aliases)]
        for field, name in names:
            problem = look_alike_problem(name)
            if problem:
                yield f"roles[{index}].{field}: '{name}' {problem}; type it in plain letters"


def look_alike_problem(name: str) -> str | None:
    """Why a name could pass for another it is not, or None."""
    import unicodedata

    if unicodedata.normalize("NFKC", name) != name:
        return "uses fullwidth or other look-alike forms of characters"
    scripts = sorted(
        {unicodedata.name(ch, "UNKNOWN").split()[0].title() for ch in name if ch.isalpha()}
    )
    if len(scripts) > 1:
        return f"mixes {' and '.join(scripts)} letters, which can look alike"
    return None


def _source_refs(node: object, path: str) -> Iterator[tuple[str, str]]:
    """(location, source id) for every `source` and `reported_by` field under node."""
    if is_dataclass(node):
        for item in fields(node):
            value = getattr(node, item.name)
            if item.name in ("source", "reported_by") and isinstance(value, str):
                yield f"{path}.{item.name}", value
            elif isinstance(value, (list, tuple, dict)) or is_dataclass(value):
                yield from _source_refs(value, f"{path}.{item.name}")
    elif isinstance(node, (list, tuple)):
        for index, item in enumerate(node):
            if isinstance(item, (list, tuple, dict)) or is_dataclass(item):
                yield from _source_refs(item, f"{path}[{index}]")
    elif isinstance(node, dict):
        for key, item in node.items():
            if is_dataclass(item):
                yield from _source_refs(item, f"{path}.{key}")


def _unknown_sources(catalog: Catalog) -> Iterator[str]:
    known = {source.id for source in catalog.sources}
    for field in ("sources", "roles", "faq", "questions"):
        for location, ref in _source_refs(getattr(catalog, field), field):
            if ref not in known:
                yield f"{location}: source '{ref}' is not in sources"
    for index, source in enumerate(catalog.sources):
        if source.reported_by == source.id:
            yield f"sources[{index}].reported_by: a source cannot report itself"


def _unknown_roles(catalog: Catalog) -> Iterator[str]:
    known = {role.id for role in catalog.roles}
    for index, role_id in enumerate(catalog.default_roles):
        if role_id not in known:
            yield f"default_roles[{index}]: role '{role_id}' is not in roles"
    for index, role in enumerate(catalog.roles):
        for path_index, path in enumerate(role.career_paths):
            where = f"roles[{index}].career_paths[{path_index}]"
            if path.role is None and not path.outside_catalog:
                yield f"{where}: names no role; set role, or outside_catalog to true"
            elif path.role is not None and path.role not in known and not path.outside_catalog:
                yield (
                    f"{where}.role: role '{path.role}' is not in roles "
                    "(add it, or set outside_catalog to true)"
                )


def _comparison_keys(catalog: Catalog) -> Iterator[str]:
    text_rows = {c.id for c in catalog.comparison_categories if c.kind == "text"}
    for index, role in enumerate(catalog.roles):
        for key in role.comparison:
            if key not in text_rows:
                yield (f"roles[{index}].comparison.{key}: not a comparison category of kind 'text'")


# Ids of the figures a role is given from the official tables when it is shown
# (`occupations.roles`): the catalog may point at them though it holds no copy.
TABLE_FIGURE_ID = re.compile(
    r"^(bls-ep-\d{4}-\d{2}(-median)?|oews-[a-z]+\d{4}-(median|p10|p90))(-\d{2}-\d{4})?$"
)


def _faq_figures(catalog: Catalog) -> Iterator[str]:
    figures = {
        role.id: {f.id for f in role.salary} | {f.id for f in role.outlook}
        for role in catalog.roles
    }
    for index, entry in enumerate(catalog.faq):
        for ref_index, ref in enumerate(entry.figures):
            where = f"faq[{index}].figures[{ref_index}]"
            if ref.role not in figures:
                yield f"{where}.role: role '{ref.role}' is not in roles"
            elif ref.figure not in figures[ref.role] and not TABLE_FIGURE_ID.match(ref.figure):
                yield f"{where}.figure: role '{ref.role}' has no figure '{ref.figure}'"


def _reports(catalog: Catalog) -> Iterator[str]:
    for index, role in enumerate(catalog.roles):
        ids = {f.id: f for f in role.outlook}
        for number, figure in enumerate(role.outlook):
            if figure.reports is None:
                continue
            where = f"roles[{index}].outlook[{number}].reports"
            target = ids.get(figure.reports)
            if target is None and TABLE_FIGURE_ID.match(figure.reports):
                continue
            if target is None or target is figure:
                yield f"{where}: '{figure.reports}' is not another projection of this role"
            elif target.reports is not None:
                yield f"{where}: '{figure.reports}' reports a projection itself"


def _question_problems(catalog: Catalog) -> Iterator[str]:
    known = {role.id for role in catalog.roles}
    text_rows = {c.id for c in catalog.comparison_categories if c.kind == "text"}
    given: dict[str, set[str]] = {}
    for role in catalog.roles:
        for key, cell in role.comparison.items():
            if cell.value is not None:
                given.setdefault(key, set()).add(cell.value)
    for index, question in enumerate(catalog.questions):
        values = [option.value for option in question.options]
        if len(set(values)) != len(values):
            yield f"questions[{index}].options: two options have the same value"
        if question.default is not None and question.default not in values:
            yield f"questions[{index}].default: '{question.default}' is not one of its options"
        for option_index, option in enumerate(question.options):
            for role_id in option.weights:
                if role_id not in known:
                    yield (
                        f"questions[{index}].options[{option_index}].weights: "
                        f"role '{role_id}' is not in roles"
                    )
            for rule_index, rule in enumerate(option.rules):
                where = f"questions[{index}].options[{option_index}].rules[{rule_index}]"
                if rule.category not in text_rows:
                    yield (
                        f"{where}.category: '{rule.category}' is not a comparison category "
                        "of kind 'text'"
                    )
                    continue
                for value in rule.values:
                    if value not in given.get(rule.category, set()):
                        yield (
                            f"{where}.values: no role's '{rule.category}' cell has the "
                            f"value '{value}'"
                        )
