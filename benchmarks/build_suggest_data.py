"""Build the catalogs of benchmarks/data/suggest/ (run once; the result is committed).

    pip download django==5.2.19 --no-deps -d /tmp/dj && (cd /tmp/dj && unzip -q django-*.whl)
    apt-get download libgtk-3-common libglib2.0-data shared-mime-info \\
        postgresql-15 postgresql-client-15
    for f in *.deb; do dpkg-deb -x "$f" /tmp/deb; done
    python benchmarks/build_suggest_data.py /tmp/dj/django /tmp/deb

Every Django catalog of a language is merged into one PO file (source locations
removed); each Debian MO file is turned into PO with polib. Both are written
xz-compressed. Sources and licences: benchmarks/data/suggest/README.md.
"""

from __future__ import annotations

import lzma
import sys
from pathlib import Path

import polib

OUT = Path(__file__).resolve().parent / "data" / "suggest"
DEBIAN = {
    "sq": ["gtk30", "gtk30-properties", "glib20", "shared-mime-info"],
    "ka": ["gtk30", "gtk30-properties", "glib20", "psql-15", "postgres-15", "shared-mime-info"],
    "hy": ["gtk30", "gtk30-properties", "glib20"],
}


def _header(po: polib.POFile, lang: str, project: str) -> None:
    po.metadata = {
        "Project-Id-Version": project,
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }


def _write(po: polib.POFile, path: Path) -> None:
    path.write_bytes(lzma.compress(str(po).encode("utf-8")))


def build(django: Path, debian: Path) -> None:
    for lang, names in DEBIAN.items():
        (OUT / lang).mkdir(parents=True, exist_ok=True)
        merged = polib.POFile()
        _header(merged, lang, "Django 5.2.19")
        seen = set()
        for path in sorted(django.glob(f"**/locale/{lang}/LC_MESSAGES/*.po")):
            for entry in polib.pofile(str(path)):
                if not entry.obsolete and (entry.msgctxt, entry.msgid) not in seen:
                    seen.add((entry.msgctxt, entry.msgid))
                    entry.occurrences = []
                    merged.append(entry)
        _write(merged, OUT / lang / "django.po.xz")
        for name in names:
            mo = polib.mofile(str(debian / f"usr/share/locale/{lang}/LC_MESSAGES/{name}.mo"))
            po = polib.POFile()
            _header(po, lang, mo.metadata.get("Project-Id-Version", name))
            for entry in mo:
                if entry.msgid:
                    po.append(entry)
            _write(po, OUT / lang / f"{name}.po.xz")
        print(lang, "done")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    build(Path(sys.argv[1]), Path(sys.argv[2]))
