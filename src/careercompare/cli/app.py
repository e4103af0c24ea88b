"""The command line: each command parses its arguments and hands them to a view.

View commands, registered with `view`, return the view's result; `view_command` adds
the output options and writes it. Heavy modules (the models, Rich) are imported inside
the commands, so that --help and --version stay quick. Annotations are not postponed:
Typer would evaluate each of them from its text at every run.
"""

import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from careercompare import __version__
from careercompare.catalog.names import bounded
from careercompare.cli.options import (
    AreaOption,
    DatabaseOutput,
    ReplaceOption,
    RoleArgument,
    RolesArgument,
    Settings,
    area_names,
    catalog_index,
    choice_option,
    local_area,
    reported_command,
    role_argument,
    settings,
    view_command,
    wage_database,
)
from careercompare.errors import UsageError
from careercompare.programs.choices import Credential, ProgramSort
from careercompare.wages.choices import AreaKind, WageSort

if TYPE_CHECKING:
    from careercompare.results.base import ViewResult

app = typer.Typer(
    name="careercompare",
    help=(
        "Compare healthcare careers side by side: duties, training, pay, outlook and "
        "where each role leads. Every figure names its source.\n\n"
        "\b\nExamples:\n"
        "  careercompare table\n"
        "  careercompare salary ma moa --hourly\n"
        "  careercompare faq pay\n"
        "  careercompare --data my-roles.json roles\n"
        "  careercompare glossary LQ\n\n"
        "Words such as median, OEWS, location quotient or job zone: careercompare glossary.\n\n"
        "Exit codes: 0 success, 1 data or file problem, 2 usage problem, 70 internal error, "
        "130 interrupted, 141 output closed early.\n\n"
        "A catalog is validated once and kept in the user cache folder for the next run "
        "(CAREERCOMPARE_CACHE_DIR moves it, CAREERCOMPARE_NO_CACHE=1 turns it off)."
    ),
    # Help as wide as the terminal, however narrow or wide (Click would stop at 50 and 80).
    context_settings={
        "help_option_names": ["-h", "--help"],
        "terminal_width": max(20, shutil.get_terminal_size().columns - 2),
        "max_content_width": 200,
    },
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    invoke_without_command=True,
)


def view(
    name: str | None = None, *, search: bool = False
) -> Callable[[Callable[..., "ViewResult"]], Any]:
    """Register a command that returns a view's result (`options.view_command`)."""

    def register(build: Callable[..., "ViewResult"]) -> Any:
        return app.command(name)(view_command(build, search=search))

    return register


def builder(name: str) -> Callable[[Callable[..., str]], Any]:
    """Register a command that builds a file and returns the line that says what it wrote
    (`options.reported_command`)."""

    def register(build: Callable[..., str]) -> Any:
        return app.command(name)(reported_command(build))

    return register


def _version(value: bool) -> None:
    if value:
        typer.echo(f"careercompare {__version__}")
        raise typer.Exit()


# The global options that take a value, which a command's name comes after
# (`careercompare --data roles.json table`); a test holds this to the options below.
VALUE_OPTIONS = frozenset({"--data"})


# --in of `wages` and `areas`
InStateOption = Annotated[
    str | None, typer.Option("--in", metavar="STATE", help="Only areas in this state.")
]


def _each_role_option(flag: str, metavar: str, what: str) -> Any:
    """An option of `payback` that gives one figure for every role, or one role's."""
    return typer.Option(
        flag,
        metavar=metavar,
        help=f"{what}: one figure for every role, or ROLE={metavar} for one role (repeat it).",
    )


def _published_option(flag: str, what: str) -> Any:
    """The date BLS published what an import command reads."""
    return typer.Option(flag, metavar="YYYY-MM-DD", help=f"The date BLS published the {what}.")


def _top_coded_option(per: str) -> Any:
    """--top-annual and --top-hourly of `import-oews`: where BLS's '#' begins."""
    return typer.Option(
        f"--top-{per}",
        metavar="DOLLARS",
        help=f"The {per} wage BLS writes '#' at or above (default: as in the wages in use).",
    )


@app.callback()
def main_options(
    ctx: typer.Context,
    data: Annotated[
        str | None,
        typer.Option(
            "--data",
            metavar="PATH",
            help="Catalog file to use instead of the bundled one (also: CAREERCOMPARE_DATA).",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Print the version."
        ),
    ] = False,
) -> None:
    """Global options."""
    ctx.obj = Settings(data=data, terminal=settings(ctx).terminal)
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())


