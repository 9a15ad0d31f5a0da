"""Facts people look for in a decision: findings, remedies, citations, cross-references, parties.

Each fact is registered in ``_registry`` with the finder that reads it; every
finder reads one shared reading of the decision (``_text.Context``: the
passages walked once, each text split into sentences once). Facts are frozen
objects with the span of the words they were read from (``None`` for
decisions built in code). They are computed only when first asked for, through
[`Decision.findings`][lgo_parse.Decision.findings],
[`Decision.remedies`][lgo_parse.Decision.remedies],
[`Decision.citations`][lgo_parse.Decision.citations],
[`Decision.cross_references`][lgo_parse.Decision.cross_references] and
[`Decision.parties`][lgo_parse.Decision.parties]; parsing never pays for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_attributes
from .._model import install_fact_provider
from ._model import (
    Citation,
    CitationKind,
    CrossReference,
    Deadline,
    Fault,
    Findings,
    Injustice,
    Party,
    PartyRole,
    Reason,
    Remedy,
    RemedyKind,
)
from ._registry import REGISTRY, FactKind, Finder, read_fact

# The model's fact properties read through the registry; the model itself
# imports nothing from this package.
install_fact_provider(read_fact)

if TYPE_CHECKING:
    from ._citations import find_citations
    from ._crossrefs import find_cross_references
    from ._deadlines import find_deadlines
    from ._findings import find_findings
    from ._money import Amount, find_amounts
    from ._parties import find_parties
    from ._remedies import find_remedies

# The finders compile many patterns; they load on first use, so that
# ``import lgo_parse`` and parsing alone never pay for them.
_LAZY = {
    "find_citations": "._citations",
    "find_cross_references": "._crossrefs",
    "find_deadlines": "._deadlines",
    "find_findings": "._findings",
    "Amount": "._money",
    "find_amounts": "._money",
    "find_parties": "._parties",
    "find_remedies": "._remedies",
}


__getattr__, __dir__ = lazy_attributes(globals(), _LAZY)


__all__ = [
    "REGISTRY",
    "Amount",
    "Citation",
    "CitationKind",
    "CrossReference",
    "Deadline",
    "FactKind",
    "Fault",
    "Finder",
    "Findings",
    "Injustice",
    "Party",
    "PartyRole",
    "Reason",
    "Remedy",
    "RemedyKind",
    "find_amounts",
    "find_citations",
    "find_cross_references",
    "find_deadlines",
    "find_findings",
    "find_parties",
    "find_remedies",
]
