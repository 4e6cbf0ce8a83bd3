"""`check-po`'s target side: a word is the term only when the rules or the data explain it."""

from __future__ import annotations

import json

import pytest

from moci_vocab.checkpo.inflection import IRREGULAR_DIR, for_language, irregular_stems
from moci_vocab.checkpo.target_match import (
    TargetMatcher,
    Translation,
    compile_term,
    longest_first,
)


def matches(lang: str, term: str, text: str, forms: tuple[str, ...] = ()) -> bool:
    infl = for_language(lang)
    matcher = TargetMatcher(infl)
    patterns = compile_term(term, "preferred", list(forms), infl)
    return any(matcher.find(Translation(text), p) is not None for p in patterns)


# Issue 15, point 7: words within an edit or two of the term that are other words.
@pytest.mark.parametrize(
    ("lang", "term", "other"),
    [
        ("ka", "განახლება", "განათლება"),  # update / education
        ("ka", "გასაღები", "გასაგები"),  # key / understandable
        ("ka", "კანონი", "კანონიერი"),  # law / legal
        ("sq", "dëshmi", "dështim"),  # certificate / failure
        ("sq", "skedë", "skemë"),  # tab / scheme
        ("sq", "qytet", "qytetar"),  # city / citizen
        ("sq", "qytet", "qytetërimi"),  # city / civilisation
        ("hy", "գաղտնաբառ", "գաղտնի"),  # password / secret
        ("hy", "քաղաք", "քաղաքացի"),  # city / citizen
        ("ka", "მისამართი", "გადამისამართება"),  # address / redirect (a prefix, no compound)
        ("hy", "հաջողություն", "անհաջողություն"),  # success / failure (a prefix, no compound)
        ("hy", "պանակ", "ենթապանակ"),  # folder / subfolder: "subfolders" beside "folder"
        ("ka", "სახელი", "სახლი"),  # name / house: სახელი keeps its ე (held out: LibreOffice)
        # a Latin prefix of a borrowed word makes no compound (GTK 3's properties, round 19)
        ("sq", "tekst", "kontekstit"),  # text / context
        ("sq", "pozicion", "dispozicion"),  # position / disposal
        ("sq", "file", "profilin"),  # file / profile
        # a feminine singular in -qe is no -k noun's plural (round 21's decoys, MediaWiki)
        ("sq", "faqe", "fakt"),  # page / fact
        ("sq", "faqe", "faks"),  # page / fax
        # a prefix makes another word, also where it runs on into the term's first letters
        ("sq", "përshkrim", "sipërshkrim"),  # description / inscription: sipër- + shkrim
        ("sq", "faqe", "sipërfaqe"),  # page / surface
        ("sq", "faqe", "ndërfaqe"),  # page / interface
        # an Albanian compound's first part is a word of three letters or more
        ("sq", "ftesë", "dëftesë"),  # invitation / receipt (Thunderbird)
        ("sq", "lloj", "fillojë"),  # type / it begins
        ("sq", "ikonë", "klikoni"),  # icon / click!
    ],
)
def test_a_different_word_that_looks_alike_is_not_the_term(lang, term, other):
    assert not matches(lang, term, f"{other} ")
    assert not matches(lang, term, f"x {other}ს")


# Points 4 and 5: forms of a term given inflected, and irregular forms.
@pytest.mark.parametrize(
    ("lang", "term", "text"),
    [
        ("ka", "მონაცემები", "მონაცემთა ბაზა"),
        ("ka", "მონაცემები", "მონაცემებს"),
        ("ka", "მონაცემთა ბაზა", "მონაცემების ბაზაში"),
        ("sq", "motor kërkimesh", "motorin e kërkimeve"),
        ("sq", "motor kërkimesh", "Motorët e kërkimit"),
        ("sq", "mik", "miq"),
        ("sq", "mik", "miqtë e mi"),
        ("sq", "vit", "dy vjet"),
        ("sq", "ujë", "uji"),
        ("sq", "ujë", "ujin"),
        ("sq", "pasurisë", "një pasurie"),  # a term given in the definite genitive in -së
        ("ka", "ხე", "ხის"),
        ("ka", "ქვეყანა", "ქვეყნამდე"),
        ("ka", "წელიწადი", "წლების რაოდენობას"),  # years, declined as წელი
        ("ka", "სახელი", "ფაილის სახელით"),
        ("hy", "տուն", "տան"),
        ("hy", "տարի", "տարվա"),
        ("hy", "անուն", "օգտագործողի անվան"),
        ("hy", "անուն", "ծաւալի անուան համար"),  # the classical spelling (Xfce's Armenian)
        ("hy", "տարի", "այս տարուայ"),
        ("hy", "գինի", "գինու"),  # the genitive in -ու is a rule
        ("hy", "ձի", "ձիու"),
        ("hy", "մարդ", "մարդու"),
        ("sr-Latn", "zemlja", "zemalja"),
        ("sr-Latn", "drvo", "drveta"),
        ("sr-Cyrl", "земља", "земаља"),
        ("hy", "օգտատեր", "օգտատիրոջ"),
        ("hy", "շաբաթ", "այս շաբաթվա թեմաները"),  # the -վա declension of time nouns
        ("hy", "ամիս", "նախորդ ամսվա"),
    ],
)
def test_inflected_and_irregular_forms_are_the_term(lang, term, text):
    assert matches(lang, term, text)


@pytest.mark.parametrize(
    ("lang", "term", "text"),
    [
        # coordination and longer gaps
        ("sq", "emër përdoruesi", "emrin dhe fjalëkalimin e përdoruesit"),
        ("ka", "მომხმარებლის სახელი", "მომხმარებლის ელფოსტა და სახელი"),
        # another order
        ("sq", "emër përdoruesi", "përdoruesi dhe emri"),
        ("hy", "տվյալների բազա", "բազա տվյալների"),
        # closed compounds
        ("ka", "ვებ გვერდი", "ვებგვერდის"),
        ("sq", "qytet", "kryeqytetin"),
        ("sq", "faqe", "kryefaqen"),  # (the forms of faqe's -qe reading cut no compound)
        ("hy", "կայք", "վեբկայքը"),
        ("ka", "გვერდი", "ვებგვერდზე"),
    ],
)
def test_multi_word_terms_survive_coordination_order_and_compounds(lang, term, text):
    assert matches(lang, term, text)


def test_words_of_a_term_far_apart_are_not_the_term():
    far = "emri është i gjatë dhe i vështirë por jo shumë si kjo përdoruesi"
    assert not matches("sq", "emër përdoruesi", far)


def test_soft_hyphens_and_zero_width_characters_inside_a_translation_are_ignored():
    assert matches("sq", "fjalëkalim", "fjalë\u00adkalimin")
    assert matches("ka", "პაროლი", "პარო\u200bლის")


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("հարց", "Ունես հա՞րց։"),  # the question mark over the stressed vowel (uSupport)
        ("ֆայլ", "Ջնջե՞լ ֆա՛յլը"),  # the emphasis mark
        ("գործողություն", "Ի՜նչ գործողությո՜ւն"),  # the exclamation mark
    ],
)
def test_armenian_marks_inside_a_word_leave_the_word_whole(term, text):
    assert matches("hy", term, text)


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("ձևաչափ", "ՁԵՎԱՉԱՓԵՐ"),  # the ligature և in capitals (round 30, session 28)
        ("ձևաչափ", "Ձևաչափ"),
        ("ձևաչափ", "ձեւաչափ"),  # typed as ե + ւ
        ("ձեւաչափ", "ձևաչափ"),  # (a builder's term typed so)
        ("ձեւաչափ", "ՁԵՎԱՉԱՓԸ"),
        ("ձևաչափ", "ՁԵՒԱՉԱՓ"),  # the classical capitals
        ("հետևյալ", "ՀԵՏԵՎՅԱԼ"),
    ],
)
def test_armenian_ev_ligature_is_one_letter_pair_in_any_case(term, text):
    assert matches("hy", term, text)


