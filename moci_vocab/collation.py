"""Alphabetical order per language, encoded as data.

No wheel-only library gives CLDR *tailored* collation (ICU is not a runtime dependency), so each
language's alphabet is written down here as data and turned into a small multi-level collator
that follows the CLDR rules closely enough for glossary lists and printed indexes:

* three levels, as in the Unicode Collation Algorithm (UCA): primary = letters (base letters,
  multigraphs such as Albanian ``dh`` or Croatian ``lj`` as single letters), secondary = accents,
  tertiary = case (lowercase first, CLDR's default) and compatibility variants;
* CLDR "standard" collation with non-ignorable variable weighting: whitespace < punctuation <
  symbols < currency signs < digits < letters, so ``"a b" < "a-b" < "ab"``;
* CLDR script reordering: the language's own script comes first (``[reorder Cyrl]`` for ru,
  ``[reorder Geor]`` for ka, ...), the other scripts follow in the root (DUCET) order.

The tailorings mirror ICU 78 / CLDR 48 collation rules, e.g. sq
``&[before 1]D<ç &[before 1]E<dh ...``, hr ``&C<č<ć &D<dž<đ &L<lj &N<nj &S<š &Z<ž``,
hy ``&եվ<<<և``, az ``&[before 1]i<ı &K<q &E<ə &H<x &Z<w``, mk ``&ԃ<ѓ &ћ<ќ``.

Public API: :func:`sort_key`, :func:`sorted_by`, :func:`index_letter`, :func:`alphabet`.
Tables are built lazily, once per language, on first use; importing the module is cheap.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

__all__ = ["alphabet", "index_letter", "sort_key", "sorted_by"]

T = TypeVar("T")

# ---------------------------------------------------------------------------------------------
# Data: root (DUCET / CLDR root) order of the base letters of the scripts we tailor.
# Letters that CLDR root treats as accented variants (đ, ł, ø, ё, ѓ, ...) are not listed: they
# sort as their base letter plus a secondary difference.
# ---------------------------------------------------------------------------------------------

_BASE: dict[str, str] = {
    # ʻ ʽ ʼ ʾ ʿ are modifier letters that DUCET files among the Latin letters (ʼ is the Ukrainian
    # apostrophe letter U+02BC).
    "LATIN": "a b c d e ǝ ə ɛ f ƒ g h ʻ ʽ i ı j k l m n ŋ o p q ĸ r s t u v w x y z þ ʼ ʾ ʿ",
    "GREEK": "α β γ δ ε ζ η θ ι κ λ μ ν ξ ο π ρ σ τ υ φ χ ψ ω",
    "CYRILLIC": (
        "а ә ӕ б в г ғ ҕ д ԁ ђ ԃ е є ж з ѕ ӡ и і й ј к л љ м н њ о п р с т ћ у ф х ц ч џ ш щ"
        " ъ ы ь э ю я"
    ),
    "GEORGIAN": (
        "ა ბ გ დ ე ვ ზ ჱ თ ი კ ლ მ ნ ჲ ო პ ჟ რ ს ტ ჳ უ ფ ქ ღ ყ შ ჩ ც ძ წ ჭ ხ ჴ ჯ ჰ ჵ ჶ ჷ ჸ ჹ ჺ ჽ"
        " ჾ ჿ"
    ),
    "ARMENIAN": "ա բ գ դ ե զ է ը թ ժ ի լ խ ծ կ հ ձ ղ ճ մ յ ն շ ո չ պ ջ ռ ս վ տ ր ց ւ փ ք օ ֆ",
}

# Root script order (DUCET); scripts not listed sort after these, by code point.
_SCRIPT_ORDER: tuple[str, ...] = (
    "LATIN", "GREEK", "COPTIC", "CYRILLIC", "GLAGOLITIC", "GEORGIAN", "ARMENIAN", "HEBREW",
    "ARABIC", "SYRIAC", "THAANA", "NKO", "ETHIOPIC", "DEVANAGARI", "BENGALI", "GURMUKHI",
    "GUJARATI", "ORIYA", "TAMIL", "TELUGU", "KANNADA", "MALAYALAM", "SINHALA", "THAI", "LAO",
    "TIBETAN", "MYANMAR", "KHMER", "MONGOLIAN", "CHEROKEE", "CANADIAN", "HANGUL", "HIRAGANA",
    "KATAKANA", "BOPOMOFO", "YI", "CJK",
)  # fmt: skip

# Root letters that are an accented variant of another letter (secondary difference only).
# The combining mark stands in for the variant's secondary weight (CLDR root: d < đ < ð,
# o < ö < ø, г < ѓ < ґ).
_VARIANTS: dict[str, str] = {
    "đ": "d\u0335",
    "ð": "d\u0335\u0335",
    "ħ": "h\u0335",
    "ł": "l\u0335",
    "ø": "o\u0338",
    "ґ": "г\u0335",
}

# CLDR root order of common punctuation and symbols.  Characters written together share a
# primary weight and differ at the secondary level (' < ‘ < ’).
_PUNCT = (
    "_ -‐ ‒ – — ― , ; ⁏ : ! ¡ ? ¿ ‽ . … · '‘’‚‛ ‹ › \"“”„‟ « » ( ) [ ] { } ⁅ ⁆ 「 」 ‖ § ¶ ⁋ @ *"
    " ⁎ / \\ & ⁊ # % ‰ ‱ † ‡ • ‣ ‧ ⁃ ′ ″ ‵ ‸ ※ ‿ ⁀ ⁁ ⁂ ` ^ ° © ® + ± ÷ × < = > ¬ | ¦ ~ − ⁄"
    " ¤ ¢ $ £ ¥ ₠ ₡ ₢ ₣ ₤ ₥ ₦ ₩ ₪ ₫ € ₭ ₮ ₯ ₰ ₱ ₲ ₳ ₴ ₵ ₶ ₷ ₸ ₹ ₺ ₻ ₼ ₽ ₾ ₿ ₧"
)

# CLDR root secondary order of combining marks (acute < grave < breve < circumflex < caron ...).
_MARKS = (
    "0332 0313 0343 0314 0301 0341 0300 0340 0306 0302 030C 030A 0342 0308 0344 030B 0303"
    " 0307 0338 0327 0328 0304 030D 030E 0312 0315 031A 033D 033E 033F 0346 034A 034B 034C 0350"
    " 0351 0352 0357 035B 035D 035E 1DC4 0316 0317 0318 0319 031C 031D 031E 031F 0320 0329 032A"
    " 032B 032C 032F 0333 033A 033B 033C 0347 0348 0349 034D 034E 0353 0354 0355 0356 0359 035A"
    " 035C 035F 0362 0336 0337 0335 0305 0309 030F 0310 0311 031B 0321 0322 0323 0324 0325 0326"
    " 032D 032E 0330 0331 0334 0339 0345 0358 0360 0361"
)

# ---------------------------------------------------------------------------------------------
# Data: per-language tailorings.
#
# ``letters``: the language's alphabet in order, lowercase, multigraphs included.  A letter
#   written ``+x`` is glued to the previous one (CLDR ``&prev<x``): root letters missing from
#   the alphabet that follow ``prev`` in root order come after ``x``.  Without ``+`` a tailored
#   letter sits just before the next one (CLDR ``&[before 1]next<x``).  ``(x)`` is a letter
#   that CLDR places here although it is not part of the national alphabet (az ``w``).
#   Root letters of the same script that the alphabet lacks (w in Albanian, і in Russian) are
#   merged in at their root position.
# ``reorder``: scripts moved to the front (CLDR ``[reorder ...]``).
# ``suppress``: root letters that are no letters here (CLDR ``[suppressContractions [Ии]]``
#   makes Serbian/Macedonian й an и with a breve).
# ``alias``: characters equal to a letter (ro ş = ș).  ``case``: non-default lowercasing
#   (Turkish dotted/dotless i).  ``expand``: one character sorting as a letter sequence.
# ---------------------------------------------------------------------------------------------

_HR = "a b c +č +ć d +dž +đ e f g h i j k l +lj m n +nj o p r s +š t u v z +ž"
_SR_CYRL = "а б в г д ђ е ж з и ј к л љ м н њ о п р с т ћ у ф х ц ч џ ш"
_TURKIC_CASE = {"I": "ı", "İ": "i"}

_LANGS: dict[str, dict[str, Any]] = {
    "root": {"script": "LATIN"},
    "sq": {
        "script": "LATIN",
        "letters": "a b c ç d dh e ë f g gj h i j k l ll m n nj o p q r rr s sh t th u v x xh"
        " y z zh",
    },
    "hr": {"script": "LATIN", "letters": _HR, "reorder": ("LATIN", "CYRILLIC")},
    "cnr": {
        # CLDR has no Montenegrin tailoring (ICU falls back to root); we follow the official
        # Montenegrin alphabet (2009): Croatian/Serbian Latin plus ś after š and ź after ž.
        "script": "LATIN",
        "letters": _HR.replace("+š", "+š +ś").replace("+ž", "+ž +ź"),
        "reorder": ("LATIN", "CYRILLIC"),
    },
    "sr": {
        "script": "CYRILLIC",
        "letters": _SR_CYRL,
        "reorder": ("CYRILLIC",),
        "suppress": "й",
    },
    "cnr-Cyrl": {
        "script": "CYRILLIC",
        "letters": _SR_CYRL.replace("з", "з +з\u0301").replace("с", "с +с\u0301"),
        "reorder": ("CYRILLIC",),
        "suppress": "й",
    },
    "mk": {
        "script": "CYRILLIC",
        "letters": "а б в г д ѓ е ж з ѕ и ј к л љ м н њ о п р с т ќ у ф х ц ч џ ш",
        "reorder": ("CYRILLIC",),
        "suppress": "й",
    },
    "bg": {
        "script": "CYRILLIC",
        "letters": "а б в г д е ж з и й к л м н о п р с т у ф х ц ч ш щ ъ ь ю я",
        "reorder": ("CYRILLIC",),
    },
    "ru": {
        "script": "CYRILLIC",
        "letters": "а б в г д е ж з и й к л м н о п р с т у ф х ц ч ш щ ъ ы ь э ю я",
        "reorder": ("CYRILLIC",),
    },
    "uk": {
        "script": "CYRILLIC",
        "letters": "а б в г +ґ д е є ж з и і ї й к л м н о п р с т у ф х ц ч ш щ ь ю я",
        "reorder": ("CYRILLIC",),
    },
    "be": {
        "script": "CYRILLIC",
        "letters": "а б в г д е +ё ж з і й к л м н о п р с т у +ў ф х ц ч ш ы ь э ю я",
        "reorder": ("CYRILLIC",),
    },
    "ka": {
        "script": "GEORGIAN",
        "letters": "ა ბ გ დ ე ვ ზ თ ი კ ლ მ ნ ო პ ჟ რ ს ტ უ ფ ქ ღ ყ შ ჩ ც ძ წ ჭ ხ ჯ ჰ",
        "reorder": ("GEORGIAN",),
    },
    "hy": {
        "script": "ARMENIAN",
        "letters": _BASE["ARMENIAN"],
        "reorder": ("ARMENIAN",),
        # CLDR hy: &եվ<<<և — the ligature sorts as ե + վ (root: as ե + ւ, its decomposition).
        "expand": {"և": "եվ"},
    },
    "az": {
        "script": "LATIN",
        "letters": "a b c +ç d e +ə f g +ğ h +x ı i j k +q l m n o +ö p r s +ş t u +ü v y z +(w)",
        "reorder": ("LATIN", "CYRILLIC"),
        "case": _TURKIC_CASE,
    },
    "tr": {
        "script": "LATIN",
        "letters": "a b c +ç d e f g +ğ h ı i j k l m n o +ö p r s +ş t u +ü v y z",
        "case": _TURKIC_CASE,
    },
    "es": {"script": "LATIN", "letters": "a b c d e f g h i j k l m n +ñ o p q r s t u v w x y z"},
    "pl": {
        "script": "LATIN",
        "letters": "a +ą b c +ć d e +ę f g h i j k l +ł m n +ń o +ó p q r s +ś t u v w x y z +ź +ż",
    },
    "ro": {
        "script": "LATIN",
        "letters": "a +ă +â b c d e f g h i +î j k l m n o p q r s +ș t +ț u v w x y z",
        "alias": {"ş": "ș", "ţ": "ț"},
    },
    "el": {"script": "GREEK", "letters": _BASE["GREEK"], "reorder": ("GREEK",)},
}

# Tag resolution: language subtag -> table, script subtag overrides.
_ALIASES: dict[str, str] = {
    "en": "root",
    "de": "root",
    "fr": "root",
    "it": "root",
    "sr-latn": "hr",
    "sr-cyrl": "sr",
    "bs": "hr",
    "bs-latn": "hr",
    "bs-cyrl": "sr",
    "cnr-latn": "cnr",
    "cnr-cyrl": "cnr-Cyrl",
    "hr-latn": "hr",
}

# Tertiary weights: lowercase < compatibility lowercase (ǆ, ﬁ) < titlecase multigraph (Dž)
# < uppercase < compatibility uppercase (Ǆ, Ａ) < final form (ς); CLDR root orders them so.
_T_LOWER, _T_LOWER_COMPAT, _T_MIXED, _T_MIXED_COMPAT, _T_UPPER, _T_UPPER_COMPAT = range(5, 11)
_T_FINAL = 11
_TO_UPPER = {_T_LOWER: _T_UPPER, _T_LOWER_COMPAT: _T_UPPER_COMPAT, _T_MIXED: _T_UPPER}
_TO_COMPAT = {_T_LOWER: _T_LOWER_COMPAT, _T_MIXED: _T_MIXED_COMPAT, _T_UPPER: _T_UPPER_COMPAT}

# Letters that CLDR root sorts as two letters, with a secondary difference placed between
# them that outweighs any accent: "ss" < "ß" < "sś", "ae" < "æ" < "aé".
_SPECIALS: dict[str, str] = {"ß": "ss", "æ": "ae", "œ": "oe"}
# Final sigma is a tertiary variant of sigma: σ < Σ < ς.
_TERTIARY_VARIANTS: dict[str, str] = {"ς": "σ"}

# Primary weights are two characters: a major group and a minor position within it.
_M_SPACE, _M_PUNCT, _M_SYMBOL, _M_CURRENCY, _M_DIGIT = 1, 2, 3, 4, 5
_M_SCRIPT0 = 16  # first script group; each script takes two majors (table, then unknown letters)
_M_OTHER = _M_SCRIPT0 + 2 * (len(_SCRIPT_ORDER) + 1)
_S_COMMON = "\x05"  # secondary weight of an unaccented character
_S_EXPANSION = "\U0010ffff"  # secondary weight inside _SPECIALS: above every accent

# Multigraph tokens are replaced by high surrogates before translation: valid text never
# contains lone surrogates (and ``surrogateescape`` only produces low ones).
_TOKEN_BASE = 0xD800

_Weights = tuple[str, str, str]


def _script_of(ch: str) -> str:
    """Return the first word of the character's Unicode name (LATIN, CYRILLIC, CJK, ...)."""
    return unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]


