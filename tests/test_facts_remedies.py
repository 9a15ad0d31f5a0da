"""Remedies: kind, sum, recipient and deadline, read from where the statement agrees them."""

from __future__ import annotations

import re
from decimal import Decimal

import hypothesis
import pytest
from facts_cases import built, case, compact, parsed, web, words_at

import lgo_parse
from lgo_parse._facts import RemedyKind, _remedies, find_remedies
from lgo_parse._facts._patterns import Gated, Started, Worded
from lgo_parse._facts._text import sentences

APOLOGY = RemedyKind.APOLOGY
PAYMENT = RemedyKind.PAYMENT
PROCEDURE = RemedyKind.PROCEDURE_CHANGE
TRAINING = RemedyKind.TRAINING
EVIDENCE = RemedyKind.EVIDENCE_OF_COMPLIANCE
OTHER = RemedyKind.OTHER

Row = tuple[RemedyKind, "str | None", "str | None", "str | None"]
"""(kind, sum, recipient, deadline as str)."""

AGREED = [
    case(
        "parent's deadline applies to its bullets; apologise and pay is two remedies",
        [
            (
                "Within four weeks of my final decision, the Council has agreed to take "
                "the following action.",
                [
                    "Apologise and pay £1000 to Mrs Y in recognition of the distress caused.",
                    "Write to Mrs Y to confirm the outcome of the referral.",
                ],
            )
        ],
        [
            (APOLOGY, None, "Mrs Y", "within 4 weeks of final decision"),
            (PAYMENT, "1000", "Mrs Y", "within 4 weeks of final decision"),
            (OTHER, None, "Mrs Y", "within 4 weeks of final decision"),
        ],
    ),
    case(
        "one sentence holding an apology and a payment to 'her'",
        [
            "The Council has agreed that within one month of my final decision it will apologise "
            "to Miss X for its poor communication and pay her £300 to recognise the distress."
        ],
        [
            (APOLOGY, None, "Miss X", "within 1 month of final decision"),
            (PAYMENT, "300", "Miss X", "within 1 month of final decision"),
        ],
    ),
    case(
        "each item's own deadline",
        [
            "For the Council to apologise for the fault in this statement within a month "
            "of the date of my decision.",
            "For the Council to make a payment of £450 to Ms J in relation to her time, trouble "
            "and distress within two months of the date of my decision.",
        ],
        [
            (APOLOGY, None, None, "within 1 month of decision"),
            (PAYMENT, "450", "Ms J", "within 2 months of decision"),
        ],
    ),
    case(
        "£10.50 must not become £10",
        ["The Council will pay Mr X £10.50 within 20 working days."],
        [(PAYMENT, "10.50", "Mr X", "within 20 working days")],
    ),
    case(
        "£1,000 is one thousand pounds",
        ["The Council will pay Mr X £1,000."],
        [(PAYMENT, "1000", "Mr X", None)],
    ),
    case(
        "a breakdown in brackets is not more payments",
        ["Pay Mr X £300 (£200 for distress and £100 for time and trouble) within one month."],
        [(PAYMENT, "300", "Mr X", "within 1 month")],
    ),
    case(
        "two sums to two people",
        ["Pay Mrs Y £250 and Mr Z £100."],
        [(PAYMENT, "250", "Mrs Y", None), (PAYMENT, "100", "Mr Z", None)],
    ),
    case(
        "a range in the guidance is not the payment",
        ["The Council will pay Mr X £150, in line with our guidance of between £100 and £300."],
        [(PAYMENT, "150", "Mr X", None)],
    ),
    case(
        "a payment with no sum",
        ["The Council will reimburse Mr X’s costs."],
        [(PAYMENT, None, "Mr X", None)],
    ),
    case(
        "service improvements by kind; the deadline is in the item's second sentence",
        [
            "For the Council to change its procedures so parents are asked for consent. "
            "The Council is asked to tell me what action it will take within four months "
            "of the date of my decision.",
            "Deliver a staff training session on information sharing.",
            "The Council will provide us with evidence it has complied with the above actions.",
            "For the Council to ensure social workers ask for information before an assessment.",
        ],
        [
            (PROCEDURE, None, None, "within 4 months of decision"),
            (TRAINING, None, None, None),
            (EVIDENCE, None, None, None),
            (PROCEDURE, None, None, None),
        ],
    ),
    case(
        "the earliest cue wins: a copy of training minutes is evidence",
        ["Provide a copy of the minutes of the meeting in which the Council shared learning."],
        [(EVIDENCE, None, None, None)],
    ),
    case(
        "later sentences explain the action and add no kind",
        [
            "Write to Mrs Y to confirm the outcome. The Council will ensure it shares only the "
            "information which is appropriate, in line with its procedures."
        ],
        [(OTHER, None, "Mrs Y", None)],
    ),
    case(
        "an apology repeated in one item is one apology",
        ["Apologise to Mr X. The apology should accept the fault."],
        [(APOLOGY, None, "Mr X", None)],
    ),
    case(
        "the items under 'apologise for the following faults' are faults, not actions",
        [
            (
                "Within one month, the Council will apologise to Mr X for the following faults:",
                ["delay;", "poor communication."],
            )
        ],
        [(APOLOGY, None, "Mr X", "within 1 month")],
    ),
    case(
        "an introduction that names a payment after 'the following' is not a payment",
        [
            (
                "The Council has agreed to take the following action, which includes a payment:",
                ["pay Mr X £200."],
            )
        ],
        [(PAYMENT, "200", "Mr X", None)],
    ),
]


