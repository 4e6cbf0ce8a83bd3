"""A pull request's text in what CI shows and writes: the diff comment, export files.

Found by the second audit of session 23 (docs/reliability.md); each test fails on the
code before its fix.
"""

from __future__ import annotations

import pytest

from moci_vocab import languages
from moci_vocab.model import Concept, Glossary, LanguageSpec, Manifest, Term
from moci_vocab.versions.diff import diff_glossaries
from moci_vocab.versions.render import MARKDOWN, PLAIN, describe

HOSTILE_KEYS = [
    "x\n\n### Changed\n\nNo changes to concepts or terms.\n\n<!--",
    "sq <img src=https://example.org/t.png> @everyone [ok](https://example.org)",
    "x\n::error::forged\n\x1b[31m",
]


def _glossary(concept: Concept) -> Glossary:
    langs = {tag: LanguageSpec(tag, "Latn") for tag in ("en", "sq")}
    manifest = Manifest(name="T", languages=langs)
    return Glossary(root=".", manifest=manifest, concepts={concept.id: concept})


def _changes_with_key(key: str):
    before = Concept(id="c", terms={"en": [Term("c")]})
    after = Concept(
        id="c", definition={key: "d"}, note={key: "n"}, terms={"en": [Term("c")], key: [Term("t")]}
    )
    changes = diff_glossaries(_glossary(before), _glossary(after))
    added = Concept(id="d", terms={key: [Term("t")]})
    changes += diff_glossaries(_glossary(Concept(id="c")), _glossary(added))
    return changes


@pytest.mark.parametrize("key", HOSTILE_KEYS)
def test_a_language_key_of_a_concept_file_is_no_markdown_in_the_diff_comment(key):
    # An undeclared language key is only a finding of `check`; the diff workflow posts
    # the diff of the same pull request as a comment and a step summary.
    changes = _changes_with_key(key)
    assert {change.lang for change in changes if change.lang} == {key}
    for change in changes:
        line = describe(change, MARKDOWN)
        assert "\n" not in line and "\x1b" not in line
        outside_code = "".join(line.split("`")[::2])  # md_code spans hold it literally
        for markup in ("<", "@", "[", "](", "###"):
            assert markup not in outside_code, line


@pytest.mark.parametrize("key", HOSTILE_KEYS)
def test_a_language_key_stays_on_its_line_in_the_diff_text(key):
    for change in _changes_with_key(key):
        line = describe(change, PLAIN)
        assert "\n" not in line and "\x1b" not in line, line


def test_well_formed_language_tags_print_as_before():
    change = _changes_with_key("sq")[0]
    assert describe(change, MARKDOWN) == "`c`: sq definition added: “d”"
    assert describe(change, PLAIN) == "c: sq definition added: “d”"


@pytest.mark.parametrize("tag", ["bs-BA\n", "sr-Latn\n", "sq-AL\n"])
def test_a_language_tag_ends_where_its_text_ends(tag):
    # `$` matched before a final newline: a manifest's "bs-BA\n" was a tag, and its
    # exports were files named "bs-BA\n.po" and TBX's xml:lang="bs-BA\n".
    assert languages.tag_problem(tag) is not None
    assert languages.tag_problem(tag.strip()) is None


def test_is_well_formed():
    assert languages.is_well_formed("sr-Latn") and languages.is_well_formed("xx")
    for tag in ("sq\n", "sq\r\n", " sq", "sq ", "SQ", "sq_AL", None, 3):
        assert not languages.is_well_formed(tag)


def test_a_manifest_language_with_a_line_break_is_refused(moci, tmp_path):
    manifest = moci.root / "glossary" / "glossary.yaml"
    text = manifest.read_text("utf-8")
    assert "\n  sr-Latn:\n" in text
    manifest.write_text(text.replace("\n  sr-Latn:\n", '\n  "sr-Latn\\n":\n', 1), "utf-8")
    result = moci("export", "po", "-o", str(tmp_path / "out"), ok=False)
    assert "'sr-Latn\\n' is not a BCP 47 language tag" in result.output
    assert not (tmp_path / "out").exists()


def test_a_manifest_url_too_long_for_a_qr_code_is_one_error(moci, tmp_path):
    # The booklet's back cover has a QR code of the manifest's url: one of 5,000
    # characters was "unexpected DataOverflowError … (a bug)" in CI's `export all`.
    manifest = moci.root / "glossary" / "glossary.yaml"
    url = "https://example.org/" + "a" * 5000
    manifest.write_text(manifest.read_text("utf-8") + f"url: {url}\n", "utf-8")
    moci("add", "peace", "--term", "en=peace", "--term", "sq=paqe", "--yes")
    result = moci("export", "booklet", "-o", str(tmp_path / "out"), ok=False)
    assert result.exit_code == 1
    assert result.output.startswith("error: glossary/glossary.yaml: url is 5,020 characters long")
    assert "bug" not in result.output
