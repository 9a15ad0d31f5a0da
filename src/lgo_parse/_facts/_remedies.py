"""Remedies: what the authority agreed to do, how much it pays, to whom and by when.

Where remedies are read:

* **The Agreed action section** (and a "Recommended action" or
  "Recommendations" section, where the authority has not yet agreed), with
  its nested bullets. Every item there is an action, so each gives at least
  one remedy; an item that is none of the known kinds is
  [`RemedyKind.OTHER`][lgo_parse.RemedyKind.OTHER]. Items that describe
  improvements the authority has already made are remedies too: the
  Ombudsman records them as part of the remedy.
* **The final decision and the summary**, sentence by sentence, where a
  sentence says the authority agreed (or was asked, or will) and names a
  kind of remedy ("The Council has agreed to apologise to Mrs X"). These
  repeat the agreed action in short, so a kind already read from the agreed
  action is not counted again.

Sums elsewhere (an earlier offer, the Ombudsman's guidance "between £100 and
£300") are not remedies.

Deadlines: a sentence's own deadline, else the first deadline in its item,
else the deadline of the paragraph that introduces the list ("Within four
weeks of my final decision, the Council has agreed to take the following
action." applies to its bullets).

Kinds: apology and payment are read from every sentence of an item, so "apologise
and pay £300" gives two remedies. A service improvement is read from an
item's first sentence only, where the action is stated (later sentences
explain it); its kind is the earliest cue there: training ("training",
"briefing", "remind staff"), evidence ("provide us with evidence", "provide
a copy") or a change of procedure ("procedures", "policy", "guidance",
"timescales", and weaker words such as "ensure" or "review" when nothing
else matches).
"""

from __future__ import annotations

import bisect
import enum
import re
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Final

from .._layout import Span
from .._model import Decision, ListItem, LooseLine, Paragraph, Section, SectionKind
from ._deadlines import deadlines_at
from ._lazy_regex import Lazy
from ._make import remedy as make_remedy
from ._model import Deadline, Remedy, RemedyKind
from ._money import Amount, find_amounts
from ._parties import pseudonyms
from ._patterns import Gated, Worded, lowered
from ._text import Context, context_of, sub_span

