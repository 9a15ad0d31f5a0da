"""``lgo-parse db``: an SQLite database of statements, updated in place.

The tables are those of [`records`][lgo_parse.records] (their columns come
from one table, ``_records.COLUMNS``), with foreign keys, indexes on what
people filter by, an FTS5 index over paragraph text (``paragraphs_fts``), a
``failures`` table and a ``meta`` table; ``PRAGMA user_version`` is the schema
version.

Updating: each file's SHA-256 is compared with the one stored; unchanged files
are skipped, changed files have their rows replaced, in one transaction per
file, so an interruption leaves a consistent database. When the database was
built by another version of lgo-parse every file is parsed again (the parser
may read more now). Rows of files that no longer exist are kept, since a
statement taken off the website is still worth having, unless ``--prune``.
Workers parse; the main process is the one writer.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import sys
from collections.abc import Iterator, Sequence
from functools import partial
from typing import Any

from . import _batch
from ._batch import PROG, Job, Report
from ._records import COLUMNS, FACT_TABLES, Record, plain, records
from ._version import __version__

DB_SCHEMA_VERSION = 1
"""``PRAGMA user_version`` of the databases this version writes."""

_SQL_TYPES = {
    "integer": "INTEGER",
    "text": "TEXT",
    "boolean": "INTEGER",
    "decimal": "REAL",
    "date": "TEXT",
}

# What each table adds to its columns: keys, references and checks. Every
# child row goes when its decision goes (ON DELETE CASCADE), so replacing a
# file is one DELETE.
_CONSTRAINTS = {
    "decisions": ["UNIQUE (file, position)"],
    "sections": [
        "PRIMARY KEY (decision, position)",
        "FOREIGN KEY (decision) REFERENCES decisions (id) ON DELETE CASCADE",
        "FOREIGN KEY (decision, parent) REFERENCES sections (decision, position) ON DELETE CASCADE",
    ],
    "paragraphs": [
        "UNIQUE (decision, position)",
        "FOREIGN KEY (decision) REFERENCES decisions (id) ON DELETE CASCADE",
        "FOREIGN KEY (decision, section) REFERENCES sections (decision, position)"
        " ON DELETE CASCADE",
    ],
}
for _table in FACT_TABLES:
    _CONSTRAINTS[_table] = [
        "PRIMARY KEY (decision, position)",
        "FOREIGN KEY (decision) REFERENCES decisions (id) ON DELETE CASCADE",
    ]
    if "paragraph" in dict(COLUMNS[_table]):
        _CONSTRAINTS[_table].append(
            "FOREIGN KEY (decision, paragraph) REFERENCES paragraphs (decision, position)"
            " ON DELETE CASCADE"
        )

_PRIMARY = {"decisions": "id INTEGER PRIMARY KEY", "paragraphs": "id INTEGER PRIMARY KEY"}
_NOT_NULL = {"file", "position", "sha256", "decision"}


def _create_table(table: str) -> str:
    columns = [_PRIMARY[table]] if table in _PRIMARY else []
    for name, kind in COLUMNS[table]:
        if name == "id":
            continue
        null = " NOT NULL" if name in _NOT_NULL else ""
        columns.append(f'"{name}" {_SQL_TYPES[kind]}{null}')
    body = ",\n  ".join(columns + _CONSTRAINTS[table])
    return f"CREATE TABLE {table} (\n  {body}\n);"


SCHEMA = "\n".join(
    [
        *(_create_table(table) for table in COLUMNS),
        "CREATE INDEX decisions_reference ON decisions (reference);",
        "CREATE INDEX decisions_authority ON decisions (authority);",
        "CREATE INDEX decisions_date ON decisions (decision_date);",
        "CREATE INDEX decisions_kind ON decisions (kind);",
        "CREATE INDEX decisions_outcome ON decisions (outcome_kind);",
        "CREATE INDEX decisions_category ON decisions (category_top);",
        "CREATE INDEX paragraphs_number ON paragraphs (decision, number);",
        "CREATE INDEX remedies_kind ON remedies (kind);",
        "CREATE INDEX citations_title ON citations (title);",
        "CREATE TABLE failures (\n  file TEXT PRIMARY KEY,\n  sha256 TEXT,\n"
        "  message TEXT NOT NULL\n);",
        "CREATE TABLE meta (\n  key TEXT PRIMARY KEY,\n  value TEXT\n);",
        # An external-content FTS5 index: the text is stored once, in
        # paragraphs, and the triggers keep the index in step.
        "CREATE VIRTUAL TABLE paragraphs_fts USING fts5("
        "text, items, content='paragraphs', content_rowid='id');",
        "CREATE TRIGGER paragraphs_indexed AFTER INSERT ON paragraphs BEGIN\n"
        "  INSERT INTO paragraphs_fts (rowid, text, items) VALUES (new.id, new.text, new.items);\n"
        "END;",
        "CREATE TRIGGER paragraphs_unindexed AFTER DELETE ON paragraphs BEGIN\n"
        "  INSERT INTO paragraphs_fts (paragraphs_fts, rowid, text, items)"
        " VALUES ('delete', old.id, old.text, old.items);\n"
        "END;",
    ]
)
"""The database's schema, as SQL."""


