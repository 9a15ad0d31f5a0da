"""Dropping a decision frees its memory: module caches hold only small values.

Defect guarded (issue 14): caches bounded by entry count, not size, kept
10 MB strings alive after the decision was dropped (a layout of trailing blank
space, a long lettered heading, a long date field). This is a leak check, not
a speed or size figure: each text is a few megabytes, and what stays behind
after it is dropped must be a small fraction of that.
"""

from __future__ import annotations

import gc
import tracemalloc

import pytest

import lgo_parse

BIG = 2_000_000
HEAD = "Example Council (23 013 577)\n\nCategory : Planning > Enforcement\n\n"


def _use(text: str) -> int:
    """Parse, read every heading's kind (through the kinds' cache), render; keep nothing."""
    decision = lgo_parse.parse(text)
    kinds = [section.kind for section in decision.walk()]
    return len(lgo_parse.render(decision)) + 0 * len(kinds)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(HEAD + "The complaint" + " " * BIG + "\n", id="trailing-blank-space"),
        pytest.param(HEAD + "The complaint\n\n" + "\n" * BIG, id="blank-lines"),
        pytest.param(
            HEAD + "A) The Council " + "failed " * (BIG // 7) + "\n", id="long-lettered-heading"
        ),
        pytest.param(
            "Example Council (23 013 577)\n\nDecision date : 05 Jan " + "9" * BIG + "\n",
            id="long-date-field",
        ),
    ],
)
def test_a_dropped_decision_leaves_no_big_string_behind(text: str) -> None:
    _use(text[:2000])  # warm up (lazy imports, regex compiles) on another text
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        rendered = _use(text)
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert rendered == len(text)
    assert kept < len(text) // 20, f"{kept} bytes kept after a {len(text)}-character text"
