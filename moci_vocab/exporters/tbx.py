"""TBX-Basic: the ``martif`` form that OmegaT, Trados, memoQ, Weblate and
translate-toolkit read.

One ``termEntry`` per concept (``id`` = concept id) with the subject field
(domain), one ``customerSubset`` per tag and a ``crossReference`` per related
concept; one ``langSet`` per language with the definition and note; one
``tig`` per term with part of speech, administrative status, term type,
grammatical gender, context, source and note.

The mapping is TBX-Basic's picklists:

- status: preferred → ``preferredTerm-admn-sts``, admitted →
  ``admittedTerm-admn-sts``, deprecated and forbidden →
  ``deprecatedTerm-admn-sts`` (TBX-Basic has no "forbidden"; such a term
  also gets the note ``FORBIDDEN_NOTE``, which the importer reads back);
- part of speech: noun, verb, adjective, adverb, properNoun as they are;
  phrase → ``other`` (and back).

Beyond TBX-Basic's picklists, in the places the tools read:

- ``do_not_translate`` → ``<descrip type="Translation needed">No</descrip>``
  on the entry (what Weblate and translate-toolkit read as "untranslatable");
- ``forms`` → one ``<termNote type="x-form">`` per form, ``case_sensitive``
  → ``<termNote type="x-caseSensitive">yes</termNote>`` (TBX's ``x-``
  convention for a category of one's own; tools that do not know it show it
  as a note, the importer reads it back).

Not carried (TBX-Basic has no place for them; use JSON or CSV): concept
status, ``broader`` links and a term's review.

``bilingual`` option: one file per target language,
``<name>-<source>-<target>.tbx``, with only those two languages, for tools
that take one language pair per file.

The XML is written by hand, in a fixed order, with every text and attribute
escaped; characters XML 1.0 cannot hold at all (control characters) are
refused with the concept and language named.
"""

from __future__ import annotations

import re
from pathlib import Path

from moci_vocab.errors import MociError
from moci_vocab.exporters import ExportRequest
from moci_vocab.formats.tbx import (
    CASE_NOTE,
    FORBIDDEN_NOTE,
    FORM_NOTE,
    POS_TO_TBX,
    STATUS_TO_TBX,
    TRANSLATION_NEEDED,
)
from moci_vocab.model import Concept, Term
from moci_vocab.versioninfo import GENERATOR, export_date, one_line

# Not allowed anywhere in XML 1.0 (tab, LF, CR are allowed and escaped as needed).
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def export_tbx(request: ExportRequest) -> list[Path]:
    """``<name>.tbx``; with the ``bilingual`` option ``<name>-<source>-<target>.tbx`` each."""
    if not request.options.get("bilingual"):
        path = Path(request.outdir) / f"{request.name_slug}.tbx"
        request.write(path, render_tbx(request))
        return [path]
    written = []
    for target in request.targets:
        path = request.pair_path(target, ".tbx")
        request.write(path, render_tbx(request, [request.source_language, target]))
        written.append(path)
    return written


def check_xml_text(text: str, where: str) -> str:
    """``text`` unchanged, or an error naming ``where`` if XML 1.0 cannot hold it."""
    bad = _INVALID_XML.search(text)
    if bad:
        raise MociError(
            f"{where} contains the control character U+{ord(bad.group()):04X}, "
            "which XML (and so TBX, TMX, XLSX and SKOS) cannot hold; remove it from the glossary"
        )
    return text


def escape(text: str, where: str) -> str:
    """Text for an XML element or attribute value: & < > " escaped, CR kept as &#13;."""
    check_xml_text(text, where)
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\r", "&#13;")
    )


def render_tbx(request: ExportRequest, languages: list[str] | None = None) -> str:
    """The TBX document of the request's concepts in ``languages`` (default: all chosen)."""
    body: list[str] = []
    for concept in request.concepts:
        body.extend(_entry(concept, languages or request.languages))
    return document(request, body)


