"""Safe file writing: atomic replace, a write lock, multi-file changes.

A glossary takes pull requests from many people and commands from several
terminals at once; a write that fails half-way (disk full, no permission)
must leave the old file whole and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from moci_vocab.errors import LockTimeout, MociError
from moci_vocab.layout import JOURNAL, MANIFEST

LOCK_TIMEOUT_SECONDS = 30.0
LOCK_TIMEOUT_ENV = "MOCI_VOCAB_LOCK_TIMEOUT"  # seconds; for scripts and tests


def lock_timeout() -> float:
    """The lock timeout: $MOCI_VOCAB_LOCK_TIMEOUT seconds, else 30."""
    value = os.environ.get(LOCK_TIMEOUT_ENV, "").strip()
    if not value:
        return LOCK_TIMEOUT_SECONDS
    try:
        seconds = float(value)
    except ValueError:
        raise MociError(
            f"{LOCK_TIMEOUT_ENV}={value!r} is not a number of seconds, e.g. 30 or 0.5"
        ) from None
    if not seconds >= 0:  # also refuses nan
        raise MociError(f"{LOCK_TIMEOUT_ENV}={value!r} must be 0 or more seconds")
    return seconds


def atomic_write(path: Path, data: bytes | str) -> None:
    """Replace ``path`` with ``data`` atomically (temp file in the same folder + rename)."""
    path = Path(path)
    tmp_name = _stage_file(path, data)
    try:
        _replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(path.parent)


def _utf8(text: str, path: Path) -> bytes:
    """``text`` as UTF-8; a lone surrogate (bytes that were not UTF-8) is refused."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        char = f"U+{ord(text[exc.start]):04X}"
        raise MociError(
            f"was not written: the text holds {char}, which is not a character (bytes "
            "that were not UTF-8); the old file is unchanged",
            path,
        ) from None


def _stage_file(path: Path, data: bytes | str) -> str:
    """``data`` in a new temporary file next to ``path``, on disk (fsync'ed); its name."""
    payload = _utf8(data, path) if isinstance(data, str) else data
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
    except BaseException as exc:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
        if isinstance(exc, OSError):
            reason = exc.strerror or str(exc)
            raise MociError(
                f"could not be written ({reason}); the old file is unchanged", path
            ) from None
        raise
    return tmp_name


