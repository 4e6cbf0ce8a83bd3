"""A noun term where the English word is a verb, and the translation says so.

"Change Properties", "Pounce on Whom", "to pounce": English does not mark an
imperative, and many of its nouns are verbs too. Where a noun term's word stands
where English may use a verb (opening a message or a sentence, after *to*, or as the
object of a light verb: "take a break") and
the translation has a verb made on the term's own stem (Albanian *ndryshim*,
change → *Ndryshoni*, *Ndryshoje*; *cytje*, pounce → *Cyt*, *cytur*), the
translator read the verb: the noun is not demanded. The verb forms are data of the
language (`Inflection.verbs`): a noun ending and the verb endings its stem takes.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice

from moci_vocab.checkpo.inflection import ADJECTIVE_BASES
from moci_vocab.checkpo.mnemonics import unglued, unmark
from moci_vocab.checkpo.source_match import plurals
from moci_vocab.checkpo.spans import TAG
from moci_vocab.checkpo.target_match import tokens


def verbal_misses(
    words: dict[int, str],
    terms: dict[int, list[str]],
    msgids: list[str],
    translation: Callable[[int], str],
    missing: dict[int, list[int]],
    verbs: tuple[tuple[str, tuple[str, ...]], ...],
    adjectives: tuple[tuple[str, ...], ...] = ((), ()),
    term_words: Callable[[], dict[str, set[int]]] | None = None,
    participle_endings: tuple[str, ...] = ("uar", "ur", "yer"),
    infinitives: tuple[str, ...] = (),
    agents: tuple[str, ...] = (),
    attributive: tuple[str, ...] = (),
    agreeing: tuple[str, ...] = (),
    irregular: dict[str, tuple[str, ...]] | None = None,
    agent_actions: tuple[str, ...] = (),
) -> set[tuple[int, int]]:
    """(entry, concept) of the missing noun terms whose English word is used as a verb,
    or as a modifier said by the term's adjective.

    ``words``: concept → its English word (noun terms of one word only); ``terms``:
    concept → its allowed target terms; ``verbs``: the language's (noun ending, verb
    endings) pairs; ``adjectives``: its adjective suffixes and their endings;
    ``term_words``: each word of the glossary's allowed terms → the concepts whose
    terms have it (made when first asked for: an adjective stem that another concept's
    term starts with is that term, not the adjective: skedë, tab → skedar, file);
    ``participle_endings``: how the verb forms that are past participles end;
    ``infinitives``: how the language's infinitives end (a command said by its verb alone);
    ``agents``: the endings of the agent noun on the verb's stem (`Inflection.agents`);
    ``attributive``: how the participles end that qualify a noun (`Inflection.attributive`);
    ``agreeing``: how the participles end that are adjectives only (`Inflection.agreeing`):
    no verb in a verb slot; ``irregular``: the language's listed stems of a lemma
    (`Inflection.irregular`), on which its adjectives are made too (hy մասնագետ →
    մասնագիտական); ``agent_actions``: how the action noun of an agent noun term's verb ends
    where it says the term as a modifier (`Inflection.agent_actions`).
    """
    dropped: set[tuple[int, int]] = set()
    # each entry's casefolded msgid and translation, made once however many of its nouns
    # are missing (a long msgid is not folded again for every concept)
    folded: dict[int, str] = {}
    folded_translations: dict[int, str] = {}
    # A long text (untrusted: 1 MB in one entry) is read once, not once per missing noun:
    # where each noun word stands in a long msgid, its participle-like words, the words of
    # a long translation (see `_Long`). Short texts as before (no catalog we measure has one
    # of _LONG characters).
    # Kept apart from `folded` and `folded_translations`, so that a short text's way is
    # the one it was (each look-up that misses there comes here).
    long_texts: dict[int, _Long] = {}
    long_translations: dict[int, str] = {}
    words_said: dict[int, set[str]] = {}
    # (with their plurals: a participle renders the noun in the plural too, see below)
    all_words = frozenset(chain(words.values(), *map(plurals, words.values())))
    tags_in: dict[int, list[int]] = {}  # each msgid's markup tags, found once (`_tags`)
    shapes: dict[int, str] = {}  # each msgid as `_shaped` reads it, made once

    def shaped_of(entry: int, text: str) -> str:
        """`_shaped` of the entry's msgid, made once."""
        found = shapes.get(entry)
        if found is None:
            found = shapes[entry] = _shaped(msgids[entry], text)
        return found

    def said(entry: int) -> set[str] | list[str]:
        """The words of the entry's translation (a long one's made once)."""
        text = translation(entry)
        return tokens(text) if len(text) < _LONG else said_long(entry)

    def said_long(entry: int) -> set[str]:
        """The words of the entry's long translation, made once."""
        found = words_said.get(entry)
        if found is None:
            found = words_said[entry] = set(tokens(translation(entry)))
        return found

    # Of a long translation (casefolded), which adjective stems and participle starts of
    # its missing nouns it holds: found in one pass, not one scan per noun (`found_in`).
    probes_in: dict[int, set[str]] = {}
    nouns_of: dict[int, list[int]] = {}  # a long translation's entry → its missing nouns

    def probed(entry: int) -> set[str]:
        """The probes and starts of the entry's missing nouns that its long translation
        (``long_translations[entry]``) holds, found once."""
        found = probes_in.get(entry)
        if found is None:
            from moci_vocab.checkpo.substrings import found_in  # (a long text is rare)

            if not nouns_of:  # (each entry's nouns, for all long translations at once; a
                # third of _LONG: casefolding makes a character three at most)
                for concept, entries in missing.items():
                    for at in entries:
                        if len(translation(at)) * 3 >= _LONG:
                            nouns_of.setdefault(at, []).append(concept)
            wanted = _probes(
                nouns_of[entry],
                words,
                terms,
                verbs,
                adjectives,
                participle_endings,
                irregular,
                agents,
                agent_actions,
            )
            found = probes_in[entry] = found_in(long_translations[entry], wanted)
        return found

    for concept, entries in missing.items():
        word = words.get(concept)
        if not word:
            continue
        if infinitives:
            dropped.update(
                (entry, concept)
                for entry in entries
                if _verb_alone(msgids[entry], word, translation(entry), infinitives)
            )
        forms = verb_forms(terms.get(concept, ()), verbs)
        made = adjective_forms(terms.get(concept, ()), adjectives, irregular)
        # what every adjective form starts with (familjar, familjor): a translation without
        # one of them is not read word by word (most are not: a quick test first)
        probes = adjective_stems(
            terms.get(concept, ()), *adjectives[:1], *adjectives[2:], irregular=irregular
        )
        if agent_actions and word.endswith(_AGENT_ENDS) and len(word) > 4:
            # an agent noun term said as a modifier by its verb's action noun (hy
            # կոդավորման, of encoding, for "Encoder Settings"): read as an adjective is
            actions = _agent_actions(terms.get(concept, ()), agents, agent_actions)
            made, probes = made | actions, probes | actions
        if not forms and not made:
            continue
        # what they all start with (the term's stem, familj-): one scan of a translation
        # without it, not one per adjective suffix
        probe_start = _common_start(probes)
        # the term's past participles (ndryshuar, përkthyer, cytur) and what they all start
        # with, looked for first (one test per missing term)
        participles = {form for form in forms if form.endswith(participle_endings)}
        if agents and word.endswith(_AGENT_ENDS) and len(word) > 4:
            # an English agent noun (expander) said by the agent noun of the term's verb
            # (hy ընդլայնիչ): it renders the noun anywhere, as a participle does. Only the
            # verb of a verbal noun (its ending not ""): a plain noun's is a verb made on it,
            # and an agent noun on that (FileZilla's խմբագրիչ beside the term խմբագիր, an
            # editor) is a second word beside the noun
            pairs = tuple((end, agents) for end, _ in verbs if end)
            doers = verb_forms(terms.get(concept, ()), pairs)
            forms = forms | doers
            participles |= doers
        start = _common_start(participles)
        # the forms that say a verb in a verb slot: not a participle agreeing as an adjective
        slotted = {form for form in forms if not form.endswith(agreeing)} if agreeing else forms
        size = len(word)
        gerund = word.endswith("ing")  # (a verb after keep, start …: `_after_aspect_verb`)
        others_checked = term_words is None
        # Every form a participle (Georgian: no imperative nor adjective data): a translation
        # without what they all start with has none of them, whatever the msgid says.
        bare = not made and start and forms == participles
        for entry in entries:
            if bare:
                low = _folded(entry, translation, folded_translations, long_translations)
                if start not in low if len(low) < _LONG else start not in probed(entry):
                    continue
            long = None
            text = folded.get(entry)
            if text is None:  # first seen, or long (`_Long`: read once for all its nouns)
                long = long_texts.get(entry)
                if long is None:
                    text = unglued(msgids[entry]).casefold()  # (s&ystem: a mnemonic in it)
                    if len(text) < _LONG:
                        folded[entry] = text
                    else:
                        long = long_texts[entry] = _Long(text, all_words)
                if long is not None:
                    text = long.text
            tags = tags_in.get(entry)
            if tags is None:
                tags = tags_in[entry] = _tags(text) if "<" in text else []
            ends = _places(text, word, long, tags)
            stops = [at + size for at in ends]
            plural = not ends and bool(participles)
            if plural:
                # the noun in the plural ("submissions to this journal" as ներկայացված
                # նյութերի, the submitted materials: OJS's Armenian, round 32): a past
                # participle renders it as it renders the singular; a plural is read for
                # nothing else here (no imperative's object, no modifier said by an adjective)
                for form in sorted(plurals(word)):
                    found = _places(text, form, long, tags)
                    ends += found
                    stops += [at + len(form) for at in found]
            if not ends:
                continue
            if (
                not plural
                and slotted
                and any(
                    in_verb_slot(text, at, at + size) or (gerund and _after_aspect_verb(text, at))
                    for at in ends
                )
                and slotted.intersection(
                    tokens(told) if len(told := translation(entry)) < _LONG else said_long(entry)
                )
            ):
                dropped.add((entry, concept))
            elif probes or start:
                deep = False
                low = folded_translations.get(entry)
                if low is None:  # first seen, or long
                    low = long_translations.get(entry)
                    deep = low is not None
                    if not deep:  # (as `said` reads it: ტექს_ტური, a mnemonic inside)
                        low = unmark(translation(entry)).casefold()
                        deep = len(low) >= _LONG
                        (long_translations if deep else folded_translations)[entry] = low
                if deep:  # a long translation: its words first (made once), then the scans
                    participle = (
                        start
                        and start in probed(entry)
                        and participles.intersection(said_long(entry))
                    )
                else:
                    participle = (
                        start
                        and start in low
                        and participles.intersection(tokens(translation(entry)))
                    )
                if (
                    participle
                    and attributive
                    and all(form.endswith(attributive) for form in participle)
                    and not gerund
                ):
                    # a participle that qualifies a noun renders a noun that modifies one
                    # ("Expander Column" as Ընդլայնվող սյուն), not a head noun it replaces
                    # (the scrollbars as ոլորվող տիրույթ, a scrolling region)
                    shaped = shaped_of(entry, text)
                    if not all(_modifies(shaped, stop) for stop in stops):
                        participle = None
                if participle and not (
                    _own_participle(text, word) if long is None else long.own_participle(word)
                ):
                    dropped.add((entry, concept))  # the translated message: "the translation…"
                    continue
                if plural:
                    continue
                if deep and others_checked and not made.intersection(said_long(entry)):
                    continue  # (no adjective form said: the probes' scans are not needed)
                # the msgid as written where its casefolded text has the same offsets (a
                # word's case tells a verb's object from a coordinated modifier's head)
                shaped = shaped_of(entry, text)
                if not (
                    (
                        not probes.isdisjoint(probed(entry))
                        if deep
                        else probe_start in low and any(probe in low for probe in probes)
                    )
                    and all(_modifies(shaped, at + size) for at in ends)
                ):
                    continue
                if not others_checked:  # (rare: a probe is in the translation)
                    probes, made = _not_other_terms(probes, made, concept, term_words())
                    others_checked = True
                if made.intersection(said(entry)):
                    dropped.add((entry, concept))
    return dropped


