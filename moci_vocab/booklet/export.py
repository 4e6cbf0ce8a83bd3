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

import contextlib
import functools
import json
import tempfile
from collections.abc import Callable
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
# The scripts the bundled fonts cover (Noto Sans: Latin, Cyrillic, Greek; and the Georgian
# and Armenian Noto fonts). Typst would print empty boxes for any other.
FONT_SCRIPTS = ("Latn", "Cyrl", "Grek", "Geor", "Armn")

# The booklet's own words. English, the network's working language; kept as data so that
# a translated booklet only needs another table.
LABELS: dict[str, str] = {
    "glossary": "Glossary",
    "index": "Index",
    "contents": "Contents",
    "version": "Version",
    "unreleased": "not yet released",
    "languages": "Languages",
    "concepts": "concepts",
    "legend": "How to read an entry",
    "legend_headword": "The entry word is the preferred term of the source language; "
    "the subject field is on its right.",
    "legend_preferred": "preferred term",
    "legend_admitted": "also admitted",
    "legend_deprecated": "deprecated: no longer recommended",
    "legend_forbidden": "forbidden: do not use",
    "legend_missing": "no term yet",
    "legend_pos": "part of speech and gender: n. noun, v. verb, adj. adjective, "
    "adv. adverb, phr. phrase, prop. n. proper noun; m. masculine, f. feminine, nt. neuter",
    "legend_context": "an example of use",
    "legend_page": "the page of that entry",
    "legend_broader": "a wider concept",
    "legend_see_also": "related concepts",
    "legend_outside": "a related concept that this booklet leaves out",
    "legend_retired": "a concept no longer in use",
    "legend_do_not_translate": "a name, used as it is in every language",
    "mark_draft": "translation not yet reviewed",
    "mark_reviewed": "translation reviewed",
    "draft_note": "{drafts} of {total} translations in this booklet are drafts, "
    "not yet reviewed by the network.",
    "deprecated": "deprecated",
    "forbidden": "do not use",
    "deprecated_mark": "\u2020",
    "forbidden_mark": "\u00d7",
    "review_mark": "\u00b0",
    "missing": "\u2014",
    "note": "Note",
    "see_also": "See also",
    "broader": "Broader",
    "page_short": "p.",
    "page": "page",
    "outside": "not in this booklet",
    "do_not_translate": "do not translate",
    "retired": "retired",
    "colophon": "About this glossary",
    "publisher": "Published by",
    "license": "Licence",
    "contact": "Corrections and suggestions",
    "online": "Online",
    "released": "released",
}

# Abbreviations of the data model's parts of speech and genders, as dictionaries print them.
POS_ABBREVIATIONS = {
    "noun": "n.",
    "verb": "v.",
    "adjective": "adj.",
    "adverb": "adv.",
    "phrase": "phr.",
    "properNoun": "prop.\u00a0n.",
}
GENDER_ABBREVIATIONS = {"masculine": "m.", "feminine": "f.", "neuter": "nt.", "common": "c."}


@dataclass
class BookletFiles:
    """The PDFs one booklet export writes: the booklet, and the imposed sheets if asked for."""

    booklet: Path
    imposed: Path | None = None


