"""Speed of `check-po`: a 50,000-entry catalog against a 5,000-concept glossary.

Generated deterministically (seeded): a glossary of 5,000 concepts (en + sq,
one to three words each) and a catalog whose msgids contain 0-3 glossary terms
(plurals, capitals, hyphens) and whose translations use the Albanian terms with
case endings, with 3% of the terms left out or replaced by another word; one
concept in five also has a deprecated term.

Prints:
- polib's parse of the file (in-process, and as a fresh `python -c` process);
- the whole `moci-vocab check-po` run as a fresh process, with the compiled
  glossary cached (the everyday case, target: <= 1.5x polib's parse) and
  without the cache (first run after a glossary change);
- translate-toolkit's terminology matcher (translate.search.match.
  terminologymatcher, source-side matching only) on a sample of the entries,
  extrapolated to the whole catalog, and the ratio to check-po.

    python benchmarks/bench_checkpo_speed.py [--entries N] [--concepts N]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ne",
    "ru",
    "sa",
    "te",
    "vi",
    "do",
    "pa",
    "ri",
    "su",
    "na",
    "le",
    "mo",
    "ga",
    "bi",
    "tu",
    "fe",
    "zo",
]
FILLER = [
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "for",
    "with",
    "on",
    "by",
    "this",
    "that",
    "your",
    "our",
    "new",
    "all",
    "open",
    "each",
    "their",
    "from",
    "as",
    "please",
    "enter",
    "select",
    "save",
    "delete",
    "more",
    "view",
    "list",
    "show",
    "edit",
    "page",
    "user",
    "data",
    "time",
    "event",
    "report",
    "share",
    "join",
    "read",
    "about",
    "help",
    "find",
    "make",
    "start",
    "stop",
]
SQ_ENDINGS = ["", "i", "in", "it", "a", "ën", "ës", "et", "ve", "at", "ë", "e", "t"]


def word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables))


def make_glossary(root: Path, concepts: int, rng: random.Random) -> list[tuple[str, str]]:
    """Concept files written directly in canonical form (fast), returns (en, sq) pairs."""
    from moci_vocab.model import Concept, Term
    from moci_vocab.operations import init_glossary
    from moci_vocab.store import canonical_concept_text

    init_glossary(root, "Speed", "en", ["sq"]).changes.apply()
    pairs: list[tuple[str, str]] = []
    seen: set[str] = set()
    while len(pairs) < concepts:
        en = " ".join(word(rng, rng.randint(2, 4)) for _ in range(rng.choice((1, 1, 2, 2, 3))))
        if en in seen:
            continue
        seen.add(en)
        sq = " ".join(word(rng, rng.randint(2, 4)) + "r" for _ in en.split())
        cid = f"c{len(pairs):05d}"
        concept = Concept(id=cid, definition={"en": f"Concept {cid}."})
        concept.terms = {
            "en": [Term(en, "preferred", pos="noun")],
            "sq": [Term(sq, "preferred")],
        }
        if len(pairs) % 5 == 0:  # one concept in five has a deprecated term
            concept.terms["sq"].append(Term(sq[:2] + word(rng, 3) + "ezim", "deprecated"))
        (root / "terms" / f"{cid}.yaml").write_text(canonical_concept_text(concept), "utf-8")
        pairs.append((en, sq))
    return pairs


def inflect(sq: str, rng: random.Random) -> str:
    return " ".join(w + rng.choice(SQ_ENDINGS) for w in sq.split())


def make_catalog(path: Path, entries: int, pairs, rng: random.Random) -> None:
    lines = [
        'msgid ""',
        'msgstr ""',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        '"Language: sq\\n"',
        "",
    ]
    for i in range(entries):
        source = [rng.choice(FILLER) for _ in range(rng.randint(4, 12))]
        target = [rng.choice(FILLER) + "x" for _ in range(len(source))]
        for _ in range(rng.choice((0, 1, 1, 2, 3))):
            en, sq = rng.choice(pairs)
            en = en + "s" if rng.random() < 0.3 else en
            en = en.title() if rng.random() < 0.2 else en
            en = en.replace(" ", "-") if rng.random() < 0.1 else en
            at = rng.randrange(len(source) + 1)
            source.insert(at, en)
            roll = rng.random()
            if roll < 0.015:
                continue  # left out
            rendered = "kundër" + sq if roll < 0.03 else inflect(sq, rng)
            target.insert(min(at, len(target)), rendered)
        lines.append(f"#: src/module{i % 97}.py:{i}")
        if i % 10 == 0:
            lines.append(f'msgctxt "screen {i}"')
        lines.append(f'msgid "{" ".join(source)} {i}."')
        lines.append(f'msgstr "{" ".join(target)} {i}."')
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


CPU: dict[str, float] = {}


def fresh(args: list[str], env=None, repeat: int = 5, name: str = "") -> float:
    """Best wall time of a fresh process (best of ``repeat``); its CPU time goes to CPU[name]."""
    import resource

    times, cpu = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    CPU[name] = min(cpu)
    return min(times)


def translate_toolkit(glossary_po: Path, catalog: Path, sample: int) -> tuple[float, int]:
    """Seconds for translate-toolkit's terminology matcher on ``sample`` units."""
    from translate.search.match import terminologymatcher
    from translate.storage import factory

    terms = factory.getobject(str(glossary_po))
    matcher = terminologymatcher(terms)
    units = [u for u in factory.getobject(str(catalog)).units if not u.isheader()][:sample]
    start = time.perf_counter()
    for unit in units:
        matcher.matches(unit.source)
    return time.perf_counter() - start, len(units)


