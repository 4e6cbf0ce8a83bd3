"""`fmt`: which files differ from their canonical form, and that form."""

from __future__ import annotations

from pathlib import Path

from moci_vocab.fsutil import Changes, read_regular_file
from moci_vocab.store import (
    canonical_concept_text,
    canonical_manifest_text,
    concept_files,
    load_glossary,
    manifest_path,
    with_kept_comments,
)
from moci_vocab.yamlio import MAX_FILE_BYTES


def format_glossary(root: Path) -> tuple[Changes, list[Path]]:
    """Staged rewrites and the list of files that are not canonical now.

    The glossary is loaded strictly first: a file with errors is never
    rewritten (its problems are reported instead), so `fmt` loses nothing;
    comments and unknown fields are kept (see ``yaml_comments``).
    """
    glossary = load_glossary(root)
    changes = Changes()
    stale: list[Path] = []
    wanted = {manifest_path(root): canonical_manifest_text(glossary.manifest)}
    by_stem = {path.stem: path for path in concept_files(root)}
    for concept in glossary.concepts.values():
        wanted[by_stem[concept.id]] = canonical_concept_text(concept)
    for path, text in wanted.items():
        raw = read_regular_file(path, MAX_FILE_BYTES)
        if b"#" in raw:
            text = with_kept_comments(text, path, raw.decode("utf-8").removeprefix("\ufeff"))
        if raw != text.encode("utf-8"):
            stale.append(path)
            changes.write(path, text)
    return changes, stale


def unified_diff(root: Path, path: Path, new_text: str) -> list[str]:
    """The change `fmt` would make to ``path``, as unified diff lines (a/…, b/…)."""
    import difflib

    name = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    old = path.read_text(encoding="utf-8").removeprefix("\ufeff")
    return [
        line.rstrip("\n")
        for line in difflib.unified_diff(
            old.splitlines(keepends=True),
            new_text.splitlines(keepends=True),
            f"a/{name}",
            f"b/{name}",
        )
    ]
