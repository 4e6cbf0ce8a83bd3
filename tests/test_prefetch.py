"""check-po's compiled glossaries read and verified by a thread at the run's start
(moci_vocab.prefetch): taken by the process that loads them when they are the file its path
names now, under the same key; never a file the tool did not write, never through a link,
nothing kept when anything fails; no thread left once it is joined."""

from __future__ import annotations

import _thread
import os
import pickle
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from moci_vocab import cache, early, prefetch
from moci_vocab.errors import MociError

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
IDENTITY = HERE / "fixtures" / "identity"


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with two signed cache files as check-po's compile names them (sq, hy)."""
    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    monkeypatch.delenv("MOCI_VOCAB_NO_CACHE", raising=False)
    monkeypatch.setattr(prefetch, "_verified", {})
    folder = tmp_path / "g"
    folder.mkdir()
    cache.store(folder, "checkpo-sq", {"lang": "sq", "rules": list(range(1000))})
    cache.store(folder, "checkpo-hy", {"lang": "hy"})
    return folder


def fetch(
    root: Path, files: tuple[str, ...] = ("po/gedit-sq.po", "locale/hy/LC_MESSAGES/x.po")
) -> None:
    """Read ahead as the console entry does, and join (as standby.start does)."""
    threads = _thread._count()
    interval = sys.getswitchinterval()
    assert prefetch.start(str(root), None, list(files))
    prefetch.join(finish=True)
    assert sys.getswitchinterval() == interval
    deadline = time.monotonic() + 5
    while _thread._count() > threads and time.monotonic() < deadline:
        time.sleep(0.001)  # (it has returned; its interpreter state goes a moment later)
    assert _thread._count() == threads  # no thread left


def no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make reading a cache file fail loudly: a load that succeeds took the read-ahead bytes."""

    def refused(*_args, **_kwargs):
        raise AssertionError("read again")

    monkeypatch.setattr(cache, "read_regular_file", refused)


def test_a_process_takes_the_bytes_read_ahead_instead_of_reading_the_file(root, monkeypatch):
    fetch(root)
    assert len(prefetch._verified) == 2
    no_reading(monkeypatch)
    assert cache.load(root, "checkpo-sq") == {"lang": "sq", "rules": list(range(1000))}
    assert cache.load(root, "checkpo-hy") == {"lang": "hy"}
    assert prefetch._verified == {}  # each taken once


def test_only_the_languages_the_catalogs_name_are_read(root, monkeypatch):
    fetch(root, ("po/gedit-sq.po", "po/vlc-sq.po"))
    no_reading(monkeypatch)
    assert cache.load(root, "checkpo-sq") is not None
    with pytest.raises(AssertionError, match="read again"):
        cache.load(root, "checkpo-hy")
    assert prefetch.start(str(root), "hy", ["a.po", "b.po"])  # --lang: that one
    prefetch.join(finish=True)
    assert cache.load(root, "checkpo-hy") == {"lang": "hy"}


@pytest.mark.parametrize(
    ("path", "hint"),
    [
        ("po/gedit-sq.po", "sq"),
        ("locale/pt_BR/LC_MESSAGES/django.po", "pt_BR"),
        ("po/app.sr-Latn.po", "sr"),
        ("hy.po", "hy"),
        ("po/x-sr@latin.mo", "sr@latin"),
    ],
)
def test_a_catalogs_language_is_guessed_from_its_path_as_check_po_groups_files(path, hint):
    assert prefetch._hint(path) == hint


def test_no_cache_file_is_read_for_the_parts_of_a_path_that_name_no_language(root):
    """`.po`, `LC_MESSAGES`, a domain's name: planted files named so are never read."""
    for name in ("po", "lc", "messages", "django", "locale", ""):
        cache.store(root, f"checkpo-{name}", name)
    fetch(root, ("locale/sq/LC_MESSAGES/django.po", "locale/hy/LC_MESSAGES/django.po", "-"))
    assert len(prefetch._verified) == 2  # sq, hy


