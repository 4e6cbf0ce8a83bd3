"""`check` on glossaries that grew without a gatekeeper: many shared and near-duplicate terms.

The data is ``benchmarks.generate_hard`` (deterministic): at 10,000 concepts a
per-pair report gave about 37,000 findings. Each case runs in fresh processes,
the baseline and the command alternated (so that load on the shared machine hits
both alike), median of --rounds:

  parse   a bare PyYAML ``CSafeLoader`` parse of every concept file (read + load)
  warm    ``moci-vocab check --format json`` with the parse cache filled
  cold    the same with ``MOCI_VOCAB_NO_CACHE=1`` (CI on a fresh clone)
  text    ``moci-vocab check`` (text for people), warm

For each: wall and CPU (user + sys, os.wait4) time, the ratio of CPU times to the
parse's, peak RSS; then the findings, the JSON size, whether each shared or
near-duplicate term is in exactly one finding (a cluster reported once), and the
peak memory of the same check with the duplicate rules off (memory must not grow
with the findings). Targets (issue 17): warm <= 2x parse, cold <= 3x parse.

    python benchmarks/bench_check_hard.py [--sizes 10000 50000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.generate_hard import make_hard_glossary  # noqa: E402

PARSE = """
import os, sys, yaml
folder = os.path.join(sys.argv[1], "terms")
for name in sorted(os.listdir(folder)):
    with open(os.path.join(folder, name), encoding="utf-8") as handle:
        yaml.load(handle.read(), Loader=yaml.CSafeLoader)
"""
TARGETS = {"warm": 2.0, "cold": 3.0}
CLUSTERED = ("MV401", "MV402", "MV403")


def run(argv: list[str], env: dict[str, str], out: Path) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds, peak RSS (MB) and exit status of one fresh process."""
    with open(out, "wb") as stdout:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.DEVNULL, env=env)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    return (
        wall,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss / 1024,
        os.waitstatus_to_exitcode(status),
    )


def moci(root: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "moci_vocab", "--root", str(root), "check", *args]


def once_clustered(data: dict) -> bool:
    """Whether every term location of a shared/near-duplicate finding is in one finding only."""
    seen: set[tuple] = set()
    for finding in data["findings"]:
        if finding["code"] not in CLUSTERED:
            continue
        for place in finding.get("locations") or [finding]:
            key = (finding["code"], finding["lang"], place["file"], place["line"])
            if key in seen:
                return False
            seen.add(key)
    return True


def case(folder: Path, count: int, rounds: int, env: dict[str, str]) -> None:
    root = folder / f"g{count}"
    began = time.perf_counter()
    make_hard_glossary(root, count)
    print(f"\n{count:,} concepts (generated in {time.perf_counter() - began:.1f} s), {root}")
    out = folder / "out.json"
    cold_env = {**env, "MOCI_VOCAB_NO_CACHE": "1"}
    commands = {
        "parse": ([sys.executable, "-c", PARSE, str(root)], env),
        "warm": (moci(root, "--format", "json"), env),
        "cold": (moci(root, "--format", "json"), cold_env),
        "text": (moci(root), env),
    }
    run(*commands["warm"], out)  # fills the parse cache
    figures: dict[str, list[tuple[float, float, float]]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, (argv, environ) in commands.items():
            wall, cpu, rss, _code = run(argv, environ, out)
            figures[name].append((wall, cpu, rss))
    median = {
        name: tuple(statistics.median(r[i] for r in runs) for i in range(3))
        for name, runs in figures.items()
    }
    parse_cpu = median["parse"][1]
    print(f"{'':<28} {'wall':>8} {'CPU':>8} {'CPU ratio':>10} {'peak':>8}")
    for name, (wall, cpu, rss) in median.items():
        ratio = cpu / parse_cpu
        target = TARGETS.get(name)
        verdict = f"  target <= {target:.1f}x {'✓' if ratio <= target else '✗'}" if target else ""
        label = {"parse": "bare CSafeLoader parse", "text": "check, text output, warm"}.get(
            name, f"check --format json, {name}"
        )
        print(f"{label:<28} {wall:7.2f}s {cpu:7.2f}s {ratio:9.2f}x {rss:6.0f} MB{verdict}")
    run(*commands["warm"], out)
    size = out.stat().st_size
    data = json.loads(out.read_bytes())
    codes: dict[str, int] = {}
    for finding in data["findings"]:
        codes[finding["code"]] = codes.get(finding["code"], 0) + 1
    by_code = ", ".join(f"{code} {n:,}" for code, n in sorted(codes.items()))
    print(f"findings: {len(data['findings']):,} ({by_code})")
    biggest = max((len(f.get("locations", ())) for f in data["findings"]), default=0)
    print(f"JSON: {size / 1e6:.1f} MB; largest cluster: {biggest} terms")
    once = once_clustered(data)
    print(f"each shared or near-duplicate term in exactly one finding: {'✓' if once else '✗'}")
    quiet = folder / f"g{count}-no-duplicate-rules"
    shutil.copytree(root, quiet)
    manifest = quiet / "glossary" / "glossary.yaml"
    text = manifest.read_text("utf-8").replace(
        "checks: {}", "checks: {MV401: off, MV402: off, MV403: off, MV404: off}"
    )
    manifest.write_text(text, "utf-8")
    run(moci(quiet, "--format", "json"), env, out)
    _w, _c, quiet_rss, _code = run(moci(quiet, "--format", "json"), env, out)
    rss = median["warm"][2]
    ok = rss <= quiet_rss * 1.15
    print(
        f"peak memory, warm JSON: {rss:.0f} MB with the findings, {quiet_rss:.0f} MB with the "
        f"duplicate rules off: {'✓' if ok else '✗'} (target: within 15%)"
    )
    shutil.rmtree(quiet)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    print(
        f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; CPU ratios are the figure"
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {
            **os.environ,
            "MOCI_VOCAB_CACHE_KEY_DIR": tmp,
            "PYTHONPATH": str(REPO),
            "PYTHONPYCACHEPREFIX": str(folder / "pycache"),
            "NO_COLOR": "1",
        }
        env.pop("MOCI_VOCAB_NO_CACHE", None)
        for count in args.sizes:
            case(folder, count, args.rounds, env)
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
