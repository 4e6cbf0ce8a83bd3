"""Where the wall time of `check-po` over many catalogs goes, from the scheduler's own record.

Runs bench_checkpo_parallel's command line (the same 20 catalogs and glossary, the default
run, or `--jobs 1` with ``--one``) under `perf record` of the scheduler's tracepoints, and
reads each run's processes from the kernel's switches: when each was forked, how much CPU each
took, how long 0, 1 or 2 of them were on a core, the idle core time, and how long one of them
was ready to run but waited for a core, split by what the cores did meanwhile: one sat idle
(the scheduler placed it on a busy core, or a halted virtual CPU was still waking up: time
no change to the program can buy back) or other processes held them (load). Nothing in the
command changes (no stamps in its code); needs `perf` and the right to trace the scheduler
(root, or perf_event_paranoid <= -1). Under load, ``--chrt`` gives the runs both cores, as
in bench_checkpo_parallel; on a quiet machine, run it without: the scheduler's placement is
then what it is for everyone.

    python benchmarks/trace_checkpo_parallel.py [--repeat 5] [--chrt 10] [--one] [--data DIR]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

EVENTS = (
    "sched:sched_switch",
    "sched:sched_waking",
    "sched:sched_wakeup_new",
    "sched:sched_process_fork",
    "sched:sched_process_exit",
)
# `perf script -F tid,cpu,time,event,trace`: "  123 [001]  4.500000: sched:sched_switch: …" (the
# tid is -1 in the switch away from a task that has just ended)
_LINE = re.compile(r"\s*(-?\d+)\s+\[(\d+)\]\s+([\d.]+):\s+(\S+):\s*(.*)")
_FIELD = re.compile(r"(\w+)=(\S+)")


@dataclass
class Timeline:
    """One run as the scheduler saw it (times in ms from the command's start)."""

    wall: float = 0.0  # to the command's exit
    forks: list[tuple[float, int, int]] = field(default_factory=list)  # (when, parent, child)
    # Child → (ms from its fork to its first time on a core, whether that core was the one
    # its parent forked it on).
    started: dict[int, tuple[float, bool]] = field(default_factory=dict)
    cpu: dict[int, float] = field(default_factory=dict)  # task (process or thread) → ms
    on_cores: list[float] = field(default_factory=lambda: [0.0, 0.0, 0.0])  # 0, 1, 2+ of ours
    # Core time no task at all ran (the run's own waits included; a core not yet seen
    # switching counts as idle).
    idle_cores: float = 0.0
    # Task → how long it was ready to run but on no core, while a core sat idle / while
    # every core ran something (another of ours, or other work).
    waited_idle: dict[int, float] = field(default_factory=dict)
    waited_busy: dict[int, float] = field(default_factory=dict)


def timeline(script: str, cores: int = 2) -> Timeline:
    """The run in ``script`` (perf script's text of EVENTS, every core): the command is the
    task perf started (``perf-exec`` before its exec), ours are it and what it forked."""
    ours: set[int] = set()
    root = None
    start = last = 0.0
    running: dict[int, int] = {}  # core → its task (0: idle)
    ready: set[int] = set()  # ours, ready to run, on no core
    since: dict[int, float] = {}  # task of ours → when it was last put on a core
    forked: dict[int, tuple[float, int]] = {}  # child not yet run → (when, its parent's core)
    seen = Timeline()

    def advance(now: float) -> None:
        nonlocal last
        if root is None or now <= last:
            last = max(last, now)
            return
        span = now - last
        on = sum(1 for task in running.values() if task in ours)
        seen.on_cores[min(on, 2)] += span
        idle = sum(1 for core in range(cores) if running.get(core, 0) == 0)
        seen.idle_cores += idle * span
        waits = seen.waited_idle if idle else seen.waited_busy
        for task in ready:
            waits[task] = waits.get(task, 0.0) + span
        last = now

    for text in script.splitlines():
        match = _LINE.match(text)
        if match is None:
            continue
        core, now, event = int(match[2]), float(match[3]) * 1000, match[4]
        fields = dict(_FIELD.findall(match[5]))
        advance(now)
        if event == "sched:sched_switch":
            prev, nxt = int(fields["prev_pid"]), int(fields["next_pid"])
            if root is None and fields.get("next_comm") == "perf-exec":
                root, start, last = nxt, now, now
                ours.add(root)
            if prev in ours and prev in since:
                seen.cpu[prev] = seen.cpu.get(prev, 0.0) + now - since.pop(prev)
                if fields.get("prev_state", "").startswith("R"):  # preempted: still ready
                    ready.add(prev)
            running[core] = nxt
            if nxt in ours:
                since[nxt] = now
                ready.discard(nxt)
                if nxt in forked:
                    when, parents = forked.pop(nxt)
                    seen.started[nxt] = (now - when, core == parents)
        elif event in ("sched:sched_waking", "sched:sched_wakeup_new"):
            task = int(fields["pid"])
            if task in ours and task not in since:
                ready.add(task)
        elif event == "sched:sched_process_fork":
            parent, child = int(fields["pid"]), int(fields["child_pid"])
            if parent in ours:
                ours.add(child)
                seen.forks.append((now - start, parent, child))
                forked[child] = (now, core)
        elif event == "sched:sched_process_exit":
            task = int(fields["pid"])
            ready.discard(task)
            if task == root:  # the run's end: what runs then is counted up to now
                seen.wall = now - start
                for running_task, begun in since.items():
                    seen.cpu[running_task] = seen.cpu.get(running_task, 0.0) + now - begun
                break
    return seen


def trace(argv: list[str], env: dict[str, str], out: Path) -> str:
    """``argv`` run once under `perf record` of EVENTS on every core; perf script's text."""
    events = [part for event in EVENTS for part in ("-e", event)]
    record = ["perf", "record", "-q", "-a", *events, "-o", str(out), "--", *argv]
    subprocess.run(record, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    script = ["perf", "script", "-i", str(out), "-F", "tid,cpu,time,event,trace"]
    return subprocess.run(script, capture_output=True, text=True, check=True).stdout


def describe(run: Timeline) -> str:
    """A run in a few lines: forks, cores busy with it, and each task's CPU and waits (the
    command first, then in the order they were forked: threads are tasks too)."""
    zero, one, two = run.on_cores
    forks = ", ".join(f"{when:.1f}" for when, _parent, _child in run.forks)
    lines = [
        f"wall {run.wall:.1f} ms; forks at {forks or '-'}; CPU {sum(run.cpu.values()):.1f}; "
        f"ours on 0/1/2 cores {zero:.1f}/{one:.1f}/{two:.1f}; idle core time {run.idle_cores:.1f}"
    ]
    for task in sorted(run.cpu, key=_forked_order(run)):
        started = ""
        if task in run.started:
            after, same = run.started[task]
            where = "its parent's core" if same else "another core"
            started = f"; first ran {after:.2f} ms after its fork, on {where}"
        lines.append(
            f"    task {task}: CPU {run.cpu[task]:6.1f}, ready but waiting "
            f"{run.waited_idle.get(task, 0.0):5.2f} with a core idle, "
            f"{run.waited_busy.get(task, 0.0):6.2f} with every core busy{started}"
        )
    return "\n".join(lines)


def _forked_order(run: Timeline):
    order = {child: number for number, (_when, _parent, child) in enumerate(run.forks, 1)}
    return lambda task: order.get(task, 0)


def main() -> int:
    from benchmarks.bench_checkpo_parallel import (
        REAL,
        catalogs,
        command_line,
        make_root,
        run_once,
    )

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--concepts", type=int, default=2000)
    parser.add_argument("--data", type=Path, help="where the benchmark keeps its catalogs")
    parser.add_argument("--chrt", type=int, metavar="PRIORITY", help="chrt -f PRIORITY")
    parser.add_argument("--one", action="store_true", help="trace `--jobs 1` instead")
    args = parser.parse_args()
    if shutil.which("perf") is None:
        print("perf is not installed")
        return 2
    cache = args.data or Path(tempfile.gettempdir()) / "moci-bench-checkpo-parallel"
    cache.mkdir(parents=True, exist_ok=True)
    files = catalogs(cache)
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        root = make_root(work, args.concepts, REAL / "glossaries.json")
        argv, env = command_line(work, root, files, bare_start=True, chrt=args.chrt)
        if args.one:
            argv = [*argv, "--jobs", "1"]
        run_once(argv, env)  # the compiled glossary cached, as every run after finds it
        for number in range(args.repeat):
            run = timeline(trace(argv, env, work / "perf.data"), os.cpu_count() or 2)
            print(f"run {number + 1}: {describe(run)}")
            runs.append(run)
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    if runs:
        median = statistics.median
        print(
            f"medians: wall {median(r.wall for r in runs):.1f} ms, idle core time "
            f"{median(r.idle_cores for r in runs):.1f}, waits with a core idle (all tasks) "
            f"{median(sum(r.waited_idle.values()) for r in runs):.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
