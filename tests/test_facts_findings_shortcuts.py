"""The sentence split's, the findings' and the cross-references' shortcuts give what the
plain reading gives.

Each is checked against the computation it stands in for, written out here as it
was before: on cases naming the defect each guards against, on made-up texts
(Hypothesis) and on the passages of the fixtures' decisions.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

import hypothesis
import hypothesis.strategies as st
import pytest

import lgo_parse
from lgo_parse import Decision, Paragraph, Section
from lgo_parse._facts import _crossrefs, _findings
from lgo_parse._facts._text import _ABBREVIATION_ENDS, _ABBREVIATIONS, passages, sentences

FIXTURES = sorted((Path(__file__).parent / "fixtures").rglob("*.txt"))


def _passages() -> list[str]:
    found = []
    for path in FIXTURES:
        try:
            decision = lgo_parse.parse(path.read_text(encoding="utf-8"))
        except lgo_parse.ParseError:
            continue
        found += [passage.text for passage in passages(decision)]
    return found


PASSAGES = _passages()


# -- the sentence split --------------------------------------------------------------
# As first written: every end's text stripped, and the word before every end read.
_PLAIN_SENTENCE_END = re.compile(r"[.!?…](?<![.!?…].)[.!?…]*[’”\"')\]]*\s+(?=[A-Z0-9‘“\"'(£•-])")
_PLAIN_FULL_STOP_END = re.compile(r"\.(?<![.!?…].)[.!?…]*[’”\"')\]]*\s+(?=[A-Z0-9‘“\"'(£•-])")
_PLAIN_LAST_WORD = re.compile(r"([\w.]+)\.$")


def _plain_sentences(text: str) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    start = 0
    other_marks = "!" in text or "?" in text or "…" in text
    ends = _PLAIN_SENTENCE_END if other_marks else _PLAIN_FULL_STOP_END
    for end in ends.finditer(text):
        stop = end.start() + len(end.group().rstrip())
        word = _PLAIN_LAST_WORD.search(text, max(start, stop - 8), end.start() + 1)
        if word is not None and word.group(1).lower() in _ABBREVIATIONS:
            continue
        found.append((start, stop))
        start = end.end()
    if start < len(text.rstrip()):
        found.append((start, len(text.rstrip())))
    return found


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("See Mr. X. Then stop.", "an abbreviation's full stop is passed over"),
        ("See MRS. X. Then stop.", "in capitals too"),
        ("Under s. 17 Then.", "a one-letter abbreviation"),
        ("Say e.g. This and i.e. That.", "an abbreviation with a full stop inside it"),
        ("It was paid.’’’’’’ Then more.", "closing quotes narrow the word read to its last letter"),
        ("It was as.’’’’’’ Then more.", "a word narrowed to 's' reads as the abbreviation"),
        ("Paid £10. Then more.", "a digit before the full stop never ends an abbreviation"),
        ("Paid (in full). Then more.", "nor does a closing bracket"),
        ("Done! Mr. X said. Then.", "the marks other than the full stop"),
        (".A. B", "a full stop at the very start: no character before it"),
        ("x.\u2028Next.\x85Then.\u3000More.", "white space str.rstrip strips and the engine's \\s"),
        ("KELVIN \u212a. Next.", "a character that lower-cases to a letter ending no abbreviation"),
        ("Dr.  \n  Next. And", "the white space after the end"),
    ],
)
def test_the_sentence_split_is_the_plain_one_in_cases(text: str, why: str) -> None:
    assert sentences(text) == _plain_sentences(text), why


@hypothesis.settings(max_examples=500)
@hypothesis.given(st.text(alphabet=".!?…’”)]egisMrSTA1(“£ \n\u2028\u00a0"))
def test_the_sentence_split_is_the_plain_one(text: str) -> None:
    # Guards the shortcuts: the end read from the pattern's group, not from the stripped text,
    # and the word before a full stop read only after a letter an abbreviation ends with.
    assert sentences(text) == _plain_sentences(text)


def test_the_sentence_split_is_the_plain_one_on_the_fixtures() -> None:
    assert PASSAGES
    for text in PASSAGES:
        for variant in (text, text.lower(), text.upper(), text.replace(". ", "! ")):
            assert sentences(variant) == _plain_sentences(variant), variant[:80]


def test_every_character_that_can_end_an_abbreviation_is_read() -> None:
    # Guards the shortcut: a full stop after a character not in _ABBREVIATION_ENDS is an end
    # without reading the word before it; every character whose lower case ends one of
    # _ABBREVIATIONS (in any case, or another alphabet's letter that lowers to it) must be there.
    ends = {
        char
        for char in map(chr, range(sys.maxunicode + 1))
        if char.lower() and any(word.endswith(char.lower()) for word in _ABBREVIATIONS)
    }
    assert ends <= _ABBREVIATION_ENDS
    assert {"s", "S", "r", "R", "g", "v", "t"} <= _ABBREVIATION_ENDS


# -- the findings: fault and injustice read as far as a decisive match ----------------


def _plain_kind(
    pattern: _findings.Worded,
    text: str,
    reported: Callable[[int], bool],
    decisive: str,
    other: str,
    other_decides: bool,
) -> str | None:
    """What ``read`` first did: the set of every match's group, then the verdict."""
    kinds = {m.lastgroup for m in pattern.pattern.finditer(text) if not reported(m.start())}
    if decisive in kinds or (other in kinds and other_decides):
        return decisive
    return other if other in kinds else None


