"""Safe file writing: atomic replace, a write lock, multi-file changes.

A glossary takes pull requests from many people and commands from several
terminals at once; a write that fails half-way (disk full, no permission)
must leave the old file whole and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from moci_vocab.digests import compare_digest, hmac_sha256
from moci_vocab.early import Unread, read_regular
from moci_vocab.errors import LockTimeout, MociError
from moci_vocab.layout import (
    JOURNAL,
    LOCK,
    MANIFEST,
    TERMS,
    is_own_concept_file,
    is_own_file,
    is_staged_name,
    refuse_links,
    staged_target,
)
from moci_vocab.records import Record

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


# --- reading any file: regular files only, never through a link, never unbounded ----------------

# The most read from one translation file (PO, MO, XLIFF, CSV, TBX, JSON) by check-po or import.
MAX_INPUT_BYTES = 64 * 1024 * 1024
LINK_REFUSED = (
    "is a symbolic link; moci-vocab does not follow links (a pull request could point one "
    "anywhere): give the path of the file itself"
)


def read_regular_file(path: Path, limit: int, too_big: str | None = None) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, or one clear MociError.

    Refuses a symbolic link (the last part of the path), a FIFO, a device, a folder,
    and stops reading at ``limit`` bytes actually read (`early.read_regular`, whose
    refusals this says in a sentence).
    """
    try:
        return read_regular(path, limit)[0]
    except Unread as exc:
        if exc.kind == "too big":
            message = (
                too_big or f"is over {_megabytes(limit)}, the most moci-vocab reads from one file"
            )
        else:
            message = _UNREAD.get(exc.kind) or f"cannot be read ({exc.reason})"
        raise MociError(message, Path(path)) from None


_UNREAD = {
    "missing": "no such file",
    "link": LINK_REFUSED,
    "folder": "is a folder, not a file",
    "special": "is not a regular file (a FIFO, a socket or a device); moci-vocab reads "
    "regular files only",
}


def _megabytes(limit: int) -> str:
    return f"{limit / (1024 * 1024):g} MB"


# --- writing the files a command names (-o): never through a link --------------------------------

OUTPUT_LINK_REFUSED = (
    "is a symbolic link; moci-vocab never writes through a link (a pull request could point "
    "one anywhere): replace it by a real folder, or name the folder it points to"
)


def refuse_linked_folders(top: Path, folder: Path) -> None:
    """Refuse ``top`` (an output folder the user named, e.g. `export -o exports`) or any
    folder between it and ``folder`` that is a symbolic link (one lstat each).

    In CI the checkout is the pull request's: `exports -> ~/.config` or `exports/weblate ->
    /elsewhere` would make an export write outside it. A file that is a link is never
    written through anyway (the new file is renamed over it); a folder that does not exist
    yet is made a real one.
    """
    top, folder = Path(top), Path(folder)
    try:
        below = folder.relative_to(top).parts
    except ValueError:
        raise MociError("is outside the output folder (a bug; please report it)", folder) from None
    folders = [top]
    for part in below:
        folders.append(folders[-1] / part)
    for path in folders:
        try:
            st = os.lstat(path)
        except OSError:
            return  # missing (made as a real folder) or not examinable: the write says so
        if stat.S_ISLNK(st.st_mode):
            raise MociError(OUTPUT_LINK_REFUSED, path)


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
    # Imported here: tempfile brings shutil, random, bz2 and lzma (~3 ms), which a
    # command that only reads (check-po's serial start-up, before its workers) never needs.
    import tempfile

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
    with _file_lock(lock_path, timeout, shared=False):
        yield


