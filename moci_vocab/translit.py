"""Latin transliteration of Georgian, Armenian, Cyrillic and Greek, for cross-script search.

``search`` compares a Latin-script query with every term, so each term gets a few ASCII search
keys (:func:`latin_keys`): ``sherigeba`` finds შერიგება, ``hashtetsum`` finds հաշտեցում,
``pomirenje`` finds помирење.  :func:`to_latin` is the underlying readable transliteration.

Schemes:

* Georgian: the national system of 2002 (also used by BGN/PCGN since 2009): ejectives carry an
  apostrophe (კ k', პ p', ტ t', წ ts', ჭ ch', ყ q'), aspirates none (ქ k, ფ p, თ t, ც ts, ჩ ch).
* Armenian: BGN/PCGN-like (Eastern Armenian): ու u, և ev, ց/ծ ts, ձ dz, ջ j, ճ/չ ch, շ sh,
  ժ zh, խ kh, ղ gh, ը y; ե is ye and ո is vo at the start of a word.
* Cyrillic: one pragmatic ASCII scheme for Serbian, Macedonian, Bulgarian, Russian, Ukrainian and
  Belarusian (ш sh, ж zh, ч ch, ћ c, ђ dj, џ dz, љ lj, њ nj, ѓ gj, ќ kj, ј j, щ shch, ю yu,
  я ya, ь and ъ dropped).  ц is ``c``: that is how Serbian, Macedonian, Montenegrin and Bosnian
  write it in Latin script, the languages this network mostly searches; the Russian-style ``ts``
  (and ``kh`` for х) is offered as an extra search key instead.
* Greek: a basic ELOT 743-like scheme without accents (θ th, χ ch, ψ ps, ου ou, αυ av, ευ ev,
  γγ ng).

Characters of other scripts are kept unchanged.  Tables are parsed lazily on first use.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache, partial

from moci_vocab.textnorm import CharTable

__all__ = ["latin_keys", "to_latin"]

# --- data ------------------------------------------------------------------------------------

_GEORGIAN = (
    "ა:a ბ:b გ:g დ:d ე:e ვ:v ზ:z თ:t ი:i კ:k' ლ:l მ:m ნ:n ო:o პ:p' ჟ:zh რ:r ს:s ტ:t' უ:u ფ:p ქ:k"
    " ღ:gh ყ:q' შ:sh ჩ:ch ც:ts ძ:dz წ:ts' ჭ:ch' ხ:kh ჯ:j ჰ:h"
    # archaic and extension letters
    " ჱ:e ჲ:y ჳ:w ჴ:q ჵ:o ჶ:f ჷ:y ჸ: ჹ:g ჺ: ჼ:n ჽ: ჾ: ჿ:"
)

_ARMENIAN = (
    "ա:a բ:b գ:g դ:d ե:e զ:z է:e ը:y թ:t ժ:zh ի:i լ:l խ:kh ծ:ts կ:k հ:h ձ:dz ղ:gh ճ:ch մ:m յ:y"
    " ն:n շ:sh ո:o չ:ch պ:p ջ:j ռ:r ս:s վ:v տ:t ր:r ց:ts ւ:v փ:p ք:k օ:o ֆ:f և:ev ՠ:a ֈ:r"
)

# The default Cyrillic scheme (see the module docstring).
_CYRILLIC = (
    "а:a б:b в:v г:g ґ:g д:d ђ:dj ѓ:gj е:e ё:yo є:ye ж:zh з:z ѕ:dz и:i і:i ї:yi й:y ј:j к:k"
    " ќ:kj л:l љ:lj м:m н:n њ:nj о:o п:p р:r с:s т:t ћ:c у:u ў:u ф:f х:h ц:c ч:ch џ:dz ш:sh"
    " щ:shch ъ: ы:y ь: э:e ю:yu я:ya"
)
# South Slavic Latin spelling (Serbian/Croatian Latin, Macedonian Latin), whose diacritics are
# then stripped: "čaj" typed as "caj", "đak" as "dak", "ǵavol" as "gavol".
_CYRILLIC_SOUTH = (
    "ђ:đ ѓ:ǵ ё:jo є:je ж:ž ї:ji й:j ќ:ḱ ћ:ć ч:č џ:dž ш:š щ:šč ю:ju я:ja"
)  # fmt: skip
# Russian/Ukrainian passport style: ц ts, х kh.
_CYRILLIC_EAST = "х:kh ц:ts"
_EAST_LETTERS = re.compile("[цхЦХ]")  # texts with these get an "east" key

_GREEK = (
    "α:a β:v γ:g δ:d ε:e ζ:z η:i θ:th ι:i κ:k λ:l μ:m ν:n ξ:x ο:o π:p ρ:r σ:s ς:s τ:t υ:y φ:f"
    " χ:ch ψ:ps ω:o ϝ:w ϛ:st ͱ:h ϻ:s ϸ:sh ϡ:ss ϙ:q ϟ:q ϳ:j"
)
# Greek pairs read as one sound (unless the second letter has a diaeresis).
_GREEK_PAIRS = {
    "ου": "ou",
    "αυ": "av",
    "ευ": "ev",
    "ηυ": "iv",
    "γγ": "ng",
    "γξ": "nx",
    "γχ": "nch",
}

# Latin letters without a decomposition, for ASCII keys.
_LATIN_FOLD = (
    "ß:ss æ:ae œ:oe ø:o đ:dj ð:d ł:l ı:i ə:e þ:th ħ:h ŋ:ng ĸ:k ſ:s ǝ:e ɛ:e ƒ:f ɨ:i ʉ:u ȿ:s ɀ:z"
    " ƀ:b ƈ:c ɗ:d ƒ:f ɠ:g ƙ:k ƚ:l ɲ:n ɵ:o ƥ:p ʠ:q ɍ:r ƫ:t ƭ:t ʋ:v ƴ:y ƶ:z ʒ:z ȥ:z"
)

# Letter names (from Unicode character names) for letters no table covers.
_NAMED = (
    "A:a BE:b VE:v GHE:g DE:d IE:e E:e ZHE:zh ZE:z I:i KA:k EL:l EM:m EN:n O:o PE:p ER:r ES:s"
    " TE:t U:u EF:f HA:h TSE:c CHE:ch SHA:sh SHCHA:shch YERU:y YU:yu YA:ya SCHWA:e SHHA:sh"
    " DZE:dz DZHE:dz JE:j LJE:lj NJE:nj TSHE:c DJE:dj GJE:gj KJE:kj YI:yi YAT:e FITA:f"
    " IZHITSA:i KSI:ks PSI:ps OMEGA:o YUS:u IOTA:i DZELO:dz ZEMLYA:z KOPPA:q YN:n DWE:d DZWE:dz"
    " ZHWE:zh CCHE:ch DZZE:dz TWE:t TSWE:c TSSE:c TCHE:ch HWE:h SHWE:sh ALEF:a"
    " ALPHA:a BETA:b GAMMA:g DELTA:d EPSILON:e ZETA:z ETA:i THETA:th LAMDA:l MU:m NU:n XI:x"
    " OMICRON:o PI:p RHO:r SIGMA:s TAU:t UPSILON:y PHI:f CHI:ch DIGAMMA:w STIGMA:st HETA:h"
    " SAN:s SHO:sh SAMPI:ss EZH:z ESH:sh LAMBDA:l ENG:ng ETH:d THORN:th YOGH:gh WYNN:w AIN:"
)

# Punctuation folded for ASCII keys; apostrophes (which also mark Georgian ejectives) vanish.
_PUNCT_FOLD = {
    **dict.fromkeys("'‘’‚‛′ʼʻʽ՚", ""),
    **dict.fromkeys("“”„‟«»″", '"'),
    **dict.fromkeys("‐‑‒–—―−֊", "-"),
    "։": ".",
    "՝": ",",
    **dict.fromkeys("՛՜՞՟჻·", ""),
}

# Code point ranges of the scripts handled here (letters and marks there always fold to ASCII).
_HANDLED = (
    (0x0000, 0x036F),  # Basic Latin .. IPA, spacing modifiers, combining diacritics
    (0x0370, 0x03FF),  # Greek and Coptic
    (0x0400, 0x052F),  # Cyrillic, Cyrillic Supplement
    (0x0530, 0x058F),  # Armenian
    (0x10A0, 0x10FF),  # Georgian
    (0x1AB0, 0x1AFF),  # Combining Diacritical Marks Extended
    (0x1C80, 0x1CBF),  # Cyrillic Extended-C, Georgian Extended (Mtavruli)
    (0x1D00, 0x1DFF),  # Phonetic extensions, combining supplement
    (0x1E00, 0x1FFF),  # Latin Extended Additional, Greek Extended
    (0x2C60, 0x2C7F),  # Latin Extended-C
    (0x2D00, 0x2D2F),  # Georgian Supplement (Nuskhuri)
    (0x2DE0, 0x2DFF),  # Cyrillic Extended-A
    (0xA640, 0xA69F),  # Cyrillic Extended-B
    (0xA720, 0xA7FF),  # Latin Extended-D
    (0xAB30, 0xAB6F),  # Latin Extended-E
    (0xFB00, 0xFB17),  # Latin and Armenian ligatures
)


def _parse(table: str) -> dict[str, str]:
    return dict(item.split(":", 1) for item in table.split())


@cache
def _tables(scheme: str) -> dict[str, str]:
    """Lowercase letter -> Latin, for one scheme: "default", "south" or "east"."""
    table = _parse(_GEORGIAN) | _parse(_ARMENIAN) | _parse(_CYRILLIC) | _parse(_GREEK)
    if scheme == "south":
        table |= _parse(_CYRILLIC_SOUTH)
    elif scheme == "east":
        table |= _parse(_CYRILLIC_EAST)
    return table


@cache
def _named() -> dict[str, str]:
    return _parse(_NAMED)


@cache
def _latin_fold() -> dict[str, str]:
    return _parse(_LATIN_FOLD)


def _handled(ch: str) -> bool:
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _HANDLED)


def _is_other_script(ch: str) -> bool:
    """Georgian, Armenian, Cyrillic or Greek (the scripts transliterated here)."""
    cp = ord(ch)
    return (
        0x0370 <= cp <= 0x058F  # Greek, Cyrillic, Armenian
        or 0x10A0 <= cp <= 0x10FF  # Georgian
        or 0x1C80 <= cp <= 0x1CBF  # Cyrillic Extended-C, Mtavruli
        or 0x1F00 <= cp <= 0x1FFF  # Greek Extended
        or 0x2D00 <= cp <= 0x2D2F  # Nuskhuri
        or 0x2DE0 <= cp <= 0x2DFF  # Cyrillic Extended-A
        or 0xA640 <= cp <= 0xA69F  # Cyrillic Extended-B
        or 0xFB13 <= cp <= 0xFB17  # Armenian ligatures
    )


def _is_armenian(ch: str) -> bool:
    return 0x0530 <= ord(ch) <= 0x058F


def _is_greek(ch: str) -> bool:
    cp = ord(ch)
    return 0x0370 <= cp <= 0x03FF or 0x1F00 <= cp <= 0x1FFF


# --- one letter ------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _letter(ch: str, scheme: str) -> str | None:
    """Latin for one lowercase letter of a handled non-Latin script, or None to keep it."""
    table = _tables(scheme)
    if ch in table:
        return table[ch]
    cp = ord(ch)
    if 0x10A0 <= cp <= 0x10CF or 0x2D00 <= cp <= 0x2D2F:
        # Asomtavruli/Nuskhuri: same letter names as Mkhedruli ("GEORGIAN SMALL LETTER AN").
        name = unicodedata.name(ch, "").replace("SMALL ", "").replace("CAPITAL ", "")
        try:
            return _letter(unicodedata.lookup(name), scheme)
        except KeyError:
            return ""
    if not _is_other_script(ch):
        return None  # Latin and everything else stays as it is
    decomposed = unicodedata.normalize("NFKD", ch)
    if decomposed != ch:  # ѐ, ӣ, ά, ﬓ: as their base letters, marks dropped
        bases = [c for c in decomposed if not unicodedata.combining(c)]
        return "".join((_letter(c, scheme) or "") if _is_other_script(c) else c for c in bases)
    if unicodedata.category(ch)[0] != "L":
        return None
    return _by_name(ch)


def _by_name(ch: str) -> str:
    """Guess a letter's Latin from its Unicode name: "CYRILLIC SMALL LETTER EN WITH HOOK" -> n."""
    name = unicodedata.name(ch, "")
    if "LETTER " not in name:
        return ""
    words = name.split("LETTER ", 1)[1].split(" WITH ")[0].split()
    named = _named()
    for word in reversed(words):
        if word in named:
            return named[word]
        if len(word) <= 2 and word.isascii() and word.isalpha():
            return word.lower()
    return ""


