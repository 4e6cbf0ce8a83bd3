"""Git is never run in a repository a pull request planted (a folder holding HEAD, objects/
and refs/, whose `config` git then obeys).

With the glossary in a subfolder of the checkout (`--root vocabulary`, the action's `root`),
git looks for its repository from that folder up and takes the first folder that looks like
one: the glossary's own folder, if the pull request committed HEAD, objects/, refs/ and a
`config` there. `core.fsmonitor` in that config runs a command at `git status`/`git diff`
(`check --since`, `diff`), `gpg.program` at `git log` of a signed commit (`stats`).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_versions import git, git_env  # noqa: F401  (a fixture)

from moci_vocab.cli import cli
from moci_vocab.versions import git as git_module

pytestmark = pytest.mark.skipif(os.name == "nt", reason="a shell command in the planted config")


@pytest.fixture
def planted(git_env, tmp_path: Path) -> tuple[Path, Path]:  # noqa: F811
    """A checkout with the glossary in vocab/, which also holds a planted repository (one
    signed commit) whose config runs a command; the file that command writes."""
    checkout, marker = tmp_path / "checkout", tmp_path / "ran"
    checkout.mkdir()
    git(checkout, "init", "-q")
    vocab = checkout / "vocab"
    result = CliRunner().invoke(cli, ["init", str(vocab), "--source", "en", "--languages", "sq"])
    assert result.exit_code == 0, result.output
    CliRunner().invoke(cli, ["--root", str(vocab), "add", "a", "--term", "en=a", "--yes"])
    git(checkout, "add", "-A")
    git(checkout, "commit", "-q", "-m", "glossary")
    # The planted repository: made with git itself, then committed as plain files.
    subprocess.run(["git", "init", "-q", "--bare", str(vocab)], check=True)
    program = tmp_path / "gpg"
    program.write_text(f"#!/bin/sh\necho gpg >> {marker}\n", encoding="utf-8")
    program.chmod(0o755)
    env = {**os.environ, "GIT_DIR": str(vocab), "GIT_WORK_TREE": str(vocab)}
    subprocess.run(["git", "add", "glossary", "terms"], cwd=vocab, env=env, check=True)
    tree = subprocess.run(
        ["git", "write-tree"], cwd=vocab, env=env, capture_output=True, text=True, check=True
    ).stdout.strip()
    signed = (
        f"tree {tree}\nauthor a <a@b> 1767225600 +0000\ncommitter a <a@b> 1767225600 +0000\n"
        "gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n"
        "\nplanted\n"
    )
    commit = subprocess.run(
        ["git", "hash-object", "-t", "commit", "-w", "--stdin"],
        cwd=vocab, env=env, input=signed, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    subprocess.run(["git", "update-ref", "HEAD", commit], cwd=vocab, env=env, check=True)
    (vocab / "index").unlink()
    (vocab / "config").write_text(
        "[core]\n\trepositoryformatversion = 0\n\tbare = false\n\tworktree = .\n"
        f'\tfsmonitor = "echo fsmonitor >> {marker}; false"\n'
        f"[log]\n\tshowSignature = true\n[gpg]\n\tprogram = {program}\n",
        encoding="utf-8",
    )
    git(checkout, "add", "-A")
    git(checkout, "commit", "-q", "-m", "the pull request")
    return vocab, marker


COMMANDS = {
    "check --since": ["check", "--since", "HEAD"],
    "diff": ["diff", "HEAD"],
    "stats": ["stats", "--format", "json"],
}


@pytest.mark.parametrize("command", list(COMMANDS))
def test_git_never_runs_in_a_planted_repository(planted, command):
    vocab, marker = planted
    result = CliRunner().invoke(cli, ["--root", str(vocab), *COMMANDS[command]])
    assert "Traceback" not in result.output
    assert not marker.exists(), marker.read_text()
    if command != "stats":  # (stats shows no growth outside a repository)
        assert result.exit_code == 1, result.output
        assert "git takes for a repository of its own" in result.stderr


@pytest.mark.parametrize("command", list(COMMANDS))
def test_nor_with_a_git_older_than_2_38(planted, command, monkeypatch):
    """Before git 2.38 there is no `safe.bareRepository`: `open_repo` refuses by itself."""
    monkeypatch.setattr(
        git_module, "_OPTIONS", ("--literal-pathspecs", "-c", "core.quotepath=off"), raising=False
    )
    vocab, marker = planted
    result = CliRunner().invoke(cli, ["--root", str(vocab), *COMMANDS[command]])
    assert "Traceback" not in result.output
    assert not marker.exists(), marker.read_text()
    if command != "stats":
        assert result.exit_code == 1, result.output
        assert "git takes for a repository of its own" in result.stderr


def test_a_glossary_in_a_subfolder_of_a_real_repository_still_works(git_env, tmp_path):  # noqa: F811
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    git(checkout, "init", "-q")
    vocab = checkout / "vocab"
    CliRunner().invoke(cli, ["init", str(vocab), "--source", "en", "--languages", "sq"])
    CliRunner().invoke(cli, ["--root", str(vocab), "add", "a", "--term", "en=a", "--yes"])
    git(checkout, "add", "-A")
    git(checkout, "commit", "-q", "-m", "glossary")
    result = CliRunner().invoke(cli, ["--root", str(vocab), "check", "--since", "HEAD"])
    assert result.exit_code == 0, result.output
    stats = CliRunner().invoke(cli, ["--root", str(vocab), "stats", "--format", "json"])
    assert '"added": 1' in stats.stdout, stats.stdout
