"""Batch runs: find the statement files, parse them in worker processes, report what failed.

What every ``lgo-parse`` command that reads many files shares:

* **Finding the inputs.** Folders are searched recursively for ``*.txt`` and
  ``*.pdf`` files (any case: ``*.TXT`` too), in an order that never varies.
  Only regular files are read from folders: a FIFO, socket or device with a
  statement's name is reported and skipped, never opened (opening a FIFO waits
  for a writer forever). A folder named like a statement file (``x.txt/``) is
  reported and searched as a folder. Symbolic links to folders are followed,
  each folder once: a link back to a folder already searched (a loop, or the
  same folder twice) is reported and skipped. Files named on the command line
  are read whatever they are, so ``lgo-parse <(cat statement.txt)`` works.
* **Running them.** One process for one file; otherwise worker processes,
  each with a pipe of its own (see ``_Pool``). Results come back in input order.
  A worker that dies (killed by the out-of-memory killer, say) ends the batch
  at once: the files it and the others were parsing are named as lost, the
  files not yet started as not parsed.
* **Reporting.** A file that fails never stops the batch; failures are listed
  on standard error at the end (also on Ctrl-C, for the files done so far),
  as ``file:line:column: reason`` or ``file: reason``.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Callable, Generator, Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from ._model import Decision

PROG = "lgo-parse"
STDIN = "-"
STDIN_NAME = "<stdin>"
SUFFIXES = (".txt", ".pdf")
"""What a statement file is called, compared without regard to case."""
START_METHOD: str | None = None
"""The multiprocessing start method for ``-j``; ``None`` is the platform's default."""


class Job(NamedTuple):
    """One input to parse, as sent to a worker process."""

    name: str
    """The input as the user named it: shown in the output and in failure reports."""
    path: str | None
    """The file to read, or ``None`` when ``data`` holds the bytes (standard input)."""
    data: bytes | None = None


class Result(NamedTuple):
    """What a task made of one input, or why the input failed."""

    name: str
    value: Any
    failure: str | None


Task = Callable[[Job], Any]
"""Turns one input into what the command writes; a module-level function (or a
``functools.partial`` of one), so that worker processes can receive it."""


def warn(message: str) -> None:
    """Say something on standard error that is not a failure."""
    sys.stderr.write(f"{PROG}: warning: {message}\n")


class Report:
    """The failures of one run, printed on standard error at the end or on Ctrl-C."""

    def __init__(self) -> None:
        self.failures: list[str] = []
        self.total = 0
        """How many inputs the run has: the jobs and the inputs that failed before any job."""
        self.done = 0
        """How many jobs have come back."""
        self._before = 0

    def start(self, jobs: Sequence[Job]) -> None:
        """Count the inputs, once found: the jobs and what failed while finding them."""
        self._before = len(self.failures)
        self.total = len(jobs) + self._before

    def fail(self, line: str) -> None:
        self.failures.append(line)

    def finish(self) -> int:
        """Print the failures and return the exit status: 0, or 1 when some input failed."""
        if not self.failures:
            return 0
        self._print_failures()
        sys.stderr.write(f"{PROG}: {len(self.failures)} of {self.total} inputs failed\n")
        return 1

    def interrupted(self) -> int:
        """Print the failures found so far after Ctrl-C, and return 130."""
        self._print_failures()
        failed = f", {len(self.failures)} failed" if self.failures else ""
        done = self._before + self.done
        sys.stderr.write(f"{PROG}: interrupted after {done} of {self.total} inputs{failed}\n")
        return 130

    def _print_failures(self) -> None:
        sys.stderr.write("".join(f"{failure}\n" for failure in self.failures))


# -- finding the inputs -------------------------------------------------------


def find_jobs(inputs: Sequence[str], report: Report, *, stdin: bool = True) -> list[Job]:
    """Expand the inputs into jobs, in order; searching failures go to ``report``.

    Args:
        inputs: Files, folders and ``-`` (standard input), as given by the user.
        report: Collects inputs that cannot be searched or read.
        stdin: Whether ``-`` means standard input (otherwise it is a file name).
    """
    jobs: list[Job] = []
    for item in inputs:
        if stdin and item == STDIN:
            jobs.append(Job(STDIN_NAME, None, read_stdin()))
        elif os.path.isdir(item):
            found = statement_files(item, report)
            if not found:
                warn(f"no *.txt or *.pdf files in {item}")
            jobs.extend(Job(path, path) for path in found)
        else:
            # Missing or unreadable files fail in the worker, in their place.
            jobs.append(Job(item, item))
    return jobs


def read_stdin() -> bytes:
    stream: Any = sys.stdin
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        data: bytes = buffer.read()
        return data
    text: str = stream.read()
    return text.encode("utf-8")


def is_statement_name(name: str) -> bool:
    return name.lower().endswith(SUFFIXES)


