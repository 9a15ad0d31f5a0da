"""Throughput, multi-process scaling, cold start and memory over a corpus (issue 5).

    python benchmarks/corpus.py            # readable report
    python benchmarks/corpus.py --json     # the same numbers as JSON

The corpus is the seed statements (and tests/fixtures/valid/*.txt, when
there) taken in turn, each copy with its own reference and, in turn, another
authority, to at least 2,000 documents. Every number is put against a floor
measured in the same run (see ``_harness``): single-process rows against the
line floor, ``-j 2`` against ``-j 1``, cold starts against ``python -c pass``,
memory against the size of the input.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import multiprocessing
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import _harness
from _harness import progress, table

import lgo_parse

FACTS = ("findings", "remedies", "citations", "cross_references", "parties")
FLOOR = "floor: splitlines + one combined regex per line"
STRUCTURE = "parse (structure only)"
WITH_FACTS = "parse + facts (findings, remedies, citations, cross-refs, parties)"
MB = 1_000_000


# ---------------------------------------------------------------------------
# In one process.


def facts_missing(sample: str) -> str | None:
    """Why the facts row cannot run, or None when it can."""
    if importlib.util.find_spec("lgo_parse._facts") is None:
        return "src/lgo_parse/_facts/ is not there yet"
    try:
        decision = lgo_parse.parse(sample)
        for name in FACTS:
            getattr(decision, name)
    except Exception as error:
        return f"facts raised {type(error).__name__}: {error}"
    return None


def with_facts(text: str) -> lgo_parse.Decision:
    decision = lgo_parse.parse(text)
    for name in FACTS:
        getattr(decision, name)
    return decision


def facts_breakdown(decisions: list[lgo_parse.Decision], rounds: int) -> dict[str, float]:
    """ms per document of each fact finder, called directly (the properties cache).

    Uses ``lgo_parse._facts``'s ``find_*`` functions, which the ``Decision``
    properties call; an empty result when they are not there.
    """
    try:
        from lgo_parse import _facts
    except ImportError:
        return {}
    finders = {name: getattr(_facts, f"find_{name}", None) for name in FACTS}
    contenders = {
        name: (lambda find=find: [find(d) for d in decisions])
        for name, find in finders.items()
        if find is not None
    }
    best = _harness.interleaved_best(contenders, rounds)
    return {name: seconds * 1000 / len(decisions) for name, seconds in best.items()}


def in_process(corpus: list[str], rounds: int) -> tuple[list[dict[str, Any]], list[str]]:
    notes: list[str] = []
    size = _harness.utf8_size(corpus)
    parse = lgo_parse.parse
    render = lgo_parse.render
    floor = _harness.floor_classify
    grammar_floor = _harness.make_grammar_floor()
    decisions = [parse(t) for t in corpus]

    def each(fn: Any, items: list[Any]) -> Any:
        # Results are dropped as they come, as a streaming tool would; keeping
        # them all is its own row, since the cyclic GC then rescans the heap.
        def run() -> None:
            for item in items:
                fn(item)

        return run

    contenders = {
        FLOOR: each(floor, corpus),
        "floor, with the grammar's own terminal regexes": each(grammar_floor, corpus),
        STRUCTURE: each(parse, corpus),
        "parse, keeping every decision in a list": lambda: [parse(t) for t in corpus],
    }
    missing = facts_missing(corpus[0])
    if missing is None:
        contenders[WITH_FACTS] = each(with_facts, corpus)
    else:
        notes.append(f"parse + facts skipped: {missing}")
    contenders["render (parsed decisions back to text)"] = each(render, decisions)

    progress(f"timing {len(contenders)} contenders, {rounds} rounds each ...")
    best = _harness.interleaved_best(contenders, rounds)
    floor_seconds = best[FLOOR]
    rows = []
    for name, seconds in best.items():
        rows.append(
            {
                "name": name,
                "seconds": seconds,
                "docs_per_s": len(corpus) / seconds,
                "mb_per_s": size / MB / seconds,
                "ms_per_doc": seconds * 1000 / len(corpus),
                "percent_of_floor": 100 * floor_seconds / seconds,
            }
        )
    by_name = {r["name"]: r for r in rows}
    if missing is None:
        for name, ms in facts_breakdown(decisions, rounds).items():
            rows.append(
                {
                    "name": f"  of which {name} (on parsed decisions)",
                    "seconds": ms * len(corpus) / 1000,
                    "docs_per_s": 1000 / ms if ms else float("inf"),
                    "mb_per_s": size / MB / (ms * len(corpus) / 1000) if ms else float("inf"),
                    "ms_per_doc": ms,
                    "percent_of_floor": None,  # a part of a pipeline, not a pipeline
                }
            )
        structure = by_name[STRUCTURE]["seconds"]
        facts = by_name[WITH_FACTS]["seconds"]
        notes.append(
            f"facts add {(facts - structure) * 1000 / len(corpus):.2f} ms per document "
            f"({100 * (facts - structure) / structure:.0f}% on top of the structure parse)"
        )
    return rows, notes


# ---------------------------------------------------------------------------
# Several processes.


def find_cli() -> str | None:
    """The ``lgo-parse`` command of this interpreter's environment, once the CLI exists."""
    if importlib.util.find_spec("lgo_parse._cli") is None:
        return None
    beside = Path(sys.executable).parent / "lgo-parse"
    return str(beside) if beside.exists() else shutil.which("lgo-parse")


