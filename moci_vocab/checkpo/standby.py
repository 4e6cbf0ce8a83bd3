"""check-po over many files: the process that checks them, forked before click is imported.

Until its first file, a check-po run uses one core: Python's start (~13 ms), then click and
the command line (~30 ms), then check-po's engine and matchers (~20 ms) and the glossary's
languages and fingerprint (~7 ms); only then are the files split between two processes.
When the command line looks like a check-po over several files (read from argv before
click, only to decide whether to fork: moci_vocab.__main__.wants_standby), the console
entry forks a *standby* at once, which imports the engine on the second core while the command
imports click and parses. Click's parse alone decides what runs: the command hands the
standby its run (`Standby.findings`) when it would stream the findings of several files
to a file or pipe (no progress bar, no --write-baseline, not --jobs 1), or dismisses it.
The standby runs `run.stream_findings` as the command would have (with its own forked
worker: checkpo.parallel) and sends the findings back in batches, in the report's order;
a file's findings written where it was checked (text, JSON) go to the command as soon as
the file is done, its worker's straight from the worker (`_Delivery`), and the command
writes them in their turn, as always; it never imports the engine. Done, the standby
and its worker wait for the command's end before their own (framing.after_the_command).
Like a worker, the standby is in a session of its own and ignores Ctrl-C: the command
stops it (SIGTERM: it stops its worker and ends) on Ctrl-C or an error, or kills it when
it is not needed; if the command dies, even killed, the kernel tells the standby at once
(`_watch_the_command`), which stops its worker and ends too.
"""

from __future__ import annotations

import os

from moci_vocab import framing
from moci_vocab.framing import let_go_of_output, receive_message, send_message

# Not `typing.TYPE_CHECKING`: the console entry imports this module before click, and
# `typing` (with `re`, `collections`…) costs ~5 ms there, on the path of both processes.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path
    from typing import Any, BinaryIO

# What both halves import after the fork, the command for click, the command line and its
# writing, the standby for the engine (or, for uuid and datetime, for orjson): imported once
# before the fork (`start`), else each process imports them (~100 M instructions twice,
# callgrind, 2026-12-06). Both halves' longest paths stay as long (each needs these); the
# run's CPU falls by one copy.
SHARED = (
    "typing",
    "re",
    "signal",
    "threading",
    "weakref",
    "uuid",
    "datetime",
    "fcntl",
    "moci_vocab.cache",
    "moci_vocab.report",
)
# What the standby imports before it is handed a run: check-po's engine and what a
# process's first file uses (the matchers, rapidfuzz for the closest words of a missing
# term), all of which then comes copied into its forked worker too; not the workers'
# module, which inputs too small to repay a worker never import (parallel.worker_count).
ENGINE = (
    "moci_vocab.checkpo.run",
    "moci_vocab.checkpo.parallel",
    "moci_vocab.checkpo.source_match",
    "moci_vocab.checkpo.rendered",
    "moci_vocab.checkpo.verbal",
    "moci_vocab.checkpo.conventions",
    "rapidfuzz.fuzz",
    "rapidfuzz.process",
)
# What the run imports once it has arrived, before its worker is forked (the pool, the source
# matcher's automaton, the claims' pipe counts), then what a check imports at its first file
# and ENGINE leaves out (orjson: the JSON of a missing term's message, made for every format;
# it brings zoneinfo and json), each imported while this process has nothing else to do:
# waiting for its run or for the glossary's fingerprint (`_import_while_idle`), before its
# worker is forked. Otherwise the standby would import the first ones on the run's path, and
# it and its worker would each import the others at their first file. One module a step, so
# that a run arriving meanwhile waits for one small import at most: orjson in one step held a
# run that arrived during it ~8 ms (traced under load, 2026-12-06).
IDLE = (
    "moci_vocab.workers",
    "daachorse",
    "termios",
    "zoneinfo",
    "json",
    "orjson",
    "moci_vocab.translit",
    "moci_vocab.checkpo.idioms",
)
# Findings sent in one message at most (text and JSON mostly come as one block per file).
_BATCH = 256
# How long a standby told to stop may take before it is killed (it stops its worker first).
_STOP_S = 5.0


