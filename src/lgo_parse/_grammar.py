"""Loading the grammar and its LALR tables, once per process, without lark.

The grammar and its tables are read from inside the package (or a source
checkout's ``grammar/``) by ``_resources``.

lark is the compiler: it reads the grammar and computes the LALR(1) tables.
It is not needed to parse. ``python -m lgo_parse._grammar`` writes what the
parser needs into ``decision.lark.json`` beside the grammar, in a format of
this project's own (plain JSON: the terminals' patterns and priorities, the
rules and what each keeps, and every state's actions), stamped with the
grammar's SHA-256 and CRC-32 (the one checked on loading: zlib is built in,
hashlib costs 2 ms to import), lark's version and this format's number. Parsing loads
that file (about 2 ms) and never imports lark, which alone takes about
90 ms to import. Only when the stamp does not match the grammar (an edited
grammar, tables not regenerated) are the tables compiled with lark, in the
process. ``tests/test_grammar_tables.py`` regenerates the tables and fails
when the shipped ones are stale, or when lark's table format changes.
"""

from __future__ import annotations

import functools
import json
import sys
from typing import TYPE_CHECKING, Any

from . import _resources as resources

if TYPE_CHECKING:
    from lark import Lark

    from ._driver import Driver

GRAMMAR_NAME = resources.GRAMMAR_NAME
TABLES_NAME = resources.TABLES_NAME
_SOURCE_TREE = resources.SOURCE_TREE
_read = resources.read
grammar_text = resources.grammar_text
FORMAT = 5
"""The version of the tables file's layout; bump it when the layout changes."""

Tables = dict[str, Any]
"""The parse tables, as read from ``decision.lark.json``:

- ``stamp``: ``grammar_sha256``, ``grammar_crc32`` (checked on loading), ``lark``
  (the version that compiled them), ``format``;
- ``start``: the start state;
- ``terminals``: ``name``, ``pattern`` (a regex), ``priority`` and ``literal``
  (the lower-cased text of a fixed-text terminal, else ``null``) and ``first`` (a regex for
  one character matching every character a line of the terminal can start with, or
  ``null`` for any: see ``_firsts``) and ``first_ascii`` (the ASCII characters it matches,
  so that most lines need no regex compiled to tell), and ``last`` and ``last_ascii``
  the same for the character a line ends with, in lark's order;
- ``rules``: ``origin``, ``name`` (the template's name for a template's rule),
  ``size`` (symbols on the right), ``keep`` (``[index, inline?]`` of each
  symbol kept: terminals whose names start with ``_`` are dropped) and
  ``expand1`` (a ``?rule``);
- ``states``: for each state, one line of text, ``SYMBOL s12 other r3 ...``: for
  each symbol ``s`` and the next state (shift, or go to for a rule's name) or
  ``r`` and a rule's index (reduce); read with ``state_row`` when the parser
  first enters the state (a one-file run enters few of them, and text loads
  several times faster than nested JSON).
"""


def state_row(row: str) -> dict[str, tuple[bool, int]]:
    """Read one state's line of the tables: symbol -> (shift or go to?, state or rule index).

    Examples:
        >>> state_row("TITLE s4 preamble s1 $END r0")
        {'TITLE': (True, 4), 'preamble': (True, 1), '$END': (False, 0)}
    """
    parts = row.split()
    return {
        symbol: (action[0] == "s", int(action[1:]))
        for symbol, action in zip(parts[::2], parts[1::2], strict=True)
    }


def _digest(grammar: str) -> str:
    import hashlib  # only to write or test the tables: hashlib is 2 ms of a cold start

    return hashlib.sha256(grammar.encode("utf-8")).hexdigest()


def _checksum(grammar: str) -> int:
    """The cheap check made on loading: CRC-32 of the grammar (zlib is built in; hashlib is not)."""
    import zlib

    return zlib.crc32(grammar.encode("utf-8"))


def build(grammar: str) -> Lark:
    """Compile the grammar with lark (LALR); only the tables are used, never lark's lexer."""
    from lark import Lark
    from lark.lexer import Lexer

    class CompileOnly(Lexer):
        """A lexer lark accepts but never runs: ``_lexer.LineLexer`` lexes."""

        __future_interface__ = 2

        def __init__(self, conf: Any) -> None:
            pass

        def lex(self, *args: Any) -> Any:  # pragma: no cover - lark never lexes here
            raise NotImplementedError

    return Lark(grammar, parser="lalr", lexer=CompileOnly, maybe_placeholders=False)