def rows(decision: lgo_parse.Decision) -> list[Row]:
    return [
        (
            r.kind,
            None if r.amount is None else str(r.amount),
            r.recipient,
            None if r.deadline is None else str(r.deadline),
        )
        for r in decision.remedies
    ]


@pytest.mark.parametrize(("blocks", "expected"), AGREED)
def test_agreed_action(blocks: list[str], expected: list[Row]) -> None:
    text = web(("What I found", ["The Council was at fault."]), ("Agreed action", blocks))
    decision = parsed(text)
    assert rows(decision) == expected
    for remedy in decision.remedies:
        assert words_at(text, remedy.span) == remedy.text
        if remedy.deadline is not None:
            assert words_at(text, remedy.deadline.span) == remedy.deadline.text
        assert isinstance(remedy.amount, (Decimal, type(None)))


@pytest.mark.parametrize(("blocks", "expected"), AGREED)
def test_agreed_action_built_in_code(blocks: list[str], expected: list[Row]) -> None:
    decision = built(("Agreed action", blocks))
    assert rows(decision) == expected
    assert all(r.span is None for r in decision.remedies)


def test_paragraph_level_bullets_take_the_paragraph_deadline() -> None:
    text = (
        "Example Council (23 013 577)\n\nAgreed action\n\n"
        "  1. To address the injustice, the Council has agreed to take the following action "
        "within one month of the final decision:\n"
        "  • Provide an apology to Mrs X.\n"
        "  1. The Council has also agreed to take the following action "
        "within two months of the final decision:\n"
        "  • Create an addendum to the assessment, and\n"
        "  • Share the addendum.\n"
    )
    assert rows(parsed(text)) == [
        (APOLOGY, None, "Mrs X", "within 1 month of final decision"),
        (OTHER, None, None, "within 2 months of final decision"),
        (OTHER, None, None, "within 2 months of final decision"),
    ]


def test_compact_layout_list_after_a_colon() -> None:
    text = compact(
        (
            "Agreed action",
            ["Within one month the Council will:", "apologise to Mr X; and", "pay Mr X £10.50."],
        ),
        ("Final decision", ["I have completed my investigation."]),
    )
    assert rows(parsed(text)) == [
        (APOLOGY, None, "Mr X", "within 1 month"),
        (PAYMENT, "10.50", "Mr X", "within 1 month"),
    ]


