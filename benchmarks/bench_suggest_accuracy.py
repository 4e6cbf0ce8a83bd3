"""How often `suggest` finds the translators' own term, against the baseline of issue 22.

For each language, the catalogs under benchmarks/data/suggest/<lang>/ (Django 5.2 and
Debian's GTK 3, GLib, shared-mime-info and PostgreSQL 15 catalogs: see the README
there) and the hand-made list terms-<lang>.tsv: English term, the dominant rendering
in those catalogs in its dictionary form, and why. Every term is a concept with only
its English term; `suggest` proposes candidates for it, and the benchmark counts:

- first right: the first candidate is the hand-made term in some form (check-po's
  inflection-tolerant matcher finds it, with the same number of words);
- top 3 right: one of the first three is;
- dictionary form: the first candidate is exactly the term of the list.

The baseline (as issue 22 describes it): the target words of the entries holding the
term, grouped by their first five letters, the group with the best Dice score first,
shown as its most frequent word. It has no multi-word candidates.

    python benchmarks/bench_suggest_accuracy.py                   # sq, ka, hy
    python benchmarks/bench_suggest_accuracy.py --lang ka --misses
    python benchmarks/bench_suggest_accuracy.py --lang sq --terms my.tsv my/*.po

The last form measures other catalogs against another hand-made list (same format).
"""

from __future__ import annotations

import argparse
import lzma
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from moci_vocab.checkpo.compile import compile_glossary  # noqa: E402
from moci_vocab.checkpo.inflection import for_language  # noqa: E402
from moci_vocab.checkpo.target_match import (  # noqa: E402
    TargetMatcher,
    Translation,
    compile_term,
    tokens,
)
from moci_vocab.learn.align import TargetIndex, concept_entries, suggest  # noqa: E402
from moci_vocab.learn.corpus import read_corpus  # noqa: E402
from moci_vocab.model import Concept, Glossary, LanguageSpec, Manifest, Term  # noqa: E402

DATA = REPO / "benchmarks" / "data" / "suggest"
LANGS = ("sq", "ka", "hy")
TARGETS = {"first": 0.95, "top3": 0.99, "dictionary": 0.80}


@dataclass
class Row:
    english: str
    expected: str
    reason: str

    @property
    def concept(self) -> str:
        return "-".join(self.english.casefold().split())

    @property
    def multi(self) -> bool:
        return len(self.expected.split()) > 1


def read_terms(path: Path) -> list[Row]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            english, expected, reason = [*line.split("\t"), "", ""][:3]
            rows.append(Row(english.strip(), expected.strip(), reason.strip()))
    return rows


def unpack(lang: str, folder: Path, data: Path = DATA) -> list[Path]:
    """The committed catalogs of a language, decompressed into ``folder``."""
    paths = []
    for packed in sorted((data / lang).glob("*.po.xz")):
        path = folder / f"{lang}-{packed.name[:-3]}"
        path.write_bytes(lzma.decompress(packed.read_bytes()))
        paths.append(path)
    return paths


def glossary_of(rows: list[Row], lang: str) -> Glossary:
    """An in-memory glossary: one concept per row, with its English term only."""
    manifest = Manifest(
        name="bench", languages={"en": LanguageSpec("en", "Latn"), lang: LanguageSpec(lang, "")}
    )
    glossary = Glossary(Path("."), manifest)
    for row in rows:
        glossary.concepts[row.concept] = Concept(
            id=row.concept, terms={"en": [Term(row.english, pos="noun")]}
        )
    return glossary


def right(candidate: str, expected: str, matcher: TargetMatcher, lang: str) -> bool:
    """Is the candidate the expected term in some form (same number of content words)?"""
    infl = for_language(lang)
    content = [w for w in tokens(candidate) if w not in infl.connectors]
    wanted = [w for w in tokens(expected) if w not in infl.connectors]
    if len(content) != len(wanted):
        return False
    return any(
        matcher.find(Translation(candidate), term) is not None
        for term in compile_term(expected, "preferred", [], infl)
    )


def prefix_counts(index: TargetIndex) -> Counter:
    """Entries holding a word that begins with each five letters (the baseline's groups)."""
    counts: Counter[str] = Counter()
    for word, postings in index.postings.items():
        counts[word[:5]] += len(postings)
    return counts


