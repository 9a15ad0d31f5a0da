"""Made-up decision documents as PDFs, laid out like the Ombudsman's (FORMATS.md §10-11).

The statements are invented; the layout is the real one: A4, the date and the
"Complaint reference:" / "Complaint against:" fields (label and value on
separate lines), "The Ombudsman’s final decision" (or draft decision),
"Summary: ...", headings, paragraphs numbered ``1.``, ``2.`` ... through the
whole document with a hanging indent and hard-wrapped at the page width,
bullets, a running footer with the page number on every page, paragraphs and
bullets that run over a page break, italics inside lines, and optionally a
cover page with no text, ligature glyphs (``ﬁ``, ``ﬂ``) as Word's PDFs have,
and justified lines. The text is set in Bitstream Vera (shipped with
reportlab) as an embedded TrueType subset with a ToUnicode map, as Word embeds
its fonts.

``make_pdf`` returns the PDF and the lines it printed, page by page, so a test
can compare what an extractor reads with what is on the paper; ``printed``
makes each of the ``VARIANTS`` once per session. ``out_of_order`` (a page drawn
in another order than it is read) and ``scanned`` (pictures, no text) are
small pages of their own.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from pathlib import Path

import attrs
import reportlab
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

_FONTS = Path(reportlab.__file__).parent / "fonts"
REGULAR, BOLD, ITALIC = "LgoVera", "LgoVeraBold", "LgoVeraItalic"
pdfmetrics.registerFont(TTFont(REGULAR, str(_FONTS / "Vera.ttf")))
pdfmetrics.registerFont(TTFont(BOLD, str(_FONTS / "VeraBd.ttf")))
pdfmetrics.registerFont(TTFont(ITALIC, str(_FONTS / "VeraIt.ttf")))

WIDTH, HEIGHT = A4
LEFT = RIGHT = 72.0  # 2.54 cm, Word's default margins
TOP, BOTTOM = 72.0, 72.0
FOOTER_Y = 36.0
SIZE, LEADING = 11.0, 14.0
NUMBER_INDENT = 21.0  # paragraph text after "1." (hanging indent)
BULLET_AT, BULLET_INDENT = 21.0, 39.0
GAP = 6.0  # between blocks
LIGATURES = {"fi": "ﬁ", "fl": "ﬂ"}
_LETTERS = str.maketrans({glyph: pair for pair, glyph in LIGATURES.items()})

Block = tuple[str, str]
"""``("heading" | "paragraph" | "bullet" | "text", words)``; ``_words_`` are printed in italics."""


@attrs.frozen
class Letter:
    """A made-up decision document."""

    date: str
    reference: str
    authority: str
    summary: str
    body: Sequence[Block]
    draft: bool = False

    @property
    def label(self) -> str:
        return f"The Ombudsman’s {'draft' if self.draft else 'final'} decision"

    def texts(self, kind: str) -> list[str]:
        """The words of every block of one kind, as printed (without the italics marks)."""
        return [words.replace("_", "") for each, words in self.body if each == kind]

    @property
    def footer(self) -> str:
        return "Draft decision for your comments" if self.draft else "Final decision"


@attrs.frozen
class Printed:
    """A PDF and what it printed.

    Attributes:
        letter: What was printed.
        data: The PDF file's bytes.
        pages: The printed lines of each page, top to bottom; pieces of text
            on one baseline are one line, joined by a space; the footer is the
            last line of each page that has one.
        split: The kinds of block (``"paragraph"``, ``"bullet"``) that ran
            over a page break.
        paragraphs: The number of numbered paragraphs.
    """

    letter: Letter
    data: bytes
    pages: tuple[tuple[str, ...], ...]
    split: frozenset[str]
    paragraphs: int

    @property
    def text(self) -> str:
        """The printed lines as ``pdf_text`` gives them (a form feed starts each later page)."""
        return "\f".join("".join(line + "\n" for line in page) for page in self.pages)


def make_pdf(
    letter: Letter,
    *,
    cover: bool = False,
    ligatures: bool = False,
    justified: bool = False,
    encrypt: str | None = None,
) -> Printed:
    """Lay out ``letter`` as a PDF.

    Args:
        letter: What to print.
        cover: Start with a cover page that has a picture (a filled box) and no text.
        ligatures: Print ``fi`` and ``fl`` as the single glyphs ``ﬁ`` and ``ﬂ``.
        justified: Justify wrapped lines by widening the spaces (``Tw``), as a
            word processor does: the gaps after space glyphs are wider than a space.
        encrypt: Encrypt the file with this user password ("" encrypts it with
            an owner password only: it opens without a password, as many
            "protected" PDFs do).
    """
    out = io.BytesIO()
    options = {}
    if encrypt is not None:
        from reportlab.lib.pdfencrypt import StandardEncryption

        options["encrypt"] = StandardEncryption(encrypt, ownerPassword="owner", strength=128)
    canvas = Canvas(out, pagesize=A4, invariant=1, **options)
    canvas.setTitle(letter.label)
    writer = _Writer(canvas, letter, ligatures, justified)
    if cover:
        canvas.setFillColorRGB(0.1, 0.2, 0.5)
        canvas.rect(LEFT, HEIGHT / 2, WIDTH - LEFT - RIGHT, 120, stroke=0, fill=1)
        writer.pages.append(())
        canvas.showPage()
    writer.write()
    canvas.save()
    return Printed(
        letter, out.getvalue(), tuple(writer.pages), frozenset(writer.split), writer.number
    )


def scanned(pages: int = 2) -> bytes:
    """A PDF whose pages are pictures only, as a scan without text recognition is."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=1)
    for _ in range(pages):
        canvas.setFillColorRGB(0.9, 0.9, 0.9)
        canvas.rect(LEFT, BOTTOM, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM, stroke=0, fill=1)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def out_of_order() -> tuple[bytes, str]:
    """A page whose text is drawn in another order than it is read, and the text it reads as.

    A paragraph's text drawn before its number, and, in one text object, a page
    number drawn before the footer to its left. Readers that follow the drawing
    order get these wrong.
    """
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=1)
    canvas.setFont(REGULAR, SIZE)
    canvas.drawString(LEFT + NUMBER_INDENT, 700, "Mr B complained the Council failed to act.")
    canvas.drawString(LEFT, 700, "1.")
    text = canvas.beginText(WIDTH - RIGHT - 6, FOOTER_Y)
    text.setFont(REGULAR, 9)
    text.textOut("2")
    text.setTextOrigin(LEFT, FOOTER_Y)
    text.textOut("Final decision")
    canvas.drawText(text)
    canvas.showPage()
    canvas.save()
    return out.getvalue(), "1. Mr B complained the Council failed to act.\nFinal decision 2\n"


