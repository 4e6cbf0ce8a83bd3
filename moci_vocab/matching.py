"""Fuzzy matching over the glossary: search and near-duplicate warnings.

Both compare *search keys*: casefolded, diacritics removed, and for
non-Latin scripts also a Latin transliteration, so that a Latin query
(`sherigeba`) finds a Georgian term (შერიგება). rapidfuzz does the
comparisons in C over the whole key list at once.
"""

from __future__ import annotations

import pickle
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from moci_vocab.textnorm import fold

if TYPE_CHECKING:  # not imported at run time: a cached search needs no model
    from moci_vocab.model import Glossary, Manifest

SEARCH_CUTOFF = 60.0
# A hit scoring this much less than the best one is noise next to it (`search pajtim`
# finds `pajtim` at 100: `përkujtim` at 72 is not shown); below a weak best hit, every
# hit over SEARCH_CUTOFF is kept.
SEARCH_RELATIVE_GAP = 20.0
DUPLICATE_CUTOFF = 88.0


@dataclass(frozen=True)
class Hit:
    """One search hit: the concept, language and term matched, and the score."""

    concept: str
    lang: str
    term: str
    score: float

    def to_json(self) -> dict:
        """The hit as a JSON object."""
        return {
            "concept": self.concept,
            "lang": self.lang,
            "term": self.term,
            "score": round(self.score, 1),
        }


def search_keys(text: str, folded: str | None = None) -> tuple[str, ...]:
    """Every key a term or query is compared under (folded, and transliterated);
    ``folded``: ``fold(text)`` if known already."""
    from moci_vocab.translit import latin_keys

    keys = [fold(text) if folded is None else folded]
    for key in latin_keys(text):
        key = fold(key)
        if key and key not in keys:
            keys.append(key)
    return tuple(keys)


@dataclass(frozen=True)
class KeyGroup:
    """Keys that hold the same ASCII characters, and their places in the index.

    A key that shares no character with a query scores 0 against it, so a
    Latin query need not be compared with keys in Georgian or Armenian letters
    only, nor a Georgian one with keys in ASCII: a third of the comparisons, or
    two thirds, that rapidfuzz need not make.
    """

    ascii: str | None  # None: keys in ASCII only; else the ASCII characters they hold
    keys: list[str]
    positions: Sequence[int]  # each key's place in the index

    def may_match(self, query: str) -> bool:
        """Whether a key of the group can share a character with ``query``."""
        if self.ascii is None:
            return any(ch.isascii() for ch in query)
        return not query.isascii() or any(ch in self.ascii for ch in query)


def group_keys(keys: list[str]) -> list[KeyGroup]:
    """The keys in KeyGroups: ASCII keys first, then by the ASCII characters they hold."""
    groups: dict[str | None, tuple[list[str], array]] = {}
    for position, key in enumerate(keys):
        label = None if key.isascii() else "".join(sorted({ch for ch in key if ch.isascii()}))
        if label not in groups:
            groups[label] = ([], array("I"))
        groups[label][0].append(key)
        groups[label][1].append(position)
    order = sorted(groups, key=lambda label: (label is not None, label or ""))
    return [KeyGroup(label, *groups[label]) for label in order]