def _replace(tmp_name: str, path: Path) -> None:
    try:
        os.replace(tmp_name, path)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise MociError(
            f"could not be written ({reason}); the old file is unchanged", path
        ) from None


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
def write_lock(lock_path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold an exclusive lock on ``lock_path`` (created if needed) while the block runs.

    ``timeout`` defaults to ``lock_timeout()``; when the lock stays taken
    that long, LockTimeout says so in one sentence.
    """
    if timeout is None:
        timeout = lock_timeout()
    deadline = time.monotonic() + timeout
    while True:
        handle = _open_lock_file(lock_path)
        try:
            while not _try_lock(handle):
                if time.monotonic() >= deadline:
                    raise LockTimeout(
                        f"is held by another moci-vocab command that changes this glossary; "
                        f"waited {timeout:g} s for it (try again when it has finished, or raise "
                        f"{LOCK_TIMEOUT_ENV})",
                        lock_path,
                    )
                time.sleep(0.02)
            # Someone may have deleted the cache folder (it is safe to delete)
            # between our open and our lock: then our lock guards a file that no
            # other process will ever open. Lock the file that is there now.
            if not _same_file(handle, lock_path):
                _unlock(handle)
                continue
            try:
                yield
            finally:
                _unlock(handle)
            return
        finally:
            handle.close()


def _open_lock_file(lock_path: Path):
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        return open(lock_path, "a+b")  # closed by write_lock
    except OSError as exc:
        raise MociError(
            f"cannot be created or opened ({exc.strerror or exc}), so this glossary cannot be "
            "changed safely; check that you may write in its folder",
            lock_path,
        ) from None


def _same_file(handle, lock_path: Path) -> bool:
    try:
        mine, there = os.fstat(handle.fileno()), os.stat(lock_path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)


def _try_lock(handle) -> bool:
    try:
        if os.name == "nt":
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if os.name != "nt" and exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            # Not "taken by someone else" (e.g. no locks on this file system):
            # waiting would only end in a misleading timeout.
            raise MociError(
                f"cannot be locked ({exc.strerror or exc})", Path(handle.name)
            ) from None
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
        """Stage writing ``text`` to ``path``."""
        self.writes[Path(path)] = text

    def delete(self, path: Path) -> None:
        """Stage deleting ``path``."""
        self.deletes.append(Path(path))

    def paths(self) -> list[Path]:
        """Every path the changes write or delete."""
        return [*self.writes, *self.deletes]

    def apply(self) -> None:
        """Write and delete everything, or (on any failure, even Ctrl-C) put it all back.

        Every new text is on disk, in a temporary file next to its target, before the
        first file changes. Inside a glossary, a journal of the renames still to make
        is written next (``.moci-journal.json``): a command killed half-way
        (kill -9, a power cut) leaves it, and the next command finishes the change
        (``finish_interrupted``), so that no rename is ever left half-made.
        """
        journal = _journal_path(self.paths())
        staged: list[tuple[str, Path]] = []
        try:
            for path, text in self.writes.items():
                staged.append((_stage_file(path, text), path))
            if journal is not None:
                _write_journal(journal, staged, self.deletes)
            self._swap(staged)
        finally:
            for tmp_name, _path in staged:  # those not renamed (a failure, then rollback)
                with contextlib.suppress(OSError):
                    os.unlink(tmp_name)
            if journal is not None:
                with contextlib.suppress(OSError):
                    journal.unlink()

    def _swap(self, staged: list[tuple[str, Path]]) -> None:
        """Rename the staged files into place and delete; on any failure, put back."""
        backups: list[tuple[Path, bytes | None]] = []
        try:
            for tmp_name, path in staged:
                backups.append((path, _read_or_none(path)))
                _replace(tmp_name, path)
            for path in self.deletes:
                backups.append((path, _read_or_none(path)))
                try:
                    path.unlink(missing_ok=True)
                except OSError as exc:
                    raise MociError(f"could not be removed ({exc.strerror})", path) from None
            for folder in {path.parent for path in self.paths()}:
                _fsync_dir(folder)
        except BaseException as exc:
            unrestored = _restore(backups)
            if unrestored and isinstance(exc, MociError):
                names = ", ".join(str(path) for path in unrestored)
                raise MociError(
                    f"{exc.message}; putting back the other files failed too, so these may be "
                    f"half-changed: {names} (compare them with `git diff`)",
                    exc.path,
                    exc.line,
                ) from None
            raise


# --- the journal of a multi-file change ----------------------------------------------------------

JOURNAL_FORMAT = 1


def _journal_path(paths: list[Path]) -> Path | None:
    """Where the journal of a change to ``paths`` goes: in their glossary (None: no glossary)."""
    if len(paths) < 2:
        return None  # one file is replaced atomically: nothing to finish
    first = Path(paths[0]).absolute()
    for folder in first.parents:
        if (folder / MANIFEST).is_file():
            inside = all(_is_within(Path(path).absolute(), folder) for path in paths)
            return folder / JOURNAL if inside else None
    return None


def _is_within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _write_journal(journal: Path, staged: list[tuple[str, Path]], deletes: list[Path]) -> None:
    root = journal.parent
    entries = [
        {"rename": _relative(Path(tmp_name), root), "to": _relative(path, root)}
        for tmp_name, path in staged
    ]
    entries += [{"delete": _relative(path, root)} for path in deletes]
    text = json.dumps({"format": JOURNAL_FORMAT, "changes": entries}, ensure_ascii=False)
    atomic_write(journal, text + "\n")


def _relative(path: Path, root: Path) -> str:
    return Path(path).absolute().relative_to(root.absolute()).as_posix()


def finish_interrupted(root: Path) -> list[Path]:
    """Finish the change a killed command left half-made; the files it changed.

    Call it holding the glossary's write lock. Renaming a staged file that is
    already in place is skipped, so finishing twice is the same as once.
    """
    journal = Path(root) / JOURNAL
    try:
        text = journal.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise MociError(f"cannot be read ({exc.strerror})", journal) from None
    renames, deletes = _read_journal(text, Path(root), journal)
    changed = []
    for tmp, target in renames:
        if tmp.exists():
            _replace(str(tmp), target)
            changed.append(target)
    for target in deletes:
        if target.exists() or target.is_symlink():
            target.unlink()
            changed.append(target)
    for folder in {path.parent for path in changed}:
        _fsync_dir(folder)
    journal.unlink()
    return changed


# tempfile.mkstemp's names: ".NAME." + 8 characters of its alphabet + ".tmp" (see _stage_file)
_STAGED = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")


def remove_staged_leftovers(folders: list[Path]) -> list[Path]:
    """Delete the staged files that a command killed before its journal left; which ones.

    Call it holding the glossary's write lock: then no command is staging files,
    and every staged file in these folders is a leftover that changed nothing.
    """
    removed = []
    for folder in folders:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if _STAGED.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


def _read_journal(text: str, root: Path, journal: Path) -> tuple[list[tuple[Path, Path]], list]:
    """The renames and deletions of a journal, each path checked to lie in the glossary."""
    try:
        data = json.loads(text)
        renames = [(e["rename"], e["to"]) for e in data["changes"] if "rename" in e]
        deletes = [e["delete"] for e in data["changes"] if "delete" in e]
        if data["format"] != JOURNAL_FORMAT:
            raise ValueError
    except (ValueError, KeyError, TypeError, AttributeError):
        raise MociError(
            "is not a journal this version of moci-vocab can finish; compare the glossary "
            "with `git status`, then delete the journal",
            journal,
        ) from None

    def inside(name: object) -> Path:
        path = root / str(name)
        if not isinstance(name, str) or ".." in Path(name).parts or Path(name).is_absolute():
            raise MociError(f"names a file outside the glossary ({name!r})", journal)
        return path

    pairs = [(inside(tmp), inside(target)) for tmp, target in renames]
    for tmp, target in pairs:
        if tmp.parent != target.parent or not tmp.name.startswith(f".{target.name}."):
            raise MociError(f"renames {tmp.name!r}, which it did not write", journal)
    return pairs, [inside(name) for name in deletes]


def _read_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise MociError(f"cannot be read ({exc.strerror})", path) from None


def _restore(backups: list[tuple[Path, bytes | None]]) -> list[Path]:
    """Put files back as they were; the paths that could not be put back."""
    failed = []
    for path, old in reversed(backups):
        try:
            if old is None:
                path.unlink(missing_ok=True)
            elif _read_or_none(path) != old:
                atomic_write(path, old)
        except (OSError, MociError):
            failed.append(path)
    return failed
