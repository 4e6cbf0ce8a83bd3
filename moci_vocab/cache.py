"""A cache of parsed data under ``<root>/.moci-cache/``, safe to delete, never stale.

Entries are pickles, because unpickling dataclasses is many times faster
than parsing YAML. A pickle can run code when loaded, and a pull request
could commit a planted ``.moci-cache/`` file; so every entry is signed with
HMAC-SHA256 under a key that lives outside the repository (in the user's
cache folder, readable by the user only). An entry whose signature does
not verify is ignored, exactly like a missing one.

Staleness is the caller's business: it stores, next to the data, the
(size, mtime_ns, inode) of every file the data came from and compares them.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import pickle
import secrets
from pathlib import Path
from typing import Any

from moci_vocab.fsutil import atomic_write

CACHE_FORMAT = 3  # bump when the model's classes change shape
_MAGIC = b"MOCICACHE"
_KEY_BYTES = 32


def cache_disabled() -> bool:
    return os.environ.get("MOCI_VOCAB_NO_CACHE", "") not in ("", "0")


def _key_file() -> Path:
    base = os.environ.get("MOCI_VOCAB_CACHE_KEY_DIR")
    if base:
        return Path(base) / "cache.key"
    if os.name == "nt":
        folder = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    else:
        folder = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return folder / "moci-vocab" / "cache.key"


def _signing_key() -> bytes | None:
    path = _key_file()
    with contextlib.suppress(OSError):
        key = path.read_bytes()
        if len(key) == _KEY_BYTES:
            return key
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_bytes(_KEY_BYTES)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
        return key
    except FileExistsError:  # another process made it first
        with contextlib.suppress(OSError):
            key = path.read_bytes()
            return key if len(key) == _KEY_BYTES else None
    except OSError:
        return None
    return None


def load(root: Path, name: str) -> Any | None:
    """The cached value, or None (missing, from another version, or not signed by us)."""
    if cache_disabled():
        return None
    key = _signing_key()
    if key is None:
        return None
    try:
        blob = (Path(root) / ".moci-cache" / f"{name}.pickle").read_bytes()
    except OSError:
        return None
    header = _MAGIC + bytes([CACHE_FORMAT])
    if not blob.startswith(header) or len(blob) < len(header) + 32:
        return None
    signature, payload = blob[len(header) : len(header) + 32], blob[len(header) + 32 :]
    if not hmac.compare_digest(signature, hmac.new(key, payload, hashlib.sha256).digest()):
        return None
    try:
        with gc_paused():
            return pickle.loads(payload)
    except Exception:
        return None


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


def store(root: Path, name: str, value: Any) -> None:
    """Save ``value``; failures are ignored (a cache is an optimisation, never a requirement)."""
    if cache_disabled():
        return
    key = _signing_key()
    if key is None:
        return
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    signature = hmac.new(key, payload, hashlib.sha256).digest()
    folder = Path(root) / ".moci-cache"
    with contextlib.suppress(Exception):
        folder.mkdir(exist_ok=True)
        gitignore = folder / ".gitignore"
        if not gitignore.exists():
            gitignore.write_text("*\n", encoding="utf-8")
        atomic_write(
            folder / f"{name}.pickle", _MAGIC + bytes([CACHE_FORMAT]) + signature + payload
        )
