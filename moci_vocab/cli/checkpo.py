"""`moci-vocab check-po`: translations checked against the glossary."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import click

from moci_vocab.cli.common import State, examples, findings_options, pass_state

if TYPE_CHECKING:
    from moci_vocab.checkpo.standby import Standby


# A NamedTuple, not a dataclass: `dataclasses` is not otherwise imported on the command's
# path when a standby checks the files (~1 ms of the run that matters most for --jobs).
class CheckPoArgs(NamedTuple):
    """check-po's command line as click parsed it (one place for what both runs take)."""

    files: tuple[Path, ...]
    lang: str | None
    fmt: str
    fail_on: str
    include_fuzzy: bool
    include_untranslated: bool
    baseline: Path | None
    write_baseline: Path | None
    jobs: int


@click.command(
    "check-po",
    epilog=examples("moci-vocab check-po locale/sq/LC_MESSAGES/messages.po --format github"),
)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--lang", help="Target language (default: each file's Language header or XLIFF target)."
)
@findings_options("text (path:line:col: CODE message), json, github, sarif.")
@click.option("--include-fuzzy", is_flag=True, help="Also check fuzzy entries.")
@click.option(
    "--include-untranslated",
    is_flag=True,
    help="Also report glossary terms in untranslated entries.",
)
@click.option(
    "--baseline",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Findings listed in this file (see --write-baseline) are suppressed: only new ones fail.",
)
@click.option(
    "--write-baseline",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write every current finding to this baseline file and exit 0.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    metavar="N",
    help="Check up to N files at once in worker processes (default 0: one per core; "
    "1: all in this process).",
)
@pass_state
def check_po_cmd(state: State, **options) -> None:
    """Check PO, MO, CSV or XLIFF translations against the glossary.

    In each translated entry, every glossary term of the source text must be
    translated with one of the concept's allowed terms (in any inflected form),
    without deprecated or forbidden terms; names marked do-not-translate stay as
    they are. CSV files need a header row naming a source and a target column;
    XLIFF (.xlf, .xliff) may be version 1.x or 2.x. A translator comment
    `# moci-vocab: ignore CONCEPT` above an entry suppresses its findings about
    that concept; --baseline suppresses the findings of a file written earlier by
    --write-baseline (suppressed findings stay visible in JSON and SARIF).
    Exit status 1 when any finding is an error (--fail-on warning: or a warning).
    """
    from moci_vocab.cache import gc_paused
    from moci_vocab.cli import STANDBY

    # A process forked before click was imported, the engine imported in it meanwhile
    # (checkpo.standby), when the command line looked like a check-po over several files.
    standby = click.get_current_context().meta.pop(STANDBY, None)
    # Without the cyclic collector from here on: the modules imported next make ~50,000
    # objects that live on (~20 passes of the collector for nothing), and the check
    # itself pauses it anyway (checkpo.run.stream_findings); check-po ends at once.
    with gc_paused():
        args = CheckPoArgs(**options)  # the options as click parsed them, named
        if standby is not None and _served(state, args):
            _check_po_in(standby, state, args)
            return
        if standby is not None:  # not this run's: no second process waits meanwhile
            standby.dismiss()
        _check_po(state, args)


def _served(state: State, args: CheckPoArgs) -> bool:
    """Whether a standby checks this run: findings of several files streamed to a file or
    pipe, without a progress bar (what `_check_po`'s first branch does with workers)."""
    from moci_vocab.cli.common import is_terminal_output, shows_progress

    return (
        len(args.files) >= 2
        and args.jobs != 1
        and args.write_baseline is None
        and not is_terminal_output()
        and not shows_progress(state)
    )


def _check_po_in(standby: Standby, state: State, args: CheckPoArgs) -> None:
    """`_check_po`'s streaming branch with the check run by the standby: this process
    writes what it sends (the same findings, blocks and counts, in the same order)."""
    from moci_vocab.cli.common import exit_for_findings, show_findings, utf8_stdout_errors
    from moci_vocab.layout import fingerprint

    fmt = args.fmt
    counts: dict[str, int] = {}
    with state.reading() as root:
        request = (
            root,
            list(args.files),
            (args.lang, args.include_fuzzy, args.include_untranslated, args.baseline),
            args.jobs,
            (utf8_stdout_errors() or True) if fmt == "json" else False,
            fmt == "text" and not state.quiet,
        )
        stream = standby.findings(request, counts, lambda: fingerprint(root))
        if fmt == "sarif":  # the rules' metadata (the whole checks package) only for SARIF
            from moci_vocab.checkpo import rules

            described = rules()
        else:
            described = {}
        # check-po's findings hold only strings, integers, None, lists and dicts.
        tally = show_findings(state, stream, fmt, described, lambda: counts, "translations", True)
    exit_for_findings(tally, args.fail_on)


def _check_po(state: State, args: CheckPoArgs) -> None:
    from moci_vocab.checkpo.run import Options, Result, check_files, rules, stream_findings
    from moci_vocab.cli import printable
    from moci_vocab.cli.common import (
        exit_for_findings,
        is_terminal_output,
        progress_bar,
        show_findings,
        utf8_stdout_errors,
    )

    files, fmt, jobs, write_baseline = args.files, args.fmt, args.jobs, args.write_baseline
    options = Options(args.lang, args.include_fuzzy, args.include_untranslated, args.baseline)
    if write_baseline is None and not is_terminal_output():
        # Written as they are found, none kept (a big catalog can have 100,000s).
        result = Result()
        with state.reading() as root, progress_bar(state, "checking the files") as progress:
            paths = list(files)
            stream = stream_findings(
                root,
                paths,
                options,
                result,
                progress=progress,
                jobs=jobs,
                # JSON: most findings may come written already, in blocks (report.JsonBlock),
                # of UTF-8 bytes when stdout writes text as UTF-8 (its error handler named).
                json_blocks=(utf8_stdout_errors() or True) if fmt == "json" else False,
                # Text: files checked in worker processes come written (report.TextBlock).
                text_blocks=fmt == "text" and not state.quiet,
                # What the check loaded dies with the process (check-po ends at once).
                keep=state.kept,
            )
            # The rules' metadata (the whole checks package) only for SARIF.
            described = rules() if fmt == "sarif" else {}
            summary = result.summary
            # check-po's findings hold only strings, integers, None, lists and dicts.
            tally = show_findings(state, stream, fmt, described, summary, "translations", True)
        exit_for_findings(tally, args.fail_on)
        return
    with state.reading() as root, progress_bar(state, "checking the files") as progress:
        result = check_files(root, list(files), options, progress=progress, jobs=jobs)
    if write_baseline is not None:
        from moci_vocab.checkpo.suppress import write_baseline as write

        count = write(write_baseline, result.findings)
        if not state.quiet:
            # distinct: one baseline entry stands for the same finding in every file
            plural = "" if count == 1 else "s"
            written = f"{count} distinct finding{plural} written to the baseline {write_baseline}"
            click.echo(printable(written))
        return
    show_findings(state, result.findings, fmt, rules(), result.summary(), "translations", True)
    exit_for_findings(result.findings, args.fail_on)