def test_recommended_action_is_read_like_agreed_action() -> None:
    text = web(("Recommended action", ["Within one month the Council should apologise to Mr X."]))
    assert rows(parsed(text)) == [(APOLOGY, None, "Mr X", "within 1 month")]


def test_summary_and_final_decision_do_not_double_count() -> None:
    text = web(
        (
            "Agreed action",
            ["Within one month the Council will apologise to Mr X and pay him £200."],
        ),
        ("Final decision", ["The Council has agreed to apologise and to make a payment."]),
        summary="Mr X complains. The Council has agreed to apologise and pay Mr X £200.",
    )
    assert rows(parsed(text)) == [
        (APOLOGY, None, "Mr X", "within 1 month"),
        (PAYMENT, "200", "Mr X", "within 1 month"),
    ]


def test_remedy_stated_only_in_the_summary() -> None:
    text = web(
        ("Final decision", ["I have completed my investigation."]),
        summary="Mr X complained. The Council has agreed to apologise and pay Mr X £200.",
    )
    decision = parsed(text)
    assert rows(decision) == [(APOLOGY, None, "Mr X", None), (PAYMENT, "200", "Mr X", None)]
    assert all(words_at(text, r.span) == r.text for r in decision.remedies)


def test_final_decision_adds_a_kind_the_agreed_action_lacks() -> None:
    text = web(
        ("Agreed action", ["Within one month the Council will apologise to Mr X."]),
        (
            "Final decision",
            ["The Council has agreed to apologise to Mr X. It will also review its policy."],
        ),
    )
    assert rows(parsed(text)) == [
        (APOLOGY, None, "Mr X", "within 1 month"),
        (PROCEDURE, None, None, None),
    ]


@pytest.mark.parametrize(
    ("summary", "findings"),
    [
        case(
            "an earlier offer is not a remedy",
            "Mr X complains.",
            "Mr X was offered £250 at Stage Two.",
        ),
        case(
            "the Ombudsman's guidance range is not a remedy",
            "Mr X complains.",
            "Our guidance says we normally look at between £100 and £300.",
        ),
        case(
            "a finding that the Council agreed to pay is not the agreed action",
            "Mr X complains.",
            "The Council has agreed to pay Mr X £300 and apologise to him.",
        ),
        case(
            "'should have' in the summary is a finding, not a remedy",
            "Mr X complains. The Council should have apologised and followed its procedures.",
            "The Council was at fault.",
        ),
        case(
            "a remedy without a kind adds nothing",
            "Mr X complains. The Council has agreed to provide a remedy.",
            "The Council was at fault.",
        ),
    ],
)
def test_not_a_remedy(summary: str, findings: str) -> None:
    text = web(
        ("What I found", [findings]),
        ("Final decision", ["I have completed my investigation."]),
        summary=summary,
    )
    assert parsed(text).remedies == ()


def test_facts_are_not_computed_by_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    import lgo_parse._facts._remedies

    def refuse(context: object) -> tuple[()]:
        raise AssertionError("facts computed")

    # The registry looks the finder up by name when the fact is first asked for.
    monkeypatch.setattr(lgo_parse._facts._remedies, "read_remedies", refuse)
    decision = parsed(web(("Agreed action", ["Pay Mr X £1."])))
    with pytest.raises(AssertionError, match="facts computed"):
        _ = decision.remedies


def test_remedies_are_computed_once() -> None:
    decision = parsed(web(("Agreed action", ["Pay Mr X £1."])))
    assert decision.remedies is decision.remedies
    assert find_remedies(decision) == decision.remedies


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        case(
            "'Mr.' does not end a sentence",
            "Apologise to Mr. X for the delay. Pay him £200.",
            ["Apologise to Mr. X for the delay.", "Pay him £200."],
        ),
        case(
            "'e.g.' and 's.' do not end a sentence",
            "Pay by e.g. cheque under s. 17 of the Act. Then stop.",
            ["Pay by e.g. cheque under s. 17 of the Act.", "Then stop."],
        ),
        case(
            "£10.50 does not end a sentence", "Pay £10.50 now. Done.", ["Pay £10.50 now.", "Done."]
        ),
        case(
            "a closing quotation mark stays with its sentence",
            "It said “sorry.” The Council agreed.",
            ["It said “sorry.”", "The Council agreed."],
        ),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in sentences(text)] == expected


