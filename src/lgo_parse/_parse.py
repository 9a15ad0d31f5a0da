"""``parse`` and ``parse_file``: text in, [`Decision`][lgo_parse.Decision] out."""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, cast

import attrs

from ._errors import (
    DuplicateFieldError,
    ParseError,
    UnexpectedLineError,
    at_offset,
    excerpt,
    from_unexpected,
)
from ._layout import DecisionLayout
from ._model import Decision

if TYPE_CHECKING:
    from ._driver import Driver

BOM = "\ufeff"

# Control characters never found in a text page; tab, line feed, carriage
# return, form feed and vertical tab are. Thirty substring tests (memchr in C)
# beat one character-class regex over the text by a factor of three.
_CONTROL = tuple(chr(c) for c in (*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F))
_LEADING_BLANKS = re.compile(r"(?:[^\S\n]*\n)*\f*")
_NOT_SPACE = re.compile(r"\S")


def parse(text: str) -> Decision:
    """Parse the text of one decision statement, in any of the forms it comes in.

    The website's text (blank-line or compact layout, report summary pages),
    copies on other websites and scraper output (no title line, plain
    paragraphs), and the decision document (letter or PDF text: hard-wrapped
    paragraphs, page footers) all read into the same model; see
    [`Form`][lgo_parse.Form].

    Args:
        text: The statement as text. A byte-order mark, CRLF line endings and
            website chrome before and after the statement are all accepted and
            kept, so [`render`][lgo_parse.render] gives the same text back.

    Returns:
        The decision.

    Raises:
        ParseError: The text is empty, binary, not a decision statement, or
            holds several statements (use [`parse_all`][lgo_parse.parse_all]).

    Examples:
        >>> import lgo_parse
        >>> d = lgo_parse.parse(
        ...     "Example Council (23 013 577)\\n\\nDecision : Upheld\\n\\n"
        ...     "The complaint\\n\\n  1. Mr X complains.\\n"
        ... )
        >>> d.authority, str(d.reference), d.outcome.kind.name
        ('Example Council', '23 013 577', 'UPHELD')
        >>> d.sections[0].heading, d.paragraph(1).text
        ('The complaint', 'Mr X complains.')
    """
    start, bom = _check(text)
    decision = _parse_slice(text, start, len(text))
    return _with_leading(decision, text, bom, start)


def parse_all(text: str) -> list[Decision]:
    """Parse a text that holds one or more statements, such as committee papers.

    Each statement starts where a title line, a copy's label line or a
    decision document's head starts; text between two statements (after the
    first one's signature) is the first one's chrome. Rendering each decision
    and joining the texts gives the text back:
    ``"".join(render(d) for d in parse_all(text)) == text``.

    Args:
        text: The text.

    Returns:
        The decisions, in order.

    Raises:
        ParseError: The text is empty or binary, or a part of it is not a
            decision statement.

    Examples:
        >>> import lgo_parse
        >>> text = (
        ...     "Example Council (23 013 577)\\nSummary: Mr X complains.\\n"
        ...     "Other Council (22 001 002)\\nSummary: Ms Y complains.\\n"
        ... )
        >>> [d.authority for d in lgo_parse.parse_all(text)]
        ['Example Council', 'Other Council']
        >>> "".join(lgo_parse.render(d) for d in lgo_parse.parse_all(text)) == text
        True
    """
    from ._errors import SecondStatementError

    start, bom = _check(text)
    found: list[Decision] = []
    position = start
    while True:
        try:
            decision = _parse_slice(text, position, len(text))
        except SecondStatementError as error:
            decision = _parse_slice(text, position, error.offset)
            found.append(decision if found else _with_leading(decision, text, bom, start))
            position = error.offset
            continue
        found.append(decision if found else _with_leading(decision, text, bom, start))
        return found


def _check(text: str) -> tuple[int, str]:
    """Refuse what is not text; return where the first line starts, and the BOM."""
    if not isinstance(text, str):
        kind = type(text).__name__
        raise ParseError(
            f"expected text (str), got {kind}; decode it first, or use parse_file()", 1, 1
        )
    for c in _CONTROL:
        if c in text:
            offset = min(i for i in (text.find(c) for c in _CONTROL) if i >= 0)
            raise at_offset(
                text,
                offset,
                f"control character U+{ord(text[offset]):04X}: this looks like binary "
                "data, not the text of a decision",
            )
    bom = BOM if text.startswith(BOM) else ""
    blanks_end = _LEADING_BLANKS.match(text, len(bom)).end()  # type: ignore[union-attr]
    if _NOT_SPACE.search(text, blanks_end) is None:  # (no copy of the text to strip)
        raise ParseError("the text is empty", 1, 1)
    return blanks_end, bom


