"""``dump``: facts marked in place, without changing a character of the text."""

from __future__ import annotations

import re

import attrs
import pytest
import strategies
from facts_cases import SEEDS, built, parsed, seed, web
from hypothesis import assume, given
from hypothesis import strategies as st

import lgo_parse
from lgo_parse import Span
from lgo_parse._debug import CLOSE, OPEN, SEPARATOR, UNPLACED_HEADING, dump

MARK_OPENING = re.compile(f"{OPEN}[^{OPEN}{SEPARATOR}{CLOSE}]*{SEPARATOR}")
SEED_NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))


def unmarked(dumped: str) -> str:
    return MARK_OPENING.sub("", dumped).replace(CLOSE, "")


def fact_count(decision: lgo_parse.Decision) -> int:
    # "paragraphs 3 to 5" is one mark for three references; a party one mark.
    # A finding one mark per sentence it was read from.
    phrases = {(r.text, r.span) for r in decision.cross_references}
    f = decision.findings
    findings = len(f.investigated_spans) + len(f.fault_spans) + len(f.injustice_spans)
    findings += len(f.reasons_spans)
    facts = len(decision.remedies) + len(decision.citations) + len(phrases)
    return facts + len(decision.parties) + findings


@pytest.mark.parametrize("name", SEED_NAMES)
def test_marks_leave_the_text_unchanged(name: str) -> None:
    decision, text = seed(name)
    assert OPEN not in text and CLOSE not in text
    dumped = dump(decision)
    assert unmarked(dumped) == text
    assert len(MARK_OPENING.findall(dumped)) == fact_count(decision)
    assert dumped.count(OPEN) == dumped.count(CLOSE)
    assert UNPLACED_HEADING not in dumped


def test_payment_marked_around_its_sentence() -> None:
    decision, _ = seed("000_0a2853bad51b7579.txt")
    dumped = dump(decision)
    assert (
        f"{OPEN}payment £1000 → Mrs Y, within 4 weeks of final decision{SEPARATOR}Apologise and pay"
        in dumped
    )
    assert f"{OPEN}→ paragraph 10{SEPARATOR}paragraph ten of this statement{CLOSE}" in dumped


def test_citation_marked_inside_its_brackets() -> None:
    decision, _ = seed("003_3748b72d214c42b7.txt")
    dumped = dump(decision)
    assert (
        f"({OPEN}act: Local Government Act 1974 [Schedule 5/5a, paragraph 4] as amended{SEPARATOR}"
        "Local Government Act 1974, Schedule\u00a05/5a, paragraph 4, as amended"
        f"{CLOSE})"
    ) in dumped


def test_unresolved_reference_says_so() -> None:
    text = web(("The complaint", ["Mr X complains.", "See paragraphs 2 to 3."]))
    dumped = dump(parsed(text))
    assert f"{OPEN}→ paragraphs 2, 3 (not found){SEPARATOR}paragraphs 2 to 3{CLOSE}" in dumped


def test_facts_without_spans_are_listed_at_the_end() -> None:
    decision = built(
        ("Agreed action", ["Within one month the Council will pay Mr X £10.50."]),
        summary="Mr X complains under the Care Act 2014.",
    )
    dumped = dump(decision)
    body, listed = dumped.split(UNPLACED_HEADING)
    assert body.rstrip("\n") == lgo_parse.render(decision).rstrip("\n")
    assert f"{OPEN}payment £10.50 → Mr X, within 1 month{SEPARATOR}" in listed
    assert f"{OPEN}act: Care Act 2014{SEPARATOR}Care Act 2014{CLOSE}" in listed
    assert len(MARK_OPENING.findall(listed)) == fact_count(decision)


def test_stale_spans_are_listed_not_misplaced() -> None:
    text = web(("Agreed action", ["Pay Mr X £10."]), summary="Mr X complains.")
    decision = parsed(text)
    # A longer summary moves everything after it: the old spans no longer match.
    edited = attrs.evolve(decision, summary="Mr X complains at some length about the Council.")
    dumped = dump(edited)
    body, listed = dumped.split(UNPLACED_HEADING)
    assert unmarked(body).rstrip("\n") == lgo_parse.render(edited).rstrip("\n")
    assert f"{OPEN}payment £10 → Mr X{SEPARATOR}Pay Mr X £10.{CLOSE}" in listed


def test_marks_that_meet_do_not_nest(monkeypatch: pytest.MonkeyPatch) -> None:
    decision = parsed(web(("The complaint", ["abcdef"])))
    text = lgo_parse.render(decision)
    start = text.index("abcdef")
    marks = [
        ("outer", Span(start, start + 6, 1, 1), "abcdef"),
        ("left", Span(start, start + 3, 1, 1), "abc"),
        ("right", Span(start + 3, start + 6, 1, 1), "def"),
    ]
    monkeypatch.setattr(lgo_parse._debug, "_labelled", lambda _: iter(marks))
    assert (
        f"{OPEN}outer{SEPARATOR}{OPEN}left{SEPARATOR}abc{CLOSE}{OPEN}right{SEPARATOR}def{CLOSE}{CLOSE}"
        in dump(decision)
    )


SEED_TEXTS = [(SEEDS / name).read_bytes().decode("utf-8") for name in SEED_NAMES]


@given(strategies.seed_mutations(SEED_TEXTS))
def test_facts_of_cut_and_shuffled_seeds_point_at_their_words(text: str) -> None:
    # Truncated pages, CRLF line endings and lines out of place: whatever
    # parses, every fact's span covers the words it was read from.
    try:
        decision = lgo_parse.parse(text)
    except lgo_parse.ParseError:
        assume(False)
        return
    for fact in (*decision.remedies, *decision.citations, *decision.cross_references):
        assert fact.span is not None
        assert text[fact.span.start : fact.span.end] == fact.text
    for party in decision.parties:
        assert len(party.spans) == party.mentions
    assert unmarked(dump(decision)) == text


@given(st.text(alphabet=st.sampled_from("Mr sXY(),.£1059A‘’ Actparagh\n-"), max_size=200))
def test_facts_never_fail_on_odd_text(summary: str) -> None:
    decision = lgo_parse.Decision(summary=summary.replace("\n", " ") or None)
    dump(decision)
