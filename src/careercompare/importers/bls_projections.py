"""Turns a BLS Employment Projections occupation export (CSV) into catalog data.

Columns are found by pattern and the base and target years come from the header,
so any vintage of the export works.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from careercompare.catalog.names import normalize_name
from careercompare.errors import CatalogError
from careercompare.importers.ep_workbook import EDUCATION_AND_TRAINING

BLS_PROJECTIONS_URL = "https://data.bls.gov/projections/occupationProj"
THOUSAND = 1000
# The columns an import needs, and every column it reads, found by pattern
_REQUIRED = ("title", "code", "change", "percent")
_COLUMNS = {
    "title": r"^occupation title$",
    "code": r"^occupation code$",
    "change": r"^employment change,?\s*(\d{4})\s*-\s*(\d{4})$",
    "percent": r"^employment percent change,?\s*(\d{4})\s*-\s*(\d{4})$",
    "openings": r"^occupational openings,?\s*(\d{4})\s*-\s*(\d{4})\s*annual average$",
    "wage": r"^median annual wage,?\s*(\d{4})?$",
    **EDUCATION_AND_TRAINING,
}
_EMPLOYMENT = re.compile(r"^employment,?\s*(\d{4})$")
# At most 15 digits before the point: no figure BLS publishes is longer.
_NUMBER = re.compile(r"^-?\d{1,3}(,\d{3}){0,4}(\.\d{1,6})?$|^-?\d{1,15}(\.\d{1,6})?$")


@dataclass
class ImportResult:
    """What an import produced and what it had to leave out."""

    roles: list[dict[str, Any]]
    source: dict[str, Any]
    rows_read: int = 0
    bad_rows: list[str] = field(default_factory=list)
    dropped_aliases: int = 0


@dataclass(frozen=True)
class Layout:
    """Where each field is in the export, and the years it covers."""

    columns: dict[str, int]
    employment: tuple[int, int]
    base_year: int
    target_year: int
    wage_year: str | None


def find_layout(header: Sequence[str]) -> Layout:
    """Locate the columns by pattern; the years come from the header itself."""
    names = [" ".join(cell.split()).lower() for cell in header]
    columns: dict[str, int] = {}
    years: dict[str, tuple[str, ...]] = {}
    employment: dict[int, int] = {}
    for index, name in enumerate(names):
        match = _EMPLOYMENT.match(name)
        if match:
            employment[int(match.group(1))] = index
            continue
        for key, pattern in _COLUMNS.items():
            found = re.match(pattern, name)
            if found and key not in columns:
                columns[key] = index
                years[key] = tuple(g for g in found.groups() if g)
    missing = [key for key in _REQUIRED if key not in columns]
    if missing or len(employment) != 2:
        wanted = ", ".join(missing + ([] if len(employment) == 2 else ["Employment YYYY (twice)"]))
        raise CatalogError(
            f"not a BLS Employment Projections export: no column like {wanted}; "
            "download the occupation table from the BLS projections site"
        )
    base, target = sorted(employment)
    if years["change"] != (str(base), str(target)):
        raise CatalogError(
            f"the header's years disagree: employment {base} and {target}, change "
            f"{'-'.join(years['change'])}"
        )
    wage_year = years.get("wage", ())
    return Layout(
        columns,
        (employment[base], employment[target]),
        base,
        target,
        wage_year[0] if wage_year else None,
    )


def parse_number(text: str, what: str) -> float:
    """'3,080.1' -> 3080.1; anything else is a ValueError naming the field."""
    clean = text.strip()
    if not _NUMBER.match(clean):
        raise ValueError(f"{what} '{clean}' is not a number")
    return float(clean.replace(",", ""))


def parse_code(text: str) -> str:
    """'="29-1141"' (an Excel formula) or '29-1141' -> '29-1141'."""
    clean = text.strip()
    if clean.startswith('="') and clean.endswith('"'):
        clean = clean[2:-1]
    if not re.fullmatch(r"\d{2}-\d{4}", clean):
        raise ValueError(
            f"occupation code '{clean}' is not a SOC code like 29-1141"
            if clean
            else "missing occupation code"
        )
    return clean


def split_title(text: str) -> tuple[str, list[str]]:
    """'Registered nurses    * CCU Nurse* RN' -> ('Registered nurses', ['CCU Nurse', 'RN'])."""
    title, _, rest = text.partition(" *")
    aliases = [alias.strip() for alias in rest.split("*")] if rest else []
    return " ".join(title.split()), [" ".join(a.split()) for a in aliases if a.strip()]


def slug(text: str) -> str:
    """A role id from a title."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:150] or "occupation"


