"""check-po's compiled glossaries read and verified on the idle core, in the run's first ms.

Each language's compiled glossary is verified before it is unpickled (keyed BLAKE2b over
the file, `cache`): ~3-4 ms per language, on the path of check-po's standby and its worker.
From Python's start to the standby's fork (checkpo.standby, ~20 ms) the run has one core
busy; the console entry, when it forks a standby, first starts a thread here (`start`)
that reads the compiled glossaries of the glossary's cache folder and checks their
signatures (BLAKE2b and the reads let go of the interpreter's lock), and `standby.start`
joins it (`join`) before the fork. A process then takes a file's verified bytes (`take`,
from `cache`) instead of reading and checking the file again.

What is trusted: only bytes this thread read from a regular file (never through a link;
the cache folder opened without following one) and whose signature verified under the
user's key, kept with that key and the file's identity (device, inode, size, mtime, ctime,
from the stat of the one open they were read through). A process takes them only for the
file its own path names now (an lstat: the same identity) under the same key; else, or
when anything failed here, it reads the file as ever. The bytes unpickled are the bytes
verified: never read twice. Bounded: FILE_BYTES a file, PREFETCH_BYTES in all, and `join`
stops the thread after the file it is reading.
"""

from __future__ import annotations

import os
import sys

from moci_vocab import early

# The most read ahead: from one file (a compiled glossary of 2,000 concepts: 2.4-3.1 MB; the
# join waits for the file being read), and in all; a file over either is left to the process
# that loads it.
FILE_BYTES = 64 * 1024 * 1024
PREFETCH_BYTES = 256 * 1024 * 1024
# How often the main thread lets the thread take the interpreter's lock, while it runs.
SWITCH_S = 0.0002
# The most looks at the system's thread count while the thread ends (~20 µs each).
_THREAD_END_TRIES = 1000
# The most entries of the cache folder looked at: it holds a dozen or so (a caches' file per
# kind, a compiled glossary per language); a folder with more was not made by this tool (a
# pull request can commit one), and listing it would hold the start: nothing is read ahead.
MAX_ENTRIES = 256
_PREFIX, _SUFFIX = "checkpo-", ".pickle"  # checkpo.compile's cache names: checkpo-<lang>
_FOLDER_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_DIRECTORY", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
)

# (st_dev, st_ino) -> ((st_size, st_mtime_ns, st_ctime_ns), key, the verified payload)
_verified: dict = {}
# While a thread runs: [its lock (released when it ends), whether to stop, the switch interval
# before it, whether it has returned, the system's count of this process's threads before it
# (None: unknown)]; else None.
_running: list | None = None


def start(root: str | None, lang: str | None, files: list[str]) -> bool:
    """Start reading the compiled glossaries of ``root``'s cache folder (None: as click
    finds the root) that the catalogs ``files`` may need (``lang``: all of them are in it);
    whether a thread was started. Call `join` before any fork."""
    global _running
    if _running is not None or early.cache_disabled() or os.name != "posix":
        return False
    import _thread  # (not threading: its imports take ~4 ms, on the run's one busy core)

    try:
        if root is None:  # as click takes it: the group's option, its variable, the nearest
            root = os.environ.get("MOCI_VOCAB_ROOT") or early.glossary_root(os.curdir)
        if root is None:  # (no glossary: the command says so)
            return False
        folder = os.path.join(root, early.CACHE_DIR)
        wanted: dict[str, int] = {}  # a language's first part -> its catalogs
        for hint in [lang] if lang else [_hint(name) for name in files]:
            wanted[_primary(hint)] = wanted.get(_primary(hint), 0) + 1
        wanted.pop("", None)  # (`-`: the standard input)
        lock = _thread.allocate_lock()
        lock.acquire()
        running = [lock, False, sys.getswitchinterval(), False, _system_threads()]
        # The thread takes the interpreter's lock back after each read and hash (~20 times):
        # at the default 5 ms, each time it would wait that long for the importing main
        # thread to let go of it.
        sys.setswitchinterval(SWITCH_S)
        try:
            _thread.start_new_thread(_fetch, (folder, wanted, running))
        except BaseException:  # (Ctrl-C goes on up; no thread, nothing to join)
            sys.setswitchinterval(running[2])
            raise
    except Exception:  # (a thread that cannot start: the normal path)
        return False
    # Only now: a Ctrl-C before leaves no thread; one right after goes up out of the console
    # entry (no fork follows), and the thread ends with the process.
    _running = running
    return True


