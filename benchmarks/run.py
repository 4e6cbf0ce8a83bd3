"""The performance figures of moci-vocab, each next to a baseline measured in the same run.

Generates its data deterministically into a temporary folder (see
benchmarks/generate.py), runs the real command line in a fresh process for
every measurement (``python -m moci_vocab --root DIR ...``) and prints one
line per figure: the median time, its ratio to the baseline, the target and
the peak memory (max RSS) of the process. A command that does not exist yet
is skipped with a "not available yet" line.

    python benchmarks/run.py                  # the full set (about two minutes)
    python benchmarks/run.py --quick          # small sizes: a smoke test
    python benchmarks/run.py --only search --only check
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # `benchmarks.generate` when run as a script

from benchmarks.generate import GenConcept, make_glossary, make_po  # noqa: E402

STEPS = ("startup", "check", "check-po", "search", "booklet", "export")
FULL = {"check": 10_000, "po_entries": 50_000, "po_concepts": 5_000, "search": 10_000,
        "booklet": 500, "booklet_large": 10_000, "export": 10_000,
        "ttk_sample": 300}  # fmt: skip
QUICK = {"check": 300, "po_entries": 2_000, "po_concepts": 200, "search": 1_000,
         "booklet": 20, "booklet_large": 300, "export": 200, "ttk_sample": 50}  # fmt: skip
MEMORY_TARGET_MB = 500
LIMIT_MB = int(os.environ.get("MOCI_BENCH_LIMIT_MB", "4000"))  # a child is killed beyond this
LIMIT_S = int(os.environ.get("MOCI_BENCH_LIMIT_S", "600"))
EXPORT_FORMATS = ("po", "pot", "mo", "csv", "tbx", "json", "weblate", "omegat", "tmx", "xlsx",
                  "skos", "html", "booklet")  # fmt: skip
# Issue 21: each of the tool formats exports 10,000 concepts in under 3 s (the command).
TOOL_FORMATS = {"weblate", "omegat", "tmx", "xlsx", "skos"}

# Issue 17: the booklet of 10,000 concepts, command and typesetting workers together.
BOOKLET_S, BOOKLET_MB = 20, 400

CSAFE_PARSE = (
    "import os, sys, yaml\n"
    "folder = sys.argv[1]\n"
    "for name in sorted(os.listdir(folder)):\n"
    "    with open(os.path.join(folder, name), 'rb') as handle:\n"
    "        yaml.load(handle, Loader=yaml.CSafeLoader)\n"
)
POLIB_PARSE = "import sys, polib\npolib.pofile(sys.argv[1])\n"
# translate-toolkit's terminology matcher (what Pootle and Virtaal used):
# the glossary as a PO store, then `matches()` on each source text of a
# sample of entries. It only finds source terms; it checks no translation.
TTK_MATCH = (
    "import sys, time, polib\n"
    "from translate.storage import factory\n"
    "from translate.search.match import terminologymatcher\n"
    "matcher = terminologymatcher(factory.getobject(sys.argv[1]))\n"
    "entries = [e for e in polib.pofile(sys.argv[2]) if e.msgstr][: int(sys.argv[3])]\n"
    "start = time.perf_counter()\n"
    "for entry in entries:\n"
    "    matcher.matches(entry.msgid)\n"
    "print((time.perf_counter() - start) / len(entries))\n"
)


@dataclass
class Run:
    seconds: float  # median wall time over the repetitions
    rss_mb: float  # the largest max RSS of them
    returncode: int
    stdout: str
    stderr: str
    killed: str = ""  # why the watchdog stopped it, if it did
    cpu: float = 0.0  # CPU seconds (user + system) of the process and the children it waited for
    largest_mb: float = 0.0  # the largest max RSS of one process (it, or a child it waited for)


class Bench:
    def __init__(self, workdir: Path, sizes: dict[str, int], quick: bool):
        self.workdir = workdir
        self.sizes = sizes
        self.quick = quick
        self.peaks: list[tuple[float, str]] = []
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("MOCI_VOCAB_")}
        self.env.update(NO_COLOR="1", MOCI_VOCAB_CACHE_KEY_DIR=str(workdir / "key"))
        # Every process runs with its bytecode cached, as an installed package does (pip
        # compiles it): under PYTHONDONTWRITEBYTECODE (some sandboxes set it) each run
        # would otherwise compile every imported module again.
        self.env.update(PYTHONDONTWRITEBYTECODE="", PYTHONPYCACHEPREFIX=str(workdir / "pyc"))
        self._glossaries: dict[int, tuple[Path, list[GenConcept]]] = {}
        self._bare: float | None = None

    # ------------------------------------------------------------------ running

    def run(self, argv: list[str], repeat: int = 1, label: str = "", **env: str) -> Run:
        """Run ``argv`` ``repeat`` times in fresh processes; median time, peak RSS."""
        times, cpus, rss, largest, last = [], [], 0.0, 0.0, None
        for _ in range(max(1, repeat if not self.quick else min(repeat, 2))):
            last = _run_once(argv, {**self.env, **env})
            times.append(last.seconds)
            cpus.append(last.cpu)
            rss = max(rss, last.rss_mb)
            largest = max(largest, last.largest_mb)
        assert last is not None
        if label:
            self.peaks.append((rss, label + (f" (killed: {last.killed})" if last.killed else "")))
        seconds, cpu = statistics.median(times), statistics.median(cpus)
        return Run(
            seconds, rss, last.returncode, last.stdout, last.stderr, last.killed, cpu, largest
        )

    def moci(self, root: Path, *args: str, repeat: int = 1, label: str = "", **env: str) -> Run:
        argv = [sys.executable, "-m", "moci_vocab", "--root", str(root), *args]
        return self.run(argv, repeat, label, **env)

    def python(self, code: str, *args: str, repeat: int = 1) -> Run:
        return self.run([sys.executable, "-c", code, *args], repeat)

    def bare(self) -> float:
        if self._bare is None:
            self._bare = self.python("pass", repeat=10).seconds
        return self._bare

    def glossary(self, count: int) -> tuple[Path, list[GenConcept]]:
        if count not in self._glossaries:
            root = self.workdir / f"g{count}"
            self._glossaries[count] = (root, make_glossary(root, count))
        return self._glossaries[count]

    def csafe(self, root: Path) -> float:
        return self.python(CSAFE_PARSE, str(root / "terms"), repeat=3).seconds

    # ------------------------------------------------------------------ steps

    def startup(self) -> None:
        help_run = self.run([sys.executable, "-m", "moci_vocab", "--help"], 10, "--help")
        if help_run.returncode != 0:
            return failed("--help start-up", help_run)
        line("--help start-up", help_run, "bare `python -c pass`", self.bare(), "< 0.3 s", 0.3)

    def check(self) -> None:
        if not available("check"):
            return not_available("check")
        count = self.sizes["check"]
        root, _ = self.glossary(count)
        base = self.csafe(root)
        args = ("check", "--format", "json")
        cold = self.moci(
            root, *args, repeat=3, label=f"check {count} cold", MOCI_VOCAB_NO_CACHE="1"
        )
        if not _is_report(cold):
            return failed("check", cold)
        note = f"{len(json.loads(cold.stdout)['findings'])} findings"
        base_label = "CSafeLoader parse"
        line(f"check, {count} concepts, cold (no cache)", cold, base_label, base, "< 2x", ratio=2)
        self.moci(root, *args)  # fills the cache
        warm = self.moci(root, *args, repeat=3, label=f"check {count} warm")
        line(f"check, {count} concepts, warm (cache)", warm, base_label, base, "< 2x", ratio=2)
        print(f"  ({note})")

    def check_po(self) -> None:
        """check-po, cold and warm, against polib's parse of the same file.

        All three are fresh processes (interpreter start-up included) with their
        bytecode cached, as an installed package runs: polib's is in site-packages,
        and under PYTHONDONTWRITEBYTECODE (some sandboxes) moci_vocab's modules
        would otherwise be compiled again in every run. They run in turns, so that
        all see the same machine load. Cold: no cache at all (every concept file
        parsed, the glossary compiled); warm: the compiled glossary from its cache,
        the everyday run, which the < 1.5x target is for.
        """
        if not available("check-po"):
            return not_available("check-po")
        entries, count = self.sizes["po_entries"], self.sizes["po_concepts"]
        root, concepts = self.glossary(count)
        po = self.workdir / f"sq-{entries}.po"
        if not po.exists():
            make_po(po, concepts, entries, "sq")
        check = [sys.executable, "-m", "moci_vocab", "--root", str(root), "check-po", str(po),
                 "--lang", "sq", "--format", "json"]  # fmt: skip
        parse = [sys.executable, "-c", POLIB_PARSE, str(po)]
        self.run(parse)  # the bytecode of both, before any timing
        _past_racy_window(root)  # else the compiled glossary's cache is not trusted
        self.run(check)  # fills it
        commands = {
            "polib": (parse, {}),
            "cold": (check, {"MOCI_VOCAB_NO_CACHE": "1"}),
            "warm": (check, {}),
        }
        runs = self.alternate(commands, 5)
        base, cold, warm = runs["polib"].seconds, runs["cold"], runs["warm"]
        self.peaks += [
            (cold.rss_mb, f"check-po {entries} cold"),
            (warm.rss_mb, f"check-po {entries}"),
        ]
        if not _is_report(cold) or not _is_report(warm):
            return failed("check-po", warm if _is_report(cold) else cold)
        what, label = f"check-po, {entries} entries, {count} concepts", "polib parse"
        line(f"{what}, cold (no cache)", cold, label, base)
        line(f"{what}, warm (cache)", warm, label, base, "< 1.5x", ratio=1.5)
        summary = json.loads(warm.stdout)["summary"]
        same = "the same" if cold.stdout == warm.stdout else "DIFFERENT"
        print(f"  ({summary['error']} errors, {summary['warning']} warnings, {same} cold and warm)")
        self.ttk_factor(concepts, po, entries, warm.seconds)

    def alternate(
        self, commands: dict[str, tuple[list[str], dict[str, str]]], repeat: int
    ) -> dict[str, Run]:
        """Each command ``repeat`` times, in turns: a Run (median time) per command."""
        done: dict[str, list[Run]] = {name: [] for name in commands}
        for _ in range(max(1, repeat if not self.quick else min(repeat, 2))):
            for name, (argv, env) in commands.items():
                done[name].append(_run_once(argv, {**self.env, **env}))
        medians = {}
        for name, runs in done.items():
            last, rss = runs[-1], max(run.rss_mb for run in runs)
            seconds = statistics.median(run.seconds for run in runs)
            medians[name] = Run(seconds, rss, last.returncode, last.stdout, last.stderr)
        return medians

    def ttk_factor(self, concepts: list[GenConcept], po: Path, entries: int, ours: float) -> None:
        if importlib.util.find_spec("translate") is None:
            return print(f"{'translate-toolkit terminology matcher':<46} not installed, skipped")
        terms = self.workdir / f"terms-{len(concepts)}.po"
        _glossary_po(terms, concepts)
        sample = self.sizes["ttk_sample"]
        run = self.python(TTK_MATCH, str(terms), str(po), str(sample))
        if run.returncode != 0:
            return failed("translate-toolkit terminology matcher", run)
        per_entry = float(run.stdout.strip().splitlines()[-1])
        total = per_entry * entries
        print(
            f"{'  vs translate-toolkit terminology matcher':<46} {total:8.1f} s  "
            f"(extrapolated from {sample} entries: {per_entry * 1000:.1f} ms each, source terms "
            f"only) = check-po is {total / ours:.0f}x faster"
        )

    def search(self) -> None:
        count = self.sizes["search"]
        root, concepts = self.glossary(count)
        # Queries a user types: a Latin spelling of a Georgian term, a typo, a prefix.
        queries = [
            _latin(concepts[len(concepts) // 3].terms["ka"][0][0]),
            concepts[len(concepts) // 2].terms["en"][0][0][:-1] + "x",
            concepts[-1].terms["sq"][0][0][:5],
        ]
        base = self.bare()
        cold = self.moci(root, "search", queries[0], "--format", "json", MOCI_VOCAB_NO_CACHE="1")
        if cold.returncode != 0 or not cold.stdout.startswith("["):
            return failed("search", cold)
        line(f"search, {count} concepts, cold (no cache)", cold, "bare python", base)
        self.moci(root, "search", queries[0], "--format", "json")  # fills the caches
        times, peak = [], 0.0
        for query in queries:
            run = self.moci(root, "search", query, "--format", "json", repeat=5)
            times.append(run.seconds)
            peak = max(peak, run.rss_mb)
        self.peaks.append((peak, f"search {count}"))
        warm = Run(statistics.median(times), peak, 0, "", "")
        line(f"search, {count} concepts (cache)", warm, "bare python", base, "< 0.3 s", 0.3)

    def booklet(self) -> None:
        if not available("export"):
            return not_available("export (booklet)")
        count = self.sizes["booklet"]
        root, _ = self.glossary(count)
        out = self.workdir / f"booklet-{count}"
        # A first run writes the bytecode of the modules only this step imports (Typst's
        # binding, pypdf), as pip does when it installs them: not measured.
        self.moci(root, "export", "booklet", "-o", str(out))
        result = self.moci(root, "export", "booklet", "-o", str(out), repeat=3,
                           label=f"booklet {count}")  # fmt: skip
        if result.returncode != 0:
            return failed("booklet", result)
        line(f"booklet (A5 PDF), {count} concepts", result, "bare python", self.bare(), "< 5 s", 5)
        # Issue 17: the long booklet, once (its typesetting workers' memory counted in).
        count = self.sizes["booklet_large"]
        root, _ = self.glossary(count)
        out = self.workdir / f"booklet-{count}"
        result = self.moci(root, "export", "booklet", "-o", str(out), label=f"booklet {count}")
        if result.returncode != 0:
            return failed(f"booklet, {count} concepts", result)
        what = f"booklet (A5 PDF), {count} concepts"
        line(what, result, "bare python", self.bare(), f"<= {BOOKLET_S} s", BOOKLET_S)
        pdf = next(out.glob("*.pdf"))
        verdict = "ok" if result.rss_mb <= BOOKLET_MB else "OVER"
        print(
            f"  ({booklet_pages(pdf)} pages; CPU {result.cpu:.1f} s, command and workers; "
            f"peak {result.rss_mb:.0f} MB together, target <= {BOOKLET_MB} MB {verdict}; "
            f"largest process {result.largest_mb:.0f} MB; "
            f"load {os.getloadavg()[0]:.1f})"
        )

    def export(self) -> None:
        if not available("export"):
            return not_available("export all")
        count = self.sizes["export"]
        root, _ = self.glossary(count)
        base = self.csafe(root)
        self.moci(root, "list", "--format", "json")  # the glossary cache, as in daily use
        # Each format alone first: where the time (and the memory) of `export all` goes.
        for fmt in EXPORT_FORMATS:
            out = self.workdir / f"export-{count}-{fmt}"
            run = self.moci(root, "export", fmt, "-o", str(out), label=f"export {fmt} {count}")
            if run.returncode != 0:
                failed(f"  export {fmt}, {count} concepts", run)
            else:
                target, limit = ("< 3 s", 3) if fmt in TOOL_FORMATS else ("", None)
                what = f"  export {fmt}, {count} concepts"
                line(what, run, "CSafeLoader parse", base, target, limit)
        out = self.workdir / f"export-{count}"
        result = self.moci(root, "export", "all", "-o", str(out), label=f"export all {count}")
        if result.returncode != 0:
            return failed(f"export all, {count} concepts", result)
        line(f"export all, {count} concepts", result, "CSafeLoader parse", base)
        written = [p for p in out.rglob("*") if p.is_file()] if out.is_dir() else []
        files = sorted(p.relative_to(out).as_posix() for p in written)
        size = sum(p.stat().st_size for p in written) / 1e6
        print(f"  ({len(files)} files, {size:.1f} MB: {', '.join(files)})")

    def memory(self) -> None:
        if not self.peaks:
            return
        rss, label = max(self.peaks)
        killed = any("(killed" in what for _rss, what in self.peaks)
        verdict = "ok" if rss < MEMORY_TARGET_MB and not killed else "OVER"
        print(
            f"{'peak memory (a command and its workers)':<46} {rss:8.0f} MB  in {label}"
            f"   target < {MEMORY_TARGET_MB} MB  {verdict}"
        )
        finished = [peak for peak in self.peaks if "(killed" not in peak[1]]
        if killed and finished:
            rss, label = max(finished)
            print(f"{'  of the runs that finished':<46} {rss:8.0f} MB  in {label}")


# ---------------------------------------------------------------------- helpers


def _run_once(argv: list[str], env: dict[str, str]) -> Run:
    """One process, timed, with its peak memory.

    The peak is the larger of the process's own maximum RSS (os.wait4: per child,
    not cumulative) and, on Linux, the largest sum of RSS over the process and
    its descendants seen by the watchdog every 0.1 s: the booklet typesets in
    worker processes, and what counts is what they hold together. A watchdog
    kills the tree when it outgrows LIMIT_MB of memory or LIMIT_S of time: a
    benchmark must not take the machine down (a booklet of 10,000 concepts once
    grew past 20 GB).
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        watchdog = _Watchdog(proc.pid)
        watchdog.start()
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        watchdog.finish()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    if watchdog.reason:
        stderr += f"\nkilled by the benchmark: {watchdog.reason}"
    # ru_maxrss is in KiB on Linux, in bytes on macOS.
    largest_mb = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    rss_mb = max(largest_mb, watchdog.peak_mb)
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, rss_mb, proc.returncode, stdout, stderr, watchdog.reason, cpu, largest_mb)


