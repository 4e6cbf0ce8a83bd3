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

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from moci_vocab.checkpo.inflection import for_language
from moci_vocab.checkpo.source_match import joined_key, source_key
from moci_vocab.checkpo.target_match import lowered
from moci_vocab.learn.corpus import Corpus
from moci_vocab.learn.lemma import citation, dictionary_form, head_connector, stems

# Unigram stems kept per concept to build multi-word candidates from.
TOP_STEMS = 12
_WORD = re.compile(r"[^\W_]+")
_WORD_OR_NUL = re.compile(r"[^\W_]+|\x00")
# A multi-word candidate holds at most this many content words.
MAX_WORDS = 3
# Candidates within this share of the best score are a tie, broken by likeness to the
# English term when one of them sounds like it (at least LOANWORD of 100).
TIE = 0.95
LOANWORD = 60
# A word goes into phrases when it goes with the term at least so well (Dice).
PHRASE_WORD = 0.05
# Phrases weighed per concept (the most frequent ones).
MAX_PHRASES = 8
# A phrase goes before a word it contains when nearly always there with it (see _order);
# for a source term of several words, often is enough.
PHRASE_SHARE = 0.6
PHRASE_SCORE = 0.8
PHRASE_SHARE_MULTI = 0.3
PHRASE_NESTED = 0.9
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
        self.words: list[list[str]] = _split_words(corpus.targets)
        postings: dict[str, list[int]] = defaultdict(list)
        for i, words in enumerate(self.words):
            for word in set(words):
                postings[word].append(i)
        self.postings = postings
        self._stems: dict[str, tuple[str, ...]] = {}
        self._vocabulary = sorted(postings)
        self._stem_words: dict[str, list[str]] = {}
        self._lemmas_of_irregular: dict[str, list[str]] = defaultdict(list)
        for lemma, irregular in for_language(lang).irregular.items():
            for stem in irregular:
                self._lemmas_of_irregular[stem].append(lemma)
        self._english: dict[str, list[int]] | None = None
        self._source_words: list[frozenset[str]] = []
        self.size = len(self.words)

    def stems(self, word: str) -> tuple[str, ...]:
        """The stems of a word (cached per word)."""
        found = self._stems.get(word)
        if found is None:
            found = self._stems[word] = stems(word, self.lang) if len(word) > 1 else (word,)
        return found

    def stem_words(self, stem: str) -> list[str]:
        """The words of the corpus that have this stem.

        Looked for among the words that begin like it: a stem is a word's beginning,
        or its beginning with a vowel dropped or an ending changed in the last three
        letters (qendër → qendr, հաշտեցում → հաշտեցմ).
        """
        found = self._stem_words.get(stem)
        if found is None:
            found = []
            for prefix in self._prefixes_of(stem):
                found += self._words_from(prefix, stem, found)
            self._stem_words[stem] = found
        return found

    def _prefixes_of(self, stem: str) -> list[str]:
        """Where the words of a stem begin: like the stem, or like the lemma of an
        irregular stem (անվամբ, տան are stems of անուն, տուն: other beginnings)."""
        prefixes = [stem[: max(2, len(stem) - 3)]]
        for lemma in self._lemmas_of_irregular.get(stem, ()):
            prefix = lemma[: max(2, len(lemma) - 3)]
            if not any(prefix.startswith(p) for p in prefixes):
                prefixes.append(prefix)
        return prefixes

    def _words_from(self, prefix: str, stem: str, found: list[str]) -> list[str]:
        """The words beginning with ``prefix`` that have ``stem`` (and are not in ``found``)."""
        vocabulary = self._vocabulary
        at = bisect_left(vocabulary, prefix)
        words = []
        while at < len(vocabulary) and vocabulary[at].startswith(prefix):
            word = vocabulary[at]
            if stem in self.stems(word) and word not in found:
                words.append(word)
            at += 1
        return words

    def stem_df(self, stem: str) -> int:
        """Entries holding a word with this stem (counted per word: an upper bound)."""
        return min(sum(len(self.postings[w]) for w in self.stem_words(stem)), self.size)

    def entries_with(self, stem: str) -> set[int]:
        """Entries holding a word with this stem."""
        found: set[int] = set()
        for word in self.stem_words(stem):
            found.update(self.postings[word])
        return found

    def forms_of(self, stem: str) -> Counter:
        """Every word of the corpus with this stem, with how many entries hold it."""
        return Counter({word: len(self.postings[word]) for word in self.stem_words(stem)})

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
            per_entry: list[frozenset[str]] = []
            keys = joined_key(self.sources).decode("utf-8").split("\x00")
            for i, key in enumerate(keys):
                found = frozenset(key.split())
                per_entry.append(found)
                for word in found:
                    table[word].append(i)
            self._english, self._source_words = table, per_entry
        return self._english

    def explained_elsewhere(
        self, stem: str, entries: list[int], term_words: set[str], holding=None
    ) -> bool:
        """Is the stem the translation of another English word of these entries?

        "gabim" in "Server error → Gabim shërbyesi" belongs to "error", not to "server":
        some English word other than the term's, present in most of the entries that
        hold the stem, goes with the stem better (Dice) than the term does.
        """
        english = self.english()
        if holding is None:
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
            counts.update(self._source_words[e])
        for word, count in counts.items():
            if word in term_words or count * 2 < len(holding):
                continue
            together = len(with_stem.intersection(english[word]))
            theirs = 2 * together / (len(english[word]) + len(with_stem))
            if theirs > max(ALIEN_RATIO * mine, ALIEN):
                return True
            # In a few entries every word is "perfect": one there each time decides
            # (Fjalëkalimi yt … for "Your password …": yt goes with "your").
            if count == len(holding) and theirs >= mine and theirs > ALIEN:
                return True
        return False


