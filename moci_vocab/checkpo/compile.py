"""The glossary compiled for `check-po`, per target language, and its cache.

Compiling means: every source term expanded into its match keys (plurals,
spellings), every target term into inflection-tolerant patterns. Loading and
compiling a large glossary costs more than checking a catalog, so the result
is cached under ``<root>/.moci-cache/checkpo-<lang>.pickle`` (signed, see
`moci_vocab.cache`), keyed on the (size, mtime, inode) of the manifest and of
every concept file, the inflection data's version and the package version:
any change to a glossary file recompiles it, so the cache is never stale.
"""

from __future__ import annotations

import pickle
from array import array
from collections.abc import Callable, Container, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from moci_vocab.checkpo.inflection import DATA_VERSION, for_language
from moci_vocab.checkpo.target_match import TargetTerm, WordSpec, compile_term
from moci_vocab.layout import MANIFEST, file_stamp, fingerprint  # not store: no YAML
from moci_vocab.records import Record

if TYPE_CHECKING:
    from moci_vocab.cache import Derived

COMPILE_FORMAT = 13
FINDING_CODES = ("MV600", "MV601", "MV602", "MV603", "MV604", "MV605", "MV606")


class Rule(Record):
    """What one concept demands of a translation into the compiled language."""

    _fields = ("concept", "source", "allowed", "bad", "do_not_translate", "ignored")

    def __init__(
        self,
        concept: str,
        source: str,
        allowed: tuple[TargetTerm, ...],
        bad: tuple[TargetTerm, ...],
        do_not_translate: bool = False,
        ignored: frozenset[str] = frozenset(),
    ) -> None:
        self.concept = concept
        self.source = source  # the preferred source term, as written
        self.allowed = allowed
        self.bad = bad  # deprecated and forbidden terms
        self.do_not_translate = do_not_translate
        self.ignored = ignored  # finding codes silenced in the concept file

    @property
    def expected(self) -> list[str]:
        """The allowed terms' texts, each once, in order: what a finding suggests."""
        seen: dict[str, None] = {}
        for term in self.allowed:
            seen.setdefault(term.text, None)
        return list(seen)


# What the checker's inline everyday test needs for one concept in one language:
# (term, bad probes). ``term`` is the first allowed term as a plain tuple (`_plain_term`;
# `TargetMatcher.find_low` reads it by position), or None when the inline test cannot
# decide (no allowed term, or no probe); the bad probes are those of the deprecated and
# forbidden terms, or None when there are none. Plain tuples: thousands are unpickled
# on every run, two to three times faster than named tuples.
InlineTest = tuple[tuple | None, tuple[str, ...] | None]


# What the findings of a concept's missing term need, without its `Rule` (unpickling the
# rules of thousands of missed concepts costs more than checking them): its concept id,
# source term, expected terms (`Rule.expected`), do-not-translate, ignored codes, and
# whether it has allowed terms after the first.
MissFacts = tuple[str, str, tuple[str, ...], bool, frozenset[str], bool]


def miss_facts(rule: Rule) -> MissFacts:
    """A rule's `MissFacts`."""
    return (
        rule.concept,
        rule.source,
        tuple(rule.expected),
        rule.do_not_translate,
        rule.ignored,
        len(rule.allowed) > 1,
    )


# What the finding of a concept's missing term says, made once when the glossary is
# compiled (thousands of missed concepts would each make it again on every run): its
# code, message (the closest words follow it), message for an untranslated entry, the
# words of its first expected term and that term casefolded (the closest words' search),
# then the JSON of its id, of its expected terms (a list, not indented), of its message
# and of the untranslated one, and whether none of these JSON texts holds a character
# that `safetext.escape_json_text` escapes.
MissTexts = tuple[str, str, str, int, str, str, str, str, str, bool]


def quote_list(items: Sequence[str]) -> str:
    """Terms quoted for a message: 'a', 'a' or 'b', 'a', 'b' or 'c'."""
    quoted = [repr(item) for item in items]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