# How an English agent noun ends (expander, selector): the one that does the action.
_AGENT_ENDS = ("er", "or")


def _agent_actions(terms: list[str], agents: tuple[str, ...], actions: tuple[str, ...]) -> set[str]:
    """The action nouns (``actions``: their endings on the verb's stem) of the one-word
    terms that are agent nouns (``agents``: the agent noun's endings, the bare one first):
    hy կոդավորիչ, an encoder → կոդավորման, of encoding."""
    bare = agents[0] if agents else ""
    return {
        term[: -len(bare)] + action
        for term in terms
        if bare and " " not in term and term.endswith(bare) and len(term) - len(bare) >= 3
        for action in actions
    }


# From this many characters a msgid or translation is read once for all its missing nouns.
_LONG = 4096


def _shaped(msgid: str, text: str) -> str:
    """The msgid as read (its mnemonics inside words out, `unglued`) where its casefolded
    ``text`` has the same offsets (a word's case tells a verb's object from a coordinated
    modifier's head), else ``text``."""
    source = unglued(msgid)
    return source if len(source) == len(text) else text


# A markup tag with its attributes (`spans.TAG`: one answer to what a tag is)
_TAG = re.compile(TAG)


def _tags(text: str) -> list[int]:
    """The starts and ends of the text's markup tags, in order (start, end, start, …)."""
    return [at for tag in _TAG.finditer(text) for at in tag.span()]


