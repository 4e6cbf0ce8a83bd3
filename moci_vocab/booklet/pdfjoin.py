"""Joining PDFs page by page, with an outline, document information and tags (pikepdf).

The booklet is typeset in parts (see ``booklet.layout``); this puts the parts'
pages into one file. Pages are copied, not re-drawn: their content streams, fonts
and images are carried over once per part, so the joined file is no larger than
its parts and the text stays extractable. Typst could place the pages itself, as
PDF images, but it keeps every placed page in memory. qpdf (through pikepdf) copies
the pages and the parts' structure trees (``pdftags``) in C++, and writes object
streams, which keep the tags small.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pikepdf import Array, Name

from moci_vocab.errors import MociError

# How a part links to a page of the booklet ("moci-vocab:page/12"): the parts cannot link to
# each other, so booklet.typ's page references name the page, and the join points them at it.
PAGE_LINK = "moci-vocab:page/"


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
        from pikepdf import Dictionary

        from moci_vocab.booklet.pdftags import StructureTree

        pdf = pikepdf.Pdf.new()
        parts: dict[str, pikepdf.Pdf] = {}
        kept: dict[str, dict[tuple[int, int], Any]] = {}  # part page objgen → its copy
        pages = []  # the joined PDF's page objects (pikepdf's page list is slow to index)
        for name, number in self.sources:
            if name not in parts:
                parts[name] = pikepdf.Pdf.open(Path(self.root) / name)
                kept[name] = {}
            page = parts[name].pages[number - 1]
            pdf.pages.append(page)
            pages.append(pdf.pages[-1].obj)
            kept[name][page.obj.objgen] = pages[-1]
        for page in pages:
            for annotation in page.get("/Annots", []):
                self._point(annotation, pages)
        if self.tagged:
            tree = StructureTree(pdf)
            for name, part in parts.items():
                tree.add_part(part, kept[name])
            tree.write()
        else:
            for page in pages:
                if "/StructParents" in page:
                    del page["/StructParents"]
        if self.outline:
            with pdf.open_outline() as outline:
                for title, number in self.outline:
                    outline.root.append(pikepdf.OutlineItem(title, number - 1))
            pdf.Root.PageMode = Name.UseOutlines
        for key, value in self.info.items():
            pdf.docinfo[key] = value
        if self.info:  # a reader's window shows the title, not the file's name
            pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
        if self.lang:
            pdf.Root.Lang = self.lang
        pdf.save(
            self.output,
            min_version=max((part.pdf_version for part in parts.values()), default=""),
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            deterministic_id=True,
        )
        for part in parts.values():
            part.close()

    def _point(self, annotation: Any, pages: list[Any]) -> None:
        """Point a link to ``PAGE_LINK`` + number at that page of the booklet."""

        action = annotation.get("/A")
        uri = str(action.get("/URI", "")) if action is not None else ""
        if not uri.startswith(PAGE_LINK):
            return
        number = int(uri[len(PAGE_LINK) :])
        if not 1 <= number <= len(pages):
            raise MociError(f"the booklet links to page {number} of {len(pages)}")
        del annotation["/A"]
        annotation.Dest = Array([pages[number - 1], Name.Fit])
        annotation.Contents = f"{self.page_word} {number}"
