"""The five real seed statements: unchanged bytes, hand-checked goldens, known truths.

What was checked by hand, against ``cat -A`` of each seed, before its
``*.golden.json`` was accepted (every value in the golden, not a sample):

* All seeds: authority and reference split at the last parenthesised group of
  line 1; reference year = 20 + first two digits, slug with dashes; category
  text and its ``>`` path; outcome text and kind; decision date read from
  ``DD Mon YYYY`` into ISO; the summary equals the text after ``Summary: ``
  (first and last words compared); every heading in order, its SectionKind and
  whether it is top level or under "What I found"; the count of paragraphs,
  paragraph-level bullets and loose lines per section; each paragraph's
  marker, opening words and website number, counting on by hand through the
  statement (a run of ``  • `` bullets at the paragraph indent takes one
  number, bullets nested at ``    • `` take none); the nested bullet count in
  each ``items`` outline; the chrome lines after the signature counted one by
  one (12: "Print this page" ... "Privacy settings").
* 000 (Leicestershire 23 013 577): 35 paragraphs, 1 | 2-3 | 4-7 | What I
  found (no own blocks) > What should happen 8-11, What happened 12-23, "Was
  there fault causing injustice in the Council’s actions" 24-30 | Agreed action
  31-34 | Final decision 35. Paragraph 10 is "The Council’s published
  ‘Safeguarding Children Partnerships ...", the one paragraph 28 calls
  "paragraph ten"; bullets: 6 under 10, 6 under 24, 2/4/3 under 31/32/33.
  The page has the signature twice: "Investigator’s decision ..." (curly
  apostrophe, typed by the investigator under "Final decision"), then "Back to
  top", then the web template's "Investigator's decision ..." (straight). The
  last signature line is the statement's signature, so the typed one is a
  loose line in "Final decision" (checked: 1 paragraph, 1 loose line), the
  "Back to top" before the template's line closes the body, and chrome_after
  is the 12 lines from "Print this page" to "Privacy settings" (counted by
  hand). Re-checked by the lead after the parser change.
* 001 (Leicestershire 21 002 206): complaint = paragraph 1, a 3-bullet run at
  the paragraph indent (number 2), "Mrs X also complains" (3), 4 — which is
  what "paragraph one" and "paragraph three" in the text refer to. Role and
  powers: 6, 7, a 3-bullet run (8), the loose citation line "(Local Government
  Act 1974, section 24A(6))", then 9-11. What I found > Legislation and
  guidance (LEGAL_BACKGROUND) 15-17, What happened 18-26, Mrs X’s complaint
  27-37, "Analysis – the Council’s explanation to Mrs X" (ANALYSIS) 38-41,
  Information in the social worker’s assessment 42-50, The social worker’s
  actions 51-55. Agreed action 56, bullet (57), 58, 2 bullets (59). Final
  decision 60; Parts of the complaint that I did not investigate 61-62.
* 002 (Knowsley 19 010 797): How I considered has "1." twice: 7 and 8. What
  I found has 2 paragraphs of its own (9-10) before the sub-section "What
  happened in this case" (WHAT_HAPPENED): 4 paragraphs, 7 bullets, 6, 3
  bullets, 1, 3 bullets, 2, 5 bullets = 13 paragraphs and 18 bullets, numbers
  11-27 with each bullet run taking one. Analysis 28-31, Final decision 32-33,
  Parts of the complaint ... 34.
* 003 (Hackney 18 017 259): What I found > "What happened" (empty), then
  "Background" (BACKGROUND) as a sibling sub-section, The assessment, Complaints
  and the assessment result, What should have happened (OTHER: it does not
  start "What happened"), Injustice. "Agreed action" follows the Injustice
  paragraphs with no "Back to top" and is top level. 45 paragraphs.
* 004 (Lancashire 19 018 981): compact — no blank lines, 28 ``- `` lines, all
  paragraphs numbered None with the compact reason; the sentence "She says the
  Council’s actions have caused her distress." is a loose line, not a heading;
  What I found > What happened, A), B), C), D) (the full lettered heading text
  compared); no chrome; the file has no final newline.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from golden import SEEDS, check_golden, fixture_files, golden_path, read_text

import lgo_parse
from lgo_parse import SectionKind

SEED_SHA256 = {
    "000_0a2853bad51b7579.txt": "fd70a455c96da9c0f4bdb1cb7ce9563b1be917e3756e6b29f68104b2bf7b1539",
    "001_e273f3e91cc92723.txt": "b301cd5e9f5e33a242e9fe12251100f55e5674dd02c91d1d9bca4485c1f9aa7a",
    "002_b17eb53f573e5fd9.txt": "c74f6a62c8da8a082e7155b65e5b5e4b3bc2517bfa6ceebfcc87bc5be274c20e",
    "003_3748b72d214c42b7.txt": "8e6a7eb610f8baa24676eaf19457cd476f9331769edec7a950d33b96b35a4349",
    "004_02c09b629d1b5377.txt": "4e1cd47f0c8d175dc2b9964b10c1a63bf8a087484948fd18b981f9d959fc9509",
}
SEED_PATHS = fixture_files(SEEDS)


def seed(prefix: str) -> lgo_parse.Decision:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return lgo_parse.parse(read_text(path))


def top_level(decision: lgo_parse.Decision) -> list[str | None]:
    return [s.heading for s in decision.sections]


def test_all_five_seeds_are_present() -> None:
    assert sorted(p.name for p in SEED_PATHS) == sorted(SEED_SHA256)


@pytest.mark.parametrize("path", SEED_PATHS, ids=lambda p: p.stem)
def test_seed_bytes_are_unchanged(path: Path) -> None:
    assert hashlib.sha256(path.read_bytes()).hexdigest() == SEED_SHA256[path.name]


@pytest.mark.parametrize("path", SEED_PATHS, ids=lambda p: p.stem)
def test_seed_matches_golden(path: Path) -> None:
    check_golden(lgo_parse.parse(read_text(path)), golden_path(path))


# -- Truths read from the text, asserted directly (not through a golden) ------


def test_seed_000_paragraph_ten_is_the_one_the_text_refers_to() -> None:
    # "the procedures referred to in paragraph ten of this statement": the
    # procedures manual quoted in the third paragraph under "What should happen".
    d = seed("000")
    assert d.paragraph(10).text.startswith(
        "The Council’s published ‘Safeguarding Children Partnerships"
    )
    assert d.paragraph(10).marker == "3."


def test_seed_001_bullet_run_at_paragraph_indent_takes_number_two() -> None:
    # "the complaints referred to in paragraph three": paragraph 1, a run of
    # "  • " bullets (number 2), then "  1. Mrs X also complains ..." (number 3).
    d = seed("001")
    assert d.paragraph(1).text.startswith("Mrs X complains about the Council’s actions")
    assert d.paragraph(3).text.startswith("Mrs X also complains")
    with pytest.raises(KeyError):
        d.paragraph(2)  # the bullet run has the number, not a Paragraph


def test_seed_004_compact_layout_has_no_paragraph_numbers() -> None:
    d = seed("004")
    assert d.layout is not None
    assert d.form is lgo_parse.Form.COMPACT
    assert len(d.paragraphs) == 28  # the 28 "- " lines
    for paragraph in d.paragraphs:
        assert paragraph.number is None
        assert paragraph.unnumbered_reason
        assert "compact" in paragraph.unnumbered_reason
    with pytest.raises(KeyError):
        d.paragraph(1)


def test_seed_004_lettered_headings_are_sub_sections_of_what_i_found() -> None:
    d = seed("004")
    findings = d.section(SectionKind.FINDINGS)
    assert findings is not None
    assert findings.heading == "What I found"
    lettered = [s.heading for s in findings.subsections if s.heading and s.heading[1:2] == ")"]
    assert [h[:2] for h in lettered] == ["A)", "B)", "C)", "D)"]
    assert lettered[0] == "A) The Council repeatedly missed pre-arranged appointments."
    assert not any(h and h[1:2] == ")" for h in top_level(d))


def test_seed_003_agreed_action_is_top_level_without_back_to_top() -> None:
    text = read_text(next(SEEDS.glob("003_*.txt")))
    lines = [line for line in text.split("\n") if line.strip()]
    before = lines[lines.index("Agreed action") - 1]
    assert before != "Back to top"  # the premise: no separator precedes it
    d = seed("003")
    assert "Agreed action" in top_level(d)
    findings = d.section(SectionKind.FINDINGS)
    assert findings is not None
    assert "Agreed action" not in [s.heading for s in findings.subsections]


def test_seed_003_background_inside_what_i_found_is_a_sub_section() -> None:
    d = seed("003")
    findings = d.section(SectionKind.FINDINGS)
    assert findings is not None
    assert "Background" in [s.heading for s in findings.subsections]
    assert "Background" not in top_level(d)
    assert d.section(SectionKind.BACKGROUND) is findings.subsections[1]