def export_booklet(request: ExportRequest) -> list[Path]:
    """Write ``<name>[-<langs>].pdf`` (and ``…-imposed.pdf`` with imposition); return the paths."""
    from moci_vocab.booklet.layout import needs_workers, needs_workers_for, typeset_booklet
    from moci_vocab.booklet.typesetter import Typesetter, worker_count
    from moci_vocab.cache import gc_aged, gc_paused

    require_fonts(request)
    paper, imposition, title = _options(request.options)
    files = booklet_paths(request)
    with (
        # The booklet's data (a few dicts per term) and the parts made of it live until
        # the end: the collector would walk them again and again (a third of the time of
        # making the data) and find no garbage.
        gc_paused(),
        tempfile.TemporaryDirectory(prefix="moci-booklet-") as tmp,
        contextlib.ExitStack() as stack,
    ):
        index_lines = make = None
        if needs_workers_for(len(request.concepts)):  # an entry per concept
            typesetter = stack.enter_context(Typesetter(worker_count(), request.progress))
            typesetter.start()  # while the data is made
            # the indexes' lines, and most entries, while the workers measure the entries
            data, index_lines, make = booklet_data_in_steps(request, paper=paper, title=title)
        else:
            data = booklet_data(request, paper=paper, title=title)
            workers = worker_count() if needs_workers(data) else 0
            typesetter = stack.enter_context(Typesetter(workers, request.progress))
        request.keep(data)
        booklet = typeset_booklet(
            data, typesetter, Path(tmp), request.glossary.root, meanwhile=index_lines, make=make
        )
        imposed = impose(booklet, typesetter) if imposition else None
        stack.close()  # the workers stop before the files are written
        # Both files are complete before either replaces an old one.
        request.write(files.booklet, booklet.pdf.read_bytes())
        written = [files.booklet]
        if imposed is not None:
            assert files.imposed is not None
            request.write(files.imposed, imposed.read_bytes())
            written.append(files.imposed)
        gc_aged()  # what was made here is kept (request.keep): not walked as it ends
    return written


def require_fonts(request: ExportRequest) -> None:
    """Refuse, naming them, the languages whose script no bundled font covers (zh-Hans, ja):
    the booklet would show empty boxes for their terms."""
    from moci_vocab.languages import default_script, english_name

    specs = request.glossary.manifest.languages
    missing = []
    for lang in request.languages:
        spec = specs.get(lang)
        script = spec.script if spec is not None and spec.script else default_script(lang)
        if script not in FONT_SCRIPTS:
            missing.append(f"{lang} ({_safe(english_name, lang)}, script {script})")
    if missing:
        usable = [
            lang
            for lang in request.languages
            if not any(m.startswith(f"{lang} (") for m in missing)
        ]
        raise MociError(
            f"the booklet has no font for {', '.join(missing)}: its fonts cover Latin, "
            "Cyrillic, Greek, Georgian and Armenian; leave those languages out with --lang"
            + (f", e.g. --lang {','.join(usable)}" if usable else "")
        )


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


def ordered_concepts(request: ExportRequest, words: Headwords | None = None) -> list[Concept]:
    """The selected concepts in the source language's alphabetical order of their entry words."""
    from moci_vocab.collation import sort_key

    source = request.source_language
    words = words if words is not None else Headwords(request)
    return sorted(request.concepts, key=lambda c: (sort_key(words[c.id], source), c.id))


class Headwords(dict):
    """Each concept's entry word by id (``headword``), worked out once: a booklet asks for
    it to sort, for the entry and for every link to the concept."""

    def __init__(self, request: ExportRequest) -> None:
        super().__init__()
        self.concepts = request.glossary.concepts
        self.source = request.source_language

    def __missing__(self, cid: str) -> str:
        word = self[cid] = headword(self.concepts[cid], self.source)
        return word


def booklet_data(request: ExportRequest, paper: str = "a5", title: str | None = None) -> dict:
    """Everything the template prints, as plain JSON-able data."""
    data, index_lines, make = booklet_data_in_steps(request, paper, title)
    make(len(data["entries"]))
    index_lines()
    return data


