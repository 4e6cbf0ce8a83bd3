"""Independent jobs run in worker processes, results returned in the jobs' order.

The calling thread runs jobs too, so ``workers`` processes means ``workers - 1`` new
ones. On Linux a worker is forked (no start-up: the modules are loaded) when no other
thread runs; elsewhere, or with threads, it is ``python -c`` running ``serve`` (a
spawn, the same on Linux, macOS and Windows, independent of the caller's main module,
which multiprocessing's spawn would import again), with this package first on its
path so it runs the caller's code. Either way it is in a session (process group) of
its own and ignores Ctrl-C: the terminal's Ctrl-C reaches the parent only, which then
kills its workers; a forked worker ends at once if its parent dies (`_end_with_parent`).
Jobs go to a worker and results come back over pipes as length-prefixed pickles. A forked
worker has every job already (a copy of the caller's memory) and takes its next one
itself, by reading the job's number from a pipe that every process shares (one pipe per
group of jobs); a spawned worker is handed its jobs by a thread of the caller. A job is
a picklable object whose ``run(memo)`` returns a picklable result; ``memo`` is a dict
each process keeps from job to job (what a job loaded, e.g. a compiled glossary, the
next one reuses). A job's error comes back as it was (`framing.portable`): a MociError as
the same sentence, file and line, another exception as itself, so that it is said the same
whichever process ran the job.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Collection, Hashable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, NoReturn, Protocol

from moci_vocab.errors import MociError, stopped_unexpectedly
from moci_vocab.framing import (
    after_the_command,
    let_go_of_output,
    portable,
    raised_again,
    receive_message,
    send_message,
    signal_at_its_end,
)

if TYPE_CHECKING:  # imported where a worker is spawned (0.01 s a fork does not need)
    import subprocess

PACKAGE_PARENT = str(Path(__file__).resolve().parent.parent)
# Jobs handed to a spawned worker before it answers: one running, one waiting in its pipe
# (a job given is no longer free for another process, so no more than that).
AHEAD = 2
# A process helps with a group of jobs another one has begun (e.g. a language whose
# compiled glossary it would load too) only while the jobs left there weigh at least this
# much (by default a job weighs 1): the last few (the smallest: jobs are taken biggest
# first) would be done sooner by the process that has what they need.
SHARE = 3
# Job numbers in a pipe: 4 bytes each (a pipe holds 64 KiB, or up to 1 MiB on Linux).
_NUMBER = 4
# What a caller's Ctrl-C and `kill` send: held while a worker is forked (see _Pool.start).
_STOPPING = {signal.SIGINT, signal.SIGTERM}
# A forked worker's results pipe holds this much (Linux): it seldom waits for this process,
# whose thread that reads the results needs the interpreter lock.
_RESULTS_PIPE = 1 << 20


class Job(Protocol):
    """Work for a worker: a picklable object whose ``run`` returns a picklable result."""

    def run(self, memo: dict) -> Any:
        """Do the job; ``memo`` survives from one job to the next in the same process."""


def available_cores() -> int:
    """The processors this process may run on (its affinity where the system tells)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def run_jobs(
    jobs: Sequence[Job],
    workers: int,
    progress: Callable[[int, int], None] | None = None,
    order: Sequence[int] | None = None,
    memo: dict | None = None,
    groups: Sequence[Hashable | None] | None = None,
    weights: Sequence[float] | None = None,
    share: float = SHARE,
    everywhere: Collection[Hashable] = (),
) -> list[Any]:
    """Run every job (see ``iter_jobs``); their results in the jobs' order."""
    return list(
        iter_jobs(
            jobs,
            workers,
            progress,
            order,
            memo,
            groups,
            weights=weights,
            share=share,
            everywhere=everywhere,
        )
    )


