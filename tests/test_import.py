"""Imports of real glossaries (GNOME PO, Weblate TBX and CSV) and of hand-made files."""

from __future__ import annotations

from pathlib import Path

import pytest
from exim_support import FIXTURES, glossary

from moci_vocab.errors import MociError
from moci_vocab.importers import ReadOptions, get_reader, language_from_filename
from moci_vocab.importers.merge import make_slug, plan_merge
from moci_vocab.languages import gettext_to_bcp47
from moci_vocab.model import Concept, Term

GNOME = Path(__file__).resolve().parents[2] / "shared" / "data" / "gnome-glossary"


def read(name: str, fmt: str, *langs: str, **options):
    return get_reader(fmt)(FIXTURES / name, ReadOptions(languages=list(langs), **options))


def merged(tmp_path, imported, concepts=()):
    g = glossary(tmp_path, list(concepts))
    plan = plan_merge(g, imported, decide=lambda duplicate: "new")
    return g, plan


# ------------------------------------------------------------------ PO (GNOME)


def test_gnome_albanian_excerpt(tmp_path):
    imported = read("gnome-glossary-sq.po", "po")
    g, plan = merged(tmp_path, imported)
    assert imported.problems == []
    assert len(g.concepts) == 12  # every entry of the excerpt is translated
    abort = g.concepts["abort"]
    assert abort.preferred("sq").term == "ndërprit"
    assert abort.definition["en"].startswith("To terminate abruptly a processing activity")
    assert not abort.definition["en"].startswith('"')  # GNOME's quotes are gone
    assert g.concepts["accelerator"].preferred("sq").term == "Pulsant i zgjedhjes së shpejtë"
    assert "definition" not in g.concepts["accept"].to_dict() or not g.concepts["accept"].definition
    assert plan.summary()["added"] == 12


def test_gnome_serbian_reports_the_undecodable_line_and_recovers_it(tmp_path):
    imported = read("gnome-glossary-sr.po", "po", "sr-Cyrl")
    assert [(p.line, "UTF-8" in p.message) for p in imported.problems] == [(40, True)]
    assert "0xd7" in imported.problems[0].message
    g, _plan = merged(tmp_path, imported)
    base = g.concepts["base"]
    assert base.preferred("sr-Cyrl").term == "Основа"
    # The broken comment line is recovered: its stray byte read as Windows-1252 (×).
    assert "2 × 2 × 2 = 8" in base.definition["en"]
    assert g.concepts["balance"].definition["en"].startswith("Adjustment of sources")
    assert len(g.concepts) == 7  # the header row "Term" included, as the file has it


def test_serbian_without_script_maps_to_the_manifests_cyrillic(tmp_path):
    from moci_vocab.model import LanguageSpec

    imported = read("gnome-glossary-sr.po", "po")  # language from the file name: sr
    g = glossary(tmp_path, [])
    g.manifest.languages["sr-Cyrl"] = LanguageSpec("sr-Cyrl", "Cyrl")
    plan_merge(g, imported)
    assert g.concepts["base"].preferred("sr-Cyrl").term == "Основа"
    assert "sr" not in g.manifest.languages


def test_gnome_georgian_skips_fuzzy_unless_asked(tmp_path):
    plain = read("gnome-glossary-ka.po", "po")
    assert plain.skipped == {"fuzzy": 2, "untranslated": 11}
    fuzzy = read("gnome-glossary-ka.po", "po", include_fuzzy=True)
    g, _plan = merged(tmp_path, fuzzy)
    drafts = [c for c in g.concepts.values() if c.terms["ka"][0].review is not None]
    assert len(drafts) == 2 and all(c.terms["ka"][0].review.state == "draft" for c in drafts)


def test_untranslated_entries_on_request(tmp_path):
    imported = read("gnome-glossary-ka.po", "po", include_untranslated=True)
    g, _plan = merged(tmp_path, imported)
    assert len(g.concepts) == 17  # 6 translated + 11 untranslated (2 fuzzy still skipped)
    assert g.concepts["alpha-channel"].terms.keys() == {"en"}


