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
        _stop_on_sigterm()
        plan = standby_plan(sys.argv, os.isatty(1) or os.isatty(2))
        if plan is not None:  # the compiled glossaries verified on the idle core meanwhile
            from moci_vocab import prefetch

            prefetch.start(*plan)
        from moci_vocab import regex_cache

        regex_cache.load()  # before anything compiles a pattern (click's, ours)
        if plan is not None:
            from moci_vocab.checkpo.standby import start

            standby = start()  # (it joins the prefetch's thread before its fork)
        from moci_vocab.cli import main as command_line

        command_line(standby)
    except KeyboardInterrupt as exc:
        # Ctrl-C (or SIGTERM: errors.Terminated) before the command line could catch it
        # (while the kept patterns were loaded, click and the CLI imported): nothing had
        # begun. One line, as the CLI says it, not a traceback.
        if standby is not None:
            standby.dismiss()
        sys.exit(_say_stopped(exc, "nothing was done"))
    finally:  # (a command that ends at once keeps them in cli._end_at_once)
        _tidy_up()


def _stop_on_sigterm() -> None:
    """SIGTERM unwinds as Ctrl-C does from here on (early.raise_terminated), not only once
    the CLI is imported: before, its default action ended the process without a word
    (the first ~50 ms of a run: the kept patterns, the standby's fork, click and the CLI)."""
    import _signal  # (not signal: its enum would come before the read-ahead's start)

    from moci_vocab.early import raise_terminated

    _signal.signal(_signal.SIGTERM, raise_terminated)


def _tidy_up() -> None:
    """On every way out: no read-ahead thread left running (Ctrl-C, errors), the patterns
    compiled for the first time kept. A Ctrl-C or SIGTERM meanwhile ends the process as a
    stop does, its one line said unless the command line has said it already."""
    import sys

    ending = sys.exc_info()[1]  # how the command line ended (SystemExit, or none)
    try:
        fetching = sys.modules.get("moci_vocab.prefetch")
        if fetching is not None:
            fetching.join()
        kept = sys.modules.get("moci_vocab.regex_cache")  # (not if stopped while imported)
        if kept is not None:
            kept.save()
    except KeyboardInterrupt as exc:
        code = ending.code if isinstance(ending, SystemExit) else None
        if code not in (130, 143):  # (the stop's status: its line is said)
            code = _say_stopped(exc, "no file was changed half-way")
        raise SystemExit(code) from None


def _say_stopped(exc: KeyboardInterrupt, then: str) -> int:
    """One line on stderr for a stop outside the command line's own (before it began, or
    as the process tidies up after it); the exit status."""
    import sys

    from moci_vocab.early import Terminated  # (not errors: it may be the one being imported)

    writing = sys.modules.get("moci_vocab.wholelines")  # (installed by the CLI, if it ran)
    if writing is not None:
        writing.interrupted()
    terminated = isinstance(exc, Terminated)
    what = "terminated (SIGTERM)" if terminated else "interrupted (Ctrl-C)"
    echoed = not terminated and sys.stderr is not None and sys.stderr.isatty()  # ^C echoed
    if sys.stderr is not None:
        sys.stderr.write(f"{chr(10) if echoed else ''}moci-vocab: {what}; {then}\n")
    return 143 if terminated else 130  # 128 + the signal, as the CLI's EXIT_* say


def wants_standby(argv: list[str], terminal: bool) -> bool:
    """Whether ``argv`` looks like a check-po over several files that a standby would check
    (checkpo.standby), on Linux with two cores or more, output not on a ``terminal`` (where
    rich prints, and a progress bar may be drawn). A guess made before click parses: a
    wrong one costs a fork, never a different result. Here, not in checkpo.standby: every
    command asks, and a one-file check-po (a pre-commit hook) imports nothing for it."""
    return standby_plan(argv, terminal) is not None


def standby_plan(
    argv: list[str], terminal: bool
) -> tuple[str | None, str | None, list[str]] | None:
    """When `wants_standby`, what argv says of the run for `prefetch.start`: (--root, --lang,
    the files), read as click would (the last of an option given twice); else None."""
    import os
    import sys

    if terminal or not sys.platform.startswith("linux") or not hasattr(os, "sched_getaffinity"):
        return None
    values: dict[str, str | None] = {"--root": None, "--lang": None}
    args = iter(argv[1:])
    for arg in args:
        if arg == "check-po":
            break
        if arg in _GROUP_VALUED:
            values[arg] = next(args, None)
        elif arg.startswith("--root="):
            values["--root"] = arg[len("--root=") :]
        elif not (arg in _GROUP_FLAGS or arg.startswith("--format=")):
            return None
    else:
        return None
    files: list[str] = []
    for arg in args:
        if arg == "--":
            files += args
        elif arg in ("-h", "--help") or arg.startswith("--write-baseline"):
            return None
        elif arg == "--jobs" or arg.startswith("--jobs="):
            value = next(args, "") if arg == "--jobs" else arg[len("--jobs=") :]
            if value.strip().isdigit() and int(value) == 1:
                return None
        elif arg in _VALUED:
            values[arg] = next(args, None)
        elif arg.startswith("--lang="):
            values["--lang"] = arg[len("--lang=") :]
        elif arg == "-" or not arg.startswith("-"):
            files.append(arg)
    if len(files) < 2 or len(os.sched_getaffinity(0)) < 2:
        return None
    return values["--root"], values["--lang"], files


if __name__ == "__main__":  # not when a worker process imports it
    main()
