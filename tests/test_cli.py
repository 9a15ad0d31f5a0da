"""The lgo-parse command: formats, batches, failures, exit codes, determinism."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import lgo_parse
from lgo_parse import _batch, _formats
from lgo_parse._cli import main
from lgo_parse._formats import CSV_COLUMNS
from lgo_parse._schema import json_schema
from lgo_parse._version import COMPILED, PURE, build_kind

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
SEED_000 = FIXTURES / "seeds" / "000_0a2853bad51b7579.txt"
FAILURE = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<column>\d+): (?P<reason>.+)$")
BAD_FILES = {
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 4,
    "prose.txt": "Dear Sir,\nI write to complain about my neighbour’s hedge.\n".encode(),
}


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """A folder with the seed statements (two in a sub-folder) and three broken files."""
    folder = tmp_path / "batch"
    (folder / "more").mkdir(parents=True)
    for i, seed in enumerate(SEEDS):
        shutil.copy(seed, folder / ("more" if i >= 3 else "") / seed.name)
    for name, data in BAD_FILES.items():
        (folder / name).write_bytes(data)
    (folder / "notes.md").write_text("not a *.txt file, so never read")
    return folder


def good_files(folder: Path) -> list[str]:
    """The seeds in the batch, in the order lgo-parse reads them."""
    return [str(folder / seed.name) for seed in SEEDS[:3]] + [
        str(folder / "more" / seed.name) for seed in SEEDS[3:]
    ]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def failures(err: str) -> dict[str, tuple[int, int, str]]:
    found = {}
    for line in err.splitlines():
        match = FAILURE.match(line)
        if match:
            found[Path(match["file"]).name] = (
                int(match["line"]),
                int(match["column"]),
                match["reason"],
            )
    return found


# -- one file -------------------------------------------------------------------


def test_one_file_gives_one_json_document(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--no-facts", str(SEED_000))
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["source"] == str(SEED_000)
    expected = lgo_parse.parse_file(SEED_000).to_dict(facts=False)
    assert {k: v for k, v in data.items() if k != "source"} == expected
    assert out.startswith('{\n  "schema_version"')
    assert out.endswith("}\n")


def test_non_ascii_is_written_as_utf8(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--no-facts", str(SEED_000))
    assert code == 0
    assert "The Ombudsman’s role and powers" in out  # not "\u2019"


def test_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(SEED_000.read_bytes()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run(capsys, "--no-facts", "-")
    assert code == 0
    data = json.loads(out)
    assert data["source"] == "<stdin>"
    assert data["reference"]["text"] == "23 013 577"


def test_standard_input_that_is_not_utf8(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    latin = "Example Council (23 013 577)\n\nSummary: caf\xe9\n".encode("latin-1")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(latin)))
    code, out, err = run(capsys, "-")
    assert (code, out) == (1, "")
    assert failures(err)["<stdin>"][:2] == (3, 13)


def test_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.json"
    code, out, _ = run(capsys, "--no-facts", "-o", str(target), str(SEED_000))
    assert (code, out) == (0, "")
    assert json.loads(target.read_text(encoding="utf-8"))["authority"] == (
        "Leicestershire County Council"
    )


def test_output_that_cannot_be_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "missing-folder" / "out.json"
    code, out, err = run(capsys, "-o", str(target), str(SEED_000))
    assert (code, out) == (2, "")
    assert err == f"lgo-parse: cannot write {target}: No such file or directory\n"


def test_standard_input_is_one_document_even_beside_a_folder_called_dash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "-").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED_000.read_bytes())))
    code, out, _ = run(capsys, "--no-facts", "-")
    assert code == 0
    assert json.loads(out)["source"] == "<stdin>"


def test_facts_are_included_unless_turned_off(capsys: pytest.CaptureFixture[str]) -> None:
    _, with_facts, _ = run(capsys, str(SEED_000))
    _, without, _ = run(capsys, "--no-facts", str(SEED_000))
    assert {"remedies", "citations", "cross_references", "parties"} <= set(json.loads(with_facts))
    assert "remedies" not in json.loads(without)


# -- a batch ----------------------------------------------------------------------


def test_a_batch_with_bad_files(batch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--no-facts", str(batch))
    assert code == 1
    lines = out.splitlines()
    assert [json.loads(line)["source"] for line in lines] == good_files(batch)
    failed = failures(err)
    assert set(failed) == set(BAD_FILES)
    assert failed["empty.txt"][:2] == (1, 1)
    assert "UTF-8" in failed["binary.txt"][2]
    assert "title line" in failed["prose.txt"][2]
    assert err.splitlines()[-1] == "lgo-parse: 3 of 8 inputs failed"


def test_a_binary_file_that_is_valid_utf8(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(b"Example Council (23 013 577)\n\x00\x01\x02\n")
    code, _, err = run(capsys, str(path))
    assert code == 1
    line, column, reason = failures(err)["nul.txt"]
    assert (line, column) == (2, 1)
    assert "binary" in reason


def test_a_missing_file_is_a_failure_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--no-facts", str(SEED_000), str(tmp_path / "missing.txt"))
    assert code == 1
    assert [json.loads(line)["source"] for line in out.splitlines()] == [str(SEED_000)]
    assert f"{tmp_path / 'missing.txt'}: cannot read: " in err


def test_an_internal_error_does_not_stop_the_batch(
    batch: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = _formats.FORMATTERS["jsonl"]

    def flaky(decision: lgo_parse.Decision, source: str, facts: bool) -> str:
        if decision.reference is not None and decision.reference.text == "23 013 577":
            raise RuntimeError("a bug")
        return real(decision, source, facts)

    monkeypatch.setitem(_formats.FORMATTERS, "jsonl", flaky)
    code, out, err = run(capsys, "--no-facts", "-j", "1", str(batch))
    assert code == 1
    assert len(out.splitlines()) == len(SEEDS) - 1
    assert (
        f"{batch / SEEDS[0].name}: internal error, please report it: RuntimeError('a bug')" in err
    )


def test_an_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(tmp_path))
    assert (code, out) == (0, "")
    assert "no *.txt or *.pdf files" in err


def test_json_for_several_files_is_an_array(
    batch: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--no-facts", "--format", "json", str(batch))
    assert code == 1
    assert [d["source"] for d in json.loads(out)] == good_files(batch)


def test_json_array_with_nothing_parsed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    code, out, _ = run(capsys, "--format", "json", str(tmp_path))
    assert (code, json.loads(out)) == (1, [])


def test_jsonl_for_one_file_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--no-facts", "-f", "jsonl", str(SEED_000))
    assert code == 0
    assert out.count("\n") == 1
    assert json.loads(out)["source"] == str(SEED_000)


def test_line_separators_are_escaped_in_jsonl(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "odd.txt"
    path.write_text("Example Council (23 013 577)\n\nSummary: one\u2028two\x85three\n", "utf-8")
    code, out, _ = run(capsys, "-f", "jsonl", "--no-facts", str(path))
    assert code == 0
    assert len(out.splitlines()) == 1  # str.splitlines() breaks at U+2028 and U+0085
    assert json.loads(out)["summary"] == "one\u2028two\x85three"


@pytest.mark.parametrize("several", [False, True], ids=["one file", "array"])
def test_big_json_in_pieces_is_the_same_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], several: bool
) -> None:
    # A big statement's JSON is written in pieces (not one string and its
    # copy); joined, they must be exactly json.dumps's text, escapes and the
    # array's indentation included, wherever a piece ends.
    paragraphs = "".join(f"  {i}. Para\u2028graph {i} said\x85so.\n" for i in range(1, 800))
    path = tmp_path / "big.txt"
    path.write_text(f"Example Council (23 013 577)\n\nThe complaint\n\n{paragraphs}", "utf-8")
    decision = lgo_parse.parse_file(path)
    pieces = _formats.format_json(decision, str(path), False)
    assert len(pieces) > 1
    data = decision.to_dict(facts=False)
    versions = {key: data.pop(key) for key in ("schema_version", "lgo_parse_version")}
    expected = json.dumps({**versions, "source": str(path), **data}, ensure_ascii=False, indent=2)
    expected = expected.replace("\u2028", "\\u2028").replace("\x85", "\\u0085")
    args = [str(path), str(path)] if several else [str(path)]
    code, out, _ = run(capsys, "--no-facts", "-f", "json", *args)
    assert code == 0
    if several:
        indented = expected.replace("\n", "\n  ")
        assert out == f"[\n  {indented},\n  {indented}\n]\n"
    else:
        assert out == expected + "\n"


# -- several statements in one file (--all) -------------------------------------------


def test_all_writes_one_document_per_statement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    both = tmp_path / "two.txt"
    both.write_bytes(SEEDS[0].read_bytes() + SEEDS[3].read_bytes())
    code, out, _ = run(capsys, "--no-facts", "--all", "-f", "csv", str(both), str(SEEDS[1]))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert [(row["file"], row["reference"]) for row in rows] == [
        (str(both), "23 013 577"),
        (str(both), lgo_parse.parse_file(SEEDS[3]).reference.text),  # type: ignore[union-attr]
        (str(SEEDS[1]), "21 002 206"),
    ]
    code, out, _ = run(capsys, "--no-facts", "--all", str(both))
    assert code == 0
    assert len(json.loads(out)) == 2  # with --all, json is always an array


# -- determinism -----------------------------------------------------------------------


def test_two_runs_give_the_same_bytes(batch: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    assert main(["--no-facts", "-o", str(first), str(batch)]) == 1
    assert main(["--no-facts", "-o", str(second), str(batch)]) == 1
    assert first.read_bytes() == second.read_bytes()
    assert first.stat().st_size > 10_000


@pytest.mark.parametrize("start_method", [None, "spawn"])
def test_worker_processes_give_the_same_bytes(
    batch: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    start_method: str | None,
) -> None:
    monkeypatch.setattr(_batch, "START_METHOD", start_method)
    one, two = tmp_path / "j1.jsonl", tmp_path / "j2.jsonl"
    assert main(["--no-facts", "-j", "1", "-o", str(one), str(batch)]) == 1
    err_one = capsys.readouterr().err
    assert main(["--no-facts", "-j", "2", "-o", str(two), str(batch)]) == 1
    err_two = capsys.readouterr().err
    assert one.read_bytes() == two.read_bytes()
    assert err_one == err_two
    assert len(one.read_bytes().splitlines()) == len(SEEDS)


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "outline"])
@pytest.mark.parametrize("to_file", [True, False])
def test_worker_processes_give_the_same_bytes_in_every_format(
    batch: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], fmt: str, to_file: bool
) -> None:
    # Workers send their documents back encoded as UTF-8; the main process writes
    # the bytes as they are, indenting the JSON array's members itself: guards a
    # document or a separator written twice, or encoded otherwise, with -j 2.
    written = []
    for jobs in ("1", "2"):
        out = tmp_path / f"j{jobs}.{fmt}"
        options = ["-o", str(out)] if to_file else []
        assert main(["-f", fmt, "-j", jobs, *options, str(batch)]) == 1
        captured = capsysbinary.readouterr()
        written.append((out.read_bytes() if to_file else captured.out, captured.err))
    assert written[0] == written[1]
    assert len(written[0][0]) > 1000
    if fmt != "csv":  # (the CSV's columns hold no curly quote)
        assert "’".encode() in written[0][0]  # the seeds' curly quotes, in UTF-8


def test_folders_are_read_in_a_fixed_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "a-b" sorts before "a/" as a string but after "a" as a path part.
    for name in ("b.txt", "a/z.txt", "a-b/c.txt", "a/y/x.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SEED_000, tmp_path / name)
    code, out, _ = run(capsys, "--no-facts", "-f", "csv", str(tmp_path))
    assert code == 0
    files = [row["file"] for row in csv.DictReader(io.StringIO(out))]
    assert [Path(f).relative_to(tmp_path).as_posix() for f in files] == [
        "a/y/x.txt",
        "a/z.txt",
        "a-b/c.txt",
        "b.txt",
    ]


# -- csv and outline ----------------------------------------------------------------------


def test_csv_reads_back(batch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--no-facts", "--format", "csv", str(batch))
    assert code == 1
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    records = [dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows[1:]]
    assert [r["file"] for r in records] == good_files(batch)
    first = lgo_parse.parse_file(SEEDS[0])
    assert records[0]["authority"] == first.authority
    assert records[0]["reference"] == "23 013 577"
    assert records[0]["year"] == "2023"
    assert records[0]["category_top"] == "Children's care services"
    assert records[0]["outcome_kind"] == "upheld"
    assert records[0]["decision_date"] == "2024-05-28"
    assert records[0]["paragraphs"] == str(len(first.paragraphs)) == "35"
    assert records[0]["remedies"] == ""  # --no-facts


def test_csv_has_remedy_totals(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "-f", "csv", *map(str, SEEDS))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    for path, row in zip(SEEDS, rows, strict=True):
        remedies = lgo_parse.parse_file(path).remedies
        amounts = [r.amount for r in remedies if r.amount is not None]
        assert row["remedies"] == str(len(remedies))
        # 0, not empty, when no remedy names a sum: the facts were read and found none.
        assert row["remedy_amount_total"] == format(sum(amounts, Decimal(0)), "f")
        assert row["remedy_kinds"] == "; ".join(sorted({r.kind.value for r in remedies}))


def test_outline_shows_headings_kinds_and_website_numbers(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "--no-facts", "--format", "outline", str(SEED_000))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Leicestershire County Council (23 013 577)"
    assert "  Outcome        Upheld [upheld]" in lines
    assert "  Agreed action  [agreed action]" in lines
    assert "    What happened  [what happened]" in lines
    decision = lgo_parse.parse_file(SEED_000)
    for paragraph in decision.paragraphs:
        start = paragraph.text[:20]
        assert any(
            re.match(rf"^ +{paragraph.number}  {re.escape(start)}", line) for line in lines
        ), f"paragraph {paragraph.number} is not shown with its number"


def test_outline_of_a_compact_statement_marks_unnumbered_paragraphs(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "--no-facts", "-f", "outline", str(SEEDS[4]))
    assert code == 0
    assert re.search(r"^ +·  Miss X says the Council:$", out, re.MULTILINE)


def test_outline_shows_facts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "-f", "outline", str(SEED_000))
    assert code == 0
    decision = lgo_parse.parse_file(SEED_000)
    assert f"  Remedies ({len(decision.remedies)})" in out
    assert f"  Citations ({len(decision.citations)})" in out
    assert f"  Cross-references ({len(decision.cross_references)})" in out
    for remedy in decision.remedies:
        if remedy.amount is not None:
            assert f"£{format(remedy.amount, 'f')}" in out


# -- the command line itself ------------------------------------------------------------------


VERSION_LINE = f"lgo-parse {lgo_parse.__version__} ({build_kind()})\n"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--version") == (0, VERSION_LINE, "")


@pytest.mark.parametrize(
    ("files", "expected", "defect"),
    [
        (["_lexer.py", "_parse.py", "py.typed"], PURE, "an editable install called compiled"),
        (
            ["_lexer.py", "_lexer.cpython-311-x86_64-linux-gnu.so", "_parse.py"],
            COMPILED,
            "a wheel with mypyc's extension modules called pure",
        ),
        (["_lexer.py", "_lexer.cp311-win_amd64.pyd"], COMPILED, "Windows' suffix not known"),
        (["_lexer.py", "notes.so.txt"], PURE, "a name merely holding .so called compiled"),
    ],
)
def test_build_kind_reads_the_package_folder(
    files: list[str], expected: str, defect: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # --version says whether the hot path is compiled (issue 12): an extension
    # module beside the .py files is what Python imports first.
    import importlib.machinery

    from lgo_parse import _version

    suffixes = [".cpython-311-x86_64-linux-gnu.so", ".abi3.so", ".so", ".cp311-win_amd64.pyd"]
    monkeypatch.setattr(importlib.machinery, "EXTENSION_SUFFIXES", suffixes)
    monkeypatch.setattr(_version.os, "listdir", lambda folder: files)
    assert _version.build_kind() == expected, defect


def test_build_kind_matches_what_was_imported() -> None:
    # The folder's contents and the import system agree on this installation.
    import importlib.machinery

    import lgo_parse._lexer

    compiled = lgo_parse._lexer.__file__.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))
    assert build_kind() == (COMPILED if compiled else PURE)


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "usage: lgo-parse" in out
    assert "lgo-parse schema" in out


@pytest.mark.parametrize(
    "args",
    [[], ["--format", "xml", "x.txt"], ["-j", "0", "x.txt"], ["-j", "two", "x.txt"], ["-", "-"]],
    ids=["no input", "unknown format", "no workers", "workers not a number", "stdin twice"],
)
def test_usage_errors(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *args)
    assert (code, out) == (2, "")
    assert "usage: lgo-parse" in err


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert json.loads(out) == json_schema()


def test_schema_command_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "decision.schema.json"
    assert run(capsys, "schema", "-o", str(target)) == (0, "", "")
    assert json.loads(target.read_text(encoding="utf-8")) == json_schema()


def test_a_file_called_schema_is_parsed_when_named_with_a_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(SEED_000, tmp_path / "schema")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "--no-facts", "./schema")
    assert code == 0
    assert json.loads(out)["source"] == "./schema"
    code, out, _ = run(capsys, "schema")  # the documented choice: the command wins
    assert json.loads(out)["$id"] == json_schema()["$id"]


def test_progress_bar_only_on_a_terminal(
    batch: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--no-facts", "-o", str(batch / "out.jsonl"), str(batch))
    assert code == 1
    assert "\r" not in err

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    code = main(["--no-facts", "-j", "1", "-o", str(batch / "out2.jsonl"), str(batch)])
    assert code == 1
    shown = terminal.getvalue()
    assert "] 8/8, 3 failed" in shown
    assert "\r" + " " * len(shown.split("\r")[-2]) + "\r" in shown  # the bar is wiped


# -- the installed command, in its own process ---------------------------------------------------


def command() -> list[str]:
    script = Path(sys.executable).with_name("lgo-parse")
    found = str(script) if script.exists() else shutil.which("lgo-parse")
    if found is None:
        pytest.skip("the lgo-parse script is not installed")
    return [found]


@pytest.mark.slow
def test_installed_script_exit_codes(batch: Path) -> None:
    def status(*args: str) -> int:
        return subprocess.run([*command(), *args], capture_output=True, check=False).returncode

    assert status("--no-facts", str(SEED_000)) == 0
    assert status("--no-facts", str(batch)) == 1
    assert status("--format", "xml", str(SEED_000)) == 2


@pytest.mark.slow
def test_installed_script_reads_stdin_and_runs_two_workers(batch: Path) -> None:
    piped = subprocess.run(
        [*command(), "--no-facts", "-f", "csv", "-"],
        input=SEED_000.read_bytes(),
        capture_output=True,
        check=True,
    )
    assert piped.stdout.decode().splitlines()[1].startswith("<stdin>,Leicestershire County Council")
    one = subprocess.run(
        [*command(), "--no-facts", "-j", "1", str(batch)], capture_output=True, check=False
    )
    two = subprocess.run(
        [*command(), "--no-facts", "-j", "2", str(batch)], capture_output=True, check=False
    )
    assert (one.returncode, two.returncode) == (1, 1)
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    assert len(two.stdout.splitlines()) == len(SEEDS)


@pytest.mark.slow
def test_python_dash_m(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "lgo_parse", "--version"], capture_output=True, check=True
    )
    assert done.stdout.decode() == VERSION_LINE
