"""check-po's JSON written from templates (missing terms in blocks, no Finding per
finding): the same bytes as the findings written one by one."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moci_vocab import report
from moci_vocab.checkpo.run import Checker, Options, Result, check_files
from moci_vocab.findings import JsonBlock, Tally
from moci_vocab.report import json_chunks, render_json

# Everything the writer fills in: closest words of one and two words, a name (MV603),
# a deprecated term (MV602, a finding made at once, between blocks), an ignore
# comment, an untranslated entry, two renderings (MV604, found last), several terms
# on one line, plural forms, a context, and characters JSON must escape for a
# terminal (DEL, C1, bidirectional controls, line separators) in each kind of value.
_PO = """\
msgid ""
msgstr ""
"Language: sq\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Reconciliation of accounts"
msgstr "Pajtimi i llogarive"

msgid "Reconciliation \u202e here"
msgstr "Pajtese \u2028 këtu"

msgctxt "menu\u0085"
msgid "Open the file manager\u2028"
msgstr "Hap menaxherin e dosjeve"

msgid "The MOCI network and its file manager for reconciliation \U0001d11e"
msgstr "Rrjeti Moçi dhe menaxheri i tij \U0001d11e"

msgid "Reconciliation"
msgstr "Pajtesë"

# moci-vocab: ignore reconciliation
msgid "Reconciliation again"
msgstr "Diçka tjetër"

msgid "reconciliation"
msgstr ""

msgid "Reconciliation, admitted"
msgstr "Barazimi"

msgid "A reconciliation"
msgid_plural "Many reconciliations"
msgstr[0] "Një pajtim"
msgstr[1] "Shumë gjëra\u007f"

