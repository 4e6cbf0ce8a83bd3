"""check-po's first worker, started before the command line is parsed (Linux).

`moci-vocab check-po a.po b.po …` spends its first ~0.07 s of CPU importing click,
the command line and check-po's modules before the first worker is forked; the
worker then loads a language's compiled glossary. Started here instead, once
check-po's modules are imported (`moci_vocab.start`: both processes need them, so
they are imported once), the worker loads the language it will most likely check
first while this process imports click and parses the arguments: that time is no
longer spent by one process while the other waits. It
gets its jobs later, when `workers.iter_jobs` adopts it (`Prestarted`); a command
that does not (another command after all, too little to check, `--jobs 1`, an error,
Ctrl-C) kills it at its end (`Prestarted.release`).

What is read here is a guess made from the arguments' shape (`guess`), never a
decision: the command line is parsed by click as always, and anything unusual
(an option this does not know, `--help`, `--`) means no early worker. The root is
found by the command's rule (--root, MOCI_VOCAB_ROOT, the folders above); the warm-up
loads under the glossary's shared lock, which it holds until it ends, so what it
loaded is what the command sees; a language guessed wrong only wastes the warm-up.

This module imports nothing at the start of every command but `os` and `sys`; the
rest only when it forks.
"""

from __future__ import annotations

import os
import sys

# Below this many bytes of catalogs in all, a worker's start-up (about 0.2 s of CPU:
# Python, the package, the cached glossary) costs more than it saves.
MIN_BYTES = 512 * 1024
# The options of `check-po` (and the group's) that take a value, and the flags.
_VALUED = frozenset(
    {"--root", "--format", "--lang", "--fail-on", "--baseline", "--write-baseline", "--jobs"}
)
_FLAGS = frozenset({"-q", "--quiet", "--no-color", "--include-fuzzy", "--include-untranslated"})
_GROUP_VALUED = frozenset({"--root", "--format"})
_GROUP_FLAGS = frozenset({"-q", "--quiet", "--no-color"})


class Guess:
    """What the arguments of a check-po run over many files seem to say."""

    __slots__ = ("files", "lang", "root")

    def __init__(self, root: str | None, lang: str | None, files: list[str]) -> None:
        self.root = root  # --root, or MOCI_VOCAB_ROOT (None: the folders above)
        self.lang = lang  # --lang
        self.files = files


def guess(argv: list[str], environ: dict[str, str] | os._Environ, cores: int) -> Guess | None:
    """A Guess when ``argv`` (without the program's name) looks like check-po over files
    that workers would check (the rule of `parallel.worker_count`); None otherwise, and
    for anything this does not know."""
    values: dict[str, str] = {}
    rest = list(argv)
    while rest and rest[0].startswith("-"):  # the group's options, before the command
        if not _take_option(rest, values, _GROUP_VALUED, _GROUP_FLAGS):
            return None
    if not rest or rest.pop(0) != "check-po":
        return None
    files: list[str] = []
    while rest:
        if rest[0].startswith("-"):
            if not _take_option(rest, values, _VALUED, _FLAGS):
                return None
        else:
            files.append(rest.pop(0))
    try:
        jobs = int(values.get("--jobs", "0"))
    except ValueError:
        return None
    wanted = min(cores if jobs <= 0 else jobs, len(files))
    if wanted < 2 or _total_size(files) < MIN_BYTES:
        return None
    root = values.get("--root") or environ.get("MOCI_VOCAB_ROOT") or None
    return Guess(root, values.get("--lang"), files)


def _take_option(
    rest: list[str], values: dict[str, str], valued: frozenset[str], flags: frozenset[str]
) -> bool:
    """Take the option at the head of ``rest`` (and its value) into ``values``; False if
    it is not one of these."""
    name, eq, value = rest.pop(0).partition("=")
    if name in flags and not eq:
        values[name] = ""
        return True
    if name not in valued:
        return False
    if not eq:
        if not rest:
            return False
        value = rest.pop(0)
    values[name] = value
    return True


