"""The console script's entry point: check-po's first worker is forked before click is
imported (`checkpo.early`), then the command line runs as always (`cli.main`)."""

from __future__ import annotations

import sys


def main() -> None:
    """Console-script entry point (`moci-vocab`, `python -m moci_vocab`)."""
    from moci_vocab.checkpo.early import Prestarted, start

    early: Prestarted | None = None
    try:
        try:
            early = start(sys.argv[1:])
        except Exception:  # anything odd: the workers are forked when needed, as always
            early = None
        from moci_vocab.cli import main as run
    except KeyboardInterrupt as exc:  # Ctrl-C while the command line is being loaded
        if early is not None:
            early.release()
        from moci_vocab.cli import _say_interrupted

        sys.exit(_say_interrupted(exc))
    run(early)
