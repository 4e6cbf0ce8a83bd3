"""check-po over several files in worker processes: the same output as one process.

Covers moci_vocab.workers (forked and spawned workers, errors, a dying worker,
Ctrl-C) and checkpo.parallel (when it is used, byte-identical output in every format
with baselines, suppressions, plurals, an unreadable file and an unknown language).
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from moci_vocab import workers
from moci_vocab.checkpo import parallel
from moci_vocab.checkpo.run import Options, Result, check_files, stream_findings
from moci_vocab.cli import cli
from moci_vocab.errors import MociError
from moci_vocab.findings import Finding, JsonBlock, TextBlock
from moci_vocab.languages import language_from_filename
from moci_vocab.report import json_chunks, print_text
from tests.test_signals import children

REPO = Path(__file__).resolve().parent.parent
IDENTITY = REPO / "tests" / "fixtures" / "identity"
ON_LINUX = sys.platform.startswith("linux")


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """The identity fixtures' clean glossary and catalogs, plus more files of each kind."""
    shutil.copytree(IDENTITY / "clean", tmp_path / "clean")
    shutil.copytree(IDENTITY / "po", tmp_path / "po")
    po = tmp_path / "po"
    for n in range(3):  # more catalogs, so that every worker gets several
        shutil.copyfile(po / "sq.po", po / f"sq{n}.po")
        shutil.copyfile(po / "hy.po", po / f"hy{n}.po")
    (po / "broken.po").write_text('msgid "a"\nmsgstr "b"\nmsgid \n', encoding="utf-8")
    (po / "nolang.po").write_text('msgid "Reconciliation"\nmsgstr "x"\n', encoding="utf-8")
    return tmp_path


def files(work: Path) -> list[str]:
    """Every catalog, in no sorted order, one of them twice (its findings are merged)."""
    names = sorted(p.relative_to(work).as_posix() for p in (work / "po").glob("*.po"))
    return [*names[::-1], "po/sq.po"]


def run(work: Path, *args: str) -> tuple[int, bytes, bytes]:
    old = Path.cwd()
    os.chdir(work)
    try:
        result = CliRunner().invoke(cli, ["--no-color", "--root", "clean", *args])
    finally:
        os.chdir(old)
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.stdout_bytes, result.stderr_bytes


@pytest.mark.parametrize("fork", [True, False], ids=["fork", "spawn"])
@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_workers_give_the_bytes_of_one_process(work, monkeypatch, fmt, fork):
    if fork and not ON_LINUX:
        pytest.skip("workers are forked on Linux only")
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    monkeypatch.setattr(workers, "_can_fork", lambda: fork)
    started = []
    real = workers._Worker

    def counting(*args):
        started.append(1)
        return real(*args)

    monkeypatch.setattr(workers, "_Worker", counting)
    options = (
        [],
        ["--baseline", "po/baseline.json"],
        ["--include-fuzzy", "--fail-on", "warning"],
        ["--quiet"],
    )
    for extra in options:
        one = run(work, "check-po", *files(work), "--format", fmt, "--jobs", "1", *extra)
        assert not started
        many = run(work, "check-po", *files(work), "--format", fmt, "--jobs", "3", *extra)
        assert len(started) == 2  # two workers beside this process
        started.clear()
        assert many == one
        assert one[0] == 1 and b"broken.po" in one[1] and b"MV605" in one[1]


