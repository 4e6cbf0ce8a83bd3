"""Catalogs in, for read-only checking: PO (own fast reader), MO (polib), CSV.

polib builds a rich, editable object per entry and is the slowest part of a
check; this reader only keeps what `check-po` needs (context, source,
translations, fuzzy flag, line) and is several times faster. Syntax errors
are raised as `MociError` with the file and line.
"""

from __future__ import annotations

import codecs
import re
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
    path: Path
    entries: list[Entry] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def language(self) -> str | None:
        return self.headers.get("Language") or None


def read_catalog(path: Path) -> Catalog:
    """A PO, MO or CSV file by its extension (PO when unknown)."""
    suffix = path.suffix.lower()
    if suffix in (".mo", ".gmo"):
        return read_mo(path)
    if suffix in (".csv", ".tsv"):
        return read_csv(path)
    return read_po(path)


def _read_bytes(path: Path) -> bytes:
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
    text = _decode(_read_bytes(path), path)
    try:
        entries = _parse_po(text)
    except _Syntax as exc:
        raise MociError(f"not a valid PO file: {exc.message}", path, exc.line) from None
    catalog = Catalog(path=path)
    for entry in entries:
        if entry.msgid == "" and entry.msgctxt is None:
            catalog.headers = parse_headers(entry.msgstr[0] if entry.msgstr else "")
        else:
            catalog.entries.append(entry)
    return catalog


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


# --------------------------------------------------------------------------- MO


def read_mo(path: Path) -> Catalog:
    import polib

    data = _read_bytes(path)
    if len(data) < 28 or data[:4] not in (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde"):
        raise MociError("not a valid MO file (bad magic number)", path)
    try:
        mo = polib.mofile(str(path))
    except (OSError, ValueError, UnicodeDecodeError, IndexError) as exc:
        raise MociError(f"not a valid MO file ({exc})", path) from None
    catalog = Catalog(path=path, headers=dict(mo.metadata))
    for index, item in enumerate(mo, 1):
        if item.msgid_plural:
            strs = [item.msgstr_plural[k] for k in sorted(item.msgstr_plural)]
        else:
            strs = [item.msgstr]
        catalog.entries.append(
            Entry(item.msgid, strs, item.msgctxt, item.msgid_plural or None, False, index)
        )
    return catalog


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

    data = _read_bytes(path)
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
    catalog = Catalog(path=path)
    if lang:
        catalog.headers["Language"] = lang
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            ctxt = _cell(row, context) or None
            catalog.entries.append(
                Entry(_cell(row, source), [_cell(row, target)], ctxt, None, False, reader.line_num)
            )
    except csv.Error as exc:
        raise MociError(f"not a valid CSV file ({exc})", path, reader.line_num) from None
    return catalog


def _cell(row: list[str], index: int | None) -> str:
    return row[index] if index is not None and index < len(row) else ""


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    for name in names:
        if name in header:
            return header.index(name)
    return None
