"""check-po: a noun term is not demanded where the English word is a verb and the
translation renders it by a verb on the term's own stem."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from moci_vocab.checkpo.inflection import for_language
from moci_vocab.checkpo.verbal import (
    _inflected_as_a_verb,
    _modifies,
    _own_participle,
    _verb_alone,
    adjective_forms,
    verb_forms,
)
from tests.test_checkpo import write_po


def flagged(
    tmp_path: Path, lang: str, term: str, entries, pos: str | None = "noun", english="change"
):
    """The msgids check-po reports the noun concept "change" (or ``english``) missing in."""
    from moci_vocab.checkpo.run import Options, check_files
    from moci_vocab.model import Concept, Term
    from moci_vocab.operations import init_glossary
    from moci_vocab.store import save_concept

    root = tmp_path / "g"
    init_glossary(root, "t", "en", [lang]).changes.apply()
    concept = Concept(id=english, definition={"en": f"A {english}."})
    concept.terms = {"en": [Term(english, "preferred", pos=pos)], lang: [Term(term, "preferred")]}
    save_concept(root, concept)
    path = write_po(tmp_path / f"{lang}.po", lang, entries)
    findings = check_files(root, [path], Options()).findings
    return [f.extra["msgid"] for f in findings if f.code == "MV601"]


SQ_ENTRIES = [
    ("Change Properties", "Ndryshoni Veti"),  # the imperative, as the translation shows
    ("Change", "Ndryshoje"),
    ("Unable to change it. Change tickets", "S’ndryshohet dot. Ndryshoni çështje"),
    ("The change was saved", "Ndryshimi u ruajt"),  # the term: fine anyway
    ("Change History", "Historiku"),  # no verb of the term: reported
    ("Last change", "Ndryshoni të fundit"),  # not where English has a verb: reported
    ("Change Log", "Regjistri i modifikimeve"),  # a substitute: reported
]


def test_a_verb_on_the_terms_stem_where_english_may_be_a_verb_is_no_missing_noun(tmp_path):
    assert flagged(tmp_path, "sq", "ndryshim", SQ_ENTRIES) == [
        "Change History",
        "Last change",
        "Change Log",
    ]


def test_terms_without_a_part_of_speech_keep_demanding_the_term(tmp_path):
    found = flagged(tmp_path, "sq", "ndryshim", SQ_ENTRIES, pos=None)
    assert "Change Properties" in found and "Change" in found


@pytest.mark.parametrize(
    ("term", "forms", "not_forms"),
    [
        ("ndryshim", {"ndrysho", "ndryshoni", "ndryshoje", "ndryshohet", "ndryshuar"}, {"ndrysh"}),
        ("cytje", {"cyt", "cytni", "cytur"}, {"cytj"}),
        ("dokument", {"dokumentoni", "dokumentuar"}, {"dokumenti", "dokumentin"}),
        ("raportim", {"raportoni"}, {"raport", "raporti"}),  # the noun raport is no verb
        # feminine nouns in -e, -ë: verbs in -oj on their stem (Evince's Copy Image: Kopjo)
        ("kopje", {"kopjo", "kopjoni", "kopjuar"}, {"kopje", "kopjen"}),
        ("bisedë", {"bisedo", "bisedoni"}, {"biseda", "bisedën"}),
    ],
)
def test_albanian_verbs_on_a_nouns_stem(term, forms, not_forms):
    made = verb_forms([term], for_language("sq").verbs)
    assert forms <= made and not (not_forms & made)


def test_a_language_without_verb_data_is_unchanged():
    # (Armenian has verb data since round 11, Georgian its participles since session 10)
    assert for_language("ru").verbs == ()


# the regular expression in_verb_slot replaced, with a keyboard mnemonic before the word
_OLD_SLOT = r"(?:^|[.!?:;\n]\s*|\bto\s+)[_&]?"


@settings(max_examples=examples(300), deadline=None)
@given(st.text(alphabet="ab .;\n\t_&toTO", max_size=30))
def test_the_verb_slot_is_the_one_the_old_expression_found(text):
    import re

    from moci_vocab.checkpo.verbal import in_verb_slot, word_ends

    for word in ("ab", "a.", "ta"):
        old = bool(re.search(_OLD_SLOT + re.escape(word) + r"\b", text))
        new = any(in_verb_slot(text, at) for at in word_ends(text, word))
        assert new == old, word


def test_a_msgid_of_many_newlines_is_checked_in_linear_time(tmp_path):
    import time

    msgid = "A change" + "\n" * 40_000 + "x"
    started = time.process_time()
    flagged(tmp_path, "sq", "ndryshim", [(msgid, "Ndryshoni")])
    assert time.process_time() - started < 2.0  # the old expression: 5 s and more


def test_a_verb_after_a_mnemonic_and_a_term_given_in_the_plural(tmp_path):
    entries = [
        ("_Change Password", "_Ndrysho fjalëkalimin"),  # the mnemonic opens the message
        ("Click to change it", "Klik për të ndryshuar"),
        ("Change History", "Historiku"),  # no verb of the term: reported
    ]
    # the glossary gives the plural ndryshime: its lemma ndryshim makes the verbs
    assert flagged(tmp_path, "sq", "ndryshime", entries) == ["Change History"]


def test_the_object_of_a_light_verb_said_by_the_terms_verb(tmp_path):
    entries = [
        ("Please make a change now", "Ju lutem ndryshoni tani"),  # "make a change": change!
        ("Take a change!", "Ndrysho pak!"),
        ("Make the change", "Ndryshoje"),  # not after a/an: the noun is demanded
        ("Remake a change", "Ndryshoje"),  # not a light verb
        ("Make a change", "Bëj diçka"),  # no verb of the term: reported
    ]
    assert flagged(tmp_path, "sq", "ndryshim", entries) == [
        "Make the change",
        "Remake a change",
        "Make a change",
    ]


def test_a_verb_after_a_subject_pronoun_a_menu_arrow_or_a_tilde_mnemonic(tmp_path):
    # Postorius (round 16): "every message you post to the list" as "që postoni te lista";
    # LibreOffice's help "Edit ▸ Search" and its tilde mnemonics (~Update...)
    entries = [
        ("Every message you post to the list", "Çdo mesazh që postoni te lista"),
        ("Go to Edit ▸ Post", "Shko te Përpuno ▸ Posto"),
        ("~Post...", "~Postoni..."),
        ("The post of the day", "Postoni e ditës"),  # a noun: reported
        ("Your post to the list", "Postoni te lista"),  # (your: a determiner) reported
    ]
    assert flagged(tmp_path, "sq", "postim", entries, english="post") == [
        "The post of the day",
        "Your post to the list",
    ]


def test_a_modifier_said_by_the_terms_adjective(tmp_path):
    entries = [
        ("Family Tree", "Pema Familjare"),  # Gramps: the adjective of familje (round 7)
        ("Family Group Report", "Raport familjar në grup"),
        ("Could not rename the Family Tree.", "Nuk mund të riemërojë Pemën Familjare"),
        ("The family of the person", "Familjarët e personit"),  # not a modifier: reported
        ("Family", "Familjare"),  # alone: reported
        ("Family Trees", "Pemët Fisnore"),  # no adjective of the term: reported
    ]
    assert flagged(tmp_path, "sq", "familje", entries, english="family") == [
        "The family of the person",
        "Family",
        "Family Trees",
    ]
    # -ësor on a noun in -ë (Firefox, round 20) and -ual on a borrowed one (LibreOffice Calc,
    # round 18), as modifiers only
    entries = [
        ("Installing the language pack", "Po instalohet paketa gjuhësore"),
        ("Language", "Gjuhësore"),  # alone: reported
        # a variable that ends in the word is no use of it (session 26: Firefox's Fluent
        # placeable vetoed the modifier), nor is a longer word; a mnemonic is the word's
        (
            "Downloading the language pack for { $negotiatedLanguage }…",
            "Po shkarkohet paketë gjuhësore për { $negotiatedLanguage }…",
        ),
        ("The _language pack of %(user_language)s", "Paketa _gjuhësore e %(user_language)s"),
        ("The language pack of ${userLanguage}", "Paketa gjuhësore e ${userLanguage}"),
        ("The _Language of the pack", "_Gjuhësore e paketës"),  # not a modifier: reported
    ]
    (tmp_path / "b").mkdir()
    assert flagged(tmp_path / "b", "sq", "gjuhë", entries, english="language") == [
        "Language",
        "The _Language of the pack",
    ]
    entries = [("Export Text File", "Eksporti i skedarëve tekstual"), ("a text", "tekstual")]
    (tmp_path / "c").mkdir()
    assert flagged(tmp_path / "c", "sq", "tekst", entries, english="text") == ["a text"]
    # ... and only there: "aktual" (current) is no adjective of akt (act), "graduale" (gradual)
    # none of grad (degree), "ligjësor" none of ligj (law, not in -ë): other words
    for term, english, entry in (
        ("akt", "act", ("Act number", "Numri aktual")),
        ("grad", "degree", ("Degree value", "Vlera graduale")),
        ("ligj", "law", ("Law text", "Teksti ligjësor")),
    ):
        (tmp_path / term).mkdir()
        assert flagged(tmp_path / term, "sq", term, [entry], english=english) == [entry[0]]


def test_an_armenian_modifier_said_by_the_terms_adjective(tmp_path):
    # LibreOffice's Armenian (round 16): լեզու → լեզվական (-ական on the stem լեզվ-),
    # գրաֆիկա → գրաֆիկական, ֆայլ → ֆայլային
    entries = [
        ("Language Features", "Լեզվական առանձնահատկությունները"),
        ("Enhanced Language Support", "Ընդլայնված լեզվական աջակցություն"),
        ("The language of the text", "Տեքստի լեզվականը"),  # not a modifier: reported
        ("Language", "Լեզվական"),  # alone: reported
        # a participle after the noun is no head it modifies ("the language used for")
        ("Select the language used for menus", "Ընտրեք մենյուների լեզվական տարբերակը"),
    ]
    assert flagged(tmp_path, "hy", "լեզու", entries, english="language") == [
        "The language of the text",
        "Language",
        "Select the language used for menus",
    ]
    entries = [("This graphic object is linked", "Այս գրաֆիկական օբյեկտը կապված է")]
    (tmp_path / "b").mkdir()
    assert flagged(tmp_path / "b", "hy", "գրաֆիկա", entries, english="graphic") == []
    entries = [("File system", "Ֆայլային համակարգ"), ("File system", "Ֆայլերի համակարգ")]
    (tmp_path / "c").mkdir()
    assert flagged(tmp_path / "c", "hy", "ֆայլ", entries, english="file") == []


def test_a_georgian_modifier_said_by_the_terms_adjective_in_sa_o(tmp_path):
    # Thunderbird's Georgian (round 17): mail (ფოსტა) as a modifier said by its adjective
    # საფოსტო (სა-…-ო: of or for the mail), as ქალაქი → საქალაქო, ბანკი → საბანკო
    entries = [
        ("IMAP Mail Server", "IMAP საფოსტო სერვერი"),
        (
            "Do you want to use %S as the default mail application?",
            "გნებავთ გამოიყენოთ %S როგორც ძირითადი საფოსტო პროგრამა?",
        ),
        ("Get new mail", "ახალი ფოსტის მიღება"),
        ("Mail", "საფოსტო"),  # alone: reported
        ("The mail of the user", "მომხმარებლის საფოსტო"),  # not a modifier: reported
        ("Mail folder", "სასტუმრო საქაღალდე"),  # another სა-…-ო word: reported
    ]
    assert flagged(tmp_path, "ka", "ფოსტა", entries, english="mail") == [
        "Mail",
        "The mail of the user",
        "Mail folder",
    ]


def test_a_georgian_modifier_said_by_the_terms_adjective_in_sa_e(tmp_path):
    # Akonadi's Georgian (round 19): trash (ნაგავი, given as ნაგვის) as a modifier said by
    # სანაგვე (სა-…-ე: what holds the trash), as ფერფლი → საფერფლე, მარილი → სამარილე
    entries = [
        (
            "Are you sure you want to empty the trash folders of all accounts?",
            "დარწმუნებული ბრძანდებით, რომ გნებავთ, გაასუფთაოთ ყველა ანგარიშის სანაგვე საქაღალდე?",
        ),
        ("Move to &Trash", "სანაგვე ყუთში გადა&ტანა"),  # not a modifier: reported
        ("Trash", "სანაგვე"),  # alone: reported
        ("The trash folder", "სანაგვო საქაღალდე"),  # (the სა-…-ო adjective: fine too)
        ("Trash folder", "საცავი საქაღალდე"),  # another სა- word: reported
    ]
    assert flagged(tmp_path, "ka", "ნაგვის", entries, english="trash") == [
        "Move to &Trash",
        "Trash",
        "Trash folder",
    ]


def test_a_modifier_coordinated_or_before_a_placeholder_said_by_the_adjective(tmp_path):
    entries = [
        # Evolution: the adjectives of both coordinated modifiers (paraqitjet javore dhe mujore)
        ("Show end times in week and month view", "Shfaq mbarimet në paraqitjet javore dhe mujore"),
        ("Week and month", "Javore dhe mujore"),  # no head word after them: reported
        ("Week and the month view", "Javore dhe paraqitja mujore"),  # not coordinated: reported
    ]
    assert flagged(tmp_path, "sq", "javë", entries, english="week") == [
        "Week and month",
        "Week and the month view",
    ]
    # review of e5a2ace: a verb after "and" is no coordinated modifier ("click" before the
    # button's name), nor a function word whatever its case
    entries = [
        ("Select a week and click Next", "Zgjidhni një javore dhe klikoni Tjetër"),
        ("Select a week and then click next", "Zgjidhni javore dhe pastaj klikoni"),
        ("Week And The Month View", "Javore dhe paraqitja mujore"),
        ("Week and Month View", "Paraqitja javore dhe mujore"),  # coordinated: fine
    ]
    (tmp_path / "c").mkdir()
    assert flagged(tmp_path / "c", "sq", "javë", entries, english="week") == [
        "Select a week and click Next",
        "Select a week and then click next",
        "Week And The Month View",
    ]
    # Gramps: the modified noun is a placeholder
    entries = [("People with the family <attribute>", "Njerëz me <atribute> familjare")]
    (tmp_path / "b").mkdir()
    assert flagged(tmp_path / "b", "sq", "familje", entries, english="family") == []


def test_a_term_given_in_the_definite_ja_makes_its_je_lemmas_verb(tmp_path):
    # Thunderbird for Android (round 23): support përkrahja, the definite of përkrahje,
    # whose verb is përkrah (Përkrahni, support!)
    entries = [
        ("Support Thunderbird", "Përkrahni Thunderbird-in"),
        ("Support %s", "Përkrahni %s"),
        ("Thanks for your support", "Faleminderit"),  # no word of the term: reported
    ]
    assert flagged(tmp_path, "sq", "përkrahja", entries, english="support") == [
        "Thanks for your support"
    ]


def test_the_terms_past_participle_renders_the_noun(tmp_path):
    entries = [
        # Gtranslator (round 10): the translated message, as translated
        (
            "Highlight syntax of the translation message",
            "Vër në dukje sintaksën e mesazhit të përkthyer",
        ),
        ("Paste them as translation", "Ngjite si të përkthyer"),
        ("The translation is empty", "Teksti është bosh"),  # no word of the term: reported
        ("Show the translation", "Shfaq përkthyesin"),  # the translator: reported
        # the English has its own participle, which the translation's renders (review of
        # 5be6d5b): the noun is still left out
        ("Show translated strings in the translation list", "Shfaq vargjet e përkthyer në listë"),
    ]
    assert flagged(tmp_path, "sq", "përkthim", entries, english="translation") == [
        "The translation is empty",
        "Show the translation",
        "Show translated strings in the translation list",
    ]
    entries = [("Changed files: the change log is empty", "Kartela të ndryshuar: regjistri bosh")]
    (tmp_path / "c").mkdir()
    assert flagged(tmp_path / "c", "sq", "ndryshim", entries, english="change") == [
        "Changed files: the change log is empty"
    ]
    # GNOME Settings: "A computer break reminder." as "to remind you to rest" (pushuar)
    entries = [("A computer break reminder.", "Një program për t'ju kujtuar për të pushuar")]
    (tmp_path / "b").mkdir()
    assert flagged(tmp_path / "b", "sq", "pushim", entries, english="break") == []


def test_the_terms_past_participle_renders_the_noun_in_the_plural(tmp_path):
    # OJS's Armenian (round 32; session 31, made after reading it): "submissions to this
    # journal" as ներկայացված նյութերի, the submitted materials, as the singular is read; a
    # plural is no verb slot, and an attributive participle (-վող) still needs a modifier
    entries = [
        (
            "Please read the copyright terms for submissions to this journal.",
            "Խնդրում ենք կարդալ այս ամսագրին ներկայացված նյութերի պայմանները:",
        ),
        ("Submissions", "Ներկայացվածները"),
        ("Submissions page", "Ներկայացվող էջ"),
        ("Peer review of submissions to the journal", "Ամսագրին ներկայացվող նյութերի գրախոսում"),
        ("All submissions", "Բոլոր հոդվածները"),  # no word of the term: reported
    ]
    assert flagged(tmp_path, "hy", "ներկայացում", entries, english="submission") == [
        "Peer review of submissions to the journal",
        "All submissions",
    ]


def test_an_albanian_participle_agreeing_in_the_feminine_plural_renders_the_noun(tmp_path):
    """The participle agrees as an adjective: -uara, -ura, -yera in the feminine plural
    (NewPipe, round 23: "Video download folder" as the folder of the downloaded videos);
    in a command's place it is no verb (Lichess: "Rating filters" is no vlerësuara)."""
    made = verb_forms(["shkarkim", "përkthim", "cytje"], for_language("sq").verbs)
    assert {"shkarkuara", "përkthyera", "cytura"} <= made
    entries = [
        ("Video download folder", "Dosja e videove të shkarkuara"),
        ("Download folder", "Dosja"),  # no word of the term: reported
    ]
    assert flagged(tmp_path, "sq", "shkarkim", entries, english="download") == ["Download folder"]
    # a verb slot (the English's first word): the agreeing participle is no verb there, and
    # the English's own participle (rated) is what it renders (Lichess, round 22)
    (tmp_path / "r").mkdir()
    entries = [("Rating filters for rated games", "Filtra për lojëra të vlerësuara")]
    assert flagged(tmp_path / "r", "sq", "vlerësim", entries, english="rating") == [
        "Rating filters for rated games"
    ]


