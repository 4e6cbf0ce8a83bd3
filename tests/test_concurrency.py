"""Concurrent writers lose no change; a lock that cannot be taken says so (issue 8).

Real processes, started together: `translate` on the same concept, `add` of
different concepts that all extend the manifest's tag list, and a mix of
commands. Every read-modify-write holds the glossary's write lock
(`store.locked`), so each process sees the changes of those before it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import snapshot

from moci_vocab.fsutil import reading, write_lock
from moci_vocab.store import load_glossary, locked

N = 8
WORDS = ["pajtim", "paqe", "mirëkuptim", "bashkëjetesë", "dialog", "besim", "falje", "drejtësi"]


def launch(root: Path, args: list[str], env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "moci_vocab", "--root", str(root), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "MOCI_VOCAB_LOCK_TIMEOUT": "120", **(env or {})},
    )


def wait_all(procs: list[subprocess.Popen], timeout: float = 180) -> list[tuple[int, str]]:
    results = []
    for proc in procs:
        _out, err = proc.communicate(timeout=timeout)
        results.append((proc.returncode, err))
    return results


@pytest.fixture
def base(moci, tmp_path, monkeypatch):
    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    moci("add", "peace", "--term", "en=peace", "--yes")
    return moci


def test_translate_on_the_same_concept_at_once_loses_nothing(base):
    procs = [launch(base.root, ["translate", "peace", "sq", word, "--yes"]) for word in WORDS]
    for code, err in wait_all(procs):
        assert code == 0, err
    concept = load_glossary(base.root).concepts["peace"]
    assert sorted(t.term for t in concept.terms["sq"]) == sorted(WORDS)
    # Exactly one preferred: the first writer's term; everyone after saw it.
    assert [t.status for t in concept.terms["sq"]].count("preferred") == 1


def test_add_of_different_concepts_at_once_keeps_every_concept_and_tag(base):
    procs = [
        launch(
            base.root,
            ["add", f"idea-{i}", "--term", f"en={word}", "--tag", f"topic-{i}", "--yes"],
        )
        for i, word in enumerate(WORDS)
    ]
    for code, err in wait_all(procs):
        assert code == 0, err
    glossary = load_glossary(base.root)
    assert {f"idea-{i}" for i in range(N)} <= set(glossary.concepts)
    # Every process rewrote the manifest to add its tag: none overwrote another's.
    assert {f"topic-{i}" for i in range(N)} <= set(glossary.manifest.tags)


def test_a_mix_of_commands_at_once(base):
    base("add", "trust", "--term", "en=trust", "--yes")
    commands = [
        ["translate", "peace", "sq", "paqe", "--yes"],
        ["translate", "peace", "ka", "მშვიდობა", "--yes"],
        ["translate", "trust", "sq", "besim", "--yes"],
        ["edit", "peace", "--definition", "en=The absence of violence.", "--add-tag", "core"],
        ["edit", "trust", "--add-related", "peace"],
        ["add", "dialogue", "--term", "en=dialogue", "--yes"],
        ["deprecate", "trust", "en", "trust"],
        ["translate", "trust", "hy", "վստահություն", "--yes"],
    ]
    for code, err in wait_all([launch(base.root, args) for args in commands]):
        assert code == 0, err
    glossary = load_glossary(base.root)
    peace, trust = glossary.concepts["peace"], glossary.concepts["trust"]
    assert peace.preferred("sq").term == "paqe"
    assert peace.preferred("ka").term == "მშვიდობა"
    assert peace.definition["en"] == "The absence of violence."
    assert "core" in peace.tags and "core" in glossary.manifest.tags
    assert trust.preferred("sq").term == "besim"
    assert trust.preferred("hy").term == "վստահություն"
    assert trust.related == ["peace"]
    assert trust.terms["en"][0].status == "deprecated"
    assert "dialogue" in glossary.concepts
    base("fmt", "--check")


def test_a_held_lock_gives_a_clear_message_after_the_timeout(base):
    before = snapshot(base.root)
    with locked(base.root):
        began = time.monotonic()
        proc = launch(
            base.root,
            ["translate", "peace", "sq", "paqe"],
            env={"MOCI_VOCAB_LOCK_TIMEOUT": "0.5"},
        )
        _out, err = proc.communicate(timeout=60)
        waited = time.monotonic() - began
    assert proc.returncode == 1, err
    assert "Traceback" not in err
    assert err.startswith("error: ") and len(err.strip().splitlines()) == 1, err
    assert "write.lock: is held by another moci-vocab command" in err
    assert "waited 0.5 s" in err and "MOCI_VOCAB_LOCK_TIMEOUT" in err
    assert waited < 20
    assert snapshot(base.root) == before


def test_readers_do_not_wait_for_each_other(base):
    with reading(base.root):
        proc = launch(base.root, ["show", "peace"], env={"MOCI_VOCAB_LOCK_TIMEOUT": "0"})
        _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err


def test_a_reader_waits_for_a_writer_to_finish(base):
    """A reader never sees a change half-made: it reads before or after a writer."""
    with locked(base.root):
        proc = launch(base.root, ["show", "peace"])
        time.sleep(1.0)
        assert proc.poll() is None  # waiting for the writer
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err


def test_the_lock_is_taken_once_it_is_free(base):
    """A writer that waits goes on as soon as the holder is done."""
    with locked(base.root):
        proc = launch(base.root, ["translate", "peace", "sq", "paqe"])
        time.sleep(1.0)
        assert proc.poll() is None  # still waiting
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert load_glossary(base.root).concepts["peace"].preferred("sq").term == "paqe"


@pytest.mark.parametrize("value", ["soon", "-1", "nan"])
def test_a_bad_timeout_setting_is_a_clear_error(base, value):
    result = base.runner.invoke(
        __import__("moci_vocab.cli", fromlist=["cli"]).cli,
        ["--root", str(base.root), "translate", "peace", "sq", "paqe"],
        env={"MOCI_VOCAB_LOCK_TIMEOUT": value},
    )
    assert result.exit_code == 1
    assert "MOCI_VOCAB_LOCK_TIMEOUT" in result.output and "Traceback" not in result.output


def test_write_lock_in_process(tmp_path):
    lock = tmp_path / "sub" / "write.lock"
    with write_lock(lock, timeout=0):
        assert lock.exists()
    with write_lock(lock, timeout=0):  # released: can be taken again at once
        pass
