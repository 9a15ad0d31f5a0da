"""Hypothesis strategies that build whole decisions, and texts made from them.

:func:`decisions` builds :class:`lgo_parse.Decision` models in code (no
layout) that the canonical web layout can represent, so that
``parse(render(m)) == m``. ``decisions(compact=True)`` builds models in
*compact form*: what the compact layout can carry, so that
``parse(render(m, layout="compact")) == m``. :func:`compact_form` projects any
model to the compact form its compact rendering parses back to.

Representability rules
======================

These are the rules the strategies rely on, read from ``grammar/decision.lark``
and ``src/lgo_parse/_lexer.py`` and checked by letting Hypothesis look for
counterexamples. A model that breaks one of them cannot come back from its own
rendering; it is not a parser defect.

Lines in general

1. Every text that the canonical layout writes on a line of its own or after a
   marker or label has no line feed, and no white space (``str.isspace``) at
   its start or end: the lexer cuts lines at ``\\n``, strips trailing white
   space into layout, and strips indentation (and the gap after a marker or a
   ``Label :``) into layout. Item texts, the summary, the category and the
   outcome may be empty; headings, loose lines and chrome may not (an empty
   line is a blank line).
2. No line after the title may end with a parenthesised case reference
   such as ``(21 002 206)`` unless it is indented: the title terminal is
   reserved everywhere after the title, chrome included (a second title means
   a page listing several decisions). Canonical web items are indented and so
   safe, but compact ``- `` items, headings, loose lines and chrome are not,
   so no text here ends that way.
3. The first line of the text (chrome before the title, or the authority) must
   not start with U+FEFF: ``parse`` reads that as a byte-order mark.

Title and header

4. The authority is non-empty and does not start like a list item or a
   lettered heading ("- ", "1. ", "A) "); the reference is ``NN NNN NNN``
   with ASCII digits and single spaces (the model validator rejects anything
   else).
5. Chrome before the title must not itself read as a title line.
6. The header fields are written as ``Category : ``, ``Decision : ``,
   ``Decision date : ``; the final-decision label line is always written for a
   model built in code, so after it only ``Summary:`` can still be read as a
   header line: no heading or loose line here starts with ``Summary:`` (list
   item texts may: they follow a marker).
7. The decision date is a real date, written ``DD Mon YYYY``. (The models use
   four-digit years; the date tests in ``test_properties.py`` try the rest.)

Sections

8. Only the first top-level section may have no heading (content before the
   first heading); it then has at least one block and no sub-sections.
9. Sub-sections have no sub-sections of their own.
10. A sub-section heading must read as a sub-section heading where it stands:
    it must not be a main heading (``The complaint``, ``Agreed action`` ...) or
    a findings heading (``What I found``, ``My assessment``), which always open
    a top-level section. A background heading (``Background``, ``Legal and
    administrative background``, ``Legislation and guidance`` ...) opens a
    top-level section too, *except* inside a findings section, where it is a
    sub-section; there it is read as a free heading (rule 12), so
    ``background`` or ``Law, guidance and policy`` would be loose lines there.
    The kinds are read with :attr:`lgo_parse.Section.kind`.
11. In the web layout every top-level section after the first follows a
    ``Back to top`` line, after which any heading opens a top-level section.
    The compact layout writes no ``Back to top``, so there a top-level section
    after the first needs a main or findings heading, or a background heading
    when the section before is not a findings section (see
    :func:`compact_form`).
12. A heading must read as a heading: a recognised heading (any case, an
    optional trailing ``:`` or ``.``), a lettered heading ``A) ...`` of any
    length, or a free heading: an ASCII capital or digit first, at most 120
    characters, no ``. ! ? ; ,`` anywhere, no white space before a colon and
    no ``:`` at the end (:data:`FREE_HEADING`). It must not read as a list
    item, ``Back to top`` or the signature.

Blocks

13. A loose line must not read as a heading, a list item, ``Back to top``, the
    signature or a title. Loose lines here are citations in parentheses,
    sentences (an opening word and at least two more) that end with a full
    stop (or ``:``, ``;``, ``?``, ``!``, ``,``), quoted lines, and lines that
    start with a small letter but are not a recognised heading in small
    letters (``the complaint`` is the heading "The complaint").
14. A paragraph's marker is a number or letter marker (``1.``, ``a)``,
    ``(iv)``...) or ``-``; a bullet at the paragraph level has a bullet marker
    (``•`` ...). Nested items take any marker.
15. Lists nest at most 8 levels deep (a paragraph and 7 levels of items): the
    lexer keeps deeper items flat at the deepest level.
16. Paragraph and item texts may hold anything else (they follow a marker):
    lines that look like headings or markers, ``£``, curly quotes, ``…``,
    U+2011, NBSP, tabs, other Unicode.

18. An empty summary is not followed by a loose line before the first
    heading: ``Summary:`` alone on its line labels a summary written on the
    next line (scraper output and copies write it so), unless that line reads
    as something other than text.

Ending

17. The signature must read as the signature ("Investigator's decision on
    behalf of the Ombudsman" and variants). Only the last line of the text
    that reads as a signature ends the statement, so no chrome after it may
    read as a signature (chrome before the title may). Chrome after the
    signature can be any other text (but not a title, rule 2), and exists
    only when there is a signature: without one it would be body text.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs
from hypothesis import strategies as st

from lgo_parse import (
    Block,
    Category,
    Decision,
    ListItem,
    LooseLine,
    Outcome,
    Paragraph,
    Reference,
    Section,
    SectionKind,
    render,
)

MAX_LIST_DEPTH = 7
"""Levels of items under a paragraph (rule 15)."""

MAIN_KINDS = frozenset(
    {
        SectionKind.COMPLAINT,
        SectionKind.INVESTIGATED,
        SectionKind.ROLE_AND_POWERS,
        SectionKind.HOW_CONSIDERED,
        SectionKind.AGREED_ACTION,
        SectionKind.FINAL_DECISION,
        SectionKind.NOT_INVESTIGATED,
    }
)
FINDINGS_KINDS = frozenset({SectionKind.FINDINGS, SectionKind.ASSESSMENT})
BACKGROUND_KINDS = frozenset({SectionKind.BACKGROUND, SectionKind.LEGAL_BACKGROUND})
SUB_KINDS = frozenset(
    {SectionKind.WHAT_HAPPENED, SectionKind.ANALYSIS, SectionKind.INJUSTICE, SectionKind.OTHER}
)


def _short(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """The same strategy with a short repr: these strategies nest deeply, and
    Hypothesis warns about (and spends time on) reprs of hundreds of kB."""
    return st.deferred(lambda: strategy)


def _pick(values: Sequence[Any]) -> st.SearchStrategy[Any]:
    """``sampled_from`` with a short repr."""
    return _short(st.sampled_from(values))


# ---------------------------------------------------------------------------
# Vocabulary

MAIN_HEADINGS = {
    SectionKind.COMPLAINT: ("The complaint", "Complaint", "The complaints", "Complaints:"),
    SectionKind.INVESTIGATED: (
        "What I have investigated",
        "What I have and have not investigated",
        "What we have investigated",
        "What I have not investigated",
        "What I have and haven’t investigated",
    ),
    SectionKind.ROLE_AND_POWERS: (
        "The Ombudsman’s role and powers",
        "The Ombudsman's role and powers",
        "Ombudsman’s role",
        "Our role and powers",
    ),
    SectionKind.HOW_CONSIDERED: (
        "How I considered this complaint",
        "How we considered your complaint",
        "How I considered the complaints",
    ),
    SectionKind.AGREED_ACTION: ("Agreed action", "Agreed actions", "Agreed action:"),
    SectionKind.FINAL_DECISION: ("Final decision", "Decision", "Final decision."),
    SectionKind.NOT_INVESTIGATED: (
        "Parts of the complaint that I did not investigate",
        "Part of the complaint I have not investigated",
        "Parts of the complaints we did not investigate",
    ),
}
FINDINGS_HEADINGS = {
    SectionKind.FINDINGS: ("What I found", "What we found", "What I have found", "My findings"),
    SectionKind.ASSESSMENT: ("My assessment", "Our assessment"),
}
BACKGROUND_HEADINGS = {
    SectionKind.BACKGROUND: ("Background", "Complaint background", "The background"),
    SectionKind.LEGAL_BACKGROUND: (
        "Legal and administrative background",
        "Legislation and guidance",
        "Relevant law and guidance",
        "Law, guidance and policy",
        "Legislative background",
    ),
}
SUB_HEADINGS = {
    SectionKind.WHAT_HAPPENED: ("What happened", "What happened next", "What happened:"),
    SectionKind.ANALYSIS: ("Analysis", "Analysis – the care plan", "Analysis: complaint handling"),
    SectionKind.INJUSTICE: ("Injustice", "Injustice to Mrs Y"),
    SectionKind.OTHER: (
        "What should happen",
        "Was there fault causing injustice in the Council’s actions",
        "The care and support plan",
        "Complaint handling",
        "Delay in the assessment",
        "Remedy",
        "Key facts",
        "2019 review",
        "Children’s services",
    ),
}


def _all(groups: dict[SectionKind, tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(h for hs in groups.values() for h in hs)


HEADING_CAPITALS = (
    "The",
    "Council",
    "Delay",
    "Communication",
    "Mrs Y’s",
    "Fees",
    "Care",
    "Missed",
    "Record",
    "Safeguarding",
    "Education",
    "Housing",
    "School",
    "Planning",
    "A",
    "Z",
    "2020",
    "Mr",
    "Liaison",
    "Non‑payment",
)
HEADING_WORDS = (
    "the",
    "council",
    "care",
    "plan",
    "and",
    "of",
    "in",
    "support",
    "assessment",
    "review",
    "delay",
    "£300",
    "Council’s",
    "“home”",
    "‘respite’",
    "non‑professional",
    "2019/20",
    "&",
    "(EHC)",
    "section 42",
    "…",
    "Zoë",
    "naïve",
    "x",
)
WORDS = (
    *HEADING_WORDS,
    "complaint",
    "social",
    "worker",
    "fault",
    "injustice",
    "distress",
    "housing",
    "officer",
    "records",
    "meeting",
    "payment",
    "to",
    "for",
    "with",
    "her",
    "his",
    "their",
    "it",
    "was",
    "did",
    "not",
    "has",
    "agreed",
    "apologise",
    "within",
    "one",
    "month",
    "weeks",
    "£10.50",
    "£1,250",
    "‘maladministration’",
    "“service failure”",
    "decision‑making",
    "Mrs Y’s",
    "Mr X",
    "(Ofsted)",
    "26A(1)",
    "1974",
    "e.g.",
    "i.e.",
    "5%",
    "A&E",
    "résumé",
    "Ms\u00a0J",
    "“it",
    "was",
    "fine.”",
)
OPENERS = (
    "Mrs Y",
    "Mr X",
    "The Council",
    "We",
    "I",
    "She",
    "It",
    "In response",
    "The social worker",
    "Miss X’s",
    "There",
    "This",
    "Had the Council",
    "Ms J",
    "Because",
    "On 5 May 2021",
    "In the Council’s view",
    # These open sentences and are also the first words of recognised headings.
    "Complaint",
    "Decision",
    "Injustice",
    "What happened",
    "Analysis",
)
TERMINATORS = (".", ".", ".", ".", ":", ";", "?", "!", ",")
ACTS = (
    "Local Government Act 1974",
    "Care Act 2014",
    "Children Act 1989",
    "Housing Act 1996",
    "Education Act 1996",
)
BULLETS = "•◦▪‣●○■□·∙⁃"
NUMBER_MARKERS = (
    "1.",
    "2.",
    "3.",
    "10.",
    "123.",
    "1)",
    "a.",
    "b)",
    "i.",
    "iv)",
    "(1)",
    "(a)",
    "(iv)",
)
WORD_GAPS = (" ", " ", " ", " ", "\u00a0", "  ")

AUTHORITY_NAMES = (
    "Leicestershire County Council",
    "London Borough of Tower Hamlets",
    "Example Care (Northern) Limited",
    "St Mary’s Care Home",
    "Smith & Jones Homecare Ltd",
    "Kent County Council, Adult Social Care",
    "Bath and North East Somerset Council",
    "Dr O'Neill's Practice (Healthcare) Ltd",
    "Council of the Isles of Scilly",
    "Example (UK) Care & Support (No. 2) Ltd",
    "Example Trust (formerly 21 002 206)",
    "Example Homes (21 002 206)",
)
CATEGORY_TOPS = (
    "Adult care services",
    "Benefits and tax",
    "Children's care services",
    "Children’s care services",
    "Education",
    "Environment and regulation",
    "Housing",
    "Other Categories",
    "Planning",
    "Transport and highways",
    "Corporate & other services",
)
CATEGORY_SUBS = (
    "Charging",
    "Child protection",
    "Other",
    "Assessment and care plan",
    "Special educational needs",
    "Council tax",
    "Allocations",
    "Planning applications",
)
OUTCOMES = (
    "Upheld",
    "Not upheld",
    "Closed after initial enquiries",
    "Upheld: maladministration and injustice",
    "Not upheld: no maladministration",
    "Withdrawn",
)
SIGNATURES = (
    "Investigator's decision on behalf of the Ombudsman",
    "Investigator’s decision on behalf of the Ombudsman",
    "Assistant Ombudsman’s decision on behalf of the Ombudsman.",
    "Decision on behalf of the Local Government and Social Care Ombudsman",
    "investigator's decision on behalf of the ombudsman",
)
CHROME = (
    "Print this page",
    "LGO logogram",
    "Review your privacy settings",
    "Required cookies",
    "These cookies enable the website to function properly.",
    "Skip to main content",
    "Home > Decisions > Adult care services",
    "Back to top",
    "We recommend you set these 'ON'.",
    "The complaint",
    "  1. Chrome that looks like a paragraph",
)

# ---------------------------------------------------------------------------
# Text


def _is_trimmed(text: str) -> bool:
    return text == text.strip() and "\n" not in text


# Anything but surrogates and the control characters ``parse`` rejects as
# binary; keeps tab, vertical tab, form feed and carriage return, and the
# Unicode line separators (which are not line breaks for the lexer).
unicode_chars = st.characters(
    codec="utf-8",
    exclude_categories=("Cs",),
    exclude_characters="\n" + "".join(map(chr, [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])),
)


def trimmed_text(min_size: int = 0, max_size: int = 40) -> st.SearchStrategy[str]:
    """Any text-like Unicode with no white space at either end (rule 1)."""
    text = st.text(unicode_chars, min_size=min_size, max_size=max_size).map(str.strip)
    return _short(text.filter(lambda t: len(t) >= min_size))


unicode_fragments = trimmed_text(1, 12)
"""Short runs of any text-like Unicode, trimmed (rule 1)."""


_word_gaps = _pick(WORD_GAPS)


@st.composite
def _joined(
    draw: st.DrawFn, first: st.SearchStrategy[str], rest: st.SearchStrategy[str], min_rest: int = 0
) -> str:
    """Words joined by one kind of gap: a space, NBSP or a double space."""
    more = draw(st.lists(rest, min_size=min_rest, max_size=min_rest + 8))
    return draw(_word_gaps).join([draw(first), *more])


words = _pick(WORDS)
text_words = _short(st.one_of(words, words, words, words, unicode_fragments))

sentences = _short(
    st.builds(str.__add__, _joined(_pick(OPENERS), text_words, min_rest=2), _pick(TERMINATORS))
)
"""A sentence: a capitalised opener, two words or more, a full stop or other punctuation."""

citations = _short(
    st.builds(
        "({}, section{} {}{})".format,
        _pick(ACTS),
        _pick(("", "s")),
        _pick(("24A(6)", "26(1) and 26A(1)", "42", "30(1B) and 34H(i)")),
        _pick(("", ", as amended")),
    )
)
"""A statute citation standing on its own line, in parentheses."""

quoted_lines = _short(
    st.builds(
        "{}{}{}".format,
        _pick(("“", "‘", '"')),
        _joined(text_words, text_words),
        _pick(("”", "’", '"', ".”", "…”")),
    )
)
lowercase_lines = _short(
    _joined(_pick(("and", "but", "that", "so", "the")), text_words).filter(
        lambda line: kind_of(line) is SectionKind.OTHER
    )
)
"""Lines that start with a small letter, but are not a recognised heading in small
letters ("the complaint")."""

loose_texts = _short(st.one_of(sentences, sentences, citations, quoted_lines, lowercase_lines))
"""Lines that read as loose lines (rule 13)."""

item_texts = _short(
    st.one_of(
        _pick(
            (
                "Back to top",
                "The complaint",
                "What happened",
                "1. a nested-looking line",
                "• a bullet-looking line",
                "- a dash-looking line",
                "A) A lettered-looking line",
                "Investigator's decision on behalf of the Ombudsman",
                "Summary: a summary-looking line",
                "Decision : Upheld",
                "Example Council (23 013 577",
            )
        ),
        sentences,
        sentences,
        _joined(text_words, text_words),
        loose_texts,
        trimmed_text(),
        st.just(""),
    )
)
"""What may follow a list marker: anything trimmed (rule 16)."""

summaries = _short(st.one_of(_joined(sentences, sentences), item_texts))

# ---------------------------------------------------------------------------
# Headings

FREE_HEADING = re.compile(
    r"[A-Z]\)\s.*|(?!.*\s:)[A-Z0-9][^.!?;,\n]{0,118}[^.!?;:,\s]|[A-Z0-9]", re.DOTALL
)
"""Rule 12, as the grammar's HEADING terminal has it."""


