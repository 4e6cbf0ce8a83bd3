"""`check-po` on an Albanian catalog written without ë and ç (issue 15; Debian's aMule)."""

from __future__ import annotations

import json
import unicodedata

import pytest

from moci_vocab.checkpo.spelling import MAX_MARKED, MIN_LETTERS, SHARE, unmarked_letters
from tests.test_checkpo import write_po

# Entries that name no glossary term: the rest of a catalog (letters to measure), as an
# older catalog types them (without ë and ç) and as Albanian is written.
FILLER = [(f"Message {i}", "Lidhja me serverin u mbyll per shkak te nje gabimi") for i in range(12)]
FILLER_MARKED = [(m, "Lidhja me serverin u mbyll për shkak të një gabimi") for m, _ in FILLER]
# As an older catalog types them, without ë and ç (emër, kërko, çelës written emer...).
UNMARKED = [
    ("Name", "Emri"),
    ("Enter a name for the file", "Jepni nje emer per skedarin"),
    ("(Unknown name)", "(Emer i panjohur)"),
    ("Name of the server", "Serveri"),  # the name left out: still a finding
]
# The same entries as a catalog that writes ë.
MARKED = [
    ("Name", "Emri"),
    ("Enter a name for the file", "Jepni një emër për skedarin"),
    ("(Unknown name)", "(Emer i panjohur)"),  # a slip in a catalog that writes ë: flagged
    ("Name of the server", "Serveri"),
]


@pytest.fixture
def glossary(moci):
    moci("add", "name", "--term", "en=name", "--term", "sq=emër", "--yes")
    return moci


def findings(moci, path, fmt="json"):
    return moci("check-po", str(path), "--format", fmt, ok=None)


def test_a_catalog_written_without_e_diaeresis_is_said_once_and_matched_so(glossary, tmp_path):
    po = write_po(tmp_path / "sq.po", "sq", UNMARKED + FILLER)
    found = json.loads(findings(glossary, po).output)["findings"]
    assert [(f["code"], f["line"], f.get("msgid")) for f in found] == [
        ("MV606", None, None),
        ("MV601", found[1]["line"], "Name of the server"),
    ]
    assert found[0]["severity"] == "info" and found[0]["lang"] == "sq"
    assert "without ë and ç" in found[0]["message"]
    # the message names the glossary's term as written, not as folded
    assert found[1]["expected"] == ["emër"]


def test_a_catalog_that_writes_e_diaeresis_is_read_as_written(glossary, tmp_path):
    po = write_po(tmp_path / "sq.po", "sq", MARKED + FILLER_MARKED)
    found = json.loads(findings(glossary, po).output)["findings"]
    assert [(f["code"], f["msgid"]) for f in found] == [
        ("MV601", "(Unknown name)"),
        ("MV601", "Name of the server"),
    ]


def test_a_decomposed_e_diaeresis_is_an_e_diaeresis(glossary, tmp_path):
    # ë written e + U+0308 (as some editors save it): the same findings as the NFC file
    composed = write_po(tmp_path / "nfc.po", "sq", MARKED + FILLER_MARKED)
    nfd = [(msgid, unicodedata.normalize("NFD", said)) for msgid, said in MARKED + FILLER_MARKED]
    decomposed = write_po(tmp_path / "nfd.po", "sq", nfd)
    assert "e\u0308" in decomposed.read_text("utf-8")
    expected = [
        (f["code"], f["msgid"]) for f in json.loads(findings(glossary, composed).output)["findings"]
    ]
    found = json.loads(findings(glossary, decomposed).output)["findings"]
    assert [(f["code"], f["msgid"]) for f in found] == expected
    assert [code for code, _msgid in expected] == ["MV601", "MV601"]


def test_a_file_that_writes_e_diaeresis_is_not_diluted_into_the_mode(glossary, tmp_path):
    # a file that writes ë in a few dozen places, and much ASCII text (a URL per entry, code):
    # under the share, but not read without ë, and its slip (emer) is still flagged
    urls = [(f"Link {i}", f"https://example.org/shkarko/skedari-{i}/versioni") for i in range(400)]
    po = write_po(tmp_path / "sq.po", "sq", MARKED + FILLER_MARKED + urls)
    found = json.loads(findings(glossary, po).output)["findings"]
    assert [(f["code"], f["msgid"]) for f in found] == [
        ("MV601", "(Unknown name)"),
        ("MV601", "Name of the server"),
    ]


def test_the_notice_is_in_text_and_sarif_and_fails_nothing(glossary, tmp_path):
    po = write_po(tmp_path / "sq.po", "sq", UNMARKED[:3] + FILLER)
    text = findings(glossary, po, "text")
    assert text.exit_code == 0, text.output
    assert [line for line in text.output.splitlines() if "MV606" in line] == [
        line for line in text.output.splitlines() if "MV606 info" in line
    ]
    assert text.output.count("MV606") == 1
    sarif = json.loads(findings(glossary, po, "sarif").output)
    [result] = sarif["runs"][0]["results"]
    assert (result["ruleId"], result["level"]) == ("MV606", "note")
    rules = [rule["id"] for rule in sarif["runs"][0]["tool"]["driver"]["rules"]]
    assert "MV606" in rules


@pytest.mark.parametrize(
    ("marked", "letters", "unmarked"),
    [
        (0, MIN_LETTERS, True),  # none at all (aMule: 0 of 31,108 letters)
        (0, MIN_LETTERS - 1, False),  # too few letters to tell
        (MAX_MARKED - 1, 100_000, True),  # a few (names), under the share
        (MAX_MARKED - 1, round((MAX_MARKED - 1) / SHARE), False),  # at the share
        (MAX_MARKED, 100_000, False),  # under the share, but written MAX_MARKED times
    ],
)
def test_a_file_is_unmarked_below_the_share_of_its_letters(marked, letters, unmarked):
    texts = [["ë" * marked + "a" * (letters - marked)], ["1234 %% {0}"], []]
    assert unmarked_letters(texts, "sq") == ("ëçËÇ" if unmarked else "")


def test_other_languages_are_never_read_without_letters():
    assert unmarked_letters([["a" * 10_000]], "ka") == ""
    assert unmarked_letters([["a" * 10_000]], "sr-Latn") == ""


def test_the_language_data_folds_whole():
    from moci_vocab.checkpo.inflection import Endings
    from moci_vocab.checkpo.spelling import _fold, unmarked_inflection

    infl = unmarked_inflection("sq")
    assert "ne" in infl.suffixes and "ës" not in infl.suffixes and "es" in infl.suffixes
    assert not any("ë" in str(getattr(infl, name)) for name in infl._fields)
    with pytest.raises(TypeError):  # (a kind of data it does not know is not left unfolded)
        _fold(Endings(([""],), 0, frozenset()), {})
