"""Semantic versions of the glossary and the bump a set of changes calls for.

What a consumer of the glossary (a CAT tool, a PO file, a printed booklet)
must adapt to decides the level:

- major: a concept removed, renamed or retired; a preferred term demoted or
  removed; a language removed. Translations that followed the glossary may
  now be wrong.
- minor: a concept, term or language added; a term promoted to preferred;
  any other term status change (a term deprecated or forbidden, or allowed
  again), a retired concept brought back.
- patch: everything else: definitions, notes, review states, tags, domain,
  links, and the other term details (pos, context, forms, …).

The same rules apply before 1.0.0. Pure functions, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from moci_vocab.errors import MociError

if TYPE_CHECKING:
    from moci_vocab.versions.diff import Change

LEVELS = ("none", "patch", "minor", "major")
BUMPS = ("major", "minor", "patch")

_VERSION_RE = re.compile(
    r"^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?"
    r"(?:\+[0-9A-Za-z.-]+)?$"
)


@dataclass(frozen=True)
class Version:
    """A semantic version (major.minor.patch, optional pre-release)."""

    major: int
    minor: int
    patch: int
    pre: str = ""  # a pre-release such as "rc.1"; sorts before the release itself

    @classmethod
    def parse(cls, text: str) -> Version:
        """``1.2.3`` (or ``v1.2.3``, ``1.2.3-rc.1``); MociError otherwise."""
        match = _VERSION_RE.fullmatch(str(text).strip())
        if match is None:
            raise MociError(
                f"{text!r} is not a semantic version; write MAJOR.MINOR.PATCH, e.g. 1.4.0"
            )
        major, minor, patch, pre = match.groups()
        return cls(int(major), int(minor), int(patch), pre or "")

    @staticmethod
    def is_valid(text: str) -> bool:
        """Whether ``text`` is exactly one semantic version (one line, nothing around it)."""
        return _VERSION_RE.fullmatch(text) is not None

    def __str__(self) -> str:
        core = f"{self.major}.{self.minor}.{self.patch}"
        return f"{core}-{self.pre}" if self.pre else core

    @property
    def tag(self) -> str:
        """The version's git tag (``v1.2.0``)."""
        return f"v{self}"

    def sort_key(self) -> tuple:
        # SemVer §11: a release outranks its pre-releases; numeric identifiers compare
        # as numbers and sort before alphanumeric ones.
        """The version's precedence as a sortable tuple (SemVer §11)."""
        if not self.pre:
            return (self.major, self.minor, self.patch, 1, ())
        parts = tuple(
            (0, int(part), "") if part.isdigit() else (1, 0, part) for part in self.pre.split(".")
        )
        return (self.major, self.minor, self.patch, 0, parts)

    def __lt__(self, other: Version) -> bool:
        return self.sort_key() < other.sort_key()

    def __le__(self, other: Version) -> bool:
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: Version) -> bool:
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: Version) -> bool:
        return self.sort_key() >= other.sort_key()

    def bump(self, level: str) -> Version:
        """The next version at ``level``; a pre-release bumps to its own release first."""
        if level == "major":
            if self.pre and self.minor == 0 and self.patch == 0:
                return Version(self.major, 0, 0)
            return Version(self.major + 1, 0, 0)
        if level == "minor":
            if self.pre and self.patch == 0:
                return Version(self.major, self.minor, 0)
            return Version(self.major, self.minor + 1, 0)
        if level == "patch":
            if self.pre:
                return Version(self.major, self.minor, self.patch)
            return Version(self.major, self.minor, self.patch + 1)
        raise ValueError(f"unknown bump level {level!r}")


def latest(tags: list[str]) -> tuple[Version, str] | None:
    """The highest release tag by semantic-version order (v0.10.0 after v0.9.0)."""
    parsed = []
    for name in tags:
        try:
            parsed.append((Version.parse(name), name))
        except MociError:
            continue
    if not parsed:
        return None
    return max(parsed, key=lambda item: item[0].sort_key())


def change_level(change: Change) -> str:
    """The bump one change calls for (see the module docstring)."""
    if change.concept is None:
        return _manifest_level(change)
    if change.field is None:  # the concept itself
        return "minor" if change.kind == "added" else "major"
    if change.field == "id":  # renamed
        return "major"
    if change.field == "status":
        if change.new == "retired":
            return "major"
        return "minor" if change.old == "retired" else "patch"
    if change.field == "term":
        if change.kind == "added":
            return "minor"
        return "major" if change.term_status == "preferred" else "minor"
    if change.field == "term.status":
        if change.old == "preferred":
            return "major"
        return "minor"
    return "patch"


def _manifest_level(change: Change) -> str:
    if change.field == "languages":
        return "minor" if change.kind == "added" else "major"
    if change.field == "source_language":
        return "major"
    return "patch"


def classify(changes: list[Change]) -> str:
    """The highest level among ``changes`` ("none" when there are none)."""
    return max((change_level(c) for c in changes), key=LEVELS.index, default="none")


def next_version(current: Version, level: str) -> Version:
    """``current`` bumped at ``level``; "none" keeps it."""
    return current if level == "none" else current.bump(level)
