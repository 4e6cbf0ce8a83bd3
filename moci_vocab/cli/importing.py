"""`import FORMAT FILE`: merge a CSV, PO, TBX or JSON glossary into this one."""

from __future__ import annotations

from pathlib import Path

import click

from moci_vocab.cli.common import (
    FORMAT_TEXT_JSON,
    State,
    echo_json,
    format_option,
    is_interactive,
    pass_state,
    say,
    split_list,
    yes_option,
)

IMPORT_FORMATS = ("csv", "po", "tbx", "json")
SHOWN_DETAILS = 3


@click.command(
    epilog="Examples:\n\n  moci-vocab import po glossary-sq.po --dry-run\n\n"
    "  moci-vocab import csv weblate-glossary.csv --lang de --yes\n\n"
    "  moci-vocab import tbx terms.tbx --lang sq,ka"
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
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@yes_option("Do not ask; import near-duplicates as new concepts.")
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
    dry_run: bool,
    yes: bool,
    include_untranslated: bool,
    include_fuzzy: bool,
    out_format: str,
):
    """Merge the glossary in FILE (csv, po, tbx or json) into this glossary.

    Concepts with the same source term (or, in moci-vocab's own exports, the same id) get
    the file's new terms; new ones are added with ids made from their source term. A
    concept that only looks like an existing one (a near-duplicate) is asked about on a
    terminal; scripts must pass --yes (import it as a new concept) or review it with
    --dry-run first. Problems in the file (lines that are not UTF-8, rows without a
    term) are reported with their line and left out; the rest is imported.
    """
    from moci_vocab.errors import MociError
    from moci_vocab.importers import ReadOptions, get_reader
    from moci_vocab.importers.merge import plan_merge

    with state.editing() as glossary:
        options = ReadOptions(
            source_language=glossary.source_language,
            languages=_languages(split_list(langs)),
            include_untranslated=include_untranslated,
            include_fuzzy=include_fuzzy,
        )
        imported = get_reader(fmt)(file, options)
        decide = _decider(yes, dry_run, out_format)
        plan = plan_merge(glossary, imported, decide)
        if plan.undecided and not dry_run:
            _show(state, imported, plan, glossary, mode="refused", out_format="text")
            raise MociError(
                f"{len(plan.undecided)} near-duplicate(s) found (listed above); review them "
                "with --dry-run, then pass --yes to import them as new concepts"
            )
        if not dry_run:
            plan.changes.apply()
    mode = "dry-run" if dry_run else "done"
    _show(state, imported, plan, glossary, mode=mode, out_format=out_format)


def _languages(values: list[str]) -> list[str]:
    from moci_vocab.languages import gettext_to_bcp47

    return [gettext_to_bcp47(value) for value in values]


def _decider(yes: bool, dry_run: bool, out_format: str):
    """--yes: a near-duplicate becomes a new concept; on a terminal, ask; else leave undecided."""
    if yes:
        return lambda duplicate: "new"
    if dry_run or out_format == "json" or not is_interactive():
        return None
    return _ask


def _ask(duplicate) -> str:
    click.echo(f"{duplicate.source_term!r} looks like:", err=True)
    for number, candidate in enumerate(duplicate.candidates, start=1):
        click.echo(
            f"  {number}) {candidate.term!r} in {candidate.concept} ({candidate.score:.0f}%)",
            err=True,
        )
    choices = ["n", "s", *(str(i) for i in range(1, len(duplicate.candidates) + 1))]
    answer = click.prompt(
        "Add as a [n]ew concept, [s]kip it, or merge into number",
        type=click.Choice(choices),
        default="n",
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
    problems = [(p.line, p.message) for p in imported.problems] + plan.problems
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
        click.echo(
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
        say(
            state, f"near-duplicate: {at}{duplicate.source_term!r} looks like {listed} → {decision}"
        )
    if mode == "refused":
        return
    if mode == "dry-run":
        for change in apply_order(plan):
            if change.kind == "unchanged":
                continue
            mark = {"added": "+", "updated": "~", "skipped": "-"}[change.kind]
            click.echo(f"{mark} {change.concept}: {'; '.join(change.details)}")
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
