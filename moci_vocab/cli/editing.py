"""Commands that change the glossary: init, add, translate, edit, deprecate, rename, remove, fmt."""

from __future__ import annotations

from pathlib import Path

import click

from moci_vocab.cli.common import (
    FORMAT_TEXT_JSON,
    State,
    apply_outcome,
    confirm_or_refuse,
    format_option,
    pass_state,
    say,
    split_list,
    yes_option,
)
from moci_vocab.model import CONCEPT_STATUSES, PARTS_OF_SPEECH, REVIEW_STATES, TERM_STATUSES


@click.command(epilog="Example: moci-vocab init my-glossary --source en --languages sq,ka,hy")
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", help="The glossary's name (default: the folder's name).")
@click.option("--source", default="en", show_default=True, help="Source language tag.")
@click.option(
    "--languages", default="", help="Comma-separated target language tags, e.g. sq,ka,hy."
)
@click.option(
    "--required",
    default="",
    metavar="LANGS",
    help="Languages every concept must have a term in (default: only the source language).",
)
@pass_state
def init_cmd(
    state: State,
    directory: Path | None,
    name: str | None,
    source: str,
    languages: str,
    required: str,
):
    """Create a new, empty glossary repository in DIRECTORY (default: --root or here).

    Only the source language is `required` (`check` fails on a concept without a term in
    it) unless --required names more; the others can be translated over time.
    """
    from moci_vocab.operations import init_glossary

    root = directory or Path(state.root_option or ".")
    name = name or root.resolve().name.replace("-", " ").replace("_", " ").strip() or "Glossary"
    outcome = init_glossary(root, name, source, split_list((languages,)), split_list((required,)))
    apply_outcome(state, outcome)


def _warn_near_duplicates(state: State, glossary, terms, exclude: str | None, yes: bool) -> None:
    from moci_vocab.operations import near_duplicate_warnings

    found = near_duplicate_warnings(glossary, terms, exclude)
    if not found:
        return
    say(state, "near-duplicates in the glossary:\n" + "\n".join(found))
    confirm_or_refuse(
        "Write it anyway?",
        yes,
        "near-duplicates found (listed above); check them, then pass --yes to write anyway",
    )


@click.command(
    epilog="Example: moci-vocab add reconciliation --term en=reconciliation --term sq=pajtim "
    "--definition en='Restoring trust after conflict.' --tag core --yes"
)
@click.argument("concept_id", metavar="ID")
@click.option("--term", "terms", multiple=True, metavar="LANG=TEXT", help="A term (repeatable).")
@click.option(
    "--definition", "definitions", multiple=True, metavar="LANG=TEXT", help="A definition."
)
@click.option("--tag", "tags", multiple=True, help="A tag (repeatable or comma-separated).")
@click.option("--domain", help="The subject field.")
@click.option("--pos", type=click.Choice(PARTS_OF_SPEECH), help="Part of speech of the terms.")
@click.option("--do-not-translate", is_flag=True, help="A name that stays as it is (MOCI).")
@yes_option("Do not ask; write despite near-duplicates.")
@format_option(*FORMAT_TEXT_JSON)
@pass_state
def add_cmd(
    state: State, concept_id, terms, definitions, tags, domain, pos, do_not_translate, yes, fmt
):
    """Add a new concept ID with its terms and definitions."""
    from moci_vocab.cli.common import echo_json
    from moci_vocab.operations import NewConcept, add_concept, parse_assignment

    pairs = [parse_assignment(item, "--term") for item in terms]
    new = NewConcept(
        concept_id=concept_id,
        terms=pairs,
        definitions=[parse_assignment(item, "--definition") for item in definitions],
        tags=split_list(tags),
        domain=domain,
        do_not_translate=do_not_translate,
        pos=pos,
    )
    with state.editing() as glossary:
        if concept_id not in glossary.concepts:
            _warn_near_duplicates(state, glossary, pairs, None, yes)
        outcome = add_concept(glossary, new)
        apply_outcome(state, outcome)
    if fmt == "json":
        echo_json(outcome.concept.to_dict())


@click.command(
    epilog="Examples:\n\n  moci-vocab translate reconciliation ka შერიგება\n\n"
    "  moci-vocab translate reconciliation sq pajtim --status preferred"
)
@click.argument("concept_id", metavar="ID")
@click.argument("lang", metavar="LANG")
@click.argument("text", metavar="TEXT")
@click.option("--status", type=click.Choice(TERM_STATUSES), help="Set the term's status.")
@click.option("--note", help="A note on the term.")
@click.option("--review", type=click.Choice(REVIEW_STATES), help="Set the review state.")
@yes_option("Do not ask; write despite near-duplicates.")
@format_option(*FORMAT_TEXT_JSON)
@pass_state
def translate_cmd(state: State, concept_id, lang, text, status, note, review, yes, fmt):
    """Add TEXT as a LANG term of concept ID, or change an existing term's status.

    A new term is preferred when LANG has none yet, admitted otherwise;
    `--status preferred` demotes the previous preferred term to admitted.
    """
    from moci_vocab.cli.common import echo_json
    from moci_vocab.operations import require_concept, translate

    with state.editing() as glossary:
        concept = require_concept(glossary, concept_id)
        if concept.find_term(lang, text) is None:
            _warn_near_duplicates(state, glossary, [(lang, text)], concept_id, yes)
        outcome = translate(glossary, concept_id, lang, text, status, note, review)
        apply_outcome(state, outcome)
    if fmt == "json":
        echo_json(outcome.concept.to_dict())


