"""Each terminal's FIRST and LAST sets (``lgo_parse._firsts``) hold every character a line it
matches can start and end with: the lexer tries a line only against the terminals its first
and last characters allow, so a set that missed a character would misread lines."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lgo_parse._firsts import first_ascii, first_char_pattern, last_char_pattern
from lgo_parse._grammar import tables

TERMINALS = [(t["name"], t["pattern"], t["first"], t["last"]) for t in tables()["terminals"]]


@pytest.mark.parametrize("term", tables()["terminals"], ids=[t[0] for t in TERMINALS])
def test_shipped_first_sets_are_read_from_the_patterns(term: dict[str, str | None]):
    pattern = term["pattern"]
    assert pattern is not None
    assert term["first"] == first_char_pattern(pattern)
    assert term["first_ascii"] == first_ascii(term["first"])
    assert term["last"] == last_char_pattern(pattern)
    assert term["last_ascii"] == first_ascii(term["last"])


@pytest.mark.parametrize(
    ("name", "pattern", "first", "last"), TERMINALS, ids=[t[0] for t in TERMINALS]
)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_line_a_terminal_matches_starts_and_ends_with_characters_of_its_sets(
    name: str, pattern: str, first: str | None, last: str | None, data: st.DataObject
):
    line = data.draw(st.from_regex(re.compile(pattern), fullmatch=True).filter(bool))
    if first is not None:
        assert re.match(first, line[0]), (name, line)
    if last is not None:
        assert re.match(last, line[-1]), (name, line)


@pytest.mark.parametrize(
    ("pattern", "starts", "never"),
    [
        (r"(?i)(?:the\s+)?complaints?", "TtCc", "xX "),  # an optional prefix: its letters and after
        (r"[ \t]*\d+\.", " \t7", "a-"),  # a starred prefix can be empty
        (r"(?i)s", "sSſ", "t"),  # case folding is the regex engine's: the long s is an s
        (r"(?!x)\w", "xa", " "),  # a look-ahead is skipped over: a superset
        (r"[^.!?]", "a ", ".!?"),
    ],
)
def test_first_sets_of_small_patterns(pattern: str, starts: str, never: str):
    first = first_char_pattern(pattern)
    assert first is not None
    assert all(re.match(first, c) for c in starts)
    assert not any(re.match(first, c) for c in never)


@pytest.mark.parametrize(
    ("pattern", "ends", "never"),
    [
        (
            r"(?i)(?:the\s+)?complaints?",
            "TtSs",
            "xX ",
        ),  # an optional suffix: its letters and before
        (r"\d+\.[ \t]*", " \t.", "7a"),  # a starred suffix can be empty
        (r"\S.*\(\d\d\)", ")", "(.a"),  # a title ends with its reference's bracket
        (r"(?i)s", "sSſ", "t"),  # case folding is the regex engine's: the long s is an s
        (r"\w(?<!x)", "xa", " "),  # a look-behind is skipped over: a superset
        (r"x|y[.:]?", "xy.:", "z"),  # each branch's end
    ],
)
def test_last_sets_of_small_patterns(pattern: str, ends: str, never: str):
    last = last_char_pattern(pattern)
    assert last is not None
    assert all(re.match(last, c) for c in ends)
    assert not any(re.match(last, c) for c in never)


def test_a_pattern_that_can_end_with_anything_has_no_last_set():
    assert last_char_pattern(r"[ \t]*-(?:[ \t]+.*)?") is None
    assert last_char_pattern(r"x.?") is None


def test_a_pattern_that_can_start_with_anything_has_no_set():
    assert first_char_pattern(r".*\bReference\b.*") is None
    assert first_char_pattern(r"(a)?\1?.") is None  # a back-reference: anything