_DRIVER: list[Driver] = []
"""The parser, made on the first parse (the tables are read then, not on import)."""


def _parse_slice(text: str, start: int, end: int) -> Decision:
    """Parse ``text[start:end]`` as one statement (spans count from the start of ``text``)."""
    if not _DRIVER:
        from ._grammar import driver

        _DRIVER.append(driver())
    try:
        return cast(Decision, _DRIVER[0].parse(text, start, end))
    except UnexpectedLineError as error:
        raise from_unexpected(text, error, start) from None
    except DuplicateFieldError as error:
        tok = error.token
        line = tok.line
        raise ParseError(
            f"a second '{tok.value.split(':')[0].strip()}' line; a decision statement has "
            "one, so this looks like a page listing several decisions",
            line,
            1,
            excerpt(text, line, 1),
        ) from None


def _with_leading(decision: Decision, text: str, bom: str, start: int) -> Decision:
    """Keep the byte-order mark and the blank lines before the first line as layout."""
    if not bom and not start:
        return decision
    leading = tuple(_lines(text[len(bom) : start]))
    layout = decision.layout or DecisionLayout()
    return attrs.evolve(decision, layout=attrs.evolve(layout, bom=bom, leading_blanks=leading))


def _lines(text: str) -> list[str]:
    *whole, rest = text.split("\n")
    return [line + "\n" for line in whole] + ([rest] if rest else [])


def parse_file(path: str | os.PathLike[str]) -> Decision:
    """Read a statement from a UTF-8 text file or a PDF and parse it.

    A text file is read as bytes and decoded, so CRLF line endings and a
    byte-order mark are kept and [`render`][lgo_parse.render] gives the file's
    text back.

    A file that starts with ``%PDF-`` is a PDF, whatever its name. Its text is
    extracted page by page (with the optional extra:
    ``pip install "lgo-parse[pdf]"``; see the documentation's PDFs page) and parsed;
    [`render`][lgo_parse.render] gives that extracted text back, since a PDF
    cannot be rewritten, and the lines of a ``ParseError`` are its lines.

    Args:
        path: The file to read.

    Returns:
        The decision.

    Raises:
        ParseError: The file is not UTF-8 text or a readable PDF, or not a
            decision statement; or it is a PDF and the ``pdf`` extra is not
            installed. The error's ``source`` names the file.
        OSError: The file cannot be read.

    Examples:
        >>> import lgo_parse, pathlib, tempfile
        >>> data = b"Example Council (23 013 577)\\r\\n\\r\\nDecision : Upheld\\r\\n"
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = pathlib.Path(folder) / "statement.txt"
        ...     _ = path.write_bytes(data)
        ...     d = lgo_parse.parse_file(path)
        >>> d.outcome.text, lgo_parse.render(d).encode("utf-8") == data
        ('Upheld', True)
    """
    name = os.fspath(path)
    with open(path, "rb") as file:
        data = file.read()
    if data.startswith(b"%PDF-"):
        from ._pdf import pdf_text

        text = pdf_text(data, name)
    else:
        text = decode_utf8(data, name)
    del data  # not held while parsing: for a big file, another copy of the input
    try:
        return parse(text)
    except ParseError as error:
        raise error.with_source(name) from None


def decode_utf8(data: bytes, source: str | None = None) -> str:
    """Decode a statement's bytes as UTF-8, keeping a byte-order mark for rendering.

    Raises:
        ParseError: A byte is not UTF-8, at the line and column where it stands.
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        good = data[: error.start].decode("utf-8")
        line = good.count("\n") + 1
        column = len(good) - (good.rfind("\n") + 1) + 1
        raise ParseError(
            f"byte 0x{data[error.start]:02X} is not UTF-8: this is not a text file, "
            "or it is in another encoding",
            line,
            column,
            source=source,
        ) from None
