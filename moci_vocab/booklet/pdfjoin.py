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


@dataclass(frozen=True)
class JoinJob:
    """Write ``output``: the ``sources`` pages ((file name in ``root``, 1-based page), in order).

    ``outline`` holds (title, 1-based page) bookmarks; ``info`` the document
    information (``/Title``, ``/CreationDate``…); ``lang`` the document's language;
    ``links`` the page references to lay links on (the parts cannot link to each other).
    """

    root: str
    sources: list[tuple[str, int]]
    output: str
    outline: list[tuple[str, int]] = field(default_factory=list)
    info: dict[str, str] = field(default_factory=dict)
    lang: str | None = None
    # (1-based page, (x, y, width, height) in pt from the page's top left, 1-based target)
    links: list[tuple[int, tuple[float, float, float, float], int]] = field(default_factory=list)

    def run(self) -> None:
        """Join the parts' PDFs into one file, with outline and metadata."""
        from pypdf import PdfReader, PdfWriter
        from pypdf.annotations import Link
        from pypdf.generic import NameObject, TextStringObject

        writer = PdfWriter()
        readers: dict[str, PdfReader] = {}
        for name, page in self.sources:
            if name not in readers:
                readers[name] = PdfReader(Path(self.root) / name)
            writer.add_page(readers[name].pages[page - 1])
        for page, (x, y, width, height), target in self.links:
            top = float(writer.pages[page - 1].mediabox.height)
            rect = (x, top - y - height, x + width, top - y)
            writer.add_annotation(page - 1, Link(rect=rect, target_page_index=target - 1))
        for title, page in self.outline:
            writer.add_outline_item(title=title, page_number=page - 1)
        if self.info:
            writer.add_metadata(self.info)
        if self.lang:
            writer.root_object[NameObject("/Lang")] = TextStringObject(self.lang)
        if self.outline:
            writer.page_mode = "/UseOutlines"
        with open(self.output, "wb") as handle:
            writer.write(handle)
