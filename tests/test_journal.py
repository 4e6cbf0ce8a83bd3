"""A journal can only finish a change this tool began, here (issue 14, point 1).

`.moci-journal.json` tells the next command to rename and delete files, so a
journal committed to a pull request must never be acted on: not by a command
that only reads (CI runs `check` and `check-po`), and not by one that writes.
It must name only the glossary's own files, carry this machine's seal for
this checkout, contain no link, FIFO or device, and be small.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import snapshot
from test_hostile import FAST, assert_one_clear_error, run

from moci_vocab.errors import MociError
from moci_vocab.fsutil import MAX_JOURNAL_BYTES, _write_journal, finish_interrupted
from moci_vocab.layout import JOURNAL, is_own_file, staged_target

pytestmark = pytest.mark.skipif(os.name == "nt", reason="links, FIFOs and devices are POSIX")

SHOW = ["show", "good"]
WRITE = ["translate", "good", "sq", "mirë", "--yes"]


@pytest.fixture
def good(moci, tmp_path, monkeypatch):
    """A scratch glossary with one good concept; the key (this "machine") in tmp_path."""
    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    moci("add", "good", "--term", "en=good", "--term", "sq=i mirë", "--yes")
    moci("add", "other", "--term", "en=other", "--yes")
    (moci.root / ".git").mkdir()
    (moci.root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    return moci.root


def plant(root: Path, changes: list, **extra) -> None:
    (root / JOURNAL).write_text(json.dumps({"format": 2, "changes": changes, **extra}), "utf-8")


def sealed(root: Path, staged: list[tuple[str, str]], deletes: list[str]) -> None:
    """A journal written the way moci-vocab writes one, with this machine's key."""
    _write_journal(
        root / JOURNAL,
        [(str(root / tmp), root / to) for tmp, to in staged],
        [root / d for d in deletes],
    )


def assert_left_alone(root: Path, tmp: Path, words: str) -> None:
    """A reader warns and goes on; a writer stops with one clear error; nothing changes."""
    __tracebackhide__ = True
    before = snapshot(root)
    shown = run(root, SHOW, tmp / "show", timeout=FAST * 3)
    assert shown.code == 0, shown
    assert shown.err.startswith("warning: .moci-journal.json: a change was left half-made")
    assert len(shown.err.strip().splitlines()) == 1, shown.err
    written = run(root, WRITE, tmp / "write", timeout=FAST * 3)
    assert_one_clear_error(written, ".moci-journal.json", None, words)
    assert "so it was left alone" in written.err
    for result in (shown, written):
        assert result.seconds < FAST and result.max_rss_mb < 300, result
    assert snapshot(root) == before
    assert (root / ".git" / "HEAD").read_text() == "ref: refs/heads/main\n"


PLANTED = {
    "git-head": ([{"delete": ".git/HEAD"}], "a file moci-vocab never deletes"),
    "manifest": ([{"delete": "glossary/glossary.yaml"}], "a file moci-vocab never deletes"),
    "terms-folder": ([{"delete": "terms"}], "a file moci-vocab never deletes"),
    "outside": ([{"delete": "../outside.txt"}], "a file moci-vocab never deletes"),
    "absolute": ([{"delete": "/etc/passwd"}], "a file moci-vocab never deletes"),
    "rename-onto-git": (
        [{"rename": ".git/.HEAD.abcdefgh.tmp", "to": ".git/HEAD"}],
        "a file moci-vocab never writes",
    ),
    "not-staged": (
        [{"rename": "terms/other.yaml", "to": "terms/good.yaml"}],
        "which moci-vocab did not stage",
    ),
    "through-a-link": ([{"delete": "lnk/file.yaml"}], "a file moci-vocab never deletes"),
    # well-formed and naming only concept files, but not sealed on this machine
    "unsealed": ([{"delete": "terms/other.yaml"}], "was not written by moci-vocab on this machine"),
    "number-for-a-name": ([{"delete": 7}], "is not a journal this version"),
    "extra-key": ([{"delete": "terms/other.yaml", "and": "x"}], "is not a journal this version"),
}


@pytest.mark.parametrize("name", list(PLANTED))
def test_a_planted_journal_is_never_acted_on(good, tmp_path, name):
    changes, words = PLANTED[name]
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "file.yaml").write_text("id: x\n")
    (good / "lnk").symlink_to(outside)
    (good / "terms" / ".HEAD.abcdefgh.tmp").write_text("evil")
    plant(good, changes, seal="0" * 64)
    assert_left_alone(good, tmp_path / "runs", words)
    assert (outside / "file.yaml").read_text() == "id: x\n"