def iter_jobs(
    jobs: Sequence[Job],
    workers: int,
    progress: Callable[[int, int], None] | None = None,
    order: Sequence[int] | None = None,
    memo: dict | None = None,
    groups: Sequence[Hashable | None] | None = None,
    wanted: Sequence[int] | None = None,
    weights: Sequence[float] | None = None,
    share: float = SHARE,
    everywhere: Collection[Hashable] = (),
) -> Iterator[Any]:
    """Run every job in up to ``workers`` processes, this one included; yield the results
    in the order ``wanted`` (default: the jobs'), each as soon as it and those before it
    are done, none kept after it is yielded.

    ``order`` is the order in which jobs are handed out (e.g. the biggest first, so
    that no worker is left with a big one at the end); ``memo`` is this process's, and a
    forked worker starts with a copy of it (what this process prepared before the run
    serves there too, not made again).
    ``groups`` (a key per job, or None) keeps like jobs together: a process takes the
    next job of a group it has had before any other (what it loaded for the group, in
    its memo, serves again), and helps with a group another process has begun only while
    the jobs left there weigh ``share`` or more (``weights``: one per job, e.g. its size;
    default 1 each), or at any weight for the groups ``everywhere`` (what they need is in
    every process: loaded into ``memo`` before the fork). ``progress(done, total)`` hears
    of each job finished. A job that fails stops the run: nothing is handed out any more,
    the results wanted before it are still yielded (the output of one process, cut where
    that stops: `_Pool.after_an_error`), then its error is raised here and every worker is
    killed; a worker that stops unexpectedly stops the run where its job is wanted. Every
    worker is killed on Ctrl-C too, or when the caller stops iterating.
    """
    reap_ended()
    order = list(order) if order is not None else list(range(len(jobs)))
    claims = _Claims(
        order, groups or [None] * len(jobs), weights or [1] * len(jobs), share, everywhere
    )
    here = {} if memo is None else memo
    pool = _Pool(jobs, claims, progress, here)
    try:
        pool.start(max(1, min(workers, len(jobs))) - 1)
        for index in wanted if wanted is not None else range(len(jobs)):
            yield pool.result_of(index, here)
        pool.wait()
    finally:
        pool.close()


def shared_groups(
    order: Sequence[int],
    groups: Sequence[Hashable | None],
    weights: Sequence[float],
    share: float,
    processes: int,
    setup: float,
) -> list[Hashable]:
    """The groups that more than one of ``processes`` would take jobs of (`iter_jobs`' claims
    played out, each job taking its weight in time and a process's first job of a group
    ``setup`` more), those whose jobs others take the most weight of first."""
    import heapq

    # A group is joined only while ``share`` of it is left once a process has taken its
    # first job: without one such, nothing to play out (files of a language each: the
    # claims' take is linear in the groups, so playing that out would be quadratic).
    firsts: dict[Hashable | None, int] = {}
    totals: dict[Hashable | None, float] = {}
    for index in order:
        firsts.setdefault(groups[index], index)
        totals[groups[index]] = totals.get(groups[index], 0) + weights[index]
    if not any(
        group is not None and totals[group] - weights[first] >= share
        for group, first in firsts.items()
    ):
        return []
    claims = _Claims(order, groups, weights, share)
    free = [(0.0, process) for process in range(processes)]  # (when free, its `first`)
    mine: list[list[int]] = [[] for _ in range(processes)]
    had: list[set] = [set() for _ in range(processes)]
    taken: dict[Hashable, dict[int, float]] = {}  # group -> process -> weight taken
    while free:
        when, process = heapq.heappop(free)
        index = claims.take(mine[process], process)
        if index is None:
            continue
        group = groups[index]
        cost = weights[index] + (setup if group not in had[process] else 0)
        had[process].add(group)
        by = taken.setdefault(group, {})
        by[process] = by.get(process, 0) + weights[index]
        heapq.heappush(free, (when + cost, process))
    shared = [(g, by) for g, by in taken.items() if g is not None and len(by) > 1]
    shared.sort(key=lambda item: sum(item[1].values()) - max(item[1].values()), reverse=True)
    return [group for group, _by in shared]


