"""`suggest`: the target terms a catalog's translators use for a glossary concept.

For a concept, the entries whose source text contains its source term (found
with check-po's source matcher) are set against all the others. Every target
word is reduced to the stems it may be a form of (`lemma.stems`: qytetit,
qyteti, qytetet → qytet), and a stem, or a run of two or three adjacent stems
(with the language's connecting words between them: bazë të dhënash), is a
candidate. Its score is the Dice coefficient of co-occurrence:
2·(entries with the term and the candidate) / (entries with the term +
entries with the candidate). Candidates are then shown in their dictionary
form (`lemma.dictionary_form`), one per headword, best first.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from moci_vocab.checkpo.inflection import for_language
from moci_vocab.checkpo.source_match import source_key
from moci_vocab.checkpo.target_match import tokens
from moci_vocab.learn.corpus import Corpus
from moci_vocab.learn.lemma import citation, dictionary_form, head_connector, stems

# Unigram stems kept per concept to build multi-word candidates from.
TOP_STEMS = 12
# A multi-word candidate holds at most this many content words.
MAX_WORDS = 3
# A phrase goes before a word it contains when nearly always there with it (see _order);
# for a source term of several words, often is enough.
PHRASE_SHARE = 0.6
PHRASE_SCORE = 0.8
PHRASE_SHARE_MULTI = 0.3
PHRASE_SCORE_MULTI = 0.5


# A word of a phrase belongs to another English word when it goes with it at least so well.
ALIEN = 0.2
ALIEN_RATIO = 1.5  # ... and clearly better than with the term's own words
# A phrase's first and last words go with the term at least so well (Dice).
EDGE = 0.1


@dataclass
class Candidate:
    """A proposed target term: dictionary form, Dice score, supporting entries."""

    term: str
    score: float
    count: int
    examples: list[int] = field(default_factory=list)  # corpus entry indices
    stems: tuple[str, ...] = ()


@dataclass
class Suggestion:
    """The candidates for one concept in one language, best first."""

    concept: str
    lang: str
    source: str
    entries: int  # entries whose source text holds the concept's source term
    candidates: list[Candidate] = field(default_factory=list)


class TargetIndex:
    """A corpus as words on both sides: which entries hold each target word, stem, English word."""

    def __init__(self, corpus: Corpus, lang: str) -> None:
        self.lang = lang
        self.connectors = for_language(lang).connectors
        self.sources = corpus.sources
        self.words: list[list[str]] = [tokens(text) for text in corpus.targets]
        postings: dict[str, list[int]] = defaultdict(list)
        for i, words in enumerate(self.words):
            for word in set(words):
                postings[word].append(i)
        self.postings = postings
        self._stems: dict[str, tuple[str, ...]] = {}
        self._stem_df: dict[str, int] | None = None
        self._stem_words: dict[str, list[str]] | None = None
        self._english: dict[str, list[int]] | None = None
        self.size = len(self.words)

    def stems(self, word: str) -> tuple[str, ...]:
        """The stems of a word (cached per word)."""
        found = self._stems.get(word)
        if found is None:
            found = self._stems[word] = stems(word, self.lang) if len(word) > 1 else (word,)
        return found

    def stem_df(self, stem: str) -> int:
        """Entries holding a word with this stem (counted per word: an upper bound)."""
        if self._stem_df is None:
            table: Counter[str] = Counter()
            words: dict[str, list[str]] = defaultdict(list)
            for word, entries in self.postings.items():
                for s in self.stems(word):
                    table[s] += len(entries)
                    words[s].append(word)
            self._stem_df, self._stem_words = dict(table), dict(words)
        return min(self._stem_df.get(stem, 0), self.size)

    def entries_with(self, stem: str) -> set[int]:
        """Entries holding a word with this stem."""
        self.stem_df(stem)
        found: set[int] = set()
        for word in self._stem_words.get(stem, ()):  # type: ignore[union-attr]
            found.update(self.postings[word])
        return found

    def forms_of(self, stem: str) -> Counter:
        """Every word of the corpus with this stem, with how many entries hold it."""
        self.stem_df(stem)
        words = self._stem_words.get(stem, ())  # type: ignore[union-attr]
        return Counter({word: len(self.postings[word]) for word in words})

    def known_forms(self, words) -> Counter:
        """Forms of the corpus that share a long stem with one of ``words`` (for headwords)."""
        known: Counter[str] = Counter()
        for word in words:
            for stem in self.stems(word):
                if len(stem) >= len(word) - 3:
                    known.update(self.forms_of(stem))
        return known

    def english(self) -> dict[str, list[int]]:
        """English (source) word → the entries holding it (built on first use)."""
        if self._english is None:
            table: dict[str, list[int]] = defaultdict(list)
            for i, text in enumerate(self.sources):
                for word in set(source_key(text).split()):
                    table[word].append(i)
            self._english = table
        return self._english

    def explained_elsewhere(self, stem: str, entries: list[int], term_words: set[str]) -> bool:
        """Is the stem the translation of another English word of these entries?

        "gabim" in "Server error → Gabim shërbyesi" belongs to "error", not to "server":
        some English word other than the term's, present in most of the entries that
        hold the stem, goes with the stem better (Dice) than the term does.
        """
        english = self.english()
        holding = [e for e in entries if any(stem in self.stems(w) for w in self.words[e])]
        if not holding:
            return False
        with_stem = self.entries_with(stem)
        mine = 2 * len(holding) / (len(entries) + len(with_stem))
        for word in term_words:  # "kodi" goes with "code" of "error code" better than with it
            if word in english:
                together = len(with_stem.intersection(english[word]))
                mine = max(mine, 2 * together / (len(english[word]) + len(with_stem)))
        counts: Counter[str] = Counter()
        for e in holding:
            counts.update(set(source_key(self.sources[e]).split()))
        for word, count in counts.items():
            if word in term_words or count * 2 < len(holding):
                continue
            together = len(with_stem.intersection(english[word]))
            if 2 * together / (len(english[word]) + len(with_stem)) > max(
                ALIEN_RATIO * mine, ALIEN
            ):
                return True
        return False


def concept_entries(corpus: Corpus, compiled) -> dict[str, list[int]]:
    """Concept id → the entries whose source text holds one of its source terms."""
    found: dict[str, list[int]] = defaultdict(list)
    rules = compiled.rules
    for entry, rule in compiled.source_matcher.pairs(corpus.sources):
        found[rules[rule].concept].append(entry)
    return found


def suggest(
    corpus: Corpus,
    compiled,
    concepts: list[str],
    limit: int = 5,
    progress: Callable[[int, int], None] | None = None,
) -> list[Suggestion]:
    """Target-term candidates for each concept, from the corpus (best first)."""
    lang = compiled.lang
    index = TargetIndex(corpus, lang)
    by_concept = concept_entries(corpus, compiled)
    sources = {rule.concept: rule.source for rule in compiled.rules}
    result = []
    for done, concept in enumerate(concepts):
        if progress is not None:
            progress(done, len(concepts))
        entries = by_concept.get(concept, [])
        suggestion = Suggestion(concept, lang, sources.get(concept, concept), len(entries))
        if entries:
            term_words = set(source_key(suggestion.source).split())
            suggestion.candidates = rank(index, entries, limit, term_words)
        result.append(suggestion)
    if progress is not None:
        progress(len(concepts), len(concepts))
    return result


def rank(
    index: TargetIndex, entries: list[int], limit: int = 5, term_words: set[str] | None = None
) -> list[Candidate]:
    """The best candidates for the concept found in ``entries``."""
    n = len(entries)
    words = index.words
    co: Counter[str] = Counter()
    for e in entries:
        co.update({s for w in set(words[e]) if w not in index.connectors for s in index.stems(w)})
    least = 1 if n < 3 else 2
    scored: dict[str, float] = {}
    for stem, count in co.items():
        if count >= least:
            scored[stem] = 2 * count / (n + index.stem_df(stem))
    # One stem per set of words realising it: the best scored (then the longest).
    best_of: dict[frozenset, str] = {}
    for stem in scored:
        realised = frozenset(w for e in entries for w in words[e] if stem in index.stems(w))
        other = best_of.get(realised)
        if other is None or (scored[stem], len(stem)) > (scored[other], len(other)):
            best_of[realised] = stem
    # A stem realised only by words of a better one (objekte inside objekt) adds nothing.
    unigrams: list[str] = []
    kept: list[frozenset] = []
    realised_by = {stem: words_ for words_, stem in best_of.items()}
    for stem in sorted(best_of.values(), key=lambda s: (-scored[s], -len(s), s)):
        if any(realised_by[stem] <= other for other in kept):
            continue
        kept.append(realised_by[stem])
        unigrams.append(stem)
        if len(unigrams) == TOP_STEMS:
            break
    candidates = [_unigram(index, entries, s, scored[s], co[s]) for s in unigrams]
    candidates += _phrases(index, entries, unigrams, scored, term_words or set())
    candidates = _order(candidates, index, entries, term_words or set())
    seen: set[str] = set()
    chosen = []
    for candidate in candidates:
        if candidate.term in seen:
            continue
        seen.add(candidate.term)
        chosen.append(candidate)
        if len(chosen) == limit:
            break
    return chosen


def _unigram(index: TargetIndex, entries: list[int], stem: str, score: float, count: int):
    forms: Counter[str] = Counter()
    support = []
    for e in entries:
        here = [w for w in index.words[e] if stem in index.stems(w)]
        if here:
            forms.update(set(here))
            support.append(e)
    term = dictionary_form(forms, index.lang, index.known_forms(forms))
    return Candidate(term, score, count, _examples(index, support), (stem,))


def _phrases(index: TargetIndex, entries: list[int], unigrams: list[str], scored, term_words):
    """Runs of 2–3 adjacent candidate stems (connecting words allowed between them)."""
    rank_of = {s: i for i, s in enumerate(unigrams)}
    connectors = index.connectors
    co: Counter[tuple[str, ...]] = Counter()
    surfaces: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    support: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for e in entries:
        found_here: dict[tuple[str, ...], tuple[str, ...]] = {}
        for key, surface in _runs(index, index.words[e], rank_of, connectors):
            found_here.setdefault(key, surface)
            surfaces[key][surface] += 1
        for key in found_here:
            co[key] += 1
            support[key].append(e)
    n = len(entries)
    least = 1 if n < 3 else 2
    result = []
    for key, count in co.items():
        if count < least or any(
            scored[stem] < EDGE and index.explained_elsewhere(stem, entries, term_words)
            for stem in {key[0], key[-1]}
        ):
            continue  # "kyç nuk": a phrase does not begin or end with another word's rendering
        df = _phrase_df(index, key)
        score = 2 * count / (n + max(df, count))
        term = _phrase_form(surfaces[key], index, connectors)
        result.append(Candidate(term, score, count, _examples(index, support[key]), key))
    return result


def _runs(index: TargetIndex, words: list[str], rank_of: dict[str, int], connectors):
    """(stems, surface words) of every run of candidate words in one translation."""
    best = []
    for w in words:
        options = [s for s in index.stems(w) if s in rank_of] if w not in connectors else []
        # The shortest stem: every form of a word gives the same key (element, elementëve).
        best.append(min(options, key=lambda s: (len(s), rank_of[s])) if options else None)
    for start, stem in enumerate(best):
        if stem is None:
            continue
        key = [stem]
        end = start + 1
        gap = 0
        while end < len(words) and len(key) < MAX_WORDS:
            if best[end] is not None:
                key.append(best[end])
                gap = 0
                yield tuple(key), tuple(words[start : end + 1])
            elif words[end] in connectors and gap < 2:
                gap += 1
            else:
                break
            end += 1


def _phrase_df(index: TargetIndex, key: tuple[str, ...]) -> int:
    """Entries holding the run of stems anywhere (connecting words allowed between)."""
    rarest = min(key, key=index.stem_df)
    count = 0
    rank_of = {s: 0 for s in key}
    connectors = index.connectors
    for e in index.entries_with(rarest):
        if any(found == key for found, _s in _runs(index, index.words[e], rank_of, connectors)):
            count += 1
    return count


def _phrase_form(surfaces: Counter, index: TargetIndex, connectors) -> str:
    """A phrase in its dictionary form: its head word's headword, as the translators write it."""
    lang = index.lang
    head_first = citation(lang).head_first

    def head(surface: tuple[str, ...]) -> int:
        content = [i for i, w in enumerate(surface) if w not in connectors]
        return content[0] if head_first else content[-1]

    heads: Counter[str] = Counter()
    for surface, count in surfaces.items():
        heads[surface[head(surface)]] += count
    headword = dictionary_form(heads, lang, index.known_forms(heads))
    # The translators' usual phrase, with its head in dictionary form (and, where the
    # connecting word agrees with the head, the nominative one: elementëve të menusë →
    # element i menusë).
    if citation(lang).phrase_as_seen:  # Georgian: დაყოფილი ცხრილი, not დაყოფილ ცხრილი
        as_seen = [s for s in surfaces if s[head(s)] == headword]
        if as_seen:
            return " ".join(max(as_seen, key=lambda s: (surfaces[s], -len(" ".join(s)))))
    common = list(
        max(surfaces, key=lambda s: (surfaces[s], s[head(s)] == headword, -len(" ".join(s))))
    )
    at = head(tuple(common))
    if common[at] != headword:
        common[at] = headword
        if at + 1 < len(common) and common[at + 1] in connectors:
            common[at + 1] = head_connector(headword, heads, lang) or common[at + 1]
    return " ".join(common)


