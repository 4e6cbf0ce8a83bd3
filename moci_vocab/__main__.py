"""`python -m moci_vocab` runs the command line."""

from moci_vocab.cli import main

if __name__ == "__main__":  # not when a worker process imports it
    main()
