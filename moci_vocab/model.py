"""The data model: concepts, terms, review state, the manifest.

Concept-oriented after TBX (ISO 30042) and ISO 704: a Concept is one idea,
with per language one or more Terms. Field names are the spec's contract;
``to_dict`` gives them in the canonical key order that the store writes.
Fields the model does not know (``extra``, e.g. ``x-source: …`` added by
hand) are kept as they were read and written after the known ones, in the
order of the file: `check` warns about them (MV003), no command drops them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

CONCEPT_STATUSES = ("draft", "approved", "retired")
TERM_STATUSES = ("preferred", "admitted", "deprecated", "forbidden")
ALLOWED_STATUSES = ("preferred", "admitted")
REVIEW_STATES = ("draft", "reviewed", "approved")
PARTS_OF_SPEECH = ("noun", "verb", "adjective", "adverb", "phrase", "properNoun")
TERM_TYPES = ("fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase")
GENDERS = ("masculine", "feminine", "neuter", "other")

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

CONCEPT_KEYS = (
    "id",
    "domain",
    "tags",
    "status",
    "do_not_translate",
    "definition",
    "note",
    "related",
    "broader",
    "terms",
    "not_senses",
    "ignore",
)
TERM_KEYS = (
    "term",
    "status",
    "type",
    "pos",
    "gender",
    "case_sensitive",
    "forms",
    "context",
    "note",
    "source",
    "review",
)
REVIEW_KEYS = ("state", "by", "date")
IGNORE_KEYS = ("code", "lang", "reason")


def _with_extra(data: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``data`` followed by the unknown fields (a known key is never overwritten)."""
    for key, value in extra.items():
        data.setdefault(key, value)
    return data


def is_slug(text: str) -> bool:
    # fullmatch: with match, `$` also matches before a final newline ("x\n").
    """Whether ``text`` is a slug: lowercase a-z and digits in hyphen-separated runs."""
    return isinstance(text, str) and SLUG_RE.fullmatch(text) is not None


def with_set(data: dict[str, Any], **optional: Any) -> dict[str, Any]:
    """``data`` with those ``optional`` fields added that are set (in their order)."""
    data.update((key, value) for key, value in optional.items() if value)
    return data


@dataclass
class Review:
    """A term's review: its state, who reviewed it and when."""

    state: str = "draft"
    by: str | None = None
    date: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The review as the concept file has it (canonical key order)."""
        return _with_extra(with_set({"state": self.state}, by=self.by, date=self.date), self.extra)


@dataclass
class Term:
    """One term of a concept in one language, with its status and grammar."""

    term: str
    status: str = "preferred"
    type: str | None = None
    pos: str | None = None
    gender: str | None = None
    case_sensitive: bool = False
    forms: list[str] = field(default_factory=list)
    context: str | None = None
    note: str | None = None
    source: str | None = None
    review: Review | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def allowed(self) -> bool:
        """Preferred and admitted terms are the ones a translation may use."""
        return self.status in ALLOWED_STATUSES

    def to_dict(self) -> dict[str, Any]:
        """The term as the concept file has it (canonical key order, empty fields left out)."""
        data: dict[str, Any] = {"term": self.term, "status": self.status}
        for key in ("type", "pos", "gender"):
            value = getattr(self, key)
            if value:
                data[key] = value
        if self.case_sensitive:
            data["case_sensitive"] = True
        if self.forms:
            data["forms"] = list(self.forms)
        for key in ("context", "note", "source"):
            value = getattr(self, key)
            if value:
                data[key] = value
        if self.review is not None:
            data["review"] = self.review.to_dict()
        return _with_extra(data, self.extra)


@dataclass
class Ignore:
    """A finding silenced in the concept file, with the reason why."""

    code: str
    reason: str
    lang: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The silenced finding as the concept file has it."""
        data: dict[str, Any] = {"code": self.code}
        if self.lang:
            data["lang"] = self.lang
        data["reason"] = self.reason
        return _with_extra(data, self.extra)