_APOLOGY: Final = Lazy(r"apolog(?:y|ies|ise[sd]?|ising|ize[sd]?|izing)\b", re.IGNORECASE)
_PAYMENT: Final = Lazy(
    r"\b(?:pay|pays|paid|paying|payments?|reimburse\w*|refund\w*|compensat\w*|financial\s+remedy"
    r"|symbolic\s+(?:sum|amount)|waiv\w+|write\s+off|financial\s+(?:remedy|payment)"
    r"|reduce\s+(?:the|its|their)\s+[\w\s]{0,30}?(?:fee|charge|debt|bill)s?\s+by)\b",
    re.IGNORECASE,
)
_TRAINING: Final = Lazy(
    r"\b(?:train(?:s|ed|ing)?|briefings?|reminders?\s+to|remind\w*\s+(?:its\s+|all\s+|relevant\s+)?"
    r"(?:staff|officers|social\s+workers|employees)|made\s+aware|shared?\s+(?:the\s+)?learning"
    r"|lessons?\s+learn\w*)\b",
    re.IGNORECASE,
)
_EVIDENCE: Final = Lazy(
    r"\b(?:provide|send|give|show)\s+(?:us|me|the\s+Ombudsman)\s+(?:with\s+)?"
    r"(?:evidence|a\s+copy|copies|details|confirmation)"
    r"|\b(?:provide|send)\s+(?:a\s+)?cop(?:y|ies)\b|\bevidence\s+(?:that|of|it\s+has)\b"
    r"|\btell\s+(?:us|me)\s+what\s+action|\breport\s+back\b"
    r"|\b(?:explain|report|confirm)\s+to\s+(?:us|me|the\s+Ombudsman)\b",
    re.IGNORECASE,
)
# The Ombudsman's own guidance ("in line with our guidance") is not the authority's procedure.
_PROCEDURE: Final = Lazy(
    r"(?<!our )\b(?:procedur\w*|polic(?:y|ies)|process(?:es)?|guidance|protocols?|practice"
    r"|timescales?|quality\s+(?:assur|manag)\w*|leaflets?)\b",
    re.IGNORECASE,
)
_PROCEDURE_WEAK: Final = Lazy(
    r"\b(?:ensur\w*|review\w*|improv\w*|chang\w*|amend\w*|updat\w*|revis\w*|introduc\w*|now)\b",
    re.IGNORECASE,
)
# A sentence that introduces a list of actions rather than stating one: read
# by ``_introduction`` as "the following" (read back from each "following") and a
# colon at the end, the two alternatives of the pattern apart, since a pattern
# led by a look-behind or a set tests every character of the text.
_INTRODUCES_AS_WRITTEN: Final = r"\bthe\s+following\b|:\s*$"
"""What ``_introduction`` reads, written as one pattern (a test compares them)."""
_THE_FOLLOWING: Final = Lazy(r"\bthe\s+following\b", re.IGNORECASE)
# In the summary and final decision, a remedy is agreed, asked for or promised.
_AGREES: Final = Lazy(
    r"\b(?:agree[sd]?|asked\s+to|will(?!\s+not)|should(?!\s+(?:have|not))|recommend\w*|must"
    r"|(?:satisfactory|suitable|appropriate|sufficient)\s+remedy|to\s+remedy|(?<!have\s)apologised)\b",
    re.IGNORECASE,
)
# What the complainant says or did is not a remedy the authority agreed to.
_REPORTED: Final = Lazy(
    r"\b(?:says?|said|complain(?:s|ed|ing)?|claim(?:s|ed|ing)?|believes?|feels?|felt|alleg\w*"
    r"|wants?|asks?)\b",
    re.IGNORECASE,
)
# In a stated remedy, each clause after the agreeing word is one action:
# "agreed to apologise, complete Ms X's plan and make a payment".
# No leading run of spaces: split tries every offset, and "\s*" there backtracks quadratically.
_CLAUSE_SPLIT: Final = Lazy(r"[,;:]\s*(?:(?:and|or)\s+)?|\s(?:and|as\s+well\s+as|plus)\s")
# Every match of ``_CLAUSE_SPLIT`` holds one of these, or "and" after white space
# (``_may_split``): a text without them is one clause, split by no search.
_CLAUSE_MARKS: Final = (",", ";", ":", "well", "plus")
_SERVICE_WORDS: Final = Worded(
    Lazy(
        r"\bservice\s+improvements?|\bimprove\s+(?:its|the|their)\s+service|\bprevent\s+(?:a\s+)?"
        r"(?:similar\s+)?(?:re-?occurr?ence|recurrence|this\s+happening)|\bmake\s+changes"
        r"|\btighter\s+controls|\bact\s+to\s+(?:improve|prevent)|\bin\s+(?:the\s+)?future\b"
        r"|\bsteps\s+(?:\w+\s+){0,5}?to\s+(?:reduce|improve|prevent|ensure|address|avoid)"
        r"|\baddress\s+(?:its|the)\s+(?:backlog|delays?)",
        re.IGNORECASE,
    ),
    "service", "improve", "prevent", "make", "tighter", "act ", "in ", "steps", "address",
)  # fmt: skip
# "provide a remedy", "take action": an action that names no kind adds nothing.
_UNNAMED: Final = Worded(
    Lazy(r"\b(?:remed(?:y|ies)|action|recommendations?)\b", re.IGNORECASE),
    "remed",
    "action",
    "recommendation",
)
_OTHER_ACTION: Final = Lazy(
    r"(?:to\s+|also\s+|will\s+|should\s+)*(?:re-?assess|re-?consider|consider|review|complete"
    r"|carry\s+out|arrange|meet|remove|monitor|re-?open|obtain|take\s+steps|issue|make\s+a\s+"
    r"(?:new\s+)?decision|correct|amend|update|write|contact|assess|identify|reinstate|backdate"
    r"|decide|provide|give|offer|put\s+in\s+place|register|secure|ensure)\b",
    re.IGNORECASE,
)
# "her", "him" or "them" as a word: found by ``_pronouns`` with ``str.find``.
_PRONOUN_AS_WRITTEN: Final = r"\b(?:her|him|them)\b"
"""What ``_pronouns`` finds, written as a pattern (a test compares them)."""
_PRONOUNS: Final = ("her", "him", "them")
_BEFORE_RECIPIENT: Final = Lazy(r"\b(?:to|for)\s+$")
_REMEDY_KINDS: Final = (
    SectionKind.AGREED_ACTION,
    SectionKind.RECOMMENDED_ACTION,
    SectionKind.FINAL_DECISION,
)
_REMEDY_HEADING: Final = Lazy(
    r"\s*(?:recommended\s+actions?|recommendations?|remed(?:y|ies)|actions?)\s*[:.]?\s*",
    re.IGNORECASE,
)
# The words a heading needs to be one (``Gated.may_match``): most headings hold none.
_REMEDY_HEADING_GATE: Final = Gated(_REMEDY_HEADING, "recommend", "remed", "action")


