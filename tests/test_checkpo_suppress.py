"""`check-po` in CI: a baseline of known findings, and translators' ignore comments."""

from __future__ import annotations

import json

import pytest

from tests.test_checkpo import write_po


@pytest.fixture
def gloss(moci):
    moci("add", "file", "--term", "en=file", "--term", "sq=kartelë", "--yes")
    moci("add", "folder", "--term", "en=folder", "--term", "sq=dosje", "--yes")
    return moci


def test_a_baseline_lets_only_new_findings_fail_even_when_lines_move(gloss, tmp_path):
    po = tmp_path / "sq.po"
    baseline = tmp_path / "baseline.json"
    write_po(po, "sq", [("Open the file", "Hap dokumentin"), ("A folder", "Një dosje")])
    gloss("check-po", str(po), ok=False)
    result = gloss("check-po", str(po), "--write-baseline", str(baseline))
    assert "1 distinct finding written" in result.output
    rows = json.loads(baseline.read_text("utf-8"))["findings"]
    assert [(r["concept"], r["msgid"]) for r in rows] == [("file", "Open the file")]
    # Known finding only, on another line now: passes, and is still in JSON as suppressed.
    write_po(
        po,
        "sq",
        [("New entry", "Hyrje e re"), ("A folder", "Një dosje"), ("Open the file", "Hap atë")],
    )
    result = gloss("check-po", str(po), "--baseline", str(baseline), "--format", "json")
    [finding] = json.loads(result.output)["findings"]
    assert finding["suppressed"] == "baseline" and finding["msgid"] == "Open the file"
    sarif = json.loads(
        gloss("check-po", str(po), "--baseline", str(baseline), "--format", "sarif").output
    )
    [res] = sarif["runs"][0]["results"]
    assert res["suppressions"] == [{"kind": "external", "justification": "baseline"}]
    assert "Open the file" not in gloss("check-po", str(po), "--baseline", str(baseline)).output
    # A new finding fails.
    write_po(po, "sq", [("Open the file", "Hap atë"), ("A folder", "Një drejtori")])
    result = gloss("check-po", str(po), "--baseline", str(baseline), "--format", "json", ok=False)
    findings = json.loads(result.output)["findings"]
    assert sorted((f["concept"], f.get("suppressed")) for f in findings) == [
        ("file", "baseline"),
        ("folder", None),
    ]


def test_the_text_summary_counts_what_the_baseline_hid(gloss, tmp_path):
    """Not a bare "no problems found": a CI maintainer sees the baseline at work."""
    po, baseline = tmp_path / "sq.po", tmp_path / "baseline.json"
    write_po(po, "sq", [("Open the file", "Hap dokumentin"), ("A folder", "Një dosje")])
    gloss("check-po", str(po), "--write-baseline", str(baseline))
    result = gloss("check-po", str(po), "--baseline", str(baseline))
    assert result.stdout == "translations: no new problems; 1 finding suppressed by the baseline\n"
    write_po(po, "sq", [("Open the file", "Hap dokumentin"), ("A folder", "Një drejtori")])
    result = gloss("check-po", str(po), "--baseline", str(baseline), ok=False)
    assert result.stdout.splitlines()[-1].endswith("; 1 finding suppressed by the baseline")
    assert gloss("check-po", str(tmp_path / "sq.po"), ok=False).stdout.count("baseline") == 0


def test_writing_and_reading_a_baseline_count_in_their_own_units(gloss, tmp_path):
    """One baseline entry covers the same finding in two files: the two messages say which."""
    baseline = tmp_path / "baseline.json"
    for name in ("a.po", "b.po"):
        write_po(tmp_path / name, "sq", [("A folder", "Një drejtori")])
    pos = [str(tmp_path / "a.po"), str(tmp_path / "b.po")]
    written = gloss("check-po", *pos, "--write-baseline", str(baseline)).stdout
    assert written.startswith("1 distinct finding written to the baseline ")
    result = gloss("check-po", *pos, "--baseline", str(baseline))
    assert result.stdout == "translations: no new problems; 2 findings suppressed by the baseline\n"


def test_a_missing_or_broken_baseline_is_one_clear_error(gloss, tmp_path):
    po = write_po(tmp_path / "sq.po", "sq", [("Open the file", "Hap kartelën")])
    result = gloss("check-po", str(po), "--baseline", str(tmp_path / "nope.json"), ok=False)
    assert (
        result.exit_code == 1 and "nope.json" in result.output and "Traceback" not in result.output
    )
    (tmp_path / "bad.json").write_text("{not json", "utf-8")
    result = gloss("check-po", str(po), "--baseline", str(tmp_path / "bad.json"), ok=False)
    assert result.exit_code == 1 and "bad.json" in result.output