class _Claims:
    """Which job a process takes next, and the jobs not taken yet (in memory).

    A process takes, in this order: a job of a group it has had (what it loaded for the
    group serves again); the first job of a group nobody has begun (process ``first``
    looks from the ``first``-th group on, so that processes starting together begin
    different groups); a job of a group another process has begun, where the jobs left
    weigh ``share`` or more, or any weight for a group ``everywhere`` (what its jobs need
    is in every process already). Jobs without a group (None) are everybody's. Each
    group's jobs are taken in the order of handing out.
    """

    def __init__(
        self,
        order: Sequence[int],
        groups: Sequence[Hashable | None],
        weights: Sequence[float],
        share: float = SHARE,
        everywhere: Collection[Hashable] = (),
    ) -> None:
        by_group: dict[Hashable | None, list[int]] = {}
        for index in order:
            by_group.setdefault(groups[index], []).append(index)
        self.order, self.groups, self.weights, self.share = order, groups, weights, share
        self.everywhere = everywhere
        self.keys = list(by_group)
        self.lists = [jobs[::-1] for jobs in by_group.values()]  # popped from the end
        self.sizes = [len(jobs) for jobs in self.lists]
        # What the last k jobs of each group weigh: what is left when k are left.
        self.tails = [
            list(itertools.accumulate((weights[i] for i in jobs), initial=0)) for jobs in self.lists
        ]
        self.everybodys = [g for g, key in enumerate(self.keys) if key is None]
        self.helped_at_any_weight = {g for g, key in enumerate(self.keys) if key in everywhere}

    def take(self, mine: list[int], first: int) -> int | None:
        """The next job for a process that has had the groups ``mine`` (added to), or None."""
        for group in [*mine, *self.everybodys]:
            if (index := self._pop(group)) is not None:
                return index
        count = len(self.keys)
        for step in range(count):
            group = (first + step) % count
            if self.left(group) == self.sizes[group] and (index := self._pop(group)) is not None:
                mine.append(group)
                return index
        for group in sorted(range(count), key=self.left_weight, reverse=True):
            enough = group in self.helped_at_any_weight or self.left_weight(group) >= self.share
            if enough and (index := self._pop(group)) is not None:
                mine.append(group)
                return index
        return None

    def left(self, group: int) -> int:
        """How many jobs of the group are not taken yet."""
        return len(self.lists[group])

    def left_weight(self, group: int) -> float:
        """What the jobs of the group not taken yet weigh."""
        return self.tails[group][self.left(group)]

    def rest(self) -> list[int]:
        """Take every job nobody has taken yet (none is handed out after that)."""
        taken = (
            iter(lambda group=group: self._pop(group), None) for group in range(len(self.keys))
        )
        return [index for jobs in taken for index in jobs]

    def shared(self) -> _Claims:
        """The same claims in pipes every process reads (see _SharedClaims)."""
        return _SharedClaims(self.order, self.groups, self.weights, self.share, self.everywhere)

    def _pop(self, group: int) -> int | None:
        jobs = self.lists[group]
        return jobs.pop() if jobs else None

    def close(self) -> None:
        """Nothing to release (see _SharedClaims)."""


class _SharedClaims(_Claims):
    """The jobs not taken yet in pipes that every process reads (forked workers included):
    one per group, each job's number written once, so that a read takes it for one
    process only (a pipe hands each byte to one reader; numbers are read whole)."""

    def __init__(
        self,
        order: Sequence[int],
        groups: Sequence[Hashable | None],
        weights: Sequence[float],
        share: float = SHARE,
        everywhere: Collection[Hashable] = (),
    ) -> None:
        super().__init__(order, groups, weights, share, everywhere)
        # `left` asks a pipe how many bytes it holds (FIONREAD): its modules are imported
        # here, before the workers are forked, not in each process after the fork (1.4 ms
        # there, most of it copy-on-write faults of the import machinery's pages, ~0.4 here).
        import fcntl
        import termios

        self._ioctl, self._waiting = fcntl.ioctl, termios.FIONREAD
        self.pipes: list[int] = []
        try:
            for jobs in self.lists:
                read, write = os.pipe()
                self.pipes.append(read)
                try:
                    _fill(write, b"".join(i.to_bytes(_NUMBER, "little") for i in jobs[::-1]))
                finally:
                    os.close(write)  # an empty pipe then reads as its end
        except OSError:
            self.close()
            raise
        self.lists = []

    def left(self, group: int) -> int:
        """How many jobs of the group are not taken yet (by any process)."""
        waiting = bytearray(4)
        self._ioctl(self.pipes[group], self._waiting, waiting)
        return int.from_bytes(waiting, sys.byteorder) // _NUMBER

    def _pop(self, group: int) -> int | None:
        data = os.read(self.pipes[group], _NUMBER)
        return int.from_bytes(data, "little") if data else None

    def close(self) -> None:
        """Close this process's ends of the pipes."""
        for fd in self.pipes:
            with contextlib.suppress(OSError):
                os.close(fd)
        self.pipes = []


