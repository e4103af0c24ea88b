"""`careercompare table`: the roles side by side, one row per comparison category."""

from __future__ import annotations

from typing import NamedTuple

from careercompare.citations import Citations
from careercompare.document import Comparison, Heading, View
from careercompare.figures import outlook_summary, salary_amount
from careercompare.models import ComparisonCategory, Role
from careercompare.query import CatalogIndex
from careercompare.views.common import (
    NOT_IN_SOURCES,
    cited,
    occupation_notes,
    role_ref,
    sources_block,
)


class Cell(NamedTuple):
    """One role's answer to one comparison row."""

    text: str
    source: str | None
    figure: str | None = None


def comparison_cell(index: CatalogIndex, role: Role, category: ComparisonCategory) -> Cell:
    """What the catalog says for this role in this row, or that the sources do not say."""
    if category.kind == "text":
        entry = role.comparison.get(category.id)
        return Cell(entry.text, entry.source) if entry else Cell(NOT_IN_SOURCES, None)
    if category.kind == "median-pay":
        median = index.headline_median(role)
        if median is None:
            return Cell(NOT_IN_SOURCES, None)
        when = f" ({median.as_of})" if median.as_of else ""
        return Cell(f"{salary_amount(median)}{when}", median.source, median.id)
    if category.kind == "entry-education":
        requirement = index.requirement(role, "entry-education")
        if requirement is None:
            return Cell(NOT_IN_SOURCES, None)
        scope = f" ({requirement.scope})" if requirement.scope else ""
        return Cell(f"{requirement.text}{scope}", requirement.source)
    projection = index.headline_outlook(role)
    if projection is None:
        return Cell(NOT_IN_SOURCES, None)
    return Cell(outlook_summary(projection), projection.source, projection.id)


def table_view(index: CatalogIndex, roles: list[Role]) -> View:
    """The comparison table of the given roles."""
    citations = Citations(index.catalog)
    categories = index.catalog.comparison_categories
    grid = [[comparison_cell(index, role, c) for role in roles] for c in categories]
    shown_rows = tuple(
        (
            category.label,
            tuple(
                cited(cell.text, citations.cite(cell.source)) if cell.source else cell.text
                for cell in cells
            ),
        )
        for category, cells in zip(categories, grid, strict=True)
    )
    blocks = (
        Heading(" vs ".join(role.name for role in roles)),
        Comparison("Category", tuple(role.name for role in roles), shown_rows),
        *occupation_notes(roles, citations),
        *sources_block(citations),
    )

    def data() -> dict[str, object]:
        return {
            "view": "table",
            "roles": [role_ref(role) for role in roles],
            "rows": [
                {
                    "category": category.id,
                    "label": category.label,
                    "kind": category.kind,
                    "cells": [
                        {
                            "role": role.id,
                            "text": cell.text,
                            "source": cell.source,
                            "figure": cell.figure,
                        }
                        for role, cell in zip(roles, cells, strict=True)
                    ],
                }
                for category, cells in zip(categories, grid, strict=True)
            ],
            "sources": citations.data(),
        }

    def records() -> tuple[dict[str, object], ...]:
        return tuple(
            {
                "category": category.id,
                "label": category.label,
                "role_id": role.id,
                "role": role.name,
                "value": cell.text,
                "source": cell.source or "",
            }
            for category, cells in zip(categories, grid, strict=True)
            for role, cell in zip(roles, cells, strict=True)
        )

    return View("table", blocks, data, records)
