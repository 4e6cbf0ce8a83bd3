"""The command line's start-up runs without the cyclic garbage collector (what it imports
and parses lives on: the collector would walk it again and again for nothing), and the
collector is back on, with that start-up frozen, when a command runs. check-po imports
nothing its common path does not use: OpenSSL's library for a small glossary's caches,
`json` for text output, `dataclasses` (its classes are written out: records.py), the
workers' modules for one file or `--jobs 1`."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# The modules whose loading the tests watch.
WATCHED = ("_hashlib", "json", "dataclasses", "moci_vocab.checkpo.parallel", "moci_vocab.workers")
# `moci-vocab ARGS` through the console entry, counting the collector's passes; what it
# saw is written on stderr however the process ends (os._exit included).
SCRIPT = """
import gc, os, sys
passes = []
command = os.getpid()
gc.callbacks.append(lambda phase, info: phase == "start" and passes.append(info["generation"]))
WATCHED = WATCHED_NAMES
def report():
    loaded = ",".join(name for name in WATCHED if name in sys.modules) or "-"
    sys.stderr.write(f"passes={len(passes)} enabled={gc.isenabled()} "
                     f"frozen={gc.get_freeze_count()} loaded={loaded} "
                     f"command={os.getpid() == command}\\n")
    sys.stderr.flush()
exit_now = os._exit
os._exit = lambda code: (report(), exit_now(code))
# check-po's standby (and its worker) point stderr at /dev/null before their os._exit.
import moci_vocab.framing as framing
let_go = framing.let_go_of_output
framing.let_go_of_output = lambda: (report(), let_go())
sys.argv = ["moci-vocab", *sys.argv[1:]]
import moci_vocab.__main__ as entry
try:
    entry.main()
finally:
    report()
""".replace("WATCHED_NAMES", repr(WATCHED))


def console(*args: str) -> dict[str, str]:
    """What the collector did in a fresh `moci-vocab ARGS` (the last report on stderr)."""
    # Compiling a module from source allocates enough to start collector passes, so the
    # count says something about the start-up only with its bytecode cached, as in an
    # installed package: a first run writes it (PYTHONDONTWRITEBYTECODE, which this
    # sandbox and some CI images set, would make every run compile again).
    if not os.access(REPO / "moci_vocab", os.W_OK):
        pytest.skip("a read-only checkout cannot cache its bytecode")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.pop("PYTHONPYCACHEPREFIX", None)
    for _warm_then_measured in range(2):
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT, *args],
            capture_output=True,
            text=True,
            cwd=REPO,
            env=env,
            timeout=120,
            check=False,
        )
    reports = [
        dict(part.split("=") for part in text.split())
        for text in done.stderr.splitlines()
        if text.startswith("passes=")
    ]
    # The first report's counts (the tests that read them fork no standby), and
    # what any of its processes loaded (check-po's are checked by its standby).
    loaded = {name for report in reports for name in report["loaded"].split(",")} - {"-"}
    by_command = {
        name
        for report in reports
        if report["command"] == "True"
        for name in report["loaded"].split(",")
    } - {"-"}
    return {
        **reports[0],
        "loaded": ",".join(n for n in WATCHED if n in loaded) or "-",
        "command loaded": ",".join(n for n in WATCHED if n in by_command) or "-",
    }


def test_importing_click_and_the_cli_and_parsing_takes_no_collector_pass():
    # Before, importing click and the CLI alone took ~15 passes of the young generation.
    seen = console("--version")
    assert seen["passes"] == "0"
    assert seen["enabled"] == "True"  # on again for whoever runs after


def test_a_command_runs_with_the_collector_on_and_the_start_up_frozen(seeded):
    # `stats` is read-only and ends at once: its report comes from os._exit.
    seen = console("--root", str(seeded.root), "stats")
    assert seen["enabled"] == "True"
    assert int(seen["frozen"]) > 10_000  # click's and the CLI's objects, never walked


@pytest.fixture
def po(tmp_path):
    """A one-entry Albanian catalog with a glossary term, translated right."""
    path = tmp_path / "sq.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Language: sq\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "The reconciliation"\nmsgstr "Pajtimi"\n',
        encoding="utf-8",
    )
    return path


@pytest.fixture
def glossary(seeded) -> Path:
    """The seeded glossary's root, its files dated a minute back: the warm-up run saves the
    caches and the measured run reads them, however slowly the runs go. (A cache is saved only
    by a run that starts 2 s after the newest file, and the run that saves the compiled
    glossary makes its JSON texts, importing `json`: the measured run must not be that one.)"""
    past = time.time() - 60
    for path in [seeded.root, *seeded.root.rglob("*")]:
        os.utime(path, (past, past))
    return seeded.root


def test_check_po_runs_without_a_collector_pass_before_its_check(glossary, po):
    seen = console("--root", str(glossary), "check-po", str(po))
    # The command's own modules are imported with the collector paused too (its check
    # pauses it anyway): a pass or two at most, where there were ~35.
    assert int(seen["passes"]) <= 3


def test_check_po_imports_nothing_its_run_does_not_use(glossary, po):
    # Text output of one file: no OpenSSL (`import hashlib` loads libcrypto, ~11 M
    # instructions: a small glossary's caches are signed with CPython's own SHA-256,
    # see digests.py), no `json`, no `dataclasses` (~0.6 ms, and ~1 ms to make a dataclass:
    # the classes of check-po's path are records.Record), no workers' module (one file).
    seen = console("--root", str(glossary), "check-po", str(po))
    assert seen["loaded"] == "-"
    # JSON output: what orjson brings with it (`json`; `dataclasses` too from orjson 3.10
    # on), and nothing else comes.
    seen = console("--root", str(glossary), "check-po", str(po), "--format", "json")
    assert "json" in brought_by("orjson")
    assert seen["loaded"] == brought_by("orjson")


def brought_by(module: str) -> str:
    """The watched modules that importing ``module`` loads in a fresh interpreter, as the
    report writes them."""
    script = f"import sys, {module}; print(','.join(n for n in {WATCHED!r} if n in sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout.strip() or "-"


def test_check_po_imports_no_workers_module_where_no_worker_starts(glossary, po, tmp_path):
    # Two files: --jobs 1 needs neither the parallel driver nor the workers' module; by
    # default, files too small to repay a worker (parallel.MIN_BYTES) need the driver's
    # test only, not the workers' module.
    other = tmp_path / "other" / "sq.po"
    other.parent.mkdir()
    other.write_bytes(po.read_bytes())
    files = (str(po), str(other))
    seen = console("--root", str(glossary), "check-po", *files, "--jobs", "1")
    assert seen["loaded"] == "-"
    seen = console("--root", str(glossary), "check-po", *files)
    # (checked by the standby, which may import the workers' module and orjson, and so
    # json, while it waits for its run: standby.IDLE, time it would spend waiting; the
    # command itself imports neither)
    assert "moci_vocab.checkpo.parallel" in seen["loaded"].split(",")
    assert "moci_vocab.workers" not in seen["command loaded"].split(",")
    # The standby's idle imports hide whether its run needed the workers' module: the
    # decision itself, that these files start no worker (review MINOR 1, session 18).
    from moci_vocab.checkpo.parallel import worker_count

    assert worker_count([Path(name) for name in files], 0) == 0
