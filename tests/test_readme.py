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
