"""Running the grammar's LALR(1) tables with a loop made for this grammar.

lark compiles the grammar and computes the LALR tables (at build time:
``python -m lgo_parse._grammar`` writes them to ``decision.lark.json``);
this module runs them, without importing lark. Each reduction calls the
builder's method for the rule directly, and inlined rules (``_name`` and
lark's ``__star`` helpers) hand a plain list to the rule above them.

The semantics are lark's: terminals whose names start with ``_`` are
dropped, inlined rules splice their children into their parent, and a
``?rule`` with one child is replaced by that child.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._errors import UnexpectedLineError
from ._lexer import LineLexer, LineToken

Reducer = Callable[[Any, list[Any]], Any]


class _ParserView:
    """What the line lexer reads of the parser: the state stack and the tables."""

    __slots__ = ("goto", "state_stack", "states")

    def __init__(
        self,
        states: list[dict[str, tuple[bool, Any]]],
        goto: list[dict[str, int]],
        stack: list[int],
    ) -> None:
        self.states = states
        self.goto = goto
        self.state_stack = stack

    @property
    def position(self) -> int:
        return self.state_stack[-1]


class Driver:
    """An LALR(1) parser over the grammar's tables that builds the model as it reduces."""

    def __init__(self, tables: dict[str, Any], builder: Callable[[], Any]) -> None:
        """Read the tables; ``builder`` makes the object whose methods build each parse."""
        self._builder = builder
        self._lexer = LineLexer(tables["terminals"])
        self._start: int = tables["start"]
        rules = [
            (rule["size"], rule["origin"], _reducer(rule, builder)) for rule in tables["rules"]
        ]
        # state -> terminal -> (shift?, next state | (size, goto name, reducer))
        self._actions: list[dict[str, tuple[bool, Any]]] = []
        self._goto: list[dict[str, int]] = []
        for row in tables["states"]:
            actions: dict[str, tuple[bool, Any]] = {}
            goto: dict[str, int] = {}
            for symbol, (shift, arg) in row.items():
                if not shift:
                    actions[symbol] = (False, rules[arg])
                elif symbol.isupper() or symbol.startswith("$"):
                    actions[symbol] = (True, arg)  # a terminal: shift it
                else:
                    goto[symbol] = arg  # a rule just reduced: go to
            self._actions.append(actions)
            self._goto.append(goto)

    def parse(self, text: str, start: int, end: int) -> Any:
        """Parse ``text[start:end]`` and return what the start rule's builder method returns.

        Raises:
            UnexpectedLineError: A line the grammar does not allow where it stands.
        """
        actions = self._actions
        goto = self._goto
        builder = self._builder()
        stack = [self._start]
        values: list[Any] = []
        view = _ParserView(actions, goto, stack)
        token = LineToken("$END", "", start, 1)
        for token in self._lexer.lex(text, start, end, view):
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
                if size == 1:  # the most common reduction: replace the top in place
                    values[-1] = reduce(builder, [values[-1]])
                    stack[-1] = goto[stack[-2]][origin]
                    continue
                if size:
                    args = values[-size:]
                    del values[-size:]
                    del stack[-size:]
                else:
                    args = []
                values.append(reduce(builder, args))
                stack.append(goto[stack[-1]][origin])
        end_token = LineToken("$END", "", token.start_pos, token.line)
        while True:
            action = actions[stack[-1]].get("$END")
            if action is None or action[0]:
                raise _unexpected(end_token, actions[stack[-1]])
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


def _unexpected(token: LineToken, row: dict[str, Any]) -> UnexpectedLineError:
    return UnexpectedLineError(token, set(row))  # a row of ``actions`` holds terminals only


def _reducer(rule: dict[str, Any], builder: Callable[[], Any]) -> Reducer:
    """Build the function that turns a rule's matched values into its result."""
    keep: list[tuple[int, bool]] = [(i, expand) for i, expand in rule["keep"]]
    # A rule of a template (``body{_web_block}``) is built by the template's method.
    name: str = rule["name"]
    inline = name.startswith("_")
    method: Callable[[Any, list[Any]], Any] | None = None
    if not inline:
        method = getattr(builder, name, None)
    if rule["expand1"] and len(keep) == 1 and not keep[0][1]:
        only = keep[0][0]
        return lambda _builder, args: args[only]  # ``?rule`` with one child: the child
    if method is None and not inline:
        raise TypeError(f"the builder has no method for grammar rule {name!r}")

    if len(keep) == rule["size"] and not any(expand for _, expand in keep):
        gather: Reducer = _same
    else:
        # Left recursion (``__x_star: __x_star x``): extend the list the
        # inlined rule already built instead of copying it, so lists stay linear.
        reuse_first = keep[:1] == [(0, True)]
        steps = keep[1:] if reuse_first else keep

        def gather(_builder: Any, args: list[Any]) -> list[Any]:
            out: list[Any] = args[0] if reuse_first else []
            for i, expand in steps:
                if expand:
                    out.extend(args[i])
                else:
                    out.append(args[i])
            return out

    if method is None:
        return gather  # an inlined rule: its children, as a list, for the rule above
    if gather is _same:
        return method
    found = method
    return lambda builder, args: found(builder, gather(builder, args))


def _same(_builder: Any, args: list[Any]) -> list[Any]:
    return args
