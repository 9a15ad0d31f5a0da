"""The parser's makers (``lgo_parse._construct``) give what the model's constructors give.

They set each slot directly instead of running attrs' ``__init__``. These
tests check, for each maker, that it sets every field its class has (a field
added to the class later and not set by the maker fails here) and that the
object made equals, field by field, the one the constructor makes from the
same values; and that a made object is as frozen and hashable as any other.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest

import lgo_parse
from lgo_parse import _construct as make
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
