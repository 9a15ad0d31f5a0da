"""Citations of legislation and guidance.

Three shapes are read:

* **Acts, regulations and codes** by their title and year: "Local Government
  Act 1974, sections 26(1) and 26A(1), as amended", "Section 47 of the
  Children Act 1989", "the Care and Support (Charging and Assessment of
  Resources) Regulations 2014", "the Care and Support Statutory Guidance".
  The title is read backwards from "Act 1974" over capitalised words,
  parenthesised parts and the small words titles use ("and", "of", "in"),
  stopping at "the", a lower-case word or punctuation, so a longer title is
  never cut down to a shorter one ("Local Government and Public Involvement in
  Health Act 2007" is not "Health Act 2007"). "Act 1989 and 2004" gives two
  citations.
* **Quoted guidance**: "‘Working Together to Safeguard Children’ (2015)",
  "statutory guidance ‘Working together to safeguard children 2018’". A quoted
  title counts when it names well-known statutory guidance, follows the word
  "guidance" or "code of practice", names guidance itself, or carries a year.
* **Well-known guidance without quotes**: "Working Together guidance".

A bare mention of an Act with its year ("The Children Act 1989 and statutory
guidance ...") is a citation with no provisions: the researcher asking "under
which law" wants it. A provision without a title ("its Section 47
enquiries") is not a citation. An Act without a year counts only with two
title words or more before "Act" ("the Party Wall Act") and when the decision
cites no dated title it shortens: "the Care Act" cannot be told apart from a
short back-reference.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Final, NamedTuple

from .._model import Decision
from ._lazy_regex import Lazy
from ._make import citation as make_citation
from ._model import Citation, CitationKind
from ._patterns import Gated, Started, first_letters, matches_at
from ._scan import SCAN
from ._text import Context, Passage, context_of

_YEAR: Final = r"(?:1[6-9]|20)\d{2}"
# No leading \b on the patterns run over every text: it keeps the regular
# expression engine from skipping ahead to the first letter; the word boundary
# is checked on the match instead.
# A capture group at the very start would stop that skipping too, so the kind
# of document is read from the match's first letter.
_ANCHOR: Final = Lazy(
    r"(?:Act|Regulations|Order|Rules|Statutory\s+Guidance|Code\s+of\s+(?:Practice|Guidance))"
    rf"(?:\s+(?P<year>{_YEAR})(?!\d))?"
)
_ANCHOR_KINDS: Final = {
    "A": CitationKind.ACT,
    "R": CitationKind.REGULATION,
    "O": CitationKind.REGULATION,
    "S": CitationKind.STATUTORY_GUIDANCE,
    "C": CitationKind.STATUTORY_GUIDANCE,
}
_AND_YEAR: Final = Lazy(rf"\s+and\s+(?P<year>{_YEAR})\b(?!\s+(?:Act|Regulations|Order|Rules))")

# -- provisions ----------------------------------------------------------------
_UNIT: Final = (
    r"(?:sections?|ss?\.|s(?=\d)|parts?|schedules?|sch\.|regulations?|regs?\.|paragraphs?"
    r"|paras?\.|articles?|arts?\.|rules?|chapters?)"
)
# 26A(1), 34H(i), 17(10)(b), 5/5a, 10.29
_ID: Final = (
    r"\d+(?:\.\d+)*[A-Za-z]{0,3}(?:\([0-9A-Za-z]{1,4}\))*"
    r"(?:/\d*[A-Za-z]{0,3}(?:\([0-9A-Za-z]{1,4}\))*)?"
)
_IDS: Final = rf"{_ID}(?:\s*(?:,|and|or|&|to|-|–)\s*{_ID})*"
_CLAUSE: Final = rf"{_UNIT}\s*{_IDS}(?![\w(])"
# Between clauses: a separator with its spaces, or spaces alone. Never two
# optional runs of spaces side by side, which backtrack in quadratic time.
_CLAUSES: Final = rf"{_CLAUSE}(?:(?:\s*(?:,\s*and|,|and|of)\s*|\s+){_CLAUSE})*"
_CLAUSE_PARTS: Final = Lazy(rf"(?P<unit>{_UNIT})\s*(?P<ids>{_IDS})", re.IGNORECASE)
# Starts only after a non-space: a run of spaces is tried once, not from every offset.
_ID_SEPARATOR: Final = Lazy(r"(?<!\s)\s*(?:,|\band\b|\bor\b|&)\s*")
# Provisions written before the title: "Section 47 of the", "paragraph 4 of Schedule 5 to the".
_BEFORE: Final = Lazy(rf"(?P<clauses>{_CLAUSES})\s+(?:of|to|under)\s+(?:the\s+)?$", re.IGNORECASE)
# Tried only where a unit's name starts (see ``Started``): searched from every
# offset of its window, the pattern cost more than the rest of a citation.
_BEFORE_STARTED: Final = Started(
    _BEFORE,
    first_letters(
        "section", r"ss?\.", r"s(?=\d)", "part", "schedule", r"sch\.", "regulation",
        r"regs?\.", "paragraph", r"paras?\.", "article", r"arts?\.", "rule", "chapter",
    ),
)  # fmt: skip
# Provisions written after the year: ", sections 26(1) and 26A(1), as amended".
_AFTER: Final = Lazy(
    rf"(?:,?\s*(?P<clauses>{_CLAUSES}))?(?P<amended>,?\s*as\s+amended\b)?", re.IGNORECASE
)
# Unit names as written (lower case, singular) to the names provisions use.
_UNIT_NAMES: Final = {
    "s": "section",
    "ss": "section",
    "sch": "Schedule",
    "schedule": "Schedule",
    "part": "Part",
    "reg": "regulation",
    "para": "paragraph",
    "art": "article",
}

# -- titles --------------------------------------------------------------------
_TITLE_WORD: Final = Lazy(r"[A-Z][\w’'\-]*")
_CONNECTORS: Final = frozenset(("and", "of", "for", "in", "on", "to", "with", "&", "etc"))
# Capitalised words that start sentences and clauses but never stand in a title.
# fmt: off
_NOT_TITLE: Final = frozenset((
    "The", "This", "That", "These", "Those", "Under", "In", "On", "At", "By", "As", "If", "When",
    "Where", "While", "However", "And", "Also", "See", "Section", "Sections", "Part", "Parts",
    "Schedule", "Schedules", "Regulation", "Paragraph", "Council", "Councils", "Ombudsman", "Mr",
    "Mrs", "Ms", "Miss", "Dr", "Mx", "I", "We", "Our", "My", "Its", "His", "Her", "Their", "A",
    "An", "It", "Both", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
))
# fmt: on
_OPENERS: Final = "(‘“\"'"
_YEAR_TOKEN: Final = Lazy(_YEAR)
_TITLE_WINDOW: Final = 160

# -- guidance ------------------------------------------------------------------
_QUOTED: Final = Lazy(r"[‘“\"'](?P<title>[A-Z][^‘’“”\"\n]{2,150}?)[’”\"'](?![\w])")
_KNOWN_STATUTORY: Final = Lazy(
    r"Working\s+together|Keeping\s+children\s+safe\s+in\s+education|Care\s+and\s+support\s+statutory"
    r"|Special\s+educational\s+needs(?:\s+and\s+disability)?\s+code|SEND\s+code"
    r"|Homelessness\s+code\s+of\s+guidance|Promoting\s+the\s+education\s+of\s+looked",
    re.IGNORECASE,
)
_UNQUOTED_KNOWN: Final = Lazy(
    r"Working\s+(?:Together(?:\s+(?i:to\s+safeguard\s+children))?|together\s+(?i:to\s+safeguard\s+children))"
    rf"(?:\s+(?P<year>{_YEAR})\b)?"
)
# The Ombudsman's own named guidance, cited without quotation marks: "our Assessment Code".
_OMBUDSMAN_GUIDANCE: Final = Lazy(r"Assessment\s+Code|Guidance\s+on\s+Remedies")
_GUIDANCE_BEFORE: Final = Lazy(
    r"(?:guidance|code\s+of\s+practice|code\s+of\s+guidance|guide|circular)\W{0,3}$", re.IGNORECASE
)
_GUIDANCE_TITLE: Final = Lazy(r"\b(?:Guidance|Code\s+of\s+Practice|Guide)\b", re.IGNORECASE)
_STATUTORY: Final = Lazy(r"\bstatutory\b", re.IGNORECASE)
_YEAR_AFTER: Final = Lazy(
    rf"\s*\((?:[A-Za-z]+\s+)?(?P<paren>{_YEAR})\b[^()\n]{{0,40}}\)|,\s*(?P<comma>{_YEAR})\b"
)
_YEAR_AT_END: Final = Lazy(rf"\s+(?P<year>{_YEAR})$")
_ACT_IN_TITLE: Final = Lazy(rf"\b(?:Act|Regulations|Order|Rules)\s+{_YEAR}\b")


class _Found(NamedTuple):
    """A citation found in one passage, with offsets into the passage's text.

    The citation's own fields: the ``Citation`` is made once, when the words
    and span are known (a tuple costs far less than a second attrs object).
    """

    start: int
    end: int
    title: str
    year: int | None
    kind: CitationKind
    provisions: tuple[str, ...] = ()
    as_amended: bool = False


_new_tuple: Final = tuple.__new__


def _found(
    start: int,
    end: int,
    title: str,
    year: int | None,
    kind: CitationKind,
    provisions: tuple[str, ...] = (),
    as_amended: bool = False,
) -> _Found:
    """``_Found(...)``, made by ``tuple.__new__`` (the named tuple's ``__new__`` runs in Python)."""
    return _new_tuple(_Found, (start, end, title, year, kind, provisions, as_amended))


def find_citations(decision: Decision) -> tuple[Citation, ...]:
    """Return the citations of legislation and guidance in a decision, in document order.

    Examples:
        >>> import lgo_parse
        >>> d = lgo_parse.Decision(summary="(Local Government Act 1974, section 34(3), as amended)")
        >>> c = find_citations(d)[0]
        >>> c.title, c.year, c.provisions, c.as_amended
        ('Local Government Act 1974', 1974, ('34(3)',), True)
    """
    return read_citations(context_of(decision))


def read_citations(context: Context) -> tuple[Citation, ...]:
    """Return the citations in the decision's shared reading (the registered finder)."""
    found: list[Citation] = []
    for passage, marks in _citing(context):
        found.extend(citations_in(passage, marks))
    # "the Local Government Act" after "Local Government Act 1974" names it again.
    dated = {c.title[: -len(str(c.year))].strip() for c in found if c.year is not None}
    return tuple(
        c
        for c in found
        if c.year is not None or c.kind is CitationKind.STATUTORY_GUIDANCE or c.title not in dated
    )


# What every reader needs before it can find anything (``_may_cite``), as one
# pattern: a title's last word, a quotation mark before a capital (a quoted
# title's first letter; most quotation marks are apostrophes, many written
# "‘"), the start of "Working Together". It starts with a character set,
# which the engine skips to in C, and tells the words apart by what follows
# that character.
_CITES: Final = Lazy(
    "[ARGOCW‘“\"'](?:(?<=A)ct|(?<=R)(?:egulations|ules)|(?<=O)rder|(?<=G)uidance|(?<=C)ode"
    "|(?<=W)orking|(?<=[‘“\"'])(?=[A-Z]))"
)


def _citing(context: Context) -> Iterator[tuple[Passage, list[int]]]:
    """Yield each passage that ``_may_cite`` passes, with where ``_CITES`` matches in it.

    Read from the decision's one scan (``_scan.SCAN``, shared with the
    parties), which marks each place ``_CITES`` matches with its ``cite``
    group, except where a name starts there ("Order 2"): those few are tested
    here. None of the words spans the NUL between passages, and no name holds
    one past its own first character, so the marks are the starts of
    ``_CITES.finditer`` over the passage (``_marks``), in order.
    """
    text, starts = context.joined
    passages = context.passages
    last = len(starts) - 1
    following = 0
    base = 0
    marks: list[int] = []
    passage: Passage | None = None
    for hit in context.matches(SCAN):
        start = hit.start
        if hit.kind != "cite" and (
            text[start] not in _CITE_CAPITALS or _CITES.match(text, start) is None
        ):
            continue
        if start >= following:
            if passage is not None:
                yield passage, marks
            index = bisect.bisect_right(starts, start) - 1
            passage = passages[index]
            base = starts[index]
            following = starts[index + 1] if index < last else len(text) + 1
            marks = []
        marks.append(start - base)
    if passage is not None:
        yield passage, marks


def _marks(text: str) -> list[int]:
    """Where ``_CITES`` matches in ``text``: where a citation's reading can start."""
    return [match.start() for match in _CITES.finditer(text)]


_CITE_CAPITALS: Final = frozenset("ARGOCW")
"""The capitals a match of ``_CITES`` starts with."""


def _may_cite(text: str) -> bool:
    """Whether any reader can find a citation in ``text``: most passages cite nothing.

    False only when ``citations_in`` would find nothing: a statute's last word
    is "Act", "Regulations", "Order", "Rules", "Guidance" or "Code", quoted
    guidance needs a quotation mark before a capital, and "Working Together"
    its capital.
    """
    return _CITES.search(text) is not None


def citations_in(passage: Passage, marks: list[int] | None = None) -> list[Citation]:
    """Return the citations in one passage, in order, with their spans.

    ``marks`` are where ``_CITES`` matches in the passage's text (``_marks``,
    which is what it defaults to): every reader starts only at one of them,
    or a word before one.
    """
    text = passage.text
    if marks is None:
        marks = _marks(text)
    found = [
        *_statutes(text, marks),
        *_quoted_guidance(text, marks),
        *_unquoted_guidance(text, marks),
    ]
    if not found:
        return []
    # The same words can be read twice ("‘Children Act 1989’" is a quoted
    # title and an Act); the widest reading wins.
    found.sort(key=lambda f: (f.start, -f.end))
    kept: list[_Found] = []
    for item in found:
        if kept and item.end <= kept[-1].end:
            continue
        kept.append(item)
    return [
        make_citation(
            f.title,
            f.year,
            f.kind,
            f.provisions,
            f.as_amended,
            text[f.start : f.end],
            passage.span_of(f.start, f.end),
        )
        for f in kept
    ]


# -- statutes ------------------------------------------------------------------


# An Act or regulations cited without a year ("the Party Wall Act", "the
# Environmental Information Regulations") counts when its title has at least
# two words before "Act", and the decision cites no title with a year that it
# shortens (then it is a back-reference: see ``read_citations``).
_YEARLESS_KINDS: Final = (
    CitationKind.STATUTORY_GUIDANCE,
    CitationKind.ACT,
    CitationKind.REGULATION,
)
_YEARLESS_WORDS: Final = 2


def _word_before(text: str, at: int, word: str) -> int:
    """Where ``word`` starts when it stands before ``text[at]`` with white space between, or -1.

    White space is what ``\\s`` matches, which is what ``str.isspace`` tests.
    """
    end = at
    while end and text[end - 1].isspace():
        end -= 1
    start = end - len(word)
    return start if end < at and start >= 0 and text.startswith(word, start) else -1


def _anchor_starts(text: str, marks: list[int]) -> Iterator[int]:
    """Where ``_ANCHOR`` can match: at "Act", "Regulations", "Rules", "Order" and "Code",
    and at "Statutory" before "Guidance"."""
    for at in marks:
        first = text[at]
        if first in "AROC":
            yield at
        elif first == "G":
            before = _word_before(text, at, "Statutory")
            if before >= 0:
                yield before


def _statutes(text: str, marks: list[int]) -> Iterator[_Found]:
    for anchor in matches_at(_ANCHOR, text, _anchor_starts(text, marks)):
        year = anchor["year"]
        kind = _ANCHOR_KINDS[text[anchor.start()]]
        if not _starts_word(text, anchor.start()) or (year is None and kind not in _YEARLESS_KINDS):
            continue
        start = _title_start(text, anchor.start())
        if start is None:
            continue
        if (
            year is None
            and kind is not CitationKind.STATUTORY_GUIDANCE
            and (
                len(text[start : anchor.start()].split()) < _YEARLESS_WORDS
                or text[anchor.start()] == "O"
            )
        ):
            continue  # "the Care Act", "an Order": a back-reference or a word, not a title
        title = " ".join(text[start : anchor.end()].split())
        provisions: list[str] = []
        begin, end = start, anchor.end()
        if year is None:
            # Guidance may carry its year after the title: "SEND Code of Practice (2015)".
            year_after = _YEAR_AFTER.match(text, end)
            if year_after is not None:
                year = year_after["paren"] or year_after["comma"]
                end = year_after.end()
        if _ends_with_of(text, start):
            # The window searched as a string of its own: ``$`` stands at its end,
            # as it does at ``endpos``, and the pattern looks no further back.
            window = max(0, start - 100)
            before = _BEFORE_STARTED.search(text[window:start])
            if before is not None:
                provisions += _provisions(before["clauses"])
                begin = window + before.start()
        after = _AFTER.match(text, end) if _may_follow(text, end) else None
        as_amended = False
        if after is not None and (after["clauses"] or after["amended"]):
            if after["clauses"]:
                provisions += _provisions(after["clauses"])
            as_amended = after["amended"] is not None
            end = after.end()
        yield _found(
            begin, end, title, int(year) if year else None, kind, tuple(provisions), as_amended
        )
        if year:
            # "the Children’s Act 1989 and 2004": the same title in a second year.
            again = _AND_YEAR.match(text, anchor.end())
            if again is not None:
                second = again["year"]
                yield _found(
                    again.start("year"),
                    again.end("year"),
                    title[: -len(year)] + second,
                    int(second),
                    kind,
                )


# What ``_AFTER`` can read first, after a comma and spaces: a unit's name
# ("sections", "Part", "reg.") or "as amended", in any case (a long s "ſ" is an
# s to the engine).
_AFTER_FIRST: Final = frozenset("sSpPrRaAcCſ")


def _may_follow(text: str, end: int) -> bool:
    """Whether ``_AFTER`` can read anything at ``end``: false only when it matches nothing.

    ``_AFTER`` is an optional comma, white space (``\\s``, which is what
    ``str.isspace`` tests), then a unit's name or "as amended", in any case:
    the words after a title are mostly "and", "(", "as", which this tells
    apart without the pattern (slow to try, being case-insensitive).
    """
    size = len(text)
    if end < size and text[end] == ",":
        end += 1
    while end < size and text[end].isspace():
        end += 1
    if end >= size or text[end] not in _AFTER_FIRST:
        return False
    low = text[end : end + _AFTER_LONGEST].lower()
    if not low.isascii() and ("ı" in low or "ſ" in low or "\u0307" in low):
        return True  # a letter the engine folds otherwise (``_patterns._ODD_FOLDS``)
    return low.startswith(_AFTER_STARTS) or (low[:1] == "s" and low[1:2].isdigit())


# How what ``_AFTER`` reads can start, in lower case: a unit's name (``_UNIT``,
# "s" before a digit aside) or "as amended".
_AFTER_STARTS: Final = (
    "section", "s.", "ss.", "part", "schedule", "sch.", "regulation", "reg.", "regs.",
    "paragraph", "para.", "paras.", "article", "art.", "arts.", "rule", "chapter", "as",
)  # fmt: skip
_AFTER_LONGEST: Final = 10


def _starts_word(text: str, at: int) -> bool:
    return at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "_’'")


