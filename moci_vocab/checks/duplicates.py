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

from moci_vocab.checks.context import Context, Issue, fold_of_key, ignore_index, quote, term_key
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
        for (index, text, fold), (_other_index, other_text, other_fold) in _inside_pairs(entries):
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


# The allowed terms of one concept and language compared pair by pair (a real concept has a
# handful); beyond, a pull request's 15,000 terms in one language took `check` hours: the
# pairs come from the blocking `near_pairs` uses across concepts, each spelling once.
EXACT_INSIDE = 64


def _inside_pairs(entries: list[tuple[int, str, str]]):
    """(earlier, later) pairs of a concept's (index, term, fold) entries to compare."""
    if len(entries) <= EXACT_INSIDE:
        for position, entry in enumerate(entries):
            for other in entries[position + 1 :]:
                yield entry, other
        return
    first: dict[str, tuple[int, str, str]] = {}
    for entry in entries:
        first.setdefault(entry[2], entry)
    for a, b in near_pairs(sorted(first)):
        yield min(first[a], first[b]), max(first[a], first[b])


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


def _member(ctx: Context, code: str, entry: Entry, lang: str, tag, cluster=None) -> None:
    """One concept's term in a problem of several concepts (merged by ``merge_clusters``)."""
    ctx.add(
        code,
        entry.concept,
        "",
        lang=lang,
        at=("terms", lang, entry.index, "term"),
        term=entry.term,
        group=tag,
        cluster=tag if cluster is None else cluster,
    )


def _exact(ctx: Context, lang: str, keys: dict[str, list[Entry]]) -> None:
    """MV403 (one term in several concepts: one finding) and MV404 (deprecated here only)."""
    for key, group in keys.items():
        concepts = {e.concept for e in group}
        if len(concepts) < 2:
            continue
        allowed = [e for e in group if e.status in ALLOWED]
        if len({e.concept for e in allowed}) > 1:
            for entry in allowed:
                _member(ctx, "MV403", entry, lang, ("MV403", lang, key))
        for entry in group:
            if entry.status in ALLOWED:
                continue
            elsewhere = [e for e in allowed if e.concept != entry.concept]
            if elsewhere:
                other = elsewhere[0]
                ctx.add(
                    "MV404",
                    entry.concept,
                    f"term {quote(entry.term)} is {entry.status} here but {other.status} "
                    f"in {other.concept!r}; settle which it is",
                    lang=lang,
                    at=("terms", lang, entry.index, "term"),
                    term=entry.term,
                    group=("MV404", lang, key, entry.concept),
                )


def _diacritics(ctx: Context, lang: str, folds: dict[str, list[Entry]]) -> None:
    """MV402: the same letters but for diacritics (or hyphens, spacing): one finding per word.

    Only preferred and admitted terms count: a variant without diacritics kept as
    deprecated or forbidden is deliberate (what people type without an ë key).
    """
    for key, group in folds.items():
        if len({e.key for e in group}) < 2:
            continue
        for entry in group:
            _member(ctx, "MV402", entry, lang, ("MV402", lang, key))


def _near(ctx: Context, lang: str, candidates, folds: dict[str, list[Entry]]) -> None:
    """MV401: concepts linked by near-duplicate terms, one finding per connected cluster.

    A concept whose `ignore` entry silences MV401 in this language takes no part in
    any cluster (all its pairs are deliberate); its terms are raised alone, silenced
    at once, so that the entry counts as used.
    """
    ignoring = {
        cid
        for fold in {fold for pair in candidates for fold in pair}
        for cid in {e.concept for e in folds[fold]}
        if ignore_index(ctx.glossary.concepts[cid], "MV401", lang) is not None
    }
    parent: dict[str, str] = {}

    def root(cid: str) -> str:
        while parent.setdefault(cid, cid) != cid:
            parent[cid] = parent[parent[cid]]
            cid = parent[cid]
        return cid

    involved: set[str] = set()  # folds in a pair of two concepts
    linked: set[Entry] = set()  # terms with a near-duplicate in a concept that does not ignore
    for a, b in candidates:
        members = {e.concept for e in (*folds[a], *folds[b])}
        if len(members) < 2:
            continue
        involved.update((a, b))
        members -= ignoring
        if len(members) < 2:
            continue
        first, *rest = sorted(members)
        for other in rest:
            parent[root(other)] = root(first)
        for mine, theirs in ((a, b), (b, a)):
            across = {e.concept for e in folds[theirs]} - ignoring
            # a concept there other than this entry's own (not `across - {e.concept}`: a new
            # set per entry, 10,000 concepts sharing one term × the concepts across)
            linked.update(
                e for e in folds[mine] if len(across) > 1 or (across and e.concept not in across)
            )
    for fold in sorted(involved):
        for entry in folds[fold]:
            if entry.concept in ignoring:
                ctx.add(
                    "MV401",
                    entry.concept,
                    f"term {quote(entry.term)} has near-duplicates in other concepts",
                    lang=lang,
                    at=("terms", lang, entry.index, "term"),
                    term=entry.term,
                )
            elif entry in linked:
                _member(ctx, "MV401", entry, lang, ("MV401", lang, root(entry.concept)))


