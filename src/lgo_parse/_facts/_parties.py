"""Parties named by pseudonym.

Three kinds of name are read:

* **Titled pseudonyms**: a title and one capital letter, "Mrs Y", "Ms J",
  "Miss X", and joint names, "Mr and Mrs X". Those written in the summary or
  the complaint section are the complainants; when "Mr and Mrs X" complain,
  "Mr X" and "Mrs X" written alone are complainants too.
* **Roles with a letter or number**: "Child Q", "Council 2", "Agency 1",
  "Officer 1", and the abbreviations used for staff, "SW1", "IRO2".
* **Bare letters**: "Y", "K", counted only once the statement introduces the
  letter as a person, "her former partner (Y)", "Ms J’s child, K,", "whom I
  shall call B". "A" and "I" are never read as bare letters: they are words.

A joint name is one party: "Mr and Mrs X" is not also a mention of "Mrs X".
"""

from __future__ import annotations

import bisect
import enum
import re
from collections.abc import Iterator
from typing import Final

from .._layout import Span
from .._model import Decision, SectionKind
from ._lazy_regex import Lazy
from ._make import party as make_party
from ._model import Party, PartyRole
from ._scan import _TITLES, SCAN, ScanHit, word_character
from ._text import Context, Passage, context_of, sub_span

# Patterns start at a capital letter and never with \b, which would keep the
# regular expression engine from skipping ahead to the next capital; word
# boundaries are checked on the match instead. A set lookup then decides what
# a capitalised word is, rather than a long alternation tried at every word.
_TITLED: Final = Lazy(
    rf"(?P<first>{_TITLES})\.?\s+(?:and\s+(?P<second>{_TITLES})\.?\s+)?(?P<letter>[A-Z])(?![\w-])"
)
"""A titled pseudonym; ``letter`` is its capital letter."""
_NAME: Final = Lazy(
    r"(?=[A-Z])(?:"
    rf"(?P<titled>{_TITLED.pattern})"
    # A capitalised word and a letter or number: "Child Q", "Council 2", "Stage 2".
    r"|(?P<word>[A-Z][a-z]+)\s+(?P<id>(?P<id_letter>[A-HJ-Z])|\d{1,2})(?![\w-])"
    # Capitals and a number: "SW1".
    r"|(?P<code>[A-Z]{2,3})\d{1,2}(?![\w-])"
    # A letter standing alone: "Y took", "(Y)", "Y’s"; not "B)" opening a lettered heading.
    r"|(?P<bare>[B-HJ-Z])(?![\w\-/])(?:(?<=[(\s].)|(?!\)))"
    r")"
)
"""What the scan finds, written plainly: the reference ``_scan.SCAN`` is checked against."""
# fmt: off
_ROLES: Final = frozenset((
    "Child", "Children", "Son", "Daughter", "Parent", "Mother", "Father", "Grandparent",
    "Sibling", "Officer", "Council", "Agency", "School", "Provider", "Home", "Authority", "Trust",
    "Worker", "Manager", "Carer", "Person", "Student", "Pupil", "Resident", "Landlord",
    "Company", "Doctor", "Nurse", "Teacher", "Practitioner", "Advocate", "Witness", "Neighbour",
    "Tenant", "Councillor", "Consultant", "Contractor", "Adviser", "Assessor", "Therapist",
    "Nursery", "College", "Academy",
))
# "Care Home 1", "Social Worker 2".
_ROLE_QUALIFIERS: Final = frozenset((
    "Care", "Social", "Foster", "Team", "Senior", "Head", "Family", "Support",
))
# Staff abbreviations with a number: social worker, senior and family social
# worker, independent reviewing officer, team manager, occupational therapist,
# personal assistant, GP, educational psychologist, case worker, allocated officer.
_STAFF: Final = frozenset(("SW", "SSW", "FSW", "IRO", "TM", "OT", "PA", "GP", "EP", "CW", "AO"))
# Words after which a bracketed or apposed letter names a person: "her partner (Y)".
_RELATIVES: Final = frozenset((
    "child", "children", "son", "daughter", "partner", "ex-partner", "husband", "wife", "mother",
    "father", "brother", "sister", "grandson", "granddaughter", "grandchild", "grandmother",
    "grandfather", "friend", "neighbour", "carer", "tenant", "landlord", "nephew", "niece",
    "aunt", "uncle", "cousin", "relative", "stepson", "stepdaughter", "stepfather", "stepmother",
    "baby", "boy", "girl", "man", "woman", "person", "resident", "pupil", "student", "sibling",
    "parent",
))
# Words that own a following letter: "Plan B", "Part C", "Key Stage 2" are not people.
_THINGS: Final = frozenset((
    "Plan", "Part", "Appendix", "Annex", "Form", "Option", "Category", "Grade", "Block", "Stage",
    "Type", "Band", "Tier", "Section", "Schedule", "Level", "Class", "Room", "Ward", "Unit",
    "Vitamin", "Key",
))
# fmt: on
_QUALIFIER_BEFORE: Final = Lazy(r"(?P<word>[A-Z][a-z]+)\s+$")
# How a statement introduces a bare letter as a person: "partner (Y)", "child, K,".
_RELATIVE_BEFORE: Final = Lazy(r"(?P<word>[\w-]+)\s*(?P<mark>[(,])\s*$")
_AFTER_BRACKETED: Final = Lazy(r"\s*\)")
_AFTER_APPOSED: Final = Lazy(r"\s*(?:[,.;:)]|\s(?:who|and|was|is|has|had|did)\b)")
# ... or names it: "whom I shall call B", "referred to as C", "known as D".
_CALLED: Final = Lazy(
    r"(?<!\w)(?:call(?:ed)?|refer\s+to\s+as|referred\s+to\s+as|known\s+as)\s+"
    r"(?:(?:him|her|them)\s+)?(?P<called>[B-HJ-Z])(?![\w-])"
)
_COMPLAINANT_SECTIONS: Final = (SectionKind.COMPLAINT,)