@pytest.mark.skipif(not GNOME.is_dir(), reason="the full GNOME glossary is not in ../shared")
def test_full_gnome_albanian_glossary(tmp_path):
    imported = get_reader("po")(GNOME / "glossary-sq.po", ReadOptions())
    g, _plan = merged(tmp_path, imported)
    with_sq = [c for c in g.concepts.values() if c.preferred("sq")]
    assert 600 <= len(with_sq) == len(g.concepts) <= 640
    assert sum(1 for c in with_sq if c.definition.get("en")) > 500
    assert imported.skipped == {"untranslated": 280}


@pytest.mark.skipif(not GNOME.is_dir(), reason="the full GNOME glossary is not in ../shared")
def test_full_gnome_serbian_glossary(tmp_path):
    imported = get_reader("po")(GNOME / "glossary-sr.po", ReadOptions(languages=["sr-Cyrl"]))
    assert [p.line for p in imported.problems] == [231]
    g, _plan = merged(tmp_path, imported)
    assert len(g.concepts) > 800


def test_po_errors_name_file_and_line(tmp_path):
    bad = tmp_path / "bad-sq.po"
    bad.write_text('msgid "a"\nmsgstr "b"\nmsgid\n', encoding="utf-8")
    with pytest.raises(MociError) as caught:
        get_reader("po")(bad, ReadOptions())
    assert "bad-sq.po" in str(caught.value) and caught.value.line == 3


def test_po_without_language_asks_for_lang(tmp_path):
    path = tmp_path / "terms.po"
    path.write_text('msgid "a"\nmsgstr "b"\n', encoding="utf-8")
    with pytest.raises(MociError, match="--lang"):
        get_reader("po")(path, ReadOptions())


def test_language_from_file_names():
    assert language_from_filename(Path("glossary-sq.po")) == "sq"
    assert language_from_filename(Path("sr@latin.po")) == "sr-Latn"
    assert language_from_filename(Path("glossary-sr-Latn.po")) == "sr-Latn"
    assert language_from_filename(Path("pt_BR.csv")) == "pt-BR"
    assert language_from_filename(Path("terms.csv")) is None
    assert gettext_to_bcp47("sr@cyrillic") == "sr-Cyrl"


# ------------------------------------------------------------------ TBX (Weblate)


def test_weblate_simple_tbx(tmp_path):
    imported = read("cs.tbx", "tbx")
    g, _plan = merged(tmp_path, imported)
    assert sorted(g.concepts) == ["address-bar", "administrate", "administrator", "always-on-top"]
    assert g.concepts["address-bar"].preferred("cs").term == "adresní řádek"
    assert "cs" in g.manifest.languages and not g.manifest.languages["cs"].required


def test_weblate_tbx_with_extended_metadata(tmp_path):
    imported = read("fr-extended-metadata.tbx", "tbx")
    g, _plan = merged(tmp_path, imported)
    bus = g.concepts["data-bus"]
    assert bus.definition["en"] == "Superseded but still found in older manuals."
    assert bus.note["en"] == "Avoid using this term in any documentation."
    assert [t.status for t in bus.terms["en"]] == ["deprecated"]
    assert bus.terms["en"][0].note.startswith("A communication system")
    code = g.concepts["sys-err-406"]
    assert code.do_not_translate
    assert code.terms["en"][0].note == "Do not translate error codes."  # deduplicated
    combo = g.concepts["combo-box"]
    assert combo.terms["fr"][0].status == "admitted"


def test_tbx_entity_declarations_are_refused(tmp_path):
    path = tmp_path / "laughs.tbx"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY a "aaaa">]>\n<martif>&a;</martif>\n',
        encoding="utf-8",
    )
    with pytest.raises(MociError, match="entity"):
        get_reader("tbx")(path, ReadOptions())


