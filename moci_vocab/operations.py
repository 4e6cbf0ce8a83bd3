"""What the editing commands do to a glossary, without the command line.

Each function validates its input against the glossary, changes the model
and returns the staged file changes (``fsutil.Changes``) plus messages for
the user; the caller applies the changes under the write lock. Nothing here
prints or touches files directly, so every operation is testable alone.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

from moci_vocab import languages
from moci_vocab.errors import MociError
from moci_vocab.fsutil import Changes
from moci_vocab.model import (
    CONCEPT_STATUSES,
    GENDERS,
    PARTS_OF_SPEECH,
    REVIEW_STATES,
    TERM_STATUSES,
    TERM_TYPES,
    Concept,
    Glossary,
    LanguageSpec,
    Manifest,
    Review,
    Term,
    is_slug,
)
from moci_vocab.records import Record
from moci_vocab.store import (
    CHANGELOG,
    TERMS,
    canonical_manifest_text,
    concept_path,
    manifest_path,
    require_concept,
    stage_concept,
    stage_manifest,
)
from moci_vocab.textnorm import clean_spaces, control_problem, match_key, nfc


class Outcome(Record):
    """Staged changes and what to tell the user about them."""

    _fields = ("changes", "messages", "concept")

    def __init__(
        self,
        changes: Changes | None = None,
        messages: list[str] | None = None,
        concept: Concept | None = None,
    ) -> None:
        self.changes = Changes() if changes is None else changes
        self.messages: list[str] = [] if messages is None else messages
        self.concept = concept


# --------------------------------------------------------------------------- one change


@contextlib.contextmanager
def changing(root: Path, on_finished: Callable[[list[Path]], None] | None = None) -> Iterator[None]:
    """Hold the glossary's write lock around one change.

    A change a killed command left half-made is finished first (the one crash
    recovery of a writing command); ``on_finished`` hears of its files.
    """
    from moci_vocab.store import locked

    with locked(root) as finished:
        if finished and on_finished is not None:
            on_finished(finished)
        yield


@contextlib.contextmanager
def editing(
    root: Path, on_finished: Callable[[list[Path]], None] | None = None, one: bool = False
) -> Iterator[Glossary]:
    """The glossary at ``root``, loaded strictly under the write lock (see ``changing``).

    ``one``: for a change to one concept, whose concepts are parsed when asked for
    (``fileindex.editing_glossary``: the same refusals and warnings, a fraction of the time).
    """
    import gc

    from moci_vocab.cache import gc_paused
    from moci_vocab.fileindex import editing_glossary
    from moci_vocab.store import load_glossary

    with changing(root, on_finished):
        if one:
            # A change to one concept makes few objects, and they die with the command: the
            # collector stays paused (it would only walk the modules imported on the way,
            # ~20 M instructions of a translate on 10,000 concepts).
            with gc_paused():
                yield editing_glossary(root)
            return
        glossary = load_glossary(root)
        # The loaded glossary lives as long as the command: the collector, left to walk its
        # million objects whenever the command makes new ones, only finds that none is garbage.
        gc.freeze()
        try:
            yield glossary
        finally:
            gc.unfreeze()


def near_duplicate_warnings(
    glossary: Glossary, terms: list[tuple[str, str]], exclude: str | None
) -> list[str]:
    """One line per existing term that a new (lang, text) term looks like."""
    from moci_vocab.matching import near_duplicates

    found = []
    for lang, text in terms:
        lang = require_language(glossary, lang)
        for hit in near_duplicates(glossary, lang, text, exclude_concept=exclude):
            found.append(
                f"  {lang} {text!r} looks like {hit.term!r} in {hit.concept} ({hit.score:.0f}%)"
            )
    return found


def _staged(outcome: Outcome, glossary: Glossary, concept: Concept, message: str) -> Outcome:
    """``outcome`` with ``concept``'s file staged, the concept set and ``message`` said."""
    stage_concept(outcome.changes, Path(glossary.root), concept)
    outcome.concept = concept
    outcome.messages.append(message)
    return outcome


