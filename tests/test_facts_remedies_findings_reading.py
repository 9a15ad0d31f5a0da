"""The remedies' and findings' shortcuts give exactly what the plain reading gives.

Each cheap test or narrowed search that the remedies and findings make instead
of a plain regular expression is checked here against the expression it
replaces, on made-up texts and on the sentences of the fixtures' decisions.
"""

from __future__ import annotations

import re
from pathlib import Path

import hypothesis
import hypothesis.strategies as st
import pytest

import lgo_parse
from lgo_parse._facts import _findings, _remedies
from lgo_parse._facts._text import passages, sentences

FIXTURES = sorted((Path(__file__).parent / "fixtures").rglob("*.txt"))


def _sentences() -> list[str]:
    found = []
    for path in FIXTURES:
        try:
            decision = lgo_parse.parse(path.read_text(encoding="utf-8"))
        except lgo_parse.ParseError:
            continue
        for passage in passages(decision):
            text = passage.text
            found += [text[start:end] for start, end in sentences(text)]
    return found


SENTENCES = _sentences()

# The words the findings test before searching for fault or injustice, as the
# regular expressions they were first written as.
PLAIN_FAULT_WORDS = re.compile(
    r"fault|fail|delay|error|wrong|entitled|properly|uphold|upheld|maladmin|did\s+not|oversight"
    r"|acted|should\s+have"
)
PLAIN_INJUSTICE_WORDS = re.compile(
    r"njustice|caus|remed|suffered|right|apologised|mean|longer|trouble|pocket|voidable"
    r"|unnecessar|outcome|same|different|changed|affect"
)

_PIECES = [
    "did",
    "not",
    "should",
    "have",
    "Fault",
    "FAULT",
    "faulty",
    "caused",
    "Caused",
    "injustice",
    "remedy",
    "the Council",
    " ",
    "  ",
    "\n",
    "\t",
    "\u00a0",
    ".",
    "x",
]


def test_there_are_sentences_to_read() -> None:
    # Guards the corpus tests below against reading nothing.
    assert len(SENTENCES) > 1000


@hypothesis.given(pieces=st.lists(st.sampled_from(_PIECES), max_size=10))
def test_the_fault_and_injustice_words_are_those_of_the_plain_patterns(pieces: list[str]) -> None:
    # Guards the substring tests: a word left out, a case folded that the pattern does not
    # fold, or "did not" / "should have" with a space other than " " between them.
    text = "".join(pieces)
    assert _findings._says_fault(text) is (PLAIN_FAULT_WORDS.search(text) is not None), text
    assert _findings._says_injustice(text) is (PLAIN_INJUSTICE_WORDS.search(text) is not None)


def test_the_fault_and_injustice_words_hold_on_the_corpus() -> None:
    for text in SENTENCES:
        assert _findings._says_fault(text) is (PLAIN_FAULT_WORDS.search(text) is not None), text
        assert _findings._says_injustice(text) is (
            PLAIN_INJUSTICE_WORDS.search(text) is not None
        ), text


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ("The Council did\nnot reply.", True),  # a line break between the words
        ("The Council should\u00a0have replied.", True),  # a no-break space
        ("The Council did reply; it could not.", False),  # the words apart
        ("The Council DID NOT reply.", False),  # the test is case-sensitive, as it was
    ],
)
def test_the_fault_words_span_any_white_space(text: str, fault: bool) -> None:
    assert _findings._says_fault(text) is fault


# -- a unit that introduces a list ----------------------------------------------

PLAIN_INTRODUCES = re.compile(_remedies._INTRODUCES_AS_WRITTEN, re.IGNORECASE)

_INTRODUCING_PIECES = [
    "the",
    "THE",
    "The",
    "following",
    "Following",
    "FOLLOWING",
    "followings",
    ":",
    " ",
    "\n",
    "\t",
    "\u2003",
    "\x1c",
    "ı",
    "x",
    ".",
    "_",
    "é",
    "2",
    "\u00a0",
    "la",
    "İ",
]


def _plain_introduction(text: str) -> int:
    match = PLAIN_INTRODUCES.search(text)
    return -1 if match is None else match.start()


@hypothesis.given(pieces=st.lists(st.sampled_from(_INTRODUCING_PIECES), max_size=12))
def test_the_introduction_of_a_list_is_that_of_the_plain_pattern(pieces: list[str]) -> None:
    # Guards _introduction: the colon read where the pattern does not (white space after it,
    # a line break, another colon), "the following" in another case missed, or the later of
    # the two taken.
    text = "".join(pieces)
    assert _remedies._introduction(text) == _plain_introduction(text), text


def test_the_introduction_of_a_list_holds_on_the_corpus() -> None:
    for text in SENTENCES:
        assert _remedies._introduction(text) == _plain_introduction(text), text


