"""`check --since REV`: only findings in concepts changed since a git revision."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from moci_vocab.checks import run_check
from moci_vocab.cli import cli
from tests.test_check import MANIFEST, concept, write_glossary

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
PLAIN = MANIFEST.replace("checks:\n  MV999: error\n", "")


def git(root, *args):
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, env=env)


@pytest.fixture
def repo(tmp_path):
    """A committed glossary with an old problem (a double space) in `old`."""
    root = write_glossary(
        tmp_path / "g",
        {
            "old": concept("old", "youth  work", "punë rinore"),
            "target": concept("target", "network", "rrjet"),
            "linker": concept("linker", "networking", "rrjetëzim", body="related:\n  - target\n"),
        },
        PLAIN,
    )
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    return root


def codes(result):
    return sorted((f.code, f.concept) for f in result.findings)


def test_since_reports_only_changed_and_new_concepts(repo):
    (repo / "terms" / "new.yaml").write_text(concept("new", "art", "'art '"), encoding="utf-8")
    (repo / "terms" / "target.yaml").write_text(
        concept("target", "network", "rrjet", head="tags:\n  - nope\n"), encoding="utf-8"
    )
    assert ("MV203", "old") in codes(run_check(repo))
    result = run_check(repo, since="HEAD")
    assert codes(result) == [("MV103", "target"), ("MV202", "new")]
    assert result.changed == ["new", "target"]


def test_since_keeps_problems_a_deletion_causes_elsewhere(repo):
    (repo / "terms" / "target.yaml").unlink()
    result = run_check(repo, since="HEAD")
    assert codes(result) == [("MV501", "linker")]


def test_since_keeps_both_sides_of_a_new_near_duplicate(repo):
    (repo / "terms" / "typo.yaml").write_text(
        concept("typo", "netwrk", "rrjet social"), encoding="utf-8"
    )
    result = run_check(repo, since="HEAD")
    assert codes(result) == [("MV401", "target")]
    assert [concept for *_, concept in result.findings[0].locations] == ["target", "typo"]


def test_since_with_a_changed_manifest_reports_everything(repo):
    manifest = repo / "glossary" / "glossary.yaml"
    manifest.write_text(manifest.read_text("utf-8") + "checks: {MV203: error}\n", "utf-8")
    result = run_check(repo, since="HEAD")
    assert ("MV203", "old") in codes(result)
    assert result.findings[0].severity == "error"


def test_since_in_a_subfolder_of_the_repository(tmp_path):
    top = tmp_path / "top"
    root = write_glossary(top / "vocab", {"a": concept("a", "art", "art")}, PLAIN)
    git(top, "init", "-q")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "base")
    (root / "terms" / "a.yaml").write_text(concept("a", "'art '", "art"), encoding="utf-8")
    (root / "terms" / "b.yaml").write_text(concept("b", "music  x", "muzikë"), encoding="utf-8")
    assert codes(run_check(root, since="HEAD")) == [("MV202", "a"), ("MV203", "b")]


def test_cli_since_unknown_revision_is_one_clear_error(repo):
    result = CliRunner().invoke(cli, ["--root", str(repo), "check", "--since", "no-such-branch"])
    assert result.exit_code == 1
    assert "unknown revision 'no-such-branch'" in result.output
    assert "Traceback" not in result.output


def test_cli_since_outside_git_is_one_clear_error(tmp_path):
    root = write_glossary(tmp_path / "g", {}, PLAIN)
    result = CliRunner().invoke(cli, ["--root", str(root), "check", "--since", "HEAD"])
    assert result.exit_code == 1
    assert "not inside a git repository" in result.output


def test_cli_since_json_summary(repo):
    result = CliRunner().invoke(cli, ["--root", str(repo), "check", "--since", "HEAD", "-f"])
    assert result.exit_code == 2  # usage error: -f is no option
    result = CliRunner().invoke(
        cli, ["--root", str(repo), "check", "--since", "HEAD", "--format", "json"]
    )
    assert result.exit_code == 0
    summary = json.loads(result.stdout)["summary"]
    assert summary["since"] == "HEAD"
    assert summary["changed_concepts"] == 0
    assert json.loads(result.stdout)["findings"] == []


@pytest.mark.skipif(os.name == "nt", reason="a file name that is not UTF-8 (POSIX bytes)")
@pytest.mark.parametrize("committed", [True, False])
def test_a_file_name_that_is_not_utf8_is_a_finding_not_a_crash(repo, committed):
    """A pull request can commit `terms/\\xff.yaml`: git names it in bytes; `--since` read
    them as UTF-8 and stopped with an "unexpected UnicodeDecodeError (a bug)"."""
    name = os.path.join(os.fsencode(repo / "terms"), b"\xff.yaml")
    with open(name, "wb") as handle:
        handle.write(concept("x", "x", "x").encode("utf-8"))
    if committed:
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", "a name that is not UTF-8")
    rev = "HEAD~1" if committed else "HEAD"
    result = CliRunner().invoke(cli, ["--root", str(repo), "check", "--since", rev])
    assert result.exit_code == 1, result.output
    assert "unexpected" not in result.output
    assert "terms/\\udcff.yaml:1:1: MV004 error: id 'x' differs from the file name" in result.stdout
