"""The views of the shipped catalog, built without the command line: what they say of
the curated roles, their sources, and their layout at every width."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import pytest
from rich.cells import cell_len

from careercompare.catalog.index import CatalogIndex
from careercompare.render.csv_format import render_csv
from careercompare.render.markdown import render_markdown
from careercompare.render.plain import render_plain
from careercompare.render.rich_format import render_rich
from careercompare.results.base import ViewResult
from careercompare.results.serialize import result_data
from careercompare.terminal import make_console
from careercompare.views.areas import build_areas
from careercompare.views.datasets import build_data
from careercompare.views.faq import build_faq
from careercompare.views.local_wages import LocalArea
from careercompare.views.outlook import build_outlook
from careercompare.views.paths import build_paths
from careercompare.views.roles import build_roles
from careercompare.views.salary import build_salary
from careercompare.views.show import build_show
from careercompare.views.table import build_table
from careercompare.views.wages import AreaRanking, build_wages
from careercompare.wages.choices import AreaKind, WageSort
from careercompare.wages.datasets import bundled_wages
from tests.conftest import bundled_index

pytestmark = pytest.mark.shipped


@pytest.fixture(scope="module")
def shipped() -> CatalogIndex:
    return bundled_index()


def _view(index: CatalogIndex, name: str) -> ViewResult:
    """The views a person sees first: each with the catalog's default roles."""
    roles = index.resolve_roles([])
    views = {
        "table": lambda: build_table(index, roles),
        "salary": lambda: build_salary(index, roles, local=_national()),
        "outlook": lambda: build_outlook(index, roles),
        "faq": lambda: build_faq(index, []),
        "show": lambda: build_show(index, index.resolve_role("ma")),
    }
    return views[name]()


def _national() -> LocalArea:
    """The U.S. figures `salary` shows beside the catalog's when no area is given."""
    return LocalArea.resolve(bundled_wages(), [])


FIRST_VIEWS = ("table", "salary", "outlook", "faq", "show")


@pytest.mark.parametrize("name", FIRST_VIEWS)
def test_json_names_only_cited_sources_numbered_from_one(shipped: CatalogIndex, name: str) -> None:
    result = _view(shipped, name)
    text = json.dumps(result_data(result))
    cited = [source["id"] for source in result_data(result)["sources"]]
    mentioned = set(re.findall(r'"source": "([a-z0-9-]+)"', text))
    assert mentioned <= set(cited)
    assert [s["number"] for s in result_data(result)["sources"]] == list(range(1, len(cited) + 1))


@pytest.mark.parametrize("name", FIRST_VIEWS)
def test_plain_output_is_ascii_without_escape_codes_or_box_drawing(
    shipped: CatalogIndex, name: str
) -> None:
    out = render_plain(_view(shipped, name).shown_blocks())
    assert out.isascii()
    assert "\x1b" not in out
    assert not set("─│╭╮") & set(out)


@pytest.mark.parametrize("name", ["table", "salary", "outlook", "faq"])
def test_csv_has_a_header_and_whole_records_with_source_numbers(
    shipped: CatalogIndex, name: str
) -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv(_view(shipped, name).records()))))  # type: ignore[attr-defined]
    assert rows and all(None not in row for row in rows)
    assert any(key.endswith("source_number") for key in rows[0])


def test_the_table_has_a_record_per_category_and_role(shipped: CatalogIndex) -> None:
    records = _view(shipped, "table").records()  # type: ignore[attr-defined]
    assert len(records) == 20
    median = next(
        r for r in records if r["category"] == "median-pay" and r["role_id"] == "medical-assistant"
    )
    assert (median["value"], median["source"]) == ("$45,690 a year", "bls-oews-may2025")
    markdown = render_markdown(_view(shipped, "table").blocks())
    rows = [line for line in markdown.splitlines() if line.startswith("| ")]
    assert len(rows) == 12  # header, delimiter row and ten categories
    assert all(line.count(" | ") == 2 for line in rows)


def test_salary_hourly_shows_published_values_and_derives_none(shipped: CatalogIndex) -> None:
    result = build_salary(shipped, shipped.resolve_roles([]), hourly=True, local=_national())
    out = render_plain(result.blocks())
    assert "median | $21.97 an hour | May 2025 | U.S., 817,870 jobs" in out
    assert "median | no hourly figure published | May 2024 | the whole occupation" in out
    assert "average | no hourly figure published | not stated | not stated" in out
    assert "2,080" not in out and "estimate" not in out.replace("estimates", "")


