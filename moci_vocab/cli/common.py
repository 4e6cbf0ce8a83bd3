"""What every command shares: the glossary root, output, prompts."""

from __future__ import annotations

import contextlib
import functools
import io
import itertools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from moci_vocab.records import Record

if TYPE_CHECKING:
    from moci_vocab.findings import Tally

FORMAT_TEXT_JSON = ("text", "json")


class State(Record):
    """Options of the `moci-vocab` group, passed to every command."""

    _fields = ("root_option", "quiet", "no_color", "format", "_root", "_writing", "kept")
    _unshown = frozenset({"_root", "_writing", "kept"})

    def __init__(
        self,
        root_option: str | None = None,
        quiet: bool = False,
        no_color: bool = False,
        format: str | None = None,
        _root: Path | None = None,
        _writing: bool = False,
        kept: list[Any] | None = None,
    ) -> None:
        self.root_option = root_option
        self.quiet = quiet
        self.no_color = no_color
        self.format = format  # `moci-vocab --format X cmd`: the command's default format
        self._root = _root
        self._writing = _writing  # inside editing()/changing()
        # What a command made that may die with the process: a command of ENDS_AT_ONCE
        # then never frees it object by object (the state lives until the process ends).
        self.kept: list[Any] = [] if kept is None else kept

    def root(self) -> Path:
        """The glossary root, found once per command (``--root`` or the folders above).

        Refuses a glossary whose own folders or files are links. Never acts on a
        journal: only writing commands finish one, under the write lock
        (``editing``/``changing``); reading commands only warn (``reading``).
        """
        from moci_vocab.errors import GlossaryNotFound
        from moci_vocab.layout import MANIFEST, find_root, refuse_links

        if self._root is None:
            if self.root_option:
                root = Path(self.root_option)
                if not os.path.lexists(root / MANIFEST):  # a link or FIFO: refuse_links says so
                    raise GlossaryNotFound(
                        f"no glossary in {root}: {MANIFEST.as_posix()} is missing "
                        f"(create one with `moci-vocab --root {root} init`)"
                    )
            else:
                root = find_root()
            refuse_links(root)
            self._root = root
        return self._root

    def report_finished(self, changed: list[Path]) -> None:
        """Say which files the change an interrupted command left half-made has changed."""
        if changed:
            root = self.root()
            names = ", ".join(path.relative_to(root).as_posix() for path in changed)
            echo(f"finished the change an interrupted command left half-made: {names}", err=True)

    @contextlib.contextmanager
    def reading(self) -> Iterator[Path]:
        """The root, under a shared lock (no writer meanwhile); never touches a journal."""
        from moci_vocab.fsutil import reading
        from moci_vocab.layout import JOURNAL

        root = self.root()
        if self._writing:  # a writer reads under its own lock
            yield root
            return
        with reading(root) as journal_there:
            if journal_there:
                click.echo(
                    f"warning: {JOURNAL}: a change was left half-made (or this file came from "
                    "elsewhere); this command only reads, and leaves it alone: the next "
                    "command that writes finishes it if this machine's moci-vocab began it",
                    err=True,
                )
            yield root

    def glossary(self):
        """The whole glossary (the first error in any file stops the command), read under
        the shared lock unless the command holds the write lock."""
        from moci_vocab.store import load_glossary

        with self.reading() as root:
            return _kept(load_glossary, root)

    @contextlib.contextmanager
    def editing(self, one: bool = False):
        """The glossary loaded under the write lock, for a command that changes it
        (``one``: a change to one concept, see operations.editing)."""
        from moci_vocab.operations import editing

        with (
            editing(self.root(), self.report_finished, one) as glossary,
            self._holding_write_lock(),
        ):
            yield glossary

    @contextlib.contextmanager
    def changing(self):
        """The write lock held around a change the command makes itself."""
        from moci_vocab.operations import changing

        with changing(self.root(), self.report_finished), self._holding_write_lock():
            yield

    @contextlib.contextmanager
    def _holding_write_lock(self) -> Iterator[None]:
        self._writing = True
        try:
            yield
        finally:
            self._writing = False

    def readable_glossary(self):
        """For commands that only read: the concepts whose files can be read; each file
        that cannot is named once on stderr. Read under the shared lock."""
        from moci_vocab.store import load_glossary_readable

        with self.reading() as root:
            glossary, skipped = _kept(load_glossary_readable, root)
        say_skipped(skipped)
        return glossary


