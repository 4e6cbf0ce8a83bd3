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
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterator, MutableMapping
from functools import cached_property
from itertools import accumulate
from pathlib import Path
from typing import Any

from moci_vocab.findings import Finding
from moci_vocab.layout import (
    MANIFEST,
    TERMS,
    Stamp,
    concept_stamps,
    file_stamp,
    fingerprint_of_stamps,
    manifest_path,
    refuse_links,
)
from moci_vocab.model import Concept, Glossary, Manifest
from moci_vocab.records import Record
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

INDEX_CACHE = "file-index"  # each file's entry
PACKED_CACHE = "file-index-packed"  # the whole index, while no file changed
NAMES_CACHE = "file-index-names"  # the same without the term rows (FileNames): for `show`
INDEX_KEY = 2  # bump when an entry changes shape or meaning
# More entries than this to make: take the parsed files from the concept cache (one
# unpickle) instead of parsing each file; and a mapping asked for more concepts one
# by one than this loads them all at once.
BULK = 64
_ROW, _FIELD = "\x1e", "\x1f"  # control characters: the schema refuses them in every text

# (concept id or None, the file's errors in order, its terms as rows
# "␞lang␟id␟term␟fold key␟p" ("p" for a preferred term, else nothing after the last ␟))
Entry = tuple[str | None, tuple[Finding, ...], str]
_PREFERRED = "p"


def term_rows(concept: Concept) -> Iterator[tuple[str, str, str, bool]]:
    """(lang, term, fold key, whether preferred) of each term of ``concept``, in the file's
    order."""
    for lang, terms in concept.terms.items():
        for term in terms:
            yield lang, term.term, fold(term.term), term.status == "preferred"


def summarize(parsed: Parsed) -> Entry:
    """The index entry of one parsed concept file."""
    concept, findings = parsed[0], parsed[1]
    errors = tuple(finding for finding in findings if finding.severity == "error")
    if concept is None:
        return None, errors, ""
    rows = "".join(
        f"{_ROW}{lang}{_FIELD}{concept.id}{_FIELD}{term}{_FIELD}{key}{_FIELD}"
        + (_PREFERRED if preferred else "")
        for lang, term, key, preferred in term_rows(concept)
    )
    return concept.id, errors, rows


def _is_entry(value: Any) -> bool:
    return (
        type(value) is tuple
        and len(value) == 3
        and (value[0] is None or type(value[0]) is str)
        and type(value[2]) is str
        and type(value[1]) is tuple
        and (not value[1] or all(isinstance(finding, Finding) for finding in value[1]))
    )


class FileIndex(Record):
    """The manifest, the problems met (the manifest's, then each file's errors), the concept
    files in the loader's order with their concepts' ids and term rows (one string; a file's
    rows run from its offset to the next one's), and each language's own name.

    The rows are kept encoded and decoded when first asked for: `show` never asks, and
    decoding them is a third of the cost of unpickling the index. An index made in this
    run keeps them decoded, and its files' stamps by name, until it is pickled."""

    _fields = (
        "root",
        "manifest",
        "findings",
        "names",
        "ids",
        "rows_utf8",
        "offsets",
        "autonyms",
        "stamps",
        "manifest_stamp",
        "manifest_findings",
    )

    def __init__(
        self,
        root: Path,
        manifest: Manifest,
        findings: list[Finding],
        names: list[str],
        ids: list[str | None],
        rows_utf8: bytes | None,
        offsets: list[int],
        autonyms: dict[str, str],
        stamps: array | dict[str, Stamp | None],
        manifest_stamp: Stamp | None,
        manifest_findings: int,
    ) -> None:
        self.root = root
        self.manifest = manifest
        self.findings = findings
        self.names = names
        self.ids = ids  # None: no concept (an unreadable file), or an id met before
        self.rows_utf8 = rows_utf8  # None: made in this run (``rows`` holds them)
        self.offsets = offsets
        self.autonyms = autonyms
        # What bringing the index up to date needs (``_updated``): the stamps its entries
        # were made from (unpickled: four numbers a file, in ``names`` order; made in this
        # run: by name), the manifest's, and how many of ``findings`` are the manifest's.
        self.stamps = stamps
        self.manifest_stamp = manifest_stamp
        self.manifest_findings = manifest_findings

    @cached_property
    def rows(self) -> str:
        """The term rows (see Entry), every file's in the loader's order."""
        return self.rows_utf8.decode("utf-8", "surrogatepass")  # type: ignore[union-attr]

    def __getstate__(self) -> dict[str, Any]:
        """What a pickle keeps: the fields, the rows encoded, the stamps packed."""
        state = dict(self.__dict__)
        rows = state.pop("rows", None)
        if state["rows_utf8"] is None:
            state["rows_utf8"] = rows.encode("utf-8", "surrogatepass")  # type: ignore[union-attr]
        stamps = state["stamps"]
        if type(stamps) is dict:  # a vanished file (None) stands as -1s: no stamp equals them
            state["stamps"] = array("q", [n for name in self.names for n in stamps[name] or _GONE])
        return state


