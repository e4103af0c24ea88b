"""Broken catalogs are refused with one line per problem, naming where it is."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from careercompare.catalog.loader import validate_catalog
from careercompare.errors import CatalogError

Data = dict[str, Any]


def problems(data: Data) -> list[str]:
    import json

    with pytest.raises(CatalogError) as caught:
        validate_catalog(json.dumps(data).encode(), name="test.json")
    return list(caught.value.details)


def test_low_above_high_names_the_figure(catalog_data: Data) -> None:
    salary = catalog_data["roles"][1]["salary"]
    number = next(n for n, f in enumerate(salary) if f["kind"] == "average")
    salary[number]["low"], salary[number]["high"] = 50000, 40000
    assert problems(catalog_data) == [f"roles[1].salary[{number}]: low 50000 is above high 40000"]


def test_unknown_keys_are_refused(catalog_data: Data) -> None:
    catalog_data["roles"][0]["colour"] = "blue"
    assert problems(catalog_data) == ["roles[0].colour: unknown key (not in the schema)"]


@pytest.mark.parametrize("with_schema_key", [True, False])
def test_the_schema_key_is_taken_only_as_the_schema_writes_it(
    catalog_data: Data, with_schema_key: bool
) -> None:
    """The catalog's "$schema" key is held in a field named schema_, which is no key."""
    assert "$schema" in catalog_data
    validate_catalog(json.dumps(catalog_data).encode(), name="test.json")
    if not with_schema_key:
        catalog_data.pop("$schema", None)
    catalog_data["schema_"] = "./roles.schema.json"
    assert problems(catalog_data) == ["schema_: unknown key (not in the schema)"]


def test_wrong_types_say_what_was_found(catalog_data: Data) -> None:
    catalog_data["roles"][0]["outlook"][0]["percent"] = "twelve"
    [problem] = problems(catalog_data)
    assert problem.startswith("roles[0].outlook[0].percent: ")
    assert "'twelve'" in problem


def test_missing_required_keys_are_named(catalog_data: Data) -> None:
    del catalog_data["roles"][0]["name"]
    assert problems(catalog_data) == ["roles[0].name: required key is missing"]


def test_implausible_percentages_and_years_are_refused(catalog_data: Data) -> None:
    catalog_data["roles"][0]["outlook"][0]["percent"] = 5000
    catalog_data["roles"][0]["outlook"][0]["end_year"] = 3034
    found = problems(catalog_data)
    assert any(p.startswith("roles[0].outlook[0].percent:") for p in found)
    assert any(p.startswith("roles[0].outlook[0].end_year:") for p in found)


def test_start_year_must_come_before_end_year(catalog_data: Data) -> None:
    catalog_data["roles"][0]["outlook"][0]["start_year"] = 2034
    assert problems(catalog_data) == [
        "roles[0].outlook[0]: start_year 2034 is not before end_year 2034"
    ]


def test_duplicate_role_ids_are_refused(catalog_data: Data) -> None:
    twin = copy.deepcopy(catalog_data["roles"][0])
    twin["name"], twin["aliases"] = "Another", []
    catalog_data["roles"].append(twin)
    found = problems(catalog_data)
    assert any("'medical-assistant' is already the id of roles[0]" in p for p in found)


def test_aliases_are_unique_across_the_catalog_whatever_their_case(catalog_data: Data) -> None:
    catalog_data["roles"][1]["aliases"].append("ma")
    assert problems(catalog_data) == [
        "roles[1].aliases[2]: alias 'ma' already names roles[0] (medical-assistant)"
    ]


def test_an_alias_may_not_be_another_roles_name(catalog_data: Data) -> None:
    catalog_data["roles"][0]["aliases"].append("Medical Office Assistant")
    found = problems(catalog_data)
    assert found == [
        "roles[0].aliases[2]: alias 'Medical Office Assistant' already names roles[1] "
        "(medical-office-assistant)"
    ]


def test_every_source_reference_resolves(catalog_data: Data) -> None:
    catalog_data["roles"][0]["salary"][1]["source"] = "nowhere"
    assert problems(catalog_data) == [
        "roles[0].salary[1].source: source 'nowhere' is not in sources"
    ]


