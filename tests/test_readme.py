"""The README's set-up commands are the ones CI runs.

CI runs ``.ci/run``; this test checks that both commands in the README's
"Set-up on a fresh machine" section stand in that script word for word, so
the README cannot drift from what CI proves.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Set-up on a fresh machine", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", section)


def test_readme_has_an_install_and_a_test_command() -> None:
    commands = setup_commands()
    assert len(commands) == 2
    install, test = commands
    assert "pip install ." in install and "lgo-parse" in install
    assert "pytest" in test


def test_ci_runs_the_readme_commands_verbatim() -> None:
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    for command in setup_commands():
        assert command in ci_lines, f"not in .ci/run: {command}"


def test_readme_seed_exists() -> None:
    (install, _) = setup_commands()
    path = install.rsplit(" ", 1)[1]
    assert (ROOT / path).is_file()


def test_readme_python_examples_run() -> None:
    """Every ```python block of the README runs, in order, from the repo root."""
    import contextlib
    import io
    import os

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.+?)\n```", readme, flags=re.DOTALL)
    assert len(blocks) >= 2
    namespace: dict[str, object] = {}
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(io.StringIO()) as out:
            for block in blocks:
                exec(compile(block, "README.md", "exec"), namespace)
    finally:
        os.chdir(cwd)
    printed = out.getvalue()
    assert "AGREED_ACTION Agreed action" in printed
    assert "PAYMENT 1000 Mrs Y within 4 weeks of final decision" in printed
    assert "- The Council will apologise to Mr X within one month." in printed