def test_malformed_tbx_names_the_line(tmp_path):
    path = tmp_path / "broken.tbx"
    path.write_text("<martif>\n<text>\n<body>\n</martif>\n", encoding="utf-8")
    with pytest.raises(MociError) as caught:
        get_reader("tbx")(path, ReadOptions())
    assert caught.value.line == 4 and "well-formed" in str(caught.value)


def test_xml_that_is_not_tbx(tmp_path):
    path = tmp_path / "x.tbx"
    path.write_text("<html/>", encoding="utf-8")
    with pytest.raises(MociError, match="not TBX"):
        get_reader("tbx")(path, ReadOptions())


# ------------------------------------------------------------------ CSV (Weblate and others)


def test_weblate_headerless_csv_with_lang(tmp_path):
    imported = read("cs-quotes-escaped.csv", "csv", "cs")
    g, _plan = merged(tmp_path, imported)
    first = g.concepts["thank-you-for-using-weblate"]
    assert first.preferred("cs").term == 'Děkujeme za použití "Weblate".'
    assert len(g.concepts) == 21


def test_headerless_csv_language_from_file_name(tmp_path):
    imported = read("cs.csv", "csv")
    g, _plan = merged(tmp_path, imported)
    assert g.concepts["thank-you-for-using-weblate"].preferred("cs").term.startswith("Děkujeme")


def test_weblate_multi_csv_groups_rows_into_concepts(tmp_path):
    imported = read("fr-multi.csv", "csv", "fr")
    g, _plan = merged(tmp_path, imported)
    infarction = g.concepts["myocardial-infarction-disorder"]
    assert [(t.term, t.status) for t in infarction.terms["fr"]] == [
        ("Infarctus myocardique", "preferred"),
        ("Infarctus du myocarde", "admitted"),
        ("Infarctus cardiaque", "admitted"),
    ]
    assert len(g.concepts) == 2


def test_monolingual_csv_imports_source_terms(tmp_path):
    imported = read("en-multi.csv", "csv")
    g, _plan = merged(tmp_path, imported)
    assert sorted(g.concepts) == ["myocardial-infarction-disorder", "stomach-ache-finding", "test"]


def test_foreign_csv_keeps_leading_apostrophes(tmp_path):
    path = tmp_path / "de.csv"
    path.write_text("source,target\n'n Abend,'=Abend\n", encoding="utf-8")
    imported = get_reader("csv")(path, ReadOptions())
    assert imported.concepts[0].concept.terms["de"][0].term == "'=Abend"


def test_csv_invalid_utf8_row_is_reported_and_left_out(tmp_path):
    path = tmp_path / "terms-sq.csv"
    path.write_bytes(b"source,target\npeace,paqe\nbad,\xff\xfe\nhope,shpres\xc3\xab\n")
    imported = get_reader("csv")(path, ReadOptions())
    assert [p.line for p in imported.problems] == [3]
    assert [c.concept.terms["sq"][0].term for c in imported.concepts] == ["paqe", "shpresë"]


def test_semicolon_and_pipe_delimiters(tmp_path):
    path = tmp_path / "x-sq.csv"
    path.write_text('source;target\n"a;b";c\n', encoding="utf-8")
    (incoming,) = get_reader("csv")(path, ReadOptions()).concepts
    assert incoming.concept.terms["en"][0].term == "a;b"


