"""A word's dictionary form, from the forms a catalog uses.

`stems` splits a word into the stems it may come from, with the target
language's inflection rules (`checkpo.inflection`): qytetit, qyteti and
qytetet all have the stem qytet. `dictionary_form` then picks, among the forms
seen and the forms a stem could have as a headword, the one whose paradigm
explains most of the forms seen: the shape of a headword is per-language data
below (`Citation`): Albanian masculine nouns are the bare stem (përdorues,
shown by the endings -i, -in, -it of përdoruesi …), feminine ones end in -ë or
-e (datë, shown by data, datës, datën); a Georgian headword ends in a vowel;
an Armenian one never ends in the article -ը.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from moci_vocab.checkpo.inflection import Inflection, for_language
from moci_vocab.checkpo.target_match import WordSpec
from moci_vocab.checkpo.target_match import stems_of as _stems_of

# A headword explains at least this share of the forms the best one explains.
COVERAGE = 0.9
_VOWELS = frozenset("aeiouyëäöüåæøəıаеиоуыэюяёіїєაეიოუաեէըիոօ")


@dataclass(frozen=True)
class Citation:
    """What a headword (dictionary form) of a language looks like."""

    # (ending added to a stem, endings of which one seen form must show to back it,
    # letters the stem must end with: "" any)
    endings: tuple[tuple[str, tuple[str, ...], str], ...] = (("", (), ""),)
    # A headword never ends so (Armenian article -ը).
    never_final: tuple[str, ...] = ()
    # A headword ends in one of these letters ("" = any).
    final_letters: str = ""
    # The head of a multi-word term comes first (Albanian: emër përdoruesi).
    head_first: bool = False
    # The connecting word after a phrase's head, by the head's ending (Albanian: file i
    # kyçit, ngjyrë e sfondit); ("", …) is the default.
    head_connectors: tuple[tuple[str, str], ...] = ()
    # Headwords are never rebuilt with a vowel ending on a vowel (Albanian: no madhësië).
    no_vowel_pairs: bool = False
    # A phrase is shown as seen with its head in dictionary form, when it is so seen
    # (Georgian modifiers agree: დაყოფილი ცხრილი, დაყოფილ ცხრილს).
    phrase_as_seen: bool = False
    # Shortest stem a word is split down to.
    min_stem: int = 3
    # Endings that make a form of a headword, not a headword (a case or the article):
    # përdoruesi is përdorues + i, so përdorues is the headword when both could be.
    inflected: tuple[str, ...] = ()
    # Endings that make a seen word a form only of a headword also seen (Armenian -ն,
    # the article after a vowel: անուն is a word, not a form of an unseen անու).
    weak: tuple[str, ...] = ()
    # Endings that tell a form even when it is the only one seen (None: all of inflected).
    telling: tuple[str, ...] | None = None
    # Plural markers: a headword is never rebuilt by cutting one off (պատկերը is not պատկ+երը).
    plural: tuple[str, ...] = ()
    # Endings that never follow a vowel (Georgian ergative -მა, nominative -ი: vowel stems
    # take -მ and nothing), so შეცდომა is not შეცდო + მა.
    after_consonant: tuple[str, ...] = ()


_SQ_MASCULINE = ("i", "in", "it", "u", "un", "ut")
_SQ_FEMININE_I = ("a", "në", "së")  # feminine nouns in stressed -i: madhësia, madhësinë
_SQ_FEMININE_E = ("a", "ën", "ës")
_SQ_FEMININE_E2 = ("ja", "je", "en", "es")
_SQ_INFLECTED = (
    *_SQ_MASCULINE, "a", "ja", "n", "ën", "s", "ës", "së", "t", "të", "ët", "e", "et",
    "ve", "ëve", "eve", "ave", "sh", "ësh", "esh", "ash", "ë",
)  # fmt: skip
_KA_INFLECTED = (
    "ი", "ის", "ს", "მა", "მ", "ით", "ად", "ო", "ც", "აც", "ში", "ზე", "თან",
    "თვის", "ისთვის", "სთვის", "ისგან", "დან", "იდან", "ამდე", "მდე", "ზეც",
)  # fmt: skip

CITATIONS: dict[str, Citation] = {
    "sq": Citation(
        endings=(
            ("", _SQ_MASCULINE, ""),
            ("", _SQ_FEMININE_I, "i"),
            ("ë", _SQ_FEMININE_E, ""),
            ("e", _SQ_FEMININE_E2, ""),
        ),
        head_first=True,
        head_connectors=(("ë", "e"), ("e", "e"), ("", "i")),
        no_vowel_pairs=True,
        never_final=("ash", "ësh", "esh", "ave", "ëve", "eve"),  # genitive plurals
        inflected=_SQ_INFLECTED,
        # not -s, -t, -n, -ut (kujdes, output are words of their own)
        telling=("i", "in", "it", "u", "a", "ja", "ën", "ës", "së", "në", "të", "ve", "ave"),
    ),
    "ka": Citation(
        endings=(
            ("ი", (), ""),
            ("ა", ("ა", "ას", "ამ", "აში", "აზე"), ""),
            ("ე", ("ე", "ეს", "ემ"), ""),
        ),
        final_letters="აეიოუ",
        min_stem=2,
        inflected=_KA_INFLECTED,
        plural=("ებ", "თ", "ნ"),
        after_consonant=("მა", "ი"),
        no_vowel_pairs=True,
    ),
    "hy": Citation(
        never_final=("ը",),
        min_stem=2,
        inflected=("ը", "ն", "ի", "ին", "ից", "ով", "ում", "ս", "դ", "ու", "ան", "յի", "յից"),
        plural=("եր", "ներ"),
        weak=("ն",),
        phrase_as_seen=True,
    ),
}
GENERIC = Citation()


def citation(lang: str) -> Citation:
    """The headword data of a BCP 47 tag (language subtag), or the generic one."""
    return CITATIONS.get(lang, CITATIONS.get(lang.split("-")[0], GENERIC))


@lru_cache(maxsize=1 << 16)
def stems_of(word: str, infl: Inflection) -> tuple[str, ...]:
    """check-po's stems of a headword (cached: headwords are tried many times)."""
    return _stems_of(word, infl)