# Where a match of each pattern can begin: each is tried only there (see
# ``Worded``; a test reads every beginning from the pattern).
# fmt: off
_STARTS_OF: Final = {
    "apology": ("apolog",),
    "payment": (
        "compensat", "financial", "paid", "pay", "reduce", "refund", "reimburse", "symbolic",
        "waiv", "write",
    ),
    "agrees": (
        "agree", "apologised", "appropriate", "asked", "must", "recommend", "satisfactory",
        "should", "sufficient", "suitable", "will", "to ",
    ),
    "training": ("briefing", "lesson", "made", "remind", "share", "train"),
    "evidence": (
        "confirm", "evidence", "explain", "give", "provide", "report", "send", "show", "tell",
    ),
    "procedure": (
        "guidance", "leaflet", "polic", "practice", "procedur", "process", "protocol", "quality",
        "timescale",
    ),
    "procedure, weak": (
        "amend", "chang", "ensur", "improv", "introduc", "now", "review", "revis", "updat",
    ),
    "reported": (
        "alleg", "ask", "believe", "claim", "complain", "feel", "felt", "said", "say", "want",
    ),
}
# fmt: on
_REPORTED_STARTED: Final = Worded(_REPORTED, *_STARTS_OF["reported"])


# The same patterns behind substring tests (see ``Gated``): most sentences
# name none of their words, and are passed over without a search. Where the
# words a match starts with are the words it needs, they are the test.
_APOLOGY_GATED: Final = Worded(_APOLOGY, *_STARTS_OF["apology"])
_PAYMENT_GATED: Final = Worded(_PAYMENT, *_STARTS_OF["payment"])
_AGREES_GATED: Final = Gated(
    Worded(_AGREES, *_STARTS_OF["agrees"]),
    "agree",
    "asked",
    "will",
    "should",
    "recommend",
    "must",
    "remedy",
    "apologised",
)
_SERVICE_GATED: Final = (
    (
        Gated(
            Worded(_TRAINING, *_STARTS_OF["training"]),
            "train",
            "briefing",
            "reminder",
            "remind",
            "aware",
            "learning",
            "lesson",
        ),
        RemedyKind.TRAINING,
    ),
    (
        Gated(
            Worded(_EVIDENCE, *_STARTS_OF["evidence"]),
            "provide",
            "send",
            "give",
            "show",
            "evidence",
            "tell",
            "report",
            "explain",
            "confirm",
        ),
        RemedyKind.EVIDENCE_OF_COMPLIANCE,
    ),
    (
        Gated(
            Worded(_PROCEDURE, *_STARTS_OF["procedure"]),
            "procedur",
            "polic",
            "process",
            "guidance",
            "protocol",
            "practice",
            "timescale",
            "quality",
            "leaflet",
        ),
        RemedyKind.PROCEDURE_CHANGE,
    ),
)
# The three in one pattern, tried once: a match of the pattern is the earliest
# match of any of them, and where two start at the same place, the first in
# ``_SERVICE_GATED``'s order (the alternatives are tried in that order) — which
# is what ``_service_kind`` takes. A test compares it with the three.
_SERVICE: Final = Worded(
    Lazy(
        f"(?P<training>{_TRAINING.pattern})|(?P<evidence>{_EVIDENCE.pattern})"
        f"|(?P<procedure>{_PROCEDURE.pattern})",
        re.IGNORECASE,
    ),
    *_STARTS_OF["training"],
    *_STARTS_OF["evidence"],
    *_STARTS_OF["procedure"],
)
_SERVICE_KINDS: Final = {
    "training": RemedyKind.TRAINING,
    "evidence": RemedyKind.EVIDENCE_OF_COMPLIANCE,
    "procedure": RemedyKind.PROCEDURE_CHANGE,
}
_PROCEDURE_WEAK_GATED: Final = Worded(_PROCEDURE_WEAK, *_STARTS_OF["procedure, weak"])


