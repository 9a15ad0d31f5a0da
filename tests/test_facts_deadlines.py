"""Deadlines: a count, a unit and what the period runs from."""

from __future__ import annotations

import pytest
from facts_cases import case

from lgo_parse import Span
from lgo_parse._facts import Deadline, _deadlines, find_deadlines

DEADLINES = [
    case(
        "weeks from my final decision",
        "Within four weeks of my final decision, the Council has agreed",
        (4, "week", "final decision", "Within four weeks of my final decision"),
    ),
    case(
        "unstated start is None, not a guess",
        "apologise within one month.",
        (1, "month", None, "within one month"),
    ),
    case(
        "'a month' is one month; 'the date of my decision' is the decision",
        "within a month of the date of my decision.",
        (1, "month", "decision", "within a month of the date of my decision"),
    ),
    case(
        "two months of the date of my decision",
        "within two months of the date of my decision.",
        (2, "month", "decision", "within two months of the date of my decision"),
    ),
    case(
        "four months, nothing after", "within four months", (4, "month", None, "within four months")
    ),
    case(
        "'our final decision' is the final decision",
        "within four months of our final decision.",
        (4, "month", "final decision", "within four months of our final decision"),
    ),
    case(
        "'the final decision' followed by a colon",
        "the following action within one month of the final decision:",
        (1, "month", "final decision", "within one month of the final decision"),
    ),
    case(
        "digits and working days",
        "pay within 20 working days.",
        (20, "working day", None, "within 20 working days"),
    ),
    case(
        "business days are working days",
        "within 10 business days",
        (10, "working day", None, "within 10 business days"),
    ),
    case(
        "calendar days are days",
        "within 28 calendar days",
        (28, "day", None, "within 28 calendar days"),
    ),
    case(
        "hyphenated number words",
        "within twenty-eight days",
        (28, "day", None, "within twenty-eight days"),
    ),
    case("a fortnight is two weeks", "within a fortnight", (2, "week", None, "within a fortnight")),
    case(
        "'the next' before the count",
        "within the next three months",
        (3, "month", None, "within the next three months"),
    ),
    case(
        "'no later than' is a deadline too",
        "no later than six weeks after the decision",
        (6, "week", "decision", "no later than six weeks after the decision"),
    ),
    case(
        "a start that is not the decision is kept in words",
        "within 20 working days of receiving the request and pay",
        (
            20,
            "working day",
            "receiving the request",
            "within 20 working days of receiving the request",
        ),
    ),
    case(
        "a run-on verb after 'decision' is not part of the deadline",
        "within one month of the date of my decision apologise to Mr X",
        (1, "month", "decision", "within one month of the date of my decision"),
    ),
    case(
        "'this statement' is the final decision",
        "within 3 months from the date of this statement",
        (3, "month", "final decision", "within 3 months from the date of this statement"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), DEADLINES)
def test_deadline(text: str, expected: tuple[int, str, str | None, str]) -> None:
    (deadline,) = find_deadlines(text)
    assert (deadline.count, deadline.unit, deadline.runs_from, deadline.text) == expected
    assert deadline.span is None


@pytest.mark.parametrize(
    "text",
    [
        case("'within' without a period is no deadline", "details contained within its report"),
        case("'within the assessment' is no deadline", "information within the assessment"),
        case("a date is not a period", "by 30 June 2024"),
        case("a unit without 'within' is no deadline", "four weeks later the Council replied"),
    ],
)
def test_no_deadline(text: str) -> None:
    assert find_deadlines(text) == ()


def test_span_is_narrowed_to_the_words() -> None:
    text = "Pay Mr X £20 within two months of my decision."
    span = Span(500, 500 + len(text), 12, 7)
    (deadline,) = find_deadlines(text, span)
    assert deadline.span is not None
    start = deadline.span.start - span.start
    assert text[start : deadline.span.end - span.start] == deadline.text
    assert (deadline.span.line, deadline.span.column) == (12, 7 + start)


def test_several_deadlines_in_order() -> None:
    found = find_deadlines("Apologise within one month and pay within two months.")
    assert [(d.count, d.unit) for d in found] == [(1, "month"), (2, "month")]


def test_deadlines_compare_by_content_not_position() -> None:
    first = Deadline(1, "month", None, "within one month", Span(0, 16, 1, 1))
    second = Deadline(1, "month", None, "within one month", None)
    assert first == second
    assert str(first) == "within 1 month"
    assert str(Deadline(4, "week", "final decision", "x")) == "within 4 weeks of final decision"


@pytest.mark.parametrize("words", sorted(_deadlines._RUNS_FROM_KNOWN))
def test_the_known_beginnings_are_what_the_patterns_make_of_them(words: str) -> None:
    # Guards the look-up before the patterns: a word or a name there that the patterns read
    # otherwise ("statement" is the final decision, "decision statement" a decision).
    plain = next(
        (name for pattern, name in _deadlines._RUNS_FROM if pattern.match(words)),
        " ".join(words.lower().split()),
    )
    assert _deadlines._runs_from(words) == plain == _deadlines._RUNS_FROM_KNOWN[words]


@pytest.mark.parametrize(
    ("words", "runs_from", "why"),
    [
        ("Final  Decision", "final decision", "not a known spelling: the patterns read it"),
        ("decision-maker", "decision", "a word boundary after decision, as the pattern reads"),
        ("decisions", "decisions", "no boundary: the words as written, lower-cased"),
        ("the complaint", "the complaint", "any other words"),
    ],
)
def test_the_beginnings_not_known_are_read_by_the_patterns(
    words: str, runs_from: str, why: str
) -> None:
    assert _deadlines._runs_from(words) == runs_from, why
