"""What the commands share: global settings, argument types, and the output options.

`view_command` adds --format, --json, --output, --force (and --data, which may also
come before the command) to a command that returns a view's result, and writes that
result, as sqlite-utils' `output_options` does; `reported_command` notes on stderr the
line an import command returns. Annotations are not postponed: Typer reads them from
the functions at each run.
"""

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from careercompare.catalog.names import bounded
from careercompare.errors import UsageError
from careercompare.render.formats import (
    DEFAULT_FORMAT,
    FORMAT_NAMES,
    FORMATS,
    FormatName,
    Needs,
    extensions,
)
from careercompare.terminal import Terminal

if TYPE_CHECKING:
    from careercompare.catalog.index import CatalogIndex
    from careercompare.catalog.models import Catalog
    from careercompare.results.base import ViewResult
    from careercompare.views.local_wages import LocalArea
    from careercompare.wages.database import WageDatabase


@dataclass(frozen=True)
class Settings:
    """Global options and the terminal, handed to every command through the context."""

    data: str | None = None
    terminal: Terminal = field(default_factory=Terminal)


def settings(ctx: typer.Context) -> Settings:
    """The settings of this run."""
    found = ctx.find_object(Settings)
    return found if found is not None else Settings()


def load_catalog(ctx: typer.Context) -> "Catalog":
    """The catalog chosen by --data, CAREERCOMPARE_DATA or the bundled one."""
    from careercompare.catalog.loader import active_catalog_path, load_catalog

    return load_catalog(active_catalog_path(settings(ctx).data))


def catalog_index(ctx: typer.Context) -> "CatalogIndex":
    """Lookups over the chosen catalog."""
    from careercompare.catalog.index import CatalogIndex
    from careercompare.occupations.datasets import bundled_occupations
    from careercompare.occupations.roles import OccupationRoles

    tables = OccupationRoles(bundled_occupations(), lambda: wage_database(ctx))
    return CatalogIndex(load_catalog(ctx), tables)


def wage_database(ctx: typer.Context) -> "WageDatabase":
    """The wages in use: the newest release, imported or bundled."""
    from careercompare.wages.datasets import wages_in_use

    # one database a run: the tables' facts and the view read the same release
    found: WageDatabase | None = ctx.meta.get(_WAGES_KEY)
    if found is None:
        found = ctx.meta[_WAGES_KEY] = wages_in_use(settings(ctx).terminal.warn)
    return found


_WAGES_KEY = "careercompare.wages"


AREA_ENV_VAR = "CAREERCOMPARE_AREA"


def area_names(ctx: typer.Context, given: list[str] | None) -> list[str]:
    """The areas asked for: each --area, a comma list split into its areas (but not at
    the comma of a name as BLS writes it, "Columbus, OH"); without --area,
    CAREERCOMPARE_AREA read the same way (one name may hold spaces)."""
    import os
    import re

    texts = given if given else [os.environ.get(AREA_ENV_VAR, "")]
    pieces = sum(len([p for p in re.split(r"[,;]", text) if p.strip()]) for text in texts)
    if pieces > 2 * MAX_AREAS:  # a name and its postal codes at most: over MAX_AREAS areas
        raise UsageError(f"--area names over {MAX_AREAS} areas; give at most {MAX_AREAS}")
    if any("," in text or ";" in text for text in texts):
        from careercompare.wages.areas import area_list

        areas = wage_database(ctx).areas
        names = [name for text in texts for name in area_list(text, areas)]
    else:
        names = [text.strip() for text in texts if text.strip()]
    if given and not names:
        raise UsageError("--area is empty; give a state, a metro or nonmetro area, or 'us'")
    if len(names) > MAX_AREAS:
        raise UsageError(f"--area names {len(names)} areas; give at most {MAX_AREAS}")
    return list(dict.fromkeys(names))


def local_area(ctx: typer.Context, names: list[str], *, national: bool) -> "LocalArea | None":
    """The areas named (then the nation), the nation alone when `national`, or None."""
    if not names and not national:
        return None
    from careercompare.views.local_wages import LocalArea

    return LocalArea.resolve(wage_database(ctx), names)


