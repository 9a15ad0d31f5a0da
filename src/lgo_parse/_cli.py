"""The ``lgo-parse`` command: decision statements in, JSON, JSONL, an outline, CSV or tables out.

::

    lgo-parse [options] FILE|DIR|- ...
    lgo-parse schema [-o FILE]
    lgo-parse db FILE|DIR ... -o DATABASE
    lgo-parse tables FILE|DIR ... -o FOLDER [--format csv|parquet]

This module is the command line only: its options, its sub-commands, where the
output goes and the exit status. Finding and parsing the inputs is in
``_batch``, the output formats in ``_formats``, the tables in ``_records``,
``_database`` and ``_tablefiles``.

``schema``, ``db`` and ``tables`` as the *first* argument are sub-commands; to
parse a file that is really called so, name it ``./schema``.

Exit codes: 0 every input parsed, 1 some failed, 2 usage error, 130 Ctrl-C,
141 the output was closed early (``lgo-parse DIR | head``).

This module imports only the standard library at module level; the parser,
the model and multiprocessing are imported where they are first needed, so
``--version`` and ``--help`` cost little more than importing the package.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import IO

from . import _batch
from ._batch import PROG, STDIN, Report
from ._version import __version__, build_kind

ENCODE_CHARS = 1 << 20
"""Output is encoded to UTF-8 this many characters at a time."""
EXIT_BROKEN_PIPE = 141
"""What a shell reports for a program stopped by SIGPIPE: the reader went away."""

_EPILOG = """\
formats:
  json     one pretty-printed document (the default for a single file or -);
           an array of documents when given several files, a directory or --all
  jsonl    one document per line (the default for several files or a directory)
  outline  header, headings with their kinds, website paragraph numbers and facts
  csv      one row per decision: header fields, counts and remedy totals (CRLF lines)

other commands:
  lgo-parse schema [-o FILE]           the JSON Schema of the JSON output
  lgo-parse db FILE|DIR ... -o FILE    an SQLite database, updated in place
  lgo-parse tables FILE|DIR ... -o DIR one CSV or Parquet file per table
A first argument `schema`, `db` or `tables` is that command; write ./schema for
a file of that name.

Folders are searched for *.txt and *.pdf files (any case). On a terminal a
progress bar is drawn on stderr while a batch runs.