def test_the_root_is_found_as_click_finds_it(root, monkeypatch):
    """No --root: MOCI_VOCAB_ROOT, else the nearest folder upward with the manifest."""
    files = ["po/gedit-sq.po", "po/vlc-hy.po"]
    monkeypatch.setenv("MOCI_VOCAB_ROOT", str(root))
    assert prefetch.start(None, None, files)
    prefetch.join(finish=True)
    assert len(prefetch._verified) == 2
    prefetch.forget()
    monkeypatch.delenv("MOCI_VOCAB_ROOT")
    (root / "glossary" / "deep").mkdir(parents=True)
    (root / "glossary" / "glossary.yaml").write_text("", encoding="utf-8")
    monkeypatch.chdir(root / "glossary" / "deep")
    assert prefetch.start(None, None, files)
    prefetch.join(finish=True)
    assert len(prefetch._verified) == 2


def test_a_thread_started_meanwhile_does_not_hold_the_join(root):
    threads = _thread._count()
    started, release = _thread.allocate_lock(), _thread.allocate_lock()
    release.acquire()
    assert prefetch.start(str(root), None, ["a-sq.po", "b-hy.po"])

    def other() -> None:
        started.acquire()
        with release:
            pass

    _thread.start_new_thread(other, ())
    prefetch.join(finish=True)  # returns while the other thread runs
    release.release()
    assert len(prefetch._verified) == 2
    deadline = time.monotonic() + 5
    while _thread._count() > threads and time.monotonic() < deadline:
        time.sleep(0.001)  # (the other thread ends: the next test counts threads)


def test_a_file_replaced_after_it_was_read_ahead_is_read_again(root):
    fetch(root)
    cache.store(root, "checkpo-sq", "newer")  # another process's (atomic: a new inode)
    assert cache.load(root, "checkpo-sq") == "newer"


def test_a_file_changed_in_place_after_it_was_read_ahead_is_read_again(root):
    """Same inode, size and modification time (set back): the change time differs, the
    bytes read ahead are not taken; the file's own then fail their signature."""
    path = root / ".moci-cache" / "checkpo-sq.pickle"
    fetch(root)
    st = path.stat()
    time.sleep(0.02)  # a change time that differs even on a coarse clock
    blob = bytearray(path.read_bytes())
    blob[-5] ^= 1
    with open(path, "r+b") as handle:
        handle.write(blob)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    now = path.stat()
    assert (now.st_ino, now.st_size, now.st_mtime_ns) == (st.st_ino, st.st_size, st.st_mtime_ns)
    assert cache.load(root, "checkpo-sq") is None


def test_bytes_read_ahead_under_another_key_are_not_taken(root, monkeypatch, tmp_path):
    fetch(root)
    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "other-key"))
    no_reading(monkeypatch)
    with pytest.raises(AssertionError, match="read again"):
        cache.load(root, "checkpo-sq")


def test_a_tampered_file_is_not_kept(root):
    path = root / ".moci-cache" / "checkpo-sq.pickle"
    blob = bytearray(path.read_bytes())
    blob[len(blob) // 2] ^= 1
    path.write_bytes(blob)
    fetch(root)
    hy = (root / ".moci-cache" / "checkpo-hy.pickle").stat()
    assert list(prefetch._verified) == [(hy.st_dev, hy.st_ino)]
    assert cache.load(root, "checkpo-sq") is None


def test_a_planted_file_is_never_unpickled(root, tmp_path):
    class Boom:
        def __reduce__(self):
            return (os.system, (f"touch {tmp_path / 'ran'}",))

    path = root / ".moci-cache" / "checkpo-sq.pickle"
    path.write_bytes(early.HEADER + b"\0" * 32 + pickle.dumps(Boom()))
    fetch(root)
    assert len(prefetch._verified) == 1  # hy only
    assert cache.load(root, "checkpo-sq") is None
    assert not (tmp_path / "ran").exists()


def test_a_linked_cache_file_or_folder_is_not_read(root, tmp_path):
    folder = root / ".moci-cache"
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(folder, elsewhere)
    (folder / "checkpo-sq.pickle").unlink()
    (folder / "checkpo-sq.pickle").symlink_to(elsewhere / "checkpo-sq.pickle")
    fetch(root)
    assert len(prefetch._verified) == 1  # hy only
    prefetch.forget()
    shutil.rmtree(folder)
    folder.symlink_to(elsewhere)
    fetch(root)
    assert prefetch._verified == {}


def test_no_key_no_read_ahead_and_no_key_made(root, tmp_path, monkeypatch):
    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "no-key"))
    fetch(root)
    assert prefetch._verified == {}
    assert not (tmp_path / "no-key").exists()


