"""The glossary on disk: find it, load it, write it back in canonical form.

Layout: ``ROOT/glossary/glossary.yaml`` (the manifest) and
``ROOT/terms/<concept-id>.yaml`` (one file per concept). Every write goes
through ``canonical_concept_text`` / ``canonical_manifest_text`` and
``fsutil.atomic_write``, under the glossary's write lock.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Generator, Iterator
from os.path import normcase
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from moci_vocab.errors import MociError, UnknownConcept
from moci_vocab.findings import Finding
from moci_vocab.fsutil import (
    Changes,
    finish_interrupted,
    remove_staged_leftovers,
    write_lock,
)
from moci_vocab.layout import (  # noqa: F401 (re-exported: where the files are)
    CACHE_DIR,
    CHANGELOG,
    JOURNAL,
    LOCK,
    MANIFEST,
    RACY_NS,
    TERMS,
    concept_file_names,
    concept_stamps,
    file_stamp,
    find_root,
    manifest_path,
    refuse_links,
)
from moci_vocab.model import Concept, Glossary, Manifest, is_slug
from moci_vocab.records import Record
from moci_vocab.schema import YAML_ERROR, parse_concept, parse_manifest, term_length_problem
from moci_vocab.yamlio import Document, dump_yaml, read_yaml

if TYPE_CHECKING:
    from moci_vocab.cache import FileEntries

PROGRESS_EVERY = 250  # files between two progress reports (a report costs a redraw)
CONCEPTS_CACHE_KEY = 3  # bump when what the cache keeps per concept file changes shape
# From this many concept files to parse on, a working tree's are parsed in two processes
# (WorkingTree.parse), in chunks of PARSE_CHUNK files: below it a few chunks are all there
# is to share, for a fork, a thread and the worker's pickles (docs/performance-journal.md: 300
# files took 0.86x the loading process's CPU of one process, 600 files 0.70x).
PARALLEL_FILES = 500
PARSE_CHUNK = 100


def concept_path(root: Path, concept_id: str) -> Path:
    """The file of a concept; refuses ids that are not slugs (no `../x`)."""
    if not is_slug(concept_id):
        raise MociError(
            f"{concept_id!r} is not a valid concept id: use lowercase letters a-z, digits "
            "and single hyphens, e.g. social-innovation"
        )
    return root / TERMS / f"{concept_id}.yaml"


def concept_files(root: Path) -> list[Path]:
    """The paths of the concept files in terms/, sorted."""
    folder = root / TERMS
    return [folder / name for name in concept_file_names(root)]


def _read_document(path: Path, report) -> Document | None:
    try:
        return read_yaml(path)
    except MociError as exc:
        report(_file_finding(YAML_ERROR, exc.message, path, exc.line, exc.column))
        return None


def load_manifest(root: Path, report=None) -> Manifest:
    """The manifest; without ``report`` the first error is raised."""
    findings: list[Finding] = []
    doc = _read_document(manifest_path(root), findings.append)
    manifest = parse_manifest(doc, findings.append) if doc is not None else None
    if report is None or manifest is None:
        # Without a manifest nothing can go on: say why (file, line, reason).
        _raise_first_error(findings)
    if manifest is None:
        raise MociError("cannot be used as a glossary manifest", manifest_path(root))
    for finding in findings:
        report(finding)
    return manifest


def load_glossary(root: Path) -> Glossary:
    """The whole glossary; raises the first error (for commands that write or export)."""
    glossary, findings = load_glossary_reporting(root)
    _raise_first_error(findings)
    return glossary


def load_glossary_readable(root: Path) -> tuple[Glossary, list[Finding]]:
    """For commands that only read (show, list, search, stats): the glossary without the
    concepts whose files have errors, and the first error of each such file (to be said
    once). The manifest must be readable."""
    glossary, findings = load_glossary_reporting(root)
    return glossary, readable_part(glossary, findings)


def readable_part(glossary: Glossary, findings: list[Finding]) -> list[Finding]:
    """The first error of each file that has one; their concepts are dropped from ``glossary``."""
    skipped: dict[str, Finding] = {}
    for finding in findings:
        if finding.severity == "error" and finding.file and finding.file not in skipped:
            skipped[finding.file] = finding
            if finding.concept:
                glossary.concepts.pop(finding.concept, None)
    return list(skipped.values())


def load_glossary_reporting(
    root: Path, progress: Callable[[int, int], None] | None = None
) -> tuple[Glossary, list[Finding]]:
    """The glossary and every problem met while reading it (for `check`).

    ``progress(done, total)`` hears of the concept files read, now and then.
    """
    return load_from(WorkingTree(Path(root)), progress)


class ConceptFile(NamedTuple):
    """A concept file of a glossary source: its name, its version, its key in the cache."""

    name: str
    version: Any  # a stamp (size, mtime_ns, inode) in a working tree, a blob id in git
    cache_key: str


# A concept file parsed: the concept, the file's own findings, its places (see places_of).
Parsed = tuple[Concept | None, list[Finding], bytes]


def is_parsed(value: Any) -> bool:
    """Whether a cached value has the shape of ``Parsed`` (see cache.FileEntries)."""
    return (
        type(value) is tuple
        and len(value) == 3
        and isinstance(value[0], (Concept, type(None)))
        and type(value[1]) is list
        and all(isinstance(finding, Finding) for finding in value[1])
        and type(value[2]) is bytes
    )


def places_of(doc: Document) -> bytes:
    """Where things are in a concept file, kept with its concept in the cache so that
    `check` locates findings without reading the file again: the line of every key and
    item, and each language's list of term texts (marshal: one small object to unpickle)."""
    import marshal

    terms = doc.data.get("terms") if isinstance(doc.data, dict) else None
    texts: dict[str, list] = {}
    if isinstance(terms, dict):
        for lang, items in terms.items():
            items = [items] if isinstance(items, dict) else items
            if isinstance(items, list):
                texts[lang] = [i.get("term") if isinstance(i, dict) else i for i in items]
    return marshal.dumps((doc.lines, texts))


