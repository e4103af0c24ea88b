"""The programs database: a read-only SQLite file built by `importers/programs.py` from the
College Scorecard field-of-study table and the CIP 2020 to SOC 2018 crosswalk."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple, cast

from careercompare.bundled_database import BASE_SCHEMA, ReadOnlyDatabase

# 2: each program's school_group (the Scorecard's opeid6: the school its campus belongs to)
FORMAT = "2"
SCHEMA = (
    BASE_SCHEMA
    + """
CREATE TABLE crosswalk (
    soc TEXT NOT NULL, cip TEXT NOT NULL, cip_title TEXT NOT NULL, PRIMARY KEY (soc, cip)
) WITHOUT ROWID;
CREATE INDEX crosswalk_by_cip ON crosswalk (cip);
CREATE TABLE programs (
    family TEXT NOT NULL, state TEXT NOT NULL, credential INTEGER NOT NULL,
    unitid TEXT NOT NULL, school TEXT NOT NULL, control TEXT NOT NULL,
    family_title TEXT NOT NULL, credential_title TEXT NOT NULL, completers INTEGER,
    earnings INTEGER, horizon TEXT, debt INTEGER, school_group TEXT NOT NULL,
    PRIMARY KEY (family, state, credential, unitid)
) WITHOUT ROWID;
"""
)
# The Scorecard's credential levels careercompare offers by name.
CREDENTIALS = {"certificate": 1, "associate": 2, "bachelor": 3}
HORIZONS = {"1yr_after_completion": "1 year", "4yr_after_completion": "4 years"}
# One school's set of figures: its campuses (one opeid6) publish one for a field and
# credential (were two ever published, each would count).
SCHOOL_FIGURES = "school_group, family, credential, earnings, horizon, debt"


# The crosswalk's code for a program that leads to no occupation.
NO_OCCUPATION = "99-9999"
# The title of a family the crosswalk names but the Scorecard has no program of.
NO_PROGRAM = "no program in the Scorecard"


@dataclass(frozen=True)
class Field:
    """A 4-digit CIP family, the 6-digit programs of it the crosswalk maps to the occupation."""

    family: str
    title: str
    programs: tuple[tuple[str, str], ...]  # (CIP code, title)


@dataclass(frozen=True)
class Program:
    """One school's program of one field and credential, as the Scorecard publishes it."""

    unitid: str
    school: str
    state: str
    control: str
    family: str
    family_title: str
    credential: int
    credential_title: str
    completers: int | None
    earnings: int | None
    earnings_after: str | None
    debt: int | None
    # The school the campus belongs to (the Scorecard's opeid6): the campuses of one school
    # publish one set of earnings and debt, that of the school's program as a whole.
    school_group: str


class SchoolFigures(NamedTuple):
    """The figures one school publishes for its program of one field and credential, and
    how many of its campuses (one OPEID) they stand for: the Scorecard gives the campuses of
    one school one set of earnings and debt, which a middle figure counts once. A named
    tuple: a national summary makes thousands."""

    credential: int
    credential_title: str
    earnings: int | None
    earnings_after: str | None
    debt: int | None
    campuses: int
    campuses_with_earnings: int


