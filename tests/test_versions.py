"""`diff` and `release` end to end, on real temporary git repositories (issue 7)."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import Moci, snapshot

DAY = "2026-01-01"


@pytest.fixture
def git_env(monkeypatch, tmp_path):
    """Git that ignores the machine's configuration, with an identity and a fixed date."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    for who in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{who}_NAME", "Test Maintainer")
        monkeypatch.setenv(f"GIT_{who}_EMAIL", "maintainer@example.org")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01


def git(cwd: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return result.stdout


def commit(moci: Moci, message: str = "change") -> None:
    git(moci.root, "add", "-A")
    git(moci.root, "commit", "-q", "-m", message)


def version(moci: Moci) -> str:
    manifest = yaml.safe_load((moci.root / "glossary" / "glossary.yaml").read_text("utf-8"))
    return manifest["version"]


def changelog(moci: Moci) -> str:
    return (moci.root / "glossary" / "CHANGELOG.md").read_text("utf-8")


def top_section(moci: Moci) -> str:
    text = changelog(moci)
    first = text.index("\n## ")
    second = text.find("\n## ", first + 1)
    return text[first + 1 : second if second != -1 else None]


def add_reconciliation(moci: Moci) -> None:
    moci(
        "add", "reconciliation", "--term", "en=reconciliation", "--term", "sq=pajtim",
        "--term", "ka=შერიგება", "--definition", "en=Restoring trust after conflict.",
        "--tag", "core", "--yes",
    )  # fmt: skip


def add_resilience(moci: Moci) -> None:
    moci(
        "add", "resilience", "--term", "en=resilience", "--term", "sq=qëndrueshmëri",
        "--definition", "en=The capacity to recover from difficulties.", "--yes",
    )  # fmt: skip


@pytest.fixture
def repo(moci: Moci, git_env) -> Moci:
    """A glossary in a git repository, released and tagged as v0.1.0 (one concept)."""
    git(moci.root, "init", "-q")
    add_reconciliation(moci)
    commit(moci, "first concept")
    moci("release", "--yes")
    commit(moci, "release 0.1.0")
    moci("release", "--tag", "--yes")
    assert git(moci.root, "tag", "--list").split() == ["v0.1.0"]
    return moci


def release(moci: Moci, *args: str) -> str:
    """`release --bump auto --yes`; the new version."""
    moci("release", "--bump", "auto", "--yes", *args)
    return version(moci)


# --------------------------------------------------------------------------- what must show


def test_first_release_publishes_the_manifest_version(repo):
    assert version(repo) == "0.1.0"
    text = changelog(repo)
    assert text.startswith("# Changelog of g\n\n## 0.1.0 — 2026-01-01\n")
    assert "- Concept `reconciliation` added: en `reconciliation`, sq `pajtim`" in text


def test_adding_a_concept_gives_a_minor_release(repo):
    add_resilience(repo)
    assert release(repo) == "0.2.0"
    section = top_section(repo)
    assert section.startswith(f"## 0.2.0 — {DAY}\n\nMinor release, compared with `v0.1.0`")
    assert "### Added\n\n- Concept `resilience` added: en `resilience`, sq `qëndrueshmëri`\n" in (
        section
    )
    assert "## 0.1.0" in changelog(repo)  # the older section stays, below


def test_adding_a_term_gives_a_minor_release(repo):
    repo("translate", "reconciliation", "hy", "հաշտեցում")
    assert release(repo) == "0.2.0"
    assert "- `reconciliation`: hy term `հաշտեցում` added (preferred)" in top_section(repo)


def test_deprecating_a_preferred_term_gives_a_major_release(repo):
    repo("deprecate", "reconciliation", "sq", "pajtim")
    assert release(repo) == "1.0.0"
    section = top_section(repo)
    assert section.startswith(f"## 1.0.0 — {DAY}\n\nMajor release")
    assert (
        "### Deprecated\n\n- `reconciliation`: sq term `pajtim` preferred → deprecated "
        "**(breaking)**" in section
    )


def test_demoting_a_preferred_term_gives_a_major_release(repo):
    repo("translate", "reconciliation", "sq", "pajtueshmëri", "--status", "preferred")
    assert release(repo) == "1.0.0"
    section = top_section(repo)
    assert "sq term `pajtim` preferred → admitted **(breaking)**" in section
    assert "sq term `pajtueshmëri` added (preferred)" in section


def test_removing_or_renaming_a_concept_gives_a_major_release(repo):
    repo("rename", "reconciliation", "peace-reconciliation")
    assert release(repo) == "1.0.0"
    assert (
        "### Renamed\n\n- Concept `reconciliation` renamed to `peace-reconciliation` "
        "**(breaking)**" in top_section(repo)
    )


def test_editing_a_definition_gives_a_patch_release(repo):
    repo("edit", "reconciliation", "--definition", "en=Rebuilding trust after conflict.")
    assert release(repo) == "0.1.1"
    section = top_section(repo)
    assert section.startswith(f"## 0.1.1 — {DAY}\n\nPatch release")
    assert (
        "- `reconciliation`: en definition changed from “Restoring trust after conflict\\.” "
        not in section
    )
    assert (
        "- `reconciliation`: en definition changed from “Restoring trust after conflict.” "
        "to “Rebuilding trust after conflict.”" in section
    )


def test_review_and_note_changes_give_a_patch_release(repo):
    repo("translate", "reconciliation", "ka", "შერიგება", "--review", "reviewed")
    repo("edit", "reconciliation", "--note", "en=Used in the mission statement.")
    assert release(repo) == "0.1.1"
    section = top_section(repo)
    assert "ka term `შერიგება`: review set to `reviewed`" in section
    assert "en note added: “Used in the mission statement.”" in section


def test_the_changelog_lists_each_change_and_the_highest_level_wins(repo):
    add_resilience(repo)
    repo("translate", "reconciliation", "hy", "հաշտեցում")
    repo("edit", "reconciliation", "--definition", "sq=Rikthimi i besimit.")
    repo("deprecate", "reconciliation", "ka", "შერიგება")
    assert release(repo) == "1.0.0"
    section = top_section(repo)
    bullets = [line for line in section.splitlines() if line.startswith("- ")]
    assert bullets == [
        "- `reconciliation`: hy term `հաշտեցում` added (preferred)",
        "- Concept `resilience` added: en `resilience`, sq `qëndrueshmëri`",
        "- `reconciliation`: sq definition added: “Rikthimi i besimit.”",
        "- `reconciliation`: ka term `შერიგება` preferred → deprecated **(breaking)**",
    ]


def test_diff_json_reports_each_change_with_its_kind(repo):
    add_resilience(repo)
    repo(
        "add", "pilot-phase", "--term", "en=pilot phase", "--term", "sq=faza pilot",
        "--definition", "en=A first, small run of a programme.", "--yes",
    )  # fmt: skip
    repo("edit", "reconciliation", "--add-related", "resilience")
    commit(repo)
    base = git(repo.root, "rev-parse", "HEAD").strip()
    repo("translate", "reconciliation", "hy", "հաշտեցում")
    repo("deprecate", "reconciliation", "sq", "pajtim")
    repo("edit", "reconciliation", "--definition", "en=Rebuilding trust.")
    repo("rename", "resilience", "resilience-capacity")
    repo("remove", "pilot-phase", "--yes")
    add_concept = ("add", "co-creation", "--term", "en=co-creation", "--yes")
    repo(*add_concept)

    data = repo.json("diff", base)
    assert data["from"] == base and data["to"] is None
    got = [
        (c["concept"], c["kind"], c["lang"], c["field"], c["old"], c["new"], c["level"])
        for c in data["changes"]
    ]
    assert got == [
        ("co-creation", "added", None, None, None, {"en": "co-creation"}, "minor"),
        ("pilot-phase", "removed", None, None,
         {"en": "pilot phase", "sq": "faza pilot"}, None, "major"),
        ("reconciliation", "changed", "en", "definition",
         "Restoring trust after conflict.", "Rebuilding trust.", "patch"),
        ("reconciliation", "changed", "sq", "term.status", "preferred", "deprecated", "major"),
        ("reconciliation", "added", "hy", "term", None, "հաշտեցում", "minor"),
        ("resilience-capacity", "renamed", None, "id",
         "resilience", "resilience-capacity", "major"),
    ]  # fmt: skip
    assert data["bump"] == "major"
    assert data["from_version"] == "0.1.0"
    # The rename rewrote reconciliation's `related`, which is not reported as a change.
    assert not [c for c in data["changes"] if c["field"] == "related"]


def test_diff_defaults_to_the_last_release_and_the_working_tree(repo):
    add_resilience(repo)
    data = repo.json("diff")
    assert data["from"] == "v0.1.0" and data["to"] is None
    assert [(c["concept"], c["kind"]) for c in data["changes"]] == [("resilience", "added")]


def test_the_last_release_is_the_highest_tag_in_semver_order(repo):
    add_resilience(repo)
    commit(repo)
    git(repo.root, "tag", "v0.10.0")
    repo("translate", "reconciliation", "hy", "հաշտեցում")
    commit(repo)
    git(repo.root, "tag", "v0.9.0")  # newer commit, lower version
    git(repo.root, "tag", "not-a-release")
    data = repo.json("diff")
    assert data["from"] == "v0.10.0"
    assert [c["field"] for c in data["changes"]] == ["term"]


def test_diff_between_two_commits_reads_git_and_leaves_the_working_tree_alone(repo):
    add_resilience(repo)
    commit(repo)
    repo("edit", "reconciliation", "--definition", "en=Uncommitted edit.")
    (repo.root / "terms" / "broken.yaml").write_text("id: [unclosed\n", "utf-8")
    before = snapshot(repo.root)
    data = repo.json("diff", "v0.1.0", "HEAD")
    assert data["to"] == "HEAD"
    assert [(c["concept"], c["kind"]) for c in data["changes"]] == [("resilience", "added")]
    assert snapshot(repo.root) == before


def test_a_broken_file_at_a_revision_is_named_with_revision_and_line(repo):
    (repo.root / "terms" / "broken.yaml").write_text("id: broken\nterms: [unclosed\n", "utf-8")
    commit(repo)
    (repo.root / "terms" / "broken.yaml").unlink()
    result = repo("diff", "HEAD", ok=False)
    assert result.exit_code == 1
    assert "HEAD:terms/broken.yaml:" in result.output
    assert "is not valid YAML" in result.output


def test_a_file_name_that_is_not_utf8_at_a_revision_is_one_clear_error(repo):
    # A pull request can commit terms/b\xe9.yaml (a Latin-1 name): `diff REV REV` (the
    # glossary-diff workflow) stopped with "unexpected UnicodeDecodeError (a bug)".
    name = os.fsdecode(b"b\xe9.yaml")
    (repo.root / "terms" / name).write_text("id: b\nterms: {en: [b]}\n", "utf-8")
    commit(repo)
    result = repo("diff", "HEAD~1", "HEAD", ok=False)
    assert result.exit_code == 1, result.output
    assert "unexpected" not in result.output and len(result.output.splitlines()) == 1
    assert "HEAD:terms/b\\udce9.yaml:1:" in result.output, result.output


def test_diff_text_and_markdown(repo):
    add_resilience(repo)
    repo("deprecate", "reconciliation", "sq", "pajtim")
    text = repo("diff").stdout
    assert "Changes from v0.1.0 to the working tree" in text
    assert "+ Concept resilience added: en resilience, sq qëndrueshmëri" in text
    assert "~ reconciliation: sq term pajtim preferred → deprecated (breaking)" in text
    assert "Suggested release: major (0.1.0 → 1.0.0)." in text
    markdown = repo("diff", "--format", "markdown").stdout
    assert markdown.startswith("<!-- moci-vocab diff -->\n### Glossary changes: `v0.1.0` → ")
    assert "#### Added\n\n- Concept `resilience` added" in markdown
    assert "Suggested release: major (`0.1.0` → `1.0.0`)." in markdown


def test_markdown_escapes_what_it_embeds(repo):
    repo(
        "edit", "reconciliation",
        "--definition", "en=Trust <img src=x onerror=alert(1)> for @everyone *now* | [x](y)",
    )  # fmt: skip
    repo("translate", "reconciliation", "sq", "pa`jtim", "--status", "admitted", "--yes")
    markdown = repo("diff", "--format", "markdown").stdout
    assert not re.search(r"(?<!\\)<img", markdown)  # every < escaped
    assert "\\<img src=x onerror=alert(1)\\>" in markdown
    assert "\\@everyone \\*now\\* \\| \\[x\\](y)" in markdown
    assert "sq term ``pa`jtim`` added" in markdown


def test_diff_with_no_changes(repo):
    assert repo.json("diff")["changes"] == []
    assert "No changes to concepts or terms." in repo("diff", "--format", "markdown").stdout


def test_glossary_in_a_subfolder_of_the_repository(moci, git_env, tmp_path):
    top = moci.root.parent
    git(top, "init", "-q")
    add_reconciliation(moci)
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "x")
    git(top, "tag", "v0.1.0")
    add_resilience(moci)
    data = moci.json("diff")
    assert [(c["concept"], c["kind"]) for c in data["changes"]] == [("resilience", "added")]
    assert release(moci) == "0.2.0"


