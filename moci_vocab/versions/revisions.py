"""Two glossaries to compare, picked by git revision, and what changed between them.

``compare(root)`` compares the last release with the working tree; one
revision compares it with the working tree; two compare two commits. The
last release is the highest ``v<semver>`` tag that HEAD contains (semantic
order: v0.10.0 comes after v0.9.0). Before the first release there is no
such tag, and the base is the empty glossary: everything is new, because
nothing was released yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from moci_vocab.errors import MociError
from moci_vocab.model import Glossary
from moci_vocab.versions import git
from moci_vocab.versions.diff import Change, diff_glossaries, empty_glossary
from moci_vocab.versions.semver import Version, classify, latest, next_version


@dataclass
class Comparison:
    """Two revisions compared: their labels and versions, and the changes."""

    from_label: str | None  # the revision as given, or the tag; None: the empty glossary
    to_label: str | None  # the revision as given; None: the working tree
    from_version: str | None
    to_version: str
    changes: list[Change] = field(default_factory=list)
    level: str = "none"  # the bump the changes call for
    base_version: str | None = None  # the released version a bump starts from
    next_version: str | None = None  # that version bumped at `level`


def last_release(repo: git.Repo) -> tuple[Version, str] | None:
    """(version, tag) of the last release HEAD contains, or None before the first one."""
    return latest(git.release_tags(repo))


def load_side(repo: git.Repo, rev: str) -> Glossary:
    """The glossary at revision ``rev`` of ``repo``."""
    return git.glossary_at(repo, git.resolve(repo, rev), rev)


def compare(root: Path, revs: tuple[str, ...] = ()) -> Comparison:
    """The changes between ``revs`` (0, 1 or 2 revisions; see the module docstring)."""
    from moci_vocab.store import load_glossary

    if len(revs) > 2:
        raise MociError("diff takes at most two revisions")
    repo = git.open_repo(root)
    if revs:
        from_label: str | None = revs[0]
        old: Glossary | None = load_side(repo, revs[0])
    else:
        release = last_release(repo)
        from_label = release[1] if release else None
        old = load_side(repo, release[1]) if release else None
    if len(revs) == 2:
        to_label: str | None = revs[1]
        new = load_side(repo, revs[1])
    else:
        to_label = None
        new = load_glossary(root)
    return comparison_of(old, new, from_label, to_label)


def comparison_of(
    old: Glossary | None, new: Glossary, from_label: str | None, to_label: str | None
) -> Comparison:
    """The comparison of ``old`` (None: an empty glossary) with ``new``."""
    base = old if old is not None else empty_glossary(new)
    changes = diff_glossaries(base, new)
    result = Comparison(
        from_label=from_label,
        to_label=to_label,
        from_version=old.manifest.version if old is not None else None,
        to_version=new.manifest.version,
        changes=changes,
        level=classify(changes),
    )
    if old is not None:
        try:
            released = Version.parse(old.manifest.version)
        except MociError:
            return result  # a hand-written version that is not semver: no suggestion
        result.base_version = str(released)
        result.next_version = str(next_version(released, result.level))
    return result
