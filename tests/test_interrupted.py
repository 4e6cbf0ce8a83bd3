"""A command killed in the middle of a multi-file change (kill -9, a power cut).

`rename` writes the concepts that refer to the old id, writes the new file and
deletes the old one. Killed between two of those renames, it would leave a
glossary whose links point nowhere. The journal it writes first lets the next
command finish the change: the glossary is then the one a whole run gives.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import snapshot

from moci_vocab.errors import MociError
from moci_vocab.fsutil import finish_interrupted
from moci_vocab.layout import JOURNAL

pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")

# A command line whose `renames`-th rename of a written file into place is never made:
# the process kills itself there with SIGKILL, which nothing can catch or clean up after.
KILLED_AT = """
import os, signal, sys
from moci_vocab import fsutil
real, count = fsutil._replace, [0]
def replace(tmp_name, path):
    if path.parent.name == ".moci-cache":
        return real(tmp_name, path)  # caches
    count[0] += 1
    if count[0] > int(os.environ["KILL_AFTER"]):
        os.kill(os.getpid(), signal.SIGKILL)
    return real(tmp_name, path)
fsutil._replace = replace
import pathlib
real_unlink = pathlib.Path.unlink
def unlink(self, missing_ok=False):
    if os.environ.get("KILL_AT_DELETE") and self.parent.name == "terms":
        os.kill(os.getpid(), signal.SIGKILL)
    return real_unlink(self, missing_ok=missing_ok)
pathlib.Path.unlink = unlink
from moci_vocab.cli import main
sys.argv = ["moci-vocab", *sys.argv[1:]]
main()
"""


def run(root: Path, *args: str, kill_after: int | None = None) -> subprocess.CompletedProcess:
    """Run the command line; with ``kill_after``, killed after so many renames into place
    (a negative number: at the deletion of a concept file)."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    if kill_after is None:
        command = [sys.executable, "-m", "moci_vocab"]
    else:
        command = [sys.executable, "-c", KILLED_AT]
        env["KILL_AFTER"] = str(kill_after if kill_after >= 0 else 99)
        env["KILL_AT_DELETE"] = "1" if kill_after < 0 else ""
    return subprocess.run(
        [*command, "--root", str(root), *args], capture_output=True, text=True, env=env
    )


RENAME = ("rename", "resilience", "resilience-new")


@pytest.fixture
def renamed(seeded, tmp_path):
    """The glossary as a whole rename leaves it (in a copy)."""
    whole = tmp_path / "whole"
    shutil.copytree(seeded.root, whole)
    assert run(whole, *RENAME).returncode == 0
    return snapshot(whole)


def visible(files: dict[str, bytes]) -> dict[str, bytes]:
    return {name: data for name, data in files.items() if not Path(name).name.startswith(".")}


@pytest.mark.parametrize("kill_after", [1, 2, -1])
def test_a_rename_killed_half_way_is_finished_by_the_next_command_that_writes(
    seeded, renamed, kill_after
):
    # After the journal; after the referrer; after the new file, at the old one's deletion.
    killed = run(seeded.root, *RENAME, kill_after=kill_after)
    assert killed.returncode == -signal.SIGKILL
    assert (seeded.root / JOURNAL).is_file()
    half_made = snapshot(seeded.root)
    listed = run(seeded.root, "list", "--format", "json")  # a reader leaves it alone, and says so
    assert listed.returncode == 0, listed.stderr
    assert "warning: .moci-journal.json: a change was left half-made" in listed.stderr
    assert snapshot(seeded.root) == half_made
    written = run(seeded.root, "fmt")  # the next command that writes finishes it
    assert written.returncode == 0, written.stderr
    assert "finished the change an interrupted command left half-made" in written.stderr
    assert "terms/resilience.yaml" in written.stderr  # its deletion is always left to do
    assert not (seeded.root / JOURNAL).exists()
    assert snapshot(seeded.root) == renamed  # no temporary file left either
    again = run(seeded.root, "show", "resilience-new")
    assert again.returncode == 0 and again.stderr == ""


def test_killed_before_its_journal_a_change_has_changed_nothing(seeded):
    before = snapshot(seeded.root)
    killed = run(seeded.root, *RENAME, kill_after=0)  # the staged files are written
    assert killed.returncode == -signal.SIGKILL
    assert not (seeded.root / JOURNAL).exists()
    assert visible(snapshot(seeded.root)) == visible(before)
    leftovers = [name for name in snapshot(seeded.root) if name not in before]
    assert leftovers and all(Path(name).name.endswith(".tmp") for name in leftovers)
    ignored = (seeded.root / ".gitignore").read_text()
    assert ".*.tmp" in ignored and "/.moci-journal.json" in ignored  # git does not see them
    listed = run(seeded.root, "list", "--format", "json")
    assert listed.returncode == 0 and listed.stderr == ""
    assert "resilience-new" not in listed.stdout
    # The next command that writes (it holds the lock: nobody else is staging) cleans up.
    assert run(seeded.root, "translate", "resilience", "sq", "qëndrueshmëri").returncode == 0
    assert not [name for name in snapshot(seeded.root) if name.endswith(".tmp")]


def test_a_journal_is_refused_when_it_points_outside_the_glossary(seeded):
    journal = seeded.root / JOURNAL
    for change in (
        {"rename": "../../x.tmp", "to": "terms/a.yaml"},
        {"rename": "terms/.b.yaml.x.tmp", "to": "terms/a.yaml"},  # not a's staged file
        {"delete": "/etc/passwd"},
    ):
        journal.write_text(json.dumps({"format": 1, "changes": [change]}), "utf-8")
        with pytest.raises(MociError) as info:
            finish_interrupted(seeded.root)
        assert info.value.path == journal
    journal.write_text("{not json", "utf-8")
    result = run(seeded.root, "translate", "resilience", "sq", "x")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "journal.json: is not a journal this version of moci-vocab can finish" in result.stderr
