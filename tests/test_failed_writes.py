"""Failed writes: the old file stays whole, no temporary file is left, exit 1 (issue 8).

A write can fail half-way for several reasons: the disk is full (ENOSPC), the
file-size limit is reached (`ulimit -f`: SIGXFSZ, then EFBIG), the folder is
not writable (EACCES). Each is produced for real where the test machine
allows it (a file-size limit in a subprocess; a read-only folder for a
process without CAP_DAC_OVERRIDE, since CI runs as root) and by making the
system call fail in-process otherwise.
"""

from __future__ import annotations

import errno
import os
import resource
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import snapshot

from moci_vocab import fsutil
from moci_vocab.errors import MociError
from moci_vocab.fsutil import Changes, atomic_write


def temp_files(root: Path) -> list[Path]:
    """Temporary files left anywhere in the glossary (atomic_write names them .NAME.*.tmp)."""
    return [p for p in root.rglob(".*.tmp")]


def assert_refused_cleanly(result, before: dict, root: Path, reason: str) -> None:
    __tracebackhide__ = True
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.output.startswith("error: "), result.output
    assert reason in result.output, result.output
    assert "terms/reconciliation.yaml" in result.output
    assert "the old file is unchanged" in result.output
    assert snapshot(root) == before
    assert temp_files(root) == []


def _fail(err: int, text: str):
    def fail(*args, **kwargs):
        raise OSError(err, text)

    return fail


# --------------------------------------------------------------------------- in-process


@pytest.mark.parametrize(
    ("target", "err", "text"),
    [
        ("fsync", errno.ENOSPC, "No space left on device"),
        ("replace", errno.EACCES, "Permission denied"),
        ("replace", errno.EROFS, "Read-only file system"),
        ("fsync", errno.EIO, "Input/output error"),
    ],
)
def test_a_failing_system_call_leaves_the_old_file(seeded, monkeypatch, target, err, text):
    before = snapshot(seeded.root)
    monkeypatch.setattr(fsutil.os, target, _fail(err, text))
    result = seeded("translate", "reconciliation", "sq", "pajtimi", ok=False)
    assert_refused_cleanly(result, before, seeded.root, text)


def test_disk_full_half_way_through_the_data(seeded, monkeypatch):
    """The temporary file is half-written when the disk fills up; it is removed."""
    before = snapshot(seeded.root)
    real_fdopen = os.fdopen
    seen: list[Path] = []

    class HalfWriter:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            seen.extend(temp_files(seeded.root))  # it exists, half-written, right now
            raise OSError(errno.ENOSPC, "No space left on device")

        def __getattr__(self, name):
            return getattr(self.handle, name)

    monkeypatch.setattr(fsutil.os, "fdopen", lambda *a, **k: HalfWriter(real_fdopen(*a, **k)))
    result = seeded("translate", "reconciliation", "sq", "pajtimi", ok=False)
    assert seen, "the test did not catch the temporary file"
    assert_refused_cleanly(result, before, seeded.root, "No space left on device")


def test_no_permission_to_create_the_temporary_file(seeded, monkeypatch):
    before = snapshot(seeded.root)
    monkeypatch.setattr(tempfile, "mkstemp", _fail(errno.EACCES, "Permission denied"))
    result = seeded("translate", "reconciliation", "sq", "pajtimi", ok=False)
    assert_refused_cleanly(result, before, seeded.root, "Permission denied")


def test_atomic_write_keeps_permissions_and_cleans_up(tmp_path, monkeypatch):
    path = tmp_path / "a.yaml"
    path.write_text("old\n")
    path.chmod(0o640)
    atomic_write(path, "new\n")
    assert path.read_text() == "new\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    monkeypatch.setattr(fsutil.os, "replace", _fail(errno.ENOSPC, "No space left on device"))
    with pytest.raises(MociError, match="could not be written"):
        atomic_write(path, "newer\n")
    assert path.read_text() == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


# --------------------------------------------------------------------------- multi-file


def _fail_on_call(monkeypatch, number: int, exc: BaseException):
    """Make the ``number``-th rename of a written file into place raise ``exc``.

    Caches written on the way are not counted (their failures are ignored anyway).
    """
    real = fsutil._replace
    calls = {"n": 0}

    def flaky(tmp_name, path):
        if path.parent.name == ".moci-cache":
            return real(tmp_name, path)
        calls["n"] += 1
        if calls["n"] == number:
            raise exc
        return real(tmp_name, path)

    monkeypatch.setattr(fsutil, "_replace", flaky)
    return calls


@pytest.mark.parametrize("failing_write", [1, 2, 3])
def test_rename_is_rolled_back_when_a_later_write_fails(seeded, monkeypatch, failing_write):
    # rename writes its journal, the referrer (reconciliation) and the new file, then
    # deletes the old one.
    before = snapshot(seeded.root)
    _fail_on_call(monkeypatch, failing_write, MociError("could not be written (No space)", "x"))
    result = seeded("rename", "resilience", "resilience-new", ok=False)
    assert "could not be written" in result.output
    assert snapshot(seeded.root) == before
    assert temp_files(seeded.root) == []


def test_rename_is_rolled_back_when_deleting_the_old_file_fails(seeded, monkeypatch):
    before = snapshot(seeded.root)
    real_unlink = Path.unlink

    def unlink(self, missing_ok=False):
        if self.name == "resilience.yaml":
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    result = seeded("rename", "resilience", "resilience-new", ok=False)
    assert "terms/resilience.yaml: could not be removed (Permission denied)" in result.output
    assert snapshot(seeded.root) == before  # the referrer and the new file were put back


