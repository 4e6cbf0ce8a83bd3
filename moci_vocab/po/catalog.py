"""A translated catalog as `check-po` reads it, whatever its file format.

PO and MO (``moci_vocab.po.read``), CSV (``checkpo.reader``) and XLIFF
(``checkpo.xliff``) files all become a ``Catalog``: the entries as parallel
columns (msgid, translations, context, plural, fuzzy flags) rather than one
object per entry, so the checker works on whole columns at once; ``Entry``
objects are made only on demand. Line numbers may be counted lazily.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol


class LineCounter(Protocol):
    """Something that counts the lines of the entries asked for, on demand."""

    def lines(self, wanted: list[int]) -> dict[int, int]:
        """Entry index → its line, for the ``wanted`` entries."""
        ...


@dataclass(slots=True)
class Entry:
    """One catalog entry: source, translations (one per plural form), context, flags, line."""

    msgid: str
    msgstr: list[str]
    msgctxt: str | None = None
    msgid_plural: str | None = None
    fuzzy: bool = False
    line: int = 0

    @property
    def translated(self) -> bool:
        """Whether any translation is filled in."""
        return any(self.msgstr)


@dataclass
class Catalog:
    """A catalog's entries as parallel columns (entry ``i`` is item ``i`` of each)."""

    path: Path
    headers: dict[str, str] = field(default_factory=dict)
    msgids: list[str] = field(default_factory=list)
    msgstrs: list[list[str]] = field(default_factory=list)
    msgctxts: list[str | None] = field(default_factory=list)
    plurals: list[str | None] = field(default_factory=list)
    fuzzy: set[int] = field(default_factory=set)  # indices of the fuzzy entries
    # Either the lines themselves, or something that counts them on demand.
    _lines: list[int] | LineCounter | None = None
    _entries: list[Entry] | None = None
    # The file's bytes, when the reader keeps them anyway (a UTF-8 PO file's, for its
    # line numbers; CRLF line ends made LF): the ignore comments are looked for in them,
    # not in a second read of the file. None: read the file again.
    data: bytes | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_entries(
        cls, path: Path, entries: list[Entry], headers: dict[str, str] | None = None
    ) -> Catalog:
        """A catalog made of ``entries`` (their lines known already)."""
        return cls(
            path=path,
            headers=headers or {},
            msgids=[e.msgid for e in entries],
            msgstrs=[e.msgstr for e in entries],
            msgctxts=[e.msgctxt for e in entries],
            plurals=[e.msgid_plural for e in entries],
            fuzzy={i for i, e in enumerate(entries) if e.fuzzy},
            _lines=[e.line for e in entries],
            _entries=entries,
        )

    @property
    def language(self) -> str | None:
        """The Language header, if the catalog has one."""
        return self.headers.get("Language") or None

    def __len__(self) -> int:
        return len(self.msgids)

    def lines(self, indices) -> dict[int, int]:
        """Entry index → the line of its first keyword (msgctxt or msgid, as polib)."""
        wanted = sorted(set(indices))
        if self._lines is not None and not isinstance(self._lines, list):
            return self._lines.lines(wanted)
        known = self._lines or []
        return {i: (known[i] if i < len(known) else 0) for i in wanted}

    def line(self, index: int) -> int:
        """The line of entry ``index``."""
        return self.lines([index])[index]

    def entry(self, index: int, line: int | None = None) -> Entry:
        """Entry ``index`` as an ``Entry`` object (its line counted unless given)."""
        return Entry(
            self.msgids[index],
            self.msgstrs[index],
            self.msgctxts[index],
            self.plurals[index],
            index in self.fuzzy,
            self.line(index) if line is None else line,
        )

    @property
    def entries(self) -> list[Entry]:
        """Every entry as an ``Entry`` object (made once, on first use)."""
        if self._entries is None:
            lines = self.lines(range(len(self.msgids)))
            self._entries = [self.entry(i, lines[i]) for i in range(len(self.msgids))]
        return self._entries


def read_file_bytes(path: Path) -> bytes:
    """A catalog's bytes: a regular file, no link, at most MAX_INPUT_BYTES (or a MociError)."""
    from moci_vocab.fsutil import MAX_INPUT_BYTES, read_regular_file

    too_big = f"is over {MAX_INPUT_BYTES // (1024 * 1024)} MB, too large to read"
    return read_regular_file(path, MAX_INPUT_BYTES, too_big)
