"""Accuracy of `check-po` on real translations: false alarms and recall per language.

Data: tests/fixtures/checkpo/django/ — entries of Django's Albanian, Georgian
and Armenian catalogs that use a glossary term the way the translators do
(built by build_checkpo_django_data.py; BSD licence, see NOTICE there).

- False alarms: the labelled entries, checked as they are; any finding about
  the labelled concept is a false alarm.
- Recall: copies of the same entries with the glossary word replaced by
  another glossary word (keeping the original ending, as a translator's slip
  would); each must get a finding about the labelled concept.

Targets: at most 5% false alarms and at least 95% recall for sq, ka and hy.

    python benchmarks/bench_checkpo_accuracy.py [--verbose]
"""

from __future__ import annotations

import json
import math
import re
import sys
import tempfile
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

DATA = REPO / "tests" / "fixtures" / "checkpo" / "django"
LANGS = ("sq", "ka", "hy")
CONNECTORS = {"i", "e", "të", "së"}
# Stems with a dropped vowel that the loose prefix rule would not replace (checked by hand).
EXTRA_STEMS = {
    ("hy", "group"): ("խմբ",),
    ("hy", "number"): ("թվ",),
    ("hy", "integer"): ("թվ",),
    ("hy", "date"): ("ամսաթվ",),
    ("sq", "name"): ("emr",),
}
TARGET_FALSE_ALARMS = 0.05
TARGET_RECALL = 0.95


def load_rows(lang: str) -> list[dict]:
    lines = (DATA / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def make_glossary(root: Path) -> None:
    """A scratch glossary with the Django terms (en → sq, ka, hy)."""
    from moci_vocab.model import Concept, Term
    from moci_vocab.operations import init_glossary
    from moci_vocab.store import save_concept

    init_glossary(root, "Django terms", "en", list(LANGS)).changes.apply()
    glossary = json.loads((DATA / "glossary.json").read_text(encoding="utf-8"))
    for cid, terms in glossary.items():
        concept = Concept(id=cid, definition={"en": f"Django's {terms['en']}."})
        concept.terms = {lang: [Term(text, "preferred")] for lang, text in terms.items()}
        save_concept(root, concept)


def content_words(term: str) -> list[str]:
    from moci_vocab.checkpo.target_match import tokens

    return [w for w in tokens(term) if w not in CONNECTORS]


def inject(text: str, term: str, other: str, extra: tuple[str, ...] = ()) -> str | None:
    """The translation with the term's first content word replaced by ``other``.

    The replaced word is found with the same loose prefix rule the labels use (not
    with the matcher under test); its ending is kept: fjalëkalimin → vlerën-like slips.
    """
    word = content_words(term)[0]
    need = min(len(word), max(2, math.ceil(len(word) * 0.6)))
    replacement = content_words(other)[0]
    changed = False

    def swap(match: re.Match) -> str:
        nonlocal changed
        token = match.group(0)
        folded = token.casefold()
        if folded[:need] != word[:need] and not folded.startswith(extra or ("\0",)):
            return token
        changed = True
        ending = token[len(word) :] if len(token) > len(word) else ""
        return replacement + ending

    result = re.sub(r"[^\W\d_]+", swap, text)
    return result if changed else None


def write_po(path: Path, lang: str, rows: list[tuple[int, dict, list[str]]]) -> dict[int, int]:
    """A PO file of the rows; returns line of msgid → row number."""
    import polib

    po = polib.POFile()
    po.metadata = {"Language": lang, "Content-Type": "text/plain; charset=UTF-8"}
    for number, row, strs in rows:
        entry = polib.POEntry(msgctxt=f"{number}", msgid=row["msgid"])
        if row.get("msgid_plural"):
            entry.msgid_plural = row["msgid_plural"]
            entry.msgstr_plural = dict(enumerate(strs))
        else:
            entry.msgstr = strs[0]
        po.append(entry)
    po.save(str(path))
    from moci_vocab.po.read import read_po

    return {e.line: int(e.msgctxt) for e in read_po(path).entries}


def evaluate(root: Path, lang: str, glossary: dict, verbose: bool) -> dict:
    from moci_vocab.checkpo.run import Options, check_files

    rows = load_rows(lang)
    concepts = [cid for cid in glossary if glossary[cid].get(lang)]
    clean = [(i, row, row["msgstr"]) for i, row in enumerate(rows)]
    injected = []
    for i, row in enumerate(rows):
        term = glossary[row["concept"]][lang]
        start = zlib.crc32(row["msgid"].encode()) % len(concepts)
        for step in range(len(concepts)):
            other = glossary[concepts[(start + step) % len(concepts)]][lang]
            if content_words(other)[0][:3] == content_words(term)[0][:3]:
                continue  # not a different word
            extra = EXTRA_STEMS.get((lang, row["concept"]), ())
            strs = [inject(text, term, other, extra) for text in row["msgstr"]]
            if all(strs):
                injected.append((i, row, strs))
                break
    outcome = {}
    for name, items in (("clean", clean), ("injected", injected)):
        path = root / f"{lang}-{name}.po"
        line_to_row = write_po(path, lang, items)
        result = check_files(root, [path], Options())
        flagged = {
            line_to_row[f.line]
            for f in result.findings
            if f.line in line_to_row
            and f.concept == rows[line_to_row[f.line]]["concept"]
            and f.code in ("MV601", "MV602", "MV603")
        }
        outcome[name] = (len(flagged), len(items))
        if verbose:
            shown = flagged if name == "clean" else {i for i, _r, _s in items} - flagged
            for i in sorted(shown):
                strs = dict((n, s) for n, _r, s in items)[i]
                print(f"  {lang} {name} {rows[i]['concept']}: {rows[i]['msgid']!r} → {strs[0]!r}")
    return outcome


def main() -> int:
    verbose = "--verbose" in sys.argv
    glossary = json.loads((DATA / "glossary.json").read_text(encoding="utf-8"))
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "g"
        make_glossary(root)
        print(f"{'lang':<5}{'entries':>8}{'false alarms':>16}{'injected':>10}{'recall':>10}")
        for lang in LANGS:
            result = evaluate(root, lang, glossary, verbose)
            false_alarms, clean = result["clean"]
            caught, injected = result["injected"]
            fa_rate = false_alarms / clean
            recall = caught / injected
            ok &= fa_rate <= TARGET_FALSE_ALARMS and recall >= TARGET_RECALL
            print(
                f"{lang:<5}{clean:>8}{false_alarms:>6} ({fa_rate:6.1%}){injected:>10}"
                f"{recall:>10.1%}"
            )
    print("targets: false alarms <= 5%, recall >= 95%:", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