def write_corpus(corpus: list[str], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, text in enumerate(corpus):
        path = folder / f"{i:05d}.txt"
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    return paths


def _run_cli(cmd: list[str], out_path: Path) -> tuple[float, int, str]:
    with open(out_path, "wb") as out:
        start = time.perf_counter()
        done = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE, check=False)
        seconds = time.perf_counter() - start
    return seconds, done.returncode, done.stderr.decode("utf-8", "replace")[-500:]


def _count_lines(path: Path) -> int:
    with open(path, "rb") as f:
        return sum(1 for _ in f)


def multi_process(corpus: list[str], rounds: int, rates: dict[str, float]) -> dict[str, Any]:
    """Time the whole corpus through ``lgo-parse -j 1`` and ``-j 2``.

    ``rates`` are the in-process docs/s of "structure" and "facts" to compare with.
    """
    result: dict[str, Any] = {"docs": len(corpus), "runs": [], "notes": []}
    with tempfile.TemporaryDirectory(prefix="lgo-bench-") as tmp:
        folder = Path(tmp) / "corpus"
        paths = write_corpus(corpus, folder)
        out_path = Path(tmp) / "out.jsonl"
        cli = find_cli()
        if cli is not None:
            result["how"] = "the lgo-parse command, output to a file"
            variants = [("structure", ["--no-facts"]), ("facts", [])]
            for what, extra in variants:
                for jobs in (1, 2):
                    cmd = [cli, "--format", "jsonl", *extra, "-j", str(jobs), str(folder)]
                    shown = " ".join(["lgo-parse", *cmd[1:-1], "DIR"])
                    times = []
                    for _ in range(rounds):
                        progress(f"  {shown}")
                        seconds, code, err = _run_cli(cmd, out_path)
                        if code != 0:
                            result["notes"].append(f"{shown} exited {code}: {err.strip()}")
                            break
                        times.append(seconds)
                    if times:
                        result["runs"].append(
                            {
                                "command": shown,
                                "compare_with": what,
                                "jobs": jobs,
                                "seconds": min(times),
                                "output_lines": _count_lines(out_path),
                            }
                        )
        else:
            result["how"] = "multiprocessing.Pool (spawn) over lgo_parse.parse_file"
            result["notes"].append(
                "the lgo-parse CLI (src/lgo_parse/_cli.py) is not there yet: measured a "
                "spawn-context multiprocessing.Pool mapping parse_file over the files instead "
                "(workers return only a section count, so no model is pickled back)"
            )
            ctx = multiprocessing.get_context("spawn")
            for jobs in (1, 2):
                times = []
                for _ in range(rounds):
                    progress(f"  Pool({jobs}).map(parse_file, {len(paths)} files)")
                    start = time.perf_counter()
                    with ctx.Pool(jobs) as pool:
                        counts = pool.map(_harness.parse_file_sections, paths, chunksize=32)
                    times.append(time.perf_counter() - start)
                result["runs"].append(
                    {
                        "command": f"Pool({jobs}).map(parse_file)",
                        "compare_with": "structure",
                        "jobs": jobs,
                        "seconds": min(times),
                        "output_lines": len(counts),
                    }
                )
    for run in result["runs"]:
        run["docs_per_s"] = len(corpus) / run["seconds"]
        base = rates.get(run["compare_with"])
        run["percent_of_in_process"] = 100 * run["docs_per_s"] / base if base else None
        if run["output_lines"] != len(corpus):
            result["notes"].append(
                f"{run['command']}: {run['output_lines']} output lines for {len(corpus)} files"
            )
    result["speedup_j2_over_j1"] = {}
    for what in ("structure", "facts"):
        by_jobs = {r["jobs"]: r for r in result["runs"] if r["compare_with"] == what}
        if 1 in by_jobs and 2 in by_jobs:
            result["speedup_j2_over_j1"][what] = by_jobs[1]["seconds"] / by_jobs[2]["seconds"]
    return result


