"""Render the README's previews: two booklet pages and the HTML page, from the shipped glossary.

    python docs/make_previews.py        (needs pdftoppm from poppler-utils, and chromium)

Writes docs/images/booklet-cover.png, docs/images/booklet-entries.png and
docs/images/html-page.png. Run it again after a change to the booklet or the page.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
IMAGES = REPO / "docs" / "images"
LANGUAGES = "en,sq,ka,hy"


def main() -> None:
    """Export the booklet and the page of the shipped glossary and render the previews."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not shutil.which("pdftoppm") or not chromium:
        sys.exit("needs pdftoppm (poppler-utils) and chromium")
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        export = [sys.executable, "-m", "moci_vocab", "--root", str(REPO), "export"]
        subprocess.run([*export, "booklet", "--lang", LANGUAGES, "-o", tmp], check=True)
        subprocess.run([*export, "html", "-o", tmp], check=True)
        [pdf] = out.glob("*.pdf")
        for page, name in ((2, "booklet-key"), (3, "booklet-entries")):
            stem = IMAGES / name
            pages = ["-f", str(page), "-l", str(page)]
            command = ["pdftoppm", "-png", "-r", "80", *pages, "-singlefile", str(pdf), str(stem)]
            subprocess.run(command, check=True)
        [page] = out.glob("*.html")
        browser = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]
        shot = [f"--screenshot={IMAGES / 'html-page.png'}", page.as_uri() + "?q=pajtim"]
        window = [f"--user-data-dir={out / 'profile'}", "--window-size=1000,760"]
        subprocess.run([*browser, *window, *shot], check=True, capture_output=True)
    for image in sorted(IMAGES.glob("*.png")):
        print(f"{image.relative_to(REPO)}  {image.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
