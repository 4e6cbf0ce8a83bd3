"""A term said with the language's negative prefix where the English negates its word.

"Port isn't valid" said hy *Միացքն անվավեր է* (invalid: ան- + վավեր), "No name" said ka
*უსახელო* (nameless: უ- + სახელ- + -ო), "not valid" said sq *i pavlefshëm*: the
translation renders the negated English word by the term's negative derivative, and the
term is there. Only where the English negates the word (*not*, *n't*, *no*, *never*,
*without*, *non*, *no longer* before it, a determiner or an adverb between), so that
"valid" said "invalid" stays reported (a real error). The prefixes are the language's
(`Inflection.negative`), stated from its grammar.
"""

from __future__ import annotations

from collections.abc import Callable

from moci_vocab.checkpo.inflection import Inflection
from moci_vocab.checkpo.target_match import TargetMatcher, TargetTerm, WordSpec, tokens

# The words that may stand between a negator and the word it negates: determiners and the
# adverbs of degree and time ("not a valid port", "no longer valid", "isn't yet valid").
_BETWEEN = frozenset({
    "a", "an", "the", "any", "be", "been", "yet", "longer", "more", "currently", "always",
    "ever", "very", "really", "fully", "quite", "all", "so", "too", "entirely", "completely",
    "properly", "same",
})  # fmt: skip


# The words that negate the word after them, and their kind (`negates`; and any word in
# n't, "not": isn't, can't, don't).
_NEGATORS = {"no": "no", "without": "no"} | dict.fromkeys(
    ("not", "never", "non", "nor", "cannot"), "not"
)


def negates(low: str, word: str) -> frozenset[str]:
    """How a casefolded message negates the English word (or its plural or past form), if
    it does: "no" (*no*, *without* before it: a noun's absence), "not" (*not*, *n't*,
    *never*, *non*, *nor*, *cannot*), with up to two words of `_BETWEEN` between and nothing
    but spaces (or the hyphen of *non-*); empty where it does not.

    Read around each place the word stands (a few `str.find`), not by a pattern over the
    whole message: this runs for the missing terms of every message that holds a negator.
    """
    kinds = set()
    size = len(word)
    at = low.find(word)
    while at >= 0:
        end = at + size
        tail = end
        while tail < len(low) and low[tail].isalpha():
            tail += 1
        if (at == 0 or not low[at - 1].isalnum()) and low[end:tail] in _FORMS:
            start = max(0, at - _REACH)
            before = low[start:at].replace("-", " ").split()
            if start and before and not low[start - 1].isspace():
                before = before[1:]  # (a word cut by the window's start)
            kind = _negator(before)
            if kind:
                kinds.add(kind)
        at = low.find(word, at + 1)
    return frozenset(kinds)


# What may open a phrase before its negator: brackets, quotes, markup's emphasis.
_OPENING = "([{<\"'\u201c\u2018\u00ab*_"
# How far before the word its negator may stand ("cannot currently be valid").
_REACH = 48
# The endings of an English word that keep it the same word here (valid, names, named).
_FORMS = frozenset({"", "s", "es", "d", "ed"})


def _negator(before: list[str]) -> str:
    """The kind of negator (`negates`) that the last of these words is, or the one before
    one or two of `_BETWEEN`; "" for none."""
    for back in range(1, 4):
        if len(before) < back:
            return ""
        token = before[-back]
        core = token.lstrip(_OPENING)  # ("(no title)": what opens a phrase before it)
        if core in _NEGATORS:
            return _NEGATORS[core]
        if core.endswith(("n't", "n\u2019t")):
            return "not"
        if token not in _BETWEEN:
            return ""
    return ""


def said_negated(
    toks: list[str], term: TargetTerm, matcher: TargetMatcher, kinds: frozenset[str]
) -> bool:
    """Does a word of the translation (``toks``: casefolded) say the term's one content
    word with a negative prefix of the language that answers one of the English negators'
    ``kinds`` (`negates`), and the ending after the stem that the prefix asks for (ka
    უ-…-ო), followed by one of the language's endings?"""
    return _said(prefixed(toks, matcher.infl), term, matcher, kinds, [_TRIES]) is True


