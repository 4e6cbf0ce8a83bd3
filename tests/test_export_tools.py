"""Exports for the tools translators use: Weblate, OmegaT, TMX, XLSX, SKOS, bilingual TBX.

Each file is read back with the parser the tool itself uses or a real one for the
format: translate-toolkit (PO, TBX, CSV, TMX, as Weblate does), OmegaT's reading
rules, openpyxl, rdflib.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from exim_support import export, glossary, hostile_glossary

from moci_vocab.errors import MociError
from moci_vocab.exporters.csv import wide_rows
from moci_vocab.model import Concept, Term


def read_omegat(path: Path) -> list[tuple[str, str, str]]:
    """A glossary file read the way OmegaT's GlossaryReaderTSV reads it."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        while cells and cells[-1] == "":  # Java's split drops trailing empty cells
            cells.pop()
        if len(cells) < 2 or not cells[0]:
            continue
        entries.append((cells[0], cells[1], cells[2] if len(cells) > 2 else ""))
    return entries


def weblate_glossary(tmp_path: Path):
    """The hostile glossary plus a forbidden Georgian term and a name without a translation."""
    g = hostile_glossary(tmp_path)
    g.concepts["reconciliation"].terms["ka"].append(Term("მორიგება", "forbidden"))
    name = Concept(id="moci", do_not_translate=True, terms={"en": [Term("MOCI")]})
    g.concepts["moci"] = name
    return g


# ------------------------------------------------------------------ Weblate


def test_weblate_po_carries_every_flag_as_weblate_reads_it(tmp_path):
    from translate.storage import po

    paths = export(weblate_glossary(tmp_path), "weblate", tmp_path / "out")
    assert {p.relative_to(tmp_path / "out").as_posix() for p in paths} == {
        f"weblate/{lang}.{ext}" for lang in ("sq", "ka", "sr-Latn") for ext in ("po", "tbx", "csv")
    }
    store = po.pofile.parsefile(str(tmp_path / "out" / "weblate" / "sq.po"))
    units = {u.getcontext(): u for u in store.units if not u.isheader()}
    assert set(units) == {"formula", "moci", "reconciliation", "reconciliation/forbidden/1"}

    def flags(unit):
        return {f.strip() for line in unit.typecomments for f in line[2:].split(",")}

    assert flags(units["formula"]) == {"terminology", "read-only"}
    assert units["formula"].target == "&<>\"'"  # translated names keep their translation
    assert flags(units["moci"]) == {"terminology", "read-only"}
    assert (units["moci"].source, units["moci"].target) == ("MOCI", "MOCI")  # not empty
    assert flags(units["reconciliation"]) == {"terminology"}
    assert units["reconciliation"].target == "pajtim"
    forbidden = units["reconciliation/forbidden/1"]
    assert flags(forbidden) == {"forbidden"}
    assert (forbidden.source, forbidden.target) == ("reconciliation", "=pajtim")
    assert "Definition (sq): Rivendosja e besimit." in units["reconciliation"].getnotes()


def test_weblate_tbx_carries_forbidden_and_translation_needed(tmp_path):
    from translate.storage import tbx

    export(weblate_glossary(tmp_path), "weblate", tmp_path / "out")
    store = tbx.tbxfile.parsefile(str(tmp_path / "out" / "weblate" / "ka.tbx"))
    units = {u.getid(): u for u in store.units}
    assert set(units) == {"formula", "moci", "reconciliation", "reconciliation/forbidden/1"}
    assert not units["moci"].istranslatable()
    assert units["moci"].target == "MOCI"
    assert not units["formula"].istranslatable()
    assert units["reconciliation"].istranslatable()
    assert units["reconciliation"].target == "შერიგება"
    (term,) = units["reconciliation/forbidden/1"].get_target_terms()
    assert (term.text, term.administrative_status) == ("მორიგება", "forbidden")
    assert [t.administrative_status for t in units["reconciliation"].get_target_terms()] == [None]


def test_weblate_csv_has_weblates_columns_and_no_forbidden_rows(tmp_path):
    from translate.storage import csvl10n

    export(weblate_glossary(tmp_path), "weblate", tmp_path / "out")
    path = tmp_path / "out" / "weblate" / "ka.csv"
    store = csvl10n.csvfile.parsefile(str(path))
    units = {u.getcontext(): u for u in store.units}
    assert set(units) == {"formula", "moci", "reconciliation"}
    assert units["moci"].target == "MOCI"
    assert units["reconciliation"].target == "შერიგება"
    assert "Forbidden (ka): მორიგება" in units["reconciliation"].getnotes()
    assert units["formula"].source == "'@mention"  # the spreadsheet escape, as in every CSV