pass_state = click.make_pass_decorator(State, ensure=True)


def _kept(load: Callable[[Path], Any], root: Path) -> Any:
    """What ``load`` gives, made with the collector paused; in the console script's process,
    frozen before the collector resumes.

    A command's glossary lives as long as the command: the collector, resumed with its
    million young objects, would walk them all at once (0.13 s of CPU on 10,000 concepts)
    and again as they age, only to find that none is garbage (see operations.editing).
    The console script's process ends with the command (`main` put the standby's key in
    the meta every context shares); a program that runs commands in-process (the tests'
    CliRunner) is left a collector that still frees its cycles.
    """
    import gc

    from moci_vocab.cache import gc_paused
    from moci_vocab.cli import STANDBY

    context = click.get_current_context(silent=True)
    with gc_paused():
        loaded = load(root)
        if context is not None and STANDBY in context.meta:
            gc.freeze()
    return loaded


def say_skipped(skipped: list) -> None:
    """One line on stderr per concept file that a read-only command had to leave out."""
    if not skipped:
        return
    from moci_vocab.cli import printable
    from moci_vocab.report import text_line

    for finding in skipped:  # a file name from a pull request may hold an ESC
        click.echo(printable(f"skipped {text_line(finding)}"), err=True)
    click.echo(
        f"{len(skipped)} concept file(s) could not be read and were left out; "
        "`moci-vocab check` lists every problem",
        err=True,
    )


def _set_state(field_name: str):
    """A callback that stores a global option given after the subcommand in the State."""

    def callback(ctx: click.Context, _param: click.Parameter, value: Any) -> None:
        if value not in (None, False):
            setattr(ctx.ensure_object(State), field_name, value)

    return callback


def global_options() -> list[click.Option]:
    """`--root`, `--quiet` and `--no-color` as every subcommand accepts them too
    (pre-commit and CI append options after the subcommand)."""
    return [
        click.Option(
            ["--root"],
            type=click.Path(file_okay=False, path_type=str),
            expose_value=False,
            callback=_set_state("root_option"),
            help="The glossary folder (also accepted before the command).",
        ),
        click.Option(
            ["-q", "--quiet"],
            is_flag=True,
            expose_value=False,
            callback=_set_state("quiet"),
            help="Print only errors and requested data.",
        ),
        click.Option(
            ["--no-color"],
            is_flag=True,
            expose_value=False,
            callback=_set_state("no_color"),
            help="No colours or styles (also: the NO_COLOR environment variable).",
        ),
    ]


def format_option(*choices: str, dest: str = "fmt", help: str | None = None):
    """The command's `--format` (first choice is the default); `moci-vocab --format X cmd`
    gives the default when X is one of the command's choices, and is refused otherwise."""

    def resolve(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
        if value is not None:
            return value
        wanted = ctx.ensure_object(State).format
        if wanted is None:
            return choices[0]
        if wanted not in choices:
            raise click.BadParameter(
                f"{wanted!r} is not one of {', '.join(map(repr, choices))} for this command",
                ctx=ctx,
                param=param,
            )
        return wanted

    return click.option(
        "--format",
        dest,
        type=click.Choice(choices),
        default=None,
        callback=resolve,
        help=help or f"Output format (default: {choices[0]}).",
    )


def examples(*commands: str) -> str:
    """A command's `--help` epilog: its example command lines, each printed whole."""
    # click rewraps an epilog's paragraphs to 78 columns, and an example cut in two is
    # two commands when pasted; `\b` makes click print the paragraph as it is.
    label = "Example:" if len(commands) == 1 else "Examples:"
    return "\b\n" + "\n".join([label, *(f"  {command}" for command in commands)])


def yes_option(help: str = "Do not ask.") -> Callable:
    """`-y/--yes`: go on without asking (what scripts pass)."""
    return click.option("-y", "--yes", is_flag=True, help=help)


def progress_factory(state: State, thread: bool = True):
    """Makes rich progress bars on a terminal; None in CI, in pipes and with --quiet.

    What the command writes to stdout meanwhile goes to stdout (a file or pipe while
    the bar is on the terminal), never above the bar. ``thread=False``: the bar is
    redrawn only when told, with no thread of its own (so that check-po's workers can
    be forked, which needs a process with one thread).
    """
    if not shows_progress(state):
        return None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    return lambda: Progress(
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),  # "0/?" until the total is known (a TextColumn drew "0/None")
        console=stderr_console(),
        transient=True,
        auto_refresh=thread,
        redirect_stdout=False,
    )


