"""The finders' regular expressions: compiled on first use, and searched only where they can match.

* [`Lazy`][lgo_parse._facts._lazy_regex.Lazy] (in a module of its own, which
  is not compiled: it sets its methods on first use): the finders hold many
  large patterns, and ``re.compile`` runs in Python. Done at import, it was
  most of the cost of loading the facts (a one-file command pays it on every
  run); a lazy pattern compiles when a method is first called, and a file that
  never needs a pattern (the reasons for not investigating, in a statement
  that was investigated) never compiles it.
* [`Gated`][lgo_parse._facts._patterns.Gated] and
  [`Started`][lgo_parse._facts._patterns.Started]: a case-insensitive
  alternation is slow to search, because the engine tries every one of its
  alternatives at every character. A gated pattern runs only on a text that
  holds one of the word stems it needs; a started one is tried only where one
  of its first words stands, found by a case-sensitive search of the text's
  lower-case copy. Both give exactly what the plain pattern gives.
* [`Worded`][lgo_parse._facts._patterns.Worded]: a started pattern whose
  first words are found by substring search (``str.find``), not by a
  regular expression: a pattern that starts with a set of letters is tried
  by the engine at every letter of the text, and a finder's pattern is
  searched in many sentences. A text that holds none of the words is passed
  over at the cost of the substring tests, so the words are its gate too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Final

from ._lazy_regex import Lazy

# Characters a case-insensitive pattern matches as an ASCII letter although
# ``str.lower`` does not turn them into it: dotless ı and long ſ (matched as i
# and s), and the dot "İ" leaves after its i when lowered.
_ODD_FOLDS: Final = ("ı", "ſ", "\u0307")


_LOWERED: Final[list[tuple[str, str, bool]]] = [("", "", False)]
"""The text last lowered, its lower-case copy and whether it folds oddly (one triple,
replaced whole: thread-safe)."""


def lowered(text: str) -> tuple[str, bool]:
    """Return ``text.lower()`` and whether it holds a character the engine folds otherwise.

    Made once for the text asked about last: the patterns test one sentence
    after another (an apology, a payment, an agreeing word, ...), and the
    sentence is lowered once, not once a pattern. A character in ``_ODD_FOLDS``
    matches an ASCII letter in a case-insensitive pattern although its lower
    case is another letter: no test on the lower-case copy can speak for the
    pattern then.
    """
    last = _LOWERED[0]
    if last[0] is text:
        return last[1], last[2]
    low = text.lower()
    # The three tests written out (``_ODD_FOLDS``): a generator would cost more than they do.
    odd = not low.isascii() and ("ı" in low or "ſ" in low or "\u0307" in low)
    _LOWERED[0] = (text, low, odd)
    return low, odd


class Gated:
    """A case-insensitive pattern behind a cheap test: the word stems it cannot match without.

    ``search`` gives exactly what ``pattern.search`` gives: the pattern runs
    only when the lower-cased text contains one of the stems (or a character
    the pattern folds differently from ``str.lower``), and a text without them
    cannot match. Case-insensitive alternations are slow to search in the
    regular expression engine (microseconds for a sentence); a substring test
    is not.

    Examples:
        >>> apology = Gated(Lazy("apolog[a-z]*", re.I), "apolog")
        >>> apology.search("The Council will APOLOGISE.").group()
        'APOLOGISE'
        >>> apology.search("The Council will pay.") is None
        True
    """

    __slots__ = ("pattern", "stems")

    def __init__(self, pattern: Lazy | Started | Worded, *stems: str) -> None:
        self.pattern = pattern
        self.stems = stems

    def may_match(self, text: str) -> bool:
        """Whether the pattern can match ``text`` (false only when it cannot)."""
        low, odd = lowered(text)
        for stem in self.stems:
            if stem in low:
                return True
        return odd

    def search(self, text: str) -> re.Match[str] | None:
        """Return ``pattern.search(text)``, without searching when the stems are missing."""
        return self.pattern.search(text) if self.may_match(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Return ``pattern.finditer(text)``, empty when the stems are missing."""
        return self.pattern.finditer(text) if self.may_match(text) else iter(())