def baseline(index: TargetIndex, entries: list[int], everywhere: Counter) -> str | None:
    """Issue 22's baseline: co-occurring words grouped by their first five letters (Dice)."""
    co: Counter[str] = Counter()
    forms: Counter[str] = Counter()
    for e in entries:
        words = set(index.words[e])
        co.update({w[:5] for w in words})
        forms.update(words)
    if not co:
        return None
    best = max(co, key=lambda p: (2 * co[p] / (len(entries) + everywhere[p]), co[p], p))
    return max((w for w in forms if w[:5] == best), key=lambda w: (forms[w], -len(w)))


def measure(lang: str, rows: list[Row], files: list[Path], show_misses: bool) -> dict:
    started = time.perf_counter()
    corpus = read_corpus(files, lang)
    compiled = compile_glossary(glossary_of(rows, lang), lang)
    results = {s.concept: s for s in suggest(corpus, compiled, [r.concept for r in rows], 3)}
    elapsed = time.perf_counter() - started
    index = TargetIndex(corpus, lang)
    entries = concept_entries(corpus, compiled)
    matcher = TargetMatcher(for_language(lang))
    everywhere = prefix_counts(index)
    score = Counter()
    misses = []
    for row in rows:
        firsts = [c.term for c in results[row.concept].candidates]
        first = firsts[0] if firsts else ""
        ok_first = bool(first) and right(first, row.expected, matcher, lang)
        ok_top3 = any(right(c, row.expected, matcher, lang) for c in firsts[:3])
        ok_dict = first == row.expected
        base = baseline(index, entries.get(row.concept, []), everywhere) or ""
        base_first = bool(base) and right(base, row.expected, matcher, lang)
        kind = "multi" if row.multi else "single"
        score["n"] += 1
        score[f"n_{kind}"] += 1
        score["first"] += ok_first
        score["top3"] += ok_top3
        score["dictionary"] += ok_dict
        score[f"first_{kind}"] += ok_first
        score["base_first"] += base_first
        score["base_dictionary"] += base == row.expected
        score[f"base_first_{kind}"] += base_first
        if not (ok_first and ok_dict):
            misses.append((row, firsts, base))
    if show_misses:
        for row, firsts, base in misses:
            print(f"  {lang} {row.english!r}: expected {row.expected!r}, got {firsts} "
                  f"(baseline {base!r})")  # fmt: skip
    score["seconds"] = elapsed
    score["entries"] = len(corpus)
    return score


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lang", action="append", help="Only these languages.")
    parser.add_argument("--terms", type=Path, help="Another hand-made list (TSV).")
    parser.add_argument("--misses", action="store_true", help="List the terms not right.")
    parser.add_argument(
        "--heldout",
        action="store_true",
        help="The catalogs of data/suggest/heldout/ (sq, ka), not used while tuning.",
    )
    parser.add_argument("files", nargs="*", type=Path, help="Other catalogs (with --terms).")
    args = parser.parse_args()
    langs = args.lang or (["sq", "ka"] if args.heldout else list(LANGS))
    prefix, data = ("heldout-", DATA / "heldout") if args.heldout else ("terms-", DATA)
    failed = False
    header = f"{'':4} {'terms':>11} {'first':>7} {'top 3':>7} {'dict.':>7} | {'baseline':>8} "
    print(header + f"{'b.dict.':>7} | {'multi-word: ours':>16} {'base':>6} | entries  time")
    with tempfile.TemporaryDirectory() as tmp:
        for lang in langs:
            rows = read_terms(args.terms or DATA / f"{prefix}{lang}.tsv")
            files = args.files or unpack(lang, Path(tmp), data)
            s = measure(lang, rows, files, args.misses)
            n, multi = s["n"], s["n_multi"]
            print(
                f"{lang:4} {n:>4} ({multi:>2} mw) {pct(s['first'], n)} {pct(s['top3'], n)} "
                f"{pct(s['dictionary'], n)} | {pct(s['base_first'], n):>8} "
                f"{pct(s['base_dictionary'], n)} | {pct(s['first_multi'], multi):>16} "
                f"{pct(s['base_first_multi'], multi):>6} | {s['entries']:>7} {s['seconds']:.2f} s"
            )
            for key, target in TARGETS.items():
                if s[key] < target * n and not args.heldout:  # targets: the main lists
                    failed = True
                    print(f"     {lang}: {key} {pct(s[key], n).strip()} is below {target:.0%}")
            single = n - multi
            print(f"     single words: ours {pct(s['first_single'], single).strip()}, baseline "
                  f"{pct(s['base_first_single'], single).strip()} right first")  # fmt: skip
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
