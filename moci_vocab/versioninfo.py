"""The version stamp every data export carries, and its date.

Exports must be byte-for-byte reproducible: exporting an unchanged glossary
twice gives identical files, so no export reads the clock. Where a format
wants a date (PO's POT-Creation-Date and PO-Revision-Date, the TBX header),
it is the date of the glossary's current version as written by `release` in
``glossary/CHANGELOG.md`` (``## 1.2.0 — 2026-11-20``). A version that has not
been released yet has no date; exports then carry ``UNRELEASED_DATE``.
"""

from __future__ import annotations

import re
from pathlib import Path

from moci_vocab.errors import MociError
from moci_vocab.fsutil import read_regular_file
from moci_vocab.model import Glossary
from moci_vocab.yamlio import MAX_FILE_BYTES

CHANGELOG = Path("glossary") / "CHANGELOG.md"
UNRELEASED_DATE = "1970-01-01"
GENERATOR = "moci-vocab"

_HEADING_RE = re.compile(r"^## +\[?v?(?P<version>[^\s\]]+)\]?\s.*?(?P<date>\d{4}-\d{2}-\d{2})")


def version_date(glossary: Glossary) -> str | None:
    """The ISO date of the CHANGELOG section of the glossary's version, if it has one."""
    path = Path(glossary.root) / CHANGELOG
    try:
        text = read_regular_file(path, MAX_FILE_BYTES).decode("utf-8", errors="replace")
    except MociError:
        return None
    wanted = glossary.manifest.version
    for line in text.splitlines():
        match = _HEADING_RE.match(line)
        if match and match["version"] == wanted:
            return match["date"]
    return None


def export_date(glossary: Glossary) -> str:
    """The date stamped into exports: the version's release date, or the fixed fallback."""
    return version_date(glossary) or UNRELEASED_DATE


def one_line(text: str) -> str:
    """Header values (PO header fields, XML titles) must stay on one line."""
    return " ".join(text.split())


_LINE_BREAKS = str.maketrans({"\r": " ", "\n": " ", "\v": " ", "\f": " ", "\x85": " "})


def term_line(text: str) -> str:
    """A term as a PO msgid or msgstr: exactly its text, line breaks as spaces.

    Unlike ``one_line`` nothing else changes (a leading space stays, as JSON
    keeps it); `check` reports such spaces and line breaks (MV202, MV204).
    """
    return text.translate(_LINE_BREAKS)
