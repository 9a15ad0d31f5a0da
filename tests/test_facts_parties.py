"""Parties named by pseudonym: complainants and others, without false positives."""

from __future__ import annotations

import hypothesis
import pytest
from facts_cases import built, case, in_summary, parsed, web, words_at

from lgo_parse._facts import Party, PartyRole, find_parties
from lgo_parse._facts._parties import (
    _AFTER_APPOSED,
    _AFTER_BRACKETED,
    _CALLED,
    _NAME,
    _RELATIVE_BEFORE,
    _RELATIVES,
    _called,
    _introduces,
)
from lgo_parse._facts._scan import SCAN

COMPLAINANT = PartyRole.COMPLAINANT
OTHER = PartyRole.OTHER

# (summary, complaint paragraph, a later paragraph, expected (name, role, mentions))
PARTIES = [
    case(
        "complainant in the summary",
        "Mrs Y complains.",
        "Mrs Y says so.",
        "We spoke to Mrs Y.",
        [("Mrs Y", COMPLAINANT, 3)],
    ),
    case(
        "joint complainants are one party, not also Mrs X",
        "Mr and Mrs X complained.",
        "Mr and Mrs X complain.",
        "I spoke to Mrs X on the telephone.",
        [("Mr and Mrs X", COMPLAINANT, 2), ("Mrs X", COMPLAINANT, 1)],
    ),
    case(
        "a husband named only later is not a complainant",
        "Mrs X complained.",
        "Mrs X complains about her husband.",
        "Mrs X lives with her husband, Mr X.",
        [("Mrs X", COMPLAINANT, 3), ("Mr X", OTHER, 1)],
    ),
    case(
        "Miss and Ms titles",
        "Miss X complains.",
        "The complainant, whom I shall call Ms J, says.",
        "Miss X and Ms J.",
        [("Miss X", COMPLAINANT, 2), ("Ms J", COMPLAINANT, 2)],
    ),
    case(
        "a letter introduced in brackets, then used alone",
        "Miss X complains.",
        "Miss X says the Council disclosed her address to her former partner (Y).",
        "Y took their child abroad. Then Y returned. The Council knew Y would see it.",
        [("Miss X", COMPLAINANT, 2), ("Y", OTHER, 4)],
    ),
    case(
        "a letter introduced by apposition",
        "Ms J complains.",
        "A referral said Ms J’s child, K, was at risk.",
        "The officer spoke to K alone; K’s age was wrong.",
        [("Ms J", COMPLAINANT, 2), ("K", OTHER, 3)],
    ),
    case(
        "role with a letter or number",
        "Mr and Mrs X complain.",
        "They say Council 2 withdrew their application.",
        "Child Q and Child Z were placed by Agency 1. Officer 1 told Council 2, and SW1 called.",
        [
            ("Mr and Mrs X", COMPLAINANT, 1),
            ("Council 2", OTHER, 2),
            ("Child Q", OTHER, 1),
            ("Child Z", OTHER, 1),
            ("Agency 1", OTHER, 1),
            ("Officer 1", OTHER, 1),
            ("SW1", OTHER, 1),
        ],
    ),
    case(
        "a role keeps the word before it: Care Home 1, Social Worker 2",
        "Mr X complains.",
        "Mr X complains about Care Home 1.",
        "Social Worker 2 visited Care Home 1.",
        [("Mr X", COMPLAINANT, 2), ("Care Home 1", OTHER, 2), ("Social Worker 2", OTHER, 1)],
    ),
    case(
        "a bracketed letter needs its closing bracket to be introduced",
        "Mr X complains.",
        "Mr X says the pupil (B or C grade) was marked down.",
        "B grades were given.",
        [("Mr X", COMPLAINANT, 2)],
    ),
    case(
        "a letter inside 'A-Z' is not a mention",
        "Mr X complains.",
        "Mr X says his daughter (Z) was refused.",
        "Z used the A-Z guide.",
        [("Mr X", COMPLAINANT, 2), ("Z", OTHER, 2)],
    ),
    case(
        "possessive and a full stop after the title",
        "Mr. B complains.",
        "Mr B’s mother was moved.",
        "Mr B says so.",
        [("Mr B", COMPLAINANT, 3)],
    ),
]

