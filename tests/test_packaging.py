"""The built wheel carries the grammar and works outside the source tree.

Builds a wheel with pip, installs it into a fresh virtual environment, and
parses a seed there from a different working directory, so that only the
installed package (not ``src/`` or ``grammar/``) can be found. Slow (about
half a minute: it installs the runtime dependencies into the new
environment), so it runs once per session.
"""

from __future__ import annotations

import re
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "seeds" / "000_0a2853bad51b7579.txt"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
    )
    (found,) = out.glob("lgo_parse-*.whl")
    return found


def test_wheel_ships_grammar_schema_and_py_typed(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "lgo_parse/grammar/decision.lark" in names
    assert "lgo_parse/py.typed" in names
    assert "lgo_parse/schema/decision.schema.json" in names
    grammar = zipfile.ZipFile(wheel).read("lgo_parse/grammar/decision.lark").decode()
    assert grammar == (ROOT / "grammar" / "decision.lark").read_text(encoding="utf-8")


def test_wheel_declares_the_pdf_extra(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        metadata = archive.read(name).decode()
    assert "Provides-Extra: pdf" in metadata
    assert re.search(r"^Requires-Dist: pdfminer[-_.]six\S*; extra == .pdf.$", metadata, re.M)
    requirements = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    core = [line for line in requirements if "; extra ==" not in line]
    assert not any("pdfminer" in line for line in core)  # the core package does not need it


@pytest.mark.slow
def test_installed_wheel_parses_a_seed_elsewhere(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)],
        check=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = (
        "import sys, lgo_parse\n"
        "assert 'site-packages' in lgo_parse.__file__, lgo_parse.__file__\n"
        "d = lgo_parse.parse_file(sys.argv[1])\n"
        "text = open(sys.argv[1], encoding='utf-8').read()\n"
        "assert lgo_parse.render(d) == text\n"
        "print(d.authority, d.reference, d.paragraph(10).text[:24])\n"
    )
    result = subprocess.run(
        [str(python), "-c", script, str(SEED)],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == (
        "Leicestershire County Council 23 013 577 The Council’s published"
    )