def start() -> Standby | None:
    """A standby for this command (None if it cannot fork). Call it first thing, while this
    process has one thread (a fork copies only that)."""
    import importlib

    from moci_vocab import prefetch

    for name in SHARED:
        importlib.import_module(name)
    prefetch.join()  # (its thread, started first thing: a fork copies only this one)
    ends: list[int] = []
    try:
        ends += os.pipe()  # requests: read by the standby
        ends += os.pipe()  # replies: read by this process
        ends += os.pipe()  # the findings of its worker's files, from the worker: read here
        ends += os.pipe()  # this process's life (framing.COMMAND_LIFE): written by none
        for fd in ends[3], ends[5]:
            _widen(fd)
        pid = os.fork()
    except OSError:
        for fd in ends:
            os.close(fd)
        return None
    if pid == 0:  # the standby: it never returns from here
        code = 0
        # What the run loaded dies with the process, not freed object by object before it
        # ends (nobody waits for this process's end: the command has its answer by then).
        kept: list = []
        try:
            for fd in ends[1], ends[2], ends[4], ends[7]:
                os.close(fd)
            framing.COMMAND_LIFE = ends[6]  # (its worker's too: it is forked from here)
            _serve(ends[0], ends[3], ends[5], kept)
        except BaseException:  # nobody to tell: the command sees the pipe close
            code = 1
        finally:
            try:  # (a SIGTERM meanwhile raises here: this process still ends here)
                _unwatched()
                let_go_of_output()
                if code == 0:  # the engine's patterns (the command compiles only its own)
                    from moci_vocab import regex_cache

                    regex_cache.save()
                    framing.after_the_command()
                _reap_workers()
            finally:
                os._exit(code)
    for fd in ends[0], ends[3], ends[5], ends[6]:
        os.close(fd)
    prefetch.forget()  # the standby and its worker load the compiled glossaries, not this
    # ends[7], this process's life, is closed by its exit (or by `Standby.dismiss`).
    return Standby(pid, ends[1], ends[2], ends[4], ends[7])


def _reap_workers() -> None:
    """Reap the standby's worker that said it had ended (it waits for the command's end too,
    and ends with it, or at once when the command dismissed this standby): reaped here, as
    this process ends, not left to the system's reaper."""
    import sys

    workers = sys.modules.get("moci_vocab.workers")
    if workers is not None:
        workers.reap_ended()


def _widen(fd: int) -> None:
    """Let the pipe whose end ``fd`` is hold 1 MiB (Linux; else as it is): a file's findings
    are written into it while this process may not be on a core to read them (the two
    others hold both, under real-time scheduling the whole run), and a writer that waits
    for it stops checking."""
    import contextlib
    import fcntl

    with contextlib.suppress(OSError, AttributeError):
        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, 1 << 20)


class Sent:
    """Where a file's findings go in the standby's stream when they were sent to the
    command as soon as the file was checked (`_Delivery`), by its number in the run."""

    __slots__ = ("number",)

    def __init__(self, number: int) -> None:
        self.number = number


