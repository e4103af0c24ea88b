"""`careercompare import-bls`: a catalog from a BLS export, optionally with the bundled roles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from careercompare.catalog.loader import (
    bundled_catalog_path,
    describe_validation_error,
    load_catalog,
    read_catalog_bytes,
)
from careercompare.catalog.models import Catalog
from careercompare.catalog.validation import dump, validate
from careercompare.errors import CatalogError
from careercompare.importers.bls_projections import import_rows
from careercompare.output_file import write_atomically
from careercompare.terminal import Terminal


def _read_export(path: Path) -> list[str]:
    if path.suffix.lower() == ".xlsx":
        return _workbook_lines(path)
    try:
        hint = "give the path of a BLS Employment Projections export (CSV)"
        text = read_catalog_bytes(path, hint=hint).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CatalogError(f"{path}: is not UTF-8 text; save the export as UTF-8 CSV") from None
    return text.splitlines()


def _workbook_lines(path: Path) -> list[str]:
    """Table 1.2 of an Employment Projections workbook as the lines of the CSV export the
    projections site gives (its detailed occupations; employment in thousands, as there)."""
    import csv
    import io

    from careercompare.importers.ep_workbook import read_ep_workbook

    table = read_ep_workbook(path)
    base, target = table.base_year, table.target_year
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        (
            "Occupation Title",
            "Occupation Code",
            f"Employment {base}",
            f"Employment {target}",
            f"Employment Change, {base}-{target}",
            f"Employment Percent Change, {base}-{target}",
            f"Occupational Openings, {base}-{target} Annual Average",
            f"Median Annual Wage {table.wage_year}",
            "Typical Entry-Level Education",
            "Work Experience in a Related Occupation",
            "Typical on-the-job Training",
        )
    )
    for row in table.rows:
        if not row.line_item:
            continue
        wage = "N/A" if row.wage is None else f"{'>=' if row.wage_at_least else ''}{row.wage}"
        writer.writerow(
            (
                row.title,
                row.code,
                row.employment_base,
                row.employment_target,
                row.change,
                row.percent,
                "" if row.openings is None else row.openings,
                wage,
                row.education or "N/A",
                row.experience or "N/A",
                row.training or "N/A",
            )
        )
    return out.getvalue().splitlines()


def build_catalog(
    export: Path, *, with_bundled: bool, skip_bad: bool
) -> tuple[dict[str, Any], str]:
    """The new catalog's data and a one-line summary of the import."""
    bundled = load_catalog(bundled_catalog_path())
    curated = list(bundled.roles) if with_bundled else []
    taken = [name for role in curated for name in (role.id, role.name, *role.aliases)]
    codes = frozenset(
        role.bls_occupation.soc_code
        for role in curated
        if role.bls_occupation is not None and role.bls_occupation.soc_code
    )
    result, left_out = import_rows(
        _read_export(export),
        name=str(export),
        skip_bad=skip_bad,
        taken_names=taken,
        skip_codes=codes,
    )
    if not result.roles and not curated:
        raise CatalogError(f"{export}: no occupation could be imported")
    categories = [
        dump(c) for c in bundled.comparison_categories if with_bundled or c.kind != "text"
    ]
    imported_ids = [role["id"] for role in result.roles]
    data: dict[str, Any] = {
        "default_roles": list(bundled.default_roles) if with_bundled else imported_ids[:2],
        "comparison_categories": categories,
        "sources": [dump(s) for s in bundled.sources] * with_bundled + [result.source],
        "roles": [dump(r) for r in curated] + result.roles,
        "faq": [dump(f) for f in bundled.faq] if with_bundled else [],
        "questions": [dump(q) for q in bundled.questions] if with_bundled else [],
    }
    summary = (
        f"{result.rows_read} rows read, {len(data['roles'])} roles written "
        f"({len(result.roles)} imported, {len(curated)} curated), "
        f"{len(result.bad_rows)} rows skipped as unreadable, "
        f"{left_out} left out in favour of curated roles with the same SOC code, "
        f"{result.dropped_aliases} duplicate alternate titles dropped"
    )
    return data, summary


def run_import(
    export: Path,
    *,
    out: str | None,
    force: bool,
    with_bundled: bool,
    skip_bad: bool,
    terminal: Terminal,
) -> None:
    """Import, validate, then write to --out (atomically) or stdout; summary on stderr."""
    from pydantic import ValidationError

    data, summary = build_catalog(export, with_bundled=with_bundled, skip_bad=skip_bad)
    try:
        validate(Catalog, data)
    except ValidationError as error:
        raise CatalogError(
            f"{export}: the imported catalog would not be valid; nothing was written",
            details=tuple(describe_validation_error(error))[:50],
        ) from None
    text = json.dumps(data, indent=2, ensure_ascii=True) + "\n"
    if out is None or out == "-":
        terminal.stdout.write(text)
        terminal.stdout.flush()
    else:
        write_atomically(Path(out), text, force=force)
    terminal.note(summary)
