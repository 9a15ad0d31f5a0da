"""Citations of legislation and guidance: titles, years, provisions, spans."""

from __future__ import annotations

import hypothesis
import pytest
from facts_cases import case, in_summary, line_of, parsed, web, words_at

import lgo_parse
from lgo_parse._facts import Citation, CitationKind, find_citations
from lgo_parse._facts._citations import (
    _BEFORE,
    _ends_with_of,
    _may_cite,
    citations_in,
)
from lgo_parse._facts._text import Passage

ACT = CitationKind.ACT
GUIDANCE = CitationKind.STATUTORY_GUIDANCE
REGULATION = CitationKind.REGULATION
OTHER = CitationKind.OTHER

Expected = tuple[str, "int | None", CitationKind, tuple[str, ...], bool]

CITATIONS = [
    case(
        "two sections and 'as amended' in brackets",
        "a remedy. (Local Government Act 1974, sections 26(1) and 26A(1), as amended)",
        [("Local Government Act 1974", 1974, ACT, ("26(1)", "26A(1)"), True)],
        ["Local Government Act 1974, sections 26(1) and 26A(1), as amended"],
    ),
    case(
        "'section' singular before two provisions",
        "(Local Government Act 1974, section 30(1B) and 34H(i), as amended)",
        [("Local Government Act 1974", 1974, ACT, ("30(1B)", "34H(i)"), True)],
        ["Local Government Act 1974, section 30(1B) and 34H(i), as amended"],
    ),
    case(
        "Schedule with a no-break space, and its paragraph, is one provision",
        "(Local Government Act 1974, Schedule\u00a05/5a, paragraph 4, as amended)",
        [("Local Government Act 1974", 1974, ACT, ("Schedule 5/5a, paragraph 4",), True)],
        ["Local Government Act 1974, Schedule\u00a05/5a, paragraph 4, as amended"],
    ),
    case(
        "no 'as amended' means as_amended is False",
        "(Local Government Act 1974, section 24A(6))",
        [("Local Government Act 1974", 1974, ACT, ("24A(6)",), False)],
        ["Local Government Act 1974, section 24A(6)"],
    ),
    case(
        "provision before the title",
        "Section 47 of the Children Act 1989 places a duty",
        [("Children Act 1989", 1989, ACT, ("47",), False)],
        ["Section 47 of the Children Act 1989"],
    ),
    case(
        "Section 17 of the Children Act 1989",
        "was done under Section 17 of the Children Act 1989 (children in need)",
        [("Children Act 1989", 1989, ACT, ("17",), False)],
        ["Section 17 of the Children Act 1989"],
    ),
    case(
        "a bare Act with its year counts, without provisions",
        "The Children Act 1989 and statutory guidance "
        "‘Working together to safeguard children 2018’ set out",
        [
            ("Children Act 1989", 1989, ACT, (), False),
            ("Working together to safeguard children", 2018, GUIDANCE, (), False),
        ],
        ["Children Act 1989", "‘Working together to safeguard children 2018’"],
    ),
    case(
        "quoted guidance with its year in brackets",
        "I have also referenced ‘Working Together to Safeguard Children’ (2015), "
        "which was statutory",
        [("Working Together to Safeguard Children", 2015, GUIDANCE, (), False)],
        ["‘Working Together to Safeguard Children’ (2015)"],
    ),
    case(
        "year of the edition, not of the update",
        "Statutory guidance ‘Working Together to safeguard children’ "
        "(March 2015, updated 2018) says",
        [("Working Together to safeguard children", 2015, GUIDANCE, (), False)],
        ["‘Working Together to safeguard children’ (March 2015, updated 2018)"],
    ),
    case(
        "year after a comma",
        "under ‘Working Together to Safeguard Children’, 2015 (which was the guidance)",
        [("Working Together to Safeguard Children", 2015, GUIDANCE, (), False)],
        ["‘Working Together to Safeguard Children’, 2015"],
    ),
    case(
        "quoted guidance without a year",
        "Statutory government guidance, ‘Working Together to Safeguard Children’ says that",
        [("Working Together to Safeguard Children", None, GUIDANCE, (), False)],
        ["‘Working Together to Safeguard Children’"],
    ),
    case(
        "well-known guidance without quotes",
        "The Children’s Act 1989 and 2004 and Working Together guidance makes it clear",
        [
            ("Children’s Act 1989", 1989, ACT, (), False),
            ("Children’s Act 2004", 2004, ACT, (), False),
            ("Working Together", None, GUIDANCE, (), False),
        ],
        ["Children’s Act 1989", "2004", "Working Together"],
    ),
    case(
        "Health Act 2007 must not be cut from a longer title",
        "The Local Government and Public Involvement in Health Act 2007 says",
        [("Local Government and Public Involvement in Health Act 2007", 2007, ACT, (), False)],
        ["Local Government and Public Involvement in Health Act 2007"],
    ),
    case(
        "Families Act 2014 must not be cut from Children and Families Act 2014",
        "Under section 19 of the Children and Families Act 2014, councils must",
        [("Children and Families Act 2014", 2014, ACT, ("19",), False)],
        ["section 19 of the Children and Families Act 2014"],
    ),
    case(
        "a list inside a title keeps its comma",
        "the Housing Grants, Construction and Regeneration Act 1996 says",
        [("Housing Grants, Construction and Regeneration Act 1996", 1996, ACT, (), False)],
        ["Housing Grants, Construction and Regeneration Act 1996"],
    ),
    case(
        "a sentence-opening word is not part of the title",
        "However, Care Act 2014 duties apply",
        [("Care Act 2014", 2014, ACT, (), False)],
        ["Care Act 2014"],
    ),
    case(
        "'the Council and the' is not part of the title",
        "Mrs X complained to the Council and the Care Act 2014 says",
        [("Care Act 2014", 2014, ACT, (), False)],
        ["Care Act 2014"],
    ),
    case(
        "brackets inside the title of regulations",
        "the Care and Support (Charging and Assessment of Resources) Regulations 2014 apply",
        [
            (
                "Care and Support (Charging and Assessment of Resources) Regulations 2014",
                2014,
                REGULATION,
                (),
                False,
            )
        ],
        ["Care and Support (Charging and Assessment of Resources) Regulations 2014"],
    ),
    case(
        "paragraph of a Schedule written before the title",
        "paragraph 4 of Schedule 5 to the Local Government Act 1974",
        [("Local Government Act 1974", 1974, ACT, ("Schedule 5, paragraph 4",), False)],
        ["paragraph 4 of Schedule 5 to the Local Government Act 1974"],
    ),
    case(
        "a Part after the title",
        "the Housing Act 1996, Part 7, as amended",
        [("Housing Act 1996", 1996, ACT, ("Part 7",), True)],
        ["Housing Act 1996, Part 7, as amended"],
    ),
    case(
        "'s.17' abbreviation",
        "s.17 of the Children Act 1989",
        [("Children Act 1989", 1989, ACT, ("17",), False)],
        ["s.17 of the Children Act 1989"],
    ),
    case(
        "nested brackets in a provision",
        "Children Act 1989, section 17(10)(b)",
        [("Children Act 1989", 1989, ACT, ("17(10)(b)",), False)],
        ["Children Act 1989, section 17(10)(b)"],
    ),
    case(
        'an opening quotation mark starts the title: not "Council’s ‘Children Act"',
        "the Council’s ‘Children Act 1989’ duties",
        [("Children Act 1989", 1989, ACT, (), False)],
        ["Children Act 1989"],
    ),
    case(
        "an opening bracket starts the title",
        "Mrs X’s (Care Act 2014) rights",
        [("Care Act 2014", 2014, ACT, (), False)],
        ["Care Act 2014"],
    ),
    case(
        "two Acts in one sentence",
        "the Equality Act 2010 and the Human Rights Act 1998",
        [
            ("Equality Act 2010", 2010, ACT, (), False),
            ("Human Rights Act 1998", 1998, ACT, (), False),
        ],
        ["Equality Act 2010", "Human Rights Act 1998"],
    ),
    case(
        "statutory guidance named without quotes",
        "the Care and Support Statutory Guidance says",
        [("Care and Support Statutory Guidance", None, GUIDANCE, (), False)],
        ["Care and Support Statutory Guidance"],
    ),
    case(
        "a code of practice with its year in brackets",
        "the SEND Code of Practice (2015) says",
        [("SEND Code of Practice", 2015, GUIDANCE, (), False)],
        ["SEND Code of Practice (2015)"],
    ),
    case(
        "guidance paragraph numbers keep their dots",
        "Care and Support Statutory Guidance, paragraph 10.29. Then",
        [("Care and Support Statutory Guidance", None, GUIDANCE, ("paragraph 10.29",), False)],
        ["Care and Support Statutory Guidance, paragraph 10.29"],
    ),
    case(
        "the Ombudsman's own guidance is not statutory",
        "our ‘Guidance on Remedies’ says",
        [("Guidance on Remedies", None, OTHER, (), False)],
        ["‘Guidance on Remedies’"],
    ),
]

