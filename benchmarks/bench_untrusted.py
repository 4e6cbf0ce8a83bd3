"""Time and peak memory of runaway input from a pull request (issue 14, point 5).

    python benchmarks/bench_untrusted.py [--runs 3]

Cases (each `python -m moci_vocab` in a fresh scratch glossary; median wall time of
the runs, the process's own peak RSS from os.wait4):

- `check` with one 9 MB concept file holding 1.5 million tags (stopped at the YAML
  value cap, 100,000 values per file);
- `check` with 99,000 tags in one file (just under that cap: every tag is a finding);
- `import po --dry-run` of 200,000 entries (stopped at the import cap, 50,000 entries,
  counted before parsing) and of 50,000 entries (the most an import takes);
- `check-po` on 200,000 entries, for comparison (a catalog check has no entry cap);
- `check-po --format json` and `sarif` on the review's shape of output per input: 25
  entries of a 4,096-character msgctxt and a msgid naming 455 of 500 glossary words
  (206 KB; 97 MB of JSON before an entry's findings shared its texts), with the output's
  bytes per catalog byte.

The targets of the issue: under 10 s and 300 MB for the first and third.
A baseline (`moci-vocab --version`) is timed in the same run: on a loaded machine,
compare the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PO_HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: sq\\n"\n\n'
)


# Runs a command and writes its own peak memory: a child forked from this process would
# inherit this process's peak in Linux's accounting (after the 1.5 million tags case,
# 142 MB for every later command), a grandchild forked from the small wrapper does not.
RSS_WRAPPER = Path(__file__).resolve().parent.parent / "tests" / "rss_wrapper.py"


def run(root: Path, args: list[str]) -> tuple[float, int, float, int]:
    """(seconds, exit status, peak RSS in MB, bytes written to stdout) of one command (the
    seconds include the wrapper's start, as the baseline's do)."""
    env = {**os.environ, "MOCI_VOCAB_CACHE_KEY_DIR": str(root.parent / "key")}
    rss = root.parent / "rss"
    command = [sys.executable, "-m", "moci_vocab", "--root", str(root), *args]
    began = time.monotonic()
    with open(root.parent / "stdout", "wb") as stdout:
        proc = subprocess.Popen(
            [sys.executable, str(RSS_WRAPPER), str(rss), *command],
            stdout=stdout,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        _pid, status, _usage = os.wait4(proc.pid, 0)
    seconds, code = time.monotonic() - began, os.waitstatus_to_exitcode(status)
    peak = int(rss.read_text(encoding="ascii")) / 1024
    return seconds, code, peak, (root.parent / "stdout").stat().st_size


def scratch(folder: Path) -> Path:
    root = folder / "g"
    command = ["init", str(root), "--source", "en", "--languages", "sq"]
    subprocess.run([sys.executable, "-m", "moci_vocab", *command], check=True, capture_output=True)
    return root


def tags_file(root: Path, count: int) -> None:
    lines = ["id: tags\nterms:\n  en: [tags]\n  sq: [etiketa]\ntags:\n"]
    lines += [f"- t{i % 1000}\n" for i in range(count)]
    (root / "terms" / "tags.yaml").write_text("".join(lines), encoding="utf-8")


def po_file(path: Path, count: int) -> Path:
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(PO_HEADER)
        for i in range(count):
            handle.write(f'msgid "The workshop {i}"\nmsgstr "Punëtoria {i}"\n\n')
    return path


def many_entries(root: Path, path: Path) -> Path:
    """500 Albanian noun concepts, and the review's catalog: 25 entries of a 4,096-character
    msgctxt and a msgid naming 455 of them, none translated."""
    nouns = [f"{a}{b}{c}ment" for a in "bcdfghjklm" for b in "bcdfghjklm" for c in "aeiou"]
    for noun in nouns:
        (root / "terms" / f"{noun}.yaml").write_text(
            f"id: {noun}\nterms:\n  en:\n    - term: {noun}\n      pos: noun\n"
            f"  sq:\n    - term: {noun}im\n",
            encoding="utf-8",
        )
    msgid = " ".join(nouns[:455])
    msgid += " " + "x" * (4_000 - len(msgid) - 1)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(PO_HEADER)
        for i in range(25):
            handle.write(f'msgctxt "{"c" * 4_096}"\nmsgid "{msgid}"\nmsgstr "y {i}"\n\n')
    return path


def case(name: str, runs: int, setup, args_of) -> None:
    figures = []
    size = 0
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            root = scratch(Path(tmp))
            extra = setup(root, Path(tmp))
            size = extra.stat().st_size if isinstance(extra, Path) else 0
            figures.append(run(root, args_of(extra)))
    seconds = statistics.median(f[0] for f in figures)
    codes = sorted({f[1] for f in figures})
    peak = max(f[2] for f in figures)
    written = max(f[3] for f in figures)
    output = f"  output {written / 1e6:.1f} MB ({written / size:.0f} bytes a byte)" if size else ""
    print(f"{name:<52} {seconds:7.2f} s  {peak:7.0f} MB  exit {codes}{output}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    print(f"{'case':<52} {'median':>9}  {'peak RSS':>10}")
    case("baseline: moci-vocab --version", runs, lambda r, t: None, lambda _: ["--version"])
    case(
        "check, 1.5 million tags in one 9 MB file (capped)",
        runs,
        lambda r, t: tags_file(r, 1_500_000),
        lambda _: ["check"],
    )
    case(
        "check, 99,000 tags (just under the cap)",
        runs,
        lambda r, t: tags_file(r, 99_000),
        lambda _: ["check", "--format", "json"],
    )
    case(
        "import po --dry-run, 200,000 entries (capped)",
        runs,
        lambda r, t: po_file(t / "many.po", 200_000),
        lambda po: ["import", "po", str(po), "--dry-run"],
    )
    case(
        "import po --dry-run, 50,000 entries (the most)",
        runs,
        lambda r, t: po_file(t / "many.po", 50_000),
        lambda po: ["import", "po", str(po), "--dry-run"],
    )
    case(
        "check-po, 200,000 entries",
        runs,
        lambda r, t: po_file(t / "many.po", 200_000),
        lambda po: ["check-po", str(po), "--format", "json"],
    )
    for fmt in ("json", "sarif"):
        case(
            f"check-po --format {fmt}, 25 entries naming 455 terms",
            runs,
            lambda r, t: many_entries(r, t / "named.po"),
            lambda po, fmt=fmt: ["check-po", str(po), "--format", fmt],
        )


if __name__ == "__main__":
    main()
