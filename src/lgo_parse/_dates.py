"""Decision dates: strict ``DD Mon YYYY`` reading and canonical writing.

The website writes its own short month names (``Jan`` ... ``Dec``), the
names ``format_decision_date`` writes: those are read from the same table.
Any other spelling ("Sept", "September", "sept.") is python-dateutil's to
read, from its table of month names; ``datetime.date`` then checks the day
and year exactly as written. ``dateutil.parser.parse`` itself is not used:
it fills in and adjusts quietly ("05 Mon 2022" reads "Mon" as Monday, year
"0000" becomes 2000), and a truncated or malformed date must never become a
real one. (Importing python-dateutil takes about 10 ms, with ``pathlib``,
``tempfile`` and ``importlib.resources``: a one-file run of a website page,
whose dates are all written the website's way, does not pay it.)
"""

from __future__ import annotations

import datetime
import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dateutil.parser import parserinfo

# The website's English month names, whatever the process locale (strftime's
# %b follows LC_TIME).
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_OWN_MONTHS = {name.lower(): number for number, name in enumerate(_MONTHS, start=1)}
# The day (a decision document may write "1st"), the month's name, the year; a
# document's date line may be spaced like the rest of its text.
_SHAPE = re.compile(
    r"(\d{1,2})(?:st|nd|rd|th)?[ \t\u00a0]+([A-Za-z]{3,9})\.?[ \t\u00a0]+(\d{4})", re.IGNORECASE
)


MAX_DATE_CHARS = 40
"""No date is longer: a longer field is not read (and never kept in the cache)."""


def parse_decision_date(text: str) -> datetime.date | None:
    """Read a date written like ``05 Jan 2022``; ``None`` if it is not a real date.

    Examples:
        >>> parse_decision_date("28 May 2024")
        datetime.date(2024, 5, 28)
        >>> parse_decision_date("31 Feb 2022") is None
        True
        >>> parse_decision_date("05 Mon 2022") is None  # not a month
        True
    """
    if len(text) > MAX_DATE_CHARS:
        return None
    return _parse_short(text)


@functools.lru_cache(maxsize=8192)  # a corpus repeats its dates; keys are short strings only
def _parse_short(text: str) -> datetime.date | None:
    shape = _SHAPE.fullmatch(text.strip())
    if shape is None:
        return None
    day, name, year = shape.groups()
    month = _OWN_MONTHS.get(name.lower()) or _months().month(name)
    if month is None:
        return None
    try:
        return datetime.date(int(year), month, int(day))
    except ValueError:  # 31 Feb, day 0, year 0
        return None


@functools.cache
def _months() -> parserinfo:
    from dateutil.parser import parserinfo  # imported on first use: it is slow to load

    return parserinfo()


def format_decision_date(date: datetime.date) -> str:
    """Write a date as the website does: zero-padded day, short month name.

    Examples:
        >>> format_decision_date(datetime.date(2022, 1, 5))
        '05 Jan 2022'
    """
    return f"{date.day:02d} {_MONTHS[date.month - 1]} {date.year:04d}"
