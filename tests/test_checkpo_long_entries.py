"""check-po on one long entry (a pull request's catalog: 1 MB in one msgid or msgstr)
against many missing terms: each long text is read once, not once per missing term."""

from __future__ import annotations

import time

from conftest import examples
from hypothesis import example, given, settings
from hypothesis import strategies as st

from moci_vocab.checkpo import verbal
from moci_vocab.checkpo.verbal import _Long, _own_participle, word_ends


def _word_ends_before(text: str, word: str) -> list[int]:
    """`word_ends` as it was: one character on after every hit inside a longer word."""
    size, last = len(word), verbal._word_char(word[-1])
    found, at = [], text.find(word)
    while at >= 0:
        end = at + size
        if (
            (end == len(text) or not verbal._word_char(text[end]))
            if last
            else end < len(text) and verbal._word_char(text[end])
        ):
            found.append(at)
            at = text.find(word, end)
        else:
            at = text.find(word, at + 1)
    return found


_piece = st.sampled_from(["a", "aa", "b", "ab", "ed", "en", "_", "1", "²", "é", "ß", " ", ".", "-"])
_texts = st.lists(_piece, max_size=40).map("".join)
_words = st.lists(st.sampled_from(["a", "aa", "aaa", "ab", "ba", "abed", "aben", "é"]), min_size=1)


@settings(max_examples=examples(400), deadline=None)
@given(_texts, _words)
@example("a" * 30 + " " + "ab" * 20 + "a_" * 12 + "abed²aben aa", ["a", "aa", "ab", "ba", "abed"])
def test_a_long_text_is_read_once_with_the_same_result(text, words):
    # The index of a long msgid, the participles found by bisection and the skip inside a
    # longer word give what the search of every word, one by one, gave.
    long = _Long(text, frozenset(words))
    for word in words:
        before = _word_ends_before(text, word)
        assert list(word_ends(text, word)) == before
        assert long.ends(word) == before
        assert long.own_participle(word) == _own_participle(text, word)


def test_word_ends_skips_a_long_word_at_once():
    # "aa" in a run of a million a's: each character of the run was a loop in Python
    # (50 such nouns: 12 s of CPU in one check-po run)
    text = "a" * 1_000_000 + " aa"
    started = time.process_time()
    for size in range(2, 22):
        found = list(word_ends(text, "a" * size))
        assert found == [1_000_000 - size, *([1_000_001] if size == 2 else [])]
    assert time.process_time() - started < 0.5
