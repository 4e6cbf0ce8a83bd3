"""How long the workshop booklet (and the HTML page) take for a large glossary.

Generates N concepts (default 500) with terms in four languages (en, sq, ka,
hy), a definition, a note on every tenth and links, and times
`export booklet` (A5), its imposition and `export html` in-process. Prints
the figures; it asserts nothing. Target: the A5 booklet in under 5 s.

    python benchmarks/bench_booklet.py [N]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from moci_vocab.exporters import ExportRequest
from moci_vocab.model import Concept, Glossary, LanguageSpec, Manifest, Review, Term

LANGS = {"en": "Latn", "sq": "Latn", "ka": "Geor", "hy": "Armn"}
LETTERS = {
    "en": "abcdefghijklmnopqrstuvwxyz",
    "sq": "abcçdeëfghijklmnopqrstuvxyzë",
    "ka": "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
    "hy": "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ",
}


def word(rng: random.Random, lang: str) -> str:
    letters = LETTERS[lang]
    return " ".join(
        "".join(rng.choice(letters) for _ in range(rng.randint(3, 10)))
        for _ in range(rng.randint(1, 3))
    )


def glossary(count: int) -> Glossary:
    rng = random.Random(500)
    manifest = Manifest(
        name="Benchmark Glossary",
        languages={tag: LanguageSpec(tag, script, True) for tag, script in LANGS.items()},
    )
    ids = [f"concept-{n:04d}" for n in range(count)]
    concepts = {}
    for n, cid in enumerate(ids):
        terms = {lang: [Term(word(rng, lang), review=Review("draft"))] for lang in LANGS}
        if n % 7 == 0:
            terms["sq"].append(Term(word(rng, "sq"), status="admitted"))
        if n % 11 == 0:
            terms["sq"].append(Term(word(rng, "sq"), status="deprecated"))
        concepts[cid] = Concept(
            id=cid,
            domain="culture",
            definition={"en": " ".join(word(rng, "en") for _ in range(rng.randint(8, 25)))},
            note={"en": "A note on usage in workshops."} if n % 10 == 0 else {},
            related=rng.sample(ids, 2),
            terms=terms,
        )
    return Glossary(root=Path("."), manifest=manifest, concepts=concepts)


def timed(label: str, func):
    start = time.perf_counter()
    result = func()
    print(f"{label:<32} {time.perf_counter() - start:6.2f} s")
    return result


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    from moci_vocab.booklet.export import booklet_data, compile_booklet, export_booklet
    from moci_vocab.exporters.html import export_html

    g = glossary(count)
    with tempfile.TemporaryDirectory() as tmp:
        request = ExportRequest(g, list(g.concepts.values()), list(LANGS), Path(tmp), {})
        print(f"{count} concepts, languages {', '.join(LANGS)}")
        # Typst memoises within a process: the first export is the honest (cold) figure.
        [path] = timed("export booklet (A5), cold", lambda: export_booklet(request))
        data = timed("  booklet data (sort, index)", lambda: booklet_data(request))
        _pdf, pages = timed("  typeset A5 again, in-process", lambda: compile_booklet(data))
        request.options = {"imposition": True}
        timed("export booklet + imposition", lambda: export_booklet(request))
        print(f"{'pages':<32} {pages:6d}   ({path.stat().st_size / 1e6:.1f} MB)")
        [page] = timed("export html", lambda: export_html(request))
        print(f"{'html size':<32} {page.stat().st_size / 1e6:6.2f} MB")


if __name__ == "__main__":
    main()
