"""Issue 17's hard cases in one run: each benchmark in turn, its verdict lines, one summary.

Runs, one after the other in fresh processes, the benchmarks that hold the issue's table
(many misses and findings, the 205k catalog, the real 15.8k catalog, single edits and `show`
on 10,000 concepts, the first uncached search, `check` on shared terms, the 10k booklet, and
`check-po` over 20 catalogs on every core), prints each one's lines that carry a target
(✓ or ✗) and its peak memory, then one line per benchmark and the overall verdict. Every
figure is a ratio to a baseline measured by the same benchmark in the same minutes, except
the single edits' and the booklet's seconds, which the issue gives in seconds.

    python benchmarks/bench_hard_cases.py            # about 15 minutes on 2 cores
    python benchmarks/bench_hard_cases.py --only edits --only parallel
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

# name, arguments of the benchmark script (each prints ✓ / ✗ beside its targets)
CASES: list[tuple[str, list[str]]] = [
    ("parallel", ["bench_checkpo_parallel.py", "--repeat", "21", "--bare-start",
                  "--case", "headline"]),
    ("hard", ["bench_checkpo_hard.py", "--repeat", "5"]),
    ("real", ["bench_checkpo_speed.py", "--real", "--repeat", "9"]),
    ("edits", ["bench_single_edits.py", "--runs", "7"]),
    ("check", ["bench_check_hard.py", "--sizes", "10000", "50000"]),
    ("booklet", ["bench_booklet.py", "--command", "10000", "--runs", "3"]),
]  # fmt: skip


def load_average() -> str:
    """The 1-minute load average, or '?' where the system does not say."""
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


def machine_reference() -> float:
    """CPU seconds of a fixed pure-Python loop: how fast this machine runs Python today, so
    that absolute seconds measured on different days (or VMs) can be compared."""
    began = time.process_time()
    total = 0
    for i in range(5_000_000):
        total += i * i
    return time.process_time() - began


def has_verdict(line: str) -> bool:
    """Whether a line of a benchmark's output carries a target's verdict."""
    return "✓" in line or "✗" in line


def verdict_lines(output: str) -> list[str]:
    """The lines of a benchmark's output that carry a target's verdict."""
    return [line.rstrip() for line in output.splitlines() if has_verdict(line)]


def memory_lines(output: str) -> list[str]:
    """The lines of a benchmark's output that give a peak memory and no verdict."""
    return [line.rstrip() for line in output.splitlines() if "MB" in line and not has_verdict(line)]


def run_case(name: str, args: list[str]) -> bool:
    """Run one benchmark, print its verdict lines; true when none missed its target."""
    began = time.perf_counter()
    print(f"== {name}: {' '.join(args)} (load {load_average()})", flush=True)
    # The checkout's own code, installed or not (benchmarks that import it in-process).
    path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH")) if p)
    env = {**os.environ, "PYTHONPATH": path}
    script = [sys.executable, str(HERE / args[0]), *args[1:]]
    proc = subprocess.run(script, capture_output=True, text=True, env=env)
    lines = verdict_lines(proc.stdout)
    for line in lines + memory_lines(proc.stdout):
        print(f"   {line.strip()}")
    ok = proc.returncode in (0, 1) and bool(lines) and not any("✗" in line for line in lines)
    if proc.returncode not in (0, 1) or not lines:
        print(f"   failed (exit {proc.returncode}): {proc.stderr.strip()[-300:]}")
    print(f"   {'met' if ok else 'MISSED'} in {time.perf_counter() - began:.0f} s", flush=True)
    return ok


def main(argv: list[str] | None = None) -> int:
    """Run the chosen cases in turn; exit 1 when any target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    names = [name for name, _ in CASES]
    parser.add_argument("--only", action="append", choices=names, help="only these cases")
    args = parser.parse_args(argv)
    chosen = [(name, case) for name, case in CASES if not args.only or name in args.only]
    print(f"machine: a 5,000,000-step Python loop takes {machine_reference():.2f} s CPU")
    results = {name: run_case(name, case) for name, case in chosen}
    print("summary: " + ", ".join(f"{n} {'✓' if ok else '✗'}" for n, ok in results.items()))
    return 0 if all(results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