def test_salary_says_where_sources_disagree_about_who_pays_more(shipped: CatalogIndex) -> None:
    [sentence] = result_data(_view(shipped, "salary"))["disagreements"]
    assert "Indeed averages put Medical assistant $6,500 higher" in sentence
    assert "medians (May 2024) are nearly equal" in sentence


def test_salary_json_carries_unit_period_and_source_of_each_figure(
    shipped: CatalogIndex,
) -> None:
    data = result_data(build_salary(shipped, [shipped.resolve_role("ma")]))
    median = next(f for f in data["roles"][0]["salary"] if f["id"] == "bls-ep-2024-34-median")
    assert median["amount"] == 44200
    assert (median["currency"], median["per"], median["as_of"]) == ("USD", "year", "May 2024")
    assert median["source"] == "bls-ep-2024-34"
    assert median["hourly_equivalent"] == {
        "amount": None,
        "low": None,
        "high": None,
        "estimate": False,
    }


def test_outlook_lists_the_newest_projection_first_and_labels_the_rest(
    shipped: CatalogIndex,
) -> None:
    result = build_outlook(shipped, [shipped.resolve_role("ma")])
    data = result_data(result)
    labels = [(f["id"], f["label"]) for f in data["roles"][0]["outlook"]]
    assert labels == [
        ("bls-ep-2024-34", "newest projection"),
        ("ma-fhca-bls-through-2032", "secondhand"),
        ("ma-fhca-about-15", "no period stated"),
    ]
    (report,) = data["roles"][0]["outlook"][0]["reported_as"]
    assert (report["id"], report["percent"]) == ("ma-fhca-bls-through-2034", 12.5)
    out = render_plain(result.blocks())  # the same projection reported twice is one row
    assert (
        "+12.5% (2024-2034); reported as +12.5% (through 2034; "
        "the start of the period is not given) [2]"
    ) in out
    assert out.count("reported as") == 1


def test_faq_filters_by_all_words(shipped: CatalogIndex) -> None:
    data = result_data(build_faq(shipped, ["PAYS", "more"]))
    assert [(e["number"], e["id"]) for e in data["entries"]] == [(3, "pay")]


def test_every_view_ends_with_its_numbered_sources(shipped: CatalogIndex) -> None:
    out = render_plain(_view(shipped, "salary").blocks())
    tail = out.split("\nSources\n-------\n")[1].splitlines()
    assert tail[0].startswith("[1] Occupational Employment and Wage Statistics (OEWS), May 2025")
    assert tail[1].startswith("[2] Employment Projections 2024-34: Table 1.2")
    assert tail[2].startswith("[3] Indeed salary figures")
    assert "Reported in [4] (published 2026-01-28); original date not given." in tail[2]
    assert tail[3].startswith("[4] Medical Assistant vs Medical Office Assistant")


def test_a_role_of_several_occupations_has_a_record_for_each(shipped: CatalogIndex) -> None:
    records = build_paths(shipped, shipped.resolve_role("ma")).records()
    doctors = [r for r in records if r["role_id"] == "physicians-and-surgeons"]
    assert [r["occupation"] for r in doctors] == ["29-1210", "29-1240"]
    for row in doctors:
        assert isinstance(row["median_pay"], int | float)
        assert isinstance(row["pay_difference_base"], int | float)
        assert row["pay_difference"] == row["median_pay"] - row["pay_difference_base"]
        assert row["median_pay_as_of"] == "May 2025" and row["outlook_period"] == "2024-2034"


def _width_views(index: CatalogIndex) -> list[ViewResult]:
    db = bundled_wages()
    ma, moa, np = (index.resolve_role(name) for name in ("ma", "moa", "np"))
    five = index.resolve_roles(["ma", "moa", "rn", "np", "lpn"])
    return [
        build_table(index, index.resolve_roles([])),
        build_table(index, five),
        build_roles(index, []),
        build_outlook(index, index.resolve_roles([])),
        build_salary(index, [ma, np], local=LocalArea.resolve(db, ["FL"])),
        build_show(index, ma),
        build_wages(index, db, [ma], area=[], ranking=AreaRanking(top=3), sort=WageSort.MEDIAN),
        build_wages(
            index,
            db,
            [ma, moa, np],
            area=["tampa"],
            ranking=AreaRanking(),
            sort=WageSort.MEDIAN,
        ),
        build_areas(db.release, db.areas, search=[], kind=AreaKind.STATE, state=None),
        build_data("roles.json", None, [db]),
    ]