def _with_case(piece: str, text: str, i: int, step: int) -> str:
    """Apply the case of text[i] to a transliteration: Ш -> Sh, but ШАР -> SHAR."""
    if len(piece) < 2:
        return piece.upper()
    after = text[i + step] if i + step < len(text) else ""
    before = text[i - 1] if i > 0 else ""
    all_caps = (after.isalpha() and after.isupper()) or (
        before.isalpha() and before.isupper() and not after.isalpha()
    )
    return piece.upper() if all_caps else piece[0].upper() + piece[1:]


# --- context rules ---------------------------------------------------------------------------


def _word_start(text: str, i: int) -> bool:
    return i == 0 or not text[i - 1].isalpha()


def _armenian(text: str, i: int, lower: str, scheme: str) -> tuple[str | None, int]:
    """Armenian digraph ու, and word-initial ե -> ye, ո -> vo (BGN/PCGN)."""
    nxt = text[i + 1].lower() if i + 1 < len(text) else ""
    if lower == "ո" and nxt == "ւ":
        return "u", 2
    if scheme != "south" and _word_start(text, i):  # the "south" keys omit the y/v glides
        if lower == "ե":
            return "ye", 1
        if lower == "ո":
            return "vo", 1
    return _letter(lower, scheme), 1


def _greek_base(ch: str) -> tuple[str, bool]:
    """Base letter (lowercase, accents removed) and whether it carries a diaeresis."""
    decomposed = unicodedata.normalize("NFD", ch.lower())
    return decomposed[0], "\u0308" in decomposed


