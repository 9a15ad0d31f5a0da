"""Facts people look for in a decision: remedies, citations, cross-references, parties.

Each ``find_*`` function reads a whole [`Decision`][lgo_parse.Decision] and
returns a tuple of frozen fact objects, each with the span of the words it
was read from (``None`` for decisions built in code). They are computed only
when first asked for, through
[`Decision.remedies`][lgo_parse.Decision.remedies],
[`Decision.citations`][lgo_parse.Decision.citations],
[`Decision.cross_references`][lgo_parse.Decision.cross_references] and
[`Decision.parties`][lgo_parse.Decision.parties]; parsing never pays for them.
"""

from __future__ import annotations

from ._citations import find_citations
from ._crossrefs import find_cross_references
from ._deadlines import find_deadlines
from ._model import (
    Citation,
    CitationKind,
    CrossReference,
    Deadline,
    Party,
    PartyRole,
    Remedy,
    RemedyKind,
)
from ._money import Amount, find_amounts
from ._parties import find_parties
from ._remedies import find_remedies

__all__ = [
    "Amount",
    "Citation",
    "CitationKind",
    "CrossReference",
    "Deadline",
    "Party",
    "PartyRole",
    "Remedy",
    "RemedyKind",
    "find_amounts",
    "find_citations",
    "find_cross_references",
    "find_deadlines",
    "find_parties",
    "find_remedies",
]