# ---------------------------------------------------------------------------
# Cold start.


def cold_start(seed: Path, runs: int) -> dict[str, Any]:
    py = sys.executable
    cases: dict[str, list[str]] = {
        "python -c pass": [py, "-c", "pass"],
        "python -c 'import lark'": [py, "-c", "import lark"],
        "python -c 'import lgo_parse'": [py, "-c", "import lgo_parse"],
        "python -c 'import lgo_parse; lgo_parse.parse_file(seed)'": [
            py,
            "-c",
            f"import lgo_parse; lgo_parse.parse_file({str(seed)!r})",
        ],
    }
    # lark checks its own meta-grammar's regexes for collisions whenever
    # interegular can be imported (the test extra installs it): ~130 ms that a
    # user install without interegular does not pay. Show both.
    hide = "import sys; sys.modules['interegular'] = None; "
    cases["  the same, interegular hidden (as in a plain user install)"] = [
        py,
        "-c",
        f"{hide}import lgo_parse; lgo_parse.parse_file({str(seed)!r})",
    ]
    notes = []
    if importlib.util.find_spec("interegular") is not None:
        notes.append(
            "interegular is installed here, so lark validates its own meta-grammar's "
            "regexes on the first grammar load"
        )
    cli = find_cli()
    if cli is not None:
        cases["lgo-parse --version"] = [cli, "--version"]
    else:
        notes.append("lgo-parse --version skipped: the CLI is not there yet")
    times: dict[str, list[float]] = {name: [] for name in cases}
    for name, cmd in cases.items():  # warm the OS file cache and the .pyc files
        done = subprocess.run(cmd, capture_output=True, check=False)
        if done.returncode != 0:
            notes.append(f"{name} exited {done.returncode}: {done.stderr.decode()[-300:]}")
    for _ in range(runs):
        for name, cmd in cases.items():
            start = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            times[name].append(time.perf_counter() - start)
    floor = _harness.median(times["python -c pass"])
    rows = []
    for name, values in times.items():
        med = _harness.median(values)
        rows.append(
            {
                "name": name,
                "median_ms": med * 1000,
                "min_ms": min(values) * 1000,
                "over_python_ms": (med - floor) * 1000,
                "times_python": med / floor,
            }
        )
    return {"runs": runs, "rows": rows, "notes": notes}


PHASES_SCRIPT = """
import json, sys, time
if sys.argv[2] == "hide":
    sys.modules["interegular"] = None
t = [time.perf_counter()]
import lgo_parse
t.append(time.perf_counter())
try:
    from lgo_parse._grammar import driver, parser
    parser(); t.append(time.perf_counter())
    driver(); t.append(time.perf_counter())
except ImportError:
    t += [t[-1], t[-1]]
lgo_parse.parse_file(sys.argv[1]); t.append(time.perf_counter())
lgo_parse.parse_file(sys.argv[1]); t.append(time.perf_counter())
print(json.dumps([b - a for a, b in zip(t, t[1:])]))
"""
PHASES = (
    "import lgo_parse",
    "build lark's parser (grammar, LALR tables, line lexer)",
    "build the driver (lgo_parse._driver)",
    "first parse_file (lazy per-state regexes)",
    "second parse_file",
)


