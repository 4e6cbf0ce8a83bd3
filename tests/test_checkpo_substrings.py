"""`substrings.found_in`: which of many strings a long text holds, in one pass, exactly as
``pattern in text`` says of each."""

from __future__ import annotations

import time

from conftest import examples
from hypothesis import example, given, settings
from hypothesis import strategies as st

from moci_vocab.checkpo import substrings
from moci_vocab.checkpo.substrings import found_in

# letters of one, two, three and four UTF-8 bytes, a lone surrogate, a space
_letter = st.sampled_from(["a", "b", "é", "ա", "😀", "\ud800", " "])
_texts = st.lists(_letter, max_size=60).map("".join)


@settings(max_examples=examples(500), deadline=None)
@given(_texts, st.lists(st.lists(_letter, max_size=5).map("".join), max_size=12), st.data())
@example("ab" * 40, ["ab", "ba", "", "bab"], None)
def test_found_in_is_in_for_each_pattern(text, patterns, data):
    if data is not None and text:  # a piece of the text too (found for sure)
        start = data.draw(st.integers(0, len(text) - 1))
        patterns = [*patterns, text[start : start + data.draw(st.integers(1, 8))]]
    assert found_in(text, patterns) == {pattern for pattern in patterns if pattern in text}


def test_found_in_across_pieces(monkeypatch):
    # Occurrences across the pieces' bounds are found (each piece runs on by the longest
    # pattern's bytes less one), a pattern found is taken out before the next piece.
    monkeypatch.setattr(substrings, "_PIECE", 7)
    text = "xxxxxabcdefgxx😀yyyyyyyyyy😀zz"
    patterns = ["abcdefg", "xx😀y", "y😀z", "😀zz", "q", "xxxxxa", "zz"]
    assert found_in(text, patterns) == {p for p in patterns if p in text}


def test_patterns_that_end_inside_one_another_are_found_in_bounded_time():
    # a, aa, aaa … in a million a's: every pattern ends at every place; each is reported
    # in one piece only, then taken out.
    started = time.process_time()
    assert found_in("a" * 1_000_000, ["a" * k for k in range(1, 201)]) == {
        "a" * k for k in range(1, 201)
    }
    assert time.process_time() - started < 2


def test_the_automaton_is_built_a_few_times_when_patterns_are_found_one_by_one(monkeypatch):
    # One new term in every piece of a long text (the review's 2,000 Georgian terms, one
    # every 4 KB of 1 MB): a build after every piece with a new hit cost (text / 4 KB) builds
    # of all the terms, 48 s for terms of 200 letters against 0.1 s for `in` of each. Now a
    # build when half of the automaton's patterns are found: log2(patterns) builds at most.
    builds = []
    automaton = substrings._automaton

    def counted(keys):
        builds.append(len(keys))
        return automaton(keys)

    monkeypatch.setattr(substrings, "_automaton", counted)
    terms = [f"{n:04}" + "ბ" * 30 for n in range(300)]
    text = "".join("კი " * 450 + term + " " for term in terms)
    assert found_in(text, terms) == set(terms)
    assert len(builds) <= 10  # (238 on the old code: one per piece with a new hit)
