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

from ._debug import dump
from ._errors import ParseError
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
from ._layout import Span
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
)
from ._parse import parse, parse_all, parse_file
from ._records import TABLES, records
from ._render import render
from ._schema import SCHEMA_VERSION, json_schema
from ._serialize import decision_to_dict as _installs_to_dict  # noqa: F401  (Decision.to_dict)
from ._version import __version__

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
