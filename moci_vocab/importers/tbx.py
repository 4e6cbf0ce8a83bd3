"""TBX glossaries: TBX-Basic ``martif`` (TBX 2008), its namespaced variants and
TBX 2019 (``conceptEntry``/``langSec``/``termSec``).

Per concept entry: ``subjectField`` → domain, ``customerSubset`` and
``projectSubset`` → tags (as slugs), ``crossReference`` → related (only in
moci-vocab's own files, whose targets are concept ids), ``definition`` →
definition (at entry level: in the file's source language), ``note`` →
note. Per term: ``administrativeStatus`` (or ``normativeAuthorization``) →
status (superseded and obsolete read as deprecated; without one, the first
term of a language is preferred and the others admitted), ``partOfSpeech``
(``other`` → phrase), ``termType``, ``grammaticalGender``, ``context``,
``source``, ``note``, and moci-vocab's own ``x-form`` (forms) and
``x-caseSensitive``. Weblate's ``Translation needed: No`` → do_not_translate.

Parsed with expat, which loads no external DTD or entity; a file that
declares entities is refused (no "billion laughs"). Line numbers of
problems come from the parser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from moci_vocab.errors import MociError
from moci_vocab.formats.tbx import CASE_NOTE, FORBIDDEN_NOTE, FORM_NOTE
from moci_vocab.importers import ImportFile, Incoming, ReadOptions, read_bytes, refuse_runaway
from moci_vocab.model import GENDERS, PARTS_OF_SPEECH, TERM_TYPES, Concept, Term, is_slug
from moci_vocab.textnorm import clean_spaces, nfc
from moci_vocab.versioninfo import GENERATOR

MAX_XML_DEPTH = 64  # TBX needs about 8; a hostile file is refused at the first deeper element
# Elements kept as a tree (~350 bytes each): moci-vocab's TBX has ~55 a concept, so a
# 64 MB file of it ~1.1 million; 8 MB of `<a/>` were 2 million, 19 s and 737 MB, 64 MB ~6 GB.
MAX_XML_ELEMENTS = 2_000_000
ENTRY_TAGS = {"termEntry", "conceptEntry"}
LANG_TAGS = {"langSet", "langSec"}
TERM_TAGS = {"tig", "ntig", "termSec"}
STATUS_FROM_TBX = {
    "preferred": "preferred",
    "standardized": "preferred",
    "admitted": "admitted",
    "deprecated": "deprecated",
    "superseded": "deprecated",
    "obsolete": "deprecated",
    "notrecommended": "deprecated",
    "forbidden": "forbidden",
}
POS_FROM_TBX = {pos.casefold(): pos for pos in PARTS_OF_SPEECH} | {
    "other": "phrase",
    "proper noun": "properNoun",
    "adj": "adjective",
    "adv": "adverb",
}


@dataclass
class Node:
    """An element: local tag name (namespace prefix dropped), attributes, text, children."""

    tag: str
    attrib: dict[str, str]
    line: int
    children: list[Node] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """All text inside, child elements' text included (TBX allows <hi> in text)."""
        return "".join(self.parts)

    def kind(self) -> str:
        """The element's ``type`` attribute, stripped."""
        return self.attrib.get("type", "").strip()

    def lang(self) -> str | None:
        """The element's language (``xml:lang`` or ``lang``), if it has one."""
        return self.attrib.get("xml:lang") or self.attrib.get("lang")

    def walk(self, stop: set[str]):
        """Descendants, not entering elements whose tag is in ``stop``."""
        for child in self.children:
            yield child
            if child.tag not in stop:
                yield from child.walk(stop)


