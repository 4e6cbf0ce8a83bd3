"""The workshop booklet: content, page sizes, imposition, safety against markup in the data."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from moci_vocab.booklet.export import booklet_data, booklet_paths, export_booklet
from moci_vocab.booklet.imposition import padded_count, saddle_stitch
from moci_vocab.errors import MociError
from moci_vocab.exporters import ExportRequest, get_exporter
from moci_vocab.model import Concept, Review, Term
from moci_vocab.store import load_glossary, save_concept

pypdf = pytest.importorskip("pypdf")

A5 = (419.53, 595.28)
A4_LANDSCAPE = (841.89, 595.28)


def request_for(root: Path, outdir: Path, langs: list[str] | None = None, **options):
    glossary = load_glossary(root)
    return ExportRequest(
        glossary, list(glossary.concepts.values()), langs or glossary.languages(), outdir, options
    )


def pdf_pages(path: Path) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return [page.extract_text() for page in reader.pages]


def page_size(path: Path, number: int = 0) -> tuple[float, float]:
    box = pypdf.PdfReader(str(path)).pages[number].mediabox
    return round(float(box.width), 2), round(float(box.height), 2)


def add(root: Path, cid: str, terms: dict[str, list], **fields) -> None:
    concept = Concept(id=cid, status=fields.pop("status", "draft"), **fields)
    for lang, items in terms.items():
        concept.terms[lang] = [t if isinstance(t, Term) else Term(t) for t in items]
    save_concept(root, concept)


# --- imposition order ------------------------------------------------------------------------


def test_saddle_stitch_eight_pages() -> None:
    assert saddle_stitch(8) == [(8, 1), (2, 7), (6, 3), (4, 5)]


def test_saddle_stitch_pads_with_blanks_at_the_end() -> None:
    assert saddle_stitch(5) == [(None, 1), (2, None), (None, 3), (4, 5)]
    assert saddle_stitch(1) == [(None, 1), (None, None)]


@given(st.integers(min_value=1, max_value=400))
def test_saddle_stitch_places_every_page_once_in_folding_order(pages: int) -> None:
    total = padded_count(pages)
    sides = saddle_stitch(pages)
    assert total % 4 == 0 and total - pages < 4
    assert len(sides) == total // 2  # two sides per sheet
    placed = [p for side in sides for p in side if p is not None]
    assert sorted(placed) == list(range(1, pages + 1))
    for sheet in range(total // 4):
        front, back = sides[2 * sheet], sides[2 * sheet + 1]
        # facing pages of a folded sheet add up to total + 1 (blanks counted as their number)
        full_front = (total - 2 * sheet, 2 * sheet + 1)
        full_back = (2 * sheet + 2, total - 2 * sheet - 1)
        assert sum(full_front) == sum(full_back) == total + 1
        assert front == tuple(p if p <= pages else None for p in full_front)
        assert back == tuple(p if p <= pages else None for p in full_back)


# --- the booklet -----------------------------------------------------------------------------


def test_booklet_is_a5_with_every_script(seeded, tmp_path: Path) -> None:
    (seeded.root / "glossary" / "CHANGELOG.md").write_text(
        "# Changelog\n\n## 0.1.0 — 2025-11-28\n\nFirst release.\n", encoding="utf-8"
    )
    request = request_for(seeded.root, tmp_path / "out", title="Tbilisi 2025")
    paths = export_booklet(request)
    assert paths == [tmp_path / "out" / f"{request.name_slug}.pdf"]
    pdf = paths[0]
    assert page_size(pdf) == A5
    text = "\n".join(pdf_pages(pdf))
    for word in ("pajtim", "qëndrueshmëri", "შერიგება", "მდგრადობა", "հաշտեցում", "Tbilisi 2025"):
        assert word in text
    assert "2025-11-28" in text  # the release date (CHANGELOG) on the cover, not the clock
    reader = pypdf.PdfReader(str(pdf))
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"].get("/Font", {}).values()
    }
    assert any("NotoSansGeorgian" in f for f in fonts), fonts
    assert any("NotoSansArmenian" in f for f in fonts), fonts


def test_cover_and_languages_as_autonyms(seeded, tmp_path: Path) -> None:
    pdf = export_booklet(request_for(seeded.root, tmp_path))[0]
    cover = pdf_pages(pdf)[0]
    name = load_glossary(seeded.root).manifest.name
    assert name in cover
    for autonym in ("shqip", "ქართული", "հայերեն", "српски"):
        assert autonym in cover
    assert "Version 0.1.0" in cover


def test_file_names_follow_the_spec(seeded, tmp_path: Path) -> None:
    full = request_for(seeded.root, tmp_path)
    some = request_for(seeded.root, tmp_path, langs=["en", "sq", "ka"])
    slug = full.name_slug
    assert booklet_paths(full).booklet.name == f"{slug}.pdf"
    assert booklet_paths(some).booklet.name == f"{slug}-en-sq-ka.pdf"
    assert export_booklet(some) == [tmp_path / f"{slug}-en-sq-ka.pdf"]


def test_only_chosen_languages_are_printed(seeded, tmp_path: Path) -> None:
    pdf = export_booklet(request_for(seeded.root, tmp_path, langs=["en", "ka"]))[0]
    text = "\n".join(pdf_pages(pdf))
    assert "შერიგება" in text
    assert "pajtim" not in text and "հաշտեցում" not in text


def test_imposition_is_a4_landscape_in_booklet_order(seeded, tmp_path: Path) -> None:
    booklet, imposed = export_booklet(request_for(seeded.root, tmp_path, imposition=True))
    assert imposed.name.endswith("-imposed.pdf")
    pages = len(pypdf.PdfReader(str(booklet)).pages)
    sheets = pdf_pages(imposed)
    assert len(sheets) == padded_count(pages) // 2
    assert all(
        page_size(imposed, i) == A4_LANDSCAPE for i in range(len(sheets))
    )  # flipped A4: wider than tall
    # front of the first sheet: last page (left) and the cover (right)
    name = load_glossary(seeded.root).manifest.name
    last_page_text = pdf_pages(booklet)[-1].strip().splitlines()[0]
    first_side = sheets[0]
    assert name in first_side
    if pages == padded_count(pages):
        assert first_side.index(last_page_text) < first_side.index(name)


def test_imposition_needs_a5(seeded, tmp_path: Path) -> None:
    with pytest.raises(MociError, match="a5"):
        export_booklet(request_for(seeded.root, tmp_path, imposition=True, paper="a4"))
    with pytest.raises(MociError, match="paper"):
        export_booklet(request_for(seeded.root, tmp_path, paper="letter"))
    assert not list(tmp_path.glob("*.pdf"))


def test_a4_booklet(seeded, tmp_path: Path) -> None:
    pdf = export_booklet(request_for(seeded.root, tmp_path, paper="a4"))[0]
    assert page_size(pdf) == (595.28, 841.89)
    assert "შერიგება" in "\n".join(pdf_pages(pdf))


def test_glossary_text_is_never_markup(moci, tmp_path: Path) -> None:
    hostile = (
        '#panic("boom") *bold* _em_ $x^2$ @ref <lbl> ] [ } { // c /* c */ \\ `raw` '
        '#import "/etc/passwd" #read("/etc/passwd") = Heading - item'
    )
    add(
        moci.root,
        "hostile",
        {"en": [hostile], "sq": ["#set page(width: 1cm)"], "ka": [Term('#eval("1")')]},
        definition={"en": hostile},
        note={"en": "#pagebreak() " * 5},
    )
    pdf = export_booklet(request_for(moci.root, tmp_path))[0]
    assert page_size(pdf) == A5  # "#set page(width: 1cm)" changed nothing
    text = " ".join(" ".join(pdf_pages(pdf)).split())
    for literal in ('#panic("boom") *bold* _em_ $x^2$ @ref <lbl>', "#set page(width: 1cm)"):
        assert literal in text
    assert '#import "/etc/passwd"' in text and "root:" not in text


def test_deprecated_terms_are_marked(moci, tmp_path: Path) -> None:
    add(
        moci.root,
        "social-innovation",
        {
            "en": ["social innovation"],
            "sq": [Term("inovacion social"), Term("inovim social", status="deprecated")],
            "ka": [Term("სოციალური ინოვაცია", review=Review("draft"))],
        },
        definition={"en": "New ideas that meet social needs."},
    )
    data = booklet_data(request_for(moci.root, tmp_path))
    entry = data["entries"][0]
    sq_row = next(r for r in entry["rows"] if r["autonym"] == "shqip")
    assert [(t["term"], t["status"]) for t in sq_row["terms"]] == [
        ("inovacion social", "preferred"),
        ("inovim social", "deprecated"),
    ]
    text = " ".join(pdf_pages(export_booklet(request_for(moci.root, tmp_path))[0]))
    assert re.search(r"inovim social\s*\(deprecated\)", text)
    assert "not yet reviewed" in text  # the legend explains the draft mark


def _concepts_with_pages(root: Path, count: int) -> None:
    for n in range(count):
        word = f"term{n:03d}"
        add(
            root,
            f"c{n:03d}",
            {
                "en": [word],
                "sq": [f"fjala{n:03d}"],
                "ka": ["სიტყვა" + str(n)],
                "hy": ["բառ" + str(n)],
            },
            definition={"en": f"Definition number {n} " + "of some length " * 8},
            related=[f"c{(n + 7) % count:03d}"],
        )


def test_index_lines_point_to_the_page_of_their_entry(moci, tmp_path: Path) -> None:
    _concepts_with_pages(moci.root, 40)
    pdf = export_booklet(request_for(moci.root, tmp_path, langs=["en", "sq", "ka", "hy"]))[0]
    pages = pdf_pages(pdf)
    first_index = next(i for i, text in enumerate(pages) if "Shqip\nF\nfjala000" in text)
    entry_page = {}
    for number, text in enumerate(pages[:first_index], 1):
        for word in re.findall(r"^term(\d{3})$", text, flags=re.M):
            entry_page[word] = number
    assert len(entry_page) == 40 and len(set(entry_page.values())) > 5
    index_text = "\n".join(pages[first_index:])
    found = dict(re.findall(r"fjala(\d{3})[ .]*?(\d+)\s*$", index_text, flags=re.M))
    assert found and all(int(found[n]) == entry_page[n] for n in found)
    assert len(found) == 40


def _joiners(pdf: Path) -> int:
    """Word joiners (U+2060) in what a reader extracts: the text, an ActualText, a font's map."""
    count = 0
    for page in pypdf.PdfReader(str(pdf)).pages:
        count += page.extract_text().count("\u2060")
        actual = rb"/ActualText<FEFF(?:[0-9A-Fa-f]{4})*?2060"
        count += len(re.findall(actual, page.get_contents().get_data()))
        for font in page.get("/Resources", {}).get("/Font", {}).values():
            cmap = font.get_object().get("/ToUnicode")
            if cmap is not None:
                mapped = rb"<[0-9A-Fa-f]+>\s*<(?:[0-9A-Fa-f]{4})*?2060"
                count += len(re.findall(mapped, cmap.get_object().get_data()))
    return count


