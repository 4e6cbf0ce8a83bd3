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
from collections.abc import Callable
from functools import cache

from moci_vocab.checkpo.inflection import Inflection
from moci_vocab.checkpo.target_match import TargetMatcher, TargetTerm, WordSpec, tokens

# The words that may stand between a negator and the word it negates: determiners and the
# adverbs of degree and time ("not a valid port", "no longer valid", "isn't yet valid").
_BETWEEN = (
    "a|an|the|any|be|been|yet|longer|more|currently|always|ever|very|really|fully|quite|"
    "all|so|too|entirely|completely|properly|same"
)


@cache
def _negated() -> re.Pattern[str]:
    """A negator and the word it negates (group 1), up to two words between (casefolded)."""
    negator = r"(?:not|no|never|without|non|nor|cannot|\w+n['’]t)"
    return re.compile(rf"\b{negator}[\s-]+(?:(?:{_BETWEEN})\s+){{0,2}}([a-z]+)")


def negated_words(msgid: str) -> frozenset[str]:
    """The English words a negator governs in a message (casefolded)."""
    return frozenset(_negated().findall(msgid.casefold()))


def negates(words: frozenset[str], word: str) -> bool:
    """Does the set of negated words hold the English word, or its plural or past form?"""
    return any(word + ending in words for ending in ("", "s", "es", "d", "ed"))


def said_negated(toks: list[str], term: TargetTerm, matcher: TargetMatcher) -> bool:
    """Does a word of the translation (``toks``: casefolded) say the term's one content
    word with a negative prefix of the language (and the ending after the stem that the
    prefix asks for: ka უ-…-ო), followed by one of the language's endings?"""
    return _said(prefixed(toks, matcher.infl), term, matcher, [_TRIES]) is True


def prefixed(toks: list[str], infl: Inflection) -> dict[str, list[tuple[str, str]]]:
    """The rest of each word after a negative prefix of the language, with the ending that
    prefix asks for after the stem, by the rest's first two letters (made once per
    translation: each missing concept reads only the rests that may start its stems)."""
    found: dict[str, list[tuple[str, str]]] = {}
    for token in dict.fromkeys(toks):  # (each word once, in the text's order)
        for prefix, after in infl.negative:
            if token.startswith(prefix) and len(token) - len(prefix) >= 3:
                rest = token[len(prefix) :]
                found.setdefault(rest[:2], []).append((rest, after))
    return found


def _said(
    rests: dict[str, list[tuple[str, str]]],
    term: TargetTerm,
    matcher: TargetMatcher,
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
        for rest, after in rests.get(start, ()):
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
    negated: frozenset[str] = frozenset()
    rests: dict[str, list[tuple[str, str]]] | None = None
    budget = [_TRIES]
    for entry, concept, text in missing:
        if entry != last_entry:  # (an entry's msgid read once, whatever its missing terms)
            last_entry = entry
            negated = negated_words(msgid_of(entry))
        if text is not last_text:  # (a translation's words read once, for all its terms)
            last_text, rests = text, None
        word = english.get(concept)
        if not negated or not word or not negates(negated, word):
            continue
        if rests is None:
            rests = prefixed(tokens(text), matcher.infl)
        for term in allowed(concept):
            said = _said(rests, term, matcher, budget)
            if said is None:
                return found
            if said:
                found.add((entry, concept))
                break
    return found
