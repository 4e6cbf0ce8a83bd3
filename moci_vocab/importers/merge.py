"""Merging imported concepts into the glossary, with duplicate detection.

For each incoming concept, in file order:

1. **Same concept** when its id is trusted (moci-vocab's own exports) and
   exists, when an earlier entry of the same file had the same source term
   (and context), or when exactly one existing concept has the same source
   term (compared casefolded). New terms are added; fields the glossary
   leaves empty are filled; what the glossary has already is never
   overwritten (a differing definition is reported, not replaced). A term
   that arrives as preferred where the language has a preferred term
   already is added as admitted.
2. **Near-duplicate** when no concept has the same source term but one is
   fuzzily close (the same word with or without diacritics, a typo away):
   ``decide`` chooses to merge into it, add a new concept, or skip.
3. Otherwise a **new concept**, with its id from the file (moci-vocab's
   exports) or a slug of the source term (``Input/output`` → ``input-output``,
   ``-2`` appended when taken).

Languages are matched to the manifest (``sr`` → ``sr-Cyrl`` when the
manifest has that one); a language the manifest lacks is added to it (not
required), as are unknown tags and domains, and said so. ``related`` and
``broader`` links to concepts that do not exist are dropped and reported.

Nothing is written here: ``plan_merge`` returns staged ``Changes`` plus a
description of every change, which the CLI shows (``--dry-run``) or applies.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from moci_vocab.fsutil import Changes
from moci_vocab.importers import ImportFile, Incoming, keep_as_note
from moci_vocab.importers.sheet import SheetEdit, update_from_sheet
from moci_vocab.model import Concept, Glossary, LanguageSpec, Term, is_slug
from moci_vocab.textnorm import fold, match_key

DUPLICATE_CUTOFF = 88.0


@dataclass
class Candidate:
    """An existing concept a new one may duplicate, with its similarity score."""

    concept: str
    term: str
    score: float


@dataclass
class Duplicate:
    """An incoming concept whose source term looks like existing ones."""

    source_term: str
    line: int | None
    candidates: list[Candidate]
    decision: str = "ask"  # "new", "skip", "merge:<id>", or "ask" (nobody decided)

    @property
    def variant(self) -> bool:
        """Whether the best candidate is the same term but for spaces, hyphens or case
        (Checkbox / check box, Screen Saver / Screensaver): proposed as one concept."""
        return bool(self.candidates) and spelling_key(self.source_term) == spelling_key(
            self.candidates[0].term
        )

    @property
    def proposal(self) -> str:
        """What the tool proposes: merge a spelling variant, else a new concept."""
        return f"merge:{self.candidates[0].concept}" if self.variant else "new"


def spelling_key(text: str) -> str:
    """Casefolded, without spaces and hyphens: equal for spelling variants of one term."""
    return "".join(match_key(text).replace("-", " ").replace("\u2010", " ").split())


Decide = Callable[[Duplicate], str]


@dataclass
class ConceptChange:
    """What an import does to one concept: added, updated, unchanged or skipped, and how."""

    concept: str
    kind: str  # "added", "updated", "unchanged", "skipped"
    details: list[str] = field(default_factory=list)
    line: int | None = None


@dataclass
class MergePlan:
    """An import planned: staged changes, per-concept changes, problems and open questions."""

    changes: Changes = field(default_factory=Changes)
    concepts: list[ConceptChange] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    problems: list[tuple[int | None, str]] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    conflicts: list[tuple[int | None, str]] = field(default_factory=list)  # kept as notes
    edits: list[SheetEdit] = field(default_factory=list)  # a sheet's cells that overwrite
    terms_added: int = 0

    def count(self, kind: str) -> int:
        """How many concepts had a change of ``kind``."""
        return sum(1 for change in self.concepts if change.kind == kind)

    @property
    def undecided(self) -> list[Duplicate]:
        """The near-duplicates still waiting for a decision."""
        return [dup for dup in self.duplicates if dup.decision == "ask"]

    def summary(self) -> dict[str, int]:
        """The number of concepts added, updated, unchanged and skipped."""
        return {
            "added": self.count("added"),
            "updated": self.count("updated"),
            "unchanged": self.count("unchanged"),
            "skipped": self.count("skipped"),
            "terms_added": self.terms_added,
            "near_duplicates": len(self.duplicates),
        }


def plan_merge(
    glossary: Glossary, imported: ImportFile, decide: Decide | None = None, stage: bool = True
) -> MergePlan:
    """What importing ``imported`` would change; ``glossary`` is updated in memory.

    ``stage=False`` (a dry run) leaves ``changes`` empty: rendering 200,000 new concept
    files as YAML, only to throw them away, was most of a dry run's time.
    """
    return _Merger(glossary, imported, decide).run(stage)


class _Merger:
    def __init__(self, glossary: Glossary, imported: ImportFile, decide: Decide | None):
        self.glossary = glossary
        self.imported = imported
        self.decide = decide
        self.plan = MergePlan()
        self.source = glossary.source_language
        self.before = set(glossary.concepts)
        self.by_source: dict[str, list[str]] = {}
        for concept in glossary.concepts.values():
            for term in concept.terms.get(self.source, ()):
                ids = self.by_source.setdefault(match_key(term.term), [])
                if concept.id not in ids:
                    ids.append(concept.id)
        self.fuzzy_keys = [fold(t) for t in self.by_source]
        self.fuzzy_owners = list(self.by_source)
        # spelling_key → (concept id, term): finds spelling variants in O(1), also among
        # the concepts this import adds (a fuzzy search over those would be quadratic)
        self.spellings: dict[str, tuple[str, str]] = {}
        for concept in glossary.concepts.values():
            self._index_spellings(concept)
        self.groups: dict[tuple[str, str], str] = {}
        self.touched: dict[str, ConceptChange] = {}
        self.manifest_changed = False
        self.language_map: dict[str, str | None] = {}
        self.provenance = "" if imported.ours else provenance(imported)

    # ------------------------------------------------------------------ main loop

    def run(self, stage: bool = True) -> MergePlan:
        for incoming in self.imported.concepts:
            self._one(incoming)
        self._check_links()
        self.plan.concepts = [*self.touched.values(), *self.plan.concepts]
        if stage:
            self._stage()
        return self.plan

    def _stage(self) -> None:
        """The changed files' new text, into the plan's changes."""
        root = Path(self.glossary.root)
        from moci_vocab.store import stage_concept, stage_manifest

        for change in self.touched.values():
            if change.kind in ("added", "updated"):
                stage_concept(self.plan.changes, root, self.glossary.concepts[change.concept])
        if self.manifest_changed:
            stage_manifest(self.plan.changes, root, self.glossary.manifest)

    def _one(self, incoming: Incoming) -> None:
        concept = incoming.concept
        concept.terms = self._languages(concept.terms, incoming.line)
        concept.definition = self._languages(concept.definition, incoming.line)
        concept.note = self._languages(concept.note, incoming.line)
        main = concept.representative(self.source)
        if main is None:
            self._problem(incoming.line, f"has no {self.source} (source language) term; left out")
            return
        key = match_key(main.term)
        target_id = self._find_same(incoming, key)
        if target_id is None and not self._trusted_new(incoming):
            target_id = self._ask_about_near(incoming, main.term)
            if target_id == "skip":
                self._record(ConceptChange(main.term, "skipped", ["near-duplicate"], incoming.line))
                return
        if target_id is not None:
            change = self.touched.get(target_id) or ConceptChange(target_id, "unchanged")
            change.line = change.line or incoming.line
            existing = self.glossary.concepts[target_id]
            if self.imported.sheet is not None and concept.id == target_id:
                edits = update_from_sheet(
                    existing, concept, self.imported.sheet, self._vocabulary, incoming.fields
                )
                for edit in edits:
                    if edit.kind == "problem":
                        self._problem(incoming.line, f"{target_id}: {edit.describe()}")
                    else:
                        self.plan.edits.append(edit)
                        change.details.append(edit.describe())
                        self.plan.terms_added += edit.kind in ("added", "replaced")
            else:
                change.details += self._merge_into(existing, concept, incoming.line)
            if change.details and change.kind == "unchanged":
                change.kind = "updated"
            self.touched[target_id] = change
        else:
            target_id = self._add_new(incoming, main)
        self.groups[(incoming.group, key)] = target_id

    def _find_same(self, incoming: Incoming, key: str) -> str | None:
        concept_id = incoming.concept.id
        if concept_id and concept_id in self.glossary.concepts:
            return concept_id
        grouped = self.groups.get((incoming.group, key))
        if grouped is not None:
            return grouped
        same = [cid for cid in self.by_source.get(key, []) if cid in self.before]
        if len(same) > 1:
            self._problem(
                incoming.line,
                f"the term {incoming.concept.terms[self.source][0].term!r} belongs to "
                f"{len(same)} concepts ({', '.join(same)}); merged into {same[0]}",
            )
        return same[0] if same else None

    def _trusted_new(self, incoming: Incoming) -> bool:
        """A concept from our own export whose id is new: not a near-duplicate question."""
        return bool(incoming.concept.id) and self.imported.ours

    def _ask_about_near(self, incoming: Incoming, text: str) -> str | None:
        key = match_key(text)
        candidates = self._near(text)
        variant = self.spellings.get(spelling_key(text))
        # (the same term with another context is meant as another concept: open-2)
        if variant is not None and match_key(variant[1]) != key:
            from rapidfuzz import fuzz

            candidates = [c for c in candidates if c.concept != variant[0]]
            score = fuzz.ratio(fold(text), fold(variant[1]))
            candidates.insert(0, Candidate(variant[0], variant[1], score))
        if not candidates:
            return None
        duplicate = Duplicate(text, incoming.line, candidates)
        if self.decide is not None:
            duplicate.decision = self.decide(duplicate)
        self.plan.duplicates.append(duplicate)
        if duplicate.decision.startswith("merge:"):
            chosen = duplicate.decision.removeprefix("merge:")
            return chosen if chosen in self.glossary.concepts else None
        return "skip" if duplicate.decision == "skip" else None

    def _near(self, text: str) -> list[Candidate]:
        """The glossary's concepts (as before the import) whose source term is close."""
        from rapidfuzz import fuzz, process

        if not self.fuzzy_keys:
            return []
        found = []
        for _key, score, index in process.extract(
            fold(text),
            self.fuzzy_keys,
            scorer=fuzz.ratio,
            processor=None,
            limit=5,
            score_cutoff=DUPLICATE_CUTOFF,
        ):
            owner_key = self.fuzzy_owners[index]
            for concept_id in self.by_source[owner_key]:
                if concept_id in self.before:
                    term = self._source_text(concept_id, owner_key)
                    found.append(Candidate(concept_id, term, score))
        return found

    def _index_spellings(self, concept: Concept) -> None:
        """Make the concept's source terms findable as spelling variants."""
        for term in concept.terms.get(self.source, ()):
            self.spellings.setdefault(spelling_key(term.term), (concept.id, term.term))

    def _source_text(self, concept_id: str, key: str) -> str:
        for term in self.glossary.concepts[concept_id].terms.get(self.source, ()):
            if match_key(term.term) == key:
                return term.term
        return key

    # ------------------------------------------------------------------ new concepts

    def _add_new(self, incoming: Incoming, main: Term) -> str:
        concept = incoming.concept
        wanted = concept.id if concept.id and concept.id not in self.glossary.concepts else ""
        concept.id = wanted or self._new_id(main.term)
        incoming_terms, concept.terms = concept.terms, {}
        for lang, terms in incoming_terms.items():
            for term in terms:
                concept.add_term(lang, term)
        concept.tags = self._vocabulary("tag", concept.tags)
        domains = self._vocabulary("domain", [concept.domain] if concept.domain else [])
        concept.domain = domains[0] if domains else None
        concept.terms = self.glossary.ordered_terms(concept.terms)
        for _lang, term in concept.all_terms():
            self._record_provenance(term)
        self.glossary.concepts[concept.id] = concept
        self._index_spellings(concept)
        self.plan.terms_added += sum(len(terms) for terms in concept.terms.values())
        summary = ", ".join(
            f"{lang} {terms[0].term!r}" for lang, terms in concept.terms.items() if terms
        )
        self._record(ConceptChange(concept.id, "added", [f"new concept: {summary}"], incoming.line))
        return concept.id

    def _new_id(self, text: str) -> str:
        base = make_slug(text) or "concept"
        candidate, number = base, 2
        while candidate in self.glossary.concepts:
            candidate = f"{base}-{number}"
            number += 1
        return candidate

    # ------------------------------------------------------------------ merging

    def _record_provenance(self, term: Term) -> None:
        if self.provenance and not term.source:
            term.source = self.provenance

    def _merge_into(self, existing: Concept, incoming: Concept, line: int | None) -> list[str]:
        details: list[str] = []
        for lang, terms in incoming.terms.items():
            for term in terms:
                details += self._merge_term(existing, lang, term)
        existing.terms = self.glossary.ordered_terms(existing.terms)
        for what in ("definition", "note"):
            have: dict[str, str] = getattr(existing, what)
            for lang, text in getattr(incoming, what).items():
                if lang not in have:
                    have[lang] = text
                    details.append(f"{what} in {lang} added")
                elif have[lang] != text and text not in have[lang]:
                    details += self._conflict(existing, what, lang, text, line)
        for tag in self._vocabulary("tag", incoming.tags):
            if tag not in existing.tags:
                existing.tags.append(tag)
                details.append(f"tag {tag!r} added")
        if incoming.domain and not existing.domain:
            domains = self._vocabulary("domain", [incoming.domain])
            if domains:
                existing.domain = domains[0]
                details.append(f"domain {existing.domain!r} set")
        for kind in ("related", "broader"):
            links: list[str] = getattr(existing, kind)
            for ref in getattr(incoming, kind):
                if ref not in links and ref != existing.id:
                    links.append(ref)
                    details.append(f"{kind} {ref!r} added")
        if incoming.do_not_translate and not existing.do_not_translate:
            existing.do_not_translate = True
            details.append("marked do-not-translate")
        return details

    def _conflict(
        self, existing: Concept, what: str, lang: str, text: str, line: int | None
    ) -> list[str]:
        """A differing definition or note: the glossary's stays, the file's becomes a note."""
        where = self.imported.path.name + (f":{line}" if line else "")
        label = "Definition" if what == "definition" else "Note"
        if not keep_as_note(existing, lang, f"{label} in {where}: {text}"):
            return []
        self.plan.conflicts.append(
            (
                line,
                f"{existing.id}: the file's {what} in {lang} differs from the glossary's; "
                f"kept the glossary's and added the file's to the note in {lang}",
            )
        )
        return [f"kept the existing {what} in {lang}; the file's differs and was added to the note"]

    def _merge_term(self, existing: Concept, lang: str, term: Term) -> list[str]:
        have = existing.find_term(lang, term.term)
        if have is not None:
            filled = _fill_term(have, term)
            if have.status != term.status:
                filled.append(f"kept {lang} {have.term!r} {have.status} (the file: {term.status})")
            return [f"{lang} {have.term!r}: {item}" for item in filled] if filled else []
        wanted = term.status
        self._record_provenance(term)
        existing.add_term(lang, term)
        note = ""
        if wanted != term.status:  # one preferred term per language: the glossary's stays
            note = f"; {existing.preferred(lang).term!r} stays preferred"
        self.plan.terms_added += 1
        return [f"added {lang} {term.term!r} ({term.status}{note})"]

    # ------------------------------------------------------------------ vocabulary

    def _languages(self, values: dict, line: int | None) -> dict:
        mapped: dict = {}
        for tag, value in values.items():
            lang = self._language(tag, line)
            if lang is None:
                continue
            if isinstance(value, list) and lang in mapped:
                mapped[lang].extend(value)
            else:
                mapped.setdefault(lang, value)
        return mapped

    def _language(self, tag: str, line: int | None) -> str | None:
        if tag in self.language_map:
            return self.language_map[tag]
        resolved = self._resolve_language(tag, line)
        self.language_map[tag] = resolved
        return resolved

    def _resolve_language(self, tag: str, line: int | None) -> str | None:
        from moci_vocab import languages

        known = self.glossary.manifest.languages
        resolved = languages.resolve_tag(tag, known)
        if resolved is not None:
            return resolved
        normal = languages.normalize_tag(tag)
        problem = languages.tag_problem(normal)
        if problem:
            self._problem(line, f"{problem}; its texts were left out")
            return None
        known[normal] = LanguageSpec(normal, languages.default_script(normal), required=False)
        self.manifest_changed = True
        self.plan.messages.append(f"added the language {normal} to the manifest (not required)")
        return normal

    def _vocabulary(self, kind: str, values: list[str]) -> list[str]:
        from moci_vocab.textnorm import slugify

        manifest = self.glossary.manifest
        vocabulary = manifest.tags if kind == "tag" else manifest.domains
        result = []
        for value in values:
            slug = value if is_slug(value) else slugify(value)
            if not slug:
                continue
            if slug not in vocabulary:
                vocabulary[slug] = ""
                self.manifest_changed = True
                self.plan.messages.append(f"added the {kind} {slug!r} to the manifest")
            if slug not in result:
                result.append(slug)
        return result

    # ------------------------------------------------------------------ bookkeeping

    def _check_links(self) -> None:
        for change in self.touched.values():
            if change.kind not in ("added", "updated"):
                continue
            concept = self.glossary.concepts[change.concept]
            for kind in ("related", "broader"):
                links: list[str] = getattr(concept, kind)
                dangling = [ref for ref in links if ref not in self.glossary.concepts]
                if dangling:
                    setattr(concept, kind, [ref for ref in links if ref not in dangling])
                    change.details.append(
                        f"{kind} link(s) to missing concept(s) dropped: {', '.join(dangling)}"
                    )

    def _record(self, change: ConceptChange) -> None:
        if change.kind == "skipped":
            self.plan.concepts.append(change)
            return
        self.touched[change.concept] = change

    def _problem(self, line: int | None, message: str) -> None:
        self.plan.problems.append((line, message))