class _Reading(enum.Enum):
    AGREED = "agreed"
    """An agreed-action item: every item is an action."""
    STATED = "stated"
    """The summary or final decision: only sentences that agree to a named kind."""


class _Unit:
    """A paragraph, item or loose line, with the deadline that governs it.

    Compared by identity: two items may say the same words. A plain class, not
    an attrs one: a decision has dozens of units, made afresh for each reading.

    Attributes:
        text: The unit's text.
        span: Where it stands in the source, or ``None``.
        parent: The unit it hangs from ("... the following action:").
        intro: Where the unit introduces a list ("... the following:"), or -1
            (``_introduction``), read once (``_units`` reads it of a paragraph
            already).
        introduces: Whether it does (``intro >= 0``).
        sentence_texts: One string for each sentence that gave a remedy.
        people: The unit's pseudonyms with their offsets, their offsets, and
            its pronouns' offsets, found once (see ``_People``).

    Its deadlines are read when first asked for (``deadlines``, ``deadline``):
    most units give no remedy, and a unit's deadline is needed only for its
    own remedies and those of the units that hang from it.
    """

    __slots__ = (
        "_deadline",
        "_deadline_read",
        "_deadlines",
        "intro",
        "introduces",
        "parent",
        "people",
        "sentence_texts",
        "span",
        "text",
    )

    def __init__(
        self,
        text: str,
        span: Span | None,
        parent: _Unit | None = None,
        intro: int | None = None,
    ) -> None:
        self.text = text
        self.span = span
        self.parent = parent
        # Where the text introduces a list ("... the following:"), read once.
        self.intro = _introduction(text) if intro is None else intro
        self.introduces = self.intro >= 0
        self._deadlines: list[tuple[int, Deadline]] | None = None
        self._deadline: Deadline | None = None
        self._deadline_read = False
        self.sentence_texts: dict[tuple[int, int], str] = {}
        self.people: tuple[list[tuple[str, int]], list[int], list[int]] | None = None

    def deadlines(self) -> list[tuple[int, Deadline]]:
        """Return the unit's own deadlines with their offsets in the text (``deadlines_at``)."""
        found = self._deadlines
        if found is None:
            found = self._deadlines = deadlines_at(self.text, self.span)
        return found

    def deadline(self) -> Deadline | None:
        """Return its first own deadline, else the one of the unit it hangs from."""
        if not self._deadline_read:
            own = self.deadlines()
            if own:
                self._deadline = own[0][1]
            elif self.parent is not None:
                self._deadline = self.parent.deadline()
            self._deadline_read = True
        return self._deadline


def find_remedies(decision: Decision) -> tuple[Remedy, ...]:
    """Return the remedies of a decision: summary first, then the agreed action, then the rest.

    Examples:
        >>> import lgo_parse
        >>> d = lgo_parse.Decision(sections=[lgo_parse.Section("Agreed action", [
        ...     lgo_parse.Paragraph("Within one month the Council will:", items=[
        ...         lgo_parse.ListItem("apologise to Mrs Y; and"),
        ...         lgo_parse.ListItem("pay Mrs Y £10.50."),
        ...     ]),
        ... ])])
        >>> for r in find_remedies(d):
        ...     print(r.kind.value, r.amount, r.recipient, r.deadline)
        apology None Mrs Y within 1 month
        payment 10.50 Mrs Y within 1 month
    """
    return read_remedies(context_of(decision))


