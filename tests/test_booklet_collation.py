"""`list --lang L` and the booklet's index agree with CLDR order, and index letters are right.

The word lists are in CLDR order (sq: c < ç < d < dh < e < ë … ; sr-Latn/hr: c < č < ć,
d < dž < đ, l < lj, n < nj; mk: д < ѓ, з < ѕ, т < ќ; az: e < ə, h < x < ı < i, k < q;
ru: ё is е with an accent; de: ä is a with an accent, ß is ss).
"""

from __future__ import annotations

import io
import random
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from moci_vocab.booklet.export import booklet_data, export_booklet
from moci_vocab.cli import cli
from moci_vocab.exporters import ExportRequest
from moci_vocab.model import Concept, Term
from moci_vocab.store import load_glossary, save_concept
from tests.conftest import Moci


def words(text: str) -> list[str]:
    return text.split()


CLDR_ORDER: dict[str, list[str]] = {
    "sq": words(
        "cigare çelës dorë dhomë emër ëndërr gur gjuhë lule llambë nënë njeri rosë rrugë"
        " sy shtëpi tavolinë thes xixëllonjë xhami zog zhurmë"
    ),
    "sr-Cyrl": words("дан ђак жаба име јабука лав љубав нос њива тата ћерка цвет чаша џеп шума"),
    "sr-Latn": words("cvet čaša ćerka dan džep đak lav ljubav nos njiva sat šuma zec žaba"),
    "hr": words("cesta čokolada ćevapi dom džem đurđica lipa ljeto nebo njega sok šuma zrak žaba"),
    "mk": words("гора дом ѓавол зима ѕвезда лето љубов нос њива тато ќерка улица чаша џеб шума"),
    "ka": words(
        "ათი ბავშვი გზა დედა ენა ვაშლი ზღვა თვალი კაცი ლომი მზე ნავი ოჯახი პური რძე სახლი"
        " ტყე უბანი ფული ქალაქი ღამე ყვავილი შვილი ჩანთა ცა ძმა წყალი ხე ჰაერი"
    ),
    "hy": words(
        "արև բարի գիրք դաշտ եղբայր զանգ էջ ընկեր թութ ժամ իրավունք լույս խաղ ծով կին հաց"
        " ձուկ ղեկ ճանապարհ մայր յոթ նավ շուն ոսկի չոր պատ ջուր ռադիո սեր վարդ տուն րոպե"
        " ցուրտ փող քաղաք օր ֆիլմ"
    ),
    "az": words(
        "ağac bal cəmiyyət çay dəniz ev əl fikir gün hava xalq ılıq iş jurnal kənd qadın"
        " lalə meyvə nar od ördək pul rəng su şəhər torpaq un üzüm vətən yol zəng"
    ),
    "ru": words("еда ёж ежевика ёлка ель жук шар щука этаж эхо юг яблоко"),
    "de": words("Ärger Arm Armut Mueller Muller Müller Strasse Straße Zebra"),
}

# Index headings the booklet prints for these words (first letters, multigraphs as one).
SQ_LETTERS = words("C Ç D DH E Ë G GJ L LL N NJ R RR S SH T TH X XH Z ZH")
SR_CYRL_LETTERS = words("Д Ђ Ж И Ј Л Љ Н Њ Т Ћ Ц Ч Џ Ш")
HR_LETTERS = words("C Č Ć D DŽ Đ L LJ N NJ S Š Z Ž")


@pytest.fixture(scope="module")
def words_glossary(tmp_path_factory) -> Path:
    """One concept per test word, written in shuffled order."""
    root = tmp_path_factory.mktemp("collation") / "g"
    result = CliRunner().invoke(
        cli, ["init", str(root), "--source", "en", "--languages", ",".join(CLDR_ORDER)]
    )
    assert result.exit_code == 0, result.output
    rng = random.Random(6)
    for lang, words in CLDR_ORDER.items():
        shuffled = list(enumerate(words))
        rng.shuffle(shuffled)
        for i, word in shuffled:
            cid = f"{lang.lower()}-{i}"
            terms = {"en": [Term(f"{lang} word {i}")], lang: [Term(word)]}
            save_concept(root, Concept(id=cid, terms=terms, definition={"en": "x"}))
    return root


def _request(root: Path, langs: list[str]) -> ExportRequest:
    glossary = load_glossary(root)
    return ExportRequest(glossary, list(glossary.concepts.values()), langs, root / "out", {})


def _index_lines(index: dict) -> list[str]:
    return [line["term"] for group in index["groups"] for line in group["lines"]]


@pytest.mark.parametrize("lang", list(CLDR_ORDER))
def test_list_and_booklet_index_follow_cldr(words_glossary: Path, lang: str) -> None:
    listed = Moci(words_glossary).json("list", "--lang", lang)
    in_list = [c["terms"][lang][0]["term"] for c in listed if lang in c["terms"]]
    assert in_list == CLDR_ORDER[lang]

    data = booklet_data(_request(words_glossary, ["en", lang]))
    index = next(i for i in data["indexes"] if i["lang"] == lang)
    assert _index_lines(index) == CLDR_ORDER[lang]


@pytest.mark.parametrize(
    ("lang", "letters"), [("sq", SQ_LETTERS), ("sr-Cyrl", SR_CYRL_LETTERS), ("hr", HR_LETTERS)]
)
def test_index_letter_headings(words_glossary: Path, lang: str, letters: list[str]) -> None:
    data = booklet_data(_request(words_glossary, ["en", lang]))
    index = next(i for i in data["indexes"] if i["lang"] == lang)
    assert [group["letter"] for group in index["groups"]] == letters


def test_georgian_headings_stay_mkhedruli(words_glossary: Path) -> None:
    data = booklet_data(_request(words_glossary, ["en", "ka"]))
    letters = [group["letter"] for group in data["indexes"][1]["groups"]]
    assert letters == [word[0] for word in CLDR_ORDER["ka"]]


def test_printed_index_is_in_albanian_order(words_glossary: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    pdf = export_booklet(_request(words_glossary, ["en", "sq"]))[0]
    pages = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.read_bytes())).pages]
    # the indexes follow each other in one flow: the Albanian one starts at its title line
    lines = [ln for text in pages[2:] for ln in text.splitlines()]
    lines = lines[lines.index("Shqip") :]
    terms = [re.sub(r"[ .]*\d+(, \d+)*$", "", ln).strip() for ln in lines]  # less the pages
    printed = [term for term in terms if term in CLDR_ORDER["sq"]]
    assert printed == CLDR_ORDER["sq"]
    headings = [ln.strip() for ln in lines if ln.strip() in SQ_LETTERS]
    assert headings == SQ_LETTERS
