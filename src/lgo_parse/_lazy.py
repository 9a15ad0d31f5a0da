"""Module attributes that load on first use (PEP 562), for names whose modules are slow to import.

A package lists each such name with the module it comes from; the
``__getattr__`` made here imports that module the first time the name is
asked for and stores the value in the package's namespace, so the next
lookup never comes back here. This module imports nothing of the package.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_attributes(
    namespace: dict[str, Any], where: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """Return a module's ``__getattr__`` and ``__dir__`` for names that load on first use.

    Args:
        namespace: The module's ``globals()``.
        where: Each lazy name and the module it is imported from, relative to
            the package (``"._render"``).

    Examples:
        >>> import types
        >>> module = types.ModuleType("example")
        >>> module.__getattr__, module.__dir__ = lazy_attributes(
        ...     vars(module), {"dedent": "textwrap"}
        ... )
        >>> module.dedent("  x")
        'x'
        >>> "dedent" in vars(module), "dedent" in dir(module)
        (True, True)
    """
    name = namespace["__name__"]
    package = namespace.get("__package__") or name

    def load(attribute: str) -> Any:
        try:
            module = where[attribute]
        except KeyError:
            raise AttributeError(f"module {name!r} has no attribute {attribute!r}") from None
        value = getattr(importlib.import_module(module, package), attribute)
        namespace[attribute] = value
        return value

    def listing() -> list[str]:
        return sorted({*namespace, *where})

    return load, listing
