"""CSV, TBX and JSON exports: shape, escaping, metadata, determinism."""

from __future__ import annotations

import csv
import io
import json

import pytest
from exim_support import export, glossary, hostile_glossary

from moci_vocab.errors import MociError
from moci_vocab.exporters.csv import neutralise
from moci_vocab.model import Concept, Term


def read_rows(path, bom=False):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") == bom
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


# ------------------------------------------------------------------ CSV


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'quoted", "''quoted"),
        ("plain = text", "plain = text"),
        ("", ""),
    ],
)
def test_neutralise_formula_cells(cell, expected):
    assert neutralise(cell) == expected


def test_wide_csv_has_a_column_per_language_and_the_version(tmp_path):
    wide, long = export(hostile_glossary(tmp_path), "csv", tmp_path)
    assert (wide.name, long.name) == ("test-glossary.csv", "test-glossary-terms.csv")
    rows = read_rows(wide)
    header = rows[0]
    assert header[:5] == ["id", "en", "sq", "ka", "sr-Latn"]
    assert header[-1] == "glossary_version"
    assert {"en:admitted", "sq:deprecated", "sq:forbidden", "note:en", "note:ka"} <= set(header)
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    rec = by_id["reconciliation"]
    assert rec["sq"] == "pajtim"
    assert rec["sq:forbidden"] == "'=pajtim"
    assert rec["definition:en"] == 'Restoring "trust", after conflict;\nsecond line <b>&amp;</b>'
    assert rec["note:en"] == '\'=HYPERLINK("http://x")'
    assert rec["tags"] == "core, workshop"
    assert rec["glossary_version"] == "1.2.0"
    formula = by_id["formula"]
    assert formula["en"] == "'@mention"
    assert formula["en:admitted"] == "'-minus"
    assert formula["sr-Latn"] == "''apostrof"
    assert formula["definition:en"].startswith("'+1")
    assert formula["do_not_translate"] == "yes"


def test_no_cell_starts_like_a_formula(tmp_path):
    for path in export(hostile_glossary(tmp_path), "csv", tmp_path):
        for row in read_rows(path):
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (path.name, cell)


def test_long_csv_has_a_row_per_term(tmp_path):
    _wide, long = export(hostile_glossary(tmp_path), "csv", tmp_path)
    rows = read_rows(long)
    header = rows[0]
    assert header[:4] == ["concept", "lang", "term", "status"]
    records = [dict(zip(header, row, strict=True)) for row in rows[1:]]
    assert len(records) == 2 + 1 + 1 + 2 + 3 + 1  # every term of both concepts
    pajtim = next(r for r in records if r["term"] == "pajtim")
    assert (pajtim["review_state"], pajtim["review_by"], pajtim["review_date"]) == (
        "reviewed",
        "AB",
        "2026-01-02",
    )
    assert next(r for r in records if r["term"] == "conciliation")["pos"] == "phrase"


def test_bom_option_and_crlf_rows(tmp_path):
    wide, long = export(hostile_glossary(tmp_path), "csv", tmp_path, bom=True)
    read_rows(wide, bom=True)
    read_rows(long, bom=True)
    assert b"\r\n" in wide.read_bytes()


def test_language_selection_drops_other_columns(tmp_path):
    g = hostile_glossary(tmp_path)
    wide, long = export(g, "csv", tmp_path, languages=["en", "ka"])
    header = read_rows(wide)[0]
    assert "sq" not in header and "definition:sq" not in header and "ka" in header
    assert {row[1] for row in read_rows(long)[1:]} == {"en", "ka"}


# ------------------------------------------------------------------ TBX


def test_tbx_is_well_formed_tbx_basic(tmp_path):
    from lxml import etree

    (path,) = export(hostile_glossary(tmp_path), "tbx", tmp_path)
    root = etree.parse(str(path)).getroot()
    assert root.tag == "martif" and root.get("type") == "TBX-Basic"
    assert "1.2.0" in root.findtext("martifHeader/fileDesc/titleStmt/note")
    entries = root.findall("text/body/termEntry")
    assert [e.get("id") for e in entries] == ["formula", "reconciliation"]
    rec = entries[1]
    assert rec.findtext("descrip[@type='subjectField']") == "peacebuilding"
    assert [a.text for a in rec.findall("admin[@type='customerSubset']")] == ["core", "workshop"]
    en = rec.find("langSet[@{http://www.w3.org/XML/1998/namespace}lang='en']")
    assert en.findtext("descrip[@type='definition']").endswith("second line <b>&amp;</b>")
    statuses = {
        tig.findtext("term"): tig.findtext("termNote[@type='administrativeStatus']")
        for tig in rec.iter("tig")
    }
    assert statuses == {
        "reconciliation": "preferredTerm-admn-sts",
        "conciliation": "admittedTerm-admn-sts",
        "pajtim": "preferredTerm-admn-sts",
        "pajtimi": "deprecatedTerm-admn-sts",
        "=pajtim": "deprecatedTerm-admn-sts",
        "შერიგება": "preferredTerm-admn-sts",
    }
    pos = {
        tig.findtext("term"): tig.findtext("termNote[@type='partOfSpeech']")
        for tig in rec.iter("tig")
    }
    assert pos["reconciliation"] == "noun" and pos["conciliation"] == "other"


def test_translate_toolkit_reads_one_unit_per_concept(tmp_path):
    from translate.storage import tbx

    (path,) = export(hostile_glossary(tmp_path), "tbx", tmp_path)
    store = tbx.tbxfile.parsefile(str(path))
    units = [unit for unit in store.units if not unit.isheader()]
    assert len(units) == 2
    assert sorted(unit.getid() for unit in units) == ["formula", "reconciliation"]
    sources = sorted(unit.source for unit in units)
    assert sources == ["@mention", "reconciliation"]


def test_tbx_refuses_control_characters_with_the_concept_named(tmp_path):
    bad = Concept(id="bad", terms={"en": [Term("bell\x07")]})
    with pytest.raises(MociError, match=r"concept bad \(en\).*U\+0007"):
        export(glossary(tmp_path, [bad]), "tbx", tmp_path)


# ------------------------------------------------------------------ JSON


def test_json_is_the_whole_model_with_the_version(tmp_path):
    g = hostile_glossary(tmp_path)
    (path,) = export(g, "json", tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "moci-vocab" and data["version"] == "1.2.0"
    assert list(data["languages"]) == ["en", "sq", "ka", "sr-Latn"]
    assert data["languages"]["ka"]["autonym"] == "ქართული"
    assert data["concepts"] == [
        g.concepts["formula"].to_dict(),
        g.concepts["reconciliation"].to_dict(),
    ]
    assert "ქართული" in path.read_text(encoding="utf-8")  # UTF-8, not \\u escapes


def test_json_language_selection(tmp_path):
    (path,) = export(hostile_glossary(tmp_path), "json", tmp_path, languages=["en", "ka"])
    data = json.loads(path.read_text(encoding="utf-8"))
    rec = next(c for c in data["concepts"] if c["id"] == "reconciliation")
    assert list(rec["terms"]) == ["en", "ka"]
    assert list(rec["definition"]) == ["en"]


def test_every_data_export_is_byte_identical_when_repeated(tmp_path):
    g = hostile_glossary(tmp_path)
    for fmt in ("csv", "tbx", "json"):
        first = [p.read_bytes() for p in export(g, fmt, tmp_path / "a")]
        again = [p.read_bytes() for p in export(g, fmt, tmp_path / "b")]
        assert first == again, fmt
