"""Every form a statement reaches users in (FORMATS.md §6-13, issue 10).

- Each made-up fixture of a form or trap reads into the right kind, form,
  header values, headings and paragraph numbers (the goldens in
  ``test_fixtures.py`` hold the rest).
- Several statements in one text: ``parse_all`` gives each one and the texts
  join back; ``parse`` refuses at the second statement's first line.
- The five seeds flattened as a scraper flattens the website's HTML read into
  the same header fields, summary and headings as the seeds themselves.
- Models built in code render in each form's canonical layout and parse back.

Parser defects found here and not fixed yet are ``xfail(strict=True)`` with
the case written in the reason: when the parser is fixed they pass
unexpectedly and fail the run, and the mark comes off.
"""

from __future__ import annotations

import datetime
import itertools
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from golden import SEEDS, VALID, fixture_files, read_text

import lgo_parse
from lgo_parse import (
    Category,
    Decision,
    DocumentKind,
    Form,
    ListItem,
    Outcome,
    Paragraph,
    ParseError,
    Reference,
    Section,
    SectionKind,
)

SIGNATURE = "Investigator's decision on behalf of the Ombudsman"


def fixture(name: str) -> str:
    return read_text(VALID / f"{name}.txt")


def headings(decision: Decision) -> list[str | None]:
    """Every heading, top level and nested, in document order."""
    return [section.heading for section in decision.walk()]


# -- Each form's fixture ---------------------------------------------------------


@attrs.frozen
class Expected:
    kind: DocumentKind
    form: Form
    authority: str | None
    reference: str | None
    date: datetime.date | None
    headings: list[str]
    numbers: list[int | None]


STATEMENT = DocumentKind.STATEMENT
ROLE = "The Ombudsman’s role and powers"

FORMS: dict[str, Expected] = {
    # A copy starting at the label without its colon: no title, no fields.
    "copy_label_no_colon": Expected(
        STATEMENT,
        Form.COPY,
        None,
        None,
        None,
        ["The complaint", ROLE, "What I found", "Agreed action", "Final decision"],
        [1, 2, 3, 4, 5, 6, 7],
    ),
    # A copy starting at a bare "Summary" line.
    "copy_bare_summary": Expected(
        STATEMENT,
        Form.COPY,
        None,
        None,
        None,
        ["The complaint", "What I have investigated", "My assessment", "Final decision"],
        [1, 2, 3, 4, 5],
    ),
    # A copying site's metadata: authority, reference and date where plainly stated.
    "copy_site_metadata": Expected(
        STATEMENT,
        Form.COPY,
        "Example District Council",
        "21 000 123",
        datetime.date(2022, 3, 3),
        ["The complaint", "What I found", "Agreed action", "Final decision"],
        [1, 2, 3, 4, 5],
    ),
    "copy_crlf": Expected(
        STATEMENT,
        Form.COPY,
        None,
        None,
        None,
        ["The complaint", "What I found", "Agreed action", "Final decision"],
        [1, 2, 3, 4],
    ),
    # Scraper output: split fields, '>' alone, 'Summary' alone; with and without a title.
    "scraped_no_title": Expected(
        STATEMENT,
        Form.SCRAPED,
        None,
        None,
        datetime.date(2021, 3, 4),
        ["The complaint", ROLE, "What I found", "Agreed action", "Final decision"],
        [1, 2, 3, 4, 5, 6, 7],
    ),
    "scraped_with_title": Expected(
        STATEMENT,
        Form.SCRAPED,
        "Example Borough Council",
        "20 004 567",
        datetime.date(2021, 6, 17),
        ["The complaint", "What I found", "Final decision"],
        [1, 2, 3],
    ),
    # The contents list is navigation: it must not become the first section.
    "contents_list": Expected(
        STATEMENT,
        Form.COMPACT,
        "Example District Council",
        "22 011 099",
        datetime.date(2023, 2, 14),
        ["The complaint", ROLE, "What I found", "Final decision"],
        [None, None, None, None, None],
    ),
    # A cookie banner before the title is chrome, not a refused text.
    "cookie_banner": Expected(
        STATEMENT,
        Form.WEB,
        "Example City Council",
        "21 009 876",
        datetime.date(2022, 9, 22),
        ["The complaint", "Final decision"],
        [1, 2],
    ),
    # The decision letter: numbers as written, page furniture not a heading.
    "letter": Expected(
        STATEMENT,
        Form.LETTER,
        "Example Borough Council",
        "15 004 321",
        datetime.date(2016, 2, 12),
        ["The complaint", ROLE, "What I found", "Agreed action", "Final decision"],
        [1, 2, 3, 4, 5, 6, 7],
    ),
    "letter_same_line": Expected(
        STATEMENT,
        Form.LETTER,
        "Example County Council",
        "18 012 345",
        datetime.date(2019, 5, 3),
        ["The complaint", "What I found", "Final decision"],
        [1, 2, 3, 4],
    ),
    "letter_draft": Expected(
        DocumentKind.DRAFT,
        Form.LETTER,
        "Example Metropolitan Borough Council",
        "19 017 654",
        datetime.date(2020, 7, 8),
        ["The complaint", "What I found", "Recommended action", "Draft decision"],
        [1, 2, 3, 4],
    ),
    "report_summary": Expected(
        DocumentKind.REPORT_SUMMARY,
        Form.COMPACT,
        "Example Borough Council",
        "16 002 468",
        datetime.date(2017, 2, 28),
        ["The complaint", "Finding", "Recommendations"],
        [],
    ),
}


