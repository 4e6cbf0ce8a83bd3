"""`import FORMAT FILE`: merge a CSV, XLSX, PO, TBX or JSON glossary into this one."""

from __future__ import annotations

import contextlib
from pathlib import Path

import click

from moci_vocab.cli.common import (
    FORMAT_TEXT_JSON,
    State,
    confirm_or_refuse,
    echo,
    echo_json,
    examples,
    format_option,
    is_interactive,
    pass_state,
    say,
    split_list,
    yes_option,
)

IMPORT_FORMATS = ("csv", "xlsx", "po", "tbx", "json")
ON_DUPLICATE = ("merge", "new", "skip", "ask")
SHOWN_DETAILS = 3


@click.command(
    epilog=examples(
        "moci-vocab import po glossary-sq.po --dry-run",
        "moci-vocab import csv weblate-glossary.csv --lang de --yes",
        "moci-vocab import tbx terms.tbx --lang sq,ka",
    )
)
@click.argument("fmt", metavar="FORMAT", type=click.Choice(IMPORT_FORMATS))
@click.argument("file", type=click.Path(exists=True, dir_okay=False, readable=True, path_type=Path))
@click.option(
    "--lang",
    "langs",
    multiple=True,
    help="PO and two-column CSV: the language of the translations (default: the file's "
    "header or name). TBX, CSV, JSON: import only these languages.",
)
@click.option(
    "--columns",
    metavar="FIELD=COLUMN,…",
    multiple=True,
    help="CSV/XLSX: which column holds what, e.g. en=Term,sq=Translation,definition.en="
    "Description (columns by header name, or by number 1,2,… for a file without header).",
)
@click.option(
    "--split",
    metavar="CHARS",
    default="",
    help="Split a cell (or msgstr) into alternative terms at these characters, e.g. ','.",
)
@click.option(
    "--on-duplicate",
    type=click.Choice(ON_DUPLICATE),
    help="A near-duplicate: merge into the closest concept, add a new one, skip it, or ask "
    "(default: ask on a terminal; with --yes, merge spelling variants, else new).",
)
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@yes_option(
    "Do not ask: apply a sheet's edits; merge spelling variants (check box/Checkbox), "
    "import other near-duplicates as new concepts."
)
@click.option(
    "--include-untranslated",
    is_flag=True,
    help="PO and bilingual CSV: also import entries without a translation (source only).",
)
@click.option(
    "--include-fuzzy", is_flag=True, help="PO: also import fuzzy translations (as draft)."
)
@format_option(*FORMAT_TEXT_JSON, dest="out_format")
@pass_state
def import_cmd(
    state: State,
    fmt: str,
    file: Path,
    langs: tuple[str, ...],
    columns: tuple[str, ...],
    split: str,
    on_duplicate: str | None,
    dry_run: bool,
    yes: bool,
    include_untranslated: bool,
    include_fuzzy: bool,
    out_format: str,
):
    """Merge the glossary in FILE (csv, xlsx, po, tbx or json) into this glossary.

    Concepts with the same source term (or, in moci-vocab's own exports, the same id) get
    the file's new terms; new ones are added with ids made from their source term. A
    concept that only looks like an existing one (a near-duplicate) is asked about on a
    terminal; scripts decide with --on-duplicate or --yes, or review it with --dry-run
    first. Problems in the file (lines that are not UTF-8, rows without a term) are
    reported with their line and left out; the rest is imported.

    A sheet exported by moci-vocab (wide CSV, XLSX) and edited brings its edits back:
    the changes are shown as a diff and written with --yes (or after a question on a
    terminal).
    """
    from moci_vocab.errors import MociError
    from moci_vocab.importers import ReadOptions, get_reader
    from moci_vocab.importers.merge import plan_merge

    # --dry-run only reads: like every reading command, it never acts on a journal.
    with contextlib.nullcontext(state.glossary()) if dry_run else state.editing() as glossary:
        options = ReadOptions(
            source_language=glossary.source_language,
            languages=_languages(split_list(langs)),
            include_untranslated=include_untranslated,
            include_fuzzy=include_fuzzy,
            columns=parse_columns(columns),
            split=split,
        )
        imported = get_reader(fmt)(file, options)
        decide = _decider(yes, dry_run, out_format, on_duplicate)
        plan = plan_merge(glossary, imported, decide, stage=not dry_run)
        if plan.undecided and not dry_run:
            _show(state, imported, plan, glossary, mode="refused", out_format="text")
            raise MociError(
                f"{len(plan.undecided)} near-duplicate(s) found (listed above); review them "
                "with --dry-run, then decide with --on-duplicate merge|new|skip (or --yes)"
            )
        if plan.edits and not dry_run and not yes:
            if out_format == "text":
                _show_edits(plan)
            confirm_or_refuse(
                f"Apply these {len(plan.edits)} change(s) from the sheet?",
                False,
                f"the sheet changes {len(plan.edits)} cell(s) of the glossary (shown above); "
                "pass --yes to apply them, or --dry-run to review",
            )
            shown_edits = True
        else:
            shown_edits = False
        if not dry_run:
            plan.changes.apply()
    mode = "dry-run" if dry_run else "done"
    if plan.edits and out_format == "text" and not shown_edits:
        _show_edits(plan)
    _show(state, imported, plan, glossary, mode=mode, out_format=out_format)


