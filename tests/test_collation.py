"""Tests of moci_vocab.collation: per-language alphabetical order and index headings.

The expected orders are CLDR's (checked against ICU 78 when these lists were written).  When an
ICU binding is installed (``pip install icukit-pyicu``, or PyICU), the order and the index
headings are also compared with ICU's on real words: the Babel/CLDR display names of languages,
territories, scripts, currencies, months and days of each locale.
"""

from __future__ import annotations

import itertools
import random
import subprocess
import sys
import unicodedata

import pytest
from conftest import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from moci_vocab.collation import alphabet, index_letter, sort_key, sorted_by

# Word lists in CLDR order (space-separated, except "en", which tests spaces).
KNOWN_ORDERS: dict[str, str | list[str]] = {
    "sq": (
        "abetare ajo buka cimbidh çaj çelës dash det dhomë Dhomë DHOMË dhuratë e ezë ë ëndërr"
        " fjalë gur gjuhë hënë ira jetë ku lule llambë mal nata njeri ora paqe qytet rosë rruga"
        " sot shoqëri tokë thikë ujë verë xixëllonjë xhami yll zog zhurmë"
    ),
    "sr-Latn": (
        "auto cvet Čačak čaj ćup dan džak Džep đak Đurđevdan lav ljubav Ljubljana mir nož njiva"
        " sunce šuma zima žaba"
    ),
    "hr": "cvijet čaj ćup dan džep đak lav ljubav nož njiva šuma zec žaba",
    "bs": "cvijet čaj ćup dan džep đak lav ljubav nož njiva šuma zec žaba",
    "cnr": "sjekira sunce šuma śekira tata zima žaba źenica",
    "sr-Cyrl": (
        "ауто бака вода град дан ђак ево жаба зима игра јабука кућа лав љубав мир нож њива око"
        " пас река сунце тата ћуп ухо фењер хлеб цвет чај џак шума Beograd"
    ),
    "mk": (
        "азбука гром дом ѓавол еж зима ѕвезда игра јаже лебед љубов нож њива тато ќерка улица"
        " чај џеб шума"
    ),
    "ru": "дом еж Еж ёж ежевика елка Елка ёлка Ёлка иод йод мир щи ъ ы эхо юг яблоко Moscow",
    "ka": (
        "ავტობუსი ბავშვი გული დედა ენა ვაშლი ზღვა თბილისი ისტორია კაცი ლომი მშვიდობა ნათელი ოჯახი"
        " პური ჟურნალი რეგიონი სოფელი ტყე უფლება ფული ქალაქი ღვინო ყვავილი შერიგება ჩიტი ცა ძმა"
        " წყალი ჭადრაკი ხე ჯარი ჰაერი Tbilisi"
    ),
    "hy": (
        "ավագ բարև գիրք դաս եվ և եվրո երեխա եւ զինվոր էջ ըմբռնում թիվ ժամ իրավունք լույս"
        " խաղաղություն ծով կին հաշտեցում ձուկ ղեկ ճանապարհ մայր յոթ նոր շուն ոսկի ուսուցում չոր"
        " պատ ջուր ռազմ սեր վարդ տուն րոպե ցուրտ փող քաղաք օր ֆիլմ Yerevan"
    ),
    "az": (
        "ana bal cəmiyyət çay dağ ev əl fikir gün həyat xalq Iğdır ılıq ısı İstanbul isti iş"
        " jurnal kitab qələm lalə məktəb nar od ölkə pul rəng su şəhər torpaq uşaq ürək vətən"
        " yol zəng"
    ),
    "tr": "çay dağ ılık ısı İstanbul iş ölçü şehir üzüm",
    "de": "Apfel Ärger Bär Masse Maße Mast Mueller Müller Strasse Straße Zürich",
    "en": [
        "1984",
        "a b",
        "a-b",
        "ab",
        "Ab",
        "AB",
        "co op",
        "co-op",
        "coop",
        "Coop",
        "cooperation",
        "resume",
        "Resume",
        "résumé",
        "Résumé",
        "zebra",
        "αλφα",
        "жаба",
        "ბავშვი",
        "ավագ",
    ],
    "pl": "cyrk ćma lato łąka zupa źle żaba",
    "ro": "ac ăla âine bar şcoală ştiu tată ţară",
    "el": "άλφα βήτα ζωή Σοφία σοφός ωμέγα",
}


