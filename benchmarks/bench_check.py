"""How long `check` takes on a large glossary, against merely parsing its files.

Generates N concepts (10,000 by default) in four languages (en, sq, ka, hy;
Latin with Albanian ë/ç, Georgian, Armenian script), one file each, with a few
planted problems (near-duplicates, diacritic variants, wrong-script letters) so
that the finding path is exercised too. Then times, best of R rounds, taken in
turns so that load on the machine hits all alike:

  parse   reading every file and `yaml.load(..., Loader=yaml.CSafeLoader)`
  load    moci-vocab's loader alone (`store.load_glossary_reporting`), no cache
  check   `checks.run_check`, no cache (cold: what CI sees on a fresh clone)
  warm    `checks.run_check` with the parse cache filled by an earlier run

and prints each family of rules on its own. The target: check (cold) < 2 x parse.
Prints the figures; it asserts nothing.

    python benchmarks/bench_check.py [N] [--rounds R] [--profile]

``--cold-load`` times the glossary's first load instead (`store.load_glossary` with no
cache; the cache it writes included), in fresh processes taken in turns: in one process
and in two (the concept files parsed beside a forked worker, store.PARALLEL_FILES), on a
glossary of benchmarks/generate.py (or ``--glossary DIR``, copied), and with ``--against
DIR`` another checkout's code (e.g. `git archive main`) as it loads. It prints the median
and best wall time of the load, the CPU time of the loading process during the load (the
wall time where the second core is free and the worker keeps up), the CPU of the process
and its worker from start to end (os.wait4) and the machine's load average: on a loaded
machine the second core is not free, and only the CPU figures compare.

    python benchmarks/bench_check.py 10000 --cold-load [--runs 5] [--against DIR]
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# A fresh process's cold load: the cache removed, `store.load_glossary` timed (its import
# before); argv: root, processes (1: the threshold out of reach; 2: as the code decides).
COLD_LOAD = """
import shutil, sys, time
from pathlib import Path
root = Path(sys.argv[1])
shutil.rmtree(root / ".moci-cache", ignore_errors=True)
from moci_vocab import store
if sys.argv[2] == "1":
    store.PARALLEL_FILES = 10**9
started, cpu = time.perf_counter(), time.process_time()
store.load_glossary(root)
print(time.perf_counter() - started, time.process_time() - cpu)
"""

LETTERS = {
    "en": "abcdefghijklmnopqrstuvwxyz",
    "sq": "abcçdeëfghijklmnopqrstuvxyz",
    "ka": "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
    "hy": "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ",
}
MANIFEST = """\
name: Benchmark
version: 0.1.0
source_language: en
languages:
  en: {script: Latn, required: true}
  sq: {script: Latn, required: true}
  ka: {script: Geor, required: true}
  hy: {script: Armn, required: true}
