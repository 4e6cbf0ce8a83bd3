"""`python -m moci_vocab` and the `moci-vocab` console script run the command line."""

import gc


def main() -> None:
    """The command line, with the cyclic collector paused while click and the CLI are
    imported (cli.main resumes it once the arguments are parsed)."""
    gc.disable()
    from moci_vocab.cli import main as command_line

    command_line()


if __name__ == "__main__":  # not when a worker process imports it
    main()
