"""Running Typst: one part of the booklet at a time, in this process or in worker processes.

Typst keeps every intermediate result of a compilation in a process-wide cache that
nothing evicts, so its memory grows with every page a process has typeset. A long
booklet is therefore typeset part by part in worker processes (``python -c`` running
``serve``: the same on Linux, macOS and Windows, and independent of the caller's main
module, which multiprocessing's spawn would import again). A worker empties Typst's
cache after every job (``forget_typst``), so one worker typesets part after part
without growing, and the booklet starts a handful of processes instead of one per part
(a start, Python and Typst, cost about as much as laying out 50 entries). A job that is
not a part carries its ``share`` of what one worker may do (the join and the imposition:
all of it); a worker takes jobs until their shares would pass one, then exits. A short
booklet stays in this process, where starting a worker would cost more than the whole
job.

At import time this module needs the standard library and ``moci_vocab.errors`` only:
a worker loads it, Typst, and the module of the job it runs.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import json
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from moci_vocab.errors import MociError, stopped_unexpectedly
from moci_vocab.workers import (
    kill_worker,
    python_worker_command,
    receive_message,
    send_message,
    serve_quietly,
    stop_worker,
)

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "booklet.typ"
FONTS = HERE.parent / "fonts"


@dataclass(frozen=True)
class PartLayout:
    """Where the part's items start and end (physical page numbers), and its page count."""

    starts: list[int]
    ends: list[int]
    pages: int


def _typeset(data: str, label: str, pdf: str | None = None) -> dict:
    """Typeset the template on ``data`` (writing the PDF to ``pdf`` if given) and return
    the value of its metadata ``label``; a Typst error is a bug of the template."""
    import typst

    compiler = typst.Compiler(
        str(TEMPLATE), font_paths=_fonts(), ignore_system_fonts=True, sys_inputs={"data": data}
    )
    try:
        if pdf is not None:
            Path(pdf).write_bytes(compiler.compile())
        return json.loads(compiler.query(label, field="value", one=True))
    except RuntimeError as exc:  # typst.TypstError, or a plain RuntimeError from query
        raise MociError(f"the booklet could not be typeset: {exc}") from None


@functools.cache
def _fonts() -> Any:
    """The booklet's fonts and Typst's own, found and read once per process (a
    ``typst.Fonts``): a compiler given the folder would search and read it for every part."""
    import typst

    return typst.Fonts(include_system_fonts=False, font_paths=[str(FONTS)])


@dataclass(frozen=True)
class PartJob:
    """One part of the booklet: the template's JSON input; with ``pdf``, where to render it.

    ``planned``: the page (of the part) on which each item starts, when the part puts its
    items on those pages itself (entries on planned pages, which report nothing back): the
    layout is then the plan, with the page count the PDF has.
    """

    data: str
    pdf: str | None = None
    share: float = 0.0  # a worker forgets the part once typeset: it stays as fresh
    planned: tuple[int, ...] | None = None

    def run(self) -> PartLayout:
        """Lay the part out (and render it); a Typst error is a bug of the template."""
        if self.planned is not None and self.pdf is not None:
            pages = page_count(_render(self.data, self.pdf))
            return PartLayout(list(self.planned), list(self.planned), pages)
        layout = _typeset(self.data, "<layout>", self.pdf)
        return PartLayout(layout["starts"], layout["ends"], int(layout["pages"]))


def _render(data: str, pdf: str) -> bytes:
    """Typeset the template on ``data`` into the PDF file ``pdf``; return its bytes."""
    import typst

    compiler = typst.Compiler(
        str(TEMPLATE), font_paths=_fonts(), ignore_system_fonts=True, sys_inputs={"data": data}
    )
    try:
        document = compiler.compile()
    except RuntimeError as exc:  # typst.TypstError
        raise MociError(f"the booklet could not be typeset: {exc}") from None
    Path(pdf).write_bytes(document)
    return document


_PAGE_TREE = re.compile(rb"/Type\s*/Pages\s*/Count\s+(\d+)")


def page_count(pdf: bytes) -> int:
    """How many pages a PDF that Typst wrote has (its page tree is one flat node)."""
    counts = _PAGE_TREE.findall(pdf)
    if len(counts) == 1:
        return int(counts[0])
    import io

    import pikepdf  # another writer's layout of the page tree

    with pikepdf.open(io.BytesIO(pdf)) as opened:
        return len(opened.pages)


