"""What a single edit or `show` needs to know of the rest of the glossary, without loading it.

A command that changes one concept (`add`, `translate`, `edit`, `respell`,
`deprecate`) must still refuse a glossary with a broken file anywhere, and warn of
near-duplicate terms in any concept; `show` names the files it had to leave out.
That is all they need of the other 9,999 concepts: each concept file's id, its
errors and its terms with their fold keys. The file index keeps exactly that, one
entry per file (``cache.FileEntries``: valid while the file's stamp holds, the
racy rule included, like the concept cache), and ``LazyConcepts`` parses a
concept's own file only when a command asks for that concept.

The answers are those of ``store.load_glossary``: the same parser makes each
entry (``store.parse_concept_file``), the manifest comes first and the files in
the loader's order, and the first id wins. A command that needs every concept
(its ``values()``) gets them all from the loader, with the concepts it already
holds (changed or not) kept as they are.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate
from pathlib import Path
from typing import Any

from moci_vocab.findings import Finding
from moci_vocab.layout import (
    MANIFEST,
    TERMS,
    concept_stamps,
    file_stamp,
    manifest_path,
    refuse_links,
)
from moci_vocab.model import Concept, Glossary, Manifest
from moci_vocab.store import (
    Parsed,
    WorkingTree,
    _parse_concept_file,
    _raise_first_error,
    load_glossary,
    load_glossary_readable,
    readable_part,
)
from moci_vocab.textnorm import fold

INDEX_CACHE = "file-index"
INDEX_KEY = 1  # bump when an entry changes shape or meaning
# More entries than this to make: take the parsed files from the concept cache (one
# unpickle) instead of parsing each file; and a mapping asked for more concepts one
# by one than this loads them all at once.
BULK = 64
_ROW, _FIELD = "\x1e", "\x1f"  # control characters: the schema refuses them in every text

# (concept id or None, the file's errors in order, its terms as "␞lang␟id␟term␟fold key" rows)
Entry = tuple[str | None, tuple[Finding, ...], str]


def term_rows(concept: Concept) -> Iterator[tuple[str, str, str]]:
    """(lang, term, fold key) of each term of ``concept``, in the file's order."""
    for lang, terms in concept.terms.items():
        for term in terms:
            yield lang, term.term, fold(term.term)


def summarize(parsed: Parsed) -> Entry:
    """The index entry of one parsed concept file."""
    concept, findings = parsed
    errors = tuple(finding for finding in findings if finding.severity == "error")
    if concept is None:
        return None, errors, ""
    rows = "".join(
        f"{_ROW}{lang}{_FIELD}{concept.id}{_FIELD}{term}{_FIELD}{key}"
        for lang, term, key in term_rows(concept)
    )
    return concept.id, errors, rows


def _is_entry(value: Any) -> bool:
    return (
        type(value) is tuple
        and len(value) == 3
        and isinstance(value[0], (str, type(None)))
        and type(value[1]) is tuple
        and all(isinstance(finding, Finding) for finding in value[1])
        and type(value[2]) is str
    )


@dataclass
class FileIndex:
    """The manifest, the problems met (the manifest's, then each file's errors), the entry
    of every concept file in the loader's order, and each language's own name."""

    root: Path
    manifest: Manifest
    findings: list[Finding]
    files: dict[str, Entry]
    autonyms: dict[str, str]


# The manifest's entry: (manifest, its findings, each language's autonym); parsing it asks
# CLDR (babel) whether each language exists, which costs more than all the rest of a load.
_MANIFEST_ENTRY = MANIFEST.as_posix()  # no concept file's name holds a "/"


def _is_manifest_entry(value: Any) -> bool:
    return (
        type(value) is tuple
        and len(value) == 3
        and isinstance(value[0], Manifest)
        and type(value[1]) is tuple
        and all(isinstance(finding, Finding) for finding in value[1])
        and type(value[2]) is dict
    )


def _index_key() -> tuple:
    """The code the entries depend on: fold keys (textnorm), language names (babel)."""
    from importlib.util import find_spec

    babel = find_spec("babel")
    return (
        INDEX_KEY,
        file_stamp(Path(__file__).with_name("textnorm.py")),
        file_stamp(babel.origin) if babel and babel.origin else None,
    )


