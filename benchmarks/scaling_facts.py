"""No pathological inputs for the fact finders (issue 14): time as hostile text grows eightfold.

    python benchmarks/scaling_facts.py [--size 2000] [--limit 5]

Two checks, each at two sizes eight times apart:

1. **Every pattern of every finder.** Each compiled regular expression in the
   fact finder modules is run (``finditer``) over runs of the pieces that make
   patterns backtrack: spaces, full stops, commas with numbers, "£1 ",
   capitalised words, "and ", brackets, quotation marks, years, "section 1, ".
2. **Every registered fact on the shapes issue 14 found** (and a few more),
   as a summary and as an Agreed action paragraph: the whole finder, with its
   sentence split and its objects.

Growth of time more than ``SUPERLINEAR`` times the growth of size is flagged
(only when the larger input takes at least ``FLAG_MIN_SECONDS``), and the
command exits 1. A run slower than ``--limit`` seconds at the small size is
flagged and its larger size not tried.
"""

from __future__ import annotations

import argparse
import importlib
import re
import time
from collections.abc import Callable

import lgo_parse
from lgo_parse._facts import REGISTRY
from lgo_parse._facts._lazy_regex import Lazy
from lgo_parse._facts._patterns import Gated, Started, Worded

SUPERLINEAR = 3.0
FLAG_MIN_SECONDS = 0.02
GROWTH = 8

MODULES = (
    "_citations",
    "_crossrefs",
    "_deadlines",
    "_findings",
    "_money",
    "_parties",
    "_remedies",
    "_text",
)

# Patterns the finders only run anchored (``match``/``fullmatch`` at one
# offset) or in a window of bounded size: their cost on a run of n characters
# is one attempt, so ``finditer`` over the whole run says nothing about them.
ANCHORED = {
    "_citations._AND_YEAR": "match right after an Act's year",
    "_citations._BEFORE": "search in the 100 characters before a title",
    "_citations._BEFORE_STARTED": "_BEFORE, started: search in the 100 characters before a title",
    "_citations._AFTER": "match right after a citation",
    "_citations._YEAR_AFTER": "match right after a title",
    "_citations._YEAR_AT_END": "search in a quoted title of at most 150 characters",
    "_crossrefs._OF_ELSEWHERE": "match right after a reference",
    "_crossrefs._STATUTE_BEFORE": "search in the 40 characters before a reference",
    "_findings._DECIDING_HEADING": "match at the start of a heading",
    "_findings._PART": "search in the 30 characters after a stop",
    "_money._RANGE_JOIN": "fullmatch between two sums",
    "_money._BETWEEN": "search in the 12 characters before a sum",
    "_parties._RELATIVE_BEFORE": "search in the 25 characters before a letter",
    "_parties._QUALIFIER_BEFORE": "search in the 12 characters before a role",
    "_parties._AFTER_BRACKETED": "match right after a letter",
    "_parties._AFTER_APPOSED": "match right after a letter",
    "_remedies._REMEDY_HEADING": "fullmatch of a heading",
    "_remedies._BEFORE_RECIPIENT": "search between a sentence start and a name",
    "_text._LAST_WORD": "search in the 8 characters before a full stop",
}

PIECES = (
    " ",
    ".",
    ", 2",
    "£1 ",
    "Aa ",
    "and ",
    "(",
    ") ",
    "‘",
    "1989 ",
    "section 1, ",
    "Act ",
    "a",
    "1 to 50 to ",
    "not ",
    "fault ",
)

