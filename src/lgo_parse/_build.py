"""From tokens to the model: a method for each grammar rule, run as it is reduced.

The parser (``lgo_parse._driver``) calls them as it reduces, so no parse
tree is built: each rule's method gets its children (line tokens, or what the
methods of sub-rules returned) and returns model objects with their layout and
spans. Rules of a template (``body{_web_block}``) call the template's method.
A builder serves one parse: it counts paragraph numbers as paragraphs come.
"""

from __future__ import annotations

import itertools
import re
from typing import Any, ClassVar, Final, NamedTuple

from . import _construct as make
from ._dates import parse_decision_date
from ._errors import DuplicateFieldError
from ._layout import DecisionLayout, HeaderLayout, LineLayout, RawLine, Span
from ._lexer import LineToken
from ._model import (
    BULLET_MARKERS,
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
    SectionLayout,
    reference_text,
)
from ._numbering import Counter

FIELD_KEYS: Final = {
    "CATEGORY_FIELD": "category",
    "OUTCOME_FIELD": "outcome",
    "DATE_FIELD": "decision_date",
    "CATEGORY_LABEL": "category",
    "OUTCOME_LABEL": "outcome",
    "DATE_LABEL": "decision_date",
    "LETTER_DATE": "decision_date",
    "REFERENCE_FIELD": "reference",
    "REFERENCE_LABEL": "reference",
    "AGAINST_FIELD": "authority",
    "AGAINST_LABEL": "authority",
}
DRAFT_TOKENS: Final = frozenset(
    ("DRAFT_DECISION_LABEL", "DRAFT_SIGNATURE", "DRAFT_DECISION_HEADING")
)
RUN_IN_TOKENS: Final = frozenset(("RUN_IN_MAIN_HEADING", "RUN_IN_SUB_HEADING"))
CATEGORY_JOINER: Final = " > "

_SPACE: Final = " \t\u00a0"
# A copying site's metadata: "... Upheld Reference 21-009-806 ... Decided 26 July 2022".
_SOURCE_REFERENCE: Final = re.compile(r"\bReference\s+(\d\d)-(\d\d\d)-(\d\d\d[a-z]?)\b")
_SOURCE_DATE: Final = re.compile(r"\bDecided\s+(\d{1,2}\s+[A-Za-z]{3,9}\s+\d{4})\b")
_SOURCE_OUTCOME: Final = re.compile(
    r"\)\s+(Upheld|Not upheld|Closed after initial enquiries)\s+Reference\b", re.IGNORECASE
)


def _layout(tok: LineToken, indent: str = "", gap: str = "") -> LineLayout:
    return _shared_layout(indent, gap, tok.trail, tok.eol, tok.blanks)


# A corpus writes its lines in a handful of ways (19 distinct layouts in
# 114,000 lines of the benchmark corpus), and layouts are immutable, so
# equal ones are shared: fewer objects to build, hold and garbage-collect.
# Only small layouts are kept, so the cache never holds on to big strings.
_LAYOUTS: Final[dict[tuple[str, str, str, str, tuple[str, ...]], LineLayout]] = {}
_LAYOUTS_MAX: Final = 4096
_SHARED_MAX_CHARS: Final = 64


def _shared_layout(
    indent: str, gap: str, trail: str, eol: str, blanks: tuple[str, ...]
) -> LineLayout:
    key = (indent, gap, trail, eol, blanks)
    layout = _LAYOUTS.get(key)
    if layout is None:
        layout = LineLayout(indent, gap, trail, eol, blanks)
        if (
            len(_LAYOUTS) < _LAYOUTS_MAX
            and len(indent) + len(gap) + len(trail) + sum(map(len, blanks)) <= _SHARED_MAX_CHARS
        ):
            _LAYOUTS[key] = layout
    return layout


def _span(tok: LineToken, skip: int) -> Span:
    start = tok.start_pos
    return make.span(start + skip, start + len(tok.value), tok.line, skip + 1)


def _split_indent(value: str) -> tuple[str, str]:
    text = value.lstrip(" \t")
    return value[: len(value) - len(text)], text


_ONE_CHARACTER_MARKERS: Final = BULLET_MARKERS + "-"


