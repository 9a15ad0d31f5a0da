"""The version of lgo-parse, and whether its parser runs compiled."""

from __future__ import annotations

import os

__version__ = "0.1.0"
"""The version of lgo-parse; the single source of the package's version."""

COMPILED = "compiled with mypyc"
PURE = "pure Python"


def build_kind() -> str:
    """Say whether the installed parser's hot path is compiled: `COMPILED` or `PURE`.

    The standard wheel carries some of the package's modules compiled by mypyc,
    as extension modules beside their ``.py`` files (``hatch_build.py``), and
    Python imports an extension module before the ``.py`` file of the same
    name. An editable install, a wheel built where no C compiler was found, and
    one built with ``LGO_PARSE_PURE=1`` hold only the ``.py`` files. Looks at
    the package's folder only: nothing is imported.
    """
    import importlib.machinery  # loaded already by the import system; no cost

    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    package = os.path.dirname(os.path.abspath(__file__))
    compiled = any(name.endswith(suffixes) for name in os.listdir(package))
    return COMPILED if compiled else PURE
