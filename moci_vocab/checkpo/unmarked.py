"""A catalog written without some letters of its language: Albanian without ë and ç.

Older Albanian catalogs were typed on keyboards without ë and ç (Debian's aMule
catalog: *kategorine*, *emer* for *kategorinë*, *emër*). Read as written, every
entry with a glossary term holding ë or ç is a missing term. ë and ç are letters,
not decorations: they are never folded away in general. A catalog file is read as
written without them only when its translations hold almost none (`SHARE` of their
letters), and then the tool says so once for the file (MV606), and in that file
only, the glossary's terms and the translations are matched with ë read as e and ç
as c (target side only; the messages still name the glossary's terms as written).

The threshold, from the held-out catalogs (202 Albanian files) and the committed
ones (12): aMule writes ë or ç in 0 of its 31,108 letters; the next, KGeography, in
1.16% (place names); every other in 3.2% or more (median 7.3%). Below 0.5% a file is
read as unmarked: aMule alone. A file needs `MIN_LETTERS` letters to tell (the
smallest of those files has 531, 8.3% of them ë or ç), and fewer than `MAX_MARKED`
marked letters in all (the fewest of any file but aMule: 33). Letters are counted in
NFC (a decomposed ë is an ë).
"""

from __future__ import annotations

from functools import cache
from itertools import chain
from typing import Any

from moci_vocab.checkpo.inflection import Inflection, for_language
from moci_vocab.textnorm import is_nfc, nfc

# Per language (its primary subtag): the letters it may be written without, and those
# written in their place, each case.
LETTERS: dict[str, tuple[str, str]] = {"sq": ("ëçËÇ", "ecEC")}
# A file whose translations hold fewer of those letters than this share of their letters,
# and fewer than MAX_MARKED in all (a file that writes them a few dozen times writes them,
# whatever else it holds: ASCII text, URLs or code would otherwise dilute the share), and
# at least MIN_LETTERS letters, is read as written without them.
SHARE = 0.005
MAX_MARKED = 20
MIN_LETTERS = 500


def _primary(lang: str) -> str:
    return lang.split("-", 1)[0]


def unmarked_letters(texts: list[list[str]], lang: str) -> str:
    """The letters a catalog's translations (``texts``: each entry's forms) are written
    without, or "" (the language has none to leave out, or the file writes them)."""
    letters = LETTERS.get(_primary(lang))
    if letters is None:
        return ""
    marked = letters[0]
    # Entry by entry until MAX_MARKED are seen: a file that writes them is told within its
    # first entries (10 µs for Firefox's 14,000), not by reading all of it (2.6 ms).
    count = 0
    for forms in texts:
        for text in forms:
            if text:
                text = text if is_nfc(text) else nfc(text)  # (ë may be e + U+0308)
                count += sum(map(text.count, marked))
        if count >= MAX_MARKED:
            return ""
    text = "".join(chain.from_iterable(texts))
    total = sum(map(str.isalpha, text))
    if total < MIN_LETTERS or count >= SHARE * total:
        return ""
    return marked


def folding(lang: str) -> dict[int, str]:
    """The `str.translate` table that writes ``lang``'s letters as the unmarked ones."""
    marked, plain = LETTERS[_primary(lang)]
    return {ord(a): b for a, b in zip(marked, plain, strict=True)}


def folded_texts(texts: list[list[str]], lang: str) -> list[list[str]]:
    """Each entry's translations with the marked letters written as the plain ones."""
    table = folding(lang)
    return [[folded(text, table) for text in forms] for forms in texts]


def folded(text: str, table: dict[int, str]) -> str:
    """The text in NFC (the matcher's form: a decomposed ë is an ë), its marked letters
    written as the plain ones (``table``: `folding`)."""
    return (text if is_nfc(text) else nfc(text)).translate(table)


@cache
def unmarked_inflection(lang: str) -> Inflection:
    """`for_language(lang)` with every marked letter in its data written as the plain one
    (endings, connecting words, irregular stems: Albanian -ës, -në, zë → -es, -ne, ze)."""
    table = folding(lang)
    infl = for_language(lang)
    return Inflection(**{name: _fold(getattr(infl, name), table) for name in infl._fields})


def _fold(value: Any, table: dict[int, str]) -> Any:
    """A field of `Inflection` with its strings folded (the same shape); a kind of value
    not known here (ka's `inflection.Endings`) is an error, not passed on unfolded."""
    if isinstance(value, str):
        return value.translate(table)
    if isinstance(value, frozenset):
        return frozenset(_fold(item, table) for item in value)
    if isinstance(value, tuple):
        return tuple(_fold(item, table) for item in value)
    if isinstance(value, dict):  # (irregular stems: two lemmas may fold into one)
        merged: dict = {}
        for key, items in value.items():
            merged[_fold(key, table)] = merged.get(_fold(key, table), ()) + _fold(items, table)
        return merged
    if value is None or isinstance(value, int):  # (bool too)
        return value
    raise TypeError(f"cannot fold a {type(value).__name__} of the language's data")


def notice(lang: str) -> str:
    """The message of MV606 for a file written without ``lang``'s marked letters."""
    marked, plain = LETTERS[_primary(lang)]
    pairs = ", ".join(f"{a} as {b}" for a, b in zip(marked, plain, strict=True) if a.islower())
    return (
        f"this file writes {lang} without {' and '.join(a for a in marked if a.islower())} "
        f"(fewer than {SHARE:.1%} of its letters): in it, glossary terms are matched "
        f"reading {pairs}"
    )
