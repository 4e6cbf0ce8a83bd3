"""Joining PDFs page by page, with an outline, document information and tags.

The booklet is typeset in parts (see ``booklet.layout``); this puts the parts' pages
into one file. Pages are copied, not re-drawn: their content streams, fonts and images
are carried over once per part, as they are stored, so the joined file is no larger
than its parts and the text stays extractable. Typst could place the pages itself, as
PDF images, but it keeps every placed page in memory.

The join streams: it opens one part at a time (pikepdf, for reading), writes the part's
pages and everything they and its structure tree use straight to the output under new
numbers (``pdfwrite``), and closes the part. The page tree, the outline, the merged
structure tree's root (``pdftags``) and the cross-reference stream come last. The
booklet's join (``JoinThread``) runs beside its typesetting: each part is joined as soon
as it is typeset, in a fixed order (the entries, the indexes, then the front matter),
so that little is left to join when the last part is done. Its memory
is one part's objects and a few numbers per object written, whatever the booklet's
length; a library that saves a whole document held a long tagged booklet's every tag in
memory, twice while copying (1.75 GB for 2,800 pages).
"""

from __future__ import annotations

import queue
import re
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from moci_vocab.errors import MociError

# How a part links to a page of the booklet ("moci-vocab:page/12"): the parts cannot link to
# each other, so booklet.typ's page references name the page, and the join points them at it.
PAGE_LINK = "moci-vocab:page/"
# Page attributes a page may inherit from the page tree above it: the join gives each page
# its own, since the parts' page trees are not copied.
INHERITED = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")
# A page link as Typst writes it into a tagged part (the join rewrites it: ``_page_link``).
_TYPST_LINK = re.compile(
    rb"<</Type/Annot/Subtype/Link/Rect\[(?P<rect>[-+\d. ]+)\]/Border\[0 0 0\]"
    rb"/A<</Type/Action/S/URI/URI\(" + re.escape(PAGE_LINK.encode()) + rb"(?P<page>\d+)\)>>"
    rb"/F 4/StructParent (?P<key>\d+)/Contents\(" + re.escape(PAGE_LINK.encode()) + rb"\d+\)>>"
)


@dataclass(frozen=True)
class JoinJob:
    """Write ``output``: the ``sources`` pages ((file name in ``root``, 1-based page), in order).

    ``outline`` holds (title, 1-based page) bookmarks; ``info`` the document
    information (``/Title``, ``/CreationDate``…); ``lang`` the document's language.
    With ``tagged``, the parts' tags are carried over (``pdftags``; each page of a part
    is then taken at most once); without, the pages lose their keys into a tree the
    join leaves out. Links to ``PAGE_LINK`` + a page number go to that page, described
    to a screen reader as ``page_word`` and the number.
    """

    root: str
    sources: list[tuple[str, int]]
    output: str
    outline: list[tuple[str, int]] = field(default_factory=list)
    info: dict[str, str] = field(default_factory=dict)
    lang: str | None = None
    tagged: bool = False
    page_word: str = "page"

    def run(self) -> None:
        """Join the parts' PDFs into one file, with outline, metadata and tags."""
        wanted: dict[str, list[tuple[int, int]]] = {}  # part → (booklet page index, its page)
        for position, (name, number) in enumerate(self.sources):
            wanted.setdefault(name, []).append((position, number))
        version = max(_version(Path(self.root) / name) for name in wanted) if wanted else "1.7"
        with open(self.output, "wb") as out:
            join = Join(out, version, len(self.sources), self.tagged, self.page_word)
            for name, pages in wanted.items():
                join.add(Path(self.root) / name, pages)
            join.finish(len(self.sources), self.outline, self.info, self.lang)