@contextlib.contextmanager
def read_lock(lock_path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold a shared lock on ``lock_path``: readers together, never beside a writer.

    Where the lock file cannot be created (a read-only checkout) or locked (no
    shared locks on Windows), nobody can write either: the block runs unlocked.
    """
    try:
        handle = _open_lock_file(lock_path)
    except MociError:
        handle = None
    if handle is None or os.name == "nt":
        if handle is not None:
            handle.close()
        yield
        return
    handle.close()
    with _file_lock(lock_path, timeout, shared=True):
        yield


@contextlib.contextmanager
def reading(root: Path) -> Iterator[bool]:
    """A shared lock on a glossary for a command that only reads: no writer meanwhile.

    Never acts on a journal (finishing one is for commands that write); the block gets
    whether one is there, i.e. whether a change was left half-made (or one was planted).
    """
    refuse_links(root)
    with read_lock(Path(root) / LOCK):
        yield _is_there(Path(root) / JOURNAL)


@contextlib.contextmanager
def _file_lock(lock_path: Path, timeout: float | None, shared: bool) -> Iterator[None]:
    if timeout is None:
        timeout = lock_timeout()
    deadline = time.monotonic() + timeout
    while True:
        handle = _open_lock_file(lock_path)
        try:
            while not _try_lock(handle, shared):
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


_LOCK_FLAGS = (
    os.O_RDWR
    | os.O_CREAT
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


def _open_lock_file(lock_path: Path):
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_path, _LOCK_FLAGS, 0o666)  # never through a link (O_NOFOLLOW)
    except OSError as exc:
        raise MociError(
            f"cannot be created or opened ({exc.strerror or exc}), so this glossary cannot be "
            "changed safely; check that you may write in its folder (and that it is no link)",
            lock_path,
        ) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise MociError("is not a regular file; delete it (it is only a lock)", lock_path)
    return os.fdopen(fd, "r+b")  # closed by _file_lock


def _same_file(handle, lock_path: Path) -> bool:
    try:
        mine, there = os.fstat(handle.fileno()), os.stat(lock_path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)


def _try_lock(handle, shared: bool = False) -> bool:
    try:
        if os.name == "nt":
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
            fcntl.flock(handle.fileno(), mode | fcntl.LOCK_NB)
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


class Changes(Record):
    """Writes and deletions staged in memory, applied together with rollback.

    If applying the third of five changes fails, the first two are put back,
    so a command either changes every file it meant to or none.
    """

    _fields = ("writes", "deletes")

    def __init__(
        self, writes: dict[Path, str] | None = None, deletes: list[Path] | None = None
    ) -> None:
        self.writes: dict[Path, str] = {} if writes is None else writes
        self.deletes: list[Path] = [] if deletes is None else deletes

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
        journal = _journal_path(list(self.writes), self.deletes)
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
#
# A journal tells the next command to rename and delete files: whoever can write one can
# make moci-vocab delete files. So it is only acted on when it is one this tool wrote, on
# this machine, for this checkout: sealed with the user's own key (outside the repository,
# see cache.signing_key) over the glossary's absolute path and the changes; naming only the
# glossary's own files (layout.is_own_file); no link, FIFO or device among them.

JOURNAL_FORMAT = 2
MAX_JOURNAL_BYTES = 16 * 1024 * 1024  # 100,000 entries and more


def _journal_path(writes: list[Path], deletes: list[Path]) -> Path | None:
    """Where the journal of a change goes: in its glossary (None: no glossary, or not
    only the glossary's own files, or a single file, which is replaced atomically)."""
    paths = [*writes, *deletes]
    if len(paths) < 2:
        return None
    first = Path(paths[0]).absolute()
    for folder in first.parents:
        if (folder / MANIFEST).is_file():
            names = [_relative(path, folder) for path in writes]
            gone = [_relative(path, folder) for path in deletes]
            own = all(name is not None and is_own_file(name) for name in names) and all(
                name is not None and is_own_concept_file(name) for name in gone
            )
            return folder / JOURNAL if own else None
    return None


def _relative(path: Path, root: Path) -> str | None:
    try:
        return Path(path).absolute().relative_to(Path(root).absolute()).as_posix()
    except ValueError:
        return None


def _write_journal(journal: Path, staged: list[tuple[str, Path]], deletes: list[Path]) -> None:
    root = journal.parent
    entries: list[dict[str, str]] = [
        {"rename": str(_relative(Path(tmp_name), root)), "to": str(_relative(path, root))}
        for tmp_name, path in staged
    ]
    entries += [{"delete": str(_relative(path, root))} for path in deletes]
    seal = _seal(root, entries)
    import json  # only where a change is written or finished: not at the top

    text = json.dumps(
        {"format": JOURNAL_FORMAT, "changes": entries, "seal": seal}, ensure_ascii=False
    )
    atomic_write(journal, text + "\n")


def _seal(root: Path, entries: list) -> str | None:
    """HMAC of the glossary's place and the changes under the user's key (None: no key)."""
    from moci_vocab.cache import signing_key

    key = signing_key()
    if key is None:
        return None
    import json

    message = json.dumps([str(Path(root).resolve()), entries], sort_keys=True, ensure_ascii=True)
    return hmac_sha256(key, message.encode("ascii")).hex()


def finish_interrupted(root: Path) -> list[Path]:
    """Finish the change a killed command left half-made; the files it changed.

    Call it holding the glossary's write lock. Renaming a staged file that is
    already in place is skipped, so finishing twice is the same as once. A journal
    that breaks any rule (see above) raises one MociError and is left as it is.
    """
    root = Path(root)
    journal = root / JOURNAL
    try:
        os.lstat(journal)
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise _left_alone(f"cannot be examined ({exc.strerror or exc})", journal) from None
    renames, deletes = _read_journal(root, journal)
    changed = []
    for tmp, target in renames:
        if _is_there(tmp):
            _replace(str(tmp), target)
            changed.append(target)
    for target in deletes:
        if _is_there(target):
            target.unlink()
            changed.append(target)
    for folder in {path.parent for path in changed}:
        _fsync_dir(folder)
    journal.unlink()
    return changed


def _is_there(path: Path) -> bool:
    try:
        os.lstat(path)
    except FileNotFoundError:
        return False
    return True


def _left_alone(reason: str, journal: Path) -> MociError:
    return MociError(
        f"{reason}, so it was left alone: compare the glossary with `git status`, finish or "
        "undo the change by hand, then delete the journal",
        journal,
    )


def _read_journal(root: Path, journal: Path) -> tuple[list[tuple[Path, Path]], list[Path]]:
    """The renames and deletions of a journal, once it has passed every rule."""
    try:
        raw = read_regular_file(journal, MAX_JOURNAL_BYTES)
    except MociError as exc:
        raise _left_alone(exc.message, journal) from None
    import json

    try:
        data = json.loads(raw.decode("utf-8"))
        entries = data["changes"]
        if data["format"] != JOURNAL_FORMAT or not isinstance(entries, list):
            raise ValueError
        renames = [(e["rename"], e["to"]) for e in entries if set(e) == {"rename", "to"}]
        deletes = [e["delete"] for e in entries if set(e) == {"delete"}]
        names = [*(name for pair in renames for name in pair), *deletes]
        if len(renames) + len(deletes) != len(entries) or not all(
            isinstance(name, str) for name in names
        ):
            raise ValueError
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise _left_alone(
            "is not a journal this version of moci-vocab can finish", journal
        ) from None
    for tmp, target in renames:
        if not is_own_file(target):
            raise _left_alone(f"names {target!r}, a file moci-vocab never writes", journal)
        if staged_target(tmp) != target:
            raise _left_alone(f"renames {tmp!r}, which moci-vocab did not stage", journal)
    for name in deletes:
        if not is_own_concept_file(name):
            raise _left_alone(f"deletes {name!r}, a file moci-vocab never deletes", journal)
    seal = data.get("seal")
    expected = _seal(root, entries)
    if expected is None or not isinstance(seal, str) or not compare_digest(seal, expected):
        raise _left_alone(
            "was not written by moci-vocab on this machine for this glossary (a journal "
            "committed to a repository never is)",
            journal,
        )
    try:
        refuse_links(root, (TERMS, MANIFEST.parent))
    except MociError as exc:
        raise _left_alone(f"{exc.path}: {exc.message}", journal) from None
    for name in names:
        try:
            st = os.lstat(root / name)
        except FileNotFoundError:
            continue
        if not stat.S_ISREG(st.st_mode):
            raise _left_alone(f"names {name!r}, which is not a regular file", journal)
    return [(root / tmp, root / target) for tmp, target in renames], [root / n for n in deletes]


def remove_staged_leftovers(folders: list[Path]) -> list[Path]:
    """Delete the staged files that a command killed before its journal left; which ones.

    Call it holding the glossary's write lock: then no command is staging files,
    and every staged file in these folders is a leftover that changed nothing.
    """
    removed = []
    for folder in folders:
        try:  # names only: terms/ holds a file per concept, and a staged one is rare
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            if name.endswith(".tmp") and is_staged_name(name):
                path = os.path.join(folder, name)
                with contextlib.suppress(OSError):
                    if stat.S_ISREG(os.lstat(path).st_mode):  # a regular file, not a link
                        os.unlink(path)
                        removed.append(Path(path))
    return removed


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