def document_at(path: Path | str, places: bytes) -> Document:
    """The document ``places_of`` describes: its lines, and under ``terms`` each language's
    term texts (what locating a finding needs of the file's data)."""
    import marshal

    lines, texts = marshal.loads(places)
    return Document(path=path, data={"terms": texts}, lines=lines)


class GlossarySource(Protocol):
    """Where a glossary's files come from: a working tree, or a git revision."""

    root: Path

    def load_manifest(self, report: Callable[[Finding], None]) -> Manifest:
        """The manifest; problems go to ``report``, a missing or unusable one is raised."""
        ...

    def concept_files(self) -> list[ConceptFile]:
        """The concept files, in the order they are loaded."""
        ...

    def parse(
        self, files: list[ConceptFile], entries: FileEntries
    ) -> Generator[Parsed, None, None]:
        """Each of ``files`` parsed, in order, with its own findings, and put in ``entries``
        (closed early, it stops any process it started)."""
        ...

    def entries(self) -> FileEntries:
        """The cache of parsed concept files."""
        ...


def load_from(
    source: GlossarySource, progress: Callable[[int, int], None] | None = None
) -> tuple[Glossary, list[Finding]]:
    """The glossary of ``source`` and every problem met; files parsed before come from the cache.

    The one loader: the working tree (``WorkingTree``) and a git revision
    (``versions.git.GitRevision``) only say where the bytes are.
    """
    from moci_vocab import cache

    findings: list[Finding] = []
    manifest = source.load_manifest(findings.append)
    glossary = Glossary(root=source.root, manifest=manifest)
    entries = source.entries()
    # Parsing makes about a hundred objects per file, all of them kept: the cyclic
    # garbage collector would only walk them again and again (see cache.gc_paused).
    with cache.gc_paused():
        files = source.concept_files()
        known = [entries.get(file.cache_key, file.version) for file in files]
        stale = [file for file, value in zip(files, known, strict=True) if not value]
        with contextlib.closing(source.parse(stale, entries)) as fresh:
            for done, (file, value) in enumerate(zip(files, known, strict=True)):
                if progress is not None and done % PROGRESS_EVERY == 0:
                    progress(done, len(files))
                if not value:
                    value = next(fresh)
                concept, file_findings, places = value
                findings.extend(file_findings)
                if concept is not None and concept.id not in glossary.concepts:
                    glossary.concepts[concept.id] = concept
                    glossary.places[concept.id] = (file.name, places)
            next(fresh, None)  # none is left: the parser ends (and reaps what it started)
        if progress is not None:
            progress(len(files), len(files))
        entries.save()
    return glossary, findings