class SearchIndex:
    """The search keys, grouped (see KeyGroup), and what each key points at."""

    def __init__(self, groups: list[KeyGroup], owners: Sequence[tuple[str, str, str]]) -> None:
        self.groups = groups
        self.owners = owners  # (concept, lang, term) per key, by the key's place

    @classmethod
    def from_keys(cls, keys: list[str], owners: Sequence[tuple[str, str, str]]) -> SearchIndex:
        """An index of ``keys`` whose owners are ``owners`` (one per key)."""
        return cls(group_keys(keys), owners)

    @classmethod
    def build(cls, glossary: Glossary, langs: set[str] | None = None) -> SearchIndex:
        """The index of every term of ``glossary`` (in ``langs`` only, if given)."""
        keys: list[str] = []
        owners: list[tuple[str, str, str]] = []
        for concept in glossary.concepts.values():
            for lang, term in concept.all_terms():
                if langs and lang not in langs:
                    continue
                for key in search_keys(term.term):
                    keys.append(key)
                    owners.append((concept.id, lang, term.term))
        return cls.from_keys(keys, owners)

    @cached_property
    def keys(self) -> list[str]:
        """Every key, in its place (the owners' order)."""
        keys = [""] * len(self.owners)
        for group in self.groups:
            for key, position in zip(group.keys, group.positions, strict=True):
                keys[position] = key
        return keys

    def only(self, lang: str | None) -> SearchIndex:
        """The part of the index for one language (all of it for None)."""
        if not lang:
            return self
        pairs = [(k, o) for k, o in zip(self.keys, self.owners, strict=True) if o[1] == lang]
        return SearchIndex.from_keys([k for k, _o in pairs], [o for _k, o in pairs])

    def query(self, text: str, limit: int = 20, cutoff: float = SEARCH_CUTOFF) -> list[Hit]:
        """The best hits for ``text``, best first: over ``cutoff`` and within
        SEARCH_RELATIVE_GAP of the best one."""
        best: dict[tuple[str, str, str], float] = {}
        for qkey in search_keys(text):
            if not qkey:
                continue
            for position, key, score in self._best_keys(qkey, limit * 4, cutoff):
                if key == qkey:
                    score = 100.0
                elif key.startswith(qkey) or qkey in key.split():
                    score = max(score, 90.0 + 10.0 * len(qkey) / max(len(key), 1) - 0.1)
                owner = self.owners[position]
                if score > best.get(owner, 0.0):
                    best[owner] = score
        floor = max(best.values(), default=0.0) - SEARCH_RELATIVE_GAP
        hits = [Hit(c, lang, term, s) for (c, lang, term), s in best.items() if s >= floor]
        hits.sort(key=lambda h: (-h.score, h.concept, h.lang, h.term))
        return hits[:limit]

    def _best_keys(self, qkey: str, limit: int, cutoff: float) -> list[tuple[int, str, float]]:
        """(place, key, score) of the ``limit`` best keys, as _best_matches over all keys.

        The best of the whole index are among the best of each group.
        """
        found = []
        for group in self.groups:
            if group.may_match(qkey):
                for index, score in _best_matches(qkey, group.keys, limit, cutoff):
                    found.append((group.positions[index], group.keys[index], score))
        found.sort(key=lambda item: (-item[2], item[0]))
        return found[:limit]


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


class SearchData:
    """What `search` needs: the index; the manifest and source terms, read when asked for."""

    def __init__(self, index: SearchIndex, manifest: bytes, sources: str) -> None:
        self.index = index
        self.skipped: list = []  # findings of concept files that could not be read
        self._manifest = manifest  # pickled: most searches never look at it
        self._sources = sources  # "concept\x1fterm" rows, as _join made them

    @cached_property
    def manifest(self) -> Manifest:
        """The glossary's manifest (unpickled on demand)."""
        return pickle.loads(self._manifest)

    @cached_property
    def source_terms(self) -> dict[str, str]:
        """Concept id → preferred term in the source language."""
        return dict(row.split(_FIELD, 1) for row in _split(self._sources))


class PackedOwners(Sequence):
    """The owners of an index's keys as the cache keeps them: (concept, lang, term) rows.

    A row number per key (one array) and the rows in one string: a few
    objects to unpickle instead of 100,000 tuples. Rows are split only when
    an owner is asked for, i.e. for the hits.
    """

    def __init__(self, row_of_key: array, rows: str) -> None:
        self._row_of_key = row_of_key
        self._blob = rows

    @cached_property
    def _rows(self) -> list[str]:
        return _split(self._blob)

    def __len__(self) -> int:
        return len(self._row_of_key)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        concept, lang, term = self._rows[self._row_of_key[index]].split(_FIELD)
        return (concept, lang, term)


INDEX_CACHE = "search-index"  # the packed index: all that a cache hit reads
# The keys depend on this code: the cache is keyed by it (cache.code_stamp) and this format.
_INDEX_FORMAT = 1
_END, _FIELD = "\0", "\x1f"  # separators in the packed strings (never in a term: see _pack)


def load_search_data(root: Path) -> SearchData:
    """The search index of the glossary at ``root``, from the cache when nothing changed.

    A cache hit costs one stat per file and the unpickling of a few strings:
    the packed index (``.moci-cache/search-index.pickle``) is a
    ``cache.Derived`` value, used only while no glossary file changed.
    Otherwise it is made from the file index (``fileindex``: each concept's terms
    and their fold keys, kept per file), which parses only the files that changed;
    a glossary the file index cannot read raises its error, as loading it would.
    """
    from moci_vocab import cache, layout

    root = Path(root)
    stamps = layout.concept_stamps(root)  # one stat per file, for both caches
    index = cache.Derived(
        root,
        INDEX_CACHE,
        _INDEX_FORMAT,
        fingerprint_of=lambda _root: layout.fingerprint_of_stamps(root, stamps),
        valid=_index_cache_shape,
    )
    packed = index.cached()
    if packed is not None:
        return _unpack(packed)
    # Building the index makes 200,000 objects that live on: left running, the collector
    # would walk them several times, for nothing.
    with cache.gc_paused():
        return _build_search_data(root, stamps, index)


