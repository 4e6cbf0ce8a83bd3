"""XLIFF in, for `check-po`: versions 1.x (``<trans-unit>``) and 2.x (``<unit>``).

Read with expat as a stream, keeping the line of every unit for the findings.
A document type declaration is refused: XLIFF needs none, and a DTD is how
entity expansion bombs and external entities get into an XML file.

What counts as a unit's text: the text of ``<source>`` and ``<target>``,
including text inside the inline elements that wrap translatable text
(``<g>``, ``<mrk>``, ``<pc>``), without the native codes of ``<ph>``, ``<bpt>``,
``<ept>`` and ``<it>`` (1.x); placeholders (``<x/>``, ``<ph/>``, ``<sc/>``…) are
nothing, ``<cp hex="…"/>`` (2.x) is its character. Only the unit's own source
and target count, not those of ``<alt-trans>`` (translation memory matches).

Translation states map onto gettext's: a 1.x target whose ``state`` is one of
the ``needs-…`` states, or a 2.x segment in the ``initial`` state that has a
target, is fuzzy (a translator has not finished it); a missing or empty target
is untranslated. Units with ``translate="no"`` and gettext's header unit are
skipped. translate-toolkit's plural groups (``restype="x-gettext-plurals"``)
become one entry with its plural forms.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from moci_vocab.errors import MociError
from moci_vocab.formats.xml import streaming_parser
from moci_vocab.po.catalog import Catalog, Entry, read_file_bytes

NAMESPACE = "urn:oasis:names:tc:xliff:document:"
# Inline elements whose content is native code (markup of the original format), not text.
CODE_ELEMENTS = {"ph", "bpt", "ept", "it"}
UNIT_ELEMENTS = {"trans-unit", "unit"}
TEXT_PARENTS = {"trans-unit", "segment", "ignorable"}  # whose <source>/<target> count
PLURALS = "x-gettext-plurals"
HEADER = "x-gettext-domain-header"


@dataclass
class _Unit:
    line: int
    name: str | None  # resname (1.x) or name (2.x): a human-readable key, when there is one
    skip: bool
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    has_target: bool = False
    fuzzy: bool = False
    untranslated: bool = False  # a 2.x segment without a target


@dataclass
class _Plurals:
    """translate-toolkit's group of a gettext entry's plural forms, one unit each."""

    depth: int  # of the group element, to know which </group> closes it
    forms: list[_Unit] = field(default_factory=list)


class _XliffReader:
    """expat's callbacks: a stack of element names, the unit being read, the entries made."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.parser = streaming_parser(self)
        self.stack: list[str | None] = []  # None: an element of another namespace
        self.unit: _Unit | None = None
        self.plurals: _Plurals | None = None
        self.capture: list[str] | None = None  # the text being collected, if any
        self.code_depth = 0  # inside native code (<ph>…) within a source or target
        self.segment_has_target = False
        self.languages: list[str] = []
        self.entries: list[Entry] = []

    def read(self, data: bytes) -> Catalog:
        import xml.parsers.expat as expat

        try:
            self.parser.Parse(data, True)
        except expat.ExpatError as exc:
            message = expat.ErrorString(exc.code)
            raise MociError(f"is not well-formed XML ({message})", self.path, exc.lineno) from None
        distinct = sorted(set(self.languages))
        if len(distinct) > 1:
            raise MociError(
                f"holds files in several target languages ({', '.join(distinct)}); "
                "check them one file per language",
                self.path,
            )
        headers = {"Language": distinct[0]} if distinct else {}
        return Catalog.from_entries(self.path, self.entries, headers)

    # --- expat's callbacks -----------------------------------------------------------

    def _doctype(self, name, *_ignored) -> None:
        raise MociError(
            "has a document type declaration (<!DOCTYPE …>), which XLIFF does not use; remove it",
            self.path,
            self.parser.CurrentLineNumber,
        )

    def _start(self, qualified: str, attrs: dict[str, str]) -> None:
        name = self._local(qualified)
        self.stack.append(name)
        if len(self.stack) == 1 and name != "xliff":
            root = qualified.rpartition(" ")[2]
            raise MociError(f"is not an XLIFF file (its root element is <{root}>)", self.path, 1)
        if self.capture is not None:
            self._inline(name, attrs)
        elif name is None:
            return
        elif name == "xliff" and attrs.get("trgLang"):
            self.languages.append(attrs["trgLang"])
        elif name == "file" and attrs.get("target-language"):
            self.languages.append(attrs["target-language"])
        elif name == "group" and attrs.get("restype") == PLURALS and self.plurals is None:
            self.plurals = _Plurals(depth=len(self.stack))
        elif name in UNIT_ELEMENTS:
            skip = attrs.get("translate") == "no" or attrs.get("restype") == HEADER
            key = attrs.get("resname") or attrs.get("name")
            self.unit = _Unit(self.parser.CurrentLineNumber, key, skip)
        elif self.unit is None:
            return
        elif name in ("source", "target") and self._parent() in TEXT_PARENTS:
            self._open_text(name, attrs)
        elif name == "segment":
            self.segment_has_target = False
            if attrs.get("state") == "initial":
                self.unit.fuzzy = True

    def _end(self, qualified: str) -> None:
        name = self.stack.pop()
        if self.capture is not None:
            if name in CODE_ELEMENTS:
                self.code_depth -= 1
            elif name in ("source", "target") and self.code_depth == 0:
                self.capture = None
        elif name in UNIT_ELEMENTS and self.unit is not None:
            self._close_unit(self.unit)
            self.unit = None
        elif name == "segment" and self.unit is not None and not self.segment_has_target:
            self.unit.untranslated = True
        elif name == "group" and self.plurals and len(self.stack) + 1 == self.plurals.depth:
            self._close_plurals(self.plurals)
            self.plurals = None

    def _text(self, text: str) -> None:
        if self.capture is not None and self.code_depth == 0:
            self.capture.append(text)

    # --- helpers ---------------------------------------------------------------------

    def _local(self, qualified: str) -> str | None:
        """The element's name in an XLIFF namespace (or none); None for other namespaces."""
        namespace, _, local = qualified.rpartition(" ")
        if namespace and not namespace.startswith(NAMESPACE):
            return None
        return local

    def _parent(self) -> str | None:
        return self.stack[-2] if len(self.stack) > 1 else None

    def _open_text(self, name: str, attrs: dict[str, str]) -> None:
        assert self.unit is not None
        if name == "source":
            self.capture = self.unit.source
            return
        self.capture = self.unit.target
        self.unit.has_target = True
        if self._parent() == "segment":
            self.segment_has_target = True
        if attrs.get("state", "").startswith("needs-"):
            self.unit.fuzzy = True

    def _inline(self, name: str | None, attrs: dict[str, str]) -> None:
        assert self.capture is not None
        if name in CODE_ELEMENTS:
            self.code_depth += 1
        elif name == "cp" and self.code_depth == 0:
            hex_value = attrs.get("hex", "")
            try:
                character = chr(int(hex_value, 16))
            except ValueError:
                character = None
            # (a surrogate is half of a UTF-16 pair, no character: UTF-8 cannot hold it
            # alone, and check-po reads every text as UTF-8)
            if character is None or "\ud800" <= character <= "\udfff":
                what = "a surrogate, not a character" if character else "not a code point"
                raise MociError(
                    f"has <cp hex={hex_value!r}/>, which is {what}",
                    self.path,
                    self.parser.CurrentLineNumber,
                )
            self.capture.append(character)

    def _close_unit(self, unit: _Unit) -> None:
        if unit.skip:
            return
        if self.plurals is not None:
            self.plurals.forms.append(unit)
            return
        self.entries.append(_entry(unit, None, [_target(unit)], unit.fuzzy))

    def _close_plurals(self, plurals: _Plurals) -> None:
        forms = plurals.forms
        if not forms:
            return
        msgid_plural = "".join(forms[1].source) if len(forms) > 1 else None
        fuzzy = any(form.fuzzy for form in forms if _target(form))
        self.entries.append(_entry(forms[0], msgid_plural, [_target(f) for f in forms], fuzzy))


def _target(unit: _Unit) -> str:
    """The unit's translation; empty when it has none, or when a segment has none."""
    return "" if unit.untranslated or not unit.has_target else "".join(unit.target)


def _entry(unit: _Unit, msgid_plural: str | None, msgstr: list[str], fuzzy: bool) -> Entry:
    """The entry of ``unit`` (the first form's, for plurals); untranslated is never fuzzy."""
    msgid = "".join(unit.source)
    return Entry(msgid, msgstr, unit.name, msgid_plural, fuzzy and any(msgstr), unit.line)


def read_xliff(path: Path) -> Catalog:
    """An XLIFF 1.x or 2.x file: its units as entries, its target language as Language."""
    return _XliffReader(path).read(read_file_bytes(path))