def test_long_csv_without_concept_column_is_an_error(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("lang,term\nen,peace\n", encoding="utf-8")
    with pytest.raises(MociError, match="concept"):
        get_reader("csv")(path, ReadOptions())


def test_unknown_wide_column_is_reported(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("en,sq,comments\npeace,paqe,hello\n", encoding="utf-8")
    imported = get_reader("csv")(path, ReadOptions())
    assert imported.problems[0].line == 1 and "comments" in imported.problems[0].message
    assert imported.concepts[0].concept.terms["sq"][0].term == "paqe"


# ------------------------------------------------------------------ merge rules


def existing_reconciliation() -> Concept:
    return Concept(
        id="reconciliation",
        definition={"en": "Restoring trust."},
        terms={"en": [Term("reconciliation")], "sq": [Term("pajtim")]},
    )


def csv_file(tmp_path, text: str) -> Path:
    path = tmp_path / "import-sq.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_same_source_term_merges_new_terms(tmp_path):
    path = csv_file(tmp_path, "source,target,explanation\nReconciliation,pajtimi,Other text.\n")
    imported = get_reader("csv")(path, ReadOptions())
    g, plan = merged(tmp_path, imported, [existing_reconciliation()])
    concept = g.concepts["reconciliation"]
    assert [(t.term, t.status) for t in concept.terms["sq"]] == [
        ("pajtim", "preferred"),
        ("pajtimi", "admitted"),
    ]
    assert concept.definition["en"] == "Restoring trust."  # never overwritten
    (change,) = plan.concepts
    assert change.kind == "updated"
    assert any("kept the existing definition" in d for d in change.details)


def test_near_duplicate_is_asked_about(tmp_path):
    path = csv_file(tmp_path, "source,target\nreconcilation,pajtim\n")  # a typo away
    imported = get_reader("csv")(path, ReadOptions())
    asked = []
    g = glossary(tmp_path, [existing_reconciliation()])
    plan = plan_merge(g, imported, decide=lambda d: asked.append(d) or "merge:reconciliation")
    assert asked[0].candidates[0].concept == "reconciliation"
    assert sorted(g.concepts) == ["reconciliation"]
    assert g.concepts["reconciliation"].find_term("en", "reconcilation").status == "admitted"
    assert plan.duplicates[0].decision == "merge:reconciliation"


def test_near_duplicate_left_undecided_without_a_decider(tmp_path):
    path = csv_file(tmp_path, "source,target\nreconcilation,pajtim\n")
    g = glossary(tmp_path, [existing_reconciliation()])
    plan = plan_merge(g, get_reader("csv")(path, ReadOptions()))
    assert len(plan.undecided) == 1


def test_ids_are_unique_slugs_of_the_source_term(tmp_path):
    path = tmp_path / "x-sq.csv"
    path.write_text(
        "source,target,context\nOpen,hap,verb\nOpen,i hapur,adjective\n", encoding="utf-8"
    )
    g, _plan = merged(tmp_path, get_reader("csv")(path, ReadOptions()))
    assert sorted(g.concepts) == ["open", "open-2"]
    assert make_slug("Input/output") == "input-output"
    assert make_slug("GTK+") == "gtk"
    assert make_slug("შერიგება").isascii() and make_slug("შერიგება")


def test_dangling_links_are_dropped_and_reported(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text(
        'id,en,related,glossary_version\npeace,peace,"nowhere, war"\nwar,war,,\n',
        encoding="utf-8",
    )
    g, plan = merged(tmp_path, get_reader("csv")(path, ReadOptions()))
    assert g.concepts["peace"].related == ["war"]
    change = next(c for c in plan.concepts if c.concept == "peace")
    assert any("nowhere" in d for d in change.details)


def test_source_less_entries_are_left_out(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("sq,ka\npaqe,მშვიდობა\n", encoding="utf-8")
    g, plan = merged(tmp_path, get_reader("csv")(path, ReadOptions()))
    assert g.concepts == {}
    assert "source language" in plan.problems[0][1]


def test_json_import_reports_bad_concepts(tmp_path):
    path = tmp_path / "g.json"
    path.write_text(
        '{"concepts": [{"id": "ok", "terms": {"en": [{"term": "ok"}]}},'
        ' {"id": "bad", "status": "nonsense", "terms": {"en": [{"term": "x"}]}},'
        ' {"id": "Not A Slug"}]}',
        encoding="utf-8",
    )
    imported = get_reader("json")(path, ReadOptions())
    assert [c.concept.id for c in imported.concepts] == ["ok"]
    assert len(imported.problems) == 2


def test_invalid_json_names_the_line(tmp_path):
    path = tmp_path / "g.json"
    path.write_text('{\n"concepts": [\n,]\n}', encoding="utf-8")
    with pytest.raises(MociError) as caught:
        get_reader("json")(path, ReadOptions())
    assert caught.value.line == 3
