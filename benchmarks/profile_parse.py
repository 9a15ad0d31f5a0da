"""Where the structure parse spends its time, over the corpus.

    python benchmarks/profile_parse.py              # readable report
    python benchmarks/profile_parse.py --json
    python benchmarks/profile_parse.py --html out.html   # pyinstrument's page too

Three views, each a share of the whole parse (with ``--facts``: of the four
fact finders run on parsed decisions):

1. Wall clock, no profiler: the parse, and the same lexer and LALR loop with
   a builder whose methods return ``None``. The difference is what building
   the model costs (builder callbacks, attrs, numbering, dates).
2. pyinstrument (sampling, small distortion): self time by component; time
   in C functions (regex matching, ``str`` methods) goes to the Python code
   that called them.
3. cProfile (deterministic, inflates Python calls over C): self time by
   component the same way, the top functions, and calls per document.

Components are told apart by source file (see ``COMPONENTS``), so they keep
working as modules are rewritten; code in no listed file shows as "other".
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import re
import sys
import time
from collections import defaultdict
from typing import Any

import _harness
from _harness import progress, table

import lgo_parse

COMPONENTS: tuple[tuple[str, str], ...] = (
    ("line lexer (lgo_parse._lexer)", r"lgo_parse[/\\]_lexer\.py"),
    ("LALR loop (lgo_parse._driver)", r"lgo_parse[/\\]_driver\.py"),
    ("LALR loop (lark)", r"lark[/\\](?:parsers[/\\]|parser_frontends|lark\.py)"),
    ("lark tokens, lexer state", r"lark[/\\](?:lexer|utils|common)\.py"),
    ("lark tree / callback glue", r"lark[/\\](?:parse_tree_builder|tree|visitors)\.py"),
    ("builder callbacks (lgo_parse._build)", r"lgo_parse[/\\]_build\.py"),
    ("attrs construction (generated __init__)", r"<attrs generated|[/\\]attrs?[/\\]"),
    ("numbering pass (lgo_parse._numbering)", r"lgo_parse[/\\]_numbering\.py"),
    ("model: converters, validators (lgo_parse._model)", r"lgo_parse[/\\]_model\.py"),
    ("layout (lgo_parse._layout)", r"lgo_parse[/\\]_layout\.py"),
    ("dates (lgo_parse._dates, dateutil)", r"lgo_parse[/\\]_dates\.py|dateutil[/\\]"),
    ("headings (lgo_parse._headings)", r"lgo_parse[/\\]_headings\.py"),
    ("entry checks (lgo_parse._parse)", r"lgo_parse[/\\]_parse\.py"),
    ("facts: remedies", r"lgo_parse[/\\]_facts[/\\]_remedies\.py"),
    ("facts: citations", r"lgo_parse[/\\]_facts[/\\]_citations\.py"),
    ("facts: cross-references", r"lgo_parse[/\\]_facts[/\\]_crossrefs\.py"),
    ("facts: parties", r"lgo_parse[/\\]_facts[/\\]_parties\.py"),
    ("facts: money", r"lgo_parse[/\\]_facts[/\\]_money\.py"),
    ("facts: deadlines", r"lgo_parse[/\\]_facts[/\\]_deadlines\.py"),
    ("facts: text helpers", r"lgo_parse[/\\]_facts[/\\]_text\.py"),
    ("facts: fact classes", r"lgo_parse[/\\]_facts[/\\]_model\.py"),
    ("facts: other", r"lgo_parse[/\\]_facts[/\\]"),
    ("this script", r"profile_parse\.py|_harness\.py"),
)
_MATCHERS = [(name, re.compile(rx)) for name, rx in COMPONENTS]
OTHER = "other"


def component(path: str | None) -> str | None:
    """The component a source file belongs to; None for C code (attributed to the caller)."""
    if not path or path in ("~", "<built-in>"):
        return None
    for name, regex in _MATCHERS:
        if regex.search(path):
            return name
    return OTHER


# ---------------------------------------------------------------------------
# 1. Wall clock.


def null_builder_parse() -> Any:
    """The lexer and LALR loop of ``lgo_parse`` with a builder that builds nothing.

    Reaches into private modules (read only); returns None when their shape
    has changed, and the report says so.
    """
    try:
        from lgo_parse._driver import Driver
        from lgo_parse._grammar import tables
    except ImportError:
        return None
    found = tables()
    names = {rule["name"] for rule in found["rules"]}
    methods = {name: (lambda self, children: None) for name in names if not name.startswith("_")}
    null_builder = type("NullBuilder", (), methods)
    try:
        driver = Driver(found, null_builder)
    except Exception:
        return None

    def parse(text: str) -> object:
        return driver.parse(text, 0, len(text))

    return parse


def wall_clock(corpus: list[str], rounds: int) -> dict[str, Any]:
    def keep_without_gc() -> list[lgo_parse.Decision]:
        gc.disable()
        try:
            return [lgo_parse.parse(t) for t in corpus]
        finally:
            gc.enable()

    def each(fn: Any) -> Any:
        def run() -> None:  # results dropped as they come
            for text in corpus:
                fn(text)

        return run

    contenders = {
        "floor": each(_harness.floor_classify),
        "parse": each(lgo_parse.parse),
        "parse, keeping every decision in a list": lambda: [lgo_parse.parse(t) for t in corpus],
        "parse, keeping every decision, cyclic GC off": keep_without_gc,
    }
    null = null_builder_parse()
    note = None
    if null is not None:
        try:
            null(corpus[0])
            contenders["lexer + LALR loop, null builder"] = each(null)
        except Exception as error:
            note = f"null-builder run failed: {type(error).__name__}: {error}"
    else:
        note = "lgo_parse._driver.Driver not found: no null-builder split"
    best = _harness.interleaved_best(contenders, rounds)
    out: dict[str, Any] = {
        "ms_per_doc": {k: v * 1000 / len(corpus) for k, v in best.items()},
        "note": note,
    }
    if "lexer + LALR loop, null builder" in best:
        whole = best["parse"]
        loop = best["lexer + LALR loop, null builder"]
        kept = best["parse, keeping every decision in a list"]
        out["share"] = {
            "lexer + LALR loop": 100 * loop / whole,
            "building the model (builder, attrs, numbering, dates, entry checks)": 100
            * (whole - loop)
            / whole,
        }
        out["kept_over_dropped"] = kept / whole
        out["kept_no_gc_over_dropped"] = (
            best["parse, keeping every decision, cyclic GC off"] / whole
        )
    return out


def fact_finders() -> dict[str, Any]:
    """The ``find_*`` functions behind the ``Decision`` fact properties."""
    from lgo_parse import _facts

    names = ("remedies", "citations", "cross_references", "parties")
    return {n: getattr(_facts, f"find_{n}") for n in names if hasattr(_facts, f"find_{n}")}


def facts_wall_clock(
    decisions: list[lgo_parse.Decision], finders: dict[str, Any], rounds: int
) -> dict[str, Any]:
    def each(find: Any) -> Any:
        def run() -> None:
            for decision in decisions:
                find(decision)

        return run

    contenders = {
        "render + parse (for scale)": lambda: [
            lgo_parse.parse(lgo_parse.render(d)) for d in decisions
        ]
    }
    contenders.update({f"find_{name}": each(find) for name, find in finders.items()})
    best = _harness.interleaved_best(contenders, rounds)
    return {"ms_per_doc": {k: v * 1000 / len(decisions) for k, v in best.items()}, "note": None}


# ---------------------------------------------------------------------------
# 2. pyinstrument.


def pyinstrument_profile(work: Any, html: str | None) -> dict[str, Any] | None:
    try:
        from pyinstrument import Profiler
    except ImportError:
        return None
    profiler = Profiler(interval=0.0005)
    profiler.start()
    work()
    session = profiler.stop()
    if html:
        with open(html, "w", encoding="utf-8") as f:
            f.write(profiler.output_html())
    root = session.root_frame(trim_stem=False)
    by_component: dict[str, float] = defaultdict(float)
    by_function: dict[tuple[str, str], float] = defaultdict(float)

    def walk(frame: Any, inherited: str) -> None:
        own = component(frame.file_path)
        here = own or inherited
        child_time = sum(c.time for c in frame.children)
        self_time = max(frame.time - child_time, 0.0)
        if self_time:
            by_component[here] += self_time
            if not frame.is_synthetic:
                by_function[(frame.function, frame.file_path_short or "")] += self_time
        for child in frame.children:
            if child.is_synthetic_leaf:
                by_component[here] += child.time
                by_function[(frame.function, frame.file_path_short or "")] += child.time
            else:
                walk(child, here)

    if root is None:
        return None
    walk(root, OTHER)
    by_component.pop("this script", None)
    total = sum(by_component.values())
    return {
        "samples_seconds": total,
        "components": {k: 100 * v / total for k, v in _sorted(by_component)},
        "functions": [
            {"function": f, "file": p, "percent": 100 * v / total}
            for (f, p), v in _sorted(by_function)[:15]
        ],
    }


def _sorted(d: dict[Any, float]) -> list[tuple[Any, float]]:
    return sorted(d.items(), key=lambda kv: -kv[1])


# ---------------------------------------------------------------------------
# 3. cProfile.


def cprofile_profile(work: Any, docs: int) -> dict[str, Any]:
    profile = cProfile.Profile()
    profile.enable()
    work()
    profile.disable()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    by_component: dict[str, float] = defaultdict(float)
    functions = []
    for (path, line, name), (_, calls, tottime, _, callers) in stats.items():
        own = component(path)
        if own is not None:
            by_component[own] += tottime
        else:
            # C code: share its time among its callers by what each caller spent in it.
            spent = sum(c[2] for c in callers.values()) or 1.0
            for (cpath, _, _), c in callers.items():
                by_component[component(cpath) or OTHER] += tottime * c[2] / spent
        functions.append((tottime, calls, name, path, line))
    by_component.pop("this script", None)
    total = sum(by_component.values())
    functions.sort(reverse=True)
    return {
        "seconds": total,
        "components": {k: 100 * v / total for k, v in _sorted(by_component)},
        "functions": [
            {
                "function": name,
                "file": _short(path),
                "line": line,
                "percent": 100 * tt / total,
                "calls_per_doc": calls / docs,
            }
            for tt, calls, name, path, line in functions[:20]
        ],
    }


def _short(path: str) -> str:
    for marker in ("site-packages/", "/src/"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path


# ---------------------------------------------------------------------------


def render_report(report: dict[str, Any]) -> str:
    env = report["environment"]
    wall = report["wall_clock"]
    lines = [
        "Where the structure parse spends its time"
        if report["target"] == "structure"
        else "Where the fact finders spend their time",
        f"{env['implementation']} {env['python']}, lark {env['lark']}, attrs {env['attrs']}, "
        f"lgo-parse {env['lgo_parse']} @ {env['commit'] or '?'}",
        f"Corpus: {report['docs']} documents.",
        "",
        "1. Wall clock, no profiler (best of interleaved rounds):",
        table(
            ["", "ms/doc"],
            [[k, f"{v:.3f}"] for k, v in wall["ms_per_doc"].items()],
        ),
    ]
    if "share" in wall:
        lines.append(
            table(
                ["  share of the parse", "%"],
                [[f"  {k}", f"{v:.0f}%"] for k, v in wall["share"].items()],
            )
        )
    if "kept_over_dropped" in wall:
        lines.append(
            f"  keeping every decision in a list makes the parse {wall['kept_over_dropped']:.2f}x "
            f"as slow; {wall['kept_no_gc_over_dropped']:.2f}x with the cyclic GC off (the rest "
            "is the GC rescanning the growing heap)"
        )
    if wall.get("note"):
        lines.append(f"  note: {wall['note']}")
    for key, title in (("pyinstrument", "2. pyinstrument"), ("cprofile", "3. cProfile")):
        prof = report.get(key)
        lines.append("")
        if prof is None:
            lines.append(f"{title}: not installed, skipped")
            continue
        lines.append(f"{title}, self time by component (C calls charged to their caller):")
        lines.append(table(["", "%"], [[k, f"{v:.1f}%"] for k, v in prof["components"].items()]))
        lines.append("")
        lines.append(f"   top functions by self time ({key}):")
        if key == "cprofile":
            lines.append(
                table(
                    ["   function", "file:line", "%", "calls/doc"],
                    [
                        [
                            f"   {f['function']}",
                            f"{f['file']}:{f['line']}",
                            f"{f['percent']:.1f}",
                            f"{f['calls_per_doc']:.1f}",
                        ]
                        for f in prof["functions"]
                    ],
                    "llrr",
                )
            )
        else:
            lines.append(
                table(
                    ["   function", "file", "%"],
                    [
                        [f"   {f['function']}", f["file"], f"{f['percent']:.1f}"]
                        for f in prof["functions"]
                    ],
                    "llr",
                )
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    cli = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    cli.add_argument("--json", action="store_true", help="print the numbers as JSON")
    cli.add_argument("--docs", type=int, default=500, help="documents to profile (default 500)")
    cli.add_argument("--rounds", type=int, default=3, help="wall-clock rounds (default 3)")
    cli.add_argument("--html", help="also write pyinstrument's HTML page here")
    cli.add_argument(
        "--facts",
        action="store_true",
        help="profile the fact finders on parsed decisions instead of the parse",
    )
    cli.add_argument(
        "--seeds", help="folder of seed statements (default: tests/fixtures/seeds, else shared/)"
    )
    args = cli.parse_args(argv)
    fixtures, _ = _harness.load_valid_fixtures()
    corpus = _harness.build_corpus(_harness.load_seeds(args.seeds), args.docs, fixtures)
    for text in corpus[:50]:  # warm every lazy cache before measuring
        lgo_parse.parse(text)
    report: dict[str, Any] = {"environment": _harness.environment(), "docs": len(corpus)}
    if args.facts:
        progress("facts, on parsed decisions ...")
        decisions = [lgo_parse.parse(t) for t in corpus]
        finders = fact_finders()
        report["target"] = "facts"
        report["wall_clock"] = facts_wall_clock(decisions, finders, args.rounds)

        def work() -> None:
            for decision in decisions:
                for find in finders.values():
                    find(decision)
    else:
        report["target"] = "structure"
        progress("wall clock ...")
        report["wall_clock"] = wall_clock(corpus, args.rounds)

        def work() -> None:
            for text in corpus:
                lgo_parse.parse(text)

    progress("pyinstrument ...")
    report["pyinstrument"] = pyinstrument_profile(work, args.html)
    progress("cProfile ...")
    start = time.perf_counter()
    report["cprofile"] = cprofile_profile(work, len(corpus))
    progress(f"  ({time.perf_counter() - start:.1f} s)")
    _harness.emit(report, render_report(report), args.json)


if __name__ == "__main__":
    sys.exit(main())