# A stem cut back from a term is no other lemma: a term's own final vowel that is no ending
# of the language leaves no stem that drops a vowel or is an irregular lemma, and the plural
# markers that follow a vowel take no stem cut back to a consonant (sq minë, a mine: min-a,
# never minj-, the mice of mi). Seen on main by session 23's reviewer. An Armenian noun in
# -ո keeps its ո in every form: no stem is cut from it (կինո, cinema: not կին, a woman,
# whose article, case and oj-declension forms are another word's; session 25).
@pytest.mark.parametrize(
    ("lang", "term", "other"),
    [
        ("sq", "minë", "minjtë"),  # a mine / the mice
        ("sq", "minë", "minjve"),  # a mine / of the mice
        ("hy", "կինո", "կնոջ"),  # cinema / of the woman
        ("hy", "կինո", "կինը"),  # cinema / the woman
        ("hy", "կինո", "կինից"),  # cinema / from the woman
        ("hy", "լոգո", "լոգերը"),  # logo / the logs
    ],
)
def test_a_stem_cut_back_from_a_term_is_no_other_lemma(lang, term, other):
    assert not matches(lang, term, f"{other} ")


@pytest.mark.parametrize(
    ("lang", "term", "text"),
    [
        ("sq", "minë", "minat"),
        ("sq", "kufi", "kufijtë"),  # -j after a vowel
        ("sq", "mulli", "mullinjve"),  # -nj after a vowel
        ("sq", "zog", "zogjtë"),  # a -g stem's gj
        ("sq", "lëviz", "lëvizjet"),  # the noun in -je on a stem (held out: lichess)
        ("sq", "hap", "hapjesh"),
        ("hy", "կինը", "կնոջ"),  # the article cut: the irregular lemma's stem
        ("hy", "կինո", "կինոյի"),
        ("hy", "կինո", "կինոն"),  # the article -ն after the vowel
        ("hy", "ռադիո", "ռադիոյից"),
        ("hy", "վիդեո", "վիդեոները"),
        ("hy", "աուդիո", "աուդիոյով"),
        ("ka", "სანიშნე", "სანიშნის"),  # a final vowel that is no ending: its stem's forms
    ],
)
def test_the_plurals_after_a_vowel_and_an_articles_lemma_still_match(lang, term, text):
    assert matches(lang, term, f"{text} ")


def test_every_irregular_data_file_reads_and_its_stems_match():
    files = sorted(IRREGULAR_DIR.glob("*.txt"))
    assert {f.stem for f in files} >= {"sq", "ka", "hy", "sh-Latn", "sh-Cyrl"}
    tags = {"sq": "sq", "ka": "ka", "hy": "hy", "sh-Latn": "sr-Latn", "sh-Cyrl": "sr-Cyrl"}
    for name, tag in tags.items():
        table = irregular_stems(name)
        assert table, name
        for lemma, stems in table.items():
            for stem in stems:
                assert matches(tag, lemma, stem), (name, lemma, stem)
                assert not matches(tag, lemma, stem + "qqq"), (name, lemma, stem)


def test_a_term_only_in_msgid_plural_is_demanded_only_in_the_plural_forms(moci, tmp_path):
    import polib

    moci("add", "file", "--term", "en=file", "--term", "sq=kartelë", "--yes")
    moci("add", "folder", "--term", "en=folder", "--term", "sq=dosje", "--yes")
    po = polib.POFile()
    po.metadata = {"Language": "sq", "Content-Type": "text/plain; charset=UTF-8"}
    po.append(
        polib.POEntry(
            msgid="One item",
            msgid_plural="%d files",
            msgstr_plural={0: "Një objekt", 1: "%d kartela"},
        )
    )
    po.append(
        polib.POEntry(
            msgid="One folder",
            msgid_plural="%d items",
            msgstr_plural={0: "Një dosje", 1: "%d objekte"},
        )
    )
    po.append(
        polib.POEntry(
            msgid="One file",
            msgid_plural="%d files",
            msgstr_plural={0: "Një kartelë", 1: "%d objekte"},
        )
    )
    path = tmp_path / "p.po"
    po.save(str(path))
    result = moci("check-po", str(path), "--format", "json", ok=False)
    findings = json.loads(result.output)["findings"]
    assert [(f["concept"], f["msgid"]) for f in findings] == [("file", "One file")]


def test_check_po_reports_a_look_alike_word_end_to_end(moci, tmp_path):
    from tests.test_checkpo import write_po

    moci("add", "update", "--term", "en=update", "--term", "ka=განახლება", "--yes")
    moci("add", "city", "--term", "en=city", "--term", "sq=qytet", "--yes")
    ka = write_po(tmp_path / "ka.po", "ka", [("Install the update", "დააინსტალირეთ განათლება")])
    sq = write_po(tmp_path / "sq.po", "sq", [("A city", "Një qytetar"), ("The city", "Qyteti")])
    result = moci("check-po", str(ka), str(sq), "--format", "json", ok=False)
    findings = json.loads(result.output)["findings"]
    assert sorted((f["concept"], f["msgid"]) for f in findings) == [
        ("city", "A city"),
        ("update", "Install the update"),
    ]


def test_keyboard_mnemonics_inside_a_translation_are_ignored():
    assert matches("sq", "emër", "E_mri i lidhjes:")
    assert matches("sq", "libërshënues", "Shto li_bërshënues")
    assert matches("ka", "ფაილი", "&ფაილის გახსნა")
    # A mnemonic on a capital right after a small letter: a space left out (held out: Marco)
    assert matches("hy", "տարածք", "Տեղափոխել դեպի աշխատանքային տարածք_Վեր")
    assert matches("sq", "skedar", "Hap_Skedarin")
    assert not matches("sq", "emër", "Riem_ërto")  # inside a word: still one word


@pytest.mark.parametrize(
    ("lang", "term", "text"),
    [
        ("hy", "գործողությունը", "գործողության անունը"),  # a term given with its article
        ("hy", "նիշեր", "նիշը"),  # a term given in the plural
        ("hy", "բովանդակության", "բովանդակությունը"),  # a term given in the genitive
        ("hy", "թեման", "Թեմայի բեռնելու սխալ"),  # a lemma in -ա given with its article
        ("hy", "կոնֆիգուրացիան", "Ընթացիկ կոնֆիգուրացիա"),
        # a term given with its article -ն after a consonant (before a vowel, in a phrase)
        ("hy", "ծանուցումն", "Նոր ծանուցում"),
        ("hy", "ծանուցումն", "ծանուցումները անջատված են"),
        ("hy", "գործառույթն", "մատչելիության գործառույթը"),
        ("hy", "արժեքն", "Արժեքը սխալ է"),
        ("ka", "სანიშნეების", "სანიშნის"),
        ("sq", "emri", "emër"),
        ("sq", "tema", "Instalimi i temës dështoi"),  # feminine definite -a: tema → temë
        ("sq", "tema", "një motor teme"),
        ("sq", "gërmat", "Gërma bazë"),  # definite plural -t: gërmat → gërmë
        ("sq", "gërmat", "Lloji i gërmave"),
        ("sq", "skedarët", "Hap skedarin"),
        ("sq", "faqja", "Zgjidh faqen"),  # definite forms of a feminine noun in -e
        ("sq", "faqja", "Numri i faqeve"),
        ("sq", "dritares", "Mbyll dritaren"),
        ("sq", "dritaren", "Dritaret e hapura"),
        ("sq", "kufi", "u tejkalua kufiri"),  # a stressed -i takes -r- (held out: HexChat)
        ("sq", "kufi", "Nofka që hoqi kufirin"),
        ("sq", "dru", "ngjyra e drurit"),  # ... and a stressed -u
        ("sq", "orën", "Ora e tanishme"),  # a short word: stem or- (held out: MATE Panel)
        ("sq", "orën", "Përcaktimi i orës së sistemit"),
        ("sq", "orë", "Rregullimet e orës"),
        ("ka", "ფაილი", "ფაილური სისტემა"),  # a relational adjective
        ("hy", "սեփականատեր", "սեփականատիրոջ"),  # a compound declines like its last part
    ],
)
def test_a_term_given_inflected_matches_the_other_forms_of_its_lemma(lang, term, text):
    assert matches(lang, term, text)


