"""The example scripts run, on the project's own statements, and print what they promise.

Each script is run as a user would run it (``python examples/NAME.py``, in a
fresh process, from another folder), and its output is checked against what
the seed statements are known to say.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import lgo_parse

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
VALID = ROOT / "tests" / "fixtures" / "valid"
INVALID = ROOT / "tests" / "fixtures" / "invalid"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not EXAMPLES.is_dir(), reason="not a source checkout: no examples/"),
]

SEED_AUTHORITIES = {
    "000_0a2853bad51b7579.txt": "Leicestershire County Council",
    "001_e273f3e91cc92723.txt": "Leicestershire County Council",
    "002_b17eb53f573e5fd9.txt": "Knowsley Metropolitan Borough Council",
    "003_3748b72d214c42b7.txt": "London Borough of Hackney",
    "004_02c09b629d1b5377.txt": "Lancashire County Council",
}


def run(
    script: str, *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run an example in a fresh interpreter; it must exit 0."""
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
        env=env,
    )
    assert done.returncode == 0, f"{script} exited {done.returncode}:\n{done.stderr}"
    return done


def needs_facts() -> None:
    """Skip when the extracted facts are not available in this version."""
    try:
        lgo_parse.parse("Example Council (23 013 577)\n").remedies  # noqa: B018
    except (ImportError, NotImplementedError, AttributeError) as error:
        pytest.skip(f"Decision.remedies is not available yet ({type(error).__name__}: {error})")


def parseable(*folders: Path) -> int:
    """How many fixtures of these folders parse."""
    count = 0
    for folder in folders:
        for path in folder.glob("*.txt"):
            try:
                lgo_parse.parse_file(path)
            except lgo_parse.ParseError:
                continue
            count += 1
    return count


def table_rows(output: str) -> dict[str, list[str]]:
    """The rows of a printed table: first column (which may hold spaces) -> other cells."""
    rows = {}
    for line in output.splitlines():
        cells = re.split(r"\s{2,}", line.strip())
        if len(cells) > 1:
            rows[cells[0]] = cells[1:]
    return rows


# -- outcomes_by_category.py ---------------------------------------------------------


def test_outcomes_by_category_counts_every_fixture(tmp_path: Path) -> None:
    out = run("outcomes_by_category.py", cwd=tmp_path).stdout
    total = parseable(SEEDS, VALID)
    assert f"Outcomes by category ({total} decisions)" in out
    header = out.splitlines()[2]
    for column in ("upheld", "not upheld", "closed after initial enquiries", "other"):
        assert column in header
    rows = table_rows(out)
    for category in ("Children's care services", "Adult care services", "(no category)"):
        assert category in rows
    assert rows["total"][-1] == str(total)


def test_outcomes_by_category_of_the_seeds(tmp_path: Path) -> None:
    out = run("outcomes_by_category.py", str(SEEDS), "--full", cwd=tmp_path).stdout
    rows = table_rows(out)
    # All five seeds are upheld children's care decisions.
    assert rows["Children's care services > Child protection"] == ["2", "2"]
    assert rows["Children's care services > Fostering"] == ["1", "1"]
    assert rows["Children's care services > Other"] == ["2", "2"]
    assert rows["total"] == ["5", "5"]


def test_a_file_that_fails_is_reported_not_fatal(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(SEEDS / "003_3748b72d214c42b7.txt", folder)
    shutil.copy(INVALID / "listing_page.txt", folder)
    done = run("outcomes_by_category.py", str(folder), cwd=tmp_path)
    assert "listing_page.txt:11:1: a second statement starts here" in done.stderr
    assert "1 of 2 files could not be parsed" in done.stderr
    assert "Outcomes by category (1 decisions)" in done.stdout
    assert table_rows(done.stdout)["Children's care services"] == ["1", "1"]


# -- remedies_by_authority.py --------------------------------------------------------


def test_remedies_by_authority_totals_the_seeds_payments(tmp_path: Path) -> None:
    needs_facts()
    out = run("remedies_by_authority.py", str(SEEDS), cwd=tmp_path).stdout
    rows = table_rows(out)
    for authority in set(SEED_AUTHORITIES.values()):
        assert authority in rows
    # decisions, remedies, payments, total paid
    assert rows["Leicestershire County Council"][0] == "2"
    assert rows["Leicestershire County Council"][-1] == "£1,000"  # seed 000: "pay £1000 to Mrs Y"
    assert rows["London Borough of Hackney"][-1] == "£450"  # seed 003: "a payment of £450"
    assert rows["Lancashire County Council"][-1] == "£300"  # seed 004: "pay her £300"
    assert rows["Knowsley Metropolitan Borough Council"][-1] == "£0"  # no agreed action
    assert rows["total"][0] == "5"
    assert rows["total"][-1] == "£1,750"


def test_remedies_by_authority_runs_on_every_fixture(tmp_path: Path) -> None:
    needs_facts()
    rows = table_rows(run("remedies_by_authority.py", cwd=tmp_path).stdout)
    assert rows["total"][0] == str(parseable(SEEDS, VALID))
    assert rows["Leicestershire County Council"][-1] == "£1,000"


@pytest.mark.parametrize("script", ["remedies_by_authority.py", "outcomes_by_category.py"])
def test_a_missing_folder_is_an_error_not_an_empty_table(tmp_path: Path, script: str) -> None:
    # Defect guarded: a mistyped folder printed "skipped", an empty table, and exit status 0.
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / script), str(tmp_path / "no-such-folder")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr == f"{tmp_path / 'no-such-folder'}: no such file or folder\n"
    assert done.stdout == ""


