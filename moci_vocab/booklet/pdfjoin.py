"""Joining PDFs page by page, with an outline, document information and tags.

The booklet is typeset in parts (see ``booklet.layout``); this puts the parts' pages
into one file. Pages are copied, not re-drawn: their content streams, fonts and images
are carried over once per part, as they are stored, so the joined file is no larger
than its parts and the text stays extractable. Typst could place the pages itself, as
PDF images, but it keeps every placed page in memory.

The join streams: it opens one part at a time (pikepdf, for reading), writes the part's
pages and everything they and its structure tree use straight to the output under new
numbers (``pdfwrite``), and closes the part. The page tree, the outline, the merged
structure tree's root (``pdftags``) and the cross-reference stream come last. Its memory
is one part's objects and a few numbers per object written, whatever the booklet's
length; a library that saves a whole document held a long tagged booklet's every tag in
memory, twice while copying (1.75 GB for 2,800 pages).
"""

from __future__ import annotations

import re
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
        import pikepdf

        from moci_vocab.booklet.pdftags import StructureTree
        from moci_vocab.booklet.pdfwrite import PartCopy, PdfWriter, RawObjects

        wanted: dict[str, list[tuple[int, int]]] = {}  # part → (booklet page index, its page)
        for position, (name, number) in enumerate(self.sources):
            wanted.setdefault(name, []).append((position, number))
        version = max(_version(Path(self.root) / name) for name in wanted) if wanted else "1.7"
        with open(self.output, "wb") as out:
            writer = PdfWriter(out, version)
            plan = _Plan(writer.reserve(), writer.reserve())
            plan.pages = [writer.reserve() for _ in self.sources]
            tree = None
            if self.tagged:
                tree = StructureTree(writer, writer.reserve(), writer.reserve())
            for name, pages in wanted.items():
                path = Path(self.root) / name
                with pikepdf.open(path) as part:
                    copy = PartCopy(writer, part, RawObjects.read(path))
                    self._copy_part(copy, pages, plan, tree)
            self._finish(plan, writer, tree)

    def _copy_part(self, copy: Any, wanted: list[tuple[int, int]], plan: _Plan, tree: Any) -> None:
        """Write the ``wanted`` pages of a part and all they use (``copy``); merge its tree."""
        from moci_vocab.booklet.pdftags import strip_keys

        part, writer = copy.source, copy.writer
        pages = [page.obj for page in part.pages]
        if any(not 1 <= number <= len(pages) for _position, number in wanted):
            raise MociError(f"a part of the booklet has {len(pages)} pages, fewer than expected")
        kept: dict[tuple[int, int], Any] = {}
        for _position, number in wanted:
            kept.setdefault(pages[number - 1].objgen, pages[number - 1])
        for page in pages:
            if page.objgen not in kept:
                copy.drop(page)  # a reference to it (a structure element's /Pg) becomes null
        for page in kept.values():
            _own_attributes(page, copy, plan.root_pages)
            for annotation in page.get("/Annots", []):
                copy.change(annotation)  # its key into the tree, or its link
                self._point(annotation, copy, plan)
        if tree is not None:
            tree.add_part(part, copy, list(kept.values()))
        else:
            strip_keys(list(kept.values()))
        placed = set()
        again = []  # a page taken twice (untagged only): its dictionary written twice
        for position, number in wanted:
            page = pages[number - 1]
            if page.objgen in placed:
                again.append((position, page))
            else:
                copy.place(page, plan.pages[position])
                placed.add(page.objgen)
        copy.flush()
        for position, page in again:
            writer.add(plan.pages[position], copy.value(page))
        copy.flush()

    def _point(self, annotation: Any, copy: Any, plan: _Plan) -> None:
        """Point a link to ``PAGE_LINK`` + number at that page of the booklet."""
        action = annotation.get("/A")
        uri = str(action.get("/URI", "")) if action is not None else ""
        if not uri.startswith(PAGE_LINK):
            return
        number = int(uri[len(PAGE_LINK) :])
        if not 1 <= number <= len(plan.pages):
            raise MociError(f"the booklet links to page {number} of {len(plan.pages)}")
        del annotation["/A"]
        copy.point(annotation, plan.pages[number - 1])
        annotation.Contents = f"{self.page_word} {number}"

    def _finish(self, plan: _Plan, writer: Any, tree: Any) -> None:
        """Write the page tree, outline, information, tree root and catalogue; end the file."""
        from pikepdf import Name

        from moci_vocab.booklet.pdfwrite import pdf_string, refs

        pages = b"<< /Type /Pages /Count %d /Kids %s >>" % (len(plan.pages), refs(plan.pages))
        writer.add(plan.root_pages, pages)
        catalog = b"<< /Type /Catalog /Pages %d 0 R" % plan.root_pages
        if self.outline:
            catalog += b" /Outlines %d 0 R /PageMode /UseOutlines" % self._write_outline(
                writer, plan
            )
        if tree is not None:
            catalog += b" " + tree.write()
        if self.lang:
            catalog += b" /Lang " + pdf_string(self.lang)
        info = None
        if self.info:  # a reader's window shows the title, not the file's name
            catalog += b" /ViewerPreferences << /DisplayDocTitle true >>"
            entries = b" ".join(
                Name(key).unparse() + b" " + pdf_string(value) for key, value in self.info.items()
            )
            info = writer.add_new(b"<< " + entries + b" >>")
        writer.add(plan.catalog, catalog + b" >>")
        writer.close(plan.catalog, info)

    def _write_outline(self, writer: Any, plan: _Plan) -> int:
        """Write the bookmarks (one level); return the outline's root."""
        from moci_vocab.booklet.pdfwrite import pdf_string

        root = writer.reserve()
        items = [writer.reserve() for _ in self.outline]
        for n, (title, page) in enumerate(self.outline):
            if not 1 <= page <= len(plan.pages):
                raise MociError(f"a bookmark points to page {page} of {len(plan.pages)}")
            body = b"<< /Title %s /Parent %d 0 R /Dest [ %d 0 R /Fit ]" % (
                pdf_string(title),
                root,
                plan.pages[page - 1],
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


@dataclass
class _Plan:
    """The output's object numbers reserved before any part is copied."""

    catalog: int
    root_pages: int
    pages: list[int] = field(default_factory=list)  # the booklet's pages, in order


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