def _entry(tok: LineToken) -> tuple[str, str, LineLayout, Span]:
    """Split a list item line into its text, marker, layout and the text's span.

    An item line (the item terminals say so) is an indent of spaces and tabs,
    a marker (a bullet character or ``-`` alone, or a word such as ``1.`` or
    ``(a)`` up to the first white space), then a gap of spaces, tabs and
    no-break spaces. Read with string steps, not a regex: an item is the
    commonest line, and this is twice as fast compiled.
    """
    value = tok.value
    length = len(value)
    at = length - len(value.lstrip(" \t"))
    marker_end = at + 1
    if value[at] not in _ONE_CHARACTER_MARKERS:
        while marker_end < length and not value[marker_end].isspace():
            marker_end += 1
    skip = marker_end
    while skip < length and value[skip] in _SPACE:
        skip += 1
    layout = _shared_layout(value[:at], value[marker_end:skip], tok.trail, tok.eol, tok.blanks)
    start = tok.start_pos
    span = make.span(start + skip, start + length, tok.line, skip + 1)
    return value[skip:], value[at:marker_end], layout, span


def _split_label(tok: LineToken) -> tuple[str, str]:
    """Split ``Label : value`` into the label with its separator, and the value."""
    colon = tok.value.index(":") + 1
    value = tok.value[colon:].lstrip(_SPACE)
    return tok.value[: len(tok.value) - len(value)], value


def _between(before: LineToken, after: LineToken) -> str:
    """The raw text from the end of ``before``'s content to the start of ``after``'s."""
    indent = len(after.value) - len(after.value.lstrip(_SPACE))
    return before.trail + before.eol + "".join(before.blanks) + after.value[:indent]


def _joiner(before: str, after: str) -> str:
    """What stands for a line break in the joined text: a space, or nothing after a hyphen."""
    if before[-2:-1].isalpha() and before.endswith("-") and after[:1].islower():
        return ""
    return " "


class _Wrapped(NamedTuple):
    """A text read from one or more physical lines, with its layout and span."""

    text: str
    layout: LineLayout
    span: Span


def _wrap(
    text: str, layout: LineLayout, span: Span, first: LineToken, more: list[LineToken]
) -> _Wrapped:
    """Join a block's first line (``text``, read from ``first``) with the lines that run on.

    Each further line joins with a single space (none after a hyphen that
    splits a word); the raw line breaks, page furniture included, are kept as
    the layout's ``breaks`` and the span's ``pieces``.
    """
    if not more:
        return _Wrapped(text, layout, span)
    parts = [text]
    length = len(text)
    breaks: list[tuple[int, str, str]] = []
    pieces: list[tuple[int, int, int, int]] = []
    previous = first
    for tok in more:
        line = tok.value.lstrip(_SPACE)
        joiner = _joiner(parts[-1], line)
        breaks.append((length, joiner, _between(previous, tok)))
        length += len(joiner)
        indent = len(tok.value) - len(line)
        pieces.append((length, tok.start_pos + indent, tok.line, indent + 1))
        parts += [joiner, line]
        length += len(line)
        previous = tok
    last = more[-1]
    return _Wrapped(
        "".join(parts),
        LineLayout(
            layout.indent,
            layout.gap,
            last.trail,
            last.eol,
            last.blanks,
            tuple(breaks),
            length,
        ),
        make.span(
            span.start, last.start_pos + len(last.value), span.line, span.column, tuple(pieces)
        ),
    )


class _RunIn(NamedTuple):
    """A heading read from the start of a line whose rest is its section's first paragraph."""

    heading: str
    layout: LineLayout
    """The heading's layout: its "line ending" is the space before the paragraph."""
    span: Span
    first: Paragraph


class _Field(NamedTuple):
    """A header field as read: its key, how its label was written, its value and layout."""

    key: str
    label: str
    value: str
    layout: LineLayout
    token: LineToken | None = None
    """The line the field starts on (for errors)."""


class _Preface(NamedTuple):
    """Header lines that repeat or describe the statement, kept as layout."""

    lines: tuple[RawLine, ...]
    derived: dict[str, Any] | None = None
    """Values they plainly state (a copying site's authority, reference, date)."""


