"""The shared reading's shortcuts give exactly what the plain code gives.

Each speed-up of the facts (passages read in one loop, spans made through the
slot setters, passages skipped on a substring, a pattern skipped on a cheap
test) is checked here against the plain reading it replaces, on made-up texts
and on the corpus's decisions.
"""

from __future__ import annotations

import gc
import re
import weakref
from collections.abc import Iterator
from pathlib import Path

import hypothesis
import hypothesis.strategies as st
import pytest

import lgo_parse
from lgo_parse._facts import _citations, _crossrefs, _patterns, _scan, _text
from lgo_parse._facts._text import Passage, context_of, passages, sub_span
from lgo_parse._layout import Span
from lgo_parse._model import Decision, ListItem, LooseLine, Section

FIXTURES = sorted((Path(__file__).parent / "fixtures").rglob("*.txt"))


def _decisions() -> list[Decision]:
    found = []
    for path in FIXTURES:
        try:
            found.append(lgo_parse.parse(path.read_text(encoding="utf-8")))
        except lgo_parse.ParseError:
            continue
    return found


DECISIONS = _decisions()


def _plain_passages(decision: Decision) -> Iterator[Passage]:
    """The passages as the first reading walked them: summary, then each section in order."""

    def items(section: Section, nested: tuple[ListItem, ...]) -> Iterator[Passage]:
        for item in nested:
            yield Passage(item.text, item.span, "item", section)
            yield from items(section, item.items)

    if decision.summary:
        yield Passage(decision.summary, decision.summary_span, "summary")
    for section in decision.walk():
        if section.heading:
            yield Passage(section.heading, section.span, "heading", section)
        for block in section.blocks:
            yield Passage(block.text, block.span, "block", section)
            if not isinstance(block, LooseLine):
                yield from items(section, block.items)


def test_there_are_decisions_to_read() -> None:
    # Guards the tests below against reading nothing.
    assert len(DECISIONS) > 10


@pytest.mark.parametrize("index", range(len(DECISIONS)))
def test_passages_and_their_offsets_are_those_of_the_plain_walk(index: int) -> None:
    # Guards the one-loop reading: a passage left out, doubled or out of order, or an
    # offset that does not point at its passage in the joined text.
    decision = DECISIONS[index]
    plain = list(_plain_passages(decision))
    context = context_of(decision)
    assert list(context.passages) == plain
    assert all(type(p) is Passage for p in context.passages)
    text, starts = context.joined
    assert text == "\0".join(p.text for p in plain)
    assert [text[s : s + len(p.text)] for s, p in zip(starts, plain, strict=True)] == [
        p.text for p in plain
    ]
    assert list(passages(decision, headings=False)) == [p for p in plain if p.origin != "heading"]


SPANS = [
    Span(0, 10, 1, 1),
    Span(100, 120, 7, 5),
    # A text wrapped over three lines: the pieces map offsets back to the source.
    Span(40, 90, 3, 5, ((12, 57, 4, 5), (30, 79, 5, 3))),
]


@pytest.mark.parametrize("span", SPANS)
@hypothesis.given(start=st.integers(0, 60), length=st.integers(0, 40))
def test_sub_span_is_span_sub(span: Span, start: int, length: int) -> None:
    # Guards the slot-setter span: a field left unset or set wrong, or pieces lost.
    made = sub_span(span, start, start + length)
    plain = span.sub(start, start + length)
    assert type(made) is Span
    assert made == plain
    assert (made.start, made.end, made.line, made.column, made.pieces) == (
        plain.start,
        plain.end,
        plain.line,
        plain.column,
        plain.pieces,
    )
    assert hash(made) == hash(plain)
    assert repr(made) == repr(plain)


# -- cheap tests before a pattern --------------------------------------------------


@pytest.mark.parametrize("index", range(len(DECISIONS)))
def test_cross_references_read_every_passage_that_names_a_paragraph(index: int) -> None:
    # Guards the joined search: a passage holding "ara" that the search skips.
    context = context_of(DECISIONS[index])
    expected = [p for p in context.passages if "ara" in p.text]
    assert list(_crossrefs._referring(context)) == expected