_OF: Final = ("of", "to", "under")


def _ends_with_of(text: str, end: int) -> bool:
    """Whether ``text[:end]`` ends as ``_BEFORE`` needs: "of ", "to the ", "under " (any case).

    A cheap test before that pattern, which is slow to search: true whenever
    it can match (it may be true when it cannot).
    """
    if not end or not text[end - 1].isspace():
        return False
    head = text[max(0, end - 100) : end].rstrip().lower()
    if head.endswith("the") and len(head) > 3 and head[-4].isspace():
        shorter = head[:-3].rstrip()
        if _word_before_ends(shorter):
            return True
    return _word_before_ends(head)


def _word_before_ends(head: str) -> bool:
    for word in _OF:
        if head.endswith(word) and len(head) > len(word) and head[-len(word) - 1].isspace():
            return True
    return False


def _title_start(text: str, anchor: int) -> int | None:
    """Return where the title ending at ``anchor`` ("... Act") starts, reading backwards.

    The words (runs of non-space, as ``\\S+`` reads them) of the
    ``_TITLE_WINDOW`` characters before ``anchor`` are read one at a time from
    the end (``_word_ending``), so reading stops where the title does: most
    titles are a few words.
    """
    low = max(0, anchor - _TITLE_WINDOW)
    start: int | None = None
    in_brackets = False
    seen_and = False
    current = _word_ending(text, anchor, low)
    while current is not None:
        position, token = current
        before = _word_ending(text, position, low)
        if in_brackets:
            # Inside "(Charging and Assessment of Resources)", read backwards.
            if token.startswith("("):
                in_brackets = False
                start = position
            current = before
            continue
        if token.startswith("(") and token.endswith(")"):
            start = position
            current = before
            continue
        if token.endswith(")") and "(" not in token:
            in_brackets = True
            current = before
            continue
        if before is not None and before[1] == "Act" and _YEAR_TOKEN.fullmatch(token):
            current = before
            continue  # "Mental Capacity Act 2005 Code of Practice"
        word = token
        if word.endswith(","):
            # Only a list inside a title: "Housing Grants, Construction and Regeneration Act".
            if not seen_and or start is None:
                break
            word = word[:-1]
        opened = word.lstrip(_OPENERS)
        # (A title word starts with a capital: most words are tried no further.)
        if "A" <= opened[:1] <= "Z" and _is_title_word(opened) and opened not in _NOT_TITLE:
            start = position + len(word) - len(opened)
        elif opened in _CONNECTORS and opened == word:
            seen_and = seen_and or opened == "and"
        else:
            break
        if opened != word:
            break  # an opening bracket or quotation mark starts the title
        current = before
    return None if in_brackets else start