def test_ctrl_c_in_the_middle_of_a_rename_rolls_back(seeded, monkeypatch):
    before = snapshot(seeded.root)
    _fail_on_call(monkeypatch, 3, KeyboardInterrupt())  # the journal, one file, then ^C
    result = seeded("rename", "resilience", "resilience-new", ok=False)
    assert "interrupted" in result.output
    assert snapshot(seeded.root) == before
    assert temp_files(seeded.root) == []


def test_a_failed_rollback_names_the_files_to_look_at(tmp_path, monkeypatch):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text("a\n")
    b.write_text("b\n")
    changes = Changes()
    changes.write(a, "A\n")
    changes.write(b, "B\n")
    real = fsutil._replace
    calls = {"n": 0}

    def flaky(tmp_name, path):  # the second write fails, and so does putting a back
        calls["n"] += 1
        if calls["n"] >= 2:
            raise MociError("could not be written (No space left on device)", path)
        return real(tmp_name, path)

    monkeypatch.setattr(fsutil, "_replace", flaky)
    with pytest.raises(MociError) as info:
        changes.apply()
    assert "half-changed" in str(info.value) and str(a) in str(info.value)


def test_a_new_file_is_removed_again_on_rollback(tmp_path, monkeypatch):
    new, old = tmp_path / "new.yaml", tmp_path / "old.yaml"
    old.write_text("old\n")
    changes = Changes()
    changes.write(new, "new\n")
    changes.write(old, "changed\n")
    _fail_on_call(monkeypatch, 2, MociError("could not be written", old))
    with pytest.raises(MociError):
        changes.apply()
    assert not new.exists()
    assert old.read_text() == "old\n"


# --------------------------------------------------------------------------- for real


def _run(root: Path, args: list[str], preexec=None, timeout: float = 60):
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "MOCI_VOCAB_NO_CACHE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "moci_vocab", "--root", str(root), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=preexec,
        env=env,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="POSIX only")
@pytest.mark.parametrize("ignore_sigxfsz", [False, True])
def test_file_size_limit_reached_half_way(seeded, ignore_sigxfsz):
    """`ulimit -f`: the write stops at the limit; moci-vocab itself ignores SIGXFSZ.

    Without ``ignore_sigxfsz`` the child starts with the default action (kill),
    so this also proves that the command line ignores the signal on its own.
    """
    import signal

    long = "A long definition, written out. " * 120  # about 4 KB
    seeded("edit", "reconciliation", "--definition", f"sq={long}")
    path = seeded.root / "terms" / "reconciliation.yaml"
    before = snapshot(seeded.root)
    limit = path.stat().st_size + 100  # the old file fits, the new one does not

    def limit_file_size():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN if ignore_sigxfsz else signal.SIG_DFL)

    result = _run(
        seeded.root,
        # (188 characters: under the 200 a term may have, and still 100 bytes past the limit)
        ["translate", "reconciliation", "sq", "pajtimi " + "shumë " * 30, "--yes"],
        preexec=limit_file_size,
    )
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    assert "terms/reconciliation.yaml" in result.stderr
    assert "could not be written (File too large); the old file is unchanged" in result.stderr
    assert snapshot(seeded.root) == before
    assert temp_files(seeded.root) == []


def _drop_file_capabilities() -> None:
    """In the child: lose the root powers that bypass file permissions (Linux)."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop = 24
    for cap in (1, 2, 3):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER
        if libc.prctl(pr_capbset_drop, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl")


def _permission_preexec():
    """How to run a child that file permissions apply to, or skip."""
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    if os.geteuid() != 0:
        return None
    if not sys.platform.startswith("linux"):
        pytest.skip("as root, permissions can only be enforced on Linux here")
    probe = subprocess.run(
        [sys.executable, "-c", "open('/proc/self/status').read()"],
        preexec_fn=_drop_file_capabilities,
        capture_output=True,
    )
    if probe.returncode != 0:
        pytest.skip("cannot drop CAP_DAC_OVERRIDE here (no CAP_SETPCAP)")
    return _drop_file_capabilities


def test_read_only_terms_folder(seeded):
    preexec = _permission_preexec()
    seeded("list")  # the lock file exists now
    terms = seeded.root / "terms"
    before = snapshot(seeded.root)
    terms.chmod(0o555)
    try:
        result = _run(seeded.root, ["translate", "reconciliation", "sq", "pajtimi"], preexec)
    finally:
        terms.chmod(0o755)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "terms/reconciliation.yaml: could not be written (Permission denied)" in result.stderr
    assert snapshot(seeded.root) == before
    assert temp_files(seeded.root) == []


def test_read_only_glossary_folder_fails_at_the_lock(seeded):
    preexec = _permission_preexec()
    before = snapshot(seeded.root)
    cache = seeded.root / ".moci-cache"
    if cache.exists():
        for path in cache.iterdir():
            path.unlink()
        cache.rmdir()
    seeded.root.chmod(0o555)
    try:
        result = _run(seeded.root, ["translate", "reconciliation", "sq", "pajtimi"], preexec)
    finally:
        seeded.root.chmod(0o755)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "write.lock: cannot be created or opened (Permission denied)" in result.stderr
    assert snapshot(seeded.root) == before