class _Watchdog(threading.Thread):
    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid = pid
        self.reason = ""
        self.peak_mb = 0.0  # the process tree's, as sampled
        self.lock = threading.Lock()
        self.done = False

    def run(self) -> None:
        start = time.monotonic()
        while True:
            time.sleep(0.1)
            tree = _process_tree(self.pid)
            rss = sum(_current_rss_mb(pid) for pid in tree)
            late = time.monotonic() - start > LIMIT_S
            with self.lock:
                if self.done:
                    return
                self.peak_mb = max(self.peak_mb, rss)
                if rss > LIMIT_MB or late:
                    self.reason = f"over {LIMIT_MB} MB" if not late else f"over {LIMIT_S} s"
                    for pid in tree:
                        with contextlib.suppress(OSError):
                            os.kill(pid, signal.SIGKILL)
                    return

    def finish(self) -> None:
        with self.lock:
            self.done = True


def _process_tree(pid: int) -> list[int]:
    """The process and its descendants (Linux: from /proc; elsewhere the process alone)."""
    parents: dict[int, list[int]] = {}
    with contextlib.suppress(OSError):
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            parents.setdefault(ppid, []).append(int(entry.name))
    tree, todo = [], [pid]
    while todo:
        tree.append(todo.pop())
        todo.extend(parents.get(tree[-1], []))
    return tree


