"""Round trips through the tool formats: export, read back with a real parser, compare.

The glossaries are hypothesis's, with the hostile text of test_export_roundtrip. What
each format can hold must come back exactly: Weblate PO and TBX (translate-toolkit,
as Weblate reads them, every flag), OmegaT (its own reading rules), TMX
(translate-toolkit), XLSX (openpyxl) and SKOS (rdflib, Turtle and JSON-LD).
"""

from __future__ import annotations

from exim_support import glossary, request
from hypothesis import given
from hypothesis import strategies as st
from test_export_roundtrip import SETTINGS, concepts, scratch
from test_export_tools import read_omegat

from moci_vocab.exporters import get_exporter
from moci_vocab.exporters.csv import wide_rows
from moci_vocab.exporters.po import source_term
from moci_vocab.model import Concept
from moci_vocab.versioninfo import one_line


def expected_pair(concept: Concept, lang: str) -> tuple[str, str] | None:
    """(source, target) as the pair formats write it; None without a source term."""
    shown = source_term(concept, "en")
    if shown is None:
        return None
    preferred = concept.preferred(lang)
    target = preferred.term if preferred else (shown.term if concept.do_not_translate else "")
    return shown.term, target


def run(fmt, original, folder, **options):
    g = glossary(folder, original)
    return g, get_exporter(fmt)(request(g, folder / "out", **options))


@SETTINGS
@given(original=concepts())
def test_weblate_po_and_tbx_round_trip_with_every_flag(tmp_path, original):
    from translate.storage import po, tbx

    folder = scratch(tmp_path)
    _g, _paths = run("weblate", original, folder)
    for lang in ("sq", "ka", "sr-Latn"):
        expected = {}
        for concept in original:
            pair = expected_pair(concept, lang)
            if pair is None:
                continue
            flags = {"terminology"} | ({"read-only"} if concept.do_not_translate else set())
            expected[concept.id] = (one_line(pair[0]), one_line(pair[1]), flags)
            forbidden = [t for t in concept.terms.get(lang, ()) if t.status == "forbidden"]
            for number, term in enumerate(forbidden, 1):
                key = f"{concept.id}/forbidden/{number}"
                expected[key] = (one_line(pair[0]), one_line(term.term), {"forbidden"})
        store = po.pofile.parsefile(str(folder / "out" / "weblate" / f"{lang}.po"))
        got = {
            u.getcontext(): (
                u.source,
                u.target,
                {f.strip() for c in u.typecomments for f in c[2:].split(",")},
            )
            for u in store.units
            if not u.isheader()
        }
        assert got == expected
        store = tbx.tbxfile.parsefile(str(folder / "out" / "weblate" / f"{lang}.tbx"))
        for unit in store.units:
            source, target, flags = expected[unit.getid()]
            assert (unit.source, unit.target or "") == (source, target)
            assert unit.istranslatable() == ("read-only" not in flags)
            statuses = [t.administrative_status for t in unit.get_target_terms()]
            assert statuses == (["forbidden"] if "forbidden" in flags else [None] * len(statuses))
        assert len(store.units) == len(expected)


@SETTINGS
@given(original=concepts())
def test_omegat_round_trip(tmp_path, original):
    folder = scratch(tmp_path)
    _g, paths = run("omegat", original, folder)
    for path, lang in zip(paths, ("sq", "ka", "sr-Latn"), strict=True):
        expected = []
        for concept in original:
            pair = expected_pair(concept, lang)
            if pair and pair[1]:
                expected.append((one_line(pair[0]), one_line(pair[1])))
        assert [entry[:2] for entry in read_omegat(path)] == expected


@SETTINGS
@given(original=concepts())
def test_tmx_round_trip(tmp_path, original):
    from translate.storage import tmx

    folder = scratch(tmp_path)
    _g, paths = run("tmx", original, folder)
    for path, lang in zip(paths, ("sq", "ka", "sr-Latn"), strict=True):
        store = tmx.tmxfile.parsefile(str(path))
        got = [(u.getid(), u.source, u.target) for u in store.units]
        expected = []
        for concept in original:
            pair = expected_pair(concept, lang)
            if pair and pair[1]:
                expected.append((concept.id, *pair))
        assert got == expected


@SETTINGS
@given(original=concepts())
def test_xlsx_round_trip(tmp_path, original):
    import openpyxl

    folder = scratch(tmp_path)
    g, (path,) = run("xlsx", original, folder)
    book = openpyxl.load_workbook(path)
    rows = [[value or "" for value in row] for row in book["glossary"].iter_rows(values_only=True)]
    assert rows == wide_rows(request(g, folder))  # the wide CSV, exact text in every cell
    for lang in ("sq", "ka", "sr-Latn"):
        sheet = book[f"en-{lang}"]
        header, *body = [
            [value or "" for value in row] for row in sheet.iter_rows(values_only=True)
        ]
        for concept, row in zip(original, body, strict=True):
            cells = dict(zip(header, row, strict=True))
            preferred = concept.preferred(lang)
            assert cells["id"] == concept.id
            assert cells[lang] == (preferred.term if preferred else "")
            forbidden = [t.term for t in concept.terms.get(lang, ()) if t.status == "forbidden"]
            assert cells[f"{lang}:forbidden"].split("\n") == (forbidden or [""])
            assert cells[f"definition:{lang}"] == concept.definition.get(lang, "")


