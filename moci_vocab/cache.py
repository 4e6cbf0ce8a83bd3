"""A cache of parsed data under ``<root>/.moci-cache/``, safe to delete, never stale.

Entries are pickles, because unpickling dataclasses is many times faster
than parsing YAML. A pickle can run code when loaded, and a pull request
could commit a planted ``.moci-cache/`` file; so every entry is signed (keyed
BLAKE2b, ``digests.mac``) under a key that lives outside the repository (in the
user's cache folder, readable by the user only). An entry whose signature does
not verify is ignored, exactly like a missing one.

Staleness is decided here, in one place, two ways: ``Derived`` holds a value
made from the whole glossary, valid while the glossary's fingerprint
(``layout.fingerprint``: every file's size, mtime, inode and ctime) is the one it
was made from; ``FileEntries`` holds one value per file, each valid while
its file's version (its stamp, or a git blob id) holds. A file modified less
than ``layout.RACY_NS`` before a value was made is never trusted (git's
"racy" rule), so no change can hide behind an unchanged stamp (``unchanged``, the
one test of a file's part; a ``Derived`` value made of such parts can be brought up to
date file by file from its ``earlier`` version). Both are also
keyed by ``code_stamp()``, the stamps of the package's own files: a value made
by other code (an upgrade, an edit in a development checkout, with or without a
new version number) is stale too.
"""

from __future__ import annotations

import contextlib
import functools
import os
import pickle
import time
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from typing import Any

from moci_vocab import early, prefetch
from moci_vocab.digests import blake2b, mac
from moci_vocab.early import CACHE_FORMAT as CACHE_FORMAT  # (re-exported: tests)
from moci_vocab.early import MAX_CACHE_BYTES, cache_disabled
from moci_vocab.errors import MociError
from moci_vocab.fsutil import atomic_write, read_regular_file
from moci_vocab.layout import CACHE_DIR, RACY_NS, Stamp, fingerprint

Fingerprint = tuple[str, int]  # (digest of the files' stamps, the newest mtime_ns among them)

SAVED_PART = 250  # entries of a FileEntries pickled together (see FileEntries.save)


def key_folder() -> Path:
    """The user's folder of the caches' key (and of other per-user caches: regex_cache)."""
    return Path(early.key_folder())


def signing_key() -> bytes | None:
    """The user's secret key (made on first use, readable by the user only); None: none."""
    key = early.read_key()
    if key is not None:
        return key
    where = early.key_file()
    if where is None:  # (no absolute folder for it: never one in the current folder)
        return None
    path = Path(where)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        import secrets  # only here: it imports random

        key = secrets.token_bytes(early.KEY_BYTES)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
    except FileExistsError:  # another process made it first (or one we may not use is there)
        pass
    except OSError:
        return None
    return early.read_key()  # (read back: one rule of which key may be used, read_key's)


def code_stamp(package: str | None = None) -> str:
    """A digest of the path, size and mtime of every file of this package (its code and data).

    One ``os.scandir`` pass over the package's folders (``package``: another folder),
    about a hundred files; a value cached by other code never matches. Unreadable: a
    digest that matches nothing. This package's own stamp is taken once per process
    (`_own_code_stamp`): the code a process runs does not change while it runs.
    """
    if package is None:
        return _own_code_stamp()
    return _code_stamp_of(package)


@functools.cache
def _own_code_stamp() -> str:
    """`code_stamp` of this package, once per process (a command may keep several caches)."""
    return _code_stamp_of(os.path.dirname(os.path.abspath(__file__)))


def _code_stamp_of(package: str) -> str:
    lines: list[str] = []
    folders = [package]
    try:
        while folders:
            with os.scandir(folders.pop()) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        if entry.name != "__pycache__":
                            folders.append(entry.path)
                        continue
                    st = entry.stat()
                    lines.append(f"{entry.path}\t{st.st_size}\t{st.st_mtime_ns}")
    except OSError:
        import secrets  # only here: it imports random

        return secrets.token_hex(16)
    lines.sort()
    return blake2b("\n".join(lines).encode("utf-8", "surrogateescape")).hexdigest()


def load(root: Path, name: str, valid: Callable[[Any], bool] | None = None) -> Any | None:
    """The cached value, or None (missing, from another version, not signed by us, not a
    regular file, too big, or of a shape that ``valid`` refuses: it is rebuilt then)."""
    payload = _signed_payload(root, name)
    if payload is None:
        return None
    try:
        with gc_paused():
            value = pickle.loads(payload)  # what follows its pickle (see `store`) is not read
        return value if valid is None or valid(value) else None
    except Exception:  # a cache is derived data: anything odd in it means "rebuild"
        return None