def find_parties(decision: Decision) -> tuple[Party, ...]:
    """Return the parties named by pseudonym, in order of first mention.

    Examples:
        >>> import lgo_parse
        >>> d = lgo_parse.Decision(summary="Mr and Mrs X complain that Council 2 told Child Q.")
        >>> [(p.name, p.role.value) for p in find_parties(d)]
        [('Mr and Mrs X', 'complainant'), ('Council 2', 'other'), ('Child Q', 'other')]
    """
    return read_parties(context_of(decision))


def read_parties(context: Context) -> tuple[Party, ...]:
    """Return the parties in the decision's shared reading (the registered finder)."""
    # One scan over the decision's joined texts, each mention's span made as it
    # is found; a bare letter counts once the statement introduces it anywhere
    # ("partner (Y)" where it stands, "whom I shall call Y" anywhere), so letters
    # are kept as candidates and dropped at the end if never introduced.
    text, starts = context.joined
    passages = context.passages
    introduced: set[str] = set()
    complainants: set[str] = set()
    letters: set[str] = set()
    # Dictionaries keep insertion order: parties come in order of first mention.
    mentions: dict[str, list[Span | None]] = {}
    # The passage the scan is in: its start, its span, and whether its titled
    # names are complainants (read once a passage, when it names someone so).
    index = -1
    base = 0
    following = 0
    span: Span | None = None
    complainant: bool | None = None
    titled_names = _TITLED_NAMES
    titled = _Kind.TITLED
    # The parties come after the citations in the registry: the scan is let go.
    for hit in context.matches(SCAN, keep=False):
        kind_read = hit.kind
        if kind_read == "cite":
            continue  # where a citation may stand (``_citations._citing``)
        start, end = hit.start, hit.end
        if start >= following:
            index = bisect.bisect_right(starts, start) - 1
            base = starts[index]
            following = starts[index + 1] if index + 1 < len(starts) else len(text) + 1
            span = passages[index].span
            complainant = None
        # Titled names are most of what the scan finds: a spelling named before
        # (``_TITLED_NAMES``) is taken as it is, without the other kinds' reading
        # (the test of ``_starts_word`` written out).
        name = titled_names.get(text[start:end]) if kind_read == "letter" else None
        if name is not None and _starts_word(text, start):
            kind = titled
        else:
            named = _named(text, hit)
            if named is None:
                continue
            name, start, end, kind = named
        if kind is titled:
            if complainant is None:
                complainant = _names_complainant(passages[index], context)
            if complainant:
                complainants.add(name)
        elif kind is _Kind.LETTER:
            letters.add(name)
            if _introduces(text, start, end):
                introduced.add(name)
        spans = mentions.get(name)
        if spans is None:
            spans = mentions[name] = []
        spans.append(None if span is None else sub_span(span, start - base, end - base))
    if letters - introduced:
        # Read only for letters not introduced where they stand: few statements have any.
        introduced |= _called(text)
    for name in list(complainants):
        joint = _TITLED.fullmatch(name)
        if joint is not None and joint["second"]:
            complainants |= {
                f"{joint['first']} {joint['letter']}",
                f"{joint['second']} {joint['letter']}",
            }
    return tuple(
        make_party(
            name,
            PartyRole.COMPLAINANT if name in complainants else PartyRole.OTHER,
            len(spans),
            tuple([span for span in spans if span is not None]),
        )
        for name, spans in mentions.items()
        # A bare letter's name is one capital, never a titled or role name.
        if name not in letters or name in introduced
    )