def test_an_albanian_lemma_reduced_from_its_definite_form_takes_only_endings():
    assert not matches("sq", "tema", "temperatura është e lartë")
    assert not matches("sq", "gërmat", "gërmimi i tokës")
    assert not matches("sq", "faqja", "faktori kryesor")
    assert not matches("sq", "dritares", "dritëhije")
    assert not matches("sq", "kufi", "kufitar")  # the -r- stem takes endings, not words
    assert not matches("sq", "orën", "një motor i ri")  # or- is no compound's last part
    assert not matches("sq", "orën", "orari i ri")


def test_the_real_catalog_judgements_are_complete():
    import csv
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "benchmarks" / "checkpo_judgements.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert len(rows) >= 150
    for row in rows:
        assert row["verdict"] in ("real", "false"), row
        assert row["reason"].strip() and row["concept"] and row["file"].endswith(".po"), row


def test_a_translated_menu_path_is_text_and_a_file_path_is_not():
    assert matches("sq", "mesazh", "/Bisedë/Mesazh i Ri…")  # Pidgin's /Menu/Item paths
    assert matches("ka", "ფაილი", "/ფაილი/გახსნა")
    assert not matches("sq", "mesazh", "Shih /usr/share/mesazh")
    assert not matches("sq", "faqe", "Hap /Applications/Faqe.app")


