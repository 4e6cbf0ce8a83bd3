"""Output to a stdout that cannot encode the glossary's scripts (a latin-1 or ASCII
locale, PYTHONIOENCODING) is written whole, what it cannot encode escaped as JSON
escapes it, instead of ending half-way with an unexpected UnicodeEncodeError."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

CATALOG = (
    'msgid ""\nmsgstr ""\n"Language: ka\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    'msgid "The reconciliation of the \u200bgroups 🙂"\nmsgstr "ჯგუფების მორიგება 🙂"\n'
)


# A stdout in latin-1 (Western Europe) or cp1251 (Cyrillic), and an ASCII locale (LC_ALL=C
# with Python's UTF-8 mode and locale coercion off): none can encode Georgian.
NARROW = {
    "latin-1": {"PYTHONIOENCODING": "latin-1"},
    "cp1251": {"PYTHONIOENCODING": "cp1251"},
    "ascii locale": {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
}


def check_po(root, po, fmt: str, stdout: str) -> subprocess.CompletedProcess:
    """`moci-vocab check-po PO --format FMT` with the stdout of NARROW[stdout] (or UTF-8)."""
    env = dict(os.environ, **NARROW.get(stdout, {"PYTHONIOENCODING": "utf-8"}))
    if stdout == "ascii locale":
        env.pop("PYTHONIOENCODING", None)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "moci_vocab",
            "--root",
            str(root),
            "check-po",
            str(po),
            "--format",
            fmt,
            "--jobs",
            "1",
        ],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )


def on_both(root, folder, fmt: str, stdout: str) -> tuple:
    """The Georgian catalog checked on a UTF-8 stdout and on NARROW[stdout]: both end as a
    check with findings ends (status 1), the narrow one with no unexpected error."""
    po = folder / "ka.po"
    po.write_text(CATALOG, encoding="utf-8")
    wide = check_po(root, po, fmt, "utf-8")
    narrow = check_po(root, po, fmt, stdout)
    assert wide.returncode == 1 and b"MV601" in wide.stdout  # a finding with Georgian
    assert narrow.returncode == wide.returncode, narrow.stderr
    assert b"unexpected" not in narrow.stderr
    return wide, narrow


@pytest.mark.parametrize("fmt", ["json", "sarif"])
@pytest.mark.parametrize("encoding", ["latin-1", "cp1251"])
def test_json_on_a_narrow_stdout_is_whole_and_means_the_same(seeded, tmp_path, fmt, encoding):
    wide, narrow = on_both(seeded.root, tmp_path, fmt, encoding)
    narrow.stdout.decode(encoding)  # nothing but the stream's own characters
    assert json.loads(narrow.stdout.decode(encoding)) == json.loads(wide.stdout)


@pytest.mark.parametrize("fmt", ["text", "github"])
@pytest.mark.parametrize("stdout", ["latin-1", "ascii locale"])
def test_text_on_a_narrow_stdout_escapes_what_it_cannot_show(seeded, tmp_path, fmt, stdout):
    wide, narrow = on_both(seeded.root, tmp_path, fmt, stdout)
    text = narrow.stdout.decode("utf-8", "replace")
    # შ of the expected term შერიგება, escaped; or written as UTF-8 where click takes an
    # ASCII stream for a misconfigured UTF-8 one (its own rule, for click.echo's lines)
    assert "\\u10e8" in text or (stdout == "ascii locale" and "შ" in text)
    assert text.count("\n") == wide.stdout.decode("utf-8").count("\n")