@pytest.mark.parametrize("width", range(40, 201, 8))
def test_no_table_is_ever_cropped_at_any_width(shipped: CatalogIndex, width: int) -> None:
    for result in _width_views(shipped):
        out = io.StringIO()
        render_rich(result.shown_blocks(), make_console(out, width=width))
        for line in out.getvalue().splitlines():
            if line.startswith(("╭", "│", "├", "╰")):
                assert cell_len(line) <= width, (result.VIEW, line)
                assert line.endswith(("╮", "│", "┤", "╯")), (width, result.VIEW, line)


def _ranking(index: CatalogIndex, role: str, sort: WageSort, **asked: Any) -> dict[str, Any]:
    db = bundled_wages()
    ranking = AreaRanking(**asked)
    result = build_wages(index, db, [index.resolve_role(role)], area=[], ranking=ranking, sort=sort)
    return result_data(result)


def _side(index: CatalogIndex, roles: list[str], area: list[str], sort: WageSort) -> dict[str, Any]:
    db = bundled_wages()
    chosen = [index.resolve_role(role) for role in roles]
    result = build_wages(index, db, chosen, area=area, ranking=AreaRanking(), sort=sort)
    return result_data(result)


def test_wages_ranks_states_by_median_highest_first(shipped: CatalogIndex) -> None:
    (ranking,) = _ranking(shipped, "ma", WageSort.MEDIAN)["rankings"]
    medians = [e["estimate"]["annual"]["median"]["value"] for e in ranking["highest"]]
    assert medians == sorted(medians, reverse=True)
    assert ranking["highest"][0]["estimate"]["area"]["title"] == "Washington"
    assert ranking["ranked"] == 54 and ranking["lowest"] == []


def test_wages_ranks_metros_in_a_state_by_any_key(shipped: CatalogIndex) -> None:
    data = _ranking(shipped, "ma", WageSort.EMPLOYMENT, by=AreaKind.METRO, within="FL")
    entries = data["rankings"][0]["highest"]
    assert entries and all("FL" in e["estimate"]["area"]["state"] for e in entries)
    jobs = [e["estimate"]["employment"]["value"] for e in entries]
    assert jobs == sorted(jobs, reverse=True)


def test_wages_shows_the_top_and_bottom(shipped: CatalogIndex) -> None:
    db = bundled_wages()
    result = build_wages(
        shipped,
        db,
        [shipped.resolve_role("ma")],
        area=[],
        ranking=AreaRanking(top=3),
        sort=WageSort.MEDIAN,
    )
    out = render_plain(result.blocks())
    assert "Where it pays most" in out and "Where it pays least" in out
    assert "1 | Washington | $59,290" in out
    assert "54 | Guam | $33,570" in out


def test_lower_bounds_share_the_first_rank_apart_from_exact_figures(
    shipped: CatalogIndex,
) -> None:
    [ranking] = _ranking(shipped, "29-1151", WageSort.MEDIAN, by=AreaKind.METRO)["rankings"]
    entries = ranking["highest"]
    bounded = [e for e in entries if e["estimate"]["annual"]["median"]["at_least"]]
    exact = [e for e in entries if not e["estimate"]["annual"]["median"]["at_least"]]
    assert bounded and all(e["rank"] == 1 for e in bounded)
    assert entries[: len(bounded)] == bounded  # the group comes first
    assert exact[0]["rank"] == len(bounded) + 1


def test_side_by_side_roles_follow_the_sort_asked_for(shipped: CatalogIndex) -> None:
    data = _side(shipped, ["ma", "moa", "lpn"], ["tampa"], WageSort.P90)
    p90 = [row["estimate"]["annual"]["pct90"]["value"] for row in data["side_by_side"]]
    assert p90 == sorted(p90, reverse=True) and data["sort"] == "p90"


