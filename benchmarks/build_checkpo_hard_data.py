"""Build the data of `bench_checkpo_hard.py`: a real 15,800-entry Albanian catalog and a
5,000-concept glossary mined from it that mostly disagrees with it (issue 17).

The catalog: every translated entry of the Albanian (sq) catalogs of a GNOME/Xfce
desktop as Debian 12 ships them (the packages and versions in ``CATALOGS``), in that
order, an entry whose (msgctxt, msgid) came earlier left out, cut at 15,800 entries. Nobody on the
moci-vocab team wrote them. Run once; the result is committed, xz-compressed, under
benchmarks/data/checkpo_hard/ with a NOTICE.md (sources, licences):

    mkdir /tmp/deb && cd /tmp/deb
    apt-get download evolution-common pidgin-data libgtk-3-common hexchat-common \\
        nautilus-data gedit-common thunar-data vlc-l10n epiphany-browser-data \\
        libgtk-4-common gnome-control-center-data xfce4-settings mutter-common \\
        totem-common evolution-data-server-common gnome-terminal-data xfce4-panel
    for f in *.deb; do dpkg-deb -x "$f" x; done
    python benchmarks/build_checkpo_hard_data.py /tmp/deb/x

The glossary (``glossary.json``, a list of [english, albanian] pairs): the 5,000
English n-grams (one to three words) that occur in most entries, without n-grams
that start or end with a function word or hold a placeholder, each given an
Albanian term that is NOT its translation: a rare word of the catalog's
translations (seen in one or two entries), picked in a fixed order. So nearly
every occurrence of a term is a miss and a finding (MV601), as on the first day a
team adopts a glossary that disagrees with its catalog.
"""

from __future__ import annotations

import collections
import json
import lzma
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "benchmarks" / "data" / "checkpo_hard"
CATALOGS = [  # (package and Debian 12 version, .mo file, licence)
    ("evolution-common 3.46.4-2+deb12u1", "evolution.mo", "GPL-2.0-or-later/LGPL"),
    ("pidgin-data 2.14.12-1", "pidgin.mo", "GPL-2.0-or-later"),
    ("libgtk-3-common 3.24.38-2~deb12u3", "gtk30-properties.mo", "LGPL-2.1-or-later"),
    ("hexchat-common 2.16.1-1", "hexchat.mo", "GPL-2.0-or-later"),
    ("nautilus-data 43.2-1", "nautilus.mo", "GPL-3.0-or-later"),
    ("gedit-common 44.2-1", "gedit.mo", "GPL-2.0-or-later"),
    ("thunar-data 4.18.4-1", "thunar.mo", "GPL-2.0-or-later"),
    ("vlc-l10n 3.0.24-0+deb12u1", "vlc.mo", "GPL-2.0-or-later"),
    ("epiphany-browser-data 43.1-1", "epiphany.mo", "GPL-3.0-or-later"),
    ("libgtk-3-common 3.24.38-2~deb12u3", "gtk30.mo", "LGPL-2.1-or-later"),
    ("libgtk-4-common 4.8.3+ds-2+deb12u1", "gtk40.mo", "LGPL-2.1-or-later"),
    ("gnome-control-center-data 1:43.6-2~deb12u1", "gnome-control-center-2.0.mo", "GPL-2.0+"),
    ("xfce4-settings 4.18.2-1", "xfce4-settings.mo", "GPL-2.0-or-later"),
    ("mutter-common 43.8-0+deb12u1", "mutter.mo", "GPL-2.0-or-later"),
    ("totem-common 43.0-2", "totem.mo", "GPL-2.0-or-later"),
    ("evolution-data-server-common 3.46.4-2+deb12u1", "evolution-data-server.mo", "LGPL-2.0"),
    ("gnome-terminal-data 3.46.8-1", "gnome-terminal.mo", "GPL-3.0-or-later"),
    ("xfce4-panel 4.18.2-1", "xfce4-panel.mo", "GPL-2.0-or-later"),
]
CONCEPTS = 5_000
ENTRIES = 15_800  # the catalogs in order, cut here
_FUNCTION = (
    "a an the of to in on at by for with from and or not no is are was be been this that "
    "these those it its as if then than your you we our my me he she they them their his her "
    "can cannot could will would should may might must do does did has have had which what "
    "when where who how all any some each every into out up down so but there here only also "
    "about after before over under more most less very too just now new"
)
FUNCTION_WORDS = set(_FUNCTION.split(" "))
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]")
PLACEHOLDER_RE = re.compile(r"%[-+ #0-9.$]*[a-zA-Z]|\{[^}]*\}|<[^>]*>|&[a-z]+;")


