"""What the console entry's first steps need, importable in ~0 ms: SIGTERM's handler, the
caches' key (its folder and reading), a signed file's header and its check, the bounded
read of a regular file, and where a glossary's root and cache folder are.

One answer to each, which `cache`, `fsutil`, `layout` and `regex_cache` build on. Here,
in a module that imports only `os` and `digests` (no `typing`, `enum`, `pathlib` or
`re`: ~16 ms on this VM), because they are wanted before anything else is imported: the
kept regular expressions' file (`regex_cache`) before click, and check-po's compiled
glossaries verified on the idle core in the first ~20 ms of a run. Paths are strings.
"""

from __future__ import annotations

import os
import stat

from moci_vocab.digests import MAC_BYTES, compare_digest, mac

MANIFEST = os.path.join("glossary", "glossary.yaml")  # in a glossary's root
CACHE_DIR = ".moci-cache"  # the caches' folder, in a glossary's root
CACHE_FORMAT = 7  # bump when the model's classes change shape (or the signature)
HEADER = b"MOCICACHE" + bytes([CACHE_FORMAT])  # a cache file's first bytes, then its MAC
KEY_BYTES = 32
MAX_CACHE_BYTES = 1024 * 1024 * 1024  # a read bound, far above any real glossary's cache

# O_NONBLOCK: opening a FIFO for reading would wait for a writer forever; with it the open
# returns at once and fstat shows what it is. O_NOFOLLOW: a link is refused by the kernel.
_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread so that the same cleanup runs as for Ctrl-C
    (errors.Terminated; here so that its handler imports nothing: a SIGTERM can come while
    `errors` itself is imported)."""


def raise_terminated(_signum: int, _frame: object) -> None:
    """SIGTERM's handler in the command's process (installed by the console entry's first
    line, again by the CLI): Terminated, which unwinds as Ctrl-C does and is said in one
    line, status 143."""
    raise Terminated


def cache_disabled() -> bool:
    """Whether MOCI_VOCAB_NO_CACHE switches the cache off."""
    return os.environ.get("MOCI_VOCAB_NO_CACHE", "") not in ("", "0")


def key_folder() -> str:
    """The user's folder of the caches' key (and of other per-user caches), a string.

    Only an absolute value of MOCI_VOCAB_CACHE_KEY_DIR, XDG_CACHE_HOME or LOCALAPPDATA
    counts (the XDG spec calls a relative one invalid): an empty or relative one would name
    the current folder, in CI the pull request's checkout, where a key of its choosing
    would make its pickles trusted. Relative even so (a relative HOME): `key_file` is None.
    """
    base = _absolute(os.environ.get("MOCI_VOCAB_CACHE_KEY_DIR"))
    if base:
        return base
    if os.name == "nt":
        home = _absolute(os.environ.get("LOCALAPPDATA")) or os.path.join(
            os.path.expanduser("~"), "AppData", "Local"
        )
    else:
        home = _absolute(os.environ.get("XDG_CACHE_HOME")) or os.path.join(
            os.path.expanduser("~"), ".cache"
        )
    return os.path.join(home, "moci-vocab")


def _absolute(folder: str | None) -> str | None:
    """``folder`` if it is an absolute path, else None."""
    return folder if folder and os.path.isabs(folder) else None


def key_file() -> str | None:
    """Where the caches' key is kept; None: no absolute folder is named for it."""
    folder = key_folder()
    return os.path.join(folder, "cache.key") if os.path.isabs(folder) else None


def read_key() -> bytes | None:
    """The user's key when there is one (a file of KEY_BYTES bytes that only this user may
    read or write, in a folder only they may write: anyone else could know or replace it);
    None: none (made by `cache.signing_key`, never here)."""
    path = key_file()
    if path is None:
        return None
    try:  # (the user's own folder: a link there is the user's, followed)
        key, st = read_regular(path, KEY_BYTES, follow_links=True)
        if os.name == "posix":
            folder = os.stat(os.path.dirname(path))
            uid = os.geteuid()
            if st.st_uid != uid or st.st_mode & 0o077:
                return None
            if folder.st_uid != uid or folder.st_mode & stat.S_IWOTH:
                return None
    except (Unread, OSError):
        return None
    return key if len(key) == KEY_BYTES else None


def signed_payload(blob: bytes, key: bytes) -> memoryview | None:
    """A view of a signed cache file's payload when ``blob`` holds one signed with ``key``
    (its header, MAC and payload), else None; a view, not a slice: no copy."""
    start = len(HEADER) + MAC_BYTES
    if not blob.startswith(HEADER) or len(blob) < start:
        return None
    payload = memoryview(blob)[start:]
    if not compare_digest(blob[len(HEADER) : start], mac(key, payload)):
        return None
    return payload


class Unread(Exception):
    """Why `read_regular` read nothing: ``kind`` is "missing", "link", "folder", "special"
    (a FIFO, a socket, a device), "too big" or "unreadable" (``reason``: the system's)."""

    def __init__(self, kind: str, reason: str = "") -> None:
        super().__init__(kind, reason)
        self.kind = kind
        self.reason = reason


def read_regular(
    path: str | os.PathLike, limit: int, dir_fd: int | None = None, follow_links: bool = False
) -> tuple[bytes, os.stat_result]:
    """(bytes, os.stat_result) of a regular file of at most ``limit`` bytes, or `Unread`.

    Refuses a symbolic link (the last part of the path; with ``dir_fd``, ``path`` is a
    name in that open folder), a FIFO, a device, a folder, and stops reading at ``limit``
    bytes actually read: `stat` says 0 for /dev/zero and /proc files, and a file can grow
    while it is read. The bytes are those of the file the stat describes (one open).
    ``follow_links``: a link is followed (to a regular file).
    """
    flags = _READ_FLAGS & ~getattr(os, "O_NOFOLLOW", 0) if follow_links else _READ_FLAGS
    if not follow_links and not hasattr(os, "O_NOFOLLOW") and os.path.islink(path):  # Windows
        raise Unread("link")
    try:
        fd = os.open(path, flags, dir_fd=dir_fd)
    except FileNotFoundError:
        raise Unread("missing") from None
    except OSError as exc:
        if os.path.islink(path) if dir_fd is None else _is_link_in(dir_fd, path):
            raise Unread("link") from None  # ELOOP (Linux, macOS) or EMLINK (FreeBSD)
        raise Unread("unreadable", exc.strerror or str(exc)) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise Unread("folder")
        if not stat.S_ISREG(st.st_mode):
            raise Unread("special")
        if st.st_size > limit:
            raise Unread("too big")
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(limit + 1 - total, max(st.st_size + 1, 1 << 16)))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise Unread("unreadable", exc.strerror or str(exc)) from None
    finally:
        os.close(fd)
    if total > limit:
        raise Unread("too big")
    return (chunks[0] if len(chunks) == 1 else b"".join(chunks)), st


def _is_link_in(dir_fd: int, name: str | os.PathLike) -> bool:
    try:
        return stat.S_ISLNK(os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode)
    except OSError:
        return False


def glossary_root(start: str | os.PathLike) -> str | None:
    """The nearest folder at or above ``start`` (resolved) that holds MANIFEST, or None."""
    here = os.path.realpath(start)
    while True:
        if os.path.lexists(os.path.join(here, MANIFEST)):  # even a link or a FIFO: see
            return here  # layout.refuse_links, which says so to commands
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent
