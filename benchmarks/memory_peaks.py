"""Peak memory of one ~30 MB statement and of a 2,000-file batch, against the input size (issue 12).

    python benchmarks/memory_peaks.py [--mb 30] [--files 2000] [--json]

Method. Every figure comes from a fresh process, so no measurement inherits
another's heap:

* **One big statement.** The title and header of the first seed, then the
  sections of the web-layout seeds (from the first heading to the
  signature) in turn until the text is ``--mb`` MB of UTF-8, then the first
  seed's signature and page chrome: one statement that parses and renders
  back byte for byte. It is written to a temporary file; each child process
  imports lgo_parse, parses a seed (the parser is built, the caches warm),
  reads the big text, and then measures one call:

  - *peak RSS growth*: VmHWM (reset through ``/proc/self/clear_refs`` just
    before the call) minus the RSS before it, while the text is already held
    (see ``_memory_probe.py``);
  - *kept*: RSS after the call, with the result still held, minus before;
  - *tracemalloc peak*: Python allocations at their highest during the call
    (another process, as tracing slows it down and adds its own memory).

  The same is measured for the shared floor (``shared/bench/floor.py``,
  ``(kind, line)`` tuples for every line) on the same text, as the baseline.
  ``lgo-parse BIG --format json -o FILE`` (parse, every fact, the JSON
  text) is also run and watched as below.
* **A batch.** The seeds, each with its own reference and authority
  (``_harness.build_corpus``), written as ``--files`` files to a temporary
  folder; then ``lgo-parse --format jsonl -j N FOLDER -o FILE`` for N = 1 and
  2. The command's processes (the main one and its workers) are watched
  every 5 ms: VmHWM of each (exact: the kernel keeps it), the sum of their
  VmRSS, every tenth look the sum of their PSS (shared pages split between
  the processes that share them, so forked workers are not counted twice),
  and how many documents the output holds so far. Each process's VmHWM is
  read again after every 500 documents; a batch whose memory grows with the
  number of files has a higher peak after 2,000 than after 500 and 1,000. A
  one-file run of the same command is the fixed cost (interpreter, package,
  parser).

Input sizes are UTF-8 bytes (the files' sizes). The seeds hold ``’``, so a
statement held as a Python ``str`` takes two bytes a character: the text in
memory is twice its UTF-8 size before anything is parsed.

Results (30 Nov 2026, the shared 2-core machine, load average 1.5-2.8 from
other work; CPython 3.11.7):

* One statement of 30.0 MB (59.4 MB as a ``str``; 13,000 sections, 84,000
  paragraphs; it round-trips): ``parse`` peaks at 189 MB over the RSS before
  it, **6.3x the input** (tracemalloc: 183 MB at the peak, 103 MB still held
  by the decision), where the floor's tuples take 75 MB (2.5x): 2.5x the
  floor. ``lgo-parse BIG --format json`` with every fact peaks at 568 MB,
  18x the input over a one-file run's 21 MB (before the JSON was written
  in pieces: 1,142 MB, 37x).
* 2,000 files, 29.7 MB: ``-j 1`` peaks at 25.4 MB after 500 documents,
  25.7 MB after 1,000 and 25.8 MB after 2,000 (a one-file run: 21.1 MB);
  ``-j 2``: main 25.6 / 25.6 / 26.4 MB, each worker 27.2 / 27.7 / 28.0 MB,
  57 MB PSS for the three processes. Memory does not grow with the number
  of files: under 1 MB while the caches fill over the first 1,000, then
  flat (8,000 files, ``-j 1``: 27.0 MB after 1,000, 27.1 MB after 7,900).

``docs/performance.md`` ("Memory") says where the memory goes.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

import _harness
import _memory_probe

MB = 1_000_000
HERE = Path(__file__).resolve()
WATCH_EVERY = 0.005
"""Seconds between two looks at a running command's processes."""
PSS_EVERY = 10
"""PSS is read at every this many looks: reading it walks the process's pages."""
EVERY = 500
"""The batch's peaks are read each time this many more documents have been written."""


# -- the big statement ----------------------------------------------------------------


def big_statement(megabytes: float) -> str:
    """One statement of about ``megabytes`` MB of UTF-8 that parses: many seeds' sections."""
    import lgo_parse

    seeds = [text for _, text in _harness.load_seeds()]
    pieces = []
    for text in seeds:
        decision = lgo_parse.parse(text)
        first = decision.sections[0].span
        assert first is not None and decision.signature is not None
        end = text.rindex(decision.signature)
        pieces.append((decision.form, text[: first.start], text[first.start : end], text[end:]))
    form, head, _, tail = pieces[0]
    bodies = [body for f, _, body, _ in pieces if f == form]
    chunks = []
    size = len(head.encode("utf-8")) + len(tail.encode("utf-8"))
    while size < megabytes * MB:
        body = bodies[len(chunks) % len(bodies)]
        chunks.append(body)
        size += len(body.encode("utf-8"))
    return head + "".join(chunks) + tail


