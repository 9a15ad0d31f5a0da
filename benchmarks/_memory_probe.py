"""Memory of parsing a corpus held in a list, measured in a fresh process.

Run by ``benchmarks/corpus.py`` (one process per mode, so one measurement
cannot inherit another's heap); prints one JSON object.

Modes:
    rss: resident set size before and after parsing every document into a
        list (current RSS from /proc/self/statm; the peak from VmHWM, reset
        just before parsing).
    rss-floor: the same for the floor's (kind, line) tuples.
    tracemalloc: Python allocations: what importing lgo_parse and building
        the parser keeps; what the floor's tuples keep; then, parsing, what
        stays allocated (the output, by allocation site) and the transient
        peak of each document over what it keeps.
"""

from __future__ import annotations

import argparse
import gc
import json
import linecache
import os
import resource
import sys
import tracemalloc
from typing import Any

import _harness

PAGE = os.sysconf("SC_PAGE_SIZE")


def current_rss() -> int:
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * PAGE


def peak_rss() -> int:
    """The high-water mark of this process's RSS (VmHWM).

    Not ``ru_maxrss``: Linux carries that across ``exec`` from the parent, so
    a child of a big benchmark process starts with the parent's peak.
    """
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def reset_peak_rss() -> bool:
    """Start the high-water mark again from the current RSS (Linux 4.0+)."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")
    except OSError:
        return False
    return True


def _short(filename: str) -> str:
    for marker in ("site-packages/", "/src/", "/lib/python"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


def measure_rss(work: Any, corpus: list[str]) -> dict[str, Any]:
    reset = reset_peak_rss()
    before, peak_before = current_rss(), peak_rss()
    held = [work(t) for t in corpus]
    gc.collect()
    return {
        "rss_before": before,
        "rss_after": current_rss(),
        "peak_reset": reset,
        "peak_before": peak_before,
        "peak_after": peak_rss(),
        "held": len(held),
    }


def measure_traced(parse: Any, corpus: list[str]) -> dict[str, Any]:
    tracemalloc.start()
    floor = [_harness.floor_classify(t) for t in corpus]
    floor_current, floor_peak = tracemalloc.get_traced_memory()
    del floor
    gc.collect()
    tracemalloc.stop()

    tracemalloc.start()
    decisions = []
    transient = []
    for text in corpus:
        tracemalloc.reset_peak()
        decisions.append(parse(text))
        after, peak = tracemalloc.get_traced_memory()
        transient.append(peak - after)
    current, peak = tracemalloc.get_traced_memory()
    snapshot = tracemalloc.take_snapshot()
    tracemalloc.stop()
    sites = []
    for stat in snapshot.statistics("lineno")[:12]:
        frame = stat.traceback[0]
        where = f"{_short(frame.filename)}:{frame.lineno}"
        code = linecache.getline(frame.filename, frame.lineno).strip()
        sites.append({"where": where, "code": code, "bytes": stat.size, "blocks": stat.count})
    return {
        "floor_retained": floor_current,
        "floor_peak": floor_peak,
        "parse_retained": current,
        "parse_peak": peak,
        "transient_max": max(transient),
        "transient_mean": sum(transient) / len(transient),
        "retained_by_site": sites,
        "held": len(decisions),
    }


def main() -> None:
    cli = argparse.ArgumentParser()
    cli.add_argument("mode", choices=["rss", "rss-floor", "tracemalloc"])
    cli.add_argument("--docs", type=int, default=2000)
    cli.add_argument("--seeds")
    args = cli.parse_args()
    seeds = _harness.load_seeds(args.seeds)

    # What importing the package and building the parser keep, for the process.
    if args.mode == "tracemalloc":
        tracemalloc.start()
    import lgo_parse

    lgo_parse.parse(seeds[0][1])
    gc.collect()
    parser_retained = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()

    fixtures, _ = _harness.load_valid_fixtures()
    corpus = _harness.build_corpus(seeds, args.docs, fixtures)
    lgo_parse.parse(corpus[0])  # fill lazy caches
    _harness.floor_classify(corpus[0])
    out: dict[str, Any] = {
        "docs": len(corpus),
        "input_utf8_bytes": _harness.utf8_size(corpus),
        "input_str_bytes": sum(sys.getsizeof(t) for t in corpus),
    }
    gc.collect()
    if args.mode == "rss":
        out.update(measure_rss(lgo_parse.parse, corpus))
    elif args.mode == "rss-floor":
        out.update(measure_rss(_harness.floor_classify, corpus))
    else:
        out.update(measure_traced(lgo_parse.parse, corpus), parser_retained=parser_retained)
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