@dataclass(frozen=True)
class Measures:
    """How tall each entry of a measuring part is, and the room and spacing of a page
    (or, on A4, of a column), in points."""

    heights: list[float]
    room: float  # the height of a page's (a column's) text area
    gap: float  # the weak spacing before each entry
    below: float  # the spacing below each entry's block, which the gap replaces
    columns: int  # on a page


@dataclass(frozen=True)
class MeasureJob:
    """Entries measured one by one (the template's part "measure"), none placed on a page."""

    data: str
    share: float = 0.0  # as a part's

    def run(self) -> Measures:
        """Measure the entries; a Typst error is a bug of the template."""
        report = _typeset(self.data, "<measured>")
        return Measures(
            report["heights"], report["room"], report["gap"], report["below"], report["columns"]
        )


@dataclass(frozen=True)
class PagesJob:
    """A document made of other PDFs' pages (the imposition).

    ``template`` is copied into ``root``, where the PDFs it reads are: Typst reads
    files only below its root.
    """

    template: str
    root: str
    inputs: dict[str, str]
    output: str

    def run(self) -> None:
        """Typeset the pages and write the PDF."""
        import shutil

        import typst

        main = Path(self.root) / Path(self.template).name
        shutil.copyfile(self.template, main)
        try:  # the pages bring their own fonts
            pdf = typst.compile(
                str(main), root=self.root, ignore_system_fonts=True, sys_inputs=self.inputs
            )
        except RuntimeError as exc:
            raise MociError(f"the booklet's pages could not be put together: {exc}") from None
        Path(self.output).write_bytes(pdf)


class Job(Protocol):
    """Work for a worker: a picklable object whose ``run`` returns a picklable result.

    A job may have a ``share`` (see the module's docstring); without one, it is a
    worker's whole life.
    """

    def run(self) -> Any:
        """Do the job (here or in a worker process); return its result."""


