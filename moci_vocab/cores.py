"""How many processors this process may use (no imports: asked before the command line is read)."""

from __future__ import annotations

import os


def available_cores() -> int:
    """The processors this process may run on (its affinity where the system tells)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)
