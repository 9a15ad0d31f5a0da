"""From tokens to the model: a method for each grammar rule, run as it is reduced.

The parser (``lgo_parse._driver``) calls them as it reduces, so no parse
tree is built: each rule's method gets its children (line tokens, or what the callbacks of
sub-rules returned) and returns model objects with their layout and spans.
It holds no state, so one parser serves every thread.
"""

from __future__ import annotations

import re
from typing import Any

from ._dates import parse_decision_date
from ._errors import DuplicateFieldError
from ._layout import DecisionLayout, HeaderLayout, LineLayout, RawLine, Span
from ._lexer import LineToken
from ._model import (
    BULLET_MARKERS,
    Block,
    Category,
    Decision,
    ListItem,
    LooseLine,
    Outcome,
    Paragraph,
    Reference,
    Section,
    SectionLayout,
)
from ._numbering import Counter

FIELD_KEYS = {
    "CATEGORY_FIELD": "category",
    "OUTCOME_FIELD": "outcome",
    "DATE_FIELD": "decision_date",
}

_SPACE = " \t\u00a0"


def _layout(tok: LineToken, indent: str = "", gap: str = "") -> LineLayout:
    return _shared_layout(indent, gap, tok.trail, tok.eol, tok.blanks)


# A corpus writes its lines in a handful of ways (19 distinct layouts in
# 114,000 lines of the benchmark corpus), and layouts are immutable, so
# equal ones are shared: fewer objects to build, hold and garbage-collect.
_LAYOUTS: dict[tuple[str, str, str, str, tuple[str, ...]], LineLayout] = {}
_LAYOUTS_MAX = 4096


def _shared_layout(
    indent: str, gap: str, trail: str, eol: str, blanks: tuple[str, ...]
) -> LineLayout:
    key = (indent, gap, trail, eol, blanks)
    layout = _LAYOUTS.get(key)
    if layout is None:
        layout = LineLayout(indent, gap, trail, eol, blanks)
        if len(_LAYOUTS) < _LAYOUTS_MAX:
            _LAYOUTS[key] = layout
    return layout


def _span(tok: LineToken, skip: int) -> Span:
    start = tok.start_pos
    return Span(start + skip, start + len(tok.value), tok.line, skip + 1)


def _loose(tok: LineToken) -> LooseLine:
    indent, text = _split_indent(tok.value)
    return LooseLine(text, _layout(tok, indent), _span(tok, len(indent)))


def _split_indent(value: str) -> tuple[str, str]:
    text = value.lstrip(" \t")
    return value[: len(value) - len(text)], text


# indent, marker (a bullet character alone, or a word such as "1." or "(a)"), gap
_ITEM_LEAD = re.compile(rf"([ \t]*)([{BULLET_MARKERS}-]|[^\s{BULLET_MARKERS}-]\S*)([{_SPACE}]*)")


def _entry(tok: LineToken) -> tuple[str, str, LineLayout, Span]:
    """Split a list item line into its text, marker, layout and the text's span."""
    lead = _ITEM_LEAD.match(tok.value)
    assert lead is not None  # the item terminals guarantee a marker
    indent, marker, gap = lead.groups()
    skip = lead.end()
    layout = _shared_layout(indent, gap, tok.trail, tok.eol, tok.blanks)
    start = tok.start_pos
    span = Span(start + skip, start + len(tok.value), tok.line, skip + 1)
    return tok.value[skip:], marker, layout, span


def _split_label(tok: LineToken) -> tuple[str, str]:
    """Split ``Label : value`` into the label with its separator, and the value."""
    colon = tok.value.index(":") + 1
    value = tok.value[colon:].lstrip(_SPACE)
    return tok.value[: len(tok.value) - len(value)], value


