"""The ``lgo-parse`` command: decision statements in, JSON, JSONL, an outline or CSV out.

::

    lgo-parse [options] FILE|DIR|- ...
    lgo-parse schema [-o FILE]

Directories are searched recursively for ``*.txt``; ``-`` reads standard input.
Many files are parsed by a pool of worker processes; results are written in
input order, so the same input always gives the same bytes. A file that fails
never stops the batch: failures are listed on standard error at the end as
``file:line:column: reason`` (``file: reason`` when the file cannot be read).

``schema`` as the *first* argument prints the JSON Schema; to parse a file
that is really called ``schema``, name it ``./schema``.

Exit codes: 0 every file parsed, 1 some failed, 2 usage error.

This module imports only the standard library at module level; the parser,
the model and multiprocessing are imported where they are first needed, so
``--version`` and ``--help`` cost little more than importing the package.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import textwrap
from collections.abc import Callable, Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from ._version import __version__

if TYPE_CHECKING:
    from ._facts import Citation, CrossReference, Party, Remedy
    from ._layout import Span
    from ._model import Decision, Section

PROG = "lgo-parse"
STDIN = "-"
STDIN_NAME = "<stdin>"
FORMATS = ("json", "jsonl", "outline", "csv")
CSV_COLUMNS = (
    "file",
    "authority",
    "reference",
    "year",
    "category",
    "category_top",
    "outcome",
    "outcome_kind",
    "decision_date",
    "sections",
    "paragraphs",
    "remedies",
    "remedy_amount_total",
    "remedy_kinds",
)
START_METHOD: str | None = None
"""The multiprocessing start method for ``-j``; ``None`` is the platform's default."""

_EPILOG = """\
formats:
  json     one pretty-printed document (the default for a single file or -);
           an array of documents when given several files or a directory
  jsonl    one document per line (the default for several files or a directory)
  outline  header, headings with their kinds, website paragraph numbers and facts
  csv      one row per decision: header fields, counts and remedy totals

The JSON follows a published JSON Schema: `lgo-parse schema` prints it. The
first argument `schema` is that command; write ./schema for a file of that name.

exit status: 0 all parsed, 1 some files failed (listed on stderr), 2 usage error
"""


