"""A Mozilla language pack as a PO catalog: its strings paired with the en-US ones of the build.

Held-out round 17 of `bench_checkpo_real.py` uses Thunderbird's Albanian, Georgian and
Armenian language packs (Debian 13's thunderbird-l10n-*). They are not gettext catalogs:
their Fluent (.ftl), .properties and .dtd files hold the translations, keyed by message id,
and the English is in the program's own omni.ja. This script pairs the two by file and key
and writes a PO file (msgctxt: the file and the key), which `msgfmt` compiles for
`build_checkpo_real_data.py`:

    python benchmarks/mozilla_langpack_po.py PACK EN[,EN...] LOCALE OUT.po [--only A,B]

PACK is the unzipped language pack (.xpi), EN the unzipped omni.ja files of the same build,
LOCALE the pack's locale code (sq, ka, hy-AM); --only keeps the files under those folders
of the locale (Thunderbird's own: messenger, calendar, chat, ...; the toolkit's strings are
Firefox's). Needs the `fluent.syntax` package (`pip install fluent.syntax`).

What is taken: every Fluent message's value and attributes (not the access and command keys
or style widths), a select expression (plurals) by its default variant, placeables as
Fluent writes them (`{ $count }`); Fluent terms (-brand-short-name) are names and left
out. Every .properties and .dtd key likewise; there a value the same as the English one is
left out, since the build fills the keys a language pack lacks with the English strings
(Fluent files are not filled: a missing message is missing).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

SKIP_ATTRIBUTES = {"accesskey", "commandkey", "key", "style", "width", "height"}
SKIP_KEY_ENDS = (".accesskey", ".commandkey", ".key")


def _pattern(pattern) -> str | None:
    """A Fluent pattern as text: placeables as written, a selector by its default variant."""
    from fluent.syntax import ast
    from fluent.syntax.serializer import serialize_expression

    if pattern is None:
        return None
    out = []
    for element in pattern.elements:
        if isinstance(element, ast.TextElement):
            out.append(element.value)
        elif isinstance(element.expression, ast.SelectExpression):
            default = next(v for v in element.expression.variants if v.default)
            out.append(_pattern(default.value) or "")
        else:
            out.append("{ " + serialize_expression(element.expression) + " }")
    return "".join(out).strip()


def read_ftl(path: Path) -> dict[str, str]:
    """Message id (with .attribute) → text of a Fluent file."""
    from fluent.syntax import FluentParser, ast

    strings = {}
    for entry in FluentParser(with_spans=False).parse(path.read_text(encoding="utf-8")).body:
        if not isinstance(entry, ast.Message):
            continue
        name = entry.id.name
        if entry.value is not None:
            strings[name] = _pattern(entry.value)
        for attribute in entry.attributes:
            if attribute.id.name not in SKIP_ATTRIBUTES:
                strings[f"{name}.{attribute.id.name}"] = _pattern(attribute.value)
    return {key: text for key, text in strings.items() if text}


def _unescape(text: str) -> str:
    """A .properties value's escapes (\\uXXXX, \\n, \\t, \\\\) resolved."""
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    return text.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")


def read_properties(path: Path) -> dict[str, str]:
    """Key → text of a .properties file (continued lines joined)."""
    text = re.sub(r"\\\n[ \t]*", "", path.read_text(encoding="utf-8"))
    strings = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line[0] in "#!":
            continue
        match = re.match(r"([^=:\s]+)\s*[=:]\s?(.*)$", line)
        if match and not match.group(1).endswith(SKIP_KEY_ENDS):
            strings[match.group(1)] = _unescape(match.group(2).strip())
    return {key: text for key, text in strings.items() if text}


def read_dtd(path: Path) -> dict[str, str]:
    """Entity name → text of a .dtd file."""
    text = re.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8"), flags=re.S)
    strings = {}
    for m in re.finditer(r"<!ENTITY\s+([\w.\-]+)\s+(?:\"([^\"]*)\"|'([^']*)')\s*>", text):
        value = m.group(2) if m.group(2) is not None else m.group(3)
        if value and not m.group(1).endswith(SKIP_KEY_ENDS):
            strings[m.group(1)] = value
    return strings


READERS = {".ftl": read_ftl, ".properties": read_properties, ".dtd": read_dtd}


def _key(relative: str, locale: str) -> str:
    """A file's path with its locale folders named LOC (the same for en-US and the pack)."""
    return "/".join("LOC" if part == locale else part for part in relative.split("/"))


def pairs(pack: Path, english: list[Path], locale: str, only: set[str] | None = None):
    """(msgctxt, English, translation) of every string the pack translates."""
    en_files: dict[str, Path] = {}
    for root in english:
        for path in sorted(root.rglob("*")):
            if path.suffix in READERS and "en-US" in path.parts:
                en_files.setdefault(_key(str(path.relative_to(root)), "en-US"), path)
    for path in sorted(pack.rglob("*")):
        if path.suffix not in READERS:
            continue
        relative = str(path.relative_to(pack))
        # Firefox's pack keeps the browser's strings under browser/, as its omni.ja does.
        relative = relative.removeprefix("browser/")
        en = en_files.get(_key(relative, locale))
        if en is None:
            continue
        where = _key(relative, locale).split("LOC/")[-1]  # e.g. browser/appmenu.ftl
        if only is not None and where.split("/")[0] not in only:
            continue
        read = READERS[path.suffix]
        source = read(en)
        for key, text in read(path).items():
            msgid, msgstr = source.get(key, "").strip("\n"), text.strip("\n")
            if not msgid.strip() or not msgstr:
                continue
            if path.suffix != ".ftl" and msgstr == msgid:  # filled in by the build
                continue
            yield f"{where}:{key}", msgid, msgstr


def main() -> None:
    """Write the PO file the command line names."""
    import polib

    args = [a for a in sys.argv[1:] if a != "--only"]
    only = None
    if "--only" in sys.argv:
        only = set(sys.argv[sys.argv.index("--only") + 1].split(","))
        args.remove(sys.argv[sys.argv.index("--only") + 1])
    pack, english, locale, out = Path(args[0]), [Path(p) for p in args[1].split(",")], *args[2:4]
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": locale}
    for msgctxt, msgid, msgstr in pairs(pack, english, locale, only):
        po.append(polib.POEntry(msgctxt=msgctxt, msgid=msgid, msgstr=msgstr))
    po.save(out)
    print(f"{out}: {len(po)} entries")


if __name__ == "__main__":
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    main()