def _current_rss_mb(pid: int) -> float:
    """Resident memory now (Linux; elsewhere only the time limit applies)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
            for row in handle:
                if row.startswith("VmRSS:"):
                    return int(row.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def booklet_pages(pdf: Path) -> int:
    """The page count of a PDF (pypdf)."""
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def available(command: str) -> bool:
    """Whether the command's module exists (the CLI registers some before they are written)."""
    from moci_vocab.cli import COMMANDS

    entry = COMMANDS.get(command)
    return entry is not None and importlib.util.find_spec(f"moci_vocab.cli.{entry[0]}") is not None


def not_available(what: str) -> None:
    print(f"{what:<46} not available yet (no such command), skipped")


def failed(what: str, run: Run) -> None:
    lines = (run.stderr.strip() or run.stdout.strip() or "no output").splitlines()
    print(
        f"{what:<46} FAILED (exit {run.returncode}) after {run.seconds:.1f} s, "
        f"{run.rss_mb:.0f} MB: {lines[-1][:160]}"
    )


def _is_report(run: Run) -> bool:
    if run.returncode not in (0, 1):
        return False
    try:
        return "findings" in json.loads(run.stdout)
    except ValueError:
        return False


def line(
    what: str,
    run: Run,
    base_label: str,
    base: float,
    target: str = "",
    limit: float | None = None,
    ratio: float | None = None,
) -> None:
    """One figure: time, ratio to the baseline, target and verdict, peak memory."""
    factor = run.seconds / base if base else float("nan")
    verdict = ""
    if ratio is not None:
        verdict = "ok" if factor < ratio else "OVER"
    elif limit is not None:
        verdict = "ok" if run.seconds < limit else "OVER"
    target_text = f"target {target} {verdict}" if target else ""
    print(
        f"{what:<46} {run.seconds:8.3f} s  {factor:6.2f}x {base_label} ({base:.3f} s)"
        f"  {target_text:<18} {run.rss_mb:5.0f} MB"
    )


