"""PO glossaries: msgid = source term, msgstr = target term, ``#.`` = definition.

The target language is ``--lang``, else the header's Language, else the file
name (``glossary-sq.po``). Untranslated and fuzzy entries are skipped unless
asked for (``include_untranslated``; ``include_fuzzy`` imports fuzzy
translations with review state draft). Extracted comments are the source
definition, except the labelled lines moci-vocab's own PO export writes
(``Note:``, ``Definition (sq):``, ``Admitted (sq):`` …), which go back where
they came from. GNOME-style definitions wrapped in double quotes lose the
quotes. ``msgctxt`` is taken as the concept id only in moci-vocab's own
files (``X-Generator: moci-vocab``); elsewhere it only keeps homonyms apart.

A line that is not valid UTF-8 is reported with its number: a comment line
is recovered (its stray bytes read as Windows-1252, as GNOME's Serbian file
needs for one `×`), any other line costs its entry; the rest is imported.
With ``split`` a msgstr of alternatives (``ђавао, услуга``) becomes several
terms; a translator comment (``# …``) becomes the target term's note; the
header's Last-Translator and PO-Revision-Date are the file's ``origin``.
"""

from __future__ import annotations

import re
from pathlib import Path

from moci_vocab.errors import MociError
from moci_vocab.importers import (
    Decoded,
    ImportFile,
    Incoming,
    ReadOptions,
    decode_lines,
    language_from_filename,
    read_bytes,
    refuse_runaway,
    split_alternatives,
)
from moci_vocab.languages import gettext_to_bcp47
from moci_vocab.model import Concept, Review, Term, is_slug
from moci_vocab.po.labels import (
    DEFINITION_LABEL,
    DO_NOT_TRANSLATE,
    LABELLED,
    NOTE_LABEL,
    STATUS_BY_LABEL,
)
from moci_vocab.po.read import header_charset, load_polib
from moci_vocab.textnorm import clean_spaces, nfc
from moci_vocab.versioninfo import GENERATOR

_VERSION = re.compile(r"\s(\d+\.\d+\.\d+\S*)$")


def read_po(path: Path, options: ReadOptions) -> ImportFile:
    """The concepts of the PO file at ``path``, with the problems of its lines."""
    raw = read_bytes(path)
    refuse_runaway(raw.count(b"msgid ") - 1, path, "entries")  # the header is one
    decoded = decode_lines(raw, path, header_charset(raw, path))
    result = ImportFile(path=path, format="po")
    catalog = load_polib(decoded.text, path)
    metadata = catalog.metadata
    result.ours = metadata.get("X-Generator", "") == GENERATOR
    if result.ours:
        found = _VERSION.search(metadata.get("Project-Id-Version", ""))
        result.version = found.group(1) if found else None
    lang = _target_language(path, options, metadata)
    result.origin = catalog_origin(metadata)
    spans = _entry_spans(catalog, len(decoded.lines))
    for entry in catalog:
        if entry.obsolete:
            continue
        broken = _broken_lines(decoded, spans.get(entry.linenum, ()))
        if _skip_broken(result, entry, decoded, broken):
            continue
        incoming = _incoming(entry, lang, options, result)
        if incoming is not None:
            incoming.line = entry.linenum
            result.concepts.append(incoming)
    return result


def catalog_origin(metadata: dict[str, str]) -> str:
    """`Last-Translator: Laurent Dhima, 2004-07-29` from a PO header (names without e-mail).

    The template's placeholders (FULL NAME, YEAR-MO-DA) count as nothing.
    """
    translator = re.sub(r"\s*<[^>]*>", "", metadata.get("Last-Translator", "")).strip()
    if not translator or "FULL NAME" in translator:
        translator = ""
    date = metadata.get("PO-Revision-Date", "").strip()[:10]
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        date = ""
    parts = [f"Last-Translator: {translator}" if translator else "", date]
    return ", ".join(part for part in parts if part)


def _target_language(path: Path, options: ReadOptions, metadata: dict[str, str]) -> str:
    if options.languages:
        return options.languages[0]
    header = metadata.get("Language", "").strip()
    if header:
        return gettext_to_bcp47(header)
    guessed = language_from_filename(path)
    if guessed and guessed != options.source_language:
        return guessed
    raise MociError(
        "does not say which language it translates into (no Language header, and the file "
        "name does not tell); pass --lang, e.g. --lang sq",
        path,
    )


def _entry_spans(catalog, total_lines: int) -> dict[int, range]:
    """Line range of each entry: from its first comment to the line before the next entry."""
    starts = sorted(entry.linenum for entry in catalog if entry.linenum)
    spans = {}
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else total_lines + 1
        spans[start] = range(start, end)
    return spans


def _broken_lines(decoded: Decoded, span) -> list[int]:
    return [number for number in span if number in decoded.bad]