def _is_georgian(ch: str) -> bool:
    """Mkhedruli, Mtavruli, Asomtavruli or Nuskhuri: never uppercased in index headings."""
    cp = ord(ch)
    return 0x10A0 <= cp <= 0x10FF or 0x1C90 <= cp <= 0x1CBF or 0x2D00 <= cp <= 0x2D2F


def _is_default_ignorable(ch: str) -> bool:
    """Marks that DUCET ignores completely: CGJ and the variation selectors."""
    cp = ord(ch)
    return cp == 0x034F or 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF


class _Table(dict[int, str]):
    """A ``str.translate`` table whose missing entries are computed on first use."""

    __slots__ = ("_fill", "_level")

    def __init__(self, fill: Callable[[int], _Weights], level: int) -> None:
        super().__init__()
        self._fill = fill
        self._level = level

    def __missing__(self, cp: int) -> str:
        return self._fill(cp)[self._level]


class _Collator:
    """Compiled tables of one language; built once, then shared by every call."""

    def __init__(self, name: str) -> None:
        spec = _LANGS[name]
        self.name = name
        self.case: dict[str, str] = spec.get("case", {})
        self.expand: dict[str, str] = spec.get("expand", {})
        self.alphabet: tuple[str, ...] = ()
        # letter (lowercase, NFC) -> two-character primary weight
        self.primary: dict[str, str] = {}
        # any spelling of a letter (alias, case-mapped) -> canonical lowercase letter
        self.canon: dict[str, str] = {}
        reorder = spec.get("reorder", ())
        scripts = list(reorder) + [s for s in _SCRIPT_ORDER if s not in reorder]
        self.script_rank = {s: i for i, s in enumerate(scripts)}
        for script in _BASE:
            own = script == spec["script"] and "letters" in spec
            order, alpha = self._merge(spec, script) if own else (_BASE[script].split(), [])
            if own:
                self.alphabet = tuple(alpha)
            major = chr(_M_SCRIPT0 + 2 * self.script_rank[script])
            for i, letter in enumerate(order, 1):
                self.primary[letter] = major + chr(i)
                self.canon[letter] = letter
        for alias, letter in spec.get("alias", {}).items():
            self.primary[alias] = self.primary[letter]
            self.canon[alias] = letter
        if not self.alphabet:
            self.alphabet = self._root_alphabet(spec["script"])
        self.p = _Table(self._fill, 0)
        self.s = _Table(self._fill, 1)
        self.t = _Table(self._fill, 2)
        self._init_multigraphs()

    @staticmethod
    def _root_alphabet(script: str) -> tuple[str, ...]:
        """The everyday alphabet of an untailored script (a–z for Latin)."""
        if script == "LATIN":
            return tuple("abcdefghijklmnopqrstuvwxyz")
        return tuple(_BASE[script].split())

    @staticmethod
    def _merge(spec: dict[str, Any], script: str) -> tuple[list[str], list[str]]:
        """Merge the language's alphabet into the root order of its script.

        Returns the full collation order and the national alphabet (without foreign letters).
        """
        order: list[str] = []
        glued: list[bool] = []
        alpha: list[str] = []
        for item in spec["letters"].split():
            glue = item.startswith("+")
            item = item.lstrip("+")
            foreign = item.startswith("(")
            item = item.strip("()")
            order.append(item)
            glued.append(glue)
            if not foreign:
                alpha.append(item)
        suppress = spec.get("suppress", "")
        anchor = -1  # index in ``order`` after which the next missing root letter goes
        for letter in _BASE[script].split():
            if letter in order:
                anchor = max(anchor, order.index(letter))
                continue
            if letter in suppress:
                continue
            pos = anchor + 1
            while pos < len(order) and glued[pos]:  # skip letters glued to the anchor
                pos += 1
            order.insert(pos, letter)
            glued.insert(pos, False)
            anchor = pos
        return order, alpha

    def _init_multigraphs(self) -> None:
        """Give each case variant of each multigraph a one-character token and its weights."""
        import re  # lazily: keeps module import cheap

        self.tokens: dict[str, str] = {}  # spelling -> token
        self.token_letter: dict[str, str] = {}  # spelling -> canonical lowercase multigraph
        for letter in self.primary:
            if len(letter) < 2:
                continue
            variants = {
                letter: _T_LOWER,
                letter[0].upper() + letter[1:]: _T_MIXED,
                letter.upper(): _T_UPPER,
            }
            # (a titlecase spelling equal to the uppercase one, as in "З́", keeps _T_UPPER)
            for spelling, tertiary in variants.items():
                self._add_token(spelling, letter, tertiary)
            # Compatibility ligatures (ǆ ǅ Ǆ, ǉ ǈ Ǉ, ǌ ǋ Ǌ) sort as the multigraph's variants.
            for lig in "ǆǅǄǉǈǇǌǋǊ":
                spelled = unicodedata.normalize("NFKC", lig)
                if spelled in variants:
                    self._store(lig, self._letter_weights(letter, _TO_COMPAT[variants[spelled]]))
                    self.canon[lig] = letter
        if self.tokens:
            ordered = sorted(self.tokens, key=len, reverse=True)  # longest match first
            self.mg_re: re.Pattern[str] | None = re.compile("|".join(map(re.escape, ordered)))
        else:
            self.mg_re = None

    def _add_token(self, spelling: str, letter: str, tertiary: int) -> None:
        if spelling in self.tokens:
            return
        token = chr(_TOKEN_BASE + len(self.tokens))
        self.tokens[spelling] = token
        self.token_letter[spelling] = letter
        self._store(token, self._letter_weights(letter, tertiary))

    def _letter_weights(self, letter: str, tertiary: int) -> _Weights:
        return self.primary[letter], _S_COMMON, chr(tertiary)

    def _store(self, ch: str, w: _Weights) -> None:
        cp = ord(ch)
        dict.__setitem__(self.p, cp, w[0])
        dict.__setitem__(self.s, cp, w[1])
        dict.__setitem__(self.t, cp, w[2])

    # -- weights of one character -------------------------------------------------------------

    def _fill(self, cp: int) -> _Weights:
        ch = chr(cp)
        w = self._weights(ch)
        self._store(ch, w)
        return w

    def _seq(self, text: str) -> _Weights:
        """Weights of a short sequence, character by character (no multigraph matching)."""
        p, s, t = [], [], []
        for ch in text:
            w = self.weights(ch)
            p.append(w[0])
            s.append(w[1])
            t.append(w[2])
        return "".join(p), "".join(s), "".join(t)

    def weights(self, ch: str) -> _Weights:
        cp = ord(ch)
        if cp in self.p:
            return dict.__getitem__(self.p, cp), self.s[cp], self.t[cp]
        return self._fill(cp)

    def _weights(self, ch: str) -> _Weights:
        """Compute (primary, secondary, tertiary) of one NFC character."""
        if ch in self.primary:
            return self._letter_weights(ch, _T_LOWER)
        if ch in self.case:  # Turkish I -> ı, İ -> i
            return self._letter_weights(self.case[ch], _T_UPPER)
        if ch in self.expand:
            return _retier(self._seq(self.expand[ch]), _T_LOWER_COMPAT)
        if ch in _SPECIALS:
            p, s, t = self._seq(_SPECIALS[ch])
            return p, s[0] + _S_EXPANSION + s[1:], t
        if ch in _TERTIARY_VARIANTS:
            return _retier(self.weights(_TERTIARY_VARIANTS[ch]), _T_FINAL)
        lower = ch.lower()
        cased = lower != ch and len(lower) == 1
        if cased and lower in self.primary:  # an uppercase letter of the alphabet (Č, Ë, Შ)
            return self._letter_weights(lower, _T_UPPER)
        if ch in _VARIANTS:
            return self._seq(_VARIANTS[ch])
        # Decompositions before lowercasing: the compatibility "ǅ" is not just an uppercase "ǆ".
        decomposition = unicodedata.decomposition(ch)
        if decomposition:
            return self._decomposed(decomposition)
        if cased:  # Đ, Ł, Ø: as their lowercase, with uppercase tertiary weights
            p, s, t = self.weights(lower)
            return p, s, t.translate(_TO_UPPER)
        return self._generic(ch)

    def _decomposed(self, decomposition: str) -> _Weights:
        """Canonical decompositions sort as their parts; compatibility ones a tertiary later."""
        compat = decomposition.startswith("<")
        parts = "".join(chr(int(h, 16)) for h in decomposition.split() if not h.startswith("<"))
        w = self._seq(parts)
        if not compat:
            return w
        return w[0], w[1], w[2].translate(_TO_COMPAT)

    def _generic(self, ch: str) -> _Weights:
        """Characters outside the tables: grouped as CLDR root groups them."""
        cat = unicodedata.category(ch)
        cp = ord(ch)
        if _is_default_ignorable(ch):
            return "", "", ""  # variation selectors, combining grapheme joiner
        if cat in ("Mn", "Me", "Mc"):
            # Marks add a secondary weight; their tertiary is left out (it would only repeat
            # the base letter's).
            return "", chr(_mark_order().get(ch, 0x1000 + cp)), ""
        if ch.isspace() or cat in ("Zs", "Zl", "Zp"):
            return chr(_M_SPACE) + chr(cp), _S_COMMON, chr(_T_LOWER)
        if cat in ("Cc", "Cf"):
            return "", "", ""  # completely ignorable (soft hyphen, ZWJ, controls)
        if cat == "Nd":
            return chr(_M_DIGIT) + chr(unicodedata.decimal(ch)), _S_COMMON, chr(_T_LOWER)
        if cat[0] in "PS":
            # the baked root order first, other characters after it by code point
            major = _M_PUNCT if cat[0] == "P" else _M_CURRENCY if cat == "Sc" else _M_SYMBOL
            minor, secondary = _punct_order().get(ch, (0x1000 + cp, 0))
            return chr(major) + chr(minor), chr(ord(_S_COMMON) + secondary), chr(_T_LOWER)
        if cat[0] in "LN":
            rank = self.script_rank.get(_script_of(ch))
            if rank is not None:
                return chr(_M_SCRIPT0 + 2 * rank + 1) + chr(cp), _S_COMMON, chr(_T_LOWER)
        return chr(_M_OTHER) + chr(cp), _S_COMMON, chr(_T_LOWER)

    # -- public operations ---------------------------------------------------------------------

    def key(self, text: str) -> tuple[str, str, str, str]:
        nfc = unicodedata.normalize("NFC", text)
        s = nfc
        if self.mg_re is not None:
            tokens = self.tokens
            s = self.mg_re.sub(lambda m: tokens[m.group()], s)
        # The NFC text itself breaks remaining ties, so the order is total and reproducible.
        return s.translate(self.p), s.translate(self.s), s.translate(self.t), nfc

    def letter_of(self, ch: str, depth: int = 0) -> str | None:
        """The canonical lowercase letter a character is filed under, or None."""
        if ch in self.canon:
            return self.canon[ch]
        if ch in self.case:
            return self.case[ch]
        expansion = self.expand.get(ch) or _SPECIALS.get(ch) or _TERTIARY_VARIANTS.get(ch)
        if expansion:
            return self.letter_of(expansion[0], depth + 1)
        lower = ch.lower()
        if lower != ch and len(lower) == 1:
            return self.letter_of(lower, depth + 1)
        if ch in _VARIANTS:
            return self.letter_of(_VARIANTS[ch][0], depth + 1)
        decomposed = unicodedata.normalize("NFKD", ch)
        if decomposed != ch and depth < 4:
            return self.letter_of(decomposed[0], depth + 1)
        if unicodedata.category(ch)[0] != "L":
            return None
        return lower if len(lower) == 1 else ch

    def heading(self, letter: str) -> str:
        """Uppercase an index letter (never for Georgian; Turkish i -> İ)."""
        if _is_georgian(letter[0]):
            return letter
        if self.case:
            letter = letter.replace("i", "İ").replace("ı", "I")
        upper = letter.upper()
        return upper if len(upper) == len(letter) else letter