# --------------------------------------------------------------------------- input checks


def clean_text(text: str, what: str) -> str:
    """``text`` as the glossary keeps it (NFC, spaces tidied); empty or control text is refused."""
    cleaned = clean_spaces(nfc(text))
    if not cleaned:
        raise MociError(f"the {what} is empty")
    problem = control_problem(cleaned, f"the {what}")
    if problem is not None:
        # The loader refuses such text (the same rule), so writing it would break the glossary.
        raise MociError(problem)
    return cleaned


def require_language(glossary: Glossary, lang: str) -> str:
    """``lang`` as the manifest spells it, or an error listing the glossary's languages."""
    resolved = languages.resolve_tag(lang, glossary.manifest.languages)
    if resolved is not None:
        return resolved
    problem = languages.tag_problem(lang)
    known = ", ".join(glossary.manifest.languages)
    if problem:
        raise MociError(f"{problem}; this glossary's languages are: {known}")
    raise MociError(
        f"the language {lang!r} is not in this glossary (languages: {known}); "
        f"add it under `languages` in {manifest_path(Path('.')).as_posix()}"
    )


def require_term(
    glossary: Glossary, concept_id: str, lang: str, text: str
) -> tuple[Concept, str, Term]:
    """The concept, the language as the manifest spells it, and its term ``text``; or an error
    listing the concept's terms in that language."""
    concept = require_concept(glossary, concept_id)
    lang = require_language(glossary, lang)
    term = concept.find_term(lang, text)
    if term is None:
        have = ", ".join(repr(t.term) for t in concept.terms.get(lang, ())) or "none"
        raise MociError(f"{concept_id} has no {lang} term {text!r} (its {lang} terms: {have})")
    return concept, lang, term


def require_choice(value: str, allowed: tuple[str, ...], what: str) -> str:
    """``value`` if it is one of ``allowed``, else an error listing them."""
    if value not in allowed:
        raise MociError(f"{what} {value!r} is not one of: {', '.join(allowed)}")
    return value


def parse_assignment(text: str, what: str) -> tuple[str, str]:
    """`LANG=TEXT` → (lang, text)."""
    lang, sep, value = text.partition("=")
    if not sep or not lang.strip():
        raise MociError(f"{what} {text!r} must look like LANG=TEXT, e.g. sq=pajtim")
    return lang.strip(), value


class TermFields(Record):
    """The optional fields of a term as a command gives them; None leaves a field as it is.

    An empty string clears a text field; ``forms`` replaces the term's forms when given.
    """

    _fields = ("pos", "type", "gender", "case_sensitive", "forms", "context", "note", "source")

    def __init__(
        self,
        pos: str | None = None,
        type: str | None = None,
        gender: str | None = None,
        case_sensitive: bool | None = None,
        forms: list[str] | None = None,
        context: str | None = None,
        note: str | None = None,
        source: str | None = None,
    ) -> None:
        self.pos = pos
        self.type = type
        self.gender = gender
        self.case_sensitive = case_sensitive
        self.forms = forms
        self.context = context
        self.note = note
        self.source = source

    def given(self) -> bool:
        """Whether any field is set."""
        return any(getattr(self, name) is not None for name in TERM_FIELD_NAMES)


TERM_FIELD_NAMES = ("pos", "type", "gender", "case_sensitive", "forms", "context", "note", "source")
_FIELD_CHOICES = {"pos": PARTS_OF_SPEECH, "type": TERM_TYPES, "gender": GENDERS}


def apply_term_fields(term: Term, fields: TermFields) -> list[str]:
    """Set the given fields on ``term`` (validated); returns the names of the changed ones."""
    changed = []
    for name in TERM_FIELD_NAMES:
        value = getattr(fields, name)
        if value is None:
            continue
        if name == "case_sensitive":
            new = bool(value)
        elif name == "forms":
            new = [clean_text(form, "form") for form in value if form.strip()]
        elif not value.strip():
            new = None
        elif name in _FIELD_CHOICES:
            new = require_choice(value.strip(), _FIELD_CHOICES[name], f"the {name}")
        else:
            new = clean_text(value, name)
        if getattr(term, name) != new:
            setattr(term, name, new)
            changed.append(name)
    return changed


