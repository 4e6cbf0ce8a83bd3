"""Study (session 27): does what the translation says instead of the term tell real flags
from false ones?

The judges' real flags are mostly positive evidence in the translation: a second word the
catalog also uses for the English word (a rival rendering), the English left
untranslated, a misspelling of the term, another glossary term. A false flag's usual
cause, the concept left implicit, leaves no such trace. This script runs check-po as
`bench_checkpo_real.py` runs it (the same glossaries, the same flags; the unmodified
catalogs only), and computes for every MV601-MV603 flag, from the catalog and its
glossary only (never from a judgement):

- ``english``: the msgstr holds the concept's English word (or its plural) as a word;
- ``near``: a msgstr word within two edits of the term that is not a form of it, by the
  benchmark's own definition of a near-miss decoy (`bench_checkpo_real.decoys_for`);
- ``other``: the msgstr holds another glossary concept's term (check-po's matcher) whose
  English word is not in the msgid (`bench_checkpo_real.source_has`);
- ``rival``: the msgstr word, cut to its shortest stem as the builder groups a word's
  forms (`build_checkpo_real_data.shortest_stems`), that the catalog's OTHER entries
  associate most with the concept's English word: ``rival_n`` entries with both,
  ``rival_share`` the share of the stem's entries whose msgid has the English word (a
  word used everywhere, the verb for "Open", has a low one), ``rival_dice``, and
  ``rival_best`` whether the English word is, among the msgid's words, the one the stem
  is most associated with (otherwise it renders another word of the msgid);
- ``misspelt``: a rare msgstr word (in MISSPELT_RARE entries or fewer) within two edits
  (a swap of two letters is one) of a form of the term that the catalog writes more often,
  differing inside the word, not in its ending (`_inside`);
- ``own``: a msgstr word that starts with the term's stem (the decoys' "not a form"
  stem) — a form or derivation of the term that check-po does not read: evidence of a
  FALSE flag, printed apart and never counted as evidence of a real one;
- printed but left out of the union (they separate nothing on the design set): ``other``,
  ``unexplained`` (a msgstr stem that no word of the msgid aligns with), ``assoc`` (a
  looser rival: the stem whose entries have the English word most often, aligned with it
  at least half as well as with another word of the msgid) and ``short`` (a translation
  much shorter than the catalog's usual one).

Flags are cached in a TSV (a few minutes to make): by default
/tmp/study_checkpo_evidence-HASH.tsv, HASH a digest of what the flags depend on (the code and
data of the moci_vocab that makes them, the benchmark's, the glossaries, catalogs and
judgements, the rounds: `fingerprint`), so that a change makes a new one; ``--cache FILE``
names one to reuse as it is. Printed per language and per set: judged real / false among
flags with and without each kind of evidence and their union (`RULES`, thresholds frozen
before the test rounds were read), and precision over all flags and over the flags with
evidence only:

    python benchmarks/study_checkpo_evidence.py [--cache FILE] [--test] [--round N]
        [--list FEATURE]

The design set is the committed catalogs (round 0) and held-out rounds 1-26; ``--test``
adds rounds 27 and 28 (judged blind, read once after the design was frozen); ``--round N``
a later round (29: session 27's blind round). ``--list FEATURE`` prints the design set's
judged flags with that evidence (or ``none``), with their reasons, to read. Result:
docs/check-po-journal.md, "Session 27: evidence in the translation".
"""

from __future__ import annotations

import collections
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_checkpo_real as bench
import build_checkpo_real_data as builder

TEST_ROUNDS = (27, 28)
LAST_ROUND = TEST_ROUNDS[-1]  # rounds past it only with --round
FIELDS = ("file", "round", "lang", "code", "concept", "term", "verdict", "reason", "msgid",
          "msgstr", "english", "near", "misspelt", "other", "own", "rival", "rival_n",
          "rival_share", "rival_dice", "rival_best", "unexplained", "short", "assoc", "assoc_n",
          "assoc_share", "assoc_ratio")  # fmt: skip
MISSPELT_LETTERS = 5  # a misspelling: a word this long or longer ...
MISSPELT_RARE = 2  # ... in this many entries or fewer, near a form written more often
RIVAL_COMMON = 0.05  # a stem in more than this share of the entries is no rival
UNEXPLAINED_DICE = 0.1  # a stem this weakly aligned with every word of the msgid ...
UNEXPLAINED_COMMON = 0.02  # ... and in at most this share of the entries (no function word)


