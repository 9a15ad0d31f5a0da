"""Decisions as JSON-ready data, and back.

The data is the decision's *content*: what it says, where each part stands in
the source text (spans), and values derived from the content for consumers
(a reference's year, a section's kind, a paragraph's website number). It
follows the published JSON Schema (``lgo_parse._schema.json_schema``).

Layout (indentation, blank lines, marker spacing, line endings) is not
written, so text → JSON → text gives the canonical layout rather than the
original bytes; for byte-exact text, render the parsed decision itself.

Derived values and spans are written but never read back: ``decision_from_dict``
builds the content and the model derives the rest, so
``decision_from_dict(decision_to_dict(d)) == d``.
"""

from __future__ import annotations

import datetime
import decimal
import enum
import functools
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import attrs

from ._layout import Span
from ._model import (
    Block,
    Category,
    Decision,
    DocumentKind,
    Form,
    ListItem,
    LooseLine,
    Outcome,
    Paragraph,
    Reference,
    Section,
    install_service,
)
from ._schema import SCHEMA_VERSION
from ._version import __version__


@functools.cache
def fact_names() -> tuple[str, ...]:
    """The fact properties of a decision, written when ``facts=True`` (from the facts registry).

    Read when first asked for, so that writing a decision without its facts
    never loads the facts package.
    """
    from ._facts import REGISTRY

    return tuple(kind.name for kind in REGISTRY)


def __getattr__(name: str) -> Any:
    if name == "FACTS":  # the fact names as a constant, for code that reads them so
        return fact_names()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_T = TypeVar("_T")

# Left-out markers take the model's defaults.
_PARAGRAPH_MARKER = Paragraph("").marker
_ITEM_MARKER = ListItem("").marker

# -- to data -----------------------------------------------------------------


def decision_to_dict(
    decision: Decision, *, facts: bool = True, source: str | None = None
) -> dict[str, Any]:
    """Return a decision as JSON-ready data following the published JSON Schema.

    Args:
        decision: The decision.
        facts: Include every registered fact (findings, remedies, citations,
            cross-references, parties; extracted on first use, which costs time).
        source: The file the decision was read from, written as ``"source"``.

    Examples:
        >>> import lgo_parse
        >>> d = lgo_parse.parse("Example Council (23 013 577)\\n\\nDecision : Upheld\\n")
        >>> data = decision_to_dict(d, facts=False)
        >>> data["reference"]
        {'text': '23 013 577', 'year': 2023, 'slug': '23-013-577'}
        >>> data["outcome"]
        {'text': 'Upheld', 'kind': 'upheld'}
    """
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "lgo_parse_version": __version__,
    }
    if source is not None:
        data["source"] = source
    data.update(
        authority=decision.authority,
        reference=_reference(decision.reference),
        category=_category(decision.category),
        outcome=_outcome(decision.outcome),
        decision_date=_date(decision.decision_date),
        summary=decision.summary,
        sections=[_section(s) for s in decision.sections],
        signature=decision.signature,
        chrome_before=[_loose_line(line) for line in decision.chrome_before],
        chrome_after=[_loose_line(line) for line in decision.chrome_after],
        kind=decision.kind.value,
        form=decision.form.value,
        title_span=_span(decision.title_span),
        summary_span=_span(decision.summary_span),
    )
    if facts:
        for name in fact_names():
            data[name] = _fact(getattr(decision, name))
    return data


def _span(span: Span | None) -> dict[str, int] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "line": span.line, "column": span.column}


def _date(date: datetime.date | None) -> str | None:
    return None if date is None else date.isoformat()


def _reference(reference: Reference | None) -> dict[str, Any] | None:
    if reference is None:
        return None
    return {"text": reference.text, "year": reference.year, "slug": reference.slug}


def _category(category: Category | None) -> dict[str, Any] | None:
    if category is None:
        return None
    return {"text": category.text, "path": list(category.path), "top": category.top}


def _outcome(outcome: Outcome | None) -> dict[str, Any] | None:
    if outcome is None:
        return None
    return {"text": outcome.text, "kind": outcome.kind.value}


def _section(section: Section) -> dict[str, Any]:
    return {
        "heading": section.heading,
        "kind": section.kind.value,
        "span": _span(section.span),
        "blocks": [_block(b) for b in section.blocks],
        "subsections": [_section(s) for s in section.subsections],
    }


def _block(block: Block) -> dict[str, Any]:
    if isinstance(block, Paragraph):
        return {
            "type": "paragraph",
            "text": block.text,
            "marker": block.marker,
            "kind": block.kind.value,
            "number": block.number,
            "unnumbered_reason": block.unnumbered_reason,
            "span": _span(block.span),
            "items": [_block(i) for i in block.items],
        }
    if isinstance(block, ListItem):
        return {
            "type": "list_item",
            "text": block.text,
            "marker": block.marker,
            "kind": block.kind.value,
            "span": _span(block.span),
            "items": [_block(i) for i in block.items],
        }
    return _loose_line(block)