class Builder:
    """One method per grammar rule, building [`Decision`][lgo_parse.Decision] objects.

    Each method gets the rule's children (line tokens, or what the methods of
    sub-rules returned), as lark's transformers do. A builder serves one
    parse: it counts the website paragraph numbers as the paragraphs come.
    """

    def __init__(self) -> None:
        self.numbers = Counter()

    # -- lines -------------------------------------------------------------

    def loose_line(self, children: list[LineToken]) -> LooseLine:
        self.numbers.other()
        return _loose(children[0])

    def paragraph(self, children: list[Any]) -> Paragraph:
        text, marker, layout, span = _entry(children[0])
        number, reason = self.numbers.paragraph(marker)
        items = children[1] if len(children) > 1 else ()
        return Paragraph(text, marker, items, number, reason, layout, span)

    def bullet(self, children: list[Any]) -> ListItem:
        self.numbers.bullet()
        return self.item(children)

    def item(self, children: list[Any]) -> ListItem:
        text, marker, layout, span = _entry(children[0])
        items = children[1] if len(children) > 1 else ()
        return ListItem(text, marker, items, layout, span)

    def sublist(self, children: list[ListItem]) -> tuple[ListItem, ...]:
        return tuple(children)

    def separators(self, children: list[LineToken]) -> tuple[RawLine, ...]:
        return tuple(RawLine(tok.value, _layout(tok)) for tok in children)

    # -- sections ----------------------------------------------------------

    def _section(self, children: list[Any]) -> Section:
        tok: LineToken = children[0]
        blocks: list[Block] = []
        subsections: list[Section] = []
        for child in children[1:]:
            (subsections if isinstance(child, Section) else blocks).append(child)
        return Section(
            tok.value,
            tuple(blocks),
            tuple(subsections),
            SectionLayout(_layout(tok)),
            _span(tok, 0),
        )

    main_section = findings_section = background_section = top_sub_section = _section
    subsection = _section

    def main_heading(self, children: list[LineToken]) -> LineToken:
        self.numbers.other()  # a heading ends a run of bullets
        return children[0]

    findings_heading = background_heading = sub_heading = main_heading

    def intro(self, children: list[Block]) -> Section:
        return Section(None, tuple(children))

    def body(self, children: list[Any]) -> tuple[tuple[Section, ...], tuple[RawLine, ...]]:
        """Give each run of ``Back to top`` lines to the section after it."""
        sections: list[Section] = []
        separators: tuple[RawLine, ...] = ()
        for child in children:
            if isinstance(child, tuple):
                separators = child
            elif separators:
                layout = child.layout or SectionLayout()
                sections.append(
                    Section(
                        child.heading,
                        child.blocks,
                        child.subsections,
                        SectionLayout(layout.heading, separators),
                        child.span,
                    )
                )
                separators = ()
            else:
                sections.append(child)
        return tuple(sections), separators

    # -- header and ending -------------------------------------------------

    def preamble(self, children: list[LineToken]) -> tuple[LooseLine, ...]:
        return tuple(_loose(line) for tok in children for line in (tok, *tok.rest))

    def title(self, children: list[LineToken]) -> LineToken:
        return children[0]

    def field(self, children: list[LineToken]) -> LineToken:
        return children[0]

    label = summary = field

    def header(self, children: list[LineToken]) -> list[LineToken]:
        return children

    def ending(self, children: list[LineToken]) -> list[LineToken]:
        return children

    def start(self, children: list[Any]) -> Decision:
        preamble, title, header, (sections, closing), ending = children
        fields: dict[str, Any] = {}
        field_layouts = []
        label = None
        summary = summary_span = summary_layout = None
        for tok in header:
            key = FIELD_KEYS.get(tok.type)
            if key is not None:
                if key in fields:
                    raise DuplicateFieldError(tok, key)
                written, value = _split_label(tok)
                fields[key] = value
                field_layouts.append((key, written, value, _layout(tok)))
            elif tok.type == "FINAL_DECISION_LABEL":
                label = RawLine(tok.value, _layout(tok))
            else:
                written, summary = _split_label(tok)
                summary_layout = _layout(tok, "", written)
                summary_span = _span(tok, len(written))

        authority, gap, written = _split_title(title.value)
        reference = " ".join(written.split())  # no-break spaces read as spaces
        signature = ending[0] if ending else None
        chrome_after = self.preamble(ending[1:])
        layout = DecisionLayout(
            style=_style(title, sections),
            header=HeaderLayout(
                _layout(title, "", gap),
                written if written != reference else None,
                tuple(field_layouts),
                label,
                summary_layout,
            ),
            closing=closing,
            signature=_layout(signature) if signature is not None else None,
        )
        category = fields.get("category")
        outcome = fields.get("outcome")
        date = fields.get("decision_date")
        return Decision.assemble(
            authority=authority,
            reference=Reference(reference),
            category=Category(category) if category is not None else None,
            outcome=Outcome(outcome) if outcome is not None else None,
            decision_date=parse_decision_date(date) if date is not None else None,
            summary=summary,
            sections=sections,
            signature=signature.value if signature is not None else None,
            chrome_before=preamble,
            chrome_after=chrome_after,
            layout=layout,
            summary_span=summary_span,
            title_span=_span(title, 0),
        )


def _split_title(value: str) -> tuple[str, str, str]:
    """Split ``Authority (23 013 577)`` into authority, gap and reference."""
    open_paren = value.rindex("(")
    authority = value[:open_paren].rstrip()
    return authority, value[len(authority) : open_paren], value[open_paren + 1 : -1]


def _style(title: LineToken, sections: tuple[Section, ...]) -> str:
    """Compact pages have no blank lines and ``- `` items; the rest are web pages."""
    for section in sections:
        for s in section.walk():
            for block in s.blocks:
                if isinstance(block, (Paragraph, ListItem)):
                    return "compact" if block.marker == "-" else "web"
    # No list entries: compact pages put no blank line after the title.
    return "compact" if title.eol and not title.blanks and not title.final else "web"