class _Importer:
    def __init__(self, layout: Layout, source_id: str, taken: Iterable[str]) -> None:
        self.layout = layout
        self.source_id = source_id
        self.names: set[str] = {normalize_name(name) for name in taken}
        self.ids: set[str] = set()
        self.dropped_aliases = 0

    def cell(self, row: Sequence[str], key: str) -> str:
        index = self.layout.columns.get(key)
        return row[index].strip() if index is not None and index < len(row) else ""

    def role(self, row: Sequence[str]) -> dict[str, Any]:
        layout = self.layout
        code = parse_code(self.cell(row, "code"))
        title, alternates = split_title(self.cell(row, "title"))
        if not title:
            raise ValueError("missing occupation title")
        base_jobs, target_jobs = (
            round(parse_number(row[i] if i < len(row) else "", f"employment {year}") * THOUSAND)
            for i, year in zip(
                layout.employment, (layout.base_year, layout.target_year), strict=True
            )
        )
        change = round(parse_number(self.cell(row, "change"), "employment change") * THOUSAND)
        percent = parse_number(self.cell(row, "percent"), "percent change")
        openings_text = self.cell(row, "openings")
        openings = (
            round(parse_number(openings_text, "openings") * THOUSAND) if openings_text else None
        )
        wage = self.wage(row)
        requirements = self.requirements(row)
        # Only a row read in full takes its id and names.
        role_id = self.unique_id(slug(title), code)
        period = f"{layout.base_year}-{layout.target_year}"
        projection = {
            "id": f"{role_id}-bls-ep-{period}",
            "percent": percent,
            "period": period,
            "start_year": layout.base_year,
            "end_year": layout.target_year,
            "jobs_start": base_jobs,
            "jobs_end": target_jobs,
            "change": change,
            "openings_per_year": openings,
            "source": self.source_id,
        }
        return {
            "id": role_id,
            "name": title,
            "aliases": self.unique_aliases(title, role_id, alternates),
            "requirements": requirements,
            "salary": [{"id": f"{role_id}-bls-ep-median-wage", **wage}] if wage else [],
            "outlook": [{k: v for k, v in projection.items() if v is not None}],
            "bls_occupation": {
                "soc_code": code,
                "title": title,
                "match": "exact",
                "source": self.source_id,
            },
        }

    def wage(self, row: Sequence[str]) -> dict[str, Any] | None:
        """The median wage figure (without its id), or None where BLS publishes none."""
        text = self.cell(row, "wage").replace(" ", "")
        if not text or text.upper() == "N/A":
            return None
        bound = "exact"
        if text.startswith(">="):
            bound, text = "at-least", text[2:]
        figure: dict[str, Any] = {
            "kind": "median",
            "amount": parse_number(text, "median annual wage"),
            "source": self.source_id,
        }
        if bound != "exact":
            figure["bound"] = bound
        if self.layout.wage_year:  # the projections' wages are those of May of that year
            figure["as_of"] = f"May {self.layout.wage_year}"
        return figure

    def requirements(self, row: Sequence[str]) -> list[dict[str, Any]]:
        kinds = (
            ("education", "entry-education"),
            ("experience", "work-experience"),
            ("training", "on-the-job-training"),
        )
        return [
            {"kind": kind, "text": self.cell(row, key), "source": self.source_id}
            for key, kind in kinds
            if self.cell(row, key) and self.cell(row, key).upper() != "N/A"
        ]

    def unique_id(self, base: str, code: str) -> str:
        role_id = (
            base
            if base not in self.ids and normalize_name(base) not in self.names
            else f"{base}-{code}"
        )
        self.ids.add(role_id)
        return role_id

    def unique_aliases(self, title: str, role_id: str, alternates: list[str]) -> list[str]:
        own = {normalize_name(title), normalize_name(role_id)}
        self.names |= own
        kept = []
        for alias in alternates:
            key = normalize_name(alias)
            if key in own:
                continue
            if key in self.names:
                self.dropped_aliases += 1
                continue
            self.names.add(key)
            kept.append(alias)
        return kept


def import_rows(
    lines: Iterable[str],
    *,
    name: str,
    skip_bad: bool,
    taken_names: Iterable[str] = (),
    skip_codes: frozenset[str] = frozenset(),
) -> tuple[ImportResult, int]:
    """Read an export; returns the result and how many rows were left out for skip_codes."""
    reader = csv.reader(lines)
    header = next(reader, None)
    if header is None:
        raise CatalogError(f"{name}: is empty; expected a BLS Employment Projections CSV export")
    layout = find_layout([cell.lstrip("\ufeff") for cell in header])
    period = f"{layout.base_year}-{layout.target_year}"
    source = {
        "id": f"bls-employment-projections-{period}",
        "title": f"BLS Employment Projections {period}, occupation table",
        "publisher": "U.S. Bureau of Labor Statistics (BLS)",
        "url": BLS_PROJECTIONS_URL,
        "note": f"The {period} release of the projections"
        + (f", with wages of May {layout.wage_year}" if layout.wage_year else "")
        + f"; undated file, imported by careercompare import-bls from {name}. Employment, "
        "change and openings are published in thousands.",
    }
    importer = _Importer(layout, source["id"], taken_names)
    result = ImportResult(roles=[], source=source)
    left_out = 0
    while True:
        try:
            row = next(reader, None)
        except csv.Error as error:  # a field over the csv module's limit, a stray quote
            raise CatalogError(
                f"{name}: line {reader.line_num} cannot be read ({error}); "
                "is this a BLS Employment Projections export?"
            ) from None
        if row is None:
            break
        if not any(cell.strip() for cell in row):
            continue
        result.rows_read += 1
        try:
            if parse_code(importer.cell(row, "code")) in skip_codes:
                left_out += 1
                continue
            result.roles.append(importer.role(row))
        except ValueError as error:
            result.bad_rows.append(f"line {reader.line_num}: {error}")
    result.dropped_aliases = importer.dropped_aliases
    if result.bad_rows and not skip_bad:
        raise CatalogError(
            f"{name}: {len(result.bad_rows)} rows cannot be read; nothing was written "
            "(fix them, or use --skip-bad to import the rest)",
            details=tuple(result.bad_rows[:50]),
        )
    return result, left_out