def _greek(text: str, i: int, scheme: str) -> tuple[str | None, int]:
    first, _ = _greek_base(text[i])
    if i + 1 < len(text) and _is_greek(text[i + 1]):
        second, diaeresis = _greek_base(text[i + 1])
        pair = _GREEK_PAIRS.get(first + second)
        if pair and not diaeresis:
            return pair, 2
    return _letter(first, scheme), 1


# --- fast path -------------------------------------------------------------------------------
#
# Building the search keys of a glossary transliterates every term three times; a Python loop
# per character took most of an uncached search.  Most letters need no context (a lowercase
# Georgian, Cyrillic or Armenian letter always gives the same Latin), so one ``str.translate``
# per text does them at C speed.  What does need context is left to the loop of
# ``_transliterate_letters``: uppercase letters (Ш -> Sh or SH after its neighbours) and Greek
# (pairs, accents).  Armenian ու and word-initial ե/ո are replaced first, deciding from the
# text exactly as ``_armenian`` does.  Folding to ASCII and casefolding are per character too,
# so a key table does transliteration, ``_fold`` and casefold in one pass.


class _NeedsContext(Exception):
    """A character whose Latin depends on its neighbours: use the general loop."""


def _key_letter(scheme: str, as_key: bool, ch: str) -> str:
    """One character's Latin in ``scheme``; with ``as_key``, its part of a search key
    (``_key``): folded to ASCII ("south" folding for the "south" scheme) and casefolded."""
    latin = ch
    if not ch.isascii():
        lower = ch.lower()
        if (len(lower) == 1 and lower != ch) or _is_greek(ch):
            raise _NeedsContext
        piece = _letter(ch, scheme)
        if piece is not None:
            latin = piece
    if as_key:
        latin = _fold(latin, scheme == "south").casefold()
    return latin


