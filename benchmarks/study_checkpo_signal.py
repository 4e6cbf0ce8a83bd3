"""Study (session 15): does a catalog's own word statistics tell an implicit concept from a miss?

check-po sees the whole catalog, a parallel corpus. For every judged flag of
`checkpo_judgements.tsv` and `checkpo_heldout_judgements.tsv` this script asks, from the
flag's catalog alone, whether the msgstr holds a word that could stand for the missing
term (a substitute: real flags are mostly synonyms, wrong words, English left in) or
whether every word of the msgstr is accounted for by the msgid's other words (the concept
left implicit: most false flags). It prints, per language, how many judged-real and
judged-false flags each signal would drop, on the design rounds (committed catalogs and
held-out rounds 1-17) and on the test rounds (18-20, never tuned on). With ``--checked``
it also runs check-po on every catalog and on its injected copy, as
`bench_checkpo_real.py` does (about half an hour), and prints each signal's effect on
check-po's own flags and on recall (the caught injected wrong terms it would drop).

Statistics, per catalog file: the entries holding each English word (lowercased, plural
-s off) and each target stem (a word's first five letters). A msgstr word that starts like
the term, an English word of the msgid kept in the msgstr, or a Latin word in a ka/hy
msgstr always keeps the flag. The entry's English content words (function words left
out) and its msgstr words are linked one to one, strongest association first
(competitive linking). Signals (a flag is dropped when):

- ``unlinked``: the English term gets no msgstr word (association: G2 log-likelihood,
  the entry counted, any positive association links);
- ``only-missing``: the English term is the only English content word left unlinked and
  every msgstr word is linked (none is left to be a substitute; words in more than 10% of
  the catalog's entries may stay unlinked); association: Dice over the catalog's *other*
  entries, a link needs at least 0.1;
- ``only-missing, other terms kept``: the same, unless a msgstr word starts like another
  glossary concept's term whose English word is not in the msgid (a wrong term).

Result (docs/check-po-journal.md, "A catalog-internal signal"): none separates well enough
to become a rule. Usage: ``python benchmarks/study_checkpo_signal.py [--checked]``.
"""

from __future__ import annotations

import csv
import math
import re
import sys
import tempfile
import zlib
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_checkpo_real as bench

WORD = re.compile(r"[^\W\d_]+")
LATIN = re.compile(r"[a-z]")
STEM = 5  # letters of a target word that stand for its stem
TEST_ROUNDS = (18, 19, 20)
SIGNALS = ("unlinked", "only-missing", "only-missing, other terms kept")
# English words with no content word of their own in a translation (this study's list, frozen
# before the test rounds were read).
_FUNCTION_TEXT = """a an the of to in into on onto for from with without by at as about over under
between through during after before and or nor but if then than so that this these those
it its is are was were be been being am do does did has have had will would shall should
can could may might must not no you your yours we our us i me my he she they them their
his her there here which who whom whose what when where why how all any each every some
such only also just very more most less least one"""
FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())


def lemma(word: str) -> str:
    """An English word lowercased, a plural -s, -es or -ies taken off."""
    word = word.lower()
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


class Catalog:
    """Which entries hold each English lemma and each target stem, in one catalog file."""

    def __init__(self, path: Path, lang: str, glossary: dict) -> None:
        import polib

        self.lang, self.glossary = lang, glossary
        self.english: dict[str, set[int]] = defaultdict(set)
        self.target: dict[str, set[int]] = defaultdict(set)
        self.texts: dict[str, tuple[str, str]] = {}
        number = 0
        for entry in polib.pofile(str(path)):
            if not entry.msgid or entry.obsolete:
                continue
            plural = entry.msgid_plural
            strs = (
                [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)]
                if plural
                else [entry.msgstr]
            )
            if not any(strs):
                continue
            source, target = entry.msgid + "\n" + (plural or ""), "\n".join(strs)
            self.texts.setdefault(entry.msgid, (source, target))
            for word in {lemma(w) for w in WORD.findall(source)}:
                self.english[word].add(number)
            for word in {w.lower()[:STEM] for w in WORD.findall(target)}:
                self.target[word].add(number)
            number += 1
        self.size = number

    def counts(self, english: str, word: str, inside: bool) -> tuple[int, int, int, int]:
        """Entries with the English lemma, with the target word's stem, with both, and all
        entries, the entry looked at counted once (``inside``: it is one of the catalog's)."""
        one, other = self.english.get(english, set()), self.target.get(word[:STEM], set())
        extra = 0 if inside else 1
        both = len(one & other) + extra
        return len(one) + extra, len(other) + extra, both, self.size + extra


