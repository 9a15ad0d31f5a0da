"""Write statements in the compact layout, read them back, and show what was lost.

    python examples/compact_round_trip.py [FILE|DIR] [--print]

The compact layout (no blank lines, no "Back to top", every list entry a
``- `` line) is how some copies of decision statements look. It cannot say
whether an entry was a numbered paragraph or a bullet, what was nested under
what, and so which website paragraph number each has; nor, without "Back to
top", whether a free heading opened a top-level section. For each statement
this script reports what the trip to the compact layout lost, checks that
every heading, entry and line of text survived in order, and checks that the
compact text is stable: parsing and rendering it again changes nothing.

With ``--print``, it prints the compact text itself instead.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from _statements import add_statements_argument, read_decisions, statement_files

import lgo_parse
from lgo_parse import Decision, ListItem, LooseLine, Paragraph

SEPARATOR = "back to top"


def with_items(entry: Paragraph | ListItem) -> Iterator[Paragraph | ListItem]:
    """An entry, then the items nested under it, depth first."""
    yield entry
    for item in entry.items:
        yield from with_items(item)


def entries(decision: Decision) -> Iterator[Paragraph | ListItem]:
    """Every list entry of a decision, nested ones too, in document order."""
    for section in decision.walk():
        for block in section.blocks:
            if not isinstance(block, LooseLine):
                yield from with_items(block)


def texts(decision: Decision) -> list[str]:
    """The words of the body in document order: headings, entries and loose lines."""
    out: list[str] = []
    for section in decision.walk():
        if section.heading is not None:
            out.append(section.heading)
        for block in section.blocks:
            if isinstance(block, LooseLine):
                out.append(block.text)
            else:
                out.extend(entry.text for entry in with_items(block))
    return out


def count_lines(text: str, *, blank: bool = False, separator: bool = False) -> int:
    lines = text.split("\n")
    if blank:
        return sum(1 for line in lines[:-1] if not line.strip())
    if separator:
        return sum(1 for line in lines if line.strip().lower() == SEPARATOR)
    return len(lines) - 1 + (1 if lines[-1] else 0)


def report(decision: Decision) -> list[str]:
    """What the compact layout loses of ``decision``, and whether its compact text is stable."""
    original = lgo_parse.render(decision)
    compact = lgo_parse.render(decision, layout="compact")
    back = lgo_parse.parse(compact)

    all_entries = list(entries(decision))
    bullets = sum(1 for s in decision.walk() for b in s.blocks if isinstance(b, ListItem))
    nested = len(all_entries) - len(decision.paragraphs) - bullets
    numbered = sum(1 for p in decision.paragraphs if p.number is not None)
    markers = sum(1 for entry in all_entries if entry.marker != "-")
    top_before = [s.heading for s in decision.sections]
    top_after = {s.heading for s in back.sections}
    demoted = [h for h in top_before if h not in top_after]

    lost = []
    if markers:
        lost.append(f"{markers} markers ('1.', '•', ...) became '-'")
    if bullets:
        lost.append(f"{bullets} bullets at the paragraph level became paragraphs")
    if nested:
        lost.append(f"{nested} nested items became paragraphs of their own")
    if numbered:
        lost.append(f"{numbered} website paragraph numbers")
    separators = count_lines(original, separator=True) - count_lines(compact, separator=True)
    if separators:
        lost.append(f"{separators} 'Back to top' lines")
    blanks = count_lines(original, blank=True) - count_lines(compact, blank=True)
    if blanks:
        lost.append(f"{blanks} blank lines")
    if demoted:
        lost.append("top-level sections now read as sub-sections: " + "; ".join(map(str, demoted)))

    again = lgo_parse.parse(lgo_parse.render(back, layout="compact"))
    checks = {
        "every heading, entry and line kept in order": texts(back) == texts(decision),
        "parse(render(compact)) == compact": again == back,
        "render(parse(text)) == text": lgo_parse.render(back) == compact,
    }
    lines = [
        f"  lines: {count_lines(original)} -> {count_lines(compact)};"
        f" paragraphs: {len(decision.paragraphs)} -> {len(back.paragraphs)}",
        "  lost: " + ("; ".join(lost) if lost else "nothing (already compact)"),
    ]
    lines += [f"  {'ok' if passed else 'FAILED'}: {check}" for check, passed in checks.items()]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_statements_argument(parser)
    parser.add_argument(
        "--print",
        dest="show",
        action="store_true",
        help="print the compact text of each statement instead of the report",
    )
    args = parser.parse_args(argv)

    paths = statement_files(args.statements)
    unstable = 0
    for path, decision in read_decisions(paths):
        if args.show:
            if len(paths) > 1:
                print(f"==> {path.name} <==")
            print(lgo_parse.render(decision, layout="compact"))
            continue
        lines = report(decision)
        unstable += any("FAILED" in line for line in lines)
        style = decision.form.value
        print(f"{path.name} ({style} layout)")
        print("\n".join(lines))
    if unstable:
        print(f"\n{unstable} statements did not survive the compact round trip")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