@view()
def table(
    ctx: typer.Context,
    roles: RolesArgument = None,
    area: AreaOption = None,
    wide: Annotated[
        bool,
        typer.Option(
            "--wide",
            help="CSV laid out as the table is: one row per category, and for each role "
            "its value, period, source and address (default: one row per role and "
            "category). The other formats are side by side already.",
        ),
    ] = False,
) -> "ViewResult":
    """Compare roles side by side, one row per comparison category.

    \b
    Examples:
      careercompare table
      careercompare table ma rn
      careercompare table ma moa --area "south florida nonmetropolitan"
      careercompare table ma moa --area FL,GA
      careercompare table "medical assistant" moa --format markdown
      careercompare table ma phlebotomist cna "pharmacy tech"
      careercompare table ma moa rn lpn cna --format csv --wide -o roles.csv
    """
    from dataclasses import replace as with_changes

    from careercompare.views.table import build_table

    index = catalog_index(ctx)
    roles_ = index.resolve_roles(roles or [])
    local = local_area(ctx, area_names(ctx, area), national=False)
    result = build_table(index, roles_, local=local)
    return with_changes(result, wide=wide)


@view()
def salary(
    ctx: typer.Context,
    roles: RolesArgument = None,
    hourly: Annotated[
        bool,
        typer.Option(
            "--hourly", help="Show the hourly figures the sources publish (none is derived)."
        ),
    ] = False,
    area: AreaOption = None,
) -> "ViewResult":
    """Every salary figure with its kind, period and source, on one chart.

    The BLS OEWS wages (in --area and the U.S.) come first, then the handbook's and
    the others' figures.

    \b
    Examples:
      careercompare salary
      careercompare salary ma moa --area FL
      careercompare salary ma --hourly --area tampa
      careercompare salary ma moa --format csv
    """
    from careercompare.views.salary import build_salary

    index = catalog_index(ctx)
    roles_ = index.resolve_roles(roles or [])
    local = local_area(ctx, area_names(ctx, area), national=True)
    return build_salary(index, roles_, hourly=hourly, local=local)


@view()
def outlook(
    ctx: typer.Context, roles: RolesArgument = None, area: AreaOption = None
) -> "ViewResult":
    """Employment projections, newest first, with what drives growth.

    With --area, the state's own long-term projections beside them (another period,
    labelled).

    \b
    Examples:
      careercompare outlook
      careercompare outlook ma rn lpn --json
      careercompare outlook ma moa --area FL
      careercompare outlook ma --area FL,GA
    """
    from careercompare.views.outlook import build_outlook

    index = catalog_index(ctx)
    states: list[tuple[str, str]] = []
    names = area_names(ctx, area)
    if names:
        from careercompare.wages.areas import state_of

        areas = wage_database(ctx).areas
        found = (state_of(name, areas) for name in names)  # None: the nation
        states = list(dict.fromkeys(state for state in found if state is not None))
    return build_outlook(index, index.resolve_roles(roles or []), states=states)


@view()
def faq(
    ctx: typer.Context,
    words: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[WORD]...", help="Show only entries containing every word.", show_default=False
        ),
    ] = None,
) -> "ViewResult":
    """Frequently asked questions and their answers, numbered.

    \b
    Examples:
      careercompare faq
      careercompare faq pays more
      careercompare faq growth --format markdown
    """
    from careercompare.views.faq import build_faq

    return build_faq(catalog_index(ctx), words or [])


@view()
def show(ctx: typer.Context, role: RoleArgument, area: AreaOption = None) -> "ViewResult":
    """One role's whole profile: duties, training, pay, outlook, where it leads.

    \b
    Examples:
      careercompare show ma
      careercompare show lpn --area texas
      careercompare show "medical office assistant" --format markdown
    """
    from careercompare.views.show import build_show

    index = catalog_index(ctx)
    names = area_names(ctx, area)
    local = local_area(ctx, names, national=False)
    chosen = index.resolve_role(role)
    near = []
    if names and local is not None:  # the programs of each state asked for
        from careercompare.programs.datasets import bundled_programs
        from careercompare.views.program_figures import programs_near
        from careercompare.wages.areas import state_area

        programs = bundled_programs()
        found = (state_area(name, local.db.areas) for name in names)
        for state in dict.fromkeys(state for state in found if state is not None):
            each = programs_near(programs, index, chosen, state)
            if each is not None:
                near.append(each)
    return build_show(index, chosen, local=local, near=near)


