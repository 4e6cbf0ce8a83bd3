"""How long `diff` and `release --dry-run` take on a large glossary in git.

Builds a scratch repository with N concepts (10 languages each), tags it
v1.0.0, changes 5 % of the concepts, and times the commands in-process.
Prints the figures; it asserts nothing.

    python benchmarks/bench_versions.py [N]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from click.testing import CliRunner

from moci_vocab.cli import cli
from moci_vocab.model import Concept, Term
from moci_vocab.store import save_concept

LANGS = ["sq", "ka", "hy", "sr-Latn", "sr-Cyrl", "mk", "bs", "az", "ru"]


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def timed(label: str, root: Path, *args: str) -> None:
    start = time.perf_counter()
    result = CliRunner().invoke(cli, ["--root", str(root), *args])
    elapsed = time.perf_counter() - start
    assert result.exit_code == 0, result.output
    print(f"{label:<40} {elapsed * 1000:8.0f} ms")


def main(count: int) -> None:
    os.environ.update(
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="bench",
        GIT_AUTHOR_EMAIL="bench@example.org",
        GIT_COMMITTER_NAME="bench",
        GIT_COMMITTER_EMAIL="bench@example.org",
    )
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "g"
        CliRunner().invoke(cli, ["init", str(root), "--languages", ",".join(LANGS)])
        git(root, "init", "-q")
        for i in range(count):
            terms = {"en": [Term(f"concept {i}")]}
            terms.update({lang: [Term(f"{lang} term {i}")] for lang in LANGS})
            save_concept(root, Concept(id=f"c{i:05d}", definition={"en": f"Def {i}."}, terms=terms))
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "base")
        git(root, "tag", "v1.0.0")
        for i in range(0, count, 20):
            path = root / "terms" / f"c{i:05d}.yaml"
            path.write_text(path.read_text("utf-8").replace("Def", "Definition"), "utf-8")
        print(f"{count} concepts x {len(LANGS) + 1} languages, {count // 20} changed")
        timed("diff (v1.0.0 -> working tree, json)", root, "diff", "--format", "json")
        timed("diff (v1.0.0 -> working tree, markdown)", root, "diff", "--format", "markdown")
        timed("diff v1.0.0 HEAD (two revisions)", root, "diff", "v1.0.0", "HEAD")
        timed("release --dry-run", root, "release", "--dry-run")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
