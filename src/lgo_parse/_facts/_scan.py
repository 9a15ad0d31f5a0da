"""The decision's one scan for names and citations: where a capital starts one, read by hand.

Parties and citations both read one scan of the decision's joined texts
(``Context.matches(SCAN)``): the titled names ("Mrs X", "Mr and Mrs Y"),
roles with an id ("Child Q", "Council 2", "SW1"), letters standing alone, and
where a citation's word or a quoted title starts. ``_SCAN_PATTERN`` says what
the scan finds, as a regular expression; ``SCAN`` finds the same, with the
same groups, without the engine (``ScanHit``):

* the places where a match may start are found by a compiled loop over the
  text's code points (``scan_places``): it passes over most capitals after a
  look at the letters that follow them, where the engine tested every
  character against the pattern's first set and tried the whole pattern at
  each of the hundreds of capitals a decision holds;
* at each place the pattern's branches are read in the pattern's order,
  backtracking as the engine would (``_hit_at``), and a match is a small
  compiled object, not a ``re.Match``.

Tests compare ``SCAN`` with the pattern's ``finditer``, group by group, on the
corpus, on cases named after each defect and with Hypothesis.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Final

from ._lazy_regex import Lazy

if TYPE_CHECKING:
    # Native integers for the compiled module (annotations only: nothing is imported at run time).
    from mypy_extensions import i64

_TITLES: Final = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr)"
# ``_NAME`` starts with a look-ahead, so the regular expression engine would try
# it at every character. ``_SCAN_PATTERN`` matches the same texts at the same
# places, but starts with a character set, [A-Z], and then branches on what
# follows that capital (a title's letters, a word's, a code's, or nothing
# word-like). ``SCAN`` reads it, by hand, only where ``scan_places`` finds it may match.
#
# The same scan finds where a citation can be (``cite``: the first letter of
# "Act", "Regulations", "Rules", "Order", "Guidance", "Code", "Working", or a
# quotation mark before a capital; see ``_citations._CITES``), where no name starts: one pass over
# the decision serves both finders (``Context.matches``), and the walk from
# one candidate character to the next is made once. A ``cite`` match is one character long and is
# tried after the names, so it hides no name; a name never holds a citation's
# first word past its own first character.
_SCAN_PATTERN: Final = Lazy(
    r"[A-Z‘“\"'](?:(?<=[A-Z])(?:"
    # A title, "Mrs", "Dr": the capital is the title's first letter.
    r"(?P<tail>(?<=M)(?:r|rs|s|iss|x)|(?<=D)r)\.?\s+"
    rf"(?:and\s+(?P<second>{_TITLES})\.?\s+)?(?P<letter>[A-Z])(?![\w-])"
    # Possessive (``++``): a shorter word or run of spaces is followed by a letter or
    # a space, never by what comes next, so the engine need not try one.
    r"|(?P<rest>[a-z]++)\s++(?P<id>(?P<id_letter>[A-HJ-Z])|\d{1,2})(?![\w-])"
    r"|(?P<code>[A-Z]{1,2})\d{1,2}(?![\w-])"
    r"|(?<=[B-HJ-Z])(?![\w\-/])(?:(?<=[(\s].)|(?!\)))"
    r")"
    # Where no name starts, a citation's word: what follows is tried first (one
    # test for the many capitals that start no such word), then the capital.
    r"|(?P<cite>(?=ct|egulations|ules|rder|uidance|ode|orking|(?<=[‘“\"'])[A-Z])"
    r"(?:(?<=A)(?=ct)|(?<=R)(?=egulations|ules)|(?<=O)(?=rder)|(?<=G)(?=uidance)"
    r"|(?<=C)(?=ode)|(?<=W)(?=orking)|(?<=[‘“\"'])(?=[A-Z]))))"
)
"""What the one scan (``SCAN``) finds, written as a pattern: names, and citations' starts."""


