"""The `moci-vocab` command line.

Commands live in small modules and are imported only when run, so that
`moci-vocab --help` stays fast: the table below carries each command's
one-line help. The CLI parses arguments and prints; the work is done by the
package's other modules.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import TYPE_CHECKING

import click

from moci_vocab import __version__
from moci_vocab.safetext import printable

if TYPE_CHECKING:
    from moci_vocab.checkpo.standby import Standby

# name: (module, function, one-line help shown by `moci-vocab --help`)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "init": ("editing", "init_cmd", "Create a new, empty glossary repository."),
    "add": ("editing", "add_cmd", "Add a new concept (warns about near-duplicates)."),
    "translate": ("editing", "translate_cmd", "Add a term to a concept, or change its status."),
    "respell": (
        "editing",
        "respell_cmd",
        "Correct a term's spelling in place, keeping its fields.",
    ),
    "edit": ("editing", "edit_cmd", "Change a concept's definition, notes, tags, links."),
    "deprecate": ("editing", "deprecate_cmd", "Mark a term as deprecated."),
    "rename": ("editing", "rename_cmd", "Rename a concept id; references follow."),
    "remove": ("editing", "remove_cmd", "Remove a concept nothing refers to."),
    "fmt": ("editing", "fmt_cmd", "Rewrite files in canonical form (--check: only report)."),
    "show": ("reading", "show_cmd", "Show one concept."),
    "list": ("reading", "list_cmd", "List concepts, filtered, in a language's order."),
    "search": ("reading", "search_cmd", "Fuzzy search in every language and script."),
    "stats": ("reading", "stats_cmd", "Coverage and review state per language."),
    "review": ("review", "review_cmd", "List terms waiting for review, by language and tag."),
    "approve": ("review", "approve_cmd", "Approve terms: reviewer, date, state (one or a list)."),
    "check": ("check", "check_cmd", "Validate the glossary (for CI and pre-commit)."),
    "check-po": ("checkpo", "check_po_cmd", "Check PO/MO/CSV/XLIFF against the glossary."),
    "export": (
        "export",
        "export_cmd",
        "Export PO/MO/POT, CSV, TBX, JSON, Weblate, OmegaT, TMX, XLSX, SKOS, HTML, booklet.",
    ),
    "import": (
        "importing",
        "import_cmd",
        "Merge a CSV, XLSX, PO, TBX or JSON glossary into this one.",
    ),
    "diff": ("versions", "diff_cmd", "Concept- and term-level changes between revisions."),
    "release": ("versions", "release_cmd", "Bump the version and write the changelog."),
    "suggest": ("learn", "suggest_cmd", "Propose target terms from existing translations."),
    "extract": ("learn", "extract_cmd", "List English term candidates the glossary lacks."),
}

# Commands that leave nothing to clean up once they return: they only read the
# glossary (a cache they write is closed and renamed before they return; an export's
# files are written whole, fsync'ed and renamed) or, a single edit, have written its
# concept's file whole and released the write lock, start no process that outlives them
# (the booklet's workers are reaped), and register no atexit handler or finalizer. When
# one of them finishes, the console script ends the process at once (see `main`): after
# the 10,000-concept booklet, finalization took ~0.5 s of CPU to free the data one object
# at a time; after a single edit on 10,000 concepts, ~37 M instructions (a seventh of
# what remains of the edit's own work after Python's start-up).
ENDS_AT_ONCE = frozenset(
    {"check-po", "check", "show", "search", "list", "stats", "review", "export"}
    | {"add", "translate", "respell", "edit", "deprecate"}
)


# Where a command finds the check-po standby `main` was given (checkpo.standby), if any:
# a key of the context's meta, which every nested context shares.
STANDBY = "moci_vocab.standby"


class StartUp:
    """The context object `main` starts the command line with: the cyclic garbage collector
    is paused for the start-up, until the group has parsed its options (see
    _start_up_over); ``standby``: a check-po standby waiting for its run, or None."""

    def __init__(self, standby: Standby | None = None) -> None:
        self.standby = standby


class Finished(SystemExit):
    """A command of ENDS_AT_ONCE is over, with this exit status; nothing is left to clean up."""


class UserError(click.ClickException):
    """A MociError on its way to the terminal: one sentence, exit status 1."""

    exit_code = 1

    def show(self, file=None) -> None:
        """Print the error as one line on stderr, control characters escaped."""
        click.echo(f"error: {printable(self.format_message())}", err=True, file=file)


def _accept_global_options(command: click.Command) -> None:
    """Let a subcommand take --root, --quiet and --no-color after its name as well."""
    from moci_vocab.cli.common import global_options

    names = {opt for param in command.params for opt in getattr(param, "opts", [])}
    for option in global_options():
        if not names & set(option.opts):
            command.params.append(option)


class LazyGroup(click.Group):
    """A group that imports a command's module only when the command runs."""

    def make_context(self, *args, **kwargs) -> click.Context:
        """The group's context, its options parsed; Ctrl-C or SIGTERM meanwhile is said as
        anywhere else (one line, 130 or 143), not as click's "Aborted!" and status 1 (its
        `main` turns a KeyboardInterrupt met there into that before `_main` could see it)."""
        try:
            return super().make_context(*args, **kwargs)
        except KeyboardInterrupt as exc:
            raise SystemExit(_say_interrupted(exc)) from None

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """The arguments parsed as click does; an argument that is not UTF-8 is refused."""
        # Bytes that are not UTF-8 reach Python as lone surrogates (`bised\udceb`);
        # refused before any command can write them into the glossary.
        from moci_vocab.safetext import undecodable_argument

        problem = undecodable_argument(args)
        if problem is not None:
            raise UserError(problem)
        return super().parse_args(ctx, args)

    def list_commands(self, ctx: click.Context) -> list[str]:
        """The command names, in the order of the table."""
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        """The command ``name``, its module imported now; None for an unknown name."""
        entry = COMMANDS.get(name)
        if entry is None:
            return None
        module_name, attr, _help = entry
        module = importlib.import_module(f"moci_vocab.cli.{module_name}")
        command = getattr(module, attr)
        _accept_global_options(command)
        return command

    def resolve_command(self, ctx: click.Context, args: list[str]):
        """The command named first in ``args``; a mistyped name gets the closest one."""
        name = args[0] if args else ""
        if name and name not in COMMANDS and not name.startswith("-"):
            import difflib

            close = difflib.get_close_matches(name, list(COMMANDS), n=1, cutoff=0.6)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            ctx.fail(f"No such command {printable(name)!r}.{hint}")
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List the commands with their one-line help, without importing them."""
        rows = [(name, help_text) for name, (_m, _a, help_text) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context):
        """Run the command; a MociError becomes one sentence and exit status 1. Ctrl-C or
        SIGTERM from the first line on (its first imports too) is one line and 130 or 143,
        not click's "Aborted!" and status 1 (its `main` turns one met here into that)."""
        try:
            return self._run(ctx)
        except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM (errors.Terminated)
            raise SystemExit(_say_interrupted(exc)) from None

    def _run(self, ctx: click.Context):
        from moci_vocab.errors import MociError

        if isinstance(ctx.obj, StartUp):
            ctx.meta[STANDBY] = ctx.obj.standby
            ctx.obj = None
            _start_up_over()
        try:
            outcome = super().invoke(ctx)
        except MociError as exc:
            raise UserError(str(exc)) from None
        except click.ClickException as exc:
            # Click quotes arguments (a file name, a command) in its usage errors.
            exc.message = printable(exc.message)
            raise
        except click.exceptions.Exit as exc:
            if ctx.invoked_subcommand in ENDS_AT_ONCE:
                raise Finished(exc.exit_code) from None
            raise
        except (click.Abort, SystemExit, KeyboardInterrupt):
            raise  # (a KeyboardInterrupt: said by `invoke`)
        except BrokenPipeError:
            raise  # the reader went away (`| head`): click ends quietly, exit status 1
        except Exception as exc:
            sentence = output_failure(exc) if isinstance(exc, OSError) else None
            if sentence is not None:
                raise UserError(sentence) from None
            if os.environ.get("MOCI_VOCAB_DEBUG"):
                raise
            raise _unexpected(exc) from None
        if ctx.invoked_subcommand in ENDS_AT_ONCE:
            raise Finished(0)
        return outcome


