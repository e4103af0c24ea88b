"""Renderers on hand-built blocks, and the format registry they are listed in."""

from __future__ import annotations

import importlib
import io
import json
import re
from dataclasses import dataclass
from typing import Any

import pytest

from careercompare.render.csv_format import render_csv
from careercompare.render.formats import FORMATS, extensions, format_for_extension
from careercompare.render.markdown import render_markdown
from careercompare.render.plain import render_plain
from careercompare.render.rich_format import render_rich
from careercompare.results.base import CsvValue, ViewResult
from careercompare.results.blocks import (
    BLOCK_TYPES,
    Bar,
    BarChart,
    Block,
    BulletList,
    Comparison,
    FieldList,
    Heading,
    Paragraph,
    Records,
    SourceList,
    TreeNode,
)
from careercompare.results.inline import Bound, Cite, Gap, Runs, join_text, plain
from careercompare.terminal import Terminal, make_console

ONE_OF_EACH: tuple[Block, ...] = (
    Heading("Title"),
    Paragraph("Some text ≥ 1 [1]"),
    Paragraph("A note", note=True),
    BulletList(("first", "second")),
    BulletList(("one",), numbered=True),
    FieldList((("Id", "alpha"),)),
    Comparison("Category", ("Alpha", "Beta"), (("Pay", ("$1", "$2")),)),
    Records(("Figure", "Amount"), (("median", "$40,000"),)),
    BarChart((Bar("Alpha", 10.0, 30.0, 20.0, "range"),), 0.0, 40.0, "$"),
    TreeNode("Root", (TreeNode("Child", (TreeNode("Grandchild"),)),)),
    SourceList(("A source. https://example.org/a",)),
)


@dataclass(frozen=True)
class Sample(ViewResult, view="sample"):
    """A result of one block of every type, with records."""

    title: str = "Title"

    def blocks(self) -> tuple[Block, ...]:
        return ONE_OF_EACH

    def records(self) -> list[dict[str, CsvValue]]:
        return [{"figure": "median", "amount": 40000.0}]


def test_the_sample_holds_every_block_type() -> None:
    assert {type(block) for block in ONE_OF_EACH} == set(BLOCK_TYPES)


@pytest.mark.parametrize("chosen", FORMATS, ids=lambda f: f.name)
def test_every_format_renders_every_block_type(chosen: object) -> None:
    from careercompare.render.formats import Format

    assert isinstance(chosen, Format)
    text = chosen.render(Sample(), Terminal(stdout=io.StringIO()))
    assert text
    if chosen.name in ("rich", "plain", "markdown", "html", "svg"):
        for word in ("Title", "first", "Beta", "median", "Alpha", "Grandchild", "source"):
            assert word in text, (chosen.name, word)


def test_every_format_module_has_a_render_function() -> None:
    for chosen in FORMATS:
        assert callable(importlib.import_module(chosen.module).render), chosen.name


def test_format_names_and_extensions_are_unique() -> None:
    names = [f.name for f in FORMATS]
    assert len(set(names)) == len(names)
    assert len(set(extensions())) == len(extensions())
    assert format_for_extension(".MD") is not None
    assert format_for_extension(".docx") is None


def test_plain_is_ascii_one_fact_per_line() -> None:
    text = render_plain(ONE_OF_EACH)
    assert text.isascii()
    assert text.splitlines()[:6] == [
        "Title",
        "=====",
        "Some text >= 1 [1]",
        "Note: A note",
        "- first",
        "- second",
    ]
    assert "Pay | Beta | $2" in text
    assert "  [...............===============|==============...............]" in text
    assert "[1] A source. https://example.org/a" in text


