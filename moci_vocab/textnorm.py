"""Text normalisation shared by matching, checks and the store.

NFC is the stored form. Matching compares *casefolded* text (never
``lower()``: casefold knows German ß, Greek final sigma, Cherokee ...), and
the search index also folds away diacritics. Folding diacritics is only for
finding things: Albanian ë and ç are letters, so the store never folds.
"""

from __future__ import annotations

import unicodedata

_SPACE_LIKE = {"\u00a0", "\u2007", "\u202f", "\u2009", "\u200a", "\u3000"}
# Letters that do not decompose under NFD but that a searcher types without
# the stroke or in another shape.
_EXTRA_FOLD = str.maketrans({"đ": "d", "ħ": "h", "ł": "l", "ø": "o", "ı": "i", "ə": "e", "ß": "ss"})


def nfc(text: str) -> str:
    """The text in Unicode normalisation form C."""
    return unicodedata.normalize("NFC", text)


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


def match_key(text: str) -> str:
    """Case-insensitive comparison key: NFC, casefolded, spaces collapsed."""
    return " ".join(nfc(text).casefold().split())


def strip_diacritics(text: str) -> str:
    """Remove combining marks (ë → e, ç → c, š → s). For search keys only."""
    decomposed = unicodedata.normalize("NFD", text)
    base = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", base)


def fold(text: str) -> str:
    """Search key: casefolded, without diacritics, hyphens read as spaces."""
    folded = strip_diacritics(match_key(text)).translate(_EXTRA_FOLD)
    return " ".join(folded.replace("-", " ").replace("\u2010", " ").split())


def clean_spaces(text: str) -> str:
    """Single ASCII spaces, no leading or trailing space (for user input)."""
    for ch in _SPACE_LIKE:
        text = text.replace(ch, " ")
    lines = [" ".join(line.split()) for line in text.strip().splitlines()]
    return "\n".join(lines)
