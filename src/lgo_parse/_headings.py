"""Section kinds, read from the heading terminals of the grammar.

The grammar names one terminal per recognised heading (``COMPLAINT_HEADING``,
``WHAT_HAPPENED_HEADING``, ...), so the grammar's patterns are the single
list of heading wordings: the parser uses them to find sections, and this
module uses them to name a section's kind wherever the heading stands.

The patterns are read straight from the grammar's text (no parser is built,
and lark is not imported), so asking a heading built in code for its kind
costs a few milliseconds the first time. This module does not import the
model: it returns the kind's *name*, which the model turns into a
``SectionKind``.
"""

from __future__ import annotations

import functools
import re

SUFFIX = "_HEADING"
OTHER = "OTHER"

# A terminal definition line of the grammar: ``NAME.PRIORITY: /pattern/flags``.
_TERMINAL = re.compile(
    r"^(?P<name>(?:[A-Z_]+_)?HEADING)(?:\.\d+)?:\s*/(?P<pattern>.*)/(?P<flags>[imsux]*)\s*$"
)


@functools.cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Every heading terminal of the grammar as (pattern, name), the free ``HEADING`` last."""
    from ._resources import grammar_text

    found = []
    for line in grammar_text().splitlines():
        match = _TERMINAL.match(line)
        if match is None:
            continue
        flags = re.IGNORECASE if "i" in match["flags"] else 0
        found.append((re.compile(match["pattern"], flags), match["name"]))
    found.sort(key=lambda item: item[1] == "HEADING")
    return tuple(found)


@functools.cache
def _known() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((p, name[: -len(SUFFIX)]) for p, name in _patterns() if name != "HEADING")


def reads_as_heading(text: str) -> bool:
    """Whether a line reads as a heading: a recognised one, a lettered one, or a free one.

    Examples:
        >>> reads_as_heading("What happened"), reads_as_heading("Mr X complained.")
        (True, False)
    """
    return any(pattern.fullmatch(text) for pattern, _ in _patterns())


@functools.lru_cache(maxsize=1024)
def _kind_of_short(heading: str) -> str:
    for pattern, name in _known():
        if pattern.fullmatch(heading):
            return name
    return OTHER


def heading_kind(heading: str) -> str:
    """Return the name of the kind of section a heading opens (a ``SectionKind`` member name).

    Examples:
        >>> heading_kind("The Ombudsman’s role and powers")
        'ROLE_AND_POWERS'
        >>> heading_kind("A) The Council failed to act")
        'OTHER'
    """
    text = heading.strip()
    if len(text) > 200:  # no recognised heading is this long; never cache big strings
        return OTHER
    return _kind_of_short(text)
