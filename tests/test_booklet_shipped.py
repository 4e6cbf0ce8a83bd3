"""The booklet of the shipped MOCI glossary, and the fonts that print it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from moci_vocab.booklet.export import FONTS, LABELS, booklet_data, export_booklet
from moci_vocab.exporters import ExportRequest
from moci_vocab.store import load_glossary

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    not (REPO / "glossary" / "glossary.yaml").exists(), reason="no shipped glossary"
)


@pytest.fixture(scope="module")
def shipped() -> ExportRequest:
    glossary = load_glossary(REPO)
    return ExportRequest(
        glossary, list(glossary.concepts.values()), glossary.languages(), Path(), {}
    )


def _sample_terms(request: ExportRequest) -> dict[str, str]:
    """A preferred Albanian, Georgian and Armenian term of the shipped glossary."""
    found: dict[str, str] = {}
    for concept in request.concepts:
        for lang in ("sq", "ka", "hy"):
            term = concept.preferred(lang)
            if term and lang not in found:
                found[lang] = term.term
    assert set(found) == {"sq", "ka", "hy"}
    return found


def test_shipped_booklet_is_a5_and_extractable(shipped: ExportRequest, tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    shipped.outdir = tmp_path
    shipped.options = {"imposition": True}
    booklet, imposed = export_booklet(shipped)
    reader = pypdf.PdfReader(io.BytesIO(booklet.read_bytes()))
    box = reader.pages[0].mediabox
    assert (round(float(box.width), 2), round(float(box.height), 2)) == (419.53, 595.28)
    text = "\n".join(page.extract_text() for page in reader.pages)
    for lang, term in _sample_terms(shipped).items():
        assert term in text, (lang, term)
    sheets = pypdf.PdfReader(io.BytesIO(imposed.read_bytes())).pages
    assert all(float(s.mediabox.width) > float(s.mediabox.height) for s in sheets)
    assert round(float(sheets[0].mediabox.width), 2) == 841.89


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_fonts_cover_every_printed_character(shipped: ExportRequest) -> None:
    """Every character the booklet prints has a glyph in the regular and the bold fonts."""
    ttlib = pytest.importorskip("fontTools.ttLib")
    data = booklet_data(shipped)
    printed = {ch for text in _strings(data) + _strings(LABELS) for ch in text if ch.isprintable()}
    printed.discard(" ")
    for weight in ("Regular", "Bold"):
        cmap: set[int] = set()
        for family in ("NotoSans", "NotoSansGeorgian", "NotoSansArmenian"):
            cmap |= set(ttlib.TTFont(FONTS / f"{family}-{weight}.ttf").getBestCmap())
        missing = sorted(ch for ch in printed if ord(ch) not in cmap)
        assert not missing, f"{weight}: no glyph for {missing}"


def test_fonts_ship_with_their_licence() -> None:
    fonts = sorted(FONTS.glob("*.ttf"))
    assert len(fonts) >= 3
    assert "SIL OPEN FONT LICENSE Version 1.1" in (FONTS / "OFL.txt").read_text(encoding="utf-8")
    assert sum(f.stat().st_size for f in fonts) < 3_000_000