def _child(kind: str, traced: bool, path: str) -> dict[str, Any]:
    """In a fresh process: the memory of one call of ``kind`` on the text in ``path``."""
    import lgo_parse

    seed = _harness.load_seeds()[0][1]
    floor = _harness.shared_floor()
    lgo_parse.parse(seed)  # the parser built, its caches filled
    floor(seed)
    work = {"parse": lgo_parse.parse, "floor": floor}[kind]
    text = _harness.read_text(Path(path))
    out: dict[str, Any] = {"str_bytes": sys.getsizeof(text)}
    gc.collect()
    if traced:
        tracemalloc.start()
        start = time.perf_counter()
        result = work(text)
        seconds = time.perf_counter() - start
        kept, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        out.update(traced_peak=peak, traced_kept=kept, traced_seconds=seconds)
    else:
        reset = _memory_probe.reset_peak_rss()
        before = _memory_probe.current_rss()
        start = time.perf_counter()
        result = work(text)
        seconds = time.perf_counter() - start
        out.update(
            peak_reset=reset,
            rss_before=before,
            peak=_memory_probe.peak_rss(),
            kept=_memory_probe.current_rss() - before,
            seconds=seconds,
        )
        out["peak_growth"] = out["peak"] - before
    if kind == "parse":
        out.update(
            sections=len(result.sections),
            paragraphs=len(result.paragraphs),
            round_trip=lgo_parse.render(result) == text,
        )
    del result
    return out


def one_big(path: Path) -> dict[str, Any]:
    """Each (kind, traced) measurement of the big text, each in its own process."""
    found: dict[str, Any] = {}
    for kind in ("floor", "parse"):
        for traced in (False, True):
            _harness.progress(f"  {kind}, {'tracemalloc' if traced else 'RSS'}")
            command = [sys.executable, str(HERE), "--child", kind, str(path)]
            if traced:
                command.append("--traced")
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")
            found.setdefault(kind, {}).update(json.loads(done.stdout))
    return found


# -- watching a command -------------------------------------------------------------------


def _status(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of a process, in bytes (empty once it has gone)."""
    found = {}
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    found[line[:5]] = int(line.split()[1]) * 1024
    except OSError:
        return {}
    return found


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []


def watch(command: list[str], output: Path) -> dict[str, Any]:
    """Run ``command`` (which writes one line per document to ``output``) and watch its memory."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    hwm: dict[int, int] = {}
    milestones: dict[int, list[int]] = {}  # documents written: each process's VmHWM
    peak_rss = peak_pss = 0
    done = 0
    offset = 0
    start = time.perf_counter()
    looks = 0
    while process.poll() is None:
        pids = [process.pid, *_children(process.pid)]
        total_rss = total_pss = 0
        looks += 1
        for pid in pids:
            status = _status(pid)
            if status:
                hwm[pid] = max(hwm.get(pid, 0), status["VmHWM"])
                total_rss += status["VmRSS"]
                if looks % PSS_EVERY == 0:
                    total_pss += _pss(pid)
        peak_rss, peak_pss = max(peak_rss, total_rss), max(peak_pss, total_pss)
        try:
            with open(output, "rb") as f:
                f.seek(offset)
                new = f.read()
        except OSError:
            new = b""
        offset += len(new)
        done += new.count(b"\n")
        if done >= EVERY * (len(milestones) + 1):
            milestones[EVERY * (len(milestones) + 1)] = list(hwm.values())
        time.sleep(WATCH_EVERY)
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read()[-2000:]!r}")
    main, *workers = hwm.values()
    out: dict[str, Any] = {
        "seconds": seconds,
        "docs": done,
        "main_hwm": main,
        "worker_hwm": max(workers, default=0),
        "workers": len(workers),
        "peak_rss_sum": peak_rss,
        "peak_pss_sum": peak_pss,
    }
    out["milestones"] = {
        docs: {"main_hwm": main, "worker_hwm": max(workers, default=0)}
        for docs, (main, *workers) in milestones.items()
    }
    return out


def cli() -> str:
    return shutil.which("lgo-parse") or str(Path(sys.executable).parent / "lgo-parse")


def batch(files: int, folder: Path) -> dict[str, Any]:
    """A one-file run, then ``-j 1`` and ``-j 2`` over ``files`` files, each watched."""
    corpus = _harness.build_corpus(_harness.load_seeds(), files)
    docs = folder / "docs"
    docs.mkdir()
    for i, text in enumerate(corpus):
        (docs / f"{i:05d}.txt").write_text(text, encoding="utf-8", newline="")
    out_file = folder / "out.jsonl"
    found: dict[str, Any] = {"files": files, "input_bytes": _harness.utf8_size(corpus)}
    runs = {
        "one file": [cli(), "--format", "jsonl", str(docs / "00000.txt")],
        "-j 1": [cli(), "--format", "jsonl", "-j", "1", str(docs)],
        "-j 2": [cli(), "--format", "jsonl", "-j", "2", str(docs)],
    }
    for name, command in runs.items():
        _harness.progress(f"  lgo-parse {name}")
        found[name] = watch([*command, "-o", str(out_file)], out_file)
        out_file.unlink()
    return found