def test_weblate_with_only_the_source_language_writes_nothing(moci):
    moci("add", "peace", "--term", "en=peace")
    result = moci("export", "weblate", "--lang", "en", "-o", str(moci.root / "o"))
    assert "nothing to write" in result.output


# ------------------------------------------------------------------ OmegaT


def test_omegat_file_per_pair_as_omegat_reads_it(tmp_path):
    g = weblate_glossary(tmp_path)
    g.concepts["hash"] = Concept(id="hash", terms={"en": [Term("#hashtag")], "sq": [Term("#x")]})
    paths = export(g, "omegat", tmp_path / "out")
    assert [p.name for p in paths] == [
        "test-glossary-en-sq.utf8",
        "test-glossary-en-ka.utf8",
        "test-glossary-en-sr-Latn.utf8",
    ]
    entries = {e[0]: e for e in read_omegat(paths[0])}
    assert set(entries) == {"@mention", "#hashtag", "MOCI", "reconciliation"}
    assert entries["#hashtag"][1] == "#x"  # not taken for a comment line
    assert entries["MOCI"][1] == "MOCI"  # not translated: the name itself
    _source, target, comment = entries["reconciliation"]
    assert target == "pajtim"
    assert comment.startswith('Restoring "trust", after conflict; | second line <b>&amp;</b>')
    assert "Forbidden (sq): =pajtim" in comment
    raw = paths[0].read_text(encoding="utf-8")
    assert raw.splitlines()[0] == "# -*- coding: utf-8 -*-"
    assert raw.splitlines()[1].startswith("# Test Glossary 1.2.0")
    assert all(line.count("\t") == 2 for line in raw.splitlines()[2:])


# ------------------------------------------------------------------ TMX


def test_tmx_has_one_tu_per_concept_and_pair(tmp_path):
    from lxml import etree
    from translate.storage import tmx

    paths = export(weblate_glossary(tmp_path), "tmx", tmp_path / "out")
    assert paths[0].name == "test-glossary-en-sq.tmx"
    store = tmx.tmxfile.parsefile(str(paths[1]))  # en-ka
    pairs = {u.getid(): (u.source, u.target) for u in store.units}
    assert pairs == {
        "reconciliation": ("reconciliation", "შერიგება"),
        "moci": ("MOCI", "MOCI"),
        "formula": ("@mention", "@mention"),  # no Georgian term, not translated: itself
    }
    tree = etree.parse(str(paths[0]))
    header = tree.getroot().find("header")
    assert tree.getroot().get("version") == "1.4"
    assert (header.get("srclang"), header.get("segtype"), header.get("datatype")) == (
        "en",
        "phrase",
        "plaintext",
    )
    tu = tree.getroot().find("body/tu[@tuid='reconciliation']")
    assert [p.text for p in tu.findall("prop[@type='x-tag']")] == ["core", "workshop"]
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert [v.get(lang) for v in tu.findall("tuv")] == ["en", "sq"]


# ------------------------------------------------------------------ XLSX


def test_xlsx_sheets_layout_and_formula_safety(tmp_path):
    import openpyxl

    g = hostile_glossary(tmp_path)
    (path,) = export(g, "xlsx", tmp_path / "out")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["glossary", "en-sq", "en-ka", "en-sr-Latn", "definitions"]
    for sheet in book:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref.startswith("A1:")
        assert sheet["A1"].font.b
        assert all(sheet.column_dimensions[c].width >= 8 for c in "ABC")
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate)
    # The first sheet is the wide CSV, column for column, with the exact text.
    csv_rows = wide_rows(__import__("exim_support").request(g, tmp_path))
    got = [[value or "" for value in row] for row in book["glossary"].iter_rows(values_only=True)]
    assert got == csv_rows
    pair = {row[0]: row for row in book["en-sq"].iter_rows(values_only=True)}
    assert pair["reconciliation"][:3] == ("reconciliation", "reconciliation", "pajtim")
    assert pair["reconciliation"][5] == "=pajtim"
    cell = next(c for c in book["en-sq"]["F"] if c.value == "=pajtim")
    assert cell.data_type == "s" and cell.quotePrefix


def test_xlsx_is_the_same_bytes_every_time(tmp_path):
    g = hostile_glossary(tmp_path)
    (first,) = export(g, "xlsx", tmp_path / "a")
    (second,) = export(g, "xlsx", tmp_path / "b")
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize("fmt", ["xlsx", "tmx", "weblate"])
def test_control_characters_are_refused_with_the_concept_named(tmp_path, fmt):
    bad = Concept(id="bad", terms={"en": [Term("a\x01b")], "sq": [Term("x")]})
    with pytest.raises(MociError, match="bad"):
        export(glossary(tmp_path, [bad]), fmt, tmp_path / "out")


