"""Length-prefixed pickled messages over a pipe: how a command speaks with its standby and
its workers (check-po's standby and workers, the booklet's typesetters); `Inbox` reads
them from several pipes at once; an error sent back (`portable`, `raised_again`)."""

from __future__ import annotations

# Neither typing nor pickle at the top: check-po's standby imports this module before the
# command has parsed its arguments (moci_vocab.checkpo.standby says why that start-up counts).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any, BinaryIO

# What `Inbox.receive` gives for a pipe that has ended (once: it is read no more).
ENDED = object()
# The read end of a pipe that only the command writes to, so that it ends with the command:
# check-po's standby sets it for itself and its forked worker (`after_the_command`).
COMMAND_LIFE: int | None = None
# How long a child waits there at most (a command still writing to a slow reader).
_OUTLIVE_S = 10


def send_message(stream: BinaryIO, message: object) -> None:
    """Write one length-prefixed pickled message and flush it."""
    import pickle

    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(len(data).to_bytes(8, "big") + data)
    stream.flush()


def receive_message(stream: BinaryIO) -> Any:
    """Read one length-prefixed pickled message (EOFError when the stream ends)."""
    import pickle

    head = stream.read(8)
    if len(head) < 8:
        raise EOFError
    size = int.from_bytes(head, "big")
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)


def portable(exc: Exception) -> tuple:
    """An error a child met (a standby's, a worker's) as its parent raises it again
    (`raised_again`): a MociError's sentence, file and line; another exception itself when
    it pickles (else its type's name and text). The one way back for every child, so that
    an error is said the same whichever process met it (`--jobs 1` or not)."""
    import pickle

    from moci_vocab.errors import MociError

    if isinstance(exc, MociError):
        where = str(exc.path) if exc.path is not None else None
        return ("MociError", exc.message, where, exc.line, exc.column)
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return ("other", f"{type(exc).__name__}: {exc}")
    return ("exception", exc)


def raised_again(value: tuple) -> BaseException:
    """A child's error (`portable`) as the exception to raise here."""
    from moci_vocab.errors import MociError

    if value[0] == "MociError":
        return MociError(*value[1:])
    if value[0] == "exception":
        return value[1]
    return RuntimeError(value[1])


def let_go_of_output() -> None:
    """Point this process's stdout and stderr at /dev/null: for a child (a standby, a
    worker) that has sent its last message and exits. Its exit would close them only after
    unmapping its memory (1-2 ms), and whoever reads the command's output to its end (a
    pipe, CI) waits for the last process that holds it."""
    import contextlib
    import os

    with contextlib.suppress(OSError):
        quiet = os.open(os.devnull, os.O_WRONLY)
        os.dup2(quiet, 1)
        os.dup2(quiet, 2)
        os.close(quiet)


def after_the_command() -> None:
    """For a child that has done its part and sent its last message: wait until the
    command has ended (`COMMAND_LIFE`), then return (the child exits); after 10 s, the
    alarm's default action ends it. Its exit unmaps its memory (1-2 ms of a core, more on
    a VM), which at the end of a run is the core the command needs to write its last
    findings and exit; after the command, nobody waits for it. A no-op where no
    COMMAND_LIFE is set."""
    if COMMAND_LIFE is None:
        return
    import os
    import signal  # (imported already: no module of its own here, as `select` would be)

    signal.alarm(_OUTLIVE_S)
    try:
        os.read(COMMAND_LIFE, 1)  # b"" once every end that writes to it has closed
    except OSError:
        pass
    finally:
        signal.alarm(0)


def signal_at_its_end(fd: int) -> None:
    """Have the kernel raise SIGIO in this process once the pipe whose read end ``fd`` is
    has no writer left (its last writer's exit or death, SIGKILL included), or now if it
    has none already (Linux's ``O_ASYNC``: no thread, no poll; elsewhere nothing). For a
    child whose parent holds that pipe's only write end and never writes to it; the caller
    sets what SIGIO does first."""
    import contextlib
    import fcntl
    import os
    import signal

    with contextlib.suppress(OSError, AttributeError):
        fcntl.fcntl(fd, fcntl.F_SETOWN, os.getpid())
        fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) | os.O_ASYNC)
        os.set_blocking(fd, False)  # a writer gone already: no SIGIO will come
        try:
            if not os.read(fd, 1):
                os.kill(os.getpid(), signal.SIGIO)
        except BlockingIOError:  # a writer lives
            pass
        finally:
            os.set_blocking(fd, True)


class Inbox:
    """Messages written by `send_message` into several pipes, read as they arrive: each
    pipe's in its order. For a process that waits on more than one writer (check-po's
    command: its standby, and the standby's worker), none of which may wait for it to
    read another pipe first (a writer blocks on a full pipe)."""

    def __init__(self, fds: Iterable[int]) -> None:
        import select
        from collections import deque

        self._poll = select.poll()
        self._unread: dict[int, bytearray] = {}  # what was read of each open pipe, not parsed
        for fd in fds:
            self._poll.register(fd, select.POLLIN)
            self._unread[fd] = bytearray()
        self._arrived: deque[tuple[int, Any]] = deque()

    def receive(self) -> tuple[int, Any]:
        """The next message and the pipe it came from, waiting for one if need be; a pipe's
        end as ``(fd, ENDED)`` (a message cut short there is dropped); EOFError once every
        pipe has ended and its messages are taken."""
        import os
        import pickle

        while not self._arrived:
            if not self._unread:
                raise EOFError
            for fd, _event in self._poll.poll():
                data = os.read(fd, 1 << 20)
                if not data:
                    self._poll.unregister(fd)
                    del self._unread[fd]
                    self._arrived.append((fd, ENDED))
                    continue
                unread = self._unread[fd]
                unread += data
                start = 0
                while len(unread) - start >= 8:
                    end = start + 8 + int.from_bytes(unread[start : start + 8], "big")
                    if len(unread) < end:
                        break
                    self._arrived.append((fd, pickle.loads(unread[start + 8 : end])))
                    start = end
                del unread[:start]
        return self._arrived.popleft()
