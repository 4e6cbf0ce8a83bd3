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

from collections.abc import Callable, Iterator

from moci_vocab.checkpo.inflection import Inflection
from moci_vocab.checkpo.target_match import tokens

# Proper names that are an English common noun's plural, kept as written by translators
# (the operating system: "Windows share", "Windows Network").
_NAMES = frozenset({"Windows"})
_QUOTES = ("'", '"', "\u2018", "\u201c", "\u201e", "\u00ab")
# Where a quote opened by one of _QUOTES may end (the same quote, or its typographic pair).
_CLOSING = {"'": "'\u2019", '"': '"\u201d', "\u2018": "\u2019'", "\u201c": '\u201d"'}
_CLOSING |= {"\u201e": '\u201c\u201d"', "\u00ab": "\u00bb"}
# A sign of code in a quoted literal: a placeholder, a path, an option, an assignment.
_CODE_SIGNS = frozenset("%$={}<>/\\:_")
# (No regular expression here: this runs on every check, and compiling one costs more
# than the few tests it would make.)
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
    for start, end in found:
        literal = _quoted(msgid, start, end)
        if literal is not None and literal in translation:
            continue
        surface = msgid[start:end]
        if ((surface.isupper() and len(surface) > 1) or surface in _NAMES) and _has_word(
            translation, surface
        ):
            continue
        return False
    return True


def _quoted(msgid: str, start: int, end: int) -> str | None:
    """The quoted literal (one word, or text with a sign of code) around msgid[start:end],
    or None: a quoted phrase of words is a label, not a literal."""
    line_start = msgid.rfind("\n", 0, start) + 1
    for at in range(start - 1, max(line_start, start - 80) - 1, -1):
        quote = msgid[at]
        if quote not in _CLOSING:
            continue
        close = next((i for i in range(end, len(msgid)) if msgid[i] in _CLOSING[quote]), -1)
        if close < 0 or "\n" in msgid[end:close]:
            return None
        text = msgid[at + 1 : close]
        one_word = all(ch.isalnum() or ch in "_.-" for ch in text)
        return text if text and (one_word or not _CODE_SIGNS.isdisjoint(text)) else None
    return None


def _word_at(text: str, start: int, end: int) -> bool:
    """Is text[start:end] a whole word (no letter or digit on either side)?"""
    return (start == 0 or not text[start - 1].isalnum()) and (
        end == len(text) or not text[end].isalnum()
    )


def _has_word(text: str, word: str) -> bool:
    """Is the word in the text, as a whole word and in the same case?"""
    at = text.find(word)
    while at >= 0:
        if _word_at(text, at, at + len(word)):
            return True
        at = text.find(word, at + 1)
    return False


def _uses(msgid: str, word: str) -> Iterator[tuple[int, int]]:
    """Where the word (or its English plural) stands in the msgid as a whole word."""
    low = msgid.casefold()
    if len(low) != len(msgid):  # casefolding moved letters (ß → ss): no positions to trust
        return
    at = low.find(word)
    while at >= 0:
        end = at + len(word)
        for tail in ("", "s", "es"):
            if low.startswith(tail, end) and _word_at(low, at, end + len(tail)):
                yield at, end + len(tail)
                break
        at = low.find(word, at + 1)


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
