"""Layout ("trivia") carried by the nodes that own it, for byte-exact rendering.

A node parsed from text keeps how its line was written: indentation, the
white space after its marker or label, trailing white space, the line ending
and the blank lines that follow it. A node built in code has no layout
(``None``) and renders in the canonical layout instead.

Layout never takes part in equality: two decisions that say the same thing in
different layouts compare equal.
"""

from __future__ import annotations

import attrs


@attrs.frozen
class Span:
    """Where a node or fact came from in the original text.

    Attributes:
        start: Offset of the first character, counted in characters of the
            text given to [`parse`][lgo_parse.parse] (a byte-order mark counts).
        end: Offset just past the last character.
        line: 1-based line number of ``start``.
        column: 1-based column of ``start``.

    Examples:
        >>> import lgo_parse
        >>> text = "Example Council (23 013 577)\\n\\nSummary: Mr X complains.\\n"
        >>> d = lgo_parse.parse(text)
        >>> d.summary_span
        Span(start=39, end=54, line=3, column=10)
        >>> text[d.summary_span.start:d.summary_span.end]
        'Mr X complains.'
    """

    start: int
    end: int
    line: int
    column: int

    def sub(self, start: int, end: int) -> Span:
        """Return the span of ``text[start:end]``, where this span covers one line's ``text``.

        Examples:
            >>> Span(100, 120, 7, 5).sub(2, 6)
            Span(start=102, end=106, line=7, column=7)
        """
        return Span(self.start + start, self.start + end, self.line, self.column + start)


@attrs.frozen
class LineLayout:
    """How one line of the source was written, apart from its content.

    Attributes:
        indent: White space before the line's first visible character.
        gap: White space (or label and separator, for header fields) between
            the node's marker or label and its text.
        trail: Trailing white space, including a stray carriage return.
        eol: The line ending: ``"\\n"``, ``"\\r\\n"`` or ``""`` on a last line
            with no ending.
        blanks: The blank (or white-space-only) lines that follow, each with
            its own line ending.
    """

    indent: str = ""
    gap: str = ""
    trail: str = ""
    eol: str = "\n"
    blanks: tuple[str, ...] = ()


@attrs.frozen
class RawLine:
    """A line kept only for layout, such as ``Back to top`` or the final-decision label.

    Attributes:
        text: The visible text as written.
        layout: How the line was written.
    """

    text: str
    layout: LineLayout = attrs.field(factory=LineLayout)


@attrs.frozen
class HeaderLayout:
    """How the title, header fields, label and summary lines were written.

    Attributes:
        fields: The header field lines in source order as ``(key, label and
            separator as written, value as written, layout)``; ``key`` is one
            of ``"category"``, ``"outcome"`` and ``"decision_date"``.
        title: Layout of the title line; ``gap`` holds the space before the
            opening parenthesis of the reference.
        reference: The reference as written, when it differs from the
            model's (no-break spaces between the digit groups).
        label: The "The Ombudsman's final decision:" line, if present.
        summary: Layout of the summary line; ``gap`` holds ``"Summary: "`` as written.
    """

    title: LineLayout | None = None
    reference: str | None = None
    fields: tuple[tuple[str, str, str, LineLayout], ...] = ()
    label: RawLine | None = None
    summary: LineLayout | None = None


@attrs.frozen
class DecisionLayout:
    """Layout that belongs to the statement as a whole.

    Attributes:
        style: ``"web"`` (blank lines, numbered paragraphs, ``Back to top``) or
            ``"compact"`` (``- `` items, no blank lines). New nodes without
            layout render in this style.
        bom: ``"\\ufeff"`` when the text began with a byte-order mark.
        leading_blanks: Blank lines before the first line.
        header: Layout of the title and header lines.
        closing: ``Back to top`` lines between the last section and the signature.
        signature: Layout of the signature line.
    """

    style: str = "web"
    bom: str = ""
    leading_blanks: tuple[str, ...] = ()
    header: HeaderLayout = attrs.field(factory=HeaderLayout)
    closing: tuple[RawLine, ...] = ()
    signature: LineLayout | None = None
