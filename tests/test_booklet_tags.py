"""The joined booklet is a tagged PDF (issue 20, point 12): one structure tree for all parts.

Checked with tools other than the code that joins: the structure tree walked here with
pypdf against the pages' own content streams (the rules veraPDF checks: every MCID of a
page belongs to exactly one element, the ParentTree agrees, no element points to a page
outside the document, every link is its Link element's), poppler's ``pdfinfo`` and
``pdfinfo -struct-text`` (what a screen reader gets, in reading order) and ``qpdf --check``.
The booklet is typeset in runs of a few entries, so that parts typeset pages the booklet
drops (the next part typesets them again).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from moci_vocab.booklet import layout as booklet_layout
from moci_vocab.booklet.export import booklet_data
from moci_vocab.booklet.layout import Booklet, typeset_booklet
from moci_vocab.booklet.typesetter import Typesetter
from tests.test_booklet_layout import request

pypdf = pytest.importorskip("pypdf")


@dataclass
class Typeset:
    booklet: Booklet
    data: dict
    workdir: Path


@pytest.fixture(scope="module")
def typeset(tmp_path_factory: pytest.TempPathFactory) -> Typeset:
    """A 20-concept booklet typeset in runs of 9 entries and 40 index lines (ten parts;
    poppler's -struct-text takes 4 s of CPU on it, 10 s on 45 concepts)."""
    workdir = tmp_path_factory.mktemp("tagged")
    data = booklet_data(request(workdir, count=20))
    with pytest.MonkeyPatch.context() as patch, Typesetter(0) as typesetter:
        patch.setattr(booklet_layout, "ENTRY_RUN", 9)
        patch.setattr(booklet_layout, "INDEX_RUN", 40)
        return Typeset(typeset_booklet(data, typesetter, workdir), data, workdir)


def _kids(element) -> list:
    kids = element.get("/K")
    if kids is None:
        return []
    kids = kids.get_object()
    return list(kids) if isinstance(kids, list) else [kids]


def _number_tree(node) -> dict[int, object]:
    node = node.get_object()
    entries = {}
    nums = node.get("/Nums", [])
    for n in range(0, len(nums), 2):
        entries[int(nums[n])] = nums[n + 1]
    for kid in node.get("/Kids", []):
        entries.update(_number_tree(kid))
    return entries


@dataclass
class Walk:
    """What the structure tree holds, element by element in tree (reading) order."""

    elements: int = 0
    content: list[tuple[int, int, int]] = None  # (page index, MCID, element idnum)
    links: dict[int, int] = None  # annotation idnum → its Link element's idnum


def _walk(reader) -> Walk:
    root = reader.trailer["/Root"]
    page_of = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages)}
    walk = Walk(content=[], links={})

    def visit(ref, parent: int) -> None:
        element = ref.get_object()
        walk.elements += 1
        assert element.raw_get("/P").idnum == parent
        page = element.raw_get("/Pg").idnum if "/Pg" in element else None
        assert page is None or page in page_of, "an element points to a page not in the PDF"
        for kid in _kids(element):
            if isinstance(kid, int):
                walk.content.append((page_of[page], int(kid), ref.idnum))
                continue
            item = kid.get_object()
            on = item.raw_get("/Pg").idnum if "/Pg" in item else page
            assert on is None or on in page_of, "a kid points to a page not in the PDF"
            if item.get("/Type") == "/MCR":
                walk.content.append((page_of[on], int(item["/MCID"]), ref.idnum))
            elif item.get("/Type") == "/OBJR":
                assert element["/S"] == "/Link"
                annotation = item.raw_get("/Obj").idnum
                assert annotation not in walk.links, "a link belongs to two elements"
                walk.links[annotation] = ref.idnum
            else:
                visit(kid, ref.idnum)

    tree = root.raw_get("/StructTreeRoot")
    [document] = _kids(tree.get_object())
    assert document.get_object()["/S"] == "/Document"
    visit(document, tree.idnum)
    return walk


