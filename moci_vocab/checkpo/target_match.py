"""Does a translation contain a term, in any inflected form?

A term is compiled into a `TargetTerm`: one `WordSpec` per word (the stems the
word may be cut back to, plus explicit `forms`), with the language's small
connecting words as flexible slots. A token matches a word when it is one of
the explicit forms, or a stem followed by an ending from the language's
suffix list (`inflection.py`), or one of the lemma's irregular stems
(`irregular/<lang>.txt`) followed by such an ending. Nothing else: no edit
distance, so a different word that looks alike (განათლება for განახლება) is
never taken for the term. In languages that build compounds a term may also be
the last part of a word (qytet in kryeqytet), a multi-word term may be written
as one word (ვებგვერდი), and its words may stand in another order or with other
words between them (a window of a few words around the first one).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from moci_vocab.checkpo.inflection import Inflection
from moci_vocab.checkpo.mnemonics import unmark
from moci_vocab.checkpo.spans import clean

_WORD = re.compile(r"[^\W_]+")
_NEXT_WORD = re.compile(r"[\W_]*([^\W_]+)")
_WORD1 = re.compile(r"([^\W_]+)")
# A word and the (up to) two words after it.
_WORDS3 = re.compile(r"([^\W_]+)(?:[\W_]+([^\W_]+))?(?:[\W_]+([^\W_]+))?")
# Letters treated as vowels when finding the last syllable of a stem.
_VOWELS = frozenset("aeiouyëäöüåæøəıаеиоуыэюяёіїєაეიოუաեէըիոօ")
# A term's words may have this many other words between them ("emër të tillë
# përdoruesi" for "emër përdoruesi"), and a connecting word slot may hold up to
# this many connecting words ("bazës së të dhënave").
_GAP = 2
# ... and, in any order, within this many words of the first one.
_WINDOW = 4
_WORD_SPAN = re.compile(r"[^\W_]+")
_ALLOWED = ("preferred", "admitted")


def tokens(text: str) -> list[str]:
    """The casefolded NFC words of a text (hyphens, apostrophes, markup split words)."""
    return words_of(unmark(clean(text)).casefold())


def tuple_reduce(self: tuple) -> tuple:
    """A named tuple's pickle that loads by one call of ``tuple.__new__``.

    The default calls the class's ``__new__``, a Python function, for each of the
    thousands of tuples unpickled from the compiled-glossary cache on every run.
    """
    return (tuple.__new__, (type(self), tuple(self)))


# Named tuples, not dataclasses: thousands of them are unpickled from the cache
# on every run, and tuples unpickle several times faster.
class WordSpec(NamedTuple):
    """One word of a target term: its stems and the forms that match it exactly."""

    word: str  # the word as in the term, casefolded
    stems: tuple[str, ...]  # longest first
    exact: frozenset[str]  # explicit forms (and the word itself)

    __reduce__ = tuple_reduce


class TargetTerm(NamedTuple):
    """A target term compiled for matching: its words, status and a quick probe."""

    text: str  # as written in the glossary
    status: str
    words: tuple[WordSpec | None, ...]  # None: a connecting word (i, të, së …)
    probe: str | None  # a substring every match contains, for a quick pre-check

    __reduce__ = tuple_reduce


def longest_first(stems: Iterable[str]) -> tuple[str, ...]:
    """The stems, longest first; of one length, in the order of the letters (not in a set's
    order, which the hash seed sets: the same compiled glossary, the same answers, whatever
    the process)."""
    return tuple(sorted(stems, key=lambda stem: (-len(stem), stem)))


def stems_of(word: str, infl: Inflection, term: bool = False) -> tuple[str, ...]:
    """The stems a word may be cut back to before an ending is added.

    ``term``: the word is a glossary's term as written; a lemma given in an inflected form
    whose stem dropped a vowel gets back the vowel its lemma has (``Inflection.restored``:
    ka საგნის → საგან-ი, მომხმარებლის → მომხმარებელ-ი; never another vowel: სახლის,
    of a house, is no სახელი, name), and one given as a lemma's listed irregular full
    form gets the lemma and its stems (sq zëra → zë, zër: `_irregular_of`).
    """
    irregular = _irregular_of(word, infl, term)
    stems = {word, *irregular}
    bases = [word]
    # The word less a final vowel that is no ending of the language, but the lemma's own
    # (ka სანიშნე, a bookmark: სანიშნის): a stem for endings, not a lemma of its own, so
    # no vowel drops out of it and no irregular lemma is read in it.
    cut = ""
    if word[-1] in infl.final_vowels:
        stems.add(word[:-1])
        bases.append(word[:-1])  # գործողությունը → գործողություն → գործողությ
        if not _is_ending(word[-1], infl):
            cut = word[:-1]
    for base, rules in [(word, infl.lemma_endings)] + [(b, infl.replacements) for b in bases]:
        for old, new in rules:
            if base.endswith(old) and len(base) - len(old) >= 2:
                stem = base[: -len(old)] + new
                stems.add(stem)
                if stem[-1:] in tuple(infl.final_vowels):  # სანიშნეების → სანიშნე → სანიშნ
                    stems.add(stem[:-1])
    for old, new in infl.restored if term else ():
        at = len(word) - len(old)
        if at < 2 or not word.endswith(old):
            continue  # (most rules: tested first, stems_of runs for each term in rendered.py)
        # after a consonant: the word's own (საგ-ნის → საგ-ან-) or, where the rule keeps
        # the ending's first letters, the ending's (მწარმო-ებლის → მწარმო-ებელ-)
        kept = _shared_start(old, new)
        if (old[kept - 1] if kept else word[at - 1]) not in _VOWELS:
            stems.add(word[:at] + new)  # საგნის → საგან-ი: the vowel its lemma has
    if term and infl.plural[0]:
        stems.update(_plural_lemma(word, infl))
    if term:
        stems.update(_syncope_lemmas(word, infl))
    if term and infl.lemma_irregular and not irregular:
        # a term given in an inflected form of an irregular lemma: its lemma's listed stems
        # (sq biri, the child → bir → bij, children, as miku → mik → miq)
        irregular = _irregular_of_lemma(word, stems - {word, cut}, infl)
        stems.update(irregular)
    if term and infl.first_parts and not irregular:
        # a term given in a case of a lemma whose stem alternates (ka ნომრის, of the number
        # → ნომერი, ნომერს, ნომერზე: the data's ნომრ ნომერ)
        irregular = _alternating_lemma(word, stems - {word, cut}, infl)
        stems.update(irregular)
    for base in list(stems):
        if base in irregular or base == cut:
            continue  # an irregular stem is as given (գուն for գույն loses no more)
        reduced = _drop_fleeting(base, infl)
        if reduced:
            stems.add(reduced)
        elif base != word and len(infl.fleeting) == 1:  # emri → emr → emër (the vowel back)
            restored = _restore_fleeting(base, infl)
            if restored:
                stems.add(restored)
    # Very short stems with an open ending would match almost anything.
    keep = [s for s in stems if s == word or s in irregular or len(s) >= infl.min_stem]
    # the plural markers that follow only some letters, on each stem that ends in one
    keep += [s + mark for s in keep for after, mark in infl.plural_marks if s[-1] in after]
    return longest_first(keep)


def _is_ending(letters: str, infl: Inflection) -> bool:
    """Whether ``letters`` are an ending of the language (in its list, or short enough for
    a language that takes any short ending)."""
    return letters in infl.suffixes or len(letters) <= infl.open_suffix


def lemma_forms(word: str, infl: Inflection) -> tuple[str, ...]:
    """The forms of the lemma of a term given in a plural whose stem alternates, the bare
    stem first (`Inflection.lemma_forms`: sq blloqe → bllok, blloku, bllokun, bllokut), or
    (): a stem that takes only these endings, not the language's every one."""
    for old, new, endings in infl.lemma_forms:
        if word.endswith(old) and len(word) - len(old) >= 2:
            stem = word[: -len(old)] + new
            return tuple(stem + ending for ending in endings)
    return ()