@pytest.mark.parametrize("lang", sorted(KNOWN_ORDERS))
def test_known_orders(lang: str) -> None:
    words = KNOWN_ORDERS[lang]
    expected = words.split() if isinstance(words, str) else words
    for seed in range(3):
        shuffled = expected[:]
        random.Random(seed).shuffle(shuffled)
        assert sorted(shuffled, key=lambda w: sort_key(w, lang)) == expected


@pytest.mark.parametrize(
    ("lang", "smaller", "larger"),
    [
        ("sq", "cimbidh", "çaj"),
        ("sq", "çaj", "dash"),
        ("sq", "dash", "dhomë"),
        ("sq", "e", "ë"),
        ("sq", "ezë", "ë"),
        ("sq", "nata", "njeri"),
        ("sq", "lule", "llambë"),
        ("sq", "zog", "zhurmë"),
        ("sr-Latn", "cvet", "čaj"),
        ("sr-Latn", "čaj", "ćup"),
        ("sr-Latn", "ćup", "dan"),
        ("sr-Latn", "dan", "džak"),
        ("sr-Latn", "džak", "đak"),
        ("sr-Latn", "lav", "ljubav"),
        ("hr", "nož", "njiva"),
        ("hr", "zima", "жаба"),  # [reorder Latn Cyrl]: Cyrillic right after Latin ...
        ("hr", "жаба", "άλφα"),  # ... and before Greek
        ("en", "άλφα", "жаба"),  # root order: Greek before Cyrillic
        ("sr", "шума", "auto"),  # Cyrillic first for Serbian Cyrillic
        ("ru", "яблоко", "apple"),
        ("ka", "ჰაერი", "air"),
        ("hy", "ֆիլմ", "film"),
        ("az", "ısı", "iş"),
        ("az", "zəng", "wiki"),  # CLDR az: &Z<w
        ("az", "həyat", "xalq"),  # x after h
        ("az", "kitab", "qələm"),  # q after k
        ("tr", "ılık", "inek"),
        ("de", "Apfel", "Ärger"),
        ("de", "Ärger", "Bär"),
        ("de", "Strasse", "Straße"),  # ß = ss at primary level, tie-broken
        ("de", "Straße", "Strassen"),
        ("en", "a", "A"),  # lowercase first (tertiary)
        ("en", "A", "á"),  # accents (secondary) outweigh case
        ("en", "Á", "b"),
        ("en", "a b", "a-b"),  # space < punctuation < letters
        ("en", "a-b", "ab"),
        ("en", "9", "a"),
        ("en", "10", "9"),  # digits compare digit by digit, as in CLDR
        ("ru", "елка", "ёлка"),  # ё is е with a diaeresis in Russian ...
        ("ru", "ёлка", "елки"),
        ("be", "елка", "ёж"),  # ... and a letter of its own in Belarusian
        ("uk", "гора", "ґанок"),
        ("uk", "ґанок", "дах"),
        ("uk", "іти", "їжак"),
        ("mk", "дом", "ѓавол"),
        ("mk", "тато", "ќерка"),
        ("sr", "игра", "йод"),  # й is и + breve in Serbian (suppressed contraction)
        ("sr", "йод", "иод" + "а"),
        ("ru", "иод", "йод"),  # ... but a letter of its own in Russian
        ("hy", "եվ", "և"),  # CLDR hy: &եվ<<<և
        ("hy", "և", "եվա"),
        ("hy", "ոսկի", "ուսուցում"),  # ու is ո + ւ (ւ sorts after ց, before փ ք օ ֆ)
        ("hy", "ուսուցում", "ոք"),
        ("el", "σ", "Σ"),
        ("el", "Σ", "ς"),
        ("pl", "lato", "łąka"),
        ("pl", "łąka", "mama"),
        ("ro", "şcoală", "școală"),  # cedilla and comma below are the same letter
        ("es", "nube", "ñandú"),
        ("es", "ñandú", "oso"),
        ("cnr", "šuma", "śenka"),
        ("cnr", "žaba", "źenica"),
    ],
)
def test_pairs(lang: str, smaller: str, larger: str) -> None:
    assert sort_key(smaller, lang) < sort_key(larger, lang)


