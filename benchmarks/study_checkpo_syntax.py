"""Study (session 18): does the English syntax of a term's use tell an implicit concept from a miss?

The biggest class of judged-false check-po flags is a concept the translation leaves
implicit ("Open an image file" said "open an image"). Session 15 tried the catalog's word
statistics (`study_checkpo_signal.py`) and found no signal. This script tries the English
side: where the term stands in the msgid. For every judged flag of `checkpo_judgements.tsv`
and `checkpo_heldout_judgements.tsv` (real or false; the later judgement of a flag wins) it
asks whether every use of the term in the msgid stands in one of these positions, and
prints the judged real / false flags in each, per language, on the design rounds
(committed catalogs and held-out rounds 1-22) and, with ``--test``, on round 23:

- ``modifier``: the term modifies the next word ("site exceptions", "mail server"), as
  check-po's own adjective rule decides (`verbal._modifies`);
- ``modifier, head found``: the same, and the next word is another glossary concept of
  the catalog whose target term is in the msgstr (the head translated, the modifier left);
- ``imperative, one word``: a msgid of two or three words, the term after its first word
  and last, and a msgstr of one word ("Save review" said "Save");
- ``after a possessive``: your, my, his, her, its, our, their, or 's before it;
- ``prepositional complement``: a preposition before it, a determiner between or not
  ("in your country");
- ``deixis``: this, that, these or those before it;
- ``term dropped``: the msgstr is the catalog's own translation of the msgid with the
  term's one use taken out, alone, with the determiners before it, or with a preposition
  before those ("Delete message" said წაშლა, the catalog's "Delete"; compared as labels:
  casefolded, mnemonics and end punctuation off);
- ``head after a modifier``: a content word before it that is not the msgid's first;
- ``short label`` (three words or fewer) and ``in a sentence`` (six or more);
- ``a word short``: not a position, the target side's count: the msgstr has fewer words
  than the msgid has content words (no word stands where the term was; an injected wrong
  term or a synonym keeps the count), alone and in a short label;
- ``every word rendered alone``: every msgstr word is a form of the catalog's translation
  of another content word of the msgid said alone (a one-word msgid).

Result (docs/check-po-journal.md, "English syntax of the term's use"): every position holds
judged-real and judged-false flags at about the base ratio, on the design rounds and on
round 23; the two richer in false flags (a short imperative said in one word; the term
dropped) are small and take 2 of round 23's 279 false flags (and no real one). The word
count is a better signal (2-4 times the base ratio), but in a short label, where it takes
10 of round 23's false flags for one real one, it takes 32 judged-real flags on the design
rounds (synonyms beside a dropped word). A msgstr made only of the catalog's renderings of
the msgid's other words said alone is the cleanest (2 real / 49 false on the design rounds)
and takes 2 of round 23's false flags and no real one. No rule was made.
Usage: ``python benchmarks/study_checkpo_syntax.py [--test] [--rows POSITION]``.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_checkpo_real as bench
from study_checkpo_signal import FUNCTION_WORDS

from moci_vocab.checkpo.source_match import english_variants
from moci_vocab.checkpo.verbal import _modifies

TEST_ROUND = 23
WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
POSSESSIVES = frozenset({"your", "my", "his", "her", "its", "our", "their"})
DEICTICS = frozenset({"this", "that", "these", "those"})
PREPOSITIONS = frozenset({
    "in", "on", "to", "from", "for", "with", "at", "of", "into", "onto", "by", "about",
    "over", "under", "without", "within", "through", "via", "per",
})  # fmt: skip
DETERMINERS = POSSESSIVES | DEICTICS | {"the", "a", "an", "any", "each", "every", "all", "no"}
POSITIONS = (
    "modifier",
    "modifier, head found",
    "imperative, one word",
    "after a possessive",
    "prepositional complement",
    "deixis",
    "term dropped",
    "head after a modifier",
    "short label",
    "in a sentence",
    "a word short",
    "a word short, short label",
    "every word rendered alone",
)
STEM = 5  # letters of a target word that stand for its stem (study_checkpo_signal's)
ENDING = 4  # letters a form may have beyond the word it is a form of (more: a compound)
FUNCTION = POSSESSIVES | DETERMINERS | PREPOSITIONS | {
    "and", "or", "is", "are", "be", "not", "can", "will", "you", "it", "as", "if", "when",
}  # fmt: skip
MNEMONIC = re.compile(r"[_&~]")
PLACEHOLDER = re.compile(r"%\w|\$\d|\{[^}]*\}|<[^>]*>")


def load_rows() -> list[dict]:
    """Every judged flag (real or false), the later judgement of the same flag winning, with
    its language and round (0: the committed catalogs)."""
    rows: dict[tuple[str, str, str], dict] = {}
    for path, heldout in ((bench.JUDGEMENTS, False), (bench.HELDOUT_JUDGEMENTS, True)):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                row["round"] = bench.round_of(row["file"]) if heldout else 0
                row["lang"] = row["file"].removesuffix(".po").rsplit("-", 1)[1]
                rows[(row["file"], row["msgid"], row["concept"])] = row
    return [r for r in rows.values() if r["verdict"] in ("real", "false") and r["concept"]]


def load_glossaries() -> dict[str, dict]:
    """The benchmark's glossary of each catalog file (``name-lang.po``)."""
    found = {}
    for folder in (bench.DATA, bench.HELDOUT):
        data = json.loads((folder / "glossaries.json").read_text(encoding="utf-8"))
        found.update({f"{key}.po": value for key, value in data.items()})
    return found


