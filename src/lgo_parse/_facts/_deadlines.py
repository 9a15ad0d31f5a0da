"""Deadlines written as a period: "within four weeks of my final decision".

Only periods are read ("within one month", "no later than 20 working days
after ..."); a date ("by 30 June 2024") has no count and unit and is not a
[`Deadline`][lgo_parse.Deadline].
"""

from __future__ import annotations

import re
from typing import Final

from .._layout import Span
from ._lazy_regex import Lazy
from ._make import deadline as make_deadline
from ._model import Deadline
from ._numbers import NUMBER, number_value
from ._patterns import Worded
from ._text import sub_span

# Tried only where "within" or "no" stands (see ``Worded``).
_DEADLINE: Final = Worded(
    Lazy(
        r"\b(?:within|no\s+later\s+than|no\s+more\s+than)\s+(?:the\s+next\s+)?"
        rf"(?P<count>{NUMBER}|an?)\s+"
        r"(?:(?P<qualifier>working|business|calendar|clear)\s+)?"
        r"(?P<unit>days?|weeks?|months?|years?|fortnights?)\b"
        r"(?:\s+(?:of|from|after|following)\s+"
        r"(?:(?:the|its)\s+date\s+of\s+)?"
        r"(?:(?:my|our|the|this|its|their|his|her)\s+)?"
        r"(?P<runs_from>(?:final\s+)?decision(?:\s+statement)?\b|statement\b"
        # Anything else: up to four words, stopping before words that start a clause.
        r"|[\w’'-]+(?:\s+(?!(?:and|or|to|it|he|she|they|for|so|in|which|that|the\s+council)\b)[\w’'-]+){0,3})"
        r")?",
        re.IGNORECASE,
    ),
    "within",
    "no ",
)
# What a period most often runs from, normalised so that "the date of my
# decision" and "our decision" compare equal.
_RUNS_FROM: Final = (
    (Lazy(r"final\s+decision(?:\s+statement)?\b", re.I), "final decision"),
    (Lazy(r"decision(?:\s+statement)?\b", re.I), "decision"),
    (Lazy(r"statement\b", re.I), "final decision"),
)


def find_deadlines(text: str, span: Span | None = None) -> tuple[Deadline, ...]:
    """Return the deadlines written in ``text``, in order.

    Args:
        text: A paragraph, item or sentence.
        span: Where ``text`` stands in the source, to give each deadline its span.

    Examples:
        >>> [str(d) for d in find_deadlines("Pay £20 within 20 working days of my decision.")]
        ['within 20 working days of decision']
    """
    return tuple(deadline for _, deadline in deadlines_at(text, span))


def deadlines_at(text: str, span: Span | None = None) -> list[tuple[int, Deadline]]:
    """Return ``(offset in text, deadline)`` for each deadline in ``text``, in order."""
    if "ithin" not in text and "later than" not in text and "more than" not in text:
        return []
    found = []
    for match in _DEADLINE.matches(text):
        count = number_value(match["count"])
        if count is None:
            continue
        unit = match["unit"].lower().rstrip("s")
        if unit == "fortnight":
            count, unit = count * 2, "week"
        qualifier = (match["qualifier"] or "").lower()
        if qualifier in ("working", "business"):
            unit = "working " + unit
        deadline = make_deadline(
            count,
            unit,
            _runs_from(match["runs_from"]),
            match.group(),
            None if span is None else sub_span(span, match.start(), match.end()),
        )
        found.append((match.start(), deadline))
    return found


# What ``_RUNS_FROM`` makes of the words most deadlines run from, looked up
# before its patterns are tried (a test checks each against them).
_RUNS_FROM_KNOWN: Final = {
    "final decision": "final decision",
    "decision": "decision",
    "statement": "final decision",
    "final decision statement": "final decision",
    "decision statement": "decision",
}


def _runs_from(words: str | None) -> str | None:
    if not words:
        return None
    known = _RUNS_FROM_KNOWN.get(words)
    if known is not None:
        return known
    for pattern, name in _RUNS_FROM:
        if pattern.match(words):
            return name
    return " ".join(words.lower().split())
