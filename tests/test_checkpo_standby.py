"""check-po over several files: the files are checked by a process forked before click is
imported (moci_vocab.checkpo.standby), which imports check-po's engine meanwhile; the
command only parses and writes. The same bytes as one process, in every format, for errors
too; a standby that is not needed, or whose command is interrupted, is stopped and reaped."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from moci_vocab.__main__ import wants_standby

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
IDENTITY = HERE / "fixtures" / "identity"
ON_LINUX = sys.platform.startswith("linux")
TWO_CORES = hasattr(os, "sched_getaffinity") and len(os.sched_getaffinity(0)) >= 2

# `moci-vocab ARGS` through the console entry, each process saying in LOG what it did:
# "PID command" (the process started), "PID forks" (it forks), "PID forked" (a process
# forked by it or by one of its children), "PID engine" (it imported check-po's engine),
# "PID open NAME" (it opened a catalog), "PID exits" (it ends with os._exit), with IMPORTS
# set "PID import NAME" (it imported a module), with MESSAGES set "PID sends KIND" (it sent
# a message of that kind to another process); in the order they happened. BUG=NAME: reading
# that catalog meets a bug (a ValueError); LATE=NAME: it is read 0.5 s late; DIES=standby or
# DIES=worker: that process ends (status 7) as it opens its first catalog.
SCRIPT = """
import os, sys, time
log = open(os.environ["LOG"], "a", buffering=1)
log.write(f"{os.getpid()} command\\n")
COMMAND = os.getpid()
ENGINE = os.sep + os.path.join("moci_vocab", "checkpo", "")
def hook(event, args):
    if event == "import" and args[0] == "moci_vocab.checkpo.run":
        log.write(f"{os.getpid()} engine\\n")
    elif event == "open" and isinstance(args[0], str):
        name = os.path.basename(args[0])
        if name.endswith(".po"):
            log.write(f"{os.getpid()} open {name}\\n")
            if name == os.environ.get("SLOW"):  # a catalog that takes a minute to check
                time.sleep(60)
            if name == os.environ.get("LATE"):
                time.sleep(0.5)
            if name == os.environ.get("BUG"):
                raise ValueError("injected")
            dies = os.environ.get("DIES")
            if dies and os.getpid() != COMMAND and (os.getppid() == COMMAND) is (dies == "standby"):
                exit_now(7)
        elif ENGINE in args[0] and name.split(".")[0] == "run":  # importlib's import
            log.write(f"{os.getpid()} engine\\n")
    elif event == "import" and os.environ.get("IMPORTS"):
        log.write(f"{os.getpid()} import {args[0]}\\n")
    elif event == "os.scandir" and os.environ.get("SLOW_STAMPS") and os.getpid() == COMMAND:
        # The command's fingerprint of the glossary, taken slowly: 0.5 s, or with SLOW_STAMPS
        # "idle" until the standby (its child) waits on a pipe, its idle imports done (it
        # reads the fingerprint's pipe only when it has nothing left to import; at most 60 s).
        if os.environ["SLOW_STAMPS"] != "idle":
            time.sleep(0.5)
            return
        # (Only once the standby exists: the read-ahead thread's scandir, before the fork,
        # held here would hold the fork itself, and the whole test for the 60 s.)
        children = f"/proc/{COMMAND}/task/{COMMAND}/children"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with open(children) as kids:
                    waits = [open(f"/proc/{kid}/wchan").read() for kid in kids.read().split()]
            except OSError:  # no /proc children list or wchan here: hold it 0.5 s, as before
                time.sleep(0.5)
                break
            if not waits or any(wait.endswith("pipe_read") for wait in waits):
                break
            time.sleep(0.01)
sys.addaudithook(hook)
if os.environ.get("LINGER"):  # a process that has let go of the output then ends slowly
    import moci_vocab.framing as framing
    let_go = framing.let_go_of_output
    def lingering():
        # (said before letting go: the test reads the log once the output has ended)
        log.write(f"{os.getpid()} lingers\\n")
        let_go()
        time.sleep(float(os.environ["LINGER"]))
    framing.let_go_of_output = lingering
if os.environ.get("MESSAGES"):  # "PID sends KIND" for each message a process sends
    import moci_vocab.framing as framing
    send = framing.send_message
    def sending(stream, message):
        kind = message[0] if isinstance(message[0], str) else "result"
        log.write(f"{os.getpid()} sends {kind}\\n")
        send(stream, message)
    framing.send_message = sending
