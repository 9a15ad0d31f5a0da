"""The documentation's command examples run, and print what the pages say they print.

Every ```console block of docs/ and the README whose commands are all
``lgo-parse ...`` or ``echo $?`` is run by bash, one
shell per block, in a scratch folder that sees the repository's ``tests/``,
``docs/`` and ``examples/`` (so files the examples write land there, not in
the checkout). Standard error is merged into standard output, as a terminal
shows both. After each command the lines up to the next ``$`` are its expected
output; a line ``...`` stands for any number of lines. A command shown with
no output is run but not compared. Blocks with other commands (``pip``,
``python``) are not run: the examples' scripts have their own tests.

Defect guarded: docs/cli.md's outline example had drifted from the real output.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [*sorted((ROOT / "docs").rglob("*.md")), ROOT / "README.md"]
RUNNABLE = re.compile(r"^(lgo-parse\b|echo \$\?$)")
MARK = "@@@ lgo-parse docs: next command @@@"

pytestmark = pytest.mark.skipif(
    not (ROOT / "docs").is_dir(), reason="not a source checkout: no docs/"
)


def console_blocks(page: Path) -> list[tuple[int, list[tuple[str, list[str]]]]]:
    """Each console block of a page: its line and its (command, expected lines) pairs."""
    blocks = []
    text = page.read_text(encoding="utf-8")
    for match in re.finditer(r"^```console\n(.*?)^```", text, re.DOTALL | re.MULTILINE):
        line = text.count("\n", 0, match.start()) + 1
        steps: list[tuple[str, list[str]]] = []
        for raw in match[1].splitlines():
            if raw.startswith("$ "):
                steps.append((raw[2:], []))
            elif steps:
                steps[-1][1].append(raw)
        if steps and all(RUNNABLE.match(command) for command, _ in steps):
            blocks.append((line, steps))
    return blocks


def cases() -> list[tuple[str, list[tuple[str, list[str]]]]]:
    return [
        (f"{page.relative_to(ROOT)}:{line}", steps)
        for page in PAGES
        for line, steps in console_blocks(page)
    ]


def matches(expected: list[str], actual: list[str]) -> bool:
    pattern = "".join(
        r"(?:[^\n]*\n)*?" if line.strip() == "..." else re.escape(line) + r"\n" for line in expected
    )
    return re.fullmatch(pattern, "".join(f"{line}\n" for line in actual)) is not None


def test_the_pages_have_command_examples() -> None:
    pages = {name.split(":")[0] for name, _ in cases()}
    assert {"docs/cli.md", "docs/getting-started.md", "docs/database.md"} <= pages


@pytest.mark.slow
@pytest.mark.parametrize(("where", "steps"), cases(), ids=[name for name, _ in cases()])
def test_console_examples_print_what_the_docs_say(
    where: str, steps: list[tuple[str, list[str]]], tmp_path: Path
) -> None:
    script = Path(sys.executable).with_name("lgo-parse")
    if not script.exists() and shutil.which("lgo-parse") is None:
        pytest.skip("the lgo-parse script is not installed")
    for folder in ("tests", "docs", "examples"):
        (tmp_path / folder).symlink_to(ROOT / folder)
    lines = ["status=0"]
    for command, _ in steps:
        shell = command.replace("echo $?", "echo $status")
        lines += [f"echo '{MARK}'", f"{{ {shell}\n}} 2>&1; status=$?"]
    done = subprocess.run(
        ["bash", "-c", "\n".join(lines)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "PATH": f"{script.parent}{os.pathsep}{os.environ['PATH']}"},
    )
    outputs = done.stdout.split(f"{MARK}\n")[1:]
    assert len(outputs) == len(steps), done.stdout + done.stderr
    for (command, expected), output in zip(steps, outputs, strict=True):
        if expected and not matches(expected, output.splitlines()):
            shown = "\n".join(expected)
            pytest.fail(f"{where}: $ {command}\nexpected:\n{shown}\n\ngot:\n{output}")