# A write that fails with one of these and names no file: standard output, or a
# temporary file a library wrote for us (Typst's PDF, the booklet's join; the files the
# package keeps go through fsutil, whose errors name them). Which one cannot be told
# from the error, so the sentence says only that the disk refused.
_FULL_OUTPUT = frozenset({"ENOSPC", "EIO", "EDQUOT", "EFBIG"})


def output_failure(exc: OSError) -> str | None:
    """One sentence for a write a full disk refused (no file named); else None."""
    import errno

    names = {getattr(errno, name, None) for name in _FULL_OUTPUT} - {None}
    if exc.filename is not None or exc.errno not in names:
        return None
    return f"cannot write: {exc.strerror or os.strerror(exc.errno)}"


def _unexpected(exc: Exception) -> UserError:
    """The one line for an exception nobody foresaw."""
    return UserError(
        f"unexpected {type(exc).__name__}: {exc} (a bug; rerun with "
        "MOCI_VOCAB_DEBUG=1 for details and report it)"
    )


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Example: moci-vocab translate reconciliation sq pajtim",
)
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=str),
    envvar="MOCI_VOCAB_ROOT",
    help="The glossary folder (default: the nearest folder upward with glossary/glossary.yaml).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and requested data.")
@click.option("--no-color", is_flag=True, help="No colours or styles (also: NO_COLOR=1).")
@click.option(
    "--format",
    "fmt",
    metavar="FORMAT",
    help="Output format for the command that takes one (text, json, github, sarif, markdown).",
)
@click.version_option(__version__, prog_name="moci-vocab")
@click.pass_context
def cli(ctx: click.Context, root: str | None, quiet: bool, no_color: bool, fmt: str | None) -> None:
    """The MOCI shared vocabulary: one glossary for every language of the network.

    --root, --quiet, --no-color and --format may also follow the command's name.
    Exit status: 0 fine; 1 findings or an error (one line on stderr); 2 a usage
    error; 130 interrupted (Ctrl-C); 143 terminated (SIGTERM).
    """
    from moci_vocab.cli.common import State

    ctx.obj = State(root_option=root, quiet=quiet, no_color=no_color, format=fmt)


EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C
EXIT_TERMINATED = 143  # 128 + SIGTERM


def _say_interrupted(exc: KeyboardInterrupt) -> int:
    """One line on stderr for Ctrl-C or SIGTERM; the exit status (130 or 143).

    By the time it is said, the work has unwound: temporary files are removed, worker
    processes stopped, and a change in progress is either whole or not begun.
    """
    from moci_vocab import wholelines
    from moci_vocab.errors import Terminated

    wholelines.interrupted()
    terminated = isinstance(exc, Terminated)
    what = "terminated (SIGTERM)" if terminated else "interrupted (Ctrl-C)"
    echoed = sys.stderr is not None and sys.stderr.isatty()  # the terminal echoed ^C
    start = "\n" if echoed else ""
    click.echo(f"{start}moci-vocab: {what}; no file was changed half-way", err=True)
    return EXIT_TERMINATED if terminated else EXIT_INTERRUPTED


def _start_up_over() -> None:
    """The collector resumes; what the start-up made (modules, click's objects) is frozen:
    it lives as long as the process, and the collector never walks it."""
    import gc

    gc.freeze()
    gc.enable()


def main(standby: Standby | None = None) -> None:
    """Console-script entry point (moci_vocab.__main__ pauses the collector before this
    module and click are imported; this pauses it for the parsing); ``standby``: a
    check-po standby forked before click was imported, for check-po to take (whatever
    the command, it is stopped and reaped before the process ends)."""
    try:
        _main(standby)
    finally:
        if standby is not None:
            standby.dismiss()