def test_write_baseline_from_workers_is_the_same(work, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    run(work, "check-po", *files(work), "--jobs", "1", "--write-baseline", "one.json")
    run(work, "check-po", *files(work), "--jobs", "2", "--write-baseline", "two.json")
    assert (work / "one.json").read_bytes() == (work / "two.json").read_bytes()


@pytest.mark.parametrize("fork", [True, False], ids=["fork", "spawn"])
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_findings_come_written_from_the_workers_and_print_the_same(work, monkeypatch, fmt, fork):
    # Each file's findings are written where they are found (worker or command): the
    # command only writes the blocks, and has no text to make after the last file.
    if fork and not ON_LINUX:
        pytest.skip("workers are forked on Linux only")
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    monkeypatch.setattr(workers, "_can_fork", lambda: fork)
    monkeypatch.chdir(work)
    paths = [Path(name) for name in files(work)]
    json = fmt == "json"
    results = [Result(), Result()]
    one = list(stream_findings(Path("clean"), paths, Options(), results[0], None, None, 1, json))
    kept: list = []
    many = list(
        stream_findings(
            Path("clean"), paths, Options(), results[1], None, None, 2, json, kept, not json
        )
    )
    kind = JsonBlock if json else TextBlock
    assert len([item for item in many if isinstance(item, kind)]) >= 3
    # po/sq.po, given twice: its two files' findings are merged, finding by finding.
    assert {f.file for f in many if isinstance(f, Finding) and f.code == "MV601"} == {"po/sq.po"}
    assert results[0].summary() == results[1].summary()
    texts = []
    for stream, result in zip((one, many), results, strict=True):
        if json:
            texts.append("".join(json_chunks(stream, result.summary(), plain=True)))
        else:
            out = io.StringIO()
            print_text(stream, what="translations", plain=out)
            texts.append(out.getvalue())
    assert texts[0] == texts[1] and "MV601" in texts[0]
    # What this process loaded (its Checker, compiled glossaries) is kept for the caller,
    # which ends the process without freeing it object by object. On a loaded machine the
    # worker may take every file and this process load no language: a forked run's memo
    # then holds the Checker prepared before the fork (parallel._prepare) with none, a
    # spawned run's memo nothing (test_one_process_keeps_its_checker_for_the_caller covers
    # a memo whose Checker has loaded its languages).
    (memo,) = kept
    assert len(memo) <= 1  # one Checker per process
    assert all(set(checker.compiled_by_lang) <= {"sq", "hy"} for checker in memo.values())


def test_one_process_keeps_its_checker_for_the_caller(work):
    kept: list = []
    paths = [work / "po" / "sq.po", work / "po" / "hy.po"]
    found = stream_findings(work / "clean", paths, Options(), Result(), None, None, 1, False, kept)
    assert list(found) and kept[0]["checker"].compiled_by_lang.keys() == {"sq", "hy"}


class Remembers:
    """A job that leaves in its process's memo an object that says when it is freed."""

    def __init__(self, marker: Path):
        self.marker = marker

    def run(self, memo: dict):
        if "freed" not in memo:
            memo["freed"] = _SaysWhenFreed(self.marker, os.getpid())
        time.sleep(0.05)  # the other process takes a job too
        return os.getpid()


class _SaysWhenFreed:
    def __init__(self, marker: Path, pid: int):
        self.marker, self.pid = marker, pid

    def __del__(self):
        self.marker.with_name(f"freed-{self.pid}").write_text("freed")


@pytest.mark.skipif(not ON_LINUX, reason="a forked worker")
def test_a_forked_worker_ends_without_freeing_what_its_jobs_loaded(tmp_path):
    # Freeing a worker's compiled glossaries object by object (ms per language) delayed the
    # end of its results, which the command waits for; the process's end frees them.
    pids = workers.run_jobs([Remembers(tmp_path / "m") for _ in range(6)], 2)
    worker = set(pids) - {os.getpid()}
    assert len(worker) == 1
    assert not (tmp_path / f"freed-{worker.pop()}").exists()


def test_small_inputs_stay_in_this_process(tmp_path):
    small = [tmp_path / f"{n}.po" for n in range(4)]
    for path in small:
        path.write_bytes(b"x" * 1000)
    assert parallel.worker_count(small, 0) == 0  # too few bytes to repay a start-up
    big = tmp_path / "big.po"
    big.write_bytes(b"x" * parallel.MIN_BYTES)
    assert parallel.worker_count([big], 4) == 0  # one file
    assert parallel.worker_count([*small, big], 1) == 0  # --jobs 1
    assert parallel.worker_count([*small, big], 3) == 3
    assert parallel.worker_count([small[0], big], 8) == 2  # never more than the files
    assert parallel.worker_count([*small, big], 0) == min(5, workers.available_cores())


@pytest.mark.parametrize("fork", [True, False], ids=["fork", "spawn"])
def test_small_inputs_of_two_languages_get_a_forked_worker(tmp_path, monkeypatch, fork):
    # A forked worker (~25 ms of CPU) repays itself in wall time as soon as the files hold
    # two languages (each process sets up its own), whatever their size; a spawned one
    # (a fresh Python) only from MIN_BYTES, and files of one language from FORKED_MIN_BYTES.
    monkeypatch.setattr(workers, "forks_here", lambda: fork)
    monkeypatch.setattr(workers, "available_cores", lambda: 2)
    two = [tmp_path / "app-sq.po", tmp_path / "app-ka.po"]
    for path in two:
        path.write_bytes(b"x" * 1000)
    assert parallel.worker_count(two, 0) == (2 if fork else 0)
    assert parallel.worker_count(two, 0, "sq") == 0  # --lang: one language
    assert parallel.worker_count(two, 1) == 0  # --jobs 1
    one = [tmp_path / "a-sq.po", tmp_path / "b-sq.po"]
    one[0].write_bytes(b"x" * 1000)
    one[1].write_bytes(b"x" * (parallel.FORKED_MIN_BYTES - 2000))
    assert parallel.worker_count(one, 0) == 0  # one language, too few bytes
    one[1].write_bytes(b"x" * parallel.FORKED_MIN_BYTES)
    assert parallel.worker_count(one, 0) == (2 if fork else 0)
    one[1].write_bytes(b"x" * parallel.MIN_BYTES)
    assert parallel.worker_count(one, 0) == 2


def test_progress_counts_every_file(work, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    calls: list[tuple[int, int]] = []
    paths = [work / name for name in files(work)]
    check_files(work / "clean", paths, Options(), progress=lambda *c: calls.append(c), jobs=2)
    total = len(paths)
    assert calls == [(done, total) for done in range(total + 1)]


class Boom:
    """A job that fails the way the package reports problems."""

    def run(self, memo: dict):
        raise MociError("cannot read this", "some/file.po", 7)


class Dies:
    """A job whose worker process dies (as when the system kills it for memory)."""

    def __init__(self):
        self.parent = os.getpid()

    def run(self, memo: dict):
        if os.getpid() != self.parent:
            os._exit(3)
        time.sleep(0.5)  # in the parent (which runs jobs too): leave them to a worker


class Counts:
    """A job that tells how many jobs its process has run (its memo lives on)."""

    def __init__(self, n: int):
        self.n = n

    def run(self, memo: dict):
        memo["runs"] = memo.get("runs", 0) + 1
        return (self.n, os.getpid(), memo["runs"])


@pytest.mark.skipif(not ON_LINUX, reason="the jobs are classes of this module (forked workers)")
def test_results_come_in_the_jobs_order_and_memos_live_on():
    results = workers.run_jobs([Counts(n) for n in range(12)], 3, order=range(11, -1, -1))
    assert [n for n, _pid, _runs in results] == list(range(12))
    by_process: dict[int, list[int]] = {}
    for _n, pid, runs in results:
        by_process.setdefault(pid, []).append(runs)
    assert all(sorted(runs) == list(range(1, len(runs) + 1)) for runs in by_process.values())


@pytest.mark.skipif(not ON_LINUX, reason="the jobs are classes of this module (forked workers)")
def test_a_failing_job_is_one_sentence_with_file_and_line():
    with pytest.raises(MociError) as caught:
        workers.run_jobs([Counts(0), Boom(), Counts(1), Counts(2)], 2, order=[2, 3, 1, 0])
    assert str(caught.value) == "some/file.po:7: cannot read this"


class Fails:
    """A job that meets a bug (not a MociError) in a worker; in the caller it waits,
    leaving the other jobs to the worker."""

    def __init__(self):
        self.parent = os.getpid()

    def run(self, memo: dict):
        if os.getpid() != self.parent:
            raise ValueError("injected")
        time.sleep(0.5)


@pytest.mark.skipif(not ON_LINUX, reason="the jobs are classes of this module (forked workers)")
def test_a_jobs_bug_in_a_worker_is_raised_as_itself():
    # It came back as a MociError, "a worker process failed: ValueError: injected", where
    # the same bug met in the caller (`--jobs 1`) was the CLI's "unexpected ValueError".
    with pytest.raises(ValueError, match=r"^injected$"):
        workers.run_jobs([Counts(0), Fails(), Fails(), Fails()], 2, order=[1, 0, 2, 3])


@pytest.mark.skipif(not ON_LINUX, reason="forked workers share this test's patch")
def test_a_bug_checking_a_file_is_said_the_same_whichever_process_met_it(work, monkeypatch):
    from moci_vocab.checkpo import run as checking

    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    monkeypatch.setattr(workers, "_can_fork", lambda: True)
    parent = os.getpid()
    real = checking.read_catalog
    in_workers_only = []

    def meets_a_bug(path):
        if os.getpid() != parent or not in_workers_only:
            raise ValueError("injected")
        time.sleep(0.3)  # in the command: leave the files to its workers
        return real(path)

    monkeypatch.setattr(checking, "read_catalog", meets_a_bug)
    one = run(work, "check-po", *files(work), "--jobs", "1")  # met in the command itself
    in_workers_only.append(True)
    many = run(work, "check-po", *files(work), "--jobs", "3")
    said = b"error: unexpected ValueError: injected (a bug; rerun with MOCI_VOCAB_DEBUG=1"
    assert one[0] == many[0] == 1
    assert one[2] == many[2] and one[2].startswith(said)


@pytest.mark.skipif(not ON_LINUX, reason="the jobs are classes of this module (forked workers)")
def test_a_dying_worker_is_an_error_not_a_hang():
    with pytest.raises(MociError, match="stopped unexpectedly"):
        workers.run_jobs([Counts(0), Dies(), Dies(), Dies()], 2, order=[1, 0, 2, 3])


class Broken:
    """A job that meets a bug wherever it runs."""

    def run(self, memo: dict):
        raise ValueError("injected")


class Late:
    """A job whose result comes 0.3 s after it is taken."""

    def __init__(self, n: int):
        self.n = n

    def run(self, memo: dict):
        time.sleep(0.3)
        return self.n


@pytest.mark.skipif(not ON_LINUX, reason="the jobs are classes of this module (forked workers)")
def test_the_results_before_a_failed_job_are_still_given():
    # The job handed out first fails at once: its error was raised as soon as it came, the
    # results of the jobs wanted before it never given (one process gives them, then fails).
    got = []
    with pytest.raises(ValueError, match=r"^injected$"):
        for result in workers.iter_jobs(
            [Late(0), Late(1), Broken(), Late(3)], 2, order=[2, 0, 1, 3]
        ):
            got.append(result)
    assert got == [0, 1]


@pytest.mark.skipif(not ON_LINUX, reason="forked workers share this test's patch")
def test_a_bug_mid_run_comes_after_the_findings_before_it_whatever_the_jobs(work, monkeypatch):
    # `--jobs 1` wrote the findings of the files before the one that meets a bug, then the
    # error; with workers, none (the error was raised as it came): 189 KB against 0 B with
    # the real catalogs of tests/fixtures/checkpo/real and a bug met reading vlc-ka.po. (Text:
    # JSON, SARIF and --format github hold these few findings until their end.)
    from moci_vocab.checkpo import run as checking

    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    monkeypatch.setattr(workers, "_can_fork", lambda: True)
    real = checking.read_catalog

    def meets_a_bug(path):
        if Path(path).name == "sq2.po":  # the last file by name, the first handed out
            raise ValueError("injected")
        time.sleep(0.2)  # the others' findings come after the bug, wherever it is met
        return real(path)

    monkeypatch.setattr(checking, "read_catalog", meets_a_bug)
    assert files(work)[0] == "po/sq2.po"  # (of the biggest files, the first given)
    one = run(work, "check-po", *files(work), "--jobs", "1")
    many = run(work, "check-po", *files(work), "--jobs", "3")
    assert one == many
    assert one[0] == 1 and b"po/hy2.po" in one[1] and b"po/sq1.po" in one[1]
    assert one[2].startswith(b"error: unexpected ValueError: injected (a bug;")


@pytest.mark.skipif(not ON_LINUX, reason="the jobs are classes of this module (forked workers)")
def test_a_worker_killed_by_a_signal_says_so():
    # The out-of-memory killer's SIGKILL was "exit code -9".
    with pytest.raises(
        MociError, match=r"^a worker process stopped unexpectedly \(killed by SIGKILL\)$"
    ):
        workers.run_jobs([Counts(0), Killed(), Killed(), Killed()], 2, order=[1, 0, 2, 3])


class Killed(Dies):
    """A job whose worker process is killed (SIGKILL, as by the out-of-memory killer)."""

    def run(self, memo: dict):
        if os.getpid() != self.parent:
            os.kill(os.getpid(), signal.SIGKILL)
        time.sleep(0.5)


@pytest.mark.skipif(not ON_LINUX, reason="a forked worker")
def test_waiting_for_a_forked_worker_blocks_instead_of_napping(monkeypatch):
    # Naps of 5 ms added up to 5 ms to the end of every run (the worker is still exiting
    # when its results end); the wait without a timeout blocks until the exit instead.
    process = workers._Forked([], None)
    process.stdin.close()  # the worker's input ends: it exits
    naps = []
    monkeypatch.setattr(workers.time, "sleep", naps.append)
    try:
        assert process.wait() == 0
    finally:
        process.stdout.close()
    assert naps == [] and process.poll() == 0


def test_a_spawned_worker_runs_this_code(tmp_path):
    # A spawned worker imports moci_vocab afresh: it must be this checkout's.
    (tmp_path / "sq.po").write_bytes((IDENTITY / "po" / "sq.po").read_bytes())
    (tmp_path / "hy.po").write_bytes((IDENTITY / "po" / "hy.po").read_bytes())
    worker = workers._Worker([], fork=False)
    try:
        job = parallel.FileJob(IDENTITY / "clean", tmp_path / "sq.po", Options())
        result = worker.run(job)
    finally:
        worker.stop()
    assert result.files == 1 and result.findings


@pytest.mark.skipif(not ON_LINUX, reason="reads worker processes from /proc")
@pytest.mark.parametrize("fork", ["True", "False"], ids=["fork", "spawn"])
def test_ctrl_c_stops_the_workers_at_once(tmp_path, fork):
    script = textwrap.dedent(
        f"""
        import sys, time
        from moci_vocab import workers

        class Sleeps:
            def run(self, memo):
                time.sleep(60)

        workers._can_fork = lambda: {fork}
        try:
            workers.run_jobs([Sleeps() for _ in range(4)], 3)
        except KeyboardInterrupt:
            print("interrupted", flush=True)
            sys.exit(130)
        """
    )
    if fork == "False":  # a spawned worker must be able to import the job's class
        (tmp_path / "sleepjob.py").write_text(
            "import time\nclass Sleeps:\n    def run(self, memo):\n        time.sleep(60)\n"
        )
        script = script.replace("class Sleeps:", "from sleepjob import Sleeps\nclass _Unused:")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), str(tmp_path)])}
    process = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while len(children(process.pid)) < 2:
            assert process.poll() is None and time.monotonic() < deadline, process.stderr.read()
            time.sleep(0.05)
        time.sleep(0.3)
        kids = children(process.pid)
        sent = time.monotonic()
        os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole group
        out, err = process.communicate(timeout=50)
        took = time.monotonic() - sent
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130, err.decode()
    assert out == b"interrupted\n" and b"Traceback" not in err, err.decode()
    # Stopped, not waited for: each job sleeps 60 s (no tighter bound: a wall-clock limit
    # fails on a loaded machine, as test_checkpo_standby's did).
    assert took < 30, f"took {took:.2f} s"
    assert not [pid for pid in kids if Path(f"/proc/{pid}").exists()], "workers left"