@SETTINGS
@given(original=concepts(), data=st.data())
def test_skos_round_trip_in_turtle_and_jsonld(tmp_path, original, data):
    import rdflib

    for concept in original[1:]:
        if data.draw(st.booleans()):
            concept.broader = [original[0].id]
    folder = scratch(tmp_path)
    _g, (ttl, jsonld) = run("skos", original, folder)
    turtle = rdflib.Graph().parse(ttl, format="turtle")
    linked = rdflib.Graph().parse(jsonld, format="json-ld")
    assert set(turtle) == set(linked)
    for concept in original:
        assert read_concept(turtle, concept.id) == comparable(concept)


SKOS = "http://www.w3.org/2004/02/skos/core#"
XL = "http://www.w3.org/2008/05/skos-xl#"
MOCI = "urn:moci-vocab:ns#"
BASE = "urn:moci-vocab:test-glossary"


def comparable(concept: Concept) -> dict:
    """The concept as SKOS can hold it: unordered multi-values sorted, no review."""
    terms = {}
    for lang, items in concept.terms.items():
        terms[lang] = [
            {
                **{k: v for k, v in t.to_dict().items() if k != "review"},
                "forms": sorted(t.forms),
            }
            for t in items
        ]
        for entry in terms[lang]:
            if not entry["forms"]:
                del entry["forms"]
    return {
        "status": concept.status,
        "domain": concept.domain,
        "tags": sorted(concept.tags),
        "do_not_translate": concept.do_not_translate,
        "definition": concept.definition,
        "note": concept.note,
        "related": sorted(concept.related),
        "broader": sorted(concept.broader),
        "terms": terms,
    }


def read_concept(graph, concept_id: str) -> dict:
    """A concept read back from the RDF graph."""
    from rdflib import URIRef

    node = URIRef(f"{BASE}/{concept_id}")

    def values(subject, predicate):
        return list(graph.objects(subject, URIRef(predicate)))

    def one(subject, predicate):
        found = values(subject, predicate)
        return str(found[0]) if found else None

    refs = {
        key: sorted(str(v).rsplit("/", 1)[1] for v in values(node, SKOS + key))
        for key in ("related", "broader")
    }
    texts = {
        key: {v.language: str(v) for v in values(node, SKOS + name)}
        for key, name in (("definition", "definition"), ("note", "note"))
    }
    labels = [
        v for kind in ("prefLabel", "altLabel", "hiddenLabel") for v in values(node, XL + kind)
    ]
    terms: dict[str, list] = {}
    for label in sorted(labels, key=lambda iri: int(str(iri).rsplit("/", 1)[1])):
        form = values(label, XL + "literalForm")[0]
        entry = {"term": str(form), "status": one(label, MOCI + "termStatus")}
        for key, predicate in (
            ("type", MOCI + "termType"),
            ("pos", MOCI + "partOfSpeech"),
            ("gender", MOCI + "gender"),
        ):
            if one(label, predicate):
                entry[key] = one(label, predicate)
        if one(label, MOCI + "caseSensitive"):
            entry["case_sensitive"] = True
        forms = sorted(str(v) for v in values(label, MOCI + "form"))
        if forms:
            entry["forms"] = forms
        for key, predicate in (
            ("context", MOCI + "context"),
            ("note", SKOS + "note"),
            ("source", "http://purl.org/dc/terms/source"),
        ):
            if one(label, predicate):
                entry[key] = one(label, predicate)
        lang = str(label).rsplit("/", 2)[1]
        terms.setdefault(lang, []).append(entry)
    return {
        "status": one(node, MOCI + "status"),
        "domain": one(node, MOCI + "domain"),
        "tags": sorted(str(v) for v in values(node, MOCI + "tag")),
        "do_not_translate": bool(values(node, MOCI + "doNotTranslate")),
        **texts,
        **refs,
        "terms": terms,
    }


@SETTINGS
@given(original=concepts())
def test_xlsx_export_then_import_xlsx_gives_the_glossary_back(tmp_path, original):
    """The spreadsheet round trip of issue 19: our workbook read by `import xlsx`."""
    from exim_support import reimport
    from test_export_roundtrip import assert_no_problems, term_statuses

    folder = scratch(tmp_path)
    _g, (path,) = run("xlsx", original, folder)
    back, imported, plan = reimport(path, "xlsx", folder)
    assert_no_problems(imported, plan)
    assert set(back.concepts) == {c.id for c in original}
    for concept in original:
        got = back.concepts[concept.id]
        assert term_statuses(got) == term_statuses(concept)
        assert (got.definition, got.note) == (concept.definition, concept.note)
        assert (got.status, got.domain, got.tags) == (concept.status, concept.domain, concept.tags)
        assert (got.do_not_translate, got.related) == (concept.do_not_translate, concept.related)


@SETTINGS
@given(original=concepts())
def test_bilingual_tbx_round_trip_per_pair(tmp_path, original):
    """Each `--bilingual` file holds the source and one target language, every term field."""
    from exim_support import reimport

    folder = scratch(tmp_path)
    _g, paths = run("tbx", original, folder, bilingual=True)
    carried = ("term", "status", "pos", "type", "gender", "context", "note", "source")
    carried += ("forms", "case_sensitive")
    for path, lang in zip(paths, ("sq", "ka", "sr-Latn"), strict=True):
        back, imported, _plan = reimport(path, "tbx", folder)
        assert imported.problems == []
        for concept in original:
            got = back.concepts[concept.id]
            assert set(got.terms) == {"en", lang} & set(concept.terms)
            for code in got.terms:
                assert [tuple(getattr(t, k) for k in carried) for t in got.terms[code]] == [
                    tuple(getattr(t, k) for k in carried) for t in concept.terms[code]
                ]
            assert got.do_not_translate == concept.do_not_translate
