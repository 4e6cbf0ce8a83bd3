"""The console script ends a read-only command at once (no finalization), with the same
exit status and every byte of its output: to a pipe, to a file, and quietly when the
reader of a pipe goes away."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# The console script with an atexit handler: it runs only when the process ends the
# ordinary way (its line on stderr tells which way the process ended).
SCRIPT = """
import atexit, sys
atexit.register(lambda: sys.stderr.write("finalized\\n"))
from moci_vocab.cli import main
sys.argv = ["moci-vocab", *sys.argv[1:]]
main()
"""


def console(*args: str, **options) -> subprocess.CompletedProcess:
    """`moci-vocab ARGS` as a fresh process (text output captured unless told otherwise)."""
    options.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, *args],
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        timeout=120,
        check=False,
        **options,
    )


def write_po(path: Path, entries: int) -> Path:
    """A catalog whose every entry leaves the glossary's term untranslated (an error each)."""
    lines = [
        'msgid ""',
        'msgstr ""',
        '"Language: sq\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
    ]
    for n in range(entries):
        # (Albanian written with ë: a catalog without it is matched so, MV606)
        lines += [
            "",
            f'msgid "The reconciliation of group {n}"',
            f'msgstr "Grupi {n} u bashkua sërish"',
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_check_po_ends_at_once_with_its_status_and_all_its_output(seeded, tmp_path):
    root = str(seeded.root)
    po = write_po(tmp_path / "sq.po", 400)
    in_process = seeded("check-po", str(po), "--format", "json", ok=False)
    piped = console("--root", root, "check-po", str(po), "--format", "json")
    assert piped.returncode == 1
    assert piped.stderr == ""  # no atexit handler ran: the process ended at once
    assert piped.stdout == in_process.stdout
    assert len(json.loads(piped.stdout)["findings"]) == 400
    # the same bytes into a file
    with open(tmp_path / "out.json", "w", encoding="utf-8") as out:
        to_file = console("--root", root, "check-po", str(po), "--format", "json", stdout=out)
    assert to_file.returncode == 1 and to_file.stderr == ""
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == in_process.stdout
    clean = write_po(tmp_path / "clean.po", 0)
    assert console("--root", root, "check-po", str(clean)).returncode == 0
    shown = console("--root", root, "show", "reconciliation")
    assert shown.returncode == 0 and shown.stderr == "" and "pajtim" in shown.stdout


def test_errors_and_usage_errors_keep_their_status_and_line(seeded, tmp_path):
    root = str(seeded.root)
    missing = console("--root", root, "show", "no-such-concept")
    assert missing.returncode == 1
    assert missing.stderr.splitlines()[0].startswith("error: there is no concept")
    usage = console("--root", root, "check-po", "--no-such-option")
    assert usage.returncode == 2 and "No such option" in usage.stderr
    nothing = console("--root", root, "search", "zzzzqqqq")
    assert nothing.returncode in (0, 1) and "Traceback" not in nothing.stderr


def test_a_single_edit_ends_at_once_with_its_file_written_and_its_message(seeded):
    added = console(
        "--root", str(seeded.root), "add", "mediation", "--term", "en=mediation", "--yes"
    )  # fmt: skip
    assert added.returncode == 0
    assert added.stderr == "added the concept 'mediation'\n"  # said; no atexit handler ran
    assert seeded("show", "mediation").stdout.startswith("mediation")
    assert seeded.root.joinpath("terms", "mediation.yaml").is_file()
    assert not seeded.root.joinpath(".moci-journal.json").exists()
    # the lock was let go of: the next writing command runs
    again = console("--root", str(seeded.root), "translate", "mediation", "sq", "ndërmjetësim")
    assert again.returncode == 0 and "finalized" not in again.stderr
    assert "ndërmjetësim" in seeded("show", "mediation").stdout
    refused = console("--root", str(seeded.root), "translate", "no-such", "sq", "x")
    assert refused.returncode == 1 and refused.stderr.splitlines()[-1] == "finalized"


def test_a_command_that_writes_many_files_ends_the_ordinary_way(seeded):
    renamed = console("--root", str(seeded.root), "rename", "reconciliation", "pajtimi")
    assert renamed.returncode == 0
    assert renamed.stderr.splitlines()[-1] == "finalized"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pipe semantics of Linux")
def test_a_reader_that_goes_away_gets_no_error_message(seeded, tmp_path):
    po = write_po(tmp_path / "sq.po", 3000)  # far more than a pipe's buffer
    process = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, "--root", str(seeded.root), "check-po", str(po)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline()  # `| head -1`
    process.stdout.close()
    errors = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=120) == 1
    assert "error" not in errors and "Traceback" not in errors


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="closes fd 1 in the child")
def test_a_closed_stdout_is_said_in_one_line_not_as_a_bug(seeded):
    import os

    ran = console(
        "--root", str(seeded.root), "show", "reconciliation",
        stdout=None, preexec_fn=lambda: os.close(1),
    )  # fmt: skip
    assert ran.returncode == 1
    assert ran.stderr.splitlines()[0] == "moci-vocab: standard output is closed; nothing was done"
    assert "a bug" not in ran.stderr and "Traceback" not in ran.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (a full disk)")
