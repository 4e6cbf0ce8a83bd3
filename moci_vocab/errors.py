"""Errors a user can act on.

Every error the command line reports is one of these: a sentence that says
what is wrong and, where it comes from a file, which file and line. The CLI
prints it and exits 1; nothing else in the package prints.
"""

from __future__ import annotations

from pathlib import Path

from moci_vocab.early import Terminated as Terminated  # SIGTERM (see there)


class MociError(Exception):
    """A problem the user can fix: bad input, unknown concept, unsafe file."""

    def __init__(
        self,
        message: str,
        path: Path | str | None = None,
        line: int | None = None,
        column: int | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line
        self.column = column

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        where = display_path(self.path)
        if self.line is not None:
            where = f"{where}:{self.line}"
            if self.column is not None:
                where = f"{where}:{self.column}"
        return f"{where}: {self.message}"


def stopped_unexpectedly(code: int | None) -> MociError:
    """The error for a process of moci-vocab's own (a worker, check-po's standby, a
    typesetter) that ended before its answer (a crash, the out-of-memory killer): one
    sentence, whichever process it was."""
    if code is not None and code < 0:
        import signal

        try:
            how = f"killed by {signal.Signals(-code).name}"
        except ValueError:
            how = f"killed by signal {-code}"
    else:
        how = f"exit status {code}"
    return MociError(f"a worker process stopped unexpectedly ({how})")


class GlossaryNotFound(MociError):
    """No glossary/glossary.yaml at or above the folder."""


class UnknownConcept(MociError):
    """A concept id that is not in the glossary."""


class LockTimeout(MociError):
    """Another moci-vocab process holds the glossary's write lock for too long."""


def display_path(path: Path | str) -> str:
    """A path as the user would type it: relative to the current folder when inside it.

    Its folders are resolved, not its last part: a symbolic link (which moci-vocab
    refuses to follow) is named as itself, not as the file it points to (a pull
    request's link to another catalog would have its finding shown on that one)."""
    path = Path(path)
    try:
        name = path.name
        where = path.parent.resolve() / name if name not in ("", ".", "..") else path.resolve()
        return str(where.relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)