NOT_CITATIONS = [
    case(
        "a provision without a title is not a citation", "it concluded its Section 47 enquiries", []
    ),
    case("an Act without a year is not a citation", "under the Care Act the Council must", []),
    case("'the 1989 Act' is a back-reference", "under the 1989 Act", []),
    case("quoted words are not guidance", "about ‘maladministration’ and ‘service failure’", []),
    case(
        "a council's own manual is not a citation",
        "The Council’s published ‘Safeguarding Children Partnerships Procedures Manual’ contains",
        [],
    ),
    case(
        "a quotation after a title is not a second title",
        "‘Working Together’ says ‘The child and family must be informed of the action’",
        ["Working Together"],
    ),
    case("a court order is not legislation", "without a Court Order or Police powers", []),
    case("'Act' inside a word is not an Act", "the PreAct 2019 scheme", []),
]


@pytest.mark.parametrize(("text", "expected", "written"), CITATIONS)
def test_citation(text: str, expected: list[Expected], written: list[str]) -> None:
    found = find_citations(in_summary(text))
    assert [(c.title, c.year, c.kind, c.provisions, c.as_amended) for c in found] == expected
    assert [c.text for c in found] == written
    assert all(c.span is None for c in found), "a decision built in code has no spans"


def test_short_title_after_full_one() -> None:
    found = find_citations(
        in_summary("under ‘Working Together to Safeguard Children’, 2015. ‘Working Together’ says")
    )
    assert [(c.title, c.year) for c in found] == [
        ("Working Together to Safeguard Children", 2015),
        ("Working Together", None),
    ]