class _Summary(NamedTuple):
    text: str
    layout: LineLayout
    span: Span
    bare: bool
    """Written "Summary" alone on its line (a report summary page, a copy)."""


class _Statement:
    """What the head and body rules of one form read."""

    __slots__ = (
        "closing",
        "derived",
        "fields",
        "form",
        "label",
        "preface",
        "sections",
        "summary",
        "title",
    )

    def __init__(self, form: Form) -> None:
        self.form = form
        self.title: LineToken | None = None
        self.fields: list[_Field] = []
        self.preface: tuple[RawLine, ...] = ()
        self.label: LineToken | None = None
        self.summary: _Summary | None = None
        self.sections: tuple[Section, ...] = ()
        self.closing: tuple[RawLine, ...] = ()
        self.derived: dict[str, Any] = {}


class Builder:
    """One method per grammar rule, building [`Decision`][lgo_parse.Decision] objects.

    Each method gets the rule's children (line tokens, or what the methods of
    sub-rules returned), as lark's transformers do. A builder serves one
    parse: it counts the paragraph numbers as the paragraphs come.
    """

    SHARED_METHODS: ClassVar[dict[str, str]] = {
        "citation_line": "loose_line",
        "main_section": "_section",
        "findings_section": "_section",
        "background_section": "_section",
        "top_sub_section": "_section",
        "subsection": "_section",
        "findings_heading": "main_heading",
        "background_heading": "main_heading",
        "sub_heading": "main_heading",
    }
    """Rules built by another rule's method (a table, not class-body aliases, so that
    the class compiles with mypyc)."""

    def __init__(self) -> None:
        self.numbers = Counter()
        self.draft = False

    # -- lines -------------------------------------------------------------

    def loose_line(self, children: list[LineToken]) -> LooseLine:
        self.numbers.other()
        return _loose(children[0])

    def wrapped_line(self, children: list[LineToken]) -> LooseLine:
        self.numbers.other()
        first = children[0]
        indent, text = _split_indent(first.value)
        found = _wrap(text, _layout(first, indent), _span(first, len(indent)), first, children[1:])
        return make.loose_line(found.text, found.layout, found.span)

    def paragraph(self, children: list[Any]) -> Paragraph:
        text, marker, layout, span = _entry(children[0])
        number, reason = self.numbers.paragraph(marker)
        items = children[1] if len(children) > 1 else ()
        return make.paragraph(text, marker, items, number, reason, layout, span)

    def plain_paragraph(self, children: list[LineToken]) -> Paragraph:
        tok = children[0]
        indent, text = _split_indent(tok.value)
        number, reason = self.numbers.paragraph("")
        return make.paragraph(
            text, "", (), number, reason, _layout(tok, indent), _span(tok, len(indent))
        )

    def wrapped_paragraph(self, children: list[Any]) -> Paragraph:
        text, marker, layout, span = _entry(children[0])
        more, items = _continued(children)
        found = _wrap(text, layout, span, children[0], more)
        number, reason = self.numbers.paragraph(marker)
        return make.paragraph(found.text, marker, items, number, reason, found.layout, found.span)

    def bullet(self, children: list[Any]) -> ListItem:
        self.numbers.bullet()
        return self.item(children)

    def wrapped_bullet(self, children: list[Any]) -> ListItem:
        self.numbers.bullet()
        text, marker, layout, span = _entry(children[0])
        more, items = _continued(children)
        found = _wrap(text, layout, span, children[0], more)
        return make.list_item(found.text, marker, items, found.layout, found.span)

    def item(self, children: list[Any]) -> ListItem:
        text, marker, layout, span = _entry(children[0])
        items = children[1] if len(children) > 1 else ()
        return make.list_item(text, marker, items, layout, span)

    def sublist(self, children: list[ListItem]) -> tuple[ListItem, ...]:
        return tuple(children)

    def separators(self, children: list[LineToken]) -> tuple[RawLine, ...]:
        return _raw_lines(children)

    # -- sections ----------------------------------------------------------

    def _section(self, children: list[Any]) -> Section:
        head = children[0]
        blocks: list[Block] = []
        subsections: list[Section] = []
        if isinstance(head, _RunIn):
            blocks.append(head.first)
            heading, layout, span = head.heading, head.layout, head.span
        else:
            heading, layout, span = head.value, _layout(head), _span(head, 0)
        for child in children[1:]:
            (subsections if isinstance(child, Section) else blocks).append(child)
        return make.section(
            heading, tuple(blocks), tuple(subsections), make.section_layout(layout), span
        )

    def main_heading(self, children: list[LineToken]) -> LineToken | _RunIn:
        self.numbers.other()  # a heading ends a run of bullets
        tok = children[0]
        if tok.type in DRAFT_TOKENS:
            self.draft = True
        if tok.type in RUN_IN_TOKENS:
            return self._run_in(tok)
        return tok

    def _run_in(self, tok: LineToken) -> _RunIn:
        """Split a heading and the first sentence of its section, written on one line.

        The heading ends at the shortest run of the line's first words that
        reads as a recognised heading and is followed by a capitalised word
        ("Background information | Miss X applied ...").
        """
        from ._headings import heading_kind

        words = list(re.finditer(r"\S+", tok.value))
        cut = words[0].end()
        for word, following in itertools.pairwise(words):
            if following.group()[:1].isupper() and heading_kind(tok.value[: word.end()]) != "OTHER":
                cut = word.end()
                break
        start = len(tok.value) - len(tok.value[cut:].lstrip(" "))
        number, reason = self.numbers.paragraph("")
        first = make.paragraph(
            tok.value[start:],
            "",
            (),
            number,
            reason,
            _layout(tok),
            make.span(tok.start_pos + start, tok.start_pos + len(tok.value), tok.line, start + 1),
        )
        layout = LineLayout("", "", "", tok.value[cut:start])
        span = make.span(tok.start_pos, tok.start_pos + cut, tok.line, 1)
        return _RunIn(tok.value[:cut], layout, span, first)

    def intro(self, children: list[Block]) -> Section:
        return make.section(None, tuple(children), (), None, None)

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
                    make.section(
                        child.heading,
                        child.blocks,
                        child.subsections,
                        make.section_layout(layout.heading, separators),
                        child.span,
                    )
                )
                separators = ()
            else:
                sections.append(child)
        return tuple(sections), separators

    # -- heads -------------------------------------------------------------

    def preamble(self, children: list[LineToken]) -> tuple[LooseLine, ...]:
        return tuple(_loose(line) for tok in children for line in (tok, *tok.rest))

    def title(self, children: list[LineToken]) -> LineToken:
        return children[0]

    def fields(self, children: list[LineToken]) -> list[_Field]:
        found = []
        for tok in children:
            written, value = _split_label(tok)
            found.append(_Field(FIELD_KEYS[tok.type], written, value, _layout(tok), tok))
        return found

    def split_field(self, children: list[LineToken]) -> _Field:
        """A label alone on its line, then its value (a category's levels split by ``>`` lines)."""
        label, first = children[0], children[1]
        value = first.value.lstrip(_SPACE)
        layout = _layout(first, "", _between(label, first))
        if len(children) == 2:
            return _Field(FIELD_KEYS[label.type], label.value, value, layout, label)
        # "Adult care services" / ">" / "Charging": one value, "Adult care services > Charging".
        parts = [value]
        length = len(value)
        breaks: list[tuple[int, str, str]] = []
        for i in range(2, len(children) - 1, 2):
            before, separator, level = children[i - 1], children[i], children[i + 1]
            raw = _between(before, separator)
            raw += separator.value.lstrip(_SPACE) + _between(separator, level)
            breaks.append((length, CATEGORY_JOINER, raw))
            text = level.value.lstrip(_SPACE)
            parts += [CATEGORY_JOINER, text]
            length += len(CATEGORY_JOINER) + len(text)
        last = children[-1]
        return _Field(
            FIELD_KEYS[label.type],
            label.value,
            "".join(parts),
            LineLayout("", layout.gap, last.trail, last.eol, last.blanks, tuple(breaks), length),
            label,
        )

    def split_fields(self, children: list[_Field]) -> list[_Field]:
        _no_repeats(children)
        return children

    def letter_field(self, children: list[LineToken]) -> _Field:
        if len(children) == 2:
            return self.split_field(children)
        tok = children[0]
        match = re.search(r":|(?=\d)", tok.value)
        assert match is not None
        cut = match.end()
        value = tok.value[cut:].lstrip(_SPACE)
        return _Field(
            FIELD_KEYS[tok.type], tok.value[: len(tok.value) - len(value)], value, _layout(tok), tok
        )

    def letter_fields(self, children: list[Any]) -> list[_Field]:
        self.numbers = Counter(Form.LETTER.value)  # the document numbers its paragraphs
        found: list[_Field] = []
        for child in children:
            if isinstance(child, LineToken):  # the date line
                found.append(_Field("decision_date", "", child.value, _layout(child), child))
            else:
                found.append(child)
        _no_repeats(found)
        return found

    def source(self, children: list[LineToken]) -> _Preface:
        """A copying site's metadata: kept as written, with the values it plainly states."""
        derived: dict[str, Any] = {}
        texts = [tok for tok in children[1:] if tok.type == "SOURCE_TEXT"]
        details = [tok for tok in children[1:] if tok.type == "SOURCE_DETAILS"]
        if texts and (not details or texts[0].line < details[0].line):
            derived["authority"] = texts[0].value.strip()
        for tok in details[:1]:
            reference = _SOURCE_REFERENCE.search(tok.value)
            if reference is not None:
                derived["reference"] = " ".join(reference.groups())
            date = _SOURCE_DATE.search(tok.value)
            if date is not None:
                derived["decision_date"] = parse_decision_date(date.group(1))
            outcome = _SOURCE_OUTCOME.search(tok.value)
            if outcome is not None:
                derived["outcome"] = outcome.group(1)
        return _Preface(_raw_lines(children), derived)

    def contents(self, children: list[LineToken]) -> _Preface:
        return _Preface(_raw_lines(children))

    def label(self, children: list[LineToken]) -> LineToken:
        if children[0].type in DRAFT_TOKENS:
            self.draft = True
        return children[0]

    def summary(self, children: list[LineToken]) -> _Summary:
        tok = children[0]
        if tok.type == "SUMMARY_LINE":
            written, text = _split_label(tok)
            return _Summary(text, _layout(tok, "", written), _span(tok, len(written)), bare=False)
        if len(children) == 1:  # "Summary" with no text: a cut-off copy
            return _Summary("", _layout(tok, "", tok.value), _span(tok, len(tok.value)), True)
        first = children[1]
        indent = len(first.value) - len(first.value.lstrip(_SPACE))
        text = first.value[indent:]
        gap = tok.value + _between(tok, first)
        return _Summary(text, _layout(first, "", gap), _span(first, indent), bare=True)

    def letter_summary(self, children: list[LineToken]) -> _Summary:
        first = self.summary(children[:1])
        found = _wrap(first.text, first.layout, first.span, children[0], children[1:])
        return _Summary(found.text, found.layout, found.span, bare=False)

    def web(self, children: list[Any]) -> _Statement:
        statement = self._statement(Form.WEB, children)
        statement.form = _style(statement)
        return statement

    def plain(self, children: list[Any]) -> _Statement:
        split = any(isinstance(c, list) for c in children)
        return self._statement(Form.SCRAPED if split else Form.COPY, children)

    def letter(self, children: list[Any]) -> _Statement:
        return self._statement(Form.LETTER, children)

    def _statement(self, form: Form, children: list[Any]) -> _Statement:
        statement = _Statement(form)
        preface: list[RawLine] = []
        for child in children:
            if isinstance(child, LineToken):
                if child.type == "TITLE":
                    statement.title = child
                else:
                    statement.label = child
            elif isinstance(child, list):
                statement.fields = child
            elif isinstance(child, _Summary):
                statement.summary = child
            elif isinstance(child, _Preface):  # a contents list, a copying site's metadata
                preface += child.lines
                statement.derived.update(child.derived or {})
            else:
                statement.sections, statement.closing = child
        statement.preface = tuple(preface)
        return statement

    # -- the whole ---------------------------------------------------------

    def ending(self, children: list[LineToken]) -> list[LineToken]:
        return children

    def start(self, children: list[Any]) -> Decision:
        preamble, statement, ending = children
        values: dict[str, Any] = dict(statement.derived)
        for field in statement.fields:
            values[field.key] = field.value
        authority = values.get("authority")
        reference = values.get("reference")
        written_reference = None
        title = statement.title
        gap = ""
        if title is not None:
            authority, gap, written = _split_title(title.value)
            reference = " ".join(written.split())  # no-break spaces read as spaces
            written_reference = written if written != reference else None
        elif reference is not None:
            reference = reference_text(reference)
        summary = statement.summary
        signature = ending[0] if ending else None
        layout = DecisionLayout(
            header=HeaderLayout(
                _layout(title, "", gap) if title is not None else None,
                written_reference,
                tuple((f.key, f.label, f.value, f.layout) for f in statement.fields),
                statement.preface,
                RawLine(statement.label.value, _layout(statement.label))
                if statement.label is not None
                else None,
                summary.layout if summary is not None else None,
            ),
            closing=statement.closing,
            signature=_layout(signature) if signature is not None else None,
        )
        category = values.get("category")
        outcome = values.get("outcome")
        date = values.get("decision_date")
        if isinstance(date, str):
            date = parse_decision_date(date)
        return make.decision(
            authority=authority,
            reference=Reference(reference) if reference else None,
            category=Category(category) if category is not None else None,
            outcome=Outcome(outcome) if outcome is not None else None,
            decision_date=date,
            summary=summary.text if summary is not None else None,
            sections=statement.sections,
            signature=signature.value if signature is not None else None,
            chrome_before=preamble,
            chrome_after=self.preamble(ending[1:]),
            kind=self._kind(statement, signature),
            form=statement.form,
            layout=layout,
            summary_span=summary.span if summary is not None else None,
            title_span=_span(title, 0) if title is not None else None,
        )

    def _kind(self, statement: _Statement, signature: LineToken | None) -> DocumentKind:
        if signature is not None and signature.type == "RESPONSE_LINE":
            return DocumentKind.REPORT_SUMMARY
        if self.draft or (signature is not None and signature.type in DRAFT_TOKENS):
            return DocumentKind.DRAFT
        summary = statement.summary
        if (
            statement.label is None
            and summary is not None
            and summary.bare
            and statement.fields
            and statement.form in (Form.WEB, Form.COMPACT)
        ):
            # The website's page for a report: header fields, then "Summary" as a heading.
            return DocumentKind.REPORT_SUMMARY
        return DocumentKind.STATEMENT


