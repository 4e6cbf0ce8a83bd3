"""Safe file writing: atomic replace, a write lock, multi-file changes.

A glossary takes pull requests from many people and commands from several
terminals at once; a write that fails half-way (disk full, no permission)
must leave the old file whole and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from moci_vocab.errors import LockTimeout, MociError

LOCK_TIMEOUT_SECONDS = 30.0


def atomic_write(path: Path, data: bytes | str) -> None:
    """Replace ``path`` with ``data`` atomically (temp file in the same folder + rename)."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path = Path(path)
    tmp_name = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp_name, _mode_for(path))
        os.replace(tmp_name, path)
        tmp_name = None
        _fsync_dir(path.parent)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise MociError(
            f"could not be written ({reason}); the old file is unchanged", path
        ) from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; new files get the usual 0644 less umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def write_lock(lock_path: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold an exclusive lock on ``lock_path`` (created if needed) while the block runs."""
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(lock_path, "a+b")  # noqa: SIM115 - closed in finally
    try:
        deadline = time.monotonic() + timeout
        while not _try_lock(handle):
            if time.monotonic() >= deadline:
                raise LockTimeout(
                    f"is locked by another moci-vocab command for over {timeout:.0f} s; "
                    "try again when it has finished",
                    lock_path,
                )
            time.sleep(0.02)
        try:
            yield
        finally:
            _unlock(handle)
    finally:
        handle.close()


def _try_lock(handle) -> bool:
    try:
        if os.name == "nt":
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle) -> None:
    with contextlib.suppress(OSError):
        if os.name == "nt":
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


@dataclass
class Changes:
    """Writes and deletions staged in memory, applied together with rollback.

    If applying the third of five changes fails, the first two are put back,
    so a command either changes every file it meant to or none.
    """

    writes: dict[Path, str] = field(default_factory=dict)
    deletes: list[Path] = field(default_factory=list)

    def write(self, path: Path, text: str) -> None:
        self.writes[Path(path)] = text

    def delete(self, path: Path) -> None:
        self.deletes.append(Path(path))

    def paths(self) -> list[Path]:
        return [*self.writes, *self.deletes]

    def apply(self) -> None:
        backups: list[tuple[Path, bytes | None]] = []
        try:
            for path, text in self.writes.items():
                backups.append((path, _read_or_none(path)))
                atomic_write(path, text)
            for path in self.deletes:
                backups.append((path, _read_or_none(path)))
                try:
                    path.unlink(missing_ok=True)
                except OSError as exc:
                    raise MociError(f"could not be removed ({exc.strerror})", path) from None
        except MociError:
            _restore(backups)
            raise


def _read_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise MociError(f"cannot be read ({exc.strerror})", path) from None


def _restore(backups: list[tuple[Path, bytes | None]]) -> None:
    for path, old in reversed(backups):
        with contextlib.suppress(OSError, MociError):
            if old is None:
                path.unlink(missing_ok=True)
            else:
                atomic_write(path, old)