def _inside(tags: list[int], at: int) -> bool:
    """Is ``at`` inside one of the tags (`_tags`)?"""
    return bisect_left(tags, at + 1) % 2 == 1


def _folded(
    entry: int, translation: Callable[[int], str], short: dict[int, str], long: dict[int, str]
) -> str:
    """The entry's translation casefolded, made once (kept in ``short`` or, from _LONG
    characters on, in ``long``, as `verbal_misses` keeps them)."""
    low = short.get(entry)
    if low is None:
        low = long.get(entry)
        if low is None:
            low = unmark(translation(entry)).casefold()
            (long if len(low) >= _LONG else short)[entry] = low
    return low


def _probes(
    concepts: list[int],
    words: dict[int, str],
    terms: dict[int, list[str]],
    verbs: tuple[tuple[str, tuple[str, ...]], ...],
    adjectives: tuple[tuple[str, ...], ...],
    participle_endings: tuple[str, ...],
    irregular: dict[str, tuple[str, ...]] | None = None,
    agents: tuple[str, ...] = (),
    agent_actions: tuple[str, ...] = (),
) -> set[str]:
    """What `verbal_misses` may look for in a translation for these missing nouns: each
    one's adjective stems (and an agent noun's action nouns, `_agent_actions`) and what its
    past participles start with."""
    found: set[str] = set()
    for concept in concepts:
        if not words.get(concept):
            continue
        own = terms.get(concept, ())
        found.update(adjective_stems(own, *adjectives[:1], *adjectives[2:], irregular=irregular))
        if agent_actions and words[concept].endswith(_AGENT_ENDS) and len(words[concept]) > 4:
            found.update(_agent_actions(own, agents, agent_actions))
        forms = verb_forms(own, verbs)
        found.add(_common_start({form for form in forms if form.endswith(participle_endings)}))
    return found


# A run of word characters (`_word_char`: what str.isalnum() says, and "_"), and a run of
# letters or other non-decimal numerics (a superset of str.isalpha()'s runs).
# (compiled when first needed: a long text is rare, and compiling costs every run 6 M
# instructions)
@functools.cache
def _runs() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The two patterns of runs: of word characters, of letters (and such)."""
    return re.compile(r"\w+"), re.compile(r"[^\W\d_]+")


class _Long:
    """A long msgid, read once however many of its entry's nouns are missing."""

    __slots__ = ("_at", "_participles", "text")

    def __init__(self, text: str, words: frozenset[str]) -> None:
        """``text``: the casefolded msgid; ``words``: every noun word that may be asked for
        (letters only)."""
        self.text = text
        self._participles: list[str] | None = None
        # Where each word stands with a word boundary after it (`word_ends`): a word of
        # letters ends where a run of word characters ends, so each run's last 1, 2, …
        # characters are looked up (never more than the run has: linear in the text).
        at: dict[str, list[int]] = {}
        words = frozenset(word for word in words if word.isalpha())
        lengths = sorted({len(word) for word in words})
        for run in _runs()[0].finditer(text):
            start, end = run.span()
            for size in lengths:
                if size > end - start:
                    break
                word = text[end - size : end]
                if word in words:
                    at.setdefault(word, []).append(end - size)
        self._at = at

    def ends(self, word: str) -> list[int]:
        """`word_ends(text, word)`."""
        if not word.isalpha():  # (only words of letters are indexed)
            return list(word_ends(self.text, word))
        return self._at.get(word, [])

    def own_participle(self, word: str) -> bool:
        """`_own_participle(text, word)`: a whole word of letters starting with the word's
        stem and ending in -ed or -en that is not the word itself, looked up by bisection."""
        if self._participles is None:
            found = set()
            for run in _runs()[1].findall(self.text):
                if not run.isalpha():  # (a numeric such as ² inside: split where str does)
                    run = "".join(ch if ch.isalpha() else " " for ch in run)
                for part in run.split():
                    if part.endswith(("ed", "en")):
                        found.add(part)
            self._participles = sorted(found)
        stem = _participle_stem(word)
        participles = self._participles
        i = bisect_left(participles, stem)
        while i < len(participles) and participles[i].startswith(stem):
            if participles[i] != word:
                return True
            i += 1
        return False


def _verb_alone(msgid: str, word: str, translation: str, infinitives: tuple[str, ...]) -> bool:
    """Is a two-word English command ending in the noun ("Begin Search", "Edit _Action…")
    said by one infinitive (Սկսել, Խմբագրել)? A command's object is left to the place of
    its button or menu item: the noun is not demanded."""
    if len(msgid) > _LABEL_SIZE or len(translation) > _LABEL_SIZE:
        return False  # (no label: and a long text is not read once per missing noun)
    english = msgid.strip(_LABEL_ENDS).replace("_", "").replace("&", "").split()
    if len(english) != 2 or not english[0].isalpha() or english[1].casefold() != word:
        return False
    said = translation.strip(_LABEL_ENDS).replace("_", "").replace("&", "")
    return len(said) > 3 and said.isalpha() and said.casefold().endswith(infinitives)


# What may end a label after its words: an ellipsis, a colon, a full stop (Armenian ։), and
# the Armenian colon, written as its միջակետ ․ (U+2024) or its բութ ՝ (U+055D).
_LABEL_ENDS = " \t\n.:…։\u2024\u055d"
# Longer than this, a text is no two-word label nor its one-word translation.
_LABEL_SIZE = 80


def _own_participle(text: str, word: str) -> bool:
    """Does the (casefolded) English have a participle of the noun's own verb ("translated
    strings in the translation list", "changed files")? The translation's participle then
    renders that word, not the noun (review of 5be6d5b)."""
    stem = _participle_stem(word)
    at = text.find(stem)
    while at >= 0:
        end = at + len(stem)
        while end < len(text) and text[end].isalpha():
            end += 1
        found = text[at:end]
        # (the noun itself may end so: feed, screen, token; a participle is another word)
        if (
            (at == 0 or not text[at - 1].isalpha())
            and found.endswith(("ed", "en"))
            and found != word
        ):
            return True
        at = text.find(stem, end)
    return False


