"""The parsed-glossary cache: fast, safe to delete, never stale, never trusted blindly."""

from __future__ import annotations

import os
import pickle

from moci_vocab import cache
from moci_vocab.store import load_glossary


def _age(path, seconds=10):
    """Make a file look old, so the cache trusts its entry (see store.RACY_NS)."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns - seconds * 1_000_000_000))


def test_an_edited_file_is_seen_even_with_the_same_size(seeded, monkeypatch, tmp_path):
    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    path = seeded.root / "terms" / "resilience.yaml"
    for p in (seeded.root / "terms").glob("*.yaml"):
        _age(p)
    load_glossary(seeded.root)
    assert (seeded.root / ".moci-cache" / "concepts.pickle").exists()
    load_glossary(seeded.root)  # rewrite the cache now that every file is old
    text = path.read_text("utf-8")
    path.write_text(text.replace("მდგრადობა", "მდგრადობი"), "utf-8")
    assert path.stat().st_size == len(text.encode("utf-8"))
    assert load_glossary(seeded.root).concepts["resilience"].preferred("ka").term == "მდგრადობი"


def test_cache_is_used_for_unchanged_files(seeded, monkeypatch, tmp_path):
    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    for p in (seeded.root / "terms").glob("*.yaml"):
        _age(p)
    load_glossary(seeded.root)
    load_glossary(seeded.root)
    calls = []
    import moci_vocab.store as store

    real = store._parse_concept_file
    monkeypatch.setattr(store, "_parse_concept_file", lambda p: calls.append(p) or real(p))
    assert len(load_glossary(seeded.root).concepts) == 3
    assert calls == []


def test_deleting_the_cache_is_safe(seeded, monkeypatch, tmp_path):
    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    first = load_glossary(seeded.root)
    for p in (seeded.root / ".moci-cache").glob("*.pickle"):
        p.unlink()
    assert load_glossary(seeded.root).concepts == first.concepts


class Boom:
    def __reduce__(self):
        return (os.system, ("touch planted-pickle-ran",))


def test_a_planted_cache_file_is_never_unpickled(seeded, monkeypatch, tmp_path):
    """A pull request could commit .moci-cache/; its pickle must not run."""
    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    monkeypatch.chdir(tmp_path)
    folder = seeded.root / ".moci-cache"
    folder.mkdir(exist_ok=True)
    payload = pickle.dumps(Boom())
    blob = b"MOCICACHE" + bytes([cache.CACHE_FORMAT]) + b"\0" * 32 + payload
    (folder / "concepts.pickle").write_bytes(blob)
    assert len(load_glossary(seeded.root).concepts) == 3
    assert not (tmp_path / "planted-pickle-ran").exists()


def test_cache_can_be_switched_off(seeded, monkeypatch, tmp_path):
    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    monkeypatch.setenv("MOCI_VOCAB_NO_CACHE", "1")
    for p in (seeded.root / ".moci-cache").glob("*.pickle"):
        p.unlink()
    load_glossary(seeded.root)
    assert not list((seeded.root / ".moci-cache").glob("*.pickle"))


def test_code_stamp_changes_with_any_file_of_the_code_not_with_bytecode(tmp_path):
    package = tmp_path / "pkg"
    (package / "sub" / "__pycache__").mkdir(parents=True)
    (package / "a.py").write_text("x = 1\n")
    (package / "sub" / "data.txt").write_text("word\n")
    first = cache.code_stamp(str(package))
    assert cache.code_stamp(str(package)) == first
    (package / "sub" / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"\0")
    assert cache.code_stamp(str(package)) == first
    st = (package / "sub" / "data.txt").stat()
    os.utime(package / "sub" / "data.txt", ns=(st.st_atime_ns, st.st_mtime_ns + 1000))
    second = cache.code_stamp(str(package))
    assert second != first
    (package / "b.py").write_text("")
    assert cache.code_stamp(str(package)) not in (first, second)


def test_a_value_made_by_other_code_is_stale(seeded, monkeypatch, tmp_path):
    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    for p in [*(seeded.root / "terms").glob("*.yaml"), seeded.root / "glossary" / "glossary.yaml"]:
        _age(p)
    assert cache.Derived(seeded.root, "probe", 1).save(["made"])
    assert cache.Derived(seeded.root, "probe", 1).cached() == ["made"]
    monkeypatch.setattr(cache, "code_stamp", lambda: "other code, same version")
    assert cache.Derived(seeded.root, "probe", 1).cached() is None