# -- the command line -------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``lgo-parse`` command and return its exit status.

    Args:
        argv: The arguments, without the program name; ``None`` reads ``sys.argv``.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["schema"]:
        return _run_schema(args[1:])
    parser = _parser()
    try:
        options = parser.parse_args(args)
    except SystemExit as stop:  # --help, --version and usage errors
        return _exit_code(stop)
    if options.inputs.count(STDIN) > 1:
        return _usage_error(parser, "'-' (standard input) can be given only once")
    try:
        return _run(options)
    except KeyboardInterrupt:
        sys.stderr.write(f"{PROG}: interrupted\n")
        return 130
    except BrokenPipeError:
        # The reader went away (`lgo-parse dir | head`): stop quietly, and keep
        # Python from complaining again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Parse LGSCO decision statements into JSON, an outline or CSV.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="FILE|DIR|-",
        help="statement files, directories (searched for *.txt) or - for standard input",
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        help="output format (default: json for one file, jsonl for several)",
    )
    parser.add_argument(
        "--no-facts",
        dest="facts",
        action="store_false",
        help="leave out remedies, citations, cross-references and parties (faster)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not stdout")
    parser.add_argument(
        "-j",
        "--jobs",
        type=_positive_int,
        metavar="N",
        help="worker processes (default: the number of CPUs)",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, not {text!r}")
    return value


def _exit_code(stop: SystemExit) -> int:
    code = stop.code
    if code is None:
        return 0
    return code if isinstance(code, int) else 2


def _usage_error(parser: argparse.ArgumentParser, message: str) -> int:
    try:
        parser.error(message)
    except SystemExit as stop:
        return _exit_code(stop)
    return 2  # pragma: no cover - parser.error always exits


def _run_schema(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} schema",
        description="Print the JSON Schema (draft 2020-12) of lgo-parse's JSON output.",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not stdout")
    try:
        options = parser.parse_args(args)
    except SystemExit as stop:
        return _exit_code(stop)
    from ._schema import schema_text

    output = _open_output(options.output)
    if output is None:
        return 2
    with output as out:
        out.write(schema_text())
    return 0


# -- a batch ----------------------------------------------------------------


class Job(NamedTuple):
    """One input to parse, as sent to a worker process."""

    name: str
    """The input as the user named it: shown in the output and in failure reports."""
    path: str | None
    """The file to read, or ``None`` when ``data`` holds the bytes (standard input)."""
    data: bytes | None
    format: str
    facts: bool


class Result(NamedTuple):
    """What a worker sends back: the formatted output, or why the input failed."""

    output: str
    failure: str | None


def _run(options: argparse.Namespace) -> int:
    first_input = options.inputs[0]
    single = len(options.inputs) == 1 and (first_input == STDIN or not os.path.isdir(first_input))
    fmt: str = options.format or ("json" if single else "jsonl")
    jobs, failures = _jobs(options.inputs, fmt, options.facts)
    total = len(jobs) + len(failures)
    workers = options.jobs or _cpu_count()
    output = _open_output(options.output)
    if output is None:
        return 2
    with output as out:
        # A bar drawn between output lines on the same terminal would garble both.
        progress = _Progress(len(jobs), quiet=not out.to_file and _isatty(sys.stdout))
        out.write(_opening(fmt, single))
        first = True
        for done, result in enumerate(_results(jobs, workers), 1):
            if result.failure is not None:
                failures.append(result.failure)
            else:
                out.write(_joined(result.output, fmt, single, first))
                first = False
            progress.show(done, len(failures))
        progress.close()
        out.write(_closing(fmt, single, first))
    if failures:
        sys.stderr.write("".join(f"{failure}\n" for failure in failures))
        sys.stderr.write(f"{PROG}: {len(failures)} of {total} inputs failed\n")
        return 1
    return 0


def _cpu_count() -> int:
    count: Callable[[], int | None] = getattr(os, "process_cpu_count", os.cpu_count)
    return count() or 1


def _isatty(stream: IO[str]) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _jobs(inputs: list[str], fmt: str, facts: bool) -> tuple[list[Job], list[str]]:
    """Expand the inputs into jobs, in order; also return inputs that cannot be searched."""
    jobs: list[Job] = []
    failures: list[str] = []
    for item in inputs:
        if item == STDIN:
            jobs.append(Job(STDIN_NAME, None, _read_stdin(), fmt, facts))
        elif os.path.isdir(item):
            found = _statements_in(item, failures)
            if not found:
                sys.stderr.write(f"{PROG}: warning: no *.txt files in {item}\n")
            jobs.extend(Job(path, path, None, fmt, facts) for path in found)
        else:
            # Missing or unreadable files fail in the worker, in their place.
            jobs.append(Job(item, item, None, fmt, facts))
    return jobs, failures


def _read_stdin() -> bytes:
    stream: Any = sys.stdin
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        data: bytes = buffer.read()
        return data
    text: str = stream.read()
    return text.encode("utf-8")


def _statements_in(folder: str, failures: list[str]) -> list[str]:
    """Return the ``*.txt`` files under ``folder``, in an order that never varies."""

    def unreadable(error: OSError) -> None:
        failures.append(f"{error.filename}: cannot read: {error.strerror or error}")

    found = [
        os.path.join(root, name)
        for root, _, names in os.walk(folder, onerror=unreadable)
        for name in names
        if name.endswith(".txt")
    ]
    # Compare path parts, not strings, so "a/b.txt" and "a-b/c.txt" sort the
    # same on every platform and Python version.
    return sorted(found, key=lambda path: os.path.relpath(path, folder).split(os.sep))


def _results(jobs: list[Job], workers: int) -> Iterator[Result]:
    """Run the jobs, in worker processes when it pays, yielding results in input order."""
    workers = min(workers, len(jobs))
    if workers <= 1:
        yield from map(work, jobs)
        return
    import multiprocessing

    context = multiprocessing.get_context(START_METHOD)
    if context.get_start_method() == "fork":
        # Build the parser once here: forked workers inherit it instead of
        # each building (or loading) their own.
        from ._grammar import driver

        driver()
    # Chunks amortise the cost of sending jobs while still sharing the tail
    # of a batch between workers.
    chunksize = max(1, min(32, len(jobs) // (workers * 4)))
    with context.Pool(workers, initializer=_ignore_interrupts) as pool:
        yield from pool.imap(work, jobs, chunksize)


def _ignore_interrupts() -> None:
    """Leave Ctrl-C to the main process.

    A worker interrupted while it holds the pool's task-queue lock dies with
    the lock taken, and the pool then hangs on shutdown.
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def work(job: Job) -> Result:
    """Parse one input and format it; never raises, so one bad file never stops a batch.

    A module-level function, so worker processes can import it under any start method.
    """
    from ._errors import ParseError

    try:
        decision = _read(job)
        return Result(FORMATTERS[job.format](decision, job), None)
    except ParseError as error:
        return Result("", f"{job.name}:{error.line}:{error.column}: {error.reason}")
    except OSError as error:
        return Result("", f"{job.name}: cannot read: {error.strerror or error}")
    except Exception as error:  # a bug in lgo-parse must not stop the batch either
        return Result("", f"{job.name}: internal error, please report it: {error!r}")


def _read(job: Job) -> Decision:
    from ._parse import decode_utf8, parse, parse_file

    if job.path is not None:
        return parse_file(job.path)
    return parse(decode_utf8(job.data or b"", job.name))


# -- formats ----------------------------------------------------------------


def _json(decision: Decision, job: Job, *, indent: int | None) -> str:
    from ._serialize import decision_to_dict

    data = decision_to_dict(decision, facts=job.facts, source=job.name)
    text = json.dumps(
        data, ensure_ascii=False, indent=indent, separators=None if indent else (",", ":")
    )
    # Valid JSON, but line-splitting tools (str.splitlines, some JSONL readers)
    # break lines at these, so write them escaped.
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085")


def _format_json(decision: Decision, job: Job) -> str:
    return _json(decision, job, indent=2)


def _format_jsonl(decision: Decision, job: Job) -> str:
    return _json(decision, job, indent=None) + "\n"


def _opening(fmt: str, single: bool) -> str:
    if fmt == "csv":
        return _csv_line(list(CSV_COLUMNS))
    if fmt == "json" and not single:
        return "["
    return ""


def _joined(output: str, fmt: str, single: bool, first: bool) -> str:
    """One document's output with what separates it from the one before."""
    if fmt == "json":
        if single:
            return output + "\n"
        return ("\n  " if first else ",\n  ") + output.replace("\n", "\n  ")
    if fmt == "outline" and not first:
        return "\n" + output
    return output


def _closing(fmt: str, single: bool, empty: bool) -> str:
    if fmt == "json" and not single:
        return "]\n" if empty else "\n]\n"
    return ""


def _format_csv(decision: Decision, job: Job) -> str:
    reference = decision.reference
    category = decision.category
    outcome = decision.outcome
    row: list[object] = [
        job.name,
        decision.authority,
        reference,
        reference and reference.year,
        category,
        category and category.top,
        outcome,
        outcome and outcome.kind.value,
        decision.decision_date and decision.decision_date.isoformat(),
        sum(1 for _ in decision.walk()),
        len(decision.paragraphs),
    ]
    if job.facts:
        remedies = decision.remedies
        amounts = [r.amount for r in remedies if r.amount is not None]
        kinds = sorted({r.kind.value for r in remedies})
        row += [len(remedies), format(sum(amounts), "f") if amounts else "", "; ".join(kinds)]
    else:
        row += ["", "", ""]
    return _csv_line(row)


def _csv_line(row: Sequence[object]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(["" if v is None else str(v) for v in row])
    return buffer.getvalue()


OUTLINE_WIDTH = 72


def _format_outline(decision: Decision, job: Job) -> str:
    reference = decision.reference and f"({decision.reference})"
    title = " ".join(part for part in (decision.authority, reference) if part)
    outcome = decision.outcome
    fields: list[tuple[str, object]] = [
        ("File", job.name),
        ("Category", decision.category),
        ("Outcome", outcome and f"{outcome} [{outcome.kind.value}]"),
        ("Decision date", decision.decision_date),
        ("Summary", decision.summary),
    ]
    lines = [title or "(no title)"]
    for label, value in fields:
        if value is None:
            continue
        lead = f"  {label:<14} "
        if label == "Summary":
            lines += textwrap.wrap(
                str(value), OUTLINE_WIDTH, initial_indent=lead, subsequent_indent=" " * len(lead)
            )
        else:
            lines.append(f"{lead}{value}")
    lines.append("")
    for section in decision.sections:
        _outline_section(section, 1, lines)
    if job.facts:
        _outline_facts(decision, lines)
    return "\n".join(lines) + "\n"


def _outline_section(section: Section, depth: int, lines: list[str]) -> None:
    from ._model import ListItem, Paragraph

    pad = "  " * depth
    lines.append(f"{pad}{section.heading or '(before the first heading)'}  [{section.kind.value}]")
    for block in section.blocks:
        if isinstance(block, Paragraph):
            number = "·" if block.number is None else str(block.number)
        elif isinstance(block, ListItem):
            number = "•"
        else:
            continue
        lines.append(f"{pad}  {number:>3}  {_shorten(block.text, OUTLINE_WIDTH - len(pad) - 7)}")
    for sub in section.subsections:
        _outline_section(sub, depth + 1, lines)


def _outline_facts(decision: Decision, lines: list[str]) -> None:
    groups: list[tuple[str, Sequence[Any], Callable[[Any], tuple[Span | None, list[str]]]]] = [
        ("Remedies", decision.remedies, _remedy_lines),
        ("Citations", decision.citations, _citation_lines),
        ("Cross-references", decision.cross_references, _cross_reference_lines),
        ("Parties", decision.parties, _party_lines),
    ]
    for heading, facts, describe in groups:
        lines.append("")
        lines.append(f"  {heading} ({len(facts)})")
        for fact in facts:
            span, (first, *rest) = describe(fact)
            where = "" if span is None else f"line {span.line}"
            lines.append(f"    {where:<9}  {first}")
            lines += [f"    {'':<9}  {more}" for more in rest]


def _remedy_lines(remedy: Remedy) -> tuple[Span | None, list[str]]:
    parts = [remedy.kind.value]
    if remedy.amount is not None:
        parts.append(f"£{remedy.amount:,f}")
    if remedy.recipient:
        parts.append(f"to {remedy.recipient}")
    if remedy.deadline is not None:
        parts.append(str(remedy.deadline))
    return remedy.span, [" ".join(parts), _quoted(remedy.text)]


def _citation_lines(citation: Citation) -> tuple[Span | None, list[str]]:
    parts = [citation.title, *citation.provisions]
    if citation.as_amended:
        parts.append("as amended")
    return citation.span, [f"{', '.join(parts)}  [{citation.kind.value}]"]


def _cross_reference_lines(reference: CrossReference) -> tuple[Span | None, list[str]]:
    target = reference.target
    found = "no such paragraph" if target is None else f"paragraph {target.number}"
    return reference.span, [f"{_quoted(reference.text)} → {found}"]


def _party_lines(party: Party) -> tuple[Span | None, list[str]]:
    plural = "" if party.mentions == 1 else "s"
    about = f"{party.role.value}, {party.mentions} mention{plural}"
    return party.span, [f"{party.name} ({about})"]


def _quoted(text: str) -> str:
    return f"“{_shorten(text, OUTLINE_WIDTH - 17)}”"


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


FORMATTERS: dict[str, Callable[[Decision, Job], str]] = {
    "json": _format_json,
    "jsonl": _format_jsonl,
    "outline": _format_outline,
    "csv": _format_csv,
}


# -- where the output goes --------------------------------------------------


def _open_output(path: str | None) -> _Output | None:
    """Open the output, or say why it cannot be written and return ``None``."""
    try:
        return _Output(path)
    except OSError as error:
        sys.stderr.write(f"{PROG}: cannot write {path}: {error.strerror or error}\n")
        return None


class _Output:
    """Standard output or a file, always written as UTF-8 with ``\\n`` kept as is."""

    def __init__(self, path: str | None) -> None:
        self.to_file = path is not None
        self._file: IO[bytes] | None = open(path, "wb") if path is not None else None  # noqa: SIM115
        self._text: IO[str] = sys.stdout

    def write(self, text: str) -> None:
        if not text:
            return
        if self._file is not None:
            self._file.write(text.encode("utf-8"))
            return
        buffer = getattr(self._text, "buffer", None)
        if buffer is not None:
            buffer.write(text.encode("utf-8"))
        else:  # a text-only stream, such as io.StringIO
            self._text.write(text)

    def __enter__(self) -> _Output:
        return self

    def __exit__(self, *_: object) -> None:
        if self._file is not None:
            self._file.close()
        else:
            self._text.flush()
            buffer = getattr(self._text, "buffer", None)
            if buffer is not None:
                buffer.flush()


class _Progress:
    """A one-line progress bar on standard error, drawn only when it is a terminal."""

    def __init__(self, total: int, *, quiet: bool) -> None:
        self.total = total
        self.enabled = total > 1 and not quiet and _isatty(sys.stderr)
        self._last = 0.0
        self._width = 0

    def show(self, done: int, failed: int) -> None:
        if not self.enabled:
            return
        import time

        now = time.monotonic()
        if now - self._last < 0.1 and done < self.total:
            return
        self._last = now
        import shutil

        columns = shutil.get_terminal_size((80, 24)).columns
        counts = f" {done}/{self.total}" + (f", {failed} failed" if failed else "")
        size = max(10, min(40, columns - len(counts) - 3))
        filled = size * done // self.total
        line = f"[{'#' * filled}{'.' * (size - filled)}]{counts}"
        self._width = len(line)
        sys.stderr.write(f"\r{line}")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled and self._width:
            sys.stderr.write("\r" + " " * self._width + "\r")
            sys.stderr.flush()