def shows_progress(state: State) -> bool:
    """Whether a command draws progress bars: on a terminal's stderr, without --quiet."""
    return not state.quiet and sys.stderr is not None and sys.stderr.isatty()


# A bar without a thread of its own is redrawn by the calls that move it, at most this often.
PROGRESS_REDRAW_S = 0.1


@contextlib.contextmanager
def progress_bar(state: State, description: str) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar as a ``progress(done, total)`` callback, or None (see progress_factory);
    redrawn by the calls (no thread of its own), at most every PROGRESS_REDRAW_S and at the end."""
    import time

    make = progress_factory(state, thread=False)
    if make is None:
        yield None
        return
    drawn = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        redraw = done >= total or now - drawn[0] >= PROGRESS_REDRAW_S
        if redraw:
            drawn[0] = now
        bar.update(task, completed=done, total=total, refresh=redraw)

    with make() as bar:
        task = bar.add_task(description, total=None)
        yield progress


# Width of a console that is not a terminal: lines are never cut or wrapped in pipes and logs.
UNLIMITED_WIDTH = 100_000


def _console(stderr: bool):
    import os

    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    ctx = click.get_current_context(silent=True)
    state = ctx.find_object(State) if ctx is not None else None
    plain = bool(state and state.no_color) or "NO_COLOR" in os.environ
    terminal = stream.isatty()
    return Console(
        stderr=stderr,
        file=stream,
        highlight=False,
        soft_wrap=True,
        markup=False,  # text from files is data, never rich markup (see safetext)
        emoji=False,
        color_system=None if plain or not terminal else "auto",
        width=None if terminal else UNLIMITED_WIDTH,
    )


def is_terminal_output() -> bool:
    """Whether stdout is a terminal (tables may then fit its width)."""
    return sys.stdout.isatty()


def stdout_console():
    """A rich console for stdout: full-width plain lines when stdout is not a terminal."""
    return _console(stderr=False)


def print_rich(renderable, console=None) -> None:
    """Print a rich table or text on stdout; in a pipe or log as plain lines without
    trailing padding (never cut: the console is as wide as the longest line)."""
    console = console or stdout_console()
    if console.is_terminal:
        console.print(renderable)
        return
    with console.capture() as captured:
        console.print(renderable)
    lines = [line.rstrip() for line in captured.get().splitlines()]
    click.echo("\n".join(lines))


def print_runs(before: list, rows: list, after: list) -> None:
    """Print lines of styled runs, a borderless table of them, then more lines.

    A run is ``(text, style)``; the table is rich's ``Table(box=None, padding=(0, 1))``
    without a header. On a terminal rich prints it all; to a pipe or a file the same
    bytes are written as plain lines, without importing rich's tables (most of a
    `show`'s start-up), except for a tab, which rich expands.
    """
    runs = [run for line in (*before, *after) for run in line]
    runs += [run for row in rows for cell in row for run in cell]
    if is_terminal_output() or any("\t" in text for text, _style in runs):
        _print_runs_rich(before, rows, after)
        return
    from rich.cells import cell_len

    def plain(runs: list) -> str:
        return "".join(text for text, _style in runs)

    lines = [plain(line) for line in before]
    cells = [[plain(cell) for cell in row] for row in rows]
    widths = [max(cell_len(row[i]) for row in cells) for i in range(len(cells[0]))] if cells else []
    table = [
        "".join(
            # rich crops a cell to its column's width: in a column of width 0 even a
            # zero-width character (U+200B) is cut
            f" {cell if width else ''}{' ' * (width - cell_len(cell))} "
            for cell, width in zip(row, widths, strict=True)
        ).rstrip()
        if any(widths)
        else ""  # rich gives a table of no width (only zero-width text) empty lines
        for row in cells
    ]
    lines += (table or [""]) + [plain(line) for line in after]  # rich: an empty line
    click.echo("\n".join(lines))


def _print_runs_rich(before: list, rows: list, after: list) -> None:
    from rich.table import Table
    from rich.text import Text

    def text(runs: list) -> Text:
        shown = Text()
        for part, style in runs:
            shown.append(part, style=style)
        return shown

    console = stdout_console()
    for line in before:
        console.print(text(line))
    table = Table(show_header=False, box=None, padding=(0, 1))
    for row in rows:
        table.add_row(*(text(cell) for cell in row))
    print_rich(table, console)
    for line in after:
        console.print(text(line))


def stderr_console():
    """A rich console for stderr (progress bars, messages)."""
    return _console(stderr=True)


def data_text(value: Any, style: str = ""):
    """Text from a file as a rich Text: printable, never markup (see safetext)."""
    from rich.text import Text

    from moci_vocab.safetext import printable

    return Text(printable(str(value)), style=style)


def echo_json(data: Any) -> None:
    """Data as JSON on stdout, with control and bidi characters escaped."""
    from moci_vocab.safetext import dumps_json

    click.echo(dumps_json(data))


def echo(message: str, err: bool = False) -> None:
    """One line that may quote data (a file name, a term): printed safely (see safetext)."""
    from moci_vocab.safetext import printable

    click.echo(printable(message), err=err)


def say(state: State, message: str) -> None:
    """A progress or result message for people (stderr, hidden by --quiet)."""
    if not state.quiet:
        echo(message, err=True)


def is_interactive() -> bool:
    """Whether both stdin and stdout are terminals (a person can be asked)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def confirm_or_refuse(question: str, yes: bool, refusal: str) -> None:
    """Ask on a terminal; in scripts, go on only with --yes."""
    from moci_vocab.errors import MociError

    if yes:
        return
    if is_interactive():
        if click.confirm(question, default=False, err=True):
            return
        raise MociError("cancelled; nothing was changed")
    raise MociError(refusal)