class Typesetter:
    """Runs jobs here (``workers=0``) or in up to ``workers`` worker processes at once.

    ``submit`` queues a job and returns a future; ``run`` waits for one. Jobs wait in
    a queue where ``run``'s come first: a sequence that needs each result before its
    next job (laying out runs, cutting after each) keeps moving while a batch of
    independent renders fills the other workers.
    """

    def __init__(
        self, workers: int = 0, progress: Callable[[int, int], None] | None = None
    ) -> None:
        self._workers = workers
        self._progress = progress  # told (jobs done, jobs submitted) as each job ends
        self._counts = [0, 0]
        self._jobs = _Queue()
        self._idle: list[_Worker] = []
        self._all: set[_Worker] = set()
        self._leaving: list[_Worker] = []  # told to exit by ``rest``; reaped by ``close``
        self._lock = threading.Lock()
        self._threads = [
            threading.Thread(target=self._dispatch, daemon=True) for _ in range(workers)
        ]
        for thread in self._threads:
            thread.start()

    def start(self) -> None:
        """Start the workers now, idle: they load Python and Typst while the caller prepares
        the first jobs, instead of after the first one is given."""
        with self._lock:
            while len(self._all) < self._workers:
                self._idle.append(self._start())

    def submit(self, job: Job, urgent: bool = False, more: bool = False) -> Future:
        """Queue ``job``; its future holds the result (``urgent``: before queued ones;
        ``more``: another urgent job follows once this one is done, see ``run``)."""
        future: Future = Future()
        if self._progress is not None:
            with self._lock:
                self._counts[1] += 1
            future.add_done_callback(self._one_done)
        if not self._workers:
            try:
                future.set_result(job.run())
            except BaseException as exc:
                future.set_exception(exc)
        else:
            self._jobs.put(job, future, urgent, more)
        return future

    @property
    def parallel(self) -> bool:
        """Whether jobs run in worker processes (and so, two at a time on two cores)."""
        return self._workers > 0

    def run(self, job: Job, more: bool = False) -> Any:
        """Run ``job`` before the queued ones and wait for its result.

        ``more``: the caller gives the next urgent job as soon as it has this one's result
        (a sequence, each step cut after the one before): the worker waits a moment for it
        (``HOLD``) before it takes a queued job, so the sequence keeps a worker of its own
        instead of waiting, at each step, for a worker to finish a job of the batch.
        """
        return self.submit(job, urgent=True, more=more).result()

    def _one_done(self, future: Future) -> None:
        if future.cancelled() or self._progress is None:
            return
        with self._lock:
            self._counts[0] += 1
            done, submitted = self._counts
        self._progress(done, submitted)

    def _dispatch(self) -> None:
        """A thread's life: hand queued jobs to a worker process, one at a time (after a
        job with ``more``, waiting a moment for the next urgent one: see ``run``)."""
        more = False
        while (taken := self._jobs.get(hold=more)) is not None:
            job, future, more = taken
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(self._in_worker(job))
            except BaseException as exc:
                future.set_exception(exc)

    def _in_worker(self, job: Job) -> Any:
        """Run ``job`` in a worker with room for its share; one that is full then exits."""
        share = getattr(job, "share", 1.0)
        with self._lock:
            worker, full = self._take(share)
            leaves = worker.used + share >= 1.0  # full after this job: it then exits
            if leaves and not self._idle and len(self._all) <= self._workers:
                # A spare starts up (Python, Typst) while this job runs: the next job
                # need not wait for it. (A worker that stays needs none: the booklet's
                # parts, which leave a worker as fresh as they found it.)
                self._idle.append(self._start())
        for idle in full:  # outside the lock: the other dispatcher need not wait for exits
            idle.stop()
        done = False
        try:
            result = worker.run(job)
            done = True
            return result
        finally:
            worker.used += share
            with self._lock:
                if done and worker.used < 1.0 and worker in self._all:
                    self._idle.insert(0, worker)  # warm: taken first by the next small job
                    worker = None
                else:
                    self._all.discard(worker)
            if worker is not None:
                worker.stop()  # its input ends, so it exits: this reaps it

    def _take(self, share: float) -> tuple[_Worker, list[_Worker]]:
        """An idle worker with room for ``share`` (a warm one first), or a new one; and the
        idle ones without room, to stop (they would hold their caches while idle)."""
        full = []
        while self._idle:
            worker = self._idle.pop(0)
            if worker.used + share <= 1.0:
                return worker, full
            self._all.discard(worker)
            full.append(worker)
        return self._start(), full

    def _start(self) -> _Worker:
        worker = _Worker()
        self._all.add(worker)
        return worker

    def rest(self) -> None:
        """Let the idle workers go: what comes next (the join's end) needs their memory more.

        They exit while the caller goes on (freeing a worker's memory takes a moment);
        ``close`` reaps them.
        """
        with self._lock:
            idle, self._idle = self._idle, []
            self._all.difference_update(idle)
            self._leaving.extend(idle)
        for worker in idle:
            worker.leave()

    def close(self) -> None:
        """Cancel what has not started, stop the workers (a running job is killed)."""
        for future in self._jobs.close():
            future.cancel()
        with self._lock:
            for worker in list(self._all):
                worker.kill()
            self._all.clear()
            self._idle.clear()
            leaving, self._leaving = self._leaving, []
        for worker in leaving:
            worker.stop()  # exited, or about to: reaped
        for thread in self._threads:
            thread.join(timeout=10)

    def __enter__(self) -> Typesetter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# How long a dispatcher that has run a job with ``more`` waits for the next urgent one (the
# next step of a sequence: its caller cuts the result and sends the next part) before it
# takes a queued job instead.
HOLD = 0.25


class _Queue:
    """The jobs waiting for a worker: urgent ones (``Typesetter.run``'s) first, in order."""

    def __init__(self) -> None:
        self._ready = threading.Condition()
        self._urgent: collections.deque[tuple[Job, Future, bool]] = collections.deque()
        self._queued: collections.deque[tuple[Job, Future, bool]] = collections.deque()
        self._closed = False

    def put(self, job: Job, future: Future, urgent: bool, more: bool) -> None:
        """Queue ``job``, whose result goes into ``future`` (``more``: see ``get``)."""
        with self._ready:
            (self._urgent if urgent else self._queued).append((job, future, more))
            self._ready.notify_all()

    def get(self, hold: bool = False) -> tuple[Job, Future, bool] | None:
        """The next job, its future and whether an urgent one follows it; None once closed.

        ``hold``: take a queued job only if no urgent one comes within ``HOLD`` seconds.
        """
        deadline = time.monotonic() + HOLD if hold else 0.0
        with self._ready:
            while not self._closed:
                if self._urgent:
                    return self._urgent.popleft()
                left = deadline - time.monotonic()
                if self._queued and left <= 0:
                    return self._queued.popleft()
                self._ready.wait(left if self._queued else None)
            return None

    def close(self) -> list[Future]:
        """Stop handing out jobs; return the futures of those not handed out."""
        with self._ready:
            self._closed = True
            self._ready.notify_all()
            left = [future for _job, future, _more in (*self._urgent, *self._queued)]
            self._urgent.clear()
            self._queued.clear()
        return left


