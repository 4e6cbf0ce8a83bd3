"""Figures for exports and imports: a synthetic 2,000-concept glossary in six formats,
then every file read back and merged into an empty glossary (in memory), and the full
GNOME Albanian PO glossary when ../shared/data is present.

    python benchmarks/export_import.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from exim_support import glossary

from moci_vocab.exporters import ExportRequest, get_exporter
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


if __name__ == "__main__":
    main()