NOT_PARTIES = [
    case("Stage Two is not a party", "At Stage Two the Council replied."),
    case("Section 47 is not a party", "It made Section 47 enquiries."),
    case("Schedule 5 is not a party", "Schedule 5 applies."),
    case("'I' is not a party", "I found fault. I have completed my investigation."),
    case("'A' starting a sentence is not a party", "A social worker visited."),
    case("X inside words is not a party", "An X-ray, a TAXI and an XL form."),
    case("carbon dioxide is not a staff member", "CO2 and NO2 levels and KS2 pupils."),
    case("a letter nobody introduced is not a party", "Plan B was used and option C too."),
    case("Key Stage 2 is not a party", "Pupils at Key Stage 2."),
]


@pytest.mark.parametrize(("summary", "complaint", "later", "expected"), PARTIES)
def test_parties(
    summary: str, complaint: str, later: str, expected: list[tuple[str, PartyRole, int]]
) -> None:
    text = web(("The complaint", [complaint]), ("What happened", [later]), summary=summary)
    found = parsed(text).parties
    assert [(p.name, p.role, p.mentions) for p in found] == expected
    for party in found:
        assert len(party.spans) == party.mentions
        written = [" ".join(words_at(text, s).replace(".", "").split()) for s in party.spans]
        assert written == [party.name] * party.mentions
        assert party.span == party.spans[0]


def test_lettered_heading_is_not_a_mention() -> None:
    text = (
        "Example Council (23 013 577)\nThe Ombudsman's final decision:\n"
        "Summary: Miss X complains.\n"
        "The complaint\n- Miss X says the Council told her son (B).\n"
        "What I found\nB) The Council failed to tell B\n- B says so.\n"
    )
    (miss_x, b) = parsed(text).parties
    assert (b.name, b.mentions) == ("B", 3)
    assert [text[s.start - 1 : s.end + 1] for s in b.spans] == ["(B)", " B\n", " B "]
    assert miss_x.role is COMPLAINANT


@pytest.mark.parametrize("text", NOT_PARTIES)
def test_not_a_party(text: str) -> None:
    assert find_parties(in_summary(f"Mr X complains. {text}")) == (Party("Mr X", COMPLAINANT, 1),)


def test_decision_built_in_code_counts_without_spans() -> None:
    (party,) = find_parties(in_summary("Mrs Y complains. Mrs Y says."))
    assert (party.name, party.mentions, party.spans, party.span) == ("Mrs Y", 2, (), None)


def test_parties_in_order_of_first_mention() -> None:
    found = find_parties(in_summary("Child Q, then Mrs Y, then Council 2, then Child Q."))
    assert [p.name for p in found] == ["Child Q", "Mrs Y", "Council 2"]


def _reference(text: str) -> list[tuple[int, int, str | None, str]]:
    """What ``_NAME.finditer`` finds: where, which kind, and the words of each part."""
    found = []
    for m in _NAME.finditer(text):
        kind = m.lastgroup
        if m["titled"]:
            parts = f"{m['first']}|{m['second']}|{m['letter']}"
        elif m["word"]:
            kind, parts = "word", f"{m['word']}|{m['id']}|{m['id_letter']}"
        elif m["code"]:
            parts = m["code"]
        else:
            parts = m["bare"]
        found.append((m.start(), m.end(), kind, parts))
    return found


def _scanned(text: str) -> list[tuple[int, int, str | None, str]]:
    found = []
    for hit in SCAN.finditer(text):
        if hit.kind == "cite":
            continue  # where a citation may stand: read by the citations
        first = text[hit.start]
        if hit.letter:
            kind, parts = "titled", f"{first}{hit.tail}|{hit.second}|{hit.letter}"
        elif hit.rest:
            the_id = text[hit.id_start : hit.id_end]
            kind, parts = "word", f"{first}{hit.rest}|{the_id}|{hit.id_letter}"
        elif hit.code:
            kind, parts = "code", first + hit.code
        else:
            kind, parts = "bare", first
        found.append((hit.start, hit.end, kind, parts))
    return found


SCAN_CASES = [
    # (text, why): each a way the one-pass scan could part from the plain pattern.
    ("Mr and Mrs X met Ms Y.", "a joint title, then a title"),
    ("Mrs. X and Dr Q", "a title with a full stop; Dr, the one title not starting with M"),
    ("Miss Xavier and Mx Z", "a title before a name that is not a letter"),
    ("Council 2 and Child Q told SW1 and IRO12.", "roles with numbers and letters, codes"),
    ("(Y) said B) and Y’s A I", "bare letters: bracketed, a lettered heading, A and I"),
    ("MrX Mrs-X DrQ X-ray", "no space after a title, a hyphen after the letter"),
    ("Stage 2 KS2 CO2 ABCD12", "a code of four capitals is not a code"),
    ("‘then Y took’ and “Plan B” 'see B/", "quotation marks, where the scan finds citations"),
    ("Act 2 Order 1 Code Q Working Y", "a citation's first word before a letter or number"),
]


