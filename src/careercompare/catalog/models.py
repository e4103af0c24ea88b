"""The models of the role catalog: everything data/roles.json may hold.

Each derives from `Model`, which makes it a frozen dataclass of fields given by name
(`__init_subclass__`; `dataclass_transform` tells type checkers so). Pydantic makes
their validator (`catalog.validation`; a catalog file is validated with the same one,
kept as a file: `catalog.validator_schema`), reading the rules of each field from its
`Spec` and then each model's `check` for what no single field can say (a range's ends
in order); the catalog's `check` (ids, references: `checks.catalog_problems`) runs once
every field is read. A catalog read back from the
cache needs no Pydantic at all, and models made from the official tables, which their
importers checked, are made directly.
"""

from collections.abc import Iterable
from dataclasses import Field, dataclass, field
from typing import Annotated, Any, ClassVar, Literal, dataclass_transform

from careercompare.catalog.checks import catalog_problems


class Spec:
    """The rules of a field's values and its description, as the arguments of Pydantic's
    `Field`: `catalog.validation` gives them to Pydantic when a catalog is validated or
    its schema written, and nothing else reads them."""

    __slots__ = ("arguments",)

    def __init__(self, **arguments: Any) -> None:
        self.arguments = arguments

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        # Reached only when Pydantic reads a model `catalog.validation` did not prepare,
        # which would otherwise drop this field's rules without a word.
        raise TypeError("validate catalog models with careercompare.catalog.validation")


Slug = Annotated[
    str,
    Spec(
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        max_length=200,
        description="Lower-case identifier: letters, digits and single hyphens.",
    ),
]
# Lengths are bounded so that no catalog the schema accepts takes long to draw.
Text = Annotated[str, Spec(min_length=1, max_length=4000)]
Name = Annotated[str, Spec(min_length=1, max_length=200)]
SocCode = Annotated[str, Spec(pattern=r"^\d{2}-\d{4}$", description="SOC code, e.g. 31-9092.")]
# Numbers and flags are strict, as the schema says: "50000" or "true" in quotes is refused.
Year = Annotated[int, Spec(ge=1900, le=2100, strict=True)]
HOURS_A_YEAR = 2080  # the hours BLS takes a year of full-time work to have
Money = Annotated[float, Spec(ge=0, le=100_000_000, allow_inf_nan=False, strict=True)]
Percent = Annotated[float, Spec(ge=-100, le=1000, allow_inf_nan=False, strict=True)]
Count = Annotated[int, Spec(ge=0, le=1_000_000_000, strict=True)]
SignedCount = Annotated[int, Spec(ge=-1_000_000_000, le=1_000_000_000, strict=True)]
Flag = Annotated[bool, Spec(strict=True)]
Date = Annotated[
    str,
    Spec(
        pattern=r"^(19|20)\d{2}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$",
        description="ISO date: YYYY, YYYY-MM or YYYY-MM-DD.",
    ),
]
# An address as a link can carry it: no spaces, quotes, angle brackets, backslashes or
# control characters (which could end an HTML attribute or a terminal link early).
URL_PATTERN = r"^https?://[^\s\"'<>\\^`{|}\x00-\x1f\x7f]+$"
Url = Annotated[str, Spec(pattern=URL_PATTERN, max_length=2000)]
SourceRef = Annotated[Slug, Spec(description="The id of an entry in `sources`.")]
OccupationOfFigure = Annotated[
    SocCode | None,
    Spec(
        description="The detailed occupation the figure is for, when the role stands for several."
    ),
]


