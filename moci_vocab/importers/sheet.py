"""The spreadsheet round trip: a wide sheet of ours, edited, taken back cell by cell.

An organiser exports the wide CSV (or the XLSX "glossary" sheet), a translator
edits cells, and ``import`` brings the edits back. For a row whose id is a
concept of the glossary, the sheet is the truth for every cell it has a column
for: a changed preferred term replaces the old one, a term moved to another
status column changes status, an emptied cell removes the term, definition or
note, and the concept's status, domain, tags, links and do-not-translate flag
follow their cells. What the sheet has no column for (a language left out of
the export, a status column no concept used, a term's pos or review) stays as
it is. A term whose spelling changed only in case keeps its fields (a respelling);
a different word is a new term. Rows missing from the sheet are left alone:
an export may be a selection.

Each change is a ``SheetEdit``; the CLI shows them as a diff before writing.
With no cell edited, nothing changes (not even the order of terms in a file),
and importing an edited sheet, then exporting again, gives the edited sheet.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from moci_vocab.formats.csv import YES
from moci_vocab.model import CONCEPT_STATUSES, TERM_STATUSES, Concept, Term
from moci_vocab.textnorm import match_key

YES_WORDS = {YES, "true", "1", "x", "y"}

Vocabulary = Callable[[str, list[str]], list[str]]


@dataclass
class SheetEdit:
    """One change a sheet makes to a concept, shown as a line of a diff."""

    concept: str
    kind: str  # added, removed, replaced, status, respelled, set, cleared, problem
    what: str  # "sq term", "definition in en", "status", "tags" …
    old: str = ""
    new: str = ""

    def describe(self) -> str:
        """The change in words: `sq preferred term 'pajtim' replaced by 'pajtimi'`."""
        if self.kind == "replaced":
            return f"{self.what} {self.old!r} replaced by {self.new!r}"
        if self.kind == "added":
            return f"{self.what} {self.new!r} added"
        if self.kind == "removed":
            return f"{self.what} {self.old!r} removed"
        if self.kind == "cleared":
            return f"{self.what} removed (was {self.old!r})"
        if self.kind == "problem":
            return f"{self.what}: {self.new}"
        return f"{self.what}: {self.old!r} → {self.new!r}"

    def diff_lines(self) -> list[str]:
        """`-` old and `+` new lines, as a unified diff shows a changed line."""
        if self.kind == "problem":
            return [f"! {self.what}: {self.new}"]
        lines = []
        if self.old:
            lines.append(f"- {self.what}: {self.old}")
        if self.new:
            lines.append(f"+ {self.what}: {self.new}")
        return lines


def update_from_sheet(
    existing: Concept, row: Concept, sheet, vocabulary: Vocabulary, fields: dict[str, str]
) -> list[SheetEdit]:
    """Make ``existing`` what the sheet's ``row`` says for the columns the sheet has."""
    edits: list[SheetEdit] = []
    langs = sorted({lang for lang, _status in sheet.terms})
    added_language = False
    for lang in langs:
        statuses = {status for tag, status in sheet.terms if tag == lang}
        had = lang in existing.terms
        edits += _update_terms(existing, lang, statuses, row.terms.get(lang, []))
        added_language |= not had and lang in existing.terms
    if added_language:
        order = sheet.langs
        existing.terms = dict(
            sorted(
                existing.terms.items(),
                key=lambda item: order.index(item[0]) if item[0] in order else len(order),
            )
        )
    for what, langs_present in (("definition", sheet.definitions), ("note", sheet.notes)):
        have: dict[str, str] = getattr(existing, what)
        wanted: dict[str, str] = getattr(row, what)
        for lang in sorted(langs_present):
            old, new = have.get(lang, ""), wanted.get(lang, "")
            if old == new:
                continue
            if new:
                have[lang] = new
            else:
                del have[lang]
            kind = "set" if new and old else ("cleared" if old else "added")
            edits.append(SheetEdit(existing.id, kind, f"{what} in {lang}", old, new))
    edits += _update_fields(existing, fields, vocabulary)
    return edits


