"""The makers (``lgo_parse._construct``, ``lgo_parse._facts._make``) give what constructors give.

They set each slot directly instead of running attrs' ``__init__``. These
tests check, for each maker, that it sets every field its class has (a field
added to the class later and not set by the maker fails here) and that the
object made equals, field by field, the one the constructor makes from the
same values; and that a made object is as frozen and hashable as any other.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest

import lgo_parse
from lgo_parse import _construct as make
from lgo_parse._facts import _make as make_fact
from lgo_parse._facts._model import (
    Citation,
    CitationKind,
    CrossReference,
    Deadline,
    Fault,
    Findings,
    Injustice,
    Party,
    PartyRole,
    Reason,
    Remedy,
    RemedyKind,
)
from lgo_parse._layout import LineLayout, RawLine, Span
from lgo_parse._model import Decision, ListItem, LooseLine, Paragraph, Section, SectionLayout

LAYOUT = LineLayout("  ", " ", "", "\n", ("\n",))
SPAN = Span(10, 20, 3, 5)
ITEM = ListItem("pay £100.", "•", (), LAYOUT, SPAN)
PARAGRAPH = Paragraph("The Council will:", "1.", (ITEM,), 7, None, LAYOUT, SPAN)
CASES: list[tuple[type, tuple[str, ...], Any, tuple[Any, ...]]] = [
    (Span, make.SPAN_FIELDS, make.span, (10, 20, 3, 5, ((3, 40, 4, 1),))),
    (Span, make.SPAN_FIELDS[:4], make.span, (10, 20, 3, 5)),  # pieces left to its default
    (
        Paragraph,
        make.PARAGRAPH_FIELDS,
        make.paragraph,
        ("x.", "1.", (ITEM,), 7, None, LAYOUT, SPAN),
    ),
    (
        Paragraph,
        make.PARAGRAPH_FIELDS,
        make.paragraph,
        ("x.", "-", (), None, "a compact item", LAYOUT, SPAN),
    ),
    (ListItem, make.LIST_ITEM_FIELDS, make.list_item, ("apologise;", "•", (ITEM,), LAYOUT, SPAN)),
    (LooseLine, make.LOOSE_LINE_FIELDS, make.loose_line, ("(Act 1974)", LAYOUT, SPAN)),
    (
        Section,
        make.SECTION_FIELDS,
        make.section,
        ("The complaint", (PARAGRAPH,), (), SectionLayout(LAYOUT), SPAN),
    ),
    (Section, make.SECTION_FIELDS, make.section, (None, (PARAGRAPH,), (), None, None)),
    (SectionLayout, make.SECTION_LAYOUT_FIELDS, make.section_layout, (LAYOUT, ())),
    (
        SectionLayout,
        make.SECTION_LAYOUT_FIELDS,
        make.section_layout,
        (LAYOUT, (RawLine("Back to top", LAYOUT),)),
    ),
    (RawLine, make.RAW_LINE_FIELDS, make.raw_line, ("Back to top", LAYOUT)),
    # The facts' makers.
    (
        Citation,
        make_fact.CITATION_FIELDS,
        make_fact.citation,
        ("Care Act 2014", 2014, CitationKind.ACT, ("9", "10"), True, "Care Act 2014", SPAN),
    ),
    (
        Citation,
        make_fact.CITATION_FIELDS,
        make_fact.citation,
        ("‘Working Together’", None, CitationKind.OTHER, (), False, "x", None),
    ),
    (
        CrossReference,
        make_fact.CROSS_REFERENCE_FIELDS,
        make_fact.cross_reference,
        ("paragraph 7", 7, PARAGRAPH, SPAN),
    ),
    (
        CrossReference,
        make_fact.CROSS_REFERENCE_FIELDS,
        make_fact.cross_reference,
        ("paragraph 70", 70, None, None),
    ),
    (
        Party,
        make_fact.PARTY_FIELDS,
        make_fact.party,
        ("Mrs Y", PartyRole.COMPLAINANT, 2, (SPAN, Span(30, 35, 4, 1))),
    ),
    (Party, make_fact.PARTY_FIELDS, make_fact.party, ("Child Q", PartyRole.OTHER, 1, ())),
    (
        Remedy,
        make_fact.REMEDY_FIELDS,
        make_fact.remedy,
        (
            RemedyKind.PAYMENT,
            Decimal("10.50"),
            "Mrs Y",
            Deadline(1, "month", None, "within one month", SPAN),
            "pay Mrs Y £10.50.",
            SPAN,
        ),
    ),
    (
        Remedy,
        make_fact.REMEDY_FIELDS,
        make_fact.remedy,
        (RemedyKind.APOLOGY, None, None, None, "apologise.", None),
    ),
    (
        Deadline,
        make_fact.DEADLINE_FIELDS,
        make_fact.deadline,
        (4, "week", "final decision", "within four weeks of my final decision", SPAN),
    ),
    (Deadline, make_fact.DEADLINE_FIELDS, make_fact.deadline, (1, "month", None, "x", None)),
    (
        Findings,
        make_fact.FINDINGS_FIELDS,
        make_fact.findings,
        (True, Fault.FOUND, Injustice.CAUSED, (), (SPAN,), (SPAN,), (Span(30, 35, 4, 1),), ()),
    ),
    (
        Findings,
        make_fact.FINDINGS_FIELDS,
        make_fact.findings,
        (False, None, None, (Reason.LATE, Reason.OTHER), (), (), (), (SPAN,)),
    ),
    (
        Findings,
        make_fact.FINDINGS_FIELDS,
        make_fact.findings,
        (None, None, None, (), (), (), (), ()),
    ),
]


@pytest.mark.parametrize(("cls", "names", "maker", "values"), CASES)
def test_a_maker_gives_what_the_constructor_gives(
    cls: type, names: tuple[str, ...], maker: Any, values: tuple[Any, ...]
) -> None:
    made = maker(*values)
    built = cls(*values)
    assert type(made) is cls
    for field in attrs.fields(cls):
        assert getattr(made, field.name) == getattr(built, field.name), field.name
        assert type(getattr(made, field.name)) is type(getattr(built, field.name)), field.name
    assert made == built
    assert hash(made) == hash(built)
    assert repr(made) == repr(built)


@pytest.mark.parametrize(
    ("cls", "names"),
    [
        (Span, make.SPAN_FIELDS),
        (Paragraph, make.PARAGRAPH_FIELDS),
        (ListItem, make.LIST_ITEM_FIELDS),
        (LooseLine, make.LOOSE_LINE_FIELDS),
        (Section, make.SECTION_FIELDS),
        (SectionLayout, make.SECTION_LAYOUT_FIELDS),
        (RawLine, make.RAW_LINE_FIELDS),
        (Citation, make_fact.CITATION_FIELDS),
        (CrossReference, make_fact.CROSS_REFERENCE_FIELDS),
        (Party, make_fact.PARTY_FIELDS),
        (Remedy, make_fact.REMEDY_FIELDS),
        (Deadline, make_fact.DEADLINE_FIELDS),
        (Findings, make_fact.FINDINGS_FIELDS),
    ],
)
def test_a_maker_sets_every_field_of_its_class(cls: type, names: tuple[str, ...]) -> None:
    assert tuple(f.name for f in attrs.fields(cls)) == names


def test_the_decision_maker_gives_what_the_constructor_gives() -> None:
    """The parser numbers paragraphs itself; given numbered sections, both agree."""
    text = "Example Council (23 013 577)\n\nThe complaint\n\n  1. Mr X complains.\n"
    parsed = lgo_parse.parse(text)
    values = {f.name: getattr(parsed, f.name) for f in attrs.fields(Decision)}
    made = make.decision(**values)
    built = Decision(**values)
    assert tuple(f.name for f in attrs.fields(Decision)) == make.DECISION_FIELDS
    for field in attrs.fields(Decision):
        assert getattr(made, field.name) == getattr(built, field.name), field.name
    assert made == built == parsed
    assert lgo_parse.render(made) == text


def test_a_made_object_is_frozen() -> None:
    made = make.paragraph("x.", "1.", (), 1, None, LAYOUT, SPAN)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.text = "y."  # type: ignore[misc]
    assert attrs.evolve(made, text="y.").text == "y."
