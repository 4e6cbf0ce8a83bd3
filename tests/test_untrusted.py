"""Files from a pull request: no link out of the root, no FIFO or device, no runaway input
(issue 14, points 2, 5, 6 and 7).

Every file moci-vocab reads is opened without following a link (O_NOFOLLOW), without
waiting for a FIFO's writer (O_NONBLOCK), checked to be a regular file after opening
(fstat), and read only up to its limit, counted in bytes actually read (/dev/zero says
its size is 0). Each case gives one clear error (file, and line where there is one),
exit status 1, within seconds and a few hundred megabytes, and changes nothing.
"""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import snapshot
from test_hostile import FAST, assert_one_clear_error, run

from moci_vocab import cache
from moci_vocab.cli import cli

pytestmark = pytest.mark.skipif(os.name == "nt", reason="links, FIFOs and devices are POSIX")

PO_HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: sq\\n"\n\n'
)
BIG = "9" * 5000  # over Python's 4,300-digit limit for int(str)


@pytest.fixture
def good(moci, tmp_path, monkeypatch):
    """A scratch glossary with one good concept; the cache key stays in tmp_path."""
    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    moci("add", "good", "--term", "en=good", "--term", "sq=i mirë", "--yes")
    return moci.root


@pytest.fixture
def outside(tmp_path):
    """A folder outside the glossary with a YAML file that must never be read or written."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.yaml").write_text("id: secret\nterms:\n  en: [SECRET-TEXT]\n")
    return folder


def bounded(result) -> None:
    __tracebackhide__ = True
    assert result.seconds < FAST and result.max_rss_mb < 300, result
    assert "Traceback" not in result.err + result.out and "unexpected" not in result.err


# --------------------------------------------------------------------------- point 2: links

FOLDERS = {"terms": "terms", "glossary": "glossary", ".moci-cache": ".moci-cache"}
COMMANDS = {
    "check": ["check"],
    "show": ["show", "good"],
    "list": ["list"],
    "fmt": ["fmt"],
    "translate": ["translate", "good", "sq", "mirë", "--yes"],
}


@pytest.mark.parametrize("folder", list(FOLDERS))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_glossary_folder_that_is_a_link_out_of_the_root_is_refused(
    good, outside, tmp_path, folder, command
):
    real = good / folder
    if real.exists():
        for child in real.iterdir():
            if child.is_file():
                (outside / child.name).write_bytes(child.read_bytes())
        for child in sorted(real.rglob("*"), reverse=True):
            child.rmdir() if child.is_dir() else child.unlink()
        real.rmdir()
    real.symlink_to(outside)
    before_outside, before = snapshot(outside), snapshot(good)
    result = run(good, COMMANDS[command], tmp_path / "run")
    assert_one_clear_error(result, folder, None, "is a symbolic link")
    bounded(result)
    assert "SECRET-TEXT" not in result.out + result.err
    assert snapshot(outside) == before_outside  # nothing written there (cache, lock, fmt)
    assert snapshot(good) == before


# An export writes into exports/ (or the -o folder), which a pull request's checkout can
# hold as a link: `moci-vocab export all -o exports` in CI would write outside it.
EXPORT_LINKS = {
    "default exports/": ("exports", ["export", "po"]),
    "-o exports": ("exports", ["export", "po", "-o", "{root}/exports"]),
    "exports/weblate/": ("exports/weblate", ["export", "weblate", "-o", "{root}/exports"]),
}


@pytest.mark.parametrize("case", list(EXPORT_LINKS))
def test_an_export_never_writes_through_a_linked_folder(good, outside, case):
    link, args = EXPORT_LINKS[case]
    folder = good / link
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.symlink_to(outside)
    before = snapshot(outside)
    result = CliRunner().invoke(cli, ["--root", str(good), *(a.format(root=good) for a in args)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert f"{link}: is a symbolic link; moci-vocab never writes through a link" in result.stderr
    assert snapshot(outside) == before  # not one file written there
    assert folder.is_symlink()


def test_an_export_into_a_real_folder_still_writes(good, outside):
    (good / "exports").mkdir()
    (good / "exports" / "sq.po").symlink_to(outside / "secret.yaml")  # a file: replaced
    result = CliRunner().invoke(cli, ["--root", str(good), "export", "po"])
    assert result.exit_code == 0, result.output
    assert not (good / "exports" / "sq.po").is_symlink()
    assert "SECRET-TEXT" in (outside / "secret.yaml").read_text()


@pytest.mark.parametrize("name", ["glossary/glossary.yaml", "glossary/CHANGELOG.md"])
def test_the_manifest_or_changelog_as_a_link_is_refused(good, outside, tmp_path, name):
    target = good / name
    (outside / "copy").write_bytes(target.read_bytes())
    target.unlink()
    target.symlink_to(outside / "copy")
    for command in ("check", "list", "fmt"):
        result = run(good, [command], tmp_path / command)
        assert_one_clear_error(result, name, None, "is a symbolic link")
        bounded(result)
    assert (outside / "copy").read_bytes() != b""


def test_a_dangling_gitignore_link_in_the_cache_is_never_written_through(good, tmp_path):
    cache_dir = good / ".moci-cache"
    cache_dir.mkdir(exist_ok=True)
    (cache_dir / ".gitignore").unlink(missing_ok=True)
    (cache_dir / ".gitignore").symlink_to(tmp_path / "planted")
    for pickled in cache_dir.glob("*.pickle"):
        pickled.unlink()
    result = run(good, ["list"], tmp_path / "run")
    assert result.code == 0, result.err
    assert not (tmp_path / "planted").exists()


def test_a_lock_file_that_is_a_link_is_never_created_through(good, tmp_path):
    lock = good / ".moci-cache" / "write.lock"
    lock.parent.mkdir(exist_ok=True)
    lock.unlink(missing_ok=True)
    lock.symlink_to(tmp_path / "planted-lock")
    result = run(good, COMMANDS["translate"], tmp_path / "run")
    assert_one_clear_error(result, "write.lock", None, "cannot be created or opened")
    assert not (tmp_path / "planted-lock").exists()


# ------------------------------------------------------------ point 5: FIFOs, devices, links

GLOSSARY_FILES = {"concept": "terms/evil.yaml", "manifest": "glossary/glossary.yaml"}
VARIANTS = {
    "fifo": (lambda path: os.mkfifo(path), "is not a regular file"),
    "dev-zero": (lambda path: path.symlink_to("/dev/zero"), "symbolic link"),
    "link-to-a-file": (lambda path: path.symlink_to("/etc/hostname"), "symbolic link"),
}


@pytest.mark.parametrize("variant", list(VARIANTS))
@pytest.mark.parametrize("which", list(GLOSSARY_FILES))
def test_a_glossary_file_that_is_a_fifo_device_or_link_is_one_clear_error(
    good, tmp_path, which, variant
):
    make, words = VARIANTS[variant]
    path = good / GLOSSARY_FILES[which]
    path.unlink(missing_ok=True)
    make(path)
    # `show evil`: a reading command leaves out a file it cannot read, unless it is the one
    # asked for; `fmt` reads strictly.
    show = ["show", "evil"] if which == "concept" else COMMANDS["show"]
    for command, args in (("show", show), ("check", ["check"]), ("fmt", ["fmt"])):
        result = run(good, args, tmp_path / command)
        if command == "check" and which == "concept":  # check lists every finding
            assert result.code == 1 and f"{GLOSSARY_FILES[which]}" in result.out, result
            assert words in result.out
        else:
            assert_one_clear_error(result, GLOSSARY_FILES[which], None, words)
        bounded(result)


@pytest.mark.parametrize("variant", ["fifo", "dev-zero", "garbage", "wrong-shape"])
def test_a_planted_cache_file_is_ignored_and_rebuilt(good, tmp_path, variant):
    """The cache is derived data: whatever is in .moci-cache, commands give the same answer."""
    assert run(good, ["list", "--format", "json"], tmp_path / "warm").code == 0
    expected = run(good, ["list", "--format", "json"], tmp_path / "expected").out
    for pickled in (good / ".moci-cache").glob("*.pickle"):
        pickled.unlink()
        if variant == "fifo":
            os.mkfifo(pickled)
        elif variant == "dev-zero":
            pickled.symlink_to("/dev/zero")
        elif variant == "garbage":
            pickled.write_bytes(b"MOCICACHE" + os.urandom(100))
    if variant == "wrong-shape":  # signed with our own key: only its shape is wrong
        for value in ({"root": 5, "files": []}, ["a", "list"], {"files": {"x": (1, 2, 3)}}):
            cache.store(good, "concepts", value)
            result = run(good, ["list", "--format", "json"], tmp_path / "shape")
            assert result.code == 0 and result.out == expected, result
        return
    for command in (["list", "--format", "json"], ["check"], ["search", "good"]):
        result = run(good, command, tmp_path / command[0])
        assert result.code == 0, result
        bounded(result)
    assert run(good, ["list", "--format", "json"], tmp_path / "after").out == expected


def test_a_signed_cache_of_the_wrong_shape_is_none(good, monkeypatch):
    cache.store(good, "concepts", {"root": 5})
    assert cache.load(good, "concepts", lambda value: cache.is_record(value, root=str)) is None
    assert cache.load(good, "concepts") == {"root": 5}
    monkeypatch.setattr(pickle, "loads", lambda _payload: 1 / 0)
    assert cache.load(good, "concepts") is None


INPUTS = {
    "check-po po": (["check-po", "--lang", "sq"], "x.po"),
    "check-po mo": (["check-po", "--lang", "sq"], "x.mo"),
    "check-po xliff": (["check-po", "--lang", "sq"], "x.xlf"),
    "check-po csv": (["check-po", "--lang", "sq"], "x.csv"),
    "import po": (["import", "po", "--lang", "sq", "--dry-run"], "x.po"),
    "import csv": (["import", "csv", "--dry-run"], "x.csv"),
    "import tbx": (["import", "tbx", "--dry-run"], "x.tbx"),
    "import json": (["import", "json", "--dry-run"], "x.json"),
}


@pytest.mark.parametrize("variant", list(VARIANTS))
@pytest.mark.parametrize("what", list(INPUTS))
def test_an_input_file_that_is_a_fifo_device_or_link_is_one_clear_error(
    good, tmp_path, what, variant
):
    args, name = INPUTS[what]
    make, words = VARIANTS[variant]
    path = tmp_path / name
    make(path)
    before = snapshot(good)
    result = run(good, [*args, str(path)], tmp_path / "run")
    assert result.code == 1, result
    bounded(result)
    shown = result.out + result.err
    assert name in shown and words in shown, shown
    assert snapshot(good) == before


@pytest.mark.parametrize("what", ["check-po po", "import po"])
def test_an_input_over_the_size_limit_stops_at_the_limit(good, tmp_path, what):
    args, name = INPUTS[what]
    path = tmp_path / name
    with open(path, "wb") as handle:
        handle.truncate(65 * 1024 * 1024)  # sparse: no disk used
    result = run(good, [*args, str(path)], tmp_path / "run")
    assert result.code == 1 and "MB, too large" in result.out + result.err, result
    bounded(result)


def test_a_million_tags_stop_at_the_value_cap_with_file_and_line(good, tmp_path):
    """The 9 MB concept file with 1.5 million tags: refused at its 100,001st value."""
    path = good / "terms" / "tags.yaml"
    lines = ["id: tags\nterms:\n  en: [tags]\n  sq: [etiketa]\ntags:\n"]
    lines += [f"- t{i % 1000}\n" for i in range(1_500_000)]
    path.write_text("".join(lines))
    result = run(good, ["check"], tmp_path / "check")
    assert result.code == 1
    # the line of the 100,001st value: the rest of the file is never parsed
    assert "terms/tags.yaml:99993:" in result.out and "more than 100,000 values" in result.out
    bounded(result)
    result = run(good, ["show", "tags"], tmp_path / "show")
    assert_one_clear_error(result, "terms/tags.yaml", 99993, "more than 100,000 values")
    bounded(result)


@pytest.mark.parametrize("fmt", ["po", "csv", "json", "tbx"])
def test_an_import_over_the_entry_cap_is_refused_before_it_is_parsed(good, tmp_path, fmt):
    count = 50_001
    path = tmp_path / f"many.{fmt}"
    if fmt == "po":
        path.write_text(
            PO_HEADER + "".join(f'msgid "w{i}"\nmsgstr "f{i}"\n\n' for i in range(count))
        )
    elif fmt == "csv":
        path.write_text("source,target\n" + "".join(f"w{i},f{i}\n" for i in range(count)))
    elif fmt == "json":
        path.write_text(json.dumps([{"id": f"w{i}"} for i in range(count)]))
    else:
        entry = '<termEntry><langSet xml:lang="en"><tig><term>w</term></tig></langSet></termEntry>'
        path.write_text(f"<martif><text><body>{entry * count}</body></text></martif>")
    args = ["import", fmt, str(path), "--dry-run"] + (["--lang", "sq"] if fmt == "po" else [])
    result = run(good, args, tmp_path / "run")
    assert_one_clear_error(result, path.name, None, "holds more than 50,000")
    bounded(result)


MANY_LINES = {
    # short lines: read whole, 1,100,000 were ~300 MB (a 64 MB file: ~4.5 GB)
    "import csv": (["import", "csv"], "source,target\n" + "a,b\n" * 1_100_000),
    "import po": (["import", "po", "--lang", "sq"], PO_HEADER + "#\n" * 1_100_000),
    "import csv 200,000 rows": (["import", "csv"], "source,target\n" + "a,b\n" * 200_000),
    "check-po csv": (["check-po", "--lang", "sq"], "source,target\n" + "a,b\n" * 600_000),
}
LINES_REFUSED = {
    "import csv": (None, "has more than 1,000,000 lines"),
    "import po": (None, "has more than 1,000,000 lines"),
    "import csv 200,000 rows": (50_002, "holds more than 50,000 rows"),  # the rest never read
    "check-po csv": (500_002, "holds more than 500,000 rows, the most check-po reads"),
}


@pytest.mark.parametrize("case", list(MANY_LINES))
def test_many_short_lines_are_refused_before_they_are_all_read(good, tmp_path, case):
    args, text = MANY_LINES[case]
    path = tmp_path / ("many.po" if "po" in args[1] else "many.csv")
    path.write_text(text)
    tail = ["--dry-run"] if args[0] == "import" else []
    result = run(good, [*args, str(path), *tail], tmp_path / "run")
    line, words = LINES_REFUSED[case]
    bounded(result)
    if args[0] == "check-po":
        assert result.code == 1 and f"many.csv:{line}:1: MV600 error: {words}" in result.out
    else:
        assert_one_clear_error(result, path.name, line, words)


def test_a_long_line_not_in_nfc_is_located_in_bounded_time(good, tmp_path):
    """A definition of 400,000 characters with a decomposed é at its end: every prefix was
    tried for NFC (23 s; a 10 MB concept file from a pull request: hours of `check`)."""
    definition = "a" * 400_000 + "e\u0301"
    (good / "terms" / "long.yaml").write_text(
        f"id: long\ndefinition:\n  en: {definition}\nterms:\n  en: [long]\n", encoding="utf-8"
    )
    result = run(good, ["check"], tmp_path / "run", timeout=60)
    bounded(result)
    assert "terms/long.yaml:3:1: MV201 error: line is not in Unicode NFC (decomposed 'é')" in (
        result.out
    ), result
    assert result.seconds < 3, result


def test_an_entry_of_a_million_plural_forms_is_refused_in_bounded_memory(good, tmp_path):
    """msgstr[0] … msgstr[999999] (19 MB): 933 MB to read (the entry pattern kept state per
    line, then every form was a string); a language has at most six plural forms."""
    path = tmp_path / "sq.po"
    forms = "".join(f'msgstr[{n}] "x"\n' for n in range(1_000_000))
    path.write_text(PO_HEADER + f'msgid "good"\nmsgid_plural "goods"\n{forms}')
    result = run(good, ["check-po", str(path)], tmp_path / "run")
    bounded(result)
    assert result.code == 1, result
    assert "sq.po:108:1: MV600 error: not a valid PO file: more than 100 translations" in (
        result.out
    ), result


def test_a_placeholder_of_thousands_of_zeros_is_read_in_linear_time(good, tmp_path):
    """`%` then 20,000 zeros: the placeholder pattern tried every way of sharing the zeros
    between its flags and its width (42 s for this 20 KB file; a 1 MB msgid: hours)."""
    path = tmp_path / "sq.po"
    path.write_text(PO_HEADER + f'msgid "good %{"0" * 20_000}!"\nmsgstr "x"\n')
    result = run(good, ["check-po", str(path)], tmp_path / "run", timeout=60)
    bounded(result)
    assert result.code == 1 and "MV601" in result.out, result
    assert result.seconds < 3, result


def test_printf_placeholders_are_found_as_before():
    from moci_vocab.checkpo.spans import _SIGNED

    text = "%05d %0.5f %010d %00d %-08.3lf %1$s %'d %*d %%, %0!"
    found = [m.group() for m in _SIGNED.finditer(text)]
    assert found == ["%05d", "%0.5f", "%010d", "%00d", "%-08.3lf", "%1$s", "%'d", "%*d", "%%", "%0"]


SHEET_START = (
    b'<?xml version="1.0" encoding="UTF-8"?><worksheet '
    b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)
HEADER_ROW = (
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>source</t></is></c>'
    b'<c r="B1" t="inlineStr"><is><t>target</t></is></c></row>'
)
ROW = b'<row><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row>'
# A few kilobytes that stand for billions of cells, or a sheet of short rows.
FAR_BELOW = b'<row r="900000000000"><c r="A900000000000"/></row>'
SHEETS = {
    # every row padded to the 16,384 columns the file claims, up to its 1,048,576 rows
    "dimension": b'<dimension ref="A1:XFD1048576"/><sheetData>' + HEADER_ROW
    + b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>',
    "row-far-below": b"<sheetData>" + HEADER_ROW + FAR_BELOW,
    "million-cells-in-a-row": b"<sheetData>" + HEADER_ROW + b"<row>" + b"<c/>" * 10**6 + b"</row>",
    "200,000-rows": b"<sheetData>" + HEADER_ROW + ROW * 200_000,
}  # fmt: skip


def xlsx_with_sheet(path: Path, sheet: bytes) -> None:
    """A workbook made by openpyxl whose first sheet's XML is ``sheet`` (then its end)."""
    import io
    import zipfile

    import openpyxl

    made = io.BytesIO()
    workbook = openpyxl.Workbook()
    workbook.active.append(["source", "target"])
    workbook.save(made)
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name in source.namelist():
            data = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                data = SHEET_START + sheet + b"</sheetData></worksheet>"
            out.writestr(name, data)


