"""`show` to a pipe or file without rich's tables: the bytes rich writes there."""

from __future__ import annotations

import io
from contextlib import redirect_stdout

from conftest import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from moci_vocab.cli.common import _print_runs_rich, print_runs
from moci_vocab.safetext import printable

# Wide, combining and astral characters, rich markup (never read as markup), a tab
# (rich expands it: the plain path hands such a view to rich) and spaces at the ends.
_PIECES = st.sampled_from(["ჯ", "𝄞", "界", "e\u0301", "★ ", "[bold]", "\t", " ", "\u200b"])
_TEXT = st.lists(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=4) | _PIECES,
    max_size=5,
).map(lambda parts: printable("".join(parts)))
_RUNS = st.lists(st.tuples(_TEXT, st.sampled_from(["", "bold", "dim", "strike"])), max_size=4)


def _printed(printer, view) -> str:
    """What ``printer`` writes to a stdout that is not a terminal."""
    out = io.StringIO()
    with redirect_stdout(out):
        printer(*view)
    return out.getvalue()


@settings(max_examples=examples(200), deadline=None)
@given(
    st.lists(_RUNS, max_size=3),
    st.integers(0, 4).flatmap(
        lambda n: st.lists(st.lists(_RUNS, min_size=3, max_size=3), max_size=n)
    ),
    st.lists(_RUNS, max_size=2),
)
def test_plain_show_is_what_rich_writes_to_a_pipe(before, rows, after):
    view = (before, rows, after)
    assert _printed(print_runs, view) == _printed(_print_runs_rich, view)


def test_a_column_of_zero_width_is_cut_as_rich_cuts_it():
    # Found by the property test above: a zero-width space alone in its column.
    for row in (["0", "", "\u200b"], ["a", "\u200b", "b"], ["\u200b", "a", "b"]):
        view = ([], [[[(cell, "")] for cell in row]], [])
        assert _printed(print_runs, view) == _printed(_print_runs_rich, view)


def test_a_show_table_lines_up_wide_characters():
    rows = [
        [[("ka", "cyan")], [("ქართული", "dim")], [("★ ", "green"), ("შერიგება", "bold")]],
        [[("zh-Hant", "cyan")], [("中文", "dim")], [("—", "dim")]],
    ]
    view = ([[("reconciliation", "bold")]], rows, [[("  related: ", "dim"), ("peace", "")]])
    out = _printed(print_runs, view)
    assert out == (
        "reconciliation\n ka       ქართული  ★ შერიგება\n zh-Hant  中文     —\n  related: peace\n"
    )
    assert out == _printed(_print_runs_rich, view)
