"""Releasing the glossary, in two steps: prepare, then tag.

1. ``plan_release`` + ``write_release`` (``moci-vocab release``): compare the
   last release (tag ``v*``) with the working tree, pick the next version,
   write it into ``glossary/glossary.yaml`` and prepend its section to
   ``glossary/CHANGELOG.md``. Nothing in git changes; the maintainer reviews
   and commits the two files (with the glossary changes, if not yet committed).
2. ``plan_tag`` + ``write_tag`` (``moci-vocab release --tag``): tag the
   committed release: an annotated tag ``v<version>`` at HEAD whose message is
   the changelog section. Refused while the manifest, the changelog or a
   concept file differs from HEAD, so the tag always points at exactly the
   glossary that the changelog describes.

A release is *prepared* while the changelog's top section is the manifest's
version and no tag for it exists; preparing again is refused until it is
tagged (or its section is deleted).

Versions: before the first release the manifest's version (0.1.0 after
``init``) is published as it is; after that, ``--bump auto`` bumps the last
release at the level the changes call for, and a version already written by
hand into the manifest is kept when it is at least that.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

from moci_vocab.errors import MociError
from moci_vocab.fsutil import Changes, read_regular_file
from moci_vocab.versions import changelog, git
from moci_vocab.versions.revisions import Comparison, comparison_of, last_release, load_side
from moci_vocab.versions.semver import Version
from moci_vocab.yamlio import MAX_FILE_BYTES


@dataclass
class ReleasePlan:
    """A release prepared: the new version, the previous tag, the changes and the texts to write."""

    version: Version
    previous_tag: str | None  # the last release's tag; None before the first
    level: str  # what the changes call for ("none" if nothing changed)
    bump: str  # what was asked: auto, major, minor or patch
    comparison: Comparison
    section: str  # the changelog section
    date: str

    @property
    def nothing_to_release(self) -> bool:
        """Whether an automatic release finds no change to release."""
        return self.bump == "auto" and not self.comparison.changes


@dataclass
class TagPlan:
    """The tag a release gets: its version, name and message."""

    version: Version
    tag: str
    message: str


def release_date() -> str:
    """Today, or the day of SOURCE_DATE_EPOCH (reproducible builds and tests)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        when = datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC)
        return when.date().isoformat()
    return datetime.date.today().isoformat()


def _manifest_version(root: Path, manifest) -> Version:
    from moci_vocab.store import manifest_path
    from moci_vocab.yamlio import read_yaml

    try:
        return Version.parse(manifest.version)
    except MociError as exc:
        path = manifest_path(root)
        raise MociError(exc.message, path, read_yaml(path).line("version")) from None


def _read_changelog(root: Path) -> str:
    from moci_vocab.store import CHANGELOG

    path = root / CHANGELOG
    if not os.path.lexists(path):
        return ""
    try:
        return read_regular_file(path, MAX_FILE_BYTES).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise MociError(f"cannot be read ({exc})", path) from None


def is_prepared(repo: git.Repo, text: str, version: Version) -> bool:
    """The changelog's newest section is ``version`` and it has no tag yet."""
    found = changelog.versions(text)
    return bool(found) and found[0] == str(version) and not git.tag_exists(repo, version.tag)


def plan_release(root: Path, bump: str = "auto", date: str | None = None) -> ReleasePlan:
    """What `release` would write; raises while a prepared release waits for its tag."""
    from moci_vocab.store import load_glossary

    repo = git.open_repo(root)
    glossary = load_glossary(root)
    current = _manifest_version(root, glossary.manifest)
    if is_prepared(repo, _read_changelog(root), current):
        raise MociError(
            f"version {current} is prepared but not tagged yet: commit glossary/glossary.yaml "
            "and glossary/CHANGELOG.md, then run `moci-vocab release --tag` (or delete its "
            "section from glossary/CHANGELOG.md to prepare it again)"
        )
    release = last_release(repo)
    old = load_side(repo, release[1]) if release else None
    comparison = comparison_of(old, glossary, release[1] if release else None, None)
    version = choose_version(current, release[0] if release else None, comparison.level, bump)
    date = date or release_date()
    section = changelog.section(
        str(version), date, comparison.level, comparison.changes, comparison.from_label
    )
    plan = ReleasePlan(version, comparison.from_label, comparison.level, bump, comparison,
                       section, date)  # fmt: skip
    if not plan.nothing_to_release and git.tag_exists(repo, version.tag):
        raise MociError(
            f"the tag {version.tag} exists already, but HEAD does not contain it; "
            "release from a branch that contains it, or choose another --bump"
        )
    return plan


def choose_version(current: Version, released: Version | None, level: str, bump: str) -> Version:
    """The next version (see the module docstring). Pure."""
    if bump != "auto":
        base = current if released is None or current > released else released
        return base.bump(bump)
    if released is None:
        return current  # the first release publishes the manifest's version
    needed = released.bump(level) if level != "none" else released
    return current if current > released and current >= needed else needed


def write_release(root: Path, plan: ReleasePlan) -> list[Path]:
    """Write the version and the changelog section; both files or neither."""
    from moci_vocab.store import CHANGELOG, load_manifest, stage_manifest

    manifest = load_manifest(root)
    manifest.version = str(plan.version)
    text = changelog.prepend(_read_changelog(root), plan.section, f"Changelog of {manifest.name}")
    changes = Changes()
    stage_manifest(changes, root, manifest)
    changes.write(root / CHANGELOG, text)
    changes.apply()
    return changes.paths()


def plan_tag(root: Path) -> TagPlan:
    """The tag for the prepared, committed release; clear refusals otherwise."""
    from moci_vocab.store import CHANGELOG, MANIFEST, TERMS, load_manifest

    repo = git.open_repo(root)
    if not git.has_commits(repo):
        raise MociError("the repository has no commits yet; commit the glossary, then tag it")
    manifest = load_manifest(root)
    version = _manifest_version(root, manifest)
    if git.tag_exists(repo, version.tag):
        raise MociError(
            f"{version.tag} exists already, so there is nothing to tag; run "
            "`moci-vocab release` to prepare the next version"
        )
    section = changelog.section_text(_read_changelog(root), str(version))
    if section is None:
        raise MociError(
            f"glossary/CHANGELOG.md has no section for {version}: run `moci-vocab release` "
            "first, commit what it writes, then run `moci-vocab release --tag`"
        )
    dirty = git.uncommitted(repo, [MANIFEST.as_posix(), CHANGELOG.as_posix(), TERMS.as_posix()])
    if dirty:
        shown = ", ".join(dirty[:5]) + (f" and {len(dirty) - 5} more" if len(dirty) > 5 else "")
        raise MociError(
            f"not tagging {version.tag}: {shown} differ from the last commit; commit them "
            "first, so the tag holds exactly the released glossary"
        )
    message = f"{manifest.name} {version}\n\n{section}"
    return TagPlan(version=version, tag=version.tag, message=message)


def write_tag(root: Path, plan: TagPlan) -> None:
    """Create the release's annotated tag in the glossary's repository."""
    git.create_tag(git.open_repo(root), plan.tag, plan.message)
