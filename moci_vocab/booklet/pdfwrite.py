"""Writing a PDF object by object, straight to its file (the booklet's join).

A join that builds the whole document in memory before saving it (qpdf, pypdf) holds
every object of the booklet at once: for a long tagged booklet, hundreds of thousands of
structure elements, twice while they are copied. ``PdfWriter`` instead writes each object
as soon as it is known and keeps only its place (a few bytes per object); ``PartCopy``
copies the objects of one open source PDF (pikepdf) under new numbers, so that a part can
be closed as soon as its pages are written.

Objects other than streams go into compressed object streams of ``BATCH`` objects, and
the file ends with a compressed cross-reference stream (PDF 1.5), as qpdf writes them.
Streams are copied as they are stored (``read_raw_bytes``), with their own filters: no
stream is decoded or compressed again. The same objects in the same order give the same
bytes, and the file's ``/ID`` is a digest of its content.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import struct
import zlib
from array import array
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, BinaryIO

# Objects per object stream (qpdf's choice too): small enough for a reader to fetch one
# object cheaply, large enough to compress well.
BATCH = 100
# zlib's level for object streams: the fastest (level 6, zlib's default, took a fifth of
# the join's time for 5 % smaller files).
COMPRESSION = 1
# An indirect reference in qpdf's unparsed syntax, after a space or "[" (so never the
# tail of a name like /F12), or a string, which is skipped whole: qpdf escapes every
# parenthesis inside a literal string, so a string never hides its end.
_TOKENS = re.compile(
    rb"\((?:[^\\()]|\\.)*\)|<[0-9A-Fa-f\s]*>|(?:^|(?<=[\s\[]))(\d+ \d+) R(?![\w.])", re.S
)
_STRING = re.compile(rb"\((?:[^\\()]|\\.)*\)", re.S)
# An indirect reference in a plain object's text (``RawObjects.body``: no string there
# holds an R), after a space, "[" or the NUL between two objects' texts (matched with it:
# a quicker scan than looking behind each place).
_PLAIN_REF = re.compile(rb"([\s\[\x00])(\d+ \d+) R\b")
# A stream dictionary's /Length (direct or a reference): the copy states its own.
_LENGTH = re.compile(rb" /Length (?:\d+ \d+ R|\d+)(?=[\s/>])")
# A key's array of references (``RawObjects.refs``): what follows the key, and a reference.
_REF_ARRAY = re.compile(rb"\s*\[((?:\s*\d+ \d+ R)*)\s*\]")
_REF = re.compile(rb"(\d+) (\d+) R")
# A number tree that is one leaf of references (``RawObjects.number_refs``), and an entry.
_NUMS = re.compile(rb"\s*<<\s*/Nums\s*\[((?:\s*\d+\s+\d+ \d+ R)*)\s*\]\s*>>")
_NUMS_ENTRY = re.compile(rb"(\d+)\s+(\d+) (\d+) R")
# A cross-reference row (20 bytes) of an object in use, of generation 0.
_IN_USE = re.compile(rb"(\d{10}) 00000 n")
_UNWRITTEN = -1
# A link to a page of the output (``PartCopy.link``), as qpdf writes one: keys in order.
_LINK = (
    b"<< /Border [ 0 0 0 ] /Contents %s /Dest [ %d 0 R /Fit ] /F 4 /Rect [ %s ] "
    b"/StructParent %d /Subtype /Link /Type /Annot >>"
)
# A link's destination page until it is written (``PartCopy.point``): the page is in the
# output, not in the part, and making a stand-in object in the part costs qpdf a search
# of all its objects.
_DESTINATION = "/MociVocabDestination"


@dataclass
class PdfWriter:
    """A PDF being written to ``out``: ``reserve`` numbers, ``add`` objects, then ``close``."""

    out: BinaryIO
    version: str = "1.7"
    offset: int = 0
    # Per object number: 1 and its offset, or 2, its object stream and index in it.
    kinds: array = field(default_factory=lambda: array("b", [0]))
    places: array = field(default_factory=lambda: array("q", [0]))
    indexes: array = field(default_factory=lambda: array("l", [65535]))
    batch: list[tuple[int, bytes]] = field(default_factory=list)
    digest: Any = field(default_factory=hashlib.md5)

    def __post_init__(self) -> None:
        version = max(self.version, "1.5")  # object and cross-reference streams
        self._emit(b"%PDF-" + version.encode("ascii") + b"\n%\xbf\xf7\xa2\xfe\n")

    def reserve(self) -> int:
        """A new object number, to be written later (every reserved number must be)."""
        self.kinds.append(_UNWRITTEN)
        self.places.append(0)
        self.indexes.append(0)
        return len(self.kinds) - 1

    def add(self, number: int, body: bytes) -> None:
        """Write object ``number`` (not a stream): ``body`` is its PDF syntax."""
        self.batch.append((number, body))
        if len(self.batch) >= BATCH:
            self._flush()

    def add_many(self, numbers: list[int], bodies: list[bytes]) -> None:
        """Write the objects ``numbers`` (not streams), whose PDF syntax is ``bodies``."""
        self.batch.extend(zip(numbers, bodies, strict=True))
        while len(self.batch) >= BATCH:
            self._flush()

    def add_new(self, body: bytes) -> int:
        """Write a new object; return its number."""
        number = self.reserve()
        self.add(number, body)
        return number

    def stream(self, number: int, dictionary: bytes, data: bytes) -> None:
        """Write stream ``number``: ``dictionary`` (without /Length) and its stored ``data``."""
        self._place(number, 1, self.offset, 0)
        self._emit_stream(number, dictionary, data)

    def _emit_stream(self, number: int, dictionary: bytes, data: bytes) -> None:
        assert dictionary.endswith(b">>")
        self._emit(
            b"%d 0 obj\n%s/Length %d >>\nstream\n%s\nendstream\nendobj\n"
            % (number, dictionary[:-2], len(data), data)
        )

    def close(self, root: int, info: int | None) -> None:
        """Write what is pending and the cross-reference stream that ends the file."""
        while self.batch:
            self._flush()
        if _UNWRITTEN in self.kinds:
            missing = [n for n, kind in enumerate(self.kinds) if kind == _UNWRITTEN]
            raise ValueError(f"objects reserved but never written: {missing[:10]}")
        number = self.reserve()
        self._place(number, 1, self.offset, 0)
        widths = (1, _width(max(self.places)), _width(max(self.indexes)))
        row = struct.Struct(">B" + _FORMATS[widths[1]] + _FORMATS[widths[2]])
        table = b"".join(map(row.pack, self.kinds, self.places, self.indexes))
        identifier = b"<" + self.digest.hexdigest().encode("ascii") + b">"
        trailer = b"/Type /XRef /Size %d /W [ %d %d %d ] /Root %d 0 R /ID [ %s %s ] " % (
            len(self.kinds),
            *widths,
            root,
            identifier,
            identifier,
        )
        if info is not None:
            trailer += b"/Info %d 0 R " % info
        start = self.offset
        dictionary = b"<< " + trailer + b"/Filter /FlateDecode >>"
        self._emit_stream(number, dictionary, zlib.compress(table))
        self._emit(b"startxref\n%d\n%%%%EOF\n" % start)

    def _flush(self) -> None:
        """Write pending objects (up to ``BATCH``) as one compressed object stream."""
        if not self.batch:
            return
        members, self.batch = self.batch[:BATCH], self.batch[BATCH:]
        number = self.reserve()
        heads, bodies, at = [], [], 0
        kinds, places, indexes = self.kinds, self.places, self.indexes
        for index, (member, body) in enumerate(members):
            if kinds[member] != _UNWRITTEN:  # (``_place``, written out: 100 times a batch)
                raise ValueError(f"object {member} written twice")
            kinds[member], places[member], indexes[member] = 2, number, index
            heads.append(b"%d %d" % (member, at))
            bodies.append(body)
            at += len(body) + 1
        head = b" ".join(heads) + b"\n"
        data = zlib.compress(head + b"\n".join(bodies) + b"\n", COMPRESSION)
        dictionary = b"<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode >>" % (
            len(members),
            len(head),
        )
        self.stream(number, dictionary, data)

    def _place(self, number: int, kind: int, place: int, index: int) -> None:
        if self.kinds[number] != _UNWRITTEN:
            raise ValueError(f"object {number} written twice")
        self.kinds[number] = kind
        self.places[number] = place
        self.indexes[number] = index

    def _emit(self, data: bytes) -> None:
        self.out.write(data)
        self.digest.update(data)
        self.offset += len(data)


_FORMATS = {1: "B", 2: "H", 4: "I", 8: "Q"}


def _width(value: int) -> int:
    """Bytes for ``value`` in a cross-reference row (1, 2, 4 or 8)."""
    return next(width for width in (1, 2, 4, 8) if value < 256**width)


class PartCopy:
    """The objects of one source PDF (pikepdf) copied into a ``PdfWriter`` under new numbers.

    An object is copied when something copied refers to it (``ref``), once: ``flush``
    writes the queue. ``alias`` makes references to an object of the source point to an
    object of the output instead (the booklet's page tree for a part's); ``drop`` makes
    them ``null`` (a page the booklet leaves out). Changes made to the source's objects
    in memory before ``flush`` are what is copied; the source file is never written.
    """

    def __init__(self, writer: PdfWriter, source: Any, raw: RawObjects | None = None) -> None:
        self.writer = writer
        self.source = source
        self.raw = raw
        self.changed: set[tuple[int, int]] = set()
        self.destinations: dict[tuple[int, int], int] = {}  # link → page (output number)
        self.numbers: dict[tuple[int, int], int | None] = {}
        self.queue: deque[tuple[int, int]] = deque()
        self.written: dict[bytes, bytes] = {}  # b"12 0" (source) → b"345 0 R" or b"null"
        self.links: dict[tuple[int, int], tuple[bytes, int, bytes, int]] = {}  # see ``link``
        self.key_shift = 0  # added to a link's /StructParent (the part's tree's keys shift)
        # per kept page, its annotations but the links written from their text (``link``),
        # once the join has gone through them; None: not yet (read them from the page)
        self.annotations: dict[tuple[int, int], list[Any]] | None = None

    def alias(self, obj: Any, number: int) -> None:
        """Make references to the source's indirect ``obj`` point to output object ``number``."""
        self.numbers[obj.objgen] = number

    def drop(self, obj: Any) -> None:
        """Make references to the source's indirect ``obj`` ``null``."""
        self.numbers[obj.objgen] = None

    def place(self, obj: Any, number: int) -> None:
        """Copy the source's indirect ``obj`` as output object ``number`` (a reserved one)."""
        self.numbers[obj.objgen] = number
        self.queue.append(obj.objgen)
        self.changed.add(obj.objgen)  # a page: its keys and attributes are the join's

    def change(self, obj: Any) -> None:
        """Note that the source's indirect ``obj`` was changed in memory (copy it from there)."""
        self.changed.add(obj.objgen)

    def point(self, link: Any, page: int) -> None:
        """Make the source's indirect annotation ``link`` go to output object ``page``."""
        from pikepdf import Array, Name

        link.Dest = Array([Name(_DESTINATION), Name.Fit])
        self.destinations[link.objgen] = page
        self.changed.add(link.objgen)

    def link(
        self, link: tuple[int, int], rect: bytes, page: int, contents: bytes, key: int
    ) -> None:
        """Write the source's annotation ``link`` (its objgen) as a link to output object
        ``page`` from these values (its ``/Rect`` as written, ``/Contents`` in PDF syntax,
        ``/StructParent`` before ``key_shift``), as pikepdf would write it changed."""
        self.links[link] = (rect, page, contents, key)

    def ref(self, obj: Any) -> int | None:
        """The output number of the source's indirect ``obj``, which is copied (once)."""
        return self._number(obj.objgen)

    def ref_to(self, objgen: tuple[int, int]) -> int | None:
        """``ref`` of the source's object ``objgen`` (a reference read from its text)."""
        return self._number(objgen)

    def value(self, obj: Any) -> bytes:
        """``obj`` (direct, or indirect: its own content) in PDF syntax, references renumbered."""
        return _TOKENS.sub(self._renumber, obj.unparse(resolved=True))

    def flush(self) -> None:
        """Copy every queued object, and those they refer to in turn.

        The queue is taken a round at a time: the plain objects of a round (read from
        the file, ``RawObjects``) are renumbered together, in one pass over their texts.
        """
        raw = self.raw
        while self.queue:
            round_ = list(self.queue)
            self.queue.clear()
            numbers, bodies = [], []
            for objgen in round_:
                link = self.links.get(objgen)
                if link is not None:
                    rect, page, contents, key = link
                    text = _LINK % (contents, page, rect, key + self.key_shift)
                    self.writer.add(self.numbers[objgen], text)  # type: ignore[arg-type]
                    continue
                body = raw.body(objgen) if raw is not None and objgen not in self.changed else None
                if body is None:
                    self._copy_parsed(objgen)
                else:
                    numbers.append(self.numbers[objgen])
                    bodies.append(body)
            if bodies:
                self.writer.add_many(numbers, self._renumber_plain(bodies))

    def _copy_parsed(self, objgen: tuple[int, int]) -> None:
        """Copy one object as pikepdf has it (parsed, perhaps changed)."""
        import pikepdf

        number = self.numbers[objgen]
        assert number is not None
        obj = self.source.get_object(objgen)
        if isinstance(obj, pikepdf.Stream):
            dictionary = _LENGTH.sub(b"", obj.stream_dict.unparse(resolved=True))
            data = obj.read_raw_bytes()
            self.writer.stream(number, _TOKENS.sub(self._renumber, dictionary), data)
        elif objgen in self.destinations:
            page = b"%d 0 R" % self.destinations[objgen]
            self.writer.add(number, self.value(obj).replace(_DESTINATION.encode(), page, 1))
        else:
            self.writer.add(number, self.value(obj))

    def _renumber_plain(self, bodies: list[bytes]) -> list[bytes]:
        """The plain objects' texts with their references renumbered (queueing new ones)."""
        pieces = _PLAIN_REF.split(b"\x00".join(bodies))  # text, delimiter, reference, …
        written = self.written
        pieces[2::3] = [written.get(ref) or self._written(ref) for ref in pieces[2::3]]
        return b"".join(pieces).split(b"\x00")

    def _number(self, objgen: tuple[int, int]) -> int | None:
        if objgen in self.numbers:
            return self.numbers[objgen]
        number = self.numbers[objgen] = self.writer.reserve()
        self.queue.append(objgen)
        return number

    def _renumber(self, match: re.Match) -> bytes:
        source = match[1]
        if source is None:
            return match[0]  # a string
        return self.written.get(source) or self._written(source)

    def _written(self, source: bytes) -> bytes:
        """How a reference to the source's object ``b"12 0"`` is written: ``b"345 0 R"``."""
        num, gen = source.split()
        number = self._number((int(num), int(gen)))
        written = self.written[source] = b"null" if number is None else b"%d 0 R" % number
        return written


