"""XLSX: the workbook organisers send around.

``<name>.xlsx`` with these sheets, each with a bold, frozen header row, an
autofilter over its columns and column widths fitted to the text:

- ``glossary``: exactly the layout of the wide CSV export (same columns in
  the same order, see ``exporters.csv``), so that `import xlsx` reads it back
  like the CSV; this is the sheet to edit;
- ``<source>-<target>`` per target language (``en-sq`` …): id, the source
  term, the preferred target term, the target's admitted, deprecated and
  forbidden terms (one per line), both definitions, status, domain and
  do_not_translate, to read or print one language pair;
- ``definitions``: a row per concept and language with a definition or
  note.

Cells hold the text exactly (no apostrophe is added, unlike the CSV): a cell
is a string cell (an inline string), never a formula, and one that starts like a formula
(``=``, ``+``, ``-``, ``@``) also gets Excel's "quote prefix" style, so that
editing it in Excel keeps it text. Characters XML cannot hold are refused
with the concept named. The same glossary gives the same bytes (the
workbook's dates are the release date, the archive's are fixed). The
workbook's properties carry the glossary's name and version (title,
version), uncompressed in the archive. Needs
openpyxl (a dependency).
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from datetime import datetime
from pathlib import Path

from moci_vocab.exporters import ExportRequest
from moci_vocab.exporters.csv import OTHER_STATUSES, wide_rows
from moci_vocab.exporters.tbx import check_xml_text
from moci_vocab.formats.csv import looks_like_formula
from moci_vocab.model import Concept
from moci_vocab.versioninfo import GENERATOR, export_date, one_line

GLOSSARY_SHEET = "glossary"
DEFINITIONS_SHEET = "definitions"
MIN_WIDTH, MAX_WIDTH = 8, 60
WIDTH_SAMPLE = 2000  # rows looked at to fit a column's width
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def export_xlsx(request: ExportRequest) -> list[Path]:
    """``<name>.xlsx``."""
    path = Path(request.outdir) / f"{request.name_slug}.xlsx"
    request.write(path, workbook_bytes(request))
    return [path]


def sheets(request: ExportRequest) -> dict[str, list[list[str]]]:
    """Every sheet's rows (header first), in the workbook's order."""
    result = {GLOSSARY_SHEET: wide_rows(request)}
    for lang in request.targets:
        result[f"{request.source_language}-{lang}"] = pair_rows(request, lang)
    result[DEFINITIONS_SHEET] = definition_rows(request)
    return result


def pair_rows(request: ExportRequest, lang: str) -> list[list[str]]:
    """One row per concept: the source and target terms side by side."""
    from moci_vocab.exporters.po import source_term as representing_term

    source = request.source_language
    header = ["id", source, lang, *(f"{lang}:{status}" for status in OTHER_STATUSES)]
    header += [f"definition:{source}", f"definition:{lang}", "status", "domain"]
    rows = [[*header, "do_not_translate"]]
    for concept in request.concepts:
        shown = representing_term(concept, source)
        preferred = concept.preferred(lang)
        others = [_terms(concept, lang, status) for status in OTHER_STATUSES]
        rows.append(
            [
                concept.id,
                shown.term if shown else "",
                preferred.term if preferred else "",
                *others,
                concept.definition.get(source, ""),
                concept.definition.get(lang, ""),
                concept.status,
                concept.domain or "",
                "yes" if concept.do_not_translate else "",
            ]
        )
    return rows


def _terms(concept: Concept, lang: str, status: str) -> str:
    return "\n".join(t.term for t in concept.terms.get(lang, ()) if t.status == status)


def definition_rows(request: ExportRequest) -> list[list[str]]:
    """A row per concept and language that has a definition or a note."""
    rows = [["id", "lang", "definition", "note"]]
    for concept in request.concepts:
        for lang in request.languages:
            definition = concept.definition.get(lang, "")
            note = concept.note.get(lang, "")
            if definition or note:
                rows.append([concept.id, lang, definition, note])
    return rows


def workbook_bytes(request: ExportRequest) -> bytes:
    """The workbook, the same bytes for the same glossary.

    openpyxl writes the workbook: styles, sheets, header rows, frozen panes, column
    widths, autofilters, properties. The data rows, which are most of the file, are
    then put into each sheet's ``sheetData`` as inline-string cells by ``_row_xml``:
    openpyxl's cell objects would take seconds for a large glossary.
    """
    book = _openpyxl().Workbook(write_only=True)
    stamp = datetime.fromisoformat(export_date(request.glossary))
    book.properties.created = book.properties.modified = stamp
    book.properties.creator = GENERATOR
    book.properties.title = f"{one_line(request.glossary.manifest.name)} {request.version}"
    book.properties.version = request.version
    content = sheets(request)
    for rows in content.values():  # every text is checked before anything is written
        for row in rows[1:]:
            for value in row:
                check_xml_text(value, f"concept {row[0]}")
    bodies: dict[str, bytes] = {}
    for number, (title, rows) in enumerate(content.items(), 1):
        quoted = _write_head(book.create_sheet(title), rows)
        bodies[f"xl/worksheets/sheet{number}.xml"] = _body_xml(rows, quoted)
    buffer = io.BytesIO()
    book.save(buffer)
    return _finish(buffer.getvalue(), bodies, stamp.strftime("%Y-%m-%dT%H:%M:%SZ"))


def _openpyxl():
    """openpyxl, imported without numpy unless numpy is loaded already.

    openpyxl imports numpy, when it is installed, only to recognise numpy numbers in
    cells; this exporter writes text only, and numpy's import is most of the time of
    openpyxl's (0.7 of 1.1 s measured). ``None`` in ``sys.modules`` makes that import
    fail the way a missing numpy does; the entry is removed again at once.
    """
    if "openpyxl" not in sys.modules and "numpy" not in sys.modules:
        sys.modules["numpy"] = None  # type: ignore[assignment]
        try:
            import openpyxl
        finally:
            del sys.modules["numpy"]
    import openpyxl

    return openpyxl


def _finish(data: bytes, bodies: dict[str, bytes], stamp: str) -> bytes:
    """The archive again: data rows in, dated ``stamp`` inside and 1980-01-01 outside."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" when saving
                content = _MODIFIED.sub(rb"\g<1>" + stamp.encode() + rb"\g<2>", content)
            if info.filename in bodies:
                content = _insert_rows(content, bodies[info.filename], info.filename)
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            # The properties (title and version) stay uncompressed: a search of the file
            # for the glossary's version finds it, as in every other export.
            stored = info.filename == "docProps/core.xml"
            fixed.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            target.writestr(fixed, content)
    return out.getvalue()


