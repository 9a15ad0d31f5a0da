"""What a terminal's pattern can start and end with: its FIRST and LAST sets, from the regex parser.

Used when the tables are compiled (``_grammar.compile_tables``): each
terminal gets a one-character regex matching every character a line it
matches can start with (``null``: any character). The line lexer then tries,
for a line, only the terminals its first character allows, in the same
priority order, so the answer is the same as trying them all, with far
fewer regexes run (a list item's line starts with a space or a digit, and
no heading does).

The LAST set is the same reading walked backwards: a line that ends with
``.`` is not tried against a title (which ends with ``)``) or a heading
(which ends with no stop), so the two sets together leave a long line of
text far fewer regexes to fail.

A set is a superset, never a subset: what cannot be told exactly (a
look-ahead, a back-reference) counts as "may start with anything", or is
skipped over when it matches nothing itself. Case-insensitive parts keep
their flag, so the regex engine's own case folding decides ("ſ" matches
``(?i)s``).
"""

from __future__ import annotations

import re
import sys
from typing import Any

if sys.version_info >= (3, 11):
    from re import _constants as sre_constants
    from re import _parser as sre_parse
else:  # pragma: no cover - Python 3.10
    import sre_constants
    import sre_parse

_CATEGORIES = {
    sre_constants.CATEGORY_DIGIT: r"\d",
    sre_constants.CATEGORY_NOT_DIGIT: r"\D",
    sre_constants.CATEGORY_SPACE: r"\s",
    sre_constants.CATEGORY_NOT_SPACE: r"\S",
    sre_constants.CATEGORY_WORD: r"\w",
    sre_constants.CATEGORY_NOT_WORD: r"\W",
}
_REPEATS = {
    op
    for op in (
        sre_constants.MAX_REPEAT,
        sre_constants.MIN_REPEAT,
        getattr(sre_constants, "POSSESSIVE_REPEAT", None),
    )
    if op is not None
}
_ZERO_WIDTH = {sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT}
_ANY = None
"""Any character can come first."""


class _UnknownError(Exception):
    """A construct this reading does not follow: the terminal may start with anything."""


def first_char_pattern(pattern: str) -> str | None:
    """Return a regex for one character that matches every possible first character.

    Returns ``None`` when any character may come first.

    Examples:
        >>> first_char_pattern(r"[ \\t]*\\d+\\.")
        '(?:[\\\\u0020\\\\u0009]|[\\\\d])'
        >>> first_char_pattern(r".+") is None
        True
    """
    return _end_pattern(pattern, reverse=False)


def last_char_pattern(pattern: str) -> str | None:
    """Return a regex for one character that matches every possible last character.

    Returns ``None`` when any character may come last.

    Examples:
        >>> last_char_pattern(r"\\S.*\\(\\d+\\)")
        '(?:\\\\u0029)'
        >>> last_char_pattern(r"(?i)the\\s+complaints?[.:]?")
        '(?:(?i:[\\\\u002e\\\\u003a])|(?i:\\\\u0073)|(?i:\\\\u0074))'
    """
    return _end_pattern(pattern, reverse=True)


def _end_pattern(pattern: str, *, reverse: bool) -> str | None:
    parsed = sre_parse.parse(pattern)
    ignore = bool(parsed.state.flags & sre_constants.SRE_FLAG_IGNORECASE)
    try:
        alternatives, _ = _sequence(list(parsed), ignore, reverse)
    except _UnknownError:
        return _ANY
    if alternatives is _ANY:
        return _ANY
    return "(?:" + "|".join(dict.fromkeys(alternatives)) + ")"


def first_ascii(first: str | None) -> str | None:
    """The ASCII characters a FIRST or LAST regex (from ``first_char_pattern``) matches.

    ``None`` stands for all characters.

    Examples:
        >>> first_ascii("[0-9 ]")
        ' 0123456789'
    """
    if first is None:
        return None
    regex = re.compile(first)
    return "".join(c for c in map(chr, range(128)) if regex.match(c))


def _sequence(items: list[Any], ignore: bool, reverse: bool) -> tuple[list[str] | None, bool]:
    """FIRST (or LAST) of a sequence, and whether the whole sequence can match nothing."""
    found: list[str] = []
    for op, arg in reversed(items) if reverse else items:
        first, nullable = _item(op, arg, ignore, reverse)
        if first is _ANY:
            return _ANY, False
        found += first
        if not nullable:
            return found, False
    return found, True


def _item(op: Any, arg: Any, ignore: bool, reverse: bool) -> tuple[list[str] | None, bool]:
    if op in _ZERO_WIDTH:
        return [], True
    if op is sre_constants.LITERAL:
        return [_flagged(_char(arg), ignore)], False
    if op is sre_constants.NOT_LITERAL:
        return [_flagged(f"[^{_char(arg)}]", ignore)], False
    if op is sre_constants.ANY:
        return _ANY, False
    if op is sre_constants.IN:
        return [_flagged(_charset(arg), ignore)], False
    if op is sre_constants.BRANCH:
        found: list[str] = []
        nullable = False
        for branch in arg[1]:
            first, empty = _sequence(list(branch), ignore, reverse)
            if first is _ANY:
                return _ANY, False
            found += first
            nullable = nullable or empty
        return found, nullable
    if op is sre_constants.SUBPATTERN:
        _group, add_flags, del_flags, body = arg
        if add_flags & sre_constants.SRE_FLAG_IGNORECASE:
            ignore = True
        if del_flags & sre_constants.SRE_FLAG_IGNORECASE:
            ignore = False
        return _sequence(list(body), ignore, reverse)
    if op in _REPEATS:
        low, _high, body = arg
        first, empty = _sequence(list(body), ignore, reverse)
        return first, empty or low == 0
    raise _UnknownError(op)


def _charset(items: list[tuple[Any, Any]]) -> str:
    parts: list[str] = []
    for op, arg in items:
        if op is sre_constants.NEGATE:
            parts.insert(0, "^")
        elif op is sre_constants.LITERAL:
            parts.append(_char(arg))
        elif op is sre_constants.RANGE:
            parts.append(f"{_char(arg[0])}-{_char(arg[1])}")
        elif op is sre_constants.CATEGORY and arg in _CATEGORIES:
            parts.append(_CATEGORIES[arg])
        else:
            raise _UnknownError(op)
    return "[" + "".join(parts) + "]"


def _char(code: int) -> str:
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _flagged(regex: str, ignore: bool) -> str:
    return f"(?i:{regex})" if ignore else regex