def test_every_form_fixture_is_in_the_table() -> None:
    names = {p.stem for p in fixture_files(VALID)}
    assert set(FORMS) <= names


@pytest.mark.parametrize(("name", "expected"), FORMS.items(), ids=FORMS.keys())
def test_form_fixture_reads_as_expected(name: str, expected: Expected) -> None:
    text = fixture(name)
    decision = lgo_parse.parse(text)
    assert decision.kind is expected.kind
    assert decision.form is expected.form
    assert decision.authority == expected.authority
    assert (None if decision.reference is None else decision.reference.text) == expected.reference
    assert decision.decision_date == expected.date
    assert headings(decision) == expected.headings
    assert [p.number for p in decision.paragraphs] == expected.numbers
    assert decision.summary
    assert lgo_parse.render(decision) == text


@pytest.mark.parametrize("name", [n for n, e in FORMS.items() if e.form is Form.LETTER])
def test_letter_paragraph_n_is_the_one_written_n(name: str) -> None:
    # paragraph(n) is the paragraph written "n." in a letter: numbers never restart.
    decision = lgo_parse.parse(fixture(name))
    for paragraph in decision.paragraphs:
        assert paragraph.marker == f"{paragraph.number}."
        assert decision.paragraph(paragraph.number) is paragraph


def test_letter_wrapped_paragraph_across_a_page_break_is_one_paragraph() -> None:
    # Defect guarded: the footer "Final decision" + page number + form feed
    # read as a heading, or kept inside the paragraph's text.
    decision = lgo_parse.parse(fixture("letter"))
    assert decision.paragraph(4).text == (
        "The Council agreed to arrange a placement in March 2015. It wrote to Mr B about"
        " the charges in April, after the move had taken place."
    )
    for paragraph in decision.paragraphs:
        assert "\f" not in paragraph.text
        assert "Final decision" not in paragraph.text
    assert decision.summary == (
        "Mr B complains the Council did not assess his mother’s needs properly before she"
        " moved into a care home. The Ombudsman finds fault and the Council has agreed to"
        " apologise."
    )
    first = decision.paragraph(1)
    assert [item.text for item in first.items] == [
        "did not carry out a needs assessment before the move; and",
        "did not tell the family about the charges.",
    ]
    # The real "Final decision" section is the last one and holds paragraph 7.
    final = decision.section(SectionKind.FINAL_DECISION)
    assert final is not None
    assert [b.number for b in final.blocks if isinstance(b, Paragraph)] == [7]


