"""The benchmark runner works and its generated data is what the store writes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from benchmarks.generate import make_glossary, make_po
from moci_vocab.store import canonical_concept_text, load_glossary_reporting

REPO = Path(__file__).resolve().parent.parent
FIGURE = re.compile(r"^(?P<what>.+?)\s+(?P<seconds>\d+\.\d{3}) s\s+(?P<ratio>\d+\.\d\d)x ")


def run_quick(step: str, timeout: int = 120) -> subprocess.CompletedProcess:
    """``benchmarks/run.py --quick --only STEP``, as a user runs it."""
    return subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "run.py"), "--quick", "--only", step],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=REPO,
    )


def test_quick_run_prints_its_figure_lines():
    result = run_quick("search")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("moci-vocab benchmarks (quick) on ")
    figures = {m["what"]: m for m in map(FIGURE.match, lines) if m}
    assert set(figures) == {
        "search, 1000 concepts, cold (no cache)",
        "search, 1000 concepts (cache)",
    }, result.stdout
    assert all(float(m["seconds"]) > 0 for m in figures.values())
    assert re.search(r"^peak memory .* \d+ MB .*target < 500 MB", result.stdout, re.M)
    assert "FAILED" not in result.stdout


def test_generated_files_are_canonical_and_clean(tmp_path, monkeypatch):
    monkeypatch.setenv("MOCI_VOCAB_NO_CACHE", "1")
    make_glossary(tmp_path, 60)
    glossary, findings = load_glossary_reporting(tmp_path)
    assert findings == []
    assert len(glossary.concepts) == 60
    for concept in glossary.concepts.values():
        path = tmp_path / "terms" / f"{concept.id}.yaml"
        assert path.read_text("utf-8") == canonical_concept_text(concept)
        assert set(concept.terms) == {"en", "sq", "ka", "hy"}
        for lang in ("ka", "hy"):
            assert not concept.preferred(lang).term.isascii()


def test_generation_is_deterministic(tmp_path):
    first = make_glossary(tmp_path / "a", 40)
    second = make_glossary(tmp_path / "b", 40)
    assert first == second
    for name in (p.name for p in (tmp_path / "a" / "terms").iterdir()):
        a = (tmp_path / "a" / "terms" / name).read_bytes()
        assert a == (tmp_path / "b" / "terms" / name).read_bytes()
    make_po(tmp_path / "a.po", first, 200)
    make_po(tmp_path / "b.po", second, 200)
    assert (tmp_path / "a.po").read_bytes() == (tmp_path / "b.po").read_bytes()


def test_po_catalog_parses_with_the_requested_entries(tmp_path):
    import polib

    concepts = make_glossary(tmp_path, 30)
    make_po(tmp_path / "sq.po", concepts, 500)
    catalog = polib.pofile(str(tmp_path / "sq.po"))
    assert len(catalog) == 500
    assert catalog.metadata["Language"] == "sq"
    sources = " ".join(entry.msgid.casefold() for entry in catalog)
    assert sum(c.terms["en"][0][0] in sources for c in concepts) > 20


def test_hard_glossary_is_canonical_deterministic_and_full_of_shared_terms(tmp_path, monkeypatch):
    from benchmarks.generate_hard import make_hard_glossary
    from moci_vocab.checks import run_check

    monkeypatch.setenv("MOCI_VOCAB_NO_CACHE", "1")
    first = make_hard_glossary(tmp_path / "a", 300)
    assert first == make_hard_glossary(tmp_path / "b", 300)
    for name in (p.name for p in (tmp_path / "a" / "terms").iterdir()):
        a = (tmp_path / "a" / "terms" / name).read_bytes()
        assert a == (tmp_path / "b" / "terms" / name).read_bytes()
    glossary, loaded = load_glossary_reporting(tmp_path / "a")
    assert loaded == []
    for concept in list(glossary.concepts.values())[:50]:
        path = tmp_path / "a" / "terms" / f"{concept.id}.yaml"
        assert path.read_text("utf-8") == canonical_concept_text(concept)
    codes = {f.code for f in run_check(tmp_path / "a").findings}
    assert {"MV401", "MV402", "MV403", "MV404"} <= codes
