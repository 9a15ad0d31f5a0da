"""How each form writes a decision canonically: one small object per form.

The renderer (``lgo_parse._render``) replays the layout a parsed decision
keeps; for nodes built in code (no layout), or when asked for a canonical
layout, it asks the decision's form how to write each line. A new form is a
new ``FormStyle`` here, never a branch in the renderer.
"""

from __future__ import annotations

import datetime

import attrs

from ._model import DocumentKind, Form, ListItem, Paragraph

FINAL_LABEL = "The Ombudsman's final decision"
DRAFT_LABEL = "The Ombudsman's draft decision"
SEPARATOR = "Back to top"
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@attrs.frozen
class FormStyle:
    """The canonical layout of one form.

    Attributes:
        form: The form.
        blank_lines: A blank line after every line but between list entries of one run.
        back_to_top: ``Back to top`` between top-level sections and before the signature.
        title: Write the title line ("Example Council (23 013 577)").
        fields: How header fields are written: ``"line"`` ("Category : ..."),
            ``"split"`` (label and value on separate lines) or ``"letter"``
            (date line, "Complaint reference:", "Complaint against:"), or
            ``"none"`` (a copy: its site's metadata is not the statement's).
        label_colon: End the label line with a colon.
        bare_summary: Write "Summary" alone, the summary on the next line.
        entry: How list entries are marked: ``"indented"`` (``  1. ``,
            ``    • ``), ``"dash"`` (``- ``), ``"plain"`` (no marker) or
            ``"numbered"`` (``1. `` at the margin, as written).
    """

    form: Form
    blank_lines: bool
    back_to_top: bool
    title: bool
    fields: str
    label_colon: bool
    bare_summary: bool
    entry: str

    def label(self, kind: DocumentKind) -> str | None:
        """The label line for a document of this kind (``None``: none is written)."""
        if kind is DocumentKind.REPORT_SUMMARY:
            return None
        label = DRAFT_LABEL if kind is DocumentKind.DRAFT else FINAL_LABEL
        return label + ":" if self.label_colon else label

    def summary_lead(self, kind: DocumentKind, eol: str) -> str:
        """What stands before the summary's text."""
        if self.bare_summary or kind is DocumentKind.REPORT_SUMMARY:
            return "Summary" + eol
        return "Summary: "

    def entry_prefix(self, entry: Paragraph | ListItem, depth: int) -> str:
        """The indentation, marker and space before a list entry's text."""
        if self.entry == "dash":
            return "- "
        if self.entry == "plain":
            return ""
        marker = entry.marker or "•"
        if self.entry == "numbered":
            return "    " * depth + marker + " "
        return "  " * (depth + 1) + marker + " "

    def date(self, date: datetime.date) -> str:
        """The decision date as this form writes it."""
        if self.fields == "letter":
            return f"{date.day} {_MONTHS[date.month - 1]} {date.year:04d}"
        from ._dates import format_decision_date

        return format_decision_date(date)


STYLES = {
    Form.WEB: FormStyle(Form.WEB, True, True, True, "line", True, False, "indented"),
    Form.COMPACT: FormStyle(Form.COMPACT, False, False, True, "line", True, False, "dash"),
    Form.COPY: FormStyle(Form.COPY, False, False, False, "none", False, False, "plain"),
    Form.SCRAPED: FormStyle(Form.SCRAPED, False, False, False, "split", True, True, "plain"),
    Form.LETTER: FormStyle(Form.LETTER, True, False, False, "letter", False, False, "numbered"),
}
"""The canonical layout of every form."""
