"""Text normalisation shared by matching, checks and the store.

NFC is the stored form. Matching compares *casefolded* text (never
``lower()``: casefold knows German ß, Greek final sigma, Cherokee ...), and
the search index also folds away diacritics. Folding diacritics is only for
finding things: Albanian ë and ç are letters, so the store never folds.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

_SPACE_LIKE = {"\u00a0", "\u2007", "\u202f", "\u2009", "\u200a", "\u3000"}
# Letters that do not decompose under NFD but that a searcher types without
# the stroke or in another shape.
_EXTRA_FOLD = str.maketrans({"đ": "d", "ħ": "h", "ł": "l", "ø": "o", "ı": "i", "ə": "e", "ß": "ss"})


def nfc(text: str) -> str:
    """The text in Unicode normalisation form C."""
    return unicodedata.normalize("NFC", text)


def is_nfc(text: str) -> bool:
    """Whether ``text`` is in Unicode NFC."""
    return unicodedata.is_normalized("NFC", text)


def match_key(text: str) -> str:
    """Case-insensitive comparison key: NFC, casefolded, spaces collapsed."""
    return " ".join(nfc(text).casefold().split())


class CharTable(dict):
    """A ``str.translate`` table filled on first sight of each character with ``convert(ch)``.

    For conversions that need no context: one ``translate`` then does at C speed what a
    Python loop per character did (a fifth of the time of a glossary's search keys). An
    exception from ``convert`` stores nothing and reaches the caller.
    """

    def __init__(self, convert: Callable[[str], str | None]) -> None:
        super().__init__()
        self.convert = convert

    def __missing__(self, cp: int) -> str | None:
        value = self[cp] = self.convert(chr(cp))
        return value


def _without_mark(ch: str) -> str | None:
    return None if unicodedata.combining(ch) else ch


_COMBINING = CharTable(_without_mark)


def strip_diacritics(text: str) -> str:
    """Remove combining marks (ë → e, ç → c, š → s). For search keys only."""
    if text.isascii():  # no marks, and NFC/NFD change nothing
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", decomposed.translate(_COMBINING))


def _fold_one(ch: str) -> str | None:
    """``fold``'s per-character steps: marks removed, ``_EXTRA_FOLD``, hyphens as spaces."""
    if unicodedata.combining(ch):
        return None
    return ch.translate(_EXTRA_FOLD).replace("-", " ").replace("\u2010", " ")


_FOLD = CharTable(_fold_one)


def fold(text: str) -> str:
    """Search key: casefolded, without diacritics, hyphens read as spaces.

    That is ``strip_diacritics(match_key(text))``, then ``_EXTRA_FOLD`` and hyphens as
    spaces; done as NFC, casefold, NFD, one table, NFC.  The table may act before the final
    NFC because nothing it writes or replaces takes part in a composition (its letters and
    hyphens have no decomposition, and no composition pairs a Latin letter with a mark of
    class 0), and the whitespace is collapsed once, at the end (tested against the steps).
    """
    if text.isascii():  # the same steps, as they come out for ASCII (no marks, no NFC change)
        return " ".join(text.casefold().replace("-", " ").split())
    decomposed = unicodedata.normalize("NFD", nfc(text).casefold())
    return " ".join(unicodedata.normalize("NFC", decomposed.translate(_FOLD)).split())


def clean_spaces(text: str) -> str:
    """Single ASCII spaces, no leading or trailing space (for user input)."""
    for ch in _SPACE_LIKE:
        text = text.replace(ch, " ")
    lines = [" ".join(line.split()) for line in text.strip().splitlines()]
    return "\n".join(lines)


def slugify(text: str) -> str:
    """ASCII slug of a name: "MOCI Shared Vocabulary" → "moci-shared-vocabulary"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-")


# Characters that no glossary text needs and that can take control of a
# terminal: C0/C1 controls except tab, newline and carriage return (ESC
# starts terminal escape sequences, and YAML lets a double-quoted string
# carry it as "\e"; U+009B is the one-byte CSI).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def control_character(text: str) -> str | None:
    """The first forbidden control character of ``text`` as U+XXXX, or None."""
    found = _CONTROL_RE.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def control_problem(text: str, what: str) -> str | None:
    """Why ``text`` (the ``what``) cannot be glossary text because of a control character."""
    control = control_character(text)
    if control is None:
        return None
    return f"{what} contains the control character {control}; remove it"