def reads_as_free_heading(heading: str) -> bool:
    """Would this line read as a free (or lettered) heading where any heading is allowed?"""
    return FREE_HEADING.fullmatch(heading) is not None


RECOGNISED_SUB_KINDS = SUB_KINDS - {SectionKind.OTHER}


def reads_as_sub_heading(heading: str) -> bool:
    """Would this line open a sub-section at the end of a section's content?"""
    return kind_of(heading) in RECOGNISED_SUB_KINDS or reads_as_free_heading(heading)


def _with_case(
    headings: Sequence[str],
    cases: Sequence[Callable[[str], str]] = (str, str, str.upper, str.lower),
) -> st.SearchStrategy[str]:
    """Recognised headings in the case written, upper case or lower case."""
    return st.builds(lambda h, f: f(h), _pick(headings), _pick(cases))


main_headings = _short(_with_case(_all(MAIN_HEADINGS)))
findings_headings = _short(_with_case(_all(FINDINGS_HEADINGS)))
background_headings = _short(_with_case(_all(BACKGROUND_HEADINGS)))

free_headings = _short(
    _joined(_pick(HEADING_CAPITALS), _pick(HEADING_WORDS)).filter(
        lambda h: reads_as_free_heading(h) and kind_of(h) in SUB_KINDS
    )
)
"""Free headings (rule 12) that are not recognised main/findings/background ones."""

