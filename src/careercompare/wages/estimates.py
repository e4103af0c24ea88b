"""One OEWS estimate as BLS publishes it: values, markers that are not values, precision."""

from __future__ import annotations

from dataclasses import dataclass

NOT_RELEASED = "*"
EMPLOYMENT_NOT_RELEASED = "**"
TOP_CODED = "#"
# Above this relative standard error (percent) a figure is flagged as less precise.
PRECISE_RSE = 10.0

# The columns of an estimate, in the names of the BLS OEWS tables, and how many
# decimal places they are stored to (as integers of that many hundredths...).
VALUE_COLUMNS: dict[str, int] = {
    "TOT_EMP": 0,
    "EMP_PRSE": 1,
    "JOBS_1000": 3,
    "LOC_QUOTIENT": 2,
    "H_MEAN": 2,
    "A_MEAN": 0,
    "MEAN_PRSE": 1,
    "H_PCT10": 2,
    "H_PCT25": 2,
    "H_MEDIAN": 2,
    "H_PCT75": 2,
    "H_PCT90": 2,
    "A_PCT10": 0,
    "A_PCT25": 0,
    "A_MEDIAN": 0,
    "A_PCT75": 0,
    "A_PCT90": 0,
}
WAGE_MEASURES = ("mean", "pct10", "pct25", "median", "pct75", "pct90")


@dataclass(frozen=True)
class Cell:
    """One published cell: a value, or a BLS marker in its place.

    `marker` is "*" (wage not released), "**" (employment not released), "#" (at or
    above the top of the published range: `value` is then that lower bound), or None.
    `value` is None where nothing is published (a marker, or not applicable).
    """

    value: float | None
    marker: str | None = None
    at_least: bool = False  # the value is only a lower bound (BLS '#')
    released: bool = True  # False where BLS released no figure ('*', '**')

    @classmethod
    def of(cls, value: float | None, marker: str | None = None) -> Cell:
        """A cell, its flags set from its marker."""
        return cls(
            value,
            marker,
            at_least=marker == TOP_CODED,
            released=marker not in (NOT_RELEASED, EMPLOYMENT_NOT_RELEASED),
        )


@dataclass(frozen=True)
class Area:
    """An OEWS area: the nation, a state or territory, a metro or nonmetro area."""

    code: str
    title: str
    kind: str  # "nation", "state", "territory", "metro", "nonmetro"
    state: str  # postal code(s) of the (primary) state, "FL" or "AR-OK"; "US" for the nation
    # The release of the area's figures where it is not the database's own: an import
    # of a partial release (a state file) keeps the other areas of the release before.
    release: str = ""

    @property
    def states(self) -> tuple[str, ...]:
        """Every state the area lies in."""
        return tuple(self.state.split("-"))

    @property
    def in_text(self) -> str:
        """The area's name inside a sentence: "pay in the U.S.", "pay in Florida"."""
        return in_text(self.title)


NATION_TITLE = "U.S."


def in_text(title: str) -> str:
    """An area's title inside a sentence: the nation's with its article ("the U.S.")."""
    return f"the {title}" if title == NATION_TITLE else title


@dataclass(frozen=True)
class Estimate:
    """The OEWS estimate of one occupation in one area."""

    occupation_code: str
    occupation_title: str
    area: Area
    employment: Cell
    employment_rse: Cell
    jobs_per_1000: Cell
    location_quotient: Cell
    annual: dict[str, Cell]
    hourly: dict[str, Cell]
    mean_rse: Cell
    annual_only: bool
    hourly_only: bool

    def wage(self, measure: str, *, hourly: bool = False) -> Cell:
        """A wage measure ('median', 'pct10', ...), annual or hourly."""
        return (self.hourly if hourly else self.annual)[measure]

    @property
    def less_precise(self) -> list[str]:
        """What BLS estimates less precisely here (relative standard error above 10%)."""
        flagged = []
        for name, cell, column in (
            ("employment", self.employment_rse, "EMP_PRSE"),
            ("mean wage", self.mean_rse, "MEAN_PRSE"),
        ):
            if cell.value is not None and cell.value > PRECISE_RSE:
                published = f"{cell.value:.{VALUE_COLUMNS[column]}f}"  # 14.0, as BLS prints it
                flagged.append(f"{name} (relative standard error {published}%)")
        return flagged

    def not_released_reason(self, *, hourly: bool) -> str:
        """Why a wage cell has no figure, in BLS's terms."""
        if hourly and self.annual_only:
            return "not released by BLS: only annual wages are published for this occupation"
        if not hourly and self.hourly_only:
            return "not released by BLS: only hourly wages are published for this occupation"
        return "not released by BLS"
