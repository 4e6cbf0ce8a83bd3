"""A big glossary's concept files parsed in two processes (store.WorkingTree.parse): the
same glossary, findings, first error and cache as one process; a worker that dies or a
load that stops leaves no process behind and no cache."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from test_hostile import CONCEPT_FILES, generated

from benchmarks.generate import OLD_MTIME_NS, make_glossary
from moci_vocab import store, workers
from moci_vocab.errors import MociError

# Hostile files that are quick to read, spread through the generated ones by their names.
HOSTILE = [name for name in CONCEPT_FILES if not name.startswith(("deep-", "over-"))]
THRESHOLD = store.PARALLEL_FILES


@pytest.fixture(autouse=True)
def forks():
    """Asked as each test runs (a thread another test left running would stop the fork)."""
    if not workers.forks_here() or workers.available_cores() < 2:
        pytest.skip("the parallel load needs a fork (Linux, this thread alone) and two cores")


@pytest.fixture
def big(tmp_path_factory, monkeypatch):
    """A generated glossary just above the threshold, with hostile files and a link among
    its concept files (a copy per test: the loads write its cache)."""
    source = tmp_path_factory.getbasetemp() / "parallel-glossary"
    if not source.exists():
        make_glossary(source, THRESHOLD + 40)
        for name in HOSTILE:
            (source / "terms" / name).write_bytes(generated(name))
            os.utime(source / "terms" / name, ns=(OLD_MTIME_NS, OLD_MTIME_NS))  # cached
        os.symlink("/etc/passwd", source / "terms" / "m-link.yaml")
    root = tmp_path_factory.mktemp("g")
    shutil.copytree(source, root, symlinks=True, dirs_exist_ok=True)
    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(root.parent / "key"))
    return root


def _pids_parsing(monkeypatch, log: Path, worker=None, wait: bool = False) -> None:
    """Each process that parses a concept file writes its pid to ``log`` first; then
    ``worker(path)`` runs in a worker. With ``wait``, this process parses its first file
    only once another has written to ``log`` (up to 30 s; not at all if it has started no
    worker): however late the system runs the worker, it takes a chunk (this process would
    take every chunk left meanwhile)."""
    parent = os.getpid()
    parse = store._parse_concept_file
    waited = []

    def logged(path):
        with open(log, "a", encoding="ascii") as handle:
            handle.write(f"{os.getpid()}\n")
        if os.getpid() != parent:
            if worker is not None:
                worker(path)
        elif wait and not waited:
            waited.append(path)
            deadline = time.monotonic() + 30
            while set(log.read_text("ascii").split()) == {str(parent)}:
                # (no worker started, forked or spawned, before this first file: none will
                # write; waiting the 30 s would only make the test that long)
                if time.monotonic() > deadline or not _children():
                    break
                time.sleep(0.005)
        return parse(path)

    monkeypatch.setattr(store, "_parse_concept_file", logged)


def _load(root: Path, monkeypatch, processes: int):
    shutil.rmtree(root / store.CACHE_DIR, ignore_errors=True)
    log = root.parent / f"pids-{processes}"
    log.unlink(missing_ok=True)
    _pids_parsing(monkeypatch, log, wait=processes == 2)
    monkeypatch.setattr(store, "PARALLEL_FILES", THRESHOLD if processes == 2 else 10**9)
    glossary, findings = store.load_glossary_reporting(root)
    pids = set(log.read_text("ascii").split())
    entries = store.WorkingTree(root).entries().old
    log.unlink()
    assert store.load_glossary_reporting(root) == (glossary, findings)
    assert not log.exists()  # the second load parsed nothing: every file was in the cache
    try:
        store.load_glossary(root)
        first = None
    except MociError as exc:
        first = (exc.message, str(exc.path), exc.line, exc.column)
    return glossary, findings, entries, first, pids


def _children() -> list[str]:
    """The processes this one has started and not reaped (Linux: every thread's children)."""
    tasks = Path(f"/proc/{os.getpid()}/task")
    return [pid for task in tasks.iterdir() for pid in (task / "children").read_text().split()]


def test_two_processes_load_what_one_loads(big, monkeypatch):
    one = _load(big, monkeypatch, 1)
    two = _load(big, monkeypatch, 2)
    assert len(one[4]) == 1 and len(two[4]) == 2  # a worker parsed some of the files
    glossary, findings, entries, first, _pids = two
    assert glossary == one[0] and glossary.places == one[0].places
    assert findings == one[1]
    assert entries == one[2]  # the cache: every file's stamp, concept, findings and lines
    assert first == one[3] and first is not None  # the first error in file order
    names = {Path(finding.file).name for finding in findings if finding.severity == "error"}
    assert set(HOSTILE) | {"m-link.yaml"} <= names
    assert len(glossary.concepts) >= THRESHOLD + 40
    workers.reap_ended()  # a worker that said it ended is reaped later, as it exits (not waited)
    assert not _children()


def test_below_the_threshold_or_without_a_fork_one_process_parses(big, monkeypatch):
    monkeypatch.setattr(workers, "_can_fork", lambda: False)
    assert len(_load(big, monkeypatch, 2)[4]) == 1


def test_a_worker_that_dies_stops_the_load_and_leaves_no_cache(big, monkeypatch):
    def dies(_path):
        os._exit(3)

    _pids_parsing(monkeypatch, big.parent / "pids", worker=dies, wait=True)
    shutil.rmtree(big / store.CACHE_DIR, ignore_errors=True)
    died = r"worker process stopped unexpectedly \(exit status 3\)"
    with pytest.raises(MociError, match=died) as stopped:
        store.load_glossary_reporting(big)
    assert stopped.traceback  # (kept: see test_a_load_stopped_between_files...)
    assert not (big / store.CACHE_DIR / "concepts.pickle").exists()
    assert not _children()


def _slow_in_a_worker(monkeypatch, then=None) -> None:
    """A worker takes 50 ms a file (still at work when the load stops); ``then(path)`` runs
    in this process before each file it parses."""
    parent = os.getpid()
    parse = store._parse_concept_file

    def parsed(path):
        if os.getpid() != parent:
            time.sleep(0.05)
        elif then is not None:
            then(path)
        return parse(path)

    monkeypatch.setattr(store, "_parse_concept_file", parsed)
    monkeypatch.setattr(store, "PARSE_CHUNK", 1)  # this process takes the files it can


def test_ctrl_c_while_parsing_leaves_no_worker_and_no_cache(big, monkeypatch):
    seen = []

    def interrupt(path):
        seen.append(path)
        if len(seen) == 3:
            raise KeyboardInterrupt

    _slow_in_a_worker(monkeypatch, interrupt)
    shutil.rmtree(big / store.CACHE_DIR, ignore_errors=True)
    with pytest.raises(KeyboardInterrupt) as stopped:
        store.load_glossary_reporting(big)
    assert stopped.traceback
    assert not (big / store.CACHE_DIR / "concepts.pickle").exists()
    assert not _children()


def test_a_load_stopped_between_files_leaves_no_worker_and_no_cache(big, monkeypatch):
    def interrupt(done, _total):
        if done == 5:
            raise KeyboardInterrupt

    _slow_in_a_worker(monkeypatch)
    monkeypatch.setattr(store, "PROGRESS_EVERY", 1)
    shutil.rmtree(big / store.CACHE_DIR, ignore_errors=True)
    with pytest.raises(KeyboardInterrupt) as stopped:
        store.load_glossary_reporting(big, interrupt)
    # The worker is stopped as the load stops, not once its traceback (kept here) is freed.
    assert stopped.traceback
    assert not (big / store.CACHE_DIR / "concepts.pickle").exists()
    assert not _children()
