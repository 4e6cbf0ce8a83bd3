"""Importers: CSV, XLSX, PO, TBX and JSON glossaries read into incoming concepts.

Every reader is a function ``read(path: Path, options: ReadOptions) ->
ImportFile`` that only reads: it turns the file into ``Incoming`` concepts
(the model's ``Concept``, with the line it came from) and a list of problems
it could step over (undecodable lines, rows without a term …), each with its
line. ``merge.plan_merge`` then decides what those concepts mean for the
glossary. A file that cannot be read at all raises ``MociError`` with file
and line; nothing here prints.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from moci_vocab.errors import MociError
from moci_vocab.languages import language_from_filename  # noqa: F401  (importers use it)
from moci_vocab.model import Concept

READERS: dict[str, str] = {
    "csv": "moci_vocab.importers.csv:read_csv",
    "xlsx": "moci_vocab.importers.xlsx:read_xlsx",
    "po": "moci_vocab.importers.po:read_po",
    "tbx": "moci_vocab.importers.tbx:read_tbx",
    "json": "moci_vocab.importers.json:read_json",
}


@dataclass
class ReadOptions:
    """How to read an import file: the source language, the file's language(s), what to include."""

    source_language: str = "en"
    languages: list[str] = field(default_factory=list)  # --lang: the file's language(s)
    include_untranslated: bool = False  # PO/bilingual CSV: also entries without a translation
    include_fuzzy: bool = False  # PO: also fuzzy translations (imported as review: draft)
    columns: dict[str, str] = field(default_factory=dict)  # CSV --columns: field → file column
    split: str = ""  # --split: characters that separate alternative terms in one cell


def keep_as_note(concept: Concept, lang: str, text: str) -> bool:
    """Add ``text`` to the concept's note in ``lang`` as a paragraph of its own, once.

    Returns whether the note changed.
    """
    have = concept.note.get(lang, "")
    if text in have:
        return False
    concept.note[lang] = f"{have}\n\n{text}" if have else text
    return True


def split_alternatives(text: str, separators: str) -> list[str]:
    """``ђавао, услуга`` → [ђавао, услуга] when ``,`` is a separator; pieces cleaned, none empty."""
    from moci_vocab.textnorm import clean_spaces, nfc

    pieces = [text]
    for separator in separators:
        pieces = [part for piece in pieces for part in piece.split(separator)]
    return [cleaned for cleaned in (clean_spaces(nfc(piece)) for piece in pieces) if cleaned]


@dataclass
class Incoming:
    """One concept as the file has it. ``id`` is empty unless the file's id can be trusted."""

    concept: Concept
    line: int | None = None
    group: str = ""  # the file's own key for the concept (msgctxt, CSV context), not an id
    fields: dict[str, str] = field(default_factory=dict)  # a sheet row's concept-field cells

    @property
    def trusted_id(self) -> bool:
        """Whether the file's concept id is kept (moci-vocab's own exports)."""
        return bool(self.concept.id)


@dataclass
class Problem:
    """A problem with one line of an import file (left out, reported)."""

    line: int | None
    message: str


@dataclass
class SheetColumns:
    """Which cells a wide sheet of ours holds: a cell left empty there means "none"."""

    terms: set[tuple[str, str]] = field(default_factory=set)  # (lang, status)
    langs: list[str] = field(default_factory=list)  # languages in column order
    definitions: set[str] = field(default_factory=set)
    notes: set[str] = field(default_factory=set)
    fields: set[str] = field(default_factory=set)  # status, domain, tags, …


@dataclass
class ImportFile:
    """What a reader made of one file: concepts, problems, skipped entries, its origin."""

    path: Path
    format: str
    concepts: list[Incoming] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)  # reason → number of entries
    version: str | None = None  # the glossary version a moci-vocab export came from
    ours: bool = False  # written by moci-vocab (ids and escapes can be trusted)
    origin: str = ""  # who made the file and when (a PO's Last-Translator and date)
    sheet: SheetColumns | None = None  # our wide CSV/XLSX: the columns it holds (round trip)

    def problem(self, line: int | None, message: str) -> None:
        """Record a problem at ``line``."""
        self.problems.append(Problem(line, message))

    def skip(self, reason: str) -> None:
        """Count one entry left out for ``reason``."""
        self.skipped[reason] = self.skipped.get(reason, 0) + 1


# Entries (concepts, PO entries, CSV rows, TBX termEntries) in one file to import. A
# glossary has hundreds to a few thousand concepts; a file with more is a software
# catalog or runaway input, and is refused before it costs minutes and gigabytes.
MAX_IMPORT_ENTRIES = 50_000


