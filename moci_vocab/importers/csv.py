"""CSV glossaries in the shapes people have.

The header row tells the shape apart:

- **wide** (moci-vocab's ``<name>.csv``, or any sheet with a column per
  language): ``id`` (optional), language columns (``en``, ``sq`` …),
  ``<lang>:<status>`` (several terms one per line), ``definition:<lang>``,
  ``note:<lang>``, ``status``, ``domain``, ``tags``, ``do_not_translate``,
  ``related``, ``broader``;
- **long** (``<name>-terms.csv``): ``concept``, ``lang``, ``term`` and any of
  ``status``, ``pos``, ``type``, ``gender``, ``case_sensitive``, ``forms``,
  ``context``, ``note``, ``source``, ``review_state``, ``review_by``,
  ``review_date``, ``definition``;
- **bilingual** (Weblate's glossary CSV): ``source``, ``target`` and
  optionally ``context`` and ``explanation`` (definition); several rows with
  the same source (and context) are one concept with several target terms;
- **headerless**: ``source,target`` pairs (Weblate's plain glossary CSV).

For bilingual shapes the target language is ``--lang`` or the file name's.
The delimiter (comma, semicolon, tab or ``|``) is taken from the first line.
A file with moci-vocab's ``glossary_version`` column is trusted to carry
concept ids and its formula escapes: one leading apostrophe is removed
from every cell that has one (the exporter added exactly one).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from moci_vocab.errors import MociError
from moci_vocab.formats.csv import ESCAPE, LONG_COLUMNS, VERSION_COLUMN
from moci_vocab.importers import (
    Decoded,
    ImportFile,
    Incoming,
    ReadOptions,
    capped_rows,
    decode_lines,
    keep_as_note,
    language_from_filename,
    read_bytes,
    refuse_runaway,
)
from moci_vocab.importers.sheet import YES_WORDS, split_list
from moci_vocab.model import (
    GENDERS,
    PARTS_OF_SPEECH,
    TERM_STATUSES,
    TERM_TYPES,
    Concept,
    Review,
    Term,
    is_slug,
)
from moci_vocab.textnorm import clean_spaces, match_key, nfc

DELIMITERS = (",", ";", "\t", "|")
BILINGUAL_COLUMNS = {
    "source",
    "target",
    "context",
    "explanation",
    "definition",
    "developer_comments",
    "translator_comments",
    "note",
    "notes",
    "id",
    "location",
    "fuzzy",
}
WIDE_FIELDS = {"id", "status", "domain", "tags", "do_not_translate", "related", "broader"}
# The long shape is the exporter's own columns (the version column aside).
LONG_FIELDS = set(LONG_COLUMNS) - {VERSION_COLUMN}
TRUE_WORDS = YES_WORDS


@dataclass
class Row:
    """One CSV record: its first line and its cells by column name."""

    line: int  # first physical line of the row
    cells: dict[str, str]


def read_csv(path: Path, options: ReadOptions) -> ImportFile:
    """The concepts of a wide or long CSV file (moci-vocab's or a spreadsheet's)."""
    raw = read_bytes(path)
    decoded = decode_lines(raw, path)
    if not decoded.text.strip():
        raise MociError("is empty", path)
    result = ImportFile(path=path, format="csv")
    delimiter = detect_delimiter(decoded.lines[0], path)
    records = capped_rows(_records(decoded, path, delimiter, result), path)
    if not records:
        raise MociError("has no rows", path)
    if options.columns:
        read_mapped(records, options, result)
        return result
    read_table(records, options, result)
    return result


def read_table(
    records: list[tuple[int, list[str]]],
    options: ReadOptions,
    result: ImportFile,
    escaped: bool = True,
) -> None:
    """The rows of a CSV file or a spreadsheet's sheet, header first, into ``result``.

    ``escaped``: our files carry formula escapes (CSV); a spreadsheet's typed text
    cells need none (XLSX).
    """
    header_line, header = records[0]
    names = [_column_name(cell) for cell in header]
    shape = _shape(names)
    result.ours = VERSION_COLUMN in names
    if shape != "headerless":
        for name in names:
            if name and not _known_column(name):
                result.problem(header_line, f"the column {name!r} is not known; it was left out")
    if shape == "headerless":
        names = ["source", "target"] + [f"column {i}" for i in range(3, len(header) + 1)]
        body = records
    else:
        body = records[1:]
    refuse_runaway(len(body), result.path, "rows")
    rows = [Row(line, _cells(names, cells, result.ours and escaped)) for line, cells in body]
    if result.ours:
        result.version = next((r.cells.get(VERSION_COLUMN) for r in rows if r.cells), None)
    if result.ours and shape == "wide":
        result.sheet = _sheet_columns(names)
    readers = {"wide": _read_wide, "long": _read_long}
    reader = readers.get(shape, _read_bilingual)
    reader(rows, names, options, result)


def _sheet_columns(names: list[str]):
    from moci_vocab.importers import SheetColumns

    sheet = SheetColumns()
    for _name, kind, lang, status in _wide_columns(names):
        if kind == "term":
            sheet.terms.add((lang, status))
            if lang not in sheet.langs:
                sheet.langs.append(lang)
        else:
            (sheet.definitions if kind == "definition" else sheet.notes).add(lang)
    sheet.fields = {name for name in names if name in WIDE_FIELDS - {"id"}}
    return sheet


MAPPABLE_FIELDS = ("id", "status", "domain", "tags", "do_not_translate", "related", "broader")


def mapped_field(target: str) -> str:
    """A --columns target (`sq`, `sq:admitted`, `definition.en`, `note.sq`, `tags` …) as the
    wide shape names it, or an error listing what may be mapped."""
    from moci_vocab.languages import normalize_tag

    text = target.strip()
    kind, sep, lang = text.replace(".", ":", 1).partition(":")
    if sep and kind.casefold() in ("definition", "note") and _is_language(lang.strip()):
        return f"{kind.casefold()}:{normalize_tag(lang.strip())}"
    if text.casefold() in MAPPABLE_FIELDS:
        return text.casefold()
    name = _column_name(text)
    if _is_language_column(name):
        return name
    raise MociError(
        f"--columns: {target!r} is not something a column can hold; use a language (en, sq), "
        "LANG:STATUS (sq:admitted), definition.LANG, note.LANG, or one of "
        + ", ".join(MAPPABLE_FIELDS)
    )


def read_mapped(records, options: ReadOptions, result: ImportFile) -> None:
    """--columns: the file's columns (by header name, or by number without a header) mapped."""
    targets = {mapped_field(target): source.strip() for target, source in options.columns.items()}
    by_number = all(source.isdigit() for source in targets.values())
    if by_number:
        positions = {target: int(source) - 1 for target, source in targets.items()}
        body = records
        width = max(len(cells) for _line, cells in records)
        used = set(positions.values())
        for index in range(width):
            if index not in used:
                result.problem(None, f"column {index + 1} is not mapped by --columns; left out")
    else:
        header_line, header = records[0]
        body = records[1:]
        positions = {}
        for target, source in targets.items():
            index = _find_column(header, source)
            if index is None:
                listed = ", ".join(repr(cell) for cell in header)
                raise MociError(
                    f"has no column {source!r} (its columns: {listed})", result.path, header_line
                )
            positions[target] = index
        used = set(positions.values())
        for index, cell in enumerate(header):
            if index not in used and cell.strip():
                result.problem(
                    header_line, f"the column {cell!r} is not mapped by --columns; left out"
                )
    names = list(positions)
    rows = [
        Row(line, {t: cells[i] if 0 <= i < len(cells) else "" for t, i in positions.items()})
        for line, cells in body
    ]
    _read_wide(rows, names, options, result)