def _signed_payload(root: Path, name: str) -> memoryview | None:
    """A view of a cache file's payload when its signature verifies (else None); a view,
    not a slice: no copy of the whole file (megabytes for a big glossary's entries)."""
    if cache_disabled():
        return None
    key = signing_key()
    if key is None:
        return None
    path = Path(root) / CACHE_DIR / f"{name}.pickle"
    payload = prefetch.take(path, key)  # read and verified at the start (check-po's)
    if payload is not None:
        return payload
    try:
        blob = read_regular_file(path, MAX_CACHE_BYTES)
    except MociError:
        return None
    return early.signed_payload(blob, key)


def is_record(value: Any, **fields: type | tuple[type, ...]) -> bool:
    """Whether ``value`` is a dict whose named entries have these types (a cache's shape)."""
    return isinstance(value, dict) and all(
        isinstance(value.get(name), kind) for name, kind in fields.items()
    )


@contextlib.contextmanager
def gc_paused():
    """Pause the cyclic garbage collector while many objects that live on are made.

    Unpickling or parsing a 10,000-concept glossary creates about a million
    objects; the collector would walk them again and again (half the time of
    a cache load) only to find that none is garbage.
    """
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def gc_aged() -> None:
    """Move every object the cyclic garbage collector tracks into its oldest generation,
    without walking them (``gc.freeze`` then ``gc.unfreeze``: two list splices).

    For the end of a ``gc_paused`` block whose objects live on: resumed, the collector
    would walk them all as one young generation at the next allocation (0.12-0.25 s after
    the 10,000-concept booklet is written). They stay collectable: a full collection walks
    them, and any cycles among them are freed then; nothing stays frozen.
    """
    import gc

    gc.freeze()
    gc.unfreeze()


def store(root: Path, name: str, value: Any, after: Sequence[bytes | memoryview] = ()) -> None:
    """Save ``value``, then the bytes of ``after`` (signed with it, unread by `load`: see
    `Derived`); failures are ignored (a cache is an optimisation, never a requirement)."""
    if cache_disabled():
        return
    key = signing_key()
    if key is None:
        return
    payload = b"".join([pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), *after])
    signature = mac(key, payload)
    folder = Path(root) / CACHE_DIR
    with contextlib.suppress(Exception):
        folder.mkdir(exist_ok=True)
        if os.path.islink(folder):
            return  # never write through a link (layout.refuse_links says so to commands)
        gitignore = folder / ".gitignore"
        if not os.path.lexists(gitignore):  # a link, even a dangling one, is left as it is
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
            with os.fdopen(os.open(gitignore, flags, 0o666), "w", encoding="utf-8") as handle:
                handle.write("*\n")
        atomic_write(folder / f"{name}.pickle", early.HEADER + signature + payload)


def unchanged(stored: Stamp | None, current: Stamp | None, written: int) -> bool:
    """Whether what was made from a file at stamp ``stored`` at time ``written`` (time_ns)
    still holds for the file at ``current``: the same stamp, and the file modified more
    than RACY_NS before then (git's racy rule: a change within the file system's time
    granularity may leave the stamp as it was)."""
    return current is not None and stored == current and current[1] < written - RACY_NS


def _conforms(value: Any, valid: Callable[[Any], bool] | None) -> bool:
    """Whether a cached value passes its shape check (an exception in the check: no)."""
    try:
        return valid is None or bool(valid(value))
    except Exception:
        return False


_UNREAD = object()  # Derived's stored entry, not read yet


