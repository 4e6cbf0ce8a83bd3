"""Long work shows a progress bar on a terminal, and nothing in CI, in pipes or with --quiet."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_checkpo import write_po

from moci_vocab.checkpo.run import Options, check_files
from moci_vocab.checks import run_check


def run_on_terminal(root: Path, *args: str, stdout=subprocess.DEVNULL) -> tuple[int, str]:
    """Run the command line with its stderr on a pseudo-terminal; (status, what it drew)."""
    import pty

    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("NO_COLOR", None)
    command = [sys.executable, "-m", "moci_vocab", "--root", str(root), *args]
    process = subprocess.Popen(command, stdout=stdout, stderr=slave, env=env)
    os.close(slave)
    return process.wait(), read_terminal(master)


def read_terminal(master: int) -> str:
    """All a pseudo-terminal's other end drew until it closed (then ``master`` is closed)."""
    drawn = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        drawn += chunk
    os.close(master)
    return drawn.decode("utf-8", "replace")


def run_in_a_pipe(root: Path, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "moci_vocab", "--root", str(root), *args]
    return subprocess.run(command, capture_output=True, text=True)


@pytest.mark.skipif(os.name == "nt", reason="pseudo-terminals are POSIX")
def test_check_and_check_po_draw_a_bar_on_a_terminal_only(seeded, tmp_path):
    po = write_po(tmp_path / "sq.po", "sq", [("Reconciliation", "Pajtimi")])
    for args, words in (
        (("check", "--format", "json"), "reading the concept files"),
        (("check-po", str(po), "--format", "json"), "checking the files"),
    ):
        _status, drawn = run_on_terminal(seeded.root, *args)
        assert words in drawn and "━" in drawn
        assert "None" not in drawn  # a total not yet known: "0/?", not "0/None"
        _status, quiet = run_on_terminal(seeded.root, "--quiet", *args)
        assert words not in quiet
        piped = run_in_a_pipe(seeded.root, *args)
        assert piped.stderr == "" and piped.stdout.startswith("{")


def test_check_reports_how_reading_goes(seeded):
    calls: list[tuple[int, int]] = []
    run_check(seeded.root, progress=lambda done, total: calls.append((done, total)))
    files = len(list((seeded.root / "terms").glob("*.yaml")))
    assert calls[0] == (0, files) and calls[-1] == (files, files)
    assert [done for done, _total in calls] == sorted(done for done, _total in calls)


def test_check_po_reports_each_file(seeded, tmp_path):
    paths = [write_po(tmp_path / f"{n}.po", "sq", [("Peace", "Paqe")]) for n in range(3)]
    calls: list[tuple[int, int]] = []
    check_files(seeded.root, paths, Options(None), progress=lambda *call: calls.append(call))
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]


@pytest.mark.skipif(os.name == "nt", reason="pseudo-terminals are POSIX")
def test_findings_go_to_stdout_while_the_bar_is_on_the_terminal(seeded, tmp_path):
    # `check-po *.po > report.txt` on a terminal: the bar on the terminal, the findings
    # (text or JSON) in the file, the same bytes as in a pipe.
    pos = [
        write_po(
            tmp_path / f"{n}-sq.po",
            "sq",
            [("Reconciliation", "Pajtimi"), ("Reconciliation!", "Tjetër")],
        )
        for n in range(3)
    ]
    for fmt in ("text", "json"):
        args = ("check-po", *map(str, pos), "--format", fmt)
        with open(tmp_path / "report.txt", "wb") as report:
            _status, drawn = run_on_terminal(seeded.root, *args, stdout=report)
        piped = run_in_a_pipe(seeded.root, *args)
        assert "checking the files" in drawn and "MV60" not in drawn
        assert (tmp_path / "report.txt").read_text(encoding="utf-8") == piped.stdout
        assert "MV60" in piped.stdout


def test_the_bar_has_no_thread_of_its_own(monkeypatch):
    # check-po forks its workers only from a process with one thread.
    import threading

    import moci_vocab.cli.common as common

    monkeypatch.setattr(common.sys.stderr, "isatty", lambda: True, raising=False)
    state = common.State()
    with common.progress_bar(state, "checking the files") as progress:
        assert progress is not None
        progress(1, 2)
        assert threading.active_count() == 1
