"""What views other than `programs` say of a role's school programs: `show`'s account of
those near you and `payback`'s program debt, from the College Scorecard. Kept apart
from the `programs` view, which `show` and `payback` need no more of (and `show` ran 1.3%
fewer instructions without importing it: benchmarks/instructions.py)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from careercompare.catalog.index import CatalogIndex
from careercompare.catalog.models import Role, Source, SourcedText, oews_codes
from careercompare.catalog.names import without_accents
from careercompare.programs.choices import BELOW_A_CREDENTIAL, ENTRY_CREDENTIALS, Credential
from careercompare.programs.database import (
    CREDENTIALS,
    Program,
    ProgramDatabase,
    SchoolFigures,
)
from careercompare.results.base import FLATTEN, NOT_IN_JSON
from careercompare.wages.estimates import NATION_TITLE, Area


@dataclass(frozen=True)
class SharedFields:
    """The other occupations the crosswalk maps a role's fields of study to. The Scorecard
    publishes a field's figures for all its programs, so theirs are in them too."""

    shared_with: tuple[str, ...]  # their codes, those of the most programs first
    # The name of the first that is neither the field's postsecondary teachers nor an
    # "All Other" group, which the crosswalk maps to nearly every field and say little.
    example: str | None = field(default=None, metadata=NOT_IN_JSON)

    def words(self) -> str:
        """ "the crosswalk maps these fields to 7 other occupations too, Licensed practical
        nurse among them"; "" where it maps them to none."""
        count = len(self.shared_with)
        if not count:
            return ""
        if count == 1:
            named = f", {self.example}" if self.example else ""
            return f"the crosswalk maps these fields to one other occupation too{named}"
        named = f", {self.example} among them" if self.example else ""
        return f"the crosswalk maps these fields to {count:,} other occupations too{named}"


def shared_fields(
    db: ProgramDatabase, index: CatalogIndex, families: list[str], codes: tuple[str, ...]
) -> SharedFields:
    """Which other occupations the crosswalk maps the families' programs to, and the one
    to name (`SharedFields.example`)."""
    others = tuple(db.sharing(families, codes))
    fallback = None
    for code in others:  # in order, until one is named
        name = index.occupation_name(code)
        if name and _telling(index, code):
            return SharedFields(others, name)
        fallback = fallback or name
    return SharedFields(others, fallback)


def _telling(index: CatalogIndex, code: str) -> bool:
    """Whether the occupation is neither a field's teachers nor an "all other" group."""
    title = (index.tables.title_of(code) if index.tables else None) or ""
    return not title.lower().endswith((", all other", "teachers, postsecondary"))


@dataclass(frozen=True)
class ProgramsNear:
    """A short account of the programs that lead to a role in a state, for `show`."""

    state: str
    postal: str
    programs: int
    with_earnings: int
    median_earnings: int | None
    median_debt: int | None
    shared: SharedFields = field(metadata=FLATTEN)
    source: Source = field(metadata=NOT_IN_JSON)
    crosswalk: Source = field(metadata=NOT_IN_JSON)


def crosswalk_codes(index: CatalogIndex, role: Role, db: ProgramDatabase) -> tuple[str, ...]:
    """The detailed occupations the crosswalk names for a role: its OEWS occupations, a
    group of the projections (29-1210 Physicians, which OEWS publishes) as each detailed
    occupation within it there (29-1211 to 29-1229), and an occupation the projections
    publish as one but the crosswalk names in detail (31-1120) as those it names
    (31-1121, 31-1122): the crosswalk names no broad one."""
    codes = oews_codes(role)
    if index.tables is not None:
        codes = tuple(dict.fromkeys(c for code in codes for c in index.tables.detailed_codes(code)))
    return db.crosswalk_socs(codes)


def programs_near(
    db: ProgramDatabase, index: CatalogIndex, role: Role, state: Area
) -> ProgramsNear | None:
    """How many programs of the role's fields the state has, and the middle one's figures;
    None for a role without an occupation code."""
    codes = crosswalk_codes(index, role, db)
    if not codes:
        return None
    families = [f.family for f in db.fields_for(codes)]
    found = db.programs(families, state=state.state, credential=None)
    return ProgramsNear(
        state.title,
        state.state,
        len(found),
        sum(1 for p in found if p.earnings is not None),
        *middle_figures(school_figures(found)),
        shared_fields(db, index, families, codes),
        *scorecard_sources(db),
    )


@dataclass(frozen=True)
class ProgramDebt:
    """The median debt of the programs of one credential that lead to a role, and where."""

    amount: int
    where: str  # the area's title
    credential: Credential
    shared: SharedFields
    source: Source
    crosswalk: Source
    school: str | None = None  # --school's words: only the programs of those schools


def name_words(text: str) -> list[str]:
    """The words of a name, case folded and without accents ('St. Petersburg College':
    st, petersburg...; 'Juana Díaz': juana, diaz), so that either spelling finds it."""
    return re.findall(r"[^\W_]+", without_accents(text).casefold())


def at_school(program: Program, wanted: Sequence[str]) -> bool:
    """Whether each word wanted starts a word of the school's name ('st pete' finds
    St. Petersburg College)."""
    if not wanted:
        return True
    words = name_words(program.school)
    return all(any(word.startswith(w) for word in words) for w in wanted)