def _build_search_data(root: Path, stamps: dict, index) -> SearchData:
    """Make the index from the file index's term rows (no concept is parsed) and store it."""
    from moci_vocab.fileindex import readable_glossary

    # A broken file: the others are searched.
    glossary, skipped, _autonyms = readable_glossary(root, stamps)
    packed = _pack(glossary)
    # Only a complete picture is stored: a broken file is named again by the next search.
    if not skipped and None not in stamps.values():
        index.save(packed)
    data = _unpack(packed)
    data.skipped = skipped
    return data


def _pack(glossary: Glossary) -> dict:
    """The index of every term of ``glossary`` (its concepts held by a file index, not
    loaded) as a few flat objects: keys in SearchIndex.build's order, concepts by file name.

    The separators are control characters, which the schema refuses in every
    text (textnorm.control_character): no term, and so no key, holds one.
    """
    concepts = glossary.concepts
    source = glossary.source_language
    keys: list[str] = []
    rows: list[str] = []
    row_of_key = array("I")
    sources: list[str] = []
    known: dict[str, tuple[str, ...]] = {}  # a term's keys (shared terms are common)
    for concept_id in sorted(concepts, key=lambda concept_id: f"{concept_id}.yaml"):
        source_term = None
        for lang, term, folded, preferred in concepts.indexed_terms(concept_id):  # type: ignore[attr-defined]
            term_keys = known.get(term)
            if term_keys is None:
                term_keys = known[term] = search_keys(term, folded)
            keys.extend(term_keys)
            row_of_key.extend([len(rows)] * len(term_keys))
            rows.append(f"{concept_id}{_FIELD}{lang}{_FIELD}{term}")
            if preferred and source_term is None and lang == source:
                source_term = term
        if source_term is not None:
            sources.append(f"{concept_id}{_FIELD}{source_term}")
    groups = group_keys(keys)
    return {
        "keys": _join([key for group in groups for key in group.keys]),
        "groups": [(group.ascii, len(group.keys)) for group in groups],
        "positions": array("I", [place for group in groups for place in group.positions]),
        "row_of_key": row_of_key,
        "rows": _join(rows),
        "sources": _join(sources),
        "manifest": pickle.dumps(glossary.manifest, protocol=pickle.HIGHEST_PROTOCOL),
    }


def _index_cache_shape(value) -> bool:
    """Whether a cached index has the shape _pack makes (and _unpack can use)."""
    from moci_vocab import cache

    if not cache.is_record(
        value, keys=str, groups=list, positions=array, row_of_key=array, rows=str, sources=str
    ):
        return False
    groups = value["groups"]
    return all(
        type(group) is tuple and len(group) == 2 and type(group[1]) is int for group in groups
    ) and sum(group[1] for group in groups) == len(value["positions"]) == len(value["row_of_key"])


def _unpack(packed: dict) -> SearchData:
    keys, positions = _split(packed["keys"]), packed["positions"]
    groups, start = [], 0
    for label, count in packed["groups"]:
        stop = start + count
        groups.append(KeyGroup(label, keys[start:stop], positions[start:stop]))
        start = stop
    owners = PackedOwners(packed["row_of_key"], packed["rows"])
    return SearchData(SearchIndex(groups, owners), packed["manifest"], packed["sources"])


def _join(items: list[str]) -> str:
    """Items each followed by _END (so that no items and one empty item differ)."""
    return _END.join([*items, ""])


def _split(blob: str) -> list[str]:
    return blob.split(_END)[:-1]


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
    keys, owners = folded_terms(glossary, lang, exclude_concept)
    hits = []
    for _key, score, index in process.extract(
        wanted, keys, scorer=fuzz.ratio, processor=None, limit=10, score_cutoff=cutoff
    ):
        concept_id, term = owners[index][:2]
        hits.append(Hit(concept_id, lang, term, score))
    return hits


def folded_terms(
    glossary: Glossary, lang: str, exclude: str | None = None
) -> tuple[list[str], list[tuple[str, ...]]]:
    """The fold key of every ``lang`` term and its (concept, term, …), in glossary order,
    leaving out the concept ``exclude`` (a glossary loaded lazily: from its file index)."""
    from moci_vocab.fileindex import LazyConcepts

    if isinstance(glossary.concepts, LazyConcepts):
        return glossary.concepts.folded_terms(lang, exclude)
    keys: list[str] = []
    owners: list[tuple[str, str]] = []
    for concept in glossary.concepts.values():
        if concept.id == exclude:
            continue
        for term in concept.terms.get(lang, ()):
            keys.append(fold(term.term))
            owners.append((concept.id, term.term))
    return keys, owners
