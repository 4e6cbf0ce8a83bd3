"""Fuzzy matching over the glossary: search and near-duplicate warnings.

Both compare *search keys*: casefolded, diacritics removed, and for
non-Latin scripts also a Latin transliteration, so that a Latin query
(`sherigeba`) finds a Georgian term (შერიგება). rapidfuzz does the
comparisons in C over the whole key list at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from moci_vocab.model import Glossary
from moci_vocab.textnorm import fold

SEARCH_CUTOFF = 60.0
DUPLICATE_CUTOFF = 88.0


@dataclass(frozen=True)
class Hit:
    concept: str
    lang: str
    term: str
    score: float

    def to_json(self) -> dict:
        return {
            "concept": self.concept,
            "lang": self.lang,
            "term": self.term,
            "score": round(self.score, 1),
        }


def search_keys(text: str) -> tuple[str, ...]:
    """Every key a term or query is compared under (folded, and transliterated)."""
    from moci_vocab.translit import latin_keys

    keys = [fold(text)]
    for key in latin_keys(text):
        key = fold(key)
        if key and key not in keys:
            keys.append(key)
    return tuple(keys)


@dataclass
class SearchIndex:
    """Flat lists of keys and what they point at, ready for rapidfuzz."""

    keys: list[str]
    owners: list[tuple[str, str, str]]  # (concept, lang, term) per key

    @classmethod
    def build(cls, glossary: Glossary, langs: set[str] | None = None) -> SearchIndex:
        keys: list[str] = []
        owners: list[tuple[str, str, str]] = []
        for concept in glossary.concepts.values():
            for lang, term in concept.all_terms():
                if langs and lang not in langs:
                    continue
                for key in search_keys(term.term):
                    keys.append(key)
                    owners.append((concept.id, lang, term.term))
        return cls(keys, owners)

    def query(self, text: str, limit: int = 20, cutoff: float = SEARCH_CUTOFF) -> list[Hit]:
        from rapidfuzz import process

        best: dict[tuple[str, str, str], float] = {}
        for qkey in search_keys(text):
            if not qkey:
                continue
            matches = process.extract(
                qkey,
                self.keys,
                scorer=_search_scorer,
                processor=None,
                limit=limit * 4,
                score_cutoff=cutoff,
            )
            for key, score, index in matches:
                if key == qkey:
                    score = 100.0
                elif key.startswith(qkey) or qkey in key.split():
                    score = max(score, 90.0 + 10.0 * len(qkey) / max(len(key), 1) - 0.1)
                owner = self.owners[index]
                if score > best.get(owner, 0.0):
                    best[owner] = score
        hits = [Hit(c, lang, term, score) for (c, lang, term), score in best.items()]
        hits.sort(key=lambda h: (-h.score, h.concept, h.lang, h.term))
        return hits[:limit]


def _search_scorer(query: str, choice: str, **kwargs) -> float:
    """Whole-word similarity, with partial matches counted only for real prefixes.

    WRatio alone scores any short query highly against any long term that
    contains it; capping partial matches keeps `art` from finding everything.
    """
    from rapidfuzz import fuzz

    full = fuzz.ratio(query, choice, **kwargs)
    if len(query) >= 4:
        partial = fuzz.partial_ratio(query, choice, **kwargs) * 0.9
        return max(full, partial)
    return full


def search(glossary: Glossary, query: str, limit: int = 20, lang: str | None = None) -> list[Hit]:
    """Best matches of ``query`` among all terms (of ``lang`` if given), best first."""
    index = SearchIndex.build(glossary, {lang} if lang else None)
    return index.query(query, limit=limit)


def near_duplicates(
    glossary: Glossary,
    lang: str,
    text: str,
    exclude_concept: str | None = None,
    cutoff: float = DUPLICATE_CUTOFF,
) -> list[Hit]:
    """Terms in ``lang`` that look like ``text``: same letters bar diacritics, or a typo away."""
    from rapidfuzz import fuzz, process

    wanted = fold(text)
    keys: list[str] = []
    owners: list[tuple[str, str]] = []
    for concept in glossary.concepts.values():
        if concept.id == exclude_concept:
            continue
        for term in concept.terms.get(lang, ()):
            keys.append(fold(term.term))
            owners.append((concept.id, term.term))
    hits = []
    for _key, score, index in process.extract(
        wanted, keys, scorer=fuzz.ratio, processor=None, limit=10, score_cutoff=cutoff
    ):
        concept_id, term = owners[index]
        hits.append(Hit(concept_id, lang, term, score))
    return hits
