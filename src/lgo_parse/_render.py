"""Rendering a [`Decision`][lgo_parse.Decision] back to text.

Each node renders its own line(s) from its content and its layout: a node
parsed from text replays how it was written (indentation, marker spacing,
trailing white space, line ending, the blank lines and page furniture after
it, and the line breaks of a wrapped text). A node with no layout (built in
code), or every node when a canonical layout is asked for, is written the way
the decision's form writes it (``lgo_parse._forms``): there is one renderer
for every form.
"""

from __future__ import annotations

from typing import Literal

from ._dates import parse_decision_date
from ._forms import SEPARATOR, STYLES, FormStyle
from ._layout import DecisionLayout, LineLayout, RawLine
from ._model import Decision, Form, ListItem, LooseLine, Paragraph, Section, reference_text

Layout = Literal["web", "compact", "copy", "scraped", "letter"]
FIELD_LABELS = {
    "category": "Category : ",
    "outcome": "Decision : ",
    "decision_date": "Decision date : ",
}
SPLIT_LABELS = {
    "category": "Category :",
    "outcome": "Decision :",
    "decision_date": "Decision date :",
}
LETTER_LABELS = {"reference": "Complaint reference:", "authority": "Complaint against:"}


def render(decision: Decision, layout: Layout | None = None, *, check: bool = False) -> str:
    """Write a decision as text.

    Args:
        decision: The decision to write.
        layout: ``None`` keeps the layout the decision was parsed with, so
            ``render(parse(text)) == text`` byte for byte; nodes built in code
            use the canonical layout of the decision's
            [`Form`][lgo_parse.Form]. A form's name (``"web"``,
            ``"compact"``, ``"copy"``, ``"scraped"``, ``"letter"``) ignores all
            stored layout and writes that form's canonical layout throughout.
            Some forms cannot write everything: the compact layout loses
            nesting and paragraph numbers, copies and scraper output lose list
            markers; see the docs on round-trip guarantees.
        check: Read the text back and make sure it says what ``decision``
            says (``parse(text) == decision``): a decision built in code that
            its text cannot carry (a loose line that reads as a heading where
            it stands, say) is refused instead of written wrong.

    Returns:
        The statement's text.

    Raises:
        ValueError: ``check`` is set and the text reads back differently.

    Examples:
        >>> import lgo_parse
        >>> d = lgo_parse.Decision(
        ...     authority="Example Council",
        ...     reference=lgo_parse.Reference("23 013 577"),
        ...     summary="Mr X complains.",
        ...     sections=[lgo_parse.Section("The complaint", [lgo_parse.Paragraph("Mr X says.")])],
        ... )
        >>> print(lgo_parse.render(d, layout="compact"), end="")
        Example Council (23 013 577)
        The Ombudsman's final decision:
        Summary: Mr X complains.
        The complaint
        - Mr X says.
    """
    if layout is None:
        form = decision.form
    else:
        try:
            form = Form(layout)
        except ValueError:
            names = ", ".join(repr(f.value) for f in Form)
            raise ValueError(f"layout must be one of {names} or None, not {layout!r}") from None
    keep = layout is None and decision.layout is not None
    writer = _Writer(decision.layout if keep else None, STYLES[form])
    writer.decision(decision)
    text = "".join(writer.out)
    if check:
        _check(decision, text)
    return text


def _check(decision: Decision, text: str) -> None:
    """Refuse a text that does not read back as the decision it was written from."""
    from ._errors import ParseError
    from ._parse import parse

    try:
        back = parse(text)
    except ParseError as error:
        raise ValueError(f"the text written does not read back: {error}") from None
    if back == decision:
        return
    for name in ("authority", "reference", "category", "outcome", "decision_date", "summary"):
        if getattr(back, name) != getattr(decision, name):
            raise ValueError(f"the text written reads back with another {name}: {text!r}")
    ours, theirs = list(decision.walk()), list(back.walk())
    for mine, read in zip(ours, theirs, strict=False):
        if mine != read:
            raise ValueError(
                f"the section {mine.heading!r} reads back differently "
                f"(as {read.heading!r} with {len(read.blocks)} blocks)"
            )
    raise ValueError("the text written reads back differently (its sections or ending)")


