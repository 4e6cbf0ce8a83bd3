"""Weblate: a glossary component, one file per target language, flags included.

``weblate/<lang>.po``, ``weblate/<lang>.tbx`` and ``weblate/<lang>.csv``:
point a Weblate glossary component at ``weblate/*.po`` (or ``*.tbx``, or
``*.csv``) and it takes the files as they are. Weblate's glossary knows three
flags (see its "Glossary" documentation), and each file format says them in
its own way:

==================  ============================  =====================================
meaning             PO (``#,`` flags line)        TBX (as Weblate reads it)
==================  ============================  =====================================
do not translate    ``read-only``, msgstr =       ``<descrip type="Translation
                    msgid                         needed">No</descrip>``, target = source
forbidden term      ``forbidden``, msgstr = the   ``<termNote type="administrativeStatus">
                    forbidden term                forbidden</termNote>`` on the target
a concept of the    ``terminology``               (Weblate's TBX has no such flag)
glossary
==================  ============================  =====================================

Every concept with a source term is one entry (context = concept id,
source = the term that represents the concept, target = the preferred
target term, or the source term itself when the concept is not translated);
every forbidden target term is one more entry, context
``<id>/forbidden/<n>``, so that Weblate warns when a translation uses it.
Definitions, notes and the other terms go to the explanation
(PO: ``#.`` lines as in the PO export; TBX: ``descrip`` for the source
language, ``note from="translator"`` for the target).

Weblate's CSV has no flags: the CSV has the entries that are not forbidden
(forbidden terms are named in ``developer_comments``) and, as every CSV
export, the ``glossary_version`` column last (Weblate ignores a column it
does not know), with the usual spreadsheet escaping (a cell starting with
``=``, ``+``, ``-`` or ``@`` gets an apostrophe). Use the PO or TBX files
when the flags matter.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from moci_vocab.exporters import ExportRequest
from moci_vocab.exporters.csv import neutralise
from moci_vocab.exporters.po import _comments, _header_comment, _metadata
from moci_vocab.exporters.tbx import TRANSLATION_NEEDED, document, escape
from moci_vocab.formats.csv import VERSION_COLUMN
from moci_vocab.model import Concept
from moci_vocab.po.write import add_entry, new_catalog
from moci_vocab.versioninfo import one_line

FOLDER = "weblate"
FORBIDDEN = "forbidden"
READ_ONLY = "read-only"
TERMINOLOGY = "terminology"
CSV_COLUMNS = ("source", "target", "context", "developer_comments", VERSION_COLUMN)


@dataclass
class GlossaryEntry:
    """One Weblate glossary string: what the PO, TBX and CSV files each write."""

    context: str
    source: str
    target: str
    flags: list[str]
    concept: Concept
    explanation: list[str] = field(default_factory=list)

    @property
    def forbidden(self) -> bool:
        """Whether the entry names a forbidden translation."""
        return FORBIDDEN in self.flags


def export_weblate(request: ExportRequest) -> list[Path]:
    """``weblate/<lang>.po``, ``.tbx`` and ``.csv`` for every chosen target language."""
    folder = Path(request.outdir) / FOLDER
    written = []
    for lang in request.targets:
        entries = glossary_entries(request, lang)
        files = {
            folder / f"{lang}.po": render_po(request, lang, entries),
            folder / f"{lang}.tbx": render_tbx(request, lang, entries),
            folder / f"{lang}.csv": render_csv(entries, request.version),
        }
        for path, text in files.items():
            request.write(path, text)
            written.append(path)
    return written


def glossary_entries(request: ExportRequest, lang: str) -> list[GlossaryEntry]:
    """The entries of the ``lang`` glossary, in concept order."""
    source = request.source_language
    entries = []
    for concept, shown in request.keyed_concepts():
        text = one_line(shown.term)
        preferred = concept.preferred(lang)
        target = one_line(preferred.term) if preferred else ""
        flags = [TERMINOLOGY]
        if concept.do_not_translate:
            flags.append(READ_ONLY)
            target = target or text
        explanation = _comments(concept, source, lang)
        entries.append(GlossaryEntry(concept.id, text, target, flags, concept, explanation))
        forbidden = [t for t in concept.terms.get(lang, ()) if t.status == FORBIDDEN]
        for number, term in enumerate(forbidden, 1):
            context = f"{concept.id}/forbidden/{number}"
            entries.append(
                GlossaryEntry(context, text, one_line(term.term), [FORBIDDEN], concept, explanation)
            )
    return entries


def render_po(request: ExportRequest, lang: str, entries: list[GlossaryEntry]) -> str:
    """The PO file: flags on the ``#,`` line, where Weblate reads them."""
    catalog = new_catalog(_header_comment(request, lang), _metadata(request, lang))
    for entry in entries:
        add_entry(
            catalog, entry.context, entry.source, entry.target, entry.explanation, entry.flags
        )
    return str(catalog)


def render_tbx(request: ExportRequest, lang: str, entries: list[GlossaryEntry]) -> str:
    """The bilingual TBX file Weblate reads: one ``termEntry`` per entry."""
    body: list[str] = []
    source = request.source_language
    for entry in entries:
        where = f"concept {entry.concept.id} ({lang})"
        body.append(f'      <termEntry id="{escape(entry.context, where)}">')
        definition = entry.concept.definition.get(source)
        if definition:
            body.append(f'        <descrip type="definition">{escape(definition, where)}</descrip>')
        if READ_ONLY in entry.flags:
            body.append(f'        <descrip type="{TRANSLATION_NEEDED}">No</descrip>')
        body.extend(_lang_set(source, entry.source, None, where))
        if entry.target:
            status = FORBIDDEN if entry.forbidden else None
            explanation = entry.concept.definition.get(lang)
            body.extend(_lang_set(lang, entry.target, status, where, explanation))
        body.append("      </termEntry>")
    return document(request, body)


def _lang_set(
    lang: str, term: str, status: str | None, where: str, explanation: str | None = None
) -> list[str]:
    out = [f'        <langSet xml:lang="{escape(lang, where)}">']
    if explanation:
        out.append(f'          <note from="translator">{escape(explanation, where)}</note>')
    out.append("          <tig>")
    out.append(f"            <term>{escape(term, where)}</term>")
    if status:
        out.append(f'            <termNote type="administrativeStatus">{status}</termNote>')
    out += ["          </tig>", "        </langSet>"]
    return out


def render_csv(entries: list[GlossaryEntry], version: str) -> str:
    """Weblate's CSV with a header; forbidden terms only as developer comments."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for entry in entries:
        if entry.forbidden:
            continue
        comments = "\n".join(entry.explanation)
        row = (entry.source, entry.target, entry.context, comments, version)
        writer.writerow([neutralise(cell) for cell in row])
    return buffer.getvalue()