def test_recipient_after_an_abbreviated_title() -> None:
    decision = built(("Agreed action", ["Apologise to Mr. X for the delay. Pay him £200."]))
    assert [(r.kind, r.recipient, r.text) for r in decision.remedies] == [
        (APOLOGY, "Mr X", "Apologise to Mr. X for the delay."),
        (PAYMENT, "Mr X", "Pay him £200."),
    ]


STATED: list[tuple[str, str, list[tuple[str, str | None]]]] = [
    ("two payments in one summary sentence are two remedies, not one per kind",
     "It has agreed to pay Mrs X £250 and to waive fees of £181.",
     [("payment", "250"), ("payment", "181")]),
    ("a sum named beside an apology is a payment",
     "An apology and £50 are a satisfactory remedy.",
     [("apology", None), ("payment", "50")]),
    ("each listed action is a remedy",
     "The Council has agreed to apologise, complete Ms X's support plan and make a payment.",
     [("apology", None), ("payment", None), ("other", None)]),
    ("service improvements",
     "The Council will apologise and make service improvements.",
     [("apology", None), ("procedure change", None)]),
    ("what it will do in future is a change of procedure",
     "The Council will also identify what it needs to do to keep proper records in future.",
     [("procedure change", None)]),
    ("explaining to the Ombudsman is evidence of compliance",
     "The Council will explain to the Ombudsman the actions taken.",
     [("evidence of compliance", None)]),
    ("an apology already made",
     "The Council apologised for this.", [("apology", None)]),
    ("an action that names no kind adds nothing",
     "The Council has agreed to provide a remedy.", []),
]  # fmt: skip


@pytest.mark.parametrize(
    ("summary", "expected"), [s[1:] for s in STATED], ids=[s[0] for s in STATED]
)
def test_remedies_stated_in_the_summary(
    summary: str, expected: list[tuple[str, str | None]]
) -> None:
    remedies = lgo_parse.Decision(summary=summary).remedies
    found = sorted(
        ((r.kind.value, None if r.amount is None else str(r.amount)) for r in remedies), key=str
    )
    assert found == sorted(expected, key=str)


@pytest.mark.parametrize(
    ("summary", "expected"),
    [
        # Guards against "will not investigate ... not to pay" read as an agreed payment.
        ("We will not investigate the Council's decision not to pay compensation.", []),
        # Guards against the complainant's own agreement in the story.
        ("Mrs X complained the Council failed to pay after she agreed to provide care.", []),
        # Guards against a policy mentioned late in a clause read as a change of procedure.
        ("The Council agreed to reopen the case and provide him with information about its "
         "policy.", [("other", None)]),
        # The actions may stand before the words that accept them.
        ("An apology and a reminder to officers is a satisfactory remedy.",
         [("apology", None), ("training", None)]),
    ],
)  # fmt: skip
def test_stated_sentences_that_are_not_remedies(
    summary: str, expected: list[tuple[str, str | None]]
) -> None:
    remedies = lgo_parse.Decision(summary=summary).remedies
    found = sorted(((r.kind.value, None) for r in remedies), key=str)
    assert found == sorted(expected, key=str)