def parse_xml(raw: bytes, path: Path) -> Node:
    """The document as a tree of Nodes with their lines; entity declarations are refused."""
    from xml.parsers import expat

    parser = expat.ParserCreate()
    stack: list[Node] = []
    root: list[Node] = []
    entries = [0]
    elements = [0]

    def start(name: str, attrs: dict[str, str]) -> None:
        if len(stack) >= MAX_XML_DEPTH:
            raise MociError(
                f"nests elements deeper than {MAX_XML_DEPTH} levels", path, parser.CurrentLineNumber
            )
        elements[0] += 1
        if elements[0] > MAX_XML_ELEMENTS:
            raise MociError(
                f"holds more than {MAX_XML_ELEMENTS:,} XML elements; a glossary import is "
                f"limited to {MAX_XML_ELEMENTS:,} (split the file)",
                path,
                parser.CurrentLineNumber,
            )
        local = name.rsplit(":", 1)[-1]
        if local in ENTRY_TAGS:
            entries[0] += 1
            refuse_runaway(entries[0], path, "entries", parser.CurrentLineNumber)
        node = Node(local, attrs, parser.CurrentLineNumber)
        if stack:
            stack[-1].children.append(node)
        else:
            root.append(node)
        stack.append(node)

    def end(_name: str) -> None:
        node = stack.pop()
        if stack:
            stack[-1].parts.append(node.text)

    def text(data: str) -> None:
        if stack:
            stack[-1].parts.append(data)

    def refuse_entities(name, *_args) -> None:
        raise MociError(
            f"declares the XML entity {name!r}; entity declarations are refused for safety",
            path,
            parser.CurrentLineNumber,
        )

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.EntityDeclHandler = refuse_entities
    parser.buffer_text = True
    try:
        parser.Parse(raw, True)
    except expat.ExpatError as exc:
        reason = expat.errors.messages[exc.code] if exc.code else str(exc)
        raise MociError(f"is not well-formed XML ({reason})", path, exc.lineno) from None
    if not root:
        raise MociError("has no XML root element", path)
    return root[0]


def read_tbx(path: Path, options: ReadOptions) -> ImportFile:
    """The concepts of a TBX file (TBX-Basic martif or TBX 2019)."""
    root = parse_xml(read_bytes(path), path)
    if root.tag not in ("martif", "tbx"):
        raise MociError(f"is XML but not TBX (its root element is <{root.tag}>)", path, root.line)
    result = ImportFile(path=path, format="tbx")
    _read_header(root, result)
    file_lang = root.lang() or options.source_language
    for node in root.walk(ENTRY_TAGS):
        if node.tag in ENTRY_TAGS:
            incoming = _entry(node, file_lang, options, result)
            if incoming is not None:
                result.concepts.append(incoming)
    if not result.concepts and not result.problems:
        result.problem(root.line, "holds no termEntry (or conceptEntry) elements")
    return result


def _read_header(root: Node, result: ImportFile) -> None:
    import re

    for node in root.walk(ENTRY_TAGS):
        if node.tag == "sourceDesc":
            text = " ".join(node.text.split())
            if text.startswith(f"{GENERATOR}:"):
                result.ours = True
                found = re.search(r"\s(\d+\.\d+\.\d+\S*)$", text)
                result.version = found.group(1) if found else None
            return


def _clean(text: str) -> str:
    return clean_spaces(nfc(text))


