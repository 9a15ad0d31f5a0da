"""Nodes built in code that no text could carry are refused when built, or when rendered.

A node parsed from text is valid by construction (it came from a line), so
the checks run only on nodes built in code (no layout). ``render(d,
check=True)`` reads its text back for what one node cannot know alone.
"""

from __future__ import annotations

import pytest

import lgo_parse
from lgo_parse import Decision, ListItem, LooseLine, Paragraph, Reference, Section


@pytest.mark.parametrize(
    ("build", "words"),
    [
        # Defect guarded: Paragraph("x\nBack to top") rendered to text that parsed back differently.
        pytest.param(lambda: Paragraph("x\nBack to top"), "one line", id="line-break-in-paragraph"),
        pytest.param(lambda: ListItem(" padded"), "white space", id="item-starts-with-space"),
        pytest.param(lambda: Paragraph("x", marker="1"), "marker", id="marker-without-stop"),
        pytest.param(lambda: ListItem("x", marker="**"), "marker", id="unknown-bullet"),
        pytest.param(lambda: LooseLine(""), "empty", id="empty-loose-line"),
        pytest.param(
            lambda: Section("The Council was at fault."), "read as one", id="sentence-heading"
        ),
        pytest.param(lambda: Section(""), "empty", id="empty-heading"),
    ],
)
def test_nodes_no_text_could_carry_are_refused(build: object, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        build()  # type: ignore[operator]


@pytest.mark.parametrize(
    "build",
    [
        lambda: Paragraph(""),  # an empty item: "  1. " reads back as one
        lambda: Paragraph("text", marker="(iv)"),
        lambda: ListItem("text", marker="-"),
        lambda: Paragraph("plain line of a copy", marker=""),
        lambda: Section("A) The Council failed to act, and then it failed again."),
        lambda: Section("What happened"),
        lambda: Section(None),
        lambda: LooseLine("0\r0"),  # only a line feed ends a line
    ],
)
def test_nodes_a_text_can_carry_are_built(build: object) -> None:
    build()  # type: ignore[operator]


def test_parsed_nodes_are_not_checked_again() -> None:
    # A parsed heading that a cut text left short of a heading's shape stays as read.
    d = lgo_parse.parse("Example Council (23 013 577)\nThe complaint\n  1. Mr X complains.\n")
    assert d.sections[0].layout is not None


def test_render_check_refuses_a_decision_its_text_cannot_carry() -> None:
    # One node alone is fine, but a loose line that reads as a heading where it
    # stands comes back as a sub-section.
    d = Decision(
        authority="Example Council",
        reference=Reference("23 013 577"),
        sections=[Section("The complaint", [LooseLine("What happened next")])],
    )
    assert "What happened next" in lgo_parse.render(d)  # written without the check
    with pytest.raises(ValueError, match="reads back differently"):
        lgo_parse.render(d, check=True)


def test_render_check_passes_a_decision_its_text_carries() -> None:
    d = Decision(
        authority="Example Council",
        reference=Reference("23 013 577"),
        sections=[Section("The complaint", [Paragraph("Mr X complains.")])],
    )
    assert lgo_parse.render(d, check=True) == lgo_parse.render(d)
