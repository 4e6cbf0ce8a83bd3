"""The joined booklet is a tagged PDF (issue 20, point 12): one structure tree for all parts.

Checked with tools other than the code that joins: the structure tree walked here with
pypdf against the pages' own content streams (the rules veraPDF checks: every MCID of a
page belongs to exactly one element, the ParentTree agrees, no element points to a page
outside the document, every link is its Link element's), poppler's ``pdfinfo`` and
``pdfinfo -struct-text`` (what a screen reader gets, in reading order) and ``qpdf --check``.
The booklet is typeset in runs of a few entries, so that parts typeset pages the booklet
drops (the next part typesets them again). A booklet of any length is tagged: a join of
more than 600 pages (where tagging once stopped, for memory) is checked the same way,
built from copies of small parts rather than typeset, and its memory is that of a short one.
"""

from __future__ import annotations

import pickle
import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from moci_vocab.booklet import layout as booklet_layout
from moci_vocab.booklet.export import booklet_data
from moci_vocab.booklet.layout import Booklet, typeset_booklet
from moci_vocab.booklet.pdfjoin import JoinJob
from moci_vocab.booklet.pdfwrite import PartCopy, RawObjects
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
    walk = _check_tree(typeset.booklet.pdf, blank=3)
    assert len(walk.links) > 50


def _check_tree(pdf: Path, blank: int) -> Walk:
    """Check the PDF's structure tree against its pages (at most ``blank`` pages untagged)."""
    reader = pypdf.PdfReader(pdf)
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
    assert len(walk.links) == sum(len(page.get("/Annots") or []) for page in reader.pages)
    # the tree reads the pages in order, each page's content in its order
    assert [(p, m) for p, m, _e in walk.content] == sorted((p, m) for p, m, _e in walk.content)
    assert len({p for p, _m, _e in walk.content}) >= len(reader.pages) - blank  # blank pages
    return walk


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


def _long_join(typeset: Typeset, folder: Path, copies: int, extra: int) -> JoinJob:
    """A join of ``copies`` copies of the booklet's parts, then ``extra`` copies of its last
    part (the colophon and the blank pages before it: many pages, few tags), each a file of
    its own, as a long booklet's parts are."""
    folder.mkdir()
    sources = []
    for copy in range(copies):
        for name in sorted({name for name, _page in typeset.booklet.sources}):
            shutil.copyfile(typeset.workdir / name, folder / f"{copy:03d}-{name}")
        sources += [(f"{copy:03d}-{name}", page) for name, page in typeset.booklet.sources]
    back = typeset.booklet.sources[-1][0]
    back_pages = [page for name, page in typeset.booklet.sources if name == back]
    for copy in range(extra):
        shutil.copyfile(typeset.workdir / back, folder / f"back-{copy:03d}.pdf")
        sources += [(f"back-{copy:03d}.pdf", page) for page in back_pages]
    outline = [("Glossary", 3), ("Last part", len(sources))]
    return JoinJob(str(folder), sources, str(folder / "joined.pdf"), outline,
                   typeset.booklet.info, "en", tagged=True)  # fmt: skip