exit_now = os._exit
def exiting(code):
    log.write(f"{os.getpid()} exits\\n")
    exit_now(code)
os._exit = exiting
os.register_at_fork(
    before=lambda: log.write(f"{os.getpid()} forks\\n"),
    after_in_child=lambda: log.write(f"{os.getpid()} forked\\n"),
)
sys.argv = ["moci-vocab", *sys.argv[1:]]
import moci_vocab.__main__ as entry
entry.main()
"""

pytestmark = pytest.mark.skipif(not (ON_LINUX and TWO_CORES), reason="forks; two cores")


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """The identity fixtures' clean glossary and its two catalogs (sq, hy), a bad baseline."""
    for name in ("clean", "po"):
        shutil.copytree(IDENTITY / name, tmp_path / name, ignore=shutil.ignore_patterns(".moci*"))
    (tmp_path / "po" / "bad.json").write_text("[not json", encoding="utf-8")
    return tmp_path


def run(
    work: Path, *args: str, log: Path | None = None, env: dict[str, str] | None = None
) -> tuple[bytes, list[str]]:
    """Exit status, stdout and stderr of `moci-vocab ARGS` in ``work`` (``env`` added to its
    environment); the log's lines."""
    log = log or work / "log.txt"
    log.unlink(missing_ok=True)
    env = {**os.environ, **(env or {}), "LOG": str(log), "NO_COLOR": "1", "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args],
        capture_output=True,
        cwd=work,
        env=env,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    out = b"exit %d\n%s\n--- stderr\n%s" % (done.returncode, done.stdout, done.stderr)
    return out, log.read_text(encoding="utf-8").splitlines()


def python_c(code: str) -> subprocess.CompletedProcess:
    """``python -c CODE`` with this checkout's package, its output captured."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, timeout=60)


def roles(lines: list[str]) -> tuple[str, set[str], set[str]]:
    """The command's pid, the pids that imported the engine, the pids of forked processes."""
    command = next(line.split()[0] for line in lines if line.endswith(" command"))
    engine = {line.split()[0] for line in lines if line.endswith(" engine")}
    forked = {line.split()[0] for line in lines if line.endswith(" forked")}
    return command, engine, forked


def standby_forked(lines: list[str]) -> bool:
    """Whether the command forked before it imported the engine (if it ever did)."""
    command = roles(lines)[0]
    for line in lines:
        if line == f"{command} engine":
            return False
        if line == f"{command} forks":
            return True
    return False


def gone(pid: str) -> bool:
    """Whether a process has ended and been reaped (no /proc entry, not even a zombie)."""
    return not Path(f"/proc/{pid}").exists()


def ended(pid: str) -> bool:
    """Whether a process has ended: reaped, or a zombie (the standby and its worker end by
    themselves after the command, and the system's reaper reaps them)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):  # (reaped between the open and the read)
        return True
    return stat.rsplit(")", 1)[1].split()[0] in ("Z", "X")


def all_end(pids: set[str]) -> bool:
    """Whether the processes all end within 10 s."""
    deadline = time.monotonic() + 10
    while not all(ended(pid) for pid in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


CASES = {
    "plain": [],
    "fuzzy-untranslated": ["--include-fuzzy", "--include-untranslated", "--fail-on", "warning"],
    "baseline": ["--baseline", "po/baseline.json"],
    "bad-baseline": ["--baseline", "po/bad.json"],  # an error raised in the standby
}


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
@pytest.mark.parametrize("case", CASES)
def test_several_files_are_checked_by_a_standby_with_the_bytes_of_one_process(work, fmt, case):
    args = ["--root", "clean", "check-po", "po/sq.po", "po/hy.po", *CASES[case], "--format", fmt]
    one, lines = run(work, *args, "--jobs", "1")
    command, engine, forked = roles(lines)
    assert engine == {command} and forked == set()  # --jobs 1: this process alone
    got, lines = run(work, *args)
    command, engine, forked = roles(lines)
    assert engine and command not in engine  # checked elsewhere; the command never imported it
    assert engine <= forked and standby_forked(lines)
    assert got == one
    assert all_end(forked)


def test_a_standby_is_forked_only_for_several_files_and_reaped_when_not_needed(work):
    cases = [  # (the command line, whether it looks like several files to check)
        (["--root", "clean", "check-po", "po/sq.po", "po/hy.po", "--no-such-option"], True),
        (["--root", "nowhere", "check-po", "po/sq.po", "po/hy.po"], True),
        (["--root", "clean", "check-po", "po/sq.po", "po/hy.po", "--write-baseline=x.json"], False),
        (["--root", "clean", "check-po", "po/sq.po"], False),
        (["--root", "clean", "stats", "check-po", "a.po", "b.po"], False),
    ]
    for args, looks_like_several in cases:
        got, lines = run(work, *args)
        _command, _engine, forked = roles(lines)
        assert standby_forked(lines) is looks_like_several, args
        if looks_like_several:  # a standby not needed: killed and reaped by the command
            assert all(gone(pid) for pid in forked), args
        else:  # the command's own workers (--write-baseline): they end, not waited for
            assert all_end(forked), args
        if looks_like_several:  # a usage error, a missing glossary: said as before
            one, _ = run(work, *args, "--jobs", "1")
            assert got == one


def test_a_bug_mid_run_comes_after_the_findings_before_it_as_in_one_process(work):
    # --jobs 1 wrote hy.po's findings, then the error; the standby, none: the bug met in sq.po
    # (the biggest, checked first) was raised before hy.po's findings came.
    args = ["--root", "clean", "check-po", "po/sq.po", "po/hy.po"]
    env = {"BUG": "sq.po", "LATE": "hy.po"}
    one, _ = run(work, *args, "--jobs", "1", env=env)
    got, lines = run(work, *args, env=env)
    assert standby_forked(lines)
    assert got == one
    assert b"po/hy.po:11:1: MV602" in got and b"po/sq.po" not in got.split(b"--- stderr")[0]
    assert got.endswith(
        b"error: unexpected ValueError: injected (a bug; rerun with "
        b"MOCI_VOCAB_DEBUG=1 for details and report it)\n"
    )


def test_the_standby_or_its_worker_stopping_is_one_sentence(work):
    # The standby's end was "the process checking the files ended unexpectedly (exit status
    # 7)", its worker's "a worker process stopped unexpectedly (exit code 7)".
    args = ["--root", "clean", "check-po", "po/sq.po", "po/hy.po"]
    said = b"error: a worker process stopped unexpectedly (exit status 7)\n"
    for dies in ("standby", "worker"):
        got, lines = run(work, *args, env={"DIES": dies})
        assert standby_forked(lines)
        assert got.startswith(b"exit 1\n") and got.endswith(said), dies


def test_a_run_over_before_the_command_sends_the_fingerprint_gives_its_findings(work):
    # Files that cannot be read need no glossary: the standby may end its run (and close its
    # end of the requests' pipe) before the command has taken the fingerprint and sent it.
    args = ["--root", "clean", "check-po", "po/nosuch1.po", "po/nosuch2.po"]
    one, _ = run(work, *args, "--jobs", "1")
    got, lines = run(work, *args, env={"SLOW_STAMPS": "1"})
    assert standby_forked(lines)
    assert got == one and b"MV600" in got


def test_a_standby_waiting_imports_what_the_check_will_need_before_forking_its_worker(work):
    # The command's fingerprint held back until the standby has imported what a check
    # imports at its first file (standby.IDLE, orjson above all: the time it has while it
    # waits), which its worker then has already; else each of them imports it at its first
    # file. (Held for a fixed 0.5 s, the test failed at load 9.)
    args = ["--root", "clean", "check-po", "po/sq.po", "po/hy.po", "--format", "json"]
    one, _ = run(work, *args, "--jobs", "1")
    got, lines = run(work, *args, env={"SLOW_STAMPS": "idle", "IMPORTS": "1"})
    command, engine, forked = roles(lines)
    workers = forked - engine - {command}  # forked by the standby, after its imports
    assert got == one and len(workers) == 1
    assert [line for line in lines if line.split()[0] in workers and " import " in line] == []
    (standby,) = engine
    assert any(line.startswith(f"{standby} import orjson") for line in lines)


def test_the_command_and_its_standby_import_no_module_both_after_the_fork(work):
    # What both halves need (standby.SHARED: typing, re, pathlib, pickle... for click and
    # the engine alike, the package's cache and report) is imported once, before the
    # standby is forked: imported by each after the fork it cost the run ~100 M
    # instructions twice. A module that both come to import belongs in standby.SHARED.
    args = ["--root", "clean", "check-po", "po/sq.po", "po/hy.po"]
    one, _ = run(work, *args, "--jobs", "1")
    got, lines = run(work, *args, env={"IMPORTS": "1"})
    command, engine, _forked = roles(lines)
    (standby,) = engine
    after = lines[lines.index(f"{command} forks") :]

    def imported(pid: str) -> set[str]:
        return {line.split()[2] for line in after if line.startswith(f"{pid} import ")}

    assert got == one
    assert imported(command) and imported(standby)
    assert imported(command) & imported(standby) == set()


def test_a_standby_imports_while_nothing_has_arrived_and_stops_when_something_has(tmp_path):
    from moci_vocab.checkpo import standby

    (tmp_path / "idle_probe_a.py").write_text("", encoding="utf-8")
    (tmp_path / "idle_probe_b.py").write_text("", encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    read, write = os.pipe()
    try:
        with open(read, "rb") as stream:
            modules = ["idle_probe_a", "no_such_module_here", "idle_probe_b"]
            standby._import_while_idle(stream, modules)  # nothing arrived: all taken
            assert modules == [] and "idle_probe_a" in sys.modules
            assert "idle_probe_b" in sys.modules
            os.write(write, b"0123456789")
            modules = ["idle_probe_c"]
            standby._import_while_idle(stream, modules)  # something waits in the pipe
            assert modules == ["idle_probe_c"]
            assert stream.read(2) == b"01"  # the rest now waits in the stream's buffer
            standby._import_while_idle(stream, modules)
            assert modules == ["idle_probe_c"]
            assert stream.read(8) == b"23456789"  # (and it still reads as it did)
    finally:
        os.close(write)
        sys.path.remove(str(tmp_path))
        for name in ("idle_probe_a", "idle_probe_b"):
            sys.modules.pop(name, None)


def test_the_command_ends_without_waiting_for_its_standby_to_end(work):
    # After its last message the standby (and before it its worker, once it has no file
    # left) lets go of the command's output and ends by itself: unmapping its memory takes
    # 1-2 ms, which the command does not wait for. Here both then take a minute to end.
    args = ["--root", "clean", "check-po", "po/sq.po", "po/hy.po"]
    one, _ = run(work, *args, "--jobs", "1")
    got, lines = run(work, *args, env={"LINGER": "60"})  # (its output read to the end: let go of)
    _command, engine, forked = roles(lines)
    lingering = {line.split()[0] for line in lines if line.endswith(" lingers")}
    try:
        assert got == one
        assert lingering == forked and len(forked) == 2 and engine < forked
        assert not any(ended(pid) for pid in lingering)  # not waited for
    finally:
        for pid in lingering:
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(pid), signal.SIGKILL)
    assert all_end(lingering)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_each_files_findings_go_to_the_command_as_soon_as_it_is_checked(work, fmt):
    # Text and JSON findings come written from the process that checked the file: the
    # standby sends its files' at once, whatever the files' order, and its worker its own
    # to the command directly (standby._Delivery); the standby's stream then only says
    # where they go, and its worker's results carry only the counts. (Before, every block
    # went through the standby, in the files' order: at the end, all at once.)
    shutil.copy(work / "po" / "sq.po", work / "po" / "other-ka.po")  # (a third group)
    args = ["--root", "clean", "check-po", "po/sq.po", "po/hy.po", "--format", fmt]
    for extra in [], ["po/other-ka.po", "--jobs", "3"]:  # a second worker: via the standby
        one, _ = run(work, *args, *extra, "--jobs", "1")
        got, lines = run(work, *args, *extra, env={"MESSAGES": "1"})
        _command, engine, forked = roles(lines)
        (standby,) = engine
        workers = forked - engine
        assert got == one and len(workers) == 1 + bool(extra)
        sent = {line.split()[0] for line in lines if line.endswith(" sends sent")}
        checked = {line.split()[0] for line in lines if " open " in line}  # (a file or more)
        assert checked and sent <= checked
        if not extra:  # (which process checks which file is a race: tiny files)
            assert sent == checked
        else:  # one worker has the pipe to the command; another's go through the standby
            assert standby not in checked or standby in sent
            assert len(sent & workers) == bool(checked & workers)
        assert all_end(forked)


def test_the_standby_and_its_worker_end_after_the_command(work):
    # Their exits unmap their memory (1-2 ms of a core each, more on a VM): at the end of
    # a run, the core the command needs to write the last findings and exit. Once done,
    # they wait for the command's end (framing.after_the_command) and exit after it.
    args = ["--root", "clean", "check-po", "po/sq.po", "po/hy.po"]
    one, _ = run(work, *args, "--jobs", "1")
    got, lines = run(work, *args)
    command, engine, forked = roles(lines)
    assert got == one and len(forked) == 2 and engine < forked
    assert all_end(forked)
    lines = (work / "log.txt").read_text(encoding="utf-8").splitlines()
    exits = [line.split()[0] for line in lines if line.endswith(" exits")]
    assert exits[0] == command and set(exits[1:]) == forked


def test_a_child_waits_for_its_command_while_the_command_lives_and_no_longer():
    from moci_vocab import framing

    # Waits while the command holds the pipe's other end (here: the child itself), until
    # the alarm ends it (the bound, 10 s, made 1 s here).
    code = (
        "import os\n"
        "from moci_vocab import framing\n"
        "read, write = os.pipe()\n"
        "framing.COMMAND_LIFE, framing._OUTLIVE_S = read, 1\n"
        "framing.after_the_command()\n"
        "print('returned')\n"
    )
    done = python_c(code)
    assert done.returncode == -signal.SIGALRM and done.stdout == b""

    # Returns once the command's end has closed (its exit), the alarm taken back: on the
    # read's end of file, not on the alarm, which here raises (no wall-clock bound: a
    # loaded machine broke "< 1 s" once).
    class Rang(Exception):
        """The alarm went off: the wait did not end on the command's end."""

    def ring(_signum: int, _frame: object) -> None:
        raise Rang

    read, write = os.pipe()
    framing.COMMAND_LIFE = read
    before = signal.signal(signal.SIGALRM, ring)
    try:
        os.close(write)
        framing.after_the_command()
        assert signal.alarm(0) == 0
    finally:
        signal.signal(signal.SIGALRM, before)
        framing.COMMAND_LIFE = None
        os.close(read)
    framing.after_the_command()  # none set (not a standby's process): returns at once


def test_a_standby_told_to_stop_says_nothing_more():
    # `check-po FILES | head -1`: the command meets the closed pipe and stops the standby
    # (SIGTERM), which may be unwinding already (its replies' pipe closed): what its
    # cleanup raises then would be printed as "Exception ignored" (the reviewer: 4 of 20
    # runs over 40 catalogs). Once told to stop, it ignores a second SIGTERM and its
    # stderr goes nowhere.
    code = (
        "import os, signal, sys\n"
        "from moci_vocab.checkpo import standby\n"
        "signal.signal(signal.SIGTERM, standby._terminated)\n"
        "try:\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "except BaseException as exc:\n"
        "    print(type(exc).__name__)\n"
        "sys.stderr.write('said after the stop\\n')\n"
        "print(signal.getsignal(signal.SIGTERM) == signal.SIG_IGN)\n"
    )
    done = python_c(code)
    assert done.stdout.split() == [b"Terminated", b"True"]
    assert done.stderr == b""


def start_slow_run(work: Path, output: int, new_session: bool = False) -> subprocess.Popen:
    """`check-po` of sq.po, hy.po and slow.po, whose check takes a minute, started in
    ``work`` (stdout and stderr to ``output``); returned once a process has opened slow.po
    (the others checked by then: they are tiny)."""
    shutil.copy(work / "po" / "sq.po", work / "po" / "slow.po")
    log = work / "log.txt"
    env = {**os.environ, "LOG": str(log), "NO_COLOR": "1", "PYTHONPATH": str(REPO)}
    env["SLOW"] = "slow.po"
    args = ["--root", "clean", "check-po", "po/sq.po", "po/hy.po", "po/slow.po"]
    process = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, *args],
        stdout=output,
        stderr=output,
        stdin=subprocess.DEVNULL,
        cwd=work,
        env=env,
        start_new_session=new_session,
    )
    try:
        deadline = time.monotonic() + 60
        while not (log.exists() and "open slow.po" in log.read_text(encoding="utf-8")):
            assert process.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        time.sleep(0.2)
    except BaseException:
        process.kill()
        process.wait()
        raise
    return process


