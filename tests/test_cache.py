"""The parsed-glossary cache: fast, safe to delete, never stale, never trusted blindly."""

from __future__ import annotations

import os
import pickle
import time

import pytest

from moci_vocab import cache
from moci_vocab.store import load_glossary


def _age(path, seconds=10):
    """Make a file look old, so the cache trusts its entry (see store.RACY_NS)."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns - seconds * 1_000_000_000))


@pytest.mark.parametrize("time_set_back", [False, True])
def test_an_edited_file_is_seen_even_with_the_same_size(
    seeded, monkeypatch, tmp_path, time_set_back
):
    """Also when its modification time is then set back exactly (`touch -r`, os.utime):
    no program can set its change time back."""
    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    path = seeded.root / "terms" / "resilience.yaml"
    for p in (seeded.root / "terms").glob("*.yaml"):
        _age(p)
    load_glossary(seeded.root)
    assert (seeded.root / ".moci-cache" / "concepts.pickle").exists()
    load_glossary(seeded.root)  # rewrite the cache now that every file is old
    st = path.stat()
    time.sleep(0.01)  # a change time that differs even on a coarse clock
    text = path.read_text("utf-8")
    path.write_text(text.replace("მდგრადობა", "მდგრადობი"), "utf-8")
    assert path.stat().st_size == len(text.encode("utf-8"))
    if time_set_back:
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
        assert path.stat().st_mtime_ns == st.st_mtime_ns
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


def test_a_big_cache_is_signed_and_verified_without_openssl(monkeypatch, tmp_path):
    """A cache of any size is signed with CPython's own keyed BLAKE2b: loading OpenSSL
    (`import hashlib`, ~3.4 ms of CPU) and its SHA-256 of a 5 MB cache cost more than
    BLAKE2b alone. A byte changed anywhere in it still makes it unread."""
    import sys

    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    monkeypatch.setitem(sys.modules, "hashlib", None)  # `import hashlib` fails
    value = [bytes([i % 256]) * 4096 for i in range(512)]
    cache.store(tmp_path, "big", value)
    path = tmp_path / ".moci-cache" / "big.pickle"
    assert path.stat().st_size > 2_000_000
    assert cache.load(tmp_path, "big") == value
    blob = bytearray(path.read_bytes())
    blob[len(blob) // 2] ^= 1
    path.write_bytes(bytes(blob))
    assert cache.load(tmp_path, "big") is None


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


def test_a_read_first_value_is_read_before_the_fingerprint_and_given_only_if_it_matches(
    seeded, monkeypatch, tmp_path
):
    """check-po's load before its fork: the file read, verified and unpickled while the
    fingerprint is on its way from the command; given only if it then matches; never saved."""
    from moci_vocab.layout import fingerprint

    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    for p in [*(seeded.root / "terms").glob("*.yaml"), seeded.root / "glossary" / "glossary.yaml"]:
        _age(p)
    assert cache.Derived(seeded.root, "probe", 1).save(["made"])
    order: list[str] = []
    read = cache._signed_payload
    monkeypatch.setattr(cache, "_signed_payload", lambda *a: (order.append("read"), read(*a))[1])

    def asked(root, value=None):
        order.append("fingerprint")
        return fingerprint(root) if value is None else value

    derived = cache.Derived(seeded.root, "probe", 1, asked, read_first=True)
    assert order == []  # nothing asked yet
    assert derived.cached() == ["made"] and order == ["read", "fingerprint"]
    assert not derived.save(["other"])  # never stored under a fingerprint taken after
    assert cache.Derived(seeded.root, "probe", 1).cached() == ["made"]
    stale = cache.Derived(
        seeded.root, "probe", 1, lambda root: asked(root, ("another", 0)), read_first=True
    )
    assert stale.cached() is None


def test_derived_value_is_unpickled_from_the_file_and_its_buffers_are_views(
    seeded, monkeypatch, tmp_path
):
    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    for p in [*(seeded.root / "terms").glob("*.yaml"), seeded.root / "glossary" / "glossary.yaml"]:
        _age(p)
    value = {"plain": [1, "two"], "big": pickle.PickleBuffer(b"x" * 1000), "small": b"yz"}
    assert cache.Derived(seeded.root, "probe", 1).save(value)
    loaded = cache.Derived(seeded.root, "probe", 1).cached()
    assert loaded["plain"] == [1, "two"] and loaded["small"] == b"yz"
    # handed out of band: a read-only view of the file's bytes, not a copy
    assert type(loaded["big"]) is memoryview and loaded["big"].readonly
    assert bytes(loaded["big"]) == b"x" * 1000
    assert cache.Derived(seeded.root, "probe", 2).cached() is None  # another key


def test_a_derived_file_of_the_old_shape_or_cut_short_is_rebuilt(seeded, monkeypatch, tmp_path):
    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    for p in [*(seeded.root / "terms").glob("*.yaml"), seeded.root / "glossary" / "glossary.yaml"]:
        _age(p)
    derived = cache.Derived(seeded.root, "probe", 1)
    old = {"key": derived.key, "fingerprint": derived.fingerprint[0], "value": pickle.dumps([1])}
    cache.store(seeded.root, "probe", old)  # the value's pickle inside the entry (before)
    assert cache.Derived(seeded.root, "probe", 1).cached() is None
    # sizes that point before the entry, or past the file: rebuilt, never misread
    for sizes in ({"value": 10**9, "buffers": []}, {"value": 5, "buffers": [10**9]}):
        entry = {"key": derived.key, "fingerprint": derived.fingerprint[0], **sizes}
        cache.store(seeded.root, "probe", entry, [pickle.dumps([1])])
        assert cache.Derived(seeded.root, "probe", 1).cached() is None
    assert derived.save([1]) and cache.Derived(seeded.root, "probe", 1).cached() == [1]


def test_stamps_are_each_files_stat_and_see_an_in_place_edit_in_the_same_second(seeded):
    from moci_vocab import layout

    terms = seeded.root / "terms"
    stamps = layout.concept_stamps(seeded.root)
    assert stamps == {
        p.name: (p.stat().st_size, p.stat().st_mtime_ns, p.stat().st_ino, p.stat().st_ctime_ns)
        for p in terms.glob("*.yaml")
    }
    before = layout.fingerprint(seeded.root)
    path = terms / "resilience.yaml"
    st = path.stat()
    with open(path, "r+b") as handle:  # in place: same inode, same size
        data = handle.read()
        handle.seek(0)
        handle.write(data.replace("მდგრადობა".encode(), "მდგრადობი".encode()))
    second = st.st_mtime_ns - st.st_mtime_ns % 1_000_000_000
    os.utime(path, ns=(st.st_atime_ns, second + (st.st_mtime_ns + 1) % 1_000_000_000))
    after = path.stat()
    assert (after.st_ino, after.st_size) == (st.st_ino, st.st_size)
    assert after.st_mtime_ns // 10**9 == st.st_mtime_ns // 10**9  # the same second
    assert layout.fingerprint(seeded.root)[0] != before[0]
    (terms / "gone.yaml").symlink_to(terms / "nowhere.yaml")  # dangling: nothing trusted
    assert layout.concept_stamps(seeded.root)["gone.yaml"] is None
    assert layout.fingerprint(seeded.root) is None


def test_an_edit_whose_modification_time_is_set_back_is_seen(seeded):
    """`touch -r` / os.utime can restore the old mtime exactly, never the change time."""
    from moci_vocab import layout

    path = seeded.root / "terms" / "resilience.yaml"
    st = path.stat()
    before = layout.fingerprint(seeded.root)
    time.sleep(0.01)  # a change time that differs even on a coarse clock tick
    with open(path, "r+b") as handle:  # in place: same inode, same size
        data = handle.read()
        handle.seek(0)
        handle.write(data.replace("მდგრადობა".encode(), "მდგრადობი".encode()))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # the old time, to the nanosecond
    after = path.stat()
    assert (after.st_ino, after.st_size) == (st.st_ino, st.st_size)
    assert after.st_mtime_ns == st.st_mtime_ns
    assert layout.fingerprint(seeded.root)[0] != before[0]


def _entries(root, **options):
    return cache.FileEntries(root, "parts", 1, racy=False, **options)


def test_entries_pickled_elsewhere_are_saved_as_they_are_and_read_back(monkeypatch, tmp_path):
    """FileEntries.put_pickled: a worker's pickle of its entries is saved as it is, after
    the record; reading it back gives every entry, an entry put again after its part wins."""
    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    made = {"b.yaml": ("v2", ["B"]), "c.yaml": ("v3", ["C"])}
    part = pickle.dumps(made)
    entries = _entries(tmp_path)
    entries.put("a.yaml", "v1", ["A"])
    entries.put_pickled(part, made)
    entries.save()
    assert part in (tmp_path / ".moci-cache" / "parts.pickle").read_bytes()
    again = _entries(tmp_path)
    assert again.old == {"a.yaml": ("v1", ["A"]), **made}
    assert [again.get(f"{name}.yaml", f"v{n}") for n, name in enumerate("abc", 1)] == [
        ["A"],
        ["B"],
        ["C"],
    ]
    again.put_pickled(part, made)
    again.put("c.yaml", "v4", ["D"])
    again.save()
    assert _entries(tmp_path).old == {
        "a.yaml": ("v1", ["A"]),
        "b.yaml": ("v2", ["B"]),
        "c.yaml": ("v4", ["D"]),
    }


@pytest.mark.parametrize("sizes", [[10**9], [0], [-5], ["7"], "7", [3, 3]])
def test_entries_whose_parts_do_not_add_up_are_all_dropped(monkeypatch, tmp_path, sizes):
    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    entries = _entries(tmp_path)
    record = {"key": entries.key, "written": 1, "files": {"a.yaml": ("v1", "A")}, "parts": sizes}
    cache.store(tmp_path, "parts", record, [pickle.dumps({"b.yaml": ("v2", "B")})])
    assert _entries(tmp_path).old == {}
    record["parts"] = [len(pickle.dumps({"b.yaml": ("v2", "B")}))]  # the right size: read
    cache.store(tmp_path, "parts", record, [pickle.dumps({"b.yaml": ("v2", "B")})])
    assert _entries(tmp_path).old == {"a.yaml": ("v1", "A"), "b.yaml": ("v2", "B")}


def test_a_part_of_the_wrong_shape_drops_every_entry(monkeypatch, tmp_path):
    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    for made in ({"b.yaml": "not an entry"}, ["b.yaml"]):
        entries = _entries(tmp_path, valid=lambda value: isinstance(value, str))
        entries.put("a.yaml", "v1", "A")
        entries.put_pickled(pickle.dumps(made), {"b.yaml": ("v2", "B")})
        entries.save()
        assert _entries(tmp_path, valid=lambda value: isinstance(value, str)).old == {}


def test_switched_off_the_entries_are_not_even_pickled(monkeypatch, tmp_path):
    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    monkeypatch.setenv("MOCI_VOCAB_NO_CACHE", "1")
    entries = _entries(tmp_path)
    entries.put("a.yaml", "v1", ["A"])
    monkeypatch.setattr(pickle, "dumps", lambda *_a, **_k: pytest.fail("pickled"))
    entries.save()
    assert not (tmp_path / ".moci-cache").exists()


def test_a_fifo_or_a_folder_as_the_key_is_no_key_and_never_waited_on(tmp_path):
    """The key is read as every file is (early.read_regular: O_NONBLOCK, regular files
    only): a FIFO there would otherwise hold every command, even after Ctrl-C or SIGTERM."""
    import subprocess
    import sys

    for name, make in [("fifo", os.mkfifo), ("folder", os.mkdir)]:
        (tmp_path / name).mkdir()
        make(tmp_path / name / "cache.key")
        env = {**os.environ, "MOCI_VOCAB_CACHE_KEY_DIR": str(tmp_path / name)}
        env.pop("MOCI_VOCAB_NO_CACHE", None)
        code = "from moci_vocab import cache, early; print(early.read_key(), cache.signing_key())"
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
        )
        assert done.stdout == "None None\n", done.stderr


def test_objects_made_with_the_collector_paused_are_aged_unwalked_and_stay_collectable() -> None:
    # gc_aged moves what a paused block made into the oldest generation: no young
    # collection walks it when the collector resumes, nothing stays frozen, and a cycle
    # among those objects is still freed by a full collection.
    import gc
    import weakref

    from moci_vocab.cache import gc_aged, gc_paused

    class Node:
        pass

    with gc_paused():
        kept = [[n] for n in range(50_000)]
        cycle = Node()
        cycle.me = cycle
        gone = weakref.ref(cycle)
        del cycle
        assert gc.get_count()[0] > 40_000  # the young generation, as the collector resumes
        gc_aged()
        assert gc.get_count()[0] < 100
    assert gc.get_freeze_count() == 0
    assert gc.is_tracked(kept[0]) and any(o is kept[0] for o in gc.get_objects(generation=2))
    assert gone() is not None
    gc.collect()
    assert gone() is None