# ------------------------------------------------------------------ SKOS


def test_skos_turtle_and_jsonld_are_the_same_graph(tmp_path):
    import rdflib
    from rdflib.namespace import SKOS

    g = hostile_glossary(tmp_path)
    g.concepts["reconciliation"].broader = ["formula"]
    ttl, jsonld = export(g, "skos", tmp_path / "out")
    assert (ttl.name, jsonld.name) == ("test-glossary.ttl", "test-glossary.jsonld")
    turtle = rdflib.Graph().parse(ttl, format="turtle")
    linked = rdflib.Graph().parse(jsonld, format="json-ld")
    assert set(turtle) == set(linked)
    base = "urn:moci-vocab:test-glossary"
    rec, formula = rdflib.URIRef(f"{base}/reconciliation"), rdflib.URIRef(f"{base}/formula")
    assert (rec, SKOS.broader, formula) in turtle
    assert (rec, SKOS.related, formula) in turtle
    assert (rdflib.URIRef(base), SKOS.hasTopConcept, formula) in turtle
    assert (rdflib.URIRef(base), SKOS.hasTopConcept, rec) not in turtle


def test_skos_base_uri_from_the_manifest(tmp_path):
    g = hostile_glossary(tmp_path)
    g.manifest.extra["base_uri"] = "https://moci.example/vocab/"
    ttl, _ = export(g, "skos", tmp_path / "out")
    assert "<https://moci.example/vocab/reconciliation>" in ttl.read_text(encoding="utf-8")
    g.manifest.extra["base_uri"] = "not an iri"
    with pytest.raises(MociError, match="base_uri"):
        export(g, "skos", tmp_path / "out")


# ------------------------------------------------------------------ TBX


def test_tbx_writes_do_not_translate_forms_and_case_sensitivity(tmp_path):
    from translate.storage import tbx

    g = hostile_glossary(tmp_path)
    term = g.concepts["reconciliation"].terms["sq"][0]
    term.forms, term.case_sensitive = ["pajtimi", "pajtimit"], True
    (path,) = export(g, "tbx", tmp_path / "out")
    text = path.read_text(encoding="utf-8")
    assert '<termNote type="x-form">pajtimit</termNote>' in text
    assert '<termNote type="x-caseSensitive">yes</termNote>' in text
    store = tbx.tbxfile.parsefile(str(path))
    translatable = {u.getid(): u.istranslatable() for u in store.units}
    assert translatable == {"formula": False, "reconciliation": True}


def test_bilingual_tbx_has_one_pair_per_file(tmp_path):
    from translate.storage import tbx

    paths = export(hostile_glossary(tmp_path), "tbx", tmp_path / "out", bilingual=True)
    assert [p.name for p in paths] == [
        "test-glossary-en-sq.tbx",
        "test-glossary-en-ka.tbx",
        "test-glossary-en-sr-Latn.tbx",
    ]
    text = paths[1].read_text(encoding="utf-8")
    assert 'xml:lang="sq"' not in text and 'xml:lang="ka"' in text
    store = tbx.tbxfile.parsefile(str(paths[1]))
    langs = {
        n.get("{http://www.w3.org/XML/1998/namespace}lang")
        for u in store.units
        for n in u.getlanguageNodes()
    }
    assert langs == {"en", "ka"}


# ------------------------------------------------------------------ CLI


def test_export_each_new_format_through_the_cli(seeded, tmp_path):
    out = tmp_path / "out"
    for fmt in ("weblate", "omegat", "tmx", "xlsx", "skos"):
        data = seeded.json("export", fmt, "--lang", "sq,ka", "-o", str(out))
        assert data["errors"] == [] and data["files"], fmt
        assert all(Path(f["path"]).is_file() for f in data["files"])
    result = seeded("export", "tbx", "--bilingual", "--lang", "sq", "-o", str(out))
    assert "-en-sq.tbx" in result.output


def test_weblate_csv_is_rfc4180(tmp_path):
    export(weblate_glossary(tmp_path), "weblate", tmp_path / "out")
    raw = (tmp_path / "out" / "weblate" / "sq.csv").read_bytes().decode("utf-8")
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    assert rows[0] == ["source", "target", "context", "developer_comments", "glossary_version"]
    assert {len(row) for row in rows} == {5}
    assert {row[-1] for row in rows[1:]} == {"1.2.0"}
