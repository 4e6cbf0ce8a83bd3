"""`check --since REV`: which concept files changed since a git revision.

Changed means: differs between REV and the working tree (committed, staged or
not), untracked, or deleted. Deleted files count too, because removing a
concept can break the links of concepts that did not change.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from moci_vocab.store import MANIFEST, TERMS


@dataclass(frozen=True)
class Changed:
    """What changed since a revision: concept ids, and whether the manifest did."""

    concepts: frozenset[str]  # concept ids (file stems) changed, added or deleted
    manifest: bool  # the manifest changed: every concept is affected

    def covers(self, concept: str | None, others: tuple[str, ...] = ()) -> bool:
        """Whether a finding about ``concept`` (or one of ``others``) concerns a change."""
        if self.manifest:
            return True
        return concept in self.concepts or any(other in self.concepts for other in others)


def changed_since(root: Path, rev: str) -> Changed:
    """The concepts and manifest changed since ``rev`` (MociError outside git or for a bad rev)."""
    from moci_vocab.versions.git import git, nul_names, open_repo, resolve

    repo = open_repo(root)
    commit = resolve(repo, rev)
    paths = [repo.path(TERMS.as_posix()), repo.path(MANIFEST.as_posix())]
    diff = git(repo, "diff", "--name-only", "--no-renames", "-z", commit, "--", *paths)
    untracked = git(repo, "ls-files", "--others", "--exclude-standard", "-z", "--", *paths)
    names = [
        name.removeprefix(repo.prefix)
        for output in (diff.stdout, untracked.stdout)
        for name in nul_names(output)
    ]
    concepts = {
        PurePosixPath(name).stem
        for name in names
        if PurePosixPath(name).parent.as_posix() == TERMS.as_posix()
    }
    return Changed(frozenset(concepts), MANIFEST.as_posix() in names)
