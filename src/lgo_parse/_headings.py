"""Section kinds, read from the heading terminals of the grammar.

The grammar names one terminal per recognised heading (``COMPLAINT_HEADING``,
``WHAT_HAPPENED_HEADING``, ...), so the grammar's patterns are the single
list of heading wordings: the parser uses them to find sections, and this
module uses them to name a section's kind wherever the heading stands.
"""

from __future__ import annotations

import functools
import re

from ._model import SectionKind

SUFFIX = "_HEADING"


@functools.lru_cache(maxsize=1)
def _kinds() -> tuple[tuple[re.Pattern[str], SectionKind], ...]:
    from ._grammar import parser

    found = []
    for term in parser().terminals:
        if term.name.endswith(SUFFIX) and term.name != "HEADING":
            kind = SectionKind[term.name[: -len(SUFFIX)]]
            found.append((re.compile(term.pattern.to_regexp()), kind))
    return tuple(found)


@functools.lru_cache(maxsize=4096)
def heading_kind(heading: str) -> SectionKind:
    """Return the kind of section a heading opens.

    Examples:
        >>> heading_kind("The Ombudsman’s role and powers")
        <SectionKind.ROLE_AND_POWERS: 'role and powers'>
        >>> heading_kind("A) The Council failed to act")
        <SectionKind.OTHER: 'other'>
    """
    text = heading.strip()
    for pattern, kind in _kinds():
        if pattern.fullmatch(text):
            return kind
    return SectionKind.OTHER