@cache
def _letter_table(scheme: str, as_key: bool) -> CharTable:
    return CharTable(partial(_key_letter, scheme, as_key))


# Word-initial ե/ո candidates: any not right after a lowercase Armenian letter (which is always
# a letter, so the ե/ո after it never starts a word); ``_armenian_glide`` decides the rest.
_ARMENIAN_INITIAL = re.compile("(?<![\u0561-\u0587])[եո]")


def _armenian_glide(match: re.Match[str]) -> str:
    """``_armenian``'s word-initial ե -> ye, ո -> vo for one match of ``_ARMENIAN_INITIAL``."""
    found = match.group()
    if _word_start(match.string, match.start()):
        return "ye" if found == "ե" else "vo"
    return found  # inside a word: the table's plain e or o


def _fast_letters(text: str, scheme: str, as_key: bool) -> str:
    """The fast path; raises ``_NeedsContext`` for text it cannot do.

    Armenian ու is u wherever it stands (``_armenian`` looks for it first), and replacing it
    keeps a letter before the next character, so word starts are unchanged.
    """
    if "ո" in text:
        text = text.replace("ու", "u")
    if scheme != "south" and ("ե" in text or "ո" in text):  # "south" keys omit the glides
        text = _ARMENIAN_INITIAL.sub(_armenian_glide, text)
    return text.translate(_letter_table(scheme, as_key))


def _transliterate(text: str, scheme: str) -> str:
    if text.isascii():
        return text
    try:
        return _fast_letters(text, scheme, as_key=False)
    except _NeedsContext:
        return _transliterate_letters(text, scheme)


def _scheme_key(nfc: str, scheme: str) -> str:
    """``_key(_transliterate(nfc, scheme), south=scheme == "south")``, in one pass if it can."""
    try:
        return " ".join(_fast_letters(nfc, scheme, as_key=True).split())
    except _NeedsContext:
        return _key(_transliterate_letters(nfc, scheme), south=scheme == "south")