def test_albanian_adjectives_on_a_nouns_stem():
    made = adjective_forms(["familje", "javë"], for_language("sq").adjectives)
    assert {"familjar", "familjare", "familjarët", "javore", "javor"} <= made
    assert not {"familje", "javë", "java", "familja"} & made
    # (Georgian's are სა-…-ო and სა-…-ე, on the stem less its nominative or final vowel)
    assert adjective_forms(["ფოსტა", "ქალაქი"], for_language("ka").adjectives) == {
        "საფოსტო",
        "საქალაქო",
        "საფოსტე",
        "საქალაქე",
    }


def test_an_adjective_stem_that_is_another_concepts_term_renders_nothing(tmp_path):
    """sq skedë (tab) + -ar is skedar, the glossary's term for file: "Tab bar" as "the
    bar of the files" is a wrong word, not the adjective of tab (as familjar is of familje)."""
    from moci_vocab.checkpo.run import Options, check_files
    from tests.test_checkpo import noun_glossary

    root = noun_glossary(
        tmp_path / "g", "sq", (("tab", "skedë"), ("file", "skedar"), ("family", "familje"))
    )
    entries = [
        ("Tab bar", "Shiriti i skedarëve"),  # skedar: the file, not a tab: reported
        ("Tab name", "Emri i skedarit"),  # reported
        ("Family Tree", "Pema Familjare"),  # the adjective of familje: not reported
    ]
    path = write_po(tmp_path / "sq.po", "sq", entries)
    findings = check_files(root, [path], Options()).findings
    assert [(f.concept, f.extra["msgid"]) for f in findings if f.code == "MV601"] == [
        ("tab", "Tab bar"),
        ("tab", "Tab name"),
    ]


