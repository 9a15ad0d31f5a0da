"""The published JSON Schema: well-formed, versioned, and true to what to_dict() writes."""

from __future__ import annotations

import copy
from collections.abc import Callable
from importlib import resources
from typing import Any

import jsonschema
import pytest
from test_serialize import BUILT, STATEMENTS, blocks

import lgo_parse
from lgo_parse import Decision, ItemKind, OutcomeKind, SectionKind
from lgo_parse._schema import SCHEMA_ID, SCHEMA_VERSION, json_schema, schema_text

VALIDATOR = jsonschema.Draft202012Validator(
    json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def errors(data: dict[str, Any]) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(data)
    ]


# -- the schema itself -----------------------------------------------------------


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_the_schema_is_versioned() -> None:
    schema = json_schema()
    assert schema["$id"] == SCHEMA_ID
    assert SCHEMA_ID.endswith(f":{SCHEMA_VERSION}")
    assert schema["required"][0] == "schema_version"
    assert VALIDATOR.is_valid(Decision().to_dict(facts=False))


def test_the_schema_ships_inside_the_package() -> None:
    shipped = resources.files("lgo_parse").joinpath("schema").joinpath("decision.schema.json")
    assert shipped.is_file()
    assert shipped.read_text(encoding="utf-8") == schema_text()


def test_each_call_gives_a_fresh_copy() -> None:
    schema = json_schema()
    schema["$id"] = "changed"
    assert json_schema()["$id"] == SCHEMA_ID


ENUMS: list[tuple[str, type[Any]]] = [
    ("outcome", OutcomeKind),
    ("section_kind", SectionKind),
    ("item_kind", ItemKind),
]


@pytest.mark.parametrize(("definition", "kind"), ENUMS, ids=[e[0] for e in ENUMS])
def test_schema_enums_match_the_model(definition: str, kind: type[Any]) -> None:
    schema = json_schema()["$defs"][definition]
    listed = schema["properties"]["kind"]["enum"] if "properties" in schema else schema["enum"]
    assert listed == [member.value for member in kind]


# -- what to_dict() writes validates ------------------------------------------------


@pytest.mark.parametrize("path", STATEMENTS, ids=lambda p: p.name)
def test_every_statement_validates_without_facts(path: Any) -> None:
    data = lgo_parse.parse_file(path).to_dict(facts=False)
    assert errors(data) == []


@pytest.mark.parametrize("path", STATEMENTS, ids=lambda p: p.name)
def test_every_statement_validates_with_facts(path: Any) -> None:
    data = lgo_parse.parse_file(path).to_dict(facts=True)
    assert errors(data) == []


@pytest.mark.parametrize("decision", BUILT.values(), ids=BUILT.keys())
def test_decisions_built_in_code_validate(decision: Decision) -> None:
    assert errors(decision.to_dict(facts=False)) == []


def test_the_source_property_validates() -> None:
    from lgo_parse._serialize import decision_to_dict

    assert errors(decision_to_dict(Decision(), facts=False, source="<stdin>")) == []


# -- and the schema can say no ---------------------------------------------------------


def _first_paragraph(data: dict[str, Any]) -> dict[str, Any]:
    return next(b for b in blocks(data["sections"]) if b["type"] == "paragraph")


def _set(*path: str | int, to: object) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = to

    return change


def _delete(key: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        del data[key]

    return change


BROKEN: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
    ("sections left out", _delete("sections")),
    ("schema version left out", _delete("schema_version")),
    ("another major schema version", _set("schema_version", to="2.0")),
    ("a property nobody defined", _set("layout", to={"style": "web"})),
    ("a reference written with dashes", _set("reference", "text", to="23-013-577")),
    ("a reference as a bare string", _set("reference", to="23 013 577")),
    ("a reference year as a string", _set("reference", "year", to="2023")),
    ("an outcome kind nobody knows", _set("outcome", "kind", to="partly upheld")),
    ("a date as written, not ISO", _set("decision_date", to="17 Jun 2021")),
    ("a section kind nobody knows", _set("sections", 0, "kind", to="complaints")),
    ("a title span without its column", _set("title_span", to={"start": 0, "end": 1, "line": 1})),
    ("a span line of 0", _set("title_span", "line", to=0)),
    (
        "a block of an unknown type",
        lambda d: d["sections"][0]["blocks"].append({"type": "table", "text": "x", "span": None}),
    ),
    ("a paragraph numbered 0", lambda d: _first_paragraph(d).update(number=0)),
    ("a paragraph whose marker is null", lambda d: _first_paragraph(d).update(marker=None)),
    ("a paragraph whose text is null", lambda d: _first_paragraph(d).update(text=None)),
    (
        "a remedy amount as a number",
        _set("remedies", to=[{"text": "", "span": None, "kind": "payment", "amount": 10.5}]),
    ),
    (
        "a remedy amount with a pound sign",
        _set("remedies", to=[{"text": "", "span": None, "kind": "payment", "amount": "£10"}]),
    ),
    (
        "a remedy deadline without its count",
        _set(
            "remedies",
            to=[
                {
                    "text": "",
                    "span": None,
                    "kind": "apology",
                    "amount": None,
                    "deadline": {"unit": "week", "text": "within four weeks"},
                }
            ],
        ),
    ),
    ("a fact without its text", _set("citations", to=[{"title": "Care Act 2014", "span": None}])),
    ("a party without a name", _set("parties", to=[{"role": "complainant"}])),
]


@pytest.mark.parametrize("change", [b[1] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_the_schema_rejects_broken_documents(change: Callable[[dict[str, Any]], None]) -> None:
    data = lgo_parse.parse_file(STATEMENTS[0]).to_dict(facts=False)
    assert errors(data) == []
    broken = copy.deepcopy(data)
    change(broken)
    assert errors(broken) != []


# Controls for the fact cases above: the same shapes, well formed, pass.
GOOD_FACTS: list[tuple[str, dict[str, Any]]] = [
    (
        "a payment with a deadline",
        {
            "remedies": [
                {
                    "text": "pay £10.50",
                    "span": None,
                    "kind": "payment",
                    "amount": "10.50",
                    "deadline": {"count": 4, "unit": "week", "text": "within four weeks"},
                }
            ]
        },
    ),
    (
        "a citation",
        {"citations": [{"title": "Care Act 2014", "text": "Care Act 2014", "span": None}]},
    ),
    (
        "a party",
        {"parties": [{"name": "Mrs X", "role": "complainant", "mentions": 2, "spans": []}]},
    ),
]


@pytest.mark.parametrize("facts", [g[1] for g in GOOD_FACTS], ids=[g[0] for g in GOOD_FACTS])
def test_well_formed_facts_are_accepted(facts: dict[str, Any]) -> None:
    data = lgo_parse.parse_file(STATEMENTS[0]).to_dict(facts=False)
    assert errors({**data, **facts}) == []


def test_the_shipped_schema_holds_every_registered_fact() -> None:
    # Guards against a fact added to the registry (or its schema changed) without
    # regenerating the shipped file: `python -m lgo_parse._facts._registry`.
    from lgo_parse._facts._registry import REGISTRY, schema_with_facts

    schema = json_schema()
    assert schema_with_facts(schema) == schema
    assert [k for k in schema["properties"] if k in {kind.name for kind in REGISTRY}] == [
        kind.name for kind in REGISTRY
    ]