def test_career_paths_point_at_roles_or_are_marked_outside(catalog_data: Data) -> None:
    catalog_data["roles"][0]["career_paths"][0]["role"] = "astronaut"
    catalog_data["roles"][0]["career_paths"][4]["outside_catalog"] = False
    assert problems(catalog_data) == [
        "roles[0].career_paths[0].role: role 'astronaut' is not in roles "
        "(add it, or set outside_catalog to true)",
        "roles[0].career_paths[4]: names no role; set role, or outside_catalog to true",
    ]


def test_faq_figures_must_exist(catalog_data: Data) -> None:
    catalog_data["faq"][2]["figures"][0]["figure"] = "ma-made-up"
    assert problems(catalog_data) == [
        "faq[2].figures[0].figure: role 'medical-assistant' has no figure 'ma-made-up'"
    ]


def test_a_catalog_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(CatalogError) as caught:
        validate_catalog(b"[1, 2]", name="x.json")
    assert caught.value.details == ("(top level): Input should be an object",)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "x.json: is empty"),
        (b"   \n", "x.json: is empty"),
        (b"\xff\xfe{}", "x.json: is not UTF-8 text (byte 0xff at offset 0)"),
    ],
)
def test_unreadable_content_gets_a_clear_message(content: bytes, expected: str) -> None:
    with pytest.raises(CatalogError) as caught:
        validate_catalog(content, name="x.json")
    assert caught.value.message.startswith(expected)


def test_invalid_json_gives_line_and_column() -> None:
    with pytest.raises(CatalogError) as caught:
        validate_catalog(b'{\n  "roles": [,]\n}', name="x.json")
    [detail] = caught.value.details
    assert detail.startswith("invalid JSON: ")
    assert "line 2 column" in detail


def test_byte_order_mark_and_crlf_line_ends_are_accepted(
    catalog_data: Data, write_catalog: Callable[[Any], Path]
) -> None:
    import json

    text = json.dumps(catalog_data, indent=2).replace("\n", "\r\n")
    catalog = validate_catalog(b"\xef\xbb\xbf" + text.encode(), name="bom.json")
    assert len(catalog.roles) == len(catalog_data["roles"])


def test_source_references_are_checked_without_the_loader_too(catalog_data: Data) -> None:
    from pydantic import ValidationError

    from careercompare.catalog.models import Catalog
    from careercompare.catalog.validation import validate

    catalog_data["roles"][0]["salary"][1]["source"] = "nowhere"
    with pytest.raises(ValidationError, match=r"roles\[0\]\.salary\[1\]\.source: source 'nowhere'"):
        validate(Catalog, catalog_data)


@pytest.mark.parametrize("order", ["reversed", "roles-first"])
def test_checks_do_not_depend_on_the_order_of_fields(catalog_data: Data, order: str) -> None:
    """A Catalog with its fields declared in another order refuses the same bad reference."""
    import dataclasses
    import typing

    from pydantic import ValidationError

    from careercompare.catalog.models import Catalog, Model
    from careercompare.catalog.validation import adapter

    declared = {item.name: item for item in dataclasses.fields(Catalog)}
    names = list(declared)
    if order == "reversed":
        names.reverse()
    else:
        names.remove("roles")
        names.insert(0, "roles")
    types = typing.get_type_hints(Catalog, include_extras=True)
    defaults = {
        name: declared[name].default
        for name in names
        if declared[name].default is not dataclasses.MISSING
    }
    # a class deriving from Model is made a dataclass, its fields in the order given
    reordered = type(
        "ReorderedCatalog",
        (Model,),
        {
            "__annotations__": {name: types[name] for name in names},
            **defaults,
            "check": Catalog.check,
            "__pydantic_config__": Catalog.__pydantic_config__,
        },
    )
    assert dataclasses.fields(reordered)[0].name == names[0]
    catalog_data["roles"][0]["salary"][1]["source"] = "nowhere"
    with pytest.raises(ValidationError, match=r"roles\[0\]\.salary\[1\]\.source: source 'nowhere'"):
        adapter(reordered).validate_json(json.dumps(catalog_data))