class Join:
    """A PDF joined part by part: ``add`` each part's pages (the parts in any order), then
    ``finish``; ``JoinJob`` joins a list of pages, ``layout`` the booklet as it is typeset.

    The output's pages are numbered up front (the first ``known`` of them) or as they
    are met, by a part or a link; the same parts added in the same order give the same
    bytes. The structure tree keeps the parts' elements in page order, whatever the
    order of the parts. ``version`` is the PDF version the header claims; a part of a
    later version raises the catalogue's.
    """

    def __init__(
        self, out: Any, version: str, known: int, tagged: bool, page_word: str = "page"
    ) -> None:
        from moci_vocab.booklet.pdftags import StructureTree
        from moci_vocab.booklet.pdfwrite import PdfWriter

        self.writer = PdfWriter(out, version)
        self.version = self.header = max(version, "1.5")
        self.catalog, self.root_pages = self.writer.reserve(), self.writer.reserve()
        self.pages = {position: self.writer.reserve() for position in range(known)}
        self.tree = (
            StructureTree(self.writer, self.writer.reserve(), self.writer.reserve())
            if tagged
            else None
        )
        self.page_word = page_word
        self._contents: dict[int, bytes] = {}  # a link's description, by page number

    def page(self, position: int) -> int:
        """The output number of the booklet's page ``position`` (0-based)."""
        number = self.pages.get(position)
        if number is None:
            number = self.pages[position] = self.writer.reserve()
        return number

    def add(self, path: Path, wanted: list[tuple[int, int]]) -> None:
        """Write pages of the part ``path``: (booklet page index, the part's 1-based page)."""
        import pikepdf

        from moci_vocab.booklet.pdfwrite import PartCopy, RawObjects

        self.version = max(self.version, _version(path))
        with pikepdf.open(path) as part:
            self._copy_part(PartCopy(self.writer, part, RawObjects.read(path)), wanted)

    def _copy_part(self, copy: Any, wanted: list[tuple[int, int]]) -> None:
        """Write the ``wanted`` pages of a part and all they use (``copy``); merge its tree."""
        from moci_vocab.booklet.pdftags import strip_keys

        part, writer, tree = copy.source, copy.writer, self.tree
        pages = [page.obj for page in part.pages]
        if any(not 1 <= number <= len(pages) for _position, number in wanted):
            raise MociError(f"a part of the booklet has {len(pages)} pages, fewer than expected")
        kept: dict[tuple[int, int], Any] = {}
        for _position, number in wanted:
            kept.setdefault(pages[number - 1].objgen, pages[number - 1])
        for page in pages:
            if page.objgen not in kept:
                copy.drop(page)  # a reference to it (a structure element's /Pg) becomes null
        # a link of a tagged part keeps its key into the tree: it may be written from its text
        as_text = tree is not None and copy.raw is not None and "/StructTreeRoot" in part.Root
        copy.annotations = {}
        for page in kept.values():
            _own_attributes(page, copy, self.root_pages)
            others = copy.annotations[page.objgen] = []
            # read from the text, the links are not parsed by pikepdf (nor handed over)
            listed = copy.raw.refs(page.objgen, b"/Annots") if as_text else None
            for annotation in page.get("/Annots", []) if listed is None else listed:
                if isinstance(annotation, tuple):  # a reference read from the text
                    if self._page_link(annotation, copy):
                        continue
                    annotation = part.get_object(annotation)
                elif as_text and self._page_link(annotation.objgen, copy):
                    continue
                copy.change(annotation)  # its key into the tree, or its link
                self._point(annotation, copy)
                others.append(annotation)
        if tree is not None:
            tree.add_part(part, copy, list(kept.values()), min(wanted)[0] if wanted else 0)
        else:
            strip_keys(list(kept.values()))
        placed = set()
        again = []  # a page taken twice (untagged only): its dictionary written twice
        for position, number in wanted:
            page = pages[number - 1]
            if page.objgen in placed:
                again.append((position, page))
            else:
                copy.place(page, self.page(position))
                placed.add(page.objgen)
        copy.flush()
        for position, page in again:
            writer.add(self.page(position), copy.value(page))
        copy.flush()

    def _page_link(self, objgen: tuple[int, int], copy: Any) -> bool:
        """Point a link of Typst's to ``PAGE_LINK`` + number (the annotation ``objgen``) at
        that page, written from its text (``PartCopy.link``: a tenth of the cost of changing
        it through pikepdf, and a booklet has tens of thousands); False if it is not such a
        link, as it is written."""
        from moci_vocab.booklet.pdfwrite import pdf_string

        # the whole text must have the shape of Typst's link (no stream, comment or other
        # string can be in it): ``body``'s checks for a plain object are not needed
        body = copy.raw.text(objgen)
        found = _TYPST_LINK.fullmatch(body) if body is not None else None
        if found is None:
            return False
        number = int(found["page"])
        if number < 1:
            raise MociError(f"the booklet links to page {number}")
        contents = self._contents.get(number)
        if contents is None:
            contents = self._contents[number] = pdf_string(f"{self.page_word} {number}")
        copy.link(objgen, found["rect"], self.page(number - 1), contents, int(found["key"]))
        return True

    def _point(self, annotation: Any, copy: Any) -> None:
        """Point a link to ``PAGE_LINK`` + number at that page of the booklet."""
        action = annotation.get("/A")
        uri = str(action.get("/URI", "")) if action is not None else ""
        if not uri.startswith(PAGE_LINK):
            return
        number = int(uri[len(PAGE_LINK) :])
        if number < 1:  # beyond the last page: ``finish`` knows the count
            raise MociError(f"the booklet links to page {number}")
        del annotation["/A"]
        copy.point(annotation, self.page(number - 1))
        annotation.Contents = f"{self.page_word} {number}"

    def finish(
        self,
        count: int,
        outline: list[tuple[str, int]],
        info: dict[str, str],
        lang: str | None,
    ) -> None:
        """Write the page tree (``count`` pages), outline, information, tree root and
        catalogue; end the file."""
        from pikepdf import Name

        from moci_vocab.booklet.pdfwrite import pdf_string, refs

        beyond = [position + 1 for position in self.pages if position >= count]
        if beyond:
            raise MociError(f"the booklet links to page {min(beyond)} of {count}")
        writer = self.writer
        kids = refs([self.page(position) for position in range(count)])
        writer.add(self.root_pages, b"<< /Type /Pages /Count %d /Kids %s >>" % (count, kids))
        catalog = b"<< /Type /Catalog /Pages %d 0 R" % self.root_pages
        if self.version > self.header:
            catalog += b" /Version /" + self.version.encode("ascii")
        if outline:
            root = self._write_outline(outline, count)
            catalog += b" /Outlines %d 0 R /PageMode /UseOutlines" % root
        if self.tree is not None:
            catalog += b" " + self.tree.write()
        if lang:
            catalog += b" /Lang " + pdf_string(lang)
        document = None
        if info:  # a reader's window shows the title, not the file's name
            catalog += b" /ViewerPreferences << /DisplayDocTitle true >>"
            entries = b" ".join(
                Name(key).unparse() + b" " + pdf_string(value) for key, value in info.items()
            )
            document = writer.add_new(b"<< " + entries + b" >>")
        writer.add(self.catalog, catalog + b" >>")
        writer.close(self.catalog, document)

    def _write_outline(self, outline: list[tuple[str, int]], count: int) -> int:
        """Write the bookmarks (one level); return the outline's root."""
        from moci_vocab.booklet.pdfwrite import pdf_string

        writer = self.writer
        root = writer.reserve()
        items = [writer.reserve() for _ in outline]
        for n, (title, page) in enumerate(outline):
            if not 1 <= page <= count:
                raise MociError(f"a bookmark points to page {page} of {count}")
            body = b"<< /Title %s /Parent %d 0 R /Dest [ %d 0 R /Fit ]" % (
                pdf_string(title),
                root,
                self.page(page - 1),
            )
            if n:
                body += b" /Prev %d 0 R" % items[n - 1]
            if n + 1 < len(items):
                body += b" /Next %d 0 R" % items[n + 1]
            writer.add(items[n], body + b" >>")
        writer.add(
            root,
            b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>"
            % (items[0], items[-1], len(items)),
        )
        return root