def test_the_held_out_judgements_name_their_catalogs_and_reasons():
    import csv
    from pathlib import Path

    bench = Path(__file__).resolve().parent.parent / "benchmarks"
    with (bench / "checkpo_heldout_judgements.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert len(rows) >= 120
    data = bench / "data" / "checkpo_heldout"
    for row in rows:
        assert row["verdict"] in ("real", "false", "unsure"), row
        assert row["reason"].strip() and (data / (row["file"] + ".xz")).is_file(), row


# Georgian and Armenian forms found on real catalogs (benchmarks/checkpo_judgements.tsv).
@pytest.mark.parametrize(
    ("lang", "term", "text"),
    [
        ("ka", "საქაღალდის", "აირჩიეთ საქაღალდე"),  # a genitive term: its -ე nominative
        ("ka", "გამჭვირვალობის", "აცილებს გამჭვირვალობას"),  # ... and its -ა dative
        ("ka", "ეკრანის", "სრულეკრანიანი ჩვენება"),  # the "having" adjective in -იან
        # ... also on the plural stem (GCompris' "Full word image set": with words; round 22)
        ("ka", "სიტყვა", "სიტყვებიანი გამოსახულებების სრული ნაკრები"),
        ("ka", "ფაილი", "ლოკალური ფაილებისთვისაა"),  # long postposition -თვისა + -ა
        # the likeness adjectives -ისებრი, -ისმაგვარი (Caja, MATE Panel: rounds 3, 4)
        ("ka", "დასტა", "სამუშაო მაგიდის დასტისებრი გახსნა"),
        ("ka", "პანელი", "პანელისმაგვარი ობიექტის ტიპი"),
        ("ka", "პანელი", "პანელისმაგვარ ობიექტს"),
        ("ka", "გარსი", "ვებგარსზე"),  # a -სი noun is no dative: its compounds are found
        ("hy", "գույն", "գունային անիվ"),  # գույն → գուն- before a suffix (data)
        ("hy", "անուն", "այլ անվամբ"),  # the instrumental of the -ան declension (data)
        ("hy", "նիշեր", "Ձայնանիշեր"),  # a compound part, though ի may drop (նշ-)
        ("ka", "უჯრებს", "უჯრის დაცვა"),  # a dative plural term: its lemma უჯრა (held out)
        ("ka", "უჯრებს", "აირჩიეთ უჯრა"),
        ("hy", "նկար", "նկարումդ անձրևի կաթիլ"),  # case + possessive -դ (held out: Tux Paint)
        # a term given in the genitive of a stem that drops a vowel gets it back (round 7:
        # Xfce Panel საგნის → საგანი; GNOME Shell მომხმარებლის → მომხმარებელი)
        ("ka", "საგნის", "უსახელო საგანი"),
        ("ka", "საგნის", "მოაცილებთ ამ საგანს"),
        ("ka", "მომხმარებლის", "პრივილეგირებული მომხმარებელი"),
        ("ka", "მონიშნული", "მხოლოდ ტექსტური მონიშვნა"),  # one verb's noun (data; Klipper)
        ("ka", "კალენდრის", "ახალი კალენდარი"),  # -რის → -არ-
        # Albanian plural stems: -ull → -uj, -k → -q before -e (round 7: Gramps, Xfburn)
        ("sq", "artikull", "Klasifiko artikujt e grafut"),
        ("sq", "artikull", "artikuj në dispozicion"),
        ("sq", "disk", "dialogun për zbardhje disqesh"),
        # ... and back: a term given in that plural (round 8: Quadrapassel blloqe → bllok);
        # a term in the -u declension's accusative (Tux Paint miun → mi, miut)
        ("sq", "blloqe", "Parashiko bllokun që vjen"),
        ("sq", "blloqe", "blloku i ri"),  # ... its singular's forms, the -u declension
        ("sq", "blloqe", "blloqet"),
        ("sq", "faqe", "numri i faqeve"),
        ("sq", "miun", "butonin e majtë të miut"),
        # a term given in the -uj plural of an -ull noun (round 13: Plone's artikuj)
        ("sq", "artikuj", "Asnjë artikull në këtë dosje."),
        ("sq", "artikujt", "për çdo artikull"),
        ("sq", "tituj", "Modifiko titullin"),
        ("hy", "ֆայլ", "ֆայլերիցս"),
        # round 9 (KWin, GNOME Maps, LibreOffice Calc): left and right, the adverb and the
        # adjective, one word (data); Armenian terms given in a case with -յ- (GNOME
        # Applets' թեմայի), in the classical spelling (Xfce Clipman's պատմութեան), and the
        # adjective of a loanword in -իա (MATE's կոնֆիգուրացիոն)
        ("ka", "მარცხნივ", "ეკრანის მარცხენა მხარეს"),
        ("ka", "მარჯვენა", "ერთი სამუშაო მაგიდით მარჯვნივ"),
        ("ka", "მარჯვნივ", "მარჯვნიდან შემობრუნდით"),
        ("hy", "թեմայի", "Թեմաներ"),
        ("hy", "թեմայի", "Ընտրել թեմա"),
        ("hy", "պատմութեան", "Մաքրել պատմութիւնը"),
        ("hy", "պատմութեան", "ընտրուած տարրը պատմութիւնից"),
        ("hy", "կոնֆիգուրացիան", "Պրոքսի սերվերի կոնֆիգուրացիոն ձեռնարկ"),
        ("hy", "անիմացիա", "ձկնիկի անիմացիոն պատկերը"),
        # a Georgian term given as its bare stem has its lemma's data (GIMP's მონიშნულ)
        ("ka", "მონიშნულ", "მონიშვნის ნიღაბი"),
        # rounds 12-14: a term given in the genitive of -ავი (Krusader's ნაგვის, of the
        # trash → ნაგავში, into the trash), in the ablative (Plasma System Monitor's
        # აპლიკაციიდან, from the application → აპლიკაცია, აპლიკაციის), and the ablative
        # before the particle -ა (Fragments, NeoChat: მიერთებიდანაა, is from the connection)
        ("ka", "ნაგვის", "ნაგავში გადატანა"),
        ("ka", "ნაგვის", "ნაგავი ცარიელია"),
        ("ka", "აპლიკაციიდან", "აირჩიეთ აპლიკაცია"),
        ("ka", "აპლიკაციიდან", "აპლიკაციის ნახვა"),
        ("ka", "მიერთება", "ეს სტატისტიკა დაშორებული მიერთებიდანაა"),
        ("ka", "მოწყობილობა", "შემოწმებული მოწყობილობიდანაა გამოგზავნილი"),
        # round 16: a term given in the genitive of a lemma in -ა keeps the lemma's vowel
        # (KAlarm's ფანჯრის, of the window → ფანჯარაში, into the window; KsirK's ქვეყნის)
        ("ka", "ფანჯრის", "ტერმინალის ფანჯარაში გაშვება"),
        ("ka", "ფანჯრის", "ფანჯარა დაიხურა"),
        ("ka", "ქვეყნის", "ქვეყანაზე"),
        # round 16: a term given with a postposition (findutils' სისტემაზე), a participle
        # given as its stem said by its verbal noun (KMail's მიმაგრებულ → მიმაგრების), the
        # verbal noun of მონიშნული in a case (Kwave's მონიშვნას)
        ("ka", "სისტემაზე", "სისტემას ფაილის დროის აღმოჩენის საშუალება არ გააჩნია"),
        ("ka", "სისტემაზე", "ფაილური სისტემების სია"),
        ("ka", "მიმაგრებულ", "მიმაგრების სიტყვა"),
        ("ka", "მონიშნული", "დააყენებს მონიშვნას"),
        # round 16: a verbal noun given in the genitive -ման finds its -ում forms
        # (LibreOffice's որոնման → Որոնումը), a Georgian term given as its plural stem -ებ
        # finds its lemma's (Kajongg's წესებ → წესში, in the rule; წესი, წესს)
        ("hy", "որոնման", "Որոնումը չհաջողվեց ավարտել"),
        ("hy", "ընդմիջման", "Ավելացնել ընդմիջում"),
        ("ka", "წესებ", "შეუძლებელი მნიშვნელობა წესში"),
        ("ka", "წესებ", "წესი"),
        # round 16: Albanian irregular nouns (irregular/sq.txt), also given in the plural
        # (Liferea's items zëra → Zë; Postorius' header krye → vlerën e kreut), and an
        # Armenian term given as an irregular full form (տարվա, of the year → տարիներ)
        ("sq", "zëra", "S’është përzgjedhur zë"),
        ("sq", "zëra", "zërat"),
        ("sq", "zë", "zërave"),
        ("sq", "krye", "vlerën e kreut"),
        ("sq", "krye", "krerët"),
        ("hy", "տարվա", "տարիների քանակը"),
        # a term given in the definite form of an irregular lemma (GTK 3's biri, the child
        # widget: bir → bij; round 19), and the same with the final vowel back (dora → dorë)
        ("sq", "biri", "Rreshti ka bij"),
        ("sq", "biri", "Nëse bijtë duhet të jenë të tërë të një madhësie"),
        ("sq", "dora", "me duart"),
        # a term given in the definite of an irregular lemma's listed stem (round 22:
        # KeePassXC's entry zëri, of zë: zër-i) is its lemma with the lemma's stems
        ("sq", "zëri", "Përpunoni një zë"),
        ("sq", "zërit", "Shtoni zë të ri"),
        ("sq", "zërin", "Krijoni Zë"),
        # round 22: an Armenian lemma in -ի given with its article (Lichess's queen թագուհին:
        # the genitive թագուհու, the instrumental թագուհով), a noun given in the
        # instrumental, a verbal noun in -ում given in the locative (Lichess's ֆորումում)
        ("hy", "թագուհին", "Թագուհու վերջնախաղ"),
        ("hy", "թագուհին", "Թագուհով և նավակով վերջնախաղ"),
        ("hy", "թագուհին", "Թագուհի"),
        ("hy", "ֆայլով", "ֆայլերի ցանկ"),
        ("hy", "ֆորումում", "ֆորումի վարվելակարգը"),
        # round 22: a Georgian term given with the postposition -თვის on the genitive
        # (GeoNode's field ველისთვის), in the instrumental (Orca's umlaut უმლაუტით, with
        # the vowel a genitive drops back: ნიშნით → ნიშანი) or the adverbial
        ("ka", "ველისთვის", "სესიების ველი"),
        ("ka", "ველისთვის", "შეამოწმეთ შემდეგი ველები"),
        ("ka", "უმლაუტით", "უმლაუტი"),
        ("ka", "ნიშნით", "ნიშანი"),
        ("ka", "ფაილად", "ფაილის გახსნა"),
        # a year (წელიწადი) said წელი in its nominative too, not only in its cases (წლის):
        # GCompris' "Year: %1", "a year on Jupiter is 12 Earth years" (წელია); round 22
        ("ka", "წელიწადი", "წელი: %1"),
        ("ka", "წელიწადი", "იუპიტერის ერთი წელი დედამიწის 12 წელია."),
        # round 17: the verbal noun in -ում made on a noun term through its verb in -ել,
        # declined (Thunderbird's կազմաձեւ, configuration → կազմաձևումը, կազմաձևման), the
        # ligature և and ե + ւ either way round
        ("hy", "կազմաձեւ", "Հաստատեք ընդլայնված կազմաձևումը"),
        ("hy", "կազմաձեւ", "Ստանում է սպասարկիչի կազմաձևման տեղեկույթը..."),
        ("hy", "կազմաձև", "կազմաձեւմամբ"),
        ("hy", "կազմաձև", "կազմաձևումների ցանկ"),
        # round 32 (session 31, made after reading it): an agent noun whose verb's noun in
        # -ություն is the action, listed (irregular/hy.txt), declined (OJS's review գրախոս,
        # a reviewer → գրախոսել, to review → գրախոսություն, a review; the genitive-dative
        # -ության, the instrumental -ությամբ, the classical -ութիւն)
        ("hy", "գրախոս", "Գրախոսություն"),
        ("hy", "գրախոս", "Գործընկերային գրախոսության գործընթաց"),
        ("hy", "գրախոս", "ավարտել ձեր գրախոսությունը"),
        ("hy", "գրախոս", "գրախոսությամբ"),
        ("hy", "գրախոս", "գրախոսություններ"),
        ("hy", "գրախոս", "գրախոսութիւնը"),
        # round 23: a noun in -ու given in its genitive -վի (MediaWiki Content Translation's
        # language լեզվի) finds the lemma's forms on -ու (լեզու, լեզուները, լեզուների)
        ("hy", "լեզվի", "Անվավեր նպատակային լեզու։"),
        ("hy", "լեզվի", "Բոլոր լեզուները"),
        ("hy", "լեզվի", "Ընտրված լեզուների համար"),
        # round 24 (session 19, made after reading it): a noun in -իվ given in its genitive
        # -վի (AOSP Email's account հաշվի) finds its lemma's forms (հաշիվ, հաշիվը, հաշիվներ)
        ("hy", "հաշվի", "Էլփոստի հաշիվ"),
        ("hy", "հաշվի", "Չհաջողվեց ստեղծել հաշիվը:"),
        ("hy", "հաշվի", "Բոլոր հաշիվները"),
        # round 25 (session 19, made after reading it): a term given in the genitive -ի whose
        # lemma's last syllable lost ու or ի there (NodeBB's and Session's group խմբի;
        # GTK's program ծրագրի, LibreOffice's issue խնդրի, Caja's computer համակարգչի) finds
        # its lemma's forms with the vowel back (խումբ, խումբը, ծրագիր, խնդիր, համակարգիչ)
        ("hy", "խմբի", "Ստեղծել խումբ"),
        ("hy", "խմբի", "Դուք լքեցիք խումբը։"),
        ("hy", "ծրագրի", "Ծրագիրը"),
        ("hy", "խնդրի", "Խնդիր"),
        ("hy", "համակարգչի", "Համակարգիչ"),
        ("hy", "թղթի", "Թուղթ"),
        # round 27 (session 25, made after reading it): people, a term given as the plural
        # in -իկ (WECHANGE's մարդիկ), finds its genitive-dative plural -կանց (data)
        ("hy", "մարդիկ", "Հրավիրել մարդկանց"),
        ("hy", "մարդիկ", "Մուտքագրեք այն մարդկանց էլ. փոստի հասցեները"),
        ("hy", "մարդիկ", "մարդկանցից"),
        ("hy", "մարդ", "մարդկանց հետ"),
        ("hy", "տղամարդ", "տղամարդկանց"),  # a compound declines as its last part
        # round 23: an Albanian term that is a verb in -on (Content Translation's missing
        # mungon, it is missing) finds the verb's other forms
        ("sq", "mungon", "Nuk mungojnë seksione."),
        ("sq", "mungon", "Shëno si të munguar"),
    ],
)
def test_georgian_and_armenian_forms_of_real_catalogs_are_the_term(lang, term, text):
    assert matches(lang, term, text)


@pytest.mark.parametrize(
    ("lang", "term", "other"),
    [
        ("ka", "გარსი", "გარეთ"),  # interface / outside: გარსი gives no stem გარ-
        ("hy", "գույն", "գնի"),  # colour / price (գին → գնի): an irregular stem loses no vowel
        # a lemma in -յն keeps its ն: no article read off it (գույն, a colour: no գույք, goods)
        ("hy", "գույն", "գույքը"),
        ("hy", "ձայն", "ձայիր"),
        ("hy", "նիշեր", "անիշխանություն"),  # a compound part needs its whole stem
        ("ka", "ფილტრი", "ფილტერი"),  # a nominative term gets no vowel put back
        ("ka", "საგნის", "საგანგებო"),  # a vowel put back takes endings, not words
        # only the vowel the lemma has (review of b71e642): other words stay other words
        ("ka", "სახლის", "სახელი"),  # of a house / name
        ("ka", "თვლის", "თვალი"),  # of counting / eye
        ("ka", "უფლების", "უფალი"),  # of a right / Lord
        ("ka", "საკუთრების", "საკუთარი"),  # of property / own
        ("ka", "შექმნის", "შექმენით"),  # of creating / create!
        ("ka", "კალენდრის", "კალენდერი"),  # a misspelling of კალენდარი
        ("sq", "pikë", "Piqet"),  # a feminine -kë has no -q- plural stem (pika): "ripens"
        ("sq", "blloqe", "blloqim"),  # a -qe plural's lemma takes endings, not derivations
        ("sq", "artikuj", "artikulim"),  # an -uj plural's lemma takes endings, not derivations
        ("hy", "որոնման", "որոնիչ"),  # of the search / search engine: -ում's forms only
        # -ություն on a noun makes another concept's noun: only listed ones are the term
        # (review31 F4: a friend / a company, a member / membership)
        ("hy", "ընկեր", "Ավելացնել ընկերություն"),
        ("hy", "ընկեր", "Ընկերության հարցումներ"),
        ("hy", "անդամ", "Ավելացնել անդամություն"),
        ("hy", "հրաման", "հրավեր"),  # a lemma in -ման (command) / invitation
        ("ka", "წესებ", "წესრიგი"),  # rules / order: the lemma's endings only
        ("sq", "krye", "kredi"),  # head / credit: the stem kre- takes endings, not words
        ("sq", "krye", "krejt"),  # (entirely: kre- + -jt; the data lists kreu, not kre-)
        ("sq", "thua", "thonë"),  # (they say: tho- + -në; the data lists thoi)
        ("sq", "zëra", "zemra"),  # items / hearts
        # the daughter bija is bij- with the feminine -a, not the plural stem of bir (a son)
        ("sq", "bija", "biri"),
        ("sq", "bija", "Emri i birit"),
        # a lemma in -ից (մասնակից, a participant) is no ablative: մասնակի (partial) stays
        # another word; nor is անուն (a name) an article on անու-: ցանկանու՞մ (do you want)
        ("hy", "մասնակից", "մասնակի ընտրություն"),
        ("hy", "անուն", "Ցանկանու՞մ եք շարունակել"),
        # -ին also ends adjectives: վերջին (last) is no վերջ (an end), առաջին (first) no առաջ
        ("hy", "վերջին", "Վերջ"),
        ("hy", "վերջին", "խաղի վերջը"),
        ("hy", "վերջին", "ցուցակի վերջում"),
        ("hy", "առաջին", "Առաջ"),
        # the verbal noun in -ում on the term as written, not on an irregular case stem:
        # անուն (a name) → անվան-, անվանում (a title) is a word of its own
        ("hy", "անուն", "Դաշտի անվանումը"),
        # the lemma in -ու of a genitive in -վի takes endings, not words (լեզու, a language;
        # լեզուաբանություն is no form of it)
        ("hy", "լեզվի", "լեզուաբանություն"),
        # nor is the -իվ lemma's stem a word's start (հաշիվ, an account; հաշվիչ, a counter,
        # and հաշվարկ, a calculation, are words of their own)
        ("hy", "հաշվի", "հաշիվարկ"),
        ("hy", "հաշվի", "Հաշվիչ"),
        # a genitive's lemma gets its vowel back before the stem's last one or two consonants
        # only: a vowel before them (տարի, a year, a nominative: no տար-ի) brings none, and
        # the vowel is ու or ի alone (խմբի, of the group: խամբ is no form of it)
        ("hy", "տարի", "տաուր"),
        ("hy", "խմբի", "խամբ"),
        # a verb term's forms are exact (mungesë, an absence, is a noun of its own)
        ("sq", "mungon", "mungesë"),
    ],
)
def test_the_new_georgian_and_armenian_rules_take_no_other_word(lang, term, other):
    assert not matches(lang, term, other)


# Round 18: a term given in the plural matches every form of its lemma, whatever the
# lemma's stem class (Inflection.plural): the Georgian a-stems drop their -ა before the
# plural -ებ- as the consonant stems their -ი (LibreOffice help's cells უჯრები → უჯრა), a
# plural stem that dropped a vowel gets it back (ფანჯრები → ფანჯარა, მომხმარებლები →
# მომხმარებელი), an Armenian monosyllable's vowel-less plural stem its vowel (Calibre's
# books գրքեր → գիրք); and still no other word that starts alike.
@pytest.mark.parametrize(
    ("lang", "term", "text", "other"),
    [
        ("ka", "უჯრები", "აჩვენებს მოცემულ უჯრაზე მიმაგრებულ შენიშვნას", "უჯრედი"),
        ("ka", "უჯრები", "შეიყვანეთ უჯრათა დიაპაზონი", "უჯრედული"),
        ("ka", "უჯრები", "ფორმულა მიმდინარე უჯრაში", "უჯრედში"),
        ("ka", "უჯრები", "გადაყავს კურსორი პირველ უჯრასთან", "უჯრაობა"),
        ("ka", "უჯრებს", "უჯრაში", "უჯრედს"),
        ("ka", "საკუთრების", "საკუთრებაში", "საკუთარი"),  # of property (no plural) / own
        ("ka", "ხაზები", "ხაზაზე", "ხაზავს"),  # lines / draws
        ("ka", "ფერები", "ფერაში", "ფერადი"),  # colours / coloured
        ("ka", "ცვლილებები", "ცვლილებას", "ცვლადი"),
        ("ka", "ფანჯრები", "ტერმინალის ფანჯარაში", "ფანჯარასავით"),
        ("ka", "ქვეყნები", "ქვეყანა", "ქვეყნიერება"),  # countries / the world
        ("ka", "მომხმარებლები", "დარწმუნდეთ, რომ მომხმარებელმა დახურა", "მომხმარება"),
        ("hy", "գրքեր", "Ներբեռնում եմ գիրքը", "գրիչ"),  # books / a pen
        ("hy", "գրքեր", "%s գիրք", "գրքույկ"),  # a booklet: a word of its own
        ("hy", "մտքեր", "միտքը", "մտածել"),  # thoughts / to think
    ],
)
def test_a_term_given_in_the_plural_matches_its_lemma_and_no_other_word(lang, term, text, other):
    assert matches(lang, term, text)
    assert not matches(lang, term, other)


# Round 19 (Kalzium, KDE PIM's libraries, Spectacle): a term given in the genitive of an agent
# noun in -ებელი after a vowel (მწარმოებლის, of the manufacturer → მწარმოებელს, after a
# slash), in the plural of a noun in -ამი that drops its ა (libksieve's flags ალმები → ალამი),
# or with a postposition on a consonant stem (ღილაკზე, on the button → ღილაკი; ბუფერში, in
# the clipboard → ბუფერი); and still no other word that starts alike.
@pytest.mark.parametrize(
    ("term", "text", "other"),
    [
        ("მწარმოებლის", "მიმართეთ მომწოდებელს/მწარმოებელს", "მწარმოება"),  # production
        ("მწარმოებლის", "მწარმოებელი", "მწარმოებს"),  # produces
        ("ალმები", "აქვს ალამი", "ალმასი"),  # a diamond
        ("ღილაკზე", "ეს ღილაკი ხსნის ცალკე ფანჯარას", "ღილი"),  # a (coat) button
        ("ღილაკზე", "პანელის ღილაკების ჩართვა", "ღილაკოვანი"),  # buttoned: a word of its own
        ("ბუფერში", "ბუფერს", "ბუფეტი"),  # a buffet
    ],
)
def test_a_georgian_term_given_in_a_case_finds_its_lemma(term, text, other):
    assert matches("ka", term, text)
    assert not matches("ka", term, other)


@pytest.mark.parametrize(
    ("term", "text", "other"),
    [
        # round 18 (LibreOffice help): a term given in the definite -u of a noun in -g, -k,
        # -h finds its indefinite and plural forms; not a word that goes on after the stem
        ("dialogu", "mbyll një dialog pa ruajtur", "dialogoj"),
        ("dialogu", "Organizo ~dialogjet", "dialogimi"),
        ("blloku", "Shfaq bllok", "bllokim"),
    ],
)
def test_an_albanian_term_given_in_the_definite_u_finds_its_lemma(term, text, other):
    assert matches("sq", term, text)
    assert not matches("sq", term, other)


# Round 18 (Firefox): a term that is a noun's relational adjective (hy -ային, -ական) stands
# for the noun: the action nouns of the verbs made on it (-ավորում, -ացում; genitive -ման)
# are the term (Inflection.action_nouns); not the bare noun, nor on a noun term.
@pytest.mark.parametrize(
    ("term", "text", "other"),
    [
        ("պահուստային", "Միացնել պահուստավորումը", "պահուստը"),
        ("պահուստային", "Փոխել պահուստավորման գաղտնաբառը", "պահուստում"),
        ("պահուստային", "Պահուստացում...", "պահուստով"),
        ("գունային", "գունավորմամբ", "գունատ"),  # colour's: colouring / pale
    ],
)
def test_an_adjective_terms_noun_makes_its_action_nouns(term, text, other):
    assert matches("hy", term, text)
    assert not matches("hy", term, other)
    noun = term.removesuffix("ային")
    assert not matches("hy", noun, text)  # (a noun term: ձև, a form → ձևավորում, design)


@pytest.mark.parametrize("size", [1, 2, 3, 4])
@pytest.mark.parametrize(
    "words", [[], ["Hap"], ["Hap", "skedarin"], ["Hap", "skedarin", "e", "ri", "tani", "Ëë"]]
)
def test_closest_words_phrase_is_the_candidate_phrase_found(words, size):
    # closest_words searches the casefolded runs alone and writes only the phrase found.
    from moci_vocab.checkpo.target_match import candidate_choices, candidate_phrases, phrase_at

    written, folded = candidate_phrases(words, size)
    if not words:
        assert written == folded == []
        return
    lowered = [word.casefold() for word in words]
    assert folded == (lowered if size == 1 else candidate_choices(lowered, size))
    assert [phrase_at(words, size, k) for k in range(len(folded))] == written


def test_only_u0345_folds_to_one_letter_of_another_kind():
    # folded_words finds a translation's words in its casefolded text when that is as
    # long as the text (each letter folded to one): only U+0345 then changes kind.
    import re
    import sys

    word = re.compile(r"[^\W_]")
    changed = []
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        folded = char.casefold()
        one = folded != char and len(folded) == 1
        if one and bool(word.match(char)) != bool(word.match(folded)):
            changed.append(char)
    assert changed == ["\u0345"]


_FOLD_TEXTS = [
    "",
    "Hap skedarin e ri",
    "ÇELËSI_i ri",
    "İstanbul dhe ǰ",  # letters that fold to two letters, one a combining mark
    "α\u0345β ΣΑΣ",  # U+0345 after a letter: a mark that folds to a letter
    "ß straße ﬁle",
    "a_b __ 12 x1_",
]


@pytest.mark.parametrize("plain", _FOLD_TEXTS)
def test_folded_words_are_the_words_casefolded(plain):
    from moci_vocab.checkpo.target_match import folded_words, surface_words

    assert folded_words(plain, plain.casefold()) == [w.casefold() for w in surface_words(plain)]


def test_folded_words_are_the_words_casefolded_for_any_text():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from moci_vocab.checkpo.target_match import folded_words, surface_words

    letters = st.sampled_from([*"aZ_ ë-.İǰßﬁΣσς", "\u0345", "\u0307", "\u00a0"]) | st.characters()

    @settings(max_examples=300, deadline=None)
    @given(st.lists(letters, max_size=12).map("".join))
    def check(plain):
        assert folded_words(plain, plain.casefold()) == [w.casefold() for w in surface_words(plain)]

    check()


@pytest.mark.parametrize("lang", ["hy", "ka", "sq"])
def test_a_long_term_compiles_in_linear_time(lang):
    # A term of 200,000 letters (an untrusted glossary): its irregular lemma was looked for
    # at every one of its ends, each a slice of the word (quadratic: 200,000 letters took
    # about 25 s); now only the ends as long as a listed lemma at most.
    import time

    word = {"hy": "ա", "ka": "ა", "sq": "a"}[lang] * 200_000
    started = time.process_time()
    patterns = compile_term(word + " " + word, "preferred", [], for_language(lang))
    assert time.process_time() - started < 1.0
    assert patterns[0].words[0].word == word


def test_a_long_declared_form_is_split_into_words_once():
    # A term's declared form of 20,000 words (an untrusted glossary): its words were found
    # again for each of them (quadratic: 8,000 words took 13 s); now once.
    import time

    form = " ".join(["fjalë"] * 20_000)
    started = time.process_time()
    patterns = compile_term("fjalë", "preferred", [form, "fjalës"], for_language("sq"))
    assert time.process_time() - started < 1.0
    assert "fjalës" in patterns[0].words[0].exact  # a one-word form stays an exact form
    assert len(patterns[-1].words) == 20_000  # the long one a pattern of its words


@pytest.mark.parametrize(
    ("term", "text", "other"),
    [
        # round 19 (GTK 3's properties): the -յուն → -յան genitive of a monosyllable, too
        # short for the rule that gives արյուն → արյան (irregular/hy.txt)
        ("սյուն", "Սյան ընթացիկ լայնությունը", "սյունակ"),  # (a derived word of its own)
        ("սյուն", "Տեսակավորման սյան ID", "սյուժե"),  # (a plot: another word)
        ("ձյուն", "ձյան", "ձյութ"),
    ],
)
def test_an_armenian_monosyllable_in_yun_has_its_genitive_in_yan(term, text, other):
    assert matches("hy", term, text)
    assert not matches("hy", term, other)


@pytest.mark.parametrize(
    ("word", "term", "expected"),
    [
        ("vitit", "vizitë", True),  # two edits, before the ending
        ("kartolë", "kartelë", True),
        ("kreve", "krye", False),  # the same stem, another ending: a form
        ("ატვირთოთ", "ატვირთვა", False),  # the verb beside the noun
        ("որ", "պորտ", False),  # too short
        ("figurë", "kartelë", False),  # another word
        # a short term takes one edit and no shorter word (review, session 19)
        ("mund", "menu", False),
        ("այլ", "ֆայլ", False),
        ("ერი", "ფერი", False),
        ("bajt", "sajt", True),
    ],
)
def test_a_near_miss_differs_from_the_term_before_its_ending(word, term, expected):
    from moci_vocab.checkpo.target_match import near_miss

    assert near_miss(word, term) is expected


def test_stems_of_one_length_go_by_their_letters_not_by_a_sets_order():
    """A term's stems, longest first and of one length by their letters: a compiled glossary
    is the same whatever the hash seed of the process that compiled it (review 22, L1)."""
    assert longest_first(["abd", "abc", "ab", "abe"]) == ("abc", "abd", "abe", "ab")
    assert longest_first({"zë", "zër", "zëra"}) == ("zëra", "zër", "zë")


# Issue 15: "A glossary term given in an inflected form matches all forms of its lemma".
# Each row is one noun's forms (definite, case, plural): every form given as the term finds
# every other. Session 23 added the Albanian genitive plural -ve, the Georgian instrumental
# and adverbial of an -ა or -ე stem, the Armenian definite of an irregular lemma (անունը →
# անվան), the instrumental -վով of -ու and -իվ nouns, and a plural in -եր whose last
# syllable lost its vowel (ծրագրեր → ծրագիր). Left out, as lemmas end so too: the Albanian
# definite accusative -në, definite plural -të and ablative plural -sh of a stressed -i
# noun (kategorinë: makinë, shinë, qiparish are lemmas), the Armenian ablative -ից
# (մասնակից), dative -ին (վերջին) and locative -ում (a verbal noun's own ending), the
# Georgian ergative -მა (ფორმა) and the genitive plural -ების of an -ა stem (a verbal
# noun's genitive: განახლების).
PARADIGMS = [
    ("sq", "kategori kategoria kategorisë kategorie kategorive"),
    ("sq", "shtëpi shtëpia shtëpisë shtëpie shtëpive"),
    ("sq", "emër emri emrin emrit emra emrat emrave emrash"),
    ("sq", "përdorues përdoruesi përdoruesin përdoruesit përdoruesve"),
    ("sq", "skedar skedari skedarin skedarit skedarë skedarët skedarëve"),
    ("sq", "faqe faqja faqen faqes faqet faqeve"),
    ("sq", "gjuhë gjuha gjuhën gjuhës gjuhe gjuhët gjuhëve"),
    ("ka", "ფაილი ფაილის ფაილს ფაილით ფაილად ფაილები ფაილების ფაილებს ფაილში ფაილზე"),
    ("ka", "ენა ენის ენას ენით ენად ენები ენაზე"),
    ("ka", "პროგრამა პროგრამის პროგრამას პროგრამით პროგრამები პროგრამაში"),
    ("ka", "საქაღალდე საქაღალდის საქაღალდეს საქაღალდით საქაღალდეები საქაღალდეში"),
    # a stem whose own ე drops (irregular/ka.txt; LineageOS Dialer's term ნომრის, round 27)
    ("ka", "ნომერი ნომრის ნომერს ნომრით ნომრად ნომრები ნომრების ნომრებს ნომერზე ნომერში"),
    ("hy", "ծրագիր ծրագիրը ծրագրի ծրագրեր ծրագրերը"),
    ("hy", "անուն անունը անվան անունով անուններ անունները"),
    ("hy", "օգտատեր օգտատերը օգտատիրոջ օգտատերեր օգտատերերի"),
    ("hy", "հաշիվ հաշիվը հաշվի հաշիվներ հաշվով"),
    ("hy", "լեզու լեզվի լեզվով"),
]


@pytest.mark.parametrize(("lang", "forms"), PARADIGMS, ids=[f.split()[0] for _, f in PARADIGMS])
def test_a_term_given_in_any_form_finds_every_form_of_its_lemma(lang, forms):
    words = forms.split()
    missed = [(t, w) for t in words for w in words if w != t and not matches(lang, t, w)]
    assert not missed


@pytest.mark.parametrize(
    ("lang", "term", "other"),
    [
        ("sq", "kategorive", "kategorizim"),  # categorisation: the lemma's endings only
        ("sq", "shtëpive", "shtëpiak"),  # domestic
        ("sq", "përdoruesve", "përdorim"),  # use
        # lemmas in -inë, -itë, -ish are no stressed -i noun's forms (review of 12862f1)
        ("sq", "shinë", "shiu"),  # a rail / the rain
        ("sq", "shinë", "shirat"),
        ("sq", "makinë", "makia"),
        ("sq", "dritë", "drive"),  # light / English left in
        ("sq", "qiparish", "qipari"),  # a cypress
        ("ka", "პროგრამით", "პროგრამირება"),  # programming
        ("hy", "ծրագրեր", "ծրագրավորում"),  # programming
        ("hy", "անունը", "Դաշտի անվանումը"),  # a title, as for the lemma անուն
        ("hy", "լեզվով", "լեզուաբանություն"),  # linguistics
    ],
)
def test_a_term_given_in_a_form_finds_no_other_word_of_its_stem(lang, term, other):
    assert not matches(lang, term, other)


@pytest.mark.parametrize(
    ("term", "text"),
    [
        # session 27: the ergative -მა of a listed stem (ნომერმა: ნომერ-მა) and of an agent
        # noun in -ებელი (მომხმარებელმა), read as the genitive is (kalemma26's "Left")
        ("ნომერმა", "ნომრის"),
        ("ნომერმა", "ნომერი"),
        ("ნომერმა", "ნომრები"),
        ("სექტემბერმა", "სექტემბრის"),
        ("მომხმარებელმა", "მომხმარებელი"),
        ("მომხმარებელმა", "მომხმარებლის"),
        ("მომხმარებელმა", "მომხმარებლებს"),
        ("მომწოდებელმა", "მომწოდებლის"),  # (the supplier did / of the supplier)
    ],
)
def test_a_georgian_term_given_in_the_ergative_finds_its_lemmas_forms(term, text):
    assert matches("ka", term, text)


@pytest.mark.parametrize(
    ("term", "other", "ergative", "form"),
    [
        # -მა after a consonant is no ergative of any stem: lemmas end so (a form / a pore,
        # insertion / a troupe, a plan): ფორმა is no ფორ-მა; beside each, an ergative that
        # a grammar's class or the list does give (what the parent of 22b89a9 missed)
        ("ფორმა", "ფორი", "ნომერმა", "ნომრის"),
        ("ფორმა", "ფორის", "მომხმარებელმა", "მომხმარებლის"),
        ("ჩასმა", "ჩასი", "სექტემბერმა", "სექტემბრის"),
        ("დასმა", "დასის", "მომწოდებელმა", "მომწოდებლის"),
        ("გეგმა", "გეგის", "მომხმარებელმა", "მომხმარებელი"),
    ],
)
def test_a_georgian_lemma_in_ma_is_no_ergative(term, other, ergative, form):
    assert not matches("ka", term, other)
    assert matches("ka", ergative, form)


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("სექტემბრის", "სექტემბერში"),  # in September
        ("ოქტომბრით", "ოქტომბერს"),
        ("ნოემბრიდან", "ნოემბერი"),
        ("დეკემბრის", "დეკემბერზე"),
        ("მტრები", "მტერმა"),  # enemies / the enemy (ergative)
        ("კედლის", "კედელზე"),  # of the wall / on the wall
        ("მგლის", "მგელი"),  # of the wolf / a wolf
        # ... and ამბავი's -ავ- (round 28's StoryBuilder, read after it was judged)
        ("ამბის", "ამბავი"),  # of the story / a story
        ("ამბავი", "ამბის"),  # the lemma finds the truncated forms
        ("ამბავი", "ახალი ამბები"),  # news
        ("ამბები", "ამბავს"),
    ],
)
def test_a_georgian_term_in_a_case_of_a_syncopating_noun_finds_the_lemmas_e(term, text):
    # the grammar's nouns whose ე drops before a vowel ending (irregular/ka.txt): a term given
    # in such a case stands for the lemma, its ე back (the rules put back ა: კალენდარი)
    assert matches("ka", term, text)


