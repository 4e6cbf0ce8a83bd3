"""The glossary on disk: find it, load it, write it back in canonical form.

Layout: ``ROOT/glossary/glossary.yaml`` (the manifest) and
``ROOT/terms/<concept-id>.yaml`` (one file per concept). Every write goes
through ``canonical_concept_text`` / ``canonical_manifest_text`` and
``fsutil.atomic_write``, under the glossary's write lock.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from moci_vocab.errors import MociError, UnknownConcept
from moci_vocab.findings import Finding
from moci_vocab.fsutil import Changes, finish_interrupted, remove_staged_leftovers, write_lock
from moci_vocab.layout import (  # noqa: F401 (re-exported: where the files are)
    CACHE_DIR,
    CHANGELOG,
    JOURNAL,
    MANIFEST,
    RACY_NS,
    TERMS,
    concept_file_names,
    file_stamp,
    find_root,
    manifest_path,
)
from moci_vocab.model import Concept, Glossary, Manifest, is_slug
from moci_vocab.schema import YAML_ERROR, parse_concept, parse_manifest
from moci_vocab.yamlio import Document, dump_yaml, read_yaml

PROGRESS_EVERY = 250  # files between two progress reports (a report costs a redraw)


def concept_path(root: Path, concept_id: str) -> Path:
    """The file of a concept; refuses ids that are not slugs (no `../x`)."""
    if not is_slug(concept_id):
        raise MociError(
            f"{concept_id!r} is not a valid concept id: use lowercase letters a-z, digits "
            "and single hyphens, e.g. social-innovation"
        )
    return root / TERMS / f"{concept_id}.yaml"


def concept_files(root: Path) -> list[Path]:
    folder = root / TERMS
    return [folder / name for name in concept_file_names(root)]


def _read_document(path: Path, report) -> Document | None:
    try:
        return read_yaml(path)
    except MociError as exc:
        report(
            Finding(
                code=YAML_ERROR,
                severity="error",
                message=exc.message,
                file=str(path),
                line=exc.line,
                concept=path.stem,
            )
        )
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


def load_glossary_reporting(
    root: Path, progress: Callable[[int, int], None] | None = None
) -> tuple[Glossary, list[Finding]]:
    """The glossary and every problem met while reading it (for `check`).

    ``progress(done, total)`` hears of the concept files read, now and then.
    """
    from moci_vocab import cache

    findings: list[Finding] = []
    manifest = load_manifest(root, findings.append)
    glossary = Glossary(root=root, manifest=manifest)
    cached = cache.load(root, "concepts") or {}
    if cached.get("root") != str(Path(root).resolve()):
        cached = {}
    old_files: dict = cached.get("files", {})
    # Like git's "racy" rule: a file modified shortly before the cache was written
    # could change again within the file system's timestamp granularity unnoticed,
    # so only entries for files older than that are trusted.
    trusted_before = cached.get("written", 0) - RACY_NS
    # Parsing makes about a hundred objects per file, all of them kept: the cyclic
    # garbage collector would only walk them again and again (see cache.gc_paused).
    with cache.gc_paused():
        files: dict = {}
        reparsed = False
        paths = concept_files(root)
        for done, path in enumerate(paths):
            if progress is not None and done % PROGRESS_EVERY == 0:
                progress(done, len(paths))
            stamp = file_stamp(path)
            entry = old_files.get(path.name)
            if entry is None or stamp is None or entry[0] != stamp or stamp[1] >= trusted_before:
                entry = (stamp, *_parse_concept_file(path))
                reparsed = True
            files[path.name] = entry
            _stamp, concept, file_findings = entry
            findings.extend(file_findings)
            if concept is not None and concept.id not in glossary.concepts:
                glossary.concepts[concept.id] = concept
        if progress is not None:
            progress(len(paths), len(paths))
        if reparsed or files.keys() != old_files.keys():
            resolved = str(Path(root).resolve())
            cache.store(
                root, "concepts", {"root": resolved, "files": files, "written": time.time_ns()}
            )
    return glossary, findings


def _parse_concept_file(path: Path) -> tuple[Concept | None, list[Finding]]:
    """One concept file parsed, with its own findings (what the cache keeps per file)."""
    findings: list[Finding] = []
    if path.suffix == ".yml":
        findings.append(
            Finding(
                code="MV004",
                severity="error",
                message=f"concept files end in .yaml; rename to {path.stem}.yaml",
                file=str(path),
                concept=path.stem,
            )
        )
    if path.is_symlink():
        # A pull request could add terms/x.yaml -> /etc/passwd (or a device) to
        # make CI read, and echo in its findings, a file outside the glossary.
        findings.append(
            Finding(
                code=YAML_ERROR,
                severity="error",
                message="is a symbolic link; concept files must be regular files in terms/",
                file=str(path),
                concept=path.stem,
            )
        )
        return None, findings
    doc = _read_document(path, findings.append)
    if doc is None:
        return None, findings
    return parse_concept(doc, findings.append), findings


def _raise_first_error(findings: list[Finding]) -> None:
    for finding in findings:
        if finding.severity == "error":
            raise MociError(finding.message, finding.file, finding.line)


def load_concept(root: Path, concept_id: str) -> Concept:
    """One concept by id (strict)."""
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
    return dump_yaml(concept.to_dict())


def canonical_manifest_text(manifest: Manifest) -> str:
    return dump_yaml(manifest.to_dict())


def stage_concept(changes: Changes, root: Path, concept: Concept) -> None:
    changes.write(concept_path(root, concept.id), canonical_concept_text(concept))


def save_concept(root: Path, concept: Concept) -> None:
    changes = Changes()
    stage_concept(changes, root, concept)
    changes.apply()


def save_manifest(root: Path, manifest: Manifest) -> None:
    changes = Changes()
    changes.write(manifest_path(root), canonical_manifest_text(manifest))
    changes.apply()


@contextlib.contextmanager
def locked(root: Path) -> Iterator[None]:
    """The glossary's write lock: hold it around every read-modify-write.

    A change that a killed command left half-made is finished first, and the files
    staged by one killed before its journal are removed.
    """
    with write_lock(root / CACHE_DIR / "write.lock"):
        finish_interrupted(root)
        remove_staged_leftovers([root, root / TERMS, root / MANIFEST.parent])
        yield


def finish_interrupted_change(root: Path) -> list[Path]:
    """If a killed command left a change half-made, finish it (under the lock); its files."""
    if not (root / JOURNAL).is_file():
        return []
    with write_lock(root / CACHE_DIR / "write.lock"):
        return finish_interrupted(root)