def merge_clusters(issues: list[Issue]) -> list[Issue]:
    """Each cluster's member issues as one issue, where its first member was.

    The issue names every concept of the cluster, is placed at the first (by
    concept id), and keeps every member in ``members`` so that each is located.
    """
    clusters: dict = defaultdict(list)
    for issue in issues:
        if issue.cluster is not None:
            clusters[issue.cluster].append(issue)
    if not clusters:
        return issues
    merged = []
    for issue in issues:
        if issue.cluster is None:
            merged.append(issue)
            continue
        members = clusters.pop(issue.cluster, None)
        if members is None:  # merged already, at its first member
            continue
        members.sort(key=lambda i: (i.concept, i.at))
        first = members[0]
        concepts = sorted({i.concept for i in members})
        merged.append(
            Issue(
                first.code,
                first.concept,
                MESSAGES[first.code](members, len(concepts)),
                lang=first.lang,
                at=first.at,
                term=first.term,
                extra={"concepts": concepts},
                group=first.group,
                others=tuple(concepts[1:]),
                members=tuple((i.concept, i.at, i.term) for i in members),
            )
        )
    return merged


SHOWN = 10  # concepts a message names; JSON and SARIF list every one


def _spellings(members: list[Issue]) -> str:
    """'term' ('a', 'b'), 'other' ('c'): each spelling with its concepts, up to SHOWN names."""
    # Each term's concepts in order, once (a dict as an ordered set: a list's `in` made this
    # quadratic, 20,000 concepts sharing one term took `check` 30 s)
    by_term: dict[str, dict[str, None]] = {}
    for issue in members:
        by_term.setdefault(issue.term or "", {})[issue.concept] = None
    parts, shown, hidden = [], 0, 0
    for term, named in by_term.items():
        concepts = list(named)
        room = max(SHOWN - shown, 0)
        hidden += max(len(concepts) - room, 0)
        if room:
            names = ", ".join(repr(c) for c in concepts[:room])
            parts.append(f"{quote(term)} ({names})")
            shown += min(len(concepts), room)
    more = f" and {hidden} more (every one in --format json)" if hidden else ""
    return ", ".join(parts) + more


def _shared_message(members: list[Issue], count: int) -> str:
    return (
        f"one term in {count} concepts: {_spellings(members)}; one term for several "
        "concepts is ambiguous: make them more specific, or add an `ignore` entry saying "
        "why they are meant"
    )


def _diacritics_message(members: list[Issue], count: int) -> str:
    spaced = {_spaced(term_key(i.term or "")) for i in members}
    how = "hyphens or spacing" if len(spaced) == 1 else "diacritics"
    return (
        f"terms differing only in {how}: {_spellings(members)}; keep the correct "
        "spelling (a variant people type without them can stay as a deprecated term)"
    )


def _near_message(members: list[Issue], count: int) -> str:
    return (
        f"nearly the same term in {count} concepts: {_spellings(members)}; if one is a "
        "typo fix it, if they are one concept merge them, else add an `ignore` entry with "
        "the reason"
    )


MESSAGES = {"MV401": _near_message, "MV402": _diacritics_message, "MV403": _shared_message}


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