def test_side_by_side_shows_the_detailed_occupations_bls_publishes_for_a_broad_one(
    shipped: CatalogIndex,
) -> None:
    # OEWS publishes 29-1210 Physicians and 29-1240 Surgeons for the nation only
    data = _side(shipped, ["ma", "physicians and surgeons"], ["FL", "tampa"], WageSort.MEDIAN)
    assert data["notes"][:2] == [
        "Physicians and surgeons: BLS publishes no May 2025 estimate of 29-1210, 29-1240 in "
        "Florida; shown instead are the 15 detailed occupations within them that it publishes "
        "there.",
        "Physicians and surgeons: BLS publishes no May 2025 estimate of 29-1210, 29-1240 in "
        "Tampa-St. Petersburg-Clearwater, FL; shown instead are the 12 detailed occupations "
        "within them that it publishes there.",
    ]
    rows = data["side_by_side"]
    physicians = [r for r in rows if r["role"]["id"] == "physicians-and-surgeons"]
    assert len(physicians) == 15 + 12
    codes = {r["estimate"]["occupation_code"] for r in physicians}
    assert "29-1215" in codes and "29-1211" in codes and not codes & {"29-1210", "29-1240"}
    family = next(
        r["estimate"] for r in physicians if r["estimate"]["occupation_code"] == "29-1215"
    )
    assert family["area"]["code"] == "12" and family["annual"]["median"]["value"] == 227_700
    assert sum(r["role"]["id"] == "medical-assistant" for r in rows) == 2
    # named by their occupations, not by the role, in every format
    out = io.StringIO()
    render_rich(build_wages(
        shipped, bundled_wages(), [shipped.resolve_role("physicians and surgeons")],
        area=["FL"], ranking=AreaRanking(), sort=WageSort.MEDIAN,
    ).shown_blocks(), make_console(out, width=120))  # fmt: skip
    assert "Family Medicine Physicians (29-1215)" in out.getvalue()
    # what the rows stand for is said before them; how precise they are, after
    plain = render_plain(build_wages(
        shipped, bundled_wages(), [shipped.resolve_role("physicians and surgeons")],
        area=["FL"], ranking=AreaRanking(), sort=WageSort.MEDIAN,
    ).shown_blocks())  # fmt: skip
    rows = plain.index("Role | Median")
    assert plain.index("shown instead are the 15 detailed occupations") < rows
    assert plain.index("Anesthesiologists, Florida: less precise employment") > rows


def test_a_reason_for_growth_from_an_older_edition_says_which_projections_it_explained(
    shipped: CatalogIndex,
) -> None:
    aide = shipped.resolve_role("nursing-assistant")
    outlook = render_plain(build_outlook(shipped, [aide]).blocks())
    assert "+2.3% (2024-2034)" in outlook
    reason = "will be needed to assist and care for elderly patients"
    assert f"{reason} (the reason given for the projections of 2016-2026) [2]" in outlook
    show = render_plain(build_show(shipped, aide).blocks())
    assert f"{reason} (the reason given for the projections of 2016-2026)" in show
    current = render_plain(build_outlook(shipped, [shipped.resolve_role("moa")]).blocks())
    assert "growth of the healthcare industry [" in current  # a current edition's: no period


@pytest.mark.parametrize("role", ["ma", "moa"])
def test_each_certification_reads_as_sentences(shipped: CatalogIndex, role: str) -> None:
    shown = build_show(shipped, shipped.resolve_role(role))
    certifications = render_plain(shown.blocks()).split("Certifications\n")[1].split("\n\n")[0]
    lines = certifications.splitlines()[1:]
    assert lines
    for line in lines:
        text = re.sub(r" \[\d+\]$", "", line)  # its source
        status, _, eligibility = text.partition(" Who may sit: ")
        assert status.endswith(".") and eligibility.endswith("."), line
        assert ".." not in text, line


def test_show_points_to_what_the_sources_say_of_certification_where_they_name_none(
    shipped: CatalogIndex,
) -> None:
    from careercompare.results.blocks import Heading, Paragraph
    from careercompare.results.inline import plain

    def certification_body(role: str) -> str:
        blocks = build_show(shipped, shipped.resolve_role(role)).blocks()
        at = {plain(b.text): n for n, b in enumerate(blocks) if isinstance(b, Heading)}
        if "Certifications" not in at:  # nothing said: named once with the other gaps
            gaps = blocks[at["Not in the sources"] + 1]
            assert isinstance(gaps, Paragraph) and "certifications" in plain(gaps.text)
            return "not in the sources"
        body = blocks[at["Certifications"] + 1]
        return plain(body.text) if isinstance(body, Paragraph) else type(body).__name__

    # the handbook speaks of certification but names none: said, and where to read it
    assert certification_body("phlebotomist") == (
        "None named in the sources; what they say of certification is under Education and "
        "training above."
    )
    assert certification_body("ma") == "BulletList"  # CMA, CCMA... named
    assert certification_body("29-1292") == "not in the sources"  # nothing said at all


def test_outlook_draws_a_declining_occupation_below_zero(shipped: CatalogIndex) -> None:
    from careercompare.results.blocks import BarChart

    result = build_outlook(shipped, shipped.resolve_roles(["moa", "43-4051"]))
    [chart] = [b for b in result.blocks() if isinstance(b, BarChart)]
    rising, falling = chart.bars
    assert (rising.low, rising.high) == (0.0, 4.2)
    assert (falling.low, falling.high) == (-5.5, 0.0)  # customer service representatives
    assert chart.start == -10.0 and chart.end == 10.0
