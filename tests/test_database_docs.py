"""docs/database.md's worked questions give the answers the page shows.

The page's database and Parquet files are built from the seeds, as its first
commands say, in a scratch folder that sees the repository's ``tests/``. Then
every ```sql block is run with sqlite3 and every ```py block with Python, and
what each prints is compared with the ```text block after it (SQL rows as the
``sqlite3`` shell prints them: fields joined by ``|``, NULL as nothing).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sqlite3
from pathlib import Path

import pytest

from lgo_parse._cli import main

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "database.md"
SEEDS = "tests/fixtures/seeds"

pytestmark = pytest.mark.skipif(not PAGE.is_file(), reason="not a source checkout: no docs/")


def examples(language: str) -> list[tuple[str, str]]:
    """Each ``language`` block of the page with the ```text block that follows it."""
    text = PAGE.read_text(encoding="utf-8")
    found = re.findall(rf"```{language}\n(.*?)```\s*```text\n(.*?)```", text, re.DOTALL)
    return [(code, expected) for code, expected in found]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("database-docs")
    (folder / "tests").symlink_to(ROOT / "tests")
    old = os.getcwd()
    os.chdir(folder)  # the page's commands run from the repository root
    try:
        assert main(["db", SEEDS, "-o", "decisions.db"]) == 0
        if _has_pyarrow():
            assert main(["tables", SEEDS, "-o", "tables", "-f", "parquet"]) == 0
    finally:
        os.chdir(old)
    return folder


def _has_pyarrow() -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


def test_the_page_has_worked_questions() -> None:
    assert len(examples("sql")) >= 5
    assert len(examples("py")) >= 2


@pytest.mark.parametrize(("sql", "expected"), examples("sql"))
def test_sql_answers(built: Path, sql: str, expected: str) -> None:
    with sqlite3.connect(built / "decisions.db") as connection:
        rows = connection.execute(sql).fetchall()
    printed = "".join("|".join("" if v is None else str(v) for v in row) + "\n" for row in rows)
    assert printed == expected


@pytest.mark.parametrize(("code", "expected"), examples("py"))
def test_parquet_answers(
    built: Path, code: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if "duckdb" in code:
        pytest.importorskip("duckdb")
    pytest.importorskip("pyarrow")
    monkeypatch.chdir(built)
    with contextlib.redirect_stdout(io.StringIO()) as out:
        exec(compile(code, str(PAGE), "exec"), {"__name__": "__docs__"})
    assert out.getvalue() == expected
