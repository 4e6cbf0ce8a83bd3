"""`extract`: English term candidates the glossary lacks, from the source side of catalogs.

Each distinct source text is cut into runs of words at punctuation,
placeholders, markup, code identifiers (snake_case, camelCase, dotted names,
paths, URLs, options) and stop words; every run of one to four words that
could be a noun phrase (not ending in an adverb, a participle or a bare
adjective, not starting with a verb of command) is a candidate. Candidates are
ranked by C-value (Frantzi, Ananiadou & Mima 2000): frequency weighted by
length, less the frequency the candidate owes to the longer candidates it is
part of, so that "content" inside "content type" does not outrank it.
Singular and plural count as one term; the glossary's terms and their
variants (check-po's `english_variants`) are left out.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from moci_vocab.checkpo.source_match import english_variants, source_key
from moci_vocab.checkpo.spans import clean
from moci_vocab.learn.corpus import Corpus

MAX_WORDS = 4
# The most different candidate phrases kept while reading: each costs about 1 KB and
# 40 µs, and a 2 MB catalog of 300,000 distinct words made 1.2 million (58 s, 1.2 GB; a
# 64 MB one, half an hour and tens of GB). A catalog of 10,000 entries makes ~4,000.
MAX_PHRASES = 500_000


def _words(text: str) -> frozenset[str]:
    """A word list written as one string."""
    return frozenset(text.split())


# Code and addresses, not words: URLs, e-mail, paths, options, snake_case, camelCase,
# dotted.names, words with digits or underscores, printf and format placeholders.
CODE = re.compile(
    r"\b[a-z][a-z0-9+.-]*://\S+|\b\S+@\S+\.\w+|(?<!\w)[~.]?/[\w./~-]+|--?[a-zA-Z][\w-]*"
    r"|\b\w*_\w*\b|\b[a-z]+[A-Z]\w*\b|\b[A-Z]{2,}[a-z]+\w*\b|\b\w+(?:\.\w+)+\b|\b\w*\d\w*\b"
    r"|\$\w+|\$\{[^}]*\}|`[^`]*`"
)
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_BREAK = re.compile(r"[^\w\s'’-]|\s['’-]|['’-]\s|\s{2,}")

STOP_WORDS = _words(
    """a about above after again against all also am an and any are aren't as at be because
    been before being below between both but by can cannot can't could couldn't did didn't do
    does doesn't doing don't down during each either else ever every few for from further had
    hadn't has hasn't have haven't having he her here hers herself him himself his how i if in
    into is isn't it it's its itself just least less let let's like many may me might more most
    must mustn't my myself neither no nor not now of off often on once one only onto or other
    otherwise ought our ours ourselves out over own per please rather same shall she should
    shouldn't since so some such than that that's the their theirs them themselves then there
    there's these they this those though through thus to too under until up upon us very via was
    wasn't we were weren't what when where whether which while who whom whose why will with
    within without won't would wouldn't yet you your yours yourself yourselves already always
    another anything everything nothing something someone anyone everyone instead still even
    however therefore yes ok okay etc eg ie non two three four five six seven eight nine ten
    first second third last next previous current new old same different certain several
    whole much none using back sure around top bottom inside outside"""
)
# Verbs that are never a term's last word ("field contains", "object exists").
VERBS = _words(
    """contain contains exist exists require requires need needs must include includes
    match matches support supports belong belongs occur occurs occurred appear appears
    seem seems mean means affect affects draw draws drawn shown used given chosen hidden"""
)
# Adjectives that do not begin a term ("valid date", "following objects").
NOT_FIRST = _words(
    """valid invalid correct incorrect wrong following available required sure entirely
    successfully unknown possible impossible empty missing"""
)
# Words that begin a command, not a term ("Enter a valid date", "Delete selected objects").
COMMAND_VERBS = _words(
    """add allow apply ask browse cancel change check choose clear click close configure
    confirm continue copy create cut define delete disable display do download drag drop edit
    enable ensure enter find fix get go hide ignore insert install keep leave load log make
    move open paste pick press print provide put quit read reload remove rename replace reset
    restart restore retry return run save search see select send set show sign skip sort
    specify start stop submit switch take try turn type undo uninstall unlock update upload use
    verify view visit wait write"""
)
# Adjectives and participles a term does not end with.
NOT_LAST = _words(
    """valid invalid available unavailable required optional possible impossible unknown
    empty full active inactive enabled disabled selected deleted created changed added removed
    new old current default successful successfully correct incorrect wrong right left able
    unable allowed missing found given following above below long short large small big
    high low true false public private own main other such same vertical horizontal minimum
    maximum extra raw visible invisible"""
)


@dataclass
class Extracted:
    """A term candidate: as usually written, C-value, distinct source texts holding it."""

    term: str
    score: float
    count: int
    examples: list[int] = field(default_factory=list)  # corpus entry indices


def extract(
    corpus: Corpus,
    known_terms: list[tuple[str, str | None]],
    min_count: int = 3,
    limit: int | None = 100,
    progress: Callable[[int, int], None] | None = None,
) -> list[Extracted]:
    """Candidates best first; ``known_terms`` are the glossary's (source term, pos)."""
    known = {key for text, pos in known_terms for key in english_variants(text, pos)}
    counts: Counter[tuple[str, ...]] = Counter()
    surfaces: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    where: dict[tuple[str, ...], list[int]] = defaultdict(list)
    seen_texts: set[str] = set()
    total = len(corpus.sources)
    for i, text in enumerate(corpus.sources):
        if progress is not None and i % 5000 == 0:
            progress(i, total)
        if text in seen_texts:
            continue
        seen_texts.add(text)
        found: dict[tuple[str, ...], str] = {}
        for run in runs(text):
            for gram, surface in grams(run):
                found.setdefault(gram, surface)
        for gram, surface in found.items():
            counts[gram] += 1
            if len(counts) > MAX_PHRASES:
                _too_many_phrases(corpus, i)
            surfaces[gram][surface] += 1
            if len(where[gram]) < 50:
                where[gram].append(i)
    if progress is not None:
        progress(total, total)
    merged = _merge_plurals(counts)
    scores = c_value({g: counts[g] for g in merged})
    result = []
    for gram, score in sorted(scores.items(), key=lambda item: (-item[1], item[0])):
        count = counts[gram]
        if count < min_count or score <= 0:
            continue
        if source_key(" ".join(gram)) in known:
            continue
        written = _written(surfaces[gram] + sum((surfaces[g] for g in merged[gram]), Counter()))
        examples = sorted(where[gram], key=lambda e: (len(corpus.sources[e]), e))[:2]
        result.append(Extracted(written, round(score, 3), count, examples))
        if limit is not None and len(result) == limit:
            break
    return result


