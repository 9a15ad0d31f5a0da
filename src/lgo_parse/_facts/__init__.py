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

import importlib
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from ._citations import find_citations
    from ._crossrefs import find_cross_references
    from ._deadlines import find_deadlines
    from ._money import Amount, find_amounts
    from ._parties import find_parties
    from ._remedies import find_remedies

# The finders compile many patterns; they load on first use, so that
# ``import lgo_parse`` and parsing alone never pay for them.
_LAZY = {
    "find_citations": "._citations",
    "find_cross_references": "._crossrefs",
    "find_deadlines": "._deadlines",
    "Amount": "._money",
    "find_amounts": "._money",
    "find_parties": "._parties",
    "find_remedies": "._remedies",
}


def __getattr__(name: str) -> Any:
    try:
        module = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


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
