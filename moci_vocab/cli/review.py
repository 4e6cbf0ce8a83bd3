"""The reviewer's commands: review (what waits) and approve."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from moci_vocab.cli import common
from moci_vocab.cli.common import (
    State,
    confirm_or_refuse,
    echo_json,
    examples,
    pass_state,
    say,
    split_list,
    yes_option,
)

STATE_CHOICES = ("draft", "reviewed", "unreviewed", "approved")


@click.command(
    epilog=examples(
        "moci-vocab review --lang sq",
        "moci-vocab review --lang sq --tag core --format json > to-approve.json",
    )
)
@click.option("--lang", "langs", multiple=True, help="Only these languages (repeatable, a,b).")
@click.option("--by", "reviewer", metavar="NAME", help="Only terms this reviewer last touched.")
@click.option("--tag", "tags", multiple=True, help="Only concepts with this tag.")
@click.option(
    "--state",
    "states",
    multiple=True,
    type=click.Choice(STATE_CHOICES),
    help="Review states to list (default: draft and reviewed; unreviewed = no review field).",
)
@common.format_option(*common.FORMAT_TEXT_JSON)
@pass_state
def review_cmd(state: State, langs, reviewer, tags, states, fmt) -> None:
    """List the terms waiting for review: drafts and reviewed-but-unapproved terms."""
    from moci_vocab.operations import require_language
    from moci_vocab.review import PENDING_STATES, pending
    from moci_vocab.selection import require_known

    glossary = state.glossary()
    wanted = [require_language(glossary, lang) for lang in split_list(langs)]
    require_known(glossary, split_list(tags))
    items = pending(glossary, wanted, reviewer, split_list(tags), tuple(states) or PENDING_STATES)
    if fmt == "json":
        echo_json([item.to_json() for item in items])
        return
    _print_items(state, items)


def _print_items(state: State, items) -> None:
    """Per language a heading with counts, then one aligned line per term."""
    from moci_vocab.cli import printable

    if not items:
        say(state, "nothing waits for review")
        return
    by_lang: dict[str, list] = {}
    for item in items:
        by_lang.setdefault(item.lang, []).append(item)
    for lang, group in by_lang.items():
        counts: dict[str, int] = {}
        for item in group:
            counts[item.state] = counts.get(item.state, 0) + 1
        click.echo(f"{lang}: " + ", ".join(f"{n} {state}" for state, n in counts.items()))
        width = max(len(item.concept) for item in group)
        term_width = min(40, max(len(item.term) for item in group))
        for item in group:
            details = [item.status, item.state]
            if item.by:
                details.append(f"by {item.by}" + (f" {item.date}" if item.date else ""))
            if item.tags:
                details.append("tags: " + ", ".join(item.tags))
            line = f"  {item.concept:<{width}}  {item.term:<{term_width}}  {' · '.join(details)}"
            click.echo(printable(line))
    say(state, f"{len(items)} term(s) to review")


@click.command(
    epilog=examples(
        "moci-vocab approve reconciliation sq pajtim --by 'A. Hoxha'",
        "moci-vocab approve reconciliation sq --by AH --yes      # every sq term of it",
        "moci-vocab review --lang sq --format json | moci-vocab approve --from - --by AH --yes",
    )
)
@click.argument("concept_id", metavar="ID", required=False)
@click.argument("lang", metavar="LANG", required=False)
@click.argument("term", metavar="[TERM]", required=False)
@click.option("--by", "by", metavar="NAME", required=True, help="The reviewer's name or initials.")
@click.option("--date", metavar="YYYY-MM-DD", help="The review's date (default: today).")
@click.option(
    "--from",
    "from_file",
    metavar="FILE",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="Approve a list: `review --format json` output, or lines `ID LANG [TERM]` ('-': stdin).",
)
@click.option(
    "--state",
    "new_state",
    type=click.Choice(["approved", "reviewed"]),
    default="approved",
    show_default=True,
    help="`reviewed` for a first reading that someone else approves.",
)
@yes_option()
@pass_state
def approve_cmd(state: State, concept_id, lang, term, by, date, from_file, new_state, yes) -> None:
    """Approve the LANG term TERM of concept ID (without TERM: all its LANG terms).

    Sets the review state, the reviewer (--by) and the date (today, or --date). With
    --from, approves every term in a list instead.
    """
    from moci_vocab.operations import approve
    from moci_vocab.review import Target, read_targets

    if from_file is not None:
        if concept_id:
            raise click.UsageError("give either ID LANG [TERM] or --from FILE, not both")
        targets = read_targets(_read_list(from_file), from_file)
    elif concept_id and lang:
        targets = [Target(concept_id, lang, term)]
    else:
        raise click.UsageError("say what to approve: ID LANG [TERM], or --from FILE")
    with state.editing() as glossary:
        outcome = approve(glossary, targets, by, date, new_state)
        *listed, summary = outcome.messages
        if not outcome.changes.paths():
            say(state, summary)
            return
        if not yes:
            say(state, "\n".join(listed))
            confirm_or_refuse(f"{summary}: write?", yes, "pass --yes to approve without asking")
            outcome.messages = [summary]
        common.apply_outcome(state, outcome)


def _read_list(path: Path) -> str:
    from moci_vocab.errors import MociError
    from moci_vocab.review import MAX_TARGETS_BYTES

    if str(path) == "-":
        return sys.stdin.read(MAX_TARGETS_BYTES)
    from moci_vocab.fsutil import read_regular_file

    raw = read_regular_file(path, MAX_TARGETS_BYTES)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MociError("is not UTF-8 text", path) from None
