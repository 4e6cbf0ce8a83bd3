"""The caches' key is the user's own: never one a pull request's checkout can plant.

A cache entry is a pickle, trusted because it is signed with the user's key; whoever can
choose that key can make the tool run code. CI runs the tool in a checkout of someone's
pull request, so the key must never be taken from the current folder (an empty or
relative XDG_CACHE_HOME, LOCALAPPDATA or MOCI_VOCAB_CACHE_KEY_DIR named it), nor be a
file other users can read or replace.
"""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import moci_vocab
from moci_vocab import cache
from moci_vocab.digests import mac

REPO = Path(__file__).resolve().parent.parent
PACKAGE_PARENT = str(Path(moci_vocab.__file__).resolve().parent.parent)
PLANTED_KEY = b"K" * 32


class _Planted:
    """A pickle that writes a marker file when it is loaded."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path(self.marker).write_text, ("ran",))


def _pull_request(folder: Path, key_folder: Path, marker: Path) -> None:
    """A checkout of the shipped glossary with a key of its own in ``key_folder`` and a
    concepts cache signed with it, whose loading writes ``marker``."""
    shutil.copytree(REPO / "glossary", folder / "glossary")
    shutil.copytree(REPO / "terms", folder / "terms")
    key_folder.mkdir(parents=True, exist_ok=True)
    (key_folder / "cache.key").write_bytes(PLANTED_KEY)
    os.chmod(key_folder / "cache.key", 0o600)
    _plant_entry(folder, marker)


def _plant_entry(folder: Path, marker: Path) -> None:
    """The concepts cache signed with the planted key (again: a run replaces it)."""
    payload = pickle.dumps(_Planted(str(marker)))
    header = b"MOCICACHE" + bytes([cache.CACHE_FORMAT])
    (folder / ".moci-cache").mkdir(exist_ok=True)
    signed = header + mac(PLANTED_KEY, payload) + payload
    (folder / ".moci-cache" / "concepts.pickle").write_bytes(signed)


def _check(folder: Path, home: Path, **env: str) -> subprocess.CompletedProcess:
    """`moci-vocab check` run in ``folder`` (the pull request's checkout)."""
    environ = {
        name: value
        for name, value in os.environ.items()
        if name not in ("XDG_CACHE_HOME", "LOCALAPPDATA", "MOCI_VOCAB_CACHE_KEY_DIR")
    }
    environ.update(HOME=str(home), PYTHONPATH=PACKAGE_PARENT, **env)
    return subprocess.run(
        [sys.executable, "-P", "-m", "moci_vocab", "check"],
        cwd=folder,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.skipif(os.name == "nt", reason="XDG_CACHE_HOME (LOCALAPPDATA is the same code)")
@pytest.mark.parametrize(
    ("variable", "value", "planted_in"),
    [
        ("XDG_CACHE_HOME", "", "moci-vocab"),
        ("XDG_CACHE_HOME", ".cache", ".cache/moci-vocab"),
        ("MOCI_VOCAB_CACHE_KEY_DIR", "key", "key"),
    ],
)
def test_a_key_in_the_current_folder_is_never_used(
    tmp_path: Path, variable: str, value: str, planted_in: str
) -> None:
    folder, marker, home = tmp_path / "pull-request", tmp_path / "ran", tmp_path / "home"
    home.mkdir()
    _pull_request(folder, folder / planted_in, marker)
    # The planted entry runs its code when its key is trusted (an absolute folder, the
    # user's choice): the pull request's files are a working attack.
    trusted = _check(folder, home, MOCI_VOCAB_CACHE_KEY_DIR=str(folder / planted_in))
    assert marker.read_text() == "ran", trusted.stderr
    marker.unlink()
    _plant_entry(folder, marker)  # (the trusted run replaced it with its own)
    result = _check(folder, home, **{variable: value})
    assert result.returncode == 0, result.stdout + result.stderr
    assert not marker.exists()
    assert (folder / planted_in / "cache.key").read_bytes() == PLANTED_KEY  # left as it was


def _own_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A key of the user's own, in a folder of the user's own, that signing_key takes."""
    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    (tmp_path / "key").mkdir()
    os.chmod(tmp_path / "key", 0o700)
    key = tmp_path / "key" / "cache.key"
    key.write_bytes(PLANTED_KEY)
    os.chmod(key, 0o600)
    assert cache.signing_key() == PLANTED_KEY
    return key


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
@pytest.mark.parametrize("mode", [0o640, 0o604, 0o620, 0o602])
def test_a_key_others_may_read_or_write_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: int
) -> None:
    key = _own_key(tmp_path, monkeypatch)
    os.chmod(key, mode)
    assert cache.signing_key() is None
    assert key.read_bytes() == PLANTED_KEY  # not replaced: the tool did not write it


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_a_key_in_a_folder_others_may_write_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whoever may write the folder may put a key of theirs in the key's place."""
    _own_key(tmp_path, monkeypatch)
    os.chmod(tmp_path / "key", 0o777)
    assert cache.signing_key() is None


@pytest.mark.skipif(
    os.name == "nt" or os.geteuid() != 0, reason="giving a file to another user needs root"
)
def test_a_key_owned_by_another_user_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = _own_key(tmp_path, monkeypatch)
    os.chown(key, 12345, 12345)
    assert cache.signing_key() is None
