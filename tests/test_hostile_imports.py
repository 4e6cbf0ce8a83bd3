"""Files to import that a pull request or a stranger sent: XLSX (zip and XML), TBX.

Found by the second audit of session 23 (docs/reliability.md); the refusals fail on the
code before the fix (the workbook was imported, its entities expanded).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from conftest import snapshot

ENTITY = b'<!DOCTYPE sst [<!ENTITY e "' + b"a" * 1000 + b'">]>'
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
PKG = "http://schemas.openxmlformats.org/package/2006"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def _workbook(path: Path, doctype: bytes = b"", strings: str = "sharedStrings.xml") -> Path:
    """A minimal workbook whose two rows are shared strings (``source``/``target``, then
    ``reconciliation`` and, with a ``doctype``, ten references to its entity ``e``)."""
    target = b"&e;" * 10 if doctype else b"pajtim"
    words = [b"source", b"target", b"reconciliation", target]
    sst = b"".join(b"<si><t>" + word + b"</t></si>" for word in words)
    cells = [
        f'<row r="{r}"><c r="A{r}" t="s"><v>{a}</v></c><c r="B{r}" t="s"><v>{b}</v></c></row>'
        for r, a, b in ((1, 0, 1), (2, 2, 3))
    ]
    parts = {
        "[Content_Types].xml": f'<Types xmlns="{PKG}/content-types">'
        f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{TYPE}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{TYPE}.worksheet+xml"/>'
        f'<Override PartName="/xl/{strings}" ContentType="{TYPE}.sharedStrings+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{PKG}/relationships"><Relationship Id="r1" '
        f'Type="{OFFICE}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{MAIN}" xmlns:r="{OFFICE}"><sheets>'
        '<sheet name="Sheet1" sheetId="1" r:id="r1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{PKG}/relationships">'
        f'<Relationship Id="r1" Type="{OFFICE}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="r2" Type="{OFFICE}/sharedStrings" Target="{strings}"/>'
        "</Relationships>",
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{MAIN}"><sheetData>{"".join(cells)}'
        "</sheetData></worksheet>",
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
        archive.writestr(
            f"xl/{strings}", doctype + f'<sst xmlns="{MAIN}">'.encode() + sst + b"</sst>"
        )
    return path


def test_a_plain_workbook_imports(moci, tmp_path):
    book = _workbook(tmp_path / "sq.xlsx")
    result = moci("import", "xlsx", str(book), "--lang", "sq", "--dry-run")
    assert "1 new concepts" in result.output


@pytest.mark.parametrize("strings", ["sharedStrings.xml", "strings.bin"])
def test_a_workbook_with_a_document_type_is_refused(moci, tmp_path, strings):
    # openpyxl's parser of sheets and shared strings expands internal entities: a 26 KB
    # workbook of 16,000 references to a 100 KB entity took 1.6 GB (expat's own limit
    # is a ratio of 100 to the input, and the workbook unpacks to 512 MB). openpyxl finds
    # its parts by content type, so any name may hold the shared strings.
    book = _workbook(tmp_path / "sq.xlsx", ENTITY, strings)
    before = snapshot(moci.root)
    result = moci("import", "xlsx", str(book), "--lang", "sq", ok=False)
    assert result.exit_code == 1
    assert f"has a document type declaration (<!DOCTYPE …>) in 'xl/{strings}'" in result.output
    assert snapshot(moci.root) == before


def test_declares_doctype_reads_only_the_prolog():
    from moci_vocab.formats.xml import declares_doctype

    late = b'<?xml version="1.0"?><!-- ' + b" " * 200_000 + b" --><!DOCTYPE x []><x/>"
    assert declares_doctype(io.BytesIO(late))
    assert not declares_doctype(io.BytesIO(b"<x>" + b"<y/>" * 100_000 + b"</x>"))
    assert not declares_doctype(io.BytesIO(b"\x89PNG\r\n\x1a\n binary"))

    class RootThenNothing:
        """A stream that may be read once: the root's start tag ends the prolog."""

        calls = 0

        def read(self, size: int) -> bytes:
            self.calls += 1
            assert self.calls == 1, "read past the root element"
            return b"<x>" + b"<y/>" * 10

    assert not declares_doctype(RootThenNothing())


