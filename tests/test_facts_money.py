"""Sums of money: exact decimals, thousands commas, ranges."""

from __future__ import annotations

from decimal import Decimal

import pytest
from facts_cases import case
from hypothesis import given
from hypothesis import strategies as st

from lgo_parse._facts import find_amounts

AMOUNTS = [
    case("£1000 is 1000", "pay £1000 to Mrs Y", [("1000", False)]),
    case("£1,000 thousands comma is 1000, not 1", "pay £1,000 now", [("1000", False)]),
    case("£1,000,000 several commas", "a £1,000,000 contract", [("1000000", False)]),
    case("£10.50 must not become £10", "a fee of £10.50.", [("10.50", False)]),
    case("£10.5 keeps the one decimal written", "£10.5 only", [("10.5", False)]),
    case("£300 at the end of a sentence keeps no full stop", "pay her £300.", [("300", False)]),
    case("£ 20 with a space after the sign", "£ 20 for their birthday", [("20", False)]),
    case("£5k is five thousand", "costs of £5k", [("5000", False)]),
    case("£2.5 million is whole pounds", "£2.5 million budget", [("2500000", False)]),
    case(
        "between £100 and £300 is a range, not two sums",
        "we normally look at between £100 and £300 for each",
        [("100", True), ("300", True)],
    ),
    case("£100 to £300 is a range", "from £100 to £300", [("100", True), ("300", True)]),
    case("£100-£300 is a range", "£100-£300", [("100", True), ("300", True)]),
    case("£100 – £300 with an en dash is a range", "£100 – £300", [("100", True), ("300", True)]),
    case(
        "£250 and £200 without 'between' are two sums",
        "offered £250, then a further £200",
        [("250", False), ("200", False)],
    ),
    case("'£250 and £200' is not a range", "£250 and £200", [("250", False), ("200", False)]),
    case("£10.505 is malformed, not £1 or £10.50", "£10.505", []),
    case("£1,00 is malformed, not £1", "£1,00", []),
    case("no pound sign, no sum", "20 working days and 1974", []),
]


@pytest.mark.parametrize(("text", "expected"), AMOUNTS)
def test_amounts(text: str, expected: list[tuple[str, bool]]) -> None:
    found = find_amounts(text)
    assert [(str(a.value), a.in_range) for a in found] == expected
    for amount in found:
        assert text[amount.start] == "£"
        assert isinstance(amount.value, Decimal)


def test_offsets_cover_the_sum_as_written() -> None:
    text = "pay £1,000.50 to Mr X"
    (amount,) = find_amounts(text)
    assert text[amount.start : amount.end] == "£1,000.50"


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_pounds_and_pence_are_read_exactly(pounds: int, pence: int) -> None:
    written = f"£{pounds:,}.{pence:02d}"
    (amount,) = find_amounts(f"the Council will pay {written} to Mr X")
    assert amount.value == Decimal(pounds) + Decimal(pence) / 100
    assert str(amount.value).endswith(f".{pence:02d}"), "pence must keep both digits"
