"""Reading the text of decision PDFs (``lgo_parse._pdf``) and recognising them in ``parse_file``.

The PDFs are made by ``tests/pdfs.py``, which knows every line it printed, so
the extracted text is compared with what is on the paper. Parsing that text in
the decision-document layout is tested in ``test_pdf_parse.py``.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from pdfs import VARIANTS, make_pdf, out_of_order, printed, unreadable

import lgo_parse
from lgo_parse import ParseError
from lgo_parse._pdf import pdf_text


@pytest.mark.parametrize("variant", VARIANTS)
def test_text_is_the_printed_lines_page_by_page(variant: str) -> None:
    pdf = printed(**VARIANTS[variant])
    assert pdf_text(pdf.data) == pdf.text


def test_the_documents_have_what_the_tests_rely_on() -> None:
    """Guards the fixtures: a change to the maker must not quietly drop a case."""
    for draft in (False, True):
        pdf = printed(draft)
        assert pdf.split == {"paragraph", "bullet"}  # both run over a page break
        assert len(pdf.pages) >= 3
    assert printed(cover=True).pages[0] == ()


@pytest.mark.parametrize(
    ("draft", "footer"),
    [
        pytest.param(False, "Final decision", id="final"),
        pytest.param(True, "Draft decision for your comments", id="draft"),
    ],
)
def test_footers_stay_as_lines_with_their_page_numbers(draft: bool, footer: str) -> None:
    pages = pdf_text(printed(draft).data).split("\f")
    for number, page in enumerate(pages, start=1):
        assert page.rstrip("\n").split("\n")[-1] == f"{footer} {number}"


def test_a_line_split_by_a_wide_gap_is_one_line() -> None:
    """pdfminer makes two lines of '1.' and its text, or 'Final decision' and the page number."""
    lines = pdf_text(printed().data).split("\n")
    assert (
        "1. Mr B complained the Council, as his landlord, failed to repair a leak in the" in lines
    )
    assert "• cancelled three appointments without telling him; and" in lines
    assert "1." not in lines
    assert "2" not in lines


def test_justified_lines_have_single_spaces() -> None:
    """Justified text widens its spaces; pdfminer alone reads 'flat  and  did  not'."""
    text = pdf_text(printed(justified=True).data)
    assert "  " not in text
    assert "flat and did not answer his complaint." in text


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("1974, sections 26(1) and 26A(1), as amended)", id="italic-then-comma"),
        pytest.param("remedies on making an effective apology;", id="italic-over-a-page-break"),
        pytest.param(
            "Summary: Mr B complained the Council took too long to fix a leaking roof in his",
            id="bold-label-then-text",
        ),
    ],
)
def test_a_change_of_font_in_a_line_adds_no_space(line: str) -> None:
    """Glyph positions, not text runs, decide spaces: not 'Act 1974 , sections'."""
    assert line in pdf_text(printed().data).replace("\f", "\n").split("\n")


def test_reading_order_is_where_text_stands_not_the_order_it_was_drawn() -> None:
    data, text = out_of_order()
    assert pdf_text(data) == text


def test_ligature_glyphs_become_letters() -> None:
    from pdfminer.high_level import extract_text

    data = printed(cover=True, ligatures=True).data
    assert "ﬁ" in extract_text(io.BytesIO(data))  # the PDF really prints ligatures
    text = pdf_text(data)
    assert not any(glyph in text for glyph in "ﬀﬁﬂﬃﬄ")
    assert "he first reported it" in text
    assert "roof of his flat" in text


@pytest.mark.parametrize(
    "words",
    [
        pytest.param("pay Mr B £350", id="pound-sign"),
        pytest.param("its “repairs backlog”", id="curly-double-quotes"),
        pytest.param("as ‘injustice’", id="curly-single-quotes"),
        pytest.param("the Council’s repair records", id="curly-apostrophe"),
        pytest.param("• did not reply", id="bullet"),
        pytest.param("The Ombudsman’s final decision", id="label"),
    ],
)
def test_characters_come_through_unchanged(words: str) -> None:
    assert words in pdf_text(printed(ligatures=True).data)


def test_a_cover_page_without_text_is_an_empty_page() -> None:
    text = pdf_text(printed(cover=True).data)
    assert text.startswith("\f14 March 2024\n")
    assert text.split("\f")[2].rstrip("\n").split("\n")[-1] == "Final decision 3"


def test_an_owner_password_alone_does_not_stop_reading() -> None:
    """Many published PDFs are 'protected' with an owner password only: they open for anyone."""
    assert pdf_text(make_pdf(printed().letter, encrypt="").data) == printed().text


@pytest.mark.parametrize(
    ("data", "words"),
    [
        pytest.param(b"", "not a PDF", id="empty-file"),
        pytest.param(b"Example Council (23 013 577)\n", "not a PDF", id="text"),
        *(pytest.param(data, words, id=name) for name, (data, words) in unreadable().items()),
    ],
)
def test_unreadable_files_are_a_parse_error(data: bytes, words: str) -> None:
    with pytest.raises(ParseError, match=words) as caught:
        pdf_text(data, "letter.pdf")
    assert (caught.value.line, caught.value.column, caught.value.source) == (1, 1, "letter.pdf")


@pytest.mark.parametrize("keep", [0.25, 0.5, 0.9], ids=lambda keep: f"cut-at-{keep:.0%}")
def test_a_truncated_file_is_a_parse_error(keep: float) -> None:
    """A download cut short must not give part of the text as if it were all of it."""
    data = printed().data
    with pytest.raises(ParseError, match="incomplete"):
        pdf_text(data[: int(len(data) * keep)])


@pytest.fixture
def without_pdfminer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``import pdfminer...`` fail, as when the ``pdf`` extra is not installed."""
    # A module already imported is found in sys.modules before its package is
    # looked at, so every pdfminer module is blocked, not just the package.
    loaded = [name for name in sys.modules if name.split(".")[0] == "pdfminer"]
    for name in {"pdfminer", "pdfminer.high_level", *loaded}:
        monkeypatch.setitem(sys.modules, name, None)


