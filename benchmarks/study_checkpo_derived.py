"""Study (session 26): how many current check-po flags are a derived form of the term?

The judges' reasons name a derivation (an adjective, a participle, a verbal noun, an agent
noun: "the term's adjective: a form of the term") for a share of the judged-false flags of
the held-out rounds. This script runs check-po as `bench_checkpo_real.py` runs it (the
same glossaries, the same flags), on the unmodified catalogs only (no injections: about a
minute for every file), and writes every flag with its verdict and reason as TSV. From it,
it prints the judged flags whose reason names a derivation, by language, kind and set:
the design set (the committed catalogs, round 0 here, and held-out rounds 1-26) and the
test round (27, the blind round of session 25).

    python benchmarks/study_checkpo_derived.py [--out FILE] [--round N] [--against FILE]

``--out FILE``: where the flags go (default /tmp/study_checkpo_derived.tsv);
``--round N``: also held-out round N (past 27, when its judgements may be read; repeat it
for several rounds: ``--round 28 --round 29``);
``--against FILE``: a flags TSV of another tree (this script run there): the flags that
go and come, by set, language and verdict, each listed. Result: docs/check-po-journal.md,
"Session 26".
"""

from __future__ import annotations

import collections
import itertools
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_checkpo_real as bench

TEST_ROUND = 27
FIELDS = ("file", "round", "lang", "code", "concept", "term", "verdict", "reason", "msgid",
          "msgstr")  # fmt: skip
# The kinds of derivation a reason names, the first that matches.
KINDS = (
    ("participle", r"participle"),
    ("verbal noun", r"verbal noun|action noun|noun derived|derived noun|abstract noun"),
    ("adjective", r"adjective"),
    ("agent noun", r"agent noun"),
    ("other", r"derived|derivation"),
)
DERIVED = re.compile("|".join(pattern for _kind, pattern in KINDS), re.IGNORECASE)


def flags(extra_round: int | tuple[int, ...] | None) -> list[dict]:
    """Every MV601-MV603 flag of the committed and held-out catalogs (rounds up to
    TEST_ROUND, and ``extra_round``: one or several), with the verdict and reason of its
    judgement."""
    import polib

    rows = []
    for number, lang, path, glossary, judgements, found in bench.flagged_catalogs(
        TEST_ROUND, extra_round
    ):
        said = {
            (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0, "")
            for e in polib.pofile(str(path))
        }
        for f in found:
            verdict = judgements.get((path.name, f.extra["msgid"], f.concept), {})
            values = (path.name, number, lang, f.code, f.concept)
            values += (glossary[f.concept]["term"], verdict.get("verdict", ""))
            values += (verdict.get("reason", ""), f.extra["msgid"])
            values += (said.get((f.extra["msgctxt"], f.extra["msgid"]), ""),)
            rows.append(dict(zip(FIELDS, values, strict=True)))
    return rows


def kind_of(reason: str) -> str | None:
    """The kind of derivation a judgement's reason names, if any."""
    return next((kind for kind, pattern in KINDS if re.search(pattern, reason, re.I)), None)


def part(row: dict) -> str:
    """The set a flag belongs to: design, test (TEST_ROUND) or a later round."""
    number = int(row["round"])
    return "design" if number < TEST_ROUND else f"round {number}"


def table(rows: list[dict]) -> None:
    """The judged flags whose reason names a derivation, by set, language and kind."""
    counts: collections.Counter = collections.Counter()
    clusters: dict[tuple, collections.Counter] = collections.defaultdict(collections.Counter)
    false_flags: collections.Counter = collections.Counter()
    for row in rows:
        if row["verdict"] == "false":
            false_flags[(part(row), row["lang"])] += 1
        if row["verdict"] not in ("real", "false") or not DERIVED.search(row["reason"]):
            continue
        counts[(part(row), row["lang"], kind_of(row["reason"]), row["verdict"])] += 1
        if row["verdict"] == "false":
            clusters[(part(row), row["lang"])][(row["file"], row["concept"])] += 1
    for (where, lang), found in sorted(clusters.items()):
        total = sum(found.values())
        kinds = ", ".join(
            f"{kind} {counts[(where, lang, kind, 'false')]}"
            for kind, _pattern in KINDS
            if counts[(where, lang, kind, "false")]
        )
        real = sum(n for (w, la, _k, v), n in counts.items() if (w, la, v) == (where, lang, "real"))
        largest = ", ".join(f"{file} {concept} x{n}" for (file, concept), n in found.most_common(3))
        print(
            f"{where:>9} {lang}: {total} judged false of {false_flags[(where, lang)]} ({kinds});"
            f" {real} judged real; {len(found)} (catalog, concept) pairs, the largest: {largest}"
        )


def compare(before: list[dict], after: list[dict]) -> None:
    """The flags that go from ``before`` to ``after`` and those that come, listed and
    counted by set, language and verdict."""

    def key(row: dict) -> tuple:
        return (row["file"], row["code"], row["concept"], row["msgid"])

    old = collections.Counter(key(row) for row in before)
    new = collections.Counter(key(row) for row in after)
    rows = {key(row): row for row in (*before, *after)}
    tally: collections.Counter = collections.Counter()
    for what, changed in (("gone", old - new), ("came", new - old)):
        for found, times in sorted(changed.items()):
            row = rows[found]
            verdict = row["verdict"] or "unjudged"
            tally[(what, part(row), row["lang"], verdict)] += times
            print(
                f"{what} {part(row)} {verdict} x{times} {row['file']} {row['concept']}: "
                f"{row['msgid'][:70]!r} → {row['msgstr'][:70]!r}"
            )
    for (what, where, lang, verdict), times in sorted(tally.items()):
        print(f"{what:>5} {where:>9} {lang} {verdict}: {times}")
    if not tally:
        print("the same flags")


def main() -> int:
    args = sys.argv[1:]
    out = Path(args[args.index("--out") + 1]) if "--out" in args else None
    out = out or Path(tempfile.gettempdir()) / "study_checkpo_derived.tsv"
    extra = tuple(int(value) for flag, value in itertools.pairwise(args) if flag == "--round")
    rows = flags(extra)
    bench.write_tsv(out, FIELDS, rows)
    print(f"{len(rows)} flags → {out}")
    if "--against" in args:
        before = bench.read_tsv(Path(args[args.index("--against") + 1]))
        compare(before, [{**row, "round": str(row["round"])} for row in rows])
    else:
        table([{**row, "round": str(row["round"])} for row in rows])
    return 0


if __name__ == "__main__":
    sys.exit(main())
