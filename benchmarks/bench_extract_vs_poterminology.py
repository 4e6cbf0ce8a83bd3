"""`extract` against translate-toolkit's `poterminology` on the same catalogs.

Both read the five Albanian catalogs of benchmarks/data/suggest/sq/ (Django, GTK 3,
GTK 3 properties, GLib, shared-mime-info: their English side) and list English term
candidates. The first 100 of each are looked up in extract-judgements.tsv, where
each candidate either tool proposed was judged by hand: a term (a noun or noun phrase
naming a concept a glossary would hold) or not (a verb, an adjective, a function
word, a code literal, a generic word). Both run as fresh processes, timed as the
median of three runs; the machine may be loaded, so compare the two times with each
other rather than with anything else.

Settings: `moci-vocab extract --min-count 2 --limit 100` on an empty glossary (so
that nothing is left out for being in it); `poterminology --inputs-needed=1
--locs-needed=0` (the catalogs carry no source locations, and its default of two
locations would leave nothing), its default sort (by frequency).

    python benchmarks/bench_extract_vs_poterminology.py [--runs 3] [--show]
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "benchmarks" / "data" / "suggest"
TOP = 100


def timed(args: list[str], **kwargs) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(args[:4])} …: {result.stderr[-500:]}")
    return elapsed, result


def judgements() -> dict[str, str]:
    found = {}
    for line in (DATA / "extract-judgements.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            term, verdict, _reason = line.split("\t", 2)
            found[term.casefold()] = verdict
    return found


def share(terms: list[str], judged: dict[str, str]) -> tuple[int, int, list[str]]:
    """(judged a term, judged at all, the unjudged) among the candidates."""
    good = sum(judged.get(t.casefold()) == "term" for t in terms)
    known = sum(t.casefold() in judged for t in terms)
    return good, known, [t for t in terms if t.casefold() not in judged]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--show", action="store_true", help="Print both lists.")
    args = parser.parse_args()
    poterminology = shutil.which("poterminology")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "catalogs"
        folder.mkdir()
        for packed in sorted((DATA / "sq").glob("*.po.xz")):
            (folder / packed.name[:-3]).write_bytes(lzma.decompress(packed.read_bytes()))
        files = sorted(str(p) for p in folder.glob("*.po"))
        root = Path(tmp) / "glossary"
        timed([sys.executable, "-m", "moci_vocab", "init", str(root), "--languages", "sq"],
              env=env)  # fmt: skip
        ours_cmd = [sys.executable, "-m", "moci_vocab", "--root", str(root), "extract", *files,
                    "--min-count", "2", "--limit", str(TOP), "--format", "json"]  # fmt: skip
        runs = [timed(ours_cmd, env=env) for _ in range(args.runs)]
        ours_time = statistics.median(r[0] for r in runs)
        ours = [item["term"] for item in json.loads(runs[0][1].stdout)][:TOP]
        theirs: list[str] = []
        theirs_time = None
        if poterminology:
            import polib

            output = Path(tmp) / "terms.po"
            cmd = [poterminology, "--inputs-needed=1", "--locs-needed=0", "--progress=none",
                   "-i", str(folder), "-o", str(output)]  # fmt: skip
            times = []
            for _ in range(args.runs):
                output.unlink(missing_ok=True)
                times.append(timed(cmd)[0])
            theirs_time = statistics.median(times)
            theirs = [entry.msgid for entry in polib.pofile(str(output))][:TOP]
    judged = judgements()
    print(f"top {TOP} English term candidates of 5 Albanian catalogs (3,940 translated entries)")
    for name, terms, seconds in (("moci-vocab extract", ours, ours_time),
                                 ("poterminology", theirs, theirs_time)):  # fmt: skip
        if seconds is None:
            print(f"{name:20} not installed (pip install translate-toolkit)")
            continue
        good, _known, unjudged = share(terms, judged)
        print(f"{name:20} {good:3} of {len(terms)} judged real terms ({good / len(terms):.0%}), "
              f"{seconds:.2f} s (median of {args.runs})")  # fmt: skip
        if unjudged:
            print(f"{'':20} not judged yet: {', '.join(unjudged)}")
        if args.show:
            print("   ", " | ".join(terms))
    return 0


if __name__ == "__main__":
    sys.exit(main())