def _retier(w: _Weights, tertiary: int) -> _Weights:
    """Give every collation element of an expansion the same tertiary weight."""
    return w[0], w[1], chr(tertiary) * len(w[2])


_cache: dict[str, Any] = {}


def _mark_order() -> dict[str, int]:
    table = _cache.get("marks")
    if table is None:
        table = {chr(int(h, 16)): 0x20 + i for i, h in enumerate(_MARKS.split())}
        _cache["marks"] = table
    return table


def _punct_order() -> dict[str, tuple[int, int]]:
    table = _cache.get("punct")
    if table is None:
        table = {
            ch: (i, j) for i, group in enumerate(_PUNCT.split(" "), 1) for j, ch in enumerate(group)
        }
        _cache["punct"] = table
    return table


_COLLATORS: dict[str, _Collator] = {}


def _resolve(lang: str) -> str:
    """Map a BCP 47 tag to a table name: ``sr-latn`` -> hr, ``de-AT`` -> root, ``sr`` -> sr."""
    tag = lang.replace("_", "-").lower()
    subtags = tag.split("-")
    language = subtags[0]
    script = next((s for s in subtags[1:] if len(s) == 4 and s.isalpha()), "")
    for candidate in (f"{language}-{script}" if script else "", language):
        if candidate in _ALIASES:
            return _ALIASES[candidate]
        if candidate in _LANGS:
            return candidate
    return "root"


