"""Loading the grammar and building the parser, once per process.

The grammar ships inside the package (``lgo_parse/grammar/decision.lark``,
mapped in from the top-level ``grammar/`` folder when the wheel is built) and
is read through ``pkgutil``, so it works from a wheel or a zip. In a source
checkout (an editable install) it is read from ``grammar/`` directly.

Building lark's LALR tables from the grammar takes 60 to 200 ms (lark checks
its own meta-grammar with interegular whenever that is installed). So the
package also ships the tables, ``decision.lark.tables``, made by this module
from the grammar beside it (``python -m lgo_parse._grammar``) and stamped with
the grammar's SHA-256 and lark's version. They are loaded (about 6 ms) only
when both stamps match; otherwise the tables are built from the grammar.
They are loaded with ``Lark.load``, a pickle, but only from inside this
package: lark's ``cache=True``, which reads pickles from the shared temp
folder, is never used. ``tests/test_grammar_tables.py`` fails when the shipped
tables are stale.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import sys
from typing import TYPE_CHECKING

from . import _resources as resources

if TYPE_CHECKING:
    from lark import Lark

    from ._driver import Driver

GRAMMAR_NAME = resources.GRAMMAR_NAME
TABLES_NAME = resources.TABLES_NAME
_SOURCE_TREE = resources.SOURCE_TREE
_read = resources.read
grammar_text = resources.grammar_text


def _stamp(grammar: str) -> dict[str, str]:
    import lark

    return {
        "grammar_sha256": hashlib.sha256(grammar.encode("utf-8")).hexdigest(),
        "lark": lark.__version__,
    }


def build(grammar: str) -> Lark:
    """Build lark's LALR parser from the grammar text, with the line lexer."""
    from lark import Lark

    from ._lexer import LineLexer

    return Lark(grammar, parser="lalr", lexer=LineLexer, maybe_placeholders=False)


def tables_bytes(grammar: str) -> bytes:
    """Return the stamped tables file for this grammar (a JSON line, then lark's data)."""
    out = io.BytesIO()
    out.write(json.dumps(_stamp(grammar), sort_keys=True).encode("ascii") + b"\n")
    build(grammar).save(out)
    return out.getvalue()


@functools.cache
def parser() -> Lark:
    """Return lark's LALR parser: the shipped tables when fresh, else built from the grammar."""
    grammar = grammar_text()
    try:
        data = _read(TABLES_NAME)
    except OSError:
        return build(grammar)
    header, _, body = data.partition(b"\n")
    if json.loads(header) != _stamp(grammar):
        return build(grammar)
    from lark import Lark

    return Lark.load(io.BytesIO(body))


@functools.cache
def driver() -> Driver:
    """Return the parser that builds the model: lark's tables, our loop and builder."""
    from ._build import Builder
    from ._driver import Driver

    return Driver(parser(), Builder)


def main() -> None:
    """Write ``grammar/decision.lark.tables`` beside the grammar of a source checkout."""
    grammar = (_SOURCE_TREE / GRAMMAR_NAME).read_text(encoding="utf-8")
    target = _SOURCE_TREE / TABLES_NAME
    target.write_bytes(tables_bytes(grammar))
    sys.stdout.write(f"wrote {target}\n")


if __name__ == "__main__":
    main()
