"""The one exception users catch, and the words that explain a failure."""

from __future__ import annotations

import re
from typing import Any

# Control characters would garble a terminal: excerpts show them as U+FFFD.
_CONTROL_SHOWN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

TITLE_EXAMPLE = "a title line like 'Example Council (23 013 577)'"
START_EXAMPLE = (
    f"{TITLE_EXAMPLE} (or another start of a statement: "
    "'The Ombudsman's final decision', 'Summary: ...', 'Complaint reference:')"
)
RESERVED_STARTS = (
    "TITLE",
    "SOURCE_LINE",
    "REFERENCE_FIELD",
    "REFERENCE_LABEL",
    "FINAL_DECISION_LABEL",
    "DRAFT_DECISION_LABEL",
)
"""Terminals that start a statement wherever they stand (the lexer takes them even where
the parser cannot accept them, so that the parser reports them)."""
LATER_STARTS = frozenset(
    ("SUMMARY_LINE", "SUMMARY_LABEL", "CATEGORY_LABEL", "CATEGORY_FIELD", "LETTER_DATE")
)
"""Terminals that start a further statement when they follow a statement's end."""
STATEMENT_STARTS = frozenset(RESERVED_STARTS) | LATER_STARTS
"""Met where the parser cannot take them, a second statement starts there."""
FIELD_TERMINALS = {
    "CATEGORY_FIELD": "Category",
    "OUTCOME_FIELD": "Decision",
    "DATE_FIELD": "Decision date",
}
_LETTER_DATE_LINE = re.compile(
    r"[ \t]*\d{1,2}(?:st|nd|rd|th)?[ \t\u00a0]+[A-Za-z]{3,9}\.?[ \t\u00a0]+\d{4}[ \t\r]*"
)

# What each terminal is, in words a reader of decisions knows.
DESCRIPTIONS = {
    "TITLE": TITLE_EXAMPLE,
    "CATEGORY_FIELD": "a 'Category : ...' line",
    "OUTCOME_FIELD": "a 'Decision : ...' line",
    "DATE_FIELD": "a 'Decision date : ...' line",
    "FINAL_DECISION_LABEL": "the line 'The Ombudsman's final decision:'",
    "DRAFT_DECISION_LABEL": "the line 'The Ombudsman's draft decision:'",
    "SUMMARY_LINE": "a 'Summary: ...' line",
    "SUMMARY_LABEL": "a 'Summary' line",
    "SUMMARY_TEXT": "the summary",
    "CATEGORY_LABEL": "a 'Category :' line",
    "OUTCOME_LABEL": "a 'Decision :' line",
    "DATE_LABEL": "a 'Decision date :' line",
    "CATEGORY_SEPARATOR": "a '>' line",
    "FIELD_VALUE": "a header field's value",
    "LETTER_DATE": "a date line",
    "REFERENCE_FIELD": "a 'Complaint reference:' line",
    "REFERENCE_LABEL": "a 'Complaint reference:' line",
    "AGAINST_FIELD": "a 'Complaint against:' line",
    "AGAINST_LABEL": "a 'Complaint against:' line",
    "SOURCE_LINE": "a copying site's 'Source' line",
    "SOURCE_DETAILS": "a copying site's details",
    "SOURCE_TEXT": "a copying site's text",
    "CONTENTS_ENTRY": "a contents entry",
    "DRAFT_SIGNATURE": (
        'the signature line ("Investigator\'s draft decision on behalf of the Ombudsman")'
    ),
    "RESPONSE_LINE": "the line 'Ombudsman satisfied with council's response: ...'",
    "CITATION_LINE": "a citation line",
    "PLAIN_LINE": "a paragraph",
    "CONTINUATION": "a line continuing the one above",
    "SEPARATOR": "a 'Back to top' line",
    "SIGNATURE": 'the signature line ("Investigator\'s decision on behalf of the Ombudsman")',
    "NUMBERED_ITEM": "a numbered paragraph",
    "BULLET_ITEM": "a bullet",
    "DASH_ITEM": "a '- ' item",
    "HEADING": "a heading",
    "TEXT": "a line of text",
    "CHROME_LINE": "website text",
    "$END": "the end of the text",
    "_INDENT": "a deeper list item",
    "_DEDENT": "the end of a nested list",
}


def describe(terminal: str) -> str:
    """Say what a terminal is; headings of a known kind are 'a heading'."""
    if terminal.endswith("_HEADING"):
        return "a heading"
    return DESCRIPTIONS.get(terminal, terminal.lower().replace("_", " "))


class ParseError(ValueError):
    """The text is not a decision statement lgo-parse can read.

    Attributes:
        line: 1-based line of the problem.
        column: 1-based column of the problem.
        reason: What is wrong, in words.
        excerpt: The offending line with a caret under the column ("" if none).
        source: The file name, when parsing a file.

    Examples:
        >>> import lgo_parse
        >>> try:
        ...     lgo_parse.parse("Dear Sir,\\nI write to complain.\\n")
        ... except lgo_parse.ParseError as e:
        ...     print(e.line, e.column)
        ...     print(e.reason[:57])
        1 1
        expected a title line like 'Example Council (23 013 577)'
    """

    def __init__(
        self,
        reason: str,
        line: int,
        column: int,
        excerpt: str = "",
        source: str | None = None,
    ) -> None:
        self.reason = reason
        self.line = line
        self.column = column
        self.excerpt = excerpt
        self.source = source
        super().__init__(self._message())

    def _message(self) -> str:
        where = f"{self.source}:" if self.source else ""
        head = f"{where}{self.line}:{self.column}: {self.reason}"
        return f"{head}\n{self.excerpt}" if self.excerpt else head

    def with_source(self, source: str) -> ParseError:
        """Return the same error naming the file it came from."""
        return ParseError(self.reason, self.line, self.column, self.excerpt, source)

    def __reduce__(self) -> tuple[type[ParseError], tuple[str, int, int, str, str | None]]:
        return (ParseError, (self.reason, self.line, self.column, self.excerpt, self.source))


