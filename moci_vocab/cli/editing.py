"""Commands that change the glossary: init, add, translate, respell, edit, deprecate, rename,
remove, fmt."""

from __future__ import annotations

from pathlib import Path

import click

from moci_vocab import model
from moci_vocab.cli.common import (
    FORMAT_TEXT_JSON,
    State,
    apply_outcome,
    confirm_or_refuse,
    echo,
    examples,
    format_option,
    pass_state,
    say,
    split_list,
    yes_option,
)


def concept_and_language(command):
    """The ID and LANG arguments of the commands that change one term."""
    return click.argument("concept_id", metavar="ID")(
        click.argument("lang", metavar="LANG")(command)
    )


TEXT_FIELDS = ("gender", "type", "context", "source", "note")


def term_field_options(multiple: bool):
    """The options for a term's optional fields (--pos … --note); in `add`, repeatable."""
    where = " (LANG=VALUE for one language's term; else the source term)" if multiple else ""

    def choice(values):
        return None if multiple else click.Choice([*values, ""])  # "" removes the field

    options = [
        click.option(
            "--type",
            "type_",
            type=choice(model.TERM_TYPES),
            multiple=multiple,
            help=f"Term type: {', '.join(model.TERM_TYPES)}{where}.",
        ),
        click.option(
            "--gender",
            type=choice(model.GENDERS),
            multiple=multiple,
            help=f"Grammatical gender: {', '.join(model.GENDERS)}{where}.",
        ),
        click.option(
            "--context", multiple=multiple, help=f"An example sentence using the term{where}."
        ),
        click.option(
            "--source", multiple=multiple, help=f"Where the term comes from (attestation){where}."
        ),
        click.option(
            "--forms",
            "forms",
            multiple=True,
            help="An inflected or irregular form matching accepts (repeatable)"
            + (where or "; replaces the term's forms")
            + ".",
        ),
        click.option(
            "--case-sensitive/--not-case-sensitive",
            "case_sensitive",
            default=None,
            help="Match only in this case (acronyms such as SOS)"
            + (" (every term)" if multiple else "")
            + ".",
        ),
    ]

    def decorate(func):
        for option in reversed(options):
            func = option(func)
        return func

    return decorate


@click.command(epilog=examples("moci-vocab init my-glossary --source en --languages sq,ka,hy"))
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
    say(state, "near-duplicates in the glossary:")
    for line in found:
        say(state, line)
    confirm_or_refuse(
        "Write it anyway?",
        yes,
        "near-duplicates found (listed above); check them, then pass --yes to write anyway",
    )


@click.command(
    epilog=examples(
        "moci-vocab add reconciliation --term en=reconciliation --term sq=pajtim "
        "--definition en='Restoring trust after conflict.' --tag core --yes"
    )
)
@click.argument("concept_id", metavar="ID")
@click.option("--term", "terms", multiple=True, metavar="LANG=TEXT", help="A term (repeatable).")
@click.option(
    "--definition", "definitions", multiple=True, metavar="LANG=TEXT", help="A definition."
)
@click.option("--tag", "tags", multiple=True, help="A tag (repeatable or comma-separated).")
@click.option("--domain", help="The subject field.")
@click.option(
    "--pos", type=click.Choice(model.PARTS_OF_SPEECH), help="Part of speech of the terms."
)
@term_field_options(multiple=True)
@click.option("--note", "notes", multiple=True, help="A note on a term (LANG=TEXT, or the source).")
@click.option("--do-not-translate", is_flag=True, help="A name that stays as it is (MOCI).")
@yes_option("Do not ask; write despite near-duplicates.")
@format_option(*FORMAT_TEXT_JSON)
@pass_state
def add_cmd(state: State, concept_id, terms, definitions, tags, domain, pos, **options):
    """Add a new concept ID with its terms and definitions.

    Term fields (--type, --gender, --context, --source, --forms, --note) go to the
    source-language term, or with LANG=VALUE to that language's term; --pos and
    --case-sensitive apply to every term.
    """
    from moci_vocab.operations import NewConcept, add_concept, parse_assignment

    pairs = [parse_assignment(item, "--term") for item in terms]
    yes, fmt = options.pop("yes"), options.pop("fmt")
    new = NewConcept(
        concept_id=concept_id,
        terms=pairs,
        definitions=[parse_assignment(item, "--definition") for item in definitions],
        tags=split_list(tags),
        domain=domain,
        do_not_translate=options.pop("do_not_translate"),
        pos=pos,
    )
    with state.editing(one=True) as glossary:
        new.fields = _fields_by_language(glossary, pairs, options)
        if concept_id not in glossary.concepts:
            _warn_near_duplicates(state, glossary, pairs, None, yes)
        outcome = add_concept(glossary, new)
        apply_outcome(state, outcome, fmt)


def _fields_by_language(glossary, pairs, options: dict) -> dict:
    """`add`'s repeatable field options → {lang: TermFields}."""
    from moci_vocab.operations import TermFields, require_language, targeted_value

    source = glossary.source_language
    by_lang: dict = {}

    def fields_of(lang):
        return by_lang.setdefault(lang or source, TermFields())

    names = {"type_": "type", "gender": "gender", "context": "context", "source": "source"}
    names["notes"] = "note"
    for option, name in names.items():
        for value in options.get(option) or ():
            lang, text = targeted_value(glossary, value)
            setattr(fields_of(lang), name, text)
    for value in options.get("forms") or ():
        lang, text = targeted_value(glossary, value)
        fields = fields_of(lang)
        fields.forms = [*(fields.forms or []), text]
    if options.get("case_sensitive") is not None:
        for lang, _text in pairs:
            fields_of(require_language(glossary, lang)).case_sensitive = options["case_sensitive"]
    return by_lang