@view()
def paths(ctx: typer.Context, role: RoleArgument, area: AreaOption = None) -> "ViewResult":
    """Where a role leads: each step's training, median pay (and the difference) and outlook.

    \b
    Examples:
      careercompare paths ma
      careercompare paths ma --area FL
      careercompare paths ma --area FL,GA
      careercompare paths moa --format markdown
      careercompare paths ma --json
    """
    from careercompare.views.paths import build_paths

    index = catalog_index(ctx)
    local = local_area(ctx, area_names(ctx, area), national=False)
    return build_paths(index, index.resolve_role(role), local=local)


@view("roles", search=True)
def list_roles(
    ctx: typer.Context,
    search: list[str],
    every: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Every occupation of the BLS projections too, not only the catalog's roles.",
        ),
    ] = False,
) -> "ViewResult":
    """List the roles: the catalog's, and with --all every occupation BLS projects.

    With words (or --search), only the roles whose id, name or aliases contain them, and
    the occupations one of whose names (BLS, O*NET, or one people use) does.

    Any occupation can be named in every command, by its SOC code (29-1126), its title or
    a name people use for it ("respiratory therapist", "scrub tech", "EKG tech").

    \b
    Examples:
      careercompare roles
      careercompare roles nurse
      careercompare roles --search "respiratory therapist"
      careercompare roles --all --format csv
      careercompare roles --json
    """
    from careercompare.views.roles import build_roles

    return build_roles(catalog_index(ctx), search, every=every)


@view()
def match(
    ctx: typer.Context,
    answer: Annotated[
        list[str] | None,
        typer.Option("--answer", "-a", metavar="KEY=VALUE", help="Answer a question (repeatable)."),
    ] = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never prompt; unanswered questions are an error.")
    ] = False,
    every: Annotated[
        bool,
        typer.Option(
            "--all", help="Rank every occupation BLS projects, not only the catalog's roles."
        ),
    ] = False,
    area: Annotated[
        str | None,
        typer.Option(
            "--area",
            metavar="AREA",
            help="List equal scores by their median pay in this area (BLS OEWS) first.",
        ),
    ] = None,
) -> "ViewResult":
    """Answer a few questions and see which roles fit you best, and why.

    Interactive in a terminal; otherwise give every answer with --answer. The interests
    question is optional: up to three of realistic, investigative, artistic, social,
    enterprising and conventional, scored by O*NET's interest profile of each occupation.

    \b
    Examples:
      careercompare match
      careercompare match -a patient-care=yes -a work-type=office
      careercompare match --no-input -a patient-care=no -a clinical-skills=no \\
        -a work-type=office -a entry-speed=fast -a long-term-growth=a-little \\
        -a office-tasks=yes --json
      careercompare match --no-input -a patient-care=yes -a clinical-skills=yes \\
        -a work-type=clinical -a entry-speed=no-rush -a long-term-growth=a-lot \\
        -a office-tasks=no -a interests=social,realistic
    """
    from careercompare.cli.questionnaire import collect_answers
    from careercompare.errors import CatalogError
    from careercompare.views.match import build_match

    index = catalog_index(ctx)
    questions = index.catalog.questions
    if not questions:
        raise CatalogError("this catalog has no match questions; use a catalog that has some")
    terminal = settings(ctx).terminal
    keywords = index.tables.interest_keywords() if index.tables else None
    answers = collect_answers(
        questions, answer or [], terminal=terminal, prompt=not no_input, interests=keywords
    )
    local = local_area(ctx, [area] if area else [], national=False)  # no default area
    return build_match(index, answers, every=every, local=local)


@view()
def glossary(
    ctx: typer.Context,
    term: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[TERM]...",
            help="A word to explain (median, OEWS, LQ, job zone...); none: every word.",
            show_default=False,
        ),
    ] = None,
) -> "ViewResult":
    """What the words the views use mean, from median and OEWS to job zone.

    \b
    Examples:
      careercompare glossary
      careercompare glossary LQ
      careercompare glossary job zone
    """
    from careercompare.views.glossary import build_glossary

    return build_glossary(term or [])