def cold_phases(seed: Path, runs: int) -> dict[str, Any]:
    """Where a fresh process spends its time before the first result (median of ``runs``)."""
    out: dict[str, Any] = {}
    for how in ("as installed", "hide"):
        samples: list[list[float]] = []
        for _ in range(runs):
            done = subprocess.run(
                [sys.executable, "-c", PHASES_SCRIPT, str(seed), how],
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode == 0:
                samples.append(json.loads(done.stdout))
        if samples:
            out[how] = {
                name: _harness.median([s[i] for s in samples]) * 1000
                for i, name in enumerate(PHASES)
            }
    return out


# ---------------------------------------------------------------------------
# Memory.


def memory(docs: int, seeds: str | None) -> dict[str, Any]:
    probe = Path(__file__).resolve().parent / "_memory_probe.py"
    out: dict[str, Any] = {}
    for mode in ("rss-floor", "rss", "tracemalloc"):
        progress(f"  memory probe: {mode}")
        cmd = [sys.executable, str(probe), mode, "--docs", str(docs)]
        if seeds:
            cmd += ["--seeds", seeds]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            out[mode] = {"error": done.stderr[-500:]}
            continue
        out[mode] = json.loads(done.stdout)
    return out


# ---------------------------------------------------------------------------
# The report.


def _mb(n: float) -> str:
    return f"{n / MB:.1f} MB"


def memory_report(mem: dict[str, Any]) -> list[str]:
    lines = ["", "Memory, parsing the corpus into a list (fresh process per row):"]
    rss = mem.get("rss", {})
    floor_rss = mem.get("rss-floor", {})
    traced = mem.get("tracemalloc", {})
    size = rss.get("input_utf8_bytes") or traced.get("input_utf8_bytes")
    if size:
        lines.append(
            f"  input: {size / MB:.1f} MB UTF-8 "
            f"({(rss.get('input_str_bytes') or 0) / MB:.1f} MB as Python str)"
        )

    def x(n: float) -> str:
        return f"{n / size:.2f}x" if size else "?"

    rows = []
    if "rss_after" in floor_rss:
        d = floor_rss["rss_after"] - floor_rss["rss_before"]
        rows.append(["floor (kind, line) tuples: RSS growth", _mb(d), x(d)])
    if "rss_after" in rss:
        d = rss["rss_after"] - rss["rss_before"]
        p = rss["peak_after"] - rss["rss_before"]
        rows.append(["parse: RSS growth (output held)", _mb(d), x(d)])
        rows.append(["parse: peak RSS growth (VmHWM)", _mb(p), x(p)])
    if "parse_retained" in traced:
        kept = traced["parse_retained"]
        rows.append(
            [
                "floor: tracemalloc retained",
                _mb(traced["floor_retained"]),
                x(traced["floor_retained"]),
            ]
        )
        rows.append(["parse: tracemalloc retained (the output)", _mb(kept), x(kept)])
        rows.append(["parse: tracemalloc peak", _mb(traced["parse_peak"]), x(traced["parse_peak"])])
        per_doc = kept / traced["docs"]
        in_doc = traced["input_utf8_bytes"] / traced["docs"]
        rows.append(
            ["parse: retained per document", f"{per_doc / 1000:.1f} KB", f"{per_doc / in_doc:.2f}x"]
        )
        rows.append(
            [
                "parse: transient per document over its output (max)",
                f"{traced['transient_max'] / 1000:.1f} KB",
                "",
            ]
        )
        rows.append(
            [
                "parse: transient per document over its output (mean)",
                f"{traced['transient_mean'] / 1000:.1f} KB",
                "",
            ]
        )
        rows.append(
            [
                "import lgo_parse + build the parser (kept for the process)",
                _mb(traced["parser_retained"]),
                "",
            ]
        )
    lines.append(table(["", "bytes", "x input"], rows))
    if traced.get("retained_by_site"):
        lines.append("  where the parsed output's memory was allocated (tracemalloc, top sites):")
        total = traced["parse_retained"]
        lines.append(
            table(
                ["    site", "MB", "share", "blocks", "code"],
                [
                    [
                        f"    {site['where']}",
                        f"{site['bytes'] / MB:.1f}",
                        f"{100 * site['bytes'] / total:.0f}%",
                        f"{site['blocks']:,}",
                        site.get("code", "")[:70],
                    ]
                    for site in traced["retained_by_site"][:8]
                ],
                "lrrrl",
            )
        )
    for mode, value in mem.items():
        if "error" in value:
            lines.append(f"  note: memory probe {mode} failed: {value['error']}")
    return lines


def _in_process_report(report: dict[str, Any]) -> list[str]:
    lines = ["", f"One process (best of {report['rounds']} interleaved rounds):"]
    lines.append(
        table(
            ["", "docs/s", "MB/s", "ms/doc", "% of floor"],
            [
                [
                    r["name"],
                    f"{r['docs_per_s']:,.0f}",
                    f"{r['mb_per_s']:.2f}",
                    f"{r['ms_per_doc']:.3f}",
                    f"{r['percent_of_floor']:.1f}%" if r["percent_of_floor"] is not None else "",
                ]
                for r in report["in_process"]
            ],
        )
    )
    lines.extend(f"  note: {note}" for note in report["in_process_notes"])
    return lines


def _multi_process_report(report: dict[str, Any]) -> list[str]:
    mp = report["multi_process"]
    lines = ["", f"Several processes ({mp['how']}, best of {report['mp_rounds']}):"]
    lines.append(
        table(
            ["", "seconds", "docs/s", "% of the same work in one process"],
            [
                [
                    run["command"],
                    f"{run['seconds']:.2f}",
                    f"{run['docs_per_s']:,.0f}",
                    f"{run['percent_of_in_process']:.0f}% of {run['compare_with']}"
                    if run["percent_of_in_process"] is not None
                    else "",
                ]
                for run in mp["runs"]
            ],
        )
    )
    for what, speedup in mp["speedup_j2_over_j1"].items():
        lines.append(f"  {what}: -j 2 is {speedup:.2f}x as fast as -j 1 (2 cores)")
    lines.extend(f"  note: {note}" for note in mp["notes"])
    return lines


def _cold_start_report(report: dict[str, Any]) -> list[str]:
    cold = report["cold_start"]
    lines = ["", f"Cold start (fresh process, median of {cold['runs']}):"]
    lines.append(
        table(
            ["", "median ms", "min ms", "over python", "x python"],
            [
                [
                    r["name"],
                    f"{r['median_ms']:.1f}",
                    f"{r['min_ms']:.1f}",
                    f"+{r['over_python_ms']:.1f}",
                    f"{r['times_python']:.2f}x",
                ]
                for r in cold["rows"]
            ],
        )
    )
    lines.extend(f"  note: {note}" for note in cold["notes"])
    phases = cold.get("phases_ms")
    if phases:
        columns = [h for h in ("as installed", "hide") if h in phases]
        lines.append("")
        lines.append("  Inside one fresh process, ms (median):")
        lines.append(
            table(
                ["  phase", *[("interegular hidden" if c == "hide" else c) for c in columns]],
                [[f"  {name}", *[f"{phases[c][name]:.1f}" for c in columns]] for name in PHASES],
            )
        )
    return lines


def render_report(report: dict[str, Any]) -> str:
    env = report["environment"]
    corpus = report["corpus"]
    load = env.get("load_average_1min")
    lines = [
        "lgo-parse corpus benchmark (issue 5)",
        f"{env['implementation']} {env['python']}, lark {env['lark']}, attrs {env['attrs']}, "
        f"lgo-parse {env['lgo_parse']} @ {env['commit'] or '?'}",
        f"{env['cpu']}, {env['cpus']} CPUs; {env['platform']}"
        + (f"; load average at start {load:.2f}" if load is not None else ""),
        "",
        f"Corpus: {corpus['docs']} documents, {corpus['mb']:.1f} MB UTF-8, "
        f"{corpus['distinct']} distinct texts: the {corpus['seeds']} seeds in "
        f"{corpus['seed_dir']} in turn, and {corpus['fixture_docs']} documents (one in "
        f"{_harness.FIXTURE_EVERY}) from the {corpus['fixtures']} valid fixtures",
        f"Round trip render(parse(t)) == t: {corpus['docs'] - corpus['roundtrip_failures']}"
        f"/{corpus['docs']}",
    ]
    lines.extend(
        f"  left out (does not parse today): {skipped}" for skipped in corpus["fixtures_skipped"]
    )
    lines += _in_process_report(report)
    if report.get("multi_process"):
        lines += _multi_process_report(report)
    if report.get("cold_start"):
        lines += _cold_start_report(report)
    if report.get("memory"):
        lines += memory_report(report["memory"])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    cli = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    cli.add_argument("--json", action="store_true", help="print the numbers as JSON")
    cli.add_argument("--docs", type=int, default=2000, help="corpus size (default 2000)")
    cli.add_argument("--rounds", type=int, default=3, help="timed rounds in one process")
    cli.add_argument("--mp-rounds", type=int, default=2, help="timed rounds per -j setting")
    cli.add_argument("--cold-runs", type=int, default=11, help="fresh processes per command")
    cli.add_argument(
        "--seeds",
        help="folder of seed statements (default: tests/fixtures/seeds, else shared/)",
    )
    cli.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=["multi-process", "cold-start", "memory"],
        help="leave a section out (repeatable)",
    )
    args = cli.parse_args(argv)

    seeds = _harness.load_seeds(args.seeds)
    fixtures, fixtures_skipped = _harness.load_valid_fixtures()
    good_seeds = []
    for name, text in seeds:
        try:
            lgo_parse.parse(text)
        except Exception as error:
            fixtures_skipped.append(f"seed {name}: {type(error).__name__}")
            continue
        good_seeds.append((name, text))
    if not good_seeds:
        raise SystemExit("no seed parses today: nothing to benchmark")
    corpus = _harness.build_corpus(good_seeds, args.docs, fixtures)
    n_fixture_docs = len(fixtures) and args.docs // _harness.FIXTURE_EVERY
    progress(f"corpus: {len(corpus)} documents; checking the round trip ...")
    failures = sum(lgo_parse.render(lgo_parse.parse(t)) != t for t in corpus)

    report: dict[str, Any] = {
        "environment": _harness.environment(),
        "rounds": args.rounds,
        "mp_rounds": args.mp_rounds,
        "corpus": {
            "docs": len(corpus),
            "mb": _harness.utf8_size(corpus) / MB,
            "distinct": len(set(corpus)),
            "seeds": len(good_seeds),
            "fixture_docs": n_fixture_docs,
            "seed_dir": str(_harness.seed_dir(args.seeds)),
            "fixtures": len(fixtures),
            "fixtures_skipped": fixtures_skipped,
            "roundtrip_failures": failures,
        },
    }
    rows, notes = in_process(corpus, args.rounds)
    report["in_process"] = rows
    report["in_process_notes"] = notes
    rates = {}
    for row in rows:
        if row["name"] == STRUCTURE:
            rates["structure"] = row["docs_per_s"]
        elif row["name"] == WITH_FACTS:
            rates["facts"] = row["docs_per_s"]

    if "multi-process" not in args.skip:
        progress("several processes ...")
        report["multi_process"] = multi_process(corpus, args.mp_rounds, rates)
    if "cold-start" not in args.skip:
        progress("cold start ...")
        seed_path = _harness.seed_dir(args.seeds) / seeds[0][0]
        report["cold_start"] = cold_start(seed_path, args.cold_runs)
        report["cold_start"]["phases_ms"] = cold_phases(seed_path, args.cold_runs)
    if "memory" not in args.skip:
        progress("memory ...")
        report["memory"] = memory(args.docs, args.seeds)

    _harness.emit(report, render_report(report), args.json)


if __name__ == "__main__":
    main()
