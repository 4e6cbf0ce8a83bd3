"""`check`: every rule over the whole glossary, as findings with file and line.

One module per family of rules (``structure`` MV1xx, ``text`` MV2xx,
``script`` MV3xx, ``duplicates`` MV4xx, ``references`` MV5xx); the registry
holds their codes, default severities and summaries. The loader's own
findings (MV001–MV004) come first. Then:

1. severities from the manifest's ``checks:`` mapping (``off`` drops a rule);
2. silencing by the concept file's ``ignore: [{code, lang?, reason}]``; a
   problem seen from several concepts (a near-duplicate pair, a cycle) is
   silenced by an entry in any of them; an entry that silences nothing is
   reported itself (MV111), so stale entries do not pile up;
3. with ``since``, only findings in concepts changed since a git revision
   (or about one: a link to a concept the change deleted);
4. line numbers, from the line table the loader kept of each file (in the cache).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from moci_vocab.checks import duplicates, references, script, structure, text
from moci_vocab.checks.context import Context, Issue, ignore_index
from moci_vocab.checks.registry import OFF, RULES, descriptions, severity_of
from moci_vocab.findings import Finding, summary
from moci_vocab.model import Glossary

FAMILIES = (structure, text, script, duplicates, references)

__all__ = ["RULES", "CheckResult", "descriptions", "run_check"]


@dataclass
class CheckResult:
    """What `check` found, with the numbers its summary reports."""

    findings: list[Finding]
    concepts: int
    suppressed: int = 0
    since: str | None = None
    changed: list[str] | None = field(default=None)  # concept ids, with --since

    def summary(self) -> dict[str, Any]:
        """The findings counted by severity, with concepts, suppressed and --since figures."""
        totals: dict[str, Any] = summary(self.findings)
        totals.update(concepts=self.concepts, suppressed=self.suppressed, since=self.since)
        if self.changed is not None:
            totals["changed_concepts"] = len(self.changed)
        return totals


def run_check(
    root: Path, since: str | None = None, progress: Callable[[int, int], None] | None = None
) -> CheckResult:
    """Check the glossary at ``root`` (MociError only when it cannot be found or git fails).

    ``progress(done, total)`` hears how the reading of the concept files goes.
    """
    import gc

    from moci_vocab.cache import gc_paused

    # Loading and checking allocate a few objects per term and free nearly none, so
    # the cyclic garbage collector only rescans the growing glossary again and again
    # (a quarter of the run on 10,000 concepts). It is back on when the check ends.
    with gc_paused():
        result = _run_check(Path(root), since, progress)
        # What loading made and the findings live on while the output is written: frozen,
        # they are not walked again by the collector when it resumes (a sixth of a warm
        # run on 10,000 concepts). They are still freed when no longer used (reference
        # counts); a long-lived caller that makes cycles of them can call gc.unfreeze().
        gc.freeze()
    return result


def _run_check(
    root: Path, since: str | None, progress: Callable[[int, int], None] | None
) -> CheckResult:
    from moci_vocab.store import load_glossary_reporting

    changed = None
    if since is not None:
        from moci_vocab.checks.since import changed_since

        changed = changed_since(root, since)  # first: a bad revision fails fast
    glossary, loaded = load_glossary_reporting(root, progress)
    ctx = Context(glossary)
    for family in FAMILIES:
        family.check(ctx)
    overrides = glossary.manifest.checks
    issues = [_from_finding(f) for f in loaded] + ctx.issues
    issues = [i for i in issues if severity_of(i.code, overrides) != OFF]
    kept, suppressed, used = _silence(glossary, issues)
    kept += [i for i in _unused_ignores(glossary, used) if severity_of(i.code, overrides) != OFF]
    if changed is not None:
        kept = _only_changed(kept, changed)
    kept = duplicates.merge_clusters(kept)
    findings = _locate(glossary, kept, overrides)
    findings.sort(key=Finding.sort_key)
    return CheckResult(
        findings=findings,
        concepts=len(glossary.concepts),
        suppressed=suppressed,
        since=since,
        changed=sorted(changed.concepts) if changed is not None else None,
    )


def _from_finding(finding: Finding) -> Issue:
    return Issue(
        finding.code,
        finding.concept,
        finding.message,
        lang=finding.lang,
        extra=dict(finding.extra),
        file=finding.file,
        line=finding.line,
        column=finding.column,
    )


# --------------------------------------------------------------------------- silencing


def _silence(glossary: Glossary, issues: list[Issue]) -> tuple[list[Issue], int, set]:
    """Issues that no `ignore` entry silences, how many were silenced, the entries used."""
    used: set[tuple[str, int]] = set()
    silenced_groups = set()
    kept = []
    for issue in issues:
        entry = _ignore_entry(glossary, issue)
        if entry is None:
            kept.append(issue)
            continue
        used.add(entry)
        if issue.group is not None:
            silenced_groups.add(issue.group)
    kept = [i for i in kept if i.group is None or i.group not in silenced_groups]
    kept_ids = {id(i) for i in kept}
    # A cluster (one problem of several concepts) is one finding, so it counts once.
    silenced = {
        i.cluster if i.cluster is not None else id(i) for i in issues if id(i) not in kept_ids
    }
    return kept, len(silenced), used


def _ignore_entry(glossary: Glossary, issue: Issue) -> tuple[str, int] | None:
    concept = glossary.concepts.get(issue.concept) if issue.concept else None
    if concept is None:
        return None
    index = ignore_index(concept, issue.code, issue.lang)
    return None if index is None else (concept.id, index)


def _unused_ignores(glossary: Glossary, used: set[tuple[str, int]]) -> list[Issue]:
    issues = []
    for concept in glossary.concepts.values():
        for index, item in enumerate(concept.ignore):
            if item.code in RULES and (concept.id, index) not in used:
                where = f" in {item.lang!r}" if item.lang else ""
                issues.append(
                    Issue(
                        "MV111",
                        concept.id,
                        f"`ignore` of {item.code}{where} silences nothing (the problem is gone); "
                        "remove the entry",
                        lang=item.lang,
                        at=("ignore", index),
                    )
                )
    return issues


def _only_changed(issues: list[Issue], changed) -> list[Issue]:
    """Issues of changed concepts, and every issue of a group that has one."""
    groups = {i.group for i in issues if i.group is not None and changed.covers(i.concept)}
    return [
        i
        for i in issues
        if changed.covers(i.concept, i.others) or (i.group is not None and i.group in groups)
    ]


# --------------------------------------------------------------------------- lines


def _locate(glossary: Glossary, issues: list[Issue], overrides: dict[str, str]) -> list[Finding]:
    """Findings with file and line, from the places the loader kept of each file."""
    wanted: dict[str | None, set[tuple]] = {}  # concept (None: the manifest) → (at, term)
    for issue in issues:
        if not issue.file:
            wanted.setdefault(issue.concept, set()).add((issue.at, issue.term))
        for concept, at, term in issue.members:
            wanted.setdefault(concept, set()).add((at, term))
    files: dict[str | None, str | None] = {}
    lines: dict[tuple, int | None] = {}
    for concept, places in wanted.items():  # one document at a time: little memory
        path, doc = _concept_document(glossary, concept)
        files[concept] = str(path) if path is not None else None
        if path is not None:
            for at, term in places:
                lines[(concept, at, term)] = _line(doc, at, term)
    findings = []
    for issue in issues:
        file, line = str(Path(issue.file)) if issue.file else None, issue.line
        if not file and files[issue.concept] is not None:
            file, line = files[issue.concept], lines[(issue.concept, issue.at, issue.term)]
        locations = tuple((files[c], lines.get((c, at, term)), c) for c, at, term in issue.members)
        findings.append(
            Finding(
                code=issue.code,
                severity=severity_of(issue.code, overrides),
                message=issue.message,
                file=file,
                line=line,
                column=issue.column,
                concept=issue.concept,
                lang=issue.lang,
                extra=issue.extra,
                locations=locations,
            )
        )
    return findings


def _concept_document(glossary: Glossary, concept_id: str | None) -> tuple[Path | str | None, Any]:
    """The file of a concept (None: of the manifest) and its document for looking up lines:
    from the places the loader kept (no second read), else read again."""
    from moci_vocab.store import TERMS, document_at, manifest_path

    if concept_id is None:
        path = manifest_path(glossary.root)
        return path, _document(path)
    name, places = glossary.places.get(concept_id, ("", b""))
    if places and name in (f"{concept_id}.yaml", f"{concept_id}.yml"):
        path = os.path.join(glossary.root, TERMS, name)  # str(Path(...)): no Path per file
        return path, document_at(path, places)
    found = _concept_file(glossary.root, concept_id)
    return found, _document(found) if found is not None else None


def _concept_file(root: Path, concept_id: str) -> Path | None:
    from moci_vocab.store import TERMS

    for suffix in (".yaml", ".yml"):
        path = Path(root) / TERMS / f"{concept_id}{suffix}"
        if os.path.isfile(path):  # False, not an error, for a 5,000-character "id"
            return path
    return None


def _document(path: Path):
    from moci_vocab.errors import MociError
    from moci_vocab.yamlio import read_yaml

    try:
        return read_yaml(path)
    except MociError:
        return None


def _line(doc, at: tuple, term: str | None) -> int | None:
    if doc is None:
        return None
    if term is not None and len(at) >= 3 and at[0] == "terms":
        at = (*at[:2], _term_index(doc.data, at[1], at[2], term), *at[3:])
    return doc.line(*at)


def _term_index(data: Any, lang: str, index: int, text: str) -> int:
    """The position of the term ``text`` in the file's list (the model skips bad items)."""
    try:
        items = data["terms"][lang]
    except (KeyError, TypeError):
        return index
    if isinstance(items, dict):
        items = [items]
    if not isinstance(items, list):
        return index

    def text_of(item: Any) -> Any:
        return item.get("term") if isinstance(item, dict) else item

    if index < len(items) and text_of(items[index]) == text:
        return index
    for position, item in enumerate(items):
        if text_of(item) == text:
            return position
    return index