_READINGS = [
    (_findings._FAULT, "found", "no", False),
    (_findings._FAULT, "found", "no", True),
    (_findings._INJUSTICE, "caused", "none", False),
]


def _kinds_agree(text: str) -> None:
    stop = _findings._NOT_INVESTIGATED.pattern.search(text)
    found = _findings._search_not_investigated(text)
    assert (found and (found.span(), found.groups())) == (stop and (stop.span(), stop.groups()))
    low = text.lower()
    if len(low) == len(text) and not any(odd in low for odd in ("ı", "ſ", "\u0307")):
        for pattern in (_findings._FAULT, _findings._INJUSTICE, _findings._NOT_INVESTIGATED):
            # Every place a match can start is tried (not only finditer's).
            narrowed = _findings._narrowed(pattern, low)
            places = set(_findings._places(pattern, narrowed, text, low))
            starts = {at for at in range(len(text)) if pattern.pattern.match(text, at)}
            assert starts <= places, (text, sorted(starts - places))
    for pattern, decisive, other, other_decides in _READINGS:
        for reported in (_reported_never(), _reported_before(len(text) // 2)):
            plain = _plain_kind(pattern, text, reported, decisive, other, other_decides)
            read = _findings._first_kind(pattern, text, reported, decisive, other, other_decides)
            assert read == plain, (text, decisive)


def _reported_never() -> _findings._Before:
    """A ``_Before`` that finds no reported speech: that of an empty text."""
    return _findings._Before("")


def _reported_before(said: int) -> _findings._Before:
    """A ``_Before`` whose reported speech starts at ``said`` (a ``_Before``, as
    ``_first_kind`` takes in the compiled module, not a plain function)."""
    reported = _findings._Before("")
    reported._said = said
    return reported


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("We found fault by the Council.", "a finding of fault"),
        ("There was no fault. However, we found fault in how it wrote.", "no fault, then fault"),
        ("The casino evidence of fault was thin.", "a reason for not investigating inside a word"),
        (
            "The casino evidence of fault caused distress.",
            "a reason inside a word hides a finding after it",
        ),
        ("(the injustice) and ‘no injustice’ and “We found fault”", "a word after a mark"),
        ("We uphold the complaint. I uphold it.", "'we' and 'i' with the word they need"),
        ("We found that there was a delay.", "'there' with a delay"),
        ("There were errors; it failed; the school did not act.", "each word with what it needs"),
        ("It should have told her.", "'it' with 'should'"),
        ("The home was wrong. The agency was not entitled to.", "'home' and 'agency'"),
        ("This had not caused her any injustice.", "'had' with 'injustice'"),
        ("Some INJUSTICE was caused.", "the needed letters in capitals"),
        ("It is unlikely we would find fault; there is little evidence of fault.", "'fault'"),
        ("The delay amounts to fault, which is fault; it may be at fault.", "'fault' again"),
        ("There was no maladministration; we did not uphold it.", "'no' and 'not' without 'fault'"),
        ("There has been maladministration; were service failures", "'was' without 'fault'"),
        ("They agreed a remedy; a suitable REMEDY; further remedy.", "'agreed' with 'remedy'"),
        ("The distress this caused; the trouble caused.", "'distress' with 'caused'"),
        ("The outcome would have been the same.", "'outcome' with 'same'"),
        ("It has already apologised.", "'has' with 'apologised'"),
        ("We won’t investigate; we can’t investigate.", "'won' and 'can' with 'n’t'"),
        ("We decided not to investigate. We cannot investigate.", "'decided' and 'cannot'"),
        ("We stopped investigating; we ended our investigation.", "'stopped' and 'ended'"),
        ("There is no power to investigate; the investigation has ended.", "'no', 'investigation'"),
        ("We will not be taking this complaint further.", "'will' with 'not'"),
        ("It has not caused her any injustice.", "'has' with 'injustice'"),
        ("Unlikely we would find fault; we found fault.", "a reason before a finding"),
        ("Thefault was found. Itwas at fault.", "no finding starts inside a word"),
        ("We did not find fault but found fault.", "no fault, then fault in one sentence"),
        ("The fault caused her distress.", "injustice caused"),
        ("Because of this, no injustice was caused.", "'caus' inside 'because' is no place"),
        ("It did not cause injustice. The fault caused distress.", "none, then caused"),
        ("_the injustice and X_no injustice", "an underscore is a word's letter for \\b"),
        ("ſome injustice; İt was at fault.", "odd case folds: read the plain way"),
    ],
)
def test_the_first_decisive_kind_is_the_plain_verdict_in_cases(text: str, why: str) -> None:
    _kinds_agree(text)