def test_draft_is_not_a_final_decision() -> None:
    decision = lgo_parse.parse(fixture("letter_draft"))
    assert decision.kind is DocumentKind.DRAFT
    assert decision.signature == "Investigator’s draft decision on behalf of the Ombudsman"
    assert decision.section(SectionKind.DRAFT_DECISION) is not None
    assert decision.section(SectionKind.RECOMMENDED_ACTION) is not None


def test_report_summary_keeps_its_recommendations_and_closing_line() -> None:
    decision = lgo_parse.parse(fixture("report_summary"))
    assert decision.category == Category("Adult care services > Safeguarding")
    assert decision.outcome == Outcome("Upheld")
    recommendations = decision.sections[-1]
    assert recommendations.kind is SectionKind.RECOMMENDED_ACTION
    assert [b.text for b in recommendations.blocks] == [
        "To remedy the injustice caused, the council has agreed to:",
        "apologise to Mr M;",
        "pay him £500 for his distress; and",
        "review how it handles safeguarding alerts.",
    ]
    assert decision.signature == "Ombudsman satisfied with council's response: 12 May 2017"


def test_copy_site_metadata_is_not_content() -> None:
    decision = lgo_parse.parse(fixture("copy_site_metadata"))
    texts = [b.text for s in decision.walk() for b in s.blocks]
    assert not any("Source ·" in t or "Full decision" in t or "Sector" in t for t in texts)
    assert decision.category is None
    assert decision.outcome is None


def test_crlf_copy_values_carry_no_carriage_return() -> None:
    decision = lgo_parse.parse(fixture("copy_crlf"))
    assert decision.summary is not None and "\r" not in decision.summary
    assert all("\r" not in b.text for s in decision.walk() for b in s.blocks)
    assert decision.signature == SIGNATURE


# -- Several statements in one text ----------------------------------------------

# One fixture per form (and kind) whose text ends with a line break.
REPRESENTATIVES = [
    "web_layout",
    "report_summary",
    "copy_label_no_colon",
    "copy_bare_summary",
    "copy_site_metadata",
    "scraped_with_title",
    "scraped_no_title",
    "letter",
    "letter_draft",
]
STARTS_WITHOUT_A_MARK = {"copy_bare_summary", "scraped_no_title"}
"""Statements that start at a bare ``Summary`` line or at split fields (no title, no label)."""


def known_bug(names: tuple[str, ...]) -> Any:
    """The parser bug a sequence of statements runs into, or ``None``.

    The three found here (a statement after one that starts at a bare
    ``Summary`` or split fields; a second statement starting so; a letter as
    the second statement) are fixed: none is known now.
    """
    del names
    return None


def sequence(names: tuple[str, ...]) -> Any:
    bug = known_bug(names)
    return pytest.param(names, id="+".join(names), marks=() if bug is None else bug)


PAIRS = [sequence(p) for p in itertools.product(REPRESENTATIVES, repeat=2)]
TRIPLES = [sequence((n, n, n)) for n in REPRESENTATIVES]


def check_parse_all(names: tuple[str, ...]) -> None:
    texts = [fixture(n) for n in names]
    joined = "".join(texts)
    decisions = lgo_parse.parse_all(joined)
    assert len(decisions) == len(names)
    assert "".join(lgo_parse.render(d) for d in decisions) == joined
    for decision, text in zip(decisions, texts, strict=True):
        alone = lgo_parse.parse(text)
        assert decision == alone
        assert decision.form is alone.form
    # parse() refuses, at the second statement's first line.
    with pytest.raises(ParseError) as info:
        lgo_parse.parse(joined)
    assert info.value.line == texts[0].count("\n") + 1
    assert info.value.column == 1
    assert "a second statement starts here" in str(info.value)


