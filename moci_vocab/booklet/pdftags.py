"""The joined booklet's tags: the parts' structure trees merged into one, part by part.

Typst tags every part it typesets: a structure tree of elements (paragraphs, links…)
whose content sits on the part's pages as marked content numbered per page (MCIDs). A
page's ``/StructParents`` and a link's ``/StructParent`` are keys of the part's
``ParentTree``, which leads back from the content to its element. The join copies pages
(``pdfjoin``); this merges the trees, one part at a time, while the part is open:

- one ``Document`` element holds a ``NonStruct`` group of each part's elements, in
  booklet order (whatever the order in which the parts are added);
- a part typesets a page or two beyond its cut, which the next part typesets again and
  the booklet drops: an element's content on such a page is removed, an element left
  with nothing goes, and no ``/Pg`` is left pointing to a page outside the booklet;
- each part's keys are shifted past the previous parts' (the ParentTree may have gaps),
  and the ParentTree keeps the entries of the pages and links the booklet keeps;
- ``/RoleMap`` and ``/ClassMap`` are carried over, and the document is marked as tagged.

The elements with content on a dropped page are found through the ParentTree (that
page's and its links' entries), so pruning costs what those pages hold, not the whole
tree. The elements themselves are copied with the part's other objects (``pdfwrite``);
only their numbers are kept until the end, when ``write`` adds the tree's root, the
Document and the ParentTree. A booklet of any length is tagged this way: what the join
holds is one part, the Document's list of elements and the ParentTree's keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pikepdf import Array, Dictionary, Name

from moci_vocab.booklet.pdfwrite import PartCopy, PdfWriter, refs

# Entries of one ParentTree leaf: one flat array of some ten thousand keys is slow to search.
LEAF = 256


@dataclass
class StructureTree:
    """The joined PDF's structure tree: ``add_part`` for each part, then ``write``.

    ``root`` and ``document`` are the output's numbers for the tree's root and its one
    Document element, reserved before the parts are copied.
    """

    writer: PdfWriter
    root: int
    document: int
    # per part: (its first page, its group element, the group's elements)
    kids: list[tuple[int, int, list[int]]] = field(default_factory=list)
    parents: list[tuple[int, int]] = field(default_factory=list)  # ParentTree: key, object
    next_key: int = 0
    role_map: dict[bytes, bytes] = field(default_factory=dict)
    class_map: dict[bytes, bytes] = field(default_factory=dict)

    def add_part(self, part: Any, copy: PartCopy, kept: list[Any], position: int = 0) -> None:
        """Take the tree of ``part`` (open, being copied by ``copy``), pruned to ``kept`` pages;
        ``position``: the booklet page (0-based) where its pages start, which orders the parts.

        Call it before ``copy.flush()``: it changes the part's objects in memory (the
        pages' and links' keys, the pruned elements) and queues the elements.
        """
        root = part.Root.get("/StructTreeRoot")
        if root is None:
            strip_keys(kept)
            return
        kept_ids = {page.objgen for page in kept}
        parents = _parent_tree(root, copy)
        dropped = [page.obj for page in part.pages if page.obj.objgen not in kept_ids]
        documents: dict[tuple[int, int], list[Any]] = {}  # a Document's kids, once pruned
        _prune(parents, dropped, kept_ids, copy, documents)
        for name, merged in ((Name.RoleMap, self.role_map), (Name.ClassMap, self.class_map)):
            for key, value in (root.get(name) or {}).items():
                # parts share one template, and so the same maps: the first part's stand
                merged.setdefault(Name(key).unparse(), copy.value(value))
        # Typst's tree is one Document element: its kids go into a NonStruct element (a
        # group with no meaning of its own: readers take its kids as the Document's) under
        # the booklet's Document. One flat Document of every part's elements held 106,000
        # kids at 10,000 concepts, past what readers accept in one array (pypdf: 100,000).
        group = self.writer.reserve()
        copy.alias(root, group)
        elements: list[int] = []
        for kid in _kids(root):
            if isinstance(kid, int) or kid.get("/S") != Name.Document:
                elements.append(_number(copy, kid))
                continue
            copy.alias(kid, group)
            elements.extend(_number(copy, child) for child in _document_kids(kid, copy, documents))
        self.kids.append((position, group, elements))
        shift = self.next_key
        for key in sorted(_keys(kept, copy)):
            value = parents.get(key)
            if value is not None:
                number = _number(copy, value)
                self.parents.append((key + shift, number))
        copy.key_shift = shift  # the links written from their text (``PartCopy.link``)
        for page in kept:  # (the pages and their other links are copied from memory)
            _shift(page, "/StructParents", shift)
            for annotation in _other_annotations(page, copy):
                _shift(annotation, "/StructParent", shift)
        span = max(int(root.get("/ParentTreeNextKey", 0)), max(parents, default=-1) + 1)
        self.next_key = shift + span

    def write(self) -> bytes:
        """Write the tree's root, Document and ParentTree; the catalogue's entries (syntax)."""
        writer = self.writer
        groups = []
        for _page, group, elements in sorted(self.kids, key=lambda kid: kid[0]):
            element = b"<< /Type /StructElem /S /NonStruct /P %d 0 R /K %s >>"
            writer.add(group, element % (self.document, refs(elements)))
            groups.append(group)
        writer.add(
            self.document,
            b"<< /Type /StructElem /S /Document /P %d 0 R /K %s >>" % (self.root, refs(groups)),
        )
        tree = b"<< /Type /StructTreeRoot /K [ %d 0 R ] /ParentTree %d 0 R /ParentTreeNextKey %d"
        tree %= (self.document, _write_number_tree(writer, self.parents), self.next_key)
        for name, merged in ((b"RoleMap", self.role_map), (b"ClassMap", self.class_map)):
            if merged:
                pairs = b" ".join(key + b" " + value for key, value in sorted(merged.items()))
                tree += b" /%s << %s >>" % (name, pairs)
        writer.add(self.root, tree + b" >>")
        return b"/StructTreeRoot %d 0 R /MarkInfo << /Marked true >>" % self.root


def strip_keys(pages: list[Any]) -> None:
    """Remove the pages' and their links' keys into a structure tree the join leaves out."""
    for page in pages:
        if "/StructParents" in page:
            del page["/StructParents"]
        for annotation in page.get("/Annots", []):
            if "/StructParent" in annotation:
                del annotation["/StructParent"]


def _number(copy: PartCopy, obj: Any) -> int:
    """The output number of ``obj`` (an indirect object is copied; a direct one written;
    an objgen is a reference read from the part's text)."""
    if isinstance(obj, tuple):
        number = copy.ref_to(obj)
        assert number is not None
        return number
    if obj.is_indirect:
        number = copy.ref(obj)
        assert number is not None
        return number
    return copy.writer.add_new(copy.value(obj))


def _prune(
    parents: dict[int, Any],
    dropped: list[Any],
    kept: set[tuple[int, int]],
    copy: PartCopy,
    documents: dict[tuple[int, int], list[Any]],
) -> None:
    """Remove what the elements hold on the ``dropped`` pages; drop elements left empty.

    The elements changed are marked so (``copy.change``) as they change; a Document
    element's kids left go into ``documents`` (see ``_remove``).

    The elements are those the ParentTree (``_parent_tree``) names for the dropped pages
    and their links. A kid is on the page of its own ``/Pg``, else of its element's (or
    the nearest ancestor's that has one); a page of the part is kept when its objgen is
    in ``kept``.
    """

    def parent(key: int) -> Any:
        value = parents.get(key)
        return copy.source.get_object(value) if isinstance(value, tuple) else value

    elements: dict[tuple[int, int], Any] = {}
    for page in dropped:
        owners = parent(int(page.get("/StructParents", -1)))
        for owner in owners if isinstance(owners, Array) else []:
            if isinstance(owner, Dictionary):  # an MCID that no element holds is null
                elements.setdefault(owner.objgen, owner)
        for annotation in page.get("/Annots", []):
            owner = parent(int(annotation.get("/StructParent", -1)))
            if isinstance(owner, Dictionary):
                elements.setdefault(owner.objgen, owner)
    # every element's page before anything changes (a kid may take its parent's)
    pages = {key: _page_of(element) for key, element in elements.items()}
    emptied = []
    for key, element in elements.items():
        page = pages[key]
        on_kept = page is not None and page.objgen in kept
        kids = _kids(element)
        left = []
        for kid in kids:
            if isinstance(kid, int):  # an MCID on the element's page
                keep = on_kept
            elif kid.get("/Type") in (Name.MCR, Name.OBJR) or "/MCID" in kid:
                at = kid.get("/Pg", page)
                keep = at is not None and at.objgen in kept
            else:
                keep = True  # an element: pruned on its own, if it has content there
            if keep:
                left.append(kid)
        if len(left) != len(kids):
            element.K = Array(left)
            copy.change(element)
            if not left:
                emptied.append(element)
        own = element.get("/Pg")
        if own is not None and own.objgen not in kept:
            del element["/Pg"]
            copy.change(element)
    _remove(emptied, copy, documents)


def _remove(
    elements: list[Any], copy: PartCopy, documents: dict[tuple[int, int], list[Any]]
) -> None:
    """Take the ``elements`` out of their parents' kids, and parents left empty in turn.

    The parents changed are marked so (``copy.change``). A Document element is never
    written (the booklet's group of the part takes its place: ``StructureTree.add_part``),
    so its kids left are kept in ``documents``, as read from the part's text where they
    can be (``_kids_as_read``: pikepdf would parse its thousands of kids), not set in
    pikepdf's object.
    """
    while elements:
        gone: dict[tuple[int, int], set[tuple[int, int]]] = {}  # parent → kids to remove
        parents = {}
        for element in elements:
            parent = element.get("/P")
            if parent is not None and parent.get("/Type") != Name.StructTreeRoot:
                gone.setdefault(parent.objgen, set()).add(element.objgen)
                parents[parent.objgen] = parent
        elements = []
        for key, parent in parents.items():
            document = parent.get("/S") == Name.Document
            kids = _document_kids(parent, copy, documents) if document else _kids(parent)
            left = [
                kid
                for kid in kids
                if isinstance(kid, int)
                or (kid if isinstance(kid, tuple) else kid.objgen) not in gone[key]
            ]
            if len(left) == len(kids):
                continue
            if document:
                documents[key] = left
            else:
                parent.K = Array(left)
            copy.change(parent)
            if not left and not document:
                elements.append(parent)


def _page_of(element: Any) -> Any:
    """The page an element's MCIDs are on: its ``/Pg``, else its nearest ancestor's."""
    seen = 0
    while element is not None and seen < 1000:  # a cycle is a broken file: no page
        page = element.get("/Pg")
        if page is not None:
            return page
        element = element.get("/P")
        seen += 1
    return None


def _kids(element: Any) -> list[Any]:
    """The element's /K as a list (a single kid, an array, or none)."""
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, Array) else [kids]


