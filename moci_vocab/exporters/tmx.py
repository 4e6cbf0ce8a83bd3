"""TMX 1.4b: the glossary as term pairs, for machine-translation engines and CAT tools.

``<name>-<source>-<target>.tmx`` per target language: one ``tu`` per concept
with a term in both languages (``tuid`` = concept id), a ``tuv`` for the
source term (the term that represents the concept) and one for the target's
preferred term (for a concept that is not translated: the source term
again). Each ``tu`` carries ``<prop type="x-concept">``, the concept's domain
(``x-domain``) and tags (``x-tag``), and ``x-do-not-translate`` when set; each
``tuv`` the term's status (``x-status``) and the concept's definition in
that language as a ``note``. Only the two preferred terms
are a pair: admitted, deprecated and forbidden terms are no translation
memory, and are left out (TBX and the Weblate files carry them).

The header follows TMX 1.4b: ``srclang`` is the source language,
``segtype="phrase"``, ``datatype="plaintext"``, ``o-tmf="moci-vocab"``,
and ``creationdate`` is the release date of the version (never the clock).
Text is escaped like the TBX export, and characters XML cannot hold are
refused with the concept named.
"""

from __future__ import annotations

from pathlib import Path

from moci_vocab.exporters import ExportRequest
from moci_vocab.exporters.po import source_term as representing_term
from moci_vocab.exporters.tbx import escape
from moci_vocab.model import Concept, Term
from moci_vocab.versioninfo import GENERATOR, export_date, one_line


def export_tmx(request: ExportRequest) -> list[Path]:
    """``<name>-<source>-<target>.tmx`` for every chosen target language."""
    written = []
    for lang in request.targets:
        path = request.pair_path(lang, ".tmx")
        request.write(path, render_tmx(request, lang))
        written.append(path)
    return written


def render_tmx(request: ExportRequest, lang: str) -> str:
    """The TMX document of the source language and ``lang``."""
    source = request.source_language
    stamp = export_date(request.glossary).replace("-", "") + "T000000Z"
    version = escape(request.version, "the version")
    name = escape(one_line(request.glossary.manifest.name), "the glossary's name")
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
        '<tmx version="1.4">',
        f'  <header creationtool="{GENERATOR}" creationtoolversion="{version}"'
        f' segtype="phrase" o-tmf="{GENERATOR}" adminlang="en"'
        f' srclang="{escape(source, "the source language")}" datatype="plaintext"'
        f' creationdate="{stamp}">',
        f'    <prop type="x-glossary">{name}</prop>',
        "  </header>",
        "  <body>",
    ]
    for concept in request.concepts:
        out.extend(_tu(concept, source, lang))
    out += ["  </body>", "</tmx>"]
    return "\n".join(out) + "\n"


def pair(concept: Concept, source: str, lang: str) -> tuple[Term, Term] | None:
    """The source and target term of the concept's ``tu``, if it has both."""
    shown = representing_term(concept, source)
    if shown is None:
        return None
    target = concept.preferred(lang) or (shown if concept.do_not_translate else None)
    return (shown, target) if target else None


def _tu(concept: Concept, source: str, lang: str) -> list[str]:
    terms = pair(concept, source, lang)
    if terms is None:
        return []
    where = f"concept {concept.id}"
    out = [f'    <tu tuid="{escape(concept.id, where)}">']
    out.append(f'      <prop type="x-concept">{escape(concept.id, where)}</prop>')
    if concept.domain:
        out.append(f'      <prop type="x-domain">{escape(concept.domain, where)}</prop>')
    for tag in concept.tags:
        out.append(f'      <prop type="x-tag">{escape(tag, where)}</prop>')
    if concept.do_not_translate:
        out.append('      <prop type="x-do-not-translate">yes</prop>')
    for code, term in zip((source, lang), terms, strict=True):
        out.extend(_tuv(concept, code, term, f"{where} ({code})"))
    out.append("    </tu>")
    return out


def _tuv(concept: Concept, lang: str, term: Term, where: str) -> list[str]:
    out = [f'      <tuv xml:lang="{escape(lang, where)}">']
    definition = concept.definition.get(lang)
    if definition:
        out.append(f"        <note>{escape(definition, where)}</note>")
    out.append(f'        <prop type="x-status">{escape(term.status, where)}</prop>')
    out.append(f"        <seg>{escape(term.term, where)}</seg>")
    out.append("      </tuv>")
    return out
