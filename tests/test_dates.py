"""Decision dates: the month names read, without a general date parser (or its import cost)."""

from __future__ import annotations

import datetime

import pytest

from lgo_parse._dates import _MONTH_NUMBERS, parse_decision_date

CASES = [
    # (text, expected, the defect the case guards against)
    ("28 May 2024", datetime.date(2024, 5, 28), "the website's own form"),
    ("05 Sept 2022", datetime.date(2022, 9, 5), "'Sept' is September, not unknown"),
    ("05 September 2022", datetime.date(2022, 9, 5), "a long name must read too"),
    ("05 sept. 2022", datetime.date(2022, 9, 5), "case and a full stop after the name"),
    ("05 JUNE 2022", datetime.date(2022, 6, 5), "an upper-case long name"),
    ("05\u00a0Jan\u00a02022", datetime.date(2022, 1, 5), "no-break spaces, as pages have"),
    ("05 Septe 2022", None, "a name cut short must not become a month"),
    ("05 Mon 2022", None, "a weekday is not a month"),
    ("05 Janu 2022", None, "only the spellings in the table"),
    ("31 Feb 2022", None, "not a real day"),
]


@pytest.mark.parametrize(("text", "expected", "defect"), CASES, ids=[c[0] for c in CASES])
def test_decision_date(text: str, expected: datetime.date | None, defect: str) -> None:
    assert parse_decision_date(text) == expected, defect


def test_the_month_names_are_dateutils() -> None:
    # The table replaced python-dateutil's parserinfo (importing it cost ~10 ms
    # of a one-file run); it must read exactly the names that did.
    parser = pytest.importorskip("dateutil.parser")
    info = parser.parserinfo()
    names = {
        name.lower()
        for month in info.MONTHS
        for name in (month if isinstance(month, tuple) else (month,))
    }
    assert set(_MONTH_NUMBERS) == names
    assert all(info.month(name) == number for name, number in _MONTH_NUMBERS.items())
