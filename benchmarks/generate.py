"""Deterministic benchmark data: glossaries of N concepts and PO catalogs.

The glossary has four required languages (en, sq, ka, hy) with term shapes
like the real MOCI vocabulary: one to three words built from each language's
own syllables (Albanian ë, ç, dh, xh; Georgian and Armenian script), one
preferred term per language, now and then an admitted or deprecated one, a
review state on translations, definitions, tags, domains and `related` /
`broader` links that resolve. The same seed gives the same bytes.

Concept files are written as text in the store's canonical form (checked
against ``store.canonical_concept_text`` by tests/test_benchmarks_smoke.py),
because the canonical writer is pure-Python YAML and would make generating
10,000 files slower than the benchmarks themselves.

    from benchmarks.generate import make_glossary, make_po
    concepts = make_glossary(root, 10_000)
    make_po(path, concepts, 50_000, lang="sq")
"""

from __future__ import annotations

import os
import random
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

LANGS = {"en": "Latn", "sq": "Latn", "ka": "Geor", "hy": "Armn"}
TARGETS = ("sq", "ka", "hy")


def _words(text: str) -> list[str]:
    return text.split()


SYLLABLES = {
    "en": _words(
        "ac cul ture com mu ni ty par tic i pa tion de vel op ment in clu sion re con cil "
        "ia peace build youth net work so li dar her tage lear ning civ en gage ad vo ca cy "
        "sus tain bil ex change fa ci lit tor mem ory dia logue grant ship vol un teer"
    ),
    "sq": _words(
        "pa jtim që ndru e shmë ri ko mu ni te ti rinj shqi pë rfshi rje bash kë pu nim "
        "ça vi llim ku ltu rë dhë gji llë xhe një zhvi rrje ta ve pro je kti shoq ëri ça"
    ),
    "ka": _words(
        "შე რი გე ბა მდგ რა დო სა ზო გა ება ახ ალ გაზ რდა კულ ტუ თა ნა მშრო მლო "
        "ქსე ლი გან ვი რე პარ ტნი ორო სწავ ლე მე ხსი ერ"
    ),
    "hy": _words(
        "հաշ տե ցում մշա կույթ հա մայնք երի տա սարդ զար գա ցանց կրթու թյուն մաս նակ ցու "
        "կա մա վոր հի շո ղու ուս ում նա կան"
    ),
}
FILLER = {
    "en": _words(
        "the of and to in our for with young people each during this will support local new "
        "year project meeting city we they all their about from more open public team plan"
    ),
    "sq": _words(
        "dhe për në të me një që janë kjo nga ky vit takim projekt vendor qyteti ne ata "
        "gjithë tyre rreth më hapur publik ekip plan"
    ),
}
DOMAINS = ("peacebuilding", "civic-participation", "community", "culture", "education", "digital")
TAGS = ("core", "methods", "funding", "workshop-tbilisi-2025", "mission-statement")
SQ_ENDINGS = ("", "", "in", "it", "i", "e", "ve")  # pajtim, pajtimin, pajtimit …
OLD_MTIME_NS = 1_735_689_600 * 1_000_000_000  # 2025-01-01: files "from a checkout"


@dataclass
class GenConcept:
    id: str
    terms: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # lang: [(term, status)]


def _word(rng: random.Random, lang: str, extra: int = 0) -> str:
    syllables = SYLLABLES[lang]
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3) + extra))


