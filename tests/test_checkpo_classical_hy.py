"""`check-po` on Armenian written in the classical orthography (issue 15; round 29's
Mastodon server messages: the rule is made from them, not measured blind on them)."""

from __future__ import annotations

import json
import time

import pytest

from tests.test_checkpo import write_po

# Entries that name no glossary term: the rest of a catalog, in each orthography.
CLASSICAL_FILLER = [(f"Message {i}", "Աւելացնել նոր կարգաւորում") for i in range(12)]
REFORMED_FILLER = [(f"Message {i}", "Ավելացնել նոր կարգավորում") for i in range(12)]
# As Mastodon's Armenian server messages write them (classical; two entries reformed).
CLASSICAL = [
    ("Account settings", "Հաշուի կարգաւորումներ"),
    ("Delete account", "Ջնջել հաշիւը"),
    ("Moved from this account", "Տեղափոխուել է այս հաշուից"),
    ("The password for your account has been changed.", "Հաշուիդ գաղտնաբառը փոփոխուեց։"),
    ("Your account is locked.", "Ձեր հաշիվը արգելափակված է։"),  # reformed in it
    ("Action", "Գործողութիւն"),
    ("Action taken", "Գործողություն"),  # reformed in it
    ("Other users", "Այլ օգտատէրեր"),
    ("The user will see it", "Օգտատէրը կը տեսնի"),
    ("Account status", "Կարգավիճակ"),  # the account left out: still a finding
]


# The glossary's terms for account, action and user in each orthography.
TERMS = {
    "reformed": ("հաշիվ", "գործողություն", "օգտատեր"),
    "classical": ("հաշիւ", "գործողութիւն", "օգտատէր"),
}


def with_terms(moci, spelling):
    for concept, term in zip(("account", "action", "user"), TERMS[spelling], strict=True):
        moci("add", concept, "--term", f"en={concept}", "--term", f"hy={term}", "--yes")
    return moci


@pytest.fixture
def reformed_glossary(moci):
    return with_terms(moci, "reformed")


@pytest.fixture
def classical_glossary(moci):
    return with_terms(moci, "classical")


def findings(moci, path, fmt="json"):
    return moci("check-po", str(path), "--format", fmt, ok=None)


def codes(moci, path):
    found = json.loads(findings(moci, path).output)["findings"]
    return [(f["code"], f.get("msgid")) for f in found], found


@pytest.mark.parametrize("fixture", ["reformed_glossary", "classical_glossary"])
def test_a_classical_catalog_is_said_once_and_matched_in_both_spellings(fixture, request, tmp_path):
    moci = request.getfixturevalue(fixture)
    po = write_po(tmp_path / "hy.po", "hy", CLASSICAL + CLASSICAL_FILLER)
    found, rows = codes(moci, po)
    assert found == [("MV606", None), ("MV601", "Account status")]
    assert rows[0]["severity"] == "info" and "classical orthography" in rows[0]["message"]
    # the message names the glossary's term as the glossary writes it
    assert rows[1]["expected"] == ["հաշիւ" if fixture == "classical_glossary" else "հաշիվ"]


def test_a_classical_file_that_mixes_in_the_reformed_spelling_is_told_once(
    reformed_glossary, tmp_path
):
    # one finding for the file (MV606's message), not one per entry: CLASSICAL writes
    # Գործողություն once in the reformed spelling (its հաշիվը is no -ություն: not counted)
    po = write_po(tmp_path / "hy.po", "hy", CLASSICAL + CLASSICAL_FILLER)
    line = po.read_text(encoding="utf-8").splitlines().index('msgid "Action taken"') + 1
    found, rows = codes(reformed_glossary, po)
    assert found == [("MV606", None), ("MV601", "Account status")]
    assert rows[0]["message"].endswith(
        f"; 1 of its entries write the reformed one instead (-ություն; the first at line "
        f"{line}: Գործողություն)"
    )
    # a file in the classical spelling alone: the notice as it was
    po = write_po(tmp_path / "hy.po", "hy", CLASSICAL[:4] + CLASSICAL_FILLER)
    message = codes(reformed_glossary, po)[1][0]["message"]
    assert message.endswith("reading it as the reformed one (հաշիվ, -ություն)")