@click.command(
    epilog=examples(
        "moci-vocab translate reconciliation ka შერიგება",
        "moci-vocab translate reconciliation sq pajtim --status preferred",
    )
)
@concept_and_language
@click.argument("text", metavar="TEXT")
@click.option("--status", type=click.Choice(model.TERM_STATUSES), help="Set the term's status.")
@click.option("--note", help="A note on the term ('' removes it).")
@click.option("--pos", type=click.Choice(model.PARTS_OF_SPEECH), help="Part of speech.")
@term_field_options(multiple=False)
@click.option("--review", type=click.Choice(model.REVIEW_STATES), help="Set the review state.")
@yes_option("Do not ask; write despite near-duplicates.")
@format_option(*FORMAT_TEXT_JSON)
@pass_state
def translate_cmd(state: State, concept_id, lang, text, status, note, review, yes, fmt, **fields):
    """Add TEXT as a LANG term of concept ID, or change an existing term's status or fields.

    A new term is preferred when LANG has none yet, admitted otherwise;
    `--status preferred` demotes the previous preferred term to admitted.
    --pos, --type, --gender, --context, --source, --forms, --case-sensitive and
    --note set the term's fields (an empty value removes one).
    """
    from moci_vocab.operations import TermFields, require_concept, translate

    fields["type"] = fields.pop("type_")
    fields["forms"] = list(fields["forms"]) or None
    term_fields = TermFields(note=note, **fields)

    with state.editing(one=True) as glossary:
        concept = require_concept(glossary, concept_id)
        if concept.find_term(lang, text) is None:
            _warn_near_duplicates(state, glossary, [(lang, text)], concept_id, yes)
        outcome = translate(glossary, concept_id, lang, text, status, None, review, term_fields)
        apply_outcome(state, outcome, fmt)


@click.command(
    epilog=examples(
        "moci-vocab respell resilience sq rezilienc rezilienca",
        "moci-vocab respell social-innovation en 'Social Innovation' 'social innovation'",
    )
)
@concept_and_language
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@format_option(*FORMAT_TEXT_JSON)
@pass_state
def respell_cmd(state: State, concept_id, lang, old, new, fmt):
    """Correct the spelling (case, diacritics) of the LANG term OLD of concept ID to NEW.

    The term keeps its status, review, note, source, forms and place; near-duplicates
    of NEW are listed as warnings.
    """
    from moci_vocab.operations import respell

    with state.editing(one=True) as glossary:
        outcome = respell(glossary, concept_id, lang, old, new)
        apply_outcome(state, outcome, fmt)


@click.command(
    epilog=examples(
        "moci-vocab edit resilience --definition en='...' --add-tag core "
        "--add-related reconciliation"
    )
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
@click.option("--status", type=click.Choice(model.CONCEPT_STATUSES), help="The concept's status.")
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
    if change == Edit():  # nothing asked (as `approve` says so)
        raise click.UsageError(
            "say what to change: --definition, --note, --add-tag, --remove-tag, --domain, "
            "--status, --do-not-translate, --add-related, --add-broader, --remove-term … "
            "(see --help)"
        )
    with state.editing(one=True) as glossary:
        apply_outcome(state, edit(glossary, concept_id, change))


@click.command(epilog=examples("moci-vocab deprecate facilitation sq lehtësim"))
@concept_and_language
@click.argument("text", metavar="TEXT")
@pass_state
def deprecate_cmd(state: State, concept_id: str, lang: str, text: str) -> None:
    """Mark the LANG term TEXT of concept ID as deprecated."""
    from moci_vocab.operations import deprecate

    with state.editing(one=True) as glossary:
        apply_outcome(state, deprecate(glossary, concept_id, lang, text))


@click.command(epilog=examples("moci-vocab rename wellbeing well-being"))
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@pass_state
def rename_cmd(state: State, old: str, new: str) -> None:
    """Rename concept OLD to NEW; every related/broader reference follows."""
    from moci_vocab.operations import rename

    with state.editing() as glossary:
        apply_outcome(state, rename(glossary, old, new))


@click.command(epilog=examples("moci-vocab remove pilot-phase --yes"))
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


@click.command(epilog=examples("moci-vocab fmt --check"))
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="Only show the changes (a unified diff per file); exit 1 if any.",
)
@pass_state
def fmt_cmd(state: State, check_only: bool) -> None:
    """Rewrite the manifest and every concept file in canonical form."""
    from moci_vocab.canonical_form import format_glossary, unified_diff

    # --check only reads: like every reading command, it never acts on a journal.
    with state.reading() if check_only else state.changing():
        root = state.root()
        changes, stale = format_glossary(root)
        if check_only:
            for path in stale:
                echo(f"{path}: not in canonical form (run `moci-vocab fmt`); the change:")
                for line in unified_diff(root, path, changes.writes[path]):
                    echo(line)
            if stale:
                raise SystemExit(1)
            say(state, "all files are in canonical form")
            return
        changes.apply()
    say(state, f"reformatted {len(stale)} file(s)" if stale else "nothing to reformat")