class Standby:
    """A standby process (see the module): hand it a run, or dismiss it."""

    def __init__(self, pid: int, requests: int, replies: int, direct: int, life: int) -> None:
        self.pid = pid
        # This process's ends, until closed: its requests, its replies, and the findings
        # its worker sends here itself (`_Delivery`).
        self._ends: list[int] = [requests, replies, direct]
        # The end that only this process holds (framing.COMMAND_LIFE): once the standby
        # and its worker are done, they end when it closes, with this process.
        self._life: int | None = life
        self._handed = False  # whether it has its run (then it has a worker to stop)
        self.code: int | None = None  # its exit status, once reaped
        self.ended = False  # whether it sent its last message (then it exits by itself)

    def findings(
        self, request: tuple, counts: dict, stamps: Callable[[], object] | None = None
    ) -> Iterator[Any]:
        """Hand the standby its run — (root, paths, (lang, include_fuzzy,
        include_untranslated, baseline), jobs, json_blocks, text_blocks), as
        `run.stream_findings` takes them — and yield what that stream yields, in order;
        ``counts`` gets the run's `Result.summary()` once the stream has ended. An error
        of the run is raised here, as the stream would have raised it. ``stamps()``: the
        glossary's `layout.fingerprint`, taken here while the standby begins its run
        (this process has nothing else to do; the standby would take it on its path
        before its worker is forked); if it fails, the standby takes it and meets the
        error itself."""
        import contextlib

        requests = self._ends[0]
        self._handed = True
        try:
            try:
                with open(requests, "wb", closefd=False) as out:
                    send_message(out, request)
            except BrokenPipeError:  # it ended before its run (it could not start)
                raise _ended(self._reap(block=True)) from None
            if stamps is not None:
                try:
                    taken = ("stamps", stamps())
                except Exception:
                    taken = ("failed", None)
                # A run that needed no glossary (every file unreadable) may be over, its
                # end of this pipe closed: its findings wait in the other pipe.
                over = contextlib.suppress(BrokenPipeError)
                with over, open(requests, "wb", closefd=False) as out:
                    send_message(out, taken)
            replies = _Replies(*self._ends[1:])
            while True:
                message = replies.next()
                if message is None:
                    raise _ended(self._reap(block=True))
                kind, value = message
                if kind == "findings":
                    for item in value:
                        if type(item) is Sent:
                            found = replies.sent(item.number)
                            if found is None:
                                raise _ended(self._reap(block=True))
                            yield from found
                        else:
                            yield item
                elif kind == "end":
                    counts.update(value)
                    break
                else:
                    raise framing.raised_again(value)
        except BaseException:
            self.dismiss()
            raise
        # Its run is over and said: it exits by itself (unmapping its memory takes 1-2 ms),
        # its output let go of first. Not waited for: reaped here if it has exited, else by
        # the system's reaper once this process has ended (at once: check-po ends so).
        self.ended = True
        self._close()
        self._reap(block=False)

    def dismiss(self) -> None:
        """Stop the standby unless it has ended, and reap it (a no-op once it has been).
        One that has its run stops its worker first (SIGTERM); one that waits is killed."""
        import contextlib
        import signal
        import time

        if self.code is not None or self.ended:
            return
        self._close()
        if self._life is not None:  # (one that has sent its error waits for this)
            os.close(self._life)
            self._life = None
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGTERM if self._handed else signal.SIGKILL)
        deadline = time.monotonic() + _STOP_S
        while self._reap(block=False) is None:
            if time.monotonic() > deadline:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(self.pid, signal.SIGKILL)
                self._reap(block=True)
                return
            time.sleep(0.002)

    def _close(self) -> None:
        for fd in self._ends:
            os.close(fd)
        self._ends = []

    def _reap(self, block: bool) -> int | None:
        if self.code is None:
            try:
                pid, status = os.waitpid(self.pid, 0 if block else os.WNOHANG)
            except ChildProcessError:  # reaped already (by another waitpid)
                pid, status = self.pid, 0
            if pid:
                self.code = os.waitstatus_to_exitcode(status)
        return self.code


