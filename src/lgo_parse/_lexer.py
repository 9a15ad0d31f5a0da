"""A line-level contextual lexer for the decision grammar.

Every terminal in ``decision.lark`` describes one whole line. For each line
the lexer asks the parser which terminals it can accept next and tries only
those, highest priority first, as lark's own contextual lexer does for
characters. So "Decision : Upheld" is a header field in the header and an
ordinary line in the body, and the grammar alone says which.

Blank lines never become tokens: they ride on the token before them as
layout. List items get ``_INDENT`` / ``_DEDENT`` tokens around deeper levels.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Final

from ._errors import LATER_STARTS, RESERVED_STARTS

if TYPE_CHECKING:  # the driver imports this module
    from ._driver import ParserState

ITEM_TERMINALS: Final = ("NUMBERED_ITEM", "BULLET_ITEM", "DASH_ITEM")
"""Terminals whose indentation decides nesting."""

RESERVED: Final = RESERVED_STARTS
"""Terminals that start a statement. They are taken even where the parser
cannot accept them, so that the parser reports them: a second title line (or
label, or letter head) in the body or in the chrome after the signature means
that a second statement starts there (or that the page lists several)."""

_RESERVED_SET: Final = frozenset(RESERVED)

FREE_TEXT: Final = "CHROME_LINE"
SIGNATURES: Final = ("SIGNATURE", "DRAFT_SIGNATURE")
SIGNATURE_HINT: Final = "behalf"
"""Every signature wording has this word; a cheap test before the regex."""
SIGNATURE_ENDS: Final = ("n", "N", "n.", "N.")
"""Every signature line ends so ("... Ombudsman."); a cheaper test still, made first."""

_SIGNATURE_SET: Final = frozenset(SIGNATURES)
_FREE_TEXT_SET: Final = frozenset((FREE_TEXT,))
_ITEM_SET: Final = frozenset(ITEM_TERMINALS)

CONTINUATION: Final = "CONTINUATION"
HEADER_FIELDS: Final = frozenset(("CATEGORY_FIELD", "OUTCOME_FIELD", "DATE_FIELD"))
HEADER_LABELS: Final = frozenset(("CATEGORY_LABEL", "OUTCOME_LABEL", "DATE_LABEL"))
HEADER_LINES: Final = (
    HEADER_FIELDS
    | HEADER_LABELS
    | frozenset(
        (
            "TITLE",
            "FINAL_DECISION_LABEL",
            "DRAFT_DECISION_LABEL",
            "SUMMARY_LINE",
            "SUMMARY_LABEL",
            "SEPARATOR",
            "CONTENTS_ENTRY",
        )
    )
)
SUMMARY_LABEL: Final = "SUMMARY_LABEL"
FREE_LINES: Final = frozenset(
    (
        "TEXT",
        "CHROME_LINE",
        "PLAIN_LINE",
        "CONTINUATION",
        "SUMMARY_TEXT",
        "FIELD_VALUE",
        "SOURCE_TEXT",
        "CITATION_LINE",
    )
)
EMPTY_FIELD_RULE: Final = """A header label alone on its line ("Decision :") is the label of a value
on the next line (scraper output), unless the next line is another header
line or there is none: then it is a field with no value. "Summary:" alone
likewise labels the next line, unless that line reads as anything but text
(a heading, a list item, a header line)."""
KNOWN_HEADINGS: Final = (
    "the complaint",
    "what i have investigated",
    "what i have and have not investigated",
    "the ombudsman's role and powers",
    "how i considered this complaint",
    "what i found",
    "my assessment",
    "agreed action",
    "final decision",
    "parts of the complaint that i did not investigate",
    "background",
    "complaint background",
    "legal and administrative background",
    "legislation and guidance",
    "what happened",
    "analysis",
    "injustice",
    "recommended action",
    "recommendations",
    "draft decision",
    "findings",
    "finding",
)
"""The headings FORMATS.md lists, in small letters: a cut last line that starts one is a heading."""
NOTHING: Final[frozenset[str]] = frozenset()
NO_SIGNATURE: Final = frozenset(("SIGNATURE", "DRAFT_SIGNATURE"))
TEXT_LINES: Final = ("TEXT", "PLAIN_LINE")
NO_CONTINUATION: Final = frozenset(("CONTINUATION",))
NO_HEADING: Final = frozenset(("HEADING",))
# Cheap tests before the statement-start regex: how those lines begin.
_START_WORDS: Final = ("The", "Complaint", "Summary", "Category", "Source")
_INDENTED: Final = " \t-•"
_LONGEST_DATE: Final = 30
RUN_IN_HEADINGS: Final = frozenset(("RUN_IN_MAIN_HEADING", "RUN_IN_SUB_HEADING"))
"""A heading and its first sentence on one line: read so only where plain lines are
paragraphs (copies), the lexer's rule."""
_LOOK_AGAIN: Final = _SIGNATURE_SET | RUN_IN_HEADINGS | {"HEADING"}
"""The first readings ``_second_look`` may overrule."""
LONG_LAST_LINE_WORDS: Final = 12
"""A text cut off in the middle of its last line: that line, with more words
than this, is a cut sentence, not a heading."""
# A line ends a sentence when it ends with . : ; ! ? … (and closing quotes or brackets).
_SENTENCE_ENDS: Final = frozenset(".:;!?…")
_CLOSERS: Final = "’”\"')]"

