"""What every example shares: where the statements are, and reading them without stopping.

The examples are run as scripts (``python examples/NAME.py``), so this folder
is on ``sys.path`` and they import this module as ``_statements``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

import lgo_parse

REPOSITORY = Path(__file__).resolve().parents[1]
FIXTURES = (
    REPOSITORY / "tests" / "fixtures" / "seeds",
    REPOSITORY / "tests" / "fixtures" / "valid",
)
"""What the examples read when given no path: the project's own statements."""


def add_statements_argument(parser: argparse.ArgumentParser) -> None:
    """Add the optional ``statements`` argument: a file or a folder of ``*.txt`` statements."""
    parser.add_argument(
        "statements",
        nargs="?",
        type=Path,
        help="a statement file, or a folder searched for *.txt files "
        "(default: the project's test fixtures, tests/fixtures/seeds and tests/fixtures/valid)",
    )


def statement_files(target: Path | None) -> list[Path]:
    """The ``*.txt`` files of ``target`` (a file or a folder), or of the default fixtures.

    A ``target`` that does not exist ends the script with a message and exit
    status 2: an empty table would look like an answer.
    """
    if target is None:
        return [path for folder in FIXTURES for path in sorted(folder.glob("*.txt"))]
    if target.is_dir():
        return sorted(target.rglob("*.txt"))
    if not target.exists():
        print(f"{target}: no such file or folder", file=sys.stderr)
        raise SystemExit(2)
    return [target]


def read_decisions(paths: list[Path]) -> Iterator[tuple[Path, lgo_parse.Decision]]:
    """Parse each file; report the ones that fail on standard error and go on with the rest."""
    failed = 0
    for path in paths:
        try:
            yield path, lgo_parse.parse_file(path)
        except lgo_parse.ParseError as error:
            failed += 1
            print(f"skipped {error}", file=sys.stderr)  # "file:line:column: reason"
        except OSError as error:
            failed += 1
            print(f"skipped {path}: cannot read: {error.strerror or error}", file=sys.stderr)
    if failed:
        print(f"{failed} of {len(paths)} files could not be parsed", file=sys.stderr)