def test_no_read_ahead_with_the_cache_off(root, monkeypatch):
    monkeypatch.setenv("MOCI_VOCAB_NO_CACHE", "1")
    assert not prefetch.start(str(root), None, ["a-sq.po", "b-sq.po"])
    prefetch.join()  # (a no-op)
    assert prefetch._verified == {}


def test_a_failure_in_the_thread_keeps_nothing_and_says_nothing(root, monkeypatch, capfd):
    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(early, "signed_payload", broken)
    fetch(root)
    assert prefetch._verified == {}
    assert capfd.readouterr() == ("", "")


def test_a_file_over_the_bound_is_left_to_the_normal_path(root, monkeypatch):
    monkeypatch.setattr(prefetch, "PREFETCH_BYTES", 1000)
    fetch(root)
    assert len(prefetch._verified) == 1  # hy's few bytes; sq's list is over 1,000


def test_the_bounded_read_says_why_it_read_nothing(tmp_path):
    (tmp_path / "f").write_bytes(b"x" * 10)
    (tmp_path / "link").symlink_to(tmp_path / "f")
    os.mkfifo(tmp_path / "fifo")
    assert early.read_regular(tmp_path / "f", 10)[0] == b"x" * 10
    for name, limit, kind in [
        ("f", 9, "too big"),
        ("link", 10, "link"),
        ("fifo", 10, "special"),
        (".", 10, "folder"),
        ("none", 10, "missing"),
    ]:
        with pytest.raises(early.Unread) as caught:
            early.read_regular(tmp_path / name, limit)
        assert caught.value.kind == kind
    from moci_vocab.fsutil import LINK_REFUSED, read_regular_file

    with pytest.raises(MociError, match="is over") as caught:
        read_regular_file(tmp_path / "f", 9)
    assert caught.value.path == tmp_path / "f"
    with pytest.raises(MociError) as caught:
        read_regular_file(tmp_path / "link", 10)
    assert caught.value.message == LINK_REFUSED


# The console entry, each process saying in LOG which cache files it took read ahead.
# Its join waits for every file: in a run this small, on a loaded machine, the thread may
# not have read them when the standby is forked (they are then read there, as ever).
SCRIPT = """
import os, sys
from moci_vocab import prefetch
log = open(os.environ["LOG"], "a", buffering=1)
joined = prefetch.join
prefetch.join = lambda: joined(finish=True)
taken = prefetch.take
def take(path, key):
    payload = taken(path, key)
    log.write(f"{os.getpid()} {os.path.basename(path)} {payload is not None}\\n")
    return payload
prefetch.take = take
sys.argv = ["moci-vocab", *sys.argv[1:]]
import moci_vocab.__main__ as entry
entry.main()
"""


@pytest.mark.skipif(
    not (sys.platform.startswith("linux") and len(os.sched_getaffinity(0)) >= 2),
    reason="a standby: Linux, two cores",
)
def test_the_standby_takes_what_the_console_entry_read_ahead(tmp_path):
    for name in ("clean", "po"):
        shutil.copytree(IDENTITY / name, tmp_path / name, ignore=shutil.ignore_patterns(".moci*"))
    log = tmp_path / "log.txt"
    env = {
        **os.environ,
        "LOG": str(log),
        "NO_COLOR": "1",
        "PYTHONPATH": str(REPO),
        "MOCI_VOCAB_CACHE_KEY_DIR": str(tmp_path / "key"),
    }
    env.pop("MOCI_VOCAB_NO_CACHE", None)
    args = ["--root", "clean", "check-po", "po/sq.po", "po/hy.po"]

    def run(*more: str) -> bytes:
        log.unlink(missing_ok=True)
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT, *args, *more],
            capture_output=True,
            cwd=tmp_path,
            env=env,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )
        return b"exit %d\n%s\n%s" % (done.returncode, done.stdout, done.stderr)

    one = run("--jobs", "1")  # (compiles and caches both languages)
    assert run() == one
    taken = [line.split()[1:] for line in log.read_text("utf-8").splitlines()]
    assert sorted(taken) == [
        ["checkpo-hy.pickle", "True"],
        ["checkpo-languages.pickle", "False"],
        ["checkpo-sq.pickle", "True"],
    ]