def apply_outcome(state: State, outcome, fmt: str = "text") -> None:
    """Apply an operation's staged changes, then print its messages (and its concept as JSON)."""
    outcome.changes.apply()
    for message in outcome.messages:
        say(state, message)
    if fmt == "json" and outcome.concept is not None:
        echo_json(outcome.concept.to_dict())


def split_list(values: tuple[str, ...]) -> list[str]:
    """Repeated and comma-separated option values, flattened: (`a,b`, `c`) → [a, b, c]."""
    items: list[str] = []
    for value in values:
        items.extend(part.strip() for part in value.split(",") if part.strip())
    return items


FINDING_FORMATS = ("text", "json", "github", "sarif")


def findings_options(help: str) -> Callable:
    """`--format` (text, json, github, sarif; ``help`` says what each gives) and `--fail-on`."""

    def decorate(command: Callable) -> Callable:
        return format_option(*FINDING_FORMATS, help=help)(fail_on_option()(command))

    return decorate


def fail_on_option() -> Callable:
    """`--fail-on error|warning`: the least severe finding that makes the exit status 1."""
    return click.option(
        "--fail-on",
        type=click.Choice(["error", "warning"]),
        default="error",
        show_default=True,
        help="Exit 1 when a finding is this severe or worse (warning: warnings fail too).",
    )


