"""Issue 19: the GNOME Albanian and Serbian glossaries (PO and CSV) import with nothing lost.

The expected content is counted from the source files with polib and the csv module,
independently of moci-vocab's readers; every msgid, msgstr (each alternative with
--split), extracted comment (definition) and translator comment must be found in
the imported glossary, and every imported term must name its origin.
"""

from __future__ import annotations

import csv
from pathlib import Path

import polib
import pytest
from exim_support import glossary

from moci_vocab.importers import ReadOptions, get_reader, split_alternatives
from moci_vocab.importers.merge import plan_merge
from moci_vocab.textnorm import clean_spaces, nfc

GNOME = Path(__file__).resolve().parent / "fixtures" / "gnome-glossary"


def clean(text: str) -> str:
    return clean_spaces(nfc(text))


def unquote(comment: str) -> str:
    """GNOME quotes each comment line: `#. "To terminate …"`."""

    def one(line: str) -> str:
        stripped = line.strip()
        if len(stripped) >= 2 and stripped[0] == stripped[-1] == '"':
            return stripped[1:-1]
        return line

    return "\n".join(one(line) for line in comment.split("\n"))


def source_entries(name: str) -> list[polib.POEntry]:
    """The PO file's entries as polib reads it (the one bad byte replaced by U+FFFD)."""
    text = (GNOME / name).read_bytes().decode("utf-8", errors="replace")
    return [entry for entry in polib.pofile(text) if not entry.obsolete]


def imported(tmp_path, name: str, fmt: str, **options):
    g = glossary(tmp_path, [])
    result = get_reader(fmt)(GNOME / name, ReadOptions(**options))
    plan = plan_merge(g, result, decide=lambda duplicate: "new")
    return g, result, plan


def texts(g, lang: str) -> list[str]:
    return [t.term for c in g.concepts.values() for t in c.terms.get(lang, ())]


def all_notes_and_definitions(g, lang: str) -> str:
    return "\n".join(
        text
        for c in g.concepts.values()
        for text in (c.definition.get(lang), c.note.get(lang))
        if text
    )


def test_albanian_po_loses_nothing(tmp_path):
    entries = source_entries("glossary-sq.po")
    g, result, plan = imported(
        tmp_path, "glossary-sq.po", "po", include_untranslated=True, languages=["sq"]
    )
    assert result.problems == [] and plan.problems == []
    assert len(entries) == 901 and len(g.concepts) == 901  # one concept per msgid
    assert sorted(texts(g, "en")) == sorted(clean(e.msgid) for e in entries)
    translated = [clean(e.msgstr) for e in entries if e.msgstr.strip()]
    assert len(translated) == 621 and sorted(texts(g, "sq")) == sorted(translated)
    described = all_notes_and_definitions(g, "en")
    comments = [clean(unquote(e.comment)) for e in entries if e.comment.strip()]
    assert len(comments) == 718 and all(comment in described for comment in comments)
    origin = "imported from glossary-sq.po (Last-Translator: Laurent Dhima, 2004-07-29)"
    assert {t.source for c in g.concepts.values() for _lang, t in c.all_terms()} == {origin}


