"""``parse`` and ``parse_file``: text in, [`Decision`][lgo_parse.Decision] out."""

from __future__ import annotations

import os
import re
from typing import cast

import attrs

from ._errors import DuplicateFieldError, ParseError, at_offset, excerpt, from_lark
from ._layout import DecisionLayout
from ._model import Decision

BOM = "\ufeff"

# Control characters never found in a text page; tab, line feed, carriage
# return, form feed and vertical tab are. Thirty substring tests (memchr in C)
# beat one character-class regex over the text by a factor of three.
_CONTROL = tuple(chr(c) for c in (*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F))
_LEADING_BLANKS = re.compile(r"(?:[^\S\n]*\n)*")


def parse(text: str) -> Decision:
    """Parse the text of one decision statement.

    Args:
        text: The statement as text. A byte-order mark, CRLF line endings and
            website chrome before and after the statement are all accepted and
            kept, so [`render`][lgo_parse.render] gives the same text back.

    Returns:
        The decision.

    Raises:
        ParseError: The text is empty, binary, not a decision statement, or a
            page listing several decisions.

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
    if not isinstance(text, str):
        kind = type(text).__name__
        raise ParseError(
            f"expected text (str), got {kind}; decode it first, or use parse_file()", 1, 1
        )
    if any(c in text for c in _CONTROL):
        offset = min(i for i in (text.find(c) for c in _CONTROL) if i >= 0)
        raise at_offset(
            text,
            offset,
            f"control character U+{ord(text[offset]):04X}: this looks like binary "
            "data, not the text of a decision",
        )
    bom = BOM if text.startswith(BOM) else ""
    blanks_end = _LEADING_BLANKS.match(text, len(bom)).end()  # type: ignore[union-attr]
    if not text[blanks_end:].strip():
        raise ParseError("the text is empty", 1, 1)
    from lark.exceptions import UnexpectedInput
    from lark.utils import TextSlice

    from ._grammar import driver

    try:
        decision = cast(Decision, driver().parse(TextSlice(text, blanks_end, len(text))))
    except UnexpectedInput as error:
        raise from_lark(text, error) from None
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
    if bom or blanks_end:
        leading = tuple(_lines(text[len(bom) : blanks_end]))
        layout = decision.layout or DecisionLayout()
        decision = attrs.evolve(
            decision, layout=attrs.evolve(layout, bom=bom, leading_blanks=leading)
        )
    return decision


def _lines(text: str) -> list[str]:
    return [line + "\n" for line in text.split("\n")[:-1]]


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
