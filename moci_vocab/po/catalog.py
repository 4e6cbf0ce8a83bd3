"""A translated catalog as `check-po` reads it, whatever its file format.

PO and MO (``moci_vocab.po.read``), CSV (``checkpo.reader``) and XLIFF
(``checkpo.xliff``) files all become a ``Catalog``: the entries as parallel
columns (msgid, translations, context, plural, fuzzy flags) rather than one
object per entry, so the checker works on whole columns at once; ``Entry``
objects are made only on demand. Line numbers may be counted lazily.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from moci_vocab.records import Record


class LineCounter(Protocol):
    """Something that counts the lines of the entries asked for, on demand."""

    def lines(self, wanted: list[int]) -> dict[int, int]:
        """Entry index → its line, for the ``wanted`` entries."""
        ...


class Entry(Record):
    """One catalog entry: source, translations (one per plural form), context, flags, line."""

    __slots__ = _fields = ("msgid", "msgstr", "msgctxt", "msgid_plural", "fuzzy", "line")

    def __init__(
        self,
        msgid: str,
        msgstr: list[str],
        msgctxt: str | None = None,
        msgid_plural: str | None = None,
        fuzzy: bool = False,
        line: int = 0,
    ) -> None:
        self.msgid = msgid
        self.msgstr = msgstr
        self.msgctxt = msgctxt
        self.msgid_plural = msgid_plural
        self.fuzzy = fuzzy
        self.line = line

    @property
    def translated(self) -> bool:
        """Whether any translation is filled in."""
        return any(self.msgstr)


class Catalog(Record):
    """A catalog's entries as parallel columns (entry ``i`` is item ``i`` of each)."""

    _fields = (
        "path",
        "headers",
        "msgids",
        "msgstrs",
        "msgctxts",
        "plurals",
        "fuzzy",
        "_lines",
        "_entries",
        "data",
    )
    _unshown = _uncompared = frozenset({"data"})

    def __init__(
        self,
        path: Path,
        headers: dict[str, str] | None = None,
        msgids: list[str] | None = None,
        msgstrs: list[list[str]] | None = None,
        msgctxts: list[str | None] | None = None,
        plurals: list[str | None] | None = None,
        fuzzy: set[int] | None = None,
        _lines: list[int] | LineCounter | None = None,
        _entries: list[Entry] | None = None,
        data: bytes | None = None,
    ) -> None:
        self.path = path
        self.headers: dict[str, str] = {} if headers is None else headers
        self.msgids: list[str] = [] if msgids is None else msgids
        self.msgstrs: list[list[str]] = [] if msgstrs is None else msgstrs
        self.msgctxts: list[str | None] = [] if msgctxts is None else msgctxts
        self.plurals: list[str | None] = [] if plurals is None else plurals
        self.fuzzy: set[int] = set() if fuzzy is None else fuzzy  # indices of the fuzzy entries
        # Either the lines themselves, or something that counts them on demand.
        self._lines = _lines
        self._entries = _entries
        # The file's bytes, when the reader keeps them anyway (a UTF-8 PO file's, for its
        # line numbers; CRLF line ends made LF): the ignore comments are looked for in
        # them, not in a second read of the file. None: read the file again.
        self.data = data

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

    def replace_msgstrs(self, msgstrs: list[list[str]]) -> None:
        """Put ``msgstrs`` (each entry's forms, in the entries' order) in place of the
        translations; the ``Entry`` objects are then made again from them when asked for."""
        self.msgstrs = msgstrs
        self._entries = None

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
