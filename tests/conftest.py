"""Shared fixtures: scratch glossaries and a CLI runner."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

from moci_vocab.cli import cli

REPO = Path(__file__).resolve().parent.parent

# The signal tests send Ctrl-C to a command as a terminal sends it to its foreground job.
# A suite started in the background by a shell without job control (`pytest &`, nohup,
# some CI runners) inherits SIGINT ignored, and so would every command it starts: they
# would then rightly keep ignoring it. Give the commands the foreground job's disposition.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

# Hypothesis budgets. The suite runs every property test with a quarter of its examples
# (never fewer than 10, nor more than its full budget), so that it stays well inside CI's
# ten minutes; MOCI_TEST_THOROUGH=1 runs the full budgets (100 where a test names none),
# e.g. before a release or after changing a reader or writer.
THOROUGH = os.environ.get("MOCI_TEST_THOROUGH") == "1"


def examples(full: int) -> int:
    """The number of examples a property test whose full budget is ``full`` runs now."""
    return full if THOROUGH else min(full, max(10, full // 4))


# No deadline: a test asserts behaviour, not time (speed lives in benchmarks/). Hypothesis's
# 200 ms default failed a store round trip that took 404 ms once on a loaded machine and
# 23 ms when replayed.
settings.register_profile("moci", max_examples=examples(100), deadline=None)
settings.load_profile("moci")


def _fsync_without_waiting(fd) -> None:
    """os.fsync as the tests run it: the same errors for a bad descriptor, no wait for the disk."""
    os.fstat(fd if isinstance(fd, int) else fd.fileno())


@pytest.fixture(autouse=True, scope="session")
def no_wait_for_the_disk():
    """In-process commands skip fsync's wait for the disk (about a third of the suite's time).

    No test can observe durability across a power cut, which is all fsync adds to the
    atomic writes (temporary file, rename); every call is still made, and the tests that
    make fsync fail patch it themselves. Commands run as subprocesses sync as usual.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "fsync", _fsync_without_waiting)
        yield


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
