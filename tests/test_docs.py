"""Every command has help text and an example, in its --help and in the docs.

After sqlite-utils' ``tests/test_docs.py``: the commands come from the CLI's
registry (``cli.COMMANDS``), so a new command is held to this the moment it
is registered.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from moci_vocab.cli import COMMANDS, cli

REPO = Path(__file__).resolve().parent.parent
DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]


def documented_commands() -> set[str]:
    """The commands that a `moci-vocab [global options] <command>` line in the docs runs."""
    found: set[str] = set()
    for path in DOCS:
        for match in re.finditer(r"moci-vocab((?:[ \t]+\S+){1,4})", path.read_text("utf-8")):
            words = match.group(1).split()
            found.update(word for word in words if word in COMMANDS)
    return found


@pytest.mark.parametrize("name", list(COMMANDS))
def test_command_has_help_text_and_an_example(name: str) -> None:
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    command = cli.get_command(None, name)  # type: ignore[arg-type]
    assert command is not None and (command.help or "").strip(), f"{name} has no help text"
    assert COMMANDS[name][2].strip(), f"{name} has no one-line help in cli.COMMANDS"
    assert f"moci-vocab {name}" in result.output, f"`{name} --help` shows no example"


@pytest.mark.parametrize("name", list(COMMANDS))
def test_command_has_an_example_in_the_docs(name: str) -> None:
    assert name in documented_commands(), (
        f"no `moci-vocab {name} ...` example in README.md or docs/*.md"
    )


def test_every_doc_page_is_linked_from_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [p.name for p in DOCS[1:] if f"docs/{p.name}" not in readme]
    assert missing == []


@pytest.mark.parametrize(
    ("name", "module", "formats"),
    [
        ("export", "moci_vocab.cli.export", "FORMATS"),
        ("import", "moci_vocab.cli.importing", "IMPORT_FORMATS"),
    ],
)
def test_the_command_list_names_every_format(name: str, module: str, formats: str) -> None:
    """`moci-vocab --help` lists the formats the command takes, not an older subset."""
    import importlib

    line = COMMANDS[name][2].casefold()
    names = set(re.findall(r"[a-z]+", line))
    missing = [f for f in getattr(importlib.import_module(module), formats) if f not in names]
    assert missing == [], f"`moci-vocab --help` says {line!r} for {name}"


@pytest.mark.parametrize("name", list(COMMANDS))
def test_help_prints_each_example_on_one_line(name: str) -> None:
    """An example cut in two by click's wrapping is two commands when pasted."""
    command = cli.get_command(None, name)  # type: ignore[arg-type]
    assert command is not None
    wanted = re.findall(r"moci-vocab [^\n]*", command.epilog or "")
    # 78 columns: click's help width on any terminal of 80 columns or more
    lines = CliRunner().invoke(cli, [name, "--help"], terminal_width=78).output.splitlines()
    cut = [example for example in wanted if not any(example in line for line in lines)]
    assert wanted and cut == [], f"`{name} --help` wraps {cut}"