lettered_headings = _short(
    st.builds(
        "{}) {}".format,
        _pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
        st.one_of(sentences, _joined(text_words, text_words)),
    )
)
"""Lettered headings: ``A) The Council failed to ...``, any length."""

sub_headings = _short(
    st.one_of(_pick(_all(SUB_HEADINGS)), free_headings, free_headings, lettered_headings)
)
"""Headings that open a sub-section wherever they stand (rule 10)."""

any_headings = _short(
    st.one_of(main_headings, findings_headings, background_headings, sub_headings)
)


background_sub_headings = _short(
    _with_case(_all(BACKGROUND_HEADINGS), (str, str.upper)).filter(reads_as_free_heading)
)
"""Inside findings a background heading is read as a free heading (rule 10)."""


def subsection_headings(in_findings: bool) -> st.SearchStrategy[str]:
    """Headings that open a sub-section under a findings (or other) section."""
    if in_findings:
        return st.one_of(sub_headings, sub_headings, background_sub_headings)
    return sub_headings


def compact_top_headings(after_findings: bool) -> st.SearchStrategy[str]:
    """Headings that open a top-level section without a ``Back to top`` before them."""
    if after_findings:
        return st.one_of(main_headings, findings_headings)
    return st.one_of(main_headings, findings_headings, background_headings)


