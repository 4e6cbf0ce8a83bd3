"""SKOS: the glossary as linked data, in Turtle and JSON-LD.

``<name>.ttl`` and ``<name>.jsonld`` hold the same RDF graph, so that other
vocabularies (and Glossarist, which reads SKOS and SKOS-XL) can link to the
concepts:

- the glossary is a ``skos:ConceptScheme`` (``dct:title``,
  ``owl:versionInfo``, ``dct:issued`` once released, ``skos:hasTopConcept``
  for every concept without a broader one);
- each concept is a ``skos:Concept`` with ``skos:notation`` (its id),
  ``skos:definition`` and ``skos:note`` per language, ``skos:broader`` and
  ``skos:related``, and moci-vocab's own ``status``, ``domain``, ``tag`` and
  ``doNotTranslate``;
- each term is a SKOS-XL label (``skosxl:Label`` with ``skosxl:literalForm``)
  that keeps its status: the preferred term is ``skosxl:prefLabel``,
  admitted terms ``skosxl:altLabel``, deprecated and forbidden ones
  ``skosxl:hiddenLabel`` (SKOS's place for forms that are known but not to be
  used), each with ``termStatus`` and the term's other fields (part of
  speech, type, gender, forms, case sensitivity, context, note, source). The
  plain ``skos:prefLabel``/``altLabel``/``hiddenLabel`` literals are there
  too, for tools that read SKOS without SKOS-XL.

IRIs: the scheme is ``<base>`` and a concept ``<base>/<id>``, a label
``<base>/<id>/<lang>/<n>``. The base is the manifest's ``base_uri`` if it
sets one (the address where the vocabulary is published), else the URN
``urn:moci-vocab:<name>``. moci-vocab's own properties are in the namespace
``urn:moci-vocab:ns#``. Literals are escaped for Turtle (quotes, backslashes,
line breaks, control characters) and written by ``json.dumps`` for JSON-LD.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from moci_vocab.errors import MociError
from moci_vocab.exporters import ExportRequest
from moci_vocab.model import Concept, Term
from moci_vocab.versioninfo import UNRELEASED_DATE, export_date

PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "skosxl": "http://www.w3.org/2008/05/skos-xl#",
    "dct": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "moci": "urn:moci-vocab:ns#",
}
LABEL_KIND = {
    "preferred": "prefLabel",
    "admitted": "altLabel",
    "deprecated": "hiddenLabel",
    "forbidden": "hiddenLabel",
}
_UNSAFE_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_TURTLE_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_CONTROL = re.compile(r'[\\"\x00-\x1f\x7f]')


class Literal(NamedTuple):
    """An RDF literal: text with a language tag or a datatype (compact IRI), or neither."""

    text: str
    lang: str | None = None
    datatype: str | None = None


class IRI(NamedTuple):
    """A full IRI."""

    value: str


Triple = tuple[IRI, str, "IRI | Literal"]  # the predicate as a compact IRI (skos:…)


def export_skos(request: ExportRequest) -> list[Path]:
    """``<name>.ttl`` and ``<name>.jsonld``."""
    turtle_parts = [turtle_prefixes()]
    json_lines: list[str] = []
    for group in triple_groups(request):  # a concept at a time: little memory, little GC
        nodes = by_subject(group)
        turtle_parts.append(turtle_nodes(nodes))
        json_lines.extend(jsonld_nodes(nodes))
    turtle = Path(request.outdir) / f"{request.name_slug}.ttl"
    jsonld = Path(request.outdir) / f"{request.name_slug}.jsonld"
    request.write(turtle, "".join(turtle_parts))
    request.write(jsonld, jsonld_document(json_lines))
    return [turtle, jsonld]


def base_iri(request: ExportRequest) -> str:
    """The scheme's IRI: the manifest's ``base_uri``, else ``urn:moci-vocab:<name>``."""
    base = str(request.glossary.manifest.extra.get("base_uri") or "").rstrip("/")
    if not base:
        return f"urn:moci-vocab:{request.name_slug}"
    if _UNSAFE_IRI.search(base) or ":" not in base:
        raise MociError(f"the manifest's base_uri {base!r} is not an IRI")
    return base


def triple_groups(request: ExportRequest) -> Iterator[list[Triple]]:
    """The triples of the export: the scheme's first, then each concept's with its labels."""
    scheme = IRI(base_iri(request))
    manifest = request.glossary.manifest
    source = request.source_language
    triples: list[Triple] = [
        (scheme, "rdf:type", IRI(PREFIXES["skos"] + "ConceptScheme")),
        (scheme, "dct:title", Literal(manifest.name, lang=source)),
        (scheme, "owl:versionInfo", Literal(manifest.version)),
    ]
    issued = export_date(request.glossary)
    if issued != UNRELEASED_DATE:
        triples.append((scheme, "dct:issued", Literal(issued, datatype="xsd:date")))
    for concept in request.concepts:
        if not concept.broader:
            triples.append((scheme, "skos:hasTopConcept", concept_iri(scheme, concept.id)))
    yield triples
    chosen = set(request.languages)
    for concept in request.concepts:
        yield _concept(scheme, concept_iri(scheme, concept.id), concept, chosen)


def concept_iri(scheme: IRI, concept_id: str) -> IRI:
    """The IRI of a concept of the scheme."""
    return IRI(f"{scheme.value}/{concept_id}")


def _concept(scheme: IRI, node: IRI, concept: Concept, chosen: set[str]) -> list[Triple]:
    out: list[Triple] = [
        (node, "rdf:type", IRI(PREFIXES["skos"] + "Concept")),
        (node, "skos:inScheme", scheme),
        (node, "skos:notation", Literal(concept.id)),
        (node, "moci:status", Literal(concept.status)),
    ]
    if concept.domain:
        out.append((node, "moci:domain", Literal(concept.domain)))
    out += [(node, "moci:tag", Literal(tag)) for tag in concept.tags]
    if concept.do_not_translate:
        out.append((node, "moci:doNotTranslate", Literal("true", datatype="xsd:boolean")))
    for key, texts in (("skos:definition", concept.definition), ("skos:note", concept.note)):
        out += [(node, key, Literal(text, lang)) for lang, text in texts.items() if lang in chosen]
    out += [(node, "skos:broader", concept_iri(scheme, ref)) for ref in concept.broader]
    out += [(node, "skos:related", concept_iri(scheme, ref)) for ref in concept.related]
    for lang, terms in concept.terms.items():
        if lang not in chosen:
            continue
        has_preferred = False
        for number, term in enumerate(terms, 1):
            kind = LABEL_KIND[term.status]
            if kind == "prefLabel" and has_preferred:
                kind = "altLabel"  # SKOS allows one prefLabel per language
            has_preferred = has_preferred or kind == "prefLabel"
            label = IRI(f"{node.value}/{lang}/{number}")
            out.append((node, f"skos:{kind}", Literal(term.term, lang)))
            out.append((node, f"skosxl:{kind}", label))
            out.extend(_label(label, lang, term))
    return out


def _label(label: IRI, lang: str, term: Term) -> list[Triple]:
    out: list[Triple] = [
        (label, "rdf:type", IRI(PREFIXES["skosxl"] + "Label")),
        (label, "skosxl:literalForm", Literal(term.term, lang)),
        (label, "moci:termStatus", Literal(term.status)),
    ]
    for key, value in (("partOfSpeech", term.pos), ("termType", term.type)):
        if value:
            out.append((label, f"moci:{key}", Literal(value)))
    if term.gender:
        out.append((label, "moci:gender", Literal(term.gender)))
    out += [(label, "moci:form", Literal(form, lang)) for form in term.forms]
    if term.case_sensitive:
        out.append((label, "moci:caseSensitive", Literal("true", datatype="xsd:boolean")))
    if term.context:
        out.append((label, "moci:context", Literal(term.context, lang)))
    if term.note:
        out.append((label, "skos:note", Literal(term.note, lang)))
    if term.source:
        out.append((label, "dct:source", Literal(term.source)))
    return out


# ------------------------------------------------------------------ Turtle


def turtle_string(text: str) -> str:
    """A Turtle string literal: quotes, backslashes and control characters escaped."""

    def one(match: re.Match[str]) -> str:
        char = match.group()
        return _TURTLE_ESCAPES.get(char) or f"\\u{ord(char):04X}"

    return '"' + _CONTROL.sub(one, text) + '"'


def _turtle_object(value: IRI | Literal) -> str:
    if isinstance(value, IRI):
        return f"<{value.value}>"
    text = turtle_string(value.text)
    if value.lang:
        return f"{text}@{value.lang}"
    if value.datatype:
        return f"{text}^^{value.datatype}"
    return text


Nodes = dict[IRI, list[tuple[str, "IRI | Literal"]]]


def by_subject(triples: list[Triple]) -> Nodes:
    """The triples grouped by subject, in their order."""
    grouped: Nodes = {}
    for subject, predicate, value in triples:
        grouped.setdefault(subject, []).append((predicate, value))
    return grouped


def turtle_prefixes() -> str:
    """The Turtle file's ``@prefix`` lines."""
    return "".join(f"@prefix {prefix}: <{iri}> .\n" for prefix, iri in PREFIXES.items())