def _loose_line(line: LooseLine) -> dict[str, Any]:
    return {"type": "loose_line", "text": line.text, "span": _span(line.span)}


def _fact(value: Any) -> Any:
    """Write an extracted fact (or a part of one) as JSON-ready data.

    Facts are walked field by field rather than written one class at a time,
    so a new field on a fact class appears in the output without a change here.
    """
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, Span):
        return _span(value)
    # A fact that points into the statement names the paragraph by its website
    # number (or the section by its heading) instead of copying it.
    if isinstance(value, Paragraph):
        return value.number
    if isinstance(value, Section):
        return value.heading
    if isinstance(value, enum.Enum):
        return _fact(value.value)
    if isinstance(value, decimal.Decimal):
        # Fixed-point, never an exponent: Decimal("1E+3") is written "1000".
        return format(value, "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if attrs.has(type(value)):
        return {
            field.name: _fact(getattr(value, field.name))
            for field in attrs.fields(type(value))
            if field.name != "layout"
        }
    if isinstance(value, Mapping):
        return {str(k): _fact(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        # Sorted: set order changes from one process to the next.
        return sorted((_fact(v) for v in value), key=repr)
    if isinstance(value, Sequence):
        return [_fact(v) for v in value]
    return str(value)


# -- from data ---------------------------------------------------------------


def decision_from_dict(data: Mapping[str, Any]) -> Decision:
    """Build a decision from ``decision_to_dict`` data.

    Derived values (reference year, kinds, paragraph numbers), spans and facts
    are ignored: the model derives them again from the content. Properties
    that are left out take their defaults, so hand-written data may be short.

    Raises:
        ValueError: The data is of another major schema version, or is not
            shaped like decision data (validate it against the JSON Schema
            for a precise report).

    Examples:
        >>> d = decision_from_dict({
        ...     "authority": "Example Council",
        ...     "reference": {"text": "23 013 577"},
        ...     "sections": [{"heading": "The complaint",
        ...                   "blocks": [{"type": "paragraph", "text": "Mr X complains."}]}],
        ... })
        >>> d.paragraph(1).text
        'Mr X complains.'
    """
    _check_version(data.get("schema_version"))
    try:
        return Decision(
            authority=data.get("authority"),
            reference=_optional(data.get("reference"), lambda r: Reference(r["text"])),
            category=_optional(data.get("category"), lambda c: Category(c["text"])),
            outcome=_optional(data.get("outcome"), lambda o: Outcome(o["text"])),
            decision_date=_optional(data.get("decision_date"), datetime.date.fromisoformat),
            summary=data.get("summary"),
            sections=[_read_section(s) for s in data.get("sections", ())],
            signature=data.get("signature"),
            chrome_before=[_read_loose_line(x) for x in data.get("chrome_before", ())],
            chrome_after=[_read_loose_line(x) for x in data.get("chrome_after", ())],
            kind=DocumentKind(data.get("kind", DocumentKind.STATEMENT.value)),
            form=Form(data.get("form", Form.WEB.value)),
        )
    except (KeyError, TypeError, AttributeError, ValueError) as error:
        raise ValueError(f"not decision data ({type(error).__name__}: {error})") from None


def _check_version(version: object) -> None:
    if version is None:
        return
    major = SCHEMA_VERSION.split(".")[0]
    if not isinstance(version, str) or version.split(".")[0] != major:
        raise ValueError(
            f"decision data of schema version {version!r}; this lgo-parse reads version {major}.x"
        )


def _optional(value: Any, read: Callable[[Any], _T]) -> _T | None:
    return None if value is None else read(value)


def _read_section(data: Mapping[str, Any]) -> Section:
    return Section(
        data["heading"],
        [_read_block(b) for b in data.get("blocks", ())],
        [_read_section(s) for s in data.get("subsections", ())],
    )


def _read_block(data: Mapping[str, Any]) -> Block:
    kind = data["type"]
    if kind == "paragraph":
        marker = data.get("marker", _PARAGRAPH_MARKER)
        return Paragraph(data["text"], marker, _read_items(data))
    if kind == "list_item":
        return _read_item(data)
    if kind == "loose_line":
        return _read_loose_line(data)
    raise ValueError(f"a block's type is 'paragraph', 'list_item' or 'loose_line', not {kind!r}")


def _read_item(data: Mapping[str, Any]) -> ListItem:
    return ListItem(data["text"], data.get("marker", _ITEM_MARKER), _read_items(data))


def _read_items(data: Mapping[str, Any]) -> list[ListItem]:
    return [_read_item(i) for i in data.get("items", ())]


def _read_loose_line(data: Mapping[str, Any]) -> LooseLine:
    return LooseLine(data["text"])


install_service("to_dict", decision_to_dict)
install_service("from_dict", decision_from_dict)