class ProgramDatabase(ReadOnlyDatabase, kind="a programs database", format=FORMAT):
    """The programs of one Scorecard release and the crosswalk."""

    @property
    def release(self) -> str:
        """The Scorecard release, '2026-06-10'."""
        return self.meta["scorecard_release"]

    def crosswalk_socs(self, socs: tuple[str, ...]) -> tuple[str, ...]:
        """Each occupation as the crosswalk names it: its own code where the crosswalk has
        it; else, for a broad SOC code (ending in 0: 31-1120 Home health and personal care
        aides, which the projections publish as one), the detailed codes the crosswalk
        has within it (31-1121, 31-1122)."""
        named: list[str] = []
        for soc in socs:
            if self._query("SELECT 1 FROM crosswalk WHERE soc = ? LIMIT 1", (soc,)):
                named.append(soc)
            elif soc.endswith("0"):
                group = soc[:-1]  # '31-112': the detailed codes 31-1121 to 31-1129
                rows = self._query(
                    "SELECT DISTINCT soc FROM crosswalk WHERE soc > ? AND soc <= ? ORDER BY soc",
                    (group + "0", group + "9"),
                )
                named += [str(code) for (code,) in rows]
        return tuple(dict.fromkeys(named))

    def fields_for(self, socs: tuple[str, ...]) -> list[Field]:
        """The CIP families whose programs the crosswalk maps to any of the occupations
        (the crosswalk names detailed occupations only: `views.program_figures.
        crosswalk_codes` gives those within a broad one)."""
        if not socs:
            return []
        marks = ", ".join("?" * len(socs))
        rows = self._query(
            f"SELECT DISTINCT cip, cip_title FROM crosswalk WHERE soc IN ({marks}) ORDER BY cip",
            socs,
        )
        families: dict[str, list[tuple[str, str]]] = {}
        for cip, title in rows:
            code = str(cip)
            families.setdefault(code[:2] + code[3:5], []).append((code, str(title)))
        return [
            Field(family, self._family_title(family), tuple(programs))
            for family, programs in families.items()
        ]

    def sharing(self, families: list[str], socs: tuple[str, ...]) -> list[str]:
        """The other occupations the crosswalk maps a program of these families to, the one
        with the most such programs first (then by code), without 99-9999 (the crosswalk's
        code for a program of no occupation)."""
        if not families:
            return []
        # a family's CIP codes sort from '51.08' to below '51.08~' (digits sort below '~'),
        # which the index on cip finds without reading every pair
        ranges = [(f"{f[:2]}.{f[2:]}", f"{f[:2]}.{f[2:]}~") for f in families]
        rows = self._query(
            "SELECT soc FROM crosswalk WHERE ("
            + " OR ".join("(cip >= ? AND cip < ?)" for _ in ranges)
            + f") AND soc NOT IN ({', '.join('?' * len(socs))}) AND soc <> ? "
            "GROUP BY soc ORDER BY COUNT(DISTINCT cip) DESC, soc",
            (*(bound for pair in ranges for bound in pair), *socs, NO_OCCUPATION),
        )
        return [str(soc) for (soc,) in rows]

    def _family_title(self, family: str) -> str:
        rows = self._query("SELECT family_title FROM programs WHERE family = ? LIMIT 1", (family,))
        return str(rows[0][0]) if rows else NO_PROGRAM

    def programs(
        self, families: list[str], *, state: str | None, credential: int | None
    ) -> list[Program]:
        """The programs of the families, in a state (None: every state), of a credential."""
        if not families:
            return []
        rows = self._select(
            "unitid, school, state, control, family, family_title, credential, "
            "credential_title, completers, earnings, horizon, debt, school_group",
            families,
            state=state,
            credential=credential,
        )
        return [
            Program(
                str(unitid),
                str(school),
                str(where),
                str(control),
                str(family),
                str(family_title),
                int(str(level)),
                str(level_title),
                _int(completers),
                _int(earnings),
                HORIZONS.get(str(horizon)) if horizon else None,
                _int(debt),
                str(group),
            )
            for (
                unitid,
                school,
                where,
                control,
                family,
                family_title,
                level,
                level_title,
                completers,
                earnings,
                horizon,
                debt,
                group,
            ) in rows
        ]

    def figures(self, families: list[str], *, credential: int | None) -> list[SchoolFigures]:
        """Each school's figures for the programs of the families in the nation, counted
        by SQLite: a national summary reads no program whole. (Counting the rows in Python
        took half the time and 1 MiB more, which broke the memory budget of `programs`.)"""
        if not families:
            return []
        rows = self._select(
            "credential, credential_title, earnings, horizon, debt, COUNT(*), COUNT(earnings)",
            families,
            credential=credential,
            group_by=SCHOOL_FIGURES,
        )
        # the values as the importer writes them (its schema's types): no conversion
        typed = cast("list[tuple[int, str, int | None, str | None, int | None, int, int]]", rows)
        horizons = HORIZONS.get
        return [
            SchoolFigures(c, t, e, horizons(h) if h else None, d, n, w)
            for c, t, e, h, d, n, w in typed
        ]

    def _select(
        self,
        columns: str,
        families: list[str],
        *,
        state: str | None = None,
        credential: int | None = None,
        group_by: str = "",
    ) -> list[tuple[object, ...]]:
        """Columns of the programs of the families, in a state and of a credential if given,
        grouped by `group_by`'s columns if given."""
        clauses = [f"family IN ({', '.join('?' * len(families))})"]
        parameters: list[object] = list(families)
        for column, value in (("state", state), ("credential", credential)):
            if value is not None:
                clauses.append(f"{column} = ?")
                parameters.append(value)
        sql = f"SELECT {columns} FROM programs WHERE " + " AND ".join(clauses)
        if group_by:
            sql += f" GROUP BY {group_by}"
        return self._query(sql, tuple(parameters))

    def counts(self) -> dict[str, int]:
        """Rows of each table, for `careercompare data`."""
        return self._counts(("programs", "crosswalk"))


def _int(value: object) -> int | None:
    if value is None or type(value) is int:  # as the importer writes it: no conversion
        return value
    return int(str(value))
