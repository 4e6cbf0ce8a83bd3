"""Which concepts a command works on: the filters shared by list and export."""

from __future__ import annotations

from dataclasses import dataclass, field

from moci_vocab.errors import MociError
from moci_vocab.model import Concept, Glossary


@dataclass
class Selection:
    """Which concepts a command works on: by tags, domain, status, missing language."""

    tags: list[str] = field(default_factory=list)
    domain: str | None = None
    status: str | None = None
    missing: str | None = None
    include_retired: bool = True

    def matches(self, concept: Concept, source: str) -> bool:
        """Whether ``concept`` is selected (``source``: the glossary's source language)."""
        if self.tags and not set(self.tags) & set(concept.tags):
            return False
        if self.domain and concept.domain != self.domain:
            return False
        if self.status and concept.status != self.status:
            return False
        if not self.include_retired and concept.status == "retired":
            return False
        if not self.missing:
            return True
        return concept.preferred(self.missing) is None and concept.needs_term(self.missing, source)

    def apply(self, glossary: Glossary) -> list[Concept]:
        """The selected concepts of ``glossary``, in its order."""
        source = glossary.source_language
        return [concept for concept in glossary.concepts.values() if self.matches(concept, source)]

    def nothing_selected(self, glossary: Glossary) -> str:
        """Why no concept is selected, in one sentence (said instead of an empty table)."""
        if not glossary.concepts:
            return (
                "the glossary has no concept yet; add one with `moci-vocab add ID --term LANG=TEXT`"
            )
        filters = [f"--tag {tag}" for tag in self.tags]
        filters += [
            f"--{name} {value}"
            for name, value in (("domain", self.domain), ("status", self.status))
            if value
        ]
        # (--missing: "every ... has one" only where the other filters select some concept)
        if self.missing and (not filters or self._without_missing().apply(glossary)):
            among = f" with {' '.join(filters)}" if filters else ""
            return f"every concept{among} that needs a preferred {self.missing} term has one"
        return f"no concept matches {' '.join(filters)}"

    def _without_missing(self) -> Selection:
        """The same filters but --missing."""
        return Selection(self.tags, self.domain, self.status, None, self.include_retired)


def require_known(glossary: Glossary, tags: list[str], domain: str | None = None) -> None:
    """An error listing the glossary's tags (domains) for a tag (domain) it does not have.

    Known: declared in the manifest or used by a concept (`check` reports the undeclared),
    so a mistyped --tag is said, not answered with an empty list.
    """
    _require_known(glossary, "tag", tags)
    if domain:
        _require_known(glossary, "domain", [domain])


def _require_known(glossary: Glossary, kind: str, values: list[str]) -> None:
    manifest = glossary.manifest
    known = set(manifest.tags if kind == "tag" else manifest.domains)
    for concept in glossary.concepts.values():
        known.update(concept.tags if kind == "tag" else [concept.domain or ""])
    known.discard("")
    for value in values:
        if value not in known:
            listed = ", ".join(sorted(known)) or "none yet"
            raise MociError(f"there is no {kind} {value!r} in this glossary ({kind}s: {listed})")