class WorkingTree(Record):
    """The glossary's files on disk (``GlossarySource``)."""

    _fields = ("root",)

    def __init__(self, root: Path) -> None:
        self.root = root

    def load_manifest(self, report: Callable[[Finding], None]) -> Manifest:
        """The manifest file, parsed (a glossary whose own folders are links is refused)."""
        refuse_links(self.root)
        return load_manifest(self.root, report)

    def concept_files(self) -> list[ConceptFile]:
        """The files in terms/, each with its stamp, in the order of ``concept_file_names``
        (the stamps of one scandir pass: each file stat'ed in the open folder)."""
        stamps = concept_stamps(self.root)
        return [ConceptFile(name, stamps[name], name) for name in sorted(stamps, key=normcase)]

    def parse(
        self, files: list[ConceptFile], entries: FileEntries
    ) -> Generator[Parsed, None, None]:
        """Each file read and parsed (a symbolic link is refused, not followed); from
        PARALLEL_FILES files on, where a worker can be forked, in two processes."""
        folder = self.root / TERMS
        if len(files) >= PARALLEL_FILES and _two_processes():
            yield from _parse_in_two(folder, files, entries)
            return
        for file in files:
            value = _parse_concept_file(folder / file.name)
            entries.put(file.cache_key, file.version, value)
            yield value

    def entries(self) -> FileEntries:
        """The per-file cache ``concepts`` of this working tree."""
        from moci_vocab.cache import FileEntries

        return FileEntries(self.root, "concepts", CONCEPTS_CACHE_KEY, valid=is_parsed)


def _two_processes() -> bool:
    """Whether a second core is there and a worker would be forked (off Linux, or with
    other threads running, it would be spawned: its start-up costs more than it saves)."""
    from moci_vocab.workers import available_cores, forks_here

    return available_cores() >= 2 and forks_here()


def _parse_in_two(folder: Path, files: list[ConceptFile], entries: FileEntries) -> Iterator[Parsed]:
    """``files`` of ``folder`` parsed by this process and a forked worker, in order.

    Both take chunks of PARSE_CHUNK files as they go; this one takes the worker's results
    in order, so the first error of the files is the one it would have met alone. The
    worker is killed when the caller stops early (an error, Ctrl-C: workers.iter_jobs).
    A worker's chunk comes as the pickle of its cache entries, kept in the cache as it is.
    """
    import pickle

    from moci_vocab.workers import iter_jobs

    chunks = [
        ParseChunk(folder, files[start : start + PARSE_CHUNK], os.getpid())
        for start in range(0, len(files), PARSE_CHUNK)
    ]
    with contextlib.closing(iter_jobs(chunks, 2)) as results:
        for chunk, result in zip(chunks, results, strict=True):
            if type(result) is bytes:  # a worker's
                made = pickle.loads(result)
                entries.put_pickled(result, made)
                yield from (made[file.cache_key][1] for file in chunk.files)
                continue
            for file, value in zip(chunk.files, result, strict=True):
                entries.put(file.cache_key, file.version, value)
                yield value


class ParseChunk(NamedTuple):
    """Concept files of a working tree to parse, by the loading process or its worker (a
    ``workers.Job``)."""

    folder: Path
    files: list[ConceptFile]
    parent: int  # the process that loads (see run)

    def run(self, memo: dict) -> list[Parsed] | bytes:
        """Each file parsed, in order (as ``WorkingTree.parse`` parses it in one process);
        in a worker, the pickle of their cache entries (``FileEntries.put_pickled``): it is
        sent to the loading process as it is, and saved there without a second pickling."""
        if os.getpid() == self.parent:
            return [_parse_concept_file(self.folder / file.name) for file in self.files]
        import pickle

        made = {
            file.cache_key: (file.version, _parse_concept_file(self.folder / file.name))
            for file in self.files
        }
        return pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL)


def _parse_concept_file(path: Path) -> Parsed:
    """One concept file on disk parsed; a symbolic link is refused, not followed."""
    if path.is_symlink():
        # A pull request could add terms/x.yaml -> /etc/passwd (or a device) to
        # make CI read, and echo in its findings, a file outside the glossary.
        message = "is a symbolic link; concept files must be regular files in terms/"
        return None, [_file_finding(YAML_ERROR, message, path)], b""
    return parse_concept_file(path, lambda: read_yaml(path))


def parse_concept_file(path: Path, read: Callable[[], Document]) -> Parsed:
    """One concept file parsed, with its own findings; ``read`` gives its YAML document."""
    findings: list[Finding] = []
    if path.suffix == ".yml":
        message = f"concept files end in .yaml; rename to {path.stem}.yaml"
        findings.append(_file_finding("MV004", message, path))
    try:
        doc = read()
    except MociError as exc:
        findings.append(_file_finding(YAML_ERROR, exc.message, path, exc.line, exc.column))
        return None, findings, b""
    return parse_concept(doc, findings.append), findings, places_of(doc)


def _file_finding(
    code: str, message: str, path: Path, line: int | None = None, column: int | None = None
) -> Finding:
    return Finding(
        code=code,
        severity="error",
        message=message,
        file=str(path),
        line=line,
        column=column,
        concept=path.stem,
    )


def _raise_first_error(findings: list[Finding]) -> None:
    for finding in findings:
        if finding.severity == "error":
            raise MociError(finding.message, finding.file, finding.line, finding.column)


