"""Running lark's LALR(1) tables with a loop made for this grammar.

lark compiles the grammar and computes the LALR tables; this module runs
them. lark's own loop is general: it wraps every rule's callback in child
filters, builds a ``Tree`` for each inlined rule and hashes ``Rule`` objects
on every reduction, which together cost about a third of a parse here. The
loop below does the same job with the tables rewritten once into plain
tuples: each reduction calls the builder's method for the rule directly, and
inlined rules (``_name`` and lark's ``__star`` helpers) hand a plain list to
the rule above them.

The semantics are lark's: terminals whose names start with ``_`` are
dropped, inlined rules splice their children into their parent, and a
``?rule`` with one child is replaced by that child.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lark import Lark
from lark.exceptions import UnexpectedToken
from lark.lexer import LexerState
from lark.parsers.lalr_analysis import Shift
from lark.utils import TextSlice

from ._lexer import LineToken

Reducer = Callable[[Any, list[Any]], Any]


class _ParserView:
    """What the line lexer reads of the parser: the state stack and lark's table."""

    __slots__ = ("parse_conf", "state_stack", "states")

    def __init__(self, states: Any, stack: list[int]) -> None:
        self.parse_conf = self
        self.states = states
        self.state_stack = stack

    @property
    def position(self) -> int:
        return self.state_stack[-1]


class Driver:
    """An LALR(1) parser over lark's tables that builds the model as it reduces."""

    def __init__(self, lark: Lark, builder: Callable[[], Any], start: str = "start") -> None:
        """Rewrite lark's tables; ``builder`` makes the object whose methods build each parse."""
        self._builder = builder
        frontend: Any = lark.parser
        table = frontend.parser._parse_table
        self._lexer = frontend.lexer
        self._lark_states = table.states
        self._start = table.start_states[start]
        reducers = {rule: _reducer(rule, builder) for rule in lark.rules}
        # state -> terminal -> (shift?, next state | (size, goto name, reducer))
        self._actions: dict[int, dict[str, tuple[bool, Any]]] = {}
        self._goto: dict[int, dict[str, int]] = {}
        for state, row in table.states.items():
            actions: dict[str, tuple[bool, Any]] = {}
            goto: dict[str, int] = {}
            for name, (action, arg) in row.items():
                symbol = str(name)  # lark's rule names are Tokens: slow to compare
                if action is not Shift:
                    origin = str(arg.origin.name)
                    actions[symbol] = (False, (len(arg.expansion), origin, reducers[arg]))
                elif symbol.isupper() or symbol.startswith("$"):
                    actions[symbol] = (True, arg)  # a terminal: shift it
                else:
                    goto[symbol] = arg  # a rule just reduced: go to
            self._actions[state] = actions
            self._goto[state] = goto

    def parse(self, text: TextSlice[str]) -> Any:
        """Parse ``text`` and return what the start rule's builder method returns.

        Raises:
            UnexpectedToken: A line the grammar does not allow where it stands.
        """
        actions = self._actions
        goto = self._goto
        builder = self._builder()
        stack = [self._start]
        values: list[Any] = []
        view = _ParserView(self._lark_states, stack)
        token = LineToken("$END", "", text.start, 1)
        for token in self._lexer.lex(LexerState(text), view):
            kind = token.type
            while True:
                action = actions[stack[-1]].get(kind)
                if action is None:
                    raise _unexpected(token, actions[stack[-1]])
                if action[0]:
                    stack.append(action[1])
                    values.append(token)
                    break
                size, origin, reduce = action[1]
                if size:
                    args = values[-size:]
                    del values[-size:]
                    del stack[-size:]
                else:
                    args = []
                values.append(reduce(builder, args))
                stack.append(goto[stack[-1]][origin])
        end = LineToken("$END", "", token.start_pos, token.line)
        while True:
            action = actions[stack[-1]].get("$END")
            if action is None or action[0]:
                raise _unexpected(end, actions[stack[-1]])
            size, origin, reduce = action[1]
            args = values[-size:] if size else []
            if size:
                del values[-size:]
                del stack[-size:]
            value = reduce(builder, args)
            if origin == "start":
                return value
            values.append(value)
            stack.append(goto[stack[-1]][origin])


def _unexpected(token: LineToken, row: dict[str, Any]) -> UnexpectedToken:
    expected = {t for t in row if t.isupper() or t.startswith("$")}
    return UnexpectedToken(token, expected)  # type: ignore[no-untyped-call]


def _reducer(rule: Any, builder: Callable[[], Any]) -> Reducer:
    """Build the function that turns a rule's matched values into its result."""
    keep = [
        (i, not sym.is_term and sym.name.startswith("_"))
        for i, sym in enumerate(rule.expansion)
        if not (sym.is_term and sym.filter_out)
    ]
    # A rule of a template (``body{_web_block}``) is built by the template's method.
    name = str(rule.options.template_source or rule.origin.name)
    inline = name.startswith("_")
    method: Callable[[Any, list[Any]], Any] | None = None
    if not inline:
        method = getattr(builder, name, None)
    if rule.options.expand1 and len(keep) == 1 and not keep[0][1]:
        only = keep[0][0]
        return lambda _builder, args: args[only]  # ``?rule`` with one child: the child
    if method is None and not inline:
        raise TypeError(f"the builder has no method for grammar rule {name!r}")

    if len(keep) == len(rule.expansion) and not any(expand for _, expand in keep):
        gather: Callable[[list[Any]], list[Any]] = _same
    else:
        # Left recursion (``__x_star: __x_star x``): extend the list the
        # inlined rule already built instead of copying it, so lists stay linear.
        reuse_first = keep[:1] == [(0, True)]
        steps = keep[1:] if reuse_first else keep

        def gather(args: list[Any]) -> list[Any]:
            out: list[Any] = args[0] if reuse_first else []
            for i, expand in steps:
                if expand:
                    out.extend(args[i])
                else:
                    out.append(args[i])
            return out

    if method is None:
        return lambda _builder, args: gather(args)
    if gather is _same:
        return method
    found = method
    return lambda builder, args: found(builder, gather(args))


def _same(args: list[Any]) -> list[Any]:
    return args