DebtOf = Callable[[Role], ProgramDebt | None]


def program_debt_by_area(
    db: ProgramDatabase, index: CatalogIndex, areas: Sequence[Area], school: Sequence[str] = ()
) -> Callable[[Area], DebtOf]:
    """`program_debt` of the state an area lies in (a metro area: its principal state; the
    nation: the nation)."""
    from careercompare.wages.areas import state_containing

    def in_area(area: Area) -> DebtOf:
        return program_debt(db, index, state_containing(area, areas), school)

    return in_area


def entry_credential(
    index: CatalogIndex, role: Role
) -> tuple[Credential | None, SourcedText | None]:
    """The Scorecard credential of the role's typical entry education (BLS), None where
    none matches it; and that education with its source, None where it is not known."""
    entry = index.tables.entry_education_of(role) if index.tables else None
    if entry is None:
        return None, None
    education = SourcedText(text=entry[0], source=entry[1])
    return ENTRY_CREDENTIALS.get(entry[0]), education


def training_credential(index: CatalogIndex, role: Role) -> Credential | None:
    """The credential of the training that leads into a role: that of its typical entry
    education (BLS) where a Scorecard credential matches it, a certificate where it is
    less than a postsecondary award or not known; None for a graduate degree."""
    credential, education = entry_credential(index, role)
    if credential is None and (education is None or education.text in BELOW_A_CREDENTIAL):
        return Credential.CERTIFICATE
    return credential


def program_debt(
    db: ProgramDatabase, index: CatalogIndex, state: Area | None, school: Sequence[str] = ()
) -> DebtOf:
    """For `payback`: the median debt over the programs of a role's training credential
    (`training_credential`) in the state (or the nation), of the schools whose names hold
    `school`'s words if given, and where; None where none publishes one, or the role
    needs a graduate degree."""

    sources = scorecard_sources(db)
    wanted = name_words(" ".join(school))

    def debt(role: Role) -> ProgramDebt | None:
        credential = training_credential(index, role)
        if credential is None:
            return None
        codes = crosswalk_codes(index, role, db)
        families = [f.family for f in db.fields_for(codes)]
        found = db.programs(
            families, state=state.state if state else None, credential=CREDENTIALS[credential]
        )
        middle = median_low(
            [s.debt for s in school_figures(p for p in found if at_school(p, wanted))]
        )
        if middle is None:
            return None
        where = state.title if state else NATION_TITLE
        shared = shared_fields(db, index, families, codes)
        return ProgramDebt(middle, where, credential, shared, *sources, " ".join(wanted) or None)

    return debt


def scorecard_sources(db: ProgramDatabase) -> tuple[Source, Source]:
    """The Scorecard release and the crosswalk, as sources."""
    scorecard = Source(
        id=f"college-scorecard-fos-{db.release}",
        title="College Scorecard, field of study data",
        publisher="U.S. Department of Education, as compiled by Truewise (CC BY 4.0)",
        date=db.release,
        date_meaning="published",
        url="https://truewise.dev",
        note=f"Release {db.release}: completers, completers' median earnings 1 or 4 years "
        "after completion, and median debt, by school, 4-digit field of study and credential; "
        "small programs' figures are suppressed; the campuses of one school (one OPEID) "
        "publish one set of earnings and debt.",
    )
    crosswalk = Source(
        id="nces-cip2020-soc2018",
        title="CIP 2020 to SOC 2018 crosswalk",
        publisher="National Center for Education Statistics (NCES) and BLS",
        note="Which instructional programs (CIP 2020) prepare for which occupations (SOC 2018).",
    )
    return scorecard, crosswalk


def school_key(p: Program) -> tuple[object, ...]:
    """One school's set of figures for a field and credential, as `SCHOOL_FIGURES` groups
    them in SQL: the campuses of one school (one opeid6) share it."""
    return (p.school_group, p.family, p.credential, p.earnings, p.earnings_after, p.debt)


def school_figures(programs: Iterable[Program]) -> list[SchoolFigures]:
    """Each school's figures among the programs (`ProgramDatabase.figures` for programs
    read whole): the campuses of one school publish one set, which counts once."""
    schools: dict[tuple[object, ...], list[Program]] = {}
    for p in programs:
        schools.setdefault(school_key(p), []).append(p)
    return [
        SchoolFigures(
            campuses[0].credential,
            campuses[0].credential_title,
            campuses[0].earnings,
            campuses[0].earnings_after,
            campuses[0].debt,
            len(campuses),
            len(campuses) if campuses[0].earnings is not None else 0,
        )
        for campuses in schools.values()
    ]


def middle_figures(schools: Sequence[SchoolFigures]) -> tuple[int | None, int | None]:
    """The median earnings and median debt of the schools' figures."""
    return median_low([s.earnings for s in schools]), median_low([s.debt for s in schools])


def median_low(values: Sequence[int | None]) -> int | None:
    # the lower middle figure (statistics.median_low, without importing statistics and the
    # decimal and fractions modules it loads: 2 MiB of a run)
    published = sorted(v for v in values if v is not None)
    return published[(len(published) - 1) // 2] if published else None
