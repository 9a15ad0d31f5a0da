"""Score the fact finders against hand labels of real pages, tune and held-out apart.

The labels (``benchmarks/labels/pages.jsonl``, one JSON line per page, values
only) were made by reading the pages, blind to the code, following
``../shared/corpus/pages/LABELLING.md``. A page is HELD OUT when
``sha256(file name) % 5`` is 0 or 1, else TUNE: rules are written against tune
pages only, and the held-out figures say how they generalise.

Fields scored:

* remedies: per document, the set of distinct ``(kind, amount)`` pairs;
  precision, recall and F1 over all pairs;
* payment amounts: of the distinct stated payment sums labelled, the share
  found exactly (as a payment of that sum);
* investigated, fault, injustice: accuracy on pages where the label decides
  them (not null);
* reasons: exact-set accuracy on pages labelled not investigated;
* citations: precision and recall over distinct titles (case and a leading
  "the" ignored).

A page the parser rejects counts as a miss on every field it has a label for.

    python benchmarks/evaluate_facts.py [--errors] [--split tune|held-out|all] [--pages DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import lgo_parse

HERE = Path(__file__).resolve().parent
LABELS = HERE / "labels" / "pages.jsonl"
PAGES = HERE.parent.parent.parent / "shared" / "corpus" / "pages"
if not PAGES.is_dir():
    PAGES = Path("/work/shared/corpus/pages")

Pair = tuple[str, str | None]


def split_of(file_name: str) -> str:
    """Return "held-out" or "tune" for a page, from its file name alone."""
    held = int(hashlib.sha256(file_name.encode()).hexdigest(), 16) % 5 in (0, 1)
    return "held-out" if held else "tune"


def _amount(value: Any) -> str | None:
    if value is None:
        return None
    text = format(value, "f") if not isinstance(value, str) else value
    if "." in text:
        text = text.rstrip("0").rstrip(".") if text.endswith(".00") else text
    return text


def _title(title: str) -> str:
    words = title.replace("’", "'").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words).lower()


class Score:
    """Counts for one split."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.errors: dict[str, list[str]] = defaultdict(list)

    def pr(self, name: str) -> str:
        tp, fp, fn = (self.counts[f"{name}.{k}"] for k in ("tp", "fp", "fn"))
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"precision {p:.2f}  recall {r:.2f}  F1 {f:.2f}  (tp {tp}, fp {fp}, fn {fn})"

    def acc(self, name: str) -> str:
        right, total = self.counts[f"{name}.right"], self.counts[f"{name}.total"]
        share = right / total if total else 1.0
        return f"{share:.2f}  ({right}/{total})"


def _set_score(score: Score, name: str, page: str, want: Iterable[Any], got: Iterable[Any]) -> None:
    want_set, got_set = set(want), set(got)
    score.counts[f"{name}.tp"] += len(want_set & got_set)
    score.counts[f"{name}.fp"] += len(got_set - want_set)
    score.counts[f"{name}.fn"] += len(want_set - got_set)
    for extra in sorted(got_set - want_set, key=repr):
        score.errors[f"{name}: extra"].append(f"{page}: {extra}")
    for missed in sorted(want_set - got_set, key=repr):
        score.errors[f"{name}: missed"].append(f"{page}: {missed}")


def _accuracy(score: Score, name: str, page: str, want: Any, got: Any) -> None:
    if want is None:
        return
    score.counts[f"{name}.total"] += 1
    if want == got:
        score.counts[f"{name}.right"] += 1
    else:
        score.errors[f"{name}: {want} read as {got}"].append(page)


def evaluate(label: dict[str, Any], decision: lgo_parse.Decision | None, score: Score) -> None:
    """Add one page's comparison to ``score``."""
    page = label["file"]
    if decision is None:
        score.errors["page does not parse"].append(page)
    want_pairs: set[Pair] = {(r["kind"], _amount(r["amount"])) for r in label["remedies"]}
    got_pairs: set[Pair] = set()
    findings = None
    citations: set[str] = set()
    if decision is not None:
        got_pairs = {(r.kind.value, _amount(r.amount)) for r in decision.remedies}
        findings = decision.findings
        citations = {_title(c.title) for c in decision.citations}
    _set_score(score, "remedies", page, want_pairs, got_pairs)
    want_amounts = {a for k, a in want_pairs if k == "payment" and a is not None}
    got_amounts = {a for k, a in got_pairs if k == "payment" and a is not None}
    score.counts["amounts.total"] += len(want_amounts)
    score.counts["amounts.right"] += len(want_amounts & got_amounts)
    for missed in sorted(want_amounts - got_amounts):
        score.errors["amounts: missed"].append(f"{page}: £{missed}")
    investigated = findings.investigated if findings else None
    fault = findings.fault.value if findings and findings.fault else None
    injustice = findings.injustice.value if findings and findings.injustice else None
    _accuracy(score, "investigated", page, label["investigated"], investigated)
    _accuracy(score, "fault", page, label["fault"], fault)
    _accuracy(score, "injustice", page, label["injustice"], injustice)
    if label["investigated"] is False:
        got_reasons = sorted(r.value for r in findings.reasons) if findings else []
        _accuracy(score, "reasons", page, sorted(label["reasons"]), got_reasons)
    _set_score(score, "citations", page, {_title(t) for t in label["citations"]}, citations)


def report(name: str, score: Score, pages: int) -> list[str]:
    return [
        f"{name} ({pages} pages)",
        f"  remedies (kind, amount)  {score.pr('remedies')}",
        f"  payment amounts exact    {score.acc('amounts')}",
        f"  investigated             {score.acc('investigated')}",
        f"  fault                    {score.acc('fault')}",
        f"  injustice                {score.acc('injustice')}",
        f"  reasons (exact set)      {score.acc('reasons')}",
        f"  citations (titles)       {score.pr('citations')}",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the errors, by kind")
    parser.add_argument("--split", choices=("tune", "held-out", "all"), default="all")
    parser.add_argument("--pages", type=Path, default=PAGES, help="the folder of page texts")
    options = parser.parse_args(argv)
    labels = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]
    scores = {"tune": Score(), "held-out": Score()}
    # The same, on the pages the parser accepts: what the finders do, apart from the parser.
    parsed_scores = {"tune": Score(), "held-out": Score()}
    sizes: Counter[str] = Counter()
    for label in labels:
        split = split_of(label["file"])
        if options.split not in ("all", split):
            continue
        text = (options.pages / label["file"]).read_text(encoding="utf-8")
        try:
            decision: lgo_parse.Decision | None = lgo_parse.parse(text)
        except lgo_parse.ParseError:
            decision = None
        evaluate(label, decision, scores[split])
        sizes[split] += 1
        if decision is not None:
            evaluate(label, decision, parsed_scores[split])
            sizes[split + " parsed"] += 1
    lines: list[str] = []
    for split, score in scores.items():
        if sizes[split]:
            lines += report(split, score, sizes[split])
            parsed = sizes[split + " parsed"]
            lines += report(f"{split}, pages that parse", parsed_scores[split], parsed)
            if options.errors:
                for kind, cases in sorted(score.errors.items(), key=lambda kv: -len(kv[1])):
                    lines.append(f"    {len(cases):3}  {kind}")
                    lines += [f"           {case}" for case in cases]
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
