"""check-po's first worker forked before the command line is parsed (checkpo.early).

The guess from the arguments' shape (and None for anything unusual), a worker handed
its jobs later giving the findings of one process, one nobody takes killed, and the
console entry end to end: the same bytes and exit code, Ctrl-C, nothing left running.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from moci_vocab import cores
from moci_vocab.checkpo import early, parallel
from moci_vocab.checkpo.run import Options, check_files
from tests.test_checkpo_parallel import files, work  # noqa: F401 (a fixture)
from tests.test_signals import children

REPO = Path(__file__).resolve().parent.parent
ON_LINUX = sys.platform.startswith("linux")


@pytest.fixture(autouse=True)
def two_cores(monkeypatch) -> None:
    """Two cores, whatever the machine has (early.start asks cores.available_cores)."""
    monkeypatch.setattr(cores, "available_cores", lambda: 2)


@pytest.fixture
def big(tmp_path: Path) -> list[str]:
    """Two files that together weigh MIN_BYTES (never read: guess only asks their size)."""
    names = []
    for name in ("a.po", "b.po"):
        (tmp_path / name).write_bytes(b"#" * (early.MIN_BYTES // 2))
        names.append(str(tmp_path / name))
    return names


@pytest.mark.parametrize(
    "before, after, root, lang",
    [
        ([], [], None, None),
        (["--root", "g"], ["--lang", "sq", "--format", "json"], "g", "sq"),
        (["--root=g", "-q", "--no-color"], ["--jobs=2", "--include-fuzzy"], "g", None),
        ([], ["--root", "h", "--fail-on", "warning", "--baseline", "b.json"], "h", None),
        (["--format", "sarif"], ["--include-untranslated", "--jobs", "0"], None, None),
    ],
)
def test_check_po_over_many_files_is_guessed(big, before, after, root, lang):
    got = early.guess([*before, "check-po", *big, *after], {}, cores=2)
    assert got is not None
    assert (got.root, got.lang, got.files) == (root, lang, big)


@pytest.mark.parametrize(
    "argv",
    [
        ["check-po", "{a}", "{b}", "--jobs", "1"],  # one process
        ["check-po", "{a}", "--jobs", "4"],  # one file
        ["check-po", "{a}", "{b}", "--help"],
        ["--help", "check-po", "{a}", "{b}"],
        ["check-po", "{a}", "{b}", "--jobs", "many"],
        ["check-po", "{a}", "{b}", "--unknown"],
        ["check-po", "--", "{a}", "{b}"],
        ["check-po", "{a}", "{b}", "--lang"],  # a value missing
        ["--version"],
        ["check", "{a}", "{b}"],
        [],
    ],
)
def test_anything_else_starts_nothing(big, argv):
    argv = [arg.format(a=big[0], b=big[1]) for arg in argv]
    assert early.guess(argv, {}, cores=2) is None


def test_small_inputs_and_one_core_start_nothing(big, tmp_path):
    assert early.guess(["check-po", *big], {}, cores=1) is None
    (tmp_path / "a.po").write_bytes(b"#")
    assert early.guess(["check-po", *big], {}, cores=2) is None


def test_the_root_may_come_from_the_environment(big):
    got = early.guess(["check-po", *big], {"MOCI_VOCAB_ROOT": "there"}, cores=2)
    assert got is not None and got.root == "there"


@pytest.mark.skipif(not ON_LINUX, reason="forked on Linux only")
def test_an_early_worker_checks_like_one_process(work, monkeypatch):  # noqa: F811
    monkeypatch.setattr(early, "MIN_BYTES", 0)
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    monkeypatch.chdir(work)
    paths = [Path(name) for name in files(work)]
    one = check_files(Path("clean"), paths, Options(), jobs=1)
    started = early.start(["--root", "clean", "check-po", *map(str, paths)])
    assert started is not None
    many = check_files(Path("clean"), paths, Options(), jobs=2, ready=[started])
    assert started.taken  # handed its jobs (then reaped by the pool)
    assert not Path(f"/proc/{started.pid}").exists()
    assert many.findings == one.findings
    assert (many.files, many.entries, many.terms) == (one.files, one.entries, one.terms)


@pytest.mark.skipif(not ON_LINUX, reason="forked on Linux only")
def test_an_early_worker_nobody_takes_is_killed(big, monkeypatch):
    started = early.start(["check-po", *big, "--jobs", "2"])
    assert started is not None
    assert Path(f"/proc/{started.pid}").exists()
    started.release()
    assert not Path(f"/proc/{started.pid}").exists()
    started.release()  # twice: nothing more


@pytest.mark.skipif(not ON_LINUX, reason="forked on Linux only")
def test_an_early_worker_leaves_a_folder_that_is_no_glossary_alone(big, tmp_path):
    nowhere = tmp_path / "nowhere"
    nowhere.mkdir()
    started = early.start(["--root", str(nowhere), "check-po", *big, "--jobs", "2"])
    assert started is not None
    deadline = time.monotonic() + 30
    while Path(f"/proc/{started.pid}/stat").exists() and time.monotonic() < deadline:
        stat = Path(f"/proc/{started.pid}/stat").read_text()
        if stat.rsplit(")", 1)[1].split()[0] == "S":  # warmed up, waiting for its jobs
            break
        time.sleep(0.01)
    started.release()
    assert list(nowhere.iterdir()) == []  # no lock, no cache folder


def console(*args: str) -> list[str]:
    """The console entry (moci_vocab.start) with MIN_BYTES 0, so that small files count."""
    script = textwrap.dedent(
        """
        import sys
        from moci_vocab.checkpo import early
        early.MIN_BYTES = 0
        sys.argv[0] = "moci-vocab"
        from moci_vocab.start import main
        main()
        """
    )
    return [sys.executable, "-c", script, "--no-color", "--root", "clean", *args]


def environment() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}


@pytest.mark.skipif(not ON_LINUX, reason="forked on Linux only")
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_the_console_entry_gives_the_bytes_of_one_process(work, fmt):  # noqa: F811
    argv = console("check-po", *files(work), "--format", fmt)
    one = subprocess.run([*argv, "--jobs", "1"], cwd=work, capture_output=True, env=environment())
    many = subprocess.run(argv, cwd=work, capture_output=True, env=environment())
    assert (many.returncode, many.stdout, many.stderr) == (one.returncode, one.stdout, one.stderr)
    assert one.returncode == 1 and b"MV605" in one.stdout
    # Nothing early where nothing is wanted: --help as always.
    shown = subprocess.run(console("check-po", "--help"), cwd=work, capture_output=True)
    assert shown.returncode == 0 and b"--jobs" in shown.stdout


@pytest.mark.skipif(not ON_LINUX, reason="reads worker processes from /proc")
def test_ctrl_c_right_after_the_early_fork_leaves_nothing(work):  # noqa: F811
    process = subprocess.Popen(
        console("check-po", *files(work)),
        cwd=work,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment(),
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 30
        while not (kids := children(process.pid)) and process.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.002)
        os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole group
        _out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert b"Traceback" not in err, err.decode()
    # Interrupted (130), or finished already (1: findings) when the machine was quick.
    assert process.returncode in (130, 1), err.decode()
    time.sleep(0.05)
    assert not [pid for pid in kids if Path(f"/proc/{pid}").exists()], "a worker was left"