def _participle_stem(word: str) -> str:
    """The stem of the noun's verb, as its participle starts (translation → translat), or
    the participle itself of a gerund's verb (encoding → encoded: Mousepad's "The file
    seems to be encoded in %s, but you have chosen %s encoding" says e koduar, encoded,
    beside its encoding kodim)."""
    if word.endswith("ing") and len(word) >= 6:
        return word[:-3] + "ed"
    for suffix in ("ation", "ion", "ment", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _common_start(words: set[str]) -> str:
    """What all the words start with ("" for none)."""
    if not words:
        return ""
    first, last = min(words), max(words)  # (the others sort between them)
    pairs = enumerate(zip(first, last, strict=False))
    size = next((i for i, (a, b) in pairs if a != b), len(first))
    return first[:size]


def _not_other_terms(
    stems: set[str], made: set[str], concept: int, term_words: dict[str, set[int]]
) -> tuple[set[str], set[str]]:
    """The adjective stems and forms left when those that another concept's term word
    starts with are taken out (sq skedë, tab → skedar is the term for file)."""
    taken = {
        stem
        for stem in stems
        for word, owners in term_words.items()
        if word.startswith(stem) and owners - {concept}
    }
    if not taken:
        return stems, made
    return stems - taken, {form for form in made if not form.startswith(tuple(taken))}


# Words after a noun that do not make it a modifier of the next one (week and month view,
# the family of the person, information about the file: review30 F5).
_NOT_HEADS = frozenset({
    "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as",
    "into", "is", "are", "was", "were", "be", "been", "has", "have", "had", "can",
    "will", "may", "must", "should", "would", "could", "not", "no", "the", "a", "an",
    "this", "that", "these", "those", "its", "then", "so", "but", "if", "when", "you",
    "it", "we", "they", "your", "our", "their", "my", "his", "her",
    "about", "over", "under", "after", "before", "via", "per", "within", "without",
    "through", "between", "during", "against", "across", "since", "until", "among",
    "onto", "upon", "toward", "towards", "than",
})  # fmt: skip


def _modifies(text: str, end: int) -> bool:
    """Does the word ending at ``end`` stand before another word that it modifies (family
    tree, week view: the next word, after a space, is a word and no function word; or a
    placeholder for one, the family <attribute>), directly or through a coordinated
    modifier (week and month view)? ``text`` in any case (Week And Month View)."""
    rest = text[end : end + 60]
    if not rest[:1].isspace():
        return False
    words = rest.split(None, 3)
    if len(words) >= 3 and _head(words[0]).casefold() in ("and", "or"):  # week and month view
        second, third = _head(words[1]), _head(words[2])
        if not second or second.casefold() in _NOT_HEADS:
            return False
        if second[:1].islower() and third[:1].isupper():
            return False  # a verb and its object, a name: "a week and click Next"
        words = words[2:]
    if words[:1] and words[0][:1] == "<" and words[0][1:2].isalpha():
        return True  # a placeholder for a noun: the family <attribute>
    head = _head(words[0]) if words else ""
    return len(head) >= 2 and head.casefold() not in _NOT_HEADS and not _participle_after(head)


def _participle_after(word: str) -> bool:
    """Is the word after the noun a past participle that follows it ("the language used
    for the interface", "files selected"), not a head it modifies? A lowercase word in -ed
    of four letters or more (not a noun in -eed: speed, feed)."""
    return len(word) >= 4 and word.endswith("ed") and not word.endswith("eed") and word.islower()


def _head(word: str) -> str:
    """A word's letters, from its start (a mnemonic before them left out)."""
    word = word.lstrip("_&")
    stop = next((i for i, ch in enumerate(word) if not ch.isalpha()), len(word))
    return word[:stop]


def adjective_forms(
    terms: list[str],
    adjectives: tuple[tuple[str, ...], ...],
    irregular: dict[str, tuple[str, ...]] | None = None,
) -> set[str]:
    """The relational adjectives made on the stems of one-word terms (familje → familjar,
    familjare; javë → javore; ka ფოსტა → საფოსტო): each adjective stem with each ending
    (``adjectives``: suffixes, endings and, if given, prefixes; `Inflection.adjectives`;
    ``irregular``: see `adjective_stems`)."""
    suffixes, endings = adjectives[:2]
    made = adjective_stems(terms, suffixes, *adjectives[2:], irregular=irregular)
    return {stem + ending for stem in made for ending in endings}


# Final vowels a noun's stem loses before an adjective suffix (Georgian: its nominative
# -ი and the -ა, -ე of vowel stems).
_FINAL_VOWELS = "aeëiouიაე"


def adjective_stems(
    terms: list[str],
    suffixes: tuple[str, ...],
    prefixes: tuple[str, ...] = ("",),
    irregular: dict[str, tuple[str, ...]] | None = None,
) -> set[str]:
    """Each one-word term less a final vowel, and each stem the language's data lists for
    it (``irregular``: hy մասնագետ: մասնագիտ, whose ե was a classical է), with each
    adjective suffix (familjar, familjor) and prefix (საფოსტო) that takes it
    (`ADJECTIVE_BASES`: gjuhësor on gjuhë, not aktual on akt): what every adjective form
    starts with."""
    stems: set[str] = set()
    for term in terms:
        if " " in term:
            continue
        bases = {term[:-1] if term[-1:] in _FINAL_VOWELS else term}
        if irregular:
            bases.update(irregular.get(term, ()))
        for suffix in suffixes:
            ending, shortest = ADJECTIVE_BASES.get(suffix, ("", 3))
            if term.endswith(ending):
                long_enough = [stem for stem in bases if len(stem) >= shortest]
                stems.update(p + stem + suffix for stem in long_enough for p in prefixes)
    return stems


def _places(text: str, word: str, long: _Long | None, tags: list[int]) -> list[int]:
    """Where ``word`` stands in the casefolded msgid ``text`` (``long``: its `_Long`, if
    long) as the word itself, not the end of a longer one: a Fluent placeable's variable
    ({ $negotiatedLanguage }) is no use of the word that must modify a noun; nor a word
    inside a markup tag (<link href="text/shared/…">; ``tags``: `_tags`)."""
    ends = list(word_ends(text, word)) if long is None else long.ends(word)
    ends = [at for at in ends if _word_start(text, at)]
    return [at for at in ends if not _inside(tags, at)] if tags else ends


def word_ends(text: str, word: str) -> Iterator[int]:
    """Where ``word`` stands in ``text`` with a word boundary after it (``word\\b``).

    A literal search, not a regular expression compiled per concept (157 of them
    were 2% of check-po's time on a 15,000-entry catalog).
    """
    size, last = len(word), _word_char(word[-1])
    misses = _MISSES
    at = text.find(word)
    while at >= 0:
        end = at + size
        if (
            (end == len(text) or not _word_char(text[end]))
            if last
            else end < len(text) and _word_char(text[end])
        ):
            yield at
            at = text.find(word, end)
        elif misses:  # inside a longer word (files), the first few times: one character on
            misses -= 1
            at = text.find(word, at + 1)
        elif last:
            # then from that word's end: no hit ends before it ("aa" in a run of a million
            # a's was a loop here for each character of the run)
            after = _runs()[0].match(text, end).end()  # type: ignore[union-attr]
            at = text.find(word, max(at + 1, after - size))
        else:
            at = text.find(word, at + 1)


# How many times `word_ends` goes one character on inside a longer word before it skips
# the rest of such words at once (the skip is dearer than a step: most texts need none).
_MISSES = 8


def in_verb_slot(text: str, start: int, end: int | None = None) -> bool:
    """Does the word at ``start`` open the text, a line or a sentence, or follow *to*
    (with a keyboard mnemonic before it or not)? Not a word (ending at ``end``) that names
    a menu in a menu path: "Format ▸ Cells", "Format -> Cells" (the Format menu).

    The spaces before it are walked by hand: a regular expression with ``\\s*`` before
    the word tried every start in a run of spaces (a msgid of 40,000 newlines took
    seconds); each run is walked once per word found after it, so this is linear.
    """
    if end is not None and (_names_a_menu(text, end) or _NUMBERED.match(text, end)):
        return False
    if start and text[start - 1] in "_&~":  # a keyboard mnemonic: _Change, &Change, ~Update
        start -= 1
    i = start
    line = False
    while i > 0 and text[i - 1].isspace():
        i -= 1
        line = line or text[i] == "\n"
    if i == 0:
        return start == 0 or line
    if line or text[i - 1] in ".!?:;▸":  # (▸: a menu path's next item, Edit ▸ Search)
        return True
    spaced = i < start
    if not spaced:
        return False
    if text.endswith(_BEFORE_VERBS, 0, i):  # to; a subject pronoun: "every message you post"
        for before in _BEFORE_VERBS:  # (one test above: most words follow none of them)
            if text.endswith(before, 0, i) and (
                i == len(before) or not _word_char(text[i - len(before) - 1])
            ):
                return True
    return _after_light_verb(text, i)


# A word followed by nothing but a number's placeholder names a numbered thing (VLC's new
# bookmark "Bookmark %i", "Track %d", "Chapter %1"): an imperative's object is no bare
# number (review28, session 28).
_NUMBERED = re.compile(r"[ \t]*(?:%\d*\$?[diu]|%\d+|\{\d+\})[ \t]*$")


def _names_a_menu(text: str, end: int) -> bool:
    """Does a menu path's separator (▸, ->) follow the word that ends at ``end``: the word
    is a menu's name, which a catalog says as it names the menu (LibreOffice's Armenian
    'Ձևաչափ ▸', Format ▸), not a command?"""
    after = text[end : end + 4].lstrip(" ")
    return after.startswith(("▸", "->"))


# Words after which English may have a verb: *to* (or a preposition, "Save to file": the
# translation's verb decides) and the subject pronouns whose verb has no -s ("you post to
# the list", "we search"; the text is casefolded).
_BEFORE_VERBS = ("to", "you", "we", "they", "i")


# Verbs whose object noun says the action ("take a break", "make a copy", "have a look"):
# translators often say it with the noun's own verb (sq "Pusho pak!", rest a little).
_LIGHT_VERBS = frozenset({"take", "takes", "taking", "took", "make", "makes", "have", "give"})


def _after_light_verb(text: str, end: int) -> bool:
    """Does ``text[:end]`` end with a light verb and its article ("take a", "make an",
    "/_Take a": a mnemonic or a menu path's slash before it)?"""
    words = text[max(0, end - 24) : end].rsplit(None, 2)
    if len(words) < 3 and end > 24:
        return False  # (a word longer than the window: no light verb)
    return len(words) >= 2 and words[-1] in ("a", "an") and words[-2].lstrip("/_&") in _LIGHT_VERBS


# Verbs whose object is another verb's -ing form ("Keep browsing", "Start browsing", "stop
# searching"): the -ing word there is a verb, which a translation says with its infinitive.
_ASPECT_VERBS = frozenset({
    "keep", "keeps", "start", "starts", "stop", "stops", "continue", "continues", "begin",
    "begins", "resume", "resumes", "finish", "finishes",
})  # fmt: skip
# ... and the conjunctions and prepositions that open a clause of an -ing form, whose
# subject is the sentence's ("while browsing", "before downloading", "without saving":
# Firefox's Albanian "teksa shfletoni", while you browse, of the term shfletim).
_BEFORE_A_GERUND = _ASPECT_VERBS | {"while", "whilst", "when", "before", "after", "without", "by"}


def _after_aspect_verb(text: str, start: int) -> bool:
    """Does an aspect verb, or a word that opens a clause of the -ing form, stand before
    the word at ``start`` ("keep browsing", "_Start Browsing": a mnemonic before the word
    or not; "while browsing")? ``text`` casefolded; the word an -ing form (the caller's
    test, once per noun)."""
    if start and text[start - 1] in "_&~":
        start -= 1
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == start:
        return False
    words = text[max(0, end - 12) : end].rsplit(None, 1)
    return (
        bool(words)
        and words[-1].lstrip("/_&") in _BEFORE_A_GERUND
        and (len(words) == 2 or end <= 12)
    )


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _word_start(text: str, at: int) -> bool:
    """Does a word start at ``at`` (after a keyboard mnemonic too: _Language)?"""
    if at and text[at - 1] == "_":
        at -= 1
    return at == 0 or not _word_char(text[at - 1])


def verb_forms(terms: list[str], verbs: tuple[tuple[str, tuple[str, ...]], ...]) -> set[str]:
    """The verb forms made on the stems of one-word terms (ndryshim → ndrysho, ndryshoni …).

    ``terms`` may hold a term's lemma stems too (a term given in the plural, ndryshime:
    its lemma ndryshim makes the verbs).
    """
    forms: set[str] = set()
    for term in terms:
        if " " in term:
            continue
        for noun_ending, endings in verbs:
            stem = term[: len(term) - len(noun_ending)]
            if term.endswith(noun_ending) and len(stem) >= 3:
                forms.update(stem + ending for ending in endings)
    return forms


def verb_rendered_misses(
    words: dict[int, str],
    missing: dict[int, list[int]],
    verb_uses: dict[int, list[int]],
    msgids: list[str],
    translation: Callable[[int], str],
    term_stems: Callable[[], set[str]],
    checked: list[int],
) -> set[tuple[int, int]]:
    """(entry, concept) of the missing noun terms whose English word stands where English
    may use it as a verb (`in_verb_slot`: "Change password", "to link") and whose
    translation says the verb as the catalog itself renders it.

    The catalog's rendering of the verb is learned from its entries where English grammar
    tells that the word is the verb (``verb_uses``: concept → those entries, as
    `SourceMatcher.pairs` found them: "to change", "Change the …", "can link"): the
    `verb_stems` (a word's first letters) that half of their translations share, two at
    least, whose translations go best with the English word among all the msgids' words,
    there and in some of the catalog's other entries (`_Background.renders`; ``checked``:
    the entries checked): MediaWiki's Georgian *change* ცვლილება, whose translators write
    the verb შეცვლა, შეცვალეთ: შეცვ-; Armenian փոփոխություն and the verb փոխել: փոխե-; not
    a word for *you*, *can* or the verb's object, which go with those. Not a stem of any
    glossary term (``term_stems``, made when first asked for: the term's own is the
    matcher's to find). ``words``: concept → its English word (one word, casefolded);
    ``missing``: concept → the entries where its term is missing.
    """
    from moci_vocab.checkpo.target_match import lowered

    # Each entry's msgid casefolded and its translation's stems: made once, however many
    # of its concepts are asked about (a long text is not read again for each).
    folded: dict[int, str] = {}
    stems_of: dict[int, set[str]] = {}

    def stems(entries: list[int]) -> list[set[str]]:
        new = [e for e in dict.fromkeys(entries) if e not in stems_of]
        for entry, low in zip(new, lowered([translation(e) for e in new]), strict=True):
            stems_of[entry] = verb_stems(low)
        return [stems_of[e] for e in entries]

    dropped: set[tuple[int, int]] = set()
    excluded: set[str] | None = None
    inflected: set[str] | None = None  # (the catalog's -ed and -ing words: made when asked)
    background: _Background | None = None  # (made once, for the first concept that asks)
    for concept, entries in missing.items():
        word = words.get(concept)
        # (not a msgid copied as it is: its words are English, no rendering)
        uses = list(
            islice(
                (
                    e
                    for e in dict.fromkeys(verb_uses.get(concept, ()))
                    if translation(e) != msgids[e]
                ),
                _VERB_SAMPLE,
            )
        )
        if not word or len(uses) < _VERB_USES:
            continue
        having: dict[str, int] = {}  # stem → the verb uses whose translation has it
        for found in stems(uses):
            for stem in found:
                having[stem] = having.get(stem, 0) + 1
        least = max(2, (len(uses) + 1) // 2)
        common = [s for s, n in having.items() if n >= least]
        if len(common) > _CANDIDATES:  # (the commonest few: a hostile catalog's may share
            # thousands; of one count, in the order the verb uses' translations say them, the
            # verb first in a command's, not in a set's order, which the hash seed sets)
            first = _first_said(uses, translation)
            common = sorted(common, key=lambda s: (-having[s], first[s]))[:_CANDIDATES]
        if not common:
            continue
        if excluded is None:
            excluded = term_stems()
        if excluded.issuperset(common):
            continue  # (the term's own stems: no other rendering)
        slotted = []
        for entry in entries:
            text = folded.get(entry)
            if text is None:
                text = folded[entry] = msgids[entry].casefold()
            if _in_a_verb_slot(text, word):
                slotted.append(entry)
        if not slotted:
            continue
        # (only a stem that a slotted entry's translation has could excuse one)
        said = set().union(*stems(slotted))
        common = [s for s in common if s in said and s not in excluded]
        if not common:
            continue
        if inflected is None:
            inflected = _inflected_words(msgids)
        if not _inflected_as_a_verb(word, inflected):
            continue  # (English never makes it a verb: "Connector with Arrows" is no command)
        if background is None:
            background = _Background(checked, msgids, stems, stems_of)
        learned = background.learned(common, word, uses)
        if not learned:
            continue
        for entry, found in zip(slotted, stems(slotted), strict=True):
            if not learned.isdisjoint(found):
                dropped.add((entry, concept))
    return dropped


def _first_said(entries: list[int], translation: Callable[[int], str]) -> dict[str, int]:
    """Each `verb_stems` stem of the entries' translations → its place in the order they
    say them, entry after entry (a word's first use counts)."""
    from moci_vocab.checkpo.target_match import lowered

    first: dict[str, int] = {}
    for low in lowered([translation(e) for e in entries]):
        for stem in _stems_said(low):
            first.setdefault(stem, len(first))
    return first


def _inflected_words(msgids: list[str]) -> set[str]:
    """The English words ending in -ed or -ing of the msgids, casefolded."""
    return set(_INFLECTED.findall("\n".join(msgids).casefold()))


def _inflected_as_a_verb(word: str, inflected: set[str]) -> bool:
    """Does the catalog's English give the word a verb's -ed or -ing form (changed,
    changing; linked; stopped; copied)? ``inflected``: `_inflected_words`. A noun that
    English does not use as a verb (*connector*) has none, whatever its place in a msgid
    ("Connector with Arrows" opens like a command)."""
    stem = word[:-1] if word.endswith("e") else word
    forms = [stem + "ed", stem + "ing", word + word[-1] + "ed", word + word[-1] + "ing"]
    if word.endswith("y"):
        forms.append(word[:-1] + "ied")
    return not inflected.isdisjoint(forms)


# A word ending in -ed or -ing (`_inflected_words`)
_INFLECTED = re.compile(r"\b[^\W\d_]+(?:ed|ing)\b")


class _Background:
    """Some of the catalog's entries (_GENERAL or so, spread over it), against which a verb
    use's stem is tested (`renders`): their msgids' words, counted and indexed once per
    file, so that a concept costs about its own verb uses, not the sample's size."""

    def __init__(
        self,
        checked: list[int],
        msgids: list[str],
        stems: Callable[[list[int]], list[set[str]]],
        stems_of: dict[int, set[str]],
    ) -> None:
        """Read the sample: each entry's English words and its translation's stems."""
        from moci_vocab.checkpo.conventions import _msgid_words

        self.split = _msgid_words
        self.msgids = msgids
        self.english: dict[int, frozenset[str]] = {}  # entry → the words of its msgid
        self.stems_of = stems_of
        words_of = self.words_of
        sample = list(dict.fromkeys(checked[:: max(1, len(checked) // _GENERAL)]))
        self.sample = frozenset(sample)
        self.postings: dict[str, list[int]] = {}  # English word → sample entries with it
        self.holding: dict[str, list[int]] = {}  # stem → sample entries whose translation has it
        for entry, found in zip(sample, stems(sample), strict=True):
            for english in words_of(entry):
                self.postings.setdefault(english, []).append(entry)
            for stem in found:
                self.holding.setdefault(stem, []).append(entry)
        self.vocabulary = sorted(self.postings)  # (the forms of a word: one range of it)
        # stem → (the sample entries holding it, their msgids' words counted, those words
        # by count, most first): made when a concept first asks about the stem
        self.ranked: dict[str, tuple[frozenset[int], Counter[str], list[tuple[int, str]]]] = {}

    def words_of(self, entry: int) -> frozenset[str]:
        """The English words of the entry's msgid (none of a long one: no label), made once."""
        found = self.english.get(entry)
        if found is None:
            msgid = self.msgids[entry]
            found = self.english[entry] = frozenset(
                self.split(msgid.casefold()) if len(msgid) < _LONG else ()
            )
        return found

    def learned(self, common: list[str], word: str, uses: list[int]) -> set[str]:
        """The stems of ``common`` that render the English word (`renders`), among the verb
        ``uses`` and the sample together."""
        words_of = self.words_of
        extra = [e for e in uses if e not in self.sample]  # (the pool: extra and the sample)
        base = word[:-1] if word.endswith("e") else word
        longest = len(word) + 3
        # The word's forms (change, changes, changed, changing) among the pool's words, and
        # the pool's entries with one of them
        start = bisect_left(self.vocabulary, base)
        every = set()
        for english in islice(self.vocabulary, start, None):
            if not english.startswith(base):
                break
            if len(english) <= longest:
                every.add(english)
        extra_words = Counter(chain.from_iterable(map(words_of, extra)))
        every.update(w for w in extra_words if w.startswith(base) and len(w) <= longest)
        with_form = {e for w in every for e in self.postings.get(w, ())}
        with_form.update(e for e in extra if not every.isdisjoint(words_of(e)))
        return {stem for stem in common if self.renders(stem, extra, extra_words, every, with_form)}

    def renders(
        self,
        stem: str,
        extra: list[int],
        extra_words: Counter[str],
        every: set[str],
        with_form: set[int],
    ) -> bool:
        """Is the English word (its forms, ``every``; ``with_form``: the pool's entries with
        one) the one whose msgids go best with the translations holding the stem, among the
        pool (the sample and the verb uses not in it, ``extra``, whose words are counted in
        ``extra_words``)? Dice's coefficient: twice the entries with both over the sum of
        the entries with each. A word for *you*, *can* or *other* goes best with those
        English words, an object's with the object ("password"), the verb's with the verb."""
        words_of = self.words_of
        ranked = self.ranked.get(stem)
        if ranked is None:
            held_sample = self.holding.get(stem, [])
            counted = Counter(chain.from_iterable(map(words_of, held_sample)))
            ranked = self.ranked[stem] = (
                frozenset(held_sample),
                counted,
                sorted(((n, w) for w, n in counted.items()), reverse=True),
            )
        held_sample, counted, by_count = ranked
        held_extra = [e for e in extra if stem in self.stems_of[e]]
        held = len(held_sample) + len(held_extra)
        both = len(held_sample & with_form) + sum(1 for e in held_extra if e in with_form)
        if not both:
            return False  # (no entry holding the stem has the word)
        own = 2 * both / (held + len(with_form))
        postings = self.postings
        # The words of the verb uses not in the sample, counted over the whole pool ...
        together = Counter(chain.from_iterable(map(words_of, held_extra)))
        for other in together.keys() | (extra_words.keys() & counted.keys()):
            if other not in every:
                n = counted.get(other, 0) + together[other]
                if 2 * n / (held + len(postings.get(other, ())) + extra_words[other]) > own:
                    return False
        # ... and the sample's others, most frequent first: a word in n entries with the
        # stem scores 2n / (held + n) at most, so past the first that cannot beat ``own``
        # none can (a hostile sample's long tail is not read)
        for n, other in by_count:
            if 2 * n / (held + n) <= own:
                break
            if other in every or other in extra_words:
                continue
            if 2 * n / (held + len(postings[other])) > own:
                return False
        return True


def verb_stems(low: str) -> set[str]:
    """The first _STEM letters of each word of a translation (``low``: prepared,
    `target_match.lowered`) with that many letters or more: the forms of one verb share
    them (Georgian შეცვლა, შეცვალეთ; Armenian փոխել, փոխեք)."""
    return set(_stems_said(low))


def _stems_said(low: str) -> list[str]:
    """`verb_stems`' stems of a translation in the order it says them (repeats kept)."""
    return [word[:_STEM] for word in _LETTER_RUNS.findall(low)]


# A word as `verb_stems` reads it, and the letters of its stem.
_STEM = 4
_LETTER_RUNS = re.compile(rf"[^\W\d_]{{{_STEM},}}")


def _in_a_verb_slot(text: str, word: str) -> bool:
    """Does the word stand, once or more, where English may use it as a verb (`in_verb_slot`,
    or `_after_a_relative`)? ``text`` casefolded; the first _MISSES uses only."""
    for count, at in enumerate(word_ends(text, word)):
        if count >= _MISSES:
            break
        if (at == 0 or not _word_char(text[at - 1])) and (
            in_verb_slot(text, at, at + len(word)) or _after_a_relative(text, at)
        ):
            return True
    return False


def _after_a_relative(text: str, start: int) -> bool:
    """Does a relative pronoun after a plural noun stand before the word at ``start``, which
    is then the verb of its clause ("pages that link here", "edits that change the
    target")? After a singular or nothing, *that* is a determiner ("That file exists",
    "for that link"). ``text`` casefolded."""
    words = text[max(0, start - 40) : start].split()
    if len(words) < 2 or words[-1] not in ("that", "which", "who"):
        return False
    noun = words[-2]
    return (
        len(noun) >= 4
        and noun.isalpha()
        and noun.endswith("s")
        and not noun.endswith(("ss", "us", "is"))
    )


# The catalog's rendering of a verb is learned from this many entries at least ...
_VERB_USES = 3
# ... and read in the first this many; of the stems they share, the commonest this many
# are looked at, each against the catalog's translations at large (of _GENERAL entries or
# so, spread over the catalog: `_renders`).
_VERB_SAMPLE = 40
_CANDIDATES = 8
_GENERAL = 400


def finite_misses(
    words: dict[int, str],
    terms: dict[int, list[str]],
    msgids: list[str],
    translation: Callable[[int], str],
    missing: dict[int, list[int]],
    finite: tuple[tuple[str, ...], frozenset[str], frozenset[str], frozenset[str], frozenset[str]],
) -> set[tuple[int, int]]:
    """(entry, concept) of the missing noun terms whose English word is a verb said by a
    finite verb made on the term's root (`Inflection.finite`): ka "Request revisions" as
    მოითხოვეთ შესწორებები, request the corrections, for the term მოთხოვნა.

    The English word is a command (an imperative or an infinitive: in a verb slot,
    `in_verb_slot`, opening a message or a sentence, after *to* or a subject pronoun, or in a
    list of commands, "Add, update, delete Websites"), said by a command's or a wish's verb
    (მოითხოვეთ, request!; მოითხოვოთ, that you request); or a statement's verb (its -ing form
    after a form of *be*, "is requesting encryption keys", or its -s form after a
    placeholder, "when %s posts"), said by a statement's (ითხოვს, დაპოსტავს). A label that
    opens with the noun ("Delay time") said by a statement (დააყოვნებს დრო, it delays the
    time) is no command: reported. ``words``: concept → its English word; ``terms``:
    concept → its one-word terms and their lemma stems.
    """
    dropped: set[tuple[int, int]] = set()
    english: dict[int, str] = {}  # each entry's msgid as read, casefolded, made once
    nouns, preverbs, marks, commands, statements = finite
    every = commands | statements
    for concept, entries in missing.items():
        roots = finite_roots(terms.get(concept, ()), nouns, preverbs)
        if not roots:
            continue
        word = words[concept]
        for entry in entries:
            # the words holding a root (most translations have none: one scan per root),
            # read off the text around it, not the whole translation's words
            found = _words_holding(translation(entry), roots)
            verbs = [told for told in found if finite_verb(told, roots, preverbs, marks, every)]
            if not verbs:
                continue
            msgid = english.get(entry)
            if msgid is None:
                msgid = english[entry] = unglued(msgids[entry]).casefold()
            if (
                _as_command(msgid, word)
                and any(finite_verb(told, roots, preverbs, marks, commands, True) for told in verbs)
            ) or (
                _as_statement(msgid, word)
                and any(finite_verb(told, roots, preverbs, marks, statements) for told in verbs)
            ):
                dropped.add((entry, concept))
    return dropped


def _words_holding(text: str, roots: Iterable[str]) -> set[str]:
    """The words of ``text`` (letters only, casefolded) that hold one of ``roots``."""
    found: set[str] = set()
    for root in roots:
        at = text.find(root)
        while at >= 0:
            start, end = at, at + len(root)
            while start and text[start - 1].isalpha():
                start -= 1
            while end < len(text) and text[end].isalpha():
                end += 1
            found.add(text[start:end].casefold())
            at = text.find(root, end)
    return found


def finite_roots(
    terms: Iterable[str], endings: tuple[str, ...], preverbs: frozenset[str]
) -> dict[str, frozenset[str] | None]:
    """The roots of one-word terms a finite verb is made on, each with the preverbs a verb
    on it may take (None: any): a verbal noun less its ending (``endings``, the longest
    that fits) and less its preverb, which alone it keeps (ka მოთხოვნა → თხოვ, with მო-:
    მოითხოვეთ, request!, not დაითხოვეთ, dismiss!; შენახვა → ნახ, with შე-: შეინახეთ, save!,
    not დაინახეთ, notice!, a preverb makes another verb: review34 F1), or as written; a
    noun in -ი less it, or a verbal noun with no preverb, any (კომენტარი → კომენტარ:
    დააკომენტარეთ; ანგარიში is no ა-ნგარიშ-ი); three letters or more."""
    roots: dict[str, frozenset[str] | None] = {}

    def add(root: str, allowed: frozenset[str] | None) -> None:
        if len(root) >= 3:
            had = roots.get(root, frozenset())
            roots[root] = None if allowed is None or had is None else had | allowed

    for term in terms:
        if " " in term:
            continue
        ending = next((end for end in endings if term.endswith(end)), None)
        if ending is not None:
            base = term[: len(term) - len(ending)]
            own = [p for p in preverbs if base.startswith(p) and len(base) - len(p) >= 3]
            add(base, frozenset() if own else None)
            for preverb in own:
                add(base[len(preverb) :], frozenset({preverb}))
        elif term.endswith("ი"):
            add(term[:-1], None)
    return roots


def finite_verb(
    word: str,
    roots: dict[str, frozenset[str] | None],
    preverbs: frozenset[str],
    marks: frozenset[str],
    endings: frozenset[str],
    command: bool = False,
) -> bool:
    """Is ``word`` a finite verb on one of ``roots`` (`finite_roots`): a mark, or a preverb
    the root may take and a mark, before it (a mark alone: ი-თხოვ-ს; a preverb and a mark:
    მო-ი-თხოვ-ეთ), and one of ``endings`` after it? In a ``command`` (whose form keeps its
    preverb) a mark that is also a preverb the root may not take is that preverb
    (ა-ტვირთ-ეთ, upload!, is no form of ჩამოტვირთვა, download: review34 F9); in a
    statement's present it is the version vowel (ა-მისამართ-ებს, redirects)."""
    for root, allowed in roots.items():
        at = word.find(root)
        if at <= 0 or word[at + len(root) :] not in endings:
            continue
        head = word[:at]
        if (
            head in marks
            and (not command or allowed is None or head not in preverbs or head in allowed)
        ) or any(
            head.startswith(p) and head[len(p) :] in marks
            for p in (preverbs if allowed is None else allowed)
        ):
            return True
    return False


# The forms of *be* before an -ing form that make it a verb ("is requesting").
_BE = frozenset({"am", "is", "are", "was", "were", "be", "been", "being", "'s", "'re"})
# A list of one-word commands opening a message or a sentence ("Add, update, delete
# Websites", "Add, comment and rate new ideas"): each of its words after the first is a
# command too. And a placeholder before a word's -s form, its subject ("when %s posts"): a
# string's or a named one ("%d posts", "{count} updates" count them, review34 F4).
_COMMAND_LIST = (
    r"(?:^|[.!?:;\n])\s*(?P<first>[^\W\d_]+)"
    r"(?:(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)[^\W\d_]+)+"
)
_SUBJECT_VERB = (
    r"(?:%\d*\$?[s@]|\{(?!\s*(?:count|n|num|number|total|\d+)\s*[},])[^{}]*\})\s+"
    r"([^\W\d_]+)s\b"
)


@functools.cache
def _cue_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The list of commands, a word, a subject and its verb (above), compiled when first
    needed: once a process, and only where a translation has a finite verb on a root."""
    return re.compile(_COMMAND_LIST), re.compile(r"[^\W\d_]+"), re.compile(_SUBJECT_VERB)


def _listed_command(text: str, word: str) -> bool:
    """Is ``word`` one of a list of commands after its first (see above)?"""
    commands, words, _ = _cue_patterns()
    return any(
        word in words.findall(text, found.end("first"), found.end())
        for found in commands.finditer(text)
    )


def _as_command(text: str, word: str) -> bool:
    """Does ``word`` stand in the casefolded msgid ``text`` as a command: in a verb slot
    (an imperative, an infinitive after *to*) or in a list of commands?"""
    size = len(word)
    return any(
        in_verb_slot(text, at, at + size) for at in word_ends(text, word) if _word_start(text, at)
    ) or (word in text and _listed_command(text, word))


def _as_statement(text: str, word: str) -> bool:
    """Does ``word`` stand in the casefolded msgid ``text`` as a verb with its subject: its
    -ing form after a form of *be*, its -s form after a placeholder?"""
    gerund = (word[:-1] if word.endswith("e") and len(word) > 3 else word) + "ing"
    for at in word_ends(text, gerund):
        if _word_start(text, at):
            before = text[max(0, at - 8) : at].split()
            if before and before[-1] in _BE:
                return True
    return any(found.group(1) == word for found in _cue_patterns()[2].finditer(text))
