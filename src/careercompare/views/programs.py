"""`careercompare programs`: the school programs that lead to a role, in a state or the
nation: what their graduates earn and owe (College Scorecard), beside the occupation's pay."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from careercompare.catalog.index import CatalogIndex
from careercompare.catalog.models import Role, SourcedText, oews_codes
from careercompare.catalog.names import closest_words
from careercompare.errors import UsageError
from careercompare.programs.choices import ENTRY_CREDENTIALS, Credential, ProgramSort
from careercompare.programs.database import (
    CREDENTIALS,
    HORIZONS,
    NO_PROGRAM,
    Field,
    Program,
    ProgramDatabase,
    SchoolFigures,
)
from careercompare.results.base import FLATTEN, NOT_IN_JSON, CitingResult, CsvValue
from careercompare.results.blocks import Block, Heading, Paragraph, Records
from careercompare.results.inline import Cite, Gap, Text, bounded, join_text
from careercompare.views.citations import Citations
from careercompare.views.common import NOT_RELEASED, RoleRef, sources_block
from careercompare.views.formatting import at_schools, money, number
from careercompare.views.program_figures import (
    SharedFields,
    at_school,
    crosswalk_codes,
    entry_credential,
    middle_figures,
    name_words,
    school_figures,
    school_key,
    scorecard_sources,
    shared_fields,
)
from careercompare.wages.areas import state_containing
from careercompare.wages.estimates import NATION_TITLE, Area, Cell, in_text

if TYPE_CHECKING:
    from careercompare.wages.database import WageDatabase

# How each --sort orders the programs, for the heading above them.
ORDERS = {
    ProgramSort.EARNINGS: "graduates' median earnings, highest first",
    ProgramSort.DEBT: "median debt, least first",
    ProgramSort.COMPLETERS: "completers, most first",
}
PROGRAM_COLUMNS = (
    "School",
    "State",
    "Control",
    "Credential",
    "Field",
    "Completers",
    "Graduates' median earnings",
    "Median debt",
)
SUMMARY_COLUMNS = ("Credential", "Programs", "With earnings", "Median earnings", "Median debt")
CREDIT = "College Scorecard (U.S. Department of Education), as compiled by Truewise, CC BY 4.0"

# What the Scorecard leaves out (it suppresses small programs' figures).
NOT_PUBLISHED = Gap("not published")
NONE_PUBLISHED = Gap("none published")
ONE_YEAR = HORIZONS["1yr_after_completion"]  # earnings of 1 year after completion
MAX_MIXED = 3  # the summary rows whose 1-year earnings are counted in words
MAX_SHARING = 5  # the schools named whose campuses share one set of figures


@dataclass(frozen=True)
class CredentialSummary:
    """The programs of one credential: how many, and the middle program's earnings and debt
    (careercompare's own: the lower middle of the published figures when they are even),
    each school's figures once (`school_figures`)."""

    credential: str
    where: str
    programs: int
    with_earnings: int
    median_earnings: int | None
    median_debt: int | None
    # How many of the earnings in the median are of 1 year after completion (the others: 4)
    earnings_one_year: int = 0


@dataclass(frozen=True)
class OccupationPay:
    """The occupation's OEWS median in the area: all its workers, a different measure."""

    occupation_code: str
    occupation_title: str
    area: str
    median: Cell
    release: str


@dataclass(frozen=True)
class AreaInState:
    """An --area that is not a state (a metro or nonmetro area), and the state whose
    programs stand for it: the Scorecard gives each school's state, not its town."""

    area: str
    area_code: str
    state: str
    # the other states a metro area's name gives ("Philadelphia-Camden-Wilmington,
    # PA-NJ-DE-MD": NJ, DE, MD); their programs are not listed
    other_states: tuple[str, ...] = ()

    def words(self) -> str:
        said = f"for {self.area}, the programs of {self.state} are listed"
        if not self.other_states:
            return said
        others = ",".join(self.other_states)
        return (
            f"for {self.area}, the programs of {self.state}, the first state its name gives, "
            f"are listed (--area {others} lists those of the "
            f"{'other' if len(self.other_states) == 1 else 'others'})"
        )


@dataclass(frozen=True, kw_only=True)
class ProgramsResult(CitingResult, view="programs", json_version=3):
    """Programs that lead to one role, with what their graduates earn and owe."""

    # 2: `credential` defaults to that of the role's typical entry education (`credential_from`)
    # 3: `summaries`' medians count each school's figures once (its campuses share one set);
    #    each of `programs` has its `school_group`; summaries have `earnings_one_year`
    role: RoleRef
    area: str
    state: str | None
    credential: str | None
    # when `credential` was chosen for the role, not asked for: its typical entry education
    credential_from: SourcedText | None = None
    states: tuple[str, ...] = ()  # when several are side by side (`state` is the first)
    # the areas asked for that are not states, each with the state that stands for it
    areas_in_states: tuple[AreaInState, ...] = ()
    # --school: only the programs of schools whose names hold these words
    school: str | None = None
    # where no school matches: the words put right that match one ('keizer': 'keiser')
    school_suggestion: str | None = None
    sort: ProgramSort
    fields: tuple[Field, ...]
    shared: SharedFields = field(metadata=FLATTEN)
    programs: tuple[Program, ...]
    total: int
    without_earnings: int
    summaries: tuple[CredentialSummary, ...]
    occupation_pay: tuple[OccupationPay, ...]
    scorecard_source: str = field(metadata=NOT_IN_JSON)
    crosswalk_source: str = field(metadata=NOT_IN_JSON)
    wage_source: str | None = field(default=None, metadata=NOT_IN_JSON)

    def blocks(self) -> tuple[Block, ...]:
        marker = self.marker(self.scorecard_source)
        title = f"Programs that lead to {self.role.name} {self._where()}"
        blocks: list[Block] = [Heading(title)]
        if self.areas_in_states:
            said = "; ".join(each.words() for each in self.areas_in_states)
            blocks.append(
                Paragraph(
                    f"The College Scorecard gives each school's state, not its town: {said}.",
                    note=True,
                )
            )
        blocks += [Paragraph(self._fields_text()), *self._credential_blocks()]
        if not self.programs:
            if self.fields:  # else the fields' sentence has said that none leads to it
                asked = self.credential if self.credential_from is None else None
                kind = f"{Credential(asked).words} " if asked else ""
                also = (
                    f"; did you mean '{self.school_suggestion}'?"
                    if self.school_suggestion
                    else ("; --credential any lists every credential's." if asked else ".")
                )
                no = f"No {kind}program of these fields {self._where()}{also} "
                blocks.append(Paragraph(no + marker))
        else:
            rows = tuple(_row(p) for p in self.programs)
            blocks += [
                Heading(f"Programs by {ORDERS[self.sort]} " + marker, 2),
                Records(PROGRAM_COLUMNS, rows),
            ]
            shown = len(self.programs)
            more = (
                f"{shown} of {self.total} programs shown (--all shows every one). "
                if (shown < self.total)
                else ""
            )
            if not self.without_earnings:
                unpublished = "Every program here publishes its earnings. "
            else:
                counted = (
                    f"None of the {self.total} programs publishes earnings"
                    if self.without_earnings == self.total
                    else f"{self.without_earnings} of {self.total} programs have no published "
                    "earnings"
                )
                unpublished = (
                    counted + " (the Scorecard suppresses small programs); none is filled in. "
                )
            blocks.append(
                Paragraph(
                    f"{more}{unpublished}Earnings are of the program's completers, 1 or 4 "
                    "years after completion as each row says.",
                    note=True,
                )
            )
            blocks += _shared_figures_blocks(self.programs)
            blocks += self._summary_blocks(marker)
        blocks += self._pay_blocks()
        blocks.append(Paragraph(f"Programs: {CREDIT}.", note=True))
        return (*blocks, *sources_block(self))

    def _credential_blocks(self) -> list[Block]:
        """Where the credential was chosen for the role, which and why."""
        chosen_by = self.credential_from
        if chosen_by is None or not self.total:  # no program at all: said once, below
            return []
        entry = self.cited(chosen_by.text, chosen_by.source)
        if self.credential is None:  # none of that credential here
            wanted = ENTRY_CREDENTIALS[chosen_by.text].words
            text = join_text(
                "",
                [
                    f"No {wanted} programs {self._where()}, the credential of the "
                    "occupation's typical entry education (",
                    entry,
                    "): every credential listed.",
                ],
            )
        else:
            text = join_text(
                "",
                [
                    f"{Credential(self.credential).words.capitalize()} programs listed, the "
                    "credential of the occupation's typical entry education (",
                    entry,
                    "). The middle figures below compare every credential; --credential any "
                    "lists the programs of every one.",
                ],
            )
        return [Paragraph(text, note=True)]

    def _where(self) -> str:
        """Where the programs were looked for: 'in Florida', 'at schools matching
        'keiser' in Florida'."""
        return f"{at_schools(self.school)} in {in_text(self.area)}".lstrip()

    def _fields_text(self) -> Text:
        if not self.fields:
            return (
                "The crosswalk maps no field of study to this occupation "
                + self.marker(self.crosswalk_source)
                + ", so no program leads to it here."
            )
        parts = []
        empty = [f.family for f in self.fields if f.title == NO_PROGRAM]
        for f in self.fields:
            if f.title == NO_PROGRAM:
                continue
            named = "; ".join(f"{code} {title.rstrip('.')}" for code, title in f.programs)
            parts.append(f"{f.family} {f.title} (the crosswalk maps {named} to this occupation)")
        if empty:  # residencies and the like: named by family, not field by field
            parts.append(
                f"{'and ' if parts else ''}{number(len(empty))} "
                f"{'family' if len(empty) == 1 else 'families'} of fields the crosswalk maps "
                f"to it but the Scorecard has no program of ({', '.join(empty)}; --json lists "
                "their fields)"
            )
        return (
            "Fields of study: "
            + "; ".join(parts)
            + " "
            + self.marker(self.crosswalk_source)
            + ". The Scorecard groups programs by these 4-digit families, and "
            + (self.shared.words() or "the crosswalk maps them to no other occupation")
            + ": the figures below are of all their programs."
        )

    def _summary_blocks(self, marker: Cite) -> list[Block]:
        rows = tuple(
            (
                f"{s.credential} ({s.where})",
                number(s.programs),
                number(s.with_earnings),
                money(s.median_earnings) if s.median_earnings is not None else NONE_PUBLISHED,
                money(s.median_debt) if s.median_debt is not None else NONE_PUBLISHED,
            )
            for s in self.summaries
        )
        return [
            Heading("The middle program, by credential " + marker, 2),
            Records(SUMMARY_COLUMNS, rows),
            Paragraph(
                "The median of the programs' published figures, careercompare's own (the lower "
                "middle figure when their number is even), each school's once: the campuses of "
                "one school (one OPEID) publish one set of earnings and debt."
                + _horizons(self.summaries),
                note=True,
            ),
        ]

    def _pay_blocks(self) -> list[Block]:
        lines: list[Text] = []
        for pay in self.occupation_pay:
            cell = pay.median
            shown = (
                NOT_RELEASED
                if cell.value is None
                else bounded(money(cell.value) + " a year", cell.at_least)
            )
            line = (
                f"{pay.occupation_title} ({pay.occupation_code}) in {in_text(pay.area)}: " + shown
            )
            line += f" ({pay.release})"
            if self.wage_source:
                line += " " + self.marker(self.wage_source)
            lines.append(line)
        if not lines:
            return []
        return [
            Paragraph(
                "A different measure: the median pay of everyone in the occupation (BLS OEWS), "
                "not of a program's recent graduates: " + join_text("; ", lines) + "."
            )
        ]

    def records(self) -> list[dict[str, CsvValue]]:
        number_ = self.number(self.scorecard_source)
        return [
            {
                "role_id": self.role.id,
                "unitid": p.unitid,
                "school_group": p.school_group,
                "school": p.school,
                "state": p.state,
                "control": p.control,
                "credential": p.credential_title,
                "field": p.family,
                "field_title": p.family_title,
                "completers": p.completers,
                "earnings": p.earnings,
                "earnings_after": p.earnings_after or "",
                "debt_median": p.debt,
                "source": self.scorecard_source,
                "source_number": number_,
            }
            for p in self.programs
        ]


def _horizons(summaries: Sequence[CredentialSummary]) -> str:
    """What the median earnings mix, where some of them are of 1 year after completion."""
    mixed = [s for s in summaries if s.earnings_one_year]
    if not mixed:
        return ""
    counts = ", ".join(
        f"{number(s.earnings_one_year)} of {s.credential} ({s.where})" for s in mixed[:MAX_MIXED]
    )
    more = f" and those of {len(mixed) - MAX_MIXED} more rows" if len(mixed) > MAX_MIXED else ""
    return (
        " Each program's earnings are taken as published, 4 years after completion for most "
        f"and 1 year after for some, which a median mixes: {counts}{more} are of 1 year after."
    )


def _shared_figures_blocks(programs: Sequence[Program]) -> list[Block]:
    """A note naming the campuses listed whose figures are one school's, as the Scorecard
    publishes them: one set of earnings and debt for every campus of one OPEID."""
    groups: dict[tuple[object, ...], list[str]] = {}
    for p in programs:
        groups.setdefault(school_key(p), []).append(p.school)
    # each school once, however many of its fields and credentials are listed
    sharing = list(dict.fromkeys(_campuses(names) for names in groups.values() if len(names) > 1))
    if not sharing:
        return []
    named = "; ".join(sharing[:MAX_SHARING])
    more = f"; and {len(sharing) - MAX_SHARING} more schools" if len(sharing) > MAX_SHARING else ""
    return [
        Paragraph(
            "The campuses of one school (one OPEID) publish one set of earnings and debt, the "
            f"school's: {named}{more}. The middle figures count each school's once.",
            note=True,
        )
    ]


def _campuses(names: list[str]) -> str:
    """ "A, B and C"; "A (2 campuses)" where the Scorecard names them alike."""
    unique = list(dict.fromkeys(names))
    if len(unique) == 1:
        return f"{unique[0]} ({len(names)} campuses)"
    return f"{', '.join(unique[:-1])} and {unique[-1]}"


def _row(program: Program) -> tuple[Text, ...]:
    earnings: Text = NOT_PUBLISHED
    if program.earnings is not None:
        earnings = (
            f"{money(program.earnings)} ({program.earnings_after or 'horizon not given'} after)"
        )
    return (
        program.school,
        program.state,
        program.control,
        program.credential_title,
        program.family,
        number(program.completers) if program.completers is not None else NOT_PUBLISHED,
        earnings,
        money(program.debt) if program.debt is not None else NOT_PUBLISHED,
    )


def _sort_key(sort: ProgramSort) -> Callable[[Program], tuple[bool, int, str]]:
    def key(program: Program) -> tuple[bool, int, str]:
        value = {
            ProgramSort.EARNINGS: program.earnings,
            ProgramSort.DEBT: program.debt,
            ProgramSort.COMPLETERS: program.completers,
        }[sort]
        shown = value or 0
        return (value is None, shown if sort.least_first else -shown, program.school)

    return key


def _school_suggestion(wanted: list[str], programs: list[Program]) -> str | None:
    """The words put right, each to the closest word of the schools' names, where that
    matches a school ('keizer': 'keiser'); None where nothing does."""
    words = sorted({word for p in programs for word in name_words(p.school)})
    fixed = closest_words(wanted, words, cutoff=0.7)
    if fixed == wanted or not any(at_school(p, fixed) for p in programs):
        return None
    return " ".join(fixed)


def _other_states(area: Area, state: Area) -> tuple[str, ...]:
    """The postal codes after the comma of a metro area's name, but its state's."""
    _, _, postal = area.title.rpartition(",")
    return tuple(code for code in postal.strip().split("-") if code and code != state.state)


def _summaries(
    places: Sequence[tuple[str, Sequence[Program]]], national: Sequence[SchoolFigures] | None
) -> tuple[CredentialSummary, ...]:
    """The middle program of each credential in each place, then in the nation: each
    school's figures once, its campuses all counted among the programs."""
    schools = [(where, school_figures(programs)) for where, programs in places]
    if national is not None:
        schools.append((NATION_TITLE, list(national)))
    found = []
    for level in sorted({s.credential for _, local in schools[: len(places)] for s in local}):
        for place, all_of in schools:
            group = [s for s in all_of if s.credential == level]
            if not group:
                continue
            found.append(
                CredentialSummary(
                    group[0].credential_title,
                    place,
                    sum(s.campuses for s in group),
                    sum(s.campuses_with_earnings for s in group),
                    *middle_figures(group),
                    earnings_one_year=sum(
                        1 for s in group if s.earnings is not None and s.earnings_after == ONE_YEAR
                    ),
                )
            )
    return tuple(found)


def build_programs(
    index: CatalogIndex,
    db: ProgramDatabase,
    role: Role,
    *,
    areas: Sequence[Area] = (),
    wages: WageDatabase | None = None,
    credential: Credential | None,
    sort: ProgramSort,
    top: int | None,
    school: Sequence[str] = (),
) -> ProgramsResult:
    """The programs of the fields the crosswalk maps to the role's occupations, in the
    state of each of `areas` (a metro or nonmetro area: its principal state, said so,
    beside its own pay), several side by side, or in the nation; of one credential, or
    of every one (`Credential.ANY`), or without `credential` of the one the role's
    typical entry education (BLS) names, where it names one and it has programs here;
    with `school`, only the programs of schools each of whose words starts a word of
    their name. The middle figures compare every school of the place."""
    every_area = wages.areas if wages is not None else areas
    in_states = [(area, state_containing(area, every_area)) for area in areas]
    chosen = list(dict.fromkeys(state for _, state in in_states if state is not None))
    widened = [(area, state) for area, state in in_states if state is not None and state != area]
    codes = oews_codes(role)
    if not codes:
        raise UsageError(
            f"'{role.name}' has no BLS occupation code, so no program maps to it; "
            "name an occupation (careercompare roles --all)"
        )
    citations = Citations(index)
    scorecard, crosswalk = scorecard_sources(db)
    citations.cite_source(scorecard)
    citations.cite_source(crosswalk)
    detailed = crosswalk_codes(index, role, db)
    fields = db.fields_for(detailed)
    families = [f.family for f in fields]
    credential_from = None
    if credential is None:
        credential, education = entry_credential(index, role)
        credential_from = education if credential is not None else None
    level = CREDENTIALS.get(credential) if credential else None
    # a credential chosen for the role lists its programs, and the middle figures still
    # compare every credential (the other ways in): all are read once, then narrowed
    read_level = None if credential_from is not None else level
    summarised: list[tuple[Area | None, list[Program]]] = [
        (place, db.programs(families, state=place.state, credential=read_level)) for place in chosen
    ] or [(None, db.programs(families, state=None, credential=read_level))]
    wanted = name_words(" ".join(school))
    listed = [(place, [p for p in ps if at_school(p, wanted)]) for place, ps in summarised]
    by_place = listed
    if credential_from is not None:
        narrowed = [(place, [p for p in ps if p.credential == level]) for place, ps in listed]
        if any(programs for _, programs in narrowed):
            by_place = narrowed
        else:
            credential, level = None, None  # none of it here: every credential, and say so
        citations.cite(credential_from.source)
    found = [program for _, programs in by_place for program in programs]
    places = [(place.title if place else NATION_TITLE, programs) for place, programs in summarised]
    national = db.figures(families, credential=read_level) if chosen else None
    ordered = sorted(found, key=_sort_key(sort))
    shown = ordered if top is None else ordered[:top]
    where = " and ".join(place.title for place in chosen) if chosen else NATION_TITLE
    pay: list[OccupationPay] = []
    wage_source = None
    nation = wages.nation if wages is not None else None
    paid_areas = [area for area, _ in widened] + chosen  # a metro area's own pay first
    for area in paid_areas or ([nation] if nation is not None else []):
        if wages is not None:
            wage_source = citations.cite_source(
                index.sources_by_id.get(wages.source_id) or wages.source()
            )
            for code in codes:
                estimate = wages.estimate(code, area)
                if estimate is not None:
                    pay.append(
                        OccupationPay(
                            code,
                            estimate.occupation_title,
                            area.title,
                            estimate.wage("median"),
                            wages.release_of_area(area),
                        )
                    )
    return ProgramsResult(
        role=RoleRef.of(role),
        area=where,
        state=chosen[0].state if chosen else None,
        states=tuple(place.state for place in chosen) if len(chosen) > 1 else (),
        school=" ".join(wanted) or None,
        school_suggestion=(
            _school_suggestion(wanted, [p for _, ps in summarised for p in ps])
            if wanted and not found
            else None
        ),
        areas_in_states=tuple(
            AreaInState(area.title, area.code, state.title, _other_states(area, state))
            for area, state in widened
        ),
        credential=credential.value if credential and credential is not Credential.ANY else None,
        credential_from=credential_from,
        sort=sort,
        fields=tuple(fields),
        shared=shared_fields(db, index, families, detailed),
        programs=tuple(shown),
        total=len(found),
        without_earnings=sum(1 for p in found if p.earnings is None),
        summaries=_summaries(places, national),
        occupation_pay=tuple(pay),
        scorecard_source=scorecard.id,
        crosswalk_source=crosswalk.id,
        wage_source=wage_source,
        sources=citations.cited(),
    )
