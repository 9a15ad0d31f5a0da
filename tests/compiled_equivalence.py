"""Dump what lgo-parse makes of every fixture, from its compiled or its pure-Python modules.

    python tests/compiled_equivalence.py compiled|pure FIXTURES OUT.json

Run by ``tests/test_compiled.py`` and ``tests/test_packaging.py``, once each way
in fresh interpreters, and the two dumps compared: the mypyc-compiled hot path
must give exactly what its ``.py`` files give.

Both runs import the *same installed* ``lgo_parse``. The standard wheel holds
each compiled module twice, as an extension module and as the ``.py`` file
beside it, and Python's path finder tries extension modules first. ``pure``
puts a path hook in front that finds only source files in the ``lgo_parse``
folder and its sub-packages (a compiled module would otherwise load the
compiled modules it imports itself), so there the ``.py`` files load; every
other folder (the standard library's own extension modules included) is found
as usual. Each dump names
the package's modules that were loaded from extension modules, so the caller
can check that the one run really was compiled and the other really was not.

What is dumped, for each fixture file under FIXTURES as it is, with CRLF line
ends, and cut after half its lines (to reach the error paths), plus a few
degenerate inputs: ``parse``'s whole model by recursion over the attrs fields
(layout and spans included), whether ``render`` gives the text back, the JSON
of ``to_dict()`` (every fact), and ``parse_all``'s models; or the error's
type, message, line and column.
"""

from __future__ import annotations

import enum
import importlib.machinery
import json
import os
import sys
from pathlib import Path
from typing import Any

DEGENERATE = ["", "\n", " ", "x", "\ufeff", "Example Council (23 013 577)\n"]


def use_pure_modules() -> None:
    """Make the import system load ``lgo_parse``'s ``.py`` files, not the extensions beside them."""
    source_only = importlib.machinery.FileFinder.path_hook(
        (importlib.machinery.SourceFileLoader, importlib.machinery.SOURCE_SUFFIXES)
    )

    def hook(path: str) -> Any:
        folder = os.path.normpath(path)
        if os.path.basename(folder) == "lgo_parse" or (
            os.path.basename(os.path.dirname(folder)) == "lgo_parse"  # a sub-package: _facts
        ):
            return source_only(path)
        raise ImportError("not an lgo_parse folder: the next hook finds it")

    sys.path_hooks.insert(0, hook)
    sys.path_importer_cache.clear()


def dump(value: Any) -> Any:
    """A JSON-able copy of a model: attrs fields by name, enums and other values by repr."""
    import attrs

    if attrs.has(type(value)):
        fields = attrs.fields(type(value))
        return {"@": type(value).__name__, **{f.name: dump(getattr(value, f.name)) for f in fields}}
    if isinstance(value, enum.Enum):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return [dump(item) for item in value]
    if isinstance(value, dict):
        return {repr(key): dump(item) for key, item in value.items()}
    if value is None or isinstance(value, (str, int, float)):
        return value
    return repr(value)


def error(exception: Exception) -> dict[str, Any]:
    return {
        "error": type(exception).__name__,
        "message": str(exception),
        "line": getattr(exception, "line", None),
        "column": getattr(exception, "column", None),
    }


def results(text: Any) -> dict[str, Any]:
    import lgo_parse

    found: dict[str, Any] = {}
    try:
        decision = lgo_parse.parse(text)
        found["parse"] = dump(decision)
        found["render"] = lgo_parse.render(decision) == text
        found["to_dict"] = json.dumps(decision.to_dict(), sort_keys=True, default=repr)
    except Exception as exception:  # every exception is a result to compare
        found["parse"] = error(exception)
    try:
        found["parse_all"] = dump(lgo_parse.parse_all(text))
    except Exception as exception:
        found["parse_all"] = error(exception)
    return found


def inputs(fixtures: Path) -> dict[str, Any]:
    cases: dict[str, Any] = {f"degenerate {text!r}": text for text in DEGENERATE}
    cases["bytes"] = b"Example Council (23 013 577)\n"  # a ParseError, not mypyc's TypeError
    for path in sorted(fixtures.rglob("*.txt")):
        name = path.relative_to(fixtures).as_posix()
        text = path.read_bytes().decode("utf-8")
        lines = text.splitlines(keepends=True)
        cases[name] = text
        cases[f"{name} (CRLF)"] = "".join(line.rstrip("\r\n") + "\r\n" for line in lines)
        cases[f"{name} (first half)"] = "".join(lines[: len(lines) // 2])
    return cases


def main() -> None:
    mode, fixtures, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    if mode == "pure":
        use_pure_modules()
    elif mode != "compiled":
        raise SystemExit(f"mode is compiled or pure, not {mode!r}")
    dumped = {name: results(text) for name, text in inputs(fixtures).items()}
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    extensions = sorted(
        name
        for name, module in sys.modules.items()
        if name.startswith("lgo_parse") and str(getattr(module, "__file__", "")).endswith(suffixes)
    )
    out.write_text(json.dumps({"extension_modules": extensions, "results": dumped}), "utf-8")


if __name__ == "__main__":
    main()