@pytest.mark.parametrize("case", list(SHEETS))
def test_a_small_workbook_of_billions_of_cells_is_bounded(good, tmp_path, case):
    path = tmp_path / "sheet.xlsx"
    xlsx_with_sheet(path, SHEETS[case])
    assert path.stat().st_size < 100_000
    args = ["import", "xlsx", str(path), "--lang", "sq", "--dry-run"]
    result = run(good, args, tmp_path / "run", timeout=40)  # (main: hours, or gigabytes)
    bounded(result)
    if case == "dimension":  # two rows, read as two rows
        assert result.code == 0, result
    elif case == "200,000-rows":  # refused at its 50,001st row, the rest never read
        assert_one_clear_error(result, path.name, 50_002, "holds more than 50,000 rows")
    else:
        assert_one_clear_error(result, path.name, None, "has more than 5,000,000 cells")


# ------------------------------------------------------------- points 6 and 7: clear errors


def concept_with(field: str) -> str:
    fields = {
        "id": f"id: {BIG}\nterms:\n  en: [x]\n",
        "term": f"id: big\nterms:\n  en: [{BIG}]\n  sq: [y]\n",
        "review date": f"id: big\nterms:\n  en: [x]\n  sq: [y]\nreview:\n  date: {BIG}\n",
        "key": f"id: big\nterms:\n  en: [x]\n  sq: [y]\n{BIG}: 1\n",
    }
    return fields[field]


