"""The documentation cannot rot: its examples run, its pages build, every public name is in it.

* The docstring examples of every module of the package run as doctests.
* The code on the documentation pages runs: every ```python block is executed
  and every ```pycon block is run as a doctest (its output is checked), in
  page order, in one namespace per page, with the repository root as the
  working directory. Code that is shown but must not run is fenced as ```py,
  ```text or ```console instead.
* Every name in ``lgo_parse.__all__`` has a ``::: ...`` entry in the API
  reference (docs/reference/*.md).
* ``mkdocs build --strict`` passes (skipped when the docs tools are not installed).
"""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import os
import pkgutil
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

import lgo_parse

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
REFERENCE = DOCS / "reference"
OPTIONS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE

pytestmark = pytest.mark.skipif(
    not (ROOT / "mkdocs.yml").is_file(), reason="not a source checkout: no mkdocs.yml or docs/"
)


# -- docstrings ----------------------------------------------------------------


def package_modules() -> list[str]:
    """The package and every module in it (the facts subpackage once it is importable)."""
    names = ["lgo_parse"]
    for info in pkgutil.walk_packages(lgo_parse.__path__, "lgo_parse."):
        if not info.name.endswith("__main__"):
            names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("name", package_modules())
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=OPTIONS, verbose=False, report=True)
    assert result.failed == 0, f"{result.failed} docstring example(s) of {name} failed (see above)"


# -- the pages -----------------------------------------------------------------

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})\s*(?P<lang>[\w-]*)")


def code_blocks(page: Path) -> list[tuple[str, int, str]]:
    """Return ``(language, line number, code)`` for each fenced block of a page, in order."""
    blocks: list[tuple[str, int, str]] = []
    lines = page.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        if opening is None:
            i += 1
            continue
        indent, fence, lang = opening["indent"], opening["fence"], opening["lang"]
        body: list[str] = []
        start = i + 1
        i += 1
        while i < len(lines) and lines[i].strip() != fence:
            body.append(lines[i][len(indent) :] if lines[i].startswith(indent) else lines[i])
            i += 1
        i += 1
        blocks.append((lang, start + 1, textwrap.dedent("\n".join(body)) + "\n"))
    return blocks


def runnable_pages() -> list[Path]:
    return sorted(
        page
        for page in DOCS.rglob("*.md")
        if any(lang in ("python", "pycon") for lang, _, _ in code_blocks(page))
    )


def facts_missing() -> str | None:
    """Why the extracted facts cannot be used yet, or None when they can."""
    try:
        lgo_parse.parse("Example Council (23 013 577)\n").remedies  # noqa: B018
    except (ImportError, NotImplementedError, AttributeError) as error:
        return f"the facts are not available yet ({type(error).__name__}: {error})"
    return None


def _run_pycon(code: str, namespace: dict[str, Any], name: str, line: int) -> None:
    parser = doctest.DocTestParser()
    test = parser.get_doctest(code, namespace, name, name, line)
    runner = doctest.DocTestRunner(optionflags=OPTIONS)
    runner.run(test, clear_globs=False)
    namespace.update(test.globs)
    failed = runner.summarize(verbose=False).failed
    assert failed == 0, f"{name}:{line}: {failed} example(s) in this block failed (see above)"


@pytest.mark.parametrize("page", runnable_pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_page_examples_run(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    name = str(page.relative_to(ROOT))
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    for lang, line, code in code_blocks(page):
        if lang not in ("python", "pycon"):
            continue
        try:
            if lang == "python":
                exec(compile(code, f"{name}:{line}", "exec"), namespace)
            else:
                _run_pycon(code, namespace, name, line)
        except Exception:
            missing = facts_missing()
            if missing is not None:
                pytest.skip(f"{name}:{line} needs facts: {missing}")
            raise


# -- the API reference -----------------------------------------------------------

_DIRECTIVE = re.compile(r"^:::\s+(?P<path>[\w.]+)", re.MULTILINE)


def documented_objects() -> list[object]:
    found = []
    for page in REFERENCE.glob("*.md"):
        for match in _DIRECTIVE.finditer(page.read_text(encoding="utf-8")):
            found.append(_resolve(match["path"]))
    return found


def _resolve(path: str) -> object:
    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            target: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attribute in parts[cut:]:
            target = getattr(target, attribute)
        return target
    raise ImportError(path)


@pytest.mark.parametrize("name", sorted(set(lgo_parse.__all__) - {"__version__"}))
def test_every_public_name_is_in_the_api_reference(name: str) -> None:
    public = getattr(lgo_parse, name)
    assert any(obj is public for obj in documented_objects()), (
        f"lgo_parse.{name} has no '::: lgo_parse.{name}' entry in docs/reference/*.md"
    )


# -- the site --------------------------------------------------------------------

DOCS_TOOLS = ("mkdocs", "material", "mkdocstrings", "mkdocstrings_handlers.python")


def _missing_tool() -> str | None:
    for tool in DOCS_TOOLS:
        try:
            if importlib.util.find_spec(tool) is None:
                return tool
        except ModuleNotFoundError:
            return tool
    return None


@pytest.mark.slow
def test_mkdocs_build_strict(tmp_path: Path) -> None:
    missing = _missing_tool()
    if missing is not None:
        pytest.skip(f"{missing} is not installed (pip install 'lgo-parse[docs]')")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        # Material prints a banner about its future; it is not a warning about these docs.
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output, output
    assert (tmp_path / "site" / "index.html").is_file()