def _skip_broken(result: ImportFile, entry, decoded: Decoded, broken: list[int]) -> bool:
    """Report undecodable lines; drop those comment lines, or the whole entry for others."""
    skip = False
    for number in broken:
        line = decoded.lines[number - 1]
        why = decoded.bad[number]
        if line.lstrip().startswith("#"):
            recovered = _recover_comment(decoded, number)
            if recovered is None:
                result.problem(
                    number, f"is not valid UTF-8 ({why}); this comment line was left out"
                )
            else:
                result.problem(
                    number,
                    f"is not valid UTF-8 ({why}); this comment line was read as Windows-1252",
                )
            entry.comment = _replace_broken(entry.comment, line, recovered)
            entry.tcomment = _replace_broken(entry.tcomment, line, recovered)
        else:
            result.problem(
                number, f"is not valid UTF-8 ({why}); the entry {_label(entry)} was left out"
            )
            skip = True
    return skip


def _recover_comment(decoded: Decoded, number: int) -> str | None:
    """The bad line decoded with the Windows-1252 fallback, when its encoding is UTF-8."""
    from moci_vocab.importers import decode_with_fallback

    raw = decoded.raw.get(number)
    if raw is None or b"\xef\xbf\xbd" in raw:  # a real U+FFFD would be ambiguous
        return None
    return decode_with_fallback(raw).rstrip("\r\n")


def _replace_broken(comment: str, line: str, recovered: str | None) -> str:
    """The comment with the part read from the broken ``line`` recovered (or dropped)."""
    if not comment:
        return comment
    bad_line = line.rstrip("\r\n")
    parts = []
    for part in comment.split("\n"):
        if "\ufffd" in part and part and bad_line.endswith(part):
            if recovered is None:
                continue
            # The line's marker (`#. `) is ASCII, so it is as long in both decodings.
            part = recovered[len(bad_line) - len(part) :]
        parts.append(part)
    return "\n".join(parts)


def _label(entry) -> str:
    return repr(entry.msgid.replace("\ufffd", "?")[:60])


def _clean(text: str) -> str:
    return clean_spaces(nfc(text))


def _incoming(entry, lang: str, options: ReadOptions, result: ImportFile) -> Incoming | None:
    source_text = _clean(entry.msgid)
    if not source_text:
        return None
    msgstr = entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr
    target_text = _clean(msgstr)
    fuzzy = "fuzzy" in entry.flags
    if fuzzy and not options.include_fuzzy:
        result.skip("fuzzy")
        return None
    if not target_text and not options.include_untranslated:
        result.skip("untranslated")
        return None
    source = options.source_language
    concept_id = entry.msgctxt if result.ours and entry.msgctxt and is_slug(entry.msgctxt) else ""
    concept = Concept(id=concept_id)
    concept.terms[source] = [Term(term=source_text, status="preferred")]
    if target_text and lang != source:
        pieces = split_alternatives(target_text, options.split) or [target_text]
        concept.terms[lang] = [
            Term(
                term=piece,
                status="admitted" if index else "preferred",
                review=Review(state="draft") if fuzzy else None,
            )
            for index, piece in enumerate(dict.fromkeys(pieces))
        ]
    _read_comments(concept, entry.comment, source, quoted=not result.ours)
    comment = _clean(entry.tcomment or "")
    if comment:
        # A translator's comment (`# …`) is about the translation: the target term's note.
        commented = concept.terms.get(lang, concept.terms[source])[0]
        commented.note = comment
    group = "" if concept_id else (entry.msgctxt or "")
    return Incoming(concept=concept, group=group)


def _read_comments(concept: Concept, comment: str, source: str, quoted: bool) -> None:
    definition: dict[str, list[str]] = {}
    note: dict[str, list[str]] = {}
    for line in comment.split("\n") if comment else ():
        labelled = LABELLED.match(line)
        if line.startswith(f"{NOTE_LABEL}: "):
            note.setdefault(source, []).append(line[len(NOTE_LABEL) + 2 :])
        elif line == DO_NOT_TRANSLATE:
            concept.do_not_translate = True
        elif labelled and labelled["label"] in (DEFINITION_LABEL, NOTE_LABEL):
            target = definition if labelled["label"] == DEFINITION_LABEL else note
            target.setdefault(gettext_to_bcp47(labelled["lang"]), []).append(labelled["text"])
        elif labelled and labelled["label"] in STATUS_BY_LABEL:
            term = _clean(labelled["text"])
            if term:
                status = STATUS_BY_LABEL[labelled["label"]]
                lang = gettext_to_bcp47(labelled["lang"])
                concept.terms.setdefault(lang, []).append(Term(term=term, status=status))
        else:
            definition.setdefault(source, []).append(_unquote(line) if quoted else line)
    for target, lines in ((concept.definition, definition), (concept.note, note)):
        for lang, parts in lines.items():
            text = _clean("\n".join(parts))
            if text:
                target[lang] = text


def _unquote(line: str) -> str:
    """GNOME's `#. "To terminate abruptly …"` → the sentence without the quotes."""
    stripped = line.strip()
    if len(stripped) >= 2 and stripped[0] == stripped[-1] == '"':
        return stripped[1:-1]
    return line
