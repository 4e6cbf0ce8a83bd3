"""Tests of moci_vocab.translit: Latin transliteration and search keys across scripts."""

from __future__ import annotations

import subprocess
import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from moci_vocab import translit
from moci_vocab.translit import latin_keys, to_latin

# --- the searches the product must support ---------------------------------------------------


@pytest.mark.parametrize(
    ("query", "term"),
    [
        ("sherigeba", "შერიგება"),
        ("Sherigeba", "შერიგება"),
        ("hashtetsum", "հաշտեցում"),
        ("pomirenje", "помирење"),
        ("primirenie", "примирение"),
        ("pomirenje", "pomirenje"),
        ("tbilisi", "თბილისი"),
        ("tsqali", "წყალი"),  # Georgian ejectives typed without apostrophes
        ("yerevan", "Երևան"),
        ("erevan", "Երևան"),
        ("caj", "чај"),  # Serbian Latin "čaj" typed without diacritics
        ("chaj", "чај"),
        ("caj", "čaj"),
        ("djak", "ђак"),
        ("dak", "ђак"),
        ("djak", "đak"),
        ("dak", "đak"),
        ("tsentr", "центр"),  # Russian-style ts/kh ...
        ("centr", "центр"),  # ... and the South Slavic c/h
        ("khleb", "хлеб"),
        ("hleb", "хлеб"),
        ("strasse", "Straße"),
        ("baki", "Bakı"),
        ("gence", "Gəncə"),
        ("istanbul", "İstanbul"),
        ("gjorgjija", "Ѓорѓија"),
        ("gorgija", "Ѓорѓија"),  # Macedonian Latin "Ǵorǵija" without diacritics
        ("ljubljana", "Љубљана"),
        ("thessaloniki", "Θεσσαλονίκη"),
    ],
)
def test_query_matches_term_exactly(query: str, term: str) -> None:
    assert set(latin_keys(query)) & set(latin_keys(term))


def test_near_spellings_are_left_to_fuzzy_matching() -> None:
    fuzz = pytest.importorskip("rapidfuzz.fuzz")
    # "pomirenie" (Russian-style ending) is one edit from the Russian term's key
    assert max(fuzz.ratio("pomirenie", k) for k in latin_keys("примирение")) > 80


# --- to_latin ---------------------------------------------------------------------------------


def test_georgian_national_system() -> None:
    alphabet = "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ"
    expected = "a b g d e v z t i k' l m n o p' zh r s t' u p k gh q' sh ch ts dz ts' ch' kh j h"
    assert [to_latin(letter) for letter in alphabet] == expected.split()
    assert to_latin("შერიგება") == "sherigeba"
    assert to_latin("წყალი") == "ts'q'ali"
    assert to_latin("წყალი", ascii=True) == "tsqali"
    assert to_latin("ჭადრაკი", ascii=True) == "chadraki"


def test_georgian_case() -> None:
    assert to_latin("ᲨᲔᲠᲘᲒᲔᲑᲐ") == "SHERIGEBA"  # Mtavruli: all caps
    assert to_latin("შერიგება") == "sherigeba"
    assert to_latin("ⴀⴁⴂ") == "abg"  # Nuskhuri, through the letter names


@pytest.mark.parametrize(
    ("text", "latin"),
    [
        ("հաշտեցում", "hashtetsum"),
        ("Երևան", "Yerevan"),
        ("ԵՐԵՎԱՆ", "YEREVAN"),
        ("ոսկի", "voski"),
        ("ուսուցում", "usutsum"),
        ("Ուսանող", "Usanogh"),
        ("Հայաստան", "Hayastan"),
        ("Ռուսաստան", "Rusastan"),
        ("նոր երգ", "nor yerg"),  # word-initial ye after a space
        ("և", "ev"),
        ("ծով", "tsov"),
        ("ձուկ", "dzuk"),
        ("ջուր", "jur"),
        ("ճանապարհ", "chanaparh"),
        ("ժամ", "zham"),
        ("խաղաղություն", "khaghaghutyun"),
        ("ըմբռնում", "ymbrnum"),
        ("էջ", "ej"),
        ("քաղաք", "kaghak"),
        ("փող", "pogh"),
    ],
)
def test_armenian(text: str, latin: str) -> None:
    assert to_latin(text) == latin