_WORDS = sorted(
    {word.strip() for pattern in (_findings._FAULT, _findings._INJUSTICE) for word in pattern.words}
    | {"evidence", "of", "fault", "injustice", "caused", "distress", "find", "at", "Mr", "X"}
    | {w.strip() for w in _findings._NOT_INVESTIGATED.words}
    | {"investigate", "investigating", "won’t", "won't", "cannot", "power", "to", "our"}
    | {
        letters
        for needs in (
            _findings._FAULT_NEEDS,
            _findings._INJUSTICE_NEEDS,
            _findings._NOT_INVESTIGATED_NEEDS,
        )
        for _, needed in needs
        for letters in needed
    }
)


@hypothesis.settings(max_examples=300)
@hypothesis.given(
    st.lists(
        st.tuples(
            st.sampled_from(_WORDS),
            st.sampled_from(("", " ", " ", "  ", "\n", "’", "_", "x", ". ", "ı")),
            st.sampled_from(("lower", "upper", "title")),
        ),
        max_size=12,
    )
)
def test_the_first_decisive_kind_is_the_plain_verdict(
    pieces: list[tuple[str, str, str]],
) -> None:
    # Guards the shortcuts: a place inside a word is passed over unless a reason for not
    # investigating may start there, and the matches are read only up to a decisive one.
    text = "".join(getattr(word, case)() + glue for word, glue, case in pieces)
    _kinds_agree(text)


def test_the_first_decisive_kind_is_the_plain_verdict_on_the_fixtures() -> None:
    for text in PASSAGES:
        for start, end in sentences(text):
            _kinds_agree(text[start:end])
            _kinds_agree(text[start:end].lower())


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (_findings._FAULT, _findings._FAULT_NEEDS),
        (_findings._INJUSTICE, _findings._INJUSTICE_NEEDS),
        (_findings._NOT_INVESTIGATED, _findings._NOT_INVESTIGATED_NEEDS),
    ],
)
def test_a_narrowed_pattern_lacks_the_words_whose_letters_are_missing(
    pattern: _findings.Worded,
    needs: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...],
) -> None:
    # Guards the narrowing against dropping a word no set of needs names, or a word the
    # pattern does not have (a misspelt word would narrow nothing).
    narrowed = [_findings._narrowing(pattern, needs, bits) for bits in range(1 << len(needs))]
    assert narrowed[0].words == pattern.words
    for words, _ in needs:
        assert set(words) <= set(pattern.words)
    everything = {word for words, _ in needs for word in words}
    assert set(narrowed[-1].words) == (set(pattern.words) - everything or {"\0"})
    assert all(n.pattern is pattern.pattern for n in narrowed)


_LETTERS = sorted(
    {
        letters
        for needs in (_findings._FAULT_NEEDS, _findings._INJUSTICE_NEEDS)
        for _, needed in needs
        for letters in needed
    }
)


@hypothesis.given(st.lists(st.sampled_from(_LETTERS), max_size=8))
def test_the_needs_written_out_are_the_needs(pieces: list[str]) -> None:
    # Guards _fault_bits and _injustice_bits against drifting from _FAULT_NEEDS and
    # _INJUSTICE_NEEDS: each set of words is dropped exactly when its letters are missing.
    low = " ".join(pieces)
    assert _findings._fault_bits(low) == _findings._needs_bits(_findings._FAULT_NEEDS, low)
    assert _findings._injustice_bits(low) == _findings._needs_bits(_findings._INJUSTICE_NEEDS, low)


