"""moci-vocab: the shared vocabulary of the MOCI network, and the tools around it."""

__version__ = "0.1.0"