@pytest.mark.parametrize("names", PAIRS)
def test_parse_all_reads_two_statements(names: tuple[str, ...]) -> None:
    check_parse_all(names)


@pytest.mark.parametrize("names", TRIPLES)
def test_parse_all_reads_three_statements_of_one_form(names: tuple[str, ...]) -> None:
    check_parse_all(names)


def test_parse_all_on_one_statement_is_parse() -> None:
    text = fixture("letter")
    assert lgo_parse.parse_all(text) == [lgo_parse.parse(text)]


def test_two_seeds_in_one_text() -> None:
    first, second = (read_text(p) for p in fixture_files(SEEDS)[:2])
    joined = first + second
    decisions = lgo_parse.parse_all(joined)
    assert [d.reference for d in decisions] == [
        lgo_parse.parse(first).reference,
        lgo_parse.parse(second).reference,
    ]
    assert "".join(lgo_parse.render(d) for d in decisions) == joined
    with pytest.raises(ParseError) as info:
        lgo_parse.parse(joined)
    assert info.value.line == first.count("\n") + 1
    assert "a second statement starts here" in str(info.value)


# -- The seeds as a scraper flattens them (FORMATS.md §9) -------------------------

FIELD = re.compile(r"^(Category|Decision|Decision date)\s*:\s*(.*)$")
LABEL = re.compile(r"^The Ombudsman[’']s (final|draft) decision:?$")
MARKER = re.compile(r"^(?:\d+\.|•|-)\s+")


def flatten_as_scraper(text: str, *, back_to_top: bool) -> str:
    """The shape of BeautifulSoup's ``get_text("\\n", strip=True)`` on the article.

    One line per element, stripped; no blank lines; no title line (the title
    is the page's ``<h1>``, outside the article); each header label and value
    on its own line, the category's ``>`` alone; no label line; ``Summary``
    alone before its text; no list numbers or bullets (the browser draws
    them). ``Back to top`` is a link: kept or not, depending on the recipe.
    """
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    out: list[str] = []
    for line in lines[1:]:  # the title line is not in the article
        field = FIELD.match(line)
        if field:
            label, value = field.groups()
            out.append(f"{label} :")
            parts = value.split(" > ")
            for i, part in enumerate(parts):
                if i:
                    out.append(">")
                out.append(part)
        elif LABEL.match(line):
            continue
        elif line.startswith("Summary:"):
            out += ["Summary", line[len("Summary:") :].strip()]
        elif line == "Back to top" and not back_to_top:
            continue
        else:
            out.append(MARKER.sub("", line))
    return "\n".join(out) + "\n"


SEED_PATHS = fixture_files(SEEDS)


def test_flattener_has_the_scraper_shape() -> None:
    flat = flatten_as_scraper(
        "Example Council (23 013 577)\n\nCategory : Housing > Homelessness\n\n"
        "The Ombudsman's final decision:\n\nSummary: Mr X complains.\n\nThe complaint\n\n"
        "  1. Mr X says.\n    • one\n\nBack to top\n",
        back_to_top=False,
    )
    assert flat == (
        "Category :\nHousing\n>\nHomelessness\nSummary\nMr X complains.\n"
        "The complaint\nMr X says.\none\n"
    )


SEED_PARAMS = [pytest.param(p, id=p.stem[:3], marks=()) for p in SEED_PATHS]