@cache
def _plain(infl: Inflection) -> Inflection:
    """The inflection data without its stem replacements."""
    return infl.replace(replacements=())


@cache
def _singular(infl: Inflection, cit: Citation) -> Inflection:
    """The inflection data without the replacements that cut a plural marker off
    (check-po reads a lemma written in the plural, պատկերներ → պատկեր; a headword
    is never rebuilt so: պատկեր is not a plural of պատկ)."""
    kept = tuple(
        (old, new)
        for old, new in infl.replacements
        if not (cit.plural and old.startswith(cit.plural))
    )
    return infl.replace(replacements=kept)


@cache
def _language(lang: str) -> tuple[Inflection, Citation]:
    return for_language(lang), citation(lang)


@lru_cache(maxsize=1 << 16)
def stems(word: str, lang: str, plurals: bool = True) -> tuple[str, ...]:
    """Every stem the word may be an inflected form of (itself included), longest first.

    Without ``plurals``, no stem is made by cutting off a plural marker.
    """
    infl, cit = _language(lang)
    found = {word}
    limit = max(cit.min_stem, 1)
    for cut in range(limit, len(word)):
        ending = word[cut:]
        if not plurals and ending.startswith(cit.plural or ("\x00",)):
            continue
        if ending in cit.after_consonant and word[cut - 1] in _VOWELS:
            continue
        if ending in infl.suffixes or (infl.open_suffix and len(ending) <= infl.open_suffix):
            found.add(word[:cut])
    # The stem a headword reduces to (qendër → qendr, հաշտեցում → հաշտեցմ) joins both.
    reducing = infl if plurals else _singular(infl, cit)
    for stem in list(found):
        for reduced in stems_of(stem, reducing):
            if len(reduced) >= limit:
                found.add(reduced)
    return tuple(sorted(found, key=len, reverse=True))


@lru_cache(maxsize=1 << 16)
def explains(headword: str, form: str, lang: str) -> bool:
    """Is ``form`` an inflected form of ``headword`` by the language's rules?"""
    infl, _cit = _language(lang)
    if form == headword:
        return True
    for stem in stems_of(headword, infl):
        if form.startswith(stem):
            rest = form[len(stem) :]
            if rest in infl.suffixes or (infl.open_suffix and len(rest) <= infl.open_suffix):
                return True
    return False


def _telling(head: str, word: str, cit: Citation) -> bool:
    """Does the word end like a form of the headword, unmistakably?"""
    telling = cit.inflected if cit.telling is None else cit.telling
    return any(word == stem + ending for ending in telling for stem in (head, head[:-1]))


def _backed(stem: str, evidence: tuple[str, ...], seen: Counter) -> bool:
    return not evidence or any(stem + ending in seen for ending in evidence)


def _class_backed(form: str, cit: Citation, seen: Counter) -> bool:
    """A form seen ending like a class of headwords (-ë, -e) has that class's endings too.

    Albanian gërme (gërmë in the genitive) is no headword when gërma, gërmës are
    seen and no gërmja, gërmen: its -e is an ending, not the -e of faqe.
    """
    for ending, evidence, _final in cit.endings:
        if ending and form.endswith(ending) and len(form) > len(ending):
            return _backed(form[: -len(ending)], evidence, seen)
    return True


