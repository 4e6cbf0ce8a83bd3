"""Where a glossary keeps its files, and how to tell cheaply whether any changed.

Layout: ``ROOT/glossary/glossary.yaml`` (the manifest) and
``ROOT/terms/<concept-id>.yaml`` (one file per concept). This module imports
nothing heavy: the commands served from a cache (search, check-po) use it to
decide, without YAML, whether their cache still holds.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path, PurePosixPath

from moci_vocab import early
from moci_vocab.digests import blake2b
from moci_vocab.errors import GlossaryNotFound, MociError

MANIFEST = Path(early.MANIFEST)
CHANGELOG = Path("glossary") / "CHANGELOG.md"
TERMS = Path("terms")
CACHE_DIR = Path(early.CACHE_DIR)
# A multi-file change's renames still to make, while it runs (see fsutil.Changes.apply).
# Not in CACHE_DIR, which is safe to delete at any time; this file is not, after a kill.
JOURNAL = Path(".moci-journal.json")
# Shared by commands that read, exclusive for one that writes (see fsutil.reading).
LOCK = CACHE_DIR / "write.lock"
# A file whose modification time is this close to the moment a cache was made may
# change again within the file system's time granularity (2 s on FAT) without its
# stamp changing: such a stamp is never trusted.
RACY_NS = 2_000_000_000

# tempfile.mkstemp's names for a staged file: ".NAME." + 8 characters of its alphabet + ".tmp"
# (see fsutil._stage_file).
_STAGED = re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp")
# The folders and files of a glossary that moci-vocab reads or writes itself: none of
# them may be a symbolic link (see refuse_links). The journal is refused by the one
# command that would act on it (fsutil.finish_interrupted); readers only warn of it.
OWN_PATHS = (TERMS, MANIFEST.parent, CACHE_DIR, MANIFEST, CHANGELOG)

# (size, mtime_ns, inode, ctime_ns): a file's version, unread. The change time is there
# because a program can set the modification time back (`touch -r`, os.utime, an editor
# keeping it) but not the change time, which every write and every utime moves on.
Stamp = tuple[int, int, int, int]

# Where os.scandir takes an open folder (POSIX; not Windows), concept_stamps lists and
# stats the concept files through it.
_SCANDIR_FD = os.scandir in os.supports_fd
_FOLDER_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)


def find_root(start: Path | None = None) -> Path:
    """The nearest folder at or above ``start`` that holds glossary/glossary.yaml."""
    found = early.glossary_root(start or os.getcwd())
    if found is not None:
        return Path(found)
    here = (start or Path.cwd()).resolve()
    raise GlossaryNotFound(
        f"no glossary here: no {MANIFEST.as_posix()} in {here} or above "
        "(use --root DIR, or create one with `moci-vocab init DIR`)"
    )


def manifest_path(root: Path) -> Path:
    """The manifest's path in the glossary at ``root``."""
    return root / MANIFEST


def is_own_file(name: str) -> bool:
    """Whether ``name`` (relative, POSIX) is a file moci-vocab writes into a glossary.

    The one list of them: ``terms/<slug>.yaml``, the manifest and the changelog.
    A journal may name nothing else (see fsutil.finish_interrupted).
    """
    from moci_vocab.model import is_slug

    path = PurePosixPath(name)
    if name in (MANIFEST.as_posix(), CHANGELOG.as_posix()):
        return True
    return (
        len(path.parts) == 2
        and path.parts[0] == TERMS.as_posix()
        and path.suffix == ".yaml"
        and is_slug(path.stem)
    )


def is_own_concept_file(name: str) -> bool:
    """Whether ``name`` is ``terms/<slug>.yaml`` (the only files moci-vocab deletes)."""
    return is_own_file(name) and PurePosixPath(name).parts[0] == TERMS.as_posix()


def staged_target(name: str) -> str | None:
    """The file that the staged temporary file ``name`` is meant to replace, or None."""
    path = PurePosixPath(name)
    match = _STAGED.fullmatch(path.name)
    return str(path.parent / match["name"]) if match else None


def is_staged_name(name: str) -> bool:
    """Whether a file name is one of fsutil's staged temporary files (``.NAME.*.tmp``)."""
    return _STAGED.fullmatch(name) is not None


def refuse_links(root: Path, names=OWN_PATHS) -> None:
    """Refuse a glossary whose own folders or files (terms/, glossary/, .moci-cache, the
    manifest, the changelog) are symbolic links, or are not what they should be.

    A pull request can commit ``terms -> /etc`` or ``.moci-cache -> /home/x``: moci-vocab
    would then read, print and write files outside the glossary. Cheap: one lstat each.
    """
    for name in names:
        path = Path(root) / name
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise MociError(f"cannot be examined ({exc.strerror or exc})", path) from None
        want_folder = name in (TERMS, MANIFEST.parent, CACHE_DIR)
        if stat.S_ISLNK(st.st_mode):
            kind = "folder" if want_folder else "file"
            raise MociError(
                f"is a symbolic link; moci-vocab only reads and writes the glossary's own "
                f"files, never through a link (replace it by a real {kind}"
                + (", or delete it: it is only a cache)" if name == CACHE_DIR else ")"),
                path,
            )
        if want_folder and not stat.S_ISDIR(st.st_mode):
            raise MociError("must be a folder", path)
        if not want_folder and not stat.S_ISREG(st.st_mode):
            raise MociError("is not a regular file (a FIFO, a device or a folder?)", path)