def turtle_nodes(nodes: Nodes) -> str:
    """Turtle blocks, one per subject, each after an empty line."""
    blocks = []
    for subject, pairs in nodes.items():
        body = [f"    {predicate} {_turtle_object(value)}" for predicate, value in pairs]
        blocks.append(f"\n<{subject.value}>\n" + " ;\n".join(body) + " .\n")
    return "".join(blocks)


# ------------------------------------------------------------------ JSON-LD


def _jsonld_value(value: IRI | Literal) -> dict[str, str]:
    if isinstance(value, IRI):
        return {"@id": value.value}
    data = {"@value": value.text}
    if value.lang:
        data["@language"] = value.lang
    elif value.datatype:
        data["@type"] = value.datatype
    return data


def jsonld_nodes(nodes: Nodes) -> list[str]:
    """A JSON-LD node object per subject, each on one line."""
    lines = []
    for subject, pairs in nodes.items():
        node: dict[str, list[dict[str, str]]] = {}
        for predicate, value in pairs:
            node.setdefault(predicate, []).append(_jsonld_value(value))
        # json's C encoder (no indent): fast, and still a node per line to read or diff
        lines.append(json.dumps({"@id": subject.value, **node}, ensure_ascii=False))
    return lines


def jsonld_document(lines: list[str]) -> str:
    """The JSON-LD file: a ``@context`` with the prefixes and the nodes in ``@graph``."""
    context = json.dumps(PREFIXES, ensure_ascii=False)
    return '{"@context": ' + context + ',\n "@graph": [\n' + ",\n".join(lines) + "\n]}\n"