_BY_CHAR_MAX: Final = 4096
"""First and last characters (and pairs of them) remembered, each with its set
of terminals: a text in an unusual script does not grow the cache without end."""

COMBINE_AFTER: Final = 16
"""A set of terminals tried this many times gets one combined regex (see ``_first``)."""

MAX_DEPTH: Final = 8
"""List nesting deeper than this is kept flat at the deepest level: real
statements use three levels, and a bounded tree never recurses deeply."""

TRUNCATED_PREFIX_MIN: Final = 4
"""The last line of a text cut short ("Back to to") is read as the fixed-text
terminal it starts, when at least this many characters of it remain."""


class LineToken:
    """A token for one line, carrying the layout around its content.

    Not a lark ``Token`` (a ``str`` with a dozen attributes): the parser reads
    only ``type``, and errors read ``line``, ``column`` and ``start_pos``.

    Attributes:
        type: The terminal's name; INDENT and DEDENT tokens have no line.
        value: The line without its line ending and trailing white space,
            indentation included.
        start_pos: Offset of the line's first character.
        line: 1-based line number.
        trail: Trailing white space, including a stray carriage return.
        eol: The line ending.
        blanks: Blank lines after the line, each with its line ending.
        rest: Further lines carried by a token that stands for all of the
            free text up to the end.
        final: Whether this is the last non-blank line of the text.
    """

    __slots__ = (
        "blanks",
        "eol",
        "final",
        "line",
        "rest",
        "start_pos",
        "trail",
        "type",
        "value",
    )

    column = 1

    def __init__(
        self, type_: str, value: str, start: int, line: int, trail: str = "", eol: str = ""
    ) -> None:
        self.type = type_
        self.value = value
        self.start_pos = start
        self.line = line
        self.trail = trail
        self.eol = eol
        self.blanks: tuple[str, ...] = ()
        self.rest: tuple[LineToken, ...] = ()
        self.final = False

    def __repr__(self) -> str:
        return f"LineToken({self.type!r}, {self.value!r}, line={self.line})"


def _marker_token(type_: str, pos: int, line: int) -> LineToken:
    return LineToken(type_, "", pos, line)