def _use_vocabulary(glossary: Glossary, kind: str, value: str, outcome: Outcome) -> None:
    """Tags and domains must be in the manifest; a new one is added there, and said so."""
    if not is_slug(value):
        raise MociError(f"the {kind} {value!r} is not a slug (lowercase, digits, hyphens)")
    manifest = glossary.manifest
    vocabulary = manifest.tags if kind == "tag" else manifest.domains
    if value not in vocabulary:
        vocabulary[value] = ""
        outcome.messages.append(f"added the new {kind} {value!r} to the manifest")
        stage_manifest(outcome.changes, Path(glossary.root), manifest)


# --------------------------------------------------------------------------- init


def init_glossary(
    root: Path, name: str, source: str, langs: list[str], required: list[str] | None = None
) -> Outcome:
    """A new, empty glossary repository at ``root``; the source language and ``required``
    ones must have a term in every concept (the others may be filled in over time)."""
    if (root / "glossary" / "glossary.yaml").exists():
        raise MociError("already holds a glossary", root / "glossary" / "glossary.yaml")
    tags = [languages.normalize_tag(tag) for tag in [source, *langs] if tag.strip()]
    specs: dict[str, LanguageSpec] = {}
    for tag in tags:
        problem = languages.tag_problem(tag)
        if problem:
            raise MociError(problem)
        specs.setdefault(tag, LanguageSpec(tag, languages.default_script(tag), required=False))
    for tag in [tags[0], *(languages.normalize_tag(t) for t in required or [])]:
        if tag not in specs:
            raise MociError(f"--required names {tag!r}, which is not one of {', '.join(tags)}")
        specs[tag].required = True
    manifest = Manifest(name=name, version="0.1.0", source_language=tags[0], languages=specs)
    outcome = Outcome()
    outcome.changes.write(root / "glossary" / "glossary.yaml", canonical_manifest_text(manifest))
    outcome.changes.write(root / CHANGELOG, f"# Changelog of {name}\n")
    outcome.changes.write(root / TERMS / ".gitkeep", "")
    # .*.tmp and the journal: left only by a command killed in the middle of a change,
    # which the next command finishes (fsutil.Changes.apply).
    ignored = "/exports/\n.moci-cache/\n.*.tmp\n/.moci-journal.json\n"
    outcome.changes.write(root / ".gitignore", ignored)
    outcome.messages.append(f"created the glossary {name!r} in {root} ({', '.join(tags)})")
    return outcome


# --------------------------------------------------------------------------- add


class NewConcept(Record):
    """What `add` is given: the id, terms, definitions, tags, domain and flags."""

    _fields = (
        "concept_id",
        "terms",
        "definitions",
        "tags",
        "domain",
        "do_not_translate",
        "pos",
        "fields",
    )

    def __init__(
        self,
        concept_id: str,
        terms: list[tuple[str, str]],
        definitions: list[tuple[str, str]] | None = None,
        tags: list[str] | None = None,
        domain: str | None = None,
        do_not_translate: bool = False,
        pos: str | None = None,
        fields: dict[str, TermFields] | None = None,
    ) -> None:
        self.concept_id = concept_id
        self.terms = terms
        self.definitions: list[tuple[str, str]] = [] if definitions is None else definitions
        self.tags: list[str] = [] if tags is None else tags
        self.domain = domain
        self.do_not_translate = do_not_translate
        self.pos = pos
        # lang → fields of its terms
        self.fields: dict[str, TermFields] = {} if fields is None else fields