class _Taken:
    """The terms of one language so far, to keep new ones apart from them.

    Random syllables make many terms a letter apart, which `check` rightly
    reports as near-duplicates (MV401); a real glossary has few. So a new
    term is refused when it is within a typo (rapidfuzz ratio ≥ 85, a little
    below the check's 88) of a term sharing its first or last three letters,
    the neighbourhoods in which near-duplicates sit.
    """

    def __init__(self) -> None:
        self.exact: set[str] = set()
        self.buckets: dict[str, list[str]] = {}

    def add_if_new(self, text: str) -> bool:
        from rapidfuzz import fuzz, process

        key = _fold(text)
        if key in self.exact:
            return False
        buckets = ("<" + key[:3], key[-3:] + ">")
        for bucket in buckets:
            near = self.buckets.get(bucket, ())
            if near and process.extractOne(key, near, scorer=fuzz.ratio, score_cutoff=85):
                return False
        self.exact.add(key)
        for bucket in buckets:
            self.buckets.setdefault(bucket, []).append(key)
        return True


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _term(rng: random.Random, lang: str, taken: _Taken) -> str:
    """A new term (1 to 3 words), not a near-duplicate of another of ``lang``."""
    words = rng.choices((1, 2, 3), weights=(5, 4, 1))[0]
    for attempt in range(200):
        text = " ".join(_word(rng, lang, attempt // 25) for _ in range(words))
        if taken.add_if_new(text):
            return text
    raise RuntimeError("cannot find a new term")  # pragma: no cover


def _sentence(rng: random.Random, lang: str, low: int, high: int) -> str:
    words = [rng.choice(FILLER["en" if lang == "en" else "sq"]) for _ in range(2)]
    words += [_word(rng, lang) for _ in range(rng.randint(low, high))]
    rng.shuffle(words)
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def manifest_text(name: str = "Benchmark Glossary") -> str:
    lines = [f"name: {name}", "version: 1.0.0", "source_language: en", "languages:"]
    for tag, script in LANGS.items():
        lines += [f"  {tag}:", f"    script: {script}", "    required: true"]
    lines.append("domains:")
    lines += [f"  {d}: Concepts of {d.replace('-', ' ')}." for d in DOMAINS]
    lines.append("tags:")
    lines += [f"  {t}: Tag {t}." for t in TAGS]
    lines.append("checks: {}")
    return "\n".join(lines) + "\n"


def _concept_text(
    rng: random.Random, concept: GenConcept, n: int, earlier: list[str], statuses
) -> str:
    lines = [f"id: {concept.id}", f"domain: {DOMAINS[n % len(DOMAINS)]}"]
    tags = sorted(set(rng.sample(TAGS, rng.randint(0, 2))))
    if tags:
        lines.append("tags:")
        lines += [f"  - {t}" for t in tags]
    lines.append(f"status: {'approved' if n % 3 == 0 else 'draft'}")
    lines += ["definition:", f"  en: {_sentence(rng, 'en', 6, 18)}"]
    if n % 4 == 0:
        lines.append(f"  sq: {_sentence(rng, 'sq', 6, 14)}")
    if n % 10 == 0:
        lines += ["note:", "  en: Used in workshop materials and grant reports."]
    related = sorted(set(rng.sample(earlier, min(2, len(earlier)))))
    if related:
        lines.append("related:")
        lines += [f"  - {r}" for r in related]
    broader = rng.choice(earlier) if earlier and n % 5 == 0 else None
    if broader and broader not in related:
        lines += ["broader:", f"  - {broader}"]  # always older: no cycles
    lines.append("terms:")
    for lang, terms in concept.terms.items():
        lines.append(f"  {lang}:")
        for text, status in terms:
            lines += [f"    - term: {text}", f"      status: {status}", "      pos: noun"]
            if lang != "en":
                lines += ["      review:", f"        state: {statuses[n % len(statuses)]}"]
    return "\n".join(lines) + "\n"


def make_glossary(root: Path, count: int, seed: int = 9) -> list[GenConcept]:
    """Write a glossary of ``count`` concepts under ``root``; return their terms."""
    rng = random.Random(seed)
    (root / "glossary").mkdir(parents=True, exist_ok=True)
    (root / "terms").mkdir(exist_ok=True)
    (root / "glossary" / "glossary.yaml").write_text(manifest_text(), "utf-8")
    taken = {lang: _Taken() for lang in LANGS}
    for lang, words in FILLER.items():  # the catalog's filler words are not terms
        for word in words:
            taken[lang].add_if_new(word)
    ids: set[str] = set()
    concepts: list[GenConcept] = []
    earlier: list[str] = []
    for n in range(count):
        en = _term(rng, "en", taken["en"])
        cid = "-".join(en.split())
        while cid in ids:  # pragma: no cover - terms are unique, ids follow
            cid += "-x"
        ids.add(cid)
        concept = GenConcept(cid, {"en": [(en, "preferred")]})
        for lang in TARGETS:
            concept.terms[lang] = [(_term(rng, lang, taken[lang]), "preferred")]
        if n % 7 == 0:
            concept.terms["sq"].append((_term(rng, "sq", taken["sq"]), "admitted"))
        if n % 13 == 0:
            concept.terms["ka"].append((_term(rng, "ka", taken["ka"]), "deprecated"))
        text = _concept_text(rng, concept, n, earlier[-200:], ("draft", "reviewed", "approved"))
        path = root / "terms" / f"{cid}.yaml"
        path.write_text(text, "utf-8")
        os.utime(path, ns=(OLD_MTIME_NS, OLD_MTIME_NS))
        concepts.append(concept)
        earlier.append(cid)
    return concepts


def _po_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def make_po(
    path: Path, concepts: list[GenConcept], entries: int, lang: str = "sq", seed: int = 9
) -> None:
    """A catalog of ``entries`` English→``lang`` sentences that use the glossary's terms.

    About 85 % of entries mention one or two concepts; the translation uses
    the preferred term, an admitted one or an inflected form, and in about
    one case in twelve a wrong word (what `check-po` exists to find); 2 % are
    untranslated and 2 % fuzzy.
    """
    rng = random.Random(seed)
    out = [
        'msgid ""',
        'msgstr ""',
        '"Project-Id-Version: benchmark 1.0\\n"',
        f'"Language: {lang}\\n"',
        '"MIME-Version: 1.0\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        '"Content-Transfer-Encoding: 8bit\\n"',
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"',
        "",
    ]
    seen: set[str] = set()
    while len(seen) < entries:
        mentioned = rng.sample(concepts, rng.choices((0, 1, 2), weights=(15, 70, 15))[0])
        source = [rng.choice(FILLER["en"]) for _ in range(rng.randint(5, 12))]
        target = [rng.choice(FILLER["sq"]) for _ in range(rng.randint(5, 12))]
        for concept in mentioned:
            en = concept.terms["en"][0][0]
            source.insert(rng.randrange(len(source) + 1), en + ("s" if rng.random() < 0.2 else ""))
            if rng.random() < 1 / 12:
                word = _word(rng, lang)
            else:
                allowed = [t for t, status in concept.terms[lang] if status != "deprecated"]
                word = rng.choice(allowed) + rng.choice(SQ_ENDINGS if lang == "sq" else ("",))
            target.insert(rng.randrange(len(target) + 1), word)
        msgid = " ".join(source).capitalize() + "."
        if msgid in seen:
            continue
        seen.add(msgid)
        roll = rng.random()
        msgstr = "" if roll < 0.02 else " ".join(target).capitalize() + "."
        if 0.02 <= roll < 0.04:
            out.append("#, fuzzy")
        out += [f"msgid {_po_quote(msgid)}", f"msgstr {_po_quote(msgstr)}", ""]
    path.write_text("\n".join(out), "utf-8")
