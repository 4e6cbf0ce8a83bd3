"""Bytes that are not UTF-8 never reach a file (issue 14, point 10).

`translate dialogue sq $'bised\\xeb' --yes` used to write "bised\\uDCEB" into
the concept file, after which every command failed. Arguments are now
checked before any command runs, and the writers refuse a lone surrogate
whatever hands it to them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import snapshot

from moci_vocab.errors import MociError
from moci_vocab.fsutil import Changes, atomic_write
from moci_vocab.yamlio import dump_yaml


def run_bytes(root: Path, *args: bytes) -> subprocess.CompletedProcess:
    """`python -m moci_vocab --root ROOT ARGS` with raw bytes as arguments."""
    argv = [os.fsencode(sys.executable), b"-m", b"moci_vocab", b"--root", os.fsencode(root)]
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONUTF8": "1"}
    return subprocess.run([*argv, *args], capture_output=True, timeout=60, env=env)


@pytest.mark.parametrize(
    "args",
    [
        [b"translate", b"dialogue", b"sq", b"bised\xeb", b"--yes"],
        [b"add", b"new", b"--term", b"en=caf\xe9", b"--yes"],
        [b"edit", b"dialogue", b"--definition", b"en=\xff\xfe", b"--yes"],
        [b"translat\xe9", b"dialogue", b"sq", b"x"],
    ],
)
def test_a_non_utf8_argument_is_refused_and_nothing_is_written(moci, args):
    moci("add", "dialogue", "--term", "en=dialogue", "--yes")
    before = snapshot(moci.root)
    done = run_bytes(moci.root, *args)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 1, err
    assert done.stdout == b""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: the argument "), err
    assert "is not valid UTF-8 text" in err and "Traceback" not in err
    assert "\\x" in lines[0]  # the byte is named (bised\xeb), never sent raw
    assert snapshot(moci.root) == before
    moci("add", "other", "--term", "en=other", "--yes")  # the glossary is intact


def test_the_yaml_writer_refuses_a_lone_surrogate():
    with pytest.raises(MociError, match="U\\+DCEB is not a character"):
        dump_yaml({"term": "bised\udceb"})


def test_file_writes_refuse_a_lone_surrogate(tmp_path):
    target = tmp_path / "x.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(MociError, match="U\\+DCEB"):
        atomic_write(target, "bised\udceb")
    changes = Changes()
    changes.write(tmp_path / "y.txt", "fine")
    changes.write(target, "\ud800")
    with pytest.raises(MociError, match="U\\+D800"):
        changes.apply()
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.txt"]