def booklet_data_in_steps(
    request: ExportRequest, paper: str = "a5", title: str | None = None
) -> tuple[dict, Callable[[], None], Callable[[int], None]]:
    """The booklet's data (``booklet_data``) but its indexes' lines and its entries (None
    each), the step that adds the lines, and the step that makes the entries up to the
    one it is given (in order; those made stay): the first entries are measured while
    the others and the indexes' lines are made."""
    from moci_vocab.booklet.layout import entry_label

    names = language_names(request.glossary, request.languages)
    words = Headwords(request)
    concepts = ordered_concepts(request, words)
    labels = {concept.id: entry_label(n) for n, concept in enumerate(concepts, 1)}
    source = request.source_language
    marks = review_marks(concepts, request.targets)
    indexes = [_index_head(lang, names) for lang in request.languages]

    def index_lines() -> None:
        for index in indexes:
            index["groups"] = _index_groups(index["lang"], concepts, source, labels)

    data = {
        "paper": paper,
        "name": request.glossary.manifest.name,
        "title": title,
        "version": request.version,
        **release_date_fields(request),
        "source": source,
        "source_lang": typst_language(source),
        "languages": [names[tag] for tag in request.languages],
        "labels": LABELS,
        "review": marks.summary(),
        "colophon": colophon(request.glossary),
        "entries": [None] * len(concepts),
        "indexes": indexes,
    }
    entries = data["entries"]
    made = 0

    def make(stop: int) -> None:
        nonlocal made
        for n in range(made, stop):
            entries[n] = _entry(concepts[n], request, names, labels, marks, words)
        made = max(made, stop)

    return data, index_lines, make


def release_date_fields(request: ExportRequest) -> dict[str, Any]:
    """The release date of the glossary's version (from the CHANGELOG) as JSON fields.

    Never the clock: the same glossary gives the same booklet, byte for byte. A version
    not released yet has no date (``None``); the cover then says it is unreleased.
    """
    from moci_vocab.versioninfo import version_date

    released = version_date(request.glossary)
    if released is None:
        return {"date": None, "year": None, "month": None, "day": None}
    year, month, day = (int(part) for part in released.split("-"))
    return {"date": released, "year": year, "month": month, "day": day}


def typst_language(tag: str) -> dict[str, str | None]:
    """A BCP 47 tag as Typst's text language and region (``sr-Cyrl`` → sr; ``pt-BR`` → pt, BR).

    The language decides hyphenation, quotation marks and OpenType's localised letter forms
    (Serbian and Macedonian italic б г д п т).
    """
    lang, region = _language_and_region(tag)
    return {"lang": lang, "region": region}


@functools.cache
def _language_and_region(tag: str) -> tuple[str, str | None]:
    """``typst_language``'s answer, worked out once per tag (a booklet asks for every term)."""
    parts = tag.split("-")
    region = next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()), None)
    return parts[0].casefold(), region


@dataclass(frozen=True)
class ReviewMarks:
    """Which translations carry the review mark: the minority, drafts or reviewed ones.

    When most translations are drafts, a mark on each says nothing; the booklet then says
    once (cover and key) that it is a draft, and marks the reviewed translations instead.
    """

    drafts: int
    total: int

    @property
    def marks_reviewed(self) -> bool:
        """True when the reviewed translations are marked (drafts are the majority)."""
        return self.drafts * 2 > self.total

    def marked(self, term: Term) -> bool:
        """Whether ``term`` (a translation) carries the review mark.

        A term with no review record is neither a draft nor reviewed: it is never marked.
        """
        state = term.review.state if term.review is not None else None
        return state in ("reviewed", "approved") if self.marks_reviewed else state == "draft"

    def summary(self) -> dict[str, Any]:
        """The counts and the mark's meaning, for the cover note and the key."""
        return {
            "drafts": self.drafts,
            "total": self.total,
            "marks": "reviewed" if self.marks_reviewed else "draft",
        }


def review_marks(concepts: list[Concept], targets: list[str]) -> ReviewMarks:
    """Count the draft translations among the printed target-language terms."""
    terms = [
        t
        for c in concepts
        if not c.do_not_translate
        for lang in targets
        for t in c.terms.get(lang, [])
    ]
    drafts = sum(1 for t in terms if t.review is not None and t.review.state == "draft")
    return ReviewMarks(drafts, len(terms))


def colophon(glossary: Glossary) -> dict[str, Any]:
    """The back cover: publisher, licence, contact and the glossary's address (with a QR code)."""
    manifest = glossary.manifest
    info = {
        key: _one_line(manifest.extra.get(key))
        for key in ("publisher", "license", "contact", "url")
    }
    info["qr"] = _colophon_qr(info["url"]) if info["url"] else None
    return info