def _split_words(texts: list[str]) -> list[list[str]]:
    """The words of every text (as `target_match.tokens`), in one cleaning and one regex pass."""
    if not texts:
        return []
    lows = lowered(texts)
    joined = "\x00".join(lows)
    if joined.count("\x00") != len(lows) - 1:  # a NUL inside a text: one at a time
        return [_WORD.findall(low) for low in lows]
    result: list[list[str]] = [[]]
    current = result[0]
    for word in _WORD_OR_NUL.findall(joined):
        if word == "\x00":
            current = []
            result.append(current)
        else:
            current.append(word)
    return result


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
    connectors = index.connectors
    co: Counter[str] = Counter()
    holding: dict[str, list[int]] = defaultdict(list)  # stem → entries with a word of it
    forms: dict[str, Counter] = defaultdict(Counter)  # stem → its words, by entries
    for e in entries:
        here: dict[str, set[str]] = {}
        for w in set(words[e]):
            if w not in connectors:
                for stem in index.stems(w):
                    here.setdefault(stem, set()).add(w)
        for stem, found in here.items():
            co[stem] += 1
            holding[stem].append(e)
            forms[stem].update(found)
    least = 1 if n < 3 else 2
    scored: dict[str, float] = {}
    for stem, count in co.items():
        if count >= least:
            scored[stem] = 2 * count / (n + index.stem_df(stem))
    # One stem per set of words realising it: the best scored (then the longest).
    best_of: dict[frozenset, str] = {}
    for stem in scored:
        realised = frozenset(forms[stem])
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
    candidates = [
        Candidate(
            dictionary_form(forms[s], index.lang, index.known_forms(forms[s])),
            scored[s],
            co[s],
            _examples(index, holding[s]),
            (s,),
        )
        for s in unigrams
    ]
    term_words = term_words or set()
    verdicts: dict[str, bool] = {}

    def alien(stem: str) -> bool:
        if stem not in verdicts:
            verdicts[stem] = index.explained_elsewhere(stem, entries, term_words, holding.get(stem))
        return verdicts[stem]

    candidates += _phrases(index, entries, unigrams, scored, alien)
    candidates = _order(candidates, alien, term_words)
    candidates = _break_tie(candidates, " ".join(sorted(term_words)))
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


