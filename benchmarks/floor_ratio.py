"""Parse speed as a ratio to the shared floor (issue 12), in one process.

    python benchmarks/floor_ratio.py [--rounds 7] [--docs 2000]

The yardstick is ``/work/shared/bench/floor.py`` (split lines, one combined
regex per line); the corpus is the five seeds in ``/work/shared/corpus/seeds``
repeated to 2,000 documents. Rounds alternate floor / parse, and the ratio
reported is the median over rounds of (floor time / parse time): the machine
is shared and noisy, only the ratio in one process is stable.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lgo_parse

# ``../shared`` beside the checkout (``/work/shared`` beside ``/work/main``), or
# further up for a worktree; ``LGO_SHARED`` overrides.
SHARED = Path(
    os.environ.get("LGO_SHARED")
    or next(
        (
            str(up / "shared")
            for up in Path(__file__).resolve().parents
            if (up / "shared" / "bench" / "floor.py").is_file()
        ),
        "../shared",
    )
)


def _load_floor() -> Callable[[str], Any]:
    spec = importlib.util.spec_from_file_location("floor", SHARED / "bench" / "floor.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    floor: Callable[[str], Any] = module.floor
    return floor


def _time(function: Callable[[str], Any], docs: list[str]) -> float:
    gc.collect()
    start = time.perf_counter()
    for doc in docs:
        function(doc)
    return time.perf_counter() - start


def main() -> None:
    """Print the floor, parse and their ratio, median over alternating rounds."""
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--rounds", type=int, default=7)
    options.add_argument("--docs", type=int, default=2000)
    args = options.parse_args()
    floor = _load_floor()
    seeds = [
        p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpus" / "seeds").glob("*.txt"))
    ]
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
    print(f"documents: {n} (the {len(seeds)} seeds repeated), rounds: {args.rounds}")
    print(f"floor (shared/bench/floor.py): {n / statistics.median(floors):,.0f} docs/s")
    print(f"lgo_parse.parse:               {n / statistics.median(parses):,.0f} docs/s")
    print(
        f"parse / floor: median {statistics.median(ratios):.1%} "
        f"(rounds {min(ratios):.1%}–{max(ratios):.1%}); load average {load:.2f}"
    )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
