"""The workshop booklet: a printable PDF typeset with Typst.

The glossary reaches the Typst template (``booklet.typ``) as one JSON document
through ``sys.inputs``; the template places every glossary text as a string,
never as markup, so no term or definition can change the document. Fonts ship
with the package (``moci_vocab/fonts``, SIL OFL) and system fonts are ignored,
so the booklet looks the same on every machine.

Options (``request.options``): ``paper`` ("a5" default, or "a4"),
``imposition`` (also write the A5 pages two per A4 landscape sheet in
saddle-stitch order), ``title`` (the workshop's title on the cover).
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from moci_vocab.errors import MociError
from moci_vocab.exporters import ExportRequest
from moci_vocab.model import Concept, Glossary, Term

if TYPE_CHECKING:
    from moci_vocab.booklet.layout import Booklet
    from moci_vocab.booklet.typesetter import Typesetter

HERE = Path(__file__).resolve().parent
IMPOSE_TEMPLATE = HERE / "impose.typ"
FONTS = HERE.parent / "fonts"
# Sheet sides per Typst run of the imposition (about 100 MB of Typst's memory).
IMPOSE_RUN = 400
PAPERS = ("a5", "a4")

# The booklet's own words. English, the network's working language; kept as data so that
# a translated booklet only needs another table.
LABELS: dict[str, str] = {
    "glossary": "Glossary",
    "index": "Index",
    "contents": "Contents",
    "version": "Version",
    "languages": "Languages",
    "concepts": "concepts",
    "legend": "How to read an entry",
    "legend_headword": "The entry word is the preferred term of the source language.",
    "legend_preferred": "preferred term",
    "legend_admitted": "also admitted",
    "legend_deprecated": "deprecated: do not use",
    "legend_draft": "translation not yet reviewed",
    "legend_missing": "no term yet",
    "deprecated": "deprecated",
    "forbidden": "do not use",
    "draft_mark": "*",
    "missing": "—",
    "note": "Note",
    "see_also": "See also",
    "broader": "Broader",
    "page_short": "p.",
    "do_not_translate": "do not translate",
    "retired": "retired",
}


@dataclass
class BookletFiles:
    booklet: Path
    imposed: Path | None = None


def export_booklet(request: ExportRequest) -> list[Path]:
    """Write ``<name>[-<langs>].pdf`` (and ``…-imposed.pdf`` with imposition); return the paths."""
    from moci_vocab.booklet.layout import needs_workers, typeset_booklet
    from moci_vocab.booklet.typesetter import Typesetter, worker_count
    from moci_vocab.fsutil import atomic_write

    paper, imposition, title = _options(request.options)
    data = booklet_data(request, paper=paper, title=title)
    files = booklet_paths(request)
    workers = worker_count() if needs_workers(data) else 0
    with (
        tempfile.TemporaryDirectory(prefix="moci-booklet-") as tmp,
        Typesetter(workers, progress=request.progress) as typesetter,
    ):
        booklet = typeset_booklet(data, typesetter, Path(tmp))
        imposed = impose(booklet, typesetter) if imposition else None
        # Both files are complete before either replaces an old one.
        atomic_write(files.booklet, booklet.pdf.read_bytes())
        written = [files.booklet]
        if imposed is not None:
            assert files.imposed is not None
            atomic_write(files.imposed, imposed.read_bytes())
            written.append(files.imposed)
    return written


def booklet_paths(request: ExportRequest) -> BookletFiles:
    """``<name>.pdf`` for all the glossary's languages, ``<name>-en-sq-ka.pdf`` for a choice."""
    stem = request.name_slug
    if list(request.languages) != list(request.glossary.languages()):
        stem += "-" + "-".join(request.languages)
    outdir = Path(request.outdir)
    return BookletFiles(outdir / f"{stem}.pdf", outdir / f"{stem}-imposed.pdf")


def _options(options: dict[str, Any]) -> tuple[str, bool, str | None]:
    paper = str(options.get("paper") or "a5").casefold()
    if paper not in PAPERS:
        raise MociError(f"unknown paper size {paper!r}; the booklet is printed on a5 or a4")
    imposition = bool(options.get("imposition"))
    if imposition and paper != "a5":
        raise MociError("imposition lays A5 pages out on A4 sheets; use --paper a5 with it")
    title = options.get("title")
    return paper, imposition, (str(title).strip() or None) if title else None


