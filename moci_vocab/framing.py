"""Length-prefixed pickled messages over a pipe: how a command speaks with its standby and
its workers (check-po's standby and workers, the booklet's typesetters)."""

from __future__ import annotations

# Neither typing nor pickle at the top: check-po's standby imports this module before the
# command has parsed its arguments (moci_vocab.checkpo.standby says why that start-up counts).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, BinaryIO


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
