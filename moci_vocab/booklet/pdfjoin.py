"""Joining PDFs page by page, with an outline and document information (pypdf).

The booklet is typeset in parts (see ``booklet.layout``); this puts the parts'
pages into one file. Pages are copied, not re-drawn: their content streams, fonts
and images are carried over once per part, so the joined file is no larger than
its parts and the text stays extractable. Typst could place the pages itself, as
PDF images, but it keeps every placed page in memory (about 420 MB for 2,500
pages, against about 220 MB here).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from moci_vocab.errors import MociError

# How a part links to a page of the booklet ("moci-vocab:page/12"): the parts cannot link to
# each other, so booklet.typ's page references name the page, and the join points them at it.
PAGE_LINK = "moci-vocab:page/"


@dataclass(frozen=True)
class JoinJob:
    """Write ``output``: the ``sources`` pages ((file name in ``root``, 1-based page), in order).

    ``outline`` holds (title, 1-based page) bookmarks; ``info`` the document
    information (``/Title``, ``/CreationDate``…); ``lang`` the document's language.
    With ``tagged``, the parts' tags are carried over (``pdftags``); each page of a
    part is then taken at most once. Links to ``PAGE_LINK`` + a page number go to
    that page, described to a screen reader as ``page_word`` and the number.
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
        from pypdf import PdfReader, PdfWriter
        from pypdf.generic import BooleanObject, DictionaryObject, NameObject, TextStringObject

        from moci_vocab.booklet.pdftags import StructureTree

        writer = PdfWriter()
        readers: dict[str, PdfReader] = {}
        kept: dict[str, dict] = {}  # per part: its page's idnum → the booklet's page
        for name, page in self.sources:
            if name not in readers:
                readers[name] = PdfReader(Path(self.root) / name)
                kept[name] = {}
            source = readers[name].pages[page - 1]
            kept[name][source.indirect_reference.idnum] = writer.add_page(source).indirect_reference
        for page in writer.pages:
            for annotation in page.get("/Annots") or []:
                self._point(annotation.get_object(), writer)
        if self.tagged:
            tree = StructureTree(writer)
            for name, reader in readers.items():
                tree.add_part(reader, kept[name])
            tree.write()
        for title, page in self.outline:
            writer.add_outline_item(title=title, page_number=page - 1)
        if self.info:
            writer.add_metadata(self.info)
            # a reader's window shows the title, not the file's name
            writer.root_object[NameObject("/ViewerPreferences")] = DictionaryObject(
                {NameObject("/DisplayDocTitle"): BooleanObject(True)}
            )
        if self.lang:
            writer.root_object[NameObject("/Lang")] = TextStringObject(self.lang)
        if self.outline:
            writer.page_mode = "/UseOutlines"
        with open(self.output, "wb") as handle:
            writer.write(handle)

    def _point(self, annotation: Any, writer: Any) -> None:
        """Point a link to ``PAGE_LINK`` + number at that page of the booklet."""
        from pypdf.generic import ArrayObject, NameObject, TextStringObject

        action = annotation.get("/A")
        uri = action.get_object().get("/URI") if action is not None else None
        if not isinstance(uri, str) or not uri.startswith(PAGE_LINK):
            return
        number = int(uri[len(PAGE_LINK) :])
        if not 1 <= number <= len(writer.pages):
            raise MociError(f"the booklet links to page {number} of {len(writer.pages)}")
        target = writer.pages[number - 1].indirect_reference
        del annotation["/A"]
        annotation[NameObject("/Dest")] = ArrayObject([target, NameObject("/Fit")])
        annotation[NameObject("/Contents")] = TextStringObject(f"{self.page_word} {number}")
