"""`python -m moci_vocab` runs the command line."""

from moci_vocab.cli import main

main()