class LineLexer:
    """Lexes a decision statement into one token per non-blank line."""

    def __init__(self, terminals: list[dict[str, Any]]) -> None:
        """Read the terminals (name, pattern, priority, literal) from the grammar's tables."""
        self._patterns: dict[str, str] = {}
        self._priority: dict[str, int] = {}
        self._literals: dict[str, str] = {}
        # For each end of a line (0: its first character, 1: its last), each terminal's
        # set of characters (see ``_firsts``): a regex, and its ASCII characters.
        self._ends: tuple[dict[str, str | None], dict[str, str | None]] = ({}, {})
        self._ends_ascii: tuple[dict[str, str | None], dict[str, str | None]] = ({}, {})
        for term in terminals:
            name = term["name"]
            self._patterns[name] = term["pattern"]
            self._priority[name] = term["priority"]
            self._ends[0][name] = term["first"]
            self._ends[1][name] = term["last"]
            self._ends_ascii[0][name] = term["first_ascii"]
            self._ends_ascii[1][name] = term["last_ascii"]
            if term["literal"] is not None:
                self._literals[name] = term["literal"]
        self._by_state: dict[int, frozenset[str]] = {}
        self._interned: dict[frozenset[str], frozenset[str]] = {}
        self._by_accepts: dict[frozenset[str], re.Pattern[str]] = {}
        self._uses: dict[frozenset[str], int] = {}
        self._ordered: dict[frozenset[str], tuple[str, ...]] = {}
        self._single: dict[str, re.Pattern[str]] = {}
        self._anywhere = [n for n in self._patterns if n != FREE_TEXT]
        self._by_ends: dict[str, frozenset[str]] = {}
        self._names_with_ends: dict[tuple[frozenset[str], str], frozenset[str]] = {}
        self._by_end_char: tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]] = ({}, {})
        self._end_regexes: list[dict[str, re.Pattern[str]] | None] = [None, None]
        self._to_end: dict[int, tuple[str, ...] | None] = {}
        self._items = self._combine(ITEM_TERMINALS)
        self._signature = self._combine(SIGNATURES)
        self._labels = self._combine(HEADER_LABELS | {SUMMARY_LABEL})
        self._starts = self._combine(set(RESERVED) | LATER_STARTS)

    def _combine(self, names: Iterable[str]) -> re.Pattern[str]:
        ordered = sorted(names, key=lambda n: (-self._priority[n], n))
        return re.compile("|".join(f"(?P<{n}>{self._patterns[n]})" for n in ordered))

    def _first(self, names: frozenset[str], content: str) -> str | None:
        """The first of ``names``, by priority, that matches the whole line (or None).

        A set of names seen often gets one combined regex; until then (a
        one-file run) each terminal is tried on its own, in the same order,
        which gives the same answer without compiling a regex per set.
        """
        regex = self._by_accepts.get(names)
        if regex is None:
            uses = self._uses[names] = self._uses.get(names, 0) + 1
            if uses < COMBINE_AFTER:
                return self._first_alone(names, content)
            regex = self._by_accepts[names] = self._combine(names)
        match = regex.fullmatch(content)
        return None if match is None else (match.lastgroup or "TEXT")

    def _overall(self, content: str) -> str | None:
        """The terminal a (non-empty) line reads as anywhere: the first of all, by priority.

        Only the terminals that can start with the line's first character and
        end with its last are tried (each terminal's FIRST and LAST sets, read
        from its pattern when the tables were made): the same answer as
        trying them all.
        """
        return self._first(self._possible(content), content)

    def _possible(self, content: str) -> frozenset[str]:
        """The terminals a (non-empty) line can be, by its first and last characters."""
        names = self._by_ends.get(content[0] + content[-1])
        if names is None:
            names = self._by_end_chars(content[0], content[-1])
        return names

    def _with_ends(self, names: frozenset[str], content: str) -> frozenset[str]:
        """Those of ``names`` that a line can start and end as this one does."""
        key = (names, content[0] + content[-1])
        found = self._names_with_ends.get(key)
        if found is None:
            # (Free text is in no such set: it is what a line is when nothing else fits.)
            found = names & (self._possible(content) | _FREE_TEXT_SET)
            found = self._interned.setdefault(found, found)
            if len(self._names_with_ends) < _BY_CHAR_MAX:
                self._names_with_ends[key] = found
        return found

    def _by_end_chars(self, first: str, last: str) -> frozenset[str]:
        names = self._with_end(0, first) & self._with_end(1, last)
        names = self._interned.setdefault(names, names)
        if len(self._by_ends) < _BY_CHAR_MAX:
            self._by_ends[first + last] = names
        return names

    def _with_end(self, end: int, char: str) -> frozenset[str]:
        """The terminals a line can start (``end`` 0) or end (1) with ``char`` in."""
        cache = self._by_end_char[end]
        names = cache.get(char)
        if names is not None:
            return names
        if char.isascii():  # the tables list the ASCII characters of each set
            ascii_sets = self._ends_ascii[end]
            names = frozenset(
                n for n in self._anywhere if (chars := ascii_sets[n]) is None or char in chars
            )
        else:
            regexes = self._end_regexes[end]
            if regexes is None:
                regexes = self._end_regexes[end] = {
                    n: re.compile(f)
                    for n in self._anywhere
                    if (f := self._ends[end][n]) is not None
                }
            names = frozenset(
                n for n in self._anywhere if n not in regexes or regexes[n].match(char) is not None
            )
        if len(cache) < _BY_CHAR_MAX:
            cache[char] = names
        return names

    def _first_alone(self, names: frozenset[str], content: str) -> str | None:
        ordered = self._ordered.get(names)
        if ordered is None:
            ordered = self._ordered[names] = tuple(
                sorted(names, key=lambda n: (-self._priority[n], n))
            )
        single = self._single
        for name in ordered:
            regex = single.get(name)
            if regex is None:
                regex = single[name] = re.compile(self._patterns[name])
            if regex.fullmatch(content) is not None:
                return name
        return None

    def _for_state(self, parser_state: ParserState) -> frozenset[str]:
        state = parser_state.node.top
        try:
            return self._by_state[state]
        except KeyError:
            pass
        names = {n for n in parser_state.node.actions if n in self._patterns}
        names.update(RESERVED)
        self._by_state[state] = key = frozenset(names)
        return key

    def _wrapping(self, content: str, parser_state: ParserState) -> bool:
        """Does this line run on from an open line above (the wrapping rule)?

        Where the grammar lets a block run on over further lines (decision
        documents), a line whose predecessor does not end a sentence
        continues it, unless it starts a list item.
        """
        accepts = parser_state.node.actions
        return (
            CONTINUATION in accepts
            and self._items.fullmatch(content) is None
            and parser_state.viable(CONTINUATION)
        )

    def _classify(
        self,
        content: str,
        last: bool,
        parser_state: ParserState,
        previous: str = "",
        exclude: frozenset[str] = frozenset(),
    ) -> str:
        """Pick the terminal for a line: the first one, by priority, the parser can shift.

        Most lines are what they look like anywhere: the highest-priority
        terminal of all is also the first the parser can take. Only when it
        is not (a header field in the body, a background heading inside the
        findings) do the state's own terminals decide, which keeps the
        number of regexes compiled at start-up small.

        Two named rules beside the grammar: a header field right after
        another one that the parser cannot take is a repeated field (the
        parser reports it); and ``exclude`` names a terminal the caller has
        ruled out for this line.
        """
        kind = self._overall(content)
        if kind is not None and kind not in exclude:
            action = parser_state.node.actions.get(kind)
            if (
                (action is not None and (action[0] or parser_state.viable(kind)))
                or kind in _RESERVED_SET
                or (kind in HEADER_FIELDS and previous in HEADER_FIELDS)
            ):
                return self._cut_short(kind, content, last, parser_state) if last else kind
        names = self._for_state(parser_state)
        if exclude & names:
            names = names - exclude
        names = self._with_ends(names, content)
        while True:
            kind = self._first(names, content)
            if kind is None:
                # Nothing fits here: report the line as what it looks like
                # anywhere, so that the parser's error names it.
                return self._overall(content) or "TEXT"
            if kind in _RESERVED_SET or parser_state.viable(kind):
                break
            names = names - {kind}
        return self._cut_short(kind, content, last, parser_state)

    def _cut_short(self, kind: str, content: str, last: bool, parser_state: ParserState) -> str:
        """Read a last line cut short ("Back to to") as the fixed-text terminal it starts."""
        if last and kind in ("HEADING", "TEXT", FREE_TEXT):
            lowered = content.lower()
            for name, literal in self._literals.items():
                if (
                    len(lowered) >= TRUNCATED_PREFIX_MIN
                    and literal.startswith(lowered)
                    and parser_state.viable(name)
                ):
                    return name
        return kind

    def _free_to_end(self, parser_state: ParserState) -> bool:
        """Can nothing but free text follow, up to the end (chrome after the signature)?"""
        state = parser_state.node.top
        try:
            others = self._to_end[state]
        except KeyError:
            accepts = parser_state.node.actions
            others = self._to_end[state] = (
                tuple(t for t in accepts if t in self._patterns and t != FREE_TEXT)
                if FREE_TEXT in accepts
                else None  # free text is not even allowed here
            )
        if others is None:
            return False
        return not any(parser_state.viable(t) for t in others)

    def _text_line(self, parser_state: ParserState) -> str:
        """The terminal for a plain line of text where the parser stands (a loose line or a
        copy's paragraph), or "" when neither can come here."""
        for name in TEXT_LINES:
            if parser_state.viable(name):
                return name
        return ""

    def _next_start(self, content: str) -> str:
        """The terminal a line starts a further statement with, after a statement's end; or "".

        A title, a label, a letter's head, a copying site's source line, and
        also what starts a copy or scraper output (a summary line, a header
        label alone) or a decision document (its date line).
        """
        match = self._starts.fullmatch(content)
        return match.lastgroup or "" if match is not None else ""

    def _second_look(
        self,
        token: LineToken,
        kind: str,
        signature: LineToken | None,
        parser_state: ParserState,
        previous: str,
        exclude: frozenset[str],
    ) -> str:
        """The named rules that overrule a line's first reading (each says why)."""
        content = token.value
        if kind in _SIGNATURE_SET and token is not signature:
            # An earlier signature line, typed into the body: the statement
            # goes on after it, and the line is a line of text.
            return self._text_line(parser_state) or self._classify(
                content, False, parser_state, previous, exclude | NO_SIGNATURE
            )
        if kind == "HEADING" and self._cut_sentence(token, parser_state):
            return self._classify(content, False, parser_state, previous, NO_HEADING)
        if kind in RUN_IN_HEADINGS and not self._plain_lines_here(parser_state):
            # A heading run into its first sentence is how copies write them;
            # on the website such a line is a line of text.
            return self._classify(
                content, token.final, parser_state, previous, exclude | RUN_IN_HEADINGS
            )
        return kind

    def _plain_lines_here(self, parser_state: ParserState) -> bool:
        """Are plain lines paragraphs where the parser stands (a copy or scraper output)?"""
        return "PLAIN_LINE" in parser_state.node.actions and parser_state.viable("PLAIN_LINE")

    def _cut_sentence(self, token: LineToken, parser_state: ParserState) -> bool:
        """Is a last line that reads as a heading a sentence cut off in the middle?

        Only a text cut in the middle of its last line (no line ending) is
        asked. A long line (more than ``LONG_LAST_LINE_WORDS`` words) is a cut
        sentence; where plain lines are paragraphs (copies, scraper output),
        so is any line that is not the start of a known heading ("Fina").
        """
        content = token.value
        if not token.final or token.eol or _LETTERED.match(content):
            return False
        if len(content.split()) > LONG_LAST_LINE_WORDS:
            return True
        lowered = " ".join(content.lower().replace("’", "'").split())
        return self._plain_lines_here(parser_state) and not any(
            h.startswith(lowered) for h in KNOWN_HEADINGS
        )

    def _empty_fields(self, tokens: list[LineToken]) -> set[LineToken]:
        """The label lines that are fields with no value (see ``EMPTY_FIELD_RULE``).

        Only lines ending with a colon can be.
        """
        found: set[LineToken] = set()
        for i, token in enumerate(tokens):
            if token.value[-1] != ":":
                continue
            label = self._labels.fullmatch(token.value)
            if label is None:
                continue
            following = tokens[i + 1].value if i + 1 < len(tokens) else None
            if following is None:
                found.add(token)
                continue
            kind = self._overall(following) or "TEXT"
            if (
                (kind not in FREE_LINES)
                if label.lastgroup == SUMMARY_LABEL
                else (kind in HEADER_LINES)
            ):
                found.add(token)
        return found

    def _last_signature(self, tokens: list[LineToken]) -> LineToken | None:
        """Find the statement's signature: its last signature line.

        Pages can carry two, the investigator's typed in the body and the
        website template's after "Back to top"; only the last one ends the
        statement. In a text holding several statements, that is the last
        signature line before the next statement starts (a title or another
        statement-start line after a signature).

        The lines before the first signature line matter only for whether
        the statement has started there, so the first one is found by how
        its line ends (``SIGNATURE_ENDS``; a substring search of the whole
        text costs more), and lines are read one by one from there.
        """
        first = self._first_signature(tokens)
        if first is None:
            return None
        # A signature before the statement starts is chrome.
        started = any(self._starts_statement(token.value) for token in tokens[:first])
        found: LineToken | None = tokens[first]
        for token in itertools.islice(tokens, first + 1, None):
            value = token.value
            if self._signs(value):
                found = token
            elif self._starts_statement(value):
                if started and found is not None:
                    break
                started = True
                found = None
        return found

    def _first_signature(self, tokens: list[LineToken]) -> int | None:
        """The index of the first token that is a signature line, or None."""
        for i, token in enumerate(tokens):
            if self._signs(token.value):
                return i
        return None

    def _signs(self, value: str) -> bool:
        """Is this line a signature line? (Cheap tests of how such lines end, first.)"""
        return (
            ends_like_signature(value)
            and SIGNATURE_HINT in value
            and self._signature.fullmatch(value) is not None
        )

    def _starts_statement(self, value: str) -> bool:
        """Does this line start a statement? (Cheap tests of how such lines begin, first.)"""
        return (
            (value.endswith(")") and value[:1] not in _INDENTED)
            or value.startswith(_START_WORDS)
            or (value[:1].isdigit() and len(value) <= _LONGEST_DATE)
        ) and self._starts.fullmatch(value) is not None

    def _free_text(self, token: LineToken, lines: Iterator[LineToken]) -> Iterator[LineToken]:
        """One token for all the rest: the grammar takes any lines here, but a
        line that starts a statement stands out (several statements)."""
        token.type = FREE_TEXT
        rest: list[LineToken] = []
        for line in lines:
            begins = self._next_start(line.value)
            if begins:
                line.type = begins
                token.rest = tuple(rest)
                yield token
                yield line
                return
            rest.append(line)
        token.rest = tuple(rest)
        yield token

    def lex(
        self, text: str, start: int, end: int, parser_state: ParserState
    ) -> Iterator[LineToken]:
        """Yield the tokens of ``text[start:end]``, asking ``parser_state`` what it accepts."""
        items = self._items.fullmatch
        stack: list[int] = []  # indentation widths of open list levels
        tokens = _physical_lines(text, start, end)
        signature = self._last_signature(tokens)
        empty_fields = self._empty_fields(tokens)
        lines = iter(tokens)
        separated = False
        previous = ""
        before = ""  # the line before, for the wrapping rule
        for token in lines:
            content = token.value
            item = None
            if stack:
                item = items(content)
                if item is None:
                    for _ in range(len(stack) - 1):
                        yield _marker_token("_DEDENT", token.start_pos, token.line)
                    stack.clear()
            accepts = parser_state.node.actions
            if item is not None:
                kind = item.lastgroup or ""
            elif FREE_TEXT in accepts and self._free_to_end(parser_state):
                kind = self._next_start(content)
                if not kind:
                    yield from self._free_text(token, lines)
                    return
            elif (
                CONTINUATION in accepts
                and not separated
                and _runs_on(before)
                and self._wrapping(content, parser_state)
            ):
                kind = CONTINUATION
            else:
                # A blank line ends a wrapped block: the next line starts a new one.
                exclude = NO_CONTINUATION if separated else NOTHING
                if empty_fields and token in empty_fields:
                    exclude = exclude | HEADER_LABELS | {SUMMARY_LABEL}
                kind = self._classify(content, token.final, parser_state, previous, exclude)
                if kind in _LOOK_AGAIN:
                    kind = self._second_look(
                        token, kind, signature, parser_state, previous, exclude
                    )
            token.type = previous = kind
            before = content
            blanks = token.blanks
            separated = bool(blanks) and (blanks == _ONE_BLANK or _separated(blanks))
            if kind in _ITEM_SET and not (
                stack and len(content) - len(content.lstrip(" \t")) == stack[-1]
            ):  # an item at the open level's indent needs no INDENT or DEDENT
                yield from _indentation(stack, content, token)
            yield token
        for _ in range(len(stack) - 1):
            yield _marker_token("_DEDENT", end, token.line)


