"""`python -m moci_vocab` and the `moci-vocab` console script run the command line."""

import gc

# The options of the group (before the command's name) and of check-po that take a value.
_GROUP_VALUED = frozenset({"--root", "--format"})
_GROUP_FLAGS = frozenset({"-q", "--quiet", "--no-color"})
_VALUED = frozenset({"--root", "--format", "--lang", "--fail-on", "--baseline", "--jobs"})


def main() -> None:
    """The command line, with the cyclic collector paused while click and the CLI are
    imported (cli.main resumes it once the arguments are parsed); a check-po over several
    files gets the process that checks them forked first (checkpo.standby)."""
    gc.disable()
    import os
    import sys

    standby = None
    try:
        from moci_vocab import regex_cache

        regex_cache.load()  # before anything compiles a pattern (click's, ours)
        if wants_standby(sys.argv, os.isatty(1) or os.isatty(2)):
            from moci_vocab.checkpo.standby import start

            standby = start()
        from moci_vocab.cli import main as command_line

        command_line(standby)
    except KeyboardInterrupt as exc:
        # Ctrl-C (or SIGTERM, once the CLI's handler makes it errors.Terminated) before the
        # command line could catch it (while the kept patterns were loaded, click and the CLI
        # imported): nothing had begun. One line, as the CLI says it, not a traceback.
        if standby is not None:
            standby.dismiss()
        sys.exit(_say_stopped_early(exc))
    finally:  # (a command that ends at once keeps them in cli._end_at_once)
        kept = sys.modules.get("moci_vocab.regex_cache")  # (not if stopped while imported)
        if kept is not None:
            kept.save()


def _say_stopped_early(exc: KeyboardInterrupt) -> int:
    """One line on stderr for a stop before the command began; the exit status."""
    import sys

    from moci_vocab.errors import Terminated

    terminated = isinstance(exc, Terminated)
    what = "terminated (SIGTERM)" if terminated else "interrupted (Ctrl-C)"
    echoed = not terminated and sys.stderr is not None and sys.stderr.isatty()  # ^C echoed
    if sys.stderr is not None:
        sys.stderr.write(f"{chr(10) if echoed else ''}moci-vocab: {what}; nothing was done\n")
    return 143 if terminated else 130  # 128 + the signal, as the CLI's EXIT_* say


def wants_standby(argv: list[str], terminal: bool) -> bool:
    """Whether ``argv`` looks like a check-po over several files that a standby would check
    (checkpo.standby), on Linux with two cores or more, output not on a ``terminal`` (where
    rich prints, and a progress bar may be drawn). A guess made before click parses: a
    wrong one costs a fork, never a different result. Here, not in checkpo.standby: every
    command asks, and a one-file check-po (a pre-commit hook) imports nothing for it."""
    import os
    import sys

    if terminal or not sys.platform.startswith("linux") or not hasattr(os, "sched_getaffinity"):
        return False
    args = iter(argv[1:])
    for arg in args:
        if arg == "check-po":
            break
        if arg in _GROUP_VALUED:
            next(args, None)
        elif not (arg in _GROUP_FLAGS or arg.startswith(("--root=", "--format="))):
            return False
    else:
        return False
    files = 0
    for arg in args:
        if arg == "--":
            files += sum(1 for _ in args)
        elif arg in ("-h", "--help") or arg.startswith("--write-baseline"):
            return False
        elif arg == "--jobs" or arg.startswith("--jobs="):
            value = next(args, "") if arg == "--jobs" else arg[len("--jobs=") :]
            if value.strip().isdigit() and int(value) == 1:
                return False
        elif arg in _VALUED:
            next(args, None)
        elif arg == "-" or not arg.startswith("-"):
            files += 1
    return files >= 2 and len(os.sched_getaffinity(0)) >= 2


if __name__ == "__main__":  # not when a worker process imports it
    main()