@pytest.mark.parametrize(
    "args",
    [("show", "reconciliation"), ("list", "--lang", "sq"), ("--version",), ("check-po", "PO")],
    ids=["show: small output", "list: big output", "--version: before any command", "check-po"],
)
def test_output_a_full_disk_refuses_is_said_in_one_line(seeded, tmp_path, args):
    po = write_po(tmp_path / "sq.po", 50)
    args = tuple(str(po) if arg == "PO" else arg for arg in args)
    with open("/dev/full", "w") as full:
        ran = console("--root", str(seeded.root), *args, stdout=full)
    assert ran.returncode == 1
    assert ran.stderr.splitlines()[0] == "error: cannot write: No space left on device"
    assert "a bug" not in ran.stderr and "Traceback" not in ran.stderr


def test_an_export_ends_at_once_with_its_files_whole(seeded, tmp_path):
    # An export's files are written whole (fsync'ed, renamed) and its booklet workers
    # reaped before it returns: the process then ends without finalization, its files
    # the same, byte for byte, as those of an export that ends the ordinary way.
    seeded("export", "all", "-o", str(tmp_path / "in-process"))
    done = console("--root", str(seeded.root), "export", "all", "-o", str(tmp_path / "console"))
    assert done.returncode == 0 and "finalized" not in done.stderr

    def files(folder: Path) -> dict[str, bytes]:
        return {
            str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()
        }

    written = files(tmp_path / "console")
    assert any(name.endswith(".pdf") for name in written)
    assert written == files(tmp_path / "in-process")


# The console script, with a sentinel kept beside each exporter's data: it says so if it is
# freed before the process ends.
KEEP_SCRIPT = """
import os, sys
from moci_vocab.exporters import ExportRequest
class Sentinel:
    def __del__(self):
        os.write(2, b"kept data freed\\n")
keep = ExportRequest.keep
ExportRequest.keep = lambda self, value: (keep(self, value), keep(self, Sentinel()))
from moci_vocab.cli import main
sys.argv = ["moci-vocab", *sys.argv[1:]]
main()
"""


def test_the_booklets_data_is_not_freed_before_the_process_ends(seeded, tmp_path):
    # ExportRequest.keep hands the booklet's data to the request, which the export command
    # keeps (State.kept) until the process ends at once: nothing of it is freed one object
    # at a time (the request used to die with the command's frame, before the end).
    done = subprocess.run(
        [sys.executable, "-c", KEEP_SCRIPT, "--root", str(seeded.root), "export", "booklet",
         "-o", str(tmp_path / "out")],
        capture_output=True, text=True, cwd=REPO, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "kept data freed" not in done.stderr
    assert list((tmp_path / "out").glob("*.pdf"))
