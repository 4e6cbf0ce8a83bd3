"""MV2xx: Unicode normal form, spaces and typography of every text field.

The loader normalises text to NFC as it reads, so NFC is checked on the raw
bytes of the files (one read each; an ASCII file is NFC by definition). The
other rules look at each text once through one combined pattern, and only a
text that matches it is examined in detail: clean text costs one regex scan.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from moci_vocab.checks.context import Context, quote
from moci_vocab.model import Concept

# Controls, odd spaces, invisible characters, and every bidirectional control (marks,
# embeddings, overrides, isolates: they reorder what a reader sees, "Trojan Source").
_ODD = (
    r"\x00-\x08\x0b-\x1f\x7f-\x9f\u00a0\u00ad\u061c\u1680\u180e\u2000-\u200f"
    r"\u2028-\u202f\u205f-\u2069\u3000\ufeff"
)
_ODD_CHARS = re.compile(f"[{_ODD}]")
# Anything that might be a problem; a text without a match is clean.
_SUSPECT = re.compile(r"^\s|\s$|  |\s[,;:!?]|\s\.(?![.\d])|[()\[\]{}\"«»]" + f"|[\\x09\\n{_ODD}]")
_TERM_END = re.compile(r"[,;:.]\s*$")
_SPACE_BEFORE_PUNCT = re.compile(r"\s([,;:!?]|\.(?![.\d]))")
_TRAILING_PUNCT = ",;:."
_PAIRS = {")": "(", "]": "[", "}": "{"}
# Field names as a person reads them in a message.
_MULTILINE_FIELDS = {"definition", "note", "context"}


def check(ctx: Context) -> None:
    """Report text not in NFC, odd spaces, invisible characters, bad typography (MV2xx)."""
    _check_raw_files(ctx)
    for concept in ctx.concepts():
        for text, at, lang, term in _texts(concept):
            if _SUSPECT.search(text) or (at[-1] == "term" and _TERM_END.search(text)):
                _examine(ctx, concept, text, at, lang, term)


def _texts(concept: Concept) -> Iterator[tuple[str, tuple, str, str | None]]:
    """(text, key path, language, term text when it is about a term) of every text field."""
    for field in ("definition", "note"):
        for lang, text in getattr(concept, field).items():
            yield text, (field, lang), lang, None
    for lang, terms in concept.terms.items():
        for i, term in enumerate(terms):
            at = ("terms", lang, i)
            yield term.term, (*at, "term"), lang, term.term
            for j, form in enumerate(term.forms):
                yield form, (*at, "forms", j), lang, term.term
            for key in ("context", "note", "source"):
                value = getattr(term, key)
                if value:
                    yield value, (*at, key), lang, term.term


def _field(at: tuple) -> str:
    named = [part for part in at if isinstance(part, str)]
    return named[-1] if at[0] == "terms" else at[0]


def _examine(ctx: Context, concept: Concept, text: str, at: tuple, lang: str, term) -> None:
    field = _field(at)
    what = f"{field} {quote(text)}" if field != "term" else f"term {quote(text)}"

    def add(code: str, message: str) -> None:
        ctx.add(code, concept.id, f"{what}: {message}", lang=lang, at=at, term=term)

    multiline = field in _MULTILINE_FIELDS
    if text != text.strip():
        add("MV202", "remove the space at its start or end")
    lines = text.split("\n") if multiline else [text]
    if any("  " in line.strip() for line in lines):
        add("MV203", "has a double space; use a single one")
    odd = _ODD_CHARS.search(text) or (None if multiline else re.search("\n", text))
    if odd:
        ch = odd.group()
        add(
            "MV204",
            f"has {_char_name(ch)}; use a plain space or remove it",
        )
    abbreviation = text.endswith(".") and _term_type(concept, lang, term) == "abbreviation"
    if field in ("term", "forms") and text.rstrip()[-1:] in _TRAILING_PUNCT and not abbreviation:
        add("MV205", f"ends with {text.rstrip()[-1]!r}; a term carries no punctuation")
    spaced = _SPACE_BEFORE_PUNCT.search(text)
    if spaced:
        add("MV206", f"has a space before {spaced.group(1)!r}; remove it")
    unbalanced = _unbalanced(text)
    if unbalanced:
        add("MV207", f"has an unbalanced {unbalanced!r}; close or remove it")


def _term_type(concept: Concept, lang: str, text: str | None) -> str | None:
    for term in concept.terms.get(lang, ()):
        if term.term == text:
            return term.type
    return None


def _char_name(ch: str) -> str:
    name = unicodedata.name(ch, None)
    if ch == "\t":
        name = "TAB"
    elif ch == "\n":
        name = "LINE BREAK"
    return f"U+{ord(ch):04X} {name}" if name else f"U+{ord(ch):04X}"


def _unbalanced(text: str) -> str | None:
    """The first bracket or quote without its partner, or None."""
    stack: list[str] = []
    for ch in text:
        if ch in "([{":
            stack.append(ch)
        elif ch in _PAIRS:
            if not stack or stack[-1] != _PAIRS[ch]:
                return ch
            stack.pop()
    if stack:
        return stack[-1]
    if text.count('"') % 2:
        return '"'
    if text.count("«") != text.count("»"):
        return "«" if text.count("«") > text.count("»") else "»"
    return None


# --------------------------------------------------------------------------- NFC on raw bytes


def _check_raw_files(ctx: Context) -> None:
    from moci_vocab.errors import MociError
    from moci_vocab.fsutil import read_regular_file
    from moci_vocab.store import TERMS, manifest_path
    from moci_vocab.yamlio import MAX_FILE_BYTES

    # Plain strings, not Path objects: this loop runs once per concept file.
    for name in [str(manifest_path(ctx.root)), *_yaml_files(os.path.join(ctx.root, TERMS))]:
        try:
            raw = read_regular_file(name, MAX_FILE_BYTES)
        except MociError:
            continue  # the loader reported it
        if raw.isascii():
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue  # the loader reported it (MV001)
        if not unicodedata.is_normalized("NFC", text):
            _report_nfc(ctx, Path(name), text.removeprefix("\ufeff"))


def _yaml_files(folder: str) -> list[str]:
    """The concept files, listed without a stat per file (the loader lists them too)."""
    try:
        with os.scandir(folder) as entries:
            return [
                entry.path
                for entry in entries
                if entry.name.endswith((".yaml", ".yml")) and entry.is_file()
            ]
    except OSError:
        return []


def _report_nfc(ctx: Context, path: Path, text: str) -> None:
    is_concept = path.parent.name == "terms"
    langs = _line_languages(path) if is_concept else {}
    for number, line in enumerate(text.split("\n"), start=1):
        if unicodedata.is_normalized("NFC", line):
            continue
        first = _first_not_nfc(line)
        composed = unicodedata.normalize("NFC", line[max(0, first - 1) : first + 1])
        ctx.add(
            "MV201",
            path.stem if is_concept else None,
            f"line is not in Unicode NFC (decomposed {composed!r}); run `moci-vocab fmt` to "
            "normalise the file",
            lang=langs.get(number),
            file=str(path),
            line=number,
        )


def _first_not_nfc(line: str) -> int:
    """The least ``i`` such that ``line[: i + 1]`` is not in NFC (``line`` is not): a binary
    search, since a prefix that is not in NFC stays so when it is extended. (Trying every
    prefix was quadratic: a definition of 400,000 characters with a decomposed é at its end
    took `check` 23 s, a 10 MB one from a pull request hours.)"""
    low, high = 0, len(line) - 1
    while low < high:
        middle = (low + high) // 2
        if unicodedata.is_normalized("NFC", line[: middle + 1]):
            low = middle + 1
        else:
            high = middle
    return low


def _line_languages(path: Path) -> dict[int, str]:
    """line → language of the field on that line (for messages about raw lines)."""
    from moci_vocab.errors import MociError
    from moci_vocab.yamlio import read_yaml

    try:
        doc = read_yaml(path)
    except MociError:
        return {}
    starts = sorted(
        (line, keys[1])
        for keys, line in doc.lines.items()
        if len(keys) >= 2 and keys[0] in ("terms", "definition", "note")
    )
    result: dict[int, str] = {}
    for (line, lang), nxt in zip(starts, [*starts[1:], (10**9, None)], strict=True):
        for number in range(line, min(nxt[0], line + 200)):
            result.setdefault(number, lang)
    return result
