"""The occupation database: a read-only SQLite file built from BLS Employment Projections
and O*NET by `importers/occupations.py`, queried by SOC code or by a name people use."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from careercompare.bundled_database import ReadOnlyDatabase
from careercompare.occupations.schema import FORMAT, INTERESTS, TITLE_KINDS

THOUSAND = 1000


@dataclass(frozen=True)
class Projection:
    """One occupation's row of the Employment Projections table (Table 1.2)."""

    code: str
    title: str
    line_item: bool
    jobs_start: int
    jobs_end: int
    change: int
    percent: float
    openings_per_year: int | None
    median_wage: int | None
    wage_at_least: bool
    education: str | None
    experience: str | None
    training: str | None


@dataclass(frozen=True)
class OnetProfile:
    """O*NET's description of an occupation, its job zone and its interest scores."""

    code: str
    title: str
    description: str
    job_zone: int | None
    interests: dict[str, float]


@dataclass(frozen=True)
class JobZone:
    """O*NET's meaning of a job zone (1 to 5)."""

    zone: int
    name: str
    experience: str
    education: str
    training: str


@dataclass(frozen=True)
class Related:
    """An occupation O*NET lists as related, with its tier and rank."""

    code: str
    title: str
    tier: str
    rank: int


@dataclass(frozen=True)
class StateProjection:
    """One occupation's long-term projection in one state (fips '00': the nation), as the
    state published it; jobs are counts, not thousands."""

    fips: str
    code: str
    title: str
    base: int
    projected: int
    percent: float | None
    openings: int | None


def _jobs(thousands: object) -> int:
    """Employment published in thousands ('811', '912.2') as a count of jobs, exactly."""
    return int(Decimal(str(thousands)) * THOUSAND)


