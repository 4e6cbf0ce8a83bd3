"""XLSX workbooks: the "glossary" sheet of moci-vocab's own export, or any sheet mapped.

The "glossary" sheet has the wide CSV's layout (a row per concept, a column per
language, ``glossary_version`` last), so its rows go through the CSV reader's
row logic (``csv.read_table``) and an edited sheet comes back as the CSV does
(see ``importers.sheet``). Its text cells are typed as text, so they carry no
formula escapes to undo. A workbook without a "glossary" sheet is read from its
first sheet; ``--columns`` maps any layout, as for CSV. A cell holding a
formula is reported with its row and left empty: only values are imported.

Reading is bounded: the file size (as for every import) and the unpacked size
of the workbook's parts are capped before openpyxl sees it, and rows are
streamed (read-only mode). A few kilobytes of XML can still stand for billions of
cells: a sheet whose `<dimension>` says A1:XFD1048576 had every row padded to 16,384
cells (a 4.7 KB workbook ran for hours), a row of millions of `<c/>` is parsed by
openpyxl as a whole (1 M: 378 MB). So the XML is counted first (`_check_parts`: rows,
cells, cells in a row), the dimension is not trusted (`reset_dimensions`) and the cells
openpyxl yields are counted as they come. A part with a document type declaration is
refused (OOXML has none): openpyxl's parser expands the entities it declares, and a
26 KB workbook of 16,000 references to a 100 KB entity took 1.6 GB. Every part is
looked at, whatever its name: openpyxl finds the shared strings and sheets by content
type and relationship, so a workbook's strings in `xl/strings.bin` are read all the same.
"""

from __future__ import annotations

import datetime
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from moci_vocab.errors import MociError
from moci_vocab.importers import (
    MAX_IMPORT_ENTRIES,
    ImportFile,
    ReadOptions,
    capped_rows,
    read_bytes,
)

SHEET = "glossary"
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
# Excel's own limits (a sheet over them is not Excel's), and the most cells read from a
# workbook: 50,000 concepts (the import cap) in 100 columns.
MAX_ROWS, MAX_ROW_CELLS = 1_048_576, 16_384
MAX_CELLS = 5_000_000
# An element of a sheet or of the shared strings (any namespace prefix): a row, a cell, a
# shared string. Counted in the unpacked XML, a block at a time (never all of it in memory).
_ELEMENT = re.compile(rb"<(?:[\w.-]+:)?(row|c|si)(?=[\s/>])")
_BLOCK = 1024 * 1024


def read_xlsx(path: Path, options: ReadOptions) -> ImportFile:
    """The workbook's glossary sheet (or first sheet) as incoming concepts."""
    from moci_vocab.importers.csv import read_mapped, read_table

    records, result = _records(path)
    if not records:
        raise MociError("has no rows", path)
    if options.columns:
        read_mapped(records, options, result)
    else:
        read_table(records, options, result, escaped=False)
    return result


def _records(path: Path) -> tuple[list[tuple[int, list[str]]], ImportFile]:
    import io

    raw = read_bytes(path)
    _check_unpacked_size(raw, path)
    _check_parts(raw, path)
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        raise MociError(f"is not a readable XLSX workbook ({type(exc).__name__})", path) from None
    result = ImportFile(path=path, format="xlsx")
    try:
        sheet = workbook[SHEET] if SHEET in workbook.sheetnames else workbook.worksheets[0]
        sheet.reset_dimensions()  # each row as long as its own cells, not as the file says
        records = capped_rows(_rows(sheet, path, result), path)
    finally:
        workbook.close()
    return records, result


def _rows(sheet, path: Path, result: ImportFile) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) of each row with text, trailing empty cells left out."""
    seen = 0
    for number, row in enumerate(sheet.iter_rows(), start=1):
        seen += len(row)  # (a row is padded with empty cells up to its last one)
        if number > MAX_ROWS or seen > MAX_CELLS:
            _too_many(path, number)
        cells = [_text(cell, number, result) for cell in row]
        while cells and not cells[-1]:
            cells.pop()
        if any(cell.strip() for cell in cells):
            yield number, cells


def _check_unpacked_size(raw: bytes, path: Path) -> None:
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise MociError("is not an XLSX workbook (not a zip archive)", path) from None
    if total > MAX_UNPACKED_BYTES:
        raise MociError(f"unpacks to {total // (1024 * 1024)} MB, too large to import", path)


def _check_parts(raw: bytes, path: Path) -> None:
    """Refuse a workbook with an encrypted part, a part that declares a document type, or
    more rows or cells than MAX_ROWS, MAX_ROW_CELLS (in one row) or MAX_CELLS in its parts,
    before openpyxl parses them. Every part, whatever its name (see the module's doc)."""
    import io
    import lzma
    import zlib

    from moci_vocab.formats.xml import declares_doctype

    # zipfile passes on its decompressors' own errors for a broken stream
    unreadable = (
        zipfile.BadZipFile, OSError, EOFError, NotImplementedError, zlib.error, lzma.LZMAError
    )  # fmt: skip
    counts = [0, 0]  # rows, cells (a shared string counts as a cell)
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        for info in archive.infolist():
            if info.flag_bits & 0x1:  # zipfile would raise RuntimeError
                raise MociError(
                    f"has an encrypted part {info.filename!r}; save the workbook without "
                    "a password",
                    path,
                )
            try:
                with archive.open(info) as part:
                    doctype = declares_doctype(part)
                if not doctype:
                    with archive.open(info) as part:
                        _count_part(part, counts, path)
            except unreadable as exc:
                raise MociError(f"is not a readable XLSX workbook ({exc})", path) from None
            if doctype:
                raise MociError(
                    f"has a document type declaration (<!DOCTYPE …>) in {info.filename!r}, "
                    "which a workbook never has; entity declarations are refused for safety",
                    path,
                )


def _count_part(part, counts: list[int], path: Path) -> None:
    """Count one part's rows and cells into ``counts``, a block of its XML at a time."""
    rows, cells = counts
    in_row = 0
    carry = b""
    while True:
        block = part.read(_BLOCK)
        data = carry + block
        cut = data.rfind(b"<") if block else -1  # an element may go on in the next block
        carry, data = (data[cut : cut + 64], data[:cut]) if cut >= 0 else (b"", data)
        for match in _ELEMENT.finditer(data):
            if match[1] == b"row":
                rows, in_row = rows + 1, 0
            else:
                cells, in_row = cells + 1, in_row + (match[1] == b"c")
            if rows > MAX_ROWS or in_row > MAX_ROW_CELLS or cells > MAX_CELLS:
                _too_many(path, None)
        if not block:
            counts[:] = rows, cells
            return


def _too_many(path: Path, row: int | None) -> None:
    raise MociError(
        f"has more than {MAX_CELLS:,} cells, {MAX_ROW_CELLS:,} in a row or {MAX_ROWS:,} rows "
        f"(an import is limited to {MAX_IMPORT_ENTRIES:,} concepts; split the workbook)",
        path,
        row,
    )


def _text(cell, row: int, result: ImportFile) -> str:
    """A cell's value as text; a formula is reported and read as empty."""
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if getattr(cell, "data_type", None) == "f":
        column = getattr(cell, "column_letter", "?")
        result.problem(row, f"cell {column}{row} is a formula; only values are imported")
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)