@pytest.mark.usefixtures("without_pdfminer")
def test_without_the_extra_the_error_says_what_to_install(tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    path.write_bytes(printed().data)
    with pytest.raises(ParseError) as caught:
        lgo_parse.parse_file(path)
    error = caught.value
    assert 'pip install "lgo-parse[pdf]"' in error.reason
    assert (error.line, error.column, error.source) == (1, 1, str(path))


@pytest.mark.usefixtures("without_pdfminer")
def test_a_pdf_is_known_by_its_first_bytes_not_its_name(tmp_path: Path) -> None:
    """A PDF saved as .txt goes to the PDF reader (here: the missing extra), not to UTF-8."""
    path = tmp_path / "statement.txt"
    path.write_bytes(printed().data)
    with pytest.raises(ParseError, match=r"lgo-parse\[pdf\]"):
        lgo_parse.parse_file(path)


def test_a_text_file_named_pdf_is_read_as_text(tmp_path: Path) -> None:
    text = "Example Council (23 013 577)\n\nDecision : Upheld\n"
    path = tmp_path / "statement.pdf"
    path.write_text(text, encoding="utf-8")
    assert lgo_parse.render(lgo_parse.parse_file(path)) == text


def test_broken_pdf_through_parse_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    path.write_bytes(printed().data[:1000])
    with pytest.raises(ParseError, match="incomplete") as caught:
        lgo_parse.parse_file(path)
    assert caught.value.source == str(path)


def test_the_core_package_never_imports_the_pdf_library() -> None:
    script = (
        "import sys, lgo_parse\n"
        "lgo_parse.parse('Example Council (23 013 577)\\n\\nDecision : Upheld\\n')\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('pdfminer', 'lgo_parse._pdf')))\n"
        "print(loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
