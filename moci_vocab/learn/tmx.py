"""TMX (translation memory exchange) in, streamed with expat.

A ``<tu>`` holds one ``<tuv xml:lang=…>`` per language, each with a ``<seg>``;
inline codes (``<bpt>``, ``<ept>``, ``<ph>``, ``<it>``, ``<ut>``) are markup of
the original format and are left out, the text of ``<hi>`` and ``<sub>`` kept.
The file is fed to the parser in blocks, so that a large memory never sits in
memory twice; a document type declaration is refused (TMX needs none; it is how
entity bombs and external entities get in), as in XLIFF.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from moci_vocab.checkpo.reader import Catalog, Entry
from moci_vocab.errors import MociError
from moci_vocab.formats.xml import streaming_parser

XML_LANG = "http://www.w3.org/XML/1998/namespace lang"
CODE_ELEMENTS = {"bpt", "ept", "ph", "it", "ut"}
BLOCK = 1 << 16


@dataclass
class _Unit:
    line: int
    texts: dict[str, list[str]] = field(default_factory=dict)


def _same_language(tag: str, wanted: str) -> bool:
    """Is a TMX language code (en-US, sq_AL) the wanted one (en, sq)?"""
    tag = tag.replace("_", "-").casefold()
    wanted = wanted.casefold()
    return tag == wanted or tag.startswith(wanted + "-") or wanted.startswith(tag + "-")


class _TmxReader:
    """expat's callbacks: the unit being read, the language and text being collected."""

    def __init__(self, path: Path, source: str, target: str | None) -> None:
        self.path = path
        self.source, self.target = source, target
        self.parser = streaming_parser(self)
        self.unit: _Unit | None = None
        self.lang: str | None = None
        self.capture: list[str] | None = None
        self.code_depth = 0
        self.header_source: str | None = None
        self.root_seen = False
        self.entries: list[Entry] = []

    def read(self) -> Catalog:
        import xml.parsers.expat as expat

        try:
            with self.path.open("rb") as handle:
                while block := handle.read(BLOCK):
                    self.parser.Parse(block, False)
                self.parser.Parse(b"", True)
        except FileNotFoundError:
            raise MociError("no such file", self.path) from None
        except IsADirectoryError:
            raise MociError("is a folder, not a translation memory", self.path) from None
        except expat.ExpatError as exc:
            message = expat.ErrorString(exc.code)
            raise MociError(f"is not well-formed XML ({message})", self.path, exc.lineno) from None
        except OSError as exc:
            raise MociError(f"cannot be read ({exc.strerror})", self.path) from None
        if not self.root_seen:
            raise MociError("is not a TMX file (its root element is not <tmx>)", self.path, 1)
        headers = {"Language": self.target} if self.target else {}
        return Catalog.from_entries(self.path, self.entries, headers)

    def _doctype(self, *_ignored) -> None:
        raise MociError(
            "has a document type declaration (<!DOCTYPE …>), which moci-vocab does not read; "
            "remove it",
            self.path,
            self.parser.CurrentLineNumber,
        )

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        if not self.root_seen:
            if name != "tmx":
                raise MociError(
                    "is not a TMX file (its root element is not <tmx>)",
                    self.path,
                    self.parser.CurrentLineNumber,
                )
            self.root_seen = True
        if self.capture is not None:
            if name in CODE_ELEMENTS:
                self.code_depth += 1
            return
        if name == "header":
            self.header_source = attrs.get("srclang")
        elif name == "tu":
            self.unit = _Unit(self.parser.CurrentLineNumber)
        elif name == "tuv" and self.unit is not None:
            self.lang = attrs.get(XML_LANG) or attrs.get("lang")
        elif name == "seg" and self.unit is not None and self.lang:
            self.capture = self.unit.texts.setdefault(self.lang, [])

    def _end(self, name: str) -> None:
        if self.capture is not None:
            if name == "seg":
                self.capture = None
                self.code_depth = 0
            elif name in CODE_ELEMENTS:
                self.code_depth -= 1
            return
        if name == "tu" and self.unit is not None:
            self._close(self.unit)
            self.unit = None

    def _text(self, text: str) -> None:
        if self.capture is not None and self.code_depth == 0:
            self.capture.append(text)

    def _close(self, unit: _Unit) -> None:
        source = target = None
        for lang, parts in unit.texts.items():
            if source is None and _same_language(lang, self.source):
                source = "".join(parts)
            elif target is None and self.target and _same_language(lang, self.target):
                target = "".join(parts)
        if source and (target or self.target is None):
            self.entries.append(Entry(source, [target or ""], None, None, False, unit.line))


def read_tmx(path: Path, source: str, target: str | None) -> Catalog:
    """The units with a ``source`` and a ``target`` segment (with no target: every source)."""
    return _TmxReader(path, source, target).read()