# -- the cheap tests before the slow case-insensitive patterns --------------------------------
_GATED = [
    *(g for g in vars(_remedies).values() if isinstance(g, (Gated, Worded))),
    *(g for g, _ in _remedies._SERVICE_GATED),
]
# Words that match, words that nearly do, and the characters a case-insensitive
# pattern folds differently from str.lower (dotless ı, long ſ, dotted İ, Kelvin K).
_WORDS = [
    "apologise",
    "APOLOGISED",
    "Apology",
    "paid",
    "PAYS",
    "payment",
    "repay",
    "reimburse",
    "refunded",
    "compensate",
    "financial",
    "remedy",
    "symbolic",
    "sum",
    "waive",
    "write",
    "off",
    "reduce",
    "the",
    "fee",
    "by",
    "agreed",
    "asked",
    "to",
    "will",
    "not",
    "should",
    "have",
    "recommends",
    "must",
    "suitable",
    "remedy",
    "to",
    "remedy",
    "apologised",
    "the",
    "following",
    ":",
    "training",
    "briefing",
    "reminder",
    "to",
    "remind",
    "staff",
    "made",
    "aware",
    "shared",
    "learning",
    "lessons",
    "learnt",
    "provide",
    "us",
    "with",
    "evidence",
    "send",
    "a",
    "copy",
    "tell",
    "me",
    "what",
    "action",
    "report",
    "back",
    "explain",
    "to",
    "us",
    "procedures",
    "policy",
    "process",
    "guidance",
    "protocol",
    "practice",
    "timescales",
    "quality",
    "assurance",
    "leaflet",
    "ensure",
    "reviewed",
    "improve",
    "change",
    "amend",
    "update",
    "revise",
    "introduce",
    "now",
    "our",
    "paıd",
    "reımburse",
    "ſymbolic",
    "İmprove",
    "wrıte",
    "Kelvın",
    "aſked",
    "ſhould",
    "reminderſ",
    "the",
    "Council",
    "Mr",
    "X",
]


@hypothesis.given(
    hypothesis.strategies.lists(hypothesis.strategies.sampled_from(_WORDS), max_size=8),
    hypothesis.strategies.sampled_from(_GATED),
)
def test_a_gated_pattern_finds_what_the_pattern_finds(
    words: list[str], gated: Gated | Worded
) -> None:
    # Guards the speed-up: a substring test that turned away a matching text would lose a remedy.
    text = " ".join(words)
    # Against the plain pattern, under the started one (tried only where its words start).
    plain = gated.pattern.pattern if isinstance(gated.pattern, (Started, Worded)) else gated.pattern
    found, expected = gated.search(text), plain.search(text)
    assert (found and found.span()) == (expected and expected.span())
    assert [m.span() for m in gated.finditer(text)] == [m.span() for m in plain.finditer(text)]


def _service_kind_of_the_three(sentence: str) -> RemedyKind | None:
    """The earliest of training, evidence and procedure, searched one by one (ties: that order)."""
    best: tuple[int, RemedyKind] | None = None
    for gated, kind in _remedies._SERVICE_GATED:
        match = gated.search(sentence)
        if match is not None and (best is None or match.start() < best[0]):
            best = (match.start(), kind)
    return best[1] if best is not None else None


SERVICE_CASES = [
    # (sentence, why): each a way one search of the three could part from three searches.
    ("Train staff and review the policy.", "training before a procedure"),
    ("Review the policy and train staff.", "a procedure before training"),
    ("Provide evidence of the training.", "evidence before training"),
    ("Send us a copy of the procedure.", "evidence before a procedure"),
    ("Its practice: remind staff.", "a procedure first, then training"),
    ("The Council will remind its staff, update our guidance and report back.", "three"),
    ("Nothing here.", "none"),
]


@pytest.mark.parametrize(("sentence", "why"), SERVICE_CASES, ids=[c[1] for c in SERVICE_CASES])
def test_one_service_search_gives_the_earliest_of_the_three_in_cases(
    sentence: str, why: str
) -> None:
    for text in (sentence, sentence.lower(), sentence.upper()):
        expected = _service_kind_of_the_three(text)
        assert _remedies._service_kind(text, weak=False) is expected, why


@hypothesis.given(
    hypothesis.strategies.lists(hypothesis.strategies.sampled_from(_WORDS), max_size=10)
)
def test_one_service_search_gives_the_earliest_of_the_three(words: list[str]) -> None:
    # Guards the combined pattern: a kind lost, or a later cue taken before an earlier one.
    text = " ".join(words)
    assert _remedies._service_kind(text, weak=False) is _service_kind_of_the_three(text)