@pytest.mark.parametrize(
    ("text", "end", "modifies"),
    [
        ("Week And The Month View", 4, False),  # review of e5a2ace: function words in any case
        ("Family Of The Person", 6, False),
        ("Family In Tree", 6, False),
        ("Week And Month View", 4, True),
        ("week and month view", 4, True),
        ("Family Tree", 6, True),
    ],
)
def test_a_modifier_is_told_from_function_words_in_any_case(text, end, modifies):
    assert _modifies(text, end) is modifies


def test_a_noun_ending_like_a_participle_is_no_participle_of_its_verb(tmp_path):
    """Review of 35d3a15: feed, screen, token end in -ed/-en; the noun itself is not the
    English participle that the translation's participle would render."""
    assert not _own_participle("articles of the feed", "feed")
    assert not _own_participle("the screen size", "screen")
    assert _own_participle("screened calls on the screen", "screen")
    assert _own_participle("show translated strings in the translation list", "translation")
    # a gerund's verb: its participle in -ed (Mousepad: "encoded in %s" beside the encoding)
    assert _own_participle("seems to be encoded in %s, but you chose %s encoding", "encoding")
    assert not _own_participle("the encoding is encrypted", "encoding")
    entries = [
        ("Articles of the feed", "Artikujt e furnizuar"),  # the supplied articles
        ("The feed is empty", "Lista është bosh"),  # no word of the term: reported
    ]
    assert flagged(tmp_path, "sq", "furnizim", entries, english="feed") == ["The feed is empty"]