def excerpt(text: str, line: int, column: int) -> str:
    """Return line ``line`` of ``text`` (shortened around ``column``) with a caret."""
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return ""
    row = _CONTROL_SHOWN.sub("\ufffd", lines[line - 1].rstrip("\r"))
    start = max(0, column - 1 - 60)
    shown = row[start : start + 100]
    prefix = "…" if start else ""
    suffix = "…" if start + 100 < len(row) else ""
    caret = " " * (len(prefix) + column - 1 - start) + "^"
    return f"    {prefix}{shown}{suffix}\n    {caret}"


def position(text: str, offset: int) -> tuple[int, int]:
    """Return the 1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def at_offset(text: str, offset: int, reason: str) -> ParseError:
    """Build a ParseError for ``reason`` at a character offset of ``text``."""
    line, column = position(text, offset)
    return ParseError(reason, line, column, excerpt(text, line, column))


class SecondStatementError(ParseError):
    """A second statement starts in the text: ``offset`` is where (see ``parse_all``)."""

    def __init__(self, reason: str, line: int, column: int, excerpt: str, offset: int) -> None:
        super().__init__(reason, line, column, excerpt)
        self.offset = offset

    def __reduce__(self) -> tuple[type[ParseError], tuple[str, int, int, str, str | None]]:
        return (ParseError, (self.reason, self.line, self.column, self.excerpt, self.source))


def _second_statement(text: str, token: Any, start: int) -> SecondStatementError | None:
    """A statement-start line where the parser cannot take it: a second statement starts."""
    offset = text.rfind("\n", 0, token.start_pos) + 1
    if offset <= start:
        return None
    if token.type in ("REFERENCE_FIELD", "REFERENCE_LABEL"):
        # A decision document starts at its date line, just above.
        before = text.rfind("\n", 0, offset - 1) + 1
        if before >= start and _LETTER_DATE_LINE.fullmatch(text, before, offset - 1):
            offset = before
    line, _ = position(text, offset)
    column = _first_visible_column(text, line)
    return SecondStatementError(
        "a second statement starts here: the text holds more than one decision statement "
        "(or it is a page listing several decisions); lgo_parse.parse_all() reads each one",
        line,
        column,
        excerpt(text, line, column),
        offset,
    )


class UnexpectedLineError(Exception):
    """The parser's own failure: a line the grammar does not allow where it stands.

    Raised by the LALR driver and turned into a ``ParseError`` by
    ``from_unexpected``; it never reaches users.

    Attributes:
        token: The line's token (``type``, ``value``, ``line``, ``start_pos``);
            its type is ``$END`` when the text ended too soon.
        expected: The terminals the parser could have taken there.
    """

    def __init__(self, token: Any, expected: set[str]) -> None:
        super().__init__(f"unexpected {token.type} at line {token.line}")
        self.token = token
        self.expected = expected


def from_unexpected(text: str, error: UnexpectedLineError, start: int = 0) -> ParseError:
    """Turn the parser's failure into a ParseError a person understands.

    ``start`` is where the statement being parsed starts in ``text``.
    """
    token = error.token
    found = token.type
    expected = {t for t in error.expected if not t.startswith("_")}

    if found == "$END" and "TITLE" in expected:
        first = len(text) - len(text.lstrip("\ufeff\r\n\t\f "))
        line, column = position(text, first)
        return ParseError(
            f"expected {START_EXAMPLE}, but no line of the text is one",
            line,
            column,
            excerpt(text, line, column),
        )
    label = FIELD_TERMINALS.get(found)
    repeated = label is not None and re.search(
        rf"(?im)^[ \t]*{label}[ \t]*:", text[start : text.rfind("\n", 0, token.start_pos) + 1]
    )
    if found in STATEMENT_STARTS and not repeated:
        second = _second_statement(text, token, start)
        if second is not None:
            return second
    line = token.line or 1
    column = _first_visible_column(text, line)
    shown = excerpt(text, line, column)
    if repeated:
        reason = (
            f"a second '{label}' line; a decision statement has one, so this looks like a "
            "page listing several decisions"
        )
    elif found == "$END":
        reason = f"the text ends too soon: expected {_either(expected)}"
    else:
        reason = f"found {describe(found)} where {_either(expected)} should be"
        if _previous_line(text, line).strip().lower() == "back to top":
            reason += " (after 'Back to top' comes a heading, the signature or the end)"
    return ParseError(reason, line, column, shown)


def _first_visible_column(text: str, line: int) -> int:
    """The column of the first non-blank character of a line (1 if none)."""
    rows = text.split("\n", line)
    if line > len(rows):
        return 1
    row = rows[line - 1]
    return len(row) - len(row.lstrip()) + 1 if row.strip() else 1


def _previous_line(text: str, line: int) -> str:
    """Return the last non-blank line before line ``line``."""
    lines = text.split("\n", line)[: line - 1]
    return next((row for row in reversed(lines) if row.strip()), "")


def _either(expected: set[str]) -> str:
    words = sorted({describe(t) for t in expected})
    if not words:
        return "nothing more"
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " or " + words[-1]


class DuplicateFieldError(Exception):
    """A header field appears twice: the text is not one decision statement."""

    def __init__(self, token: Any, key: str) -> None:
        super().__init__(key)
        self.token = token
        self.key = key
