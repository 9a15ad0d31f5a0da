"""Cold start: importing the package, and a one-file run, load only what they need (issue 12).

Each case runs in a fresh interpreter and lists which of the named modules
ended up in ``sys.modules``. What is asserted is *what is imported*, never a
time: the times are in ``benchmarks/floor_ratio.py --cold``.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SEED = Path(__file__).parent / "fixtures" / "seeds" / "000_0a2853bad51b7579.txt"

# Modules a one-file run has no use for, whatever its options.
NEVER = (
    "sqlite3",  # lgo-parse db
    "multiprocessing",  # -j over several files
    "lark",  # the shipped tables are loaded instead
    "dateutil",  # the website writes its own month names, read without it
    "importlib.resources",  # the schema is read only when asked for
    "hashlib",  # the tables' stamp is checked by CRC-32
    "pathlib",
    "shutil",  # argparse's way to the terminal's width (it loads the compression modules)
    "csv",  # --format csv
    "textwrap",  # --format outline
    "lgo_parse._database",
    "lgo_parse._tablefiles",
    "lgo_parse._records",
    "lgo_parse._render",
    "lgo_parse._debug",
    "lgo_parse._pdf",
)
FACTS = ("lgo_parse._facts", "lgo_parse._facts._registry")

RUN_ONE_FILE = """
import contextlib, io
from lgo_parse._cli import main
with contextlib.redirect_stdout(io.StringIO()):
    assert main([{seed!r}, "--format", "json", *{options!r}]) == 0
"""

CASES = [
    # (what runs, modules that must not be loaded, the defect it guards against)
    (
        "import lgo_parse",
        (
            *NEVER,
            *FACTS,
            "argparse",
            "json",
            "lgo_parse._cli",
            "lgo_parse._grammar",
            "lgo_parse._serialize",
            "lgo_parse._schema",
        ),
        "importing the package loaded the CLI, the parser, the facts, the renderer or the tables",
    ),
    (
        RUN_ONE_FILE.format(seed=str(SEED), options=["--no-facts"]),
        (*NEVER, *FACTS),
        "JSON without facts still loaded the facts package",
    ),
    (
        RUN_ONE_FILE.format(seed=str(SEED), options=[]),
        NEVER,
        "a one-file run loaded the database, table, batch or PDF machinery, or python-dateutil",
    ),
]


def _loaded(code: str, names: tuple[str, ...]) -> list[str]:
    # The probe imports nothing itself (sys is built in): it prints a list literal.
    probe = f"{code}\nimport sys\nprint([n for n in {names!r} if n in sys.modules])"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    found: list[str] = ast.literal_eval(result.stdout.splitlines()[-1])
    return found


@pytest.mark.slow
@pytest.mark.parametrize(("code", "absent", "defect"), CASES, ids=["import", "no-facts", "facts"])
def test_loads_only_what_it_needs(code: str, absent: tuple[str, ...], defect: str) -> None:
    assert _loaded(code, absent) == [], defect


@pytest.mark.slow
def test_the_probe_sees_a_module_that_is_loaded() -> None:
    # The check above must be able to fail: parsing loads the grammar's tables.
    code = f"import lgo_parse\nlgo_parse.parse_file({str(SEED)!r})"
    assert _loaded(code, ("lgo_parse._grammar", "sqlite3")) == ["lgo_parse._grammar"]


CONVENIENCES = [
    # (code run first in a fresh process, the defect it guards against)
    (
        "d = lgo_parse.Decision.from_dict({'schema_version': '1.1', 'authority': 'A'})\n"
        "assert d.authority == 'A' and d.to_dict(facts=False)['authority'] == 'A'",
        "from_dict before anything else found no serialisation installed",
    ),
    (
        "d = lgo_parse.parse_file(SEED)\n"
        "assert d.remedies and d.findings.fault is not None\n"
        "assert lgo_parse.Decision.from_dict(d.to_dict()) == d",
        "a fact read before to_dict found no fact finders installed",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("code", "defect"), CONVENIENCES, ids=["from_dict", "facts"])
def test_the_models_conveniences_load_what_they_use(code: str, defect: str) -> None:
    # import lgo_parse no longer loads serialisation or the facts: the model's
    # conveniences must load them on first use, whichever comes first.
    run = "import lgo_parse\n" + code.replace("SEED", repr(str(SEED)))
    found = _loaded(run, ("lgo_parse._serialize", "lgo_parse._facts"))
    assert "lgo_parse._serialize" in found, defect


def test_lazy_public_names_resolve_and_are_listed() -> None:
    import lgo_parse

    # Every public name resolves (lazily or not) and dir() lists it.
    assert set(lgo_parse.__all__) <= set(dir(lgo_parse))
    for name in lgo_parse.__all__:
        assert getattr(lgo_parse, name) is not None, name
    with pytest.raises(AttributeError):
        lgo_parse.no_such_name  # noqa: B018


@pytest.mark.parametrize(
    ("columns", "why"),
    [
        ("50", "$COLUMNS is the width"),
        ("", "unset: the terminal, else 80"),
        ("wide", "not a number: as if unset"),
        ("-3", "not positive: as if unset"),
    ],
)
def test_terminal_columns_as_shutil_reads_them(
    columns: str, why: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The command's help is as wide as it was when argparse asked shutil.
    import shutil

    from lgo_parse._batch import terminal_columns

    if columns:
        monkeypatch.setenv("COLUMNS", columns)
    else:
        monkeypatch.delenv("COLUMNS", raising=False)
    assert terminal_columns() == shutil.get_terminal_size((80, 24)).columns, why