# Page furniture of a printed document: running footers ("Final decision 3",
# "Draft decision for your comments 2", "Page 2 of 5") and page numbers.
_FOOTER: Final = re.compile(
    r"(?:(?:Final|Draft)\s+decision(?:\s+for\s+your\s+comments)?|Page)"
    r"[ \t]*\d{1,3}(?:\s+of\s+\d{1,3})?"
    r"|Draft\s+decision\s+for\s+your\s+comments",
    re.IGNORECASE,
)
_FOOTER_WORDS: Final = re.compile(r"(?:Final|Draft)\s+decision", re.IGNORECASE)
_PAGE_NUMBER: Final = re.compile(r"\d{1,3}")
_FORM_FEED: Final = "\f"
# A cheap test of each line before looking at every line for furniture: does
# it start like a footer or a page number? Made as the lines are read (a form
# feed anywhere sends the text to the paged reading at once).
_FURNITURE_LINE: Final = (
    # (A bare "Final decision" is furniture only beside a bare page number, found below.)
    r"[ \t]*(?:(?:final|draft)[ \t]+decision[ \t]*(?:\d|for)"
    r"|page[ \t]*\d|\d{1,3}[ \t\r]*$)"
)
_FURNITURE_ROW: Final = re.compile(_FURNITURE_LINE, re.IGNORECASE)
_FURNITURE_LEADS: Final = frozenset(" \tFfDdPp0123456789")
"""How a line that may be page furniture begins (ASCII; anything else is looked at)."""


