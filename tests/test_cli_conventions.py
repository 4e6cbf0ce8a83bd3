"""The command line behaves as its users' other tools do: options after the command,
clickable findings, SARIF that validates, exit codes, full lines in pipes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from test_checkpo import write_po
from test_progress import read_terminal

from moci_vocab.cli import cli

SCHEMA = Path(__file__).parent / "fixtures" / "sarif" / "sarif-schema-2.1.0.json"
FINDING_LINE = re.compile(r"^(?P<path>[^:\s][^:]*):(?P<line>\d+):(?P<col>\d+): (?P<code>MV\d{3}) ")


def invoke(*args: str, cwd: Path | None = None):
    """Run the CLI in-process (in ``cwd`` when given)."""
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(cli, list(args))
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return runner.invoke(cli, list(args))
    finally:
        os.chdir(old)


@pytest.fixture
def broken(seeded):
    """The seeded glossary with an error (no source term) and a warning (double space)."""
    path = seeded.root / "terms" / "resilience.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("capacity to", "capacity  to"), encoding="utf-8")
    (seeded.root / "terms" / "orphan.yaml").write_text(
        "id: orphan\nterms:\n  sq:\n    - term: jetim\n      status: preferred\n",
        encoding="utf-8",
    )
    return seeded


def test_global_options_after_the_command(seeded):
    root = str(seeded.root)
    before = invoke("--root", root, "--quiet", "--format", "json", "list")
    after = invoke("list", "--root", root, "--quiet", "--no-color", "--format", "json")
    assert before.exit_code == after.exit_code == 0, after.output
    assert json.loads(before.stdout) == json.loads(after.stdout)
    assert len(json.loads(after.stdout)) == 3
    # --format given to the group is the command's default, and refused where it does not apply
    sarif = invoke("--root", root, "--format", "sarif", "check")
    assert sarif.exit_code == 0 and json.loads(sarif.stdout)["version"] == "2.1.0"
    refused = invoke("--root", root, "--format", "sarif", "stats")
    assert refused.exit_code == 2 and "'text', 'json'" in refused.output


def test_unknown_choice_and_mistyped_command_exit_2_with_help(seeded):
    result = invoke("--root", str(seeded.root), "list", "--status", "aproved")
    assert result.exit_code == 2
    assert "'draft', 'approved', 'retired'" in result.output
    result = invoke("translte", "x", "sq", "y")
    assert result.exit_code == 2 and "Did you mean 'translate'?" in result.output
    assert invoke("frobnicate").exit_code == 2


def test_text_findings_are_clickable_and_paths_agree_in_every_format(broken):
    result = invoke("check", "--root", "g", cwd=broken.root.parent)
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if FINDING_LINE.match(line)]
    assert lines, result.stdout
    text_paths = {FINDING_LINE.match(line)["path"] for line in lines}
    assert "g/terms/orphan.yaml" in text_paths and "g/terms/resilience.yaml" in text_paths
    assert any(" MV104 error: " in line for line in lines)
    as_json = json.loads(
        invoke("check", "--root", "g", "--format", "json", cwd=broken.root.parent).stdout
    )
    assert {f["file"] for f in as_json["findings"]} == text_paths
    github = invoke("check", "--root", "g", "--format", "github", cwd=broken.root.parent).stdout
    assert {re.search(r"file=([^,]+)", line)[1] for line in github.splitlines()} == text_paths
    sarif = json.loads(
        invoke("check", "--root", "g", "--format", "sarif", cwd=broken.root.parent).stdout
    )
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for result in sarif["runs"][0]["results"]
        for loc in result["locations"]
    }
    assert uris == text_paths


def test_fail_on_warning(broken):
    root = broken.root
    (root / "terms" / "orphan.yaml").unlink()
    assert invoke("--root", str(root), "check").exit_code == 0  # only a warning is left
    result = invoke("--root", str(root), "check", "--fail-on", "warning")
    assert result.exit_code == 1 and "MV203 warning" in result.stdout
    assert invoke("--root", str(root), "check", "--fail-on", "notice").exit_code == 2


def test_check_po_fail_on_warning_and_text_lines(seeded, tmp_path):
    po = write_po(
        tmp_path / "sq.po", "sq", [("Reconciliation", "Pajtimi"), ("reconciliation", "pajtim")]
    )
    ok = invoke("--root", str(seeded.root), "check-po", str(po))
    assert ok.exit_code == 0, ok.output
    bad = write_po(tmp_path / "bad.po", "sq", [("Reconciliation first", "Paqja e parë")])
    result = invoke("check-po", str(bad), "--root", str(seeded.root), cwd=tmp_path)
    assert result.exit_code == 1
    assert any(
        (m := FINDING_LINE.match(line)) and m["path"] == "bad.po" and m["code"] == "MV601"
        for line in result.stdout.splitlines()
    ), result.stdout


def _validate(sarif_text: str) -> dict:
    data = json.loads(sarif_text)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    return data


def test_sarif_validates_and_carries_full_rule_metadata(broken, tmp_path):
    result = invoke("--root", str(broken.root), "check", "--format", "sarif")
    data = _validate(result.stdout)
    run = data["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    for rule in rules.values():
        assert rule["fullDescription"]["text"] and rule["shortDescription"]["text"]
        assert rule["helpUri"].endswith(f"docs/checks.md#{rule['id'].lower()}")
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert rules["MV104"]["defaultConfiguration"]["level"] == "error"
    assert rules["MV203"]["defaultConfiguration"]["level"] == "warning"
    assert run["invocations"][0]["executionSuccessful"] is True
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"].startswith("file://")
    fingerprints = [r["partialFingerprints"]["mociFinding/v1"] for r in run["results"]]
    assert len(set(fingerprints)) == len(fingerprints) > 1
    # the fingerprint does not follow the line: the same finding after lines moved
    path = broken.root / "terms" / "resilience.yaml"
    path.write_text("\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    again = json.loads(invoke("--root", str(broken.root), "check", "--format", "sarif").stdout)
    assert set(fingerprints) <= {
        r["partialFingerprints"]["mociFinding/v1"] for r in again["runs"][0]["results"]
    }
    po = write_po(tmp_path / "sq.po", "sq", [("Reconciliation first", "Paqja e parë")])
    po_sarif = _validate(
        invoke("--root", str(broken.root), "check-po", str(po), "--format", "sarif").stdout
    )
    po_rules = po_sarif["runs"][0]["tool"]["driver"]["rules"]
    assert all(r["helpUri"].endswith(f"check-po.md#{r['id'].lower()}") for r in po_rules)


def test_every_rule_has_its_anchor_in_the_docs():
    from moci_vocab.checkpo.run import rules as po_rules
    from moci_vocab.checks.registry import RULES

    docs = Path(__file__).resolve().parent.parent / "docs"
    for rule in [*RULES.values(), *po_rules().values()]:
        page = (docs / f"{rule.page}.md").read_text(encoding="utf-8")
        assert f'<a id="{rule.code.lower()}"></a>' in page, rule.code


def test_suppressed_findings_do_not_fail_and_are_sarif_suppressions():
    from moci_vocab.findings import Finding, fails
    from moci_vocab.report import render_json, render_sarif

    finding = Finding("MV601", "error", "missing", file="a.po", line=3, suppressed="baseline")
    assert not fails([finding], "warning")
    assert json.loads(render_json([finding]))["findings"][0]["suppressed"] == "baseline"
    sarif = _validate(render_sarif([finding], {}))
    assert sarif["runs"][0]["results"][0]["suppressions"][0]["justification"] == "baseline"


def test_pipes_get_full_width_plain_lines(seeded):
    """`list | grep` finds every term: no 80-column cut, no ellipsis, no colour codes."""
    long = "a definition long enough to be cut at eighty columns " * 3
    seeded("edit", "resilience", "--definition", f"en={long.strip()}")
    env = {**os.environ, "COLUMNS": "40", "TERM": "xterm", "FORCE_COLOR": ""}
    env.pop("FORCE_COLOR")
    for args, wanted in (
        (("list", "--lang", "sq"), ["qëndrueshmëri", "ndërtim i paqes", long.strip()]),
        (("search", "pajtim"), ["reconciliation"]),
        (("stats",), ["coverage", "unreviewed"]),
    ):
        piped = subprocess.run(
            [sys.executable, "-m", "moci_vocab", "--root", str(seeded.root), *args],
            capture_output=True,
            env=env,
            check=False,
        )
        out = piped.stdout.decode("utf-8")
        assert piped.returncode == 0, piped.stderr
        assert "…" not in out and "\x1b" not in out, out
        for word in wanted:
            assert word in out, (args, word, out)


def test_search_without_a_hit_exits_1(seeded):
    assert invoke("--root", str(seeded.root), "search", "zzzzqqq").exit_code == 1
    assert invoke("--root", str(seeded.root), "search", "pajtim").exit_code == 0


def test_search_shows_no_noise_beside_a_strong_hit():
    """On the shipped glossary `pajtim` is reconciliation; përkujtim (72) is not listed."""
    repo = Path(__file__).resolve().parent.parent
    result = invoke("--root", str(repo), "search", "pajtim", "--format", "json")
    hits = json.loads(result.stdout)
    assert [(h["concept"], h["term"]) for h in hits] == [("reconciliation", "pajtim")]
    weak = json.loads(invoke("--root", str(repo), "search", "pajtm", "--format", "json").stdout)
    assert weak and weak[0]["concept"] == "reconciliation"


def test_init_requires_only_the_source_language_unless_told(tmp_path):
    import yaml

    assert invoke("init", str(tmp_path / "a"), "--languages", "sq,ka").exit_code == 0
    manifest = yaml.safe_load((tmp_path / "a" / "glossary" / "glossary.yaml").read_text())
    required = {tag for tag, spec in manifest["languages"].items() if spec.get("required")}
    assert required == {"en"}
    result = invoke("init", str(tmp_path / "b"), "--languages", "sq,ka", "--required", "sq")
    assert result.exit_code == 0
    manifest = yaml.safe_load((tmp_path / "b" / "glossary" / "glossary.yaml").read_text())
    required = {tag for tag, spec in manifest["languages"].items() if spec.get("required")}
    assert required == {"en", "sq"}
    refused = invoke("init", str(tmp_path / "c"), "--languages", "sq", "--required", "hy")
    assert refused.exit_code == 1 and "hy" in refused.output
    assert not (tmp_path / "c" / "glossary").exists()


def test_check_po_takes_the_language_from_the_file_name_as_import_does(seeded, tmp_path):
    from moci_vocab.importers import language_from_filename as used_by_import
    from moci_vocab.languages import language_from_filename

    assert used_by_import is language_from_filename  # one answer for both commands
    rows = "source,target\nReconciliation first,Paqja e parë\n"
    (tmp_path / "glossary-sq.csv").write_text(rows, encoding="utf-8")
    (tmp_path / "x.csv").write_text(rows, encoding="utf-8")
    result = invoke(
        "--root", str(seeded.root), "check-po", "glossary-sq.csv", "x.csv", cwd=tmp_path
    )
    lines = result.stdout.splitlines()
    assert any(line.startswith("glossary-sq.csv:2:") and " MV601 " in line for line in lines)
    assert any(line.startswith("x.csv:1:1: MV605") and "--lang" in line for line in lines)


@pytest.mark.parametrize(
    ("broken", "wanted"),
    [
        # a key without its colon on line 9: PyYAML finds the problem at 10:13
        (("    - term pajtim", 8), ":10:13: MV001 error: is not valid YAML: mapping values"),
        # a tab in the indentation of line 7, named as such
        (("\t  status: preferred", 6), ":7:1: MV001 error: is not valid YAML: a tab character"),
    ],
    ids=["missing-colon", "tab"],
)
def test_yaml_errors_give_pyyaml_line_and_column(seeded, broken, wanted):
    path = seeded.root / "terms" / "reconciliation.yaml"
    lines = [
        "id: reconciliation",
        "status: draft",
        "definition: {}",
        "terms:",
        "  en:",
        "    - term: reconciliation",
        "      status: preferred",
        "  sq:",
        "    - term: pajtim",
        "      status: preferred",
    ]
    text, index = broken
    lines[index] = text
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = invoke("check", "--root", "g", cwd=seeded.root.parent)
    assert result.exit_code == 1
    found = [line for line in result.stdout.splitlines() if "MV001" in line]
    assert len(found) == 1 and found[0].startswith("g/terms/reconciliation.yaml" + wanted), found
    if "colon" in wanted:
        assert "colon missing on line 9" in found[0]


def test_a_broken_concept_file_is_named_once_and_reading_goes_on(seeded):
    path = seeded.root / "terms" / "reconciliation.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  sq:", "\tsq:"), encoding="utf-8")
    root = str(seeded.root)
    for args, wanted in (
        (("show", "resilience"), "qëndrueshmëri"),
        (("list",), "resilience"),
        (("search", "paqes"), "peacebuilding"),
        (("stats",), "sq"),
    ):
        result = invoke("--root", root, *args)
        assert result.exit_code == 0, (args, result.output)
        assert wanted in result.stdout and "reconciliation" not in result.stdout
        named = [line for line in result.stderr.splitlines() if "reconciliation.yaml" in line]
        assert len(named) == 1 and named[0].startswith("skipped "), result.stderr
    shown = invoke("--root", root, "show", "reconciliation")
    assert shown.exit_code == 1 and shown.stderr.count("reconciliation.yaml") == 1
    assert "tab character" in shown.stderr
    assert invoke("--root", root, "export", "csv", "-o", str(seeded.root / "out")).exit_code == 1


def test_the_booklet_refuses_languages_without_a_font(tmp_path):
    root = tmp_path / "g"
    assert invoke("init", str(root), "--languages", "sq,ja,zh-Hans").exit_code == 0
    added = invoke(
        "--root",
        str(root),
        "add",
        "peace",
        "--term",
        "en=peace",
        "--term",
        "sq=paqe",
        "--term",
        "ja=平和",
        "--yes",
    )
    assert added.exit_code == 0, added.output
    out = tmp_path / "out"
    result = invoke("--root", str(root), "export", "booklet", "-o", str(out))
    assert result.exit_code == 1
    assert "no font for ja (Japanese, script Jpan), zh-Hans (" in result.stderr
    assert "--lang en,sq" in result.stderr
    assert not out.exists() or not list(out.glob("*.pdf"))
    every = invoke("--root", str(root), "export", "all", "-o", str(out))
    assert every.exit_code == 1 and "booklet: the booklet has no font for ja" in every.stderr
    assert (out / "ja.po").is_file()  # the other formats are written


@pytest.mark.skipif(os.name == "nt", reason="pseudo-terminals are POSIX")
def test_booklet_progress_per_part_on_a_terminal_only(seeded, tmp_path):
    from test_progress import run_in_a_pipe, run_on_terminal

    out = tmp_path / "out"
    status, drawn = run_on_terminal(seeded.root, "export", "booklet", "-o", str(out))
    assert status == 0
    assert re.search(r"exporting booklet: part \d+/\d+", drawn), drawn
    piped = run_in_a_pipe(seeded.root, "export", "booklet", "-o", str(out))
    assert piped.returncode == 0 and "part" not in piped.stderr
    quiet_status, quiet = run_on_terminal(
        seeded.root, "--quiet", "export", "booklet", "-o", str(out)
    )
    assert quiet_status == 0 and "exporting" not in quiet


@pytest.mark.skipif(os.name == "nt", reason="pseudo-terminals are POSIX")
def test_no_color_after_the_command_on_a_terminal(seeded):
    import pty

    def on_terminal(*args: str) -> str:
        master, slave = pty.openpty()
        env = {**os.environ, "TERM": "xterm"}
        env.pop("NO_COLOR", None)
        process = subprocess.Popen(
            [sys.executable, "-m", "moci_vocab", "stats", *args],
            stdout=slave,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        os.close(slave)
        drawn = read_terminal(master)
        assert process.wait() == 0
        return drawn

    assert "\x1b[" in on_terminal("--root", str(seeded.root))
    plain = on_terminal("--root", str(seeded.root), "--no-color")
    assert "\x1b[" not in plain, repr(plain[max(0, plain.find("\x1b[") - 60) :][:120])
    assert "required language" in plain


def _drawn_on_terminal(root: Path, columns: int, *args: str) -> str:
    """What `moci-vocab --root ROOT ARGS` draws on a pseudo-terminal COLUMNS cells wide."""
    import pty

    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": str(columns), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "moci_vocab", "--root", str(root), *args]
    process = subprocess.Popen(command, stdout=slave, stderr=subprocess.DEVNULL, env=env)
    os.close(slave)
    drawn = read_terminal(master)
    assert process.wait() == 0
    return drawn.replace("\r\n", "\n")


@pytest.mark.skipif(os.name == "nt", reason="pseudo-terminals are POSIX")
@pytest.mark.parametrize("columns", [40, 80, 120])
def test_list_on_a_terminal_never_squeezes_ids_and_terms_for_definitions(seeded, columns):
    """At 80 columns the definitions' column (up to 60 cells, never wrapped) took the
    room and cut ids and terms to 'rec…'; at 40 only definitions were left. Now the
    definitions take what the ids and terms leave, and are left out under 20 cells."""
    seeded("add", "culture-of-solidarity", "--term", "en=Culture of Solidarity", "--yes")
    seeded("translate", "culture-of-solidarity", "sq", "Kultura e Solidaritetit", "--yes")
    long = "A grant programme of the European Cultural Foundation for cultural initiatives."
    seeded("edit", "culture-of-solidarity", "--definition", f"en={long}")
    drawn = _drawn_on_terminal(seeded.root, columns, "list", "--lang", "sq")
    lines = drawn.splitlines()
    assert all(len(line.rstrip()) <= columns for line in lines), drawn
    assert "definition" not in lines[0] or columns == 120, drawn
    if columns == 40:  # the ids and terms alone are wider: rich wraps them, as it can
        return
    row = next((line for line in lines if "culture-of-solidarity" in line), drawn)
    assert "Culture of Solidarity" in row and "Kultura e Solidaritetit" in row, drawn
    if columns == 120:
        assert "A grant programme of the European" in row and "…" in row, drawn
    else:
        assert "definition" not in lines[0] and "A grant" not in drawn, drawn


@pytest.mark.skipif(os.name == "nt", reason="pseudo-terminals are POSIX")
def test_stats_on_an_80_column_terminal_cuts_no_header_and_no_language(seeded):
    """The boxed table with names is ~118 cells: at 80 every header and name was cut
    ('lang…', 'sr-L…', 'pref…'). Now a narrower terminal gets it without the box, then
    without the languages' names, before anything is cut; a wide one as before."""
    drawn = _drawn_on_terminal(seeded.root, 80, "stats")
    assert "…" not in drawn and "┃" not in drawn, drawn
    table = [line for line in drawn.splitlines() if not line.startswith("* required")]
    assert all(len(line.rstrip()) <= 80 for line in table), drawn
    header = next(line for line in table if line.startswith("language"))
    assert header.split() == ["language", *_STATS_HEADERS], drawn
    assert "sr-Latn" in drawn and "sr-Cyrl" in drawn
    wide = _drawn_on_terminal(seeded.root, 130, "stats")
    assert "┃" in wide and "Serbian (Cyrillic)" in wide and "…" not in wide, wide


_STATS_HEADERS = [
    "preferred",
    "coverage",
    "terms",
    "draft",
    "reviewed",
    "approved",
    "unreviewed",
    "progress",
]


@pytest.mark.parametrize(
    "args",
    [
        ("list",),
        ("list", "--missing", "sq"),
        ("review",),
        ("review", "--lang", "hy"),
        ("search", "zzzq"),
    ],
)
def test_quiet_hides_counts_and_nothing_found(seeded, args):
    """--quiet: "only errors and requested data"; list's "N concept(s)", review's "N term(s)
    to review" / "nothing waits", search's "nothing found" were written all the same."""
    result = invoke("--root", str(seeded.root), "--quiet", *args)
    assert result.stderr == "", result.stderr
    assert invoke("--root", str(seeded.root), *args).stderr != ""
