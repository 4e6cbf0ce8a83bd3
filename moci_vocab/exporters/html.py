"""The HTML glossary: one self-contained page with search, language switches and print CSS.

The page is ``glossary.html`` with ``glossary.css`` and ``glossary.js`` inlined. The glossary
travels as JSON inside ``<script type="application/json">`` with ``<``, ``>`` and ``&``
escaped (``\\u003c`` …), so no text can close the element; the script renders it with
``textContent``, never as HTML. A Content-Security-Policy allows only the page's own inline
script and style (by hash) and no network access at all.

Search keys are computed here, in Python, with the same folding and transliteration as
``moci-vocab search`` (``matching.search_keys``): the page only folds the query the same way
(casefold, no diacritics) and looks for it in the keys, so ``sherigeba`` finds შერიგება.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from pathlib import Path
from typing import Any

from moci_vocab.booklet.export import headword, language_names, ordered_concepts
from moci_vocab.exporters import ExportRequest
from moci_vocab.model import Concept, Term

HERE = Path(__file__).resolve().parent
PAGE = HERE / "glossary.html"
STYLE = HERE / "glossary.css"
SCRIPT = HERE / "glossary.js"

LABELS: dict[str, str] = {
    "search": "Search in every language…",
    "legend": "bold: preferred term · * translation not yet reviewed · struck through: "
    "deprecated, or forbidden (do not use)",
    "search_label": "Search the glossary",
    "languages": "Languages",
    "shown": "{n} of {total} concepts",
    "concepts": "{n} concepts",
    "show_all": "Show all {n}",
    "nothing": "Nothing found. Try fewer letters, or another spelling.",
    "deprecated": "deprecated",
    "forbidden": "do not use",
    "admitted": "admitted",
    "draft": "not yet reviewed",
    "note": "Note",
    "see_also": "See also",
    "broader": "Broader",
    "do_not_translate": "do not translate",
    "retired": "retired",
    "missing": "—",
    "version": "Version",
    "released": "released",
    "unreleased": "not yet released",
    "all": "all",
    "none": "none",
}

# JSON inside <script>: nothing may read as "</script>", "<!--" or an entity.
_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def export_html(request: ExportRequest) -> list[Path]:
    """Write ``<name>.html`` into the output folder; return its path."""
    path = Path(request.outdir) / f"{request.name_slug}.html"
    request.write(path, render_page(request))
    return [path]


def render_page(request: ExportRequest) -> str:
    """The self-contained HTML page: style, script and the glossary's data inlined."""
    style = STYLE.read_text(encoding="utf-8")
    script = SCRIPT.read_text(encoding="utf-8")
    parts = {
        "LANG": html.escape(request.source_language),
        "TITLE": html.escape(request.glossary.manifest.name),
        "CSP": html.escape(_csp(style, script)),
        "STYLE": style,
        "SCRIPT": script,
        "DATA": script_json(page_data(request)),
    }
    # One pass, so that nothing inserted is scanned for placeholders again.
    return re.sub(r"\{\{([A-Z]+)\}\}", lambda m: parts[m[1]], PAGE.read_text(encoding="utf-8"))


def script_json(data: Any) -> str:
    """JSON that is safe between ``<script type="application/json">`` tags."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _SCRIPT_ESCAPES[m[0]], text)


def _csp(style: str, script: str) -> str:
    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    return (
        "default-src 'none'; "
        f"script-src {digest(script)}; style-src {digest(style)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


# --- data ------------------------------------------------------------------------------------


def page_data(request: ExportRequest) -> dict[str, Any]:
    """Everything the page shows, as JSON-able data."""
    from moci_vocab.versioninfo import version_date

    names = language_names(request.glossary, request.languages)
    source = request.source_language
    ids = {c.id for c in request.concepts}  # links to concepts not on the page would lead nowhere
    return {
        "name": request.glossary.manifest.name,
        "version": request.version,
        "date": version_date(request.glossary),  # the release's, never the clock
        "source": source,
        "languages": [names[tag] for tag in request.languages],
        "labels": LABELS,
        "entries": [_entry(c, request, ids) for c in ordered_concepts(request)],
    }


def _term(term: Term) -> dict[str, Any]:
    data: dict[str, Any] = {"term": term.term, "status": term.status}
    if term.review is not None and term.review.state == "draft":
        data["draft"] = True
    if term.note:
        data["note"] = term.note
    if term.context:
        data["context"] = term.context
    return data


def _entry(concept: Concept, request: ExportRequest, ids: set[str]) -> dict[str, Any]:
    langs = request.languages
    concepts = request.glossary.concepts
    source = request.source_language

    def link(cid: str) -> dict[str, str]:
        word = headword(concepts[cid], source) if cid in concepts else cid
        return {"id": cid, "text": word}

    terms = {lang: [_term(t) for t in concept.terms.get(lang, [])] for lang in langs}
    return {
        "id": concept.id,
        "headword": headword(concept, source),
        "domain": concept.domain,
        "tags": concept.tags,
        "retired": concept.status == "retired",
        "dnt": concept.do_not_translate,
        "definitions": _in(concept.definition, langs),
        "notes": _in(concept.note, langs),
        "terms": {lang: items for lang, items in terms.items() if items},
        "related": [link(cid) for cid in concept.related if cid in ids],
        "broader": [link(cid) for cid in concept.broader if cid in ids],
        "keys": search_keys(concept, langs),
        "text": _text_key(concept, langs),
    }


def _in(texts: dict[str, str], langs: list[str]) -> dict[str, str]:
    return {lang: texts[lang] for lang in langs if texts.get(lang)}


def search_keys(concept: Concept, langs: list[str]) -> list[str]:
    """Folded and transliterated keys of every term (and form) of the concept, plus its id."""
    from moci_vocab.matching import search_keys as keys_of

    keys: list[str] = []
    for lang in langs:
        for term in concept.terms.get(lang, []):
            for text in (term.term, *term.forms):
                for key in keys_of(text):
                    if key and key not in keys:
                        keys.append(key)
    ident = concept.id.replace("-", " ")
    if ident not in keys:
        keys.append(ident)
    return keys


def _text_key(concept: Concept, langs: list[str]) -> str:
    """Definitions, notes and examples, folded: a query that names no term may still find it."""
    from moci_vocab.textnorm import fold

    texts = [concept.definition.get(lang, "") for lang in langs]
    texts += [concept.note.get(lang, "") for lang in langs]
    for lang in langs:
        for term in concept.terms.get(lang, []):
            texts += [term.note or "", term.context or ""]
    return fold(" ".join(t for t in texts if t))
