"""``dump``: a decision's text with the facts found in it marked in place.

For looking at what the finders read, and where: see ``dump`` for the marks
and an example.
"""

from __future__ import annotations

from collections.abc import Iterator

from ._facts import REGISTRY
from ._layout import Span
from ._model import Decision
from ._render import render

OPEN = "⟦"
SEPARATOR = "│"
CLOSE = "⟧"
UNPLACED_HEADING = "Facts without a place in the text:"


def dump(decision: Decision) -> str:
    """Return the decision's text with every fact marked where it was read.

    Each fact wraps the words it was read from in ``⟦label│words⟧``; marks nest
    when facts share words. A party is marked at its first mention only.
    Facts without a span (decisions built in code), or whose span no longer
    matches the text, are listed at the end.

    Args:
        decision: A parsed decision (its spans index into the rendered text),
            or one built in code (its facts are listed at the end).

    Returns:
        The text of [`render`][lgo_parse.render] with ``⟦label│words⟧`` marks.

    Examples:
        >>> import lgo_parse
        >>> d = lgo_parse.parse("Example Council (23 013 577)\\nAgreed action\\n  1. Pay Mr X £5.")
        >>> print(lgo_parse.dump(d).splitlines()[2])
          1. ⟦payment £5 → Mr X│Pay ⟦party Mr X (other, 1 mention)│Mr X⟧ £5.⟧
    """
    text = render(decision)
    # (position, order, insertion): closing marks before opening ones at the
    # same place, outer marks open first and close last.
    events: list[tuple[int, tuple[int, int, int], str]] = []
    unplaced: list[str] = []
    for sequence, (label, span, written) in enumerate(_labelled(decision)):
        # A finding marks a whole sentence and carries no words of its own.
        words = text[span.start : span.end] if not written and span is not None else written
        if span is None or _normalised(text[span.start : span.end]) != _normalised(words):
            unplaced.append(f"{OPEN}{label}{SEPARATOR}{words}{CLOSE}")
            continue
        events.append((span.start, (1, -span.end, sequence), f"{OPEN}{label}{SEPARATOR}"))
        events.append((span.end, (0, -span.start, -sequence), CLOSE))
    events.sort(key=lambda event: (event[0], event[1]))
    pieces = []
    position = 0
    for at, _, insertion in events:
        pieces += [text[position:at], insertion]
        position = at
    pieces.append(text[position:])
    marked = "".join(pieces)
    if unplaced:
        ending = "" if marked.endswith("\n") or not marked else "\n"
        marked += ending + "\n" + UNPLACED_HEADING + "\n" + "".join(f"  {u}\n" for u in unplaced)
    return marked


def _labelled(decision: Decision) -> Iterator[tuple[str, Span | None, str]]:
    for kind in REGISTRY:
        yield from kind.marks(getattr(decision, kind.name))


def _normalised(words: str) -> str:
    # A party's name may be written "Mr. X" or with a non-breaking space.
    return " ".join(words.replace(".", " ").split())