def targeted_value(glossary: Glossary, text: str) -> tuple[str | None, str]:
    """`LANG=VALUE` → (lang, value) when LANG is one of the glossary's languages, else (None, text).

    So `--context sq=…` aims at the Albanian term while a context that happens to
    contain `=` stays whole.
    """
    lang, sep, value = text.partition("=")
    if sep and languages.normalize_tag(lang.strip()) in glossary.manifest.languages:
        return languages.normalize_tag(lang.strip()), value
    return None, text


def add_concept(glossary: Glossary, new: NewConcept) -> Outcome:
    """Add a new concept (one preferred term per language, languages in manifest order)."""
    if not is_slug(new.concept_id):
        raise MociError(
            f"{new.concept_id!r} is not a valid concept id: use lowercase letters a-z, digits "
            "and single hyphens, e.g. social-innovation"
        )
    if new.concept_id in glossary.concepts:
        raise MociError(
            f"the concept {new.concept_id!r} exists already; use `translate` or `edit`",
            concept_path(Path(glossary.root), new.concept_id),
        )
    source = glossary.source_language
    concept = Concept(id=new.concept_id, do_not_translate=new.do_not_translate)
    outcome = Outcome()
    for lang, text in new.terms:
        lang = require_language(glossary, lang)
        text = clean_text(text, f"term in {lang}")
        concept.add_term(lang, Term(term=text, status="preferred", pos=new.pos))
    if source not in concept.terms:
        raise MociError(f"a new concept needs a term in the source language: --term {source}=TEXT")
    for lang, fields in new.fields.items():
        lang = require_language(glossary, lang)
        if lang not in concept.terms:
            raise MociError(f"term fields are given for {lang}, but there is no {lang} term")
        for term in concept.terms[lang]:
            apply_term_fields(term, fields)
    for lang, text in new.definitions:
        lang = require_language(glossary, lang)
        concept.definition[lang] = clean_text(text, f"definition in {lang}")
    for tag in new.tags:
        _use_vocabulary(glossary, "tag", tag, outcome)
        if tag not in concept.tags:
            concept.tags.append(tag)
    if new.domain:
        _use_vocabulary(glossary, "domain", new.domain, outcome)
        concept.domain = new.domain
    concept.terms = glossary.ordered_terms(concept.terms)
    glossary.concepts[concept.id] = concept
    return _staged(outcome, glossary, concept, f"added the concept {concept.id!r}")


# --------------------------------------------------------------------------- translate


def translate(
    glossary: Glossary,
    concept_id: str,
    lang: str,
    text: str,
    status: str | None = None,
    note: str | None = None,
    review: str | None = None,
    fields: TermFields | None = None,
) -> Outcome:
    """A new term for ``concept_id`` in ``lang``, or the status of an existing one changed.

    A new term is preferred when the language has none yet, admitted otherwise.
    Making a term preferred demotes the previous preferred term to admitted, so
    that every language keeps exactly one preferred term.
    """
    concept = require_concept(glossary, concept_id)
    lang = require_language(glossary, lang)
    text = clean_text(text, "term")
    if status is not None:
        require_choice(status, TERM_STATUSES, "the status")
    outcome = Outcome()
    term = concept.find_term(lang, text)
    if status == "admitted":
        _keep_a_preferred(concept, lang, term, text)
    if term is None:
        term = concept.add_term(lang, Term(term=text, status=status or "preferred"))
        if status is not None:
            term.status = status  # an explicit status wins; `prefer` below keeps one preferred
        outcome.messages.append(f"{concept.id}: added {lang} term {text!r} ({term.status})")
    elif status is None and note is None and review is None and not (fields and fields.given()):
        outcome.messages.append(f"{concept.id}: {lang} {term.term!r} is already {term.status}")
    elif status is not None and status != term.status:
        outcome.messages.append(f"{concept.id}: {lang} {term.term!r}: {term.status} → {status}")
        term.status = status
    if status == "preferred":
        for other in concept.prefer(lang, term):
            outcome.messages.append(
                f"{concept.id}: {lang} {other.term!r} is now admitted (was preferred)"
            )
    if note is not None:
        term.note = clean_text(note, "note")
    if fields is not None:
        changed = apply_term_fields(term, fields)
        if changed:
            outcome.messages.append(f"{concept.id}: {lang} {term.term!r}: set {', '.join(changed)}")
    if review is not None:
        term.review = Review(state=require_choice(review, REVIEW_STATES, "the review state"))
    if status in ("deprecated", "forbidden") and concept.preferred(lang) is None:
        # Allowed (a bad term must be removable before its replacement is known), but said:
        # `check` fails with MV106 until the language has a preferred term again.
        outcome.messages.append(
            f"warning: {concept.id} now has no preferred {lang} term; "
            f"add one with `moci-vocab translate {concept.id} {lang} TEXT --status preferred`"
        )
    concept.terms = glossary.ordered_terms(concept.terms)
    stage_concept(outcome.changes, Path(glossary.root), concept)
    outcome.concept = concept
    return outcome