def test_one_structure_tree_holds_every_page_and_link(typeset: Typeset) -> None:
    parts = {name for name, _page in typeset.booklet.sources}
    typeset_pages = sum(len(pypdf.PdfReader(typeset.workdir / name).pages) for name in parts)
    assert typeset_pages > typeset.booklet.pages  # the parts typeset pages the booklet drops
    reader = pypdf.PdfReader(typeset.booklet.pdf)
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a BooleanObject)
    assert root["/Lang"] == "en"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    walk = _walk(reader)
    parents = _number_tree(root["/StructTreeRoot"]["/ParentTree"])
    # every marked content of every page belongs to exactly one element, as the ParentTree says
    held = Counter((page, mcid) for page, mcid, _element in walk.content)
    assert max(held.values()) == 1
    element_of = {(page, mcid): element for page, mcid, element in walk.content}
    for n, page in enumerate(reader.pages):
        stream = page.get_contents()
        text = stream.get_data().decode("latin-1") if stream is not None else ""
        mcids = {int(m) for m in re.findall(r"/MCID\s*(\d+)", text)}
        assert mcids == {mcid for p, mcid in held if p == n}
        if mcids:
            mapped = parents[int(page["/StructParents"])]
            for mcid in mcids:
                assert mapped[mcid].idnum == element_of[n, mcid]
        for annotation in page.get("/Annots") or []:  # each link is its Link element's
            element = walk.links[annotation.idnum]
            assert parents[int(annotation.get_object()["/StructParent"])].idnum == element
            assert any(e == element and p == n for p, _m, e in walk.content)  # and its text
    assert len(walk.links) == sum(len(page.get("/Annots") or []) for page in reader.pages) > 50
    # the tree reads the pages in order, each page's content in its order
    assert [(p, m) for p, m, _e in walk.content] == sorted((p, m) for p, m, _e in walk.content)
    assert len({p for p, _m, _e in walk.content}) >= typeset.booklet.pages - 3  # blank pages


def _has_struct_text() -> bool:
    if shutil.which("pdfinfo") is None:
        return False
    usage = subprocess.run(["pdfinfo", "-h"], capture_output=True, text=True)
    return "-struct-text" in usage.stdout + usage.stderr


@pytest.mark.skipif(not _has_struct_text(), reason="needs poppler's pdfinfo -struct-text (22+)")
def test_poppler_reads_the_whole_booklet_in_reading_order(typeset: Typeset) -> None:
    pdf = str(typeset.booklet.pdf)
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True)
    assert "Tagged:          yes" in info.stdout
    result = subprocess.run(["pdfinfo", "-struct-text", pdf], capture_output=True, text=True)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    text = "".join(re.findall(r'^\s*"(.*)"$', result.stdout, re.M))
    # the cover, the contents, every entry's definition in order, each index, the colophon
    landmarks = ["Layout Test", "Contents"]
    landmarks += [entry["definitions"][0]["text"] for entry in typeset.data["entries"]]
    landmarks += [idx["title"] for idx in typeset.data["indexes"]]
    landmarks.append(typeset.data["labels"]["colophon"])
    position = 0
    for landmark in landmarks:
        found = text.find(landmark, position)
        assert found >= 0, f"{landmark[:40]!r} is missing or out of order"
        position = found + len(landmark)


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
def test_qpdf_finds_no_error(typeset: Typeset) -> None:
    result = subprocess.run(
        ["qpdf", "--check", str(typeset.booklet.pdf)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


def test_a_booklet_longer_than_the_limit_is_joined_untagged(tmp_path: Path, monkeypatch) -> None:
    from moci_vocab.booklet import pdftags

    monkeypatch.setattr(pdftags, "MAX_PAGES", 4)  # memory: see pdftags.MAX_PAGES
    data = booklet_data(request(tmp_path, count=12))
    with Typesetter(0) as typesetter:
        booklet = typeset_booklet(data, typesetter, tmp_path)
    assert booklet.pages > 4
    reader = pypdf.PdfReader(booklet.pdf)
    assert "/StructTreeRoot" not in reader.trailer["/Root"]
    assert all("/StructParents" not in page for page in reader.pages)  # no key into nothing
    assert reader.metadata.title == "Layout Test"