# (name, text of about n characters): the shapes issue 14 lists, and more.
SHAPES: tuple[tuple[str, Callable[[int], str]], ...] = (
    ("citation then spaces", lambda n: "Children Act 1989 section 1" + " " * n + "x"),
    ("pay then dots", lambda n: "Pay Mr X " + "." * n),
    ("pay many sums", lambda n: "pay Mr X " + "£1 " * (n // 3)),
    (
        "apologise and pay her, repeated",
        lambda n: "Mrs Y " + "apologise to her and pay her £1 " * (n // 32),
    ),
    ("paragraph list then decimal", lambda n: "paragraphs 1" + ", 2" * (n // 3) + ".5"),
    ("see paragraphs ranges", lambda n: "See paragraphs " + "1 to 50 to " * (n // 11) + "1."),
    ("many sentences, one paragraph", lambda n: "We found fault. Pay Mrs Y £1. " * (n // 30)),
    ("capitalised words before Act", lambda n: "The " + "Aa " * (n // 3) + "Act 1989"),
    ("quotes", lambda n: "guidance ‘" + "A" * n),
    ("within many", lambda n: "within " * (n // 7) + "4 weeks"),
    ("not not fault", lambda n: "We did " + "not " * (n // 4) + "find fault."),
    ("huge sum", lambda n: "Agreed action: pay Mr X £" + "1" * min(n, 4000) + "m."),
    # The scan's places (``_parties.scan_places``): the white space after a word is
    # read to see whether an id follows; capitals in a row are read as codes.
    ("words before white space", lambda n: ("Child" + " " * 45) * (n // 50) + "Q"),
    ("capitals in a row", lambda n: "AB" * (n // 2) + "1"),
)


def _compiled(value: object) -> re.Pattern[str] | None:
    # A gated, started or worded pattern is checked as the pattern it wraps.
    while isinstance(value, (Gated, Started, Worded)):
        value = value.pattern
    if isinstance(value, Lazy):
        return value.compiled()
    return value if isinstance(value, re.Pattern) else None


def patterns() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for name in MODULES:
        module = importlib.import_module(f"lgo_parse._facts.{name}")
        for attribute, value in vars(module).items():
            pattern = _compiled(value)
            if pattern is not None:
                found.append((f"{name}.{attribute}", pattern))
            elif isinstance(value, tuple):
                for index, entry in enumerate(value):
                    items = entry if isinstance(entry, tuple) else (entry,)
                    item = next((p for p in map(_compiled, items) if p is not None), None)
                    if item is not None:
                        found.append((f"{name}.{attribute}[{index}]", item))
    return found


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def facts_of(text: str) -> Callable[[], object]:
    # A paragraph built in code cannot start or end with white space.
    text = text.strip()

    def run() -> object:
        for decision in (
            lgo_parse.Decision(summary=text),
            lgo_parse.Decision(
                sections=[lgo_parse.Section("Agreed action", [lgo_parse.Paragraph(text)])]
            ),
        ):
            for kind in REGISTRY:
                getattr(decision, kind.name)
            decision.to_dict()
        return None

    return run


def check(name: str, make: Callable[[int], Callable[[], object]], size: int, limit: float) -> bool:
    small = timed(make(size))
    if small > limit:
        print(f"FLAG  {name}: {small:.2f} s at {size} characters")
        return False
    large = timed(make(size * GROWTH))
    growth = large / small if small else 0.0
    flagged = large >= FLAG_MIN_SECONDS and growth > SUPERLINEAR * GROWTH
    mark = "FLAG " if flagged else "ok   "
    print(f"{mark} {name}: {small * 1000:8.2f} ms -> {large * 1000:8.2f} ms (x{growth:.1f})")
    return not flagged


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2000, help="the smaller size, in characters")
    parser.add_argument("--limit", type=float, default=5.0, help="seconds at the smaller size")
    options = parser.parse_args(argv)
    good = True
    print(f"Patterns on runs of pieces ({options.size} and {options.size * GROWTH} characters)")
    for name, pattern in patterns():
        if name in ANCHORED:
            continue
        for piece in PIECES:

            def make(
                n: int, pattern: re.Pattern[str] = pattern, piece: str = piece
            ) -> Callable[[], object]:
                text = piece * (n // len(piece))
                return lambda: sum(1 for _ in pattern.finditer(text))

            small = timed(make(options.size))
            large = timed(make(options.size * GROWTH))
            growth = large / small if small else 0.0
            if small > options.limit or (
                large >= FLAG_MIN_SECONDS and growth > SUPERLINEAR * GROWTH
            ):
                good = False
                print(f"FLAG  {name} on {piece!r}: {small * 1000:.2f} ms -> {large * 1000:.2f} ms")
    print(f"  (others linear on every piece; {len(ANCHORED)} run anchored only, not timed here)")
    print("Whole finders on hostile shapes")
    for name, shape in SHAPES:
        good &= check(name, lambda n, shape=shape: facts_of(shape(n)), options.size, options.limit)
    print("all linear" if good else "superlinear growth found")
    return 0 if good else 1


if __name__ == "__main__":
    raise SystemExit(main())