_NOT_REGULAR = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def statement_files(folder: str, report: Report) -> list[str]:
    """Return the statement files under ``folder``, in an order that never varies.

    Entries are sorted by name in each folder and folders are searched depth
    first where their name sorts, so the order is that of the paths' parts
    ("a/y/x.txt", "a/z.txt", "a-b/c.txt", "b.txt") on every platform.
    """
    found: list[str] = []
    searched: set[tuple[int, int]] = set()
    # Folders being listed, innermost last: deep trees need no recursion.
    stack: list[Iterator[os.DirEntry[str]]] = []

    def enter(path: str) -> None:
        try:
            info = os.stat(path)
            if (info.st_dev, info.st_ino) in searched:
                warn(f"{path}: skipped: a link to a folder already searched")
                return
            searched.add((info.st_dev, info.st_ino))
            with os.scandir(path) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            report.fail(f"{path}: cannot read: {error.strerror or error}")
            return
        stack.append(iter(entries))

    enter(folder)
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        named = is_statement_name(entry.name)
        try:
            mode = os.stat(entry.path).st_mode  # follows symbolic links
        except OSError as error:  # a dangling link, or no permission
            if named:
                report.fail(f"{entry.path}: cannot read: {error.strerror or error}")
            continue
        if stat.S_ISDIR(mode):
            if named:
                warn(f"{entry.path}: a folder, not a statement file: searched as a folder")
            enter(entry.path)
        elif named:
            what = next((what for test, what in _NOT_REGULAR if test(mode)), None)
            if what is None:
                found.append(entry.path)
            else:
                report.fail(f"{entry.path}: skipped: {what}, not a regular file")
    return found


# -- reading ----------------------------------------------------------------


def read_decisions(job: Job, *, several: bool = False) -> list[Decision]:
    """Parse one input: one decision, or with ``several`` each statement the text holds.

    Raises:
        ParseError: The input is not a decision statement (or not UTF-8).
        OSError: The file cannot be read.
    """
    import lgo_parse

    from ._parse import decode_utf8

    if job.path is not None and not several:
        return [lgo_parse.parse_file(job.path)]
    if job.path is not None:
        with open(job.path, "rb") as file:
            data = file.read()
    else:
        data = job.data or b""
    text = decode_utf8(data, job.name)
    del data  # the bytes are as big as the text: not kept while it is parsed
    if several:
        return lgo_parse.parse_all(text)
    return [lgo_parse.parse(text)]


def attempt(task: Task, job: Job) -> Result:
    """Run ``task`` on one input; never raises, so one bad file never stops a batch."""
    from ._errors import ParseError

    try:
        return Result(job.name, task(job), None)
    except ParseError as error:
        return Result(job.name, None, f"{job.name}:{error.line}:{error.column}: {error.reason}")
    except OSError as error:
        return Result(job.name, None, f"{job.name}: cannot read: {error.strerror or error}")
    except Exception as error:  # a bug in lgo-parse must not stop the batch either
        return Result(job.name, None, f"{job.name}: internal error, please report it: {error!r}")


def attempt_all(task: Task, jobs: list[Job]) -> list[Result]:
    """Run ``task`` on a chunk of inputs, in a worker process."""
    return [attempt(task, job) for job in jobs]


# -- running ------------------------------------------------------------------

LOST = "lost: a worker process died (killed, perhaps for lack of memory) before this file was done"
NOT_STARTED = "not parsed: the batch stopped when a worker process died"


def run(
    jobs: list[Job], task: Task, workers: int, *, in_workers: Task | None = None
) -> Generator[Result, None, None]:
    """Run ``task`` on every job, in worker processes when it pays; results in input order.

    ``in_workers``, when given, is what worker processes run instead of
    ``task``: the same work, with a result that is cheaper to send back (such
    as text already encoded).

    Close the iterator (``contextlib.closing``) when stopping early: that stops the workers.
    """
    workers = min(workers, len(jobs))
    if workers <= 1:
        for job in jobs:
            yield attempt(task, job)
        return
    yield from _in_workers(jobs, in_workers or task, workers)