# ---------------------------------------------------------------------------
# Blocks


def nested_items(depth: int = 1) -> st.SearchStrategy[tuple[ListItem, ...]]:
    """Items ``depth`` levels under a paragraph; empty below the deepest level."""
    if depth > MAX_LIST_DEPTH:
        return st.just(())
    item = st.builds(
        ListItem,
        item_texts,
        _pick((*BULLETS, *NUMBER_MARKERS, "-")),
        st.deferred(lambda: nested_items(depth + 1)),
    )
    return st.one_of(
        st.just(()), st.lists(item, min_size=1, max_size=3 if depth == 1 else 2).map(tuple)
    )


paragraphs = _short(st.builds(Paragraph, item_texts, _pick((*NUMBER_MARKERS, "-")), nested_items()))
paragraph_bullets = _short(st.builds(ListItem, item_texts, _pick(BULLETS), nested_items()))
loose_lines = _short(st.builds(LooseLine, loose_texts))

web_blocks: st.SearchStrategy[Block] = _short(
    st.one_of(paragraphs, paragraphs, paragraph_bullets, loose_lines)
)
compact_blocks: st.SearchStrategy[Block] = _short(
    st.one_of(st.builds(Paragraph, item_texts, st.just("-")), loose_lines)
)

# ---------------------------------------------------------------------------
# Header values