@pytest.mark.parametrize(
    ("term", "other"),
    [
        ("კალენდრის", "კალენდერი"),  # of the calendar / a misspelling: the rules' ა only
        ("დაჭრის", "დაჭერა"),  # of cutting / catching: no rule -რის → -ერ-
        # a term given in a case reads a listed lemma's stems only where the line lists the
        # lemma's own stem: მონიშნული's line holds another derivation (rendered.py's, where
        # the English allows), in neither direction here
        ("მონიშვნის", "მონიშნული"),  # of the selection / the selected
        ("მონიშვნას", "მონიშნულის"),
        ("მონიშნულის", "მონიშვნა"),
        # a listed stem loses no vowel: სახელის (of the name), read as სახელი: სახელ, no
        # longer drops its ე to სახლ- (a house), as the rules did before (review26)
        ("სახელის", "სახლი"),
        ("სახელის", "სახლში"),
    ],
)
def test_a_georgian_term_in_a_case_finds_no_listed_stem_of_another_word(term, other):
    assert not matches("ka", term, other)


def test_a_tilde_inside_a_word_is_read_as_a_mnemonic():
    # LibreOffice's mnemonic (round 1-28's Armenian officecfg "Պ~արբերություն" for
    # P~aragraph): the English side reads "P~aragraph" whole since session 29, so does this
    # side; a tilde standing apart or before a path stays
    from moci_vocab.checkpo.target_match import tokens

    assert tokens("Պ~արբերություն, ~/Documents ~ 3 էջ~") == ["պարբերություն", "3", "էջ"]