def first_letters(*words: str) -> Lazy:
    """Return a pattern that matches the first letter of each place one of ``words`` starts.

    Each word is a pattern fragment that starts with a lower-case letter:
    ``"it(?=\\s)"`` is "it" before white space. The pattern consumes one
    letter a match, so no place is hidden inside another ("likely" inside
    "unlikely" is found too), and starts with a set of letters, which the
    engine skips to in C.

    Examples:
        >>> [m.start() for m in first_letters("likely", "unlikely").finditer("unlikely")]
        [0, 2]
    """
    if not words:
        raise ValueError("a pattern must start somewhere")
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(word[1:])
    return Lazy(
        "|".join(
            first if "" in rest else f"{first}(?=" + "|".join(rest) + ")"
            for first, rest in rests.items()
        )
    )


class Started:
    """A case-insensitive pattern tried only where one of its first words stands.

    ``finditer`` gives exactly what ``pattern.finditer`` gives, provided every
    match of the pattern starts where ``starts`` matches the text's
    lower-case copy (a test checks each use): the places are found by a
    case-sensitive search of that copy, which the engine runs far faster than
    it tries a long case-insensitive alternation at every character, and the
    pattern is matched at each place in turn, past the end of the last match.
    A text whose lower-case copy does not line up with it character by
    character, or holds a character the engine folds otherwise, is searched
    whole.

    Examples:
        >>> fault = Started(Lazy(r"\\b(?:no|some)\\s+fault", re.I), first_letters("no", "some"))
        >>> [m.group() for m in fault.finditer("No fault here; some FAULT there.")]
        ['No fault', 'some FAULT']
    """

    __slots__ = ("pattern", "starts")

    def __init__(self, pattern: Lazy, starts: Lazy) -> None:
        self.pattern = pattern
        self.starts = starts

    def may_start(self, low: str, at: int) -> bool:
        """Whether one of the first words stands at ``at`` in ``low`` (a lower-case text)."""
        return self.starts.match(low, at) is not None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Return what ``pattern.finditer(text)`` returns."""
        low, odd = lowered(text)
        if odd or len(low) != len(text):
            return self.pattern.finditer(text)
        return self._tried(text, low)

    def search(self, text: str) -> re.Match[str] | None:
        """Return what ``pattern.search(text)`` returns.

        The first match of ``finditer``, written out: most searches are of a
        sentence, and a generator for each costs more than the tries.
        """
        low, odd = lowered(text)
        if odd or len(low) != len(text):
            return self.pattern.search(text)
        match = self.pattern.match
        for start in self.starts.finditer(low):
            found = match(text, start.start())
            if found is not None:
                return found
        return None

    def _tried(self, text: str, low: str) -> Iterator[re.Match[str]]:
        # (The starts' matches are one letter each: their places ascend, none twice.)
        return matches_at(
            self.pattern, text, (start.start() for start in self.starts.finditer(low))
        )


def matches_at(pattern: Lazy, text: str, places: Iterable[int]) -> Iterator[re.Match[str]]:
    r"""Yield what ``pattern.finditer(text)`` yields, when every match starts at one of ``places``.

    ``places`` ascend (a place given twice is tried once). The pattern is
    matched at each place past the end of the last match, as ``finditer``'s
    matches do not overlap, so the engine never walks the text between them: a
    pattern that starts with a set of characters is searched a character at a
    time. ``Worded`` finds its places with ``str.find``; the citations take
    theirs from the decision's one scan.

    Examples:
        >>> act = Lazy(r"Act(?:\s+\d{4})?")
        >>> [m.group() for m in matches_at(act, "Care Act 2014 and Children Act", [5, 27])]
        ['Act 2014', 'Act']
    """
    match = pattern.match
    end = 0
    for at in places:
        if at < end:
            continue
        found = match(text, at)
        if found is not None:
            yield found
            end = found.end()
        # A place given twice is tried once: past it, at least.
        end = max(end, at + 1)


WINDOW = 8192
"""How many characters' places ``Worded`` finds at a time (a sentence is read in one go).