def _shared_start(one: str, other: str) -> int:
    """How many letters two words share at their start."""
    size = 0
    while size < min(len(one), len(other)) and one[size] == other[size]:
        size += 1
    return size


def _plural_lemma(word: str, infl: Inflection) -> set[str]:
    """The stems of the lemma of a term given in the plural that the plural dropped a vowel
    of (``Inflection.plural``): ka უჯრები → უჯრა; hy գրքեր → գիրք."""
    endings, vowel = infl.plural
    found = set()
    for ending in endings:
        head = word[: -len(ending)]
        if not word.endswith(ending) or len(head) < 2 or head[-1] in _VOWELS:
            continue
        if vowel:
            found.add(head + vowel)  # უჯრ-ები → უჯრ-ა
        if len(head) <= 3:  # a head of consonants only: the vowel after its first (գրք → գիրք)
            found.update(_vowel_back(head, infl, (len(head) - 1,)))
    return found


def _syncope_lemmas(word: str, infl: Inflection) -> set[str]:
    """The lemmas of a term given in a case whose ending took its last syllable's vowel
    (``Inflection.syncope``): hy խմբի → խումբ, ծրագրի → ծրագիր, թղթի → թուղթ."""
    found = set()
    for ending in infl.syncope:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 2:
            found.update(_vowel_back(stem, infl, range(1, infl.fleeting_cluster + 1)))
    return found