def require_concept(glossary: Glossary, concept_id: str) -> Concept:
    """The concept ``concept_id``, or an error suggesting similar ids (here, not in
    operations: `show` needs it, and nothing else of the editing operations)."""
    concept = glossary.concepts.get(concept_id)
    if concept is None:
        from moci_vocab.matching import search

        hint = ""
        close = [c.id for c in glossary.concepts.values() if concept_id in c.id][:3]
        if not close:
            close = sorted({hit.concept for hit in search(glossary, concept_id, limit=3)})
        if close:
            hint = f" (did you mean {', '.join(close)}?)"
        raise UnknownConcept(f"there is no concept {concept_id!r}{hint}")
    return concept


def load_concept(root: Path, concept_id: str) -> Concept:
    """One concept by id (strict)."""
    refuse_links(root)
    path = concept_path(root, concept_id)
    if not path.is_file():
        raise UnknownConcept(f"there is no concept {concept_id!r} (no file {path})")
    findings: list[Finding] = []
    doc = read_yaml(path)
    concept = parse_concept(doc, findings.append)
    _raise_first_error(findings)
    assert concept is not None
    return concept


def document(path: Path) -> Document:
    """A file's document, for looking up lines of findings after loading."""
    return read_yaml(path)


def canonical_concept_text(concept: Concept) -> str:
    """The canonical YAML of a concept (its data only; see ``concept_file_text``)."""
    return dump_yaml(concept.to_dict())


def canonical_manifest_text(manifest: Manifest) -> str:
    """The canonical YAML of the manifest (its data only; see ``manifest_file_text``)."""
    return dump_yaml(manifest.to_dict())


def with_kept_comments(text: str, path: Path, old_text: str | None) -> str:
    """Canonical ``text`` for ``path`` with the comments of the file it replaces.

    Comments are people's words: every rewrite keeps them in place (see
    ``yaml_comments``). ``old_text`` is that file's text (None: a new file).
    """
    from moci_vocab.yaml_comments import find_comments, with_comments

    if not old_text or "#" not in old_text:
        return text
    return with_comments(text, find_comments(old_text, path), path)


def current_text(path: Path) -> str | None:
    """The text of an existing regular file, or None (none there, or a symbolic link)."""
    from moci_vocab.yamlio import decode, read_bounded

    if path.is_symlink() or not path.is_file():
        return None
    return decode(read_bounded(path), path)


def concept_file_text(root: Path, concept: Concept, previous: Path | None = None) -> str:
    """What a concept's file holds after a write: canonical form, its comments kept.

    ``previous``: the file the concept comes from when it is not its own (rename).
    """
    path = concept_path(root, concept.id)
    return with_kept_comments(canonical_concept_text(concept), path, current_text(previous or path))


def manifest_file_text(root: Path, manifest: Manifest) -> str:
    """What the manifest file holds after a write: canonical form, its comments kept."""
    path = manifest_path(root)
    return with_kept_comments(canonical_manifest_text(manifest), path, current_text(path))


def stage_concept(
    changes: Changes, root: Path, concept: Concept, previous: Path | None = None
) -> None:
    """Stage the write of a concept's file (see ``concept_file_text``); a term the loader
    would refuse for its length (typed, imported) is refused here, before anything is written."""
    for lang, terms in concept.terms.items():
        for term in terms:
            for text in (term.term, *term.forms):
                problem = term_length_problem(text, f"the {lang} term or form")
                if problem is not None:
                    raise MociError(f"{concept.id}: {problem}")
    changes.write(concept_path(root, concept.id), concept_file_text(root, concept, previous))


def stage_manifest(changes: Changes, root: Path, manifest: Manifest) -> None:
    """Stage the write of the manifest (see ``manifest_file_text``)."""
    changes.write(manifest_path(root), manifest_file_text(root, manifest))


def save_concept(root: Path, concept: Concept) -> None:
    """Write the concept's file now (atomically)."""
    changes = Changes()
    stage_concept(changes, root, concept)
    changes.apply()


def save_manifest(root: Path, manifest: Manifest) -> None:
    """Write the manifest file now (atomically)."""
    changes = Changes()
    stage_manifest(changes, root, manifest)
    changes.apply()


@contextlib.contextmanager
def locked(root: Path) -> Iterator[list[Path]]:
    """The glossary's write lock: hold it around every read-modify-write.

    A change that a killed command left half-made is finished first (the block gets
    the files it changed), and the files staged by one killed before its journal are
    removed. A journal that moci-vocab did not write here stops the command.
    """
    refuse_links(root)
    with write_lock(root / LOCK):
        finished = finish_interrupted(root)
        remove_staged_leftovers([root, root / TERMS, root / MANIFEST.parent])
        yield finished