_CONCEPT_SUFFIXES = (".yaml", ".yml")
_BARE_SUFFIXES = ("yaml", "yml")  # ".yaml" alone is a hidden file without an extension


def is_concept_file_name(name: str) -> bool:
    """Whether a name in terms/ is a concept file: ``*.yaml`` or ``*.yml``, not hidden.

    The same answer as ``os.path.splitext(name)[1] in (".yaml", ".yml")``
    (which gives ``.yaml`` no extension), at a fraction of the cost.
    """
    return name.endswith(_CONCEPT_SUFFIXES) and name.lstrip(".") not in _BARE_SUFFIXES


def concept_file_names(root: Path) -> list[str]:
    """The names of the files in terms/ that hold concepts (or should), sorted."""
    return sorted(_concept_entries(root), key=os.path.normcase)


def concept_stamps(root: Path) -> dict[str, Stamp | None]:
    """The stamp of every concept file by name (None: it vanished, or is a dangling link)."""
    stamps: dict[str, Stamp | None] = {}
    folder = os.path.join(root, TERMS)
    fd = None
    try:
        if _SCANDIR_FD:  # each stat then names the file in the open folder, not its path:
            fd = os.open(folder, _FOLDER_FLAGS)  # the kernel walks one name, not five
        entries = os.scandir(folder if fd is None else fd)
    except (FileNotFoundError, NotADirectoryError):
        if fd is not None:
            os.close(fd)
        return stamps
    try:
        with entries:  # the files of _concept_entries, without keeping 10,000 DirEntry objects
            # The tests of is_concept_file_name, _concept_entries and _entry_stamp written
            # out: this loop is most of what a cache hit costs (one pass per process).
            for entry in entries:
                name = entry.name
                if not name.endswith(_CONCEPT_SUFFIXES) or name.lstrip(".") in _BARE_SUFFIXES:
                    continue
                # A regular file (the type scandir read), else anything but a folder that
                # is not a link to one.
                if not entry.is_file(follow_symlinks=False) and (
                    entry.is_dir() and not entry.is_symlink()
                ):
                    continue
                try:
                    st = entry.stat()  # follows links, like os.stat
                except OSError:
                    stamps[name] = None
                    continue
                stamps[name] = (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)
    finally:
        if fd is not None:
            os.close(fd)
    return stamps


def _concept_entries(root: Path) -> dict[str, os.DirEntry]:
    # Symbolic links (even dangling ones), FIFOs and devices are listed too, so that
    # loading can refuse them by name. scandir knows each file's type without a stat per file.
    try:
        with os.scandir(os.path.join(root, TERMS)) as entries:
            return {
                entry.name: entry
                for entry in entries
                if is_concept_file_name(entry.name) and (entry.is_symlink() or not entry.is_dir())
            }
    except (FileNotFoundError, NotADirectoryError):
        return {}


def _entry_stamp(entry: os.DirEntry) -> Stamp | None:
    try:
        st = entry.stat()  # follows links, like os.stat
    except OSError:
        return None
    return _stamp_of(st)


def _stamp_of(st: os.stat_result) -> Stamp:
    return (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)


def file_stamp(path: str | Path) -> Stamp | None:
    """A file's stamp, or None for a file that is not there."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return _stamp_of(st)


def fingerprint(root: Path) -> tuple[str, int] | None:
    """(digest, newest mtime_ns) of the manifest and every concept file's stamp.

    Equal digests mean that no glossary file was added, removed, replaced or
    touched (even with its modification time set back: the change time moves).
    None when the manifest or a concept file cannot be stat'ed: no cache can
    then be trusted. One scandir pass and one stat per file: this is the whole
    cost of a cache hit's check.
    """
    return fingerprint_of_stamps(root, concept_stamps(root))


def fingerprint_of_stamps(root: Path, stamps: dict[str, Stamp | None]) -> tuple[str, int] | None:
    """``fingerprint(root)`` from the concept files' stamps already taken (concept_stamps).

    The digest is of the stamps in the order the folder listed them: the same files
    listed in another order only give another digest (a cache rebuilt), never a wrong
    match. They are serialized by marshal (version 2: no references, so the bytes are
    those of the values alone), a third cheaper than a pickle (its memo), which cost a
    third of writing and sorting a line per file; marshal's format may change with
    Python's version, which only gives another digest.
    """
    import marshal

    manifest = file_stamp(manifest_path(root))
    if manifest is None or None in stamps.values():
        return None
    newest = max([manifest[1], *[st[1] for st in stamps.values()]])  # type: ignore[index]
    payload = marshal.dumps((manifest, stamps), 2)
    digest = blake2b(payload, digest_size=20)
    return digest.hexdigest(), newest
