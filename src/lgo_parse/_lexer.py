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

import re
from collections.abc import Iterator
from typing import Any

from lark import Token
from lark.common import LexerConf
from lark.lexer import Lexer, LexerState, PatternStr
from lark.parsers.lalr_analysis import Shift

ITEM_TERMINALS = ("NUMBERED_ITEM", "BULLET_ITEM", "DASH_ITEM")
"""Terminals whose indentation decides nesting."""

RESERVED = ("TITLE",)
"""Terminals taken even where the parser cannot accept them, so that the
parser reports them: a second title line means a page listing several
decisions. Not in free-text states (chrome), where anything goes."""

FREE_TEXT = "CHROME_LINE"

MAX_DEPTH = 8
"""List nesting deeper than this is kept flat at the deepest level: real
statements use three levels, and a bounded tree never recurses deeply."""

TRUNCATED_PREFIX_MIN = 4
"""A last line cut short ("Back to to") is read as the fixed-text terminal it
starts, when at least this many characters of it remain."""


class LineToken(Token):
    """A token for one line, carrying the layout around its content.

    ``value`` is the line without its line ending and trailing white space,
    indentation included.
    """

    __slots__ = ("blanks", "eol", "trail")

    trail: str
    eol: str
    blanks: tuple[str, ...]


def _line_token(
    type_: str, value: str, start: int, line: int, trail: str, eol: str
) -> LineToken:
    tok = str.__new__(LineToken, value)
    tok.type = type_
    tok.value = value
    tok.start_pos = start
    tok.line = line
    tok.column = 1
    tok.end_line = line
    tok.end_column = len(value) + 1
    tok.end_pos = start + len(value)
    tok.trail = trail
    tok.eol = eol
    tok.blanks = ()
    return tok


def _marker_token(type_: str, pos: int, line: int) -> Token:
    return Token(type_, "", pos, line, 1, line, 1, pos)


