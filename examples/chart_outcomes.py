"""A bar chart of outcomes by category, saved as a PNG.

    python examples/chart_outcomes.py [FILE|DIR] [--output outcomes.png] [--full]

One horizontal bar per category, split by outcome (the counts of
``outcomes_by_category.py``). Needs matplotlib, the optional extra ``plot``:
``pip install "lgo-parse[plot]"``. Without it the script says so and exits
successfully, having drawn nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from _statements import add_statements_argument, read_decisions, statement_files
from outcomes_by_category import COLUMNS, count_outcomes

COLOURS = {
    "upheld": "#c0392b",
    "not upheld": "#27ae60",
    "closed after initial enquiries": "#7f8c8d",
    "other": "#f39c12",
    "(no outcome)": "#d5d8dc",
}
MISSING_MATPLOTLIB = (
    "chart_outcomes.py draws with matplotlib, which is not installed.\n"
    'Install it with: pip install "lgo-parse[plot]"  (or: pip install matplotlib)'
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_statements_argument(parser)
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("outcomes_by_category.png"),
        help="the PNG file to write (default: %(default)s)",
    )
    parser.add_argument(
        "--full", action="store_true", help="one bar per full category, not per top level"
    )
    args = parser.parse_args(argv)

    try:
        import matplotlib
    except ImportError:
        print(MISSING_MATPLOTLIB)
        return 0
    matplotlib.use("Agg")  # draw to a file; no window, no display needed
    import matplotlib.pyplot as plt

    decisions = [decision for _, decision in read_decisions(statement_files(args.statements))]
    table = count_outcomes(decisions, full=args.full)
    categories = list(table)[::-1]  # matplotlib draws the first bar at the bottom

    figure, axes = plt.subplots(figsize=(9, 1.2 + 0.5 * len(categories)), layout="constrained")
    left = [0] * len(categories)
    for outcome in COLUMNS:
        counts = [table[category][outcome] for category in categories]
        if not any(counts):
            continue
        axes.barh(categories, counts, left=left, label=outcome, color=COLOURS.get(outcome))
        left = [a + b for a, b in zip(left, counts, strict=True)]
    axes.set_xlabel("decisions")
    axes.set_title(f"Outcomes by category ({len(decisions)} decisions)")
    axes.xaxis.get_major_locator().set_params(integer=True)
    axes.legend(loc="lower right", fontsize="small")
    figure.savefig(args.output, dpi=100)
    plt.close(figure)
    print(f"wrote {args.output} ({len(categories)} categories, {len(decisions)} decisions)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