def g2(catalog: Catalog, english: str, word: str, inside: bool) -> float:
    """Log-likelihood of the pair over all entries (0 unless seen together more than by chance)."""
    ce, ct, both, n = catalog.counts(english, word, inside)
    if not both or both * n <= ce * ct:
        return 0.0

    def h(*counts: int) -> float:
        total = sum(counts)
        return sum(k * math.log(k / total) for k in counts if k > 0)

    cells = (both, ct - both, ce - both, max(n - ce - ct + both, 0))
    rows, cols = (
        (cells[0] + cells[1], cells[2] + cells[3]),
        (cells[0] + cells[2], cells[1] + cells[3]),
    )
    return 2 * (h(*cells) - h(*rows) - h(*cols))


def dice_elsewhere(catalog: Catalog, english: str, word: str, inside: bool) -> float:
    """Dice coefficient of the pair over the catalog's other entries (the one looked at out)."""
    ce, ct, both, _n = (count - 1 for count in catalog.counts(english, word, inside))
    return 2 * both / (ce + ct) if both > 0 else 0.0


def link(catalog: Catalog, english: list[str], words: list[str], score, least: float, inside: bool):
    """Competitive linking: (linked English words, linked msgstr words), best pairs first."""
    pairs = sorted(
        ((a, e, w) for e in english for w in words if (a := score(catalog, e, w, inside)) > least),
        reverse=True,
    )
    linked_e: set[str] = set()
    linked_w: set[str] = set()
    for _a, e, w in pairs:
        if e not in linked_e and w not in linked_w:
            linked_e.add(e)
            linked_w.add(w)
    return linked_e, linked_w


def dropped(
    catalog: Catalog, concept: str, source: str, target: str, inside: bool = True
) -> dict[str, bool]:
    """Whether each signal would drop the flag about the concept in this entry (``inside``:
    one of the catalog's entries; an injected copy is not)."""
    term = catalog.glossary[concept]
    prefixes = (term["prefix"], term["term"][: max(3, len(term["prefix"]) - 1)])
    concept_words = {lemma(w) for w in WORD.findall(concept)}
    source_words = {lemma(w) for w in WORD.findall(source)}
    source_lower = {w.lower() for w in WORD.findall(source)}
    words = sorted({w.lower() for w in WORD.findall(target)})
    if any(
        w.startswith(prefixes)
        or w in source_lower
        or lemma(w) in source_words
        or (catalog.lang != "sq" and LATIN.search(w))
        for w in words
    ):
        return dict.fromkeys(SIGNALS, False)
    content = sorted(e for e in source_words if e not in FUNCTION_WORDS or e in concept_words)
    linked_e, _ = link(catalog, content, words, g2, 0.0, inside)
    unlinked = not concept_words & linked_e
    linked_e, linked_w = link(catalog, content, words, dice_elsewhere, 0.1, inside)
    others = [e for e in content if e not in concept_words and len(e) > 1]
    frequent = 0.1 * catalog.size
    only = (
        not concept_words & linked_e
        and bool(others)
        and all(e in linked_e for e in others)
        and all(w in linked_w or len(catalog.target.get(w[:STEM], ())) > frequent for w in words)
    )
    other_term = any(
        w.startswith(data["prefix"])
        for other, data in catalog.glossary.items()
        if other != concept and not {lemma(x) for x in WORD.findall(other)} <= source_words
        for w in words
    )
    return dict(zip(SIGNALS, (unlinked, only, only and not other_term), strict=True))