@pytest.mark.skipif(not ON_LINUX, reason="forked workers, read from /proc")
def test_a_forked_worker_ends_at_once_when_its_parent_is_killed():
    # `kill -9` of the process that forked the workers (a command, or check-po's standby;
    # the OOM killer): a worker in the middle of a job used to run on until it next wrote
    # to it (a glossary's compile: seconds; here a job that sleeps a minute). Its parent's
    # end of its jobs pipe closes as the parent dies, and the kernel ends the worker (SIGIO).
    script = textwrap.dedent(
        """
        import time
        from moci_vocab import workers

        class Sleeps:
            def run(self, memo):
                time.sleep(60)

        workers.run_jobs([Sleeps() for _ in range(2)], 2)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )
    kids: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while not (kids := children(process.pid)):
            assert process.poll() is None and time.monotonic() < deadline, process.stderr.read()
            time.sleep(0.05)
        time.sleep(0.3)  # (each process in its job by then)
        process.kill()
        process.wait()
        # Ended long before its job's minute (no tighter bound: a loaded machine).
        deadline = time.monotonic() + 10
        while any(map(_running, kids)) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert not any(map(_running, kids)), "a worker runs on"
    finally:
        if process.poll() is None:
            process.kill()
        for pid in kids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def _running(pid: int) -> bool:
    """Whether a process exists and has not ended (a zombie has)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not ON_LINUX, reason="forked workers, read from /proc")
