"""Study (session 25): does the builder's choice of term explain the false flags?

`bench_checkpo_real.py` measures check-po with a glossary per catalog that
`build_checkpo_real_data.py` builds from the catalog itself (`_Catalog.concept`). A flag
asks for the glossary's term; a judge counts a flag false when the term it asks for is
not the catalog's (round 26: PKP's Georgian *review* მიმოხილვა in 8 of 24 uses where
განხილვა has 9; Home Assistant's Armenian *item* անելիք, a to-do, where the word's uses
are elements, options, entries). This script measures, for every concept of every
glossary with a judged flag, what the builder sees of it in its catalog:

- ``uses``: the entries where check-po reads the English word as a noun (`noun_uses`,
  the entries `_Catalog.concept` aligns);
- ``share``: the share of those entries holding a form of the term (check-po's matcher);
- ``rival``: the most frequent other rendering of those entries, a lemma group of the
  catalog (`_lemma_groups`, not a form of the term) with Dice >= RIVAL_DICE with the
  word's uses, counted in the uses WITHOUT the term (said instead of it, not beside it),
  and ``ratio``: its entries / the term's entries (> 1: a rendering more frequent than
  the term);
- ``cover``: how many renderings (the term, then such lemma groups, most entries first)
  it takes to hold COVER of the uses (99: never);
- ``dice``: the glossary's Dice of the term.

With the check-po flags of the catalog (run as the benchmark does, on the unmodified
catalog) and their verdicts (checkpo_judgements.tsv, checkpo_heldout_judgements.tsv), it
prints per language and feature bucket the judged-real and judged-false flags, on the
design set (the committed catalogs and held-out rounds 1-22) and on the test set (rounds
23-26, read once, after the rule was frozen), and what each candidate rule would drop.
Flags and features are cached in a TSV (``--cache FILE`` names one to reuse as it is; by
default /tmp/study_checkpo_builder-HASH.tsv, HASH a digest of what the flags depend on,
`bench.flags_key`: a change of moci_vocab, the data or the judgements makes a new one; about
a minute):

    python benchmarks/study_checkpo_builder.py [--cache FILE] [--test] [--round N]

Without ``--test`` only the design set is printed; ``--round N`` adds one held-out round
(27: the blind round judged after the candidate rules below were frozen). Result:
docs/check-po-journal.md, "Session 25".
"""

from __future__ import annotations

import collections
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_checkpo_real as bench
import build_checkpo_real_data as builder

RIVAL_DICE = 0.3  # a lemma group this associated with the word's uses is a rendering of it
COVER = 0.8  # the share of the uses the renderings must hold
DESIGN_ROUNDS = range(1, 23)  # (and the committed catalogs, round 0 here)
TEST_ROUNDS = range(23, 27)
FIELDS = ("file", "round", "lang", "concept", "term", "verdict", "uses", "share", "rival",
          "rival_n", "term_n", "ratio", "cover", "dice", "msgid")  # fmt: skip


def features(rows, lang: str, glossary: dict) -> dict[str, dict]:
    """Each concept of the glossary → what the builder sees of it (module docstring)."""
    from moci_vocab.checkpo.inflection import for_language
    from moci_vocab.checkpo.target_match import TargetMatcher, compile_term

    catalog = builder._Catalog(rows, lang)
    nouns = builder.noun_uses([source for source, _strs in rows], list(glossary), lang)
    matcher = TargetMatcher(for_language(lang))
    found = {}
    for word, data in glossary.items():
        forms = {word, word + "s", word + "es"}
        having = [
            i
            for i, words in enumerate(catalog.english)
            if forms & set(words) and i in nouns.get(word, ())
        ]
        [term] = compile_term(data["term"], "preferred", [], matcher.infl)[:1]
        said = {t for i in having for t in catalog.target[i]}
        said = {t for t in said if matcher.word_matches(t, term.words[0])}
        own = {g for i in having for g in catalog.lemmas[i] for t in said if t.startswith(g)}
        own |= {g for i in having for g in catalog.lemmas[i] if g[:3] == data["term"][:3]}
        uses = {i for i in having if not said.isdisjoint(catalog.target[i])}
        # (a rendering said instead of the term: counted in the uses without it, so that
        # a modifier standing beside the term, sq hapësirë pune's hapësirë, is none)
        groups = collections.Counter(
            g
            for i in having
            if i not in uses
            for g in catalog.lemmas[i]
            if g not in own and len(g) >= 3
        )
        n = len(having)
        rivals = {
            g: c
            for g, c in groups.items()
            if n and 2 * c / (n + catalog.lemma_total[g]) >= RIVAL_DICE
        }
        rival, rival_n = max(rivals.items(), key=lambda kv: (kv[1], kv[0]), default=("", 0))
        covered, cover = set(uses), 1
        for g, _c in sorted(rivals.items(), key=lambda kv: (-kv[1], kv[0])):
            if len(covered) >= COVER * n:
                break
            covered |= {i for i in having if g in catalog.lemmas[i]}
            cover += 1
        if len(covered) < COVER * n:
            cover = 99
        found[word] = {
            "term": data["term"],
            "uses": n,
            "share": round(len(uses) / n, 3) if n else 0.0,
            "rival": rival,
            "rival_n": rival_n,
            "term_n": len(uses),
            "ratio": round(rival_n / len(uses), 3) if uses else 99.0,
            "cover": cover,
            "dice": data.get("dice", 0.0),
        }
    return found


