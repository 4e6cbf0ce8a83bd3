"""Reading gettext catalogs: PO (a fast reader and a line parser, or polib) and MO.

`check-po` reads with ``read_po``: polib builds a rich, editable object per
entry and is the slowest part of a check, so this reader keeps only what
the checker needs, as a ``Catalog`` of columns; line numbers are counted
only for the entries that are reported. A well-formed PO file is read with
one regular expression over the whole text (`_ENTRY`); anything it does not
recognise (and every syntax error) sends the file through the line-by-line
parser instead, which accepts the same language and raises `MociError` with
the file and line.

`import` needs polib's entries (comments, flags, line numbers): ``load_polib``
parses with polib after the line parser has refused what polib would silently
accept. Both decode with the header's charset (``header_charset``).
"""

from __future__ import annotations

import codecs
import re
import struct
from collections.abc import Iterator
from pathlib import Path

from moci_vocab.errors import MociError
from moci_vocab.po.catalog import Catalog, Entry, read_file_bytes

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


def _unescaped(value: str) -> str:
    """A quoted value's escapes read: the usual ones (\\n, \\", \\t) by the string's own
    replace where no backslash is escaped (each backslash then begins an escape of its
    own), any other by `_ESCAPE_RE` (a call of `_unescape_match` per escape)."""
    if "\\\\" not in value:
        text = value.replace("\\n", "\n").replace('\\"', '"').replace("\\t", "\t")
        if "\\" not in text:
            return text
    return _ESCAPE_RE.sub(_unescape_match, value)


# The most translations one entry may hold (msgstr[N]): a language has at most six plural
# forms; a PO of one entry with 3 million took 2.7 GB to read, a 59 MB file.
MAX_PLURAL_FORMS = 100
_TOO_MANY_FORMS = f"more than {MAX_PLURAL_FORMS} translations (msgstr[N]) in one entry"


class _Syntax(Exception):
    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.message = message
        self.line = line


def _plain_value(line: str, start: int) -> str | None:
    """The string of `keyword "text"` (the space at ``start``) when it has no escape; else None."""
    body = line[start + 2 : -1]
    plain = "\\" not in body and '"' not in body
    if plain and line[start : start + 2] == ' "' and len(line) > start + 2 and line[-1] == '"':
        return body
    return None


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


def header_charset(data: bytes, path: Path) -> str:
    """The codec named by the header's charset (UTF-8 when none, or the template's CHARSET)."""
    match = _CHARSET_RE.search(data[:8192])
    if not match:
        return "utf-8"
    return _codec(match.group(1).decode("ascii", "replace"), path)


def _codec(name: str, path: Path) -> str:
    """The codec of a header's charset name: a text encoding Python can decode, or an error.

    Python also has codecs that are not text encodings (rot13, zlib, base64, hex) and
    one that always fails (undefined): a file naming one of them is refused, never
    decoded with it.
    """
    if name.upper() == "CHARSET":  # the POT template's placeholder
        return "utf-8"
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True) or info.name == "undefined":
        raise MociError(f"unknown charset {name!r} in the header (not a text encoding)", path)
    return info.name


def _decode(data: bytes, path: Path) -> str:
    charset = header_charset(data, path)
    try:
        text = data.decode(charset)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise MociError(f"is not valid {charset}", path, line) from None
    return text[1:] if text.startswith("\ufeff") else text


def read_po(path: Path) -> Catalog:
    """The PO file at ``path`` as a ``Catalog`` (the header entry taken out into headers)."""
    data = read_file_bytes(path)
    tried = False
    if header_charset(data, path) == "utf-8" and b"\x00" not in data:
        # The everyday file: read from its bytes a block at a time, never decoded whole
        # (see `_read_po_fast`); what it cannot read goes the long way below.
        tried = True
        if b"\r" in data:
            data = data.replace(b"\r\n", b"\n")  # as the text below: same lines
        start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
        try:
            catalog = _read_po_fast(path, data, start)
        except UnicodeDecodeError:  # `_decode` says where
            catalog = None
        if catalog is not None:
            return catalog
    text = _decode(data, path)
    if "\r" in text:
        text = text.replace("\r\n", "\n")  # same lines, and the fast reader applies
    if not tried:
        catalog = _read_po_fast(path, text, 0)
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
    """The header entry's ``Name: value`` lines as a dict."""
    headers: dict[str, str] = {}
    for line in text.split("\n"):
        name, sep, value = line.partition(":")
        if sep:
            headers[name.strip()] = value.strip()
    return headers


