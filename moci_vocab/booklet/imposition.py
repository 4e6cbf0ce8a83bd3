"""Saddle-stitch imposition: which booklet page goes where on which sheet side.

A saddle-stitched booklet is a stack of sheets folded once in the middle. Each
sheet carries four booklet pages, two on each side. For ``n`` pages (padded to
a multiple of four, blanks at the end) the outermost sheet holds the first and
last pages, the innermost one the middle spread. Printed duplex and flipped on
the short edge, the stack folds into a booklet in reading order.
"""

from __future__ import annotations

Side = tuple[int | None, int | None]  # (left page, right page), 1-based; None = blank

# A saddle-stitched stack folds and staples well up to about 16 sheets (64 pages); a longer
# booklet is printed in signatures of 4 sheets (16 pages), each folded on its own, then
# gathered in order and sewn or glued at the spine.
SADDLE_STITCH_PAGES = 64
SIGNATURE_PAGES = 16


def padded_count(pages: int) -> int:
    """The page count rounded up to a multiple of four (at least four)."""
    return max(4, -(-pages // 4) * 4)


def saddle_stitch(pages: int) -> list[Side]:
    """Sheet sides in print order: front of sheet 1, back of sheet 1, front of sheet 2, ...

    >>> saddle_stitch(8)
    [(8, 1), (2, 7), (6, 3), (4, 5)]
    """
    if pages < 1:
        raise ValueError("a booklet needs at least one page")
    total = padded_count(pages)

    def page(number: int) -> int | None:
        return number if number <= pages else None

    sides: list[Side] = []
    for sheet in range(total // 4):
        outer_right = 2 * sheet + 1
        outer_left = total - 2 * sheet
        sides.append((page(outer_left), page(outer_right)))
        sides.append((page(outer_right + 1), page(outer_left - 1)))
    return sides


def imposition(pages: int) -> list[Side]:
    """Sheet sides for ``pages``: one saddle-stitched stack up to 64 pages, else signatures.

    Above ``SADDLE_STITCH_PAGES`` the pages go into signatures of ``SIGNATURE_PAGES`` (the
    last one shorter when the count asks for it), each in saddle-stitch order.

    >>> imposition(8) == saddle_stitch(8)
    True
    >>> imposition(68)[:2]
    [(16, 1), (2, 15)]
    """
    total = padded_count(pages)
    if total <= SADDLE_STITCH_PAGES:
        return saddle_stitch(pages)
    sides: list[Side] = []
    for start in range(0, total, SIGNATURE_PAGES):
        size = min(SIGNATURE_PAGES, total - start)
        for left, right in saddle_stitch(size):
            sides.append((_page_in(start, left, pages), _page_in(start, right, pages)))
    return sides


def signature_count(pages: int) -> int:
    """How many separately folded signatures ``imposition(pages)`` prints (1: saddle stitch)."""
    total = padded_count(pages)
    return 1 if total <= SADDLE_STITCH_PAGES else -(-total // SIGNATURE_PAGES)


def _page_in(start: int, relative: int | None, pages: int) -> int | None:
    if relative is None or start + relative > pages:
        return None
    return start + relative
