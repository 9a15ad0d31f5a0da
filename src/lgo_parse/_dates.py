"""Decision dates: strict ``DD Mon YYYY`` reading and canonical writing.

python-dateutil reads the month names, but only after the text has the exact
shape of a decision date: dateutil on its own accepts "2022" or "May" and
fills the rest in quietly, which must never turn a truncated or malformed
date into a real one.
"""

from __future__ import annotations

import datetime
import functools
import re

_SHAPE = re.compile(r"(\d{1,2})[ \u00a0]([A-Za-z]{3,9})\.?[ \u00a0](\d{4})")


@functools.lru_cache(maxsize=8192)  # dateutil is slow; a corpus repeats its dates
def parse_decision_date(text: str) -> datetime.date | None:
    """Read a date written like ``05 Jan 2022``; ``None`` if it is not a real date.

    Examples:
        >>> parse_decision_date("28 May 2024")
        datetime.date(2024, 5, 28)
        >>> parse_decision_date("31 Feb 2022") is None
        True
    """
    if not _SHAPE.fullmatch(text.strip()):
        return None
    from dateutil import parser as _dateutil  # imported on first use: it is slow to load

    try:
        return _dateutil.parse(text, dayfirst=True, fuzzy=False).date()
    except (ValueError, OverflowError):
        return None


def format_decision_date(date: datetime.date) -> str:
    """Write a date as the website does: zero-padded day, short month name.

    Examples:
        >>> format_decision_date(datetime.date(2022, 1, 5))
        '05 Jan 2022'
    """
    return f"{date.day:02d} {date.strftime('%b')} {date.year:04d}"