def _vowel_back(stem: str, infl: Inflection, sizes: Iterable[int]) -> set[str]:
    """The stem with the language's dropped vowel (``Inflection.fleeting``) put back before
    its last ``size`` consonants, for each size (ascending) while the consonants there and
    the letter before them hold no vowel: the lemma whose last syllable's vowel an ending
    took (`_syncope_lemmas`, `_plural_lemma`'s head of consonants only)."""
    found = set()
    for size in sizes:
        at = len(stem) - size
        if at < 1 or any(ch in _VOWELS for ch in stem[at - 1 :]):
            break  # a vowel before or inside the consonants: no vowel dropped there
        found.update(stem[:at] + vowel + stem[at:] for vowel in infl.fleeting)
    return found


def _irregular_of(word: str, infl: Inflection, term: bool = False) -> tuple[str, ...]:
    """The irregular stems of a word, or of the irregular lemma that it ends with, or (a
    glossary's ``term`` as written) whose listed full form it is (sq zëra → zë, zër).

    A compound declines like its last part: սեփականատեր → սեփականատիրոջ as
    տեր → տիրոջ (lemmas of three letters or more).
    """
    if word in infl.irregular:
        return infl.irregular[word]
    if term:
        # a term given as a full irregular form (sq zëra, items): its lemma and the others
        lemma = _irregular_forms(infl).get(word)
        if lemma is not None:
            return (lemma, *infl.irregular[lemma])
    for ending in infl.first_parts or "":
        # a term given as its bare stem, without the nominative a first part drops (ka
        # მონიშნულ, GIMP's term for selection): the stems of its lemma (მონიშნული)
        if word + ending in infl.irregular:
            return infl.irregular[word + ending]
    # (a lemma no longer than the longest listed: a long word is not sliced once per letter)
    for size in range(min(len(word) - 2, _longest_irregular(infl)), 2, -1):
        lemma = word[-size:]
        if lemma in infl.irregular:
            head = word[:-size]
            return tuple(head + stem for stem in infl.irregular[lemma])
    return ()


def _irregular_of_lemma(word: str, stems: set[str], infl: Inflection) -> tuple[str, ...]:
    """The listed irregular stems of the lemma that one of a term's stems is, as cut back or
    with the final vowel its ending replaced (sq dora → dor → dorë: duar), or the lemma and
    its stems where the term is a listed stem with a definite ending (sq zëri, the entry →
    zër → zë, zëra: ``Inflection.irregular_definite``)."""
    listed = _irregular_forms(infl)
    for stem in longest_first(stems):
        for lemma in (stem, *(stem + vowel for vowel in infl.final_vowels)):
            if lemma in infl.irregular:
                return infl.irregular[lemma]
        lemma = listed.get(stem)
        if lemma is not None and word[len(stem) :] in infl.irregular_definite:
            return (lemma, *infl.irregular[lemma])
    return ()


def _alternating_lemma(word: str, stems: set[str], infl: Inflection) -> tuple[str, ...]:
    """The lemma and its listed stems where the term is one of them with a regular ending
    and the lemma's line lists its own stem too (the lemma less its nominative,
    ``Inflection.first_parts``): one word whose stem alternates (ka ნომრის, of the number →
    ნომერი: ნომრ ნომერ; სექტემბრის → სექტემბერი; the ergative ნომერმა), or ().

    A line without the lemma's own stem lists another derivation (მონიშნული: მონიშვნ
    მონიშვნა, the verbal noun), which a term given in a case says only where the English
    allows (rendered.lemma_derived): მონიშვნის, of the selection, stays apart from it.
    """
    listed = _irregular_forms(infl)
    # the rules' stems, and each listed stem the term starts with: the ergative ნომერმა is
    # ნომერ-მა, a stem no rule cuts (no -მა is cut: lemmas end so, ფორმა, ჩასმა, გეგმა)
    # (no longer than the longest listed stem: a long word is not sliced once per letter)
    longest = min(len(word), 1 + max(map(len, listed), default=0))
    starts = {word[:size] for size in range(2, longest) if word[:size] in listed}
    for stem in longest_first(stems | starts):
        lemma = listed.get(stem)
        if lemma is None or not word.startswith(stem) or word[len(stem) :] not in infl.suffixes:
            continue
        own = infl.irregular[lemma]
        if any(lemma == base + nominative for base in own for nominative in infl.first_parts):
            return (lemma, *own)
    return ()


def _longest_irregular(infl: Inflection) -> int:
    """The length of the language's longest listed irregular lemma, found once per
    `Inflection` (kept beside its fields, as `_irregular_forms`)."""
    found = infl.__dict__.get("_longest_irregular")
    if found is None:
        found = max(map(len, infl.irregular), default=0)
        infl.__dict__["_longest_irregular"] = found  # (frozen: set past __setattr__)
    return found


def _irregular_forms(infl: Inflection) -> dict[str, str]:
    """Each listed irregular stem or form of the language → its lemma, made once per
    `Inflection` (kept beside its fields: not one of them)."""
    found = infl.__dict__.get("_irregular_forms")
    if found is None:
        found = {}
        for lemma, stems in infl.irregular.items():
            for stem in stems:
                found.setdefault(stem, lemma)
        infl.__dict__["_irregular_forms"] = found  # (frozen: set past __setattr__)
    return found