def parse_columns(values: tuple[str, ...]) -> dict[str, str]:
    """`en=Term,sq=Translation` (repeatable) → {"en": "Term", "sq": "Translation"}."""
    from moci_vocab.errors import MociError

    mapping: dict[str, str] = {}
    for value in values:
        for item in value.split(","):
            if not item.strip():
                continue
            target, sep, column = item.partition("=")
            if not sep or not target.strip() or not column.strip():
                raise MociError(
                    f"--columns {item!r} must look like FIELD=COLUMN, e.g. sq=Translation"
                )
            mapping[target.strip()] = column.strip()
    return mapping


def _show_edits(plan) -> None:
    """The sheet's changes as a diff, concept by concept (stdout: it is the data)."""
    from moci_vocab.cli import printable

    current = None
    for edit in sorted(plan.edits, key=lambda e: e.concept):
        if edit.concept != current:
            current = edit.concept
            click.echo(printable(f"@@ {edit.concept}"))
        for line in edit.diff_lines():
            click.echo(printable(line))


def _languages(values: list[str]) -> list[str]:
    from moci_vocab.languages import gettext_to_bcp47

    return [gettext_to_bcp47(value) for value in values]


def _decider(yes: bool, dry_run: bool, out_format: str, on_duplicate: str | None = None):
    """--on-duplicate decides; --yes takes the proposal (merge a spelling variant, else new);
    on a terminal, ask; else leave undecided."""
    if on_duplicate in ("new", "skip"):
        return lambda duplicate: on_duplicate
    if on_duplicate == "merge":
        return lambda duplicate: f"merge:{duplicate.candidates[0].concept}"
    if yes and on_duplicate is None:
        return lambda duplicate: duplicate.proposal
    if dry_run or out_format == "json" or not is_interactive():
        return None
    return _ask


def _ask(duplicate) -> str:
    echo(f"{duplicate.source_term!r} looks like:", err=True)
    for number, candidate in enumerate(duplicate.candidates, start=1):
        echo(
            f"  {number}) {candidate.term!r} in {candidate.concept} ({candidate.score:.0f}%)",
            err=True,
        )
    choices = ["n", "s", *(str(i) for i in range(1, len(duplicate.candidates) + 1))]
    if duplicate.variant:
        click.echo("  (a spelling variant of 1: proposed as one concept)", err=True)
    answer = click.prompt(
        "Add as a [n]ew concept, [s]kip it, or merge into number",
        type=click.Choice(choices),
        default="1" if duplicate.variant else "n",
        err=True,
    )
    if answer == "n":
        return "new"
    if answer == "s":
        return "skip"
    return f"merge:{duplicate.candidates[int(answer) - 1].concept}"


def _show(state: State, imported, plan, glossary, mode: str, out_format: str) -> None:
    """Problems, near-duplicates, (in a dry run) every change, and a summary."""
    from moci_vocab.errors import display_path
    from moci_vocab.importers.merge import apply_order

    where = display_path(imported.path)
    problems = [(p.line, p.message) for p in imported.problems] + plan.problems + plan.conflicts
    if out_format == "json":
        echo_json(
            {
                "file": str(imported.path),
                "format": imported.format,
                "dry_run": mode == "dry-run",
                "summary": plan.summary() | {"skipped_entries": dict(imported.skipped)},
                "changes": [
                    {"concept": c.concept, "kind": c.kind, "details": c.details, "line": c.line}
                    for c in apply_order(plan)
                ],
                "problems": [{"line": line, "message": msg} for line, msg in problems],
                "edits": [
                    {
                        "concept": e.concept,
                        "kind": e.kind,
                        "what": e.what,
                        "old": e.old,
                        "new": e.new,
                    }
                    for e in plan.edits
                ],
                "near_duplicates": [
                    {
                        "term": d.source_term,
                        "line": d.line,
                        "decision": d.decision,
                        "candidates": [
                            {"concept": c.concept, "term": c.term, "score": round(c.score, 1)}
                            for c in d.candidates
                        ],
                    }
                    for d in plan.duplicates
                ],
            }
        )
        return
    for line, message in problems:
        echo(
            f"warning: {where}:{line}: {message}" if line else f"warning: {where}: {message}",
            err=True,
        )
    if imported.version and imported.version != glossary.manifest.version:
        say(
            state,
            f"note: the file was exported from version {imported.version}; "
            f"this glossary is at {glossary.manifest.version}",
        )
    for duplicate in plan.duplicates:
        listed = ", ".join(
            f"{c.concept} ({c.term!r}, {c.score:.0f}%)" for c in duplicate.candidates
        )
        at = f"{where}:{duplicate.line}: " if duplicate.line else ""
        decision = {"ask": "undecided", "new": "new concept", "skip": "skipped"}.get(
            duplicate.decision, duplicate.decision.replace("merge:", "merged into ")
        )
        variant = " (spelling variant)" if duplicate.variant else ""
        say(
            state,
            f"near-duplicate: {at}{duplicate.source_term!r} looks like {listed}{variant} "
            f"→ {decision}",
        )
    if mode == "refused":
        return
    if mode == "dry-run":
        for change in apply_order(plan):
            if change.kind == "unchanged":
                continue
            mark = {"added": "+", "updated": "~", "skipped": "-"}[change.kind]
            echo(f"{mark} {change.concept}: {'; '.join(change.details)}")
    for message in plan.messages:
        say(state, message)
    summary = plan.summary()
    skipped = ", ".join(f"{n} {why}" for why, n in sorted(imported.skipped.items()))
    verb = "would import" if mode == "dry-run" else "imported"
    say(
        state,
        f"{verb} {where}: {summary['added']} new concepts, {summary['updated']} updated "
        f"({summary['terms_added']} terms added), {summary['unchanged']} unchanged"
        + (f"; entries left out: {skipped}" if skipped else "")
        + (" (dry run: nothing was written)" if mode == "dry-run" else ""),
    )
