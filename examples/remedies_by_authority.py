"""The remedies of each authority, and the total it agreed to pay, for a folder of statements.

    python examples/remedies_by_authority.py [FILE|DIR]

For each authority: how many decisions, how many remedies (apologies,
payments, procedure changes, ...), how many of them are payments, and the sum
of the amounts, in pounds exactly as written (a ``Decimal``, never a float).
The amounts come from ``Decision.remedies``, which reads the agreed action,
the final decision and the summary; sums mentioned elsewhere (an earlier
offer, the Ombudsman's guidance) are not remedies.
"""

from __future__ import annotations

import argparse
from decimal import Decimal

import attrs
from _statements import add_statements_argument, read_decisions, statement_files

import lgo_parse

NO_AUTHORITY = "(no authority)"


@attrs.define
class Tally:
    """What one authority agreed to, over all its decisions."""

    decisions: int = 0
    remedies: int = 0
    payments: int = 0
    paid: Decimal = Decimal(0)

    def add(self, decision: lgo_parse.Decision) -> None:
        self.decisions += 1
        for remedy in decision.remedies:
            self.remedies += 1
            if remedy.kind is lgo_parse.RemedyKind.PAYMENT:
                self.payments += 1
            if remedy.amount is not None:
                self.paid += remedy.amount


def pounds(amount: Decimal) -> str:
    """``Decimal("1000")`` -> ``£1,000``; pence are shown only when there are some."""
    return f"£{amount:,}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_statements_argument(parser)
    args = parser.parse_args(argv)

    tallies: dict[str, Tally] = {}
    for _, decision in read_decisions(statement_files(args.statements)):
        tallies.setdefault(decision.authority or NO_AUTHORITY, Tally()).add(decision)

    total = Tally()
    width = max([len("authority"), *(len(name) for name in tallies)])
    header = f"{'authority':<{width}}  decisions  remedies  payments  {'total paid':>12}"
    print(header)
    print("-" * len(header))
    # The authorities that paid most first, then by name.
    for name, tally in sorted(tallies.items(), key=lambda item: (-item[1].paid, item[0])):
        print(
            f"{name:<{width}}  {tally.decisions:>9}  {tally.remedies:>8}  {tally.payments:>8}"
            f"  {pounds(tally.paid):>12}"
        )
        total.decisions += tally.decisions
        total.remedies += tally.remedies
        total.payments += tally.payments
        total.paid += tally.paid
    print("-" * len(header))
    print(
        f"{'total':<{width}}  {total.decisions:>9}  {total.remedies:>8}  {total.payments:>8}"
        f"  {pounds(total.paid):>12}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
