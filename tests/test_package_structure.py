"""The package's import graph: no module imports ``_model`` back through what ``_model`` imports.

The model is the hub every other module uses, so it may only import modules
that never import it (directly or through others), whether at the top of a
module or inside a function (a lazy import still closes a cycle). Facts and
serialisation reach the model through hooks they install, not through imports
in ``_model.py``.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "lgo_parse"


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(("lgo_parse", *parts))


def _imports(path: Path) -> set[str]:
    """Every lgo_parse module a module imports, anywhere in it (TYPE_CHECKING blocks aside)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found: set[str] = set()
    checking: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            checking.update(id(child) for sub in node.body for child in ast.walk(sub))
    for node in ast.walk(tree):
        if id(node) in checking:
            continue
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - node.level + 1]
            name = ".".join([*base, node.module] if node.module else base)
            found.add(name)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("lgo_parse"))
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in SRC.rglob("*.py")}
    return {name: {m for m in _imports(path) if m in modules} for name, path in modules.items()}


def _reaches(graph: dict[str, set[str]], start: str, goal: str) -> list[str] | None:
    """A path of imports from ``start`` to ``goal``, or None."""
    seen = {start}
    paths = [[start]]
    while paths:
        path = paths.pop()
        for nxt in sorted(graph.get(path[-1], ())):
            if nxt == goal:
                return [*path, nxt]
            if nxt not in seen:
                seen.add(nxt)
                paths.append([*path, nxt])
    return None


def test_no_import_cycle_runs_through_the_model() -> None:
    graph = _graph()
    model = "lgo_parse._model"
    assert graph[model], "the model module was not found or imports nothing"
    for imported in graph[model]:
        cycle = _reaches(graph, imported, model)
        assert cycle is None, "import cycle: " + " -> ".join([model, *cycle])


def test_the_graph_sees_a_cycle_when_there_is_one() -> None:
    # The check above must be able to fail: the builder imports the model.
    graph = _graph()
    assert _reaches(graph, "lgo_parse._build", "lgo_parse._model") is not None
