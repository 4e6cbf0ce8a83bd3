"""check-po's JSON, SARIF and baseline output of an untrusted catalog: a finding repeats its
entry's msgid and msgctxt, so a long one is cut (`findings.SHOWN_CHARS`): the output grows
with the findings, not with the findings times the msgid's length."""

from __future__ import annotations

import json

import pytest

from moci_vocab.findings import SHOWN_CHARS, shown_text
from tests.test_checkpo import write_po

_NOUNS = [f"{a}{b}ment" for a in "bcdfg" for b in "klmnprst"]  # 40 made-up English nouns


@pytest.fixture
def nouns(moci):
    """A glossary of 40 Albanian noun terms (written as files: quicker than `add`)."""
    for noun in _NOUNS:
        (moci.root / "terms" / f"{noun}.yaml").write_text(
            f"id: {noun}\ndefinition:\n  en: A {noun}.\nterms:\n  en:\n"
            f"    - term: {noun}\n      pos: noun\n  sq:\n    - term: {noun}im\n"
            + (f"    - term: {noun}or\n      status: deprecated\n" if noun == _NOUNS[0] else ""),
            encoding="utf-8",
        )
    return moci


def _long_msgid(size: int) -> str:
    return " ".join(_NOUNS) + " " + "x" * (size - len(" ".join(_NOUNS)) - 1)


@pytest.mark.parametrize("made", [False, True], ids=["missing-only", "with-MV602"])
@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_a_long_msgid_is_cut_in_each_finding(nouns, tmp_path, fmt, made):
    # 40 missing terms of one 20,000-character msgid: 40 x 20 KB of output on the old code
    # (a 50 KB msgid naming 2,000 glossary words was 100 MB of JSON); each finding now holds
    # its first SHOWN_CHARS characters and says how long it was. With an MV602 finding in the
    # file the findings go through `Finding.to_json` and the missing terms' writer by entry.
    msgid = _long_msgid(20_000)
    context = "c" * 5_000
    po = tmp_path / "sq.po"
    translation = f"{_NOUNS[0]}or" if made else "y"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: sq\\n"\n\n'
        f'msgctxt "{context}"\nmsgid "{msgid}"\nmsgstr "{translation}"\n',
        "utf-8",
    )
    output = nouns("check-po", str(po), "--format", fmt, ok=False).stdout
    assert len(output.encode()) < 40 * (2 * SHOWN_CHARS + 1_500)  # 1.0 MB on the old code
    data = json.loads(output)
    found = data["findings"] if fmt == "json" else data["runs"][0]["results"]
    values = found if fmt == "json" else [result["properties"] for result in found]
    assert len(found) == 40 and {v["msgid"] for v in values} == {
        f"{msgid[:SHOWN_CHARS]}…[cut: 20000 characters]"
    }
    assert {v["msgctxt"] for v in values} == {f"{context[:SHOWN_CHARS]}…[cut: 5000 characters]"}
    assert ("MV602" in {f["code" if fmt == "json" else "ruleId"] for f in found}) == made


def test_a_baseline_of_long_msgids_is_cut_and_still_known(nouns, tmp_path):
    # The baseline file writes the cut texts too (40 x 20 KB before); a finding is still
    # known by the fingerprint of its whole msgid: the same catalog passes with it, a
    # msgid that differs only after the cut does not.
    msgid = _long_msgid(20_000)
    po = write_po(tmp_path / "sq.po", "sq", [(msgid, "y")])
    baseline = tmp_path / "baseline.json"
    nouns("check-po", str(po), "--write-baseline", str(baseline))
    assert baseline.stat().st_size < 40 * (SHOWN_CHARS + 500)
    rows = json.loads(baseline.read_text("utf-8"))["findings"]
    assert len(rows) == 40 and {row["msgid"] for row in rows} == {shown_text(msgid)}
    nouns("check-po", str(po), "--baseline", str(baseline), ok=True)
    write_po(po, "sq", [(msgid[:-1] + "z", "y")])
    nouns("check-po", str(po), "--baseline", str(baseline), ok=False)


def test_a_msgid_up_to_the_bound_is_written_whole(nouns, tmp_path):
    # Real catalogs' output is unchanged: their longest msgid has 2,363 characters.
    msgid = _long_msgid(SHOWN_CHARS)
    po = write_po(tmp_path / "sq.po", "sq", [(msgid, "y"), (msgid + "!", "y")])
    findings = json.loads(nouns("check-po", str(po), "--format", "json", ok=False).stdout)
    cut = shown_text(msgid + "!")
    assert [f["msgid"] for f in findings["findings"]] == [msgid] * 40 + [cut] * 40
    assert shown_text(msgid + "!").endswith("…[cut: 4097 characters]")


def test_a_long_msgid_is_hashed_once_for_the_baseline(nouns, tmp_path, monkeypatch):
    # A finding's baseline fingerprint hashes its msgid: 40 findings of one 20,000-character
    # msgid hashed it 40 times, writing a baseline and checking with it (a 1 MB msgid naming
    # 2,000 glossary words: 2 GB of hashing, ~5 s per run). Now once per run; the same
    # fingerprints (the baseline still knows every finding).
    from moci_vocab.checkpo import suppress

    hashed = []
    sha256 = suppress.sha256

    def counted(data: bytes = b""):
        hashed.append(len(data))
        return sha256(data)

    monkeypatch.setattr(suppress, "sha256", counted)
    po = write_po(tmp_path / "sq.po", "sq", [(_long_msgid(20_000), "y")])
    baseline = tmp_path / "baseline.json"
    nouns("check-po", str(po), "--write-baseline", str(baseline))
    assert len(json.loads(baseline.read_text("utf-8"))["findings"]) == 40
    assert sum(hashed) < 25_000  # 800,000 bytes on the old code
    hashed.clear()
    nouns("check-po", str(po), "--baseline", str(baseline), ok=True)
    assert sum(hashed) < 25_000
    # a long msgctxt with a short msgid too (review DEFECT 3 of 4316bf0: 200,680 bytes)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: sq\\n"\n\n'
        f'msgctxt "{"c" * 20_000}"\nmsgid "{_long_msgid(4_000)}"\nmsgstr "y"\n',
        "utf-8",
    )
    hashed.clear()
    nouns("check-po", str(po), "--write-baseline", str(baseline))
    assert sum(hashed) < 30_000
