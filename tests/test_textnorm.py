"""textnorm's search folding: its fast paths (ASCII, translate tables) keep the definitions."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from moci_vocab.textnorm import _EXTRA_FOLD, fold, match_key, strip_diacritics

# Marks of every kind: combining class 230 (U+0301), a nonspacing mark of class 0 (U+0900,
# kept), a spacing mark of class 216 (U+1D165, removed), an enclosing mark (U+20DD, kept).
MARKS = ["\u0301", "\u0900", "\U0001d165", "\u20dd"]
texts = st.text(max_size=30) | st.text(
    alphabet=st.sampled_from([*"aAëĐ ß-\u2010\u00a0\x85İ", *MARKS]), max_size=30
)


def _strip_by_definition(text: str) -> str:
    """NFD, every combining mark removed, NFC (the docstring's definition)."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )


@given(texts)
def test_strip_diacritics_removes_exactly_the_combining_marks(text: str) -> None:
    assert strip_diacritics(text) == _strip_by_definition(text)


@given(texts)
def test_fold_is_casefolded_stripped_and_hyphens_are_spaces(text: str) -> None:
    folded = _strip_by_definition(match_key(text)).translate(_EXTRA_FOLD)
    expected = " ".join(folded.replace("-", " ").replace("\u2010", " ").split())
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("  Co-Creation\tHUB ", "co creation hub"),  # the ASCII path
        ("Shoqëri-civile", "shoqeri civile"),
        ("Đurđevdan", "durdevdan"),
        ("STRAẞE", "strasse"),
        ("Ευρώπη", "ευρωπη"),
    ],
)
def test_fold_examples(text: str, key: str) -> None:
    assert fold(text) == key