class _Replies:
    """What the standby sends, read by its command: its stream's messages in their order, and
    the findings of each file sent as soon as it was checked (`_Delivery`), by the standby
    in the same pipe or by its worker in a pipe of its own, kept until their turn."""

    def __init__(self, replies: int, direct: int) -> None:
        from collections import deque

        from moci_vocab.framing import Inbox

        self.replies = replies
        self.inbox = Inbox([replies, direct])
        self.ordered: deque[tuple] = deque()
        self.sent_by_number: dict[int, list] = {}
        self.over = False  # the standby's pipe has ended: nothing more will be in order

    def next(self) -> tuple | None:
        """The standby's next message (None: it ended without one)."""
        while not self.ordered:
            if self.over or not self._take():
                return None
        return self.ordered.popleft()

    def sent(self, number: int) -> list | None:
        """The findings of the file ``number``, sent out of order (None: they never came).
        Sent before the message that asks for them (the worker sends them before it tells
        the standby the file is done): in a pipe by then, whole."""
        while number not in self.sent_by_number:
            if not self._take():
                return None
        return self.sent_by_number.pop(number)

    def _take(self) -> bool:
        """One more message, kept where it belongs; False once every pipe has ended."""
        from moci_vocab.framing import ENDED

        try:
            fd, message = self.inbox.receive()
        except EOFError:
            return False
        if message is ENDED:
            self.over = self.over or fd == self.replies
        elif message[0] == "sent":
            self.sent_by_number[message[1]] = message[2]
        elif fd == self.replies:
            self.ordered.append(message)
        return True


def _serve(requests: int, replies: int, direct: int, kept: list) -> None:
    """The standby's life: the engine imported, then the run the command hands it (none:
    the command ended or dismissed it); ``direct``: the command's pipe for its worker's
    findings (`_Delivery`)."""
    import importlib
    import signal

    os.setsid()  # the terminal's Ctrl-C reaches the command only, which stops this
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGXFSZ"):  # a cache write past `ulimit -f` fails (as in cli.main)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _terminated)  # unwinds: its worker is stopped (killed)
    _watch_the_command()
    for name in ENGINE:
        importlib.import_module(name)
    idle = list(IDLE)
    with open(requests, "rb") as stream, open(replies, "wb") as out:
        _import_while_idle(stream, idle)
        try:
            request = receive_message(stream)
        except EOFError:
            return
        _run(request, stream, out, direct, kept, idle)


def _watch_the_command() -> None:
    """Be told by the kernel when the command ends before its run is over: even killed
    (SIGKILL, the OOM killer, a CI job's timeout), its end of `framing.COMMAND_LIFE`
    closes as it dies, and this process and its worker, which write to it only once a file
    is checked, would run on unseen (a glossary's compile: seconds). The pipe's end
    (O_ASYNC) then raises SIGIO here, handled as the command's SIGTERM: this process
    unwinds, killing its worker. No thread and no poll: nothing on the run's path. Until
    the run's last message (`_unwatched`)."""
    import signal

    if framing.COMMAND_LIFE is None:
        return
    signal.signal(signal.SIGIO, _terminated)
    framing.signal_at_its_end(framing.COMMAND_LIFE)


def _unwatched() -> None:
    """The command's end no longer stops this process (`_watch_the_command`): its run is
    over and said, and it waits for that end before its own (framing.after_the_command)."""
    import signal

    signal.signal(signal.SIGIO, signal.SIG_IGN)


def _import_while_idle(stream: BinaryIO, modules: list[str]) -> None:
    """Import ``modules`` (taken off the list) one at a time while nothing has arrived in
    ``stream``: time that would be spent waiting, so that the run waits at most for one
    import to end. One that cannot be imported is left to the check (which says why)."""
    import contextlib
    import importlib

    while modules and not _arrived(stream):
        with contextlib.suppress(ImportError):
            importlib.import_module(modules.pop(0))


def _arrived(stream: BinaryIO) -> bool:
    """Whether something can be read from ``stream`` without waiting: in its buffer or in
    the pipe. The pipe's end is not seen (a non-blocking peek gives b"" for an empty pipe
    and at its end alike): the next blocking read finds it."""
    fd = stream.fileno()
    os.set_blocking(fd, False)  # peek then reads what the pipe holds, never waits
    try:
        return bool(stream.peek(1))  # type: ignore[attr-defined]
    except OSError:  # (read on a closed or broken pipe: receive_message says what)
        return True
    finally:
        os.set_blocking(fd, True)


