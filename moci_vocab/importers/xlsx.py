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
streamed (read-only mode).
"""

from __future__ import annotations

import datetime
import zipfile
from pathlib import Path

from moci_vocab.errors import MociError
from moci_vocab.importers import ImportFile, ReadOptions, read_bytes

SHEET = "glossary"
MAX_UNPACKED_BYTES = 512 * 1024 * 1024


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
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        raise MociError(f"is not a readable XLSX workbook ({type(exc).__name__})", path) from None
    result = ImportFile(path=path, format="xlsx")
    try:
        sheet = workbook[SHEET] if SHEET in workbook.sheetnames else workbook.worksheets[0]
        records = []
        for number, row in enumerate(sheet.iter_rows(), start=1):
            cells = [_text(cell, number, result) for cell in row]
            while cells and not cells[-1]:
                cells.pop()
            if any(cell.strip() for cell in cells):
                records.append((number, cells))
    finally:
        workbook.close()
    return records, result


def _check_unpacked_size(raw: bytes, path: Path) -> None:
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise MociError("is not an XLSX workbook (not a zip archive)", path) from None
    if total > MAX_UNPACKED_BYTES:
        raise MociError(f"unpacks to {total // (1024 * 1024)} MB, too large to import", path)


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