# --------------------------------------------------------------------------- release flow


def test_release_then_commit_then_tag(repo):
    add_resilience(repo)
    release(repo)
    result = repo("release", "--tag", "--yes", ok=False)
    assert "differ from the last commit" in result.output
    assert "glossary/glossary.yaml" in result.output
    assert git(repo.root, "tag", "--list").split() == ["v0.1.0"]
    # Preparing again before tagging is refused: the prepared version waits for its tag.
    again = repo("release", "--yes", ok=False)
    assert "0.2.0 is prepared but not tagged yet" in again.output
    commit(repo, "release 0.2.0")
    repo("release", "--tag", "--yes")
    assert "v0.2.0" in git(repo.root, "tag", "--list").split()
    message = git(repo.root, "tag", "--list", "--format=%(contents)", "v0.2.0")
    assert message.startswith("g 0.2.0\n\n## 0.2.0 — 2026-01-01\n")
    assert "### Added" in message  # markdown headings survive git's message cleanup
    assert git(repo.root, "cat-file", "-t", "v0.2.0").strip() == "tag"  # annotated
    # The next release compares with v0.2.0.
    repo("edit", "resilience", "--definition", "en=The capacity to recover.")
    assert release(repo) == "0.2.1"
    assert "compared with `v0.2.0`" in top_section(repo)