@dataclass_transform(kw_only_default=True, frozen_default=True)
class Model:
    """Base of every catalog model, each a dataclass whose fields are given by name and
    frozen; unknown keys are errors."""

    __pydantic_config__: ClassVar[dict[str, object]] = {"extra": "forbid"}
    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]  # each subclass's, as dataclasses

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclass(frozen=True, kw_only=True)(cls)  # in place: the class keeps its identity

    def check(self) -> None:
        """Raise ValueError where the fields, each valid, do not go together."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(checked, handler(source))


def checked(value: Model) -> Model:
    """Run the model's `check` once its fields are read: the function Pydantic calls
    after validating any model (one function for all, so that
    `catalog.validator_schema` can name it)."""
    value.check()
    return value


class SharedValue(Model):
    """A value that many roles hold alike: `catalog.cache.share_equal_values` makes equal
    ones one object before a catalog is kept in the cache."""


class Source(Model):
    """Where facts come from: a publication, a page, or a figure quoted by another."""

    id: Slug
    title: Text
    publisher: Text
    date: Date | None = None
    date_meaning: Literal["published", "last modified", "as of"] | None = None
    url: Url | None = None
    reported_by: Annotated[
        SourceRef | None,
        Spec(
            description="Id of the source that quotes this one, when it is only known secondhand."
        ),
    ] = None
    note: Text | None = None

    def check(self) -> None:
        if (self.date is None) != (self.date_meaning is None):
            raise ValueError("date and date_meaning go together: give both or neither")


class SourcedText(SharedValue):
    """A sentence or phrase together with the source it comes from."""

    text: Text
    source: SourceRef


class GrowthDriver(SourcedText):
    """A reason the source gives for the occupation's growth; `period`, the projection
    period it gave the reason for, where that is older than the projections shown."""

    period: Annotated[
        Annotated[str, Spec(pattern=r"^\d{4}-\d{4}$")] | None,
        Spec(
            description="The projection period the source gave this reason for, e.g. 2016-2026, "
            "when it is not the period of the projections careercompare shows.",
        ),
    ] = None


class ComparisonCell(SharedValue):
    """One role's cell of a text comparison row, with the source it comes from.

    `value` sorts the cell into one of the row's answers (e.g. "yes" for a patient-care
    cell saying the role gives hands-on care): the questionnaire's rules score roles by it.
    """

    text: Text
    value: Annotated[
        Slug | None,
        Spec(
            description="The answer this cell gives, as a short word the questionnaire's rules "
            "match, e.g. 'yes' or 'clinical'."
        ),
    ] = None
    source: SourceRef


class Duty(SharedValue):
    """Something the role does at work."""

    area: Literal["clinical", "administrative"]
    text: Text
    source: SourceRef


class WorkSetting(SharedValue):
    """A place the role works, with its share of jobs where a source gives one."""

    text: Text
    share_percent: Percent | None = None
    source: SourceRef


class EducationPoint(SharedValue):
    """One fact about how to get into the role."""

    topic: Literal[
        "minimum",
        "program",
        "externship",
        "on-the-job",
        "certification",
        "licensing",
        "advancement",
        "florida",
    ]
    text: Text
    source: SourceRef


class ProgramLength(SharedValue):
    """How long a training program takes, as a range."""

    low: Annotated[float, Spec(gt=0, le=600, strict=True)]
    high: Annotated[float, Spec(gt=0, le=600, strict=True)]
    unit: Literal["weeks", "months", "years"]
    scope: Text
    source: SourceRef

    def check(self) -> None:
        if self.low > self.high:
            raise ValueError(f"low {_num(self.low)} is above high {_num(self.high)}")


class Certification(SharedValue):
    """A credential people in the role can earn."""

    code: Text
    name: Annotated[
        Text | None,
        Spec(description="The full name, where a source gives it; else the code stands."),
    ] = None
    issuer: Text | None = None
    status: Literal["required", "preferred", "optional"]
    status_note: Text | None = None
    eligibility: Text | None = None
    url: Url | None = None
    source: SourceRef


# The column of the BLS projections' Table 1.2 each kind of entry requirement is read
# from, as the table names it.
REQUIREMENT_COLUMNS = {
    "entry-education": "typical education needed for entry",
    "work-experience": "work experience in a related occupation",
    "on-the-job-training": "typical on-the-job training",
}


class Requirement(SharedValue):
    """BLS's typical entry requirements: education, experience, training."""

    kind: Literal["entry-education", "work-experience", "on-the-job-training"]
    text: Text
    scope: Annotated[
        Text | None, Spec(description="Set when the figure covers a wider group than the role.")
    ] = None
    source: SourceRef