class ScanHit:
    """One match of the scan: where it stands, which branch read it, and its groups.

    The groups are ``_SCAN_PATTERN``'s: ``kind`` is the match's ``lastgroup``
    ("letter" for a titled name, "id" for a word and an id, "code", "cite",
    ``None`` for a letter standing alone).

    Attributes:
        start: Where the match starts in the text scanned.
        end: Where it ends.
        kind: The name of the last group the match closed, or ``None``.
        tail: A title's letters after its capital ("rs" of "Mrs"), or ``None``.
        second: The second title of a joint name ("Mrs" of "Mr and Mrs X").
        letter: A titled name's letter.
        rest: The small letters of a word before an id ("hild" of "Child Q").
        id_start: Where the id of "Child Q" or "Council 2" starts, else -1.
        id_end: Where it ends, else -1.
        id_letter: The id when it is a letter.
        code: The capitals after the first of a code ("W" of "SW1").
    """

    def __init__(self, start: i64, end: i64, kind: str | None) -> None:
        self.start: i64 = start
        self.end: i64 = end
        self.kind: str | None = kind
        self.tail: str | None = None
        self.second: str | None = None
        self.letter: str | None = None
        self.rest: str | None = None
        self.id_start: i64 = -1
        self.id_end: i64 = -1
        self.id_letter: str | None = None
        self.code: str | None = None

    def __repr__(self) -> str:
        return f"ScanHit({self.start}, {self.end}, {self.kind!r})"


BY_HAND: Final = not __file__.endswith(".py")
"""Whether the scan is read by hand: where this module runs compiled.

In pure Python the loops over code points run many times slower than the
engine's walk (about 0.8 ms a seed statement, against 0.17 for the engine's
matches made into hits), so the pure build scans with the engine.
"""


class Scan:
    """What ``_SCAN_PATTERN.finditer`` finds, as ``ScanHit`` objects (``Context.matches``)."""

    def finditer(self, text: str) -> Iterator[ScanHit]:
        """Return the hits of ``text``, in order: the matches ``finditer`` would give."""
        return hand_hits(text) if BY_HAND else engine_hits(text)


def hand_hits(text: str) -> Iterator[ScanHit]:
    """The hits of ``text``, read by hand (``scan_places`` and ``_hit_at``)."""
    size: i64 = len(text)
    if size <= SCAN_WINDOW:
        return iter(_hits(text, scan_places(text, 0, size), 0))
    return _hits_by_window(text)


def engine_hits(text: str) -> Iterator[ScanHit]:
    """The hits of ``text``, each made from a match of ``_SCAN_PATTERN``."""
    for match in _SCAN_PATTERN.finditer(text):
        hit = ScanHit(match.start(), match.end(), match.lastgroup)
        hit.tail, hit.second, hit.letter, hit.rest, hit.id_letter, hit.code = match.group(
            "tail", "second", "letter", "rest", "id_letter", "code"
        )
        hit.id_start, hit.id_end = match.span("id")
        yield hit


def _hits_by_window(text: str) -> Iterator[ScanHit]:
    """The hits of a long text, its places found ``SCAN_WINDOW`` characters at a time."""
    size: i64 = len(text)
    end: i64 = 0
    for start in range(0, size, SCAN_WINDOW):
        found = _hits(text, scan_places(text, start, min(start + SCAN_WINDOW, size)), end)
        if found:
            end = found[-1].end
        yield from found


def _hits(text: str, places: list[int], end: i64) -> list[ScanHit]:
    """The hits at ``places``, each tried past the end of the last (``finditer``'s order)."""
    found: list[ScanHit] = []
    size: i64 = len(text)
    for place in places:
        at: i64 = place
        if at < end:
            continue
        hit = _hit_at(text, at, size)
        if hit is not None:
            found.append(hit)
            end = hit.end
    return found


def _hit_at(text: str, at: i64, size: i64) -> ScanHit | None:
    """Read ``_SCAN_PATTERN`` at ``at``, its branches in its order: a hit, or ``None``."""
    first: i64 = ord(text[at])
    if not 65 <= first <= 90:  # a quotation mark: a quoted title's start, before a capital
        if first in (0x2018, 0x201C, 34, 39) and _capital_at(text, at + 1, size):
            return ScanHit(at, at + 1, "cite")
        return None
    if first in (77, 68):  # M, D: a title
        hit = _titled(text, at, size, first)
        if hit is not None:
            return hit
    hit = _word_and_id(text, at, size)
    if hit is not None:
        return hit
    hit = _code(text, at, size)
    if hit is not None:
        return hit
    if _bare(text, at, size, first):
        return ScanHit(at, at + 1, None)
    if at + 1 < size and _cited(text, at, first):
        return ScanHit(at, at + 1, "cite")
    return None