def _is_title_word(word: str) -> bool:
    """Whether ``_TITLE_WORD`` matches the whole of ``word``, which starts with a capital.

    A capital and letters or digits (``str.isalnum`` is what ``\\w`` tests,
    the underscore aside) is told without the pattern: most title words are.
    """
    rest = word[1:]
    return not rest or rest.isalnum() or _TITLE_WORD.fullmatch(word) is not None


def _word_ending(text: str, end: int, low: int) -> tuple[int, str] | None:
    """Return ``(start, word)`` for the last word of ``text[low:end]``, or ``None``.

    A word is a run of characters that are not white space (``str.isspace``,
    which is what ``\\s`` tests). A word that starts at ``low`` when the text
    runs on before ``low`` is cut by the window, and is not read.
    """
    stop = end
    while stop > low and text[stop - 1].isspace():
        stop -= 1
    if stop == low:
        return None
    # Most words end at a plain space: found with ``rfind``. A word that is
    # printable holds no other white space (``str.isprintable`` is false for
    # every character ``str.isspace`` is true for but the space), else it is
    # read back a character at a time.
    begin = text.rfind(" ", low, stop) + 1 or low
    word = text[begin:stop]
    if not word.isprintable():
        begin = stop - 1
        while begin > low and not text[begin - 1].isspace():
            begin -= 1
        word = text[begin:stop]
    if begin == low and low > 0 and not text[low - 1].isspace():
        return None
    return begin, word