def compile_tables(grammar: str) -> Tables:
    """Compile the grammar with lark and return the tables in this project's format.

    Raises:
        RuntimeError: lark's tables are not in the shape this reads (a new lark).
    """
    import lark
    from lark.lexer import PatternStr
    from lark.parsers.lalr_analysis import Reduce, Shift

    from ._firsts import first_ascii, first_char_pattern, last_char_pattern

    compiled = build(grammar)
    try:
        table = compiled.parser.parser._parse_table
        terminals = compiled.lexer_conf.terminals
        rules = list(compiled.rules)
        index = {rule: i for i, rule in enumerate(rules)}
        # lark numbers its states in an order that changes with the hash seed;
        # number them here by a walk from the start state, symbols in order, so
        # that the same grammar always gives the same file.
        start = table.start_states["start"]
        order = [start]
        number = {start: 0}
        for state in order:
            row = table.states[state]
            for symbol in sorted(row, key=str):
                action, arg = row[symbol]
                if action is Shift and arg not in number:
                    number[arg] = len(order)
                    order.append(arg)
                elif action is not Shift and action is not Reduce:
                    raise RuntimeError(f"unknown action in lark's table: {action!r}")
        if len(order) != len(table.states):
            raise RuntimeError("some of lark's states cannot be reached from the start")
        states = [
            " ".join(
                f"{symbol} s{number[arg]}" if action is Shift else f"{symbol} r{index[arg]}"
                for symbol, (action, arg) in sorted(table.states[state].items(), key=str)
            )
            for state in order
        ]
        return {
            "stamp": {
                "format": FORMAT,
                "grammar_sha256": _digest(grammar),
                "grammar_crc32": _checksum(grammar),
                "lark": lark.__version__,
            },
            "start": 0,
            "terminals": [
                {
                    "name": term.name,
                    "pattern": term.pattern.to_regexp(),
                    "priority": term.priority,
                    "literal": (
                        term.pattern.value.lower() if isinstance(term.pattern, PatternStr) else None
                    ),
                    "first": (first := first_char_pattern(term.pattern.to_regexp())),
                    "first_ascii": first_ascii(first),
                    "last": (last := last_char_pattern(term.pattern.to_regexp())),
                    "last_ascii": first_ascii(last),
                }
                for term in terminals
            ],
            "rules": [
                {
                    "origin": str(rule.origin.name),
                    "name": str(rule.options.template_source or rule.origin.name),
                    "size": len(rule.expansion),
                    "keep": [
                        [i, not sym.is_term and sym.name.startswith("_")]
                        for i, sym in enumerate(rule.expansion)
                        if not (sym.is_term and sym.filter_out)  # type: ignore[attr-defined]
                    ],
                    "expand1": bool(rule.options.expand1),
                }
                for rule in rules
            ],
            "states": states,
        }
    except (AttributeError, KeyError, TypeError, ValueError) as error:
        raise RuntimeError(
            f"lark {lark.__version__}'s tables are not in the shape lgo_parse reads: {error!r}"
        ) from error


def tables_text(grammar: str) -> str:
    """Return the tables file for this grammar: JSON, one state per line."""
    tables = compile_tables(grammar)
    states = tables.pop("states")
    head = json.dumps(tables, ensure_ascii=False, indent=1)[:-2]
    rows = ",\n".join(json.dumps(row, ensure_ascii=False) for row in states)
    return f'{head},\n "states": [\n{rows}\n]\n}}\n'


@functools.cache
def tables() -> Tables:
    """Return the parse tables: the shipped ones when made from this grammar, else compiled."""
    grammar = grammar_text()
    try:
        loaded: Tables = json.loads(_read(TABLES_NAME))
    except (OSError, ValueError):
        return compile_tables(grammar)
    stamp = loaded.get("stamp", {})
    if stamp.get("format") != FORMAT or stamp.get("grammar_crc32") != _checksum(grammar):
        return compile_tables(grammar)
    return loaded


@functools.cache
def driver() -> Driver:
    """Return the parser that builds the model: the tables, our loop and builder."""
    from ._build import Builder
    from ._driver import Driver

    return Driver(tables(), Builder)


def main() -> None:
    """Write ``grammar/decision.lark.json`` beside the grammar of a source checkout."""
    from pathlib import Path

    grammar = Path(_SOURCE_TREE, GRAMMAR_NAME).read_text(encoding="utf-8")
    target = Path(_SOURCE_TREE, TABLES_NAME)
    target.write_text(tables_text(grammar), encoding="utf-8", newline="\n")
    sys.stdout.write(f"wrote {target}\n")


if __name__ == "__main__":
    main()