def test_the_needs_written_out_are_the_needs_for_each_letters_alone() -> None:
    for letters in ["", *_LETTERS]:
        for low in (letters, f"x {letters} y"):
            assert _findings._fault_bits(low) == _findings._needs_bits(_findings._FAULT_NEEDS, low)
            assert _findings._injustice_bits(low) == _findings._needs_bits(
                _findings._INJUSTICE_NEEDS, low
            )


def test_a_long_text_is_read_the_plain_way() -> None:
    # Guards the bound: a text past it is read by Worded.finditer, a window at a time.
    text = "x " * 5000 + "We found no fault. The casino evidence of fault. We found fault."
    assert len(text) > _findings._LONGEST_SENTENCE_READ
    _kinds_agree(text)


# -- the findings: reported speech, read only before the offset asked about --------------


def _plain_reported(text: str, at: int) -> bool:
    """What ``_Before`` first did: the first reported speech of the whole text."""
    said = _findings._REPORTED.pattern.search(text)
    finder = _findings._FINDER.search(text) if said is not None else None
    first = (
        said.start()
        if said is not None and (finder is None or finder.start() > said.start())
        else None
    )
    return first is not None and first < at


def _reported_agrees(text: str) -> None:
    offsets = list(range(len(text) + 1))
    for order in (offsets, offsets[::-1], offsets[::3] + offsets[1::3] + offsets[2::3]):
        reported = _findings._reported(text)
        for at in order:
            assert reported(at) is _plain_reported(text, at), (text, at)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Mrs X says the Council was at fault.", "reported speech first"),
        ("We found fault. Mrs X says otherwise.", "a finder first"),
        ("Mrs X complained and we found fault.", "reported speech, then a finder"),
        ("The Council's resayings were at fault.", "no reported speech inside a word"),
        ("Mr X felt the Ombudsman should say.", "the Ombudsman after reported speech"),
        ("ſhe ſays so. Mrs X SAYS.", "odd case folds: read the plain way"),
        ("", "an empty text"),
    ],
)
def test_reported_speech_is_the_plain_one_in_cases(text: str, why: str) -> None:
    _reported_agrees(text)


@hypothesis.settings(max_examples=200)
@hypothesis.given(
    st.lists(
        st.tuples(
            st.sampled_from(
                sorted(
                    {w.strip() for w in _findings._REPORTED.words}
                    | {"we", "I", "Ombudsman", "investigation", "fault", "Mrs", "x", "that"}
                )
            ),
            st.sampled_from(("", " ", "  ", "\n", "’", "_", ". ")),
            st.sampled_from(("lower", "upper", "title")),
        ),
        max_size=10,
    )
)
def test_reported_speech_is_the_plain_one(pieces: list[tuple[str, str, str]]) -> None:
    # Guards the lazy reading: only the places before the offset asked about are tried,
    # each once, in whatever order offsets are asked about.
    _reported_agrees("".join(getattr(word, case)() + glue for word, glue, case in pieces))


def test_reported_speech_is_the_plain_one_on_the_fixtures() -> None:
    for text in PASSAGES[:400]:
        for start, end in sentences(text):
            sentence = text[start:end]
            reported = _findings._reported(sentence)
            for at in range(0, len(sentence) + 1, 7):
                assert reported(at) is _plain_reported(sentence, at), sentence


# -- the findings: what is read before the reading stops --------------------------------

_STOPS_IN_SUMMARY = "We found fault by the Council. This caused Mrs X distress."


@pytest.mark.parametrize(
    ("decision", "expected", "why"),
    [
        (
            Decision(
                summary=_STOPS_IN_SUMMARY,
                sections=[Section("Final decision", [Paragraph("We found no fault.")])],
            ),
            (True, "found", "caused", ()),
            "a summary that settles it: the final decision is not read",
        ),
        (
            Decision(
                sections=[
                    Section("Final decision", [Paragraph("We found no fault.")]),
                    Section("Analysis", [Paragraph("We found fault by the Council.")]),
                ]
            ),
            (True, "not found", None, ()),
            "no summary: the final decision settles it, the analysis is not read",
        ),
        (
            Decision(
                summary="Mrs X complains about her care.",
                sections=[
                    Section("Final decision", []),
                    Section("Analysis", [Paragraph("We found fault by the Council.")]),
                ],
            ),
            (True, "found", None, ()),
            "a final decision without sentences: the analysis is read",
        ),
        (
            Decision(
                summary="We will not investigate Mrs X's complaint.",
                sections=[
                    Section(
                        "Final decision",
                        [Paragraph("We will not investigate because it is late.")],
                    )
                ],
            ),
            (False, None, None, ("late",)),
            "a stop without a reason does not settle it: the final decision gives the reason",
        ),
    ],
)
def test_the_reading_stops_where_it_is_settled(
    decision: Decision, expected: tuple[bool, str | None, str | None, tuple[str, ...]], why: str
) -> None:
    found = _findings.find_findings(decision)
    fault = found.fault.value if found.fault is not None else None
    injustice = found.injustice.value if found.injustice is not None else None
    reasons = tuple(reason.value for reason in found.reasons)
    assert (found.investigated, fault, injustice, reasons) == expected, why