CYRILLIC_LETTERS = {
    "ш": "sh",
    "ж": "zh",
    "ч": "ch",
    "ћ": "c",
    "ђ": "dj",
    "џ": "dz",
    "љ": "lj",
    "њ": "nj",
    "ќ": "kj",
    "ѓ": "gj",
    "ѕ": "dz",
    "ј": "j",
    "х": "h",
    "ц": "c",
    "щ": "shch",
    "ы": "y",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "ь": "",
    "ъ": "",
    "є": "ye",
    "ї": "yi",
    "і": "i",
    "ґ": "g",
    "й": "y",
    "ё": "yo",
    "ў": "u",
}


@pytest.mark.parametrize(("letter", "latin"), sorted(CYRILLIC_LETTERS.items()))
def test_cyrillic_letters(letter: str, latin: str) -> None:
    assert to_latin(letter) == latin


@pytest.mark.parametrize(
    ("text", "latin"),
    [
        ("помирење", "pomirenje"),
        ("примирение", "primirenie"),
        ("Шар", "Shar"),
        ("ШАР", "SHAR"),
        ("Љубљана", "Ljubljana"),
        ("ЉУБЉАНА", "LJUBLJANA"),
        ("ЖЖ", "ZHZH"),
        ("Ђорђе", "Djordje"),
        ("Македонија", "Makedonija"),
        ("ѐ", "e"),
        ("Україна", "Ukrayina"),
        ("мʼясо", "mʼyaso"),  # the apostrophe letter is kept unless ascii=True
        ("объект", "obekt"),
        ("Щука", "Shchuka"),
    ],
)
def test_cyrillic_words(text: str, latin: str) -> None:
    assert to_latin(text) == latin


@pytest.mark.parametrize(
    ("text", "latin"),
    [
        ("Θεσσαλονίκη", "Thessaloniki"),
        ("Ευρώπη", "Evropi"),
        ("αϋπνία", "aypnia"),  # a diaeresis breaks the αυ pair
        ("Αγγλία", "Anglia"),
        ("ΟΥΡΑΝΟΣ", "OURANOS"),
        ("ψυχή", "psychi"),
        ("φως", "fos"),
    ],
)
def test_greek(text: str, latin: str) -> None:
    assert to_latin(text) == latin


def test_latin_and_other_scripts_are_kept() -> None:
    assert to_latin("Straße") == "Straße"
    assert to_latin("Đakovica") == "Đakovica"
    assert to_latin("中文 العربية") == "中文 العربية"
    assert to_latin("Straße", ascii=True) == "Strasse"
    assert to_latin("Đakovica", ascii=True) == "Djakovica"
    assert to_latin("Gəncə ılıq", ascii=True) == "Gence iliq"
    assert to_latin("«Kultura» — solidarnost", ascii=True) == '"Kultura" - solidarnost'
    assert to_latin("don't", ascii=True) == "dont"


def test_mixed_script() -> None:
    text = "Tbilisi / თბილისი / Тбилиси / Թբիլիսի"
    assert to_latin(text) == "Tbilisi / tbilisi / Tbilisi / Tbilisi"
    assert to_latin("SOS-ის ცენტრი") == "SOS-is tsent'ri"
    assert latin_keys("Школа SOS") == ("shkola sos", "skola sos")


def test_empty() -> None:
    assert to_latin("") == ""
    assert to_latin("", ascii=True) == ""
    assert latin_keys("") == ("",)


# --- latin_keys -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("შერიგება", ("sherigeba",)),
        ("წყალი", ("tsqali",)),
        ("հաշտեցում", ("hashtetsum",)),
        ("Երևան", ("yerevan", "erevan")),
        ("помирење", ("pomirenje",)),
        ("Чачак", ("chachak", "cacak")),
        ("ђак", ("djak", "dak")),
        ("центр", ("centr", "tsentr")),
        ("Ћуп", ("cup",)),
        ("džep", ("dzep",)),
        ("Đurđevdan", ("djurdjevdan", "durdevdan")),
        ("  Culture   of Solidarity ", ("culture of solidarity",)),
        ("STRASSE", ("strasse",)),
        ("Straße", ("strasse",)),
    ],
)
def test_latin_keys(text: str, keys: tuple[str, ...]) -> None:
    assert latin_keys(text) == keys


HANDLED_LETTERS = [
    chr(cp)
    for lo, hi in translit._HANDLED
    for cp in range(lo, hi + 1)
    if unicodedata.category(chr(cp))[0] in "LM"
]


