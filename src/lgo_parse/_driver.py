"""Running the grammar's LALR(1) tables with a loop made for this grammar.

lark compiles the grammar and computes the LALR tables (at build time:
``python -m lgo_parse._grammar`` writes them to ``decision.lark.json``);
this module runs them, without importing lark. Each reduction calls the
builder's method for the rule directly, and inlined rules (``_name`` and
lark's ``__star`` helpers) hand a plain list to the rule above them.

What a terminal does where the parser stands (the reductions it triggers,
then the shift) depends only on the state stack. Each stack the parser
stands on is interned as a ``StackNode``; ``Driver.step`` works out a
terminal's step once per node and keeps it on the node, with the node it
leads to. So a parse walks from node to node by one dict lookup per line,
and the lexer's viability question reads the same steps. A state's row of
the tables is read when the parser first enters it.

The semantics are lark's: terminals whose names start with ``_`` are
dropped, inlined rules splice their children into their parent, and a
``?rule`` with one child is replaced by that child.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from ._errors import UnexpectedLineError
from ._grammar import state_row
from ._lexer import LineLexer, LineToken

Reducer = Callable[[Any, list[Any]], Any]


Reduction = tuple[int, int, Reducer]
"""``(operation, size, reducer)``: how one reduction changes the value stack
(see ``_operation``)."""

STEPS_MAX: Final = 65536
"""Steps remembered per parser: stacks stay shallow (lists are left-recursive)
and repeat from document to document, so a few hundred cover a corpus."""


class Step:
    """What the parser does with a terminal on a stack: reductions, then a shift or a failure."""

    __slots__ = ("after", "failed_state", "ok", "reductions")

    def __init__(
        self,
        ok: bool,
        after: StackNode | None,
        failed_state: int,
        reductions: tuple[Reduction, ...],
    ) -> None:
        self.ok = ok
        self.after = after
        """The stack after the shift (``ok``); after ``$END``, the empty stack."""
        self.failed_state = failed_state
        """Where the terminal fails (not ``ok``), after the reductions made before."""
        self.reductions = reductions


class StackNode:
    """A state stack the parser has stood on, and what each terminal did there.

    Stacks are interned (one node per stack), so the steps taken from a stack
    are remembered on its node and a parse moves from node to node.
    """

    __slots__ = ("actions", "stack", "steps")

    def __init__(self, stack: tuple[int, ...], actions: dict[str, tuple[bool, Any]]) -> None:
        self.stack = stack
        self.actions = actions
        """The top state's actions, by terminal."""
        self.steps: dict[str, Step] = {}

    @property
    def top(self) -> int:
        """The state on top of the stack."""
        return self.stack[-1]


class ParserState:
    """What the line lexer reads of the parser: where it stands, and what it can shift."""

    __slots__ = ("_driver", "node")

    def __init__(self, driver: Driver, node: StackNode) -> None:
        self._driver = driver
        self.node = node

    def viable(self, terminal: str) -> bool:
        """Would the parser shift ``terminal`` after the reductions it triggers?

        An LALR table merges look-aheads of similar states, so a terminal
        listed in a state's actions may still fail after a few reductions.
        """
        step = self.node.steps.get(terminal)
        if step is None:
            step = self._driver.step(terminal, self.node)
        return step.ok


