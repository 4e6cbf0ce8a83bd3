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
# after each, so that no occurrence is cut): a pattern found is taken out of the automaton
# before the next piece. Overlapping matches are all reported, so patterns that end inside
# one another (a, aa, aaa … in a run of a's) could make many matches per byte; each pattern
# is reported in one piece at most, so the matches are at most patterns × _PIECE.
_PIECE = 4096


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
    left = {pattern.encode("utf-8", "surrogatepass"): pattern for pattern in wanted}
    keys = list(left)
    automaton = _automaton(keys)
    overlap = max(map(len, keys)) - 1
    for start in range(0, len(data), _PIECE):
        piece = data[start : start + _PIECE + overlap]
        hits = {index for index, _start, _end in automaton.find_matches_as_indexes(piece, True)}
        if not hits:
            continue
        for index in hits:
            found.add(left.pop(keys[index]))
        if not left:
            break
        keys = list(left)
        automaton = _automaton(keys)
        overlap = max(map(len, keys)) - 1
    return found


def _automaton(keys: list[bytes]):
    """The automaton of the patterns' bytes: a contiguous NFA, built in linear time (the
    DFA that ahocorasick_rs picks for few patterns builds in time that grows with their
    bytes times their byte classes: 100 terms of 200 four-byte letters, 1.2 s)."""
    import ahocorasick_rs

    nfa = ahocorasick_rs.Implementation.ContiguousNFA
    return ahocorasick_rs.BytesAhoCorasick(keys, implementation=nfa)