def _main(standby: Standby | None) -> None:
    import gc
    import signal

    # The start-up (click, the CLI, parsing) makes some 100,000 objects that all live on:
    # the cyclic collector would walk the young ones ~35 times for nothing (~4 ms of a
    # check-po run's ~60 ms start-up). Resumed once the group has parsed its options
    # (LazyGroup.invoke), or here if the command line ends before (usage error, --help).
    gc.disable()

    if hasattr(signal, "SIGXFSZ"):
        # Past the file-size limit (ulimit -f) the default action kills the
        # process mid-write; ignored, the write fails with EFBIG instead, and
        # atomic_write can clean up and say so.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    # SIGTERM unwinds like Ctrl-C (temporary files removed, workers stopped), then 143
    # (installed first thing by the console entry too; again here for a caller of `main`).
    from moci_vocab.early import raise_terminated

    signal.signal(signal.SIGTERM, raise_terminated)
    if sys.stdout is None:  # started with stdout closed (`>&-`): no command's answer could be read
        if sys.stderr is not None:
            sys.stderr.write("moci-vocab: standard output is closed; nothing was done\n")
        sys.exit(1)
    # A pipe is written whole lines at a time: a Ctrl-C never leaves one cut (wholelines).
    from moci_vocab import wholelines

    wholelines.install()
    # JSON, SARIF and text hold the glossary's scripts: on a stdout that cannot encode
    # them (latin-1, ASCII), escaped as JSON does, not a UnicodeEncodeError half-way.
    from moci_vocab.safetext import escape_what_stdout_cannot_encode

    escape_what_stdout_cannot_encode()
    try:
        cli.main(prog_name="moci-vocab", obj=StartUp(standby))
    except KeyboardInterrupt as exc:  # before click parses (LazyGroup.make_context)
        sys.exit(_say_interrupted(exc))
    except Finished as done:
        if standby is not None:  # (reaped by now when check-po took it)
            standby.dismiss()
        _end_at_once(done.code)
    except OSError as exc:  # outside a command: `--version` or `--help` into a full disk
        sys.exit(_say_output_failed(exc))
    except SystemExit as done:
        _flush_output(done.code)
        raise
    finally:
        if not gc.isenabled():  # it ended before a command ran (a usage error, --help)
            _start_up_over()


def _say_output_failed(exc: OSError) -> int:
    """One line on stderr for output that cannot be written; status 1. Else re-raise."""
    sentence = output_failure(exc)
    if sentence is None:
        raise exc
    if sys.stderr is not None:
        try:
            sys.stderr.write(f"error: {sentence}\n")
            sys.stderr.flush()
        except OSError:
            pass  # stderr is full too: the status says it
    return 1


def _flush_output(code: object) -> None:
    """Flush stdout now, so that output a full disk refused is said in one line."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        pass  # the reader went away: quiet, as click ends it
    except OSError as exc:
        if output_failure(exc) is None:
            raise
        raise SystemExit(_say_output_failed(exc)) from None


def _end_at_once(code: int) -> None:
    """End the process now, its output flushed, without Python's finalization.

    Finalization frees every object one by one: after check-po on a big catalog, about
    a million of them, ~60 ms of CPU for nothing (mypy ends the same way). Only for
    ENDS_AT_ONCE commands, and only here in the console script, never in a command
    (tests run commands in-process). If stdout or stderr cannot be flushed (a closed
    pipe, a closed stream), the ordinary ending runs and says what it always said.
    """
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except OSError as exc:
        if output_failure(exc) is not None:
            raise SystemExit(_say_output_failed(exc)) from None
        raise SystemExit(code) from None
    except ValueError:
        raise SystemExit(code) from None
    from moci_vocab import regex_cache

    regex_cache.save()  # the patterns compiled for the first time, once the output is out
    os._exit(code)
