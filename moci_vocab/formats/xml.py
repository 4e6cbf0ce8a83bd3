"""A streaming XML reader that refuses what an XML bomb needs (XLIFF, TMX).

expat with namespaces (``"uri name"``), no parameter entities, and a document type
declaration handed to the reader, which refuses it: no entity can be declared, so none
can expand.
"""

from __future__ import annotations

from typing import IO, Any, Protocol

_PROLOG_BLOCK = 64 * 1024


class StreamReader(Protocol):
    """The callbacks a streaming reader gives expat."""

    def _doctype(self, name: str, *rest: Any) -> None: ...
    def _start(self, name: str, attrs: dict[str, str]) -> None: ...
    def _end(self, name: str) -> None: ...
    def _text(self, text: str) -> None: ...


def streaming_parser(reader: StreamReader) -> Any:
    """An expat parser that calls ``reader``'s callbacks, with text in whole runs."""
    import xml.parsers.expat as expat

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = reader._doctype
    parser.StartElementHandler = reader._start
    parser.EndElementHandler = reader._end
    parser.CharacterDataHandler = reader._text
    parser.buffer_text = True
    return parser


class _Stop(Exception):
    """Raised from expat's callbacks: the prolog has been read (or has a DTD)."""


def declares_doctype(stream: IO[bytes]) -> bool:
    """Whether the XML document in ``stream`` has a document type declaration.

    Only the prolog is read, up to the root element's start tag; a document that is not
    XML declares none (its own reader reports it).
    """
    import xml.parsers.expat as expat

    def doctype(*_ignored: Any) -> None:
        raise _Stop(True)

    def root(*_ignored: Any) -> None:
        raise _Stop(False)

    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = doctype
    parser.StartElementHandler = root
    try:
        while block := stream.read(_PROLOG_BLOCK):
            parser.Parse(block, False)
        parser.Parse(b"", True)
    except _Stop as stop:
        return bool(stop.args[0])
    except expat.ExpatError:
        return False
    return False