def miss_texts(facts: Sequence[MissFacts]) -> list[MissTexts]:
    """The `MissTexts` of each concept of its `MissFacts`."""
    from moci_vocab.checkpo.target_match import term_sizes
    from moci_vocab.report import json_value
    from moci_vocab.safetext import dumps_json, json_safe

    terms = [expected[0] if expected else "" for _c, _s, expected, *_rest in facts]
    texts: list[MissTexts] = []
    for (concept, source_term, expected, name, *_rest), term, size in zip(
        facts, terms, term_sizes(terms), strict=True
    ):
        quoted, source = quote_list(expected), repr(source_term)
        if name:
            code = "MV603"
            message = untranslated = f"the name {source} must stay as it is: expected {quoted}"
        else:
            code = "MV601"
            message = f"{source} is not translated as {quoted}"
            untranslated = f"untranslated; {source} should be {quoted}"
        jsons = (
            json_value(concept),
            dumps_json(list(expected), plain=True),
            json_value(message),
            json_value(untranslated),
        )
        safe = json_safe("\x00".join(jsons))
        texts.append((code, message, untranslated, size, term.casefold(), *jsons, safe))
    return texts


class LazyItems(Sequence):
    """A column of a compiled glossary, each item unpickled when first used (the rules: a
    catalog needs few, those of the concepts with a finding or an unusual entry).

    The items' pickles lie end to end in one buffer: bytes, or a read-only view of the
    cache file (`cache.Derived` hands it out of band, so loading copies nothing); item
    ``i`` ends at ``ends[i]``. ``decode`` makes an item of what was pickled (`_rule_of_plain`
    for the rules), or None when it is the item itself.
    """

    __slots__ = ("_blob", "_decode", "_ends", "_items")

    def __init__(self, blob, ends: array, decode: Callable[[Any], Any] | None = None):
        self._blob = blob
        self._ends = ends
        self._decode = decode
        self._items: list[Any] = [_UNREAD] * len(ends)

    @classmethod
    def of(
        cls,
        items: Sequence,
        encode: Callable[[Any], Any] | None = None,
        decode: Callable[[Any], Any] | None = None,
    ) -> LazyItems:
        """The lazy form of a list (``encode``: what to pickle of each item, undone by
        ``decode``)."""
        if isinstance(items, LazyItems):
            return items
        dumps, protocol = pickle.dumps, pickle.HIGHEST_PROTOCOL
        blobs = [dumps(item if encode is None else encode(item), protocol) for item in items]
        ends, end = [], 0
        for blob in blobs:
            end += len(blob)
            ends.append(end)
        return cls(b"".join(blobs), array("I" if end < 1 << 32 else "q", ends), decode)

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(len(self._ends))[index]]
        item = self._items[index]
        if item is _UNREAD:
            if index < 0:
                index += len(self._ends)
            start = self._ends[index - 1] if index else 0
            item = pickle.loads(self._blob[start : self._ends[index]])
            if self._decode is not None:
                item = self._decode(item)
            self._items[index] = item
        return item

    def __iter__(self) -> Iterator:
        return (self[i] for i in range(len(self._ends)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (LazyItems, list)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __reduce_ex__(self, protocol):
        # Protocol 5 may hand the buffer out of band (`cache.Derived` does): no copy.
        blob = pickle.PickleBuffer(self._blob) if protocol >= 5 else bytes(self._blob)
        return (LazyItems, (blob, self._ends, self._decode))


_UNREAD = object()  # an item of a `LazyItems` not unpickled yet (None is an item)


class Packed:
    """A value kept as its pickle until it is first used (``load``): bytes, or a read-only
    view of the cache file (`cache.Derived` hands it out of band, so loading copies
    nothing). What a catalog's missing terms need is a column read whole when the first
    one is missed: a catalog missing most concepts needs nearly all of it, and one
    pickle read whole costs less than its items read one by one."""

    __slots__ = ("blob",)

    def __init__(self, blob) -> None:
        self.blob = blob

    @classmethod
    def of(cls, value: Any) -> Packed:
        """``value`` packed."""
        return cls(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))

    def load(self) -> Any:
        """The value (a new one at each call)."""
        return pickle.loads(self.blob)

    def __reduce_ex__(self, protocol):
        blob = pickle.PickleBuffer(self.blob) if protocol >= 5 else bytes(self.blob)
        return (Packed, (blob,))


def _shared(value: Any, seen: dict) -> Any:
    """``value`` with its equal strings and tuples (nested in tuples and lists) made one
    object each (``seen``: the ones met so far), for a pickle that holds each once."""
    kind = type(value)
    if kind is list:
        return [_shared(item, seen) for item in value]
    if kind is tuple:
        value = tuple([_shared(item, seen) for item in value])
    elif kind is not str:
        return value
    return seen.setdefault(value, value)


def _plain_term(term: TargetTerm) -> tuple:
    """A target term as builtin values only: its fields and its words' fields, in order,
    each word's exact forms as a tuple (a fifth of a small frozenset's memory)."""
    words = tuple(w and (w.word, w.stems, tuple(w.exact)) for w in term.words)
    return (term.text, term.status, words, term.probe)


def _plain_rule(rule: Rule) -> tuple:
    """A rule as builtin values only: its pickle names no class (half the bytes of the rule's)."""
    terms = [tuple(_plain_term(t) for t in group) for group in (rule.allowed, rule.bad)]
    return (rule.concept, rule.source, *terms, rule.do_not_translate, rule.ignored)


def term_of_plain(plain: tuple) -> TargetTerm:
    """The target term that `_plain_term` made ``plain`` of."""
    text, status, words, probe = plain
    return TargetTerm(
        text, status, tuple(w and WordSpec(w[0], w[1], frozenset(w[2])) for w in words), probe
    )


def _rule_of_plain(plain: tuple) -> Rule:
    """The rule that `_plain_rule` made ``plain`` of."""
    concept, source, allowed, bad, do_not_translate, ignored = plain
    allowed, bad = (tuple(map(term_of_plain, group)) for group in (allowed, bad))
    return Rule(concept, source, allowed, bad, do_not_translate, ignored)


class Compiled(Record):
    """The glossary compiled for one target language: a rule per concept and the source patterns."""

    _fields = (
        "lang",
        "source_language",
        "rules",
        "patterns",
        "owners",
        "cased_patterns",
        "cased_owners",
        "severities",
        "kinds",
        "cased_kinds",
        "_matcher",
        "_inline_tests",
        "_miss_facts",
        "_miss_texts",
        "_other_terms",
        "_finder_words",
        "_automata",
        "unmarked",
    )

    def __init__(
        self,
        lang: str,
        source_language: str,
        rules: Sequence[Rule],
        patterns: list[str],
        owners: list[int],
        cased_patterns: list[str],
        cased_owners: list[int],
        severities: dict[str, str] | None = None,
        kinds: list[int] | None = None,
        cased_kinds: list[int] | None = None,
        _matcher: object = None,
        _inline_tests: list[InlineTest | None] | None = None,
        _miss_facts: list[MissFacts] | Packed | None = None,
        _miss_texts: list[MissTexts] | Packed | None = None,
        _other_terms: list[tuple[tuple, ...]] | Packed | None = None,
        _finder_words: list[str] | None = None,
        _automata: tuple[bytes | None, bytes | None, bytes | None] | None = None,
        unmarked: bool = False,
    ) -> None:
        self.lang = lang
        self.source_language = source_language
        self.rules = rules  # a LazyItems once loaded from the cache
        self.patterns = patterns
        self.owners = owners
        self.cased_patterns = cased_patterns
        self.cased_owners = cased_owners
        self.severities: dict[str, str] = {} if severities is None else severities
        # Per pattern: the part of speech its term is restricted to (source_match.POS_KINDS).
        self.kinds: list[int] = [] if kinds is None else kinds
        self.cased_kinds: list[int] = [] if cased_kinds is None else cased_kinds
        self._matcher = _matcher
        self._inline_tests = _inline_tests
        # `miss_facts()`, `miss_texts()` and `other_terms()`: made on first use, or (from
        # the cache) `Packed`, loaded on first use.
        self._miss_facts = _miss_facts
        self._miss_texts = _miss_texts
        self._other_terms = _other_terms
        # `source_match.finder_words` of the patterns: made once, kept in the cache.
        self._finder_words = _finder_words
        # The source matcher's automatons as `SourceMatcher.serialized` gives them: built
        # when the glossary is compiled, kept in the cache (None: built on first use).
        self._automata = _automata
        # Compiled for catalogs written in the language's other spelling (sq without ë, ç;
        # hy classical): its target terms are matched in the key both share (checkpo.spelling).
        self.unmarked = unmarked

    def __getstate__(self):
        state = dict(self.__dict__)
        # The matcher is not pickled, its automatons are (when their library can: see
        # `source_match.automaton`): building them costs more than reading them back.
        state["_matcher"] = None
        state["_automata"] = self._automata or self.source_matcher.serialized()
        # Cheaper to load than to make; equal strings and tuples as one object each (a
        # term's text, word, stems, exact forms and probe are often one word): the pickle
        # then holds each once, and loading makes a third fewer objects.
        state["_inline_tests"] = _shared(self.inline_tests(), {})
        state["_finder_words"] = self.finder_words()  # and so are these
        state["rules"] = LazyItems.of(self.rules, _plain_rule, _rule_of_plain)  # one by one
        # What missing terms need: loaded whole when a catalog misses a term.
        state["_miss_facts"] = Packed.of(self.miss_facts())
        state["_miss_texts"] = Packed.of(self.miss_texts())
        state["_other_terms"] = Packed.of(self.other_terms())
        # The source patterns as one UTF-8 string: the automaton is built of its split
        # (16,000 bytes objects made at once, not strings unpickled one by one and encoded
        # again); a key never holds a NUL: it separates texts.
        state["_joined"] = self._joined_patterns()
        state.pop("patterns", None)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)  # `patterns` is made of `_joined` when first asked for

    def __getattr__(self, name: str) -> Any:
        if name == "patterns":  # loaded from the cache: decoded on first use (rarely)
            joined = self.__dict__["_joined"]
            self.patterns = joined.decode().split("\x00") if joined else []
            return self.patterns
        raise AttributeError(name)

    def _joined_patterns(self) -> bytes:
        """The source patterns in UTF-8, joined by NULs."""
        if "patterns" not in self.__dict__:
            return self.__dict__["_joined"]
        return "\x00".join(self.patterns).encode()

    def encoded_patterns(self) -> list[bytes]:
        """The source patterns in UTF-8 (what the automaton is built of)."""
        if "patterns" not in self.__dict__:
            joined = self.__dict__["_joined"]
            return joined.split(b"\x00") if joined else []
        return [pattern.encode() for pattern in self.patterns]

    def inline_tests(self) -> list[InlineTest | None]:
        """Per concept: its ``InlineTest``, or None when it has no term in this language.

        When none of the bad probes occurs in a translation and the term is
        found, the concept is rendered as it should be.
        """
        if self._inline_tests is None:
            tests: list[InlineTest | None] = []
            for rule in self.rules:
                if not rule.allowed and not rule.bad:
                    tests.append(None)
                    continue
                term = rule.allowed[0] if rule.allowed else None
                if term is not None and term.probe is None:
                    term = None
                probes = tuple(t.probe for t in rule.bad)
                if None in probes:
                    term = None
                tests.append((None if term is None else _plain_term(term), probes or None))
            self._inline_tests = tests
        return self._inline_tests

    def miss_facts(self) -> list[MissFacts]:
        """Per concept: its `MissFacts` (a missing term's finding needs no `Rule`)."""
        facts = self._miss_facts
        if facts is None:
            facts = self._miss_facts = [miss_facts(rule) for rule in self.rules]
        elif type(facts) is Packed:
            facts = self._miss_facts = facts.load()
        return facts

    def miss_texts(self) -> list[MissTexts]:
        """Per concept: its `MissTexts` (what a missing term's finding says)."""
        texts = self._miss_texts
        if texts is None:
            texts = self._miss_texts = miss_texts(self.miss_facts())
        elif type(texts) is Packed:
            texts = self._miss_texts = texts.load()
        return texts

    def other_terms(self) -> list[tuple[tuple, ...]]:
        """Per concept: its allowed terms after the first, as plain tuples (`_plain_term`:
        `TargetMatcher.find_low` reads them; `term_of_plain` makes a `TargetTerm`)."""
        others = self._other_terms
        if others is None:
            others = self._other_terms = [
                tuple(_plain_term(t) for t in self.rules[i].allowed[1:]) if fact[5] else ()
                for i, fact in enumerate(self.miss_facts())
            ]
        elif type(others) is Packed:
            others = self._other_terms = others.load()
        return others

    def finder_words(self) -> list[str]:
        """A word of each source pattern, to tell the texts that may hold one (see
        `source_match.finder_words`)."""
        if self._finder_words is None:
            from moci_vocab.checkpo.source_match import finder_words

            patterns = [*self.patterns, *self.cased_patterns]
            self._finder_words = finder_words(patterns, [*self.owners, *self.cased_owners])
        return self._finder_words

    @property
    def source_matcher(self):
        """The matcher of the source patterns: its automatons read back from the cache
        (`_automata`), or built on first use."""
        if self._matcher is None:
            from moci_vocab.checkpo.source_match import SourceMatcher

            if self._automata is not None:  # the patterns and the words are not read
                try:
                    self._matcher = SourceMatcher(
                        [], self.owners, [], self.cased_owners, self.kinds, self.cased_kinds,
                        automata=self._automata,
                    )  # fmt: skip
                except ValueError:  # bytes daachorse refuses (derived data: built again)
                    self._automata = None
            if self._matcher is None:
                self._matcher = SourceMatcher(
                    self.encoded_patterns(),
                    self.owners,
                    self.cased_patterns,
                    self.cased_owners,
                    self.kinds,
                    self.cased_kinds,
                    self.finder_words(),
                )
        return self._matcher


