"""No pathological inputs (issue 3): parse time as inputs grow tenfold, twice.

    python benchmarks/scaling.py           # readable report
    python benchmarks/scaling.py --json    # the same numbers as JSON

Shapes, each at three sizes ten times apart (the smallest about one seed):

* many paragraphs: one section of 100, 1,000 and 10,000 numbered paragraphs;
* one huge paragraph: a single line of 100 KB, 1 MB and 10 MB;
* many headings: 1,000, 10,000 and 100,000 headings (sub-headings, with a
  ``Back to top`` and a new top-level section every 100);
* deep nesting: one ramp of bullets each indented deeper than the last, 10,
  100 and 1,000 levels deep (the text grows with the square of the depth);
* nesting ramps: ramps 20 levels deep and back, repeated 10, 100, 1,000 times;
* white space inside a line: one line with a run of 1,000, 10,000 and
  100,000 spaces or tabs, after a start that makes backtracking terminals
  try it ("Text ... end.", "Analysis ... of it.", "What happened ... !").

Each input is measured in its own process, killed after ``--timeout``
seconds (a regex cannot be interrupted otherwise); larger sizes of a shape
that timed out are not tried.

For each input: parse time, render time and the floor's time on the same
text (see ``_harness``), time per KB, and from one size to the next the
growth of time over the growth of size. Growth more than 3x faster than the
size is flagged. Every input must also round-trip (``render(parse(t)) == t``)
and parse without ``RecursionError``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import _harness
from _harness import progress, table

import lgo_parse

SUPERLINEAR = 3.0
"""Flag growth when time grows more than this many times faster than size."""

FLAG_MIN_SECONDS = 0.01
"""Growth is flagged only when the larger input takes at least this long: below
it, a 10 MB copy leaving the CPU cache looks like superlinear growth."""

SLOW = 1.0
"""Seconds: a parse slower than this is timed once, not repeated."""

HEADER = (
    "Example Council (23 013 577)\n\n"
    "Category : Adult care services > Charging\n\n"
    "Decision : Upheld\n\n"
    "Decision date : 28 May 2024\n\n"
    "The Ombudsman's final decision:\n\n"
    "Summary: Mr X complains about the way the Council charged for his care.\n\n"
)
ENDING = "Back to top\n\nInvestigator's decision on behalf of the Ombudsman\n"


def paragraph_texts() -> list[str]:
    """Real paragraph texts from the seeds, markers removed."""
    texts = []
    for _, seed in _harness.load_seeds():
        for kind, line in _harness.floor_classify(seed):
            if kind in ("numbered", "dash"):
                texts.append(line.strip().split(None, 1)[1] if " " in line.strip() else "")
    return [t for t in texts if t] or ["Mr X complains the Council did not reply."]


def many_paragraphs(n: int, texts: list[str]) -> str:
    # Lists restart in real text, and markers have at most three digits.
    body = "".join(f"  {i % 999 + 1}. {texts[i % len(texts)]}\n" for i in range(n))
    return f"{HEADER}The complaint\n\n{body}\n{ENDING}"


def huge_paragraph(size: int, texts: list[str]) -> str:
    words = " ".join(texts)
    line = (words * (size // len(words) + 1))[:size].rstrip()
    return f"{HEADER}The complaint\n\n  1. {line}\n\n{ENDING}"


def many_headings(n: int, texts: list[str]) -> str:
    parts = [HEADER, "The complaint\n\n", f"  1. {texts[0]}\n\n"]
    for i in range(n):
        if i and i % 100 == 0:
            parts.append("Back to top\n\nWhat I found\n\n")
        parts.append(f"Matters considered in part {i + 1}\n\n")
    parts.append(ENDING)
    return "".join(parts)


def _ramp(depth: int, text: str) -> list[str]:
    return [f"{'  ' * (level + 2)}• {text}\n" for level in range(depth)]


def deep_nesting(depth: int, texts: list[str]) -> str:
    items = "".join(_ramp(depth, texts[1 % len(texts)][:80]))
    return f"{HEADER}The complaint\n\n  1. {texts[0]}\n{items}\n{ENDING}"


def nesting_ramps(ramps: int, texts: list[str]) -> str:
    up = _ramp(20, texts[2 % len(texts)][:80])
    ramp = "".join(up + up[-2:0:-1])
    body = "".join(f"  {i % 999 + 1}. {texts[i % len(texts)]}\n{ramp}" for i in range(ramps))
    return f"{HEADER}The complaint\n\n{body}\n{ENDING}"


def _white_space_run(start: str, fill: str, end: str) -> Callable[[int, list[str]], str]:
    def make(size: int, texts: list[str]) -> str:
        line = start + fill * (size // len(fill)) + end
        return f"{HEADER}The complaint\n\n  1. {texts[0]}\n\n{line}\n\n{ENDING}"

    return make


def spaces_in_date(size: int, texts: list[str]) -> str:
    return HEADER.replace("28 May 2024", "28 " + " " * size + "May 2024") + (
        f"The complaint\n\n  1. {texts[0]}\n\n{ENDING}"
    )


SHAPES: list[tuple[str, str, Callable[[int, list[str]], str], tuple[int, ...]]] = [
    ("many paragraphs", "paragraphs", many_paragraphs, (100, 1_000, 10_000)),
    ("one huge paragraph", "bytes", huge_paragraph, (100_000, 1_000_000, 10_000_000)),
    ("many headings", "headings", many_headings, (1_000, 10_000, 100_000)),
    ("deep nesting (one ramp)", "levels", deep_nesting, (10, 100, 1_000)),
    ("nesting ramps (20 deep)", "ramps", nesting_ramps, (10, 100, 1_000)),
    # A long run of white space inside one line (text laid out with spaces,
    # a table flattened by copy and paste): found by trying every terminal
    # on such lines; these are the starts whose terminals backtrack.
    (
        "spaces inside a loose line",
        "spaces",
        _white_space_run("Text", " ", "end."),
        (1_000, 10_000, 100_000),
    ),
    (
        "spaces after 'Analysis'",
        "spaces",
        _white_space_run("Analysis", " ", "of it."),
        (1_000, 10_000, 100_000),
    ),
    (
        "tabs after 'What happened'",
        "tabs",
        _white_space_run("What happened", "\t", "!"),
        (1_000, 10_000, 100_000),
    ),
    ("spaces inside the decision date", "spaces", spaces_in_date, (1_000, 10_000, 100_000)),
]

# ---------------------------------------------------------------------------
# Every terminal of the grammar on lines built to make regexes backtrack.

PROBE_STARTS = (
    "Text",
    "Analysis",
    "What happened",
    "Injustice",
    "Category",
    "Decision",
    "Decision date",
    "Summary",
    "Law",
    "Relevant law",
    "1.",
    "•",
    "-",
    "A)",
    "The complaint",
    "Investigator's",
    "Back to top",
    "The Ombudsman's",
    "What I",
    "Parts of the complaint",
    "How I considered",
    "(",
    "Legal and",
    "Mr X's",
)
PROBE_FILLS = (" ", "\t", "\u00a0", "a ", " (", "'s ", "x")
PROBE_ENDS = ("", ".", "!", "x", ")", ":", " (23 013 577)")
PROBE_SIZES = (100, 400)
PROBE_FLAG = 8.0
"""Flag a terminal whose time grows this much when the line grows 4x (quadratic: 16x)."""


def _fullmatch_time(regex: re.Pattern[str], line: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        regex.fullmatch(line)
        best = min(best, time.perf_counter() - start)
    return best


def probe_terminals() -> list[dict[str, Any]]:
    """Time each terminal's regex on adversarial lines at two lengths; keep the worst growth.

    Catches a backtracking terminal before a document containing the line
    does: a run of white space where two parts of a pattern can both take
    it is the usual cause.
    """
    from lgo_parse._grammar import parser

    found: dict[str, dict[str, Any]] = {}
    for term in parser().terminals:
        regex = re.compile(term.pattern.to_regexp())
        for start, fill, end in itertools.product(PROBE_STARTS, PROBE_FILLS, PROBE_ENDS):
            small, large = (start + fill * (n // len(fill)) + end for n in PROBE_SIZES)
            t_small = _fullmatch_time(regex, small)
            t_large = _fullmatch_time(regex, large)
            ratio = t_large / max(t_small, 1e-7)
            # Sub-50 µs times are timer noise, whatever their ratio.
            if ratio > PROBE_FLAG and t_large > 50e-6:
                worst = found.get(term.name)
                if worst is None or t_large > worst["large_s"]:
                    found[term.name] = {
                        "terminal": term.name,
                        "line": f"{start!r} + {fill!r} * n + {end!r}",
                        "growth": ratio,
                        "large_s": t_large,
                        "pattern": term.pattern.to_regexp(),
                    }
    return sorted(found.values(), key=lambda f: -f["large_s"])


def measure(text: str, quick: bool) -> dict[str, Any]:
    """Time the floor, parse and render on one input; check the round trip."""
    result: dict[str, Any] = {"kb": len(text.encode("utf-8")) / 1000}
    try:
        start = time.perf_counter()
        decision = lgo_parse.parse(text)
        first = time.perf_counter() - start
    except RecursionError:
        result["error"] = "RecursionError"
        return result
    except lgo_parse.ParseError as error:
        result["error"] = f"ParseError: {str(error).splitlines()[0]}"
        return result
    try:
        rendered = lgo_parse.render(decision)
    except RecursionError:
        result["error"] = "RecursionError in render"
        return result
    result["roundtrip"] = rendered == text
    min_seconds, rounds = (0.05, 1) if quick else (0.3, 3)
    result["floor_s"] = _harness.repeat_until(
        lambda: _harness.floor_classify(text), min_seconds, rounds
    )
    if first > SLOW:
        result["parse_s"] = first  # one run says enough, and repeating may time out
    else:
        result["parse_s"] = _harness.repeat_until(
            lambda: lgo_parse.parse(text), min_seconds, rounds
        )
    result["render_s"] = _harness.repeat_until(
        lambda: lgo_parse.render(decision), min_seconds, rounds
    )
    result["parse_us_per_kb"] = result["parse_s"] * 1e6 / result["kb"]
    result["render_us_per_kb"] = result["render_s"] * 1e6 / result["kb"]
    result["times_floor"] = result["parse_s"] / result["floor_s"]
    return result


def growth(prev: dict[str, Any], cur: dict[str, Any]) -> dict[str, Any]:
    size = cur["kb"] / prev["kb"]
    out: dict[str, Any] = {"size_ratio": size}
    flags = []
    for key in ("floor_s", "parse_s", "render_s"):
        if key in prev and key in cur:
            ratio = cur[key] / prev[key]
            out[key.replace("_s", "_ratio")] = ratio
            out[key.replace("_s", "_ratio_over_size")] = ratio / size
            if key != "floor_s" and ratio > SUPERLINEAR * size and cur[key] > FLAG_MIN_SECONDS:
                flags.append(f"{key[:-2]} grows {ratio / size:.1f}x faster than size")
    out["flags"] = flags
    return out


GRAMMAR_ENV = "LGO_BENCH_GRAMMAR"


def use_grammar(path: str | None) -> None:
    """Parse with the grammar file at ``path`` instead of the package's (to try a fix).

    Patches ``lgo_parse._grammar.grammar_text`` before the parser is built;
    nothing under src/ changes.
    """
    if not path:
        return
    from pathlib import Path

    from lgo_parse import _grammar

    if not hasattr(_grammar, "grammar_text"):
        raise SystemExit("lgo_parse._grammar.grammar_text is gone: --grammar cannot work")
    text = Path(path).read_text(encoding="utf-8")
    _grammar.grammar_text = lambda: text


def measure_one(shape: str, n: int, quick: bool) -> dict[str, Any]:
    """Build one input and measure it (in a child process, see :func:`run`)."""
    make = next(make for name, _, make, _ in SHAPES if name == shape)
    lgo_parse.parse(HEADER)  # build the parser before timing
    return measure(make(n, paragraph_texts()), quick)


def run(quick: bool, timeout: float) -> list[dict[str, Any]]:
    """Measure every input, each in a fresh process that is killed after ``timeout``.

    A pathological input can take hours; a child process can be stopped, a
    regex running in this one cannot. Sizes after a timeout are not tried.
    """
    shapes = []
    for name, unit, _, sizes in SHAPES:
        rows: list[dict[str, Any]] = []
        timed_out = False
        for n in sizes:
            row: dict[str, Any] = {"n": n, "unit": unit}
            if timed_out:
                row["error"] = "not tried: a smaller input timed out"
                rows.append(row)
                continue
            progress(f"{name}: {n:,} {unit} ...")
            cmd = [sys.executable, __file__, "--one", name, str(n)]
            if quick:
                cmd.append("--quick")
            try:
                done = subprocess.run(
                    cmd, capture_output=True, text=True, timeout=timeout, check=False
                )
            except subprocess.TimeoutExpired:
                row["error"] = f"TIMED OUT after {timeout:.0f} s"
                timed_out = True
                rows.append(row)
                continue
            if done.returncode != 0:
                row["error"] = f"child failed: {done.stderr.strip().splitlines()[-1:]}"
            else:
                row.update(json.loads(done.stdout))
            if rows and "parse_s" in rows[-1] and "parse_s" in row:
                row["growth"] = growth(rows[-1], row)
            rows.append(row)
        shapes.append({"shape": name, "rows": rows})
    return shapes


def render_report(report: dict[str, Any]) -> str:
    env = report["environment"]
    lines = [
        "lgo-parse scaling benchmark (issue 3)",
        f"{env['implementation']} {env['python']}, lark {env['lark']}, "
        f"lgo-parse {env['lgo_parse']} @ {env['commit'] or '?'}; {env['cpu']}",
        f"grammar: {report.get('grammar', 'the package' + chr(39) + 's')}",
        "",
        "time ratio / size ratio: 1.0 is linear; flagged ('!!') above "
        f"{SUPERLINEAR:.0f}. 'x floor' is parse time over the floor's time on the same text.",
        "",
    ]
    rows = []
    for shape in report["shapes"]:
        for i, r in enumerate(shape["rows"]):
            label = shape["shape"] if i == 0 else ""
            size = f"{r['n']:,} {r['unit']}"
            if "error" in r:
                kb = f"{r['kb']:,.0f}" if "kb" in r else ""
                rows.append([label, size, kb, "-", "", "", "", "", "", r["error"]])
                continue
            g = r.get("growth")
            flags = " ".join(g["flags"]) if g else ""
            parse_growth = f"{g['parse_ratio_over_size']:.2f}" if g else "-"
            render_growth = f"{g['render_ratio_over_size']:.2f}" if g else "-"
            parse_growth += "!!" if "parse grows" in flags else ""
            render_growth += "!!" if "render grows" in flags else ""
            rows.append(
                [
                    label,
                    size,
                    f"{r['kb']:,.0f}",
                    f"{r['parse_s'] * 1000:,.1f}",
                    f"{r['parse_us_per_kb']:,.0f}",
                    f"{r['times_floor']:.1f}",
                    parse_growth,
                    f"{r['render_s'] * 1000:,.1f}",
                    render_growth,
                    "yes" if r["roundtrip"] else "NO",
                ]
            )
    lines.append(
        table(
            [
                "shape",
                "size",
                "KB",
                "parse ms",
                "µs/KB",
                "x floor",
                "growth",
                "render ms",
                "growth",
                "round trip",
            ],
            rows,
            "llrrrrrrrl",
        )
    )
    problems = [
        f"{s['shape']} at {r['n']:,} {r['unit']}: {flag}"
        for s in report["shapes"]
        for r in s["rows"]
        for flag in (r.get("growth", {}).get("flags", []))
    ]
    problems += [
        f"{s['shape']} at {r['n']:,} {r['unit']}: {r['error']}"
        for s in report["shapes"]
        for r in s["rows"]
        if "error" in r
    ]
    problems += [
        f"{s['shape']} at {r['n']:,} {r['unit']}: render(parse(t)) != t"
        for s in report["shapes"]
        for r in s["rows"]
        if r.get("roundtrip") is False
    ]
    lines.append("")
    lines.append(
        "Problems:"
        if problems
        else "No superlinear growth, no RecursionError, every input round-trips."
    )
    lines.extend(f"  {p}" for p in problems)
    lines.append("")
    n_small, n_large = PROBE_SIZES
    lines.append(
        f"Terminal regexes on adversarial lines (n = {n_small} then {n_large}; "
        f"linear growth is 4x, flagged above {PROBE_FLAG:.0f}x):"
    )
    probe = report["terminal_probe"]
    if not probe:
        lines.append("  none grows faster than linearly.")
    else:
        lines.append(
            table(
                ["  terminal", "worst line", "growth", "ms at n=" + str(n_large)],
                [
                    [
                        f"  {f['terminal']}",
                        f["line"],
                        f"{f['growth']:.0f}x",
                        f"{f['large_s'] * 1000:.2f}",
                    ]
                    for f in probe
                ],
                "llrr",
            )
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    cli = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    cli.add_argument("--json", action="store_true", help="print the numbers as JSON")
    cli.add_argument("--quick", action="store_true", help="one short timing round per input")
    cli.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        help="seconds allowed per input, timing included (default 60)",
    )
    cli.add_argument(
        "--grammar",
        help="use this grammar file instead of the package's (try a fix without touching src/)",
    )
    cli.add_argument("--one", nargs=2, metavar=("SHAPE", "N"), help=argparse.SUPPRESS)
    args = cli.parse_args(argv)
    if args.grammar:
        os.environ[GRAMMAR_ENV] = os.path.abspath(args.grammar)
    use_grammar(os.environ.get(GRAMMAR_ENV))
    sys.setrecursionlimit(1000)  # the default: deep input must not need more
    if args.one:
        json.dump(measure_one(args.one[0], int(args.one[1]), args.quick), sys.stdout)
        return
    progress("every terminal on adversarial lines ...")
    probe = probe_terminals()
    report = {
        "grammar": os.environ.get(GRAMMAR_ENV) or "the package's",
        "environment": _harness.environment(),
        "timeout_s": args.timeout,
        "terminal_probe": probe,
        "shapes": run(args.quick, args.timeout),
    }
    _harness.emit(report, render_report(report), args.json)


if __name__ == "__main__":
    main()