def read_remedies(context: Context) -> tuple[Remedy, ...]:
    """Return the remedies in the decision's shared reading (the registered finder)."""
    decision = context.decision
    sentences = context.sentences
    agreed: list[Remedy] = []
    final: list[Remedy] = []
    for section in _sections(decision.sections, context):
        if context.kind(section) is SectionKind.FINAL_DECISION:
            for unit in _units(section):
                final += _remedies(unit, _Reading.STATED, sentences)
            continue
        # Units whose words gave a remedy: the items under "apologise to Mr X
        # for the following faults:" are the faults, not further actions.
        acted: set[_Unit] = set()
        for unit in _units(section):
            found = _remedies(unit, _Reading.AGREED, sentences, detail=unit.parent in acted)
            if found:
                acted.add(unit)
            agreed += found
    summary: list[Remedy] = []
    if decision.summary:
        summary = _remedies(
            _Unit(decision.summary, decision.summary_span), _Reading.STATED, sentences
        )
    # The summary and final decision restate the agreed action in short.
    kinds = {remedy.kind for remedy in agreed}
    sums = {(remedy.kind, remedy.amount) for remedy in agreed}
    final = _new_kinds(final, kinds, sums)
    summary = _new_kinds(summary, kinds, sums)
    return (*summary, *agreed, *final)


def _new_kinds(
    remedies: Iterable[Remedy],
    kinds: set[RemedyKind],
    sums: set[tuple[RemedyKind, Decimal | None]],
) -> list[Remedy]:
    """Keep the remedies not already read: a new kind, or a sum not read before.

    "pay Mrs X £250 and waive fees of £181" is two payments; a payment without
    a sum restates one read already.
    """
    kept = []
    for remedy in remedies:
        new_sum = remedy.amount is not None and (remedy.kind, remedy.amount) not in sums
        if remedy.kind not in kinds or new_sum:
            kinds.add(remedy.kind)
            sums.add((remedy.kind, remedy.amount))
            kept.append(remedy)
    return kept


def _sections(sections: Iterable[Section], context: Context) -> Iterator[Section]:
    """Yield the remedy sections (with their sub-sections) and final-decision sections."""
    for section in sections:
        kind = context.kind(section)
        if kind in _REMEDY_KINDS or (
            kind is SectionKind.OTHER
            and section.heading is not None
            and _REMEDY_HEADING_GATE.may_match(section.heading)
            and _REMEDY_HEADING.fullmatch(section.heading) is not None
        ):
            yield section
        else:
            yield from _sections(section.subsections, context)


def _units(section: Section) -> Iterator[_Unit]:
    """Yield the section's texts in order, each knowing the deadline of the list it stands in."""
    # ``section.walk()`` written out (the section, then its sub-sections): the model's
    # generator is not compiled.
    for part in (section, *section.subsections):
        # The paragraph a run of paragraph-level bullets hangs from, and in the
        # compact layout the "- ... the following:" item the next items follow.
        lead: _Unit | None = None
        compact_lead: _Unit | None = None
        for block in part.blocks:
            if isinstance(block, LooseLine):
                lead = compact_lead = None
                yield _Unit(block.text, block.span)
                continue
            if isinstance(block, ListItem):
                unit = _Unit(block.text, block.span, lead)
            else:
                intro = _introduction(block.text)
                introduces = intro >= 0
                # (``block.kind is ItemKind.DASH``, read from the marker without the
                # model's property, which is not compiled.)
                compact = block.marker == "-"
                unit = _Unit(
                    block.text,
                    block.span,
                    compact_lead if compact and not introduces else None,
                    intro,
                )
                lead = unit
                if compact and introduces:
                    compact_lead = unit
            yield unit
            yield from _nested(block, unit)


def _nested(block: Paragraph | ListItem, parent: _Unit) -> Iterator[_Unit]:
    for item in block.items:
        unit = _Unit(item.text, item.span, parent)
        yield unit
        yield from _nested(item, unit)