_SECOND_TITLES: Final = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr")
"""A joint name's second title, in the pattern's order (``_TITLES``)."""


def _titled(text: str, at: i64, size: i64, first: i64) -> ScanHit | None:
    r"""``(?P<tail>(?<=M)(?:r|rs|s|iss|x)|(?<=D)r)\.?\s+(?:and\s+(?P<second>TITLE)\.?\s+)?
    (?P<letter>[A-Z])(?![\w-])`` at ``at``, which holds "M" or "D"."""
    for tail in _tails(text, at, size, first):
        # A run of white space is taken whole: what follows it (``and`` or a
        # capital) is never white space, so no shorter run could do.
        gap = _after_title(text, at + 1 + len(tail), size)
        if gap < 0:
            continue
        # The joint name first ("and Mrs X"), else the letter.
        if _code_at(text, gap, size) == 97 and text.startswith("and", gap):
            after_and = _spaces_end(text, gap + 3, size)
            if after_and > gap + 3:
                for second in _SECOND_TITLES:
                    if not text.startswith(second, after_and):
                        continue
                    letter_at = _after_title(text, after_and + len(second), size)
                    if letter_at >= 0 and _letter_alone(text, letter_at, size):
                        hit = ScanHit(at, letter_at + 1, "letter")
                        hit.tail = tail
                        hit.second = second
                        hit.letter = text[letter_at]
                        return hit
        if _letter_alone(text, gap, size):
            hit = ScanHit(at, gap + 1, "letter")
            hit.tail = tail
            hit.letter = text[gap]
            return hit
    return None


def _tails(text: str, at: i64, size: i64, first: i64) -> tuple[str, ...]:
    """The title letters after the "M" or "D" at ``at`` that the text holds, in the pattern's
    order (``r|rs|s|iss|x`` after "M", ``r`` after "D"): told by code points, not searched."""
    second = _code_at(text, at + 1, size)
    if first == 68:
        return _R if second == 114 else ()
    if second == 114:  # r: "Mr", and "Mrs" after it
        return _R_RS if _code_at(text, at + 2, size) == 115 else _R
    if second == 115:
        return _S
    if second == 120:
        return _X
    if second == 105 and text.startswith("ss", at + 2):
        return _ISS
    return ()


_R: Final = ("r",)
_R_RS: Final = ("r", "rs")
_S: Final = ("s",)
_X: Final = ("x",)
_ISS: Final = ("iss",)


def _code_at(text: str, at: i64, size: i64) -> i64:
    """The code point at ``at``, or -1 past the end."""
    return ord(text[at]) if at < size else -1


def _after_title(text: str, at: i64, size: i64) -> i64:
    r"""Where ``\.?\s+`` ends when read at ``at``, or -1 if it cannot be read there."""
    if at < size and ord(text[at]) == 46:  # a full stop: taken if white space follows
        end = _spaces_end(text, at + 1, size)
        if end > at + 1:
            return end
    end = _spaces_end(text, at, size)
    return end if end > at else -1


def _spaces_end(text: str, at: i64, size: i64) -> i64:
    """Where the run of white space (``\\s``) starting at ``at`` ends."""
    while at < size and _space(ord(text[at])):
        at += 1
    return at


def _letter_alone(text: str, at: i64, size: i64) -> bool:
    r"""``[A-Z](?![\w-])`` at ``at``."""
    return (
        at < size
        and 65 <= ord(text[at]) <= 90
        and (at + 1 >= size or not _continues_word(ord(text[at + 1])))
    )


def _word_and_id(text: str, at: i64, size: i64) -> ScanHit | None:
    r"""``(?P<rest>[a-z]++)\s++(?P<id>(?P<id_letter>[A-HJ-Z])|\d{1,2})(?![\w-])`` after ``at``."""
    end: i64 = at + 1
    while end < size and 97 <= ord(text[end]) <= 122:
        end += 1
    if end == at + 1:
        return None
    start: i64 = _spaces_end(text, end, size)
    if start == end or start >= size:
        return None
    code: i64 = ord(text[start])
    if 65 <= code <= 90 and code != 73:  # [A-HJ-Z]
        if start + 1 < size and _continues_word(ord(text[start + 1])):
            return None
        hit = ScanHit(at, start + 1, "id")
        hit.rest = text[at + 1 : end]
        hit.id_start = start
        hit.id_end = start + 1
        hit.id_letter = text[start]
        return hit
    digits = _digits_alone(text, start, size)
    if digits < 0:
        return None
    hit = ScanHit(at, digits, "id")
    hit.rest = text[at + 1 : end]
    hit.id_start = start
    hit.id_end = digits
    return hit


