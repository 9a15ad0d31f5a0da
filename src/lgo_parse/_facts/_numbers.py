"""Numbers written in words ("four", "twenty-eight") or digits."""

from __future__ import annotations

from typing import Final

# fmt: off
_SMALL: Final = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)
_TENS: Final = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
# fmt: on
_VALUES: Final = {word: n for n, word in enumerate(_SMALL)} | {
    word: 20 + 10 * n for n, word in enumerate(_TENS)
}

NUMBER: Final = (
    r"(?:\d{1,3}(?!\d)|(?:(?:"
    + "|".join(_TENS)
    + r")(?:[\s-](?:"
    + "|".join(_SMALL[9:0:-1])
    + r"))?|"
    + "|".join(sorted(_SMALL[1:], key=len, reverse=True))
    + r")(?![\w-]))"
)
"""A regular expression for a number from 1 to 999 in digits, or 1 to 99 in words."""


def number_value(text: str) -> int | None:
    """Return the value of a number matched by ``NUMBER``, or of "a"/"an" (one).

    Examples:
        >>> number_value("twenty-eight"), number_value("12"), number_value("an")
        (28, 12, 1)
    """
    word = text.strip().lower()
    if word.isdigit():
        return int(word)
    if word in ("a", "an"):
        return 1
    parts = word.replace("-", " ").split()
    if not parts or any(p not in _VALUES for p in parts):
        return None
    return sum(_VALUES[p] for p in parts)
