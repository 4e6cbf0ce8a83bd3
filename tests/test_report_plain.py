"""Text findings written to a pipe or file without rich: the bytes the rich console writes."""

from __future__ import annotations

import io
import sys

import pytest
from conftest import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from moci_vocab.cli.common import stdout_console
from moci_vocab.findings import Finding, TextBlock
from moci_vocab.report import print_text, text_blocks, text_line

# Any text but lone surrogates: tabs (rich expands them), wide and combining characters,
# controls and bidi marks (printable escapes them), rich markup (never interpreted).
_PIECES = st.sampled_from(["\t", "ჯ", "𝄞", "界", "e\u0301", "[bold]", "\x1b[31m", "\u202e"])
_TEXT = st.lists(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=4) | _PIECES,
    max_size=6,
).map("".join)


def _finding(message: str, file: str, severity: str, suppressed: bool) -> Finding:
    finding = Finding("MV601", severity, message, file=file or None, line=3, concept="c")
    finding.suppressed = "comment" if suppressed else None
    return finding


def _through_rich(findings: list[Finding], what: str) -> str:
    """What the CLI's console for a stdout that is not a terminal writes."""
    out = io.StringIO()
    real = sys.stdout
    sys.stdout = out
    try:
        console = stdout_console()
    finally:
        sys.stdout = real
    print_text(findings, console, what=what)
    return out.getvalue()


def _plain(findings: list[Finding], what: str) -> str:
    out = io.StringIO()
    print_text(findings, what=what, plain=out)
    return out.getvalue()


@settings(max_examples=examples(150), deadline=None)
@given(
    st.lists(
        st.tuples(_TEXT, _TEXT, st.sampled_from(["error", "warning", "info"]), st.booleans()),
        max_size=4,
    ),
    st.sampled_from(["translations", "glossary"]),
)
def test_plain_text_is_what_the_rich_console_writes_to_a_pipe(rows, what):
    findings = [_finding(*row) for row in rows]
    assert _plain(findings, what) == _through_rich(findings, what)


@pytest.mark.parametrize("force", ["1", None])
def test_plain_text_with_tabs_and_wide_characters(monkeypatch, force):
    if force:  # a CI that forces colours still gets none in a pipe (the console's choice)
        monkeypatch.setenv("FORCE_COLOR", force)
    findings = [
        _finding("a\tb 界\t'x'", "po/sq.po", "error", False),
        _finding("ok", "po/\tka.po", "warning", False),
        _finding("hidden", "po/hy.po", "error", True),
    ]
    text = _plain(findings, "translations")
    assert text == _through_rich(findings, "translations")
    assert "\t" not in text and "hidden" not in text
    assert text.endswith(
        "1 error(s), 1 warning(s), 0 info; 1 finding suppressed by ignore comments\n"
    )


@settings(max_examples=examples(150), deadline=None)
@given(
    st.lists(
        st.tuples(_TEXT, _TEXT, st.sampled_from(["error", "warning", "info"]), st.booleans()),
        max_size=6,
    ),
    st.integers(0, 6),
)
def test_text_blocks_write_the_bytes_of_the_findings(rows, cut):
    # A worker process writes its files' findings as text (report.text_blocks); the
    # command writes those blocks as they are: the same bytes and counts as the findings.
    findings = [_finding(*row) for row in rows]
    blocks = text_blocks(findings[:cut]) + text_blocks(findings[cut:])
    assert _plain(blocks, "translations") == _plain(findings, "translations")
    assert all(isinstance(b, TextBlock) or "\t" in text_line(b, b.file or "") for b in blocks)


def test_a_text_block_holds_lines_and_counts_and_leaves_tabbed_lines_to_rich():
    findings = [
        _finding("one", "po/sq.po", "error", False),
        _finding("two", "po/sq.po", "warning", False),
        _finding("hidden", "po/sq.po", "error", True),
        _finding("a\tb", "po/sq.po", "error", False),
        _finding("three", "po/sq.po", "error", False),
    ]
    first, tabbed, last = text_blocks(findings)
    assert first == TextBlock(
        "po/sq.po:3:1: MV601 error: one [c]\npo/sq.po:3:1: MV601 warning: two [c]\n",
        {"error": 1, "warning": 1, "info": 0},
        {"comment": 1},  # not written, but said in the summary
    )
    assert tabbed is findings[3]
    assert (last.counts, last.suppressed) == ({"error": 1, "warning": 0, "info": 0}, None)
    # Only suppressed findings: a block of no line that still carries them.
    [only] = text_blocks([_finding("hidden", "po/sq.po", "error", True)])
    assert (only.text, only.suppressed) == ("", {"comment": 1})
    with pytest.raises(TypeError):  # a terminal's rich console lays every line out itself
        print_text([first], _console())


def _console():
    out = io.StringIO()
    real = sys.stdout
    sys.stdout = out
    try:
        return stdout_console()
    finally:
        sys.stdout = real