def test_equal_strings_in_other_spellings() -> None:
    # ş (cedilla) and ș (comma below) are one letter in Romanian: equal up to the last level.
    assert sort_key("şcoală", "ro")[:3] == sort_key("școală", "ro")[:3]


@pytest.mark.parametrize(
    ("lang", "text", "heading"),
    [
        ("sq", "shoqëri", "SH"),
        ("sq", "Shqipëria", "SH"),
        ("sq", "SHBA", "SH"),
        ("sq", "dhuratë", "DH"),
        ("sq", "çelës", "Ç"),
        ("sq", "ëndërr", "Ë"),
        ("sq", "Gjirokastër", "GJ"),
        ("sq", "llambë", "LL"),
        ("sq", "njeri", "NJ"),
        ("sq", "rruga", "RR"),
        ("sq", "thikë", "TH"),
        ("sq", "xhami", "XH"),
        ("sq", "zhurmë", "ZH"),
        ("sq", "pajtim", "P"),
        ("sr-Latn", "ljubav", "LJ"),
        ("sr-Latn", "Ljubljana", "LJ"),
        ("sr-Latn", "džep", "DŽ"),
        ("sr-Latn", "ǆep", "DŽ"),  # the compatibility ligature
        ("sr-Latn", "Đurđevdan", "Đ"),
        ("sr-Latn", "čaj", "Č"),
        ("sr-Latn", "ćup", "Ć"),
        ("sr-Latn", "Njegoš", "NJ"),
        ("hr", "šuma", "Š"),
        ("hr", "žaba", "Ž"),
        ("bs", "džamija", "DŽ"),
        ("cnr", "śutra", "Ś"),
        ("cnr", "źenica", "Ź"),
        ("sr", "љубав", "Љ"),
        ("sr-Cyrl", "њива", "Њ"),
        ("sr", "џеп", "Џ"),
        ("sr", "ђак", "Ђ"),
        ("sr", "ћуп", "Ћ"),
        ("sr", "йод", "И"),  # not a Serbian letter: filed under и, where it sorts
        ("mk", "ѓавол", "Ѓ"),
        ("mk", "ќерка", "Ќ"),
        ("mk", "ѕвезда", "Ѕ"),
        ("mk", "љубов", "Љ"),
        ("bg", "щастие", "Щ"),
        ("ru", "ёлка", "Е"),  # ё sorts as е in Russian (CLDR has no Ё heading) ...
        ("be", "ёлка", "Ё"),  # ... but is a letter in Belarusian
        ("ru", "йод", "Й"),
        ("ru", "Moscow", "M"),
        ("uk", "ґанок", "Ґ"),
        ("uk", "їжак", "Ї"),
        ("uk", "єдність", "Є"),
        ("ka", "შერიგება", "შ"),  # Georgian: never uppercased (no Mtavruli headings)
        ("ka", "ᲨᲔᲠᲘᲒᲔᲑᲐ", "შ"),  # Mtavruli text files under the Mkhedruli letter
        ("ka", "თბილისი", "თ"),
        ("ka", "Tbilisi", "T"),
        ("en", "შერიგება", "შ"),
        ("hy", "հաշտեցում", "Հ"),
        ("hy", "ուսուցում", "Ո"),  # ու is not a letter of its own in CLDR collation
        ("hy", "Երևան", "Ե"),
        ("hy", "և", "Ե"),
        ("hy", "օր", "Օ"),
        ("az", "ılıq", "I"),
        ("az", "isti", "İ"),
        ("az", "İstanbul", "İ"),
        ("az", "Iğdır", "I"),
        ("az", "əl", "Ə"),
        ("az", "xalq", "X"),
        ("az", "qələm", "Q"),
        ("az", "şəhər", "Ş"),
        ("tr", "ılık", "I"),
        ("tr", "istanbul", "İ"),
        ("tr", "ölçü", "Ö"),
        ("tr", "üzüm", "Ü"),
        ("de", "Ärger", "A"),
        ("de", "über", "U"),
        ("de", "Öl", "O"),
        ("de", "ßx", "S"),
        ("en", "éclair", "E"),
        ("en", "Æsop", "A"),
        ("en", "œuvre", "O"),
        ("en", "ﬁx", "F"),
        ("en", "łódź", "L"),  # ł is an accented l in the root collation ...
        ("pl", "łódź", "Ł"),  # ... and a letter of its own in Polish
        ("pl", "źródło", "Ź"),
        ("pl", "żaba", "Ż"),
        ("ro", "şcoală", "Ș"),
        ("ro", "ștefan", "Ș"),
        ("ro", "ăla", "Ă"),
        ("ro", "înger", "Î"),
        ("es", "ñandú", "Ñ"),
        ("el", "άλφα", "Α"),
        ("el", "ωμέγα", "Ω"),
        ("en", "1984", "#"),
        ("en", "-ism", "#"),
        ("en", "«Kultura»", "#"),
        ("en", " apple", "#"),  # whitespace sorts before everything, so it files under #
        ("en", "\u00adapple", "A"),  # a soft hyphen is ignored, as in the collation
        ("en", "", "#"),
    ],
)
def test_index_letter(lang: str, text: str, heading: str) -> None:
    assert index_letter(text, lang) == heading