def test_serbian_po_split_into_alternatives_loses_nothing(tmp_path):
    entries = source_entries("glossary-sr.po")
    g, result, _plan = imported(tmp_path, "glossary-sr.po", "po", languages=["sr-Cyrl"], split=",;")
    # The one byte that is not UTF-8 is reported, and its line recovered, not dropped.
    assert [(p.line, "Windows-1252" in p.message) for p in result.problems] == [(231, True)]
    base = next(c for c in g.concepts.values() if c.terms["en"][0].term == "Base")
    assert "2 × 2 × 2 = 8" in base.definition["en"]
    assert len(entries) == 890 and len(g.concepts) == 890
    pieces = {piece for e in entries for piece in split_alternatives(e.msgstr, ",;")}
    assert pieces <= set(texts(g, "sr-Cyrl"))
    daemon = next(c for c in g.concepts.values() if c.terms["en"][0].term == "Daemon")
    assert [t.term for t in daemon.terms["sr-Cyrl"]] == [
        "ђавао",
        "услуга",
        "сервис",
        "демон",
        "позадински процес",
    ]
    assert [t.status for t in daemon.terms["sr-Cyrl"]][:2] == ["preferred", "admitted"]
    # The translator's comment (`# Kako ovo moze biti jednina??????`) is the term's note.
    data = next(c for c in g.concepts.values() if c.terms["en"][0].term == "Data")
    assert data.terms["sr-Cyrl"][0].note == "Kako ovo moze biti jednina??????"
    described = all_notes_and_definitions(g, "en")
    comments = [clean(unquote(e.comment)) for e in entries if e.comment.strip()]
    broken = [c for c in comments if "\ufffd" in c]
    assert len(broken) == 1  # the line with 0xd7, compared above in its recovered form
    assert all(comment in described for comment in comments if comment not in broken)
    assert data.terms["sr-Cyrl"][0].source == (
        "imported from glossary-sr.po (Last-Translator: Данило Шеган, 2003-06-21)"
    )


def test_serbian_po_without_split_keeps_each_msgstr_whole(tmp_path):
    entries = source_entries("glossary-sr.po")
    g, _result, _plan = imported(tmp_path, "glossary-sr.po", "po", languages=["sr-Cyrl"])
    assert sorted(texts(g, "sr-Cyrl")) == sorted(clean(e.msgstr) for e in entries)


def test_gnome_csv_with_mapped_columns_loses_nothing(tmp_path):
    with (GNOME / "GnomeGlossary.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="|"))
    columns = {"en": "1", "definition.en": "2", "note.en": "3"}  # two rows have a 3rd cell
    g, result, plan = imported(tmp_path, "GnomeGlossary.csv", "csv", columns=columns)
    assert result.problems == [] and plan.problems == []
    assert len(rows) == 900 and len(g.concepts) == 900
    assert sorted(texts(g, "en")) == sorted(clean(row[0]) for row in rows)
    assert texts(g, "sq") == []  # the definitions are not taken for Albanian terms
    described = all_notes_and_definitions(g, "en")
    cells = [clean(cell) for row in rows for cell in row[1:] if cell.strip()]
    assert len(cells) == 712 and all(cell in described for cell in cells)
    assert all(t.source == "imported from GnomeGlossary.csv" for t in texts_terms(g))


def texts_terms(g):
    return [t for c in g.concepts.values() for _lang, t in c.all_terms()]


def test_gnome_csv_then_albanian_po_merge_into_one_concept_each(tmp_path):
    g = glossary(tmp_path, [])
    csv_file = get_reader("csv")(
        GNOME / "GnomeGlossary.csv", ReadOptions(columns={"en": "1", "definition.en": "2"})
    )
    plan_merge(g, csv_file, decide=lambda duplicate: "new")
    before = len(g.concepts)
    po = get_reader("po")(GNOME / "glossary-sq.po", ReadOptions())
    plan = plan_merge(g, po, decide=lambda duplicate: "new")
    assert plan.summary()["added"] <= 2  # the same terms: merged, not new concepts
    assert len(g.concepts) - before == plan.summary()["added"]
    abort = g.concepts["abort"]
    assert abort.preferred("sq").term == "ndërprit"
    # Where the PO's definition differs from the CSV's, both are kept (the PO's as a note)
    # and each difference is reported.
    described = all_notes_and_definitions(g, "en")
    translated = [e for e in source_entries("glossary-sq.po") if e.msgstr.strip()]
    comments = [clean(unquote(e.comment)) for e in translated if e.comment.strip()]
    assert all(comment in described for comment in comments)
    assert len(plan.conflicts) == 49
    line, message = plan.conflicts[0]
    assert line and "kept the glossary's and added the file's to the note" in message


@pytest.mark.parametrize("name", ["glossary-sq.po", "glossary-sr.po", "GnomeGlossary.csv"])
def test_fixture_licence_is_noted(name):
    readme = (GNOME / "README.md").read_text("utf-8")
    assert name in readme and "GPL" in readme
