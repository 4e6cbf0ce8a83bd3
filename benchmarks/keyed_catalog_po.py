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

Held-out round 22 adds three more keyed formats (web, chat, game and learning programs):

    python benchmarks/keyed_catalog_po.py nested EN_FILE[,EN_FILE...] LANG_FILE[,...] LANG OUT
    python benchmarks/keyed_catalog_po.py php EN_FILE[,EN_FILE...] LANG_FILE[,...] LANG OUT
    python benchmarks/keyed_catalog_po.py ftl EN_DIR LANG_DIR LANG OUT
    python benchmarks/keyed_catalog_po.py qm FILE LANG OUT
    python benchmarks/keyed_catalog_po.py android EN_FILE[,EN_FILE...] LANG_FILE[,...] LANG OUT

nested: a pair of JSON files whose messages may sit in nested objects (i18next's and the
OpenStreetMap editor iD's, Flutter's ARB files; or Rails's YAML locale files, .yml, with
PyYAML): the key path joined by dots is the msgctxt (after the folder's name where several
pairs are given: Scratch's editor and website files);
a file wrapping everything in one object named after its language (iD: {"sq": {...}}) is
unwrapped; ARB's "@key" metadata is left out. php: PHP array assignments
(`$labels['key'] = 'text';`, Roundcube's and DokuWiki's language files), each English file
paired with the language's file in the same position, the file's name and the key as
msgctxt. ftl: Fluent files (Anki's), each English file of EN_DIR paired with the file of the
same name in LANG_DIR (`mozilla_langpack_po.read_ftl`: needs `fluent.syntax`). qm: a
compiled Qt translation (what a package ships where it ships no .ts file: GCompris,
Stellarium), read like a .ts file; lrelease keeps each message's English beside it.
android: an Android app's `res/values/strings.xml` paired with `res/values-LANG/strings.xml`
by name (Wikipedia's app): a `<plurals>` is a plural entry, its English the "other" item;
Android's backslash escapes undone, inline markup's text kept. Held-out round 23 gives several
pairs for an app split in modules (Thunderbird for Android, Firefox's Android Components), each
English file paired with the file in the same position, the module's folders (those before
`src`) before the name as msgctxt.

What is taken: every translated message with its text as written (wikitext, `$1`, `%1`,
`{{PLURAL:...}}` and markup kept); in JSON, INI and PHP a translation that is the English
text itself is left out (names and codes kept as written, or a key filled with the English).
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


def _flatten(tree: dict, prefix: str = "") -> dict[str, str]:
    """Key path (joined by dots) → text of a nested JSON object; ARB's "@key" metadata left out."""
    flat = {}
    for key, value in tree.items():
        if key.startswith("@"):
            continue
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        elif isinstance(value, str):
            flat[f"{prefix}{key}"] = value
    return flat


def _unwrapped(tree: dict) -> dict:
    """A JSON file's messages, without a single wrapping object named after its language."""
    if len(tree) == 1:
        ((key, value),) = tree.items()
        if isinstance(value, dict) and re.fullmatch(r"[a-z]{2,3}([-_][A-Za-z]{2,4})?", key):
            return value
    return tree


def _read_tree(path: Path) -> dict:
    """A JSON file's object, or a Rails YAML locale file's (.yml: needs PyYAML)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix in (".yml", ".yaml"):
        import yaml

        return yaml.safe_load(text)
    return json.loads(text)


def from_nested_json(english: Path, translated: Path) -> list[Row]:
    """The messages of a JSON (or YAML) file paired with the English file's by key path."""
    source = _flatten(_unwrapped(_read_tree(english)))
    target = _flatten(_unwrapped(_read_tree(translated)))
    return [
        (key, source[key], [text])
        for key, text in target.items()
        if key in source and text.strip() and text != source[key]
    ]


PHP_ASSIGNMENT = re.compile(
    r"""\$\w+((?:\[\s*'[^']*'\s*\])+)\s*=\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\s*;""",
    re.DOTALL,
)
PHP_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "$": "$"}


def _php_string(literal: str) -> str:
    """The value of a PHP string literal ('...' or "...")."""
    body = literal[1:-1]
    if literal[0] == "'":
        return re.sub(r"\\([\\'])", r"\1", body)
    return re.sub(r"\\(.)", lambda m: PHP_ESCAPES.get(m[1], m[0]), body, flags=re.DOTALL)


def read_php(path: Path) -> dict[str, str]:
    """Key path → text of a PHP language file's array assignments (`$lang['key'] = 'text';`)."""
    text = path.read_text(encoding="utf-8")
    return {
        ".".join(re.findall(r"'([^']*)'", keys)): _php_string(literal)
        for keys, literal in PHP_ASSIGNMENT.findall(text)
    }


def from_php(english: list[Path], translated: list[Path]) -> list[Row]:
    """Each language file's messages paired with its English file's, "file:key" as msgctxt."""
    rows = []
    for source_path, target_path in zip(english, translated, strict=True):
        source, name = read_php(source_path), source_path.stem
        for key, text in read_php(target_path).items():
            if key in source and text.strip() and text != source[key]:
                rows.append((f"{name}:{key}", source[key], [text]))
    return rows


def from_ftl(english: Path, translated: Path) -> list[Row]:
    """Fluent messages of a language's folder paired with the English folder's by file and id."""
    from mozilla_langpack_po import read_ftl

    rows = []
    for source_path in sorted(english.glob("*.ftl")):
        target_path = translated / source_path.name
        if not target_path.exists():
            continue
        source = read_ftl(source_path)
        for key, text in read_ftl(target_path).items():
            if key in source and text.strip():
                rows.append((f"{source_path.stem}:{key}", source[key], [text]))
    return rows


QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
QM_MESSAGES, QM_END, QM_TRANSLATION, QM_OBSOLETE1 = 0x69, 1, 3, 4
QM_TEXTS = {6: "source", 7: "context", 8: "comment"}  # UTF-8 fields of a message


def read_qm(path: Path) -> list[dict]:
    """The messages of a compiled Qt translation: source, context, comment, translations."""
    data = path.read_bytes()
    if not data.startswith(QM_MAGIC):
        raise ValueError(f"{path}: not a Qt .qm file")
    pos, block = len(QM_MAGIC), b""
    while pos < len(data):  # sections: a tag byte, a 32-bit length, the body
        tag, size = data[pos], int.from_bytes(data[pos + 1 : pos + 5], "big")
        if tag == QM_MESSAGES:
            block = data[pos + 5 : pos + 5 + size]
        pos += 5 + size
    messages, current, i = [], {"translations": []}, 0
    while i < len(block):
        tag, i = block[i], i + 1
        if tag == QM_END:
            messages.append(current)
            current = {"translations": []}
        elif tag == QM_OBSOLETE1:
            i += 4
        else:  # a length-prefixed field (0xFFFFFFFF: an empty translation)
            size, i = int.from_bytes(block[i : i + 4], "big"), i + 4
            if size == 0xFFFFFFFF:
                current["translations"].append("")
                continue
            field, i = block[i : i + size], i + size
            if tag == QM_TRANSLATION:
                current["translations"].append(field.decode("utf-16-be"))
            elif tag in QM_TEXTS:
                current[QM_TEXTS[tag]] = field.decode("utf-8", "replace")
    return messages


def from_qm(path: Path) -> list[Row]:
    """The translated messages of a .qm file, "context|comment" as msgctxt (as `from_ts`)."""
    rows: dict[tuple[str, str], Row] = {}
    for message in read_qm(path):
        source, forms = message.get("source", ""), message["translations"]
        context, comment = message.get("context", ""), message.get("comment")
        msgctxt = f"{context}|{comment}" if comment else context
        if source and forms and all(f.strip() for f in forms) and (msgctxt, source) not in rows:
            rows[(msgctxt, source)] = (msgctxt, source, forms)
    return list(rows.values())


ANDROID_ESCAPES = {"n": "\n", "t": "\t"}


def _android_text(element) -> str:
    """An Android resource string's text: inline markup's text kept, backslash escapes undone."""
    text = "".join(element.itertext())
    if len(text) > 1 and text[0] == text[-1] == '"':
        text = text[1:-1]  # a string quoted whole keeps its spaces as written
    return re.sub(r"\\(.)", lambda m: ANDROID_ESCAPES.get(m[1], m[1]), text)


def read_android(path: Path) -> dict[str, list[str]]:
    """Name → text(s) of an Android strings.xml (a plurals' items in order, "other" last)."""
    import xml.etree.ElementTree as ElementTree

    found = {}
    for element in ElementTree.parse(path).getroot():
        name = element.get("name")
        if element.get("translatable") == "false" or not name:
            continue
        if element.tag == "string":
            found[name] = [_android_text(element)]
        elif element.tag == "plurals":
            items = sorted(element.iter("item"), key=lambda i: i.get("quantity") == "other")
            found[name] = [_android_text(item) for item in items]
    return found


def from_android(english: Path, translated: Path) -> list[Row]:
    """An Android app's translated strings paired with the English by name (the msgctxt)."""
    source = read_android(english)
    rows = []
    for name, forms in read_android(translated).items():
        if name in source and all(f.strip() for f in forms) and forms != source[name]:
            rows.append((name, source[name][-1], forms))
    return rows


def from_android_modules(pairs: list[tuple[Path, Path]]) -> list[Row]:
    """Several modules' Android strings files paired, each name after its module (several)."""
    rows = []
    for english, translated in pairs:
        parts = english.parts
        module = "/".join(parts[: parts.index("src")]) if "src" in parts else english.parent.name
        prefix = f"{module}:" if len(pairs) > 1 else ""
        rows += [(prefix + name, *rest) for name, *rest in from_android(english, translated)]
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
    elif args[:1] == ["nested"] and len(args) == 5:
        pairs = list(zip(args[1].split(","), args[2].split(","), strict=True))
        rows, lang, out = [], args[3], args[4]
        for english, translated in pairs:  # several pairs: the folder's name before the key
            folder = f"{Path(english).parent.name}:" if len(pairs) > 1 else ""
            rows += [
                (folder + key, *rest)
                for key, *rest in from_nested_json(Path(english), Path(translated))
            ]
    elif args[:1] == ["php"] and len(args) == 5:
        paths = [[Path(p) for p in arg.split(",")] for arg in args[1:3]]
        rows, lang, out = from_php(*paths), args[3], args[4]
    elif args[:1] == ["android"] and len(args) == 5:
        pairs = list(zip(args[1].split(","), args[2].split(","), strict=True))
        rows = from_android_modules([(Path(english), Path(other)) for english, other in pairs])
        lang, out = args[3], args[4]
    elif args[:1] == ["qm"] and len(args) == 4:
        rows, lang, out = from_qm(Path(args[1])), args[2], args[3]
    elif args[:1] == ["ftl"] and len(args) == 5:
        rows, lang, out = from_ftl(Path(args[1]), Path(args[2])), args[3], args[4]
    else:
        sys.exit(__doc__)
    write(rows, lang, Path(out))
    print(f"{out}: {len(rows)} messages")


if __name__ == "__main__":
    main()
