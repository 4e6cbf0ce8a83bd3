"""`check-po` on XLIFF 1.x and 2.x: the findings of the same translations in PO.

The XLIFF 1.x files are written by translate-toolkit (po2xliff and its xliff store),
an implementation independent of ours.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import examples
from hypothesis import given, settings
from hypothesis import strategies as st
from test_checkpo import LANGS, write_po

from moci_vocab.checkpo.reader import read_catalog
from moci_vocab.errors import MociError


@pytest.fixture
def glossary(moci):
    args = ["add", "reconciliation", "--term", "en=reconciliation"]
    for lang, data in LANGS.items():
        args += ["--term", f"{lang}={data['preferred']}"]
    moci(*args, "--yes")
    for lang, data in LANGS.items():
        moci("translate", "reconciliation", lang, data["deprecated"], "--status", "deprecated")
    moci("add", "moci", "--term", "en=MOCI", "--do-not-translate", "--yes")
    return moci


def check(moci, *args, ok=None) -> tuple[int, list[dict]]:
    result = moci("check-po", *args, "--format", "json", ok=ok)
    return result.exit_code, json.loads(result.stdout)["findings"]


def po2xliff(po: Path) -> Path:
    from translate.convert import po2xliff as convert

    xlf = po.with_suffix(".xlf")
    with po.open("rb") as source, xlf.open("wb") as target:
        convert.convertpo(source, target, None)
    return xlf


def comparable(findings: list[dict]) -> list[tuple]:
    keys = ("code", "concept", "lang", "msgid", "expected", "found")
    return [tuple(json.dumps(f.get(k), ensure_ascii=False) for k in keys) for f in findings]


@pytest.mark.parametrize("lang", LANGS)
def test_xliff_from_po2xliff_has_the_findings_of_its_po(glossary, tmp_path, lang):
    data = LANGS[lang]
    entries = [
        ("Reconciliation matters.", data["inflected"][0]),
        ("Reconciliations", data["wrong"]),  # missing term
        ("Work for reconciliation", data["deprecated_inflected"]),  # deprecated term
        ("The MOCI network", data["moci_bad"]),  # a name translated
        ("Reconciliation, again", data["wrong"]),  # fuzzy: skipped
        ("Reconciliation later", ""),  # untranslated: skipped
    ]
    po = write_po(tmp_path / f"{lang}.po", lang, entries, fuzzy={4})
    xlf = po2xliff(po)
    code_po, from_po = check(glossary, str(po), ok=False)
    code_xlf, from_xlf = check(glossary, str(xlf), ok=False)
    assert code_po == code_xlf == 1
    assert [f["code"] for f in from_xlf] == ["MV601", "MV602", "MV603"]
    assert comparable(from_xlf) == comparable(from_po)
    lines = xlf.read_text("utf-8").splitlines()
    for finding in from_xlf:  # the line of the unit's <trans-unit>
        assert "<trans-unit" in lines[finding["line"] - 1]
        assert finding["file"] == str(xlf)
    _code, fuzzy = check(glossary, str(xlf), "--include-fuzzy", ok=False)
    assert "Reconciliation, again" in [f["msgid"] for f in fuzzy]


def test_plural_groups_from_po2xliff_are_one_entry_with_its_forms(tmp_path):
    import polib

    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "sq"}
    po.append(polib.POEntry(msgid="One file", msgid_plural="%d files",
                            msgstr_plural={0: "Një skedar", 1: "%d skedarë"}))  # fmt: skip
    fuzzy = polib.POEntry(msgid="a peace", msgid_plural="%d peaces",
                          msgstr_plural={0: "një paqe", 1: "%d paqe"}, flags=["fuzzy"])  # fmt: skip
    po.append(fuzzy)
    po.save(str(tmp_path / "sq.po"))
    plural, other = read_catalog(po2xliff(tmp_path / "sq.po")).entries
    assert (plural.msgid, plural.msgid_plural) == ("One file", "%d files")
    assert plural.msgstr == ["Një skedar", "%d skedarë"] and not plural.fuzzy
    assert other.msgstr == ["një paqe", "%d paqe"] and other.fuzzy


XLIFF2 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ka">
 <file id="f1">
  <unit id="u1" name="road">
   <segment state="final">
    <source>The road to <pc id="1">reconciliation</pc>.</source>
    <target>შერიგების <pc id="1">გზა</pc>.</target>
   </segment>
   <ignorable><source> </source><target> </target></ignorable>
   <segment state="translated">
    <source>The MOCI<ph id="2"/> network<cp hex="2013"/>now.</source>
    <target>MOCI-ის<ph id="2"/> ქსელი<cp hex="2013"/>ახლა.</target>
   </segment>
  </unit>
  <unit id="u2" name="peace">
   <segment state="reviewed">
    <source>Reconciliations</source>
    <target>მშვიდობის გზა.</target>
   </segment>
  </unit>
  <unit id="u3">
   <segment state="initial"><source>Reconciliation draft</source><target>მშვიდობა</target></segment>
  </unit>
  <unit id="u4">
   <segment><source>Reconciliation, half</source><target>მშვიდობა</target></segment>
   <segment><source> and the rest</source></segment>
  </unit>
  <unit id="u5" translate="no">
   <segment><source>Reconciliation code</source><target>code</target></segment>
  </unit>
 </file>
</xliff>
"""