def _may_be_furniture(row: str, content: str) -> bool:
    """Does this line (``content``: the row without trailing white space) match
    ``_FURNITURE_LINE``? Cheap tests of its start and length first."""
    lead = content.lstrip(" \t") if content[0] in " \t" else content
    if lead[0] in "FfDdPp":  # (no other character folds to these under re.IGNORECASE)
        return _FURNITURE_ROW.match(row) is not None
    return len(lead) <= 3 and lead.isdecimal() and _FURNITURE_ROW.match(row) is not None


def _physical_lines(text: str, pos: int, end: int) -> list[LineToken]:
    """Return a token (type not yet known) for each non-blank line, blanks after it attached.

    Only ``\n`` ends a line (``\r\n`` too, keeping the ``\r``): Python's
    ``splitlines`` would also split at form feeds and other separators.

    Page furniture is layout, like a blank line (a named pass beside the
    grammar, as lark's ``%ignore`` is): form feeds (a page break, alone on a
    line or before a line's text), running footers and page numbers next to
    a page break. So a paragraph that runs across a page break stays one
    block.
    """
    line_no = text.count("\n", 0, pos) + 1
    # (No slice for the whole text: it would be a copy of all of it, held while reading.)
    rows = (text if pos == 0 and end == len(text) else text[pos:end]).split("\n")
    if not rows[-1]:
        rows.pop()  # the text ends with a line ending
        final = -1
    else:
        final = len(rows) - 1  # the last line has no line ending
    # Most texts have no carriage return and no form feed: test those once.
    has_cr = text.find("\r", pos, end) >= 0
    if text.find(_FORM_FEED, pos, end) >= 0:
        return _paged_lines(rows, final, _furniture(rows), pos, line_no, has_cr)
    # Page furniture is looked for only if a line may be some (``_may_be_furniture``);
    # the first line counts only if it starts a line of the text.
    first_counts = pos == 0 or text[pos - 1] == "\n"
    suspect = False
    tokens: list[LineToken] = []
    append = tokens.append
    pending: LineToken | None = None
    blanks: list[str] = []
    for i, row in enumerate(rows):
        content = row.rstrip()
        if content:
            if (
                not suspect
                and (content[0] in _FURNITURE_LEADS or content[0] >= "\x80")
                and (i or first_counts)
            ):
                suspect = _may_be_furniture(row, content)
            if pending is not None:
                if blanks:
                    pending.blanks = tuple(blanks)
                    blanks.clear()
                append(pending)
            if i == final:
                pending = LineToken("", content, pos, line_no + i, row[len(content) :], "")
            elif has_cr and row[-1:] == "\r":
                pending = LineToken("", content, pos, line_no + i, row[len(content) : -1], "\r\n")
            else:
                pending = LineToken("", content, pos, line_no + i, row[len(content) :], "\n")
        else:
            blanks.append(row if i == final else row + "\n")
        pos += len(row) + 1  # a "\r" before the "\n" is in the row
    if pending is not None:
        pending.blanks = tuple(blanks)
        pending.final = True
        append(pending)
    if suspect:
        furniture = _furniture(rows)
        if furniture:
            return _paged_lines(rows, final, furniture, pos, line_no, has_cr)
    return tokens


