"""A table of outcomes by category for a folder of decision statements.

    python examples/outcomes_by_category.py [FILE|DIR] [--full]

Rows are the top-level categories ("Adult care services"), or the full
categories with ``--full`` ("Adult care services > Charging"); columns are the
normalised outcomes. Statements that cannot be parsed are reported and left out.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterable

from _statements import add_statements_argument, read_decisions, statement_files

import lgo_parse

NO_CATEGORY = "(no category)"
NO_OUTCOME = "(no outcome)"
COLUMNS = (*(kind.value for kind in lgo_parse.OutcomeKind), NO_OUTCOME)
"""Outcome columns in a fixed order: upheld, not upheld, closed after initial enquiries, other."""


def count_outcomes(
    decisions: Iterable[lgo_parse.Decision], *, full: bool = False
) -> dict[str, Counter[str]]:
    """Count the decisions of each category by outcome.

    Args:
        decisions: The decisions to count.
        full: Use the full category rather than its top level.

    Returns:
        For each category, sorted by name, a count per outcome column.
    """
    table: dict[str, Counter[str]] = {}
    for decision in decisions:
        category = decision.category
        if category is None:
            row = NO_CATEGORY
        elif full:
            row = category.text
        else:
            row = category.top
        outcome = decision.outcome
        column = NO_OUTCOME if outcome is None else outcome.kind.value
        table.setdefault(row, Counter())[column] += 1
    return dict(sorted(table.items()))


def format_table(table: dict[str, Counter[str]]) -> str:
    """Lay the counts out as a plain-text table with totals."""
    totals: Counter[str] = Counter()
    for counts in table.values():
        totals.update(counts)
    columns = [c for c in COLUMNS if totals[c]] or list(COLUMNS[:1])
    width = max([len("category"), len("total"), *(len(row) for row in table)])
    lines = ["category".ljust(width) + "".join(f"  {c}" for c in columns) + "  total"]
    for row, counts in [*table.items(), ("total", totals)]:
        if row == "total":
            lines.append("-" * len(lines[0]))
        cells = "".join(f"  {counts[c]:>{len(c)}}" for c in columns)
        lines.append(f"{row:<{width}}{cells}  {sum(counts.values()):>5}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_statements_argument(parser)
    parser.add_argument(
        "--full", action="store_true", help="one row per full category, not per top level"
    )
    args = parser.parse_args(argv)

    decisions = [decision for _, decision in read_decisions(statement_files(args.statements))]
    table = count_outcomes(decisions, full=args.full)
    print(f"Outcomes by category ({len(decisions)} decisions)\n")
    print(format_table(table))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