def _entry(node: Node, file_lang: str, options: ReadOptions, result: ImportFile):
    entry_id = node.attrib.get("id", "")
    concept = Concept(id=entry_id if result.ours and is_slug(entry_id) else "")
    notes: dict[str, list[str]] = {}
    for child in node.walk(LANG_TAGS | TERM_TAGS):
        kind = child.kind()
        value = _clean(child.text)
        if child.tag in LANG_TAGS:
            _lang_set(child, concept, notes, result)
        elif not value or child.tag in TERM_TAGS:
            continue
        elif child.tag == "descrip" and kind == "subjectField":
            concept.domain = _slug(value) or None
        elif child.tag == "admin" and kind in ("customerSubset", "projectSubset"):
            tag = _slug(value)
            if tag and tag not in concept.tags:
                concept.tags.append(tag)
        elif child.tag == "ref" and kind == "crossReference" and result.ours:
            target = child.attrib.get("target", "")
            if is_slug(target) and target not in concept.related:
                concept.related.append(target)
        elif child.tag == "descrip" and kind == "definition":
            concept.definition.setdefault(file_lang, value)
        elif child.tag == "descrip" and kind.casefold() == "translation needed":
            concept.do_not_translate = value.casefold() == "no"
        elif child.tag == "note" or (child.tag == "descrip" and kind.casefold() == "usage note"):
            _add_note(notes, file_lang, value)
    for lang, texts in notes.items():
        concept.note[lang] = "\n".join(texts)
    if options.languages:
        keep = {options.source_language, *options.languages}
        concept.terms = {lang: terms for lang, terms in concept.terms.items() if lang in keep}
    if not concept.terms:
        result.problem(node.line, "holds no term; the entry was left out")
        return None
    return Incoming(concept=concept, line=node.line, group=entry_id)


def _add_note(notes: dict[str, list[str]], lang: str, text: str) -> None:
    texts = notes.setdefault(lang, [])
    if text not in texts:  # Weblate's own test file repeats notes
        texts.append(text)


def _slug(text: str) -> str:
    from moci_vocab.textnorm import slugify

    return slugify(text)


def _lang_set(node: Node, concept: Concept, notes, result: ImportFile) -> None:
    from moci_vocab.languages import gettext_to_bcp47

    raw_lang = node.lang()
    if not raw_lang:
        result.problem(node.line, f"<{node.tag}> has no xml:lang; it was left out")
        return
    lang = gettext_to_bcp47(raw_lang)
    terms = concept.terms.setdefault(lang, [])
    for child in node.walk(TERM_TAGS):
        value = _clean(child.text)
        if child.tag in TERM_TAGS:
            term = _term(child, result)
            if term is not None:
                terms.append(term)
        elif not value:
            continue
        elif child.tag == "descrip" and child.kind() == "definition":
            concept.definition.setdefault(lang, value)
        elif child.tag == "note":
            _add_note(notes, lang, value)
    if not terms:
        del concept.terms[lang]
        return
    if all(term.status == "" for term in terms):
        terms[0].status = "preferred"
    for term in terms:
        term.status = term.status or "admitted"


def _term(node: Node, result: ImportFile) -> Term | None:
    term = Term(term="", status="")
    term_notes: list[str] = []
    for child in node.walk(set()):
        value = _clean(child.text)
        kind = child.kind()
        if not value:
            continue
        if child.tag == "term":
            term.term = value
        elif child.tag == "termNote" and kind in ("administrativeStatus", "normativeAuthorization"):
            term.status = _status(value) or term.status
        elif child.tag == "termNote" and kind == "partOfSpeech":
            term.pos = POS_FROM_TBX.get(value.casefold())
        elif child.tag == "termNote" and kind == "termType":
            term.type = next((t for t in TERM_TYPES if t.casefold() == value.casefold()), None)
        elif child.tag == "termNote" and kind == "grammaticalGender":
            term.gender = value.casefold() if value.casefold() in GENDERS else None
        elif child.tag == "termNote" and kind == FORM_NOTE:
            term.forms.append(value)
        elif child.tag == "termNote" and kind == CASE_NOTE:
            term.case_sensitive = value.casefold() == "yes"
        elif child.tag == "descrip" and kind == "context":
            term.context = value
        elif child.tag == "admin" and kind == "source":
            term.source = value
        elif child.tag == "note" and value == FORBIDDEN_NOTE:
            term.status = "forbidden"
        elif child.tag == "note" and value not in term_notes:
            term_notes.append(value)
    if not term.term:
        result.problem(node.line, f"<{node.tag}> has no term; it was left out")
        return None
    term.note = "\n".join(term_notes) or None
    return term


def _status(value: str) -> str | None:
    key = value.casefold().removesuffix("-admn-sts").removesuffix("term").replace("-", "")
    return STATUS_FROM_TBX.get(key)
