"""The command line: parses arguments and hands them to views and renderers.

Heavy modules (pydantic models, Rich) are imported inside the commands that need
them, so that --help and --version stay as fast as Python itself allows.
Annotations are not postponed (no `from __future__ import annotations`): Typer
would evaluate every one of them from its text on each run.
"""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from careercompare import __version__
from careercompare.errors import UsageError
from careercompare.render.formats import OutputFormat

if TYPE_CHECKING:
    from careercompare.document import View
    from careercompare.models import Catalog
    from careercompare.query import CatalogIndex

ALL_FORMATS = tuple(OutputFormat)
PROFILE_FORMATS = (OutputFormat.rich, OutputFormat.plain, OutputFormat.markdown, OutputFormat.json)

app = typer.Typer(
    name="careercompare",
    help=(
        "Compare healthcare careers side by side: duties, training, pay, outlook and "
        "where each role leads. Every figure names its source.\n\n"
        "\b\nExamples:\n"
        "  careercompare table\n"
        "  careercompare salary ma moa --hourly\n"
        "  careercompare faq pay\n"
        "  careercompare --data my-roles.json roles\n\n"
        "Exit codes: 0 success, 1 data or file problem, 2 usage problem, 70 internal error, "
        "130 interrupted, 141 output closed early.\n\n"
        "A catalog is validated once and kept in ~/.cache/careercompare for the next run "
        "(CAREERCOMPARE_CACHE_DIR moves it, CAREERCOMPARE_NO_CACHE=1 turns it off)."
    ),
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    invoke_without_command=True,
)


class Settings(NamedTuple):
    """Global options, shared with every command through the context."""

    data: str | None = None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"careercompare {__version__}")
        raise typer.Exit()


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
    ctx.obj = Settings(data=data)
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())


def _settings(ctx: typer.Context) -> Settings:
    obj = ctx.find_object(Settings)
    return obj if obj is not None else Settings()


def _catalog(ctx: typer.Context) -> "Catalog":
    from careercompare.loader import active_catalog_path, load_catalog

    return load_catalog(active_catalog_path(_settings(ctx).data))


def _index(ctx: typer.Context) -> "CatalogIndex":
    from careercompare.query import CatalogIndex

    return CatalogIndex(_catalog(ctx))