references = _short(
    st.from_regex(r"[0-9]{2} [0-9]{3} [0-9]{3}[a-z]?", fullmatch=True).map(Reference)
)


def kind_of(heading: str) -> SectionKind:
    """The kind a heading gives its section (without building a Section, which checks it)."""
    from lgo_parse._headings import heading_kind

    return SectionKind[heading_kind(heading)]


TITLE_LIKE_ITEM = re.compile(r"[-•◦▪‣●○■□·∙⁃][ \t]|\d{1,3}[.)][ \t]|[A-Z]\)[ \t]")
authorities = _short(
    st.one_of(
        _pick(AUTHORITY_NAMES),
        _pick(AUTHORITY_NAMES),
        _joined(_pick(AUTHORITY_NAMES), text_words),
        # Rule 4: a title that starts like a list item ("- (23 013 577)") is no title.
        unicode_fragments.filter(
            lambda a: not a.startswith("\ufeff") and not TITLE_LIKE_ITEM.match(a + " (")
        ),
    )
)
categories = _short(
    st.builds(
        Category,
        st.one_of(
            st.builds("{} > {}".format, _pick(CATEGORY_TOPS), _pick(CATEGORY_SUBS)),
            item_texts,
        ),
    )
)
outcomes = _short(st.builds(Outcome, st.one_of(_pick(OUTCOMES), item_texts)))
decision_dates = st.dates(datetime.date(1000, 1, 1))
"""Dates with four-digit years; ``test_decision_dates_round_trip`` covers the rest."""
signatures = _pick(SIGNATURES)
CHROME_LINES = tuple(filter(_is_trimmed, CHROME))
chrome_before_lines = _short(
    st.builds(
        LooseLine,
        st.one_of(_pick(CHROME_LINES), loose_texts, sub_headings, signatures),
    )
)
chrome_after_lines = _short(
    st.builds(
        LooseLine,
        st.one_of(
            _pick(CHROME_LINES),
            loose_texts,
            any_headings,
            st.just("Investigator's decision on behalf"),
            trimmed_text(1),
        ),
    )
)