class DatabaseError(Exception):
    """The database cannot be opened or is not one this version can update."""


def connect(path: str) -> sqlite3.Connection:
    """Open (or create) a database of this schema version.

    Raises:
        DatabaseError: The file is not an SQLite database, or has another schema version.
    """
    try:
        connection = sqlite3.connect(path, isolation_level=None)
        connection.execute("PRAGMA foreign_keys = ON")
        # While building: a write-ahead log, synced at checkpoints rather than at
        # every file's commit (a commit each file, fsynced, took most of the
        # time). A crash still leaves every committed file and nothing half
        # written. build() turns the log back into a plain single-file database.
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version == 0 and _is_empty(connection):
            connection.executescript(
                f"BEGIN;\n{SCHEMA}\nPRAGMA user_version = {DB_SCHEMA_VERSION};\nCOMMIT;"
            )
        elif version != DB_SCHEMA_VERSION:
            connection.close()
            raise DatabaseError(
                f"{path}: made with database schema version {version}, not "
                f"{DB_SCHEMA_VERSION}: build a new database"
            )
    except sqlite3.Error as error:
        raise DatabaseError(f"{path}: {error}") from None
    return connection


def _is_empty(connection: sqlite3.Connection) -> bool:
    count: int = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    return count == 0


def file_sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_records(job: Job, *, several: bool) -> tuple[str, list[dict[str, list[Record]]]]:
    """The task workers run: the file's SHA-256 and the records of each statement in it."""
    sha = file_sha256(job.path or job.name)
    decisions = _batch.read_decisions(job, several=several)
    return sha, [
        records(decision, key=0, source=job.name, position=position, sha256=sha)
        for position, decision in enumerate(decisions, 1)
    ]


def build(
    inputs: Sequence[str], path: str, *, workers: int, several: bool = False, prune: bool = False
) -> int:
    """Build or update the database at ``path`` from ``inputs``; return the exit status."""
    report = Report()
    try:
        connection = connect(path)
    except DatabaseError as error:
        sys.stderr.write(f"{PROG}: {error}\n")
        return 2
    with contextlib.closing(connection), _single_file(connection):
        jobs = [
            Job(os.path.normpath(job.name), job.path)
            for job in _batch.find_jobs(inputs, report, stdin=False)
        ]
        report.start(jobs)
        todo, unchanged = _changed(connection, jobs)
        counts = {"added": 0, "replaced": 0}
        progress = _batch.Progress(len(todo), quiet=False)
        task = partial(read_records, several=several)
        try:
            with contextlib.closing(_batch.run(todo, task, workers)) as results:
                for result in results:
                    report.done += 1
                    if result.failure is not None:
                        report.fail(result.failure)
                        _store_failure(connection, result.name, result.failure)
                    else:
                        sha, tables = result.value
                        replaced = _store(connection, result.name, sha, tables)
                        counts["replaced" if replaced else "added"] += 1
                    progress.show(report.done, len(report.failures))
        except KeyboardInterrupt:
            progress.close()
            return report.interrupted()
        progress.close()
        _set_meta(connection)
        vanished = _vanished(connection, {job.name for job in jobs}, prune=prune)
        sys.stderr.write(
            f"{PROG}: {path}: {counts['added']} files added, {counts['replaced']} replaced, "
            f"{unchanged} unchanged, {len(report.failures)} failed"
            + (f", {vanished} vanished" if vanished else "")
            + "\n"
        )
    return report.finish()


