"""Bilingual entries from PO, MO, XLIFF, CSV and TMX files, as columns.

Only what `suggest` and `extract` need is kept per entry (source text,
translation, file and position in it), one file at a time: each file is read,
its translated, finished entries are taken over, and the reader's own objects
are dropped. Line numbers are looked up only for the few entries shown as
examples.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from moci_vocab.checkpo.reader import Catalog, read_catalog
from moci_vocab.errors import MociError

TMX_SUFFIXES = (".tmx",)
# Beyond this many entries the input is refused: memory stays bounded.
MAX_ENTRIES = 2_000_000


@dataclass
class Corpus:
    """Entries of several files; entry ``i`` is item ``i`` of each column."""

    lang: str | None
    files: list[Path] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    origins: list[int] = field(default_factory=list)  # index into files
    positions: list[int] = field(default_factory=list)  # entry index within its file
    _lines: dict[int, Callable[[list[int]], dict[int, int]]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.sources)

    def lines(self, entries: Iterable[int]) -> dict[int, int]:
        """Entry → line in its file (0 when the format has none)."""
        by_file: dict[int, list[int]] = {}
        for entry in entries:
            by_file.setdefault(self.origins[entry], []).append(entry)
        found: dict[int, int] = {}
        for origin, chosen in by_file.items():
            lookup = self._lines.get(origin)
            lines = lookup([self.positions[e] for e in chosen]) if lookup else {}
            for entry in chosen:
                found[entry] = lines.get(self.positions[entry], 0)
        return found


def read_corpus(
    paths: list[Path],
    lang: str | None,
    source_lang: str = "en",
    bilingual: bool = True,
    progress: Callable[[int, int], None] | None = None,
    resolve: Callable[[str | None], str | None] | None = None,
) -> Corpus:
    """The translated, finished entries of every file (with ``bilingual``), else every entry.

    ``resolve`` turns a file's Language header into a glossary tag; a file in
    another language than ``lang`` is refused, with its name.
    """
    corpus = Corpus(lang)
    for done, path in enumerate(paths):
        if progress is not None:
            progress(done, len(paths))
        catalog = _read(path, lang, source_lang)
        if bilingual and lang is not None and catalog.language and resolve is not None:
            found = resolve(catalog.language)
            if found != lang:
                raise MociError(
                    f"is a {catalog.language} file, not {lang}: give files of one language",
                    path,
                )
        _take(corpus, catalog, bilingual)
        if len(corpus) > MAX_ENTRIES:
            raise MociError(f"more than {MAX_ENTRIES:,} entries in all: split the input", path)
    if progress is not None:
        progress(len(paths), len(paths))
    return corpus


def _read(path: Path, lang: str | None, source_lang: str) -> Catalog:
    if path.suffix.lower() in TMX_SUFFIXES:
        from moci_vocab.learn.tmx import read_tmx

        return read_tmx(path, source_lang, lang)
    if path.is_dir():
        raise MociError("is a folder, not a catalog file", path)
    return read_catalog(path)


def _take(corpus: Corpus, catalog: Catalog, bilingual: bool) -> None:
    """The catalog's usable entries appended to the corpus columns."""
    origin = len(corpus.files)
    corpus.files.append(catalog.path)
    corpus._lines[origin] = catalog.lines
    fuzzy = catalog.fuzzy
    for i, (msgid, msgstrs) in enumerate(zip(catalog.msgids, catalog.msgstrs, strict=True)):
        if not msgid:
            continue  # the PO header
        target = msgstrs[0] if msgstrs else ""
        if bilingual and (not target or i in fuzzy):
            continue
        corpus.sources.append(msgid)
        corpus.targets.append(target)
        corpus.origins.append(origin)
        corpus.positions.append(i)