# -- the report ---------------------------------------------------------------------


def _mb(n: float) -> str:
    return f"{n / MB:,.1f} MB"


def _times(n: float, size: int) -> str:
    return f"{n / size:.2f}×"


def report(found: dict[str, Any]) -> str:
    big, size = found["big"], found["big_bytes"]
    parse, floor = big["parse"], big["floor"]
    lines = [
        f"load average {found['load_before']:.2f} before, {found['load_after']:.2f} after "
        f"({os.cpu_count()} CPUs); Python {sys.version.split()[0]}",
        "",
        f"One statement: {_mb(size)} UTF-8 ({_mb(parse['str_bytes'])} as a str), "
        f"{parse['sections']:,} sections, {parse['paragraphs']:,} paragraphs, "
        f"round trip {'exact' if parse['round_trip'] else 'FAILED'}",
        "",
        _harness.table(
            ["", "peak RSS growth", "× input", "kept (RSS)", "tracemalloc peak", "× input", "s"],
            [
                [
                    name,
                    _mb(row["peak_growth"]),
                    _times(row["peak_growth"], size),
                    _mb(row["kept"]),
                    _mb(row["traced_peak"]),
                    _times(row["traced_peak"], size),
                    f"{row['seconds']:.2f}",
                ]
                for name, row in (("floor", floor), ("parse", parse))
            ],
        ),
        f"parse / floor, peak RSS growth: {parse['peak_growth'] / floor['peak_growth']:.2f}×; "
        f"tracemalloc peak: {parse['traced_peak'] / floor['traced_peak']:.2f}×",
    ]
    runs = found["batch"]
    fixed = runs["one file"]["main_hwm"]
    cli_big = found.get("big_cli")
    if cli_big:
        lines += [
            "",
            f"lgo-parse BIG --format json (every fact): peak RSS {_mb(cli_big['main_hwm'])}, "
            f"{_times(cli_big['main_hwm'] - fixed, size)} the input over a one-file run's "
            f"{_mb(fixed)}; {cli_big['seconds']:.1f} s",
        ]
    total = runs["input_bytes"]
    rows = []
    for name in ("one file", "-j 1", "-j 2"):
        run = runs[name]
        marks = run["milestones"]

        def at(docs: int, key: str, marks: dict[int, Any] = marks) -> str:
            return _mb(marks[docs][key]) if docs in marks else ""

        workers = bool(run["workers"])
        rows.append(
            [
                name,
                at(EVERY, "main_hwm"),
                at(2 * EVERY, "main_hwm"),
                _mb(run["main_hwm"]),
                at(EVERY, "worker_hwm") if workers else "",
                _mb(run["worker_hwm"]) if workers else "",
                _mb(run["peak_pss_sum"]),
                _times(run["peak_pss_sum"], total) if name != "one file" else "",
                f"{run['seconds']:.1f}",
            ]
        )
    lines += [
        "",
        f"Batch: {runs['files']:,} files, {_mb(total)} UTF-8, lgo-parse --format jsonl "
        "(peak RSS of each process after N documents; PSS summed over the processes)",
        "",
        _harness.table(
            [
                "",
                f"main, {EVERY:,}",
                f"{2 * EVERY:,}",
                "end",
                f"worker, {EVERY:,}",
                "end",
                "all (PSS)",
                "× input",
                "s",
            ],
            rows,
        ),
    ]
    return "\n".join(lines)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--mb", type=float, default=30.0, help="size of the big statement")
    options.add_argument("--files", type=int, default=2000, help="files in the batch")
    options.add_argument("--no-cli", action="store_true", help="skip lgo-parse on the big file")
    options.add_argument("--json", action="store_true", help="print JSON, not tables")
    options.add_argument("--child", nargs=2, metavar=("KIND", "FILE"), help=argparse.SUPPRESS)
    options.add_argument("--traced", action="store_true", help=argparse.SUPPRESS)
    args = options.parse_args()
    if args.child:
        json.dump(_child(args.child[0], args.traced, args.child[1]), sys.stdout)
        return
    found: dict[str, Any] = {"load_before": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory(prefix="lgo-memory-") as tmp:
        folder = Path(tmp)
        big = folder / "big.txt"
        _harness.progress(f"one statement of {args.mb:g} MB")
        big.write_text(big_statement(args.mb), encoding="utf-8", newline="")
        found["big_bytes"] = big.stat().st_size
        found["big"] = one_big(big)
        if not args.no_cli:
            _harness.progress("  lgo-parse BIG --format json")
            out = folder / "big.json"
            found["big_cli"] = watch([cli(), str(big), "--format", "json", "-o", str(out)], out)
            out.unlink()
        _harness.progress(f"a batch of {args.files} files")
        found["batch"] = batch(args.files, folder)
    found["load_after"] = os.getloadavg()[0]
    _harness.emit(found, report(found), args.json)


if __name__ == "__main__":
    main()