def test_the_closest_words_are_the_translation_as_written(reformed_glossary, tmp_path):
    # read as հաշվարկի (calculation's), no form of հաշիվ: shown as the catalog writes it
    po = write_po(
        tmp_path / "hy.po", "hy", [("Account balance", "Հաշուարկի կարգավիճակ"), *CLASSICAL_FILLER]
    )
    found = codes(reformed_glossary, po)[1]
    assert [(f["code"], f["found"]) for f in found[1:]] == [("MV601", "Հաշուարկի")]
    assert found[1]["message"].endswith("closest: 'Հաշուարկի'")


def test_a_classical_glossary_finds_a_reformed_catalog_only_as_written(
    classical_glossary, tmp_path
):
    # a reformed catalog is read as written: a classical term finds no reformed form there
    # (the reverse of the test above is the glossary's to fix, not the file's), where it
    # finds every form in a classical catalog (the oblique հաշուի: not the term's letters)
    po = write_po(tmp_path / "hy.po", "hy", [("Delete account", "Ջնջել հաշիվը"), *REFORMED_FILLER])
    assert codes(classical_glossary, po)[0] == [("MV601", "Delete account")]
    entries = [("Delete account", "Ջնջել հաշիւը"), ("Account settings", "Հաշուի կարգաւորումներ")]
    po = write_po(tmp_path / "hy.po", "hy", entries + CLASSICAL_FILLER)
    assert codes(classical_glossary, po)[0] == [("MV606", None)]


def test_a_reformed_catalog_is_read_as_written(reformed_glossary, tmp_path):
    entries = [
        ("Delete account", "Ջնջել հաշիվը"),
        ("Account settings", "Հաշվի կարգավորումներ"),
        ("Account status", "Հաշուի կարգավիճակ"),  # a classical slip in a reformed file
    ]
    po = write_po(tmp_path / "hy.po", "hy", entries + REFORMED_FILLER)
    assert codes(reformed_glossary, po)[0] == [("MV601", "Account status")]
    # ... and the account's form in a classical file
    po = write_po(tmp_path / "hy.po", "hy", entries[2:] + CLASSICAL_FILLER)
    assert codes(reformed_glossary, po)[0] == [("MV606", None)]


def test_point_7_words_stay_rejected_in_a_classical_catalog(moci, tmp_path):
    moci("add", "password", "--term", "en=password", "--term", "hy=գաղտնաբառ", "--yes")
    moci("add", "city", "--term", "en=city", "--term", "hy=քաղաք", "--yes")
    moci("add", "account", "--term", "en=account", "--term", "hy=հաշիվ", "--yes")
    entries = [
        ("Password", "Գաղտնաբառ"),
        ("Your account's password", "Հաշուիդ գաղտնաբառը"),  # read folded: the account found
        ("Enter the password", "Մուտքագրէք գաղտնաբառը"),
        ("Secret password", "Գաղտնի"),  # secret, not password
        ("The city", "Քաղաքը"),
        ("City name", "Քաղաքացու անունը"),  # a citizen's, not the city's
    ]
    po = write_po(tmp_path / "hy.po", "hy", entries + CLASSICAL_FILLER)
    assert codes(moci, po)[0] == [
        ("MV606", None),
        ("MV601", "Secret password"),
        ("MV601", "City name"),
    ]


