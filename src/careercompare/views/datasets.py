"""`careercompare data`: the data careercompare uses, where it is and where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field

from careercompare.occupations.database import OccupationDatabase
from careercompare.programs.database import ProgramDatabase
from careercompare.results.base import CsvValue, ViewResult
from careercompare.results.blocks import Block, FieldList, Heading, Paragraph, Records
from careercompare.wages.database import SourceFile, WageDatabase


@dataclass(frozen=True)
class WageDataset:
    """One release of wages and where it came from."""

    release: str
    published: str | None
    imported: str | None
    estimates: int
    areas: int
    occupations: int
    bundled: bool
    in_use: bool
    path: str
    files: tuple[SourceFile, ...]
    # areas kept from the release the import added to, by release: {'May 2025': 531}
    kept_areas: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class OccupationDataset:
    """The occupation database: the editions it was built from, its rows and files."""

    projections: str
    onet: str
    rows: dict[str, int]
    path: str
    files: tuple[SourceFile, ...]


_ROW_LABELS = {
    "projections": "Projections (occupations and groups)",
    "onet": "O*NET occupations",
    "tasks": "Task statements",
    "interests": "Interest profiles",
    "related": "Related occupations (links)",
    "titles": "Names (titles, and those people use)",
}


@dataclass(frozen=True)
class ProgramDataset:
    """The programs database: the Scorecard release, its rows and files."""

    release: str
    rows: dict[str, int]
    path: str
    files: tuple[SourceFile, ...]


@dataclass(frozen=True, kw_only=True)
class DataResult(ViewResult, view="data"):
    """The catalog, the occupation database and the wage releases."""

    catalog: str
    occupations: OccupationDataset | None
    programs: ProgramDataset | None = None
    wages: tuple[WageDataset, ...]

    def blocks(self) -> tuple[Block, ...]:
        blocks: list[Block] = [
            Heading("Data in use"),
            FieldList((("Catalog", self.catalog),)),
        ]
        if self.occupations is not None:
            blocks += self._occupation_blocks(self.occupations)
        if self.programs is not None:
            blocks += self._program_blocks(self.programs)
        for dataset in self.wages:
            state = "in use" if dataset.in_use else "available"
            kind = "bundled" if dataset.bundled else "imported"
            blocks.append(Heading(f"BLS OEWS wages, {dataset.release} ({kind}, {state})", 2))
            pairs = (
                ("Published", dataset.published or "not given"),
                ("Imported", dataset.imported or "not given"),
                ("Estimates", f"{dataset.estimates:,}"),
                ("Areas", f"{dataset.areas:,}" + _kept_text(dataset.kept_areas)),
                ("Occupations", f"{dataset.occupations:,}"),
                ("File", dataset.path),
            )
            blocks.append(FieldList(pairs))
            rows = tuple((f.name, f"{f.bytes:,}", f.sha256) for f in dataset.files)
            if rows:
                blocks.append(Records(("Source file", "Bytes", "SHA-256"), rows))
        blocks.append(
            Paragraph(
                "The newest release is used; 'careercompare import-oews' adds one.", note=True
            )
        )
        return tuple(blocks)

    @staticmethod
    def _occupation_blocks(dataset: OccupationDataset) -> list[Block]:
        title = (
            f"Occupations: BLS Employment Projections {dataset.projections} and "
            f"O*NET {dataset.onet} (bundled, in use)"
        )
        pairs = tuple((_ROW_LABELS.get(name, name), f"{n:,}") for name, n in dataset.rows.items())
        rows = tuple((f.name, f"{f.bytes:,}", f.sha256) for f in dataset.files)
        return [
            Heading(title, 2),
            FieldList((*pairs, ("File", dataset.path))),
            Records(("Source file", "Bytes", "SHA-256"), rows),
            Paragraph(
                f"O*NET {dataset.onet} Database by USDOL/ETA, used under CC BY 4.0.", note=True
            ),
        ]

    @staticmethod
    def _program_blocks(dataset: ProgramDataset) -> list[Block]:
        title = f"Programs: College Scorecard {dataset.release} and the CIP-SOC crosswalk"
        pairs = tuple((name.capitalize(), f"{n:,}") for name, n in dataset.rows.items())
        rows = tuple((f.name, f"{f.bytes:,}", f.sha256) for f in dataset.files)
        return [
            Heading(f"{title} (bundled, in use)", 2),
            FieldList((*pairs, ("File", dataset.path))),
            Records(("Source file", "Bytes", "SHA-256"), rows),
            Paragraph(
                "College Scorecard (U.S. Department of Education), as compiled by Truewise, "
                "CC BY 4.0.",
                note=True,
            ),
        ]

    def records(self) -> list[dict[str, CsvValue]]:
        return [
            {
                "release": d.release,
                "published": d.published or "",
                "bundled": d.bundled,
                "in_use": d.in_use,
                "estimates": d.estimates,
                "areas": d.areas,
                "path": d.path,
                "source_file": f.name,
                "source_bytes": f.bytes,
                "source_sha256": f.sha256,
            }
            for d in self.wages
            for f in d.files or (SourceFile("", 0, ""),)
        ]


def _kept_text(kept: dict[str, int]) -> str:
    if not kept:
        return ""
    parts = ", ".join(f"{count:,} of {release}" for release, count in kept.items())
    return f" ({parts}, kept: the files imported do not cover them)"


def build_data(
    catalog: str,
    occupations: OccupationDatabase | None,
    databases: list[WageDatabase],
    programs: ProgramDatabase | None = None,
) -> DataResult:
    """The catalog in use, the occupation database and every wage release, the one in use
    first."""
    shown = []
    for position, db in enumerate(databases):
        estimates, areas, codes = db.counts()
        shown.append(
            WageDataset(
                release=db.release,
                published=db.published,
                imported=db.meta.get("imported"),
                estimates=estimates,
                areas=areas,
                occupations=codes,
                bundled=db.bundled,
                in_use=position == 0,
                path=str(db.path),
                files=db.source_files(),
                kept_areas=db.kept_areas(),
            )
        )
    dataset = None
    if occupations is not None:
        dataset = OccupationDataset(
            projections=occupations.edition,
            onet=occupations.onet_release,
            rows=occupations.counts(),
            path=str(occupations.path),
            files=tuple(SourceFile(f.name, f.bytes, f.sha256) for f in occupations.source_files()),
        )
    listed = None
    if programs is not None:
        listed = ProgramDataset(
            programs.release,
            programs.counts(),
            str(programs.path),
            tuple(SourceFile(f.name, f.bytes, f.sha256) for f in programs.source_files()),
        )
    return DataResult(catalog=catalog, occupations=dataset, programs=listed, wages=tuple(shown))
