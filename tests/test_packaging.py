"""The built wheels carry the grammar, the compiled hot path, and work outside the source tree.

Builds the sdist and, from it, the standard wheel with ``python -m build``
(so the sdist must carry ``hatch_build.py`` and the list of modules to
compile), and a pure-Python wheel with ``LGO_PARSE_PURE=1``. The standard wheel
is installed into a fresh virtual environment, where a seed is parsed from a
different working directory (so that only the installed package, not ``src/``
or ``grammar/``, can be found), and the compiled and pure modules are compared
over every fixture (``tests/compiled_equivalence.py``). Slow: mypyc takes
15-25 s to compile, and the new environment needs the runtime dependencies.
"""

from __future__ import annotations

import importlib.machinery
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest
from test_compiled import (
    FIXTURES,
    assert_each_run_was_what_it_says,
    assert_same_results,
    compiled_modules,
    dump,
)

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "seeds" / "000_0a2853bad51b7579.txt"
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]  # e.g. .cpython-311-x86_64-linux-gnu.so

pytestmark = pytest.mark.slow


def _has_a_c_compiler() -> bool:
    command = (sysconfig.get_config_var("CC") or "cc").split()
    return bool(command) and shutil.which(command[0]) is not None


def _build(out: Path, *options: str, pure: bool = False) -> None:
    env = {k: v for k, v in os.environ.items() if k != "LGO_PARSE_PURE"}
    if pure:
        env["LGO_PARSE_PURE"] = "1"
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), *options, str(ROOT)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,  # the compiler's command lines; errors go to stderr
    )


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist, and the standard wheel built from it (python -m build's default)."""
    out = tmp_path_factory.mktemp("dist")
    _build(out)
    return out


@pytest.fixture(scope="module")
def wheel(dist: Path) -> Path:
    (found,) = dist.glob("lgo_parse-*.whl")
    return found


@pytest.fixture(scope="module")
def pure_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pure")
    _build(out, "--wheel", pure=True)
    (found,) = out.glob("lgo_parse-*.whl")
    return found


def _metadata(wheel: Path, name: str) -> str:
    with zipfile.ZipFile(wheel) as archive:
        (path,) = [n for n in archive.namelist() if n.endswith(f".dist-info/{name}")]
        return archive.read(path).decode()


def test_wheel_ships_grammar_schema_and_py_typed(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "lgo_parse/grammar/decision.lark" in names
    assert "lgo_parse/py.typed" in names
    assert "lgo_parse/schema/decision.schema.json" in names
    grammar = zipfile.ZipFile(wheel).read("lgo_parse/grammar/decision.lark").decode()
    assert grammar == (ROOT / "grammar" / "decision.lark").read_text(encoding="utf-8")


def test_wheel_declares_the_pdf_extra(wheel: Path) -> None:
    metadata = _metadata(wheel, "METADATA")
    assert "Provides-Extra: pdf" in metadata
    assert re.search(r"^Requires-Dist: pdfminer[-_.]six\S*; extra == .pdf.$", metadata, re.M)
    requirements = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    core = [line for line in requirements if "; extra ==" not in line]
    assert not any("pdfminer" in line for line in core)  # the core package does not need it
    assert not any("mypy" in line for line in core)  # a build requirement, not a runtime one


def test_sdist_carries_the_build_hook(dist: Path) -> None:
    (sdist,) = dist.glob("lgo_parse-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"hatch_build.py", "pyproject.toml", "grammar/decision.lark.json"} <= names


def test_standard_wheel_is_compiled_beside_its_sources(wheel: Path) -> None:
    if not _has_a_c_compiler():
        pytest.skip("no C compiler: the build falls back to the pure-Python wheel")
    names = set(zipfile.ZipFile(wheel).namelist())
    extensions = {n for n in names if n.endswith((".so", ".pyd"))}
    expected = {m.replace(".", "/") + SUFFIX for m in compiled_modules()}
    # The listed modules and mypyc's runtime library, under a stable name; nothing else.
    assert extensions == expected | {f"lgo_parse__mypyc{SUFFIX}"}
    assert {m.replace(".", "/") + ".py" for m in compiled_modules()} <= names
    # The public entry points stay Python: mypyc would raise TypeError, not ParseError.
    assert "lgo_parse/_parse.py" in names and not any("_parse." in n for n in extensions)
    assert "Root-Is-Purelib: false" in _metadata(wheel, "WHEEL")
    assert not wheel.name.endswith("-py3-none-any.whl")


def test_pure_wheel_on_request(pure_wheel: Path) -> None:
    names = zipfile.ZipFile(pure_wheel).namelist()
    assert pure_wheel.name.endswith("-py3-none-any.whl")
    assert not [n for n in names if n.endswith((".so", ".pyd"))]
    assert "Root-Is-Purelib: true" in _metadata(pure_wheel, "WHEEL")
    assert "lgo_parse/_lexer.py" in names


def test_a_failed_compile_builds_the_pure_wheel(tmp_path: Path) -> None:
    # No working C compiler (CC=false): one warning, and the install goes on.
    env = {k: v for k, v in os.environ.items() if k != "LGO_PARSE_PURE"}
    done = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path), str(ROOT)],
        env={**env, "CC": "false"},
        capture_output=True,
        text=True,
        check=True,
    )
    warnings = [
        line
        for line in (done.stdout + done.stderr).splitlines()
        if "building the pure-Python wheel instead" in line
    ]
    assert len(warnings) == 1 and "compiling with mypyc failed" in warnings[0]
    (found,) = tmp_path.glob("lgo_parse-*.whl")
    assert found.name.endswith("-py3-none-any.whl")


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the standard wheel; its python."""
    env_dir = tmp_path_factory.mktemp("venv")
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)],
        check=True,
    )
    return python


def test_installed_wheel_parses_a_seed_elsewhere(installed: Path, tmp_path: Path) -> None:
    compiled = _has_a_c_compiler()
    script = (
        "import sys, lgo_parse\n"
        "assert 'site-packages' in lgo_parse.__file__, lgo_parse.__file__\n"
        "d = lgo_parse.parse_file(sys.argv[1])\n"
        "text = open(sys.argv[1], encoding='utf-8').read()\n"
        "assert lgo_parse.render(d) == text\n"
        "try:\n"
        "    lgo_parse.parse(text.encode())\n"
        "except lgo_parse.ParseError as e:\n"  # not the TypeError compiled code would raise
        "    assert 'bytes' in str(e)\n"
        "import importlib\n"
        f"for name in {compiled_modules()!r}:\n"
        "    file = importlib.import_module(name).__file__\n"
        f"    assert file.endswith({SUFFIX!r}) == {compiled!r}, file\n"
        "print(d.authority, d.reference, d.paragraph(10).text[:24])\n"
    )
    result = subprocess.run(
        [str(installed), "-c", script, str(SEED)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == (
        "Leicestershire County Council 23 013 577 The Council’s published"
    )
    version = subprocess.run(
        [str(installed.with_name("lgo-parse")), "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    kind = "compiled with mypyc" if compiled else "pure Python"
    assert version.stdout.endswith(f" ({kind})\n")


def test_installed_wheel_compiled_and_pure_agree(installed: Path, tmp_path: Path) -> None:
    # tests/test_compiled.py runs this when the suite's own lgo_parse is
    # compiled; here it runs against the wheel just built, even from an
    # editable (pure) development install.
    if not _has_a_c_compiler():
        pytest.skip("no C compiler: nothing compiled to compare")
    (tmp_path / "compiled").mkdir()
    (tmp_path / "pure").mkdir()
    compiled = dump(installed, "compiled", tmp_path / "compiled" / "dump.json", FIXTURES)
    pure = dump(installed, "pure", tmp_path / "pure" / "dump.json", FIXTURES)
    assert_each_run_was_what_it_says(compiled, pure)
    assert_same_results(compiled, pure)