def test_markdown_escapes_text_and_keeps_addresses_whole() -> None:
    text = render_markdown(
        (
            Paragraph("*not bold* <b> see https://x.example/a|INJECTED|cell"),
            Records(("A", "B"), (("x|y", "https://x.example/|z"),)),
        )
    )
    assert "\\*not bold\\* \\<b\\>" in text
    assert "<https://x.example/a>\\|INJECTED\\|cell" in text
    row = text.splitlines()[-1]
    assert row == "| x\\|y | <https://x.example/>\\|z |"
    assert row.replace("\\|", "").count("|") == 3


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("6.658", "6.658"),  # a number is not a list item: no escape to show as a backslash
        ("1. first", "1\\. first"),
        ("12) twelfth", "12\\) twelfth"),
        ("- a dash", "\\- a dash"),
        ("> quoted", "\\> quoted"),
    ],
)
def test_markdown_escapes_what_would_start_a_list_or_quote_with_a_valid_escape(
    text: str, shown: str
) -> None:
    assert render_markdown((Paragraph(text),)) == shown + "\n"
    assert not re.search(r"\\\d", render_markdown((Records(("A",), ((text,),)),)))


def test_rich_draws_a_table_when_it_fits_and_stacks_when_not() -> None:
    rows = (("Pay", ("$40,000", "$50,000")), ("Growth", ("+5%", "+9%")))
    block = Comparison("Category", ("Alpha", "Beta"), rows)
    wide, narrow = io.StringIO(), io.StringIO()
    render_rich((block,), make_console(wide, width=80))
    render_rich((block,), make_console(narrow, width=20))
    assert "│ Pay" in wide.getvalue() and "$50,000" in wide.getvalue()
    assert "│" not in narrow.getvalue()
    # each category in turn, every role's cell under it, a blank line between categories
    stacked = ["Pay", "Alpha:", "  $40,000", "Beta:", "  $50,000", "", "Growth", "Alpha:"]
    assert narrow.getvalue().splitlines()[:8] == stacked
    assert all(len(line) <= 20 for line in narrow.getvalue().splitlines())


def test_stacked_records_are_set_apart_from_what_follows_by_one_blank_line() -> None:
    records = Records(("Projection", "Growth"), (("newest projection", "+12.1% (2024-2034)"),))
    for after in (Heading("Where it leads", 2), Paragraph("What drives growth:")):
        shown = io.StringIO()
        render_rich((Heading("Outlook", 2), records, after), make_console(shown, width=24))
        lines = shown.getvalue().splitlines()
        assert "│" not in shown.getvalue()  # stacked, one field under another
        assert "\n\n\n" not in shown.getvalue()
        assert lines[-2:] == ["", plain(after.text)]


def test_a_source_marker_is_never_alone_at_the_start_of_a_line() -> None:
    from rich.text import Text

    from careercompare.render.rich_format import wrap_words

    cell = "Clinics, hospitals, specialty practices [1]"
    lines = [line.plain for line in wrap_words(Text(cell), 40)]
    assert lines == ["Clinics, hospitals, specialty", "practices [1]"]
    block = Comparison("Category", ("Alpha", "Beta"), (("Work settings", (cell, "Offices [2]")),))
    for width in (52, 53, 54, 55, 73, 74, 75):  # where Rich left '[1]' alone on a line
        out = io.StringIO()
        render_rich((block,), make_console(out, width=width))
        cells = [part.strip() for line in out.getvalue().splitlines() for part in line.split("│")]
        assert "[1]" not in cells and "[2]" not in cells, (width, out.getvalue())
    said = "Medical assistants have stronger job growth and advancement opportunities. [1]"
    for width in (37, 38, 39, 40, 74, 75, 76, 77):  # where Rich left it alone in a paragraph
        out = io.StringIO()
        render_rich((Paragraph(said), Heading(said, 2)), make_console(out, width=width))
        lines = out.getvalue().splitlines()
        assert not any(line.startswith("[1]") for line in lines), (width, lines)
        assert " ".join(" ".join(lines).split()) == f"{said} {said}"
    tree = TreeNode("Root", (TreeNode("Step", (TreeNode(said),)),))
    for width in range(30, 90):  # a node's lines are as wide as its guides leave
        out = io.StringIO()
        render_rich((tree,), make_console(out, width=width))
        lines = [line.strip(" │├└─") for line in out.getvalue().splitlines()]
        assert not any(line.startswith("[1]") for line in lines), (width, lines)