_AFTER_WORDS = [
    ", section 26(1)",
    ", sections 26(1) and 26A(1), as amended",
    " as amended",
    ",as amended",
    " Schedule 2",
    " ſection 4",
    " part 7",
    "\u00a0regulation 4",
    ", and",
    ".",
    " ",
    ",",
    "",
    " (as amended)",
    " Art. 8",
    " chapter 3",
    " rules 2",
    " paras. 4",
    "\nsection 2",
    " and 2004",
    " x",
    " s.17",
    " s17",
    " ss. 2",
    " sch. 1",
    " reg. 3",
    " regs. 4",
    " para. 2",
    " arts. 3",
    " article 6",
    " paragraph 4",
    " ſch. 1",
    " İ",
    " as",
    " and",
    " act",
    ", the",
]


def _provisions_never_hidden(tail: str, case: str) -> None:
    """``_may_follow`` is true wherever ``_AFTER`` reads provisions after a title and ``tail``."""
    tail = tail if case == "same" else getattr(tail, case)()
    text = "Local Government Act 1974" + tail
    end = len("Local Government Act 1974")
    after = _citations._AFTER.match(text, end)
    assert after is not None
    if after["clauses"] or after["amended"]:
        assert _citations._may_follow(text, end), text


@hypothesis.given(
    words=st.lists(st.sampled_from(_AFTER_WORDS), max_size=3),
    case=st.sampled_from(("same", "lower", "upper")),
)
def test_the_test_before_the_provisions_after_a_title_never_hides_a_match(
    words: list[str], case: str
) -> None:
    # Guards _may_follow: false where _AFTER reads a unit or "as amended" would lose it.
    _provisions_never_hidden("".join(words), case)


@pytest.mark.parametrize("word", _AFTER_WORDS)
@pytest.mark.parametrize("case", ["same", "lower", "upper", "title"])
def test_the_test_before_the_provisions_after_a_title_never_hides_one_word(
    word: str, case: str
) -> None:
    # Each way provisions can follow a title, in each case: a unit's name left out
    # of ``_AFTER_STARTS`` would lose the provisions written with it.
    _provisions_never_hidden(word, case)


@pytest.mark.parametrize("index", range(len(DECISIONS)))
def test_the_test_before_the_provisions_after_a_title_holds_on_the_corpus(index: int) -> None:
    context = context_of(DECISIONS[index])
    for passage in context.passages:
        text = passage.text
        for match in re.finditer(r"\b(?:Act|Regulations|Order|Rules)\b(?:\s+\d{4})?", text):
            after = _citations._AFTER.match(text, match.end())
            if after is not None and (after["clauses"] or after["amended"]):
                assert _citations._may_follow(text, match.end()), text


# -- one scan for the parties and the citations ---------------------------------


def _citing_plainly(context: object) -> list[tuple[Passage, list[int]]]:
    return [
        (p, [m.start() for m in re.finditer(_citations._CITES.pattern, p.text)])
        for p in context.passages  # type: ignore[attr-defined]
        if _citations._may_cite(p.text)
    ]


@pytest.mark.parametrize("index", range(len(DECISIONS)))
def test_the_shared_scan_finds_every_passage_that_may_cite(index: int) -> None:
    # Guards the shared scan: a passage whose only citation word starts a name
    # ("Order 2") or stands after one, missed; or a passage given twice.
    context = context_of(DECISIONS[index])
    assert list(_citations._citing(context)) == _citing_plainly(context)


_SCAN_WORDS = [
    "Act",
    "Act 2",
    "Acts",
    "Order 1",
    "Rules",
    "Regulations",
    "Guidance",
    "Code Q",
    "Working",
    "Working Y",
    "‘",
    "“",
    '"',
    "'",
    "Mr",
    "Mrs A",
    "Mr and Mrs C",
    "Council 2",
    "OW1",
    "X",
    "(Y)",
    "’s",
    "the",
    " ",
    ",",
]


