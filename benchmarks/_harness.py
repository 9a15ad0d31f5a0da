"""Shared pieces of the benchmarks: where the seeds are, the corpus, the floor, timing.

Not a benchmark itself. The scripts beside it import it as ``_harness`` (they
are run as ``python benchmarks/<name>.py``, so this folder is on ``sys.path``).

The floor ("baseline") every benchmark compares against is the one measured in
/work/shared/DESIGN-NOTES.md: ``text.splitlines()`` and one combined,
precompiled regex per line that tells which kind of line it is, building
``(kind, line)`` tuples. It classifies the same kinds of line the grammar has,
so it does all the line-level work a parser must do and nothing else.
"""

from __future__ import annotations

import gc
import json
import os
import platform
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED_SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
FIXTURE_SEEDS = REPO / "tests" / "fixtures" / "seeds"
VALID_FIXTURES = REPO / "tests" / "fixtures" / "valid"

# ---------------------------------------------------------------------------
# The floor: one combined regex per line.
#
# One alternative per kind of line in grammar/decision.lark, written here by
# hand (the floor must not slow down when the grammar does), in the grammar's
# priority order. Case-insensitive where the grammar's terminal is.

_KNOWN_HEADINGS = "|".join(
    [
        r"(?:The\s+)?complaints?",
        r"What\s+(?:I|we)\s+(?:have\s+)?(?:and\s+(?:have\s+not|haven[’']t)\s+|not\s+)?investigated",
        r"(?:The\s+)?Ombudsm[ae]n[’']s\s+role(?:\s+and\s+powers)?|Our\s+role\s+and\s+powers",
        r"How\s+(?:I|we)\s+considered\s+(?:this|the|your)\s+complaints?",
        r"Agreed\s+actions?",
        r"(?:Final\s+)?decision",
        r"Parts?\s+of\s+the\s+complaints?\s+(?:that\s+)?(?:I|we)\s+\w+(?:\s+not)?\s+investigated?",
        r"What\s+(?:I|we)\s+(?:have\s+)?found|(?:My\s+)?findings|(?:My|Our)\s+assessment",
        r"(?:The\s+|Complaint\s+)?background",
        r"(?:Relevant\s+)?(?:legal(?:\s+and\s+\w+)?|legislative)\s+background",
        r"(?:Relevant\s+)?(?:law|legislation)(?:,?\s+(?:and\s+)?(?:guidance|policy))*",
        # These three match the same lines as the grammar's terminals, written
        # without the white-space ambiguity that makes those backtrack
        # (see benchmarks/README.md, "Pathological inputs").
        r"What\s+happened(?:\s[^.;:!?]*)?",
        r"Analysis(?:[-–—:]?\s[^.;!?]*)?",
        r"Injustice(?:\s[^.;:!?]*)?",
    ]
)

FLOOR_LINE_KINDS: tuple[tuple[str, str], ...] = (
    # The grammar's TITLE is ``(?!\s)\S.*?\s*\(...\)``. Greedy ``.*`` matches the
    # same lines, makes the whole floor ~1.7x faster, and is linear on a line
    # with a long run of white space (the lazy form is quadratic there).
    ("title", r"\S.*\(\d\d[ \u00a0]\d\d\d[ \u00a0]\d\d\d[a-z]?\)"),
    ("category", r"(?i:Category\s*:.*)"),
    ("decision_date", r"(?i:Decision\s+date\s*:.*)"),
    ("outcome", r"(?i:Decision\s*:.*)"),
    ("label", r"(?i:The\s+Ombudsm[ae]n[’']s\s+final\s+decision\s*:?)"),
    ("summary", r"(?i:Summary\s*:.*)"),
    ("separator", r"(?i:Back to top)"),
    (
        "signature",
        r"(?i:(?:[A-Z][\w ’'-]*[’']s\s+)?decision\s+on\s+behalf\s+of\s+the\s+"
        r"(?:Local\s+Government\s+and\s+Social\s+Care\s+)?Ombudsm[ae]n\.?)",
    ),
    (
        "numbered",
        r"[ \t]*(?:\d{1,3}[.)]|[a-z][.)]|[ivx]{1,6}[.)]|\((?:\d{1,3}|[a-z]|[ivx]{1,6})\))"
        r"(?:[ \t\u00a0]+.*)?",
    ),
    ("bullet", r"[ \t]*[•◦▪‣●○■□·∙⁃](?:[ \t\u00a0]*.*)?"),
    ("dash", r"[ \t]*-(?:[ \t\u00a0]+.*)?"),
    ("known_heading", rf"(?i:{_KNOWN_HEADINGS})[:.]?"),
    ("heading", r"[A-Z]\)\s.*|[A-Z0-9][^.!?;\n]{0,118}[^.!?;:,\s]|[A-Z0-9]"),
    ("text", r".+"),
)