def write_glossary_po(path: Path, pairs) -> None:
    import polib

    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "sq"}
    for en, sq in pairs:
        po.append(polib.POEntry(msgid=en, msgstr=sq))
    po.save(str(path))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--concepts", type=int, default=5_000)
    parser.add_argument("--tt-sample", type=int, default=500)
    args = parser.parse_args()
    rng = random.Random(20260101)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "g"
        pairs = make_glossary(root, args.concepts, rng)
        catalog = Path(tmp) / "big.po"
        make_catalog(catalog, args.entries, pairs, rng)
        env = dict(os.environ, MOCI_VOCAB_CACHE_KEY_DIR=str(Path(tmp) / "key"))
        env.pop("MOCI_VOCAB_NO_CACHE", None)
        print(
            f"catalog: {args.entries} entries, {catalog.stat().st_size / 1e6:.1f} MB; "
            f"glossary: {args.concepts} concepts"
        )

        import polib

        parse_times = []
        for _ in range(3):
            start = time.perf_counter()
            polib.pofile(str(catalog))
            parse_times.append(time.perf_counter() - start)
        polib_inproc = min(parse_times)
        polib_fresh = fresh(
            [sys.executable, "-c", f"import polib; polib.pofile({str(catalog)!r})"], name="polib"
        )

        check = [sys.executable, "-m", "moci_vocab", "--root", str(root), "check-po",
                 str(catalog), "--format", "json"]  # fmt: skip
        cold_env = dict(env, MOCI_VOCAB_NO_CACHE="1")
        cold = fresh(check, cold_env, repeat=1)
        subprocess.run(check, stdout=subprocess.DEVNULL, env=env)  # fills the cache
        time.sleep(2.1)  # past the cache's racy window: the next runs trust it
        subprocess.run(check, stdout=subprocess.DEVNULL, env=env)
        warm = fresh(check, env, name="check-po")
        out = subprocess.run(check, capture_output=True, text=True, env=env).stdout
        import json

        summary = json.loads(out)["summary"]

        glossary_po = Path(tmp) / "glossary.po"
        write_glossary_po(glossary_po, pairs)
        tt_seconds, tt_units = translate_toolkit(glossary_po, catalog, args.tt_sample)
        tt_full = tt_seconds / tt_units * args.entries

    print(f"polib parse, in-process:         {polib_inproc:7.2f} s")
    print(f"polib parse, fresh process:      {polib_fresh:7.2f} s")
    print(
        f"check-po, fresh, cached glossary:{warm:7.2f} s  "
        f"= {warm / polib_inproc:.2f}x polib's parse (target <= 1.5x); "
        f"{warm / polib_fresh:.2f}x the fresh polib process"
    )
    print(
        f"CPU time (user+sys), fresh processes: check-po {CPU['check-po']:.2f} s, "
        f"polib {CPU['polib']:.2f} s = {CPU['check-po'] / CPU['polib']:.2f}x"
    )
    print(f"check-po, fresh, no cache:       {cold:7.2f} s  (compiles the glossary)")
    print(
        f"  findings: {summary['error']} errors, {summary['warning']} warnings; "
        f"{summary['entries']} entries, {summary['terms']} term occurrences checked"
    )
    print(
        f"translate-toolkit terminologymatcher: {tt_seconds:.2f} s for {tt_units} entries "
        f"→ ~{tt_full:.0f} s for {args.entries} (source side only)"
    )
    print(
        f"  check-po is ~{tt_full / warm:.0f}x faster "
        f"(ratio check-po / translate-toolkit = {warm / tt_full:.4f})"
    )


if __name__ == "__main__":
    main()
