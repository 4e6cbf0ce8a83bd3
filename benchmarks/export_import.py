"""Figures for exports and imports: a synthetic 2,000-concept glossary in six formats,
then every file read back and merged into an empty glossary (in memory), and the full
GNOME Albanian PO glossary when ../shared/data is present. Then the tool formats of
issue 21 (Weblate, OmegaT, TMX, XLSX, SKOS, bilingual TBX) with 10,000 concepts, each
the median of three runs beside the JSON export as a baseline (target: under 3 s).

    python benchmarks/export_import.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from exim_support import glossary

from moci_vocab.exporters import ExportRequest, get_exporter
from moci_vocab.exporting import run_exports
from moci_vocab.importers import ReadOptions, get_reader
from moci_vocab.importers.merge import plan_merge
from moci_vocab.model import Concept, Term

GNOME = Path(__file__).resolve().parents[2] / "shared" / "data" / "gnome-glossary"


def synthetic(n: int) -> list[Concept]:
    concepts = []
    for i in range(n):
        concepts.append(
            Concept(
                id=f"concept-{i}",
                tags=["core"],
                definition={"en": f'Definition {i}, with "quotes" & <marks>.\nSecond line.'},
                terms={
                    "en": [Term(f"term {i}"), Term(f"variant {i}", "admitted")],
                    "sq": [Term(f"termi {i}ë")],
                    "ka": [Term(f"ტერმინი {i}")],
                    "sr-Latn": [Term(f"=termin {i}")],
                },
            )
        )
    return concepts


def timed(label: str, func):
    start = time.perf_counter()
    result = func()
    print(f"{label:<42} {1000 * (time.perf_counter() - start):8.1f} ms")
    return result


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        g = glossary(root, synthetic(2000))
        request = ExportRequest(g, list(g.concepts.values()), g.languages(), root / "out")
        files = {}
        for fmt in ("po", "pot", "mo", "csv", "tbx", "json"):
            files[fmt] = timed(
                f"export {fmt} (2000 concepts)", lambda f=fmt: get_exporter(f)(request)
            )
        for fmt, path in (
            ("csv", files["csv"][0]),
            ("csv", files["csv"][1]),
            ("tbx", files["tbx"][0]),
            ("json", files["json"][0]),
            ("po", root / "out" / "sq.po"),
        ):
            fresh = glossary(root, [])
            imported = timed(
                f"read {path.name}", lambda p=path, f=fmt: get_reader(f)(p, ReadOptions())
            )
            plan = timed(
                f"merge {path.name} into an empty glossary",
                lambda i=imported, fg=fresh: plan_merge(fg, i, lambda d: "new"),
            )
            again = timed(
                f"merge {path.name} again (all unchanged)",
                lambda p=path, f=fmt, fg=fresh: plan_merge(fg, get_reader(f)(p, ReadOptions())),
            )
            added, unchanged = plan.summary()["added"], again.summary()["unchanged"]
            print(f"{'':<42} {added} added, then {unchanged} unchanged")
        if GNOME.is_dir():
            fresh = glossary(root, [])
            imported = timed(
                "read GNOME glossary-sq.po (901 entries)",
                lambda: get_reader("po")(GNOME / "glossary-sq.po", ReadOptions()),
            )
            plan = timed("merge it into an empty glossary", lambda: plan_merge(fresh, imported))
            print(f"{'':<42} {plan.summary()['added']} concepts with an Albanian term")
        else:
            print("GNOME glossary not found; skipped")
        tool_formats(root)


TOOL_FORMATS = ("weblate", "omegat", "tmx", "xlsx", "skos")


def median_seconds(func, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def tool_formats(root: Path, count: int = 10_000) -> None:
    """Each tool format as `export` runs it (no process start, no loading), 10,000 concepts."""
    g = glossary(root, synthetic(count))
    request = ExportRequest(g, list(g.concepts.values()), g.languages(), root / "tools")
    base = median_seconds(lambda: run_exports(request, ["json"]))
    print(f"{'export json (baseline), ' + str(count) + ' concepts':<42} {base:8.3f} s")
    cases = [(fmt, request) for fmt in TOOL_FORMATS]
    bilingual = ExportRequest(request.glossary, request.concepts, request.languages,
                              request.outdir, {"bilingual": True})  # fmt: skip
    cases.append(("tbx --bilingual", bilingual))
    for label, req in cases:
        fmt = label.split()[0]
        seconds = median_seconds(lambda f=fmt, r=req: run_exports(r, [f]))
        verdict = "ok" if seconds < 3 else "OVER"
        print(
            f"{'export ' + label + ', ' + str(count) + ' concepts':<42} {seconds:8.3f} s"
            f"  {seconds / base:5.2f}x json   target < 3 s {verdict}"
        )


if __name__ == "__main__":
    main()
