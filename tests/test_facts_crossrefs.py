"""References to paragraphs of this statement, resolved to the paragraph named."""

from __future__ import annotations

import pytest
from facts_cases import built, case, compact, parsed, web, words_at

import lgo_parse
from lgo_parse._facts import find_cross_references

# Twelve numbered paragraphs; the reference stands in the last one.
OPENINGS = [f"Opening {n} of the statement." for n in range(1, 12)]


def statement_with(sentence: str) -> str:
    return web(("The complaint", OPENINGS[:3]), ("What I found", [*OPENINGS[3:], sentence]))


REFERENCES = [
    case(
        "number in words with 'of this statement'",
        "the procedures referred to in paragraph ten of this statement apply",
        [10],
        "paragraph ten of this statement",
    ),
    case("number in digits", "as set out in paragraph 3 above", [3], "paragraph 3"),
    case("'at paragraph one'", "the complaints listed at paragraph one", [1], "paragraph one"),
    case(
        "capital P at the start of a sentence",
        "Paragraph three explains why.",
        [3],
        "Paragraph three",
    ),
    case(
        "'paragraphs 3 to 5' names three paragraphs",
        "See paragraphs 3 to 5.",
        [3, 4, 5],
        "paragraphs 3 to 5",
    ),
    case("'paragraphs 3-5' with a hyphen", "See paragraphs 3-5.", [3, 4, 5], "paragraphs 3-5"),
    case("'paragraphs 2 and 7' names two", "See paragraphs 2 and 7.", [2, 7], "paragraphs 2 and 7"),
    case("'para 6' abbreviation", "as at para 6.", [6], "para 6"),
    case(
        "'of my decision' belongs to the reference",
        "see paragraph 4 of my decision",
        [4],
        "paragraph 4 of my decision",
    ),
    case("out of range is kept, unresolved", "see paragraph 40", [40], "paragraph 40"),
]

NOT_REFERENCES = [
    case(
        "Schedule paragraph is not a cross-reference",
        "(Local Government Act 1974, Schedule 5/5a, paragraph 4, as amended)",
    ),
    case(
        "paragraph of a Schedule is not a cross-reference", "paragraph 4 of Schedule 5 to the Act"
    ),
    case("paragraph of the guidance is not a cross-reference", "paragraph 4 of the guidance says"),
    case("a dotted number is another document's paragraph", "paragraph 10.29 says"),
    case("a paragraph of an Act is not a cross-reference", "the Care Act 2014, paragraph 3"),
    case("'the paragraph above' has no number", "the paragraph above says so"),
    case("'paragraphs' alone has no number", "in the following paragraphs I explain"),
]


@pytest.mark.parametrize(("sentence", "numbers", "written"), REFERENCES)
def test_reference(sentence: str, numbers: list[int], written: str) -> None:
    text = statement_with(sentence)
    decision = parsed(text)
    found = decision.cross_references
    assert [r.number for r in found] == numbers
    for reference in found:
        assert reference.text == written
        assert words_at(text, reference.span) == written
        if reference.number is not None and reference.number <= 12:
            assert reference.target is decision.paragraph(reference.number)
            assert reference.resolved
        else:
            assert reference.target is None
            assert not reference.resolved


@pytest.mark.parametrize("sentence", NOT_REFERENCES)
def test_not_a_reference(sentence: str) -> None:
    assert parsed(statement_with(sentence)).cross_references == ()


def test_target_is_the_website_number_not_the_written_one() -> None:
    # The second section restarts at "1." in the text; the website counts on.
    decision = parsed(statement_with("paragraph four"))
    (reference,) = decision.cross_references
    assert reference.target is not None
    assert reference.target.text == "Opening 4 of the statement."


def test_compact_layout_cannot_resolve() -> None:
    text = compact(("The complaint", ["Mr X complains.", "See paragraph one."]))
    (reference,) = parsed(text).cross_references
    assert (reference.number, reference.target) == (1, None)
    assert words_at(text, reference.span) == "paragraph one"


def test_decision_built_in_code_resolves_without_spans() -> None:
    decision = built(("The complaint", ["Mr X complains.", "As paragraph 1 says."]))
    (reference,) = find_cross_references(decision)
    assert reference.span is None
    assert reference.target is decision.paragraph(1)


def test_references_in_summary_and_bullets() -> None:
    text = web(
        ("The complaint", ["Mr X complains.", ("He says:", ["see paragraph 1;"])]),
        summary="As paragraph 2 explains.",
    )
    found = parsed(text).cross_references
    assert [r.number for r in found] == [2, 1]
    assert all(words_at(text, r.span) == r.text for r in found)


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        # Guards against reading another document's paragraph as this statement's.
        ("The NPPF says at paragraph 203 that harm matters.", []),
        ("The guidance, in paragraph 12, says so.", []),
        ("The Council's report at paragraph 7 says so.", []),
        ("As I said in paragraph 2, Mr X complains.", [2]),
    ],
)
def test_a_paragraph_of_another_document_named_before(text: str, numbers: list[int]) -> None:
    d = lgo_parse.Decision(summary=text)
    assert [r.number for r in d.cross_references] == numbers
