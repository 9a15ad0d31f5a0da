"""Decision PDFs end to end: ``parse_file`` on a PDF gives the decision in the letter layout.

The PDFs are the made-up decision documents of ``tests/pdfs.py`` (FORMATS.md
§10-11): page footers with page numbers, paragraphs and bullets over page
breaks, hard-wrapped lines, a cover page, ligature glyphs.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from pdfs import VARIANTS, Printed, printed

import lgo_parse
from lgo_parse import Decision, ListItem, Paragraph, Section
from lgo_parse._pdf import pdf_text

FOOTER = re.compile(r"(Final decision|Draft decision for your comments) \d+")


@pytest.fixture(params=list(VARIANTS))
def pdf(request: pytest.FixtureRequest) -> Printed:
    return printed(**VARIANTS[request.param])


@pytest.fixture
def decision(pdf: Printed, tmp_path: Path) -> Decision:
    path = tmp_path / "decision.pdf"
    path.write_bytes(pdf.data)
    return lgo_parse.parse_file(path)


def test_kind_authority_reference_and_date(pdf: Printed, decision: Decision) -> None:
    assert (decision.kind is lgo_parse.DocumentKind.DRAFT) == pdf.letter.draft
    assert decision.authority == "Example Borough Council"
    assert str(decision.reference) == "23 004 512"
    expected = datetime.date(2024, 2, 2) if pdf.letter.draft else datetime.date(2024, 3, 14)
    assert decision.decision_date == expected


def test_paragraphs_are_numbered_as_printed_with_wrapped_lines_joined(
    pdf: Printed, decision: Decision
) -> None:
    """Every paragraph 1..N, whole: the one over a page break too, and no footer inside."""
    written = pdf.letter.texts("paragraph")
    assert len(written) == pdf.paragraphs
    for number, words in enumerate(written, start=1):
        assert decision.paragraph(number).text == words, number


def test_bullets_over_a_page_break_are_one_bullet(pdf: Printed, decision: Decision) -> None:
    written = pdf.letter.texts("bullet")
    assert [item.text for item in _items(decision)] == written


def test_no_page_furniture_in_any_block(decision: Decision) -> None:
    for text in _texts(decision):
        assert not FOOTER.search(text), text
        assert "\f" not in text
        assert "\n" not in text


def test_the_payment_is_found_as_a_remedy(decision: Decision) -> None:
    payments = [r for r in decision.remedies if r.kind is lgo_parse.RemedyKind.PAYMENT]
    assert Decimal(350) in {r.amount for r in payments}


def test_render_gives_the_extracted_text_back(pdf: Printed, decision: Decision) -> None:
    assert lgo_parse.render(decision) == pdf_text(pdf.data)


def _sections(sections: tuple[Section, ...]) -> Iterator[Section]:
    for section in sections:
        yield section
        yield from _sections(section.subsections)


def _items(decision: Decision) -> Iterator[ListItem]:
    def nested(items: tuple[ListItem, ...]) -> Iterator[ListItem]:
        for item in items:
            yield item
            yield from nested(item.items)

    for section in _sections(decision.sections):
        for block in section.blocks:
            if isinstance(block, ListItem):
                yield from nested((block,))
            elif isinstance(block, Paragraph):
                yield from nested(block.items)


def _texts(decision: Decision) -> Iterator[str]:
    yield decision.summary or ""
    for section in _sections(decision.sections):
        yield section.heading or ""
        for block in section.blocks:
            yield block.text
    yield from (item.text for item in _items(decision))


def test_a_folder_of_pdfs_gives_one_csv_row_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Issue 11: `lgo-parse FOLDER --format csv` over decision PDFs, one row per PDF, exit 0.
    from lgo_parse._cli import main

    folder = tmp_path / "pdfs"
    folder.mkdir()
    for name, options in VARIANTS.items():
        (folder / f"{name}.pdf").write_bytes(printed(**options).data)
    code = main(["--format", "csv", str(folder)])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert sorted(Path(row["file"]).name for row in rows) == sorted(f"{n}.pdf" for n in VARIANTS)
    assert {row["reference"] for row in rows} == {"23 004 512"}
    # Every made-up letter pays Mr B £350 for distress and £100 for time and trouble.
    assert {row["remedy_amount_total"] for row in rows} == {"450"}