_ID_SEPARATORS: Final = (",", "and", "or", "&")
"""What a match of ``_ID_SEPARATOR`` needs one of."""


def _ids(ids: str) -> list[str]:
    """The ids of a clause's ``ids`` ("26(1) and 26A(1)"): split at ``_ID_SEPARATOR``.

    Most clauses name one id: a text holding none of ``_ID_SEPARATORS`` is
    not split (the pattern cannot match there).
    """
    for separator in _ID_SEPARATORS:
        if separator in ids:
            return [i for i in _ID_SEPARATOR.split(ids) if i]
    return [ids] if ids else []


_PLAIN_UNITS: Final = frozenset(
    unit + plural
    for unit in (
        "section", "part", "schedule", "regulation", "paragraph", "article", "rule", "chapter",
    )
    for plural in ("", "s")
)  # fmt: skip
"""The units ``_UNIT`` reads as a whole word of letters, in lower case ("sections", "part")."""


def _clause_parts(clauses: str) -> list[tuple[str, str]]:
    """``(unit, ids)`` as written, for each match of ``_CLAUSE_PARTS`` in ``clauses``, in order.

    Most clauses are a unit, a space and a number ("Section 47"): that one
    match is read without the pattern, which is slow to search (it is
    case-insensitive, and starts with a group).
    """
    unit, space, ids = clauses.partition(" ")
    if space and ids.isdecimal() and unit.lower() in _PLAIN_UNITS:
        return [(unit, ids)]
    return [(clause["unit"], clause["ids"]) for clause in _CLAUSE_PARTS.finditer(clauses)]