def _collator(lang: str) -> _Collator:
    collator = _COLLATORS.get(lang)
    if collator is None:
        name = _resolve(lang)
        collator = _COLLATORS.get(name)
        if collator is None:
            collator = _COLLATORS[name] = _Collator(name)
        _COLLATORS[lang] = collator
    return collator


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


def sort_key(text: str, lang: str) -> tuple[str, str, str, str]:
    """Return a key that sorts ``text`` in the alphabetical order of language ``lang``.

    ``lang`` is a BCP 47 tag (case-insensitive); unknown tags get the CLDR root order.
    The key compares letters first (multigraphs as one letter, the language's script before
    other scripts), then accents, then case (lowercase first), then the NFC text itself.

    >>> sorted(["dhomë", "çaj", "dash", "cimbidh"], key=lambda w: sort_key(w, "sq"))
    ['cimbidh', 'çaj', 'dash', 'dhomë']
    """
    collator = _COLLATORS.get(lang) or _collator(lang)
    return collator.key(text)


def sorted_by(items: Iterable[T], lang: str, key: Callable[[T], str] = lambda x: x) -> list[T]:
    """Return ``items`` sorted alphabetically for ``lang``, comparing ``key(item)``."""
    collator = _collator(lang)
    return sorted(items, key=lambda item: collator.key(key(item)))


