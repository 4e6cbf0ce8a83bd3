"""How long sorting terms in a language's alphabetical order takes.

    python benchmarks/bench_collation.py [N]     (default 40,000 Albanian terms)

Sorts N generated terms (letters of the Albanian alphabet, multigraphs, spaces and
hyphens) with ``collation.sorted_by``, in a fresh process each time, five times in turns
with the baseline (Python's ``sorted`` on code points, the cheapest possible order) and
prints the medians of wall and CPU time, their ratio, and the target: under 0.5 s for
40,000 terms on a quiet machine. The test suite asserts the work this does (one key per
term, each character's weights computed once), not its time.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET_S = 0.5  # for 40,000 terms
RUNS = 5

CHILD = """
import random, sys, time
from moci_vocab.collation import alphabet, sorted_by
def words(count):
    rnd = random.Random(0)
    letters = alphabet("sq")
    return [
        "".join(rnd.choice(letters) for _ in range(rnd.randint(3, 12))).capitalize()
        + rnd.choice(["", " ", "-"])
        + "".join(rnd.choice(letters) for _ in range(rnd.randint(0, 8)))
        for _ in range(count)
    ]
ws = words(int(sys.argv[1]))
mode = sys.argv[2]
t0, c0 = time.perf_counter(), time.process_time()
out = sorted_by(ws, "sq") if mode == "collation" else sorted(ws)
print(time.perf_counter() - t0, time.process_time() - c0)
"""


def measure(count: int, mode: str) -> tuple[float, float]:
    """(wall, CPU) seconds of one sort in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(count), mode],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    ).stdout.split()
    return float(out[0]), float(out[1])


def main() -> None:
    """Print the medians of N-term sorts and the verdict against the target."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 40_000
    runs: dict[str, list[tuple[float, float]]] = {"collation": [], "baseline": []}
    for _ in range(RUNS):  # in turns, so that a change of load hits both alike
        for mode in runs:
            runs[mode].append(measure(count, mode))
    wall = {m: statistics.median(r[0] for r in runs[m]) for m in runs}
    cpu = {m: statistics.median(r[1] for r in runs[m]) for m in runs}
    load = f"{os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "unknown"
    print(f"sorting {count:,} Albanian terms (median of {RUNS}, fresh processes; load {load})")
    for mode in runs:
        print(f"  {mode:<10} wall {wall[mode]:.3f} s   CPU {cpu[mode]:.3f} s")
    print(f"  ratio to sorted() (CPU): {cpu['collation'] / cpu['baseline']:.1f}x")
    target = TARGET_S * count / 40_000
    verdict = "✓" if cpu["collation"] < target else "✗"
    print(f"  target: under {target:.2f} s (CPU) -> {verdict}")


if __name__ == "__main__":
    main()