def test_a_booklet_of_more_than_600_pages_is_tagged(typeset: Typeset, tmp_path: Path) -> None:
    job = _long_join(typeset, tmp_path / "long", copies=1, extra=150)
    job.run()
    assert len(job.sources) > 600  # tagging once stopped at 600 pages, for memory
    walk = _check_tree(Path(job.output), blank=3 * 151)  # the blank pages before colophons
    assert len(walk.links) > 50
    reader = pypdf.PdfReader(job.output)
    assert reader.metadata.title == "Layout Test"
    outline = [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]
    assert outline == [("Glossary", 2), ("Last part", len(job.sources) - 1)]
    if shutil.which("qpdf"):
        result = subprocess.run(["qpdf", "--check", job.output], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", job.output], capture_output=True, text=True)
        assert "Tagged:          yes" in info.stdout and info.stderr == ""


def test_the_same_parts_join_into_the_same_bytes(typeset: Typeset, tmp_path: Path) -> None:
    first = _long_join(typeset, tmp_path / "first", copies=2, extra=0)
    second = _long_join(typeset, tmp_path / "second", copies=2, extra=0)
    first.run()
    second.run()
    assert Path(first.output).read_bytes() == Path(second.output).read_bytes()


@pytest.mark.skipif(sys.platform != "linux", reason="peak memory as Linux reports it (KiB)")
def test_the_join_holds_one_part_at_a_time(typeset: Typeset, tmp_path: Path) -> None:
    """Joining the booklet's parts many times over takes about the memory of joining them once.

    A join that builds the whole document first (qpdf, pypdf) holds every structure
    element of every part, twice while copying: some 200 MB more for these 600 pages.
    """
    peaks = {}
    many = 600 // typeset.booklet.pages + 1
    for copies in (1, many):
        job = _long_join(typeset, tmp_path / f"copies-{copies}", copies=copies, extra=0)
        job_file = tmp_path / f"job-{copies}.pickle"
        job_file.write_bytes(pickle.dumps(job))
        code = (
            "import pickle, resource, sys; "
            "pickle.loads(open(sys.argv[1], 'rb').read()).run(); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
        )
        result = subprocess.run(
            [sys.executable, "-c", code, str(job_file)], capture_output=True, text=True, check=True
        )
        peaks[copies] = int(result.stdout) / 1024
    assert len(job.sources) > 600
    assert peaks[many] < peaks[1] + 30, peaks  # MB


def _pieces(booklet: Booklet) -> list[tuple[str, list[tuple[int, int]]]]:
    """The booklet's parts: (file name, [(booklet page index, the part's page)])."""
    parts: dict[str, list[tuple[int, int]]] = {}
    for position, (name, page) in enumerate(booklet.sources):
        parts.setdefault(name, []).append((position, page))
    return list(parts.items())


def test_parts_joined_in_the_background_in_any_order_read_in_page_order(
    typeset: Typeset, tmp_path: Path
) -> None:
    """The join beside the typesetting (``JoinThread``) takes the parts in the order they
    are typeset (the front matter last): the tree still reads the pages in order, each
    link goes to its page, and the same order gives the same bytes."""
    from concurrent.futures import Future

    from moci_vocab.booklet.pdfjoin import JoinThread

    parts = _pieces(typeset.booklet)
    order = [*parts[1:], parts[0]]  # the cover and contents last, as the booklet does
    outputs = []
    for run in range(2):
        output = tmp_path / f"joined-{run}.pdf"
        join = JoinThread(output, 2, True, "page", background=True)
        for name, pages in order:
            ready: Future = Future()
            join.add(typeset.workdir / name, pages, ready, lambda result: result == "as planned")
            ready.set_result("as planned")
        join.finish(typeset.booklet.pages, [("Glossary", 3)], typeset.booklet.info, "en")
        outputs.append(output.read_bytes())
    assert outputs[0] == outputs[1]
    walk = _check_tree(tmp_path / "joined-0.pdf", blank=3)
    assert len(walk.links) > 50
    reader = pypdf.PdfReader(tmp_path / "joined-0.pdf")
    joined = [page.extract_text() for page in reader.pages]
    booklet = [page.extract_text() for page in pypdf.PdfReader(typeset.booklet.pdf).pages]
    assert joined == booklet


def test_a_part_off_its_plan_spoils_the_background_join(typeset: Typeset, tmp_path: Path) -> None:
    """A part whose typesetting did not follow the plan is not joined; ``finish`` refuses,
    and ``close`` does not wait for a part that is never typeset."""
    from concurrent.futures import Future

    from moci_vocab.booklet.pdfjoin import JoinThread
    from moci_vocab.errors import MociError

    (name, pages), *_rest = _pieces(typeset.booklet)
    join = JoinThread(tmp_path / "spoiled.pdf", 0, True, "page", background=True)
    ready: Future = Future()
    join.add(typeset.workdir / name, pages, ready, lambda result: result == "as planned")
    ready.set_result("moved")
    with pytest.raises(MociError, match="did not follow"):
        join.finish(len(pages), [], {}, "en")
    join.close()
    waiting = JoinThread(tmp_path / "waiting.pdf", 0, True, "page", background=True)
    waiting.add(typeset.workdir / name, pages, Future())  # never done: typesetting stopped
    waiting.close()  # returns (a hang here fails the test by timeout)


def test_links_rewritten_from_their_text_are_those_pikepdf_writes(
    typeset: Typeset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The join writes Typst's page links from their text (``PartCopy.link``), any other link
    # through pikepdf: the same parts saved again by qpdf (other syntax, so every link goes
    # through pikepdf) join into the same links, keys and tree.
    pikepdf = pytest.importorskip("pikepdf")
    booklet = typeset.booklet
    resaved = tmp_path / "resaved"
    resaved.mkdir()
    for name in {name for name, _page in booklet.sources}:
        with pikepdf.open(typeset.workdir / name) as part:
            part.save(resaved / name)
    joined, from_text = {}, []
    link = PartCopy.link
    monkeypatch.setattr(PartCopy, "link", lambda *a: from_text.append(1) or link(*a))
    for label, folder in (("text", typeset.workdir), ("pikepdf", resaved)):
        output = tmp_path / f"{label}.pdf"
        JoinJob(str(folder), booklet.sources, str(output), [], booklet.info, booklet.lang,
                tagged=True).run()  # fmt: skip
        joined[label] = output
        if label == "text":
            assert len(from_text) > 50
            from_text.clear()
    assert from_text == []  # none of the links saved by qpdf was written from its text

    def links(pdf: Path) -> list[list[tuple]]:
        reader = pypdf.PdfReader(pdf)
        page_of = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages)}
        return [
            [
                (
                    page_of[link["/Dest"][0].idnum],
                    link["/Contents"],
                    link["/StructParent"],
                    [float(x) for x in link["/Rect"]],
                    "/A" in link,
                )
                for link in (annotation.get_object() for annotation in page.get("/Annots") or [])
            ]
            for page in reader.pages
        ]

    assert links(joined["text"]) == links(joined["pikepdf"])
    assert sum(len(page) for page in links(joined["text"])) > 50
    assert (
        _check_tree(joined["pikepdf"], blank=3).elements
        == _check_tree(joined["text"], blank=3).elements
    )


