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

    python benchmarks/bench_booklet.py --command 10000 --runs 3 [--hard] [--against DIR]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

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


def command(argv: list[str]) -> None:
    """Time ``export booklet`` as a command, in turns with another checkout if asked."""
    import argparse
    import os
    import statistics

    here = Path(__file__).resolve().parent
    sys.path.insert(0, str(here.parent))
    from benchmarks.generate import make_glossary
    from benchmarks.generate_hard import make_hard_glossary
    from benchmarks.run import _run_once, booklet_pages

    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int, nargs="?", default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--hard", action="store_true", help="also the shared-terms glossary")
    parser.add_argument("--against", type=Path, help="another checkout to run in turns")
    options = parser.parse_args(argv)
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
        for name, root in data.items():
            runs: dict[str, list] = {tree: [] for tree in trees}
            for n in range(options.runs):
                for tree, path in trees.items():
                    env = dict(os.environ, PYTHONPATH=str(path), NO_COLOR="1")
                    out = work / f"out-{tree}-{n}"
                    argv = [sys.executable, "-m", "moci_vocab", "--root", str(root)]
                    run = _run_once([*argv, "export", "booklet", "-o", str(out)], env)
                    if run.returncode != 0:
                        print(f"{tree}: FAILED: {run.stderr.strip()[-300:]}")
                        return
                    pages = booklet_pages(next(out.glob("*.pdf")))
                    runs[tree].append((run, pages, os.getloadavg()[0]))
            for tree, results in runs.items():
                wall = statistics.median(r.seconds for r, _p, _l in results)
                cpu = statistics.median(r.cpu for r, _p, _l in results)
                peak = max(r.rss_mb for r, _p, _l in results)
                loads = ", ".join(f"{load:.1f}" for _r, _p, load in results)
                ok = ("ok" if wall <= TARGET_S else "OVER", "ok" if peak <= TARGET_MB else "OVER")
                print(
                    f"{name}, {options.count} concepts, {tree}: wall {wall:.1f} s (<= {TARGET_S} s "
                    f"{ok[0]}), CPU {cpu:.1f} s, peak {peak:.0f} MB (<= {TARGET_MB} MB {ok[1]}), "
                    f"{results[-1][1]} pages; median of {len(results)}, load {loads}"
                )
            if "against" in runs:
                ratio = statistics.median(r.cpu for r, _p, _l in runs["this"]) / statistics.median(
                    r.cpu for r, _p, _l in runs["against"]
                )
                print(f"  CPU this / against: {ratio:.2f}x")


def main() -> None:
    if "--command" in sys.argv:
        return command([a for a in sys.argv[1:] if a != "--command"])
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
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
