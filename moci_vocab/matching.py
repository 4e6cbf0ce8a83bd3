"""Fuzzy matching over the glossary: search and near-duplicate warnings.

Both compare *search keys*: casefolded, diacritics removed, and for
non-Latin scripts also a Latin transliteration, so that a Latin query
(`sherigeba`) finds a Georgian term (შერიგება). rapidfuzz does the
comparisons in C over the whole key list at once.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from moci_vocab.model import Concept, Glossary, Manifest
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

    def only(self, lang: str | None) -> SearchIndex:
        """The part of the index for one language (all of it for None)."""
        if not lang:
            return self
        pairs = [(k, o) for k, o in zip(self.keys, self.owners, strict=True) if o[1] == lang]
        return SearchIndex([k for k, _o in pairs], [o for _k, o in pairs])

    def query(self, text: str, limit: int = 20, cutoff: float = SEARCH_CUTOFF) -> list[Hit]:
        best: dict[tuple[str, str, str], float] = {}
        for qkey in search_keys(text):
            if not qkey:
                continue
            for index, score in _best_matches(qkey, self.keys, limit * 4, cutoff):
                key = self.keys[index]
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


def _best_matches(
    query: str, keys: list[str], limit: int, cutoff: float
) -> list[tuple[int, float]]:
    """(index, score) of the ``limit`` best keys under ``_search_scorer``, best first.

    The same figures as ``process.extract(scorer=_search_scorer)``, but with
    rapidfuzz's native scorers over the whole list (a Python scorer is called
    once per key: 85,000 calls for a 10,000-concept glossary).
    """
    from rapidfuzz import fuzz, process

    scores: dict[int, float] = {}
    for _key, score, index in process.extract_iter(
        query, keys, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff
    ):
        scores[index] = score
    if len(query) >= 4:
        for _key, score, index in process.extract_iter(
            query, keys, scorer=fuzz.partial_ratio, processor=None, score_cutoff=cutoff / 0.9 - 1e-6
        ):
            if score * 0.9 >= cutoff and score * 0.9 > scores.get(index, 0.0):
                scores[index] = score * 0.9
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return ranked[:limit]


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


@dataclass
class SearchData:
    """What `search` needs: the manifest (languages), the index, source terms for display."""

    manifest: Manifest
    index: SearchIndex
    source_terms: dict[str, str]  # concept id → preferred term in the source language


INDEX_CACHE = "search-index"
# The keys depend on this code, so the cache also records the modules' stamps.
_KEY_MODULES = ("matching", "textnorm", "translit")


def load_search_data(root: Path) -> SearchData:
    """The search index of the glossary at ``root``, from the cache when nothing changed.

    The cache (``.moci-cache/search-index.pickle``) keeps, per concept file,
    its stamp and its keys; it is trusted only when the manifest, the set of
    concept files and every stamp are what they were (same racy rule as the
    concept cache), so a fresh process answers without parsing any YAML.
    Otherwise the glossary is loaded as before (strictly; an error is
    raised as before) and only the keys of changed files are recomputed.
    """
    from moci_vocab import cache
    from moci_vocab.store import RACY_NS, manifest_path

    root = Path(root)
    resolved = str(root.resolve())
    stamps = _concept_stamps(root)
    manifest_stamp = _stamp(manifest_path(root))
    cached = cache.load(root, INDEX_CACHE)
    if not isinstance(cached, dict) or cached.get("root") != resolved:
        cached = {}
    if cached.get("code") != _code_stamp():
        cached = {}
    trusted_before = cached.get("written", 0) - RACY_NS
    old: dict = cached.get("files", {})

    def trusted(old_stamp, stamp) -> bool:
        return stamp is not None and old_stamp == stamp and stamp[1] < trusted_before

    if (
        cached
        and trusted(cached.get("manifest_stamp"), manifest_stamp)
        and old.keys() == stamps.keys()
        and all(trusted(old[name][0], stamp) for name, stamp in stamps.items())
    ):
        return _search_data(cached["manifest"], old)
    # Building the index makes 200,000 objects that live on, next to the million of the
    # glossary (which the loader makes with the collector paused): left running, the
    # collector walked those million objects several times, for nothing. The glossary is
    # freed (by reference counting) when _build_search_data returns, before the collector
    # runs again, so it never walks them.
    with cache.gc_paused():
        return _build_search_data(root, resolved, stamps, manifest_stamp, old, trusted)


def _build_search_data(
    root: Path,
    resolved: str,
    stamps: dict[str, tuple[int, int, int] | None],
    manifest_stamp: tuple[int, int, int] | None,
    old: dict,
    trusted: Callable[[object, object], bool],
) -> SearchData:
    """Load the glossary, reuse the keys of unchanged files, make the others, store the cache."""
    from moci_vocab import cache
    from moci_vocab.store import load_glossary

    glossary = load_glossary(root)
    files: dict = {}
    for concept_id, concept in glossary.concepts.items():
        name = f"{concept_id}.yaml"
        stamp = stamps.get(name)
        entry = old.get(name)
        if entry is None or not trusted(entry[0], stamp):
            entry = (stamp, *_file_entry(concept, glossary.source_language))
        files[name] = entry
    # Only a complete picture is stored: every concept file must be a concept.
    if files.keys() == stamps.keys() and None not in stamps.values() and manifest_stamp:
        cache.store(
            root,
            INDEX_CACHE,
            {
                "root": resolved,
                "code": _code_stamp(),
                "written": time.time_ns(),
                "manifest_stamp": manifest_stamp,
                "manifest": glossary.manifest,
                "files": files,
            },
        )
    return _search_data(glossary.manifest, files)


def _file_entry(concept: Concept, source: str) -> tuple[str | None, tuple, tuple]:
    """(preferred source term, keys, owners) of one concept, in SearchIndex.build's order."""
    keys: list[str] = []
    owners: list[tuple[str, str, str]] = []
    for lang, term in concept.all_terms():
        for key in search_keys(term.term):
            keys.append(key)
            owners.append((concept.id, lang, term.term))
    preferred = concept.preferred(source)
    return (preferred.term if preferred else None), tuple(keys), tuple(owners)


def _search_data(manifest: Manifest, files: dict) -> SearchData:
    keys: list[str] = []
    owners: list[tuple[str, str, str]] = []
    source_terms: dict[str, str] = {}
    for name in sorted(files):  # the store's order: concept files sorted by name
        _when, source_term, file_keys, file_owners = files[name]
        keys.extend(file_keys)
        owners.extend(file_owners)
        if source_term is not None:
            source_terms[name.removesuffix(".yaml")] = source_term
    return SearchData(manifest, SearchIndex(keys, owners), source_terms)


def _concept_stamps(root: Path) -> dict[str, tuple[int, int, int] | None]:
    """The stamp of every concept file, as store.concept_files lists them."""
    from moci_vocab.store import TERMS, concept_file_names

    folder = os.path.join(root, TERMS)  # plain strings: 10,000 Path objects cost 50 ms
    return {name: _stamp(os.path.join(folder, name)) for name in concept_file_names(root)}


def _stamp(path: str | Path) -> tuple[int, int, int] | None:
    """Like cache.file_stamp, or None for a file that vanished."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def _code_stamp() -> tuple:
    here = Path(__file__).parent
    return tuple(_stamp(here / f"{name}.py") for name in _KEY_MODULES)


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