def _too_many_phrases(corpus: Corpus, entry: int) -> None:
    """Stop at the first phrase over MAX_PHRASES, naming the entry's file and line."""
    from moci_vocab.errors import MociError

    path = corpus.files[corpus.origins[entry]]
    raise MociError(
        f"the catalogs hold more than {MAX_PHRASES:,} different phrases of up to "
        f"{MAX_WORDS} words; extract reads at most that many (give fewer or smaller files)",
        path,
        corpus.lines([entry]).get(entry) or None,
    )


def mask_code(text: str) -> str:
    """The text with placeholders, markup, URLs, paths, keys and code turned into breaks.

    `check-po`'s `spans.clean` removes the first (one answer for every command); code
    identifiers are cut here, as a term never spans one.
    """
    return CODE.sub(" , ", clean(text))


def runs(text: str) -> list[list[str]]:
    """Runs of words without punctuation, code or stop words, as written."""
    result: list[list[str]] = []
    for part in _BREAK.split(mask_code(text)):
        run: list[str] = []
        for word in _WORD.findall(part):
            folded = word.casefold()
            if (
                folded in STOP_WORDS
                or len(word) < 2
                or "'" in word
                or "’" in word
                or len(set(folded)) == 1  # date formats: YYYY, MM, ss
            ):
                if run:
                    result.append(run)
                run = []
            else:
                run.append(word)
        if run:
            result.append(run)
    return result


def grams(run: list[str]):
    """(casefolded words, surface) of each noun-phrase-like run of 1–4 words."""
    folded = [w.casefold() for w in run]
    for start in range(len(run)):
        if folded[start] in COMMAND_VERBS or folded[start] in NOT_FIRST:
            continue
        for end in range(start + 1, min(len(run), start + MAX_WORDS) + 1):
            last = folded[end - 1]
            if last in NOT_LAST or last in VERBS or (last in COMMAND_VERBS and end - start == 1):
                continue
            if last.endswith("ly") or (last.endswith("ed") and len(last) > 4):
                continue
            yield tuple(folded[start:end]), " ".join(run[start:end])


def singular(word: str) -> str:
    """A plural English noun's singular, by the regular rules (good enough to group)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _merge_plurals(counts: Counter) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    """Each kept gram → the plural grams merged into it (counts added to it)."""
    merged: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for gram in sorted(counts, key=lambda g: (-counts[g], g)):
        single = (*gram[:-1], singular(gram[-1]))
        if single != gram and single in counts:
            merged.setdefault(single, []).append(gram)
            counts[single] += counts[gram]
        else:
            merged.setdefault(gram, [])
    for plurals in list(merged.values()):
        for gram in plurals:
            merged.pop(gram, None)
    return merged


def c_value(freq: dict[tuple[str, ...], int]) -> dict[tuple[str, ...], float]:
    """C-value of each candidate: log2(words + 1) · (f − mean f of the longer ones holding it)."""
    nested: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for gram, count in freq.items():
        size = len(gram)
        for length in range(1, size):
            for start in range(size - length + 1):
                inner = gram[start : start + length]
                if inner in freq:
                    nested[inner].append(count)
    scores = {}
    for gram, count in freq.items():
        longer = nested.get(gram)
        owed = sum(longer) / len(longer) if longer else 0.0
        scores[gram] = math.log2(len(gram) + 1) * (count - owed)
    return scores


def _written(surfaces: Counter) -> str:
    """The usual spelling: lowercase unless written otherwise inside sentences (acronyms, names)."""
    form, _count = surfaces.most_common(1)[0]
    words = form.split()
    kept = [w if (w.isupper() and len(w) > 1) or w[1:] != w[1:].casefold() else w.casefold()
            for w in words]  # fmt: skip
    return " ".join(kept)
