"""Factories for the fact tests: small statements, parsed from text or built in code.

Parsed statements give facts with spans, so a test can check that a span
points at the words a fact was read from; statements built in code give facts
without spans.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

import lgo_parse
from lgo_parse import Decision, ListItem, Paragraph, Section, Span

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
TITLE = "Example Council (23 013 577)"
LABEL = "The Ombudsman's final decision:"

Block = str | tuple[str, Sequence[str]]
"""A paragraph's text, or a paragraph's text and the bullets nested under it."""


def case(defect: str, *values: object) -> object:
    """A table row whose id names the defect it guards against."""
    return pytest.param(*values, id=defect)


def web(*sections: tuple[str, Sequence[Block]], summary: str = "Mr X complains.") -> str:
    """Return a statement in the web layout (blank lines, numbered paragraphs, bullets)."""
    lines = [TITLE, "", LABEL, "", f"Summary: {summary}", ""]
    for heading, blocks in sections:
        lines += [heading, ""]
        for number, block in enumerate(blocks, start=1):
            text, bullets = (block, ()) if isinstance(block, str) else block
            lines.append(f"  {number}. {text}")
            lines += [f"    • {bullet}" for bullet in bullets]
        lines += ["", "Back to top", ""]
    return "\n".join(lines) + "\n"


def compact(*sections: tuple[str, Sequence[str]], summary: str = "Mr X complains.") -> str:
    """Return a statement in the compact layout: every list entry a ``- `` line."""
    lines = [TITLE, LABEL, f"Summary: {summary}"]
    for heading, items in sections:
        lines.append(heading)
        lines += [f"- {item}" for item in items]
    return "\n".join(lines) + "\n"


def parsed(text: str) -> Decision:
    """Parse a statement, checking first that it round-trips (so spans index into ``text``)."""
    decision = lgo_parse.parse(text)
    assert lgo_parse.render(decision) == text
    return decision


def built(*sections: tuple[str, Sequence[Block]], summary: str | None = None) -> Decision:
    """Return a decision built in code, with no spans."""
    return Decision(
        authority="Example Council",
        reference=lgo_parse.Reference("23 013 577"),
        summary=summary,
        sections=[
            Section(heading, [_paragraph(block) for block in blocks])
            for heading, blocks in sections
        ],
    )


def _paragraph(block: Block) -> Paragraph:
    if isinstance(block, str):
        return Paragraph(block)
    text, bullets = block
    return Paragraph(text, items=[ListItem(b) for b in bullets])


def in_summary(text: str) -> Decision:
    """Return a decision built in code whose summary is ``text``."""
    return Decision(summary=text)


def seed(name: str) -> tuple[Decision, str]:
    """Return a seed statement parsed, and its text."""
    path = SEEDS / name
    text = path.read_bytes().decode("utf-8")
    return lgo_parse.parse(text), text


def words_at(text: str, span: Span | None) -> str:
    """Return the words a span covers in ``text``."""
    assert span is not None
    return text[span.start : span.end]


def line_of(text: str, offset: int) -> int:
    """Return the 1-based line number of an offset."""
    return text.count("\n", 0, offset) + 1
