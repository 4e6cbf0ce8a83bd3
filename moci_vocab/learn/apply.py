"""The glossary changes of `suggest --apply` and `extract --apply`: drafts only.

Both go through `operations` (the same staging and atomic write path as `add`
and `translate`): a suggested target term becomes a term in ``review: draft``
with a `source` naming the files and the evidence; an extracted English term
becomes a new concept in status draft.
"""

from __future__ import annotations

from pathlib import Path

from moci_vocab.errors import display_path
from moci_vocab.model import Glossary, Review
from moci_vocab.operations import NewConcept, Outcome, add_concept, translate
from moci_vocab.store import stage_concept


def evidence(verb: str, files: list[Path], detail: str) -> str:
    """A term's `source`: how it was found, in which files, on how much evidence."""
    names = ", ".join(display_path(path) for path in files[:5])
    if len(files) > 5:
        names += f" and {len(files) - 5} more files"
    return f"{verb} from {names}: {detail}"


def apply_suggestions(glossary: Glossary, suggestions, files: list[Path]) -> Outcome:
    """Each concept's best candidate as a draft term (one staged change per concept file)."""
    outcome = Outcome()
    for suggestion in suggestions:
        if not suggestion.candidates:
            continue
        best = suggestion.candidates[0]
        step = translate(glossary, suggestion.concept, suggestion.lang, best.term, review="draft")
        concept = step.concept
        term = concept.find_term(suggestion.lang, best.term)
        if term is not None and term.source is None:
            detail = f"{best.count} of {suggestion.entries} entries"
            term.source = evidence("suggested", files, detail)
        stage_concept(outcome.changes, Path(glossary.root), concept)
        outcome.messages.extend(step.messages)
    return outcome


def apply_extracted(glossary: Glossary, candidates, files: list[Path]) -> Outcome:
    """Each candidate as a new draft concept (English term only); existing ids are skipped."""
    from moci_vocab.importers.merge import make_slug

    outcome = Outcome()
    source = glossary.source_language
    for candidate in candidates:
        concept_id = make_slug(candidate.term)
        if not concept_id or concept_id in glossary.concepts:
            outcome.messages.append(f"skipped {candidate.term!r}: the id {concept_id!r} is taken")
            continue
        step = add_concept(glossary, NewConcept(concept_id, [(source, candidate.term)]))
        term = step.concept.terms[source][0]
        term.review = Review(state="draft")
        term.source = evidence("extracted", files, f"{candidate.count} entries")
        stage_concept(outcome.changes, Path(glossary.root), step.concept)
        outcome.messages.extend(step.messages)
    return outcome