class Driver:
    """An LALR(1) parser over the grammar's tables that builds the model as it reduces."""

    def __init__(self, tables: dict[str, Any], builder: Callable[[], Any]) -> None:
        """Read the tables; ``builder`` makes the object whose methods build each parse."""
        self._builder = builder
        self._lexer = LineLexer(tables["terminals"])
        rules = [
            (rule["size"], rule["origin"], _reducer(rule, builder), _operation(rule))
            for rule in tables["rules"]
        ]
        self._rules = rules
        self._rows: list[str] = tables["states"]
        # state -> terminal -> (shift?, next state | (size, goto name, reducer, operation)),
        # and state -> rule name -> next state; each row read on first use.
        self.actions: dict[int, dict[str, tuple[bool, Any]]] = _Rows(self._read)
        self.goto: dict[int, dict[str, int]] = _Rows(self._read)
        self._nodes: dict[tuple[int, ...], StackNode] = {}
        self._steps = 0
        self._start = self.node((tables["start"],))

    def _read(self, state: int) -> None:
        """Read a state's row of the tables into ``actions`` and ``goto``."""
        actions: dict[str, tuple[bool, Any]] = {}
        goto: dict[str, int] = {}
        for symbol, (shift, arg) in state_row(self._rows[state]).items():
            if not shift:
                actions[symbol] = (False, self._rules[arg])
            elif symbol.isupper() or symbol.startswith("$"):
                actions[symbol] = (True, arg)  # a terminal: shift it
            else:
                goto[symbol] = arg  # a rule just reduced: go to
        dict.__setitem__(self.actions, state, actions)
        dict.__setitem__(self.goto, state, goto)

    def node(self, stack: tuple[int, ...]) -> StackNode:
        """The node of a stack (made on first use); the empty stack has no actions."""
        found = self._nodes.get(stack)
        if found is None:
            found = StackNode(stack, self.actions[stack[-1]] if stack else {})
            if self._steps < STEPS_MAX:
                self._nodes[stack] = found
        return found

    def step(self, terminal: str, node: StackNode) -> Step:
        """Work out (and remember) what ``terminal`` does on a stack: reductions, then a shift.

        ``$END`` ends with the reduction to the start rule (the stack after it is ``()``).
        """
        actions = self.actions
        goto = self.goto
        states = list(node.stack)
        reductions: list[Reduction] = []
        while True:
            action = actions[states[-1]].get(terminal)
            if action is None or (action[0] and terminal == END):
                found = Step(False, None, states[-1], tuple(reductions))
                break
            if action[0]:
                states.append(action[1])
                found = Step(True, self.node(tuple(states)), -1, tuple(reductions))
                break
            size, origin, reduce, operation = action[1]
            reductions.append((operation, size, reduce))
            if origin == START:
                found = Step(True, self.node(()), -1, tuple(reductions))
                break
            if size:
                del states[-size:]
            states.append(goto[states[-1]][origin])
        if self._steps < STEPS_MAX:
            self._steps += 1
            node.steps[terminal] = found
        return found

    def parse(self, text: str, start: int, end: int) -> Any:
        """Parse ``text[start:end]`` and return what the start rule's builder method returns.

        Raises:
            UnexpectedLineError: A line the grammar does not allow where it stands.
        """
        builder = self._builder()
        node = self._start
        values: list[Any] = []
        view = ParserState(self, node)
        token = LineToken(END, "", start, 1)
        for token in self._lexer.lex(text, start, end, view):
            found = node.steps.get(token.type)
            if found is None:
                found = self.step(token.type, node)
            for operation, size, reduce in found.reductions:
                if operation == APPEND:
                    value = values.pop()
                    values[-1].append(value)
                elif operation == EXTEND:
                    value = values.pop()
                    values[-1].extend(value)
                elif operation == CALL_ON_TOP:
                    values[-1] = reduce(builder, [values[-1]])
                elif operation == WRAP:
                    values[-1] = [values[-1]]
                elif operation == CALL:
                    values.append(reduce(builder, _pop(values, size)))
                # KEEP: the inlined rule's list is already on top
            after = found.after
            if after is None:
                raise _unexpected(token, self.actions[found.failed_state])
            values.append(token)
            view.node = node = after
        end_token = LineToken(END, "", token.start_pos, token.line)
        found = self.step(END, node)
        for _operation, size, reduce in found.reductions:  # a few, at the end: the general way
            values.append(reduce(builder, _pop(values, size)))
        if not found.ok:
            raise _unexpected(end_token, self.actions[found.failed_state])
        return values[-1]


END: Final = "$END"
START: Final = "start"

CALL: Final = 0
CALL_ON_TOP: Final = 1
APPEND: Final = 2
EXTEND: Final = 3
WRAP: Final = 4
KEEP: Final = 5
"""How a reduction changes the value stack: call the rule's reducer on its values;
the same for one value, in place; and four shapes of an inlined rule done
without a call: add the new value to the list below it (``__x_star: __x_star x``),
or the new list's values (``__x_star: __x_star _y``, ``_y`` inlined), make a
one-value list (``_x: y``), or keep the list on top (``_x: __x_star``)."""


def _pop(values: list[Any], size: int) -> list[Any]:
    """Take the top ``size`` values off the stack."""
    if not size:
        return []
    args = values[-size:]
    del values[-size:]
    return args


def _operation(rule: dict[str, Any]) -> int:
    """The operation for a rule; see ``CALL``."""
    keep = [tuple(k) for k in rule["keep"]]
    size = rule["size"]
    if rule["name"].startswith("_") and not rule["expand1"]:
        if size == 2 and keep == [(0, True), (1, False)]:
            return APPEND
        if size == 2 and keep == [(0, True), (1, True)]:
            return EXTEND
        if size == 1 and keep == [(0, False)]:
            return WRAP
        if size == 1 and keep == [(0, True)]:
            return KEEP
    return CALL_ON_TOP if size == 1 else CALL


class _Rows(dict):  # type: ignore[type-arg]
    """A dict of the parser's rows that reads a missing row from the tables."""

    def __init__(self, read: Callable[[int], None]) -> None:
        super().__init__()
        self._read = read

    def __missing__(self, state: int) -> Any:
        self._read(state)
        return self[state]


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
        shared: dict[str, str] = getattr(builder, "SHARED_METHODS", {})
        method = getattr(builder, shared.get(name, name), None)
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