_FILLABLE = ("pos", "type", "gender", "context", "note", "source", "review")


def _fill_term(have: Term, new: Term) -> list[str]:
    """Fields the glossary's term lacks, taken from the file's term."""
    filled = []
    for name in _FILLABLE:
        if getattr(have, name) is None and getattr(new, name) is not None:
            setattr(have, name, getattr(new, name))
            filled.append(f"{name} set")
    if new.forms and not have.forms:
        have.forms = list(new.forms)
        filled.append("forms set")
    if new.case_sensitive and not have.case_sensitive:
        have.case_sensitive = True
        filled.append("case_sensitive set")
    return filled


def provenance(imported: ImportFile) -> str:
    """`imported from glossary-sq.po (Last-Translator: Laurent Dhima, 2004-07-29)`."""
    origin = f" ({imported.origin})" if imported.origin else ""
    return f"imported from {imported.path.name}{origin}"


def make_slug(text: str) -> str:
    """A concept id from a term: ASCII (transliterated when needed), lowercase, hyphens."""
    from moci_vocab.textnorm import slugify

    slug = slugify(text)
    if not slug or len(slug) < len(text) // 3:
        try:
            from moci_vocab.translit import to_latin

            slug = slugify(to_latin(text)) or slug
        except Exception:  # a missing or partial transliteration must not stop an import
            pass
    return slug[:60].strip("-")


def apply_order(plan: MergePlan) -> list[ConceptChange]:
    """Changes in a stable order for printing: by kind, then concept id."""
    order = {"added": 0, "updated": 1, "unchanged": 2, "skipped": 3}
    return sorted(plan.concepts, key=lambda c: (order.get(c.kind, 9), c.concept))
