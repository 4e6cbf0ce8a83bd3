"""Findings written as a stream: the same bytes as the whole-list renderers, and orjson's
JSON the same as the standard library's."""

from __future__ import annotations

import json

import pytest
from conftest import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from moci_vocab.findings import Finding, Tally
from moci_vocab.report import (
    github_chunks,
    json_chunks,
    render_github,
    render_json,
    render_sarif,
    sarif_chunks,
)
from moci_vocab.safetext import _JSON_UNSAFE_RE, dumps_json

_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | _TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TEXT, inner, max_size=3),
    max_leaves=12,
)


def _reference(data) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _JSON_UNSAFE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


@settings(max_examples=examples(300), deadline=None)
@given(_VALUES)
def test_dumps_json_is_the_standard_librarys_json(data):
    assert dumps_json(data) == _reference(data)


_PLAIN_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | _TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TEXT, inner, max_size=3),
    max_leaves=12,
)


@settings(max_examples=examples(200), deadline=None)
@given(_PLAIN_VALUES)
def test_dumps_json_told_the_data_is_plain_writes_the_same(data):
    # check-po's findings are written without looking for floats (plain=True)
    assert dumps_json(data, plain=True) == _reference(data)


def test_dumps_json_escapes_what_a_terminal_would_act_on():
    data = {"k\u202e": ["\x1b[31m", "\x7f\x85\x9f", "\u2028\u2029\u2066", "ë ჯ 𝄞", 1e16, 2**70]}
    text = dumps_json(data)
    assert text == _reference(data)
    assert not any(ch in text for ch in "\x1b\x7f\x85\x9f\u202e\u2028\u2029\u2066")
    assert json.loads(text) == data


def _findings() -> list[Finding]:
    return [
        Finding(
            "MV601",
            "error",
            "'file' is not translated as 'skedar'",
            file="a/sq.po",
            line=3,
            concept="file",
            lang="sq",
            extra={"msgid": "File\x1b", "expected": ["skedar"], "found": None},
        ),
        Finding(
            "MV604",
            "warning",
            "rendered in 2 ways",
            file="a/sq.po",
            line=9,
            concept="x",
            extra={"renderings": {"a": 2, "b": 1}},
            suppressed="comment",
        ),
        Finding("MV602", "error", "deprecated \u202e", file="/elsewhere/ka.po", line=1),
        Finding("MV600", "error", "cannot read", file="b.po"),
    ]


def test_streams_write_the_same_bytes_as_the_lists():
    findings = _findings()
    rules = {code: None for code in ("MV600", "MV601", "MV602", "MV604")}
    for chosen in (findings, findings[:1], []):
        tally = Tally()
        text = "".join(json_chunks(iter(chosen), lambda: {"files": 2}, tally))
        assert text == render_json(chosen, {"files": 2})
        assert json.loads(text)["summary"]["error"] == tally.counts["error"]
        assert "".join(sarif_chunks(iter(chosen), rules)) == render_sarif(chosen, rules)
        assert "".join(github_chunks(iter(chosen))) == render_github(chosen)


def test_a_sarif_stream_needs_every_rule_up_front():
    import pytest

    with pytest.raises(ValueError, match="MV601"):
        "".join(sarif_chunks(iter(_findings()), {"MV600": None}))


def test_json_of_many_findings_is_the_standard_librarys():
    """Findings are encoded in batches; a float in one batch sends it the slow way."""
    findings = [
        Finding(
            "MV601",
            "error",
            f"m{i} \u202e ë",
            file="x.po",
            line=i,
            extra={"e": [1, "a"], "f": 1e16 if i == 300 else None},
        )
        for i in range(600)
    ]
    data = {
        "findings": [f.to_json() for f in findings],
        "summary": {"error": 600, "warning": 0, "info": 0, "suppressed": 0},
    }
    assert render_json(findings) == _reference(data)


# --------------------------------------------------------------------------- check-po in chunks

_CHUNKED_PO = """msgid ""
msgstr ""
"Language: sq\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Hello World"
msgstr "Përshëndetje"

msgid "Open"
msgstr "Hap"

msgid "ab Word is in this message and that one"
msgstr "Ab tjetër gjë"

#, fuzzy
msgid "a word, fuzzy"
msgstr "fjalë"

msgid "one word"
msgid_plural "many words"
msgstr[0] "një"
msgstr[1] "shumë fjalë"

msgid "word"
msgstr ""

msgid "the word again"
msgstr "përsëri"
"""


def _check_po(root, path, chunk, monkeypatch, **options):
    from moci_vocab.checkpo import run

    monkeypatch.setattr(run, "CHUNK", chunk)
    result = run.check_files(root, [path], run.Options(**options))
    return [f.to_json() for f in result.findings], result.summary()


@pytest.mark.parametrize("include", [False, True])
def test_check_po_in_small_chunks_finds_what_one_pass_finds(moci, tmp_path, monkeypatch, include):
    """Chunks of entries (bounded memory) give the same findings, in the same order, as
    one pass: the source key of a chunk's first message still reads the message before
    (here "Word" after "ab", in the message after "Open", is not taken for a name)."""
    moci("add", "word", "--term", "en=word", "--term", "sq=fjalë", "--yes")
    path = tmp_path / "sq.po"
    path.write_text(_CHUNKED_PO, encoding="utf-8")
    options = {"include_fuzzy": include, "include_untranslated": include}
    whole = _check_po(moci.root, path, 10_000, monkeypatch, **options)
    assert any("ab Word" in f["msgid"] for f in whole[0])
    for chunk in (1, 2, 3):
        assert _check_po(moci.root, path, chunk, monkeypatch, **options) == whole


def test_check_po_chunks_read_back_over_messages_without_a_space(moci, tmp_path, monkeypatch):
    """Messages without a space: the name test reads back to the last space before them,
    or to the very first character; the chunk's lead stays two messages long."""
    from moci_vocab.checkpo.run import _tail

    moci("add", "word", "--term", "en=word", "--term", "sq=fjalë", "--yes")
    for first in ("Hello World", "hello", "Hello"):
        words = "".join(f'msgid "W{i}"\nmsgstr "F{i}"\n\n' for i in range(5))
        text = _CHUNKED_PO.replace(
            'msgid "Hello World"\nmsgstr "Përshëndetje"\n\n',
            f'msgid "{first}"\nmsgstr "x"\n\n{words}msgid "Open"\nmsgstr "Hap"\n\n',
        )
        path = tmp_path / "sq.po"
        path.write_text(text, encoding="utf-8")
        whole = _check_po(moci.root, path, 10_000, monkeypatch)
        assert any("ab Word" in f["msgid"] for f in whole[0]) == first[0].isupper()
        for chunk in (1, 2, 3):
            assert _check_po(moci.root, path, chunk, monkeypatch) == whole
    assert _tail(["a b", "c"], ["d", "e", "f"]) == ["a b", "f"]
    assert _tail([], ["d", "e f", "g"]) == ["e f", "g"]
