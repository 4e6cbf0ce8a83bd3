"""A problem several concepts share (one term, near-duplicates, diacritics) is one finding."""

from __future__ import annotations

import json

from click.testing import CliRunner

from moci_vocab.checks import run_check
from moci_vocab.cli import cli
from tests.test_check import concept, write_glossary
from tests.test_check_rules import PLAIN_MANIFEST


def glossary(tmp_path, files: dict[str, str]):
    return write_glossary(tmp_path / "g", files, PLAIN_MANIFEST)


def members(finding) -> list[str]:
    return [concept for *_, concept in finding.locations]


def test_one_term_in_five_concepts_is_one_finding_naming_all(tmp_path):
    ids = [f"c{n}" for n in range(5)]
    root = glossary(tmp_path, {cid: concept(cid, f"term {cid}", "kulturë") for cid in ids})
    (finding,) = run_check(root).findings
    assert (finding.code, finding.concept, finding.lang) == ("MV403", "c0", "sq")
    assert members(finding) == ids
    assert all(f"'{cid}'" in finding.message for cid in ids)
    assert finding.message.startswith("one term in 5 concepts: 'kulturë' (")
    for file, line, cid in finding.locations:
        assert file.endswith(f"{cid}.yaml")
        assert (root / "terms" / f"{cid}.yaml").read_text("utf-8").split("\n")[line - 1] == (
            "    - term: kulturë"
        )


def test_a_message_names_ten_concepts_and_counts_the_rest(tmp_path):
    ids = [f"c{n:02d}" for n in range(14)]
    root = glossary(tmp_path, {cid: concept(cid, f"term {cid}", "kulturë") for cid in ids})
    (finding,) = run_check(root).findings
    assert "'c09'" in finding.message and "'c10'" not in finding.message
    assert "and 4 more (every one in --format json)" in finding.message
    assert finding.extra["concepts"] == ids
    assert len(finding.locations) == 14


def test_a_chain_of_near_duplicates_is_one_cluster(tmp_path):
    files = {
        "a": concept("a", "sustainability", "x1"),
        "b": concept("b", "sustainabillity", "x2"),
        "c": concept("c", "sustainabilitty", "x3"),
        "d": concept("d", "reconciliation", "x4"),
        "e": concept("e", "reconcilliation", "x5"),
    }
    findings = run_check(glossary(tmp_path, files)).findings
    assert [(f.code, f.concept, members(f)) for f in findings] == [
        ("MV401", "a", ["a", "b", "c"]),
        ("MV401", "d", ["d", "e"]),
    ]
    assert "nearly the same term in 3 concepts" in findings[0].message


def test_a_concept_that_ignores_near_duplicates_leaves_its_cluster(tmp_path):
    ignore = "ignore:\n  - {code: MV401, reason: deliberate}\n"
    files = {
        "a": concept("a", "sustainability", "x1"),
        "b": concept("b", "sustainabillity", "x2", body=ignore),
        "c": concept("c", "sustainabilitty", "x3"),
        "d": concept("d", "reconciliation", "x4", body=ignore),
        "e": concept("e", "reconcilliation", "x5"),
    }
    result = run_check(glossary(tmp_path, files))
    # b's pairs are deliberate; a and c are still a typo apart. d-e: silenced, d's entry used.
    assert [(f.code, members(f)) for f in result.findings] == [("MV401", ["a", "c"])]
    assert result.suppressed == 2


def test_json_and_sarif_carry_every_location_github_the_first(tmp_path, monkeypatch):
    ids = ["a", "b", "c"]
    root = glossary(tmp_path, {cid: concept(cid, f"term {cid}", "kulturë") for cid in ids})
    monkeypatch.chdir(root)
    runner = CliRunner()
    data = json.loads(runner.invoke(cli, ["check", "--format", "json"]).stdout)
    (finding,) = data["findings"]
    assert [loc["file"] for loc in finding["locations"]] == [f"terms/{c}.yaml" for c in ids]
    assert finding["file"] == "terms/a.yaml" and finding["line"] == finding["locations"][0]["line"]
    assert finding["concepts"] == ids
    sarif = json.loads(runner.invoke(cli, ["check", "--format", "sarif"]).stdout)
    (result,) = sarif["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "terms/a.yaml"
    related = result["relatedLocations"]
    assert [r["physicalLocation"]["artifactLocation"]["uri"] for r in related] == [
        "terms/b.yaml",
        "terms/c.yaml",
    ]
    assert [r["message"]["text"] for r in related] == ["b", "c"]
    assert all(r["physicalLocation"]["region"]["startLine"] >= 1 for r in related)
    github = runner.invoke(cli, ["check", "--format", "github"]).stdout.splitlines()
    (line,) = [ln for ln in github if ln.startswith("::warning")]
    assert line.startswith("::warning file=terms/a.yaml,line=")


def test_a_term_shared_by_thousands_of_concepts_is_named_in_linear_time():
    """A pull request can add 20,000 concept files with one term: the message's list of
    concepts was built with a list's `in` (quadratic: `check` took 30 s, 100,000 files an
    hour); the same message, in milliseconds."""
    import time

    from moci_vocab.checks.context import Issue
    from moci_vocab.checks.duplicates import _spellings

    issues = [Issue("MV403", f"c{n:05d}", "m", term="pajtim") for n in range(30_000)]
    issues.append(Issue("MV403", "c00001", "m", term="pajtim"))  # named once
    issues.append(Issue("MV403", "z", "m", term="Pajtim"))
    started = time.process_time()
    text = _spellings(issues)
    assert time.process_time() - started < 1.0  # (about 8 s before)
    names = ", ".join(f"'c{n:05d}'" for n in range(10))
    assert text == f"'pajtim' ({names}) and 29991 more (every one in --format json)"
