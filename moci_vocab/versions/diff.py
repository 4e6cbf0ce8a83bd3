"""Concept- and term-level changes between two glossaries.

A change is one fact a reviewer reads: a concept added, removed or renamed;
a term added or removed; a term's status, review or other detail changed; a
definition, note, tag, link, domain or status of a concept changed. Its
JSON form is the spec's ``{"concept", "kind", "lang", "field", "old",
"new"}`` plus ``term`` (the term a term-level change is about), and ``level``
(its semantic-version bump) where the caller adds it.

Fields: ``None`` for a whole concept; ``id`` for a rename; ``term`` for a
term added or removed; ``term.<detail>`` (``term.status``, ``term.review``,
``term.pos`` …) for a detail of an existing term; ``definition``, ``note``,
``tags``, ``related``, ``broader``, ``domain``, ``status``,
``do_not_translate``, ``ignore`` for the concept's own fields. Changes of
the manifest (languages, vocabularies) have ``concept`` None.

Renames are found by content: a removed and an added concept whose terms
overlap by at least half (identical content first) are one concept renamed,
and references to the old id elsewhere are not reported as changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from moci_vocab.model import Concept, Glossary, Term

RENAME_SIMILARITY = 0.5
TERM_DETAILS = ("type", "pos", "gender", "case_sensitive", "forms", "context", "note", "source")


CHANGE_JSON_KEYS = ("concept", "kind", "lang", "field", "old", "new", "term")


@dataclass(frozen=True)
class Change:
    """One change between two glossaries: concept, kind, language, field, old and new."""

    concept: str | None
    kind: str  # added | removed | changed | renamed
    lang: str | None = None
    field: str | None = None
    old: Any = None
    new: Any = None
    term: str | None = None  # the term a term-level change is about
    term_status: str | None = None  # that term's status (old status if it was removed)

    def to_json(self) -> dict[str, Any]:
        """The change as a JSON object."""
        return {key: getattr(self, key) for key in CHANGE_JSON_KEYS}


def diff_glossaries(old: Glossary, new: Glossary) -> list[Change]:
    """Every change from ``old`` to ``new``: manifest first, then concepts by id."""
    langs = _language_order(old, new)
    changes = _manifest_changes(old, new)
    removed = sorted(set(old.concepts) - set(new.concepts))
    added = sorted(set(new.concepts) - set(old.concepts))
    renames = find_renames(
        {cid: old.concepts[cid] for cid in removed}, {cid: new.concepts[cid] for cid in added}
    )
    renamed_to = {new_id: old_id for old_id, new_id in renames.items()}
    for cid in sorted(set(old.concepts) | set(new.concepts)):
        if cid in renames:
            continue  # reported under its new id
        if cid in renamed_to:
            before = old.concepts[renamed_to[cid]]
            found = [Change(cid, "renamed", field="id", old=before.id, new=cid)]
            found += compare_concepts(before, new.concepts[cid], langs, renames)
        elif cid not in new.concepts:
            gone = old.concepts[cid]
            found = [Change(cid, "removed", old=_labels(gone, langs))]
        elif cid not in old.concepts:
            found = [Change(cid, "added", new=_labels(new.concepts[cid], langs))]
        else:
            found = compare_concepts(old.concepts[cid], new.concepts[cid], langs, renames)
        changes.extend(found)
    return changes


def empty_glossary(like: Glossary) -> Glossary:
    """A glossary with ``like``'s manifest and no concepts: the base before a first release."""
    return Glossary(root=like.root, manifest=like.manifest, concepts={})


def _language_order(old: Glossary, new: Glossary) -> list[str]:
    order = list(new.languages())
    order += [lang for lang in old.languages() if lang not in order]
    return order


def _labels(concept: Concept, langs: list[str]) -> dict[str, str]:
    """The concept's preferred term per language: what a reader recognises it by."""
    labels = {}
    for lang in _ordered(concept.terms, langs):
        term = concept.representative(lang)
        if term is not None:
            labels[lang] = term.term
    return labels


def _ordered(mapping: dict[str, Any], langs: list[str]) -> list[str]:
    known = [lang for lang in langs if lang in mapping]
    return known + sorted(lang for lang in mapping if lang not in langs)


# --------------------------------------------------------------------------- renames


def find_renames(removed: dict[str, Concept], added: dict[str, Concept]) -> dict[str, str]:
    """{old id: new id} for removed/added pairs that are one concept under a new id."""
    candidates = []
    for old_id, before in removed.items():
        for new_id, after in added.items():
            identical = _content(before) == _content(after)
            score = 1.0 if identical else _term_overlap(before, after)
            if identical or score >= RENAME_SIMILARITY:
                candidates.append((not identical, -score, old_id, new_id))
    pairs: dict[str, str] = {}
    taken: set[str] = set()
    for _not_identical, _score, old_id, new_id in sorted(candidates):
        if old_id not in pairs and new_id not in taken:
            pairs[old_id] = new_id
            taken.add(new_id)
    return pairs


def _content(concept: Concept) -> dict[str, Any]:
    data = concept.to_dict()
    data.pop("id")
    return data