def _restore_fleeting(base: str, infl: Inflection) -> str | None:
    """emr → emër: a stem ending in two consonants gets its fleeting vowel back."""
    if len(base) < 3 or base[-1] not in infl.fleeting_before:
        return None
    if base[-1] in _VOWELS or base[-2] in _VOWELS:
        return None
    return base[:-1] + infl.fleeting[0] + base[-1]


def _drop_fleeting(base: str, infl: Inflection) -> str | None:
    """qendër → qendr, მომხმარებელ → მომხმარებლ, Armenian խումբ → խմբ.

    The last vowel (or vowel digraph, Armenian ու) of the word drops out when
    only `fleeting_cluster` consonants follow it and a consonant precedes it.
    """
    if not infl.fleeting or len(base) < 3:
        return None
    for vowel in infl.fleeting:
        at = base.rfind(vowel)
        if at < 1:
            continue
        tail = base[at + len(vowel) :]
        if not tail or len(tail) > infl.fleeting_cluster or any(ch in _VOWELS for ch in tail):
            continue
        if base[at - 1] in _VOWELS or (
            infl.fleeting_before and tail[0] not in infl.fleeting_before
        ):
            continue
        return base[:at] + tail
    return None


def compile_term(text: str, status: str, forms: list[str], infl: Inflection) -> list[TargetTerm]:
    """A glossary term as patterns: the inflectable term, and each explicit form as written."""
    words = tokens(text)
    if not words:
        return []
    # (each form's words found once: a long form is not split again for each of its words)
    form_tokens = [tokens(form) for form in forms]
    single_forms = {words_of[0] for words_of in form_tokens if len(words_of) == 1}
    specs: list[WordSpec | None] = []
    for i, word in enumerate(words):
        if word in infl.connectors and 0 < i < len(words) - 1:
            specs.append(None)
            continue
        exact = frozenset(
            {word, *lemma_forms(word, infl)} | (single_forms if len(words) == 1 else set())
        )
        stems = stems_of(word, infl, term=True)
        if infl.derived and word[-1] not in _VOWELS:  # (a word derived on the term: hy -ում)
            derived = {*stems, *(word + ending for ending in infl.derived)}
            stems = longest_first(derived)
        if infl.action_nouns:  # (an adjective term's noun's action nouns: hy -ավորում)
            stems = _with_action_nouns(word, stems, infl)
        specs.append(WordSpec(word, stems, exact))
    patterns = [TargetTerm(text, status, tuple(specs), _probe(specs))]
    content = [spec for spec in specs if spec is not None]
    if infl.compounds and len(content) > 1:  # written as one word: ვებ გვერდი → ვებგვერდი
        head = "".join(spec.word for spec in content[:-1])
        last = content[-1]
        closed = WordSpec(
            head + last.word,
            tuple(head + stem for stem in last.stems),
            frozenset(head + form for form in last.exact),
        )
        patterns.append(TargetTerm(text, status, (closed,), _probe([closed])))
    if infl.compounds and len(content) == 1:
        patterns.extend(_compound_part(text, status, content[0]))
    if len(content) == 1:
        # (each a pattern of its own: the term's probe, its stems' shared start, stays)
        for other in words_saying(content[0].word, infl):
            spec = WordSpec(other, stems_of(other, infl, term=True), frozenset({other}))
            patterns.append(TargetTerm(text, status, (spec,), _probe([spec])))
    for form_words in form_tokens:
        if len(form_words) > 1:
            exact_specs = tuple(
                None if (w in infl.connectors and 0 < i < len(form_words) - 1)
                else WordSpec(w, (), frozenset({w}))
                for i, w in enumerate(form_words)
            )  # fmt: skip
            patterns.append(TargetTerm(text, status, exact_specs, _probe(list(exact_specs))))
    return patterns


def words_saying(word: str, infl: Inflection) -> list[str]:
    """Other words that say a one-word term anywhere: the participle without its preverb
    (`without_preverb`), an abstract noun's adjective (`Inflection.abstract`: ka
    მრავალსესიიანობა → მრავალსესიიანი). (A noun's abstract noun says it only as a role:
    `rendered.said_as_role`.)"""
    found = [bare] if (bare := without_preverb(word, infl)) else []
    suffix, adjectives = infl.abstract
    for ending in (suffix, suffix[:-1] + "ის") if suffix else ():  # (a genitive: -ობის)
        base = word[: -len(ending)]
        if word.endswith(ending) and len(base) >= 4 and base.endswith(adjectives):
            found.append(base + "ი")
    return found