def show_findings(
    state: State,
    findings: Iterable,
    fmt: str,
    rules: dict,
    extra_summary: dict | Callable[[], dict],
    what: str,
    plain: bool = False,
) -> Tally:
    """Findings of `check` or `check-po` in the chosen format, on stdout, as they come.

    ``findings`` may be a stream (nothing is kept); ``extra_summary`` may be a
    function asked at the end; ``plain``: see ``report.json_chunks``. Returns the
    counts of what went by.
    """
    from moci_vocab import report
    from moci_vocab.findings import Tally

    tally = Tally()
    if fmt == "json":
        # JSON holds no raw escape character (JSON escapes every control character):
        # written without click.echo's search for ANSI codes to strip.
        _echo_chunks(report.json_chunks(findings, extra_summary, tally, plain), escapes=False)
    elif fmt == "github":
        _echo_chunks(report.github_chunks(findings, tally), blank=False)
    elif fmt == "sarif":
        ctx = click.get_current_context(silent=True)
        command = ctx.command_path if ctx is not None else None
        _echo_chunks(report.sarif_chunks(findings, rules, command_line=command, tally=tally))
    else:
        counted = _counted(findings, tally)
        if state.quiet:
            counted = (f for f in counted if f.severity == "error")
            first = next(counted, None)
            if first is None:
                return tally
            counted = itertools.chain([first], counted)
        if is_terminal_output():
            report.print_text(counted, stdout_console(), what=what)
        else:  # what rich would write to a pipe or file, without its cost per line
            report.print_text(counted, what=what, plain=sys.stdout)
    return tally


def _counted(findings: Iterable, tally: Tally) -> Iterator:
    from moci_vocab.findings import TextBlock

    for finding in findings:
        if type(finding) is TextBlock:
            tally.add_counts(finding.counts, finding.suppressed)
        else:
            tally.add(finding)
        yield finding


def _echo_chunks(
    chunks: Iterable[str], blank: bool = True, size: int = 1 << 16, escapes: bool = True
) -> None:
    """Text pieces on stdout in batches of about ``size`` characters, then a newline
    (as ``click.echo`` of the whole text; with ``blank=False`` nothing when empty).
    ``escapes=False``: the text has no ANSI escape code (click.echo strips them when
    stdout is not a terminal, a search through all of it): written as it is."""
    # color=True: click.echo writes the text as it is (no search for codes to strip).
    echo = click.echo if escapes else functools.partial(click.echo, color=True)
    batch: list = []
    length = 0
    wrote = False
    utf8 = False  # whether the batch holds UTF-8 bytes (see `utf8_stdout_errors`)
    errors = ""
    for chunk in chunks:
        if type(chunk) is bytes and not utf8:
            utf8, errors = True, utf8_stdout_errors() or "strict"
            batch = [piece.encode("utf-8", errors) for piece in batch]
        elif utf8 and type(chunk) is str:
            chunk = chunk.encode("utf-8", errors)
        batch.append(chunk)
        length += len(chunk)
        if length >= size:
            echo((b"" if utf8 else "").join(batch), nl=False)
            batch, length, wrote, utf8 = [], 0, True, False
    if batch or wrote or blank:
        echo((b"" if utf8 else "").join(batch))


def utf8_stdout_errors() -> str | None:
    """When stdout writes text as UTF-8 to a binary stream ("\\n" as it is), its error
    handler ("strict" or "surrogateescape"): text encoded so may be written to it as bytes
    (`_echo_chunks`), the same bytes. Else None."""
    import codecs

    stream = sys.stdout
    encoding = getattr(stream, "encoding", None)
    errors = getattr(stream, "errors", None)
    try:
        utf8 = isinstance(encoding, str) and codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return None
    writes_bytes = isinstance(getattr(stream, "buffer", None), io.BufferedIOBase | io.RawIOBase)
    if utf8 and errors in ("strict", "surrogateescape") and os.linesep == "\n" and writes_bytes:
        return errors
    return None


def exit_for_findings(findings: list | Tally, fail_on: str) -> None:
    """Exit status 1 when a finding that counts is at least as severe as ``fail_on``."""
    from moci_vocab.findings import Tally, fails

    failed = findings.fails(fail_on) if isinstance(findings, Tally) else fails(findings, fail_on)
    if failed:
        raise click.exceptions.Exit(1)
