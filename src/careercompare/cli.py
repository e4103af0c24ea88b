"""The command line: each command parses its arguments and hands them to a view.

View commands return the view's result; `view_command` adds the output options and
writes it. Heavy modules (the models, Rich) are imported inside the commands, so
that --help and --version stay quick. Annotations are not postponed: Typer would
evaluate each of them from its text at every run.
"""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careercompare import __version__
from careercompare.cli_options import (
    RoleArgument,
    RolesArgument,
    Settings,
    catalog_index,
    load_catalog,
    settings,
    view_command,
)

if TYPE_CHECKING:
    from careercompare.views.base import ViewResult

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
        "A catalog is validated once and kept in the user cache folder for the next run "
        "(CAREERCOMPARE_CACHE_DIR moves it, CAREERCOMPARE_NO_CACHE=1 turns it off)."
    ),
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    invoke_without_command=True,
)


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
    ctx.obj = Settings(data=data, terminal=settings(ctx).terminal)
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())


@app.command()
@view_command
def table(ctx: typer.Context, roles: RolesArgument = None) -> "ViewResult":
    """Compare roles side by side, one row per comparison category.

    \b
    Examples:
      careercompare table
      careercompare table ma rn
      careercompare table "medical assistant" moa --format markdown
    """
    from careercompare.views.table import build_table

    index = catalog_index(ctx)
    return build_table(index, index.resolve_roles(roles or []))


@app.command()
@view_command
def salary(
    ctx: typer.Context,
    roles: RolesArgument = None,
    hourly: Annotated[
        bool,
        typer.Option(
            "--hourly", help="Show hourly figures (published, or annual / 2,080 h as an estimate)."
        ),
    ] = False,
) -> "ViewResult":
    """Every salary figure with its kind, period and source, on one chart.

    \b
    Examples:
      careercompare salary
      careercompare salary ma --hourly
      careercompare salary ma moa --format csv
    """
    from careercompare.views.salary import build_salary

    index = catalog_index(ctx)
    return build_salary(index, index.resolve_roles(roles or []), hourly=hourly)


@app.command()
@view_command
def outlook(ctx: typer.Context, roles: RolesArgument = None) -> "ViewResult":
    """Employment projections, newest first, with what drives growth.

    \b
    Examples:
      careercompare outlook
      careercompare outlook ma rn lpn --json
    """
    from careercompare.views.outlook import build_outlook

    index = catalog_index(ctx)
    return build_outlook(index, index.resolve_roles(roles or []))


@app.command()
@view_command
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


@app.command()
@view_command
def show(ctx: typer.Context, role: RoleArgument) -> "ViewResult":
    """One role's whole profile: duties, training, pay, outlook, where it leads.

    \b
    Examples:
      careercompare show ma
      careercompare show "medical office assistant" --format markdown
    """
    from careercompare.views.show import build_show

    index = catalog_index(ctx)
    return build_show(index, index.resolve_role(role))


@app.command()
@view_command
def paths(ctx: typer.Context, role: RoleArgument) -> "ViewResult":
    """Where a role leads: each step's training, median pay (and the difference) and outlook.

    \b
    Examples:
      careercompare paths ma
      careercompare paths moa --format markdown
      careercompare paths ma --json
    """
    from careercompare.views.paths import build_paths

    index = catalog_index(ctx)
    return build_paths(index, index.resolve_role(role))


@app.command("roles")
@view_command
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
) -> "ViewResult":
    """List the roles of the catalog: id, name, aliases, BLS occupation.

    \b
    Examples:
      careercompare roles
      careercompare roles --search nurse
      careercompare roles --json
    """
    from careercompare.views.roles import build_roles

    return build_roles(load_catalog(ctx).roles, search or [])


@app.command()
@view_command
def match(
    ctx: typer.Context,
    answer: Annotated[
        list[str] | None,
        typer.Option("--answer", "-a", metavar="KEY=VALUE", help="Answer a question (repeatable)."),
    ] = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never prompt; unanswered questions are an error.")
    ] = False,
) -> "ViewResult":
    """Answer a few questions and see which roles fit you best, and why.

    Interactive in a terminal; otherwise give every answer with --answer.

    \b
    Examples:
      careercompare match
      careercompare match -a patient-care=yes -a work-type=office
      careercompare match --no-input -a patient-care=no -a clinical-skills=no \
        -a work-type=office -a entry-speed=fast -a long-term-growth=a-little \
        -a office-tasks=yes --json
    """
    from careercompare.errors import CatalogError
    from careercompare.questionnaire import collect_answers
    from careercompare.views.match import build_match

    index = catalog_index(ctx)
    questions = index.catalog.questions
    if not questions:
        raise CatalogError("this catalog has no match questions; use a catalog that has some")
    terminal = settings(ctx).terminal
    answers = collect_answers(questions, answer or [], terminal=terminal, prompt=not no_input)
    return build_match(index, answers)


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
    export: Annotated[
        Path, typer.Argument(metavar="CSV", help="A BLS Employment Projections occupation export.")
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
      careercompare import-bls occupation.csv --output all-roles.json
      careercompare import-bls occupation.csv --with-bundled -o all.json --force
      careercompare --data all-roles.json table "registered nurses" ma
    """
    from careercompare.importers.bls_catalog import run_import

    run_import(export, out=out, force=force, with_bundled=with_bundled, skip_bad=skip_bad)