def _insert_rows(sheet_xml: bytes, body: bytes, name: str) -> bytes:
    head, found, tail = sheet_xml.partition(b"</sheetData>")
    if not found:  # openpyxl always writes the header row, so this is a bug
        raise RuntimeError(f"{name} has no sheetData")
    return head + body + found + tail


def _write_head(sheet, rows: list[list[str]]) -> int:
    """Widths, frozen header, autofilter and the bold header row; the quote-prefix style id."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    header = rows[0]
    for index, width in enumerate(_widths(rows), 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    head_cells = []
    for name in header:
        head = WriteOnlyCell(sheet, value=name)
        head.font = bold
        head_cells.append(head)
    sheet.append(head_cells)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(len(rows), 1)}"
    quoted = WriteOnlyCell(sheet, value="")
    quoted.quotePrefix = True  # Excel keeps such a cell text when it is edited
    return quoted.style_id


def _body_xml(rows: list[list[str]], quoted_style: int) -> bytes:
    """The data rows (from row 2) as SpreadsheetML: inline strings, never formulas."""
    from openpyxl.utils import get_column_letter

    letters = [get_column_letter(index) for index in range(1, len(rows[0]) + 1)]
    parts = []
    for number, row in enumerate(rows[1:], 2):
        cells = []
        for letter, value in zip(letters, row, strict=True):
            if not value:
                continue
            style = f' s="{quoted_style}"' if looks_like_formula(value) else ""
            cells.append(
                f'<c r="{letter}{number}" t="inlineStr"{style}>'
                f'<is><t xml:space="preserve">{_xml_text(value)}</t></is></c>'
            )
        parts.append(f'<row r="{number}">{"".join(cells)}</row>')
    return "".join(parts).encode("utf-8")


def _xml_text(text: str) -> str:
    """Element text: & < > escaped, a carriage return kept as a character reference."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _widths(rows: list[list[str]]) -> list[float]:
    """Column widths: the longest line in the header and the first rows, within bounds."""
    widths = [float(len(name) + 2) for name in rows[0]]
    for row in rows[1 : WIDTH_SAMPLE + 1]:
        for index, value in enumerate(row):
            if value:
                longest = max(len(line) for line in value.split("\n"))
                widths[index] = max(widths[index], float(longest + 2))
    return [min(max(width, MIN_WIDTH), MAX_WIDTH) for width in widths]