# --- the data the template receives ------------------------------------------------------------


def headword(concept: Concept, lang: str) -> str:
    """The entry word: the concept's representative term in ``lang``, else its id."""
    term = concept.representative(lang)
    return term.term if term else concept.id


def language_names(glossary: Glossary, tags: list[str]) -> dict[str, dict[str, str]]:
    """For each tag: its autonym and English name (manifest overrides first, then CLDR)."""
    from moci_vocab.languages import autonym, english_name

    names: dict[str, dict[str, str]] = {}
    for tag in tags:
        spec = glossary.manifest.languages.get(tag)
        names[tag] = {
            "tag": tag,
            "autonym": (spec.autonym if spec and spec.autonym else None) or _safe(autonym, tag),
            "name": (spec.name if spec and spec.name else None) or _safe(english_name, tag),
        }
    return names


def _safe(func, tag: str) -> str:
    try:
        return func(tag)
    except ValueError:
        return tag


def ordered_concepts(request: ExportRequest) -> list[Concept]:
    """The selected concepts in the source language's alphabetical order of their entry words."""
    from moci_vocab.collation import sort_key

    source = request.source_language
    return sorted(request.concepts, key=lambda c: (sort_key(headword(c, source), source), c.id))


def booklet_data(request: ExportRequest, paper: str = "a5", title: str | None = None) -> dict:
    """Everything the template prints, as plain JSON-able data."""
    names = language_names(request.glossary, request.languages)
    concepts = ordered_concepts(request)
    labels = {concept.id: f"entry-{n}" for n, concept in enumerate(concepts, 1)}
    source = request.source_language
    return {
        "paper": paper,
        "name": request.glossary.manifest.name,
        "title": title,
        "version": request.version,
        "date": request.today.isoformat(),
        "year": request.today.year,
        "month": request.today.month,
        "day": request.today.day,
        "source": source,
        "languages": [names[tag] for tag in request.languages],
        "labels": LABELS,
        "entries": [_entry(c, request, names, labels) for c in concepts],
        "indexes": [_index(lang, concepts, source, labels, names) for lang in request.languages],
    }


def _term(term: Term) -> dict[str, Any]:
    return {
        "term": term.term,
        "status": term.status,
        "draft": term.review is not None and term.review.state == "draft",
        "note": term.note,
    }


def _entry(
    concept: Concept,
    request: ExportRequest,
    names: dict[str, dict[str, str]],
    labels: dict[str, str],
) -> dict[str, Any]:
    source = request.source_language
    word = headword(concept, source)
    rows = []
    for lang in request.languages:
        terms = [t for t in concept.terms.get(lang, []) if not (lang == source and t.term == word)]
        if lang == source and not terms:
            continue  # the entry word already says it
        rows.append({"autonym": names[lang]["autonym"], "terms": [_term(t) for t in terms]})
    entry = {
        "id": concept.id,
        "label": labels[concept.id],
        "headword": word,
        "domain": concept.domain,
        "do_not_translate": concept.do_not_translate,
        "retired": concept.status == "retired",
        "definitions": _per_language(concept.definition, request.languages, names),
        "notes": _per_language(concept.note, request.languages, names),
        "rows": [] if concept.do_not_translate else rows,
        "related": _links(concept.related, request, labels),
        "broader": _links(concept.broader, request, labels),
    }
    entry["long"] = estimated_lines(entry) > LONG_ENTRY_LINES
    return entry


# A5 holds about 38 lines of entry text; an entry estimated at more than this many lines is
# measured exactly by the template (an estimate errs by far less than the remaining margin).
LONG_ENTRY_LINES = 20


