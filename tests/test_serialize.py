"""Decision.to_dict() / Decision.from_dict(): JSON-ready content that comes back equal."""

from __future__ import annotations

import datetime
import decimal
import enum
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import lgo_parse
from lgo_parse import (
    Category,
    Decision,
    ListItem,
    LooseLine,
    Outcome,
    Paragraph,
    Reference,
    Section,
    Span,
)
from lgo_parse._schema import SCHEMA_VERSION
from lgo_parse._serialize import FACTS, _fact, decision_from_dict, decision_to_dict

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
VALID = sorted((FIXTURES / "valid").glob("*.txt"))
STATEMENTS = SEEDS + VALID


def through_json(data: dict[str, Any]) -> dict[str, Any]:
    """What a consumer reads back: proves the data is JSON-ready (no Decimal, date, tuple)."""
    result: dict[str, Any] = json.loads(json.dumps(data, allow_nan=False))
    return result


# -- decisions built in code ---------------------------------------------------

BUILT: dict[str, Decision] = {
    "empty": Decision(),
    "title only": Decision(authority="Example Council", reference=Reference("23 013 577")),
    "every header field": Decision(
        authority="Example Care (Northern) Limited",
        reference=Reference("24 023 091"),
        category=Category("Adult care services > Charging"),
        outcome=Outcome("Not upheld: no fault"),
        decision_date=datetime.date(2022, 10, 9),
        summary="Mr X complains that … the Council charged £10.50 too much.",
        signature="Investigator's decision on behalf of the Ombudsman",
    ),
    "nested lists and sub-sections": Decision(
        authority="Example Council",
        reference=Reference("19 018 981"),
        sections=[
            Section(
                "The complaint",
                [
                    Paragraph("Mr X complains the Council:", items=[ListItem("failed to act;")]),
                    ListItem("a bullet at the paragraph level"),
                    LooseLine("(Local Government Act 1974, section 24A(6))"),
                    Paragraph(
                        "Mr X says:",
                        items=[
                            ListItem("first", "1.", [ListItem("deeper", "a)")]),
                            ListItem("2nd"),
                        ],
                    ),
                ],
            ),
            Section(
                "What I found",
                subsections=[
                    Section("What happened", [Paragraph("On 1 May …")]),
                    Section("A) The Council failed to act", [Paragraph("It did not.")]),
                ],
            ),
        ],
    ),
    "content before the first heading": Decision(
        authority="Example Council",
        sections=[Section(None, [LooseLine("stray text")]), Section("Final decision")],
    ),
    "compact markers": Decision(
        sections=[Section("The complaint", [Paragraph("one", "-"), Paragraph("two", "-")])]
    ),
    "outcome not known to the model": Decision(outcome=Outcome("Withdrawn")),
    "website chrome": Decision(
        chrome_before=[LooseLine("Print this page")],
        chrome_after=[LooseLine("Back to search"), LooseLine("Cookies")],
    ),
}


@pytest.mark.parametrize("decision", BUILT.values(), ids=BUILT.keys())
def test_a_decision_built_in_code_comes_back_equal(decision: Decision) -> None:
    assert Decision.from_dict(through_json(decision.to_dict(facts=False))) == decision


@pytest.mark.parametrize("decision", BUILT.values(), ids=BUILT.keys())
def test_built_decisions_have_no_spans(decision: Decision) -> None:
    data = decision.to_dict(facts=False)
    assert {value for key, value in walk(data) if key.endswith("span")} <= {None}


# -- parsed statements -----------------------------------------------------------


def test_there_are_statements_to_check() -> None:
    assert len(SEEDS) >= 5


@pytest.mark.parametrize("path", STATEMENTS, ids=lambda p: p.name)
def test_a_parsed_statement_comes_back_equal(path: Path) -> None:
    decision = lgo_parse.parse_file(path)
    assert Decision.from_dict(through_json(decision.to_dict(facts=False))) == decision