def test_a_cache_folder_with_more_entries_than_this_tool_makes_is_not_read(root, monkeypatch):
    """A pull request can commit a .moci-cache of 300,000 files: listing it would hold the
    start; past MAX_ENTRIES nothing is read ahead (review 22, MINOR 1)."""
    monkeypatch.setattr(prefetch, "MAX_ENTRIES", 3)  # .gitignore, sq, hy
    fetch(root)
    assert len(prefetch._verified) == 2
    prefetch.forget()
    (root / ".moci-cache" / "checkpo-sq-x1.pickle").write_bytes(b"")
    fetch(root)
    assert prefetch._verified == {}


def test_ctrl_c_before_the_thread_started_leaves_no_join_hanging(root, monkeypatch):
    """A Ctrl-C between the lock taken and the thread started (review 22, MINOR 2 and 3):
    nothing to join, the console entry's join returns at once, the switch interval as it was."""
    interval = sys.getswitchinterval()

    def interrupted(*_args):
        raise KeyboardInterrupt

    monkeypatch.setattr(_thread, "start_new_thread", interrupted)
    with pytest.raises(KeyboardInterrupt):
        prefetch.start(str(root), None, ["a-sq.po", "b-sq.po"])
    prefetch.join()
    assert prefetch._running is None
    assert sys.getswitchinterval() == interval


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="Linux's /proc")
def test_the_join_returns_once_the_system_thread_is_gone(root):
    """standby.start forks right after the join: a thread that has returned but is still the
    system's makes Python 3.12's os.fork warn "This process is multi-threaded, use of fork()
    may lead to deadlocks in the child" (on stderr under -X dev; 94 forks in 100)."""
    before = len(os.listdir("/proc/self/task"))
    for _ in range(20):
        assert prefetch.start(str(root), None, ["a-sq.po", "b-hy.po"])
        prefetch.join(finish=True)
        assert len(os.listdir("/proc/self/task")) == before
        prefetch.forget()


def test_the_languages_of_the_most_catalogs_are_read_first(root, monkeypatch):
    """A join may stop the thread before its last file: the language of most catalogs (most
    often the one loaded before the worker's fork) is read first, not in the names' order."""
    order = []
    read = early.read_regular
    monkeypatch.setattr(
        early, "read_regular", lambda name, *a, **k: order.append(name) or read(name, *a, **k)
    )
    fetch(root, ("a-sq.po", "b-sq.po", "c-hy.po"))
    assert order[-2:] == ["checkpo-sq.pickle", "checkpo-hy.pickle"]
    order.clear()
    fetch(root, ("a-hy.po", "b-sq.po", "c-hy.po"))
    assert order[-2:] == ["checkpo-hy.pickle", "checkpo-sq.pickle"]


def test_a_join_that_a_signal_stopped_leaves_the_next_join_free(root):
    """A Ctrl-C inside the join that standby.start makes, once the thread's lock is taken
    (its wait for the system's thread: up to ~20 ms), left the lock taken, and the console
    entry's own join on the way out waited for it for ever (review25: 1 run in 60 with a
    SIGINT at 0.11-0.41 s never ended)."""
    code = (
        "from moci_vocab import prefetch\n"
        f"assert prefetch.start({str(root)!r}, None, ['a-sq.po'])\n"
        "counted = prefetch._system_threads\n"
        "def interrupted():\n"
        "    prefetch._system_threads = counted\n"
        "    raise KeyboardInterrupt\n"
        "prefetch._system_threads = interrupted\n"
        "try:\n"
        "    prefetch.join(finish=True)\n"
        "except KeyboardInterrupt:\n"
        "    print('interrupted')\n"
        "prefetch.join()\n"
        "print('joined')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    try:
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=30
        )
    except subprocess.TimeoutExpired:
        pytest.fail("the second join waited for ever")
    assert done.stdout.split() == ["interrupted", "joined"], done.stderr