CITING_CASES = [
    # (texts of the paragraphs, why): each a way the shared scan could lose a passage.
    (["Act 2", "Mr X"], "a citation's first word that starts a name"),
    (["Order 1 says", "Rules 3"], "other first words that start a name"),
    (["Code Q", "Working Y", "Mrs A"], "first words before a letter"),
    (["Mr X", "the ‘Plan’", "nothing"], "a quotation mark after a passage with names"),
    (["Mr and Mrs C", "Care Act 2014 and the Children Act 1989"], "two citations in one passage"),
    (["OW1 and CW2", "’s"], "codes holding a citation's capitals"),
    (
        ["the Council‘s view", "‘Plan’ and ‘the"],
        "a quotation mark before no capital starts nothing",
    ),
]


@pytest.mark.parametrize(("texts", "why"), CITING_CASES, ids=[c[1] for c in CITING_CASES])
def test_the_shared_scan_finds_every_passage_that_may_cite_in_cases(
    texts: list[str], why: str
) -> None:
    decision = lgo_parse.Decision(
        sections=[lgo_parse.Section("Findings", [lgo_parse.Paragraph(t) for t in texts])]
    )
    context = context_of(decision)
    assert list(_citations._citing(context)) == _citing_plainly(context), why


@hypothesis.given(
    words=st.lists(st.sampled_from(_SCAN_WORDS), max_size=12),
    joiners=st.lists(st.sampled_from(["", " ", "\0"]), min_size=12, max_size=12),
)
def test_the_shared_scan_finds_every_passage_that_may_cite_in_made_up_texts(
    words: list[str], joiners: list[str]
) -> None:
    texts = "".join(w + j for w, j in zip(words, joiners, strict=False)).split("\0")
    decision = lgo_parse.Decision(
        sections=[
            lgo_parse.Section(
                "Findings", [lgo_parse.Paragraph(t.strip()) for t in texts if t.strip()]
            )
        ]
    )
    context = context_of(decision)
    assert list(_citations._citing(context)) == _citing_plainly(context)
    # The parties' reading gives up the scan; the citations then scan again.
    assert list(_citations._citing(context_of(decision))) == _citing_plainly(context)


# -- the citations' readers start only where the scan marks ----------------------

_READERS = [
    # (pattern, the starts it is tried at, given a text and its marks)
    ("_ANCHOR", lambda text, marks: list(_citations._anchor_starts(text, marks))),
    (
        "_QUOTED",
        lambda text, marks: [at for at in marks if text[at] in _citations._OPENING_MARKS],
    ),
    (
        "_OMBUDSMAN_GUIDANCE",
        lambda text, marks: [
            at
            for at in (
                _citations._word_before(text, at, "Assessment") if text[at] == "C" else at
                for at in marks
                if text[at] in "CG"
            )
            if at >= 0
        ],
    ),
    ("_UNQUOTED_KNOWN", lambda text, marks: [at for at in marks if text[at] == "W"]),
]


def _started_is_finditer(text: str) -> None:
    marks = _citations._marks(text)
    for name, starts in _READERS:
        pattern = getattr(_citations, name)
        plain = [m.span() for m in re.finditer(pattern.pattern, text, pattern.flags)]
        started = [m.span() for m in _patterns.matches_at(pattern, text, starts(text, marks))]
        assert started == plain, (name, text)


@pytest.mark.parametrize("index", range(len(DECISIONS)))
def test_each_citation_reader_started_at_the_marks_finds_what_finditer_finds(index: int) -> None:
    # Guards the marks: a reader given too few starts misses a citation
    # ("Statutory Guidance" is marked at "Guidance", "Assessment Code" at "Code").
    for passage in context_of(DECISIONS[index]).passages:
        _started_is_finditer(passage.text)


_READER_WORDS = [
    "Act", "Act 1989", "Regulations", "Rules", "Order", "Statutory", "Guidance", "Code",
    "of", "Practice", "Assessment", "on", "Remedies", "Working", "Together", "together",
    "‘", "’", "“", "”", '"', "'", "The", "Care", "2014", "(2018)", "  ", "\n",
]  # fmt: skip