def _raw_lines(tokens: list[LineToken]) -> tuple[RawLine, ...]:
    return tuple(make.raw_line(tok.value, _layout(tok)) for tok in tokens)


def _continued(children: list[Any]) -> tuple[list[LineToken], tuple[ListItem, ...]]:
    """Split a wrapped block's children into its further lines and its sub-list."""
    more = [c for c in children[1:] if isinstance(c, LineToken)]
    items = next((c for c in children[1:] if isinstance(c, tuple)), ())
    return more, items


def _no_repeats(fields: list[_Field]) -> None:
    seen: set[str] = set()
    for field in fields:
        if field.key in seen:
            raise DuplicateFieldError(field.token, field.key)
        seen.add(field.key)


def _loose(tok: LineToken) -> LooseLine:
    indent, text = _split_indent(tok.value)
    return make.loose_line(text, _layout(tok, indent), _span(tok, len(indent)))


def _split_title(value: str) -> tuple[str, str, str]:
    """Split ``Authority (23 013 577)`` into authority, gap and reference."""
    open_paren = value.rindex("(")
    authority = value[:open_paren].rstrip()
    return authority, value[len(authority) : open_paren], value[open_paren + 1 : -1]


def _style(statement: _Statement) -> Form:
    """Compact pages have no blank lines and ``- `` items; the rest are web pages."""
    for section in statement.sections:
        for s in section.walk():
            for block in s.blocks:
                if isinstance(block, (Paragraph, ListItem)):
                    return Form.COMPACT if block.marker == "-" else Form.WEB
    # No list entries: compact pages put no blank line after the title.
    title = statement.title
    if title is not None and title.eol and not title.blanks and not title.final:
        return Form.COMPACT
    return Form.WEB