def without_preverb(word: str, infl: Inflection) -> str | None:
    """A participle term without its preverb (`Inflection.bare_participles`: ka დამშიფრავი
    → მშიფრავი), or None: the word is one of those preverbs, a mark and a stem of three
    letters or more with a participle's ending."""
    preverbs, endings = infl.bare_participles
    if not endings or not word.endswith(endings):
        return None
    for preverb in preverbs:
        if word.startswith(preverb):
            bare = word[len(preverb) :]
            mark = next((m for m in infl.agent_nouns[0] if bare.startswith(m)), None)
            if mark is not None and len(bare) - len(mark) - 3 >= 3:
                return bare
    return None


def _with_action_nouns(word: str, stems: tuple[str, ...], infl: Inflection) -> tuple[str, ...]:
    """``stems`` and, for a term that is a relational adjective, the stems of the action
    nouns made on its noun (`Inflection.action_nouns`: պահուստային → պահուստավորում)."""
    for suffix in infl.adjectives[0]:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            noun = word[: -len(suffix)]
            made = {*stems, *(noun + ending for ending in infl.action_nouns)}
            return longest_first(made)
    return stems


def _compound_part(text: str, status: str, spec: WordSpec) -> list[TargetTerm]:
    """The term as the last part of a compound, when its probe is too short to look for one.

    A reduced or irregular stem (նշ for նիշ, գուն for գույն) or a lemma's form (sq fak of
    faqe: `lemma_forms`) cuts the probe to a letter or two, and a compound part needs
    three; this pattern keeps only the stems and forms that start like the word
    (ձայնանիշեր: նիշ in a compound; kryefaqe: faqe).
    """
    probe = _probe([spec])
    if len(spec.word) < 3 or (probe is not None and len(probe) >= 3):
        return []
    start = spec.word[:3]
    stems = tuple(s for s in spec.stems if s.startswith(start))
    exact = frozenset(form for form in spec.exact if form.startswith(start))
    part = WordSpec(spec.word, stems, exact)
    return [TargetTerm(text, status, (part,), _probe([part]))]


def _probe(specs: list[WordSpec | None]) -> str | None:
    """The longest prefix every form of the term's first word starts with (None if empty)."""
    first = next(spec for spec in specs if spec is not None)
    candidates = [*first.stems, *first.exact]
    shortest = min(candidates, key=len)
    size = len(shortest)
    for candidate in candidates:
        while not candidate.startswith(shortest[:size]):
            size -= 1
    return shortest[:size] or None


def lowered(texts: list[str]) -> list[str]:
    """`Translation(text).low` of every text, computed over all of them at once."""
    return prepared(texts)[1]


def prepared(texts: list[str]) -> tuple[list[str], list[str]]:
    """`Translation(text).plain` and `.low` of every text, computed over all at once."""
    if not texts:
        return [], []
    text = "\x00".join(texts)
    if text.count("\x00") != len(texts) - 1:  # a NUL inside a text: one at a time
        forms = [Translation(t) for t in texts]
        return [form.plain for form in forms], [form.low for form in forms]
    plain = unmark(clean(text))
    return plain.split("\x00"), plain.casefold().split("\x00")


def surface_words(plain: str) -> list[str]:
    """The words of a translation as written, from its `Translation.plain`."""
    return words_of(plain)


def words_of(text: str) -> list[str]:
    """``_WORD.findall(text)``: the text's runs of letters and digits. A text of Latin-1
    characters (every Albanian one, most of them ASCII) by `bytes.translate` and `split`:
    the regular expression tests each character's Unicode category (~330 instructions a
    character; the translation's words were 7% of the mined 15.8k-entry case)."""
    try:
        data = text.encode("latin-1")
    except UnicodeEncodeError:  # (Georgian, Armenian: ``\w+`` is _WORD where no "_" is)
        return (_WORD if "_" in text else _WORD_NO_UNDERSCORE).findall(text)
    return data.translate(_LATIN1_SPACES).decode("latin-1").split()


# Words where a text has no "_" (the same as _WORD there, and found ~20% faster).
_WORD_NO_UNDERSCORE = re.compile(r"\w+")


# Each of the first 256 characters (a Latin-1 byte) that is not in a word as _WORD reads
# it (letters and digits: `str.isalnum`, what the regular expression's \w tests, less
# "_") made a space.
_LATIN1_SPACES = bytes(b if chr(b).isalnum() else 32 for b in range(256))
# The one letter that casefolds to a single letter of another kind: U+0345 (a combining
# mark, not part of a word) folds to ι (a letter). Every other letter folds to one of the
# same kind or to more than one letter (test_checkpo_target checks all of Unicode).
_FOLDS_INTO_A_WORD = "\u0345"


def folded_words(plain: str, low: str) -> list[str]:
    """`surface_words(plain)`, each word casefolded (``low``: ``plain.casefold()``).

    Found in ``low`` itself when every letter folded to one letter of the same kind
    (``low`` as long as ``plain``, so one letter each): the words are then at the same
    places, folded.
    """
    if len(low) == len(plain) and _FOLDS_INTO_A_WORD not in plain:
        return words_of(low)
    words = words_of(plain)
    return "\x00".join(words).casefold().split("\x00") if words else words


