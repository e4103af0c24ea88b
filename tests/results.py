"""Every view's result built straight from the small test catalog and the bundled tables,
without the command line: what the format and layout tests render."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

from careercompare.catalog.index import CatalogIndex
from careercompare.catalog.loader import load_catalog
from careercompare.programs.choices import ProgramSort
from careercompare.programs.datasets import bundled_programs
from careercompare.results.base import ViewResult
from careercompare.views.areas import build_areas
from careercompare.views.datasets import DataResult, build_data
from careercompare.views.faq import build_faq
from careercompare.views.glossary import build_glossary
from careercompare.views.local_wages import LocalArea
from careercompare.views.match import build_match
from careercompare.views.outlook import build_outlook
from careercompare.views.paths import build_paths
from careercompare.views.payback import build_payback, checked_plan
from careercompare.views.programs import build_programs
from careercompare.views.roles import build_roles
from careercompare.views.salary import build_salary
from careercompare.views.show import build_show
from careercompare.views.table import build_table
from careercompare.views.wages import AreaRanking, build_wages
from careercompare.wages.choices import AreaKind, WageSort
from careercompare.wages.database import WageDatabase
from careercompare.wages.datasets import bundled_wages

MINI = Path(__file__).parent / "data" / "mini-catalog.json"


@cache
def mini_index() -> CatalogIndex:
    return CatalogIndex(load_catalog(MINI))


def _wages() -> WageDatabase:
    return bundled_wages()


def build(name: str, index: CatalogIndex | None = None) -> ViewResult:
    """The result named, of the test catalog's roles alpha, beta and gamma (of `index`,
    a catalog of the same roles loaded another way, when given)."""
    return _BUILDERS[name](index or mini_index())


def _local(*names: str) -> LocalArea:
    return LocalArea.resolve(_wages(), names)


def _table(index: CatalogIndex) -> ViewResult:
    alpha, beta, gamma = index.catalog.roles
    return build_table(index, [alpha, beta, gamma])


def _table_in_two_states(index: CatalogIndex) -> ViewResult:
    alpha, beta, _ = index.catalog.roles
    return build_table(index, [alpha, beta], local=_local("FL", "GA"))


def _salary(index: CatalogIndex) -> ViewResult:
    return build_salary(index, list(index.catalog.roles))


def _salary_in_tampa(index: CatalogIndex) -> ViewResult:
    alpha, beta, _ = index.catalog.roles
    return build_salary(index, [alpha, beta], local=_local("tampa"))


def _salary_hourly(index: CatalogIndex) -> ViewResult:
    return build_salary(index, list(index.catalog.roles), hourly=True)


def _outlook(index: CatalogIndex) -> ViewResult:
    alpha, beta, _ = index.catalog.roles
    return build_outlook(index, [alpha, beta])


def _faq(index: CatalogIndex) -> ViewResult:
    return build_faq(index, [])


def _show(index: CatalogIndex) -> ViewResult:
    return build_show(index, index.catalog.roles[0])


def _show_in_florida(index: CatalogIndex) -> ViewResult:
    return build_show(index, index.catalog.roles[0], local=_local("FL"))


def _paths(index: CatalogIndex) -> ViewResult:
    return build_paths(index, index.catalog.roles[0])


def _paths_in_florida(index: CatalogIndex) -> ViewResult:
    return build_paths(index, index.catalog.roles[0], local=_local("FL"))


def _roles_view(index: CatalogIndex) -> ViewResult:
    return build_roles(index, [])


def _match(index: CatalogIndex) -> ViewResult:
    return build_match(index, {"hands-on": "yes"})


def _wages_ranking(index: CatalogIndex) -> ViewResult:
    alpha = index.catalog.roles[0]
    ranking = AreaRanking(AreaKind.METRO, "FL", 3)
    return build_wages(index, _wages(), [alpha], area=[], ranking=ranking, sort=WageSort.MEDIAN)


def _wages_side_by_side(index: CatalogIndex) -> ViewResult:
    alpha, beta, _ = index.catalog.roles
    return build_wages(
        index,
        _wages(),
        [alpha, beta],
        area=["FL", "GA"],
        ranking=AreaRanking(),
        sort=WageSort.MEDIAN,
    )


def _programs(index: CatalogIndex) -> ViewResult:
    db = _wages()
    florida = LocalArea.resolve(db, ["FL"]).asked
    return build_programs(
        index,
        bundled_programs(),
        index.catalog.roles[0],
        areas=florida,
        wages=db,
        credential=None,
        sort=ProgramSort.EARNINGS,
        top=5,
    )


def _payback(index: CatalogIndex) -> ViewResult:
    alpha, beta, _ = index.catalog.roles
    plan = checked_plan(30000, hourly=False, cost=4000, months=6, part_time=False)
    places = _local("FL").asked
    return build_payback(index, _wages(), [alpha, beta], places, plan)


def _glossary(index: CatalogIndex) -> ViewResult:
    return build_glossary([])


def _areas(index: CatalogIndex) -> ViewResult:
    db = _wages()
    return build_areas(db.release, db.areas, search=["tampa"], kind=None, state=None)


def _data(index: CatalogIndex) -> ViewResult:
    from careercompare.occupations.datasets import bundled_occupations

    return build_data(str(MINI.name), bundled_occupations(), [_wages()], bundled_programs())


_BUILDERS = {
    "table": _table,
    "table-fl-ga": _table_in_two_states,
    "salary": _salary,
    "salary-tampa": _salary_in_tampa,
    "salary-hourly": _salary_hourly,
    "outlook": _outlook,
    "faq": _faq,
    "show": _show,
    "show-fl": _show_in_florida,
    "paths": _paths,
    "paths-fl": _paths_in_florida,
    "roles": _roles_view,
    "match": _match,
    "wages-ranking": _wages_ranking,
    "wages-fl-ga": _wages_side_by_side,
    "programs": _programs,
    "payback": _payback,
    "glossary": _glossary,
    "areas": _areas,
    "data": _data,
}
VIEWS = tuple(_BUILDERS)


ROOT = Path(__file__).resolve().parent.parent


def relocated(result: ViewResult) -> ViewResult:
    """The result with the project's directory written ROOT in every installed file's
    path: the same on every machine, however long the directory's name (a snapshot's
    layout would change with it)."""
    if not isinstance(result, DataResult):
        return result

    def moved(path: str) -> str:
        return path.replace(str(ROOT), "ROOT")

    return replace(
        result,
        occupations=result.occupations
        and replace(result.occupations, path=moved(result.occupations.path)),
        programs=result.programs and replace(result.programs, path=moved(result.programs.path)),
        wages=tuple(replace(w, path=moved(w.path)) for w in result.wages),
    )
