"""check-po over many files in worker processes (moci_vocab.workers), one file per job.

Each worker keeps a `run.Checker`, so it loads a language's compiled glossary once,
from the signed cache (`compile.load_compiled`: an unpickling, not a compilation),
and then checks file after file. The biggest files are taken first, and a process
takes files of a language it has loaded before others (by their names), and starts
on a language another process has begun only while SHARE_BYTES of it are left; the
language that processes would share at the end is loaded once, before the workers are
forked (`_preload`), and shared at any size. The
parent merges the per-file results in the files' order, so findings, counts and
output are those of a run in one process. Inputs too small to repay starting the
workers (one file; files of one language under FORKED_MIN_BYTES; without fork, anything
under MIN_BYTES) are checked in this process.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from moci_vocab.checkpo.run import Checker, Options, Result
from moci_vocab.records import Record

# Below this many bytes of catalogs in all, a spawned worker's start-up (about 0.2 s of
# CPU: Python, the package, the cached glossary; macOS, Windows) costs more than it saves.
MIN_BYTES = 512 * 1024
# A forked worker (Linux) costs ~25 ms of CPU (its imports at first use, a language's
# setup, copied pages), and pays back in wall time as soon as the files hold two languages
# or more: each process sets up its own, and a language's setup (~12 ms, Georgian ~19) is
# worth more than the fork (2026-12-05, 21 alternated pairs each: Django's sq + ka, 63 KB,
# 106.0 -> 94.3 ms; sq + ka + hy, 92 KB, 117.5 -> 100.9 ms; three GTK catalogs, 222 KB,
# 134.9 -> 111.5 ms). Files of one language repay it from ~150 KB (90 KB 1.04x, 147 KB
# 1.01x, 185 KB 0.92-0.97x, 231 KB 0.91x): from this many bytes.
FORKED_MIN_BYTES = 256 * 1024
# A process starts on a language another process has begun only while that language's
# files left weigh this much: setting a language up a second time costs about as much CPU
# as checking 80 KB of catalog (2026-12-05: ~9-10 ms on its first file, against ~0.12 ms
# per KB checked; 130 KB when this was first set, at 256 KiB), and helping pays when
# twice that is left.
SHARE_BYTES = 160 * 1024
# Setting a language up in a process (its compiled glossary loaded, its first file's
# lazy parts made) costs about as much CPU as checking this much catalog (see SHARE_BYTES).
SETUP_BYTES = 80 * 1024
# The memo's key for where a process sends a file's written findings (FileJob's blocks) as
# soon as the file is checked, out of the files' order, instead of returning them with its
# Result: check-po's standby gives it (`run.stream_findings`' ``deliver``:
# checkpo.standby._Delivery), for itself and its forked workers, which copy its memo. Called
# with the file's number and its findings; returns what stands for them in the Result, or
# None (not sent: they go with it).
DELIVER = "deliver"


class FileJob(Record):
    """Check one file in a worker (its Checker lives on in the worker's memo).

    A record, not a dataclass (see records.py): making the dataclass cost every check-po
    over many files ~0.5 ms of its serial start-up."""

    _fields = ("root", "path", "options", "blocks", "number")

    def __init__(
        self,
        root: Path,
        path: Path,
        options: Options,
        blocks: str | None = None,
        number: int = 0,
    ):
        self.root = root
        self.path = path
        self.options = options
        # The findings written already, in the process that found them, for the command's
        # output ("text": report.text_blocks; "json": the JsonBlocks of Checker.stream): the
        # command then only writes them, and has no text to make at its end.
        self.blocks = blocks
        self.number = number  # the file's in the run (its index in the paths given)

    def run(self, memo: dict) -> Result:
        """The file's Result, from the worker's Checker for this root and options."""
        from moci_vocab.cache import gc_paused

        key = _memo_key(self.root, self.options)
        checker = memo.get(key)
        if checker is None:
            checker = memo[key] = Checker(self.root, self.options)
        with gc_paused():
            if self.blocks == "json":
                result = Result()
                result.findings = list(checker.stream(self.path, result, json_blocks=True))
            else:
                result = checker.check(self.path)
                if self.blocks != "text":
                    return result
                from moci_vocab.report import text_blocks

                result.findings = text_blocks(result.findings)  # type: ignore[assignment]
            deliver = memo.get(DELIVER)
            if deliver is not None:
                sent = deliver(self.number, result.findings)
                if sent is not None:
                    result.findings = [sent]  # type: ignore[list-item]
            return result


def worker_count(paths: list[Path], jobs: int, lang: str | None = None) -> int:
    """How many worker processes to use (0: check in this process).

    ``jobs`` 0 means one per available core; 1 means this process; ``lang``: the
    language given for every file (--lang), else each file's name tells it.
    """
    if len(paths) < 2 or jobs == 1:
        return 0
    size = sum(map(_size, paths))
    if size < MIN_BYTES:
        # Without importing the workers' machinery where no worker will start.
        if size < FORKED_MIN_BYTES and not _languages_differ(paths, lang):
            return 0
        from moci_vocab.workers import forks_here

        if not forks_here():
            return 0
    from moci_vocab.workers import available_cores

    count = min(available_cores() if jobs <= 0 else jobs, len(paths))
    return count if count >= 2 else 0


def _languages_differ(paths: list[Path], lang: str | None) -> bool:
    """Whether the files' names tell two languages or more (never with --lang)."""
    if lang:
        return False
    return len({_language_hint(Path(path)) for path in paths} - {None}) >= 2


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # reported when the file is read


def check_in_workers(
    root: Path,
    paths: list[Path],
    options: Options,
    workers: int,
    progress: Callable[[int, int], None] | None = None,
    wanted: list[int] | None = None,
    memo: dict | None = None,
    blocks: str | None = None,
    stamps_of: Callable[[Path], tuple[str, int] | None] | None = None,
) -> Iterator[Result]:
    """Each file's Result, checked in ``workers`` processes (this one included), yielded
    in the order ``wanted`` (indices into ``paths``; default: theirs) as they are done;
    ``memo``: where this process keeps its Checker (default: freed at the end); ``blocks``:
    findings written already (see FileJob; a file given twice: merged finding by finding);
    ``stamps_of``: see `run.stream_findings`."""
    from collections import Counter

    from moci_vocab.workers import forks_here, iter_jobs

    base = Path(os.path.abspath(root))
    sizes = [_size(path) for path in paths]
    biggest_first = sorted(range(len(paths)), key=lambda i: -sizes[i])
    languages = [options.lang or _language_hint(Path(path)) for path in paths]
    loaded: tuple[str, ...] = ()  # languages every process has (loaded before the fork)
    if memo is not None and forks_here():  # a spawned worker would start later for it
        _prepare(memo, base, options, stamps_of)
        # The language the processes would each set up to share its files at the end (the
        # benchmark's Albanian) is loaded once, here: its load (~10 ms of CPU, the cache's
        # MAC and unpickling) runs once before the fork instead of in both after it, and a
        # process that joins pays only for the pages it touches. Loaded before the
        # fingerprint is asked for (a standby's comes from its command meanwhile), which
        # is then taken, or waited for, before the fork all the same.
        shared = shared_at_the_end(languages, sizes, biggest_first, workers)
        if shared is not None and _preload(memo, base, options, shared):
            loaded = (shared,)
        _fingerprint(memo, base, options)
    given = Counter(map(str, paths))
    jobs = [
        FileJob(base, Path(path), options, blocks if given[str(path)] == 1 else None, number)
        for number, path in enumerate(paths)
    ]
    return iter_jobs(
        jobs,
        workers,
        progress,
        order=biggest_first,
        memo=memo,
        groups=languages,
        wanted=wanted,
        weights=sizes,
        share=SHARE_BYTES,
        everywhere=loaded,
    )


def shared_at_the_end(
    languages: list[str | None], sizes: list[int], order: list[int], workers: int
) -> str | None:
    """The language (a file's hint, see `_language_hint`) that the processes would each set
    up to share its files at the end, worth loading once before the fork: the claims played
    out by the files' sizes (`workers.shared_groups`); None when no language is shared (one
    per process, or what is left of one when another runs out is under SHARE_BYTES)."""
    from moci_vocab.workers import shared_groups

    shared = shared_groups(order, languages, sizes, SHARE_BYTES, workers, SETUP_BYTES)
    return shared[0] if shared else None  # type: ignore[return-value]


def _prepare(memo: dict, root: Path, options: Options, stamps_of=None) -> None:
    """This process's Checker in ``memo``, with the glossary's languages taken now, and its
    fingerprint (`_fingerprint`) before the workers are forked: a forked worker starts with
    a copy of the memo (workers.iter_jobs) and takes neither again (~8 ms of CPU: a stat
    per concept file, the manifest's cache); this process would take them at its first file
    anyway."""
    key = _memo_key(root, options)
    if key in memo:
        return
    from moci_vocab.checkpo.compile import glossary_languages

    checker = Checker(root, options, stamps_of=stamps_of)
    try:
        checker.languages = glossary_languages(root)
    except Exception:  # met again, and said, where the first file is checked
        return
    memo[key] = checker


def _fingerprint(memo: dict, root: Path, options: Options) -> None:
    """The glossary's fingerprint in this process's Checker (`_prepare`), unless taking it
    fails: then no Checker is kept (met again, and said, where the first file is checked)."""
    key = _memo_key(root, options)
    checker = memo.get(key)
    if checker is None:
        return
    try:
        checker.fingerprint(root)
    except Exception:
        del memo[key]


def _preload(memo: dict, root: Path, options: Options, hint: str) -> bool:
    """Load the compiled glossary of the language ``hint`` names into this process's
    Checker (`_prepare`), before the workers are forked (they start with a copy of the
    memo), from the cache only; whether it was loaded. A cache to be made again (the
    glossary changed: compiling takes about a second) is left to the process that first
    checks one of the language's files, not done here on one core while the others wait;
    a language the glossary lacks, or a load that fails, is met again, and said, there."""
    from moci_vocab.checkpo.compile import cached_compiled
    from moci_vocab.checkpo.run import resolve_language

    checker = memo.get(_memo_key(root, options))
    if checker is None or checker.languages is None:
        return False
    lang, _problem = resolve_language(hint, checker.languages)
    if lang is None:
        return False
    if lang not in checker.compiled_by_lang:
        try:
            compiled = cached_compiled(root, lang, checker.fingerprint)
        except Exception:
            return False
        if compiled is None:
            return False
        checker.compiled_by_lang[lang] = compiled
    return True


def _memo_key(root: Path, options: Options) -> tuple:
    return ("checkpo", str(root), repr(options))


def _language_hint(path: Path) -> str | None:
    """The language a file's name or gettext folder suggests: only to keep a language's
    files in one process, which then loads that compiled glossary alone (the language
    checked is the one `run.Checker` finds). A guess from the name's shape: asking
    CLDR (Babel's data, 30 ms) would delay every worker's start."""
    from moci_vocab.languages import language_from_filename

    if path.parent.name == "LC_MESSAGES":  # locale/<lang>/LC_MESSAGES/<domain>.po
        return path.parent.parent.name
    return language_from_filename(path, cldr=False)
