"""Rendering a [`Decision`][lgo_parse.Decision] back to text.

Each node renders its own line from its content and its layout. A node with
no layout (built in code) gets the canonical layout of the decision's style:

* ``web``: blank lines between blocks, paragraphs as ``  1. ``, bullets as
  ``    • `` under their paragraph, ``Back to top`` between top-level
  sections and before the signature;
* ``compact``: no blank lines, no ``Back to top``, every list entry a
  ``- `` line at the margin (nesting and numbering cannot be written).
"""

from __future__ import annotations

from typing import Literal

from ._dates import format_decision_date, parse_decision_date
from ._layout import DecisionLayout, LineLayout, RawLine
from ._model import Decision, ListItem, LooseLine, Paragraph, Section

Layout = Literal["web", "compact"]
LABEL = "The Ombudsman's final decision:"
SEPARATOR = "Back to top"
FIELD_LABELS = {
    "category": "Category : ",
    "outcome": "Decision : ",
    "decision_date": "Decision date : ",
}


def render(decision: Decision, layout: Layout | None = None) -> str:
    """Write a decision as text.

    Args:
        decision: The decision to write.
        layout: ``None`` keeps the layout the decision was parsed with, so
            ``render(parse(text)) == text`` byte for byte; nodes built in code
            use the canonical layout of the decision's style. ``"web"`` or
            ``"compact"`` ignore all stored layout and write that canonical
            layout throughout. The compact layout cannot write nesting or
            paragraph numbers: see the docs on round-trip guarantees.

    Returns:
        The statement's text.

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
    if layout not in (None, "web", "compact"):
        raise ValueError(f"layout must be 'web', 'compact' or None, not {layout!r}")
    keep = layout is None and decision.layout is not None
    writer = _Writer(decision.layout if keep else None, layout)
    writer.decision(decision)
    return "".join(writer.out)


class _Writer:
    def __init__(self, stored: DecisionLayout | None, layout: Layout | None) -> None:
        self.stored = stored
        self.style: str = layout or (stored.style if stored else "web")
        self.web = self.style == "web"
        self.out: list[str] = []
        title = stored.header.title if stored else None
        self.eol = title.eol if title is not None and title.eol else "\n"
        self.blank = (self.eol,)

    # -- lines -------------------------------------------------------------

    def line(self, text: str, layout: LineLayout | None, lead: str, blank: bool) -> None:
        """Write one line: ``lead`` is what stands between indent and text."""
        out = self.out
        if layout is not None:
            out.append(layout.indent)
            out.append(lead)
            out.append(text)
            out.append(layout.trail)
            out.append(layout.eol)
            out.extend(layout.blanks)
        else:
            out.append(lead)
            out.append(text)
            out.append(self.eol)
            if blank and self.web:
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
        self.title(d)
        self.header(d)
        for i, section in enumerate(d.sections):
            self.section(section, top_index=i)
        self.closing(d)
        if d.signature is not None:
            self.line(d.signature, stored.signature if stored else None, "", True)
        for line in d.chrome_after:
            self.loose(line)

    def title(self, d: Decision) -> None:
        header = self.stored.header if self.stored else None
        stored = header.title if header else None
        reference = "" if d.reference is None else str(d.reference)
        if header and header.reference and " ".join(header.reference.split()) == reference:
            reference = header.reference  # as written, with its no-break spaces
        reference = f"({reference})" if reference else ""
        authority = d.authority or ""
        gap = stored.gap if stored is not None else (" " if authority and reference else "")
        self.line(authority + gap + reference, stored, "", True)

    def header(self, d: Decision) -> None:
        values: dict[str, str | None] = {
            "category": None if d.category is None else d.category.text,
            "outcome": None if d.outcome is None else d.outcome.text,
            "decision_date": None,
        }
        header = self.stored.header if self.stored else None
        written: set[str] = set()
        for key, lead, raw_value, layout in header.fields if header else ():
            value = _date_text(raw_value, d) if key == "decision_date" else values[key]
            if value is not None:
                self.line(value, layout, lead, True)
            written.add(key)
        if d.decision_date is not None:
            values["decision_date"] = format_decision_date(d.decision_date)
        for key, value in values.items():
            if key not in written and value is not None:
                self.line(value, None, FIELD_LABELS[key], True)
        if header is None:
            self.line(LABEL, None, "", True)
        elif header.label is not None:
            self.raw(header.label)
        if d.summary is not None:
            summary = header.summary if header else None
            lead = summary.gap if summary is not None else "Summary: "
            self.line(d.summary, summary, lead, True)

    def closing(self, d: Decision) -> None:
        if self.stored is not None:
            for raw in self.stored.closing:
                self.raw(raw)
        elif self.web and d.signature is not None and d.sections:
            self.line(SEPARATOR, None, "", True)

    # -- sections and blocks -------------------------------------------------

    def section(self, section: Section, top_index: int = -1) -> None:
        layout = section.layout if self.stored is not None else None
        if layout is not None:
            for raw in layout.separators:
                self.raw(raw)
        elif self.web and top_index > 0:
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
        elif self.web:
            self.line(entry.text, None, "  " * (depth + 1) + entry.marker + " ", last_line)
        else:
            self.line(entry.text, None, "- ", last_line)
        for i, child in enumerate(children):
            self.entry(child, depth + 1, ends_run and i == len(children) - 1)


def _is_entry(block: object) -> bool:
    return isinstance(block, (Paragraph, ListItem))


def _date_text(written: str, d: Decision) -> str | None:
    """The date as written while it still says the model's date, else canonical."""
    if parse_decision_date(written) == d.decision_date:
        return written  # also keeps a date that was never valid (decision_date None)
    return None if d.decision_date is None else format_decision_date(d.decision_date)