def _transliterate_letters(text: str, scheme: str) -> str:
    """Letter by letter, with every context rule (the reference the fast path agrees with)."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isascii():
            out.append(ch)
            i += 1
            continue
        lower = ch.lower() if len(ch.lower()) == 1 else ch
        if _is_armenian(ch):
            piece, step = _armenian(text, i, lower, scheme)
        elif _is_greek(ch):
            piece, step = _greek(text, i, scheme)
        else:
            piece, step = _letter(lower, scheme), 1
        if piece is None:
            out.append(text[i : i + step])
        elif lower != ch and piece:
            out.append(_with_case(piece, text, i, step))
        else:
            out.append(piece)
        i += step
    return "".join(out)


@lru_cache(maxsize=4096)
def _fold_char(ch: str, south: bool) -> str:
    """ASCII for one character of transliterated text (non-handled scripts are kept)."""
    if ch.isascii():
        return "" if ch == "'" else ch
    if ch in _PUNCT_FOLD:
        return _PUNCT_FOLD[ch]
    lower = ch.lower()
    fold = _latin_fold()
    if lower in fold:
        latin = "d" if south and lower == "đ" else fold[lower]
        return latin if lower == ch else latin.capitalize()
    decomposed = unicodedata.normalize("NFKD", ch)
    if decomposed != ch:
        return "".join(_fold_char(c, south) for c in decomposed)
    if unicodedata.combining(ch) or unicodedata.category(ch)[0] == "M":
        return ""
    if _handled(ch):
        if unicodedata.category(ch)[0] == "L":
            latin = _by_name(ch)
            return latin if lower == ch else latin.capitalize()
        return ch if unicodedata.category(ch)[0] in "PSZN" and not ch.isalpha() else ""
    return ch


@cache
def _fold_table(south: bool) -> CharTable:
    return CharTable(partial(_fold_char, south=south))


def _fold(text: str, south: bool = False) -> str:
    if text.isascii():  # what _fold_char does to ASCII (most transliterations are)
        return text.replace("'", "")
    return text.translate(_fold_table(south))


# --- public API ------------------------------------------------------------------------------


def to_latin(text: str, ascii: bool = False) -> str:
    """Transliterate Georgian, Armenian, Cyrillic and Greek letters in ``text`` to Latin.

    Works per character and script, so mixed text is fine; other characters (Latin included)
    are kept.  Case is kept loosely (``Шар`` -> ``Shar``, ``ШАР`` -> ``SHAR``; Georgian
    Mkhedruli comes out lowercase, all-caps Mtavruli uppercase).  With ``ascii=True`` the
    result is plain ASCII for all letters of these scripts and of Latin: diacritics and
    apostrophes (including the Georgian ejective marks) are dropped, ``ß`` -> ``ss``,
    ``đ`` -> ``dj``, ``ə`` -> ``e``; punctuation is simplified (``«»`` -> ``"``, ``—`` -> ``-``).

    >>> to_latin("შერიგება"), to_latin("წყალი"), to_latin("წყალი", ascii=True)
    ('sherigeba', "ts'q'ali", 'tsqali')
    >>> to_latin("Երևան"), to_latin("помирење")
    ('Yerevan', 'pomirenje')
    """
    nfc = unicodedata.normalize("NFC", text)
    latin = nfc if nfc.isascii() else _transliterate(nfc, "default")
    return _fold(latin) if ascii else latin


def latin_keys(text: str) -> tuple[str, ...]:
    """Return 1-3 ASCII, casefolded search keys for ``text`` (distinct, most common first).

    The first key is ``to_latin(text, ascii=True)``.  Further keys cover other ways people
    type the same word in Latin letters: Cyrillic as Serbian/Macedonian Latin with the
    diacritics stripped (``чај`` -> ``chaj`` and ``caj``; ``ђак`` -> ``djak`` and ``dak``),
    Russian-style ``ts``/``kh`` for ц/х, Armenian without the word-initial ``y``/``v``
    (``Երևան`` -> ``yerevan`` and ``erevan``), Latin ``đ`` as ``dj`` and ``d``.  Whitespace
    is collapsed.
    """
    nfc = unicodedata.normalize("NFC", text)
    if nfc.isascii():
        return (_key(nfc),)
    keys = [_scheme_key(nfc, "default"), _scheme_key(nfc, "south")]
    if _EAST_LETTERS.search(nfc):
        keys.append(_scheme_key(nfc, "east"))
    return tuple(dict.fromkeys(keys))


def _key(latin: str, south: bool = False) -> str:
    return " ".join(_fold(latin, south).casefold().split())
