"""What the rule families share: the glossary, and the issues they raise.

Rules raise *issues*: a code, a concept, a message and where in the concept's
file the problem is, as a key path (``("terms", "sq", 0, "term")``). Line
numbers are looked up only at the end and only for files that have issues,
so a clean concept costs no second read of its file.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from moci_vocab.model import Concept, Glossary, Term
from moci_vocab.textnorm import _EXTRA_FOLD, strip_diacritics


@dataclass
class Issue:
    """One problem a rule found, before it becomes a located Finding."""

    code: str
    concept: str | None  # None: a problem of the manifest
    message: str
    lang: str | None = None
    at: tuple = ()  # key path in the concept's (or manifest's) file
    term: str | None = None  # locates the term in its list when at = ("terms", lang, i, ...)
    extra: dict[str, Any] = field(default_factory=dict)
    group: Any = None  # one problem seen from several concepts (silenced together)
    others: tuple[str, ...] = ()  # other concepts the problem is about (for --since)
    file: str | None = None  # set when the issue already knows file and line (raw text)
    line: int | None = None
    column: int | None = None  # where a reader (PyYAML) found the problem
    # Issues with the same ``cluster`` are one problem of several concepts, reported once
    # (see duplicates.merge_clusters); ``members`` then holds (concept, at, term) of each.
    cluster: Any = None
    members: tuple[tuple[str, tuple, str | None], ...] = ()


class Context:
    """The glossary under check and the issues raised so far."""

    def __init__(self, glossary: Glossary):
        self.glossary = glossary
        self.manifest = glossary.manifest
        self.source = glossary.manifest.source_language
        self.issues: list[Issue] = []

    @property
    def root(self):
        """The glossary's root folder."""
        return self.glossary.root

    def add(self, code: str, concept: str | None, message: str, **kwargs: Any) -> Issue:
        """Record a problem found by a rule; return it (so the rule can add details)."""
        issue = Issue(code, concept, message, **kwargs)
        self.issues.append(issue)
        return issue

    def concepts(self) -> Iterator[Concept]:
        """The glossary's concepts."""
        return iter(self.glossary.concepts.values())

    def term_issue(
        self, code: str, concept: Concept, lang: str, index: int, term: Term, message: str, **kw
    ) -> Issue:
        """An issue about one term, located at its `term:` line."""
        return self.add(
            code,
            concept.id,
            message,
            lang=lang,
            at=("terms", lang, index, "term"),
            term=term.term,
            **kw,
        )


def ignore_index(concept: Concept, code: str, lang: str | None) -> int | None:
    """The index of the concept's `ignore` entry that silences ``code`` in ``lang``, or None."""
    for index, item in enumerate(concept.ignore):
        if item.code == code and (item.lang is None or item.lang == lang):
            return index
    return None


def indexed_terms(concept: Concept) -> Iterator[tuple[str, int, Term]]:
    """(lang, index in the language's list, term) for every term of a concept."""
    for lang, terms in concept.terms.items():
        for index, term in enumerate(terms):
            yield lang, index, term


def quote(text: str, limit: int = 60) -> str:
    """A term or text for a message: quoted as Python does (invisible characters
    show as escapes such as '\\u200b'), and cut when long."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return repr(text)


def term_key(text: str) -> str:
    """``textnorm.match_key`` of text the loader already normalised to NFC (skips the NFC pass)."""
    return " ".join(text.casefold().split())


def fold_of_key(key: str) -> str:
    """``textnorm.fold`` of a ``term_key``, without the per-character loop for text that has
    no diacritics (Georgian, Armenian, most Cyrillic); equal to ``fold`` (tested)."""
    if key.isascii():
        return " ".join(key.replace("-", " ").split())
    if not unicodedata.is_normalized("NFD", key) or _marks().search(key):
        key = strip_diacritics(key)
    key = key.translate(_EXTRA_FOLD)
    return " ".join(key.replace("-", " ").replace("\u2010", " ").split())


@cache
def _marks():
    import regex

    return regex.compile(r"\p{M}")
