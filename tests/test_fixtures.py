"""Made-up fixtures: valid ones against hand-checked goldens, invalid ones against their errors.

``valid/*.txt`` are small statements in the style of the seeds, one or more per
variant in FORMATS.md. Each has a ``*.golden.json`` beside it (the digest of
``tests/golden.py``); :data:`CHECKED` says, per fixture, what was compared by
hand with the text before the golden was accepted. A new fixture needs a line
there, or ``test_every_valid_fixture_is_checked`` fails.

Parser defects found by these fixtures are regression tests at the end of this module, each
with a minimal input: when the parser is fixed they pass unexpectedly and fail
the run, and the mark comes off so the test guards the fix.

``invalid/*.txt`` each have a ``*.error.json``: ``{"line", "column",
"contains"}``, the 1-based position :class:`lgo_parse.ParseError` must report
and words its message must contain.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from golden import (
    INVALID,
    VALID,
    check_golden,
    fixture_files,
    golden_path,
    read_text,
)

import lgo_parse
from lgo_parse import ParseError

GRAMMAR = Path(__file__).resolve().parents[1] / "grammar" / "decision.lark"

# What was checked by hand for each valid fixture, beyond what every golden
# gets: authority and reference split at the last "(", reference year and slug,
# category text and path, outcome text and kind, ISO date, summary text, each
# heading's kind and nesting, block counts, paragraph numbers counted by hand,
# the chrome counts, and the style (web = blank lines, compact = none).
CHECKED = {
    "web_layout": "blank-line layout, every part: 7 top-level headings with their kinds; What I"
    " found keeps its own paragraph (5) before sub-sections What happened (6-7), Analysis (8),"
    " Injustice (9); Agreed action 10 with two nested '    • ' bullets; Final decision 11;"
    " signature; style web",
    "compact_layout": "compact: 3 '- ' items and the sentence 'She says this caused her"
    " distress.' as a loose line; What I found > What happened, 'A) ...' (ends with '.') and"
    " 'B) ...' (no full stop) as sub-sections; every paragraph None with the compact reason;"
    " no final newline; style compact",
    "compact_no_header": "title then the label line: category, outcome and date all None,"
    " summary read; My assessment is ASSESSMENT; numbers None",
    "missing_category": "category None; outcome, date and summary read; 2 sections, 3 paragraphs",
    "missing_outcome": "outcome None; category, date, summary and 3 paragraphs read",
    "missing_decision_date": "decision_date None; category, outcome, summary and 3 paragraphs read",
    "truncated_mid_paragraph": "cut mid-word in paragraph 4 ('... the Council’s resp'), no"
    " final newline: 4 sections, paragraphs 1-4 with 4 cut short, no signature (the cut"
    " text is checked by test_truncated_paragraph_keeps_its_text)",
    "truncated_mid_paragraph_newline": "cut mid-word in paragraph 1 ('... home ca') plus a"
    " newline: one section, one paragraph, text checked by the same test",
    "truncated_mid_heading": "'Back to top' then 'Fina' with no newline: a top-level section"
    " headed 'Fina', kind OTHER, no blocks; the 4 paragraphs before it kept",
    "truncated_mid_heading_newline": "'Back to top' then 'The Ombudsman’s ro' and a newline: a"
    " top-level section headed with the fragment, kind OTHER (not ROLE_AND_POWERS)",
    "truncated_back_to_to": "last line 'Back to to' without newline: read as a separator, so"
    " no extra heading; 2 sections, 3 paragraphs, no signature",
    "truncated_back_to_to_newline": "the same text with a final newline: golden written by hand"
    " as a copy of truncated_back_to_to's (a defect found here, now fixed: 'Back to to' became"
    " a sub-section heading when a line ending followed it)",
    "truncated_after_title": "only the title and a newline: authority, reference, year, slug;"
    " everything else None or empty; style compact (no blank line after the title)",
    "truncated_after_title_no_newline": "only the title, no newline: same digest as"
    " truncated_after_title",
    "truncated_in_header": "cut at 'Decision date : 09 Oc': category and outcome read, the"
    " date None (not a real date), no summary, no sections",
    "truncated_in_summary": "cut in the summary plus a newline: the summary is the fragment"
    " 'Mr X complains the Council charged him for ca', date read, no sections",
    "chrome_around": "3 chrome lines before the title (one contains '>'), 4 after the"
    " signature; the signature 'Assistant Ombudsman’s decision on behalf of the Ombudsman';"
    " outcome Not upheld; 2 sections, 2 paragraphs; no final newline",
    "crlf": "CRLF on every line: values carry no '\\r'; Agreed action paragraph 3 with two"
    " nested bullets; 4 paragraphs",
    "bom": "byte-order mark before the title: authority is 'Example Borough Council' with no"
    " U+FEFF; the standard header read in full; 2 sections, 3 paragraphs",
    "authority_parentheses": "'Example Care (Northern) Limited (24 023 091)': authority keeps"
    " '(Northern)', reference is the last group, year 2024",
    "authority_punctuation": "'Smith, Jones & O'Brien’s Homes (South West) Ltd (22 001 002)':"
    " commas, '&', straight and curly apostrophes and '(South West)' kept in the authority",
    "nested_lists": "paragraph 3 has '• • [1. 2.]' (a '      1. ' sub-list under the second"
    " bullet); paragraph 4 has '      1. ' items directly under it ('1. 2.'); paragraph 5"
    " after them; no paragraph-level bullets",
    "bullets_at_paragraph_indent": "'  • ' bullets after paragraph 1 are paragraph-level"
    " bullets (2), the run takes number 2, so the next '  1. ' is paragraph 3, then 4, 5, 6",
    "numbering_restarts": "in What I found: 3, 4 (with 2 nested bullets), then '1.' restarts"
    " as 5, 6, the loose line '(Care Act 2014, section 14)', then '1.' again as 7; Final 8",
    "loose_lines": "role and powers: paragraph 3, a 2-bullet run (4), the bracketed citation,"
    " 5, a citation on the very next line, 6, a ‘quoted’ and a “quoted” line, 7, a plain"
    " sentence, 8: 5 loose lines and no sub-sections",
    "lettered_headings": "What I found has no blocks of its own and sub-sections 'A) The Council"
    " missed visits', 'B) ... happen.' (ends with a full stop), 'C) The Council’s ...'; 3-5",
    "background_sections": "'Background' after The complaint is top level (BACKGROUND); inside"
    " What I found 'Background' and 'Complaint background' are sub-sections (BACKGROUND),"
    " then What happened; 'Legal and administrative background' after 'Back to top' is top"
    " level (LEGAL_BACKGROUND); paragraphs 1-8",
    "whitespace_oddities": "trailing spaces and tabs, lines holding a space or a tab, two"
    " spaces before '(23 013 577)', after 'Decision :', 'Summary:' and '1.': values have no"
    " leading or trailing white space; heading 'The complaint ' reads as 'The complaint';"
    " paragraph 1 keeps its bullet",
    "special_characters": "NBSP inside text and in the heading 'What happened\\u00a0next'"
    " (still WHAT_HAPPENED, a sub-section), U+2011 in 're\\u2011assessment', curly quotes,"
    " '…', double spaces and '£1,250.50' kept in the text; paragraphs 1-5",
    "outcome_not_upheld": "'Not upheld' is NOT_UPHELD (not UPHELD)",
    "outcome_closed": "'Closed after initial enquiries' is CLOSED_AFTER_INITIAL_ENQUIRIES; My"
    " assessment is ASSESSMENT; Assistant Ombudsman signature; 4 paragraphs",
    "outcome_unknown": "'Withdrawn by complainant' kept as text, kind OTHER",
    "older_category": "'Education and children's services > Special educational needs' kept"
    " with its path; reference 13 001 234 is year 2013; date 21 Nov 2014",
    "headings_catalogue": "every common top-level heading of FORMATS.md with its kind (the"
    " straight apostrophe 'The Ombudsman's role and powers' is ROLE_AND_POWERS, 'Complaint"
    " background' top level is BACKGROUND, 'What I have and have not investigated' is"
    " INVESTIGATED); What I found > Legislation and guidance, What happened, Analysis,"
    " Injustice; paragraphs 1-14 in order",
    "loose_citation_unbracketed": "golden written by hand: 'Local Government Act 1974, section"
    " 34(3), as amended' between paragraphs 1 and 2 is a loose line, not a sub-section"
    " heading (a defect found here, now fixed)",
    # Forms (FORMATS.md §6-13), issue 10.
    "copy_label_no_colon": "third-party copy from the label line without colon: authority,"
    " reference, category, outcome and date all None; summary read; plain lines are paragraphs"
    " 1-7 (marker ''), the bracketed Act line a loose line in role and powers; form copy",
    "copy_bare_summary": "copy from a bare 'Summary' line: the summary is the next line; 4"
    " sections (INVESTIGATED, ASSESSMENT), paragraphs 1-5; header all None; form copy",
    "copy_site_metadata": "the site's block (Source, authority line, 'Reference 21-000-123 ..."
    " Decided 3 March 2022', Download, Share, Full decision) is not content: authority"
    " 'Example District Council', reference 21 000 123 (year 2021), date 2022-03-03; category"
    " and outcome None ('Sector Other' is not a category); paragraphs 1-5; form copy",
    "scraped_no_title": "scraper output: 'Category :' / 'Housing' / '>' / 'Homelessness' is"
    " Housing > Homelessness, outcome Upheld, date 2021-03-04; 'Summary' alone; no title so"
    " authority and reference None; paragraphs 1-7 one per line; form scraped",
    "scraped_with_title": "scraper output with the title line: authority and reference"
    " 20 004 567 read; split fields give Transport and highways > Parking and other penalties,"
    " Not upheld, 2021-06-17; paragraphs 1-3; form scraped",
    "contents_list": "'- The complaint' ... '- Final decision' between the header and the label"
    " is navigation: the 4 sections start after the summary, each with its own '- ' items"
    " (compact, numbers None); header fields read; form compact",
    "cookie_banner": "8 cookie-banner lines before the title are chrome_before; the blank-line"
    " statement after it reads in full: paragraphs 1 and 2; form web",
    "letter": "decision letter: date line 12 February 2016, fields on separate lines (reference"
    " 15 004 321, authority), label without colon; the summary wrapped over 3 lines joined;"
    " paragraphs numbered as written 1-7 (marker '4.' is paragraph 4); paragraph 1 has 2"
    " bullets; 'Final decision' + '2' + form feed between sections and 'Final decision' + '3'"
    " + form feed inside paragraph 4 are not headings (text of 4 checked whole by"
    " test_forms.py); the real Final decision section holds 7; curly-apostrophe signature",
    "letter_same_line": "letter with 'Complaint reference: 18 012 345' and 'Complaint against:"
    " Example County Council' on one line each, no blank lines inside sections; date"
    " 2019-05-03; wrapped paragraphs 1-4",
    "letter_draft": "draft letter: kind draft; 'Recommended action' is RECOMMENDED_ACTION,"
    " 'Draft decision' is DRAFT_DECISION; draft signature kept; paragraphs 1-4; form letter",
    "report_summary": "report summary page: kind 'report summary'; header fields read; 'Summary'"
    " alone then its text; sections The complaint, Finding (FINDINGS), Recommendations"
    " (RECOMMENDED_ACTION) holding the agreed-to line and 3 plain lines as loose lines; the"
    " closing 'Ombudsman satisfied ... 12 May 2017' kept as the signature",
    "copy_crlf": "copy with CRLF on every line: label with colon, no '\\r' in any value;"
    " paragraphs 1-4; form copy",
}


def test_every_valid_fixture_is_checked() -> None:
    names = {p.stem for p in fixture_files(VALID)}
    assert names == set(CHECKED)
    for path in fixture_files(VALID):
        assert golden_path(path).exists(), path.name


@pytest.mark.parametrize("path", fixture_files(VALID), ids=lambda p: p.stem)
def test_valid_fixture_matches_golden(path: Path) -> None:
    check_golden(lgo_parse.parse(read_text(path)), golden_path(path))


@pytest.mark.parametrize(
    ("name", "ending"),
    [
        ("truncated_mid_paragraph", "considered the Council’s resp"),
        ("truncated_mid_paragraph_newline", "charged him for home ca"),
    ],
)
def test_truncated_paragraph_keeps_its_text(name: str, ending: str) -> None:
    # The digest keeps 40 characters; the end of a cut paragraph is checked here.
    decision = lgo_parse.parse(read_text(VALID / f"{name}.txt"))
    assert decision.paragraphs[-1].text.endswith(ending)
    assert decision.signature is None


# -- Invalid fixtures ----------------------------------------------------------

INVALID_PATHS = fixture_files(INVALID)

NO_VISIBLE_TEXT = {"empty", "whitespace_only"}
"""Errors about text with nothing to point at: no excerpt is expected."""


LARK_WORDS = (
    "__ANON",
    "$END",
    "Token(",
    "Unexpected",
    "lark",
    "Lark",
    "Expected one of",
    "Previous tokens",
    "VisitError",
    "Traceback",
)


def terminal_names() -> set[str]:
    """Every terminal the grammar declares, such as ``NUMBERED_ITEM``."""
    grammar = GRAMMAR.read_text(encoding="utf-8")
    names = set(re.findall(r"^([A-Z_][A-Z0-9_]*)(?:\.\d+)?\s*:", grammar, re.MULTILINE))
    for declared in re.findall(r"^%declare\s+(.+)$", grammar, re.MULTILINE):
        names.update(declared.split())
    return names


def expected_error(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        path.with_name(path.stem + ".error.json").read_text(encoding="utf-8")
    )
    return data


def parse_error(path: Path) -> ParseError:
    with pytest.raises(ParseError) as info:
        lgo_parse.parse(read_text(path))
    return info.value


def test_every_invalid_fixture_has_an_expected_error() -> None:
    assert len(INVALID_PATHS) >= 10
    for path in INVALID_PATHS:
        assert set(expected_error(path)) == {"line", "column", "contains"}, path.name


def test_grammar_terminal_names_are_found() -> None:
    # The plain-words test below is only as good as this list.
    assert {"TITLE", "NUMBERED_ITEM", "SEPARATOR", "HEADING", "_INDENT"} <= terminal_names()


@pytest.mark.parametrize("path", INVALID_PATHS, ids=lambda p: p.stem)
def test_invalid_fixture_raises_parse_error_at_expected_place(path: Path) -> None:
    expected = expected_error(path)
    error = parse_error(path)
    assert isinstance(error, ValueError)
    assert (error.line, error.column) == (expected["line"], expected["column"])
    assert expected["contains"] in str(error)
    assert str(error).startswith(f"{error.line}:{error.column}: ")


@pytest.mark.parametrize("path", INVALID_PATHS, ids=lambda p: p.stem)
def test_error_message_is_in_plain_words(path: Path) -> None:
    error = parse_error(path)
    for word in LARK_WORDS:
        assert word not in str(error)
    for name in terminal_names():
        assert not re.search(rf"\b{re.escape(name)}\b", error.reason), name


@pytest.mark.parametrize(
    "path", [p for p in INVALID_PATHS if p.stem not in NO_VISIBLE_TEXT], ids=lambda p: p.stem
)
def test_error_excerpt_shows_the_line_with_a_caret_under_the_column(path: Path) -> None:
    error = parse_error(path)
    assert error.excerpt.count("\n") == 1, f"expected a line and a caret line: {error.excerpt!r}"
    shown, caret = error.excerpt.split("\n")
    source_line = read_text(path).split("\n")[error.line - 1].rstrip("\r")
    # Control characters would garble a terminal: the excerpt shows U+FFFD.
    visible = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "\ufffd", source_line)
    # Fixture lines are short, so the excerpt shows them whole, indented by 4.
    assert shown == "    " + visible
    assert caret == " " * (4 + error.column - 1) + "^"
    assert str(error).endswith(error.excerpt)


@pytest.mark.parametrize("path", [INVALID / "empty.txt", INVALID / "whitespace_only.txt"])
def test_error_without_visible_text_has_no_excerpt(path: Path) -> None:
    assert parse_error(path).excerpt == ""


@pytest.mark.parametrize("path", INVALID_PATHS, ids=lambda p: p.stem)
def test_parse_file_reports_the_same_error_naming_the_file(path: Path) -> None:
    expected = expected_error(path)
    with pytest.raises(ParseError) as info:
        lgo_parse.parse_file(path)
    error = info.value
    assert error.source == str(path)
    assert (error.line, error.column) == (expected["line"], expected["column"])
    assert str(error).startswith(f"{path}:{error.line}:{error.column}: ")


def test_parse_file_rejects_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(
        "Example Borough Council (23 013 577)\n\nSummary: Mr X paid £120.\n".encode("latin-1")
    )
    with pytest.raises(ParseError) as info:
        lgo_parse.parse_file(path)
    error = info.value
    assert isinstance(error, ValueError)
    # "£" is byte 0xA3 in Latin-1: line 3, column 20, after the 19 characters "Summary: Mr X paid ".
    assert (error.line, error.column) == (3, 20)
    assert "not UTF-8" in error.reason
    assert "0xA3" in error.reason
    assert error.source == str(path)


def test_parse_rejects_bytes_and_points_to_parse_file() -> None:
    with pytest.raises(ParseError) as info:
        lgo_parse.parse(b"Example Borough Council (23 013 577)\n")  # type: ignore[arg-type]
    assert (info.value.line, info.value.column) == (1, 1)
    assert "parse_file" in info.value.reason


# -- Defects found with the fixtures, now fixed: regression tests ----------------


def test_title_reference_written_with_nbsp_is_read() -> None:
    # Was: the TITLE terminal accepted NBSPs in the reference, then Reference()
    # rejected them, so parse() raised a bare ValueError instead of reading it.
    text = "Example Borough Council (23\u00a0013\u00a0577)\n\nDecision : Upheld\n"
    decision = lgo_parse.parse(text)
    assert decision.reference == lgo_parse.Reference("23 013 577")
    assert lgo_parse.render(decision) == text


# -- Defects found here, now fixed -----------------------------------------------


def test_section_after_a_signature_typed_in_the_body_is_kept() -> None:
    # Defect (fixed): the first signature line ended the statement, so a
    # section after a signature typed in the body was read as website chrome.
    # Seed 000 ends "Final decision / 1. ... / Investigator’s decision on behalf
    # of the Ombudsman / Back to top / Investigator's decision on behalf of the
    # Ombudsman"; seeds 001 and 002 have a section after "Final decision".
    text = (
        "Example Borough Council (23 013 577)\n\nDecision : Upheld\n\n"
        "Final decision\n\n  1. I have completed my investigation.\n\n"
        "Investigator’s decision on behalf of the Ombudsman\n\nBack to top\n\n"
        "Parts of the complaint that I did not investigate\n\n"
        "  1. I did not investigate the parking charge.\n\nBack to top\n\n"
        "Investigator's decision on behalf of the Ombudsman\n\nPrint this page\n"
    )
    decision = lgo_parse.parse(text)
    assert lgo_parse.render(decision) == text
    assert decision.section(lgo_parse.SectionKind.NOT_INVESTIGATED) is not None
    assert decision.paragraph(2).text == "I did not investigate the parking charge."


@pytest.mark.parametrize(
    ("line", "heading", "first"),
    [
        # Defect guarded: a copy's heading on the line of its first sentence was a paragraph.
        (
            "What I have investigated I looked at the delay.",
            "What I have investigated",
            "I looked at the delay.",
        ),
        (
            "Background information Miss X applied for a place.",
            "Background information",
            "Miss X applied for a place.",
        ),
        ("Analysis Mr X says the Council was late.", "Analysis", "Mr X says the Council was late."),
    ],
)
def test_a_copy_heading_run_into_its_first_sentence_is_split(
    line: str, heading: str, first: str
) -> None:
    text = (
        "The Ombudsman's final decision\nSummary: Mr X complains.\n"
        f"The complaint\nMr X complains.\n{line}\n"
    )
    d = lgo_parse.parse(text)
    assert [s.heading for s in d.walk()] == ["The complaint", heading]
    section = list(d.walk())[1]
    assert section.blocks[0].text == first
    assert section.blocks[0].number == 2
    assert lgo_parse.render(d) == text


def test_a_run_in_heading_is_read_only_where_plain_lines_are_paragraphs() -> None:
    # Found by the property tests: on the website a loose line "What happened A&E ..." is
    # a line of text, not a heading and a paragraph (only copies join headings so).
    text = "Example Council (23 013 577)\n\nThe complaint\n\nWhat happened A&E the.\n"
    d = lgo_parse.parse(text)
    assert [s.heading for s in d.walk()] == ["The complaint"]
    assert isinstance(d.sections[0].blocks[0], lgo_parse.LooseLine)
    assert lgo_parse.render(d) == text


@pytest.mark.parametrize(
    "chrome",
    [
        "Privacy settings",  # reads as a heading anywhere; only website text fits here
        "(Opens in a new window)",  # reads as a citation line anywhere
        "Skip to main content.",
    ],
)
def test_website_text_before_the_title_is_chrome_whatever_it_looks_like(chrome: str) -> None:
    """Regression: the lexer's second try (the state's own terminals, narrowed by the line's
    first and last characters) once dropped website text, which is in no such set."""
    text = f"{chrome}\n\nExample Council (23 013 577)\n\nDecision : Upheld\n"
    d = lgo_parse.parse(text)
    assert [line.text for line in d.chrome_before] == [chrome]
    assert d.authority == "Example Council"
    assert lgo_parse.render(d) == text