def judged_rows() -> list[tuple[str, dict]]:
    """(data set, row) of every judged flag, real or false."""
    rows = []
    for label, path in (("committed", bench.JUDGEMENTS), ("heldout", bench.HELDOUT_JUDGEMENTS)):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                if row["verdict"] in ("real", "false"):
                    rows.append((label, row))
    return rows


def injected(catalog: Catalog, entries: list) -> list[tuple[str, object, list[str], str]]:
    """The benchmark's injected wrong terms of a catalog, as bench_checkpo_real's evaluate
    makes them: (tag ending in the concept, entry, new translations, concept) for each."""
    from moci_vocab.checkpo.target_match import tokens

    def strs_of(e) -> list[str]:
        return (
            [e.msgstr_plural[k] for k in sorted(e.msgstr_plural)] if e.msgid_plural else [e.msgstr]
        )

    vocabulary = {t for e in entries for s in strs_of(e) for t in tokens(s)}
    terms = list(catalog.glossary)
    found = []
    for number, e in enumerate(entries):
        source, strs = e.msgid + "\n" + (e.msgid_plural or ""), strs_of(e)
        for english in terms:
            data = catalog.glossary[english]
            if not bench.source_has(source, english, tuple(data.get("not_senses", ()))):
                continue
            if not all(bench.uses(s, data["prefix"], data["term"]) for s in strs):
                continue
            start = zlib.crc32(e.msgid.encode()) % len(terms)
            for step in range(len(terms)):
                other = catalog.glossary[terms[(start + step) % len(terms)]]["term"]
                if other[:3] != data["term"][:3]:
                    new = [bench.replace_word(s, data["prefix"], other, True) for s in strs]
                    if all(new):
                        found.append((f"{number}:a:{english}", e, new, english))
                        break
            decoys = bench.decoys_for(data["term"], data["prefix"], vocabulary, catalog.lang)
            if decoys:
                decoy = decoys[zlib.crc32(e.msgid.encode()) % len(decoys)]
                new = [bench.replace_word(s, data["prefix"], decoy, False) for s in strs]
                if all(new):
                    found.append((f"{number}:b:{english}", e, new, english))
    return found


def checked(catalog: Catalog, path: Path, folder: Path, judgements: dict, tally, key) -> None:
    """check-po's flags on the catalog and on its injected copy (as the benchmark runs them),
    and which of them each signal would drop: flags by verdict, caught injections."""
    import polib

    root = bench.make_root(folder, catalog.lang, catalog.glossary)
    for finding in bench.run_check(root, path):
        msgid, concept = finding.extra["msgid"], finding.concept
        if finding.code not in bench.CODES or concept not in catalog.glossary:
            continue
        row = judgements.get((path.name, msgid, concept))
        verdict = row["verdict"] if row else "unjudged"
        source, target = catalog.texts.get(msgid, (msgid, ""))
        tally[(*key, "flag " + verdict, "flags")] += 1
        for signal, drop in dropped(catalog, concept, source, target).items():
            tally[(*key, "flag " + verdict, signal)] += drop
    entries = [e for e in polib.pofile(str(path)) if e.msgid and not e.obsolete]
    rows = injected(catalog, entries)
    copy = folder / "injected.po"
    line_to_tag = bench.write_po(copy, catalog.lang, [(t, e, s) for t, e, s, _c in rows])
    caught = {
        line_to_tag[f.line]
        for f in bench.run_check(root, copy)
        if f.code in bench.CODES and line_to_tag.get(f.line, "").endswith(f.concept)
    }
    for tag, e, strs, concept in rows:
        tally[(*key, "injected", "flags")] += 1
        if tag in caught:
            tally[(*key, "caught", "flags")] += 1
            source = e.msgid + "\n" + (e.msgid_plural or "")
            drops = dropped(catalog, concept, source, "\n".join(strs), inside=False)
            for signal, drop in drops.items():
                tally[(*key, "caught", signal)] += drop


