"""A catalog's own conventions for compounds: missing terms that are not inconsistencies.

"Image file" → Albanian *figurë*, "word wrap" → *në krye automatikisht*: the
translator renders an English compound (the term next to another content word)
by the translation of that other word alone. When a catalog does so in every
entry with the compound (at least two), and all the words those translations
share are the catalog's usual rendering of the other word, the missing term is
the catalog's convention, not an inconsistency, and is not reported.

Kept: a compound whose translations share any other word (a substitute: *desktop
view* → *paraqitja si desktop*, *custom emblem* → *emblemë e personalizuar*), a
compound found only once, a compound also translated with the term somewhere,
every concept the catalog leaves out more often than it uses it, and a compound whose
shared word the catalog also says for the term without the other word (a synonym of the
term: evolution's Albanian "assigned task" as *detyrë*, task, beside *aktivitet*).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import filterfalse, islice

from moci_vocab.checkpo.source_match import NAME_MARK, SourceMatcher, automaton, text_ends
from moci_vocab.checkpo.target_match import lowered, words_of

# English words that do not make a compound with a term (the file, of files, is open…).
_FUNCTION_TEXT = (
    "the a an this these those your my our their his her its it them me us you him he she "
    "we they all any some every each another no not of in on at to for from with by as into "
    "onto over under about after before than then and or but nor if is are was were be been "
    "being has have had do does did can will please must may should could would cannot "
    "shall might let lets which that what who whom whose when where while how there here"
)
_FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())
# NAME_MARK's byte, looked for as a value: `bytes in bytes` formats and drops a TypeError.
_NAME_BYTE = ord(NAME_MARK)
# Shared words shorter than this say nothing (articles, connectors, case endings).
_MIN_WORD = 4
_ENGLISH_WORD = re.compile(r"[a-z]+")
# Bytes of a casefolded msgid as `_Catalog.entries_with` reads them: a word is a run of
# a-z (every other character, each byte of a non-ASCII one too, is a space); NUL ends a msgid.
_LETTERS = bytes(b if 97 <= b <= 122 or b == 0 else 32 for b in range(256))
_BLOCK = 1024  # msgids searched at a time
_SAMPLE = 40  # entries enough to tell an English word's usual rendering
_STEM = 5  # words are compared by their first letters (inflected forms of one word)
# A stem in this share (1/n) of the translations of the entries with the term alone says
# the term: a synonym of it, no convention.
_SYNONYM_SHARE = 4


def _content_words(low: str) -> set[str]:
    """The stems (first _STEM letters) of a translation's words of at least _MIN_WORD
    letters, long enough to carry meaning (``low``: the translation prepared,
    `target_match.lowered`; a word: a run of letters and digits, `target_match.words_of`,
    which splits a Latin-1 text without a regular expression: ~330 instructions a
    character for its Unicode classes, 3% of the real 15.8k-entry case's check)."""
    return {word[:_STEM] for word in words_of(low) if len(word) >= _MIN_WORD}


def _neighbours(key: bytes, start: int, end: int) -> list[tuple[str, str]]:
    """The content words right before and after a hit: [("<", word), (">", word)]."""
    found = []
    # (the last word before and the first after, without splitting the rest)
    before = key[:start].rsplit(None, 1)[-1:]
    after = key[end:].split(None, 1)[:1]
    for side, words in (("<", before), (">", after)):
        if not words:
            continue
        word = words[0]
        if len(word) < 3 or not word.isalpha() or _NAME_BYTE in word:
            continue
        text = word.decode("ascii")
        if text not in _FUNCTION_WORDS:
            found.append((side, _singular(text)))
    return found


def conventional_misses(
    matcher: SourceMatcher,
    msgids: list[str],
    translation: Callable[[int], str],
    owners: list[int],
    uses: dict[int, int],
    missing: dict[int, list[int]],
    checked: Callable[[int], bool],
    lows: Callable[[int], str | None] | None = None,
) -> set[tuple[int, int]]:
    """(entry, concept) of the missing terms that are the catalog's compound conventions.

    ``uses``: concept → how many checked entries have it in their msgid; ``missing``:
    concept → those without the term in the translation; ``owners``: pattern index →
    concept; ``checked``: whether an entry was checked (not fuzzy or untranslated);
    ``lows``: an entry's translation already prepared (`lowered`), or None if not known.
    """
    catalog = _Catalog(matcher, msgids, translation, owners, lows)
    dropped: set[tuple[int, int]] = set()
    wanted = {
        concept: flagged
        for concept, flagged in missing.items()
        if len(flagged) >= 2 and 2 * len(flagged) <= uses.get(concept, 0)
    }  # not a concept the catalog mostly leaves out: it has no convention to tell
    catalog.find_terms(sorted({e for flagged in wanted.values() for e in flagged}))
    # Each concept's compounds found twice or more; the English words asked about are
    # among theirs and those of the first msgid of each (the words all of them share).
    found: list[tuple[int, set[int], tuple[str, str], list[int]]] = []
    asked: set[str] = set()
    for concept, flagged in wanted.items():
        groups: dict[tuple[str, str], list[int]] = {}
        for entry in flagged:
            for compound in catalog.compounds(entry, concept):
                groups.setdefault(compound, []).append(entry)
        flagged_set = set(flagged)
        for compound, group in groups.items():
            if len(group) >= 2:
                found.append((concept, flagged_set, compound, group))
                # (`is_convention` asks about these: the compound's word and ``others``.)
                asked.add(compound[1])
                asked.update(catalog.common_words(group) - _FUNCTION_WORDS)
                asked.update(catalog.term_words(group[0], concept))
    catalog.asked = asked
    for concept, flagged_set, compound, group in found:
        if catalog.is_convention(compound, group, concept, flagged_set, checked):
            dropped.update((e, concept) for e in group)
    return dropped


class _Catalog:
    """What the rule asks of a catalog's entries, each worked out once."""

    def __init__(self, matcher, msgids, translation, owners, lows=None):
        self.matcher = matcher
        self.msgids = msgids
        self.translation = translation
        self.owners = owners
        self.lows = lows  # an entry's translation prepared, None if not known
        self.hits: dict[int, tuple[bytes, list]] = {}
        self.words: dict[int, set[str]] = {}
        self.having: dict[str, list[int]] = {}
        self.english: dict[int, set[str]] = {}  # entry → `_msgid_words` of its msgid
        self.folded: list[str] | None = None
        self.index: dict[str, list[int]] = {}  # word → entries
        self.indexed: set[str] = set()  # the words the index has looked for
        # The words `entries_with` may be asked about (None: any): the index is made for
        # these (and their plurals) at once; another word is looked up when asked.
        self.asked: set[str] | None = None

    def find_terms(self, entries: list[int]) -> None:
        """Find the terms of these entries' msgids, all in one pass."""
        entries = [e for e in entries if e not in self.hits]
        texts = [self.msgids[e] for e in entries]
        # Each text's part of the joined key: the hits' offsets are relative to it.
        keys, found = self.matcher.find_keyed(texts)
        for entry, key, hits in zip(entries, keys, found, strict=True):
            self.hits[entry] = (key, hits)

    def term_hit(self, entry: int, concept: int) -> tuple[bytes, int, int] | None:
        """The key of the msgid and the concept's hit in it; None unless exactly one."""
        if entry not in self.hits:
            self.find_terms([entry])
        key, hits = self.hits[entry]
        mine = [h for h in hits if self.owners[h[0]] == concept]
        if len(mine) != 1:
            return None  # the term twice (or not found alone): says nothing about a compound
        return key, mine[0][1], mine[0][2]

    def compounds(self, entry: int, concept: int) -> list[tuple[str, str]]:
        """The compounds of the concept's one hit in the msgid (none if not one hit)."""
        hit = self.term_hit(entry, concept)
        return _neighbours(*hit) if hit else []

    def entries_with(self, word: str) -> list[int]:
        """The entries whose msgid has the English word (or its plural), in order."""
        found = self.having.get(word)
        if found is None:
            if word not in self.indexed or word + "s" not in self.indexed:
                asked = self.asked if self.asked is not None and not self.indexed else ()
                self._index_words({*asked, word})
            index = self.index
            found = sorted({*index.get(word, ()), *index.get(word + "s", ())})
            self.having[word] = found
        return found

    def _index_words(self, words: Iterable[str]) -> None:
        """Add these English words and their plurals to the index (word → entries)."""
        wanted = {*words, *(word + "s" for word in words)} - self.indexed
        self.indexed.update(wanted)
        if self.folded is None:
            self.folded = _casefolded(self.msgids)
        # Only a run of a-z can be found, each as " word ": one pass of an automaton over
        # the msgids, _BLOCK at a time (all of a big catalog at once: +60 MB on 205,400).
        patterns = sorted(w for w in wanted if w.isascii() and w.isalpha() and w.islower())
        if not patterns:
            return
        # (daachorse's automaton where it is installed, as the source matcher's: one
        # library less to load on most runs; ahocorasick_rs's else)
        finder = automaton([f" {w} ".encode() for w in patterns], longest=False)
        having = [self.index.setdefault(word, []) for word in patterns]
        last = [-1] * len(patterns)  # the last entry of each word's list
        folded = self.folded
        for first in range(0, len(folded), _BLOCK):
            texts = folded[first : first + _BLOCK]
            block = "\x00".join(texts)
            if block.count("\x00") != len(texts) - 1:  # a msgid holds a NUL (PO's \0)
                block = "\x00".join(m.replace("\x00", " ") for m in texts)
            data = block.encode("utf-8").translate(_LETTERS).replace(b"\x00", b" \x00 ")
            data = b" " + data + b" "
            ends = text_ends(data)
            entry, bound = first, ends[0]
            for start, _end, pattern in finder.find_overlapping(data):
                while start >= bound:  # past the msgid's end: the next one (hits by end)
                    entry += 1
                    bound = ends[entry - first]
                if last[pattern] != entry:
                    last[pattern] = entry
                    having[pattern].append(entry)

    def content(self, entry: int) -> set[str]:
        """The stems of the content words of an entry's translation."""
        got = self.words.get(entry)
        if got is None:
            self.prepare([entry])
            got = self.words[entry]
        return got

    def prepare(self, entries: list[int]) -> None:
        """Find the content words of these entries' translations (those not known yet) in
        one batch."""
        words, known = self.words, self.lows
        new = [e for e in dict.fromkeys(entries) if e not in words]
        if known is not None:
            for entry in new:
                low = known(entry)
                if low is not None:
                    words[entry] = _content_words(low)
            new = [e for e in new if e not in words]
        if new:
            lows = lowered([self.translation(e) for e in new])
            for entry, low in zip(new, lows, strict=True):
                words[entry] = _content_words(low)

    def is_convention(self, compound, group, concept, flagged, checked) -> bool:
        """Is every entry with the compound without the term, all rendered alike by the
        translation of the compound's other words?"""
        self.prepare(group)
        shared = set.intersection(*(self.content(e) for e in group))
        if not shared:
            return False  # no one rendering of the compound
        word = compound[1]
        key, start, end = self.term_hit(group[0], concept)
        term_text = key[start:end].decode("utf-8").strip()
        term_words = _msgid_words(term_text)
        having = self.entries_with(word)
        folded = self.folded or []  # made by entries_with
        others = [
            e for e in having if e not in flagged and term_text[:4] in folded[e] and checked(e)
        ]
        self.find_terms(others)
        if any(compound in self.compounds(entry, concept) for entry in others):
            return False  # the compound is also translated with the term
        others = sorted(self.common_words(group) - _FUNCTION_WORDS - term_words - {word})
        inside = set(group)
        # A shared stem that the catalog also says for the term without the other word is a
        # synonym of the term, no rendering of the other word (evolution's Albanian "assigned
        # task" as detyrë, task, beside the glossary's aktivitet: detyr- in 68 of its 154
        # entries with "task"; every other entry with "assigned" says "assigned you a task",
        # detyrë too, which made detyrë the rendering of "assigned").
        alone = self.alone(term_words, inside, word)
        if any(self.said_in(stem, alone, _SYNONYM_SHARE) for stem in shared):
            return False
        return all(any(self.renders(stem, w, inside) for w in [word, *others]) for stem in shared)

    def term_words(self, entry: int, concept: int) -> set[str]:
        """The content words of the concept's term as the entry's msgid says it."""
        hit = self.term_hit(entry, concept)
        if hit is None:
            return set()
        key, start, end = hit
        return _msgid_words(key[start:end].decode("utf-8").strip()) - _FUNCTION_WORDS

    def said_in(self, stem: str, entries: list[int], share: int) -> bool:
        """Is the stem in at least 1/``share`` of the translations of the first _SAMPLE of
        these entries (and there are some)?"""
        entries = entries[:_SAMPLE]  # (the first _SAMPLE only: a common word's are not all read)
        self.prepare(entries)
        having = sum(1 for e in entries if stem in self.content(e))
        return bool(entries) and share * having >= len(entries)

    def alone(self, words: set[str], inside: set[int], word: str) -> list[int]:
        """The first _SAMPLE entries whose msgid has every one of these English words (the
        term's) and not ``word``, outside ``inside``, in order (none without words). Read
        from the rarest word's entries on, not made as sets: a common term is in thousands."""
        if not words:
            return []
        lists = sorted((self.entries_with(w) for w in words), key=len)
        others = [set(found) for found in lists[1:]]  # (a term of several words)
        out = set(self.entries_with(word)) | inside
        kept = (e for e in lists[0] if e not in out and all(e in o for o in others))
        return list(islice(kept, _SAMPLE))

    def common_words(self, group: list[int]) -> set[str]:
        """The English words all the group's msgids have (as `_msgid_words`)."""
        english = self.english
        for entry in group:
            if entry not in english:
                english[entry] = _msgid_words(self.msgids[entry].casefold())
        return set.intersection(*(english[e] for e in group))

    def renders(self, stem: str, word: str, inside: set[int]) -> bool:
        """Is the stem the word's rendering: in at least half of the translations of the
        entries outside the group that have the word (and there are some; the first
        _SAMPLE of them)?"""
        # (the first _SAMPLE only: a common word's entries are not all read)
        entries = list(islice(filterfalse(inside.__contains__, self.entries_with(word)), _SAMPLE))
        return self.said_in(stem, entries, 2)


def _singular(word: str) -> str:
    """A rough singular, enough to group an English word's forms (files → file)."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


def _casefolded(texts: list[str]) -> list[str]:
    """Each text casefolded, one by one (one non-ASCII text in a string of many makes
    casefold go letter by letter through all of them; an ASCII one has a fast path)."""
    return list(map(str.casefold, texts))


def _msgid_words(msgid: str) -> set[str]:
    """The casefolded words of a msgid, plurals as their singular (files → file)."""
    return {_singular(word) for word in _ENGLISH_WORD.findall(msgid.casefold())}
