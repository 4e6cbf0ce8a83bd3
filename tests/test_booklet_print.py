"""The booklet as an organiser and a typesetter read it (issue 20): what each page says."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from moci_vocab.booklet.export import booklet_data, export_booklet, heading_case, typst_language
from moci_vocab.booklet.imposition import imposition, padded_count, saddle_stitch, signature_count
from moci_vocab.exporters import ExportRequest
from moci_vocab.model import Concept, Review, Term
from moci_vocab.store import load_glossary, save_concept, save_manifest

pypdf = pytest.importorskip("pypdf")

CHANGELOG = "# Changelog\n\n## 0.1.0 — 2025-11-28\n\nFirst release.\n"


def request_for(root: Path, outdir: Path, langs: list[str] | None = None, **options):
    glossary = load_glossary(root)
    concepts = sorted(glossary.concepts.values(), key=lambda c: c.id)
    return ExportRequest(glossary, concepts, langs or glossary.languages(), outdir, options)


def pages_of(path: Path) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return [page.extract_text() for page in reader.pages]


def draft(text: str, **fields) -> Term:
    return Term(text, review=Review(state="draft"), **fields)


@pytest.fixture
def workshop(moci) -> Path:
    """A glossary with every mark an entry can carry, released on 2025-11-28."""
    root = moci.root
    (root / "glossary" / "CHANGELOG.md").write_text(CHANGELOG, encoding="utf-8")
    glossary = load_glossary(root)
    glossary.manifest.extra.update(
        publisher="MOCI network",
        license="CC BY 4.0",
        contact="glossary@example.org",
        url="https://example.org/glossary",
    )
    save_manifest(root, glossary.manifest)
    save_concept(
        root,
        Concept(
            id="reconciliation",
            domain="civic-participation",
            definition={"en": "Restoring trust.", "sq": "Rivendosja e besimit."},
            note={"en": 'Also called "healing" in some projects.'},
            related=["resilience", "memory"],
            terms={
                "en": [Term("reconciliation", pos="noun")],
                "sq": [
                    draft("pajtim", gender="masculine", context="Procesi i pajtimit zgjat."),
                    Term("pajtueshmëri", status="forbidden"),
                    Term("pajtimësi", status="deprecated"),
                ],
                "ka": [draft("შერიგება")],
                "hy": [draft("հաշտեցում")],
                "sr-Cyrl": [Term("помирење", review=Review(state="approved", by="AB"))],
            },
        ),
    )
    save_concept(
        root,
        Concept(
            id="resilience",
            tags=["core"],
            terms={"en": [Term("resilience")], "sq": [draft("qëndrueshmëri")]},
        ),
    )
    save_concept(
        root,
        Concept(id="memory", terms={"en": [Term("memory")], "sq": [draft("kujtesë")]}),
    )
    return root


@pytest.fixture
def booklet(workshop: Path, tmp_path: Path) -> list[str]:
    [pdf] = export_booklet(request_for(workshop, tmp_path / "out"))
    return pages_of(pdf)


def test_dates_come_from_the_release_and_the_pdf_is_reproducible(workshop, tmp_path) -> None:
    first = export_booklet(request_for(workshop, tmp_path / "a"))[0]
    second = export_booklet(request_for(workshop, tmp_path / "b"))[0]
    assert first.read_bytes() == second.read_bytes()
    reader = pypdf.PdfReader(str(first))
    assert reader.metadata["/CreationDate"].startswith("D:20251128")
    assert "2025-11-28" in reader.pages[0].extract_text()
    (workshop / "glossary" / "CHANGELOG.md").write_text("# Changelog\n", encoding="utf-8")
    unreleased = export_booklet(request_for(workshop, tmp_path / "c"))[0]
    reader = pypdf.PdfReader(str(unreleased))
    assert "/CreationDate" not in reader.metadata
    assert "not yet released" in reader.pages[0].extract_text()


def test_the_key_explains_every_mark_and_forbidden_differs_from_deprecated(booklet) -> None:
    key = booklet[1].replace("\xa0", " ")
    for words in (
        "preferred term",
        "also admitted",
        "deprecated: no longer recommended",
        "forbidden: do not use",
        "no term yet",
        "part of speech",
        "an example of use",
        "the page of that entry",
        "Broader:",
        "See also:",
        "not in this booklet",
        "retired",
        "do not translate",
    ):
        assert words in key, words
    entries = "\n".join(booklet[2:4])
    assert "×\xa0pajtueshmëri (do\xa0not\xa0use)" in entries  # a mark; never "(do / not use)"
    assert "†\xa0pajtimësi" in entries


def test_drafts_are_said_once_when_most_translations_are_drafts(booklet) -> None:
    # 5 of 8 translations are drafts: the cover says so, and the reviewed ones are marked
    assert "5 of 8 translations in this booklet are drafts" in booklet[0]
    assert "° translation reviewed" in booklet[1]
    entries = "\n".join(booklet[2:4])
    assert "pajtim°" not in entries and "помирење°" in entries


def test_examples_part_of_speech_gender_and_every_definition_are_printed(booklet) -> None:
    entries = "\n".join(booklet[2:4])
    assert "reconciliation n." in entries
    assert "pajtim m." in entries
    assert "“Procesi i pajtimit zgjat.”" in entries  # an example, in quotation marks
    assert "Rivendosja e besimit." in entries  # the Albanian definition beside the English
    assert "civic participation" in entries  # the domain in words, not its id
    assert "“healing”" in entries  # the note's straight quotes set as English quotes


def test_every_text_carries_its_language(workshop, tmp_path) -> None:
    data = booklet_data(request_for(workshop, tmp_path))
    entry = next(e for e in data["entries"] if e["id"] == "reconciliation")
    rows = {row["lang"]["lang"]: row for row in entry["rows"]}
    assert set(rows) == {"sq", "ka", "hy", "sr"}
    assert all(t["lang"] == row["lang"] for row in rows.values() for t in row["terms"])
    assert [d["lang"]["lang"] for d in entry["definitions"]] == ["en", "sq"]
    assert [i["title"] for i in data["indexes"]][:4] == ["English", "Shqip", "ქართული", "Հայերեն"]
    assert typst_language("sr-Cyrl") == {"lang": "sr", "region": None}
    assert typst_language("pt-BR") == {"lang": "pt", "region": "BR"}
    assert heading_case("ქართული") == "ქართული"  # never Mtavruli


def test_cover_autonyms_stay_whole(booklet) -> None:
    assert "српски\xa0(ћирилица)" in booklet[0]
    assert "srpski\xa0(latinica)" in booklet[0]


def test_the_outside_back_cover_is_a_colophon(workshop, tmp_path) -> None:
    [pdf] = export_booklet(request_for(workshop, tmp_path / "out"))
    reader = pypdf.PdfReader(str(pdf))
    assert len(reader.pages) % 4 == 0  # folds into a booklet, the colophon outside
    back = reader.pages[-1].extract_text()
    for words in ("About this glossary", "MOCI network", "CC BY 4.0", "glossary@example.org"):
        assert words in back
    assert "https://example.org/glossary" in back
    data = booklet_data(request_for(workshop, tmp_path))
    assert data["colophon"]["qr"].lstrip().startswith(("<?xml", "<svg"))


def test_links_to_concepts_outside_a_tag_selection_say_so(workshop, tmp_path) -> None:
    glossary = load_glossary(workshop)
    chosen = [glossary.concepts["reconciliation"], glossary.concepts["resilience"]]
    request = ExportRequest(glossary, chosen, glossary.languages(), tmp_path, {})
    pages = pages_of(export_booklet(request)[0])
    text = "\n".join(pages)
    assert "memory (not\xa0in\xa0this\xa0booklet)" in text
    assert "resilience p." in text


def test_an_index_number_stays_on_the_last_line_of_a_long_term(moci, tmp_path) -> None:
    long = "համայնքային կառավարման " * 6 + "ծրագիր"
    save_concept(
        moci.root,
        Concept(id="programme", terms={"en": [Term("programme")], "hy": [Term(long.strip())]}),
    )
    [pdf] = export_booklet(request_for(moci.root, tmp_path, ["en", "hy"]))
    pages = pages_of(pdf)
    lines = [line for page in pages[2:] for line in page.splitlines() if line.strip()]
    lines = lines[lines.index("Հայերեն") :]
    number_lines = [line for line in lines if re.search(r"\S \d+(, \d+)*$", line.rstrip())]
    assert number_lines and all("ծրագիր" in line for line in number_lines)


@given(st.integers(min_value=1, max_value=400))
def test_imposition_above_64_pages_is_in_signatures_of_16(pages: int) -> None:
    sides = imposition(pages)
    printed = [page for side in sides for page in side if page is not None]
    assert sorted(printed) == list(range(1, pages + 1))  # every page once
    if padded_count(pages) <= 64:
        assert sides == saddle_stitch(pages)
        assert signature_count(pages) == 1
        return
    # each signature: 4 sheets (8 sides) holding 16 consecutive pages, folded on its own
    for number, start in enumerate(range(0, len(sides), 8)):
        block = [p for side in sides[start : start + 8] for p in side if p is not None]
        assert set(block) <= set(range(16 * number + 1, 16 * number + 17))
    assert signature_count(pages) == -(-padded_count(pages) // 16)


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils is not installed")
def test_poppler_reads_both_pdfs_without_complaint(workshop, tmp_path) -> None:
    request = request_for(workshop, tmp_path, imposition=True)
    for pdf in export_booklet(request):
        result = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
        assert result.stderr == "", result.stderr  # Typst's /Suspects false upset poppler
        title = next(line for line in result.stdout.splitlines() if line.startswith("Title:"))
        assert title.split(":", 1)[1].strip().startswith(load_glossary(workshop).manifest.name)


def test_page_references_are_links_to_their_entries(workshop, tmp_path) -> None:
    [pdf] = export_booklet(request_for(workshop, tmp_path))
    reader = pypdf.PdfReader(str(pdf))
    pages = [page.extract_text() for page in reader.pages]
    index_of = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages)}
    links = []
    for number, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            link = annotation.get_object()
            target = index_of[link["/Dest"][0].idnum]
            links.append((number, [float(v) for v in link["/Rect"]], target))
    # the contents (page 2): one number for the glossary and one for each of its 6 indexes
    contents = [link for link in links if link[0] == 1]
    assert len(contents) == 1 + 6
    bookmarks = [reader.get_destination_page_number(item) for item in reader.outline]
    assert [target for _n, _r, target in contents] == bookmarks
    # "See also: resilience p. 3, memory p. 3", and one number for each of the 11 index lines
    links = [link for link in links if link[0] != 1]
    assert len(links) == 2 + 11
    entry_page = next(n for n, text in enumerate(pages) if "Restoring trust." in text)
    assert all(target == entry_page for _n, _r, target in links)  # all three share page 3
    if shutil.which("pdftotext"):  # each link covers the number it stands for, and only it
        words = subprocess.run(
            ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split("<page ")[1:]
        for number, (x0, y0, x1, y1), target in contents + links:
            top = float(reader.pages[number].mediabox.height)
            boxes = re.findall(
                r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]+)<',
                words[number],
            )
            inside = [  # the words whose centre lies in the link
                word
                for xmin, ymin, xmax, ymax, word in boxes
                if x0 <= (float(xmin) + float(xmax)) / 2 <= x1
                and top - y1 <= (float(ymin) + float(ymax)) / 2 <= top - y0
            ]
            assert inside == [str(target + 1)]