def _digits_alone(text: str, at: i64, size: i64) -> i64:
    r"""Where ``\d{1,2}(?![\w-])`` ends when read at ``at`` (backtracking), or -1."""
    if at >= size or not _decimal(ord(text[at])):
        return -1
    if at + 1 >= size or not _continues_word(ord(text[at + 1])):
        return at + 1
    # Two digits, then nothing that runs on (one digit is followed by the second: a \w).
    if _decimal(ord(text[at + 1])) and (at + 2 >= size or not _continues_word(ord(text[at + 2]))):
        return at + 2
    return -1


def _code(text: str, at: i64, size: i64) -> ScanHit | None:
    r"""``(?P<code>[A-Z]{1,2})\d{1,2}(?![\w-])`` after ``at``."""
    capitals: i64 = 0
    while capitals < 2 and at + 1 + capitals < size and 65 <= ord(text[at + 1 + capitals]) <= 90:
        capitals += 1
    # Fewer capitals than the run holds would leave a capital where a digit must stand.
    if capitals == 0:
        return None
    end = _digits_alone(text, at + 1 + capitals, size)
    if end < 0:
        return None
    hit = ScanHit(at, end, "code")
    hit.code = text[at + 1 : at + 1 + capitals]
    return hit


def _bare(text: str, at: i64, size: i64, first: i64) -> bool:
    r"""``(?<=[B-HJ-Z])(?![\w\-/])(?:(?<=[(\s].)|(?!\)))`` after the capital at ``at``."""
    if first in (65, 73):  # A, I: words
        return False
    if at + 1 < size:
        after: i64 = ord(text[at + 1])
        if _joins_letter(after):
            return False
        if after == 41 and not (at > 0 and _opens(ord(text[at - 1]))):  # "B)" heads a list
            return False
    return True


def _opens(code: i64) -> bool:
    """Whether ``chr(code)`` is "(" or white space: ``[(\\s]``."""
    return code == 40 or _space(code)


def _cited(text: str, at: i64, first: i64) -> bool:
    """Whether a citation's word starts at ``at``: the pattern's ``cite`` branch at a capital.

    The two letters after the capital are told by code points first: most
    capitalised words ("Council", "Complaint") are passed over without a search.
    """
    size: i64 = len(text)
    second = _code_at(text, at + 1, size)
    third = _code_at(text, at + 2, size)
    if first == 65:  # Act
        return second == 99 and third == 116
    if first == 82:  # Regulations, Rules
        return (second == 101 and third == 103 and text.startswith("ulations", at + 3)) or (
            second == 117 and third == 108 and text.startswith("es", at + 3)
        )
    if first == 79:  # Order
        return second == 114 and third == 100 and text.startswith("er", at + 3)
    if first == 71:  # Guidance
        return second == 117 and third == 105 and text.startswith("dance", at + 3)
    if first == 67:  # Code
        return second == 111 and third == 100 and _code_at(text, at + 3, size) == 101
    if first == 87:  # Working
        return second == 111 and third == 114 and text.startswith("king", at + 3)
    return False


SCAN_WINDOW = 65536
"""How many characters' places a long text's scan finds at a time (a decision's in one go).

Not ``Final``: a test lowers it (compiled, a ``Final`` constant is inlined).
"""


