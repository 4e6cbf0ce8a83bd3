"""Where a glossary keeps its files, and how to tell cheaply whether any changed.

Layout: ``ROOT/glossary/glossary.yaml`` (the manifest) and
``ROOT/terms/<concept-id>.yaml`` (one file per concept). This module imports
nothing heavy: the commands served from a cache (search, check-po) use it to
decide, without YAML, whether their cache still holds.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

from moci_vocab.errors import GlossaryNotFound

MANIFEST = Path("glossary") / "glossary.yaml"
CHANGELOG = Path("glossary") / "CHANGELOG.md"
TERMS = Path("terms")
CACHE_DIR = Path(".moci-cache")
# A multi-file change's renames still to make, while it runs (see fsutil.Changes.apply).
# Not in CACHE_DIR, which is safe to delete at any time; this file is not, after a kill.
JOURNAL = Path(".moci-journal.json")
# A file whose modification time is this close to the moment a cache was made may
# change again within the file system's time granularity (2 s on FAT) without its
# stamp changing: such a stamp is never trusted.
RACY_NS = 2_000_000_000

Stamp = tuple[int, int, int]  # (size, mtime_ns, inode): a file's version, unread


def find_root(start: Path | None = None) -> Path:
    """The nearest folder at or above ``start`` that holds glossary/glossary.yaml."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MANIFEST).is_file():
            return folder
    raise GlossaryNotFound(
        f"no glossary here: no {MANIFEST.as_posix()} in {here} or above "
        "(use --root DIR, or create one with `moci-vocab init DIR`)"
    )


def manifest_path(root: Path) -> Path:
    """The manifest's path in the glossary at ``root``."""
    return root / MANIFEST


def is_concept_file_name(name: str) -> bool:
    """Whether a name in terms/ is a concept file: ``*.yaml`` or ``*.yml``, not hidden.

    The same answer as ``os.path.splitext(name)[1] in (".yaml", ".yml")``
    (which gives ``.yaml`` no extension), at a fraction of the cost.
    """
    return name.endswith((".yaml", ".yml")) and name.lstrip(".") not in ("yaml", "yml")


def concept_file_names(root: Path) -> list[str]:
    """The names of the files in terms/ that hold concepts (or should), sorted."""
    return sorted(_concept_entries(root), key=os.path.normcase)


def concept_stamps(root: Path) -> dict[str, Stamp | None]:
    """The stamp of every concept file by name (None: it vanished, or is a dangling link)."""
    return {name: _entry_stamp(entry) for name, entry in _concept_entries(root).items()}


def _concept_entries(root: Path) -> dict[str, os.DirEntry]:
    # Symbolic links are listed too (even dangling ones), so that loading can refuse
    # them. scandir knows each file's type without a stat per file.
    try:
        with os.scandir(os.path.join(root, TERMS)) as entries:
            return {
                entry.name: entry
                for entry in entries
                if is_concept_file_name(entry.name) and (entry.is_symlink() or entry.is_file())
            }
    except (FileNotFoundError, NotADirectoryError):
        return {}


def _entry_stamp(entry: os.DirEntry) -> Stamp | None:
    try:
        st = entry.stat()  # follows links, like os.stat
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def file_stamp(path: str | Path) -> Stamp | None:
    """A file's stamp, or None for a file that is not there."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def fingerprint(root: Path) -> tuple[str, int] | None:
    """(digest, newest mtime_ns) of the manifest and every concept file's stamp.

    Equal digests mean that no glossary file was added, removed, replaced or
    touched. None when the manifest or a concept file cannot be stat'ed: no
    cache can then be trusted. One scandir pass and one stat per file: this
    is the whole cost of a cache hit's check.
    """
    manifest = file_stamp(manifest_path(root))
    if manifest is None:
        return None
    lines = [f"\t{manifest[0]}\t{manifest[1]}\t{manifest[2]}"]
    newest = manifest[1]
    try:
        entries = os.scandir(os.path.join(root, TERMS))
    except (FileNotFoundError, NotADirectoryError):  # no concepts yet
        entries = None
    with entries or contextlib.nullcontext(()):
        # Not _concept_entries: a dict of 10,000 entries made only to be walked once costs
        # a quarter of this loop, which is most of a cached search's own work.
        for entry in entries or ():
            name = entry.name
            if not (is_concept_file_name(name) and (entry.is_symlink() or entry.is_file())):
                continue
            try:
                st = entry.stat()
            except OSError:  # a dangling link, or a file that vanished meanwhile
                return None
            lines.append(f"{name}\t{st.st_size}\t{st.st_mtime_ns}\t{st.st_ino}")
            if st.st_mtime_ns > newest:
                newest = st.st_mtime_ns
    lines.sort()  # scandir's order is the file system's
    digest = hashlib.blake2b("\n".join(lines).encode("utf-8", "surrogateescape"), digest_size=20)
    return digest.hexdigest(), newest