def _find_column(header: list[str], name: str) -> int | None:
    """The column named ``name`` (as written, else without case and outer spaces)."""
    for index, cell in enumerate(header):
        if cell == name:
            return index
    for index, cell in enumerate(header):
        if cell.strip().casefold() == name.casefold():
            return index
    return None


def detect_delimiter(first_line: str, path: Path) -> str:
    """The candidate that occurs most often outside quotes in the first line."""
    if path.suffix.casefold() == ".tsv":
        return "\t"
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in first_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _records(
    decoded: Decoded, path: Path, delimiter: str, result: ImportFile
) -> Iterator[tuple[int, list[str]]]:
    """(first line, cells) per record; records touching an undecodable line are left out."""
    reader = csv.reader(io.StringIO(decoded.text, newline=""), delimiter=delimiter)
    start = 1
    try:
        for cells in reader:
            end = reader.line_num
            bad = [n for n in range(start, end + 1) if n in decoded.bad]
            if bad:
                for number in bad:
                    result.problem(
                        number, f"is not valid UTF-8 ({decoded.bad[number]}); the row was left out"
                    )
            elif any(cell.strip() for cell in cells):
                yield start, cells
            start = end + 1
    except csv.Error as exc:
        raise MociError(f"is not valid CSV: {exc}", path, reader.line_num or None) from None