class Translation:
    """One translation prepared for matching: placeholders out, NFC, casefolded.

    Words (tokens with their offsets) are split only when a multi-word term or
    the fuzzy fallback needs them; single-word terms are found straight in the
    casefolded text.
    """

    __slots__ = ("_index", "_spans", "_toks", "low", "plain", "text")

    def __init__(self, text: str):
        self.text = text
        self.plain = unmark(clean(text))
        self.low = self.plain.casefold()
        self._toks: list[str] | None = None
        self._spans: list[tuple[int, int]] = []
        self._index: dict[int, int] | None = None

    @property
    def toks(self) -> list[str]:
        """The translation's words (casefolded), found once."""
        if self._toks is None:
            found = list(_WORD.finditer(self.low))
            self._toks = [m.group() for m in found]
            self._spans = [m.span() for m in found]
        return self._toks

    @property
    def token_index(self) -> dict[int, int]:
        """Character offset where a word starts → its token number."""
        if self._index is None:
            self.toks  # noqa: B018 - splits the words if not done yet
            self._index = {span[0]: i for i, span in enumerate(self._spans)}
        return self._index

    def span_of(self, first: int, end: int) -> tuple[int, int]:
        """Character span of tokens first..end-1."""
        self.toks  # noqa: B018 - splits the words if not done yet
        return (self._spans[first][0], self._spans[end - 1][1])

    def surface(self, span: tuple[int, int]) -> str:
        """The text at a span, as written (casefolded only where casefolding moved letters)."""
        source = self.plain if len(self.plain) == len(self.low) else self.low
        return source[span[0] : span[1]]

    def surface_words(self) -> list[str]:
        """The translation's words as written."""
        return surface_words(self.plain)


