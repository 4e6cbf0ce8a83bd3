"""`fmt`: which files differ from their canonical form, and that form."""

from __future__ import annotations

from pathlib import Path

from moci_vocab.fsutil import Changes
from moci_vocab.store import (
    canonical_concept_text,
    canonical_manifest_text,
    concept_files,
    load_glossary,
    manifest_path,
)


def format_glossary(root: Path) -> tuple[Changes, list[Path]]:
    """Staged rewrites and the list of files that are not canonical now.

    The glossary is loaded strictly first: a file with errors is never
    rewritten (its problems are reported instead), so `fmt` loses nothing.
    """
    glossary = load_glossary(root)
    changes = Changes()
    stale: list[Path] = []
    wanted = {manifest_path(root): canonical_manifest_text(glossary.manifest)}
    by_stem = {path.stem: path for path in concept_files(root)}
    for concept in glossary.concepts.values():
        wanted[by_stem[concept.id]] = canonical_concept_text(concept)
    for path, text in wanted.items():
        if path.read_bytes() != text.encode("utf-8"):
            stale.append(path)
            changes.write(path, text)
    return changes, stale