def _provisions(clauses: str) -> list[str]:
    parts: list[tuple[str, list[str]]] = []
    for written, written_ids in _clause_parts(clauses):
        unit = written.lower().rstrip(".")
        if len(unit) > 2 and unit.endswith("s"):
            unit = unit[:-1]
        unit = _UNIT_NAMES.get(unit, unit)
        ids = _ids(written_ids)
        parts.append((unit, ids))
    provisions: list[str] = []
    i = 0
    while i < len(parts):
        unit, ids = parts[i]
        following = parts[i + 1] if i + 1 < len(parts) else None
        if following and {unit, following[0]} == {"Schedule", "paragraph"}:
            # "Schedule 5/5a, paragraph 4" and "paragraph 4 of Schedule 5" name one provision.
            schedule, paragraphs = (
                (ids, following[1]) if unit == "Schedule" else (following[1], ids)
            )
            provisions += [f"Schedule {' and '.join(schedule)}, paragraph {p}" for p in paragraphs]
            i += 2
            continue
        if unit == "section":
            provisions += ids
        else:
            provisions += [f"{unit} {id_}" for id_ in ids]
        i += 1
    return provisions


# -- guidance ------------------------------------------------------------------


def _quoted_guidance(text: str, marks: list[int]) -> Iterator[_Found]:
    for quoted in matches_at(_QUOTED, text, [at for at in marks if text[at] in _OPENING_MARKS]):
        if text[quoted.start()] == "'" and not _starts_word(text, quoted.start()):
            continue  # an apostrophe ("O'Neill"), not an opening quotation mark
        title = quoted["title"].strip()
        if _may_hold_act(title) and _ACT_IN_TITLE.search(title):
            continue  # read as a statute
        before = text[max(0, quoted.start() - 60) : quoted.start()]
        year_after = _YEAR_AFTER.match(text, quoted.end())
        # (A year at the end of a title ends with a digit: most titles are not tried.)
        year_in_title = _YEAR_AT_END.search(title) if title[-1:].isdigit() else None
        known = _KNOWN_STATUTORY.match(title) is not None
        if not (
            known
            or _GUIDANCE_BEFORE_GATED.search(before)
            or _GUIDANCE_TITLE_GATED.search(title)
            or year_after
            or year_in_title
        ):
            continue
        year: str | None = None
        end = quoted.end()
        if year_after is not None:
            year = year_after["paren"] or year_after["comma"]
            end = year_after.end()
        elif year_in_title is not None:
            year = year_in_title["year"]
            title = title[: year_in_title.start()]
        after = text[end : end + 60]
        statutory = known or _STATUTORY_GATED.search(before) or _STATUTORY_GATED.search(after)
        yield _found(
            quoted.start(),
            end,
            " ".join(title.split()),
            int(year) if year else None,
            CitationKind.STATUTORY_GUIDANCE if statutory else CitationKind.OTHER,
        )