@pytest.mark.parametrize("field", ["id", "term", "review date", "key"])
def test_a_5000_digit_number_in_a_concept_file_is_never_a_crash(good, tmp_path, field):
    (good / "terms" / "big.yaml").write_text(concept_with(field))
    for command in ("check", "show", "list", "fmt", "search"):
        args = {"show": ["show", "good"], "search": ["search", "good"]}.get(command, [command])
        result = run(good, args, tmp_path / command)
        bounded(result)
        assert result.code in (0, 1), result


def test_a_5000_digit_number_in_the_manifest_is_never_a_crash(good, tmp_path):
    manifest = good / "glossary" / "glossary.yaml"
    text = manifest.read_text()
    manifest.write_text(text.replace("version:", f"version: {BIG}\nold_version:", 1))
    for command in ("check", "list", "stats"):
        result = run(good, [command], tmp_path / command)
        bounded(result)
        assert result.code in (0, 1), result


def test_a_5000_digit_number_in_a_json_import_names_file_and_line(good, tmp_path):
    path = tmp_path / "big.json"
    path.write_text('{"concepts": [\n  {"id": "x",\n   "n": ' + BIG + "}]}")
    result = run(good, ["import", "json", str(path), "--dry-run"], tmp_path / "run")
    assert_one_clear_error(result, "big.json:3", None, "5000 digits")


