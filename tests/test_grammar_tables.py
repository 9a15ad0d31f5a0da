"""The parse tables shipped beside the grammar are the grammar's own.

``grammar/decision.lark.json`` is generated from ``grammar/decision.lark``
(``python -m lgo_parse._grammar``, lark being the compiler) so that parsing
runs the LALR tables without importing lark. It is used only while its stamp
(the grammar's SHA-256 and the file format's number) matches; these tests fail
when someone edits the grammar and forgets to regenerate it, when lark's
version or table format changes, and when parsing starts importing lark again.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lark
import pytest

import lgo_parse
from lgo_parse import _grammar

ROOT = Path(__file__).resolve().parents[1]
GRAMMAR = ROOT / "grammar" / "decision.lark"
TABLES = ROOT / "grammar" / "decision.lark.json"
SEED = ROOT / "tests" / "fixtures" / "seeds" / "001_e273f3e91cc92723.txt"
REGENERATE = "stale tables: run  python -m lgo_parse._grammar"


def shipped() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(TABLES.read_text(encoding="utf-8"))
    return loaded


def test_tables_are_stamped_with_the_grammar_they_were_made_from() -> None:
    digest = hashlib.sha256(GRAMMAR.read_bytes()).hexdigest()
    assert shipped()["stamp"]["grammar_sha256"] == digest, REGENERATE
    assert shipped()["stamp"]["grammar_crc32"] == zlib.crc32(GRAMMAR.read_bytes()), REGENERATE
    assert shipped()["stamp"]["format"] == _grammar.FORMAT, REGENERATE


def test_tables_match_the_lark_version_in_use() -> None:
    assert shipped()["stamp"]["lark"] == lark.__version__, REGENERATE


def test_regenerated_tables_equal_the_shipped_file() -> None:
    """Guards against tables edited by hand, or made by another lark or from another grammar."""
    fresh = _grammar.tables_text(GRAMMAR.read_text(encoding="utf-8"))
    assert fresh == TABLES.read_text(encoding="utf-8"), REGENERATE


@pytest.mark.parametrize("seed", ["0", "1", "12345"])
def test_the_tables_file_does_not_depend_on_the_hash_seed(seed: str) -> None:
    """lark numbers states in a hash-seed-dependent order; the file renumbers them."""
    code = (
        "import sys, hashlib; from lgo_parse import _grammar; "
        "sys.stdout.write(hashlib.sha256(_grammar.tables_text(_grammar.grammar_text())"
        ".encode()).hexdigest())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": seed, "PATH": ""},
    ).stdout
    assert out == hashlib.sha256(TABLES.read_bytes()).hexdigest(), REGENERATE


def test_the_tables_are_consistent() -> None:
    tables = shipped()
    states = tables["states"]
    names = {term["name"] for term in tables["terminals"]}
    origins = {rule["origin"] for rule in tables["rules"]}
    for row in states:
        for symbol, (shift, arg) in _grammar.state_row(row).items():
            assert symbol in names or symbol in origins or symbol.startswith(("$", "_"))
            assert 0 <= arg < (len(states) if shift else len(tables["rules"]))


def _no_table(parser: Any) -> None:
    del parser.parser.parser._parse_table


def _unknown_action(parser: Any) -> None:
    row = next(row for row in parser.parser.parser._parse_table.states.values() if row)
    symbol = next(iter(row))
    row[symbol] = ("Accept", None)


def _no_rule_options(parser: Any) -> None:
    for rule in parser.rules:
        del rule.options


@pytest.mark.parametrize("change", [_no_table, _unknown_action, _no_rule_options])
def test_lark_table_format_changes_fail_loudly(
    monkeypatch: pytest.MonkeyPatch, change: Callable[[Any], None]
) -> None:
    """A lark whose tables have another shape gives a RuntimeError naming lark, not a bad file."""
    build = _grammar.build

    def changed(grammar: str) -> Any:
        parser = build(grammar)
        change(parser)
        return parser

    monkeypatch.setattr(_grammar, "build", changed)
    with pytest.raises(RuntimeError, match="lark"):
        _grammar.compile_tables(GRAMMAR.read_text(encoding="utf-8"))


def test_stale_tables_are_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a grammar that does not match the stamp, the tables are compiled in the process."""
    text = SEED.read_text(encoding="utf-8")
    expected = lgo_parse.parse(text)
    try:
        monkeypatch.setattr(_grammar, "_digest", lambda grammar: "other")
        monkeypatch.setattr(_grammar, "_checksum", lambda grammar: -1)
        _grammar.tables.cache_clear()
        _grammar.driver.cache_clear()
        rebuilt = _grammar.tables()
        assert rebuilt["stamp"]["grammar_sha256"] == "other"
        assert rebuilt["states"] == shipped()["states"]
        assert lgo_parse.parse(text) == expected
    finally:
        monkeypatch.undo()
        _grammar.tables.cache_clear()
        _grammar.driver.cache_clear()


def test_parsing_does_not_import_lark() -> None:
    code = (
        "import sys, lgo_parse; "
        f"lgo_parse.parse(open({str(SEED)!r}, encoding='utf-8').read()); "
        "sys.stdout.write(' '.join(m for m in sys.modules if m.split('.')[0] == 'lark'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == ""


def test_grammar_files_are_read_only_from_the_package_or_a_source_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Defect guarded (issue 14): with the shipped tables missing, the loader looked in
    # <prefix>/lib/pythonX.Y/grammar/, outside the package, and read what it found.
    from lgo_parse import _resources

    site = tmp_path / "lib" / "python3.11" / "site-packages" / "lgo_parse"
    site.mkdir(parents=True)
    planted = tmp_path / "lib" / "python3.11" / "grammar"
    planted.mkdir()
    (planted / _resources.TABLES_NAME).write_bytes(b"not ours")
    monkeypatch.setattr(_resources, "_PACKAGE", str(site))
    monkeypatch.setattr(_resources, "_CHECKOUT", str(site.parents[1]))
    monkeypatch.setattr(_resources, "SOURCE_TREE", str(site.parents[1] / "grammar"))
    monkeypatch.setattr(_resources.pkgutil, "get_data", lambda package, name: None)
    assert not _resources.in_source_checkout()
    with pytest.raises(FileNotFoundError, match="missing from the installed package"):
        _resources.read(_resources.TABLES_NAME)
