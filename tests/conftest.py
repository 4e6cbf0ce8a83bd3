"""Shared fixtures: scratch glossaries and a CLI runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from moci_vocab.cli import cli

REPO = Path(__file__).resolve().parent.parent


class Moci:
    """Runs `moci-vocab --root ROOT ...` in-process and keeps the result."""

    def __init__(self, root: Path):
        self.root = root
        self.runner = CliRunner()

    def __call__(self, *args: str, ok: bool | None = True, input: str | None = None):
        result = self.runner.invoke(cli, ["--root", str(self.root), *args], input=input)
        if ok is True:
            assert result.exit_code == 0, (args, result.output, result.exception)
        elif ok is False:
            assert result.exit_code != 0, (args, result.output)
        assert "Traceback" not in result.output, result.output
        return result

    def json(self, *args: str):
        return json.loads(self(*args, "--format", "json").stdout)


@pytest.fixture
def moci(tmp_path: Path) -> Moci:
    """An empty glossary (en source; sq, ka, hy and Serbian in both scripts)."""
    root = tmp_path / "g"
    result = CliRunner().invoke(
        cli, ["init", str(root), "--source", "en", "--languages", "sq,ka,hy,sr-Latn,sr-Cyrl"]
    )
    assert result.exit_code == 0, result.output
    return Moci(root)


@pytest.fixture
def seeded(moci: Moci) -> Moci:
    """A small glossary with three linked concepts."""
    moci(
        "add",
        "reconciliation",
        "--term",
        "en=reconciliation",
        "--term",
        "sq=pajtim",
        "--term",
        "ka=შერიგება",
        "--term",
        "hy=հաշտեցում",
        "--definition",
        "en=Restoring trust between groups after conflict.",
        "--tag",
        "core",
        "--yes",
    )
    moci(
        "add",
        "resilience",
        "--term",
        "en=resilience",
        "--term",
        "sq=qëndrueshmëri",
        "--term",
        "ka=მდგრადობა",
        "--term",
        "hy=կայունություն",
        "--definition",
        "en=The capacity to recover from difficulties.",
        "--yes",
    )
    moci(
        "add",
        "peacebuilding",
        "--term",
        "en=peacebuilding",
        "--term",
        "sq=ndërtim i paqes",
        "--definition",
        "en=Work that prevents violent conflict.",
        "--yes",
    )
    moci("edit", "reconciliation", "--add-related", "resilience", "--add-broader", "peacebuilding")
    return moci


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under root (except the lock/cache folder), for 'nothing changed' checks."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".moci-cache" not in p.parts
    }
