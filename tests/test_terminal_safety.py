"""Text from a pull request cannot drive the terminal or the CI log (issue 14, point 3).

Glossary text, file names and language names are data: never rich markup
(`[/bold]`, `[link=…]`), never a raw escape sequence, never a line that the
GitHub runner reads as a workflow command (`::error …::`, `##[…]`), nor one that Azure
Pipelines or TeamCity read as theirs (`##vso[…]`, `##teamcity[…]`).
"""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from moci_vocab.cli import cli
from moci_vocab.findings import Finding
from moci_vocab.report import render_github
from moci_vocab.safetext import dumps_json, github_escape, printable

# A line a CI runner would take as a command: `::` after leading spaces, or the old
# form `##[` (Azure's `##vso[`, TeamCity's `##teamcity[`) anywhere in the line.
COMMAND_LINE = re.compile(r"^\s*::|##[A-Za-z]*\[", re.MULTILINE)
BOLD_CLOSE = "[/bold]"
LINK = "[link=file:///etc/passwd]click[/link]"
OSC8 = "\x1b]8;"  # the escape sequence of a terminal hyperlink


def run(moci, *args, env=None, ok=True):
    """`moci-vocab --root ROOT ARGS` with stdout and stderr kept apart."""
    env = {"COLUMNS": "250", **(env or {})}  # wide enough that no cell is cut short
    result = CliRunner().invoke(cli, ["--root", str(moci.root), *args], env=env)
    if ok:
        assert result.exit_code == 0, (args, result.output, result.exception)
    assert "Traceback" not in result.output
    return result


def assert_safe(text: str) -> None:
    __tracebackhide__ = True
    assert "\x1b" not in text, text
    assert "\x9b" not in text, text
    assert "\u202e" not in text, text
    assert not COMMAND_LINE.search(text), text


@pytest.fixture
def markup(moci):
    """Concepts whose terms look like rich markup."""
    moci("add", "bold", "--term", f"en={BOLD_CLOSE} closes", "--term", "sq=x", "--yes")
    moci("add", "link", "--term", f"en={LINK}", "--term", f"sq={LINK} sq", "--yes")
    return moci


@pytest.mark.parametrize(
    "args",
    [["search", "closes"], ["search", "click"], ["list"], ["list", "--lang", "sq"]],
)
def test_markup_in_a_term_is_printed_as_text(markup, args):
    result = run(markup, *args)
    assert BOLD_CLOSE in result.stdout or LINK in result.stdout, result.stdout
    assert_safe(result.output)


@pytest.mark.parametrize("args", [["show", "link"], ["list"], ["search", "click"]])
def test_a_link_in_a_term_never_becomes_a_terminal_hyperlink(markup, args):
    # FORCE_COLOR: rich writes styles (and would write hyperlinks) as on a terminal.
    result = run(markup, *args, env={"FORCE_COLOR": "1", "TERM": "xterm-256color"})
    assert OSC8 not in result.stdout
    plain = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
    assert "[link=file:///etc/passwd]" in plain, plain


def test_escape_in_a_file_name_is_shown_escaped_by_check(moci):
    (moci.root / "terms" / "evil\x1b[2J\x1b]0;pwned\x07.yaml").write_text(
        "id: evil\ndefinition: {en: x}\nterms: {en: [{term: x}]}\n", encoding="utf-8"
    )
    result = run(moci, "check", ok=False)
    assert result.exit_code == 1
    assert "evil\\x1b[2J\\x1b]0;pwned\\x07.yaml" in result.stdout
    assert_safe(result.output)
    for fmt in ("json", "sarif"):
        assert_safe(run(moci, "check", "--format", fmt, ok=False).output)
    github = run(moci, "check", "--format", "github", ok=False).stdout
    assert "\x1b" not in github and "evil\\x1b[2J" in github


def set_language_name(moci, name: str, autonym: str) -> None:
    manifest = moci.root / "glossary" / "glossary.yaml"
    text = manifest.read_text(encoding="utf-8")
    text = text.replace("  sq:\n", f'  sq:\n    name: "{name}"\n    autonym: "{autonym}"\n', 1)
    manifest.write_text(text, encoding="utf-8")


def test_escape_in_a_language_name_is_refused_and_quoted_escaped(moci):
    moci("add", "a", "--term", "en=a", "--term", "sq=a", "--yes")
    set_language_name(moci, "Alb\\e[31manian\\x9b2J", "shqip")
    check = run(moci, "check", ok=False)
    assert "glossary.yaml" in check.stdout and "control character U+001B" in check.stdout
    assert_safe(check.output)
    stats = run(moci, "stats", ok=None)  # refused, or shown without the bad name
    assert_safe(stats.output)


def test_bidi_and_markup_in_a_language_name_are_shown_as_text(moci):
    moci("add", "a", "--term", "en=a", "--term", "sq=a", "--yes")
    set_language_name(moci, "Alb\\u202eanian [/bold]", "[link=file:///etc/passwd]x[/link]")
    stats = run(moci, "stats")
    assert "Alb\\u202eanian [/bold]" in stats.stdout
    assert_safe(stats.output)
    as_json = run(moci, "stats", "--format", "json")
    assert_safe(as_json.output)
    assert "Alb\u202eanian [/bold]" in json.dumps(json.loads(as_json.stdout), ensure_ascii=False)
    assert_safe(run(moci, "check", ok=None).output)
    assert_safe(run(moci, "show", "a").output)