def make_cache(path: Path) -> None:
    """Every judged catalog's current flags, with their verdicts and concepts' features."""
    import polib

    committed = bench.load_judgements(bench.JUDGEMENTS)
    heldout = bench.load_judgements(bench.HELDOUT_JUDGEMENTS)
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for data, judgements in ((bench.DATA, committed), (bench.HELDOUT, heldout)):
            judged_files = {file for file, _m, _c in judgements}
            for name, lang, po_path, glossary in bench.catalogs(data, Path(tmp)):
                file = f"{name}-{lang}.po"
                number = 0 if data == bench.DATA else bench.round_of(file)
                if file not in judged_files or number is None:
                    continue
                rows = builder._rows_of(polib.pofile(str(po_path)))
                feats = features(rows, lang, glossary)
                folder = Path(tmp) / f"{name}-{lang}"
                folder.mkdir()
                root = bench.make_root(folder, lang, glossary)
                for f in bench.run_check(root, po_path):
                    if f.code not in bench.CODES:
                        continue
                    row = judgements.get((file, f.extra["msgid"], f.concept))
                    verdict = row["verdict"] if row else ""
                    out.append(
                        {
                            "file": file,
                            "round": number,
                            "lang": lang,
                            "concept": f.concept,
                            "verdict": verdict,
                            "msgid": f.extra["msgid"][:60].replace("\n", " "),
                            **feats[f.concept],
                        }
                    )
                print(file, file=sys.stderr)
    bench.write_tsv(path, FIELDS, out)


def load(path: Path) -> list[dict]:
    """The cached flags (make_cache), their numbers as numbers."""
    ints = ("round", "uses", "rival_n", "term_n", "cover")
    return bench.read_tsv(path, ints, ("share", "ratio", "dice"))


def table(rows: list[dict], name: str, bucket) -> None:
    """Real / false judged flags per language in each bucket of a feature."""
    print(f"\n{name}")
    counts = collections.Counter((r["lang"], bucket(r), r["verdict"]) for r in rows)
    keys = sorted({k for _l, k, _v in counts})
    for lang in bench.LANGS:
        cells = [f"{k}: {counts[lang, k, 'real']}/{counts[lang, k, 'false']}" for k in keys]
        print(f"  {lang} (real/false)  " + ",  ".join(cells))


# Candidate rules, frozen before the test rounds were read: a concept is left out (all its
# flags dropped) when the rule holds. "A concept needs a dominant rendering" (share, cover),
# "the term is the most frequent rendering" (ratio), "the alignment is strong" (dice),
# "enough uses" (uses, term_n).
RULES = {
    "share < 0.4": lambda r: r["share"] < 0.4,
    "share < 0.5": lambda r: r["share"] < 0.5,
    "share < 0.6": lambda r: r["share"] < 0.6,
    "rival more frequent (ratio >= 1)": lambda r: r["ratio"] >= 1,
    "ratio >= 0.7": lambda r: r["ratio"] >= 0.7,
    "ratio >= 0.5": lambda r: r["ratio"] >= 0.5,
    "cover >= 3 (or never)": lambda r: r["cover"] >= 3,
    "dice < 0.6": lambda r: r["dice"] < 0.6,
    "uses < 15": lambda r: r["uses"] < 15,
    "term_n < 12": lambda r: r["term_n"] < 12,
    "share < 0.5 and ratio >= 0.5": lambda r: r["share"] < 0.5 and r["ratio"] >= 0.5,
}


def effect(rows: list[dict], label: str) -> None:
    """Precision per language before and after each rule, real and false flags dropped."""
    print(f"\n{label}: precision real/judged (flags) per language; each rule: dropped real/false")
    for lang in bench.LANGS:
        judged = [r for r in rows if r["lang"] == lang and r["verdict"] in ("real", "false")]
        real = sum(r["verdict"] == "real" for r in judged)
        line = f"  {lang} before {real}/{len(judged)} = {real / max(1, len(judged)):.1%}"
        print(line)
        for rule_name, rule in RULES.items():
            out = [r for r in judged if rule(r)]
            kept = [r for r in judged if not rule(r)]
            kept_real = sum(r["verdict"] == "real" for r in kept)
            out_real = sum(r["verdict"] == "real" for r in out)
            print(
                f"    {rule_name:<34} drops {out_real}/{len(out) - out_real}"
                f"  -> {kept_real}/{len(kept)} = {kept_real / max(1, len(kept)):.1%}"
            )


def main() -> int:
    cache = Path(sys.argv[sys.argv.index("--cache") + 1]) if "--cache" in sys.argv else None
    default = f"study_checkpo_builder-{bench.flags_key(Path(__file__))}.tsv"  # (never stale)
    cache = cache or Path(tempfile.gettempdir()) / default
    if not cache.exists():
        make_cache(cache)
    rows = load(cache)
    sets = {
        "committed catalogs": [r for r in rows if r["round"] == 0],
        "design (committed, rounds 1-22)": [r for r in rows if r["round"] < TEST_ROUNDS[0]],
    }
    if "--test" in sys.argv:
        sets["test (rounds 23-26)"] = [r for r in rows if r["round"] in TEST_ROUNDS]
    if "--round" in sys.argv:
        number = int(sys.argv[sys.argv.index("--round") + 1])
        sets[f"round {number}"] = [r for r in rows if r["round"] == number]
    for label, chosen in sets.items():
        print(f"\n=== {label}")
        table(chosen, "share of the noun uses", lambda r: f"{min(int(r['share'] * 10), 9) / 10}")
        table(chosen, "rival / term", lambda r: f"{min(int(r['ratio'] * 4), 8) / 4}")
        table(
            chosen,
            "renderings to cover 80% (5: five or more, or never)",
            lambda r: min(r["cover"], 5),
        )
        table(chosen, "dice", lambda r: f"{min(int(r['dice'] * 10), 9) / 10}")
        effect(chosen, label)
    return 0


if __name__ == "__main__":
    sys.exit(main())