def _fill(fd: int, data: bytes) -> None:
    """Write all of ``data`` into an empty pipe, made big enough (OSError if it cannot be)."""
    if len(data) > 65536:
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, len(data))  # Linux; OSError above its maximum
    os.set_blocking(fd, False)  # an error, never a wait, if it is still too small
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


class _Pool:
    """The state of one ``run_jobs``: jobs to hand out, results, errors, workers."""

    def __init__(self, jobs: Sequence[Job], claims: _Claims, progress, memo: dict) -> None:
        self.jobs = jobs
        self.memo = memo  # the calling process's; a forked worker starts with a copy
        self.claims = claims
        self.progress = progress
        self.done: dict[int, Any] = {}
        self.errors: dict[int, BaseException] = {}
        self.lock = threading.Lock()
        self.changed = threading.Condition(self.lock)
        self.finished = 0
        self.workers: list[_Worker] = []
        self.threads: list[threading.Thread] = []
        self.closed = False
        self.mine: list[int] = []  # the groups this process has had
        # After an error: the jobs nobody will run unless this process does (see
        # after_an_error), and whether the claims' jobs left have been taken into it.
        self.left: set[int] = set()
        self.drained = False

    def start(self, count: int) -> None:
        """Start ``count`` workers (all before any thread: a fork copies only this one)."""
        if self.progress is not None:
            self.progress(0, len(self.jobs))
        fork = _can_fork()
        if fork and count:
            with contextlib.suppress(OSError, ValueError):  # else: jobs handed out by threads
                self.claims = self.claims.shared()
        shared = self.claims if isinstance(self.claims, _SharedClaims) else None
        for _ in range(count):
            # Ctrl-C and SIGTERM (KeyboardInterrupt, Terminated) are held from before the fork
            # until the worker is in self.workers, the list close() kills: raised in between,
            # they would leave a forked worker running unseen (it ignores Ctrl-C, is in a
            # session of its own and takes its jobs itself).
            held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING) if fork else None
            try:
                try:
                    worker = _Worker(
                        self.workers, fork, shared and (self.jobs, shared), held, self.memo
                    )
                except OSError as exc:
                    raise MociError(f"could not start a worker process: {exc}") from None
                self.workers.append(worker)
            finally:
                if held is not None:
                    signal.pthread_sigmask(signal.SIG_SETMASK, held)  # then raised, if sent
        for worker in self.workers:
            target = self._collect if shared is not None else self._drive
            thread = threading.Thread(target=target, args=(worker,), daemon=True)
            self.threads.append(thread)
            thread.start()

    def result_of(self, index: int, memo: dict) -> Any:
        """Job ``index``'s result (then forgotten); until it is done, this process runs
        jobs itself, or waits when none is left to take."""
        while True:
            with self.lock:
                if index in self.done:
                    return self.done.pop(index)
                failed = bool(self.errors)
            if failed:
                return self.after_an_error(index, memo)
            mine = self._next(self.mine, len(self.workers))
            if mine is not None:
                try:
                    result = self.jobs[mine].run(memo)
                except Exception as exc:  # said where its result is wanted, as a worker's
                    self._failed(mine, exc)
                    continue
                self._finished(mine, result)
                continue
            with self.changed:  # a worker's result or error (short waits: Ctrl-C gets through)
                if index not in self.done and not self.errors:
                    self.changed.wait(0.1)

    def after_an_error(self, index: int, memo: dict) -> Any:
        """Job ``index``'s result once a job has failed or a worker has stopped, as one
        process would have given it (`--jobs 1`: every result before the first job that
        fails, in the order wanted, then its error). Nothing is handed out any more: a job
        nobody took is run here, one a worker runs is waited for; one that nobody will run
        (its worker stopped unexpectedly) is where the run stops, with that error."""
        with self.lock:
            if not self.drained:
                self.drained = True
                self.left.update(self.claims.rest())
        while True:
            with self.changed:
                if index in self.done:
                    return self.done.pop(index)
                if index in self.errors:
                    raise self.errors[index]
                here = index in self.left
                if not here and any(thread.is_alive() for thread in self.threads):
                    self.changed.wait(0.1)  # (a thread that ends says nothing: short waits)
                    continue
                self.left.discard(index)
            if here:
                return self.jobs[index].run(memo)
            stopped = [key for key in self.errors if not 0 <= key < len(self.jobs)]
            raise self.errors[stopped[0] if stopped else min(self.errors)]

    def _finished(self, index: int, result: Any) -> None:
        with self.changed:  # held while telling: the counts arrive in order
            self.done[index] = result
            self.finished += 1
            if self.progress is not None:
                self.progress(self.finished, len(self.jobs))
            self.changed.notify_all()

    def _failed(self, index: int, error: BaseException) -> None:
        with self.changed:
            if not self.closed:
                self.errors[index] = error
            self.changed.notify_all()

    def _next(self, mine: list[int], first: int) -> int | None:
        """The next job for a process that has had the groups ``mine`` (None: no more)."""
        if isinstance(self.claims, _SharedClaims):  # shared with the workers: no lock
            return None if self.errors or self.closed else self.claims.take(mine, first)
        with self.lock:
            if self.errors or self.closed:
                return None
            return self.claims.take(mine, first)

    def _collect(self, worker: _Worker) -> None:
        """A thread's life beside a forked worker, which takes its jobs itself: keep its
        results until it has none left to take and ends."""
        try:
            while (reply := worker.reply()) is not None:
                self._finished(*reply)
        except _JobFailed as failed:  # handed to the caller's thread
            self._failed(failed.index, failed.error)
            return
        except BaseException as exc:
            self._failed(len(self.jobs), exc)
            return
        worker.stop()

    def _drive(self, worker: _Worker) -> None:
        """A thread's life beside a spawned worker: keep it busy until no job is left.

        The worker always has its next job waiting in its pipe (up to AHEAD jobs are
        handed to it), so it goes on at once after a result instead of waiting for this
        thread, which needs the interpreter lock while the calling thread checks files.
        """
        mine: list[int] = []
        first = self.workers.index(worker)
        given: deque[int] = deque()
        index = -1
        try:
            while len(given) < AHEAD and (index := self._next(mine, first)) is not None:
                worker.send(self.jobs[index])
                given.append(index)
            while given:
                index = given.popleft()
                result = worker.receive()
                if (more := self._next(mine, first)) is not None:
                    given.append(more)
                    worker.send(self.jobs[more])
                self._finished(index, result)
        except BaseException as exc:  # handed to the caller's thread
            with self.lock:  # the jobs handed to it after that one: nobody else's now
                self.left.update(given)
            self._failed(index, exc)
            return
        worker.stop()

    def wait(self) -> None:
        """Until every thread is done (in short waits: Ctrl-C gets through at once)."""
        for thread in self.threads:
            while thread.is_alive():
                thread.join(0.1)

    def close(self) -> None:
        """Kill every worker still running (after an error or Ctrl-C; a no-op otherwise)."""
        with self.lock:
            self.closed = True
            workers = list(self.workers)
        for worker in workers:
            worker.kill()
        for thread in self.threads:
            thread.join(5)
        self.claims.close()