def load_index(root: Path) -> FileIndex:
    """The index of the glossary at ``root``: one stat per file, files parsed only when new
    or changed (many at once: from the concept cache)."""
    from moci_vocab import cache

    root = Path(root)
    source = WorkingTree(root)
    refuse_links(root)
    entries = cache.FileEntries(
        root,
        INDEX_CACHE,
        _index_key(),
        valid=lambda value: _is_entry(value) or _is_manifest_entry(value),
    )
    manifest_stamp = file_stamp(manifest_path(root))
    manifest_entry = entries.get(_MANIFEST_ENTRY, manifest_stamp)
    if not _is_manifest_entry(manifest_entry):
        found: list[Finding] = []
        manifest = source.load_manifest(found.append)  # a manifest that cannot be used: raised
        manifest_entry = (manifest, tuple(found), _autonyms(manifest.language_order()))
        entries.put(_MANIFEST_ENTRY, manifest_stamp, manifest_entry)
    manifest, manifest_findings, autonyms = manifest_entry
    findings = list(manifest_findings)
    stamps = concept_stamps(root)
    names = sorted(stamps, key=os.path.normcase)  # layout.concept_file_names' order
    with cache.gc_paused():
        known = {name: entries.get(name, stamps[name]) for name in names}
        missing = [
            name for name, entry in known.items() if entry is None or isinstance(entry[0], Manifest)
        ]
        for name, parsed in zip(missing, _parse_many(source, missing, stamps), strict=True):
            known[name] = summarize(parsed)
            entries.put(name, stamps[name], known[name])
        entries.save()
    for entry in known.values():
        findings.extend(entry[1])
    return FileIndex(root, manifest, findings, known, autonyms)  # type: ignore[arg-type]


def _autonyms(tags: list[str]) -> dict[str, str]:
    """Each language's own name (its tag when CLDR knows none)."""
    return {tag: autonym_or_tag(tag) for tag in tags}


def autonym_or_tag(tag: str) -> str:
    """The language's own name, or its tag when CLDR has none for it."""
    from moci_vocab.languages import autonym

    try:
        return autonym(tag)
    except ValueError:
        return tag


def _parse_many(source: WorkingTree, names: list[str], stamps: dict) -> Iterator[Parsed]:
    """Each named file parsed; many of them come from the concept cache, which learns the rest."""
    folder = source.root / TERMS
    if len(names) <= BULK:
        for name in names:
            yield _parse_concept_file(folder / name)
        return
    parsed = source.entries()
    for name in names:
        value = parsed.get(name, stamps[name])
        if value is None:
            value = _parse_concept_file(folder / name)
            parsed.put(name, stamps[name], value)
        yield value
    if len(names) == len(stamps):  # every entry was asked for: none is dropped
        parsed.save()