def test_a_5000_digit_plural_count_in_po_is_never_a_crash(good, tmp_path):
    path = tmp_path / "plural.po"
    path.write_text(
        PO_HEADER.replace(
            '"Language', f'"Plural-Forms: nplurals={BIG}; plural=(n != 1);\\n"\n"Language'
        )
        + f'msgid "good"\nmsgid_plural "goods"\nmsgstr[0] "mire"\nmsgstr[{BIG}] "mire"\n'
    )
    for args in (["check-po", str(path)], ["import", "po", str(path), "--dry-run"]):
        result = run(good, args, tmp_path / args[0])
        bounded(result)
        assert result.code in (0, 1), result


def mo_file(path: Path, charset: str) -> None:
    import polib

    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "sq"}
    po.append(polib.POEntry(msgid="good", msgstr="mire"))
    po.save_as_mofile(str(path))
    data = path.read_bytes().replace(b"charset=UTF-8", b"charset=" + charset.encode())
    path.write_bytes(data)


@pytest.mark.parametrize("charset", ["rot13", "zlib", "base64", "undefined", "hex"])
@pytest.mark.parametrize("kind", ["check-po po", "check-po mo", "import po"])
def test_a_charset_that_is_not_a_text_encoding_is_one_clear_error(good, tmp_path, charset, kind):
    args, name = INPUTS[kind]
    path = tmp_path / name
    if name.endswith(".mo"):
        mo_file(path, charset)
    else:
        path.write_text(PO_HEADER.replace("UTF-8", charset) + 'msgid "good"\nmsgstr "mire"\n')
    result = run(good, [*args, str(path)], tmp_path / "run")
    assert result.code == 1, result
    bounded(result)
    assert f"unknown charset {charset!r} in the header (not a text encoding)" in (
        result.out + result.err
    )


def test_json_nested_1100_deep_is_one_clear_error(good, tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 1100 + "]" * 1100)
    result = run(good, ["import", "json", str(path), "--dry-run"], tmp_path / "run")
    assert_one_clear_error(result, "deep.json", None, "nests arrays or objects too deeply")
    bounded(result)


def test_tbx_nested_1200_deep_is_one_clear_error_with_its_line(good, tmp_path):
    path = tmp_path / "deep.tbx"
    path.write_text("<martif>\n" + "<a>" * 1200 + "</a>" * 1200 + "\n</martif>")
    result = run(good, ["import", "tbx", str(path), "--dry-run"], tmp_path / "run")
    assert_one_clear_error(result, "deep.tbx:2", None, "nests elements deeper than 64 levels")
    bounded(result)