@pytest.mark.parametrize("back_to_top", [False, True], ids=["plain", "back_to_top"])
@pytest.mark.parametrize("path", SEED_PARAMS)
def test_seed_flattened_as_a_scraper_reads_the_same(path: Path, back_to_top: bool) -> None:
    seed = lgo_parse.parse(read_text(path))
    flat = flatten_as_scraper(read_text(path), back_to_top=back_to_top)
    scraped = lgo_parse.parse(flat)
    assert scraped.form is Form.SCRAPED
    assert scraped.category == seed.category
    assert scraped.outcome == seed.outcome
    assert scraped.decision_date == seed.decision_date
    assert scraped.summary == seed.summary
    assert headings(scraped) == headings(seed)
    assert scraped.signature == seed.signature
    assert lgo_parse.render(scraped) == flat


# -- Each form written canonically from a model built in code --------------------


def built(form: Form) -> Decision:
    """A decision carrying what the form can carry (see tests/strategies.py)."""
    plain = form in (Form.COPY, Form.SCRAPED)
    numbered = form in (Form.WEB, Form.LETTER)

    def paragraph(text: str, n: int, items: tuple[ListItem, ...] = ()) -> Paragraph:
        if plain:
            return Paragraph(text, marker="", number=n)
        if numbered:
            marker = f"{n}." if form is Form.LETTER else "1."
            return Paragraph(text, marker=marker, number=n, items=items)
        return Paragraph(text, marker="-", number=None, unnumbered_reason=None)

    bullets = (ListItem("did not reply;"), ListItem("did not apologise."))
    sections = [
        Section("The complaint", [paragraph("Mr X complains the Council:", 1, bullets)]),
        Section(
            "What I found",
            [paragraph("The Council took six months.", 2), paragraph("It accepts this.", 3)],
        ),
        Section("Final decision", [paragraph("There was fault.", 4)]),
    ]
    fields: dict[str, Any] = {}
    if form in (Form.WEB, Form.COMPACT, Form.SCRAPED):
        fields = {
            "category": Category("Housing > Homelessness"),
            "outcome": Outcome("Upheld"),
            "decision_date": datetime.date(2021, 3, 4),
        }
    if form in (Form.WEB, Form.COMPACT, Form.LETTER):
        fields["authority"] = "Example Council"
        fields["reference"] = Reference("21 001 002")
    if form is Form.LETTER:
        fields["decision_date"] = datetime.date(2021, 3, 4)
    return Decision(
        summary="Mr X complains about delay.",
        sections=sections,
        signature=SIGNATURE,
        form=form,
        **fields,
    )


BUILT_FORMS = [Form.WEB, Form.COPY, Form.SCRAPED, Form.LETTER]


@pytest.mark.parametrize("form", BUILT_FORMS, ids=lambda f: f.value)
def test_built_model_renders_in_its_form_and_parses_back(form: Form) -> None:
    decision = built(form)
    text = lgo_parse.render(decision)
    assert text == lgo_parse.render(decision, layout=form.value)
    back = lgo_parse.parse(text)
    assert back.form is form
    assert back == decision
    assert lgo_parse.render(back) == text


@pytest.mark.parametrize("form", BUILT_FORMS, ids=lambda f: f.value)
def test_draft_renders_in_its_form_and_parses_back(form: Form) -> None:
    decision = attrs.evolve(
        built(form),
        kind=DocumentKind.DRAFT,
        signature="Investigator’s draft decision on behalf of the Ombudsman",
    )
    back = lgo_parse.parse(lgo_parse.render(decision))
    assert back.kind is DocumentKind.DRAFT
    assert back == decision


# -- Defects found here, not fixed yet ----------------------------------------------


@pytest.mark.parametrize(
    ("section", "cut"),
    [
        ("My assessment", "If a person considers that a highways authority has fa"),
        ("Final decision", "There is"),
    ],
)
def test_copy_cut_in_a_paragraph_keeps_it_a_paragraph(section: str, cut: str) -> None:
    # 5 of the 28 real third-party copies are 2,000-byte excerpts ending like this.
    text = (
        "The Ombudsman's final decision\nSummary: Mr X complains about a pothole.\n"
        f"The complaint\nMr X says the Council did not repair the road.\n{section}\n{cut}"
    )
    decision = lgo_parse.parse(text)
    assert headings(decision) == ["The complaint", section]
    assert decision.paragraphs[-1].text == cut