def test_tag_without_a_prepared_release_is_refused(repo):
    result = repo("release", "--tag", "--yes", ok=False)
    assert "v0.1.0 exists already" in result.output
    repo("edit", "reconciliation", "--definition", "en=Changed.")
    commit(repo)
    manifest = repo.root / "glossary" / "glossary.yaml"
    manifest.write_text(manifest.read_text("utf-8").replace("0.1.0", "0.1.1"), "utf-8")
    commit(repo)
    result = repo("release", "--tag", "--yes", ok=False)
    assert "has no section for 0.1.1" in result.output


def test_tag_and_bump_together_is_a_usage_error(repo):
    result = repo("release", "--tag", "--bump", "minor", ok=None)
    assert result.exit_code == 2


def test_nothing_changed_says_so_and_changes_nothing(repo):
    before = snapshot(repo.root)
    result = repo("release", "--bump", "auto", "--yes")
    assert "nothing changed since v0.1.0; nothing to release" in result.output
    assert snapshot(repo.root) == before
    data = repo.json("release", "--yes")
    assert data["released"] is False and data["version"] == "0.1.0"


def test_an_explicit_bump_releases_even_without_changes(repo):
    assert repo.json("release", "--bump", "major", "--yes")["version"] == "1.0.0"
    assert "no changes to concepts or terms" in top_section(repo)


