"""Making the parser's model objects without their attrs ``__init__``.

The model's classes are frozen, slotted attrs classes. Their generated
``__init__`` sets each field through ``object.__setattr__`` (the class's own
``__setattr__`` refuses), converts sequences to tuples and checks values built
in code. The parser makes a few hundred of them per statement from values it
has already made right (tuples, layouts, spans), and that ``__init__`` was a
tenth of a parse. Here each field is set by its slot's own descriptor, which is
what ``object.__setattr__`` ends up calling, minus the look-ups on the way.

Only for the parser and the fact finders: the checks skipped here are those for
objects built in code (``layout`` is ``None`` there), and every value given is
already of the field's type. ``tests/test_construct.py`` checks that each maker
sets every field its class has (a field added later and not set here fails
it) to what the constructor sets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from ._layout import LineLayout, RawLine, Span
from ._model import Decision, ListItem, LooseLine, Paragraph, Section, SectionLayout

if TYPE_CHECKING:
    import datetime

    from ._layout import DecisionLayout
    from ._model import Block, Category, DocumentKind, Form, Outcome, Reference

_new: Final[Any] = object.__new__


def _setters(cls: type, *names: str) -> tuple[Any, ...]:
    slots = vars(cls)
    return tuple(slots[name].__set__ for name in names)


SPAN_FIELDS: Final = ("start", "end", "line", "column", "pieces")
PARAGRAPH_FIELDS: Final = (
    "text",
    "marker",
    "items",
    "number",
    "unnumbered_reason",
    "layout",
    "span",
)
LIST_ITEM_FIELDS: Final = ("text", "marker", "items", "layout", "span")
LOOSE_LINE_FIELDS: Final = ("text", "layout", "span")
SECTION_FIELDS: Final = ("heading", "blocks", "subsections", "layout", "span")
SECTION_LAYOUT_FIELDS: Final = ("heading", "separators")
RAW_LINE_FIELDS: Final = ("text", "layout")
DECISION_FIELDS: Final = (
    "authority",
    "reference",
    "category",
    "outcome",
    "decision_date",
    "summary",
    "sections",
    "signature",
    "chrome_before",
    "chrome_after",
    "kind",
    "form",
    "layout",
    "summary_span",
    "title_span",
)
"""Each maker's fields, in the order it sets them (the test reads them)."""

_SPAN: Final = _setters(Span, *SPAN_FIELDS)
_PARAGRAPH: Final = _setters(Paragraph, *PARAGRAPH_FIELDS)
_LIST_ITEM: Final = _setters(ListItem, *LIST_ITEM_FIELDS)
_LOOSE_LINE: Final = _setters(LooseLine, *LOOSE_LINE_FIELDS)
_SECTION: Final = _setters(Section, *SECTION_FIELDS)
_SECTION_LAYOUT: Final = _setters(SectionLayout, *SECTION_LAYOUT_FIELDS)
_RAW_LINE: Final = _setters(RawLine, *RAW_LINE_FIELDS)
_DECISION: Final = _setters(Decision, *DECISION_FIELDS)


def span(
    start: int,
    end: int,
    line: int,
    column: int,
    pieces: tuple[tuple[int, int, int, int], ...] = (),
) -> Span:
    """``Span(start, end, line, column, pieces)``."""
    made: Span = _new(Span)
    set_start, set_end, set_line, set_column, set_pieces = _SPAN
    set_start(made, start)
    set_end(made, end)
    set_line(made, line)
    set_column(made, column)
    set_pieces(made, pieces)
    return made


def paragraph(
    text: str,
    marker: str,
    items: tuple[ListItem, ...],
    number: int | None,
    unnumbered_reason: str | None,
    layout: LineLayout,
    span: Span,
) -> Paragraph:
    """``Paragraph(...)`` as read from a statement (``items`` a tuple, a layout given)."""
    made: Paragraph = _new(Paragraph)
    set_text, set_marker, set_items, set_number, set_reason, set_layout, set_span = _PARAGRAPH
    set_text(made, text)
    set_marker(made, marker)
    set_items(made, items)
    set_number(made, number)
    set_reason(made, unnumbered_reason)
    set_layout(made, layout)
    set_span(made, span)
    return made


def list_item(
    text: str, marker: str, items: tuple[ListItem, ...], layout: LineLayout, span: Span
) -> ListItem:
    """``ListItem(...)`` as read from a statement (``items`` a tuple, a layout given)."""
    made: ListItem = _new(ListItem)
    set_text, set_marker, set_items, set_layout, set_span = _LIST_ITEM
    set_text(made, text)
    set_marker(made, marker)
    set_items(made, items)
    set_layout(made, layout)
    set_span(made, span)
    return made


def loose_line(text: str, layout: LineLayout, span: Span) -> LooseLine:
    """``LooseLine(...)`` as read from a statement (a layout given)."""
    made: LooseLine = _new(LooseLine)
    set_text, set_layout, set_span = _LOOSE_LINE
    set_text(made, text)
    set_layout(made, layout)
    set_span(made, span)
    return made


def section(
    heading: str | None,
    blocks: tuple[Block, ...],
    subsections: tuple[Section, ...],
    layout: SectionLayout | None,
    span: Span | None,
) -> Section:
    """``Section(...)`` as read from a statement (tuples given; a heading with its layout)."""
    made: Section = _new(Section)
    set_heading, set_blocks, set_subsections, set_layout, set_span = _SECTION
    set_heading(made, heading)
    set_blocks(made, blocks)
    set_subsections(made, subsections)
    set_layout(made, layout)
    set_span(made, span)
    return made


def section_layout(heading: LineLayout, separators: tuple[RawLine, ...] = ()) -> SectionLayout:
    """``SectionLayout(heading, separators)``."""
    made: SectionLayout = _new(SectionLayout)
    set_heading, set_separators = _SECTION_LAYOUT
    set_heading(made, heading)
    set_separators(made, separators)
    return made


def raw_line(text: str, layout: LineLayout) -> RawLine:
    """``RawLine(text, layout)``."""
    made: RawLine = _new(RawLine)
    set_text, set_layout = _RAW_LINE
    set_text(made, text)
    set_layout(made, layout)
    return made


def decision(
    authority: str | None,
    reference: Reference | None,
    category: Category | None,
    outcome: Outcome | None,
    decision_date: datetime.date | None,
    summary: str | None,
    sections: tuple[Section, ...],
    signature: str | None,
    chrome_before: tuple[LooseLine, ...],
    chrome_after: tuple[LooseLine, ...],
    kind: DocumentKind,
    form: Form,
    layout: DecisionLayout | None,
    summary_span: Span | None,
    title_span: Span | None,
) -> Decision:
    """``Decision(...)`` with its paragraphs already numbered (the constructor numbers them).

    The parser's builder numbers paragraphs as it reads them, by the same rule
    (``lgo_parse._numbering.Counter``) the constructor applies, so walking the
    tree again on construction would only repeat it. (This replaces
    ``Decision.assemble``, which was there for the parser only.)
    """
    made: Decision = _new(Decision)
    values = (
        authority,
        reference,
        category,
        outcome,
        decision_date,
        summary,
        sections,
        signature,
        chrome_before,
        chrome_after,
        kind,
        form,
        layout,
        summary_span,
        title_span,
    )
    for setter, value in zip(_DECISION, values, strict=True):
        setter(made, value)
    return made
