"""The joined booklet's tags: the parts' structure trees merged into one (pikepdf).

Typst tags every part it typesets: a structure tree of elements (paragraphs, links…)
whose content sits on the part's pages as marked content numbered per page (MCIDs). A
page's ``/StructParents`` and a link's ``/StructParent`` are keys of the part's
``ParentTree``, which leads back from the content to its element. The join copies pages;
this merges the trees:

- one ``Document`` element holds each part's elements, in booklet order;
- a part typesets a page or two beyond its cut, which the next part typesets again and
  the booklet drops: an element's content on such a page is removed, an element left
  with nothing goes, and no ``/Pg`` is left pointing to a page outside the booklet;
- each part's keys are shifted past the previous parts' (the ParentTree may have gaps),
  and the ParentTree keeps the entries of the pages and links the booklet keeps;
- ``/RoleMap`` and ``/ClassMap`` are carried over, and the document is marked as tagged.

The pruning walks a part's tree once, in the part's own file, before anything is
copied: qpdf then copies what is left (elements, and references to the pages and links
already copied) in one call.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name

# The longest booklet that is tagged. qpdf holds every element twice while it copies (the
# part's and the copy): a 560-page booklet joins in about 400 MB with its tags, a 2,800-page
# one would need 1.7 GB, against 600 MB without. Longer booklets are joined untagged, so
# that an export stays under 500 MB (docs/performance.md).
MAX_PAGES = 600
# Entries of one ParentTree leaf: one flat array of some ten thousand keys is slow to search.
LEAF = 256


@dataclass
class StructureTree:
    """The joined PDF's structure tree, filled part by part (``add_part``), then ``write``."""

    pdf: pikepdf.Pdf
    kids: list[Any] = field(default_factory=list)  # the Document element's
    parents: list[tuple[int, Any]] = field(default_factory=list)  # the ParentTree's entries
    next_key: int = 0
    role_map: dict[str, Any] = field(default_factory=dict)
    class_map: dict[str, Any] = field(default_factory=dict)

    def add_part(self, part: pikepdf.Pdf, kept: dict[tuple[int, int], Any]) -> None:
        """Copy the part's tree, pruned to the pages ``kept`` (part page objgen → copy).

        The part's pages must have been copied into ``pdf`` already.
        """
        root = part.Root.get("/StructTreeRoot")
        if root is None:
            return
        for name, merged in (("/RoleMap", self.role_map), ("/ClassMap", self.class_map)):
            for key, value in (root.get(name) or Dictionary()).items():
                merged.setdefault(key, value)  # parts share one template: the same maps
        kids = [kid for kid in _kids(root) if _prune(kid, kept, None)]
        # Typst's tree is one Document element: its kids become the booklet Document's
        top = [
            child
            for kid in kids
            for child in (_kids(kid) if kid.get("/S") == Name.Document else [kid])
        ]
        for kid in top:  # kept from copying the part's Document, and its whole tree
            del kid["/P"]
        parents = _number_tree(root.get("/ParentTree"))
        shift = self.next_key
        wanted = [(key, parents[key]) for key in sorted(_keys(kept.values())) if key in parents]
        everything = part.make_indirect(Array([*top, Array([value for _key, value in wanted])]))
        copied = self.pdf.copy_foreign(everything)
        self.kids.extend(copied[: len(top)])
        self.parents.extend(
            (key + shift, value) for (key, _v), value in zip(wanted, copied[-1], strict=True)
        )
        for page in kept.values():  # the copies of the part's pages and links
            _shift(page, "/StructParents", shift)
            for annotation in page.get("/Annots", []):
                _shift(annotation, "/StructParent", shift)
        span = max(int(root.get("/ParentTreeNextKey", 0)), max(parents, default=-1) + 1)
        self.next_key = shift + span

    def write(self) -> None:
        """Put the tree into the catalogue, with its ParentTree; mark the PDF as tagged."""
        pdf = self.pdf
        tree = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        document = pdf.make_indirect(
            Dictionary(Type=Name.StructElem, S=Name.Document, P=tree, K=Array(self.kids))
        )
        for kid in self.kids:
            kid.P = document
        tree.K = Array([document])
        tree.ParentTree = _write_number_tree(pdf, self.parents)
        tree.ParentTreeNextKey = self.next_key
        if self.role_map:
            tree.RoleMap = Dictionary(self.role_map)
        if self.class_map:
            tree.ClassMap = Dictionary(self.class_map)
        pdf.Root.StructTreeRoot = tree
        pdf.Root.MarkInfo = Dictionary(Marked=True)


def _prune(element: Any, kept: dict[tuple[int, int], Any], page: Any) -> bool:
    """Keep only the element's content on kept pages; False if nothing is left.

    ``page`` is the page its MCIDs are on when it names none itself (an ancestor's).
    A page of the part is kept when its objgen is in ``kept``.
    """
    own = element.get("/Pg")
    if own is not None:
        page = own
    on_kept = page is not None and page.objgen in kept
    if own is not None and not on_kept:
        del element["/Pg"]
    kids = _kids(element)
    if not kids:
        return True  # an element with no content of its own holds no page either
    left = []
    for kid in kids:
        if isinstance(kid, int):  # an MCID on the element's page
            keep = on_kept
        elif kid.get("/Type") in (Name.MCR, Name.OBJR):  # on its own page, or the element's
            at = kid.get("/Pg", page)
            keep = at is not None and at.objgen in kept
        else:
            keep = _prune(kid, kept, page)
        if keep:
            left.append(kid)
    if len(left) != len(kids):
        element.K = Array(left)
    return bool(left)


def _kids(element: Any) -> list[Any]:
    """The element's /K as a list (a single kid, an array, or none)."""
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, Array) else [kids]


def _keys(pages: Any) -> set[int]:
    """The ParentTree keys of ``pages`` (copies still carrying the part's keys) and their links."""
    keys = set()
    for page in pages:
        if "/StructParents" in page:
            keys.add(int(page.StructParents))
        for annotation in page.get("/Annots", []):
            if "/StructParent" in annotation:
                keys.add(int(annotation.StructParent))
    return keys


def _shift(obj: Any, key: str, shift: int) -> None:
    if key in obj:
        obj[key] = int(obj[key]) + shift


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


def _write_number_tree(pdf: pikepdf.Pdf, entries: list[tuple[int, Any]]) -> Any:
    """A number tree of ``entries`` (ascending keys): one leaf, or a root over leaves."""

    def leaf(chunk: list[tuple[int, Any]]) -> Dictionary:
        return Dictionary(Nums=Array([item for pair in chunk for item in pair]))

    if len(entries) <= LEAF:
        return pdf.make_indirect(leaf(entries))
    leaves = []
    for start in range(0, len(entries), LEAF):
        chunk = entries[start : start + LEAF]
        node = leaf(chunk)
        node.Limits = Array([chunk[0][0], chunk[-1][0]])
        leaves.append(pdf.make_indirect(node))
    return pdf.make_indirect(Dictionary(Kids=Array(leaves)))