def test_explicit_bump_overrides_auto(repo):
    repo("edit", "reconciliation", "--definition", "en=Changed.")
    repo("release", "--bump", "minor", "--yes")
    assert version(repo) == "0.2.0"


def test_dry_run_prints_the_section_and_changes_nothing(repo):
    add_resilience(repo)
    before = snapshot(repo.root)
    result = repo("release", "--dry-run")
    assert result.stdout.startswith(f"## 0.2.0 — {DAY}\n")
    assert snapshot(repo.root) == before
    result = repo("release", "--tag", "--dry-run", ok=False)  # nothing prepared
    assert snapshot(repo.root) == before


def test_release_without_yes_in_a_script_refuses(repo):
    add_resilience(repo)
    before = snapshot(repo.root)
    result = repo("release", ok=False)
    assert result.exit_code == 1
    assert "pass --yes" in result.output
    assert snapshot(repo.root) == before


def test_release_json(repo):
    add_resilience(repo)
    data = repo.json("release", "--yes")
    assert data["version"] == "0.2.0" and data["previous"] == "v0.1.0"
    assert data["bump"] == "minor" and data["changes"] == 1 and data["released"] is True
    assert sorted(Path(p).name for p in data["written"]) == ["CHANGELOG.md", "glossary.yaml"]


