"""Pinned rendered output: a change to a view must be a deliberate one.

Run `CAREERCOMPARE_UPDATE_SNAPSHOTS=1 python -m pytest` to accept new output.
"""

from __future__ import annotations

import os
from pathlib import Path

SNAPSHOTS = Path(__file__).parent / "snapshots"


def assert_snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("CAREERCOMPARE_UPDATE_SNAPSHOTS") == "1":
        path.write_text(text, encoding="utf-8", newline="")
        return
    assert path.exists(), f"no snapshot {path.name}; run with CAREERCOMPARE_UPDATE_SNAPSHOTS=1"
    assert text == path.read_bytes().decode("utf-8"), f"{name} changed; see {path}"
