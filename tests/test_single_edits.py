"""Single edits and `show` read a file index instead of the whole glossary (issue 17):
same output, same files written, same refusals; the index follows every change."""

from __future__ import annotations

import copy
import json
import os
import pickle
import shutil
from pathlib import Path

import pytest
from single_edits import GOLDEN, run

from benchmarks.generate_hard import make_hard_glossary
from moci_vocab import cache, fileindex
from moci_vocab.errors import MociError
from moci_vocab.fileindex import PACKED_CACHE, editing_glossary, load_index, readable_glossary
from moci_vocab.matching import folded_terms, near_duplicates
from moci_vocab.operations import NewConcept, add_concept, near_duplicate_warnings, respell
from moci_vocab.store import load_glossary, load_glossary_readable

OLD_NS = 1_500_000_000 * 10**9  # a modification time far past the racy window


@pytest.fixture
def keyed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    return tmp_path


@pytest.fixture(scope="module")
def hard(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("hard") / "g"
    return root, make_hard_glossary(root, 120)


def _copy(hard, tmp_path: Path) -> Path:
    root = tmp_path / "g"
    shutil.copytree(hard[0], root)
    _touch_old(root / "glossary" / "glossary.yaml")  # caches trust no file younger than 2 s
    return root


def _touch_old(path: Path, ns: int = OLD_NS) -> None:
    os.utime(path, ns=(ns, ns))


def test_output_and_written_files_are_those_of_the_full_load(keyed: Path) -> None:
    """Every step (add with near-duplicates, refusals, translate, respell, edit, deprecate,
    show, search, a broken file) as recorded from the code that loaded the whole glossary."""
    expected = json.loads(GOLDEN.read_text("utf-8"))
    got = run()
    assert len(got["steps"]) == len(expected["steps"])
    for mine, theirs in zip(got["steps"], expected["steps"], strict=True):
        assert mine == theirs, mine["args"]


def test_near_duplicates_from_the_index_equal_those_of_the_loaded_glossary(hard, keyed) -> None:
    root = _copy(hard, keyed)
    full = load_glossary(root)
    lazy = editing_glossary(root)
    for lang in ("en", "sq", "ka", "hy"):
        for exclude in (None, next(iter(full.concepts))):
            keys, owners = folded_terms(lazy, lang, exclude)
            assert (keys, [o[:2] for o in owners]) == folded_terms(full, lang, exclude)
    some = list(full.concepts.values())[10]
    for lang, terms in some.terms.items():
        text = terms[0].term
        assert near_duplicates(lazy, lang, text) == near_duplicates(full, lang, text)
        assert near_duplicates(lazy, lang, text + "e", some.id) == near_duplicates(
            full, lang, text + "e", some.id
        )


def test_changed_added_and_removed_concepts_count_in_place(hard, keyed) -> None:
    """A concept changed in memory, a new one and a removed one: the warnings see them as
    the loaded glossary does (respell warns of the concept's own siblings too)."""
    root = _copy(hard, keyed)
    full, lazy = load_glossary(root), editing_glossary(root)
    ids = list(full.concepts)
    sq = full.concepts[ids[20]].terms["sq"][0].term
    for glossary in (full, lazy):
        new = copy.deepcopy(full.concepts[ids[30]])
        new.id = "zz-new"
        glossary.concepts["zz-new"] = new
        del glossary.concepts[ids[40]]
        add_concept(glossary, NewConcept("zz-other", [("en", "zz other"), ("sq", sq + "t")]))
    assert "zz-new" in lazy.concepts and ids[40] not in lazy.concepts
    assert list(lazy.concepts) == list(full.concepts)
    first = respell(full, ids[5], "sq", full.concepts[ids[5]].terms["sq"][0].term, sq)
    second = respell(lazy, ids[5], "sq", lazy.concepts[ids[5]].terms["sq"][0].term, sq)
    assert first.messages == second.messages and any("looks like" in m for m in first.messages)
    assert first.changes.writes == second.changes.writes
    for lang in ("en", "sq"):
        warned = near_duplicate_warnings(full, [(lang, sq)], ids[6])
        assert near_duplicate_warnings(lazy, [(lang, sq)], ids[6]) == warned
    assert [c.id for c in lazy.concepts.values()] == [c.id for c in full.concepts.values()]


def test_the_index_follows_a_changed_a_new_and_a_broken_file(hard, keyed) -> None:
    root = _copy(hard, keyed)
    first = load_index(root)
    assert load_index(root).names == first.names  # from the cache now
    path = root / "terms" / f"{first.names[3]}"
    text = path.read_text("utf-8")
    path.write_text(text.replace("status: preferred", "status: preferred", 1) + "note:\n  en: x\n")
    _touch_old(path, OLD_NS + 10**9)  # as old as the others, yet a new stamp (size, mtime)
    extra = root / "terms" / "zz-extra.yaml"
    extra.write_text("id: zz-extra\nterms:\n  en:\n    - term: zz extra\n      status: preferred\n")
    _touch_old(extra)
    index = load_index(root)
    assert "zz-extra.yaml" in index.names and "zz extra" in index.rows
    glossary = editing_glossary(root)
    assert glossary.concepts[first.ids[3]].note == {"en": "x"}
    broken = root / "terms" / "broken.yaml"
    broken.write_text("id: broken\nterms:\n  en: [\n")
    _touch_old(broken)
    with pytest.raises(MociError) as refused:
        editing_glossary(root)
    with pytest.raises(MociError) as loader:
        load_glossary(root)
    assert str(refused.value) == str(loader.value)
    lazy, skipped, _names = readable_glossary(root)
    full, full_skipped = load_glossary_readable(root)
    assert skipped == full_skipped and list(lazy.concepts) == list(full.concepts)


def test_a_file_changed_within_the_racy_window_is_read_again(hard, keyed) -> None:
    root = _copy(hard, keyed)
    index = load_index(root)
    path = root / "terms" / index.names[0]
    # Same size, same second: only a stamp the racy rule refuses tells them apart.
    path.write_text(path.read_text("utf-8").replace("status: preferred", "status: admitted", 1))
    assert (
        editing_glossary(root).concepts[index.ids[0]] == load_glossary(root).concepts[index.ids[0]]
    )
    assert load_index(root).rows == load_index(root).rows


def test_a_cached_index_of_another_shape_is_rebuilt(hard, keyed) -> None:
    root = _copy(hard, keyed)
    index = load_index(root)
    entry = cache.load(root, PACKED_CACHE)
    # the value's pickle follows the entry (its size in "value"): unpickled only when fresh
    assert entry is not None and type(entry["value"]) is int
    path = root / ".moci-cache" / f"{PACKED_CACHE}.pickle"
    for value in (b"not a pickle", pickle.dumps(["wrong", "shape"])):
        cache.store(root, PACKED_CACHE, {**entry, "value": len(value), "buffers": []}, [value])
        planted = path.read_bytes()
        assert load_index(root).names == index.names
        assert path.read_bytes() != planted  # stored again
        assert type(cache.load(root, PACKED_CACHE)["value"]) is int


def test_asking_for_many_concepts_loads_them_all_at_once(hard, keyed) -> None:
    root = _copy(hard, keyed)
    lazy, full = editing_glossary(root), load_glossary(root)
    assert [lazy.concepts[i] for i in full.concepts] == list(full.concepts.values())
    assert lazy.concepts._all_loaded  # past BULK, the loader gave the rest


def _rebuilt(root: Path):
    """The index made again from each file's entry (no packed index to start from)."""
    (root / ".moci-cache" / f"{PACKED_CACHE}.pickle").unlink(missing_ok=True)
    return load_index(root)


def _fields(index) -> tuple:
    return (
        index.names,
        index.ids,
        index.rows,
        index.offsets,
        [str(f) for f in index.findings],
        list(index.__getstate__()["stamps"]),  # as pickled: in names' order
        index.manifest_stamp,
        index.manifest_findings,
    )


def test_a_changed_index_is_brought_up_to_date_from_the_packed_one(
    hard, keyed, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a change, the packed index is updated file by file (the per-file entries are
    not read): the same index as one rebuilt; with an error or an id twice, rebuilt."""
    root = _copy(hard, keyed)
    first = load_index(root)
    assert cache.Derived(root, PACKED_CACHE, 0).earlier() is None  # another key: not given
    changed = root / "terms" / first.names[5]
    text = changed.read_text("utf-8")
    changed.write_text(text.replace("  en:\n    - term: ", "  en:\n    - term: zzchanged ", 1))
    _touch_old(changed, OLD_NS + 10**9)
    (root / "terms" / first.names[9]).unlink()
    extra = root / "terms" / "aa-extra.yaml"
    extra.write_text("id: aa-extra\nterms:\n  en:\n    - term: aa extra\n      status: preferred\n")
    _touch_old(extra)
    with monkeypatch.context() as patched:  # the per-file entries are not needed
        patched.setattr(cache, "FileEntries", None)
        updated = load_index(root)
        again = load_index(root)  # stored: the packed index holds again
    assert "aa-extra.yaml" in updated.names and first.names[9] not in updated.names
    assert "zzchanged" not in first.rows and "zzchanged" in updated.rows
    assert "aa extra" in updated.rows
    assert _fields(updated) == _fields(again) == _fields(_rebuilt(root))
    # A concept moved to another file (renamed by hand): its id in the new file's place.
    moved = root / "terms" / "zz-moved.yaml"
    moved.write_text(extra.read_text("utf-8"), "utf-8")
    extra.unlink()
    _touch_old(moved)
    with monkeypatch.context() as patched:
        patched.setattr(cache, "FileEntries", None)
        assert load_index(root).names[-1] == "zz-moved.yaml"
    assert _fields(load_index(root)) == _fields(_rebuilt(root))
    # A file changed within the racy window of the index's making is read again too.
    young = root / "terms" / first.names[0]
    young.write_text(young.read_text("utf-8").replace("preferred", "admitted", 1), "utf-8")
    assert _fields(load_index(root)) == _fields(_rebuilt(root))
    # An id twice, then a broken file: not updated from the packed index, rebuilt the long
    # way, the same answers as the loader's.
    twin = root / "terms" / "zz-twin.yaml"
    twin.write_text(changed.read_text("utf-8"), "utf-8")
    _touch_old(twin)
    _touch_old(young, OLD_NS + 2 * 10**9)
    load_index(root)
    broken = root / "terms" / "zz-broken.yaml"
    broken.write_text("id: zz-broken\nterms:\n  en: [\n")
    _touch_old(broken)
    index = load_index(root)
    assert _fields(index) == _fields(_rebuilt(root))
    assert len(index.findings) > index.manifest_findings and None in index.ids


def test_show_reads_the_index_without_its_term_rows(hard, keyed, monkeypatch) -> None:
    """`show`'s glossary (terms=False) comes from the lighter names index while no file
    changed, and follows a change as the whole index does."""
    root = _copy(hard, keyed)

    def seen(glossary_skipped_autonyms) -> tuple:
        glossary, skipped, autonyms = glossary_skipped_autonyms
        return list(glossary.concepts), [str(f) for f in skipped], autonyms

    whole = seen(readable_glossary(root))
    assert seen(readable_glossary(root, terms=False)) == whole  # the names index stored
    (root / ".moci-cache" / f"{PACKED_CACHE}.pickle").unlink()
    with monkeypatch.context() as patched:  # the whole index is not read
        patched.setattr(fileindex, "load_index", None)
        lazy, _skipped, _autonyms = readable_glossary(root, terms=False)
        assert seen((lazy, _skipped, _autonyms)) == whole
        assert lazy.concepts[whole[0][7]] == load_glossary(root).concepts[whole[0][7]]
    extra = root / "terms" / "aa-extra.yaml"
    extra.write_text("id: aa-extra\nterms:\n  en:\n    - term: aa extra\n      status: preferred\n")
    _touch_old(extra)
    broken = root / "terms" / "zz-broken.yaml"
    broken.write_text("id: zz-broken\nterms:\n  en: [\n")
    _touch_old(broken)
    light = seen(readable_glossary(root, terms=False))
    assert light == seen(readable_glossary(root))
    assert "aa-extra" in light[0] and any("zz-broken" in f for f in light[1])