def head_connector(headword: str, seen: Counter, lang: str) -> str | None:
    """The connecting word after a phrase's head in dictionary form (Albanian i/e), if any.

    By the headword's ending; a headword in stressed -i is feminine when its forms show
    it (madhësia, madhësinë: madhësi e gërmave).
    """
    cit = citation(lang)
    for ending, evidence, stem_final in cit.endings:
        feminine = not ending and stem_final and headword.endswith(stem_final)
        if feminine and _backed(headword, evidence, seen) and cit.head_connectors:
            return cit.head_connectors[0][1]
    for ending, connector in cit.head_connectors:
        if headword.endswith(ending):
            return connector
    return None


def dictionary_form(seen: Counter, lang: str, known: Counter | None = None) -> str:
    """The headword that best explains the forms seen (form → how often).

    ``known`` are more forms of the same stem, from elsewhere in the catalog: they
    show which headwords exist (შეცდომა, when only შეცდომის is seen here).
    """
    if not seen:
        raise ValueError("no forms")
    _infl, cit = _language(lang)
    every = seen + (known or Counter())
    candidates: dict[str, bool] = {}  # headword → plausible
    for form in seen:
        candidates[form] = _plausible(form, cit, observed=True) and _class_backed(form, cit, every)
    for form in seen:
        for stem in stems(form, lang, plurals=False):
            for ending, evidence, stem_final in cit.endings:
                if stem_final and not stem.endswith(stem_final):
                    continue
                if cit.no_vowel_pairs and ending[:1] in _VOWELS and stem[-1:] in _VOWELS:
                    continue
                word = stem + ending
                backed = _plausible(word, cit, False) and _backed(stem, evidence, every)
                candidates[word] = candidates.get(word, False) or backed
    coverage = {
        word: sum(count for form, count in seen.items() if explains(word, form, lang))
        for word in candidates
    }
    plausible_heads = [w for w, ok in candidates.items() if ok]
    # Nearly all the forms explained is enough: a typo (տարրըը) must not decide.
    enough = COVERAGE * max(coverage.values())
    best = None
    best_key = None
    for word, plausible in candidates.items():
        derived = any(
            head != word
            and len(head) <= len(word)  # endings are added, not taken away
            and coverage[head] >= coverage[word]
            # a plural only of a headword seen (გასაღები is "key", not a plural of გასაღი)
            and _inflects(head, word, cit, lang, plurals=head in every)
            # paraqitje ↔ paraqitjë: neither (a lemma written as a plural, ტრიგერები → ტრიგერ,
            # does not count against its singular)
            and not _inflects(word, head, cit, lang, replacements=False)
            and (head in every or word[len(head) :] not in cit.weak)
            # one form only: only a telling ending makes it a form of a headword seen
            # nowhere (niveli → nivel; but kujdes, output stay)
            and (head in every or len(every) > 1 or _telling(head, word, cit))
            for head in plausible_heads
        )
        key = (
            coverage[word] >= enough,
            plausible,
            not derived,
            word in seen,  # seen here rather than only elsewhere
            every[word],
            -len(word),
        )
        if best_key is None or key > best_key:
            best, best_key = word, key
    return best  # type: ignore[return-value]


@lru_cache(maxsize=1 << 16)
def _inflects(
    head: str, word: str, cit: Citation, lang: str, replacements: bool = True, plurals=True
) -> bool:
    """Is ``word`` the headword ``head`` with a case ending or article (përdorues → përdoruesi)?"""
    infl, _cit = _language(lang)
    if not replacements:
        infl = _plain(infl)
    for stem in stems_of(head, infl):
        if not word.startswith(stem):
            continue
        ending = word[len(stem) :]
        if ending in cit.inflected:
            return True
        for marker in cit.plural if plurals else ():  # a plural: անուններ, ცხრილები
            if ending.startswith(marker) and (
                ending == marker or ending[len(marker) :] in cit.inflected
            ):
                return True
    return False


def _plausible(word: str, cit: Citation, observed: bool) -> bool:
    if any(word.endswith(end) for end in cit.never_final):
        return False
    if cit.final_letters and not word[-1].isascii() and word[-1] not in cit.final_letters:
        return False
    if observed:
        return True
    return len(word) >= 3  # a rebuilt headword of two letters is a guess (Armenian սյ)


def spec(word: str, lang: str) -> WordSpec:
    """The matching spec of a headword (for callers that match many forms against one)."""
    infl, _cit = _language(lang)
    return WordSpec(word, stems_of(word, infl), frozenset({word}))
