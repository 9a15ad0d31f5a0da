"""Every decision that cites a given section of an Act.

    python examples/cites_section.py [FILE|DIR] [--act "Local Government Act 1974"] [--section 26]

A citation matches when its title is the Act (case, spacing and apostrophe
style aside) and one of its provisions is the section: ``--section 26``
matches "section 26", "26(1)" and "26(1)(a)", but not "26A(1)", which is
section 26A. Without ``--section``, any citation of the Act matches.
Each match is shown with the line it stands on in the statement.
"""

from __future__ import annotations

import argparse
import re

from _statements import add_statements_argument, read_decisions, statement_files


def normalised(title: str) -> str:
    """Compare titles without regard to case, spacing or curly apostrophes."""
    return " ".join(title.replace("’", "'").casefold().split())


def cites(provision: str, section: str) -> bool:
    """Is ``provision`` (``"26A(1)"``, ``"Part 7"``) the section ``section`` or a part of it?"""
    return re.fullmatch(rf"{re.escape(section)}(?:\(.*\))?", provision, re.IGNORECASE) is not None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_statements_argument(parser)
    parser.add_argument(
        "--act",
        default="Local Government Act 1974",
        help="the Act's title with its year (default: %(default)s)",
    )
    parser.add_argument(
        "--section",
        help="a section number such as 26 or 24A; any provision of the Act when left out",
    )
    args = parser.parse_args(argv)

    act = normalised(args.act)
    what = f"section {args.section} of the {args.act}" if args.section else f"the {args.act}"
    print(f"Decisions citing {what}:")
    total = matched = 0
    for path, decision in read_decisions(statement_files(args.statements)):
        total += 1
        found = [
            citation
            for citation in decision.citations
            if normalised(citation.title) == act
            and (args.section is None or any(cites(p, args.section) for p in citation.provisions))
        ]
        if not found:
            continue
        matched += 1
        print(f"\n  {path.name}: {decision.authority} ({decision.reference})")
        for citation in found:
            line = f"line {citation.span.line}" if citation.span else "built in code"
            print(f"    {line}: {citation.text}")
    print(f"\n{matched} of {total} decisions cite {what}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
