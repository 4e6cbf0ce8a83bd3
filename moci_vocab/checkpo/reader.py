"""Catalogs in, for read-only checking: PO (own fast reader), MO (polib), CSV; XLIFF in xliff.py.

polib builds a rich, editable object per entry and is the slowest part of a
check; this reader only keeps what `check-po` needs, as columns (msgid,
translations, context, plural, fuzzy flags) rather than one object per
entry: the checker works on whole columns at once, and `Entry` objects are
made only on demand (`Catalog.entries`, `Catalog.entry(i)`). Line numbers
are counted only for the entries that are reported.

A well-formed PO file is read with one regular expression over the whole
text (`_ENTRY`); anything it does not recognise (and every syntax error)
sends the file through the line-by-line parser instead, which accepts the
same language and raises `MociError` with the file and line.
"""

from __future__ import annotations

import codecs
import re
import struct
from dataclasses import dataclass, field
from pathlib import Path

from moci_vocab.errors import MociError


@dataclass(slots=True)
class Entry:
    msgid: str
    msgstr: list[str]
    msgctxt: str | None = None
    msgid_plural: str | None = None
    fuzzy: bool = False
    line: int = 0

    @property
    def translated(self) -> bool:
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
    _lines: list[int] | _PoLines | None = None
    _entries: list[Entry] | None = None

    @classmethod
    def from_entries(
        cls, path: Path, entries: list[Entry], headers: dict[str, str] | None = None
    ) -> Catalog:
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
        return self.headers.get("Language") or None

    def __len__(self) -> int:
        return len(self.msgids)

    def lines(self, indices) -> dict[int, int]:
        """Entry index → the line of its first keyword (msgctxt or msgid, as polib)."""
        wanted = sorted(set(indices))
        if isinstance(self._lines, _PoLines):
            return self._lines.lines(wanted)
        known = self._lines or []
        return {i: (known[i] if i < len(known) else 0) for i in wanted}

    def line(self, index: int) -> int:
        return self.lines([index])[index]

    def entry(self, index: int, line: int | None = None) -> Entry:
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
        if self._entries is None:
            lines = self.lines(range(len(self.msgids)))
            self._entries = [self.entry(i, lines[i]) for i in range(len(self.msgids))]
        return self._entries


def read_catalog(path: Path) -> Catalog:
    """A PO, MO, CSV or XLIFF file by its extension (PO when unknown)."""
    suffix = path.suffix.lower()
    if suffix in (".mo", ".gmo"):
        return read_mo(path)
    if suffix in (".csv", ".tsv"):
        return read_csv(path)
    if suffix in (".xlf", ".xliff", ".sdlxliff", ".mqxliff"):  # Trados and memoQ name theirs so
        from moci_vocab.checkpo.xliff import read_xliff

        return read_xliff(path)
    return read_po(path)


