"""References to paragraphs of the statement: "paragraph ten of this statement".

The numbers are the website's paragraph numbers (see
``lgo_parse._numbering``), so a reference resolves with
[`Decision.paragraph`][lgo_parse.Decision.paragraph]. "paragraphs 3 to 5" and
"paragraphs 3 and 5" give one [`CrossReference`][lgo_parse.CrossReference] per
paragraph named, all with the text and span of the whole phrase, so that every
reference has a single ``target``.

A paragraph of something else is not a cross-reference: "Schedule 5/5a,
paragraph 4" (a statute), "paragraph 4 of the guidance", "paragraph 4.3",
"the NPPF says at paragraph 203" (another document named just before).
"""

from __future__ import annotations

import bisect
import re
from typing import Final

from .._model import Decision, Paragraph
from ._lazy_regex import Lazy
from ._make import cross_reference as make_cross_reference
from ._model import CrossReference
from ._numbers import NUMBER, number_value
from ._patterns import Worded
from ._text import Context, Passage, context_of

_REFERENCE: Final = Lazy(
    rf"\b(?:paragraphs?|paras?\.?)\s+(?P<numbers>{NUMBER}(?:\s*(?:,|and|&|or|to|-|–)\s*{NUMBER})*)"
    r"(?![.:]\d|\(\d)"
    r"(?:\s+(?:of|in)\s+(?:this|my|the)\s+(?:draft\s+|final\s+)?(?:statement|decision)\b)?",
    re.IGNORECASE,
)
# Tried only where "para" stands in the passage's lower-case copy, as every match
# starts with it (``Worded``): the engine tests the pattern's ``\b`` and first
# letter at every character of the passage otherwise.
_REFERENCE_AT_PARA: Final = Worded(_REFERENCE, "para")
_NUMBER: Final = Lazy(NUMBER, re.IGNORECASE)
# Starts only after a non-space: a run of spaces is tried once, not from every offset.
_RANGE: Final = Lazy(r"(?<!\s)\s*(?:to|-|–)\s*$", re.IGNORECASE)
# "paragraph 4 of the guidance", "paragraph 4 of Schedule 5": some other document's paragraph.
_OF_ELSEWHERE: Final = Lazy(
    r"\s+(?:of|in|to)\s+(?!(?:this|my|our|the)\s+(?:draft\s+|final\s+)?(?:statement|decision)\b)"
    r"(?:the|our|its|their|his|her|a|an|that|[A-Z])",
)
# "Schedule 5/5a, paragraph 4", "Care Act 2014, paragraph 3": a provision of a statute.
# "The NPPF says at paragraph 203", "the guidance, at paragraph 12": another
# document named just before, in the same sentence.
_DOCUMENT_BEFORE: Final = Lazy(
    r"\b(?:NPPF|Framework|[Gg]uidance|Code|[Pp]olicy|[Pp]lan|[Rr]eport|[Jj]udgment|[Ll]etter"
    r"|[Mm]anual|[Cc]ircular|[Ss]tandards?)\b(?:[’']s)?[^.;:]{0,40}?\b(?:at|in|under|see)\s+$"
)
# The words _DOCUMENT_BEFORE ends with, before white space.
_DOCUMENT_BEFORE_ENDS: Final = ("at", "in", "under", "see")
_STATUTE_BEFORE: Final = Lazy(
    r"(?:Schedule|Part|section|regulation|Act\s+\d{4}|Regulations\s+\d{4})\s*\S*\s*,?\s*$",
    re.IGNORECASE,
)
_LONGEST_RANGE: Final = 50


def find_cross_references(decision: Decision) -> tuple[CrossReference, ...]:
    """Return the references to paragraphs of this statement, in document order.

    Examples:
        >>> import lgo_parse
        >>> d = lgo_parse.Decision(
        ...     sections=[lgo_parse.Section("The complaint", [
        ...         lgo_parse.Paragraph("Mr X complains."),
        ...         lgo_parse.Paragraph("See paragraph one."),
        ...     ])]
        ... )
        >>> [(r.text, r.number, r.target.text) for r in find_cross_references(d)]
        [('paragraph one', 1, 'Mr X complains.')]
    """
    return read_cross_references(context_of(decision))


def read_cross_references(context: Context) -> tuple[CrossReference, ...]:
    """Return the cross-references in the decision's shared reading (the registered finder)."""
    decision = context.decision
    found: list[CrossReference] = []
    for passage in _referring(context):
        text = passage.text
        for match in _REFERENCE_AT_PARA.finditer(text):
            start = match.start()
            if (
                _OF_ELSEWHERE.match(text, match.end())
                or _STATUTE_BEFORE.search(text, max(0, start - 40), start)
                or (
                    _may_follow_a_document(text, start)
                    and _DOCUMENT_BEFORE.search(text, max(0, start - 60), start)
                )
            ):
                continue
            span = passage.span_of(match.start(), match.end())
            # One string for every reference of the phrase: "paragraphs 1 to 50"
            # gives fifty references, not fifty copies of the phrase.
            phrase = match.group()
            for number in _numbers(match["numbers"]):
                found.append(make_cross_reference(phrase, number, _target(decision, number), span))
    return tuple(found)


# Every reference names a "paragraph" or a "para": the passages that hold the
# letters are found by one search of the decision's joined texts, which the
# regular expression engine runs at memory speed for a literal (faster than
# ``str.find`` for these three letters, measured: "a" is frequent).
_PARA: Final = Lazy("ara")


def _referring(context: Context) -> list[Passage]:
    """Return the passages that hold "ara", in order (any other passage has no reference).

    The letters never span the NUL between passages. A list, not a generator:
    most decisions have a few such passages.
    """
    text, starts = context.joined
    passages = context.passages
    last = len(starts) - 1
    found: list[Passage] = []
    hit = _PARA.search(text)
    while hit is not None:
        index = bisect.bisect_right(starts, hit.start()) - 1
        found.append(passages[index])
        if index == last:
            break
        hit = _PARA.search(text, starts[index + 1])
    return found


def _may_follow_a_document(text: str, start: int) -> bool:
    """Whether ``_DOCUMENT_BEFORE`` can match the 60 characters before ``start``.

    Only when they end with "at", "in", "under" or "see" and white space (which
    ``str.rstrip`` strips, as the engine's ``\\s`` is ``str.isspace``): most
    references follow "paragraph" with "at" or nothing, and the pattern would
    be tried at each of the 60 characters.
    """
    first = max(0, start - 60)
    before = text[first:start].rstrip()
    return len(before) < start - first and before.endswith(_DOCUMENT_BEFORE_ENDS)


def _numbers(written: str) -> list[int]:
    numbers: list[int] = []
    previous_end = 0
    for match in _NUMBER.finditer(written):
        value = number_value(match.group())
        if value is None:
            continue
        ranged = _RANGE.search(written, previous_end, match.start())
        if ranged and numbers and 0 < value - numbers[-1] <= _LONGEST_RANGE:
            numbers += range(numbers[-1] + 1, value + 1)
        else:
            numbers.append(value)
        previous_end = match.end()
    return numbers


def _target(decision: Decision, number: int) -> Paragraph | None:
    """``decision.paragraph(number)``, or ``None``: a look-up in the table it reads.

    Not ``try``: compiled, every ``KeyError`` caught costs a traceback (a
    reference to a paragraph the decision does not have, or any in the compact
    layout, which numbers none).
    """
    return decision._by_number.get(number)