def read_entries(folder: Path):
    """(msgctxt, msgid, msgid_plural, [translations]) of the catalogs, first occurrence only."""
    import polib

    seen: set[tuple[str | None, str]] = set()
    for _package, name, _licence in CATALOGS:
        for entry in polib.mofile(str(folder / "usr/share/locale/sq/LC_MESSAGES" / name)):
            if not entry.msgid or (entry.msgctxt, entry.msgid) in seen:
                continue
            if entry.msgid_plural:
                strs = [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)]
            else:
                strs = [entry.msgstr]
            if all(strs):
                seen.add((entry.msgctxt, entry.msgid))
                yield entry.msgctxt, entry.msgid, entry.msgid_plural or None, strs


def write_catalog(path: Path, rows) -> None:
    """The catalog as an xz-compressed PO file."""
    import polib

    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Language": "sq", "Content-Type": "text/plain; charset=UTF-8"}
    for msgctxt, msgid, plural, strs in rows:
        entry = polib.POEntry(msgctxt=msgctxt, msgid=msgid)
        if plural:
            entry.msgid_plural = plural
            entry.msgstr_plural = dict(enumerate(strs))
        else:
            entry.msgstr = strs[0]
        po.append(entry)
    path.write_bytes(lzma.compress(str(po).encode("utf-8") + b"\n", preset=9))


def english_ngrams(rows) -> list[str]:
    """The CONCEPTS most frequent English n-grams (by number of entries), no function words
    at either end."""
    counts: collections.Counter[str] = collections.Counter()
    for _ctx, msgid, plural, _strs in rows:
        grams = set()
        for text in (msgid, plural or ""):
            words = [w.casefold() for w in WORD_RE.findall(PLACEHOLDER_RE.sub(" ", text))]
            for n in (1, 2, 3):
                for k in range(len(words) - n + 1):
                    gram = words[k : k + n]
                    if gram[0] in FUNCTION_WORDS or gram[-1] in FUNCTION_WORDS:
                        continue
                    if min(map(len, gram)) < 2:
                        continue
                    grams.add(" ".join(gram))
        counts.update(grams)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [gram for gram, _n in ranked[:CONCEPTS]]


def rare_albanian_words(rows) -> list[str]:
    """Words of the translations seen in one or two entries and never in the English, sorted."""
    counts: collections.Counter[str] = collections.Counter()
    english: set[str] = set()
    for _ctx, msgid, plural, strs in rows:
        counts.update({w.casefold() for s in strs for w in re.findall(r"[^\W\d_]{5,}", s)})
        english.update(w.casefold() for w in re.findall(r"[^\W\d_]+", f"{msgid} {plural}"))
    return sorted(w for w, n in counts.items() if n <= 2 and w not in english)


def build(folder: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    rows = list(read_entries(folder))[:ENTRIES]
    write_catalog(OUT / "sq-desktop.po.xz", rows)
    grams = english_ngrams(rows)
    rare = rare_albanian_words(rows)
    step = max(1, len(rare) // (2 * CONCEPTS)) * 2 + 1  # spread over the alphabet
    pairs = []
    for i, gram in enumerate(grams):
        words = gram.split()
        sq = " ".join(rare[(i * step + 7 * k) % len(rare)] for k in range(len(words)))
        pairs.append([gram, sq])
    lines = ",\n".join(json.dumps(pair, ensure_ascii=False) for pair in pairs)
    (OUT / "glossary.json").write_text(f"[\n{lines}\n]\n", encoding="utf-8")
    print(f"{len(rows)} entries, {len(pairs)} concepts ({len(rare)} rare Albanian words)")


if __name__ == "__main__":
    build(Path(sys.argv[1]))