def estimated_lines(entry: dict[str, Any]) -> int:
    """A generous estimate of an entry's height in lines (narrowest measure: A4 columns)."""

    def lines(text: str, width: int) -> int:
        return -(-len(text) // width) + text.count("\n")

    total = 2  # entry word and spacing
    total += sum(lines(d["text"], 45) for d in entry["definitions"] + entry["notes"])
    for row in entry["rows"]:
        total += max(1, lines(", ".join(t["term"] for t in row["terms"]), 30))
        total += sum(lines(t["note"], 30) for t in row["terms"] if t["note"])
    links = entry["related"] + entry["broader"]
    total += lines(", ".join(link["text"] + " p. 000" for link in links), 45)
    return total


def _per_language(
    texts: dict[str, str], languages: list[str], names: dict[str, dict[str, str]]
) -> list[dict[str, str]]:
    return [
        {"autonym": names[lang]["autonym"], "text": texts[lang]}
        for lang in languages
        if texts.get(lang)
    ]


def _links(ids: list[str], request: ExportRequest, labels: dict[str, str]) -> list[dict]:
    """Linked concepts by their entry word, with the entry's label when it is in the booklet."""
    concepts = request.glossary.concepts
    return [
        {
            "text": headword(concepts[cid], request.source_language) if cid in concepts else cid,
            "target": labels.get(cid),
        }
        for cid in ids
    ]


def _index(
    lang: str,
    concepts: list[Concept],
    source: str,
    labels: dict[str, str],
    names: dict[str, dict[str, str]],
) -> dict[str, Any]:
    """One language's index: its terms in that language's order, under letter headings."""
    from moci_vocab.collation import index_letter, sort_key

    lines: dict[tuple[str, str], dict[str, Any]] = {}
    for concept in concepts:
        terms = concept.terms.get(lang, [])
        if not terms and concept.do_not_translate:
            terms = concept.terms.get(source, [])[:1]  # a name is used as it is
        for term in terms:
            struck = term.status in ("deprecated", "forbidden")
            line = lines.setdefault(
                (term.term, term.status if struck else ""),
                {"term": term.term, "status": term.status if struck else "", "targets": []},
            )
            if labels[concept.id] not in line["targets"]:
                line["targets"].append(labels[concept.id])
    ordered = sorted(lines.values(), key=lambda ln: (sort_key(ln["term"], lang), ln["status"]))
    groups: list[dict[str, Any]] = []
    for line in ordered:
        letter = index_letter(line["term"], lang)
        if not groups or groups[-1]["letter"] != letter:
            groups.append({"letter": letter, "lines": []})
        groups[-1]["lines"].append(line)
    return {"lang": lang, "autonym": names[lang]["autonym"], "groups": groups}


# --- typesetting -------------------------------------------------------------------------------


def compile_booklet(data: dict) -> tuple[bytes, int]:
    """The booklet PDF and its page count, typeset here (no worker processes)."""
    from moci_vocab.booklet.layout import typeset_booklet
    from moci_vocab.booklet.typesetter import Typesetter

    with tempfile.TemporaryDirectory(prefix="moci-booklet-") as tmp:
        booklet = typeset_booklet(data, Typesetter(0), Path(tmp))
        return booklet.pdf.read_bytes(), booklet.pages


def impose(booklet: Booklet, typesetter: Typesetter) -> Path:
    """The A5 booklet two pages per A4 landscape sheet side, in saddle-stitch order.

    The sheets take the pages of the booklet's parts, not of the joined PDF (whose
    pages Typst would read again for every sheet), a few hundred sheets per Typst
    run (each run's memory grows with its sheets); the runs are joined page by page.
    """
    from moci_vocab.booklet.imposition import saddle_stitch
    from moci_vocab.booklet.pdfjoin import JoinJob
    from moci_vocab.booklet.typesetter import PagesJob

    root = booklet.pdf.parent
    sides = [
        [booklet.sources[page - 1] if page else None for page in side]
        for side in saddle_stitch(booklet.pages)
    ]
    runs = [sides[n : n + IMPOSE_RUN] for n in range(0, len(sides), IMPOSE_RUN)]
    outputs = [root / f"imposed-{n:04d}.pdf" for n in range(len(runs))]
    for run, output in zip(runs, outputs, strict=True):
        names = sorted({source[0] for side in run for source in side if source})
        number = {name: n for n, name in enumerate(names)}
        sheets = [[[number[s[0]], s[1]] if s else None for s in side] for side in run]
        inputs = {"plan": json.dumps({"files": names, "sheets": sheets})}
        typesetter.run(PagesJob(str(IMPOSE_TEMPLATE), str(root), inputs, str(output)))
    if len(outputs) == 1:
        return outputs[0]
    joined = root / "imposed.pdf"
    sources = [
        (out.name, n)
        for out, run in zip(outputs, runs, strict=True)
        for n in range(1, len(run) + 1)
    ]
    typesetter.run(JoinJob(str(root), sources, str(joined)))
    return joined