def test_ctrl_c_stops_the_standby_and_its_worker(work):
    log = work / "log.txt"
    process = start_slow_run(work, subprocess.PIPE, new_session=True)
    try:
        sent = time.monotonic()
        os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the command's group
        _out, err = process.communicate(timeout=50)
        took = time.monotonic() - sent
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130, err.decode()
    assert b"interrupted (Ctrl-C)" in err and b"Traceback" not in err, err.decode()
    # Stopped, not waited for: the slow catalog's check sleeps 60 s (no tighter bound: a
    # wall-clock limit fails on a loaded machine).
    assert took < 30, f"took {took:.2f} s"
    lines = log.read_text(encoding="utf-8").splitlines()
    command, engine, forked = roles(lines)
    assert engine and command not in engine and len(forked) == 2  # the standby, its worker
    time.sleep(0.2)  # (the worker, killed by the standby, is reaped as the standby ends)
    assert [pid for pid in forked if not gone(pid)] == []


def test_a_killed_command_ends_its_standby_and_worker_at_once(work):
    # `kill -9` of the command (a CI job's timeout, the OOM killer): its standby and worker
    # have nobody left to check for. They used to run on until they next wrote to it, a
    # glossary's compile (seconds) or here a catalog that takes a minute, whichever of the
    # two checks it; the command's end of their life pipe closes as it dies, and the
    # kernel tells the standby (SIGIO), which stops its worker and ends.
    process = start_slow_run(work, subprocess.DEVNULL)
    forked: set[str] = set()
    try:
        forked = roles((work / "log.txt").read_text(encoding="utf-8").splitlines())[2]
        process.kill()
        process.wait()
        # Ended long before the slow catalog's minute (no tighter bound: a wall-clock limit
        # fails on a loaded machine; ~0.01 s on a quiet one).
        assert len(forked) == 2 and all_end(forked)
    finally:
        if process.poll() is None:
            process.kill()
        for pid in forked:
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(pid), signal.SIGKILL)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["check-po", "a.po", "b.po"], True),
        (["--root", "g", "-q", "--format", "json", "check-po", "a.po", "b.po"], True),
        (["--root=g", "--no-color", "check-po", "--lang", "sq", "a.po", "b.po"], True),
        (["check-po", "a.po", "--", "-b.po"], True),
        (["check-po", "a.po", "b.po", "--jobs", "2"], True),
        (["check-po", "a.po"], False),
        (["check-po", "--lang", "sq", "--baseline", "x.json", "a.po"], False),
        (["check-po", "a.po", "b.po", "--jobs", "1"], False),
        (["check-po", "a.po", "b.po", "--jobs=01"], False),
        (["check-po", "a.po", "b.po", "--write-baseline", "x.json"], False),
        (["check-po", "a.po", "b.po", "--help"], False),
        (["stats", "check-po", "a.po", "b.po"], False),
        (["--bogus", "check-po", "a.po", "b.po"], False),
        (["check", "a.po", "b.po"], False),
    ],
)
def test_the_command_lines_a_standby_is_forked_for(argv, expected):
    assert wants_standby(["moci-vocab", *argv], terminal=False) is expected
    assert wants_standby(["moci-vocab", *argv], terminal=True) is False


def test_the_argv_guess_knows_every_option_that_takes_a_value():
    # __main__'s tables are read before click exists, so they copy what the group and
    # check-po declare: an option added to either must be added there (its value would
    # otherwise be counted as a file, or the command's name not found).
    import click

    from moci_vocab import __main__ as entry
    from moci_vocab.cli import cli

    def names(command: click.Command, valued: bool) -> set[str]:
        found: set[str] = set()
        for param in command.params:
            if isinstance(param, click.Option) and (param.is_flag or param.count) != valued:
                found.update(param.opts + param.secondary_opts)
        return found

    context = click.Context(cli)
    check_po = cli.get_command(context, "check-po")  # with the group's options it takes
    assert names(cli, valued=True) == entry._GROUP_VALUED
    # --version and --help answer without running a command: no standby for them.
    assert names(cli, valued=False) - {"--version"} == entry._GROUP_FLAGS
    assert names(check_po, valued=True) == entry._VALUED | {"--write-baseline"}