def compile_glossary(glossary, lang: str, unmarked: bool = False) -> Compiled:
    """The matching data for translations from the source language into ``lang``
    (``unmarked``: for a catalog written without its marked letters, `checkpo.spelling`)."""
    from moci_vocab.checkpo.idioms import HEADS_KEPT, OTHERS_KEPT, idioms_with, senses_kept
    from moci_vocab.checkpo.source_match import NOT_A_SENSE, POS_KINDS, english_variants

    infl = for_language(lang)
    fold = None
    if unmarked:
        from moci_vocab.checkpo.spelling import folder, respelled_inflection

        infl, fold = respelled_inflection(lang), folder(lang)
    source = glossary.source_language
    rules: list[Rule] = []
    keys: dict[str, int] = {}
    cased: dict[str, int] = {}
    kinds: dict[str, int] = {}  # key → part of speech of the term it came from
    not_senses: list[str] = []
    own_not_senses: list[tuple[str, int]] = []
    idioms_of: list[tuple[str, int]] = []  # (an English idiom, the concept it is added for)
    kept_of: list[tuple[str, int]] = []  # (a key of a phrase that keeps a sense, its concept)
    for concept in glossary.concepts.values():
        if concept.status == "retired":
            continue
        source_terms = [t for t in concept.terms.get(source, ()) if t.status != "forbidden"]
        if not source_terms:
            continue
        index = len(rules)
        rules.append(_rule(concept, source, lang, infl, fold))
        not_senses.extend(concept.not_senses)
        own_not_senses.extend((phrase, index) for phrase in concept.not_senses)
        if source == "en":  # English idioms where the term's word has another sense
            idioms = [p for t in source_terms for p in idioms_with(t.term.casefold())]
            not_senses.extend(idioms)
            idioms_of.extend((phrase, index) for phrase in idioms)
        for term in source_terms:
            table = cased if term.case_sensitive else keys
            kind = POS_KINDS.get(term.pos or "", 0)
            variants = english_variants(term.term, term.pos, fold_case=not term.case_sensitive)
            # phrases that keep the word's sense: noun phrases, whatever follows ("at times
            # when the device is charging": no verb before "the")
            kept: set[str] = set()
            if source == "en" and not term.case_sensitive:
                kept = {v for p in senses_kept(term.term.casefold()) for v in english_variants(p)}
            for key in variants | kept:
                if not key.strip():
                    continue
                # The first concept (by id) wins a shared key; a do-not-translate name
                # wins over a common term.
                if key not in table or (
                    concept.do_not_translate and not rules[table[key]].do_not_translate
                ):
                    table[key] = index
                    kinds[key] = 0 if key in kept else kind
                    if key in kept:
                        kept_of.append((key, index))
    # the most words a key has: no longer run of a phrase can be another concept's term
    longest = max((key.count("  ") + 1 for key in keys), default=0)
    # A kept phrase that holds another concept's term ("select several times" and a *select*
    # concept) would hide that term: it is not kept (the idiom wins there, and the other
    # concept is found; review DEFECT 1, session 20).
    for key, index in kept_of:
        if keys.get(key) == index and _other_concept(key, keys, (index,), longest) is not None:
            del keys[key]
            kinds.pop(key, None)
    for phrase, index in own_not_senses:  # another sense of the concept's word ...
        for key in english_variants(phrase):
            if key.strip() and key not in keys:
                # ... that holds another concept's word: found as that concept (a "page
                # number" still demands the page), else as no concept (below)
                other = _other_concept(key, keys, (index,), longest)
                if other is not None:
                    keys[key] = keys[other]
                    kinds[key] = kinds.get(other, 0)
    # An English idiom may not hide another concept's longer term that starts at its last
    # word: "each time" and a *time zone* concept ("Select each time zone"): the idiom with
    # the rest of that term is found as that term's concept (leftmost-longest would let the
    # idiom win). Not the concept's own (the idiom is added for it: its sense stays other).
    starting: dict[str, list[tuple[str, list[str]]]] = {}
    for key, owner in keys.items():
        words = key.split()
        if owner >= 0 and len(words) > 1:
            starting.setdefault(words[0], []).append((key, words))
    # Only the English idioms (idioms.py: a fixed few dozen phrases, each once however many
    # concepts it is added for), so the keys joined are linear in the glossary's keys; a
    # concept's own not_senses, as many as the glossary's, are not joined (quadratic).
    owners_of: dict[str, set[int]] = {}
    for phrase, index in idioms_of:
        owners_of.setdefault(phrase, set()).add(index)
    if starting:
        for phrase, owners in owners_of.items():
            for variant in english_variants(phrase):
                words = variant.split()
                for key, term_words in starting.get(words[-1], []) if len(words) > 1 else []:
                    joined = " " + "  ".join(words[:-1] + term_words) + " "
                    if joined not in keys and keys[key] not in owners:
                        keys[joined] = keys[key]
                        kinds[joined] = kinds.get(key, 0)
    # Nor another concept's term of two words or more inside it: "in real time" and a *real
    # time* concept (the idiom is added for *time*) is found as that concept; in an idiom
    # whose other words keep their sense (OTHERS_KEPT: "many times"), a term of one word too.
    for phrase, owners in owners_of.items():
        least = 1 if phrase in OTHERS_KEPT else 2
        for variant in english_variants(phrase):
            inner = _other_concept(variant, keys, owners, longest, least=least)
            if inner is not None and variant not in keys:
                keys[variant] = keys[inner]
                kinds[variant] = kinds.get(inner, 0)
    for phrase in not_senses:  # another sense: wins by being longer, belongs to no concept
        head = HEADS_KEPT.get(phrase)
        for key in english_variants(phrase):
            if key.strip():
                if head is not None and key not in keys:  # a desktop file is a file
                    head_key = " " + key.replace("-", " ").split()[-1] + " "  # file, files
                    keys[key] = keys.get(head_key, NOT_A_SENSE)
                    kinds[key] = kinds.get(head_key, 0)
                    continue
                keys.setdefault(key, NOT_A_SENSE)
    # A concept's not_senses may name a form of its own term ("people" for person: sq
    # njerëz, not the plural of the term): that form is then not the concept's.
    for phrase, index in own_not_senses:
        for key in english_variants(phrase):
            if keys.get(key) == index:
                keys[key] = NOT_A_SENSE
                kinds.pop(key, None)
    severities = {
        code: level for code, level in glossary.manifest.checks.items() if code in FINDING_CODES
    }
    return Compiled(
        lang=lang,
        source_language=source,
        rules=rules,
        patterns=list(keys),
        owners=list(keys.values()),
        cased_patterns=list(cased),
        cased_owners=list(cased.values()),
        severities=severities,
        kinds=[kinds.get(key, 0) for key in keys],
        cased_kinds=[kinds.get(key, 0) for key in cased],
        unmarked=unmarked,
    )


