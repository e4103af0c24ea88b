"""Roles from the official tables: any occupation of the projections as a role, and the
catalog's own roles completed with the tables' figures (never copied into the catalog).

What a role gets from the tables, each fact citing the table it comes from:
- the projection (BLS Employment Projections) of each occupation the role stands for;
- its typical entry education, work experience and on-the-job training (the same table);
- the median wage of May of the projections' base year (the same table), and the national
  OEWS median and 10th and 90th percentiles of the wages in use;
- O*NET's description and core tasks, and where it leads (O*NET's related occupations
  that need more preparation), for occupations the catalog does not describe itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from careercompare.catalog.models import (
    BlsOccupation,
    CareerPath,
    ComparisonCell,
    OutlookFigure,
    Requirement,
    Role,
    SalaryFigure,
    Source,
    SourcedText,
    further_requirements,
    oews_codes,
    requirement_words,
)
from careercompare.catalog.names import closest_words, title_key
from careercompare.occupations.database import OccupationDatabase, Projection, StateProjection

if TYPE_CHECKING:
    from careercompare.wages.database import WageDatabase
    from careercompare.wages.estimates import Estimate

MAX_TASKS = 5
ALL_TASKS = 200
MAX_PATHS = 4
HIGHEST_JOB_ZONE = 5  # O*NET's scale runs from 1 to 5: no occupation needs more than 5
# Table 1.2 of the projections prints its percent change with one decimal (number format
# '#,##0.0': 7 is printed 7.0).
EP_PERCENT_DECIMALS = 1
# (salary kind, OEWS measure, id suffix) of the national OEWS figures a role is given.
OEWS_MEASURES: tuple[tuple[Literal["median", "percentile-10", "percentile-90"], str, str], ...] = (
    ("median", "median", "median"),
    ("percentile-10", "pct10", "p10"),
    ("percentile-90", "pct90", "p90"),
)
_PATIENTS = re.compile(r"\bpatients?\b", re.IGNORECASE)
_SOC = re.compile(r"^(\d{2})-?(\d{4})(\.\d{2})?$")
DERIVED_SOURCE = "careercompare-from-tables"


def table_figure_id(kind: str, code: str | None) -> str:
    """The id of a figure taken from a table: 'bls-ep-2024-34' for a role's own occupation,
    'bls-ep-2024-34-29-1151' for one of several it stands for."""
    return kind if code is None else f"{kind}-{code}"


def soc_code(text: str) -> str | None:
    """'29-1141', '291141' or '29-1141.00' as '29-1141'; None for anything else."""
    found = _SOC.match(text.strip())
    return f"{found.group(1)}-{found.group(2)}" if found else None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# The occupations a role stands for: (code, tag) each.
OccupationsKey = tuple[tuple[str, str | None], ...]


class OccupationRoles:
    """The occupations of the tables as roles; curated roles completed from the tables.

    Models are made directly, not validated: their values come from a database the
    importer checked, and validating them would build each model's validator at every
    run (55 ms of `table`'s run, benchmarks/startup.py).
    """

    def __init__(
        self, db: OccupationDatabase, wages: Callable[[], WageDatabase | None] | None = None
    ) -> None:
        self.db = db
        self._wages = wages
        # The requirements of each set of occupations, worked out once a run: roles that
        # share their occupations share them (benchmarks/startup.py, `match` over
        # 10,000 roles).
        self._requirements_of: dict[OccupationsKey, tuple[Requirement, ...]] = {}
        # O*NET's paths of a role's occupations: read once a run, for both its paths
        # and its Career growth cell
        self._paths_read: dict[tuple[str, ...], tuple[CareerPath, ...]] = {}

    @cached_property
    def wages(self) -> WageDatabase | None:
        return self._wages() if self._wages else None

    @cached_property
    def ep_source(self) -> Source:
        db = self.db
        base, target = db.years
        files = ", ".join(f.name for f in db.source_files() if f.dataset == "ep")
        return Source(
            id=f"bls-ep-{db.edition}",
            title=f"Employment Projections {base}-{target % 100:02d}: Table 1.2, Occupational "
            f"projections, {base}-{target}, and worker characteristics, {base}",
            publisher="U.S. Bureau of Labor Statistics (BLS)",
            note=f"Employment {base} and {target}, change and openings (published in "
            f"thousands), median annual wage of May {db.wage_year}, typical entry education, "
            f"work experience and on-the-job training, as in the workbook BLS publishes "
            f"({files}; 'careercompare data' gives its SHA-256).",
        )

    @cached_property
    def onet_source(self) -> Source:
        return Source(
            id=f"onet-{self.db.onet_release.replace('.', '-')}",
            title=f"O*NET {self.db.onet_release} Database",
            publisher="U.S. Department of Labor, Employment and Training Administration "
            "(USDOL/ETA)",
            url="https://www.onetcenter.org/database.html",
            note=f"O*NET {self.db.onet_release} Database by USDOL/ETA, used under CC BY 4.0 "
            "(https://www.onetcenter.org/license_db.html); descriptions, tasks, job zones, "
            "related occupations and reported job titles unmodified.",
        )

    @cached_property
    def derived_source(self) -> Source:
        return Source(
            id=DERIVED_SOURCE,
            title="careercompare's reading of the official tables",
            publisher="careercompare",
            note="Not a source of facts: a cell careercompare wrote from the rows of the "
            f"O*NET {self.db.onet_release} Database it names (related occupations, job zones).",
        )

    @cached_property
    def state_source(self) -> Source | None:
        period = self.db.state_period
        if period is None:
            return None
        return Source(
            id=f"state-projections-{period}",
            title=f"Long-term occupational projections by state, {period} (Projections Central)",
            publisher="State labor market information offices, through Projections Central",
            note="Each state's own projections and titles. The file names no years: it is read "
            f"as {period} because its national rows equal the BLS projections of that period. "
            "A state's figures are shown as published; careercompare flags those whose "
            "openings fall far below the national rate, and corrects none.",
        )

    def detailed_codes(self, code: str) -> tuple[str, ...]:
        """The detailed occupations within a group of the projections (29-1210 Physicians:
        29-1211 to 29-1229); a detailed occupation's code alone."""
        return tuple(p.code for p in self.db.members(code)) or (code,)

    def interest_scores(self, role: Role) -> tuple[str, dict[str, float]] | None:
        """O*NET's interest scores (1 to 7) of the role's occupation, with the O*NET title
        they are of; of a role of several occupations, its first's."""
        for code in oews_codes(role):
            profile = self.db.profile(code)
            if profile is not None and profile.interests:
                return profile.title, profile.interests
        return None

    def light_roles(self, skip: set[str]) -> list[Role]:
        """Every occupation of the projections but those in `skip`, as a bare role (id,
        name, code): for ranking them all, without reading their facts."""
        source = self.ep_source.id
        return [
            Role(
                id=role_id,
                name=title,
                bls_occupation=BlsOccupation(
                    soc_code=code, title=title, match="exact", source=source
                ),
            )
            for role_id, title, code in self.listing()
            if code not in skip
        ]

    def growth_of(self, role: Role) -> float | None:
        """The projected growth (percent) of the role's own occupation, or its first's."""
        codes = oews_codes(role)
        own = role.bls_occupation.soc_code if role.bls_occupation else None
        projection = self.db.projection(own or codes[0]) if (own or codes) else None
        return projection.percent if projection else None

    def entry_education_of(self, role: Role) -> tuple[str, str] | None:
        """The typical entry education of the role's occupation (BLS) and its source; of a
        group, the one all its detailed occupations share, as `complete` gives it."""
        codes = oews_codes(role)
        own = role.bls_occupation.soc_code if role.bls_occupation else None
        if len(codes) == 1 and own in (None, codes[0]):
            projection = self.db.projection(codes[0])
            if projection is not None and projection.line_item:
                education = projection.education
                return (education, self.ep_source.id) if education else None
        found = self._found(_named(role))
        entry = next((r for r in self._requirements(found) if r.kind == "entry-education"), None)
        return (entry.text, entry.source) if entry else None

    def reported_titles(self, role: Role) -> tuple[tuple[str, ...], str] | None:
        """O*NET's sample of reported job titles of the role's one occupation, with the
        source it cites; None for a role of several occupations or where O*NET has none."""
        codes = oews_codes(role)
        titles = self.db.reported_titles(codes[0]) if len(codes) == 1 else []
        return (tuple(titles), self.onet_source.id) if titles else None

    def interest_keywords(self) -> dict[str, str]:
        """O*NET's keywords of each interest."""
        return self.db.interest_keywords()

    def tables_read(self) -> str:
        """The tables a role's facts are read from, by name and edition."""
        read = f"BLS Employment Projections {self.db.edition}, O*NET {self.db.onet_release}"
        return read + (", BLS OEWS " + self.wages.release if self.wages else "")

    def sources(self) -> tuple[Source, ...]:
        """The sources every figure and text taken from the tables cites."""
        wages = (self.wages.source(),) if self.wages else ()
        states = (self.state_source,) if self.state_source else ()
        return (*wages, self.ep_source, self.onet_source, self.derived_source, *states)

    def state_outlook(
        self, role: Role, fips: str, state: str
    ) -> list[tuple[OutlookFigure, str | None]]:
        """The role's occupations' projections in a state, each with a flag where its
        openings are under half of what the national rate would give (careercompare's
        check; the figure is shown as published)."""
        source = self.state_source
        period = self.db.state_period
        if source is None or period is None:
            return []
        start = int(period[:4])
        end = start // 100 * 100 + int(period[5:])
        codes = oews_codes(role)
        found = []
        for code in codes:
            row = self.db.state_projection(code, fips)
            if row is None or row.percent is None:
                continue
            figure = _table_projection(
                f"{source.id}-{fips}-{code}",
                (start, end),
                row.percent,
                (row.base, row.projected),
                change=None,
                openings=row.openings,
                scope=f"{state}: {row.title} ({code})",
                occupation=code if len(codes) > 1 else None,
                source=source.id,
            )
            found.append((figure, self._flag(row, code)))
        return found

    def _flag(self, row: StateProjection, code: str) -> str | None:
        nation = self.db.state_projection(code, "00")
        if nation is None or not nation.base or not nation.openings or not row.base:
            return None
        if row.openings is None:
            return "no openings figure published"
        rate, national = row.openings / row.base, nation.openings / nation.base
        if rate >= national / 2:
            return None
        return (
            f"openings a year are {rate:.1%} of jobs, under half the national {national:.1%} "
            "(careercompare's check): shown as published"
        )

    # Lookups: by code, by a name people use, by words.

    @cached_property
    def _codes_by_id(self) -> dict[str, str]:
        return {_slug(title): code for code, title in self.db.titles()}

    def role_id(self, code: str) -> str | None:
        """The id an occupation's role has, if the code is one of the projections'."""
        projection = self.db.projection(code)
        return _slug(projection.title) if projection and projection.line_item else None

    def code_of_id(self, role_id: str) -> str | None:
        """The occupation a role id made here stands for."""
        return self._codes_by_id.get(role_id)

    def codes_named(self, name: str) -> list[str]:
        """Occupations a name means: a SOC code, or a title of BLS, O*NET or the names
        people use; the closest kind of title wins ('paramedics' is BLS's title of one
        occupation and a name people use for another: the first is meant)."""
        code = soc_code(name)
        if code is not None:
            projection = self.db.projection(code)
            return [code] if projection and projection.line_item else []
        found = self.db.codes_named(title_key(name))
        if not found:
            return []
        from careercompare.occupations.schema import TITLE_KINDS

        rank = {c: min(TITLE_KINDS.index(kind) for _, kind in names) for c, names in found.items()}
        best = min(rank.values())
        return sorted(code for code, value in rank.items() if value == best)

    def codes_with_words(self, words: list[str]) -> dict[str, str]:
        """Occupations one of whose names holds every word, by code: {code: that name}."""
        keys = [title_key(word) for word in words]
        return self.db.codes_with_words([k for k in keys if k])

    def corrected(self, words: list[str]) -> list[str] | None:
        """The words put right where no name of an occupation holds them: a typo
        ('hygenist'), or two words run together ('xray'); None when none is put right or
        the words put right name no occupation."""
        keys = [title_key(word) for word in words]
        if not all(keys):
            return None
        fixed = [self._put_right(key) for key in keys]
        if fixed == keys or not self.db.codes_with_words(" ".join(fixed).split()):
            return None
        return fixed

    def _put_right(self, word: str) -> str:
        vocabulary = self._title_words
        if word in vocabulary:
            return word
        for cut in range(1, len(word)):  # before typos: 'xray' is 'x ray', not 'ray'
            if word[:cut] in vocabulary and word[cut:] in vocabulary:
                return f"{word[:cut]} {word[cut:]}"
        [close] = closest_words([word], vocabulary, cutoff=0.8)
        return close

    @cached_property
    def _title_words(self) -> frozenset[str]:
        """The words of the occupations' names."""
        return frozenset(word for key in self.db.title_keys() for word in key.split())

    def title_of(self, code: str) -> str | None:
        """The projections' title of an occupation."""
        projection = self.db.projection(code)
        return projection.title if projection else None

    def listing(self) -> list[tuple[str, str, str]]:
        """(role id, title, code) of every occupation of the projections, in code order."""
        return [(_slug(title), title, code) for code, title in self.db.titles()]

    # Roles.

    def role(self, code: str) -> Role:
        """An occupation of the projections as a role of its own."""
        projection = self.db.projection(code)
        if projection is None:
            raise KeyError(code)
        role = Role(
            id=_slug(projection.title),
            name=projection.title,
            bls_occupation=BlsOccupation(
                soc_code=code, title=projection.title, match="exact", source=self.ep_source.id
            ),
        )
        return self.complete(role)

    def complete(self, role: Role) -> Role:
        """The role with the tables' facts of its occupations added: projections, entry
        requirements and pay; each occupation of several is named on its figures."""
        codes = oews_codes(role)
        if not codes:
            return role
        named = _named(role)
        found = self._found(named)
        requirements = self._requirements(found)
        update: dict[str, Any] = {
            "outlook": (*(self._outlook(p, tag) for p, tag in found), *role.outlook),
            "salary": (*self._pay(found, named), *role.salary),
        }
        if not role.requirements:
            update["requirements"] = requirements
        update |= self._onet(role, codes)
        if not role.career_paths:
            update["career_paths"] = self._paths_of(codes)
        completed = replace(role, **update)
        cells = self._cells(completed, requirements)
        return replace(completed, comparison={**cells, **role.comparison})

    def _found(self, named: list[tuple[str, str | None]]) -> list[tuple[Projection, str | None]]:
        """The projections' rows of the named occupations, with their tags."""
        return [(p, tag) for code, tag in named if (p := self.db.projection(code)) is not None]

    def _onet(self, role: Role, codes: tuple[str, ...]) -> dict[str, object]:
        """O*NET's description, tasks and preparation, for a role of one occupation where
        the catalog gives none of its own."""
        if len(codes) != 1:
            return {}
        profile = self.db.profile(codes[0])
        if profile is None:
            return {}
        onet = self.onet_source.id
        found: dict[str, object] = {}
        if role.summary is None:
            found["summary"] = SourcedText(text=profile.description, source=onet)
        if not role.tasks:
            tasks = self.db.tasks(profile.code, MAX_TASKS)
            found["tasks"] = tuple(SourcedText(text=task, source=onet) for task in tasks)
        zone = self.db.job_zone(profile.job_zone) if profile.job_zone else None
        if zone is not None and role.preparation is None:
            text = f"{zone.name}. {zone.education} {zone.training}"
            found["preparation"] = SourcedText(text=text, source=onet)
        return found

    def _outlook(self, projection: Projection, tag: str | None) -> OutlookFigure:
        return _table_projection(
            table_figure_id(self.ep_source.id, tag),
            self.db.years,
            projection.percent,
            (projection.jobs_start, projection.jobs_end),
            change=projection.change,
            openings=projection.openings_per_year,
            scope=f"{projection.title} ({projection.code})" if tag else None,
            occupation=tag,
            source=self.ep_source.id,
            decimals=EP_PERCENT_DECIMALS,
        )

    def _requirements(self, found: list[tuple[Projection, str | None]]) -> tuple[Requirement, ...]:
        """The entry requirements of the role's occupation; of a group, each one every
        detailed occupation of it shares (none where they differ)."""
        key = tuple((p.code, tag) for p, tag in found)
        if key not in self._requirements_of:
            self._requirements_of[key] = self._requirements_of_found(found)
        return self._requirements_of[key]

    def _requirements_of_found(
        self, found: list[tuple[Projection, str | None]]
    ) -> tuple[Requirement, ...]:
        own = [p for p, tag in found if tag is None] or [p for p, _ in found]
        rows = [m for p in own for m in ([p] if p.line_item else self.db.members(p.code))]
        scope = None if all(p.line_item for p in own) else "every detailed occupation of the group"
        kinds: tuple[
            tuple[
                Literal["entry-education", "work-experience", "on-the-job-training"],
                set[str | None],
            ],
            ...,
        ] = (
            ("entry-education", {p.education for p in rows}),
            ("work-experience", {p.experience for p in rows}),
            ("on-the-job-training", {p.training for p in rows}),
        )
        return tuple(
            Requirement(kind=kind, text=text, scope=scope, source=self.ep_source.id)
            for kind, texts in kinds
            if len(texts) == 1 and (text := next(iter(texts))) is not None
        )

    def _pay(
        self, found: list[tuple[Projection, str | None]], named: list[tuple[str, str | None]]
    ) -> list[SalaryFigure]:
        figures = []
        wages = self.wages
        nation = wages.nation if wages else None
        for code, tag in named:
            estimate = wages.estimate(code, nation) if wages and nation else None
            if estimate is not None and wages is not None:
                figures += _oews_figures(estimate, wages, tag)
        for projection, tag in found:
            if projection.median_wage is None:
                continue
            figures.append(
                SalaryFigure(
                    id=table_figure_id(f"{self.ep_source.id}-median", tag),
                    kind="median",
                    amount=projection.median_wage,
                    bound="at-least" if projection.wage_at_least else "exact",
                    as_of=f"May {self.db.wage_year}",
                    occupation=tag,
                    scope=f"{projection.title} ({projection.code})" if tag else None,
                    source=self.ep_source.id,
                )
            )
        return figures

    def _cells(
        self, role: Role, requirements: tuple[Requirement, ...]
    ) -> dict[str, ComparisonCell]:
        """Comparison cells the tables fill where the catalog has none."""
        cells: dict[str, ComparisonCell] = {}
        education = _entry_requirements(requirements)
        if education is not None:
            cells["education-required"] = ComparisonCell(text=education, source=self.ep_source.id)
        growth = None if role.comparison.get("career-growth") else self._growth(role)
        if growth is not None:
            cells["career-growth"] = ComparisonCell(text=growth, source=DERIVED_SOURCE)
        patients = self._patient_tasks(oews_codes(role))
        if patients is not None and "patient-care" not in role.comparison:
            cells["patient-care"] = ComparisonCell(text=patients, source=DERIVED_SOURCE)
        return cells

    def _growth(self, role: Role) -> str | None:
        """Where the role leads, read from O*NET: its occupations' related occupations in a
        higher job zone (whatever paths the catalog gives), or that none can be (job zone
        5, the highest); None where O*NET is silent."""
        codes = oews_codes(role)
        paths = self._paths_of(codes)
        if paths:
            labels = [path.label for path in paths]
            # "Orthopedic Surgeons, Except Pediatric" holds a comma of its own
            between = "; " if any("," in label for label in labels) else ", "
            return (
                "Leads to " + between.join(labels) + " (O*NET's related "
                "occupations that need more preparation: a higher job zone)"
            )
        profiles = [self.db.profile(code) for code in codes]
        if {p.job_zone for p in profiles if p is not None} == {HIGHEST_JOB_ZONE}:
            return (
                "O*NET places it in job zone 5, the most preparation of all: no related "
                "occupation needs more"
            )
        return None

    def _patient_tasks(self, codes: tuple[str, ...]) -> str | None:
        """How many of O*NET's core tasks (all its tasks, where none is marked core) of the
        role's occupation mention patients, with the first such task; None for a role of
        several occupations or without tasks."""
        profile = self.db.profile(codes[0]) if len(codes) == 1 else None
        if profile is None:
            return None
        tasks = self.db.tasks(profile.code, ALL_TASKS)
        kind = "core tasks"
        if not tasks:
            tasks, kind = self.db.tasks(profile.code, ALL_TASKS, core=False), "tasks"
        if not tasks:
            return None
        with_patients = [task for task in tasks if _PATIENTS.search(task)]
        if not with_patients:
            return f"None of O*NET's {len(tasks)} {kind} mentions patients"
        verb = "mentions" if len(with_patients) == 1 else "mention"
        return (
            f"{len(with_patients)} of O*NET's {len(tasks)} {kind} {verb} patients, "
            f'e.g. "{with_patients[0]}"'
        )

    def _paths_of(self, codes: tuple[str, ...]) -> tuple[CareerPath, ...]:
        """O*NET's related occupations that need more preparation, of the role's occupation;
        of a role of several, of each in turn (its notes name it), each target once."""
        if codes not in self._paths_read:
            if len(codes) == 1:
                self._paths_read[codes] = self._paths(codes[0])
            else:
                paths: dict[str | None, CareerPath] = {}
                for code in codes:
                    for path in self._paths(code, several=True):
                        paths.setdefault(path.role, path)
                self._paths_read[codes] = tuple(paths.values())[:MAX_PATHS]
        return self._paths_read[codes]

    def _paths(self, code: str, *, several: bool = False) -> tuple[CareerPath, ...]:
        """O*NET's related occupations that need more preparation (a higher job zone);
        `several`: the occupation is one of a role's several, which the notes name."""
        profile = self.db.profile(code)
        if profile is None or profile.job_zone in (None, HIGHEST_JOB_ZONE):
            return ()  # nothing O*NET relates it to can need more preparation
        related_to, this = (f" to {profile.title}", "that one's") if several else ("", "this one's")
        paths: list[CareerPath] = []
        for related in self.db.related(profile.code):
            soc = related.code[:7]
            target = self.db.profile(soc)
            role_id = self.role_id(soc)
            if target is None or target.job_zone is None or role_id is None:
                continue
            if target.job_zone <= profile.job_zone or any(p.role == role_id for p in paths):
                continue
            paths.append(
                CareerPath(
                    label=related.title,
                    role=role_id,
                    note=f"O*NET lists it as related{related_to} ({related.tier}, "
                    f"{related.rank}) and places it in job zone {target.job_zone}, above "
                    f"{this} {profile.job_zone}; the choice is careercompare's",
                    note_source=self.derived_source.id,  # a reading of O*NET's rows
                    source=self.onet_source.id,
                )
            )
            if len(paths) == MAX_PATHS:
                break
        return tuple(paths)


def _table_projection(
    figure_id: str,
    years: tuple[int, int],
    percent: float,
    jobs: tuple[int | None, int | None],
    *,
    change: int | None,
    openings: int | None,
    scope: str | None,
    occupation: str | None,
    source: str,
    decimals: int | None = None,
) -> OutlookFigure:
    """A projection read from a table (national or a state's): its period from its years,
    its percent with the decimals the table prints (None: as the file writes it)."""
    start, end = years
    # made directly: the table's figures are checked by its importer
    return OutlookFigure(
        id=figure_id,
        percent=percent,
        decimals=decimals,
        period=f"{start}-{end}",
        start_year=start,
        end_year=end,
        jobs_start=jobs[0],
        jobs_end=jobs[1],
        change=change,
        openings_per_year=openings,
        scope=scope,
        occupation=occupation,
        source=source,
    )


def _entry_requirements(requirements: tuple[Requirement, ...]) -> str | None:
    """The typical entry education, with the work experience and on-the-job training the
    projections also give where they are not "None", in the table's words: "High school
    diploma or equivalent; work experience in a related occupation: Less than 5 years"."""
    education = next((r.text for r in requirements if r.kind == "entry-education"), None)
    if education is None:
        return None
    further = (requirement_words(r) for r in further_requirements(requirements))
    return "; ".join([education, *further])


def _named(role: Role) -> list[tuple[str, str | None]]:
    """The occupations a role's figures are read for, each with the code its figures are
    tagged with: none for the role's own occupation, the code for each of several."""
    codes = oews_codes(role)
    own = role.bls_occupation.soc_code if role.bls_occupation else None
    named = [(code, None if code == own or len(codes) == 1 else code) for code in codes]
    if own is not None and own not in codes:
        named.insert(0, (own, None))
    return named


def _oews_figures(estimate: Estimate, wages: WageDatabase, tag: str | None) -> list[SalaryFigure]:
    stem = f"oews-{wages.source_id.removeprefix('bls-oews-')}"
    figures = []
    for kind, measure, suffix in OEWS_MEASURES:
        annual = estimate.wage(measure)
        if annual.value is None:
            continue
        hourly = estimate.wage(measure, hourly=True)
        figures.append(
            SalaryFigure(
                id=table_figure_id(f"{stem}-{suffix}", tag),
                kind=kind,
                amount=annual.value,
                bound="at-least" if annual.at_least else "exact",
                hourly=hourly.value
                if kind == "median" and hourly.value is not None and not hourly.at_least
                else None,
                as_of=wages.release,
                occupation=tag,
                scope=f"{estimate.occupation_title} ({estimate.occupation_code})" if tag else None,
                source=wages.source_id,
            )
        )
    return figures