@dataclass
class RawObjects:
    """The objects of a PDF with a plain cross-reference table, read from its bytes.

    Reading an object's text from the file is several times cheaper than having pikepdf
    parse it and write it out again, and most of a part's objects (structure elements)
    are copied unchanged. Only plain objects are read so: a stream, an object with a
    comment or a string whose parentheses the tokenizer cannot follow is left to pikepdf.
    """

    data: bytes
    spans: dict[int, tuple[int, int]]  # object number → where its text is in ``data``

    @classmethod
    def read(cls, path: str) -> RawObjects | None:
        """The file's objects, or None when it has no single plain cross-reference table."""
        with open(path, "rb") as handle:
            data = handle.read()
        found = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", data[-64:])
        if found is None:
            return None
        start = int(found.group(1))
        table = re.match(rb"xref\s+", data[start : start + 16])
        if table is None:
            return None
        offsets: dict[int, int] = {}
        at = start + table.end()
        while True:  # subsections: "first count", then count rows of 20 bytes
            head = re.match(rb"(\d+) (\d+)\s*\n", data[at : at + 40])
            if head is None:
                break
            first, count = int(head.group(1)), int(head.group(2))
            at += head.end()
            for row in _IN_USE.finditer(data, at, at + 20 * count):
                if not (row.start() - at) % 20:
                    offsets[first + (row.start() - at) // 20] = int(row[1])
            at += 20 * count
        trailer = data[at : at + 1024]
        if not trailer.startswith(b"trailer") or b"/Prev" in trailer or b"/XRefStm" in trailer:
            return None  # an update or a hybrid file: its tables are not all here
        following = dict(itertools.pairwise([*sorted(offsets.values()), start]))
        return cls(data, {n: (at, following[at]) for n, at in offsets.items()})

    def text(self, objgen: tuple[int, int]) -> bytes | None:
        """The text of an object as the file has it (between ``obj`` and ``endobj``), or
        None if the table has no such object; unlike ``body``, not checked to be plain: for
        a caller that matches it whole against a shape of its own (``pdfjoin._page_link``)."""
        number, generation = objgen
        span = self.spans.get(number)
        if span is None or generation:
            return None
        data = self.data
        start, end = span
        head = data.find(b" obj", start, start + 32)
        stop = data.rfind(b"endobj", start, end)
        if head < 0 or stop < head or data[start:head] != b"%d 0" % number:
            return None
        return data[head + 4 : stop].strip()

    def body(self, objgen: tuple[int, int]) -> bytes | None:
        """The text of a plain object, or None if it is to be parsed (see the class)."""
        body = self.text(objgen)
        if body is None:
            return None
        if b"stream" in body or b"%" in body or b"\x00" in body:
            return None
        if b"(" in body or b")" in body:
            strings = b"".join(_STRING.findall(body))
            if b"R" in strings:
                return None  # a string that could read as a reference
            if body.count(b"(") + body.count(b")") != strings.count(b"(") + strings.count(b")"):
                return None  # a parenthesis outside the strings the tokenizer sees
        return body

    def refs(self, objgen: tuple[int, int], key: bytes) -> list[tuple[int, int]] | None:
        """The references in the array of ``key`` (``b"/K"``) of the plain object
        ``objgen``, in order, as the file has them: read without pikepdf parsing the
        objects they name. None unless the key occurs once, its value is an array of
        references only and each names an object of the table (else ask pikepdf)."""
        body = self.body(objgen)
        found = _value_of(body, key, _REF_ARRAY) if body is not None else None
        if found is None:
            return None
        refs = [(int(num), int(gen)) for num, gen in _REF.findall(found)]
        return refs if self._all_known(refs) else None

    def number_refs(self, objgen: tuple[int, int], key: bytes) -> dict[int, tuple[int, int]] | None:
        """The entries of the number tree of ``key`` (``b"/ParentTree"``) in the plain
        object ``objgen`` (key → reference), when it is one direct leaf of references
        to objects of the table; else None (ask pikepdf)."""
        body = self.body(objgen)
        found = _value_of(body, key, _NUMS) if body is not None else None
        if found is None:
            return None
        entries = {int(k): (int(num), int(gen)) for k, num, gen in _NUMS_ENTRY.findall(found)}
        return entries if self._all_known(entries.values()) else None

    def _all_known(self, refs: Iterable[tuple[int, int]]) -> bool:
        spans = self.spans
        return all(num in spans and not gen for num, gen in refs)


def _value_of(body: bytes, key: bytes, shape: re.Pattern) -> bytes | None:
    """The first group of ``shape`` matched right after ``key`` in the plain object text
    ``body``, if the key occurs there once (as a name, not the start of a longer one)."""
    places = [m.end() for m in re.finditer(re.escape(key) + rb"(?![^\s/\[\]<>(){}%])", body)]
    if len(places) != 1:
        return None
    found = shape.match(body, places[0])
    return found[1] if found is not None else None


def pdf_string(text: str) -> bytes:
    """``text`` as a PDF text string (PDFDocEncoding, or UTF-16 when it needs to be)."""
    import pikepdf

    return pikepdf.String(text).unparse()


def refs(numbers: list[int]) -> bytes:
    """An array of references to the output objects ``numbers``."""
    return b"[ " + b"".join(b"%d 0 R " % n for n in numbers) + b"]"
