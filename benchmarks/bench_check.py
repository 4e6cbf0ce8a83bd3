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
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import tempfile
import time
from pathlib import Path

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", nargs="?", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="cProfile one cold check")
    args = parser.parse_args()
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
