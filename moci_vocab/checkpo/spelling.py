"""How a catalog file's spelling is read: one place for MV606.

A file may write its language in a spelling other than the glossary's. It is told per
file from its translations, said once for the file (MV606, with the spelling's own
message), and in that file only the glossary's terms and the translations are matched
folded to one key (target side only; the messages still name the terms as the glossary
writes them). Two spellings are known:

**Albanian without ë and ç.** Older Albanian catalogs were typed on keyboards without ë
and ç (Debian's aMule catalog: *kategorine*, *emer* for *kategorinë*, *emër*). ë and ç are
letters, not decorations: they are never folded away in general. A file is read without
them only when its translations hold almost none (`SHARE` of their letters), and then ë is
read as e and ç as c. The threshold, from the held-out catalogs (202 Albanian files) and
the committed ones (12): aMule writes ë or ç in 0 of its 31,108 letters; the next,
KGeography, in 1.16% (place names); every other in 3.2% or more (median 7.3%). Below 0.5% a
file is read as unmarked: aMule alone. A file needs `MIN_LETTERS` letters to tell (the
smallest of those files has 531, 8.3% of them ë or ç), and fewer than `MAX_MARKED` marked
letters in all (the fewest of any file but aMule: 33). Letters are counted in NFC (a
decomposed ë is an ë).

**Armenian in the classical (Mashtots) orthography** (`classical_hy`), as Western
Armenian, the diaspora and Iran's Armenians write it: հաշիւ, genitive հաշուի (reformed
հաշիվ, հաշվի). Both spellings are read by folding classical to reformed.
"""

from __future__ import annotations

from collections.abc import Callable
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


def respelled(texts: list[list[str]], lang: str) -> bool:
    """Whether a catalog's translations (``texts``: each entry's forms) write ``lang`` in
    the other spelling this module reads (MV606)."""
    if _primary(lang) == "hy":
        from moci_vocab.checkpo.classical_hy import is_classical

        return is_classical(texts)
    return bool(unmarked_letters(texts, lang))


def folder(lang: str) -> Callable[[str], str]:
    """The function that writes a text of ``lang`` (NFC) in the key both spellings share."""
    if _primary(lang) == "hy":
        from moci_vocab.checkpo.classical_hy import reformed

        return lambda text: reformed(text if is_nfc(text) else nfc(text))
    table = folding(lang)
    return lambda text: folded(text, table)


def folding(lang: str) -> dict[int, str]:
    """The `str.translate` table that writes ``lang``'s letters as the unmarked ones."""
    marked, plain = LETTERS[_primary(lang)]
    return {ord(a): b for a, b in zip(marked, plain, strict=True)}


def folded_texts(texts: list[list[str]], lang: str) -> list[list[str]]:
    """Each entry's translations written in the key both spellings share (`folder`)."""
    fold = folder(lang)
    return [[fold(text) if text else text for text in forms] for forms in texts]


def folded(text: str, table: dict[int, str]) -> str:
    """The text in NFC (the matcher's form: a decomposed ë is an ë), its marked letters
    written as the plain ones (``table``: `folding`)."""
    return (text if is_nfc(text) else nfc(text)).translate(table)


def respelled_inflection(lang: str) -> Inflection:
    """The language's data as matched in a file of the other spelling: Albanian's with ë
    and ç folded (`unmarked_inflection`); Armenian's as the reformed spelling (the key)
    writes it (`classical_hy.inflection`)."""
    if _primary(lang) == "hy":
        from moci_vocab.checkpo.classical_hy import inflection

        return inflection()
    return unmarked_inflection(lang)


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


def notice(lang: str, texts: list[list[str]], lines: Callable[[list[int]], dict[int, int]]) -> str:
    """The message of MV606 for a file written in ``lang``'s other spelling (``texts``: its
    translations as written; ``lines``: the lines of entries, `Catalog.lines`)."""
    if _primary(lang) == "hy":
        from moci_vocab.checkpo.classical_hy import notice as classical_notice

        return classical_notice(lang, texts, lines)
    marked, plain = LETTERS[_primary(lang)]
    pairs = ", ".join(f"{a} as {b}" for a, b in zip(marked, plain, strict=True) if a.islower())
    return (
        f"this file writes {lang} without {' and '.join(a for a in marked if a.islower())} "
        f"(fewer than {SHARE:.1%} of its letters): in it, glossary terms are matched "
        f"reading {pairs}"
    )
