"""A regular expression compiled on first use (see ``_patterns``).

Kept apart from ``_patterns``, which is compiled with mypyc: a ``Lazy`` sets
the compiled pattern's methods on itself on first use, which a compiled
(native) class cannot do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "split", "sub")


class Lazy:
    """A compiled pattern's methods, compiled on the first call of any of them.

    After the first call each method is the compiled pattern's own bound
    method, kept on the instance, so a call costs what ``pattern.search``
    costs. ``pattern`` and ``flags`` are known without compiling.

    Examples:
        >>> fault = Lazy(r"\\bfault\\b", re.IGNORECASE)
        >>> fault.pattern
        '\\\\bfault\\\\b'
        >>> fault.search("We found FAULT.").group()
        'FAULT'
    """

    pattern: str
    flags: int
    search: Callable[..., re.Match[str] | None]
    match: Callable[..., re.Match[str] | None]
    fullmatch: Callable[..., re.Match[str] | None]
    finditer: Callable[..., Iterator[re.Match[str]]]
    findall: Callable[..., list[Any]]
    split: Callable[..., list[Any]]
    sub: Callable[..., str]

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def compiled(self) -> re.Pattern[str]:
        """Return the compiled pattern (compiling it now, if no method was called yet)."""
        return re.compile(self.pattern, self.flags)

    def __getattr__(self, name: str) -> Any:
        # Called only for a method not yet on the instance: the first call.
        if name not in _METHODS:
            raise AttributeError(name)
        compiled = self.compiled()
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"Lazy({self.pattern!r}, {self.flags!r})"