def test_armenian_verbs_and_participles_on_a_verbal_nouns_stem(tmp_path):
    """Round 11 (Mousepad, Catfish): Armenian verbal nouns in -ում/-ություն come from verbs in
    -ել, whose infinitive says the English verb and whose past participle (-ած, -ված,
    classical -ուած) renders the noun anywhere."""
    forms = verb_forms(["որոնում", "ընտրութ", "թարմացում"], for_language("hy").verbs)
    assert {"որոնել", "որոնված", "որոնուածը", "ընտրել", "ընտրվածը", "թարմացնել"} <= forms
    assert {"թարմացված", "թարմացրած"} <= forms
    assert not {"որոնում", "ընտրություն", "որոնումը"} & forms
    entries = [
        ("Copy the selection", "Պատճենել ընտրվածը"),  # copy the selected one
        ("Cut the selection", "Կտրել ընտրուածը"),  # the classical spelling
        ("Change the case of the selection to uppercase", "Ընտրուած գրոյթը՝ մեծատառերով"),
        ("Delete the current selection", "Ջնջել նշուածը"),  # another word: reported
        ("The selection is empty", "Դատարկ է"),  # no word of the term: reported
        # the English has its own participle, which the translation's renders
        ("Show the selected items of the selection", "Ցուցադրել ընտրված տարրերը"),
    ]
    assert flagged(tmp_path, "hy", "ընտրություն", entries, english="selection") == [
        "Delete the current selection",
        "The selection is empty",
        "Show the selected items of the selection",
    ]
    entries = [
        ("files;find;locate;lookup;search;", "նիշք;գտնել;բացայայտել;զննել;որոնել;"),
        ("Search", "Որոնել"),  # the verb where English may be a verb
        ("Image search results", "Որոնուած արդիւնքների նկարները"),  # the searched results
        ("Last search", "Վերջին որոնել"),  # a verb where English has the noun: reported
        # the subject participle (the one who searches) is no verb in a command's place
        # (session 31: PKP's "Reviewer" as Գրախոսող, judged a real flag): reported
        ("Search…", "Որոնող…"),
    ]
    (tmp_path / "b").mkdir()
    assert flagged(tmp_path / "b", "hy", "որոնում", entries, english="search") == [
        "Last search",
        "Search…",
    ]


def test_an_armenian_noun_and_agent_noun_said_by_their_verb_in_a_verb_slot(tmp_path):
    """Xfce's Screenshooter and Settings, ReVanced: a noun makes its verb in -ել on its
    stem (էկրանահան, a screenshot → Էկրանահանել), and an agent noun in -իչ is made on its
    verb's (ցուցադրիչ, a display ← Ցուցադրել): where English may use the word as a verb
    (or takes it as a light verb's object), the verb says it; elsewhere it is reported.
    No participle of such a verb renders the noun."""
    forms = verb_forms(["էկրանահան", "ցուցադրիչ"], for_language("hy").verbs)
    assert {"էկրանահանել", "էկրանահանելու", "էկրանահանեք", "ցուցադրել", "ցուցադրեք"} <= forms
    assert not {"էկրանահանված", "ցուցադրված", "ցուցադրիչ"} & forms
    entries = [
        ("Take a screenshot of the active window", "Էկրանահանել գործուն պատուհանը"),
        ("Screenshot", "Էկրանահանել"),  # a one-word command: English may mean the verb
        ("The screenshot was saved", "Էկրանահանել պահված է"),  # the noun: reported
        ("The screenshot is taken", "Էկրանահանված է"),  # a participle: reported
    ]
    assert flagged(tmp_path, "hy", "էկրանահան", entries, english="screenshot") == [
        "The screenshot was saved",
        "The screenshot is taken",
    ]
    entries = [
        ("Display the help", "Ցուցադրել օգնությունը"),
        ("Display all windows", "Ցուցադրեք բոլոր պատուհանները"),
        ("The display is off", "Ցուցադրել անջատված է"),  # the noun: reported
    ]
    (tmp_path / "b").mkdir()
    assert flagged(tmp_path / "b", "hy", "ցուցադրիչ", entries, english="display") == [
        "The display is off"
    ]
    # judged by the lead (session 28): a menu's name in a menu path is no command
    # (LibreOffice's 'Format ▸ Cells', whose menu the catalog names Ձևաչափ), and the
    # agent noun made on a plain noun's verb is a second word, not the noun (FileZilla's
    # խմբագրիչ beside the term խմբագիր, an editor)
    entries = [
        ("Format Cells", "Ձևաչափել բջիջները"),
        ("Format ▸ Cells", "Ձևաչափեք ▸ Բջիջներ"),
        ("See: Format -> Cells", "Տես՝ Ձևաչափել -> Բջիջներ"),
    ]
    (tmp_path / "c").mkdir()
    assert flagged(tmp_path / "c", "hy", "ձևաչափ", entries, english="format") == [
        "Format ▸ Cells",
        "See: Format -> Cells",
    ]
    # ... nor a word followed by a number alone: a numbered name (VLC's "Bookmark %i")
    entries = [("Bookmark %i", "Էջանշել %i"), ("Bookmark this page", "Էջանշել այս էջը")]
    (tmp_path / "e").mkdir()
    assert flagged(tmp_path / "e", "hy", "էջանիշ", entries, english="bookmark") == ["Bookmark %i"]
    entries = [("Use custom editor:", "Օգտագործել հետևյալ խմբագրիչը")]
    (tmp_path / "d").mkdir()
    assert flagged(tmp_path / "d", "hy", "խմբագիր", entries, english="editor") == [
        "Use custom editor:"
    ]


def test_an_armenian_infinitive_declined_says_the_english_verb(tmp_path):
    """Round 18 (phpMyAdmin): the infinitive declines as a noun (որոնելու համար, for
    searching; -ով, -ուց, -ը, -իս), and says the English verb after *to* as the bare one."""
    forms = verb_forms(["որոնում", "թարմացում"], for_language("hy").verbs)
    assert {"որոնելու", "որոնելով", "որոնելուց", "որոնելը", "որոնելիս", "թարմացնելու"} <= forms
    entries = [
        ("Words or values to search for:", "Բառեր կամ արժեքներ՝ որոնելու համար՝"),
        ("Type here to search in the list of options.", "Մուտքագրեք այստեղ՝ որոնելու համար:"),
        ("The last search of values", "Վերջին որոնելու արժեքները"),  # a noun: reported
    ]
    assert flagged(tmp_path, "hy", "որոնում", entries, english="search") == [
        "The last search of values"
    ]