READER_CASES = [
    # (text, the defect it guards against)
    ("the Care and Support Statutory Guidance says", "'Statutory' before 'Guidance' not tried"),
    ("the Statutory \n  Guidance", "white space of several kinds before 'Guidance'"),
    ("our Assessment Code and Guidance on Remedies", "'Assessment' before 'Code' not tried"),
    ("Assessment  Code", "a reading at the very start of the text"),
    ("Code of Practice ‘Working Together’ (2018)", "a quoted title holding another reader's word"),
    ("'Working together' and 'The Order'", "straight quotation marks as openers and closers"),
    ("Orders, Acts and Rules 1999; Code Q", "words that start a reading and do not match"),
]


@pytest.mark.parametrize(("text", "why"), READER_CASES, ids=[c[1] for c in READER_CASES])
def test_each_citation_reader_started_at_the_marks_finds_what_finditer_finds_in_cases(
    text: str, why: str
) -> None:
    _started_is_finditer(text)


@hypothesis.given(
    words=st.lists(st.sampled_from(_READER_WORDS), max_size=14),
    joiners=st.lists(st.sampled_from(["", " ", "  ", "\t"]), min_size=14, max_size=14),
)
def test_each_citation_reader_started_at_the_marks_finds_what_finditer_finds_in_made_up_texts(
    words: list[str], joiners: list[str]
) -> None:
    _started_is_finditer("".join(w + j for w, j in zip(words, joiners, strict=False)))


# -- quoted guidance: the patterns that tell it run behind cheap tests --------------

_QUOTED_WORDS = [
    "Guidance", "GUIDANCE", "guide", "Guide", "Code", "CODE", "of", "Practice", "practice",
    "circular", "Circular", "statutory", "Statutory", "STATUTORY", "ſtatutory", "cıde", "Act",
    "Regulations", "Order", "Rules", "2014", "1989", "(2018)", "the", "Plan", " ", "  ", ",",
    "İ", "\u212a",
]  # fmt: skip


def _quoted_tests_agree(text: str) -> None:
    for gated, plain in (
        (_citations._GUIDANCE_BEFORE_GATED, _citations._GUIDANCE_BEFORE),
        (_citations._GUIDANCE_TITLE_GATED, _citations._GUIDANCE_TITLE),
        (_citations._STATUTORY_GATED, _citations._STATUTORY),
    ):
        found = gated.search(text)
        expected = re.search(plain.pattern, text, plain.flags)
        assert (found and found.span()) == (expected and expected.span()), (plain, text)
    if not _citations._may_hold_act(text):
        assert _citations._ACT_IN_TITLE.search(text) is None, text
    if not text[-1:].isdigit():
        assert _citations._YEAR_AT_END.search(text) is None, text


@hypothesis.given(st.lists(st.sampled_from(_QUOTED_WORDS), max_size=8))
def test_the_tests_before_the_quoted_guidance_patterns_never_hide_a_match(
    words: list[str],
) -> None:
    # Guards the gates: a stem missing from one ("circular", "guid") loses the
    # citations of quoted guidance named that way.
    for joiner in (" ", ""):
        _quoted_tests_agree(joiner.join(words))


@pytest.mark.parametrize("index", range(len(DECISIONS)))
def test_the_tests_before_the_quoted_guidance_patterns_hold_on_the_corpus(index: int) -> None:
    for passage in context_of(DECISIONS[index]).passages:
        _quoted_tests_agree(passage.text)


# -- a statute's title read backwards one word at a time ---------------------------