def scan_places(text: str, start: i64, stop: i64) -> list[int]:
    """Return, in order, the places from ``start`` to ``stop`` where ``_SCAN_PATTERN`` may match.

    Every place where it matches is one (a test checks each place of many
    texts), read from what the pattern needs after its first character:

    * a quotation mark (‘ “ " '): a capital next (a quoted title);
    * a capital and a small letter: "Mr", "Mrs", "Ms", "Miss", "Mx" or "Dr"
      (a title), a citation's word ("Act", "Regulations", "Rules", "Order",
      "Guidance", "Code", "Working"), or a word of small letters, white space
      and an id, a capital other than "I" or one or two digits, standing
      alone ("Child Q", "Council 2");
    * a capital and a capital: a code's second capital, then a digit, or a
      third capital and a digit ("SW1", "IRO2");
    * any other capital but "A" and "I": a bare letter, if no letter, digit,
      "_", "-" or "/" follows.

    Examples:
        >>> scan_places("The Council told Mrs X and Child Q.", 0, 35)
        [17, 21, 27, 33]
    """
    places: list[int] = []
    size: i64 = len(text)
    at: i64 = start
    # Code points throughout, as native integers (``i64``): a character read as
    # a string, or a string method called, costs many times what a test of an
    # integer does. The loop to the next capital is kept that small (the
    # compiler then reads the text's characters without asking their width
    # each time); quotation marks, which are few, are found with ``str.find``.
    while True:
        while at < stop and not 65 <= ord(text[at]) <= 90:
            at += 1
        if at >= stop:
            break
        first: i64 = ord(text[at])
        after: i64 = at + 1
        second: i64 = ord(text[after]) if after < size else -1
        if 97 <= second <= 122:
            if (first in (77, 68) and _tails(text, at, size, first)) or _cited(text, at, first):
                places.append(at)
            else:
                # A word of small letters before an id (white space, then a capital or digit).
                after += 1
                while after < size and 97 <= ord(text[after]) <= 122:
                    after += 1
                if after < size and _space(ord(text[after])):
                    end: i64 = after + 1
                    while end < size and _space(ord(text[end])):
                        end += 1
                    if _id_at(text, end, size):
                        places.append(at)
            at = after  # the small letters start nothing
            continue
        if 65 <= second <= 90:
            third: i64 = at + 2
            if third < size and (
                _decimal(ord(text[third]))
                or (
                    65 <= ord(text[third]) <= 90
                    and third + 1 < size
                    and _decimal(ord(text[third + 1]))
                )
            ):
                places.append(at)
        elif first not in (65, 73) and (second < 0 or not _joins_letter(second)):
            places.append(at)
        at += 1
    quoted = False
    for mark in _QUOTATION_MARKS:
        at = text.find(mark, start, stop)
        while at >= 0:
            if _capital_at(text, at + 1, size):
                places.append(at)
                quoted = True
            at = text.find(mark, at + 1, stop)
    if quoted:
        places.sort()
    return places


_QUOTATION_MARKS: Final = ("‘", "“", '"', "'")
"""What can open a quoted title: a quotation mark before a capital."""


def _capital_at(text: str, at: i64, size: i64) -> bool:
    return at < size and 65 <= ord(text[at]) <= 90


def _id_at(text: str, at: i64, size: i64) -> bool:
    """Whether a role's id stands at ``at``: ``(?:[A-HJ-Z]|\\d{1,2})(?![\\w-])``."""
    if at >= size:
        return False
    first: i64 = ord(text[at])
    if 65 <= first <= 90 and first != 73:
        return at + 1 >= size or not _continues_word(ord(text[at + 1]))
    return _digits_alone(text, at, size) >= 0


def _space(code: i64) -> bool:
    """Whether the character ``chr(code)`` is white space (``str.isspace``, ``\\s``)."""
    if code < 128:
        return code == 32 or 9 <= code <= 13 or 28 <= code <= 31
    return chr(code).isspace()


def _decimal(code: i64) -> bool:
    """Whether the character ``chr(code)`` is a digit (``str.isdecimal``, ``\\d``)."""
    if code < 128:
        return 48 <= code <= 57
    return chr(code).isdecimal()


def word_character(code: i64) -> bool:
    """Whether the character ``chr(code)`` is a word character (``\\w``)."""
    if code < 128:
        return 48 <= code <= 57 or 65 <= code <= 90 or 97 <= code <= 122 or code == 95
    return chr(code).isalnum()


def _continues_word(code: i64) -> bool:
    """Whether ``chr(code)`` continues a word or id: ``[\\w-]``."""
    return code == 45 or word_character(code)


def _joins_letter(code: i64) -> bool:
    """Whether ``chr(code)`` after a capital keeps it from standing alone: ``[\\w\\-/]``."""
    return code in (45, 47) or word_character(code)


SCAN: Final = Scan()
"""Names, and where citations can be: the decision's one scan (``Context.matches``)."""