def test_an_armenian_command_said_by_its_verb_alone(tmp_path):
    """Thunar's 'Create Action' as Ստեղծել (to create), Catfish's 'Stop Search' as
    Դադարեցնել: a two-word command ending in the noun, said by one infinitive, leaves its
    object to the button's place."""
    entries = [
        ("Create Action", "Ստեղծել"),
        ("Edit _Action…", "_Խմբագրել…"),
        ("Create Action", "Ստեղծում"),  # a noun (creation), not the verb: reported
        ("Action", "Ստեղծել"),  # no command: reported
        ("Create an Action", "Ստեղծել"),  # not two words: reported
        ("Action Create", "Ստեղծել"),  # the noun not its object: reported
    ]
    assert flagged(tmp_path, "hy", "գործողություն", entries, english="action") == [
        "Create Action",
        "Action",
        "Create an Action",
        "Action Create",
    ]
    # Albanian has no infinitive: its imperatives are no sign of a command alone
    (tmp_path / "b").mkdir()
    entries = [("Stop Search", "Ndal")]
    assert flagged(tmp_path / "b", "sq", "kërkim", entries, english="search") == ["Stop Search"]


def test_an_armenian_label_ends_in_its_own_colon(tmp_path):
    """Trac's 'Grant Permission:' as Թույլտրել․ (to permit): Armenian writes the label's
    colon as its միջակետ ․ (U+2024) or its բութ ՝ (U+055D), not as ":"."""
    entries = [
        ("Grant Permission:", "Թույլտրել\u2024"),
        ("Ask _Permission:", "_Խնդրել\u055d"),
        ("Deny Permission:", "Մերժել\u2024 միշտ"),  # not one word: reported
    ]
    assert flagged(tmp_path, "hy", "թույլտվություն", entries, english="permission") == [
        "Deny Permission:"
    ]


def test_a_long_text_is_not_read_as_a_command_once_per_missing_noun():
    """Review of cad4198: the command rule read the whole msgid (strip, replace, split) for
    every missing noun of its entry; a 1 MB msgid with 2,000 missing nouns took 13 s. A
    text longer than a label is now left at once."""

    class Watched(str):
        """A msgid that counts how often it is read."""

        reads = 0

        def strip(self, chars=None):
            Watched.reads += 1
            return str.strip(self, chars)

    long = Watched("Create Action " + "x " * 100_000)
    assert not _verb_alone(long, "action", "Ստեղծել", ("ել", "ալ"))
    assert Watched.reads == 0
    assert _verb_alone(Watched("Create Action"), "action", "Ստեղծել", ("ել", "ալ"))


def test_a_msgid_is_folded_once_however_many_of_its_nouns_are_missing():
    """A 1 MB msgid with 2,000 missing Armenian nouns that make verbs was casefolded once
    per noun (0.27 s before the Armenian rules, 1.94 s with them); now once per entry."""
    from moci_vocab.checkpo.verbal import verbal_misses

    class Watched(str):
        """A msgid that counts how often it is casefolded."""

        folds = 0

        def casefold(self):
            Watched.folds += 1
            return str.casefold(self)

    words = {i: "zq" + "abcdefghij"[i] for i in range(10)}
    msgid = Watched(" ".join(words.values()))
    dropped = verbal_misses(
        words,
        {i: ["ընտրություն"] for i in words},
        [msgid],
        lambda entry: "կի",
        {i: [0] for i in words},
        for_language("hy").verbs,
        participle_endings=for_language("hy").participles,
    )
    assert dropped == set()
    assert Watched.folds == 1


def test_georgian_past_participles_of_a_verbal_noun_render_it(tmp_path):
    """Sphinx (held-out round 3) says "no output on stdout" as "nothing output"
    (გამოტანილი არაფერი): the past participle of the term გამოტანა renders the noun, as in
    Albanian and Armenian: -ა → -ილი, -ება → -ებული, -ვა and -ობა → -ული, with the
    adjective's endings."""
    terms = ["გამოტანა", "დაყენება", "შენახვა", "არსებობა", "არსებობს"]
    forms = verb_forms(terms, for_language("ka").verbs)
    assert {"გამოტანილი", "გამოტანილ", "დაყენებული", "შენახული", "არსებულ"} <= forms
    # a verb term in the present (Krusader's exist, არსებობს): its participle არსებული
    assert {"არსებული", "არსებულ"} <= verb_forms(["არსებობს"], for_language("ka").verbs)
    assert not {"გამოტანა", "დაყენება", "შენახვა", "არსებობა"} & forms
    entries = [
        ("no output on stdout, just warnings on stderr", "stdout-ზე გამოტანილი არაფერი იქნება"),
        ("Collect the program's output.", "პროგრამის გამოტანილი ინფორმაციის შეგროვება"),
        ("The output is empty", "ცარიელია"),  # no word of the term: reported
        ("Show the output", "გამოტოვების ჩვენება"),  # another word: reported
        # the English has its own participle, which the translation's renders
        ("The outputted text of the output", "გამოტანილი ტექსტი"),
    ]
    assert flagged(tmp_path, "ka", "გამოტანა", entries, english="output") == [
        "The output is empty",
        "Show the output",
        "The outputted text of the output",
    ]


def test_armenian_subject_participles_and_the_english_plural(tmp_path):
    """Round 19 (GTK 3's properties): the subject participle in -ող, -վող before its noun
    renders the verbal noun as the past participle does ("Expander Column" as Ընդլայնվող
    սյուն, an expanding column); with an ending it is a noun of its own (ընդլայնողը); so
    does the noun in -ք on the past participle (ընտրվածք, the selected part)."""
    forms = verb_forms(["ընդլայնում", "թարմացում", "ընտրություն"], for_language("hy").verbs)
    assert {"ընդլայնող", "ընդլայնվող", "թարմացնող"} <= forms
    assert {"ընտրվածք", "ընտրվածքի", "ընտրվածքը"} <= forms  # the selected part
    assert not {"ընդլայնողը", "թարմացրող"} & forms
    entries = [
        ("Expander Column", "Ընդլայնվող սյուն"),
        ("Spacing between expander arrow and caption", "Ընդլայնող սլաքի և վերնագրի միջև"),
        ("Show the expander", "Ցուցադրել ընդլայնվածը"),  # the past participle
        ("The expander", "Ընդլայնողը"),  # a noun of its own: reported
        ("Hide Expanders", "Թաքցնել սլաքները"),  # another word: reported
        # the noun is no modifier: the participle qualifies another head (a region)
        ("Pixels between the expander and the window", "Ընդլայնվող տիրույթի և պատուհանի միջև"),
    ]
    assert flagged(tmp_path, "hy", "ընդլայնում", entries, english="expander") == [
        "The expander",
        "Hide Expanders",
        "Pixels between the expander and the window",
    ]
    # the English's own participle is what the translation's renders: the noun still left out
    entries = [("Translations of translated text", "Թարգմանված տեքստեր")]
    (tmp_path / "b").mkdir()
    assert flagged(tmp_path / "b", "hy", "թարգմանություն", entries, english="translation") == [
        "Translations of translated text"
    ]