msgid "The tab\\tand the file manager\u007f"
msgstr "Skeda\\te menaxherit"
"""


@pytest.fixture
def glossary(moci):
    moci("add", "reconciliation", "--term", "en=reconciliation", "--term", "sq=pajtim", "--yes")
    moci("translate", "reconciliation", "sq", "barazim", "--status", "admitted")
    moci("translate", "reconciliation", "sq", "pajtesë", "--status", "deprecated")
    moci("add", "moci", "--term", "en=MOCI", "--do-not-translate", "--yes")
    moci("add", "files", "--term", "en=file manager", "--term", "sq=menaxher\u2066 skedarësh")
    return moci


def _both(root: Path, path: Path, **options) -> tuple[str, str, Tally, Tally, int]:
    """The JSON of one file written from blocks and finding by finding, their tallies,
    and how many blocks there were. Written from blocks of UTF-8 bytes too (for a UTF-8
    stream, "strict" and "surrogateescape"): the same bytes as the text encoded."""
    texts, tallies, blocks = [], [], 0
    for json_blocks in (True, False):
        result = Result()
        stream = list(Checker(root, Options(**options)).stream(path, result, json_blocks))
        blocks += sum(type(item) is JsonBlock for item in stream)
        tally = Tally()
        texts.append("".join(json_chunks(iter(stream), result.summary, tally, plain=True)))
        tallies.append(tally)
    for errors in ("strict", "surrogateescape"):
        assert _utf8(root, path, errors, **options)[0] == texts[0].encode("utf-8")
    return texts[0], texts[1], tallies[0], tallies[1], blocks


def _utf8(root: Path, path: Path, errors: str, **options) -> tuple[bytes, int]:
    """The JSON of one file written from blocks of UTF-8 bytes where it can (json_blocks
    naming an error handler), each text chunk encoded; and how many blocks were bytes."""
    result = Result()
    stream = list(Checker(root, Options(**options)).stream(path, result, errors))
    chunks = json_chunks(iter(stream), result.summary, Tally(), plain=True)
    data = b"".join(c if type(c) is bytes else c.encode("utf-8") for c in chunks)
    return data, sum(type(item) is JsonBlock and type(item.text) is bytes for item in stream)


@pytest.mark.parametrize("untranslated", [False, True])
def test_blocks_write_what_the_findings_write(glossary, tmp_path, untranslated):
    path = tmp_path / "sq.po"
    path.write_text(_PO, encoding="utf-8")
    written, one_by_one, tally, counted, blocks = _both(
        glossary.root, path, include_untranslated=untranslated
    )
    assert blocks > 0
    assert written == one_by_one
    assert tally.counts == counted.counts
    for code in ("MV601", "MV602", "MV603", "MV604", '"suppressed": "comment"'):
        assert code in written
    for escaped in ("\\u202e", "\\u2028", "\\u0085", "\\u2066", "\\u007f"):
        assert escaped in written
    assert ("untranslated;" in written) == untranslated
    assert "\U0001d11e" in written and '"found": "menaxheri i"' in written


def test_blocks_of_a_file_named_with_the_templates_markers(glossary, tmp_path):
    # The template marks where a concept's values go with two private-use characters;
    # a file name holding them is written value by value, the same bytes.
    path = tmp_path / "sq\ue010\ue011.po"
    path.write_text(_PO, encoding="utf-8")
    written, one_by_one, tally, counted, blocks = _both(glossary.root, path)
    assert blocks > 0
    assert written == one_by_one and "\ue010" in written
    assert tally.counts == counted.counts


def test_check_po_json_on_stdout_is_the_list_renderers(glossary, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "sq.po"
    path.write_text(_PO, encoding="utf-8")
    result = check_files(glossary.root, [Path("sq.po")], Options())
    out = glossary("check-po", "sq.po", "--format", "json", ok=False).stdout
    assert out == render_json(result.findings, result.summary()) + "\n"


_CHARS = st.sampled_from(
    [
        *'aeëç PpMm,.\t"\\_&%{}',
        *("pajtim", "Pajtimi", "pajtesë", "menaxher", "Moçi"),
        *("\x7f", "\x85", "\u202e", "\u2028", "\U0001d11e", "ჯ"),
    ]
)
_TEXTS = st.lists(_CHARS, max_size=8).map("".join)
_SOURCES = st.sampled_from(["Reconciliation", "file manager", "MOCI", "the", "reconciliations"])


def _po_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")


@settings(
    max_examples=examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(
        st.tuples(st.lists(_SOURCES, min_size=1, max_size=3), _TEXTS, st.none() | _TEXTS),
        min_size=1,
        max_size=6,
    )
)
def test_blocks_write_what_the_findings_write_for_any_catalog(glossary, tmp_path, entries):
    lines = ['msgid ""', 'msgstr ""', '"Language: sq\\n"', ""]
    for n, (sources, translation, context) in enumerate(entries):
        if context is not None:
            lines.append(f'msgctxt "{_po_string(context)}"')
        lines += [
            f'msgid "{n} {_po_string(" ".join(sources))}"',
            f'msgstr "{_po_string(translation)}"',
            "",
        ]
    path = tmp_path / "random.po"
    path.write_text("\n".join(lines), encoding="utf-8")
    written, one_by_one, tally, counted, _blocks = _both(
        glossary.root, path, include_untranslated=True
    )
    assert written == one_by_one
    assert tally.counts == counted.counts


def test_blocks_of_a_file_of_missing_terms_only(glossary, tmp_path):
    # No finding made at once and no ignore comment: every line's missing terms are
    # written straight from what was found (FileCheck.json_missing), sorted by message
    # on a line of several (a closest word changes the message), the same bytes.
    path = tmp_path / "sq.po"
    entries = [
        ("Reconciliation and the file manager", "Pajtues dhe menaxheri"),
        ("The file manager: reconciliation", "Skedari: pajtues"),
        ("reconciliation", ""),
        ("MOCI file manager", "Moçi"),
        ("Reconciliation of the file manager", "Gjë tjetër"),
    ]
    body = "".join(f'msgid "{source}"\nmsgstr "{target}"\n\n' for source, target in entries)
    path.write_text(f'msgid ""\nmsgstr ""\n"Language: sq\\n"\n\n{body}', encoding="utf-8")
    written, one_by_one, tally, counted, blocks = _both(
        glossary.root, path, include_untranslated=True
    )
    assert blocks > 0
    assert written == one_by_one
    assert tally.counts == counted.counts
    assert written.count('"code": "MV601"') >= 4 and "closest" in written
    # Such a file comes in blocks of UTF-8 bytes for a UTF-8 stream: the text's encoding.
    data, in_bytes = _utf8(glossary.root, path, "strict", include_untranslated=True)
    assert in_bytes > 0 and data == written.encode("utf-8")


def test_check_po_json_of_missing_terms_on_stdout_is_the_list_renderers(
    glossary, tmp_path, monkeypatch
):
    # Missing terms only: written to a UTF-8 stdout as UTF-8 bytes, the same output.
    import moci_vocab.checkpo.run as run

    made = []

    def json_block(items, counts, safe=False):
        block = report.json_block(items, counts, safe)
        made.append(type(block.text))
        return block

    monkeypatch.setattr(run, "json_block", json_block)
    monkeypatch.chdir(tmp_path)
    entries = [
        ("Reconciliation \u202e and the file manager", "Pajtues dhe menaxheri ç"),
        ("The file manager: reconciliation \U0001d11e", "Skedari: pajtues"),
        ("MOCI file manager", "Moçi"),
    ]
    body = "".join(f'msgid "{source}"\nmsgstr "{target}"\n\n' for source, target in entries)
    Path("sq.po").write_text(f'msgid ""\nmsgstr ""\n"Language: sq\\n"\n\n{body}', "utf-8")
    result = check_files(glossary.root, [Path("sq.po")], Options())
    out = glossary("check-po", "sq.po", "--format", "json", ok=False).stdout
    assert out == render_json(result.findings, result.summary()) + "\n"
    assert '"found"' in out and "\\u202e" in out
    assert made == [bytes]


def test_blocks_of_missing_terms_of_entries_on_one_line(glossary, tmp_path):
    # An XLIFF file written on one line: every entry has line 1, so a line's missing terms
    # are several entries', sorted by message across them (a concept's message with and
    # without closest words): a concept's rank among the messages cannot order them, and
    # the blocks are written the long way (FileCheck.missing_order), the same bytes.
    pairs = [
        ("Reconciliation and the file manager", "Pajtues dhe menaxheri"),
        ("The file manager: reconciliation", "Skedari: pajtues"),
        ("Reconciliation of the file manager", "Gjë tjetër"),
    ]
    units = "".join(
        f'<trans-unit id="u{i}"><source>{source}</source><target>{target}</target></trans-unit>'
        for i, (source, target) in enumerate(pairs)
    )
    path = tmp_path / "sq.xlf"
    path.write_text(
        '<?xml version="1.0"?><xliff version="1.2"><file source-language="en" '
        f'target-language="sq" datatype="plaintext" original="x"><body>{units}</body></file>'
        "</xliff>",
        encoding="utf-8",
    )
    written, one_by_one, tally, counted, blocks = _both(glossary.root, path)
    assert blocks > 0
    assert written == one_by_one
    assert tally.counts == counted.counts
    assert written.count('"line": 1,') == written.count('"code": "MV601"') >= 4