def _update_terms(
    concept: Concept, lang: str, statuses: set[str], wanted: list[Term]
) -> list[SheetEdit]:
    """The terms of one language as the sheet lists them; see the module's docstring."""
    terms = concept.terms.get(lang, [])
    edits: list[SheetEdit] = []
    matched: dict[int, Term] = {}  # id(existing term) → the sheet's term
    order: dict[str, list[Term]] = {status: [] for status in TERM_STATUSES}
    seen: set[str] = set()
    for term in wanted:
        key = match_key(term.term)
        if key in seen:
            edits.append(
                SheetEdit(concept.id, "problem", f"{lang} term", new=f"{term.term!r} listed twice")
            )
            continue
        seen.add(key)
        have = next((t for t in terms if match_key(t.term) == key and id(t) not in matched), None)
        if have is None:
            have = Term(term=term.term, status=term.status)
            edits.append(
                SheetEdit(concept.id, "added", f"{lang} {term.status} term", new=term.term)
            )
        else:
            matched[id(have)] = term
            if have.term != term.term:
                edits.append(
                    SheetEdit(concept.id, "respelled", f"{lang} term", have.term, term.term)
                )
                have.term = term.term
            if have.status != term.status:
                edits.append(
                    SheetEdit(
                        concept.id, "status", f"{lang} term {have.term!r}", have.status, term.status
                    )
                )
                have.status = term.status
        order[term.status].append(have)
    removed = [t for t in terms if id(t) not in matched and t.status in statuses]
    removed_ids = {id(t) for t in removed}
    for term in removed:
        edits.append(SheetEdit(concept.id, "removed", f"{lang} {term.status} term", old=term.term))
    _pair_replacements(edits, lang)
    result: list[Term] = []
    slots: list[tuple[int, str]] = []
    for term in terms:
        if id(term) in removed_ids:
            continue
        if id(term) in matched:
            slots.append((len(result), term.status))
            result.append(term)  # a placeholder, filled below in the sheet's order
        else:
            result.append(term)
    queues = {status: list(items) for status, items in order.items()}
    for position, status in slots:
        result[position] = queues[status].pop(0)
    for status in TERM_STATUSES:
        result.extend(queues[status])
    if result:
        concept.terms[lang] = result
    else:
        concept.terms.pop(lang, None)
    return edits


def _pair_replacements(edits: list[SheetEdit], lang: str) -> None:
    """A removed and an added preferred term are one change: the preferred term replaced."""
    what = f"{lang} preferred term"
    removed = next((e for e in edits if e.kind == "removed" and e.what == what), None)
    added = next((e for e in edits if e.kind == "added" and e.what == what), None)
    if removed and added:
        edits.remove(added)
        removed.kind, removed.new = "replaced", added.new


def _update_fields(
    concept: Concept, fields: dict[str, str], vocabulary: Vocabulary
) -> list[SheetEdit]:
    edits: list[SheetEdit] = []

    def change(name: str, old, new, shown_old: str, shown_new: str) -> None:
        if old != new:
            setattr(concept, name, new)
            edits.append(SheetEdit(concept.id, "set", name, shown_old, shown_new))

    if "status" in fields:
        status = fields["status"].strip()
        if status in CONCEPT_STATUSES:
            change("status", concept.status, status, concept.status, status)
        else:
            message = f"{status!r} is not one of {', '.join(CONCEPT_STATUSES)}; kept"
            edits.append(SheetEdit(concept.id, "problem", "status", new=message))
    if "domain" in fields:
        domains = vocabulary(
            "domain", [fields["domain"].strip()] if fields["domain"].strip() else []
        )
        new = domains[0] if domains else None
        change("domain", concept.domain, new, concept.domain or "", new or "")
    for name in ("tags", "related", "broader"):
        if name in fields:
            values = split_list(fields[name])
            if name == "tags":
                values = vocabulary("tag", values)
            old = list(getattr(concept, name))
            change(name, old, values, ", ".join(old), ", ".join(values))
    if "do_not_translate" in fields:
        new = fields["do_not_translate"].strip().casefold() in YES_WORDS
        old = concept.do_not_translate
        change("do_not_translate", old, new, "yes" if old else "", "yes" if new else "")
    return edits


def split_list(cell: str) -> list[str]:
    """`core, workshop` → [core, workshop] (commas or spaces)."""
    return [part for part in cell.replace(",", " ").split() if part]
