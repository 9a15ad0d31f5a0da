"""Paragraph numbers: the website's, or the decision document's own.

In the website's text every list restarts at 1, but the Ombudsman's website
numbers the top-level paragraphs continuously through the whole statement, and
statements refer to those numbers ("paragraph ten of this statement"). The
rule, checked against the cross-references in the seed statements:

* Walk the sections and sub-sections in document order.
* Each top-level paragraph (numbered, or a plain line of a copy) takes the
  next number, whatever number the text wrote.
* A run of bullets standing at the paragraph level (not indented under a
  paragraph) takes one number of its own. Seed 001 says "the complaints
  listed at paragraph one" and "paragraph three" for a complaint section of
  paragraph, bullets, paragraph: the bullet run is number two.
* Bullets nested under a paragraph, loose lines, headings and ``Back to top``
  take no number; a loose line or a heading ends a run of bullets.
* A compact ``- `` item could be a paragraph or a bullet, so it gets no
  number, and neither does anything after it: counting on would be a guess.

The decision document (letter and PDF) numbers its paragraphs through the
whole document itself, so there a paragraph's number is the one written
(``"12."`` is 12); a paragraph written with a letter (``"a)"``) has none.

This module works on any nodes shaped like the model's (it never imports the
model), so the model can number itself without an import cycle.
"""

from __future__ import annotations

import re
from typing import Any, Final

import attrs

COMPACT_REASON: Final = (
    "compact layout: a '- ' item may be a numbered paragraph or a bullet, "
    "so the website's paragraph number cannot be told"
)
AFTER_COMPACT_REASON: Final = (
    "follows a compact '- ' item whose numbering cannot be told, so the count is unknown"
)
LETTERED_REASON: Final = (
    "written with a letter, not a number: the document numbers it with no number"
)
LETTER_FORM: Final = "letter"
"""The value of ``Form.LETTER``: its paragraphs carry their own numbers."""

_WRITTEN_NUMBER: Final = re.compile(r"\(?(\d{1,3})[.)]?")


class Counter:
    """The numbering rule, fed one top-level block at a time in document order.

    ``number_paragraphs`` walks a finished model with it; the parser's
    builder feeds it as it reads, so parsed paragraphs are born numbered.
    """

    __slots__ = ("in_bullet_run", "last", "uncertain", "written")

    def __init__(self, form: str = "web") -> None:
        self.last = 0
        self.uncertain = False
        self.in_bullet_run = False
        self.written = form == LETTER_FORM

    def paragraph(self, marker: str) -> tuple[int | None, str | None]:
        """Return the number and the reason for no number, of a paragraph with this marker."""
        self.in_bullet_run = False
        if self.written:
            match = _WRITTEN_NUMBER.fullmatch(marker)
            return (int(match.group(1)), None) if match else (None, LETTERED_REASON)
        if marker == "-":
            self.uncertain = True
            return None, COMPACT_REASON
        if self.uncertain:
            return None, AFTER_COMPACT_REASON
        self.last += 1
        return self.last, None

    def bullet(self) -> None:
        """Count a paragraph-level bullet: a run of them takes one number."""
        if not self.in_bullet_run and not self.uncertain and not self.written:
            self.last += 1
        self.in_bullet_run = True

    def other(self) -> None:
        """Count a loose line or a heading: either ends a run of bullets."""
        self.in_bullet_run = False


def number_paragraphs(sections: tuple[Any, ...], form: Any = None) -> tuple[Any, ...]:
    """Return ``sections`` with every top-level paragraph's number set.

    Sections are rebuilt only where a number changes, so a model that is
    already numbered (as parsed models are) comes back as the same objects.

    Args:
        sections: The decision's sections.
        form: The decision's [`Form`][lgo_parse.Form] (or its value).
    """
    value = getattr(form, "value", form) or "web"
    return _number_sections(sections, Counter(value))


def _number_sections(sections: tuple[Any, ...], counter: Counter) -> tuple[Any, ...]:
    out: list[Any] = []
    changed = False
    for section in sections:
        new = _number_section(section, counter)
        changed = changed or new is not section
        out.append(new)
    return tuple(out) if changed else sections


def _number_section(section: Any, counter: Counter) -> Any:
    if section.heading is not None:
        counter.other()
    blocks = list(section.blocks)
    changed = False
    for i, block in enumerate(blocks):
        if hasattr(block, "number"):  # a paragraph
            number, reason = counter.paragraph(block.marker)
            if block.number != number or block.unnumbered_reason != reason:
                blocks[i] = attrs.evolve(block, number=number, unnumbered_reason=reason)
                changed = True
        elif hasattr(block, "items"):  # a bullet at the paragraph level
            counter.bullet()
        else:
            counter.other()
    subsections = _number_sections(section.subsections, counter)
    if not changed and subsections is section.subsections:
        return section
    return attrs.evolve(section, blocks=tuple(blocks), subsections=subsections)
