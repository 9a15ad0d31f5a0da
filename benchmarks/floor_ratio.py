"""Parse speed as a ratio to the shared floor, cold start and ``-j 2`` (issue 12).

    python benchmarks/floor_ratio.py [--rounds 7] [--docs 2000] [--cold 21] [--jobs 3]

The yardstick is ``/work/shared/bench/floor.py`` (split lines, one combined
regex per line); the corpus is the five seeds in ``/work/shared/corpus/seeds``
repeated to 2,000 documents. Rounds alternate floor / parse, and the ratio
reported is the median over rounds of (floor time / parse time): the machine
is shared and noisy, only the ratio in one process is stable.

The first line says which build of lgo-parse was measured: "compiled with
mypyc" or "pure Python" (see ``lgo-parse --version``). A development
environment's editable install is pure Python; to measure the compiled build,
``pip install .`` into the environment first (and ``pip install -e .`` to go
back).

``--cold N`` also times N fresh ``lgo-parse SEED --format json`` processes
(median, beside ``python -c pass``), after byte-compiling the package as an
install does; ``--jobs N`` times ``lgo-parse --format jsonl -j 1`` and
``-j 2`` over the documents written to a temporary folder (best of N each).
"""

from __future__ import annotations

import argparse
import compileall
import gc
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import _harness

import lgo_parse

SHARED = _harness.shared_dir()


def _time(function: Callable[[str], Any], docs: list[str]) -> float:
    gc.collect()
    start = time.perf_counter()
    for doc in docs:
        function(doc)
    return time.perf_counter() - start


def _cold(seed: Path, runs: int) -> None:
    """Median wall time of fresh processes: ``python -c pass`` and the one-file command."""
    compileall.compile_dir(str(Path(lgo_parse.__file__).parent), quiet=1)  # as an install does
    cli = shutil.which("lgo-parse") or str(Path(sys.executable).parent / "lgo-parse")
    cases = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "lgo-parse SEED --format json": [cli, str(seed), "--format", "json"],
        "lgo-parse SEED --format json --no-facts": [
            cli,
            str(seed),
            "--format",
            "json",
            "--no-facts",
        ],
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs):  # interleaved: a burst of load hits every case alike
        for name, command in cases.items():
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - start)
    for name, found in times.items():
        print(
            f"cold start, {name}: median {statistics.median(found) * 1000:.0f} ms "
            f"(best {min(found) * 1000:.0f} ms, {runs} runs)"
        )


def _jobs(docs: list[str], rounds: int) -> None:
    """``lgo-parse -j 1`` against ``-j 2`` over a folder of the documents (best of ``rounds``)."""
    cli = shutil.which("lgo-parse") or str(Path(sys.executable).parent / "lgo-parse")
    with tempfile.TemporaryDirectory(prefix="lgo-floor-") as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for i, doc in enumerate(docs):
            (folder / f"{i:05d}.txt").write_text(doc, encoding="utf-8", newline="")
        best: dict[int, float] = {}
        for _ in range(rounds):
            for jobs in (1, 2):
                start = time.perf_counter()
                with open(Path(tmp) / "out.jsonl", "wb") as out:
                    command = [cli, "--format", "jsonl", "-j", str(jobs), str(folder)]
                    subprocess.run(command, stdout=out, check=True)
                best[jobs] = min(best.get(jobs, float("inf")), time.perf_counter() - start)
    n = len(docs)
    for jobs, seconds in best.items():
        print(f"lgo-parse --format jsonl -j {jobs} DIR: {n / seconds:,.0f} docs/s")
    print(f"-j 2 / -j 1: {best[1] / best[2]:.2f}x")


def main() -> None:
    """Print the floor, parse and their ratio, median over alternating rounds."""
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--rounds", type=int, default=7)
    options.add_argument("--docs", type=int, default=2000)
    options.add_argument("--cold", type=int, default=0, help="fresh processes to time")
    options.add_argument("--jobs", type=int, default=0, help="rounds of -j 1 and -j 2")
    args = options.parse_args()
    floor = _harness.shared_floor()
    paths = sorted((SHARED / "corpus" / "seeds").glob("*.txt"))
    seeds = [p.read_text(encoding="utf-8") for p in paths]
    docs = (seeds * (args.docs // len(seeds) + 1))[: args.docs]
    lgo_parse.parse(seeds[0])  # warm: tables loaded, caches filled
    ratios = []
    floors = []
    parses = []
    for _ in range(args.rounds):
        f = _time(floor, docs)
        p = _time(lgo_parse.parse, docs)
        floors.append(f)
        parses.append(p)
        ratios.append(f / p)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    n = len(docs)
    print(_harness.build())
    print(f"documents: {n} (the {len(seeds)} seeds repeated), rounds: {args.rounds}")
    print(f"floor (shared/bench/floor.py): {n / statistics.median(floors):,.0f} docs/s")
    print(f"lgo_parse.parse:               {n / statistics.median(parses):,.0f} docs/s")
    print(
        f"parse / floor: median {statistics.median(ratios):.1%} "
        f"(rounds {min(ratios):.1%}–{max(ratios):.1%}); load average {load:.2f}"
    )
    sys.stdout.flush()
    if args.cold:
        _cold(paths[1], args.cold)
    if args.jobs:
        _jobs(docs, args.jobs)
    print(f"load average at the end: {os.getloadavg()[0]:.2f} ({os.cpu_count()} CPUs)")


if __name__ == "__main__":
    main()
