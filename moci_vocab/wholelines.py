"""Standard output to a pipe that a Ctrl-C or SIGTERM never leaves cut in the middle of a
line (a CI log reads a cut `::error ...` line as a command).

A write to a pipe that a signal interrupts can return having written part of what it was
given, and Python then drops the rest: the output ended half-way through a line (review24:
`--format github` stopped at `...::'default' is not translated as '`). Here the bytes go to
the pipe as whole lines, at most PIPE_BUF bytes a write (a write the kernel makes all or
nothing); a longer line is written with SIGINT and SIGTERM held until it is out. A write
that a signal (or anything else) stops is the last: nothing more is written, so a line is
never written twice or in part. On Ctrl-C or SIGTERM, `interrupted` writes the whole lines
still buffered and ends a line left open (the last of a batch the program flushed without
its newline) with one.
"""

from __future__ import annotations

import io
import os
import signal
import sys

_BUFFER = io.DEFAULT_BUFFER_SIZE  # as the interpreter's own buffer for stdout
_STOPS = {signal.SIGINT, signal.SIGTERM}


class WholeLines(io.BufferedIOBase):
    """The binary stream under ``sys.stdout`` when it is a pipe (see the module)."""

    def __init__(self, fd: int, buffered: bool, atomic: int = 512) -> None:
        super().__init__()
        self._fd = fd
        self._atomic = atomic  # PIPE_BUF: a write of at most this many bytes is all or nothing
        self._buffered = buffered  # else each write goes out at once (PYTHONUNBUFFERED)
        self._pending = bytearray()
        self._open = False  # the last byte written is not a newline
        self._stopped = False  # a write failed or was interrupted: nothing more is written
        self._broken = False  # a write failed (the reader is gone, the disk is full)
        self._ending = False  # `interrupted`: only whole lines go out

    def writable(self) -> bool:
        """Always true."""
        return True

    def fileno(self) -> int:
        """The file descriptor written to."""
        return self._fd

    def isatty(self) -> bool:
        """False: a pipe."""
        return False

    def write(self, data) -> int:
        """Keep ``data``; send the whole lines when the buffer is full (at once if unbuffered)."""
        if self._stopped:
            return len(data)
        if (
            not (self._buffered or self._pending or self._open)
            and 0 < len(data) <= self._atomic
            and data[-1] == 10
        ):
            # Unbuffered, a line or lines that fit one atomic write: written as they are.
            try:
                os.write(self._fd, data)
            except BaseException as exc:
                self._stop(exc)
                raise
            return len(data)
        self._pending += data
        if not self._buffered:
            self._send(len(self._pending))
        elif len(self._pending) >= _BUFFER:
            self._send(self._pending.rfind(b"\n") + 1)
        return len(data)

    def flush(self) -> None:
        """Send everything kept (only its whole lines once the command is interrupted)."""
        if self._stopped:
            return
        self._send(self._pending.rfind(b"\n") + 1 if self._ending else len(self._pending))

    def close(self) -> None:
        """Flush; the file descriptor stays open (it is the process's stdout)."""
        if not self.closed:
            try:
                self.flush()
            finally:
                super().close()

    def interrupted(self) -> None:
        """Write the whole lines kept, end an open line, write nothing after."""
        self._ending = True
        try:
            sys.stdout.flush()  # (the text layer's pending characters come here first)
        except (OSError, ValueError):
            self._broken = True  # the reader is gone or stdout closed
        self._stopped = True
        if self._open and not self._broken:
            # The newline of a line the command left open. A second signal, or a reader
            # gone, leaves the line without it.
            try:
                os.write(self._fd, b"\n")
            except (OSError, KeyboardInterrupt):
                return

    def _send(self, end: int) -> None:
        """Write the first ``end`` bytes kept: whole lines of at most PIPE_BUF bytes a write."""
        data = self._pending
        view = memoryview(data)
        start = 0
        try:
            while start < end:
                cut = data.rfind(b"\n", start, min(end, start + self._atomic)) + 1
                if cut > start and not self._open:
                    # All or nothing, and no line left open before or after it: a stop raised
                    # as it returns, before it is counted, leaves `_open` true either way.
                    start += os.write(self._fd, view[start:cut])
                else:  # a line longer than one atomic write, or the end or rest of an open one
                    line_end = data.find(b"\n", start, end) + 1 or end
                    start = self._send_held(view, start, line_end)
        except BaseException as exc:
            self._stop(exc)
            raise
        finally:
            view.release()
        del data[:start]

    def _stop(self, exc: BaseException) -> None:
        """A write failed (``exc``): what a signal or an error stopped is never written again."""
        self._stopped = True
        self._broken = isinstance(exc, OSError)

    def _send_held(self, view: memoryview, start: int, end: int) -> int:
        """Write ``view[start:end]`` whole, SIGINT and SIGTERM held meanwhile (taken after)."""
        try:  # (a signal taken as the mask is set still finds it undone by `finally`)
            signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)
            # Held, the write ends whole (or fails: the reader is gone). A stop comes after
            # it, before its count is taken: as the mask is undone, or, while another thread
            # lives (the kernel hands that one the signal), as soon as the write returns. So
            # whether it leaves a line open is said before it, with nothing in between that
            # could raise (`interrupted` ends that line).
            self._open = view[end - 1] != 10  # (b"\n")
            while start < end:
                start += os.write(self._fd, view[start:end])
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)
        return start


def install() -> None:
    """Put `WholeLines` under ``sys.stdout`` when it is the interpreter's own and a pipe."""
    import stat

    stream = sys.stdout
    if type(stream) is not io.TextIOWrapper or not hasattr(signal, "pthread_sigmask"):
        return
    try:
        fd = stream.fileno()
        if not stat.S_ISFIFO(os.fstat(fd).st_mode):
            return
        atomic = os.fpathconf(fd, "PC_PIPE_BUF")
        stream.flush()
    except (OSError, ValueError):
        return
    buffered = not stream.write_through
    sys.stdout = io.TextIOWrapper(
        WholeLines(fd, buffered, atomic),
        encoding=stream.encoding,
        errors=stream.errors,
        newline="\n",
        line_buffering=stream.line_buffering,
        write_through=stream.write_through,
    )


def interrupted() -> None:
    """On Ctrl-C or SIGTERM: stdout ends on a whole line, and nothing more is written."""
    stream = getattr(sys.stdout, "buffer", None)
    if isinstance(stream, WholeLines):
        stream.interrupted()