def _other_concept(
    key: str, keys: dict[str, int], own: Container[int], longest: int, least: int = 1
) -> str | None:
    """The key of the longest run of a phrase's words (the last of equals), of ``least``
    words or more, that is the term of a concept not in ``own``, if any: a concept's
    not_senses phrase is found as that concept. ``longest``: the most words of any key (runs
    longer than that are not tried: the work stays linear in the phrase's length, not
    cubic)."""
    from moci_vocab.checkpo.source_match import NOT_A_SENSE

    words = key.replace("-", " ").split()
    for size in range(min(len(words) - 1, longest), least - 1, -1):
        for start in range(len(words) - size, -1, -1):
            run = " " + "  ".join(words[start : start + size]) + " "
            if (owner := keys.get(run, NOT_A_SENSE)) != NOT_A_SENSE and owner not in own:
                return run
    return None


def _rule(concept, source: str, lang: str, infl, fold: Callable[[str], str] | None = None) -> Rule:
    allowed: list[TargetTerm] = []
    bad: list[TargetTerm] = []
    for term in concept.terms.get(lang, ()):
        target = allowed if term.allowed else bad
        if fold is None:
            target.extend(compile_term(term.term, term.status, term.forms, infl))
        else:  # matched folded, named as the glossary writes it
            forms = [fold(form) for form in term.forms]
            patterns = compile_term(fold(term.term), term.status, forms, infl)
            target.extend(pattern._replace(text=term.term) for pattern in patterns)
    if concept.do_not_translate and not allowed:
        # The name itself, as written in the source language, is what must appear.
        for term in concept.terms.get(source, ()):
            if term.allowed:
                allowed.extend(compile_term(term.term, "preferred", term.forms, infl))
    preferred = concept.representative(source)
    ignored = frozenset(
        item.code for item in concept.ignore if item.lang in (None, lang) and item.code
    )
    return Rule(
        concept=concept.id,
        source=preferred.term,
        allowed=tuple(allowed),
        bad=tuple(bad),
        do_not_translate=concept.do_not_translate,
        ignored=ignored,
    )