def test_every_handled_letter_folds_to_ascii() -> None:
    assert len(HANDLED_LETTERS) > 2000
    for ch in HANDLED_LETTERS:
        assert to_latin(ch, ascii=True).isascii(), ch
        assert to_latin(ch.upper() + ch, ascii=True).isascii(), ch


handled_text = st.text(
    alphabet=st.sampled_from(HANDLED_LETTERS) | st.characters(max_codepoint=0x7F), max_size=30
)


@given(handled_text)
def test_ascii_output_is_ascii(text: str) -> None:
    assert to_latin(text, ascii=True).isascii()


@given(handled_text)
def test_keys_are_small_ascii_and_casefolded(text: str) -> None:
    keys = latin_keys(text)
    assert 1 <= len(keys) <= 3
    assert len(set(keys)) == len(keys)
    for key in keys:
        assert key.isascii()
        assert key == key.casefold()
        assert key == " ".join(key.split())
    assert keys[0] == " ".join(to_latin(text, ascii=True).casefold().split())


@given(st.text())
def test_nfc_nfd_equivalence(text: str) -> None:
    nfc, nfd = unicodedata.normalize("NFC", text), unicodedata.normalize("NFD", text)
    assert to_latin(nfc) == to_latin(nfd)
    assert to_latin(nfc, ascii=True) == to_latin(nfd, ascii=True)
    assert latin_keys(nfc) == latin_keys(nfd)


def test_nfd_examples() -> None:
    for text in ("Ѓорѓија", "Čačak", "Україна", "Йод", "ёлка", "Ευρώπη", "İzmir"):
        nfd = unicodedata.normalize("NFD", text)
        assert nfd != text
        assert to_latin(nfd) == to_latin(text)
        assert latin_keys(nfd) == latin_keys(text)


def test_import_is_lazy() -> None:
    code = (
        "import moci_vocab.translit as t;"
        "assert t._tables.cache_info().currsize == 0, 'tables built at import';"
        "print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"


# --- the fast path (str.translate) agrees with the letter-by-letter reference ------------------

# Letters whose Latin depends on context (Armenian ու and word-initial ե/ո, capitals next to
# capitals, Greek pairs and accents), next to context-free ones, marks and separators.
CONTEXT_PIECES = [
    *"ուեոՈՒԵւաբ",  # Armenian, lowercase and capital
    *"шШчЧцЦхХђЂјЈ",  # Cyrillic
    *"αυΑΥουγχϋάΣς",  # Greek
    *"შერიგებაᲨ",  # Georgian, and a Mtavruli capital
    *"aAëËđĐßİı",  # Latin
    *" -'’\u00a0\u0301\u0308\x85·։",  # separators, apostrophes, marks, punctuation
]
context_text = st.text(alphabet=st.sampled_from(CONTEXT_PIECES), max_size=20)


@pytest.mark.parametrize("scheme", ["default", "south", "east"])
@given(text=context_text | st.text(max_size=20))
def test_fast_transliteration_equals_the_reference_loop(scheme: str, text: str) -> None:
    assert translit._transliterate(text, scheme) == translit._transliterate_letters(text, scheme)


@pytest.mark.parametrize("scheme", ["default", "south", "east"])
@given(text=context_text | st.text(max_size=20))
def test_one_pass_keys_equal_transliterating_then_folding(scheme: str, text: str) -> None:
    text = unicodedata.normalize("NFC", text)
    reference = translit._transliterate_letters(text, scheme)
    assert translit._scheme_key(text, scheme) == translit._key(reference, scheme == "south")


@pytest.mark.parametrize(
    ("text", "default", "south"),
    [
        ("ուսում", "usum", "usum"),  # word-initial ու is u, not vu
        ("եկեղեցի", "yekeghetsi", "ekeghetsi"),
        ("ոսկի եւ որդի", "voski yev vordi", "oski ev ordi"),
        ("նոր-երգ", "nor-yerg", "nor-erg"),  # after a hyphen a word starts again
        ("երևան", "yerevan", "erevan"),
    ],
)
def test_armenian_context_on_the_fast_path(text: str, default: str, south: str) -> None:
    assert translit._transliterate(text, "default") == default
    assert translit._transliterate(text, "south") == south


@given(text=context_text | st.text(max_size=20), south=st.booleans())
def test_fold_table_equals_folding_each_character(text: str, south: bool) -> None:
    expected = "".join(translit._fold_char(ch, south) for ch in text)
    assert translit._fold(text, south) == expected