FLOOR_REGEX = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in FLOOR_LINE_KINDS))


def floor_classify(text: str, _fullmatch: Any = FLOOR_REGEX.fullmatch) -> list[tuple[str, str]]:
    """The floor: split into lines and name each line's kind with one regex match."""
    out: list[tuple[str, str]] = []
    append = out.append
    for line in text.splitlines():
        content = line.rstrip()
        if not content:
            append(("blank", line))
            continue
        append((_fullmatch(content).lastgroup, line))
    return out


def grammar_regex() -> re.Pattern[str]:
    """One combined regex from the grammar's own terminals, by priority.

    The same combination the line lexer falls back to; used for an extra,
    informational floor row ("what do the grammar's regexes alone cost").
    """
    from lgo_parse._grammar import tables

    terms = [t for t in tables()["terminals"] if t["name"] != "CHROME_LINE"]
    terms.sort(key=lambda t: (-t["priority"], t["name"]))
    return re.compile("|".join(f"(?P<{t['name']}>{t['pattern']})" for t in terms))


def make_grammar_floor() -> Callable[[str], list[tuple[str, str]]]:
    fullmatch = grammar_regex().fullmatch

    def classify(text: str) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        append = out.append
        for line in text.splitlines():
            content = line.rstrip()
            if not content:
                append(("blank", line))
                continue
            match = fullmatch(content)
            append((match.lastgroup if match else "TEXT", line))  # type: ignore[arg-type]
        return out

    return classify


# ---------------------------------------------------------------------------
# Seeds and the corpus.


def shared_dir() -> Path:
    """``../shared`` beside the checkout, or further up for a worktree; ``LGO_SHARED`` overrides."""
    override = os.environ.get("LGO_SHARED")
    if override:
        return Path(override)
    for up in REPO.parents:
        if (up / "shared" / "bench" / "floor.py").is_file():
            return up / "shared"
    return REPO.parent / "shared"