@dataclass
class Concept:
    """One idea with its terms per language; the rules about its terms are its methods."""

    id: str
    domain: str | None = None
    tags: list[str] = field(default_factory=list)
    status: str = "draft"
    do_not_translate: bool = False
    definition: dict[str, str] = field(default_factory=dict)
    note: dict[str, str] = field(default_factory=dict)
    related: list[str] = field(default_factory=list)
    broader: list[str] = field(default_factory=list)
    terms: dict[str, list[Term]] = field(default_factory=dict)
    # Source-language phrases where a term's word has another sense ("bug tracker"
    # for a concept `tracker`): check-po does not demand the concept there.
    not_senses: list[str] = field(default_factory=list)
    ignore: list[Ignore] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def preferred(self, lang: str) -> Term | None:
        """The preferred term in ``lang`` (the first one, if a file has several)."""
        for term in self.terms.get(lang, ()):
            if term.status == "preferred":
                return term
        return None

    def needs_term(self, lang: str, source: str) -> bool:
        """Whether the concept asks for a term in ``lang`` (names kept as they are do not)."""
        # A do-not-translate name is written the same everywhere: only the source needs it.
        return lang == source or not self.do_not_translate

    def representative(self, lang: str) -> Term | None:
        """The term that stands for the concept in ``lang``; None when it has no term there.

        The preferred term; failing that (a glossary being written) the first
        allowed term; failing that the first term. Every place that names a
        concept by one term (PO msgid, booklet headword, list, check-po) asks here.
        """
        terms = self.terms.get(lang, ())
        preferred = next((t for t in terms if t.status == "preferred"), None)
        return preferred or next((t for t in terms if t.allowed), None) or next(iter(terms), None)

    def add_term(self, lang: str, term: Term) -> Term:
        """Add ``term`` in ``lang`` unless an equal one (same match key) is there; return it.

        One preferred term per language: a new preferred term becomes admitted
        when ``lang`` has a preferred term already (``prefer`` changes which).
        """
        have = self.find_term(lang, term.term)
        if have is not None:
            return have
        if term.status == "preferred" and self.preferred(lang) is not None:
            term.status = "admitted"
        self.terms.setdefault(lang, []).append(term)
        return term

    def prefer(self, lang: str, term: Term) -> list[Term]:
        """Make ``term`` the one preferred term in ``lang``; return the terms made admitted."""
        term.status = "preferred"
        demoted = [t for t in self.terms.get(lang, ()) if t is not term and t.status == "preferred"]
        for other in demoted:
            other.status = "admitted"
        return demoted

    def find_term(self, lang: str, text: str) -> Term | None:
        """The term in ``lang`` that equals ``text`` once both are match keys, or None."""
        from moci_vocab.textnorm import match_key

        key = match_key(text)
        for term in self.terms.get(lang, ()):
            if match_key(term.term) == key:
                return term
        return None

    def all_terms(self):
        """(lang, term) for every term of the concept."""
        for lang, terms in self.terms.items():
            for term in terms:
                yield lang, term

    def references(self) -> list[str]:
        """The ids this concept links to: related, then broader."""
        return [*self.related, *self.broader]

    def to_dict(self) -> dict[str, Any]:
        """The canonical structure of the concept's YAML file."""
        data: dict[str, Any] = {"id": self.id}
        if self.domain:
            data["domain"] = self.domain
        if self.tags:
            data["tags"] = list(self.tags)
        data["status"] = self.status
        if self.do_not_translate:
            data["do_not_translate"] = True
        data["definition"] = dict(self.definition)
        if self.note:
            data["note"] = dict(self.note)
        if self.related:
            data["related"] = list(self.related)
        if self.broader:
            data["broader"] = list(self.broader)
        data["terms"] = {
            lang: [term.to_dict() for term in terms] for lang, terms in self.terms.items() if terms
        }
        if self.not_senses:
            data["not_senses"] = list(self.not_senses)
        if self.ignore:
            data["ignore"] = [item.to_dict() for item in self.ignore]
        return _with_extra(data, self.extra)


@dataclass
class LanguageSpec:
    """A language of the glossary: its tag, script, whether required, name overrides."""

    tag: str
    script: str
    required: bool = False
    # Overrides for the few languages whose name CLDR lacks (Montenegrin, cnr).
    name: str | None = None
    autonym: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The language as the manifest has it."""
        data = {"script": self.script, "required": self.required}
        return with_set(data, name=self.name, autonym=self.autonym)


@dataclass
class Manifest:
    """The glossary's manifest: name, version, languages, vocabularies, check settings."""

    name: str
    version: str = "0.1.0"
    source_language: str = "en"
    languages: dict[str, LanguageSpec] = field(default_factory=dict)
    domains: dict[str, str] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)
    checks: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The manifest as its file has it (canonical key order, unknown keys kept)."""
        data: dict[str, Any] = {
            "name": self.name,
            "version": self.version,
            "source_language": self.source_language,
            "languages": {tag: spec.to_dict() for tag, spec in self.languages.items()},
            "domains": dict(self.domains),
            "tags": dict(self.tags),
            "checks": dict(self.checks),
        }
        data.update(self.extra)
        return data

    def language_order(self) -> list[str]:
        """Source language first, then the manifest's order."""
        rest = [tag for tag in self.languages if tag != self.source_language]
        return [self.source_language, *rest]


@dataclass
class Glossary:
    """A loaded glossary: the manifest and its concepts by id (sorted)."""

    root: Any  # pathlib.Path; Any keeps this module free of I/O imports
    manifest: Manifest
    concepts: dict[str, Concept] = field(default_factory=dict)
    # concept id → (its file's name in terms/, store.places_of the file): set by the loader
    places: dict[str, tuple[str, bytes]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def source_language(self) -> str:
        """The manifest's source language."""
        return self.manifest.source_language

    def languages(self) -> list[str]:
        """The glossary's languages: the source language first, then the manifest's order."""
        return self.manifest.language_order()

    def ordered_terms(self, terms: dict[str, list[Term]]) -> dict[str, list[Term]]:
        """``terms`` by language in the manifest order (unknown tags last, A-Z); no empty lists."""
        order = {lang: i for i, lang in enumerate(self.languages())}
        items = sorted(terms.items(), key=lambda item: (order.get(item[0], len(order)), item[0]))
        return {lang: value for lang, value in items if value}
