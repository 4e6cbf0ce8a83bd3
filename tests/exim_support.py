"""Helpers shared by the export and import tests: in-memory glossaries and round trips."""

from __future__ import annotations

from pathlib import Path

from moci_vocab.exporters import ExportRequest, get_exporter
from moci_vocab.importers import ReadOptions, get_reader
from moci_vocab.importers.merge import plan_merge
from moci_vocab.model import Concept, Glossary, LanguageSpec, Manifest, Review, Term

LANGS = ("en", "sq", "ka", "sr-Latn")
SCRIPTS = {"en": "Latn", "sq": "Latn", "ka": "Geor", "sr-Latn": "Latn"}
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"


def manifest(version: str = "1.2.0") -> Manifest:
    langs = {tag: LanguageSpec(tag, SCRIPTS[tag], required=tag in ("en", "sq")) for tag in LANGS}
    return Manifest(name="Test Glossary", version=version, source_language="en", languages=langs)


def glossary(root: Path, concepts: list[Concept], version: str = "1.2.0") -> Glossary:
    """A glossary of ``concepts`` whose manifest knows their tags and domains."""
    m = manifest(version)
    for concept in concepts:
        m.tags.update(dict.fromkeys(concept.tags, ""))
        if concept.domain:
            m.domains[concept.domain] = ""
    return Glossary(root=root, manifest=m, concepts={c.id: c for c in concepts})


def hostile_glossary(root: Path) -> Glossary:
    """A fixed glossary with every kind of text an export must escape."""
    reconciliation = Concept(
        id="reconciliation",
        domain="peacebuilding",
        tags=["core", "workshop"],
        status="approved",
        definition={
            "en": 'Restoring "trust", after conflict;\nsecond line <b>&amp;</b>',
            "sq": "Rivendosja e besimit.",
        },
        note={"en": '=HYPERLINK("http://x")', "ka": "\u200fრთ"},
        related=["formula"],
        terms={
            "en": [
                Term("reconciliation", "preferred", pos="noun", note="see <note>"),
                Term("conciliation", "admitted", pos="phrase"),
            ],
            "sq": [
                Term("pajtim", "preferred", review=Review("reviewed", "AB", "2026-01-02")),
                Term("pajtimi", "deprecated"),
                Term("=pajtim", "forbidden", context='Ai tha: "pajtim"'),
            ],
            "ka": [Term("შერიგება", "preferred", gender="feminine", type="fullForm")],
        },
    )
    formula = Concept(
        id="formula",
        definition={"en": "+1 starts like a formula\n@also this, and -this"},
        terms={
            "en": [Term("@mention", "preferred"), Term("-minus", "admitted")],
            "sr-Latn": [Term("'apostrof", "preferred", source='-1 "src"')],
            "sq": [Term("&<>\"'", "preferred")],
        },
        do_not_translate=True,
    )
    return glossary(root, [formula, reconciliation])


def request(g: Glossary, outdir: Path, languages=None, **options) -> ExportRequest:
    concepts = sorted(g.concepts.values(), key=lambda c: c.id)
    return ExportRequest(g, concepts, list(languages or g.languages()), outdir, options)


def export(g: Glossary, fmt: str, outdir: Path, **options) -> list[Path]:
    return get_exporter(fmt)(request(g, outdir, **options))


def reimport(path: Path, fmt: str, root: Path, languages=()) -> tuple[Glossary, object, object]:
    """Import ``path`` into a fresh, empty glossary with the same languages (in memory)."""
    fresh = glossary(root, [])
    options = ReadOptions(source_language="en", languages=list(languages))
    imported = get_reader(fmt)(path, options)
    plan = plan_merge(fresh, imported, decide=lambda duplicate: "new")
    return fresh, imported, plan