def _paged_lines(
    rows: list[str], final: int, furniture: frozenset[int], pos: int, line_no: int, has_cr: bool
) -> list[LineToken]:
    """``_physical_lines`` for a text with form feeds or page furniture."""
    tokens: list[LineToken] = []
    append = tokens.append
    pending: LineToken | None = None
    blanks: list[str] = []
    for i, row in enumerate(rows):
        raw = row
        if i == final:
            eol = ""
        elif has_cr and raw[-1:] == "\r":
            raw = raw[:-1]
            eol = "\r\n"
        else:
            eol = "\n"
        content = raw.rstrip()
        skip = 0
        if content.startswith(_FORM_FEED):
            # A page break before the line's text: layout, like a blank line.
            skip = len(content) - len(content.lstrip(_FORM_FEED))
            content = content[skip:]
        if content and not (furniture and i in furniture):
            if skip:
                blanks.append(raw[:skip])
            if pending is not None:
                if blanks:
                    pending.blanks = tuple(blanks)
                    blanks.clear()
                append(pending)
            pending = LineToken(
                "", content, pos + skip, line_no + i, raw[skip + len(content) :], eol
            )
        else:
            blanks.append(raw + eol)
        pos += len(raw) + len(eol)
    if pending is not None:
        pending.blanks = tuple(blanks)
        pending.final = True
        append(pending)
    return tokens


