"""Making the facts without their attrs ``__init__`` (as ``lgo_parse._construct`` makes the model).

The fact classes are frozen, slotted attrs classes, and their generated
``__init__`` sets each field through ``object.__setattr__`` and converts
sequences to tuples. The finders make a few dozen facts per statement from
values they have already made right (tuples, spans, enum members), and that
``__init__`` cost more than the reading of some of them. Here each field is set
by its slot's own descriptor, the way ``lgo_parse._construct`` makes the
parser's objects (one mechanism for both).

Only for the finders: every value given is already of the field's type.
``tests/test_construct.py`` checks that each maker sets every field its class
has, to what the constructor sets.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from .._construct import _new, _setters
from .._layout import Span
from .._model import Paragraph
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

CITATION_FIELDS: Final = ("title", "year", "kind", "provisions", "as_amended", "text", "span")
CROSS_REFERENCE_FIELDS: Final = ("text", "number", "target", "span")
PARTY_FIELDS: Final = ("name", "role", "mentions", "spans")
REMEDY_FIELDS: Final = ("kind", "amount", "recipient", "deadline", "text", "span")
DEADLINE_FIELDS: Final = ("count", "unit", "runs_from", "text", "span")
FINDINGS_FIELDS: Final = (
    "investigated",
    "fault",
    "injustice",
    "reasons",
    "investigated_spans",
    "fault_spans",
    "injustice_spans",
    "reasons_spans",
)
"""Each maker's fields, in the order it sets them (the test reads them)."""

_CITATION: Final = _setters(Citation, *CITATION_FIELDS)
_CROSS_REFERENCE: Final = _setters(CrossReference, *CROSS_REFERENCE_FIELDS)
_PARTY: Final = _setters(Party, *PARTY_FIELDS)
_REMEDY: Final = _setters(Remedy, *REMEDY_FIELDS)
_DEADLINE: Final = _setters(Deadline, *DEADLINE_FIELDS)
_FINDINGS: Final = _setters(Findings, *FINDINGS_FIELDS)


def citation(
    title: str,
    year: int | None,
    kind: CitationKind,
    provisions: tuple[str, ...],
    as_amended: bool,
    text: str,
    span: Span | None,
) -> Citation:
    """``Citation(title, year, kind, provisions, as_amended, text, span)``."""
    made: Citation = _new(Citation)
    set_title, set_year, set_kind, set_provisions, set_amended, set_text, set_span = _CITATION
    set_title(made, title)
    set_year(made, year)
    set_kind(made, kind)
    set_provisions(made, provisions)
    set_amended(made, as_amended)
    set_text(made, text)
    set_span(made, span)
    return made


def cross_reference(
    text: str, number: int | None, target: Paragraph | None, span: Span | None
) -> CrossReference:
    """``CrossReference(text, number, target, span)``."""
    made: CrossReference = _new(CrossReference)
    set_text, set_number, set_target, set_span = _CROSS_REFERENCE
    set_text(made, text)
    set_number(made, number)
    set_target(made, target)
    set_span(made, span)
    return made


def party(name: str, role: PartyRole, mentions: int, spans: tuple[Span, ...]) -> Party:
    """``Party(name, role, mentions, spans)``."""
    made: Party = _new(Party)
    set_name, set_role, set_mentions, set_spans = _PARTY
    set_name(made, name)
    set_role(made, role)
    set_mentions(made, mentions)
    set_spans(made, spans)
    return made


def remedy(
    kind: RemedyKind,
    amount: Decimal | None,
    recipient: str | None,
    deadline: Deadline | None,
    text: str,
    span: Span | None,
) -> Remedy:
    """``Remedy(kind, amount, recipient, deadline, text, span)``."""
    made: Remedy = _new(Remedy)
    set_kind, set_amount, set_recipient, set_deadline, set_text, set_span = _REMEDY
    set_kind(made, kind)
    set_amount(made, amount)
    set_recipient(made, recipient)
    set_deadline(made, deadline)
    set_text(made, text)
    set_span(made, span)
    return made


def deadline(
    count: int, unit: str, runs_from: str | None, text: str, span: Span | None
) -> Deadline:
    """``Deadline(count, unit, runs_from, text, span)``."""
    made: Deadline = _new(Deadline)
    set_count, set_unit, set_runs_from, set_text, set_span = _DEADLINE
    set_count(made, count)
    set_unit(made, unit)
    set_runs_from(made, runs_from)
    set_text(made, text)
    set_span(made, span)
    return made


def findings(
    investigated: bool | None,
    fault: Fault | None,
    injustice: Injustice | None,
    reasons: tuple[Reason, ...],
    investigated_spans: tuple[Span, ...],
    fault_spans: tuple[Span, ...],
    injustice_spans: tuple[Span, ...],
    reasons_spans: tuple[Span, ...],
) -> Findings:
    """``Findings(investigated, fault, injustice, reasons, *spans)`` (the spans as tuples)."""
    made: Findings = _new(Findings)
    (
        set_investigated,
        set_fault,
        set_injustice,
        set_reasons,
        set_investigated_spans,
        set_fault_spans,
        set_injustice_spans,
        set_reasons_spans,
    ) = _FINDINGS
    set_investigated(made, investigated)
    set_fault(made, fault)
    set_injustice(made, injustice)
    set_reasons(made, reasons)
    set_investigated_spans(made, investigated_spans)
    set_fault_spans(made, fault_spans)
    set_injustice_spans(made, injustice_spans)
    set_reasons_spans(made, reasons_spans)
    return made