# -- cites_section.py ----------------------------------------------------------------


def cited_files(output: str) -> set[str]:
    return set(re.findall(r"^  (\S+\.txt): ", output, re.MULTILINE))


def test_cites_section_26_of_the_local_government_act(tmp_path: Path) -> None:
    needs_facts()
    out = run(
        "cites_section.py",
        str(SEEDS),
        "--act",
        "Local Government Act 1974",
        "--section",
        "26",
        cwd=tmp_path,
    ).stdout
    # Seed 003 cites sections 24A, 30, 34 and Schedule 5 of the Act, but not section 26.
    assert cited_files(out) == {
        "000_0a2853bad51b7579.txt",
        "001_e273f3e91cc92723.txt",
        "002_b17eb53f573e5fd9.txt",
        "004_02c09b629d1b5377.txt",
    }
    assert "Leicestershire County Council (23 013 577)" in out
    assert "line 21: Local Government Act 1974, sections 26(1) and 26A(1), as amended" in out
    assert "4 of 5 decisions cite section 26 of the Local Government Act 1974." in out


def test_cites_section_tells_section_24a_from_section_24(tmp_path: Path) -> None:
    needs_facts()
    out = run("cites_section.py", str(SEEDS), "--section", "24A", cwd=tmp_path).stdout
    assert cited_files(out) == {"001_e273f3e91cc92723.txt", "003_3748b72d214c42b7.txt"}
    out = run("cites_section.py", str(SEEDS), "--section", "24", cwd=tmp_path).stdout
    assert cited_files(out) == set()


def test_cites_section_of_another_act(tmp_path: Path) -> None:
    needs_facts()
    out = run(
        "cites_section.py", "--act", "Children Act 1989", "--section", "47", cwd=tmp_path
    ).stdout
    assert cited_files(out) == {"001_e273f3e91cc92723.txt"}
    assert "Section 47 of the Children Act 1989" in out


# -- compact_round_trip.py -------------------------------------------------------------


def test_compact_round_trip_of_every_fixture(tmp_path: Path) -> None:
    out = run("compact_round_trip.py", cwd=tmp_path).stdout
    assert "FAILED" not in out
    for name in SEED_AUTHORITIES:
        assert name in out
    reports = dict(re.findall(r"^(\S+\.txt) \(\w+ layout\)\n((?:  .*\n?)+)", out, re.MULTILINE))
    assert len(reports) == parseable(SEEDS, VALID)
    assert "nothing (already compact)" in reports["004_02c09b629d1b5377.txt"]
    seed_000 = reports["000_0a2853bad51b7579.txt"]
    assert "35 website paragraph numbers" in seed_000
    assert "21 nested items became paragraphs of their own" in seed_000
    assert re.search(r"\b\d+ 'Back to top' lines", seed_000)
    # Without "Back to top", a background heading after a findings section is a sub-section.
    assert (
        "top-level sections now read as sub-sections: Legal and administrative background"
        in reports["background_sections.txt"]
    )
    for report in reports.values():
        assert report.count("  ok: ") == 3


def test_compact_round_trip_prints_compact_text(tmp_path: Path) -> None:
    out = run(
        "compact_round_trip.py", str(SEEDS / "000_0a2853bad51b7579.txt"), "--print", cwd=tmp_path
    ).stdout
    decision = lgo_parse.parse(out)
    assert decision.layout is not None
    assert decision.form is lgo_parse.Form.COMPACT
    assert "\n\n" not in out.split("Investigator")[0]
    assert "- Apologise and pay £1000 to Mrs Y" in out


# -- chart_outcomes.py ---------------------------------------------------------------------


def test_chart_outcomes_writes_a_png(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    png = tmp_path / "chart.png"
    out = run("chart_outcomes.py", "--output", str(png), cwd=tmp_path).stdout
    assert f"wrote {png}" in out
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 1000


def test_chart_outcomes_without_matplotlib_says_so_and_exits_0(tmp_path: Path) -> None:
    # A matplotlib that cannot be imported, ahead of any installed one on sys.path.
    blocked = tmp_path / "blocked" / "matplotlib"
    blocked.mkdir(parents=True)
    (blocked / "__init__.py").write_text("raise ImportError('matplotlib is blocked')\n")
    env = {**os.environ, "PYTHONPATH": str(blocked.parent)}
    png = tmp_path / "chart.png"
    done = run("chart_outcomes.py", "--output", str(png), cwd=tmp_path, env=env)
    assert 'pip install "lgo-parse[plot]"' in done.stdout
    assert not png.exists()