@pytest.mark.parametrize(("text", "titles"), NOT_CITATIONS)
def test_not_a_citation(text: str, titles: list[str]) -> None:
    assert [c.title for c in find_citations(in_summary(text))] == titles


@pytest.mark.parametrize(("text", "expected", "written"), CITATIONS)
def test_span_points_at_the_citation(
    text: str, expected: list[Expected], written: list[str]
) -> None:
    statement = web(("What I found", ["First paragraph.", f"It says so. {text}"]))
    decision = parsed(statement)
    found = decision.citations
    assert [c.text for c in found] == written
    for citation in found:
        assert words_at(statement, citation.span) == citation.text
        assert citation.span is not None
        assert citation.span.line == line_of(statement, citation.span.start)


def test_citations_in_loose_lines_and_bullets() -> None:
    statement = (
        "Example Council (23 013 577)\n\nThe Ombudsman’s role and powers\n\n"
        "  1. We do not start an investigation if we decide:\n"
        "  • there is another body better placed to consider this complaint,\n\n"
        "(Local Government Act 1974, section 24A(6))\n\n"
        "  1. We normally expect (Local Government Act 1974, section 24A(6), as amended)\n"
        "    • the Equality Act 2010 applies.\n"
    )
    found = parsed(statement).citations
    assert [(c.provisions, c.as_amended) for c in found[:2]] == [
        (("24A(6)",), False),
        (("24A(6)",), True),
    ]
    assert found[2].title == "Equality Act 2010"
    assert all(words_at(statement, c.span) == c.text for c in found)


