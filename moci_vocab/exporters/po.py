"""PO, POT and MO: the glossary as gettext catalogues, one per target language.

Every concept is one entry: ``msgctxt`` is the concept id (so two concepts
with the same English term stay apart), ``msgid`` the source language's
preferred term, ``msgstr`` the target language's preferred term (empty when
there is none yet). Extracted comments (``#.``) carry what a translator needs
beside the term, one fact per line so that the importer can read them back:

    #. Restoring trust and relationships between groups after conflict.
    #. Note: …                      (the concept's note, source language)
    #. Definition (sq): …           (definition and note in the target language)
    #. Admitted (sq): pajtimi       (one line per other term, by status)
    #. Deprecated (sq): …

The header has Language (gettext's spelling: ``sr@latin``), Plural-Forms
from CLDR and Project-Id-Version with the glossary's version. Dates come
from the glossary's release (see ``versioninfo``), so re-exporting an
unchanged glossary gives identical bytes. Lines are not wrapped (like
``msgcat --no-wrap``): wrapping would change how definitions read back.
"""

from __future__ import annotations

from pathlib import Path

from moci_vocab.exporters import ExportRequest
from moci_vocab.fsutil import atomic_write
from moci_vocab.model import Concept, Term
from moci_vocab.versioninfo import GENERATOR, export_date, one_line

# Labels of the extracted comments; the importer knows them too.
STATUS_LABELS = {"admitted": "Admitted", "deprecated": "Deprecated", "forbidden": "Forbidden"}
DEFINITION_LABEL = "Definition"
NOTE_LABEL = "Note"
DO_NOT_TRANSLATE = "Do not translate: keep this name as it is."

_SCRIPT_MODIFIERS = {"Latn": "latin", "Cyrl": "cyrillic"}


def export_po(request: ExportRequest) -> list[Path]:
    """``<lang>.po`` for every chosen target language."""
    written = []
    for lang in request.targets:
        path = Path(request.outdir) / f"{lang}.po"
        atomic_write(path, str(build_catalog(request, lang)))
        written.append(path)
    return written


def export_mo(request: ExportRequest) -> list[Path]:
    """``<lang>.mo`` (compiled; untranslated entries left out, as msgfmt does)."""
    written = []
    for lang in request.targets:
        path = Path(request.outdir) / f"{lang}.mo"
        atomic_write(path, build_catalog(request, lang).to_binary())
        written.append(path)
    return written


def export_pot(request: ExportRequest) -> list[Path]:
    """``<name>.pot``: the source terms with their definitions, as a translation template."""
    path = Path(request.outdir) / f"{request.name_slug}.pot"
    atomic_write(path, str(build_catalog(request, None)))
    return [path]


def gettext_language(tag: str) -> str:
    """A BCP 47 tag in gettext's spelling: sr-Latn → sr@latin, pt-BR → pt_BR."""
    from moci_vocab.languages import split_tag

    try:
        lang, script, region = split_tag(tag)
    except ValueError:
        return tag.replace("-", "_")
    code = f"{lang}_{region}" if region else lang
    if script:
        code += "@" + _SCRIPT_MODIFIERS.get(script, script.casefold())
    return code


def build_catalog(request: ExportRequest, lang: str | None):
    """The catalogue for target ``lang`` (None: the POT template)."""
    import polib

    catalog = polib.POFile(wrapwidth=0)
    catalog.header = _header_comment(request, lang)
    catalog.metadata = _metadata(request, lang)
    source = request.source_language
    for concept in request.concepts:
        msgid = source_term(concept, source)
        if msgid is None:  # no source term: nothing a catalogue could key the entry on
            continue
        target = concept.preferred(lang) if lang else None
        catalog.append(
            polib.POEntry(
                msgctxt=concept.id,
                msgid=one_line(msgid.term),
                msgstr=one_line(target.term) if target else "",
                comment="\n".join(map(comment_safe, _comments(concept, source, lang))),
            )
        )
    return catalog


def source_term(concept: Concept, source: str) -> Term | None:
    """The term an entry is keyed on: preferred, else the first allowed one."""
    preferred = concept.preferred(source)
    if preferred is not None:
        return preferred
    return next((t for t in concept.terms.get(source, ()) if t.allowed), None)


def comment_safe(line: str) -> str:
    """A comment line that GNU gettext reads as written.

    gettext joins a line ending in a backslash with the next one, even in a
    comment, which would swallow the following ``msgctxt``; a trailing space
    prevents that (the importer strips it again).
    """
    return line + " " if line.endswith("\\") else line


def _header_comment(request: ExportRequest, lang: str | None) -> str:
    from moci_vocab.languages import english_name

    name = one_line(request.glossary.manifest.name)
    what = f"{english_name(lang)} terms" if lang else "translation template"
    return comment_safe(
        f"{name} {request.version}: {what}.\n"
        f"Generated by {GENERATOR} from the glossary; change the glossary, not this file."
    )


def _metadata(request: ExportRequest, lang: str | None) -> dict[str, str]:
    from moci_vocab.languages import english_name, plural_forms

    stamp = f"{export_date(request.glossary)} 00:00+0000"
    name = one_line(request.glossary.manifest.name)
    data = {
        "Project-Id-Version": f"{name} {request.version}",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": stamp,
        "PO-Revision-Date": stamp,
        "Last-Translator": f"{name} <>",
        "Language-Team": f"{english_name(lang)} ({name})" if lang else name,
        "Language": gettext_language(lang) if lang else "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    if lang:
        data["Plural-Forms"] = plural_forms(lang)
    data["X-Generator"] = GENERATOR
    return data


def _comments(concept: Concept, source: str, lang: str | None) -> list[str]:
    """Definitions and notes first (source, then target language), then the other terms."""
    lines: list[str] = []
    if concept.definition.get(source):
        lines.extend(concept.definition[source].splitlines())
    if concept.note.get(source):
        lines.extend(f"{NOTE_LABEL}: {line}" for line in concept.note[source].splitlines())
    if concept.do_not_translate:
        lines.append(DO_NOT_TRANSLATE)
    target = lang if lang and lang != source else None
    if target:
        for label, texts in ((DEFINITION_LABEL, concept.definition), (NOTE_LABEL, concept.note)):
            if texts.get(target):
                lines.extend(f"{label} ({target}): {line}" for line in texts[target].splitlines())
    lines.extend(_other_terms(concept, source, source))
    if target:
        lines.extend(_other_terms(concept, target, source))
    return lines


def _other_terms(concept: Concept, lang: str, source: str) -> list[str]:
    """Every term but the one in msgid/msgstr, as `Admitted (sq): …` lines."""
    shown = source_term(concept, source) if lang == source else concept.preferred(lang)
    return [
        f"{STATUS_LABELS[term.status]} ({lang}): {one_line(term.term)}"
        for term in concept.terms.get(lang, ())
        if term is not shown and term.status in STATUS_LABELS
    ]