@view()
def programs(
    ctx: typer.Context,
    role: RoleArgument,
    area: AreaOption = None,
    credential: Annotated[
        Credential | None,
        choice_option(
            "--credential",
            metavar="KIND",
            help="Only certificate, associate or bachelor programs, or any. Default: the "
            "credential of the role's typical entry education (BLS), where it is one of "
            "these and has programs in the area; else any.",
        ),
    ] = None,
    sort: Annotated[
        ProgramSort,
        choice_option(
            "--sort",
            metavar="KEY",
            help="Order by earnings (highest first), debt (least first) or completers (most "
            "first).",
        ),
    ] = ProgramSort.EARNINGS,
    top: Annotated[
        int, typer.Option("--top", metavar="N", min=1, help="Show the first N programs.")
    ] = 15,
    show_all: Annotated[bool, typer.Option("--all", help="Show every program.")] = False,
    school: Annotated[
        str | None,
        typer.Option(
            "--school",
            metavar="WORDS",
            help="Only the programs of schools with these words in their names (each word "
            "starts a word of the name: 'st pete' finds St. Petersburg College).",
        ),
    ] = None,
) -> "ViewResult":
    """School programs that lead to a role: what their graduates earn and owe.

    From the College Scorecard (by school, field of study and credential), with the fields
    the CIP-SOC crosswalk maps to the role's occupation, in the state --area names (a metro
    area: its state) or the nation, beside the occupation's pay there.

    \b
    Examples:
      careercompare programs ma --area FL
      careercompare programs ma --area FL,GA --credential any
      careercompare programs phlebotomist --area tampa --credential certificate
      careercompare programs "respiratory therapist" --sort debt --top 5
      careercompare programs lpn --area FL --school "st petersburg"
    """
    from careercompare.programs.datasets import bundled_programs
    from careercompare.views.programs import build_programs
    from careercompare.wages.areas import resolve_area

    index = catalog_index(ctx)
    wages_db = wage_database(ctx)
    return build_programs(
        index,
        bundled_programs(),
        index.resolve_role(role),
        areas=[resolve_area(name, wages_db.areas) for name in area_names(ctx, area)],
        wages=wages_db,
        credential=credential,
        sort=sort,
        top=None if show_all else top,
        school=_school_words(school),
    )


def _school_words(school: str | None) -> list[str]:
    """--school's words, as a school's name is matched; given with no word in it, a usage
    error."""
    if school is None:
        return []
    from careercompare.views.program_figures import name_words

    words = name_words(bounded(school, "a school's name"))
    if not words:
        raise UsageError("--school has no word in it; give words of the school's name")
    return words


@view()
def payback(
    ctx: typer.Context,
    roles: Annotated[
        list[str],
        role_argument(
            metavar="ROLE...",
            help="Roles to compare; 'careercompare roles' lists them.",
        ),
    ],
    area: AreaOption = None,
    current_pay: Annotated[
        float | None,
        typer.Option("--current-pay", metavar="PAY", help="What you earn now, a year."),
    ] = None,
    hourly: Annotated[
        bool, typer.Option("--hourly", help="--current-pay is per hour (x 2,080 hours a year).")
    ] = False,
    cost: Annotated[
        list[str] | None, _each_role_option("--cost", "DOLLARS", "What the training costs in all")
    ] = None,
    months: Annotated[
        list[str] | None, _each_role_option("--months", "MONTHS", "How long the training takes")
    ] = None,
    part_time: Annotated[
        bool, typer.Option("--part-time", help="You keep your pay while training (none forgone).")
    ] = False,
    school: Annotated[
        str | None,
        typer.Option(
            "--school",
            metavar="WORDS",
            help="Without --cost, take the median debt of the programs of schools with these "
            "words in their names, not of every school in the area.",
        ),
    ] = None,
) -> "ViewResult":
    """Months until a training pays for itself, for each role side by side.

    At the area's median pay and, as a cautious case, its 25th percentile (BLS OEWS).

    months = (cost + forgone pay) / ((new pay - current pay) / 12); forgone pay is your
    pay over the months of training, none with --part-time.

    \b
    Examples:
      careercompare payback ma phlebotomist "pharmacy tech" --area tampa \\
        --current-pay 30000 --cost 4000 --months 6
      careercompare payback ma phlebotomist --area tampa --current-pay 30000 \\
        --months ma=6 --months phlebotomist=3 --cost phlebotomist=1500
      careercompare payback ma --area FL --current-pay 15 --hourly \\
        --cost 4000 --months 6 --part-time
      careercompare payback lpn --area FL --current-pay 30000 --school "palm beach"
    """
    from careercompare.views.payback import asked_plan, build_payback
    from careercompare.wages.areas import resolve_area

    index = catalog_index(ctx)
    chosen = index.resolve_roles(roles)
    words = _school_words(school)
    plan = asked_plan(
        index,
        chosen,
        current_pay,
        cost or [],
        months or [],
        hourly=hourly,
        part_time=part_time,
        school=words,
    )
    db = wage_database(ctx)
    names = area_names(ctx, area) or ["us"]
    places = list(dict.fromkeys(resolve_area(name, db.areas) for name in names))
    debts_in = None
    costed = all(plan.costed(role.id) for role in chosen)
    if words and costed:
        raise UsageError(
            "--school picks the programs whose debt is taken as a cost not given, and --cost "
            "is given for every role; leave one of them out"
        )
    if not costed:  # a cost to take from programs
        from careercompare.programs.datasets import bundled_programs
        from careercompare.views.program_figures import program_debt_by_area

        debts_in = program_debt_by_area(bundled_programs(), index, db.areas, words)
    return build_payback(index, db, chosen, places, plan, debts_in=debts_in)