def test_a_long_index_line_keeps_its_last_word_with_its_page(moci, tmp_path: Path) -> None:
    # terms too long for an index column: they wrap between earlier words, never between the
    # last word and the leader (no box, no joiner holds the word: the leader's least room does)
    words = " ".join(f"long{k}" for k in range(9))
    for n in range(12):
        status = "deprecated" if n % 3 == 0 else "preferred"
        terms = {"en": [Term(f"{words} last{n:02d}x", status=status)], "sq": [f"fjala{n:02d}"]}
        if n % 4 == 1:  # the same term in two concepts: one line with two pages
            add(moci.root, f"d{n:02d}", {"en": [f"{words} last{n:02d}x"], "sq": [f"tjeter{n:02d}"]})
        add(moci.root, f"c{n:02d}", terms)
    pdf = export_booklet(request_for(moci.root, tmp_path, langs=["en", "sq"]))[0]
    pages = pdf_pages(pdf)
    index = next(text for text in pages if text.startswith("English\nL\n"))
    assert _joiners(pdf) == 0  # no joiner in the text a reader extracts
    for n in range(12):
        # the last word ends a line: its leader and page number(s) follow on the same line
        assert re.search(rf"last{n:02d}x( \(deprecated\))? ?\d+(, \d+)*$", index, re.M), n
        assert not re.search(rf"last{n:02d}x( \(deprecated\))?$", index, re.M), n