# ---------------------------------------------------------------------------
# Whole decisions


@st.composite
def sections(draw: st.DrawFn, *, compact: bool = False) -> tuple[Section, ...]:
    """Top-level sections the web layout (or, with ``compact``, the compact layout) can carry."""
    block = compact_blocks if compact else web_blocks
    blocks = st.lists(block, max_size=4)
    out: list[Section] = []
    if draw(st.integers(0, 3)) == 0:
        out.append(Section(None, draw(st.lists(block, min_size=1, max_size=4))))
    after_findings = False
    for _ in range(draw(st.integers(0, 5))):
        at_start = not out or out[-1].heading is None
        heading = draw(
            any_headings if not compact or at_start else compact_top_headings(after_findings)
        )
        in_findings = kind_of(heading) in FINDINGS_KINDS
        subsections = draw(
            st.lists(st.builds(Section, subsection_headings(in_findings), blocks), max_size=3)
        )
        out.append(Section(heading, draw(blocks), subsections))
        after_findings = in_findings
    return tuple(out)


@st.composite
def decisions(draw: st.DrawFn, *, compact: bool = False) -> Decision:
    """Whole decisions built in code that render and parse back equal.

    Args:
        compact: Build models in compact form (see :func:`compact_form`).
    """
    signature = draw(st.none() | signatures)
    summary = draw(st.none() | summaries)
    body = draw(sections(compact=compact))
    if (
        summary == ""
        and body
        and body[0].heading is None
        and isinstance(body[0].blocks[0], LooseLine)
    ):
        summary = None  # rule 18: "Summary:" alone would label the loose line below
    return Decision(
        authority=draw(authorities),
        reference=draw(references),
        category=draw(st.none() | categories),
        outcome=draw(st.none() | outcomes),
        decision_date=draw(st.none() | decision_dates),
        summary=summary,
        sections=body,
        signature=signature,
        chrome_before=draw(st.lists(chrome_before_lines, max_size=3)),
        chrome_after=draw(st.lists(chrome_after_lines, max_size=3)) if signature else (),
    )


# ---------------------------------------------------------------------------
# The compact projection


def _flatten(blocks: Iterable[Block]) -> tuple[Block, ...]:
    """Every list entry a ``-`` paragraph, nested items after their parent."""
    out: list[Block] = []

    def entries(entry: Paragraph | ListItem) -> None:
        out.append(Paragraph(entry.text, "-"))
        for item in entry.items:
            entries(item)

    for block in blocks:
        if isinstance(block, LooseLine):
            out.append(LooseLine(block.text))
        else:
            entries(block)
    return tuple(out)