class Derived:
    """A value made from the whole glossary, cached until any glossary file changes.

    ``cached()`` gives the stored value when the fingerprint, ``key`` (a format
    number, options) and the code (``code_stamp``) are the ones it was made with; ``save(value)``
    stores it only when every file is older than the start by ``RACY_NS``.
    A stored value that ``valid`` refuses (a wrong shape) is ignored and rebuilt.

    The file holds a small entry (key, fingerprint, sizes), then the value's own pickle
    (protocol 5), then the buffers it hands out of band (``pickle.PickleBuffer``): a
    stale value is never unpickled (with ``read_first``, a signed one is, then refused), and
    a fresh one is unpickled from a view of the file without a copy; its out-of-band
    buffers come back as read-only views of the file.
    """

    def __init__(
        self,
        root: Path,
        name: str,
        key: Hashable,
        fingerprint_of: Callable[[Path], Fingerprint | None] = fingerprint,
        valid: Callable[[Any], bool] | None = None,
        read_first: bool = False,
    ) -> None:
        """``read_first``: for a value only read, never saved (check-po's load before its
        fork): the file is read, verified and unpickled before the fingerprint is taken
        (another process may be taking it meanwhile), and the value is given only if the
        fingerprint then matches. Otherwise the fingerprint is taken now, before any value
        is made from the files (what `save` stores it under)."""
        self.root = Path(root)
        self.name = name
        self.valid = valid
        self.started = time.time_ns()
        self._fingerprint_of = fingerprint_of
        self._fingerprint: Any = _UNREAD
        self._read_first = read_first
        if not read_first:
            self.fingerprint  # noqa: B018  (taken now)
        self.key = (key, code_stamp(), str(self.root.resolve()))
        self._entry: Any = _UNREAD

    @property
    def fingerprint(self) -> Fingerprint | None:
        """The glossary's fingerprint, taken once (see ``read_first``)."""
        if self._fingerprint is _UNREAD:
            self._fingerprint = self._fingerprint_of(self.root)
        return self._fingerprint

    def cached(self) -> Any | None:
        """The stored value, or None when there is none or it may be stale."""
        stored = self._stored(fresh=True)
        return None if stored is None else stored[0]

    def earlier(self) -> tuple[Any, int] | None:
        """The stored value even when files changed since it was made, and when it was made
        (``time.time_ns()``); None when there is none, or it is of other code or ``key``.

        For a value made of parts, one per file: a part still holds while its file is
        ``unchanged`` since that time. A value is stored only when every file is older
        than that time by ``RACY_NS``, so each unchanged file's part holds as a
        ``FileEntries`` entry would."""
        return self._stored(fresh=False)

    def _stored(self, fresh: bool) -> tuple[Any, int] | None:
        """(value, when made) of the stored entry; ``fresh``: only while the fingerprint holds."""
        read = self._read()
        if read is None:
            return None
        payload, entry = read
        if not self._read_first and not self._holds(entry, fresh):
            return None
        start = len(payload) - entry["value"] - sum(entry["buffers"])
        if entry["value"] <= 0 or start <= 0:
            return None
        buffers, at = [], start + entry["value"]
        for size in entry["buffers"]:
            buffers.append(payload[at : at + size])
            at += size
        try:
            with gc_paused():
                value = pickle.loads(payload[start : start + entry["value"]], buffers=buffers)
        except Exception:
            return None
        if self._read_first and not self._holds(entry, fresh):
            return None
        return (value, entry.get("written", 0)) if _conforms(value, self.valid) else None

    def _holds(self, entry: dict, fresh: bool) -> bool:
        """Whether the stored ``entry`` may be given (``fresh``: made from the files as they
        are now; else: it says when it was made)."""
        fingerprint = self.fingerprint
        if fingerprint is None:  # a glossary file cannot be stat'ed: nothing is trusted
            return False
        if fresh:
            return entry.get("fingerprint") == fingerprint[0]
        return type(entry.get("written")) is int

    def _read(self) -> tuple[memoryview, dict] | None:
        """The stored file's payload and entry (of this key), read and verified once (a
        value that is not ``cached`` may be asked for ``earlier``)."""
        if self._entry is _UNREAD:
            self._entry = None
            payload = _signed_payload(self.root, self.name)
            if payload is None:
                return None
            try:  # the entry's pickle: what follows it is not read
                entry = pickle.loads(payload)
            except Exception:
                return None
            if (
                isinstance(entry, dict)
                and entry.get("key") == self.key
                and type(entry.get("value")) is int
                and type(entry.get("buffers")) is list
                and all(type(size) is int and size >= 0 for size in entry["buffers"])
            ):
                self._entry = (payload, entry)
        return self._entry  # type: ignore[return-value]

    def save(self, value: Any) -> bool:
        """Store ``value`` for the next run, unless a file may change unseen (see RACY_NS);
        whether it was stored."""
        if self._read_first:  # its fingerprint may be younger than what the value was made of
            return False
        if self.fingerprint is None or self.fingerprint[1] >= self.started - RACY_NS:
            return False
        buffers: list[pickle.PickleBuffer] = []
        body = pickle.dumps(value, protocol=5, buffer_callback=buffers.append)
        raws = [buffer.raw() for buffer in buffers]
        entry = {
            "key": self.key,
            "fingerprint": self.fingerprint[0],
            "written": self.started,
            "value": len(body),
            "buffers": [raw.nbytes for raw in raws],
        }
        store(self.root, self.name, entry, [body, *raws])
        return True