class OccupationDatabase(ReadOnlyDatabase, kind="an occupation database", format=FORMAT):
    """The occupations of one edition of the projections and one O*NET release."""

    @property
    def edition(self) -> str:
        """The projections' edition, '2024-34'."""
        return self.meta["ep_edition"]

    @property
    def onet_release(self) -> str:
        """'29.3'."""
        return self.meta["onet_release"]

    @property
    def wage_year(self) -> int:
        """The year of May whose median wage the projections carry."""
        return int(self.meta["ep_wage_year"])

    @property
    def years(self) -> tuple[int, int]:
        """The projections' base and target years."""
        return int(self.meta["ep_base_year"]), int(self.meta["ep_target_year"])

    def projection(self, code: str) -> Projection | None:
        """The projections' row of a SOC code (a detailed occupation or a group).

        Read once a run: a view asks for it for each of its roles, and for each fact of
        a role (`match` over the 10,000-role catalog of benchmarks/startup.py asked
        30,000 times, for the same few codes: 0.8 of the floor).
        """
        if code not in self._projection_rows:
            rows = self._query("SELECT * FROM projections WHERE code = ?", (code,))
            self._projection_rows[code] = _projection(rows[0]) if rows else None
        return self._projection_rows[code]

    @cached_property
    def _projection_rows(self) -> dict[str, Projection | None]:
        return {}

    def reported_titles(self, soc: str) -> list[str]:
        """O*NET's sample of the job titles people in the occupation reported, each once."""
        rows = self._query(
            "SELECT DISTINCT title FROM titles WHERE soc = ? AND kind = 'reported' ORDER BY title",
            (soc,),
        )
        return [str(title) for (title,) in rows]

    def title_keys(self) -> list[str]:
        """Every name of the detailed occupations, in its matching form (`title_key`)."""
        rows = self._query(
            "SELECT DISTINCT t.key FROM titles t JOIN projections p ON p.code = t.soc "
            "AND p.line_item = 1"
        )
        return [str(key) for (key,) in rows]

    def titles(self) -> list[tuple[str, str]]:
        """(code, title) of every detailed occupation of the projections, in code order."""
        rows = self._query("SELECT code, title FROM projections WHERE line_item = 1 ORDER BY code")
        return [(str(code), str(title)) for code, title in rows]

    def projections(self, codes: tuple[str, ...] | None = None) -> list[Projection]:
        """Rows of the projections: the detailed occupations, or those of `codes`."""
        if codes is None:
            rows = self._query("SELECT * FROM projections WHERE line_item = 1 ORDER BY code")
        else:
            marks = ", ".join("?" * len(codes))
            rows = self._query(f"SELECT * FROM projections WHERE code IN ({marks})", codes)
        return [_projection(row) for row in rows]

    def members(self, code: str) -> list[Projection]:
        """The detailed occupations ('Line item') within a group of the table, at any depth."""
        rows = self._query(
            "WITH RECURSIVE m(code) AS (SELECT code FROM projections WHERE parent = ? "
            "UNION SELECT p.code FROM projections p JOIN m ON p.parent = m.code) "
            "SELECT p.* FROM projections p JOIN m USING (code) WHERE p.line_item = 1 "
            "ORDER BY p.code",
            (code,),
        )
        return [_projection(row) for row in rows]

    def profile(self, soc: str) -> OnetProfile | None:
        """O*NET's profile of a SOC code: its own (.00) occupation, else the first listed;
        for a code O*NET splits (31-1120 into 31-1121 and 31-1122), the first of those."""
        rows = self._query(
            "SELECT code, title, description, job_zone FROM onet WHERE soc = ? ORDER BY code "
            "LIMIT 1",
            (soc,),
        )
        if not rows and soc.endswith("0"):
            rows = self._query(
                "SELECT code, title, description, job_zone FROM onet WHERE soc LIKE ? "
                "ORDER BY code LIMIT 1",
                (soc[:6] + "_",),
            )
        if not rows:
            return None
        code, title, description, zone = rows[0]
        columns = ", ".join(name.lower() for name in INTERESTS)
        scores = self._query(f"SELECT {columns} FROM interests WHERE code = ?", (code,))
        interests = (
            {n: float(str(v)) for n, v in zip(INTERESTS, scores[0], strict=True) if v is not None}
            if scores
            else {}
        )
        return OnetProfile(
            str(code),
            str(title),
            str(description),
            int(str(zone)) if zone is not None else None,
            interests,
        )

    def interest_keywords(self) -> dict[str, str]:
        """O*NET's action keywords of each interest ('Social': 'Advise, Educate, ...')."""
        rows = self._query(
            "SELECT interest, keyword FROM riasec_keywords WHERE kind = 'Action' ORDER BY rowid"
        )
        found: dict[str, list[str]] = {}
        for interest, keyword in rows:
            found.setdefault(str(interest), []).append(str(keyword))
        return {name: ", ".join(words) for name, words in found.items()}

    def tasks(self, onet_code: str, limit: int, *, core: bool = True) -> list[str]:
        """The occupation's core tasks (or all of them), in O*NET's order (by task id), at
        most `limit`."""
        rows = self._query(
            "SELECT task FROM tasks WHERE code = ? AND core >= ? ORDER BY task_id LIMIT ?",
            (onet_code, int(core), limit),
        )
        return [str(task) for (task,) in rows]

    def related(self, onet_code: str) -> list[Related]:
        """The occupations O*NET relates to this one, closest first."""
        rows = self._query(
            "SELECT r.related, o.title, r.tier, r.rank FROM related r "
            "JOIN onet o ON o.code = r.related WHERE r.code = ? ORDER BY r.rank",
            (onet_code,),
        )
        return [Related(str(c), str(t), str(tier), int(str(n))) for c, t, tier, n in rows]

    def job_zone(self, zone: int) -> JobZone | None:
        """What a job zone means."""
        rows = self._query("SELECT * FROM job_zones WHERE zone = ?", (zone,))
        if not rows:
            return None
        number, name, experience, education, training = rows[0]
        return JobZone(int(str(number)), str(name), str(experience), str(education), str(training))

    def codes_named(self, key: str) -> dict[str, list[tuple[str, str]]]:
        """SOC codes one of whose names is `key` (normalized): {code: [(title, kind)]},
        codes of the projections' detailed occupations only."""
        rows = self._query(
            "SELECT t.soc, t.title, t.kind FROM titles t JOIN projections p ON p.code = t.soc "
            "AND p.line_item = 1 WHERE t.key = ?",
            (key,),
        )
        found: dict[str, list[tuple[str, str]]] = {}
        for soc, title, kind in rows:
            found.setdefault(str(soc), []).append((str(title), str(kind)))
        for names in found.values():
            names.sort(key=lambda name: TITLE_KINDS.index(name[1]))
        return found

    def codes_with_words(self, words: list[str]) -> dict[str, str]:
        """Detailed occupations a name of which holds every word (as words), by code:
        {code: the first such name}."""
        if not words:
            return {}
        clauses = " AND ".join("(' ' || t.key || ' ') LIKE ?" for _ in words)
        rows = self._query(
            "SELECT t.soc, t.title FROM titles t JOIN projections p ON p.code = t.soc AND "
            f"p.line_item = 1 WHERE {clauses} ORDER BY t.soc",
            tuple(f"% {_like(word)} %" for word in words),
        )
        found: dict[str, str] = {}
        for soc, title in rows:
            found.setdefault(str(soc), str(title))
        return found

    @property
    def state_period(self) -> str | None:
        """The period of the state projections ('2022-32'), if the database holds them."""
        return self.meta.get("state_period")

    def state_projection(self, code: str, fips: str) -> StateProjection | None:
        """An occupation's projection in a state (fips '00': the nation's row of the file)."""
        rows = self._query(
            "SELECT title, base, projected, percent, openings FROM state_projections "
            "WHERE code = ? AND fips = ?",
            (code, fips),
        )
        if not rows:
            return None
        title, base, projected, percent, openings = rows[0]
        return StateProjection(
            fips,
            code,
            str(title),
            int(str(base)),
            int(str(projected)),
            None if percent is None else float(str(percent)),
            None if openings is None else int(str(openings)),
        )

    def counts(self) -> dict[str, int]:
        """Rows of each table, for `careercompare data`."""
        return self._counts(("projections", "onet", "tasks", "interests", "related", "titles"))


def _like(word: str) -> str:
    return word.replace("%", "").replace("_", "")


def _projection(row: tuple[object, ...]) -> Projection:
    (
        code,
        title,
        line_item,
        _parent,
        base,
        target,
        change,
        percent,
        _self_employed,
        openings,
        wage,
        at_least,
        education,
        experience,
        training,
    ) = row
    return Projection(
        code=str(code),
        title=str(title),
        line_item=bool(line_item),
        jobs_start=_jobs(base),
        jobs_end=_jobs(target),
        change=_jobs(change),
        percent=float(str(percent)),
        openings_per_year=_jobs(openings) if openings is not None else None,
        median_wage=int(str(wage)) if wage is not None else None,
        wage_at_least=bool(at_least),
        education=None if education is None else str(education),
        experience=None if experience is None else str(experience),
        training=None if training is None else str(training),
    )