def opens_top_level_in_compact(kind: SectionKind, after_findings: bool) -> bool:
    """Does a heading of this kind open a top-level section with no ``Back to top`` before it?"""
    if kind in MAIN_KINDS or kind in FINDINGS_KINDS:
        return True
    return kind in BACKGROUND_KINDS and not after_findings


def compact_form(decision: Decision) -> Decision:
    """Project a decision to what its compact rendering parses back to.

    The compact layout writes every list entry as a ``- `` line at the margin
    and no ``Back to top`` lines, so:

    * paragraphs, paragraph-level bullets and nested items all become ``-``
      paragraphs, in document order (nesting and markers are lost);
    * a top-level section after the first becomes a sub-section of the
      top-level section before it, unless its heading opens a top-level
      section by itself (rule 11); its own sub-sections follow it there;
    * but if that heading cannot read as a sub-section heading (such as a
      background heading in small letters after a findings section, rule 10),
      it becomes a loose line at the end of what comes before, and its content
      follows.
    """
    out: list[Section] = []
    after_findings = False
    for section in decision.sections:
        flat = Section(section.heading, _flatten(section.blocks))
        subsections = tuple(Section(s.heading, _flatten(s.blocks)) for s in section.subsections)
        at_start = not out or out[-1].heading is None
        if at_start or opens_top_level_in_compact(section.kind, after_findings):
            out.append(attrs.evolve(flat, subsections=subsections))
            after_findings = section.kind in FINDINGS_KINDS
            continue
        last = out[-1]
        if reads_as_sub_heading(section.heading or ""):
            out[-1] = attrs.evolve(last, subsections=(*last.subsections, flat, *subsections))
            continue
        moved = (LooseLine(section.heading or ""), *flat.blocks)
        if last.subsections:
            *before, tail = last.subsections
            tail = attrs.evolve(tail, blocks=(*tail.blocks, *moved))
            last = attrs.evolve(last, subsections=(*before, tail))
        else:
            last = attrs.evolve(last, blocks=(*last.blocks, *moved))
        out[-1] = attrs.evolve(last, subsections=(*last.subsections, *subsections))
    return attrs.evolve(decision, sections=tuple(out))


# ---------------------------------------------------------------------------
# Texts: rendered models with their white space mutated

TRAILING = (" ", "  ", "\t", "\u00a0", " \t", "\r", "\x0c", "\u3000")
BLANK_LINES = ("", "", " ", " ", "\t", "  ", "\u00a0", "\x0c\r")


@attrs.frozen
class Variant:
    """A text made from a model, and the model ``parse`` must give back for it."""

    text: str
    expected: Decision


@st.composite
def whitespace_variants(draw: st.DrawFn, *, compact: bool = False) -> Variant:
    """A model rendered in a drawn layout, then with its white space and chrome mutated.

    CRLF line endings (on every line or some), trailing white space, extra blank
    lines and lines holding only white space, a byte-order mark, leading blank
    lines, no final line ending, website chrome before the title and after the
    signature. None of this changes the model (chrome aside, which is added to
    the expected model).
    """
    model = draw(decisions(compact=compact))
    layout = draw(_pick((None, "web", "compact")))
    expected = compact_form(model) if layout == "compact" else model
    lines = render(model, layout=layout).split("\n")[:-1]

    before = draw(st.lists(chrome_before_lines, max_size=2))
    after = draw(st.lists(chrome_after_lines, max_size=2)) if model.signature else []
    lines = [c.text for c in before] + lines + [c.text for c in after]
    expected = attrs.evolve(
        expected,
        chrome_before=(*before, *expected.chrome_before),
        chrome_after=(*expected.chrome_after, *after),
    )

    crlf = draw(_pick(("never", "always", "some")))
    out: list[str] = []
    for line in lines:
        trail = draw(_pick(TRAILING)) if line and draw(st.integers(0, 5)) == 0 else ""
        eol = "\r\n" if crlf == "always" or (crlf == "some" and draw(st.booleans())) else "\n"
        out.append(line + trail + eol)
        if draw(st.integers(0, 6)) == 0:
            out.append(draw(_pick(BLANK_LINES)) + eol)
    text = "".join(out)
    if draw(st.integers(0, 4)) == 0:
        text = draw(_pick(BLANK_LINES)) + "\n" + text
    if draw(st.integers(0, 4)) == 0:
        text = "\ufeff" + text
    if draw(st.integers(0, 3)) == 0:
        text = text.removesuffix("\n").removesuffix("\r")
    return Variant(text, expected)