# Every "called" match starts with one of these words: each is found with
# ``str.find`` (the engine searches a pattern's first word far slower), and
# the pattern is tried only where one stands.
_CALLED_WORDS: Final = ("call", "refer", "known")


def _called(text: str) -> set[str]:
    """The letters the decision names as people: "whom I shall call B", "known as D".

    ``_CALLED`` would be slow to search (its look-behind keeps the engine from
    skipping ahead), and it never matches across the NUL between passages.
    """
    found: set[str] = set()
    match = _CALLED.match
    for word in _CALLED_WORDS:
        at = text.find(word)
        while at >= 0:
            called = match(text, at)
            if called is not None:
                found.add(called["called"])
            at = text.find(word, at + 1)
    return found


def pseudonyms(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield ``(name, start, end)`` for each titled pseudonym in ``text``, such as "Mrs Y".

    Examples:
        >>> [name for name, _, _ in pseudonyms("Mr and Mrs X and Ms J’s child")]
        ['Mr and Mrs X', 'Ms J']
    """
    for match in _TITLED.finditer(text):
        if _starts_word(text, match.start()):
            yield _titled_name(match), match.start(), match.end()


def _titled_name(match: re.Match[str]) -> str:
    second = f" and {match['second']}" if match["second"] else ""
    return f"{match['first']}{second} {match['letter']}"


def _starts_word(text: str, at: int) -> bool:
    """Whether no letter, digit, "_", apostrophe, hyphen or slash stands before ``at``.

    Read by code point (``_scan.word_character``): compiled, a character taken as a
    string and asked ``isalnum`` costs several times as much.
    """
    if not at:
        return True
    code = ord(text[at - 1])
    return not (code in (0x2019, 39, 45, 47) or word_character(code))


def _names_complainant(passage: Passage, context: Context) -> bool:
    # A section's kind is read from its heading once, for every finder (``Context.kind``).
    return passage.origin == "summary" or (
        passage.section is not None and context.kind(passage.section) in _COMPLAINANT_SECTIONS
    )


class _Kind(enum.Enum):
    TITLED = "titled"
    """A title and a letter: "Mrs Y", "Mr and Mrs X"."""
    ROLE = "role"
    """A role and a letter or number: "Child Q", "Council 2", "SW1"."""
    LETTER = "letter"
    """A letter standing alone, a person only if the statement introduces it."""


_TITLED_NAMES: Final[dict[str, str]] = {}
"""Titled names by how they are written ("Mrs. Y" → "Mrs Y"), shared by every reading."""
_TITLED_NAMES_KEPT: Final = 4096


def _named(text: str, hit: ScanHit) -> tuple[str, int, int, _Kind] | None:
    """Return ``(name, start, end, kind)`` for a hit of the scan, or ``None`` for no name."""
    start = hit.start
    end = hit.end
    if not _starts_word(text, start):
        return None  # inside a word
    letter = hit.letter
    if letter is not None:
        # The same few names come again and again: each spelling is named once.
        written = text[start:end]
        name = _TITLED_NAMES.get(written)
        if name is None:
            second = hit.second
            joint = f" and {second}" if second else ""
            name = f"{text[start]}{hit.tail}{joint} {letter}"
            if len(_TITLED_NAMES) < _TITLED_NAMES_KEPT:
                _TITLED_NAMES[written] = name
        return name, start, end, _Kind.TITLED
    rest = hit.rest
    if rest is not None:
        word = text[start] + rest
        if word in _ROLES:
            qualifier = _QUALIFIER_BEFORE.search(text, max(0, start - 12), start)
            if qualifier is not None and qualifier["word"] in _ROLE_QUALIFIERS:
                start = qualifier.start()
            return " ".join(text[start:end].split()), start, end, _Kind.ROLE
        if hit.id_letter and word not in _THINGS:
            # "Then Y took": the word is not a role, the letter may be a person.
            return hit.id_letter, hit.id_start, hit.id_end, _Kind.LETTER
        return None
    if hit.code is not None:
        if text[start] + hit.code in _STAFF:
            return text[start:end], start, end, _Kind.ROLE
        return None
    return text[start], start, end, _Kind.LETTER


def _introduces(text: str, start: int, end: int) -> bool:
    """Whether the letter at ``text[start:end]`` is introduced there: "partner (Y)", "child, K,"."""
    low = max(0, start - 25)
    # "(" or "," must end what stands before, spaces aside: a cheap test before the search.
    head = text[low:start].rstrip()
    if not head or head[-1] not in "(,":
        return False
    before = _RELATIVE_BEFORE.search(text, low, start)
    if before is None or before["word"].lower() not in _RELATIVES:
        return False
    after = _AFTER_BRACKETED if before["mark"] == "(" else _AFTER_APPOSED
    return after.match(text, end) is not None