# The projections' word where an occupation asks no such experience or training.
NO_REQUIREMENT = "None"


def further_requirements(requirements: Iterable[Requirement]) -> list[Requirement]:
    """The work experience and on-the-job training among a role's requirements (the first
    of each), in that order, where the projections do not say "None"."""
    found: dict[str, Requirement] = {}
    for requirement in requirements:
        found.setdefault(requirement.kind, requirement)
    further = (found.get("work-experience"), found.get("on-the-job-training"))
    return [r for r in further if r is not None and r.text != NO_REQUIREMENT]


def requirement_words(requirement: Requirement) -> str:
    """A requirement in the table's words, after its column's name unless it names itself:
    "work experience in a related occupation: Less than 5 years", "Long-term on-the-job
    training", "typical on-the-job training: Internship/residency"."""
    if "on-the-job training" in requirement.text.lower():
        return requirement.text
    return f"{REQUIREMENT_COLUMNS[requirement.kind]}: {requirement.text}"


class SalaryFigure(Model):
    """One published pay figure: a single amount or a low-high range."""

    id: Slug
    kind: Literal["average", "median", "percentile-10", "percentile-90"]
    amount: Money | None = None
    low: Money | None = None
    high: Money | None = None
    bound: Annotated[
        Literal["exact", "at-least"],
        Spec(description="'at-least' where the source publishes only a lower bound."),
    ] = "exact"
    approximate: Flag = False
    currency: Literal["USD"] = "USD"
    per: Literal["year", "hour"] = "year"
    hourly: Annotated[Money | None, Spec(description="The hourly figure the source publishes.")] = (
        None
    )
    as_of: Annotated[Text | None, Spec(description="The pay period, e.g. 'May 2024'.")] = None
    scope: Annotated[
        Text | None, Spec(description="Set when the figure covers a subgroup or a wider group.")
    ] = None
    occupation: OccupationOfFigure = None
    source: SourceRef

    def check(self) -> None:
        has_range = self.low is not None or self.high is not None
        if self.amount is not None and has_range:
            raise ValueError("give either amount or low and high, not both")
        if self.amount is None and (self.low is None or self.high is None):
            raise ValueError("give an amount, or both low and high")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low {_num(self.low)} is above high {_num(self.high)}")
        if self.hourly is not None and self.per != "year":
            raise ValueError("hourly is the published hourly value of a yearly figure")
        if self.hourly is not None and self.amount is not None and not self.approximate:
            # BLS's annual figure is its hourly one times 2,080 hours, rounded
            year = self.hourly * HOURS_A_YEAR
            if abs(year - self.amount) > self.amount * 0.02 + 20:
                raise ValueError(
                    f"hourly {_num(self.hourly)} x {HOURS_A_YEAR:,} hours is {_num(year)}, "
                    f"far from the yearly amount {_num(self.amount)}"
                )