class _Evidence:
    """What a catalog's other entries say about its words: the index the features read."""

    def __init__(self, rows: list[tuple[str, list[str]]], lang: str, glossary: dict) -> None:
        from moci_vocab.checkpo.inflection import for_language
        from moci_vocab.checkpo.target_match import TargetMatcher, compile_term

        self.lang = lang
        self.glossary = glossary
        self.english, self.target = builder._sides(rows)
        self.group = builder.shortest_stems(self.target, lang)
        self.by_word: dict[str, set[int]] = collections.defaultdict(set)
        for i, words in enumerate(self.english):
            for w in words:
                self.by_word[w].add(i)
        self.by_group: dict[str, set[int]] = collections.defaultdict(set)
        for i, toks in enumerate(self.target):
            for t in toks:
                self.by_group[self.group[t]].add(i)
        self.vocabulary = collections.Counter(t for toks in self.target for t in toks)
        self.forms: dict[str, list[tuple[str, int]]] = {}
        # (the catalog's usual length of a translation against its msgid: the median)
        self.rows = rows
        ratios = sorted(len(strs[0]) / max(1, len(source)) for source, strs in rows)
        self.ratio = ratios[len(ratios) // 2] if ratios else 1.0
        self.matcher = TargetMatcher(for_language(lang))
        self.terms = {
            english: compile_term(data["term"], "preferred", [], self.matcher.infl)
            for english, data in glossary.items()
        }

    def english_rows(self, word: str) -> set[int]:
        """The entries whose msgid has the English word or its plural."""
        return (
            self.by_word.get(word, set())
            | self.by_word.get(word + "s", set())
            | (self.by_word.get(word + "es", set()))
        )

    def features(self, i: int | None, concept: str, msgid: str, msgstr: str) -> dict:
        """The flag's evidence (module docstring); ``i`` is its entry (None: not found)."""
        from moci_vocab.checkpo.target_match import Translation, tokens

        data = self.glossary[concept]
        term, prefix = data["term"], data.get("prefix", data["term"])
        words = set(tokens(msgstr))
        english = sorted(words & {concept, concept + "s", concept + "es"})
        near = bench.decoys_for(term, prefix, words, self.lang, concept)
        stem = prefix[: max(3, len(prefix) - 1)]
        misspelt = self._misspelt(concept, words)
        own = sorted(w for w in words if w.startswith(stem) and w not in misspelt)
        translation = Translation(msgstr)
        other = sorted(
            english_other
            for english_other, patterns in self.terms.items()
            if english_other != concept
            and any(self.matcher.find(translation, p) for p in patterns)
            and not bench.source_has(msgid, english_other, tuple(self.glossary[english_other]
                                                                  .get("not_senses", ())))
        )  # fmt: skip
        found = {
            "english": " ".join(english),
            "near": " ".join(near),
            "misspelt": " ".join(misspelt),
            "other": " ".join(other),
            "own": " ".join(own),
        }
        # (a translation much shorter than the catalog's usual: something left out)
        source, strs = self.rows[i] if i is not None else (msgid, [msgstr])
        found["short"] = round(len(strs[0]) / max(1, len(source)) / self.ratio, 3)
        return found | self._alignment(i, concept, stem)

    def _misspelt(self, concept: str, words: set[str]) -> list[str]:
        """The msgstr's rare words (MISSPELT_RARE entries or fewer) within two edits
        (a swap of two letters is one) of a form of the term the catalog writes more often,
        not themselves a form of it."""
        from rapidfuzz.distance import OSA

        if concept not in self.forms:
            specs = [s for p in self.terms[concept] for s in p.words if s is not None]
            self.forms[concept] = [
                (w, n)
                for w, n in self.vocabulary.items()
                if any(self.matcher.word_matches(w, s) for s in specs)
            ]
        found = []
        for w in sorted(words):
            rare = self.vocabulary.get(w, 0)
            if len(w) < MISSPELT_LETTERS or rare > MISSPELT_RARE:
                continue
            if any(w == f for f, _n in self.forms[concept]):
                continue
            if any(
                n > rare and _inside(w, f) and OSA.distance(w, f, score_cutoff=2) <= 2
                for f, n in self.forms[concept]
            ):
                found.append(w)
        return found

    def _alignment(self, i: int | None, concept: str, stem: str) -> dict:
        """What the catalog's other entries align the msgstr's stems with: the stem most
        associated with the English word (``rival``), and the stems that no word of the
        msgid explains (``unexplained``)."""
        none = {"rival": "", "rival_n": 0, "rival_share": 0.0, "rival_dice": 0.0,
                "rival_best": 0, "unexplained": "", "assoc": "", "assoc_n": 0,
                "assoc_share": 0.0, "assoc_ratio": 0.0}  # fmt: skip
        if i is None:
            return none
        rows_e = self.english_rows(concept) - {i}
        forms = (concept, concept + "s", concept + "es")
        others = {w for w in self.english[i] if w not in forms and len(self.by_word[w]) > 1}
        common = UNEXPLAINED_COMMON * len(self.english)
        best, assoc, unexplained = None, None, []
        for group in sorted({self.group[t] for t in self.target[i] if not t.startswith(stem)}):
            rows_g = self.by_group[group] - {i}
            both = len(rows_g & rows_e)
            dice = 2 * both / (len(rows_e) + len(rows_g)) if rows_e or rows_g else 0.0
            # (is the English word the msgid's word this stem goes with, or another one?)
            other_dice = max(
                (
                    2 * len(rows_g & self.by_word[w]) / (len(self.by_word[w]) - 1 + len(rows_g))
                    for w in others
                ),
                default=0.0,
            )
            if max(dice, other_dice) < UNEXPLAINED_DICE and len(rows_g) <= common:
                unexplained.append(group)
            # (a particle or a word of every other entry is no rendering: sq të, ka და)
            if not both or len(group) < 3 or len(rows_g) > RIVAL_COMMON * len(self.english):
                continue
            key = (dice >= other_dice, dice, group)
            if best is None or key > best[0]:
                best = (key, group, both, both / len(rows_g), dice)
            # (and the stem whose entries have the English word most often, best or not)
            if both >= RIVAL_N and (assoc is None or (both / len(rows_g), both) > assoc[0]):
                assoc = ((both / len(rows_g), both), group, dice / max(other_dice, 1e-9))
        found = {key: none[key] for key in ("assoc", "assoc_n", "assoc_share", "assoc_ratio")}
        found["unexplained"] = " ".join(unexplained)
        if assoc is not None:
            (share, both), group, ratio = assoc
            found |= {"assoc": group, "assoc_n": both, "assoc_share": round(share, 3),
                      "assoc_ratio": round(min(ratio, 99.0), 3)}  # fmt: skip
        if best is None:
            return none | found
        (is_best, _d, _g), group, both, share, dice = best
        return found | {"rival": group, "rival_n": both, "rival_share": round(share, 3),
                        "rival_dice": round(dice, 3), "rival_best": int(is_best)}  # fmt: skip


def _inside(word: str, form: str) -> bool:
    """Do the two words differ inside (the same first and last letters, and a difference
    before the last two), as a misspelling does, not only in the ending, as another form
    or a derivation does (sq *poston*, *postim*; *lidhe*, *lidhje*)?"""
    start = 0
    while start < min(len(word), len(form)) and word[start] == form[start]:
        start += 1
    return word[0] == form[0] and word[-1] == form[-1] and start < len(form) - 2


def make_cache(path: Path, extra_round: int | None) -> None:
    """Every current flag of the committed and held-out catalogs (rounds up to LAST_ROUND,
    and ``extra_round``) with its verdict, reason and evidence."""
    import polib

    out = []
    for number, lang, po_path, glossary, judgements, found in bench.flagged_catalogs(
        LAST_ROUND, extra_round
    ):
        if not found:
            continue
        where: dict[tuple, int] = {}
        rows = builder._rows_of(polib.pofile(str(po_path)), where)
        evidence = _Evidence(rows, lang, glossary)
        for f in found:
            msgid, msgctxt = f.extra["msgid"], f.extra["msgctxt"]
            i = where.get((msgctxt, msgid))
            msgstr = "\n".join(rows[i][1]) if i is not None else ""
            verdict = judgements.get((po_path.name, msgid, f.concept), {})
            out.append(
                {
                    "file": po_path.name,
                    "round": number,
                    "lang": lang,
                    "code": f.code,
                    "concept": f.concept,
                    "term": glossary[f.concept]["term"],
                    "verdict": verdict.get("verdict", ""),
                    "reason": verdict.get("reason", ""),
                    "msgid": msgid,
                    "msgstr": msgstr,
                    **evidence.features(i, f.concept, msgid, msgstr),
                }
            )
        print(po_path.name, len(found), file=sys.stderr)
    bench.write_tsv(path, FIELDS, out)


def load(path: Path) -> list[dict]:
    """The cached flags (make_cache), their numbers as numbers."""
    ints = ("round", "rival_n", "rival_best", "assoc_n")
    return bench.read_tsv(path, ints, ("rival_share", "rival_dice", "short", "assoc_share",
                                       "assoc_ratio"))  # fmt: skip


def fingerprint(extra_round: int | None) -> str:
    """What the cached flags depend on (`bench.flags_key`), with the rounds read."""
    return bench.flags_key(Path(__file__), LAST_ROUND, extra_round)


# The evidence of a real flag, each kind alone; thresholds set on the design set only.
RIVAL_N = 2  # other entries with both the stem and the English word
RIVAL_SHARE = 0.1  # the share of the stem's entries whose msgid has the English word
ASSOC_SHARE = 0.5  # a looser rival: this share of its entries have the English word ...
ASSOC_RATIO = 0.5  # ... and its Dice with it at least this part of that with another word
SHORT = 0.4  # a translation this short against the catalog's usual (median) ratio
RULES = {
    "english": lambda r: bool(r["english"]),
    "near": lambda r: bool(r["near"]),
    "misspelt": lambda r: bool(r["misspelt"]),
    "other": lambda r: bool(r["other"]),
    "rival": lambda r: bool(
        r["rival_best"] and r["rival_n"] >= RIVAL_N and r["rival_share"] >= RIVAL_SHARE
    ),
    "unexplained": lambda r: bool(r["unexplained"]),
    "assoc": lambda r: r["assoc_share"] >= ASSOC_SHARE and r["assoc_ratio"] >= ASSOC_RATIO,
    "short": lambda r: r["short"] < SHORT,
}
# The kinds whose union is the evidence (another term and an unexplained word separate
# nothing on the design set: see the tables, docs/check-po-journal.md).
EVIDENCE = ("english", "near", "misspelt", "rival")


def evident(r: dict) -> bool:
    """Does the flag have any evidence of a real inconsistency (the union of RULES)?"""
    return any(RULES[name](r) for name in EVIDENCE)


def _cell(rows: list[dict]) -> str:
    """judged real/false (and unjudged) of the rows."""
    real = sum(r["verdict"] == "real" for r in rows)
    false = sum(r["verdict"] == "false" for r in rows)
    return f"{real}/{false} (+{len(rows) - real - false})"


def _precision(rows: list[dict]) -> str:
    """real / judged of the rows, as a percentage."""
    real = sum(r["verdict"] == "real" for r in rows)
    judged = real + sum(r["verdict"] == "false" for r in rows)
    return f"{real}/{judged} = {real / judged:.1%}" if judged else "-"


def report(rows: list[dict], label: str) -> None:
    """Per language: real/false with and without each kind of evidence, and precision."""
    print(f"\n=== {label}: judged real/false (+unjudged)")
    for lang in bench.LANGS:
        mine = [r for r in rows if r["lang"] == lang]
        if not mine:
            continue
        print(f"  {lang}: {len(mine)} flags, {_cell(mine)}, precision {_precision(mine)}")
        for name, rule in (*RULES.items(), ("union", evident), ("own (false)", _own)):
            with_it = [r for r in mine if rule(r)]
            without = [r for r in mine if not rule(r)]
            print(
                f"    {name:<12} with {_cell(with_it):<18} precision {_precision(with_it):<20}"
                f" without {_cell(without):<18} precision {_precision(without)}"
            )
        gone = [r for r in mine if demoted(r)]
        print(
            f"    candidate B demotes {_cell(gone)};"
            f" precision of the rest {_precision([r for r in mine if not demoted(r)])}"
        )
        none = [r for r in mine if not evident(r)]
        judged_none = [r for r in none if r["verdict"] in ("real", "false")]
        false_none = sum(r["verdict"] == "false" for r in judged_none)
        print(
            f"    without evidence: {len(none)} of {len(mine)} flags"
            f" ({len(none) / len(mine):.1%}), of the judged {false_none}/{len(judged_none)}"
            f" false ({false_none / max(1, len(judged_none)):.1%});"
            f" precision kept with evidence only {_precision([r for r in mine if evident(r)])}"
        )


def _own(r: dict) -> bool:
    """A msgstr word on the term's stem (evidence of a false flag)."""
    return bool(r["own"])


def demoted(r: dict) -> bool:
    """Candidate B (made after reading rounds 27-28, for round 29): a flag whose msgstr
    has a word on the term's stem (``own``: a derivation or an unread form) and no
    evidence of a real inconsistency is demoted."""
    return _own(r) and not evident(r)


def per_round(rows: list[dict], rounds, kept=evident, label: str = "with evidence only") -> None:
    """Per round and language: precision before, after dropping the flags not ``kept``,
    and the judged real / false flags that would go."""
    print(f"\nper round: precision all -> {label}; real / false dropped")
    for number in rounds:
        cells = []
        for lang in bench.LANGS:
            mine = [r for r in rows if r["round"] == number and r["lang"] == lang]
            dropped = [r for r in mine if not kept(r)]
            cells.append(
                f"{lang} {_precision(mine)} -> {_precision([r for r in mine if kept(r)])}"
                f" drops {sum(r['verdict'] == 'real' for r in dropped)}/"
                f"{sum(r['verdict'] == 'false' for r in dropped)}"
            )
        print(f"  round {number}: " + "; ".join(cells))


def listing(rows: list[dict], feature: str) -> None:
    """The judged flags with that evidence (``none``: without any), to read."""
    rule = (lambda r: not evident(r)) if feature == "none" else RULES.get(feature, _own)
    for r in rows:
        if r["verdict"] in ("real", "false") and rule(r):
            said = {
                k: r[k]
                for k in ("english", "near", "misspelt", "other", "own", "rival", "unexplained")
                if r[k]
            }
            print(
                f"{r['verdict']:<5} {r['file']} {r['concept']}={r['term']} {said}"
                f" n={r['rival_n']} share={r['rival_share']} best={r['rival_best']}\n"
                f"      {r['msgid'][:80]!r} → {r['msgstr'][:80]!r}\n      {r['reason'][:160]}"
            )


def main() -> int:
    args = sys.argv[1:]
    extra = int(args[args.index("--round") + 1]) if "--round" in args else None
    cache = Path(args[args.index("--cache") + 1]) if "--cache" in args else None
    default = f"study_checkpo_evidence-{fingerprint(extra)}.tsv"  # (a stale one is not read)
    cache = cache or Path(tempfile.gettempdir()) / default
    if not cache.exists():
        make_cache(cache, extra)
    rows = load(cache)
    design = [r for r in rows if r["round"] < TEST_ROUNDS[0]]
    if "--list" in args:
        listing(design, args[args.index("--list") + 1])
        return 0
    sets = {
        "committed catalogs": [r for r in rows if r["round"] == 0],
        f"design (committed, rounds 1-{TEST_ROUNDS[0] - 1})": design,
    }
    if "--test" in args:
        sets[f"test (rounds {TEST_ROUNDS[0]}-{TEST_ROUNDS[-1]})"] = [
            r for r in rows if r["round"] in TEST_ROUNDS
        ]
    if extra is not None:
        sets[f"round {extra}"] = [r for r in rows if r["round"] == extra]
        if not sets[f"round {extra}"]:
            print(f"no flags of round {extra} in {cache}: delete it to make it again")
    for label, chosen in sets.items():
        report(chosen, label)
    rounds = sorted({r["round"] for r in rows if r["round"] < TEST_ROUNDS[0]})
    rounds += list(TEST_ROUNDS) if "--test" in args else []
    rounds += [extra] if extra is not None else []
    per_round(rows, rounds)
    b = "without candidate B's demoted flags (own, no evidence)"
    per_round(rows, rounds, lambda r: not demoted(r), b)
    return 0


if __name__ == "__main__":
    sys.exit(main())
