"""The text of a PDF, page by page and line by line (the optional ``pdf`` extra).

pdfminer.six finds the characters and groups them into words and lines by
where they stand on the page; this module only puts the lines of a page in
reading order, top to bottom and left to right, and writes one output line per
printed line. pdfminer splits a printed line where a wide gap separates two
pieces (a page number at the right margin, a paragraph number before its
text); pieces on one baseline are joined again here with a space. And where
pdfminer would add a space for a gap next to a space glyph (the widened
spaces of a justified line), none is added.

Nothing else is done to the text: page furniture (footers, page numbers) is
kept as the lines it is, and wrapped lines are not joined. That is the
parser's work, which knows the layout of a decision document. The one
exception is ligature glyphs (``ﬁ``, ``ﬂ``, ...), which word processors print
for "fi" and "fl" and which no reader means as characters of their own.

pdfminer is imported on the first call only: ``import lgo_parse`` and parsing
text never load it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ._errors import ParseError

if TYPE_CHECKING:
    from pdfminer.layout import LTItem, LTTextLine

PDF_MAGIC = b"%PDF-"
INSTALL_HINT = 'reading PDFs needs the "pdf" extra: pip install "lgo-parse[pdf]"'

# Alphabetic presentation forms (U+FB00-FB06) a PDF's ToUnicode map may give
# for the ligatures a word processor printed.
LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)

# Where the end-of-file marker must be: Acrobat looks for it only in the last
# 1024 bytes of the file (PDF Reference 1.7, implementation note 18).
_EOF_WINDOW = 1024


def is_pdf(data: bytes) -> bool:
    """Say whether ``data`` starts like a PDF file (``%PDF-``), whatever its name."""
    return data.startswith(PDF_MAGIC)


def pdf_text(data: bytes, source: str | None = None) -> str:
    """Return the text of every page of a PDF, in reading order.

    One output line per printed line, each ending with ``"\\n"``; every page
    after the first starts with a form feed (``"\\f"``), as pdftotext writes
    it, so a page with no text (a cover with a picture) gives just its
    ``"\\f"``. Ligature glyphs become their letters; nothing
    else is changed.

    Args:
        data: The PDF file's bytes.
        source: The file name, for errors.

    Returns:
        The text.

    Raises:
        ParseError: pdfminer.six is not installed (the message says how to
            install the ``pdf`` extra), or the PDF is encrypted, damaged, cut
            short or has no text (a scan); always at line 1, column 1.

    Examples:
        >>> from lgo_parse._pdf import pdf_text
        >>> pdf_text(b"%PDF-1.7 and then nothing", "letter.pdf")
        Traceback (most recent call last):
        ...
        lgo_parse._errors.ParseError: letter.pdf:1:1: this PDF is incomplete: ...
    """
    if not is_pdf(data):
        raise _unreadable("this is not a PDF: it does not start with '%PDF-'", source)
    if b"%%EOF" not in data[-_EOF_WINDOW:]:
        raise _unreadable(
            "this PDF is incomplete: it does not end with '%%EOF' (a download cut short?)", source
        )
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LAParams
        from pdfminer.pdfdocument import PDFPasswordIncorrect
    except ImportError:
        raise ParseError(INSTALL_HINT, 1, 1, source=source) from None
    # boxes_flow=None: pdfminer does not order its text boxes as columns (a
    # decision document has one column; lines are put in order below).
    # all_texts: text inside figures (form XObjects) is read too.
    laparams = LAParams(boxes_flow=None, all_texts=True)
    pages: list[str] = []
    try:
        for page in extract_pages(io.BytesIO(data), laparams=laparams):
            pages.append("\n".join(_page_lines(page)))
    except PDFPasswordIncorrect:
        raise _unreadable("this PDF is encrypted: it needs a password to open", source) from None
    except Exception as error:  # pdfminer raises many kinds on damaged files
        raise _unreadable(f"this PDF is damaged and cannot be read ({error})", source) from None
    if not any(page.strip() for page in pages):
        raise _unreadable(
            "this PDF has no text: it may be a scan (pictures of the pages), "
            "which lgo-parse cannot read",
            source,
        )
    # Each page's last line ends with a line feed, and the next page starts
    # with its form feed: "...\nFinal decision 1\n\fnext page...".
    text = "\f".join(page + "\n" if page else page for page in pages)
    return text.translate(LIGATURES)


def _unreadable(reason: str, source: str | None) -> ParseError:
    return ParseError(reason, 1, 1, source=source)


def _page_lines(page: LTItem) -> Iterator[str]:
    """Yield a page's printed lines, top to bottom; pieces on one baseline make one line."""
    pieces = sorted(_text_lines(page), key=lambda line: -line.y1)
    rows: list[list[LTTextLine]] = []
    for piece in pieces:
        if rows and _same_baseline(rows[-1][0], piece):
            rows[-1].append(piece)
        else:
            rows.append([piece])
    for row in rows:
        text = ""
        for piece in sorted(row, key=lambda line: line.x0):
            words = _line_text(piece)
            text = f"{text} {words}" if text and not text.endswith(" ") else text + words
        yield text.rstrip(" ")


def _line_text(line: LTTextLine) -> str:
    """A line's characters, with the spaces pdfminer adds for gaps between glyphs.

    A gap next to a space glyph is part of that space: justified text widens
    its spaces (``Tw``, or an offset after each space), and pdfminer would add
    a second space there.
    """
    from pdfminer.layout import LTAnno

    items = list(line)
    characters = [item.get_text() for item in items]
    kept = []
    for number, (item, character) in enumerate(zip(items, characters, strict=True)):
        if character == " " and isinstance(item, LTAnno):
            around = characters[max(number - 1, 0) : number] + characters[number + 1 : number + 2]
            if any(neighbour.isspace() for neighbour in around):
                continue
        kept.append(character)
    return "".join(kept).rstrip("\n")


def _same_baseline(first: LTTextLine, other: LTTextLine) -> bool:
    """Whether either line's middle lies within the other's height (small print on a line)."""
    middle, other_middle = (first.y0 + first.y1) / 2, (other.y0 + other.y1) / 2
    return first.y0 <= other_middle <= first.y1 or other.y0 <= middle <= other.y1


def _text_lines(item: LTItem) -> Iterator[LTTextLine]:
    """Every line of text in a layout tree (text boxes, and figures' text)."""
    from pdfminer.layout import LTContainer, LTTextLine

    if isinstance(item, LTTextLine):
        if item.get_text().strip():
            yield item
    elif isinstance(item, LTContainer):
        for child in item:
            yield from _text_lines(child)