class LineLexer(Lexer):
    """Lexes a decision statement into one token per non-blank line."""

    __future_interface__ = 2

    def __init__(self, conf: LexerConf) -> None:
        self._patterns: dict[str, str] = {}
        self._priority: dict[str, int] = {}
        self._literals: dict[str, str] = {}
        for term in conf.terminals:
            self._patterns[term.name] = term.pattern.to_regexp()
            self._priority[term.name] = term.priority
            if isinstance(term.pattern, PatternStr):
                self._literals[term.name] = term.pattern.value.lower()
        self._by_state: dict[Any, tuple[re.Pattern[str], frozenset[str]]] = {}
        self._by_accepts: dict[frozenset[str], re.Pattern[str]] = {}
        names = [n for n in self._patterns if n != FREE_TEXT]
        self._any = self._combine(names)
        self._items = self._combine(ITEM_TERMINALS)

    def _combine(self, names: Any) -> re.Pattern[str]:
        ordered = sorted(names, key=lambda n: (-self._priority[n], n))
        return re.compile("|".join(f"(?P<{n}>{self._patterns[n]})" for n in ordered))

    def _for_names(self, names: frozenset[str]) -> re.Pattern[str]:
        regex = self._by_accepts.get(names)
        if regex is None:
            regex = self._by_accepts[names] = self._combine(names)
        return regex

    def _for_state(self, parser_state: Any) -> tuple[re.Pattern[str], frozenset[str]]:
        state = parser_state.position
        try:
            return self._by_state[state]
        except KeyError:
            pass
        names = {n for n in parser_state.parse_conf.states[state] if n in self._patterns}
        if FREE_TEXT not in names:
            names.update(RESERVED)
        key = frozenset(names)
        self._by_state[state] = found = (self._for_names(key), key)
        return found

    def _classify(self, content: str, last: bool, parser_state: Any) -> str:
        """Pick the terminal for a line: the first one, by priority, the parser can shift."""
        regex, names = self._for_state(parser_state)
        while True:
            match = regex.fullmatch(content)
            if match is None:
                # Nothing fits here: report the line as what it looks like
                # anywhere, so that the parser's error names it.
                match = self._any.fullmatch(content)
                return match.lastgroup if match and match.lastgroup else "TEXT"
            kind = match.lastgroup or "TEXT"
            if kind in RESERVED or _viable(parser_state, kind):
                break
            names = names - {kind}
            regex = self._for_names(names)
        if last and kind in ("HEADING", "TEXT", FREE_TEXT):
            lowered = content.lower()
            for name, literal in self._literals.items():
                if (
                    len(lowered) >= TRUNCATED_PREFIX_MIN
                    and literal.startswith(lowered)
                    and _viable(parser_state, name)
                ):
                    return name
        return kind

    def lex(self, lexer_state: LexerState, parser_state: Any) -> Iterator[Token]:
        text_slice = lexer_state.text
        text: str = text_slice.text
        pos: int = text_slice.start
        end: int = text_slice.end
        line_no = text.count("\n", 0, pos) + 1
        items = self._items
        stack: list[int] = []  # indentation widths of open list levels
        pending: LineToken | None = None
        blanks: list[str] = []

        while pos < end:
            nl = text.find("\n", pos, end)
            if nl < 0:
                raw = text[pos:end]
                eol = ""
                nxt = end
            else:
                raw = text[pos:nl]
                eol = "\n"
                nxt = nl + 1
                if raw.endswith("\r"):
                    raw = raw[:-1]
                    eol = "\r\n"
            content = raw.rstrip()
            if not content:
                blanks.append(raw + eol)
                pos = nxt
                line_no += 1
                continue
            if pending is not None:
                pending.blanks = tuple(blanks)
                blanks.clear()
                yield pending
                pending = None

            is_item = bool(stack) and items.fullmatch(content) is not None
            if stack and not is_item:
                for _ in range(len(stack) - 1):
                    yield _marker_token("_DEDENT", pos, line_no)
                stack.clear()
            kind = (
                items.fullmatch(content).lastgroup or "TEXT"  # type: ignore[union-attr]
                if is_item
                else self._classify(content, nl < 0, parser_state)
            )
            token = _line_token(kind, content, pos, line_no, raw[len(content) :], eol)
            if kind in ITEM_TERMINALS:
                yield from _indentation(stack, content, token)
            pending = token
            pos = nxt
            line_no += 1

        if pending is not None:
            pending.blanks = tuple(blanks)
            blanks.clear()
            yield pending
        for _ in range(len(stack) - 1):
            yield _marker_token("_DEDENT", end, line_no)


def _viable(parser_state: Any, terminal: str) -> bool:
    """Would the parser shift ``terminal`` after the reductions it triggers?

    An LALR table merges look-aheads of similar states, so a terminal listed
    in a state's actions may still fail after a few reductions. Running those
    reductions on a copy of the state stack (no values, no callbacks) tells.
    """
    states = parser_state.parse_conf.states
    stack = parser_state.state_stack
    action = states[stack[-1]].get(terminal)
    if action is None:
        return False
    if action[0] is Shift:
        return True
    stack = list(stack)
    while True:
        action = states[stack[-1]].get(terminal)
        if action is None:
            return False
        if action[0] is Shift:
            return True
        rule = action[1]
        if rule.expansion:
            del stack[-len(rule.expansion) :]
        stack.append(states[stack[-1]][rule.origin.name][1])


def _indentation(stack: list[int], content: str, token: LineToken) -> Iterator[Token]:
    """Update the open list levels for an item line; yield INDENT/DEDENT tokens."""
    width = len(content) - len(content.lstrip(" \t"))
    if not stack:
        stack.append(width)
    elif width > stack[-1]:
        if len(stack) < MAX_DEPTH:
            stack.append(width)
            yield _marker_token("_INDENT", token.start_pos, token.line)
    else:
        while len(stack) > 1 and width < stack[-1]:
            stack.pop()
            yield _marker_token("_DEDENT", token.start_pos, token.line)
        if width < stack[-1]:
            stack[-1] = width  # below the first item's indent: still top level
        elif width > stack[-1] and len(stack) < MAX_DEPTH:
            stack.append(width)
            yield _marker_token("_INDENT", token.start_pos, token.line)