def _total_size(files: list[str]) -> int:
    total = 0
    for name in files:
        try:  # noqa: SIM105 (contextlib is not imported at every start)
            total += os.stat(name).st_size
        except OSError:
            pass  # reported when the file is read
    return total


class Prestarted:
    """A worker forked before its jobs were known: what the parent holds of it.

    ``control``: the parent's end of a Unix socket pair (the jobs, and the claims'
    pipes as file descriptors, go over it: `workers` adopts it); ``results``: the read
    end of the pipe its results come back on."""

    def __init__(self, pid: int, control, results: int) -> None:
        self.pid = pid
        self.control = control
        self.results = results
        self.handed = False  # its jobs sent: its pipes are the caller's
        self.taken = False  # and the caller will reap it (set by the caller)

    def hand_over(self, message: bytes, fds: list[int]) -> None:
        """Send the worker its jobs (``message``, length first) and ``fds``; OSError if it
        is gone. Its socket and results pipe are then the caller's, who sets ``taken``
        once it will reap the worker."""
        import _socket
        from array import array

        head = len(message).to_bytes(8, "big")
        rights = [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS, array("i", fds))]
        self.control.sendmsg([head], rights)
        self.control.sendall(message)
        self.handed = True

    def release(self) -> None:
        """Kill and reap the worker unless something took it (a no-op then)."""
        if self.taken:
            return
        self.taken = True
        import signal

        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except OSError:
            pass
        if not self.handed:
            self.control.close()
            os.close(self.results)


def start(argv: list[str]) -> Prestarted | None:
    """Fork check-po's first worker now if ``argv`` asks for workers (Linux); None
    otherwise, or if anything fails (the command then forks its workers as always)."""
    if not sys.platform.startswith("linux"):
        return None
    from moci_vocab.cores import available_cores

    wanted = guess(argv, os.environ, available_cores())
    if wanted is None:
        return None
    # What both processes need, imported once, before the fork (the worker then loads a
    # glossary while this process imports click and parses the arguments).
    import moci_vocab.checkpo.parallel
    import moci_vocab.workers  # noqa: F401

    try:
        import _socket  # `socket` itself would cost a few ms before the fork

        control, theirs = _socket.socketpair(_socket.AF_UNIX, _socket.SOCK_STREAM)
    except (ImportError, AttributeError, OSError):
        return None
    try:
        results_in, results_out = os.pipe()
    except OSError:
        control.close()
        theirs.close()
        return None
    import signal

    # Ctrl-C or SIGTERM held until each side has its handlers: the worker ignores Ctrl-C
    # (the command stops it), the command then hears it with the worker in hand.
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        pid = os.fork()
    except OSError:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        for end in (control, theirs):
            end.close()
        os.close(results_in)
        os.close(results_out)
        return None
    if pid == 0:  # the worker: it never returns from here
        control.close()
        os.close(results_in)
        _worker(theirs.detach(), results_out, wanted, held)
    started = Prestarted(pid, control, results_in)
    try:
        theirs.close()
        os.close(results_out)
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
    except BaseException:  # Ctrl-C already: nobody will take it
        started.release()
        raise
    return started


def _worker(control: int, results: int, wanted: Guess, held: set) -> None:
    """The early worker's life: warm up, then run the jobs handed over (or end when the
    parent closes the socket without any); ``held``: the signal mask to restore."""
    code = 0
    try:
        import signal

        os.setsid()  # the terminal's Ctrl-C reaches the parent only
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):  # never the command's streams (a pipe's reader waits for EOF)
            os.dup2(devnull, fd)
        os.close(devnull)
        from moci_vocab.checkpo.parallel import warmed_up
        from moci_vocab.workers import serve_handed_over

        with warmed_up(wanted.root, wanted.lang, wanted.files) as memo:
            serve_handed_over(control, results, memo)
    except BaseException:  # nobody to tell: the parent sees the results pipe close
        code = 1
    finally:
        os._exit(code)  # never the parent's exit handlers or buffered output