def _phrases(index: TargetIndex, entries: list[int], unigrams: list[str], scored, alien):
    """Runs of 2–3 adjacent candidate stems (connecting words allowed between them)."""
    # Words that go with the term at all (not the catalog's filler words) make phrases.
    rank_of = {s: i for i, s in enumerate(unigrams) if scored[s] >= PHRASE_WORD}
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
    frequent = sorted((k for k, c in co.items() if c >= least), key=lambda k: (-co[k], k))
    for key in frequent[:MAX_PHRASES]:
        count = co[key]
        if any(scored[stem] < EDGE and alien(stem) for stem in {key[0], key[-1]}):
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
    """Entries holding the run of stems anywhere (up to two connecting words between)."""
    vocabularies = [set(index.stem_words(stem)) for stem in key]
    rarest = min(range(len(key)), key=lambda i: index.stem_df(key[i]))
    connectors = index.connectors
    first, rest = vocabularies[0], vocabularies[1:]
    count = 0
    seen: set[int] = set()
    for word in vocabularies[rarest]:
        for e in index.postings[word]:
            if e in seen:
                continue
            seen.add(e)
            words = index.words[e]
            if any(vocabulary.isdisjoint(words) for vocabulary in vocabularies):
                continue
            for start, token in enumerate(words):
                if token in first and _follows(words, start + 1, rest, connectors):
                    count += 1
                    break
    return count


def _follows(words: list[str], at: int, vocabularies: list[set[str]], connectors) -> bool:
    """Do words of these vocabularies follow from ``at`` on, connecting words between?"""
    for vocabulary in vocabularies:
        gap = 0
        while at < len(words) and words[at] in connectors and gap < 2:
            at += 1
            gap += 1
        if at >= len(words) or words[at] not in vocabulary:
            return False
        at += 1
    return True


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


def _order(candidates: list[Candidate], alien, term_words: set[str]) -> list:
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
    for phrase in sorted((c for c in ordered if len(c.stems) > 1), key=lambda c: len(c.stems)):
        parts = [c for c in ordered if c is not phrase and _inside(c.stems, phrase.stems)]
        if not parts:
            continue
        best = min(parts, key=ordered.index)
        others = [s for s in phrase.stems if s not in best.stems]
        belongs_elsewhere = any(alien(s) for s in others)
        ordered.remove(phrase)
        at = ordered.index(best)
        # Against a shorter phrase, the longer one must be there nearly every time
        # (առաջնային պլանի գույն over առաջնային պլան).
        needs = (share, least) if len(best.stems) == 1 else (PHRASE_NESTED, PHRASE_NESTED)
        if belongs_elsewhere:
            ordered.insert(max(at + 1, _position(ordered, phrase)), phrase)
        elif phrase.count >= needs[0] * best.count and phrase.score >= needs[1] * best.score:
            ordered.insert(min(at, _position(ordered, phrase)), phrase)
        else:
            ordered.insert(_position(ordered, phrase), phrase)
    return ordered


def _break_tie(ordered: list[Candidate], english: str) -> list[Candidate]:
    """Between candidates scored alike, the loanword of the English term goes first.

    Four entries "track number inside a collection → … në brendësi të një koleksioni"
    give brendësi and koleksion the same score; the one that sounds like "collection"
    is the better guess.
    """
    if len(ordered) < 2 or not english:
        return ordered
    first = ordered[0]
    rivals = [c for c in ordered[1:3] if c.score >= TIE * first.score]
    if not rivals:
        return ordered
    best = max(rivals, key=lambda c: _likeness(c.term, english))
    if _likeness(best.term, english) >= LOANWORD and _likeness(first.term, english) < 40:
        ordered = [best, *[c for c in ordered if c is not best]]
    return ordered


def _likeness(term: str, english: str) -> float:
    """How much a term sounds like the English one (0–100), across scripts."""
    from rapidfuzz import fuzz

    from moci_vocab.translit import to_latin

    return fuzz.ratio(to_latin(term, ascii=True).casefold(), english.casefold())


def _inside(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """Is ``part`` a run of ``whole``'s stems?"""
    size = len(part)
    return size < len(whole) and any(
        whole[i : i + size] == part for i in range(len(whole) - size + 1)
    )


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