def shared_floor() -> Callable[[str], Any]:
    """The shared yardstick, ``floor(text)`` from ``shared/bench/floor.py``."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("floor", shared_dir() / "bench" / "floor.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no shared floor at {shared_dir() / 'bench' / 'floor.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    floor: Callable[[str], Any] = module.floor
    return floor


def seed_dir(override: str | None = None) -> Path:
    """The folder of seed statements: ``--seeds``, ``LGO_SEEDS``, tests/fixtures/seeds, shared/."""
    for candidate in (override, os.environ.get("LGO_SEEDS")):
        if candidate:
            return Path(candidate)
    if any(FIXTURE_SEEDS.glob("*.txt")):
        return FIXTURE_SEEDS
    return SHARED_SEEDS


def read_text(path: Path) -> str:
    # newline="" keeps CRLF files as they are: the parser must see them.
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def load_seeds(override: str | None = None) -> list[tuple[str, str]]:
    folder = seed_dir(override)
    seeds = [(p.name, read_text(p)) for p in sorted(folder.glob("*.txt"))]
    if not seeds:
        raise SystemExit(f"no seed statements (*.txt) in {folder}; pass --seeds DIR")
    return seeds


def load_valid_fixtures() -> tuple[list[tuple[str, str]], list[str]]:
    """tests/fixtures/valid/*.txt that parse today, and the names of those that do not."""
    import lgo_parse

    good: list[tuple[str, str]] = []
    skipped: list[str] = []
    for path in sorted(VALID_FIXTURES.glob("*.txt")):
        try:
            text = read_text(path)
            lgo_parse.parse(text)
        except Exception as error:  # a fixture still being written
            skipped.append(f"{path.name}: {type(error).__name__}")
            continue
        good.append((path.name, text))
    return good, skipped


AUTHORITIES = (
    "Leicestershire County Council",
    "Lancashire County Council",
    "Knowsley Metropolitan Borough Council",
    "London Borough of Hackney",
    "Bristol City Council",
    "Cornwall Council",
    "Durham County Council",
    "Royal Borough of Greenwich",
    "Norfolk County Council",
    "Sheffield City Council",
    "Wiltshire Council",
    "Leeds City Council",
    "Surrey County Council",
    "North Yorkshire Council",
    "Brighton & Hove City Council",
    "Stoke-on-Trent City Council",
    "Buckinghamshire Council",
)

_TITLE = re.compile(
    r"^(?P<authority>\S[^\n]*?)(?P<gap>[^\S\n]*)"
    r"\((?P<reference>\d\d[ \u00a0]\d\d\d[ \u00a0]\d\d\d[a-z]?)\)",
    re.M,
)


def vary(text: str, i: int) -> str:
    """Give document ``i`` its own reference and, in turn, another authority."""
    reference = f"{10 + i % 15:02d} {(i * 7919) % 1000:03d} {i % 1000:03d}"
    authority = AUTHORITIES[i % len(AUTHORITIES)]

    def title(match: re.Match[str]) -> str:
        return f"{authority}{match['gap'] or ' '}({reference})"

    return _TITLE.sub(title, text, count=1)


FIXTURE_EVERY = 10
"""One document in this many is a fixture; the rest are seeds."""


def build_corpus(
    seeds: Sequence[tuple[str, str]], n: int, fixtures: Sequence[tuple[str, str]] = ()
) -> list[str]:
    """``n`` documents, each with its own reference and, in turn, another authority.

    Mostly the seeds in turn: they are whole real statements. The fixtures are
    small (a few hundred bytes, each about one layout feature), so one
    document in ``FIXTURE_EVERY`` is a fixture, for variety without turning
    the corpus into a corpus of snippets.
    """
    out = []
    for i in range(n):
        if fixtures and i % FIXTURE_EVERY == FIXTURE_EVERY - 1:
            source = fixtures[(i // FIXTURE_EVERY) % len(fixtures)][1]
        else:
            source = seeds[i % len(seeds)][1]
        out.append(vary(source, i))
    return out


def parse_file_sections(path: Path) -> int:
    """Parse one file in a worker process; return only the number of sections.

    Returning the model would time pickling it back to the parent, which is
    not what a command line tool writing JSON does.
    """
    import lgo_parse

    return len(lgo_parse.parse_file(path).sections)


def utf8_size(texts: Iterable[str]) -> int:
    return sum(len(t.encode("utf-8")) for t in texts)


# ---------------------------------------------------------------------------
# Timing.


def best_time(fn: Callable[[], object], rounds: int) -> float:
    """The fastest of ``rounds`` runs of ``fn``, in seconds (the least disturbed run)."""
    best = float("inf")
    for _ in range(rounds):
        gc.collect()
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def interleaved_best(contenders: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """Best time of each contender, running them in turn each round.

    Interleaving spreads slow drifts (a neighbour's build, thermal limits)
    over all contenders instead of charging them to whichever ran then.
    """
    best = {name: float("inf") for name in contenders}
    for _ in range(rounds):
        for name, fn in contenders.items():
            gc.collect()
            start = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def repeat_until(fn: Callable[[], object], min_seconds: float = 0.2, rounds: int = 3) -> float:
    """Seconds per call of ``fn``: repeated to at least ``min_seconds`` a round, best round."""
    start = time.perf_counter()
    fn()
    once = time.perf_counter() - start
    loops = max(1, int(min_seconds / once) if once > 0 else 1000)
    best = once
    for _ in range(rounds):
        gc.collect()
        start = time.perf_counter()
        for _ in range(loops):
            fn()
        best = min(best, (time.perf_counter() - start) / loops)
    return best


def median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


# ---------------------------------------------------------------------------
# Reporting.


def build() -> str:
    """Which lgo-parse is measured: version, compiled or pure Python, where, on which Python.

    Every speed report prints it first, so figures of the mypyc-compiled build
    (``pip install .``) and of the pure-Python one (an editable install, or
    ``LGO_PARSE_PURE=1 pip install .``) are never mixed up.
    """
    import lgo_parse
    from lgo_parse._version import build_kind

    folder = os.path.dirname(lgo_parse.__file__)
    return (
        f"lgo-parse {lgo_parse.__version__}, {build_kind()} ({folder}), "
        f"Python {platform.python_version()}"
    )


def environment() -> dict[str, Any]:
    """What the numbers were measured on."""
    import attrs
    import lark

    import lgo_parse

    try:
        commit = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--", "src", "grammar"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        commit, dirty = "", ""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {
        "load_average_1min": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "lgo_parse": lgo_parse.__version__,
        "build": build(),
        "lark": lark.__version__,
        "attrs": attrs.__version__,
        "commit": commit + ("+uncommitted src/grammar changes" if dirty else ""),
    }


def table(headers: Sequence[str], rows: Sequence[Sequence[object]], align: str = "") -> str:
    """A plain-text table; ``align`` has one ``l``/``r`` per column (default: first left)."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    align = align or "l" + "r" * (len(headers) - 1)

    def fmt(row: Sequence[str]) -> str:
        parts = [
            c.ljust(w) if a == "l" else c.rjust(w)
            for c, w, a in zip(row, widths, align, strict=True)
        ]
        return "  ".join(parts).rstrip()

    lines = [fmt(cells[0]), "  ".join("-" * w for w in widths)]
    lines.extend(fmt(r) for r in cells[1:])
    return "\n".join(lines)


def emit(report: dict[str, Any], text: str, as_json: bool) -> None:
    if as_json:
        json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(text.rstrip() + "\n")


def progress(message: str) -> None:
    """Progress goes to stderr so that ``--json`` output stays clean."""
    print(message, file=sys.stderr, flush=True)
