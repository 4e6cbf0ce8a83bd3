"""The reviewer's work: what is waiting for review, and approving it.

``pending`` lists terms by review state (a term without ``review`` is
*unreviewed*), filtered by language, reviewer and tag. ``approve`` sets a
review state, the reviewer and the date on the terms a ``Target`` names: one
term, every term of a concept in a language, or a list read by
``read_targets`` from a file (``ID LANG [TERM]`` per line, or the JSON that
``review --format json`` prints). Nothing here prints or writes files.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

from moci_vocab.errors import MociError
from moci_vocab.model import REVIEW_STATES, Concept, Glossary, Review, Term

UNREVIEWED = "unreviewed"
PENDING_STATES = ("draft", "reviewed")
LISTED_STATES = (*PENDING_STATES, UNREVIEWED, "approved")
MAX_TARGETS_BYTES = 16 * 1024 * 1024


@dataclass
class ReviewItem:
    """One term and its review state, as `review` lists it."""

    concept: str
    lang: str
    term: str
    status: str
    state: str
    by: str | None
    date: str | None
    tags: list[str]

    def to_json(self) -> dict:
        """The JSON object `review --format json` prints (and `approve --from` reads)."""
        return {
            "concept": self.concept,
            "lang": self.lang,
            "term": self.term,
            "status": self.status,
            "state": self.state,
            "by": self.by,
            "date": self.date,
            "tags": list(self.tags),
        }


def review_state(term: Term) -> str:
    """draft, reviewed, approved, or unreviewed (no `review` field)."""
    return term.review.state if term.review is not None else UNREVIEWED


def pending(
    glossary: Glossary,
    langs: list[str] | None = None,
    reviewer: str | None = None,
    tags: list[str] | None = None,
    states: tuple[str, ...] = PENDING_STATES,
) -> list[ReviewItem]:
    """Terms in ``states``, by language (manifest order), then concept id, then list order."""
    order = glossary.languages()
    wanted_langs = langs or order
    items = []
    for lang in sorted(wanted_langs, key=lambda tag: order.index(tag) if tag in order else 99):
        for concept in sorted(glossary.concepts.values(), key=lambda c: c.id):
            if concept.status == "retired" or (tags and not set(tags) & set(concept.tags)):
                continue
            for term in concept.terms.get(lang, ()):
                state = review_state(term)
                if state not in states:
                    continue
                by = term.review.by if term.review else None
                if reviewer and (by or "").casefold() != reviewer.casefold():
                    continue
                date = term.review.date if term.review else None
                items.append(
                    ReviewItem(
                        concept.id, lang, term.term, term.status, state, by, date, concept.tags
                    )
                )
    return items


@dataclass
class Target:
    """What to approve: a term, or (``term`` None) every term of a concept in a language."""

    concept: str
    lang: str
    term: str | None = None
    path: Path | None = None  # where the target was read, for error messages
    line: int | None = None


def read_targets(text: str, path: Path) -> list[Target]:
    """Targets from `review --format json` output, or lines `ID LANG [TERM]` (# comments)."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        return _json_targets(stripped, path)
    targets = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t") if "\t" in line else line.split(maxsplit=2)
        parts = [part.strip() for part in parts]
        if len(parts) < 2 or len(parts) > 3 or not all(parts):
            raise MociError("is not `ID LANG [TERM]`", path, number)
        targets.append(Target(*parts, path=path, line=number))  # type: ignore[arg-type]
    return targets


def _json_targets(text: str, path: Path) -> list[Target]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MociError(f"is not valid JSON: {exc.msg}", path, exc.lineno) from None
    targets = []
    for index, item in enumerate(data if isinstance(data, list) else [None], start=1):
        if not isinstance(item, dict) or not all(
            isinstance(item.get(key), str) and item.get(key) for key in ("concept", "lang")
        ):
            raise MociError(
                f"item {index} is not an object with `concept` and `lang` "
                "(as `review --format json` prints)",
                path,
            )
        term = item.get("term")
        if term is not None and not isinstance(term, str):
            raise MociError(f"item {index}: `term` is not a string", path)
        targets.append(Target(item["concept"], item["lang"], term, path=path))
    return targets


def check_date(text: str) -> str:
    """An ISO date (YYYY-MM-DD) as given, or an error saying what is expected."""
    try:
        return datetime.date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise MociError(f"the date {text!r} is not a date like 2026-11-20") from None


@dataclass
class Approval:
    """A term whose review changes, and how."""

    concept: Concept
    lang: str
    term: Term
    before: str  # the review state before

    def describe(self, state: str) -> str:
        """One line for the user: `reconciliation sq 'pajtim': draft → approved`."""
        return f"{self.concept.id} {self.lang} {self.term.term!r}: {self.before} → {state}"


def resolve(glossary: Glossary, targets: list[Target]) -> list[Approval]:
    """The terms the targets name (each once); an unknown concept, language or term is an error."""
    from moci_vocab.operations import require_concept, require_language

    found: list[Approval] = []
    seen: set[int] = set()
    for target in targets:
        try:
            concept = require_concept(glossary, target.concept)
            lang = require_language(glossary, target.lang)
            if target.term is None:
                terms = list(concept.terms.get(lang, ()))
                if not terms:
                    raise MociError(f"{concept.id} has no {lang} term")
            else:
                term = concept.find_term(lang, target.term)
                if term is None:
                    have = ", ".join(repr(t.term) for t in concept.terms.get(lang, ())) or "none"
                    raise MociError(
                        f"{concept.id} has no {lang} term {target.term!r} (its {lang} terms: "
                        f"{have})"
                    )
                terms = [term]
        except MociError as exc:
            if target.path is None:
                raise
            raise MociError(exc.message, target.path, target.line) from None
        for term in terms:
            if id(term) not in seen:
                seen.add(id(term))
                found.append(Approval(concept, lang, term, review_state(term)))
    return found


def set_review(approvals: list[Approval], state: str, by: str, date: str) -> list[Approval]:
    """Set state, reviewer and date; returns the approvals that changed something."""
    if state not in REVIEW_STATES or state == "draft":
        raise MociError(f"the review state {state!r} is not one of: reviewed, approved")
    by = " ".join(by.split())
    if not by:
        raise MociError("--by needs the reviewer's name or initials")
    changed = []
    for approval in approvals:
        new = Review(state=state, by=by, date=date)
        if approval.term.review != new:
            approval.term.review = new
            changed.append(approval)
    return changed
