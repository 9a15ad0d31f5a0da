"""lgo-parse db: the tables match the library's objects, and updating in place is exact."""

from __future__ import annotations

import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import lgo_parse
from lgo_parse import _database
from lgo_parse._cli import main

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
BROKEN = "Dear Sir,\nI write to complain about my neighbour’s hedge.\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "more").mkdir(parents=True)
    for i, seed in enumerate(SEEDS):
        shutil.copy(seed, folder / ("more" if i >= 3 else "") / seed.name)
    return folder


def build(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["db", *args])
    return code, capsys.readouterr().err


def query(db: Path, sql: str, *parameters: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql, parameters).fetchall()


def dump(db: Path) -> list[str]:
    """Every row of every table, ids included: equal dumps mean nothing changed."""
    with sqlite3.connect(db) as connection:
        return list(connection.iterdump())


def check(db: Path) -> None:
    """The database is consistent: integrity, foreign keys and the full-text index."""
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        # Raises when the index holds rows the paragraphs table does not (or lacks some).
        connection.execute("INSERT INTO paragraphs_fts (paragraphs_fts) VALUES ('integrity-check')")


def test_the_tables_match_the_library(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "decisions.db"
    code, err = build(capsys, str(corpus), "-o", str(db))
    assert code == 0, err
    decisions = [lgo_parse.parse_file(seed) for seed in SEEDS]
    tables = {name for (name,) in query(db, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert set(lgo_parse.TABLES) | {"failures", "meta", "paragraphs_fts"} <= tables
    assert query(db, "PRAGMA user_version") == [(_database.DB_SCHEMA_VERSION,)]
    assert query(db, "SELECT count(*) FROM decisions") == [(len(SEEDS),)]
    numbered = sum(p.number is not None for d in decisions for p in d.paragraphs)
    assert query(db, "SELECT count(*) FROM paragraphs WHERE number IS NOT NULL") == [(numbered,)]
    paid = sum((r.amount for d in decisions for r in d.remedies if r.amount), Decimal(0))
    assert query(db, "SELECT sum(amount) FROM remedies WHERE kind = 'payment'") == [(float(paid),)]
    references = {d.reference.text for d in decisions if d.reference}
    assert {r for (r,) in query(db, "SELECT reference FROM decisions")} == references
    # The findings and the document's kind and form, as the library reads them.
    expected = sorted(
        (
            d.reference.text if d.reference else None,
            d.kind.value,
            d.form.value,
            d.findings.investigated,
            d.findings.fault and d.findings.fault.value,
            d.findings.injustice and d.findings.injustice.value,
        )
        for d in decisions
    )
    rows = query(db, "SELECT reference, kind, form, investigated, fault, injustice FROM decisions")
    assert (
        sorted((r, k, f, None if i is None else bool(i), fa, inj) for r, k, f, i, fa, inj in rows)
        == expected
    )
    assert {fault for *_, fault, _ in expected} != {None}  # the seeds do decide fault
    check(db)


def test_full_text_search_finds_paragraphs(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "decisions.db"
    assert build(capsys, str(corpus), "-o", str(db))[0] == 0
    found = query(
        db,
        "SELECT d.reference, p.number FROM paragraphs_fts"
        " JOIN paragraphs p ON p.id = paragraphs_fts.rowid JOIN decisions d ON d.id = p.decision"
        " WHERE paragraphs_fts MATCH 'safeguarding'",
    )
    expected = {
        (d.reference.text, p.number)
        for d in map(lgo_parse.parse_file, SEEDS)
        for p in d.paragraphs
        if d.reference and "safeguarding" in (p.text + " ".join(i.text for i in p.items)).lower()
    }
    assert found and set(found) <= expected  # FTS words; the substring test is wider
    assert ("23 013 577", 10) in found


def test_running_again_changes_nothing(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "decisions.db"
    assert build(capsys, str(corpus), "-o", str(db))[0] == 0
    before = dump(db)
    code, err = build(capsys, str(corpus), "-o", str(db))
    assert code == 0
    assert f"0 files added, 0 replaced, {len(SEEDS)} unchanged, 0 failed" in err
    assert dump(db) == before


def test_an_edited_file_is_replaced_and_a_broken_one_reported(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "decisions.db"
    assert build(capsys, str(corpus), "-o", str(db))[0] == 0
    edited = corpus / SEEDS[0].name
    edited.write_text(
        edited.read_text(encoding="utf-8").replace(
            "Leicestershire County Council", "Edited Borough Council", 1
        ),
        encoding="utf-8",
    )
    (corpus / "broken.txt").write_text(BROKEN, encoding="utf-8")
    others = query(db, "SELECT * FROM decisions WHERE file != ? ORDER BY id", str(edited))
    code, err = build(capsys, str(corpus), "-o", str(db))
    assert code == 1
    assert f"{corpus / 'broken.txt'}:1:1: expected a title line" in err
    assert "0 files added, 1 replaced, 4 unchanged, 1 failed" in err
    assert query(db, "SELECT authority FROM decisions WHERE file = ?", str(edited)) == [
        ("Edited Borough Council",)
    ]
    assert query(db, "SELECT count(*) FROM decisions") == [(len(SEEDS),)]  # no duplicate
    assert query(db, "SELECT * FROM decisions WHERE file != ? ORDER BY id", str(edited)) == others
    assert query(db, "SELECT file FROM failures") == [(str(corpus / "broken.txt"),)]
    check(db)
    # Mended, the broken file is added and leaves the failures table.
    shutil.copy(SEEDS[1], corpus / "broken.txt")
    assert build(capsys, str(corpus), "-o", str(db))[0] == 0
    assert query(db, "SELECT count(*) FROM failures") == [(0,)]
    assert query(db, "SELECT count(*) FROM decisions") == [(len(SEEDS) + 1,)]


def test_an_interrupted_file_leaves_a_consistent_database(
    corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Each file is one transaction: Ctrl-C while the third file's paragraphs are
    # written rolls back that file only.
    db = tmp_path / "decisions.db"
    real = _database._insert
    stored: list[str] = []

    def interrupted(connection: sqlite3.Connection, table: str, rows: list[Any]) -> None:
        if table == "paragraphs":
            stored.append(table)
            if len(stored) == 3:
                raise KeyboardInterrupt
        real(connection, table, rows)

    monkeypatch.setattr(_database, "_insert", interrupted)
    code, err = build(capsys, "-j", "1", str(corpus), "-o", str(db))
    assert code == 130
    assert "interrupted after" in err
    assert query(db, "SELECT count(*) FROM decisions") == [(2,)]
    assert query(db, "SELECT count(DISTINCT decision) FROM paragraphs") == [(2,)]
    check(db)
    monkeypatch.setattr(_database, "_insert", real)
    assert build(capsys, str(corpus), "-o", str(db))[0] == 0
    assert query(db, "SELECT count(*) FROM decisions") == [(len(SEEDS),)]
    check(db)


def test_rows_of_vanished_files_are_kept_unless_pruned(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "decisions.db"
    assert build(capsys, str(corpus), "-o", str(db))[0] == 0
    (corpus / SEEDS[0].name).unlink()
    code, err = build(capsys, str(corpus), "-o", str(db))
    assert code == 0
    assert "1 files in the database no longer exist; their rows are kept" in err
    assert query(db, "SELECT count(*) FROM decisions") == [(len(SEEDS),)]
    code, err = build(capsys, "--prune", str(corpus), "-o", str(db))
    assert code == 0
    assert query(db, "SELECT count(*) FROM decisions") == [(len(SEEDS) - 1,)]
    check(db)


def test_workers_build_the_same_database(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert build(capsys, "-j", "1", str(corpus), "-o", str(one))[0] == 0
    assert build(capsys, "-j", "2", str(corpus), "-o", str(two))[0] == 0
    assert dump(one) == dump(two)


def test_a_new_version_of_lgo_parse_parses_everything_again(
    corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = tmp_path / "decisions.db"
    assert build(capsys, str(corpus), "-o", str(db))[0] == 0
    monkeypatch.setattr(_database, "__version__", "99.0.0")
    code, err = build(capsys, str(corpus), "-o", str(db))
    assert code == 0
    assert f"0 files added, {len(SEEDS)} replaced, 0 unchanged" in err
    assert query(db, "SELECT value FROM meta WHERE key = 'lgo_parse_version'") == [("99.0.0",)]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a database, just text" * 100, "file is not a database"),
        (None, "made with database schema version 7, not 1"),
    ],
    ids=["not sqlite", "another schema version"],
)
def test_a_database_that_cannot_be_updated_is_a_usage_error(
    tmp_path: Path, content: bytes | None, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "other.db"
    if content is None:
        with sqlite3.connect(db) as connection:
            connection.execute("CREATE TABLE x (y)")
            connection.execute("PRAGMA user_version = 7")
    else:
        db.write_bytes(content)
    code, err = build(capsys, str(SEEDS[0]), "-o", str(db))
    assert code == 2
    assert message in err


def test_db_needs_an_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = build(capsys, str(SEEDS[0]))
    assert code == 2
    assert "-o/--output" in err