def _order(candidates: list[Candidate], index: TargetIndex, entries, term_words) -> list:
    """Best score first, the shorter of equals; then phrases placed against their words.

    A phrase goes before the best word it contains when it is nearly always there with
    it (PHRASE_SHARE, PHRASE_SCORE: motor kërkimesh, not motor, for "search engine";
    emër përdoruesi for "username"), unless one of its other words translates another
    English word of the entries (gabim shërbyesi holds "error" for "server"): then it
    goes after that word.
    """
    ordered = sorted(candidates, key=lambda c: (-round(c.score, 9), len(c.stems), c.term))
    several = len(term_words) > 1
    share = PHRASE_SHARE_MULTI if several else PHRASE_SHARE
    least = PHRASE_SCORE_MULTI if several else PHRASE_SCORE
    words = {c.stems[0]: c for c in ordered if len(c.stems) == 1}
    for phrase in [c for c in ordered if len(c.stems) > 1]:
        parts = [words[s] for s in phrase.stems if s in words]
        if not parts:
            continue
        best = min(parts, key=ordered.index)
        others = [s for s in phrase.stems if s != best.stems[0]]
        alien = any(index.explained_elsewhere(s, entries, term_words) for s in others)
        ordered.remove(phrase)
        at = ordered.index(best)
        if alien:
            ordered.insert(max(at + 1, _position(ordered, phrase)), phrase)
        elif phrase.count >= share * best.count and phrase.score >= least * best.score:
            ordered.insert(min(at, _position(ordered, phrase)), phrase)
        else:
            ordered.insert(_position(ordered, phrase), phrase)
    return ordered


def _position(ordered: list[Candidate], candidate: Candidate) -> int:
    """Where a candidate goes by score alone."""
    key = (-round(candidate.score, 9), len(candidate.stems), candidate.term)
    for i, other in enumerate(ordered):
        if (-round(other.score, 9), len(other.stems), other.term) > key:
            return i
    return len(ordered)


def _examples(index: TargetIndex, support: list[int], count: int = 2) -> list[int]:
    """Two supporting entries, the shortest translations among the first few."""
    return sorted(support[:50], key=lambda e: (len(index.words[e]), e))[:count]