Not ``Final``: a test lowers it (compiled, a ``Final`` constant is inlined).
"""


class Worded:
    """A case-insensitive pattern tried only where one of its first words stands.

    ``finditer`` and ``search`` give exactly what the pattern's own give,
    provided every match of the pattern starts where one of ``words`` stands
    in the text's lower-case copy (a test checks each use). A word ending in a
    space stands only before white space (``"it "`` is "it" before a space, a
    tab or a line break). The places are found with ``str.find``, which the
    engine's test of every character costs several times over, and the
    pattern is matched at each place in turn, past the end of the last match.
    A long text's places are found ``WINDOW`` characters at a time, so they
    take no more memory than a sentence's. A text whose lower-case copy does
    not line up with it character by character, or holds a character the
    engine folds otherwise, is searched whole.

    Examples:
        >>> fault = Worded(Lazy(r"\\b(?:no|some)\\s+fault", re.I), "no ", "some")
        >>> [m.group() for m in fault.finditer("No fault here; some FAULT there.")]
        ['No fault', 'some FAULT']
        >>> fault.search("Nothing here.") is None
        True
    """

    __slots__ = ("_plain", "_spaced", "pattern", "words")

    def __init__(self, pattern: Lazy, *words: str) -> None:
        if not words:
            raise ValueError("a pattern must start somewhere")
        self.pattern = pattern
        self.words = words
        self._plain = tuple(word for word in words if not word.endswith(" "))
        self._spaced = tuple(word[:-1] for word in words if word.endswith(" "))

    def may_start(self, low: str, at: int) -> bool:
        """Whether one of the words stands at ``at`` in ``low`` (a lower-case text)."""
        for word in self._plain:
            if low.startswith(word, at):
                return True
        for word in self._spaced:
            after = at + len(word)
            if low.startswith(word, at) and after < len(low) and low[after].isspace():
                return True
        return False

    def places(self, low: str) -> list[int]:
        """Return where the words stand in ``low`` (a lower-case text), in order.

        A place where two words stand is given twice.
        """
        return self.places_between(low, 0, len(low))

    def places_between(self, low: str, start: int, stop: int) -> list[int]:
        """Return the places (``places``) from ``start`` to ``stop``, excluded.

        A word that starts before ``stop`` may run past it.
        """
        found: list[int] = []
        for word in self._plain:
            bound = stop + len(word) - 1
            at = low.find(word, start, bound)
            while at >= 0:
                found.append(at)
                at = low.find(word, at + 1, bound)
        end = len(low)
        for word in self._spaced:
            size = len(word)
            bound = stop + size - 1
            at = low.find(word, start, bound)
            while at >= 0:
                after = at + size
                if after < end and low[after].isspace():
                    found.append(at)
                at = low.find(word, at + 1, bound)
        if len(found) > 1:
            found.sort()
        return found

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Return what ``pattern.finditer(text)`` returns."""
        low, odd = lowered(text)
        if odd or len(low) != len(text):
            return self.pattern.finditer(text)
        if len(low) <= WINDOW:
            places = self.places(low)
            return self._tried(text, places) if places else iter(())
        return self._windows(text, low)

    def matches(self, text: str) -> list[re.Match[str]]:
        """Return what ``list(pattern.finditer(text))`` returns.

        ``finditer`` written out for a sentence or a paragraph: a finder that
        wants every match pays for no generator.
        """
        low, odd = lowered(text)
        if odd or len(low) != len(text):
            return list(self.pattern.finditer(text))
        if len(low) > WINDOW:
            return list(self._windows(text, low))
        found: list[re.Match[str]] = []
        places = self.places(low)
        if not places:
            return found
        # What ``matches_at`` does.
        match = self.pattern.match
        end = 0
        for at in places:
            if at < end:
                continue
            tried = match(text, at)
            if tried is not None:
                found.append(tried)
                end = tried.end()
            end = max(end, at + 1)
        return found

    def search(self, text: str) -> re.Match[str] | None:
        """Return what ``pattern.search(text)`` returns (the first match of ``finditer``)."""
        low, odd = lowered(text)
        if odd or len(low) != len(text):
            return self.pattern.search(text)
        match = self.pattern.match
        places = self.places(low) if len(low) <= WINDOW else self._places_by_window(low)
        for at in places:
            found = match(text, at)
            if found is not None:
                return found
        return None

    def _tried(self, text: str, places: Iterable[int]) -> Iterator[re.Match[str]]:
        return matches_at(self.pattern, text, places)

    def _windows(self, text: str, low: str) -> Iterator[re.Match[str]]:
        """``_tried`` over a long text, its places found a window at a time."""
        return self._tried(text, self._places_by_window(low))

    def _places_by_window(self, low: str) -> Iterator[int]:
        size = len(low)
        for start in range(0, size, WINDOW):
            yield from self.places_between(low, start, min(start + WINDOW, size))
