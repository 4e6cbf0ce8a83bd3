"""What every command shares: the glossary root, output, prompts."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

FORMAT_TEXT_JSON = click.Choice(["text", "json"])


@dataclass
class State:
    """Options of the `moci-vocab` group, passed to every command."""

    root_option: str | None = None
    quiet: bool = False

    def root(self) -> Path:
        from moci_vocab.errors import GlossaryNotFound
        from moci_vocab.layout import JOURNAL, MANIFEST, find_root

        if self.root_option:
            root = Path(self.root_option)
            if not (root / MANIFEST).is_file():
                raise GlossaryNotFound(
                    f"no glossary in {root}: {MANIFEST.as_posix()} is missing "
                    f"(create one with `moci-vocab --root {root} init`)"
                )
        else:
            root = find_root()
        if (root / JOURNAL).is_file():  # a command was killed in the middle of a change
            self._finish_interrupted(root)
        return root

    def _finish_interrupted(self, root: Path) -> None:
        from moci_vocab.store import finish_interrupted_change

        changed = finish_interrupted_change(root)
        if changed:
            names = ", ".join(path.relative_to(root).as_posix() for path in changed)
            click.echo(
                f"finished the change an interrupted command left half-made: {names}", err=True
            )

    def glossary(self):
        from moci_vocab.store import load_glossary

        return load_glossary(self.root())


pass_state = click.make_pass_decorator(State, ensure=True)


def progress_factory(state: State):
    """Makes rich progress bars on a terminal; None in CI, in pipes and with --quiet."""
    if state.quiet or not sys.stderr.isatty():
        return None
    from rich.progress import BarColumn, Progress, TextColumn

    return lambda: Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        console=stderr_console(),
        transient=True,
    )


@contextlib.contextmanager
def progress_bar(state: State, description: str) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar as a ``progress(done, total)`` callback, or None (see progress_factory)."""
    make = progress_factory(state)
    if make is None:
        yield None
        return
    with make() as bar:
        task = bar.add_task(description, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def stdout_console():
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


def stderr_console():
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def say(state: State, message: str) -> None:
    """A progress or result message for people (stderr, hidden by --quiet)."""
    if not state.quiet:
        click.echo(message, err=True)


def is_interactive() -> bool:
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


def apply_outcome(state: State, outcome) -> None:
    outcome.changes.apply()
    for message in outcome.messages:
        say(state, message)


def split_list(values: tuple[str, ...]) -> list[str]:
    """Repeated and comma-separated option values, flattened: (`a,b`, `c`) → [a, b, c]."""
    items: list[str] = []
    for value in values:
        items.extend(part.strip() for part in value.split(",") if part.strip())
    return items
