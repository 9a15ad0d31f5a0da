"""Loading the grammar and building the parser, once per process.

The grammar ships inside the package (``lgo_parse/grammar/decision.lark``,
mapped in from the top-level ``grammar/`` folder when the wheel is built) and
is read through ``pkgutil``, so it works from a wheel or a zip. In a source
checkout (an editable install) it is read from ``grammar/`` directly.

The parser is built at first use (about 20 ms) and kept; lark's ``cache=True``
is deliberately not used, since it unpickles files from a shared temp folder.
"""

from __future__ import annotations

import functools
import pkgutil
from pathlib import Path
from typing import TYPE_CHECKING

from lark import Lark

if TYPE_CHECKING:
    from ._driver import Driver

GRAMMAR_NAME = "decision.lark"
_SOURCE_TREE_GRAMMAR = Path(__file__).resolve().parents[2] / "grammar" / GRAMMAR_NAME


def grammar_text() -> str:
    """Return the text of the decision grammar shipped with the package."""
    data = pkgutil.get_data("lgo_parse", f"grammar/{GRAMMAR_NAME}")
    if data is None:  # pragma: no cover - loaders that cannot read data
        raise FileNotFoundError(GRAMMAR_NAME)
    return data.decode("utf-8")


def _read_grammar() -> str:
    try:
        return grammar_text()
    except (FileNotFoundError, OSError):
        # Editable install: the package folder has no grammar/ copy.
        return _SOURCE_TREE_GRAMMAR.read_text(encoding="utf-8")


@functools.cache
def parser() -> Lark:
    """Return lark's LALR parser for the grammar, with the line lexer."""
    from ._lexer import LineLexer

    return Lark(_read_grammar(), parser="lalr", lexer=LineLexer, maybe_placeholders=False)


@functools.cache
def driver() -> Driver:
    """Return the parser that builds the model: lark's tables, our loop and builder."""
    from ._build import Builder
    from ._driver import Driver

    return Driver(parser(), Builder)
