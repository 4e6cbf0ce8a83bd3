"""Which of many strings occur in one long text, found in one pass over it.

A rule that asks ``word in text`` once per missing term reads a long translation
again for each: a pull request's 1 MB translation and 2,000 missing terms are
2,000 scans of a megabyte. `found_in` answers every ``word in text`` of a text at
once, with an Aho-Corasick automaton (``ahocorasick_rs``) over the text's UTF-8.
Only for a long text: a short one is scanned by ``in`` as before.
"""

from __future__ import annotations

from collections.abc import Iterable

# The text is read in pieces of this many bytes (and the longest pattern's bytes less one
# after each, so that no occurrence is cut). Overlapping matches are all reported, and a
# pattern found stays in the automaton until it is rebuilt: when half of its patterns are
# found (so at most log2(patterns) builds, each linear in the patterns' bytes: a build per
# piece with a new hit cost 1 MB / 4 KB builds of all the terms, 48 s for 2,000 terms of
# 200 letters), or when a piece made more than _DENSE matches per byte (patterns that end
# inside one another, a, aa, aaa … in a run of a's, match at every byte: found ones are
# then taken out at once).
_PIECE = 4096
_DENSE = 4


def found_in(text: str, patterns: Iterable[str]) -> set[str]:
    """The patterns that are substrings of ``text`` (``pattern in text`` of each, the empty
    one too), found in one pass."""
    wanted = set(patterns)
    found = {""} if "" in wanted else set()
    wanted.discard("")
    if not wanted:
        return found
    # (UTF-8 keeps substrings: no character's bytes start inside another's; a lone
    # surrogate, of a text that was not UTF-8, is written as its three bytes on both sides)
    data = text.encode("utf-8", "surrogatepass")
    names = list(wanted)
    keys = [name.encode("utf-8", "surrogatepass") for name in names]
    automaton = _automaton(keys)
    overlap = max(map(len, keys)) - 1
    done = [False] * len(keys)  # the automaton's patterns found
    stale = 0  # how many of them
    for start in range(0, len(data), _PIECE):
        hits = automaton.find_matches_as_indexes(data[start : start + _PIECE + overlap], True)
        if not hits:
            continue
        for index, _start, _end in hits:
            if not done[index]:
                done[index] = True
                stale += 1
                found.add(names[index])
        if stale == len(keys):
            break
        if stale * 2 >= len(keys) or len(hits) > _DENSE * _PIECE:
            left = [at for at, known in enumerate(done) if not known]
            names, keys = [names[at] for at in left], [keys[at] for at in left]
            automaton = _automaton(keys)
            overlap = max(map(len, keys)) - 1
            done, stale = [False] * len(keys), 0
    return found


def _automaton(keys: list[bytes]):
    """The automaton of the patterns' bytes: a contiguous NFA, built in linear time (the
    DFA that ahocorasick_rs picks for few patterns builds in time that grows with their
    bytes times their byte classes: 100 terms of 200 four-byte letters, 1.2 s)."""
    import ahocorasick_rs

    nfa = ahocorasick_rs.Implementation.ContiguousNFA
    return ahocorasick_rs.BytesAhoCorasick(keys, implementation=nfa)