def complete_role(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: role ids starting with what was typed."""
    from careercompare.errors import CareerCompareError

    try:
        catalog = load_catalog(ctx)
    except CareerCompareError:
        return []
    return [role.id for role in catalog.roles if role.id.startswith(incomplete.lower())]


def role_argument(*, metavar: str, help: str, **settings: Any) -> Any:
    """An argument that names roles: the shell completes it from the catalog's ids."""
    return typer.Argument(metavar=metavar, help=help, autocompletion=complete_role, **settings)


RolesArgument = Annotated[
    list[str] | None,
    role_argument(
        metavar="[ROLE]...",
        help="Roles by id, alias or name (any case); 'careercompare roles' lists them. "
        "Default: the catalog's default pair.",
        show_default=False,
    ),
]
RoleArgument = Annotated[
    str,
    role_argument(
        metavar="ROLE",
        help="A role by id, alias or name; 'careercompare roles' lists them.",
    ),
]


def choice_option(*flags: str, metavar: str, help: str, **settings: Any) -> Any:
    """An option whose value is one of a `StrEnum`'s, taken in any case ('--by Metro')."""
    return typer.Option(*flags, metavar=metavar, case_sensitive=False, help=help, **settings)


FormatOption = Annotated[
    FormatName | None,
    choice_option(
        "--format",
        "-f",
        metavar="FORMAT",
        help=f"Output format: {', '.join(FORMAT_NAMES)} (default: {DEFAULT_FORMAT}; "
        + ", ".join(f.name for f in FORMATS if f.needs is Needs.RECORDS)
        + " for the views that list records).",
        show_default=False,
    ),
]
MAX_AREAS = 12
AreaOption = Annotated[
    list[str] | None,
    typer.Option(
        "--area",
        metavar="AREA",
        help="Local wages (BLS OEWS) in a state (name, FL or 12), a metro or nonmetro area "
        "(words of its name, or its code), or 'us'; 'careercompare areas' lists them. "
        "Repeat it, or give a comma list ('FL,GA'), to see areas side by side; a name "
        "as BLS writes it keeps its comma ('Columbus, OH'). "
        "Default: CAREERCOMPARE_AREA.",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Short for --format json.")]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE instead; its extension picks the format: "
        + " ".join(extensions())
        + ".",
    ),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Replace the --output file if it exists.")
]
# The importers': the file a database is built into, and leave to replace it.
DatabaseOutput = Annotated[
    Path,
    typer.Option("--output", "-o", metavar="FILE", help="Where to write the database."),
]
ReplaceOption = Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")]
DataOption = Annotated[
    str | None,
    typer.Option(
        "--data",
        metavar="PATH",
        help="Catalog file to use instead of the bundled one (also before the command).",
    ),
]
PagerOption = Annotated[
    bool,
    typer.Option(
        "--no-pager",
        help="Never page long output (CAREERCOMPARE_PAGER or PAGER choose the pager; "
        "default: less -FRX).",
    ),
]
_OUTPUT_PARAMETERS = {
    "data": (DataOption, None),
    "no_pager": (PagerOption, False),
    "output_format": (FormatOption, None),
    "as_json": (JsonOption, False),
    "output": (OutputOption, None),
    "force": (ForceOption, False),
}


# `roles nurse` and `areas tampa`: words after the command search, as --search does; each
# command's description says what they are looked for in.
SearchWords = Annotated[
    list[str] | None,
    typer.Argument(metavar="[WORDS]...", help="Words to search for, as --search takes them."),
]
SearchOption = Annotated[
    list[str] | None,
    typer.Option("--search", "-s", metavar="WORDS", help="Words to search for (repeatable)."),
]


def search_words(words: list[str] | None, search: list[str] | None) -> list[str]:
    """The words after the command and those of --search, as one search."""
    merged = [*(words or []), *(search or [])]
    bounded(" ".join(merged), "search words", "give a few words")
    return merged


def _search_parameters(build: Callable[..., Any]) -> list[inspect.Parameter]:
    """The command's parameters, its `search` given as words after it and --search."""
    parameters = _parameters(build)
    names = [parameter.name for parameter in parameters]
    if "search" not in names:
        raise TypeError(f"{build.__name__} has no 'search' parameter to take search words")
    at = names.index("search")
    words, search = (
        inspect.Parameter(
            name, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None, annotation=kind
        )
        for name, kind in (("words", SearchWords), ("search", SearchOption))
    )
    return [*parameters[:at], words, search, *parameters[at + 1 :]]


def view_command(build: Callable[..., "ViewResult"], *, search: bool = False) -> Any:
    """Add the output options to a command that returns a view's result, and write it.

    Which formats a view writes follows from its result (`render.formats.Format.supports`);
    asking a view for one it cannot write is a usage error that lists those it can.
    With `search`, the command's `search: list[str]` parameter is taken as words after
    the command and as --search, both at once (`search_words`).
    """
    parameters = _search_parameters(build) if search else _parameters(build)
    added = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=kind)
        for name, (kind, default) in _OUTPUT_PARAMETERS.items()
    ]

    def command(**arguments: Any) -> None:
        if search:
            arguments["search"] = search_words(arguments.pop("words"), arguments["search"])
        data = arguments.pop("data")
        if data is not None:
            context = arguments["ctx"]
            context.obj = replace(settings(context), data=data)
        no_pager = arguments.pop("no_pager")
        output_format = arguments.pop("output_format")
        as_json = arguments.pop("as_json")
        output = arguments.pop("output")
        force = arguments.pop("force")
        if as_json and output_format not in (None, "json"):
            raise UsageError(f"--json and --format {output_format} disagree; give one of them")
        result = build(**arguments)
        from careercompare.render.write import write_result

        write_result(
            result,
            format_name="json" if as_json else (output_format or DEFAULT_FORMAT),
            output=output,
            force=force,
            terminal=settings(arguments["ctx"]).terminal,
            page=not no_pager,
        )

    return _as_command(command, build, [*parameters, *added])


def reported_command(build: Callable[..., str]) -> Any:
    """A command that returns a line for the person: it is noted on stderr (`Terminal.note`).

    The importers that build a file say so this way ('wrote FILE: ...'); the command
    itself takes no context.
    """

    def command(ctx: typer.Context, **arguments: Any) -> None:
        settings(ctx).terminal.note(build(**arguments))

    context = inspect.Parameter(
        "ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context
    )
    return _as_command(command, build, [context, *_parameters(build)])


def _parameters(build: Callable[..., Any]) -> list[inspect.Parameter]:
    return list(inspect.signature(build).parameters.values())


def _as_command(
    command: Callable[..., None], build: Callable[..., Any], parameters: list[inspect.Parameter]
) -> Callable[..., None]:
    """`command`, named and documented as `build`, taking `parameters` as Typer reads them."""
    command.__name__ = build.__name__
    command.__doc__ = build.__doc__
    command.__module__ = build.__module__
    command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    command.__annotations__ = {
        p.name: p.annotation for p in parameters if p.annotation is not p.empty
    }
    return command