def _document_kids(
    element: Any, copy: PartCopy, documents: dict[tuple[int, int], list[Any]]
) -> list[Any]:
    """A Document element's kids: as pruned (``_remove``), else as read (``_kids_as_read``)."""
    kids = documents.get(element.objgen)
    return _kids_as_read(element, copy) if kids is None else kids


def _kids_as_read(element: Any, copy: PartCopy) -> list[Any]:
    """``_kids`` of an element, as references read from the part's text (``RawObjects.refs``:
    pikepdf would parse every kid to hand it over) unless the join has changed it."""
    if copy.raw is not None and element.objgen not in copy.changed:
        refs = copy.raw.refs(element.objgen, b"/K")
        if refs is not None:
            return refs
    return _kids(element)


def _keys(pages: list[Any], copy: PartCopy) -> set[int]:
    """The ParentTree keys of ``pages`` (still the part's keys) and of their links."""
    keys = {link[3] for link in copy.links.values()}  # those written from their text
    for page in pages:
        if "/StructParents" in page:
            keys.add(int(page.StructParents))
        for annotation in _other_annotations(page, copy):
            if "/StructParent" in annotation:
                keys.add(int(annotation.StructParent))
    return keys


def _other_annotations(page: Any, copy: PartCopy) -> list[Any]:
    """The page's annotations but the links ``copy`` writes from their text."""
    if copy.annotations is not None and page.objgen in copy.annotations:
        return copy.annotations[page.objgen]
    return [a for a in page.get("/Annots", []) if a.objgen not in copy.links]