_BIG_TEXT = 1 << 24


def _lines(text: str) -> Iterator[str]:
    """``text.split("\\n")``, one line at a time."""
    start = 0
    find = text.find
    while True:
        end = find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start:end]
        start = end + 1


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
    # (a big text's lines one at a time: 20 million short lines as a list were 1.3 GB)
    lines = text.split("\n") if len(text) < _BIG_TEXT else _lines(text)
    for lineno, line in enumerate(lines, 1):
        if not line:
            continue
        first = line[0]
        if first == '"':
            value = string(line, lineno)
            if target == 4:
                # (taken out of the list to grow: held by the list, each line's text was
                # copied whole, and a million lines took 13 s)
                last = strs.pop()
                last += value
                strs.append(last)
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
                if len(strs) == MAX_PLURAL_FORMS:
                    raise _Syntax(_TOO_MANY_FORMS, lineno)
                plain = _plain_value(line, 6)  # the usual `msgstr "text"`: no escapes, no index
                if plain is not None:
                    strs.append(plain)
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
                plain = _plain_value(line, 5)  # the usual plain `msgid "text"`
                msgid = plain if plain is not None else string(line[5:], lineno)
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
    # (possessive: the engine keeps no state per line to backtrack to; a greedy `*` kept
    # ~900 bytes a line, 2.7 GB for an entry of 3 million msgstr[N])
    r"|(msgstr\[\d+\][ \t]*" + _Q + r"(?:\nmsgstr\[\d+\][ \t]*" + _Q + r")*+))"
    r"(?:\n|\Z)"
    r"|((?:#[^\n]*(?:\n|\Z)|[ \t]*\n)++)"  # 7
    r"|([^\n]*\n?)"  # 8
)
# Where entries begin (lines are counted only for reported entries): a msgctxt line
# (the match goes on to its msgid), or else a msgid line. After a newline (a literal
# the regex engine looks for fast), or at the very start.
_FIRST_START = re.compile(r'(?:msgctxt\b[^\n]*\n(?:"[^\n]*\n)*)?msgid\b')
_ENTRY_START = re.compile(r"\n" + _FIRST_START.pattern)
_FIRST_START_BYTES = re.compile(_FIRST_START.pattern.encode())
_ENTRY_START_BYTES = re.compile(_ENTRY_START.pattern.encode())
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
            values = [_unescaped(v) if "\\" in v else v for v in values]
        except ValueError:
            raise _Unusual from None
    return values


# A file is read a block of about this many bytes (characters) at a time: the regular
# expression's raw strings and their values exist for one block at once, not for the
# whole file (a catalog of 1.3 MB made ~15 MB of them at once).
_BLOCK = 1 << 16


# A block of more comment lines than this (counted when it has _BIG_BLOCK bytes or more)
# goes to the line parser: `_ENTRY`'s repeat over an entry's comment lines keeps a state for
# each line while it matches (~180 bytes), so a pull request's 60 MB of `#` lines took
# 5.3 GB and 50 s; the line parser reads them in 0.8 s and 51 MB per 3 million. No real
# catalog has a block of that many (blocks end after each 64 KiB at an entry's end).
_BIG_BLOCK = 1 << 21
_MANY_LINES = 200_000


def _cuts(source: str | bytes, start: int) -> Iterator[int]:
    """Where the blocks of ``source`` end (the last at its end).

    A block ends inside a blank line whose line before starts with a quote or ``msgstr``
    (the end of an entry's translation): the blank line's newline begins the next
    block. No match of `_ENTRY` that starts before such a place reaches past it (a
    comment or blank line cannot hold that line; a value cannot go on over a blank
    line), and `_ENTRY` has no anchor but ``\\Z`` and looks nowhere behind, so the
    blocks' matches are exactly the whole file's, and so is the verdict of unusual.
    """
    newline, blank = ("\n", "\n\n") if isinstance(source, str) else (b"\n", b"\n\n")
    ends = ('"', "msgstr") if isinstance(source, str) else (b'"', b"msgstr")
    size, at = len(source), start
    while at + _BLOCK < size:
        want = at + _BLOCK
        while True:
            blank_at = source.find(blank, want)
            if blank_at < 0:
                yield size
                return
            line = source.rfind(newline, 0, blank_at) + 1  # the line before the blank one
            if source.startswith(ends, line):
                break
            want = blank_at + 1
        at = blank_at + 1
        yield at
    yield size


