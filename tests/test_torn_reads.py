"""Readers beside a writer never fail and never report false errors (issue 14, point 12).

One process loops `rename` (which rewrites the concept that links to the renamed one,
writes the new file and deletes the old), `add` and `remove`; four others loop `show`,
`list`, `export csv` and `check` on the same glossary. Without the shared read lock,
about one reader run in forty failed ("is not a regular file") or reported a link to
a concept being renamed (MV501). Each loop runs in one process (CliRunner), so that
hundreds of runs fit in a few seconds. The writer runs for SECONDS and at least twice
through its writes, however slow a loaded machine makes it; the readers run until it
has finished, so that every write has readers beside it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.name == "nt", reason="shared locks are POSIX (flock)")

SECONDS = 8.0

LOOP = """
import json, os, sys, time
from click.testing import CliRunner
from moci_vocab.cli import cli

root, seconds, role, done = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[5]
runner = CliRunner()
WRITES = [
    ["rename", "peace", "peace-new"],
    ["add", "extra", "--term", "en=extra", "--term", "sq=shtesë", "--yes"],
    ["rename", "peace-new", "peace"],
    ["remove", "extra", "--yes"],
]
READS = {
    "show": ["show", "trust"],
    "list": ["list", "--format", "json"],
    "export": ["export", "csv", "-o", sys.argv[4]],
    "check": ["check", "--format", "json"],
}
runs, failures, end, i = 0, [], time.monotonic() + seconds, 0
writer = role == "writer"


def going():
    if writer:  # twice through WRITES at least
        return time.monotonic() < end or runs < 2 * len(WRITES)
    # until the writer is done (or plainly dead: no reader outlives the test's timeout)
    return runs < 5 or not (os.path.exists(done) or time.monotonic() > end + 100)


while going():
    args = WRITES[i % len(WRITES)] if role == "writer" else READS[role]
    i += 1
    result = runner.invoke(cli, ["--root", root, *args])
    runs += 1
    if result.exit_code != 0:
        failures.append((args, result.exit_code, result.output[-500:]))
if writer:
    open(done, "w").close()
print(json.dumps({"runs": runs, "failures": failures[:5], "failed": len(failures)}))
"""


def loop(root: Path, role: str, out: Path, done: Path) -> subprocess.Popen:
    env = {**os.environ, "MOCI_VOCAB_LOCK_TIMEOUT": "60"}
    return subprocess.Popen(
        [sys.executable, "-c", LOOP, str(root), str(SECONDS), role, str(out), str(done)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


@pytest.fixture
def linked(moci, tmp_path, monkeypatch):
    """Two concepts, trust linking to peace, every required language filled (check is clean)."""
    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    languages = {"en": "peace", "sq": "paqe", "ka": "მშვიდობა", "hy": "խաղաղություն"}
    languages |= {"sr-Latn": "mir", "sr-Cyrl": "мир"}
    terms = [f"--term={lang}={text}" for lang, text in languages.items()]
    moci("add", "peace", *terms, "--definition", "en=No war.", "--yes")
    moci("add", "trust", *[t.replace("=peace", "=trust") for t in terms], "--yes")
    moci("edit", "trust", "--definition", "en=Belief.", "--add-related", "peace")
    assert moci("check", "--format", "json").exit_code == 0
    return moci.root


def test_readers_beside_a_writer_never_fail(linked, tmp_path):
    done = tmp_path / "writer-done"
    writer = loop(linked, "writer", tmp_path / "unused", done)
    readers = {
        role: loop(linked, role, tmp_path / f"export-{role}", done)
        for role in ("show", "list", "export", "check")
    }
    results = {}
    for role, proc in [("writer", writer), *readers.items()]:
        out, err = proc.communicate(timeout=SECONDS + 120)
        assert proc.returncode == 0, err[-2000:]
        results[role] = json.loads(out.strip().splitlines()[-1])
    assert results["writer"]["failed"] == 0, results["writer"]
    assert results["writer"]["runs"] >= 8, results  # it did rename, add and remove twice
    for role in readers:
        assert results[role]["failed"] == 0, (role, results[role])
    assert sum(results[role]["runs"] for role in readers) >= 20, results


def test_a_reader_started_during_a_write_sees_it_whole(linked, tmp_path):
    """Under the write lock a reader waits; it then sees the whole rename, not half of it."""
    from moci_vocab.store import locked

    with locked(linked):
        (linked / "terms" / "peace.yaml").rename(linked / "terms" / "peace-new.yaml")
        started = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-m", "moci_vocab", "--root", str(linked), "check"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(1.0)
        assert proc.poll() is None  # waiting: it would have seen a half-made rename
        (linked / "terms" / "peace-new.yaml").rename(linked / "terms" / "peace.yaml")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, out + err
    assert time.monotonic() - started >= 1.0