def _furniture(rows: list[str]) -> frozenset[int]:
    """Return the indexes of the rows that are page furniture."""
    found: set[int] = set()
    count = len(rows)
    for i, row in enumerate(rows):
        # Every footer starts with final/draft/page, and a page number is one
        # to three digits (``\d``: what ``isdecimal`` says): cheap tests first.
        first = row.lstrip()[:1]
        if not first:
            continue
        line = row.strip()
        if first in _FOOTER_FIRST:
            if _FOOTER.fullmatch(line):
                found.add(i)
                continue
            words = _FOOTER_WORDS.fullmatch(line) is not None
            if not words:
                continue
            number = False
        elif first.isdecimal():
            if len(line) > 3 or not line.isdecimal():
                continue
            words = False
            number = True
        else:
            continue
        # "Final decision" and "3" on lines of their own: furniture when they
        # stand together; a page number also next to a page break. ("Final
        # decision" alone before a page break is a heading at a page's foot.)
        neighbours = [j for j in (i - 1, i + 1) if 0 <= j < count]
        paired = any(
            (
                _PAGE_NUMBER.fullmatch(rows[j].strip())
                if words
                else _FOOTER_WORDS.fullmatch(rows[j].strip())
            )
            for j in neighbours
        )
        page_break = number and (
            _breaks_page(row)
            or any(
                _breaks_page(rows[j]) if j > i else rows[j].strip(" \t\r") == _FORM_FEED
                for j in neighbours
            )
        )
        if paired or page_break:
            found.add(i)
    return frozenset(found)