def _title_start_plainly(text: str, anchor: int) -> int | None:
    """The reading ``_title_start`` replaced: every word of the window, then backwards."""
    low = max(0, anchor - _citations._TITLE_WINDOW)
    tokens = [(m.start(), m.group()) for m in re.finditer(r"\S+", text[:anchor])]
    tokens = [(p, t) for p, t in tokens if p >= low or p + len(t) > low]
    tokens = [(max(p, low), t[low - p :] if p < low else t) for p, t in tokens]
    if low > 0 and tokens and tokens[0][0] == low and not text[low - 1].isspace():
        tokens = tokens[1:]  # cut by the window
    start: int | None = None
    in_brackets = False
    seen_and = False
    for index in range(len(tokens) - 1, -1, -1):
        position, token = tokens[index]
        if in_brackets:
            if token.startswith("("):
                in_brackets = False
                start = position
            continue
        if token.startswith("(") and token.endswith(")"):
            start = position
            continue
        if token.endswith(")") and "(" not in token:
            in_brackets = True
            continue
        if (
            re.fullmatch(r"(?:1[6-9]|20)\d{2}", token)
            and index > 0
            and tokens[index - 1][1] == "Act"
        ):
            continue
        word = token
        if word.endswith(","):
            if not seen_and or start is None:
                break
            word = word[:-1]
        opened = word.lstrip(_citations._OPENERS)
        if re.fullmatch(r"[A-Z][\w’'\-]*", opened) and opened not in _citations._NOT_TITLE:
            start = position + len(word) - len(opened)
        elif opened in _citations._CONNECTORS and opened == word:
            seen_and = seen_and or opened == "and"
        else:
            break
        if opened != word:
            break
    return None if in_brackets else start


def _title_starts_agree(text: str) -> None:
    for match in re.finditer(r"Act|Regulations|Order|Rules|Code|Guidance", text):
        at = match.start()
        assert _citations._title_start(text, at) == _title_start_plainly(text, at), (text, at)


_TITLE_WORDS = [
    "Local", "Government", "and", "Public", "Involvement", "in", "Health", "Act", "1974",
    "the", "The", "of", "(Charging", "Assessment", "Resources)", "(England)", "Housing",
    "Grants,", "Construction", "‘Care", "(Act", "Section", "47", "Mental", "Capacity", "2005",
    "Code", "Practice", "x" * 70, "Y" * 60, "Ta" * 40, " ", "\t", "", "I", "&",
    "Regeneration", "‘Children’s", "(", ")", ",", "\n", "x",
    # Words ``rfind`` of a space does not end: other white space, and characters that
    # are neither white space nor printable (a soft hyphen, a zero-width space).
    "Care\xa0Act", "Public\u2028Health", "Self\xadBuild", "Town\u200bPlanning", "\xa0",
    "Self-Build", "Foo_Bar", "Ca’re", "É", "Éducation", "A1", "Z",
]  # fmt: skip


@hypothesis.given(
    words=st.lists(st.sampled_from(_TITLE_WORDS), max_size=16),
    joiners=st.lists(
        st.sampled_from([" ", "  ", "\n", "", " ", "\t ", " \u3000", "\u2029"]),
        min_size=16,
        max_size=16,
    ),
)
def test_a_title_read_one_word_at_a_time_starts_where_the_whole_window_says(
    words: list[str], joiners: list[str]
) -> None:
    # Guards the reading backwards: a word cut by the window (160 characters),
    # a bracketed part, a list with commas or a year after "Act" read otherwise
    # gives another title.
    _title_starts_agree("".join(w + j for w, j in zip(words, joiners, strict=False)) + "Act")


@pytest.mark.parametrize("index", range(len(DECISIONS)))
def test_a_title_read_one_word_at_a_time_holds_on_the_corpus(index: int) -> None:
    for passage in context_of(DECISIONS[index]).passages:
        _title_starts_agree(passage.text)


def test_the_parties_let_the_shared_scan_go() -> None:
    # Guards memory: a decision kept with its facts keeps no list of matches.
    decision = lgo_parse.Decision(summary="Mr X cites the Care Act 2014. Child Q agrees.")
    assert decision.citations
    context = context_of(decision)
    assert context._matches
    assert decision.parties
    assert not context._matches
    # Read in the other order, each finder still finds all.
    other = lgo_parse.Decision(summary=decision.summary)
    assert other.parties == decision.parties
    assert other.citations == decision.citations


