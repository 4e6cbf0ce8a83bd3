"""Ctrl-C and SIGTERM stop any command within a second: one line, exit 130 or 143,
no traceback, no temporary file, no worker process left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from moci_vocab.cli import cli
from moci_vocab.errors import Terminated

REPO = Path(__file__).resolve().parent.parent
ON_LINUX = sys.platform.startswith("linux")


def test_an_interrupted_command_exits_130_and_a_terminated_one_143(seeded, monkeypatch):
    from moci_vocab.cli.common import State

    for raised, status, word in (
        (KeyboardInterrupt, 130, "interrupted"),
        (Terminated, 143, "terminated"),
    ):

        def stop(self, raised=raised):
            raise raised

        monkeypatch.setattr(State, "readable_glossary", stop)
        result = CliRunner().invoke(cli, ["--root", str(seeded.root), "list"])
        assert result.exit_code == status
        assert word in result.stderr and "Traceback" not in result.output
        assert len(result.stderr.strip().splitlines()) == 1


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.fixture(scope="module")
def big_glossary(tmp_path_factory) -> Path:
    """3,000 generated concepts: a booklet long enough to run in worker processes."""
    sys.path.insert(0, str(REPO))
    from benchmarks.generate import make_glossary

    root = tmp_path_factory.mktemp("big") / "g"
    make_glossary(root, 3000)
    return root


@pytest.mark.skipif(not ON_LINUX, reason="reads worker processes from /proc")
@pytest.mark.parametrize(
    ("signum", "status", "word"),
    [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")],
    ids=["ctrl-c", "sigterm"],
)
def test_a_booklet_with_workers_stops_within_a_second(big_glossary, tmp_path, signum, status, word):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    out = tmp_path / "out"
    env = {**os.environ, "TMPDIR": str(tmp), "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "moci_vocab",
            "--root",
            str(big_glossary),
            "export",
            "booklet",
            "-o",
            str(out),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    try:
        deadline = time.monotonic() + 120
        while not children(process.pid) and process.poll() is None:
            assert time.monotonic() < deadline, "no worker process started"
            time.sleep(0.05)
        time.sleep(1.0)  # the workers are typesetting
        workers = children(process.pid)
        assert workers, "the booklet finished before it could be interrupted"
        sent = time.monotonic()
        os.killpg(process.pid, signum)  # as the terminal sends Ctrl-C to the foreground group
        _out, err = process.communicate(timeout=30)
        took = time.monotonic() - sent
    finally:
        if process.poll() is None:
            process.kill()
    stderr = err.decode("utf-8", "replace")
    assert process.returncode == status, stderr
    assert stderr.strip().splitlines() == [
        f"moci-vocab: {word} ({'Ctrl-C' if status == 130 else 'SIGTERM'}); "
        "no file was changed half-way"
    ]
    # Within a second on an idle machine; the bound leaves room for a loaded one.
    assert took < 3.0, f"took {took:.2f} s"
    time.sleep(0.5)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()], "workers left"
    assert list(tmp.iterdir()) == []  # the booklet's temporary folder is gone
    assert not out.exists() or list(out.iterdir()) == []  # nothing half-written