class _Writer:
    def __init__(self, stored: DecisionLayout | None, style: FormStyle) -> None:
        self.stored = stored
        self.style = style
        self.blank_lines = style.blank_lines
        self.out: list[str] = []
        title = stored.header.title if stored else None
        self.eol = title.eol if title is not None and title.eol else "\n"

    # -- lines -------------------------------------------------------------

    def line(self, text: str, layout: LineLayout | None, lead: str, blank: bool) -> None:
        """Write one line: ``lead`` is what stands between indent and text."""
        out = self.out
        if layout is not None:
            out.append(layout.indent)
            out.append(lead)
            out.append(layout.wrapped(text) if layout.breaks else text)
            out.append(layout.trail)
            out.append(layout.eol)
            out.extend(layout.blanks)
        else:
            out.append(lead)
            out.append(text)
            out.append(self.eol)
            if blank and self.blank_lines:
                out.append(self.eol)

    def raw(self, raw: RawLine) -> None:
        self.line(raw.text, raw.layout, "", True)

    def loose(self, line: LooseLine) -> None:
        self.line(line.text, self.own(line.layout), "", True)

    def own(self, layout: LineLayout | None) -> LineLayout | None:
        """A node's stored layout, or None when writing canonically."""
        return layout if self.stored is not None else None

    # -- the decision --------------------------------------------------------

    def decision(self, d: Decision) -> None:
        stored = self.stored
        if stored is not None:
            self.out.append(stored.bom)
            self.out.extend(stored.leading_blanks)
        for line in d.chrome_before:
            self.loose(line)
        if stored is not None:
            self.stored_header(d, stored)
        else:
            self.canonical_header(d)
        for i, section in enumerate(d.sections):
            self.section(section, top_index=i)
        self.closing(d)
        if d.signature is not None:
            self.line(d.signature, stored.signature if stored else None, "", True)
        for line in d.chrome_after:
            self.loose(line)

    def stored_header(self, d: Decision, stored: DecisionLayout) -> None:
        header = stored.header
        if header.title is not None:
            self.line(self.title_text(d, header.reference), header.title, "", True)
        for key, label, written, layout in header.fields:
            value = self.field_value(d, key, written)
            if value is not None:
                kept = layout if value == written else _unwrapped(layout)
                self.line(value, kept, label + layout.gap, True)
        for raw in header.preface:
            self.raw(raw)
        if header.label is not None:
            self.raw(header.label)
        if d.summary is not None:
            summary = header.summary
            lead = summary.gap if summary is not None else "Summary: "
            self.line(d.summary, summary, lead, True)

    def canonical_header(self, d: Decision) -> None:
        style = self.style
        if style.title and (d.authority or d.reference):
            self.line(self.title_text(d, None), None, "", True)
        for _, lead, value in self.canonical_fields(d):
            self.line(value, None, lead, True)
        label = style.label(d.kind)
        if label is not None:
            self.line(label, None, "", True)
        if d.summary is not None:
            self.line(d.summary, None, style.summary_lead(d.kind, self.eol), True)

    def canonical_fields(self, d: Decision) -> list[tuple[str, str, str]]:
        """The header fields this form writes for ``d``: (key, label and gap, value)."""
        style = self.style
        values = {
            "category": None if d.category is None else d.category.text,
            "outcome": None if d.outcome is None else d.outcome.text,
            "decision_date": None if d.decision_date is None else style.date(d.decision_date),
        }
        if style.fields == "line":
            return [(k, FIELD_LABELS[k], v) for k, v in values.items() if v is not None]
        eol = self.eol
        if style.fields == "split":
            found = []
            for key, value in values.items():
                if value is not None:
                    written = value.replace(" > ", f"{eol}>{eol}") if key == "category" else value
                    found.append((key, SPLIT_LABELS[key] + eol, written))
            return found
        if style.fields == "letter":
            found = []
            if values["decision_date"] is not None:
                found.append(("decision_date", "", values["decision_date"]))
            if d.reference is not None:
                found.append(("reference", LETTER_LABELS["reference"] + eol, str(d.reference)))
            if d.authority:
                found.append(("authority", LETTER_LABELS["authority"] + eol, d.authority))
            return found
        return []

    def title_text(self, d: Decision, written_reference: str | None) -> str:
        header = self.stored.header if self.stored else None
        stored = header.title if header else None
        reference = "" if d.reference is None else str(d.reference)
        if written_reference and " ".join(written_reference.split()) == reference:
            reference = written_reference  # as written, with its no-break spaces
        reference = f"({reference})" if reference else ""
        authority = d.authority or ""
        gap = stored.gap if stored is not None else (" " if authority and reference else "")
        return authority + gap + reference

    def field_value(self, d: Decision, key: str, written: str) -> str | None:
        """A stored field's value: as written while it still says the model's value."""
        if key == "decision_date":
            if parse_decision_date(written) == d.decision_date:
                return written  # also keeps a date that was never valid (decision_date None)
            return None if d.decision_date is None else self.style.date(d.decision_date)
        if key == "reference":
            now = None if d.reference is None else str(d.reference)
            if reference_text(written) == now:
                return written  # also keeps a reference cut short (no reference read)
            return now
        value = {
            "category": None if d.category is None else d.category.text,
            "outcome": None if d.outcome is None else d.outcome.text,
            "authority": d.authority,
        }[key]
        return value

    def closing(self, d: Decision) -> None:
        if self.stored is not None:
            for raw in self.stored.closing:
                self.raw(raw)
        elif self.style.back_to_top and d.signature is not None and d.sections:
            self.line(SEPARATOR, None, "", True)

    # -- sections and blocks -------------------------------------------------

    def section(self, section: Section, top_index: int = -1) -> None:
        layout = section.layout if self.stored is not None else None
        if layout is not None:
            for raw in layout.separators:
                self.raw(raw)
        elif self.style.back_to_top and top_index > 0:
            self.line(SEPARATOR, None, "", True)
        if section.heading is not None:
            heading = layout.heading if layout is not None else None
            self.line(section.heading, heading, "", True)
        blocks = section.blocks
        for i, block in enumerate(blocks):
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            ends_run = not (_is_entry(block) and _is_entry(nxt))
            if isinstance(block, LooseLine):
                self.loose(block)
            else:
                self.entry(block, 0, ends_run)
        for sub in section.subsections:
            self.section(sub)

    def entry(self, entry: Paragraph | ListItem, depth: int, ends_run: bool) -> None:
        """Write a list entry and its nested items; ``ends_run`` asks for a blank after."""
        layout = self.own(entry.layout)
        children = entry.items
        last_line = ends_run and not children
        if layout is not None:
            self.line(entry.text, layout, entry.marker + layout.gap, last_line)
        else:
            self.line(entry.text, None, self.style.entry_prefix(entry, depth), last_line)
        for i, child in enumerate(children):
            self.entry(child, depth + 1, ends_run and i == len(children) - 1)


def _is_entry(block: object) -> bool:
    return isinstance(block, (Paragraph, ListItem))


def _unwrapped(layout: LineLayout) -> LineLayout:
    """A field's layout for a value changed since it was parsed: no stored line breaks."""
    if not layout.breaks:
        return layout
    return LineLayout(layout.indent, layout.gap, layout.trail, layout.eol, layout.blanks)
