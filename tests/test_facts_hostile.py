"""Hostile text in the fact finders (issue 14): no crash, no quadratic work, no quadratic memory.

No timed asserts: each shape runs at a size where the quadratic version took
minutes (so a regression hangs here and shows in ``benchmarks/scaling_facts.py``,
which measures growth), and the checks below are on what the finders build.
"""

from __future__ import annotations

import re
from decimal import Decimal

import hypothesis
import pytest

import lgo_parse
from lgo_parse._facts import REGISTRY
from lgo_parse._facts._money import find_amounts, total
from lgo_parse._facts._text import _FULL_STOP_END, _SENTENCE_END, sentences

N = 20_000

SHAPES = [
    ("citation then spaces: clauses had two optional space runs side by side",
     "Children Act 1989 section 1" + " " * N + "x"),
    ("pay then dots: the sentence end was tried from every dot", "Pay Mr X " + "." * N),
    ("pay many sums: each sum searched the rest of the sentence", "pay Mr X " + "£1 " * (N // 3)),
    ("pronouns: each sum re-read every name before it",
     "Mrs Y " + "apologise to her and pay her £1 " * (N // 32)),
    ("a list of paragraphs before a decimal", "paragraphs 1" + ", 2" * (N // 3) + ".5"),
    ("agreed then spaces: clause split tried every offset", "agreed to" + " " * N + "x"),
    ("section ids with long spaces", "section 1" + " " * N + ", 2 of the Care Act 2014"),
]  # fmt: skip


@pytest.mark.parametrize("text", [s[1] for s in SHAPES], ids=[s[0] for s in SHAPES])
def test_every_fact_reads_hostile_text(text: str) -> None:
    for decision in (
        lgo_parse.Decision(summary=text),
        lgo_parse.Decision(
            sections=[lgo_parse.Section("Agreed action", [lgo_parse.Paragraph(text.strip())])]
        ),
    ):
        data = decision.to_dict()
        assert {kind.name for kind in REGISTRY} <= set(data)


def test_references_share_one_copy_of_their_phrase() -> None:
    # Guards against 'See paragraphs 1 to 50 to ...' keeping a copy of the whole phrase per
    # reference (3 KB took 65 MB, 30 KB ran out of memory).
    text = "See paragraphs " + "1 to 50 to " * 300 + "1."
    references = lgo_parse.Decision(summary=text).cross_references
    assert len(references) > 1000
    assert len({id(r.text) for r in references}) == 1


def test_remedies_of_one_sentence_share_its_text() -> None:
    text = "Mrs Y " + "apologise to her and pay her £1 and £2 " * 200
    remedies = lgo_parse.Decision(summary=text + "will.").remedies
    assert len({id(r.text) for r in remedies}) == 1


def test_a_run_of_full_stops_is_one_sentence_end() -> None:
    text = "Pay Mr X" + "." * 50 + " Then more."
    assert [text[s:e] for s, e in sentences(text)] == ["Pay Mr X" + "." * 50, "Then more."]


def test_huge_sums_never_raise() -> None:
    # Guards against decimal.InvalidOperation from '£10000000000000000000000m' (28 digits).
    text = "A (23 013 577)\nAgreed action\n£10000000000000000000000m\n"
    decision = lgo_parse.parse(text)
    (remedy,) = decision.remedies
    assert remedy.amount == Decimal("1" + "0" * 28)
    assert decision.to_dict()["remedies"][0]["amount"] == "1" + "0" * 28
    assert [a.value for a in find_amounts("£2.5 million and £1.25k")] == [
        Decimal("2500000"),
        Decimal("1250"),
    ]


def test_totals_are_exact_past_28_digits() -> None:
    # sum() rounds silently at 28 significant digits.
    values = [Decimal("9" * 40), Decimal("0.01"), Decimal("1")]
    assert total(values) == Decimal("1" + "0" * 40 + ".01")
    assert sum(values) != total(values)


# The sentence end as first written: a look-behind first, which the engine tries at every
# character. The one in use reads the mark first; both must find the same ends.
_SENTENCE_END_AS_WRITTEN = re.compile(r"(?<![.!?…])[.!?…]+[’”\"')\]]*\s+(?=[A-Z0-9‘“\"'(£•-])")


@hypothesis.given(hypothesis.strategies.text(alphabet='.!?… ’”)"aA1(£•-\n', max_size=40))
def test_the_mark_first_sentence_end_finds_the_same_ends(text: str) -> None:
    expected = [m.span() for m in _SENTENCE_END_AS_WRITTEN.finditer(text)]
    assert [m.span() for m in _SENTENCE_END.finditer(text)] == expected


@hypothesis.given(hypothesis.strategies.text(alphabet='. ’”)"aA1(£•-\n', max_size=40))
def test_the_full_stop_sentence_end_finds_the_same_ends_without_other_marks(text: str) -> None:
    # Guards the speed-up: without "!", "?" or "…" the full-stop pattern stands in for the other.
    expected = [m.span() for m in _SENTENCE_END.finditer(text)]
    assert [m.span() for m in _FULL_STOP_END.finditer(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pay now! Then stop. Done.", ["Pay now!", "Then stop.", "Done."]),
        ("Why? Because. So…  Next one.", ["Why?", "Because.", "So…", "Next one."]),
        ("Mr. X paid. Then Y.", ["Mr. X paid.", "Then Y."]),
        ("One. Two.", ["One.", "Two."]),
    ],
)
def test_sentences_split_at_every_mark(text: str, expected: list[str]) -> None:
    # Guards the choice of pattern: a text with "!", "?" or "…" must still split there.
    assert [text[s:e] for s, e in sentences(text)] == expected