def uses_of(msgid: str, term: str) -> list[tuple[int, int]]:
    """(start, end) of each use of the English term (a noun form of it) in the msgid."""
    low = msgid.casefold()
    spans = set()
    for variant in english_variants(term, "noun"):
        words = variant.split()
        pattern = r"(?<![^\W_])" + r"[\s-]+".join(map(re.escape, words)) + r"(?![^\W_])"
        spans.update((m.start(), m.end()) for m in re.finditer(pattern, low))
    return sorted(spans)


def word_before(text: str, start: int) -> tuple[str, str]:
    """The word before ``start`` and the one before it, casefolded ('' where none)."""
    words = WORDS.findall(text[max(0, start - 60) : start].casefold())
    return (words[-1] if words else "", words[-2] if len(words) >= 2 else "")


def head_found(msgid: str, end: int, msgstr: str, glossary: dict, term: str) -> bool:
    """Is the word after the term another concept of the catalog's glossary (its noun forms)
    whose target term is in the msgstr?"""
    following = WORDS.findall(msgid[end : end + 60])
    if not following:
        return False
    head = following[0].casefold()
    for english, data in glossary.items():
        if english == term or " " in english:
            continue
        if head in {v.strip() for v in english_variants(english, "noun")}:
            return bench.uses(msgstr, data["prefix"], data["term"])
    return False


_catalogs: dict[str, dict[str, set[str]]] = {}


def normal(text: str) -> str:
    """A text compared as a label: casefolded, mnemonics, spaces and end punctuation off."""
    text = " ".join(MNEMONIC.sub("", text).casefold().split())
    return text.rstrip(" .:…։").strip()


def translations(file: str) -> dict[str, set[str]]:
    """The catalog file's translations (normalised) of each normalised msgid."""
    if file not in _catalogs:
        import lzma

        import polib

        for folder in (bench.DATA, bench.HELDOUT):
            path = folder / file
            if path.exists():
                text = path.read_text(encoding="utf-8")
                break
            if path.with_suffix(".po.xz").exists():
                text = lzma.decompress(path.with_suffix(".po.xz").read_bytes()).decode("utf-8")
                break
        else:
            raise FileNotFoundError(file)
        found: dict[str, set[str]] = {}
        for entry in polib.pofile(text):
            if entry.msgid and entry.msgstr and not entry.obsolete:
                found.setdefault(normal(entry.msgid), set()).add(normal(entry.msgstr))
        _catalogs[file] = found
    return _catalogs[file]


def reductions(msgid: str, start: int, end: int) -> list[str]:
    """The msgid without the term's use: alone, with the determiners before it, and with a
    preposition before those ("Print this message" → "Print", "Search for files" → "Search")."""
    before, after = msgid[:start], msgid[end:]
    found = [before + after]
    words = before.rstrip().rsplit(None, 1)
    while len(words) == 2 and MNEMONIC.sub("", words[1]).casefold() in DETERMINERS:
        before = words[0] + " "
        words = before.rstrip().rsplit(None, 1)
        found.append(before + after.lstrip())
    if len(words) == 2 and MNEMONIC.sub("", words[1]).casefold() in PREPOSITIONS:
        found.append(words[0] + " " + after.lstrip())
    return found


def term_dropped(row: dict, spans: list[tuple[int, int]], catalog: dict[str, set[str]]) -> bool:
    """Is the msgstr the catalog's translation of the msgid with the term's one use taken
    out ("Delete message" said "Delete", the catalog's rendering of "Delete")? ``catalog``:
    `translations` of the flag's catalog file."""
    if len(spans) != 1:
        return False
    target = normal(row["msgstr"])
    for reduced in reductions(row["msgid"], *spans[0]):
        key = normal(reduced)
        if key and target in catalog.get(key, ()):
            return True
    return False


def short_of_a_word(msgid: str, msgstr: str) -> bool:
    """Has the msgstr fewer words than the msgid has content words (function words,
    mnemonics and placeholders left out): no word stands where one of them was? (An injected
    wrong term or a synonym keeps the count; a concept left out does not.)"""
    english = WORDS.findall(PLACEHOLDER.sub(" ", MNEMONIC.sub("", msgid)))
    content = [w for w in english if w.casefold() not in FUNCTION_WORDS]
    return len(WORDS.findall(PLACEHOLDER.sub(" ", msgstr))) < len(content)