def _keep_a_preferred(concept: Concept, lang: str, term: Term | None, text: str) -> None:
    """Refuse to make ``text`` admitted when ``lang`` would be left with no preferred term.

    An admitted term stands beside a preferred one: without one, `check` fails (MV106).
    """
    if term is not None and term.status != "preferred":
        return  # no preferred term is lost
    if any(t.status == "preferred" and t is not term for t in concept.terms.get(lang, ())):
        return
    if term is None:
        raise MociError(
            f"{concept.id} has no preferred {lang} term for {text!r} to stand beside; "
            f"add it as the preferred one (without --status) or add a preferred term first"
        )
    raise MociError(
        f"{term.term!r} is {concept.id}'s only preferred {lang} term: made admitted, "
        f"{lang} would have none (check: MV106); make another {lang} term preferred instead "
        f"(moci-vocab translate {concept.id} {lang} TEXT --status preferred), which makes "
        "this one admitted"
    )


def deprecate(glossary: Glossary, concept_id: str, lang: str, text: str) -> Outcome:
    """Mark a term deprecated (`translate` warns if the language is left with no preferred term)."""
    _concept, lang, term = require_term(glossary, concept_id, lang, text)
    return translate(glossary, concept_id, lang, term.term, status="deprecated")


def respell(glossary: Glossary, concept_id: str, lang: str, old: str, new: str) -> Outcome:
    """The LANG term OLD of ``concept_id`` renamed in place to NEW, with every field kept.

    For corrections of spelling, case or diacritics: status, review, note, source,
    forms and the term's place in the list stay. Links (``related``, ``broader``)
    name concepts by id, never terms, so none of them changes. Near-duplicates of
    NEW (in any concept, this one included) come back as warnings.
    """
    concept, lang, term = require_term(glossary, concept_id, lang, old)
    text = clean_text(new, "new spelling")
    if text == term.term:
        raise MociError(f"{concept_id}: the {lang} term is spelled {text!r} already")
    clash = concept.find_term(lang, text)
    if clash is not None and clash is not term:
        raise MociError(
            f"{concept_id} has the {lang} term {clash.term!r} already; remove one of them "
            f"with `edit {concept_id} --remove-term {lang}=TEXT` instead"
        )
    outcome = Outcome()
    before = term.term
    term.term = text
    term.forms = [form for form in term.forms if match_key(form) != match_key(text)]
    outcome.messages.append(f"{concept.id}: {lang} {before!r} → {text!r} (every field kept)")
    outcome.messages += respell_warnings(glossary, concept, lang, term)
    stage_concept(outcome.changes, Path(glossary.root), concept)
    outcome.concept = concept
    return outcome


def respell_warnings(glossary: Glossary, concept: Concept, lang: str, term: Term) -> list[str]:
    """Warnings about terms that look like ``term`` (other concepts, and its own siblings)."""
    from moci_vocab.matching import near_duplicates

    warnings = []
    for hit in near_duplicates(glossary, lang, term.term):
        if hit.concept == concept.id and hit.term == term.term:
            continue
        where = "this concept" if hit.concept == concept.id else hit.concept
        warnings.append(
            f"warning: {lang} {term.term!r} looks like {hit.term!r} in {where} ({hit.score:.0f}%)"
        )
    return warnings