class TargetMatcher:
    """Matches compiled terms against a translation, for one language."""

    def __init__(self, infl: Inflection):
        self.infl = infl
        self.suffixes = infl.suffixes
        self.open = infl.open_suffix
        self.connectors = infl.connectors
        self.compounds = infl.compounds
        self.prefixes = infl.prefixes
        # the fewest letters of a compound before its last part, after a term of four
        # letters or more and after a shorter one (`Inflection.compound_head`)
        self.heads = (max(2, infl.compound_head), max(3, infl.compound_head))
        # each compound head (two letters or more) that a longer prefix starts with → those
        # prefixes: "si" → ("sipër",), see `_component`
        self.longer_prefixes: dict[str, tuple[str, ...]] = {}
        for prefix in sorted(infl.prefixes):
            for size in range(2, len(prefix)):
                heads = self.longer_prefixes
                heads[prefix[:size]] = (*heads.get(prefix[:size], ()), prefix)

    def word_matches(self, token: str, spec: WordSpec) -> bool:
        """Whether ``token`` is a form of the word ``spec`` (or a plain tuple of its fields)."""
        if token in spec[2]:  # exact
            return True
        for stem in spec[1]:  # stems
            if token.startswith(stem):
                rest = len(token) - len(stem)
                if rest <= self.open or token[len(stem) :] in self.suffixes:
                    return True
        return False

    def find(self, text: Translation, term: TargetTerm) -> tuple[int, int] | None:
        """The character span of the term in the translation, or None."""
        if term.probe is None:
            found = self._find_in_tokens(text.toks, term, range(len(text.toks)))
            return text.span_of(*found) if found else None
        return self.find_low(text.low, term)

    def find_low(self, low: str, term: TargetTerm) -> tuple[int, int] | None:
        """`find` by the rules, on a prepared (`lowered`) text, for a term with a probe.

        The probe (a prefix of every form of the term's first word) is looked up
        with ``str.find``; only the words starting there are tested. This runs for
        every glossary term of every entry, so the word tests are inline, and a
        term of two or three words reads them with one regex call when they stand
        next to each other (the usual case; `_follow` handles the others).

        ``term`` may also be a plain tuple of a TargetTerm's fields, its words plain
        tuples of WordSpec's (the compiled glossary's inline tests: they load faster):
        fields are read by position.
        """
        probe = term[3]
        at = low.find(probe)
        if at < 0:
            return None
        words = term[2]
        count = len(words)
        first = words[0]
        exact, stems = first[2], first[1]
        suffixes, open_suffix = self.suffixes, self.open
        side_by_side = 1 < count <= 3 and None not in words
        match = _WORDS3.match if side_by_side else _WORD1.match
        # A term may be the last part of a compound word (qytet in kryeqytet): then the
        # probe may stand inside a word, after at least two letters of it. Words that
        # start with the probe are tried first; inside words only when none matched.
        inside = self.compounds and len(probe) >= 3 and term[1] in _ALLOWED
        head = self.heads[len(probe) < 4]  # letters of the compound before the term
        for mid_word in (False, True) if inside else (False,):
            if mid_word:
                at = low.find(probe)
            while at >= 0:
                if (
                    (at == 0 or not low[at - 1].isalnum())
                    if not mid_word
                    else (at > 0 and low[at - 1].isalnum() and self._component(low, at, head))
                ):
                    word = match(low, at)
                    if word is not None:
                        token = word.group(1)
                        ok = token in exact
                        if not ok:
                            for stem in stems:
                                if token.startswith(stem):
                                    size = len(stem)
                                    if len(token) - size <= open_suffix or token[size:] in suffixes:
                                        ok = True
                                        break
                        if ok:
                            if count == 1:
                                return word.span(1)
                            if side_by_side:
                                for k in range(1, count):
                                    spec, token = words[k], word.group(k + 1)
                                    if token is None:
                                        break
                                    if token in spec[2]:  # exact
                                        continue
                                    for stem in spec[1]:  # stems
                                        if token.startswith(stem):
                                            size = len(stem)
                                            if (
                                                len(token) - size <= open_suffix
                                                or token[size:] in suffixes
                                            ):
                                                break
                                    else:
                                        break  # this word does not match: maybe after a gap
                                else:
                                    return (at, word.end(count))
                            end = self._follow(low, word.end(1), words)
                            if end is not None:
                                return (at, end)
                            span = self._window(low, at, word.end(1), words)
                            if span is not None:
                                return span
                at = low.find(probe, at + 1)
        return None

    def _component(self, low: str, at: int, head: int = 2) -> bool:
        """Does a compound's last part start at ``at`` (after ``head`` letters, no mere prefix)?

        Nor where a prefix runs on past ``at`` into the part: sq sipërshkrim (an inscription)
        is sipër- + shkrim, not si + përshkrim (a description).
        """
        start = at
        while start > 0 and low[start - 1].isalnum():
            start -= 1
        before = low[start:at]
        if at - start < head or before in self.prefixes:
            return False
        return not any(low.startswith(p, start) for p in self.longer_prefixes.get(before, ()))

    def _window(self, low: str, at: int, end: int, words: tuple) -> tuple[int, int] | None:
        """The other words of a term in any order near its first word, or None.

        "emrat dhe fjalëkalimet e përdoruesve" for "emër përdoruesi": each other
        word matches a different token among the _WINDOW words before and after
        the first one (coordination, another order, longer gaps).
        """
        left = low.rfind(" ", 0, max(0, at - 12 * _WINDOW))
        found = list(_WORD_SPAN.finditer(low, left + 1, min(len(low), end + 12 * _WINDOW)))
        anchor = next((k for k, m in enumerate(found) if m.start() == at), None)
        if anchor is None:
            return None
        near = found[max(0, anchor - _WINDOW) : anchor + _WINDOW + 1]
        used = {at}
        for spec in words[1:]:
            if spec is None:
                continue
            for m in near:
                if m.start() not in used and self.word_matches(m.group(), spec):
                    used.add(m.start())
                    break
            else:
                return None
        chosen = [m for m in near if m.start() in used]
        return (chosen[0].start(), chosen[-1].end())

    def _follow(self, low: str, pos: int, words: tuple) -> int | None:
        """Where the rest of a multi-word term ends, reading words from ``pos`` on."""
        connectors = self.connectors
        suffixes, open_suffix = self.suffixes, self.open
        next_word = _NEXT_WORD.match
        for spec in words[1:]:
            if spec is None:  # up to _GAP connecting words (i, të, së …), or none
                for _ in range(_GAP):
                    word = next_word(low, pos)
                    if word is None or word.group(1) not in connectors:
                        break
                    pos = word.end()
                continue
            exact, stems = spec[2], spec[1]
            for _ in range(_GAP + 1):
                word = next_word(low, pos)
                if word is None:
                    return None
                pos = word.end()
                token = word.group(1)
                if token in exact:
                    break
                # word_matches, inline: this runs for every word of every multi-word term
                for stem in stems:
                    if token.startswith(stem):
                        size = len(stem)
                        if len(token) - size <= open_suffix or token[size:] in suffixes:
                            break
                else:
                    continue
                break
            else:
                return None
        return pos

    def _find_in_tokens(self, toks: list[str], term: TargetTerm, starts):
        test = self.word_matches
        words = term.words
        first = words[0]
        count = len(toks)
        connectors = self.connectors
        for i in starts:
            if first is None or not test(toks[i], first):
                continue
            j = i + 1
            for spec in words[1:]:
                if spec is None:
                    for _ in range(_GAP):
                        if j < count and toks[j] in connectors:
                            j += 1
                    continue
                for gap in range(_GAP + 1):
                    if j + gap < count and test(toks[j + gap], spec):
                        j += gap + 1
                        break
                else:
                    break
            else:
                return (i, j)
        return None


