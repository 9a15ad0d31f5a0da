"""lgo-parse: LGSCO decision statements as typed Python objects, and back.

The whole public API is here; everything else is private.

Examples:
    >>> import lgo_parse
    >>> d = lgo_parse.parse("Example Council (23 013 577)\\n\\nDecision : Not upheld\\n")
    >>> d.authority, d.reference.year, d.outcome.kind
    ('Example Council', 2023, <OutcomeKind.NOT_UPHELD: 'not upheld'>)
    >>> lgo_parse.render(d)
    'Example Council (23 013 577)\\n\\nDecision : Not upheld\\n'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._errors import ParseError
from ._layout import Span
from ._lazy import lazy_attributes
from ._model import (
    Block,
    Category,
    Decision,
    DocumentKind,
    Form,
    ItemKind,
    ListItem,
    LooseLine,
    Outcome,
    OutcomeKind,
    Paragraph,
    Reference,
    Section,
    SectionKind,
    install_fact_provider,
    install_service,
)


# The model's conveniences (``Decision.to_dict``, ``.from_dict`` and the fact
# properties) reach serialisation and the fact finders through these hooks,
# which import them on first use: importing either installs the real function
# in its place, so only the first call goes through here.
def _read_fact(decision: Decision, name: str) -> Any:
    from ._facts._registry import read_fact

    return read_fact(decision, name)


def _to_dict(decision: Decision, **options: Any) -> dict[str, Any]:
    from ._serialize import decision_to_dict

    return decision_to_dict(decision, **options)


def _from_dict(data: dict[str, Any]) -> Decision:
    from ._serialize import decision_from_dict

    return decision_from_dict(data)


install_fact_provider(_read_fact)
install_service("to_dict", _to_dict)
install_service("from_dict", _from_dict)

from ._parse import parse, parse_all, parse_file  # noqa: E402  (after the hooks it may need)
from ._version import __version__  # noqa: E402

if TYPE_CHECKING:
    from ._debug import dump
    from ._facts import (
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
    from ._records import TABLES, records
    from ._render import render
    from ._schema import SCHEMA_VERSION, json_schema

# Public names whose modules load on first use: a one-file run (or a script
# that only parses) never needs the fact classes, the renderer, the tables
# or the schema, and ``import lgo_parse`` should cost no more than the model.
_LAZY = {
    "Citation": "._facts",
    "CitationKind": "._facts",
    "CrossReference": "._facts",
    "Deadline": "._facts",
    "Fault": "._facts",
    "Findings": "._facts",
    "Injustice": "._facts",
    "Party": "._facts",
    "PartyRole": "._facts",
    "Reason": "._facts",
    "Remedy": "._facts",
    "RemedyKind": "._facts",
    "SCHEMA_VERSION": "._schema",
    "TABLES": "._records",
    "dump": "._debug",
    "json_schema": "._schema",
    "records": "._records",
    "render": "._render",
}


__getattr__, __dir__ = lazy_attributes(globals(), _LAZY)

__all__ = [
    "SCHEMA_VERSION",
    "TABLES",
    "Block",
    "Category",
    "Citation",
    "CitationKind",
    "CrossReference",
    "Deadline",
    "Decision",
    "DocumentKind",
    "Fault",
    "Findings",
    "Form",
    "Injustice",
    "ItemKind",
    "ListItem",
    "LooseLine",
    "Outcome",
    "OutcomeKind",
    "Paragraph",
    "ParseError",
    "Party",
    "PartyRole",
    "Reason",
    "Reference",
    "Remedy",
    "RemedyKind",
    "Section",
    "SectionKind",
    "Span",
    "__version__",
    "dump",
    "json_schema",
    "parse",
    "parse_all",
    "parse_file",
    "records",
    "render",
]