@given(st.text(alphabet=st.characters(min_codepoint=0x10D0, max_codepoint=0x10FF), min_size=1))
def test_georgian_headings_are_never_mtavruli(text: str) -> None:
    for lang in ("ka", "en", "ru"):
        heading = index_letter(text.upper(), lang)
        assert not any(0x1C90 <= ord(ch) <= 0x1CBF for ch in heading)


EXPECTED_ALPHABET_SIZES = {
    "sq": 36,
    "sr-Latn": 30,
    "hr": 30,
    "bs": 30,
    "cnr": 32,
    "sr": 30,
    "mk": 31,
    "bg": 30,
    "ru": 32,  # CLDR: ё is not a separate letter
    "uk": 33,
    "be": 32,
    "ka": 33,
    "hy": 38,
    "az": 32,
    "tr": 29,
    "en": 26,
    "de": 26,
    "es": 27,
    "pl": 35,
    "ro": 31,
    "el": 24,
}


@pytest.mark.parametrize("lang", sorted(EXPECTED_ALPHABET_SIZES))
def test_alphabet(lang: str) -> None:
    letters = alphabet(lang)
    assert len(letters) == EXPECTED_ALPHABET_SIZES[lang]
    assert all(letter == letter.lower() for letter in letters)
    # the alphabet is in its own collation order, and every letter is its own heading
    assert sorted(letters, key=lambda x: sort_key(x, lang)) == list(letters)
    headings = [index_letter(letter, lang) for letter in letters]
    assert len(set(headings)) == len(letters)
    for letter, heading in zip(letters, headings, strict=True):
        assert heading.lower() == letter or (lang in ("tr", "az") and letter in "iı")


def test_alphabet_samples() -> None:
    assert alphabet("sq")[:6] == ("a", "b", "c", "ç", "d", "dh")
    assert alphabet("sr-Latn")[:8] == ("a", "b", "c", "č", "ć", "d", "dž", "đ")
    assert alphabet("az")[6:14] == ("ə", "f", "g", "ğ", "h", "x", "ı", "i")
    assert "ւ" in alphabet("hy") and "և" not in alphabet("hy")
    assert alphabet("ka") == tuple("აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ")
    assert "w" not in alphabet("sq") and "w" not in alphabet("az")