@pytest.mark.parametrize("path", STATEMENTS, ids=lambda p: p.name)
def test_json_gives_the_canonical_layout_not_the_original_bytes(path: Path) -> None:
    # The JSON is content only: rendering what comes back writes the canonical
    # layout of the decision's form, whatever white space the text had.
    decision = lgo_parse.parse_file(path)
    back = Decision.from_dict(through_json(decision.to_dict(facts=False)))
    assert back.layout is None
    assert lgo_parse.render(back) == lgo_parse.render(decision, layout=decision.form.value)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_no_layout_is_written(path: Path) -> None:
    data = lgo_parse.parse_file(path).to_dict(facts=False)
    keys = {key for key, _ in walk(data)}
    assert not keys & {"layout", "indent", "gap", "trail", "eol", "blanks", "bom", "style"}


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_spans_point_at_the_text(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    data = lgo_parse.parse_file(path).to_dict(facts=False)
    checked = 0
    for block in blocks(data["sections"]):
        span = block["span"]
        assert text[span["start"] : span["end"]] == block["text"]
        line_start = text.rfind("\n", 0, span["start"]) + 1
        assert text.count("\n", 0, span["start"]) + 1 == span["line"]
        assert span["start"] - line_start + 1 == span["column"]
        checked += 1
    assert checked > 10


# -- what the data says ------------------------------------------------------------


def test_seed_header_values() -> None:
    data = lgo_parse.parse_file(FIXTURES / "seeds" / "004_02c09b629d1b5377.txt").to_dict(
        facts=False
    )
    assert data["authority"] == "Lancashire County Council"
    assert data["reference"] == {"text": "19 018 981", "year": 2019, "slug": "19-018-981"}
    assert data["category"] == {
        "text": "Children's care services > Child protection",
        "path": ["Children's care services", "Child protection"],
        "top": "Children's care services",
    }
    assert data["outcome"] == {"text": "Upheld", "kind": "upheld"}
    assert data["decision_date"] == "2021-06-17"
    assert data["title_span"] == {"start": 0, "end": 38, "line": 1, "column": 1}


def test_seed_paragraph_numbers_are_the_websites() -> None:
    decision = lgo_parse.parse_file(FIXTURES / "seeds" / "000_0a2853bad51b7579.txt")
    data = decision.to_dict(facts=False)
    numbers = [b["number"] for b in blocks(data["sections"]) if b["type"] == "paragraph"]
    assert numbers == list(range(1, len(decision.paragraphs) + 1))
    assert numbers[-1] == 35


def test_compact_paragraphs_say_why_they_have_no_number() -> None:
    data = lgo_parse.parse_file(FIXTURES / "seeds" / "004_02c09b629d1b5377.txt").to_dict(
        facts=False
    )
    paragraphs = [b for b in blocks(data["sections"]) if b["type"] == "paragraph"]
    assert paragraphs
    assert all(p["number"] is None and p["kind"] == "dash" for p in paragraphs)
    assert all("compact" in p["unnumbered_reason"] for p in paragraphs)


DERIVED = [
    # (what, JSON path into BUILT["nested lists and sub-sections"], expected)
    ("reference year", ("reference", "year"), 2019),
    ("reference slug", ("reference", "slug"), "19-018-981"),
    ("section kind", ("sections", 0, "kind"), "complaint"),
    ("sub-section kind", ("sections", 1, "subsections", 0, "kind"), "what happened"),
    ("free sub-heading is 'other'", ("sections", 1, "subsections", 1, "kind"), "other"),
    ("paragraph number", ("sections", 0, "blocks", 0, "number"), 1),
    ("a bullet run takes a number", ("sections", 0, "blocks", 3, "number"), 3),
    ("numbering runs across sections", ("sections", 1, "subsections", 1, "blocks", 0, "number"), 5),
    ("numbered paragraph has no reason", ("sections", 0, "blocks", 0, "unnumbered_reason"), None),
    ("paragraph kind", ("sections", 0, "blocks", 0, "kind"), "numbered"),
    ("bullet kind", ("sections", 0, "blocks", 1, "kind"), "bullet"),
    ("nested numbered item kind", ("sections", 0, "blocks", 3, "items", 0, "kind"), "numbered"),
    ("nested item marker", ("sections", 0, "blocks", 3, "items", 0, "items", 0, "marker"), "a)"),
    ("block type of a loose line", ("sections", 0, "blocks", 2, "type"), "loose_line"),
]


@pytest.mark.parametrize(
    ("path", "expected"), [d[1:] for d in DERIVED], ids=[d[0] for d in DERIVED]
)
def test_derived_values(path: tuple[str | int, ...], expected: object) -> None:
    value: Any = BUILT["nested lists and sub-sections"].to_dict(facts=False)
    for step in path:
        value = value[step]
    assert value == expected


def test_outcome_kind_other_for_an_unknown_outcome() -> None:
    assert BUILT["outcome not known to the model"].to_dict(facts=False)["outcome"] == {
        "text": "Withdrawn",
        "kind": "other",
    }


def test_dates_are_iso() -> None:
    assert BUILT["every header field"].to_dict(facts=False)["decision_date"] == "2022-10-09"


def test_derived_values_are_not_read_back() -> None:
    decision = BUILT["nested lists and sub-sections"]
    data = through_json(decision.to_dict(facts=False))
    data["reference"]["year"] = 1901
    data["reference"]["slug"] = "nonsense"
    first = data["sections"][0]
    first["kind"] = "final decision"
    first["blocks"][0]["number"] = 99
    first["blocks"][0]["unnumbered_reason"] = "made up"
    first["blocks"][0]["kind"] = "dash"
    first["span"] = {"start": 5, "end": 6, "line": 1, "column": 6}
    data["remedies"] = [{"nonsense": True}]
    back = Decision.from_dict(data)
    assert back == decision
    assert back.paragraph(1).number == 1
    assert back.sections[0].span is None


def test_version_is_written() -> None:
    data = Decision().to_dict(facts=False)
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["lgo_parse_version"] == lgo_parse.__version__
    assert list(data)[:2] == ["schema_version", "lgo_parse_version"]


def test_source_is_written_when_given() -> None:
    assert decision_to_dict(Decision(), facts=False, source="a/b.txt")["source"] == "a/b.txt"
    assert "source" not in decision_to_dict(Decision(), facts=False)


# -- reading hand-written or foreign data ---------------------------------------


def test_short_hand_written_data_takes_defaults() -> None:
    data = {
        "reference": {"text": "23 013 577"},
        "sections": [
            {
                "heading": "The complaint",
                "blocks": [
                    {"type": "paragraph", "text": "Mr X complains.", "items": [{"text": "a"}]},
                    {"type": "list_item", "text": "a bullet"},
                ],
            }
        ],
    }
    assert decision_from_dict(data) == Decision(
        reference=Reference("23 013 577"),
        sections=[
            Section(
                "The complaint",
                [Paragraph("Mr X complains.", "1.", [ListItem("a")]), ListItem("a bullet")],
            )
        ],
    )


@pytest.mark.parametrize("version", [SCHEMA_VERSION, "1.0", "1.99", None])
def test_same_major_version_is_read(version: str | None) -> None:
    data = Decision(authority="X").to_dict(facts=False)
    data["schema_version"] = version
    assert Decision.from_dict(data) == Decision(authority="X")


BAD_DATA: list[tuple[str, dict[str, Any], str]] = [
    ("another major version", {"schema_version": "2.0"}, "schema version '2.0'"),
    ("a version that is not a string", {"schema_version": 1}, "schema version 1"),
    ("a malformed reference", {"reference": {"text": "23-013-577"}}, "reference"),
    ("a reference as a bare string", {"reference": "23 013 577"}, "not decision data"),
    ("a date that is not ISO", {"decision_date": "17 Jun 2021"}, "isoformat"),
    ("a section without a heading key", {"sections": [{"blocks": []}]}, "heading"),
    (
        "an unknown block type",
        {"sections": [{"heading": "H", "blocks": [{"type": "table", "text": ""}]}]},
        "'table'",
    ),
    (
        "a block without text",
        {"sections": [{"heading": "H", "blocks": [{"type": "paragraph"}]}]},
        "text",
    ),
]


@pytest.mark.parametrize(
    ("data", "message"), [b[1:] for b in BAD_DATA], ids=[b[0] for b in BAD_DATA]
)
def test_bad_data_is_a_value_error(data: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Decision.from_dict(data)


# -- facts -------------------------------------------------------------------------


def test_no_facts_when_asked_not_to() -> None:
    data = lgo_parse.parse_file(SEEDS[0]).to_dict(facts=False)
    assert not set(FACTS) & set(data)


@pytest.mark.parametrize("path", STATEMENTS, ids=lambda p: p.name)
def test_facts_are_json_ready_and_ignored_when_read_back(path: Path) -> None:
    decision = lgo_parse.parse_file(path)
    data = through_json(decision.to_dict())
    assert set(FACTS) <= set(data)
    assert len(data["remedies"]) == len(decision.remedies)
    assert len(data["citations"]) == len(decision.citations)
    assert Decision.from_dict(data) == decision


def test_seed_remedies_carry_their_amounts_as_strings() -> None:
    decision = lgo_parse.parse_file(FIXTURES / "seeds" / "000_0a2853bad51b7579.txt")
    data = through_json(decision.to_dict())
    amounts = [r["amount"] for r in data["remedies"] if r["amount"] is not None]
    assert amounts == [format(r.amount, "f") for r in decision.remedies if r.amount is not None]
    assert all(isinstance(a, str) for a in amounts)


def test_cross_references_name_their_target_by_number() -> None:
    decision = lgo_parse.parse_file(FIXTURES / "seeds" / "000_0a2853bad51b7579.txt")
    data = through_json(decision.to_dict())
    found = [(c["number"], c["target"]) for c in data["cross_references"]]
    expected = [
        (c.number, None if c.target is None else c.target.number) for c in decision.cross_references
    ]
    assert found == expected


# The fact walker, on stand-in fact classes: it must not depend on the exact
# fact API, which grows on its own.


class Colour(enum.Enum):
    RED = "red"


@attrs.frozen
class Inner:
    count: int
    when: datetime.date


@attrs.frozen
class StandIn:
    value: object
    span: Span | None = None


FACT_CASES: list[tuple[str, object, object]] = [
    ("£10.50 must not become 10.5", decimal.Decimal("10.50"), "10.50"),
    ("£1,000 must not be written with an exponent", decimal.Decimal("1E+3"), "1000"),
    (
        "large sums keep every digit",
        decimal.Decimal("123456789012345678.91"),
        "123456789012345678.91",
    ),
    ("an enum is its value", Colour.RED, "red"),
    ("a span is an object", Span(1, 5, 2, 3), {"start": 1, "end": 5, "line": 2, "column": 3}),
    ("a paragraph target is its website number", Paragraph("x", number=10), 10),
    ("an unnumbered target is null", Paragraph("x", "-"), None),
    ("a section is its heading", Section("Agreed action"), "Agreed action"),
    ("a tuple is a list", ("26(1)", "26A(1)"), ["26(1)", "26A(1)"]),
    (
        "a nested fact is an object",
        Inner(4, datetime.date(2024, 1, 2)),
        {"count": 4, "when": "2024-01-02"},
    ),
    (
        "a set is a sorted list, the same in every process",
        frozenset({"b", "c", "a"}),
        ["a", "b", "c"],
    ),
    ("booleans stay booleans", True, True),
    ("null stays null", None, None),
]


@pytest.mark.parametrize(
    ("value", "expected"), [c[1:] for c in FACT_CASES], ids=[c[0] for c in FACT_CASES]
)
def test_fact_walker(value: object, expected: object) -> None:
    assert _fact(StandIn(value, Span(0, 1, 1, 1))) == {
        "value": expected,
        "span": {"start": 0, "end": 1, "line": 1, "column": 1},
    }


# -- helpers -------------------------------------------------------------------------


def walk(data: object) -> Iterator[tuple[str, object]]:
    """Every (key, value) pair in nested JSON data."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield key, value
            yield from walk(value)
    elif isinstance(data, list):
        for value in data:
            yield from walk(value)


def blocks(sections: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Every block of every section and sub-section, in document order."""
    for section in sections:
        yield from section["blocks"]
        yield from blocks(section["subsections"])