domains: {}
tags: {}
checks: {}
"""


def _word(rng: random.Random, lang: str) -> str:
    return "".join(rng.choice(LETTERS[lang]) for _ in range(rng.randint(4, 11)))


def _phrase(rng: random.Random, lang: str) -> str:
    return " ".join(_word(rng, lang) for _ in range(rng.choice((1, 1, 1, 2, 2, 3))))


def _planted(i: int, lang: str, text: str) -> str:
    """Concepts 7/8, 11/12 and 13 of every 500 get a problem a translator might make."""
    block = random.Random(i // 500).choice(["reconciliation", "participation", "solidarity"])
    word = f"{block} {''.join(random.Random(i // 500).choices(LETTERS['en'], k=8))}"
    if i % 500 in (7, 8) and lang == "en":  # a near-duplicate: one letter dropped
        return word if i % 500 == 7 else word[:5] + word[6:]
    if i % 500 in (11, 12) and lang == "sq":  # the same word without diacritics
        return f"mirëqenie {word}" if i % 500 == 11 else f"mireqenie {word}"
    if i % 500 == 13 and lang == "ka":  # a Latin o in Georgian
        return text + " მდგრადoბა"
    return text


def generate(root: Path, count: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    (root / "glossary").mkdir(parents=True)
    (root / "terms").mkdir()
    (root / "glossary" / "glossary.yaml").write_text(MANIFEST, encoding="utf-8")
    for i in range(count):
        cid = f"concept-{i:05d}"
        lines = [
            f"id: {cid}",
            "status: draft",
            "definition:",
            f"  en: {_phrase(rng, 'en').capitalize()} of the {_phrase(rng, 'en')}.",
            "terms:",
        ]
        for lang in LETTERS:
            lines += [
                f"  {lang}:",
                f"    - term: {_planted(i, lang, _phrase(rng, lang))}",
                "      status: preferred",
                "      pos: noun",
            ]
            if rng.random() < 0.3:
                lines += [f"    - term: {_phrase(rng, lang)}", "      status: admitted"]
            if lang != "en" and rng.random() < 0.5:
                lines += ["      review:", "        state: draft"]
        (root / "terms" / f"{cid}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def time_parse(root: Path) -> float:
    import yaml

    start = time.perf_counter()
    for path in sorted((root / "terms").iterdir()):
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


def time_load(root: Path) -> float:
    from moci_vocab.store import load_glossary_reporting

    os.environ["MOCI_VOCAB_NO_CACHE"] = "1"
    start = time.perf_counter()
    load_glossary_reporting(root)
    return time.perf_counter() - start


def time_check(root: Path, cached: bool) -> tuple[float, int]:
    from moci_vocab.checks import run_check

    os.environ["MOCI_VOCAB_NO_CACHE"] = "0" if cached else "1"
    start = time.perf_counter()
    result = run_check(root)
    return time.perf_counter() - start, len(result.findings)


def time_families(root: Path) -> dict[str, float]:
    from moci_vocab.checks import FAMILIES
    from moci_vocab.checks.context import Context
    from moci_vocab.store import load_glossary_reporting

    os.environ["MOCI_VOCAB_NO_CACHE"] = "0"
    glossary, _ = load_glossary_reporting(root)
    ctx = Context(glossary)
    times = {}
    gc.disable()  # as run_check does
    try:
        for family in FAMILIES:
            start = time.perf_counter()
            family.check(ctx)
            times[family.__name__.rsplit(".", 1)[-1]] = time.perf_counter() - start
    finally:
        gc.enable()
    return times


def cold_load(root: Path, code: Path, processes: int) -> tuple[float, float, float]:
    """(wall seconds of the load, CPU seconds of the loading process during the load, of
    the process and its worker from start to end) in a fresh process running ``code``'s
    moci_vocab."""
    # PYTHONSAFEPATH: `-c` would put the current folder first on the path (run from a
    # checkout's root, its code would load instead of ``code``).
    env = dict(os.environ, PYTHONPATH=str(code), PYTHONSAFEPATH="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the modules' bytecode kept, as installed
    child = subprocess.Popen(
        [sys.executable, "-c", COLD_LOAD, str(root), str(processes)],
        stdout=subprocess.PIPE,
        env=env,
    )
    assert child.stdout is not None
    out = child.stdout.read()
    _pid, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        raise SystemExit(f"the load failed in {code} (status {status})")
    wall, own = map(float, out.split())
    return wall, own, usage.ru_utime + usage.ru_stime


def compare_cold_loads(args: argparse.Namespace, tmp: Path) -> None:
    """The cold load in one and two processes (and ``--against``'s), in turns."""
    sys.path.insert(0, str(HERE.parent))
    from benchmarks.generate import make_glossary

    cases = [("this checkout, one process", HERE.parent, 1)]
    cases.append(("this checkout, two processes", HERE.parent, 2))
    if args.against:
        cases.append((f"{args.against}", Path(args.against).resolve(), 2))
    roots = {}
    for name, _code, _processes in cases:  # a copy each: a load writes its cache there
        roots[name] = tmp / f"g{len(roots)}"
        if args.glossary:
            shutil.copytree(args.glossary, roots[name], symlinks=True)
        else:
            make_glossary(roots[name], args.count)
    for name, code, processes in cases:  # the bytecode and the files' pages, once
        cold_load(roots[name], code, processes)
    figures: dict[str, list[tuple[float, float, float]]] = {name: [] for name, _c, _p in cases}
    loads = []
    for _ in range(args.runs):
        for name, code, processes in cases:
            figures[name].append(cold_load(roots[name], code, processes))
            loads.append(os.getloadavg()[0])
    files = len(os.listdir(roots[cases[0][0]] / "terms"))
    print(f"cold load of {files} concept files, {args.runs} runs each, in turns")
    base = [statistics.median(run[i] for run in figures[cases[0][0]]) for i in (0, 1)]
    for name, runs in figures.items():
        wall, own, tree = (statistics.median(run[i] for run in runs) for i in (0, 1, 2))
        print(
            f"  {name:<30} wall {wall:5.2f} s (best {min(r[0] for r in runs):5.2f}, "
            f"{wall / base[0]:4.2f}x)  CPU of the load {own:5.2f} s ({own / base[1]:4.2f}x), "
            f"process and worker from start to end {tree:5.2f} s"
        )
    print(f"  load average {min(loads):.1f}-{max(loads):.1f} (1 min) during the runs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", nargs="?", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="cProfile one cold check")
    parser.add_argument("--cold-load", action="store_true", help="the first load's figures")
    parser.add_argument("--runs", type=int, default=5, help="runs of each --cold-load case")
    parser.add_argument("--glossary", help="--cold-load: a copy of this glossary")
    parser.add_argument("--against", help="--cold-load: another checkout's code too")
    args = parser.parse_args()
    if args.cold_load:
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["MOCI_VOCAB_CACHE_KEY_DIR"] = tmp
            compare_cold_loads(args, Path(tmp))
        return
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["MOCI_VOCAB_CACHE_KEY_DIR"] = tmp  # keep the benchmark's key out of ~/.cache
        root = Path(tmp) / "g"
        generate(root, args.count)
        print(f"{args.count} concepts, 4 languages, in {root}")
        best: dict[str, float] = {}
        findings = 0
        time_check(root, cached=True)  # fills the parse cache for the warm runs
        for _ in range(args.rounds):
            for name, run in (
                ("parse", lambda: time_parse(root)),
                ("load", lambda: time_load(root)),
                ("check", lambda: time_check(root, cached=False)[0]),
                ("warm", lambda: time_check(root, cached=True)[0]),
            ):
                best[name] = min(best.get(name, float("inf")), run())
        findings = time_check(root, cached=True)[1]
        parse = best["parse"]
        print(f"parse (PyYAML CSafeLoader)     {parse * 1000:8.0f} ms")
        print(f"load  (moci-vocab loader)      {best['load'] * 1000:8.0f} ms  "
              f"{best['load'] / parse:5.2f} x parse")  # fmt: skip
        print(f"check, cold (no cache)         {best['check'] * 1000:8.0f} ms  "
              f"{best['check'] / parse:5.2f} x parse   (target < 2.00)")  # fmt: skip
        print(f"check, warm (parse cache)      {best['warm'] * 1000:8.0f} ms  "
              f"{best['warm'] / parse:5.2f} x parse")  # fmt: skip
        print(f"  rules alone: {(best['check'] - best['load']) * 1000:.0f} ms; {findings} findings")
        for name, seconds in time_families(root).items():
            print(f"    {name:<12} {seconds * 1000:8.0f} ms")
        if args.profile:
            import cProfile
            import pstats

            from moci_vocab.checks import run_check

            os.environ["MOCI_VOCAB_NO_CACHE"] = "1"
            profile = cProfile.Profile()
            profile.runcall(run_check, root)
            pstats.Stats(profile).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