@pytest.mark.parametrize(
    ("tag", "same_as"),
    [
        ("sr-latn", "sr-Latn"),
        ("SR-LATN", "sr-Latn"),
        ("sr_Latn_RS", "sr-Latn"),
        ("sr", "sr-Cyrl"),
        ("sr-RS", "sr-Cyrl"),
        ("bs-Latn", "hr"),
        ("bs-Cyrl", "sr-Cyrl"),
        ("de-AT", "de"),
        ("de", "en"),
        ("xx", "en"),
        ("und", "en"),
        ("SQ", "sq"),
    ],
)
def test_tags(tag: str, same_as: str) -> None:
    words = ["čaj", "cvet", "džak", "dan", "đak", "ljubav", "lav", "шума", "жаба", "Apfel", "Zebra"]
    assert sorted(words, key=lambda w: sort_key(w, tag)) == sorted(
        words, key=lambda w: sort_key(w, same_as)
    )
    assert alphabet(tag) == alphabet(same_as)


def test_sorted_by() -> None:
    items = [{"t": "dhomë"}, {"t": "çaj"}, {"t": "dash"}, {"t": "cimbidh"}]
    assert [i["t"] for i in sorted_by(items, "sq", key=lambda i: i["t"])] == [
        "cimbidh",
        "çaj",
        "dash",
        "dhomë",
    ]
    assert sorted_by(["b", "a"], "en") == ["a", "b"]


LANGS = ["sq", "sr-Latn", "sr", "mk", "ru", "uk", "ka", "hy", "az", "tr", "de", "en", "el"]


@given(st.text(), st.sampled_from(LANGS))
def test_nfc_nfd_equivalence(text: str, lang: str) -> None:
    nfc, nfd = unicodedata.normalize("NFC", text), unicodedata.normalize("NFD", text)
    assert sort_key(nfc, lang) == sort_key(nfd, lang)
    assert index_letter(nfc, lang) == index_letter(nfd, lang)


@given(st.lists(st.text(), max_size=8), st.sampled_from(LANGS))
def test_total_order(words: list[str], lang: str) -> None:
    once = sorted(words, key=lambda w: sort_key(w, lang))
    assert sorted(reversed(once), key=lambda w: sort_key(w, lang)) == once


def _words(lang: str) -> st.SearchStrategy[str]:
    letters = list(alphabet(lang)) + [letter.upper() for letter in alphabet(lang)[:5]]
    pieces = [*letters, " ", "-", "1", "é", "\u0301", "\u00ad"]
    return st.lists(st.sampled_from(pieces), min_size=1, max_size=6).map("".join)


@settings(max_examples=examples(60))
@given(st.data())
def test_headings_are_contiguous_in_sorted_lists(data: st.DataObject) -> None:
    lang = data.draw(st.sampled_from(["sq", "sr-Latn", "hr", "mk", "ru", "ka", "hy", "az", "de"]))
    words = data.draw(st.lists(_words(lang), min_size=2, max_size=40))
    headings = [index_letter(w, lang) for w in sorted(words, key=lambda w: sort_key(w, lang))]
    runs = [h for i, h in enumerate(headings) if i == 0 or h != headings[i - 1]]
    assert len(runs) == len(set(runs)), headings


@given(st.lists(st.sampled_from(alphabet("sq")), min_size=1, max_size=6).map("".join))
def test_case_is_tertiary(word: str) -> None:
    lower, upper = sort_key(word, "sq"), sort_key(word.upper(), "sq")
    assert lower[:2] == upper[:2]
    assert lower < upper or word == word.upper()


