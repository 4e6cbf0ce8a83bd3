"""Missing terms that the translation renders after all, in ways the word rules leave out.

Run on the missing terms only (a few hundred on a large catalog), after the check:

- **A literal kept as written.** The English word is part of a literal that the
  translation keeps letter for letter: a quoted word or piece of code (the ``'file'``
  scheme, the ``"Location"`` key, ``"repository resync %(name)s"``), a word in
  capitals (the FTP command ``PORT``, ``alsa://SOURCE``), or the operating system's name
  *Windows* (kept as written; a capitalised common noun kept in English, "Version", is
  English left in and still reported). The term is not demanded
  there. A quoted phrase of words is a label (``"Search for Files"``): kept in English,
  it is still reported, as is a translation that is the msgid copied (untranslated).
- **The first part of a closed compound** (`Inflection.first_parts`): Georgian
  აუდიოფაილი (audio file) holds the term აუდიო, as written, when the rest of the word
  (ფაილის) is itself a word, of four letters or more, that the catalog's translations
  use on their own. A term in the nominative -ი starts no compound (კანონიერი, legal, is
  no კანონი + ერი), nor does a stem (სახელწოდება, a title, on სახელ- of სახელი).
Not taken: a verbal noun on the term's stem (Georgian დაარქივება, archiving, for "add to
the archive"): the same shape makes nouns of their own (დასახელება, a title, on
სახელი, name), and translators use those as synonyms.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from moci_vocab.checkpo.inflection import Inflection
from moci_vocab.checkpo.target_match import tokens

# Proper names that are an English common noun's plural, kept as written by translators
# (the operating system: "Windows share", "Windows Network").
_NAMES = frozenset({"Windows"})
_QUOTES = ("'", '"', "\u2018", "\u201c", "\u201e", "\u00ab")
# A quoted stretch of a message (straight or typographic quotes, one line).
_QUOTED = re.compile(
    r"""(["'\u2018\u201c\u201e\u00ab])([^"'\u2019\u201d\u00bb\n]{1,80})["'\u2019\u201d\u00bb]"""
)
# A quoted literal: one word (a key, a scheme, a value), or text with a sign of code in it
# (a placeholder, a path, an option); a quoted phrase of words is a label, not a literal.
_LITERAL = re.compile(r"[\w.-]+")
_CODE_SIGN = re.compile(r"[%$={}<>/\\:_]|\B-")
# Shortest term that may start a compound, and shortest rest.
_MIN_PART, _MIN_REST = 4, 4


def kept_as_written(msgid: str, translation: str, word: str) -> bool:
    """Is every use of the English ``word`` (casefolded) in the msgid a literal that the
    translation keeps letter for letter: a quoted word or code, or a word in capitals?"""
    if translation == msgid or not word:
        return False
    if (
        word.upper() not in msgid
        and not any(quote in msgid for quote in _QUOTES)
        and not any(name in msgid for name in _NAMES)
    ):
        return False  # neither in capitals nor in quotes (the usual case: a quick test)
    found = list(_uses(msgid, word))
    if not found:
        return False
    literals = [
        (m.start(2), m.end(2), m.group(2))
        for m in _QUOTED.finditer(msgid)
        if _LITERAL.fullmatch(m.group(2)) or _CODE_SIGN.search(m.group(2))
    ]
    for start, end in found:
        if any(a <= start and end <= b and text in translation for a, b, text in literals):
            continue
        surface = msgid[start:end]
        if ((surface.isupper() and len(surface) > 1) or surface in _NAMES) and _has_word(
            translation, surface
        ):
            continue
        return False
    return True


def _has_word(text: str, word: str) -> bool:
    """Is the word in the text, as a whole word and in the same case?"""
    return re.search(r"(?<![^\W_])" + re.escape(word) + r"(?![^\W_])", text) is not None


def _uses(msgid: str, word: str) -> Iterable[tuple[int, int]]:
    """Where the word (or its English plural) stands in the msgid as a whole word."""
    pattern = re.compile(r"(?<![^\W_])" + re.escape(word) + r"(?:e?s)?(?![^\W_])", re.IGNORECASE)
    return (m.span() for m in pattern.finditer(msgid))


def compound_part(
    words: list[str], term: str, infl: Inflection, known: Callable[[str], bool]
) -> bool:
    """Does a word of the translation start with the term and go on with a word of its own?"""
    if infl.first_parts is None or " " in term or len(term) < _MIN_PART:
        return False
    if infl.first_parts and term.endswith(tuple(infl.first_parts)):
        return False  # a case ending, which a first part drops: no compound of the term
    for token in words:
        rest = token[len(term) :]
        if token.startswith(term) and len(rest) >= _MIN_REST and known(rest):
            return True
    return False


def rendered_misses(
    missing: list[tuple[int, int, str]],
    english: dict[int, str],
    terms: dict[int, list[str]],
    msgid_of: Callable[[int], str],
    infl: Inflection,
    vocabulary: Callable[[], set[str]],
) -> set[tuple[int, int]]:
    """(entry, concept) of the missing terms the translation renders after all.

    ``missing``: (entry, concept, the translation checked); ``english``: concept → its
    English word (one word, casefolded); ``terms``: concept → its allowed one-word
    target terms (casefolded; a term of several words starts no compound);
    ``vocabulary``: the words of the catalog's translations,
    made when first asked for.
    """
    found: set[tuple[int, int]] = set()
    words_known: set[str] | None = None

    def known(word: str) -> bool:
        nonlocal words_known
        if words_known is None:
            words_known = vocabulary()
        return word in words_known

    compounds = infl.first_parts is not None
    for entry, concept, text in missing:
        word = english.get(concept)
        # (a literal kept as written has the English word in the translation: a quick test)
        if word and word in text.casefold() and kept_as_written(msgid_of(entry), text, word):
            found.add((entry, concept))
            continue
        if compounds:
            words = tokens(text)
            if any(compound_part(words, term, infl, known) for term in terms.get(concept, ())):
                found.add((entry, concept))
    return found