def forks_here() -> bool:
    """Whether workers started now would be forked (not spawned): see ``_can_fork``."""
    return _can_fork()


def _can_fork() -> bool:
    """Fork on Linux while this is the only thread (a fork copies just the calling one)."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


class _JobFailed(Exception):
    """A job's ``error``, as its worker met it, with the job's number."""

    def __init__(self, index: int, error: BaseException) -> None:
        super().__init__(index, error)
        self.index = index
        self.error = error


class _Worker:
    """A worker process (forked or spawned): jobs in on one pipe, results out on another.

    ``shared`` (forked only): every job and the claims it takes its jobs from itself;
    ``mask`` (forked only): the signal mask the worker restores (see _Forked); ``memo``
    (forked only): the caller's, which the worker's own starts as a copy of.
    """

    def __init__(
        self,
        others: list[_Worker],
        fork: bool,
        shared: tuple[Sequence[Job], _SharedClaims] | None = None,
        mask: set[signal.Signals] | None = None,
        memo: dict | None = None,
    ) -> None:
        self.process: subprocess.Popen | _Forked = (
            _Forked(others, shared, mask, memo) if fork else _spawn()
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.stdin: BinaryIO = self.process.stdin
        self.stdout: BinaryIO = self.process.stdout
        self.ended = False  # it said it has done its last job and exits (see reply)

    def run(self, job: Job) -> Any:
        """Run one job in the worker and wait for its result (its error raised if it failed)."""
        self.send(job)
        return self.receive()

    def send(self, job: Job) -> None:
        """Hand the worker a job (it runs its jobs in the order given)."""
        try:
            send_message(self.stdin, job)
        except OSError:
            self._stopped()

    def receive(self) -> Any:
        """The result of the oldest job given and not yet answered (its error raised if it
        failed)."""
        try:
            status, value = receive_message(self.stdout)
        except (EOFError, OSError):
            self._stopped()
        if status == "error":
            raise raised_again(value)
        return value

    def reply(self) -> tuple[int, Any] | None:
        """The number and result of the next job a worker that takes its jobs itself has
        done, or None once it has ended, having no job left to take: its last message
        says so, so that its exit (unmapping its memory: 1-2 ms) is not waited for here."""
        try:
            index, status, value = receive_message(self.stdout)
        except EOFError:  # ended without its last message: its exit status says how
            if self.process.wait() == 0:
                return None
            self._stopped()
        except OSError:
            self._stopped()
        if index is None:
            self.ended = True
            return None
        if status == "error":
            raise _JobFailed(index, raised_again(value))
        return index, value

    def _stopped(self) -> NoReturn:
        raise stopped_unexpectedly(self.process.wait()) from None

    def kill(self) -> None:
        """Stop at once, even in the middle of a job (one that said it has ended is left to
        end, and reaped here if it has: see stop)."""
        if self.ended:
            self.process.poll()
            return
        kill_worker(self.process, self.stdin, self.stdout)

    def stop(self) -> None:
        """End the worker's input (it exits) and reap it; one that said it has ended is
        reaped once it has exited, without waiting for that here (`reap_ended`)."""
        if self.ended and self.process.poll() is None:
            _ENDED.append(self.process)
            _close_all([self.stdin, self.stdout])
            return
        stop_worker(self.process, self.stdin, self.stdout)

    def fds(self) -> list[int]:
        """The parent's ends of this worker's pipes (a later fork must close them)."""
        return [stream.fileno() for stream in (self.stdin, self.stdout) if not stream.closed]


# Forked workers that said they have ended, not yet reaped (`_Worker.stop`).
_ENDED: list[_Forked] = []


def reap_ended() -> None:
    """Reap the workers that said they have ended (they are exiting: killed after 5 s).
    Called before workers are started again and as the interpreter exits; a process that
    ends with `os._exit` (check-po's standby) leaves them to the system's reaper."""
    while _ENDED:
        process = _ENDED.pop()
        try:
            process.wait(timeout=5)
        except TimeoutError:
            process.kill()
            process.wait()


atexit.register(reap_ended)


def kill_worker(process: Any, stdin: BinaryIO, stdout: BinaryIO) -> None:
    """Kill a worker process at once, even in the middle of a job, and reap it."""
    if process.poll() is None:
        process.kill()
    stop_worker(process, stdin, stdout)


def stop_worker(process: Any, stdin: BinaryIO, stdout: BinaryIO) -> None:
    """End a worker's input (it exits), reap it (killed after 5 s) and close its pipes."""
    # A Popen's wait raises subprocess.TimeoutExpired (subprocess is imported wherever there
    # is a Popen), a forked worker's TimeoutError.
    subprocess = sys.modules.get("subprocess")
    timeouts = (TimeoutError, subprocess.TimeoutExpired) if subprocess else (TimeoutError,)
    if process.poll() is None:
        try:
            stdin.close()
            process.wait(timeout=5)
        except (OSError, *timeouts):
            process.kill()
            process.wait()
    for stream in (stdin, stdout):
        with contextlib.suppress(OSError):
            stream.close()


def _spawn() -> subprocess.Popen:
    """``python -c`` running ``serve``, in a session of its own (python_worker_command)."""
    import subprocess

    command, env = python_worker_command(
        "import signal; signal.signal(signal.SIGINT, signal.SIG_IGN); "
        "from moci_vocab.workers import serve; serve()"
    )
    apart: dict[str, Any] = (
        {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
        if os.name == "nt"
        else {"start_new_session": True}
    )
    return subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, **apart
    )


def python_worker_command(code: str) -> tuple[list[str], dict[str, str]]:
    """The command line and environment of a Python process that runs ``code`` with this
    package's own code: never the current folder's.

    ``python -c`` puts the current folder first on ``sys.path``, and a command runs where
    its user (or CI, in a checkout of someone's pull request) stands: a ``moci_vocab/``
    or ``json.py`` there would be imported instead of ours. ``-P`` (Python 3.11+) leaves
    the folder out; this package's folder goes first on ``PYTHONPATH``, so a checkout run
    with ``python -m moci_vocab`` and no install still finds itself. Not an installed
    package's: that folder is site-packages, on the new process's path anyway (after the
    standard library, as here), and first on ``PYTHONPATH`` it would put every module
    there before the standard library's (an obsolete ``pathlib`` backport, which the
    standard library hides in this process, would then break the worker).
    """
    env = dict(os.environ)
    if not _is_site_folder(PACKAGE_PARENT):
        env["PYTHONPATH"] = os.pathsep.join(
            part for part in (PACKAGE_PARENT, env.get("PYTHONPATH", "")) if part
        )
    return [sys.executable, "-P", "-c", code], env


def _is_site_folder(folder: str) -> bool:
    """Whether ``folder`` is one of Python's site-packages folders (the user's included)."""
    import site

    sites = [*getattr(site, "getsitepackages", list)(), site.getusersitepackages()]
    return any(os.path.realpath(folder) == os.path.realpath(place) for place in sites)


def _close_all(ends: Sequence[int | BinaryIO]) -> None:
    """Close file descriptors and files, whatever one of them says."""
    for end in ends:
        with contextlib.suppress(OSError):
            if isinstance(end, int):
                os.close(end)
            else:
                end.close()


class _Forked:
    """A forked worker with the little of Popen's interface that _Worker uses."""

    def __init__(
        self,
        others: list[_Worker],
        shared: tuple[Sequence[Job], _SharedClaims] | None,
        mask: set[signal.Signals] | None = None,
        memo: dict | None = None,
    ) -> None:
        """Fork the worker (``mask``: the signal mask it sets once its handlers are set, when
        the caller holds signals across the fork; ``memo``: the caller's, copied as the
        worker's own at the start)."""
        jobs_in, jobs_out = os.pipe()
        try:
            results_in, results_out = os.pipe()
        except OSError:
            _close_all([jobs_in, jobs_out])
            raise
        inherited = [fd for other in others for fd in other.fds()]
        try:
            self.pid = os.fork()
        except BaseException:  # EAGAIN, ENOMEM: no worker, and none of its pipes kept
            _close_all([jobs_in, jobs_out, results_in, results_out])
            raise
        if self.pid == 0:  # the worker: it never returns from here
            code = 0
            try:
                os.setsid()  # the terminal's Ctrl-C reaches the parent only
                signal.signal(signal.SIGINT, signal.SIG_IGN)
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                if mask is not None:  # a SIGTERM sent meanwhile ends it now, a Ctrl-C not
                    signal.pthread_sigmask(signal.SIG_SETMASK, mask)
                for fd in [jobs_out, results_in, *inherited]:
                    os.close(fd)
                if shared is not None:  # (no job comes through jobs_in then)
                    _end_with_parent(jobs_in)
                # What the jobs loaded (mine) dies with the process, not freed object by
                # object before its results pipe closes (the parent waits for that end).
                mine: dict = {} if memo is None else dict(memo)
                with open(jobs_in, "rb") as jobs, open(results_out, "wb") as results:
                    if shared is None:
                        _serve_on(jobs, results, mine)
                    else:
                        _take_and_run(*shared, len(others), results, mine)
            except BaseException:  # nobody to tell: the parent sees the pipe close
                code = 1
            finally:
                let_go_of_output()
                if code == 0:
                    after_the_command()
                os._exit(code)  # never the parent's exit handlers or buffered output
        # This process's ends, until their files hold them.
        ends: list[int | BinaryIO] = [jobs_out, results_in]
        try:
            os.close(jobs_in)
            os.close(results_out)
            if shared is not None:  # room for its results while this process is busy
                with contextlib.suppress(OSError, AttributeError):
                    import fcntl

                    fcntl.fcntl(results_in, fcntl.F_SETPIPE_SZ, _RESULTS_PIPE)
            self.stdin: BinaryIO = open(jobs_out, "wb")  # noqa: SIM115 (closed by _Worker.stop)
            ends[0] = self.stdin
            self.stdout: BinaryIO = open(results_in, "rb")  # noqa: SIM115
            ends[1] = self.stdout
        except BaseException:
            # Nobody's worker yet (the pool records it once this returns): killed and reaped
            # here, not left to take and run its jobs unseen in a session of its own.
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, 0)
            _close_all(ends)
            raise
        self.returncode: int | None = None

    def poll(self) -> int | None:
        """The exit code, or None while it runs."""
        if self.returncode is None:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:  # reaped by another thread's call
                self.returncode = -signal.SIGKILL
                return self.returncode
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        """Wait for the exit (TimeoutError after ``timeout`` seconds)."""
        if timeout is None and self.returncode is None:
            # In a thread of its own, once the worker's results have ended: it is exiting,
            # and a blocking wait returns as it does, where naps of 5 ms would add up to
            # 5 ms at the end of every run.
            try:
                _pid, status = os.waitpid(self.pid, 0)
                self.returncode = os.waitstatus_to_exitcode(status)
            except ChildProcessError:  # reaped by another thread's call
                if self.returncode is None:
                    self.returncode = -signal.SIGKILL
            return self.returncode
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise TimeoutError(f"worker {self.pid} still runs after {timeout} s")
            time.sleep(0.005)
        assert self.returncode is not None
        return self.returncode

    def kill(self) -> None:
        """SIGKILL (a no-op once it has exited)."""
        if self.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)