def _in_workers(jobs: list[Job], task: Task, workers: int) -> Iterator[Result]:
    import multiprocessing

    context = multiprocessing.get_context(START_METHOD)
    if context.get_start_method() == "fork":
        # Build the parser once here: forked workers inherit it instead of
        # each building (or loading) their own.
        import lgo_parse

        lgo_parse.parse("Example Council (23 013 577)\n")
    # Small chunks amortise sending jobs and still share the tail of a batch;
    # at most `window` chunks past the next one to write are handed out, so
    # results waiting to be written in order stay few. Eight documents a chunk:
    # with every fact, 2,000 seed files ran -j 2 in 1.48-1.52 s against
    # 1.56-1.59 s in chunks of 16 (each a result of about half a megabyte of
    # JSON that the writing process waits for whole).
    size = max(1, min(8, len(jobs) // (workers * 4)))
    pool = _Pool(context, task, workers, [jobs[i : i + size] for i in range(0, len(jobs), size)])
    try:
        yield from pool.results(window=workers * 4)
    finally:
        pool.stop()


class _Worker:
    """A worker process and our end of its own pipe."""

    def __init__(self, context: Any, task: Task) -> None:
        self.connection, theirs = context.Pipe()
        self.process = context.Process(target=_serve, args=(task, theirs), daemon=True)
        self.process.start()
        # Only the worker holds its end now: if it dies mid-message, we read EOF, not a hang.
        theirs.close()
        self.chunk: int | None = None
        """The index of the chunk it is parsing, or None when it is idle."""


class _Pool:
    """Worker processes, one pipe each, managed here rather than by a library pool.

    ``multiprocessing.Pool`` hangs when a worker is killed; ``ProcessPoolExecutor``
    survives that, but its manager thread can hang the interpreter's exit when
    workers are stopped while sending a result (``lgo-parse DIR | head``). With
    a pipe per worker, a worker that dies is seen at once (its pipe ends or its
    process sentinel fires), and stopping needs no thread to agree.
    """

    def __init__(self, context: Any, task: Task, workers: int, chunks: list[list[Job]]) -> None:
        self.chunks = chunks
        self.workers = [_Worker(context, task) for _ in range(workers)]
        self.done: dict[int, list[Result]] = {}
        self.finished = False
        self.stopped = False

    def results(self, *, window: int) -> Iterator[Result]:
        """Yield every job's result in input order, ending early if a worker dies."""
        from multiprocessing.connection import wait

        handed, written = 0, 0
        while written < len(self.chunks):
            for worker in self.workers:
                if worker.chunk is None and handed < len(self.chunks) and handed < written + window:
                    worker.chunk = handed
                    handed += 1
                    try:
                        worker.connection.send(self.chunks[worker.chunk])
                    except OSError:  # it died while idle: this chunk never started
                        worker.chunk = None
                        yield from self._after_a_death(written)
                        return
            while written in self.done:
                yield from self.done.pop(written)
                written += 1
            busy = [worker for worker in self.workers if worker.chunk is not None]
            if not busy:
                continue
            ready = wait([w.connection for w in busy] + [w.process.sentinel for w in busy])
            for worker in busy:
                if worker.connection in ready:
                    try:
                        results: list[Result] = worker.connection.recv()
                    except (EOFError, OSError):  # it died while sending
                        yield from self._after_a_death(written)
                        return
                    assert worker.chunk is not None
                    self.done[worker.chunk] = results
                    worker.chunk = None
                elif worker.process.sentinel in ready:  # it died while parsing
                    yield from self._after_a_death(written)
                    return
        self.finished = True

    def _after_a_death(self, written: int) -> Iterator[Result]:
        """The rest of the batch once a worker has died: what was done, lost, not started."""
        running = {worker.chunk for worker in self.workers if worker.chunk is not None}
        self.stop()
        lost = skipped = 0
        for index in range(written, len(self.chunks)):
            if index in self.done:
                yield from self.done.pop(index)
                continue
            reason = LOST if index in running else NOT_STARTED
            for job in self.chunks[index]:
                if index in running:
                    lost += 1
                else:
                    skipped += 1
                yield Result(job.name, None, f"{job.name}: {reason}")
        warn(f"a worker process died: the batch stopped ({lost} files lost, {skipped} not started)")

    def stop(self) -> None:
        """End the workers: politely when the batch is done, at once otherwise."""
        if self.stopped:
            return
        self.stopped = True
        for worker in self.workers:
            if self.finished:
                with contextlib.suppress(OSError):
                    worker.connection.send(None)
            else:
                # Stopped early (Ctrl-C, a closed pipe, a death): a worker may be
                # stuck, reading a FIFO named on the command line or a huge file.
                worker.process.terminate()
        for worker in self.workers:
            worker.process.join(5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.connection.close()


def _serve(task: Task, connection: Any) -> None:
    """A worker: parse the chunks sent until told to stop (None) or the pipe closes."""
    _ignore_interrupts()
    while True:
        try:
            chunk = connection.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        connection.send(attempt_all(task, chunk))


def _ignore_interrupts() -> None:
    """Leave Ctrl-C to the main process, which stops the workers itself."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def cpu_count() -> int:
    count: Callable[[], int | None] = getattr(os, "process_cpu_count", os.cpu_count)
    return count() or 1


# -- progress -------------------------------------------------------------------


def terminal_columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` reads it: $COLUMNS, the terminal, 80.

    Without importing shutil, which loads the compression modules: 2 ms of a
    one-file run, where argparse asks for the width for every option added.
    """
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        stdout = sys.__stdout__
        try:
            columns = os.get_terminal_size(stdout.fileno()).columns if stdout else 0
        except (ValueError, OSError):
            columns = 0
    return columns or 80


def isatty(stream: IO[str]) -> bool:
    check = getattr(stream, "isatty", None)
    return bool(check and check())


class Progress:
    """A one-line progress bar on standard error, drawn only when it is a terminal.

    It shows ``[####......] done/total, N failed`` and is wiped at the end, so
    only the output and the failure report stay on the screen.
    """

    def __init__(self, total: int, *, quiet: bool) -> None:
        self.total = total
        self.enabled = total > 1 and not quiet and isatty(sys.stderr)
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
        columns = terminal_columns()
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
            self._width = 0