exit status: 0 all parsed, 1 some inputs failed (listed on stderr), 2 usage
error, 130 interrupted (the failures so far are listed), 141 output closed
"""

ALL_HELP = "each file may hold several statements: output one document per statement"


# -- the command line -------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``lgo-parse`` command and return its exit status.

    Args:
        argv: The arguments, without the program name; ``None`` reads ``sys.argv``.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    commands: dict[str, Callable[[list[str]], int]] = {
        "schema": _run_schema,
        "db": _run_db,
        "tables": _run_tables,
    }
    command = commands.get(args[0]) if args else None
    try:
        if command is not None:
            return command(args[1:])
        return _run_parse(args)
    except KeyboardInterrupt:  # before a batch has started, or in a sub-command's set-up
        sys.stderr.write(f"{PROG}: interrupted\n")
        return 130
    except BrokenPipeError:
        # The reader went away (`lgo-parse dir | head`): stop quietly, as a
        # program killed by SIGPIPE would, and keep Python from complaining
        # again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Parse LGSCO decision statements into JSON, an outline or CSV.",
        epilog=_EPILOG,
        formatter_class=_formatter,
    )
    _add_inputs(
        parser,
        "statement files, directories (searched for *.txt and *.pdf) or - for standard input",
        "FILE|DIR|-",
    )
    from ._formats import FORMATS

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
    _add_jobs(parser)
    parser.add_argument(
        "--version", action="version", version=f"{PROG} {__version__} ({build_kind()})"
    )
    return parser


def _formatter(prog: str) -> argparse.HelpFormatter:
    # argparse makes a formatter for every option added, and its own way to the
    # terminal's width imports shutil (see terminal_columns).
    return argparse.RawDescriptionHelpFormatter(prog, width=_batch.terminal_columns() - 2)


def _add_inputs(parser: argparse.ArgumentParser, help: str, metavar: str = "FILE|DIR") -> None:
    parser.add_argument("inputs", nargs="+", metavar=metavar, help=help)


def _add_jobs(parser: argparse.ArgumentParser, all_help: str = ALL_HELP) -> None:
    parser.add_argument(
        "-j",
        "--jobs",
        type=_positive_int,
        metavar="N",
        help="worker processes (default: the number of CPUs)",
    )
    parser.add_argument("--all", dest="several", action="store_true", help=all_help)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, not {text!r}")
    return value


def _parse_args(parser: argparse.ArgumentParser, args: list[str]) -> argparse.Namespace | int:
    """The options, or the exit status when argparse has already answered (--help, errors)."""
    try:
        options = parser.parse_args(args)
    except SystemExit as stop:  # --help, --version and usage errors
        return _exit_code(stop)
    return options


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


# -- lgo-parse FILE|DIR|- ------------------------------------------------------


def _run_parse(args: list[str]) -> int:
    parser = _parser()
    options = _parse_args(parser, args)
    if isinstance(options, int):
        return options
    if options.inputs.count(STDIN) > 1:
        return _usage_error(parser, "'-' (standard input) can be given only once")
    from functools import partial

    from ._formats import Writer, format_input, format_input_encoded

    first_input = options.inputs[0]
    one_file = len(options.inputs) == 1 and (first_input == STDIN or not os.path.isdir(first_input))
    single = one_file and not options.several
    # One file is one JSON document, or with --all an array of its statements.
    fmt: str = options.format or ("json" if one_file else "jsonl")
    report = Report()
    jobs = _batch.find_jobs(options.inputs, report)
    report.start(jobs)
    task = partial(format_input, fmt=fmt, facts=options.facts, several=options.several)
    in_workers = partial(
        format_input_encoded, fmt=fmt, facts=options.facts, several=options.several
    )
    output = _open_output(options.output)
    if output is None:
        return 2
    with output as out:
        writer = Writer(out, fmt, single=single)
        # A bar drawn between output lines on the same terminal would garble both.
        progress = _batch.Progress(len(jobs), quiet=not out.to_file and _batch.isatty(sys.stdout))
        try:
            writer.open()
            with contextlib.closing(
                _batch.run(jobs, task, options.jobs or _batch.cpu_count(), in_workers=in_workers)
            ) as results:
                for result in results:
                    report.done += 1
                    if result.failure is not None:
                        report.fail(result.failure)
                    else:
                        for document in result.value:
                            writer.write(document)
                    progress.show(report.done, len(report.failures))
            writer.close()
        except KeyboardInterrupt:
            progress.close()
            return report.interrupted()
        progress.close()
    return report.finish()


# -- lgo-parse schema --------------------------------------------------------------


def _run_schema(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} schema",
        description="Print the JSON Schema (draft 2020-12) of lgo-parse's JSON output.",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not stdout")
    options = _parse_args(parser, args)
    if isinstance(options, int):
        return options
    from ._schema import schema_text

    output = _open_output(options.output)
    if output is None:
        return 2
    with output as out:
        out.write(schema_text())
    return 0


# -- lgo-parse db and tables ----------------------------------------------------------


def _run_db(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} db",
        description="Build or update an SQLite database of statements: one row per decision, "
        "and tables of sections, paragraphs (with full-text search), remedies, citations, "
        "cross-references and parties. Files whose SHA-256 is unchanged are skipped, changed "
        "files replace their rows; each file is one transaction.",
        epilog="Rows of files that have disappeared are kept (the database is an archive) "
        "unless --prune is given. exit status: 0 all parsed, 1 some files failed (listed on "
        "stderr and in the failures table), 2 usage error, 130 interrupted",
    )
    _add_inputs(parser, "statement files or directories (searched for *.txt and *.pdf)")
    parser.add_argument("-o", "--output", metavar="FILE", required=True, help="the database")
    _add_jobs(parser, "each file may hold several statements: store one decision per statement")
    parser.add_argument(
        "--prune",
        action="store_true",
        help="delete the rows of files that no longer exist",
    )
    options = _parse_args(parser, args)
    if isinstance(options, int):
        return options
    from ._database import build

    return build(
        options.inputs,
        options.output,
        workers=options.jobs or _batch.cpu_count(),
        several=options.several,
        prune=options.prune,
    )


def _run_tables(args: list[str]) -> int:
    from ._tablefiles import TABLE_FORMATS, write_tables

    parser = argparse.ArgumentParser(
        prog=f"{PROG} tables",
        description="Write one file per table (decisions, sections, paragraphs, remedies, "
        "citations, cross_references, parties): CSV, or Parquet with typed columns "
        "(pip install 'lgo-parse[parquet]').",
    )
    _add_inputs(parser, "statement files or directories (searched for *.txt and *.pdf)")
    parser.add_argument("-o", "--output", metavar="DIR", required=True, help="the folder to write")
    parser.add_argument("-f", "--format", choices=TABLE_FORMATS, default="csv", help="default: csv")
    _add_jobs(parser, "each file may hold several statements: rows for each statement")
    options = _parse_args(parser, args)
    if isinstance(options, int):
        return options
    return write_tables(
        options.inputs,
        options.output,
        options.format,
        workers=options.jobs or _batch.cpu_count(),
        several=options.several,
    )


# -- where the output goes --------------------------------------------------


def _open_output(path: str | None) -> Output | None:
    """Open the output, or say why it cannot be written and return ``None``."""
    try:
        return Output(path)
    except OSError as error:
        sys.stderr.write(f"{PROG}: cannot write {path}: {error.strerror or error}\n")
        return None


class Output:
    """Standard output or a file, always written as UTF-8 with ``\\n`` kept as is."""

    def __init__(self, path: str | None) -> None:
        self.to_file = path is not None
        self._file: IO[bytes] | None = open(path, "wb") if path is not None else None  # noqa: SIM115
        self._text: IO[str] = sys.stdout

    def write(self, text: str | bytes) -> None:
        """Write text, or text already encoded as UTF-8 (a worker process's output)."""
        if not text:
            return
        binary = self._file if self._file is not None else getattr(self._text, "buffer", None)
        if binary is None:  # a text-only stream, such as io.StringIO
            self._text.write(text.decode("utf-8") if isinstance(text, bytes) else text)
            return
        if isinstance(text, bytes):
            binary.write(text)
            return
        # Encoded a slice at a time: a document's text can be hundreds of MB,
        # and its bytes all at once would be another copy of it in memory.
        for start in range(0, len(text), ENCODE_CHARS):
            binary.write(text[start : start + ENCODE_CHARS].encode("utf-8"))

    def __enter__(self) -> Output:
        return self

    def __exit__(self, *_: object) -> None:
        if self._file is not None:
            self._file.close()
        else:
            self._text.flush()
            buffer = getattr(self._text, "buffer", None)
            if buffer is not None:
                buffer.flush()