def read_file_bytes(path: Path) -> bytes:
    """A catalog's bytes; a missing file, a folder or a read error is a MociError."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise MociError("no such file", path) from None
    except IsADirectoryError:
        raise MociError("is a folder, not a catalog file", path) from None
    except OSError as exc:
        raise MociError(f"cannot be read ({exc.strerror})", path) from None


# --------------------------------------------------------------------------- PO

_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    '"': '"',
    "\\": "\\",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
}
_ESCAPE_RE = re.compile(r"\\(x[0-9A-Fa-f]{1,2}|[0-7]{1,3}|.)", re.S)
_CHARSET_RE = re.compile(rb"charset\s*=\s*([-\w.:]+)", re.I)


def _unescape_match(match: re.Match) -> str:
    code = match.group(1)
    if code in _ESCAPES:
        return _ESCAPES[code]
    if code[0] == "x":
        return chr(int(code[1:], 16))
    if code[0] in "01234567":
        return chr(int(code, 8))
    raise ValueError(code)


class _Syntax(Exception):
    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.message = message
        self.line = line


def _string(text: str, lineno: int) -> str:
    """The value of a quoted PO string (the part from the first quote on)."""
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise _Syntax("expected a quoted string", lineno)
    body = text[1:-1]
    if "\\" not in body:
        if '"' in body:
            raise _Syntax("unescaped quote inside a string", lineno)
        return body
    try:
        return _ESCAPE_RE.sub(_unescape_match, body)
    except ValueError:
        raise _Syntax("unknown escape sequence", lineno) from None


def _decode(data: bytes, path: Path) -> str:
    charset = "utf-8"
    match = _CHARSET_RE.search(data[:4000])
    if match:
        name = match.group(1).decode("ascii", "replace")
        try:
            charset = codecs.lookup(name).name
        except LookupError:
            if name.upper() != "CHARSET":  # the POT template's placeholder
                raise MociError(f"unknown charset {name!r} in the header", path) from None
    try:
        text = data.decode(charset)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise MociError(f"is not valid {charset}", path, line) from None
    return text[1:] if text.startswith("\ufeff") else text


def read_po(path: Path) -> Catalog:
    text = _decode(read_file_bytes(path), path)
    if "\r" in text:
        text = text.replace("\r\n", "\n")  # same lines, and the fast reader applies
    catalog = _read_po_fast(path, text)
    if catalog is not None:
        return catalog
    try:
        entries = _parse_po(text)
    except _Syntax as exc:
        raise MociError(f"not a valid PO file: {exc.message}", path, exc.line) from None
    headers: dict[str, str] = {}
    kept = []
    for entry in entries:
        if entry.msgid == "" and entry.msgctxt is None:
            headers = parse_headers(entry.msgstr[0] if entry.msgstr else "")
        else:
            kept.append(entry)
    return Catalog.from_entries(path, kept, headers)


PoSyntaxError = _Syntax


def check_po_syntax(text: str) -> None:
    """Raise PoSyntaxError (with .message and .line) where ``text`` is not valid PO."""
    _parse_po(text)


def parse_headers(text: str) -> dict[str, str]:
    headers: dict[str, str] = {}
    for line in text.split("\n"):
        name, sep, value = line.partition(":")
        if sep:
            headers[name.strip()] = value.strip()
    return headers


def _parse_po(text: str) -> list[Entry]:
    """Entries of a PO file. One pass over the lines; obsolete (#~) entries are skipped."""
    entries: list[Entry] = []
    append = entries.append
    ctxt: str | None = None
    msgid: str | None = None
    plural: str | None = None
    strs: list[str] = []
    fuzzy = False
    line_of_msgid = 0
    # What the next continuation line extends: 0 none, 1 ctxt, 2 msgid, 3 plural, 4 msgstr
    target = 0
    string = _string
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line:
            continue
        first = line[0]
        if first == '"':
            value = string(line, lineno)
            if target == 4:
                strs[-1] += value
            elif target == 2:
                msgid += value  # type: ignore[operator]
            elif target == 1:
                ctxt += value  # type: ignore[operator]
            elif target == 3:
                plural += value  # type: ignore[operator]
            else:
                raise _Syntax("a string continues nothing", lineno)
            continue
        if first == "#":
            if target == 4:  # a comment starts the next entry
                append(Entry(msgid, strs, ctxt, plural, fuzzy, line_of_msgid))  # type: ignore[arg-type]
                ctxt = msgid = plural = None
                strs = []
                fuzzy = False
                target = 0
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            elif line.startswith("#~"):
                target = 0
            continue
        if first == "m":
            if line.startswith("msgstr"):
                if msgid is None:
                    raise _Syntax("msgstr without msgid", lineno)
                body = line[8:-1]
                # Fast path for the usual `msgstr "plain text"` (no escapes, no index).
                if (
                    len(line) > 8
                    and line[6:8] == ' "'
                    and line[-1] == '"'
                    and "\\" not in body
                    and '"' not in body
                ):
                    strs.append(body)
                    target = 4
                    continue
                rest = line[6:]
                if rest.startswith("["):
                    close = rest.find("]")
                    if close < 0:
                        raise _Syntax("unclosed msgstr[", lineno)
                    rest = rest[close + 1 :]
                strs.append(string(rest, lineno))
                target = 4
                continue
            if target == 4:
                append(Entry(msgid, strs, ctxt, plural, fuzzy, line_of_msgid))  # type: ignore[arg-type]
                ctxt = msgid = plural = None
                strs = []
                fuzzy = False
            elif msgid is not None and not line.startswith("msgid_plural"):
                raise _Syntax("entry without msgstr", line_of_msgid)
            if line.startswith("msgctxt"):
                ctxt = string(line[7:], lineno)
                line_of_msgid = lineno  # an entry's line is its first keyword's (as polib)
                target = 1
            elif line.startswith("msgid_plural"):
                plural = string(line[12:], lineno)
                target = 3
            elif line.startswith("msgid"):
                body = line[7:-1]
                if (
                    len(line) > 7
                    and line[5:7] == ' "'
                    and line[-1] == '"'
                    and "\\" not in body
                    and '"' not in body
                ):
                    msgid = body  # the usual plain `msgid "text"`, without a call
                else:
                    msgid = string(line[5:], lineno)
                if ctxt is None:
                    line_of_msgid = lineno
                target = 2
            else:
                raise _Syntax(f"unknown keyword {line.split()[0]!r}", lineno)
            continue
        if line.isspace():
            continue
        raise _Syntax("unexpected text", lineno)
    if msgid is not None:
        if target != 4:
            raise _Syntax("entry without msgstr", line_of_msgid)
        append(Entry(msgid, strs, ctxt, plural, fuzzy, line_of_msgid))
    return entries


# --- the fast path: one regular expression over the whole file ------------------------

# A quoted string on one line, and a value: strings on consecutive lines.
_S = r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"'
_Q = _S + r"(?:[ \t]*\n" + _S + r")*+[ \t]*"
# One entry (groups 1-6), or else comments and blank lines that no entry follows
# (group 7: obsolete entries at the end), or else one line of anything (group 8: the
# file goes to the line parser, which reports it or reads something unusual).
# Group 1 is the last `#,` line with "fuzzy" in the entry's comments, if any.
# Linear however many comment lines there are: a block of them that no entry follows
# is tried once as an entry's comments, then taken whole by group 7. (No capturing
# group inside a possessive repeat: CPython 3.11's re fails on those.)
_ENTRY = re.compile(
    r"(?:#,([^\n]*fuzzy[^\n]*)\n|#[^\n]*\n|[ \t]*\n)*"  # 1
    r"(?:msgctxt[ \t]*(" + _Q + r")\n)?"  # 2
    r"msgid[ \t]*(" + _Q + r")\n"  # 3
    r"(?:msgid_plural[ \t]*(" + _Q + r")\n)?"  # 4
    r"(?:msgstr[ \t]*(" + _Q + r")"  # 5 one translation, or 6 msgstr[N] lines
    r"|((?:msgstr\[\d+\][ \t]*" + _Q + r"\n)*msgstr\[\d+\][ \t]*" + _Q + r"))"
    r"(?:\n|\Z)"
    r"|((?:#[^\n]*(?:\n|\Z)|[ \t]*\n)++)"  # 7
    r"|([^\n]*\n?)"  # 8
)
# Where entries begin (lines are counted only for reported entries): a msgctxt line
# (the match goes on to its msgid), or else a msgid line. After a newline (a literal
# the regex engine looks for fast), or at the very start.
_FIRST_START = re.compile(r'(?:msgctxt\b[^\n]*\n(?:"[^\n]*\n)*)?msgid\b')
_ENTRY_START = re.compile(r"\n" + _FIRST_START.pattern)
_CONTINUATION = re.compile(r'"[ \t]*\n"')
_PLURAL_FORM = re.compile(r"msgstr\[\d+\][ \t]*(" + _Q + r")")


class _Unusual(Exception):
    """Something the fast reader leaves to the line parser."""


def _values(raws: list[str]) -> list[str]:
    """The values of quoted PO strings, all at once (continuations joined, escapes read)."""
    if not raws:
        return []
    joined = "\x00".join(raws)
    if "\n" in joined:
        joined = _CONTINUATION.sub("", joined)
    # '"a"\0"b"' → ['a', 'b']: quotes off without a slice per value (no NUL in the file).
    values = joined[1:-1].split('"\x00"')
    if "\\" in joined:
        try:
            values = [_ESCAPE_RE.sub(_unescape_match, v) if "\\" in v else v for v in values]
        except ValueError:
            raise _Unusual from None
    return values


def _read_po_fast(path: Path, text: str) -> Catalog | None:
    """The catalog, or None when the file needs the line parser."""
    if "\x00" in text:
        return None
    rows = _ENTRY.findall(text)
    rows.pop()  # the empty match at the very end
    if not rows:
        return None
    # Columns of the matches, transposed in one go: fuzzy flag, msgctxt, msgid,
    # msgid_plural, msgstr, msgstr[N] lines, trailing comments, anything else.
    flags, ctxts, ids, plurals, strs, blocks, trailing, unusual = zip(*rows, strict=True)
    del rows
    if any(unusual):
        return None
    if any(trailing):  # comments after the last entry (the only place they can be)
        count = len(ids) - sum(1 for text in trailing if text)
        if any(trailing[:count]):
            return None
        flags, ctxts, ids, plurals, strs, blocks = (
            column[:count] for column in (flags, ctxts, ids, plurals, strs, blocks)
        )
    where: list[int] | range = range(len(ids))
    try:
        headers: dict[str, str] = {}
        if ids and ids[0] == '""' and not ctxts[0] and strs[0]:
            # The usual header entry, first: out before the columns are made.
            headers = parse_headers(_values([strs[0]])[0])
            flags, ctxts, ids, plurals, strs, blocks = (
                column[1:] for column in (flags, ctxts, ids, plurals, strs, blocks)
            )
            where = where[1:]
        msgids = _values(ids)
        if any(blocks):
            forms = list(map(list, zip(_values([raw or '""' for raw in strs]))))
            for i, block in enumerate(blocks):
                if block:
                    forms[i] = _values(_PLURAL_FORM.findall(block))
        else:
            forms = list(map(list, zip(_values(strs))))
        msgctxts = _optional(ctxts)
        msgid_plurals = _optional(plurals)
    except _Unusual:
        return None
    fuzzy = {i for i, flag in enumerate(flags) if flag} if any(flags) else set()
    catalog = Catalog(
        path=path,
        headers=headers,
        msgids=msgids,
        msgstrs=forms,
        msgctxts=msgctxts,
        plurals=msgid_plurals,
        fuzzy=fuzzy,
        _lines=_PoLines(text, where),
    )
    if "" in msgids:
        _take_headers(catalog)
    return catalog


def _optional(raws) -> list[str | None]:
    """The values of an optional keyword (msgctxt, msgid_plural); None where absent."""
    column: list[str | None] = [None] * len(raws)
    if not any(raws):
        return column
    present = [i for i, raw in enumerate(raws) if raw]
    for i, value in zip(present, _values([raws[i] for i in present]), strict=True):
        column[i] = value
    return column


def _take_headers(catalog: Catalog) -> None:
    """The header entry (msgid "" without context) out of the entries, into headers."""
    header_rows = [
        i for i, msgid in enumerate(catalog.msgids) if msgid == "" and catalog.msgctxts[i] is None
    ]
    if not header_rows:
        return
    for i in header_rows:  # as the line parser: the last one wins
        forms = catalog.msgstrs[i]
        catalog.headers = parse_headers(forms[0] if forms else "")
    drop = set(header_rows)
    keep = [i for i in range(len(catalog.msgids)) if i not in drop]
    catalog.msgids = [catalog.msgids[i] for i in keep]
    catalog.msgstrs = [catalog.msgstrs[i] for i in keep]
    catalog.msgctxts = [catalog.msgctxts[i] for i in keep]
    catalog.plurals = [catalog.plurals[i] for i in keep]
    new_index = {old: new for new, old in enumerate(keep)}
    catalog.fuzzy = {new_index[i] for i in catalog.fuzzy if i in new_index}
    lines = catalog._lines
    assert isinstance(lines, _PoLines)
    lines.where = [lines.where[i] for i in keep]


class _PoLines:
    """Line numbers of the fast reader's entries, counted only when asked for."""

    def __init__(self, text: str, where: list[int] | range):
        self.text = text
        self.where = where  # entry index → its number among all entries (header too)
        self.starts: list[int] | None = None

    def lines(self, wanted: list[int]) -> dict[int, int]:
        """Lines of the given entries; one pass over the text up to the last of them."""
        if self.starts is None:
            text = self.text
            first = _FIRST_START.match(text)
            starts = [0] if first else []
            after = _ENTRY_START.finditer(text, first.end() if first else 0)
            starts.extend(match.start() + 1 for match in after)
            self.starts = starts
        starts, where = self.starts, self.where
        found: dict[int, int] = {}
        line, at, count = 1, 0, self.text.count
        for place, i in sorted((starts[where[i]], i) for i in wanted):
            line += count("\n", at, place)
            at = place
            found[i] = line
        return found


# --------------------------------------------------------------------------- MO


def _check_mo_tables(data: bytes, path: Path) -> None:
    """The header's string count and table offsets must fit inside the file."""
    order = "<" if data[:4] == b"\xde\x12\x04\x95" else ">"
    count, originals, translations = struct.unpack(order + "III", data[8:20])
    for table in (originals, translations):
        if table + 8 * count > len(data):
            raise MociError(
                f"not a valid MO file: its header claims {count} strings, "
                f"more than its {len(data)} bytes can hold",
                path,
            )


def read_mo(path: Path) -> Catalog:
    import polib

    data = read_file_bytes(path)
    if len(data) < 28 or data[:4] not in (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde"):
        raise MociError("not a valid MO file (bad magic number)", path)
    _check_mo_tables(data, path)
    try:
        mo = polib.mofile(str(path))
    except (OSError, ValueError, UnicodeDecodeError, IndexError, struct.error) as exc:
        raise MociError(f"not a valid MO file ({exc})", path) from None
    entries = []
    for index, item in enumerate(mo, 1):
        if item.msgid_plural:
            strs = [item.msgstr_plural[k] for k in sorted(item.msgstr_plural)]
        else:
            strs = [item.msgstr]
        entries.append(
            Entry(item.msgid, strs, item.msgctxt, item.msgid_plural or None, False, index)
        )
    return Catalog.from_entries(path, entries, dict(mo.metadata))


# --------------------------------------------------------------------------- CSV

SOURCE_COLUMNS = ("source", "msgid", "en", "english", "original")
TARGET_COLUMNS = ("target", "msgstr", "translation")
CONTEXT_COLUMNS = ("context", "msgctxt", "id", "key")


def read_csv(path: Path, lang_hint: str | None = None) -> Catalog:
    """A CSV (or TSV) with a header row naming the source and target columns.

    Source: source/msgid/en/english/original; target: target/msgstr/translation
    or a language tag; optional context: context/msgctxt/id/key.
    """
    import csv
    import io

    data = read_file_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise MociError("is not valid UTF-8 (save the CSV as UTF-8)", path, line) from None
    dialect = "excel-tab" if path.suffix.lower() == ".tsv" else "excel"
    reader = csv.reader(io.StringIO(text, newline=""), dialect=dialect)
    try:
        header = [cell.strip().casefold() for cell in next(reader)]
    except StopIteration:
        raise MociError(
            "is empty: expected a header row with source and target columns", path
        ) from None
    except csv.Error as exc:
        raise MociError(f"not a valid CSV file ({exc})", path, 1) from None
    source = _column(header, SOURCE_COLUMNS)
    target = _column(header, TARGET_COLUMNS)
    lang = None
    if target is None:
        others = [i for i, name in enumerate(header) if i != source and name not in CONTEXT_COLUMNS]
        if len(others) == 1 and re.fullmatch(r"[a-z]{2,3}([-_][a-z0-9]+)*", header[others[0]]):
            target, lang = others[0], header[others[0]]
    if source is None or target is None:
        raise MociError(
            "the header row must name a source column (source, msgid or en) and a target "
            "column (target, msgstr or a language tag)",
            path,
            1,
        )
    context = _column(header, CONTEXT_COLUMNS)
    entries = []
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            ctxt = _cell(row, context) or None
            entries.append(
                Entry(_cell(row, source), [_cell(row, target)], ctxt, None, False, reader.line_num)
            )
    except csv.Error as exc:
        raise MociError(f"not a valid CSV file ({exc})", path, reader.line_num) from None
    return Catalog.from_entries(path, entries, {"Language": lang} if lang else {})


def _cell(row: list[str], index: int | None) -> str:
    return row[index] if index is not None and index < len(row) else ""


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    for name in names:
        if name in header:
            return header.index(name)
    return None
