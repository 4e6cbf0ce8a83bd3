"""Deterministic hard benchmark data: a glossary that grew without a gatekeeper.

``benchmarks.generate.make_glossary`` keeps every term apart from every other
one, so `check` finds nothing there. A real glossary that many people added to
over the years looks different: popular words are reused by several concepts
(MV403), the same word comes back with a letter dropped or doubled (MV401), an
Albanian term typed without ë or ç next to the correct one (MV402), and a few
terms deprecated in one concept are allowed in another (MV404).

Reuse follows the "rich get richer" rule: a new concept copies or misspells the
term of a concept picked at random among the earlier ones, so a term that is
already shared is the more likely to be shared again, and the biggest clusters
grow with the glossary (as they do in life). At 10,000 concepts `check`
reported about 37,000 findings before shared terms were grouped; at 50,000 the
clusters are large.

Files are written in the store's canonical form (the concept text writer of
``benchmarks.generate``); the same seed gives the same bytes.

    from benchmarks.generate_hard import make_hard_glossary
    concepts = make_hard_glossary(root, 10_000)
"""

from __future__ import annotations

import os
import random
from pathlib import Path

from benchmarks.generate import (
    FILLER,
    LANGS,
    OLD_MTIME_NS,
    TARGETS,
    GenConcept,
    _concept_text,
    _Taken,
    _term,
    manifest_text,
)

# How a concept's term in one language comes about (weights): a fresh word, the
# very term of an earlier concept, or that term misspelt by one letter.
FRESH, SHARED, TYPO = 71, 17, 12
DIACRITICS = {"ë": "e", "ç": "c"}


def _typo(rng: random.Random, text: str) -> str:
    """``text`` with one letter dropped or doubled in one of its words of 5+ letters."""
    words = text.split(" ")
    long = [i for i, word in enumerate(words) if len(word) >= 5]
    if not long:
        return text + text[-1]
    i = rng.choice(long)
    word = words[i]
    at = rng.randrange(1, len(word) - 1)
    words[i] = (
        word[:at] + word[at + 1 :] if rng.random() < 0.5 else word[:at] + word[at] + word[at:]
    )
    return " ".join(words)


def _undotted(text: str) -> str:
    return "".join(DIACRITICS.get(ch, ch) for ch in text)


def _pick(rng: random.Random, lang: str, earlier: list[GenConcept], taken: _Taken) -> str:
    """One term for ``lang``: fresh, shared with an earlier concept, or its typo."""
    how = rng.choices(("fresh", "shared", "typo"), weights=(FRESH, SHARED, TYPO))[0]
    if how == "fresh" or not earlier:
        return _term(rng, lang, taken)
    source = rng.choice(earlier).terms[lang][0][0]
    if how == "shared":
        if lang == "sq" and rng.random() < 0.3 and _undotted(source) != source:
            return _undotted(source)  # typed without ë/ç: MV402
        return source
    return _typo(rng, source)


def make_hard_glossary(root: Path, count: int, seed: int = 17) -> list[GenConcept]:
    """Write ``count`` concepts with shared and near-duplicate terms under ``root``."""
    rng = random.Random(seed)
    (root / "glossary").mkdir(parents=True, exist_ok=True)
    (root / "terms").mkdir(exist_ok=True)
    (root / "glossary" / "glossary.yaml").write_text(manifest_text("Hard Benchmark"), "utf-8")
    taken = {lang: _Taken() for lang in LANGS}
    for lang, words in FILLER.items():
        for word in words:
            taken[lang].add_if_new(word)
    ids: set[str] = set()
    concepts: list[GenConcept] = []
    earlier: list[str] = []
    for n in range(count):
        terms = {lang: [(_pick(rng, lang, concepts, taken[lang]), "preferred")] for lang in LANGS}
        if n % 7 == 0:
            terms["sq"].append((_term(rng, "sq", taken["sq"]), "admitted"))
        old = rng.choice(concepts).terms["ka"][0][0] if concepts else ""
        if n % 13 == 0 and old and old != terms["ka"][0][0]:  # deprecated here: MV404
            terms["ka"].append((old, "deprecated"))
        cid = "-".join(terms["en"][0][0].split())
        base, k = cid, 1
        while cid in ids:
            k += 1
            cid = f"{base}-{k}"
        ids.add(cid)
        concept = GenConcept(cid, terms)
        statuses = ("draft", "reviewed", "approved")
        text = _concept_text(rng, concept, n, earlier[-200:], statuses)
        path = root / "terms" / f"{cid}.yaml"
        path.write_text(text, "utf-8")
        os.utime(path, ns=(OLD_MTIME_NS, OLD_MTIME_NS))
        concepts.append(concept)
        earlier.append(cid)
    return concepts


__all__ = ["TARGETS", "make_hard_glossary"]