class _Worker:
    """A Python process running ``serve``: jobs in on stdin, layouts out on stdout."""

    def __init__(self) -> None:
        # Imported, not run as __main__: the classes it pickles keep their module's name.
        # Ctrl-C is the parent's to handle (it stops its workers): a worker ignores it from
        # its first line, and runs in a process group of its own, which the terminal's
        # Ctrl-C does not reach.
        command, env = python_worker_command(
            "import signal; signal.signal(signal.SIGINT, signal.SIG_IGN); "
            "from moci_vocab.booklet.typesetter import serve; serve()"
        )
        apart: dict[str, Any] = (
            {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
            if os.name == "nt"
            else {"start_new_session": True}
        )
        # One thread each: the workers are the parallelism (one per processor). Typst hands a
        # part's pages to its thread pool and waits for it; a pool of a thread per processor
        # in each worker only adds hand-overs, which wait for a busy processor to be free.
        env.setdefault("RAYON_NUM_THREADS", "1")
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, **apart
        )
        self.used = 0.0  # the shares of the jobs it has run

    def run(self, job: Job) -> Any:
        assert self.process.stdin is not None and self.process.stdout is not None
        try:
            send_message(self.process.stdin, job)
            status, value = receive_message(self.process.stdout)
        except (EOFError, OSError):
            raise stopped_unexpectedly(self.process.wait()) from None
        if status == "error":
            raise MociError(value)
        return value

    def leave(self) -> None:
        """End the worker's input: it exits once its job (if any) is done (``stop`` reaps it)."""
        assert self.process.stdin is not None
        with contextlib.suppress(OSError):
            self.process.stdin.close()

    def kill(self) -> None:
        """Stop at once, even in the middle of a job."""
        assert self.process.stdin is not None and self.process.stdout is not None
        kill_worker(self.process, self.process.stdin, self.process.stdout)

    def stop(self) -> None:
        """End the worker's input (it exits) and reap it."""
        assert self.process.stdin is not None and self.process.stdout is not None
        stop_worker(self.process, self.process.stdin, self.process.stdout)


def serve() -> None:
    """A worker's life: run jobs and reply, until its input ends."""
    serve_quietly(_serve)


def _serve() -> None:
    import typst  # loaded while the worker waits for its first job

    blank = typst.Compiler(ignore_system_fonts=True)
    results = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write into the results
    while True:
        try:
            job = receive_message(sys.stdin.buffer)
        except EOFError:
            return  # stopped (a spare, or a worker whose shares are used up)
        try:
            reply: tuple[str, object] = ("ok", job.run())
        except MociError as exc:
            reply = ("error", str(exc))
        except Exception as exc:  # reported to the parent as a sentence
            reply = ("error", f"the booklet could not be typeset: {exc}")
        forget_typst(blank)  # before the reply: the next job finds the memory free
        send_message(results, reply)


# typst-py evicts, after each compilation, what the last this many compilations did not use.
TYPST_CACHE_AGE = 10


def forget_typst(blank: Any) -> None:
    """Empty Typst's process-wide cache, with compilations of an empty document (``blank``,
    a ``typst.Compiler``): each one ages what is cached, and evicts what grew too old.

    A part's cache is no use to the next part (other entries, other inputs) and is about
    as large as its pages; kept, it would grow a worker by tens of MB per part.
    """
    for _ in range(TYPST_CACHE_AGE):
        blank.compile(input=b" ", format="svg")


def worker_count() -> int:
    """Two workers where there are two processors: the parts of a pass are independent."""
    return max(1, min(2, os.cpu_count() or 1))