def _column_name(cell: str) -> str:
    """Header cells compared without case and spaces; language tags in their canonical case."""
    from moci_vocab.languages import normalize_tag

    name = cell.strip()
    lowered = name.casefold()
    if lowered in BILINGUAL_COLUMNS | WIDE_FIELDS | LONG_FIELDS | {VERSION_COLUMN}:
        return lowered
    prefix, sep, rest = name.partition(":")
    if sep and prefix.casefold() in ("definition", "note"):
        return f"{prefix.casefold()}:{normalize_tag(rest.strip())}"
    if sep and rest.strip().casefold() in TERM_STATUSES:
        return f"{normalize_tag(prefix.strip())}:{rest.strip().casefold()}"
    return normalize_tag(name) if _is_language(name) else name


def _is_language(name: str) -> bool:
    from moci_vocab.languages import normalize_tag, tag_problem

    return bool(name) and tag_problem(normalize_tag(name)) is None


def _is_language_column(name: str) -> bool:
    base, sep, status = name.partition(":")
    if sep and base in ("definition", "note"):
        return True
    return _is_language(base) and (not sep or status in TERM_STATUSES)


def _known_column(name: str) -> bool:
    known = BILINGUAL_COLUMNS | WIDE_FIELDS | LONG_FIELDS | {VERSION_COLUMN}
    return name in known or _is_language_column(name)


def _shape(names: list[str]) -> str:
    """long, wide, bilingual, or headerless when the first row does not read as a header.

    A header needs two known column names (or only known ones): a first row
    such as `is,është` (Icelandic "is"?) is data, not a header.
    """
    present = {name for name in names if name}
    recognised = [name for name in present if _known_column(name)]
    if len(recognised) < min(2, len(present)):
        return "headerless"
    if {"lang", "term"} <= present:
        return "long"
    if "source" in present:
        return "bilingual"
    if any(_is_language_column(name) for name in present):
        return "wide"
    return "headerless"


def _cells(names: list[str], cells: list[str], ours: bool) -> dict[str, str]:
    values = {}
    for name, cell in zip(names, cells, strict=False):
        if ours and cell.startswith(ESCAPE):
            cell = cell[1:]
        values[name] = cell
    return values


def _clean(text: str | None) -> str:
    return clean_spaces(nfc(text or ""))


def _split_terms(cell: str, separators: str = "") -> list[str]:
    """One term per line of the cell; with --split, also per separator."""
    from moci_vocab.importers import split_alternatives

    return [text for line in cell.splitlines() for text in split_alternatives(line, separators)]


def _read_wide(rows: list[Row], names: list[str], options: ReadOptions, result: ImportFile):
    columns = _wide_columns(names)
    for row in rows:
        cells = row.cells
        concept_id = cells.get("id", "").strip()
        concept = Concept(id=concept_id if is_slug(concept_id) else "")
        for name, kind, lang, status in columns:
            value = cells.get(name, "")
            if not value.strip():
                continue
            if kind == "term":
                for text in _split_terms(value, options.split):
                    concept.terms.setdefault(lang, []).append(Term(term=text, status=status))
            else:
                getattr(concept, kind)[lang] = _clean(value)
        _concept_fields(concept, cells, row.line, result)
        incoming = _append(result, concept, row.line, options, group=concept_id)
        if incoming is not None and result.sheet is not None:
            incoming.fields = {name: cells.get(name, "") for name in result.sheet.fields}


def _wide_columns(names: list[str]) -> list[tuple[str, str, str, str]]:
    """(column, kind, language, status) of the columns that hold terms, definitions, notes.

    Worked out once per file: telling a language tag from other names asks CLDR.
    """
    columns = []
    for name in names:
        base, _sep, rest = name.partition(":")
        if base in ("definition", "note") and rest:
            columns.append((name, base, rest, ""))
        elif base not in WIDE_FIELDS and _is_language(base):
            columns.append((name, "term", base, rest or "preferred"))
    return columns


def _concept_fields(concept: Concept, cells: dict[str, str], line: int, result: ImportFile):
    from moci_vocab.model import CONCEPT_STATUSES

    status = cells.get("status", "").strip()
    if status in CONCEPT_STATUSES:
        concept.status = status
    elif status:
        result.problem(line, f"the concept status {status!r} is not one of {CONCEPT_STATUSES}")
    concept.domain = cells.get("domain", "").strip() or None
    concept.tags = split_list(cells.get("tags", ""))
    concept.do_not_translate = cells.get("do_not_translate", "").strip().casefold() in TRUE_WORDS
    concept.related = split_list(cells.get("related", ""))
    concept.broader = split_list(cells.get("broader", ""))


