"""Byte-identity safety net: check, check-po and the exports give exactly the recorded bytes.

The goldens under tests/fixtures/identity/golden/ were recorded from main before the
speed work of issue 17. A failure here means an output changed. Regenerate them ONLY
when a format was changed on purpose (say so in the commit message):

    python tests/test_output_identity.py --regenerate

(or MOCI_REGENERATE_GOLDENS=1 python -m pytest tests/test_output_identity.py).
Commands run in-process with CliRunner, with cwd inside a tmp copy of the fixtures
so every path in the output is relative, no colour and a fixed width.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures" / "identity"
GOLDEN = FIXTURES / "golden"
ENV = {"NO_COLOR": "1", "COLUMNS": "80", "TERM": "dumb", "TZ": "UTC", "LC_ALL": "C.UTF-8"}
FORMATS = ("text", "json", "github", "sarif")
PO_FILES = ("po/sq.po", "po/hy.po")

CASES: dict[str, list[str]] = {}
for _fmt in FORMATS:
    CASES[f"check-findings.{_fmt}"] = ["--root", "findings", "check", "--format", _fmt]
    CASES[f"check-clean.{_fmt}"] = ["--root", "clean", "check", "--format", _fmt]
    CASES[f"checkpo.{_fmt}"] = ["--root", "clean", "check-po", *PO_FILES, "--format", _fmt]
    CASES[f"checkpo-fuzzy-untranslated.{_fmt}"] = [
        "--root",
        "clean",
        "check-po",
        *PO_FILES,
        "--include-fuzzy",
        "--include-untranslated",
        "--fail-on",
        "warning",
        "--format",
        _fmt,
    ]
    CASES[f"checkpo-baseline.{_fmt}"] = [
        "--root",
        "clean",
        "check-po",
        *PO_FILES,
        "--baseline",
        "po/baseline.json",
        "--format",
        _fmt,
    ]
EXPORTS = ("po", "pot", "mo", "csv", "tbx", "json", "weblate", "omegat", "tmx", "xlsx", "skos")
EXPORTS_SLOW = ("html", "booklet")


def _copy(tmp: Path) -> Path:
    """A tmp copy of the fixture glossaries and catalogs (without goldens or caches)."""
    work = tmp / "work"
    for name in ("findings", "clean", "po"):
        shutil.copytree(FIXTURES / name, work / name, ignore=shutil.ignore_patterns(".moci-cache"))
    return work


def _run(work: Path, args: list[str]) -> bytes:
    """Run the CLI in `work`; stdout, stderr and exit code as one byte string."""
    from moci_vocab.cli import cli

    old = Path.cwd()
    os.chdir(work)
    try:
        result = CliRunner().invoke(cli, ["--no-color", *args], env=ENV)
    finally:
        os.chdir(old)
    assert "Traceback" not in result.output, result.output
    raw = (
        b"exit: %d\n--- stdout\n" % result.exit_code
        + result.stdout_bytes
        + b"\n--- stderr\n"
        + result.stderr_bytes
    )
    return _stable(raw, work)


def _stable(raw: bytes, work: Path) -> bytes:
    """Replace the tmp folder (SARIF's base URI, any absolute path) by a fixed placeholder."""
    for form in (work.as_uri(), str(work)):
        raw = raw.replace(form.encode(), b"WORKDIR")
    return raw


def _export(work: Path, fmt: str) -> dict[str, bytes]:
    """Export `fmt` of the clean glossary; every written file by relative path."""
    out = work / f"out-{fmt}"
    _run(work, ["--root", "clean", "export", fmt, "-o", out.name, "--quiet"])
    return {
        p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
    }


def _actual(tmp: Path) -> dict[str, bytes]:
    """Every output of the identity cases, keyed by its golden file name."""
    work = _copy(tmp)
    outputs = {f"{name}.out": _run(work, args) for name, args in CASES.items()}
    for fmt in EXPORTS + EXPORTS_SLOW:
        for rel, data in _export(work, fmt).items():
            outputs[f"export-{fmt}/{rel}"] = data
    return outputs


def _regenerate(tmp: Path) -> None:
    """Record the goldens anew (only for an intended format change)."""
    shutil.rmtree(GOLDEN, ignore_errors=True)
    for rel, data in _actual(tmp).items():
        path = GOLDEN / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


@pytest.fixture(scope="module")
def actual(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The outputs of this checkout, computed once for the module."""
    tmp = tmp_path_factory.mktemp("identity")
    if os.environ.get("MOCI_REGENERATE_GOLDENS"):
        _regenerate(tmp / "regen")
    return _actual(tmp)


def _goldens() -> list[str]:
    """Relative names of every recorded golden file."""
    return sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file())


def test_the_same_files_are_produced(actual: dict[str, bytes]) -> None:
    """No output appears or disappears."""
    assert sorted(actual) == _goldens()


@pytest.mark.parametrize("name", _goldens())
def test_output_is_byte_identical(actual: dict[str, bytes], name: str) -> None:
    """Each output equals its golden byte for byte."""
    expected = (GOLDEN / name).read_bytes()
    got = actual.get(name)
    assert got is not None, f"{name} was not produced"
    if got != expected:
        try:
            shown = f"\n--- expected\n{expected.decode()}\n--- got\n{got.decode()}"
        except UnicodeDecodeError:
            shown = f" ({len(expected)} vs {len(got)} bytes)"
        pytest.fail(f"{name} differs from its golden{shown}")


def test_findings_fixture_covers_many_codes() -> None:
    """The recorded check output of the findings glossary has many distinct codes."""
    data = json.loads(
        (GOLDEN / "check-findings.json.out")
        .read_bytes()
        .split(b"--- stdout\n", 1)[1]
        .rsplit(b"\n--- stderr\n", 1)[0]
    )
    codes = (
        {f["code"] for f in data["findings"]}
        if isinstance(data, dict)
        else {f["code"] for f in data}
    )
    assert {"MV105", "MV401", "MV402", "MV403", "MV501", "MV004", "MV101"} <= codes


@pytest.mark.parametrize("fmt", FORMATS)
def test_shipped_glossary_check_parses(fmt: str) -> None:
    """The shipped glossary (content changes over time) only: exit code and parseable output."""
    from moci_vocab.cli import cli

    result = CliRunner().invoke(
        cli, ["--no-color", "--root", str(HERE.parent), "check", "--format", fmt], env=ENV
    )
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    if fmt in ("json", "sarif"):
        json.loads(result.stdout)
    elif fmt == "github":
        assert all(line.startswith("::") for line in result.stdout.splitlines() if line), (
            result.stdout
        )


if __name__ == "__main__":
    if "--regenerate" not in sys.argv:
        sys.exit("usage: python tests/test_output_identity.py --regenerate")
    import tempfile

    sys.path.insert(0, str(HERE.parent))
    with tempfile.TemporaryDirectory() as tmpdir:
        _regenerate(Path(tmpdir))
    print(f"goldens written to {GOLDEN}")
