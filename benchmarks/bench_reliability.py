"""Time and peak memory of moci-vocab on hostile input, and of concurrent writers (issue 8).

    python benchmarks/bench_reliability.py

Each case runs `python -m moci_vocab` in a fresh scratch glossary and prints
wall time, exit status and the process's own peak RSS (os.wait4).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HOSTILE = Path(__file__).resolve().parent.parent / "tests" / "hostile"


def moci(root: Path, *args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "moci_vocab", "--root", str(root), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
    )


def measure(proc: subprocess.Popen) -> tuple[float, int, float]:
    began = time.monotonic()
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.monotonic() - began, proc.returncode, usage.ru_maxrss / 1024


def scratch(folder: Path) -> Path:
    root = folder / "g"
    subprocess.run(
        [sys.executable, "-m", "moci_vocab", "init", str(root), "--languages", "sq,ka"],
        check=True,
        capture_output=True,
    )
    measure(
        moci(
            root,
            "add",
            "reconciliation",
            "--term",
            "en=reconciliation",
            "--term",
            "sq=pajtim",
            "--yes",
        )
    )
    return root


def report(name: str, seconds: float, code: int, rss: float) -> None:
    print(f"{name:<44} {seconds:7.2f} s  exit {code}  {rss:7.0f} MB")


def hostile_files(folder: Path) -> None:
    # Made one at a time, so that the benchmark's own memory stays small: a child's peak
    # RSS (ru_maxrss) starts from its parent's at fork and survives exec.
    cases = {
        "alias bomb (9^9 strings)": lambda: (HOSTILE / "alias-bomb.yaml").read_bytes(),
        "20,000 nested brackets": lambda: b"id: " + b"[" * 20_000 + b"]" * 20_000,
        "1,000,000 nested brackets": lambda: b"id: " + b"[" * 1_000_000 + b"]" * 1_000_000,
        "1,000,000 nested block sequences": lambda: b"id:\n" + b"- " * 1_000_000 + b"x\n",
        "file over 10 MB": lambda: b"id: big\nnote:\n  en: " + b"a" * (10 * 1024 * 1024 + 10),
        "9.5 MB of small keys (accepted)": lambda: (
            b"id: wide\nterms: {en: [wide]}\nnote:\n"
            + b"".join(b"  k%d: v\n" % i for i in range(800_000))
        ),
    }
    for name, make in cases.items():
        root = scratch(folder / name.replace(" ", "-").replace(",", ""))
        (root / "terms" / "wide.yaml").write_bytes(make())
        report(f"list with {name}", *measure(moci(root, "list")))


def translation_files(folder: Path) -> None:
    root = scratch(folder / "po")
    po = folder / "many.po"
    with open(po, "w", encoding="utf-8") as handle:
        handle.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
        for i in range(200_000):
            handle.write(f'msgctxt "c{i}"\nmsgid "The reconciliation workshop {i}"\n')
            handle.write(f'msgstr "Punëtoria {i}"\n\n')
    report("check-po, 200,000 entries", *measure(moci(root, "check-po", str(po), "--lang", "sq")))
    big = folder / "big.po"
    big.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        f'msgid "reconciliation {"a" * 1024 * 1024}"\nmsgstr "pajtim"\n',
        encoding="utf-8",
    )
    report("check-po, one 1 MB entry", *measure(moci(root, "check-po", str(big), "--lang", "sq")))


def concurrent_writers(folder: Path, count: int = 8) -> None:
    root = scratch(folder / "concurrent")
    words = [f"fjala{chr(97 + i)}" for i in range(count)]
    began = time.monotonic()
    procs = [moci(root, "translate", "reconciliation", "sq", w, "--yes") for w in words]
    codes = [measure(p)[1] for p in procs]
    seconds = time.monotonic() - began
    text = (root / "terms" / "reconciliation.yaml").read_text(encoding="utf-8")
    kept = sum(w in text for w in words)
    print(
        f"{count} concurrent translates, same concept       {seconds:7.2f} s  "
        f"exits {sorted(set(codes))}  {kept}/{count} terms kept"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        hostile_files(folder)
        translation_files(folder)
        concurrent_writers(folder)


if __name__ == "__main__":
    main()