def test_polished_widths_are_never_worse_and_no_one_move_betters_them() -> None:
    import random
    from itertools import permutations

    from careercompare.render.column_widths import Fitting

    rng = random.Random(7)
    words = ["care", "patients", "hospitals", "[1]", "$45,690", "a", "year", "(May", "2025)"]
    for _ in range(40):
        columns = [
            [" ".join(rng.choices(words, k=rng.randint(1, 12))) for _ in range(6)]
            for _ in range(rng.randint(2, 4))
        ]
        fitting = Fitting(columns)
        minimums = [max(len(w) for t in c for w in t.split()) for c in columns]
        wanted = [max(len(t) for t in c) for c in columns]
        start = [max(m, w // 2) for m, w in zip(minimums, wanted, strict=True)]
        done = fitting.polished(start, minimums, wanted)
        assert sum(done) == sum(start)
        assert done == start or fitting.better(done, start)
        for giver, taker in permutations(range(len(done)), 2):
            trial = list(done)
            trial[giver] -= 1
            trial[taker] += 1
            if trial[giver] >= minimums[giver] and trial[taker] <= wanted[taker]:
                assert not fitting.better(trial, done), (columns, done, trial)


def test_short_figures_stay_whole_beside_a_column_of_sentences() -> None:
    # shared in proportion to the longest lines, the sentences' column took the room and
    # every figure beside it broke in two; fitted, the figures keep their line
    sentence = "Yes: basic care for patients in hospitals and residents of long-term care " * 2
    rows = tuple(
        (label, (f"${n},690 a year (May 2025) [5]", sentence if n % 2 else "Yes [1]"))
        for n, label in enumerate(("Pay", "Pay in Florida", "Pay in Georgia", "Care"), 40)
    )
    block = Comparison("Category", ("Medical assistant", "Nursing assistant"), rows)
    out = io.StringIO()
    render_rich((block,), make_console(out, width=100))
    lines = out.getvalue().splitlines()
    assert sum("a year (May 2025) [5]" in line for line in lines) == 4, "\n".join(lines)
    assert all(len(line) == 100 for line in lines)


@pytest.mark.parametrize("length", [37, 38, 39, 40])
def test_a_stacked_field_whose_word_fits_the_width_stays_within_it(length: int) -> None:
    # a file's path as long as the terminal is wide, under a label too long to sit beside
    path = "/" + "p" * (length - 1)
    block = FieldList((("A label of many words here", path), ("File", "short")))
    out = io.StringIO()
    render_rich((block,), make_console(out, width=40))
    lines = out.getvalue().splitlines()
    assert path in (line.strip() for line in lines) and "  short" in lines
    assert all(len(line.rstrip()) <= 40 for line in lines), lines


@pytest.mark.parametrize("length", [35, 36, 37, 38, 39, 40, 41])
def test_a_web_address_in_a_source_stays_whole_and_within_the_width_when_it_can(
    length: int,
) -> None:
    address = "https://example.org/" + "a" * (length - len("https://example.org/"))
    block = SourceList((f"A source of several words, then its address {address}",))
    out = io.StringIO()
    render_rich((block,), make_console(out, width=40))
    lines = out.getvalue().splitlines()
    assert address in (line.strip() for line in lines)  # whole, on a line of its own
    if length <= 40:
        assert all(len(line.rstrip()) <= 40 for line in lines), lines
    if length <= 36:  # room beside the markers: under the text it continues
        assert "    " + address in lines


@pytest.mark.parametrize("length", [37, 38, 39, 40])
def test_a_bar_labels_long_word_stays_within_the_width(length: int) -> None:
    word = "w" * length
    chart = BarChart((Bar("Alpha", 10.0, 30.0, 20.0, f"median in {word}"),), 0.0, 40.0, "$")
    out = io.StringIO()
    render_rich((chart,), make_console(out, width=40))
    lines = out.getvalue().splitlines()
    assert word in (line.strip() for line in lines)
    assert all(len(line.rstrip()) <= 40 for line in lines), lines


def test_rich_ascii_mode_uses_no_box_drawing() -> None:
    out = io.StringIO()
    render_rich(ONE_OF_EACH, make_console(out, width=60), ascii_only=True)
    assert "│" not in out.getvalue() and "█" not in out.getvalue()


def test_csv_quotes_formulas_and_keeps_a_header() -> None:
    text = render_csv([{"a": "=1+1", "b": None}, {"a": "plain", "b": 2}])
    assert text == "a,b\r\n'=1+1,\r\nplain,2\r\n"


def test_json_of_a_result_has_its_version_and_view() -> None:
    text = FORMATS[[f.name for f in FORMATS].index("json")].render(Sample(), Terminal())
    assert json.loads(text) == {"version": 1, "view": "sample", "title": "Title"}


def test_a_chart_has_round_ticks_and_a_legend_of_its_marks() -> None:
    chart = BarChart((Bar("Alpha", 10_000.0, 30_000.0, 20_000.0, "range"),), 0.0, 60_000.0)
    lines = render_plain((chart,)).splitlines()
    axis = lines[-2]
    for label in ("$0", "$20,000", "$40,000", "$60,000"):
        assert label in axis
    assert axis.rstrip().endswith("$60,000")
    assert lines[-1] == "== 10th-90th percentile or a range | median or one figure > at least"
    growth = BarChart((Bar("Alpha", 0.0, 12.0, None, "+12%"),), 0.0, 20.0, "%", ranges=False)
    shown = render_plain((growth,)).splitlines()
    assert "20%" in shown[-1] and "percentile" not in shown[-1]


def test_a_chart_from_zero_ends_at_the_first_step_no_value_passes() -> None:
    pay = BarChart.from_zero([Bar("A", 12_000.0, 41_000.0, 30_000.0, "")], 10_000.0)
    assert pay is not None and (pay.start, pay.end, pay.unit) == (0.0, 50_000.0, "$")
    mark_above = BarChart.from_zero([Bar("A", None, None, 50_001.0, "")], 10_000.0)
    assert mark_above is not None and mark_above.end == 60_000.0
    exact = BarChart.from_zero([Bar("A", 0.0, 20.0, None, "")], 10.0, "%", ranges=False)
    assert exact is not None and exact.end == 20.0 and not exact.ranges
    nothing_grows = BarChart.from_zero([Bar("A", 0.0, 0.0, None, "")], 10.0)
    assert nothing_grows is not None and nothing_grows.end == 10.0
    assert BarChart.from_zero([Bar("A", None, None, None, "")], 10.0) is None
    assert BarChart.from_zero([], 10.0) is None


def test_a_decline_is_drawn_to_the_left_of_zero_not_as_a_small_rise() -> None:
    bars = [Bar("Up", 0.0, 4.2, None, "+4.2%"), Bar("Down", -5.5, 0.0, None, "-5.5%")]
    chart = BarChart.from_zero(bars, 10.0, "%", ranges=False)
    assert chart is not None and (chart.start, chart.end) == (-10.0, 10.0)
    lines = render_plain((chart,)).splitlines()
    up, down, axis = lines[1], lines[3], lines[4]
    zero = axis.index(" 0%") + 1  # the column the scale's 0% is labelled at
    filled_up = [n for n, c in enumerate(up) if c == "="]
    filled_down = [n for n, c in enumerate(down) if c == "="]
    assert abs(min(filled_up) - zero) <= 1 and abs(max(filled_down) - zero) <= 1
    assert min(filled_down) < zero - 10  # -5.5% runs a quarter of the scale to the left
    assert axis.split()[0] == "-10%" and axis.split()[-1] == "10%"


def test_a_list_numbers_its_items_or_marks_them_in_every_format() -> None:
    numbered = BulletList(("one", "two"), numbered=True)
    assert list(numbered.marked()) == [("1.", "one"), ("2.", "two")]
    assert list(BulletList(("one",)).marked("*")) == [("*", "one")]
    assert render_plain((numbered,)).splitlines() == ["1. one", "2. two"]
    assert render_markdown((BulletList(("one",)),)) == "- one\n"


def test_a_range_whose_top_is_a_bound_runs_open_to_the_end_of_the_scale() -> None:
    chart = BarChart((Bar("Top", 10.0, 20.0, None, "at least", open_high=True),), 0.0, 40.0)
    bar = render_plain((chart,)).splitlines()[1]
    assert bar.endswith("=>]")


def test_every_format_choice_has_exactly_one_registry_entry() -> None:
    from careercompare.render.formats import FORMATS, FormatName

    assert [f.name for f in FORMATS] == list(FormatName)


@pytest.mark.parametrize("page", ["html", "svg"])
def test_a_page_keeps_any_number_of_roles_side_by_side(run: Any, page: str) -> None:
    import html as html_text
    import re

    roles = ("ma", "moa", "rn", "lpn", "cna", "phlebotomist", "pharmacy tech", "emt")
    out = run("table", *roles, "--format", page).stdout
    shown = html_text.unescape(re.sub(r"<[^>]+>", "", out)).replace("\xa0", " ")
    header = next(line for line in shown.splitlines() if "Category" in line)
    assert header.count("│") == len(roles) + 2  # one table: a column per role
    for name in ("Registered nurse", "Phlebotomist", "Pharmacy technician", "EMT or paramedic"):
        assert name in header, (page, name)


# Text runs: a marker, a gap and a bound are types, rendered by each format.
RUNS = Runs(("Median ", Bound(), " $239,200 ", Cite(2), "; spread ", Gap("not in sources")))
LOOKALIKE = "Must be at least 18 [2]; not in sources"  # catalog words, not structure


def _styled(value: Any) -> dict[str, str]:
    from careercompare.render.rich_format import text

    shown = text(value)
    return {shown.plain[span.start : span.end]: str(span.style) for span in shown.spans}


def test_the_terminal_styles_runs_by_their_type_and_catalog_words_not_at_all() -> None:
    assert _styled(RUNS) == {"at least": "bold", "[2]": "dim", "not in sources": "italic"}
    assert _styled(LOOKALIKE) == {}


def test_the_formats_without_styles_print_runs_as_their_words() -> None:
    words = "Median at least $239,200 [2]; spread not in sources"
    assert str(RUNS) == words
    assert render_plain((Paragraph(RUNS),)) == words + "\n"
    markdown = render_markdown((Paragraph(RUNS), Records(("A",), ((RUNS,),))))
    cell = "Median at least \\$239,200 \\[2\\]; spread *not in sources*"
    assert markdown == f"{cell}\n\n| A |\n| --- |\n| {cell} |\n"
    lookalike = render_markdown((Paragraph(LOOKALIKE),))
    assert lookalike == "Must be at least 18 \\[2\\]; not in sources\n"


def test_runs_are_their_words_in_json_and_refuse_to_be_flattened_by_an_f_string() -> None:
    from careercompare.results.serialize import json_value

    assert json_value({"cell": RUNS, "gap": Gap("not stated")}) == {
        "cell": str(RUNS),
        "gap": "not stated",
    }
    with pytest.raises(TypeError, match="join with"):
        f"{RUNS}"
    assert join_text("; ", ["a", Cite(1)]) == Runs(("a", "; ", Cite(1)))
    assert join_text("; ", ["a", "b"]) == "a; b"
    assert "a " + Cite(1) + " b" == Runs(("a ", Cite(1), " b"))