@pytest.mark.parametrize(
    ("classical", "reformed_"),
    [
        ("հաշիւ", "հաշիվ"),  # իւ at a word's end → իվ
        ("ՀԱՇԻՒ", "ՀԱՇԻՎ"),  # in capitals
        ("հաշիւդ", "հաշիվդ"),  # ... and before the endings -դ, -ս, -ներ
        ("Հաշիւներ", "Հաշիվներ"),
        ("հաշիւների", "հաշիվների"),
        ("գործողութիւններ", "գործողություններ"),  # not the stem's own ն
        ("հաշուի", "հաշվի"),  # ու before a vowel → վ
        ("Հաշուիդ", "Հաշվիդ"),
        ("հաշուից", "հաշվից"),
        ("գործողութիւն", "գործողություն"),  # իւ before a consonant → յու
        ("ակտիւութիւնը", "ակտիվությունը"),  # իւ before a vowel → իվ
        ("անվտանգութեան", "անվտանգության"),  # եա → յա
        ("տուեալներ", "տվյալներ"),  # ու before a vowel, then եա
        ("ստացուած", "ստացված"),
        ("օգտուող", "օգտվող"),
        ("աւելացնել", "ավելացնել"),  # any other ւ → վ
        ("եօթ", "յոթ"),  # եօ → յո
        ("Օգտատէրն", "Օգտատերն"),  # է inside a word → ե; օ at its start stays
        ("էմօջի", "էմոջի"),  # օ inside a word → ո; է at its start stays
        ("դէպի", "դեպի"),
        ("նոյն", "նույն"),  # ոյ before a consonant → ույ
        ("կինոյի", "կինոյի"),  # not before a vowel
        ("ստանայ", "ստանա"),  # a final silent յ after ա, ո dropped
        ("հետոյ", "հետո"),
        ("հայ", "հայ"),  # not in a word of one syllable
        ("յիշատակի", "հիշատակի"),  # յ at a word's start → հ
        ("Յաջողութեամբ", "Հաջողությամբ"),
        ("յուսալ", "հուսալ"),  # (classical յու-, յո-: հ)
        ("յոգնած", "հոգնած"),
        # ... but not the few reformed words in յ: both spellings meet
        ("յոթ", "յոթ"),
        ("Յոթերորդ", "Յոթերորդ"),
        ("եօթանասուն", "յոթանասուն"),
        ("իւրաքանչիւր", "յուրաքանչյուր"),
        ("յուրաքանչյուր", "յուրաքանչյուր"),
        ("իւղ", "յուղ"),
        ("յուղը", "յուղը"),
        ("իւրացնել", "յուրացնել"),
        ("հետեւեալ", "հետեւյալ"),  # եւ kept (the ligature և casefolds to it)
        ("հաշիվ գործողություն", "հաշիվ գործողություն"),  # reformed: as it is
    ],
)
def test_the_classical_spelling_folds_to_the_reformed_one(classical, reformed_):
    from moci_vocab.checkpo.classical_hy import reformed

    assert reformed(classical) == reformed_


def test_the_fold_takes_linear_time_on_a_hostile_text():
    # 140 KB of words in a final յ, then a word of a million consonants: each word's start was
    # searched from the text's start (review27: 8,000 words took 37 s, these 20,000 minutes)
    from moci_vocab.checkpo.classical_hy import reformed

    words = "ստանայ " * 20_000
    started = time.perf_counter()
    assert reformed(words) == "ստանա " * 20_000
    assert reformed("բ" * 1_000_000 + "այ") == "բ" * 1_000_000 + "այ"  # (no other vowel)
    assert time.perf_counter() - started < 10


def test_a_file_is_classical_from_its_marks():
    from moci_vocab.checkpo.classical_hy import MIN_MARKS, SHARE, is_classical

    # ւ outside ու and եւ: 2 per entry, in 20 letters
    assert is_classical([["Աւելացնել նոր կարգաւորում"]] * 12)
    # too few marks in all, however dense
    assert not is_classical([["Աւելացնել նոր կարգաւորում"]] * ((MIN_MARKS - 1) // 2))
    # reformed text, the ligature typed as եւ (as reformed catalogs do): not a mark
    assert not is_classical([["Ավելացնել եւ հետեւել կարգավորումը"]] * 50)
    # the reformed mark in capitals counts as in small letters (review28 MINOR 4 to hy): a
    # file that writes ՈՒԹՅ more often than the classical marks is reformed
    assert not is_classical([["ԳՈՐԾՈՂՈՒԹՅՈՒՆ ԵՎ ԿԱՐԳԱՎՈՐՈՒՄ"]] * 30 + [["Աւելացնել"]] * 12)
    # under the share: a few marks in much reformed text
    letters = int(MIN_MARKS / SHARE) * 2
    texts = [["Աւելացնել"]] * MIN_MARKS + [["ա" * 100]] * (letters // 100)
    assert not is_classical(texts)


def test_a_reformed_file_is_told_without_reading_all_of_it():
    # reformed entries first (-ությ-, no classical mark), then many classical ones: read
    # to the end the file would be classical; it is told reformed at its first entries
    from moci_vocab.checkpo.classical_hy import is_classical

    reformed_first = [["Կայունություն"]] * 1000
    classical_after = [["Աւելացնել նոր կարգաւորում"]] * 5000
    assert is_classical(classical_after)
    assert not is_classical(reformed_first + classical_after)
