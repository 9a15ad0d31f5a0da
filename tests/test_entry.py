"""The builder reads an item line's indent, marker and gap with string steps, as the regex did.

``_build._entry`` used to split an item line with a regex; it now steps
through the characters (faster, compiled). This checks that both read every
item line the same way: lines drawn by Hypothesis from the item terminals'
own patterns, lines built from the pieces that matter (every bullet
character, no-break spaces, markers run into the text), and every item line
of the fixtures.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from lgo_parse._build import _entry
from lgo_parse._grammar import tables
from lgo_parse._lexer import LineToken
from lgo_parse._model import BULLET_MARKERS

FIXTURES = Path(__file__).parent / "fixtures"
# The regex _entry used before, kept here as the specification.
ITEM_LEAD = re.compile(rf"([ \t]*)([{BULLET_MARKERS}-]|[^\s{BULLET_MARKERS}-]\S*)([ \t\u00a0]*)")
ITEMS = {
    t["name"]: re.compile(t["pattern"])
    for t in tables()["terminals"]
    if t["name"] in ("NUMBERED_ITEM", "BULLET_ITEM", "DASH_ITEM")
}


def _by_regex(value: str) -> tuple[str, str, str, str]:
    lead = ITEM_LEAD.match(value)
    assert lead is not None
    indent, marker, gap = lead.groups()
    return value[lead.end() :], marker, indent, gap


def _by_entry(value: str) -> tuple[str, str, str, str]:
    text, marker, layout, span = _entry(LineToken("NUMBERED_ITEM", value, 100, 7))
    assert span is not None and span.start == 100 + len(value) - len(text)
    return text, marker, layout.indent, layout.gap


def _item_line(value: str) -> bool:
    return value == value.rstrip() and any(r.fullmatch(value) for r in ITEMS.values())


@settings(max_examples=400)
@given(
    st.one_of(
        *(st.from_regex(r.pattern, fullmatch=True) for r in ITEMS.values()),
        st.lists(
            st.sampled_from(
                [" ", "\t", "\u00a0", "1.", "a)", "(iv)", "-", "x", "é", *BULLET_MARKERS]
            ),
            max_size=8,
        ).map("".join),
    )
)
def test_entry_reads_an_item_line_as_the_regex_did(value: str) -> None:
    value = value.rstrip()  # a token's value has no trailing white space
    if _item_line(value):
        assert _by_entry(value) == _by_regex(value)


def test_entry_reads_every_fixture_item_line_as_the_regex_did() -> None:
    checked = 0
    for path in sorted(FIXTURES.rglob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            value = line.rstrip()
            if _item_line(value):
                assert _by_entry(value) == _by_regex(value), (path.name, value)
                checked += 1
    assert checked > 400  # the fixtures hold hundreds of item lines
