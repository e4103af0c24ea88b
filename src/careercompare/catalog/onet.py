"""O*NET's one-paragraph description of every occupation, bundled as O*NET publishes it.

`data/onet-occupation-data.txt` is the O*NET database file "Occupation Data"
(tab-separated: O*NET-SOC code, title, description), unmodified. O*NET data are
published by the U.S. Department of Labor, Employment and Training Administration
(USDOL/ETA) under CC BY 4.0: whatever shows a description credits it (`ONET_SOURCE`).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass

from careercompare.bundled import ONET_DESCRIPTIONS, bundled_data_path
from careercompare.catalog.models import Source

FILE_NAME = ONET_DESCRIPTIONS
ONET_SOURCE = Source.model_construct(
    id="onet-occupation-data",
    title="O*NET database, Occupation Data (file dated 2025-03-26), shown unmodified",
    publisher="O*NET database (USDOL/ETA), CC BY 4.0",
    date=None,
    date_meaning=None,
    url=None,
    reported_by=None,
    note="Undated release: the file is dated 2025-03-26 (O*NET 29.1 or 29.2).",
)


@dataclass(frozen=True)
class OnetDescription:
    """What an occupation does, in O*NET's words."""

    code: str
    title: str
    description: str
    source: str = ONET_SOURCE.id


def descriptions(soc_codes: tuple[str, ...]) -> tuple[OnetDescription, ...]:
    """The description of each SOC code that O*NET describes (its '.00' occupation)."""
    wanted = {f"{code}.00": code for code in soc_codes}
    found: dict[str, OnetDescription] = {}
    if not wanted:
        return ()
    with bundled_data_path(FILE_NAME).open(encoding="utf-8", newline="") as handle:
        for code, title, text in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if code in wanted:
                found[wanted[code]] = OnetDescription(wanted[code], title, text)
    return tuple(found[code] for code in soc_codes if code in found)
