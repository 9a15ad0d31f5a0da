"""Golden digests: the structure of a parse, as JSON a person can check against the text.

A digest keeps what a reader checks by eye — the header values, every heading
in order with its kind and nesting, the blocks of each section, and each
top-level paragraph's website number, marker and opening words — and leaves
out layout and spans, which the round-trip tests cover byte for byte.

It is built from the public model only, so it does not depend on
``Decision.to_dict`` (a separate piece of work with its own schema).

``LGO_REGEN_GOLDEN=1`` makes :func:`check_golden` write the digest instead of
comparing, and skip the test: a regenerated golden is not checked until a
person has compared it with the text and reviewed the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from lgo_parse import Decision, ListItem, LooseLine, Paragraph, Section

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"
VALID = FIXTURES / "valid"
INVALID = FIXTURES / "invalid"

REGEN_VARIABLE = "LGO_REGEN_GOLDEN"
TEXT_WIDTH = 40
"""How many characters of a paragraph, bullet or loose line the digest keeps."""
INVISIBLE = "\u00a0\u2011\u200b\u2060\ufeff"
"""Characters a reviewer cannot tell from a space or hyphen: written as escapes."""


def fixture_files(folder: Path) -> list[Path]:
    """The ``*.txt`` fixtures of a folder, sorted by name."""
    return sorted(folder.glob("*.txt"))


def regenerating() -> bool:
    """Whether this run writes goldens instead of comparing them."""
    return os.environ.get(REGEN_VARIABLE) == "1"


def read_text(path: Path) -> str:
    """Read a fixture exactly: UTF-8, line endings and byte-order mark kept."""
    return path.read_bytes().decode("utf-8")


def golden_path(fixture: Path) -> Path:
    """``name.txt`` -> ``name.golden.json`` beside it."""
    return fixture.with_name(fixture.stem + ".golden.json")


def digest(decision: Decision) -> dict[str, Any]:
    """Return the structural digest of a parsed decision."""
    reference = decision.reference
    category = decision.category
    outcome = decision.outcome
    date = decision.decision_date
    return {
        "authority": decision.authority,
        "reference": None if reference is None else reference.text,
        "reference_year": None if reference is None else reference.year,
        "reference_slug": None if reference is None else reference.slug,
        "category": None
        if category is None
        else {"text": category.text, "path": list(category.path)},
        "outcome": None if outcome is None else {"text": outcome.text, "kind": outcome.kind.name},
        "decision_date": None if date is None else date.isoformat(),
        "summary": decision.summary,
        "signature": decision.signature,
        "chrome_before": len(decision.chrome_before),
        "chrome_after": len(decision.chrome_after),
        "form": decision.form.value,
        "kind": decision.kind.value,
        "sections": [_section(s) for s in decision.sections],
    }


def _section(section: Section) -> dict[str, Any]:
    counts = {"paragraphs": 0, "bullets": 0, "loose_lines": 0}
    blocks = []
    for block in section.blocks:
        if isinstance(block, Paragraph):
            counts["paragraphs"] += 1
            blocks.append(_paragraph(block))
        elif isinstance(block, ListItem):
            counts["bullets"] += 1
            blocks.append(_bullet(block))
        elif isinstance(block, LooseLine):
            counts["loose_lines"] += 1
            blocks.append({"loose": _short(block.text)})
        else:  # pragma: no cover - a new block type must be added to the digest
            raise TypeError(f"unknown block type {type(block).__name__}")
    return {
        "heading": section.heading,
        "kind": section.kind.name,
        "block_counts": counts,
        "blocks": blocks,
        "subsections": [_section(s) for s in section.subsections],
    }


def _paragraph(paragraph: Paragraph) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "paragraph": paragraph.number,
        "marker": paragraph.marker,
        "text": _short(paragraph.text),
    }
    if paragraph.number is None:
        entry["unnumbered_reason"] = paragraph.unnumbered_reason
    if paragraph.items:
        entry["items"] = outline(paragraph.items)
    return entry


def _bullet(item: ListItem) -> dict[str, Any]:
    entry: dict[str, Any] = {"bullet": item.marker, "text": _short(item.text)}
    if item.items:
        entry["items"] = outline(item.items)
    return entry


def outline(items: tuple[ListItem, ...]) -> str:
    """The markers of nested items, deeper levels in brackets: ``'• [1. 2.] •'``."""
    parts = []
    for item in items:
        parts.append(item.marker)
        if item.items:
            parts.append(f"[{outline(item.items)}]")
    return " ".join(parts)


def _short(text: str) -> str:
    return text[:TEXT_WIDTH]


def dumps(data: dict[str, Any]) -> str:
    """The golden file's text: stable and readable.

    Curly quotes, ``£`` and ``…`` are kept as written; invisible or look-alike
    characters (NBSP, the non-breaking hyphen) are written as ``\\uXXXX``
    escapes so a reviewer can see them.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    for char in INVISIBLE:
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def check_golden(decision: Decision, golden: Path) -> None:
    """Compare the decision's digest with the golden file, or write it when regenerating."""
    actual = digest(decision)
    if regenerating():
        golden.write_text(dumps(actual), encoding="utf-8")
        pytest.skip(f"regenerated {golden.name}: check it against the text and review the diff")
    if not golden.exists():
        pytest.fail(f"no golden file {golden.name}; run with {REGEN_VARIABLE}=1, then check it")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert actual == expected