# Lines in one text file to import (CSV, PO), counted before it is split into lines: 50,000
# entries of a PO with comments take a few hundred thousand; 64 MB of empty lines would be 32
# million strings (a 64 MB CSV of short rows took ~4.8 GB, a PO of comment lines ~4.3 GB).
MAX_IMPORT_LINES = 1_000_000


def refuse_runaway(count: int, path: Path, what: str, line: int | None = None) -> None:
    """A clear error when a file to import holds more than MAX_IMPORT_ENTRIES entries."""
    if count > MAX_IMPORT_ENTRIES:
        raise MociError(
            f"holds more than {MAX_IMPORT_ENTRIES:,} {what}; a glossary import is limited "
            f"to {MAX_IMPORT_ENTRIES:,} (split the file, or import only its glossary terms)",
            path,
            line,
        )


def capped_rows(rows: Iterable[tuple[int, list[str]]], path: Path) -> list[tuple[int, list[str]]]:
    """The (line, cells) rows of a table (header first) as a list, refused at the first row
    over MAX_IMPORT_ENTRIES: never all read first (64 MB of short CSV rows were 4.8 GB)."""
    kept = []
    for row in rows:
        kept.append(row)
        if len(kept) > MAX_IMPORT_ENTRIES + 1:  # (the header, then one too many)
            refuse_runaway(len(kept) - 1, path, "rows", row[0])
    return kept


def get_reader(name: str):
    """The reader registered for ``name``; an unknown format is a MociError."""
    if name not in READERS:
        raise MociError(f"cannot import {name!r} files (formats: {', '.join(READERS)})")
    module_name, func = READERS[name].split(":")
    return getattr(importlib.import_module(module_name), func)


def read_bytes(path: Path) -> bytes:
    """The bytes of a file to import: a regular file, no link, at most MAX_INPUT_BYTES."""
    from moci_vocab.fsutil import MAX_INPUT_BYTES, read_regular_file

    too_big = f"is over {MAX_INPUT_BYTES // (1024 * 1024)} MB, too large to import"
    return read_regular_file(path, MAX_INPUT_BYTES, too_big)


@dataclass
class Decoded:
    """A file's text, line by line, with the lines that were not UTF-8."""

    lines: list[str]
    bad: dict[int, str]  # 1-based line number → why it could not be decoded
    raw: dict[int, bytes] = field(default_factory=dict)  # the bad lines' bytes

    @property
    def text(self) -> str:
        """The whole text, lines joined."""
        return "".join(self.lines)


def decode_lines(raw: bytes, path: Path, encoding: str = "utf-8") -> Decoded:
    """Decode line by line, so one bad byte costs one line and is reported with its number.

    A bad line is kept, decoded with U+FFFD replacement characters, so that the
    file's structure (and every later line number) stays as it was; the reader
    decides what to leave out.
    """
    if b"\x00" in raw[:8192]:
        raise MociError("is a binary file, not text", path)
    breaks = raw.count(b"\n") + raw.count(b"\r") - raw.count(b"\r\n")  # (as splitlines)
    if breaks > MAX_IMPORT_LINES:
        raise MociError(
            f"has more than {MAX_IMPORT_LINES:,} lines; a glossary import is limited to "
            f"{MAX_IMPORT_ENTRIES:,} entries (split the file, or import only its glossary terms)",
            path,
        )
    lines: list[str] = []
    bad: dict[int, str] = {}
    raw_bad: dict[int, bytes] = {}
    for number, chunk in enumerate(raw.splitlines(keepends=True), start=1):
        try:
            lines.append(chunk.decode(encoding))
        except UnicodeDecodeError as exc:
            bad[number] = f"byte 0x{chunk[exc.start]:02x} at column {exc.start + 1}"
            raw_bad[number] = chunk
            lines.append(chunk.decode(encoding, errors="replace"))
    if lines:
        lines[0] = lines[0].removeprefix("\ufeff")
    return Decoded(lines, bad, raw_bad)


def decode_with_fallback(raw: bytes) -> str:
    """UTF-8, with each undecodable run of bytes read as Windows-1252 (a stray `×` byte
    in a UTF-8 file is the usual case), so that a line is recovered, not dropped."""
    parts: list[str] = []
    start = 0
    while True:
        try:
            parts.append(raw[start:].decode("utf-8"))
            return "".join(parts)
        except UnicodeDecodeError as exc:
            parts.append(raw[start : start + exc.start].decode("utf-8"))
            parts.append(raw[start + exc.start : start + exc.end].decode("cp1252", "replace"))
            start += exc.end
