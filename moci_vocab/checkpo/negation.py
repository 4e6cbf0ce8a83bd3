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

import re
from collections.abc import Callable, Set

from moci_vocab.checkpo.inflection import Inflection
from moci_vocab.checkpo.target_match import (
    TargetMatcher,
    TargetTerm,
    WordSpec,
    lowered,
    words_of,
)

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
    whole message. For many words of one message, `negated_words` reads it once.
    """
    kinds = set()
    size = len(word)
    at = low.find(word)
    while at >= 0:
        end = at + size
        # (the letters after it, up to one more than the longest form: a run of the word,
        # "namename…", is not read to its end at each place; review30 F1)
        tail, stop = end, min(len(low), end + _LONGEST_FORM + 1)
        while tail < stop and low[tail].isalpha():
            tail += 1
        if (at == 0 or not low[at - 1].isalnum()) and low[end:tail] in _FORMS:
            kind = _kind_at(low, at)
            if kind:
                kinds.add(kind)
        at = low.find(word, at + 1)
    return frozenset(kinds)


def negated_words(low: str) -> dict[str, set[str]]:
    """Every word of letters that a casefolded message negates, with how (`negates` of
    each: the same answer for a word of letters, read in one pass over the message).

    A negated word starts one of the three words after a negator's word (which ends before
    a space or a hyphen: `_NEGATOR_END`), the words before it of `_BETWEEN`, so only those
    starts are read (`_kind_at`); each is the word's letters there less an ending of
    `_FORMS`.
    """
    found: dict[str, set[str]] = {}
    for hit in _NEGATOR_END.finditer(low):
        at = hit.end()
        for _ in range(3):  # (the word after the negator, or after one or two of _BETWEEN)
            word = _NEXT_WORD.match(low, at)
            start = word.start(1)
            letters = word[1]
            if letters and not letters.isalpha():  # (a numeral the pattern took: ², Ⅷ)
                tail = start
                while low[tail].isalpha():
                    tail += 1
                letters = low[start:tail]
            if letters and (kind := _kind_at(low, start)):
                for form in _FORMS_ENDING.get(letters[-1], _BARE):
                    if letters.endswith(form) and len(letters) > len(form):
                        found.setdefault(letters[: len(letters) - len(form)], set()).add(kind)
            at = word.end()
            if low[start:at] not in _BETWEEN:
                break  # (the words after it: negated by no negator before this one)
    return found


def _kind_at(low: str, at: int) -> str:
    """The kind of negator (`_negator`) before the word that starts at ``at``, read in the
    `_REACH` characters before it; "" for none."""
    start = max(0, at - _REACH)
    before = low[start:at].replace("-", " ").split()
    if start and before and not low[start - 1].isspace():
        before = before[1:]  # (a word cut by the window's start)
    return _negator(before)


# The end of a word that may be a negator (`_NEGATORS`, n't), then a space or a hyphen; the
# spaces and hyphens before a word, then the word (as `str.split` cuts after "-" made " "),
# its letters first (and a numeral that is no letter: `negated_words` checks them).
_NEGATOR_END = re.compile(r"(?:no[tnr]?|never|without|n['\u2019]t)(?=[\s-])")
_NEXT_WORD = re.compile(r"[\s-]*([^\W\d_]*)[^\s-]*")


# What may open a phrase before its negator: brackets, quotes, markup's emphasis.
_OPENING = "([{<\"'\u201c\u2018\u00ab*_"
# How far before the word its negator may stand ("cannot currently be valid").
_REACH = 48
# The endings of an English word that keep it the same word here (valid, names, named).
_FORMS = frozenset({"", "s", "es", "d", "ed"})
# ... by their last letter, each with the bare word (`negated_words` tries only these).
_BARE = ("",)
_FORMS_ENDING = {
    form[-1]: ("", *sorted(f for f in _FORMS if f.endswith(form[-1]))) for form in _FORMS if form
}
_LONGEST_FORM = max(map(len, _FORMS))


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
    toks: list[str], term: TargetTerm, matcher: TargetMatcher, kinds: Set[str]
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
    kinds: Set[str],
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
    prepared: Callable[[int, str], str] | None = None,
) -> set[tuple[int, int]]:
    """(entry, concept) of the missing terms said with a negative prefix where the English
    negates the concept's word.

    ``missing``: (entry, concept, the translation checked), a translation's terms together;
    ``english``: concept → its English word (one word, casefolded); ``allowed``: a
    concept's allowed terms, compiled (read only for a concept the English negates and a
    translation with a prefixed word); ``prepared``: an entry's translation as the check
    prepared it (`Translation.low`: the caller may have it), else it is prepared here.
    """
    found: set[tuple[int, int]] = set()
    last_entry = -1
    last_text: str | None = None
    low = ""
    negated: dict[str, set[str]] | None = None
    form = ""
    has = False
    rests: Rests | None = None
    budget = [_TRIES]
    starts = tuple(prefix for prefix, _, _ in matcher.infl.negative)
    for entry, concept, text in missing:
        if entry != last_entry:  # (an entry's msgid read once, whatever its terms)
            last_entry, negated = entry, None
        if text is not last_text:  # (a translation's words read once, for all its terms)
            last_text, rests = text, None
            form = prepared(entry, text) if prepared is not None else lowered([text])[0]
            # (a word with a prefix has the prefix's letters in the text: else no term is
            # said so, and the msgid is not read: half the msgids with a negator's letters)
            has = any(start in form for start in starts)
        if not has:
            continue
        word = english.get(concept)
        if not word:
            continue
        if negated is None:
            msgid = msgid_of(entry)  # (casefold is lower() on ASCII, which is faster)
            low = msgid.lower() if msgid.isascii() else msgid.casefold()
            negated = negated_words(low)
        if not negated:
            continue
        kinds = negated.get(word) if word.isalpha() else negates(low, word)
        if not kinds:
            continue
        if rests is None:
            rests = prefixed(words_of(form), matcher.infl)
        if not rests:
            continue  # (no word with a negative prefix: the concept's terms are not read)
        for term in allowed(concept):
            said = _said(rests, term, matcher, kinds, budget)
            if said is None:
                return found
            if said:
                found.add((entry, concept))
                break
    return found