def test_an_english_agent_noun_said_by_the_agent_noun_of_the_terms_verb(tmp_path):
    """Round 19 (GTK 3's properties): "Indent Expander" as Նահանջի ընդլայնիչ, the agent
    noun in -իչ of ընդլայնել, whose verbal noun ընդլայնում is the term: the one that expands.
    Not where the English word is no agent noun: որոնիչ, a search engine, is no search."""
    entries = [
        ("Indent Expander", "Նահանջի ընդլայնիչ"),
        ("Expander", "Ընդլայնիչը"),
        ("The expander", "Սլաքը"),  # another word: reported
    ]
    assert flagged(tmp_path, "hy", "ընդլայնում", entries, english="expander") == ["The expander"]
    entries = [("Search", "Որոնիչ"), ("Last search", "Վերջին որոնիչը")]
    (tmp_path / "b").mkdir()
    assert flagged(tmp_path / "b", "hy", "որոնում", entries, english="search") == [
        "Search",
        "Last search",
    ]


def test_an_agent_noun_term_said_as_a_modifier_by_its_verbs_action_noun(tmp_path):
    """Round 21 (OBS Studio in Armenian; session 31): "Encoder Settings" as կոդավորման
    կարգավորումներ, the settings of encoding: the genitive of կոդավորում, the action noun of
    կոդավորել, whose agent noun կոդավորիչ is the term. Only where the English agent noun
    modifies the next word: the encoder itself is no encoding."""
    entries = [
        ("Custom Encoder Settings", "Անհատականացված կոդավորման կարգավորումներ"),
        ("An encoder error occurred while recording.", "Տեղի է ունեցել կոդավորման սխալ:"),
        ("Select the encoder", "Ընտրեք կոդավորումը"),  # the agent: reported
        ("The encoder is slow", "Կոդավորման արագությունը ցածր է"),  # no modifier: reported
    ]
    assert flagged(tmp_path, "hy", "կոդավորիչ", entries, english="encoder") == [
        "Select the encoder",
        "The encoder is slow",
    ]


def test_an_ing_form_after_an_aspect_verb_is_a_verb(tmp_path):
    """Round 18 (Firefox in Armenian): "Keep browsing", "Start browsing" said with the verb
    դիտարկել of the term դիտարկում: after keep, start, stop … the -ing word is a verb."""
    from moci_vocab.checkpo.verbal import _after_aspect_verb

    for text in ("keep browsing", "you can _start browsing", "stop searching now"):
        assert _after_aspect_verb(text, text.rfind(" ") + 1 if "now" not in text else 5)
    for text in ("level up your browsing", "upkeep browsing", "keep the browsing"):
        assert not _after_aspect_verb(text, text.rfind(" ") + 1)
    assert not _after_aspect_verb("keepbrowsing", 4)
    entries = [
        ("Keep browsing in this session", "Շարունակեք դիտարկել այս աշխատաշրջանում"),
        ("Start browsing, and we will show pages.", "Սկսեք դիտարկել և մենք կցուցադրենք էջեր:"),
        ("Keep browsing in private", "Շարունակեք զննարկել"),  # another verb: reported
        ("Your browsing", "Ձեր դիտարկել"),  # a verb where English has the noun: reported
    ]
    assert flagged(tmp_path, "hy", "դիտարկում", entries, english="browsing") == [
        "Keep browsing in private",
        "Your browsing",
    ]


def test_an_ing_form_opening_a_clause_is_a_verb(tmp_path):
    """Round 20 (Firefox in Albanian): "while browsing" said teksa shfletoni (while you
    browse), the verb of the term shfletim: after while, when, before, after, without, by
    the -ing form is the verb of a clause."""
    from moci_vocab.checkpo.verbal import _after_aspect_verb

    for text in ("while browsing", "to enhance it when browsing", "before downloading"):
        assert _after_aspect_verb(text, text.rfind(" ") + 1)
    assert not _after_aspect_verb("the awhile browsing", 11)  # (not a word's end)
    entries = [
        ("Privacy while browsing on the web.", "Privatësi teksa shfletoni në internet."),
        ("Privacy when browsing online.", "Privatësi kur lundroni në internet."),  # reported
        ("Your browsing history", "Shfletoni historikun"),  # no clause: reported
    ]
    assert flagged(tmp_path, "sq", "shfletim", entries, english="browsing") == [
        "Privacy when browsing online.",
        "Your browsing history",
    ]


# MediaWiki's Georgian (held-out round 21): *change* is ცვლილება, and its translators say
# the verb (another word, შეცვლა) wherever English has it: the catalog's own rendering.
KA_VERB_USES = [
    ("You need to change the password.", "პაროლის შეცვლა გჭირდებათ."),
    ("Could not change the model", "მოდელის შეცვლა ვერ მოხერხდა"),
    ("Please change your e-mail address.", "გთხოვთ, შეცვალოთ ელ-ფოსტის მისამართი."),
    ("The address was changed", "მისამართი შეიცვალა"),  # (English makes it a verb)
]
# ... and says the noun with the term (a catalog that mostly says another word has no
# rendering of the verb to tell)
KA_NOUN_USES = [
    (f"{n} recent changes", f"{n} ბოლო ცვლილება") for n in ("One", "Two", "Six", "Ten", "All", "No")
]


def test_a_verb_said_as_the_catalog_says_it_elsewhere_is_no_missing_noun(tmp_path):
    """Where English may use a noun term's word as a verb ("Change password": a command)
    and the translation has the stem that the catalog's translations of the word's certain
    verb uses share (after "to", "could not", before a determiner), the noun is not
    demanded; nor in a relative clause after a plural ("Pages that change …"). Not where
    English has the noun ("the last change", "That change is saved"), nor a translation
    without that stem."""
    entries = [
        *KA_VERB_USES,
        *KA_NOUN_USES,
        ("Change password", "პაროლის შეცვლა"),  # the command, said as the catalog says it
        ("change visibility", "ხილვადობის შეცვლა"),
        ("Pages that change the layout", "გვერდები, რომლებიც შეცვლიან განლაგებას"),
        ("The last change", "ბოლო შეცვლა"),  # the noun: reported
        ("That change is saved", "ის შეცვლა შენახულია"),  # "that" a determiner: reported
        ("Change log", "ჟურნალი"),  # no verb: reported
        ("Change history", "ცვლილებების ისტორია"),  # the term: fine anyway
    ]
    assert flagged(tmp_path, "ka", "ცვლილება", entries) == [
        "The last change",
        "That change is saved",
        "Change log",
    ]


