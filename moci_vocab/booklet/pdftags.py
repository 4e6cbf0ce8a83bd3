"""The joined booklet's tags: the parts' structure trees merged into one (pypdf).

Typst tags every part it typesets: a structure tree of elements (paragraphs, links…)
whose content sits on the part's pages as numbered marked content (MCIDs, counted per
page). pypdf copies pages but not structure trees, so the join rebuilds the tree:

- one ``Document`` element holds each part's elements, in booklet order;
- an element is copied only with the content it has on a page the booklet keeps (a part
  typesets a page or two beyond its cut, which the next part typesets again); an element
  left with nothing is dropped, so no ``/Pg`` points outside the booklet;
- the ``ParentTree`` (page → the element of each MCID, link → its element) is built
  again from the copied elements, and pages and links get new ``/StructParents`` and
  ``/StructParent`` keys;
- ``/RoleMap`` and ``/ClassMap`` are carried over, the document is marked as tagged.

A part's elements carry ``/Type /S /P /K /Pg /A /Lang`` (and may carry ``/T /Alt /E
/ActualText /C /R``); their kids are MCIDs, marked-content references (MCR), object
references (OBJR, a link annotation) and elements.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
)

if TYPE_CHECKING:
    from pypdf import PdfReader, PdfWriter

# An element's own keys that are copied as they are (the others are rebuilt, or dropped).
_COPIED = ("/S", "/A", "/C", "/R", "/T", "/Lang", "/Alt", "/E", "/ActualText")
# Entries of one ParentTree leaf: a flat array of some ten thousand keys is slow to search.
_LEAF = 256

_TYPE = NameObject("/Type")
_K = NameObject("/K")
_P = NameObject("/P")
_PG = NameObject("/Pg")
_OBJ = NameObject("/Obj")
_MCID = NameObject("/MCID")


@dataclass
class StructureTree:
    """The joined PDF's structure tree, filled part by part (``add_part``), then ``write``n."""

    writer: PdfWriter
    kids: list[IndirectObject] = field(default_factory=list)  # the Document element's
    # writer page number → its MCIDs' elements; writer annotation → its element
    marked: dict[int, dict[int, IndirectObject]] = field(default_factory=dict)
    annotations: list[tuple[DictionaryObject, IndirectObject]] = field(default_factory=list)
    role_map: DictionaryObject = field(default_factory=DictionaryObject)
    class_map: DictionaryObject = field(default_factory=DictionaryObject)

    def add_part(self, reader: PdfReader, kept: dict[int, IndirectObject]) -> None:
        """Copy the part's elements on the pages ``kept`` (its page's idnum → the booklet's)."""
        root = reader.trailer["/Root"].get_object().get("/StructTreeRoot")
        if root is None:
            return
        root = root.get_object()
        for name, target in (("/RoleMap", self.role_map), ("/ClassMap", self.class_map)):
            for key, value in (root.get(name) or DictionaryObject()).get_object().items():
                target.setdefault(key, value.clone(self.writer))  # the same template: same map
        part = _Part(self, kept, _annotations(reader, kept))
        for kid in _kids(root):
            element = kid.get_object()
            # Typst's tree is one Document element: its kids become the booklet's Document's
            inner = _kids(element) if element.get("/S") == "/Document" else [kid]
            for child in inner:
                copied = part.element(child.get_object())
                if copied is not None:
                    self.kids.append(copied)

    def write(self) -> None:
        """Put the tree into the writer's catalogue, with its ParentTree; mark the PDF tagged."""
        writer = self.writer
        tree = DictionaryObject({_TYPE: NameObject("/StructTreeRoot")})
        tree_ref = writer._add_object(tree)
        document = DictionaryObject(
            {_TYPE: NameObject("/StructElem"), NameObject("/S"): NameObject("/Document")}
        )
        document[_P] = tree_ref
        document[_K] = ArrayObject(self.kids)
        document_ref = writer._add_object(document)
        for kid in self.kids:
            kid.get_object()[_P] = document_ref
        tree[_K] = ArrayObject([document_ref])
        parents = list(self._parents())
        tree[NameObject("/ParentTree")] = _number_tree(writer, parents)
        tree[NameObject("/ParentTreeNextKey")] = NumberObject(len(parents))
        if self.role_map:
            tree[NameObject("/RoleMap")] = self.role_map
        if self.class_map:
            tree[NameObject("/ClassMap")] = self.class_map
        catalog = writer.root_object
        catalog[NameObject("/StructTreeRoot")] = tree_ref
        catalog[NameObject("/MarkInfo")] = DictionaryObject(
            {NameObject("/Marked"): BooleanObject(True)}
        )

    def _parents(self) -> Iterator[tuple[int, Any]]:
        """The ParentTree's entries, numbered from 0: each page's, then each link's."""
        key = 0
        for page in self.writer.pages:
            marked = self.marked.get(page.indirect_reference.idnum)
            if not marked:
                page.pop(NameObject("/StructParents"), None)
                continue
            elements = [marked.get(mcid, NullObject()) for mcid in range(max(marked) + 1)]
            page[NameObject("/StructParents")] = NumberObject(key)
            yield key, ArrayObject(elements)
            key += 1
        for annotation, element in self.annotations:
            annotation[NameObject("/StructParent")] = NumberObject(key)
            yield key, element
            key += 1