def _append(
    result: ImportFile, concept: Concept, line: int, options: ReadOptions, group: str
) -> Incoming | None:
    if not concept.terms:
        result.problem(line, "has no term; the row was left out")
        return None
    if options.languages:
        keep = {options.source_language, *options.languages}
        concept.terms = {lang: t for lang, t in concept.terms.items() if lang in keep}
    incoming = Incoming(concept=concept, line=line, group=group)
    result.concepts.append(incoming)
    return incoming


def _read_long(rows: list[Row], names: list[str], options: ReadOptions, result: ImportFile):
    if "concept" not in names:
        raise MociError(
            "has `lang` and `term` columns but no `concept` column saying which terms "
            "belong together",
            result.path,
            1,
        )
    by_key: dict[str, Incoming] = {}
    for row in rows:
        cells = row.cells
        key = cells.get("concept", "").strip()
        lang = cells.get("lang", "").strip()
        text = _clean(cells.get("term"))
        if not key or not lang or not text:
            result.problem(row.line, "needs a concept, a lang and a term; the row was left out")
            continue
        incoming = by_key.get(key)
        if incoming is None:
            concept = Concept(id=key if result.ours and is_slug(key) else "")
            incoming = Incoming(concept=concept, line=row.line, group=key)
            by_key[key] = incoming
        concept = incoming.concept
        concept.terms.setdefault(lang, []).append(_long_term(cells, text, row.line, result))
        definition = _clean(cells.get("definition"))
        if definition and lang not in concept.definition:
            concept.definition[lang] = definition
    for incoming in by_key.values():
        _append(result, incoming.concept, incoming.line or 0, options, incoming.group)


def _long_term(cells: dict[str, str], text: str, line: int, result: ImportFile) -> Term:
    def choice(name: str, allowed: tuple[str, ...]) -> str | None:
        value = cells.get(name, "").strip()
        if value and value not in allowed:
            result.problem(line, f"{name} {value!r} is not one of: {', '.join(allowed)}")
            return None
        return value or None

    term = Term(term=text, status=choice("status", TERM_STATUSES) or "preferred")
    term.pos = choice("pos", PARTS_OF_SPEECH)
    term.type = choice("type", TERM_TYPES)
    term.gender = choice("gender", GENDERS)
    term.case_sensitive = cells.get("case_sensitive", "").strip().casefold() in TRUE_WORDS
    term.forms = _split_terms(cells.get("forms", ""))
    for name in ("context", "note", "source"):
        setattr(term, name, _clean(cells.get(name)) or None)
    state = cells.get("review_state", "").strip()
    if state:
        from moci_vocab.model import REVIEW_STATES

        if state in REVIEW_STATES:
            by = _clean(cells.get("review_by")) or None
            term.review = Review(
                state=state, by=by, date=cells.get("review_date", "").strip() or None
            )
        else:
            result.problem(line, f"review_state {state!r} is not one of {REVIEW_STATES}")
    return term


def _read_bilingual(rows: list[Row], names: list[str], options: ReadOptions, result: ImportFile):
    source = options.source_language
    target = None
    if "target" in names:
        target = options.languages[0] if options.languages else language_from_filename(result.path)
        if target is None or target == source:
            raise MociError(
                "has source and target columns but does not say the target's language; "
                "pass --lang, e.g. --lang sq",
                result.path,
            )
    groups: dict[tuple[str, str], Incoming] = {}
    for row in rows:
        cells = row.cells
        source_text = _clean(cells.get("source"))
        target_text = _clean(cells.get("target"))
        if not source_text:
            result.problem(row.line, "has no source term; the row was left out")
            continue
        if target and not target_text and not options.include_untranslated:
            result.skip("untranslated")
            continue
        context = cells.get("context", "").strip()
        key = (context, match_key(source_text))
        incoming = groups.get(key)
        if incoming is None:
            concept = Concept(id="")
            concept.terms[source] = [Term(term=source_text, status="preferred")]
            incoming = Incoming(concept=concept, line=row.line, group=context)
            groups[key] = incoming
            result.concepts.append(incoming)
        concept = incoming.concept
        for text in _split_terms(target_text, options.split) if target else ():
            terms = concept.terms.setdefault(target, [])
            if all(match_key(t.term) != match_key(text) for t in terms):
                status = "admitted" if terms else "preferred"
                terms.append(Term(term=text, status=status))
        definition = _clean(cells.get("explanation") or cells.get("definition"))
        if definition and source not in concept.definition:
            concept.definition[source] = definition
        elif definition and definition != concept.definition[source]:
            keep_as_note(concept, source, f"Another definition (line {row.line}): {definition}")
        note = _clean(cells.get("note") or cells.get("notes") or cells.get("translator_comments"))
        if note and target and target not in concept.note:
            concept.note[target] = note