# --------------------------------------------------------------------------- edit


class Edit(Record):
    """What `edit` changes: definitions, notes, tags, domain, status, links, removed terms."""

    _fields = (
        "definitions",
        "notes",
        "add_tags",
        "remove_tags",
        "domain",
        "status",
        "do_not_translate",
        "add_related",
        "remove_related",
        "add_broader",
        "remove_broader",
        "remove_terms",
    )

    def __init__(
        self,
        definitions: list[tuple[str, str]] | None = None,
        notes: list[tuple[str, str]] | None = None,
        add_tags: list[str] | None = None,
        remove_tags: list[str] | None = None,
        domain: str | None = None,
        status: str | None = None,
        do_not_translate: bool | None = None,
        add_related: list[str] | None = None,
        remove_related: list[str] | None = None,
        add_broader: list[str] | None = None,
        remove_broader: list[str] | None = None,
        remove_terms: list[tuple[str, str]] | None = None,
    ) -> None:
        self.definitions: list[tuple[str, str]] = [] if definitions is None else definitions
        self.notes: list[tuple[str, str]] = [] if notes is None else notes
        self.add_tags: list[str] = [] if add_tags is None else add_tags
        self.remove_tags: list[str] = [] if remove_tags is None else remove_tags
        self.domain = domain
        self.status = status
        self.do_not_translate = do_not_translate
        self.add_related: list[str] = [] if add_related is None else add_related
        self.remove_related: list[str] = [] if remove_related is None else remove_related
        self.add_broader: list[str] = [] if add_broader is None else add_broader
        self.remove_broader: list[str] = [] if remove_broader is None else remove_broader
        self.remove_terms: list[tuple[str, str]] = [] if remove_terms is None else remove_terms


def edit(glossary: Glossary, concept_id: str, change: Edit) -> Outcome:
    """Change a concept as ``change`` says; the source language keeps at least one term."""
    concept = require_concept(glossary, concept_id)
    before = concept.to_dict()
    outcome = Outcome()
    for what, texts, given in (
        ("definition", concept.definition, change.definitions),
        ("note", concept.note, change.notes),
    ):
        for lang, text in given:
            lang = require_language(glossary, lang)
            if text.strip():
                texts[lang] = clean_text(text, what)
            else:
                texts.pop(lang, None)
    for tag in change.add_tags:
        _use_vocabulary(glossary, "tag", tag, outcome)
        if tag not in concept.tags:
            concept.tags.append(tag)
    concept.tags = [tag for tag in concept.tags if tag not in change.remove_tags]
    if change.domain is not None:
        if change.domain:
            _use_vocabulary(glossary, "domain", change.domain, outcome)
        concept.domain = change.domain or None
    if change.status is not None:
        concept.status = require_choice(change.status, CONCEPT_STATUSES, "the concept status")
    if change.do_not_translate is not None:
        concept.do_not_translate = change.do_not_translate
    _edit_links(glossary, concept, "related", change.add_related, change.remove_related)
    _edit_links(glossary, concept, "broader", change.add_broader, change.remove_broader)
    for lang, text in change.remove_terms:
        lang = require_language(glossary, lang)
        term = concept.find_term(lang, text)
        if term is None:
            raise MociError(f"{concept_id} has no {lang} term {text!r}")
        concept.terms[lang].remove(term)
        if not concept.terms[lang]:
            del concept.terms[lang]
        if lang == glossary.source_language and lang not in concept.terms:
            raise MociError(f"{concept_id} would have no {lang} (source language) term left")
    if concept.to_dict() == before:  # said, not "updated" (and no file written)
        outcome.concept = concept
        outcome.messages.append(f"{concept.id}: nothing to change (it already is as asked)")
        return outcome
    return _staged(outcome, glossary, concept, f"updated the concept {concept.id!r}")


