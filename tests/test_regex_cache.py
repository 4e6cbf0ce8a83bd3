"""The console entry keeps the regular expressions it compiled (moci_vocab.regex_cache): a
later process finds them in `re`'s cache, equal to what `re.compile` makes, without compiling
them; a file that does not verify, or another interpreter's, is ignored; MOCI_VOCAB_NO_CACHE
neither reads nor writes it; and check-po's output is the same with it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
IDENTITY = REPO / "tests" / "fixtures" / "identity"

# The console entry, `re._compiler.compile` counted from the start: how many patterns this
# process compiled itself, and whether the PO reader's entry pattern came from the file
# (it is compiled when moci_vocab.po.read is imported).
SCRIPT = """
import os, re, sys
from re import _compiler
compiled = []
original = _compiler.compile
_compiler.compile = lambda p, flags=0: (compiled.append(p), original(p, flags))[1]
exit_now = os._exit
def report():
    import moci_vocab.po.read as reader
    own = [p for p in compiled if isinstance(p, str) and p == reader._ENTRY.pattern]
    sys.stderr.write(f"compiled={len(compiled)} reader_compiled={len(own)}\\n")
    sys.stderr.flush()
os._exit = lambda code: (report(), exit_now(code))
sys.argv = ["moci-vocab", *sys.argv[1:]]
import moci_vocab.__main__ as entry
try:
    entry.main()
finally:
    report()
"""


def _run(tmp_path: Path, *args: str, **env: str) -> tuple[str, dict[str, int]]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("MOCI_VOCAB_")}
    environ.update(MOCI_VOCAB_CACHE_KEY_DIR=str(tmp_path / "key"), PYTHONPATH=str(REPO), **env)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environ,
        timeout=120,
        check=False,
    )
    last = [line for line in done.stderr.splitlines() if line.startswith("compiled=")][-1]
    counts = {k: int(v) for k, v in (part.split("=") for part in last.split())}
    return done.stdout, counts


def _check_po(tmp_path: Path) -> list[str]:
    """check-po of the identity fixtures' Albanian catalog (copied into ``tmp_path``)."""
    for name in ("clean", "po"):
        if not (tmp_path / name).exists():
            ignore = shutil.ignore_patterns(".moci*")
            shutil.copytree(IDENTITY / name, tmp_path / name, ignore=ignore)
    return ["--root", "clean", "check-po", "po/sq.po", "--format", "json"]


def _table(tmp_path: Path) -> Path:
    return tmp_path / "key" / f"regex-{sys.implementation.cache_tag}.bin"


def test_a_second_process_compiles_no_pattern_the_first_kept(tmp_path):
    first, counts = _run(tmp_path, *_check_po(tmp_path))
    assert counts["reader_compiled"] == 1 and counts["compiled"] > 30
    assert _table(tmp_path).is_file()
    second, counts = _run(tmp_path, *_check_po(tmp_path))
    # (left: what the file's reading imports first, and babel's patterns made from sets)
    assert counts["reader_compiled"] == 0 and counts["compiled"] < 10
    assert second == first and '"summary"' in second


def test_a_file_that_does_not_verify_is_ignored_and_written_again(tmp_path):
    _run(tmp_path, *_check_po(tmp_path))
    table = _table(tmp_path)
    data = bytearray(table.read_bytes())
    data[-1] ^= 1  # one bit of the forms changed: the signature no longer verifies
    table.write_bytes(bytes(data))
    _, counts = _run(tmp_path, *_check_po(tmp_path))
    assert counts["reader_compiled"] == 1
    _, counts = _run(tmp_path, *_check_po(tmp_path))
    assert counts["reader_compiled"] == 0


def test_another_interpreters_file_is_ignored(tmp_path, monkeypatch):
    from moci_vocab import regex_cache

    _run(tmp_path, *_check_po(tmp_path))
    table = _table(tmp_path)
    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    monkeypatch.setattr(regex_cache, "_loaded", None)
    assert regex_cache._read()  # this interpreter's header: read
    monkeypatch.setattr(regex_cache, "_header", lambda: b"1|another Python|0|4")
    assert regex_cache._read() == {}
    assert table.is_file()


def test_no_cache_neither_reads_nor_writes_the_file(tmp_path):
    _, counts = _run(tmp_path, *_check_po(tmp_path), MOCI_VOCAB_NO_CACHE="1")
    assert counts["reader_compiled"] == 1 and not _table(tmp_path).exists()
    _run(tmp_path, *_check_po(tmp_path))
    _, counts = _run(tmp_path, *_check_po(tmp_path), MOCI_VOCAB_NO_CACHE="1")
    assert counts["reader_compiled"] == 1


def test_each_kept_form_makes_the_pattern_re_compile_makes():
    import re

    from moci_vocab import regex_cache

    patterns = [
        (r"(?P<word>\w+)-(?P=word)", 0),
        (r"[a-z]+(?:\s+\d{2,})?", re.IGNORECASE | re.VERBOSE),
        (rb"[-_.](?<![-_.].)(?:(?<= -)[a-z\x01\x80-\xff][^ \x00]*)", 0),
        (r"(a)|(b)(c)?", re.MULTILINE | re.DOTALL),
        (r"^\u00e7[\u0400-\u04ff]+$", re.ASCII),
    ]
    import _sre

    for pattern, flags in patterns:
        form = regex_cache._form(pattern, int(flags))
        assert form is not None
        made = _sre.compile(pattern, *form)
        assert made == re.compile(pattern, flags)
        assert made.groupindex == re.compile(pattern, flags).groupindex
    assert regex_cache._form("x", int(re.DEBUG)) is None


def test_reading_makes_no_key_and_a_python_without_re_cache_ends_as_ever(tmp_path, monkeypatch):
    import re

    from moci_vocab import regex_cache

    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    monkeypatch.setattr(regex_cache, "_loaded", None)
    regex_cache.load()  # no file yet: nothing read, and no key made for it
    assert regex_cache._loaded == {} and not (tmp_path / "key").exists()
    monkeypatch.delattr(re, "_cache")
    regex_cache.save()  # no traceback at the end of every command
    assert not (tmp_path / "key").exists()