def document(request: ExportRequest, body: list[str]) -> str:
    """A ``martif`` document around the given ``termEntry`` lines."""
    source = escape(request.source_language, "the source language")
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">',
        f'<martif type="TBX-Basic" xml:lang="{source}">',
        *header(request),
        "  <text>",
        "    <body>",
        *body,
        "    </body>",
        "  </text>",
        "</martif>",
    ]
    return "\n".join(out) + "\n"


def header(request: ExportRequest) -> list[str]:
    """The ``martifHeader`` lines: title, version, release date, generator."""
    name = escape(one_line(request.glossary.manifest.name), "the glossary's name")
    version = escape(request.version, "the version")
    date = export_date(request.glossary)
    return [
        "  <martifHeader>",
        "    <fileDesc>",
        "      <titleStmt>",
        f"        <title>{name}</title>",
        f"        <note>version {version}</note>",
        "      </titleStmt>",
        "      <publicationStmt>",
        f"        <p>{name}, version {version}, {date}</p>",
        "      </publicationStmt>",
        "      <sourceDesc>",
        f"        <p>{GENERATOR}: {name} {version}</p>",
        "      </sourceDesc>",
        "    </fileDesc>",
        "    <encodingDesc>",
        '      <p type="XCSURI">TBXBasicXCSV02.xcs</p>',
        "    </encodingDesc>",
        "  </martifHeader>",
    ]


def _entry(concept: Concept, languages: list[str]) -> list[str]:
    where = f"concept {concept.id}"
    domains = [concept.domain] if concept.domain else []
    return [
        f'      <termEntry id="{escape(concept.id, where)}">',
        *(f'        <descrip type="subjectField">{escape(d, where)}</descrip>' for d in domains),
        *(
            f'        <admin type="customerSubset">{escape(tag, where)}</admin>'
            for tag in concept.tags
        ),
        *(_cross_reference(escape(ref, where)) for ref in concept.related),
        *([DO_NOT_TRANSLATE_LINE] if concept.do_not_translate else []),
        *(line for lang in languages for line in _lang_set(concept, lang)),
        "      </termEntry>",
    ]


DO_NOT_TRANSLATE_LINE = f'        <descrip type="{TRANSLATION_NEEDED}">No</descrip>'


def _cross_reference(target: str) -> str:
    return f'        <ref type="crossReference" target="{target}">{target}</ref>'


def _lang_set(concept: Concept, lang: str) -> list[str]:
    terms = concept.terms.get(lang, [])
    definition = concept.definition.get(lang)
    note = concept.note.get(lang)
    if not (terms or definition or note):
        return []
    where = f"concept {concept.id} ({lang})"
    out = [f'        <langSet xml:lang="{escape(lang, where)}">']
    if definition:
        out.append(f'          <descrip type="definition">{escape(definition, where)}</descrip>')
    if note:
        out.append(f"          <note>{escape(note, where)}</note>")
    for term in terms:
        out.extend(tig(term, where))
    out.append("        </langSet>")
    return out


def tig(term: Term, where: str, status: str | None = None) -> list[str]:
    """A ``tig`` with every field of the term (``status``: another administrativeStatus)."""

    def note(kind: str, value: str | None) -> list[str]:
        if not value:
            return []
        return [f'            <termNote type="{kind}">{escape(value, where)}</termNote>']

    out = ["          <tig>", f"            <term>{escape(term.term, where)}</term>"]
    out += note("partOfSpeech", POS_TO_TBX.get(term.pos or "", term.pos))
    out += note("administrativeStatus", status or STATUS_TO_TBX.get(term.status))
    out += note("termType", term.type)
    out += note("grammaticalGender", term.gender)
    for form in term.forms:
        out += note(FORM_NOTE, form)
    out += note(CASE_NOTE, "yes" if term.case_sensitive else None)
    if term.context:
        out.append(f'            <descrip type="context">{escape(term.context, where)}</descrip>')
    if term.source:
        out.append(f'            <admin type="source">{escape(term.source, where)}</admin>')
    if term.note:
        out.append(f"            <note>{escape(term.note, where)}</note>")
    if term.status == "forbidden":
        out.append(f"            <note>{FORBIDDEN_NOTE}</note>")
    out.append("          </tig>")
    return out