def _edit_links(glossary: Glossary, concept: Concept, kind: str, add: list, remove: list) -> None:
    links: list[str] = getattr(concept, kind)
    for target in add:
        require_concept(glossary, target)
        if target == concept.id:
            raise MociError(f"a concept cannot be {kind} to itself ({target})")
        if target not in links:
            links.append(target)
    setattr(concept, kind, [target for target in links if target not in remove])


# --------------------------------------------------------------------------- rename, remove


def referrers(glossary: Glossary, concept_id: str) -> list[str]:
    """Ids of the concepts whose related or broader lists name ``concept_id``."""
    return sorted(c.id for c in glossary.concepts.values() if concept_id in c.references())


def rename(glossary: Glossary, old: str, new: str) -> Outcome:
    """Rename a concept; every concept that links to it follows."""
    concept = require_concept(glossary, old)
    if not is_slug(new):
        raise MociError(f"{new!r} is not a valid concept id (lowercase a-z, 0-9, hyphens)")
    if new in glossary.concepts:
        raise MociError(f"the concept {new!r} exists already")
    outcome = Outcome()
    root = Path(glossary.root)
    for other_id in referrers(glossary, old):
        other = glossary.concepts[other_id]
        other.related = [new if ref == old else ref for ref in other.related]
        other.broader = [new if ref == old else ref for ref in other.broader]
        stage_concept(outcome.changes, root, other)
        outcome.messages.append(f"{other_id}: now refers to {new!r}")
    outcome.changes.delete(concept_path(root, old))
    del glossary.concepts[old]
    concept.id = new
    glossary.concepts[new] = concept
    stage_concept(outcome.changes, root, concept, previous=concept_path(root, old))
    outcome.concept = concept
    outcome.messages.insert(0, f"renamed {old!r} to {new!r}")
    return outcome


def remove(glossary: Glossary, concept_id: str) -> Outcome:
    """Remove a concept, refused while another concept links to it."""
    require_concept(glossary, concept_id)
    users = referrers(glossary, concept_id)
    if users:
        one = len(users) == 1
        raise MociError(
            f"cannot remove {concept_id!r}: {', '.join(users)} still "
            f"{'refers' if one else 'refer'} to it (edit {'it' if one else 'them'} with "
            "--remove-related/--remove-broader first, or retire the concept "
            "with `edit --status retired`)"
        )
    outcome = Outcome()
    outcome.changes.delete(concept_path(Path(glossary.root), concept_id))
    del glossary.concepts[concept_id]
    outcome.messages.append(f"removed the concept {concept_id!r}")
    return outcome


# --------------------------------------------------------------------------- approve


def approve(
    glossary: Glossary,
    targets: list,
    by: str,
    date: str | None = None,
    state: str = "approved",
) -> Outcome:
    """Review state, reviewer and date (today by default) set on the terms ``targets`` name.

    ``targets`` are ``review.Target``s; a term already in that state by that reviewer on
    that date is left alone and said so.
    """
    import datetime

    from moci_vocab.review import check_date, resolve, set_review

    day = check_date(date) if date else datetime.date.today().isoformat()
    approvals = resolve(glossary, targets)
    if not approvals:
        raise MociError("nothing to approve: the list is empty")
    changed = set_review(approvals, state, by, day)
    outcome = Outcome()
    root = Path(glossary.root)
    staged: set[str] = set()
    changed_terms = {id(approval.term) for approval in changed}
    for approval in approvals:
        if id(approval.term) in changed_terms:
            outcome.messages.append(approval.describe(state))
            if approval.concept.id not in staged:
                staged.add(approval.concept.id)
                stage_concept(outcome.changes, root, approval.concept)
    unchanged = len(approvals) - len(changed)
    noun = "term" if len(changed) == 1 else "terms"
    summary = f"{state} {len(changed)} {noun} by {' '.join(by.split())} on {day}"
    if unchanged:
        summary += f" ({unchanged} already were)"
    outcome.messages.append(summary)
    return outcome