@pytest.mark.parametrize(
    ("field", "name", "problem"),
    [
        ("name", "Medical \u0430ssistant", "mixes Cyrillic and Latin letters"),
        ("name", "\uff2dedical assistant", "uses fullwidth or other look-alike forms"),
        ("aliases", "M\u0410", "mixes Cyrillic and Latin letters"),
    ],
)
def test_look_alike_names_are_refused(
    run: Any,
    write_catalog: Any,
    catalog_data: dict[str, Any],
    field: str,
    name: str,
    problem: str,
) -> None:
    role = catalog_data["roles"][1]
    if field == "aliases":
        role["aliases"] = [*role["aliases"], name]  # a Latin M, a Cyrillic A
    else:
        role[field] = name
    result = run("validate", str(write_catalog(catalog_data)))
    assert result.exit_code == 1
    assert problem in result.stderr and "type it in plain letters" in result.stderr


def test_a_name_in_another_script_alone_is_a_name(
    run: Any, write_catalog: Any, catalog_data: dict[str, Any]
) -> None:
    catalog_data["roles"][1]["aliases"] = [*catalog_data["roles"][1]["aliases"], "\u0444\u0435"]
    assert run("validate", str(write_catalog(catalog_data))).exit_code == 0


@pytest.mark.parametrize(
    ("figure", "message"),
    [
        (
            {"id": "x", "percent": 900, "jobs_start": 100, "jobs_end": 50, "change": -50,
             "source": "bls-oews-may2025"},
            "percent 900.0 is not the change from 100 to 50 jobs",
        ),
        (
            {"id": "x", "percent": -50, "jobs_start": 100, "jobs_end": 50, "change": 999999,
             "source": "bls-oews-may2025"},
            "change +999,999 is not jobs_end 50 minus jobs_start 100",
        ),
    ],
)  # fmt: skip
def test_a_projection_must_add_up(
    run: Any,
    write_catalog: Any,
    catalog_data: dict[str, Any],
    figure: dict[str, Any],
    message: str,
) -> None:
    catalog_data["roles"][1]["outlook"] = [*catalog_data["roles"][1].get("outlook", []), figure]
    result = run("validate", str(write_catalog(catalog_data)))
    assert result.exit_code == 1
    assert message in result.stderr


def test_an_hourly_figure_must_match_its_yearly_one(
    run: Any, write_catalog: Any, catalog_data: dict[str, Any]
) -> None:
    catalog_data["roles"][1]["salary"].append(
        {"id": "x", "kind": "median", "amount": 10, "hourly": 99999, "as_of": "May 2025",
         "source": "bls-oews-may2025"}
    )  # fmt: skip
    result = run("validate", str(write_catalog(catalog_data)))
    assert result.exit_code == 1
    assert "far from the yearly amount 10" in result.stderr
    catalog_data["roles"][1]["salary"][-1].update(amount=48880, hourly=23.5)
    assert run("validate", str(write_catalog(catalog_data))).exit_code == 0


def test_a_validator_built_without_the_validation_module_is_refused() -> None:
    """Pydantic alone would read a field's Spec as unknown metadata and drop its rules."""
    from typing import Annotated

    from pydantic import TypeAdapter

    from careercompare.catalog.models import Model, Spec
    from careercompare.catalog.validation import validate

    rules = Annotated[int, Spec(le=10, strict=True)]

    def model() -> type[Any]:  # one not prepared yet
        return type("Points", (Model,), {"__annotations__": {"points": rules}})

    with pytest.raises(TypeError, match=r"careercompare\.catalog\.validation"):
        TypeAdapter(model())
    points = model()
    assert validate(points, {"points": 10}) == points(points=10)
    with pytest.raises(ValueError, match="less than or equal to 10"):
        validate(points, {"points": 11})


def test_every_catalog_model_is_a_frozen_dataclass_of_named_fields() -> None:
    """What a catalog holds cannot change under the views, however it was made."""
    import dataclasses

    from careercompare.catalog import models

    classes = [
        value
        for value in vars(models).values()
        if isinstance(value, type) and issubclass(value, models.Model) and value is not models.Model
    ]
    assert len(classes) >= 20
    for model in classes:
        params = model.__dataclass_params__
        assert params.frozen, model
        assert all(item.kw_only for item in dataclasses.fields(model)), model
    text = models.SourcedText(text="Medical assistant", source="fhca")
    with pytest.raises(dataclasses.FrozenInstanceError):
        text.text = "changed"
    with pytest.raises(TypeError):
        models.SourcedText("Medical assistant", "fhca")