@pytest.mark.xfail(
    strict=True,
    reason="parser bug: in a letter, bullets after a hard-wrapped paragraph become"
    " paragraph-level bullets; a known limitation",
)
def test_letter_bullets_after_a_wrapped_paragraph_nest_under_it() -> None:
    # Found by test_hard_wrapped_letters_read_as_the_model: unwrapped, the bullets nest.
    text = (
        "12 February 2016\nComplaint reference:\n15 004 321\nComplaint against:\n"
        "Example Borough Council\n\nThe Ombudsman’s final decision\n\nSummary: Mr B complains.\n\n"
        "The complaint\n\n"
        "1. Mr B complains the Council did not assess his mother’s needs\n"
        "before the move, and:\n"
        " •  did not tell the family about the charges; and\n"
        " •  did not reply to his letters.\n\n"
        "2. Mr B says his mother paid too much.\n"
    )
    decision = lgo_parse.parse(text)
    assert lgo_parse.render(decision) == text
    assert [item.text for item in decision.paragraph(1).items] == [
        "did not tell the family about the charges; and",
        "did not reply to his letters.",
    ]
    assert [type(b) for b in decision.sections[0].blocks] == [Paragraph, Paragraph]


# -- benchmarks/evaluate_forms.py on a made-up corpus --------------------------------


def test_evaluate_forms_scores_a_made_up_corpus(tmp_path: Path) -> None:
    # The script reads ../shared/corpus/pages; here, three fixtures and a MANIFEST.
    import importlib.util

    script = Path(__file__).resolve().parents[1] / "benchmarks" / "evaluate_forms.py"
    spec = importlib.util.spec_from_file_location("evaluate_forms", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name in ("cookie_banner", "copy_label_no_colon", "letter"):
        (tmp_path / f"{name}.txt").write_bytes((VALID / f"{name}.txt").read_bytes())
    (tmp_path / "MANIFEST.tsv").write_text(
        "file\taddress\tlayout\tcut\tnotes\n"
        "cookie_banner.txt\t-\tblank-lines\tno\tdecision=Upheld; category=Education > School"
        " transport; date=22 Sep 2022\n"
        "copy_label_no_colon.txt\t-\tother\tno\tthird-party copy (example); no title line\n"
        "letter.txt\t-\tother\tno\tdecision=Not upheld\n",
        encoding="utf-8",
    )
    result = module.evaluate(tmp_path)
    assert result["pages"] == 3
    assert result["parse_and_round_trip"] == 3
    assert result["fields"]["outcome"] == {"right": 1, "checked": 2}
    assert result["fields"]["category"] == {"right": 1, "checked": 1}
    assert result["fields"]["decision date"] == {"right": 1, "checked": 1}
    assert result["fields_wrong"] == ["letter.txt: outcome 'Not upheld' read as None"]
    assert result["forms"] == {"web": 1, "copy": 1, "letter": 1}
    assert result["copies"] == 1
    assert result["copies_headings"]["copy_label_no_colon.txt"][0] == "The complaint"


def test_a_report_summary_closing_line_reads_as_a_date() -> None:
    # Issue 10: the closing "Ombudsman satisfied with council's response: DATE" is kept
    # (as the signature) and readable as a date.
    path = Path(__file__).parent / "fixtures" / "valid" / "report_summary.txt"
    decision = lgo_parse.parse_file(path)
    assert decision.kind is lgo_parse.DocumentKind.REPORT_SUMMARY
    assert decision.signature is not None and decision.signature.startswith("Ombudsman satisfied")
    assert decision.response_date == datetime.date(2017, 5, 12)
    statement = lgo_parse.parse("Example Council (23 013 577)\nSummary: Mr X complains.\n")
    assert statement.response_date is None