def test_a_decision_read_for_facts_is_freed_without_the_garbage_collector() -> None:
    # The shared reading refers to its decision weakly: a strong reference would
    # make a cycle (decision -> fact cache -> reading -> decision) that only the
    # garbage collector frees, which cost a batch parse a tenth of its time.
    text = (Path(__file__).parent / "fixtures" / "seeds").glob("*.txt")
    decision = lgo_parse.parse(next(iter(sorted(text))).read_text(encoding="utf-8"))
    decision.to_dict()  # every fact read
    context = context_of(decision)
    assert context.decision is decision
    gone = weakref.ref(decision)
    gc.disable()
    try:
        del decision
        assert gone() is None
        # The reading itself outlives its decision only while something holds it.
        with pytest.raises(ReferenceError):
            context.decision  # noqa: B018
    finally:
        gc.enable()


@pytest.mark.parametrize("odd", _patterns._ODD_FOLDS)
def test_lowered_tells_every_odd_fold(odd: str) -> None:
    # Guards the written-out test in lowered(): a character of _ODD_FOLDS it misses would let
    # a gate or a started pattern pass over a match the engine finds.
    assert _patterns.lowered(f"Mr X’s case {odd}")[1] is True


def test_lowered_passes_a_plain_text() -> None:
    assert _patterns.lowered("İstanbul")[1] is True  # lowered, "İ" leaves a dot (U+0307)
    assert _patterns.lowered("Mr X’s £5 case")[1] is False
    assert _patterns.lowered("Mr X's case")[1] is False