def main() -> int:
    with_check = "--checked" in sys.argv
    by_file: dict[str, list[dict]] = defaultdict(list)
    for label, row in judged_rows():
        by_file[f"{label}/{row['file']}"].append(row)
    tally: Counter = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for label, data, file in (
            ("committed", bench.DATA, bench.JUDGEMENTS),
            ("heldout", bench.HELDOUT, bench.HELDOUT_JUDGEMENTS),
        ):
            judgements = bench.load_judgements(file)
            for name, lang, path, glossary in bench.catalogs(data, Path(tmp)):
                rows = by_file.get(f"{label}/{path.name}", [])
                if not rows and not with_check:
                    continue
                number = bench.round_of(path.name) if label == "heldout" else 0
                split = "test" if number in TEST_ROUNDS else "design"
                catalog = Catalog(path, lang, glossary)
                for row in rows:
                    if row["concept"] not in glossary:
                        continue
                    inside = row["msgid"] in catalog.texts
                    source, target = catalog.texts.get(row["msgid"], (row["msgid"], row["msgstr"]))
                    tally[(split, lang, row["verdict"], "flags")] += 1
                    drops = dropped(catalog, row["concept"], source, target, inside)
                    for signal, drop in drops.items():
                        tally[(split, lang, row["verdict"], signal)] += drop
                if with_check:
                    folder = Path(tmp) / f"{label}-{name}-{lang}"
                    folder.mkdir()
                    checked(catalog, path, folder, judgements, tally, (split, lang))
    for signal in SIGNALS:
        print(f"signal {signal}: judged flags dropped (real, false), precision before -> after")
        for split in ("design", "test"):
            for lang in bench.LANGS:
                real, false = (tally[(split, lang, v, "flags")] for v in ("real", "false"))
                gone_r, gone_f = (tally[(split, lang, v, signal)] for v in ("real", "false"))
                print(
                    f"  {split:6} {lang}: real {gone_r}/{real}, false {gone_f}/{false}; "
                    f"precision {ratio(real, false, 0, 0)} -> {ratio(real, false, gone_r, gone_f)}"
                )
                if with_check:
                    print_checked(tally, split, lang, signal)
    return 0


def ratio(real: int, false: int, gone_real: int, gone_false: int) -> str:
    """Precision after dropping flags."""
    kept = real - gone_real + false - gone_false
    return f"{(real - gone_real) / kept:.1%}" if kept else "-"


def print_checked(tally: Counter, split: str, lang: str, signal: str) -> None:
    """check-po's own flags (each counted, as the benchmark counts) and recall."""
    count = {v: tally[(split, lang, "flag " + v, "flags")] for v in ("real", "false", "unjudged")}
    gone = {v: tally[(split, lang, "flag " + v, signal)] for v in ("real", "false", "unjudged")}
    injections, caught = (tally[(split, lang, k, "flags")] for k in ("injected", "caught"))
    lost = tally[(split, lang, "caught", signal)]
    print(
        f"    check-po's flags dropped: real {gone['real']}/{count['real']}, false "
        f"{gone['false']}/{count['false']}, unjudged {gone['unjudged']}/{count['unjudged']}; "
        f"precision {ratio(count['real'], count['false'], 0, 0)} -> "
        f"{ratio(count['real'], count['false'], gone['real'], gone['false'])}; recall "
        f"{caught / max(1, injections):.1%} -> {(caught - lost) / max(1, injections):.1%}"
    )


if __name__ == "__main__":
    sys.exit(main())
