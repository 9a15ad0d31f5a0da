"""Findings: investigated, fault, injustice and reasons, on made-up texts of the real shapes."""

from __future__ import annotations

import pytest
from facts_cases import parsed, web

import lgo_parse
from lgo_parse import Fault, Findings, Injustice, Reason

FOUND, NO_FAULT = Fault.FOUND, Fault.NOT_FOUND
CAUSED, NOT_CAUSED = Injustice.CAUSED, Injustice.NOT_CAUSED

# (summary, investigated, fault, injustice, reasons), each naming the defect it guards against.
Case = tuple[str, str, bool | None, Fault | None, Injustice | None, tuple[Reason, ...]]
SUMMARIES: list[Case] = [
    ("plain finding", "We found fault by the Council. This caused Mrs X distress.",
     True, FOUND, CAUSED, ()),
    ("no fault then fault: any finding of fault wins",
     "There was no fault in the decision. However, there was fault in how it replied.",
     True, FOUND, None, ()),
    ("no fault", "There was no fault in how the Council reached its decision.",
     True, NO_FAULT, None, ()),
    ("not enough evidence of fault is a reason, not a finding",
     "We will not investigate this complaint. There is not enough evidence of fault.",
     False, None, None, (Reason.UNLIKELY_FAULT,)),
    ("what the complainant says is not a finding",
     "Mrs X says the Council's failures caused her distress. We found no fault.",
     True, NO_FAULT, None, ()),
    ("a failure stated as a finding, without the word fault",
     "The Council delayed the review. The Council will apologise to Ms Y.",
     True, FOUND, CAUSED, ()),
    ("fault without injustice",
     "The Council was at fault, but this did not cause Mr X a significant injustice.",
     True, FOUND, NOT_CAUSED, ()),
    ("late and court reasons, each once",
     "We will not investigate Mr X's complaint because it is late. He could have appealed "
     "to the tribunal. It was reasonable for him to appeal to the tribunal.",
     False, None, None, (Reason.COURT_OR_TRIBUNAL, Reason.LATE)),
    ("ended an investigation; the courts better placed is a court, not another body",
     "We ended our investigation because the courts are better placed to decide.",
     False, None, None, (Reason.COURT_OR_TRIBUNAL,)),
    ("a part not investigated does not undo the investigation",
     "There was no fault in the decision. We did not investigate other matters Mr X raised.",
     True, NO_FAULT, None, ()),
    ("no worthwhile outcome",
     "We will not investigate. An investigation is unlikely to achieve anything more.",
     False, None, None, (Reason.NO_SIGNIFICANT_INJUSTICE,)),
    ("already remedied: injustice remedied is still injustice caused",
     "We will not investigate because the Council has offered a suitable remedy.",
     False, None, CAUSED, (Reason.ALREADY_REMEDIED,)),
    ("stopped investigating; not complained to the Council yet",
     "We have stopped investigating because Mr X has not yet complained to the Council.",
     False, None, None, (Reason.PREMATURE,)),
    ("unlikely to find the Council at fault, words between",
     "We should not investigate as we are unlikely to find the Council at fault.",
     False, None, None, (Reason.UNLIKELY_FAULT,)),
    ("an early resolution is already remedied",
     "We will not investigate because the Council has agreed to reconsider the application.",
     False, None, None, (Reason.ALREADY_REMEDIED,)),
    ("another public body named",
     "We will not investigate; the Department for Education is better placed.",
     False, None, None, (Reason.OTHER_BODY,)),
    ("a late relative in what the complaint is about is not a late complaint",
     "We will not investigate Mrs X's complaint about the care of her late husband because "
     "there is not enough evidence of fault.",
     False, None, None, (Reason.UNLIKELY_FAULT,)),
    ("the complaint told before the stop gives no reason",
     "Mr X complains the Council ignored his appeal to the tribunal. We will not investigate "
     "this complaint because we are unlikely to find fault.",
     False, None, None, (Reason.UNLIKELY_FAULT,)),
    ("insufficient evidence of a significant injustice, many words between",
     "We will not investigate this complaint. This is because there is insufficient evidence "
     "that the complainant has suffered a significant injustice.",
     False, None, None, (Reason.NO_SIGNIFICANT_INJUSTICE,)),
    ("injustice not sufficient to warrant our involvement",
     "We will not investigate this complaint. The remaining injustice to Mr X is not "
     "sufficient to warrant our involvement.",
     False, None, None, (Reason.NO_SIGNIFICANT_INJUSTICE,)),
    ("nothing significant to achieve, and another body",
     "We will not investigate. There is nothing significant we could achieve, and there is "
     "another body better placed.",
     False, None, None, (Reason.NO_SIGNIFICANT_INJUSTICE, Reason.OTHER_BODY)),
    ("an offer that is a suitable remedy (a remedied injustice was caused)",
     "We will not investigate because the Council's offer of £100 is a suitable remedy.",
     False, None, CAUSED, (Reason.ALREADY_REMEDIED,)),
    ("a request for a review is a statutory route; out of time is late",
     "We will not investigate. Mr X could ask for a review of the decision, and his complaint "
     "is out of time.",
     False, None, None, (Reason.COURT_OR_TRIBUNAL, Reason.LATE)),
    ("not caused enough injustice, words between",
     "We will not investigate. The delay has not caused Mr X enough injustice to warrant it.",
     False, None, None, (Reason.NO_SIGNIFICANT_INJUSTICE,)),
    ("we could not add to the Council's response",
     "We will not investigate because we could not add to the Council's response.",
     False, None, None, (Reason.NO_SIGNIFICANT_INJUSTICE,)),
    ("an appeal to the Planning Inspectorate or a county court is a court or tribunal",
     "We will not investigate. Mr X could appeal to the Planning Inspectorate, or make a "
     "claim in the county court.",
     False, None, None, (Reason.COURT_OR_TRIBUNAL,)),
    ("no sign of maladministration; acted properly",
     "We will not investigate. There is no sign of maladministration: the Council acted "
     "properly.",
     False, None, None, (Reason.UNLIKELY_FAULT,)),
    ("not a good use of public resources is another reason",
     "We will not investigate as it would not be a good use of public resources.",
     False, None, None, (Reason.OTHER,)),
    ("no further fault: the complaints process found some already",
     "We agree with the findings of the statutory investigation. We do not find further "
     "fault, and the remedy already provided is proportionate.",
     True, FOUND, CAUSED, ()),
    ("a failure stated with 'did not' and no word of fault",
     "The Ombudsman finds the Council did not provide a sufficient remedy. The Council has "
     "now agreed a suitable remedy.",
     True, FOUND, CAUSED, ()),
    ("the fault identified by the complaint investigation is found",
     "We do not find fault in the investigation. The Council will pay £100 for the time and "
     "trouble from the fault identified during the complaint investigation.",
     True, FOUND, CAUSED, ()),
    ("a remedy recommended after fault is injustice caused",
     "We found the Council at fault and recommended an increased remedy.",
     True, FOUND, CAUSED, ()),
    ("'should have' stated by the Ombudsman is a finding of fault",
     "We found the Council should have assessed Mr Y sooner. It has agreed to apologise.",
     True, FOUND, CAUSED, ()),
    ("the authority's failure, stated as a finding",
     "The Council's repeated failures left the matter unresolved. This caused Ms Z "
     "uncertainty.",
     True, FOUND, CAUSED, ()),
    ("what the complainant says the Council should have done is not a finding",
     "Mr X says the Council should have acted sooner. We found no fault.",
     True, NO_FAULT, None, ()),
    ("acted properly is no fault",
     "We investigated and the Council acted in line with its policy.",
     True, NO_FAULT, None, ()),
    ("time and trouble is injustice without the word caused",
     "The Council was at fault. It will pay Mrs Q £150 for her time and trouble.",
     True, FOUND, CAUSED, ()),
    ("fault that made no difference to the outcome caused no injustice",
     "There was fault in how the panel recorded its reasons, but the decision would have "
     "been the same.",
     True, FOUND, NOT_CAUSED, ()),
    ("a consequence the person bore is injustice caused",
     "I have found the Council delayed, which meant Mr D had to wait longer than is "
     "reasonable.",
     True, FOUND, CAUSED, ()),
]  # fmt: skip


