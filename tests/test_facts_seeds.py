"""Facts of the five seed statements against a hand count, with precision and recall.

How the hand count was made: each seed was read in full (``cat`` of the file,
not the parser's output). For remedies, every line of the Agreed action
section was read, with its nested and paragraph-level bullets, then the
summary and the final decision for remedies stated only there; amounts
anywhere else were checked and left out (003's £250, £200, "between £100 and
£300" and "offered Ms J £450" in the findings; 002's "£20 for their
birthday"; 004's "agreed to pay Miss X £300" in finding C, which the agreed
action repeats). For citations, every line was searched by eye for "Act",
"Regulations", "guidance", "Working Together", quotation marks and
"section"/"Schedule", and each hit judged by the rules in
``lgo_parse._facts._citations`` (a bare Act with its year counts; "its Section
47 enquiries" without a title does not; the Council's own procedures manual
is not guidance).

A remedy is compared as (kind, sum, recipient, deadline); a citation as
(title, year, provisions, as amended). Duplicates count: seed 002 cites the
same sections twice in different paragraphs, and both are expected.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence

import pytest
from facts_cases import seed, words_at

from lgo_parse import Decision
from lgo_parse._facts import RemedyKind

APOLOGY = RemedyKind.APOLOGY
PAYMENT = RemedyKind.PAYMENT
PROCEDURE = RemedyKind.PROCEDURE_CHANGE
TRAINING = RemedyKind.TRAINING
EVIDENCE = RemedyKind.EVIDENCE_OF_COMPLIANCE
OTHER = RemedyKind.OTHER

S000 = "000_0a2853bad51b7579.txt"
S001 = "001_e273f3e91cc92723.txt"
S002 = "002_b17eb53f573e5fd9.txt"
S003 = "003_3748b72d214c42b7.txt"
S004 = "004_02c09b629d1b5377.txt"

FOUR_WEEKS = "within 4 weeks of final decision"
FOUR_MONTHS_FINAL = "within 4 months of final decision"
FOUR_MONTHS = "within 4 months of decision"

REMEDIES: dict[str, list[tuple[RemedyKind, str | None, str | None, str | None]]] = {
    # Agreed action 1: "Within four weeks of my final decision ..." over two bullets:
    # "Apologise and pay £1000 to Mrs Y" (two remedies) and "Write to Mrs Y ..." (other).
    # 2: improvements already made (four bullets, no deadline): staff made aware
    # (training), triage by a manager, processes for outcomes, guidance for
    # professionals (procedure). 3: "within four months of our final decision" over
    # two copies to provide (evidence) and a staff training session. 4: evidence of
    # compliance, no deadline. Summary and final decision name no kind of remedy.
    S000: [
        (APOLOGY, None, "Mrs Y", FOUR_WEEKS),
        (PAYMENT, "1000", "Mrs Y", FOUR_WEEKS),
        (OTHER, None, "Mrs Y", FOUR_WEEKS),
        (TRAINING, None, None, None),
        (PROCEDURE, None, None, None),
        (PROCEDURE, None, None, None),
        (PROCEDURE, None, None, None),
        (EVIDENCE, None, None, FOUR_MONTHS_FINAL),
        (EVIDENCE, None, None, FOUR_MONTHS_FINAL),
        (TRAINING, None, None, FOUR_MONTHS_FINAL),
        (EVIDENCE, None, None, None),
    ],
    # "within one month of the final decision:" then the bullet "Provide an apology
    # to Mrs X."; "within two months of the final decision:" then an addendum to
    # the assessment and sharing it (both other). The summary's apology repeats it.
    S001: [
        (APOLOGY, None, "Mrs X", "within 1 month of final decision"),
        (OTHER, None, None, "within 2 months of final decision"),
        (OTHER, None, None, "within 2 months of final decision"),
    ],
    # No agreed action; "already taken reasonable steps to remedy this" names no
    # kind; the stage 2 recommendations are history, not this decision's remedy.
    S002: [],
    # Seven agreed actions: apology "within a month of the date of my decision",
    # £450 to Ms J "within two months ...", and five procedure changes each with
    # "within four months of the date of my decision" in its second sentence.
    # The summary's "re-offer a payment" and "procedural changes" repeat them.
    S003: [
        (APOLOGY, None, None, "within 1 month of decision"),
        (PAYMENT, "450", "Ms J", "within 2 months of decision"),
        (PROCEDURE, None, None, FOUR_MONTHS),
        (PROCEDURE, None, None, FOUR_MONTHS),
        (PROCEDURE, None, None, FOUR_MONTHS),
        (PROCEDURE, None, None, FOUR_MONTHS),
        (PROCEDURE, None, None, FOUR_MONTHS),
    ],
    # One sentence: "within one month of my final decision it will apologise to
    # Miss X ... and pay her £300". Summary and final decision repeat both kinds.
    S004: [
        (APOLOGY, None, "Miss X", "within 1 month of final decision"),
        (PAYMENT, "300", "Miss X", "within 1 month of final decision"),
    ],
}

LGA = "Local Government Act 1974"
CA = "Children Act 1989"
WT = "Working Together to Safeguard Children"

CITATIONS: dict[str, list[tuple[str, int | None, tuple[str, ...], bool]]] = {
    # Role and powers 2 and 3; "Statutory government guidance, ‘Working Together
    # to Safeguard Children’" in paragraph 11, no year.
    S000: [
        (LGA, 1974, ("26(1)", "26A(1)"), True),
        (LGA, 1974, ("30(1B)", "34H(i)"), True),
        (WT, None, (), False),
    ],
    # Role and powers: 26(1)/26A(1); the loose line "(…, section 24A(6))" without
    # "as amended"; 24A(6) as amended; 30(1B)/34H(i). Legislation and guidance 1:
    # "The Children Act 1989", ‘Working together to safeguard children 2018’ and
    # "(Section 47 of the Children Act 1989)"; 2: "Section 47 of the Children Act
    # 1989"; What happened 8: "under Section 47 of the Children Act 1989". The
    # other "Section 47" mentions have no title.
    S001: [
        (LGA, 1974, ("26(1)", "26A(1)"), True),
        (LGA, 1974, ("24A(6)",), False),
        (LGA, 1974, ("24A(6)",), True),
        (LGA, 1974, ("30(1B)", "34H(i)"), True),
        (CA, 1989, (), False),
        ("Working together to safeguard children", 2018, (), False),
        (CA, 1989, ("47",), False),
        (CA, 1989, ("47",), False),
        (CA, 1989, ("47",), False),
    ],
    # Role and powers 3, 4, 6; "Statutory guidance ‘Working Together to safeguard
    # children’ (March 2015, updated 2018)"; "the Children’s Act 1989 and 2004"
    # twice (quoted in 8, and in Analysis 2, which adds "Working Together guidance").
    S002: [
        (LGA, 1974, ("26(1)", "26A(1)"), True),
        (LGA, 1974, ("34(3)",), True),
        (LGA, 1974, ("30(1B)", "34H(i)"), True),
        ("Working Together to safeguard children", 2015, (), False),
        ("Children’s Act 1989", 1989, (), False),
        ("Children’s Act 2004", 2004, (), False),
        ("Children’s Act 1989", 1989, (), False),
        ("Children’s Act 2004", 2004, (), False),
        ("Working Together", None, (), False),
    ],
    # Role and powers 1, 3 (Schedule 5/5a with a no-break space), 4, 6. How I
    # considered: "the Children Act 1989 and ‘Working Together to Safeguard
    # Children’ (2015)". What should have happened 1: "‘Working Together to
    # Safeguard Children’, 2015" and the short "‘Working Together’ says"; 2:
    # "Section 17 of the Children Act 1989".
    S003: [
        (LGA, 1974, ("34(3)",), True),
        (LGA, 1974, ("Schedule 5/5a, paragraph 4",), True),
        (LGA, 1974, ("24A(6)",), True),
        (LGA, 1974, ("30(1B)", "34H(i)"), True),
        (CA, 1989, (), False),
        (WT, 2015, (), False),
        (WT, 2015, (), False),
        ("Working Together", None, (), False),
        (CA, 1989, ("17",), False),
    ],
    # Compact layout: the two role-and-powers citations only.
    S004: [
        (LGA, 1974, ("26(1)", "26A(1)"), True),
        (LGA, 1974, ("30(1B)", "34H(i)"), True),
    ],
}


def precision_recall(
    found: Sequence[Hashable], expected: Sequence[Hashable]
) -> tuple[float, float]:
    """Precision and recall of ``found`` against ``expected``, counting duplicates."""
    hits = sum((Counter(found) & Counter(expected)).values())
    precision = hits / len(found) if found else 1.0
    recall = hits / len(expected) if expected else 1.0
    return precision, recall


def remedy_rows(decision: Decision) -> list[tuple[RemedyKind, str | None, str | None, str | None]]:
    return [
        (
            r.kind,
            None if r.amount is None else str(r.amount),
            r.recipient,
            None if r.deadline is None else str(r.deadline),
        )
        for r in decision.remedies
    ]


def citation_rows(decision: Decision) -> list[tuple[str, int | None, tuple[str, ...], bool]]:
    return [(c.title, c.year, c.provisions, c.as_amended) for c in decision.citations]


def test_precision_recall_counts_duplicates() -> None:
    assert precision_recall(["a", "a", "b"], ["a", "b", "c"]) == (2 / 3, 2 / 3)
    assert precision_recall([], []) == (1.0, 1.0)
    assert precision_recall([], ["a"]) == (1.0, 0.0)


@pytest.mark.parametrize("name", sorted(REMEDIES))
def test_remedies_against_hand_count(name: str) -> None:
    decision, text = seed(name)
    found = remedy_rows(decision)
    precision, recall = precision_recall(found, REMEDIES[name])
    assert (precision, recall) == (1.0, 1.0), f"found {found}"
    assert found == REMEDIES[name], "same remedies, but in another order"
    for remedy in decision.remedies:
        assert words_at(text, remedy.span) == remedy.text


@pytest.mark.parametrize("name", sorted(CITATIONS))
def test_citations_against_hand_count(name: str) -> None:
    decision, text = seed(name)
    found = citation_rows(decision)
    precision, recall = precision_recall(found, CITATIONS[name])
    assert (precision, recall) == (1.0, 1.0), f"found {found}"
    for citation in decision.citations:
        assert words_at(text, citation.span) == citation.text


def test_overall_precision_and_recall() -> None:
    # The figures are in the assertion message; nothing is printed among pytest's dots.
    lines = []
    for label, expected, rows in (
        ("remedies", REMEDIES, remedy_rows),
        ("citations", CITATIONS, citation_rows),
    ):
        found_all: list[Hashable] = []
        expected_all: list[Hashable] = []
        for name, hand in expected.items():
            found_all += [(name, row) for row in rows(seed(name)[0])]
            expected_all += [(name, row) for row in hand]
        precision, recall = precision_recall(found_all, expected_all)
        lines.append(
            f"{label}: {len(expected_all)} by hand, precision {precision:.2f}, recall {recall:.2f}"
        )
        assert precision >= 0.95 and recall >= 0.95, lines[-1]


def test_seed_000_cross_reference_names_paragraph_ten() -> None:
    decision, text = seed(S000)
    (reference,) = decision.cross_references
    assert words_at(text, reference.span) == "paragraph ten of this statement"
    assert reference.target is not None
    assert reference.target.text.startswith(
        "The Council’s published ‘Safeguarding Children Partnerships Procedures Manual’"
    )


def test_seed_001_cross_references_count_the_bullet_run() -> None:
    decision, _ = seed(S001)
    targets = [
        (r.number, r.target.text[:40] if r.target else None) for r in decision.cross_references
    ]
    assert targets == [
        (1, "Mrs X complains about the Council’s acti"),
        (3, "Mrs X also complains the social worker b"),
    ]


@pytest.mark.parametrize(
    ("name", "complainants", "others"),
    [
        (S000, ["Mrs Y"], []),
        (S001, ["Mrs X"], ["Mr X", "Mr and Mrs X"]),
        (
            S002,
            ["Mr and Mrs X", "Mrs X"],
            ["Council 2", "Agency 1", "Child Q", "Child Z", "Officer 1", "SW1"],
        ),
        # "Ms K" is the text's own slip for Ms J (What happened, paragraph 19).
        (S003, ["Ms J"], ["K", "Ms K"]),
        (S004, ["Miss X"], ["Y"]),
    ],
)
def test_seed_parties(name: str, complainants: list[str], others: list[str]) -> None:
    decision, _ = seed(name)
    found = {p.name: p.role.value for p in decision.parties}
    assert found == {n: "complainant" for n in complainants} | {n: "other" for n in others}