def test_a_verb_rendering_needs_three_verb_uses_and_no_terms_stem(tmp_path):
    """The catalog's rendering is learned from three verb uses at least; a stem they share
    that a glossary term has is the term's, and one whose translations go best with another
    English word is that word's (the verb's object, a pronoun), not the verb's."""
    two = [*KA_VERB_USES[:2], *KA_NOUN_USES, ("Change password", "პაროლის შეცვლა")]
    assert flagged(tmp_path / "two", "ka", "ცვლილება", two) == ["Change password"]
    # a catalog that says the noun otherwise in most of its entries: nothing learned
    most = [*KA_VERB_USES, ("Change password", "პაროლის შეცვლა"), ("The change", "შეცვლა")]
    assert flagged(tmp_path / "most", "ka", "ცვლილება", most) == ["Change password", "The change"]
    # the verb uses share the term's stem (ცვლი-) and the password's (პარო-): neither is
    # the verb's
    objects = [
        ("You need to change the password.", "პაროლის ცვლილება გჭირდებათ."),
        ("Could not change the password", "პაროლის ცვლილება ვერ მოხერხდა"),
        ("Please change your password.", "გთხოვთ, პაროლის ცვლილება."),
        ("The password is too short", "პაროლი მოკლეა"),
        *KA_NOUN_USES,
        ("Change password", "პაროლის ცვლილობა"),  # a misspelt term: reported
    ]
    assert flagged(tmp_path / "objects", "ka", "ცვლილება", objects) == ["Change password"]


def _background(msgids: list[str], translations: list[str], checked: list[int]):
    """A `verbal._Background` of the entries, and its stems' cache (an entry → its
    translation's `verb_stems`)."""
    from moci_vocab.checkpo.target_match import lowered
    from moci_vocab.checkpo.verbal import _Background, verb_stems

    stems_of: dict[int, set[str]] = {}

    def stems(entries: list[int]) -> list[set[str]]:
        for entry in entries:
            if entry not in stems_of:
                stems_of[entry] = verb_stems(lowered([translations[entry]])[0])
        return [stems_of[e] for e in entries]

    return _Background(checked, msgids, stems, stems_of), stems


def _renders_by_counting(stem, word, pool, msgids, translations) -> bool:
    """What `_Background.renders` answers, by counting the whole pool for one stem: Dice's
    coefficient of the word's forms and the stem, no other msgid word's higher."""
    from collections import Counter

    from moci_vocab.checkpo.conventions import _msgid_words
    from moci_vocab.checkpo.target_match import lowered
    from moci_vocab.checkpo.verbal import verb_stems

    def words_of(e):
        return _msgid_words(msgids[e].casefold())

    counts = Counter(w for e in pool for w in words_of(e))
    held = [e for e in pool if stem in verb_stems(lowered([translations[e]])[0])]
    together = Counter(w for e in held for w in words_of(e))
    base = word[:-1] if word.endswith("e") else word
    every = {w for w in counts if w.startswith(base) and len(w) <= len(word) + 3}
    both = sum(1 for e in held if not every.isdisjoint(words_of(e)))
    if not both:
        return False
    having = sum(1 for e in pool if not every.isdisjoint(words_of(e)))
    own = 2 * both / (len(held) + having)
    return all(
        2 * n / (len(held) + counts[w]) <= own for w, n in together.items() if w not in every
    )