@pytest.mark.parametrize(
    ("text", "fault", "why"),
    [
        ("It did\tnot tell her.", None, "'did not' with a tab, and no other word: not read"),
        ("It did\tnot tell her the outcome.", "found", "with an injustice word: read"),
        ("It should\nhave told her.", None, "'should have' across a line, alone: not read"),
        ("It should\nhave told her; we considered it.", "found", "with an investigation word"),
        ("It did  not tell her. It did not tell him.", "found", "the plain 'did not' is read"),
    ],
)
def test_a_sentence_is_read_for_fault_only_when_it_says_something(
    text: str, fault: str | None, why: str
) -> None:
    # Guards the gates tested only when their answer can matter: "did\s+not" and
    # "should\s+have" count only in a sentence holding one of the words read.
    found = _findings.find_findings(Decision(summary=text)).fault
    assert (found.value if found is not None else None) == fault, why


def test_the_reasons_read_once_are_those_read_again() -> None:
    # Guards the kept reasons: read again after more sentences, they are read afresh.
    seen = _findings._Seen()
    stop = _findings._Sentence("We will not investigate.", None, 0, 24, "summary", 0)
    seen.sentences.append(stop)
    seen.read(stop)
    assert seen.given_reasons() == ((), [])
    late = _findings._Sentence("The complaint is late.", None, 0, 22, "summary", 1)
    seen.sentences.append(late)
    seen.read(late)
    reasons, _ = seen.given_reasons()
    assert reasons == (_findings.Reason.LATE,)
    # (Compiled, a pair returned is made afresh for each call: its parts are the kept ones.)
    again, kept = seen.given_reasons(), seen.given_reasons()
    assert again[0] is kept[0] and again[1] is kept[1]


# -- the cross-references ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mr X complains. See paragraph 1.",
        "See paragraphs 1 to 9 and para 40.",
    ],
)
def test_a_reference_names_the_paragraph_the_decision_looks_up(text: str) -> None:
    # Guards the look-up: a paragraph the decision lacks is no target, not an error.
    decision = Decision(sections=[Section("The complaint", [Paragraph("One."), Paragraph(text)])])
    for number in range(0, 45):
        try:
            expected: Paragraph | None = decision.paragraph(number)
        except KeyError:
            expected = None
        assert _crossrefs._target(decision, number) is expected
    assert [r.target for r in _crossrefs.find_cross_references(decision)][:1] == [
        decision.paragraph(1)
    ]


@hypothesis.settings(max_examples=300)
@hypothesis.given(
    st.lists(
        st.sampled_from(
            [
                "NPPF",
                "guidance",
                "Guidance",
                "Code",
                "report",
                "’s",
                "at",
                "in",
                "under",
                "see",
                "seen",
                "cat",
                " ",
                "  ",
                "\n",
                "\u2028",
                ",",
                ".",
                "x",
                "paragraph",
            ]
        ),
        max_size=14,
    )
)
def test_a_document_is_looked_for_before_a_reference_only_where_it_can_be(
    pieces: list[str],
) -> None:
    # Guards the cheap test before _DOCUMENT_BEFORE: it must hold wherever the pattern
    # matches the 60 characters before a reference.
    text = "".join(pieces)
    for start in range(len(text) + 1):
        plain = _crossrefs._DOCUMENT_BEFORE.search(text, max(0, start - 60), start)
        if plain is not None:
            assert _crossrefs._may_follow_a_document(text, start), (text, start)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The NPPF says at ", True),
        ("The guidance, in\n", True),
        ("Under the Code, see ", True),
        ("The report’s findings, under  ", True),
        ("The guidance, at", False),
        ("The guidance says ", False),
        ("", False),
    ],
)
def test_a_document_is_looked_for_in_cases(text: str, expected: bool) -> None:
    assert _crossrefs._may_follow_a_document(text, len(text)) is expected
    plain = _crossrefs._DOCUMENT_BEFORE.search(text, max(0, len(text) - 60), len(text))
    assert (plain is not None) is expected
