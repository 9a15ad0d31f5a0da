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
    pieces: tuple[tuple[int, int, int, int], ...] = attrs.field(default=(), eq=False, repr=False)
    """For a text wrapped over several lines: where each further line's part starts, as
    ``(offset in the text, offset in the source, line, column)``."""

    def sub(self, start: int, end: int) -> Span:
        """Return the span of ``text[start:end]``, where this span covers the node's ``text``.

        Works for texts wrapped over several physical lines too: offsets in the
        joined text are mapped back to the source.

        Examples:
            >>> Span(100, 120, 7, 5).sub(2, 6)
            Span(start=102, end=106, line=7, column=7)
        """
        if not self.pieces:
            return Span(self.start + start, self.start + end, self.line, self.column + start)
        first = self._at(start)
        last = self._at(end)
        return Span(first[0], last[0], first[1], first[2])

    def _at(self, offset: int) -> tuple[int, int, int]:
        """Map an offset in the text to (source offset, line, column)."""
        base, source, line, column = 0, self.start, self.line, self.column
        for piece in self.pieces:
            if piece[0] > offset:
                break
            base, source, line, column = piece
        return source + offset - base, line, column + offset - base


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
            its own line ending, and page furniture (form feeds, running
            footers, page numbers).
        breaks: Where a text wrapped over several lines was joined (see ``wrapped``).
        text_length: The joined text's length when parsed (``-1``: not wrapped).
    """

    indent: str = ""
    gap: str = ""
    trail: str = ""
    eol: str = "\n"
    blanks: tuple[str, ...] = ()
    breaks: tuple[tuple[int, str, str], ...] = ()
    text_length: int = -1

    def wrapped(self, text: str) -> str:
        """Return ``text`` with its line breaks put back where it was wrapped.

        A text parsed from several physical lines (a decision document's
        hard-wrapped paragraph, a scraped field) is joined with single spaces;
        ``breaks`` records, as ``(offset, joiner, raw)``, where each ``joiner``
        stood for the ``raw`` line break (page furniture included). A text
        changed since it was parsed is written on one line.
        """
        if not self.breaks or len(text) != self.text_length:
            return text
        out = []
        position = 0
        for offset, joiner, raw in self.breaks:
            if text[offset : offset + len(joiner)] != joiner:
                return text
            out += [text[position:offset], raw]
            position = offset + len(joiner)
        out.append(text[position:])
        return "".join(out)


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
            of ``"category"``, ``"outcome"``, ``"decision_date"``,
            ``"reference"`` and ``"authority"``. A value written on the line
            after its label has the line break in the layout's ``gap``.
        title: Layout of the title line (``None`` when the text has none);
            ``gap`` holds the space before the opening parenthesis of the
            reference.
        reference: The reference as written, when it differs from the
            model's (no-break spaces between the digit groups).
        preface: Lines before the label that repeat what the page says
            elsewhere: a contents list of the headings, a copying site's
            metadata.
        label: The "The Ombudsman's final decision:" line, if present.
        summary: Layout of the summary line; ``gap`` holds ``"Summary: "`` as
            written (or ``"Summary"`` and a line break).
    """

    title: LineLayout | None = None
    reference: str | None = None
    fields: tuple[tuple[str, str, str, LineLayout], ...] = ()
    preface: tuple[RawLine, ...] = ()
    label: RawLine | None = None
    summary: LineLayout | None = None


@attrs.frozen
class DecisionLayout:
    """Layout that belongs to the statement as a whole.

    Attributes:
        bom: ``"\\ufeff"`` when the text began with a byte-order mark.
        leading_blanks: Blank lines before the first line.
        header: Layout of the title and header lines.
        closing: ``Back to top`` lines between the last section and the signature.
        signature: Layout of the signature line.
    """

    bom: str = ""
    leading_blanks: tuple[str, ...] = ()
    header: HeaderLayout = attrs.field(factory=HeaderLayout)
    closing: tuple[RawLine, ...] = ()
    signature: LineLayout | None = None
