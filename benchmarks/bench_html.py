"""How long a keystroke in the HTML glossary's search takes, on N generated concepts.

    python benchmarks/bench_html.py [N]     (default 2,000; needs chromium)

Prints each query's cost (script and the layout it causes) and the median; the issue's
target is under 50 ms a keystroke on 2,000 concepts.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import make_glossary
from html_probe import probed

from moci_vocab.exporters import ExportRequest
from moci_vocab.exporters.html import export_html
from moci_vocab.store import load_glossary

TYPED = ["r", "re", "rec", "reco", "recon", "reconc", "reconcil", "reconcilat", "x", ""]


def main() -> None:
    """Export the page for N concepts and print the keystroke timings."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("chromium is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "g"
        make_glossary(root, count)
        glossary = load_glossary(root)
        request = ExportRequest(
            glossary, list(glossary.concepts.values()), glossary.languages(), Path(tmp), {}
        )
        [page] = export_html(request)
        probe = probed(chromium, page, Path(tmp), typed=TYPED)
        print(f"{count} concepts, page {page.stat().st_size / 1e6:.1f} MB")
    for query, ms in zip(TYPED, probe["timings"], strict=True):
        print(f"  keystroke {query!r:<14} {ms:7.1f} ms")
    median = sorted(probe["timings"])[len(TYPED) // 2]
    print(
        f"  median {median:.1f} ms (target < 50 ms); calibration loop {probe['calibration']:.1f} ms"
    )


if __name__ == "__main__":
    main()
