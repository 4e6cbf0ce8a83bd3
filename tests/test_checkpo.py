"""`check-po` end to end: each finding kind in Albanian, Georgian and Armenian."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest

# Per language: preferred, admitted and deprecated terms of `reconciliation`, real
# inflected forms of them, and a name (MOCI) that must stay as it is.
LANGS = {
    "sq": {
        "preferred": "pajtim",
        "inflected": ["Pajtimin e duam.", "Rruga e pajtimit."],
        "admitted": "pajtueshmëri",
        "admitted_inflected": "Pajtueshmëria ka rëndësi.",
        "deprecated": "pajtesë",
        "deprecated_inflected": "Puna për pajtesën.",
        "wrong": "Paqja ka rëndësi.",
        "closest": "Paqja",
        "moci_ok": "Rrjeti MOCI-t",
        "moci_bad": "Rrjeti Moçi",
    },
    "ka": {
        "preferred": "შერიგება",
        "inflected": ["შერიგების გზა.", "შერიგებას ვუჭერთ მხარს."],
        "admitted": "მორიგება",
        "admitted_inflected": "მორიგების პროცესი.",
        "deprecated": "დაზავება",
        "deprecated_inflected": "დაზავების პროცესი.",
        "wrong": "მშვიდობის გზა.",
        "closest": None,
        "moci_ok": "MOCI-ის ქსელი",
        "moci_bad": "მოცის ქსელი",
    },
    "hy": {
        "preferred": "հաշտեցում",
        "inflected": ["Հաշտեցման ճանապարհը։", "Հաշտեցումը կարևոր է։"],
        "admitted": "հաշտություն",
        "admitted_inflected": "Հաշտության գործընթացը։",
        "deprecated": "համաձայնություն",
        "deprecated_inflected": "Համաձայնության գործընթացը։",
        "wrong": "Խաղաղության ճանապարհը։",
        "closest": None,
        "moci_ok": "MOCI-ի ցանցը",
        "moci_bad": "ՄՈՑԻ ցանցը",
    },
}


@pytest.fixture
def glossary(moci):
    terms = [f"{lang}={data['preferred']}" for lang, data in LANGS.items()]
    args = ["add", "reconciliation", "--term", "en=reconciliation"]
    for term in terms:
        args += ["--term", term]
    moci(*args, "--yes")
    for lang, data in LANGS.items():
        moci("translate", "reconciliation", lang, data["admitted"], "--status", "admitted")
        moci("translate", "reconciliation", lang, data["deprecated"], "--status", "deprecated")
    moci("add", "moci", "--term", "en=MOCI", "--do-not-translate", "--yes")
    return moci


def noun_glossary(root: Path, lang: str, pairs) -> Path:
    """A glossary at ``root`` of noun concepts, one per (English, ``lang`` term) pair."""
    from moci_vocab.model import Concept, Term
    from moci_vocab.operations import init_glossary
    from moci_vocab.store import save_concept

    init_glossary(root, "t", "en", [lang]).changes.apply()
    for english, term in pairs:
        concept = Concept(id=english, definition={"en": f"A {english}."})
        concept.terms = {
            "en": [Term(english, "preferred", pos="noun")],
            lang: [Term(term, "preferred")],
        }
        save_concept(root, concept)
    return root


def write_po(path: Path, lang: str | None, entries: list[tuple], fuzzy: set[int] = frozenset()):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    if lang:
        po.metadata["Language"] = lang
    for i, (msgid, msgstr) in enumerate(entries):
        entry = polib.POEntry(msgid=msgid, msgstr=msgstr)
        if i in fuzzy:
            entry.flags.append("fuzzy")
        po.append(entry)
    po.save(str(path))
    return path


def line_of(path: Path, text: str) -> int:
    lines = path.read_text("utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(text))


def check(moci, *args, ok=None):
    result = moci("check-po", *args, "--format", "json", ok=ok)
    return result.exit_code, json.loads(result.stdout)


@pytest.mark.parametrize("lang", LANGS)
def test_inflected_allowed_terms_pass(glossary, tmp_path, lang):
    data = LANGS[lang]
    entries = [("Reconciliation matters.", text) for text in data["inflected"]]
    entries.append(("The MOCI network", data["moci_ok"]))
    po = write_po(tmp_path / f"{lang}.po", lang, entries)
    code, out = check(glossary, str(po), ok=True)
    assert code == 0
    assert out["findings"] == []
    assert out["summary"]["terms"] == len(entries)


@pytest.mark.parametrize("lang", LANGS)
def test_missing_term_is_an_error_with_expected_and_closest(glossary, tmp_path, lang):
    data = LANGS[lang]
    po = write_po(tmp_path / f"{lang}.po", lang, [("Reconciliations", data["wrong"])])
    code, out = check(glossary, str(po), ok=False)
    assert code == 1
    [finding] = out["findings"]
    assert finding["code"] == "MV601"
    assert finding["severity"] == "error"
    assert finding["concept"] == "reconciliation"
    assert finding["lang"] == lang
    assert finding["msgid"] == "Reconciliations"
    assert finding["msgctxt"] is None
    assert finding["expected"] == [data["preferred"], data["admitted"]]
    if data["closest"]:
        assert finding["found"] == data["closest"]
    assert finding["line"] == line_of(po, 'msgid "Reconciliations"')


@pytest.mark.parametrize("lang", LANGS)
def test_deprecated_term_used_inflected(glossary, tmp_path, lang):
    data = LANGS[lang]
    po = write_po(
        tmp_path / f"{lang}.po", lang, [("Work for reconciliation", data["deprecated_inflected"])]
    )
    _code, out = check(glossary, str(po), ok=False)
    [finding] = out["findings"]
    assert finding["code"] == "MV602"
    assert data["deprecated"][:4] in finding["found"].casefold()
    assert finding["expected"] == [data["preferred"], data["admitted"]]


@pytest.mark.parametrize("lang", LANGS)
def test_do_not_translate_name_changed(glossary, tmp_path, lang):
    data = LANGS[lang]
    po = write_po(tmp_path / f"{lang}.po", lang, [("The MOCI network", data["moci_bad"])])
    _code, out = check(glossary, str(po), ok=False)
    [finding] = out["findings"]
    assert finding["code"] == "MV603"
    assert finding["concept"] == "moci"
    assert finding["expected"] == ["MOCI"]


@pytest.mark.parametrize("lang", LANGS)
def test_inconsistent_renderings_are_one_warning(glossary, tmp_path, lang):
    data = LANGS[lang]
    entries = [
        ("Reconciliation", data["inflected"][0]),
        ("Reconciliation now", data["inflected"][1]),
        ("Reconciliation later", data["admitted_inflected"]),
    ]
    po = write_po(tmp_path / f"{lang}.po", lang, entries)
    code, out = check(glossary, str(po), ok=True)
    assert code == 0  # a warning does not fail the run
    [finding] = out["findings"]
    assert finding["code"] == "MV604"
    assert finding["severity"] == "warning"
    assert finding["msgid"] == "Reconciliation later"  # where the minority rendering is
    assert finding["expected"] == [data["preferred"]]
    assert finding["found"] == data["admitted"]
    assert finding["renderings"] == {data["preferred"]: 2, data["admitted"]: 1}


def test_fuzzy_and_untranslated_skipped_unless_asked(glossary, tmp_path):
    entries = [("Reconciliation", "Paqja"), ("Reconciliation again", "")]
    po = write_po(tmp_path / "sq.po", "sq", entries, fuzzy={0})
    _code, out = check(glossary, str(po), ok=True)
    assert out["findings"] == []
    _code, out = check(glossary, str(po), "--include-fuzzy", ok=False)
    assert [f["msgid"] for f in out["findings"]] == ["Reconciliation"]
    _code, out = check(glossary, str(po), "--include-untranslated", ok=False)
    assert [f["msgid"] for f in out["findings"]] == ["Reconciliation again"]
    assert out["findings"][0]["found"] is None


def test_the_translators_credits_are_not_checked(glossary, tmp_path):
    # The translation of KDE's "Your names" and GNOME's "translator-credits" is the
    # translators' names: a glossary term of the msgid is not in it (round 9: KDE catalogs).
    glossary("add", "name", "--term", "en=name", "--term", "sq=emër", "--yes")
    po = polib.POFile()
    po.metadata = {"Language": "sq", "Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgctxt="NAME OF TRANSLATORS", msgid="Your names", msgstr="Ana"))
    po.append(polib.POEntry(msgid="translator-credits", msgstr="Reconciliation: Ana"))
    po.append(polib.POEntry(msgid="Your names", msgstr="Ana"))  # not KDE's: checked
    po.save(str(tmp_path / "sq.po"))
    _code, out = check(glossary, str(tmp_path / "sq.po"), ok=False)
    assert [(f["msgctxt"], f["msgid"]) for f in out["findings"]] == [(None, "Your names")]


def test_language_from_option_and_missing_language(glossary, tmp_path):
    po = write_po(tmp_path / "x.po", None, [("Reconciliation", "Paqja")])
    _code, out = check(glossary, str(po), ok=False)
    assert [f["code"] for f in out["findings"]] == ["MV605"]
    _code, out = check(glossary, str(po), "--lang", "sq_AL", ok=False)
    assert [f["code"] for f in out["findings"]] == ["MV601"]
    _code, out = check(glossary, str(po), "--lang", "de", ok=False)
    assert out["findings"][0]["code"] == "MV605"
    assert "no language 'de'" in out["findings"][0]["message"]


def test_unreadable_file_is_a_finding_with_line_and_others_still_checked(glossary, tmp_path):
    bad = tmp_path / "bad.po"
    bad.write_text('msgid "a"\nmsgstr "b"\n\nmsgid "unterminated\nmsgstr ""\n', "utf-8")
    good = write_po(tmp_path / "good.po", "sq", [("Reconciliation", "Paqja")])
    missing = tmp_path / "missing.po"
    code, out = check(glossary, str(bad), str(good), str(missing), ok=False)
    assert code == 1
    by_code = {(f["code"], Path(f["file"]).name): f for f in out["findings"]}
    assert by_code[("MV600", "bad.po")]["line"] == 4
    assert ("MV600", "missing.po") in by_code
    assert ("MV601", "good.po") in by_code
    assert out["summary"]["files"] == 3


def test_mo_and_csv_inputs(glossary, tmp_path):
    po = write_po(tmp_path / "sq.po", "sq", [("Reconciliation", "Paqja")])
    polib.pofile(str(po)).save_as_mofile(str(tmp_path / "sq.mo"))
    _code, out = check(glossary, str(tmp_path / "sq.mo"), ok=False)
    assert [f["code"] for f in out["findings"]] == ["MV601"]
    csv_file = tmp_path / "t.csv"
    csv_file.write_text(
        "context,source,sq\nintro,Reconciliation,Pajtimi\nend,Reconciliation,Paqja\n", "utf-8"
    )
    _code, out = check(glossary, str(csv_file), ok=False)
    [finding] = out["findings"]
    assert (finding["msgctxt"], finding["line"]) == ("end", 3)
    bad_csv = tmp_path / "bad.csv"
    bad_csv.write_text("a,b\n1,2\n", "utf-8")
    _code, out = check(glossary, str(bad_csv), ok=False)
    assert out["findings"][0]["code"] == "MV600"
    assert out["findings"][0]["line"] == 1


def test_text_github_and_sarif_output(glossary, tmp_path):
    po = write_po(tmp_path / "sq.po", "sq", [("Reconciliation", "Paqja")])
    text = glossary("check-po", str(po), ok=False).stdout
    assert "MV601" in text and "'pajtim'" in text and "1 error(s)" in text
    github = glossary("check-po", str(po), "--format", "github", ok=False).stdout
    line = line_of(po, 'msgid "Reconciliation"')
    assert github.startswith("::error file=") and f",line={line}," in github
    sarif = json.loads(glossary("check-po", str(po), "--format", "sarif", ok=False).stdout)
    [result] = sarif["runs"][0]["results"]
    assert result["ruleId"] == "MV601"
    assert result["properties"]["expected"] == ["pajtim", "pajtueshmëri"]
    clean = write_po(tmp_path / "ok.po", "sq", [("Reconciliation", "Pajtimi")])
    assert "no problems found" in glossary("check-po", str(clean)).stdout


def test_severity_override_and_ignore_in_concept(glossary, tmp_path):
    from moci_vocab.store import load_concept, load_manifest, save_concept

    po = write_po(tmp_path / "sq.po", "sq", [("Reconciliation", "Paqja"), ("MOCI", "Moçi")])
    manifest_path = glossary.root / "glossary" / "glossary.yaml"
    manifest = load_manifest(glossary.root)
    manifest.checks["MV601"] = "warning"
    from moci_vocab.store import canonical_manifest_text

    manifest_path.write_text(canonical_manifest_text(manifest), "utf-8")
    from moci_vocab.model import Ignore

    concept = load_concept(glossary.root, "moci")
    concept.ignore.append(Ignore(code="MV603", reason="the Albanian site spells it so"))
    save_concept(glossary.root, concept)
    code, out = check(glossary, str(po), ok=True)
    assert code == 0
    assert [(f["code"], f["severity"]) for f in out["findings"]] == [("MV601", "warning")]


def test_glossary_change_is_seen_at_once(glossary, tmp_path):
    """The compiled-glossary cache never serves a stale glossary."""
    po = write_po(tmp_path / "sq.po", "sq", [("Reconciliation", "Paqja")])
    check(glossary, str(po), ok=False)
    glossary("translate", "reconciliation", "sq", "paqe", "--status", "admitted")
    code, out = check(glossary, str(po), ok=True)
    assert (code, out["findings"]) == (0, [])