# --- cache ---------------------------------------------------------------------------


def glossary_languages(root: Path) -> list[str]:
    """The manifest's language tags (cached while the manifest file is unchanged)."""
    from moci_vocab import cache

    derived = cache.Derived(
        root,
        "checkpo-languages",
        _version_key(),
        _manifest_fingerprint,
        valid=lambda value: type(value) is list and all(type(lang) is str for lang in value),
    )
    languages = derived.cached()
    if languages is None:
        from moci_vocab.store import load_manifest

        languages = list(load_manifest(root).languages)
        derived.save(languages)
    return languages


def _manifest_fingerprint(root: Path) -> tuple[str, int] | None:
    stamp = file_stamp(root / MANIFEST)
    return (repr(stamp), stamp[1]) if stamp else None


def _cache_name(lang: str) -> str:
    safe = "".join(ch if ch.isalnum() or ch == "-" else "_" for ch in lang)
    return f"checkpo-{safe}"


def _version_key() -> tuple:
    from moci_vocab import __version__
    from moci_vocab.checkpo.source_match import automaton_library

    # (the automatons are kept in the cache as their library wrote them)
    return (COMPILE_FORMAT, DATA_VERSION, __version__, automaton_library())


def load_compiled(
    root: Path,
    lang: str,
    glossary_loader=None,
    fingerprint_of: Callable[[Path], tuple[str, int] | None] = fingerprint,
    unmarked: bool = False,
) -> Compiled:
    """The compiled glossary for ``lang``, from the cache (``cache.Derived``) if nothing
    changed (``fingerprint_of``: the glossary's `layout.fingerprint`, or the one a run took
    once for all the languages it loads; ``unmarked``: see `compile_glossary`)."""
    derived = _compiled_cache(root, lang, fingerprint_of, unmarked=unmarked)
    compiled = derived.cached()
    if compiled is not None:
        return compiled
    if glossary_loader is None:
        from moci_vocab.store import load_glossary

        glossary = load_glossary(root)
    else:
        glossary = glossary_loader()
    compiled = compile_glossary(glossary, lang, unmarked)
    derived.save(compiled)
    return compiled


def cached_compiled(
    root: Path,
    lang: str,
    fingerprint_of: Callable[[Path], tuple[str, int] | None] = fingerprint,
) -> Compiled | None:
    """The compiled glossary for ``lang`` if the cache holds it for the glossary as it is
    (see `load_compiled`), else None: nothing is compiled. Read and unpickled before the
    fingerprint is asked for (`cache.Derived`'s ``read_first``): a standby's arrives from
    its command meanwhile."""
    return _compiled_cache(root, lang, fingerprint_of, read_first=True).cached()


def _compiled_cache(
    root: Path, lang: str, fingerprint_of, read_first: bool = False, unmarked: bool = False
) -> Derived:
    """Where ``lang``'s compiled glossary is cached (``unmarked``: its variant for catalogs
    written without the marked letters, in a file of its own)."""
    from moci_vocab import cache

    return cache.Derived(
        root,
        _cache_name(lang) + ("-unmarked" if unmarked else ""),
        (_version_key(), lang, unmarked),
        fingerprint_of,
        valid=lambda value: isinstance(value, Compiled),
        read_first=read_first,
    )
