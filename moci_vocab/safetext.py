"""Text from files, shown safely on a terminal and in a CI log.

Glossary text, file names and language names come from pull requests. What
reaches a terminal or a GitHub Actions log from them must stay data:

- no raw control character (ESC starts terminal escape sequences, U+009B is
  the one-byte CSI, a newline starts a new log line), no bidirectional
  override (a line that reads differently than it is) — each is shown as an
  escape such as ``\\x1b``, ``\\n`` or ``\\u202e``;
- no CI workflow command: the GitHub runner reads a line that starts with
  ``::`` (after spaces) as a command, and ``##[`` anywhere in a line as the
  old form of one; Azure Pipelines reads ``##vso[`` anywhere in a line (and
  ``##[section]``…), TeamCity ``##teamcity[``; each is shown with an escaped
  character;
- no rich markup (``[link=…]``): the consoles are made with markup off, and
  rich ``Text`` objects never parse markup.

``printable`` is the one helper for it; it imports nothing heavy, so the CLI
can use it at start-up.
"""

from __future__ import annotations

import re
from typing import Any

# C0 and C1 controls (tab excepted), DEL, the bidirectional embeddings,
# overrides and isolates, the line and paragraph separators, and lone
# surrogates (bytes that were not UTF-8, which no terminal can be sent).
_UNSAFE_RE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r"}
# A workflow command at the start of a line (the runner trims leading spaces first).
_COMMAND_START_RE = re.compile(r"^(\s*):(?=:)")
# `##` then a word (or none) then `[`: GitHub's old form `##[`, Azure Pipelines' `##vso[`
# (`##vso[task.complete result=Succeeded]` would pass a failed step), TeamCity's
# `##teamcity[`; the second `#` is escaped (`#\x23[`).
_OLD_COMMAND_RE = re.compile(r"(?<=#)#(?=[A-Za-z]*\[)")


def _escape(match: re.Match) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` as one line that a terminal and a CI log show as plain text.

    Control characters, newlines and bidirectional controls become escapes
    (``\\x1b``, ``\\n``, ``\\u202e``); a leading ``::`` and any ``##[``, ``##vso[``
    or ``##teamcity[`` have one character escaped, so no workflow command can start
    from data. Applying it twice changes nothing more.
    """
    text = _UNSAFE_RE.sub(_escape, str(text))
    text = _COMMAND_START_RE.sub(lambda m: m.group(1) + "\\x3a", text)
    if "##" in text:
        text = _OLD_COMMAND_RE.sub(r"\\x23", text)
    return text


def lone_surrogate(text: str) -> str | None:
    """The first lone surrogate of ``text`` as U+XXXX, or None.

    Python turns bytes that are not UTF-8 (in a command-line argument, a file
    name) into lone surrogates; written to a file they would be garbage.
    """
    found = _SURROGATE_RE.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def undecodable_argument(args: list[str]) -> str | None:
    """A sentence about the first argument that is not UTF-8 text, or None."""
    for arg in args:
        if lone_surrogate(arg) is not None:
            shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            return (
                f"the argument '{printable(shown)}' is not valid UTF-8 text; type it again "
                "in a UTF-8 terminal (nothing was changed)"
            )
    return None


def printable_lines(text: str) -> str:
    """Several lines of our own text, each made printable (data newlines stay escaped)."""
    return "\n".join(printable(line) for line in text.split("\n"))


# Characters JSON lets through raw that a terminal would still act on.
_JSON_UNSAFE_RE = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def dumps_json(data: Any, plain: bool = False) -> str:
    """JSON for a terminal: UTF-8 text kept, every control and bidi character escaped.

    The bytes of ``json.dumps(data, ensure_ascii=False, indent=2)``, written by
    orjson when the data holds only strings, integers, booleans, None, lists and
    dicts (floats print differently there: ``1e16`` for ``1e+16``). JSON escapes
    C0 controls and newlines itself; DEL, C1 controls and bidirectional controls
    are escaped here as ``\\uXXXX`` (the same data for any JSON reader).
    ``plain``: the caller knows the data holds only those types (no need to look).
    """
    text = None
    if plain or _orjson_plain(data):
        orjson = _orjson()
        try:
            text = orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8")
        except TypeError:  # a lone surrogate, a key that is not a string, a huge integer
            text = None
    if text is None:
        import json  # not at the top: text output never needs it

        text = json.dumps(data, ensure_ascii=False, indent=2)
    return escape_json_text(text)


def escape_json_text(text: str) -> str:
    """JSON text with DEL, C1 and bidirectional controls escaped as ``\\uXXXX`` (see
    ``dumps_json``; only JSON strings can hold them)."""
    return _JSON_UNSAFE_RE.sub(_json_escape, text) if _JSON_UNSAFE_RE.search(text) else text


def json_safe(text: str) -> bool:
    """Whether JSON of this text needs no escape by ``escape_json_text``."""
    return _JSON_UNSAFE_RE.search(text) is None


def _json_escape(match: re.Match) -> str:
    return f"\\u{ord(match.group()):04x}"


def _orjson():
    import orjson

    return orjson


_PLAIN_SCALARS = (str, int, bool, type(None))


def _orjson_plain(value: Any) -> bool:
    """Whether orjson writes ``value`` as ``json.dumps`` does: no float, no other type."""
    kind = type(value)
    if kind is dict:
        items = value.values()
    elif kind is list or kind is tuple:
        items = value
    else:
        return kind in _PLAIN_SCALARS
    # Scalars tested inline: one call per container, not one per value.
    return all(type(item) in _PLAIN_SCALARS or _orjson_plain(item) for item in items)


def github_escape(text: str, is_property: bool = False) -> str:
    """GitHub workflow-command escaping: %, CR, LF; and : , in properties.

    Control characters are escaped first (an ESC would colour the log).
    """
    text = _UNSAFE_RE.sub(lambda m: m.group() if m.group() in "\r\n" else _escape(m), text)
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if is_property:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


ESCAPE_ERRORS = "moci-vocab-escape"


def _escape_unencodable(exc: UnicodeError) -> tuple[str, int]:
    """The characters a stream cannot encode as JSON escapes (``\\u10d0``; a surrogate
    pair above U+FFFF), valid inside a JSON string and readable in text."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    escaped = []
    for char in exc.object[exc.start : exc.end]:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            escaped.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            escaped.append(f"\\u{code:04x}")
    return "".join(escaped), exc.end


def escape_what_stdout_cannot_encode() -> None:
    """On a stdout that is not UTF-8 (``PYTHONIOENCODING=latin-1``, an ASCII locale), write
    what it cannot encode as ``\\uXXXX`` escapes rather than fail half-way through."""
    import codecs
    import sys

    stream = sys.stdout
    encoding = getattr(stream, "encoding", None)
    if not isinstance(encoding, str) or not hasattr(stream, "reconfigure"):
        return  # not a text stream of the interpreter's (a test's capture, a redirect)
    try:
        if codecs.lookup(encoding).name.startswith("utf-"):
            return  # encodes every character: its error handler stays as it is
    except LookupError:
        return
    try:
        codecs.lookup_error(ESCAPE_ERRORS)
    except LookupError:
        codecs.register_error(ESCAPE_ERRORS, _escape_unencodable)
    stream.reconfigure(errors=ESCAPE_ERRORS)
