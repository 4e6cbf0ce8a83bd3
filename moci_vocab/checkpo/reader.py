"""Catalogs in, for `check-po`: PO and MO (``moci_vocab.po.read``), CSV here, XLIFF.

``read_catalog`` chooses the reader by the file's extension.
"""

from __future__ import annotations

import re
from pathlib import Path

from moci_vocab.errors import MociError
from moci_vocab.po.catalog import Catalog, Entry, read_file_bytes
from moci_vocab.po.read import read_mo, read_po


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


# --------------------------------------------------------------------------- CSV

# The most rows read from a CSV: each is an entry in memory (~300 bytes), and a 64 MB CSV of
# short rows (`a,b`) is 16 million of them (~4.5 GB; at this cap ~350 MB); a PO's entry takes
# 20 bytes of file at least.
MAX_CSV_ROWS = 500_000
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
            if len(entries) == MAX_CSV_ROWS:
                raise MociError(
                    f"holds more than {MAX_CSV_ROWS:,} rows, the most check-po reads from a CSV "
                    "file (split it)",
                    path,
                    reader.line_num,
                )
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