def test_no_array_of_the_structure_grows_with_the_booklet(typeset: Typeset, tmp_path: Path) -> None:
    """Each part's elements form one group under the Document, so the Document's kids grow
    with the parts, not with the entries: a flat Document held 106,000 kids at 10,000
    concepts, and pypdf refuses an array of more than 100,000."""
    job = _long_join(typeset, tmp_path / "long", copies=40, extra=0)
    job.run()
    parts = len({name for name, _page in job.sources})
    reader = pypdf.PdfReader(job.output)
    document = reader.trailer["/Root"]["/StructTreeRoot"]["/K"][0].get_object()
    groups = [kid.get_object() for kid in document["/K"]]
    assert len(groups) == parts
    assert {group["/S"] for group in groups} == {"/NonStruct"}
    largest = max(len(group["/K"]) for group in groups)
    assert largest < sum(len(group["/K"]) for group in groups) / 10


def test_references_read_from_a_parts_text_are_those_pikepdf_reads(typeset: Typeset) -> None:
    # The join reads the Document's kids, the ParentTree and the pages' links from a part's
    # text (``RawObjects``), not through pikepdf, which would parse every object they name.
    pikepdf = pytest.importorskip("pikepdf")
    pages_with_links = 0
    for name in sorted({name for name, _page in typeset.booklet.sources}):
        raw = RawObjects.read(str(typeset.workdir / name))
        assert raw is not None
        with pikepdf.open(typeset.workdir / name) as part:
            root = part.Root.StructTreeRoot
            nums = root.ParentTree.Nums
            parents = {int(nums[n]): nums[n + 1].objgen for n in range(0, len(nums), 2)}
            assert raw.number_refs(root.objgen, b"/ParentTree") == parents
            [document] = root.K
            assert raw.refs(document.objgen, b"/K") == [kid.objgen for kid in document.K]
            for page in part.pages:
                links = page.obj.get("/Annots")
                if links is not None:
                    assert raw.refs(page.obj.objgen, b"/Annots") == [a.objgen for a in links]
                    pages_with_links += 1
    assert pages_with_links > 5


def test_references_are_read_from_text_only_in_the_shape_expected() -> None:
    # Anything but a key's one array of references to objects of the file (or a ParentTree
    # that is one leaf of such references) is left to pikepdf: None.
    objects = {
        1: b"<</K[2 0 R 3 0 R]/Kids[4 0 R]>>",
        2: b"<</K[2 0 R 9 0 R]>>",  # 9: no object of the file
        3: b"<</K[2 0 R 4]>>",  # an MCID among the kids
        4: b"<</K 2 0 R>>",  # one kid, not an array
        5: b"<</A<</K[2 0 R]>>/K[3 0 R]>>",  # the key twice
        6: b"<</ParentTree<</Nums[0 2 0 R 1 3 0 R]>>/ParentTreeNextKey 2>>",
        7: b"<</ParentTree<</Kids[6 0 R]>>>>",  # a tree of several leaves
        8: b"<</ParentTree<</Nums[0 2 0 R 1[3 0 R]]>>>>",  # a direct array
    }
    data, spans = b"%PDF-1.7\n", {}
    for number, body in objects.items():
        start = len(data)
        data += b"%d 0 obj\n%s\nendobj\n" % (number, body)
        spans[number] = (start, len(data))
    raw = RawObjects(data, spans)
    assert raw.refs((1, 0), b"/K") == [(2, 0), (3, 0)]
    assert raw.refs((1, 0), b"/Annots") is None
    assert [raw.refs((n, 0), b"/K") for n in (2, 3, 4, 5)] == [None] * 4
    assert raw.number_refs((6, 0), b"/ParentTree") == {0: (2, 0), 1: (3, 0)}
    assert raw.number_refs((7, 0), b"/ParentTree") is None
    assert raw.number_refs((8, 0), b"/ParentTree") is None