class OutlookFigure(Model):
    """One employment projection, with its period exactly as the source states it."""

    id: Slug
    percent: Percent
    decimals: Annotated[
        Annotated[int, Spec(ge=0, le=3, strict=True)] | None,
        Spec(
            description="The decimal places the source prints the percent with, where it prints "
            "a whole number with them (BLS's projections print 7 as 7.0); without it, the percent "
            "is shown as written."
        ),
    ] = None
    approximate: Flag = False
    period: Annotated[
        Text | None, Spec(description="As the source states it: '2024-2034', 'through 2032'.")
    ] = None
    start_year: Year | None = None
    end_year: Year | None = None
    jobs_start: Count | None = None
    jobs_end: Count | None = None
    change: SignedCount | None = None
    openings_per_year: Count | None = None
    descriptor: Text | None = None
    scope: Text | None = None
    occupation: OccupationOfFigure = None
    reports: Annotated[
        Slug | None,
        Spec(
            description="The id of the role's projection this figure reports secondhand, "
            "rounded or dated its own way: shown with it, not as a projection of its own."
        ),
    ] = None
    source: SourceRef

    def check(self) -> None:
        if (
            self.start_year is not None
            and self.end_year is not None
            and self.start_year >= self.end_year
        ):
            raise ValueError(f"start_year {self.start_year} is not before end_year {self.end_year}")
        start, end = self.jobs_start, self.jobs_end
        if start is not None and end is not None:
            # figures published in thousands, to one decimal: each off by 50 at most
            if self.change is not None and abs(end - start - self.change) > 100:
                raise ValueError(
                    f"change {self.change:+,} is not jobs_end {end:,} minus jobs_start {start:,}"
                )
            if start > 0:
                growth = 100 * (end - start) / start
                if abs(self.percent - growth) > 1 + 10_000 / start:
                    raise ValueError(
                        f"percent {self.percent} is not the change from {start:,} to "
                        f"{end:,} jobs ({growth:+.1f}%)"
                    )


class CareerPath(SharedValue):
    """A next step the role leads to, in the source's words."""

    label: Text
    role: Annotated[
        Slug | None,
        Spec(
            description="The role this step is: a role of this catalog, or with outside_catalog "
            "an occupation of the official tables, by the id 'careercompare roles --all' gives it."
        ),
    ] = None
    outside_catalog: Annotated[
        Flag,
        Spec(
            description="True when the step has no role in this catalog (an occupation of the "
            "official tables, when `role` names one)."
        ),
    ] = False
    note: Text | None = None
    note_source: Annotated[
        SourceRef | None, Spec(description="Where the note comes from, when not from `source`.")
    ] = None
    source: SourceRef


class OewsCodes(SharedValue):
    """The OEWS occupations that stand for a role whose own SOC code is none of them."""

    codes: Annotated[tuple[SocCode, ...], Spec(min_length=1, max_length=20)]
    source: SourceRef


class BlsOccupation(SharedValue):
    """The closest BLS occupation to the role."""

    soc_code: SocCode | None = None
    oews: Annotated[
        OewsCodes | None,
        Spec(
            description="Where local wages are published under other codes: several detailed "
            "occupations, or a broad group. Without it, the OEWS row of soc_code is used."
        ),
    ] = None
    title: Text
    match: Literal["exact", "closest"]
    note: SourcedText | None = None
    source: SourceRef


class Role(Model):
    """One occupation with everything the catalog knows about it."""

    id: Slug
    name: Name
    short_name: Annotated[
        Name | None,
        Spec(description="A shorter name for table headers; `name` is shown elsewhere."),
    ] = None
    aliases: tuple[Name, ...] = ()
    summary: SourcedText | None = None
    tasks: Annotated[
        tuple[SourcedText, ...],
        Spec(description="What the work involves, as a table of tasks states it."),
    ] = ()
    preparation: Annotated[
        SourcedText | None,
        Spec(description="How much preparation the work needs (O*NET's job zone)."),
    ] = None
    comparison: Annotated[
        dict[Slug, ComparisonCell],
        Spec(description="Quick-comparison text, keyed by comparison category id."),
    ] = field(default_factory=dict)
    duties: tuple[Duty, ...] = ()
    skills: tuple[SourcedText, ...] = ()
    work_settings: tuple[WorkSetting, ...] = ()
    education: tuple[EducationPoint, ...] = ()
    program_length: ProgramLength | None = None
    certifications: tuple[Certification, ...] = ()
    requirements: tuple[Requirement, ...] = ()
    salary: tuple[SalaryFigure, ...] = ()
    salary_notes: tuple[SourcedText, ...] = ()
    outlook: tuple[OutlookFigure, ...] = ()
    growth_drivers: tuple[GrowthDriver, ...] = ()
    career_paths: tuple[CareerPath, ...] = ()
    choose_if: tuple[SourcedText, ...] = ()
    bls_occupation: BlsOccupation | None = None