@pytest.mark.parametrize("strings", ["sharedStrings.xml", "strings.bin"])
def test_shared_strings_are_counted_whatever_their_name(moci, tmp_path, monkeypatch, strings):
    # The count of rows and cells went by the parts' names: 6,000,000 shared strings in
    # xl/strings.bin (a 250 KB workbook) were read by openpyxl, 66 s and 621 MB.
    import moci_vocab.importers.xlsx as xlsx

    monkeypatch.setattr(xlsx, "MAX_CELLS", 6)  # the sheet's 4 cells and the 4 strings
    book = _workbook(tmp_path / "sq.xlsx", strings=strings)
    result = moci("import", "xlsx", str(book), "--lang", "sq", "--dry-run", ok=False)
    assert "has more than 6 cells" in result.output


def test_an_encrypted_part_is_one_error(moci, tmp_path):
    book = _workbook(tmp_path / "sq.xlsx")
    data = bytearray(book.read_bytes())
    name = b"xl/sharedStrings.xml"
    for signature, flags, name_length, header in ((b"PK\3\4", 6, 26, 30), (b"PK\1\2", 8, 28, 46)):
        at = data.find(signature)
        while at >= 0:
            length = int.from_bytes(data[at + name_length : at + name_length + 2], "little")
            if data[at + header : at + header + length] == name:
                data[at + flags] |= 1  # the "encrypted" bit, as a password-protected zip has
            at = data.find(signature, at + 4)
    book.write_bytes(bytes(data))
    result = moci("import", "xlsx", str(book), "--lang", "sq", "--dry-run", ok=False)
    assert result.output == (
        f"error: {book}: has an encrypted part 'xl/sharedStrings.xml'; "
        "save the workbook without a password\n"
    )


def test_a_tbx_of_too_many_elements_stops_at_the_first_over_the_cap(moci, tmp_path, monkeypatch):
    # Every element is kept in a tree (~350 bytes each): 8 MB of <a/> took 19 s and
    # 737 MB, 64 MB would take minutes and ~6 GB.
    import moci_vocab.importers.tbx as tbx

    monkeypatch.setattr(tbx, "MAX_XML_ELEMENTS", 10)
    path = tmp_path / "many.tbx"
    path.write_text(
        '<?xml version="1.0"?>\n<martif type="TBX"><text><body>\n<termEntry>\n'
        + "<a/>\n" * 20
        + "</termEntry></body></text></martif>\n",
        encoding="utf-8",
    )
    result = moci("import", "tbx", str(path), "--dry-run", ok=False)
    assert result.output == (
        f"error: {path}:10: holds more than 10 XML elements; a glossary import is limited "
        "to 10 (split the file)\n"
    )


def test_json_values_are_counted_before_parsing(seeded, tmp_path, monkeypatch):
    # json.loads made ~64 bytes of objects of every 3 bytes of `[],`: 60 MB, 1.64 GB.
    import moci_vocab.importers.json as json_import

    exported = tmp_path / "out"
    seeded("export", "json", "-o", str(exported))
    (ours,) = exported.glob("*.json")
    raw = ours.read_bytes()
    values = raw.count(b",") + raw.count(b"[") + raw.count(b"{") + 1
    monkeypatch.setattr(json_import, "MAX_JSON_VALUES", values)
    seeded("import", "json", str(ours), "--dry-run")  # as many as the cap: read
    bomb = tmp_path / "lists.json"
    bomb.write_bytes(b"[" + b"[]," * values + b"[]]")
    result = seeded("import", "json", str(bomb), "--dry-run", ok=False)
    assert result.output == (
        f"error: {bomb}: holds more than {values:,} JSON values (commas and brackets "
        "counted); a glossary import is limited to that many (split the file)\n"
    )


def test_a_part_whose_compressed_data_is_broken_is_one_error(moci, tmp_path):
    # zlib's own error ("invalid block type") is not one of zipfile's: it was reported
    # as "unexpected error … (a bug)".
    book = _workbook(tmp_path / "sq.xlsx")
    with zipfile.ZipFile(book) as archive:
        info = archive.getinfo("xl/sharedStrings.xml")
    data = bytearray(book.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start : start + 8] = b"\xff" * 8  # a deflate block of the reserved type
    book.write_bytes(bytes(data))
    result = moci("import", "xlsx", str(book), "--lang", "sq", "--dry-run", ok=False)
    assert result.output.startswith(f"error: {book}: is not a readable XLSX workbook (")
    assert "bug" not in result.output
