"""`suggest` and `extract`: target terms from real catalogs, English candidates, drafts only."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from moci_vocab.learn.lemma import dictionary_form, stems

FIXTURES = Path(__file__).parent / "fixtures" / "learn"


def catalog(lang: str) -> str:
    return str(FIXTURES / f"django-{lang}.po")


@pytest.fixture
def concepts(moci):
    """A glossary whose concepts have English terms only."""
    for term in ("password", "user", "username", "page", "file", "group", "email address"):
        moci("add", term.replace(" ", "-"), "--term", f"en={term}", "--yes")
    return moci


# --- dictionary forms ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "forms", "headword"),
    [
        ("sq", "qytetit qyteti qytetet", "qytet"),
        ("sq", "përdoruesi përdoruesit përdoruesin", "përdorues"),
        ("sq", "data datës datën", "datë"),
        ("sq", "faqen faqes faqja faqet", "faqe"),
        ("sq", "emri emrin emrat emër", "emër"),
        ("sq", "gabimi gabime gabimet", "gabim"),
        ("ka", "მომხმარებლის მომხმარებელმა მომხმარებელს მომხმარებლები", "მომხმარებელი"),
        ("ka", "შეცდომა შეცდომის შეცდომები", "შეცდომა"),
        ("ka", "ფაილის ფაილს ფაილში", "ფაილი"),
        ("hy", "գաղտնաբառը գաղտնաբառի գաղտնաբառերը", "գաղտնաբառ"),
        ("hy", "խմբի խմբեր խումբ", "խումբ"),
        ("hy", "պատկերը պատկերի", "պատկեր"),
        ("hy", "կայունության կայունություն", "կայունություն"),
    ],
)
def test_dictionary_form(lang, forms, headword):
    assert dictionary_form(Counter(forms.split()), lang) == headword


def test_inflected_forms_share_a_stem():
    shared = set(stems("qytetit", "sq")) & set(stems("qyteti", "sq")) & set(stems("qytetet", "sq"))
    assert "qytet" in shared
    assert "qytet" not in stems("qytetar", "sq")  # another word, not an ending


# --- suggest ------------------------------------------------------------------------

EXPECTED = {
    "sq": {"password": "fjalëkalim", "user": "përdorues", "page": "faqe", "file": "kartelë",
           "username": "emër përdoruesi", "email-address": "adresë email"},
    "ka": {"password": "პაროლი", "user": "მომხმარებელი", "page": "გვერდი", "file": "ფაილი"},
    "hy": {"password": "գաղտնաբառ", "user": "օգտագործող", "page": "էջ", "file": "ֆայլ",
           "username": "օգտագործողի անուն"},
}  # fmt: skip


@pytest.mark.parametrize("lang", ["sq", "ka", "hy"])
def test_suggest_finds_the_translators_terms_in_dictionary_form(concepts, lang):
    found = concepts.json("suggest", catalog(lang), "--lang", lang)
    first = {item["concept"]: item["candidates"][0]["term"] for item in found if item["candidates"]}
    for concept, term in EXPECTED[lang].items():
        assert first[concept] == term, (concept, found)


def test_suggest_json_shape_and_examples(concepts):
    found = concepts.json("suggest", catalog("sq"), "--lang", "sq", "password", "--limit", "2")
    assert [item["concept"] for item in found] == ["password"]
    assert set(found[0]) == {"concept", "lang", "candidates"}
    best = found[0]["candidates"][0]
    assert set(best) == {"term", "score", "count", "examples"}
    assert best["count"] >= 10 and 0 < best["score"] <= 1
    assert len(best["examples"]) == 2
    for example in best["examples"]:
        assert set(example) == {"file", "line", "source", "target"}
        assert "password" in example["source"].casefold()
        assert "fjalëkalim" in example["target"].casefold()
        lines = Path(example["file"]).read_text(encoding="utf-8").splitlines()
        assert example["source"].split("\n")[0][:20] in lines[example["line"] - 1]


def test_suggest_text_output(concepts):
    out = concepts("suggest", catalog("hy"), "--lang", "hy", "password").output
    assert "1. գաղտնաբառ" in out and "django-hy.po:" in out


def test_suggest_apply_writes_draft_terms_only_with_yes(concepts):
    before = (concepts.root / "terms" / "password.yaml").read_text(encoding="utf-8")
    refused = concepts("suggest", catalog("sq"), "--lang", "sq", "password", "--apply", ok=False)
    assert "--yes" in refused.output
    assert (concepts.root / "terms" / "password.yaml").read_text(encoding="utf-8") == before
    concepts("suggest", catalog("sq"), "--lang", "sq", "password", "user", "--apply", "--yes")
    shown = concepts.json("show", "password")
    (term,) = shown["terms"]["sq"]
    assert term["term"] == "fjalëkalim"
    assert term["review"] == {"state": "draft"}
    assert "django-sq.po" in term["source"] and "entries" in term["source"]
    assert concepts.json("show", "user")["terms"]["sq"][0]["review"]["state"] == "draft"
    assert "sq" not in concepts.json("show", "page")["terms"]  # not named: not touched
    concepts("fmt", "--check")  # written in canonical form, as `add` writes


def test_suggest_defaults_to_concepts_without_a_term(concepts):
    concepts("translate", "password", "sq", "fjalëkalim")
    found = concepts.json("suggest", catalog("sq"), "--lang", "sq")
    assert "password" not in {item["concept"] for item in found}
    assert "user" in {item["concept"] for item in found}


def test_suggest_says_when_no_concept_lacks_a_term(concepts):
    """Not silence, which reads as "nothing was read"; JSON stays a list."""
    for concept in ("password", "user", "username", "page", "file", "group", "email-address"):
        concepts("translate", concept, "sq", f"x-{concept}")
    result = concepts("suggest", catalog("sq"), "--lang", "sq")
    assert result.stdout == ""
    assert "every concept has a sq term" in result.stderr
    assert concepts.json("suggest", catalog("sq"), "--lang", "sq") == []


def test_suggest_reads_tmx_csv_and_xliff(concepts, tmp_path):
    tmx = tmp_path / "memory.tmx"
    units = "".join(
        f'<tu><tuv xml:lang="en-US"><seg>{en}</seg></tuv>'
        f'<tuv xml:lang="sq-AL"><seg>{sq} <ph>&lt;b&gt;</ph></seg></tuv></tu>'
        for en, sq in [
            ("Change password", "Ndryshoni fjalëkalimin"),
            ("Password", "Fjalëkalim"),
            ("Your password was changed.", "Fjalëkalimi juaj u ndryshua."),
            ("Log in", "Hyni"),
            ("Change your name", "Ndryshoni emrin"),
        ]
    )
    tmx.write_text(f'<?xml version="1.0"?><tmx version="1.4"><header srclang="en"/>'
                   f"<body>{units}</body></tmx>", encoding="utf-8")  # fmt: skip
    csv = tmp_path / "strings.csv"
    csv.write_text("source,target\nNew password,Fjalëkalim i ri\n", encoding="utf-8")
    found = concepts.json("suggest", str(tmx), str(csv), "--lang", "sq", "password")
    best = found[0]["candidates"][0]
    assert best["term"] == "fjalëkalim" and best["count"] == 4


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.po", "", "no translated entries"),
        ("broken.po", 'msgid "a"\nmsgstr "b\n', "broken.po:"),
        ("bomb.tmx", '<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaa">]><tmx/>', "DOCTYPE"),
        ("other.tmx", '<?xml version="1.0"?><html/>', "not a TMX file"),
        ("bad.tmx", "<tmx><body><tu>", "not well-formed"),
        ("garbage.mo", "\x00\x01garbage", "garbage.mo"),
        ("ka.po", 'msgid ""\nmsgstr "Language: ka\\n"\n\nmsgid "a"\nmsgstr "b"\n', "not sq"),
    ],
)
def test_hostile_and_empty_inputs_are_one_clear_error(concepts, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = concepts("suggest", str(path), "--lang", "sq", ok=False)
    assert result.exit_code == 1
    assert message in result.output
    assert result.output.count("\n") == 1, result.output


def test_missing_file_and_unknown_concept(concepts, tmp_path):
    assert "no such file" in concepts("suggest", "nope.po", "--lang", "sq", ok=False).output
    out = concepts("suggest", catalog("sq"), "--lang", "sq", "resilience", ok=False).output
    assert "no concept 'resilience'" in out


# --- extract ------------------------------------------------------------------------


def test_extract_lists_terms_the_glossary_lacks(concepts):
    found = concepts.json("extract", catalog("sq"), "--min-count", "2", "--limit", "30")
    terms = [item["term"] for item in found]
    assert set(found[0]) == {"term", "score", "count", "examples"}
    assert "password reset" in terms
    # The glossary's terms and their plurals are left out; so are stop words and code.
    assert not {"password", "passwords", "user", "users", "the", "%(name)s"} & set(terms)
    scores = [item["score"] for item in found]
    assert scores == sorted(scores, reverse=True)


def test_extract_leaves_out_code_placeholders_and_markup(moci, tmp_path):
    po = tmp_path / "code.po"
    entries = [
        "Set <b>user_name</b> in settings.py via %(field)s or {count}",
        "Set user_name in settings.py via getUserName()",
        "See https://example.org/docs/page and --verbose",
        "The exhibition catalogue is ready",
        "Print the exhibition catalogue",
    ]
    po.write_text("".join(f'msgid "{e}"\nmsgstr ""\n\n' for e in entries), encoding="utf-8")
    terms = [item["term"] for item in moci.json("extract", str(po), "--min-count", "2")]
    assert terms[0] == "exhibition catalogue"
    joined = " ".join(terms)
    for code in ("user_name", "settings", "getusername", "https", "verbose", "field", "count", "b"):
        assert code not in joined.split(), terms


def test_extract_apply_adds_draft_concepts(moci, tmp_path):
    po = tmp_path / "c.po"
    po.write_text(
        "".join(f'msgid "The {w} of the youth centre"\nmsgstr ""\n\n' for w in "abcd"),
        encoding="utf-8",
    )
    moci("extract", str(po), "--min-count", "3", "--limit", "1", "--apply", ok=False)
    moci("extract", str(po), "--min-count", "3", "--limit", "1", "--apply", "--yes")
    shown = moci.json("show", "youth-centre")
    assert shown["status"] == "draft"
    assert shown["terms"]["en"][0]["term"] == "youth centre"
    assert shown["terms"]["en"][0]["review"] == {"state": "draft"}
    # Run again: the concept exists now, so it is no longer a candidate.
    assert moci.json("extract", str(po), "--min-count", "3") == []


def test_extract_empty_input(moci, tmp_path):
    empty = tmp_path / "e.po"
    empty.write_text("", encoding="utf-8")
    assert "no entries" in moci("extract", str(empty), ok=False).output


def test_an_irregular_stem_counts_the_words_of_its_lemma():
    """տան is a stem of տուն, անվամբ of անուն: their words begin otherwise, and are counted."""
    from moci_vocab.learn.align import TargetIndex
    from moci_vocab.learn.corpus import Corpus

    targets = ["Իմ տունը", "տան դուռը", "օգտագործողի անունը", "անունով", "անվան դաշտ"]
    corpus = Corpus("hy", sources=["x"] * len(targets), targets=targets)
    index = TargetIndex(corpus, "hy")
    assert {"տունը", "տան"} <= set(index.stem_words("տան"))
    assert index.stem_df("անվամբ") == index.stem_df("անուն") == 2


def test_extract_stops_at_the_first_phrase_over_its_cap(moci, tmp_path, monkeypatch):
    # Distinct words make a phrase each (up to four words long): a 2 MB catalog of
    # 300,000 random words took 58 s and 1.2 GB, a 64 MB one would take half an hour.
    import moci_vocab.learn.extract as extract

    monkeypatch.setattr(extract, "MAX_PHRASES", 30)
    po = tmp_path / "words.po"
    entries = ["exhibition catalogue", "youth centre", "exhibition catalogue"] + [
        " ".join(f"w{letter}{n}" for n in "bcdfghjklm") for letter in "bcd"
    ]
    po.write_text("".join(f'msgid "{e}"\nmsgstr ""\n\n' for e in entries), encoding="utf-8")
    result = moci("extract", str(po), ok=False)
    assert result.exit_code == 1
    assert result.output == (
        f"error: {po}:10: the catalogs hold more than 30 different phrases of up to 4 words; "
        "extract reads at most that many (give fewer or smaller files)\n"
    )