def rendered_alone(row: dict, spans: list[tuple[int, int]], catalog: dict[str, set[str]]) -> bool:
    """Is every msgstr word a form of the catalog's translation of another content word of
    the msgid said alone ("Delete message" said წაშლა, the catalog's "Delete": the msgstr is
    made of the other words' renderings, the term implicit)? A form: the same first five
    letters and at most four letters more (K3b's აუდიობილიკი is a compound, no form of
    აუდიო)."""
    rest = row["msgid"]
    for start, end in reversed(spans):
        rest = rest[:start] + " " + rest[end:]
    others = {w.casefold() for w in WORDS.findall(MNEMONIC.sub("", rest))} - FUNCTION_WORDS
    known = {w for o in others for t in catalog.get(o, ()) for w in WORDS.findall(t)}
    words = [w.casefold() for w in WORDS.findall(PLACEHOLDER.sub(" ", row["msgstr"]))]
    return bool(words) and all(
        any(w[:STEM] == k[:STEM] and len(w) <= len(k) + ENDING for k in known) for w in words
    )


def positions(row: dict, glossary: dict, catalog: dict[str, set[str]]) -> set[str] | None:
    """The positions every use of the row's term in its msgid stands in (None: the term is
    not found in the msgid); ``glossary`` and ``catalog``: the benchmark's glossary and the
    `translations` of the flag's catalog file."""
    msgid, msgstr, term = row["msgid"], row["msgstr"], row["concept"]
    spans = uses_of(msgid, term)
    if not spans:
        return None
    words = WORDS.findall(msgid)
    held: list[set[str]] = []
    for start, end in spans:
        found = set()
        if _modifies(msgid, end):
            found.add("modifier")
            if head_found(msgid, end, msgstr, glossary, term):
                found.add("modifier, head found")
        before, second = word_before(msgid, start)
        if (
            2 <= len(words) <= 3
            and start > 0
            and not WORDS.findall(msgid[end:])
            and len(WORDS.findall(msgstr)) == 1
        ):
            found.add("imperative, one word")
        if before in POSSESSIVES or before.endswith(("'s", "’s")):
            found.add("after a possessive")
        if before in PREPOSITIONS or (before in DETERMINERS and second in PREPOSITIONS):
            found.add("prepositional complement")
        if before in DEICTICS:
            found.add("deixis")
        if before and before not in FUNCTION and len(WORDS.findall(msgid[:start])) >= 2:
            found.add("head after a modifier")
        if len(words) <= 3:
            found.add("short label")
        if len(words) >= 6:
            found.add("in a sentence")
        held.append(found)
    found = set.intersection(*held)
    if short_of_a_word(msgid, msgstr):
        found.add("a word short")
        if len(words) <= 3:
            found.add("a word short, short label")
    if rendered_alone(row, spans, catalog):
        found.add("every word rendered alone")
    if term_dropped(row, spans, catalog):
        found.add("term dropped")
    return found


def table(rows: list[dict], glossaries: dict, title: str) -> None:
    """Judged real / false flags per position and language (and all flags, and the false
    ones whose reason says the concept is implicit)."""
    counts: Counter = Counter()
    for row in rows:
        found = positions(row, glossaries[row["file"]], translations(row["file"]))
        if found is None:
            counts[(row["lang"], "term not found", row["verdict"])] += 1
            continue
        implicit = row["verdict"] == "false" and "implicit" in row["reason"]
        for name in ("all flags", *sorted(found)):
            counts[(row["lang"], name, row["verdict"])] += 1
            counts[(row["lang"], name, "implicit")] += implicit
    print(f"\n{title}: judged real / false (of which the reason says implicit); false per real")
    for name in ("all flags", *POSITIONS, "term not found"):
        cells = []
        for lang in bench.LANGS:
            real, false = counts[(lang, name, "real")], counts[(lang, name, "false")]
            ratio = f"{false / real:.1f}" if real else "-"
            cells.append(
                f"{lang} {real:4} / {false:4} ({counts[(lang, name, 'implicit')]:3}) {ratio:>4}"
            )
        print(f"  {name:26} " + "   ".join(cells))


def main() -> int:
    rows, glossaries = load_rows(), load_glossaries()
    design = [r for r in rows if r["round"] is not None and r["round"] < TEST_ROUND]
    table(design, glossaries, "Design (committed catalogs, held-out rounds 1-22)")
    if "--test" in sys.argv:
        test = [r for r in rows if r["round"] == TEST_ROUND]
        table(test, glossaries, f"Test (round {TEST_ROUND})")
    if "--rows" in sys.argv:
        wanted = sys.argv[sys.argv.index("--rows") + 1]
        for row in design:
            found = positions(row, glossaries[row["file"]], translations(row["file"]))
            if found and wanted in found:
                print(f"{row['verdict']:5} {row['file']} {row['concept']}: {row['msgid']!r} → "
                      f"{row['msgstr']!r} | {row['reason'][:90]}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