_GONE = (-1, -1, -1, -1)


def _is_index(value: Any) -> bool:
    """Whether a cached FileIndex has its shape (a cache that is not: rebuilt)."""
    return (
        isinstance(value, FileIndex)
        and isinstance(value.manifest, Manifest)
        and all(isinstance(finding, Finding) for finding in value.findings)
        and type(value.rows_utf8) is bytes
        and len(value.names) == len(value.ids) == len(value.offsets) - 1
        and type(value.autonyms) is dict
        and type(value.stamps) is array
        and len(value.stamps) == 4 * len(value.names)
        and type(value.manifest_findings) is int
    )


def _packed(
    root: Path,
    manifest_entry: tuple,
    files: dict[str, Entry],
    stamps: dict[str, Stamp | None],
    manifest_stamp: Stamp | None,
) -> FileIndex:
    """The index of ``files`` (entries in the loader's order, made from these ``stamps``);
    the first file of an id wins."""
    manifest, manifest_findings, autonyms = manifest_entry
    findings = list(manifest_findings)
    ids: list[str | None] = []
    texts: list[str] = []
    seen: set[str] = set()
    for concept_id, errors, rows in files.values():
        findings.extend(errors)
        first = concept_id is not None and concept_id not in seen
        ids.append(concept_id if first else None)
        texts.append(rows if first else "")
        if first:
            seen.add(concept_id)  # type: ignore[arg-type]
    offsets = [0, *accumulate(map(len, texts))]
    index = FileIndex(
        Path(root),
        manifest,
        findings,
        list(files),
        ids,
        None,
        offsets,
        autonyms,
        stamps,
        manifest_stamp,
        len(manifest_findings),
    )
    index.__dict__["rows"] = "".join(texts)
    return index


def _updated(
    root: Path, whole: Any, stamps: dict[str, Stamp | None], manifest_stamp: Stamp | None
) -> FileIndex | None:
    """The index made earlier (``whole``, a ``cache.Derived``) brought up to date: the
    entries of the files unchanged since (``cache.unchanged``) taken from it, the other
    files parsed; None when it cannot be (none stored, the manifest changed, or it had
    errors or an id twice: their entries are not in it whole) and the index is rebuilt."""
    from moci_vocab import cache

    earlier = whole.earlier()
    if earlier is None:
        return None
    old, written = earlier
    if (
        len(old.findings) != old.manifest_findings
        or None in old.ids
        or not cache.unchanged(old.manifest_stamp, manifest_stamp, written)
    ):
        return None
    before = dict(zip(old.names, zip(*[iter(old.stamps)] * 4, strict=True), strict=True))
    changed = [
        name for name, st in stamps.items() if not cache.unchanged(before.get(name), st, written)
    ]
    parsed = _parse_many(WorkingTree(root), changed, stamps)
    fresh = dict(zip(changed, map(summarize, parsed), strict=True))
    if all(entry[0] is not None and not entry[1] for entry in fresh.values()):
        gone = [name for name in before if name not in stamps]
        index = _spliced(root, old, stamps, fresh, gone)
        if len(set(index.ids)) == len(index.ids):  # else an id twice: the first file wins
            return index
    rows, offsets, ids = old.rows, old.offsets, old.ids
    place = {name: i for i, name in enumerate(old.names)}
    files: dict[str, Entry] = {}
    for name in sorted(stamps, key=os.path.normcase):  # layout.concept_file_names' order
        entry = fresh.get(name)
        if entry is None:
            i = place[name]
            entry = ids[i], (), rows[offsets[i] : offsets[i + 1]]
        files[name] = entry
    manifest_entry = (old.manifest, tuple(old.findings), old.autonyms)
    return _packed(root, manifest_entry, files, stamps, manifest_stamp)