def test_release_keeps_the_manifest_canonical(repo):
    add_resilience(repo)
    release(repo)
    repo("fmt", "--check")


def test_a_version_that_is_not_semver_is_named_with_its_line(repo):
    manifest = repo.root / "glossary" / "glossary.yaml"
    manifest.write_text(manifest.read_text("utf-8").replace("0.1.0", "one"), "utf-8")
    result = repo("release", "--yes", ok=False)
    assert "glossary.yaml:2: 'one' is not a semantic version" in result.output


# --------------------------------------------------------------------------- errors


def test_outside_a_git_repository(moci, git_env):
    result = moci("diff", ok=False)
    assert result.exit_code == 1
    assert "is not inside a git repository" in result.output
    result = moci("release", "--yes", ok=False)
    assert "is not inside a git repository" in result.output


def test_unknown_revision(repo):
    result = repo("diff", "no-such-tag", ok=False)
    assert result.exit_code == 1
    assert "unknown revision 'no-such-tag'" in result.output
    # A revision that looks like an option never reaches git as one.
    result = repo("diff", "v0.1.0", "--", "--output=x", ok=False)
    assert result.exit_code == 1
    assert "'--output=x' is not a git revision" in result.output
    assert not (repo.root / "x").exists()


def test_too_many_revisions_is_a_usage_error(repo):
    assert repo("diff", "a", "b", "c", ok=None).exit_code == 2


def test_diff_json_is_valid_json_via_the_console_script(repo):
    add_resilience(repo)
    out = subprocess.run(
        ["moci-vocab", "--root", str(repo.root), "diff", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(out)["changes"][0]["concept"] == "resilience"


def test_a_second_diff_from_the_revision_cache_gives_the_same_answer(repo):
    add_resilience(repo)
    repo("deprecate", "reconciliation", "sq", "pajtim")
    first = repo.json("diff", "v0.1.0")
    assert (repo.root / ".moci-cache" / "revision-concepts.pickle").is_file()
    assert repo.json("diff", "v0.1.0") == first
    assert len(first["changes"]) == 2


def test_tag_is_refused_while_a_concept_file_is_untracked(repo):
    repo("release", "--bump", "patch", "--yes")
    commit(repo, "release 0.1.1")
    add_resilience(repo)  # a new, untracked terms/resilience.yaml
    result = repo("release", "--tag", "--yes", ok=False)
    assert "terms/resilience.yaml differ from the last commit" in result.output
    assert "v0.1.1" not in git(repo.root, "tag", "--list").split()
