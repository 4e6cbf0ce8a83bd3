"""PO, POT and MO exports: msgfmt accepts them, polib reads the same entries, bytes repeat."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from conftest import examples
from exim_support import export, glossary, hostile_glossary
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moci_vocab.languages import gettext_language
from moci_vocab.model import Concept, Term

MSGFMT = shutil.which("msgfmt")
needs_msgfmt = pytest.mark.skipif(MSGFMT is None, reason="GNU msgfmt (gettext) is not installed")


def msgfmt_check(path: Path) -> str:
    """Run msgfmt --check; fail on errors, return its warnings."""
    done = subprocess.run(
        [MSGFMT, "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stderr


@needs_msgfmt
def test_every_po_and_pot_passes_msgfmt_check(tmp_path):
    g = hostile_glossary(tmp_path)
    paths = export(g, "po", tmp_path / "out") + export(g, "pot", tmp_path / "out")
    assert sorted(p.name for p in paths) == ["ka.po", "sq.po", "sr-Latn.po", "test-glossary.pot"]
    for path in paths:
        warnings = msgfmt_check(path)
        if path.suffix == ".po":
            assert warnings == "", warnings
        else:  # a template has no language yet, as xgettext's do
            assert "Language" in warnings or warnings == ""


@needs_msgfmt
def test_mo_is_what_msgfmt_would_compile(tmp_path):
    g = hostile_glossary(tmp_path)
    (mo,) = [p for p in export(g, "mo", tmp_path / "out") if p.name == "sq.mo"]
    (po,) = [p for p in export(g, "po", tmp_path / "out") if p.name == "sq.po"]
    compiled = tmp_path / "msgfmt.mo"
    subprocess.run([MSGFMT, "-o", str(compiled), str(po)], check=True)
    ours = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(mo))}
    theirs = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(compiled))}
    assert ours == theirs
    assert ours[("formula", "@mention")] == "&<>\"'"
    unformatted = shutil.which("msgunfmt")
    if unformatted:
        text = subprocess.run([unformatted, str(mo)], capture_output=True, check=True).stdout
        (tmp_path / "back.po").write_bytes(text)
        msgfmt_check(tmp_path / "back.po")


def test_polib_reads_back_the_entries(tmp_path):
    g = hostile_glossary(tmp_path)
    export(g, "po", tmp_path)
    catalog = polib.pofile(str(tmp_path / "sq.po"))
    entries = {e.msgctxt: e for e in catalog}
    assert set(entries) == {"formula", "reconciliation"}
    rec = entries["reconciliation"]
    assert (rec.msgid, rec.msgstr) == ("reconciliation", "pajtim")
    assert rec.comment.splitlines() == [
        'Restoring "trust", after conflict;',
        "second line <b>&amp;</b>",
        'Note: =HYPERLINK("http://x")',
        "Definition (sq): Rivendosja e besimit.",
        "Admitted (en): conciliation",
        "Deprecated (sq): pajtimi",
        "Forbidden (sq): =pajtim",
    ]
    assert entries["formula"].msgstr == "&<>\"'"
    assert catalog.metadata["Project-Id-Version"] == "Test Glossary 1.2.0"
    assert catalog.metadata["Language"] == "sq"
    assert catalog.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"


def test_untranslated_concept_has_empty_msgstr_and_no_mo_entry(tmp_path):
    g = hostile_glossary(tmp_path)
    export(g, "po", tmp_path)
    export(g, "mo", tmp_path)
    ka = {e.msgctxt: e.msgstr for e in polib.pofile(str(tmp_path / "ka.po"))}
    assert ka == {"formula": "", "reconciliation": "შერიგება"}
    assert {e.msgctxt for e in polib.mofile(str(tmp_path / "ka.mo"))} == {"reconciliation"}


def test_language_header_uses_gettext_spelling(tmp_path):
    export(hostile_glossary(tmp_path), "po", tmp_path)
    assert polib.pofile(str(tmp_path / "sr-Latn.po")).metadata["Language"] == "sr@latin"
    assert gettext_language("sr-Cyrl") == "sr@cyrillic"
    assert gettext_language("pt-BR") == "pt_BR"
    assert gettext_language("ka") == "ka"


def test_reexport_gives_identical_bytes(tmp_path):
    g = hostile_glossary(tmp_path)
    first = {
        p.name: p.read_bytes()
        for fmt in ("po", "pot", "mo")
        for p in export(g, fmt, tmp_path / "a")
    }
    again = {
        p.name: p.read_bytes()
        for fmt in ("po", "pot", "mo")
        for p in export(g, fmt, tmp_path / "b")
    }
    assert first == again


def test_dates_are_the_release_date_of_the_version(tmp_path):
    g = hostile_glossary(tmp_path)
    export(g, "po", tmp_path / "before")
    header = polib.pofile(str(tmp_path / "before" / "sq.po")).metadata
    assert header["PO-Revision-Date"] == "1970-01-01 00:00+0000"  # unreleased: fixed
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "CHANGELOG.md").write_text(
        "# Changelog\n\n## 1.2.0 — 2026-11-20\n\nAdded.\n\n## 1.1.0 — 2026-01-01\n",
        encoding="utf-8",
    )
    export(g, "po", tmp_path / "after")
    header = polib.pofile(str(tmp_path / "after" / "sq.po")).metadata
    assert header["PO-Revision-Date"] == "2026-11-20 00:00+0000"
    assert header["POT-Creation-Date"] == "2026-11-20 00:00+0000"


def test_plural_forms_come_from_cldr(tmp_path):
    export(hostile_glossary(tmp_path), "po", tmp_path)
    forms = polib.pofile(str(tmp_path / "ka.po")).metadata["Plural-Forms"]
    assert forms.startswith("nplurals=2;")
    serbian = polib.pofile(str(tmp_path / "sr-Latn.po")).metadata["Plural-Forms"]
    assert serbian.startswith("nplurals=3;")


_text = st.text(
    st.sampled_from([*"aeëçšđ \"'\\,;=+-@<>&%{}#", "\u200f", "ქ", "ж", "\n"]),
    min_size=1,
    max_size=12,
)


def _clean(text: str) -> str:
    from moci_vocab.textnorm import clean_spaces, nfc

    return clean_spaces(nfc(text))


@needs_msgfmt
@settings(
    max_examples=examples(25),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(pairs=st.lists(st.tuples(_text, _text, _text), min_size=1, max_size=4))
def test_hostile_text_always_passes_msgfmt_and_reads_back(tmp_path, pairs):
    concepts = []
    for index, (source, target, definition) in enumerate(pairs):
        # Exactly the term's text (spaces at either end too); only line breaks change.
        source, target = source.replace("\n", " "), target.replace("\n", " ")
        if not source.strip() or not target.strip():
            continue
        concepts.append(
            Concept(
                id=f"c{index}",
                definition={"en": _clean(definition)} if _clean(definition) else {},
                terms={"en": [Term(source)], "sq": [Term(target)]},
            )
        )
    outdir = tmp_path / f"run{abs(hash(tuple(pairs)))}"
    (path,) = [p for p in export(glossary(tmp_path, concepts), "po", outdir) if p.name == "sq.po"]
    msgfmt_check(path)
    read = {e.msgctxt: (e.msgid, e.msgstr) for e in polib.pofile(str(path))}
    assert read == {c.id: (c.terms["en"][0].term, c.terms["sq"][0].term) for c in concepts}


@needs_msgfmt
def test_comment_line_ending_in_backslash_does_not_swallow_the_context(tmp_path):
    # GNU gettext joins `#. text\` with the next line, which held the msgctxt.
    concepts = [
        Concept(
            id=f"c{i}",
            definition={"en": "ends in \\"},
            terms={"en": [Term("x")], "sq": [Term("y")]},
        )
        for i in range(2)
    ]
    (path,) = [p for p in export(glossary(tmp_path, concepts), "po", tmp_path) if p.name == "sq.po"]
    msgfmt_check(path)


@pytest.mark.parametrize("term", [" =1+1", "x  ", "  two  spaces ", "\t@tab"])
def test_po_and_mo_carry_the_term_exactly_as_json_does(tmp_path, term):
    """Spaces at either end are the glossary's data (`check` reports them, MV202)."""
    import json

    concept = Concept(id="c", terms={"en": [Term(term)], "sq": [Term(term + " sq")]})
    g = glossary(tmp_path, [concept])
    (as_json,) = export(g, "json", tmp_path / "json")
    data = json.loads(as_json.read_text(encoding="utf-8"))
    json_terms = json.dumps(data, ensure_ascii=False)
    assert json.dumps(term)[1:-1] in json_terms
    (po,) = [p for p in export(g, "po", tmp_path / "po") if p.name == "sq.po"]
    (mo,) = [p for p in export(g, "mo", tmp_path / "mo") if p.name == "sq.mo"]
    for catalog in (polib.pofile(str(po)), polib.mofile(str(mo))):
        entries = [(e.msgid, e.msgstr) for e in catalog if e.msgid]
        assert entries == [(term, term + " sq")]
    if MSGFMT:
        msgfmt_check(po)