def _run(
    request: tuple, requests: BinaryIO, out: BinaryIO, direct: int, kept: list, idle: list[str]
) -> None:
    """Run the check the command asked for, its findings sent to ``out`` as they come (a
    file's written findings as soon as the file is checked, its worker's to ``direct``:
    `_Delivery`); the glossary's fingerprint is the one the command takes meanwhile (read
    from ``requests`` when first needed, ``idle`` imported until it comes)."""
    from moci_vocab.checkpo.run import Options, Result, stream_findings
    from moci_vocab.findings import JsonBlock, TextBlock
    from moci_vocab.layout import fingerprint

    root, paths, options, jobs, json_blocks, text_blocks = request
    sent: list = []  # the command's one message about the fingerprint, once read

    def stamps_of(root: Path) -> tuple[str, int] | None:
        if not sent:
            _import_while_idle(requests, idle)
            sent.append(receive_message(requests))
        kind, value = sent[0]
        return value if kind == "stamps" else fingerprint(root)  # (failed there: its error)

    result = Result()
    blocks = (JsonBlock, TextBlock, Sent)
    batch: list = []
    try:
        for item in stream_findings(
            root,
            paths,
            Options(*options),
            result,
            jobs=jobs,
            json_blocks=json_blocks,
            keep=kept,
            text_blocks=text_blocks,
            stamps_of=stamps_of,
            deliver=_Delivery(out, direct),
        ):
            batch.append(item)
            if len(batch) >= _BATCH or type(item) in blocks:
                send_message(out, ("findings", batch))
                batch = []
    except Exception as exc:  # the findings before it are written, then the error said
        if batch:
            send_message(out, ("findings", batch))
        _unwatched()
        send_message(out, ("error", framing.portable(exc)))
        return
    if batch:
        send_message(out, ("findings", batch))
    _unwatched()
    send_message(out, ("end", result.summary()))


class _Delivery:
    """The standby's ``deliver`` (`run.stream_findings`), in it and its workers: a file's
    findings, written where it was checked (text or JSON blocks), sent to the command as
    soon as it is done, whatever the files' order, instead of with its result in that
    order. The standby's go with its stream, its worker's to the command's pipe for them
    (the first worker's only: a pipe with more than one writer would mix their
    messages), not through the standby, whose thread that reads its worker's results
    gets the interpreter's lock only when the checking thread waits: at the end, all at
    once. The command writes them in their turn; at the end only the last files' are
    left to send (2026-12-07: 20 blocks, 242 KB, ~2 ms at the end before)."""

    def __init__(self, stream: BinaryIO, direct: int) -> None:
        self.pid = os.getpid()
        self.stream = stream  # this process's (the standby's) to the command
        self.direct = direct
        read, write = os.pipe()  # one byte: the worker that reads it has `direct`
        os.write(write, b"1")
        os.close(write)  # (then the others read its end at once)
        self.token = read
        self.mine: BinaryIO | None = None  # a worker's, once it has `direct`
        self.others = False  # a worker's: another one has `direct`

    def __call__(self, number: int, found: list) -> Sent | None:
        """Send the findings of the file ``number``; what stands for them in its result
        (None: not sent, they go with it)."""
        if os.getpid() == self.pid:
            stream = self.stream
        else:
            if self.mine is None and not self.others:  # a worker's first file
                if os.read(self.token, 1):
                    self.mine = open(self.direct, "wb", closefd=False)  # noqa: SIM115
                else:
                    self.others = True
            if self.mine is None:
                return None
            stream = self.mine
        send_message(stream, ("sent", number, found))
        return Sent(number)


def _terminated(_signum: int, _frame: object) -> None:
    """SIGTERM from the command, which stops this standby: unwind (its worker is killed)
    and say nothing more. The command has said what there is to say, and this process may
    be unwinding already (its replies' pipe closed by a reader gone, `| head`): an exception
    raised during that cleanup would be printed as "Exception ignored" on stderr."""
    import signal

    from moci_vocab.errors import Terminated

    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGIO, signal.SIG_IGN)
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 2)
    os.close(quiet)
    raise Terminated


def _ended(code: int | None) -> BaseException:
    from moci_vocab.errors import stopped_unexpectedly

    return stopped_unexpectedly(code)  # (the sentence of a worker's: one failure)
