"""The command under faults: odd files in folders, a killed worker, a closed pipe, Ctrl-C.

Each test uses the real thing (a FIFO made with mkfifo, a worker killed with
SIGKILL as the out-of-memory killer would, a pipe whose reader goes away, a
SIGINT), because mocks of these are exactly where batch runners go wrong.
Waiting is done on events (a FIFO's reader opening it), never on time.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lgo_parse._cli import main

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
SEED_000 = FIXTURES / "seeds" / "000_0a2853bad51b7579.txt"
LIMIT = 60  # seconds before a hung command fails the test instead of hanging the suite

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs and signals")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "lgo_parse", *args]


def wait_for_reader(fifo: Path) -> int:
    """Block until a process opens ``fifo`` for reading; return our writing end."""
    deadline = time.monotonic() + LIMIT
    while True:
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as error:  # ENXIO: nobody has it open for reading yet
            if error.errno != errno.ENXIO or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def reading(pid: int, fifo: Path) -> bool:
    folder = Path(f"/proc/{pid}/fd")
    try:
        return any(os.readlink(fd) == str(fifo) for fd in folder.iterdir())
    except OSError:
        return False


def _reader_among_children(pid: int, fifo: Path) -> list[int]:
    """The child processes of ``pid`` that have ``fifo`` open (once its open() has returned)."""
    deadline = time.monotonic() + LIMIT
    while time.monotonic() < deadline:
        found = [child for child in children(pid) if reading(child, fifo)]
        if found:
            return found
        time.sleep(0.01)
    raise AssertionError("no worker has the FIFO open")


# -- what a folder may hold ------------------------------------------------------


def test_a_fifo_socket_or_device_in_a_folder_is_reported_and_never_opened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Defect guarded: the batch opened a FIFO named *.txt and waited for a writer forever.
    shutil.copy(SEED_000, tmp_path / "a.txt")
    os.mkfifo(tmp_path / "fifo.txt")
    (tmp_path / "null.txt").symlink_to(os.devnull)
    sock = socket.socket(socket.AF_UNIX)
    with contextlib.suppress(OSError):  # a path too long for a socket: the others still count
        sock.bind(str(tmp_path / "socket.txt"))
    code, out, err = run(capsys, "--no-facts", "-f", "csv", str(tmp_path))
    sock.close()
    assert code == 1
    assert len(out.splitlines()) == 2  # the header and a.txt
    assert f"{tmp_path / 'fifo.txt'}: skipped: a FIFO (named pipe), not a regular file" in err
    assert f"{tmp_path / 'null.txt'}: skipped: a character device, not a regular file" in err
    if (tmp_path / "socket.txt").exists():
        assert f"{tmp_path / 'socket.txt'}: skipped: a socket, not a regular file" in err


def test_a_folder_named_like_a_statement_is_reported_and_searched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Defect guarded: a folder called x.txt was skipped without a word.
    (tmp_path / "x.txt").mkdir()
    shutil.copy(SEED_000, tmp_path / "x.txt" / "inside.txt")
    code, out, err = run(capsys, "--no-facts", "-f", "csv", str(tmp_path))
    assert code == 0
    assert str(tmp_path / "x.txt" / "inside.txt") in out
    assert f"{tmp_path / 'x.txt'}: a folder, not a statement file: searched as a folder" in err


def test_symbolic_links_to_folders_are_followed_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Defects guarded: linked folders were not searched at all; a link loop must not recurse.
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(SEED_000, outside / "linked.txt")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a-link").symlink_to(outside)
    (corpus / "b-loop").symlink_to(corpus)
    (corpus / "c-again").symlink_to(outside)
    code, out, err = run(capsys, "--no-facts", "-f", "csv", str(corpus))
    assert code == 0
    assert out.splitlines()[1:] == [
        line for line in out.splitlines()[1:] if line.startswith(str(corpus / "a-link"))
    ]
    assert len(out.splitlines()) == 2
    assert f"{corpus / 'b-loop'}: skipped: a link to a folder already searched" in err
    assert f"{corpus / 'c-again'}: skipped: a link to a folder already searched" in err


def test_statement_names_in_any_case_and_pdfs_are_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Defect guarded: *.TXT files were ignored. PDFs are found; reading them is
    # parse_file's job (until it can, a PDF fails like any unreadable file).
    shutil.copy(SEED_000, tmp_path / "UPPER.TXT")
    shutil.copy(SEED_000, tmp_path / "Mixed.Txt")
    (tmp_path / "letter.PDF").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    (tmp_path / "notes.md").write_text("never read")
    code, out, err = run(capsys, "--no-facts", "-f", "csv", str(tmp_path))
    files = [line.split(",", 1)[0] for line in out.splitlines()[1:]]
    assert files[:2] == [str(tmp_path / "Mixed.Txt"), str(tmp_path / "UPPER.TXT")]
    pdf = str(tmp_path / "letter.PDF")
    assert pdf in files or f"{pdf}:" in err
    assert "notes.md" not in out + err
    assert code == (0 if pdf in files else 1)


def test_a_fifo_named_on_the_command_line_is_read(tmp_path: Path) -> None:
    # Only folders skip FIFOs: `lgo-parse <(cat statement.txt)` must still work.
    fifo = tmp_path / "named.txt"
    os.mkfifo(fifo)
    with subprocess.Popen(
        command("--no-facts", "-f", "csv", str(fifo)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        writer = wait_for_reader(fifo)
        os.set_blocking(writer, True)
        os.write(writer, SEED_000.read_bytes())
        os.close(writer)
        out, err = process.communicate(timeout=LIMIT)
    assert process.returncode == 0, err
    assert b"Leicestershire County Council" in out


# -- a worker killed mid-batch ---------------------------------------------------------


@pytest.mark.slow
def test_a_killed_worker_ends_the_batch_naming_the_files_lost(tmp_path: Path) -> None:
    # Defect guarded: with multiprocessing.Pool a SIGKILLed worker hung the batch
    # (2 tries in 3), with no message. The worker reading a FIFO named on the
    # command line is killed while it waits, so the test knows which one to kill.
    fifo = tmp_path / "stuck.txt"
    os.mkfifo(fifo)
    inputs = [str(SEEDS[0]), str(fifo), str(SEEDS[1])]
    with subprocess.Popen(
        command("--no-facts", "-j", "2", *inputs), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        writer = wait_for_reader(fifo)
        try:
            stuck = _reader_among_children(process.pid, fifo)
            os.kill(stuck[0], signal.SIGKILL)
            out, err = process.communicate(timeout=LIMIT)
        finally:
            os.close(writer)
    message = err.decode()
    assert process.returncode == 1, message
    assert f"{fifo}: lost: a worker process died" in message
    assert "lgo-parse: warning: a worker process died: the batch stopped" in message
    # Every input is accounted for once: written out, or named as lost or not parsed
    # (the other worker may have been in the middle of a seed: it is stopped too).
    written = {
        line.split(b'"source":"', 1)[1].split(b'"', 1)[0].decode() for line in out.splitlines()
    }
    named = {
        line.split(": ", 1)[0]
        for line in message.splitlines()
        if ": lost: " in line or ": not parsed: " in line
    }
    assert written | named == set(inputs)
    assert not written & named
    assert message.splitlines()[-1] == f"lgo-parse: {len(named)} of 3 inputs failed"


# -- a closed pipe ---------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_closed_output_pipe_ends_the_run_quietly(tmp_path: Path, jobs: str) -> None:
    # Defect guarded: `lgo-parse DIR | head -n 1` exited 1 ("some inputs failed")
    # when nothing had failed. A shell's own pipe is used, as a user's would be.
    for i in range(40):
        shutil.copy(SEEDS[i % len(SEEDS)], tmp_path / f"{i:02}.txt")
    done = subprocess.run(
        [
            "bash",
            "-c",
            f'{" ".join(command())} -j {jobs} "$1" | head -n 1; '
            'echo "status ${PIPESTATUS[0]}" >&2',
            "bash",
            str(tmp_path),
        ],
        capture_output=True,
        timeout=LIMIT,
        check=False,
    )
    err = done.stderr.decode()
    assert len(done.stdout.splitlines()) == 1
    status = int(err.rsplit("status ", 1)[1])
    assert status in (0, 141)
    assert err.startswith("status "), err  # nothing else on stderr


# -- Ctrl-C ---------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_prints_the_failures_found_so_far(tmp_path: Path, jobs: str) -> None:
    # Defect guarded: Ctrl-C exited cleanly but dropped the list of failures.
    # The run stops at a FIFO named on the command line; SIGINT is sent while it waits.
    bad = tmp_path / "bad.txt"
    bad.write_text("Dear Sir,\nI write to complain.\n")
    fifo = tmp_path / "waiting.txt"
    os.mkfifo(fifo)
    with subprocess.Popen(
        command("--no-facts", "-j", jobs, str(bad), str(SEED_000), str(fifo)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        writer = wait_for_reader(fifo)
        try:
            # Let the reader settle into its read (a loaded machine is slow);
            # with -j 2 a worker reads the FIFO, and the main process takes the
            # first two results meanwhile (the assertions below allow for it not to).
            time.sleep(1 if jobs == "2" else 0.5)
            os.kill(process.pid, signal.SIGINT)
            out, err = process.communicate(timeout=LIMIT)
        finally:
            os.close(writer)
    message = err.decode()
    assert process.returncode == 130, message
    last = message.splitlines()[-1]
    if jobs == "1" or "after 2 of 3" in last:  # with -j 1 the main process read them itself
        assert f"{bad}:1:1: expected a title line" in message
        assert last == "lgo-parse: interrupted after 2 of 3 inputs, 1 failed"
        assert b"Leicestershire County Council" in out
    else:
        assert last.startswith("lgo-parse: interrupted after ")