def _colophon_qr(url: str) -> str:
    """The QR code of the manifest's ``url``; one error if no QR code can hold it."""
    from segno import DataOverflowError

    try:
        return qr_svg(url)
    except DataOverflowError:
        from moci_vocab.layout import MANIFEST

        raise MociError(
            f"url is {len(url):,} characters long, more than the booklet's QR code can hold; "
            "give a shorter address",
            MANIFEST,
        ) from None


def _one_line(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = " ".join(str(value).split())
    return text or None


def qr_svg(url: str) -> str:
    """A QR code of ``url`` as SVG text (segno), for the template to place as an image."""
    import io

    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(
        buffer, kind="svg", border=0, scale=1, dark="black"
    )
    return buffer.getvalue().decode("utf-8")


def _term(term: Term, lang: str, marks: ReviewMarks | None) -> dict[str, Any]:
    grammar = [
        POS_ABBREVIATIONS.get(term.pos or "", ""),
        GENDER_ABBREVIATIONS.get(term.gender or "", ""),
    ]
    said = " ".join(g for g in grammar if g)
    return {
        "term": term.term,
        "status": term.status,
        "mark": marks is not None and marks.marked(term),
        "grammar": " " + said if said else None,  # as printed after the term
        "context": term.context,
        "note": term.note,
        "lang": typst_language(lang),
    }


def _entry(
    concept: Concept,
    request: ExportRequest,
    names: dict[str, dict[str, str]],
    labels: dict[str, str],
    marks: ReviewMarks,
    words: Headwords,
) -> dict[str, Any]:
    source = request.source_language
    word = words[concept.id]
    rows = []
    for lang in request.languages:
        terms = [t for t in concept.terms.get(lang, []) if not (lang == source and t.term == word)]
        if lang == source and not terms:
            continue  # the entry word already says it
        row_marks = None if lang == source else marks
        printed = [_term(t, lang, row_marks) for t in terms]
        rows.append(
            {
                "autonym": names[lang]["autonym"],
                "label": unbroken(names[lang]["autonym"]),
                "lang": typst_language(lang),
                "terms": printed,
                # the terms whose example, or note, follows on a line of its own
                "contexts": [t for t in printed if t["context"] is not None],
                "noted": [t for t in printed if t["note"] is not None],
            }
        )
    entry = {
        "id": concept.id,
        "label": labels[concept.id],
        "headword": word,
        "headword_grammar": [
            grammar
            for t in concept.terms.get(source, [])
            if t.term == word and (grammar := _term(t, source, None)["grammar"])
        ],
        "domain": domain_name(concept.domain),
        "do_not_translate": concept.do_not_translate,
        "retired": concept.status == "retired",
        "definitions": _per_language(concept.definition, request.languages, names),
        "notes": _per_language(concept.note, request.languages, names),
        "rows": [] if concept.do_not_translate else rows,
        "related": _links(concept.related, words, labels),
        "broader": _links(concept.broader, words, labels),
    }
    # what stands at the right of the entry word
    flags = [LABELS["do_not_translate"]] if concept.do_not_translate else []
    flags += [LABELS["retired"]] if entry["retired"] else []
    flags += [entry["domain"]] if entry["domain"] is not None else []
    entry["flags"] = " · ".join(flags) if flags else None
    entry["long"] = estimated_lines(entry) > LONG_ENTRY_LINES
    return entry


def unbroken(text: str) -> str:
    """``text`` with no-break spaces: a language's name never breaks ("српски (ћирилица)")."""
    return text.replace(" ", "\u00a0")


def domain_name(domain: str | None) -> str | None:
    """How a subject field is printed: the manifest's domain id in words (civic participation)."""
    return domain.replace("-", " ") if domain else None


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
        total += max(1, lines(", ".join(t["term"] + " adj. nt." for t in row["terms"]), 30))
        total += sum(lines(t["note"], 30) for t in row["terms"] if t["note"])
        total += sum(lines(t["context"], 30) for t in row["terms"] if t["context"])
    links = entry["related"] + entry["broader"]
    total += lines(", ".join(link["text"] + " p. 000" for link in links), 45)
    return total


def _per_language(
    texts: dict[str, Any], languages: list[str], names: dict[str, dict[str, str]]
) -> list[dict[str, Any]]:
    return [
        {"autonym": names[lang]["autonym"], "text": texts[lang], "lang": typst_language(lang)}
        for lang in languages
        if texts.get(lang)
    ]


def _links(ids: list[str], words: Headwords, labels: dict[str, str]) -> list[dict]:
    """Linked concepts by their entry word, with the entry's label when it is in the booklet."""
    concepts = words.concepts
    return [
        {"text": words[cid] if cid in concepts else cid, "target": labels.get(cid)} for cid in ids
    ]


def _index_head(lang: str, names: dict[str, dict[str, str]]) -> dict[str, Any]:
    """One language's index, its lines (``groups``) not yet made (see ``_index_groups``)."""
    return {
        "lang": lang,
        "text_lang": typst_language(lang),
        "autonym": names[lang]["autonym"],
        "title": heading_case(names[lang]["autonym"]),
        "groups": [],
    }


def _index_groups(
    lang: str, concepts: list[Concept], source: str, labels: dict[str, str]
) -> list[dict[str, Any]]:
    """One language's index lines: its terms in that language's order, under letter headings."""
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
    return groups


def heading_case(text: str) -> str:
    """``text`` with its first letter capitalised for a heading (shqip → Shqip).

    Georgian stays as it is: Mtavruli is not a capital letter for running text.
    """
    import unicodedata

    if not text or unicodedata.name(text[0], "").startswith("GEORGIAN"):
        return text
    return text[0].upper() + text[1:]


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

    Up to 64 pages one folded stack; a longer booklet in signatures of 16 pages (see
    ``imposition.imposition``), since a thicker saddle-stitched stack will not fold.

    The sheets take the pages of the booklet's parts, not of the joined PDF (whose
    pages Typst would read again for every sheet), a few hundred sheets per Typst
    run (each run's memory grows with its sheets); the runs are joined page by page.
    """
    from moci_vocab.booklet.imposition import imposition
    from moci_vocab.booklet.pdfjoin import JoinJob
    from moci_vocab.booklet.typesetter import PagesJob

    root = booklet.pdf.parent
    sides = [
        [booklet.sources[page - 1] if page else None for page in side]
        for side in imposition(booklet.pages)
    ]
    runs = [sides[n : n + IMPOSE_RUN] for n in range(0, len(sides), IMPOSE_RUN)]
    outputs = [root / f"imposed-{n:04d}.pdf" for n in range(len(runs))]
    for run, output in zip(runs, outputs, strict=True):
        names = sorted({source[0] for side in run for source in side if source})
        number = {name: n for n, name in enumerate(names)}
        sheets = [[[number[s[0]], s[1]] if s else None for s in side] for side in run]
        inputs = {"plan": json.dumps({"files": names, "sheets": sheets})}
        typesetter.run(PagesJob(str(IMPOSE_TEMPLATE), str(root), inputs, str(output)))
    # Always through the join, even for one run: the sheets get the booklet's title and date,
    # and lose Typst's tags (an imposition is for print: its pages are images of the
    # booklet's) and /MarkInfo, whose /Suspects false poppler reports as a syntax error.
    joined = root / "imposed.pdf"
    sources = [
        (out.name, n)
        for out, run in zip(outputs, runs, strict=True)
        for n in range(1, len(run) + 1)
    ]
    info = dict(booklet.info, **{"/Title": booklet.info.get("/Title", "") + " (imposed)"})
    typesetter.run(JoinJob(str(root), sources, str(joined), info=info, lang=booklet.lang))
    return joined
