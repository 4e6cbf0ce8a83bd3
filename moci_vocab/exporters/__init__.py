"""Exporters: one module per format, one interface.

Every exporter is a function ``export(request: ExportRequest) -> list[Path]``
that writes its files into ``request.outdir`` through ``request.write``
(atomically, and recorded, so that a failure half-way can say which files
were written) and returns their paths. Heavy libraries are
imported inside the exporter, never here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from moci_vocab.model import Concept, Glossary, Term
from moci_vocab.textnorm import slugify

# format name: "module:function"; `export all` runs them in this order.
EXPORTERS: dict[str, str] = {
    "po": "moci_vocab.exporters.po:export_po",
    "pot": "moci_vocab.exporters.po:export_pot",
    "mo": "moci_vocab.exporters.po:export_mo",
    "csv": "moci_vocab.exporters.csv:export_csv",
    "tbx": "moci_vocab.exporters.tbx:export_tbx",
    "json": "moci_vocab.exporters.json:export_json",
    "weblate": "moci_vocab.exporters.weblate:export_weblate",
    "omegat": "moci_vocab.exporters.omegat:export_omegat",
    "tmx": "moci_vocab.exporters.tmx:export_tmx",
    "xlsx": "moci_vocab.exporters.xlsx:export_xlsx",
    "skos": "moci_vocab.exporters.skos:export_skos",
    "html": "moci_vocab.exporters.html:export_html",
    "booklet": "moci_vocab.booklet.export:export_booklet",
}


@dataclass
class ExportRequest:
    """What an exporter is asked for: glossary, chosen concepts and languages, folder."""

    glossary: Glossary
    concepts: list[Concept]  # the selected concepts, sorted by id
    languages: list[str]  # chosen languages, the source language first
    outdir: Path
    options: dict[str, Any] = field(default_factory=dict)  # format-specific (bom, paper …)
    # Told ``(parts done, parts known so far)`` by an exporter that works in parts (the
    # booklet); None: nobody is watching.
    progress: Callable[[int, int], None] | None = None
    written: list[Path] = field(default_factory=list)  # every file written so far, in order
    kept: list[Any] = field(default_factory=list)  # see ``keep``

    def keep(self, value: Any) -> None:
        """Let ``value`` (an exporter's working data) live as long as the request, which the
        `export` command keeps until the process ends at once (``cli.ENDS_AT_ONCE``): it is
        then never freed object by object (the 10,000-concept booklet's data: ~0.2 s)."""
        self.kept.append(value)

    def write(self, path: Path, data: bytes | str) -> None:
        """Write one export file atomically and record it in ``written``; never into a
        folder that is a link (``fsutil.refuse_linked_folders``)."""
        from moci_vocab.fsutil import atomic_write, refuse_linked_folders

        refuse_linked_folders(self.outdir, Path(path).parent)
        atomic_write(path, data)
        self.written.append(Path(path))

    @property
    def version(self) -> str:
        """The glossary's version."""
        return self.glossary.manifest.version

    @property
    def source_language(self) -> str:
        """The glossary's source language."""
        return self.glossary.source_language

    @property
    def targets(self) -> list[str]:
        """The chosen languages other than the source language."""
        return [lang for lang in self.languages if lang != self.source_language]

    def keyed_concepts(self) -> Iterator[tuple[Concept, Term]]:
        """(concept, the term an entry is keyed on) for every chosen concept that has one.

        The key is the concept's representative source term, if it is allowed (the
        rule of every bilingual export: PO, OmegaT, Weblate, XLSX).
        """
        for concept in self.concepts:
            term = concept.representative(self.source_language)
            if term is not None and term.allowed:
                yield concept, term

    @property
    def name_slug(self) -> str:
        """The glossary's name as a file-name slug ("glossary" when it has none)."""
        return slugify(self.glossary.manifest.name) or "glossary"

    def pair_path(self, target: str, suffix: str) -> Path:
        """``<name>-<source>-<target><suffix>`` in the output folder, for a language pair."""
        return Path(self.outdir) / f"{self.name_slug}-{self.source_language}-{target}{suffix}"


def get_exporter(name: str):
    """The export function registered as ``name`` (its module imported now)."""
    module_name, func = EXPORTERS[name].split(":")
    return getattr(importlib.import_module(module_name), func)