@view()
def wages(
    ctx: typer.Context,
    roles: Annotated[
        list[str],
        role_argument(
            metavar="ROLE...",
            help="One role to see where it pays most and least, or several to compare "
            "in --area; 'careercompare roles' lists them.",
        ),
    ],
    area: AreaOption = None,
    by: Annotated[
        AreaKind,
        choice_option(
            "--by",
            metavar="KIND",
            help="Rank states, metro or nonmetro areas.",
        ),
    ] = AreaKind.STATE,
    within: InStateOption = None,
    top: Annotated[
        int,
        typer.Option("--top", metavar="N", min=1, help="Show the N highest and N lowest."),
    ] = 10,
    show_all: Annotated[bool, typer.Option("--all", help="Show every area, ranked.")] = False,
    hourly: Annotated[
        bool,
        typer.Option("--hourly", help="Hourly wages, as BLS publishes them (none is derived)."),
    ] = False,
    sort: Annotated[
        WageSort,
        choice_option(
            "--sort",
            metavar="KEY",
            help="Rank by median, mean, p10, p90, employment or per-1000.",
        ),
    ] = WageSort.MEDIAN,
) -> "ViewResult":
    """Local wages (BLS OEWS): where a role pays most and least, or roles side by side.

    \b
    Examples:
      careercompare wages ma
      careercompare wages ma --by metro --in FL --top 5
      careercompare wages rn --by nonmetro --sort employment
      careercompare wages ma moa lpn --area tampa
      careercompare wages ma moa --area FL --area GA
      careercompare wages ma --by metro --in FL --hourly
    """
    from careercompare.views.wages import AreaRanking, build_wages

    names = area_names(ctx, area)
    ranking = _given(ctx, "by") or _given(ctx, "within")
    if area and ranking:
        raise UsageError(
            "--by and --in rank the areas of one role, --area shows roles side by side in "
            "it; give one or the other"
        )
    if ranking:
        names = []  # a ranking asked for on the command line wins over CAREERCOMPARE_AREA
    index = catalog_index(ctx)
    return build_wages(
        index,
        wage_database(ctx),
        index.resolve_roles(roles),
        area=names,
        ranking=AreaRanking(by, within, None if show_all else top),
        sort=sort,
        hourly=hourly,
    )


def _source(ctx: typer.Context, name: str) -> str:
    source = ctx.get_parameter_source(name)
    return source.name if source is not None else ""


def _from_environment(ctx: typer.Context, name: str) -> bool:
    return _source(ctx, name) == "ENVIRONMENT"


def _given(ctx: typer.Context, name: str) -> bool:
    return _source(ctx, name) == "COMMANDLINE"


@view(search=True)
def areas(
    ctx: typer.Context,
    search: list[str],
    kind: Annotated[
        AreaKind | None,
        choice_option(
            "--type",
            metavar="TYPE",
            help="Only states, metro or nonmetro areas.",
        ),
    ] = None,
    within: InStateOption = None,
) -> "ViewResult":
    """The areas of the wage data, with the codes and names --area takes.

    With words (or --search), only the areas with them in their name or their state's; a
    postal code in capitals (FL) is that state.

    \b
    Examples:
      careercompare areas --type state
      careercompare areas springfield
      careercompare areas springfield MO
      careercompare areas florida --type metro
      careercompare areas --type nonmetro --in FL
    """
    from careercompare.views.areas import build_areas
    from careercompare.wages.areas import resolve_state

    db = wage_database(ctx)
    state = resolve_state(within, db.areas) if within else None
    return build_areas(db.release, db.areas, search=search, kind=kind, state=state)