def _remedies(
    unit: _Unit,
    reading: _Reading,
    sentences: Callable[[str], list[tuple[int, int]]],
    *,
    detail: bool = False,
) -> list[Remedy]:
    """Return the remedies of one unit; a ``detail`` of another remedy is never read as OTHER."""
    text = unit.text
    introduces = unit.introduces
    found: list[Remedy] = []
    first = True
    agrees: re.Match[str] | None = None
    for start, end in sentences(text):
        sentence = text[start:end]
        if reading is _Reading.STATED:
            agrees = _AGREES_GATED.search(sentence)
            # "Mrs X complained ... after she agreed to": the story, not a remedy.
            said = _REPORTED_STARTED.search(sentence) if agrees is not None else None
            if agrees is None or (said is not None and said.start() < agrees.start()):
                continue
        # A sentence introducing a list states no action of its own, except
        # before "the following": "apologise to Mr X for the following faults:".
        cut = -1
        if introduces:
            # A unit of one sentence is that sentence: its introduction is read already.
            cut = unit.intro if sentence is text else _introduction(sentence)
        here = _personal(unit, sentence, start, end, start + cut if cut >= 0 else end)
        # Stated sentences name their service improvements clause by clause, below.
        if not introduces and first and reading is _Reading.AGREED:
            service = _service_kind(sentence, weak=not here)
            if service is not None:
                here.append(_remedy(unit, start, end, service))
        if agrees is not None:  # a stated sentence that agrees
            here += [_remedy(unit, start, end, kind) for kind in _clause_kinds(sentence, agrees)]
        first = False
        found += here
    if not found and not introduces and not detail and reading is _Reading.AGREED and text.strip():
        start, end = sentences(text)[0]
        found.append(
            _remedy(unit, start, end, RemedyKind.OTHER, recipient=_addressee(text, start, end))
        )
    return _distinct(found)


def _introduction(text: str) -> int:
    """Return where ``text`` introduces a list, or -1: what ``_INTRODUCES_AS_WRITTEN`` finds.

    The earlier of "the following" and a colon that only white space follows
    (the pattern's ``:\\s*$``: the last character before trailing white space).
    """
    end = len(text.rstrip())
    colon = end - 1 if end and text[end - 1] == ":" else -1
    following = _the_following(text)
    if following >= 0 and (colon < 0 or following < colon):
        return following
    return colon


def _the_following(text: str) -> int:
    """Return where ``_THE_FOLLOWING`` first matches ``text``, or -1, read from "following".

    The pattern, ``\\bthe\\s+following\\b``, starts with a word boundary, so the
    engine tries it at every character of the text (about a microsecond a
    paragraph). Here each "following" in the lower-case copy is read back: a
    word boundary after it, the run of white space before it (at least one
    character, all of it: "the" must end where the run starts), "the" before the
    run and a word boundary before "the". An earlier "following" gives an earlier
    match (white space lies between a match's "the" and its "following"), so the
    first one read is the pattern's first match. A text the lower-case copy does
    not line up with, or holding a character the engine folds otherwise, is
    searched with the pattern.
    """
    low, odd = lowered(text)
    if odd or len(low) != len(text):
        match = _THE_FOLLOWING.search(text)
        return -1 if match is None else match.start()
    size = len(text)
    at = low.find("following")
    while at >= 0:
        after = at + 9
        if after == size or not _is_word(text[after]):
            run = at
            while run > 0 and text[run - 1].isspace():
                run -= 1
            if (
                run < at
                and run >= 3
                and low.startswith("the", run - 3)
                and (run == 3 or not _is_word(text[run - 4]))
            ):
                return run - 3
        at = low.find("following", at + 1)
    return -1


def _is_word(char: str) -> bool:
    """Whether ``char`` is a word character to the engine (``\\w``: a letter, digit or "_")."""
    return char.isalnum() or char == "_"