def test_candidate_choices_are_every_run_of_the_words():
    # closest_words' choices for a term of several words: each run of that many words,
    # joined by one space, in text order (or all the words as one, when there are no more).
    # The runs of two and three words are zipped from the words' slices directly.
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from moci_vocab.checkpo.target_match import candidate_choices

    words = st.lists(st.sampled_from(["a", "ab", "ba", "ë", "skedar", "hap", ""]), max_size=9)

    @settings(max_examples=400, deadline=None)
    @given(words, st.integers(min_value=2, max_value=6))
    def check(words, size):
        runs = [" ".join(words[k : k + size]) for k in range(len(words) - size + 1)]
        assert candidate_choices(words, size) == (runs if len(words) > size else [" ".join(words)])

    check()


def test_closest_words_of_check_po_are_the_plain_likeness_search(moci, tmp_path):
    # check-po finds a translation's closest words to each of its missing terms in one pass
    # over the catalog (FileCheck.closest_words: the words found once per translation, the
    # runs of a multi-word term once per size, a second reading prepared once); the answer
    # must be the plain one: rapidfuzz's extractOne over every run of the translation's
    # words (`closest`), the first of equal likeness. Words from a small set give many ties.
    import json
    import random

    import polib

    from moci_vocab.checkpo.target_match import closest, prepared, surface_words

    terms = {"file": "skedar", "open file": "hap skedarin", "new open file": "hap skedar ri"}
    for english, term in terms.items():
        moci(
            "add",
            english.replace(" ", "-"),
            "--term",
            f"en={english}",
            "--term",
            f"sq={term}",
            "--yes",
        )
    vocabulary = ["skedari", "hapi", "skeda", "ri", "re", "dosje", "_Hap", "e", "rie", "kedar"]
    rng = random.Random(34)
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "sq"}
    for n in range(400):
        words = rng.choices(vocabulary, k=rng.randint(1, 7))
        source = ("The file", "Open file", "New open file")[n % 3]
        po.append(polib.POEntry(msgid=f"{source} {n}", msgstr=" ".join(words)))
    po.save(str(tmp_path / "sq.po"))
    result = moci("check-po", str(tmp_path / "sq.po"), "--format", "json", ok=False)
    findings = json.loads(result.stdout)["findings"]
    texts = {entry.msgid: entry.msgstr for entry in po}
    by_concept = {english.replace(" ", "-"): term for english, term in terms.items()}
    compared = 0
    for finding in findings:
        if finding["code"] != "MV601":
            continue  # (one entry's words against another's: MV604)
        plain = prepared([texts[finding["msgid"]]])[0][0]
        expected = closest(surface_words(plain), by_concept[finding["concept"]])
        assert finding.get("found") == expected, finding
        compared += expected is not None
    assert len(findings) > 250 and compared > 150  # (319 and 231 when written)


