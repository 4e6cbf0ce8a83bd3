"""Saddle-stitch imposition: which booklet page goes where on which sheet side.

A saddle-stitched booklet is a stack of sheets folded once in the middle. Each
sheet carries four booklet pages, two on each side. For ``n`` pages (padded to
a multiple of four, blanks at the end) the outermost sheet holds the first and
last pages, the innermost one the middle spread. Printed duplex and flipped on
the short edge, the stack folds into a booklet in reading order.
"""

from __future__ import annotations

Side = tuple[int | None, int | None]  # (left page, right page), 1-based; None = blank


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
