"""National OEWS pay figures in the catalog, generated from the wage database, never typed.

`data/roles.json` carries the national OEWS median (with its hourly figure) and 10th and
90th percentiles of every role filed under one OEWS code, so that `table`, `show` and
`paths` show the newest BLS pay without opening the wage database. This module writes
those figures from the bundled database (itself built from the BLS file by
`careercompare import-oews`), and a test fails when `data/roles.json` differs from what it
would write. After a new wage release, or after adding a role, run:

    python -m careercompare.importers.catalog_wages data/roles.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from careercompare.catalog.models import Catalog, oews_codes
from careercompare.output_file import write_atomically
from careercompare.wages.database import WageDatabase
from careercompare.wages.datasets import bundled_wages
from careercompare.wages.estimates import Cell, Estimate

# (salary kind, OEWS measure, id suffix); the median carries the hourly figure BLS publishes.
MEASURES = (
    ("median", "median", "median"),
    ("percentile-10", "pct10", "p10"),
    ("percentile-90", "pct90", "p90"),
)


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _figure(
    estimate: Estimate, kind: str, measure: str, figure_id: str, db: WageDatabase
) -> dict[str, Any] | None:
    annual: Cell = estimate.wage(measure)
    if annual.value is None:
        return None
    figure: dict[str, Any] = {"id": figure_id, "kind": kind, "amount": _number(annual.value)}
    if annual.at_least:
        figure["bound"] = "at-least"
    hourly = estimate.wage(measure, hourly=True)
    if kind == "median" and hourly.value is not None and not hourly.at_least:
        figure["hourly"] = _number(hourly.value)
    figure["as_of"] = db.release
    figure["source"] = db.source_id
    return figure


def national_figures(db: WageDatabase, code: str) -> list[dict[str, Any]]:
    """The national figures of one OEWS code, as catalog salary entries."""
    nation = db.nation
    estimate = db.estimate(code, nation) if nation else None
    if estimate is None:
        return []
    stem = f"oews-{db.source_id.removeprefix('bls-oews-')}"
    figures = [
        _figure(estimate, kind, measure, f"{stem}-{suffix}", db)
        for kind, measure, suffix in MEASURES
    ]
    return [figure for figure in figures if figure is not None]


def with_national_figures(data: dict[str, Any], db: WageDatabase) -> dict[str, Any]:
    """The catalog's JSON with every single-code role's national figures of `db` first in
    its salary list, replacing those of the same release."""
    catalog = Catalog.model_validate(data)
    source = db.source_id
    for raw, role in zip(data["roles"], catalog.roles, strict=True):
        kept = [f for f in raw.get("salary", []) if f.get("source") != source]
        codes = oews_codes(role)
        fresh = national_figures(db, codes[0]) if len(codes) == 1 else []
        if fresh or kept or "salary" in raw:
            raw["salary"] = fresh + kept
    return data


def catalog_text(data: dict[str, Any]) -> str:
    """The catalog as `data/roles.json` is written."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Rewrite the catalog file named on the command line with fresh national figures."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(
            "usage: python -m careercompare.importers.catalog_wages data/roles.json",
            file=sys.stderr,
        )
        return 2
    path = Path(args[0])
    data = json.loads(path.read_text(encoding="utf-8"))
    write_atomically(path, catalog_text(with_national_figures(data, bundled_wages())), force=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