@pytest.mark.parametrize(
    ("text", "at", "why"),
    [
        ("The Council will:", 16, "a colon at the end"),
        ("The Council will: \n ", 16, "white space after it"),
        ("Note: the Council will:", 22, "the last colon, not the first"),
        ("Note: the Council will pay.", -1, "a colon before more words"),
        ("The following: the Council", 0, "the following before a colon"),
        ("It will do THE FOLLOWING:", 11, "the following in capitals, before the colon"),
        ("It will do the followings.", -1, "not the following"),
        ("It will do the following_ now.", -1, "a word character after following: '_'"),
        ("It will do the followingé now.", -1, "a word character after following: a letter"),
        ("the following", 0, "the following at both ends of the text"),
        ("lathe following.", -1, "a word character before the: not the word"),
        ("_the following.", -1, "'_' before the"),
        (".the following.", 1, "a mark before the is a word boundary"),
        ("thefollowing.", -1, "no white space between the words"),
        ("the \t\u00a0\n following.", 0, "every white space character between them"),
        ("the x following; the following.", 17, "a following without the, then one with it"),
        ("following the following.", 10, "a following with no the before it"),
        ("ThE fOlLoWiNg", 0, "any case"),
        ("İ the following.", 2, "a lower-case copy of another length: the pattern"),
        ("ı the following.", 2, "a character folded otherwise: the pattern"),
    ],
)
def test_the_introduction_of_a_list_in_cases(text: str, at: int, why: str) -> None:
    assert _remedies._introduction(text) == at == _plain_introduction(text), why


# -- the clauses of a stated remedy ------------------------------------------------

_CLAUSE_PIECES = [
    "and",
    "And",
    "stand",
    "or",
    "as",
    "well",
    "plus",
    ",",
    ";",
    ":",
    " ",
    "\n",
    "\u00a0",
    "x",
    "pay",
]


@pytest.mark.parametrize(
    ("listed", "splits", "why"),
    [
        ("apologise and pay", True, "and between spaces"),
        ("apologise\u00a0and\u00a0pay", True, "and between other white space"),
        ("apologise, pay", True, "a comma"),
        ("apologise; pay", True, "a semicolon"),
        ("note: pay", True, "a colon"),
        ("apologise as well as pay", True, "as well as"),
        ("apologise plus pay", True, "plus"),
        ("a standard payment and", True, "and after a word holding and"),
        ("a standard payment", False, "and inside a word only"),
        ("andrew will pay", False, "and at the start, with no white space before it"),
        ("apologise to Mr X.", False, "none of the marks"),
    ],
)
def test_a_text_that_may_split_into_clauses(listed: str, splits: bool, why: str) -> None:
    # Guards the test before the split: a text that the pattern splits must never be
    # taken whole (a mark or a spelling of "and" left out of the test).
    assert _remedies._may_split(listed) is splits, why
    if _remedies._CLAUSE_SPLIT.search(listed) is not None:
        assert splits, why


@hypothesis.given(pieces=st.lists(st.sampled_from(_CLAUSE_PIECES), max_size=10))
def test_a_text_the_clause_pattern_splits_may_split(pieces: list[str]) -> None:
    listed = "".join(pieces)
    if _remedies._CLAUSE_SPLIT.search(listed) is not None:
        assert _remedies._may_split(listed), listed


def test_a_text_the_clause_pattern_splits_may_split_on_the_corpus() -> None:
    for text in SENTENCES:
        if _remedies._CLAUSE_SPLIT.search(text) is not None:
            assert _remedies._may_split(text), text


@pytest.mark.parametrize(
    "clause",
    ["to apologise", "To also  will pay", "then\nnow pay", "tomorrow pay", "pay to", "", "to"],
)
def test_the_leading_modal_words_read_as_the_substitution_read_them(clause: str) -> None:
    # Guards the head of a clause: the text after the modal words at its start, which is
    # what removing them by substitution leaves (the pattern matches at the start only).
    modal = _remedies._LEADING_MODAL.match(clause)
    head = clause if modal is None else clause[modal.end() :]
    assert head == _remedies._LEADING_MODAL.sub("", clause)


# -- a heading that names a remedy section ----------------------------------------

_HEADING_PIECES = [
    "Recommended",
    "recommended",
    "Recommendation",
    "RECOMMENDATIONS",
    "action",
    "Actions",
    "Remedy",
    "remedies",
    "REMEDIES",
    "ı",
    "Actıon",
    "remedıes",
    ":",
    ".",
    " ",
    "\t",
    "\u2003",
    "s",
]


@pytest.mark.parametrize(
    ("heading", "remedy", "why"),
    [
        ("Remedy", True, "a heading of the word alone"),
        ("  RECOMMENDED ACTIONS: ", True, "capitals and white space around"),
        ("Recommendations.", True, "a full stop after it"),
        ("Actıon", True, "a dotless i, which the pattern matches as an i"),
        ("Remedies ıs", False, "more words: the gate passes it, the pattern does not"),
        ("Background", False, "none of the words"),
    ],
)
def test_a_remedy_heading_passes_the_gate(heading: str, remedy: bool, why: str) -> None:
    # Guards the words tested before the heading pattern: a heading the pattern reads as a
    # remedy section must never be turned away by them.
    matched = _remedies._REMEDY_HEADING.fullmatch(heading) is not None
    assert matched is remedy, why
    assert not matched or _remedies._REMEDY_HEADING_GATE.may_match(heading), why


@hypothesis.given(pieces=st.lists(st.sampled_from(_HEADING_PIECES), max_size=6))
def test_a_heading_the_pattern_reads_as_a_remedy_passes_the_gate(pieces: list[str]) -> None:
    heading = "".join(pieces)
    if _remedies._REMEDY_HEADING.fullmatch(heading) is not None:
        assert _remedies._REMEDY_HEADING_GATE.may_match(heading), heading