def closest(toks_surface: list[str], term: str) -> str | None:
    """The words of the translation most like the term (as written), or None."""
    return closest_of(candidate_phrases(toks_surface, term_size(term)), term)


def term_size(term: str) -> int:
    """How many words a term has (at least one): the length of `closest`'s phrases."""
    return max(1, len(tokens(term)))


def term_sizes(terms: list[str]) -> list[int]:
    """`term_size` of each term, their words found together."""
    return [max(1, len(words_of(low))) for low in prepared(terms)[1]]


def candidate_phrases(
    toks_surface: list[str], size: int, folded: list[str] | None = None
) -> tuple[list[str], list[str]]:
    """The runs of ``size`` words and the same casefolded (``folded``: the words
    casefolded, when the caller has them). Every run, in text order: a run that
    comes again changes nothing, as the likeness search keeps the first of equal
    scores."""
    if not toks_surface:
        return [], []
    if folded is None:  # casefold works letter by letter: one call for all the words
        folded = "\x00".join(toks_surface).casefold().split("\x00")
    if size == 1:
        return toks_surface, folded
    return candidate_choices(toks_surface, size), candidate_choices(folded, size)


def candidate_choices(words: list[str], size: int) -> list[str]:
    """One list of `candidate_phrases` (``size`` > 1): the runs of ``size`` of these
    words, or all of them as one when there are no more; phrase ``k`` is
    ``" ".join(words[k : k + size])`` (`phrase_at`)."""
    if len(words) <= size:
        return [" ".join(words)]
    return _runs(words, size)


def phrase_at(words: list[str], size: int, index: int) -> str:
    """Phrase ``index`` of `candidate_choices` (or of the words themselves, ``size`` 1)
    without making the others."""
    return words[index] if size == 1 else " ".join(words[index : index + size])


def _runs(words: list[str], size: int) -> list[str]:
    # (the usual sizes zipped from their slices directly: a list of slices made by a
    # comprehension and unpacked costs a third more on the mined 15.8k-entry case; so do
    # `pairwise` and zip's keyword, whose dict zip makes per call: 8 M of 77 M there)
    if size == 2:
        return list(map(" ".join, zip(words, words[1:])))  # noqa: B905, RUF007
    if size == 3:
        return list(map(" ".join, zip(words, words[1:], words[2:])))  # noqa: B905
    return list(map(" ".join, zip(*[words[i:] for i in range(size)], strict=False)))


def closest_of(
    phrases: tuple[list[str], list[str]], term: str, likeness=None, folded: str | None = None
) -> str | None:
    """Of `candidate_phrases`, the one most like the term (as written), or None.

    ``likeness``: `closest_likeness()`, when the caller keeps it for many calls;
    ``folded``: the term casefolded, when the caller has it.
    """
    written, choices = phrases
    if not written:
        return None
    query = term.casefold() if folded is None else folded
    best = (likeness or closest_likeness())(query, choices)
    return written[best[2]] if best else None


# How alike (rapidfuzz's ratio, 0-100) the closest words must be to a missing term.
LIKENESS_CUTOFF = 45


# How many edits from a missing term its translation's closest word may be to stand in its
# place (`near_miss`, `FileCheck.stand_ins`): a near miss of the word, not another word. A
# term shorter than _LONG_ENOUGH takes one edit, and no shorter word: two edits from a short
# word reach the language's everyday words (sq *mund* is two from *menu*, hy *այլ* one from
# *ֆայլ*).
_NEAR_MISS = 2
_LONG_ENOUGH = 6


def near_miss(word: str, term: str) -> bool:
    """Is the word a near miss of the term: within _NEAR_MISS edits of it (one for a short
    term), hardly shorter (not shorter for a short one), and different before the term's
    last two letters (not another form of its stem: *kreve* beside *krye*, the verb
    *ატვირთოთ* beside the noun *ატვირთვა*)?"""
    short = len(term) < _LONG_ENOUGH
    if len(word) < len(term) - (not short) or word[: len(term) - 2] == term[: len(term) - 2]:
        return False
    from rapidfuzz.distance import Levenshtein

    edits = 1 if short else _NEAR_MISS
    return Levenshtein.distance(word, term, score_cutoff=edits) <= edits


def closest_search():
    """rapidfuzz's ``extractOne`` and the scorer of `closest_likeness`, for a caller that
    searches many times: ``search(term, choices, scorer=scorer,
    score_cutoff=LIKENESS_CUTOFF)`` (no Python call of ours between them)."""
    from rapidfuzz import fuzz, process

    return process.extractOne, fuzz.ratio


def closest_likeness():
    """``f(term, choices)``: the best choice of at least 45% likeness (rapidfuzz), or None."""
    extract, ratio = closest_search()

    def likeness(term: str, choices: list[str]):
        # Not functools.partial: merging its keywords costs more than the search.
        return extract(term, choices, scorer=ratio, score_cutoff=LIKENESS_CUTOFF)

    return likeness