def test_sorting_does_bounded_work(monkeypatch) -> None:
    """What keeps sorting fast (benchmarks/bench_collation.py times it): one key per term,
    not one per comparison, and each character's weights computed once, then looked up."""
    from moci_vocab import collation

    rnd = random.Random(0)
    letters = alphabet("sq")
    words = [
        "".join(rnd.choice(letters) for _ in range(rnd.randint(3, 12))).capitalize()
        + rnd.choice(["", " ", "-"])
        + "".join(rnd.choice(letters) for _ in range(rnd.randint(0, 8)))
        for _ in range(4_000)
    ]
    monkeypatch.setattr(collation, "_COLLATORS", {})  # fresh tables: the first sort fills them
    counts = {"key": 0, "fill": 0}
    key, fill = collation._Collator.key, collation._Collator._fill

    def counted_key(self, text):
        counts["key"] += 1
        return key(self, text)

    def counted_fill(self, cp):
        counts["fill"] += 1
        return fill(self, cp)

    monkeypatch.setattr(collation._Collator, "key", counted_key)
    monkeypatch.setattr(collation._Collator, "_fill", counted_fill)
    first = sorted_by(words, "sq")
    assert counts["key"] == len(words)
    characters = {ch for word in words for ch in unicodedata.normalize("NFD", word)}
    characters |= {ch for word in words for ch in word}
    assert counts["fill"] <= len(characters)  # about 140,000 if each use computed them
    counts.update(key=0, fill=0)
    assert sorted_by(list(reversed(words)), "sq") == first
    assert counts == {"key": len(words), "fill": 0}  # the tables are kept
    assert first == sorted(words, key=lambda w: sort_key(w, "sq"))


def test_import_is_lazy() -> None:
    code = (
        "import moci_vocab.collation as c, sys;"
        "assert not c._COLLATORS and not c._cache, 'tables built at import';"
        "print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"


# ---------------------------------------------------------------------------------------------
# Comparison with ICU (test-only dependency: `pip install icukit-pyicu`, or PyICU).
# ---------------------------------------------------------------------------------------------

ICU_LOCALES = {
    "en": "en",
    "sq": "sq",
    "sr-Cyrl": "sr",
    "sr-Latn": "sr_Latn",
    "bs": "bs",
    "hr": "hr",
    "mk": "mk",
    "bg": "bg",
    "ru": "ru",
    "uk": "uk",
    "be": "be",
    "ka": "ka",
    "hy": "hy",
    "az": "az",
    "tr": "tr",
    "de": "de",
    "fr": "fr",
    "es": "es",
    "it": "it",
    "pl": "pl",
    "ro": "ro",
    "el": "el",
}


def _real_words(locale: str) -> list[str]:
    """A few hundred to a thousand real words and phrases of a locale, from CLDR via Babel."""
    babel = pytest.importorskip("babel")
    loc = babel.Locale.parse(locale)
    words: set[str] = set()
    for names in (loc.languages, loc.territories, loc.scripts, loc.currencies):
        words.update(names.values())
    for calendar_names in (loc.months, loc.days):
        for widths in calendar_names.values():
            for names in widths.values():
                words.update(names.values())
    return sorted(words)


@pytest.mark.parametrize("lang", sorted(ICU_LOCALES))
def test_order_matches_icu(lang: str) -> None:
    icu = pytest.importorskip("icu")
    collator = icu.Collator.createInstance(icu.Locale(ICU_LOCALES[lang]))
    words = _real_words(ICU_LOCALES[lang])
    words += ["Straße", "Strasse", "STRASSE", "co-op", "co op", "coop", "Ǆep", "džep", "ǅep"]
    assert len(words) > 300
    random.Random(0).shuffle(words)
    ours = sorted(words, key=lambda w: sort_key(w, lang))
    wrong = [(a, b) for a, b in itertools.pairwise(ours) if collator.compare(a, b) > 0]
    assert not wrong


@pytest.mark.parametrize("lang", sorted(ICU_LOCALES))
def test_index_letter_matches_icu(lang: str) -> None:
    icu = pytest.importorskip("icu")
    index = icu.AlphabeticIndex(icu.Locale(ICU_LOCALES[lang]))
    labels = []
    index.resetBucketIterator()
    while index.nextBucket():
        labels.append(index.bucketLabel)
    for word in _real_words(ICU_LOCALES[lang]):
        label = labels[index.getBucketIndex(word)]
        if label == "…":  # ICU's under/overflow buckets: other scripts, punctuation
            continue
        ours = index_letter(word, lang)
        if lang == "sr-Latn" and ours == "Đ":  # CLDR's sr-Latn index lacks Đ (files it under DŽ)
            continue
        assert ours == label, word