def join(finish: bool = False) -> None:
    """Stop the thread after the file it is reading (``finish``: once it has read every
    file), and wait for it; a no-op when none runs. Every exit path of the console entry
    comes here, and every fork after it: what is not read by then is read where it is
    loaded, as ever, not waited for on the run's one busy core."""
    global _running
    running = _running
    if running is None:
        return
    running[1] = not finish
    # Taken and given back at once: a Ctrl-C anywhere in here leaves it free for the join
    # on the way out (held, that join would wait for ever).
    with running[0]:
        pass
    while not running[3]:  # its last step, right after it let go of the lock (a few µs)
        os.sched_yield()
    # Then its end as a system thread (tens of µs): a fork follows, and Python 3.12's
    # os.fork warns of a process with threads (94 forks in 100 did, the warning shown under
    # -X dev). Bounded: a thread started meanwhile by another part of the process.
    if running[4] is not None:
        for _ in range(_THREAD_END_TRIES):
            now = _system_threads()
            if now is None or now <= running[4]:
                break
            os.sched_yield()
    sys.setswitchinterval(running[2])
    _running = None


def _system_threads() -> int | None:
    """How many threads the system counts in this process (Linux); None: unknown."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return None


def forget() -> None:
    """Let the verified bytes go (a process that will load no compiled glossary)."""
    _verified.clear()


def take(path: str | os.PathLike, key: bytes) -> memoryview | None:
    """The verified payload of the cache file ``path`` names now, signed with ``key``; None
    when this process read none such (then the file is read as ever)."""
    if not _verified:
        return None
    try:
        st = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    kept = _verified.pop((st.st_dev, st.st_ino), None)
    if kept is None:
        return None
    identity, used, payload = kept
    if identity != (st.st_size, st.st_mtime_ns, st.st_ctime_ns) or used != key:
        return None
    return payload


def _hint(name: str) -> str:
    """The language a catalog's path suggests, as check-po groups files (`parallel.
    _language_hint`): `locale/<lang>/LC_MESSAGES/<domain>.po`, else the name's last part
    (`gedit-sq.po`, `pt_BR.po`; its last two when the last is a script: `x-sr-Latn.po`). A
    guess for what to read ahead, never what is checked: a wrong one costs a file read for
    nothing, or nothing read ahead. Without `languages` (`re`, Babel): a string's steps."""
    folder, base = os.path.split(name)
    if os.path.basename(folder) == "LC_MESSAGES":
        return os.path.basename(os.path.dirname(folder))
    parts = base.rsplit(".", 1)[0].replace(".", "-").split("-")
    if len(parts) > 1 and len(parts[-1]) == 4 and parts[-1].isalpha():
        return parts[-2]
    return parts[-1]


def _primary(tag: str) -> str:
    """A language tag's first part, lowercase (`sr@latin`, `pt_BR`, `sr-Latn`: sr, pt, sr)."""
    for sep in "_@":
        tag = tag.replace(sep, "-")
    return tag.split("-")[0].lower()


def _fetch(folder: str, wanted: dict[str, int], running: list) -> None:
    """The thread: each wanted cache file read once, verified, and kept (see the module);
    the languages of the most catalogs first (the one both processes check, loaded before
    the worker's fork, is most often among them; a join may stop the thread before the last)."""
    try:
        key = early.read_key()  # (none: nothing was ever cached, nothing to read ahead)
        if key is None:
            return
        fd = os.open(folder, _FOLDER_FLAGS)
        try:
            order = []  # (minus its language's catalogs, name): the most first
            with os.scandir(fd) as entries:
                for seen, entry in enumerate(entries):
                    if seen >= MAX_ENTRIES:
                        return
                    name = entry.name
                    if name.startswith(_PREFIX) and name.endswith(_SUFFIX):
                        catalogs = wanted.get(_primary(name[len(_PREFIX) : -len(_SUFFIX)]))
                        if catalogs:
                            order.append((-catalogs, name))
            names = [name for _, name in sorted(order)]
            left = PREFETCH_BYTES
            for name in names:
                if running[1]:
                    break
                try:
                    blob, st = early.read_regular(name, min(left, FILE_BYTES), dir_fd=fd)
                except early.Unread:
                    continue
                left -= len(blob)
                payload = early.signed_payload(blob, key)
                if payload is not None:
                    identity = (st.st_size, st.st_mtime_ns, st.st_ctime_ns)
                    _verified[st.st_dev, st.st_ino] = (identity, key, payload)
        finally:
            os.close(fd)
    except Exception:  # anything odd: the normal path, silently
        pass
    finally:
        running[0].release()
        running[3] = True
