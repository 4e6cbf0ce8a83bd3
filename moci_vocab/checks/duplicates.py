"""MV4xx: near-duplicates, diacritic variants and ambiguous terms (across and inside concepts).

Per language, every term gets two keys: ``match_key`` (casefolded) and
``fold`` (casefolded, without diacritics, hyphens as spaces). Equal match
keys in two concepts are one term used twice (MV403, or MV404 when it is
deprecated on one side); equal folds with different match keys are the same
word with and without diacritics (MV402: Albanian *mireqenie* / *mirëqenie*).

Near-duplicates (MV401) are pairs of distinct folds whose rapidfuzz
``ratio`` (normalised indel similarity) reaches ``matching.DUPLICATE_CUTOFF``
(88, as `add` warns). Comparing every pair would be quadratic, so candidates
come from *sorted-neighbourhood blocking*: the folds are sorted, once as
written and once reversed, and each is compared with its ``WINDOW`` next
neighbours in both orders (all in C, with ``rapidfuzz.process.cpdist``). Two
near-identical keys share a long prefix or a long suffix, so they sort close
together in at least one order; a pair is missed only when more than
``WINDOW`` other terms of the language share both its common prefix and its
common suffix.

What 88 means: one inserted or dropped letter is flagged from 4 letters up
(``volunteer`` / ``volunteers``), one changed letter from 9 letters up
(``reconciliation`` / ``reconsiliation``); short distinct words are not
(``art``/``act`` 67, ``mentor``/``mentoring`` 80, ``culture``/``cultural`` 80).
Multi-word terms are judged by the words that differ (see ``typo_level``):
``youth work`` / ``youth worker`` share a word but differ as two words do.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from moci_vocab.checks.context import Context, fold_of_key, quote, term_key
from moci_vocab.matching import DUPLICATE_CUTOFF

WINDOW = 8
ALLOWED = ("preferred", "admitted")


@dataclass(frozen=True)
class Entry:
    """One term of a language, as the duplicate rules compare it."""

    concept: str
    index: int
    term: str
    status: str
    key: str  # match key (casefolded)
    fold: str  # fold key (and without diacritics, hyphens as spaces)


def check(ctx: Context) -> None:
    """Report exact, diacritic-only and near duplicate terms per language."""
    for lang, owners in _terms_by_language(ctx).items():
        # Keys are computed once per term; grouping is done with sets and Counters (in C),
        # and Entry objects are made only for the few terms that have a problem.
        keys = [term_key(owner[2]) for owner in owners]
        folds = [fold_of_key(key) for key in keys]
        allowed = [i for i, owner in enumerate(owners) if owner[3] in ALLOWED]
        _exact(ctx, lang, _groups(owners, keys, folds, _repeated(keys), range(len(keys)), keys))
        allowed_folds = [folds[i] for i in allowed]
        spellings = Counter(fold for fold, _key in {(folds[i], keys[i]) for i in allowed})
        variants = {fold for fold, count in spellings.items() if count > 1}
        _diacritics(ctx, lang, _groups(owners, keys, folds, variants, allowed, folds))
        candidates = [(a, b) for a, b in near_pairs(sorted(set(allowed_folds))) if typo_level(a, b)]
        wanted = {fold for pair in candidates for fold in pair}
        _near(ctx, lang, candidates, _groups(owners, keys, folds, wanted, allowed, folds))
    for concept in ctx.concepts():
        _near_inside(ctx, concept)


def _near_inside(ctx: Context, concept) -> None:
    """MV405: two allowed terms of one concept and language a typo apart (rezilienc/rezilienca).

    Equal folds are MV402's (diacritics) or MV108's (the same term twice). Not
    reported, as deliberate: a deprecated or forbidden misspelling, a term marked
    ``type: variant`` (organisation/organization), and compounding variants that
    differ only in spaces or hyphens (peacebuilding/peace-building).
    """
    from rapidfuzz import fuzz

    for lang, terms in concept.terms.items():
        entries = [
            (index, term.term, fold_of_key(term_key(term.term)))
            for index, term in enumerate(terms)
            if term.status in ALLOWED and term.type != "variant"
        ]
        for position, (index, text, fold) in enumerate(entries):
            for _other_index, other_text, other_fold in entries[position + 1 :]:
                if fold.replace(" ", "") == other_fold.replace(" ", ""):
                    continue
                if not typo_level(fold, other_fold):
                    continue
                score = fuzz.ratio(fold, other_fold)
                ctx.add(
                    "MV405",
                    concept.id,
                    f"terms {quote(text)} and {quote(other_text)} of this concept are nearly "
                    f"identical ({score:.0f}%); if one is a typo, correct it with "
                    f"`moci-vocab respell {concept.id} {lang} OLD NEW` or remove it",
                    lang=lang,
                    at=("terms", lang, index, "term"),
                    term=text,
                )


def _terms_by_language(ctx: Context) -> dict[str, list[tuple[str, int, str, str]]]:
    """lang → (concept, index, term, status) of every term."""
    by_lang: dict[str, list[tuple[str, int, str, str]]] = defaultdict(list)
    for concept in ctx.concepts():
        for lang, terms in concept.terms.items():
            by_lang[lang].extend(
                (concept.id, index, term.term, term.status) for index, term in enumerate(terms)
            )
    return by_lang


def _repeated(values: list[str]) -> set[str]:
    return {value for value, count in Counter(values).items() if count > 1}


def _groups(owners, keys, folds, wanted: set[str], positions, by: list[str]):
    """Entries grouped by ``by`` (keys or folds), only for the values in ``wanted``."""
    groups: dict[str, list[Entry]] = defaultdict(list)
    if not wanted:
        return groups
    for i in positions:
        if by[i] in wanted:
            concept, index, term, status = owners[i]
            groups[by[i]].append(Entry(concept, index, term, status, keys[i], folds[i]))
    return groups


def _issue(ctx: Context, code: str, entry: Entry, lang: str, message: str, group) -> None:
    ctx.add(
        code,
        entry.concept,
        message,
        lang=lang,
        at=("terms", lang, entry.index, "term"),
        term=entry.term,
        group=group,
    )


def _exact(ctx: Context, lang: str, keys: dict[str, list[Entry]]) -> None:
    """MV403 (one term, two concepts) and MV404 (deprecated here, allowed there)."""
    for key, group in keys.items():
        concepts = {e.concept for e in group}
        if len(concepts) < 2:
            continue
        allowed = [e for e in group if e.status in ALLOWED]
        if len({e.concept for e in allowed}) > 1:
            tag = ("MV403", lang, key)
            for entry in allowed:
                others = _names(e.concept for e in allowed if e.concept != entry.concept)
                _issue(
                    ctx,
                    "MV403",
                    entry,
                    lang,
                    f"term {quote(entry.term)} is also a term of {others}: one term for "
                    "two concepts is ambiguous; make one more specific, or add an `ignore` "
                    "entry saying why both are meant",
                    tag,
                )
        for entry in group:
            if entry.status in ALLOWED:
                continue
            elsewhere = [e for e in allowed if e.concept != entry.concept]
            if elsewhere:
                other = elsewhere[0]
                _issue(
                    ctx,
                    "MV404",
                    entry,
                    lang,
                    f"term {quote(entry.term)} is {entry.status} here but {other.status} "
                    f"in {other.concept!r}; settle which it is",
                    ("MV404", lang, key, entry.concept),
                )


def _diacritics(ctx: Context, lang: str, folds: dict[str, list[Entry]]) -> None:
    """MV402: the same letters but for diacritics (or hyphens, spacing).

    Only preferred and admitted terms count: a variant without diacritics kept as
    deprecated or forbidden is deliberate (what people type without an ë key).
    """
    for key, group in folds.items():
        if len({e.key for e in group}) < 2:
            continue
        for entry in group:
            mine = entry.key
            other = next(e for e in group if e.key != mine)
            where = "in this concept" if other.concept == entry.concept else repr(other.concept)
            how = "hyphens or spacing" if _spaced(mine) == _spaced(other.key) else "diacritics"
            _issue(
                ctx,
                "MV402",
                entry,
                lang,
                f"term {quote(entry.term)} differs from {quote(other.term)} ({where}) "
                f"only in {how}; keep the correct spelling (a variant people type without "
                "them can stay as a deprecated term)",
                ("MV402", lang, key),
            )


def _near(ctx: Context, lang: str, candidates, folds: dict[str, list[Entry]]) -> None:
    reported: set[tuple[str, str]] = set()
    for a, b in candidates:
        for first in folds[a]:
            for second in folds[b]:
                pair = tuple(sorted((first.concept, second.concept)))
                if first.concept == second.concept or pair in reported:
                    continue
                reported.add(pair)
                tag = ("MV401", lang, pair)
                for mine, other in ((first, second), (second, first)):
                    _issue(
                        ctx,
                        "MV401",
                        mine,
                        lang,
                        f"term {quote(mine.term)} is nearly the same as "
                        f"{quote(other.term)} of {other.concept!r}; if one is a typo fix it, "
                        "if they are one concept merge them, else add an `ignore` entry "
                        "with the reason",
                        tag,
                    )


def _spaced(key: str) -> str:
    return " ".join(key.replace("-", " ").replace("\u2010", " ").split())


def typo_level(a: str, b: str, cutoff: float = DUPLICATE_CUTOFF) -> bool:
    """Whether two similar keys differ like a typo or an inflection, not like two words.

    Multi-word terms that share a long word score high on the whole string
    (Armenian *երիտասարդական աշխատանք* / *երիտասարդական աշխատող*, youth work /
    youth worker); what matters is the words that differ, so those must be as
    similar as the cutoff asks too. A key that is the other plus a suffix of two
    or more letters is a derived word (work → worker), not a typo.
    """
    from rapidfuzz import fuzz

    short, long = sorted((a, b), key=len)
    if long.startswith(short) and len(long) - len(short) >= 2:
        return False
    left, right = a.split(), b.split()
    while left and right and left[0] == right[0]:
        left, right = left[1:], right[1:]
    while left and right and left[-1] == right[-1]:
        left, right = left[:-1], right[:-1]
    return fuzz.ratio(" ".join(left), " ".join(right)) >= cutoff


def near_pairs(keys: list[str], cutoff: float = DUPLICATE_CUTOFF, window: int = WINDOW):
    """Pairs (a, b) of ``keys`` (distinct, sorted) with ratio ≥ cutoff, found by blocking."""
    found: set[tuple[str, str]] = set()
    for order in (keys, sorted(keys, key=lambda k: k[::-1])):
        left: list[str] = []
        right: list[str] = []
        for offset in range(1, min(window, len(order) - 1) + 1):
            left += order[:-offset]
            right += order[offset:]
        for i in _similar(left, right, cutoff):
            a, b = left[i], right[i]
            found.add((a, b) if a < b else (b, a))
    return sorted(found)


def _similar(left: list[str], right: list[str], cutoff: float) -> list[int]:
    """Indexes i where ratio(left[i], right[i]) ≥ cutoff, in one C call when numpy is there."""
    from rapidfuzz import fuzz

    try:
        import numpy
        from rapidfuzz.process import cpdist
    except ImportError:  # rapidfuzz without numpy: the same, one call per pair
        return [
            i
            for i, (a, b) in enumerate(zip(left, right, strict=True))
            if fuzz.ratio(a, b, score_cutoff=cutoff)
        ]
    if not left:
        return []
    scores = cpdist(left, right, scorer=fuzz.ratio, score_cutoff=cutoff, dtype=numpy.uint8)
    return numpy.flatnonzero(scores).tolist()


def _names(concepts) -> str:
    names = sorted(set(concepts))
    shown = ", ".join(repr(name) for name in names[:3])
    return shown + (f" and {len(names) - 3} more" if len(names) > 3 else "")
