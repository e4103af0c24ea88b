"""A workbook in the layout of BLS's all-data OEWS table, for timing `import-oews`.

Run from the project root:  python benchmarks/oews_workbook.py OUT.xlsx [--rows 400000]

The cross-industry rows come from the shared OEWS May 2025 file when it is there;
industry rows (which the importer must skip) fill the workbook to --rows, as the
real all-data workbook holds about 400,000 rows.
"""

from __future__ import annotations

import argparse
import csv
import gzip
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "oews-may2025"
EXTRA = ["NAICS", "NAICS_TITLE", "I_GROUP", "OWN_CODE", "PCT_TOTAL", "PCT_RPT"]


def cell(text: str) -> object:
    """A number as the BLS workbooks hold it (a number cell), a marker or title as text."""
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--rows", type=int, default=400_000)
    options = parser.parse_args()
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("All May 2025 data")
    with gzip.open(SHARED / "oews-may2025-cross-industry.csv.gz", "rt", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        sheet.append([*header[:4], *EXTRA, *header[4:]])
        written = 0
        rows = [[cell(value) for value in row] for row in reader]
    for row in rows:
        sheet.append(
            [*row[:4], "000000", "Cross-industry", "cross-industry", 1235, "", "", *row[4:]]
        )
        written += 1
    n = 0
    while written < options.rows:
        row = rows[n % len(rows)]
        sheet.append([*row[:4], "621000", "Ambulatory", "3-digit", 5, "1.0", "2.0", *row[4:]])
        written += 1
        n += 1
    book.save(options.out)
    print(f"{options.out}: {written:,} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
