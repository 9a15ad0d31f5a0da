"""Terminal patterns written for speed match exactly what their plain forms match.

Two of the grammar's patterns are written so that the regex engine can skip
ahead to a literal character instead of trying an assertion at every
character (a line of text was tried against both on every line; together
they were most of the lexer's regex time). Each is checked here against its
plain form: on lines drawn by Hypothesis from an alphabet of the characters
that matter, and on every line of the fixtures.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lgo_parse._grammar import tables

FIXTURES = Path(__file__).parent / "fixtures"
PLAIN = {
    "SOURCE_DETAILS": r".*\bReference[ \t]+\d\d-\d\d\d-\d\d\d[a-z]?\b.*",
    "HEADING": r"[A-Z]\)\s.*|(?![^\n]*\s:)[A-Z0-9][^.!?;,\n]{0,118}[^.!?;:,\s]|[A-Z0-9]",
}
SHIPPED = {t["name"]: t["pattern"] for t in tables()["terminals"]}
# Pieces of the lines that matter: the words and marks the patterns look for,
# the characters around them, and the white space a line may hold.
PIECES = st.sampled_from(
    [
        "Reference",
        "Reference ",
        "xReference",
        "_Reference",
        "-Reference",
        "(Reference",
        "21-009-806",
        "21-009-806a",
        "2",
        "-",
        " ",
        "\t",
        "\u00a0",
        ":",
        " :",
        "\t:",
        ".",
        ",",
        "A",
        "B)",
        "Decision",
        "x",
        "7",
        "é",
        "R",
        "e",
    ]
)
LINES = st.lists(PIECES, max_size=12).map("".join) | st.text(alphabet="Rfe -:.\t ()A1", max_size=30)


def _fixture_lines() -> list[str]:
    return [
        line.rstrip()
        for path in sorted(FIXTURES.rglob("*.txt"))
        for line in path.read_text(encoding="utf-8").split("\n")
        if line.strip()
    ]


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_the_shipped_pattern_is_the_fast_form(name: str) -> None:
    assert SHIPPED[name] != PLAIN[name]


@pytest.mark.parametrize("name", sorted(PLAIN))
@settings(max_examples=400, deadline=None)
@given(line=LINES)
def test_fast_and_plain_forms_match_the_same_lines(name: str, line: str) -> None:
    fast, plain = re.compile(SHIPPED[name]), re.compile(PLAIN[name])
    assert (fast.fullmatch(line) is None) == (plain.fullmatch(line) is None), line


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_fast_and_plain_forms_agree_on_every_fixture_line(name: str) -> None:
    fast, plain = re.compile(SHIPPED[name]), re.compile(PLAIN[name])
    lines = _fixture_lines()
    assert len(lines) > 1000
    differ = [
        line for line in lines if (fast.fullmatch(line) is None) != (plain.fullmatch(line) is None)
    ]
    assert differ == []


@pytest.mark.parametrize("name", ["SIGNATURE", "DRAFT_SIGNATURE"])
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_every_signature_line_ends_as_the_lexer_expects(name: str, data: st.DataObject) -> None:
    """The lexer looks for signature lines only among lines ending with ``SIGNATURE_ENDS``."""
    from lgo_parse._lexer import SIGNATURE_ENDS

    line = data.draw(st.from_regex(re.compile(SHIPPED[name]), fullmatch=True))
    assert line.endswith(SIGNATURE_ENDS), line


@given(st.text(alphabet="nN. x", max_size=5))
def test_ends_like_signature_is_endswith_signature_ends(value: str) -> None:
    from lgo_parse._lexer import SIGNATURE_ENDS, ends_like_signature

    assert ends_like_signature(value) == value.endswith(SIGNATURE_ENDS)


FURNITURE_PIECES = st.sampled_from(
    [
        " ",
        "\t",
        "\r",
        "\u00a0",
        "Final",
        "final",
        "DRAFT",
        "decision",
        "Page",
        "page",
        "for",
        "your comments",
        "of",
        "3",
        "12",
        "123",
        "2024",
        "\u0663",
        "F",
        "d",
        "p",
        "x",
        "Fina",
        ".",
    ]
)


@settings(max_examples=500)
@given(st.lists(FURNITURE_PIECES, min_size=1, max_size=7).map("".join))
def test_the_furniture_pre_test_is_the_furniture_pattern(row: str) -> None:
    """Lines are looked at for page furniture only when ``_may_be_furniture`` says so, which
    must say what the pattern says, for every line its cheap first test lets through."""
    from lgo_parse._lexer import _FURNITURE_LEADS, _FURNITURE_ROW, _may_be_furniture

    content = row.rstrip()
    matches = _FURNITURE_ROW.match(row) is not None
    if not content:
        assert not matches
        return
    lets_through = content[0] in _FURNITURE_LEADS or content[0] >= "\x80"
    assert lets_through or not matches
    if lets_through:
        assert _may_be_furniture(row, content) == matches