def test_a_newline_in_a_file_name_cannot_start_a_workflow_command(moci):
    name = "x\n::error file=evil::pwned\n##[error]old.yaml"
    (moci.root / "terms" / name).write_text(
        "id: x\ndefinition: {en: x}\nterms: {en: [{term: x}]}\n", encoding="utf-8"
    )
    text = run(moci, "check", ok=False)
    assert text.exit_code == 1
    assert "x\\n::error file=evil::pwned\\n#\\x23[error]old.yaml" in text.stdout
    assert_safe(text.output)
    github = run(moci, "check", "--format", "github", ok=False).stdout
    lines = github.splitlines()
    assert all(line.startswith("::") for line in lines), github
    assert any("file=" in line and "%0A%3A%3Aerror file=evil%3A%3Apwned" in line for line in lines)
    assert "\n::error file=evil" not in github
    for command in (["list"], ["show", "x"], ["fmt", "--check"]):
        assert_safe(run(moci, *command, ok=None).output)


def test_data_starting_with_a_workflow_command_is_escaped_in_tables(moci):
    moci("add", "cmd", "--term", "en=::error file=a::b", "--term", "sq=::warning::x", "--yes")
    for args in (["list", "--lang", "sq"], ["search", "error"], ["show", "cmd"]):
        result = run(moci, *args)
        assert "\\x3a:error file=a::b" in result.stdout, result.stdout
        assert_safe(result.output)


def test_a_definition_with_a_newline_stays_on_its_line(moci):
    moci("add", "nl", "--term", "en=nl", "--definition", "en=first\n::error::second", "--yes")
    result = run(moci, "show", "nl")
    assert "first\\n::error::second" in result.stdout
    assert_safe(result.output)


def test_click_usage_errors_quote_arguments_safely(moci):
    result = run(moci, "no\x1bsuch\n::error::x", ok=False)
    assert result.exit_code == 2
    assert_safe(result.output)


def test_printable_is_idempotent_and_escapes_what_it_must():
    hostile = "a\x1b[31m\x9b\u202e\u2066\n::error::\r##[x]\u2028"
    once = printable(hostile)
    assert printable(once) == once
    assert once == "a\\x1b[31m\\x9b\\u202e\\u2066\\n::error::\\r#\\x23[x]\\u2028"
    assert printable("  ::warning::x") == "  \\x3a:warning::x"
    assert printable("tab\tkept") == "tab\tkept"
    assert printable("ՀԱՅ ქართ shqip") == "ՀԱՅ ქართ shqip"


def test_azure_and_teamcity_commands_are_escaped_anywhere_in_a_line():
    assert printable("a ##vso[task.complete result=Succeeded]b") == (
        "a #\\x23vso[task.complete result=Succeeded]b"
    )
    assert printable("##VSO[x] ##teamcity[m] ##[y] ###[") == (
        "#\\x23VSO[x] #\\x23teamcity[m] #\\x23[y] ##\\x23["
    )
    assert printable("## [ #vso[ ##1[") == "## [ #vso[ ##1["  # no command: kept as typed
    assert printable(printable("##vso[x]")) == printable("##vso[x]")


def test_an_azure_command_in_a_term_never_reaches_a_log_raw(seeded, tmp_path):
    done = "##vso[task.complete result=Succeeded]done"
    seeded("translate", "reconciliation", "sq", done, "--status", "admitted")
    po = tmp_path / "##vso[task.setvariable variable=x]1.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: sq\\n"\n\nmsgid "reconciliation"\nmsgstr "x"\n',
        encoding="utf-8",
    )
    result = run(seeded, "check-po", str(po), ok=None)
    assert result.exit_code == 1
    assert "#\\x23vso[task.complete result=Succeeded]done" in result.stdout
    assert_safe(result.output)
    for args in (["show", "reconciliation"], ["list", "--lang", "sq"], ["search", "done"]):
        assert_safe(run(seeded, *args).output)


def test_github_escape_follows_the_runner_rules():
    assert github_escape("50%\r\nx") == "50%25%0D%0Ax"
    assert github_escape("a:b,c%\n", is_property=True) == "a%3Ab%2Cc%25%0A"
    assert github_escape("\x1b[31m") == "\\x1b[31m"
    finding = Finding(
        code="MV001", severity="error", message="bad\n::error::x", file="a,b:c.yaml", line=3
    )
    line = render_github([finding])
    assert "\n" not in line
    assert line.startswith("::error file=a%2Cb%3Ac.yaml,line=3,title=MV001::bad%0A::error::x")


def test_json_output_escapes_c1_and_bidi_but_keeps_the_data():
    data = {"t": "\x9b2J\u202eabc\x1bდ"}
    text = dumps_json(data)
    assert "\x9b" not in text and "\u202e" not in text and "\x1b" not in text
    assert "დ" in text
    assert json.loads(text) == data


def test_check_po_and_import_quote_file_names_and_entries_safely(seeded, tmp_path):
    po = tmp_path / "evil\x1b[31m\n::error file=x::y.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: sq\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "reconciliation [/bold] \\x1b[2J"\nmsgstr "::error::x\\n[link=file:///]y[/link]"\n',
        encoding="utf-8",
    )
    for args in (
        ["check-po", str(po)],
        ["check-po", str(po), "--lang", "sq"],
        ["import", "po", str(po), "--dry-run"],
    ):
        result = run(seeded, *args, ok=None)
        assert "Traceback" not in result.output
        assert_safe(result.output)