def _spliced(
    root: Path,
    old: FileIndex,
    stamps: dict[str, Stamp | None],
    fresh: dict[str, Entry],
    gone: list[str],
) -> FileIndex:
    """``old`` with the files of ``fresh`` put in (in their places: a changed file's, a new
    file's in the loader's order) and those ``gone`` left out: what `_packed` makes of the
    files when none has an error and no id is there twice."""
    normcase = os.path.normcase
    # (place in old, 0: put in before it / 1: in its stead or left out, name)
    steps = []
    for name in [*fresh, *gone]:
        place = bisect_left(old.names, normcase(name), key=normcase)
        there = place < len(old.names) and old.names[place] == name
        steps.append((place, 1 if there else 0, normcase(name), name))
    names: list[str] = []
    ids: list[str | None] = []
    texts: list[str] = []
    offsets = [0]
    start = 0
    for place, instead, _key, name in [*sorted(steps), (len(old.names), 0, "", None)]:
        names += old.names[start:place]  # the files between: as they were
        ids += old.ids[start:place]
        texts.append(old.rows[old.offsets[start] : old.offsets[place]])
        shift = offsets[-1] - old.offsets[start]
        offsets += [at + shift for at in old.offsets[start + 1 : place + 1]]
        entry = fresh.get(name)  # type: ignore[arg-type]
        if entry is not None:
            names.append(name)  # type: ignore[arg-type]
            ids.append(entry[0])
            texts.append(entry[2])
            offsets.append(offsets[-1] + len(entry[2]))
        start = place + instead
    index = FileIndex(
        Path(root),
        old.manifest,
        old.findings,
        names,
        ids,
        None,
        offsets,
        old.autonyms,
        stamps,
        old.manifest_stamp,
        old.manifest_findings,
    )
    index.__dict__["rows"] = "".join(texts)
    return index


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


def load_index(
    root: Path,
    stamps: dict[str, Stamp | None] | None = None,
    fingerprint: tuple[str, int] | None = None,
) -> FileIndex:
    """The index of the glossary at ``root``: while no file changed, one stat per file and
    a few objects unpickled (``cache.Derived``); after a change, the index made earlier
    with the files changed since parsed (``_updated``); failing that, rebuilt from each
    file's entry, parsing only the files that are new or changed (many at once: from the
    concept cache).

    ``stamps``: the concept files' stamps (``layout.concept_stamps``) if already taken;
    ``fingerprint``: theirs (``layout.fingerprint_of_stamps``) if already made."""
    from moci_vocab import cache

    root = Path(root)
    refuse_links(root)
    key = _index_key()
    if stamps is None:
        stamps = concept_stamps(root)
    if fingerprint is None:
        fingerprint = fingerprint_of_stamps(root, stamps)
    whole = cache.Derived(
        root, PACKED_CACHE, key, fingerprint_of=lambda _root: fingerprint, valid=_is_index
    )
    index = whole.cached()
    if index is not None:
        index.root = root
        return index
    manifest_stamp = file_stamp(manifest_path(root))
    with cache.gc_paused():
        index = _updated(root, whole, stamps, manifest_stamp)
    if index is not None:
        whole.save(index)
        return index
    source = WorkingTree(root)
    entries = cache.FileEntries(
        root,
        INDEX_CACHE,
        key,
        valid=lambda value: _is_entry(value) or _is_manifest_entry(value),
    )
    manifest_entry = entries.get(_MANIFEST_ENTRY, manifest_stamp)
    manifest_parsed = not _is_manifest_entry(manifest_entry)  # asking CLDR costs: kept
    if manifest_parsed:
        found: list[Finding] = []
        manifest = source.load_manifest(found.append)  # a manifest that cannot be used: raised
        manifest_entry = (manifest, tuple(found), _autonyms(manifest.language_order()))
        entries.put(_MANIFEST_ENTRY, manifest_stamp, manifest_entry)
    names = sorted(stamps, key=os.path.normcase)  # layout.concept_file_names' order
    with cache.gc_paused():
        known = {name: entries.get(name, stamps[name]) for name in names}
        missing = [
            name for name, entry in known.items() if entry is None or isinstance(entry[0], Manifest)
        ]
        for name, parsed in zip(missing, _parse_many(source, missing, stamps), strict=True):
            known[name] = summarize(parsed)
            entries.put(name, stamps[name], known[name])
        index = _packed(root, manifest_entry, known, stamps, manifest_stamp)  # type: ignore[arg-type]
        # Right after an edit the new file is too young to be trusted (cache.RACY_NS): it is
        # parsed again next time, which costs less than storing every entry again now.
        if whole.save(index) or manifest_parsed or len(missing) > BULK:
            entries.save()
    return index