class ComparisonCategory(SharedValue):
    """A row of the comparison table; `kind` says where its cells come from."""

    id: Slug
    label: Text
    kind: Literal["text", "median-pay", "entry-education", "outlook"]


class FigureRef(SharedValue):
    """A pointer from an answer to a figure that supports or qualifies it."""

    role: Slug
    figure: Slug
    relation: Literal["supports", "qualifies"]


class FaqEntry(Model):
    """A usual question and its answer."""

    id: Slug
    question: Text
    answer: Text
    source: SourceRef
    figures: tuple[FigureRef, ...] = ()
    notes: tuple[SourcedText, ...] = ()


class ScoreRule(SharedValue):
    """Points for every role whose cell in a comparison row gives one of some values."""

    category: Annotated[Slug, Spec(description="A comparison category of kind 'text'.")]
    values: Annotated[
        Annotated[tuple[Slug, ...], Spec(min_length=1, max_length=20)],
        Spec(description="The cell values that earn the points."),
    ]
    points: Annotated[int, Spec(ge=-10, le=10, strict=True)]


class AnswerOption(Model):
    """One answer to a match question and the rules by which it scores the roles.

    `weights` (points per role id, with the `reason` and `source` they rest on) is the
    older form, still read so that catalogs written for it keep working.
    """

    value: Slug
    label: Text
    rules: Annotated[
        Annotated[tuple[ScoreRule, ...], Spec(max_length=20)],
        Spec(description="Each rule gives its points to every role whose cell matches it."),
    ] = ()
    weights: Annotated[
        dict[Slug, Annotated[int, Spec(ge=-10, le=10, strict=True)]],
        Spec(description="Older form: points per role id, resting on `reason` and `source`."),
    ] = field(default_factory=dict)
    reason: Annotated[Text | None, Spec(description="With `weights`: why they point there.")] = None
    source: Annotated[SourceRef | None, Spec(description="With `weights`: the source.")] = None

    def check(self) -> None:
        if not self.rules and not self.weights:
            raise ValueError("give rules (or, in the older form, weights)")
        if self.weights and (self.reason is None or self.source is None):
            raise ValueError("weights need the reason and source they rest on")


class Question(Model):
    """A question of the match questionnaire."""

    key: Slug
    text: Text
    options: Annotated[tuple[AnswerOption, ...], Spec(min_length=2)]
    default: Slug | None = None


class Catalog(Model):
    """The whole catalog: sources, roles, comparison rows, FAQ and questions."""

    schema_: str | None = None
    default_roles: Annotated[tuple[Slug, ...], Spec(min_length=1)]
    comparison_categories: tuple[ComparisonCategory, ...]
    sources: tuple[Source, ...]
    roles: Annotated[tuple[Role, ...], Spec(min_length=1)]
    faq: tuple[FaqEntry, ...] = ()
    questions: tuple[Question, ...] = ()

    # `schema_` is the catalog's "$schema" key
    __pydantic_config__: ClassVar[dict[str, object]] = {
        "extra": "forbid",
        "alias_generator": lambda name: "$schema" if name == "schema_" else name,
    }

    def check(self) -> None:
        # Checked once every field is read, so no check depends on the order of fields.
        problems = catalog_problems(self)
        if problems:
            raise ValueError("\n".join(problems))


def _num(value: float) -> str:
    return f"{value:,.0f}".replace(",", "") if value == int(value) else f"{value:g}"


def oews_codes(role: Role) -> tuple[str, ...]:
    """The OEWS occupation codes a role's local wages are published under."""
    occupation = role.bls_occupation
    if occupation is None:
        return ()
    if occupation.oews is not None:
        return occupation.oews.codes
    return (occupation.soc_code,) if occupation.soc_code else ()
