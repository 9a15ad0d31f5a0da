"""``dump``: a decision's text with the facts found in it marked in place.

For looking at what the finders read, and where: see ``dump`` for the marks
and an example.
"""

from __future__ import annotations

from collections.abc import Iterator

from ._facts import Citation, CrossReference, Party, Remedy
from ._layout import Span
from ._model import Decision
from ._render import render

OPEN = "⟦"
SEPARATOR = "│"
CLOSE = "⟧"
UNPLACED_HEADING = "Facts without a place in the text:"


def dump(decision: Decision) -> str:
    """Return the decision's text with each remedy, citation, cross-reference and party marked.

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
    for sequence, (label, span, words) in enumerate(_labelled(decision)):
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
    for remedy in decision.remedies:
        yield _remedy_label(remedy), remedy.span, remedy.text
    for citation in decision.citations:
        yield _citation_label(citation), citation.span, citation.text
    yield from _cross_reference_labels(decision.cross_references)
    for party in decision.parties:
        yield _party_label(party), party.span, party.name


def _normalised(words: str) -> str:
    # A party's name may be written "Mr. X" or with a non-breaking space.
    return " ".join(words.replace(".", " ").split())


def _remedy_label(remedy: Remedy) -> str:
    label = remedy.kind.value
    if remedy.amount is not None:
        label += f" £{remedy.amount}"
    if remedy.recipient:
        label += f" → {remedy.recipient}"
    if remedy.deadline is not None:
        label += f", {remedy.deadline}"
    return label


def _citation_label(citation: Citation) -> str:
    label = f"{citation.kind.value}: {citation.title}"
    if citation.year is not None and str(citation.year) not in citation.title:
        label += f" ({citation.year})"
    if citation.provisions:
        label += " [" + "; ".join(citation.provisions) + "]"
    if citation.as_amended:
        label += " as amended"
    return label


def _cross_reference_labels(
    references: tuple[CrossReference, ...],
) -> Iterator[tuple[str, Span | None, str]]:
    # "paragraphs 3 to 5" is one reference per paragraph: mark the words once.
    groups: dict[tuple[str, Span | None, int], list[CrossReference]] = {}
    for index, reference in enumerate(references):
        key = (reference.text, reference.span, index if reference.span is None else -1)
        groups.setdefault(key, []).append(reference)
    for (text, span, _), group in groups.items():
        targets = ", ".join(
            f"{r.number}" if r.resolved else f"{r.number} (not found)" for r in group
        )
        noun = "paragraph" if len(group) == 1 else "paragraphs"
        yield f"→ {noun} {targets}", span, text


def _party_label(party: Party) -> str:
    plural = "" if party.mentions == 1 else "s"
    return f"party {party.name} ({party.role.value}, {party.mentions} mention{plural})"
