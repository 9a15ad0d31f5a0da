"""The mypyc-compiled hot path gives exactly what its pure-Python source gives.

The standard wheel compiles the modules listed in ``pyproject.toml``
(``mypyc-modules``, built by ``hatch_build.py``). When the ``lgo_parse`` this
suite imports is such a build (CI installs it with ``pip install ".[test]"``),
``tests/compiled_equivalence.py`` runs twice in fresh interpreters over every
fixture: once as installed (the extension modules load) and once with a path
hook that loads the ``.py`` files of that same installed package instead; see
that script's docstring. The two dumps (whole models with layout and spans,
render, every fact, ``parse_all``, and each error's type, message, line and
column) must be equal. Under an editable install (pure Python) there is nothing
to compare and the test is skipped; ``tests/test_packaging.py`` runs the same
comparison in a virtual environment with a freshly built wheel.
"""

from __future__ import annotations

import importlib.machinery
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import lgo_parse._lexer

TESTS = Path(__file__).resolve().parent
SCRIPT = TESTS / "compiled_equivalence.py"
FIXTURES = TESTS / "fixtures"

COMPILED = lgo_parse._lexer.__file__.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


def compiled_modules() -> list[str]:
    """The modules ``pyproject.toml`` asks ``hatch_build.py`` to compile."""
    tomllib = pytest.importorskip("tomllib", reason="reading pyproject.toml needs Python 3.11")
    pyproject = tomllib.loads((TESTS.parent / "pyproject.toml").read_text(encoding="utf-8"))
    hook = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["hooks"]["custom"]
    modules: list[str] = hook["mypyc-modules"]
    return modules


def dump(python: str | Path, mode: str, out: Path, fixtures: Path = FIXTURES) -> dict[str, Any]:
    """Run the dump script with ``python`` in ``mode`` (compiled or pure) and read its dump."""
    subprocess.run(
        [str(python), str(SCRIPT), mode, str(fixtures), str(out)],
        check=True,
        cwd=out.parent,  # not the checkout: only the installed package can be imported
        timeout=600,
    )
    found: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return found


def assert_same_results(compiled: dict[str, Any], pure: dict[str, Any]) -> None:
    """The two dumps are equal; else name the first input they differ on, and how."""
    assert compiled["results"].keys() == pure["results"].keys()
    for name, found in compiled["results"].items():
        expected = pure["results"][name]
        for key in sorted(found.keys() | expected.keys()):
            assert found.get(key) == expected.get(key), (
                f"{name}: {key} differs between the compiled and the pure modules:\n"
                f"compiled: {json.dumps(found.get(key))[:2000]}\n"
                f"pure:     {json.dumps(expected.get(key))[:2000]}"
            )


def assert_each_run_was_what_it_says(compiled: dict[str, Any], pure: dict[str, Any]) -> None:
    """The compiled run loaded every listed module compiled; the pure run none."""
    assert pure["extension_modules"] == [], "the path hook let extension modules load"
    assert set(compiled["extension_modules"]) >= set(compiled_modules())


@pytest.mark.slow
@pytest.mark.skipif(not COMPILED, reason="the imported lgo_parse is pure Python (editable?)")
def test_compiled_and_pure_modules_give_identical_results(tmp_path: Path) -> None:
    (tmp_path / "compiled").mkdir()
    (tmp_path / "pure").mkdir()
    compiled = dump(sys.executable, "compiled", tmp_path / "compiled" / "dump.json")
    pure = dump(sys.executable, "pure", tmp_path / "pure" / "dump.json")
    assert_each_run_was_what_it_says(compiled, pure)
    assert len(pure["results"]) > 3 * len(list(FIXTURES.rglob("*.txt")))  # each three ways
    assert_same_results(compiled, pure)


def test_the_comparison_sees_a_difference() -> None:
    # The check above must be able to fail: one column off in one error.
    same = {"results": {"a.txt": {"parse": {"error": "ParseError", "line": 3, "column": 1}}}}
    other = {"results": {"a.txt": {"parse": {"error": "ParseError", "line": 3, "column": 2}}}}
    assert_same_results(same, same)
    with pytest.raises(AssertionError, match=r"a\.txt: parse differs"):
        assert_same_results(same, other)


def test_the_scan_is_read_by_hand_where_it_runs_compiled() -> None:
    # Guards the choice of scan: by hand compiled (fast), by the engine in pure Python
    # (the loops over code points run many times slower interpreted).
    from lgo_parse._facts import _scan

    compiled = _scan.__file__.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))
    assert _scan.BY_HAND is compiled
    assert compiled is COMPILED