class JoinThread:
    """A ``Join`` fed while the booklet is typeset: each part is joined once typeset, in
    the order added, in a thread of this process (which otherwise only waits for its
    workers), so that little of the join is left when the last part is done.

    ``add`` queues a part with the future of its typesetting and a check of the result;
    a part that fails its check (a plan that Typst did not follow) spoils the join, which
    is then ``close``d and started again. ``add_slot`` queues a place for parts not yet
    known (a future of their list). ``finish`` waits for the queue and ends the file.
    Without ``background``, parts are joined as soon as they and those before them are
    ready, in this thread, when a part is added.
    """

    def __init__(
        self, output: Path, known: int, tagged: bool, page_word: str, background: bool
    ) -> None:
        self._file = open(output, "wb")  # noqa: SIM115 (closed by finish or close)
        self.join = Join(self._file, "1.7", known, tagged, page_word)
        self.spoiled = False
        self._queue: queue.Queue = queue.Queue()
        self._pending: deque[tuple] = deque()  # without a thread: not yet ready
        self._stop = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, daemon=True) if background else None
        if self._thread is not None:
            self._thread.start()

    def add(
        self,
        path: Path,
        pages: list[tuple[int, int]],
        ready: Future | None = None,
        check: Callable[[Any], bool] | None = None,
    ) -> None:
        """Join ``pages`` of ``path`` (see ``Join.add``) once ``ready`` is, if ``check``
        accepts its result."""
        self._put((path, pages, ready, check))

    def add_slot(self, parts: Future) -> None:
        """Join the parts that ``parts`` will hold ([(path, pages)…], maybe none) here, in
        the queue's order."""
        self._put((None, None, parts, None))

    def finish(
        self, count: int, outline: list[tuple[str, int]], info: dict[str, str], lang: str | None
    ) -> None:
        """Join what is queued, then end the file (see ``Join.finish``)."""
        self._wait()
        if self._error is not None:
            raise self._error
        if self.spoiled:
            raise MociError("the booklet's parts did not follow their plan; please report this")
        self.join.finish(count, outline, info, lang)
        self._file.close()

    def close(self) -> None:
        """Stop joining (what is being joined ends first) and close the file."""
        self._stop.set()
        self._wait()
        self._file.close()

    def _put(self, item: tuple) -> None:
        if self._thread is not None:
            self._queue.put(item)
            return
        self._pending.append(item)
        self._pump()

    def _pump(self) -> None:
        """Without a thread: join the pending parts from the first, while they are ready."""
        while self._pending and (self._pending[0][2] is None or self._pending[0][2].done()):
            self._take(self._pending.popleft())

    def _wait(self) -> None:
        if not self._stop.is_set():
            self._pump()
        if self._pending and not self._stop.is_set():
            raise MociError("the booklet's join waited for a part that was never typeset")
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            try:
                self._take(item)
            except BaseException as exc:  # the caller's future raises it too, or finish
                self._error = exc
                self._stop.set()

    def _take(self, item: tuple) -> None:
        path, pages, ready, check = item
        if self.spoiled or self._stop.is_set():
            return
        if ready is not None:
            while not ready.done():  # not ``result()`` alone: ``close`` must not wait for it
                if self._stop.wait(0.05):
                    return
            if check is not None and not check(ready.result()):
                self.spoiled = True
                return
        parts = [(path, pages)] if path is not None else ready.result()
        for part, wanted in parts:
            self.join.add(part, wanted)


def _own_attributes(page: Any, copy: Any, root_pages: int) -> None:
    """Give ``page`` the attributes it inherits; its page tree becomes the booklet's."""
    parent = page.get("/Parent")
    depth = 0
    while parent is not None and depth < 100:
        for key in INHERITED:
            if key not in page and key in parent:
                page[key] = parent[key]
        copy.alias(parent, root_pages)
        parent = parent.get("/Parent")
        depth += 1


def _version(path: Path) -> str:
    """The PDF version in a file's header (``1.7``)."""
    with open(path, "rb") as handle:
        found = re.match(rb"%PDF-(\d\.\d)", handle.read(16))
    return found.group(1).decode("ascii") if found else "1.7"