def test_xliff2_units_segments_inline_codes_and_states(glossary, tmp_path):
    xlf = tmp_path / "ka.xliff"
    xlf.write_text(XLIFF2, "utf-8")
    catalog = read_catalog(xlf)
    assert catalog.language == "ka"
    first, *_ = catalog.entries
    assert first.msgid == "The road to reconciliation. The MOCI network–now."
    assert first.msgstr == ["შერიგების გზა. MOCI-ის ქსელი–ახლა."]
    assert first.msgctxt == "road"
    code, findings = check(glossary, str(xlf), ok=False)
    assert code == 1
    [missing] = findings  # u3 is fuzzy, u4 only half translated, u5 not to translate
    assert missing["code"] == "MV601" and missing["msgid"] == "Reconciliations"
    assert missing["msgctxt"] == "peace" and missing["expected"] == [LANGS["ka"]["preferred"]]
    assert missing["line"] == XLIFF2.splitlines().index('  <unit id="u2" name="peace">') + 1
    _code, with_fuzzy = check(glossary, str(xlf), "--include-fuzzy", ok=False)
    assert [f["msgid"] for f in with_fuzzy] == ["Reconciliations", "Reconciliation draft"]


def test_text_inside_native_codes_and_alternatives_is_not_the_translation(tmp_path):
    xlf = tmp_path / "sq.xlf"
    xlf.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file source-language="en" target-language="sq" datatype="html" original="x">'
        '<body><trans-unit id="1" resname="title">'
        '<source><bpt id="1">&lt;b&gt;</bpt>Peace<ept id="1">&lt;/b&gt;</ept> <x id="2"/>'
        '<g id="3">now</g></source>'
        '<target state="signed-off"><bpt id="1">&lt;b&gt;</bpt>Paqe<ept id="1">&lt;/b&gt;</ept>'
        ' <x id="2"/><g id="3">tani</g></target>'
        "<alt-trans><source>Peace</source><target>Paqja</target></alt-trans>"
        '</trans-unit><trans-unit id="2" restype="x-gettext-domain-header">'
        "<source>Language: sq</source><target>Language: sq</target></trans-unit>"
        "</body></file></xliff>",
        "utf-8",
    )
    [entry] = read_catalog(xlf).entries
    assert (entry.msgid, entry.msgstr, entry.msgctxt) == ("Peace now", ["Paqe tani"], "title")
    assert not entry.fuzzy and entry.line == 1


SDLXLIFF = """<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0"
       xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0">
<file original="mission.docx" datatype="x-sdlfilterframework2" source-language="en-US"
      target-language="sq-AL">
<header><sdl:ref-files><sdl:ref-file uid="0" name="x" /></sdl:ref-files></header>
<body>
<trans-unit id="a1">
<source>Reconciliations matter.</source>
<seg-source><mrk mtype="seg" mid="1">Reconciliations matter.</mrk></seg-source>
<target><mrk mtype="seg" mid="1">Paqja ka rëndësi.</mrk></target>
<sdl:seg-defs><sdl:seg id="1" conf="Translated" origin="interactive"><sdl:value key="x">
Reconciliation</sdl:value></sdl:seg></sdl:seg-defs>
</trans-unit>
</body></file></xliff>
"""


def test_trados_sdlxliff_with_segments_and_its_own_elements(glossary, tmp_path):
    path = tmp_path / "mission.docx.sdlxliff"
    path.write_text(SDLXLIFF, "utf-8")
    [entry] = read_catalog(path).entries
    assert (entry.msgid, entry.msgstr) == ("Reconciliations matter.", ["Paqja ka rëndësi."])
    code, findings = check(glossary, str(path), ok=False)  # sq-AL is the glossary's sq
    assert code == 1 and [(f["code"], f["lang"], f["line"]) for f in findings] == [
        ("MV601", "sq", 8)
    ]