@pytest.mark.parametrize(("text", "why"), SCAN_CASES, ids=[c[1] for c in SCAN_CASES])
def test_the_one_pass_scan_finds_what_the_name_pattern_finds_in_cases(text: str, why: str) -> None:
    assert _scanned(text) == _reference(text), why


@hypothesis.given(
    hypothesis.strategies.text(
        alphabet="MrsDiXYQCouncl 12.(),’'-/and\nSWIROAct‘“\"Wking", max_size=60
    )
)
def test_the_one_pass_scan_finds_what_the_name_pattern_finds(text: str) -> None:
    # Guards the scan read by hand: SCAN must give _NAME.finditer's matches.
    assert _scanned(text) == _reference(text)


def _introduces_by_search(text: str, start: int, end: int) -> bool:
    """``_introduces`` as written before its cheap test: the search alone decides."""
    before = _RELATIVE_BEFORE.search(text, max(0, start - 25), start)
    if before is None or before["word"].lower() not in _RELATIVES:
        return False
    after = _AFTER_BRACKETED if before["mark"] == "(" else _AFTER_APPOSED
    return after.match(text, end) is not None


@hypothesis.given(
    hypothesis.strategies.text(alphabet="her son partner (,) K who \n\t-", max_size=40),
    hypothesis.strategies.integers(min_value=0, max_value=40),
)
def test_the_cheap_test_before_an_introduced_letter_changes_nothing(text: str, at: int) -> None:
    # Guards the speed-up: "partner (Y)" and "child, K," must still introduce the letter.
    text = text[:at] + "K" + text[at:]
    start = min(at, len(text) - 1)
    assert _introduces(text, start, start + 1) == _introduces_by_search(text, start, start + 1)


def test_names_never_run_from_one_passage_into_the_next() -> None:
    # Guards the one scan over the joined texts: "Mr" ending one passage and "X" starting
    # the next are not "Mr X"; a letter ending a passage before "(" starting the next is
    # not introduced; the spans of each mention stay in their own passage.
    decision = built(
        ("The complaint", [("Ms Y wrote on behalf of Mr", ["X lives nearby.", "(B) said so"])]),
        ("What happened", ["Her son", "(K) and Ms Y met."]),
        summary="Ms Y complains.",
    )
    assert [(p.name, p.mentions) for p in decision.parties] == [("Ms Y", 3)]
    text = web(("The complaint", ["Ms Y wrote to Mr", "Z replied to Ms Y."]), summary="Ms Y.")
    (party,) = parsed(text).parties
    assert [words_at(text, s) for s in party.spans] == ["Ms Y"] * 3


def _called_by_search(text: str) -> set[str]:
    """``_called`` as the pattern alone reads it: tried at every offset."""
    return {m["called"] for at in range(len(text)) if (m := _CALLED.match(text, at)) is not None}


CALLED_CASES = [
    ("whom I shall call B. She was called C, known as D; referred to as E.", "every wording"),
    ("I refer to him as F and call them G", "a pronoun between"),
    ("recall B, uncalled C, unknown as D", "the word inside another word"),
    ("called\nB and known\tas  C", "white space other than a space"),
    ("call\0B", "passages joined by NUL"),
    ("call A, call I, call Bx, call", "letters that are words, a letter running on, the end"),
]


@pytest.mark.parametrize(("text", "why"), CALLED_CASES, ids=[c[1] for c in CALLED_CASES])
def test_called_letters_are_found_where_the_pattern_finds_them(text: str, why: str) -> None:
    # Guards the words found with str.find: a place passed over loses a person.
    assert _called(text) == _called_by_search(text), why


@hypothesis.given(hypothesis.strategies.text(alphabet="calednowrfthmsBCDI \n\0", max_size=40))
def test_called_letters_are_found_where_the_pattern_finds_them_in_made_up_texts(
    text: str,
) -> None:
    assert _called(text) == _called_by_search(text)


def test_a_name_starts_a_word_after_every_character_as_the_string_test_says() -> None:
    # Guards the test read by code point: the characters that join a name to the word before.
    from lgo_parse._facts._parties import _starts_word

    for code in [*range(0x3000), 0x2019, 0x10400, 0x1D7CE, 0xFF10, 0xFF3F]:
        char = chr(code)
        plain = not (char.isalnum() or char in "_’'-/")
        assert _starts_word(char + "X", 1) is plain, hex(code)
    assert _starts_word("X", 0)