def _personal(unit: _Unit, whole: str, start: int, end: int, reach: int) -> list[Remedy]:
    """Return the apologies and payments in ``text[start:reach]``, part of a sentence.

    ``whole`` is the sentence, ``text[start:end]``: when ``reach`` is its end, it
    is read itself, not a copy (the patterns' lower-case copy is made once for it).
    Linear in the sentence: who each sum is for is looked up in lists of the
    sentence's names and pronouns made once, never by searching the rest of
    the sentence again for every sum.
    """
    text = unit.text
    sentence = whole if reach == end else text[start:reach]
    apology = _APOLOGY_GATED.search(sentence)
    # (The test of ``find_amounts`` first, here: most sentences hold no sum, and the call
    # into ``_money``, which is not compiled, costs more than the test.)
    amounts = [a for a in find_amounts(sentence) if not a.in_range] if "£" in sentence else []
    cues = _PAYMENT_GATED.matches(sentence)
    if apology is None and not amounts and not cues:
        return []
    people = _People(unit, start, end)
    found = []
    if apology is not None:
        at = start + apology.end()
        found.append(_remedy(unit, start, end, RemedyKind.APOLOGY, recipient=people.after(at)))
    outside = _outside_brackets(sentence, amounts)
    # A sum stated with a remedy is money paid, refunded or waived ("an apology and £50").
    kind = RemedyKind.PAYMENT
    # "£300 (£200 for distress and £100 for time and trouble)" is one payment.
    previous = 0
    cue_ends = [c.end() for c in cues]
    seen: set[tuple[RemedyKind, Decimal]] = set()
    for amount in outside or amounts:
        # Whom a sum is for is written after the word that pays it ("pay Mr X
        # £10.50", "pay £1000 to Mrs Y") but after any earlier sum ("pay Mrs Y
        # £250 and Mr Z £100").
        before = bisect.bisect_right(cue_ends, amount.start)
        cue_end = cue_ends[before - 1] if before else None
        at = start + max(previous, cue_end if cue_end is not None else amount.start)
        previous = amount.end
        if (kind, amount.value) in seen:
            continue  # the same sum again: one remedy (and no quadratic copies)
        seen.add((kind, amount.value))
        found.append(_remedy(unit, start, end, kind, amount.value, people.after(at)))
    if cues and not amounts:
        at = start + cues[0].end()
        found.append(_remedy(unit, start, end, RemedyKind.PAYMENT, recipient=people.after(at)))
    return found


class _People:
    """The pseudonyms and pronouns of one sentence, found once, looked up by offset."""

    __slots__ = ("_end", "_names", "_pronouns", "_starts")

    def __init__(self, unit: _Unit, start: int, end: int) -> None:
        if unit.people is None:
            # Once per unit: a long paragraph of many sentences is read once.
            text = unit.text
            names = [(name, at) for name, at, _ in pseudonyms(text)]
            pronouns = _pronouns(text)
            unit.people = (names, [at for _, at in names], pronouns)
        self._names, self._starts, self._pronouns = unit.people
        self._end = end

    def after(self, at: int) -> str | None:
        """Return who a remedy written at ``at`` is for.

        The first pseudonym after it in the sentence ("pay £1000 to Mrs Y"); a
        pronoun first ("pay her £300") stands for the last pseudonym before it.
        """
        index = bisect.bisect_left(self._starts, at)
        named = self._names[index] if index < len(self._names) else None
        if named is not None and named[1] >= self._end:
            named = None
        p_index = bisect.bisect_left(self._pronouns, at)
        pronoun = self._pronouns[p_index] if p_index < len(self._pronouns) else None
        if pronoun is not None and pronoun >= self._end:
            pronoun = None
        if named is not None and (pronoun is None or named[1] < pronoun):
            return named[0]
        if pronoun is not None and index:
            return self._names[index - 1][0]
        return None


def _pronouns(text: str) -> list[int]:
    """Return where "her", "him" or "them" stands as a word in ``text``: ``_PRONOUN_AS_WRITTEN``.

    Each word is found with ``str.find`` and kept with no word character
    (``\\w``) on either side. No two such words overlap, so their places are
    the starts of the pattern's matches.
    """
    found: list[int] = []
    size = len(text)
    for word in _PRONOUNS:
        at = text.find(word)
        while at >= 0:
            after = at + len(word)
            if (at == 0 or not _is_word(text[at - 1])) and (
                after == size or not _is_word(text[after])
            ):
                found.append(at)
            at = text.find(word, at + 1)
    if len(found) > 1:
        found.sort()
    return found


def _outside_brackets(sentence: str, amounts: list[Amount]) -> list[Amount]:
    """Return the sums not inside brackets, counting brackets once along the sentence."""
    kept = []
    depth = 0
    position = 0
    for amount in amounts:
        depth += sentence.count("(", position, amount.start) - sentence.count(
            ")", position, amount.start
        )
        position = amount.start
        if depth <= 0:
            kept.append(amount)
    return kept


_CLAUSE_CUE_WORDS: Final = 6
_LEADING_MODAL: Final = Lazy(r"^(?:(?:to|also|will|should|must|then|now)\s+)+", re.IGNORECASE)


