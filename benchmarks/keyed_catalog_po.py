"""Translations kept outside gettext as a catalog: each message paired with its English.

Held-out round 21 of `bench_checkpo_real.py` uses three programs whose translations are not
gettext catalogs (Debian 13's packages): MediaWiki's message files (one JSON file per
language and folder, keyed by message name, as translatewiki.net writes them), OBS Studio's
locale files (one INI file per language and module, `Key="text"`) and Qt Linguist's .ts files
(source and translation side by side: Calamares and qBittorrent in the source packages). This
script pairs a language's messages with the English and writes a catalog whose msgctxt says
which message it is (the message name, the module and key, or the Qt context), as the
projects' own gettext exports do; `build_checkpo_real_data.py` reads the compiled catalog:

    python benchmarks/keyed_catalog_po.py json ROOT LANG OUT FOLDER[,FOLDER...]
    python benchmarks/keyed_catalog_po.py ini ROOT LOCALE LANG OUT
    python benchmarks/keyed_catalog_po.py ts FILE[,FILE...] LANG OUT

json: ROOT is MediaWiki's tree (usr/share/mediawiki), FOLDER a folder under it whose
`en.json` and `LANG.json` are paired (its sub-folders with their own `en.json` too; a name
met twice is taken from the first). ini: ROOT holds the modules (usr/share/obs), each
`en-US.ini` paired with `LOCALE.ini` beside it (sq-AL, ka-GE, hy-AM). ts: every finished
message of the files (Qt marks the others "unfinished", "vanished" or "obsolete"); a numerus
message is a plural entry. OUT ending in `.mo` is compiled (by polib: msgfmt refuses
MediaWiki's entries whose msgid and msgstr differ in a leading newline), else written as PO.

What is taken: every translated message with its text as written (wikitext, `$1`, `%1`,
`{{PLURAL:...}}` and markup kept); in JSON and INI a translation that is the English text
itself is left out (names and codes kept as written, or a key filled with the English).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

Row = tuple[str, str, list[str]]  # msgctxt, English, translations (several: plural forms)
INI_LINE = re.compile(r'^\s*([^=#;\s][^=]*?)\s*=\s*"(.*)"\s*$')


def from_json(root: Path, lang: str, folders: list[str]) -> list[Row]:
    """MediaWiki's messages of the folders and their sub-folders (a name once)."""
    rows: dict[str, Row] = {}
    for folder in folders:
        for english in sorted((root / folder).rglob("en.json")):
            translated = english.with_name(f"{lang}.json")
            if not translated.exists():
                continue
            source = json.loads(english.read_text(encoding="utf-8"))
            target = json.loads(translated.read_text(encoding="utf-8"))
            for name, text in sorted(target.items()):
                original = source.get(name)
                if name == "@metadata" or not isinstance(text, str) or name in rows:
                    continue
                if isinstance(original, str) and text.strip() and text != original:
                    rows[name] = (name, original, [text])
    return list(rows.values())


def read_ini(path: Path) -> dict[str, str]:
    """Key → text of an OBS Studio locale file (`Key="text"`, `\\n` a new line)."""
    found = {}
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        match = INI_LINE.match(line)
        if match:
            found[match[1]] = match[2].replace("\\n", "\n").replace('\\"', '"')
    return found


def from_ini(root: Path, locale: str) -> list[Row]:
    """OBS Studio's messages of every module under root, the module and key as msgctxt."""
    rows = []
    for english in sorted(root.rglob("en-US.ini")):
        translated = english.with_name(f"{locale}.ini")
        if not translated.exists():
            continue
        source, module = read_ini(english), english.parent.parent.name
        for key, text in read_ini(translated).items():
            if key in source and text.strip() and text != source[key]:
                rows.append((f"{module}:{key}", source[key], [text]))
    return rows


def from_ts(paths: list[Path]) -> list[Row]:
    """The finished messages of Qt Linguist files, "context|comment" as msgctxt (as lconvert)."""
    import xml.etree.ElementTree as ElementTree

    rows: dict[tuple[str, str], Row] = {}
    for path in paths:
        for context in ElementTree.parse(path).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is None or translation.get("type"):
                    continue  # unfinished, vanished or obsolete
                forms = [f.text or "" for f in translation.iter("numerusform")]
                forms = forms or [translation.text or ""]
                comment = message.findtext("comment")
                msgctxt = f"{name}|{comment}" if comment else name
                source = message.findtext("source") or ""
                if all(f.strip() for f in forms) and (msgctxt, source) not in rows:
                    rows[(msgctxt, source)] = (msgctxt, source, forms)
    return list(rows.values())


def write(rows: list[Row], lang: str, out: Path) -> None:
    """The rows as a catalog: compiled if OUT ends in .mo, else a PO file."""
    import polib

    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Language": lang, "Content-Type": "text/plain; charset=UTF-8"}
    for msgctxt, source, forms in rows:
        entry = polib.POEntry(msgctxt=msgctxt, msgid=source)
        if len(forms) > 1:  # a Qt numerus message: the English says %n in both numbers
            entry.msgid_plural = source
            entry.msgstr_plural = dict(enumerate(forms))
        else:
            entry.msgstr = forms[0]
        po.append(entry)
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix == ".mo":
        po.save_as_mofile(str(out))
    else:
        po.save(str(out))


def main() -> None:
    """Convert one language's messages of one program (see the module's docstring)."""
    args = sys.argv[1:]
    if args[:1] == ["json"] and len(args) == 5:
        rows, lang, out = from_json(Path(args[1]), args[2], args[4].split(",")), args[2], args[3]
    elif args[:1] == ["ini"] and len(args) == 5:
        rows, lang, out = from_ini(Path(args[1]), args[2]), args[3], args[4]
    elif args[:1] == ["ts"] and len(args) == 4:
        rows, lang, out = from_ts([Path(p) for p in args[1].split(",")]), args[2], args[3]
    else:
        sys.exit(__doc__)
    write(rows, lang, Path(out))
    print(f"{out}: {len(rows)} messages")


if __name__ == "__main__":
    main()