@st.composite
def reindented_items(draw: st.DrawFn) -> tuple[Decision, str]:
    """A web-rendered model with every list line re-indented at random (0-12 spaces)."""
    model = draw(decisions())
    out = []
    for line in render(model).split("\n")[:-1]:
        text = line.lstrip(" ")
        if text != line:  # only list entries are indented in the web layout
            text = " " * draw(st.integers(0, 12)) + text
        out.append(text + "\n")
    return model, "".join(out)


# ---------------------------------------------------------------------------
# Statement-like and mutated texts for total-function properties

_marker = _pick((*BULLETS, *NUMBER_MARKERS, "-", "1", "(", "•", "-1.", "x)"))
item_lines = _short(
    st.builds(
        "{}{}{}{}".format,
        _pick(("", " ", "  ", "    ", "      ", "\t", "   ", " \t ")),
        _marker,
        _pick(("", " ", "\u00a0", "\t", "  ")),
        item_texts,
    )
)
title_lines = _short(
    st.one_of(
        st.builds("{} ({})".format, authorities, references),
        _pick(
            (
                "Example Council (23\u00a0013\u00a0577)",
                "Example Council (23 013 5)",
                "(23 013 577)",
                " Example Council (23 013 577)",
            )
        ),
    )
)
field_lines = _short(
    st.one_of(
        st.builds("Category : {}".format, categories.map(str)),
        st.builds("Decision : {}".format, outcomes.map(str)),
        st.builds(
            "Decision date : {}".format,
            st.one_of(
                decision_dates.map(lambda d: d.strftime("%d %b %Y")),
                _pick(("31 Feb 2022", "05 Mon 2022", "2022", "5 May", "")),
            ),
        ),
        _pick(
            (
                "The Ombudsman's final decision:",
                "The Ombudsman’s final decision",
                "Summary:",
                "CATEGORY:",
                "Decision:",
            )
        ),
        st.builds("Summary: {}".format, summaries),
    )
)
statement_lines = _short(
    st.one_of(
        title_lines,
        field_lines,
        any_headings,
        item_lines,
        loose_texts,
        _pick(("Back to top", "Back to to", "Back", "back to top ", "Back to top.")),
        signatures,
        _pick(CHROME),
        st.text(unicode_chars, max_size=30),
    )
)
"""Any line a statement, a truncated statement or a listing page may hold, and junk."""


@st.composite
def statement_like_texts(draw: st.DrawFn) -> str:
    """Texts of statement lines in any order, with any line endings."""
    lines = draw(st.lists(statement_lines, max_size=25))
    if draw(st.booleans()):
        lines.insert(0, draw(title_lines))
    eols = _pick(("\n", "\n", "\n", "\r\n", "\n\n", "\n \n", "\r\r\n"))
    text = "".join(line + draw(eols) for line in lines)
    if draw(st.booleans()):
        text = text.rstrip("\r\n")
    if draw(st.integers(0, 5)) == 0:
        text = "\ufeff" + text
    return text


def _delete(lines: list[str], i: int, _: Any) -> None:
    del lines[i]


def _duplicate(lines: list[str], i: int, _: Any) -> None:
    lines.insert(i, lines[i])


def _swap(lines: list[str], i: int, j: int) -> None:
    lines[i], lines[j] = lines[j], lines[i]


LINE_EDITS: tuple[Callable[[list[str], int, Any], None], ...] = (_delete, _duplicate, _swap)


@st.composite
def seed_mutations(draw: st.DrawFn, seeds: Sequence[str]) -> str:
    """A seed statement with lines deleted, duplicated, swapped and inserted, maybe cut short."""
    text = draw(_pick(seeds))
    lines = text.split("\n")
    lines = [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.integers(0, len(LINE_EDITS)))
        if op == len(LINE_EDITS):
            lines.insert(i, draw(statement_lines) + draw(_pick(("\n", "\r\n", "\n\n"))))
        else:
            LINE_EDITS[op](lines, i, draw(st.integers(0, len(lines) - 1)))
    text = "".join(lines)
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]
    return text
