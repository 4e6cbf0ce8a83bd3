"""The cached search index: same hits as without it, never stale, and no YAML parsed when warm."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import examples
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import process

from benchmarks.generate import OLD_MTIME_NS, make_glossary
from moci_vocab import store
from moci_vocab.matching import _best_matches, _search_scorer, load_search_data, search

CID = "clutiction"  # the first generated concept
QUERIES = ("sherigeba", "kultura", "pajtim", "adw", "ცანც", "հաշտ", "xyz")


@pytest.fixture
def big(tmp_path, monkeypatch):
    """A generated glossary of 150 concepts whose files look old (so caches trust them)."""
    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    root = tmp_path / "g"
    assert make_glossary(root, 150)[0].id == CID
    os.utime(store.manifest_path(root), ns=(OLD_MTIME_NS, OLD_MTIME_NS))
    return root


def _hits(data, query, lang=None):
    return [hit.to_json() for hit in data.index.only(lang).query(query, limit=10)]


def _uncached(root, query, lang=None):
    return [hit.to_json() for hit in search(store.load_glossary(root), query, limit=10, lang=lang)]


def test_cached_index_gives_the_same_hits_without_parsing(big, monkeypatch):
    load_search_data(big)  # builds and stores the index
    monkeypatch.setattr(store, "load_glossary", lambda root: pytest.fail("parsed YAML"))
    warm = load_search_data(big)
    monkeypatch.undo()
    for query in QUERIES:
        assert _hits(warm, query) == _uncached(big, query)
        assert _hits(warm, query, "ka") == _uncached(big, query, "ka")
    concept = store.load_glossary(big).concepts[CID]
    assert warm.source_terms[CID] == concept.preferred("en").term


def test_built_index_has_the_keys_of_search_keys_and_leaves_the_collector_on(big):
    import gc

    from moci_vocab.matching import SearchIndex

    data = load_search_data(big)  # cold: the keys are built (with the collector paused)
    assert gc.isenabled()
    built = SearchIndex.build(store.load_glossary(big))
    assert data.index.keys == built.keys and list(data.index.owners) == built.owners
    assert len(data.index.keys) > 600


def test_an_edited_file_is_seen_even_with_the_same_size(big):
    load_search_data(big)
    load_search_data(big)
    path = big / "terms" / "clutiction.yaml"
    text = path.read_text("utf-8")
    old = store.load_glossary(big).concepts[CID].preferred("sq").term
    new = old[::-1]  # the same bytes in another order: the same size
    path.write_text(text.replace(f"term: {old}\n", f"term: {new}\n"), "utf-8")
    assert path.stat().st_size == len(text.encode("utf-8"))
    hits = _hits(load_search_data(big), new)
    assert hits[0] == {"concept": CID, "lang": "sq", "term": new, "score": 100.0}
    assert {"concept": CID, "lang": "sq", "term": old, "score": 100.0} not in _hits(
        load_search_data(big), old
    )


def test_added_and_removed_files_are_seen(big):
    load_search_data(big)
    source = big / "terms" / "clutiction.yaml"
    text = source.read_text("utf-8")
    source.unlink()
    assert all(h["concept"] != CID for h in _hits(load_search_data(big), "clutiction"))
    (big / "terms" / "zz-new.yaml").write_text(
        text.replace("id: clutiction", "id: zz-new"), "utf-8"
    )
    assert _hits(load_search_data(big), "clutiction")[0]["concept"] == "zz-new"


def test_a_manifest_change_is_seen(big):
    assert [lang for lang in load_search_data(big).manifest.languages] == ["en", "sq", "ka", "hy"]
    path = store.manifest_path(big)
    path.write_text(
        path.read_text("utf-8").replace("languages:\n", "languages:\n  de:\n    script: Latn\n"),
        "utf-8",
    )
    assert "de" in load_search_data(big).manifest.languages


def test_a_broken_file_is_named_not_a_stale_answer(big):
    load_search_data(big)
    path = big / "terms" / "clutiction.yaml"
    path.write_text("id: [unclosed\n", "utf-8")
    data = load_search_data(big)  # the other concepts are still searched
    assert [Path(f.file).name for f in data.skipped] == [f"{CID}.yaml"]
    assert CID not in {hit.concept for hit in data.index.query(CID, limit=10)}
    assert load_search_data(big).skipped  # never served from a cache without the file


def test_search_command_uses_the_cache_and_agrees(big):
    from click.testing import CliRunner

    from moci_vocab.cli import cli

    runner = CliRunner()
    for _ in range(2):  # cold, then warm
        result = runner.invoke(cli, ["--root", str(big), "search", "kultura", "--format", "json"])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout) == _uncached(big, "kultura")
    result = runner.invoke(cli, ["--root", str(big), "search", "kultura", "--lang", "xx"])
    assert result.exit_code == 1 and "error:" in result.output
    text = runner.invoke(cli, ["--root", str(big), "search", "clutiction"])
    assert CID in text.stdout and "preferred (source)" in text.stdout


@settings(max_examples=examples(200), deadline=None)
@given(
    st.lists(st.text("abcdeëç ", min_size=1, max_size=12), min_size=1, max_size=40),
    st.text("abcdeëç ", min_size=1, max_size=8),
    st.integers(1, 30),
)
def test_native_scoring_ranks_like_the_reference_scorer(keys, query, limit):
    """_best_matches is an optimisation of process.extract(scorer=_search_scorer)."""
    expected = process.extract(
        query, keys, scorer=_search_scorer, processor=None, limit=limit, score_cutoff=60.0
    )
    got = _best_matches(query, keys, limit, 60.0)
    assert sorted((i, round(s, 6)) for _k, s, i in expected) == sorted(
        (i, round(s, 6)) for i, s in got
    )


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(st.text("abcë -აბგ", min_size=1, max_size=10), min_size=1, max_size=60),
    st.text("abcë -აბგ", min_size=1, max_size=8),
    st.integers(1, 30),
)
def test_comparing_only_keys_that_share_a_character_finds_the_same_best(keys, query, limit):
    """The index compares a query with the KeyGroups that can share a character with it."""
    from moci_vocab.matching import SearchIndex

    index = SearchIndex.from_keys(keys, [("c", "xx", key) for key in keys])
    expected = [(i, keys[i], s) for i, s in _best_matches(query, keys, limit, 60.0)]
    assert index._best_keys(query, limit, 60.0) == expected
    assert index.keys == keys


def test_a_latin_query_skips_keys_in_other_letters_only():
    from moci_vocab.matching import group_keys

    groups = {group.ascii: group for group in group_keys(["peace", "მშვიდობა", "ა-ბ", "խաղ ու"])}
    assert [g.ascii for g in group_keys(["ა", "a", "ა b"])] == [None, "", " b"]
    assert groups[None].may_match("peace") and not groups[None].may_match("მშვიდობა")
    assert not groups[""].may_match("peace") and groups[""].may_match("მშვ")
    assert groups["-"].may_match("a-b") and not groups["-"].may_match("ab")
    assert groups[" "].may_match("social innovation") and groups[" "].may_match("խաղ")


def _reference(root):
    """The index, owners and source terms as SearchIndex.build makes them from a full load."""
    from moci_vocab.matching import SearchIndex

    glossary = store.load_glossary(root)
    built = SearchIndex.build(glossary)
    sources = {}
    for concept in glossary.concepts.values():
        preferred = concept.preferred(glossary.source_language)
        if preferred is not None:
            sources[concept.id] = preferred.term
    return built.keys, list(built.owners), sources


def _from_file_index(root):
    """The search data made with no search cache (the file index warm): keys, owners, sources."""
    (root / ".moci-cache" / "search-index.pickle").unlink(missing_ok=True)
    data = load_search_data(root)
    return data.index.keys, list(data.index.owners), data.source_terms


def _old(path):
    os.utime(path, ns=(OLD_MTIME_NS, OLD_MTIME_NS))


def test_no_search_cache_builds_from_the_file_index_what_a_full_load_gives(big, monkeypatch):
    from moci_vocab import fileindex

    fileindex.load_index(big)  # the file index, as show or an edit leaves it
    monkeypatch.setattr(store, "load_glossary", lambda root: pytest.fail("parsed all YAML"))
    monkeypatch.setattr(store, "load_glossary_readable", lambda root: pytest.fail("parsed all"))
    got = _from_file_index(big)
    monkeypatch.undo()
    assert got == _reference(big)
    assert len(got[2]) == 150


@pytest.mark.parametrize("change", ["in place", "added", "removed", "preferred"])
def test_no_search_cache_after_a_hand_change_is_not_stale(big, change):
    """With only the file index cached: a file edited in place (same size), added, removed,
    or a preferred source term demoted by hand is seen."""
    _from_file_index(big)
    path = big / "terms" / f"{CID}.yaml"
    text = path.read_text("utf-8")
    if change == "in place":
        old = store.load_glossary(big).concepts[CID].preferred("sq").term
        with open(path, "r+", encoding="utf-8") as handle:  # the same inode, the same size
            handle.write(text.replace(f"term: {old}\n", f"term: {old[::-1]}\n"))
    elif change == "added":
        (big / "terms" / "zz-new.yaml").write_text(text.replace(f"id: {CID}", "id: zz-new"))
    elif change == "removed":
        path.unlink()
    else:
        english = store.load_glossary(big).concepts[CID].preferred("en").term
        assert f"term: {english}\n      status: preferred" in text
        path.write_text(
            text.replace(
                f"term: {english}\n      status: preferred",
                f"term: {english}\n      status: admitted",
            )
        )
    got = _from_file_index(big)
    assert got == _reference(big)
    if change == "preferred":
        assert CID not in got[2]
    if change == "added":
        assert "zz-new" in got[2]