class FileEntries:
    """Values made from single files, each valid while its file's version holds.

    A version is a file's stamp (size, mtime_ns, inode) or, with
    ``racy=False``, an immutable id such as a git blob's. Only the entries
    used in this run are kept, unless ``keep`` asks to keep up to that many
    of the most recently used ones. Stored entries of the wrong shape, or whose
    value ``valid`` refuses, are all dropped (the files are read again).

    The file holds a record (key, when written, part sizes) and then the entries in
    parts: those pickled where they were made (``put_pickled``: a worker that parsed them)
    as they are (not pickled again), the others pickled here, SAVED_PART at a time.
    """

    def __init__(
        self,
        root: Path,
        name: str,
        key: Hashable,
        racy: bool = True,
        keep: int = 0,
        valid: Callable[[Any], bool] | None = None,
    ) -> None:
        self.root = Path(root)
        self.name = name
        self.key = (key, code_stamp(), str(self.root.resolve()))
        self.racy = racy
        self.keep = keep
        self.started = time.time_ns()
        loaded = self._load(valid)
        self.old: dict[str, tuple[Any, Any]] = loaded.get("files", {})
        self.written = loaded.get("written", 0)
        self.files: dict[str, tuple[Any, Any]] = {}
        self.changed = False
        self.parts: list[bytes] = []  # entries pickled where they were made (put_pickled)
        self.pickled: set[str] = set()  # the files whose entries are in those

    def _load(self, valid: Callable[[Any], bool] | None) -> dict:
        """The stored record (key, written, files) with its parts' entries among its files,
        or {} (missing, of other code, or any entry of the wrong shape)."""
        payload = _signed_payload(self.root, self.name)
        if payload is None:
            return {}
        try:
            with gc_paused():
                loaded = pickle.loads(payload)  # the record's pickle; the parts follow it
                sizes = loaded.get("parts", []) if isinstance(loaded, dict) else None
                if not (
                    type(sizes) is list
                    and all(type(size) is int and size > 0 for size in sizes)
                    and sum(sizes) < len(payload)
                    and is_record(loaded, written=int, files=dict)
                    and loaded.get("key") == self.key
                ):
                    return {}
                files: dict[str, Any] = {}
                at = len(payload) - sum(sizes)
                for size in sizes:
                    files.update(pickle.loads(payload[at : at + size]))
                    at += size
                files.update(loaded["files"])
        except Exception:  # a cache is derived data: anything odd in it means "rebuild"
            return {}
        if not all(
            type(entry) is tuple and len(entry) == 2 and _conforms(entry[1], valid)
            for entry in files.values()
        ):
            return {}
        return {"written": loaded["written"], "files": files}

    def get(self, file: str, version: Any) -> Any | None:
        """The value stored for ``file`` at ``version``, or None (then ``put`` a new one)."""
        entry = self.old.get(file)
        if entry is None or version is None or entry[0] != version:
            return None
        if self.racy and not unchanged(entry[0], version, self.written):
            return None
        self.files[file] = entry
        return entry[1]

    def put(self, file: str, version: Any, value: Any) -> None:
        """Remember ``value`` as made from ``file`` at ``version``."""
        self.files[file] = (version, value)
        self.pickled.discard(file)
        self.changed = True

    def put_pickled(self, part: bytes, entries: dict[str, tuple[Any, Any]]) -> None:
        """Remember ``entries`` (file -> (version, value)), whose pickle ``part`` is (made
        where they were made, e.g. a worker process): saved as these bytes, not pickled again."""
        self.files.update(entries)
        self.parts.append(part)
        self.pickled.update(entries)
        self.changed = True

    def save(self, complete: bool = True) -> None:
        """Store the entries when any changed (and, for stamps, the picture is ``complete``)."""
        dropped = not self.keep and self.files.keys() != self.old.keys()
        if not complete or not (self.changed or dropped) or cache_disabled():
            return  # (nothing pickled for a store that would not write it)
        files = self.files
        if self.keep:
            older = [(k, v) for k, v in self.old.items() if k not in files]
            files = dict([*older, *files.items()][-self.keep :])
        pickled = self.parts
        if self.pickled and self.pickled <= files.keys():
            files = {file: entry for file, entry in files.items() if file not in self.pickled}
        else:  # (a part's entry put again, or dropped by `keep`: none of them as they were)
            pickled = []
        # The entries pickled here go in parts too: one pickle of them all keeps a memo of
        # every object in it, and on 10,000 concept files took twice the time.
        # Read in order: an entry put again after its part was made comes after it.
        own = list(files.items())
        parts = pickled + [
            pickle.dumps(dict(own[start : start + SAVED_PART]), protocol=pickle.HIGHEST_PROTOCOL)
            for start in range(0, len(own), SAVED_PART)
        ]
        record = {"key": self.key, "written": self.started, "files": {}}
        if parts:
            record["parts"] = [len(part) for part in parts]
        store(self.root, self.name, record, parts)
