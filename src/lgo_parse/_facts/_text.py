"""The texts of a decision with their spans, and sentences within a text.

Every finder reads the decision through one [`Context`][lgo_parse._facts._text.Context]:
the passages in document order, walked once, and each text's sentences, split
once and shared by every finder. A fact's span is always the passage span
narrowed to the match (``Span.sub``), and a decision built in code (no spans)
simply gives facts without spans.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Iterator
from typing import Any, Final, Literal, NamedTuple, Protocol, TypeVar

from .._construct import span as make_span
from .._layout import Span
from .._model import Decision, ListItem, LooseLine, Section, SectionKind
from ._lazy_regex import Lazy

Origin = Literal["summary", "heading", "block", "item"]


class Passage(NamedTuple):
    """One text of the decision: the summary, a heading, a block or a nested item.

    A named tuple: a decision has dozens of passages, read afresh for every
    decision, and a tuple is the cheapest object to make.

    Attributes:
        text: The text.
        span: Where it stands in the source, or ``None``.
        origin: Which part of the decision it is.
        section: The section it belongs to (``None`` for the summary).
    """

    text: str
    span: Span | None
    origin: Origin
    section: Section | None = None

    def span_of(self, start: int, end: int) -> Span | None:
        """Return the span of ``text[start:end]``, or ``None`` without a passage span."""
        return None if self.span is None else sub_span(self.span, start, end)


def passages(decision: Decision, *, headings: bool = True) -> Iterator[Passage]:
    """Yield the summary, then every heading, block and nested item in document order.

    Website chrome and the signature are not part of the statement and are left out.
    """
    if headings:
        yield from _read_passages(decision)[0]
        return
    for passage in _read_passages(decision)[0]:
        if passage.origin != "heading":
            yield passage


_new_tuple: Final = tuple.__new__


def _read_passages(decision: Decision) -> tuple[list[Passage], list[int]]:
    """Return the passages in document order, and the offset where each starts when joined.

    One loop, no generators: a decision has dozens of passages, read afresh for
    every decision. Each passage is made with ``tuple.__new__``, which skips
    the named tuple's own ``__new__`` (a Python function) and gives the same tuple.
    """
    found: list[Passage] = []
    starts: list[int] = []
    at = 0
    summary = decision.summary
    if summary:
        found.append(_new_tuple(Passage, (summary, decision.summary_span, "summary", None)))
        starts.append(0)
        at = len(summary) + 1
    # ``decision.walk()`` written out (a section, then its sub-sections): its
    # generators run in Python.
    for top in decision.sections:
        at = _section_passages(top, found, starts, at)
        for sub in top.subsections:
            at = _section_passages(sub, found, starts, at)
    return found, starts


def _section_passages(section: Section, found: list[Passage], starts: list[int], at: int) -> int:
    heading = section.heading
    if heading:
        found.append(_new_tuple(Passage, (heading, section.span, "heading", section)))
        starts.append(at)
        at += len(heading) + 1
    for block in section.blocks:
        text = block.text
        found.append(_new_tuple(Passage, (text, block.span, "block", section)))
        starts.append(at)
        at += len(text) + 1
        # Most blocks hold no items: no nested reading is started for them.
        if not isinstance(block, LooseLine) and block.items:
            at = _item_passages(section, block.items, found, starts, at)
    return at


def _item_passages(
    section: Section,
    items: tuple[ListItem, ...],
    found: list[Passage],
    starts: list[int],
    at: int,
) -> int:
    for item in items:
        text = item.text
        found.append(_new_tuple(Passage, (text, item.span, "item", section)))
        starts.append(at)
        at += len(text) + 1
        if item.items:
            at = _item_passages(section, item.items, found, starts, at)
    return at


def sub_span(span: Span, start: int, end: int) -> Span:
    """Return ``span.sub(start, end)``, made faster for a span on one line.

    The facts make a span for every mention of a name, sum or citation: it is
    made by ``lgo_parse._construct.span`` (slot setters, not attrs' ``__init__``).
    The span made is the one ``Span.sub`` makes (a test compares them).

    Examples:
        >>> sub_span(Span(100, 120, 7, 5), 2, 6)
        Span(start=102, end=106, line=7, column=7)
    """
    if span.pieces:
        return span.sub(start, end)
    at = span.start
    return make_span(at + start, at + end, span.line, span.column + start)


SHARED_SCAN_LIMIT = 200_000  # (not Final, so that a test can lower it in the compiled module)
"""The longest decision (characters of its joined texts) whose scan is kept for a second finder.

A statement is tens of thousands of characters: its scan is a list of a few
hundred matches. A text of many megabytes would hold about twice its size in
matches until the last finder read them, so it is scanned by each finder instead.
"""

_KINDS: Final[dict[str | None, SectionKind]] = {}
"""Section kinds by heading, shared by every reading (``Context.kind``)."""
_KINDS_KEPT: Final = 4096


Found_co = TypeVar("Found_co", covariant=True)
Found = TypeVar("Found")


class Finds(Protocol[Found_co]):
    """What ``Context.matches`` scans with: a pattern, or a scan that finds what one would."""

    def finditer(self, text: str) -> Iterator[Found_co]:
        """Return what is found in ``text``, in order, as ``re.Pattern.finditer`` does."""
        ...  # pragma: no cover - a protocol


class Context:
    """One reading of a decision, shared by every fact finder.

    The passages are walked once, and each text is split into sentences once,
    whichever finders ask. Get one with ``context_of``.

    The decision keeps its reading (in its fact cache) and the reading refers
    back to the decision weakly: with a strong reference both ways, a decision
    whose facts were read would be a reference cycle, freed only by the garbage
    collector (which cost parse + every fact about 8% of its time) instead of
    when its last reference goes.
    """

    __slots__ = ("_decision", "_joined", "_matches", "_passages", "_sentences", "_starts")

    def __init__(self, decision: Decision) -> None:
        self._decision = weakref.ref(decision)
        self._passages: tuple[Passage, ...] | None = None
        self._starts: list[int] = []
        self._sentences: dict[str, list[tuple[int, int]]] = {}
        self._joined: tuple[str, list[int]] | None = None
        self._matches: dict[int, list[Any]] = {}

    @property
    def decision(self) -> Decision:
        """The decision read."""
        decision = self._decision()
        if decision is None:
            raise ReferenceError("the decision of this reading is gone")
        return decision

    def kind(self, section: Section) -> SectionKind:
        """Return ``section.kind``, read from its heading once for every finder.

        A section's kind follows from its heading alone, and the same few
        headings come again and again: each is read once for every decision.
        """
        heading = section.heading
        kind = _KINDS.get(heading)
        if kind is None:
            kind = section.kind
            if len(_KINDS) < _KINDS_KEPT:
                _KINDS[heading] = kind
        return kind

    @property
    def passages(self) -> tuple[Passage, ...]:
        """The summary, then every heading, block and nested item, in document order."""
        if self._passages is None:
            found, self._starts = _read_passages(self.decision)
            self._passages = tuple(found)
        return self._passages

    @property
    def joined(self) -> tuple[str, list[int]]:
        """Every passage's text in one string, and the offset where each passage starts.

        Passages are joined by a NUL, which no pattern of the finders matches as
        a space, a word or a mark, so a match never runs from one passage into
        the next, and one ``finditer`` over the whole decision finds what a
        ``finditer`` over each passage would (with the offsets moved). One scan
        costs the regular expression engine far less than one a passage.
        """
        if self._joined is None:
            passages = self.passages
            self._joined = ("\0".join([p[0] for p in passages]), self._starts)
        return self._joined

    def matches(self, pattern: Finds[Found], *, keep: bool = True) -> Iterable[Found]:
        """Return the matches of ``pattern`` in the joined texts, found once for every finder.

        Several finders read one scan of the whole decision (the parties and the
        citations read ``_scan.SCAN``): the text is walked once. The
        last finder to read a scan (``keep=False``) lets it go, so a decision
        kept with its facts does not keep the matches too; a finder reading it
        later scans again. A decision longer than ``SHARED_SCAN_LIMIT``
        characters keeps no list: each finder gets the matches as they are
        found, so the memory a scan takes does not grow with the text.
        """
        kept = self._matches.get(id(pattern)) if keep else self._matches.pop(id(pattern), None)
        if kept is not None:
            found: list[Found] = kept
            return found
        text = self.joined[0]
        if len(text) > SHARED_SCAN_LIMIT:
            return pattern.finditer(text)
        found = list(pattern.finditer(text))
        if keep:
            self._matches[id(pattern)] = found
        return found

    def sentences(self, text: str) -> list[tuple[int, int]]:
        """Return the ``(start, end)`` offsets of the sentences of ``text``, split once."""
        # A look-up, not ``try``: most texts are split once, and a compiled
        # module pays for the traceback of every ``KeyError`` caught.
        found = self._sentences.get(text)
        if found is None:
            found = self._sentences[text] = sentences(text)
        return found


def context_of(decision: Decision) -> Context:
    """Return the decision's shared reading, made on first use and kept with the decision."""
    cache: dict[str, Any] = decision._fact_cache
    context = cache.get("_context")
    if context is None:
        context = cache["_context"] = Context(decision)
    assert isinstance(context, Context)
    return context


# A sentence ends at . ! ? or … (with any closing quotes or brackets) followed
# by white space and something that can start a sentence.
# Tried only at the first mark of a run ("....." is one end, not five tries):
# the mark is read first, so the engine skips ahead to the next one in C, and
# the look-behind then turns away a mark that follows another at once. The
# group ends where the sentence does (before the white space).
_SENTENCE_END: Final = Lazy(r"[.!?…](?<![.!?…].)([.!?…]*[’”\"')\]]*)\s+(?=[A-Z0-9‘“\"'(£•-])")
# The same for a text whose only mark is the full stop (most texts): a pattern
# that starts with one character is searched for at memory speed, where a set
# of four is tested character by character.
_FULL_STOP_END: Final = Lazy(r"\.(?<![.!?…].)([.!?…]*[’”\"')\]]*)\s+(?=[A-Z0-9‘“\"'(£•-])")
# Words whose full stop does not end a sentence ("Mr. X", "s. 17", "e.g. the").
# fmt: off
_ABBREVIATIONS: Final = frozenset((
    "mr", "mrs", "ms", "dr", "mx", "st", "no", "nos", "s", "ss", "para", "paras", "reg", "regs",
    "art", "arts", "sch", "e.g", "i.e", "etc", "cf", "vs", "v",
))
# fmt: on
_LAST_WORD: Final = Lazy(r"([\w.]+)\.$")
# The letters an abbreviation ends with, in either case: a full stop after any
# other character (a digit, "d", "y", a closing bracket, ...) ends the sentence
# without reading the word before it (a test checks every character that lower-cases
# to the end of an abbreviation is here).
_ABBREVIATION_ENDS: Final = frozenset(
    [word[-1] for word in _ABBREVIATIONS] + [word[-1].upper() for word in _ABBREVIATIONS]
)


def sentences(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` offsets of the sentences of ``text``.

    A sentence ends where its end's first group does: after the marks and
    closing quotes or brackets, before the white space (which ``str.rstrip``
    would strip, as the engine's ``\\s`` and ``str.isspace`` are the same
    characters). The word before a full stop is read only when the character
    before it can end an abbreviation (``_ABBREVIATION_ENDS``); elsewhere
    ``_LAST_WORD`` would find no abbreviation.

    Examples:
        >>> t = "Pay Mr. X £10.50 within one month. Apologise."
        >>> [t[s:e] for s, e in sentences(t)]
        ['Pay Mr. X £10.50 within one month.', 'Apologise.']
    """
    found: list[tuple[int, int]] = []
    start = 0
    ends = _SENTENCE_END if "!" in text or "?" in text or "…" in text else _FULL_STOP_END
    for end in ends.finditer(text):
        at = end.start()
        stop = end.end(1)
        if at > start and text[at] == "." and text[at - 1] in _ABBREVIATION_ENDS:
            word = _LAST_WORD.search(text, max(start, stop - 8), at + 1)
            if word is not None and word.group(1).lower() in _ABBREVIATIONS:
                continue
        found.append((start, stop))
        start = end.end()
    last = len(text.rstrip())
    if start < last:
        found.append((start, last))
    return found