class FileNames:
    """What `show` needs of the file index: the manifest, the problems met, the concept files
    in the loader's order with their concepts' ids, each language's own name. Not the term
    rows (nine tenths of the index, every byte of it checked against its signature when
    read): a glossary read with it cannot give its concepts' indexed terms."""

    def __init__(
        self,
        root: Path,
        manifest: Manifest,
        findings: list[Finding],
        names: list[str],
        ids: list[str | None],
        autonyms: dict[str, str],
    ) -> None:
        self.root = root
        self.manifest = manifest
        self.findings = findings
        self.names = names
        self.ids = ids
        self.autonyms = autonyms


def _is_names(value: Any) -> bool:
    """Whether a cached FileNames has its shape (a cache that is not: rebuilt)."""
    return (
        type(value) is FileNames
        and isinstance(value.manifest, Manifest)
        and type(value.findings) is list
        and all(isinstance(finding, Finding) for finding in value.findings)
        and type(value.names) is list
        and type(value.ids) is list
        and len(value.names) == len(value.ids)
        and type(value.autonyms) is dict
    )


def load_names(root: Path, stamps: dict[str, Stamp | None] | None = None) -> FileNames:
    """The file index without its term rows (``FileNames``): while no file changed, a few
    objects unpickled from their own cache (``NAMES_CACHE``, a ``cache.Derived``);
    otherwise taken from ``load_index`` and stored. ``stamps``: as for ``load_index``."""
    from moci_vocab import cache

    root = Path(root)
    refuse_links(root)
    if stamps is None:
        stamps = concept_stamps(root)
    fingerprint = fingerprint_of_stamps(root, stamps)
    light = cache.Derived(
        root, NAMES_CACHE, _index_key(), fingerprint_of=lambda _root: fingerprint, valid=_is_names
    )
    names = light.cached()
    if names is not None:
        names.root = root
        return names
    index = load_index(root, stamps, fingerprint)
    names = FileNames(root, index.manifest, index.findings, index.names, index.ids, index.autonyms)
    light.save(names)
    return names