def index_letter(text: str, lang: str) -> str:
    """Return the heading under which ``text`` is filed in a printed index for ``lang``.

    The heading is the first letter, multigraph-aware (Albanian ``"shoqëri"`` -> ``"SH"``,
    Serbian ``"љубав"`` -> ``"Љ"``), uppercased for bicameral scripts but never for Georgian.
    Accented letters that are not letters of their own in ``lang`` fold to their base
    (German ``"Ärger"`` -> ``"A"``).  Text starting with a digit, punctuation or whitespace
    files under ``"#"`` (it sorts before the letters).  In a list sorted with :func:`sort_key`,
    the items filed under one heading are consecutive.
    """
    collator = _collator(lang)
    s = unicodedata.normalize("NFC", text)
    # Skip what the collation ignores (soft hyphen, ZWJ, stray combining marks) so that the
    # heading agrees with the sort order; whitespace is not ignored and files under "#".
    start = 0
    while start < len(s) and collator.weights(s[start])[0] == "":
        start += 1
    s = s[start:]
    if not s:
        return "#"
    if collator.mg_re is not None:
        match = collator.mg_re.match(s)
        if match:
            return collator.heading(collator.token_letter[match.group()])
    letter = collator.letter_of(s[0])
    return "#" if letter is None else collator.heading(letter)


def alphabet(lang: str) -> tuple[str, ...]:
    """Return the letters of ``lang``'s alphabet in collation order, lowercase.

    These are the letters that sort as letters of their own (multigraphs included), i.e. the
    possible index headings: Albanian has ``"dh"`` and ``"ë"``, Russian has no ``"ё"`` (it
    sorts as ``"е"``), German has no ``"ä"``.  Unknown languages get ``a``–``z``.
    """
    return _collator(lang).alphabet
