"""Commands about versions: diff and release."""

from __future__ import annotations

import click

from moci_vocab.cli.common import (
    FORMAT_TEXT_JSON,
    State,
    confirm_or_refuse,
    echo_json,
    examples,
    format_option,
    pass_state,
    say,
    yes_option,
)


@click.command(
    epilog=examples(
        "moci-vocab diff                                # last release → working tree",
        "moci-vocab diff origin/main --format markdown  # a pull-request comment",
        "moci-vocab diff v1.0.0 v1.1.0 --format json",
    )
)
@click.argument("revs", nargs=-1, metavar="[REV [REV]]")
@format_option(
    "text", "markdown", "json", help="markdown: for a pull-request comment; json: for scripts."
)
@pass_state
def diff_cmd(state: State, revs: tuple[str, ...], fmt: str) -> None:
    """Concept- and term-level changes between two git revisions.

    With no REV: from the last release (the highest v* tag HEAD contains;
    before the first release, the empty glossary) to the working tree. With
    one REV: from REV to the working tree. With two: from the first to the
    second. Exit status 0 whether or not anything changed.
    """
    from moci_vocab.versions import render
    from moci_vocab.versions.revisions import compare

    if len(revs) > 2:
        raise click.UsageError("diff takes at most two revisions: diff [REV [REV]]")
    with state.reading() as root:
        comparison = compare(root, revs)
    if fmt == "json":
        echo_json(render.to_json(comparison))
    elif fmt == "markdown":
        click.echo(render.render_markdown(comparison), nl=False)
    else:
        from moci_vocab.cli.common import stdout_console

        render.print_text(comparison, stdout_console())


@click.command(
    epilog=examples(
        "moci-vocab release --dry-run    # what the next version would be",
        "moci-vocab release --yes        # write it; then commit glossary/",
        "moci-vocab release --tag --yes  # tag the committed release v<version>",
    )
)
@click.option(
    "--bump",
    type=click.Choice(["auto", "major", "minor", "patch"]),
    help="The version part to raise (default auto: from the changes since the last release).",
)
@click.option("--tag", is_flag=True, help="Tag the prepared, committed release v<version>.")
@yes_option()
@click.option("--dry-run", is_flag=True, help="Show what would happen; change nothing.")
@format_option(*FORMAT_TEXT_JSON)
@pass_state
def release_cmd(state: State, bump: str | None, tag: bool, yes: bool, dry_run: bool, fmt: str):
    """Release the glossary: prepare the next version, then (--tag) tag it.

    Without --tag: computes the next version from the changes since the last
    release (a concept removed or renamed, or a preferred term demoted or
    removed: major; concepts or terms added: minor; definitions, notes,
    review states: patch), writes it into glossary/glossary.yaml and prepends
    its section to glossary/CHANGELOG.md. Commit both, then run
    `release --tag`, which creates the annotated tag v<version> at HEAD with
    the changelog section as its message (refused while glossary files are
    not committed).
    """
    if tag:
        if bump is not None:
            raise click.UsageError(
                "--tag tags the version already prepared; --bump is for preparing it "
                "(run `release --bump ...` first, commit, then `release --tag`)"
            )
        _tag(state, yes, dry_run, fmt)
    else:
        _prepare(state, bump or "auto", yes, dry_run, fmt)


def _prepare(state: State, bump: str, yes: bool, dry_run: bool, fmt: str) -> None:
    from moci_vocab.versions.release import plan_release, write_release

    root = state.root()
    with state.changing():
        plan = plan_release(root, bump)
        since = plan.previous_tag or "the start (first release)"
        if plan.nothing_to_release:
            say(state, f"nothing changed since {since}; nothing to release")
            _report(fmt, plan, written=[], dry_run=dry_run)
            return
        level = plan.level if plan.bump == "auto" else plan.bump
        count = len(plan.comparison.changes)
        if plan.previous_tag is None and plan.bump == "auto":
            say(state, f"first release: {plan.version} ({count} change(s))")
        else:
            say(state, f"release {plan.version} ({level}; {count} change(s) since {since})")
        if dry_run:
            if fmt == "text":
                click.echo(plan.section, nl=False)
            _report(fmt, plan, written=[], dry_run=True)
            return
        confirm_or_refuse(
            f"Write version {plan.version} and its changelog section?",
            yes,
            "pass --yes to release without asking (or --dry-run to see what it would do)",
        )
        written = write_release(root, plan)
    say(
        state,
        f"wrote version {plan.version} to glossary/glossary.yaml and its section to "
        "glossary/CHANGELOG.md; commit them, then run `moci-vocab release --tag`",
    )
    _report(fmt, plan, written=[str(p) for p in written], dry_run=False)


def _report(fmt: str, plan, written: list[str], dry_run: bool) -> None:
    if fmt != "json":
        return
    echo_json(
        {
            "version": str(plan.version),
            "previous": plan.previous_tag,
            "bump": plan.level if plan.bump == "auto" else plan.bump,
            "changes": len(plan.comparison.changes),
            "released": not plan.nothing_to_release,
            "dry_run": dry_run,
            "written": written,
            "tag": None,
        }
    )


def _tag(state: State, yes: bool, dry_run: bool, fmt: str) -> None:
    from moci_vocab.versions.release import plan_tag, write_tag

    root = state.root()
    plan = plan_tag(root)
    if dry_run:
        say(state, f"would create the annotated tag {plan.tag} at HEAD")
    else:
        confirm_or_refuse(
            f"Create the tag {plan.tag} at HEAD?", yes, "pass --yes to tag without asking"
        )
        write_tag(root, plan)
        say(state, f"created the tag {plan.tag}; publish it with `git push origin {plan.tag}`")
    if fmt == "json":
        echo_json({"version": str(plan.version), "tag": plan.tag, "dry_run": dry_run})
