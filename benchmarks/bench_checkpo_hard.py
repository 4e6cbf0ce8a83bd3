"""check-po where most terms are misses: a real catalog and a glossary that disagrees (issue 17).

Data (built by `build_checkpo_hard_data.py`, committed under benchmarks/data/checkpo_hard/):
a real 15,800-entry Albanian catalog (Debian 12's GNOME/Xfce catalogs, see NOTICE.md)
and 5,000 concepts mined from its most frequent English n-grams whose Albanian terms
are rare words of other entries — nearly every term occurrence is a finding (MV601).
The large case repeats the catalog's entries 13 times in one file (205,400 entries).

For each size, fresh processes alternate (median of --repeat): `moci-vocab check-po
FILE --format json` (cached glossary) and polib's parse of the same file
(`python -c "import polib; polib.pofile(FILE)"`). Printed: wall and CPU time
(user + sys, the steadier figure on a shared machine), peak memory (ru_maxrss),
the ratios, the targets and ✓/✗:

- 15,800 entries: check-po ≤ 3× polib's parse (CPU, median);
- 205,400 entries: the same ratio (linear time) and peak memory ≤ 2× polib's.

    python benchmarks/bench_checkpo_hard.py [--repeat N] [--copies N] [--format json]
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

DATA = Path(__file__).resolve().parent / "data" / "checkpo_hard"
TIME_TARGET = 3.0
MEMORY_TARGET = 2.0


def make_glossary(root: Path, pairs: list[list[str]]) -> None:
    """The mined concepts, written directly in canonical form."""
    from moci_vocab.model import Concept, Term
    from moci_vocab.operations import init_glossary
    from moci_vocab.store import canonical_concept_text

    init_glossary(root, "Hard", "en", ["sq"]).changes.apply()
    for i, (en, sq) in enumerate(pairs):
        cid = f"c{i:05d}"
        concept = Concept(id=cid, definition={"en": f"Concept {cid}."})
        concept.terms = {"en": [Term(en, "preferred")], "sq": [Term(sq, "preferred")]}
        (root / "terms" / f"{cid}.yaml").write_text(canonical_concept_text(concept), "utf-8")


def write_catalogs(folder: Path, copies: int) -> tuple[Path, Path]:
    """The catalog as it is, and its entries repeated ``copies`` times in one file."""
    text = lzma.decompress((DATA / "sq-desktop.po.xz").read_bytes()).decode("utf-8")
    small = folder / "sq-desktop.po"
    small.write_text(text, encoding="utf-8")
    header, _sep, body = text.partition("\n\n")
    large = folder / "sq-desktop-x13.po"
    with large.open("w", encoding="utf-8") as out:
        out.write(header + "\n\n")
        for _ in range(copies):
            out.write(body.rstrip("\n") + "\n\n")
    return small, large


# Runs a command and writes its own CPU time and peak memory: a child forked from
# this (large) benchmark process would inherit its peak RSS in Linux's accounting;
# a grandchild forked from this small wrapper starts from zero.
WRAPPER = """
import os, subprocess, sys
out, *command = sys.argv[1:]
child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_pid, _status, usage = os.wait4(child.pid, 0)
with open(out, "w") as handle:
    handle.write(f"{usage.ru_utime + usage.ru_stime} {usage.ru_maxrss}")
"""


def run(args: list[str], env) -> tuple[float, float, int]:
    """Wall and CPU seconds and peak memory (bytes) of one fresh process."""
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as out:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", WRAPPER, out.name, *args], env=env, check=True)
        wall = time.perf_counter() - start
        cpu, rss = out.read().split()
    return wall, float(cpu), int(rss) * 1024


def measure(commands: dict[str, list[str]], env, repeat: int) -> dict[str, dict[str, float]]:
    """Each command ``repeat`` times in turns: medians of wall, CPU and peak memory."""
    runs: dict[str, list[tuple[float, float, int]]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, args in commands.items():
            runs[name].append(run(args, env))
    return {
        name: {
            "wall": median(r[0] for r in got),
            "cpu": median(r[1] for r in got),
            "rss": median(r[2] for r in got),
        }
        for name, got in runs.items()
    }


def mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--copies", type=int, default=13)
    parser.add_argument("--format", default="json", choices=("json", "sarif", "text"))
    parser.add_argument("--small-only", action="store_true")
    parser.add_argument("--large-only", action="store_true")
    args = parser.parse_args()
    if not (DATA / "sq-desktop.po.xz").exists():
        print(f"skipped: no data in {DATA} (run build_checkpo_hard_data.py)")
        return
    pairs = json.loads((DATA / "glossary.json").read_text("utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "g"
        make_glossary(root, pairs)
        small, large = write_catalogs(Path(tmp), args.copies)
        env = dict(os.environ, MOCI_VOCAB_CACHE_KEY_DIR=str(Path(tmp) / "key"))
        env.pop("MOCI_VOCAB_NO_CACHE", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        cases = [("15.8k", small), ("206k", large)]
        cases = cases[:1] if args.small_only else cases[1:] if args.large_only else cases
        check = [sys.executable, "-m", "moci_vocab", "--root", str(root), "check-po"]
        results = {}
        for label, path in cases:
            cmd = [*check, str(path), "--format", args.format]
            parse = [sys.executable, "-c", f"import polib; polib.pofile({str(path)!r})"]
            out = subprocess.run(cmd, capture_output=True, env=env)  # fills the cache
            subprocess.run(parse, stdout=subprocess.DEVNULL, env=env)
            time.sleep(2.1)  # past the cache's racy window: the next runs trust it
            entries = findings = None
            if args.format == "json":
                data = json.loads(out.stdout)
                entries, findings = data["summary"]["entries"], len(data["findings"])
            results[label] = (measure({"check-po": cmd, "polib": parse}, env, args.repeat),
                              entries, findings, len(out.stdout))  # fmt: skip
    load = os.getloadavg()
    print(
        f"check-po --format {args.format}, {len(pairs)} concepts mined from the catalog; "
        f"fresh processes, median of {args.repeat}; load average {load[0]:.1f}"
    )
    for label, (got, entries, findings, size) in results.items():
        c, p = got["check-po"], got["polib"]
        cpu_ratio, wall_ratio = c["cpu"] / p["cpu"], c["wall"] / p["wall"]
        rss_ratio = c["rss"] / p["rss"]
        print(f"{label}: {entries} entries, {findings} findings, output {size / 1e6:.1f} MB")
        print(
            f"  polib parse: wall {p['wall']:6.2f} s  CPU {p['cpu']:6.2f} s  "
            f"peak {p['rss'] / 1e6:6.0f} MB"
        )
        print(
            f"  check-po:    wall {c['wall']:6.2f} s  CPU {c['cpu']:6.2f} s  "
            f"peak {c['rss'] / 1e6:6.0f} MB"
        )
        print(
            f"  ratio: CPU {cpu_ratio:.2f}x (wall {wall_ratio:.2f}x), target <= {TIME_TARGET}x "
            f"{mark(cpu_ratio <= TIME_TARGET)}"
        )
        if label != "15.8k":
            print(
                f"  peak memory: {rss_ratio:.2f}x polib's, target <= {MEMORY_TARGET}x "
                f"{mark(rss_ratio <= MEMORY_TARGET)}"
            )


if __name__ == "__main__":
    main()