def _past_racy_window(root: Path) -> None:
    """Wait until the newest glossary file is older than the caches' racy window (2 s).

    A cache written within 2 s of a file change is not trusted (see
    moci_vocab/layout.py, RACY_NS): filled too soon, every "warm" run would
    compile the glossary again.
    """
    files = [root / "glossary" / "glossary.yaml", *(root / "terms").iterdir()]
    newest = max(path.stat().st_mtime for path in files)
    time.sleep(max(0.0, newest + 2.2 - time.time()))


def _latin(text: str) -> str:
    from moci_vocab.translit import to_latin

    return to_latin(text)


def _glossary_po(path: Path, concepts: list[GenConcept]) -> None:
    """The glossary as the en→sq PO file a translate-toolkit matcher loads."""
    out = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    for concept in concepts:
        out += [f'msgid "{concept.terms["en"][0][0]}"', f'msgstr "{concept.terms["sq"][0][0]}"', ""]
    path.write_text("\n".join(out), "utf-8")


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for row in Path("/proc/cpuinfo").read_text().splitlines():
            if row.startswith("model name"):
                cpu = row.split(":", 1)[1].strip()
                break
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        ram = f"{pages / 2**30:.0f} GiB RAM"
    except (OSError, ValueError):
        ram = "RAM unknown"
    py = sys.version.split()[0]
    return f"{os.cpu_count()} CPUs ({cpu}), {ram}, Python {py}, {sys.platform}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (a smoke test)")
    parser.add_argument("--only", action="append", choices=STEPS, help="run only this step")
    parser.add_argument("--keep", action="store_true", help="keep the generated data")
    options = parser.parse_args(argv)
    sizes = QUICK if options.quick else FULL
    workdir = Path(tempfile.mkdtemp(prefix="moci-bench-"))
    bench = Bench(workdir, sizes, options.quick)
    steps: dict[str, Callable[[], None]] = {
        "startup": bench.startup,
        "check": bench.check,
        "check-po": bench.check_po,
        "search": bench.search,
        "booklet": bench.booklet,
        "export": bench.export,
    }
    print(f"moci-vocab benchmarks{' (quick)' if options.quick else ''} on {machine()}")
    try:
        for name in options.only or STEPS:
            steps[name]()
            sys.stdout.flush()
        bench.memory()
    finally:
        if options.keep:
            print(f"data kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