def _term_overlap(a: Concept, b: Concept) -> float:
    """Jaccard similarity of the (language, term) pairs of two concepts."""
    left = {(lang, term.term) for lang, term in a.all_terms()}
    right = {(lang, term.term) for lang, term in b.all_terms()}
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


# --------------------------------------------------------------------------- one concept


def compare_concepts(
    old: Concept, new: Concept, langs: list[str], renames: dict[str, str] | None = None
) -> list[Change]:
    """The changes from ``old`` to ``new`` (the same concept), in the model's field order."""
    renames = renames or {}
    cid = new.id
    changes: list[Change] = []
    changes += _value_change(cid, "domain", old.domain, new.domain)
    changes += _items_change(cid, "tags", old.tags, new.tags)
    changes += _value_change(cid, "status", old.status, new.status)
    changes += _value_change(cid, "do_not_translate", old.do_not_translate, new.do_not_translate)
    changes += _texts_change(cid, "definition", old.definition, new.definition, langs)
    changes += _texts_change(cid, "note", old.note, new.note, langs)
    for link in ("related", "broader"):
        before = [renames.get(ref, ref) for ref in getattr(old, link)]
        changes += _items_change(cid, link, before, getattr(new, link))
    for lang in _ordered({**old.terms, **new.terms}, langs):
        changes += _terms_change(cid, lang, old.terms.get(lang, []), new.terms.get(lang, []))
    old_ignore = [item.to_dict() for item in old.ignore]
    new_ignore = [item.to_dict() for item in new.ignore]
    if old_ignore != new_ignore:
        changes.append(Change(cid, "changed", field="ignore", old=old_ignore, new=new_ignore))
    return changes


def _kind(old: Any, new: Any) -> str:
    if old in (None, False, "", [], {}):
        return "added"
    if new in (None, False, "", [], {}):
        return "removed"
    return "changed"


def _value_change(cid: str, name: str, old: Any, new: Any) -> list[Change]:
    if old == new:
        return []
    if isinstance(old, bool) or isinstance(new, bool):
        return [Change(cid, "changed", field=name, old=old, new=new)]
    return [Change(cid, _kind(old, new), field=name, old=old, new=new)]


def _items_change(cid: str | None, name: str, old: list[str], new: list[str]) -> list[Change]:
    """Items added and removed; a change of order alone is not a change."""
    changes = [Change(cid, "added", field=name, new=item) for item in new if item not in old]
    changes += [Change(cid, "removed", field=name, old=item) for item in old if item not in new]
    return changes


def _texts_change(
    cid: str, name: str, old: dict[str, str], new: dict[str, str], langs: list[str]
) -> list[Change]:
    changes = []
    for lang in _ordered({**old, **new}, langs):
        before, after = old.get(lang), new.get(lang)
        if before != after:
            kind = _kind(before, after)
            changes.append(Change(cid, kind, lang=lang, field=name, old=before, new=after))
    return changes


def _terms_change(cid: str, lang: str, old: list[Term], new: list[Term]) -> list[Change]:
    """Terms are matched by their exact text: a respelled term is one removed, one added."""
    before = {term.term: term for term in reversed(old)}  # the first of duplicates wins
    after = {term.term: term for term in reversed(new)}
    changes = []
    for term in new:
        if term.term not in before:
            changes.append(
                Change(cid, "added", lang, "term", new=term.term, term=term.term,
                       term_status=term.status)
            )  # fmt: skip
        elif after[term.term] is term:
            changes += _term_details(cid, lang, before[term.term], term)
    for term in old:
        if term.term not in after and before[term.term] is term:
            changes.append(
                Change(cid, "removed", lang, "term", old=term.term, term=term.term,
                       term_status=term.status)
            )  # fmt: skip
    return changes


def _term_details(cid: str, lang: str, old: Term, new: Term) -> list[Change]:
    changes = []

    def record(name: str, before: Any, after: Any) -> None:
        if before == after:
            return
        kind = "changed" if name in ("status", "case_sensitive") else _kind(before, after)
        changes.append(
            Change(cid, kind, lang, f"term.{name}", old=before, new=after, term=new.term,
                   term_status=new.status)
        )  # fmt: skip

    record("status", old.status, new.status)
    for name in TERM_DETAILS:
        before, after = getattr(old, name), getattr(new, name)
        record(name, before or None, after or None)
    record(
        "review",
        old.review.to_dict() if old.review else None,
        new.review.to_dict() if new.review else None,
    )
    return changes


def _manifest_changes(old: Glossary, new: Glossary) -> list[Change]:
    """Changes of the manifest that matter to a reader (not the version itself)."""
    a, b = old.manifest, new.manifest
    changes: list[Change] = []
    for tag in b.languages:
        if tag not in a.languages:
            changes.append(Change(None, "added", lang=tag, field="languages", new=tag))
    for tag in a.languages:
        if tag not in b.languages:
            changes.append(Change(None, "removed", lang=tag, field="languages", old=tag))
    for name in ("name", "source_language"):
        if getattr(a, name) != getattr(b, name):
            changes.append(
                Change(None, "changed", field=name, old=getattr(a, name), new=getattr(b, name))
            )
    for vocab in ("domains", "tags"):
        changes += _items_change(None, vocab, list(getattr(a, vocab)), list(getattr(b, vocab)))
    return changes