def test_citations_compare_by_content() -> None:
    first, second = find_citations(in_summary("Care Act 2014. Then the Care Act 2014."))
    assert first == second
    assert first == Citation("Care Act 2014", 2014, ACT, (), False, "Care Act 2014")


def test_the_ombudsmans_own_guidance_cited_by_name_without_quotes() -> None:
    # Guards against missing "our Assessment Code", the commonest citation on real pages.
    d = lgo_parse.Decision(summary="I considered our Assessment Code and the Care Act 2014.")
    assert [(c.title, c.kind.value) for c in d.citations] == [
        ("Assessment Code", "other"),
        ("Care Act 2014", "act"),
    ]


YEARLESS = [
    ("a title of two words or more before Act, without a year",
     "He was detained under the Mental Health Act.", ["Mental Health Act"]),
    ("regulations without a year",
     "It answered under the Environmental Information Regulations.",
     ["Environmental Information Regulations"]),
    ("one word before Act is a back-reference or too short to tell",
     "The Care Act says so.", []),
    ("a yearless title naming one cited with its year is a back-reference",
     "The Local Government Act 1974 applies. The Local Government Act says so.",
     ["Local Government Act 1974"]),
    ("the Ombudsman's Guidance on Remedies", "We considered our Guidance on Remedies.",
     ["Guidance on Remedies"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("summary", "titles"), [y[1:] for y in YEARLESS], ids=[y[0] for y in YEARLESS]
)
def test_citations_without_a_year(summary: str, titles: list[str]) -> None:
    assert [c.title for c in lgo_parse.Decision(summary=summary).citations] == titles


# The cheap tests before slow patterns must never turn away a text the pattern reads.
_BEFORE_ALPHABET = "Section 47 of the to under OF The s.2 and, ()\n"


BEFORE_CASES = [
    ("Section 47 of the ", "the usual shape"),
    ("paragraph 4 of Schedule 5 to the ", "'to the' after a schedule"),
    ("section 2 UNDER ", "any case, no 'the'"),
    ("section 2 of \n  THE \n ", "runs of white space and a line break"),
    ("section 2 thereof ", "'of' inside a word is not 'of'"),
    ("section 2 of the", "no space after 'the': the title starts right there"),
]


@pytest.mark.parametrize(("text", "why"), BEFORE_CASES, ids=[c[1] for c in BEFORE_CASES])
def test_the_test_before_provisions_admits_what_the_pattern_reads(text: str, why: str) -> None:
    if _BEFORE.search(text, max(0, len(text) - 100), len(text)) is not None:
        assert _ends_with_of(text, len(text)), why


@hypothesis.given(hypothesis.strategies.text(alphabet=_BEFORE_ALPHABET, max_size=40))
def test_the_test_before_provisions_never_turns_away_a_match(text: str) -> None:
    for end in range(len(text) + 1):
        if _BEFORE.search(text, max(0, end - 100), end) is not None:
            assert _ends_with_of(text, end)


@hypothesis.given(
    hypothesis.strategies.text(
        alphabet="ActRegulationsOrderCodeGuidance Workingworking‘’“”\"'1974 of the Care Remedies",
        max_size=50,
    )
)
def test_a_passage_turned_away_cites_nothing(text: str) -> None:
    if not _may_cite(text):
        assert citations_in(Passage(text, None, "block")) == []
