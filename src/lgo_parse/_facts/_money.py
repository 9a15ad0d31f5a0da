"""Sums of money written in pounds: "£1000", "£1,000", "£10.50", "£5k".

The value is a ``decimal.Decimal`` exactly as precise as written, never
a float: "£10.50" is ``Decimal("10.50")``, "£1,000" is ``Decimal("1000")``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, Inexact, localcontext

import attrs

from ._lazy_regex import Lazy

_AMOUNT = Lazy(
    r"£\s?(?P<whole>\d{1,3}(?:,\d{3})+|\d+)(?!\d|,\d)"
    r"(?:\.(?P<pence>\d{1,2})(?!\d))?"
    r"(?:\s?(?P<scale>k|m|million)\b)?"
    # A sum runs on into digits or a decimal point only when it is malformed.
    r"(?![\d.,]\d)"
)
_EXPONENT = {"k": 3, "m": 6, "million": 6}
# Between two sums: "£100 to £300", "£100-£300", "between £100 and £300".
_RANGE_JOIN = Lazy(r"\s*(?:to|-|–|—|and|or)\s*")
_BETWEEN = Lazy(r"\b(?:between|from)\s*$", re.IGNORECASE)


@attrs.frozen
class Amount:
    """A sum of money found in a text.

    Attributes:
        value: The sum in pounds.
        start: Offset of the ``£`` in the text searched.
        end: Offset just past the sum.
        in_range: Whether the sum is one end of a range ("between £100 and
            £300", "£100 to £300"); ranges are guidance, not remedies.
    """

    value: Decimal
    start: int
    end: int
    in_range: bool = False


def find_amounts(text: str) -> tuple[Amount, ...]:
    """Return the sums of money written in ``text``, in order.

    Examples:
        >>> [str(a.value) for a in find_amounts("pay £1,000 and £10.50")]
        ['1000', '10.50']
        >>> [a.in_range for a in find_amounts("between £100 and £300")]
        [True, True]
    """
    if "£" not in text:
        return ()
    found = [Amount(_value(m), m.start(), m.end()) for m in _AMOUNT.finditer(text)]
    for i in range(len(found) - 1):
        first, second = found[i], found[i + 1]
        join = _RANGE_JOIN.fullmatch(text, first.end, second.start)
        if join is None:
            continue
        if join.group().strip() in ("and", "or") and not _BETWEEN.search(
            text, max(0, first.start - 12), first.start
        ):
            continue
        found[i] = attrs.evolve(first, in_range=True)
        found[i + 1] = attrs.evolve(second, in_range=True)
    return tuple(found)


def _value(match: re.Match[str]) -> Decimal:
    digits = match["whole"].replace(",", "")
    if match["pence"] is not None:
        digits += "." + match["pence"]
    scale = match["scale"]
    if not scale:
        return Decimal(digits)
    # Scaled by the exponent, never by arithmetic: Decimal arithmetic rounds
    # (or raises InvalidOperation) past 28 digits, and a sum may be any length.
    scaled = Decimal(f"{digits}E{_EXPONENT[scale]}")
    # "£2.5 million" is a whole number of pounds (2500000), not 2.5E+6.
    return Decimal(int(scaled)) if scaled == int(scaled) else scaled


def total(amounts: Iterable[Decimal]) -> Decimal:
    """Return the exact sum of ``amounts``, however many digits they have.

    ``sum()`` of ``Decimal`` values rounds to 28 significant digits; this does not.

    Examples:
        >>> total([Decimal("1" * 30), Decimal("0.01")])
        Decimal('111111111111111111111111111111.01')
    """
    values = list(amounts)
    digits = sum(len(v.as_tuple().digits) + abs(int(v.as_tuple().exponent)) for v in values)
    with localcontext() as context:
        context.prec = max(28, digits + len(values) + 1)
        context.traps[Inexact] = True
        return sum(values, Decimal(0))