@contextlib.contextmanager
def _single_file(connection: sqlite3.Connection) -> Iterator[None]:
    """Leave the database as one file (no -wal beside it), however the build ends."""
    try:
        yield
    finally:
        with contextlib.suppress(sqlite3.Error):
            connection.execute("PRAGMA journal_mode = DELETE")


def _changed(connection: sqlite3.Connection, jobs: list[Job]) -> tuple[list[Job], int]:
    """The jobs whose file is new or changed (or all, after an upgrade), and how many are not."""
    stored_version = connection.execute(
        "SELECT value FROM meta WHERE key = 'lgo_parse_version'"
    ).fetchone()
    if stored_version is None or stored_version[0] != __version__:
        return jobs, 0
    stored = dict(connection.execute("SELECT file, sha256 FROM decisions WHERE position = 1"))
    todo: list[Job] = []
    for job in jobs:
        known = stored.get(job.name)
        try:
            same = known is not None and file_sha256(job.path or job.name) == known
        except OSError:
            same = False  # the worker reports it
        if not same:
            todo.append(job)
    return todo, len(jobs) - len(todo)


def _insert(connection: sqlite3.Connection, table: str, rows: list[Record]) -> None:
    if not rows:
        return
    names = [name for name, _ in COLUMNS[table] if name != "id"]
    columns = ", ".join(f'"{name}"' for name in names)
    marks = ", ".join("?" for _ in names)
    connection.executemany(
        f"INSERT INTO {table} ({columns}) VALUES ({marks})",
        [[plain(row[name]) for name in names] for row in rows],
    )


def _store(
    connection: sqlite3.Connection, name: str, sha: str, statements: list[dict[str, list[Record]]]
) -> bool:
    """Replace the rows of one file, in one transaction; return whether it had rows before."""
    with _transaction(connection):
        deleted: int = connection.execute("DELETE FROM decisions WHERE file = ?", (name,)).rowcount
        connection.execute("DELETE FROM failures WHERE file = ?", (name,))
        for tables in statements:
            _insert(connection, "decisions", tables["decisions"])
            key = connection.execute("SELECT last_insert_rowid()").fetchone()[0]
            for table, rows in tables.items():
                if table == "decisions":
                    continue
                for row in rows:
                    row["decision"] = key
                _insert(connection, table, rows)
    return deleted > 0


def _store_failure(connection: sqlite3.Connection, name: str, failure: str) -> None:
    """Record a failed file; its old rows (an earlier good version) are kept."""
    try:
        sha: str | None = file_sha256(name)
    except OSError:
        sha = None
    with _transaction(connection):
        connection.execute(
            "INSERT OR REPLACE INTO failures (file, sha256, message) VALUES (?, ?, ?)",
            (name, sha, failure),
        )


@contextlib.contextmanager
def _transaction(connection: sqlite3.Connection) -> Any:
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _set_meta(connection: sqlite3.Connection) -> None:
    with _transaction(connection):
        connection.executemany(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            [("lgo_parse_version", __version__), ("schema_version", str(DB_SCHEMA_VERSION))],
        )


def _vanished(connection: sqlite3.Connection, seen: set[str], *, prune: bool) -> int:
    """Count (and with ``prune`` delete) the rows of files that no longer exist."""
    files = [row[0] for row in connection.execute("SELECT DISTINCT file FROM decisions")]
    failed = [row[0] for row in connection.execute("SELECT file FROM failures")]
    gone = [f for f in files if f not in seen and not os.path.exists(f)]
    gone_failures = [f for f in failed if f not in seen and not os.path.exists(f)]
    if gone and not prune:
        _batch.warn(
            f"{len(gone)} files in the database no longer exist; their rows are kept "
            "(--prune deletes them)"
        )
    if prune and (gone or gone_failures):
        with _transaction(connection):
            connection.executemany("DELETE FROM decisions WHERE file = ?", [(f,) for f in gone])
            connection.executemany(
                "DELETE FROM failures WHERE file = ?", [(f,) for f in gone_failures]
            )
    return len(gone)