_OPENING_MARKS: Final = "‘“\"'"
"""The quotation marks ``_QUOTED`` starts with."""

# Most quoted words are not guidance: the case-insensitive patterns that tell
# run only on a text holding their words (``Gated``), and the statute's one
# where a statute's last word stands.
_GUIDANCE_BEFORE_GATED: Final = Gated(_GUIDANCE_BEFORE, "guid", "code", "circular")
_GUIDANCE_TITLE_GATED: Final = Gated(_GUIDANCE_TITLE, "guid", "code")
_STATUTORY_GATED: Final = Gated(_STATUTORY, "statutory")


def _may_hold_act(title: str) -> bool:
    """Whether ``_ACT_IN_TITLE`` can match ``title``: false only when it cannot."""
    return "Act" in title or "Regulations" in title or "Order" in title or "Rules" in title


def _unquoted_guidance(text: str, marks: list[int]) -> Iterator[_Found]:
    # "Assessment Code" is marked at "Code", "Guidance on Remedies" at "Guidance".
    ombudsman = [
        _word_before(text, at, "Assessment") if text[at] == "C" else at
        for at in marks
        if text[at] in "CG"
    ]
    for match in matches_at(_OMBUDSMAN_GUIDANCE, text, [at for at in ombudsman if at >= 0]):
        if _starts_word(text, match.start()):
            title = " ".join(match.group().split())
            yield _found(match.start(), match.end(), title, None, CitationKind.OTHER)
    for match in matches_at(_UNQUOTED_KNOWN, text, [at for at in marks if text[at] == "W"]):
        if not _starts_word(text, match.start()):
            continue
        year = match["year"]
        title = text[match.start() : match.start("year") if year else match.end()]
        yield _found(
            match.start(),
            match.end(),
            " ".join(title.split()),
            int(year) if year else None,
            CitationKind.STATUTORY_GUIDANCE,
        )