# Session 32 (round 33's Firefox for iOS, read after it was judged): the emphatic particle
# -ვე (right, the very) on a postposition, before the copula -ა too: "built right into the
# browser" as ბრაუზერშივეა ჩაშენებული. The forms are the design catalogs' (ხაზშივე,
# პროგრამიდანვე, დასრულებისთანავე, შესასვლელთანვე, მათზევე).
@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("ბრაუზერი", "პირდაპირ ბრაუზერშივეა ჩაშენებული"),
        ("ხაზი", "იმავე ხაზშივე"),
        ("პროგრამა", "პროგრამიდანვე"),
        ("დასრულება", "დასრულებისთანავე"),
        ("შესასვლელი", "შესასვლელთანვე"),
        ("სერვერი", "სერვერზევე"),
        ("საქაღალდე", "საქაღალდეშივეა"),
    ],
)
def test_a_georgian_term_with_the_emphatic_particle_ve_is_the_term(term, text):
    assert matches("ka", term, text)


@pytest.mark.parametrize(
    ("term", "other"),
    [
        ("მერი", "მერვე"),  # a mayor / eighth: -ვე only after a postposition
        ("თანამედრო", "თანამედროვე"),
        ("ხაზი", "ხაზვე"),
    ],
)
def test_a_georgian_bare_stem_takes_no_emphatic_particle(term, other):
    assert not matches("ka", term, other)