class LazyConcepts(MutableMapping):
    """A glossary's concepts by id, each parsed from its file when first asked for.

    Iterating the ids, ``in`` and ``len`` read no file; ``values()`` and ``items()``
    load every concept (``load_all``); so does asking for more than BULK of them.
    """

    def __init__(self, index: FileIndex, load_all: Callable[[], dict[str, Concept]]) -> None:
        self._root = index.root
        self._files: dict[str, str | None] = {}  # id → file name (None: new in this run)
        for name, entry in index.files.items():
            if entry[0] is not None and entry[0] not in self._files:
                self._files[entry[0]] = name
        self._rows = {name: entry[2] for name, entry in index.files.items()}
        self._loaded: dict[str, Concept] = {}
        self._load_all = load_all
        self._all_loaded = False
        self._gone: set[str] = set()  # ids deleted in this run

    def __getitem__(self, concept_id: str) -> Concept:
        concept = self._loaded.get(concept_id)
        if concept is not None:
            return concept
        name = self._files[concept_id]  # KeyError: no such concept
        if len(self._loaded) >= BULK:
            self.load_all()
            return self._loaded[concept_id]
        assert name is not None  # concepts new in this run are in _loaded
        concept, findings = _parse_concept_file(self._root / TERMS / name)
        _raise_first_error(findings)  # changed since it was indexed (by another tool)
        if concept is None or concept.id != concept_id:
            raise KeyError(concept_id)
        self._loaded[concept_id] = concept
        return concept

    def __setitem__(self, concept_id: str, concept: Concept) -> None:
        self._files.setdefault(concept_id, None)
        self._loaded[concept_id] = concept

    def __delitem__(self, concept_id: str) -> None:
        del self._files[concept_id]
        self._loaded.pop(concept_id, None)
        self._gone.add(concept_id)

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self._files

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._files))

    def __len__(self) -> int:
        return len(self._files)

    def values(self):  # type: ignore[override]
        """Every concept (all loaded first)."""
        self.load_all()
        return super().values()

    def items(self):  # type: ignore[override]
        """Every (id, concept) (all loaded first)."""
        self.load_all()
        return super().items()

    def load_all(self) -> None:
        """Load every concept not held yet from the loader; those held stay as they are."""
        if self._all_loaded:
            return
        everything = self._load_all()
        for concept_id in self._files:
            if concept_id not in self._loaded:
                self._loaded[concept_id] = everything[concept_id]
        self._all_loaded = True

    @cached_property
    def _packed(self) -> tuple[str, list[int], list[str], dict[str, int]]:
        """The term rows of every concept file in one string: where each file's rows start,
        the ids in order, and each id's place in that order."""
        order = [(concept_id, name) for concept_id, name in self._files.items() if name]
        texts = [self._rows[name] for _id, name in order]
        ids = [concept_id for concept_id, _name in order]
        offsets = [0, *accumulate(map(len, texts))]
        return "".join(texts), offsets, ids, {concept_id: i for i, concept_id in enumerate(ids)}

    def folded_terms(
        self, lang: str, exclude: str | None
    ) -> tuple[list[str], list[tuple[str, ...]]]:
        """The fold keys of every ``lang`` term and their (concept, term, …), in glossary order;
        from the index for the concepts not loaded, from the concepts themselves otherwise."""
        import re

        text, offsets, ids, place = self._packed
        row = re.compile(
            f"{_ROW}{re.escape(lang)}{_FIELD}([^{_FIELD}]*){_FIELD}([^{_FIELD}]*)"
            f"{_FIELD}([^{_ROW}]*)"
        )
        keys: list[str] = []
        owners: list[tuple[str, ...]] = []

        def add_rows(start: int, stop: int) -> None:  # files start..stop-1, from the index
            found = row.findall(text, offsets[start], offsets[stop])
            keys.extend([key for _concept, _term, key in found])
            owners.extend(found)

        def add_concept(concept_id: str) -> None:  # a concept loaded (perhaps changed)
            if concept_id != exclude and concept_id in self._loaded:
                for term_lang, term, key in term_rows(self._loaded[concept_id]):
                    if term_lang == lang:
                        keys.append(key)
                        owners.append((concept_id, term))

        # Files whose concept is loaded, left out or gone: their rows are not the index's.
        special = {*self._loaded, *self._gone, exclude}
        start = 0
        for i in sorted(place[concept_id] for concept_id in special if concept_id in place):
            add_rows(start, i)
            if self._files.get(ids[i]) is not None:
                add_concept(ids[i])
            start = i + 1
        add_rows(start, len(ids))
        for concept_id, name in self._files.items():
            if name is None:  # new in this run: after every file, in the order made
                add_concept(concept_id)
        return keys, owners


def editing_glossary(root: Path) -> Glossary:
    """The glossary for a command that changes one concept: refused, like
    ``store.load_glossary``, when any file has an error; concepts parsed when asked for."""
    index = load_index(root)
    _raise_first_error(index.findings)
    concepts = LazyConcepts(index, lambda: load_glossary(root).concepts)
    return Glossary(root=root, manifest=index.manifest, concepts=concepts)  # type: ignore[arg-type]


def readable_glossary(root: Path) -> tuple[Glossary, list[Finding]]:
    """The glossary for a command that reads a concept or two: as
    ``store.load_glossary_readable`` (without the concepts whose files have errors, and
    the first error of each such file), concepts parsed when asked for."""
    index = load_index(root)
    concepts = LazyConcepts(index, lambda: load_glossary_readable(root)[0].concepts)
    glossary = Glossary(root=root, manifest=index.manifest, concepts=concepts)  # type: ignore[arg-type]
    return glossary, readable_part(glossary, index.findings)