@view()
def data(ctx: typer.Context) -> "ViewResult":
    """The data in use: the catalog, the occupations and each release of wages.

    Each dataset is listed with the files it was built from and their SHA-256.

    \b
    Examples:
      careercompare data
      careercompare data --json
    """
    from careercompare.catalog.loader import active_catalog_path
    from careercompare.occupations.datasets import bundled_occupations
    from careercompare.views.datasets import build_data
    from careercompare.wages.datasets import all_wages

    catalog = str(active_catalog_path(settings(ctx).data))
    from careercompare.programs.datasets import bundled_programs

    wages = all_wages(settings(ctx).terminal.warn)
    return build_data(catalog, bundled_occupations(), wages, bundled_programs())


@app.command()
def validate(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(
            metavar="[PATH]",
            help="Catalog file to check. Default: the active catalog.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check a catalog file and report every problem with its location.

    \b
    Examples:
      careercompare validate
      careercompare validate my-roles.json
    """
    from careercompare.catalog.loader import active_catalog_path
    from careercompare.catalog.loader import load_catalog as load

    catalog = load(path or active_catalog_path(settings(ctx).data))
    counts = f"{len(catalog.roles)} roles, {len(catalog.sources)} sources"
    typer.echo(f"OK: {counts}, {len(catalog.faq)} FAQ entries")


@app.command()
def schema() -> None:
    """Print the JSON Schema of a catalog file.

    \b
    Examples:
      careercompare schema > roles.schema.json
    """
    from careercompare.catalog.schema import catalog_schema_text

    sys.stdout.write(catalog_schema_text())


@app.command("import-bls")
def import_bls(
    ctx: typer.Context,
    export: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="A BLS Employment Projections occupation export (CSV), or the projections' "
            "occupation.xlsx workbook (Table 1.2).",
        ),
    ],
    out: Annotated[
        str | None,
        typer.Option(
            "--output",
            "--out",
            "-o",
            metavar="FILE",
            help="Write the catalog here ('-' or none: stdout).",
        ),
    ] = None,
    force: ReplaceOption = False,
    with_bundled: Annotated[
        bool,
        typer.Option("--with-bundled", help="Include the curated roles of the bundled catalog."),
    ] = False,
    skip_bad: Annotated[
        bool, typer.Option("--skip-bad", help="Import the readable rows and report the others.")
    ] = False,
) -> None:
    """Turn a BLS Employment Projections export (CSV or occupation.xlsx) into a catalog.

    Every occupation becomes a role with its SOC code, alternate titles as aliases,
    median wage, employment, change, openings and typical requirements.

    \b
    Examples:
      careercompare import-bls occupation.csv --output all-roles.json
      careercompare import-bls occupation.csv --with-bundled -o all.json --force
      careercompare import-bls occupation.xlsx -o projections-2024-34.json
      careercompare --data all-roles.json table "registered nurses" ma
    """
    from careercompare.importers.bls_catalog import run_import

    run_import(
        export,
        out=out,
        force=force,
        with_bundled=with_bundled,
        skip_bad=skip_bad,
        terminal=settings(ctx).terminal,
    )


@builder("import-occupations")
def import_occupations(
    projections: Annotated[
        Path,
        typer.Argument(
            metavar="OCCUPATION_XLSX",
            help="The BLS Employment Projections workbook (occupation.xlsx), as BLS ships it.",
        ),
    ],
    onet: Annotated[
        Path,
        typer.Argument(
            metavar="ONET_FOLDER",
            help="A folder of O*NET database files (Occupation Data.txt, Task Statements.txt, "
            "Interests.txt, Job Zones.txt, Related Occupations.txt, Alternate Titles.xlsx...).",
        ),
    ],
    output: DatabaseOutput,
    force: ReplaceOption = False,
    published: Annotated[str | None, _published_option("--ep-published", "projections")] = None,
    state_projections: Annotated[
        Path | None,
        typer.Option(
            "--state-projections",
            metavar="FILE",
            help="The long-term state projections of Projections Central (tab-separated).",
        ),
    ] = None,
    state_period: Annotated[
        str | None,
        typer.Option(
            "--state-period",
            metavar="YYYY-YY",
            help="The period the state projections cover (the file does not say), e.g. 2022-32.",
        ),
    ] = None,
) -> str:
    """Build the occupation database from BLS Employment Projections and O*NET files.

    The database careercompare ships is built this way from the 2024-34 projections and
    O*NET 29.3 (README, Where the figures come from). The file is written whole or not at
    all.

    \b
    Examples:
      careercompare import-occupations occupation.xlsx onet-29.3 -o occupations.sqlite
      careercompare import-occupations occupation.xlsx onet-29.3 -o occupations.sqlite \\
        --state-projections state_projections.csv --state-period 2022-32 --force
    """
    from careercompare.importers.occupations import StateFile, build_occupation_database

    if (state_projections is None) != (state_period is None):
        raise UsageError("--state-projections and --state-period go together; give both")
    states = (
        StateFile(state_projections, state_period) if state_projections and state_period else None
    )
    summary = build_occupation_database(
        projections, onet, output, force=force, ep_published=published, states=states
    )
    return (
        f"wrote {summary.path}: projections {summary.ep_edition} ({summary.projections:,} rows), "
        f"O*NET {summary.onet_release} ({summary.occupations:,} occupations, "
        f"{summary.titles:,} titles)"
    )


@builder("import-programs")
def import_programs(
    scorecard: Annotated[
        Path,
        typer.Argument(
            metavar="SCORECARD_CSV",
            help="The College Scorecard field-of-study table (Truewise's CSV; .gz or not).",
        ),
    ],
    crosswalk: Annotated[
        Path,
        typer.Argument(
            metavar="CROSSWALK_XLSX", help="The NCES CIP 2020 to SOC 2018 crosswalk workbook."
        ),
    ],
    output: DatabaseOutput,
    force: ReplaceOption = False,
    release: Annotated[
        str | None,
        typer.Option(
            "--release",
            metavar="YYYY-MM-DD",
            help="The Scorecard release (default: the date in the file name).",
        ),
    ] = None,
) -> str:
    """Build the programs database from the College Scorecard and the CIP-SOC crosswalk.

    The database careercompare ships is built this way (README, Programs and payback).
    The file is written whole or not at all.

    \b
    Examples:
      careercompare import-programs scorecard-fos-2026-06-10.csv.gz crosswalk.xlsx -o p.sqlite
    """
    from careercompare.importers.programs import build_programs_database

    summary = build_programs_database(scorecard, crosswalk, output, force=force, release=release)
    return (
        f"wrote {summary.path}: College Scorecard {summary.release} ({summary.programs:,} "
        f"programs), {summary.crosswalk:,} CIP-SOC pairs"
    )


@app.command("import-oews")
def import_oews(
    ctx: typer.Context,
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE...",
            help="OEWS tables as BLS publishes them: .xlsx, the .zip files that hold them, "
            "or .csv in the same layout.",
        ),
    ],
    release: Annotated[
        str | None,
        typer.Option(
            "--release",
            metavar="RELEASE",
            help="The release, e.g. 'May 2026' (default: read from the file names).",
        ),
    ] = None,
    published: Annotated[str | None, _published_option("--published", "release")] = None,
    top_annual: Annotated[str | None, _top_coded_option("annual")] = None,
    top_hourly: Annotated[str | None, _top_coded_option("hourly")] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the database here instead of the data folder (not used by the views).",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Import a release older than the one in use; replace FILE."),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar, no summary.")
    ] = False,
) -> None:
    """Import a release of the BLS OEWS wage tables; the newest release is used from then on.

    The wages go to the data folder (CAREERCOMPARE_DATA_DIR, or ~/.local/share/careercompare
    on Linux); the wages careercompare ships stay available. 'careercompare data' lists them.

    \b
    Examples:
      careercompare import-oews oesm26all.zip
      careercompare import-oews state_M2026_dl.xlsx MSA_M2026_dl.xlsx BOS_M2026_dl.xlsx
      careercompare import-oews wages.csv --release "May 2026" --published 2027-04-30
    """
    from careercompare.importers.oews import ImportSettings, run_import_oews

    settings_ = ImportSettings(
        output=output,
        force=force,
        files=tuple(files),
        release=release,
        published=published,
        top_annual=top_annual,
        top_hourly=top_hourly,
    )
    run_import_oews(settings_, quiet=quiet, terminal=settings(ctx).terminal)