_FOOTER_FIRST: Final = frozenset("FfDdPp")
"""The first letters of "Final decision", "Draft decision" and "Page", either case
(no other character folds to these under ``re.IGNORECASE``)."""
_LETTERED: Final = re.compile(r"[A-Z]\)\s")


_ONE_BLANK: Final = ("\n",)


def ends_like_signature(value: str) -> bool:
    """``value.endswith(SIGNATURE_ENDS)``, spelled out in characters (a third of the time)."""
    last = value[-1:]
    if last == ".":
        last = value[-2:-1]
    return last in {"n", "N"}


def _runs_on(line: str) -> bool:
    """Does this line leave its sentence open (it does not end with . : ; ! ? …)?"""
    return bool(line) and line.rstrip(_CLOSERS)[-1:] not in _SENTENCE_ENDS


def _separated(blanks: tuple[str, ...]) -> bool:
    """Do these blank lines part two blocks? (A page break, furniture and all, does not.)"""
    return bool(blanks) and not any(_FORM_FEED in row or row.strip() for row in blanks)


def _breaks_page(row: str) -> bool:
    return row.lstrip(" \t").startswith(_FORM_FEED)


def _indentation(stack: list[int], content: str, token: LineToken) -> Iterator[LineToken]:
    """Update the open list levels for an item line; yield INDENT/DEDENT tokens."""
    pos = token.start_pos
    line = token.line
    width = len(content) - len(content.lstrip(" \t"))
    if not stack:
        stack.append(width)
    elif width > stack[-1]:
        if len(stack) < MAX_DEPTH:
            stack.append(width)
            yield _marker_token("_INDENT", pos, line)
    else:
        # Close every level whose parent stands at or right of this item; an
        # item between two levels' indents is a sibling at the deeper one
        # ("  1. a" / "      • b" / "   • c": c is b's sibling).
        while len(stack) > 1 and width <= stack[-2]:
            stack.pop()
            yield _marker_token("_DEDENT", pos, line)
        stack[-1] = min(stack[-1], width)