@pytest.mark.parametrize(
    ("summary", "investigated", "fault", "injustice", "reasons"),
    [case[1:] for case in SUMMARIES],
    ids=[case[0] for case in SUMMARIES],
)
def test_findings_from_the_summary(
    summary: str,
    investigated: bool | None,
    fault: Fault | None,
    injustice: Injustice | None,
    reasons: tuple[Reason, ...],
) -> None:
    found = parsed(web(summary=summary)).findings
    assert (found.investigated, found.fault, found.injustice, found.reasons) == (
        investigated,
        fault,
        injustice,
        reasons,
    )


def test_a_clear_body_statement_wins_over_a_cut_off_summary() -> None:
    text = web(
        ("Final decision", ["I have found fault by the Council causing injustice."]),
        summary="Mr X complains about the Council's handling of his",
    )
    found = parsed(text).findings
    assert (found.investigated, found.fault, found.injustice) == (True, FOUND, CAUSED)


def test_the_story_is_not_read() -> None:
    # Guards against reading "What happened": the Council's letter said it found fault.
    text = web(
        ("What happened", ["The Council wrote that it found fault with the contractor."]),
        summary="Ms Y complained about the repairs.",
    )
    assert parsed(text).findings.fault is None


def test_each_finding_keeps_the_sentence_it_was_read_from() -> None:
    text = web(summary="Mr X complained. We found fault by the Council.")
    decision = parsed(text)
    (span,) = decision.findings.fault_spans
    assert text[span.start : span.end] == "We found fault by the Council."
    assert "⟦fault found│We found fault by the Council.⟧" in lgo_parse.dump(decision)


def test_the_header_decides_investigated_only_when_the_text_does_not() -> None:
    text = "Example Council (23 013 577)\n\nDecision : Upheld\n\nSummary: Mr X complained.\n"
    findings = lgo_parse.parse(text).findings
    assert (findings.investigated, findings.fault) == (True, None)


def test_findings_built_in_code_have_no_spans_and_compare_by_content() -> None:
    d = lgo_parse.Decision(summary="We found fault by the Council.")
    assert d.findings == Findings(True, FOUND)
    assert d.findings.fault_spans == ()
    assert d.findings.label() == "investigated, fault found"


def test_findings_are_in_to_dict() -> None:
    data = lgo_parse.Decision(summary="We will not investigate: it is late.").to_dict()
    assert data["findings"]["investigated"] is False
    assert data["findings"]["reasons"] == ["late"]


@pytest.mark.parametrize(
    ("summary", "fault"),
    [
        # Guards against "complainant"/"complaint" read as reported speech (the word, not a verb).
        ("The complainant's case was handled late: the Council failed to reply.", FOUND),
        # ... and against the allegation in "a complaint that it did not act" read as a finding.
        ("There was no fault by the Council in a complaint that it did not act.", NO_FAULT),
    ],
)
def test_reported_speech_is_a_verb_or_an_allegation(summary: str, fault: Fault) -> None:
    assert parsed(web(summary=summary)).findings.fault is fault