@pytest.mark.parametrize("index", range(len(DECISIONS)))
def test_a_decision_past_the_limit_reads_the_same_without_keeping_the_scan(
    index: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Guards memory on huge texts: past SHARED_SCAN_LIMIT no list of matches is kept, and the
    # citations and parties, each scanning on its own, find what they find below the limit.
    decision = DECISIONS[index]
    below = lgo_parse.Decision(summary=decision.summary, sections=decision.sections)
    expected = (below.citations, below.parties)
    monkeypatch.setattr(_text, "SHARED_SCAN_LIMIT", -1)
    past = lgo_parse.Decision(summary=decision.summary, sections=decision.sections)
    assert past.citations == expected[0]
    assert not context_of(past)._matches
    assert past.parties == expected[1]
    assert [c.span for c in past.citations] == [c.span for c in expected[0]]
    assert [p.spans for p in past.parties] == [p.spans for p in expected[1]]


# -- a clause's ids -------------------------------------------------------------------


@pytest.mark.parametrize(
    "ids",
    [
        "47",  # one id: not split
        "26(1) and 26A(1)",
        "17(10)(b), 17(11)",
        "1(and)",  # "and" inside brackets is a separator to the pattern: split
        "2 or 3",
        "4&5",
        "5/5a",
        "10.29",
        "",
        "and",
    ],
)
def test_ids_split_as_the_pattern_splits(ids: str) -> None:
    # Guards the test before the split: a clause holding a separator must be split.
    assert _citations._ids(ids) == [i for i in _citations._ID_SEPARATOR.split(ids) if i]


@hypothesis.given(st.text(alphabet="0129aAbdnor()&,/. \t", max_size=20))
def test_ids_split_as_the_pattern_splits_in_made_up_texts(ids: str) -> None:
    assert _citations._ids(ids) == [i for i in _citations._ID_SEPARATOR.split(ids) if i]


@hypothesis.given(st.text(alphabet="AZaz09_’'-\u00e9\u00c9.\xad ", min_size=1, max_size=8))
def test_a_title_word_is_told_as_the_pattern_tells_it(rest: str) -> None:
    # Guards the test without the pattern: letters and digits only, else the pattern.
    word = "T" + rest
    assert _citations._is_title_word(word) == (_citations._TITLE_WORD.fullmatch(word) is not None)


# -- where the shared scan is tried ---------------------------------------------------

_SCAN_PLAIN = re.compile(_scan._SCAN_PATTERN.pattern)


def _hit_groups(hit: _scan.ScanHit) -> tuple[object, ...]:
    return (
        (hit.start, hit.end),
        hit.kind,
        hit.tail,
        hit.second,
        hit.letter,
        hit.rest,
        (hit.id_start, hit.id_end),
        hit.id_letter,
        hit.code,
    )


def _match_groups(match: re.Match[str]) -> tuple[object, ...]:
    return (
        match.span(),
        match.lastgroup,
        match["tail"],
        match["second"],
        match["letter"],
        match["rest"],
        match.span("id"),
        match["id_letter"],
        match["code"],
    )


def _scan_agrees(text: str) -> None:
    """The hits of ``SCAN`` are the pattern's matches, group by group, read either way."""
    expected = [_match_groups(m) for m in _SCAN_PLAIN.finditer(text)]
    assert [_hit_groups(h) for h in _scan.hand_hits(text)] == expected, text
    assert [_hit_groups(h) for h in _scan.engine_hits(text)] == expected, text
    assert [_hit_groups(h) for h in _scan.SCAN.finditer(text)] == expected, text


def _scan_places_hold(text: str) -> None:
    places = _scan.scan_places(text, 0, len(text))
    assert places == sorted(set(places))
    kept = set(places)
    for at in range(len(text)):
        if _SCAN_PLAIN.match(text, at) is not None:
            assert at in kept, (text, at)
    _scan_agrees(text)


SCAN_PLACE_CASES = [
    # (text, why): each a place the scan's test could pass over wrongly.
    ("Mr X, Mrs Y, Ms Z, Mx Q, Miss R, Dr S", "every title"),
    ("Mist B and Dry C", "words that start like a title"),
    ("Mr and Mrs X", "a joint title"),
    ("Miss. R and Miss and Mr Q", "a title no word-and-id reading finds"),
    ("Ms. Z, Mx. Q, Dr. S, Mr. T", "titles with a full stop"),
    ("Act Regulations Rules Order Guidance Code Working", "every citation's word"),
    ("Acts Reg Rule Ordered Guide Codes Work", "words that start like one"),
    ("‘Care Act’ “Code” \"Order\" 'Rules' ‘x “ ' \"", "quotation marks before a capital, or not"),
    ("Child Q, Council 2, Stage 12, Agency 123, Parent I, Room 2b", "a word and an id"),
    ("Child\xa0Q and Council\u20032 and Son\tK", "white space other than a space before an id"),
    ("Council ٣ and Child ٤٥", "digits other than 0-9 (what \\d reads)"),
    ("Child Q_ Child Q- Child 2_ Child 12- Child 12x", "an id running on"),
    ("SW1 IRO2 ABC12 AB ABCD1 S1 SWx1", "codes"),
    ("B) (Y) Y’s X- X/ X_ A I Z", "bare letters"),
    ("X", "a bare letter ending the text"),
    ("Mr", "a title ending the text"),
    ("Child", "a word ending the text"),
    ("Child ", "white space ending the text"),
    ("LGSCO and EHCP", "capitals in a row"),
    ("x\0Y\0Mrs\0X", "passages joined by NUL"),
    # The branches read by hand, each way the engine backtracks.
    ("Mr and X, Mr and Mrs. X, Mr. and Mrs X, Mr  and\tMrs\nX", "a joint title, or not"),
    ("Mr and Mr X, Dr and Miss Y, Mr and Mrsx X, Mr and Mrs", "a joint title's second title"),
    ("Mrs X-ray, Mrs X_, Mr X1, Mrs. . X, Mr.X, Mr .X", "a title's letter running on"),
    ("Council 12, Council 123, Council 1x, Stage I, Stage Ix, Son  Q", "a word and an id"),
    ("SWX1 SWXY1 S1 SW12 SW123 SW1x S1- SW", "codes of one, two and three capitals"),
    ("B) (B) x B) \nB) B", "a bare letter before a closing bracket"),
]


@pytest.mark.parametrize(("text", "why"), SCAN_PLACE_CASES, ids=[c[1] for c in SCAN_PLACE_CASES])
def test_the_scan_is_tried_wherever_its_pattern_matches_in_cases(text: str, why: str) -> None:
    # Guards the scan's places: a place passed over loses a name or a citation.
    _scan_places_hold(text)


@hypothesis.given(
    st.text(
        alphabet="MrsixDACctRegulaonsOdGuidCWkQXYZIB 12٣_-/.()\xa0\t\n\0‘“\"'",
        max_size=40,
    )
)
def test_the_scan_is_tried_wherever_its_pattern_matches(text: str) -> None:
    _scan_places_hold(text)


@pytest.mark.parametrize("index", range(len(DECISIONS)))
def test_the_scan_is_tried_wherever_its_pattern_matches_on_the_corpus(index: int) -> None:
    text = context_of(DECISIONS[index]).joined[0]
    for variant in (text, text.upper(), text.lower()):
        _scan_places_hold(variant)


def test_a_long_text_is_scanned_a_window_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # Guards the windows: a place at a window's edge, or a word running over one, is kept.
    monkeypatch.setattr(_scan, "SCAN_WINDOW", 5)
    text = "The Council told Mrs X and Child Q, SW1 and ‘Care Act’. " * 3
    _scan_agrees(text)
    assert len(text) > 5 * 10


def test_a_found_citation_is_the_named_tuple_its_class_makes() -> None:
    # Guards the maker that skips the named tuple's __new__: the same fields, defaults and type.
    act = _citations.CitationKind.ACT
    made = _citations._found(1, 9, "Care Act 2014", 2014, act)
    assert made == _citations._Found(1, 9, "Care Act 2014", 2014, act)
    assert type(made) is _citations._Found
    assert made.provisions == () and made.as_amended is False
    full = _citations._found(0, 5, "T", None, act, ("1",), True)
    assert full == _citations._Found(0, 5, "T", None, act, ("1",), True)


@hypothesis.given(st.text(alphabet="MrsiDandXYI1 2.\t(-)_", max_size=30))
def test_the_scan_reads_titles_as_the_pattern_does(text: str) -> None:
    # Guards the titles read by hand: the joint name, full stops and white space.
    _scan_places_hold(text)


def _clause_parts_by_pattern(clauses: str) -> list[tuple[str, str]]:
    return [(m["unit"], m["ids"]) for m in _citations._CLAUSE_PARTS.finditer(clauses)]


@pytest.mark.parametrize(
    "clauses",
    [
        "Section 47",  # the one shape read without the pattern
        "sections 26(1) and 26A(1)",
        "SECTIONS 12",
        "Chapters 3",
        "Section 47A",  # a letter after the number: the pattern
        "Section 1a2",  # a letter inside the number: the pattern reads "1a"
        "Part A1",  # no number first: the pattern reads nothing
        "Section  47",  # two spaces
        "Section\xa047",
        "Section ٤٧",  # digits other than 0-9
        "Sectionx 4",  # no unit
        "Sſction 4",  # a long s the pattern folds
        "paragraph 4 of Schedule 5",
        "s.17",
        "regs. 3 and 4",
    ],
)
def test_a_clause_is_read_as_the_pattern_reads_it(clauses: str) -> None:
    # Guards the shortcut for "Section 47": the same units and ids as the pattern's.
    assert _citations._clause_parts(clauses) == _clause_parts_by_pattern(clauses)


@hypothesis.given(
    unit=st.sampled_from([*sorted(_citations._PLAIN_UNITS), "Part", "SCHEDULES", "s", "sch."]),
    gap=st.sampled_from([" ", "  ", "", "\t"]),
    ids=st.text(alphabet="0129٣aA() ,", max_size=6),
)
def test_a_clause_is_read_as_the_pattern_reads_it_in_made_up_texts(
    unit: str, gap: str, ids: str
) -> None:
    clauses = unit + gap + ids
    assert _citations._clause_parts(clauses) == _clause_parts_by_pattern(clauses)