@pytest.mark.parametrize(
    "text",
    [
        '{"moci-vocab-baseline": 1, "findings": [{"fingerprint": ["a list"]}]}',
        '{"moci-vocab-baseline": 1, "findings": [{"fingerprint": {}}]}',
        '{"moci-vocab-baseline": 1, "findings": [], "x": ' + "9" * 5000 + "}",
    ],
    ids=["list", "map", "5000-digits"],
)
def test_a_baseline_of_the_wrong_shape_is_one_clear_error(gloss, tmp_path, text):
    # A baseline is committed, so a pull request can change it: a fingerprint that is no
    # text, a number of 5,000 digits were "unexpected TypeError/ValueError (a bug)".
    po = write_po(tmp_path / "sq.po", "sq", [("Open the file", "Hap kartelën")])
    (tmp_path / "odd.json").write_text(text, "utf-8")
    result = gloss("check-po", str(po), "--baseline", str(tmp_path / "odd.json"), ok=False)
    assert result.exit_code == 1, result.output
    assert "odd.json: not a check-po baseline file" in result.output
    assert "unexpected" not in result.output and len(result.output.splitlines()) == 1


def test_a_translator_comment_ignores_one_concept_in_one_entry(gloss, tmp_path):
    po = tmp_path / "sq.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: sq\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        "# moci-vocab: ignore file\n"
        'msgid "Open the file and the folder"\nmsgstr "Hap dokumentin dhe drejtorinë"\n\n'
        'msgid "Save the file"\nmsgstr "Ruaj dokumentin"\n\n'
        "# Translators: all of them\n# moci-vocab: ignore all\n"
        'msgid "Close the file"\nmsgstr "Mbyll dokumentin"\n',
        "utf-8",
    )
    result = gloss("check-po", str(po), "--format", "json", ok=False)
    findings = json.loads(result.output)["findings"]
    seen = sorted((f["msgid"], f["concept"], f.get("suppressed")) for f in findings)
    assert seen == [
        ("Close the file", "file", "comment"),
        ("Open the file and the folder", "file", "comment"),
        ("Open the file and the folder", "folder", None),
        ("Save the file", "file", None),
    ]
    sarif = json.loads(gloss("check-po", str(po), "--format", "sarif", ok=False).output)
    kinds = [r.get("suppressions", [{}])[0].get("kind") for r in sarif["runs"][0]["results"]]
    assert sorted(k or "" for k in kinds) == ["", "", "inSource", "inSource"]


_IGNORED = (
    'msgid ""\nmsgstr ""\n"Language: sq\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    "# moci-vocab: ignore file\n"
    'msgid "Open the file and the folder"\nmsgstr "Hap dokumentin dhe drejtorinë"\n\n'
    "# moci-vocab: ignore all\n"
    'msgid "Close the file"\nmsgstr "Mbyll dokumentin"\n'
)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_summary_counts_what_ignore_comments_suppressed(gloss, tmp_path, jobs):
    """As the baseline's (review31 F10): a translator's exception is not silently gone;
    the JSON summary counts the findings listed as suppressed; SARIF keeps them."""
    po = tmp_path / "sq.po"
    po.write_text(_IGNORED, "utf-8")
    copy = tmp_path / "copy-sq.po"  # two files: with --jobs 2, checked in worker processes
    copy.write_text(_IGNORED, "utf-8")
    files = [str(po), str(copy), "--jobs", jobs]
    result = gloss("check-po", *files, ok=False)
    assert result.stdout.splitlines()[-1] == (
        "2 error(s), 0 warning(s), 0 info; 4 findings suppressed by ignore comments"
    )
    summary = json.loads(gloss("check-po", *files, "--format", "json", ok=False).stdout)["summary"]
    assert (summary["error"], summary["suppressed"]) == (2, 4)
    sarif = json.loads(gloss("check-po", *files, "--format", "sarif", ok=False).stdout)
    kinds = [r.get("suppressions", [{}])[0].get("kind") for r in sarif["runs"][0]["results"]]
    assert kinds.count("inSource") == 4
    # Nothing else found: no problem, and no "new" (that is the baseline's word).
    po.write_text(_IGNORED.replace("Hap dokumentin dhe drejtorinë", "Hap dokumentin dhe dosjen"))
    result = gloss("check-po", str(po))
    assert (
        result.stdout
        == "translations: no problems found; 2 findings suppressed by ignore comments\n"
    )
    baseline = tmp_path / "baseline.json"
    gloss("check-po", str(copy), "--write-baseline", str(baseline))
    result = gloss("check-po", str(copy), "--baseline", str(baseline))
    assert result.stdout == (
        "translations: no new problems; 2 findings suppressed by ignore comments; "
        "1 finding suppressed by the baseline\n"
    )


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_ignore_comments_are_found_without_reading_the_file_again(
    gloss, tmp_path, monkeypatch, newline
):
    """A UTF-8 PO file is read once: its ignore comments are looked for in the bytes the
    reader kept (a second read cost a copy of the file: ~300 page faults at 1.3 MB)."""
    from moci_vocab import fsutil

    po = tmp_path / "sq.po"
    text = (
        'msgid ""\nmsgstr ""\n"Language: sq\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        "# moci-vocab: ignore file\n"
        'msgid "Open the file"\nmsgstr "Hap dokumentin"\n\n'
        'msgid "Save the file"\nmsgstr "Ruaj dokumentin"\n'
    )
    po.write_bytes(text.replace("\n", newline).encode("utf-8"))
    reads: list[str] = []
    read = fsutil.read_regular_file

    def counted(path, *args, **kwargs):
        reads.append(str(path))
        return read(path, *args, **kwargs)

    monkeypatch.setattr(fsutil, "read_regular_file", counted)
    result = gloss("check-po", str(po), "--format", "json", ok=False)
    findings = json.loads(result.output)["findings"]
    seen = sorted((f["msgid"], f["line"], f.get("suppressed")) for f in findings)
    assert seen == [("Open the file", 7, "comment"), ("Save the file", 10, None)]
    assert reads.count(str(po)) == 1