Rests = dict[str, list[tuple[str, str, str]]]


def prefixed(toks: list[str], infl: Inflection) -> Rests:
    """The rest of each word after a negative prefix of the language, with the ending that
    prefix asks for after the stem and the negators it answers, by the rest's first two
    letters (made once per translation: each missing concept reads only the rests that may
    start its stems)."""
    found: Rests = {}
    for token in dict.fromkeys(toks):  # (each word once, in the text's order)
        for prefix, after, kind in infl.negative:
            if token.startswith(prefix) and len(token) - len(prefix) >= 3:
                rest = token[len(prefix) :]
                found.setdefault(rest[:2], []).append((rest, after, kind))
    return found


def _said(
    rests: Rests,
    term: TargetTerm,
    matcher: TargetMatcher,
    kinds: frozenset[str],
    budget: list[int],
) -> bool | None:
    """`said_negated` on a translation's `prefixed` rests; None when the ``budget`` of
    words tried (for a whole check) ran out before one was found."""
    if not rests:
        return False
    infl = matcher.infl
    content = [spec for spec in term.words if spec is not None and spec.word not in infl.connectors]
    if len(content) != 1:
        return False  # (a term of several words: its other words would have to be found too)
    spec = content[0]
    starts = sorted({form[:2] for form in (*spec.stems, *spec.exact)})
    for start in starts:
        for rest, after, kind in rests.get(start, ()):
            if kind and kind not in kinds:
                continue
            budget[0] -= 1
            if budget[0] < 0:
                return None
            if not after and matcher.word_matches(rest, spec):
                return True
            if after and _with_ending(rest, spec, after, infl):
                return True
    return False


def _with_ending(rest: str, spec: WordSpec, after: str, infl: Inflection) -> bool:
    """Is ``rest`` a stem of the word, then ``after``, then an ending (ka სახელ-ო-ს)?"""
    return any(
        rest.startswith(stem)
        and rest.startswith(after, len(stem))
        and rest[len(stem) + len(after) :] in infl.suffixes
        for stem in spec.stems
    )


# How many (concept, word) pairs one check may try (hostile: an entry negating hundreds of
# words, a translation of thousands of prefixed words); after it the terms stay reported.
_TRIES = 200_000


def negated_misses(
    missing: list[tuple[int, int, str]],
    english: dict[int, str],
    msgid_of: Callable[[int], str],
    allowed: Callable[[int], list[TargetTerm]],
    matcher: TargetMatcher,
) -> set[tuple[int, int]]:
    """(entry, concept) of the missing terms said with a negative prefix where the English
    negates the concept's word.

    ``missing``: (entry, concept, the translation checked), a translation's terms together;
    ``english``: concept → its English word (one word, casefolded); ``allowed``: a
    concept's allowed terms, compiled (read only for a concept the English negates).
    """
    found: set[tuple[int, int]] = set()
    last_entry = -1
    last_text: str | None = None
    low = ""
    rests: Rests | None = None
    budget = [_TRIES]
    for entry, concept, text in missing:
        if entry != last_entry:  # (an entry's msgid casefolded once, whatever its terms)
            last_entry = entry
            msgid = msgid_of(entry)  # (casefold is lower() on ASCII, which is faster)
            low = msgid.lower() if msgid.isascii() else msgid.casefold()
        if text is not last_text:  # (a translation's words read once, for all its terms)
            last_text, rests = text, None
        word = english.get(concept)
        kinds = negates(low, word) if word else frozenset()
        if not kinds:
            continue
        if rests is None:
            rests = prefixed(tokens(text), matcher.infl)
        for term in allowed(concept):
            said = _said(rests, term, matcher, kinds, budget)
            if said is None:
                return found
            if said:
                found.add((entry, concept))
                break
    return found
