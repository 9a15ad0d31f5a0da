"""Parse + every fact as a share of the shared floor (issue 12, the facts part).

    python benchmarks/facts_speed.py [--rounds 7] [--documents 2000]

The corpus: the five seeds in ``../shared/corpus/seeds`` repeated to 2,000
documents. In one process, alternating rounds: the floor
(``../shared/bench/floor.py``), ``parse`` alone, and ``parse`` plus every
registered fact (each decision parsed afresh, so no fact is cached). Prints
each as documents per second and as a share of the floor (median of the
rounds), and the time per fact (the shared reading on its own line), with the
machine's load average before and after (the machine is shared: the ratio is
what to compare, and only from runs made under similar load).
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from collections.abc import Callable

import _harness

import lgo_parse
from lgo_parse._facts import REGISTRY
from lgo_parse._facts._text import context_of

SHARED = _harness.shared_dir()


def parse_and_facts(text: str) -> None:
    decision = lgo_parse.parse(text)
    for kind in REGISTRY:
        getattr(decision, kind.name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--documents", type=int, default=2000)
    options = parser.parse_args(argv)
    seeds = [
        p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpus" / "seeds").glob("*.txt"))
    ]
    corpus = (seeds * (options.documents // len(seeds) + 1))[: options.documents]
    contenders: dict[str, Callable[[str], object]] = {
        "floor": _harness.shared_floor(),
        "parse": lgo_parse.parse,
        "parse + all facts": parse_and_facts,
    }
    load_before = os.getloadavg()
    for run in contenders.values():  # warm up: tables, patterns
        run(corpus[0])
    # Wall-clock time, as the issue states the figures, and this process's CPU
    # time, which other work on a shared machine disturbs far less.
    clocks = {"wall clock": time.perf_counter, "CPU time": time.process_time}
    times: dict[str, dict[str, list[float]]] = {
        clock: {name: [] for name in contenders} for clock in clocks
    }
    for _ in range(options.rounds):
        for name, run in contenders.items():
            wall, cpu = time.perf_counter(), time.process_time()
            for text in corpus:
                run(text)
            times["wall clock"][name].append(time.perf_counter() - wall)
            times["CPU time"][name].append(time.process_time() - cpu)
    load_after = os.getloadavg()
    print(_harness.build())
    print(
        f"{options.documents} documents, {options.rounds} rounds, median; load average "
        f"{load_before[0]:.2f} before, {load_after[0]:.2f} after (1 minute), "
        f"{os.cpu_count()} cores"
    )
    for clock, measured_by in times.items():
        floor = statistics.median(measured_by["floor"])
        print(f" {clock}:")
        for name, measured in measured_by.items():
            median = statistics.median(measured)
            shares = [f / t for f, t in zip(measured_by["floor"], measured, strict=True)]
            print(
                f"  {name:18} {options.documents / median:9.0f} docs/s  "
                f"{100 * floor / median:6.2f}% of the floor "
                f"(per round {100 * min(shares):.2f}-{100 * max(shares):.2f}%)"
            )
    decisions = [lgo_parse.parse(text) for text in corpus[:500]]
    print("  time per fact (500 documents, facts alone):")
    per_fact = _time_per_fact(decisions)
    for name, seconds in per_fact.items():
        print(f"    {name:18} {1e6 * seconds / len(decisions):8.1f} µs/doc")
    total = 1e6 * sum(per_fact.values()) / len(decisions)
    print(f"    {'all':18} {total:8.1f} µs/doc")
    return 0


def _time_per_fact(decisions: list[lgo_parse.Decision]) -> dict[str, float]:
    """Seconds each fact takes over ``decisions``, the shared reading timed on its own.

    The shared reading (passages walked, joined) would otherwise fall to the
    first fact read, and remedies to findings, which reads them: it is timed
    first, then remedies, then the rest, and shown in the registry's order.

    The decisions are kept alive while they are read, so the garbage collector
    would walk all of them whenever a full collection falls due, and charge it
    to whichever fact happened to be read then (a fact's line moved by 0.1-0.4
    ms from run to run): they are collected and frozen first, so each line is
    the fact's own work. The totals above are measured without this.
    """
    gc.collect()
    gc.freeze()
    try:
        return _time_each_fact(decisions)
    finally:
        gc.unfreeze()


def _time_each_fact(decisions: list[lgo_parse.Decision]) -> dict[str, float]:
    seconds: dict[str, float] = {}
    start = time.perf_counter()
    for decision in decisions:
        context = context_of(decision)
        context.passages  # noqa: B018 - reading the property is the work timed
        context.joined  # noqa: B018
    seconds["shared reading"] = time.perf_counter() - start
    for name in ("remedies", *(k.name for k in REGISTRY if k.name != "remedies")):
        start = time.perf_counter()
        for decision in decisions:
            getattr(decision, name)
        seconds[name] = time.perf_counter() - start
    return {"shared reading": seconds["shared reading"]} | {
        k.name: seconds[k.name] for k in REGISTRY
    }


if __name__ == "__main__":
    sys.exit(main())