def test_an_xliff_note_ignores_a_concept(gloss, tmp_path):
    xlf = tmp_path / "sq.xlf"
    xlf.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '<file source-language="en" target-language="sq" datatype="plaintext" original="x">\n'
        "<body>\n"
        '<trans-unit id="1">\n<source>Open the file</source>\n<target>Hap dokumentin</target>\n'
        "<note>moci-vocab: ignore file</note>\n</trans-unit>\n"
        '<trans-unit id="2">\n<source>Save the file</source>\n<target>Ruaj dokumentin</target>\n'
        "</trans-unit>\n</body>\n</file>\n</xliff>\n",
        "utf-8",
    )
    result = gloss("check-po", str(xlf), "--format", "json", ok=False)
    findings = json.loads(result.output)["findings"]
    assert sorted((f["msgid"], f.get("suppressed")) for f in findings) == [
        ("Open the file", "comment"),
        ("Save the file", None),
    ]


def test_a_refused_link_is_named_as_itself_not_as_its_target(gloss, tmp_path, monkeypatch):
    # check-po refuses a symbolic link; its finding named the file the link points to when
    # that lay in the working folder (the path was resolved): a pull request's link to
    # another catalog annotated that innocent file, and the link was nowhere in the output.
    write_po(tmp_path / "a-sq.po", "sq", [("Open the file", "Hap kartelën")])
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x-sq.po").symlink_to("../a-sq.po")
    monkeypatch.chdir(tmp_path)
    result = gloss("check-po", "sub/x-sq.po", "--format", "github", ok=False)
    assert "file=sub/x-sq.po," in result.output and "file=a-sq.po" not in result.output
    [finding] = json.loads(gloss("check-po", "sub/x-sq.po", "--format", "json", ok=False).stdout)[
        "findings"
    ]
    assert (finding["code"], finding["file"]) == ("MV600", "sub/x-sq.po")


def test_ignore_marks_scan_a_catalog_without_any_once(tmp_path):
    """A catalog with no ignore comment costs one scan of its bytes (a search for a word of
    common letters: ~0.5 ms a scan on the real 1.35 MB catalog; two before), and a mark
    spelt with other spaces after the colon, which `_IGNORE` reads, is still found."""
    from moci_vocab.checkpo.suppress import ignore_marks

    class Scanned(bytes):
        scans = 0

        def __contains__(self, part):
            Scanned.scans += 1
            return super().__contains__(part)

    plain = Scanned(b'msgid "Open the file"\nmsgstr "Hap dokumentin"\n' * 100)
    assert ignore_marks(tmp_path / "sq.po", lambda: {}, plain) == {}
    assert Scanned.scans == 1
    for spaces in (" ", "   ", "\t"):
        data = f'#. moci-vocab:{spaces}ignore file\nmsgid "Open the file"\nmsgstr "Hap"\n'.encode()
        assert ignore_marks(tmp_path / "sq.po", lambda: {0: 2}, data) == {0: frozenset({"file"})}