@dataclass
class _Part:
    """Copying one part's elements into the tree."""

    tree: StructureTree
    kept: dict[int, IndirectObject]  # the part's page idnum → the booklet's page
    annotations: dict[int, DictionaryObject]  # the part's link idnum → the booklet's

    def element(self, source: DictionaryObject) -> IndirectObject | None:
        """A copy of the element, holding what it has on kept pages; None if nothing."""
        page = self._page(source.raw_get("/Pg") if "/Pg" in source else None)
        kids = ArrayObject()
        mcids: list[tuple[int, int]] = []  # (booklet page idnum, MCID) of its content
        links: list[DictionaryObject] = []
        children: list[IndirectObject] = []
        for kid in _kids(source):
            if isinstance(kid, int):  # an MCID on the element's page
                if page is not None:
                    kids.append(NumberObject(kid))
                    mcids.append((page.idnum, int(kid)))
                continue
            item = kid.get_object()
            kind = item.get("/Type")
            on = self._page(item.raw_get("/Pg")) if "/Pg" in item else page
            if kind == "/MCR":
                if on is not None:
                    mcid = int(item["/MCID"])
                    kids.append(DictionaryObject({_TYPE: kind, _PG: on, _MCID: NumberObject(mcid)}))
                    mcids.append((on.idnum, mcid))
            elif kind == "/OBJR":
                annotation = self.annotations.get(item.raw_get("/Obj").idnum)
                if annotation is not None:
                    objr = DictionaryObject({_TYPE: kind, _OBJ: annotation.indirect_reference})
                    if on is not None:
                        objr[_PG] = on
                    kids.append(objr)
                    links.append(annotation)
            elif (child := self.element(item)) is not None:
                kids.append(child)
                children.append(child)
        if not kids and _kids(source):
            return None  # everything it held is on pages the booklet drops
        new = DictionaryObject({_TYPE: NameObject("/StructElem")})
        for key in _COPIED:
            if key in source:
                new[NameObject(key)] = source[key].clone(self.tree.writer)
        if page is not None:
            new[_PG] = page
        new[_K] = kids
        ref = self.tree.writer._add_object(new)
        for page_id, mcid in mcids:
            self.tree.marked.setdefault(page_id, {})[mcid] = ref
        self.tree.annotations.extend((link, ref) for link in links)
        for child in children:
            child.get_object()[_P] = ref
        return ref

    def _page(self, reference: Any) -> IndirectObject | None:
        """The booklet's page for the part's page ``reference``; None if dropped or absent."""
        if reference is None:
            return None
        return self.kept.get(reference.idnum)


def _kids(element: DictionaryObject) -> list[Any]:
    """The element's /K as a list (it may be a single kid, or absent)."""
    kids = element.get("/K")
    if kids is None:
        return []
    kids = kids.get_object() if isinstance(kids, IndirectObject) else kids
    return list(kids) if isinstance(kids, list) else [kids]


def _annotations(reader: PdfReader, kept: dict[int, IndirectObject]) -> dict[int, DictionaryObject]:
    """The part's annotations on kept pages → their copies on the booklet's pages."""
    copies = {}
    for page in reader.pages:
        target = kept.get(page.indirect_reference.idnum)
        if target is None:
            continue
        originals = page.get("/Annots") or []
        copied = target.get_object().get("/Annots") or []
        for original, copy in zip(originals, copied, strict=True):
            copies[original.idnum] = copy.get_object()
    return copies


def _number_tree(writer: PdfWriter, entries: list[tuple[int, Any]]) -> IndirectObject:
    """A number tree of ``entries`` (ascending keys): one leaf, or a root over leaves."""

    def leaf(chunk: list[tuple[int, Any]]) -> DictionaryObject:
        nums = ArrayObject()
        for key, value in chunk:
            nums.extend((NumberObject(key), value))
        return DictionaryObject({NameObject("/Nums"): nums})

    if len(entries) <= _LEAF:
        return writer._add_object(leaf(entries))
    leaves = ArrayObject()
    for start in range(0, len(entries), _LEAF):
        chunk = entries[start : start + _LEAF]
        node = leaf(chunk)
        node[NameObject("/Limits")] = ArrayObject(
            [NumberObject(chunk[0][0]), NumberObject(chunk[-1][0])]
        )
        leaves.append(writer._add_object(node))
    return writer._add_object(DictionaryObject({NameObject("/Kids"): leaves}))
