"""Every form over the real pages: parse, round-trip, header fields, forms, copies' headings.

The pages are read from ``../shared/corpus/pages`` (never copied into the
project). For each page:

* it must parse and ``render(parse(text)) == text`` byte for byte;
* outcome, category and decision date are compared with the values in
  ``MANIFEST.tsv``'s notes (``decision=``, ``category=``, ``date=``), where the
  notes give them; the share right is printed (target: at least 99.5%);
* forms and kinds are counted;
* third-party copies' heading lists (every heading, in document order) are
  compared with the hand labels' ``headings`` in ``benchmarks/labels/pages.jsonl``
  where a label has them: the share of copies whose list matches exactly, and
  the mismatches listed. Without labels the headings read are listed for a
  person to check.

    python benchmarks/evaluate_forms.py [--pages DIR] [--json] [--show-headings]
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import lgo_parse

HERE = Path(__file__).resolve().parent
LABELS = HERE / "labels" / "pages.jsonl"
PAGES = HERE.parent.parent.parent / "shared" / "corpus" / "pages"
if not PAGES.is_dir():
    PAGES = Path("/work/shared/corpus/pages")
TARGET = 0.995
FIELDS = {"decision": "outcome", "category": "category", "date": "decision date"}


def manifest(pages: Path) -> dict[str, dict[str, str]]:
    """File name -> its MANIFEST.tsv row, with ``notes`` split into ``key=value`` pairs."""
    rows: dict[str, dict[str, str]] = {}
    lines = (pages / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=False))
        for part in row.get("notes", "").split(";"):
            key, sep, value = part.strip().partition("=")
            if sep and key in FIELDS:
                row[key] = value.strip()
        rows[row["file"]] = row
    return rows


def heading_labels() -> dict[str, list[str]]:
    """File name -> the labelled heading list, for labels that have one."""
    labels: dict[str, list[str]] = {}
    if not LABELS.exists():
        return labels
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            if "headings" in entry:
                labels[entry["file"]] = list(entry["headings"])
    return labels


def read_value(decision: lgo_parse.Decision, key: str) -> str | None:
    """The decision's value of a manifest field, written as the manifest writes it."""
    if key == "decision":
        return None if decision.outcome is None else decision.outcome.text
    if key == "category":
        return None if decision.category is None else decision.category.text
    date = decision.decision_date
    return None if date is None else date.strftime("%d %b %Y")


def same_date(expected: str, got: str | None) -> bool:
    if got is None:
        return False
    try:
        return datetime.datetime.strptime(expected, "%d %b %Y").date() == (
            datetime.datetime.strptime(got, "%d %b %Y").date()
        )
    except ValueError:
        return expected == got


def is_copy(row: dict[str, str]) -> bool:
    return "third-party copy" in row.get("notes", "")


def evaluate(pages: Path) -> dict[str, Any]:
    rows = manifest(pages)
    labels = heading_labels()
    failures: list[str] = []
    forms: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    checked: Counter[str] = Counter()
    right: Counter[str] = Counter()
    wrong: list[str] = []
    copies: dict[str, list[str | None]] = {}
    files = sorted(p for p in pages.glob("*.txt"))
    for path in files:
        text = path.read_bytes().decode("utf-8")
        try:
            decision = lgo_parse.parse(text)
        except lgo_parse.ParseError as error:
            failures.append(f"{path.name}: ParseError {error.line}:{error.column} {error.reason}")
            continue
        if lgo_parse.render(decision) != text:
            failures.append(f"{path.name}: render differs from the text")
        forms[decision.form.value] += 1
        kinds[decision.kind.value] += 1
        row = rows.get(path.name, {})
        for key, field in FIELDS.items():
            if key not in row:
                continue
            checked[key] += 1
            got = read_value(decision, key)
            ok = same_date(row[key], got) if key == "date" else row[key] == got
            if ok:
                right[key] += 1
            else:
                wrong.append(f"{path.name}: {field} {row[key]!r} read as {got!r}")
        if is_copy(row):
            copies[path.name] = [s.heading for s in decision.walk()]
    labelled = {name: labels[name] for name in copies if name in labels}
    mismatches = [
        f"{name}: read {copies[name]} labelled {expected}"
        for name, expected in labelled.items()
        if copies[name] != expected
    ]
    total_checked = sum(checked.values())
    return {
        "pages": len(files),
        "parse_and_round_trip": len(files) - len(failures),
        "failures": failures,
        "fields": {FIELDS[key]: {"right": right[key], "checked": checked[key]} for key in FIELDS},
        "fields_right_share": (sum(right.values()) / total_checked) if total_checked else None,
        "fields_wrong": wrong,
        "forms": dict(forms.most_common()),
        "kinds": dict(kinds.most_common()),
        "copies": len(copies),
        "copies_labelled": len(labelled),
        "copies_headings_exact": len(labelled) - len(mismatches),
        "copies_mismatches": mismatches,
        "copies_headings": copies,
    }


def report(result: dict[str, Any], show_headings: bool) -> str:
    lines = [
        f"pages: {result['pages']}; parse and round-trip: {result['parse_and_round_trip']}",
        *(f"  FAIL {f}" for f in result["failures"]),
        "header fields against MANIFEST.tsv notes:",
    ]
    for name, counts in result["fields"].items():
        share = counts["right"] / counts["checked"] if counts["checked"] else float("nan")
        lines.append(f"  {name:14} {counts['right']:4}/{counts['checked']:<4} {share:.2%}")
    share = result["fields_right_share"]
    verdict = "" if share is None else ("  (target met)" if share >= TARGET else "  (BELOW TARGET)")
    lines.append(
        f"  all fields     {'n/a' if share is None else f'{share:.2%}'}"
        f"  target >= {TARGET:.1%}{verdict}"
    )
    lines += [f"  WRONG {w}" for w in result["fields_wrong"]]
    lines.append("forms: " + ", ".join(f"{k} {v}" for k, v in result["forms"].items()))
    lines.append("kinds: " + ", ".join(f"{k} {v}" for k, v in result["kinds"].items()))
    lines.append(f"third-party copies: {result['copies']}")
    if result["copies_labelled"]:
        exact = result["copies_headings_exact"]
        lines.append(
            f"  headings exact: {exact}/{result['copies_labelled']} labelled copies"
            f" ({exact / result['copies_labelled']:.1%})"
        )
        lines += [f"  MISMATCH {m}" for m in result["copies_mismatches"]]
    else:
        lines.append(
            "  headings: no hand label in benchmarks/labels/pages.jsonl has a 'headings' list;"
            " nothing to score (use --show-headings to check them by eye)"
        )
    if show_headings:
        for name, headings in result["copies_headings"].items():
            lines.append(f"  {name}: {headings}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=Path, default=PAGES, help="the folder of page texts")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--show-headings", action="store_true", help="list copies' headings")
    args = parser.parse_args(argv)
    result = evaluate(args.pages)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(report(result, args.show_headings))
    ok = not result["failures"] and (result["fields_right_share"] or 0) >= TARGET
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