def test_one_service_search_gives_the_earliest_of_the_three_in_the_corpus(
    seed_texts: dict[str, str],
) -> None:
    checked = 0
    for text in seed_texts.values():
        decision = lgo_parse.parse(text)
        for section in decision.walk():
            for block in section.blocks:
                for start, end in sentences(block.text):
                    sentence = block.text[start:end]
                    expected = _service_kind_of_the_three(sentence)
                    assert _remedies._service_kind(sentence, weak=False) is expected, sentence
                    checked += expected is not None
    assert checked > 10


PRONOUN_CASES = [
    "pay her £5 and him £6, then them",
    "them her him",  # the words' places merged in order, not word by word
    "her_ _her 2her her² éher heré",  # a digit, "_" or a letter joins a word
    "her\u0301 \u00a0him\u00a0",  # a combining mark or a no-break space does not
    "other, whim, anthem, theme, herself, Her, HIM",
    "her’s (her) -her- her_ 1her her1 them.",
    "",
    "her",
]


@pytest.mark.parametrize("text", PRONOUN_CASES)
def test_the_pronouns_are_what_the_pattern_finds_in_cases(text: str) -> None:
    plain = re.compile(_remedies._PRONOUN_AS_WRITTEN)
    assert _remedies._pronouns(text) == [m.start() for m in plain.finditer(text)]


@hypothesis.given(hypothesis.strategies.text(alphabet="hertimo _-’'1²éH.\u0301\u00a0", max_size=30))
def test_the_pronouns_are_what_the_pattern_finds(text: str) -> None:
    # Guards the speed-up: the word boundaries read by hand must be the engine's (a digit,
    # "_" or an accented letter is a word character, a combining mark is not), and the
    # three words' places merged in order.
    plain = re.compile(_remedies._PRONOUN_AS_WRITTEN)
    assert _remedies._pronouns(text) == [m.start() for m in plain.finditer(text)]


def _texts_walked(section: lgo_parse.Section) -> list[str]:
    def nested(items: tuple[lgo_parse.ListItem, ...]) -> list[str]:
        return [text for item in items for text in (item.text, *nested(item.items))]

    return [
        text
        for part in section.walk()
        for block in part.blocks
        for text in (block.text, *nested(getattr(block, "items", ())))
    ]


def test_the_units_of_a_section_are_its_texts_as_the_model_walks_them() -> None:
    # Guards the walk written out in _units: the section's own blocks, then each
    # sub-section's, with every nested item in order (and a sub-sub-section's where
    # ``Section.walk`` gives it).
    inner = lgo_parse.Section("Inner", [lgo_parse.Paragraph("Pay Mr X £5.")])
    section = lgo_parse.Section(
        "Agreed action",
        [
            lgo_parse.Paragraph(
                "The Council will:",
                items=[lgo_parse.ListItem("apologise;", items=[lgo_parse.ListItem("today")])],
            ),
            lgo_parse.LooseLine("A loose line."),
        ],
        subsections=[
            lgo_parse.Section("Sub", [lgo_parse.Paragraph("Review its policy.")], [inner]),
        ],
    )
    units = [unit.text for unit in _remedies._units(section)]
    assert units == _texts_walked(section)
    assert units[:3] == ["The Council will:", "apologise;", "today"]


@pytest.mark.parametrize("marker", ["-", "1.", "•", "", "--", "- "])
def test_a_compact_item_is_read_from_its_marker_as_the_model_reads_it(marker: str) -> None:
    # Guards _units, which reads a dash from the marker itself: the model's kind of a
    # paragraph with that marker must agree.
    text = "The Council will:"
    try:
        paragraph = lgo_parse.Paragraph(text, marker=marker)
    except ValueError:
        return  # a marker the model refuses
    assert (paragraph.marker == "-") is (paragraph.kind is lgo_parse.ItemKind.DASH)
