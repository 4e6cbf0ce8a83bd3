"""How long the workshop booklet (and the HTML page) take for a large glossary.

Generates N concepts (default 500) with terms in four languages (en, sq, ka,
hy), a definition, a note on every tenth and links, and times
`export booklet` (A5), its imposition and `export html` in-process. Prints
the figures; it asserts nothing. Target: the A5 booklet in under 5 s.

    python benchmarks/bench_booklet.py [N]

``--command`` times the real command instead, in fresh processes, on the
generated glossaries of benchmarks/generate.py (and, with ``--hard``, the one
with shared and misspelt terms of benchmarks/generate_hard.py): wall time, CPU
seconds and peak memory of the command and its typesetting workers together,
pages, against issue 17's targets (10,000 concepts in <= 20 s and <= 400 MB).
``--against DIR`` runs another checkout's code (e.g. an older commit, from
``git archive``) in turns with this one, so that both see the same machine load.
On a loaded machine the wall time says little: the CPU time of the command and its
workers (``os.wait4``) is the figure to compare, and 20 s of wall on two cores needs
at most 40 s of it.

    python benchmarks/bench_booklet.py --command 10000 --runs 3 [--hard] [--against DIR]

It prints the peak of the largest single process (os.wait4's ru_maxrss: the command, or
one of its workers; issue 17's 400 MB is per process) and of the process tree together,
for three kinds of export, each checkout on its own copy of the glossary: cold (its
`.moci-cache` removed: no cache of the glossary, no heights kept; the sides take turns at
going first), first export (the
booklet's heights kept by the last export removed, the glossary's cache warm) and
re-export (nothing changed since the last export).
``--join`` typesets the booklet once, then times only its join (the tagged PDF of all
parts, the step whose memory used to grow with the booklet's length) in fresh processes,
alternated with ``--against``'s join of the same parts: CPU and peak RSS of the join.

    python benchmarks/bench_booklet.py --join 10000 --runs 5 [--against DIR]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's code

from moci_vocab.exporters import ExportRequest
from moci_vocab.model import Concept, Glossary, LanguageSpec, Manifest, Review, Term

LANGS = {"en": "Latn", "sq": "Latn", "ka": "Geor", "hy": "Armn"}
LETTERS = {
    "en": "abcdefghijklmnopqrstuvwxyz",
    "sq": "abcçdeëfghijklmnopqrstuvxyzë",
    "ka": "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
    "hy": "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ",
}


def word(rng: random.Random, lang: str) -> str:
    letters = LETTERS[lang]
    return " ".join(
        "".join(rng.choice(letters) for _ in range(rng.randint(3, 10)))
        for _ in range(rng.randint(1, 3))
    )


def glossary(count: int) -> Glossary:
    rng = random.Random(500)
    manifest = Manifest(
        name="Benchmark Glossary",
        languages={tag: LanguageSpec(tag, script, True) for tag, script in LANGS.items()},
    )
    ids = [f"concept-{n:04d}" for n in range(count)]
    concepts = {}
    for n, cid in enumerate(ids):
        terms = {lang: [Term(word(rng, lang), review=Review("draft"))] for lang in LANGS}
        if n % 7 == 0:
            terms["sq"].append(Term(word(rng, "sq"), status="admitted"))
        if n % 11 == 0:
            terms["sq"].append(Term(word(rng, "sq"), status="deprecated"))
        concepts[cid] = Concept(
            id=cid,
            domain="culture",
            definition={"en": " ".join(word(rng, "en") for _ in range(rng.randint(8, 25)))},
            note={"en": "A note on usage in workshops."} if n % 10 == 0 else {},
            related=rng.sample(ids, 2),
            terms=terms,
        )
    return Glossary(root=Path("."), manifest=manifest, concepts=concepts)


def timed(label: str, func):
    start = time.perf_counter()
    result = func()
    print(f"{label:<32} {time.perf_counter() - start:6.2f} s")
    return result


TARGET_S, TARGET_MB = 20, 400


def command(options: argparse.Namespace) -> None:
    """Time ``export booklet`` as a command, in turns with another checkout if asked.

    Each checkout exports its own copy of the glossary (the caches are keyed by the code:
    two checkouts on one copy would make every run cold). First ``runs`` cold exports
    each (its cache removed: no glossary cache, no heights), the sides taking turns at
    going first; then each run is a pair: a first export of the
    booklet (the heights kept by the last export removed, the glossary's cache warm) and
    a re-export (the heights of the export just before: nothing changed). Medians of each.
    """
    import shutil
    import statistics

    from benchmarks.generate import make_glossary
    from benchmarks.generate_hard import make_hard_glossary

    here = Path(__file__).resolve().parent
    trees = {"this": here.parent}
    if options.against:
        trees["against"] = options.against.resolve()
    with tempfile.TemporaryDirectory(prefix="moci-bench-booklet-") as tmp:
        work = Path(tmp)
        data = {"generated": work / "plain"}
        make_glossary(data["generated"], options.count)
        if options.hard:
            data["shared terms"] = work / "hard"
            make_hard_glossary(data["shared terms"], options.count)
        for name, source in data.items():
            roots = {tree: work / f"{source.name}-{tree}" for tree in trees}
            for root in roots.values():
                shutil.copytree(source, root)
            kinds = ("cold", "first export", "re-export")
            runs: dict[tuple[str, str], list] = {(t, k): [] for t in trees for k in kinds}

            # Cold runs alternate which side goes first: the first export of a run pays
            # for the page cache (fonts, Typst's library), and a side always first read
            # 20.4 s against 19.1 s where four alternated pairs gave 16.3 against 17.4 s.
            sides = list(trees)
            order = [(t, "cold") for n in range(options.runs) for t in sides[:: 1 - 2 * (n % 2)]]
            order += [(t, k) for _n in range(options.runs) for t in trees for k in kinds[1:]]
            for tree, kind in order:
                if not _export(work, trees[tree], roots[tree], runs[tree, kind], kind, tree):
                    return
            for (tree, kind), results in runs.items():
                _report(f"{name}, {options.count} concepts, {tree}, {kind}", results)
            if "against" in trees:
                for kind in kinds:
                    cpu = {
                        tree: statistics.median(r.cpu for r, _p, _l in runs[tree, kind])
                        for tree in trees
                    }
                    print(f"  CPU this / against, {kind}: {cpu['this'] / cpu['against']:.2f}x")


def _export(work: Path, code: Path, root: Path, results: list, kind: str, tree: str) -> bool:
    """Run ``export booklet`` of ``root`` with the checkout ``code``; add it to ``results``."""
    import os
    import shutil

    from benchmarks.run import _run_once, booklet_pages

    if kind == "first export":
        for heights in (root / ".moci-cache").glob("booklet-heights-*"):
            heights.unlink()
    elif kind == "cold":  # (nothing cached: neither the glossary nor the heights)
        shutil.rmtree(root / ".moci-cache", ignore_errors=True)
    # PYTHONSAFEPATH: `-m` would put the current folder first on the path, and run from a
    # checkout, the other side would run that checkout's code instead of ``code``.
    env = dict(os.environ, PYTHONPATH=str(code), NO_COLOR="1", PYTHONSAFEPATH="1")
    out = work / f"out-{tree}"
    argv = [sys.executable, "-m", "moci_vocab", "--root", str(root)]
    run = _run_once([*argv, "export", "booklet", "-o", str(out)], env)
    if run.returncode != 0:
        print(f"{tree}: FAILED: {run.stderr.strip()[-300:]}")
        return False
    results.append((run, booklet_pages(next(out.glob("*.pdf"))), os.getloadavg()[0]))
    return True


def _report(label: str, results: list) -> None:
    """Print the medians of some runs of the command against issue 17's targets."""
    import statistics

    wall = statistics.median(r.seconds for r, _p, _l in results)
    cpu = statistics.median(r.cpu for r, _p, _l in results)
    peak = max(r.largest_mb for r, _p, _l in results)
    together = max(r.rss_mb for r, _p, _l in results)
    loads = ", ".join(f"{load:.1f}" for _r, _p, load in results)
    cores = "✓" if cpu <= 2 * TARGET_S else "✗"
    print(
        f"{label}: wall {wall:.1f} s (<= {TARGET_S} s {'✓' if wall <= TARGET_S else '✗'}), "
        f"CPU {cpu:.1f} s (<= {2 * TARGET_S} s on two cores {cores}), "
        f"largest process {peak:.0f} MB (<= {TARGET_MB} MB {'✓' if peak <= TARGET_MB else '✗'}), "
        f"all processes together {together:.0f} MB, {results[-1][1]} pages; "
        f"median of {len(results)}, load {loads}"
    )


JOIN_MB = 400  # issue 17: every process of the 10k booklet's export


def join(options: argparse.Namespace) -> None:
    """Typeset the booklet once; time its join alone, in fresh processes, in turns."""
    import os
    import pickle
    import statistics
    import subprocess

    from benchmarks.generate import make_glossary
    from moci_vocab.booklet.export import booklet_data
    from moci_vocab.booklet.layout import typeset_booklet
    from moci_vocab.booklet.pdfjoin import JoinJob
    from moci_vocab.booklet.typesetter import Typesetter, worker_count
    from moci_vocab.exporting import ExportChoice, build_request
    from moci_vocab.store import load_glossary

    trees = {"this": Path(__file__).resolve().parent.parent}
    if options.against:
        trees["against"] = options.against.resolve()
    code = (
        "import pickle, resource, sys, time; job = pickle.loads(open(sys.argv[1], 'rb').read()); "
        "job.run(); usage = resource.getrusage(resource.RUSAGE_SELF); "
        "print(usage.ru_utime + usage.ru_stime, usage.ru_maxrss)"
    )
    with tempfile.TemporaryDirectory(prefix="moci-bench-join-") as tmp:
        work = Path(tmp)
        make_glossary(work / "glossary", options.count)
        request = build_request(load_glossary(work / "glossary"), ExportChoice(outdir=work))
        start = time.perf_counter()
        with Typesetter(worker_count()) as typesetter:
            booklet = typeset_booklet(booklet_data(request), typesetter, work)
        # The export joins its parts while it typesets them (pdfjoin.JoinThread); the same
        # parts joined again, in page order, alone in a fresh process (without bookmarks).
        job = JoinJob(str(work), booklet.sources, str(work / "joined.pdf"), [], booklet.info,
                      booklet.lang, tagged=True)  # fmt: skip
        parts = len({name for name, _page in job.sources})
        print(f"{options.count} concepts: {len(job.sources)} pages in {parts} parts, typeset in "
              f"{time.perf_counter() - start:.0f} s; the tagged join of them:")  # fmt: skip
        (work / "join.pickle").write_bytes(pickle.dumps(job))
        runs: dict[str, list[tuple[float, float]]] = {tree: [] for tree in trees}
        for _ in range(options.runs):
            for tree, path in trees.items():
                env = dict(os.environ, PYTHONPATH=str(path), PYTHONSAFEPATH="1")  # (see _export)
                result = subprocess.run(
                    [sys.executable, "-c", code, str(work / "join.pickle")],
                    env=env, capture_output=True, text=True, check=True,
                )  # fmt: skip
                cpu, peak = result.stdout.split()
                kib = 1024 if sys.platform == "darwin" else 1  # ru_maxrss: bytes on macOS, KiB here
                runs[tree].append((float(cpu), int(peak) / kib / 1024))
        for tree, results in runs.items():
            cpu = statistics.median(c for c, _p in results)
            peak = max(p for _c, p in results)
            verdict = "ok" if peak <= JOIN_MB else "OVER"
            print(f"  {tree}: CPU {cpu:.2f} s (median of {len(results)}), peak RSS {peak:.0f} MB "
                  f"(<= {JOIN_MB} MB {verdict}), {Path(job.output).stat().st_size / 1e6:.1f} MB "
                  f"written; load {os.getloadavg()[0]:.1f}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Time the workshop booklet (and the HTML page) for a large glossary.",
        epilog="Without --command or --join: in-process timings, N defaults to 500.",
    )
    parser.add_argument("count", type=int, nargs="?", help="concepts (default 500, or 10,000)")
    parser.add_argument("--command", action="store_true", help="time `export booklet` itself")
    parser.add_argument("--join", action="store_true", help="time the join of the parts alone")
    parser.add_argument("--runs", type=int, default=3, help="runs per checkout (medians)")
    parser.add_argument("--hard", action="store_true", help="also the shared-terms glossary")
    parser.add_argument("--against", type=Path, help="another checkout to run in turns")
    options = parser.parse_args()
    if options.command or options.join:
        options.count = options.count or 10_000
        return command(options) if options.command else join(options)
    count = options.count or 500
    from moci_vocab.booklet.export import booklet_data, compile_booklet, export_booklet
    from moci_vocab.exporters.html import export_html

    g = glossary(count)
    with tempfile.TemporaryDirectory() as tmp:
        request = ExportRequest(g, list(g.concepts.values()), list(LANGS), Path(tmp), {})
        print(f"{count} concepts, languages {', '.join(LANGS)}")
        # Typst memoises within a process: the first export is the honest (cold) figure.
        [path] = timed("export booklet (A5), cold", lambda: export_booklet(request))
        data = timed("  booklet data (sort, index)", lambda: booklet_data(request))
        _pdf, pages = timed("  typeset A5 again, in-process", lambda: compile_booklet(data))
        request.options = {"imposition": True}
        timed("export booklet + imposition", lambda: export_booklet(request))
        print(f"{'pages':<32} {pages:6d}   ({path.stat().st_size / 1e6:.1f} MB)")
        [page] = timed("export html", lambda: export_html(request))
        print(f"{'html size':<32} {page.stat().st_size / 1e6:6.2f} MB")


if __name__ == "__main__":
    main()