# The parent and its worker speak pickle over a pipe, each message led by its length
# (the booklet's typesetting workers and check-po's standby too): moci_vocab.framing.


def serve() -> None:
    """A worker's life: run jobs and reply, until its input ends."""
    serve_quietly(_serve)


def serve_quietly(loop: Callable[[], None]) -> None:
    """Run a worker's loop; when the parent is gone, exit at once and silently."""
    try:
        loop()
    except (BrokenPipeError, ConnectionError, EOFError, KeyboardInterrupt):
        # The parent is gone (killed, or it stopped this worker mid-job): nobody is left
        # to reply to, and nothing to say on the terminal.
        os._exit(0)


def _serve() -> None:
    results = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write into the results
    _serve_on(sys.stdin.buffer, results)


def _serve_on(jobs: BinaryIO, results: BinaryIO, memo: dict | None = None) -> None:
    """Run the jobs read from ``jobs``, each reply written to ``results``, until EOF
    (``memo``: kept from job to job, see Job)."""
    memo = {} if memo is None else memo
    while True:
        try:
            job = receive_message(jobs)
        except EOFError:
            return
        send_message(results, _reply(job, memo))


def _take_and_run(
    jobs: Sequence[Job], claims: _SharedClaims, first: int, results: BinaryIO, memo: dict
) -> None:
    """A forked worker's life: take jobs and run them, each reply written to ``results`` with
    the job's number, until none is left to take (or one fails: the run stops)."""
    mine: list[int] = []
    while (index := claims.take(mine, first)) is not None:
        status, value = _reply(jobs[index], memo)
        send_message(results, (index, status, value))
        if status == "error":
            return
    # The parent closes its end of jobs_in once it has this (`_Worker.stop`); this process
    # then waits for the command's end (after_the_command), which that must not cut short.
    signal.signal(signal.SIGIO, signal.SIG_IGN)
    send_message(results, (None, "ended", None))  # (see _Worker.reply)


def _end_with_parent(fd: int) -> None:
    """End this forked worker at once when its parent dies (SIGKILL, the OOM killer), not
    at its next write to it (after a glossary's compile: seconds). The parent holds the only
    other end of the pipe ``fd`` reads (its jobs pipe, unused when the worker takes its jobs
    itself), which closes as it dies: the kernel then raises SIGIO here (``O_ASYNC``), whose
    default action ends the process. Once the worker has said it has ended, `_take_and_run`
    ignores SIGIO: the parent then closes that end itself."""
    signal.signal(signal.SIGIO, signal.SIG_DFL)  # (a standby's own handler is inherited)
    signal_at_its_end(fd)


def _reply(job: Job, memo: dict) -> tuple[str, object]:
    """A job's result as ("ok", result), or ("error", its error as the parent raises it)."""
    try:
        return ("ok", job.run(memo))
    except Exception as exc:
        return ("error", portable(exc))