def _clause_kinds(sentence: str, agrees: re.Match[str]) -> list[RemedyKind]:
    """Return the kinds of the actions listed after a stated sentence's agreeing word.

    Apologies and payments are read by ``_personal``; here each other clause
    is a service improvement, training, evidence, or an OTHER action when it
    starts with an action verb ("reassess", "complete Ms X's plan"). ``agrees``
    is the sentence's agreeing word (``_AGREES``), read once by the caller.
    """
    kinds = []
    # "An apology and a reminder to officers is a satisfactory remedy": the
    # actions stand before the words that accept them.
    listed = sentence[agrees.end() :]
    if "remed" in agrees.group():
        listed = sentence[: agrees.start()] + ", " + listed
    for part in _CLAUSE_SPLIT.split(listed) if _may_split(listed) else (listed,):
        clause = part.strip()
        if (
            not clause
            or _APOLOGY_GATED.search(clause)
            or _PAYMENT_GATED.search(clause)
            or "£" in clause
        ):
            continue
        if _SERVICE_WORDS.search(clause):
            kinds.append(RemedyKind.PROCEDURE_CHANGE)
            continue
        # "review its procedures" names the change; "provide him with information
        # about its policy" does not: the cue must come early in the clause.
        # (The modal words stand at the start only: the text after them, not a substitution.)
        modal = _LEADING_MODAL.match(clause)
        head = clause if modal is None else clause[modal.end() :]
        service = _service_kind(" ".join(head.split()[:_CLAUSE_CUE_WORDS]), weak=False)
        if service is not None:
            kinds.append(service)
        elif _UNNAMED.search(clause) is None and _OTHER_ACTION.match(clause):
            kinds.append(RemedyKind.OTHER)
    return kinds


def _may_split(listed: str) -> bool:
    """Whether ``_CLAUSE_SPLIT`` can match ``listed`` (false only when it cannot)."""
    for mark in _CLAUSE_MARKS:
        if mark in listed:
            return True
    at = listed.find("and")
    while at >= 0:
        if at and listed[at - 1].isspace():
            return True
        at = listed.find("and", at + 1)
    return False


def _service_kind(sentence: str, *, weak: bool) -> RemedyKind | None:
    """Return the kind of the earliest service cue: training, evidence or procedure (``_SERVICE``).

    With ``weak``, a weaker word ("ensure", "review") names a change of procedure
    when no cue does.
    """
    match = _SERVICE.search(sentence)
    if match is not None:
        return _SERVICE_KINDS[match.lastgroup or ""]
    if weak and _PROCEDURE_WEAK_GATED.search(sentence):
        return RemedyKind.PROCEDURE_CHANGE
    return None


def _remedy(
    unit: _Unit,
    start: int,
    end: int,
    kind: RemedyKind,
    amount: Decimal | None = None,
    recipient: str | None = None,
) -> Remedy:
    return make_remedy(
        kind,
        amount,
        recipient,
        _deadline(unit, start, end),
        _sentence_text(unit, start, end),
        None if unit.span is None else sub_span(unit.span, start, end),
    )


def _sentence_text(unit: _Unit, start: int, end: int) -> str:
    """Return ``unit.text[start:end]``, one string shared by every remedy of a sentence."""
    words = unit.sentence_texts.get((start, end))
    if words is None:
        words = unit.sentence_texts[start, end] = unit.text[start:end]
    return words


def _deadline(unit: _Unit, start: int, end: int) -> Deadline | None:
    for offset, deadline in unit.deadlines():
        if start <= offset < end:
            return deadline
    return unit.deadline()


def _addressee(text: str, start: int, end: int) -> str | None:
    """Return the pseudonym an action is addressed to: "Write to Mrs Y"."""
    for name, name_start, _ in pseudonyms(text[start:end]):
        if _BEFORE_RECIPIENT.search(text, start, start + name_start):
            return name
    return None


def _distinct(remedies: list[Remedy]) -> list[Remedy]:
    if len(remedies) < 2:  # most units give one remedy or none
        return remedies
    seen: set[tuple[RemedyKind, Decimal | None]] = set()
    kept = []
    for remedy in remedies:
        key = (remedy.kind, remedy.amount)
        if key not in seen:
            seen.add(key)
            kept.append(remedy)
    return kept
