"""Which concepts a command works on: the filters shared by list and export."""

from __future__ import annotations

from dataclasses import dataclass, field

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