def test_entries_are_not_split_across_pages(moci, tmp_path: Path) -> None:
    _concepts_with_pages(moci.root, 40)
    pages = pdf_pages(export_booklet(request_for(moci.root, tmp_path, langs=["en", "sq", "ka"]))[0])
    for n in range(40):
        holding = [i for i, text in enumerate(pages) if re.search(rf"^term{n:03d}$", text, re.M)]
        assert len(holding) == 1
        # the entry's last row (ka) is on the page of its entry word
        assert f"სიტყვა{n}" in pages[holding[0]]


def test_a_very_long_entry_still_prints_whole(moci, tmp_path: Path) -> None:
    long_text = " ".join(f"word{i}" for i in range(1500))
    add(moci.root, "long", {"en": ["long"], "sq": ["gjatë"]}, definition={"en": long_text})
    text = " ".join(pdf_pages(export_booklet(request_for(moci.root, tmp_path))[0]))
    assert "word0 " in text and "word1499" in text and "gjatë" in text


def test_same_input_gives_the_same_pdf(seeded, tmp_path: Path) -> None:
    one = export_booklet(request_for(seeded.root, tmp_path / "a"))[0].read_bytes()
    two = export_booklet(request_for(seeded.root, tmp_path / "b"))[0].read_bytes()
    assert one == two