@click.command(
    epilog="Example: moci-vocab edit resilience --definition en='...' --add-tag core "
    "--add-related reconciliation"
)
@click.argument("concept_id", metavar="ID")
@click.option(
    "--definition",
    "definitions",
    multiple=True,
    metavar="LANG=TEXT",
    help="Set (or with empty TEXT remove) a definition.",
)
@click.option("--note", "notes", multiple=True, metavar="LANG=TEXT", help="Set a note.")
@click.option("--add-tag", multiple=True, help="Add a tag.")
@click.option("--remove-tag", multiple=True, help="Remove a tag.")
@click.option("--domain", help="Set the domain ('' removes it).")
@click.option("--status", type=click.Choice(CONCEPT_STATUSES), help="The concept's status.")
@click.option(
    "--do-not-translate/--translate",
    "do_not_translate",
    default=None,
    help="Mark the concept as a name that stays untranslated, or undo that.",
)
@click.option("--add-related", multiple=True, metavar="ID", help="Link a related concept.")
@click.option("--remove-related", multiple=True, metavar="ID")
@click.option("--add-broader", multiple=True, metavar="ID", help="Link a broader concept.")
@click.option("--remove-broader", multiple=True, metavar="ID")
@click.option("--remove-term", multiple=True, metavar="LANG=TEXT", help="Delete a term.")
@pass_state
def edit_cmd(
    state: State,
    concept_id,
    definitions,
    notes,
    add_tag,
    remove_tag,
    domain,
    status,
    do_not_translate,
    add_related,
    remove_related,
    add_broader,
    remove_broader,
    remove_term,
):
    """Change concept ID: definitions, notes, tags, domain, status, links."""
    from moci_vocab.operations import Edit, edit, parse_assignment

    change = Edit(
        definitions=[parse_assignment(d, "--definition") for d in definitions],
        notes=[parse_assignment(n, "--note") for n in notes],
        add_tags=split_list(add_tag),
        remove_tags=split_list(remove_tag),
        domain=domain,
        status=status,
        do_not_translate=do_not_translate,
        add_related=split_list(add_related),
        remove_related=split_list(remove_related),
        add_broader=split_list(add_broader),
        remove_broader=split_list(remove_broader),
        remove_terms=[parse_assignment(t, "--remove-term") for t in remove_term],
    )
    with state.editing() as glossary:
        apply_outcome(state, edit(glossary, concept_id, change))


@click.command(epilog="Example: moci-vocab deprecate social-innovation sq 'inovim social'")
@click.argument("concept_id", metavar="ID")
@click.argument("lang", metavar="LANG")
@click.argument("text", metavar="TEXT")
@pass_state
def deprecate_cmd(state: State, concept_id: str, lang: str, text: str) -> None:
    """Mark the LANG term TEXT of concept ID as deprecated."""
    from moci_vocab.operations import deprecate

    with state.editing() as glossary:
        apply_outcome(state, deprecate(glossary, concept_id, lang, text))


@click.command(epilog="Example: moci-vocab rename wellbeing well-being")
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@pass_state
def rename_cmd(state: State, old: str, new: str) -> None:
    """Rename concept OLD to NEW; every related/broader reference follows."""
    from moci_vocab.operations import rename

    with state.editing() as glossary:
        apply_outcome(state, rename(glossary, old, new))


@click.command(epilog="Example: moci-vocab remove pilot-phase --yes")
@click.argument("concept_id", metavar="ID")
@yes_option()
@pass_state
def remove_cmd(state: State, concept_id: str, yes: bool) -> None:
    """Remove concept ID (refused while other concepts refer to it)."""
    from moci_vocab.operations import remove

    with state.editing() as glossary:
        outcome = remove(glossary, concept_id)
        confirm_or_refuse(
            f"Remove the concept {concept_id!r}?", yes, "pass --yes to remove without asking"
        )
        apply_outcome(state, outcome)


@click.command(epilog="Example: moci-vocab fmt --check")
@click.option("--check", "check_only", is_flag=True, help="Only report; exit 1 if not canonical.")
@pass_state
def fmt_cmd(state: State, check_only: bool) -> None:
    """Rewrite the manifest and every concept file in canonical form."""
    from moci_vocab.canonical_form import format_glossary

    with state.changing():
        changes, stale = format_glossary(state.root(recover=False))
        if check_only:
            for path in stale:
                click.echo(f"{path}: not in canonical form (run `moci-vocab fmt`)")
            if stale:
                raise SystemExit(1)
            say(state, "all files are in canonical form")
            return
        changes.apply()
    say(state, f"reformatted {len(stale)} file(s)" if stale else "nothing to reformat")
