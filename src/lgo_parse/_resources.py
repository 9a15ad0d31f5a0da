"""The grammar's files, read from inside the package (or a source checkout), never elsewhere.

The grammar ships inside the package (``lgo_parse/grammar/``, mapped in from
the top-level ``grammar/`` folder when the wheel is built) and is read
through ``pkgutil``, so it works from a wheel or a zip. In a source checkout
(an editable install) it is read from ``grammar/`` directly. This module
imports nothing of the package, so the model can read heading patterns from
the grammar without an import cycle.
"""

from __future__ import annotations

import os
import pkgutil

GRAMMAR_NAME = "decision.lark"
TABLES_NAME = "decision.lark.json"
# os.path, not pathlib: pathlib (and urllib, which it imports) would be a
# few milliseconds of every cold start.
_PACKAGE = os.path.dirname(os.path.realpath(__file__))
_CHECKOUT = os.path.dirname(os.path.dirname(_PACKAGE))
SOURCE_TREE = os.path.join(_CHECKOUT, "grammar")


def in_source_checkout() -> bool:
    """Whether this module runs from a source checkout (``<checkout>/src/lgo_parse``).

    Only then is the top-level ``grammar/`` folder ours; an installed package
    sits in ``site-packages``, whose grandparent is no place to read from.
    """
    return os.path.basename(os.path.dirname(_PACKAGE)) == "src" and os.path.isfile(
        os.path.join(_CHECKOUT, "pyproject.toml")
    )


def read(name: str) -> bytes:
    """Read a grammar file from inside the package, or from a source checkout's ``grammar/``.

    Raises:
        FileNotFoundError: The file is in neither place.
    """
    try:
        data = pkgutil.get_data("lgo_parse", f"grammar/{name}")
    except OSError:
        data = None
    if data is None and in_source_checkout():  # an editable install
        with open(os.path.join(SOURCE_TREE, name), "rb") as file:
            data = file.read()
    if data is None:
        raise FileNotFoundError(f"lgo_parse/grammar/{name} is missing from the installed package")
    return data


def grammar_text() -> str:
    """Return the text of the decision grammar shipped with the package."""
    return read(GRAMMAR_NAME).decode("utf-8")