def test_registered_as_exporter(seeded, tmp_path: Path) -> None:
    assert get_exporter("booklet") is export_booklet
    assert get_exporter("booklet")(request_for(seeded.root, tmp_path))[0].exists()


def test_empty_selection_still_prints_a_cover(moci, tmp_path: Path) -> None:
    pdf = export_booklet(request_for(moci.root, tmp_path))[0]
    assert "Version 0.1.0" in pdf_pages(pdf)[0]


def test_export_booklet_and_html_from_the_command_line(seeded, tmp_path: Path) -> None:
    out = tmp_path / "exports"
    result = seeded(
        "export", "booklet", "--lang", "ka,sq", "--imposition", "--title", "Tbilisi", "-o", str(out)
    )
    slug = request_for(seeded.root, out).name_slug
    booklet, imposed = out / f"{slug}-en-sq-ka.pdf", out / f"{slug}-en-sq-ka-imposed.pdf"
    assert booklet.name in result.output and imposed.name in result.output
    assert page_size(booklet) == A5 and page_size(imposed) == A4_LANDSCAPE
    text = " ".join(pdf_pages(booklet))
    assert "Tbilisi" in text and "შერიგება" in text and "հաշտեցում" not in text
    seeded("export", "html", "-o", str(out))
    assert "შერიგება" in (out / f"{slug}.html").read_text(encoding="utf-8")
    refused = seeded("export", "booklet", "--paper", "a4", "--imposition", "-o", str(out), ok=None)
    assert refused.exit_code == 1 and "a5" in refused.output


def test_no_index_page_is_nearly_empty_but_the_last(moci, tmp_path: Path) -> None:
    # 121 lines an index: one index to a page would leave ~15 lines on every second page
    _concepts_with_pages(moci.root, 120)
    pdf = export_booklet(request_for(moci.root, tmp_path, langs=["en", "sq", "ka", "hy"]))[0]
    pages = pdf_pages(pdf)
    first = next(n for n, text in enumerate(pages) if n > 1 and "English" in text.splitlines())
    # an index line: a term, then its page numbers (the leader's dots are drawn, not text)
    index_line = re.compile(r"\S \d+(, \d+)*$")
    counts = [
        sum(bool(index_line.search(line)) for line in text.splitlines()) for text in pages[first:]
    ]
    counts = [count for count in counts if count]  # the colophon and blank pages hold none
    assert len(counts) >= 4
    assert all(count >= max(counts) / 3 for count in counts[:-1]), counts