def complete_role(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: role ids starting with what was typed."""
    from careercompare.errors import CareerCompareError

    try:
        catalog = _catalog(ctx)
    except CareerCompareError:
        return []
    return [role.id for role in catalog.roles if role.id.startswith(incomplete.lower())]


RolesArgument = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="[ROLE]...",
        help="Roles by id, alias or name (any case). Default: the catalog's default pair.",
        autocompletion=complete_role,
        show_default=False,
    ),
]
RoleArgument = Annotated[
    str,
    typer.Argument(
        metavar="ROLE", help="A role by id, alias or name.", autocompletion=complete_role
    ),
]
FormatOption = Annotated[
    OutputFormat,
    typer.Option("--format", "-f", case_sensitive=False, help="Output format."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Short for --format json.")]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE instead; its extension picks the format: "
        ".html .svg (as in the terminal, with colours), .md, .json, .csv, .txt (plain).",
    ),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Replace the --output file if it exists.")
]


def _chosen_format(
    output_format: OutputFormat, as_json: bool, allowed: tuple[OutputFormat, ...], command: str
) -> OutputFormat:
    chosen = OutputFormat.json if as_json else output_format
    if chosen not in allowed:
        names = ", ".join(f.value for f in allowed)
        raise UsageError(f"'{command}' cannot write {chosen.value}; choose one of: {names}")
    return chosen


def emit(
    view: "View",
    output_format: OutputFormat,
    *,
    formats: tuple[OutputFormat, ...] = ALL_FORMATS,
    output: Path | None = None,
    force: bool = False,
) -> None:
    """Write the view to stdout in the chosen format, or to --output in its extension's."""
    if output is not None:
        from careercompare.files import write_atomically
        from careercompare.render.export import file_content

        write_atomically(output, file_content(view, output, formats), force=force)
        sys.stderr.write(f"careercompare: wrote {output}\n")
        return
    if output_format is OutputFormat.rich:
        from careercompare.output import make_console
        from careercompare.render.rich_format import render_rich

        render_rich(view.blocks, make_console())
        return
    from careercompare.render.text import render_text

    sys.stdout.write(render_text(view, output_format))
    sys.stdout.flush()


@app.command()
def table(
    ctx: typer.Context,
    roles: RolesArgument = None,
    output_format: FormatOption = OutputFormat.rich,
    as_json: JsonOption = False,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Compare roles side by side, one row per comparison category.

    \b
    Examples:
      careercompare table
      careercompare table ma rn
      careercompare table "medical assistant" moa --format markdown
    """
    from careercompare.views.table import table_view

    chosen = _chosen_format(output_format, as_json, ALL_FORMATS, "table")
    index = _index(ctx)
    emit(table_view(index, index.resolve_roles(roles or [])), chosen, output=output, force=force)


@app.command()
def salary(
    ctx: typer.Context,
    roles: RolesArgument = None,
    hourly: Annotated[
        bool,
        typer.Option(
            "--hourly", help="Show hourly figures (published, or annual / 2,080 h as an estimate)."
        ),
    ] = False,
    output_format: FormatOption = OutputFormat.rich,
    as_json: JsonOption = False,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Every salary figure with its kind, period and source, on one chart.

    \b
    Examples:
      careercompare salary
      careercompare salary ma --hourly
      careercompare salary ma moa --format csv > salary.csv
    """
    from careercompare.views.salary import salary_view

    chosen = _chosen_format(output_format, as_json, ALL_FORMATS, "salary")
    index = _index(ctx)
    view = salary_view(index, index.resolve_roles(roles or []), hourly=hourly)
    emit(view, chosen, output=output, force=force)


@app.command()
def outlook(
    ctx: typer.Context,
    roles: RolesArgument = None,
    output_format: FormatOption = OutputFormat.rich,
    as_json: JsonOption = False,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Employment projections, newest first, with what drives growth.

    \b
    Examples:
      careercompare outlook
      careercompare outlook ma rn lpn --json
    """
    from careercompare.views.outlook import outlook_view

    chosen = _chosen_format(output_format, as_json, ALL_FORMATS, "outlook")
    index = _index(ctx)
    emit(outlook_view(index, index.resolve_roles(roles or [])), chosen, output=output, force=force)


@app.command()
def faq(
    ctx: typer.Context,
    words: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[WORD]...", help="Show only entries containing every word.", show_default=False
        ),
    ] = None,
    output_format: FormatOption = OutputFormat.rich,
    as_json: JsonOption = False,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Frequently asked questions and their answers, numbered.

    \b
    Examples:
      careercompare faq
      careercompare faq pays more
      careercompare faq growth --format markdown
    """
    from careercompare.views.faq import faq_view

    chosen = _chosen_format(output_format, as_json, ALL_FORMATS, "faq")
    emit(faq_view(_index(ctx), words or []), chosen, output=output, force=force)


@app.command()
def show(
    ctx: typer.Context,
    role: RoleArgument,
    output_format: FormatOption = OutputFormat.rich,
    as_json: JsonOption = False,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """One role's whole profile: duties, training, pay, outlook, where it leads.

    \b
    Examples:
      careercompare show ma
      careercompare show "medical office assistant" --format markdown
    """
    from careercompare.views.show import show_view

    chosen = _chosen_format(output_format, as_json, PROFILE_FORMATS, "show")
    index = _index(ctx)
    view = show_view(index, index.resolve_role(role))
    emit(view, chosen, formats=PROFILE_FORMATS, output=output, force=force)


@app.command()
def paths(
    ctx: typer.Context,
    role: RoleArgument,
    output_format: FormatOption = OutputFormat.rich,
    as_json: JsonOption = False,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Where a role leads: each step's training, median pay (and the difference) and outlook.

    \b
    Examples:
      careercompare paths ma
      careercompare paths moa --format markdown
      careercompare paths ma --json
    """
    from careercompare.views.paths import paths_view

    chosen = _chosen_format(output_format, as_json, ALL_FORMATS, "paths")
    index = _index(ctx)
    emit(paths_view(index, index.resolve_role(role)), chosen, output=output, force=force)


@app.command("roles")
def list_roles(
    ctx: typer.Context,
    search: Annotated[
        list[str] | None,
        typer.Option(
            "--search",
            "-s",
            metavar="WORDS",
            help="Only roles whose id, name or aliases contain these words.",
        ),
    ] = None,
    output_format: FormatOption = OutputFormat.rich,
    as_json: JsonOption = False,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """List the roles of the catalog: id, name, aliases, BLS occupation.

    \b
    Examples:
      careercompare roles
      careercompare roles --search nurse
      careercompare roles --json
    """
    from careercompare.views.roles import roles_view, search_roles

    chosen = _chosen_format(output_format, as_json, ALL_FORMATS, "roles")
    catalog = _catalog(ctx)
    words = [word for phrase in search or [] for word in phrase.split()]
    found = search_roles(catalog.roles, words) if words else list(catalog.roles)
    if not found:
        raise UsageError(
            f"no role matches '{' '.join(words)}'; run 'careercompare roles' to list them all"
        )
    emit(
        roles_view(found, total=len(catalog.roles), words=words), chosen, output=output, force=force
    )


@app.command()
def match(
    ctx: typer.Context,
    answer: Annotated[
        list[str] | None,
        typer.Option("--answer", "-a", metavar="KEY=VALUE", help="Answer a question (repeatable)."),
    ] = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never prompt; unanswered questions are an error.")
    ] = False,
    output_format: FormatOption = OutputFormat.rich,
    as_json: JsonOption = False,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Answer a few questions and see which roles fit you best, and why.

    Interactive in a terminal; otherwise give every answer with --answer.

    \b
    Examples:
      careercompare match
      careercompare match -a patient-care=yes -a work-type=clinical ...
      careercompare match --no-input --answer entry-speed=fast --json
    """
    from careercompare.errors import CatalogError
    from careercompare.questionnaire import (
        ask,
        missing_answers_error,
        parse_answers,
        unanswered,
    )
    from careercompare.views.match import match_view

    chosen = _chosen_format(output_format, as_json, ALL_FORMATS, "match")
    index = _index(ctx)
    questions = index.catalog.questions
    if not questions:
        raise CatalogError("this catalog has no match questions; use a catalog that has some")
    answers = parse_answers(answer or [], questions)
    missing = unanswered(questions, answers)
    interactive = not no_input and sys.stdin.isatty() and sys.stdout.isatty()
    if missing and not interactive:
        raise missing_answers_error(missing)
    for number, question in enumerate(questions, 1):
        if question.key not in answers:
            try:
                answers[question.key] = ask(question, number, len(questions))
            except EOFError:
                raise missing_answers_error(unanswered(questions, answers)) from None
    emit(match_view(index, answers), chosen, output=output, force=force)


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
    from careercompare.loader import active_catalog_path, load_catalog

    target = path or active_catalog_path(_settings(ctx).data)
    catalog = load_catalog(target)
    counts = f"{len(catalog.roles)} roles, {len(catalog.sources)} sources"
    typer.echo(f"OK: {counts}, {len(catalog.faq)} FAQ entries")


@app.command()
def schema() -> None:
    """Print the JSON Schema of a catalog file.

    \b
    Examples:
      careercompare schema > roles.schema.json
    """
    from careercompare.schema import catalog_schema_text

    sys.stdout.write(catalog_schema_text())


@app.command("import-bls")
def import_bls(
    export: Annotated[
        Path, typer.Argument(metavar="CSV", help="A BLS Employment Projections occupation export.")
    ],
    out: Annotated[
        str | None,
        typer.Option(
            "--out", "-o", metavar="FILE", help="Write the catalog here ('-' or none: stdout)."
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
    with_bundled: Annotated[
        bool,
        typer.Option("--with-bundled", help="Include the curated roles of the bundled catalog."),
    ] = False,
    skip_bad: Annotated[
        bool, typer.Option("--skip-bad", help="Import the readable rows and report the others.")
    ] = False,
) -> None:
    """Turn a BLS Employment Projections export (CSV) into a catalog.

    Every occupation becomes a role with its SOC code, alternate titles as aliases,
    median wage, employment, change, openings and typical requirements.

    \b
    Examples:
      careercompare import-bls occupation.csv --out all-roles.json
      careercompare import-bls occupation.csv --with-bundled -o all.json --force
      careercompare --data all-roles.json table "registered nurses" ma
    """
    from careercompare.import_command import run_import

    run_import(export, out=out, force=force, with_bundled=with_bundled, skip_bad=skip_bad)
