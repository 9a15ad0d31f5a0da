"""Website paragraph numbers.

In the text every list restarts at 1, but the Ombudsman's website numbers the
top-level paragraphs continuously through the whole statement, and statements
refer to those numbers ("paragraph ten of this statement"). The rule, checked
against the cross-references in the seed statements:

* Walk the sections and sub-sections in document order.
* Each numbered top-level paragraph takes the next number, whatever number
  the text wrote.
* A run of bullets standing at the paragraph level (not indented under a
  paragraph) takes one number of its own. Seed 001 says "the complaints
  listed at paragraph one" and "paragraph three" for a complaint section of
  paragraph, bullets, paragraph: the bullet run is number two.
* Bullets nested under a paragraph, loose lines, headings and ``Back to top``
  take no number; a loose line or a heading ends a run of bullets.
* A compact ``- `` item could be a paragraph or a bullet, so it gets no
  number, and neither does anything after it: counting on would be a guess.
"""

from __future__ import annotations

from ._model import ListItem, Paragraph, Section

COMPACT_REASON = (
    "compact layout: a '- ' item may be a numbered paragraph or a bullet, "
    "so the website's paragraph number cannot be told"
)
AFTER_COMPACT_REASON = (
    "follows a compact '- ' item whose numbering cannot be told, so the count is unknown"
)


class Counter:
    """The numbering rule, fed one top-level block at a time in document order.

    ``number_paragraphs`` walks a finished model with it; the parser's
    builder feeds it as it reads, so parsed paragraphs are born numbered.
    """

    __slots__ = ("in_bullet_run", "last", "uncertain")

    def __init__(self) -> None:
        self.last = 0
        self.uncertain = False
        self.in_bullet_run = False

    def paragraph(self, marker: str) -> tuple[int | None, str | None]:
        """Return the number and the reason for no number, of a paragraph with this marker."""
        self.in_bullet_run = False
        if marker == "-":
            self.uncertain = True
            return None, COMPACT_REASON
        if self.uncertain:
            return None, AFTER_COMPACT_REASON
        self.last += 1
        return self.last, None

    def bullet(self) -> None:
        """Count a paragraph-level bullet: a run of them takes one number."""
        if not self.in_bullet_run and not self.uncertain:
            self.last += 1
        self.in_bullet_run = True

    def other(self) -> None:
        """Count a loose line or a heading: either ends a run of bullets."""
        self.in_bullet_run = False


def number_paragraphs(sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """Return ``sections`` with every top-level paragraph's website number set.

    Sections are rebuilt only where a number changes, so a model that is
    already numbered (as parsed models are) comes back as the same objects.
    """
    return _number_sections(sections, Counter())


def _number_sections(sections: tuple[Section, ...], counter: Counter) -> tuple[Section, ...]:
    out: list[Section] = []
    changed = False
    for section in sections:
        new = _number_section(section, counter)
        changed = changed or new is not section
        out.append(new)
    return tuple(out) if changed else sections


def _number_section(section: Section, counter: Counter) -> Section:
    if section.heading is not None:
        counter.other()
    blocks = list(section.blocks)
    changed = False
    for i, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            number, reason = counter.paragraph(block.marker)
            if block.number != number or block.unnumbered_reason != reason:
                blocks[i] = Paragraph(
                    block.text,
                    block.marker,
                    block.items,
                    number,
                    reason,
                    block.layout,
                    block.span,
                )
                changed = True
        elif isinstance(block, ListItem):
            counter.bullet()
        else:
            counter.other()
    subsections = _number_sections(section.subsections, counter)
    if not changed and subsections is section.subsections:
        return section
    return Section(section.heading, tuple(blocks), subsections, section.layout, section.span)