@pytest.mark.parametrize("sent", ["SIGINT", "SIGTERM"])
def test_a_signal_right_after_a_fork_leaves_no_worker_running(sent):
    # A Ctrl-C (or SIGTERM) that lands between a worker's fork and the pool's record of it:
    # the run still stops, and the worker, which ignores Ctrl-C and takes its jobs itself,
    # is killed with the others instead of running on unseen.
    script = textwrap.dedent(
        f"""
        import os, signal, sys, time
        from moci_vocab import workers

        class Naps:
            def run(self, memo):
                time.sleep(0.5)

        signal.signal(signal.SIGTERM, signal.default_int_handler)  # as the CLI: it unwinds
        real_fork = os.fork

        def fork():
            pid = real_fork()
            if pid:  # the parent: the signal comes right after the fork returns
                os.kill(os.getpid(), signal.{sent})
            return pid

        os.fork = fork
        workers._can_fork = lambda: True
        try:
            workers.run_jobs([Naps() for _ in range(6)], 2)
        except KeyboardInterrupt:
            left = [
                int(pid)
                for task in os.listdir("/proc/self/task")
                for pid in open(f"/proc/self/task/{{task}}/children").read().split()
            ]
            for pid in left:  # the old code's stray worker: not left behind by the test
                os.kill(pid, signal.SIGKILL)
            print("interrupted", left)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.stdout == "interrupted []\n", done.stdout + done.stderr


class Where:
    """A job that tells which process ran it, and when."""

    def run(self, memo: dict):
        time.sleep(0.02)
        return os.getpid(), time.monotonic()


@pytest.mark.skipif(not ON_LINUX, reason="the jobs are classes of this module (forked workers)")
def test_a_process_keeps_to_the_groups_it_has_had():
    groups = ["sq", "ka", "hy"] * 8
    runs = workers.run_jobs([Where() for _ in groups], 2, groups=groups)
    by_process: dict[int, list[tuple[float, str]]] = {}
    for (pid, when), group in zip(runs, groups, strict=True):
        by_process.setdefault(pid, []).append((when, group))
    switches = 0
    for done in by_process.values():
        sequence = [group for _when, group in sorted(done)]
        blocks = [g for i, g in enumerate(sequence) if i == 0 or sequence[i - 1] != g]
        assert len(blocks) == len(set(blocks)), sequence  # a group left is never taken up again
        switches += len(blocks) - 1
    assert switches <= 3  # alternating jobs would switch about 20 times


def test_a_language_hint_from_the_gettext_folder_or_the_name():
    assert parallel._language_hint(Path("locale/ka/LC_MESSAGES/django.po")) == "ka"
    assert parallel._language_hint(Path("po/nautilus-hy.po")) == "hy"
    assert parallel._language_hint(Path("po/messages.po")) is None
    # A guess from the name's shape, without CLDR (whose data would delay the workers).
    assert parallel._language_hint(Path("po/tool-qq.po")) == "qq"
    assert language_from_filename(Path("po/tool-qq.po")) is None


def test_a_process_takes_its_groups_then_a_new_one_then_helps_where_enough_are_left():
    # Jobs 0-10, handed out in this order; groups: a (6 jobs), b (2), c (1), none (1).
    order = list(range(11))
    groups = ["a", "b", "a", "c", "a", "b", "a", "a", None, "a", "d"]
    for make in (workers._Claims, workers._SharedClaims):
        if make is workers._SharedClaims and not ON_LINUX:
            continue
        claims = make(order, groups, [1] * len(groups))
        try:
            one: list[int] = []
            two: list[int] = []
            assert claims.take(one, 0) == 8  # a job without a group: anybody's, first
            assert claims.take(one, 0) == 0  # process 0 begins the first group (a)
            assert claims.take(two, 1) == 1  # process 1 the second one (b), not a
            assert claims.take(two, 1) == 5  # its own group first
            assert claims.take(two, 1) == 3  # then a group nobody has begun (c, then d)
            assert claims.take(two, 1) == 10
            assert claims.take(two, 1) == 2  # then help with a: 5 left (>= SHARE)
            assert claims.take(one, 0) == 4
            assert claims.take(two, 1) == 6  # a is its own group now
            assert claims.take([], 2) is None  # a newcomer: 2 left in a, none elsewhere
            assert claims.take(one, 0) == 7
            assert claims.take(one, 0) == 9
            assert claims.take(one, 0) is None and claims.take(two, 1) is None
        finally:
            claims.close()


@pytest.mark.skipif(not ON_LINUX, reason="claims in pipes: forked workers (Linux)")
def test_shared_claims_import_what_counting_a_pipe_needs_before_any_fork():
    # Imported after the fork, `termios` costs each process its copied pages (1.4 ms).
    code = (
        "import sys; from moci_vocab import workers; "
        "claims = workers._SharedClaims([0, 1], ['a', 'b'], [1, 1]); "
        "print('termios' in sys.modules, claims.left(0), claims.left(1)); claims.close()"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "1", "1"]


def test_a_process_helps_with_a_begun_group_while_what_is_left_weighs_enough():
    # Group a's jobs weigh 50, 40, 30, 20, 10 (handed out in that order); share 60.
    claims = workers._Claims(range(5), ["a"] * 5, [50, 40, 30, 20, 10], share=60)
    owner: list[int] = []
    assert claims.take(owner, 0) == 0  # nobody's yet: begun
    assert claims.left_weight(0) == 100
    assert claims.take([], 1) == 1  # 100 left: worth loading what the group needs
    assert claims.take([], 2) == 2  # 60 left: still
    assert claims.left_weight(0) == 30
    assert claims.take([], 3) is None  # 30 left: sooner done by a process that has it
    assert claims.take(owner, 0) == 3 and claims.take(owner, 0) == 4
    assert claims.take(owner, 0) is None


class Naps:
    """A job that sleeps a while and tells which process ran it."""

    def __init__(self, seconds: float):
        self.seconds = seconds

    def run(self, memo: dict):
        time.sleep(self.seconds)
        return os.getpid()


@pytest.mark.skipif(not ON_LINUX, reason="the jobs are classes of this module (forked workers)")
def test_no_job_waits_behind_a_long_one_while_a_process_is_free():
    # A job is taken by a process when it is free to run it, never queued behind a long
    # job (the others are done by the other process meanwhile).
    pids = workers.run_jobs([Naps(0.8), *[Naps(0.02) for _ in range(6)]], 2)
    assert pids.count(pids[0]) == 1, pids
    assert len(set(pids)) == 2


@pytest.mark.skipif(not ON_LINUX, reason="the jobs are classes of this module (forked workers)")
def test_more_jobs_than_a_pipe_holds(monkeypatch):
    # 17,000 numbers of 4 bytes are more than a pipe's 64 KiB: it is enlarged, or, where
    # the system refuses, the jobs are handed out as to spawned workers.
    jobs = [Counts(n) for n in range(17000)]
    assert [n for n, _pid, _runs in workers.run_jobs(jobs, 2)] == list(range(17000))
    import fcntl

    real = fcntl.fcntl

    def refusing(fd, op, *args):
        if op == fcntl.F_SETPIPE_SZ:
            raise OSError("refused")
        return real(fd, op, *args)

    monkeypatch.setattr(fcntl, "fcntl", refusing)
    results = workers.run_jobs(jobs, 2)
    assert [n for n, _pid, _runs in results] == list(range(17000))
    assert len({pid for _n, pid, _runs in results}) == 2


@pytest.mark.skipif(not ON_LINUX, reason="forked workers, read from /proc")
def test_a_failure_right_after_a_fork_leaves_no_worker_running():
    # The pool records a forked worker once its pipes are wrapped; an error in between
    # (here the wrapping itself fails, as a MemoryError would) is raised, and the worker,
    # which takes its jobs itself in a session of its own, is killed and reaped, not left
    # to run them unseen.
    script = textwrap.dedent(
        """
        import builtins, os, signal, time
        from moci_vocab import workers

        class Naps:
            def run(self, memo):
                time.sleep(0.5)

        parent = os.getpid()

        def failing_open(file, mode="r", *args, **kwargs):
            if os.getpid() == parent and isinstance(file, int) and mode == "rb":
                raise MemoryError
            return builtins.open(file, mode, *args, **kwargs)

        workers.open = failing_open  # the module's own name for open
        workers._can_fork = lambda: True
        before = sorted(os.listdir("/proc/self/fd"))
        try:
            workers.run_jobs([Naps() for _ in range(6)], 2)
        except MemoryError:
            left = [
                int(pid)
                for task in os.listdir("/proc/self/task")
                for pid in open(f"/proc/self/task/{task}/children").read().split()
            ]
            for pid in left:  # the old code's stray worker: not left behind by the test
                os.kill(pid, signal.SIGKILL)
            print("failed", left, sorted(os.listdir("/proc/self/fd")) == before)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.stdout == "failed [] True\n", done.stdout + done.stderr


@pytest.mark.skipif(not ON_LINUX, reason="forked workers, read from /proc")
def test_a_fork_that_fails_leaves_no_pipe_open():
    # os.fork refused (EAGAIN: too many processes): the run says so, and the four pipe ends
    # made for the worker that never was are closed (a long-lived caller would run out).
    script = textwrap.dedent(
        """
        import errno, os
        from moci_vocab import workers
        from moci_vocab.errors import MociError

        class Nothing:
            def run(self, memo):
                return None

        def fork():
            raise OSError(errno.EAGAIN, "Resource temporarily unavailable")

        os.fork = fork
        workers._can_fork = lambda: True
        before = sorted(os.listdir("/proc/self/fd"))
        try:
            workers.run_jobs([Nothing() for _ in range(4)], 2)
        except MociError as exc:
            print(str(exc).split(":")[0], sorted(os.listdir("/proc/self/fd")) == before)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.stdout == "could not start a worker process True\n", done.stdout + done.stderr


@pytest.mark.skipif(not ON_LINUX, reason="forked workers")
def test_forked_workers_take_the_glossarys_languages_and_fingerprint_from_the_command(
    work, monkeypatch, tmp_path
):
    # The command takes them once, before it forks; a forked worker starts with a copy of
    # its memo and takes neither again (a stat per concept file, the manifest's cache).
    from moci_vocab import layout
    from moci_vocab.checkpo import compile as compiled

    calls = tmp_path / "calls"

    def counted(name, real):
        def wrapper(*args, **kwargs):
            with open(calls, "a", encoding="utf-8") as log:
                log.write(f"{name} {os.getpid()}\n")
            return real(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(layout, "fingerprint", counted("fingerprint", layout.fingerprint))
    monkeypatch.setattr(
        compiled, "glossary_languages", counted("languages", compiled.glossary_languages)
    )
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    monkeypatch.setattr(workers, "_can_fork", lambda: True)
    paths = sorted((work / "po").glob("*.po"))
    one = check_files(work / "clean", paths, Options(None, False, False, None), jobs=1)
    calls.unlink()
    pids = set()
    real = workers._Forked.__init__

    def forked(self, *args, **kwargs):
        real(self, *args, **kwargs)
        pids.add(self.pid)

    monkeypatch.setattr(workers._Forked, "__init__", forked)
    two = check_files(work / "clean", paths, Options(None, False, False, None), jobs=3)
    assert pids, "no worker was forked"
    taken = calls.read_text(encoding="utf-8").split("\n")[:-1]
    assert sorted(line.split()[0] for line in taken) == ["fingerprint", "languages"]
    assert {int(line.split()[1]) for line in taken} == {os.getpid()}
    assert [f.sort_key() for f in two.findings] == [f.sort_key() for f in one.findings]


def test_a_free_process_helps_with_the_last_quarter_megabyte_of_a_language():
    # The context case of bench_checkpo_parallel.py, at its end: the command has begun
    # Armenian and checks Caja's catalog; Audacity's and Trac's are left, 261,847 bytes.
    # Setting Armenian up in the free worker costs ~80 KB of checking (2026-12-05): it
    # helps (under the first threshold, 256 KiB, it stopped and the command went on alone
    # for ~47 ms).
    sizes = [169_347, 141_335, 120_512]
    claims = workers._Claims(range(3), ["hy"] * 3, sizes, share=parallel.SHARE_BYTES)
    command: list[int] = []
    assert claims.take(command, 1) == 0  # the command begins Armenian with Caja
    assert claims.take([], 0) == 1  # the worker, free, takes Audacity's
    assert claims.take(command, 1) == 2
    # and a language's last small file is left to the process that has it
    claims = workers._Claims(range(2), ["hy"] * 2, sizes[::2], share=parallel.SHARE_BYTES)
    assert claims.take([], 1) == 0
    assert claims.take([], 0) is None


@pytest.mark.skipif(not ON_LINUX, reason="forked workers, read from /proc")
def test_a_worker_that_said_it_has_ended_is_not_waited_for_and_reaped_later():
    # A forked worker's last message says it has no job left: its results are all in, and
    # its exit (here slow: a minute) is not waited for; the next run, or the interpreter's
    # exit, reaps it. Its results are those of a run that waited.
    script = textwrap.dedent(
        """
        import os, signal, time
        from moci_vocab import workers

        class Pid:
            def __init__(self, n):
                self.n = n

            def run(self, memo):
                time.sleep(0.02)
                return self.n, os.getpid()

        let_go = workers.let_go_of_output

        def lingering():
            let_go()
            time.sleep(60)

        workers.let_go_of_output = lingering
        workers._can_fork = lambda: True
        results = workers.run_jobs([Pid(n) for n in range(20)], 2)
        (worker,) = {pid for _n, pid in results} - {os.getpid()}
        waiting = os.waitpid(worker, os.WNOHANG) == (0, 0)
        os.kill(worker, signal.SIGKILL)
        workers.reap_ended()
        print([n for n, _pid in results] == list(range(20)), waiting, workers._ENDED == [])
        print(os.path.exists(f"/proc/{worker}"))
        """
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.stdout == "True True True\nFalse\n", done.stdout + done.stderr


def shared_by(kilobytes: dict[str, list[int]], processes: int) -> str | None:
    """`parallel.shared_at_the_end` for files of these sizes (KB), handed out biggest first."""
    languages = [lang for lang, files in kilobytes.items() for _size in files]
    sizes = [size * 1024 for files in kilobytes.values() for size in files]
    order = sorted(range(len(sizes)), key=lambda i: -sizes[i])
    return parallel.shared_at_the_end(languages, sizes, order, processes)


def test_the_language_shared_at_the_end_is_the_one_both_processes_would_set_up():
    # The claims played out by size. The headline case of bench_checkpo_parallel.py (KB):
    # Georgian 811, Armenian 475, Albanian 500: one process begins ka, the other hy, then
    # sq, which the first joins once ka is done.
    headline = {"ka": [357, 129, 125, 120, 48, 32], "hy": [143, 119, 71, 48, 44, 29, 22]}
    headline["sq"] = [136, 95, 90, 57, 49, 41, 31]
    assert shared_by(headline, 2) == "sq"
    # Three processes: one language each, then Georgian's 336 KB left are joined.
    assert shared_by(headline, 3) == "ka" and shared_by(headline, 4) == "ka"
    # The context case: Georgian outweighs the other two together: it is the one joined
    # (Armenian, begun last, is checked by one process alone).
    larger = {"ka": [612, 404, 370, 296, 232, 200, 180, 150, 80, 35], "sq": [368, 324, 260]}
    larger["sq"] += [200, 143]
    larger["hy"] = [220, 200, 180, 140, 85]
    assert shared_by(larger, 2) == "ka"
    # Small files: what is left of a language when a process runs out is under SHARE_BYTES.
    assert shared_by({"ka": [50], "hy": [30], "sq": [20]}, 2) is None
    # Files whose names tell no language are anybody's, never a language to load.
    k = 1024
    assert parallel.shared_at_the_end([None] * 3, [900 * k] * 3, [0, 1, 2], 2) is None


def test_no_claims_are_played_out_where_no_group_can_be_joined(monkeypatch):
    # A language per file (4,000 files): no group has SHARE_BYTES left after its first file,
    # so none can be shared, and the claims (linear in the groups per take) are not played.
    def no_claims(*args):
        raise AssertionError("played out")

    monkeypatch.setattr(workers, "_Claims", no_claims)
    count = 4000
    sizes = [1_000_000] * count
    groups = [f"l{n}" for n in range(count)]
    assert workers.shared_groups(range(count), groups, sizes, parallel.SHARE_BYTES, 2, 0) == []
    # a group of two big files can be joined: played out
    with pytest.raises(AssertionError, match="played out"):
        workers.shared_groups(range(3), ["a", "a", "b"], sizes[:3], parallel.SHARE_BYTES, 2, 0)


def test_a_group_loaded_in_every_process_is_helped_at_any_weight():
    # Groups a (jobs 0, 1) and b (2, 3, 4): b's last jobs weigh less than `share`, but what
    # they need is in every process (loaded before the fork): a free process helps.
    for make in (workers._Claims, workers._SharedClaims):
        if make is workers._SharedClaims and not ON_LINUX:
            continue
        for everywhere, helped in (((), None), (("b",), 4)):
            claims = make(range(5), list("aabbb"), [50, 40, 30, 20, 10], 60, everywhere)
            try:
                one: list[int] = []
                two: list[int] = []
                assert claims.take(one, 0) == 0 and claims.take(two, 1) == 2
                assert claims.take(one, 0) == 1 and claims.take(two, 1) == 3
                assert claims.take(one, 0) == helped  # b: 10 left, under 60
            finally:
                claims.close()


@pytest.mark.skipif(not ON_LINUX, reason="forked workers")
def test_the_language_shared_at_the_end_is_loaded_once_before_the_workers_fork(
    work, monkeypatch, tmp_path
):
    # Three languages over two processes: ka and hy are begun by one process each, sq (the
    # last begun: its biggest file is the smallest first file) is loaded by this process
    # before it forks, and by no process after.
    from moci_vocab.checkpo import compile as compiled
    from moci_vocab.checkpo import run

    po = tmp_path / "three"
    po.mkdir()
    texts = {
        lang: (work / "po" / f"{lang}.po").read_text(encoding="utf-8") for lang in ("sq", "hy")
    }
    texts["ka"] = texts["sq"].replace("Language: sq", "Language: ka")  # findings, as it should
    for n in range(3):
        for lang, lines in (("ka", 90), ("hy", 60), ("sq", 30)):  # the order of handing out
            padding = f"# {'x' * 70}\n" * (lines - 10 * n)
            (po / f"app{n}-{lang}.po").write_text(padding + texts[lang], encoding="utf-8")
    calls = tmp_path / "calls"
    forked: list[int] = []
    real_load, real_cached = compiled.load_compiled, compiled.cached_compiled

    def logged(real):
        def load(root, lang, *args):
            with open(calls, "a", encoding="utf-8") as log:
                log.write(f"{lang} {os.getpid()} {len(forked)}\n")
            return real(root, lang, *args)

        return load

    real_fork = workers._Forked.__init__

    def fork(self, *args, **kwargs):
        forked.append(1)
        real_fork(self, *args, **kwargs)

    monkeypatch.setattr(run, "load_compiled", logged(real_load))
    monkeypatch.setattr(compiled, "cached_compiled", logged(real_cached))
    monkeypatch.setattr(workers._Forked, "__init__", fork)
    monkeypatch.setattr(workers, "_can_fork", lambda: True)
    # (which language: the test above; here small files would share none)
    monkeypatch.setattr(parallel, "shared_at_the_end", lambda *args: "sq")
    paths = sorted(po.glob("*.po"))
    options = Options(None, False, False, None)
    one = check_files(work / "clean", paths, options, jobs=1)
    calls.unlink()
    two = check_files(work / "clean", paths, options, jobs=2)
    assert forked, "no worker was forked"
    loads = [line.split() for line in calls.read_text(encoding="utf-8").splitlines()]
    assert sorted(lang for lang, _pid, _forks in loads) == ["hy", "ka", "sq"]  # once each
    assert ["sq", str(os.getpid()), "0"] in loads  # here, before the fork
    assert [f.sort_key() for f in two.findings] == [f.sort_key() for f in one.findings]


def test_a_language_is_loaded_before_the_fork_from_the_cache_only(work, monkeypatch):
    # A glossary changed since its languages were compiled: compiling one (about a second)
    # before the fork would hold every process back; the process that first checks one of
    # its files compiles it, as without workers.
    from moci_vocab.checkpo import compile as compiled

    root = work / "clean"
    options = Options(None, False, False, None)
    memo: dict = {}
    parallel._prepare(memo, root, options)
    assert memo, "the checker was not prepared"

    compiling: list[str] = []

    def no_compiling(glossary, lang):
        compiling.append(lang)
        raise AssertionError("compiled before the fork")

    monkeypatch.setattr(compiled, "compile_glossary", no_compiling)
    assert parallel._preload(memo, root, options, "sq") is False  # nothing cached yet
    assert compiling == []
    monkeypatch.undo()
    check_files(root, [work / "po" / "sq.po"], options, jobs=1)  # compiled and cached
    memo = {}
    parallel._prepare(memo, root, options)
    monkeypatch.setattr(compiled, "compile_glossary", no_compiling)
    assert parallel._preload(memo, root, options, "sq") is True
    assert list(memo[parallel._memo_key(root, options)].compiled_by_lang) == ["sq"]
    assert compiling == []


def test_the_language_loaded_before_the_fork_is_read_before_the_fingerprint_is_asked(
    work, monkeypatch
):
    # A standby's fingerprint comes from its command, which takes it after it has sent the
    # run: the shared language's cache is read, verified and unpickled meanwhile.
    from moci_vocab import cache
    from moci_vocab.layout import fingerprint

    root = work / "clean"
    options = Options(None, False, False, None)
    check_files(root, [work / "po" / "sq.po"], options, jobs=1)  # compiled and cached
    order: list[str] = []

    def stamps_of(path):
        order.append("fingerprint")
        return fingerprint(path)

    read = cache._signed_payload

    def reading(where, name):
        order.append(name)
        return read(where, name)

    monkeypatch.setattr(cache, "_signed_payload", reading)
    memo: dict = {}
    parallel._prepare(memo, root, options, stamps_of)
    languages = [name for name in order if name != "fingerprint"]
    assert "fingerprint" not in order
    assert parallel._preload(memo, root, options, "sq") is True
    parallel._fingerprint(memo, root, options)
    assert order[len(languages) :] == ["checkpo-sq", "fingerprint"]  # asked once, after
    assert parallel._memo_key(root, options) in memo
