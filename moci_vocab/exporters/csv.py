"""CSV in two shapes, both importable again without loss.

``<name>.csv`` (wide) has a row per concept and a column per language, the
shape to read or fill in a spreadsheet::

    id, en, sq, …, [en:admitted, sq:deprecated, …], definition:en, …, [note:en, …],
    status, domain, tags, do_not_translate, related, broader, glossary_version

A language column holds the preferred term; other terms go to
``<lang>:<status>`` columns (one term per line of the cell), which appear
only when some concept has such a term. Note columns likewise.

``<name>-terms.csv`` (long) has a row per term with every term field::

    concept, lang, term, status, pos, type, gender, case_sensitive, forms, context,
    note, source, review_state, review_by, review_date, definition, glossary_version

``definition`` repeats the concept's definition in the row's language.

Both are UTF-8 (``bom`` option: with a byte-order mark, for spreadsheet
programs that need one), RFC 4180 quoting and CRLF row ends; multi-line
definitions and quotes survive. The glossary version sits in the last
column of every row rather than in a comment row, which spreadsheet
programs would read as data: the importer uses it to recognise its own
files. A cell a spreadsheet would run as a formula (starting with ``=``,
``+``, ``-``, ``@``, tab or carriage return, also after spaces) gets an apostrophe in front,
and so does a cell that starts with an apostrophe, so that the importer can
remove exactly one leading apostrophe and get the text back unchanged.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from moci_vocab.exporters import ExportRequest
from moci_vocab.formats.csv import (
    CONCEPT_COLUMNS,
    ESCAPE,
    LONG_COLUMNS,
    VERSION_COLUMN,
    YES,
    looks_like_formula,
)
from moci_vocab.model import TERM_STATUSES, Concept, Term
from moci_vocab.versioninfo import one_line

OTHER_STATUSES = tuple(status for status in TERM_STATUSES if status != "preferred")


def export_csv(request: ExportRequest) -> list[Path]:
    """``<name>.csv`` (wide) and ``<name>-terms.csv`` (long)."""
    outdir = Path(request.outdir)
    bom = bool(request.options.get("bom"))
    wide = outdir / f"{request.name_slug}.csv"
    long = outdir / f"{request.name_slug}-terms.csv"
    request.write(wide, _encode(wide_rows(request), bom))
    request.write(long, _encode(long_rows(request), bom))
    return [wide, long]


def neutralise(cell: str) -> str:
    """The cell as a spreadsheet shows it as text, never as a formula."""
    if looks_like_formula(cell) or cell.startswith(ESCAPE):
        return ESCAPE + cell
    return cell


def _encode(rows: list[list[str]], bom: bool) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    text = buffer.getvalue()
    return (("\ufeff" if bom else "") + text).encode("utf-8")


def wide_columns(request: ExportRequest) -> list[str]:
    """The wide CSV's columns: id, a column per language and used status, concept fields."""
    langs = request.languages
    used = {(lang, t.status) for c in request.concepts for lang, t in c.all_terms()}
    columns = ["id", *langs]
    columns += [f"{lang}:{s}" for lang in langs for s in OTHER_STATUSES if (lang, s) in used]
    columns += [f"definition:{lang}" for lang in langs]
    noted = {lang for c in request.concepts for lang in c.note}
    columns += [f"note:{lang}" for lang in langs if lang in noted]
    return [*columns, *CONCEPT_COLUMNS, VERSION_COLUMN]


def wide_rows(request: ExportRequest) -> list[list[str]]:
    """The wide CSV: a header row, then one row per concept."""
    columns = wide_columns(request)
    rows = [columns]
    for concept in request.concepts:
        values = _wide_values(concept, request.version)
        rows.append([values.get(column, "") for column in columns])
    return rows


def _wide_values(concept: Concept, version: str) -> dict[str, str]:
    values: dict[str, str] = {"id": concept.id}
    for lang, terms in concept.terms.items():
        for status in TERM_STATUSES:
            texts = [one_line(t.term) for t in terms if t.status == status]
            if texts:
                column = lang if status == "preferred" else f"{lang}:{status}"
                values[column] = "\n".join(texts)
    for lang, text in concept.definition.items():
        values[f"definition:{lang}"] = text
    for lang, text in concept.note.items():
        values[f"note:{lang}"] = text
    values.update(
        {
            "status": concept.status,
            "domain": concept.domain or "",
            "tags": ", ".join(concept.tags),
            "do_not_translate": YES if concept.do_not_translate else "",
            "related": ", ".join(concept.related),
            "broader": ", ".join(concept.broader),
            VERSION_COLUMN: version,
        }
    )
    return values


def long_rows(request: ExportRequest) -> list[list[str]]:
    """The long CSV: a header row, then one row per term."""
    rows = [list(LONG_COLUMNS)]
    chosen = set(request.languages)
    for concept in request.concepts:
        for lang, term in concept.all_terms():
            if lang in chosen:
                rows.append(_long_row(concept, lang, term, request.version))
    return rows


def _long_row(concept: Concept, lang: str, term: Term, version: str) -> list[str]:
    review = term.review
    values = {
        "concept": concept.id,
        "lang": lang,
        "term": term.term,
        "status": term.status,
        "pos": term.pos or "",
        "type": term.type or "",
        "gender": term.gender or "",
        "case_sensitive": YES if term.case_sensitive else "",
        "forms": "\n".join(term.forms),
        "context": term.context or "",
        "note": term.note or "",
        "source": term.source or "",
        "review_state": review.state if review else "",
        "review_by": (review.by or "") if review else "",
        "review_date": (review.date or "") if review else "",
        "definition": concept.definition.get(lang, ""),
        VERSION_COLUMN: version,
    }
    return [values[column] for column in LONG_COLUMNS]
