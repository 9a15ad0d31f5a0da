"""The parser tables shipped beside the grammar are the grammar's own.

``grammar/decision.lark.tables`` is generated from ``grammar/decision.lark``
(``python -m lgo_parse._grammar``) so that a new process loads the LALR tables
instead of building them. It is used only while its stamp (the grammar's
SHA-256 and lark's version) matches; these tests fail when someone edits the
grammar and forgets to regenerate it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import lark
import pytest

import lgo_parse
from lgo_parse import _grammar

ROOT = Path(__file__).resolve().parents[1]
GRAMMAR = ROOT / "grammar" / "decision.lark"
TABLES = ROOT / "grammar" / "decision.lark.tables"


def stamp() -> dict[str, str]:
    header = TABLES.read_bytes().partition(b"\n")[0]
    loaded: dict[str, str] = json.loads(header)
    return loaded


def test_tables_are_stamped_with_the_grammar_they_were_made_from() -> None:
    digest = hashlib.sha256(GRAMMAR.read_bytes()).hexdigest()
    assert stamp()["grammar_sha256"] == digest, "run: python -m lgo_parse._grammar"


def test_tables_match_the_lark_version_in_use() -> None:
    assert stamp()["lark"] == lark.__version__, "run: python -m lgo_parse._grammar"


def test_loaded_tables_equal_freshly_built_ones() -> None:
    built = _grammar.build(GRAMMAR.read_text(encoding="utf-8"))
    loaded = _grammar.parser()
    assert loaded is not built
    assert set(map(str, loaded.rules)) == set(map(str, built.rules))
    assert len(loaded.parser.parser._parse_table.states) == len(
        built.parser.parser._parse_table.states
    )


def test_stale_tables_are_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    try:
        monkeypatch.setattr(_grammar, "_stamp", lambda grammar: {"grammar_sha256": "other"})
        _grammar.parser.cache_clear()
        rebuilt = _grammar.parser()
        text = (ROOT / "tests" / "fixtures" / "seeds" / "001_e273f3e91cc92723.txt").read_text(
            encoding="utf-8"
        )
        from lark.utils import TextSlice

        from lgo_parse._build import Builder
        from lgo_parse._driver import Driver

        decision = Driver(rebuilt, Builder).parse(TextSlice(text, 0, len(text)))
        assert decision == lgo_parse.parse(text)
    finally:
        monkeypatch.undo()
        _grammar.parser.cache_clear()


def test_grammar_files_are_read_only_from_the_package_or_a_source_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Defect guarded (issue 14): with the shipped tables missing, the loader looked in
    # <prefix>/lib/pythonX.Y/grammar/, outside the package, and unpickled what it found.
    from lgo_parse import _resources

    site = tmp_path / "lib" / "python3.11" / "site-packages" / "lgo_parse"
    site.mkdir(parents=True)
    planted = tmp_path / "lib" / "python3.11" / "grammar"
    planted.mkdir()
    (planted / "decision.lark.tables").write_bytes(b"not ours")
    monkeypatch.setattr(_resources, "_PACKAGE", site)
    monkeypatch.setattr(_resources, "SOURCE_TREE", site.parents[1] / "grammar")
    monkeypatch.setattr(_resources.pkgutil, "get_data", lambda package, name: None)
    assert not _resources.in_source_checkout()
    with pytest.raises(FileNotFoundError, match="missing from the installed package"):
        _resources.read("decision.lark.tables")
