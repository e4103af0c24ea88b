"""A naive peer: the same job done the obvious way, to measure careercompare against.

One file, Typer + Pydantic + Rich: validate data/roles.json with model_validate_json,
then print a two-role table. benchmarks/startup.py times it in the same run.
"""

from pathlib import Path
from typing import Any

import typer
from pydantic import BaseModel, Field
from rich.console import Console
from rich.table import Table


class Sourced(BaseModel):
    text: str
    source: str


class Salary(BaseModel):
    id: str
    kind: str
    amount: float | None = None
    low: float | None = None
    high: float | None = None
    as_of: str | None = None
    source: str


class Outlook(BaseModel):
    id: str
    percent: float
    period: str | None = None
    source: str


class Role(BaseModel):
    id: str
    name: str
    aliases: list[str] = []
    comparison: dict[str, Sourced] = {}
    salary: list[Salary] = []
    outlook: list[Outlook] = []
    model_config = {"extra": "allow"}


class Catalog(BaseModel):
    schema_: str | None = Field(default=None, alias="$schema")
    default_roles: list[str]
    comparison_categories: list[dict[str, Any]]
    sources: list[dict[str, Any]]
    roles: list[Role]
    faq: list[dict[str, Any]] = []
    questions: list[dict[str, Any]] = []


def main(data: Path = Path("data/roles.json")) -> None:
    catalog = Catalog.model_validate_json(data.read_bytes())
    roles = [r for r in catalog.roles if r.id in catalog.default_roles]
    table = Table("Category", *(r.name for r in roles), show_lines=True)
    for category in catalog.comparison_categories:
        cells = [r.comparison.get(category["id"]) for r in roles]
        table.add_row(category["label"], *(c.text if c else "not in sources" for c in cells))
    Console().print(table)


if __name__ == "__main__":
    typer.run(main)
