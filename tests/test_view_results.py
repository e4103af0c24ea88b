"""Each view's result, built straight from a small test catalog: facts, order and sources."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from careercompare.catalog.index import CatalogIndex
from careercompare.catalog.loader import load_catalog
from careercompare.errors import UsageError
from careercompare.render.formats import FORMATS
from careercompare.results.base import CitingResult, Tabular, ViewResult
from careercompare.results.inline import Gap
from careercompare.results.serialize import result_data
from careercompare.views.faq import build_faq
from careercompare.views.match import build_match
from careercompare.views.outlook import build_outlook
from careercompare.views.paths import build_paths
from careercompare.views.roles import build_roles
from careercompare.views.salary import build_salary
from careercompare.views.show import build_show
from careercompare.views.table import build_table

MINI = Path(__file__).parent / "data" / "mini-catalog.json"


@pytest.fixture(scope="module")
def index() -> CatalogIndex:
    return CatalogIndex(load_catalog(MINI))


def every_result(index: CatalogIndex) -> list[ViewResult]:
    alpha, beta, gamma = index.catalog.roles
    return [
        build_table(index, [alpha, beta]),
        build_salary(index, [alpha, beta, gamma]),
        build_outlook(index, [alpha, beta]),
        build_faq(index, []),
        build_show(index, alpha),
        build_paths(index, alpha),
        build_roles(index, []),
        build_match(index, {"hands-on": "yes"}),
    ]


def test_table_cells_hold_the_headline_figures_with_their_sources(index: CatalogIndex) -> None:
    alpha, beta, _ = index.catalog.roles
    result = build_table(index, [alpha, beta])
    cells = {row.category: [cell.text for cell in row.cells] for row in result.rows}
    assert cells["focus"] == ["Patients", Gap("not in sources")]
    assert cells["median-pay"] == ["$40,000 a year (May 2024)", "$40,500 a year (May 2024)"]
    assert cells["outlook"][0] == "+12% (2024-2034), much faster than average"
    assert [note.role.id for note in result.occupation_notes] == ["beta"]


def test_sources_are_numbered_in_the_order_they_are_shown(index: CatalogIndex) -> None:
    for result in every_result(index):
        if not isinstance(result, CitingResult):
            continue
        text = "\n".join(str(block) for block in result.blocks())
        firsts = [text.find(f"[{cited.number}]") for cited in result.sources]
        shown = [position for position in firsts if position >= 0]
        assert shown == sorted(shown), result.VIEW


def test_a_secondhand_source_brings_its_reporter_into_the_list(index: CatalogIndex) -> None:
    result = build_salary(index, [index.catalog.roles[0]])
    ids = [cited.source.id for cited in result.sources]
    assert ids.index("article") == ids.index("board-via-article") + 1


def test_salary_compares_sources_that_disagree_about_who_pays_more(index: CatalogIndex) -> None:
    alpha, beta, _ = index.catalog.roles
    (sentence,) = build_salary(index, [alpha, beta]).disagreements
    assert "Test Office medians (May 2024) are nearly equal" in sentence
    assert "Test Board averages put Alpha aide $15,000 higher" in sentence
    # the verb is the sentence's, whatever the number of the names ('Physicians and surgeons')
    assert sentence.startswith(f"Sources disagree on which pays more, {alpha.name} or {beta.name}:")


def test_outlook_puts_the_newest_firsthand_projection_first(index: CatalogIndex) -> None:
    (alpha,) = build_outlook(index, [index.catalog.roles[0]]).roles
    labels = [(p.figure.id, p.label) for p in alpha.outlook]
    assert labels == [
        ("alpha-new", "newest projection"),
        ("alpha-old", "older projection"),
        ("alpha-said", "secondhand"),
    ]


def test_faq_without_a_match_is_a_usage_error(index: CatalogIndex) -> None:
    assert [item.number for item in build_faq(index, ["training"]).entries] == [2]
    with pytest.raises(UsageError, match="no question or answer matches 'xyzzy'"):
        build_faq(index, ["xyzzy"])


def test_paths_expand_each_role_once_and_mark_repeats(index: CatalogIndex) -> None:
    result = build_paths(index, index.catalog.roles[0])
    beta, gamma_again, outside = result.steps
    assert beta.role is not None and beta.role.id == "beta" and beta.facts is not None
    assert beta.facts.pay_difference is not None and beta.facts.pay_difference.amount == 500
    (gamma,) = beta.steps
    assert gamma.facts is not None and gamma.facts.pay_difference is not None
    assert gamma.facts.pay_difference.at_least
    assert [step.seen_above for step in gamma.steps] == [True]  # back to alpha is left out
    assert gamma_again.seen_above and gamma_again.steps == ()
    assert outside.outside_catalog and outside.notes == ("Not named further",)


def test_paths_stay_small_when_every_role_leads_to_every_other() -> None:
    roles = [
        {
            "id": f"r{n}",
            "name": f"Role {n}",
            "career_paths": [
                {"label": f"to {m}", "role": f"r{m}", "source": "s"} for m in range(20) if m != n
            ],
        }
        for n in range(20)
    ]
    data = {
        "default_roles": ["r0"],
        "comparison_categories": [],
        "sources": [{"id": "s", "title": "S", "publisher": "P"}],
        "roles": roles,
    }
    from careercompare.catalog.loader import validate_catalog

    index = CatalogIndex(validate_catalog(json.dumps(data).encode(), name="dense.json"))
    result = build_paths(index, index.catalog.roles[0])
    assert len(json.dumps(result_data(result))) < 200_000
    assert len(result.records()) < 20 * 20


def test_roles_search_needs_every_word(index: CatalogIndex) -> None:
    assert [r.id for r in build_roles(index, ["alpha aides"]).roles] == ["alpha"]
    with pytest.raises(UsageError, match="no role matches 'nobody'"):
        build_roles(index, ["nobody"])


def test_match_scores_every_role_any_answer_can_move(index: CatalogIndex) -> None:
    result = build_match(index, {"hands-on": "yes"})
    assert [(r.role.id, r.score) for r in result.ranking] == [
        ("alpha", 2),
        ("gamma", 1),
        ("beta", 0),
    ]
    assert result.suggested_command == "careercompare table alpha gamma"


def test_json_is_the_result_with_a_version_and_its_sources_last(index: CatalogIndex) -> None:
    for result in every_result(index):
        data = json.loads(json.dumps(result_data(result)))
        keys = list(data)
        assert keys[:2] == ["version", "view"]
        assert data["version"] == result.JSON_VERSION and data["view"] == result.VIEW
        if isinstance(result, CitingResult):
            assert keys[-1] == "sources"
            assert [s["number"] for s in data["sources"]] == list(
                range(1, len(data["sources"]) + 1)
            )


def test_flattened_models_keep_their_own_keys(index: CatalogIndex) -> None:
    data = result_data(build_salary(index, [index.catalog.roles[0]]))
    first = data["roles"][0]["salary"][0]
    assert first["id"] == "alpha-median" and first["amount"] == 40000
    assert first["hourly_equivalent"] == {
        "amount": 19.23,
        "low": None,
        "high": None,
        "estimate": False,
    }


def test_which_formats_a_view_offers_follows_from_its_result(index: CatalogIndex) -> None:
    for result in every_result(index):
        offered = {f.name for f in FORMATS if f.supports(result)}
        assert ("csv" in offered) == isinstance(result, Tabular)
        assert {"rich", "plain", "markdown", "html", "svg", "json"} <= offered
    assert not isinstance(build_show(index, index.catalog.roles[0]), Tabular)


def test_records_have_the_same_keys_in_every_row(index: CatalogIndex) -> None:
    for result in every_result(index):
        if isinstance(result, Tabular):
            rows = result.records()
            assert rows, result.VIEW
            assert all(list(row) == list(rows[0]) for row in rows)


def test_a_role_without_a_summary_says_what_it_does_in_onets_words(run: Any) -> None:
    out = run("show", "cardio", "--format", "plain").stdout
    assert out.splitlines()[2].startswith(
        "Conduct tests on pulmonary or cardiovascular systems of patients"
    )
    assert "O*NET 29.3 Database by USDOL/ETA, used under CC BY 4.0" in out
    assert "Main tasks" in out and "preparation (O*NET job zone): Job Zone Three" in out


def test_tasks_stand_for_the_duties_no_empty_duties_section_above_them() -> None:
    from careercompare.results.blocks import Heading
    from tests.conftest import bundled_index

    shipped = bundled_index()

    def headings(name: str) -> list[str]:
        result = build_show(shipped, shipped.resolve_role(name))
        return [str(b.text) for b in result.blocks() if isinstance(b, Heading) and b.level == 2]

    optician = headings("opticians-dispensing")  # an occupation of the tables only
    assert "Main tasks" in optician and "Duties" not in optician
    assert headings("ma")[1:3] == ["Duties", "Main tasks"]  # the FHCA article's, then O*NET's


def test_an_occupation_without_aliases_is_also_called_by_onets_reported_titles() -> None:
    from careercompare.results.blocks import FieldList
    from careercompare.results.inline import plain
    from tests.conftest import bundled_index

    shipped = bundled_index()
    supervisors = build_show(shipped, shipped.resolve_role("43-1011"))
    assert "Administrative Supervisor" in supervisors.reported_titles
    assert len(set(supervisors.reported_titles)) == len(supervisors.reported_titles) == 10
    [fields] = [b for b in supervisors.blocks() if isinstance(b, FieldList)][:1]
    called = plain(dict(fields.pairs)["Also called"])
    number = supervisors.number(supervisors.reported_titles_source)
    assert called.endswith(
        f"Staff Services Manager (O*NET's sample of reported job titles) [{number}]"
    )
    assert supervisors.reported_titles_source.startswith("onet-")
    ma = build_show(shipped, shipped.resolve_role("ma"))  # the catalog's own names stand
    assert ma.reported_titles == () and ma.reported_titles_source is None


def test_an_imported_occupation_gets_its_onet_description(run: Any, tmp_path: Path) -> None:
    from tests.test_import_bls import ROWS, export

    catalog = tmp_path / "imported.json"
    assert run("import-bls", str(export(tmp_path, ROWS)), "-o", str(catalog)).exit_code == 0
    out = run("--data", str(catalog), "show", "actors", "--format", "plain").stdout
    from careercompare.occupations.datasets import bundled_occupations

    profile = bundled_occupations().profile("27-2011")
    assert profile is not None
    assert profile.description in " ".join(out.split())


def test_a_short_name_heads_the_table_and_the_full_name_stays_in_show(run: Any) -> None:
    table = run("table", "ma", "np", "--format", "plain").stdout
    assert "| Nurse practitioner, midwife or anesthetist |" in table
    show = run("show", "np", "--format", "plain").stdout
    assert show.startswith("Nurse anesthetists, nurse midwives, and nurse practitioners\n")


def test_the_wages_legend_explains_only_the_columns_and_ranks_shown() -> None:
    from careercompare.results.blocks import Paragraph, Records
    from careercompare.results.inline import plain
    from tests.results import build

    for view, ranked in (("wages-ranking", True), ("wages-fl-ga", False)):
        blocks = build(view).blocks()
        shown = {name for b in blocks if isinstance(b, Records) for name in b.columns}
        legend = next(
            plain(b.text) for b in blocks if isinstance(b, Paragraph) and "Wages a" in plain(b.text)
        )
        assert ("LQ: location quotient." in legend) == ("LQ" in shown) == ranked, view
        assert ("share the first rank" in legend) == ranked, view
        assert "10th-90th: the 10th to 90th percentile wage." in legend


def test_show_names_the_sections_no_source_speaks_to_once_not_one_empty_section_each() -> None:
    from careercompare.results.blocks import Heading, Paragraph
    from careercompare.results.inline import plain
    from tests.results import build

    blocks = build("show").blocks()
    headings = [plain(b.text) for b in blocks if isinstance(b, Heading)]
    assert headings[-1] == "Not in the sources"
    for empty in ("Skills", "Work settings", "Certifications", "Choose this role if"):
        assert empty not in headings
    gaps = blocks[[n for n, b in enumerate(blocks) if isinstance(b, Heading)][-1] + 1]
    assert isinstance(gaps, Paragraph)
    named = plain(gaps.text).rstrip(".").split("; ")
    assert named[0] == "Skills" and "certifications" in named and "choose this role if" in named
    # no heading stands over a bare 'not in sources' any more
    for heading, body in pairwise(blocks):
        if isinstance(heading, Heading) and isinstance(body, Paragraph):
            assert plain(body.text) != "not in sources", plain(heading.text)


def test_a_result_names_its_view_and_json_version_in_its_class_statement() -> None:
    class Probe(CitingResult, view="probe", json_version=3, glossary_hint=False):
        pass

    assert (Probe.VIEW, Probe.JSON_VERSION, Probe.GLOSSARY_HINT) == ("probe", 3, False)
    data = result_data(Probe(sources=()))
    assert (data["version"], data["view"]) == (3, "probe")
    with pytest.raises(TypeError, match="go with view="):

        class Unnamed(CitingResult, json_version=2):
            pass
