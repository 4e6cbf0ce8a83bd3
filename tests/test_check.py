"""`check` (issue 3): one planted problem of each kind, each reported at the right
concept, language and line; a clean concept beside them gets nothing."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from moci_vocab.checks import RULES, run_check
from moci_vocab.cli import cli

MANIFEST = """\
name: Check Test
version: 0.1.0
source_language: en
languages:
  en: {script: Latn, required: true}
  sq: {script: Latn, required: true}
  ka: {script: Geor, required: false}
  hy: {script: Armn, required: false}
  sr-Cyrl: {script: Cyrl, required: false}
domains:
  peacebuilding: Peace.
tags:
  core: Core.
checks:
  MV999: error
"""


def concept(cid: str, en: str, sq: str, body: str = "", terms: str = "", head: str = "") -> str:
    """A clean concept file, plus whatever a test plants in it."""
    return (
        f"id: {cid}\n{head}status: draft\ndefinition:\n  en: What {cid} means.\n{body}"
        f"terms:\n  en:\n    - term: {en}\n      status: preferred\n"
        f"  sq:\n    - term: {sq}\n      status: preferred\n{terms}"
    )


# id → file text. Each concept plants one problem (two for pairs of concepts).
FILES = {
    "clean": concept(
        "clean",
        "reconciliation",
        "pajtim",
        head="domain: peacebuilding\ntags:\n  - core\n",
        body="related:\n  - solidarity\n",
        terms=(
            "  ka:\n    - term: შერიგება\n      status: preferred\n"
            "  hy:\n    - term: հաշտեցում\n      status: preferred\n"
            "  sr-Cyrl:\n    - term: помирење\n      status: preferred\n"
            "      context: Помирење после сукоба (1990-их).\n"
        ),
    ),
    "solidarity": concept("solidarity", "solidarity", "solidaritet"),
    "broken": "id: broken\nterms: a: b\nstatus: draft\n",
    "unknown-field": concept("unknown-field", "archive", "arkiv", head="colour: blue\n"),
    "wrong-id": concept("other-id", "workshop", "punëtori"),
    "unknown-language": concept(
        "unknown-language", "mentor", "mentor", terms="  de:\n    - term: Mentor\n"
    ),
    "unknown-domain": concept("unknown-domain", "festival", "festival", head="domain: cooking\n"),
    "unknown-tag": concept("unknown-tag", "volunteer", "vullnetar", head="tags:\n  - secret\n"),
    "no-source": "id: no-source\nstatus: draft\ndefinition:\n  en: Nothing.\n"
    "terms:\n  sq:\n    - term: asgjë\n      status: preferred\n",
    "missing-required": "id: missing-required\nstatus: draft\ndefinition:\n  en: Art.\n"
    "terms:\n  en:\n    - term: art\n      status: preferred\n",
    "no-preferred": concept(
        "no-preferred",
        "dialogue",
        "dialog",
        terms="  ka:\n    - term: დიალოგი\n      status: admitted\n",
    ),
    "two-preferred": concept(
        "two-preferred",
        "inclusion",
        "përfshirje",
        terms="  hy:\n    - term: ներառում\n      status: preferred\n"
        "    - term: ընդգրկում\n      status: preferred\n",
    ),
    "twice": concept(
        "twice", "heritage", "trashëgimi", terms="    - term: Trashëgimi\n      status: admitted\n"
    ),
    "no-definition": "id: no-definition\nstatus: draft\nterms:\n  en:\n    - term: memory\n"
    "      status: preferred\n  sq:\n    - term: kujtesë\n      status: preferred\n",
    "bad-ignore": concept(
        "bad-ignore", "facilitator", "lehtësues", body="ignore:\n  - {code: MV777, reason: x}\n"
    ),
    "stale-ignore": concept(
        "stale-ignore", "partnership", "partneritet", body="ignore:\n  - {code: MV401, reason: x}\n"
    ),
    "not-nfc": concept("not-nfc", "wellbeing", "mire\u0308qenie"),
    "trailing-space": concept("trailing-space", "advocacy", "'avokim '"),
    "double-space": concept("double-space", "civil society", "shoqëri  civile"),
    "odd-space": concept("odd-space", "youth work", "punë\u00a0rinore"),
    "trailing-period": concept("trailing-period", "empowerment", "fuqizim."),
    "space-before-punct": "id: space-before-punct\nstatus: draft\ndefinition:\n"
    "  en: Taking part , together.\nterms:\n  en:\n    - term: participation\n"
    "      status: preferred\n  sq:\n    - term: pjesëmarrje\n      status: preferred\n",
    "unbalanced": "id: unbalanced\nstatus: draft\ndefinition:\n  en: Open (never closed.\n"
    "terms:\n  en:\n    - term: openness\n      status: preferred\n"
    "  sq:\n    - term: hapje\n      status: preferred\n",
    "latin-in-georgian": concept(
        "latin-in-georgian", "resilience", "qëndresë", terms="  ka:\n    - term: მდგრადoბა\n"
    ),
    "cyrillic-in-latin": concept("cyrillic-in-latin", "in\u0441lusion policy", "politikë"),
    "latin-in-cyrillic": concept(
        "latin-in-cyrillic",
        "peace",
        "paqe",
        terms="  sr-Cyrl:\n    - term: мир и ac\n      status: preferred\n",
    ),
    "mixed-definition": "id: mixed-definition\nstatus: draft\ndefinition:\n"
    "  en: Work in the c\u043emmunity.\nterms:\n  en:\n    - term: community work\n"
    "      status: preferred\n  sq:\n    - term: punë komunitare\n      status: preferred\n",
    "typo-a": concept("typo-a", "sustainability", "qëndrueshmëri mjedisore"),
    "typo-b": concept("typo-b", "sustainabillity", "zhvillim"),
    "diacritic-a": concept("diacritic-a", "wellness", "mirëqenie sociale"),
    "diacritic-b": concept("diacritic-b", "social welfare", "mireqenie sociale"),
    "ambiguous-a": concept("ambiguous-a", "culture", "kulturë"),
    "ambiguous-b": concept("ambiguous-b", "cultural sector", "kulturë"),
    "deprecated-a": concept(
        "deprecated-a",
        "network",
        "rrjet",
        terms="    - term: rrjetëzim\n      status: deprecated\n",
    ),
    "deprecated-b": concept("deprecated-b", "networking", "rrjetëzim"),
    "typo-inside": concept(
        "typo-inside",
        "robustness",
        "robusteca",
        terms="    - term: robustec\n      status: admitted\n",
    ),
    "dangling-related": concept(
        "dangling-related", "mobility", "lëvizshmëri", body="related:\n  - nowhere\n"
    ),
    "dangling-broader": concept(
        "dangling-broader", "exchange", "shkëmbim", body="broader:\n  - nothing\n"
    ),
    "cycle-a": concept("cycle-a", "learning", "mësim", body="broader:\n  - cycle-b\n"),
    "cycle-b": concept("cycle-b", "education", "arsim", body="broader:\n  - cycle-a\n"),
    "self-related": concept(
        "self-related", "creativity", "krijimtari", body="related:\n  - self-related\n"
    ),
    "related-and-broader": concept(
        "related-and-broader",
        "street art",
        "art rrugor",
        body="related:\n  - solidarity\nbroader:\n  - solidarity\n",
    ),
    "retired": concept("retired", "old word", "fjalë e vjetër").replace(
        "status: draft", "status: retired"
    ),
    "links-retired": concept(
        "links-retired", "new word", "fjalë e re", body="related:\n  - retired\n"
    ),
}

# (code, concept, lang, text on the expected line; None: no line expected)
EXPECTED = [
    ("MV001", "broken", None, "terms: a: b"),
    ("MV003", "unknown-field", None, "colour: blue"),
    ("MV004", "wrong-id", None, "id: other-id"),
    ("MV101", "unknown-language", "de", "  de:"),
    ("MV102", "unknown-domain", None, "domain: cooking"),
    ("MV103", "unknown-tag", None, "  - secret"),
    ("MV104", "no-source", "en", "terms:"),
    ("MV105", "missing-required", "sq", "terms:"),
    ("MV106", "no-preferred", "ka", "  ka:"),
    ("MV107", "two-preferred", "hy", "    - term: ընդգրկում"),
    ("MV108", "twice", "sq", "    - term: Trashëgimi"),
    ("MV109", "no-definition", "en", None),
    ("MV110", "bad-ignore", None, "  - {code: MV777, reason: x}"),
    ("MV111", "stale-ignore", None, "  - {code: MV401, reason: x}"),
    ("MV112", None, None, "  MV999: error"),
    ("MV201", "not-nfc", "sq", "    - term: mire\u0308qenie"),
    ("MV202", "trailing-space", "sq", "    - term: 'avokim '"),
    ("MV203", "double-space", "sq", "    - term: shoqëri  civile"),
    ("MV204", "odd-space", "sq", "    - term: punë\u00a0rinore"),
    ("MV205", "trailing-period", "sq", "    - term: fuqizim."),
    ("MV206", "space-before-punct", "en", "  en: Taking part , together."),
    ("MV207", "unbalanced", "en", "  en: Open (never closed."),
    ("MV301", "latin-in-georgian", "ka", "    - term: მდგრადoბა"),
    ("MV302", "cyrillic-in-latin", "en", "    - term: in\u0441lusion policy"),
    ("MV302", "latin-in-cyrillic", "sr-Cyrl", "    - term: мир и ac"),
    ("MV303", "mixed-definition", "en", "  en: Work in the c\u043emmunity."),
    ("MV401", "typo-a", "en", "    - term: sustainability"),
    ("MV401", "typo-b", "en", "    - term: sustainabillity"),
    ("MV402", "diacritic-a", "sq", "    - term: mirëqenie sociale"),
    ("MV402", "diacritic-b", "sq", "    - term: mireqenie sociale"),
    ("MV403", "ambiguous-a", "sq", "    - term: kulturë"),
    ("MV403", "ambiguous-b", "sq", "    - term: kulturë"),
    ("MV404", "deprecated-a", "sq", "    - term: rrjetëzim"),
    ("MV405", "typo-inside", "sq", "    - term: robusteca"),
    ("MV501", "dangling-related", None, "  - nowhere"),
    ("MV502", "dangling-broader", None, "  - nothing"),
    ("MV503", "cycle-a", None, "  - cycle-b"),
    ("MV503", "cycle-b", None, "  - cycle-a"),
    ("MV504", "self-related", None, "  - self-related"),
    ("MV505", "related-and-broader", None, "  - solidarity"),
    ("MV506", "links-retired", None, "  - retired"),
]


def write_glossary(root: Path, files: dict[str, str], manifest: str = MANIFEST) -> Path:
    (root / "glossary").mkdir(parents=True, exist_ok=True)
    (root / "terms").mkdir(exist_ok=True)
    (root / "glossary" / "glossary.yaml").write_text(manifest, encoding="utf-8")
    for cid, text in files.items():
        (root / "terms" / f"{cid}.yaml").write_text(text, encoding="utf-8")
    return root


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return lines.index(text) + 1


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    root = write_glossary(tmp_path_factory.mktemp("planted") / "g", FILES)
    return root, run_check(root)


def test_every_rule_has_a_planted_problem():
    assert {code for code, *_ in EXPECTED} | {"MV002"} == set(RULES)


@pytest.mark.parametrize(("code", "cid", "lang", "text"), EXPECTED, ids=lambda v: str(v))
def test_planted_problem_is_reported_at_its_concept_language_and_line(
    planted, code, cid, lang, text
):
    root, result = planted
    # A problem of several concepts (MV401-MV403) is one finding, with every member's place.
    places = [
        (f, file, line)
        for f in result.findings
        if f.code == code
        for file, line, member in (f.locations or ((f.file, f.line, f.concept),))
        if member == cid
    ]
    assert places, (
        f"{code} not reported for {cid}: {[(f.code, f.concept) for f in result.findings]}"
    )
    finding, file, line = places[0]
    assert finding.lang == lang
    path = root / "terms" / f"{cid}.yaml" if cid else root / "glossary" / "glossary.yaml"
    if code == "MV004":
        path = root / "terms" / "wrong-id.yaml"
    assert Path(file) == path
    if text is None:
        assert line is None or line >= 1
    else:
        assert line == line_of(path, text), finding
    assert finding.severity == RULES[code].severity
    assert finding.message and "\n" not in finding.message


def test_clean_concepts_get_nothing(planted):
    _root, result = planted
    for cid in ("clean", "solidarity"):
        assert [f for f in result.findings if f.concept == cid] == []


def test_nothing_unexpected_is_reported(planted):
    """Each planted concept shows its own problem and no collateral noise."""
    _root, result = planted
    expected = {(code, cid) for code, cid, *_ in EXPECTED}
    # A concept whose id differs from its file name is loaded under that id.
    assert not [f for f in result.findings if f.concept in ("typo-b", "ambiguous-b")]
    allowed_extra = {("MV004", "other-id")}
    extra = {(f.code, f.concept) for f in result.findings} - expected - allowed_extra
    assert extra == set()


def test_look_alike_message_names_character_and_code_point(planted):
    _root, result = planted
    (finding,) = [f for f in result.findings if f.concept == "cyrillic-in-latin"]
    assert "U+0441 CYRILLIC SMALL LETTER ES" in finding.message
    assert "looks like Latin 'c'" in finding.message
    (finding,) = [f for f in result.findings if f.concept == "latin-in-cyrillic"]
    assert "U+0061 LATIN SMALL LETTER A" in finding.message
    assert "U+0063 LATIN SMALL LETTER C" in finding.message


def test_wrong_script_message_names_the_script(planted):
    _root, result = planted
    (finding,) = [f for f in result.findings if f.code == "MV301"]
    assert "Latin letters ('o' (U+006F))" in finding.message
    assert "Georgian (Geor)" in finding.message


def test_diacritics_message(planted):
    _root, result = planted
    (finding,) = [f for f in result.findings if f.code == "MV402"]
    assert finding.concept == "diacritic-a"
    assert "'mirëqenie sociale' ('diacritic-a'), 'mireqenie sociale' ('diacritic-b')" in (
        finding.message
    )
    assert "only in diacritics" in finding.message
    assert [concept for _file, _line, concept in finding.locations] == [
        "diacritic-a",
        "diacritic-b",
    ]


def test_no_concept_file_is_read_again_to_locate_findings(tmp_path, monkeypatch):
    """Lines come from the places the loader kept (also from the cache, on a warm run)."""
    import moci_vocab.checks as checks

    files = {k: FILES[k] for k in ("clean", "solidarity", "unknown-tag", "typo-a", "typo-b")}
    root = write_glossary(tmp_path / "g", files, MANIFEST.replace("  MV999: error\n", ""))
    for path in (root / "terms").iterdir():  # old enough for the cache to trust (racy rule)
        os.utime(path, ns=(1_700_000_000 * 10**9, 1_700_000_000 * 10**9))
    monkeypatch.delenv("MOCI_VOCAB_NO_CACHE", raising=False)
    import moci_vocab.store as store

    read, parsed = [], []
    original = checks._document
    monkeypatch.setattr(checks, "_document", lambda path: read.append(path.name) or original(path))
    parse = store._parse_concept_file
    monkeypatch.setattr(store, "_parse_concept_file", lambda p: parsed.append(p) or parse(p))
    for run in ("cold", "warm"):
        result = run_check(root)
        assert len(parsed) == 5, run  # the warm run takes every concept from the cache
        assert [(f.code, f.concept) for f in result.findings] == [
            ("MV401", "typo-a"),
            ("MV103", "unknown-tag"),
        ]
        tag = result.findings[1]
        assert tag.line == line_of(root / "terms" / "unknown-tag.yaml", "  - secret")
        lines = [line for _file, line, _concept in result.findings[0].locations]
        assert lines == [
            line_of(root / "terms" / "typo-a.yaml", "    - term: sustainability"),
            line_of(root / "terms" / "typo-b.yaml", "    - term: sustainabillity"),
        ]
    assert read == []


# --------------------------------------------------------------------------- CLI and formats


def invoke(root: Path, *args: str):
    result = CliRunner().invoke(cli, ["--root", str(root), "check", *args])
    assert "Traceback" not in result.output, result.output
    return result


def test_cli_json_has_the_spec_shape_and_exit_1(planted):
    root, _result = planted
    result = invoke(root, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert set(data) == {"findings", "summary"}
    first = data["findings"][0]
    assert {"code", "severity", "file", "line", "concept", "lang", "message"} <= set(first)
    assert data["summary"]["error"] == sum(f["severity"] == "error" for f in data["findings"])
    assert data["summary"]["concepts"] >= len(FILES) - 2


def test_cli_github_annotations_carry_file_and_line(planted):
    root, _result = planted
    result = invoke(root, "--format", "github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    wanted = line_of(root / "terms" / "latin-in-georgian.yaml", "    - term: მდგრადoბა")
    hits = [line for line in lines if "latin-in-georgian.yaml" in line]
    assert hits and hits[0].startswith("::error file=")
    assert f",line={wanted}," in hits[0]
    assert "title=MV301 latin-in-georgian::" in hits[0]
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)


def test_cli_sarif_is_sarif_2_1_0(planted):
    root, result_obj = planted
    result = invoke(root, "--format", "sarif")
    assert result.exit_code == 1
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {rule["id"] for rule in rules} >= set(RULES)
    assert len(run["results"]) == len(result_obj.findings)
    located = next(r for r in run["results"] if r["ruleId"] == "MV301")
    region = located["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == line_of(
        root / "terms" / "latin-in-georgian.yaml", "    - term: მდგრადoბა"
    )
    assert rules[located["ruleIndex"]]["id"] == "MV301"


def test_cli_text_groups_by_file_with_lines(planted):
    root, _result = planted
    result = invoke(root)
    assert result.exit_code == 1
    out = result.stdout
    assert "latin-in-georgian.yaml" in out
    assert "MV301" in out
    assert "error(s)" in out.splitlines()[-1]


def test_cli_clean_glossary_exits_0(tmp_path):
    files = {k: FILES[k] for k in ("clean", "solidarity")}
    root = write_glossary(tmp_path / "g", files, MANIFEST.replace("  MV999: error\n", ""))
    result = invoke(root)
    assert result.exit_code == 0, result.output
    assert "no problems found" in result.stdout
    assert json.loads(invoke(root, "--format", "json").stdout)["findings"] == []


def test_cli_warnings_only_exit_0(tmp_path):
    files = {k: FILES[k] for k in ("clean", "solidarity", "typo-a", "typo-b")}
    root = write_glossary(tmp_path / "g", files, MANIFEST.replace("  MV999: error\n", ""))
    result = invoke(root, "--format", "json")
    assert result.exit_code == 0
    assert {f["code"] for f in json.loads(result.stdout)["findings"]} == {"MV401"}


def test_cli_rules_lists_every_code(tmp_path):
    root = write_glossary(tmp_path / "g", {}, MANIFEST.replace("MV999: error", "MV203: off"))
    result = invoke(root, "--rules", "--format", "json")
    assert result.exit_code == 0
    rules = {r["code"]: r["severity"] for r in json.loads(result.stdout)}
    assert set(rules) == set(RULES)
    assert rules["MV203"] == "off"
    assert rules["MV301"] == "error"


def test_no_glossary_is_one_clear_error(tmp_path):
    result = invoke(tmp_path)
    assert result.exit_code == 1
    assert result.output.startswith("error: no glossary in")