def _read_po_fast(path: Path, source: str | bytes, start: int) -> Catalog | None:
    """The catalog, or None when the file needs the line parser.

    ``source`` is the text, or the bytes of a UTF-8 file (each block decoded when it
    is read: a UnicodeDecodeError escapes); its entries begin at ``start`` (after a
    byte order mark).
    """
    if "\x00" in source if isinstance(source, str) else b"\x00" in source:
        return None
    headers: dict[str, str] = {}
    msgids: list[str] = []
    forms: list[list[str]] = []
    msgctxts: list[str | None] = []
    msgid_plurals: list[str | None] = []
    fuzzy: set[int] = set()
    rows_before = 0  # the matched entries of the blocks before (the header too)
    first = 0  # 1 when the header entry comes first (taken out before the columns)
    ended = False  # comments that no entry follows were read: the file must end there
    matched = False
    at = start
    comment = "\n#" if isinstance(source, str) else b"\n#"
    for cut in _cuts(source, start):
        if cut - at > _BIG_BLOCK and source.count(comment, at, cut) > _MANY_LINES:  # type: ignore[arg-type]
            return None  # (see _MANY_LINES: the line parser reads them in linear memory)
        if isinstance(source, str):
            rows = _ENTRY.findall(source, at, cut)
        else:
            rows = _ENTRY.findall(str(memoryview(source)[at:cut], "utf-8"))
        at = cut
        rows.pop()  # the empty match at the block's end
        if not rows:
            continue
        if ended:
            return None
        matched = True
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
            ended = True
            flags, ctxts, ids, plurals, strs, blocks = (
                column[:count] for column in (flags, ctxts, ids, plurals, strs, blocks)
            )
        try:
            if not rows_before and ids and ids[0] == '""' and not ctxts[0] and strs[0]:
                # The usual header entry, first: out before the columns are made.
                headers = parse_headers(_values([strs[0]])[0])
                flags, ctxts, ids, plurals, strs, blocks = (
                    column[1:] for column in (flags, ctxts, ids, plurals, strs, blocks)
                )
                first = rows_before = 1
            if any(flags):
                offset = len(msgids)
                fuzzy.update(offset + i for i, flag in enumerate(flags) if flag)
            msgids += _values(ids)
            if any(blocks):
                these = list(map(list, zip(_values([raw or '""' for raw in strs]))))
                for i, block in enumerate(blocks):
                    if block:
                        if block.count("msgstr[") > MAX_PLURAL_FORMS:
                            raise _Unusual  # (the line parser says where)
                        these[i] = _values(_PLURAL_FORM.findall(block))
                forms += these
            else:
                forms += map(list, zip(_values(strs)))
            msgctxts += _optional(ctxts)
            msgid_plurals += _optional(plurals)
        except _Unusual:
            return None
        rows_before += len(ids)
    if not matched:
        return None
    catalog = Catalog(
        path=path,
        headers=headers,
        msgids=msgids,
        msgstrs=forms,
        msgctxts=msgctxts,
        plurals=msgid_plurals,
        fuzzy=fuzzy,
        _lines=_PoLines(source, start, range(first, rows_before)),
        data=source if isinstance(source, bytes) else None,
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
    """Line numbers of the fast reader's entries, counted only when asked for.

    ``source`` is what the entries were read from: the text, or a UTF-8 file's bytes
    (the same lines, and `_FIRST_START` and `_ENTRY_START` find the same entries in
    them: in a file the fast reader read, a line that starts with msgctxt or msgid is a
    keyword's, followed by spaces and a quote, or by ``_plural``).
    """

    def __init__(self, source: str | bytes, start: int, where: list[int] | range):
        self.source = source
        self.start = start  # where the entries begin (after a byte order mark)
        self.where = where  # entry index → its number among all entries (header too)
        self.starts: list[int] | None = None

    def lines(self, wanted: list[int]) -> dict[int, int]:
        """Lines of the given entries (``wanted``: in order, each once, as
        `Catalog.lines` asks); one pass over the text up to the last of them."""
        source = self.source
        if self.starts is None:
            if isinstance(source, str):
                first_start, entry_start = _FIRST_START, _ENTRY_START
            else:
                first_start, entry_start = _FIRST_START_BYTES, _ENTRY_START_BYTES
            first = first_start.match(source, self.start)
            starts = [self.start] if first else []
            after = entry_start.finditer(source, first.end() if first else self.start)
            starts.extend(match.start() + 1 for match in after)
            self.starts = starts
        starts, where = self.starts, self.where
        found: dict[int, int] = {}
        newline = "\n" if isinstance(source, str) else b"\n"
        line, at, count = 1, 0, source.count
        for i in wanted:  # entries and their starts are in the same order
            place = starts[where[i]]
            line += count(newline, at, place)
            at = place
            found[i] = line
        return found


# --------------------------------------------------------------------------- MO


# How many times its own size an MO file's strings may add up to (`_check_mo_tables`), and
# the least bound for a small file.
MO_SHARING = 8
MO_SHARING_FLOOR = 1024 * 1024


def _check_mo_tables(data: bytes, path: Path) -> None:
    """The header's string count and table offsets must fit inside the file, and its
    strings add up to no more than MO_SHARING times the file (at least MO_SHARING_FLOOR)
    and a catalog file may hold (MAX_INPUT_BYTES): the tables may point many entries at
    one string (a 148 KB file of 3,000 entries, each at the same 50 KB, was 1.1 GB of
    memory read; a 1 MB one, tens of GB)."""
    from moci_vocab.fsutil import MAX_INPUT_BYTES

    order = "<" if data[:4] == b"\xde\x12\x04\x95" else ">"
    count, originals, translations = struct.unpack(order + "III", data[8:20])
    for table in (originals, translations):
        if table + 8 * count > len(data):
            raise MociError(
                f"not a valid MO file: its header claims {count} strings, "
                f"more than its {len(data)} bytes can hold",
                path,
            )
    # (each table: a length and an offset per string)
    total = sum(struct.unpack_from(f"{order}{2 * count}I", data, originals)[0::2])
    total += sum(struct.unpack_from(f"{order}{2 * count}I", data, translations)[0::2])
    # A real MO file stores each string once (3,910 on the development machine: at most
    # 0.94 of the file's size), so more than MO_SHARING times its size, or MAX_INPUT_BYTES,
    # is strings read again and again (a 93 KB file at one 60 KB string: 66 MB, 465 MB read).
    bound = min(MAX_INPUT_BYTES, max(MO_SHARING * len(data), MO_SHARING_FLOOR))
    if total > bound:
        raise MociError(
            f"not a valid MO file: its strings add up to {total} bytes, more than the "
            f"{bound} its {len(data)} bytes may point at (they point at them again and "
            "again)",
            path,
        )


def read_mo(path: Path) -> Catalog:
    """The MO file at ``path`` as a ``Catalog`` (read with polib after checking its tables)."""
    import polib

    data = read_file_bytes(path)
    if len(data) < 28 or data[:4] not in (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde"):
        raise MociError("not a valid MO file (bad magic number)", path)
    _check_mo_tables(data, path)
    match = _CHARSET_RE.search(data)  # where polib looks for it too, anywhere in the file
    if match:
        _codec(match.group(1).decode("ascii", "replace"), path)
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


# --------------------------------------------------------------------------- polib


def load_polib(text: str, path: Path):
    """The polib ``POFile`` of ``text``; what polib would silently misread is refused first.

    polib reads a cut-off string as a shorter term; the strict line parser
    says where the file is broken instead.
    """
    import polib

    if not text.strip():
        raise MociError("is empty", path)
    try:
        check_po_syntax(text)
    except PoSyntaxError as exc:
        raise MociError(f"is not a valid PO file: {exc.message}", path, exc.line) from None
    try:
        # A str with a newline is parsed as content, not taken for a file name.
        return polib.pofile(text if "\n" in text else text + "\n", wrapwidth=0)
    except (OSError, ValueError) as exc:
        message = str(exc)
        found = re.search(r"line (\d+)", message)
        line = int(found.group(1)) if found else None
        reason = re.sub(r"\s*\(line \d+\)", "", message).strip() or "syntax error"
        raise MociError(f"is not a valid PO file: {reason}", path, line) from None