# --- bad input: one clear finding naming the file and the line, nothing else -------------


BAD = {
    "laughs.xlf": (
        '<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<xliff version="1.2">&b;</xliff>',
        2,
        "document type declaration",
    ),
    "external.xlf": (
        '<?xml version="1.0"?>\n\n<!DOCTYPE x SYSTEM "file:///etc/passwd">\n<xliff/>',
        3,
        "document type declaration",
    ),
    "unclosed.xlf": (
        '<xliff version="1.2"><file target-language="sq">\n<body>\n<trans-unit id="1">'
        "<source>a</source>\n</body></file></xliff>",
        4,
        "not well-formed XML (mismatched tag)",
    ),
    "other.xlf": ("<html><body/></html>", 1, "not an XLIFF file (its root element is <html>)"),
    "two.xlf": (
        '<xliff version="1.2"><file target-language="sq"/><file target-language="ka"/></xliff>',
        None,
        "several target languages (ka, sq)",
    ),
    "cp.xliff": (
        '<xliff version="2.0" trgLang="sq"><file id="f"><unit id="u"><segment>'
        '<source><cp hex="zz"/></source></segment></unit></file></xliff>',
        1,
        "not a code point",
    ),
    # a lone surrogate in a text stopped the run with "unexpected UnicodeEncodeError"
    # wherever a text is read as UTF-8 (review34): the file is refused as unreadable
    "surrogate.xliff": (
        '<xliff version="2.0" trgLang="sq"><file id="f"><unit id="u"><segment>\n'
        '<source>Open<cp hex="D800"/> the file</source><target>Hap</target></segment>'
        "</unit></file></xliff>",
        2,
        "<cp hex='D800'/>, which is a surrogate, not a character",
    ),
    "surrogate-target.xliff": (
        '<xliff version="2.0" trgLang="sq"><file id="f"><unit id="u"><segment>'
        '<source>Open the file</source>\n<target>Hap<cp hex="dfff"/></target></segment>'
        "</unit></file></xliff>",
        2,
        "<cp hex='dfff'/>, which is a surrogate, not a character",
    ),
}


@pytest.mark.parametrize("name", BAD)
def test_bad_xliff_is_one_clear_finding(glossary, tmp_path, name):
    text, line, words = BAD[name]
    path = tmp_path / name
    path.write_text(text, "utf-8")
    code, findings = check(glossary, str(path), "--lang", "sq", ok=False)
    assert code == 1
    [finding] = findings
    assert finding["code"] == "MV600" and words in finding["message"]
    assert (finding["file"], finding["line"]) == (str(path), line)
    assert "aaaaaaaaaa" not in finding["message"] and "root:" not in finding["message"]


# --- round trip: what translate-toolkit writes, we read -----------------------------------

# Characters XML 1.0 can carry (no C0 controls but tab and newline; CR is read as LF).
XML_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")
    | st.sampled_from("\t\n<>&\"' ëçშհ"),
    min_size=1,
    max_size=30,
)


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(st.tuples(XML_TEXT, XML_TEXT | st.just("")), min_size=1, max_size=8))
def test_what_translate_toolkit_writes_reads_back_the_same(pairs):
    from translate.storage import xliff

    store = xliff.xlifffile(sourcelanguage="en", targetlanguage="sq")
    for source, target in pairs:
        unit = store.addsourceunit(source)
        if target:
            unit.settarget(target)
            unit.markapproved(True)
    path = Path("memory.xlf")
    catalog = _read_bytes_as(path, bytes(store))
    assert [(e.msgid, e.msgstr) for e in catalog.entries] == [
        (source, [target]) for source, target in pairs
    ]
    assert catalog.language == "sq" and not any(e.fuzzy for e in catalog.entries)


def _read_bytes_as(path: Path, data: bytes):
    from moci_vocab.checkpo.xliff import _XliffReader

    return _XliffReader(path).read(data)


def test_a_broken_file_does_not_stop_the_others(glossary, tmp_path):
    good = write_po(tmp_path / "sq.po", "sq", [("Reconciliations", LANGS["sq"]["wrong"])])
    bad = tmp_path / "bad.xlf"
    bad.write_bytes(b"<xliff><file>")
    _code, findings = check(glossary, str(bad), str(good), ok=False)
    assert sorted(f["code"] for f in findings) == ["MV600", "MV601"]
    with pytest.raises(MociError):
        read_catalog(bad)