@functools.cache
def unreadable() -> dict[str, tuple[bytes, str]]:
    """Files that start like PDFs and cannot be read: name -> (bytes, words of the error)."""
    data = printed().data
    return {
        "truncated": (data[: len(data) // 2], "incomplete"),
        "not-a-pdf-after-the-magic-bytes": (
            b"%PDF-1.7\n" + b"this is not a PDF after all\n" * 20 + b"%%EOF\n",
            "damaged",
        ),
        "zeros": (b"%PDF-1.4\n" + bytes(500) + b"\n%%EOF\n", "damaged"),
        "encrypted": (make_pdf(FINAL, encrypt="secret").data, "encrypted: it needs a password"),
        "pictures-only": (scanned(), "no text: it may be a scan"),
    }


class _Writer:
    """Places lines on pages, breaking pages and drawing footers like a word processor."""

    def __init__(self, canvas: Canvas, letter: Letter, ligatures: bool, justified: bool) -> None:
        self.canvas = canvas
        self.letter = letter
        self.ligatures = ligatures
        self.justified = justified
        self.pages: list[tuple[str, ...]] = []
        self.lines: list[str] = []
        self.y = HEIGHT - TOP
        self.number = 0
        self.split: set[str] = set()

    def write(self) -> None:
        letter = self.letter
        # The letterhead's logo: a picture, no text.
        self.canvas.setFillColorRGB(0.1, 0.2, 0.5)
        self.canvas.rect(WIDTH - RIGHT - 90, HEIGHT - 60, 90, 30, stroke=0, fill=1)
        self.canvas.setFillColorRGB(0, 0, 0)
        self.line([(REGULAR, letter.date)])
        self.gap(LEADING)
        for label, value in (
            ("Complaint reference:", letter.reference),
            ("Complaint against:", letter.authority),
        ):
            self.line([(BOLD, label)])
            self.line([(REGULAR, value)])
            self.gap(6)
        self.gap(LEADING)
        self.line([(BOLD, letter.label)], size=14)
        self.gap(8)
        self.wrapped(letter.summary, 0, 0, first=[(BOLD, "Summary: ")])
        for kind, words in letter.body:
            self.gap(GAP)
            if kind == "heading":
                self.keep(3)
                self.line([(BOLD, words)], size=12)
            elif kind == "paragraph":
                self.number += 1
                self.wrapped(words, 0, NUMBER_INDENT, marker=f"{self.number}.", kind=kind)
            elif kind == "bullet":
                self.wrapped(words, BULLET_AT, BULLET_INDENT, marker="•", kind=kind)
            else:
                self.wrapped(words, 0, 0)
        self.end_page()

    def gap(self, points: float) -> None:
        self.y -= points

    def keep(self, lines: int) -> None:
        """Start a new page unless ``lines`` more lines fit (a heading is kept with its text)."""
        if self.y - lines * LEADING < BOTTOM:
            self.end_page()

    def line(
        self,
        runs: Sequence[tuple[str, str]],
        *,
        x: float = 0.0,
        size: float = SIZE,
        justify: bool = False,
    ) -> None:
        if self.y < BOTTOM:
            self.end_page()
        runs = [(font, self.glyphs(words) if font == REGULAR else words) for font, words in runs]
        text = self.canvas.beginText(LEFT + x, self.y)
        spaces = sum(words.count(" ") for _, words in runs)
        if self.justified and justify and spaces:
            natural = sum(pdfmetrics.stringWidth(words, font, size) for font, words in runs)
            text.setWordSpace((WIDTH - RIGHT - LEFT - x - natural) / spaces)
        for font, words in runs:
            text.setFont(font, size)
            text.textOut(words)
        text.setWordSpace(0)  # word spacing outlives the text object
        self.canvas.drawText(text)
        runs = [(font, words.translate(_LETTERS)) for font, words in runs]
        self.lines.append("".join(words for _, words in runs).rstrip())
        self.y -= LEADING * size / SIZE

    def wrapped(
        self,
        words: str,
        x: float,
        indent: float,
        *,
        marker: str = "",
        first: Sequence[tuple[str, str]] = (),
        kind: str = "",
    ) -> None:
        """Print ``words`` hard-wrapped between ``LEFT + indent`` and the right margin."""
        width = WIDTH - LEFT - RIGHT - indent
        lead = sum(pdfmetrics.stringWidth(w, f, SIZE) for f, w in first)
        rows = _wrap(words, width, lead)
        page = -1
        italic = False
        for row_number, row in enumerate(rows):
            if self.y < BOTTOM:
                self.end_page()
            if row_number == 0:
                page = len(self.pages)
            runs, italic = _styled(row, italic)
            justify = row_number < len(rows) - 1
            if row_number == 0 and marker:
                self.canvas.setFont(REGULAR, SIZE)
                self.canvas.drawString(LEFT + x, self.y, marker)
                self.line(runs, x=indent, justify=justify)
                self.lines[-1] = f"{marker} {self.lines[-1]}"
            elif row_number == 0 and first:
                self.line([*first, *runs], x=indent, justify=justify)
            else:
                self.line(runs, x=indent, justify=justify)
        if kind and len(self.pages) != page:
            self.split.add(kind)

    def glyphs(self, words: str) -> str:
        if self.ligatures:
            for pair, glyph in LIGATURES.items():
                words = words.replace(pair, glyph)
        return words

    def end_page(self) -> None:
        number = len(self.pages) + 1
        self.canvas.setFont(REGULAR, 9)
        self.canvas.drawString(LEFT, FOOTER_Y, self.letter.footer)
        self.canvas.drawRightString(WIDTH - RIGHT, FOOTER_Y, str(number))
        self.lines.append(f"{self.letter.footer} {number}")
        self.pages.append(tuple(self.lines))
        self.lines = []
        self.canvas.showPage()
        self.y = HEIGHT - TOP


def _styled(row: str, italic: bool) -> tuple[list[tuple[str, str]], bool]:
    """Split a row at its ``_`` marks into regular and italic runs (a word processor's runs)."""
    runs = []
    for number, words in enumerate(row.split("_")):
        if number:
            italic = not italic
        if words:
            runs.append((ITALIC if italic else REGULAR, words))
    return runs, italic


def _wrap(words: str, width: float, lead: float = 0.0) -> list[str]:
    """Greedy line breaking at spaces, as a word processor does."""
    rows: list[str] = []
    row = ""
    for word in words.split(" "):
        candidate = f"{row} {word}" if row else word
        room = width - (lead if not rows else 0.0)
        if row and pdfmetrics.stringWidth(candidate, REGULAR, SIZE) > room:
            rows.append(row)
            row = word
        else:
            row = candidate
    rows.append(row)
    return rows


FINAL = Letter(
    date="14 March 2024",
    reference="23 004 512",
    authority="Example Borough Council",
    summary=(
        "Mr B complained the Council took too long to fix a leaking roof in his flat and did not "
        "answer his complaint. We found fault causing injustice. The Council has agreed to "
        "apologise, pay Mr B £350 and review how it tracks repairs."
    ),
    body=(
        ("heading", "The complaint"),
        (
            "paragraph",
            "Mr B complained the Council, as his landlord, failed to repair a leak in the roof "
            "of his flat for nine months after he first reported it in June 2022.",
        ),
        ("paragraph", "Mr B also complained the Council:"),
        ("bullet", "did not reply to his formal complaint within the time it promises;"),
        ("bullet", "cancelled three appointments without telling him; and"),
        (
            "bullet",
            "told him the work was finished when it was not, so he had to report the leak again.",
        ),
        (
            "paragraph",
            "Mr B says the damp damaged his furniture and affected his health. He wants the "
            "Council to pay for the damage and to put right its “repairs backlog”.",
        ),
        ("heading", "The Ombudsman’s role and powers"),
        (
            "paragraph",
            "We investigate complaints about ‘maladministration’ and ‘service failure’. In this "
            "statement, I have used the word fault to refer to these. We must also consider "
            "whether any fault has had an adverse impact on the person making the complaint. I "
            "refer to this as ‘injustice’. If there has been fault which has caused an "
            "injustice, we may suggest a remedy. (_Local Government Act 1974_, sections 26(1) "
            "and 26A(1), as amended)",
        ),
        (
            "paragraph",
            "We cannot normally decide whether a council has been negligent or award damages for "
            "harm to a person’s property. Those are matters for the courts or the Council’s "
            "insurers. But we can find fault in the way the Council dealt with a report of "
            "disrepair, and ask it to put that right.",
        ),
        (
            "paragraph",
            "When considering complaints, if there is a conflict of evidence, we make findings "
            "based on the balance of probabilities. This means that we will weigh up the "
            "available relevant evidence and base our findings on what we think was more likely "
            "to have happened.",
        ),
        ("heading", "How I considered this complaint"),
        (
            "paragraph",
            "I considered the information Mr B gave me, the Council’s repair records and its "
            "reply to my enquiries. I also considered the Council’s repairs policy, which says "
            "it will fix an urgent leak within five working days and a routine repair within 28 "
            "days.",
        ),
        (
            "paragraph",
            "Mr B and the Council had an opportunity to comment on my draft decision. I "
            "considered any comments received before making a final decision.",
        ),
        ("heading", "What I found"),
        ("heading", "What happened"),
        (
            "paragraph",
            "Mr B first reported water coming through his bedroom ceiling on 6 June 2022. The "
            "Council’s records show it logged the repair as routine, not urgent, and booked an "
            "appointment for 11 July 2022. The contractor cancelled that appointment the day "
            "before and did not book another one. Mr B rang again on 2 August and on 30 August "
            "2022; each time the Council logged a new job instead of finding the first one.",
        ),
        (
            "paragraph",
            "A surveyor visited on 19 October 2022. The surveyor’s note says the flat roof "
            "above the bedroom needed a patch repair and that the ceiling plaster was “wet to "
            "the touch”. The Council booked a roofer for 14 November 2022, but the roofer "
            "cancelled because of the weather, and again on 5 December 2022 because of staff "
            "sickness. Nobody told Mr B about either cancellation; he took a day off work each "
            "time to let the roofer in.",
        ),
        (
            "paragraph",
            "On 9 January 2023 the Council closed the job as complete. Mr B reported the leak "
            "again the next week. The Council says the roofer had repaired a different part of "
            "the roof by mistake. The right repair was finally done on 21 March 2023.",
        ),
        (
            "paragraph",
            "Mr B made a formal complaint on 3 February 2023. The Council’s complaints "
            "procedure says it will reply within ten working days. It replied on 28 April 2023, "
            "after Mr B had chased it twice. Its reply apologised for the delay in the repair "
            "but did not say why the job had been closed or offer any remedy for the damage.",
        ),
        ("heading", "Analysis"),
        (
            "paragraph",
            "The leak was coming into a bedroom through the ceiling. The Council should have "
            "treated it as urgent when Mr B first reported it. Logging it as routine, and then "
            "logging each of his later calls as a new job, was fault. So was failing to tell "
            "him about the cancelled appointments.",
        ),
        (
            "paragraph",
            "Closing the job on 9 January 2023 when the leak had not been fixed was also fault. "
            "It meant a further delay of more than two months before the right repair was done. "
            "Taking the repairs policy into account, I find the Council should have fixed the "
            "roof by mid-June 2022 at the latest, so the repair was about nine months late.",
        ),
        (
            "paragraph",
            "The Council took almost three months to reply to Mr B’s complaint, well outside "
            "the ten working days it promises. That was fault too.",
        ),
        (
            "paragraph",
            "I cannot say the delay damaged Mr B’s furniture or caused his health problems: "
            "that would need evidence a court or an insurer could weigh. But the delay meant Mr "
            "B lived for nine months with a damp bedroom, which caused him distress and "
            "affected his use of his home. He also lost the time he took off work for "
            "appointments that did not happen.",
        ),
        ("heading", "Agreed action"),
        (
            "paragraph",
            "Within one month of my final decision the Council has agreed to:",
        ),
        (
            "bullet",
            "apologise to Mr B for the faults I have found, in line with our _Guidance on "
            "remedies_ on making an effective apology;",
        ),
        (
            "bullet",
            "pay Mr B £350 to recognise the distress and loss of use of his bedroom caused by "
            "the delay, and £100 for his time and trouble; and",
        ),
        (
            "bullet",
            "give Mr B the details of its insurer so he can make a claim for the damage to his "
            "furniture if he wishes.",
        ),
        (
            "paragraph",
            "Within three months of my final decision the Council has agreed to review how it "
            "decides whether a leak is urgent and how it links repeat reports of the same repair, "
            "and to remind its officers to tell tenants when an appointment is cancelled.",
        ),
        (
            "paragraph",
            "The Council should provide us with evidence it has complied with the above actions.",
        ),
        ("heading", "Final decision"),
        (
            "paragraph",
            "I have completed my investigation. There was fault by the Council which caused "
            "injustice to Mr B. The Council has agreed to my recommendations, so I have ended "
            "my investigation on the basis they are a fair way to remedy that injustice.",
        ),
        ("text", "Investigator’s decision on behalf of the Ombudsman"),
    ),
)
"""A final decision: four pages, a paragraph and a bullet over page breaks, £350 to pay."""

DRAFT = attrs.evolve(
    FINAL,
    date="2 February 2024",
    draft=True,
    body=(
        *(
            (
                kind,
                words.replace("has agreed to", "should")
                .replace("Agreed action", "Recommended action")
                .replace("had an opportunity", "now have an opportunity")
                .replace("my draft decision", "this draft decision")
                .replace("considered any comments received", "will consider any comments"),
            )
            for kind, words in FINAL.body[:-3]
        ),
        ("heading", "Draft decision"),
        (
            "paragraph",
            "I have found fault by the Council which caused injustice to Mr B. I intend to "
            "complete my investigation once the Council agrees to the recommended action.",
        ),
        ("text", "Investigator’s draft decision on behalf of the Ombudsman"),
    ),
)
"""The same complaint as a draft: "draft decision" label and footer, recommended action."""


VARIANTS: dict[str, dict[str, bool]] = {
    "final": {},
    "draft": {"draft": True},
    "final-cover-ligatures": {"cover": True, "ligatures": True},
    "draft-cover-ligatures": {"draft": True, "cover": True, "ligatures": True},
    "final-justified": {"justified": True},
    "draft-justified-ligatures": {"draft": True, "justified": True, "ligatures": True},
}
"""The ways the tests print the two letters: ``printed(**VARIANTS[name])``."""


@functools.cache
def printed(
    draft: bool = False, *, cover: bool = False, ligatures: bool = False, justified: bool = False
) -> Printed:
    """The final (or draft) decision as a PDF, made once per test session."""
    letter = DRAFT if draft else FINAL
    return make_pdf(letter, cover=cover, ligatures=ligatures, justified=justified)