ENGLISH = ["change", "changes", "changed", "password", "you", "can", "file", "the", "to", "log"]
STEMS = ["შეცვ", "პარო", "თქვე", "ფაილ", "ცვლი", "ჟურნ"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(ENGLISH), min_size=1, max_size=4),
            st.lists(st.sampled_from(STEMS), min_size=1, max_size=3),
        ),
        min_size=4,
        max_size=40,
    ),
    st.integers(0, 1_000),
)
def test_the_background_index_answers_as_counting_the_pool(entries, seed):
    """`_Background` counts the sample once per file and a concept's verb uses on top: its
    answer is the one that counting the whole pool (the sample and the uses) for each stem
    gives."""
    import random

    msgids = [" ".join(words) for words, _ in entries]
    translations = [" ".join(s + "ის" for s in stems) for _, stems in entries]
    rng = random.Random(seed)
    checked = sorted(rng.sample(range(len(entries)), rng.randint(1, len(entries))))
    background, stems = _background(msgids, translations, checked)
    sample = checked[:: max(1, len(checked) // 400)]
    uses = rng.sample(range(len(entries)), min(len(entries), rng.randint(1, 8)))
    stems(uses)  # (as `verb_rendered_misses` reads them first)
    pool = list(dict.fromkeys([*uses, *sample]))
    for word in ("change", "password", "log"):
        want = {s for s in STEMS if _renders_by_counting(s, word, pool, msgids, translations)}
        assert background.learned(STEMS, word, uses) == want


def test_a_verb_rendering_costs_a_concepts_uses_not_the_catalogs_sample(tmp_path):
    """The sample of the catalog that a verb's rendering is tested against is read once
    per file: a concept reads the English words of its own verb uses, not the sample's
    again (review DEFECT 1 of session 16: 3,000 nouns used as verbs, 3.3x the CPU)."""
    import sys

    from moci_vocab.checkpo.verbal import verb_rendered_misses

    msgids, translations = [], []
    words, missing, uses = {}, {}, {}
    for concept in range(30):
        word = "".join("bdfgklmnprstvz"[(concept * 7 + k) % 14] + "aeiou"[k % 5] for k in range(3))
        words[concept] = word
        uses[concept] = []
        for j in range(3):
            uses[concept].append(len(msgids))
            msgids.append(f"Failed to {word} the item {j}")
            translations.append(f"Dështoi vrb{word}oj objekti")
        missing[concept] = [len(msgids)]
        msgids.append(f"{word.capitalize()} items")
        translations.append(f"vrb{word}oj objektet")
        msgids.append(f"Items {word}ed")  # (English makes it a verb)
        translations.append(f"Objektet u vrb{word}uan")
    for k in range(400):  # the rest of the catalog
        msgids.append(f"Open the folder number {k}")
        translations.append(f"Hap dosjen numër {k}")
    calls = []

    def count(frame, event, arg):
        if event == "call" and frame.f_code.co_name == "words_of":
            calls.append(1)

    sys.setprofile(count)
    try:
        dropped = verb_rendered_misses(
            words,
            missing,
            uses,
            msgids,
            translations.__getitem__,
            lambda: {"term"},
            list(range(len(msgids))),
        )
    finally:
        sys.setprofile(None)
    assert dropped == {(missing[c][0], c) for c in words}  # each said as its verb uses say it
    # (counting the sample again for each concept: 30 x 400 and more)
    assert len(calls) <= len(msgids) + 30 * 3 * 4


def test_a_noun_english_never_makes_a_verb_has_no_verb_rendering(tmp_path):
    """A word at the head of a label may read as a command ("Connector with Arrows"), but
    a noun that the catalog's English never gives an -ed or -ing form (*connector*) has no
    verb to render: its loanword there is another word for the noun, reported (held-out
    libreoffice-help-ka, where the rule took კონექტორი for the verb)."""
    entries = [
        ("Connector with Circles", "კონექტორი წრეებით"),
        ("Connector with Arrows", "კონექტორი ისრებით"),
        ("Connector with Lines", "კონექტორი ხაზებით"),
        *[(f"{n} connectors", f"{n} დამაკავშირებელი") for n in ("One", "Two", "Six", "Ten")],
        *[(f"Fill with {c}", f"შევსება: {c}") for c in ("red", "blue", "green", "black", "white")],
        ("Connector Starts with Arrow", "კონექტორი იწყება ისრით"),
    ]
    assert flagged(tmp_path, "ka", "დამაკავშირებელი", entries, english="connector") == [
        "Connector Starts with Arrow"
    ]
    # (where the catalog's English has "connected", the noun's word is still no verb of it)
    assert _inflected_as_a_verb("change", {"changed"})
    assert _inflected_as_a_verb("stop", {"stopping"})
    assert _inflected_as_a_verb("copy", {"copied"})
    assert not _inflected_as_a_verb("connector", {"connected", "connecting"})


# Twelve stems shared by every verb use's translation (a tie in count), more than the few
# candidates kept; the slotted entry's translation holds one of them (shfa-).
_TIED = "Shfaq alfa bravo charlie delta echo foxtrot golfi hotel india juliet kilo"
_TIE_CALL = f"""
from moci_vocab.checkpo.verbal import verb_rendered_misses
msgids = ["Nothing to list here.", "Listing the items", "List the items", "Lists items",
          "List them all"]
translations = ["Asgjë për shfaqje këtu.", *[{_TIED!r}] * 4]
print(sorted(verb_rendered_misses({{1: "list"}}, {{1: [0]}}, {{1: [1, 2, 3, 4]}}, msgids,
      translations.__getitem__, lambda: {{"list"}}, [0, 1, 2, 3, 4])))
"""


def test_verb_renderings_tied_in_count_give_the_same_answer_whatever_the_hash_seed():
    """Which of the verb uses' commonest stems are candidates does not hang on the order of
    a set of strings: of stems tied in count, those the translations say first are taken, the
    verb of a command's translation (review 22, P1: held-out weblate-sq's "Nothing to list
    here." was reported for PYTHONHASHSEED 4-7, not 0-3)."""
    import os
    import subprocess
    import sys

    repo = str(Path(__file__).resolve().parent.parent)
    answers = set()
    for seed in range(8):
        env = dict(os.environ, PYTHONHASHSEED=str(seed), PYTHONPATH=repo, PYTHONSAFEPATH="1")
        run = subprocess.run(
            [sys.executable, "-c", _TIE_CALL], env=env, capture_output=True, text=True, cwd=repo
        )
        assert run.returncode == 0, run.stderr
        answers.add(run.stdout)
    assert answers == {"[(0, 1)]\n"}  # (shfa-, said first, is a candidate: the miss is the verb)


@pytest.mark.parametrize(
    ("term", "word", "command"),
    [
        ("მოთხოვნა", "მოითხოვეთ", True),  # request! (a preverb and a version vowel)
        ("მოთხოვნა", "ითხოვს", False),  # is requesting (a version vowel alone)
        ("გადართვა", "გადართეთ", True),  # switch! (a preverb alone)
        ("გადამისამართება", "ამისამართებს", False),  # redirects
        ("ჩამოტვირთვა", "ატვირთეთ", None),  # upload! (review34 F9): ა- another preverb
        ("ჩამოტვირთვა", "ჩამოტვირთოთ", True),  # that you download
        ("პასუხი", "უპასუხოს", True),  # that he answer (a noun's verb)
        ("განახლება", "განაახლეთ", True),  # update!
        ("პოსტი", "დაპოსტავს", False),  # he will post
        ("შენახვა", "შეინახეთ", True),  # save! (the term's own preverb)
        ("კომენტარი", "დააკომენტარეთ", True),  # comment! (a noun's verb takes any)
    ],
)
def test_a_georgian_finite_verb_is_made_on_the_terms_root(term, word, command):
    from moci_vocab.checkpo.inflection import for_language
    from moci_vocab.checkpo.verbal import finite_roots, finite_verb

    endings, preverbs, marks, commands, statements = for_language("ka").finite
    roots = finite_roots([term], endings, preverbs)
    said_command = finite_verb(word, roots, preverbs, marks, commands, True)
    said_statement = finite_verb(word, roots, preverbs, marks, statements)
    if command is None:  # neither a command of this root nor a statement
        assert not said_command and not said_statement
    else:
        assert said_command is command and said_statement is not command


@pytest.mark.parametrize(
    ("term", "word"),
    [
        ("მიწვევა", "მოწვევა"),  # a verbal noun with another preverb: a second word
        ("შეერთება", "მიერთება"),
        ("მოთხოვნა", "მოთხოვნას"),  # the term's own case form
        ("პასუხი", "პასუხს"),  # a bare root before a case ending: a noun
        ("პასუხი", "უპასუხო"),  # the privative უ-…-ო: an adjective
        ("მოთხოვნა", "მოთხოვნილი"),  # a participle (verbal_misses' own data)
        # a plain noun has no preverb: ანგარიშს is the dative of ანგარიში, no ა-ნგარიშ-ს
        ("ანგარიში", "ანგარიშს"),
        # the root is the verbal noun's less its whole -ება: მიერთებებს is the plural of
        # მიერთება, no verb of შეერთება's root
        ("შეერთება", "მიერთებებს"),
        # another preverb makes another verb (review34 F1): დაითხოვეთ, dismiss!, for the
        # request მოთხოვნა; დაინახეთ, notice!, მონახეთ, find!, for the saving შენახვა
        ("მოთხოვნა", "დაითხოვეთ"),
        ("შენახვა", "დაინახეთ"),
        ("შენახვა", "მონახეთ"),
    ],
)
def test_a_georgian_noun_on_the_terms_root_is_no_finite_verb(term, word):
    from moci_vocab.checkpo.inflection import for_language
    from moci_vocab.checkpo.verbal import finite_roots, finite_verb

    endings, preverbs, marks, commands, statements = for_language("ka").finite
    roots = finite_roots([term], endings, preverbs)
    assert not finite_verb(word, roots, preverbs, marks, commands | statements)


@pytest.mark.parametrize(
    ("text", "word", "command", "statement"),
    [
        ("request revisions for this submission", "request", True, False),  # a message opens
        ("send e-mail to request orcid authorization", "request", True, False),  # after "to"
        ("a new session is requesting encryption keys.", "request", False, True),
        ("your reports need websites! add, update, delete websites", "update", True, False),
        ("add, comment and rate new ideas on a map.", "comment", True, False),
        ("notify me when %s posts", "post", False, True),  # a placeholder subject
        ("the update is ready", "update", False, False),
        ("install this upgrade?", "upgrade", False, False),
        ("the sender of this message asked", "message", False, False),
        ("read the posts of %s", "post", False, False),
        # a number or a count before the -s form counts (review34 F4)
        ("%d posts", "post", False, False),
        ("{count} updates", "update", False, False),
        ("when {name} posts", "post", False, True),
    ],
)
def test_an_english_noun_is_read_as_a_verb_where_english_puts_one(text, word, command, statement):
    from moci_vocab.checkpo.verbal import _as_command, _as_statement

    assert _as_command(text, word) is command
    assert _as_statement(text, word) is statement