def _shift(obj: Any, key: str, shift: int) -> None:
    if key in obj:
        obj[key] = int(obj[key]) + shift


def _parent_tree(root: Any, copy: PartCopy) -> dict[int, Any]:
    """The ParentTree's entries of a part's tree ``root``: key → the object, or its objgen
    when read from the part's text (``RawObjects.number_refs``: pikepdf would parse every
    object it names, a part's pages and links, to hand it over)."""
    if copy.raw is not None and root.is_indirect and root.objgen not in copy.changed:
        entries = copy.raw.number_refs(root.objgen, b"/ParentTree")
        if entries is not None:
            return entries
    return _number_tree(root.get("/ParentTree"))


def _number_tree(node: Any) -> dict[int, Any]:
    """A number tree's entries (its /Nums, and its /Kids' in turn)."""
    if node is None:
        return {}
    entries = {}
    nums = node.get("/Nums", Array())
    for n in range(0, len(nums), 2):
        entries[int(nums[n])] = nums[n + 1]
    for kid in node.get("/Kids", Array()):
        entries.update(_number_tree(kid))
    return entries


def _write_number_tree(writer: PdfWriter, entries: list[tuple[int, int]]) -> int:
    """Write a number tree of ``entries`` (ascending keys → objects); return its root.

    One leaf when it is short, else a root over leaves of ``LEAF`` entries each (and a
    level above those if a root would itself hold more than ``LEAF`` leaves).
    """

    def nums(chunk: list[tuple[int, int]]) -> bytes:
        return b"[ " + b"".join(b"%d %d 0 R " % pair for pair in chunk) + b"]"

    if len(entries) <= LEAF:
        return writer.add_new(b"<< /Nums %s >>" % nums(entries))
    nodes = []  # (first key, last key, number)
    for start in range(0, len(entries), LEAF):
        chunk = entries[start : start + LEAF]
        limits = (chunk[0][0], chunk[-1][0])
        body = b"<< /Limits [ %d %d ] /Nums %s >>" % (*limits, nums(chunk))
        nodes.append((*limits, writer.add_new(body)))
    while len(nodes) > LEAF:
        upper = []
        for start in range(0, len(nodes), LEAF):
            chunk = nodes[start : start + LEAF]
            limits = (chunk[0][0], chunk[-1][1])
            body = b"<< /Limits [ %d %d ] /Kids %s >>" % (*limits, refs([n for *_, n in chunk]))
            upper.append((*limits, writer.add_new(body)))
        nodes = upper
    return writer.add_new(b"<< /Kids %s >>" % refs([n for *_, n in nodes]))