def huge_journal(root: Path) -> None:
    with open(root / JOURNAL, "wb") as handle:
        handle.truncate(MAX_JOURNAL_BYTES + 1)


HOSTILE_FILES = {
    "nested-100000": (
        lambda root: (root / JOURNAL).write_text("[" * 100_000 + "]" * 100_000),
        "is not a journal this version",
    ),
    "nested-in-changes": (
        lambda root: plant(root, [[[[[[[[{"delete": "terms/other.yaml"}]]]]]]]]),
        "is not a journal this version",
    ),
    "over-the-size-cap": (huge_journal, "the most moci-vocab reads from one file"),
    "fifo": (lambda root: os.mkfifo(root / JOURNAL), "is not a regular file"),
    "link-to-dev-zero": (lambda root: (root / JOURNAL).symlink_to("/dev/zero"), "symbolic link"),
    "link-to-a-file": (
        lambda root: (root / JOURNAL).symlink_to(root / "glossary" / "glossary.yaml"),
        "symbolic link",
    ),
    "folder": (lambda root: (root / JOURNAL).mkdir(), "is a folder"),
    "not-utf8": (lambda root: (root / JOURNAL).write_bytes(b"\xff\xfe{"), "is not a journal"),
}


@pytest.mark.parametrize("name", list(HOSTILE_FILES))
def test_a_hostile_journal_file_is_refused_in_bounded_time(good, tmp_path, name):
    make, words = HOSTILE_FILES[name]
    make(good)
    assert_left_alone(good, tmp_path / "runs", words)


def test_a_journal_sealed_for_another_checkout_is_refused(good, tmp_path):
    """A journal is bound to the glossary's place: a copy of a checkout is not finished."""
    (good / "terms" / ".other.yaml.abcdefgh.tmp").write_text("id: other\n")
    sealed(good, [("terms/.other.yaml.abcdefgh.tmp", "terms/other.yaml")], ["terms/good.yaml"])
    copy = tmp_path / "copy"
    shutil.copytree(good, copy)
    assert_left_alone(copy, tmp_path / "runs", "was not written by moci-vocab on this machine")
    # ... while the original, with the same key, is finished
    assert finish_interrupted(good) == [good / "terms" / "other.yaml", good / "terms" / "good.yaml"]


def test_a_journal_sealed_with_another_key_is_refused(good, tmp_path, monkeypatch):
    """Another machine (another user's key) cannot hand us a journal to finish."""
    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "elsewhere"))
    sealed(good, [], ["terms/good.yaml", "terms/other.yaml"])
    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    with pytest.raises(MociError, match="was not written by moci-vocab on this machine"):
        finish_interrupted(good)
    assert (good / "terms" / "good.yaml").exists()


def test_a_sealed_journal_still_refuses_a_link_among_its_files(good, tmp_path):
    """Even our own journal is not followed through a link that appeared meanwhile."""
    outside = tmp_path / "outside.yaml"
    outside.write_text("keep me\n")
    (good / "terms" / "other.yaml").unlink()
    (good / "terms" / "other.yaml").symlink_to(outside)
    sealed(good, [], ["terms/good.yaml", "terms/other.yaml"])
    with pytest.raises(MociError, match=r"'terms/other\.yaml', which is not a regular file"):
        finish_interrupted(good)
    assert outside.read_text() == "keep me\n" and (good / "terms" / "good.yaml").exists()


def test_a_sealed_journal_refuses_a_linked_terms_folder(good, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(good / "terms", elsewhere)
    sealed(good, [], ["terms/good.yaml", "terms/other.yaml"])
    shutil.rmtree(good / "terms")
    (good / "terms").symlink_to(elsewhere)
    with pytest.raises(MociError, match="is a symbolic link"):
        finish_interrupted(good)
    assert (elsewhere / "good.yaml").exists()


@pytest.mark.parametrize(
    ("name", "own"),
    [
        ("terms/good.yaml", True),
        ("glossary/glossary.yaml", True),
        ("glossary/CHANGELOG.md", True),
        ("terms/Good.yaml", False),
        ("terms/good.yml", False),
        ("terms/sub/good.yaml", False),
        ("terms/../glossary/glossary.yaml", False),
        (".git/HEAD", False),
        (".moci-journal.json", False),
        (".moci-cache/concepts.pickle", False),
        ("terms", False),
    ],
)
def test_the_one_list_of_files_a_journal_may_name(name, own):
    assert is_own_file(name) is own


def test_staged_names_belong_to_their_target():
    assert staged_target("terms/.good.yaml.abcd_123.tmp") == "terms/good.yaml"
    assert staged_target("terms/good.yaml") is None
    assert staged_target("terms/.good.yaml.abc.tmp") is None