def _autonyms(tags: list[str]) -> dict[str, str]:
    """Each language's own name (its tag when CLDR knows none)."""
    from moci_vocab.languages import autonym_or_tag

    return {tag: autonym_or_tag(tag) for tag in tags}


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

    def __init__(
        self, index: FileIndex | FileNames, load_all: Callable[[], dict[str, Concept]]
    ) -> None:
        self._index = index
        # id → place of its file in the index (None: new in this run)
        self._files: dict[str, int | None] = {
            concept_id: place for place, concept_id in enumerate(index.ids) if concept_id
        }
        self._loaded: dict[str, Concept] = {}
        self._load_all = load_all
        self._all_loaded = False
        self._gone: set[str] = set()  # ids deleted in this run

    def __getitem__(self, concept_id: str) -> Concept:
        concept = self._loaded.get(concept_id)
        if concept is not None:
            return concept
        place = self._files[concept_id]  # KeyError: no such concept
        if len(self._loaded) >= BULK:
            self.load_all()
            return self._loaded[concept_id]
        assert place is not None  # concepts new in this run are in _loaded
        path = self._index.root / TERMS / self._index.names[place]
        concept, findings = _parse_concept_file(path)[:2]
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

    def pop(self, concept_id: str, *default: Any) -> Any:  # type: ignore[override]
        """Drop a concept without reading its file (dropped for an error in it, usually):
        the concept if it was loaded, else None; ``default`` (or KeyError) if there is none."""
        if concept_id not in self._files:
            if default:
                return default[0]
            raise KeyError(concept_id)
        concept = self._loaded.get(concept_id)
        del self[concept_id]
        return concept

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

    def indexed_terms(self, concept_id: str) -> list[tuple[str, str, str, bool]]:
        """(lang, term, fold key, whether preferred) of each term of a concept, in its file's
        order: from the index, or from the concept itself once it was loaded."""
        concept = self._loaded.get(concept_id)
        if concept is not None:
            return list(term_rows(concept))
        index, place = self._index, self._files[concept_id]  # KeyError: no such concept
        assert isinstance(index, FileIndex), "read with load_names: no term rows"
        rows = index.rows[index.offsets[place] : index.offsets[place + 1]].split(_ROW)  # type: ignore[index]
        return [
            (lang, term, key, preferred == _PREFERRED)
            for lang, _id, term, key, preferred in (row.split(_FIELD) for row in rows[1:])
        ]

    def folded_terms(
        self, lang: str, exclude: str | None
    ) -> tuple[list[str], list[tuple[str, ...]]]:
        """The fold keys of every ``lang`` term and their (concept, term, …), in glossary order;
        from the index for the concepts not loaded, from the concepts themselves otherwise."""
        import re

        index = self._index
        assert isinstance(index, FileIndex), "read with load_names: no term rows"
        row = re.compile(
            f"{_ROW}{re.escape(lang)}{_FIELD}([^{_FIELD}]*){_FIELD}([^{_FIELD}]*)"
            f"{_FIELD}([^{_FIELD}{_ROW}]*)"
        )
        keys: list[str] = []
        owners: list[tuple[str, ...]] = []

        def add_rows(start: int, stop: int) -> None:  # files start..stop-1, from the index
            found = row.findall(index.rows, index.offsets[start], index.offsets[stop])
            keys.extend([key for _concept, _term, key in found])
            owners.extend(found)

        def add_concept(concept_id: str) -> None:  # a concept loaded (perhaps changed)
            if concept_id != exclude and concept_id in self._loaded:
                for term_lang, term, key, _preferred in term_rows(self._loaded[concept_id]):
                    if term_lang == lang:
                        keys.append(key)
                        owners.append((concept_id, term))

        # Files whose concept is loaded, left out or gone: their rows are not the index's.
        places = {index.ids.index(i) for i in self._gone if i in index.ids}
        places |= {
            self._files[i] for i in {*self._loaded, exclude} if self._files.get(i) is not None
        }  # type: ignore[misc]
        start = 0
        for place in sorted(places):
            add_rows(start, place)
            concept_id = index.ids[place]
            if concept_id is not None and self._files.get(concept_id) == place:
                add_concept(concept_id)
            start = place + 1
        add_rows(start, len(index.names))
        for concept_id, place in self._files.items():
            if place is None:  # new in this run: after every file, in the order made
                add_concept(concept_id)
        return keys, owners


def editing_glossary(root: Path) -> Glossary:
    """The glossary for a command that changes one concept: refused, like
    ``store.load_glossary``, when any file has an error; concepts parsed when asked for."""
    index = load_index(root)
    _raise_first_error(index.findings)
    concepts = LazyConcepts(index, lambda: load_glossary(root).concepts)
    return Glossary(root=root, manifest=index.manifest, concepts=concepts)  # type: ignore[arg-type]


def readable_glossary(
    root: Path, stamps: dict[str, Stamp | None] | None = None, terms: bool = True
) -> tuple[Glossary, list[Finding], dict[str, str]]:
    """For a command that reads a concept or two: the glossary as
    ``store.load_glossary_readable`` has it (without the concepts whose files have errors;
    the first error of each such file), concepts parsed when asked for; and the autonyms
    of its languages. ``stamps``: as for ``load_index``; ``terms=False``: the concepts'
    indexed terms are not asked for (`show`), the lighter ``load_names`` does."""
    index = load_index(root, stamps) if terms else load_names(root, stamps)
    concepts = LazyConcepts(index, lambda: load_glossary_readable(root)[0].concepts)
    glossary = Glossary(root=root, manifest=index.manifest, concepts=concepts)  # type: ignore[arg-type]
    return glossary, readable_part(glossary, index.findings), index.autonyms
